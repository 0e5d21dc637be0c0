/* SPDX-License-Identifier: GPL-3.0-or-later */
/* State files on disk: the catalogue of malformed files in tests/state-files/ (each refused
 * with its exact message, the current state kept), every field type written out and read
 * back, and the autosave. No GTK: the model alone. */
#include "config.h"

#include <glib/gstdio.h>

#include "cab-autosave.h"
#include "cab-error.h"
#include "cab-state.h"

#define STATE_FILES_DIR TESTS_SOURCE_DIR "/state-files"

/* Each file of tests/state-files/ and what loading it must say after the file's name: a
 * parse error names line:column (json-glib counts the column in bytes), a shape error the
 * JSON path. Keep tests/state-files/README.md in step. */
static const struct
{
  const char *file;
  const char *expected;
} malformed[] = {
  { "empty.json", ": the file is empty" },
  { "not-an-object.json", ": (document): expected an object" },
  { "truncated.json", ":19:23: Parse error: unexpected character `,', expected string constant" },
  { "trailing-comma.json", ":13:34: Parse error: unexpected character `,', expected character `]'" },
  { "wrong-format.json", ": format: expected \"cabinet-inspector-state\": this is not a Cabinet Inspector state file" },
  { "version-2.json", ": version: expected 1" },
  { "empty-account-id.json", ": (document).accountId: must not be empty" },
  { "bad-date-format.json", ": sys.dateFormat: “dd-mm-yyyy” is not one of “dd/mm/yyyy”, “mm/dd/yyyy”, “dd.mm.yyyy”, “yyyy/mm/dd”" },
  { "author-id-differs-from-key.json", ": authors[\"a1\"]: its id “a2” differs from its key" },
  { "contact-key-differs.json", ": contacts[\"5501\"]: its id “5502” differs from its key" },
  { "unknown-field-type.json", ": fields[\"f1\"].type: “money” is not one of “text”, “numeric”, “checkbox”, “date”, “select”, "
    "“multiselect”, “url”, “textarea”, “radiobutton”, “streetaddress”, “smartAddress”, “legalEntity”, “birthday”, "
    "“dateTime”, “multitext”, “budget”" },
  { "numeric-holds-string.json", ": fields[\"f1\"].value: a numeric field holds a number" },
  { "checkbox-holds-number.json", ": fields[\"f1\"].value: a checkbox field holds true or false" },
  { "url-not-a-link.json", ": fields[\"f1\"].value: “docs/spec.pdf” is not an absolute URL" },
  { "zero-token-lifetime.json", ": integration.tokenLifetime: expected a positive number of seconds" },
  { "token-lifetime-too-long.json", ": integration.tokenLifetime: at most 315360000 seconds (ten years)" },
  { "redirect-uri-not-http.json", ": integration.redirectUri: “ftp://example.com/oauth” is not an http or https URL" },
  { "empty-lead-id.json", ": leads[0].lead.id: must not be empty" },
  { "lead-names-missing-field.json", ": leads[0].lead.fieldIds[1]: no field has the id “f404”" },
  { "status-without-color.json", ": leads[0].lead.statuses[0].color: missing" },
  { "duplicate-status-ids.json", ": leads[0].lead.statuses[1]: another status has the id “s1”" },
  { "lead-contacts-array.json", ": leads[0].lead.contacts: expected an object" },
  { "missing-company.json", ": leads[0].lead.company: missing (use null for no company)" },
  { "message-unknown-author.json", ": leads[0].messages[0]: no author has the id “a9”" },
  { "duplicate-lead-ids.json", ": leads[1].lead: another lead has the id “501”" },
  { "active-lead-missing.json", ": activeLeadId: no lead has the id “999”" },
};

static CabState *
default_state (void)
{
  g_autoptr(GError) error = NULL;
  CabState *state = cab_state_new_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (state);
  return state;
}

