/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's side of the state: the panels, the lead selector in the header, scenario
 * files (Open, Save, Save As, Reset), undo and redo, and the autosave that keeps what was
 * typed through a close or a crash. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cab-account-page.h"
#include "cab-authors-page.h"
#include "cab-fields-page.h"
#include "cab-integration-page.h"
#include "cab-json-page.h"
#include "cab-lead-page.h"
#include "cab-notifications-page.h"
#include "cab-users-page.h"
#include "cab-window-private.h"

char *
cab_window_autosave_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "cabinet-inspector", "autosave.json", NULL);
}

/* The state of the last session (autosaved), or the default fixture. An autosave that cannot
 * be read is moved aside rather than overwritten, and @restore_error says where it went: it
 * is the user's work. */
CabState *
cab_window_restore_state (GError **restore_error,
                          GError **error)
{
  g_autofree char *path = cab_window_autosave_path ();
  g_autoptr(CabState) state = cab_state_new ();
  g_autoptr(GError) local_error = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *aside = NULL;

      if (cab_state_load_file (state, path, &local_error))
        return g_steal_pointer (&state);

      aside = g_strconcat (path, ".broken", NULL);
      if (g_rename (path, aside) == 0)
        g_set_error (restore_error, local_error->domain, local_error->code,
                     _("The last session’s state could not be read, so the default state is shown. "
                       "The old file was kept as %s. %s"), aside, local_error->message);
      else
        g_set_error (restore_error, local_error->domain, local_error->code,
                     _("The last session’s state could not be read, so the default state is shown: %s"),
                     local_error->message);
    }

  return cab_state_new_default (error);
}

static void
toast (CabWindow  *self,
       const char *title,
       gboolean    offer_undo)
{
  /* A toast's title is Pango markup; messages may hold file names with "&" or "<". */
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *message = adw_toast_new (escaped);

  if (offer_undo)
    {
      adw_toast_set_button_label (message, _("_Undo"));
      adw_toast_set_action_name (message, "win.undo");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, message);
}

void
cab_window_show_message (CabWindow  *self,
                         const char *message)
{
  g_autofree char *escaped = NULL;
  AdwToast *note;

  g_return_if_fail (CAB_IS_WINDOW (self));

  escaped = g_markup_escape_text (message, -1);
  note = adw_toast_new (escaped);
  /* Long enough to read a file name. */
  adw_toast_set_timeout (note, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, note);
}

/* --- The lead selector -------------------------------------------------------------------- */

/* Shows the leads in the header's selector. The list is rebuilt only when the leads or their
 * names changed: replacing the model under the selector while the user picks from it would
 * pull the list out from under its own signal. */
static void
refill_leads (CabWindow *self)
{
  JsonArray *leads = json_node_get_array (cab_state_peek (self->state, "leads"));
  const char *active = cab_state_get_active_lead_id (self->state);
  GListModel *model = gtk_drop_down_get_model (self->lead_dropdown);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  gboolean same = model != NULL && g_list_model_get_n_items (model) == json_array_get_length (leads);
  guint selected = 0;

  for (guint i = 0; i < json_array_get_length (leads); i++)
    {
      JsonObject *entry = json_array_get_object_element (leads, i);
      const char *id = json_object_get_string_member (json_object_get_object_member (entry, "lead"), "id");
      const char *name = json_object_get_string_member (entry, "name");
      /* A lead without a title still needs a name in the list: its id, as amoCRM shows it. */
      char *label = *name != '\0' ? g_strdup (name) : g_strdup_printf (_("Lead #%s"), id);

      g_ptr_array_add (labels, label);
      g_ptr_array_add (ids, g_strdup (id));
      if (g_str_equal (id, active))
        selected = i;
      same = same && i < self->lead_ids->len && g_str_equal (g_ptr_array_index (self->lead_ids, i), id) &&
             g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label);
    }

  self->updating_leads = TRUE;
  if (!same)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      for (guint i = 0; i < labels->len; i++)
        gtk_string_list_append (names, g_ptr_array_index (labels, i));
      g_ptr_array_unref (self->lead_ids);
      self->lead_ids = g_steal_pointer (&ids);
      gtk_drop_down_set_model (self->lead_dropdown, G_LIST_MODEL (names));
    }
  if (gtk_drop_down_get_selected (self->lead_dropdown) != selected)
    gtk_drop_down_set_selected (self->lead_dropdown, selected);
  self->updating_leads = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-lead", json_array_get_length (leads) > 1);
}

static void
on_lead_selected (CabWindow   *self,
                  GParamSpec  *pspec,
                  GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GError) error = NULL;

  if (self->updating_leads || selected >= self->lead_ids->len)
    return;
  if (!cab_state_set_active_lead (self->state, g_ptr_array_index (self->lead_ids, selected), &error))
    toast (self, error->message, FALSE);
}

