/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The model's edits: what each one changes, what it announces (and nothing more), what it
 * refuses, and that undo and redo put back exactly what was there. */
#include "config.h"

#include <string.h>

#include "cab-error.h"
#include "cab-json.h"
#include "cab-jwt.h"
#include "cab-state.h"

static CabState *
default_state (void)
{
  g_autoptr(GError) error = NULL;
  CabState *state = cab_state_new_default (&error);

  g_assert_no_error (error);
  return state;
}

/* Every announcement, as "what" or "what:key". */
static void
record_change (CabState   *state,
               const char *what,
               const char *key,
               GPtrArray  *seen)
{
  g_ptr_array_add (seen, key != NULL ? g_strdup_printf ("%s:%s", what, key) : g_strdup (what));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static char *
joined (GPtrArray *seen)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < seen->len; i++)
    g_ptr_array_add (sorted, g_strdup (g_ptr_array_index (seen, i)));
  g_ptr_array_sort (sorted, compare_strings);
  for (guint i = 0; i < sorted->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? " " : "", (char *) g_ptr_array_index (sorted, i));
  g_ptr_array_set_size (seen, 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define assert_announced(seen, expected) G_STMT_START { \
  g_autofree char *_got = joined (seen); \
  g_assert_cmpstr (_got, ==, expected); \
} G_STMT_END

static JsonNode *
field_with_value (CabState   *state,
                  const char *id,
                  const char *value_json)
{
  JsonNode *field = cab_state_dup_field (state, id);

  json_object_set_member (json_node_get_object (field), "value", json_from_string (value_json, NULL));
  return field;
}

/* One field's value: announced as that member of leadFields only, undone and redone. */
static void
test_field_edit_and_undo (void)
{
  g_autoptr(CabState) state = default_state ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = cab_state_to_data (state);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autoptr(JsonNode) field = field_with_value (state, "18342201-512001", "777");
  g_autoptr(JsonNode) back = NULL;

  g_signal_connect (state, "changed", G_CALLBACK (record_change), seen);
  g_assert_false (cab_state_can_undo (state));

  g_assert_true (cab_state_set_field (state, "18342201-512001", field, &error));
  g_assert_no_error (error);
  assert_announced (seen, "leadFields:18342201-512001");
  back = cab_state_dup_field (state, "18342201-512001");
  g_assert_true (json_node_equal (back, field));
  after = cab_state_to_data (state);
  g_assert_true (cab_state_can_undo (state));

  /* The caller's node is not the model's: changing it afterwards changes nothing. */
  json_object_set_int_member (json_node_get_object (field), "value", 1);
  g_clear_pointer (&back, json_node_unref);
  back = cab_state_dup_field (state, "18342201-512001");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (back), "value"), ==, 777);

  cab_state_undo (state);
  assert_announced (seen, "leadFields:18342201-512001");
  undone = cab_state_to_data (state);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (cab_state_can_redo (state));

  cab_state_redo (state);
  assert_announced (seen, "leadFields:18342201-512001");
  redone = cab_state_to_data (state);
  g_assert_cmpstr (redone, ==, after);
}

/* An edit that changes nothing is no step and no announcement. */
static void
test_same_value_is_no_edit (void)
{
  g_autoptr(CabState) state = default_state ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) sys = cab_state_dup_entity (state, CAB_ENTITY_SYS);

  g_signal_connect (state, "changed", G_CALLBACK (record_change), seen);
  g_assert_true (cab_state_set_sys (state, sys, NULL));
  g_assert_cmpuint (seen->len, ==, 0);
  g_assert_false (cab_state_can_undo (state));
}

