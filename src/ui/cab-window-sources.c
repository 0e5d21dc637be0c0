/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's widget sources: opening a folder, a script or a URL, the recent sources, and
 * the hot-reload settings the cabinet follows. */
#include "config.h"

#include <glib/gi18n.h>

#include "cab-error.h"
#include "cab-url-dialog.h"
#include "cab-window-private.h"

/* As the schema keeps them: URLs as they are, local folders and files as file:// URIs. */
static char *
source_uri (CabWidgetSource *source)
{
  const char *location = cab_widget_source_get_location (source);

  if (cab_widget_source_get_kind (source) == CAB_WIDGET_SOURCE_URL)
    return g_strdup (location);

  return g_filename_to_uri (location, NULL, NULL);
}

static gboolean
add_source (CabWindow        *self,
            CabWidgetSource  *source,
            gboolean          demo,
            GError          **error)
{
  g_autofree char *id = NULL;
  g_autofree char *uri = NULL;

  id = cab_cabinet_add_widget (self->cabinet, source, error);
  if (id == NULL)
    {
      g_prefix_error (error, _("“%s” was not opened: "), cab_widget_source_get_location (source));
      return FALSE;
    }

  if (demo)
    {
      g_free (self->demo_widget_id);
      self->demo_widget_id = g_steal_pointer (&id);
    }
  else
    {
      /* The demo only stood in for a widget of the user's own; several of theirs side by
       * side are a feature, the demo among them would be clutter. */
      if (self->demo_widget_id != NULL)
        {
          cab_cabinet_remove_widget (self->cabinet, self->demo_widget_id);
          g_clear_pointer (&self->demo_widget_id, g_free);
        }
      uri = source_uri (source);
      if (uri != NULL)
        {
          cab_source_history_add (self->source_history, uri);
          g_settings_set_string (self->settings, "last-widget-source", uri);
        }
    }

  g_free (self->source_location);
  self->source_location = g_strdup (cab_widget_source_get_location (source));
  cab_window_update_widget_status (self);

  return TRUE;
}

/* A recent folder or file that was moved or deleted will not come back by itself: it leaves
 * the list, and @error says so instead of only that it does not exist. */
static void
forget_vanished_source (CabWindow   *self,
                        const char  *location,
                        GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *name = NULL;

  if (g_str_has_prefix (location, "http://") || g_str_has_prefix (location, "https://"))
    return;

  file = g_file_new_for_commandline_arg (location);
  if (!g_file_is_native (file) || g_file_query_exists (file, NULL))
    return;

  uri = g_file_get_uri (file);
  if (!cab_source_history_remove (self->source_history, uri))
    return;

  name = g_file_get_parse_name (file);
  g_clear_error (error);
  g_set_error (error, CAB_ERROR, CAB_ERROR_INVALID_SOURCE,
               _("“%s” is no longer there, so it was removed from the recent widgets"), name);
}

gboolean
cab_window_open_source (CabWindow   *self,
                        const char  *location,
                        GError     **error)
{
  g_autoptr(CabWidgetSource) source = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CAB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (location != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  source = cab_widget_source_new_for_argument (location, &local_error);
  if (source == NULL)
    {
      forget_vanished_source (self, location, &local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return add_source (self, source, FALSE, error);
}

static void
forget_source_toast (CabWindow *self)
{
  g_clear_weak_pointer (&self->source_toast);
}

/* One refusal at a time, the latest: an older one is about a location the user has moved on
 * from, so a toast still up says the new reason instead. It stays until dismissed, long enough
 * to read a path. */
static void
show_source_error (CabWindow    *self,
                   const GError *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast;

  if (self->source_toast != NULL)
    {
      adw_toast_set_title (self->source_toast, escaped);
      return;
    }

  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 0);
  g_set_weak_pointer (&self->source_toast, toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (forget_source_toast), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
open_source_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CabWindow *self = CAB_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!cab_window_open_source (self, g_variant_get_string (parameter, NULL), &error))
    show_source_error (self, error);
}

static void
on_source_chosen (GtkNativeDialog *dialog,
                  int              response,
                  CabWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *uri = g_file_get_uri (file);

      /* The path when there is one: error messages name it as the user knows it. */
      gtk_widget_activate_action (GTK_WIDGET (self), "win.open-source", "s", path != NULL ? path : uri);
    }
  g_object_unref (dialog);
}

/* The file chooser starts beside the last widget opened from this computer: the next one is
 * most likely its sibling, or the same one rebuilt. */
static void
choose_source (CabWindow            *self,
               const char           *title,
               GtkFileChooserAction  action,
               GtkFileFilter        *filter)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-widget-source");
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, _("_Open"), _("_Cancel"));
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (g_str_has_prefix (last, "file:"))
    {
      g_autoptr(GFile) file = g_file_new_for_uri (last);
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (folder != NULL && g_file_query_exists (folder, NULL))
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_source_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_folder_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  choose_source (CAB_WINDOW (widget), _("Open Widget Folder"), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, NULL);
}

