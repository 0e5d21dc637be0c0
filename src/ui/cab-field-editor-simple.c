/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Value editors of the types that hold one scalar: text, url, numeric, budget, checkbox,
 * textarea, streetaddress, date, birthday and dateTime. What the panel can check (a number,
 * an absolute URL, a real day, a time of day) is checked here, before the model sees it. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cab-field-editor-private.h"
#include "cab-url.h"

#define SECONDS_PER_DAY ((gint64) 24 * 60 * 60)
/* How long multi-line text waits for a pause in typing before it is applied. */
#define FLUSH_DELAY_MS 300

static JsonNode *
new_string (const char *text)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, text);
  return node;
}

/* text, url */

static void
on_string_changed (GtkEditable    *editable,
                   CabFieldEditor *self)
{
  const char *text = gtk_editable_get_text (editable);
  g_autoptr(GError) error = NULL;

  if (self->updating > 0)
    return;
  if (g_str_equal (self->type, "url") && !cab_url_check (text, &error))
    {
      cab_field_editor_set_refused (self, GTK_WIDGET (editable), error->message);
      return;
    }

  cab_field_editor_commit_value (self, new_string (text), GTK_WIDGET (editable));
}

static void
build_string (CabFieldEditor *self,
              JsonObject     *field)
{
  gboolean url = g_str_equal (self->type, "url");
  GtkWidget *row;

  self->value_group = cab_field_editor_add_group (self, _("Value"),
                                                  url ? _("An absolute URL with its scheme, such as https://example.com/page.") : NULL);
  row = cab_field_editor_add_entry_row (self, self->value_group, "field-value", url ? _("URL") : _("Text"));
  if (url)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_URL);
  self->value_row = self->value_widget = row;
  cab_field_editor_connect_text (self, row, on_string_changed);
}

static void
update_string (CabFieldEditor *self,
               JsonObject     *field)
{
  const char *text = cab_field_get_string (field, "value");

  cab_field_editor_show_text (self, self->value_widget, self->value_row, text,
                              g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->value_widget)), text));
}

static const CabFieldKind string_kind = { build_string, update_string, NULL, NULL };

/* numeric, budget */

static void
on_number_changed (GtkEditable    *editable,
                   CabFieldEditor *self)
{
  g_autoptr(GError) error = NULL;
  JsonNode *value;

  if (self->updating > 0)
    return;

  value = cab_field_parse_number (gtk_editable_get_text (editable), &error);
  if (value == NULL)
    {
      cab_field_editor_set_refused (self, GTK_WIDGET (editable), error->message);
      return;
    }

  cab_field_editor_commit_value (self, value, GTK_WIDGET (editable));
}

static void
build_number (CabFieldEditor *self,
              JsonObject     *field)
{
  gboolean budget = g_str_equal (self->type, "budget");
  GtkWidget *row;

  self->value_group = cab_field_editor_add_group (self, _("Value"),
                                                  budget ? _("An amount in the account’s currency (sys.currencySymbol).") : NULL);
  row = cab_field_editor_add_entry_row (self, self->value_group, "field-value", budget ? _("Amount") : _("Number"));
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
  if (budget)
    {
      self->suffix_label = gtk_label_new (NULL);
      gtk_widget_set_name (self->suffix_label, "field-currency");
      gtk_widget_add_css_class (self->suffix_label, "dim-label");
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), self->suffix_label);
    }
  self->value_row = self->value_widget = row;
  cab_field_editor_connect_text (self, row, on_number_changed);
}

static void
update_number (CabFieldEditor *self,
               JsonObject     *field)
{
  JsonNode *value = json_object_get_member (field, "value");
  g_autoptr(JsonNode) shown = cab_field_parse_number (gtk_editable_get_text (GTK_EDITABLE (self->value_widget)), NULL);
  g_autofree char *text = cab_field_format_number (value);
  double a, b;
  gboolean same = shown != NULL && cab_field_get_number (shown, &a) && cab_field_get_number (value, &b) && a == b;

  cab_field_editor_show_text (self, self->value_widget, self->value_row, text, same);
}

static const CabFieldKind number_kind = { build_number, update_number, NULL, NULL };

/* checkbox */

static void
on_switch_active (GtkSwitch      *toggle,
                  GParamSpec     *pspec,
                  CabFieldEditor *self)
{
  JsonNode *value;

  if (self->updating > 0)
    return;

  value = json_node_new (JSON_NODE_VALUE);
  json_node_set_boolean (value, gtk_switch_get_active (toggle));
  cab_field_editor_commit_value (self, value, self->value_row);
}

static void
build_checkbox (CabFieldEditor *self,
                JsonObject     *field)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  self->value_group = cab_field_editor_add_group (self, _("Value"), NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Checked"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_widget_set_name (toggle, "field-value");
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->value_group), row);

  self->value_row = row;
  self->value_widget = toggle;
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_switch_active), self, 0);
}

