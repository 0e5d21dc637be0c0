/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Edit benchmark (issue 3): how long one field edit takes to reach a subscriber in the page,
 * on a lead with 10 fields and on one with 5,000 fields (and 2,000 authors in the account),
 * next to a bare app → page round trip measured in the same run; and what the Fields and
 * Authors pages cost to open, to scroll and to follow one edit at both sizes.
 *
 * usage: bench-edits [EDITS]   (default 1000) */
#include "config.h"

#include <stdlib.h>

#include "cab-authors-page.h"
#include "cab-fields-page.h"
#include "cab-json.h"
#include "cab-test-util.h"

#define SMALL_LEAD "18342201"
#define BIG_LEAD   "18342277"
#define BIG_FIELDS  5000
#define BIG_AUTHORS 2000

static const char * const types[] = { "text", "numeric", "checkbox", "url", "textarea", "budget" };

/* The default fixture with lead SMALL_LEAD cut to its first 10 fields and BIG_LEAD given
 * BIG_FIELDS more, plus BIG_AUTHORS authors. */
static char *
build_big_state (CabState *state)
{
  g_autofree char *data = cab_state_to_data (state);
  g_autoptr(JsonNode) root = json_from_string (data, NULL);
  JsonObject *document = json_node_get_object (root);
  JsonObject *fields = json_object_get_object_member (document, "fields");
  JsonObject *authors = json_object_get_object_member (document, "authors");
  JsonArray *leads = json_object_get_array_member (document, "leads");

  for (guint i = 0; i < json_array_get_length (leads); i++)
    {
      JsonObject *lead = json_object_get_object_member (json_array_get_object_element (leads, i), "lead");
      JsonArray *ids = json_object_get_array_member (lead, "fieldIds");

      if (g_str_equal (json_object_get_string_member (lead, "id"), SMALL_LEAD))
        {
          while (json_array_get_length (ids) > 10)
            json_array_remove_element (ids, json_array_get_length (ids) - 1);
          json_object_set_object_member (lead, "contacts", json_object_new ());
          json_object_set_null_member (lead, "company");
          continue;
        }

      for (guint n = 0; n < BIG_FIELDS; n++)
        {
          g_autofree char *id = g_strdup_printf ("%s-%u", BIG_LEAD, 700000 + n);
          g_autofree char *number = g_strdup_printf ("%u", 700000 + n);
          g_autofree char *name = g_strdup_printf ("Field %u", n);
          const char *type = types[n % G_N_ELEMENTS (types)];
          JsonObject *field = json_object_new ();

          json_object_set_string_member (field, "id", id);
          json_object_set_string_member (field, "fieldId", number);
          json_object_set_string_member (field, "fieldSource", "lead");
          json_object_set_string_member (field, "name", name);
          json_object_set_string_member (field, "type", type);
          if (g_str_equal (type, "numeric") || g_str_equal (type, "budget"))
            json_object_set_int_member (field, "value", n);
          else if (g_str_equal (type, "checkbox"))
            json_object_set_boolean_member (field, "value", n % 2);
          else if (g_str_equal (type, "url"))
            json_object_set_string_member (field, "value", "https://example.com/");
          else
            json_object_set_string_member (field, "value", name);
          json_object_set_object_member (fields, id, field);
          json_array_add_string_element (ids, id);
        }
    }

  for (guint n = 0; n < BIG_AUTHORS; n++)
    {
      g_autofree char *id = g_strdup_printf ("bench-%u", n);
      g_autofree char *name = g_strdup_printf ("Author %u", n);
      JsonObject *author = json_object_new ();

      json_object_set_string_member (author, "id", id);
      json_object_set_string_member (author, "avatar", "");
      json_object_set_string_member (author, "name", name);
      json_object_set_boolean_member (author, "isBot", FALSE);
      json_object_set_boolean_member (author, "isClient", n % 3 == 0);
      json_object_set_object_member (authors, id, author);
    }

  return json_to_string (root, FALSE);
}

/* The floor: the same round trip with nothing to wait for (app → page → app). */
static GArray *
measure_round_trip (CabTestCabinet *test,
                    guint           count)
{
  GArray *latency = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < count; i++)
    {
      double t0 = cab_test_now_ms (), elapsed;

      json_node_unref (cab_test_run_js (test, "return await window.__waitCalls(0);"));
      elapsed = cab_test_now_ms () - t0;
      g_array_append_val (latency, elapsed);
    }
  return latency;
}

/* @count edits of one numeric field of the active lead: from the edit to the app hearing
 * back that the subscriber was called (one round trip, like the baseline). */
