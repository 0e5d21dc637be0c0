/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real cabinet page in a real WebKitWebView, running the real widgets of tests/widgets/.
 * Every assertion is about what a widget saw or what the page shows. */
#include "config.h"

#include "cab-test-util.h"
#include "cab-widget-server.h"

/* tests/widgets/ over http, as a dev server would serve it (the page loads it by URL). */
static CabWidgetServer *
serve_test_widgets (void)
{
  g_autofree char *widgets_dir = cab_test_widget_path ("");
  g_autoptr(GError) error = NULL;
  CabWidgetServer *server = cab_widget_server_new (widgets_dir, "cabinet://app", &error);

  g_assert_no_error (error);
  return server;
}

static JsonObject *
wait_result (CabTestCabinet *test,
             const char     *id,
             const char     *condition)
{
  g_autofree char *js = g_strdup_printf (
    "(() => { const el = document.querySelector('.cab-widget[data-widget-id=\"%s\"] .js-widgets-bar-item-container');"
    " const r = el && el.dataset.result ? JSON.parse(el.dataset.result) : null; return r && (%s); })()",
    id, condition);

  cab_test_wait_js (test, js);
  return cab_test_widget_result (test, id);
}

static char *
node_to_string (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

static void
assert_json_equal (JsonNode *a,
                   JsonNode *b)
{
  g_autofree char *sa = node_to_string (a);
  g_autofree char *sb = node_to_string (b);

  if (!json_node_equal (a, b))
    g_error ("JSON differs:\n%s\n%s", sa, sb);
}

static void
test_documented_shape (void)
{
  g_autoptr(CabTestCabinet) test = cab_test_cabinet_new ();
  g_autofree char *id = cab_test_add_widget (test, "documented-shape.js");
  const CabWidgetInfo *info = cab_test_wait_widget (test, id);
  g_autoptr(JsonObject) result = NULL;
  g_auto(GStrv) token_parts = NULL;

  g_assert_cmpstr (info->state, ==, "ready");
  g_assert_null (info->problem);
  result = cab_test_widget_result (test, id);
  g_assert_nonnull (result);
  /* The fixture's sys.timeFormat is 'HH:MM'. */
  g_assert_cmpstr (json_object_get_string_member (result, "timeFormat"), ==, "HH:MM");
  g_assert_cmpstr (json_object_get_string_member (result, "text"), ==, "Hello at 14:05");
  g_assert_true (json_object_get_boolean_member (result, "hasClass"));
  /* A minted HS256 JWT: header.payload.signature. */
  token_parts = g_strsplit (json_object_get_string_member (result, "token"), ".", -1);
  g_assert_cmpuint (g_strv_length (token_parts), ==, 3);

  /* With the twelve-hour format, the same widget renders "2:05 PM". */
  {
    g_autoptr(JsonNode) sys = cab_state_dup_entity (test->state, CAB_ENTITY_SYS);
    g_autoptr(GError) error = NULL;

    json_object_set_string_member (json_node_get_object (sys), "timeFormat", "h:MM TT");
    g_assert_true (cab_state_set_sys (test->state, sys, &error));
    g_assert_no_error (error);
    cab_cabinet_reload_widgets (test->cabinet);
    json_object_unref (wait_result (test, id, "r.text === 'Hello at 2:05 PM'"));
  }
}

/* An anonymous define() with a require() right after it, before the script's load event:
 * the widget starts and the require() is answered (see the widget's header). */
static void
test_require_after_define (void)
{
  g_autoptr(CabTestCabinet) test = cab_test_cabinet_new ();
  g_autofree char *id = cab_test_add_widget (test, "require-after-define.js");
  g_autoptr(JsonObject) result = NULL;

  g_assert_cmpstr (cab_test_wait_widget (test, id)->state, ==, "ready");
  result = wait_result (test, id, "r.required === true");
  g_assert_true (json_object_get_boolean_member (result, "required"));
}

/* A folder's manifest problems are listed in its widget's item, by name; the widget still
 * runs, and they stay through a lead switch. A good folder has none. */
static void
test_manifest_problems_listed (void)
{
  g_autoptr(CabTestCabinet) test = cab_test_cabinet_new ();
  g_autofree char *bad = cab_test_add_widget (test, "../manifests/wrong-locations");
  g_autofree char *good = cab_test_add_widget (test, "../manifests/good");
  g_autofree char *in_item = g_strdup_printf ("document.querySelector('[data-widget-id=\"%s\"] "
                                              ".cab-widget__problem[data-code=\"manifest-invalid\"]')", bad);
  const CabWidgetInfo *info = cab_test_wait_widget (test, bad);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (info->state, ==, "ready");
  g_assert_nonnull (info->problem);
  g_assert_cmpstr (info->problem->code, ==, "manifest-invalid");
  g_assert_nonnull (strstr (info->problem->message, "locations-missing"));
  g_assert_nonnull (strstr (info->problem->message, "personal_page"));
  g_assert_true (g_str_has_suffix (info->problem->file, "/manifest.json"));

  info = cab_test_wait_widget (test, good);
  g_assert_cmpstr (info->state, ==, "ready");
  g_assert_null (info->problem);

  cab_test_wait_js (test, in_item);
  g_assert_true (cab_state_set_active_lead (test->state, "18342277", &error));
  g_assert_no_error (error);
  cab_test_wait_js (test, "window.CabinetSdk.getEntity('lead').id === '18342277'");
  cab_test_wait_widget (test, bad);
  cab_test_wait_js (test, in_item);
}

static void
test_host_modules (void)
{
  static const char * const ids[] = {
    "amocrm-sdk", "import-modules", "jquery", "react", "react-dom", "@reduxjs/toolkit",
    "react-redux", "immer.produce", "immer.current", "nanoid", "classnames", "dateformat", "lodash",
  };
  g_autoptr(CabTestCabinet) test = cab_test_cabinet_new ();
  g_autofree char *id = cab_test_add_widget (test, "host-modules.js");
  g_autoptr(JsonObject) result = NULL;
  JsonObject *checks;

  g_assert_cmpstr (cab_test_wait_widget (test, id)->state, ==, "ready");
  result = wait_result (test, id, "r.done === true");
  checks = json_object_get_object_member (result, "checks");
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      JsonObject *check = json_object_get_object_member (checks, ids[i]);

      g_assert_nonnull (check);
      if (json_object_has_member (check, "error"))
        g_error ("host module %s: %s", ids[i], json_object_get_string_member (check, "error"));
    }

  /* The versions the lockfile pins, read from the libraries themselves. */
  {
    g_autoptr(JsonNode) versions = cab_test_run_js (test,
      "const $ = await new Promise((ok) => require(['jquery'], ok));"
      "const React = await new Promise((ok) => require(['react'], ok));"
      "const _ = await new Promise((ok) => require(['lodash'], ok));"
      "const nanoid = await new Promise((ok) => require(['nanoid'], ok));"
      "const produce = await new Promise((ok) => require(['immer.produce'], ok));"
      "return { jquery: $.fn.jquery, react: React.version, lodash: _.VERSION,"
      " nanoid: nanoid().length, produce: produce({a: 1}, (d) => { d.a = 2 }).a };");
    JsonObject *v = json_node_get_object (versions);

    g_assert_true (g_str_has_prefix (json_object_get_string_member (v, "jquery"), "3."));
    g_assert_true (g_str_has_prefix (json_object_get_string_member (v, "react"), "18."));
    g_assert_true (g_str_has_prefix (json_object_get_string_member (v, "lodash"), "4."));
    g_assert_cmpint (json_object_get_int_member (v, "nanoid"), ==, 21);
    g_assert_cmpint (json_object_get_int_member (v, "produce"), ==, 2);
  }
}

