/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The headless check (--check) in the real page: the catalogue of broken widgets in
 * tests/widgets/ each yields its problem code, good widgets pass, every scenario step does
 * what it says, and a hung widget ends in `timeout` without taking the next one with it. */
#include "config.h"

#include "cab-check-runner.h"
#include "cab-state.h"
#include "cab-test-util.h"

#define TIMEOUT_MS 4000

static char *
default_state_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CabState) state = cab_state_new_default (&error);

  g_assert_no_error (error);
  return cab_state_to_data (state);
}

/* A name under tests/widgets/, a path under tests/ ("manifests/…"), or a URL. */
static char *
widget_argument (const char *name)
{
  if (g_str_has_prefix (name, "http://") || g_path_is_absolute (name))
    return g_strdup (name);
  if (g_str_has_prefix (name, "manifests/"))
    return g_build_filename (TESTS_SOURCE_DIR, name, NULL);
  return cab_test_widget_path (name);
}

static CabCheckResult *
run_check (CabCheckRunner *runner,
           const char     *name)
{
  g_autofree char *argument = widget_argument (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(CabWidgetSource) source = cab_widget_source_new_for_argument (argument, &error);

  g_assert_no_error (error);
  return cab_check_runner_run_widget (runner, source, name);
}

static CabCheckResult *
check_with (const char  *name,
            CabScenario *scenario,
            guint        timeout_ms)
{
  g_autofree char *state_data = default_state_data ();
  g_autoptr(CabCheckRunner) runner = cab_check_runner_new (state_data, scenario, timeout_ms);

  return run_check (runner, name);
}

static const CabProblem *
find_problem (CabCheckResult *result,
              const char     *code)
{
  GPtrArray *problems = cab_check_result_get_problems (result);

  for (guint i = 0; i < problems->len; i++)
    {
      const CabProblem *problem = g_ptr_array_index (problems, i);

      if (g_str_equal (problem->code, code))
        return problem;
    }
  return NULL;
}

/* The problem with @code, which the widget must have. */
static const CabProblem *
expect_problem (CabCheckResult *result,
                const char     *code)
{
  const CabProblem *problem = find_problem (result, code);

  if (problem == NULL)
    g_error ("%s: no “%s” problem", cab_check_result_get_source (result), code);
  return problem;
}

static void
print_problems (CabCheckResult *result)
{
  GPtrArray *problems = cab_check_result_get_problems (result);

  for (guint i = 0; i < problems->len; i++)
    {
      const CabProblem *problem = g_ptr_array_index (problems, i);

      g_test_message ("%s %s: %s", problem->severity, problem->code, problem->message);
    }
}

/* The report as JSON, parsed back: what a CI tool reads. */
static JsonObject *
report_of (CabCheckResult *result)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new ();
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *widgets;

  g_ptr_array_add (results, result);
  json = cab_check_report_to_json (results);
  root = json_from_string (json, &error);
  g_assert_no_error (error);
  widgets = json_object_get_array_member (json_node_get_object (root), "widgets");
  g_assert_cmpuint (json_array_get_length (widgets), ==, 1);

  return json_object_ref (json_array_get_object_element (widgets, 0));
}

