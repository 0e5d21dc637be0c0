/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Scenario files for `cabinet-inspector --check`: {"state": {…}, "steps": [ … ]}. Everything
 * is checked before anything runs, and a mistake is a usage error that names the file and the
 * step (steps[3]), so that a CI job fails at once with a message that says what to fix,
 * rather than after minutes with a widget problem that is really the scenario's. */
#include "config.h"

#include <glib/gi18n.h>

#include "cab-error.h"
#include "cab-json.h"
#include "cab-scenario.h"
#include "cab-state.h"

struct _CabScenario
{
  char     *source_name;  /* what errors name: the file, or "the default steps" */
  JsonNode *state;
  GArray   *steps;  /* CabScenarioStep */
};

/* The action keys, and the other keys each one takes. */
static const struct
{
  const char          *key;
  const char * const   extra[3];
} actions[] = {
  { "set", { "patch", "value", NULL } },
  { "switchLead", { NULL } },
  { "reload", { NULL } },
  { "wait", { NULL } },
  { "notify", { "data", NULL } },
  { "setOnline", { "online", NULL } },
  { "setCalling", { NULL } },
  { "click", { NULL } },
  { "expectSlotText", { NULL } },
  { "snapshot", { NULL } },
};

static void
step_clear (CabScenarioStep *step)
{
  g_clear_pointer (&step->entity, g_free);
  g_clear_pointer (&step->value, json_node_unref);
  g_clear_pointer (&step->text, g_free);
}