/* Quick edits of one thing are one step; an edit of another thing starts a new one. */
static void
test_quick_edits_merge (void)
{
  g_autoptr(CabState) state = default_state ();
  g_autofree char *before = cab_state_to_data (state);
  g_autofree char *undone = NULL;
  const char *names[] = { "A", "Ad", "Ada" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_true (cab_state_set_lead_name (state, names[i], NULL));
  g_assert_true (cab_state_set_account_id (state, "42", NULL));

  cab_state_undo (state);
  g_assert_cmpstr (cab_state_get_account_id (state), ==, "31415926");
  cab_state_undo (state);
  undone = cab_state_to_data (state);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (cab_state_can_undo (state));
}

/* Each kind of edit announces what a widget or the page can see change, and only that. */
static void
test_announcements (void)
{
  g_autoptr(CabState) state = default_state ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) lead = NULL;
  g_autoptr(JsonNode) author = NULL;
  g_autofree char *field_id = NULL;
  g_autofree char *author_id = NULL;
  g_autofree char *contact_id = NULL;
  g_autofree char *expected = NULL;

  g_signal_connect (state, "changed", G_CALLBACK (record_change), seen);

  lead = cab_state_dup_entity (state, CAB_ENTITY_LEAD);
  json_object_set_string_member (json_node_get_object (lead), "pid", "99");
  g_assert_true (cab_state_set_lead (state, lead, &error));
  assert_announced (seen, "lead");

  /* A new id moves getRouterQuery().leadId: the same lead, not another one. */
  json_object_set_string_member (json_node_get_object (lead), "id", "5");
  g_assert_true (cab_state_set_lead (state, lead, &error));
  assert_announced (seen, "lead router");
  g_assert_cmpstr (cab_state_get_active_lead_id (state), ==, "5");

  g_assert_true (cab_state_set_account_id (state, "7", &error));
  assert_announced (seen, "router");

  g_assert_true (cab_state_set_lead_name (state, "Renamed", &error));
  assert_announced (seen, "view");

  field_id = cab_state_add_field (state, "lead", NULL, "numeric", "Weight", &error);
  g_assert_no_error (error);
  expected = g_strdup_printf ("lead leadFields:%s", field_id);
  assert_announced (seen, expected);
  g_assert_true (cab_state_lead_has_field (state, field_id));

  g_assert_true (cab_state_remove_field (state, field_id, &error));
  assert_announced (seen, expected);
  g_assert_false (cab_state_lead_has_field (state, field_id));

  author_id = cab_state_add_author (state);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("authors:%s", author_id);
  assert_announced (seen, expected);
  author = cab_json_deep_copy (json_object_get_member (json_node_get_object (cab_state_peek (state, "authors")), author_id));
  json_object_set_string_member (json_node_get_object (author), "name", "Eve");
  g_assert_true (cab_state_set_author (state, author, &error));
  assert_announced (seen, expected);

  contact_id = cab_state_add_contact (state, "Ivan", &error);
  g_assert_nonnull (contact_id);
  assert_announced (seen, "lead view");
  g_assert_true (cab_state_set_contact_name (state, contact_id, "Ivan I.", &error));
  assert_announced (seen, "view");
}

/* Removing an author takes their messages, and undo brings both back. */
static void
test_remove_author (void)
{
  g_autoptr(CabState) state = default_state ();
  g_autofree char *before = cab_state_to_data (state);
  g_autofree char *undone = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *messages;

  g_assert_true (cab_state_remove_author (state, "a-bot", &error));
  messages = json_object_get_array_member (json_node_get_object (cab_state_peek (state, "lead-entry")), "messages");
  for (guint i = 0; i < json_array_get_length (messages); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (messages, i), "authorId"), !=, "a-bot");

  g_assert_false (cab_state_remove_author (state, "a-bot", &error));
  g_assert_error (error, CAB_ERROR, CAB_ERROR_INVALID_STATE);

  cab_state_undo (state);
  undone = cab_state_to_data (state);
  g_assert_cmpstr (undone, ==, before);
}

/* Leads: a new or duplicated lead is active at once; removing goes to a neighbour; the last
 * lead stays; each is undone as a switch back. */
