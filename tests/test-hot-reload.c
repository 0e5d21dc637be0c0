/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hot reload in the real page: a widget folder whose files the test saves as an editor
 * would, and a widget on a local http server whose script changes. Every assertion is about
 * what the widget drew or saw, what the page shows, or what the server was asked. */
#include "config.h"

#include <glib/gstdio.h>

#include "cab-test-util.h"
#include "cab-widget-watcher.h"

#define WAIT_US (20 * G_USEC_PER_SEC)

/* A widget that draws its version, its dependency's label and the state it sees, and logs
 * its lifecycle calls in order. VERSION is replaced per save. */
static const char widget_template[] =
  "define(['amocrm-sdk', './lib/label'], function (initAmocrmWidgetSdk, label) {\n"
  "  const sdk = initAmocrmWidgetSdk({ version: '1.0.0' });\n"
  "  const log = (window.__hotLog = window.__hotLog || {});\n"
  "  const mine = (log[label.id] = log[label.id] || []);\n"
  "  return {\n"
  "    initLead () {\n"
  "      mine.push('initLead:VERSION');\n"
  "      return () => mine.push('cleanup:VERSION');\n"
  "    },\n"
  "    registerWidgetsBarSlot (el) {\n"
  "      const query = sdk.methods.getRouterQuery();\n"
  "      el.textContent = `VERSION ${label.text} lead=${sdk.methods.getState('lead').id} account=${query.accountId}`;\n"
  "      mine.push('register:VERSION');\n"
  "      return () => mine.push('destroy:VERSION');\n"
  "    },\n"
  "  };\n"
  "});\n";

typedef struct
{
  CabTestCabinet *test;
  char           *folder;
} Fixture;

static void
write_file (const char *folder,
            const char *relative,
            const char *contents,
            gboolean    in_place)
{
  g_autofree char *path = g_build_filename (folder, relative, NULL);
  g_autoptr(GError) error = NULL;

  if (in_place)
    {
      /* As editors that write over the file itself do (no rename). */
      FILE *file = fopen (path, "w");

      g_assert_nonnull (file);
      fputs (contents, file);
      fclose (file);
    }
  else
    {
      g_file_set_contents (path, contents, -1, &error);
      g_assert_no_error (error);
    }
}

static void
write_widget (const char *folder,
              const char *version,
              gboolean    in_place)
{
  g_autoptr(GString) text = g_string_new (widget_template);

  g_string_replace (text, "VERSION", version, 0);
  write_file (folder, "personal_page.js", text->str, in_place);
}

static void
write_label (const char *folder,
             const char *id,
             const char *text)
{
  g_autofree char *js = g_strdup_printf ("define([], () => ({ id: '%s', text: '%s' }));\n", id, text);

  write_file (folder, "lib/label.js", js, FALSE);
}

static char *
make_widget_folder (const char *id)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("cab-hot-reload-XXXXXX", &error);
  g_autofree char *lib = g_build_filename (folder, "lib", NULL);

  g_autofree char *i18n = g_build_filename (folder, "i18n", NULL);

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (lib, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (i18n, 0700), ==, 0);
  /* A manifest amoCRM would take, so that the widget's only problems are the test's own. */
  write_file (folder, "manifest.json",
              "{ \"widget\": { \"name\": \"widget.name\", \"code\": \"hot\", \"version\": \"1.0.0\" },"
              "  \"locations\": [\"personal_page\"] }\n", FALSE);
  write_file (folder, "i18n/en.json", "{ \"widget\": { \"name\": \"Hot\" } }\n", FALSE);
  write_widget (folder, "v1", FALSE);
  write_label (folder, id, "one");
  return folder;
}

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  fixture->test = cab_test_cabinet_new ();
  fixture->folder = make_widget_folder ("a");
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_clear_pointer (&fixture->test, cab_test_cabinet_free);
  cab_test_remove_tree (fixture->folder);
  g_free (fixture->folder);
}

