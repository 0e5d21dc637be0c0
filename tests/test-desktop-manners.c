/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a GNOME app does for its desktop: the window opens as it was closed (size, maximized,
 * side-pane page), a start without WIDGET reopens the last widget, the shortcuts window lists
 * every accelerator the application has, and the About window tells the version. Settings
 * live in GSettings' memory backend, shared by the test and the app in this process. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "cab-application.h"
#include "cab-authors-page.h"
#include "cab-event-log-view.h"
#include "cab-fields-page.h"
#include "cab-json-page.h"
#include "cab-test-util.h"
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

static GSettings *
fresh_settings (void)
{
  static const char * const keys[] = {
    "window-width", "window-height", "window-maximized", "side-pane-page",
    "last-widget-source", "recent-widget-sources",
  };
  GSettings *settings = g_settings_new (APP_ID);

  /* The memory backend lives as long as the process: every test starts from the defaults. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);

  return settings;
}

static CabWindow *
open_window (CabApplication *application)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CabState) state = cab_state_new_default (&error);
  CabWindow *window;

  g_assert_no_error (error);
  window = cab_window_new (application, state);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  cab_test_wait_frame (GTK_WIDGET (window));

  return window;
}

/* The first widget of @type under @root, itself included, depth first. */
static GtkWidget *
find_by_type (GtkWidget *root,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* --- Size and maximized state ------------------------------------------------------------- */

/* The window's size as the display has it. (Its widget is smaller by the frame GTK draws
 * around it without a compositor.) */
static gboolean
surface_has_size (CabWindow *window,
                  int        width,
                  int        height)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return gdk_surface_get_width (surface) == width && gdk_surface_get_height (surface) == height;
}

static void
test_size_restored (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  CabWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);

  window = open_window (NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  /* Its real size on screen, not only what it asked for. */
  WAIT_UNTIL (surface_has_size (window, 900, 640));
  g_assert_false (gtk_window_is_maximized (GTK_WINDOW (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A resize (here by the program, as a window manager's would come) is what the next start
 * opens with; closing is what saves it. */
static void
test_size_saved_on_close (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  CabWindow *window = open_window (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  WAIT_UNTIL (surface_has_size (window, 1000, 700));
  /* Not written while the window is open: only its close does. */
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1280);

  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

/* A window closed maximized opens maximized, and keeps the size to unmaximize to. */
static void
test_maximized_restored_and_saved (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  CabWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  g_settings_set_boolean (settings, "window-maximized", TRUE);

  window = open_window (NULL);
  WAIT_UNTIL (gtk_window_is_maximized (GTK_WINDOW (window)));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (g_settings_get_boolean (settings, "window-maximized"));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
}

/* --- The side pane ------------------------------------------------------------------------ */

static void
test_side_pane_page (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  CabWindow *window;
  AdwViewStack *stack;

  g_settings_set_string (settings, "side-pane-page", "json");
  window = open_window (NULL);
  stack = ADW_VIEW_STACK (find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "json");

  /* Saved as soon as the user picks another page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-panel", "s", "authors"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "authors");
  {
    g_autofree char *saved = g_settings_get_string (settings, "side-pane-page");

    g_assert_cmpstr (saved, ==, "authors");
  }
  gtk_window_destroy (GTK_WINDOW (window));

  /* A page this version does not have (an older or newer one saved it): the Lead page. */
  g_settings_set_string (settings, "side-pane-page", "no-such-page");
  window = open_window (NULL);
  stack = ADW_VIEW_STACK (find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "lead");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* --- Starting without WIDGET -------------------------------------------------------------- */

typedef struct
{
  char *subtitle;  /* the header's subtitle: the widget that runs */
  char *labels;    /* every label's text, a toast's among them, a line each */
} StartResult;

static void
start_result_clear (StartResult *result)
{
  g_clear_pointer (&result->subtitle, g_free);
  g_clear_pointer (&result->labels, g_free);
}

static void
collect_labels (GtkWidget *root,
                GString   *labels)
{
  if (GTK_IS_LABEL (root))
    g_string_append_printf (labels, "%s\n", gtk_label_get_text (GTK_LABEL (root)));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static gboolean
inspect_and_close (gpointer user_data)
{
  GtkWindow *window = user_data;
  StartResult *result = g_object_get_data (G_OBJECT (window), "start-result");
  GtkWidget *title = find_by_type (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE);
  GString *labels = g_string_new (NULL);

  result->subtitle = g_strdup (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)));
  collect_labels (GTK_WIDGET (window), labels);
  result->labels = g_string_free (labels, FALSE);
  gtk_window_destroy (window);

  return G_SOURCE_REMOVE;
}

static void
on_window_added (GtkApplication *application,
                 GtkWindow      *window,
                 StartResult    *result)
{
  g_object_set_data (G_OBJECT (window), "start-result", result);
  /* After the command line was handled: the window gets its widget after it is added. */
  g_timeout_add (200, inspect_and_close, window);
}

/* Runs the app as `cabinet-inspector` with no argument, until its window has shown what it
 * opened. */
static void
start_without_widget (StartResult *result)
{
  g_autoptr(CabApplication) application = cab_application_new ();
  char *argv[] = { (char *) "cabinet-inspector", NULL };

  g_signal_connect (application, "window-added", G_CALLBACK (on_window_added), result);
  g_assert_cmpint (g_application_run (G_APPLICATION (application), 1, argv), ==, 0);
  g_assert_nonnull (result->subtitle);
}

/* The start of the toast that says the last widget is gone (tests run in English). */
#define NOTICE "The last widget could not be opened again"

static char *
demo_location (void)
{
  if (g_file_test (DEMO_WIDGET_DIR "/personal_page.js", G_FILE_TEST_IS_REGULAR))
    return g_strdup (DEMO_WIDGET_DIR);
  return g_strdup (SOURCE_DEMO_WIDGET_DIR);
}

static void
test_start_opens_last_folder (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cab-test-manners-XXXXXX", &error);
  g_autofree char *folder = g_build_filename (dir, "my-widget", NULL);
  g_autofree char *script = g_build_filename (folder, "personal_page.js", NULL);
  g_autofree char *original = cab_test_widget_path ("documented-shape.js");
  g_autofree char *contents = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *demo = demo_location ();
  g_autofree char *saved = NULL;
  StartResult result = { 0 };

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_get_contents (original, &contents, NULL, &error));
  g_assert_true (g_file_set_contents (script, contents, -1, &error));
  uri = g_filename_to_uri (folder, NULL, &error);
  g_assert_no_error (error);

  /* Nothing saved: the demo, as on a first start. */
  start_without_widget (&result);
  g_assert_cmpstr (result.subtitle, ==, demo);
  g_assert_null (strstr (result.labels, NOTICE));
  start_result_clear (&result);

  /* The folder opened last, still there: it again. */
  g_settings_set_string (settings, "last-widget-source", uri);
  start_without_widget (&result);
  g_assert_cmpstr (result.subtitle, ==, folder);
  g_assert_null (strstr (result.labels, NOTICE));
  start_result_clear (&result);

  /* Gone since: the demo, a word about why, and the next start no longer tries. */
  cab_test_remove_tree (dir);
  start_without_widget (&result);
  g_assert_cmpstr (result.subtitle, ==, demo);
  g_assert_nonnull (strstr (result.labels, NOTICE));
  g_assert_nonnull (strstr (result.labels, folder));
  saved = g_settings_get_string (settings, "last-widget-source");
  g_assert_cmpstr (saved, ==, "");
  start_result_clear (&result);
}

/* A URL is opened again as it is: its development server may be starting with the app. */
static void
test_start_opens_last_url (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(CabTestDevServer) server = cab_test_dev_server_new ();
  g_autofree char *url = cab_test_dev_server_dup_url (server, "/personal_page.js");
  StartResult result = { 0 };

  cab_test_dev_server_set_file (server, "/personal_page.js", "define([], function () { return function () {}; });", NULL);
  g_settings_set_string (settings, "last-widget-source", url);
  start_without_widget (&result);
  g_assert_cmpstr (result.subtitle, ==, url);
  g_assert_null (strstr (result.labels, NOTICE));
  start_result_clear (&result);
}

/* --- The shortcuts window ----------------------------------------------------------------- */

typedef struct
{
  guint           keyval;
  GdkModifierType mods;
} Accel;

static guint
accel_hash (gconstpointer key)
{
  const Accel *accel = key;

  return accel->keyval ^ (accel->mods << 16);
}

static gboolean
accel_equal (gconstpointer a,
             gconstpointer b)
{
  const Accel *x = a, *y = b;

  return x->keyval == y->keyval && x->mods == y->mods;
}

static Accel *
accel_new (guint           keyval,
           GdkModifierType mods)
{
  Accel *accel = g_new (Accel, 1);

  /* As GTK matches them: Ctrl+Shift+Z is Ctrl+Shift+z. */
  accel->keyval = gdk_keyval_to_lower (keyval);
  accel->mods = mods & gtk_accelerator_get_default_mod_mask ();
  return accel;
}

static Accel *
accel_parse (const char *text)
{
  guint keyval;
  GdkModifierType mods;

  if (!gtk_accelerator_parse (text, &keyval, &mods))
    g_error ("“%s” is not an accelerator", text);
  return accel_new (keyval, mods);
}

/* Every accelerator the shortcuts window shows. An entry may hold several, space apart. */
static void
collect_overlay_accels (GtkWidget  *root,
                        GHashTable *accels)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (root))
    {
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) parts = NULL;

      g_object_get (root, "accelerator", &accelerator, NULL);
      parts = g_strsplit (accelerator != NULL ? accelerator : "", " ", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        if (*parts[i] != '\0')
          g_hash_table_add (accels, accel_parse (parts[i]));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_overlay_accels (child, accels);
}

static gboolean
overlay_has (GHashTable      *overlay,
             guint            keyval,
             GdkModifierType  mods)
{
  g_autofree Accel *accel = accel_new (keyval, mods);

  return g_hash_table_contains (overlay, accel);
}

static void
assert_trigger_listed (GHashTable         *overlay,
                       GtkShortcutTrigger *trigger,
                       const char         *owner)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      assert_trigger_listed (overlay, gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), owner);
      assert_trigger_listed (overlay, gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), owner);
    }
  else if (GTK_IS_KEYVAL_TRIGGER (trigger))
    {
      GtkKeyvalTrigger *key = GTK_KEYVAL_TRIGGER (trigger);
      guint keyval = gtk_keyval_trigger_get_keyval (key);
      g_autofree char *label = gtk_shortcut_trigger_to_string (trigger);

      /* The keypad's Enter is the same key to the user as Return. */
      if (keyval == GDK_KEY_KP_Enter)
        keyval = GDK_KEY_Return;
      if (!overlay_has (overlay, keyval, gtk_keyval_trigger_get_modifiers (key)))
        g_error ("%s: %s is missing from the shortcuts window", owner, label);
    }
}

/* The shortcuts a widget of the app has, each of which is in the shortcuts window: those of
 * its class (gtk_widget_class_add_binding*) whose action is the class's own, by @prefix (the
 * others are GTK's, inherited), and those of controllers the app added to it. */
static void
assert_class_bindings_listed (GHashTable *overlay,
                              GtkWidget  *widget,
                              const char *prefix)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint checked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      gboolean class_shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      class_shortcuts = g_strcmp0 (gtk_event_controller_get_name (controller), "gtk-widget-class-shortcuts") == 0;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (class_shortcuts &&
              !(GTK_IS_NAMED_ACTION (action) &&
                g_str_has_prefix (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), prefix)))
            continue;
          assert_trigger_listed (overlay, gtk_shortcut_get_trigger (shortcut), G_OBJECT_TYPE_NAME (widget));
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 0);
}

