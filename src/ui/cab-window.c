/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cab-error.h"
#include "cab-event-log-view.h"
#include "cab-window-private.h"

G_DEFINE_FINAL_TYPE (CabWindow, cab_window, ADW_TYPE_APPLICATION_WINDOW)

#define SPINNER_DELAY_MS 500

enum {
  PROP_0,
  PROP_STATE,
  PROP_EVENT_LOG_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_page_banner (CabWindow  *self,
                  PageBanner  banner,
                  const char *message)
{
  self->page_banner = banner;
  if (banner == PAGE_BANNER_NONE)
    {
      gtk_revealer_set_reveal_child (self->page_revealer, FALSE);
      return;
    }

  gtk_label_set_text (self->page_label, message);
  gtk_button_set_label (self->page_button,
                        banner == PAGE_BANNER_CRASHED ? _("Reload Cabinet") : _("Stop Page"));
  gtk_revealer_set_reveal_child (self->page_revealer, TRUE);
}

static gboolean
show_spinner (gpointer user_data)
{
  CabWindow *self = user_data;

  self->spinner_timeout = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->loading_spinner), TRUE);
  gtk_spinner_set_spinning (self->loading_spinner, TRUE);

  return G_SOURCE_REMOVE;
}

/* The spinner shows only for loads that take a while (HIG): a widget that loads at once must
 * not flash it, and its frames would compete with the cabinet's own start-up. */
static void
set_loading (CabWindow *self,
             gboolean   loading)
{
  if (loading)
    {
      if (self->spinner_timeout == 0 && !gtk_widget_get_visible (GTK_WIDGET (self->loading_spinner)))
        self->spinner_timeout = g_timeout_add (SPINNER_DELAY_MS, show_spinner, self);
      return;
    }

  g_clear_handle_id (&self->spinner_timeout, g_source_remove);
  gtk_spinner_set_spinning (self->loading_spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->loading_spinner), FALSE);
}

/* Every failing widget, by name, with its problem and where it is: the developer must not
 * have to open the Web Inspector to learn why their widget is not there. */
void
cab_window_update_widget_status (CabWindow *self)
{
  GPtrArray *widgets = cab_cabinet_get_widgets (self->cabinet);
  g_autoptr(GString) problems = g_string_new (NULL);
  gboolean loading = FALSE;

  for (guint i = 0; i < widgets->len; i++)
    {
      const CabWidgetInfo *info = g_ptr_array_index (widgets, i);
      g_autofree char *location = NULL;
      g_autofree char *text = NULL;

      loading |= g_strcmp0 (info->state, "loading") == 0;
      if (info->problem == NULL || g_strcmp0 (info->problem->severity, "error") != 0)
        continue;

      location = cab_problem_dup_location (info->problem);
      if (problems->len > 0)
        g_string_append_c (problems, '\n');
      /* Translators: a failing widget in the window's banner: its name, the problem's title,
       * the message, and where in the code it happened. */
      text = g_markup_printf_escaped (_("<b>%s</b>: %s — %s%s%s"),
                                      info->label,
                                      cab_problem_get_title (info->problem),
                                      info->problem->message,
                                      location != NULL ? " · " : "",
                                      location != NULL ? location : "");
      g_string_append (problems, text);
    }

  /* The widgets have started (or failed): the panels may take the UI thread now. */
  if (!loading && widgets->len > 0)
    cab_window_start_panels (self);

  gtk_label_set_markup (self->problems_label, problems->str);
  gtk_revealer_set_reveal_child (self->problems_revealer, problems->len > 0);
  set_loading (self, loading);

  cab_window_update_subtitle (self);
}

/* What runs and what it runs on: the widget (or how many), and the scenario file, with a
 * bullet while it has unsaved edits. */
void
cab_window_update_subtitle (CabWindow *self)
{
  GPtrArray *widgets = cab_cabinet_get_widgets (self->cabinet);
  g_autofree char *what = NULL;
  g_autofree char *subtitle = NULL;

  if (widgets->len > 1)
    what = g_strdup_printf (ngettext ("%u widget", "%u widgets", widgets->len), widgets->len);
  else
    what = g_strdup (self->source_location != NULL ? self->source_location : "");

  if (self->state_file != NULL)
    {
      g_autofree char *name = g_file_get_basename (self->state_file);

      subtitle = g_strdup_printf ("%s%s — %s", self->state_modified ? "• " : "", name, what);
    }

  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : what);
}

static void
on_page_crashed (CabWindow  *self,
                 const char *message,
                 CabCabinet *cabinet)
{
  g_autofree char *text = g_strdup_printf (_("%s. The state and the widgets are kept: reload to start it again."),
                                           message);

  show_page_banner (self, PAGE_BANNER_CRASHED, text);
}