/* The text the widget drew in its slot, or "" while it has no slot. */
static char *
slot_text (CabTestCabinet *test,
           const char     *id)
{
  g_autofree char *body = g_strdup_printf (
    "const slot = document.querySelector('.cab-widget[data-widget-id=\"%s\"] .js-widgets-bar-item-container');"
    "return slot ? slot.textContent : '';", id);
  g_autoptr(JsonNode) node = cab_test_run_js (test, body);

  return g_strdup (json_node_get_string (node));
}

/* Waits until the widget has been loaded @loads times and is no longer loading. */
static const CabWidgetInfo *
wait_loads (CabTestCabinet *test,
            const char     *id,
            guint           loads)
{
  gint64 start = g_get_monotonic_time ();

  for (;;)
    {
      const CabWidgetInfo *info = cab_cabinet_find_widget (test->cabinet, id);

      if (info != NULL && info->loads >= loads && g_strcmp0 (info->state, "loading") != 0)
        return info;
      if (g_get_monotonic_time () - start > WAIT_US)
        g_error ("widget %s was loaded %u times, not %u", id, info != NULL ? info->loads : 0, loads);
      g_main_context_iteration (NULL, TRUE);
    }
}

static char *
lifecycle_log (CabTestCabinet *test,
               const char     *label_id)
{
  g_autofree char *body = g_strdup_printf ("return (window.__hotLog && window.__hotLog['%s'] || []).join(' ');", label_id);
  g_autoptr(JsonNode) node = cab_test_run_js (test, body);

  return g_strdup (json_node_get_string (node));
}

/* A save reloads the widget alone, in SPEC order, with the state as the developer left it:
 * the page is not reloaded, so nothing the panels set is lost. */
static void
test_folder_save (Fixture       *fixture,
                  gconstpointer  data)
{
  CabTestCabinet *test = fixture->test;
  g_autofree char *id = cab_test_add_widget (test, fixture->folder);
  g_autofree char *first_hash = NULL;
  g_autofree char *text = NULL;
  g_autofree char *log = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  const CabWidgetInfo *info;
  const char *second_lead;
  JsonNode *leads;

  info = cab_test_wait_widget (test, id);
  g_assert_cmpstr (info->state, ==, "ready");
  g_assert_cmpuint (info->loads, ==, 1);
  g_assert_nonnull (info->content_hash);
  g_assert_cmpuint (strlen (info->content_hash), ==, 7);
  first_hash = g_strdup (info->content_hash);

  /* State the developer set up, and a marker in the page that a page reload would lose. */
  g_assert_true (cab_state_set_account_id (test->state, "777", &error));
  leads = cab_state_peek (test->state, "leads");
  second_lead = json_object_get_string_member (json_object_get_object_member (
    json_array_get_object_element (json_node_get_array (leads), 1), "lead"), "id");
  g_assert_true (cab_state_set_active_lead (test->state, second_lead, &error));
  g_assert_no_error (error);
  json_node_unref (cab_test_run_js (test, "window.__pageMarker = 42;"));
  expected = g_strdup_printf ("lead=%s account=777", second_lead);
  {
    g_autofree char *condition = g_strdup_printf (
      "(document.querySelector('.cab-widget[data-widget-id=\"%s\"] .js-widgets-bar-item-container') || {}).textContent === 'v1 one %s'",
      id, expected);
    cab_test_wait_js (test, condition);
  }

  write_widget (fixture->folder, "v2", FALSE);
  info = wait_loads (test, id, 2);
  g_assert_cmpstr (info->state, ==, "ready");
  text = slot_text (test, id);
  g_assert_cmpstr (text, ==, g_strdup_printf ("v2 one %s", expected));
  g_assert_cmpstr (info->content_hash, !=, first_hash);
  g_assert_cmpint (info->loaded_at, >, 0);

  /* The event log names the file that was saved. */
  {
    g_autofree char *events = cab_event_list_to_text (G_LIST_MODEL (cab_cabinet_get_event_log (test->cabinet)));
    g_autofree char *line = g_strdup_printf ("Saved personal_page.js: reloading the widget (code %s)", info->content_hash);

    if (strstr (events, line) == NULL)
      g_error ("no \"%s\" in the event log:\n%s", line, events);
  }

  /* destroy → cleanup of the old code, then the new code's initLead → register. */
  log = lifecycle_log (test, "a");
  g_assert_nonnull (strstr (log, "register:v1 destroy:v1 cleanup:v1 initLead:v2 register:v2"));

  {
    g_autofree char *condition = g_strdup_printf (
      "window.__pageMarker === 42 && document.querySelector('.cab-widget[data-widget-id=\"%s\"]').dataset.contentHash === '%s'",
      id, info->content_hash);
    cab_test_wait_js (test, condition);
  }

  /* An editor that writes the file in place is seen too. */
  write_widget (fixture->folder, "v3", TRUE);
  info = wait_loads (test, id, 3);
  g_free (text);
  text = slot_text (test, id);
  g_assert_true (g_str_has_prefix (text, "v3 one "));
}

