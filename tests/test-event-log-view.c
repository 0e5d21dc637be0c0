/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The event log panel, driven as a user drives it: its count, the kind and level filters,
 * the search (Cyrillic and any case), Clear, Copy as Text and as JSON (read back from the
 * clipboard), following the tail of the list, and 100,000 entries arriving in batches.
 *
 * Every test starts from the same log of a few hundred synthetic entries in which each kind
 * and level occur, so their order does not matter. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cab-event-log-row.h"
#include "cab-event-log-view.h"
#include "cab-test-util.h"

#define N_ENTRIES 300
/* Long enough for the search's 150 ms pause and a filter over the log, on a machine busy
 * with other work (10 s once ran out while four compilers shared its two cores): a bound
 * for a hang, not a measure of speed. */
#define WAIT_MS 60000

static GtkWidget *window;
static CabEventLogView *view;
static CabEventLog *event_log;

static const char * const names[CAB_EVENT_N_KINDS] = {
  "methods.getState", "APP.sdk.showUserStatus", "console.log", "initLead", "unknown-sdk-member", "call",
};

/* Entry @i: kinds cycle fastest, then levels, so every pair occurs; one in ten speaks of
 * Анна in Cyrillic. */
static JsonObject *
make_entry (guint i)
{
  JsonObject *entry = json_object_new ();
  CabEventKind kind = i % CAB_EVENT_N_KINDS;
  CabEventLevel level = (i / CAB_EVENT_N_KINDS) % CAB_EVENT_N_LEVELS;
  g_autofree char *message = NULL;

  if (i % 10 == 0)
    message = g_strdup_printf ("Звонок от Анны, запись %u", i);
  else
    message = g_strdup_printf ("Message number %u", i);

  json_object_set_double_member (entry, "time", 1763715600000.0 + i * 37.5);
  json_object_set_string_member (entry, "kind", cab_event_kind_to_string (kind));
  json_object_set_string_member (entry, "level", cab_event_level_to_string (level));
  json_object_set_string_member (entry, "widget", i % 2 ? "w1" : "w2");
  json_object_set_string_member (entry, "widgetLabel", i % 2 ? "localhost:3000" : "Amo Widget");
  json_object_set_string_member (entry, "name", names[kind]);
  json_object_set_string_member (entry, "message", message);
  json_object_set_string_member (entry, "file", "http://localhost:3000/script.js");
  json_object_set_int_member (entry, "line", i % 100 + 1);
  if (i % 7 == 0)
    json_object_set_int_member (entry, "count", 3);
  if (kind == CAB_EVENT_KIND_LIFECYCLE)
    json_object_set_double_member (entry, "durationMs", i / 10.0);

  return entry;
}

static void
append_entries (CabEventLog *log,
                guint        first,
                guint        count)
{
  g_autoptr(JsonArray) entries = json_array_new ();

  for (guint i = first; i < first + count; i++)
    json_array_add_object_element (entries, make_entry (i));
  g_assert_cmpuint (cab_event_log_append_json_array (log, entries), ==, count);
}

static GtkWidget *
find (const char *name)
{
  GtkWidget *widget = cab_test_find_widget (GTK_WIDGET (view), name);

  if (widget == NULL)
    g_error ("the view has no widget named %s", name);
  return widget;
}

