/* SPDX-License-Identifier: GPL-3.0-or-later */
/* window.APP (SPEC §3) and the event log, in the real page: what a widget's calls return,
 * what the cabinet shows, what the app hears, and what the log records — every call made
 * from the widget's own code (tests/widgets/app-probe.js), so it is attributed to it. */
#include "config.h"

#include "cab-test-util.h"

#define WAIT_US (20 * G_USEC_PER_SEC)

typedef struct
{
  CabTestCabinet *test;
  char           *probe_id;
} Fixture;

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  fixture->test = cab_test_cabinet_new ();
  fixture->probe_id = cab_test_add_widget (fixture->test, "app-probe.js");
  g_assert_cmpstr (cab_test_wait_widget (fixture->test, fixture->probe_id)->state, ==, "ready");
  cab_test_wait_js (fixture->test, "window.__appProbe");
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_clear_pointer (&fixture->test, cab_test_cabinet_free);
  g_free (fixture->probe_id);
}

static JsonNode *
run_js (Fixture    *fixture,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static JsonNode *
run_js (Fixture    *fixture,
        const char *format,
        ...)
{
  g_autofree char *body = NULL;
  va_list args;

  va_start (args, format);
  body = g_strdup_vprintf (format, args);
  va_end (args);

  return cab_test_run_js (fixture->test, body);
}

/* What the expression gives, as the page's JSON.stringify() writes it (members in order). */
static char *
run_js_to_json (Fixture    *fixture,
                const char *expression)
{
  g_autofree char *body = g_strdup_printf ("return JSON.stringify(%s);", expression);
  g_autoptr(JsonNode) result = cab_test_run_js (fixture->test, body);

  return g_strdup (json_node_get_string (result));
}

static void
wait_until (gboolean   (*condition) (Fixture *fixture, gconstpointer data),
            Fixture     *fixture,
            gconstpointer data,
            const char  *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_US;

  while (!condition (fixture, data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
    }
}

/* The first event of the log that matches, or NULL. */
static CabEvent *
find_event (Fixture      *fixture,
            CabEventKind  kind,
            const char   *name,
            const char   *widget_id,
            const char   *message_part)
{
  GListModel *log = G_LIST_MODEL (cab_cabinet_get_event_log (fixture->test->cabinet));

  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(CabEvent) event = g_list_model_get_item (log, i);

      if (cab_event_get_kind (event) == kind &&
          (name == NULL || g_strcmp0 (cab_event_get_name (event), name) == 0) &&
          (widget_id == NULL || g_strcmp0 (cab_event_get_widget_id (event), widget_id) == 0) &&
          (message_part == NULL || strstr (cab_event_get_message (event), message_part) != NULL))
        return event;
    }

  return NULL;
}

typedef struct
{
  CabEventKind kind;
  const char  *name;
  const char  *message_part;
} EventQuery;

static gboolean
event_logged (Fixture       *fixture,
              gconstpointer  data)
{
  const EventQuery *query = data;

  return find_event (fixture, query->kind, query->name, fixture->probe_id, query->message_part) != NULL;
}

/* Waits for the probe's event (the page sends the log in batches) and returns it. */
static CabEvent *
wait_event (Fixture      *fixture,
            CabEventKind  kind,
            const char   *name,
            const char   *message_part)
{
  EventQuery query = { kind, name, message_part };

  wait_until (event_logged, fixture, &query, name);
  return find_event (fixture, kind, name, fixture->probe_id, message_part);
}

/* --- APP.sdk --------------------------------------------------------------------------------- */

static gboolean
user_online_in_page (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) online = run_js (fixture, "return window.__appProbe.showUserStatus(7002);");

  return JSON_NODE_HOLDS_VALUE (online) && json_node_get_boolean (online);
}

