/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The floor the app's start-up is measured against: a bare WebKitWebView in a GTK window
 * loading a small page, nothing else. It says "ready" on stderr when the page has loaded. */
#include <gtk/gtk.h>
#include <webkit/webkit.h>

static void
on_load_changed (WebKitWebView   *view,
                 WebKitLoadEvent  event,
                 gpointer         user_data)
{
  if (event == WEBKIT_LOAD_FINISHED)
    g_printerr ("baseline: ready\n");
}

static void
on_activate (GtkApplication *application)
{
  GtkWidget *window = gtk_application_window_new (application);
  GtkWidget *view = webkit_web_view_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), view);
  g_signal_connect (view, "load-changed", G_CALLBACK (on_load_changed), NULL);
  webkit_web_view_load_html (WEBKIT_WEB_VIEW (view), "<!DOCTYPE html><p>blank</p>", "about:blank");
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) application = gtk_application_new ("io.github.cabinet.Inspector.Baseline",
                                                               G_APPLICATION_NON_UNIQUE);

  g_signal_connect (application, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
