/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Scenario files for --check: every step as the README writes it, and every mistake refused
 * with the file and the step named. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cab-error.h"
#include "cab-json.h"
#include "cab-scenario.h"

static const char every_step[] =
  "{\n"
  "  \"state\": { \"sys\": { \"lang\": \"en\" } },\n"
  "  \"steps\": [\n"
  "    { \"set\": \"sys\", \"patch\": { \"lang\": \"ru\" } },\n"
  "    { \"set\": \"leadFields\", \"patch\": { \"18342201-512001\": { \"value\": 5 } } },\n"
  "    { \"set\": \"authors\", \"value\": {} },\n"
  "    { \"switchLead\": \"next\" },\n"
  "    { \"switchLead\": 18342277 },\n"
  "    { \"reload\": true },\n"
  "    { \"wait\": 250 },\n"
  "    { \"notify\": \"call\", \"data\": { \"from\": \"+7 900\", \"duration\": 65 } },\n"
  "    { \"notify\": \"error\" },\n"
  "    { \"setOnline\": \"7001\", \"online\": false },\n"
  "    { \"setCalling\": true },\n"
  "    { \"click\": \"button.save\" },\n"
  "    { \"expectSlotText\": \"Сохранено\" },\n"
  "    { \"snapshot\": \"after-save\" }\n"
  "  ]\n"
  "}\n";

static void
test_every_step (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CabScenario) scenario = cab_scenario_new_from_data (every_step, -1, "every.json", &error);
  const CabScenarioStep *step;

  g_assert_no_error (error);
  g_assert_nonnull (cab_scenario_get_state (scenario));
  g_assert_cmpuint (cab_scenario_get_n_steps (scenario), ==, 14);

  step = cab_scenario_get_step (scenario, 0);
  g_assert_cmpint (step->kind, ==, CAB_SCENARIO_SET_PATCH);
  g_assert_cmpstr (step->entity, ==, "sys");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (step->value), "lang"), ==, "ru");
  step = cab_scenario_get_step (scenario, 1);
  g_assert_cmpint (step->kind, ==, CAB_SCENARIO_SET_PATCH);
  g_assert_cmpstr (step->entity, ==, "leadFields");
  step = cab_scenario_get_step (scenario, 2);
  g_assert_cmpint (step->kind, ==, CAB_SCENARIO_SET_VALUE);
  step = cab_scenario_get_step (scenario, 3);
  g_assert_cmpint (step->kind, ==, CAB_SCENARIO_SWITCH_LEAD);
  g_assert_null (step->text);
  step = cab_scenario_get_step (scenario, 4);
  g_assert_cmpstr (step->text, ==, "18342277");
  g_assert_cmpint (cab_scenario_get_step (scenario, 5)->kind, ==, CAB_SCENARIO_RELOAD);
  g_assert_cmpuint (cab_scenario_get_step (scenario, 6)->ms, ==, 250);
  step = cab_scenario_get_step (scenario, 7);
  g_assert_cmpint (step->kind, ==, CAB_SCENARIO_NOTIFY);
  g_assert_cmpstr (step->text, ==, "call");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (step->value), "duration"), ==, 65);
  step = cab_scenario_get_step (scenario, 8);
  g_assert_cmpuint (json_object_get_size (json_node_get_object (step->value)), ==, 0);
  step = cab_scenario_get_step (scenario, 9);
  g_assert_cmpint (step->kind, ==, CAB_SCENARIO_SET_ONLINE);
  g_assert_cmpstr (step->text, ==, "7001");
  g_assert_false (step->flag);
  step = cab_scenario_get_step (scenario, 10);
  g_assert_cmpint (step->kind, ==, CAB_SCENARIO_SET_CALLING);
  g_assert_true (step->flag);
  g_assert_cmpstr (cab_scenario_get_step (scenario, 11)->text, ==, "button.save");
  g_assert_cmpstr (cab_scenario_get_step (scenario, 12)->text, ==, "Сохранено");
  g_assert_cmpint (cab_scenario_get_step (scenario, 13)->kind, ==, CAB_SCENARIO_SNAPSHOT);
}

