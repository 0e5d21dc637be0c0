/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cab-application.h"
#include "cab-check-command.h"
#include "cab-state.h"
#include "cab-widget-source.h"
#include "cab-window.h"

struct _CabApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (CabApplication, cab_application, ADW_TYPE_APPLICATION)

/* The bundled demo widget: installed beside the app, or, when run from the build tree,
 * straight from the sources. */
static char *
find_demo_widget (void)
{
  if (g_file_test (DEMO_WIDGET_DIR "/personal_page.js", G_FILE_TEST_IS_REGULAR))
    return g_strdup (DEMO_WIDGET_DIR);
  if (g_file_test (SOURCE_DEMO_WIDGET_DIR "/personal_page.js", G_FILE_TEST_IS_REGULAR))
    return g_strdup (SOURCE_DEMO_WIDGET_DIR);

  return NULL;
}

/* With no WIDGET, the widget the user had open last: a restart picks up where they were. A
 * folder or file that is gone, or no longer holds a widget, gives way to the demo, and @notice
 * says why; a URL is taken as it is, since its server may only be starting. */
static CabWidgetSource *
last_widget_source (char **notice)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *uri = g_settings_get_string (settings, "last-widget-source");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  CabWidgetSource *source;

  if (*uri == '\0')
    return NULL;

  /* A path, so that the window and any error name the folder as the user knows it. */
  if (g_str_has_prefix (uri, "file:"))
    path = g_filename_from_uri (uri, NULL, NULL);
  source = cab_widget_source_new_for_argument (path != NULL ? path : uri, &error);
  if (source == NULL)
    {
      *notice = g_strdup_printf (_("The last widget could not be opened again, so the demo widget runs instead. %s"),
                                 error->message);
      /* Said once: the next start goes straight to the demo. */
      g_settings_reset (settings, "last-widget-source");
    }

  return source;
}

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { "state", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Start with the state in FILE (a JSON state file; Save writes back to it). With --check: each widget "
       "starts with it"), N_("FILE") },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check each WIDGET headless, as a CI job does, and report what went wrong (no window; a display is "
       "still needed, e.g. xvfb-run)"), NULL },
  { "scenario", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --check: run the steps in FILE instead of the default ones"), N_("FILE") },
  /* A string: GApplication leaves out of the options an integer option given as 0. */
  { "timeout", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --check: how long a widget may take to start and each step to settle (default 10000)"), N_("MS") },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --check: the report’s format: text (the default), json or junit"), N_("FORMAT") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --check: write the report to FILE instead of the standard output"), N_("FILE") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[WIDGET…]") },
  { NULL }
};

/* GApplication ends with status 1 on options it cannot parse, and --check promises 2 for
 * every mistake in the command (1 means a widget has errors): a check's command line is
 * parsed here first, with the same options. */
static gboolean
parse_check_options (char    **arguments,
                     GError  **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autofree GOptionEntry *entries = g_memdup2 (option_entries, sizeof option_entries);
  g_auto(GStrv) copy = g_strdupv (arguments);
  /* Somewhere for each value to go; only whether they parse matters here. */
  union { gboolean flag; char *text; char **list; } values[G_N_ELEMENTS (option_entries)] = { 0 };
  gboolean parsed;

  for (guint i = 0; entries[i].long_name != NULL; i++)
    entries[i].arg_data = &values[i];
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  parsed = g_option_context_parse_strv (context, &copy, error);

  for (guint i = 0; entries[i].long_name != NULL; i++)
    if (entries[i].arg == G_OPTION_ARG_FILENAME_ARRAY)
      g_strfreev (values[i].list);
    else if (entries[i].arg != G_OPTION_ARG_NONE)
      g_free (values[i].text);

  return parsed;
}

/* --help, --help-all, -h, -?: GApplication's own help, whatever else the line holds. */
static gboolean
asks_for_help (char **arguments)
{
  for (guint i = 1; arguments[i] != NULL; i++)
    if (g_str_has_prefix (arguments[i], "--help") || g_str_equal (arguments[i], "-h") ||
        g_str_equal (arguments[i], "-?"))
      return TRUE;

  return FALSE;
}