static void
test_leads (void)
{
  g_autoptr(CabState) state = default_state ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = cab_state_to_data (state);
  g_autofree char *undone = NULL;
  g_autofree char *added = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(JsonNode) copy_fields = NULL;
  g_autoptr(JsonNode) original_fields = NULL;
  g_autoptr(JsonNode) field = NULL;
  g_autofree char *copy_field_id = NULL;

  g_signal_connect (state, "changed", G_CALLBACK (record_change), seen);

  added = cab_state_add_lead (state);
  assert_announced (seen, "active-lead");
  g_assert_cmpstr (cab_state_get_active_lead_id (state), ==, added);

  copy = cab_state_duplicate_lead (state, "18342201", &error);
  g_assert_no_error (error);
  assert_announced (seen, "active-lead");
  g_assert_cmpstr (cab_state_get_active_lead_id (state), ==, copy);

  /* The copy's own fields are copies: editing one leaves the original lead alone. */
  copy_fields = cab_state_dup_entity (state, CAB_ENTITY_LEAD_FIELDS);
  g_assert_cmpuint (json_object_get_size (json_node_get_object (copy_fields)), ==, 23);
  copy_field_id = g_strdup_printf ("%s-512001", copy);
  field = field_with_value (state, copy_field_id, "1");
  g_assert_true (cab_state_set_field (state, copy_field_id, field, &error));
  g_assert_true (cab_state_set_active_lead (state, "18342201", &error));
  original_fields = cab_state_dup_entity (state, CAB_ENTITY_LEAD_FIELDS);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_node_get_object (original_fields), "18342201-512001"), "value"),
                   !=, 1);
  g_ptr_array_set_size (seen, 0);

  g_assert_true (cab_state_remove_lead (state, "18342201", &error));
  assert_announced (seen, "active-lead");
  g_assert_cmpstr (cab_state_get_active_lead_id (state), !=, "18342201");

  while (cab_state_can_undo (state))
    cab_state_undo (state);
  g_assert_true (cab_state_set_active_lead (state, "18342201", &error));
  undone = cab_state_to_data (state);
  g_assert_cmpstr (undone, ==, before);

  /* The last lead cannot go. */
  g_assert_true (cab_state_remove_lead (state, "18342277", &error));
  g_assert_false (cab_state_remove_lead (state, "18342201", &error));
  g_assert_error (error, CAB_ERROR, CAB_ERROR_INVALID_STATE);
}