/* The lifecycle's events in order, "event@leadId" each, joined by spaces. */
static char *
lifecycle_of (JsonObject *report)
{
  JsonArray *lifecycle = json_object_get_array_member (report, "lifecycle");
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (lifecycle); i++)
    {
      JsonObject *step = json_array_get_object_element (lifecycle, i);

      g_string_append_printf (text, "%s%s@%s", i > 0 ? " " : "",
                              json_object_get_string_member (step, "event"),
                              json_object_get_string_member_with_default (step, "leadId", ""));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef struct
{
  const char *widget;
  const char *code;      /* NULL: the widget passes with no problem of severity error */
  const char *severity;
} CatalogueEntry;

static const CatalogueEntry catalogue[] = {
  { "syntax-error.js", "syntax-error", "error" },
  { "esm-module.js", "not-amd-module", "error" },
  { "no-define.js", "not-amd-module", "error" },
  { "system-register.js", "not-amd-module", "error" },
  { "returns-undefined.js", "no-callbacks-object", "error" },
  { "returns-string.js", "no-callbacks-object", "error" },
  { "returns-function.js", "no-callbacks-object", "error" },
  { "missing-initlead.js", "missing-initLead", "error" },
  { "missing-register.js", "missing-registerWidgetsBarSlot", "error" },
  { "initlead-throws.js", "callback-threw", "error" },
  { "register-throws.js", "callback-threw", "error" },
  { "factory-throws.js", "callback-threw", "error" },
  { "mutates-state.js", "callback-threw", "error" },
  { "initlead-rejects.js", "callback-rejected", "error" },
  { "cleanup-not-function.js", "cleanup-not-function", "error" },
  { "unknown-module.js", "unknown-module", "error" },
  { "get-model.js", "unknown-sdk-member", "error" },
  { "token-string.js", "unknown-sdk-member", "error" },
  { "wrong-class-key.js", "unknown-sdk-member", "error" },
  { "sdk-version-unsupported.js", "sdk-version-unsupported", "error" },
  { "throws-at-load.js", "load-failed", "error" },
  { "http://127.0.0.1:1/personal_page.js", "load-failed", "error" },
  { "never-settles.js", "timeout", "error" },
  { "endless-loop.js", "timeout", "error" },
  { "manifests/no-widget", "manifest-invalid", "error" },
  { "no-sdk-version.js", "sdk-version-missing", "warning" },
  { "forgets-unsubscribe.js", "leaked-subscription", "warning" },
  { "documented-shape.js", NULL, NULL },
  { "sdk-contract.js", NULL, NULL },
  { "lifecycle-order.js", NULL, NULL },
  { "promise-initlead.js", NULL, NULL },
  { "host-modules.js", NULL, NULL },
  { "relative-dep", NULL, NULL },
  { "scenario-probe.js", NULL, NULL },
};

/* Each widget of the catalogue, with the default steps: its code, with the severity the
 * README documents and a message; `ok` false exactly when that is an error. A good widget
 * goes through the whole default run: both leads, a reload, and destroy at the end. */
static void
test_catalogue (gconstpointer data)
{
  const CatalogueEntry *entry = data;
  g_autoptr(CabCheckResult) result = check_with (entry->widget, NULL, TIMEOUT_MS);
  g_autoptr(JsonObject) report = report_of (result);
  g_autofree char *lifecycle = lifecycle_of (report);

  print_problems (result);
  g_test_message ("lifecycle: %s", lifecycle);
  if (entry->code != NULL)
    {
      const CabProblem *problem = expect_problem (result, entry->code);

      g_assert_cmpstr (problem->severity, ==, entry->severity);
      g_assert_cmpuint (strlen (problem->message), >, 20);
      g_assert_cmpint (json_object_get_boolean_member (report, "ok"), ==, g_str_equal (entry->severity, "warning"));
    }
  else
    {
      g_assert_true (json_object_get_boolean_member (report, "ok"));
      g_assert_null (find_problem (result, "timeout"));
      /* Load → initLead → register on the first lead; the default steps' lead switch and
       * reload; destroy (slot, then cleanup) at the end. */
      g_assert_true (g_str_has_prefix (lifecycle, "module@18342201 initLead@18342201 registerWidgetsBarSlot@18342201 "));
      g_assert_nonnull (strstr (lifecycle, " initLead@18342277 registerWidgetsBarSlot@18342277 reload@18342277 "));
      g_assert_true (g_str_has_suffix (lifecycle, " destroy@18342277 cleanup@18342277 removed@18342277") ||
                     /* a widget without cleanup or destroy function logs none */
                     g_str_has_suffix (lifecycle, " removed@18342277"));
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (report, "slot"), "html"), !=, "");
    }
}

