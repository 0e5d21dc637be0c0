/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The raw JSON page, driven through its real widgets next to a real cabinet page: what Apply
 * does reaches the widget's subscribers; what the model refuses reaches nothing and keeps
 * the text. */
#include "config.h"

#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "cab-json-page.h"
#include "cab-test-util.h"

typedef struct
{
  CabTestCabinet *test;
  char           *widget_id;
  GtkWidget      *window;
  GtkWidget      *page;
  GtkTextBuffer  *buffer;
  GtkWidget      *apply;
  GtkWidget      *revert;
  GtkLabel       *error;
  GtkRevealer    *error_banner;
  GtkRevealer    *stale;
} Fixture;

static GtkWidget *
find (Fixture    *fixture,
      const char *name)
{
  GtkWidget *widget = cab_test_find_widget (fixture->page, name);

  if (widget == NULL)
    g_error ("the JSON page has no widget named %s", name);
  return widget;
}

static char *
buffer_text (Fixture *fixture)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (fixture->buffer, &start, &end);
  return gtk_text_buffer_get_text (fixture->buffer, &start, &end, TRUE);
}

/* Waits until the text is the model's document again. */
static void
wait_text_is_state (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autofree char *text = buffer_text (fixture);
      g_autofree char *data = cab_state_to_data (fixture->test->state);

      if (g_str_equal (text, data))
        return;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE) || (g_usleep (2000), TRUE);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->test = cab_test_cabinet_new ();
  fixture->widget_id = cab_test_add_widget (fixture->test, "subscribe.js");
  g_assert_cmpstr (cab_test_wait_widget (fixture->test, fixture->widget_id)->state, ==, "ready");

  fixture->page = cab_json_page_new (fixture->test->state);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 420, 800);
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->page);
  gtk_window_present (GTK_WINDOW (fixture->window));

  fixture->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find (fixture, "json-view")));
  fixture->apply = find (fixture, "json-apply");
  fixture->revert = find (fixture, "json-revert");
  fixture->error = GTK_LABEL (find (fixture, "json-error"));
  fixture->error_banner = GTK_REVEALER (find (fixture, "json-error-banner"));
  fixture->stale = GTK_REVEALER (find (fixture, "json-stale"));

  /* Shown, the page holds the whole document, with nothing to apply. */
  wait_text_is_state (fixture);
  g_assert_true (GTK_SOURCE_IS_BUFFER (fixture->buffer));
  g_assert_false (gtk_widget_get_sensitive (fixture->apply));
  g_assert_false (gtk_revealer_get_reveal_child (fixture->error_banner));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_free (fixture->widget_id);
  cab_test_cabinet_free (fixture->test);
}

/* The iter just after the first @needle that follows the first @anchor. */
static void
find_after (Fixture     *fixture,
            const char  *anchor,
            const char  *needle,
            GtkTextIter *match_start,
            GtkTextIter *match_end)
{
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (fixture->buffer, &iter);
  if (!gtk_text_iter_forward_search (&iter, anchor, 0, NULL, &iter, NULL) ||
      !gtk_text_iter_forward_search (&iter, needle, 0, match_start, match_end, NULL))
    g_error ("no %s after %s in the text", needle, anchor);
}

/* Types over the text between the first @needle after @anchor, as a user would. */
static void
replace_after (Fixture    *fixture,
               const char *anchor,
               const char *needle,
               const char *replacement)
{
  GtkTextIter start, end;

  find_after (fixture, anchor, needle, &start, &end);
  gtk_text_buffer_begin_user_action (fixture->buffer);
  gtk_text_buffer_delete_interactive (fixture->buffer, &start, &end, TRUE);
  gtk_text_buffer_insert_interactive (fixture->buffer, &start, replacement, -1, TRUE);
  gtk_text_buffer_end_user_action (fixture->buffer);
}

static int
cursor_line (Fixture *fixture)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (fixture->buffer, &iter, gtk_text_buffer_get_insert (fixture->buffer));
  return gtk_text_iter_get_line (&iter);
}

