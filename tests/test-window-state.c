/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's side of the state, driven as a user would: the lead selector in the header,
 * the lead actions, undo and redo, scenario files, the autosave and its restore. What counts
 * is what the widget in the real page saw. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cab-fields-page.h"
#include "cab-panel-util.h"
#include "cab-test-util.h"
#include "cab-window.h"

typedef struct
{
  CabWindow      *window;
  CabTestCabinet  page;   /* the window's own cabinet and state, for the page helpers */
} WindowFixture;

static void
window_fixture_open (WindowFixture *fixture,
                     const char    *widget)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CabState) state = cab_state_new_default (&error);
  g_autofree char *path = cab_test_widget_path (widget);
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
}

static void
window_fixture_close (WindowFixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  cab_test_spin (50);
}

static GtkDropDown *
lead_selector (WindowFixture *fixture)
{
  GtkWidget *found = cab_test_find_widget (GTK_WIDGET (fixture->window), "lead-selector");

  g_assert_true (GTK_IS_DROP_DOWN (found));
  return GTK_DROP_DOWN (found);
}

/* Choosing another lead in the header runs the SPEC §1 order and moves getRouterQuery. */
static void
test_lead_selector_switches (void)
{
  WindowFixture fixture = { 0 };
  g_autoptr(JsonNode) events = NULL;
  g_autoptr(JsonNode) query = NULL;
  JsonArray *list;
  guint n;

  window_fixture_open (&fixture, "lifecycle-order.js");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (lead_selector (&fixture))), ==, 2);

  json_node_unref (cab_test_run_js (&fixture.page, "window.__testLog.length = 0;"));
  gtk_drop_down_set_selected (lead_selector (&fixture), 1);
  cab_test_wait_js (&fixture.page, "window.__testLog.some((e) => e.event === 'register')");

  events = cab_test_run_js (&fixture.page, "return window.__testLog.map((e) => e.event);");
  list = json_node_get_array (events);
  n = json_array_get_length (list);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (json_array_get_string_element (list, 0), ==, "destroy");
  g_assert_cmpstr (json_array_get_string_element (list, 1), ==, "cleanup");
  g_assert_cmpstr (json_array_get_string_element (list, 2), ==, "initLead");
  g_assert_cmpstr (json_array_get_string_element (list, 3), ==, "register");

  query = cab_test_run_js (&fixture.page,
                           "const e = window.__testLog.find((x) => x.event === 'initLead'); "
                           "return [e.data.leadId, e.data.stateLeadId, e.data.token.length > 0];");
  g_assert_cmpstr (json_array_get_string_element (json_node_get_array (query), 0), ==, "18342277");
  g_assert_cmpstr (json_array_get_string_element (json_node_get_array (query), 1), ==, "18342277");
  g_assert_true (json_array_get_boolean_element (json_node_get_array (query), 2));
  g_assert_cmpstr (cab_state_get_active_lead_id (fixture.page.state), ==, "18342277");

  window_fixture_close (&fixture);
}

/* New, duplicate and remove lead, from the window's actions; the selector follows and undo
 * takes each back. */
static void
test_lead_actions (void)
{
  WindowFixture fixture = { 0 };
  GListModel *items;

  window_fixture_open (&fixture, "lifecycle-order.js");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.new-lead", NULL));
  items = gtk_drop_down_get_model (lead_selector (&fixture));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
  g_assert_cmpuint (gtk_drop_down_get_selected (lead_selector (&fixture)), ==, 2);
  cab_test_wait_js (&fixture.page, "window.__testLog.filter((e) => e.event === 'initLead').some((e) => e.data.leadId === '18342278')");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.duplicate-lead", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (lead_selector (&fixture))), ==, 4);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.remove-lead", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (lead_selector (&fixture))), ==, 3);

  for (guint i = 0; i < 3; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (lead_selector (&fixture))), ==, 2);
  g_assert_cmpstr (cab_state_get_active_lead_id (fixture.page.state), ==, "18342201");
  cab_test_wait_js (&fixture.page, "window.__testLog[window.__testLog.length - 1].event === 'register' && "
                                   "window.__testLog.filter((e) => e.event === 'register').pop().data.leadId === '18342201'");

  window_fixture_close (&fixture);
}

