/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Event log benchmark (issue 4): what the event log panel costs at 100,000 entries, each
 * figure next to a baseline measured in the same run.
 *
 * - Appending 100,000 entries in batches of 500 (as the page sends them): per batch, the log
 *   alone, the log with a view that is not shown, and the log with the view in a window (to
 *   the painted frame).
 * - Filtering 100,000 entries (a search, a narrower one, a kind, a level): from the change to
 *   the filter done and painted, and the longest frame while it ran; next to a bare loop of
 *   cab_event_matches() over the same entries.
 * - Scrolling: frame times at 100 and at 100,000 entries, next to an idle window's frame.
 *
 * usage: bench-event-log [ENTRIES]   (default 100000) */
#include "config.h"

#include <stdlib.h>

#include "cab-event-log-view.h"
#include "cab-test-util.h"

#define BATCH 500

static const char * const sample_messages[] = {
  "('lead') → { id: 18342201, name: \"Поставка оборудования\", statusId: 142, price: 1500000 }",
  "Contacts loaded: Анна Смирнова, Иван Петров",
  "render() took 3 ms, 14 nodes",
  "Deprecated: APP.notifications.show_message is going away; use add_call",
  "TypeError: Cannot read properties of undefined (reading 'phone')\n    at render (main.js:480:31)",
  "+7 999 111 22 33 → Анна, 1:05",
  "('leadFields', fn) → subscription 3",
};

static const char * const sample_names[CAB_EVENT_N_KINDS] = {
  "methods.getState", "APP.sdk.showUserStatus", "console.log", "initLead", "unknown-sdk-member", "call",
};

/* Batch @index of BATCH entries, as the page would send it. */
static JsonArray *
make_batch (guint index)
{
  JsonArray *entries = json_array_sized_new (BATCH);

  for (guint i = index * BATCH; i < (index + 1) * BATCH; i++)
    {
      JsonObject *entry = json_object_new ();
      CabEventKind kind = i % CAB_EVENT_N_KINDS;
      g_autofree char *message = g_strdup_printf ("%s #%u", sample_messages[i % G_N_ELEMENTS (sample_messages)], i);

      json_object_set_double_member (entry, "time", 1763715600000.0 + i * 3.5);
      json_object_set_string_member (entry, "kind", cab_event_kind_to_string (kind));
      json_object_set_string_member (entry, "level", cab_event_level_to_string ((i / 7) % CAB_EVENT_N_LEVELS));
      json_object_set_string_member (entry, "widget", i % 3 ? "w1" : "w2");
      json_object_set_string_member (entry, "widgetLabel", i % 3 ? "localhost:3000" : "Amo Telephony");
      json_object_set_string_member (entry, "name", sample_names[kind]);
      json_object_set_string_member (entry, "message", message);
      json_object_set_string_member (entry, "file", "http://localhost:3000/script.js");
      json_object_set_int_member (entry, "line", i % 500 + 1);
      if (kind == CAB_EVENT_KIND_LIFECYCLE)
        json_object_set_double_member (entry, "durationMs", (i % 200) / 10.0);
      json_array_add_object_element (entries, entry);
    }

  return entries;
}

static GtkWidget *
new_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  /* The panel's size under a cabinet in a maximised window. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 400);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  cab_test_wait_frame (window);
  return window;
}

/* Appends @n_entries in batches; returns each batch's time, in the call (sync) or, with
 * @window, to the frame painted after it. */
static GArray *
measure_appends (CabEventLog *log,
                 guint        n_entries,
                 GtkWidget   *window,
                 GArray     **to_frame)
{
  GArray *sync = g_array_new (FALSE, FALSE, sizeof (double));

  if (to_frame != NULL)
    *to_frame = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint b = 0; b < n_entries / BATCH; b++)
    {
      g_autoptr(JsonArray) batch = make_batch (b);
      double t0 = cab_test_now_ms (), elapsed;

      cab_event_log_append_json_array (log, batch);
      elapsed = cab_test_now_ms () - t0;
      g_array_append_val (sync, elapsed);
      if (window != NULL)
        {
          cab_test_wait_frame (window);
          elapsed = cab_test_now_ms () - t0;
          g_array_append_val (*to_frame, elapsed);
        }
    }
  return sync;
}