/* Where a syntax error is: the file and the line the README promises. */
static void
test_syntax_error_location (void)
{
  g_autoptr(CabCheckResult) result = check_with ("syntax-error.js", NULL, TIMEOUT_MS);
  const CabProblem *problem = expect_problem (result, "syntax-error");

  g_autofree char *path = cab_test_widget_path ("syntax-error.js");

  /* The file itself, not the loopback URL it was served from. */
  g_assert_cmpstr (problem->file, ==, path);
  g_assert_cmpuint (problem->line, ==, 7);
}

/* A widget that never gives the page back ends in `timeout` within the timeout; its page is
 * stopped, and the next widget of the same run starts in a page of its own and passes. */
static void
test_timeout_then_next (void)
{
  g_autofree char *state_data = default_state_data ();
  g_autoptr(CabCheckRunner) runner = cab_check_runner_new (state_data, NULL, 2000);
  g_autoptr(CabCheckResult) hung = NULL;
  g_autoptr(CabCheckResult) next = NULL;
  gint64 started = g_get_monotonic_time ();
  double hung_s;

  hung = run_check (runner, "endless-loop.js");
  hung_s = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  next = run_check (runner, "documented-shape.js");

  print_problems (hung);
  g_assert_nonnull (strstr (expect_problem (hung, "timeout")->message, "stopped answering"));
  g_assert_false (cab_check_result_is_ok (hung));
  /* The 2 s timeout, plus the page's own start and stop: far from the page's 10 s limit. */
  g_test_message ("the hung widget's run took %.1f s", hung_s);
  g_assert_cmpfloat (hung_s, <, 2.0 + 5.0);

  print_problems (next);
  g_assert_true (cab_check_result_is_ok (next));
  g_assert_cmpuint (cab_check_result_get_problems (next)->len, ==, 0);
}

/* A scenario with every step, on a widget that shows all a step can change. */
static char *
every_step_scenario (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CabState) state = cab_state_new_default (&error);
  g_autoptr(JsonNode) sys = cab_state_dup_entity (state, "sys");
  g_autoptr(JsonNode) lead = cab_state_dup_entity (state, "lead");
  g_autoptr(JsonNode) authors = cab_state_dup_entity (state, "authors");
  g_autoptr(JsonNode) field = cab_state_dup_field (state, "18342201-512003");
  g_autofree char *sys_json = NULL;
  g_autofree char *field_json = NULL;
  g_autofree char *lead_json = NULL;
  g_autofree char *authors_json = NULL;

  g_assert_no_error (error);
  json_object_set_string_member (json_node_get_object (sys), "pageTitle", "Whole sys");
  json_object_set_string_member (json_node_get_object (lead), "managerId", "7001");
  json_object_set_string_member (json_object_get_object_member (json_node_get_object (authors), "7002"),
                                 "name", "Replaced Author");
  json_object_set_string_member (json_node_get_object (field), "value", "Only field");
  sys_json = json_to_string (sys, FALSE);
  field_json = json_to_string (field, FALSE);
  lead_json = json_to_string (lead, FALSE);
  authors_json = json_to_string (authors, FALSE);

  return g_strdup_printf (
    "{\"steps\": [\n"
    /* 0 */ "{\"set\": \"sys\", \"patch\": {\"pageTitle\": \"Patched title\"}},\n"
    /* 1 */ "{\"expectSlotText\": \"title: Patched title\"},\n"
    /* 2 */ "{\"set\": \"sys\", \"value\": %s},\n"
    /* 3 */ "{\"expectSlotText\": \"title: Whole sys\"},\n"
    /* 4 */ "{\"set\": \"lead\", \"patch\": {\"managerId\": \"7002\"}},\n"
    /* 5 */ "{\"expectSlotText\": \"manager: 7002\"},\n"
    /* 6 */ "{\"set\": \"lead\", \"value\": %s},\n"
    /* 7 */ "{\"expectSlotText\": \"manager: 7001\"},\n"
    /* 8 */ "{\"set\": \"leadFields\", \"patch\": {\"18342201-512003\": {\"value\": \"Patched field\"}}},\n"
    /* 9 */ "{\"expectSlotText\": \"field: Patched field\"},\n"
    /* 10 */ "{\"set\": \"authors\", \"patch\": {\"7001\": {\"name\": \"Patched Author\"}}},\n"
    /* 11 */ "{\"expectSlotText\": \"Patched Author\"},\n"
    /* 12 */ "{\"set\": \"authors\", \"value\": %s},\n"
    /* 13 */ "{\"expectSlotText\": \"Replaced Author\"},\n"
    /* 14 */ "{\"setCalling\": true},\n"
    /* 15 */ "{\"setOnline\": \"7002\", \"online\": false},\n"
    /* 16 */ "{\"click\": \"button.count\"},\n"
    /* 17 */ "{\"expectSlotText\": \"calling: true\"},\n"
    /* 18 */ "{\"expectSlotText\": \"clicks: 1\"},\n"
    /* 19 */ "{\"notify\": \"call\", \"data\": {\"from\": \"+7 900 000-00-00\", \"to\": \"Anna\", \"text\": \"Incoming call\"}},\n"
    /* 20 */ "{\"notify\": \"error\", \"data\": {\"header\": \"scenario-probe\", \"text\": \"Telephony is down\"}},\n"
    /* 21 */ "{\"wait\": 150},\n"
    /* 22 */ "{\"snapshot\": \"clicked-once\"},\n"
    /* 23 */ "{\"switchLead\": \"18342277\"},\n"
    /* 24 */ "{\"expectSlotText\": \"lead: 18342277\"},\n"
    /* 25 */ "{\"switchLead\": \"next\"},\n"
    /* 26 */ "{\"expectSlotText\": \"lead: 18342201\"},\n"
    /* 27 */ "{\"set\": \"leadFields\", \"value\": {\"18342201-512003\": %s}},\n"
    /* 28 */ "{\"expectSlotText\": \"field: Only field\"},\n"
    /* 29 */ "{\"reload\": true},\n"
    /* 30 */ "{\"expectSlotText\": \"clicks: 0\"},\n"
    /* 31 */ "{\"expectSlotText\": \"text that is not there\"},\n"
    /* 32 */ "{\"click\": \".no-such-button\"},\n"
    /* 33 */ "{\"snapshot\": \"last\"}\n"
    "]}\n", sys_json, lead_json, authors_json, field_json);
}

