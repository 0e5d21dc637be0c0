/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The checks amoCRM makes of a widget's archive, made of the folder the developer works in, so
 * that what the marketplace would refuse is named while the widget is being written: the
 * manifest's widget name, code and version, the personal_page location and its script, and
 * translations that all have the same keys. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "cab-manifest.h"

/* A translation lacking more keys than this names the first ones and counts the rest. */
#define MAX_KEYS_NAMED 5

void
cab_manifest_problem_free (CabManifestProblem *problem)
{
  g_free (problem->message);
  g_free (problem->file);
  g_free (problem);
}

static void
add_problem (GPtrArray  *problems,
             const char *check,
             const char *file,
             guint       line,
             guint       column,
             char       *message)
{
  CabManifestProblem *problem = g_new0 (CabManifestProblem, 1);

  problem->check = check;
  problem->message = message;
  problem->file = g_strdup (file);
  problem->line = line;
  problem->column = column;
  g_ptr_array_add (problems, problem);
}

/* A JSON file's root, or NULL with a problem that says where it stopped making sense. */
static JsonNode *
load_json (GPtrArray  *problems,
           const char *folder,
           const char *file,
           const char *check)
{
  g_autofree char *path = g_build_filename (folder, file, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) position = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  guint line = 0, column = 0;

  if (json_parser_load_from_file (parser, path, &error))
    {
      JsonNode *root = json_parser_get_root (parser);

      if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
        return json_node_copy (root);
      add_problem (problems, check, file, 0, 0,
                   g_strdup_printf (_("%s is not a JSON object"), file));
      return NULL;
    }

  /* json-glib says where: "…:LINE:COLUMN: Parse error: …". */
  position = g_regex_new (":(\\d+):(\\d+):", 0, 0, NULL);
  if (g_regex_match (position, error->message, 0, &match))
    {
      g_autofree char *line_text = g_match_info_fetch (match, 1);
      g_autofree char *column_text = g_match_info_fetch (match, 2);

      line = (guint) strtoul (line_text, NULL, 10);
      column = (guint) strtoul (column_text, NULL, 10);
    }
  add_problem (problems, check, file, line, column,
               g_strdup_printf (_("%s could not be read: %s"), file, error->message));
  return NULL;
}

static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static void
check_widget_member (GPtrArray  *problems,
                     JsonObject *widget,
                     const char *member,
                     const char *check,
                     const char *example)
{
  const char *value = string_member (widget, member);

  if (value == NULL || *value == '\0')
    add_problem (problems, check, "manifest.json", 0, 0,
                 /* Translators: e.g. “widget.code is missing or empty in manifest.json: amoCRM
                  * requires it, e.g. "code": "my_widget"”. */
                 g_strdup_printf (_("widget.%s is missing or empty in manifest.json: amoCRM requires it, e.g. %s"),
                                  member, example));
}

static void
check_locations (GPtrArray  *problems,
                 JsonObject *manifest)
{
  JsonNode *node = json_object_get_member (manifest, "locations");
  g_autoptr(GString) found = g_string_new (NULL);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *locations = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (locations); i++)
        {
          JsonNode *location = json_array_get_element (locations, i);

          if (!JSON_NODE_HOLDS_VALUE (location) || json_node_get_value_type (location) != G_TYPE_STRING)
            continue;
          if (g_str_equal (json_node_get_string (location), "personal_page"))
            return;
          g_string_append_printf (found, "%s\"%s\"", found->len > 0 ? ", " : "", json_node_get_string (location));
        }
    }

  add_problem (problems, "locations-missing", "manifest.json", 0, 0,
               found->len > 0
               ? g_strdup_printf (_("manifest.json: \"locations\" has %s but not \"personal_page\", so amoCRM "
                                    "never shows the widget in the client cabinet"), found->str)
               : g_strdup (_("manifest.json: \"locations\" must list \"personal_page\" for the widget to "
                             "appear in the client cabinet")));
}

/* Every leaf of @node as a dotted path ("widget.name"), into @keys. */
static void
collect_keys (JsonNode   *node,
              const char *prefix,
              GHashTable *keys)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_hash_table_add (keys, g_strdup (prefix));
      return;
    }

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      g_autofree char *path = *prefix != '\0' ? g_strconcat (prefix, ".", name, NULL) : g_strdup (name);

      collect_keys (member, path, keys);
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The translations: each a JSON object, all with the same keys, and the widget's name among
 * them when it is an i18n key. */
