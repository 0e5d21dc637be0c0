/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The --check report in its three forms, read back as a CI system would: the JSON by
 * json-glib, the JUnit XML by GLib's XML parser, the text by a person (a substring). */
#include "config.h"

#include <string.h>

#include "cab-check-report.h"

static CabProblem *
problem_new (const char *code,
             const char *severity,
             const char *message,
             const char *file,
             guint       line)
{
  CabProblem *problem = g_new0 (CabProblem, 1);

  problem->code = g_strdup (code);
  problem->severity = g_strdup (severity);
  problem->message = g_strdup (message);
  problem->file = g_strdup (file);
  problem->line = line;
  return problem;
}

/* Two widgets: one good with a warning, one failing with a syntax error whose message needs
 * escaping in XML. */
static GPtrArray *
make_results (void)
{
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) cab_check_result_free);
  CabCheckResult *good = cab_check_result_new ("http://localhost:3000/personal_page.js");
  CabCheckResult *bad = cab_check_result_new ("tests/widgets/syntax-error.js");
  g_autoptr(CabProblem) leak = problem_new ("leaked-subscription", "warning", "1 subscription to \"lead\" is still live", NULL, 0);
  g_autoptr(CabProblem) syntax = problem_new ("syntax-error", "error", "Unexpected token ';' <in> \"define\" & co", "file:///w/syntax-error.js", 7);
  g_autoptr(CabEvent) event = cab_event_new (CAB_EVENT_KIND_CONSOLE, CAB_EVENT_LEVEL_INFO, "w1", "console.log", "hello");

  cab_check_result_add_problem (good, leak);
  cab_check_result_add_problem (good, leak);  /* once */
  cab_check_result_add_lifecycle (good, "initLead", "18342201", 1.5);
  cab_check_result_add_lifecycle (good, "registerWidgetsBarSlot", "18342201", 0.5);
  cab_check_result_add_event (good, event);
  cab_check_result_set_slot (good, "Hello", "<b>Hello</b>");
  cab_check_result_add_snapshot (good, "start", "Hi", "<i>Hi</i>");
  cab_check_result_set_duration (good, 1.25);
  cab_check_result_add_problem (bad, syntax);
  cab_check_result_set_duration (bad, 0.5);
  g_ptr_array_add (results, good);
  g_ptr_array_add (results, bad);
  return results;
}

static void
test_json (void)
{
  g_autoptr(GPtrArray) results = make_results ();
  g_autofree char *json = cab_check_report_to_json (results);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *widgets;
  JsonObject *good, *bad, *problem;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  widgets = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "widgets");
  g_assert_cmpuint (json_array_get_length (widgets), ==, 2);

  good = json_array_get_object_element (widgets, 0);
  g_assert_cmpstr (json_object_get_string_member (good, "source"), ==, "http://localhost:3000/personal_page.js");
  g_assert_true (json_object_get_boolean_member (good, "ok"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (good, "problems")), ==, 1);
  problem = json_array_get_object_element (json_object_get_array_member (good, "problems"), 0);
  g_assert_cmpstr (json_object_get_string_member (problem, "severity"), ==, "warning");
  g_assert_true (json_object_get_null_member (problem, "file"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (good, "lifecycle")), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (good, "lifecycle"), 0), "leadId"),
                   ==, "18342201");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (good, "events"), 0), "message"),
                   ==, "hello");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (good, "slot"), "html"), ==, "<b>Hello</b>");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_object_get_object_member (good, "snapshots"), "start"), "text"),
                   ==, "Hi");

  bad = json_array_get_object_element (widgets, 1);
  g_assert_false (json_object_get_boolean_member (bad, "ok"));
  problem = json_array_get_object_element (json_object_get_array_member (bad, "problems"), 0);
  g_assert_cmpstr (json_object_get_string_member (problem, "code"), ==, "syntax-error");
  g_assert_cmpint (json_object_get_int_member (problem, "line"), ==, 7);
}

