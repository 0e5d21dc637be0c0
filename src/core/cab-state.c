/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The whole mock cabinet as one JSON document (docs/state-format.md). This object is the one
 * source of truth: the page only ever holds a copy of what it derives from here. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cab-error.h"
#include "cab-json.h"
#include "cab-jwt.h"
#include "cab-state-private.h"

G_DEFINE_FINAL_TYPE (CabState, cab_state, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
cab_state_finalize (GObject *object)
{
  CabState *self = CAB_STATE (object);

  g_clear_pointer (&self->root, json_node_unref);
  g_ptr_array_unref (self->undo_steps);
  g_ptr_array_unref (self->redo_steps);

  G_OBJECT_CLASS (cab_state_parent_class)->finalize (object);
}

static void
cab_state_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CabState *self = CAB_STATE (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, cab_state_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, cab_state_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cab_state_class_init (CabStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cab_state_finalize;
  object_class->get_property = cab_state_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CabState::changed:
   * @what: a public entity ("sys", "lead", "leadFields", "authors"); "view" (what the page
   *   shows beside the SDK: the lead's name, contact names, the list of leads); "router"
   *   (getRouterQuery); "users" (their online status, APP.sdk.showUserStatus); "active-lead"
   *   (another lead is active); "document" (everything)
   * @key: for "leadFields", "authors" and "users", the one member that changed (added, edited
   *   or removed), or %NULL when the entity may have changed as a whole
   *
   * One edit may emit several of these, at most one per (@what, @key).
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
cab_state_init (CabState *self)
{
  self->undo_steps = g_ptr_array_new_with_free_func ((GDestroyNotify) cab_state_step_free);
  self->redo_steps = g_ptr_array_new_with_free_func ((GDestroyNotify) cab_state_step_free);
}

void
cab_state_emit_changed (CabState   *self,
                        const char *what,
                        const char *key)
{
  g_signal_emit (self, signals[CHANGED], 0, what, key);
}

void
cab_state_notify_history (CabState *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

CabState *
cab_state_new (void)
{
  return g_object_new (CAB_TYPE_STATE, NULL);
}

CabState *
cab_state_new_default (GError **error)
{
  g_autoptr(CabState) self = cab_state_new ();
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resources_lookup_data (RESOURCE_BASE "/fixtures/default-state.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  if (!cab_state_load_data (self, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            "default-state.json", error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Replaces the whole document, or keeps the current one and names the problem: a bad file
 * must never cost the user the state they had. */
gboolean
cab_state_load_data (CabState    *self,
                     const char  *data,
                     gssize       length,
                     const char  *source_name,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  CabStateStep *step;

  g_return_val_if_fail (CAB_IS_STATE (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  root = cab_json_parse_strict (data, length, source_name, CAB_ERROR_INVALID_STATE, error);
  if (root == NULL)
    return FALSE;
  if (!cab_state_schema_check_document (root, &local_error))
    {
      g_set_error (error, CAB_ERROR, CAB_ERROR_INVALID_STATE,
                   "%s: %s", source_name, local_error->message);
      json_node_unref (root);
      return FALSE;
    }

  /* A whole new document is one undo step: opening the wrong file is undone like any edit. */
  step = cab_state_step_new (self);
  cab_state_step_set (self, step, "", root);
  cab_state_step_commit (self, step);

  return TRUE;
}

gboolean
cab_state_load_file (CabState    *self,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display_name = NULL;
  gsize length;

  g_return_val_if_fail (CAB_IS_STATE (self), FALSE);

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  display_name = g_filename_display_name (path);
  return cab_state_load_data (self, contents, length, display_name, error);
}

char *
cab_state_to_data (CabState *self)
{
  g_return_val_if_fail (CAB_IS_STATE (self), NULL);
  g_return_val_if_fail (self->root != NULL, NULL);

  return json_to_string (self->root, TRUE);
}

JsonObject *
cab_state_document (CabState *self)
{
  g_assert (self->root != NULL);
  return json_node_get_object (self->root);
}

/* The leads[] entry of the lead with this id (and its index), or NULL. */
JsonObject *
cab_state_find_lead_entry (CabState   *self,
                           const char *lead_id,
                           guint      *index)
{
  JsonArray *leads = json_object_get_array_member (cab_state_document (self), "leads");

  for (guint i = 0; i < json_array_get_length (leads); i++)
    {
      JsonObject *entry = json_array_get_object_element (leads, i);
      JsonObject *lead = json_object_get_object_member (entry, "lead");

      if (g_strcmp0 (json_object_get_string_member (lead, "id"), lead_id) == 0)
        {
          if (index != NULL)
            *index = i;
          return entry;
        }
    }

  return NULL;
}

static JsonObject *
find_lead_entry (CabState   *self,
                 const char *lead_id)
{
  return cab_state_find_lead_entry (self, lead_id, NULL);
}

static JsonObject *
active_lead_entry (CabState *self)
{
  JsonObject *entry = find_lead_entry (self, cab_state_get_active_lead_id (self));

  /* The schema check guarantees that activeLeadId names a lead. */
  g_assert (entry != NULL);
  return entry;
}

void
cab_state_collect_field_ids (JsonObject *lead,
                             GHashTable *ids)
{
  JsonObject *contacts = json_object_get_object_member (lead, "contacts");
  JsonNode *company = json_object_get_member (lead, "company");
  JsonObjectIter iter;
  const char *contact_id;
  JsonNode *contact;
  JsonArray *list;

  list = json_object_get_array_member (lead, "fieldIds");
  for (guint i = 0; i < json_array_get_length (list); i++)
    g_hash_table_add (ids, (gpointer) json_array_get_string_element (list, i));
  json_object_iter_init (&iter, contacts);
  while (json_object_iter_next (&iter, &contact_id, &contact))
    {
      list = json_object_get_array_member (json_node_get_object (contact), "fieldIds");
      for (guint i = 0; i < json_array_get_length (list); i++)
        g_hash_table_add (ids, (gpointer) json_array_get_string_element (list, i));
    }
  if (company != NULL && JSON_NODE_HOLDS_OBJECT (company))
    {
      list = json_object_get_array_member (json_node_get_object (company), "fieldIds");
      for (guint i = 0; i < json_array_get_length (list); i++)
        g_hash_table_add (ids, (gpointer) json_array_get_string_element (list, i));
    }
}

static void
add_field_ids (GPtrArray  *ids,
               JsonObject *owner)
{
  JsonArray *field_ids = json_object_get_array_member (owner, "fieldIds");

  for (guint i = 0; i < json_array_get_length (field_ids); i++)
    g_ptr_array_add (ids, (gpointer) json_array_get_string_element (field_ids, i));
}

/* LeadFieldsModel of the active lead: the fields its lead, contacts and company name. */
static JsonNode *
dup_lead_fields (CabState *self)
{
  JsonObject *lead = json_object_get_object_member (active_lead_entry (self), "lead");
  JsonObject *fields = json_object_get_object_member (cab_state_document (self), "fields");
  JsonObject *contacts = json_object_get_object_member (lead, "contacts");
  JsonNode *company = json_object_get_member (lead, "company");
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GList) contact_ids = json_object_get_members (contacts);
  JsonObject *result = json_object_new ();

  add_field_ids (ids, lead);
  for (const GList *l = contact_ids; l != NULL; l = l->next)
    add_field_ids (ids, json_object_get_object_member (contacts, l->data));
  if (company != NULL && JSON_NODE_HOLDS_OBJECT (company))
    add_field_ids (ids, json_node_get_object (company));

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      if (!json_object_has_member (result, id))
        json_object_set_member (result, id, cab_json_deep_copy (json_object_get_member (fields, id)));
    }

  {
    JsonNode *node = json_node_new (JSON_NODE_OBJECT);

    json_node_take_object (node, result);
    return node;
  }
}

gboolean
cab_state_is_public_entity (const char *entity)
{
  return g_strcmp0 (entity, CAB_ENTITY_SYS) == 0 ||
         g_strcmp0 (entity, CAB_ENTITY_LEAD) == 0 ||
         g_strcmp0 (entity, CAB_ENTITY_LEAD_FIELDS) == 0 ||
         g_strcmp0 (entity, CAB_ENTITY_AUTHORS) == 0;
}

/* What getState(entity) returns in the page, or NULL for an unknown entity. */
JsonNode *
cab_state_dup_entity (CabState   *self,
                      const char *entity)
{
  g_return_val_if_fail (CAB_IS_STATE (self), NULL);
  g_return_val_if_fail (self->root != NULL, NULL);

  if (g_strcmp0 (entity, CAB_ENTITY_SYS) == 0 || g_strcmp0 (entity, CAB_ENTITY_AUTHORS) == 0)
    return cab_json_deep_copy (json_object_get_member (cab_state_document (self), entity));
  if (g_strcmp0 (entity, CAB_ENTITY_LEAD) == 0)
    return cab_json_deep_copy (json_object_get_member (active_lead_entry (self), "lead"));
  if (g_strcmp0 (entity, CAB_ENTITY_LEAD_FIELDS) == 0)
    return dup_lead_fields (self);

  return NULL;
}

JsonNode *
cab_state_dup_public_entities (CabState *self)
{
  static const char * const entities[] = {
    CAB_ENTITY_SYS, CAB_ENTITY_LEAD, CAB_ENTITY_LEAD_FIELDS, CAB_ENTITY_AUTHORS
  };
  JsonObject *result = json_object_new ();

  g_return_val_if_fail (CAB_IS_STATE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    json_object_set_member (result, entities[i], cab_state_dup_entity (self, entities[i]));

  {
    JsonNode *node = json_node_new (JSON_NODE_OBJECT);

    json_node_take_object (node, result);
    return node;
  }
}

/* What the cabinet page shows beyond the SDK models: the lead's name, its conversation,
 * the contacts' names and the list of leads. */
JsonNode *
cab_state_dup_view (CabState *self)
{
  JsonObject *entry;
  JsonObject *result = json_object_new ();
  JsonArray *leads, *lead_list = json_array_new ();

  g_return_val_if_fail (CAB_IS_STATE (self), NULL);

  entry = active_lead_entry (self);
  json_object_set_string_member (result, "leadName", json_object_get_string_member (entry, "name"));
  json_object_set_member (result, "messages", cab_json_deep_copy (json_object_get_member (entry, "messages")));
  json_object_set_member (result, "contacts",
                          cab_json_deep_copy (json_object_get_member (cab_state_document (self), "contacts")));

  leads = json_object_get_array_member (cab_state_document (self), "leads");
  for (guint i = 0; i < json_array_get_length (leads); i++)
    {
      JsonObject *lead_entry = json_array_get_object_element (leads, i);
      JsonObject *item = json_object_new ();

      json_object_set_string_member (item, "id",
                                     json_object_get_string_member (json_object_get_object_member (lead_entry, "lead"), "id"));
      json_object_set_string_member (item, "name", json_object_get_string_member (lead_entry, "name"));
      json_array_add_object_element (lead_list, item);
    }
  json_object_set_array_member (result, "leads", lead_list);

  {
    JsonNode *node = json_node_new (JSON_NODE_OBJECT);

    json_node_take_object (node, result);
    return node;
  }
}

JsonNode *
cab_state_dup_router_query (CabState *self)
{
  JsonObject *query = json_object_new ();

  g_return_val_if_fail (CAB_IS_STATE (self), NULL);

  json_object_set_string_member (query, "leadId", cab_state_get_active_lead_id (self));
  json_object_set_string_member (query, "accountId", cab_state_get_account_id (self));

  {
    JsonNode *node = json_node_new (JSON_NODE_OBJECT);

    json_node_take_object (node, query);
    return node;
  }
}

const char *
cab_state_get_account_id (CabState *self)
{
  g_return_val_if_fail (CAB_IS_STATE (self), NULL);

  return json_object_get_string_member (cab_state_document (self), "accountId");
}

const char *
cab_state_get_active_lead_id (CabState *self)
{
  g_return_val_if_fail (CAB_IS_STATE (self), NULL);

  return json_object_get_string_member (cab_state_document (self), "activeLeadId");
}

gboolean
cab_state_set_active_lead (CabState    *self,
                           const char  *lead_id,
                           GError     **error)
{
  g_return_val_if_fail (CAB_IS_STATE (self), FALSE);
  g_return_val_if_fail (lead_id != NULL, FALSE);

  if (find_lead_entry (self, lead_id) == NULL)
    {
      g_set_error (error, CAB_ERROR, CAB_ERROR_INVALID_STATE, _("No lead has the id “%s”"), lead_id);
      return FALSE;
    }
  if (g_str_equal (lead_id, cab_state_get_active_lead_id (self)))
    return TRUE;

  /* Switching leads is where the user looks, not an edit of the scenario: it is not undone,
   * and it is the one change made in place (history keeps whole documents by reference, so
   * an undone file load may come back with the lead active now, which is what one wants). */
  json_object_set_string_member (cab_state_document (self), "activeLeadId", lead_id);
  cab_state_emit_changed (self, "active-lead", NULL);

  return TRUE;
}

JsonNode *
cab_state_peek (CabState   *self,
                const char *what)
{
  g_return_val_if_fail (CAB_IS_STATE (self), NULL);
  g_return_val_if_fail (self->root != NULL, NULL);

  if (g_strcmp0 (what, "lead") == 0)
    return json_object_get_member (active_lead_entry (self), "lead");
  if (g_strcmp0 (what, "lead-entry") == 0)
    {
      guint index = 0;

      cab_state_find_lead_entry (self, cab_state_get_active_lead_id (self), &index);
      return json_array_get_element (json_object_get_array_member (cab_state_document (self), "leads"), index);
    }

  return json_object_get_member (cab_state_document (self), what);
}

JsonNode *
cab_state_dup_field (CabState   *self,
                     const char *field_id)
{
  JsonNode *field;

  g_return_val_if_fail (CAB_IS_STATE (self), NULL);

  field = json_object_get_member (json_object_get_object_member (cab_state_document (self), "fields"), field_id);
  return field != NULL ? cab_json_deep_copy (field) : NULL;
}

static gboolean
id_list_contains (JsonObject *owner,
                  const char *id)
{
  JsonArray *ids = json_object_get_array_member (owner, "fieldIds");

  for (guint i = 0; i < json_array_get_length (ids); i++)
    if (g_str_equal (json_array_get_string_element (ids, i), id))
      return TRUE;

  return FALSE;
}

/* Whether LeadFieldsModel has this field now. A scan, not a cached set: 5,000 string
 * compares cost microseconds, and a cache would be one more thing to keep right. */
gboolean
cab_state_lead_has_field (CabState   *self,
                          const char *field_id)
{
  JsonObject *lead, *contacts;
  JsonNode *company;
  JsonObjectIter iter;
  const char *contact_id;
  JsonNode *contact;

  g_return_val_if_fail (CAB_IS_STATE (self), FALSE);

  lead = json_object_get_object_member (active_lead_entry (self), "lead");
  if (id_list_contains (lead, field_id))
    return TRUE;
  contacts = json_object_get_object_member (lead, "contacts");
  json_object_iter_init (&iter, contacts);
  while (json_object_iter_next (&iter, &contact_id, &contact))
    if (id_list_contains (json_node_get_object (contact), field_id))
      return TRUE;
  company = json_object_get_member (lead, "company");

  return company != NULL && JSON_NODE_HOLDS_OBJECT (company) &&
         id_list_contains (json_node_get_object (company), field_id);
}

gboolean
cab_state_save_file (CabState    *self,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *data = NULL;

  g_return_val_if_fail (CAB_IS_STATE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = cab_state_to_data (self);
  /* g_file_set_contents() writes a temporary file and renames it over the old one. */
  return g_file_set_contents_full (path, data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* The JWT the widget gets in initLead (SPEC §4), or an empty string when the integration has
 * no secret: amoCRM's addWidget allows an empty token too. */
char *
cab_state_mint_token (CabState   *self,
                      const char *lead_id)
{
  JsonObject *integration, *lead, *contacts, *claims;
  JsonObject *entry;
  const char *secret;
  g_autoptr(GList) contact_ids = NULL;
  g_autofree char *jti = NULL;
  g_autofree char *audience = NULL;
  g_autoptr(GUri) redirect = NULL;
  gint64 now;
  char *token;

  g_return_val_if_fail (CAB_IS_STATE (self), NULL);

  integration = json_object_get_object_member (cab_state_document (self), "integration");
  secret = json_object_get_string_member (integration, "clientSecret");
  entry = find_lead_entry (self, lead_id != NULL ? lead_id : cab_state_get_active_lead_id (self));
  if (secret == NULL || *secret == '\0' || entry == NULL)
    return g_strdup ("");

  lead = json_object_get_object_member (entry, "lead");
  contacts = json_object_get_object_member (lead, "contacts");
  contact_ids = json_object_get_members (contacts);

  /* aud is the base of the integration's redirect_uri: scheme and authority. */
  redirect = g_uri_parse (json_object_get_string_member (integration, "redirectUri"), G_URI_FLAGS_NONE, NULL);
  if (redirect != NULL && g_uri_get_host (redirect) != NULL)
    audience = g_uri_join (G_URI_FLAGS_NONE, g_uri_get_scheme (redirect), NULL, g_uri_get_host (redirect),
                           g_uri_get_port (redirect), "", NULL, NULL);
  else
    audience = g_strdup (json_object_get_string_member (integration, "redirectUri"));

  now = g_get_real_time () / G_USEC_PER_SEC;
  jti = g_uuid_string_random ();
  claims = json_object_new ();
  json_object_set_string_member (claims, "iss", json_object_get_string_member (integration, "accountAddress"));
  json_object_set_string_member (claims, "aud", audience);
  json_object_set_string_member (claims, "jti", jti);
  json_object_set_int_member (claims, "iat", now);
  json_object_set_int_member (claims, "nbf", now);
  json_object_set_int_member (claims, "exp", now + (gint64) json_object_get_double_member (integration, "tokenLifetime"));
  json_object_set_string_member (claims, "account_id", cab_state_get_account_id (self));
  json_object_set_string_member (claims, "user_id", json_object_get_string_member (integration, "userId"));
  json_object_set_string_member (claims, "client_uuid", json_object_get_string_member (integration, "clientUuid"));
  json_object_set_string_member (claims, "lead_id", json_object_get_string_member (lead, "id"));
  if (contact_ids != NULL)
    json_object_set_string_member (claims, "contact_id", contact_ids->data);

  token = cab_jwt_sign_hs256 (claims, secret);
  json_object_unref (claims);

  return token;
}