/* A relative dependency's save reloads it too: the widget's modules are all dropped. */
static void
test_dependency_save (Fixture       *fixture,
                      gconstpointer  data)
{
  CabTestCabinet *test = fixture->test;
  g_autofree char *id = cab_test_add_widget (test, fixture->folder);
  g_autofree char *text = NULL;

  g_assert_cmpstr (cab_test_wait_widget (test, id)->state, ==, "ready");
  write_label (fixture->folder, "a", "two");
  wait_loads (test, id, 2);
  text = slot_text (test, id);
  g_assert_true (g_str_has_prefix (text, "v1 two "));

  /* A file the widget does not load is no reason to restart it ... */
  {
    g_autofree char *deep = g_build_filename (fixture->folder, "lib", "deep", NULL);

    g_assert_cmpint (g_mkdir (deep, 0700), ==, 0);
    write_file (fixture->folder, "lib/deep/x.js", "define([], () => 'x1');\n", FALSE);
    cab_test_spin (300);
    g_assert_cmpuint (cab_cabinet_find_widget (test->cabinet, id)->loads, ==, 2);
  }

  /* ... until it does: a folder made after the start is watched too. */
  write_file (fixture->folder, "personal_page.js",
              "define(['./lib/deep/x'], function (x) {\n"
              "  return { initLead () {}, registerWidgetsBarSlot (el) { el.textContent = 'deep ' + x; } };\n"
              "});\n", FALSE);
  wait_loads (test, id, 3);
  g_free (text);
  text = slot_text (test, id);
  g_assert_cmpstr (text, ==, "deep x1");
  write_file (fixture->folder, "lib/deep/x.js", "define([], () => 'x2');\n", FALSE);
  wait_loads (test, id, 4);
  g_free (text);
  text = slot_text (test, id);
  g_assert_cmpstr (text, ==, "deep x2");
}

/* A save with a syntax error shows the error where the widget was; the next good save
 * brings the widget back. */
static void
test_syntax_error_then_recover (Fixture       *fixture,
                                gconstpointer  data)
{
  CabTestCabinet *test = fixture->test;
  g_autofree char *id = cab_test_add_widget (test, fixture->folder);
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) shown = NULL;
  const CabWidgetInfo *info;

  g_assert_cmpstr (cab_test_wait_widget (test, id)->state, ==, "ready");
  write_file (fixture->folder, "personal_page.js",
              "define(['amocrm-sdk'], function (init) {\n  return { initLead () {}, ;\n});\n", FALSE);
  info = wait_loads (test, id, 2);
  g_assert_cmpstr (info->state, ==, "failed");
  g_assert_nonnull (info->problem);
  g_assert_cmpstr (info->problem->code, ==, "syntax-error");
  g_assert_cmpuint (info->problem->line, ==, 2);

  {
    g_autofree char *body = g_strdup_printf (
      "const item = document.querySelector('.cab-widget[data-widget-id=\"%s\"]');"
      "return JSON.stringify({ slot: Boolean(item.querySelector('.js-widgets-bar-item-container')),"
      "  problem: item.querySelector('.cab-widget__problem').dataset.code, state: item.dataset.state });", id);
    shown = cab_test_run_js (test, body);
    g_assert_cmpstr (json_node_get_string (shown), ==, "{\"slot\":false,\"problem\":\"syntax-error\",\"state\":\"failed\"}");
  }

  write_widget (fixture->folder, "v4", FALSE);
  info = wait_loads (test, id, 3);
  g_assert_cmpstr (info->state, ==, "ready");
  g_assert_null (info->problem);
  text = slot_text (test, id);
  g_assert_true (g_str_has_prefix (text, "v4 one "));
}