/* --- Following the model ------------------------------------------------------------------ */

static void
on_state_changed (CabWindow  *self,
                  const char *what,
                  const char *key,
                  CabState   *state)
{
  if (g_str_equal (what, "view") || g_str_equal (what, "active-lead") ||
      g_str_equal (what, "document") || g_str_equal (what, "router"))
    refill_leads (self);

  /* Choosing another lead is looking, not editing: it leaves the file as it was. */
  if (!g_str_equal (what, "active-lead") && !self->state_modified)
    {
      self->state_modified = TRUE;
      cab_window_update_subtitle (self);
    }
}

static void
on_history_changed (CabWindow  *self,
                    GParamSpec *pspec,
                    CabState   *state)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", cab_state_can_undo (state));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", cab_state_can_redo (state));
}

static GtkWidget *ensure_panel (CabWindow  *self,
                                const char *name);

static void
on_open_field (CabWindow  *self,
               const char *field_id)
{
  adw_view_stack_set_visible_child_name (self->panel_stack, "fields");
  cab_fields_page_open_field (CAB_FIELDS_PAGE (ensure_panel (self, "fields")), field_id);
}

/* --- Files -------------------------------------------------------------------------------- */

void
cab_window_set_state_file (CabWindow *self,
                           GFile     *file)
{
  g_return_if_fail (CAB_IS_WINDOW (self));

  g_set_object (&self->state_file, file);
  self->state_modified = FALSE;
  cab_window_update_subtitle (self);
}

/* The file's local path, or NULL and why: the state is read and written with GLib's plain
 * file calls, which only reach local files. */
static char *
local_path (GFile   *file,
            GError **error)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be used"));
  return path;
}

gboolean
cab_window_open_state_file (CabWindow  *self,
                            GFile      *file,
                            GError    **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (CAB_IS_WINDOW (self), FALSE);

  if ((path = local_path (file, error)) == NULL || !cab_state_load_file (self->state, path, error))
    return FALSE;

  cab_window_set_state_file (self, file);
  return TRUE;
}

gboolean
cab_window_save_state_file (CabWindow  *self,
                            GFile      *file,
                            GError    **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (CAB_IS_WINDOW (self), FALSE);

  if ((path = local_path (file, error)) == NULL || !cab_state_save_file (self->state, path, error))
    return FALSE;

  cab_window_set_state_file (self, file);
  return TRUE;
}

/* A file that cannot be used is worth a dialog: the message carries the line and column or
 * the JSON path, which a toast would show too briefly to act on. */
static void
show_file_error (CabWindow  *self,
                 const char *heading,
                 GError     *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkFileFilter *
json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("State files (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  return filter;
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  CabWindow       *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (!cab_window_open_state_file (self, file, &error))
        show_file_error (self, _("The State File Was Not Opened"), error);
      else
        toast (self, _("State opened. The previous state is one undo away."), TRUE);
    }
  g_object_unref (dialog);
}

static void
open_state_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CabWindow *self = CAB_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = json_filter ();

  dialog = gtk_file_chooser_native_new (_("Open State"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_save_response (GtkNativeDialog *dialog,
                  int              response,
                  CabWindow       *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (!cab_window_save_state_file (self, file, &error))
        show_file_error (self, _("The State Was Not Saved"), error);
    }
  g_object_unref (dialog);
}

static void
save_state_as_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CabWindow *self = CAB_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = json_filter ();

  dialog = gtk_file_chooser_native_new (_("Save State"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (self->state_file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), self->state_file, NULL);
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("cabinet-state.json"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_state_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CabWindow *self = CAB_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->state_file == NULL)
    {
      save_state_as_activated (widget, action_name, parameter);
      return;
    }
  if (!cab_window_save_state_file (self, self->state_file, &error))
    show_file_error (self, _("The State Was Not Saved"), error);
}

static void
reset_state_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CabWindow *self = CAB_WINDOW (widget);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = g_resources_lookup_data (RESOURCE_BASE "/fixtures/default-state.json", G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL ||
      !cab_state_load_data (self->state, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            "default-state.json", &error))
    {
      show_file_error (self, _("The Default State Is Broken"), error);
      return;
    }
  toast (self, _("The default state is back"), TRUE);
}

/* --- Edits -------------------------------------------------------------------------------- */

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  cab_state_undo (CAB_WINDOW (widget)->state);
}

static void
redo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  cab_state_redo (CAB_WINDOW (widget)->state);
}

static void
new_lead_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CabWindow *self = CAB_WINDOW (widget);
  g_autofree char *id = cab_state_add_lead (self->state);

  adw_view_stack_set_visible_child_name (self->panel_stack, "lead");
  gtk_widget_set_visible (self->panels, TRUE);
}

