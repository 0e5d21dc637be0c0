/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shape checks of the state document (docs/state-format.md). A widget trusts what getState
 * returns to match SPEC §2, so nothing of another shape may reach the page. */
#include <glib/gi18n.h>
#include <math.h>

#include "cab-error.h"
#include "cab-url.h"
#include "cab-state-private.h"

static const char * const date_formats[] = { "dd/mm/yyyy", "mm/dd/yyyy", "dd.mm.yyyy", "yyyy/mm/dd", NULL };
static const char * const time_formats[] = { "h:MM TT", "HH:MM", NULL };
static const char * const langs[] = { "ru", "en", "es", "pt", NULL };
static const char * const field_sources[] = { "lead", "contacts", "company", NULL };
const char * const cab_state_field_types[] = {
  "text", "numeric", "checkbox", "date", "select", "multiselect", "url", "textarea",
  "radiobutton", "streetaddress", "smartAddress", "legalEntity", "birthday", "dateTime",
  "multitext", "budget", NULL
};

G_GNUC_PRINTF (3, 4)
static gboolean
fail (GError    **error,
      const char *path,
      const char *format,
      ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, CAB_ERROR, CAB_ERROR_INVALID_STATE, "%s: %s", path, reason);

  return FALSE;
}

static JsonObject *
get_object (JsonNode   *node,
            const char *path,
            GError    **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, path, _("expected an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
check_string (JsonObject *object,
              const char *path,
              const char *member,
              gboolean    non_empty,
              GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *member_path = g_strdup_printf ("%s.%s", path, member);

  if (node == NULL)
    return fail (error, member_path, _("missing"));
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, member_path, _("expected a string"));
  if (non_empty && *json_node_get_string (node) == '\0')
    return fail (error, member_path, _("must not be empty"));

  return TRUE;
}

static gboolean
check_boolean (JsonObject *object,
               const char *path,
               const char *member,
               GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *member_path = g_strdup_printf ("%s.%s", path, member);

  if (node == NULL)
    return fail (error, member_path, _("missing"));
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (error, member_path, _("expected true or false"));

  return TRUE;
}

/* A finite number: json-glib reads 1e400 as infinity, and json_to_string() then writes
 * "inf.0", which no JSON parser (ours included) reads back: the autosave would be lost. */
static gboolean
is_number (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return TRUE;
  return json_node_get_value_type (node) == G_TYPE_DOUBLE && isfinite (json_node_get_double (node));
}

static gboolean
check_one_of (JsonObject         *object,
              const char         *path,
              const char         *member,
              const char * const *allowed,
              GError            **error)
{
  g_autofree char *member_path = NULL;
  g_autofree char *choices = NULL;

  if (!check_string (object, path, member, FALSE, error))
    return FALSE;
  if (g_strv_contains (allowed, json_object_get_string_member (object, member)))
    return TRUE;

  member_path = g_strdup_printf ("%s.%s", path, member);
  choices = g_strjoinv ("”, “", (char **) allowed);
  return fail (error, member_path, _("“%s” is not one of “%s”"),
               json_object_get_string_member (object, member), choices);
}

/* An array of strings, each (when fields is given) naming an entry of "fields". */
static gboolean
check_id_list (JsonObject *object,
               const char *path,
               const char *member,
               JsonObject *fields,
               GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *member_path = g_strdup_printf ("%s.%s", path, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, member_path, _("expected an array of ids"));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *element_path = g_strdup_printf ("%s[%u]", member_path, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return fail (error, element_path, _("expected a string id"));
      if (fields != NULL && !json_object_has_member (fields, json_node_get_string (element)))
        return fail (error, element_path, _("no field has the id “%s”"), json_node_get_string (element));
    }

  return TRUE;
}

/* Every entry of an id → object map must carry its own key as "id". */
static gboolean
check_keyed_by_id (JsonObject *map,
                   const char *path,
                   gboolean  (*check_entry) (JsonObject *, const char *, GError **),
                   GError    **error)
{
  g_autoptr(GList) members = json_object_get_members (map);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      g_autofree char *entry_path = g_strdup_printf ("%s[\"%s\"]", path, key);
      JsonObject *entry = get_object (json_object_get_member (map, key), entry_path, error);

      if (entry == NULL || !check_string (entry, entry_path, "id", TRUE, error))
        return FALSE;
      if (g_strcmp0 (json_object_get_string_member (entry, "id"), key) != 0)
        return fail (error, entry_path, _("its id “%s” differs from its key"),
                     json_object_get_string_member (entry, "id"));
      if (check_entry != NULL && !check_entry (entry, entry_path, error))
        return FALSE;
    }

  return TRUE;
}