typedef struct
{
  const char *data;
  const char *message;  /* what the error must say, after the file name */
} Refused;

static const Refused refused[] = {
  { "", "s.json: the file is empty" },
  { "{ \"steps\": [ }", "s.json:1:" },
  { "[]", "s.json: a scenario is an object" },
  { "{ \"steps\": [], \"step\": [] }", "s.json: unknown key “step”" },
  { "{ \"state\": {} }", "s.json: “steps” is an array" },
  { "{ \"steps\": [], \"state\": [] }", "s.json: “state” is a state" },
  { "{ \"steps\": [ { \"wait\": 1, \"wait\": 2 } ] }", "the key “wait” appears twice" },
  { "{ \"steps\": [ 5 ] }", "s.json: steps[0]: a step is an object" },
  { "{ \"steps\": [ {} ] }", "steps[0]: no action" },
  { "{ \"steps\": [ { \"wait\": 1 }, { \"reload\": true, \"wait\": 5 } ] }", "steps[1]: one action per step: “reload” and “wait”" },
  { "{ \"steps\": [ { \"wait\": 1, \"timeout\": 5 } ] }", "steps[0]: unknown key “timeout” in a “wait” step" },
  { "{ \"steps\": [ { \"set\": \"contacts\", \"value\": {} } ] }", "steps[0]: “set” names an entity" },
  { "{ \"steps\": [ { \"set\": \"sys\" } ] }", "steps[0]: a “set” step has either “patch”" },
  { "{ \"steps\": [ { \"set\": \"sys\", \"patch\": {}, \"value\": {} } ] }", "either “patch” (merge) or “value”" },
  { "{ \"steps\": [ { \"set\": \"sys\", \"patch\": 1 } ] }", "“patch” is an object" },
  { "{ \"steps\": [ { \"set\": \"authors\", \"patch\": { \"a1\": \"Bob\" } } ] }", "patch.a1: authors is patched by id" },
  { "{ \"steps\": [ { \"set\": \"lead\", \"value\": null } ] }", "“value” is the whole lead" },
  { "{ \"steps\": [ { \"switchLead\": \"\" } ] }", "“switchLead” is a lead id or \"next\"" },
  { "{ \"steps\": [ { \"reload\": false } ] }", "“reload” is true" },
  { "{ \"steps\": [ { \"wait\": -1 } ] }", "“wait” is a whole number of milliseconds" },
  { "{ \"steps\": [ { \"wait\": 1.5 } ] }", "“wait” is a whole number" },
  { "{ \"steps\": [ { \"wait\": 600001 } ] }", "from 0 to 600000" },
  { "{ \"steps\": [ { \"notify\": \"message\" } ] }", "“notify” is \"call\" or \"error\"" },
  { "{ \"steps\": [ { \"notify\": \"call\", \"data\": [] } ] }", "“data” is the n_data object" },
  { "{ \"steps\": [ { \"setOnline\": true, \"online\": true } ] }", "“setOnline” is a user id" },
  { "{ \"steps\": [ { \"setOnline\": \"7001\" } ] }", "a “setOnline” step has “online”" },
  { "{ \"steps\": [ { \"setCalling\": \"yes\" } ] }", "“setCalling” is true or false" },
  { "{ \"steps\": [ { \"click\": \"\" } ] }", "“click” is a non-empty string" },
  { "{ \"steps\": [ { \"expectSlotText\": 5 } ] }", "“expectSlotText” is a non-empty string" },
  { "{ \"steps\": [ { \"snapshot\": \"a\" }, { \"snapshot\": \"a\" } ] }", "steps[1]: a snapshot named “a” was taken before" },
};

static void
test_refused (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CabScenario) scenario = cab_scenario_new_from_data (refused[i].data, -1, "s.json", &error);

      if (scenario != NULL || error == NULL || strstr (error->message, refused[i].message) == NULL)
        g_error ("scenario %u (%s): expected an error with “%s”, got %s", i, refused[i].data, refused[i].message,
                 error != NULL ? error->message : "none");
      g_assert_error (error, CAB_ERROR, CAB_ERROR_INVALID_SCENARIO);
    }
}