/* Refused edits say why and change nothing. */
static void
test_refusals (void)
{
  g_autoptr(CabState) state = default_state ();
  g_autofree char *before = cab_state_to_data (state);
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) lead = cab_state_dup_entity (state, CAB_ENTITY_LEAD);
  g_autoptr(JsonNode) numeric = field_with_value (state, "18342201-512001", "\"12a\"");
  g_autoptr(JsonNode) url = NULL;
  g_autoptr(JsonNode) sys = cab_state_dup_entity (state, CAB_ENTITY_SYS);
  g_autoptr(JsonNode) author = cab_json_deep_copy (json_object_get_member (json_node_get_object (cab_state_peek (state, "authors")), "a-bot"));
  static const char *url_id = NULL;
  JsonObjectIter iter;
  const char *id;
  JsonNode *node;
  GError *error = NULL;

  /* A url field of the fixture, whichever it is. */
  json_object_iter_init (&iter, json_node_get_object (cab_state_peek (state, "fields")));
  while (json_object_iter_next (&iter, &id, &node))
    if (g_str_equal (json_object_get_string_member (json_node_get_object (node), "type"), "url"))
      url_id = id;
  g_assert_nonnull (url_id);
  url = field_with_value (state, url_id, "\"not a url\"");

  json_object_set_string_member (json_node_get_object (lead), "id", "18342277");
  g_assert_false (cab_state_set_lead (state, lead, &error));
  g_assert_nonnull (strstr (error->message, "18342277"));
  g_clear_error (&error);
  json_object_set_string_member (json_node_get_object (lead), "id", "");
  g_assert_false (cab_state_set_lead (state, lead, &error));
  g_assert_nonnull (strstr (error->message, "lead.id: must not be empty"));
  g_clear_error (&error);

  g_assert_false (cab_state_set_field (state, "18342201-512001", numeric, &error));
  g_assert_nonnull (strstr (error->message, "holds a number"));
  g_clear_error (&error);
  g_assert_false (cab_state_set_field (state, url_id, url, &error));
  g_assert_nonnull (strstr (error->message, "not an absolute URL"));
  g_clear_error (&error);
  /* The logo and avatars are checked like url fields, with the same words as the panels. */
  json_object_set_string_member (json_node_get_object (sys), "logoUrl", "logo.png");
  g_assert_false (cab_state_set_sys (state, sys, &error));
  g_assert_cmpstr (error->message, ==, "sys.logoUrl: “logo.png” is not an absolute URL");
  g_clear_error (&error);
  json_object_set_string_member (json_node_get_object (author), "avatar", "https://");
  g_assert_false (cab_state_set_author (state, author, &error));
  g_assert_cmpstr (error->message, ==, "author.avatar: The URL “https://” names no host");
  g_clear_error (&error);
  json_object_set_string_member (json_node_get_object (author), "avatar", "data:image/png;base64");
  g_assert_false (cab_state_set_author (state, author, &error));
  g_assert_nonnull (strstr (error->message, "has no comma before the data"));
  g_clear_error (&error);
  g_assert_false (cab_state_set_account_id (state, "", &error));
  g_clear_error (&error);
  g_assert_null (cab_state_add_field (state, "company", NULL, "nope", "X", &error));
  g_clear_error (&error);
  g_assert_null (cab_state_add_contact (state, "", &error));
  g_clear_error (&error);

  after = cab_state_to_data (state);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (cab_state_can_undo (state));
}

/* A whole document (an opened file) is one undoable step and says "document". */
static void
test_document_step (void)
{
  g_autoptr(CabState) state = default_state ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *before = cab_state_to_data (state);
  g_autofree char *changed = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(JsonNode) root = json_from_string (before, NULL);

  g_signal_connect (state, "changed", G_CALLBACK (record_change), seen);
  json_object_set_string_member (json_node_get_object (root), "accountId", "1");
  changed = json_to_string (root, TRUE);
  g_assert_true (cab_state_load_data (state, changed, -1, "test.json", NULL));
  assert_announced (seen, "document");
  g_assert_cmpstr (cab_state_get_account_id (state), ==, "1");

  cab_state_undo (state);
  assert_announced (seen, "document");
  undone = cab_state_to_data (state);
  g_assert_cmpstr (undone, ==, before);
}

/* --- The integration ---------------------------------------------------------------------- */

static JsonNode *
integration_copy (CabState *state)
{
  return cab_json_deep_copy (cab_state_peek (state, "integration"));
}

/* The claims of a minted token, checked against @secret first. */
static JsonObject *
verified_claims (const char *token,
                 const char *secret)
{
  g_auto(GStrv) parts = g_strsplit (token, ".", -1);
  g_autofree char *signing_input = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *claims_json = NULL;
  g_autoptr(JsonNode) claims = NULL;

  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  signing_input = g_strconcat (parts[0], ".", parts[1], NULL);
  signature = cab_jwt_signature_hs256 (signing_input, (const guchar *) secret, strlen (secret));
  g_assert_cmpstr (parts[2], ==, signature);

  claims_json = cab_jwt_decode_part (parts[1], NULL);
  g_assert_nonnull (claims_json);
  claims = json_from_string (claims_json, NULL);
  g_assert_nonnull (claims);
  return json_object_ref (json_node_get_object (claims));
}

/* An edit of the integration is one step that says "integration"; the next token is built
 * from it; undo puts back the old one; an edit that changes nothing is no step. */