/* Whether a row on screen shows @text as its message or its location. */
static gboolean
shows_text (GtkWidget  *root,
           const char *text)
{
  if (CAB_IS_EVENT_LOG_ROW (root) && gtk_widget_get_mapped (root))
    {
      CabEvent *event = cab_event_log_row_get_event (CAB_EVENT_LOG_ROW (root));
      g_autofree char *location = event != NULL ? cab_event_dup_location (event) : NULL;

      if (event != NULL && (g_strcmp0 (cab_event_get_message (event), text) == 0 || g_strcmp0 (location, text) == 0))
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;

  return FALSE;
}

static const char *
count_text (void)
{
  return gtk_label_get_text (GTK_LABEL (find ("event-count")));
}

/* Waits until the filter has looked at every entry, and the list is drawn. */
static void
wait_filtered (void)
{
  GtkFilterListModel *shown = GTK_FILTER_LIST_MODEL (cab_event_log_view_get_shown (view));
  gint64 start = g_get_monotonic_time ();

  while (gtk_filter_list_model_get_pending (shown) > 0)
    {
      g_assert_cmpint (g_get_monotonic_time () - start, <, WAIT_MS * 1000);
      g_main_context_iteration (NULL, TRUE);
    }
  cab_test_wait_frame (window);
}

static void
on_search_changed (GtkSearchEntry  *entry,
                   char           **applied)
{
  g_free (*applied);
  *applied = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Types @text into the search and waits for the search to apply: the entry waits for a
 * pause in typing before it says the search changed, and the view filters then. */
static void
search (const char *text)
{
  GtkWidget *entry = find ("event-search");
  g_autofree char *applied = NULL;
  gint64 start = g_get_monotonic_time ();
  gulong handler;

  if (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (entry)), text))
    return;

  handler = g_signal_connect_after (entry, "search-changed", G_CALLBACK (on_search_changed), &applied);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  while (applied == NULL || !g_str_equal (applied, text))
    {
      g_assert_cmpint (g_get_monotonic_time () - start, <, WAIT_MS * 1000);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (entry, handler);
  wait_filtered ();
}

typedef gboolean (*Predicate) (CabEvent *event, gconstpointer data);

/* What the view shows is exactly the log's entries for which @predicate holds, in order. */
static guint
assert_shown (Predicate     predicate,
              gconstpointer data)
{
  GListModel *shown = cab_event_log_view_get_shown (view);
  guint n_log = g_list_model_get_n_items (G_LIST_MODEL (event_log));
  guint expected = 0;
  g_autofree char *total = g_strdup_printf ("%'u", n_log);
  g_autofree char *label = NULL;

  for (guint i = 0; i < n_log; i++)
    {
      g_autoptr(CabEvent) event = g_list_model_get_item (G_LIST_MODEL (event_log), i);

      if (!predicate (event, data))
        continue;
      if (expected < g_list_model_get_n_items (shown))
        {
          g_autoptr(CabEvent) seen = g_list_model_get_item (shown, expected);

          if (seen != event)
            g_error ("row %u shows “%s”, where “%s” was expected", expected,
                     cab_event_get_message (seen), cab_event_get_message (event));
        }
      expected++;
    }
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, expected);

  if (expected == n_log)
    label = g_strdup_printf ("%s entries", total);
  else
    label = g_strdup_printf ("%'u of %s entries", expected, total);
  g_assert_cmpstr (count_text (), ==, label);

  return expected;
}

static gboolean
any_event (CabEvent      *event,
           gconstpointer  data)
{
  return TRUE;
}

static gboolean
not_console (CabEvent      *event,
             gconstpointer  data)
{
  return cab_event_get_kind (event) != CAB_EVENT_KIND_CONSOLE;
}

static gboolean
at_least_level (CabEvent      *event,
                gconstpointer  data)
{
  return cab_event_get_level (event) >= GPOINTER_TO_UINT (data);
}

/* Whether the message holds @data, both folded: what a user means by "any case". */
static gboolean
message_has (CabEvent      *event,
             gconstpointer  data)
{
  g_autofree char *message = g_utf8_casefold (cab_event_get_message (event), -1);
  g_autofree char *needle = g_utf8_casefold (data, -1);

  return strstr (message, needle) != NULL;
}

static gboolean
anna_not_console (CabEvent      *event,
                  gconstpointer  data)
{
  return not_console (event, NULL) && message_has (event, "анны");
}

static void
reset_log (void)
{
  cab_event_log_clear (event_log);
  append_entries (event_log, 0, N_ENTRIES);
  wait_filtered ();
}

static void
test_count (void)
{
  reset_log ();
  g_assert_cmpuint (assert_shown (any_event, NULL), ==, N_ENTRIES);
  g_assert_cmpstr (count_text (), ==, "300 entries");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (find ("event-kinds"))), ==, "All Kinds");
  g_assert_true (gtk_widget_get_mapped (find ("event-list")));
  /* The last entry is on screen, in its row's parts. */
  g_assert_true (shows_text (find ("event-list"), "Message number 299"));
  g_assert_true (shows_text (find ("event-list"), "script.js:100"));

  append_entries (event_log, N_ENTRIES, 5);
  wait_filtered ();
  g_assert_cmpstr (count_text (), ==, "305 entries");
  g_assert_true (shows_text (find ("event-list"), "Message number 304"));
}

static void
test_kind_filter (void)
{
  GtkCheckButton *console = GTK_CHECK_BUTTON (find ("event-kind-console"));

  reset_log ();
  gtk_check_button_set_active (console, FALSE);
  wait_filtered ();
  g_assert_cmpuint (assert_shown (not_console, NULL), ==, N_ENTRIES - N_ENTRIES / CAB_EVENT_N_KINDS);
  g_assert_cmpstr (count_text (), ==, "250 of 300 entries");
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (find ("event-kinds"))), ==, "5 Kinds");

  /* Entries that arrive while a kind is hidden are filtered as they come. */
  append_entries (event_log, N_ENTRIES, 12);
  wait_filtered ();
  assert_shown (not_console, NULL);

  gtk_check_button_set_active (console, TRUE);
  wait_filtered ();
  assert_shown (any_event, NULL);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (find ("event-kinds"))), ==, "All Kinds");
}

