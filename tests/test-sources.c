/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Widget sources in the window: opening a folder, a script or a URL (win.open-source and the
 * URL dialog), the recent list the app keeps in GSettings, the hot-reload settings reaching
 * the cabinet, and polling paused while nobody sees the window. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cab-source-history.h"
#include "cab-test-util.h"
#include "cab-url-dialog.h"
#include "cab-widget-server.h"
#include "cab-window.h"

#define WAIT_SECONDS 30

#define WAIT_UNTIL(condition)                                                        \
  G_STMT_START {                                                                     \
    gint64 deadline_ = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;      \
    while (!(condition))                                                             \
      {                                                                              \
        if (g_get_monotonic_time () > deadline_)                                     \
          g_error ("timed out waiting for: %s", #condition);                         \
        g_main_context_iteration (NULL, FALSE) || (g_usleep (2000), TRUE);           \
      }                                                                              \
  } G_STMT_END

typedef struct
{
  GSettings  *settings;
  CabState   *state;
  CabWindow  *window;
  CabCabinet *cabinet;
  char       *tmp_dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const char * const keys[] = {
    "recent-widget-sources", "last-widget-source", "hot-reload", "poll-interval-ms",
  };
  g_autoptr(GError) error = NULL;

  /* The memory backend lives as long as the process: every test starts from the defaults. */
  f->settings = g_settings_new (APP_ID);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (f->settings, keys[i]);

  f->state = cab_state_new_default (&error);
  g_assert_no_error (error);
  f->window = cab_window_new (NULL, f->state);
  f->cabinet = cab_window_get_cabinet (f->window);
  gtk_window_present (GTK_WINDOW (f->window));

  f->tmp_dir = g_dir_make_tmp ("cab-test-sources-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  cab_test_remove_tree (f->tmp_dir);
  g_free (f->tmp_dir);
  g_clear_object (&f->state);
  g_clear_object (&f->settings);
}

/* A widget folder of the user's own: tests/widgets/documented-shape.js as its
 * personal_page.js, under a manifest that names it @widget_name. */
static char *
make_widget_folder (Fixture    *f,
                    const char *relative_path,
                    const char *widget_name)
{
  g_autofree char *folder = g_build_filename (f->tmp_dir, relative_path, NULL);
  g_autofree char *original = cab_test_widget_path ("documented-shape.js");
  g_autofree char *script = g_build_filename (folder, "personal_page.js", NULL);
  g_autofree char *manifest_path = g_build_filename (folder, "manifest.json", NULL);
  g_autofree char *manifest = g_strdup_printf ("{ \"widget\": { \"name\": \"%s\", \"code\": \"sources_test\", "
                                               "\"version\": \"1.0.0\", \"interface_version\": 2 }, "
                                               "\"locations\": [\"personal_page\"] }", widget_name);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_get_contents (original, &contents, &length, &error));
  g_assert_true (g_file_set_contents (script, contents, length, &error));
  g_assert_true (g_file_set_contents (manifest_path, manifest, -1, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&folder);
}

static CabWidgetServer *
serve_test_widgets (void)
{
  g_autofree char *widgets_dir = cab_test_widget_path ("");
  g_autoptr(GError) error = NULL;
  CabWidgetServer *server = cab_widget_server_new (widgets_dir, "cabinet://app", &error);

  g_assert_no_error (error);
  return server;
}

static void
open_source (Fixture    *f,
             const char *location)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-source", "s", location));
}

static void
assert_recent (Fixture           *f,
               const char * const *expected)
{
  g_auto(GStrv) recent = g_settings_get_strv (f->settings, "recent-widget-sources");

  g_assert_cmpstrv (recent, expected);
}

static const CabWidgetInfo *
find_by_label (Fixture    *f,
               const char *label)
{
  GPtrArray *widgets = cab_cabinet_get_widgets (f->cabinet);

  for (guint i = 0; i < widgets->len; i++)
    {
      const CabWidgetInfo *info = g_ptr_array_index (widgets, i);

      if (g_strcmp0 (info->label, label) == 0)
        return info;
    }

  return NULL;
}

static gboolean
is_ready (const CabWidgetInfo *info)
{
  return info != NULL && g_strcmp0 (info->state, "ready") == 0;
}

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

/* The toast that says why a source was refused: it names the location and the reason. */
static void
assert_toast (Fixture    *f,
              const char *location,
              const char *reason)
{
  GtkLabel *label = NULL;

  WAIT_UNTIL ((label = find_label_containing (GTK_WIDGET (f->window), reason)) != NULL);
  g_assert_nonnull (strstr (gtk_label_get_text (label), location));
}

/* What the Recent section of the header bar's sources menu holds: "label → target" lines. */
static char *
describe_recent_menu (Fixture *f)
{
  GtkWidget *button = cab_test_find_widget (GTK_WIDGET (f->window), "sources-button");
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_autoptr(GMenuModel) section = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *heading = NULL;

  g_assert_true (g_menu_model_get_item_attribute (menu, 1, G_MENU_ATTRIBUTE_LABEL, "s", &heading));
  g_assert_cmpstr (heading, ==, "Recent");
  section = g_menu_model_get_item_link (menu, 1, G_MENU_LINK_SECTION);
  for (int i = 0; i < g_menu_model_get_n_items (section); i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *action = NULL;
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (section, i, G_MENU_ATTRIBUTE_TARGET, NULL);

      g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
      g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
      g_string_append_printf (text, "%s → %s%s%s\n", label, action, target != NULL ? " " : "",
                              target != NULL ? g_variant_get_string (target, NULL) : "");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The bundled demo runs until a widget of the user's own opens; then it steps aside, and more
 * widgets of their own go next to the first. */
static void
test_folder_replaces_demo (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CabWidgetSource) demo = cab_widget_source_new_for_argument (SOURCE_DEMO_WIDGET_DIR, &error);
  g_autofree char *folder = make_widget_folder (f, "my-widget", "Sources Test Widget");
  g_autofree char *folder_uri = g_filename_to_uri (folder, NULL, NULL);
  g_autofree char *script = cab_test_widget_path ("documented-shape.js");
  g_autofree char *script_uri = g_filename_to_uri (script, NULL, NULL);
  g_autoptr(CabWidgetSource) script_source = cab_widget_source_new_for_argument (script, &error);
  g_autofree char *last = NULL;
  const char *demo_label;

  g_assert_no_error (error);
  demo_label = cab_widget_source_get_label (demo);
  cab_window_add_demo_widget (f->window, demo);
  WAIT_UNTIL (is_ready (find_by_label (f, demo_label)));
  /* The demo is nobody's recent widget. */
  assert_recent (f, (const char *[]) { NULL });

  open_source (f, folder);
  WAIT_UNTIL (is_ready (find_by_label (f, "Sources Test Widget")) && find_by_label (f, demo_label) == NULL);
  g_assert_cmpuint (cab_cabinet_get_widgets (f->cabinet)->len, ==, 1);
  assert_recent (f, (const char *[]) { folder_uri, NULL });
  last = g_settings_get_string (f->settings, "last-widget-source");
  g_assert_cmpstr (last, ==, folder_uri);

  /* A widget given on the command line goes the same way. */
  cab_window_add_widget (f->window, script_source);
  WAIT_UNTIL (is_ready (find_by_label (f, "documented-shape.js")));
  g_assert_true (is_ready (find_by_label (f, "Sources Test Widget")));
  g_assert_cmpuint (cab_cabinet_get_widgets (f->cabinet)->len, ==, 2);
  assert_recent (f, (const char *[]) { script_uri, folder_uri, NULL });
  g_clear_pointer (&last, g_free);
  last = g_settings_get_string (f->settings, "last-widget-source");
  g_assert_cmpstr (last, ==, script_uri);
}

static void
test_url_source (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CabWidgetServer) server = serve_test_widgets ();
  g_autofree char *url = cab_widget_server_dup_uri (server, "documented-shape.js");
  GPtrArray *widgets = cab_cabinet_get_widgets (f->cabinet);

  open_source (f, url);
  WAIT_UNTIL (widgets->len == 1 && is_ready (g_ptr_array_index (widgets, 0)));
  g_assert_cmpstr (((CabWidgetInfo *) g_ptr_array_index (widgets, 0))->script, ==, url);
  assert_recent (f, (const char *[]) { url, NULL });
}

/* A location that is no widget is refused with the reason, and nothing changes. */
static void
test_bad_locations (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->tmp_dir, "no-such-widget", NULL);
  g_autofree char *empty = g_build_filename (f->tmp_dir, "empty-folder", NULL);
  g_autofree char *last = NULL;

  open_source (f, missing);
  assert_toast (f, missing, "does not exist");

  open_source (f, "ftp://example.com/personal_page.js");
  assert_toast (f, "ftp://example.com/personal_page.js", "is not an http(s) URL");

  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  open_source (f, empty);
  assert_toast (f, empty, "has no personal_page.js");

  WAIT_UNTIL (cab_cabinet_is_ready (f->cabinet));
  cab_test_spin (200);
  g_assert_cmpuint (cab_cabinet_get_widgets (f->cabinet)->len, ==, 0);
  assert_recent (f, (const char *[]) { NULL });
  last = g_settings_get_string (f->settings, "last-widget-source");
  g_assert_cmpstr (last, ==, "");
}