static void
duplicate_lead_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CabWindow *self = CAB_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = cab_state_duplicate_lead (self->state, cab_state_get_active_lead_id (self->state), &error);

  if (id == NULL)
    toast (self, error->message, FALSE);
}

static void
remove_lead_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CabWindow *self = CAB_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  /* No confirmation: undo brings the lead back, and the toast says how. */
  if (!cab_state_remove_lead (self->state, cab_state_get_active_lead_id (self->state), &error))
    toast (self, error->message, FALSE);
  else
    toast (self, _("Lead removed"), TRUE);
}

static void
edit_refused_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CabWindow *self = CAB_WINDOW (widget);
  const char *message = g_variant_get_string (parameter, NULL);

  if (*message != '\0')
    gtk_label_set_text (self->refusal_label, message);
  gtk_revealer_set_reveal_child (self->refusal_revealer, *message != '\0');
}

static void
toggle_panels_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CabWindow *self = CAB_WINDOW (widget);

  gtk_widget_set_visible (self->panels, !gtk_widget_get_visible (self->panels));
}

static void
show_panel_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CabWindow *self = CAB_WINDOW (widget);

  gtk_widget_set_visible (self->panels, TRUE);
  adw_view_stack_set_visible_child_name (self->panel_stack, g_variant_get_string (parameter, NULL));
}

/* What the panels still hold, into the state, and the state to disk: the process may end
 * before the editors' or the autosave's timers would fire. */
static void
save_everything (CabWindow *self)
{
  GtkWidget *fields_slot = adw_view_stack_get_child_by_name (self->panel_stack, "fields");
  GtkWidget *fields_page = fields_slot != NULL ? adw_bin_get_child (ADW_BIN (fields_slot)) : NULL;
  g_autoptr(GError) error = NULL;

  if (fields_page != NULL)
    cab_fields_page_flush (CAB_FIELDS_PAGE (fields_page));
  if (self->autosave != NULL && !cab_autosave_flush (self->autosave, &error))
    g_warning ("The state could not be autosaved: %s", error->message);
}

static gboolean
on_close_request (CabWindow *self)
{
  save_everything (self);
  return FALSE;
}

/* --- Set-up ------------------------------------------------------------------------------- */

/* The side pane's pages, in order. Each is built from the state, but Notifications, which
 * fires notifications in the cabinet page. */
static const struct
{
  const char *name;
  const char *title;
  const char *icon_name;
  GtkWidget *(*new_for_state) (CabState *state);
  GtkWidget *(*new_for_cabinet) (CabCabinet *cabinet);
} panels[] = {
  { "account", N_("Account"), "emblem-system-symbolic", cab_account_page_new, NULL },
  { "lead", N_("Lead"), "x-office-address-book-symbolic", cab_lead_page_new, NULL },
  { "fields", N_("Fields"), "view-list-symbolic", cab_fields_page_new, NULL },
  { "authors", N_("Authors"), "system-users-symbolic", cab_authors_page_new, NULL },
  { "users", N_("Users"), "avatar-default-symbolic", cab_users_page_new, NULL },
  { "notifications", N_("Notifications"), "preferences-system-notifications-symbolic", NULL, cab_notifications_page_new },
  { "integration", N_("Integration"), "dialog-password-symbolic", NULL, cab_integration_page_new },
  { "json", N_("JSON"), "text-x-generic-symbolic", cab_json_page_new, NULL },
};

#define PANEL_INDEX_KEY "cab-panel-index"

#define PANELS_DELAY_MS 1500

/* A panel is built the first time it is shown: seven pages (a GtkSourceView, lists of
 * thousands of rows) built up front would hold the window back while the cabinet starts. */
static void
add_panels (CabWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (panels); i++)
    {
      GtkWidget *slot = adw_bin_new ();
      AdwViewStackPage *stack_page;

      g_object_set_data (G_OBJECT (slot), PANEL_INDEX_KEY, GUINT_TO_POINTER (i));
      stack_page = adw_view_stack_add_titled (self->panel_stack, slot, panels[i].name, _(panels[i].title));
      adw_view_stack_page_set_icon_name (stack_page, panels[i].icon_name);
    }
}

/* The page in the panel @name, built now if it was not yet. */
static GtkWidget *
ensure_panel (CabWindow  *self,
              const char *name)
{
  AdwBin *slot = ADW_BIN (adw_view_stack_get_child_by_name (self->panel_stack, name));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (slot), PANEL_INDEX_KEY));
  GtkWidget *page = adw_bin_get_child (slot);

  if (page == NULL)
    {
      page = panels[index].new_for_state != NULL ? panels[index].new_for_state (self->state)
             : panels[index].new_for_cabinet (self->cabinet);
      adw_bin_set_child (slot, page);
      if (CAB_IS_LEAD_PAGE (page))
        g_signal_connect_object (page, "open-field", G_CALLBACK (on_open_field), self, G_CONNECT_SWAPPED);
    }

  return page;
}

