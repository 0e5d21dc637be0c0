/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The notifications page of the side pane: APP.notifications (SPEC §3) from the app's side.
 * A telephony widget reacts to calls it cannot get in the cabinet, and its error path runs
 * only when its server is down; this page fires both notifications on demand, plays the
 * server that add_error() saves to (failing at will), forgets the closed errors the cabinet
 * would otherwise never show again, and lists what the cabinet showed, whoever fired it.
 * The forms keep what was typed, so one notification can be fired again and again. */
#include "config.h"

#include <glib/gi18n.h>

#include "cab-event.h"
#include "cab-notifications-page.h"
#include "cab-panel-util.h"
#include "cab-url.h"

struct _CabNotificationsPage
{
  AdwBin          parent_instance;

  CabCabinet     *cabinet;
  /* The cabinet's notifications, oldest first, and the same items newest first for the list:
   * GTK 4.8 has no model that reverses another. */
  GListModel     *notifications;
  GListStore     *newest_first;
  GBinding       *server_fails_binding;

  AdwEntryRow    *from_row;
  AdwEntryRow    *to_row;
  AdwActionRow   *duration_row;
  GtkSpinButton  *duration_spin;
  AdwEntryRow    *link_row;
  AdwEntryRow    *call_text_row;
  AdwComboRow    *element_type_row;
  AdwEntryRow    *element_id_row;
  GtkLabel       *call_error_label;
  AdwEntryRow    *header_row;
  AdwEntryRow    *error_text_row;
  GtkSwitch      *server_fails_switch;
  AdwActionRow   *remembered_row;
  GtkLabel       *error_error_label;
  GtkListBox     *shown_list;
};

G_DEFINE_FINAL_TYPE (CabNotificationsPage, cab_notifications_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CABINET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* n_data.element.type for each position of the Element row; None (0) leaves element out. */
static const char * const element_types[] = { NULL, "contact", "lead", "company" };

#define MAX_DURATION 86400

/* Why the cabinet did not fire, below the group's button; hidden after a notification was
 * fired. */
static void
show_fire_error (GtkLabel   *label,
                 const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static gint64
now_in_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* --- The list of shown notifications ------------------------------------------------------ */

static const char *
icon_for (CabEvent *event)
{
  const char *name = cab_event_get_name (event);

  if (g_strcmp0 (name, "call") == 0)
    return "call-start-symbolic";
  if (g_strcmp0 (name, "error") == 0 || g_strcmp0 (name, "message-error") == 0)
    return "dialog-error-symbolic";
  return "dialog-information-symbolic";
}

static GtkWidget *
create_shown_row (gpointer item,
                  gpointer user_data)
{
  CabEvent *event = CAB_EVENT (item);
  const char *message = cab_event_get_message (event);
  const char *who = cab_event_get_widget_label (event);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_for (event));
  GtkWidget *time_label;
  g_autoptr(GDateTime) moment = g_date_time_new_from_unix_local ((gint64) (cab_event_get_time (event) / 1000));
  g_autofree char *time_text = moment != NULL ? g_date_time_format (moment, "%H:%M:%S") : g_strdup ("");
  g_autofree char *subtitle = NULL;

  if (who == NULL || *who == '\0')
    who = cab_event_get_widget_id (event);
  if (who == NULL || *who == '\0')
    subtitle = g_strdup (_("Fired from this panel"));
  else
    /* Translators: who fired a notification, e.g. “by localhost:3000”. */
    subtitle = g_strdup_printf (_("by %s"), who);

  /* What a widget sent is text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 message != NULL && *message != '\0' ? message : cab_event_get_name (event));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_widget_set_tooltip_text (row, message);

  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  if (g_str_equal (icon_for (event), "dialog-error-symbolic"))
    gtk_widget_add_css_class (icon, "error");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  time_label = gtk_label_new (time_text);
  gtk_widget_set_valign (time_label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (time_label, "numeric");
  gtk_widget_add_css_class (time_label, "dim-label");
  gtk_widget_add_css_class (time_label, "caption");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), time_label);

  return row;
}

/* Mirrors a change of the cabinet's list (oldest first) into newest_first: source position
 * i is mirror position n - 1 - i, so the changed range is a range there too, reversed. */
static void
on_notifications_changed (CabNotificationsPage *self,
                          guint                 position,
                          guint                 removed,
                          guint                 added,
                          GListModel           *model)
{
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (self->newest_first));
  g_autofree gpointer *items = g_new0 (gpointer, MAX (added, 1));

  g_return_if_fail (position + removed <= old_n);

  for (guint i = 0; i < added; i++)
    items[added - 1 - i] = g_list_model_get_item (model, position + i);
  g_list_store_splice (self->newest_first, old_n - position - removed, removed, items, added);
  for (guint i = 0; i < added; i++)
    g_object_unref (items[i]);
}

/* --- Firing -------------------------------------------------------------------------------- */

/* The duration as typed (not yet taken by the spin button when Enter fires), or -1 with the
 * row marked. */
static gint64
read_duration (CabNotificationsPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->duration_spin))));
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, MAX_DURATION, &value, NULL))
    {
      g_autofree char *message =
        /* Translators: the call's duration was not a whole number of seconds in range. */
        g_strdup_printf (_("The duration is a whole number of seconds from 0 to %d: “%s”"), MAX_DURATION, text);

      cab_panel_row_set_error (GTK_WIDGET (self->duration_row), message);
      return -1;
    }

  gtk_spin_button_set_value (self->duration_spin, value);
  return value;
}

