/* SPDX-License-Identifier: GPL-3.0-or-later */
/* APP.notifications (SPEC §3) in the real page, called from a widget's own code
 * (tests/widgets/app-probe.js): what the popups show, how they stack and close, add_error's
 * callbacks as the app plays the server, and the closed errors that are not shown again. */
#include "config.h"

#include "cab-test-util.h"

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

static void
run (Fixture    *fixture,
     const char *body)
{
  json_node_unref (cab_test_run_js (fixture->test, body));
}

/* The text of the expression, as the page has it. */
static char *
page_string (Fixture    *fixture,
             const char *expression)
{
  g_autofree char *body = g_strdup_printf ("return String(%s);", expression);
  g_autoptr(JsonNode) result = cab_test_run_js (fixture->test, body);

  return g_strdup (json_node_get_string (result));
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” is not in “%s”", needle, haystack);
}

static CabEvent *
last_notification (Fixture *fixture)
{
  GListModel *shown = cab_cabinet_get_notifications (fixture->test->cabinet);
  guint n = g_list_model_get_n_items (shown);

  g_assert_cmpuint (n, >, 0);
  return CAB_EVENT (g_list_model_get_item (shown, n - 1));
}

static void
wait_notifications (Fixture *fixture,
                    guint    count)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_list_model_get_n_items (cab_cabinet_get_notifications (fixture->test->cabinet)) < count)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %u notifications", count);
      g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
    }
}

static void
test_add_call (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr(CabEvent) event = NULL;

  run (fixture, "window.__appProbe.addCall({ from: '+7 (999) 111 22 33', to: 'User Name', duration: 65,"
                " link: 'https://example.com/dialog.mp3?id=7', text: 'Widget: incoming', date: 1763715600,"
                " element: { id: 1003619, type: 'contact' } });");
  cab_test_wait_js (fixture->test, "document.querySelectorAll('.cab-note[data-type=call]').length === 1");

  text = page_string (fixture, "document.querySelector('.cab-note[data-type=call]').textContent");
  assert_contains (text, "+7 (999) 111 22 33");
  assert_contains (text, "User Name");
  assert_contains (text, "1:05");
  assert_contains (text, "Widget: incoming");
  /* A recording plays in place; the element links to its card in the account. */
  cab_test_wait_js (fixture->test,
                    "document.querySelector('.cab-note[data-type=call] audio').src === 'https://example.com/dialog.mp3?id=7'");
  cab_test_wait_js (fixture->test,
                    "document.querySelector('.cab-note[data-type=call] a[href=\"https://vector.amocrm.ru/contacts/detail/1003619\"]')");

  /* Another link is a link; an hour-long call reads as hours. Popups stack. */
  run (fixture, "window.__appProbe.addCall({ from: '1', to: '2', duration: 3725, link: 'https://example.com/call/8',"
                " text: 't', date: 1763715600, element: { id: 42, type: 'lead' } });");
  cab_test_wait_js (fixture->test, "document.querySelectorAll('.cab-note[data-type=call]').length === 2");
  cab_test_wait_js (fixture->test, "document.querySelectorAll('.cab-note[data-type=call]')[1].textContent.includes('1:02:05')");
  cab_test_wait_js (fixture->test, "document.querySelector('.cab-note a[href=\"https://example.com/call/8\"]')");
  cab_test_wait_js (fixture->test, "document.querySelector('.cab-note a[href=\"https://vector.amocrm.ru/leads/detail/42\"]')");

  /* The app's list has both, by the widget. */
  wait_notifications (fixture, 2);
  event = last_notification (fixture);
  g_assert_cmpint (cab_event_get_kind (event), ==, CAB_EVENT_KIND_NOTIFICATION);
  g_assert_cmpstr (cab_event_get_name (event), ==, "call");
  g_assert_cmpstr (cab_event_get_widget_id (event), ==, fixture->probe_id);
  assert_contains (cab_event_get_message (event), "1:02:05");
}

/* n_data from widget code may be anything: the widget is never thrown at, and the log names
 * what was wrong. */