static void
update_checkbox (CabFieldEditor *self,
                 JsonObject     *field)
{
  JsonNode *value = json_object_get_member (field, "value");
  gboolean active = value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
                    json_node_get_value_type (value) == G_TYPE_BOOLEAN && json_node_get_boolean (value);

  if (gtk_switch_get_active (GTK_SWITCH (self->value_widget)) == active)
    return;

  self->updating++;
  gtk_switch_set_active (GTK_SWITCH (self->value_widget), active);
  self->updating--;
}

static const CabFieldKind checkbox_kind = { build_checkbox, update_checkbox, NULL, NULL };

/* textarea, streetaddress: a GtkTextBuffer's set_text() is two changes (delete, insert), and
 * a typed paragraph is many; the text goes to the model after a pause, when the view loses
 * the focus, or at once with Ctrl+Enter. */

static char *
dup_buffer_text (CabFieldEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->value_widget));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
flush_multiline (CabFieldEditor *self)
{
  g_autofree char *text = NULL;

  if (self->flush_id == 0)
    return;

  g_clear_handle_id (&self->flush_id, g_source_remove);
  text = dup_buffer_text (self);
  cab_field_editor_commit_value (self, new_string (text), self->value_row);
}

static gboolean
flush_timeout (gpointer user_data)
{
  CabFieldEditor *self = user_data;
  g_autofree char *text = dup_buffer_text (self);

  self->flush_id = 0;
  cab_field_editor_commit_value (self, new_string (text), self->value_row);

  return G_SOURCE_REMOVE;
}

static void
on_buffer_changed (GtkTextBuffer  *buffer,
                   CabFieldEditor *self)
{
  if (self->updating > 0)
    return;

  g_clear_handle_id (&self->flush_id, g_source_remove);
  self->flush_id = g_timeout_add (FLUSH_DELAY_MS, flush_timeout, self);
}

static gboolean
on_apply_shortcut (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  flush_multiline (user_data);
  return TRUE;
}

static void
build_multiline (CabFieldEditor *self,
                 JsonObject     *field)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkShortcutAction *apply = gtk_callback_action_new (on_apply_shortcut, self, NULL);

  self->value_group = cab_field_editor_add_group (self, _("Value"),
                                                  _("Several lines. Applied when you pause typing, or at once with Ctrl+Enter."));

  gtk_widget_set_name (view, "field-value");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Value"), -1);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                                                          g_object_ref (apply)));
  g_object_unref (apply);
  gtk_widget_add_controller (view, shortcuts);
  g_signal_connect_object (focus, "leave", G_CALLBACK (flush_multiline), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (view, focus);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->value_group), scrolled);

  self->value_row = scrolled;
  self->value_widget = view;
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (on_buffer_changed), self, 0);
}

static void
update_multiline (CabFieldEditor *self,
                  JsonObject     *field)
{
  const char *text = cab_field_get_string (field, "value");
  g_autofree char *shown = dup_buffer_text (self);

  if (g_str_equal (shown, text))
    return;
  /* Text typed but not applied yet is newer than the model, unless the change comes from
   * outside (undo, another panel): then that wins. */
  if (self->flush_id != 0 && !self->external)
    return;

  g_clear_handle_id (&self->flush_id, g_source_remove);
  self->updating++;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->value_widget)), text, -1);
  self->updating--;
}

static const CabFieldKind multiline_kind = { build_multiline, update_multiline, NULL, flush_multiline };

/* date, birthday, dateTime: all in UTC, as the value is Unix seconds and a widget formats
 * it with the page's clock; the panel says so. */

static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static gboolean
get_seconds (JsonObject *field,
             gint64     *seconds)
{
  double number;

  if (!cab_field_get_number (json_object_get_member (field, "value"), &number) || !isfinite (number))
    return FALSE;

  *seconds = cab_field_floor (number);
  return TRUE;
}

static void
on_date_changed (GtkEditable    *editable,
                 CabFieldEditor *self)
{
  g_autoptr(GError) date_error = NULL;
  g_autoptr(GError) time_error = NULL;
  gint64 midnight = 0;
  int seconds = 0;
  gboolean date_ok, time_ok = TRUE;
  JsonNode *value;

  if (self->updating > 0)
    return;

  date_ok = cab_field_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &midnight, &date_error);
  if (self->time_row != NULL)
    time_ok = cab_field_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->time_row)), &seconds, &time_error);
  if (!date_ok)
    cab_field_editor_set_refused (self, self->date_row, date_error->message);
  if (!time_ok)
    cab_field_editor_set_refused (self, self->time_row, time_error->message);
  if (!date_ok || !time_ok)
    return;

  value = json_node_new (JSON_NODE_VALUE);
  json_node_set_int (value, midnight + seconds);
  if (cab_field_editor_commit_value (self, value, GTK_WIDGET (editable)))
    {
      cab_field_editor_set_refused (self, self->date_row, NULL);
      cab_field_editor_set_refused (self, self->time_row, NULL);
    }
}