static void
test_every_step (void)
{
  g_autofree char *text = every_step_scenario ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CabScenario) scenario = cab_scenario_new_from_data (text, -1, "every-step.json", &error);
  g_autoptr(CabCheckResult) result = NULL;
  g_autoptr(JsonObject) report = NULL;
  g_autofree char *lifecycle = NULL;
  GPtrArray *problems;
  JsonArray *events;
  JsonObject *snapshots;
  guint notifications = 0;

  g_assert_no_error (error);
  result = check_with ("scenario-probe.js", scenario, TIMEOUT_MS);
  report = report_of (result);
  lifecycle = lifecycle_of (report);
  print_problems (result);
  g_test_message ("lifecycle: %s", lifecycle);

  /* Only the two expectations meant to fail did, each naming its step. */
  problems = cab_check_result_get_problems (result);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (((CabProblem *) g_ptr_array_index (problems, 0))->code, ==, "expectation-failed");
  g_assert_true (g_str_has_prefix (((CabProblem *) g_ptr_array_index (problems, 0))->message,
                                   "steps[31]: expectSlotText: the slot does not contain “text that is not there”; it reads “title: Whole sys"));
  g_assert_cmpstr (((CabProblem *) g_ptr_array_index (problems, 1))->code, ==, "expectation-failed");
  g_assert_cmpstr (((CabProblem *) g_ptr_array_index (problems, 1))->message, ==,
                   "steps[32]: click: no element in the slot matches “.no-such-button”");
  g_assert_false (json_object_get_boolean_member (report, "ok"));

  /* Snapshots and the slot hold what the widget showed then. */
  snapshots = json_object_get_object_member (report, "snapshots");
  g_assert_nonnull (strstr (json_object_get_string_member (json_object_get_object_member (snapshots, "clicked-once"), "text"),
                            "clicks: 1"));
  g_assert_nonnull (strstr (json_object_get_string_member (json_object_get_object_member (snapshots, "clicked-once"), "text"),
                            "online: 7001"));
  g_assert_null (strstr (json_object_get_string_member (json_object_get_object_member (snapshots, "clicked-once"), "text"),
                         "7002"));
  g_assert_nonnull (strstr (json_object_get_string_member (json_object_get_object_member (snapshots, "last"), "html"),
                            "<button class=\"count\" type=\"button\">clicks: 0</button>"));
  g_assert_nonnull (strstr (json_object_get_string_member (json_object_get_object_member (report, "slot"), "text"),
                            "field: Only field"));

  /* Both notifications showed; the switches and the reload ran the lifecycle. */
  events = json_object_get_array_member (report, "events");
  for (guint i = 0; i < json_array_get_length (events); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (events, i), "kind"), "notification"))
      notifications++;
  g_assert_cmpuint (notifications, ==, 2);
  /* (The widget's initLead returns no cleanup.) */
  g_assert_nonnull (strstr (lifecycle, "destroy@18342201 initLead@18342277 registerWidgetsBarSlot@18342277 "
                                       "destroy@18342277 initLead@18342201 registerWidgetsBarSlot@18342201 reload@18342201 "));
  g_assert_true (g_str_has_suffix (lifecycle, "destroy@18342201 removed@18342201"));
}