static void
test_show_user_status (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *forms = NULL;
  g_autofree char *online = NULL;
  g_autoptr(GError) error = NULL;
  CabEvent *event;

  /* Every argument form of SPEC §3, the default fixture's two users (7001 online). */
  forms = run_js_to_json (fixture,
                          "((p) => [p.showUserStatus(), p.showUserStatus('online'), p.showUserStatus('7001'),"
                          "         p.showUserStatus(7002), p.showUserStatus('nobody'), p.showUserStatus({})])"
                          "(window.__appProbe)");
  g_assert_cmpstr (forms, ==,
                   "[[{\"id\":\"7001\",\"online\":true},{\"id\":\"7002\",\"online\":false}],"
                   "[\"7001\"],true,false,"
                   "[{\"id\":\"7001\",\"online\":true},{\"id\":\"7002\",\"online\":false}],"
                   "[{\"id\":\"7001\",\"online\":true},{\"id\":\"7002\",\"online\":false}]]");

  /* The model changes: the next call reports it, without a reload. */
  g_assert_true (cab_state_set_user_online (fixture->test->state, "7002", TRUE, &error));
  g_assert_no_error (error);
  wait_until (user_online_in_page, fixture, NULL, "user 7002 online in the page");
  online = run_js_to_json (fixture, "window.__appProbe.showUserStatus('online')");
  g_assert_cmpstr (online, ==, "[\"7001\",\"7002\"]");

  /* A new document (Open, Reset, the JSON page) brings its own users. */
  {
    g_autofree char *saved = cab_state_to_data (fixture->test->state);
    g_autoptr(JsonNode) document = json_from_string (saved, NULL);
    JsonObject *users = json_object_get_object_member (json_node_get_object (document), "users");
    g_autofree char *text = NULL;

    json_object_set_boolean_member (json_object_get_object_member (users, "7001"), "online", FALSE);
    text = json_to_string (document, FALSE);
    g_assert_true (cab_state_load_data (fixture->test->state, text, -1, "test.json", &error));
    g_assert_no_error (error);
    cab_test_wait_js (fixture->test, "window.__appProbe.showUserStatus('7001') === false");
  }

  /* Each call is in the log, with its arguments and result, under the widget's name. */
  event = wait_event (fixture, CAB_EVENT_KIND_APP, "APP.sdk.showUserStatus", "\"online\"");
  g_assert_nonnull (strstr (cab_event_get_message (event), "7001"));
}

static gboolean
cabinet_calling (Fixture       *fixture,
                 gconstpointer  data)
{
  return cab_cabinet_get_calling (fixture->test->cabinet) == GPOINTER_TO_INT (data);
}

static void
test_calling_status (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) before = run_js (fixture, "return window.__appProbe.getCalling();");
  g_autoptr(JsonNode) ignored = NULL;

  g_assert_false (json_node_get_boolean (before));

  /* The widget sets it: the app hears at once. */
  ignored = run_js (fixture, "window.__appProbe.setCalling(true); return true;");
  wait_until (cabinet_calling, fixture, GINT_TO_POINTER (TRUE), "the app to hear setCallingStatus(true)");

  /* The app clears it: getCallingStatus() says so. */
  cab_cabinet_set_calling (fixture->test->cabinet, FALSE);
  cab_test_wait_js (fixture->test, "window.__appProbe.getCalling() === false");

  /* A reloaded page starts with the app's flag. */
  cab_cabinet_set_calling (fixture->test->cabinet, TRUE);
  cab_test_wait_js (fixture->test, "window.__appProbe.getCalling() === true");
  cab_cabinet_reload_page (fixture->test->cabinet);
  cab_test_wait_ready (fixture->test);
  cab_test_wait_widget (fixture->test, fixture->probe_id);
  cab_test_wait_js (fixture->test, "window.__appProbe && window.__appProbe.getCalling() === true");

  /* Not a boolean: taken as one, and the log says what was passed. */
  g_clear_pointer (&ignored, json_node_unref);
  ignored = run_js (fixture, "window.__appProbe.setCalling(0); return true;");
  wait_until (cabinet_calling, fixture, GINT_TO_POINTER (FALSE), "setCallingStatus(0) to clear the flag");
  wait_event (fixture, CAB_EVENT_KIND_APP, "APP.sdk.setCallingStatus", "0");
}

/* What the widget gets keeps the model's member order, whatever way it reached the page (the
 * hello reply, a push): a widget that lists fields in Object.keys() order shows them the same
 * way on every start. */