static void
test_sdk_contract (void)
{
  g_autoptr(CabTestCabinet) test = cab_test_cabinet_new ();
  g_autofree char *id = cab_test_add_widget (test, "sdk-contract.js");
  g_autoptr(JsonObject) result = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *state, *constants, *query;
  static const char *expected_constants =
    "{\"DATE_FORMATS\":{\"americanNormal\":\"dd/mm/yyyy\",\"americanInversed\":\"mm/dd/yyyy\","
    "\"russianNormal\":\"dd.mm.yyyy\",\"chineseNormal\":\"yyyy/mm/dd\"},"
    "\"TIME_FORMATS\":{\"twelve\":\"h:MM TT\",\"twentyFour\":\"HH:MM\"},"
    "\"SUPPORTED_LANGS\":{\"ru\":\"ru\",\"en\":\"en\",\"es\":\"es\",\"pt\":\"pt\"},"
    "\"LEAD_FIELD_SOURCES\":{\"lead\":\"lead\",\"contacts\":\"contacts\",\"company\":\"company\"},"
    "\"FIELD_TYPES\":{\"text\":\"text\",\"numeric\":\"numeric\",\"checkbox\":\"checkbox\",\"date\":\"date\","
    "\"select\":\"select\",\"multiselect\":\"multiselect\",\"url\":\"url\",\"textarea\":\"textarea\","
    "\"radiobutton\":\"radiobutton\",\"streetaddress\":\"streetaddress\",\"smartAddress\":\"smartAddress\","
    "\"legalEntity\":\"legalEntity\",\"birthday\":\"birthday\",\"dateTime\":\"dateTime\","
    "\"multitext\":\"multitext\",\"budget\":\"budget\"},"
    "\"PUBLIC_STATE_ENTITIES\":{\"sys\":\"sys\",\"lead\":\"lead\",\"leadFields\":\"leadFields\",\"authors\":\"authors\"},"
    "\"GLOBAL_CLASS_NAMES\":{\"widgetBarItemContainer\":\"js-widgets-bar-item-container\"}}";

  g_assert_cmpstr (cab_test_wait_widget (test, id)->state, ==, "ready");
  result = cab_test_widget_result (test, id);
  g_assert_nonnull (result);

  constants = json_object_get_object_member (result, "constants");
  g_assert_true (json_parser_load_from_data (parser, expected_constants, -1, NULL));
  {
    g_autoptr(JsonNode) actual = json_node_init_object (json_node_alloc (), constants);
    assert_json_equal (actual, json_parser_get_root (parser));
  }

  /* getState returns exactly what the C model holds, for every public entity. */
  state = json_object_get_object_member (result, "state");
  for (guint i = 0; i < 4; i++)
    {
      static const char * const entities[] = { "sys", "lead", "leadFields", "authors" };
      g_autoptr(JsonNode) expected = cab_state_dup_entity (test->state, entities[i]);

      assert_json_equal (json_object_get_member (state, entities[i]), expected);
    }
  g_assert_true (json_object_get_boolean_member (result, "unknownIsNull"));

  query = json_object_get_object_member (result, "routerQuery");
  g_assert_cmpstr (json_object_get_string_member (query, "leadId"), ==, cab_state_get_active_lead_id (test->state));
  g_assert_cmpstr (json_object_get_string_member (query, "accountId"), ==, cab_state_get_account_id (test->state));
}

