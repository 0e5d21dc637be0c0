/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The steps of a scenario that edit the state, applied through the same CabState edits the
 * panels use: a scenario can set nothing the app itself would refuse, and the cabinet hears
 * of each change as it hears of a panel's. */
#include "config.h"

#include <glib/gi18n.h>

#include "cab-error.h"
#include "cab-json.h"
#include "cab-scenario.h"

gboolean
cab_scenario_step_edits_state (const CabScenarioStep *step)
{
  g_return_val_if_fail (step != NULL, FALSE);

  return step->kind == CAB_SCENARIO_SET_PATCH || step->kind == CAB_SCENARIO_SET_VALUE ||
         step->kind == CAB_SCENARIO_SWITCH_LEAD || step->kind == CAB_SCENARIO_SET_ONLINE;
}

/* The lead after the active one, in the order of the lead list, wrapping round. */
static const char *
next_lead_id (CabState *state)
{
  JsonArray *leads = json_node_get_array (cab_state_peek (state, "leads"));
  const char *active = cab_state_get_active_lead_id (state);
  guint n = json_array_get_length (leads);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *lead = json_object_get_object_member (json_array_get_object_element (leads, i), "lead");

      if (g_strcmp0 (json_object_get_string_member (lead, "id"), active) == 0)
        {
          JsonObject *next = json_array_get_object_element (leads, (i + 1) % n);

          return json_object_get_string_member (json_object_get_object_member (next, "lead"), "id");
        }
    }

  return active;
}

/* The id is the key: a patch or value by id need not repeat it. */
static void
set_id_if_missing (JsonNode   *object,
                   const char *id)
{
  if (!json_object_has_member (json_node_get_object (object), "id"))
    json_object_set_string_member (json_node_get_object (object), "id", id);
}

/* leadFields, by id: each member patches (or, for "value", replaces) one field the lead shows.
 * A "value" also takes off the lead every field it does not name. */
static gboolean
apply_lead_fields (const CabScenarioStep *step,
                   CabState              *state,
                   GError               **error)
{
  JsonObjectIter iter;
  const char *id;
  JsonNode *member;

  json_object_iter_init (&iter, json_node_get_object (step->value));
  while (json_object_iter_next (&iter, &id, &member))
    {
      g_autoptr(JsonNode) field = NULL;
      g_autoptr(JsonNode) merged = NULL;

      if (!cab_state_lead_has_field (state, id))
        {
          g_set_error (error, CAB_ERROR, CAB_ERROR_INVALID_SCENARIO,
                       _("lead %s has no field “%s” (a field is added in the state)"),
                       cab_state_get_active_lead_id (state), id);
          return FALSE;
        }
      field = cab_state_dup_field (state, id);
      merged = step->kind == CAB_SCENARIO_SET_PATCH ? cab_json_merge_patch (field, member)
                                                    : cab_json_merge_patch (NULL, member);
      set_id_if_missing (merged, id);
      if (!cab_state_set_field (state, id, merged, error))
        return FALSE;
    }

  if (step->kind == CAB_SCENARIO_SET_VALUE)
    {
      g_autoptr(JsonNode) fields = cab_state_dup_entity (state, CAB_ENTITY_LEAD_FIELDS);

      json_object_iter_init (&iter, json_node_get_object (fields));
      while (json_object_iter_next (&iter, &id, &member))
        if (!json_object_has_member (json_node_get_object (step->value), id) &&
            !cab_state_remove_field (state, id, error))
          return FALSE;
    }

  return TRUE;
}