/* Most recent first, each once, at most ten; the menu names them as the user knows them and
 * opens them by their full location. */
static void
test_recent_list (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *a = make_widget_folder (f, "a/dist", "A");
  g_autofree char *b = make_widget_folder (f, "b/dist", "B");
  g_autofree char *c = make_widget_folder (f, "my_widget", "C");
  g_autofree char *a_uri = g_filename_to_uri (a, NULL, NULL);
  g_autofree char *b_uri = g_filename_to_uri (b, NULL, NULL);
  g_autofree char *c_uri = g_filename_to_uri (c, NULL, NULL);
  g_autofree char *menu = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(CabSourceHistory) history = cab_source_history_new (f->settings);
  g_autoptr(GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);

  open_source (f, a);
  open_source (f, b);
  open_source (f, c);
  open_source (f, a);
  assert_recent (f, (const char *[]) { a_uri, c_uri, b_uri, NULL });

  menu = describe_recent_menu (f);
  expected = g_strdup_printf ("dist (a) → win.open-source %s\n"
                              "my__widget → win.open-source %s\n"
                              "dist (b) → win.open-source %s\n"
                              "_Clear Recent → win.clear-recent\n", a_uri, c_uri, b_uri);
  g_assert_cmpstr (menu, ==, expected);

  /* Twelve more: the ten newest stay. */
  for (guint i = 1; i <= 12; i++)
    {
      char *url = g_strdup_printf ("http://127.0.0.1:1/widget-%u.js", i);

      cab_source_history_add (history, url);
      g_ptr_array_insert (urls, 0, url);
    }
  g_ptr_array_set_size (urls, CAB_SOURCE_HISTORY_MAX);
  g_ptr_array_add (urls, NULL);
  assert_recent (f, (const char * const *) urls->pdata);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.clear-recent", NULL);
  assert_recent (f, (const char *[]) { NULL });
  g_clear_pointer (&menu, g_free);
  menu = describe_recent_menu (f);
  g_assert_cmpstr (menu, ==, "");
}