typedef struct
{
  double  done_ms;       /* from the change to the filter done, and painted */
  double  longest_frame; /* the longest gap between two painted frames meanwhile */
  guint   shown;
} FilterFigures;

typedef struct
{
  double  last;
  double  longest;
} FrameGaps;

static void
on_frame_painted (GdkFrameClock *clock,
                  FrameGaps     *gaps)
{
  double now = cab_test_now_ms ();

  gaps->longest = MAX (gaps->longest, now - gaps->last);
  gaps->last = now;
}

/* Runs @change (a search typed, a kind unchecked, …), then waits for the filter to finish
 * and the result to be painted. */
static FilterFigures
measure_filter (CabEventLogView *view,
                GtkWidget       *window,
                void           (*change) (CabEventLogView *, gconstpointer),
                gconstpointer    data)
{
  GtkFilterListModel *shown = GTK_FILTER_LIST_MODEL (cab_event_log_view_get_shown (view));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  FrameGaps gaps = { cab_test_now_ms (), 0 };
  FilterFigures figures;
  gulong handler;
  double t0;

  cab_test_wait_frame (window);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_frame_painted), &gaps);
  t0 = gaps.last = cab_test_now_ms ();
  change (view, data);
  while (gtk_filter_list_model_get_pending (shown) > 0)
    g_main_context_iteration (NULL, TRUE);
  cab_test_wait_frame (window);
  figures.done_ms = cab_test_now_ms () - t0;
  g_signal_handler_disconnect (clock, handler);
  figures.longest_frame = gaps.longest;
  figures.shown = g_list_model_get_n_items (G_LIST_MODEL (shown));

  return figures;
}

/* The search as typed, applied at once: the entry's pause in typing (150 ms) is not the
 * filter's cost. */
static void
type_search (CabEventLogView *view,
             gconstpointer    text)
{
  GtkWidget *entry = cab_test_find_widget (GTK_WIDGET (view), "event-search");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
}

static void
toggle_kind (CabEventLogView *view,
             gconstpointer    name)
{
  GtkCheckButton *button = GTK_CHECK_BUTTON (cab_test_find_widget (GTK_WIDGET (view), name));

  gtk_check_button_set_active (button, !gtk_check_button_get_active (button));
}

static void
select_level (CabEventLogView *view,
              gconstpointer    level)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (cab_test_find_widget (GTK_WIDGET (view), "event-level"));

  gtk_drop_down_set_selected (dropdown, GPOINTER_TO_UINT (level));
}

/* The floor for a search: every entry matched once in a plain loop. */
static double
measure_bare_search (CabEventLog *log,
                     const char  *text,
                     guint       *matches)
{
  g_autofree char *needle = g_utf8_casefold (text, -1);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (log));
  double t0 = cab_test_now_ms ();

  *matches = 0;
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CabEvent) event = g_list_model_get_item (G_LIST_MODEL (log), i);

      *matches += cab_event_matches (event, needle);
    }
  return cab_test_now_ms () - t0;
}

/* The floor for frames: a window that only redraws, at the display's pace. */
static GArray *
measure_idle_frames (void)
{
  GtkWidget *window = new_window (gtk_label_new ("baseline"));
  GArray *frames = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < 60; i++)
    {
      double t0 = cab_test_now_ms (), elapsed;

      cab_test_wait_frame (window);
      elapsed = cab_test_now_ms () - t0;
      g_array_append_val (frames, elapsed);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  return frames;
}

/* Frame times while scrolling the list by @step (a fraction of a screen) per frame, bouncing
 * at the ends. */
