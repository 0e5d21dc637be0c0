/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The edits of the list of leads: a new lead, a copy of one, one removed. Like every edit
 * (cab-state-edit.c), each checks first and is one undo step. */
#include "config.h"

#include <glib/gi18n.h>

#include "cab-json.h"
#include "cab-state-private.h"

/* A lead id no lead has: one more than the largest numeric one. */
static char *
new_lead_id (CabState *self)
{
  JsonArray *leads = json_object_get_array_member (cab_state_document (self), "leads");
  guint64 largest = 0;

  for (guint i = 0; i < json_array_get_length (leads); i++)
    {
      JsonObject *lead = json_object_get_object_member (json_array_get_object_element (leads, i), "lead");

      largest = MAX (largest, g_ascii_strtoull (json_object_get_string_member (lead, "id"), NULL, 10));
    }

  return g_strdup_printf ("%" G_GUINT64_FORMAT, largest + 1);
}

/* Replaces the leads array by one with @extra added at the end (or none) and @removed (an
 * index, or -1) taken out. Elements get new nodes: slot_put changes element nodes in place,
 * and the old array lives on in the history. */
static void
set_leads (CabState     *self,
           CabStateStep *step,
           JsonObject   *extra,
           int           removed)
{
  JsonArray *leads = json_object_get_array_member (cab_state_document (self), "leads");
  JsonArray *copy = json_array_new ();
  JsonNode *node;

  for (guint i = 0; i < json_array_get_length (leads); i++)
    {
      if ((int) i == removed)
        continue;
      node = json_node_new (JSON_NODE_OBJECT);
      json_node_set_object (node, json_array_get_object_element (leads, i));
      json_array_add_element (copy, node);
    }
  if (extra != NULL)
    json_array_add_object_element (copy, extra);

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, copy);
  cab_state_step_set (self, step, "leads", node);
}

char *
cab_state_add_lead (CabState *self)
{
  JsonObject *template_lead, *entry, *lead;
  JsonArray *statuses;
  char *id;
  CabStateStep *step;

  g_return_val_if_fail (CAB_IS_STATE (self), NULL);

  /* The new lead sits in the same pipeline as the active one, at its first status. */
  template_lead = cab_state_active_lead (self);
  id = new_lead_id (self);
  lead = json_object_new ();
  json_object_set_string_member (lead, "id", id);
  json_object_set_string_member (lead, "pid", json_object_get_string_member (template_lead, "pid"));
  json_object_set_boolean_member (lead, "isLeadLoaded", TRUE);
  json_object_set_array_member (lead, "fieldIds", json_array_new ());
  statuses = json_node_get_array (cab_json_deep_copy (json_object_get_member (template_lead, "statuses")));
  for (guint i = 0; i < json_array_get_length (statuses); i++)
    json_object_set_boolean_member (json_array_get_object_element (statuses, i), "selected", i == 0);
  json_object_set_array_member (lead, "statuses", statuses);
  json_object_set_string_member (lead, "managerId", json_object_get_string_member (template_lead, "managerId"));
  json_object_set_object_member (lead, "contacts", json_object_new ());
  json_object_set_null_member (lead, "company");

  entry = json_object_new ();
  json_object_set_string_member (entry, "name", _("New Lead"));
  json_object_set_object_member (entry, "lead", lead);
  json_object_set_array_member (entry, "messages", json_array_new ());

  step = cab_state_step_new (self);
  set_leads (self, step, entry, -1);
  cab_state_step_set (self, step, "activeLeadId", cab_state_node_from_string (id));
  cab_state_step_commit (self, step);

  return id;
}

char *
cab_state_duplicate_lead (CabState    *self,
                          const char  *lead_id,
                          GError     **error)
{
  JsonObject *fields = json_object_get_object_member (cab_state_document (self), "fields");
  JsonObject *source, *entry, *lead;
  JsonArray *field_ids, *new_ids;
  g_autofree char *name = NULL;
  char *id;
  CabStateStep *step;

  g_return_val_if_fail (CAB_IS_STATE (self), NULL);

  source = cab_state_find_lead_entry (self, lead_id, NULL);
  if (source == NULL)
    {
      cab_state_refuse (error, _("No lead has the id “%s”"), lead_id != NULL ? lead_id : "");
      return NULL;
    }

  id = new_lead_id (self);
  entry = cab_json_deep_copy_object (source);
  name = g_strdup_printf (_("%s (Copy)"), json_object_get_string_member (source, "name"));
  json_object_set_string_member (entry, "name", name);
  lead = json_object_get_object_member (entry, "lead");
  json_object_set_string_member (lead, "id", id);

  step = cab_state_step_new (self);
  /* The lead's own fields are copied, so that editing the copy leaves the original alone;
   * contacts and the company are the same people in both leads, and share their fields. */
  field_ids = json_object_get_array_member (lead, "fieldIds");
  new_ids = json_array_new ();
  for (guint i = 0; i < json_array_get_length (field_ids); i++)
    {
      JsonObject *field = json_object_get_object_member (fields, json_array_get_string_element (field_ids, i));
      JsonObject *copy = cab_json_deep_copy_object (field);
      g_autofree char *field_id = g_strdup_printf ("%s-%s", id, json_object_get_string_member (field, "fieldId"));
      g_autofree char *slot = NULL;

      /* Two fields of one lead may share a fieldId in a hand-written file. */
      while (json_object_has_member (fields, field_id))
        {
          char *longer = g_strconcat (field_id, "-copy", NULL);

          g_free (field_id);
          field_id = longer;
        }
      json_object_set_string_member (copy, "id", field_id);
      json_array_add_string_element (new_ids, field_id);
      slot = g_strdup_printf ("fields/%s", field_id);
      cab_state_step_set (self, step, slot, cab_state_node_from_object (copy));
    }
  json_object_set_array_member (lead, "fieldIds", new_ids);

  set_leads (self, step, entry, -1);
  cab_state_step_set (self, step, "activeLeadId", cab_state_node_from_string (id));
  cab_state_step_commit (self, step);

  return id;
}

gboolean
cab_state_remove_lead (CabState    *self,
                       const char  *lead_id,
                       GError     **error)
{
  JsonArray *leads = json_object_get_array_member (cab_state_document (self), "leads");
  guint index = 0;
  CabStateStep *step;

  g_return_val_if_fail (CAB_IS_STATE (self), FALSE);

  if (cab_state_find_lead_entry (self, lead_id, &index) == NULL)
    return cab_state_refuse (error, _("No lead has the id “%s”"), lead_id != NULL ? lead_id : "");
  if (json_array_get_length (leads) == 1)
    return cab_state_refuse (error, _("The cabinet needs at least one lead"));

  step = cab_state_step_new (self);
  if (g_str_equal (lead_id, cab_state_get_active_lead_id (self)))
    {
      /* The lead after it becomes active, or the one before when it was the last. */
      guint next = index + 1 < json_array_get_length (leads) ? index + 1 : index - 1;
      JsonObject *lead = json_object_get_object_member (json_array_get_object_element (leads, next), "lead");

      cab_state_step_set (self, step, "activeLeadId",
                          cab_state_node_from_string (json_object_get_string_member (lead, "id")));
    }
  set_leads (self, step, NULL, (int) index);
  cab_state_step_commit (self, step);

  return TRUE;
}