static void
test_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("cab-scenario-XXXXXX.json", &path, &error);
  g_autoptr(CabScenario) scenario = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "{ \"steps\": [ { \"snapshot\": \"start\" } ] }", -1, &error));
  close (fd);
  scenario = cab_scenario_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_null (cab_scenario_get_state (scenario));
  g_assert_cmpuint (cab_scenario_get_n_steps (scenario), ==, 1);
  g_unlink (path);

  /* A file that is not there is an error of its own, not a crash. */
  g_assert_null (cab_scenario_new_from_file (path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

/* RFC 7396: objects merge member by member, null removes, anything else replaces. */
static void
test_merge_patch (void)
{
  g_autoptr(JsonNode) target = json_from_string ("{\"a\": 1, \"b\": {\"c\": 2, \"d\": 3}, \"e\": [1]}", NULL);
  g_autoptr(JsonNode) patch = json_from_string ("{\"b\": {\"c\": null, \"f\": 4}, \"e\": [2], \"g\": \"x\"}", NULL);
  g_autoptr(JsonNode) merged = cab_json_merge_patch (target, patch);
  g_autofree char *text = json_to_string (merged, FALSE);
  g_autofree char *unchanged = json_to_string (target, FALSE);

  g_assert_cmpstr (text, ==, "{\"a\":1,\"b\":{\"d\":3,\"f\":4},\"e\":[2],\"g\":\"x\"}");
  g_assert_cmpstr (unchanged, ==, "{\"a\":1,\"b\":{\"c\":2,\"d\":3},\"e\":[1]}");
}

static CabState *
default_state (void)
{
  g_autoptr(GError) error = NULL;
  CabState *state = cab_state_new_default (&error);

  g_assert_no_error (error);
  return state;
}

static const char *
member_string (CabState   *state,
               const char *entity,
               const char *member)
{
  return json_object_get_string_member (json_node_get_object (cab_state_peek (state, entity)), member);
}

/* The state steps change what the panels would, through the same edits. */
static void
test_apply (void)
{
  g_autoptr(CabState) state = default_state ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CabScenario) scenario = cab_scenario_new_from_data (
    "{\"steps\": ["
    "{\"set\": \"sys\", \"patch\": {\"pageTitle\": \"T\"}},"
    "{\"set\": \"lead\", \"patch\": {\"managerId\": \"7002\"}},"
    "{\"set\": \"leadFields\", \"patch\": {\"18342201-512003\": {\"value\": \"F\"}}},"
    "{\"set\": \"authors\", \"patch\": {\"7001\": {\"name\": \"A\"}}},"
    "{\"setOnline\": \"7002\", \"online\": true},"
    "{\"switchLead\": \"next\"},"
    "{\"switchLead\": \"next\"},"
    "{\"reload\": true}"
    "]}", -1, "apply.json", &error);
  g_autoptr(JsonNode) field = NULL;
  JsonObject *author;

  g_assert_no_error (error);
  for (guint i = 0; i < cab_scenario_get_n_steps (scenario); i++)
    {
      const CabScenarioStep *step = cab_scenario_get_step (scenario, i);

      g_assert_cmpint (cab_scenario_step_edits_state (step), ==, step->kind != CAB_SCENARIO_RELOAD);
      g_assert_true (cab_scenario_step_apply (step, state, &error));
      g_assert_no_error (error);
      if (i == 5)
        g_assert_cmpstr (cab_state_get_active_lead_id (state), ==, "18342277");
    }

  g_assert_cmpstr (member_string (state, "sys", "pageTitle"), ==, "T");
  /* Everything else of sys stays. */
  g_assert_cmpstr (member_string (state, "sys", "lang"), ==, "ru");
  g_assert_cmpstr (member_string (state, "lead", "managerId"), ==, "7002");
  field = cab_state_dup_field (state, "18342201-512003");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (field), "value"), ==, "F");
  author = json_object_get_object_member (json_node_get_object (cab_state_peek (state, "authors")), "7001");
  g_assert_cmpstr (json_object_get_string_member (author, "name"), ==, "A");
  g_assert_true (json_object_get_boolean_member (author, "isBot") == FALSE);
  /* "next" wraps round: two leads, two switches. */
  g_assert_cmpstr (cab_state_get_active_lead_id (state), ==, "18342201");
}