static GArray *
measure_steps (GtkWidget *window,
               GtkWidget *list,
               double     step)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  GArray *frames = g_array_new (FALSE, FALSE, sizeof (double));
  double direction = -1;

  for (guint i = 0; i < 120; i++)
    {
      double delta = gtk_adjustment_get_page_size (adjustment) * step;
      double value = gtk_adjustment_get_value (adjustment);
      double bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      double t0, elapsed;

      if (value + direction * delta < 0 || value + direction * delta > bottom)
        direction = -direction;
      t0 = cab_test_now_ms ();
      gtk_adjustment_set_value (adjustment, value + direction * delta);
      cab_test_wait_frame (window);
      elapsed = cab_test_now_ms () - t0;
      g_array_append_val (frames, elapsed);
    }

  return frames;
}

/* Frame times while scrolling the list: a wheel notch per frame (a sixth of a screen, three
 * rows or so), a screen per frame, then jumps to random places as when dragging the scroll
 * bar (every row on screen bound anew). */
static void
measure_scroll (GtkWidget  *window,
                GtkWidget  *list,
                GArray    **by_notch,
                GArray    **by_screen,
                GArray    **by_jump)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));

  *by_notch = measure_steps (window, list, 1.0 / 6);
  *by_screen = measure_steps (window, list, 1.0);
  *by_jump = g_array_new (FALSE, FALSE, sizeof (double));
  g_random_set_seed (4);
  for (guint i = 0; i < 60; i++)
    {
      double bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      double t0 = cab_test_now_ms (), elapsed;

      gtk_adjustment_set_value (adjustment, g_random_double_range (0, bottom));
      cab_test_wait_frame (window);
      elapsed = cab_test_now_ms () - t0;
      g_array_append_val (*by_jump, elapsed);
    }
}

static void
report (const char *what,
        GArray     *values)
{
  g_print ("  %-52s p50 %7.2f ms   p99 %7.2f ms\n", what, cab_test_percentile (values, 0.50), cab_test_percentile (values, 0.99));
}

static void
report_filter (const char          *what,
               const FilterFigures *figures)
{
  g_print ("  %-40s %8.1f ms %10.1f ms %10u\n", what, figures->done_ms, figures->longest_frame, figures->shown);
}