/* The page runs as on screen though no one sees it: animation frames come, and the page has
 * a laptop window's width. */
static void
test_page_as_on_screen (void)
{
  g_autoptr(CabCheckResult) result = check_with ("animation-frame.js", NULL, TIMEOUT_MS);
  g_autoptr(JsonObject) report = report_of (result);

  print_problems (result);
  g_assert_true (json_object_get_boolean_member (report, "ok"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (report, "slot"), "text"), ==,
                   "animation-frame: drawn at 1280");
}

/* Text is compared as a person reads it: the demo widget writes its budget with
 * toLocaleString()'s no-break spaces, and a scenario types plain ones, across a line break. */
static void
test_expect_text_as_read (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CabScenario) scenario = cab_scenario_new_from_data (
    "{\"steps\": [{\"expectSlotText\": \"1 250 000 ₽\"}, {\"expectSlotText\": \"Бюджет\\n   1 250 000\"},"
    " {\"expectSlotText\": \"1 250 001\"}]}", -1, "as-read.json", &error);
  g_autofree char *demo = g_build_filename (TESTS_SOURCE_DIR, "..", "data", "demo-widget", NULL);
  g_autoptr(CabCheckResult) result = NULL;
  GPtrArray *problems;

  g_assert_no_error (error);
  result = check_with (demo, scenario, TIMEOUT_MS);
  print_problems (result);
  problems = cab_check_result_get_problems (result);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (((CabProblem *) g_ptr_array_index (problems, 0))->message,
                                   "steps[2]: expectSlotText: the slot does not contain “1 250 001”; it reads “"));
  /* The quote is the text as compared: plain spaces, no line breaks. */
  g_assert_nonnull (strstr (((CabProblem *) g_ptr_array_index (problems, 0))->message, "Бюджет 1 250 000 ₽ Менеджер"));
}

int
main (int   argc,
      char *argv[])
{
  cab_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (catalogue); i++)
    {
      g_autofree char *path = g_strdup_printf ("/check/catalogue/%s", catalogue[i].widget);

      g_strdelimit (path + strlen ("/check/catalogue/"), "/:", '_');
      g_test_add_data_func (path, &catalogue[i], test_catalogue);
    }
  g_test_add_func ("/check/syntax-error-location", test_syntax_error_location);
  g_test_add_func ("/check/timeout-then-next", test_timeout_then_next);
  g_test_add_func ("/check/every-step", test_every_step);
  g_test_add_func ("/check/page-as-on-screen", test_page_as_on_screen);
  g_test_add_func ("/check/expect-text-as-read", test_expect_text_as_read);

  return g_test_run ();
}