typedef struct
{
  GString *path;       /* element names, "/" separated */
  guint    testcases;
  guint    failures;
  char    *suite_failures;
  char    *failure_type;
  GString *failure_text;
  GString *system_out;
  gboolean in_failure;
  gboolean in_system_out;
} JUnit;

static void
junit_start (GMarkupParseContext *context,
             const char          *element,
             const char         **names,
             const char         **values,
             gpointer             user_data,
             GError             **error)
{
  JUnit *junit = user_data;

  g_string_append_printf (junit->path, "/%s", element);
  if (g_str_equal (element, "testcase"))
    junit->testcases++;
  if (g_str_equal (element, "failure"))
    {
      junit->failures++;
      junit->in_failure = TRUE;
    }
  if (g_str_equal (element, "system-out"))
    junit->in_system_out = TRUE;
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (element, "testsuite") && g_str_equal (names[i], "failures"))
        junit->suite_failures = g_strdup (values[i]);
      if (g_str_equal (element, "failure") && g_str_equal (names[i], "type"))
        junit->failure_type = g_strdup (values[i]);
    }
}

static void
junit_end (GMarkupParseContext *context,
           const char          *element,
           gpointer             user_data,
           GError             **error)
{
  JUnit *junit = user_data;

  junit->in_failure = junit->in_system_out = FALSE;
}

static void
junit_text (GMarkupParseContext *context,
            const char          *text,
            gsize                length,
            gpointer             user_data,
            GError             **error)
{
  JUnit *junit = user_data;

  if (junit->in_failure)
    g_string_append_len (junit->failure_text, text, length);
  if (junit->in_system_out)
    g_string_append_len (junit->system_out, text, length);
}

static void
test_junit (void)
{
  g_autoptr(GPtrArray) results = make_results ();
  g_autofree char *xml = cab_check_report_to_junit (results);
  const GMarkupParser parser = { junit_start, junit_end, junit_text, NULL, NULL };
  JUnit junit = { g_string_new (NULL), 0, 0, NULL, NULL, g_string_new (NULL), g_string_new (NULL), FALSE, FALSE };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, &junit, NULL);
  g_autoptr(GError) error = NULL;
  const char *body = strstr (xml, "?>");

  g_assert_nonnull (body);
  g_markup_parse_context_parse (context, body + 2, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (junit.testcases, ==, 2);
  g_assert_cmpuint (junit.failures, ==, 1);
  g_assert_cmpstr (junit.suite_failures, ==, "1");
  g_assert_cmpstr (junit.failure_type, ==, "syntax-error");
  g_assert_nonnull (strstr (junit.failure_text->str, "Unexpected token ';' <in> \"define\" & co"));
  g_assert_nonnull (strstr (junit.system_out->str, "leaked-subscription"));

  g_string_free (junit.path, TRUE);
  g_string_free (junit.failure_text, TRUE);
  g_string_free (junit.system_out, TRUE);
  g_free (junit.suite_failures);
  g_free (junit.failure_type);
}

static void
test_text (void)
{
  g_autoptr(GPtrArray) results = make_results ();
  g_autofree char *text = cab_check_report_to_text (results);

  g_assert_nonnull (strstr (text, "PASS http://localhost:3000/personal_page.js (1.2 s)\n"));
  g_assert_nonnull (strstr (text, "FAIL tests/widgets/syntax-error.js (0.5 s)\n"));
  /* The whole file and the line, as a compiler prints them. */
  g_assert_nonnull (strstr (text, "  error   syntax-error file:///w/syntax-error.js:7: Unexpected token"));
  g_assert_nonnull (strstr (text, "1 of 2 widgets have errors\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/check-report/json", test_json);
  g_test_add_func ("/check-report/junit", test_junit);
  g_test_add_func ("/check-report/text", test_text);

  return g_test_run ();
}