static gboolean
fail (GError    **error,
      const char *source_name,
      guint       index,
      const char *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (GError    **error,
      const char *source_name,
      guint       index,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, CAB_ERROR, CAB_ERROR_INVALID_SCENARIO, "%s: steps[%u]: %s", source_name, index, message);
  return FALSE;
}

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_boolean (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

static gboolean
is_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

/* Ids are strings in the SDK; a scenario may write a number for one. NULL when it is neither. */
static char *
dup_id (JsonNode *node)
{
  if (is_string (node) && *json_node_get_string (node) != '\0')
    return g_strdup (json_node_get_string (node));
  if (is_integer (node) && json_node_get_int (node) >= 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return NULL;
}

static gboolean
parse_set (CabScenarioStep *step,
           JsonObject      *object,
           const char      *source_name,
           guint            index,
           GError         **error)
{
  JsonNode *entity = json_object_get_member (object, "set");
  JsonNode *patch = json_object_get_member (object, "patch");
  JsonNode *value = json_object_get_member (object, "value");
  gboolean by_id;

  if (!is_string (entity) || !cab_state_is_public_entity (json_node_get_string (entity)))
    return fail (error, source_name, index, _("“set” names an entity: sys, lead, leadFields or authors"));
  if ((patch == NULL) == (value == NULL))
    return fail (error, source_name, index, _("a “set” step has either “patch” (merge) or “value” (replace)"));

  step->entity = g_strdup (json_node_get_string (entity));
  by_id = g_str_equal (step->entity, CAB_ENTITY_LEAD_FIELDS) || g_str_equal (step->entity, CAB_ENTITY_AUTHORS);
  if (patch != NULL)
    {
      JsonObjectIter iter;
      const char *id;
      JsonNode *member;

      if (!JSON_NODE_HOLDS_OBJECT (patch))
        return fail (error, source_name, index, _("“patch” is an object of the members to change"));
      /* leadFields and authors are patched by id: each member is a patch of its own. */
      json_object_iter_init (&iter, json_node_get_object (patch));
      while (by_id && json_object_iter_next (&iter, &id, &member))
        if (!JSON_NODE_HOLDS_OBJECT (member))
          return fail (error, source_name, index, _("patch.%s: %s is patched by id, so each member is an object of the members to change"),
                       id, step->entity);
      step->kind = CAB_SCENARIO_SET_PATCH;
      step->value = cab_json_deep_copy (patch);
    }
  else
    {
      if (!JSON_NODE_HOLDS_OBJECT (value))
        return fail (error, source_name, index, _("“value” is the whole %s, an object"), step->entity);
      step->kind = CAB_SCENARIO_SET_VALUE;
      step->value = cab_json_deep_copy (value);
    }

  return TRUE;
}

static gboolean
parse_step (CabScenarioStep *step,
            JsonNode        *node,
            GHashTable      *snapshots,
            const char      *source_name,
            guint            index,
            GError         **error)
{
  JsonObject *object;
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;
  gint action = -1;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, source_name, index, _("a step is an object such as {\"wait\": 500}"));

  object = json_node_get_object (node);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      if (!json_object_has_member (object, actions[i].key))
        continue;
      if (action >= 0)
        return fail (error, source_name, index, _("one action per step: “%s” and “%s” are two"),
                     actions[action].key, actions[i].key);
      action = i;
    }
  if (action < 0)
    return fail (error, source_name, index,
                 _("no action: a step has one of set, switchLead, reload, wait, notify, setOnline, setCalling, click, expectSlotText, snapshot"));

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, &member))
    if (!g_str_equal (key, actions[action].key) && !g_strv_contains (actions[action].extra, key))
      return fail (error, source_name, index, _("unknown key “%s” in a “%s” step"), key, actions[action].key);

  member = json_object_get_member (object, actions[action].key);
  switch (action)
    {
    case 0:
      return parse_set (step, object, source_name, index, error);
    case 1:
      step->kind = CAB_SCENARIO_SWITCH_LEAD;
      if (is_string (member) && g_str_equal (json_node_get_string (member), "next"))
        return TRUE;
      if ((step->text = dup_id (member)) == NULL)
        return fail (error, source_name, index, _("“switchLead” is a lead id or \"next\""));
      return TRUE;
    case 2:
      step->kind = CAB_SCENARIO_RELOAD;
      if (!is_boolean (member) || !json_node_get_boolean (member))
        return fail (error, source_name, index, _("“reload” is true"));
      return TRUE;
    case 3:
      step->kind = CAB_SCENARIO_WAIT;
      if (!is_integer (member) || json_node_get_int (member) < 0 || json_node_get_int (member) > CAB_SCENARIO_MAX_WAIT_MS)
        return fail (error, source_name, index, _("“wait” is a whole number of milliseconds, from 0 to %d"),
                     CAB_SCENARIO_MAX_WAIT_MS);
      step->ms = (guint) json_node_get_int (member);
      return TRUE;
    case 4:
      {
        JsonNode *data = json_object_get_member (object, "data");

        step->kind = CAB_SCENARIO_NOTIFY;
        if (!is_string (member) || !g_strv_contains ((const char * const[]) { "call", "error", NULL }, json_node_get_string (member)))
          return fail (error, source_name, index, _("“notify” is \"call\" or \"error\""));
        if (data != NULL && !JSON_NODE_HOLDS_OBJECT (data))
          return fail (error, source_name, index, _("“data” is the n_data object of add_call or add_error"));
        step->text = g_strdup (json_node_get_string (member));
        step->value = data != NULL ? cab_json_deep_copy (data) : json_node_init_object (json_node_alloc (), json_object_new ());
        return TRUE;
      }
    case 5:
      {
        JsonNode *online = json_object_get_member (object, "online");

        step->kind = CAB_SCENARIO_SET_ONLINE;
        if ((step->text = dup_id (member)) == NULL)
          return fail (error, source_name, index, _("“setOnline” is a user id"));
        if (!is_boolean (online))
          return fail (error, source_name, index, _("a “setOnline” step has “online”: true or false"));
        step->flag = json_node_get_boolean (online);
        return TRUE;
      }
    case 6:
      step->kind = CAB_SCENARIO_SET_CALLING;
      if (!is_boolean (member))
        return fail (error, source_name, index, _("“setCalling” is true or false"));
      step->flag = json_node_get_boolean (member);
      return TRUE;
    case 7:
    case 8:
    case 9:
      step->kind = action == 7 ? CAB_SCENARIO_CLICK : action == 8 ? CAB_SCENARIO_EXPECT_SLOT_TEXT : CAB_SCENARIO_SNAPSHOT;
      /* An empty selector matches nothing, an empty text everything: neither tests a thing. */
      if (!is_string (member) || *json_node_get_string (member) == '\0')
        return fail (error, source_name, index, _("“%s” is a non-empty string"), actions[action].key);
      step->text = g_strdup (json_node_get_string (member));
      if (step->kind == CAB_SCENARIO_SNAPSHOT && !g_hash_table_add (snapshots, g_strdup (step->text)))
        return fail (error, source_name, index, _("a snapshot named “%s” was taken before"), step->text);
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

static CabScenario *
scenario_new (const char *source_name)
{
  CabScenario *self = g_new0 (CabScenario, 1);

  self->source_name = g_strdup (source_name);
  self->steps = g_array_new (FALSE, TRUE, sizeof (CabScenarioStep));
  g_array_set_clear_func (self->steps, (GDestroyNotify) step_clear);

  return self;
}

CabScenario *
cab_scenario_new_from_data (const char  *data,
                            gssize       length,
                            const char  *source_name,
                            GError     **error)
{
  g_autoptr(CabScenario) self = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) snapshots = NULL;
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;
  JsonArray *steps;

  g_return_val_if_fail (data != NULL, NULL);

  root = cab_json_parse_strict (data, length, source_name, CAB_ERROR_INVALID_SCENARIO, error);
  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CAB_ERROR, CAB_ERROR_INVALID_SCENARIO,
                   _("%s: a scenario is an object: {\"state\": {…}, \"steps\": [ … ]}"), source_name);
      return NULL;
    }

  json_object_iter_init (&iter, json_node_get_object (root));
  while (json_object_iter_next (&iter, &key, &member))
    if (!g_str_equal (key, "state") && !g_str_equal (key, "steps"))
      {
        g_set_error (error, CAB_ERROR, CAB_ERROR_INVALID_SCENARIO,
                     _("%s: unknown key “%s” (a scenario has “state” and “steps”)"), source_name, key);
        return NULL;
      }

  member = json_object_get_member (json_node_get_object (root), "steps");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    {
      g_set_error (error, CAB_ERROR, CAB_ERROR_INVALID_SCENARIO,
                   _("%s: “steps” is an array of steps, such as [{\"switchLead\": \"next\"}]"), source_name);
      return NULL;
    }
  steps = json_node_get_array (member);

  self = scenario_new (source_name);
  snapshots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      CabScenarioStep step = { 0 };

      if (!parse_step (&step, json_array_get_element (steps, i), snapshots, source_name, i, error))
        {
          step_clear (&step);
          return NULL;
        }
      g_array_append_val (self->steps, step);
    }

  /* The state is checked as a state file is, when the run loads it. */
  member = json_object_get_member (json_node_get_object (root), "state");
  if (member != NULL && !JSON_NODE_HOLDS_OBJECT (member))
    {
      g_set_error (error, CAB_ERROR, CAB_ERROR_INVALID_SCENARIO,
                   _("%s: “state” is a state, as a state file holds it"), source_name);
      return NULL;
    }
  if (member != NULL)
    self->state = cab_json_deep_copy (member);

  return g_steal_pointer (&self);
}