static void
test_level_filter (void)
{
  GtkDropDown *level = GTK_DROP_DOWN (find ("event-level"));

  reset_log ();
  g_assert_cmpuint (gtk_drop_down_get_selected (level), ==, 0);

  gtk_drop_down_set_selected (level, 2);
  wait_filtered ();
  g_assert_cmpuint (assert_shown (at_least_level, GUINT_TO_POINTER (CAB_EVENT_LEVEL_WARNING)), ==, 144);

  gtk_drop_down_set_selected (level, 3);
  wait_filtered ();
  g_assert_cmpuint (assert_shown (at_least_level, GUINT_TO_POINTER (CAB_EVENT_LEVEL_ERROR)), ==, 72);

  gtk_drop_down_set_selected (level, 1);
  wait_filtered ();
  assert_shown (at_least_level, GUINT_TO_POINTER (CAB_EVENT_LEVEL_INFO));

  gtk_drop_down_set_selected (level, 0);
  wait_filtered ();
  assert_shown (any_event, NULL);
}

static void
test_search (void)
{
  GtkWidget *entry = find ("event-search");
  AdwStatusPage *empty = ADW_STATUS_PAGE (find ("event-empty"));

  reset_log ();

  /* The search waits for a pause in typing (150 ms) before it filters. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "анны");
  cab_test_spin (50);
  g_assert_cmpstr (count_text (), ==, "300 entries");

  /* Cyrillic, in capitals: "Анны" is in every tenth message. */
  search ("АННЫ");
  g_assert_cmpuint (assert_shown (message_has, "анны"), ==, N_ENTRIES / 10);

  search ("message NUMBER 2");
  g_assert_cmpuint (assert_shown (message_has, "message number 2"), ==, 100);
  /* One more letter narrows what was shown. */
  search ("message NUMBER 29");
  g_assert_cmpuint (assert_shown (message_has, "message number 29"), ==, 10);

  search ("no such text anywhere");
  assert_shown (message_has, "no such text anywhere");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (empty)));
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "No Events Match");

  /* Search and filters together. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find ("event-kind-console")), FALSE);
  search ("анны");
  g_assert_cmpuint (assert_shown (anna_not_console, NULL), ==, 20);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find ("event-kind-console")), TRUE);
  wait_filtered ();

  /* Escape clears the search. */
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  wait_filtered ();
  assert_shown (any_event, NULL);
  g_assert_true (gtk_widget_get_mapped (find ("event-list")));

  /* Ctrl+F's action puts the focus in the search. */
  gtk_widget_grab_focus (find ("event-list"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "event-log.search", NULL));
  g_assert_true (gtk_widget_is_focus (entry) || gtk_widget_has_focus (entry) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
}

static void
on_text_read (GObject      *clipboard,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, &error);
  g_assert_no_error (error);
}

static char *
read_clipboard (void)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (view)), NULL, on_text_read, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);
  return text;
}

static void
test_copy (void)
{
  GListModel *shown = cab_event_log_view_get_shown (view);
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  guint n_shown;

  reset_log ();
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find ("event-kind-sdk")), FALSE);
  search ("анны");
  n_shown = g_list_model_get_n_items (shown);
  g_assert_cmpuint (n_shown, ==, 20);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "event-log.copy-text", NULL));
  text = read_clipboard ();
  lines = g_strsplit (g_strchomp (text), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n_shown);
  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(CabEvent) event = g_list_model_get_item (shown, i);
      g_autofree char *line = cab_event_to_text (event);

      g_assert_cmpstr (lines[i], ==, line);
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "event-log.copy-json", NULL));
  json = read_clipboard ();
  root = json_from_string (json, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, n_shown);
  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(CabEvent) event = g_list_model_get_item (shown, i);
      JsonObject *object = json_array_get_object_element (array, i);

      g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, cab_event_get_name (event));
      g_assert_cmpstr (json_object_get_string_member (object, "message"), ==, cab_event_get_message (event));
      g_assert_cmpstr (json_object_get_string_member (object, "kind"), !=, "sdk");
    }

  gtk_check_button_set_active (GTK_CHECK_BUTTON (find ("event-kind-sdk")), TRUE);
  search ("");
  assert_shown (any_event, NULL);
}

static void
test_clear (void)
{
  AdwStatusPage *empty = ADW_STATUS_PAGE (find ("event-empty"));

  reset_log ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "event-log.clear", NULL));
  cab_test_wait_frame (window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (event_log)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cab_event_log_view_get_shown (view)), ==, 0);
  g_assert_cmpstr (count_text (), ==, "0 entries");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (empty)));
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "No Events Yet");
  /* Nothing to clear any more. */
  g_assert_false (gtk_widget_is_sensitive (find ("event-clear")));

  append_entries (event_log, 0, 3);
  wait_filtered ();
  g_assert_cmpstr (count_text (), ==, "3 entries");
  g_assert_true (gtk_widget_get_mapped (find ("event-list")));
}