static char *
state_file_path (const char *name)
{
  return g_build_filename (STATE_FILES_DIR, name, NULL);
}

/* The catalogue and the folder agree: no file goes untested, no case lacks its file. */
static void
test_catalogue_complete (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (STATE_FILES_DIR, 0, &error);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *readme = NULL;
  g_autofree char *readme_path = state_file_path ("README.md");
  const char *name;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (readme_path, &readme, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *mention = g_strdup_printf ("`%s`", malformed[i].file);

      g_hash_table_add (listed, (gpointer) malformed[i].file);
      if (strstr (readme, mention) == NULL)
        g_error ("README.md does not list %s", malformed[i].file);
    }
  g_assert_cmpuint (G_N_ELEMENTS (malformed), >=, 12);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (!g_str_has_suffix (name, ".json") || g_str_equal (name, "valid-minimal.json"))
        continue;
      if (!g_hash_table_contains (listed, name))
        g_error ("%s/%s is in no test case", STATE_FILES_DIR, name);
    }
}

/* The files differ from valid-minimal.json in one place each; that one loads, so each
 * refusal below is about the defect the file is named after. */
static void
test_valid_minimal_loads (void)
{
  g_autoptr(CabState) state = cab_state_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = state_file_path ("valid-minimal.json");

  g_assert_true (cab_state_load_file (state, path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cab_state_get_active_lead_id (state), ==, "501");
}

static void
test_malformed_file (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autoptr(CabState) state = default_state ();
  g_autofree char *before = cab_state_to_data (state);
  g_autofree char *path = state_file_path (malformed[i].file);
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  /* As Open would load it: the message starts with the file's path. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *expected = g_strconcat (display, malformed[i].expected, NULL);
    g_autofree char *after = NULL;

    g_assert_false (cab_state_load_file (state, path, &error));
    g_assert_error (error, CAB_ERROR, CAB_ERROR_INVALID_STATE);
    g_assert_cmpstr (error->message, ==, expected);
    after = cab_state_to_data (state);
    g_assert_cmpstr (after, ==, before);
  }

  /* As data with a name (the raw JSON editor, --state): the same message after that name. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *expected = g_strconcat (malformed[i].file, malformed[i].expected, NULL);
    g_autofree char *after = NULL;

    g_assert_false (cab_state_load_data (state, contents, length, malformed[i].file, &error));
    g_assert_error (error, CAB_ERROR, CAB_ERROR_INVALID_STATE);
    g_assert_cmpstr (error->message, ==, expected);
    after = cab_state_to_data (state);
    g_assert_cmpstr (after, ==, before);
  }
}

/* A value of each of the 16 types, different from the fixture's and not trivial. */
static JsonNode *
new_value_for (const char *type,
               JsonObject *field)
{
  const char *json = NULL;

  if (g_str_equal (type, "text"))
    json = "\"Юникод «ёлка» 🎄 \\\"quoted\\\" back\\\\slash\\nnew line\\ttab\"";
  else if (g_str_equal (type, "numeric"))
    json = "-3.25";
  else if (g_str_equal (type, "budget"))
    json = "1500000.5";
  else if (g_str_equal (type, "checkbox"))
    json = json_object_get_boolean_member (field, "value") ? "false" : "true";
  else if (g_str_equal (type, "date"))
    json = "1704067200";  /* 2024-01-01 00:00 UTC */
  else if (g_str_equal (type, "birthday"))
    json = "-86400";      /* 1969-12-31: before the epoch is a birthday too */
  else if (g_str_equal (type, "dateTime"))
    json = "1795210620";  /* 2026-11-21 13:37 UTC */
  else if (g_str_equal (type, "url"))
    json = "\"https://example.org/путь/spec.pdf?q=a%20b&x=1#part-2\"";
  else if (g_str_equal (type, "textarea"))
    json = "\"First line\\nSecond «line» with \\\"quotes\\\"\\n\\n  indented last line\"";
  else if (g_str_equal (type, "streetaddress"))
    json = "\"г. Екатеринбург, ул. Малышева, д. 51\\nофис 1204, «БЦ Высоцкий»\"";
  else if (g_str_equal (type, "smartAddress"))
    json = "{\"address_line_1\":\"221B Baker Street\",\"address_line_2\":\"Flat «B»\",\"city\":\"London\","
           "\"state\":\"Greater London\",\"zip\":\"NW1 6XE\",\"country\":\"GB\"}";
  else if (g_str_equal (type, "legalEntity"))
    json = "{\"name\":\"ООО \\\"Ромашка\\\"\",\"entity_type\":\"legal\",\"vat_id\":\"7701234567\",\"kpp\":\"770101001\","
           "\"tax_registration_reason_code\":\"770101001\",\"address\":\"Москва,\\nул. Тверская, 1\"}";
  else if (g_str_equal (type, "multitext"))
    json = "[{\"value\":\"+1 555 0100\",\"enumCode\":\"WORK\"},{\"value\":\"+7 900 000-00-00 доб. 5\",\"enumCode\":\"MOB\"}]";

  if (json != NULL)
    {
      g_autoptr(GError) error = NULL;
      JsonNode *node = json_from_string (json, &error);

      g_assert_no_error (error);
      return node;
    }

  /* Select-like fields take their options from "enums": another option than the current one,
   * or for multiselect the last two options in reverse order. */
  {
    JsonArray *enums = json_object_get_array_member (field, "enums");
    guint n = json_array_get_length (enums);

    g_assert_cmpuint (n, >=, 2);
    if (g_str_equal (type, "multiselect"))
      {
        JsonArray *chosen = json_array_new ();
        JsonNode *node = json_node_new (JSON_NODE_ARRAY);

        json_array_add_element (chosen, json_node_copy (json_array_get_element (enums, n - 1)));
        json_array_add_element (chosen, json_node_copy (json_array_get_element (enums, n - 2)));
        json_node_take_array (node, chosen);
        return node;
      }
    else
      {
        JsonNode *current = json_object_get_member (field, "value");

        for (guint i = 0; i < n; i++)
          if (!json_node_equal (json_array_get_element (enums, i), current))
            return json_node_copy (json_array_get_element (enums, i));
      }
  }

  g_assert_not_reached ();
}

static const char * const field_types[] = {
  "text", "numeric", "checkbox", "date", "select", "multiselect", "url", "textarea",
  "radiobutton", "streetaddress", "smartAddress", "legalEntity", "birthday", "dateTime",
  "multitext", "budget",
};

/* A field of @type that the active lead shows (its own, a contact's or the company's). A copy
 * of the id: what cab_state_peek returns is gone after the next edit. */
static char *
find_field_of_type (CabState   *state,
                    const char *type)
{
  JsonObject *fields = json_node_get_object (cab_state_peek (state, "fields"));
  g_autoptr(GList) ids = json_object_get_members (fields);

  for (const GList *l = ids; l != NULL; l = l->next)
    {
      JsonObject *field = json_object_get_object_member (fields, l->data);

      if (g_str_equal (json_object_get_string_member (field, "type"), type) &&
          cab_state_lead_has_field (state, l->data))
        return g_strdup (l->data);
    }

  return NULL;
}

/* Each type: a new value set through the model, written out, read into a fresh state: the
 * same value comes back. */
static void
test_field_types_round_trip (void)
{
  g_autoptr(CabState) state = default_state ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(CabState) copy = cab_state_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (field_types); i++)
    {
      g_autofree char *id = find_field_of_type (state, field_types[i]);
      g_autoptr(JsonNode) field = NULL;
      g_autoptr(JsonNode) set = NULL;
      JsonNode *value;

      if (id == NULL)
        g_error ("the fixture's active lead has no %s field", field_types[i]);
      field = cab_state_dup_field (state, id);
      value = new_value_for (field_types[i], json_node_get_object (field));
      g_assert_false (json_node_equal (value, json_object_get_member (json_node_get_object (field), "value")));
      json_object_set_member (json_node_get_object (field), "value", value);

      if (!cab_state_set_field (state, id, field, &error))
        g_error ("%s field %s refused: %s", field_types[i], id, error->message);
      set = cab_state_dup_field (state, id);
      g_assert_true (json_node_equal (set, field));

      g_ptr_array_add (ids, g_steal_pointer (&id));
      g_ptr_array_add (values, json_node_ref (field));
    }

  data = cab_state_to_data (state);
  g_assert_true (cab_state_load_data (copy, data, -1, "round-trip.json", &error));
  g_assert_no_error (error);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(JsonNode) back = cab_state_dup_field (copy, g_ptr_array_index (ids, i));
      JsonNode *expected = g_ptr_array_index (values, i);

      if (back == NULL || !json_node_equal (back, expected))
        {
          g_autofree char *want = json_to_string (expected, FALSE);
          g_autofree char *got = back != NULL ? json_to_string (back, FALSE) : g_strdup ("(none)");

          g_error ("%s field: wrote %s, read %s", field_types[i], want, got);
        }
    }
}