static int
count_calls (JsonObject *result,
             const char *entity)
{
  JsonArray *calls = json_object_get_array_member (result, "calls");
  int count = 0;

  for (guint i = 0; i < json_array_get_length (calls); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (calls, i), "entity"), entity))
      count++;

  return count;
}

static void
test_subscribe (void)
{
  g_autoptr(CabTestCabinet) test = cab_test_cabinet_new ();
  g_autofree char *id = cab_test_add_widget (test, "subscribe.js");
  g_autoptr(JsonObject) result = NULL;
  g_autoptr(JsonNode) sys = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (cab_test_wait_widget (test, id)->state, ==, "ready");
  result = cab_test_widget_result (test, id);
  /* withInitialResult: one call at once, during subscribe(); none for the others. */
  g_assert_true (json_object_get_boolean_member (result, "initialCallWasSync"));
  g_assert_cmpint (count_calls (result, "sys"), ==, 1);
  g_assert_cmpint (count_calls (result, "lead"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (result, "unsubscribeType"), ==, "function");
  g_assert_cmpstr (json_object_get_string_member (result, "doubleUnsubscribe"), ==, "ok");

  /* One edit of sys: its subscribers are called exactly once with the new value; others not. */
  sys = cab_state_dup_entity (test->state, CAB_ENTITY_SYS);
  json_object_set_string_member (json_node_get_object (sys), "currencySymbol", "$");
  g_assert_true (cab_state_set_sys (test->state, sys, &error));
  g_assert_no_error (error);
  g_clear_pointer (&result, json_object_unref);
  result = wait_result (test, id, "r.calls.length === 2");
  g_assert_cmpint (count_calls (result, "sys"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (result, "calls"), 1), "value"),
                   ==, "$");
  g_assert_cmpint (count_calls (result, "authors"), ==, 0);

  g_assert_true (cab_state_remove_author (test->state, "a-bot", &error));
  g_clear_pointer (&result, json_object_unref);
  result = wait_result (test, id, "r.calls.length === 3");
  g_assert_cmpint (count_calls (result, "authors"), ==, 1);
  g_assert_cmpint (count_calls (result, "sys"), ==, 2);
  /* The subscription removed right away was never called. */
  g_assert_cmpint (json_object_get_int_member (result, "removedCalls"), ==, 0);

  /* After unsubscribing, edits reach no callback. */
  json_node_unref (cab_test_run_js (test, "window.__subscribeWidget.unsubscribeAll();"));
  json_object_set_string_member (json_node_get_object (sys), "currencySymbol", "€");
  g_assert_true (cab_state_set_sys (test->state, sys, &error));
  /* The edit has reached the page, and no callback has run for it. */
  cab_test_wait_js (test, "window.CabinetSdk.getEntity('sys').currencySymbol === '€'");
  g_clear_pointer (&result, json_object_unref);
  result = cab_test_widget_result (test, id);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (result, "calls")), ==, 3);
}

/* The order of lifecycle events one widget logged into window.__testLog, as "a,b,c". */
static char *
widget_events (CabTestCabinet *test,
               const char     *widget)
{
  g_autofree char *body = g_strdup_printf (
    "return (window.__testLog || []).filter((e) => e.widget === '%s').map((e) => e.event).join(',');", widget);
  g_autoptr(JsonNode) node = cab_test_run_js (test, body);

  return g_strdup (json_node_get_string (node));
}

