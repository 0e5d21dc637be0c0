/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The edits the panels make. Each checks everything first, so that a refused edit changes
 * nothing, then replaces the few slots it touches as one undoable step (cab-state-history.c).
 * New values never share containers with what the caller holds: the document must not change
 * behind the history's back. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "cab-error.h"
#include "cab-json.h"
#include "cab-state-private.h"

gboolean
cab_state_refuse (GError    **error,
                  const char *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, CAB_ERROR, CAB_ERROR_INVALID_STATE, message);

  return FALSE;
}

JsonNode *
cab_state_node_from_object (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

JsonNode *
cab_state_node_from_string (const char *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, value);
  return node;
}

static JsonObject *
active_entry (CabState *self,
              guint    *index)
{
  JsonObject *entry = cab_state_find_lead_entry (self, cab_state_get_active_lead_id (self), index);

  g_assert (entry != NULL);
  return entry;
}

JsonObject *
cab_state_active_lead (CabState *self)
{
  return json_object_get_object_member (active_entry (self, NULL), "lead");
}

/* A new leads[] entry for the active lead: @lead (taken) and @name (or the old one), with
 * the other members shared with the old entry, which nobody changes. */
static void
set_active_entry (CabState     *self,
                  CabStateStep *step,
                  JsonObject   *lead,
                  const char   *name)
{
  guint index = 0;
  JsonObject *old_entry = active_entry (self, &index);
  JsonObject *entry = json_object_new ();
  g_autofree char *slot = g_strdup_printf ("leads/%u", index);
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  json_object_iter_init_ordered (&iter, old_entry);
  while (json_object_iter_next_ordered (&iter, &member, &value))
    {
      if (g_str_equal (member, "lead") && lead != NULL)
        json_object_set_object_member (entry, "lead", lead);
      else if (g_str_equal (member, "name") && name != NULL)
        json_object_set_string_member (entry, "name", name);
      else
        json_object_set_member (entry, member, json_node_ref (value));
    }

  cab_state_step_set (self, step, slot, cab_state_node_from_object (entry));
}

static gboolean
commit_lead (CabState    *self,
             JsonObject  *lead,
             GError     **error)
{
  JsonObject *fields = json_object_get_object_member (cab_state_document (self), "fields");
  g_autoptr(JsonNode) node = cab_state_node_from_object (lead);
  const char *new_id;
  CabStateStep *step;

  if (!cab_state_schema_check_entity (CAB_ENTITY_LEAD, node, fields, error))
    return FALSE;
  new_id = json_object_get_string_member (lead, "id");
  if (!g_str_equal (new_id, cab_state_get_active_lead_id (self)) &&
      cab_state_find_lead_entry (self, new_id, NULL) != NULL)
    return cab_state_refuse (error, _("Another lead has the id “%s”"), new_id);

  step = cab_state_step_new (self);
  set_active_entry (self, step, json_object_ref (lead), NULL);
  if (!g_str_equal (new_id, cab_state_get_active_lead_id (self)))
    cab_state_step_set (self, step, "activeLeadId", cab_state_node_from_string (new_id));
  cab_state_step_commit (self, step);

  return TRUE;
}

gboolean
cab_state_set_lead (CabState    *self,
                    JsonNode    *lead,
                    GError     **error)
{
  g_return_val_if_fail (CAB_IS_STATE (self), FALSE);
  g_return_val_if_fail (lead != NULL, FALSE);

  if (!JSON_NODE_HOLDS_OBJECT (lead))
    return cab_state_refuse (error, _("lead: expected an object"));

  return commit_lead (self, cab_json_deep_copy_object (json_node_get_object (lead)), error);
}