/* With hot reload off a save changes nothing until the developer reloads by hand. */
static void
test_hot_reload_off (Fixture       *fixture,
                     gconstpointer  data)
{
  CabTestCabinet *test = fixture->test;
  g_autofree char *id = cab_test_add_widget (test, fixture->folder);
  g_autofree char *text = NULL;

  g_assert_cmpstr (cab_test_wait_widget (test, id)->state, ==, "ready");
  cab_cabinet_set_hot_reload (test->cabinet, FALSE);
  write_widget (fixture->folder, "v5", FALSE);
  cab_test_spin (600);
  g_assert_cmpuint (cab_cabinet_find_widget (test->cabinet, id)->loads, ==, 1);
  text = slot_text (test, id);
  g_assert_true (g_str_has_prefix (text, "v1 "));

  cab_cabinet_reload_widget (test->cabinet, id);
  wait_loads (test, id, 2);
  g_free (text);
  text = slot_text (test, id);
  g_assert_true (g_str_has_prefix (text, "v5 "));
}

/* Two widgets side by side, each with its own lifecycle: a save of one reloads only it, and
 * a lead switch starts both again. */
static void
test_two_widgets (Fixture       *fixture,
                  gconstpointer  data)
{
  CabTestCabinet *test = fixture->test;
  g_autofree char *other_folder = make_widget_folder ("b");
  g_autofree char *first = cab_test_add_widget (test, fixture->folder);
  g_autofree char *second = cab_test_add_widget (test, other_folder);
  g_autofree char *text = NULL;
  g_autofree char *log = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *leads;
  const char *second_lead;

  g_assert_cmpstr (cab_test_wait_widget (test, first)->state, ==, "ready");
  g_assert_cmpstr (cab_test_wait_widget (test, second)->state, ==, "ready");

  write_label (other_folder, "b", "bee");
  wait_loads (test, second, 2);
  text = slot_text (test, second);
  g_assert_true (g_str_has_prefix (text, "v1 bee "));
  g_assert_cmpuint (cab_cabinet_find_widget (test->cabinet, first)->loads, ==, 1);
  g_free (text);
  text = slot_text (test, first);
  g_assert_true (g_str_has_prefix (text, "v1 one "));

  leads = cab_state_peek (test->state, "leads");
  second_lead = json_object_get_string_member (json_object_get_object_member (
    json_array_get_object_element (json_node_get_array (leads), 1), "lead"), "id");
  g_assert_true (cab_state_set_active_lead (test->state, second_lead, &error));
  {
    g_autofree char *condition = g_strdup_printf (
      "['%s', '%s'].every((id) => ((document.querySelector(`.cab-widget[data-widget-id=\"${id}\"] .js-widgets-bar-item-container`) || {}).textContent || '').includes('lead=%s'))",
      first, second, second_lead);
    cab_test_wait_js (test, condition);
  }
  log = lifecycle_log (test, "a");
  g_assert_cmpstr (log, ==, "initLead:v1 register:v1 destroy:v1 cleanup:v1 initLead:v1 register:v1");

  cab_test_remove_tree (other_folder);
}