static void
test_lifecycle_and_lead_switch (void)
{
  g_autoptr(CabTestCabinet) test = cab_test_cabinet_new ();
  g_autofree char *id = cab_test_add_widget (test, "lifecycle-order.js");
  g_autofree char *events = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) query = NULL;
  const char *other_lead = "18342277";

  g_assert_cmpstr (cab_test_wait_widget (test, id)->state, ==, "ready");
  events = widget_events (test, "lifecycle-order");
  g_assert_cmpstr (events, ==, "initLead,register");

  /* A lead switch: slot destroy → initLead cleanup → initLead → registerWidgetsBarSlot. */
  g_assert_true (cab_state_set_active_lead (test->state, other_lead, &error));
  g_assert_no_error (error);
  cab_test_wait_js (test, "(window.__testLog || []).filter((e) => e.widget === 'lifecycle-order').length >= 6");
  g_free (events);
  events = widget_events (test, "lifecycle-order");
  g_assert_cmpstr (events, ==, "initLead,register,destroy,cleanup,initLead,register");

  /* The widget saw the new lead in getRouterQuery and getState during initLead. */
  query = cab_test_run_js (test,
    "const e = window.__testLog.filter((e) => e.widget === 'lifecycle-order' && e.event === 'initLead').pop();"
    "return e.data;");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (query), "leadId"), ==, other_lead);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (query), "stateLeadId"), ==, other_lead);

  /* Removing the widget tears it down in the same order, and the slot is gone. */
  json_node_unref (cab_test_run_js (test, "await window.CabinetWidgets.remove('" "w1" "');"));
  g_free (events);
  events = widget_events (test, "lifecycle-order");
  g_assert_cmpstr (events, ==, "initLead,register,destroy,cleanup,initLead,register,destroy,cleanup");
  g_assert_null (cab_cabinet_find_widget (test->cabinet, id));
}

static void
test_promise_init_lead (void)
{
  g_autoptr(CabTestCabinet) test = cab_test_cabinet_new ();
  g_autofree char *id = cab_test_add_widget (test, "promise-initlead.js");
  g_autofree char *events = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (cab_test_wait_widget (test, id)->state, ==, "ready");
  events = widget_events (test, "promise-initlead");
  g_assert_cmpstr (events, ==, "initLead-start,initLead-resolved,register");

  /* The cleanup the Promise resolved to runs on teardown, after the slot's destroy. */
  g_assert_true (cab_state_set_active_lead (test->state, "18342277", &error));
  cab_test_wait_js (test, "window.__testLog.filter((e) => e.widget === 'promise-initlead').length >= 8");
  g_free (events);
  events = widget_events (test, "promise-initlead");
  g_assert_cmpstr (events, ==,
                   "initLead-start,initLead-resolved,register,slot-destroy,cleanup,initLead-start,initLead-resolved,register");
}

static void
test_relative_dependencies (void)
{
  g_autoptr(CabTestCabinet) test = cab_test_cabinet_new ();
  g_autofree char *id = cab_test_add_widget (test, "relative-dep");
  g_autoptr(JsonObject) result = NULL;

  g_assert_cmpstr (cab_test_wait_widget (test, id)->state, ==, "ready");
  result = cab_test_widget_result (test, id);
  g_assert_cmpstr (json_object_get_string_member (result, "text"), ==, "relative-dep: Hello, cabinet! [a, b]");
  /* The folder's manifest names the widget (through its i18n file) in the accordion. */
  g_assert_cmpstr (cab_cabinet_find_widget (test->cabinet, id)->label, ==, "Тест: относительные зависимости");
}

typedef struct
{
  const char *widget;
  const char *code;
  const char *message_part;
  guint       line;  /* 0: not checked */
} ExpectedFailure;

static const ExpectedFailure failures[] = {
  { "syntax-error.js", "syntax-error", "Unexpected token ';'", 7 },
  { "esm-module.js", "not-amd-module", "ES module", 7 },
  { "no-define.js", "not-amd-module", "never called define()", 0 },
  { "system-register.js", "not-amd-module", "SystemJS", 7 },
  { "returns-undefined.js", "no-callbacks-object", "returned undefined", 0 },
  { "returns-string.js", "no-callbacks-object", "returned a string", 0 },
  { "returns-function.js", "no-callbacks-object", "returned a function", 0 },
  { "missing-initlead.js", "missing-initLead", "no initLead function", 0 },
  { "missing-register.js", "missing-registerWidgetsBarSlot", "no registerWidgetsBarSlot function", 0 },
  { "initlead-throws.js", "callback-threw", "initLead threw Error: boom in initLead", 18 },
  { "initlead-rejects.js", "callback-rejected", "rejected: Error: rejected in initLead", 0 },
  { "register-throws.js", "callback-threw", "registerWidgetsBarSlot threw Error: boom in registerWidgetsBarSlot", 21 },
  { "factory-throws.js", "callback-threw", "boom in the define factory", 9 },
  { "mutates-state.js", "callback-threw", "are immutable, as in a Redux store: copy before changing", 14 },
  { "unknown-module.js", "unknown-module", "does not provide a module named \"moment\"", 0 },
};