static void
test_member_order (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *lead_keys = run_js_to_json (fixture, "Object.keys(window.__appProbe.getState('lead'))");
  g_autofree char *field_keys = run_js_to_json (fixture, "Object.keys(window.__appProbe.getState('leadFields')).slice(0, 3)");
  g_autoptr(JsonNode) lead = cab_state_dup_entity (fixture->test->state, "lead");
  JsonArray *field_ids = json_object_get_array_member (json_node_get_object (lead), "fieldIds");
  g_autofree char *expected_fields = g_strdup_printf ("[\"%s\",\"%s\",\"%s\"]",
                                                      json_array_get_string_element (field_ids, 0),
                                                      json_array_get_string_element (field_ids, 1),
                                                      json_array_get_string_element (field_ids, 2));

  g_assert_cmpstr (lead_keys, ==, "[\"id\",\"pid\",\"isLeadLoaded\",\"fieldIds\",\"statuses\",\"managerId\",\"contacts\",\"company\"]");
  g_assert_cmpstr (field_keys, ==, expected_fields);
}

/* --- Contract problems ----------------------------------------------------------------------- */

static void
test_unknown_members (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(JsonNode) ignored = run_js (fixture,
                                        "window.__appProbe.touch('APP.sdk.setCallStatus');"
                                        "window.__appProbe.touch('APP.notifications.addCall');"
                                        "return true;");
  CabEvent *event;
  const CabWidgetInfo *info;

  event = wait_event (fixture, CAB_EVENT_KIND_PROBLEM, "unknown-sdk-member", "setCallStatus");
  g_assert_cmpint (cab_event_get_level (event), ==, CAB_EVENT_LEVEL_ERROR);
  /* It names what exists instead. */
  g_assert_nonnull (strstr (cab_event_get_message (event), "setCallingStatus"));
  wait_event (fixture, CAB_EVENT_KIND_PROBLEM, "unknown-sdk-member", "addCall");

  /* The widget's own problem list has it too. */
  info = cab_cabinet_find_widget (fixture->test->cabinet, fixture->probe_id);
  g_assert_nonnull (info->problem);
  g_assert_cmpstr (info->problem->code, ==, "unknown-sdk-member");
}

/* --- The event log --------------------------------------------------------------------------- */

static void
test_sdk_calls_logged (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(JsonNode) ignored = run_js (fixture, "window.__appProbe.sdk(); return true;");
  CabEvent *event;

  event = wait_event (fixture, CAB_EVENT_KIND_SDK, "methods.getState", "\"lead\"");
  /* The result is shown, not only the call (its members in the model's order, cut short). */
  if (strstr (cab_event_get_message (event), "→ {id: \"18342201\", pid: ") == NULL)
    g_error ("getState's result is not in “%s”", cab_event_get_message (event));
  wait_event (fixture, CAB_EVENT_KIND_SDK, "methods.subscribe", "\"sys\"");
  wait_event (fixture, CAB_EVENT_KIND_SDK, "unsubscribe", NULL);
  wait_event (fixture, CAB_EVENT_KIND_SDK, "initAmocrmWidgetSdk", "1.0.0");
}

static void
test_console_logged (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) ignored = run_js (fixture, "%s",
                                        "window.__appProbe.log('warn', 'tariff %s is %d days old', 'Pro', 12, {a: 1});"
                                        "window.__appProbe.log('error', new Error('no route'));"
                                        "window.__appProbe.log('info', 'plain');"
                                        "return true;");
  CabEvent *event;
  g_autofree char *location = NULL;

  event = wait_event (fixture, CAB_EVENT_KIND_CONSOLE, "console.warn", "tariff Pro is 12 days old");
  g_assert_cmpint (cab_event_get_level (event), ==, CAB_EVENT_LEVEL_WARNING);
  g_assert_nonnull (strstr (cab_event_get_message (event), "{a: 1}"));
  /* Where the widget logged it. */
  location = cab_event_dup_location (event);
  g_assert_nonnull (location);
  g_assert_true (g_str_has_prefix (location, "app-probe.js:"));
  g_assert_cmpuint (cab_event_get_line (event), >, 0);

  event = wait_event (fixture, CAB_EVENT_KIND_CONSOLE, "console.error", "no route");
  g_assert_cmpint (cab_event_get_level (event), ==, CAB_EVENT_LEVEL_ERROR);
  event = wait_event (fixture, CAB_EVENT_KIND_CONSOLE, "console.info", "plain");
  g_assert_cmpint (cab_event_get_level (event), ==, CAB_EVENT_LEVEL_INFO);
}

