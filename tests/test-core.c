/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The model, its JSON and the widget sources, without a page. */
#include "config.h"

#include <glib/gstdio.h>

#include "cab-error.h"
#include "cab-jwt.h"
#include "cab-state.h"
#include "cab-widget-source.h"

static const char * const field_types[] = {
  "text", "numeric", "checkbox", "date", "select", "multiselect", "url", "textarea",
  "radiobutton", "streetaddress", "smartAddress", "legalEntity", "birthday", "dateTime",
  "multitext", "budget",
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

static gboolean
lead_has_field_type (CabState   *state,
                     const char *type)
{
  g_autoptr(JsonNode) fields = cab_state_dup_entity (state, CAB_ENTITY_LEAD_FIELDS);
  g_autoptr(GList) ids = json_object_get_members (json_node_get_object (fields));

  for (const GList *l = ids; l != NULL; l = l->next)
    {
      JsonObject *field = json_object_get_object_member (json_node_get_object (fields), l->data);

      if (g_str_equal (json_object_get_string_member (field, "type"), type))
        return TRUE;
    }

  return FALSE;
}

/* Both leads of the fixture carry fields of all 16 types, and every SysModel field. */
static void
test_fixture_complete (void)
{
  g_autoptr(CabState) state = default_state ();
  g_autoptr(JsonNode) sys = cab_state_dup_entity (state, CAB_ENTITY_SYS);
  g_autoptr(JsonNode) authors = cab_state_dup_entity (state, CAB_ENTITY_AUTHORS);
  static const char * const sys_fields[] = {
    "currencySymbol", "dateFormat", "timeFormat", "lang", "isRemovalAvailable", "logoUrl", "pageTitle",
  };
  static const char * const leads[] = { "18342201", "18342277" };
  gboolean has_client = FALSE, has_bot = FALSE;
  guint managers = 0;
  g_autoptr(GList) author_ids = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (sys_fields); i++)
    g_assert_true (json_object_has_member (json_node_get_object (sys), sys_fields[i]));

  for (guint l = 0; l < G_N_ELEMENTS (leads); l++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (cab_state_set_active_lead (state, leads[l], &error));
      g_assert_no_error (error);
      for (guint i = 0; i < G_N_ELEMENTS (field_types); i++)
        if (!lead_has_field_type (state, field_types[i]))
          g_error ("lead %s has no %s field", leads[l], field_types[i]);
    }

  author_ids = json_object_get_members (json_node_get_object (authors));
  for (const GList *l = author_ids; l != NULL; l = l->next)
    {
      JsonObject *author = json_object_get_object_member (json_node_get_object (authors), l->data);

      has_client |= json_object_get_boolean_member (author, "isClient");
      has_bot |= json_object_get_boolean_member (author, "isBot");
      managers += !json_object_get_boolean_member (author, "isClient") && !json_object_get_boolean_member (author, "isBot");
    }
  g_assert_true (has_client);
  g_assert_true (has_bot);
  g_assert_cmpuint (managers, >=, 2);
}

/* The document written out and read back is the same document. */
static void
test_round_trip (void)
{
  g_autoptr(CabState) state = default_state ();
  g_autoptr(CabState) copy = cab_state_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = cab_state_to_data (state);
  g_autofree char *again = NULL;

  g_assert_true (cab_state_load_data (copy, data, -1, "copy.json", &error));
  g_assert_no_error (error);
  again = cab_state_to_data (copy);
  g_assert_cmpstr (data, ==, again);

  for (guint i = 0; i < 4; i++)
    {
      static const char * const entities[] = { "sys", "lead", "leadFields", "authors" };
      g_autoptr(JsonNode) a = cab_state_dup_entity (state, entities[i]);
      g_autoptr(JsonNode) b = cab_state_dup_entity (copy, entities[i]);

      g_assert_true (json_node_equal (a, b));
    }
}

static void
count_changes (CabState   *state,
               const char *what,
               const char *key,
               GPtrArray  *seen)
{
  g_ptr_array_add (seen, g_strdup (what));
}