static void
open_script_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Widget scripts (JavaScript)"));
  gtk_file_filter_add_mime_type (filter, "text/javascript");
  gtk_file_filter_add_mime_type (filter, "application/javascript");
  gtk_file_filter_add_suffix (filter, "js");
  choose_source (CAB_WINDOW (widget), _("Open Widget Script"), GTK_FILE_CHOOSER_ACTION_OPEN, filter);
}

static void
on_url_chosen (CabUrlDialog *dialog,
               const char   *response,
               CabWindow    *self)
{
  g_autofree char *url = cab_url_dialog_dup_url (dialog);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-source", "s", url);
}

static void
open_url_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CabWindow *self = CAB_WINDOW (widget);
  CabUrlDialog *dialog = cab_url_dialog_new (GTK_WINDOW (self), self->settings);

  g_signal_connect_object (dialog, "response::open", G_CALLBACK (on_url_chosen), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
clear_recent_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  cab_source_history_clear (CAB_WINDOW (widget)->source_history);
}

static void
on_recent_changed (CabWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-recent",
                                 !cab_source_history_is_empty (self->source_history));
}

/* Polling a dev server costs it requests and the computer its battery, for changes nobody
 * sees while the window is hidden or minimized; the next poll catches up when it shows. */
void
cab_window_update_polling (CabWindow *self)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  gboolean shown = gtk_widget_get_mapped (GTK_WIDGET (self));

  if (self->cabinet == NULL)
    return;

  if (shown && GDK_IS_TOPLEVEL (surface))
    shown = (gdk_toplevel_get_state (GDK_TOPLEVEL (surface)) & GDK_TOPLEVEL_STATE_MINIMIZED) == 0;
  cab_cabinet_set_polling_paused (self->cabinet, !shown);
}

/* The settings the cabinet follows, and the header bar's sources menu. */
void
cab_window_sources_init (CabWindow *self)
{
  g_autoptr(GAction) hot_reload = NULL;

  self->settings = g_settings_new (APP_ID);
  self->source_history = cab_source_history_new (self->settings);
  g_settings_bind (self->settings, "hot-reload", self->cabinet, "hot-reload", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "poll-interval-ms", self->cabinet, "poll-interval", G_SETTINGS_BIND_DEFAULT);

  /* A stateful "win.hot-reload" whose state is the key: the menu shows it as a check item. */
  hot_reload = g_settings_create_action (self->settings, "hot-reload");
  g_action_map_add_action (G_ACTION_MAP (self), hot_reload);

  g_menu_insert_section (self->sources_menu, 1, _("Recent"), cab_source_history_get_menu (self->source_history));
  g_signal_connect_object (self->settings, "changed::recent-widget-sources",
                           G_CALLBACK (on_recent_changed), self, G_CONNECT_SWAPPED);
  on_recent_changed (self);

  /* Nothing to poll for until the window shows. */
  cab_cabinet_set_polling_paused (self->cabinet, TRUE);
}

static void
add_source_or_say_why (CabWindow       *self,
                       CabWidgetSource *source,
                       gboolean         demo)
{
  g_autoptr(GError) error = NULL;

  if (!add_source (self, source, demo, &error))
    show_source_error (self, error);
}

void
cab_window_add_widget (CabWindow       *self,
                       CabWidgetSource *source)
{
  g_return_if_fail (CAB_IS_WINDOW (self));
  g_return_if_fail (CAB_IS_WIDGET_SOURCE (source));

  add_source_or_say_why (self, source, FALSE);
}

void
cab_window_add_demo_widget (CabWindow       *self,
                            CabWidgetSource *source)
{
  g_return_if_fail (CAB_IS_WINDOW (self));
  g_return_if_fail (CAB_IS_WIDGET_SOURCE (source));

  add_source_or_say_why (self, source, TRUE);
}

void
cab_window_sources_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-source", "s", open_source_activated);
  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_folder_activated);
  gtk_widget_class_install_action (widget_class, "win.open-script", NULL, open_script_activated);
  gtk_widget_class_install_action (widget_class, "win.open-url", NULL, open_url_activated);
  gtk_widget_class_install_action (widget_class, "win.clear-recent", NULL, clear_recent_activated);
}