/* A recent folder deleted since is refused with a toast that says so, and leaves the list. */
static void
test_vanished_recent (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *gone = make_widget_folder (f, "gone", "Gone");
  g_autofree char *kept = make_widget_folder (f, "kept", "Kept");
  g_autofree char *gone_uri = g_filename_to_uri (gone, NULL, NULL);
  g_autofree char *kept_uri = g_filename_to_uri (kept, NULL, NULL);

  open_source (f, gone);
  open_source (f, kept);
  WAIT_UNTIL (is_ready (find_by_label (f, "Gone")) && is_ready (find_by_label (f, "Kept")));
  assert_recent (f, (const char *[]) { kept_uri, gone_uri, NULL });

  cab_test_remove_tree (gone);
  /* As its item in the Recent menu does. */
  open_source (f, gone_uri);
  assert_toast (f, gone, "removed from the recent widgets");
  assert_recent (f, (const char *[]) { kept_uri, NULL });
  g_assert_cmpuint (cab_cabinet_get_widgets (f->cabinet)->len, ==, 2);
}

static CabUrlDialog *
find_url_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (CAB_IS_URL_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return CAB_URL_DIALOG (window);
    }

  return NULL;
}

static void
test_url_dialog (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CabWidgetServer) server = serve_test_widgets ();
  g_autofree char *url = cab_widget_server_dup_uri (server, "documented-shape.js");
  GPtrArray *widgets = cab_cabinet_get_widgets (f->cabinet);
  CabUrlDialog *dialog;
  GtkWidget *entry, *error, *spin;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-url", NULL));
  WAIT_UNTIL ((dialog = find_url_dialog ()) != NULL);
  entry = cab_test_find_widget (GTK_WIDGET (dialog), "url-entry");
  error = cab_test_find_widget (GTK_WIDGET (dialog), "url-error");
  spin = cab_test_find_widget (GTK_WIDGET (dialog), "poll-interval");
  g_assert_nonnull (entry);
  g_assert_nonnull (error);
  g_assert_nonnull (spin);

  /* Halfway through "http://": nothing to open yet, and nothing to complain about. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "htt");
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "open"));

  /* Enter on a URL that is not http(s): the dialog stays, with the text as typed and why. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "ftp://example.com/personal_page.js");
  g_signal_emit_by_name (entry, "activate");
  cab_test_spin (100);
  g_assert_true (find_url_dialog () == dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "ftp://example.com/personal_page.js");
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "Only http:// and https://"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "open"));
  assert_recent (f, (const char *[]) { NULL });

  /* The spin button is the "poll-interval-ms" key, which the cabinet follows. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 1000);
  g_assert_cmpuint (g_settings_get_uint (f->settings, "poll-interval-ms"), ==, 1000);
  g_assert_cmpuint (cab_cabinet_get_poll_interval (f->cabinet), ==, 1000);

  /* Enter on an http URL opens it and closes the dialog. */
  gtk_editable_set_text (GTK_EDITABLE (entry), url);
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "open"));
  g_signal_emit_by_name (entry, "activate");
  WAIT_UNTIL (find_url_dialog () == NULL);
  WAIT_UNTIL (widgets->len == 1 && is_ready (g_ptr_array_index (widgets, 0)));
  assert_recent (f, (const char *[]) { url, NULL });
}