/* n_data.element, or NULL when None is chosen or the id is not valid (then the row says so
 * and @valid is FALSE). */
static JsonNode *
read_element (CabNotificationsPage *self,
              gboolean             *valid)
{
  guint selected = adw_combo_row_get_selected (self->element_type_row);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->element_id_row));
  g_autoptr(JsonBuilder) builder = NULL;
  guint64 id;

  *valid = TRUE;
  if (selected == 0 || selected >= G_N_ELEMENTS (element_types))
    return NULL;

  /* amoCRM's entity ids are positive numbers, and add_call links to the entity by it. */
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("An element ID is a positive whole number: “%s”"), text);

      cab_panel_row_set_error (GTK_WIDGET (self->element_id_row), message);
      *valid = FALSE;
      return NULL;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, (gint64) id);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, element_types[selected]);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
fire (CabNotificationsPage *self,
      const char           *kind,
      JsonObject           *data,
      GtkLabel             *error_label)
{
  g_autoptr(GError) error = NULL;

  if (!cab_cabinet_fire_notification (self->cabinet, kind, data, &error))
    {
      show_fire_error (error_label, error->message);
      return;
    }
  show_fire_error (error_label, NULL);
}

static void
fire_call_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CabNotificationsPage *self = CAB_NOTIFICATIONS_PAGE (widget);
  const char *link = gtk_editable_get_text (GTK_EDITABLE (self->link_row));
  g_autoptr(JsonObject) data = NULL;
  g_autoptr(JsonNode) element = NULL;
  g_autoptr(GError) link_error = NULL;
  gboolean element_valid, link_valid;
  gint64 duration;

  /* Every field is checked, so that all the wrong ones are marked at once. */
  duration = read_duration (self);
  element = read_element (self, &element_valid);
  link_valid = cab_url_check (link, &link_error);
  if (!link_valid)
    cab_panel_row_set_error (GTK_WIDGET (self->link_row), link_error->message);
  if (duration < 0 || !element_valid || !link_valid)
    return;

  data = json_object_new ();
  json_object_set_string_member (data, "from", gtk_editable_get_text (GTK_EDITABLE (self->from_row)));
  json_object_set_string_member (data, "to", gtk_editable_get_text (GTK_EDITABLE (self->to_row)));
  json_object_set_int_member (data, "duration", duration);
  json_object_set_string_member (data, "link", link);
  json_object_set_string_member (data, "text", gtk_editable_get_text (GTK_EDITABLE (self->call_text_row)));
  json_object_set_int_member (data, "date", now_in_seconds ());
  if (element != NULL)
    json_object_set_member (data, "element", g_steal_pointer (&element));

  fire (self, "call", data, self->call_error_label);
}

static void
fire_error_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CabNotificationsPage *self = CAB_NOTIFICATIONS_PAGE (widget);
  g_autoptr(JsonObject) data = json_object_new ();

  json_object_set_string_member (data, "header", gtk_editable_get_text (GTK_EDITABLE (self->header_row)));
  json_object_set_string_member (data, "text", gtk_editable_get_text (GTK_EDITABLE (self->error_text_row)));
  json_object_set_int_member (data, "date", now_in_seconds ());

  fire (self, "error", data, self->error_error_label);
}