static void
on_day_selected (GtkCalendar    *calendar,
                 CabFieldEditor *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *text = NULL;

  if (self->updating > 0)
    return;

  /* The calendar only picks the day; typing it into the entry makes the one edit. */
  day = gtk_calendar_get_date (calendar);
  text = g_date_time_format (day, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->calendar_button));
}

static void
build_date (CabFieldEditor *self,
            JsonObject     *field)
{
  GtkWidget *popover = gtk_popover_new ();

  self->value_group = cab_field_editor_add_group (self, _("Value"), NULL);
  self->date_row = cab_field_editor_add_entry_row (self, self->value_group, "field-date", _("Date (YYYY-MM-DD)"));
  self->value_row = self->value_widget = self->date_row;

  self->calendar = gtk_calendar_new ();
  gtk_widget_set_name (self->calendar, "field-calendar");
  gtk_popover_set_child (GTK_POPOVER (popover), self->calendar);
  self->calendar_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->calendar_button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->calendar_button), popover);
  gtk_widget_set_valign (self->calendar_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->calendar_button, _("Choose a Day"));
  gtk_widget_add_css_class (self->calendar_button, "flat");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->date_row), self->calendar_button);

  cab_field_editor_connect_text (self, self->date_row, on_date_changed);
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (on_day_selected), self, 0);

  if (g_str_equal (self->type, "dateTime"))
    {
      self->time_row = cab_field_editor_add_entry_row (self, self->value_group, "field-time", _("Time (HH:MM, UTC)"));
      cab_field_editor_connect_text (self, self->time_row, on_date_changed);
    }
}

static void
update_date (CabFieldEditor *self,
             JsonObject     *field)
{
  gint64 seconds = 0, day_start, shown_midnight;
  int shown_seconds;
  g_autofree char *date_text = NULL;
  g_autofree char *description = NULL;
  g_autofree char *unix_text = NULL;
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) calendar_day = NULL;
  gboolean same;

  if (!get_seconds (field, &seconds))
    seconds = 0;
  day_start = floor_div (seconds, SECONDS_PER_DAY) * SECONDS_PER_DAY;
  unix_text = g_strdup_printf ("%" G_GINT64_FORMAT, seconds);

  date_text = cab_field_format_date (seconds);
  same = cab_field_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &shown_midnight, NULL) &&
         shown_midnight == day_start;
  cab_field_editor_show_text (self, self->date_row, self->date_row, date_text, same);

  if (self->time_row != NULL)
    {
      g_autofree char *time_text = cab_field_format_time (seconds);

      same = cab_field_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->time_row)), &shown_seconds, NULL) &&
             shown_seconds == seconds - day_start;
      cab_field_editor_show_text (self, self->time_row, self->time_row, time_text, same);
      /* Translators: %s is the value as a number of seconds since 1970. */
      description = g_strdup_printf (_("Times are in UTC. As Unix seconds: %s"), unix_text);
    }
  else
    {
      /* Translators: %s is the value as a number of seconds since 1970. */
      description = g_strdup_printf (_("Midnight UTC of the day. As Unix seconds: %s"), unix_text);
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->value_group), description);

  day = g_date_time_new_from_unix_utc (seconds);
  calendar_day = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));
  if (day != NULL &&
      (g_date_time_get_year (day) != g_date_time_get_year (calendar_day) ||
       g_date_time_get_day_of_year (day) != g_date_time_get_day_of_year (calendar_day)))
    {
      self->updating++;
      gtk_calendar_select_day (GTK_CALENDAR (self->calendar), day);
      self->updating--;
    }
}

static const CabFieldKind date_kind = { build_date, update_date, NULL, NULL };

const CabFieldKind *
cab_field_editor_simple_kind (const char *type)
{
  if (g_strcmp0 (type, "text") == 0 || g_strcmp0 (type, "url") == 0)
    return &string_kind;
  if (g_strcmp0 (type, "numeric") == 0 || g_strcmp0 (type, "budget") == 0)
    return &number_kind;
  if (g_strcmp0 (type, "checkbox") == 0)
    return &checkbox_kind;
  if (g_strcmp0 (type, "textarea") == 0 || g_strcmp0 (type, "streetaddress") == 0)
    return &multiline_kind;
  if (g_strcmp0 (type, "date") == 0 || g_strcmp0 (type, "birthday") == 0 || g_strcmp0 (type, "dateTime") == 0)
    return &date_kind;

  return NULL;
}