/* The page the side pane showed when the app last ran, if this version still has it. */
static const char *
saved_panel (CabWindow *self)
{
  g_autofree char *saved = g_settings_get_string (self->settings, "side-pane-page");

  for (guint i = 0; i < G_N_ELEMENTS (panels); i++)
    if (g_str_equal (saved, panels[i].name))
      return panels[i].name;

  return "lead";
}

static void
on_visible_panel_changed (CabWindow    *self,
                          GParamSpec   *pspec,
                          AdwViewStack *stack)
{
  const char *name = adw_view_stack_get_visible_child_name (stack);

  /* Kept as soon as it changes: there is only one key, and the page last chosen in any window
   * is the one to come back to. */
  if (pspec != NULL && name != NULL)
    g_settings_set_string (self->settings, "side-pane-page", name);

  if (!self->panels_started)
    {
      /* The user chose a panel: that is reason enough to build it now. */
      if (pspec != NULL)
        cab_window_start_panels (self);
      return;
    }
  if (name != NULL)
    ensure_panel (self, name);
}

/* The first panel waits for the widgets to start (or for a moment to pass): building the Lead
 * page costs the UI thread ~250 ms that the cabinet's start-up needs more. */
void
cab_window_start_panels (CabWindow *self)
{
  g_clear_handle_id (&self->panels_timeout, g_source_remove);
  if (self->panels_started)
    return;

  self->panels_started = TRUE;
  on_visible_panel_changed (self, NULL, self->panel_stack);
}

static gboolean
start_panels_timeout (gpointer user_data)
{
  CabWindow *self = user_data;

  self->panels_timeout = 0;
  cab_window_start_panels (self);
  return G_SOURCE_REMOVE;
}

void
cab_window_state_init (CabWindow *self)
{
  g_autofree char *autosave_path = cab_window_autosave_path ();
  int default_width, default_height;

  self->lead_ids = g_ptr_array_new_with_free_func (g_free);
  self->autosave = cab_autosave_new (self->state, autosave_path);

  add_panels (self);
  adw_view_stack_set_visible_child_name (self->panel_stack, saved_panel (self));
  g_signal_connect_object (self->panel_stack, "notify::visible-child-name",
                           G_CALLBACK (on_visible_panel_changed), self, G_CONNECT_SWAPPED);
  self->panels_timeout = g_timeout_add (PANELS_DELAY_MS, start_panels_timeout, self);
  /* The pane opens ~420 px wide at the default window size; the divider can be dragged. */
  gtk_window_get_default_size (GTK_WINDOW (self), &default_width, &default_height);
  gtk_paned_set_position (self->paned, MAX (360, default_width - 420));

  refill_leads (self);
  g_signal_connect_object (self->lead_dropdown, "notify::selected", G_CALLBACK (on_lead_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "changed", G_CALLBACK (on_state_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::can-undo", G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::can-redo", G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);
  on_history_changed (self, NULL, self->state);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);
}

void
cab_window_state_dispose (CabWindow *self)
{
  g_clear_handle_id (&self->panels_timeout, g_source_remove);
  if (self->panel_stack != NULL)
    save_everything (self);
  g_clear_object (&self->autosave);
  g_clear_object (&self->state_file);
  g_clear_pointer (&self->lead_ids, g_ptr_array_unref);
}

void
cab_window_state_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_activated);
  gtk_widget_class_install_action (widget_class, "win.open-state", NULL, open_state_activated);
  gtk_widget_class_install_action (widget_class, "win.save-state", NULL, save_state_activated);
  gtk_widget_class_install_action (widget_class, "win.save-state-as", NULL, save_state_as_activated);
  gtk_widget_class_install_action (widget_class, "win.reset-state", NULL, reset_state_activated);
  gtk_widget_class_install_action (widget_class, "win.new-lead", NULL, new_lead_activated);
  gtk_widget_class_install_action (widget_class, "win.duplicate-lead", NULL, duplicate_lead_activated);
  gtk_widget_class_install_action (widget_class, "win.remove-lead", NULL, remove_lead_activated);
  gtk_widget_class_install_action (widget_class, "win.edit-refused", "s", edit_refused_activated);
  gtk_widget_class_install_action (widget_class, "win.toggle-panels", NULL, toggle_panels_activated);
  gtk_widget_class_install_action (widget_class, "win.show-panel", "s", show_panel_activated);

  /* Not application accelerators: those would win over an entry's own Ctrl+Z. As bindings of
   * the window they run only when the focused widget has nothing of its own to undo. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
}