static void
test_set_integration (void)
{
  g_autoptr(CabState) state = default_state ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *before = cab_state_to_data (state);
  g_autofree char *undone = NULL;
  g_autoptr(JsonNode) same = integration_copy (state);
  g_autoptr(JsonNode) edited = integration_copy (state);
  g_autoptr(JsonObject) claims = NULL;
  g_autofree char *token = NULL;
  g_autofree char *empty = NULL;
  JsonObject *integration = json_node_get_object (edited);
  GError *error = NULL;

  g_signal_connect (state, "changed", G_CALLBACK (record_change), seen);

  g_assert_true (cab_state_set_integration (state, same, &error));
  g_assert_no_error (error);
  assert_announced (seen, "");
  g_assert_false (cab_state_can_undo (state));

  json_object_set_string_member (integration, "clientSecret", "a new secret");
  json_object_set_string_member (integration, "redirectUri", "http://localhost:8080/oauth/callback?x=1");
  json_object_set_string_member (integration, "accountAddress", "https://other.amocrm.ru");
  json_object_set_string_member (integration, "clientUuid", "0b6e1c39-2a1f-4b8e-9e0a-4c1d2e3f4a5b");
  json_object_set_string_member (integration, "userId", "42");
  json_object_set_int_member (integration, "tokenLifetime", 60);
  g_assert_true (cab_state_set_integration (state, edited, &error));
  g_assert_no_error (error);
  assert_announced (seen, "integration");
  g_assert_true (json_node_equal (cab_state_peek (state, "integration"), edited));
  /* The model keeps its own copy: changing the caller's node changes nothing. */
  json_object_set_string_member (integration, "userId", "43");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (cab_state_peek (state, "integration")), "userId"),
                   ==, "42");

  token = cab_state_mint_token (state, NULL);
  claims = verified_claims (token, "a new secret");
  g_assert_cmpstr (json_object_get_string_member (claims, "iss"), ==, "https://other.amocrm.ru");
  g_assert_cmpstr (json_object_get_string_member (claims, "aud"), ==, "http://localhost:8080");
  g_assert_cmpstr (json_object_get_string_member (claims, "client_uuid"), ==, "0b6e1c39-2a1f-4b8e-9e0a-4c1d2e3f4a5b");
  g_assert_cmpstr (json_object_get_string_member (claims, "user_id"), ==, "42");
  g_assert_cmpstr (json_object_get_string_member (claims, "lead_id"), ==, cab_state_get_active_lead_id (state));
  g_assert_cmpint (json_object_get_int_member (claims, "exp") - json_object_get_int_member (claims, "iat"), ==, 60);

  /* No secret: an empty token. */
  json_object_set_string_member (integration, "userId", "42");
  json_object_set_string_member (integration, "clientSecret", "");
  g_assert_true (cab_state_set_integration (state, edited, &error));
  empty = cab_state_mint_token (state, NULL);
  g_assert_cmpstr (empty, ==, "");
  assert_announced (seen, "integration");

  /* The two edits may have merged (they came within a second): undo them all. */
  while (cab_state_can_undo (state))
    cab_state_undo (state);
  g_assert_cmpuint (seen->len, >=, 1);
  for (guint i = 0; i < seen->len; i++)
    g_assert_cmpstr (g_ptr_array_index (seen, i), ==, "integration");
  undone = cab_state_to_data (state);
  g_assert_cmpstr (undone, ==, before);
}

