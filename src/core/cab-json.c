/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

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