static void
check_translations (GPtrArray  *problems,
                    const char *folder,
                    const char *name)
{
  g_autofree char *i18n = g_build_filename (folder, "i18n", NULL);
  g_autoptr(GDir) dir = g_dir_open (i18n, 0, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) key_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr(GHashTable) all_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *entry;

  if (dir == NULL)
    return;
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (entry, ".json"))
      g_ptr_array_add (files, g_strconcat ("i18n/", entry, NULL));
  g_ptr_array_sort (files, compare_strings);

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(JsonNode) root = load_json (problems, folder, g_ptr_array_index (files, i), "i18n-unreadable");
      GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      if (root != NULL)
        collect_keys (root, "", keys);
      else
        g_hash_table_add (keys, g_strdup ("\x01unreadable"));
      g_ptr_array_add (key_sets, keys);
      if (root != NULL)
        {
          GHashTableIter iter;
          gpointer key;

          g_hash_table_iter_init (&iter, keys);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            g_hash_table_add (all_keys, g_strdup (key));
        }
    }

  for (guint i = 0; i < files->len; i++)
    {
      GHashTable *keys = g_ptr_array_index (key_sets, i);
      g_autoptr(GPtrArray) missing = g_ptr_array_new ();
      g_autoptr(GString) named = g_string_new (NULL);
      GHashTableIter iter;
      gpointer key;

      if (g_hash_table_contains (keys, "\x01unreadable"))
        continue;
      g_hash_table_iter_init (&iter, all_keys);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (keys, key))
          g_ptr_array_add (missing, key);
      if (missing->len == 0)
        continue;

      g_ptr_array_sort (missing, compare_strings);
      for (guint k = 0; k < missing->len && k < MAX_KEYS_NAMED; k++)
        g_string_append_printf (named, "%s%s", k > 0 ? ", " : "", (const char *) g_ptr_array_index (missing, k));
      if (missing->len > MAX_KEYS_NAMED)
        /* Translators: after the first missing keys, how many more there are. */
        g_string_append_printf (named, _(" and %u more"), missing->len - MAX_KEYS_NAMED);
      add_problem (problems, "i18n-keys-differ", g_ptr_array_index (files, i), 0, 0,
                   g_strdup_printf (ngettext ("%s lacks a key the other translations have: %s",
                                              "%s lacks keys the other translations have: %s", missing->len),
                                    (const char *) g_ptr_array_index (files, i), named->str));
    }

  /* amoCRM shows the name through the translations when it is a key such as "widget.name". */
  if (name != NULL && files->len > 0 && strchr (name, '.') != NULL && strchr (name, ' ') == NULL &&
      g_hash_table_size (all_keys) > 0 && !g_hash_table_contains (all_keys, name))
    add_problem (problems, "name-untranslated", "manifest.json", 0, 0,
                 g_strdup_printf (_("widget.name is the key “%s”, which no translation in i18n/ has"), name));
}

GPtrArray *
cab_manifest_check (const char *folder)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) cab_manifest_problem_free);
  g_autofree char *manifest_path = NULL;
  g_autofree char *script_path = NULL;
  g_autoptr(JsonNode) manifest = NULL;
  const char *name = NULL;

  g_return_val_if_fail (folder != NULL, problems);

  manifest_path = g_build_filename (folder, "manifest.json", NULL);
  if (!g_file_test (manifest_path, G_FILE_TEST_IS_REGULAR))
    add_problem (problems, "manifest-missing", "manifest.json", 0, 0,
                 g_strdup (_("There is no manifest.json in the widget’s folder: amoCRM needs it to install the widget")));
  else
    manifest = load_json (problems, folder, "manifest.json", "manifest-unreadable");

  if (manifest != NULL)
    {
      JsonObject *object = json_node_get_object (manifest);
      JsonNode *widget = json_object_get_member (object, "widget");

      if (widget == NULL || !JSON_NODE_HOLDS_OBJECT (widget))
        {
          add_problem (problems, "widget-missing", "manifest.json", 0, 0,
                       g_strdup (_("manifest.json has no \"widget\" object with the widget’s name, code and version")));
        }
      else
        {
          check_widget_member (problems, json_node_get_object (widget), "name", "name-missing", "\"name\": \"widget.name\"");
          check_widget_member (problems, json_node_get_object (widget), "code", "code-missing", "\"code\": \"my_widget\"");
          check_widget_member (problems, json_node_get_object (widget), "version", "version-missing", "\"version\": \"1.0.0\"");
          name = string_member (json_node_get_object (widget), "name");
        }
      check_locations (problems, object);
    }

  script_path = g_build_filename (folder, "personal_page.js", NULL);
  if (!g_file_test (script_path, G_FILE_TEST_IS_REGULAR))
    add_problem (problems, "script-missing", "personal_page.js", 0, 0,
                 g_strdup (_("There is no personal_page.js beside manifest.json: it is the script the client cabinet runs")));

  check_translations (problems, folder, name);

  return problems;
}