CabScenario *
cab_scenario_new_from_file (const char  *path,
                            GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *display = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;

  return cab_scenario_new_from_data (data, length, display, error);
}

void
cab_scenario_free (CabScenario *self)
{
  if (self == NULL)
    return;

  g_free (self->source_name);
  g_clear_pointer (&self->state, json_node_unref);
  g_clear_pointer (&self->steps, g_array_unref);
  g_free (self);
}

JsonNode *
cab_scenario_get_state (CabScenario *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->state;
}

const char *
cab_scenario_get_source_name (CabScenario *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->source_name;
}

guint
cab_scenario_get_n_steps (CabScenario *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->steps->len;
}

const CabScenarioStep *
cab_scenario_get_step (CabScenario *self,
                       guint        index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);
  return &g_array_index (self->steps, CabScenarioStep, index);
}

static void
add_patch (CabScenario *self,
           const char  *entity,
           JsonNode    *patch)
{
  CabScenarioStep step = { .kind = CAB_SCENARIO_SET_PATCH, .entity = g_strdup (entity), .value = patch };

  g_array_append_val (self->steps, step);
}

static JsonNode *
patch_member (const char *id,
              const char *member,
              JsonNode   *value)
{
  JsonObject *inner = json_object_new ();
  JsonObject *outer = json_object_new ();

  json_object_set_member (inner, member, value);
  if (id == NULL)
    return json_node_init_object (json_node_alloc (), inner);
  json_object_set_object_member (outer, id, inner);
  return json_node_init_object (json_node_alloc (), outer);
}