static GArray *
measure_edits (CabTestCabinet *test,
               const char     *field_id,
               guint           count,
               GArray        **model_cost)
{
  GArray *latency = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(JsonNode) field = cab_state_dup_field (test->state, field_id);
  g_autoptr(JsonNode) before = cab_test_run_js (test, "return window.__editTimes.length;");
  guint base = (guint) json_node_get_int (before);

  *model_cost = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < count; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *wait = g_strdup_printf ("return await window.__waitCalls(%u);", base + i + 1);
      double t0, t1, elapsed;

      json_object_set_int_member (json_node_get_object (field), "value", 100000 + i);
      t0 = cab_test_now_ms ();
      if (!cab_state_set_field (test->state, field_id, field, &error))
        g_error ("%s", error->message);
      t1 = cab_test_now_ms () - t0;
      g_array_append_val (*model_cost, t1);
      json_node_unref (cab_test_run_js (test, wait));
      elapsed = cab_test_now_ms () - t0;
      g_array_append_val (latency, elapsed);
    }

  return latency;
}

static const char *
numeric_field_of_active_lead (CabState *state)
{
  JsonArray *ids = json_object_get_array_member (json_node_get_object (cab_state_peek (state, "lead")), "fieldIds");
  JsonObject *fields = json_node_get_object (cab_state_peek (state, "fields"));

  for (guint i = 0; i < json_array_get_length (ids); i++)
    {
      const char *id = json_array_get_string_element (ids, i);

      if (g_str_equal (json_object_get_string_member (json_object_get_object_member (fields, id), "type"), "numeric"))
        return id;
    }
  g_error ("the active lead has no numeric field");
}

typedef struct
{
  double open_ms;
  double scroll_frame_ms;
  double edit_sync_ms;
  double edit_frame_ms;
} PageFigures;

/* The floor for frames: a window that only redraws, at the display's pace. */
static double
measure_idle_frame (void)
{
  GtkWidget *window = gtk_window_new ();
  double t0;
  guint frames;

  gtk_window_set_default_size (GTK_WINDOW (window), 420, 800);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("baseline"));
  gtk_window_present (GTK_WINDOW (window));
  cab_test_wait_frame (window);
  t0 = cab_test_now_ms ();
  for (frames = 0; frames < 40; frames++)
    cab_test_wait_frame (window);
  t0 = (cab_test_now_ms () - t0) / frames;
  gtk_window_destroy (GTK_WINDOW (window));
  return t0;
}

static void
edit_field (CabState   *state,
            const char *field_id)
{
  g_autoptr(JsonNode) field = cab_state_dup_field (state, field_id);

  json_object_set_int_member (json_node_get_object (field), "value", g_random_int_range (0, 1000000));
  g_assert_true (cab_state_set_field (state, field_id, field, NULL));
}

static void
edit_author (CabState   *state,
             const char *author_id)
{
  JsonObject *authors = json_node_get_object (cab_state_peek (state, "authors"));
  g_autoptr(JsonNode) author = cab_json_deep_copy (json_object_get_member (authors, author_id));
  g_autofree char *name = g_strdup_printf ("Renamed %d", g_random_int_range (0, 1000000));

  json_object_set_string_member (json_node_get_object (author), "name", name);
  g_assert_true (cab_state_set_author (state, author, NULL));
}

/* Opens @page in a pane-sized window (to its first painted frame), scrolls @list through 40
 * screens (per frame), and times one edit (@edit of @id) with the page listening. */
static PageFigures
measure_page (CabState   *state,
              GtkWidget  *(*new_page) (CabState *),
              GtkWidget  *(*find_list) (GtkWidget *),
              void      (*edit) (CabState *, const char *),
              const char *id)
{
  PageFigures figures = { 0 };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page, *list;
  GtkAdjustment *adjustment;
  double t0;
  guint frames = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 420, 800);
  gtk_window_present (GTK_WINDOW (window));
  cab_test_wait_frame (window);

  t0 = cab_test_now_ms ();
  page = new_page (state);
  gtk_window_set_child (GTK_WINDOW (window), page);
  cab_test_wait_frame (window);
  figures.open_ms = cab_test_now_ms () - t0;

  list = find_list (page);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  t0 = cab_test_now_ms ();
  for (; frames < 40; frames++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment));
      cab_test_wait_frame (window);
    }
  figures.scroll_frame_ms = (cab_test_now_ms () - t0) / frames;

  t0 = cab_test_now_ms ();
  edit (state, id);
  figures.edit_sync_ms = cab_test_now_ms () - t0;
  cab_test_wait_frame (window);
  figures.edit_frame_ms = cab_test_now_ms () - t0;

  gtk_window_destroy (GTK_WINDOW (window));
  return figures;
}