static void
test_add_call_bad_data (Fixture       *fixture,
                        gconstpointer  data)
{
  GListModel *log = G_LIST_MODEL (cab_cabinet_get_event_log (fixture->test->cabinet));
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  gboolean found = FALSE;

  run (fixture, "window.__appProbe.addCall('nonsense'); window.__appProbe.addCall({ from: 'a', to: 'b', duration: 'abc' });");
  cab_test_wait_js (fixture->test, "document.querySelectorAll('.cab-note[data-type=call]').length === 2");

  while (!found)
    {
      for (guint i = 0; i < g_list_model_get_n_items (log) && !found; i++)
        {
          g_autoptr(CabEvent) event = g_list_model_get_item (log, i);

          found = cab_event_get_level (event) == CAB_EVENT_LEVEL_WARNING &&
                  g_strcmp0 (cab_event_get_widget_id (event), fixture->probe_id) == 0 &&
                  strstr (cab_event_get_message (event), "n_data.duration") != NULL &&
                  strstr (cab_event_get_message (event), "abc") != NULL;
        }
      if (!found && g_get_monotonic_time () > deadline)
        g_error ("no warning names n_data.duration");
      g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
    }
}

static void
test_add_error (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *html = NULL;

  /* The server saves it: done(number), then always. */
  run (fixture, "window.__appProbe.addError({ header: 'my_widget',"
                " text: '<p>Server <b>down</b><script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\"></p>',"
                " date: 1763715600 });");
  cab_test_wait_js (fixture->test, "JSON.stringify(window.__appProbe.callbacks) === "
                                   "'[{\"name\":\"done\",\"args\":[1]},{\"name\":\"always\",\"args\":[1]}]'");
  cab_test_wait_js (fixture->test, "document.querySelectorAll('.cab-note[data-type=error]').length === 1");
  html = page_string (fixture, "document.querySelector('.cab-note[data-type=error]').innerHTML");
  assert_contains (html, "my_widget");
  assert_contains (html, "<b>down</b>");
  /* The HTML is shown, its scripts are not run. */
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "onerror"));
  cab_test_spin (100);
  cab_test_wait_js (fixture->test, "window.__pwned === undefined");

  /* Closed: remembered, and the same error is not shown again, though it is still saved. */
  run (fixture, "document.querySelector('.cab-note[data-type=error] .cab-note__close').click();");
  cab_test_wait_js (fixture->test, "document.querySelectorAll('.cab-note[data-type=error]').length === 0");
  while (cab_cabinet_get_remembered_errors (fixture->test->cabinet) != 1)
    g_main_context_iteration (NULL, TRUE);
  run (fixture, "window.__appProbe.callbacks.length = 0;"
                "window.__appProbe.addError({ header: 'my_widget',"
                " text: '<p>Server <b>down</b><script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\"></p>',"
                " date: 1763715601 });");
  cab_test_wait_js (fixture->test, "window.__appProbe.callbacks.map((c) => c.name + c.args[0]).join() === 'done2,always2'");
  cab_test_spin (100);
  cab_test_wait_js (fixture->test, "document.querySelectorAll('.cab-note[data-type=error]').length === 0");

  /* Another text is another error. */
  run (fixture, "window.__appProbe.addError({ header: 'my_widget', text: 'other', date: 1763715601 });");
  cab_test_wait_js (fixture->test, "document.querySelectorAll('.cab-note[data-type=error]').length === 1");

  /* amoCRM remembers closed errors in a cookie; a cabinet:// page keeps none (WebKit stores
   * cookies for http(s) only), which is why the app remembers them. */
  {
    g_autofree char *cookie = page_string (fixture, "(document.cookie = 'probe=1', document.cookie)");

    g_assert_cmpstr (cookie, ==, "");
  }

  /* Forgetting shows it again. */
  cab_cabinet_forget_errors (fixture->test->cabinet);
  g_assert_cmpuint (cab_cabinet_get_remembered_errors (fixture->test->cabinet), ==, 0);
  run (fixture, "window.__appProbe.addError({ header: 'my_widget',"
                " text: '<p>Server <b>down</b><script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\"></p>',"
                " date: 1763715602 });");
  cab_test_wait_js (fixture->test, "document.querySelectorAll('.cab-note[data-type=error]').length === 2");
}