/* The Hot Reload menu item and the poll interval are settings, and the cabinet follows them
 * (and the other way round). */
static void
test_hot_reload_settings (Fixture       *f,
                          gconstpointer  data)
{
  g_assert_true (cab_cabinet_get_hot_reload (f->cabinet));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.hot-reload", NULL));
  g_assert_false (g_settings_get_boolean (f->settings, "hot-reload"));
  g_assert_false (cab_cabinet_get_hot_reload (f->cabinet));

  g_settings_set_boolean (f->settings, "hot-reload", TRUE);
  g_assert_true (cab_cabinet_get_hot_reload (f->cabinet));

  g_settings_set_uint (f->settings, "poll-interval-ms", 2000);
  g_assert_cmpuint (cab_cabinet_get_poll_interval (f->cabinet), ==, 2000);
  cab_cabinet_set_poll_interval (f->cabinet, 500);
  g_assert_cmpuint (g_settings_get_uint (f->settings, "poll-interval-ms"), ==, 500);
}

static gboolean
is_minimized (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return (gdk_toplevel_get_state (GDK_TOPLEVEL (surface)) & GDK_TOPLEVEL_STATE_MINIMIZED) != 0;
}

/* Nobody sees a hidden window's widgets change: their dev servers are not polled meanwhile. */
static void
test_polling_paused_while_hidden (Fixture       *f,
                                  gconstpointer  data)
{
  gint64 deadline;

  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
  g_assert_false (cab_cabinet_get_polling_paused (f->cabinet));

  gtk_widget_set_visible (GTK_WIDGET (f->window), FALSE);
  g_assert_true (cab_cabinet_get_polling_paused (f->cabinet));

  gtk_window_present (GTK_WINDOW (f->window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
  g_assert_false (cab_cabinet_get_polling_paused (f->cabinet));

  /* Minimizing is the window manager's to do: under a bare X server (Xvfb) nothing iconifies
   * the window, so this part only runs where something does. */
  gtk_window_minimize (GTK_WINDOW (f->window));
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (!is_minimized (GTK_WINDOW (f->window)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (2000), TRUE);
  if (!is_minimized (GTK_WINDOW (f->window)))
    {
      g_test_message ("The window was not minimized (no window manager): only hiding was tested");
      return;
    }
  g_assert_true (cab_cabinet_get_polling_paused (f->cabinet));
  gtk_window_unminimize (GTK_WINDOW (f->window));
  WAIT_UNTIL (!is_minimized (GTK_WINDOW (f->window)));
  g_assert_false (cab_cabinet_get_polling_paused (f->cabinet));
}

int
main (int   argc,
      char *argv[])
{
  cab_test_init (&argc, &argv);
  adw_init ();

#define ADD_TEST(path, func) \
  g_test_add ("/sources/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("folder-replaces-demo", test_folder_replaces_demo);
  ADD_TEST ("url-source", test_url_source);
  ADD_TEST ("bad-locations", test_bad_locations);
  ADD_TEST ("recent-list", test_recent_list);
  ADD_TEST ("vanished-recent", test_vanished_recent);
  ADD_TEST ("url-dialog", test_url_dialog);
  ADD_TEST ("hot-reload-settings", test_hot_reload_settings);
  ADD_TEST ("polling-paused-while-hidden", test_polling_paused_while_hidden);

#undef ADD_TEST

  return g_test_run ();
}