static void
forget_errors_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CabNotificationsPage *self = CAB_NOTIFICATIONS_PAGE (widget);

  cab_cabinet_forget_errors (self->cabinet);
}

/* --- Signals ------------------------------------------------------------------------------- */

static void
update_remembered (CabNotificationsPage *self)
{
  guint n = cab_cabinet_get_remembered_errors (self->cabinet);
  g_autofree char *subtitle = NULL;

  if (n == 0)
    subtitle = g_strdup (_("None: every error notification is shown"));
  else
    subtitle = g_strdup_printf (ngettext ("%u closed error is not shown again",
                                          "%u closed errors are not shown again", n), n);
  adw_action_row_set_subtitle (self->remembered_row, subtitle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notifications.forget-errors", n > 0);
}

static void
on_row_changed (CabNotificationsPage *self,
                GtkEditable          *row)
{
  cab_panel_row_clear_error (GTK_WIDGET (row));
}

static void
on_duration_changed (CabNotificationsPage *self)
{
  cab_panel_row_clear_error (GTK_WIDGET (self->duration_row));
}

static void
on_element_type_selected (CabNotificationsPage *self)
{
  gboolean has_element = adw_combo_row_get_selected (self->element_type_row) != 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->element_id_row), has_element);
  if (!has_element)
    cab_panel_row_clear_error (GTK_WIDGET (self->element_id_row));
}

/* Enter in a field fires its group's notification, as the button does. */
static void
on_call_activate (CabNotificationsPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "notifications.fire-call", NULL);
}

static void
on_error_activate (CabNotificationsPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "notifications.fire-error", NULL);
}

/* --- GObject ------------------------------------------------------------------------------- */

/* The call goes to the account's first user, as a real one would go to a manager. */
static char *
dup_first_user_name (CabNotificationsPage *self)
{
  g_autoptr(CabState) state = NULL;
  JsonNode *users;
  JsonObjectIter iter;
  const char *id;
  JsonNode *node;

  g_object_get (self->cabinet, "state", &state, NULL);
  users = state != NULL ? cab_state_peek (state, "users") : NULL;
  if (users == NULL || !JSON_NODE_HOLDS_OBJECT (users))
    return NULL;

  json_object_iter_init_ordered (&iter, json_node_get_object (users));
  while (json_object_iter_next_ordered (&iter, &id, &node))
    {
      JsonNode *name = JSON_NODE_HOLDS_OBJECT (node) ? json_object_get_member (json_node_get_object (node), "name") : NULL;

      if (name != NULL && json_node_get_value_type (name) == G_TYPE_STRING && *json_node_get_string (name) != '\0')
        return g_strdup (json_node_get_string (name));
    }

  return NULL;
}

static void
cab_notifications_page_constructed (GObject *object)
{
  CabNotificationsPage *self = CAB_NOTIFICATIONS_PAGE (object);
  g_autofree char *to = NULL;

  G_OBJECT_CLASS (cab_notifications_page_parent_class)->constructed (object);

  /* Built from its template alone (the check of the .ui files does that), the page has
   * nothing to fire into: its forms show, its buttons do nothing. */
  if (self->cabinet == NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "notifications.fire-call", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "notifications.fire-error", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "notifications.forget-errors", FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->server_fails_switch), FALSE);
      return;
    }

  to = dup_first_user_name (self);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to != NULL ? to : _("Manager"));

  self->server_fails_binding = g_object_bind_property (self->cabinet, "server-fails",
                                                       self->server_fails_switch, "active",
                                                       G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->cabinet, "notify::remembered-errors", G_CALLBACK (update_remembered), self,
                           G_CONNECT_SWAPPED);
  update_remembered (self);

  self->notifications = g_object_ref (cab_cabinet_get_notifications (self->cabinet));
  g_signal_connect_object (self->notifications, "items-changed", G_CALLBACK (on_notifications_changed), self,
                           G_CONNECT_SWAPPED);
  on_notifications_changed (self, 0, 0, g_list_model_get_n_items (self->notifications), self->notifications);
  gtk_list_box_bind_model (self->shown_list, G_LIST_MODEL (self->newest_first), create_shown_row, self, NULL);
}