typedef struct
{
  const char *steps;
  const char *message;
} RefusedAgainstState;

/* Mistakes only the state can tell: found before a run, naming the step. */
static const RefusedAgainstState refused_against_state[] = {
  { "{\"set\": \"leadFields\", \"patch\": {\"nope\": {\"value\": 1}}}",
    "s.json: steps[1]: lead 18342201 has no field “nope” (a field is added in the state)" },
  { "{\"set\": \"lead\", \"patch\": {\"id\": \"18342277\"}}",
    "s.json: steps[1]: the lead’s id is 18342201; a lead is chosen with switchLead" },
  { "{\"switchLead\": \"999\"}", "s.json: steps[1]: " },
  { "{\"setOnline\": \"999\", \"online\": true}", "s.json: steps[1]: No user has the id “999”" },
  { "{\"set\": \"sys\", \"patch\": {\"lang\": 5}}", "s.json: steps[1]: " },
};

static void
test_refused_against_state (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (refused_against_state); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"steps\": [{\"wait\": 1}, %s]}", refused_against_state[i].steps);
      g_autoptr(GError) error = NULL;
      g_autoptr(CabScenario) scenario = cab_scenario_new_from_data (text, -1, "s.json", &error);
      g_autoptr(CabState) state = default_state ();

      g_assert_no_error (error);
      g_assert_false (cab_scenario_check_against (scenario, state, &error));
      g_assert_error (error, CAB_ERROR, CAB_ERROR_INVALID_SCENARIO);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, refused_against_state[i].message));
    }
}

/* Without --scenario: each entity changes once, the next lead, a reload; all of it valid. */
static void
test_default_steps (void)
{
  g_autoptr(CabState) state = default_state ();
  g_autoptr(CabState) scratch = default_state ();
  g_autoptr(CabScenario) steps = cab_scenario_new_default (state);
  g_autoptr(GError) error = NULL;
  static const char * const entities[] = { "sys", "lead", "leadFields", "authors" };

  g_assert_cmpuint (cab_scenario_get_n_steps (steps), ==, 6);
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      g_assert_cmpint (cab_scenario_get_step (steps, i)->kind, ==, CAB_SCENARIO_SET_PATCH);
      g_assert_cmpstr (cab_scenario_get_step (steps, i)->entity, ==, entities[i]);
    }
  g_assert_cmpint (cab_scenario_get_step (steps, 4)->kind, ==, CAB_SCENARIO_SWITCH_LEAD);
  g_assert_null (cab_scenario_get_step (steps, 4)->text);
  g_assert_cmpint (cab_scenario_get_step (steps, 5)->kind, ==, CAB_SCENARIO_RELOAD);

  g_assert_true (cab_scenario_check_against (steps, scratch, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cab_state_get_active_lead_id (scratch), ==, "18342277");

  /* The changes, on the first lead. */
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    g_assert_true (cab_scenario_step_apply (cab_scenario_get_step (steps, i), state, &error));
  g_assert_true (g_str_has_suffix (member_string (state, "sys", "pageTitle"), " (changed)"));
  g_assert_cmpstr (member_string (state, "lead", "managerId"), ==, "7002");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scenario/every-step", test_every_step);
  g_test_add_func ("/scenario/refused", test_refused);
  g_test_add_func ("/scenario/file", test_file);
  g_test_add_func ("/scenario/merge-patch", test_merge_patch);
  g_test_add_func ("/scenario/apply", test_apply);
  g_test_add_func ("/scenario/refused-against-state", test_refused_against_state);
  g_test_add_func ("/scenario/default-steps", test_default_steps);

  return g_test_run ();
}