/* Save and open: the same document, and nothing but the file in the folder. */
static void
test_save_and_load_file (void)
{
  g_autoptr(CabState) state = default_state ();
  g_autoptr(CabState) copy = cab_state_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) sys = cab_state_dup_entity (state, CAB_ENTITY_SYS);
  g_autofree char *dir = g_dir_make_tmp ("cab-state-files-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "scenario.json", NULL);
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GDir) listing = NULL;

  g_assert_no_error (error);
  json_object_set_string_member (json_node_get_object (sys), "currencySymbol", "€ \"euro\"");
  g_assert_true (cab_state_set_sys (state, sys, &error));
  g_assert_no_error (error);

  g_assert_true (cab_state_save_file (state, path, &error));
  g_assert_no_error (error);
  /* Saved twice: replacing an existing file goes through the same atomic path. */
  g_assert_true (cab_state_save_file (state, path, &error));
  g_assert_no_error (error);

  g_assert_true (cab_state_load_file (copy, path, &error));
  g_assert_no_error (error);
  data = cab_state_to_data (state);
  again = cab_state_to_data (copy);
  g_assert_cmpstr (data, ==, again);

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "scenario.json");
  g_assert_null (g_dir_read_name (listing));

  g_unlink (path);
  g_rmdir (dir);
}