static void
test_shortcuts_window (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(CabApplication) application = cab_application_new ();
  g_autoptr(GHashTable) overlay = g_hash_table_new_full (accel_hash, accel_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CabState) state = cab_state_new_default (&error);
  g_auto(GStrv) actions = NULL;
  GtkShortcutsWindow *help;
  CabWindow *window;
  guint n_accels = 0;

  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  window = open_window (application);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  help = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (help);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (help)));
  cab_test_wait_frame (GTK_WIDGET (help));
  collect_overlay_accels (GTK_WIDGET (help), overlay);

  /* Every accelerator of every action, the ones GTK adds (Ctrl+? itself) included. */
  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (application));
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          g_autofree Accel *accel = accel_parse (accels[j]);

          if (!g_hash_table_contains (overlay, accel))
            g_error ("%s (%s) is missing from the shortcuts window", accels[j], actions[i]);
          n_accels++;
        }
    }
  g_assert_true (g_strv_contains ((const char * const *) actions, "win.show-help-overlay"));
  /* The application's sixteen at the time of writing, and GTK's Ctrl+?. */
  g_assert_cmpuint (n_accels, >=, 17);

  /* The window's and the panels' own bindings. */
  assert_class_bindings_listed (overlay, GTK_WIDGET (window), "win.");
  {
    GtkWidget *fields = g_object_ref_sink (cab_fields_page_new (state));
    GtkWidget *authors = g_object_ref_sink (cab_authors_page_new (state));
    GtkWidget *json = g_object_ref_sink (cab_json_page_new (state));
    g_autoptr(CabEventLog) log = cab_event_log_new (100);
    GtkWidget *events = g_object_ref_sink (cab_event_log_view_new (log));

    assert_class_bindings_listed (overlay, fields, "fields.");
    assert_class_bindings_listed (overlay, authors, "authors.");
    assert_class_bindings_listed (overlay, json, "json.");
    assert_class_bindings_listed (overlay, events, "event-log.");
    g_object_unref (fields);
    g_object_unref (authors);
    g_object_unref (json);
    g_object_unref (events);
  }

  gtk_window_destroy (GTK_WINDOW (help));
  gtk_window_destroy (GTK_WINDOW (window));
  cab_test_spin (50);
}