static void
on_responsive_changed (CabWindow  *self,
                       GParamSpec *pspec,
                       CabCabinet *cabinet)
{
  if (cab_cabinet_is_responsive (cabinet))
    {
      if (self->page_banner == PAGE_BANNER_UNRESPONSIVE)
        show_page_banner (self, PAGE_BANNER_NONE, NULL);
      return;
    }

  show_page_banner (self, PAGE_BANNER_UNRESPONSIVE,
                    _("The cabinet page is not responding: a widget may be stuck in an endless loop."));
}

static void
on_open_uri (CabWindow  *self,
             const char *uri,
             CabCabinet *cabinet)
{
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
on_page_button_clicked (CabWindow *self)
{
  if (self->page_banner == PAGE_BANNER_UNRESPONSIVE)
    {
      cab_cabinet_stop_page (self->cabinet);
      return;
    }

  show_page_banner (self, PAGE_BANNER_NONE, NULL);
  cab_cabinet_reload_page (self->cabinet);
}

static void
reload_widgets_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  cab_cabinet_reload_widgets (CAB_WINDOW (widget)->cabinet);
}

static void
reload_cabinet_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CabWindow *self = CAB_WINDOW (widget);

  show_page_banner (self, PAGE_BANNER_NONE, NULL);
  cab_cabinet_reload_page (self->cabinet);
}

static void
show_inspector_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  cab_cabinet_show_inspector (CAB_WINDOW (widget)->cabinet);
}

/* The log view is built the first time it is shown; the log itself records from the start. */
static void
set_event_log_visible (CabWindow *self,
                       gboolean   visible)
{
  GtkWidget *bin = GTK_WIDGET (self->event_log_bin);

  if (gtk_widget_get_visible (bin) == visible)
    return;

  if (visible && adw_bin_get_child (self->event_log_bin) == NULL)
    {
      GtkWidget *view = cab_event_log_view_new (cab_cabinet_get_event_log (self->cabinet));

      gtk_widget_set_name (view, "event-log-view");
      adw_bin_set_child (self->event_log_bin, view);
    }
  gtk_widget_set_visible (bin, visible);
  if (visible)
    {
      int height = gtk_widget_get_height (GTK_WIDGET (self->log_paned));

      /* A third of the window's height to start with; the divider keeps what the user set. */
      if (!self->event_log_sized && height > 0)
        {
          gtk_paned_set_position (self->log_paned, height * 2 / 3);
          self->event_log_sized = TRUE;
        }
      cab_event_log_view_focus_search (CAB_EVENT_LOG_VIEW (adw_bin_get_child (self->event_log_bin)));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT_LOG_VISIBLE]);
}

/* The window opens as it was last closed. Read once here and written once on close, not bound
 * both ways: a binding would write the settings at every step of a resize. */
static void
restore_window_size (CabWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* The default size follows the user's resizes, and keeps the size from before a maximize:
 * the one to come back to when the window is unmaximized next time. */
static void
save_window_size (CabWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
cab_window_close_request (GtkWindow *window)
{
  save_window_size (CAB_WINDOW (window));

  if (GTK_WINDOW_CLASS (cab_window_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (cab_window_parent_class)->close_request (window);
  return FALSE;
}

static void
cab_window_constructed (GObject *object)
{
  CabWindow *self = CAB_WINDOW (object);
  WebKitWebView *view;

  G_OBJECT_CLASS (cab_window_parent_class)->constructed (object);

  self->cabinet = cab_cabinet_new (self->state);
  view = cab_cabinet_get_view (self->cabinet);
  adw_bin_set_child (self->view_bin, GTK_WIDGET (view));

  g_signal_connect_object (self->cabinet, "widgets-changed", G_CALLBACK (cab_window_update_widget_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cabinet, "page-crashed", G_CALLBACK (on_page_crashed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cabinet, "open-uri", G_CALLBACK (on_open_uri), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cabinet, "notify::responsive",
                           G_CALLBACK (on_responsive_changed), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->cabinet, "calling", self->calling_switch, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  cab_window_sources_init (self);
  /* Before the panels: the side pane's width is worked out from the window's. */
  restore_window_size (self);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  /* The page first: its web process starts while the panels are being built. */
  cab_cabinet_load (self->cabinet);
  cab_window_state_init (self);
}

static void
cab_window_dispose (GObject *object)
{
  CabWindow *self = CAB_WINDOW (object);

  g_clear_handle_id (&self->spinner_timeout, g_source_remove);
  g_clear_weak_pointer (&self->source_toast);
  /* The settings' action can outlive the window's action group by a moment (GTK holds it a
   * little longer), and would then tell the freed group of the key's next change. Taken out
   * of the group, it no longer does. */
  g_action_map_remove_action (G_ACTION_MAP (self), "hot-reload");
  cab_window_state_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAB_TYPE_WINDOW);
  g_clear_object (&self->cabinet);
  g_clear_object (&self->state);
  g_clear_object (&self->source_history);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cab_window_parent_class)->dispose (object);
}

static void
cab_window_finalize (GObject *object)
{
  CabWindow *self = CAB_WINDOW (object);

  g_free (self->source_location);
  g_free (self->demo_widget_id);

  G_OBJECT_CLASS (cab_window_parent_class)->finalize (object);
}

static void
cab_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cab_window_parent_class)->realize (widget);

  g_signal_connect_object (gtk_native_get_surface (GTK_NATIVE (widget)), "notify::state",
                           G_CALLBACK (cab_window_update_polling), widget, G_CONNECT_SWAPPED);
}

static void
cab_window_unrealize (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_native_get_surface (GTK_NATIVE (widget)), cab_window_update_polling, widget);

  GTK_WIDGET_CLASS (cab_window_parent_class)->unrealize (widget);
}

static void
cab_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cab_window_parent_class)->map (widget);
  cab_window_update_polling (CAB_WINDOW (widget));
}