/* Undo and redo reach the page like any edit: the subscriber sees the old value again. */
static void
test_undo_redo_reach_page (void)
{
  WindowFixture fixture = { 0 };
  g_autoptr(JsonNode) sys = NULL;
  g_autoptr(GError) error = NULL;

  window_fixture_open (&fixture, "subscribe.js");
  g_assert_false (cab_state_can_undo (fixture.page.state));

  sys = cab_state_dup_entity (fixture.page.state, CAB_ENTITY_SYS);
  json_object_set_string_member (json_node_get_object (sys), "currencySymbol", "$");
  g_assert_true (cab_state_set_sys (fixture.page.state, sys, &error));
  cab_test_wait_js (&fixture.page, "window.__testLog.filter((e) => e.event === 'callback' && e.data.entity === 'sys').pop().data.value === '$'");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  cab_test_wait_js (&fixture.page, "window.__testLog.filter((e) => e.event === 'callback' && e.data.entity === 'sys').pop().data.value === '₽'");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.redo", NULL));
  cab_test_wait_js (&fixture.page, "window.__testLog.filter((e) => e.event === 'callback' && e.data.entity === 'sys').pop().data.value === '$'");

  /* Three sys edits, three calls: none of the other entities' subscribers heard of them. */
  cab_test_wait_js (&fixture.page, "window.__testLog.filter((e) => e.event === 'callback' && e.data.entity !== 'sys').length === 0");

  window_fixture_close (&fixture);
}

/* Save writes the state; Open of a broken file names the file and position and keeps the
 * state; Open of a good one replaces it, one undo away. */