gboolean
cab_state_set_lead_name (CabState    *self,
                         const char  *name,
                         GError     **error)
{
  CabStateStep *step;

  g_return_val_if_fail (CAB_IS_STATE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  step = cab_state_step_new (self);
  set_active_entry (self, step, NULL, name);
  cab_state_step_commit (self, step);

  return TRUE;
}

gboolean
cab_state_set_sys (CabState    *self,
                   JsonNode    *sys,
                   GError     **error)
{
  CabStateStep *step;

  g_return_val_if_fail (CAB_IS_STATE (self), FALSE);
  g_return_val_if_fail (sys != NULL, FALSE);

  if (!cab_state_schema_check_entity (CAB_ENTITY_SYS, sys, NULL, error))
    return FALSE;

  step = cab_state_step_new (self);
  cab_state_step_set (self, step, "sys", cab_json_deep_copy (sys));
  cab_state_step_commit (self, step);

  return TRUE;
}

gboolean
cab_state_set_account_id (CabState    *self,
                          const char  *account_id,
                          GError     **error)
{
  CabStateStep *step;

  g_return_val_if_fail (CAB_IS_STATE (self), FALSE);
  g_return_val_if_fail (account_id != NULL, FALSE);

  if (*account_id == '\0')
    return cab_state_refuse (error, _("The account id must not be empty"));

  step = cab_state_step_new (self);
  cab_state_step_set (self, step, "accountId", cab_state_node_from_string (account_id));
  cab_state_step_commit (self, step);

  return TRUE;
}

/* The client secret is never in a refusal's words (the schema's checks leave it out), so a
 * refusal can be shown and logged. */
gboolean
cab_state_set_integration (CabState    *self,
                           JsonNode    *integration,
                           GError     **error)
{
  CabStateStep *step;

  g_return_val_if_fail (CAB_IS_STATE (self), FALSE);
  g_return_val_if_fail (integration != NULL, FALSE);

  if (!cab_state_schema_check_integration (integration, "integration", error))
    return FALSE;

  step = cab_state_step_new (self);
  cab_state_step_set (self, step, "integration", cab_json_deep_copy (integration));
  cab_state_step_commit (self, step);

  return TRUE;
}

/* --- Fields ------------------------------------------------------------------------------- */

gboolean
cab_state_set_field (CabState    *self,
                     const char  *field_id,
                     JsonNode    *field,
                     GError     **error)
{
  JsonObject *fields = json_object_get_object_member (cab_state_document (self), "fields");
  JsonObject *old_field, *new_field;
  g_autofree char *path = NULL;
  g_autofree char *slot = NULL;
  CabStateStep *step;

  g_return_val_if_fail (CAB_IS_STATE (self), FALSE);
  g_return_val_if_fail (field_id != NULL && field != NULL, FALSE);

  if (!json_object_has_member (fields, field_id))
    return cab_state_refuse (error, _("No field has the id “%s”"), field_id);

  /* Errors name the field as the panel shows it: "Budget.value: …". */
  old_field = json_object_get_object_member (fields, field_id);
  path = g_strdup (json_object_get_string_member (old_field, "name"));
  if (!cab_state_schema_check_field (field, path, error))
    return FALSE;
  new_field = json_node_get_object (field);
  if (g_strcmp0 (json_object_get_string_member (new_field, "id"), field_id) != 0)
    return cab_state_refuse (error, _("A field’s id cannot change"));
  if (g_strcmp0 (json_object_get_string_member (new_field, "fieldSource"),
                 json_object_get_string_member (old_field, "fieldSource")) != 0)
    return cab_state_refuse (error, _("A field’s source cannot change: remove it and add it where it belongs"));

  slot = g_strdup_printf ("fields/%s", field_id);
  step = cab_state_step_new (self);
  cab_state_step_set (self, step, slot, cab_json_deep_copy (field));
  cab_state_step_commit (self, step);

  return TRUE;
}

static gboolean
is_field_type (const char *type)
{
  return type != NULL && g_strv_contains (cab_state_field_types, type);
}

/* What a new field of each type holds (docs/state-format.md). */
static JsonNode *
empty_value (const char *type)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  static const char * const address_members[] = {
    "address_line_1", "address_line_2", "city", "state", "zip", "country", NULL
  };
  static const char * const entity_members[] = {
    "name", "entity_type", "vat_id", "kpp", "tax_registration_reason_code", "address", NULL
  };
  const char * const *members = NULL;

  if (g_str_equal (type, "numeric") || g_str_equal (type, "budget"))
    return json_node_init_int (json_node_alloc (), 0);
  if (g_str_equal (type, "checkbox"))
    return json_node_init_boolean (json_node_alloc (), FALSE);
  if (g_str_equal (type, "date") || g_str_equal (type, "birthday") || g_str_equal (type, "dateTime"))
    {
      gint64 now = g_get_real_time () / G_USEC_PER_SEC;

      /* Today: midnight UTC for the day types, the current minute for dateTime. */
      return json_node_init_int (json_node_alloc (),
                                 g_str_equal (type, "dateTime") ? now - now % 60 : now - now % 86400);
    }
  if (g_str_equal (type, "select") || g_str_equal (type, "radiobutton"))
    return json_node_init_null (json_node_alloc ());
  if (g_str_equal (type, "multiselect") || g_str_equal (type, "multitext"))
    return json_node_init_array (json_node_alloc (), json_array_new ());
  if (g_str_equal (type, "smartAddress"))
    members = address_members;
  else if (g_str_equal (type, "legalEntity"))
    members = entity_members;
  if (members == NULL)
    return json_node_init_string (json_node_alloc (), "");

  json_builder_begin_object (builder);
  for (guint i = 0; members[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, members[i]);
      json_builder_add_string_value (builder, "");
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* A fieldId no field of the account has: one more than the largest numeric one. */
static char *
new_field_number (JsonObject *fields)
{
  JsonObjectIter iter;
  const char *id;
  JsonNode *field;
  guint64 largest = 600000;

  json_object_iter_init (&iter, fields);
  while (json_object_iter_next (&iter, &id, &field))
    {
      const char *number = json_object_get_string_member (json_node_get_object (field), "fieldId");
      guint64 value = g_ascii_strtoull (number, NULL, 10);

      largest = MAX (largest, value);
    }

  return g_strdup_printf ("%" G_GUINT64_FORMAT, largest + 1);
}

static void
append_id (JsonObject *owner,
           const char *id)
{
  json_array_add_string_element (json_object_get_array_member (owner, "fieldIds"), id);
}

char *
cab_state_add_field (CabState    *self,
                     const char  *source,
                     const char  *contact_id,
                     const char  *type,
                     const char  *name,
                     GError     **error)
{
  JsonObject *fields = json_object_get_object_member (cab_state_document (self), "fields");
  g_autoptr(JsonObject) lead = NULL;
  JsonObject *owner = NULL, *field;
  g_autofree char *number = NULL;
  g_autofree char *slot = NULL;
  char *id;
  CabStateStep *step;

  g_return_val_if_fail (CAB_IS_STATE (self), NULL);
  g_return_val_if_fail (source != NULL && type != NULL && name != NULL, NULL);

  if (!is_field_type (type))
    {
      cab_state_refuse (error, _("“%s” is not a field type"), type);
      return NULL;
    }

  lead = cab_json_deep_copy_object (cab_state_active_lead (self));
  if (g_str_equal (source, "lead"))
    owner = lead;
  else if (g_str_equal (source, "contacts"))
    {
      JsonObject *contacts = json_object_get_object_member (lead, "contacts");

      if (contact_id == NULL || !json_object_has_member (contacts, contact_id))
        {
          cab_state_refuse (error, _("The lead has no contact “%s”"), contact_id != NULL ? contact_id : "");
          return NULL;
        }
      owner = json_object_get_object_member (contacts, contact_id);
    }
  else if (g_str_equal (source, "company"))
    {
      JsonNode *company = json_object_get_member (lead, "company");

      if (company == NULL || !JSON_NODE_HOLDS_OBJECT (company))
        {
          cab_state_refuse (error, _("The lead has no company"));
          return NULL;
        }
      owner = json_node_get_object (company);
    }
  else
    {
      cab_state_refuse (error, _("“%s” is not a field source"), source);
      return NULL;
    }

  /* Ids follow the fixture's form, "<owner id>-<fieldId>". */
  number = new_field_number (fields);
  id = g_strdup_printf ("%s-%s", json_object_get_string_member (owner, "id"), number);
  field = json_object_new ();
  json_object_set_string_member (field, "id", id);
  json_object_set_string_member (field, "fieldId", number);
  json_object_set_string_member (field, "fieldSource", source);
  json_object_set_string_member (field, "name", name);
  json_object_set_string_member (field, "type", type);
  json_object_set_member (field, "value", empty_value (type));
  if (g_str_equal (type, "select") || g_str_equal (type, "radiobutton") || g_str_equal (type, "multiselect"))
    json_object_set_array_member (field, "enums", json_array_new ());
  append_id (owner, id);

  step = cab_state_step_new (self);
  slot = g_strdup_printf ("fields/%s", id);
  cab_state_step_set (self, step, slot, cab_state_node_from_object (field));
  set_active_entry (self, step, g_steal_pointer (&lead), NULL);
  cab_state_step_commit (self, step);

  return id;
}

static gboolean
remove_id (JsonObject *owner,
           const char *id)
{
  JsonArray *ids = json_object_get_array_member (owner, "fieldIds");

  for (guint i = 0; i < json_array_get_length (ids); i++)
    if (g_str_equal (json_array_get_string_element (ids, i), id))
      {
        json_array_remove_element (ids, i);
        return TRUE;
      }

  return FALSE;
}

/* Whether a lead other than the active one shows this field (a contact or company that two
 * leads share carries its fields into both). */
static gboolean
field_used_elsewhere (CabState   *self,
                      const char *field_id)
{
  JsonArray *leads = json_object_get_array_member (cab_state_document (self), "leads");
  const char *active_id = cab_state_get_active_lead_id (self);

  for (guint i = 0; i < json_array_get_length (leads); i++)
    {
      JsonObject *lead = json_object_get_object_member (json_array_get_object_element (leads, i), "lead");
      g_autoptr(GHashTable) ids = NULL;

      if (g_str_equal (json_object_get_string_member (lead, "id"), active_id))
        continue;
      ids = g_hash_table_new (g_str_hash, g_str_equal);
      cab_state_collect_field_ids (lead, ids);
      if (g_hash_table_contains (ids, field_id))
        return TRUE;
    }

  return FALSE;
}

gboolean
cab_state_remove_field (CabState    *self,
                        const char  *field_id,
                        GError     **error)
{
  g_autoptr(JsonObject) lead = NULL;
  JsonObject *contacts;
  JsonNode *company;
  JsonObjectIter iter;
  const char *contact_id;
  JsonNode *contact;
  gboolean found;
  CabStateStep *step;

  g_return_val_if_fail (CAB_IS_STATE (self), FALSE);
  g_return_val_if_fail (field_id != NULL, FALSE);

  lead = cab_json_deep_copy_object (cab_state_active_lead (self));
  found = remove_id (lead, field_id);
  contacts = json_object_get_object_member (lead, "contacts");
  json_object_iter_init (&iter, contacts);
  while (json_object_iter_next (&iter, &contact_id, &contact))
    found |= remove_id (json_node_get_object (contact), field_id);
  company = json_object_get_member (lead, "company");
  if (company != NULL && JSON_NODE_HOLDS_OBJECT (company))
    found |= remove_id (json_node_get_object (company), field_id);
  if (!found)
    return cab_state_refuse (error, _("The lead has no field “%s”"), field_id);

  step = cab_state_step_new (self);
  /* A field no lead shows any more would only linger in saved files. */
  if (!field_used_elsewhere (self, field_id))
    {
      g_autofree char *slot = g_strdup_printf ("fields/%s", field_id);

      set_active_entry (self, step, g_steal_pointer (&lead), NULL);
      cab_state_step_set (self, step, slot, NULL);
    }
  else
    {
      set_active_entry (self, step, g_steal_pointer (&lead), NULL);
    }
  cab_state_step_commit (self, step);

  return TRUE;
}

/* --- Authors ------------------------------------------------------------------------------ */

gboolean
cab_state_set_author (CabState    *self,
                      JsonNode    *author,
                      GError     **error)
{
  g_autofree char *slot = NULL;
  CabStateStep *step;

  g_return_val_if_fail (CAB_IS_STATE (self), FALSE);
  g_return_val_if_fail (author != NULL, FALSE);

  if (!cab_state_schema_check_author (author, "author", error))
    return FALSE;

  slot = g_strdup_printf ("authors/%s", json_object_get_string_member (json_node_get_object (author), "id"));
  step = cab_state_step_new (self);
  cab_state_step_set (self, step, slot, cab_json_deep_copy (author));
  cab_state_step_commit (self, step);

  return TRUE;
}

gboolean
cab_state_set_user_online (CabState    *self,
                           const char  *user_id,
                           gboolean     online,
                           GError     **error)
{
  JsonObject *users, *user;
  g_autofree char *slot = NULL;
  CabStateStep *step;

  g_return_val_if_fail (CAB_IS_STATE (self), FALSE);
  g_return_val_if_fail (user_id != NULL, FALSE);

  users = json_object_get_object_member (cab_state_document (self), "users");
  if (!json_object_has_member (users, user_id))
    return cab_state_refuse (error, _("No user has the id “%s”"), user_id);

  user = cab_json_deep_copy_object (json_object_get_object_member (users, user_id));
  json_object_set_boolean_member (user, "online", online);
  slot = g_strdup_printf ("users/%s", user_id);
  step = cab_state_step_new (self);
  cab_state_step_set (self, step, slot, cab_state_node_from_object (user));
  cab_state_step_commit (self, step);

  return TRUE;
}

/* "<prefix><n>" for the smallest n ≥ 1 that @map has no key for. */
static char *
unused_key (JsonObject *map,
            const char *prefix)
{
  for (guint n = 1;; n++)
    {
      char *key = g_strdup_printf ("%s%u", prefix, n);

      if (!json_object_has_member (map, key))
        return key;
      g_free (key);
    }
}

char *
cab_state_add_author (CabState *self)
{
  JsonObject *authors, *author;
  g_autofree char *slot = NULL;
  char *id;
  CabStateStep *step;

  g_return_val_if_fail (CAB_IS_STATE (self), NULL);

  authors = json_object_get_object_member (cab_state_document (self), "authors");
  id = unused_key (authors, "a-");
  author = json_object_new ();
  json_object_set_string_member (author, "id", id);
  json_object_set_string_member (author, "avatar", "");
  json_object_set_string_member (author, "name", _("New Author"));
  json_object_set_boolean_member (author, "isBot", FALSE);
  json_object_set_boolean_member (author, "isClient", FALSE);

  slot = g_strdup_printf ("authors/%s", id);
  step = cab_state_step_new (self);
  cab_state_step_set (self, step, slot, cab_state_node_from_object (author));
  cab_state_step_commit (self, step);

  return id;
}

/* Removing an author takes their messages with them: a message must have an author, and the
 * undo that brings the author back brings the messages back too. */
gboolean
cab_state_remove_author (CabState    *self,
                         const char  *author_id,
                         GError     **error)
{
  JsonArray *leads = json_object_get_array_member (cab_state_document (self), "leads");
  g_autofree char *slot = NULL;
  CabStateStep *step;

  g_return_val_if_fail (CAB_IS_STATE (self), FALSE);
  g_return_val_if_fail (author_id != NULL, FALSE);

  if (!json_object_has_member (json_object_get_object_member (cab_state_document (self), "authors"), author_id))
    return cab_state_refuse (error, _("No author has the id “%s”"), author_id);

  step = cab_state_step_new (self);
  for (guint i = 0; i < json_array_get_length (leads); i++)
    {
      JsonObject *entry = json_array_get_object_element (leads, i);
      JsonArray *messages = json_object_get_array_member (entry, "messages");
      JsonArray *kept = json_array_new ();
      JsonObject *new_entry;
      JsonObjectIter iter;
      const char *member;
      JsonNode *value;
      g_autofree char *lead_slot = NULL;

      for (guint m = 0; m < json_array_get_length (messages); m++)
        {
          JsonObject *message = json_array_get_object_element (messages, m);

          if (!g_str_equal (json_object_get_string_member (message, "authorId"), author_id))
            json_array_add_element (kept, cab_json_deep_copy (json_array_get_element (messages, m)));
        }
      if (json_array_get_length (kept) == json_array_get_length (messages))
        {
          json_array_unref (kept);
          continue;
        }

      new_entry = json_object_new ();
      json_object_iter_init_ordered (&iter, entry);
      while (json_object_iter_next_ordered (&iter, &member, &value))
        {
          if (g_str_equal (member, "messages"))
            json_object_set_array_member (new_entry, "messages", json_array_ref (kept));
          else
            json_object_set_member (new_entry, member, json_node_ref (value));
        }
      json_array_unref (kept);
      lead_slot = g_strdup_printf ("leads/%u", i);
      cab_state_step_set (self, step, lead_slot, cab_state_node_from_object (new_entry));
    }
  slot = g_strdup_printf ("authors/%s", author_id);
  cab_state_step_set (self, step, slot, NULL);
  cab_state_step_commit (self, step);

  return TRUE;
}

/* --- Contacts ----------------------------------------------------------------------------- */

char *
cab_state_add_contact (CabState    *self,
                       const char  *name,
                       GError     **error)
{
  JsonObject *people = json_object_get_object_member (cab_state_document (self), "contacts");
  g_autoptr(JsonObject) lead = NULL;
  JsonObject *display, *contact;
  g_autofree char *slot = NULL;
  char *id;
  CabStateStep *step;

  g_return_val_if_fail (CAB_IS_STATE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (*name == '\0')
    {
      cab_state_refuse (error, _("A contact needs a name"));
      return NULL;
    }

  lead = cab_json_deep_copy_object (cab_state_active_lead (self));
  id = unused_key (people, "c-");
  display = json_object_new ();
  json_object_set_string_member (display, "id", id);
  json_object_set_string_member (display, "name", name);
  contact = json_object_new ();
  json_object_set_array_member (contact, "fieldIds", json_array_new ());
  json_object_set_string_member (contact, "id", id);
  /* The user responsible for the contact: the lead's manager is the natural default. */
  json_object_set_string_member (contact, "userId", json_object_get_string_member (lead, "managerId"));
  json_object_set_object_member (json_object_get_object_member (lead, "contacts"), id, contact);

  step = cab_state_step_new (self);
  slot = g_strdup_printf ("contacts/%s", id);
  cab_state_step_set (self, step, slot, cab_state_node_from_object (display));
  set_active_entry (self, step, g_steal_pointer (&lead), NULL);
  cab_state_step_commit (self, step);

  return id;
}

gboolean
cab_state_set_contact_name (CabState    *self,
                            const char  *contact_id,
                            const char  *name,
                            GError     **error)
{
  JsonObject *people = json_object_get_object_member (cab_state_document (self), "contacts");
  JsonObject *display;
  g_autofree char *slot = NULL;
  CabStateStep *step;

  g_return_val_if_fail (CAB_IS_STATE (self), FALSE);
  g_return_val_if_fail (contact_id != NULL && name != NULL, FALSE);

  if (*name == '\0')
    return cab_state_refuse (error, _("A contact needs a name"));

  if (!json_object_has_member (people, contact_id))
    return cab_state_refuse (error, _("No contact has the id “%s”"), contact_id);

  display = json_object_new ();
  json_object_set_string_member (display, "id", contact_id);
  json_object_set_string_member (display, "name", name);

  slot = g_strdup_printf ("contacts/%s", contact_id);
  step = cab_state_step_new (self);
  cab_state_step_set (self, step, slot, cab_state_node_from_object (display));
  cab_state_step_commit (self, step);

  return TRUE;
}

gboolean
cab_state_remove_contact (CabState    *self,
                          const char  *contact_id,
                          GError     **error)
{
  g_autoptr(JsonObject) lead = NULL;
  JsonObject *contacts;
  CabStateStep *step;

  g_return_val_if_fail (CAB_IS_STATE (self), FALSE);
  g_return_val_if_fail (contact_id != NULL, FALSE);

  lead = cab_json_deep_copy_object (cab_state_active_lead (self));
  contacts = json_object_get_object_member (lead, "contacts");
  if (!json_object_has_member (contacts, contact_id))
    return cab_state_refuse (error, _("The lead has no contact “%s”"), contact_id);

  /* The person and their fields stay in the document: another lead may have them, and a
   * contact added back by undo finds them again. */
  json_object_remove_member (contacts, contact_id);
  step = cab_state_step_new (self);
  set_active_entry (self, step, g_steal_pointer (&lead), NULL);
  cab_state_step_commit (self, step);

  return TRUE;
}