static int
sys_calls (Fixture *fixture)
{
  g_autoptr(JsonNode) count = cab_test_run_js (fixture->test,
    "return (window.__testLog || []).filter((e) => e.widget === 'subscribe' && e.event === 'callback'"
    " && e.data.entity === 'sys').length;");

  return (int) json_node_get_int (count);
}

/* Edit the currency symbol in the text, Apply: the widget's sys subscriber sees it. */
static void
test_apply_reaches_widget (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(JsonObject) result = NULL;
  g_autofree char *text = NULL;
  g_autofree char *state = NULL;
  JsonObject *sys;

  replace_after (fixture, "\"currencySymbol\"", "\"₽\"", "\"Kč\"");
  g_assert_true (gtk_widget_get_sensitive (fixture->apply));
  g_assert_true (gtk_widget_get_sensitive (fixture->revert));

  g_signal_emit_by_name (fixture->apply, "clicked");

  sys = json_node_get_object (cab_state_peek (fixture->test->state, "sys"));
  g_assert_cmpstr (json_object_get_string_member (sys, "currencySymbol"), ==, "Kč");
  cab_test_wait_js (fixture->test,
    "(window.__testLog || []).some((e) => e.widget === 'subscribe' && e.event === 'callback'"
    " && e.data.entity === 'sys' && e.data.value === 'Kč')");

  /* Applied: nothing left to apply, no error, and the text is the model's. */
  g_assert_false (gtk_widget_get_sensitive (fixture->apply));
  g_assert_false (gtk_text_buffer_get_modified (fixture->buffer));
  g_assert_false (gtk_revealer_get_reveal_child (fixture->error_banner));
  text = buffer_text (fixture);
  state = cab_state_to_data (fixture->test->state);
  g_assert_cmpstr (text, ==, state);

  /* The edit is one step of the model's history. */
  g_assert_true (cab_state_can_undo (fixture->test->state));
  cab_state_undo (fixture->test->state);
  sys = json_node_get_object (cab_state_peek (fixture->test->state, "sys"));
  g_assert_cmpstr (json_object_get_string_member (sys, "currencySymbol"), ==, "₽");
  wait_text_is_state (fixture);
}

/* A syntax error: refused with line:column, the cursor on it; state and text both kept. */
static void
test_parse_error_keeps_everything (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *before = cab_state_to_data (fixture->test->state);
  g_autofree char *typed = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected_prefix = NULL;
  GtkTextIter start, end;
  int calls, line, column;

  /* A stray word before the value of "lang": json-glib names the line and the (1-based,
   * byte) column of the word's last character. */
  find_after (fixture, "\"lang\"", "\"ru\"", &start, &end);
  line = gtk_text_iter_get_line (&start) + 1;
  column = gtk_text_iter_get_line_index (&start) + (int) strlen ("oops");
  gtk_text_buffer_insert_interactive (fixture->buffer, &start, "oops", -1, TRUE);
  typed = buffer_text (fixture);
  calls = sys_calls (fixture);

  g_signal_emit_by_name (fixture->apply, "clicked");

  expected_prefix = g_strdup_printf ("Raw JSON:%d:%d: Parse error: unexpected identifier `oops'", line, column);
  g_assert_true (gtk_revealer_get_reveal_child (fixture->error_banner));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->error)));
  if (!g_str_has_prefix (gtk_label_get_text (fixture->error), expected_prefix))
    g_error ("error “%s”, expected it to start with “%s”", gtk_label_get_text (fixture->error), expected_prefix);
  g_assert_cmpint (cursor_line (fixture), ==, line - 1);

  /* Nothing changed in the model, nothing reached the widget, the typed text stays. */
  after = cab_state_to_data (fixture->test->state);
  g_assert_cmpstr (after, ==, before);
  shown = buffer_text (fixture);
  g_assert_cmpstr (shown, ==, typed);
  g_assert_true (gtk_text_buffer_get_modified (fixture->buffer));
  g_assert_true (gtk_widget_get_sensitive (fixture->apply));
  cab_test_spin (300);
  g_assert_cmpint (sys_calls (fixture), ==, calls);

  /* Revert: the model's text again, the error gone. */
  g_signal_emit_by_name (fixture->revert, "clicked");
  g_free (shown);
  shown = buffer_text (fixture);
  g_assert_cmpstr (shown, ==, before);
  g_assert_false (gtk_revealer_get_reveal_child (fixture->error_banner));
  g_assert_false (gtk_widget_get_sensitive (fixture->apply));
}