/* Saves in quick succession end on the last one, without a reload per save. */
static void
test_rapid_saves (Fixture       *fixture,
                  gconstpointer  data)
{
  CabTestCabinet *test = fixture->test;
  g_autofree char *id = cab_test_add_widget (test, fixture->folder);
  gint64 start;

  g_assert_cmpstr (cab_test_wait_widget (test, id)->state, ==, "ready");
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *version = g_strdup_printf ("r%u", i);

      write_widget (fixture->folder, version, FALSE);
      cab_test_spin (5);
    }

  start = g_get_monotonic_time ();
  for (;;)
    {
      g_autofree char *text = slot_text (test, id);

      if (g_str_has_prefix (text, "r9 "))
        break;
      g_assert_cmpint (g_get_monotonic_time () - start, <, WAIT_US);
      cab_test_spin (20);
    }
  g_assert_cmpuint (cab_cabinet_find_widget (test->cabinet, id)->loads, <, 10);
}

/* Fixing the manifest clears its problem from the widget's item, and breaking it lists it. */
static void
test_manifest_fixed (Fixture       *fixture,
                     gconstpointer  data)
{
  CabTestCabinet *test = fixture->test;
  g_autofree char *id = NULL;
  const CabWidgetInfo *info;

  write_file (fixture->folder, "manifest.json",
              "{ \"widget\": { \"name\": \"widget.name\", \"code\": \"hot\" }, \"locations\": [\"personal_page\"] }\n", FALSE);
  id = cab_test_add_widget (test, fixture->folder);
  info = cab_test_wait_widget (test, id);
  g_assert_nonnull (info->problem);
  g_assert_cmpstr (info->problem->code, ==, "manifest-invalid");
  g_assert_nonnull (strstr (info->problem->message, "version"));

  write_file (fixture->folder, "manifest.json",
              "{ \"widget\": { \"name\": \"widget.name\", \"code\": \"hot\", \"version\": \"1.0.1\" },"
              "  \"locations\": [\"personal_page\"] }\n", FALSE);
  info = wait_loads (test, id, 2);
  g_assert_cmpstr (info->state, ==, "ready");
  g_assert_null (info->problem);

  write_file (fixture->folder, "i18n/en.json", "{ \"widget\": ", FALSE);
  info = wait_loads (test, id, 3);
  g_assert_nonnull (info->problem);
  g_assert_nonnull (strstr (info->problem->message, "i18n-unreadable"));
}

/* A tree larger than the watcher takes is watched in part, and the developer is told. */
static void
test_big_tree (Fixture       *fixture,
               gconstpointer  data)
{
  CabTestCabinet *test = fixture->test;
  g_autofree char *id = NULL;
  g_autofree char *events = NULL;

  for (guint i = 0; i < CAB_WIDGET_WATCHER_MAX_FOLDERS + 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("assets-%04u", i);
      g_autofree char *path = g_build_filename (fixture->folder, name, NULL);

      g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
    }
  id = cab_test_add_widget (test, fixture->folder);
  g_assert_cmpstr (cab_test_wait_widget (test, id)->state, ==, "ready");
  events = cab_event_list_to_text (G_LIST_MODEL (cab_cabinet_get_event_log (test->cabinet)));
  g_assert_nonnull (strstr (events, "Hot reload watches only the first 1000 folders of"));

  /* The widget's own file is at the root, which is watched first. */
  write_widget (fixture->folder, "v6", FALSE);
  wait_loads (test, id, 2);
}

/* --- URL mode ------------------------------------------------------------------------- */

/* The test widget at @version on the dev server, with the version as its ETag. */
static void
serve_version (CabTestDevServer *dev,
               const char       *version)
{
  g_autoptr(GString) text = g_string_new (widget_template);
  g_autofree char *etag = g_strdup_printf ("\"%s\"", version);

  g_string_replace (text, "VERSION", version, 0);
  cab_test_dev_server_set_file (dev, "/personal_page.js", text->str, etag);
}

/* A dev server's widget: polled with conditional requests, reloaded when its script changes,
 * and not polled while the window is hidden. */