/* Every failure kind at once, in one cabinet beside a working widget: each is reported by
 * name in its accordion item and to the app, and the rest of the cabinet keeps working. */
static void
test_failure_catalogue (void)
{
  g_autoptr(CabTestCabinet) test = cab_test_cabinet_new ();
  g_autofree char *good = cab_test_add_widget (test, "documented-shape.js");
  char *ids[G_N_ELEMENTS (failures)];

  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    ids[i] = cab_test_add_widget (test, failures[i].widget);

  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    {
      const CabWidgetInfo *info = cab_test_wait_widget (test, ids[i]);
      g_autofree char *shown = NULL;
      g_autofree char *js = NULL;
      g_autoptr(JsonNode) node = NULL;

      g_test_message ("%s: %s %s", failures[i].widget, info->state,
                      info->problem != NULL ? info->problem->message : "(no problem)");
      g_assert_cmpstr (info->state, ==, "failed");
      g_assert_nonnull (info->problem);
      g_assert_cmpstr (info->problem->code, ==, failures[i].code);
      if (strstr (info->problem->message, failures[i].message_part) == NULL)
        g_error ("%s: “%s” does not contain “%s”", failures[i].widget, info->problem->message, failures[i].message_part);
      if (failures[i].line != 0)
        {
          g_assert_cmpuint (info->problem->line, ==, failures[i].line);
          g_assert_true (g_str_has_suffix (info->problem->file, failures[i].widget));
        }

      /* The same problem is in the widget's accordion item. */
      js = g_strdup_printf ("const box = document.querySelector('.cab-widget[data-widget-id=\"%s\"] "
                            ".cab-widget__problem[data-code=\"%s\"] .cab-widget__problem-message');"
                            "return box ? box.textContent : null;", ids[i], failures[i].code);
      node = cab_test_run_js (test, js);
      g_assert_cmpstr (json_node_get_string (node), ==, info->problem->message);
    }

  /* The host did not go on with a broken widget. */
  {
    g_autofree char *events = widget_events (test, "missing-initlead");
    g_assert_null (strstr (events, "register"));
    g_free (events);
    events = widget_events (test, "initlead-throws");
    g_assert_null (strstr (events, "register"));
  }

  /* The working widget and the cabinet itself are untouched. */
  g_assert_cmpstr (cab_test_wait_widget (test, good)->state, ==, "ready");
  {
    g_autoptr(JsonNode) lead_shown = cab_test_run_js (test,
      "return document.getElementById('cab-lead').textContent;");
    if (strstr (json_node_get_string (lead_shown), "Поставка серверного оборудования") == NULL)
      g_error ("lead card: %s", json_node_get_string (lead_shown));
  }

  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    g_free (ids[i]);
}

/* Drift from SPEC §2: named, and the widget keeps running where the real SDK would. */
static void
test_sdk_drift (void)
{
  g_autoptr(CabTestCabinet) test = cab_test_cabinet_new ();
  g_autofree char *no_version = cab_test_add_widget (test, "no-sdk-version.js");
  g_autofree char *get_model = cab_test_add_widget (test, "get-model.js");
  g_autofree char *token_string = cab_test_add_widget (test, "token-string.js");
  g_autofree char *class_key = cab_test_add_widget (test, "wrong-class-key.js");
  const CabWidgetInfo *info;

  info = cab_test_wait_widget (test, no_version);
  g_assert_cmpstr (info->state, ==, "ready");
  g_assert_cmpstr (info->problem->code, ==, "sdk-version-missing");
  g_assert_cmpstr (info->problem->severity, ==, "warning");

  info = cab_test_wait_widget (test, get_model);
  g_assert_nonnull (info->problem);
  g_assert_cmpstr (info->problem->code, ==, "unknown-sdk-member");
  g_assert_nonnull (strstr (info->problem->message, "WidgetSdk.methods.getModel does not exist"));

  info = cab_test_wait_widget (test, token_string);
  g_assert_nonnull (info->problem);
  g_assert_cmpstr (info->problem->code, ==, "unknown-sdk-member");
  g_assert_nonnull (strstr (info->problem->message, "Use params.token"));

  info = cab_test_wait_widget (test, class_key);
  g_assert_nonnull (info->problem);
  g_assert_cmpstr (info->problem->code, ==, "unknown-sdk-member");
  g_assert_nonnull (strstr (info->problem->message, "GLOBAL_CLASS_NAMES.widgetsBarItemContainer does not exist"));
}