static GtkAdjustment *
list_adjustment (void)
{
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (find ("event-list")));
}

static gboolean
at_bottom (void)
{
  GtkAdjustment *adjustment = list_adjustment ();

  return gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) >=
         gtk_adjustment_get_upper (adjustment) - 1;
}

static void
test_follow_tail (void)
{
  GtkAdjustment *adjustment = list_adjustment ();
  double kept;

  reset_log ();
  cab_test_wait_frame (window);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, 2 * gtk_adjustment_get_page_size (adjustment));
  /* A log opened at the bottom, where the new entries are. */
  g_assert_true (at_bottom ());

  for (guint i = 0; i < 5; i++)
    {
      append_entries (event_log, 1000 + i * 20, 20);
      wait_filtered ();
      cab_test_wait_frame (window);
      g_assert_true (at_bottom ());
    }

  /* The user scrolls up to read: the list stays where they put it. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 3);
  cab_test_wait_frame (window);
  kept = gtk_adjustment_get_value (adjustment);
  for (guint i = 0; i < 5; i++)
    {
      append_entries (event_log, 2000 + i * 20, 20);
      wait_filtered ();
      cab_test_wait_frame (window);
      g_assert_false (at_bottom ());
      g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment), kept, 1.0);
    }

  /* Back at the bottom, it follows again. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  cab_test_wait_frame (window);
  append_entries (event_log, 3000, 20);
  wait_filtered ();
  cab_test_wait_frame (window);
  g_assert_true (at_bottom ());
}

static void
test_many_entries (void)
{
  guint batches = 200, batch = 500;
  GtkAdjustment *adjustment = list_adjustment ();

  cab_event_log_clear (event_log);
  for (guint b = 0; b < batches; b++)
    {
      g_autoptr(JsonArray) entries = json_array_new ();

      for (guint i = b * batch; i < (b + 1) * batch; i++)
        json_array_add_object_element (entries, make_entry (i));
      cab_event_log_append_json_array (event_log, entries);
      /* Every batch is drawn: the window keeps painting frames as the log grows. */
      wait_filtered ();
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (event_log)), ==, batches * batch);
  g_assert_cmpstr (count_text (), ==, "100000 entries");
  g_assert_true (at_bottom ());

  /* Filters and a search over all of them finish, and the list still scrolls. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find ("event-level")), 3);
  wait_filtered ();
  g_assert_cmpstr (count_text (), ==, "24996 of 100000 entries");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find ("event-level")), 0);
  wait_filtered ();
  g_assert_cmpstr (count_text (), ==, "100000 entries");
  search ("ЗАПИСЬ 4242");
  g_assert_cmpuint (assert_shown (message_has, "запись 4242"), ==, 1);
  search ("");
  g_assert_cmpstr (count_text (), ==, "100000 entries");

  /* Filters changed while a search is still at work on 100,000 entries (GTK 4.8 lost
   * track of its list when told to stop working in steps then). */
  gtk_editable_set_text (GTK_EDITABLE (find ("event-search")), "запись");
  g_signal_emit_by_name (find ("event-search"), "search-changed");
  g_assert_cmpuint (gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (cab_event_log_view_get_shown (view))), >, 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find ("event-kind-console")), FALSE);
  search ("");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find ("event-kind-console")), TRUE);
  wait_filtered ();
  assert_shown (any_event, NULL);
  g_assert_cmpstr (count_text (), ==, "100000 entries");

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  cab_test_wait_frame (window);
  g_assert_false (at_bottom ());
  append_entries (event_log, 200000, 500);
  wait_filtered ();
  g_assert_false (at_bottom ());
  g_assert_cmpstr (count_text (), ==, "100500 entries");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  cab_test_init (&argc, &argv);
  adw_init ();

  event_log = cab_event_log_new (CAB_EVENT_LOG_DEFAULT_MAX);
  view = CAB_EVENT_LOG_VIEW (cab_event_log_view_new (event_log));
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 420);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  cab_test_wait_frame (window);

  g_test_add_func ("/event-log-view/count", test_count);
  g_test_add_func ("/event-log-view/kind-filter", test_kind_filter);
  g_test_add_func ("/event-log-view/level-filter", test_level_filter);
  g_test_add_func ("/event-log-view/search", test_search);
  g_test_add_func ("/event-log-view/copy", test_copy);
  g_test_add_func ("/event-log-view/clear", test_clear);
  g_test_add_func ("/event-log-view/follow-tail", test_follow_tail);
  g_test_add_func ("/event-log-view/many-entries", test_many_entries);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (event_log);
  return status;
}