/* Errors nobody caught: a rejected Promise and a throw from a timer, under the widget's name. */
static void
test_uncaught_logged (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(JsonNode) ignored = run_js (fixture,
                                        "window.__appProbe.reject('nobody waited for this');"
                                        "window.__appProbe.throwLater('thrown from a timer');"
                                        "return true;");
  CabEvent *event;

  event = wait_event (fixture, CAB_EVENT_KIND_CONSOLE, "unhandledrejection", "nobody waited for this");
  g_assert_cmpint (cab_event_get_level (event), ==, CAB_EVENT_LEVEL_ERROR);
  event = wait_event (fixture, CAB_EVENT_KIND_CONSOLE, "uncaught", "thrown from a timer");
  g_assert_cmpint (cab_event_get_level (event), ==, CAB_EVENT_LEVEL_ERROR);
  g_assert_nonnull (cab_event_get_file (event));

  /* Once, with its details: not again as the browser's "Script error.". */
  cab_test_spin (300);
  g_assert_null (find_event (fixture, CAB_EVENT_KIND_CONSOLE, "uncaught", NULL, "Script error"));
}

/* addWidget from the console is in the log; the token it was given is not. */
static void
test_add_widget_logged (Fixture       *fixture,
                        gconstpointer  data)
{
  GListModel *log = G_LIST_MODEL (cab_cabinet_get_event_log (fixture->test->cabinet));
  g_autoptr(JsonNode) ignored = NULL;
  gint64 deadline = g_get_monotonic_time () + WAIT_US;
  CabEvent *event = NULL;

  ignored = run_js (fixture, "window.AMOCRM.developer.addWidget({ script: 'http://127.0.0.1:9/w.js',"
                             " token: 'very-secret-token-123' }); return true;");
  while ((event = find_event (fixture, CAB_EVENT_KIND_APP, "AMOCRM.developer.addWidget", NULL, NULL)) == NULL)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("addWidget is not in the log");
      g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
    }
  g_assert_nonnull (strstr (cab_event_get_message (event), "127.0.0.1:9/w.js"));

  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(CabEvent) any = g_list_model_get_item (log, i);
      g_autofree char *line = cab_event_to_text (any);

      g_assert_null (strstr (line, "very-secret-token-123"));
    }
}

static void
test_lifecycle_logged (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CabEvent *event;

  event = wait_event (fixture, CAB_EVENT_KIND_LIFECYCLE, "module", NULL);
  g_assert_cmpfloat (cab_event_get_duration_ms (event), >=, 0);
  event = wait_event (fixture, CAB_EVENT_KIND_LIFECYCLE, "initLead", NULL);
  g_assert_cmpfloat (cab_event_get_duration_ms (event), >=, 0);
  g_assert_cmpstr (cab_event_get_lead_id (event), ==, "18342201");
  wait_event (fixture, CAB_EVENT_KIND_LIFECYCLE, "registerWidgetsBarSlot", NULL);

  /* A lead switch: the slot's destroy, initLead's cleanup, initLead for the new lead. */
  g_assert_true (cab_state_set_active_lead (fixture->test->state, "18342277", &error));
  g_assert_no_error (error);
  wait_event (fixture, CAB_EVENT_KIND_LIFECYCLE, "destroy", NULL);
  wait_event (fixture, CAB_EVENT_KIND_LIFECYCLE, "cleanup", NULL);
  wait_event (fixture, CAB_EVENT_KIND_LIFECYCLE, "initLead", "18342277");
}

static guint
rejected_events (Fixture *fixture)
{
  return cab_event_log_get_rejected (cab_cabinet_get_event_log (fixture->test->cabinet));
}