static void
test_load_failures (void)
{
  g_autoptr(CabTestCabinet) test = cab_test_cabinet_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CabWidgetServer) server = serve_test_widgets ();
  g_autofree char *missing_url = cab_widget_server_dup_uri (server, "no-such-widget.js");
  g_autofree char *missing = cab_test_add_widget (test, missing_url);
  /* Port 1 on loopback: nothing listens there. */
  g_autofree char *unreachable = cab_test_add_widget (test, "http://127.0.0.1:1/personal_page.js");
  const CabWidgetInfo *info;

  g_assert_no_error (error);

  info = cab_test_wait_widget (test, missing);
  g_assert_cmpstr (info->state, ==, "failed");
  g_assert_cmpstr (info->problem->code, ==, "load-failed");
  g_assert_nonnull (strstr (info->problem->message, "404"));

  info = cab_test_wait_widget (test, unreachable);
  g_assert_cmpstr (info->state, ==, "failed");
  g_assert_cmpstr (info->problem->code, ==, "load-failed");
  /* The reason comes from the app's own attempt to connect. */
  if (strstr (info->problem->message, "Could not connect") == NULL)
    g_error ("no connection error in: %s", info->problem->message);
  g_assert_null (strstr (info->problem->message, "404"));
}

/* Loaded by URL, as from a dev server, the page gets no error details for the script (it is
 * not loaded with CORS): the app fetches the script and the page finds the syntax error in it. */
static void
test_hidden_errors_of_a_dev_server (void)
{
  g_autoptr(CabTestCabinet) test = cab_test_cabinet_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CabWidgetServer) server = serve_test_widgets ();
  g_autofree char *syntax_url = cab_widget_server_dup_uri (server, "syntax-error.js");
  g_autofree char *esm_url = cab_widget_server_dup_uri (server, "esm-module.js");
  g_autofree char *syntax = cab_test_add_widget (test, syntax_url);
  g_autofree char *esm = cab_test_add_widget (test, esm_url);
  const CabWidgetInfo *info;

  info = cab_test_wait_widget (test, syntax);
  g_assert_cmpstr (info->problem->code, ==, "syntax-error");
  g_assert_nonnull (strstr (info->problem->message, "Unexpected token ';'"));
  g_assert_cmpuint (info->problem->line, ==, 7);
  g_assert_cmpstr (info->problem->file, ==, syntax_url);

  info = cab_test_wait_widget (test, esm);
  g_assert_cmpstr (info->problem->code, ==, "not-amd-module");
  g_assert_cmpuint (info->problem->line, ==, 7);
}

/* window.AMOCRM.developer.addWidget, as a developer types it into the console. */
static void
test_add_widget_from_console (void)
{
  g_autoptr(CabTestCabinet) test = cab_test_cabinet_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CabWidgetServer) server = serve_test_widgets ();
  g_autofree char *url = cab_widget_server_dup_uri (server, "documented-shape.js");
  g_autofree char *body = g_strdup_printf (
    "return window.AMOCRM.developer.addWidget({ script: '%s', token: 'foo' }) === undefined;", url);
  g_autoptr(JsonNode) returned = cab_test_run_js (test, body);
  g_autoptr(JsonNode) thrown = NULL;
  const CabWidgetInfo *info = NULL;

  g_assert_true (json_node_get_boolean (returned));
  info = cab_test_wait_widget (test, cab_test_wait_widget_count (test, 1)->id);
  g_assert_cmpstr (info->state, ==, "ready");
  {
    g_autoptr(JsonObject) result = cab_test_widget_result (test, info->id);
    /* The token given to addWidget is passed to initLead as it is. */
    g_assert_cmpstr (json_object_get_string_member (result, "token"), ==, "foo");
  }

  /* Unlike amoCRM's, the widget survives a lead switch. */
  g_assert_true (cab_state_set_active_lead (test->state, "18342277", &error));
  cab_test_wait_js (test, "window.__testLog.filter((e) => e.widget === 'documented-shape' && e.event === 'register').length === 2");

  /* Bad arguments are refused with a message that says what to pass. */
  thrown = cab_test_run_js (test,
    "try { window.AMOCRM.developer.addWidget({ token: 'x' }); return null; } catch (e) { return e.message; }");
  g_assert_nonnull (strstr (json_node_get_string (thrown), "widgetParams.script"));
}

/* A reloaded page (Ctrl+Shift+R, or after a crash) gets every widget back from the app,
 * those added from the console too, with the token that was given to addWidget. */