static void
cab_notifications_page_dispose (GObject *object)
{
  CabNotificationsPage *self = CAB_NOTIFICATIONS_PAGE (object);

  if (self->server_fails_binding != NULL)
    {
      g_binding_unbind (self->server_fails_binding);
      self->server_fails_binding = NULL;
    }
  if (self->shown_list != NULL)
    gtk_list_box_bind_model (self->shown_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAB_TYPE_NOTIFICATIONS_PAGE);
  g_clear_object (&self->newest_first);
  g_clear_object (&self->notifications);
  g_clear_object (&self->cabinet);

  G_OBJECT_CLASS (cab_notifications_page_parent_class)->dispose (object);
}

static void
cab_notifications_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CabNotificationsPage *self = CAB_NOTIFICATIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CABINET:
      self->cabinet = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cab_notifications_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CabNotificationsPage *self = CAB_NOTIFICATIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CABINET:
      g_value_set_object (value, self->cabinet);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cab_notifications_page_class_init (CabNotificationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cab_notifications_page_constructed;
  object_class->dispose = cab_notifications_page_dispose;
  object_class->set_property = cab_notifications_page_set_property;
  object_class->get_property = cab_notifications_page_get_property;

  properties[PROP_CABINET] =
    g_param_spec_object ("cabinet", NULL, NULL,
                         CAB_TYPE_CABINET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/cab-notifications-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CabNotificationsPage, from_row);
  gtk_widget_class_bind_template_child (widget_class, CabNotificationsPage, to_row);
  gtk_widget_class_bind_template_child (widget_class, CabNotificationsPage, duration_row);
  gtk_widget_class_bind_template_child (widget_class, CabNotificationsPage, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, CabNotificationsPage, link_row);
  gtk_widget_class_bind_template_child (widget_class, CabNotificationsPage, call_text_row);
  gtk_widget_class_bind_template_child (widget_class, CabNotificationsPage, element_type_row);
  gtk_widget_class_bind_template_child (widget_class, CabNotificationsPage, element_id_row);
  gtk_widget_class_bind_template_child (widget_class, CabNotificationsPage, call_error_label);
  gtk_widget_class_bind_template_child (widget_class, CabNotificationsPage, header_row);
  gtk_widget_class_bind_template_child (widget_class, CabNotificationsPage, error_text_row);
  gtk_widget_class_bind_template_child (widget_class, CabNotificationsPage, server_fails_switch);
  gtk_widget_class_bind_template_child (widget_class, CabNotificationsPage, remembered_row);
  gtk_widget_class_bind_template_child (widget_class, CabNotificationsPage, error_error_label);
  gtk_widget_class_bind_template_child (widget_class, CabNotificationsPage, shown_list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_duration_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_element_type_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_call_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_error_activate);

  gtk_widget_class_install_action (widget_class, "notifications.fire-call", NULL, fire_call_activated);
  gtk_widget_class_install_action (widget_class, "notifications.fire-error", NULL, fire_error_activated);
  gtk_widget_class_install_action (widget_class, "notifications.forget-errors", NULL, forget_errors_activated);
}

static void
cab_notifications_page_init (CabNotificationsPage *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->newest_first = g_list_store_new (CAB_TYPE_EVENT);

  gtk_editable_set_text (GTK_EDITABLE (self->from_row), "+7 999 111-22-33");
  gtk_editable_set_text (GTK_EDITABLE (self->link_row), "https://example.com/records/call-1001.mp3");
  gtk_editable_set_text (GTK_EDITABLE (self->call_text_row), _("Incoming call from the website"));
  gtk_editable_set_text (GTK_EDITABLE (self->element_id_row), "5501");
  gtk_editable_set_text (GTK_EDITABLE (self->header_row), "my_widget");
  gtk_editable_set_text (GTK_EDITABLE (self->error_text_row), _("<p>The telephony server cannot be reached.</p>"));

  /* The spin button of GTK 4.8 keeps Enter to itself (it only takes the typed value): catch
   * it first, so that Enter fires there as in every other field of the form. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, 0),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_KP_Enter, 0)),
                                                          gtk_named_action_new ("notifications.fire-call")));
  gtk_widget_add_controller (GTK_WIDGET (self->duration_spin), shortcuts);

  placeholder = gtk_label_new (_("No notifications yet"));
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->shown_list, placeholder);
}

GtkWidget *
cab_notifications_page_new (CabCabinet *cabinet)
{
  g_return_val_if_fail (CAB_IS_CABINET (cabinet), NULL);

  return g_object_new (CAB_TYPE_NOTIFICATIONS_PAGE, "cabinet", cabinet, NULL);
}