static gboolean
cab_application_local_command_line (GApplication   *application,
                                    char         ***arguments,
                                    int            *exit_status)
{
  g_autoptr(GError) error = NULL;

  if (g_strv_contains ((const char * const *) *arguments, "--check") && !asks_for_help (*arguments))
    {
      if (!parse_check_options (*arguments, &error))
        {
          g_printerr ("cabinet-inspector --check: %s (see --help)\n", error->message);
          *exit_status = 2;
          return TRUE;
        }
      /* Without a display GTK would only warn "cannot open display" and the run would end
       * with 1, which a CI job reads as "the widget has errors". */
      if (!gtk_init_check ())
        {
          g_printerr ("cabinet-inspector --check: %s\n",
                      _("no display to run the cabinet page on. The check shows no window, but WebKit "
                        "needs a display: run it under xvfb-run, e.g. xvfb-run -a cabinet-inspector --check WIDGET"));
          *exit_status = 2;
          return TRUE;
        }
    }

  return G_APPLICATION_CLASS (cab_application_parent_class)->local_command_line (application, arguments, exit_status);
}

static gint
cab_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("cabinet-inspector %s\n", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static const char * const CHECK_ONLY_OPTIONS[] = { "scenario", "timeout", "format", "output" };

static int
cab_application_command_line (GApplication            *application,
                              GApplicationCommandLine *command_line)
{
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree const char **arguments = NULL;
  g_autofree char *argument = NULL;
  g_autoptr(CabWidgetSource) source = NULL;
  g_autoptr(CabState) state = NULL;
  g_autoptr(GFile) state_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) restore_error = NULL;
  g_autofree char *notice = NULL;
  const char *state_argument = NULL;
  gboolean demo = FALSE;
  CabWindow *window;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &arguments);
  if (g_variant_dict_contains (options, "check"))
    return cab_check_command_run (command_line, options, arguments);
  for (guint i = 0; i < G_N_ELEMENTS (CHECK_ONLY_OPTIONS); i++)
    if (g_variant_dict_contains (options, CHECK_ONLY_OPTIONS[i]))
      {
        g_application_command_line_printerr (command_line, _("--%s goes with --check (see --help)\n"),
                                             CHECK_ONLY_OPTIONS[i]);
        return 2;
      }

  if (arguments != NULL && g_strv_length ((char **) arguments) > 1)
    {
      g_application_command_line_printerr (command_line,
                                           _("Give one widget at a time (see --help)\n"));
      return 2;
    }

  if (arguments != NULL && arguments[0] != NULL)
    {
      g_autoptr(GFile) file = NULL;

      /* Paths are relative to the directory the command ran in; URLs are taken as they are. */
      if (g_str_has_prefix (arguments[0], "http://") || g_str_has_prefix (arguments[0], "https://"))
        argument = g_strdup (arguments[0]);
      else
        {
          file = g_application_command_line_create_file_for_arg (command_line, arguments[0]);
          argument = g_file_get_path (file);
          if (argument == NULL)
            argument = g_strdup (arguments[0]);
        }
    }
  else
    {
      source = last_widget_source (&notice);
    }

  if (source == NULL && argument == NULL)
    {
      argument = find_demo_widget ();
      demo = TRUE;
      if (argument == NULL)
        {
          g_application_command_line_printerr (command_line,
                                               _("The bundled demo widget is missing from this installation\n"));
          return 1;
        }
    }

  if (source == NULL)
    source = cab_widget_source_new_for_argument (argument, &error);
  if (source == NULL)
    {
      g_application_command_line_printerr (command_line, "%s\n", error->message);
      return 2;
    }

  if (g_variant_dict_lookup (options, "state", "^&ay", &state_argument))
    {
      g_autofree char *state_path = NULL;

      state_file = g_application_command_line_create_file_for_arg (command_line, state_argument);
      state_path = g_file_get_path (state_file);
      if (state_path == NULL)
        {
          g_application_command_line_printerr (command_line, "%s\n", _("Only local files can be opened"));
          return 2;
        }
      state = cab_state_new ();
      if (!cab_state_load_file (state, state_path, &error))
        {
          g_application_command_line_printerr (command_line, "%s\n", error->message);
          return 2;
        }
    }
  else
    {
      state = cab_window_restore_state (&restore_error, &error);
      if (state == NULL)
        {
          g_application_command_line_printerr (command_line, _("The default state is broken: %s\n"), error->message);
          return 1;
        }
    }

  window = cab_window_new (CAB_APPLICATION (application), state);
  if (state_file != NULL)
    cab_window_set_state_file (window, state_file);
  if (restore_error != NULL)
    cab_window_show_message (window, restore_error->message);
  if (notice != NULL)
    cab_window_show_message (window, notice);
  if (demo)
    cab_window_add_demo_widget (window, source);
  else
    cab_window_add_widget (window, source);
  gtk_window_present (GTK_WINDOW (window));

  return 0;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Closing each window (rather than quitting the loop under them) lets them save what the
   * panels hold and write the autosave; the application ends with its last window. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  g_autofree char *release_notes = NULL;
  GtkWidget *about;

  /* AdwAboutWindow's release notes are AppStream markup: one paragraph, escaped. */
  release_notes = g_markup_printf_escaped ("<p>%s</p>",
                                           _("The first release: load a widget from a folder, a script file or a "
                                             "development server into the mock cabinet, edit the lead and its fields, "
                                             "follow the event log, reload on change, and check widgets headlessly in "
                                             "continuous integration."));

  /* The icon is the profile's application id: a development build shows its own. */
  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", parent != NULL,
                        "application-name", _("Cabinet Inspector"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Test amoCRM widgets without a live account"),
                        "developer-name", _("Cabinet Inspector developers"),
                        "copyright", _("© 2026 Cabinet Inspector developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/cabinet-inspector/cabinet-inspector",
                        "issue-url", "https://github.com/cabinet-inspector/cabinet-inspector/issues",
                        /* Translators: your names, one per line, shown in the About window. */
                        "translator-credits", _("translator-credits"),
                        "release-notes-version", PACKAGE_VERSION,
                        "release-notes", release_notes,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
cab_application_startup (GApplication *application)
{
  static const GActionEntry actions[] = {
    { .name = "quit", .activate = quit_activated },
    { .name = "about", .activate = about_activated },
  };
  static const struct { const char *action; const char *accels[4]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.reload-widgets", { "<Control>r", "F5", NULL } },
    { "win.reload-cabinet", { "<Control><Shift>r", "<Shift>F5", NULL } },
    { "win.show-inspector", { "<Control><Shift>i", "F12", NULL } },
    { "win.open-state", { "<Control>o", NULL } },
    { "win.open-folder", { "<Control><Shift>o", NULL } },
    { "win.open-url", { "<Control>l", NULL } },
    { "win.save-state", { "<Control>s", NULL } },
    { "win.save-state-as", { "<Control><Shift>s", NULL } },
    { "win.toggle-panels", { "F9", NULL } },
    { "win.toggle-event-log", { "<Control>F9", NULL } },
    { "win.new-lead", { "<Control>n", NULL } },
  };

  G_APPLICATION_CLASS (cab_application_parent_class)->startup (application);

  /* Every window's icon, under the profile's id (a development build has its own icon). */
  gtk_window_set_default_icon_name (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (application), actions, G_N_ELEMENTS (actions), application);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application), accels[i].action, accels[i].accels);
}