static JsonNode *
changed_text (const char *text)
{
  g_autofree char *changed = g_strconcat (text, " (changed)", NULL);

  return json_node_init_string (json_node_alloc (), changed);
}

/* The steps of a check without --scenario: each public entity changes once (every widget
 * subscribed to it hears of it), then the next lead, then the widget reloads. The changes
 * are ones the state accepts for any lead: a longer text, another manager. */
CabScenario *
cab_scenario_new_default (CabState *state)
{
  g_autoptr(CabScenario) self = scenario_new (_("the default steps"));
  JsonObject *sys = json_node_get_object (cab_state_peek (state, "sys"));
  JsonObject *lead = json_node_get_object (cab_state_peek (state, "lead"));
  JsonObject *users = json_node_get_object (cab_state_peek (state, "users"));
  JsonObject *authors = json_node_get_object (cab_state_peek (state, "authors"));
  g_autoptr(JsonNode) fields = cab_state_dup_entity (state, CAB_ENTITY_LEAD_FIELDS);
  g_autoptr(GList) user_ids = json_object_get_members (users);
  g_autoptr(GList) author_ids = json_object_get_members (authors);
  const char *manager = json_object_get_string_member_with_default (lead, "managerId", "");
  JsonObjectIter iter;
  const char *id;
  JsonNode *field;
  CabScenarioStep step = { 0 };

  g_return_val_if_fail (CAB_IS_STATE (state), NULL);

  add_patch (self, CAB_ENTITY_SYS,
             patch_member (NULL, "pageTitle", changed_text (json_object_get_string_member_with_default (sys, "pageTitle", ""))));

  for (GList *l = user_ids; l != NULL; l = l->next)
    if (g_strcmp0 (l->data, manager) != 0)
      {
        add_patch (self, CAB_ENTITY_LEAD,
                   patch_member (NULL, "managerId", json_node_init_string (json_node_alloc (), l->data)));
        break;
      }

  /* The first text field the lead shows: any other type would need a value of its kind. */
  json_object_iter_init (&iter, json_node_get_object (fields));
  while (json_object_iter_next (&iter, &id, &field))
    {
      JsonObject *object = json_node_get_object (field);

      if (g_strcmp0 (json_object_get_string_member_with_default (object, "type", ""), "text") == 0)
        {
          add_patch (self, CAB_ENTITY_LEAD_FIELDS,
                     patch_member (id, "value", changed_text (json_object_get_string_member_with_default (object, "value", ""))));
          break;
        }
    }

  if (author_ids != NULL)
    {
      JsonObject *author = json_object_get_object_member (authors, author_ids->data);

      add_patch (self, CAB_ENTITY_AUTHORS,
                 patch_member (author_ids->data, "name",
                               changed_text (json_object_get_string_member_with_default (author, "name", ""))));
    }

  step.kind = CAB_SCENARIO_SWITCH_LEAD;
  g_array_append_val (self->steps, step);
  step.kind = CAB_SCENARIO_RELOAD;
  g_array_append_val (self->steps, step);

  return g_steal_pointer (&self);
}