/* --- The About window --------------------------------------------------------------------- */

static AdwAboutWindow *
find_about_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (item))
        return ADW_ABOUT_WINDOW (item);
    }

  return NULL;
}

static void
test_about_window (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(CabApplication) application = cab_application_new ();
  g_autoptr(GError) error = NULL;
  AdwAboutWindow *about;
  CabWindow *window;

  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  window = open_window (application);
  g_assert_null (find_about_window ());

  g_action_group_activate_action (G_ACTION_GROUP (application), "about", NULL);
  about = find_about_window ();
  g_assert_nonnull (about);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (about)));
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APP_ID);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_true (g_str_has_prefix (adw_about_window_get_website (about), "https://"));
  g_assert_true (g_str_has_prefix (adw_about_window_get_issue_url (about), "https://"));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));
  /* The development profile's own id (…Devel) names the icon above; its windows are striped. */
  g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (window), "devel"), ==, g_str_equal (PROFILE, "development"));
  g_assert_cmpstr (gtk_window_get_default_icon_name (), ==, APP_ID);

  gtk_window_destroy (GTK_WINDOW (about));
  gtk_window_destroy (GTK_WINDOW (window));
  cab_test_spin (50);
}

int
main (int   argc,
      char *argv[])
{
  cab_test_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/desktop-manners/size-restored", test_size_restored);
  g_test_add_func ("/desktop-manners/size-saved-on-close", test_size_saved_on_close);
  g_test_add_func ("/desktop-manners/maximized-restored-and-saved", test_maximized_restored_and_saved);
  g_test_add_func ("/desktop-manners/side-pane-page", test_side_pane_page);
  g_test_add_func ("/desktop-manners/start-opens-last-folder", test_start_opens_last_folder);
  g_test_add_func ("/desktop-manners/start-opens-last-url", test_start_opens_last_url);
  g_test_add_func ("/desktop-manners/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/desktop-manners/about-window", test_about_window);

  return g_test_run ();
}