static void
test_url_polling (Fixture       *fixture,
                  gconstpointer  data)
{
  CabTestCabinet *test = fixture->test;
  g_autoptr(CabTestDevServer) dev = cab_test_dev_server_new ();
  g_autofree char *url = cab_test_dev_server_dup_url (dev, "/personal_page.js");
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *first_hash = NULL;
  const CabWidgetInfo *info;
  guint requests;
  gint64 start;

  g_assert_cmpuint (cab_cabinet_get_poll_interval (test->cabinet), ==, 250);
  serve_version (dev, "u1");
  cab_test_dev_server_set_file (dev, "/lib/label.js", "define([], () => ({ id: 'url', text: 'web' }));\n", NULL);

  cab_cabinet_set_poll_interval (test->cabinet, 100);
  id = cab_test_add_widget (test, url);
  g_assert_cmpstr (cab_test_wait_widget (test, id)->state, ==, "ready");

  /* The first polls learn the code's hash, then get 304s. */
  start = g_get_monotonic_time ();
  while (cab_test_dev_server_get_not_modified (dev, "/personal_page.js") < 2)
    {
      g_assert_cmpint (g_get_monotonic_time () - start, <, WAIT_US);
      g_main_context_iteration (NULL, TRUE);
    }
  info = cab_cabinet_find_widget (test->cabinet, id);
  g_assert_nonnull (info->content_hash);
  first_hash = g_strdup (info->content_hash);
  g_assert_cmpuint (info->loads, ==, 1);

  serve_version (dev, "u2");
  info = wait_loads (test, id, 2);
  text = slot_text (test, id);
  g_assert_true (g_str_has_prefix (text, "u2 web "));
  g_assert_cmpstr (info->content_hash, !=, first_hash);

  /* A new ETag for the same bytes (a rebuild) is not a change. */
  {
    g_autoptr(GString) same = g_string_new (widget_template);

    g_string_replace (same, "VERSION", "u2", 0);
    cab_test_dev_server_set_file (dev, "/personal_page.js", same->str, "\"u2-rebuilt\"");
  }
  requests = cab_test_dev_server_get_requests (dev, "/personal_page.js");
  while (cab_test_dev_server_get_requests (dev, "/personal_page.js") < requests + 3)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (cab_cabinet_find_widget (test->cabinet, id)->loads, ==, 2);

  /* Hidden window: no polls. */
  cab_cabinet_set_polling_paused (test->cabinet, TRUE);
  cab_test_spin (150);
  requests = cab_test_dev_server_get_requests (dev, "/personal_page.js");
  cab_test_spin (500);
  g_assert_cmpuint (cab_test_dev_server_get_requests (dev, "/personal_page.js"), ==, requests);
  cab_cabinet_set_polling_paused (test->cabinet, FALSE);
  cab_test_spin (500);
  g_assert_cmpuint (cab_test_dev_server_get_requests (dev, "/personal_page.js"), >, requests);

  cab_cabinet_remove_widget (test->cabinet, id);
}

int
main (int   argc,
      char *argv[])
{
  cab_test_init (&argc, &argv);

  g_test_add ("/hot-reload/folder-save", Fixture, NULL, set_up, test_folder_save, tear_down);
  g_test_add ("/hot-reload/dependency-save", Fixture, NULL, set_up, test_dependency_save, tear_down);
  g_test_add ("/hot-reload/syntax-error-then-recover", Fixture, NULL, set_up, test_syntax_error_then_recover, tear_down);
  g_test_add ("/hot-reload/off", Fixture, NULL, set_up, test_hot_reload_off, tear_down);
  g_test_add ("/hot-reload/two-widgets", Fixture, NULL, set_up, test_two_widgets, tear_down);
  g_test_add ("/hot-reload/rapid-saves", Fixture, NULL, set_up, test_rapid_saves, tear_down);
  g_test_add ("/hot-reload/manifest-fixed", Fixture, NULL, set_up, test_manifest_fixed, tear_down);
  g_test_add ("/hot-reload/big-tree", Fixture, NULL, set_up, test_big_tree, tear_down);
  g_test_add ("/hot-reload/url-polling", Fixture, NULL, set_up, test_url_polling, tear_down);

  return g_test_run ();
}