/* A string member holding an empty string or a URL (cab_url_check). */
static gboolean
check_url (JsonObject *object,
           const char *path,
           const char *member,
           GError    **error)
{
  g_autoptr(GError) url_error = NULL;
  g_autofree char *member_path = NULL;

  if (!check_string (object, path, member, FALSE, error))
    return FALSE;
  if (cab_url_check (json_object_get_string_member (object, member), &url_error))
    return TRUE;

  member_path = g_strdup_printf ("%s.%s", path, member);
  return fail (error, member_path, "%s", url_error->message);
}

static gboolean
check_sys (JsonObject *sys,
           const char *path,
           GError    **error)
{
  return check_string (sys, path, "currencySymbol", FALSE, error) &&
         check_one_of (sys, path, "dateFormat", date_formats, error) &&
         check_one_of (sys, path, "timeFormat", time_formats, error) &&
         check_one_of (sys, path, "lang", langs, error) &&
         check_boolean (sys, path, "isRemovalAvailable", error) &&
         check_url (sys, path, "logoUrl", error) &&
         check_string (sys, path, "pageTitle", FALSE, error);
}

static gboolean
check_author (JsonObject *author,
              const char *path,
              GError    **error)
{
  return check_url (author, path, "avatar", error) &&
         check_string (author, path, "name", FALSE, error) &&
         check_boolean (author, path, "isBot", error) &&
         check_boolean (author, path, "isClient", error);
}

static gboolean
check_user (JsonObject *user,
            const char *path,
            GError    **error)
{
  return check_string (user, path, "name", FALSE, error) &&
         check_boolean (user, path, "online", error);
}

static gboolean
check_contact_display (JsonObject *contact,
                       const char *path,
                       GError    **error)
{
  return check_string (contact, path, "name", FALSE, error);
}

/* The value a field of each FIELD_TYPES type holds (docs/state-format.md). */
static gboolean
check_field_value (JsonObject *field,
                   const char *path,
                   GError    **error)
{
  const char *type = json_object_get_string_member (field, "type");
  JsonNode *value = json_object_get_member (field, "value");
  g_autofree char *value_path = g_strdup_printf ("%s.value", path);

  if (value == NULL)
    return fail (error, value_path, _("missing"));

  if (g_str_equal (type, "numeric") || g_str_equal (type, "budget") ||
      g_str_equal (type, "date") || g_str_equal (type, "birthday") || g_str_equal (type, "dateTime"))
    {
      if (!is_number (value))
        return fail (error, value_path, _("a %s field holds a number"), type);
    }
  else if (g_str_equal (type, "checkbox"))
    {
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_BOOLEAN)
        return fail (error, value_path, _("a checkbox field holds true or false"));
    }
  else if (g_str_equal (type, "select") || g_str_equal (type, "radiobutton") ||
           g_str_equal (type, "smartAddress") || g_str_equal (type, "legalEntity"))
    {
      if (!JSON_NODE_HOLDS_OBJECT (value) && !JSON_NODE_HOLDS_NULL (value))
        return fail (error, value_path, _("a %s field holds an object or null"), type);
    }
  else if (g_str_equal (type, "multiselect") || g_str_equal (type, "multitext"))
    {
      if (!JSON_NODE_HOLDS_ARRAY (value))
        return fail (error, value_path, _("a %s field holds an array"), type);
    }
  else if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
    {
      return fail (error, value_path, _("a %s field holds a string"), type);
    }
  else if (g_str_equal (type, "url"))
    {
      return check_url (field, path, "value", error);
    }

  return TRUE;
}