static GtkWidget *
fields_list (GtkWidget *page)
{
  return GTK_WIDGET (cab_fields_page_get_list_view (CAB_FIELDS_PAGE (page)));
}

static GtkWidget *
authors_list (GtkWidget *page)
{
  return cab_test_find_widget (page, "authors-list");
}

static void
report_latency (const char *what,
                GArray     *values)
{
  g_print ("  %-44s p50 %6.2f ms   p99 %6.2f ms\n", what, cab_test_percentile (values, 0.50), cab_test_percentile (values, 0.99));
}

static void
print_page (const char        *what,
            const PageFigures *figures)
{
  g_print ("  %-28s %7.1f ms %10.1f ms %10.2f ms %10.1f ms\n", what, figures->open_ms,
           figures->scroll_frame_ms, figures->edit_sync_ms, figures->edit_frame_ms);
}

int
main (int   argc,
      char *argv[])
{
  guint count = argc > 1 ? (guint) atoi (argv[1]) : 1000;
  g_autoptr(CabTestCabinet) test = NULL;
  g_autofree char *big = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) round_trip = NULL;
  g_autoptr(GArray) small_edits = NULL, big_edits = NULL;
  g_autoptr(GArray) small_cost = NULL, big_cost = NULL;
  PageFigures small_fields, big_fields, small_authors, big_authors;
  g_autoptr(CabState) small_state = NULL;
  double idle_frame;
  const char *small_field, *big_field;

  cab_test_init (&argc, &argv);
  test = cab_test_cabinet_new ();
  big = build_big_state (test->state);
  if (!cab_state_load_data (test->state, big, -1, "bench", &error))
    g_error ("%s", error->message);
  if (!cab_state_set_active_lead (test->state, SMALL_LEAD, &error))
    g_error ("%s", error->message);
  id = cab_test_add_widget (test, "edit-timer.js");
  g_assert_cmpstr (cab_test_wait_widget (test, id)->state, ==, "ready");

  g_print ("Edit -> subscriber called in the page -> app told, %u edits each:\n", count);
  round_trip = measure_round_trip (test, count);
  small_field = numeric_field_of_active_lead (test->state);
  small_edits = measure_edits (test, small_field, count, &small_cost);

  cab_state_set_active_lead (test->state, BIG_LEAD, NULL);
  cab_test_wait_js (test, "window.__editTimes !== undefined && document.querySelector('[data-calls]') !== null");
  big_field = numeric_field_of_active_lead (test->state);
  big_edits = measure_edits (test, big_field, count, &big_cost);

  report_latency ("baseline: bare app -> page -> app round trip", round_trip);
  report_latency ("one field edit, lead of 10 fields", small_edits);
  report_latency ("one field edit, lead of 5,000 fields", big_edits);
  report_latency ("  of which the model (C), 10 fields", small_cost);
  report_latency ("  of which the model (C), 5,000 fields", big_cost);

  g_print ("\nPanels (a 420x800 window, to the painted frame):\n");
  small_state = cab_state_new_default (NULL);
  /* Once each before measuring: the first page of a kind pays for its class, template and
   * styles, at any size. */
  measure_page (small_state, cab_fields_page_new, fields_list, edit_field, small_field);
  measure_page (small_state, cab_authors_page_new, authors_list, edit_author, "a-client");
  idle_frame = measure_idle_frame ();
  cab_state_set_active_lead (test->state, SMALL_LEAD, NULL);
  small_fields = measure_page (test->state, cab_fields_page_new, fields_list, edit_field, small_field);
  small_authors = measure_page (small_state, cab_authors_page_new, authors_list, edit_author, "a-client");
  cab_state_set_active_lead (test->state, BIG_LEAD, NULL);
  big_fields = measure_page (test->state, cab_fields_page_new, fields_list, edit_field, big_field);
  big_authors = measure_page (test->state, cab_authors_page_new, authors_list, edit_author, "a-client");

  g_print ("  baseline: an idle window's frame %.1f ms\n", idle_frame);
  g_print ("  %-28s %10s %13s %13s %13s\n", "", "open", "scroll/frame", "edit (sync)", "edit->frame");
  print_page ("Fields page, 10 fields", &small_fields);
  print_page ("Fields page, 5,000 fields", &big_fields);
  print_page ("Authors page, 4 authors", &small_authors);
  print_page ("Authors page, 2,004 authors", &big_authors);

  return 0;
}