static void
test_changes_and_lead_switch (void)
{
  g_autoptr(CabState) state = default_state ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) query = NULL;
  g_autoptr(JsonNode) sys = cab_state_dup_entity (state, CAB_ENTITY_SYS);

  g_signal_connect (state, "changed", G_CALLBACK (count_changes), seen);

  json_object_set_string_member (json_node_get_object (sys), "lang", "en");
  g_assert_true (cab_state_set_sys (state, sys, &error));
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "sys");

  g_assert_true (cab_state_set_active_lead (state, "18342277", &error));
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "active-lead");
  query = cab_state_dup_router_query (state);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (query), "leadId"), ==, "18342277");

  /* Switching to the active lead changes nothing; an unknown lead is refused by name. */
  g_assert_true (cab_state_set_active_lead (state, "18342277", &error));
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_false (cab_state_set_active_lead (state, "404", &error));
  g_assert_error (error, CAB_ERROR, CAB_ERROR_INVALID_STATE);
  g_assert_nonnull (strstr (error->message, "404"));
  g_assert_cmpstr (cab_state_get_active_lead_id (state), ==, "18342277");
}

/* A value of the wrong shape is refused with the path of the problem, and nothing changes. */
static gboolean
set_value (CabState    *state,
           const char  *what,
           JsonNode    *value,
           GError     **error)
{
  if (g_str_equal (what, "sys"))
    return cab_state_set_sys (state, value, error);
  if (g_str_equal (what, "lead"))
    return cab_state_set_lead (state, value, error);
  if (g_str_equal (what, "author"))
    return cab_state_set_author (state, value, error);
  g_assert_cmpstr (what, ==, "field");
  return cab_state_set_field (state, "18342201-512001", value, error);
}

static void
test_invalid_values (void)
{
  static const struct { const char *what, *json, *path; } cases[] = {
    { "sys", "{\"currencySymbol\":\"₽\",\"dateFormat\":\"dd-mm-yyyy\",\"timeFormat\":\"HH:MM\",\"lang\":\"ru\","
             "\"isRemovalAvailable\":false,\"logoUrl\":\"\",\"pageTitle\":\"\"}", "sys.dateFormat" },
    { "sys", "{\"currencySymbol\":\"₽\",\"dateFormat\":\"dd.mm.yyyy\",\"timeFormat\":\"HH:MM\",\"lang\":\"de\","
             "\"isRemovalAvailable\":false,\"logoUrl\":\"\",\"pageTitle\":\"\"}", "sys.lang" },
    { "sys", "[]", "sys: expected an object" },
    { "author", "{\"id\":\"\",\"avatar\":\"\",\"name\":\"\",\"isBot\":false,\"isClient\":false}", "author.id: must not be empty" },
    { "author", "{\"id\":\"a\",\"avatar\":\"\",\"name\":\"\",\"isBot\":\"no\",\"isClient\":false}", "author.isBot" },
    { "field", "{\"id\":\"18342201-512001\",\"fieldId\":\"1\",\"fieldSource\":\"lead\",\"name\":\"N\",\"type\":\"numeric\",\"value\":\"12\"}",
      "value: a numeric field holds a number" },
    { "field", "{\"id\":\"18342201-512001\",\"fieldId\":\"1\",\"fieldSource\":\"deal\",\"name\":\"N\",\"type\":\"text\",\"value\":\"\"}",
      "fieldSource" },
    { "lead", "{\"id\":\"\",\"pid\":\"\",\"isLeadLoaded\":true,\"fieldIds\":[],\"statuses\":[],\"managerId\":\"\",\"contacts\":{},\"company\":null}",
      "lead.id: must not be empty" },
    { "lead", "{\"id\":\"1\",\"pid\":\"1\",\"isLeadLoaded\":true,\"fieldIds\":[\"nope\"],\"statuses\":[],\"managerId\":\"\",\"contacts\":{},\"company\":null}",
      "lead.fieldIds[0]" },
  };
  g_autoptr(CabState) state = default_state ();
  g_autofree char *before = cab_state_to_data (state);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) value = json_from_string (cases[i].json, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_assert_false (set_value (state, cases[i].what, value, &error));
      g_assert_error (error, CAB_ERROR, CAB_ERROR_INVALID_STATE);
      if (strstr (error->message, cases[i].path) == NULL)
        g_error ("case %u: “%s” does not name “%s”", i, error->message, cases[i].path);
      after = cab_state_to_data (state);
      g_assert_cmpstr (before, ==, after);
    }
  g_assert_false (cab_state_can_undo (state));
}