static gboolean
check_field (JsonObject *field,
             const char *path,
             GError    **error)
{
  return check_string (field, path, "fieldId", FALSE, error) &&
         check_one_of (field, path, "fieldSource", field_sources, error) &&
         check_string (field, path, "name", FALSE, error) &&
         check_one_of (field, path, "type", cab_state_field_types, error) &&
         check_field_value (field, path, error);
}

static gboolean
check_statuses (JsonObject *lead,
                const char *path,
                GError    **error)
{
  JsonNode *node = json_object_get_member (lead, "statuses");
  g_autofree char *statuses_path = g_strdup_printf ("%s.statuses", path);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *statuses;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, statuses_path, _("expected an array"));

  statuses = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (statuses); i++)
    {
      g_autofree char *status_path = g_strdup_printf ("%s[%u]", statuses_path, i);
      JsonObject *status = get_object (json_array_get_element (statuses, i), status_path, error);

      if (status == NULL ||
          !check_string (status, status_path, "id", TRUE, error) ||
          !check_string (status, status_path, "name", FALSE, error) ||
          !check_string (status, status_path, "color", FALSE, error) ||
          !check_boolean (status, status_path, "selected", error))
        return FALSE;
      if (!g_hash_table_add (ids, (gpointer) json_object_get_string_member (status, "id")))
        return fail (error, status_path, _("another status has the id “%s”"),
                     json_object_get_string_member (status, "id"));
    }

  return TRUE;
}