static void
cab_window_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cab_window_parent_class)->unmap (widget);
  cab_window_update_polling (CAB_WINDOW (widget));
}

static void
cab_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CabWindow *self = CAB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STATE:
      self->state = g_value_dup_object (value);
      break;
    case PROP_EVENT_LOG_VISIBLE:
      set_event_log_visible (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cab_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CabWindow *self = CAB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_object (value, self->state);
      break;
    case PROP_EVENT_LOG_VISIBLE:
      /* Asked for by the toggle button's action while the template is still being built. */
      g_value_set_boolean (value, self->event_log_bin != NULL && gtk_widget_get_visible (GTK_WIDGET (self->event_log_bin)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cab_window_class_init (CabWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cab_window_constructed;
  object_class->dispose = cab_window_dispose;
  object_class->finalize = cab_window_finalize;
  object_class->set_property = cab_window_set_property;
  object_class->get_property = cab_window_get_property;
  widget_class->realize = cab_window_realize;
  widget_class->unrealize = cab_window_unrealize;
  widget_class->map = cab_window_map;
  widget_class->unmap = cab_window_unmap;
  window_class->close_request = cab_window_close_request;

  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL,
                         CAB_TYPE_STATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The event log under the cabinet (win.toggle-event-log). */
  properties[PROP_EVENT_LOG_VISIBLE] =
    g_param_spec_boolean ("event-log-visible", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/cab-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CabWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CabWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CabWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, CabWindow, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, CabWindow, problems_label);
  gtk_widget_class_bind_template_child (widget_class, CabWindow, page_revealer);
  gtk_widget_class_bind_template_child (widget_class, CabWindow, page_label);
  gtk_widget_class_bind_template_child (widget_class, CabWindow, page_button);
  gtk_widget_class_bind_template_child (widget_class, CabWindow, view_bin);
  gtk_widget_class_bind_template_child (widget_class, CabWindow, log_paned);
  gtk_widget_class_bind_template_child (widget_class, CabWindow, event_log_bin);
  gtk_widget_class_bind_template_child (widget_class, CabWindow, calling_switch);
  gtk_widget_class_bind_template_child (widget_class, CabWindow, lead_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CabWindow, sources_menu);
  gtk_widget_class_bind_template_child (widget_class, CabWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, CabWindow, panels);
  gtk_widget_class_bind_template_child (widget_class, CabWindow, panel_stack);
  gtk_widget_class_bind_template_child (widget_class, CabWindow, refusal_revealer);
  gtk_widget_class_bind_template_child (widget_class, CabWindow, refusal_label);
  gtk_widget_class_bind_template_callback (widget_class, on_page_button_clicked);

  gtk_widget_class_install_action (widget_class, "win.reload-widgets", NULL, reload_widgets_activated);
  gtk_widget_class_install_action (widget_class, "win.reload-cabinet", NULL, reload_cabinet_activated);
  gtk_widget_class_install_action (widget_class, "win.show-inspector", NULL, show_inspector_activated);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-event-log", "event-log-visible");
  cab_window_sources_class_init (widget_class);
  cab_window_state_class_init (widget_class);
}

static void
cab_window_init (CabWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CabWindow *
cab_window_new (CabApplication *application,
                CabState       *state)
{
  return g_object_new (CAB_TYPE_WINDOW,
                       "application", application,
                       "state", state,
                       NULL);
}

CabCabinet *
cab_window_get_cabinet (CabWindow *self)
{
  g_return_val_if_fail (CAB_IS_WINDOW (self), NULL);
  return self->cabinet;
}