/* authors, by id: a patch of an author who is not there adds one. */
static gboolean
apply_authors (const CabScenarioStep *step,
               CabState              *state,
               GError               **error)
{
  JsonObject *authors = json_node_get_object (cab_state_peek (state, "authors"));
  g_autoptr(GList) gone = NULL;
  JsonObjectIter iter;
  const char *id;
  JsonNode *member;

  if (step->kind == CAB_SCENARIO_SET_VALUE)
    {
      g_autoptr(GList) ids = json_object_get_members (authors);

      for (GList *l = ids; l != NULL; l = l->next)
        if (!json_object_has_member (json_node_get_object (step->value), l->data))
          gone = g_list_prepend (gone, g_strdup (l->data));
    }

  json_object_iter_init (&iter, json_node_get_object (step->value));
  while (json_object_iter_next (&iter, &id, &member))
    {
      JsonNode *current = step->kind == CAB_SCENARIO_SET_PATCH ? json_object_get_member (authors, id) : NULL;
      g_autoptr(JsonNode) merged = cab_json_merge_patch (current, member);

      set_id_if_missing (merged, id);
      if (!cab_state_set_author (state, merged, error))
        return FALSE;
      authors = json_node_get_object (cab_state_peek (state, "authors"));
    }

  for (GList *l = gone; l != NULL; l = l->next)
    if (!cab_state_remove_author (state, l->data, error))
      {
        g_list_free_full (g_steal_pointer (&gone), g_free);
        return FALSE;
      }
  g_list_free_full (g_steal_pointer (&gone), g_free);

  return TRUE;
}

static gboolean
apply_set (const CabScenarioStep *step,
           CabState              *state,
           GError               **error)
{
  g_autoptr(JsonNode) current = NULL;
  g_autoptr(JsonNode) value = NULL;

  if (g_str_equal (step->entity, CAB_ENTITY_LEAD_FIELDS))
    return apply_lead_fields (step, state, error);
  if (g_str_equal (step->entity, CAB_ENTITY_AUTHORS))
    return apply_authors (step, state, error);

  current = cab_state_dup_entity (state, step->entity);
  value = step->kind == CAB_SCENARIO_SET_PATCH ? cab_json_merge_patch (current, step->value)
                                               : cab_json_deep_copy (step->value);
  if (g_str_equal (step->entity, CAB_ENTITY_SYS))
    return cab_state_set_sys (state, value, error);

  /* The lead is the active one; its id says which, and cannot change here. */
  if (g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (value), "id", ""),
                 cab_state_get_active_lead_id (state)) != 0)
    {
      g_set_error (error, CAB_ERROR, CAB_ERROR_INVALID_SCENARIO,
                   _("the lead’s id is %s; a lead is chosen with switchLead"), cab_state_get_active_lead_id (state));
      return FALSE;
    }
  return cab_state_set_lead (state, value, error);
}

gboolean
cab_scenario_step_apply (const CabScenarioStep *step,
                         CabState              *state,
                         GError               **error)
{
  g_return_val_if_fail (step != NULL, FALSE);
  g_return_val_if_fail (CAB_IS_STATE (state), FALSE);

  switch (step->kind)
    {
    case CAB_SCENARIO_SET_PATCH:
    case CAB_SCENARIO_SET_VALUE:
      return apply_set (step, state, error);
    case CAB_SCENARIO_SWITCH_LEAD:
      return cab_state_set_active_lead (state, step->text != NULL ? step->text : next_lead_id (state), error);
    case CAB_SCENARIO_SET_ONLINE:
      return cab_state_set_user_online (state, step->text, step->flag, error);
    case CAB_SCENARIO_RELOAD:
    case CAB_SCENARIO_WAIT:
    case CAB_SCENARIO_NOTIFY:
    case CAB_SCENARIO_SET_CALLING:
    case CAB_SCENARIO_CLICK:
    case CAB_SCENARIO_EXPECT_SLOT_TEXT:
    case CAB_SCENARIO_SNAPSHOT:
    default:
      return TRUE;
    }
}

gboolean
cab_scenario_check_against (CabScenario *self,
                            CabState    *state,
                            GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (CAB_IS_STATE (state), FALSE);

  for (guint i = 0; i < cab_scenario_get_n_steps (self); i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!cab_scenario_step_apply (cab_scenario_get_step (self, i), state, &local_error))
        {
          g_set_error (error, CAB_ERROR, CAB_ERROR_INVALID_SCENARIO, "%s: steps[%u]: %s",
                       cab_scenario_get_source_name (self), i, local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}