/* Malformed documents: each is refused with the file's name and where the problem is. */
static void
test_malformed_documents (void)
{
  static const struct { const char *json, *expected; } cases[] = {
    { "{\n  \"format\": \"cabinet-inspector-state\",\n  \"version\": 1,\n", "bad.json:3:15: Parse error" },
    { "[]", "(document): expected an object" },
    { "{\"format\":\"something-else\",\"version\":1}", "format" },
    { "{\"format\":\"cabinet-inspector-state\",\"version\":2}", "version" },
    { "{\"format\":\"cabinet-inspector-state\",\"version\":1,\"accountId\":\"1\",\"activeLeadId\":\"1\"}", "sys: expected an object" },
  };
  g_autoptr(CabState) state = default_state ();
  g_autofree char *before = cab_state_to_data (state);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_assert_false (cab_state_load_data (state, cases[i].json, -1, "bad.json", &error));
      g_assert_error (error, CAB_ERROR, CAB_ERROR_INVALID_STATE);
      g_assert_true (g_str_has_prefix (error->message, "bad.json"));
      if (strstr (error->message, cases[i].expected) == NULL)
        g_error ("case %u: “%s” does not name “%s”", i, error->message, cases[i].expected);
      after = cab_state_to_data (state);
      g_assert_cmpstr (before, ==, after);
    }

  /* A document whose active lead does not exist. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) document = json_from_string (before, NULL);
    g_autofree char *json = NULL;

    json_object_set_string_member (json_node_get_object (document), "activeLeadId", "missing");
    json = json_to_string (document, FALSE);
    g_assert_false (cab_state_load_data (state, json, -1, "bad.json", &error));
    g_assert_nonnull (strstr (error->message, "activeLeadId"));
  }
}

static guchar *
base64url_decode (const char *text,
                  gsize      *len)
{
  g_autoptr(GString) b64 = g_string_new (text);

  g_strdelimit (b64->str, "-", '+');
  g_strdelimit (b64->str, "_", '/');
  while (b64->len % 4 != 0)
    g_string_append_c (b64, '=');

  return g_base64_decode (b64->str, len);
}

/* RFC 7515 Appendix A.1: the HS256 example, byte for byte. */
static void
test_jwt_rfc7515 (void)
{
  const char *signing_input =
    "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
    ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
  gsize key_len;
  g_autofree guchar *key = base64url_decode ("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow",
                                             &key_len);
  g_autofree char *signature = cab_jwt_signature_hs256 (signing_input, key, key_len);

  g_assert_cmpstr (signature, ==, "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
}

/* The token initLead gets: HS256, the SPEC §4 claims, signed with the fixture's secret. */
static void
test_minted_token (void)
{
  g_autoptr(CabState) state = default_state ();
  g_autofree char *token = cab_state_mint_token (state, "18342277");
  g_auto(GStrv) parts = g_strsplit (token, ".", -1);
  g_autofree char *signing_input = NULL;
  g_autofree char *header_json = NULL;
  g_autofree char *claims_json = NULL;
  g_autofree char *expected_signature = NULL;
  g_autoptr(JsonNode) header = NULL;
  g_autoptr(JsonNode) claims = NULL;
  g_autofree char *data = cab_state_to_data (state);
  g_autoptr(JsonNode) document = json_from_string (data, NULL);
  JsonObject *integration = json_object_get_object_member (json_node_get_object (document), "integration");
  const char *secret = json_object_get_string_member (integration, "clientSecret");
  static const char * const claim_names[] = {
    "iss", "aud", "jti", "iat", "nbf", "exp", "account_id", "user_id", "client_uuid", "lead_id", "contact_id",
  };
  gsize len;
  JsonObject *c;

  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  header_json = (char *) base64url_decode (parts[0], &len);
  header_json = g_realloc (header_json, len + 1);
  header_json[len] = '\0';
  header = json_from_string (header_json, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (header), "alg"), ==, "HS256");

  claims_json = (char *) base64url_decode (parts[1], &len);
  claims_json = g_realloc (claims_json, len + 1);
  claims_json[len] = '\0';
  claims = json_from_string (claims_json, NULL);
  c = json_node_get_object (claims);
  for (guint i = 0; i < G_N_ELEMENTS (claim_names); i++)
    g_assert_true (json_object_has_member (c, claim_names[i]));
  g_assert_cmpstr (json_object_get_string_member (c, "lead_id"), ==, "18342277");
  g_assert_cmpstr (json_object_get_string_member (c, "aud"), ==, "https://widget.example.com");
  g_assert_cmpint (json_object_get_int_member (c, "exp") - json_object_get_int_member (c, "iat"), ==,
                   (gint64) json_object_get_double_member (integration, "tokenLifetime"));

  signing_input = g_strconcat (parts[0], ".", parts[1], NULL);
  expected_signature = cab_jwt_signature_hs256 (signing_input, (const guchar *) secret, strlen (secret));
  g_assert_cmpstr (parts[2], ==, expected_signature);

  /* No secret: an empty token, as amoCRM's addWidget allows. */
  json_object_set_string_member (integration, "clientSecret", "");
  {
    g_autofree char *json = json_to_string (document, FALSE);
    g_autofree char *empty = NULL;

    g_assert_true (cab_state_load_data (state, json, -1, "no-secret.json", NULL));
    empty = cab_state_mint_token (state, NULL);
    g_assert_cmpstr (empty, ==, "");
  }
}