static void
test_reload_page_keeps_widgets (void)
{
  g_autoptr(CabTestCabinet) test = cab_test_cabinet_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CabWidgetServer) server = serve_test_widgets ();
  g_autofree char *url = cab_widget_server_dup_uri (server, "documented-shape.js");
  g_autofree char *body = g_strdup_printf (
    "window.AMOCRM.developer.addWidget({ script: '%s', token: 'from-console' });", url);
  g_autofree char *app_widget = cab_test_add_widget (test, "relative-dep");
  g_autofree char *console_widget = NULL;

  g_assert_cmpstr (cab_test_wait_widget (test, app_widget)->state, ==, "ready");
  json_node_unref (cab_test_run_js (test, body));
  console_widget = g_strdup (cab_test_wait_widget_count (test, 2)->id);
  g_assert_cmpstr (cab_test_wait_widget (test, console_widget)->state, ==, "ready");

  cab_cabinet_reload_page (test->cabinet);
  cab_test_wait_ready (test);
  cab_test_wait_widget_count (test, 2);
  g_assert_cmpstr (cab_test_wait_widget (test, app_widget)->state, ==, "ready");
  g_assert_cmpstr (cab_test_wait_widget (test, console_widget)->state, ==, "ready");
  {
    g_autoptr(JsonObject) result = cab_test_widget_result (test, console_widget);
    g_assert_cmpstr (json_object_get_string_member (result, "token"), ==, "from-console");
  }
  /* The cabinet itself rendered too. */
  cab_test_wait_js (test, "document.getElementById('cab-lead').textContent.length > 0");
}

/* An edit made while the page is still loading is not lost: the page started from older boot
 * data, and its hello brings it up to date. */
static void
test_edit_during_page_load (void)
{
  g_autoptr(CabTestCabinet) test = cab_test_cabinet_new ();
  g_autoptr(JsonNode) sys = cab_state_dup_entity (test->state, CAB_ENTITY_SYS);
  g_autoptr(JsonNode) seen = NULL;
  g_autoptr(GError) error = NULL;

  cab_cabinet_reload_page (test->cabinet);
  json_object_set_string_member (json_node_get_object (sys), "currencySymbol", "¥");
  g_assert_true (cab_state_set_sys (test->state, sys, &error));
  g_assert_no_error (error);
  cab_test_wait_ready (test);

  cab_test_wait_js (test, "window.CabinetSdk.getEntity('sys').currencySymbol === '¥'");
  seen = cab_test_run_js (test, "return document.getElementById('cab-lead').textContent.includes('¥');");
  g_assert_true (json_node_get_boolean (seen));
}

static int
count_events (CabTestCabinet *test,
              const char     *widget,
              const char     *event)
{
  g_autofree char *body = g_strdup_printf (
    "return (window.__testLog || []).filter((e) => e.widget === '%s' && e.event === '%s').length;", widget, event);
  g_autoptr(JsonNode) node = cab_test_run_js (test, body);

  return (int) json_node_get_int (node);
}

static void
set_currency (CabTestCabinet *test,
              const char     *symbol)
{
  g_autoptr(JsonNode) sys = cab_state_dup_entity (test->state, CAB_ENTITY_SYS);
  g_autoptr(GError) error = NULL;
  g_autofree char *arrived = g_strdup_printf ("window.CabinetSdk.getEntity('sys').currencySymbol === '%s'", symbol);

  json_object_set_string_member (json_node_get_object (sys), "currencySymbol", symbol);
  g_assert_true (cab_state_set_sys (test->state, sys, &error));
  g_assert_no_error (error);
  cab_test_wait_js (test, arrived);
}

/* A reloaded widget's old instance is never called again, and a removed widget neither
 * comes back nor hears of edits. */
static void
test_reload_and_remove_drop_subscriptions (void)
{
  g_autoptr(CabTestCabinet) test = cab_test_cabinet_new ();
  g_autofree char *id = cab_test_add_widget (test, "leaky-subscriber.js");
  int before;

  g_assert_cmpstr (cab_test_wait_widget (test, id)->state, ==, "ready");
  cab_cabinet_reload_widgets (test->cabinet);
  cab_test_wait_js (test, "window.__testLog.filter((e) => e.widget === 'leaky-subscriber' && e.event === 'register').length === 2");
  cab_test_wait_js (test, "window.CabinetWidgets.get('w1').state === 'ready'");

  /* One edit: one call, from the new instance only. */
  before = count_events (test, "leaky-subscriber", "callback");
  set_currency (test, "$");
  g_assert_cmpint (count_events (test, "leaky-subscriber", "callback"), ==, before + 1);

  json_node_unref (cab_test_run_js (test, "await window.CabinetWidgets.remove('w1');"));
  before = count_events (test, "leaky-subscriber", "callback");
  set_currency (test, "€");
  g_assert_cmpint (count_events (test, "leaky-subscriber", "callback"), ==, before);
  cab_test_spin (200);
  g_assert_cmpuint (cab_cabinet_get_widgets (test->cabinet)->len, ==, 0);
}

/* An edit that arrives while a lead switch waits for a widget's initLead is not overwritten by
 * the switch: the page ends up with what the model holds. */