static void
test_files (void)
{
  WindowFixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cab-test-state-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "scenario.json", NULL);
  g_autofree char *broken = g_build_filename (TESTS_SOURCE_DIR, "state-files", "truncated.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
  g_autofree char *saved = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_assert_no_error (error);
  window_fixture_open (&fixture, "subscribe.js");

  g_assert_true (cab_window_save_state_file (fixture.window, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  before = cab_state_to_data (fixture.page.state);
  g_assert_cmpstr (saved, ==, before);

  g_assert_false (cab_window_open_state_file (fixture.window, broken_file, &error));
  g_assert_nonnull (strstr (error->message, "truncated.json:19:23"));
  g_clear_error (&error);
  after = cab_state_to_data (fixture.page.state);
  g_assert_cmpstr (after, ==, before);

  root = json_from_string (saved, NULL);
  json_object_set_string_member (json_object_get_object_member (json_node_get_object (root), "sys"), "currencySymbol", "€");
  edited = json_to_string (root, TRUE);
  g_assert_true (g_file_set_contents (path, edited, -1, NULL));
  g_assert_true (cab_window_open_state_file (fixture.window, file, &error));
  g_assert_no_error (error);
  cab_test_wait_js (&fixture.page, "window.__testLog.some((e) => e.event === 'callback' && e.data.entity === 'sys' && e.data.value === '€')");
  g_assert_true (cab_state_can_undo (fixture.page.state));

  window_fixture_close (&fixture);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Reset brings the default fixture back, as one step that undo takes back. */
static void
test_reset (void)
{
  WindowFixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CabState) fixture_state = cab_state_new_default (&error);
  g_autofree char *expected = cab_state_to_data (fixture_state);
  g_autofree char *reset = NULL;

  window_fixture_open (&fixture, "subscribe.js");
  g_assert_true (cab_state_set_account_id (fixture.page.state, "9", &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.reset-state", NULL));
  reset = cab_state_to_data (fixture.page.state);
  g_assert_cmpstr (reset, ==, expected);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  g_assert_cmpstr (cab_state_get_account_id (fixture.page.state), ==, "9");

  window_fixture_close (&fixture);
}

/* What was typed is on disk soon after, and a new session starts from it; an autosave that
 * cannot be read is kept aside, not lost, and the session starts from the default. */
static void
test_autosave_and_restore (void)
{
  WindowFixture fixture = { 0 };
  g_autofree char *path = cab_window_autosave_path ();
  g_autofree char *aside = g_strconcat (path, ".broken", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) notice = NULL;
  g_autoptr(CabState) restored = NULL;
  g_autoptr(CabState) fallback = NULL;
  gint64 deadline;

  g_remove (path);
  window_fixture_open (&fixture, "subscribe.js");
  g_assert_true (cab_state_set_account_id (fixture.page.state, "777", &error));

  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      cab_test_spin (50);
    }
  window_fixture_close (&fixture);

  restored = cab_window_restore_state (&notice, &error);
  g_assert_no_error (error);
  g_assert_no_error (notice);
  g_assert_cmpstr (cab_state_get_account_id (restored), ==, "777");
  g_assert_false (cab_state_can_undo (restored));

  g_assert_true (g_file_set_contents (path, "{ not json", -1, NULL));
  fallback = cab_window_restore_state (&notice, &error);
  g_assert_no_error (error);
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice->message, ".broken"));
  g_assert_cmpstr (cab_state_get_account_id (fallback), ==, "31415926");
  g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_remove (aside);
}

/* Text typed into a text area and not yet applied (it waits for a pause in typing) is in the
 * state and on disk when the window closes at once. */
static void
test_close_keeps_typing (void)
{
  WindowFixture fixture = { 0 };
  g_autofree char *path = cab_window_autosave_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CabState) restored = NULL;
  g_autoptr(JsonNode) field = NULL;
  JsonObjectIter iter;
  const char *id, *textarea_id = NULL;
  JsonNode *node;
  GtkWidget *view;

  g_remove (path);
  window_fixture_open (&fixture, "subscribe.js");
  json_object_iter_init (&iter, json_node_get_object (cab_state_peek (fixture.page.state, "fields")));
  while (json_object_iter_next (&iter, &id, &node))
    if (g_str_equal (json_object_get_string_member (json_node_get_object (node), "type"), "textarea") &&
        cab_state_lead_has_field (fixture.page.state, id))
      textarea_id = id;
  g_assert_nonnull (textarea_id);
  textarea_id = g_intern_string (textarea_id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.show-panel", "s", "fields"));
  cab_test_spin (100);
  cab_fields_page_open_field (CAB_FIELDS_PAGE (gtk_widget_get_ancestor (cab_test_find_widget (GTK_WIDGET (fixture.window), "fields-list"),
                                                                        CAB_TYPE_FIELDS_PAGE)),
                              textarea_id);
  view = cab_test_find_widget (GTK_WIDGET (fixture.window), "field-value");
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "typed just before closing", -1);

  gtk_window_close (GTK_WINDOW (fixture.window));
  cab_test_spin (50);

  restored = cab_state_new ();
  g_assert_true (cab_state_load_file (restored, path, &error));
  g_assert_no_error (error);
  field = cab_state_dup_field (restored, textarea_id);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (field), "value"), ==, "typed just before closing");
}

/* A panel's refusal shows, with its reason, at the foot of the panels. */
static void
test_refusal_shown (void)
{
  WindowFixture fixture = { 0 };
  GtkWidget *row, *label;

  window_fixture_open (&fixture, "subscribe.js");
  row = cab_test_find_widget (GTK_WIDGET (fixture.window), "lead-pid");
  g_assert_nonnull (row);

  cab_panel_row_set_error (row, "Pipeline ID: must not be empty");
  label = cab_test_find_widget (GTK_WIDGET (fixture.window), "edit-refusal");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Pipeline ID: must not be empty");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER))));
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  cab_panel_row_set_error (row, NULL);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER))));
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  window_fixture_close (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  cab_test_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/window-state/lead-selector-switches", test_lead_selector_switches);
  g_test_add_func ("/window-state/lead-actions", test_lead_actions);
  g_test_add_func ("/window-state/undo-redo-reach-page", test_undo_redo_reach_page);
  g_test_add_func ("/window-state/files", test_files);
  g_test_add_func ("/window-state/reset", test_reset);
  g_test_add_func ("/window-state/autosave-and-restore", test_autosave_and_restore);
  g_test_add_func ("/window-state/refusal-shown", test_refusal_shown);
  g_test_add_func ("/window-state/close-keeps-typing", test_close_keeps_typing);

  return g_test_run ();
}