static void
set_currency (CabState   *state,
              const char *symbol)
{
  g_autoptr(JsonNode) sys = cab_state_dup_entity (state, CAB_ENTITY_SYS);
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (json_node_get_object (sys), "currencySymbol", symbol);
  g_assert_true (cab_state_set_sys (state, sys, &error));
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* The names in @dir, sorted and joined with spaces. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

/* An edit reaches the disk by itself, soon after, in a private folder, and nothing but the
 * file is left there. */
static void
test_autosave_after_edit (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cab-autosave-XXXXXX", &error);
  g_autofree char *folder = g_build_filename (dir, "cabinet-inspector", NULL);
  g_autofree char *path = g_build_filename (folder, "autosave.json", NULL);
  g_autoptr(CabState) state = default_state ();
  g_autoptr(CabAutosave) autosave = cab_autosave_new (state, path);
  g_autoptr(CabState) copy = cab_state_new ();
  g_autofree char *saved = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *names = NULL;
  gint64 deadline;
  GStatBuf info;

  g_assert_no_error (error);
  g_assert_false (cab_autosave_is_pending (autosave));

  /* Three quick edits: one write, after the last. */
  set_currency (state, "$");
  set_currency (state, "€");
  set_currency (state, "¥");
  g_assert_true (cab_autosave_is_pending (autosave));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE) || (g_usleep (2000), TRUE);
    }
  g_assert_false (cab_autosave_is_pending (autosave));

  g_assert_true (cab_state_load_file (copy, path, &error));
  g_assert_no_error (error);
  saved = cab_state_to_data (copy);
  expected = cab_state_to_data (state);
  g_assert_cmpstr (saved, ==, expected);

  /* The client secret is in there: the folder is the user's alone. */
  g_assert_cmpint (g_stat (folder, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0700);
  names = list_dir (folder);
  g_assert_cmpstr (names, ==, "autosave.json");

  remove_tree (dir);
}