/* What the integration may not hold, in words that say where, never naming the secret. */
static void
test_integration_refusals (void)
{
  static const struct
  {
    const char *member;
    const char *value;   /* JSON */
    const char *message;
  } cases[] = {
    { "redirectUri", "\"ftp://example.com/oauth\"", "integration.redirectUri: “ftp://example.com/oauth” is not an http or https URL" },
    { "redirectUri", "\"/oauth\"", "integration.redirectUri: “/oauth” is not an absolute URL" },
    { "accountAddress", "\"\"", "integration.accountAddress: must not be empty: expected an http or https URL" },
    { "accountAddress", "\"https://\"", "integration.accountAddress: The URL “https://” names no host" },
    { "clientSecret", "42", "integration.clientSecret: expected a string" },
    { "clientUuid", "null", "integration.clientUuid: expected a string" },
    { "userId", NULL, "integration.userId: missing" },
    { "tokenLifetime", "0", "integration.tokenLifetime: expected a positive number of seconds" },
    { "tokenLifetime", "\"900\"", "integration.tokenLifetime: expected a positive number of seconds" },
    { "tokenLifetime", "315360001", "integration.tokenLifetime: at most 315360000 seconds (ten years)" },
  };
  g_autoptr(CabState) state = default_state ();
  g_autofree char *before = cab_state_to_data (state);
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) not_an_object = json_from_string ("[]", NULL);
  GError *error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) edited = integration_copy (state);
      JsonObject *integration = json_node_get_object (edited);

      /* A secret no refusal may repeat. */
      if (!g_str_equal (cases[i].member, "clientSecret"))
        json_object_set_string_member (integration, "clientSecret", "s3cr3t-never-shown");
      if (cases[i].value != NULL)
        json_object_set_member (integration, cases[i].member, json_from_string (cases[i].value, NULL));
      else
        json_object_remove_member (integration, cases[i].member);

      g_assert_false (cab_state_set_integration (state, edited, &error));
      g_assert_error (error, CAB_ERROR, CAB_ERROR_INVALID_STATE);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_null (strstr (error->message, "s3cr3t"));
      g_clear_error (&error);
    }

  g_assert_false (cab_state_set_integration (state, not_an_object, &error));
  g_assert_cmpstr (error->message, ==, "integration: expected an object");
  g_clear_error (&error);

  after = cab_state_to_data (state);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (cab_state_can_undo (state));
}

/* The decoder the Integration page reads tokens with: RFC 7515's own example, every length
 * of the last group, both characters base64url changes, and what is not base64url. */
static void
test_jwt_decode_part (void)
{
  static const guchar bytes[] = { 0xfb, 0xff, 0xbf, 0x00, 'a', 0xfe };
  static const char * const invalid[] = { "ab+c", "ab/c", "abc=", "a.b", "abcde", "ab c", "é" };
  g_autofree char *header = NULL;
  g_autofree char *empty = NULL;
  gsize len = 1;

  /* RFC 7515 A.1: the header, CRLF included. */
  header = cab_jwt_decode_part ("eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9", &len);
  g_assert_cmpstr (header, ==, "{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}");
  g_assert_cmpuint (len, ==, strlen (header));

  empty = cab_jwt_decode_part ("", &len);
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpuint (len, ==, 0);

  for (gsize n = 1; n <= sizeof bytes; n++)
    {
      g_autofree char *encoded = cab_jwt_base64url (bytes, n);
      g_autofree char *decoded = cab_jwt_decode_part (encoded, &len);

      g_assert_nonnull (decoded);
      g_assert_cmpmem (decoded, len, bytes, n);
      g_assert_cmpint (decoded[len], ==, '\0');
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_null (cab_jwt_decode_part (invalid[i], NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/state-edit/field-edit-and-undo", test_field_edit_and_undo);
  g_test_add_func ("/state-edit/same-value-is-no-edit", test_same_value_is_no_edit);
  g_test_add_func ("/state-edit/quick-edits-merge", test_quick_edits_merge);
  g_test_add_func ("/state-edit/announcements", test_announcements);
  g_test_add_func ("/state-edit/remove-author", test_remove_author);
  g_test_add_func ("/state-edit/leads", test_leads);
  g_test_add_func ("/state-edit/refusals", test_refusals);
  g_test_add_func ("/state-edit/document-step", test_document_step);
  g_test_add_func ("/state-edit/set-integration", test_set_integration);
  g_test_add_func ("/state-edit/integration-refusals", test_integration_refusals);
  g_test_add_func ("/state-edit/jwt-decode-part", test_jwt_decode_part);

  return g_test_run ();
}