static gboolean
rejected_at_least (Fixture       *fixture,
                   gconstpointer  data)
{
  return rejected_events (fixture) >= GPOINTER_TO_UINT (data);
}

/* The page is untrusted: entries of the wrong shape are counted and dropped, and a message
 * that is not what it should be is ignored, whatever page code sends it. */
static void
test_untrusted_events (Fixture       *fixture,
                       gconstpointer  data)
{
  GListModel *log = G_LIST_MODEL (cab_cabinet_get_event_log (fixture->test->cabinet));
  guint before_rejected = rejected_events (fixture);
  g_autoptr(JsonNode) ignored = NULL;

  ignored = run_js (fixture,
                    "const post = (payload) => window.webkit.messageHandlers.cabinet.postMessage(payload);"
                    "await post({ type: 'events', payload: { entries: 'not a list' } });"
                    "await post({ type: 'events', payload: { entries: Array(5000).fill({}) } });"
                    "await post({ type: 'notification', payload: { entry: { kind: 'console' } } });"
                    "await post({ type: 'calling', payload: { calling: 'yes' } });"
                    "await post({ type: 'events', payload: { entries: ["
                    "  { time: 1, kind: 'sdk', level: 'info', name: '' },"
                    "  { time: 1, kind: 'nonsense', level: 'info', name: 'x' },"
                    "  { time: 1, kind: 'sdk', level: 'info', name: 'from-test', message: 'fine' }] } });"
                    "return true;");
  wait_until (rejected_at_least, fixture, GUINT_TO_POINTER (before_rejected + 2), "two rejected entries");
  g_assert_cmpuint (rejected_events (fixture), ==, before_rejected + 2);
  g_assert_nonnull (find_event (fixture, CAB_EVENT_KIND_SDK, "from-test", NULL, "fine"));
  g_assert_false (cab_cabinet_get_calling (fixture->test->cabinet));
  g_assert_cmpuint (g_list_model_get_n_items (cab_cabinet_get_notifications (fixture->test->cabinet)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (log), <, 5000);
}

/* A widget that logs 200,000 lines in a loop: the app takes a bounded number of them, says
 * how many more there were, and the widget still renders. */
static void
test_console_flood (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *flood_id = cab_test_add_widget (fixture->test, "console-flood.js");
  GListModel *log = G_LIST_MODEL (cab_cabinet_get_event_log (fixture->test->cabinet));
  EventQuery query = { CAB_EVENT_KIND_CONSOLE, "rate-limit", "more" };
  guint from_flood = 0;
  Fixture flood = { fixture->test, flood_id };

  g_assert_cmpstr (cab_test_wait_widget (fixture->test, flood_id)->state, ==, "ready");
  cab_test_wait_js (fixture->test, "document.body.textContent.includes('flood done')");
  wait_until (event_logged, &flood, &query, "the rate-limit entry");

  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(CabEvent) event = g_list_model_get_item (log, i);

      if (g_strcmp0 (cab_event_get_widget_id (event), flood_id) == 0 &&
          cab_event_get_kind (event) == CAB_EVENT_KIND_CONSOLE)
        from_flood++;
    }
  g_assert_cmpuint (from_flood, >, 0);
  g_assert_cmpuint (from_flood, <, 200000);
  g_assert_true (cab_cabinet_is_responsive (fixture->test->cabinet));
}

int
main (int   argc,
      char *argv[])
{
  cab_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)
  ADD ("/app/sdk/show-user-status", test_show_user_status);
  ADD ("/app/sdk/calling-status", test_calling_status);
  ADD ("/app/sdk/member-order", test_member_order);
  ADD ("/app/contract/unknown-members", test_unknown_members);
  ADD ("/app/log/sdk-calls", test_sdk_calls_logged);
  ADD ("/app/log/console", test_console_logged);
  ADD ("/app/log/lifecycle", test_lifecycle_logged);
  ADD ("/app/log/uncaught", test_uncaught_logged);
  ADD ("/app/log/add-widget", test_add_widget_logged);
  ADD ("/app/log/untrusted", test_untrusted_events);
  ADD ("/app/log/console-flood", test_console_flood);
#undef ADD

  return g_test_run ();
}