static void
test_add_error_server_fails (Fixture       *fixture,
                             gconstpointer  data)
{
  cab_cabinet_set_server_fails (fixture->test->cabinet, TRUE);
  run (fixture, "window.__appProbe.addError({ header: 'h', text: 't', date: 1763715600 });");
  cab_test_wait_js (fixture->test, "JSON.stringify(window.__appProbe.callbacks) === "
                                   "'[{\"name\":\"fail\",\"args\":[{\"status\":500,\"statusText\":\"Internal Server Error\"}]},"
                                   "{\"name\":\"always\",\"args\":[{\"status\":500,\"statusText\":\"Internal Server Error\"}]}]'");

  /* Back up: numbering goes on from where it was. */
  cab_cabinet_set_server_fails (fixture->test->cabinet, FALSE);
  run (fixture, "window.__appProbe.callbacks.length = 0;"
                "window.__appProbe.addError({ header: 'h', text: 't2', date: 1763715600 });");
  cab_test_wait_js (fixture->test, "window.__appProbe.callbacks.map((c) => c.name + c.args[0]).join() === 'done1,always1'");
}

/* Kommo's three other methods, and how the popups stack and close. */
static void
test_messages_and_stacking (Fixture       *fixture,
                            gconstpointer  data)
{
  run (fixture,
       "APP.notifications.show_message({ header: 'Saved', text: 'The deal was saved', date: 1763715600 });"
       "APP.notifications.show_message_error({ header: 'Sync', text: 'Could not sync', date: 1763715600,"
       "  link: 'https://example.com/help' });"
       "APP.notifications.show_notification({ text: { header: 'Ring', text: 'Incoming' }, type: 'call' });"
       "APP.notifications.show_notification({ text: { header: 'Oops', text: 'Broken' }, type: 'error' });");
  cab_test_wait_js (fixture->test, "document.querySelector('.cab-note[data-type=message]').textContent.includes('The deal was saved')");
  cab_test_wait_js (fixture->test, "document.querySelector('.cab-note[data-type=\"message-error\"] a[href=\"https://example.com/help\"]')");
  cab_test_wait_js (fixture->test, "document.querySelectorAll('.cab-note[data-type=notification]').length === 2");
  cab_test_wait_js (fixture->test, "document.querySelector('.cab-note--call[data-type=notification]').textContent.includes('Ring')");
  cab_test_wait_js (fixture->test, "document.querySelector('.cab-note--error[data-type=notification]').textContent.includes('Broken')");

  /* Four open: "Close all" is offered. Escape closes the newest. */
  cab_test_wait_js (fixture->test, "!document.querySelector('.cab-notifications__close-all').hidden");
  run (fixture, "window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));");
  cab_test_wait_js (fixture->test, "document.querySelectorAll('.cab-note').length === 3");
  cab_test_wait_js (fixture->test, "!document.querySelector('.cab-note--error[data-type=notification]')");
  run (fixture, "document.querySelector('.cab-notifications__close-all').click();");
  cab_test_wait_js (fixture->test, "document.querySelectorAll('.cab-note').length === 0");
}

/* The app's Notifications page fires them as a widget would, for no widget in particular. */
static void
test_fired_by_app (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonObject) call = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CabEvent) event = NULL;

  json_object_set_string_member (call, "from", "+7 912 000-00-00");
  json_object_set_string_member (call, "to", "Анна Соколова");
  json_object_set_int_member (call, "duration", 7);
  json_object_set_string_member (call, "link", "https://example.com/r.ogg");
  json_object_set_string_member (call, "text", "fired by the app");
  json_object_set_int_member (call, "date", 1763715600);
  g_assert_true (cab_cabinet_fire_notification (fixture->test->cabinet, "call", call, &error));
  g_assert_no_error (error);

  cab_test_wait_js (fixture->test, "document.querySelector('.cab-note[data-type=call]') &&"
                                   "document.querySelector('.cab-note[data-type=call]').textContent.includes('fired by the app')");
  wait_notifications (fixture, 1);
  event = last_notification (fixture);
  g_assert_cmpstr (cab_event_get_widget_id (event), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  cab_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)
  ADD ("/notifications/add-call", test_add_call);
  ADD ("/notifications/add-call-bad-data", test_add_call_bad_data);
  ADD ("/notifications/add-error", test_add_error);
  ADD ("/notifications/add-error-server-fails", test_add_error_server_fails);
  ADD ("/notifications/messages-and-stacking", test_messages_and_stacking);
  ADD ("/notifications/fired-by-app", test_fired_by_app);
#undef ADD

  return g_test_run ();
}
