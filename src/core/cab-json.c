/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cab-error.h"
#include "cab-json.h"

static JsonArray *
deep_copy_array (JsonArray *array)
{
  guint length = json_array_get_length (array);
  JsonArray *copy = json_array_sized_new (length);

  for (guint i = 0; i < length; i++)
    json_array_add_element (copy, cab_json_deep_copy (json_array_get_element (array, i)));

  return copy;
}

JsonObject *
cab_json_deep_copy_object (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  g_return_val_if_fail (object != NULL, NULL);

  /* Members keep their order: json-glib iterates in insertion order. */
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    json_object_set_member (copy, name, cab_json_deep_copy (member));

  return copy;
}

JsonNode *
cab_json_deep_copy (JsonNode *node)
{
  JsonNode *copy;

  g_return_val_if_fail (node != NULL, NULL);

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      copy = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (copy, cab_json_deep_copy_object (json_node_get_object (node)));
      return copy;
    case JSON_NODE_ARRAY:
      copy = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (copy, deep_copy_array (json_node_get_array (node)));
      return copy;
    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      /* Scalars hold no shared containers; a json_node_copy() of one is independent. */
      copy = json_node_copy (node);
      return copy;
    }
}

/* json-glib keeps the last of two equal keys without a word; in a state file that is an id
 * given twice (two authors "a1"), and one of them would silently vanish. "object-member"
 * comes after the member is stored: when an object has seen more members than it holds, this
 * one replaced an earlier one. The parser knows the position only inside its signals. */
typedef struct
{
  GHashTable *members_seen;  /* JsonObject → guint */
  char       *key;
  guint       line;
  guint       column;
} DuplicateKey;

static void
on_object_member (JsonParser   *parser,
                  JsonObject   *object,
                  const char   *member_name,
                  DuplicateKey *duplicate)
{
  guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (duplicate->members_seen, object)) + 1;

  g_hash_table_insert (duplicate->members_seen, object, GUINT_TO_POINTER (seen));
  if (duplicate->key == NULL && seen > json_object_get_size (object))
    {
      duplicate->key = g_strdup (member_name);
      duplicate->line = json_parser_get_current_line (parser);
      duplicate->column = json_parser_get_current_pos (parser);
    }
}

/* The root of @data, parsed as a user's file must be: malformed JSON is named by file, line
 * and column as compilers do, and so is a key given twice in one object (json-glib would
 * silently keep the last one) and an empty file. Errors are in CAB_ERROR with @code. */
JsonNode *
cab_json_parse_strict (const char  *data,
                       gssize       length,
                       const char  *source_name,
                       int          code,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) members_seen = g_hash_table_new (NULL, NULL);
  g_autofree char *duplicate_key = NULL;
  DuplicateKey duplicate = { members_seen, NULL, 0, 0 };
  gboolean parsed;

  g_return_val_if_fail (data != NULL, NULL);

  g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member), &duplicate);
  parsed = json_parser_load_from_data (parser, data, length, &local_error);
  duplicate_key = g_steal_pointer (&duplicate.key);
  if (parsed && duplicate_key != NULL)
    {
      g_set_error (error, CAB_ERROR, code, _("%s:%u:%u: the key “%s” appears twice in one object"),
                   source_name, duplicate.line, duplicate.column, duplicate_key);
      return NULL;
    }
  if (!parsed)
    {
      /* json-glib says "<data>:line:column: …"; name the file there instead. */
      const char *message = local_error->message;

      if (g_str_has_prefix (message, "<data>:"))
        g_set_error (error, CAB_ERROR, code, "%s:%s", source_name, message + strlen ("<data>:"));
      else
        g_set_error (error, CAB_ERROR, code, "%s: %s", source_name, message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, CAB_ERROR, code, _("%s: the file is empty"), source_name);
      return NULL;
    }

  return json_parser_steal_root (parser);
}

/* RFC 7396: members of @patch replace those of @target, objects merge member by member, and
 * null removes a member. Returns the merged value; @target is not changed. */
JsonNode *
cab_json_merge_patch (JsonNode *target,
                      JsonNode *patch)
{
  g_autoptr(JsonNode) result = NULL;
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;
  JsonObject *object;

  g_return_val_if_fail (patch != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (patch))
    return cab_json_deep_copy (patch);

  if (target != NULL && JSON_NODE_HOLDS_OBJECT (target))
    result = cab_json_deep_copy (target);
  else
    result = json_node_init_object (json_node_alloc (), json_object_new ());
  object = json_node_get_object (result);

  json_object_iter_init (&iter, json_node_get_object (patch));
  while (json_object_iter_next (&iter, &key, &member))
    {
      if (JSON_NODE_HOLDS_NULL (member))
        json_object_remove_member (object, key);
      else
        json_object_set_member (object, key,
                                cab_json_merge_patch (json_object_get_member (object, key), member));
    }

  return g_steal_pointer (&result);
}