int
main (int   argc,
      char *argv[])
{
  guint n_entries = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  g_autoptr(CabEventLog) bare_log = NULL;
  g_autoptr(CabEventLog) hidden_log = NULL;
  g_autoptr(CabEventLog) shown_log = NULL;
  g_autoptr(CabEventLog) small_log = NULL;
  g_autoptr(GArray) bare = NULL, hidden = NULL, shown = NULL, shown_frame = NULL;
  g_autoptr(GArray) idle = NULL, small_notch = NULL, small_screen = NULL, small_jump = NULL, big_notch = NULL, big_screen = NULL, big_jump = NULL;
  GtkWidget *hidden_view, *view, *window, *small_window;
  FilterFigures search, narrower, cyrillic, cleared, kind, level;
  double bare_first, bare_again, bare_cyrillic;
  guint bare_matches, bare_cyrillic_matches;
  char *label;

  cab_test_init (&argc, &argv);
  adw_init ();
  n_entries = MAX (n_entries / BATCH, 1) * BATCH;

  /* Once before measuring: the first view pays for its class, template and styles. */
  window = new_window (cab_event_log_view_new (NULL));
  gtk_window_destroy (GTK_WINDOW (window));

  g_print ("Appending %u entries in batches of %u, per batch:\n", n_entries, BATCH);
  bare_log = cab_event_log_new (CAB_EVENT_LOG_DEFAULT_MAX);
  bare = measure_appends (bare_log, n_entries, NULL, NULL);
  hidden_log = cab_event_log_new (CAB_EVENT_LOG_DEFAULT_MAX);
  hidden_view = g_object_ref_sink (cab_event_log_view_new (hidden_log));
  hidden = measure_appends (hidden_log, n_entries, NULL, NULL);
  shown_log = cab_event_log_new (CAB_EVENT_LOG_DEFAULT_MAX);
  view = cab_event_log_view_new (shown_log);
  window = new_window (view);
  shown = measure_appends (shown_log, n_entries, window, &shown_frame);
  report ("baseline: the log alone (no view)", bare);
  report ("the log with a view not shown", hidden);
  report ("the log with the view shown (the call)", shown);
  report ("the log with the view shown (to the painted frame)", shown_frame);

  g_print ("\nFiltering %u entries, to the filter done and painted:\n", n_entries);
  bare_first = measure_bare_search (bare_log, "#1", &bare_matches);
  bare_again = measure_bare_search (bare_log, "#1", &bare_matches);
  bare_cyrillic = measure_bare_search (bare_log, "АННА", &bare_cyrillic_matches);
  search = measure_filter (CAB_EVENT_LOG_VIEW (view), window, type_search, "#1");
  narrower = measure_filter (CAB_EVENT_LOG_VIEW (view), window, type_search, "#12");
  cyrillic = measure_filter (CAB_EVENT_LOG_VIEW (view), window, type_search, "АННА");
  cleared = measure_filter (CAB_EVENT_LOG_VIEW (view), window, type_search, "");
  kind = measure_filter (CAB_EVENT_LOG_VIEW (view), window, toggle_kind, "event-kind-console");
  level = measure_filter (CAB_EVENT_LOG_VIEW (view), window, select_level, GUINT_TO_POINTER (CAB_EVENT_LEVEL_WARNING));
  g_print ("  baseline: cab_event_matches() in a plain loop: %.1f ms the first time (folds the text), "
           "%.1f ms again, %.1f ms Cyrillic (%u, %u matches)\n",
           bare_first, bare_again, bare_cyrillic, bare_matches, bare_cyrillic_matches);
  g_print ("  %-40s %11s %13s %10s\n", "", "done", "longest frame", "shown");
  report_filter ("search \"#1\"", &search);
  report_filter ("one more character: \"#12\"", &narrower);
  report_filter ("Cyrillic search, in capitals", &cyrillic);
  report_filter ("search cleared", &cleared);
  report_filter ("Console unchecked", &kind);
  report_filter ("Warnings and above", &level);

  g_print ("\nScrolling (a 1280x400 window, per painted frame):\n");
  select_level (CAB_EVENT_LOG_VIEW (view), GUINT_TO_POINTER (CAB_EVENT_LEVEL_DEBUG));
  toggle_kind (CAB_EVENT_LOG_VIEW (view), "event-kind-console");
  cab_test_wait_frame (window);
  small_log = cab_event_log_new (CAB_EVENT_LOG_DEFAULT_MAX);
  small_window = new_window (cab_event_log_view_new (small_log));
  {
    g_autoptr(JsonArray) batch = make_batch (0);

    while (json_array_get_length (batch) > 100)
      json_array_remove_element (batch, json_array_get_length (batch) - 1);
    cab_event_log_append_json_array (small_log, batch);
  }
  cab_test_wait_frame (small_window);
  idle = measure_idle_frames ();
  measure_scroll (small_window, cab_test_find_widget (small_window, "event-list"), &small_notch, &small_screen, &small_jump);
  measure_scroll (window, cab_test_find_widget (window, "event-list"), &big_notch, &big_screen, &big_jump);
  report ("baseline: an idle window's frame", idle);
  report ("100 entries, a wheel notch per frame", small_notch);
  report ("100 entries, a screen per frame", small_screen);
  report ("100 entries, a jump per frame", small_jump);
  label = g_strdup_printf ("%u entries, a wheel notch per frame", n_entries);
  report (label, big_notch);
  g_free (label);
  label = g_strdup_printf ("%u entries, a screen per frame", n_entries);
  report (label, big_screen);
  g_free (label);
  label = g_strdup_printf ("%u entries, a jump per frame", n_entries);
  report (label, big_jump);
  g_free (label);

  gtk_window_destroy (GTK_WINDOW (small_window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (hidden_view);
  return 0;
}