static void
test_widget_sources (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (TESTS_SOURCE_DIR, "widgets", "relative-dep", NULL);
  g_autofree char *file = g_build_filename (TESTS_SOURCE_DIR, "widgets", "documented-shape.js", NULL);
  g_autofree char *readme = g_build_filename (TESTS_SOURCE_DIR, "widgets", "README.md", NULL);
  g_autofree char *not_widget = g_build_filename (TESTS_SOURCE_DIR, "widgets", "relative-dep", "lib", NULL);
  g_autoptr(CabWidgetSource) source = NULL;

  source = cab_widget_source_new_for_argument (folder, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cab_widget_source_get_kind (source), ==, CAB_WIDGET_SOURCE_FOLDER);
  g_assert_cmpstr (cab_widget_source_get_entry (source), ==, "personal_page.js");
  g_assert_cmpstr (cab_widget_source_get_root (source), ==, folder);
  g_clear_object (&source);

  source = cab_widget_source_new_for_argument (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cab_widget_source_get_kind (source), ==, CAB_WIDGET_SOURCE_FILE);
  g_assert_cmpstr (cab_widget_source_get_entry (source), ==, "documented-shape.js");
  g_clear_object (&source);

  source = cab_widget_source_new_for_argument ("http://localhost:3000/personal_page.js", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cab_widget_source_get_kind (source), ==, CAB_WIDGET_SOURCE_URL);
  g_assert_cmpstr (cab_widget_source_get_label (source), ==, "localhost:3000");
  g_clear_object (&source);

  /* Each mistake is refused with a message that names it. */
  g_assert_null (cab_widget_source_new_for_argument (readme, &error));
  g_assert_error (error, CAB_ERROR, CAB_ERROR_INVALID_SOURCE);
  g_assert_nonnull (strstr (error->message, "not an http(s) URL, a .js file or a widget folder"));
  g_clear_error (&error);
  g_assert_null (cab_widget_source_new_for_argument (not_widget, &error));
  g_assert_nonnull (strstr (error->message, "has no personal_page.js"));
  g_clear_error (&error);
  g_assert_null (cab_widget_source_new_for_argument ("/no/such/widget", &error));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_clear_error (&error);
  g_assert_null (cab_widget_source_new_for_argument ("http://", &error));
  g_assert_error (error, CAB_ERROR, CAB_ERROR_INVALID_SOURCE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/fixture-complete", test_fixture_complete);
  g_test_add_func ("/core/round-trip", test_round_trip);
  g_test_add_func ("/core/changes-and-lead-switch", test_changes_and_lead_switch);
  g_test_add_func ("/core/invalid-values", test_invalid_values);
  g_test_add_func ("/core/malformed-documents", test_malformed_documents);
  g_test_add_func ("/core/jwt-rfc7515", test_jwt_rfc7515);
  g_test_add_func ("/core/minted-token", test_minted_token);
  g_test_add_func ("/core/widget-sources", test_widget_sources);

  return g_test_run ();
}