static void
cab_application_class_init (CabApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->local_command_line = cab_application_local_command_line;
  app_class->handle_local_options = cab_application_handle_local_options;
  app_class->command_line = cab_application_command_line;
  app_class->startup = cab_application_startup;
}

static void
cab_application_init (CabApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
    _("Runs an amoCRM client-cabinet widget in a faithful mock of the client cabinet.\n"
      "\n"
      "WIDGET is one of:\n"
      "  a widget folder     with manifest.json and personal_page.js\n"
      "  a .js file          an AMD module, as personal_page.js is\n"
      "  an http(s) URL      e.g. a dev server: http://localhost:3000/personal_page.js\n"
      "Without WIDGET the bundled demo widget runs. The window takes one WIDGET; --check, any number."));
  g_application_set_option_context_description (G_APPLICATION (self),
    _("Examples:\n"
      "  cabinet-inspector ~/src/my-widget\n"
      "  cabinet-inspector http://localhost:3000/personal_page.js\n"
      "  xvfb-run -a cabinet-inspector --check --format junit --output report.xml ~/src/my-widget\n"
      "\n"
      "--check exits with 0 when no widget has an error, 1 when one has, and 2 when the command\n"
      "itself is wrong (an unreadable scenario or state file, an option's bad value).\n"
      "\n"
      "In the cabinet, window.AMOCRM.developer.addWidget({ script, token }) adds more widgets\n"
      "from the Web Inspector's console (Ctrl+Shift+I)."));
}

CabApplication *
cab_application_new (void)
{
  /* Not unique: every run is an independent cabinet with its own widget, as a developer
   * running two widgets side by side expects, and it needs no session bus (CI has none). */
  return g_object_new (CAB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