static gboolean
check_lead (JsonObject *lead,
            const char *path,
            JsonObject *fields,
            GError    **error)
{
  JsonNode *company_node;
  JsonObject *contacts;
  g_autofree char *contacts_path = g_strdup_printf ("%s.contacts", path);
  g_autofree char *company_path = g_strdup_printf ("%s.company", path);
  g_autoptr(GList) contact_ids = NULL;

  if (!check_string (lead, path, "id", TRUE, error) ||
      !check_string (lead, path, "pid", TRUE, error) ||
      !check_boolean (lead, path, "isLeadLoaded", error) ||
      !check_id_list (lead, path, "fieldIds", fields, error) ||
      !check_statuses (lead, path, error) ||
      !check_string (lead, path, "managerId", FALSE, error))
    return FALSE;

  contacts = get_object (json_object_get_member (lead, "contacts"), contacts_path, error);
  if (contacts == NULL)
    return FALSE;
  contact_ids = json_object_get_members (contacts);
  for (const GList *l = contact_ids; l != NULL; l = l->next)
    {
      g_autofree char *contact_path = g_strdup_printf ("%s[\"%s\"]", contacts_path, (char *) l->data);
      JsonObject *contact = get_object (json_object_get_member (contacts, l->data), contact_path, error);

      if (contact == NULL ||
          !check_string (contact, contact_path, "id", TRUE, error) ||
          !check_string (contact, contact_path, "userId", FALSE, error) ||
          !check_id_list (contact, contact_path, "fieldIds", fields, error))
        return FALSE;
      if (g_strcmp0 (json_object_get_string_member (contact, "id"), l->data) != 0)
        return fail (error, contact_path, _("its id differs from its key"));
    }

  company_node = json_object_get_member (lead, "company");
  if (company_node == NULL)
    return fail (error, company_path, _("missing (use null for no company)"));
  if (!JSON_NODE_HOLDS_NULL (company_node))
    {
      JsonObject *company = get_object (company_node, company_path, error);

      if (company == NULL ||
          !check_string (company, company_path, "id", TRUE, error) ||
          !check_string (company, company_path, "name", FALSE, error) ||
          !check_id_list (company, company_path, "fieldIds", fields, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_messages (JsonObject *entry,
                const char *path,
                JsonObject *authors,
                GError    **error)
{
  JsonNode *node = json_object_get_member (entry, "messages");
  g_autofree char *messages_path = g_strdup_printf ("%s.messages", path);
  JsonArray *messages;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, messages_path, _("expected an array"));

  messages = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (messages); i++)
    {
      g_autofree char *message_path = g_strdup_printf ("%s[%u]", messages_path, i);
      JsonObject *message = get_object (json_array_get_element (messages, i), message_path, error);

      if (message == NULL ||
          !check_string (message, message_path, "id", TRUE, error) ||
          !check_string (message, message_path, "authorId", TRUE, error) ||
          !check_string (message, message_path, "text", FALSE, error))
        return FALSE;
      if (!json_object_has_member (authors, json_object_get_string_member (message, "authorId")))
        return fail (error, message_path, _("no author has the id “%s”"),
                     json_object_get_string_member (message, "authorId"));
      if (!is_number (json_object_get_member (message, "date")))
        return fail (error, message_path, _("date: expected Unix seconds"));
    }

  return TRUE;
}

/* The integration's addresses name amoCRM's account and the widget's backend: the token's
 * iss and aud (SPEC §4), which a backend compares with its own web addresses. */
static gboolean
check_http_url (JsonObject *object,
                const char *path,
                const char *member,
                GError    **error)
{
  g_autofree char *member_path = NULL;
  g_autofree char *scheme = NULL;
  const char *value;

  if (!check_url (object, path, member, error))
    return FALSE;

  value = json_object_get_string_member (object, member);
  scheme = g_uri_parse_scheme (value);
  if (scheme != NULL && (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0))
    return TRUE;

  member_path = g_strdup_printf ("%s.%s", path, member);
  if (*value == '\0')
    return fail (error, member_path, _("must not be empty: expected an http or https URL"));
  return fail (error, member_path, _("“%s” is not an http or https URL"), value);
}

/* Ten years: longer is no test of anything, and exp must stay a number every JWT library
 * reads (a double beyond gint64 would not even convert). The Integration page's spin button
 * stops at the same value. */
#define MAX_TOKEN_LIFETIME 315360000

/* Never names the client secret's value: refusals are shown and may be logged. */
static gboolean
check_integration (JsonObject *integration,
                   const char *path,
                   GError    **error)
{
  JsonNode *lifetime = json_object_get_member (integration, "tokenLifetime");
  g_autofree char *lifetime_path = g_strdup_printf ("%s.tokenLifetime", path);

  if (!check_string (integration, path, "clientSecret", FALSE, error) ||
      !check_http_url (integration, path, "redirectUri", error) ||
      !check_http_url (integration, path, "accountAddress", error) ||
      !check_string (integration, path, "clientUuid", FALSE, error) ||
      !check_string (integration, path, "userId", FALSE, error))
    return FALSE;
  if (!is_number (lifetime) || json_node_get_double (lifetime) < 1)
    return fail (error, lifetime_path, _("expected a positive number of seconds"));
  if (json_node_get_double (lifetime) > MAX_TOKEN_LIFETIME)
    return fail (error, lifetime_path, _("at most %d seconds (ten years)"), MAX_TOKEN_LIFETIME);

  return TRUE;
}

gboolean
cab_state_schema_check_entity (const char *entity,
                               JsonNode   *value,
                               JsonObject *fields,
                               GError    **error)
{
  JsonObject *object = get_object (value, entity, error);

  if (object == NULL)
    return FALSE;
  if (g_str_equal (entity, CAB_ENTITY_SYS))
    return check_sys (object, entity, error);
  if (g_str_equal (entity, CAB_ENTITY_LEAD))
    return check_lead (object, entity, fields, error);
  if (g_str_equal (entity, CAB_ENTITY_LEAD_FIELDS))
    return check_keyed_by_id (object, entity, check_field, error);
  if (g_str_equal (entity, CAB_ENTITY_AUTHORS))
    return check_keyed_by_id (object, entity, check_author, error);

  return fail (error, entity, _("not a public entity"));
}

gboolean
cab_state_schema_check_document (JsonNode *root,
                                 GError  **error)
{
  JsonObject *document = get_object (root, "(document)", error);
  JsonObject *authors, *fields, *integration, *map;
  JsonNode *version, *leads_node;
  JsonArray *leads;
  g_autoptr(GHashTable) lead_ids = g_hash_table_new (g_str_hash, g_str_equal);

  if (document == NULL)
    return FALSE;
  if (g_strcmp0 (json_object_get_string_member_with_default (document, "format", NULL),
                 "cabinet-inspector-state") != 0)
    return fail (error, "format", _("expected \"cabinet-inspector-state\": this is not a Cabinet Inspector state file"));
  version = json_object_get_member (document, "version");
  if (!is_number (version) || json_node_get_double (version) != 1)
    return fail (error, "version", _("expected 1"));
  if (!check_string (document, "(document)", "accountId", TRUE, error) ||
      !check_string (document, "(document)", "activeLeadId", TRUE, error))
    return FALSE;

  if (!cab_state_schema_check_entity (CAB_ENTITY_SYS, json_object_get_member (document, "sys"), NULL, error))
    return FALSE;
  if ((authors = get_object (json_object_get_member (document, "authors"), "authors", error)) == NULL ||
      !check_keyed_by_id (authors, "authors", check_author, error))
    return FALSE;
  if ((map = get_object (json_object_get_member (document, "users"), "users", error)) == NULL ||
      !check_keyed_by_id (map, "users", check_user, error))
    return FALSE;
  if ((map = get_object (json_object_get_member (document, "contacts"), "contacts", error)) == NULL ||
      !check_keyed_by_id (map, "contacts", check_contact_display, error))
    return FALSE;
  if ((fields = get_object (json_object_get_member (document, "fields"), "fields", error)) == NULL ||
      !check_keyed_by_id (fields, "fields", check_field, error))
    return FALSE;
  if ((integration = get_object (json_object_get_member (document, "integration"), "integration", error)) == NULL ||
      !check_integration (integration, "integration", error))
    return FALSE;

  leads_node = json_object_get_member (document, "leads");
  if (leads_node == NULL || !JSON_NODE_HOLDS_ARRAY (leads_node) ||
      json_array_get_length (json_node_get_array (leads_node)) == 0)
    return fail (error, "leads", _("expected an array of at least one lead"));
  leads = json_node_get_array (leads_node);
  for (guint i = 0; i < json_array_get_length (leads); i++)
    {
      g_autofree char *entry_path = g_strdup_printf ("leads[%u]", i);
      g_autofree char *lead_path = g_strdup_printf ("leads[%u].lead", i);
      JsonObject *entry = get_object (json_array_get_element (leads, i), entry_path, error);
      JsonObject *lead;
      const char *lead_id;

      if (entry == NULL || !check_string (entry, entry_path, "name", FALSE, error))
        return FALSE;
      if ((lead = get_object (json_object_get_member (entry, "lead"), lead_path, error)) == NULL ||
          !check_lead (lead, lead_path, fields, error) ||
          !check_messages (entry, entry_path, authors, error))
        return FALSE;

      lead_id = json_object_get_string_member (lead, "id");
      if (!g_hash_table_add (lead_ids, (gpointer) lead_id))
        return fail (error, lead_path, _("another lead has the id “%s”"), lead_id);
    }

  if (!g_hash_table_contains (lead_ids, json_object_get_string_member (document, "activeLeadId")))
    return fail (error, "activeLeadId", _("no lead has the id “%s”"),
                 json_object_get_string_member (document, "activeLeadId"));

  return TRUE;
}

gboolean
cab_state_schema_check_field (JsonNode    *field,
                              const char  *path,
                              GError     **error)
{
  JsonObject *object = get_object (field, path, error);

  return object != NULL &&
         check_string (object, path, "id", TRUE, error) &&
         check_field (object, path, error);
}

gboolean
cab_state_schema_check_author (JsonNode    *author,
                               const char  *path,
                               GError     **error)
{
  JsonObject *object = get_object (author, path, error);

  return object != NULL &&
         check_string (object, path, "id", TRUE, error) &&
         check_author (object, path, error);
}

gboolean
cab_state_schema_check_integration (JsonNode    *integration,
                                    const char  *path,
                                    GError     **error)
{
  JsonObject *object = get_object (integration, path, error);

  return object != NULL && check_integration (object, path, error);
}
