/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The app window: what a developer sees when their widget fails, without opening anything. */
#include "config.h"

#include <adwaita.h>

#include "cab-test-util.h"
#include "cab-window.h"

static GtkLabel *
find_label_containing (GtkWidget  *widget,
                       const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_containing (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_shown (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      if (!gtk_widget_get_visible (widget))
        return FALSE;
      if (GTK_IS_REVEALER (widget) && !gtk_revealer_get_reveal_child (GTK_REVEALER (widget)))
        return FALSE;
    }

  return TRUE;
}

static void
test_failure_shown_in_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CabState) state = cab_state_new_default (&error);
  g_autofree char *path = cab_test_widget_path ("initlead-throws.js");
  g_autoptr(CabWidgetSource) source = cab_widget_source_new_for_argument (path, &error);
  CabWindow *window = cab_window_new (NULL, state);
  CabCabinet *cabinet = cab_window_get_cabinet (window);
  GtkLabel *label = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_assert_no_error (error);
  cab_window_add_widget (window, source);
  gtk_window_present (GTK_WINDOW (window));

  /* The banner names the widget, the problem and the line, right under the header bar. */
  while ((label = find_label_containing (GTK_WIDGET (window), "boom in initLead")) == NULL ||
         !is_shown (GTK_WIDGET (label)))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_nonnull (strstr (gtk_label_get_text (label), "initlead-throws.js:18"));
  g_assert_cmpuint (cab_cabinet_get_widgets (cabinet)->len, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_page_crash_is_recoverable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CabState) state = cab_state_new_default (&error);
  g_autofree char *path = cab_test_widget_path ("documented-shape.js");
  g_autoptr(CabWidgetSource) source = cab_widget_source_new_for_argument (path, &error);
  CabWindow *window = cab_window_new (NULL, state);
  CabCabinet *cabinet = cab_window_get_cabinet (window);
  GtkLabel *label = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  cab_window_add_widget (window, source);
  gtk_window_present (GTK_WINDOW (window));
  while (cab_cabinet_get_widgets (cabinet)->len == 0 ||
         g_strcmp0 (((CabWidgetInfo *) g_ptr_array_index (cab_cabinet_get_widgets (cabinet), 0))->state, "ready") != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  /* A killed web process: the window says so and offers to reload. */
  webkit_web_view_terminate_web_process (cab_cabinet_get_view (cabinet));
  while ((label = find_label_containing (GTK_WIDGET (window), "reload to start it again")) == NULL ||
         !is_shown (GTK_WIDGET (label)))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  /* Reloading brings back the same widget from the app's side. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload-cabinet", NULL);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (cab_cabinet_get_widgets (cabinet)->len == 0 ||
         g_strcmp0 (((CabWidgetInfo *) g_ptr_array_index (cab_cabinet_get_widgets (cabinet), 0))->state, "ready") != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_false (is_shown (GTK_WIDGET (label)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkButton *
find_button_labelled (GtkWidget  *widget,
                      const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return GTK_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = find_button_labelled (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkLabel *
wait_for_label (GtkWidget  *window,
                const char *text)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  GtkLabel *label;

  /* The main loop keeps turning while we wait: the app is not frozen by the page. */
  while ((label = find_label_containing (window, text)) == NULL || !is_shown (GTK_WIDGET (label)))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE) || (g_usleep (5000), TRUE);
    }

  return label;
}

/* A widget stuck in an endless loop: the window says so, and stopping the page works. */
static void
test_hung_page_can_be_stopped (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CabState) state = cab_state_new_default (&error);
  g_autofree char *path = cab_test_widget_path ("endless-loop.js");
  g_autoptr(CabWidgetSource) source = cab_widget_source_new_for_argument (path, &error);
  CabWindow *window = cab_window_new (NULL, state);
  GtkButton *stop;

  cab_window_add_widget (window, source);
  gtk_window_present (GTK_WINDOW (window));

  wait_for_label (GTK_WIDGET (window), "not responding");
  stop = find_button_labelled (GTK_WIDGET (window), "Stop Page");
  g_assert_nonnull (stop);
  g_signal_emit_by_name (stop, "clicked");
  wait_for_label (GTK_WIDGET (window), "reload to start it again");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  cab_test_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/window/failure-shown-in-window", test_failure_shown_in_window);
  g_test_add_func ("/window/page-crash-is-recoverable", test_page_crash_is_recoverable);
  g_test_add_func ("/window/hung-page-can-be-stopped", test_hung_page_can_be_stopped);

  return g_test_run ();
}