static void
test_edit_during_lead_switch (void)
{
  static const char * const entities[] = { "sys", "lead", "leadFields", "authors" };
  g_autoptr(CabTestCabinet) test = cab_test_cabinet_new ();
  g_autofree char *id = cab_test_add_widget (test, "promise-initlead.js");
  g_autoptr(JsonNode) sys = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (cab_test_wait_widget (test, id)->state, ==, "ready");
  /* The first switch keeps the lifecycle busy (initLead takes 150 ms); the second waits behind
   * it with its state, and the edit comes while it waits. */
  g_assert_true (cab_state_set_active_lead (test->state, "18342277", &error));
  cab_test_wait_js (test, "window.__testLog.filter((e) => e.widget === 'promise-initlead' && e.event === 'initLead-start').length === 2");
  g_assert_true (cab_state_set_active_lead (test->state, "18342201", &error));
  sys = cab_state_dup_entity (test->state, CAB_ENTITY_SYS);
  json_object_set_string_member (json_node_get_object (sys), "currencySymbol", "₸");
  g_assert_true (cab_state_set_sys (test->state, sys, &error));
  g_assert_no_error (error);

  json_node_unref (cab_test_run_js (test, "await window.CabinetWidgets.whenIdle();"));
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      g_autofree char *body = g_strdup_printf ("return window.CabinetSdk.getEntity('%s');", entities[i]);
      g_autoptr(JsonNode) in_page = cab_test_run_js (test, body);
      g_autoptr(JsonNode) in_model = cab_state_dup_entity (test->state, entities[i]);

      assert_json_equal (in_page, in_model);
    }
}

static void
record_uri (CabCabinet *cabinet,
            const char *uri,
            char      **opened)
{
  g_free (*opened);
  *opened = g_strdup (uri);
}

/* A widget cannot take the page away from the cabinet: the link is handed to the window. */
static void
test_page_stays_the_cabinet (void)
{
  g_autofree char *opened = NULL;
  g_autoptr(CabTestCabinet) test = cab_test_cabinet_new ();
  g_autofree char *id = cab_test_add_widget (test, "documented-shape.js");
  g_autoptr(JsonNode) still_here = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CabWidgetServer) server = NULL;
  g_autofree char *body = NULL;

  g_assert_cmpstr (cab_test_wait_widget (test, id)->state, ==, "ready");
  g_signal_connect (test->cabinet, "open-uri", G_CALLBACK (record_uri), &opened);
  server = serve_test_widgets ();
  body = g_strdup_printf ("window.location.href = '%sREADME.md'; "
                          "await new Promise((ok) => setTimeout(ok, 1000)); return location.href;",
                          cab_widget_server_get_base_uri (server));
  still_here = cab_test_run_js (test, body);
  g_assert_cmpstr (json_node_get_string (still_here), ==, "cabinet://app/index.html");
  g_assert_cmpstr (webkit_web_view_get_uri (cab_cabinet_get_view (test->cabinet)), ==, "cabinet://app/index.html");
  g_assert_cmpstr (cab_test_wait_widget (test, id)->state, ==, "ready");
  /* On a loaded machine the policy decision may come after the page's second is over. */
  for (gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC; opened == NULL;)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cab_test_spin (50);
    }
  g_assert_true (g_str_has_suffix (opened, "README.md"));
}

int
main (int   argc,
      char *argv[])
{
  cab_test_init (&argc, &argv);

  g_test_add_func ("/web/documented-shape", test_documented_shape);
  g_test_add_func ("/web/host-modules", test_host_modules);
  g_test_add_func ("/web/require-after-define", test_require_after_define);
  g_test_add_func ("/web/manifest-problems-listed", test_manifest_problems_listed);
  g_test_add_func ("/web/sdk-contract", test_sdk_contract);
  g_test_add_func ("/web/subscribe", test_subscribe);
  g_test_add_func ("/web/lifecycle-and-lead-switch", test_lifecycle_and_lead_switch);
  g_test_add_func ("/web/promise-init-lead", test_promise_init_lead);
  g_test_add_func ("/web/relative-dependencies", test_relative_dependencies);
  g_test_add_func ("/web/failure-catalogue", test_failure_catalogue);
  g_test_add_func ("/web/sdk-drift", test_sdk_drift);
  g_test_add_func ("/web/load-failures", test_load_failures);
  g_test_add_func ("/web/hidden-errors-of-a-dev-server", test_hidden_errors_of_a_dev_server);
  g_test_add_func ("/web/add-widget-from-console", test_add_widget_from_console);
  g_test_add_func ("/web/reload-page-keeps-widgets", test_reload_page_keeps_widgets);
  g_test_add_func ("/web/edit-during-page-load", test_edit_during_page_load);
  g_test_add_func ("/web/reload-and-remove-drop-subscriptions", test_reload_and_remove_drop_subscriptions);
  g_test_add_func ("/web/edit-during-lead-switch", test_edit_during_lead_switch);
  g_test_add_func ("/web/page-stays-the-cabinet", test_page_stays_the_cabinet);

  return g_test_run ();
}