/* Flush writes a pending change at once (the window calls it when it closes). */
static void
test_autosave_flush (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cab-autosave-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "autosave.json", NULL);
  g_autoptr(CabState) state = default_state ();
  g_autoptr(CabAutosave) autosave = cab_autosave_new (state, path);
  g_autoptr(CabState) copy = cab_state_new ();
  g_autofree char *names = NULL;

  /* Nothing pending: nothing written. */
  g_assert_true (cab_autosave_flush (autosave, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  set_currency (state, "₸");
  g_assert_true (cab_autosave_flush (autosave, &error));
  g_assert_no_error (error);
  g_assert_false (cab_autosave_is_pending (autosave));
  g_assert_true (cab_state_load_file (copy, path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (cab_state_peek (copy, "sys")), "currencySymbol"),
                   ==, "₸");

  /* The last edit before the autosave goes away is written too. */
  set_currency (state, "£");
  g_clear_object (&autosave);
  g_assert_true (cab_state_load_file (copy, path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (cab_state_peek (copy, "sys")), "currencySymbol"),
                   ==, "£");

  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "autosave.json");
  remove_tree (dir);
}

static void
on_failed (CabAutosave  *autosave,
           const GError *error,
           char        **message)
{
  g_free (*message);
  *message = g_strdup (error->message);
}

/* A folder that cannot be made: the failure is reported, without the document's secret. */
static void
test_autosave_failure (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cab-autosave-XXXXXX", &error);
  g_autofree char *blocker = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (blocker, "autosave.json", NULL);
  g_autoptr(CabState) state = default_state ();
  g_autoptr(CabAutosave) autosave = cab_autosave_new (state, path);
  JsonObject *integration = json_node_get_object (cab_state_peek (state, "integration"));
  const char *secret = json_object_get_string_member (integration, "clientSecret");
  g_autofree char *message = NULL;
  gint64 deadline;

  g_assert_true (g_file_set_contents (blocker, "", 0, &error));
  g_signal_connect (autosave, "failed", G_CALLBACK (on_failed), &message);

  set_currency (state, "$");
  deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (message == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE) || (g_usleep (2000), TRUE);
    }
  g_assert_nonnull (strstr (message, "not-a-folder"));
  g_assert_null (strstr (message, secret));

  g_assert_false (cab_autosave_is_pending (autosave));
  g_clear_object (&autosave);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/state-files/catalogue-complete", test_catalogue_complete);
  g_test_add_func ("/state-files/valid-minimal", test_valid_minimal_loads);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *name = g_strndup (malformed[i].file, strlen (malformed[i].file) - strlen (".json"));
      g_autofree char *test_path = g_strconcat ("/state-files/malformed/", name, NULL);

      g_test_add_data_func (test_path, GUINT_TO_POINTER (i), test_malformed_file);
    }
  g_test_add_func ("/state-files/field-types-round-trip", test_field_types_round_trip);
  g_test_add_func ("/state-files/save-and-load-file", test_save_and_load_file);
  g_test_add_func ("/autosave/after-edit", test_autosave_after_edit);
  g_test_add_func ("/autosave/flush", test_autosave_flush);
  g_test_add_func ("/autosave/failure", test_autosave_failure);

  return g_test_run ();
}
