/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's controls of window.APP and the event log, round trip with a widget in the real
 * page (tests/widgets/app-probe.js): what the user does in a panel reaches the widget, and
 * what the widget does shows in the panel. */
#include "config.h"

#include <adwaita.h>

#include "cab-event-log-view.h"
#include "cab-test-util.h"
#include "cab-window.h"

#define WAIT_US (20 * G_USEC_PER_SEC)

typedef struct
{
  CabWindow      *window;
  CabTestCabinet  page;   /* the window's own cabinet and state, for the page helpers */
} Fixture;

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CabState) state = cab_state_new_default (&error);
  g_autofree char *path = cab_test_widget_path ("app-probe.js");
  g_autoptr(CabWidgetSource) source = cab_widget_source_new_for_argument (path, &error);

  g_assert_no_error (error);
  fixture->window = cab_window_new (NULL, state);
  fixture->page.window = GTK_WIDGET (fixture->window);
  fixture->page.cabinet = cab_window_get_cabinet (fixture->window);
  fixture->page.state = state;
  cab_window_add_widget (fixture->window, source);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_cmpstr (cab_test_wait_widget (&fixture->page, cab_test_wait_widget_count (&fixture->page, 1)->id)->state,
                   ==, "ready");
  cab_test_wait_js (&fixture->page, "window.__appProbe");
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  cab_test_spin (50);
}

static GtkWidget *
find (Fixture    *fixture,
      const char *name)
{
  GtkWidget *widget = cab_test_find_widget (GTK_WIDGET (fixture->window), name);

  if (widget == NULL)
    g_error ("the window has no widget named %s", name);
  return widget;
}

static void
show_panel (Fixture    *fixture,
            const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-panel", "s", name));
  cab_test_spin (50);
}

static void
run_js (Fixture    *fixture,
        const char *body)
{
  json_node_unref (cab_test_run_js (&fixture->page, body));
}

static void
wait_until (gboolean   (*condition) (gpointer data),
            gpointer     data,
            const char  *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_US;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
    }
}

static gboolean
switch_is_on (gpointer data)
{
  return gtk_switch_get_active (GTK_SWITCH (data));
}

static gboolean
switch_is_off (gpointer data)
{
  return !gtk_switch_get_active (GTK_SWITCH (data));
}

/* The header's "Call in progress" switch mirrors APP.sdk's flag both ways. */
static void
test_calling_switch (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *calling = find (fixture, "calling-switch");

  g_assert_false (gtk_switch_get_active (GTK_SWITCH (calling)));
  run_js (fixture, "window.__appProbe.setCalling(true);");
  wait_until (switch_is_on, calling, "the header switch to turn on");

  gtk_switch_set_active (GTK_SWITCH (calling), FALSE);
  cab_test_wait_js (&fixture->page, "window.__appProbe.getCalling() === false");
  gtk_switch_set_active (GTK_SWITCH (calling), TRUE);
  cab_test_wait_js (&fixture->page, "window.__appProbe.getCalling() === true");
}

/* A user's online switch changes what showUserStatus returns at once; undo puts it back and
 * the switch follows. */
static void
test_users_page (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *online;

  show_panel (fixture, "users");
  online = find (fixture, "user-online-7002");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (online)));

  gtk_switch_set_active (GTK_SWITCH (online), TRUE);
  cab_test_wait_js (&fixture->page, "window.__appProbe.showUserStatus('7002') === true");
  cab_test_wait_js (&fixture->page, "JSON.stringify(window.__appProbe.showUserStatus('online')) === '[\"7001\",\"7002\"]'");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  wait_until (switch_is_off, online, "the switch to follow undo");
  cab_test_wait_js (&fixture->page, "window.__appProbe.showUserStatus('7002') === false");
}

static guint
n_shown (Fixture *fixture)
{
  return g_list_model_get_n_items (cab_cabinet_get_notifications (fixture->page.cabinet));
}

static gboolean
shown_at_least (gpointer data)
{
  Fixture *fixture = data;

  return n_shown (fixture) >= GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (fixture->window), "want-shown"));
}

static void
wait_shown (Fixture *fixture,
            guint    count)
{
  g_object_set_data (G_OBJECT (fixture->window), "want-shown", GUINT_TO_POINTER (count));
  wait_until (shown_at_least, fixture, "notifications to be shown");
}

/* Number of rows the "Shown" list of the Notifications page has. */
static guint
shown_rows (Fixture *fixture)
{
  GtkWidget *list = find (fixture, "shown-notifications");
  guint rows = 0;

  if (GTK_IS_LIST_BOX (list))
    {
      while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), rows) != NULL)
        rows++;
      return rows;
    }
  g_assert_true (GTK_IS_LIST_VIEW (list));
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list))));
}

/* The Notifications page fires a call notification into the page, again and again; what the
 * widget fires shows in the page's list too. */