/* A wrong shape: the model names a JSON path, and the page puts the cursor on that member. */
static void
test_shape_error_points_at_member (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *before = cab_state_to_data (fixture->test->state);
  g_autofree char *after = NULL;
  GtkTextIter start, end;
  int line;

  replace_after (fixture, "\"dateFormat\"", "\"dd.mm.yyyy\"", "\"dd-mm-yyyy\"");
  find_after (fixture, "\"sys\"", "\"dateFormat\"", &start, &end);
  line = gtk_text_iter_get_line (&start);

  g_signal_emit_by_name (fixture->apply, "clicked");

  g_assert_true (gtk_revealer_get_reveal_child (fixture->error_banner));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (fixture->error), "Raw JSON: sys.dateFormat: “dd-mm-yyyy” is not one of"));
  g_assert_cmpint (cursor_line (fixture), ==, line);
  after = cab_state_to_data (fixture->test->state);
  g_assert_cmpstr (after, ==, before);
}

/* The model changes elsewhere: unedited text follows it; edited text is kept and the page
 * says the state changed. */
static void
test_model_changes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) sys = cab_state_dup_entity (fixture->test->state, CAB_ENTITY_SYS);
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *shown = NULL;

  json_object_set_string_member (json_node_get_object (sys), "pageTitle", "Changed by a panel");
  g_assert_true (cab_state_set_sys (fixture->test->state, sys, &error));
  g_assert_no_error (error);
  wait_text_is_state (fixture);
  g_assert_false (gtk_revealer_get_reveal_child (fixture->stale));

  /* With unapplied edits, a change of the model does not overwrite them. */
  replace_after (fixture, "\"currencySymbol\"", "\"₽\"", "\"Kč\"");
  typed = buffer_text (fixture);
  json_object_set_string_member (json_node_get_object (sys), "pageTitle", "Changed again");
  g_assert_true (cab_state_set_sys (fixture->test->state, sys, &error));
  g_assert_no_error (error);
  cab_test_spin (100);
  shown = buffer_text (fixture);
  g_assert_cmpstr (shown, ==, typed);
  g_assert_true (gtk_revealer_get_reveal_child (fixture->stale));

  /* Revert shows the changed state and drops the edit. */
  g_signal_emit_by_name (fixture->revert, "clicked");
  wait_text_is_state (fixture);
  g_assert_false (gtk_revealer_get_reveal_child (fixture->stale));
  g_assert_false (gtk_text_buffer_get_modified (fixture->buffer));
  g_assert_false (gtk_widget_get_sensitive (fixture->revert));
}

int
main (int   argc,
      char *argv[])
{
  cab_test_init (&argc, &argv);
  adw_init ();

  g_test_add ("/json-page/apply-reaches-widget", Fixture, NULL,
              fixture_set_up, test_apply_reaches_widget, fixture_tear_down);
  g_test_add ("/json-page/parse-error-keeps-everything", Fixture, NULL,
              fixture_set_up, test_parse_error_keeps_everything, fixture_tear_down);
  g_test_add ("/json-page/shape-error-points-at-member", Fixture, NULL,
              fixture_set_up, test_shape_error_points_at_member, fixture_tear_down);
  g_test_add ("/json-page/model-changes", Fixture, NULL,
              fixture_set_up, test_model_changes, fixture_tear_down);

  return g_test_run ();
}