static void
test_notifications_page_call (Fixture       *fixture,
                              gconstpointer  data)
{
  show_panel (fixture, "notifications");
  g_assert_cmpuint (shown_rows (fixture), ==, 0);

  g_signal_emit_by_name (find (fixture, "fire-call"), "clicked");
  wait_shown (fixture, 1);
  cab_test_wait_js (&fixture->page, "document.querySelectorAll('#cab-notifications audio').length === 1");
  g_signal_emit_by_name (find (fixture, "fire-call"), "clicked");
  wait_shown (fixture, 2);
  cab_test_wait_js (&fixture->page, "document.querySelectorAll('#cab-notifications audio').length === 2");

  run_js (fixture, "window.__appProbe.addCall({ from: '+7 900 000-00-01', to: 'Анна', duration: 5,"
                   " link: 'https://example.com/x', text: 'from the widget', date: 1763715600 });");
  wait_shown (fixture, 3);
  cab_test_spin (50);
  g_assert_cmpuint (shown_rows (fixture), ==, 3);
}

/* "Server fails" decides which of add_error's callbacks the widget gets. */
static void
test_notifications_page_server (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *fails;

  show_panel (fixture, "notifications");
  fails = find (fixture, "server-fails");

  run_js (fixture, "window.__appProbe.addError({ header: 'probe', text: '<p>first</p>', date: 1763715600 });");
  cab_test_wait_js (&fixture->page, "window.__appProbe.callbacks.map((c) => c.name).join() === 'done,always'");

  gtk_switch_set_active (GTK_SWITCH (fails), TRUE);
  g_assert_true (cab_cabinet_get_server_fails (fixture->page.cabinet));
  run_js (fixture, "window.__appProbe.callbacks.length = 0;"
                   "window.__appProbe.addError({ header: 'probe', text: '<p>second</p>', date: 1763715600 });");
  cab_test_wait_js (&fixture->page, "window.__appProbe.callbacks.map((c) => c.name).join() === 'fail,always'");
}

static gboolean
forget_sensitive (gpointer data)
{
  return gtk_widget_get_sensitive (GTK_WIDGET (data));
}

/* The panel's error notification: shown in the page; closed there, it is remembered and not
 * shown again; Forget in the panel shows it again. */
static void
test_notifications_page_error (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *forget;

  show_panel (fixture, "notifications");
  forget = find (fixture, "forget-errors");
  g_assert_false (gtk_widget_get_sensitive (forget));

  g_signal_emit_by_name (find (fixture, "fire-error"), "clicked");
  cab_test_wait_js (&fixture->page, "document.querySelectorAll('.cab-note[data-type=error]').length === 1");
  cab_test_wait_js (&fixture->page, "document.querySelector('.cab-note[data-type=error]').textContent"
                                    ".includes('The telephony server cannot be reached.')");
  run_js (fixture, "document.querySelector('.cab-note[data-type=error] .cab-note__close').click();");
  wait_until (forget_sensitive, forget, "Forget to become available");

  g_signal_emit_by_name (find (fixture, "fire-error"), "clicked");
  cab_test_spin (300);
  cab_test_wait_js (&fixture->page, "document.querySelectorAll('.cab-note[data-type=error]').length === 0");

  g_signal_emit_by_name (forget, "clicked");
  g_assert_cmpuint (cab_cabinet_get_remembered_errors (fixture->page.cabinet), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (forget));
  g_signal_emit_by_name (find (fixture, "fire-error"), "clicked");
  cab_test_wait_js (&fixture->page, "document.querySelectorAll('.cab-note[data-type=error]').length === 1");
}

static gboolean
log_view_shows (gpointer data)
{
  Fixture *fixture = data;
  GListModel *shown = cab_event_log_view_get_shown (CAB_EVENT_LOG_VIEW (find (fixture, "event-log-view")));

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(CabEvent) event = g_list_model_get_item (shown, i);

      if (strstr (cab_event_get_message (event), "hello from the widget") != NULL)
        return TRUE;
    }

  return FALSE;
}

/* The event log panel shows what the widget logs, and hides and shows with its action. */
static void
test_event_log_panel (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *view;

  g_assert_null (cab_test_find_widget (GTK_WIDGET (fixture->window), "event-log-view"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-event-log", NULL));
  view = find (fixture, "event-log-view");
  g_assert_true (gtk_widget_get_mapped (view));

  run_js (fixture, "window.__appProbe.log('log', 'hello from the widget');");
  wait_until (log_view_shows, fixture, "the log view to show the widget's line");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-event-log", NULL));
  cab_test_spin (50);
  g_assert_false (gtk_widget_get_mapped (view));
}

int
main (int   argc,
      char *argv[])
{
  cab_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)
  ADD ("/app-panels/calling-switch", test_calling_switch);
  ADD ("/app-panels/users", test_users_page);
  ADD ("/app-panels/notifications/call", test_notifications_page_call);
  ADD ("/app-panels/notifications/server", test_notifications_page_server);
  ADD ("/app-panels/notifications/error", test_notifications_page_error);
  ADD ("/app-panels/event-log", test_event_log_panel);
#undef ADD

  return g_test_run ();
}
