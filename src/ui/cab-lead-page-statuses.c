/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Lead page's status pipeline: name, colour, the one selected status, order, removal and
 * new statuses. Each edit is one whole new LeadModel for cab_state_set_lead(). */
#include "config.h"

#include <glib/gi18n.h>

#include "cab-lead-page-private.h"
#include "cab-panel-util.h"

/* The rows of one status of the pipeline. Rows are positional: row i always shows
 * statuses[i], so that reordering moves values, not widgets, and the names stay stable. */
typedef struct
{
  CabLeadPage *page;
  guint        index;
  GtkWidget   *row;
  GtkWidget   *selected;
  GtkWidget   *color;
  GtkWidget   *menu;
  GtkWidget   *up;
  GtkWidget   *down;
  GtkWidget   *remove;
} StatusRow;

/* Which part of a status row had the focus, so that it can follow the status it belongs to. */
typedef enum
{
  STATUS_PART_NONE,
  STATUS_PART_NAME,
  STATUS_PART_SELECTED,
  STATUS_PART_COLOR,
  STATUS_PART_MENU,
} StatusPart;

/* amoCRM's own pipeline colours, handed out in turn to new statuses. */
static const char * const status_colors[] = {
  "#99ccff", "#ffff99", "#ffcc66", "#ffcccc", "#ccff66", "#d6eaff", "#ebffb1", "#f3beff",
};

static JsonArray *
lead_statuses (JsonNode *lead)
{
  JsonObject *object = json_node_get_object (lead);

  if (!json_object_has_member (object, "statuses"))
    json_object_set_array_member (object, "statuses", json_array_new ());
  return json_object_get_array_member (object, "statuses");
}

static StatusRow *
status_row_at (CabLeadPage *self,
               guint        index)
{
  return index < self->status_rows->len ? g_ptr_array_index (self->status_rows, index) : NULL;
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  return (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

static StatusPart
status_focused_part (StatusRow *status)
{
  if (status == NULL)
    return STATUS_PART_NONE;
  /* The menu's buttons were used (its popover is in the row, focused or not). */
  if (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (status->menu)))) ||
      has_focus_within (status->menu))
    return STATUS_PART_MENU;
  if (!has_focus_within (status->row))
    return STATUS_PART_NONE;
  if (has_focus_within (status->selected))
    return STATUS_PART_SELECTED;
  if (has_focus_within (status->color))
    return STATUS_PART_COLOR;
  return STATUS_PART_NAME;
}

static void
status_focus_part (StatusRow  *status,
                   StatusPart  part)
{
  GtkWidget *target = NULL;

  switch (part)
    {
    case STATUS_PART_SELECTED: target = status->selected; break;
    case STATUS_PART_COLOR: target = status->color; break;
    case STATUS_PART_MENU: target = status->menu; break;
    case STATUS_PART_NAME: target = status->row; break;
    case STATUS_PART_NONE:
    default:
      return;
    }

  gtk_widget_grab_focus (target);
}

static void
move_status (CabLeadPage *self,
             guint        from,
             int          delta)
{
  StatusRow *status = status_row_at (self, from);
  StatusPart focused = status_focused_part (status);
  g_autoptr(JsonNode) lead = cab_lead_page_dup_lead (self);
  JsonArray *statuses = lead_statuses (lead);
  JsonArray *moved;
  guint n = json_array_get_length (statuses);
  guint to = from + delta;

  if (status == NULL || (delta < 0 && from == 0) || to >= n)
    return;
  gtk_menu_button_popdown (GTK_MENU_BUTTON (status->menu));

  moved = json_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      guint source = i == to ? from : i == from ? to : i;

      json_array_add_element (moved, json_node_ref (json_array_get_element (statuses, source)));
    }
  json_object_set_array_member (json_node_get_object (lead), "statuses", moved);

  if (cab_lead_page_commit_lead (self, lead, status->row) && status_row_at (self, to) != NULL)
    status_focus_part (status_row_at (self, to), focused);
}

static void
on_status_up_clicked (GtkButton *button,
                      StatusRow *status)
{
  move_status (status->page, status->index, -1);
}

static void
on_status_down_clicked (GtkButton *button,
                        StatusRow *status)
{
  move_status (status->page, status->index, 1);
}

static gboolean
on_status_move_shortcut (GtkWidget *widget,
                         GVariant  *args,
                         gpointer   user_data)
{
  StatusRow *status = user_data;

  move_status (status->page, status->index, g_variant_get_int32 (args));
  return TRUE;
}

static void
on_status_name_apply (AdwEntryRow *row,
                      StatusRow   *status)
{
  CabLeadPage *self = status->page;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(JsonNode) lead = NULL;
  JsonObject *object;

  if (*name == '\0')
    {
      cab_panel_row_set_error (GTK_WIDGET (row), _("A status needs a name"));
      return;
    }

  lead = cab_lead_page_dup_lead (self);
  object = json_array_get_object_element (lead_statuses (lead), status->index);
  json_object_set_string_member (object, "name", name);
  cab_lead_page_commit_lead (self, lead, GTK_WIDGET (row));
}

static char *
rgba_to_hex (const GdkRGBA *rgba)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) (CLAMP (rgba->red, 0., 1.) * 255. + .5),
                          (guint) (CLAMP (rgba->green, 0., 1.) * 255. + .5),
                          (guint) (CLAMP (rgba->blue, 0., 1.) * 255. + .5));
}

static void
on_status_color_set (GtkColorButton *button,
                     StatusRow      *status)
{
  CabLeadPage *self = status->page;
  g_autoptr(JsonNode) lead = cab_lead_page_dup_lead (self);
  JsonObject *object = json_array_get_object_element (lead_statuses (lead), status->index);
  GdkRGBA rgba;
  g_autofree char *color = NULL;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  color = rgba_to_hex (&rgba);
  if (g_strcmp0 (json_object_get_string_member_with_default (object, "color", NULL), color) == 0)
    return;

  json_object_set_string_member (object, "color", color);
  if (!cab_lead_page_commit_lead (self, lead, status->row))
    cab_lead_page_sync_statuses (self);
}

static void
on_status_toggled (GtkCheckButton *check,
                   StatusRow      *status)
{
  CabLeadPage *self = status->page;
  g_autoptr(JsonNode) lead = NULL;
  JsonArray *statuses;

  if (self->syncing > 0 || !gtk_check_button_get_active (check))
    return;

  /* Exactly one status is the lead's stage. */
  lead = cab_lead_page_dup_lead (self);
  statuses = lead_statuses (lead);
  for (guint i = 0; i < json_array_get_length (statuses); i++)
    json_object_set_boolean_member (json_array_get_object_element (statuses, i), "selected", i == status->index);

  if (!cab_lead_page_commit_lead (self, lead, status->row))
    cab_lead_page_sync_statuses (self);
}

static void
on_status_remove_clicked (GtkButton *button,
                          StatusRow *status)
{
  CabLeadPage *self = status->page;
  guint index = status->index;
  gboolean had_focus = status_focused_part (status) == STATUS_PART_MENU;
  g_autoptr(JsonNode) lead = cab_lead_page_dup_lead (self);
  JsonArray *statuses = lead_statuses (lead);
  JsonArray *kept = json_array_new ();
  gboolean was_selected = FALSE;
  StatusRow *next;
  guint n;

  for (guint i = 0; i < json_array_get_length (statuses); i++)
    {
      if (i == index)
        was_selected = json_object_get_boolean_member_with_default (json_array_get_object_element (statuses, i),
                                                                    "selected", FALSE);
      else
        json_array_add_element (kept, json_node_ref (json_array_get_element (statuses, i)));
    }

  /* The lead stays in some stage: the status that takes the removed one's place. */
  n = json_array_get_length (kept);
  if (was_selected && n > 0)
    json_object_set_boolean_member (json_array_get_object_element (kept, MIN (index, n - 1)), "selected", TRUE);
  json_object_set_array_member (json_node_get_object (lead), "statuses", kept);

  gtk_menu_button_popdown (GTK_MENU_BUTTON (status->menu));
  /* @status is gone once this returns TRUE when it was the last row. */
  if (!cab_lead_page_commit_lead (self, lead, status->row) || !had_focus)
    return;

  next = n > 0 ? status_row_at (self, MIN (index, n - 1)) : NULL;
  gtk_widget_grab_focus (next != NULL ? next->menu : self->add_status_button);
}

/* A new id for a status: one past the largest numeric id, as amoCRM's ids grow. */
static char *
new_status_id (JsonArray *statuses)
{
  guint64 max = 0;
  gboolean any = FALSE;
  guint n = json_array_get_length (statuses);

  for (guint i = 0; i < n; i++)
    {
      const char *id = json_object_get_string_member_with_default (json_array_get_object_element (statuses, i),
                                                                   "id", "");
      guint64 value;

      if (g_ascii_string_to_unsigned (id, 10, 0, G_MAXUINT64 - 1, &value, NULL))
        {
          max = MAX (max, value);
          any = TRUE;
        }
    }

  if (any)
    return g_strdup_printf ("%" G_GUINT64_FORMAT, max + 1);

  /* No numeric ids at all: the first number no status uses. */
  for (guint64 candidate = n + 1;; candidate++)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GUINT64_FORMAT, candidate);
      gboolean used = FALSE;

      for (guint i = 0; i < n && !used; i++)
        used = g_strcmp0 (json_object_get_string_member_with_default (json_array_get_object_element (statuses, i),
                                                                      "id", NULL), id) == 0;
      if (!used)
        return g_steal_pointer (&id);
    }
}

static gboolean
is_closing_status (JsonArray *statuses,
                   guint      index)
{
  const char *id = json_object_get_string_member_with_default (json_array_get_object_element (statuses, index),
                                                               "id", "");

  /* amoCRM's pipelines end in the same two statuses: won (142) and lost (143). */
  return g_str_equal (id, "142") || g_str_equal (id, "143");
}

void
cab_lead_page_add_status (CabLeadPage *self)
{
  GtkWidget *button = self->add_status_button;
  g_autoptr(JsonNode) lead = cab_lead_page_dup_lead (self);
  JsonArray *statuses = lead_statuses (lead);
  guint n = json_array_get_length (statuses);
  guint position = n;
  g_autofree char *id = new_status_id (statuses);
  JsonObject *status = json_object_new ();
  JsonArray *grown = json_array_sized_new (n + 1);
  StatusRow *row;

  /* A new stage goes before the closing ones, where amoCRM puts it. */
  while (position > 0 && is_closing_status (statuses, position - 1))
    position--;

  json_object_set_string_member (status, "id", id);
  json_object_set_string_member (status, "name", _("New Status"));
  json_object_set_string_member (status, "color", status_colors[n % G_N_ELEMENTS (status_colors)]);
  json_object_set_boolean_member (status, "selected", n == 0);

  for (guint i = 0; i < n; i++)
    {
      if (i == position)
        json_array_add_object_element (grown, json_object_ref (status));
      json_array_add_element (grown, json_node_ref (json_array_get_element (statuses, i)));
    }
  if (position == n)
    json_array_add_object_element (grown, json_object_ref (status));
  json_object_unref (status);
  json_object_set_array_member (json_node_get_object (lead), "statuses", grown);

  if (!cab_lead_page_commit_lead (self, lead, button))
    return;

  /* Ready to be named. */
  row = status_row_at (self, position);
  if (row != NULL)
    {
      gtk_widget_grab_focus (row->row);
      gtk_editable_select_region (GTK_EDITABLE (row->row), 0, -1);
    }
}

static GtkWidget *
menu_button_new (guint       index,
                 const char *part,
                 const char *label,
                 const char *accel)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *text = gtk_label_new_with_mnemonic (label);
  g_autofree char *name = g_strdup_printf ("status-%u-%s", index, part);
  g_autoptr(PangoAttrList) regular = pango_attr_list_new ();

  /* Menu items read in the regular weight, not the bold of buttons. */
  pango_attr_list_insert (regular, pango_attr_weight_new (PANGO_WEIGHT_NORMAL));
  gtk_label_set_attributes (GTK_LABEL (text), regular);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  if (accel != NULL)
    {
      GtkWidget *hint = gtk_label_new (accel);

      gtk_widget_add_css_class (hint, "dim-label");
      gtk_box_append (GTK_BOX (box), hint);
    }
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_label_set_mnemonic_widget (GTK_LABEL (text), button);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_name (button, name);

  return button;
}

static GtkWidget *
status_menu_new (StatusRow *status,
                 guint      index)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  status->up = menu_button_new (index, "up", _("Move _Up"), _("Alt+↑"));
  status->down = menu_button_new (index, "down", _("Move _Down"), _("Alt+↓"));
  status->remove = menu_button_new (index, "remove", _("_Remove"), NULL);
  g_signal_connect (status->up, "clicked", G_CALLBACK (on_status_up_clicked), status);
  g_signal_connect (status->down, "clicked", G_CALLBACK (on_status_down_clicked), status);
  g_signal_connect (status->remove, "clicked", G_CALLBACK (on_status_remove_clicked), status);
  gtk_box_append (GTK_BOX (box), status->up);
  gtk_box_append (GTK_BOX (box), status->down);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), status->remove);
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  return popover;
}

static StatusRow *
status_row_new (CabLeadPage *self,
                guint        index)
{
  StatusRow *status = g_new0 (StatusRow, 1);
  StatusRow *first = status_row_at (self, 0);
  g_autofree char *name = NULL;
  GtkEventController *shortcuts;

  status->page = self;
  status->index = index;

  status->row = adw_entry_row_new ();
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (status->row), TRUE);
  name = g_strdup_printf ("status-%u-name", index);
  gtk_widget_set_name (status->row, name);
  g_signal_connect (status->row, "apply", G_CALLBACK (on_status_name_apply), status);

  /* A radio group: checking one status unchecks the others, as the lead has one stage. */
  status->selected = gtk_check_button_new ();
  gtk_widget_set_valign (status->selected, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (status->selected, _("The lead’s current status"));
  if (first != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (status->selected), GTK_CHECK_BUTTON (first->selected));
  g_free (name);
  name = g_strdup_printf ("status-%u-selected", index);
  gtk_widget_set_name (status->selected, name);
  g_signal_connect (status->selected, "toggled", G_CALLBACK (on_status_toggled), status);

  status->color = gtk_color_button_new ();
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (status->color), FALSE);
  gtk_color_button_set_title (GTK_COLOR_BUTTON (status->color), _("Status Color"));
  gtk_widget_set_valign (status->color, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (status->color, _("Status color"));
  gtk_widget_add_css_class (status->color, "flat");
  g_free (name);
  name = g_strdup_printf ("status-%u-color", index);
  gtk_widget_set_name (status->color, name);
  g_signal_connect (status->color, "color-set", G_CALLBACK (on_status_color_set), status);

  adw_entry_row_add_prefix (ADW_ENTRY_ROW (status->row), status->color);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (status->row), status->selected);

  /* Moving and removing are in a menu: the name needs the row's width more than they do,
   * and Alt+Up and Alt+Down move a status without it. */
  status->menu = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (status->menu), "view-more-symbolic");
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (status->menu), FALSE);
  gtk_widget_set_valign (status->menu, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (status->menu, _("Move or Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (status->menu), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Move or Remove"), -1);
  g_free (name);
  name = g_strdup_printf ("status-%u-menu", index);
  gtk_widget_set_name (status->menu, name);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (status->menu), status_menu_new (status, index));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (status->row), status->menu);

  /* Alt+Up and Alt+Down move the status the focus is in, wherever in its row. The capture
   * phase sees them before the text entry does. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK),
                                                                         gtk_callback_action_new (on_status_move_shortcut, status, NULL),
                                                                         "i", -1));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK),
                                                                         gtk_callback_action_new (on_status_move_shortcut, status, NULL),
                                                                         "i", 1));
  gtk_widget_add_controller (status->row, shortcuts);

  adw_preferences_group_add (self->statuses_group, status->row);

  return status;
}

static void
status_row_free (gpointer data)
{
  g_free (data);
}

static void
sync_status_row (CabLeadPage *self,
                 StatusRow   *status,
                 JsonObject  *object,
                 guint        n)
{
  const char *id = json_object_get_string_member_with_default (object, "id", "");
  const char *color = json_object_get_string_member_with_default (object, "color", NULL);
  gboolean selected = json_object_get_boolean_member_with_default (object, "selected", FALSE);
  /* Translators: above a pipeline status's name: its id. */
  g_autofree char *title = g_strdup_printf (_("Status %s"), id);
  GdkRGBA shown, rgba;

  if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (status->row)), title) != 0)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (status->row), title);
  cab_lead_page_sync_text (self, status->row, json_object_get_string_member_with_default (object, "name", ""));

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (status->color), &shown);
  if (color != NULL && gdk_rgba_parse (&rgba, color) && !gdk_rgba_equal (&rgba, &shown))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (status->color), &rgba);

  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (status->selected)) != selected)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (status->selected), selected);

  gtk_widget_set_sensitive (status->up, status->index > 0);
  gtk_widget_set_sensitive (status->down, status->index + 1 < n);
}

void
cab_lead_page_sync_statuses (CabLeadPage *self)
{
  JsonObject *lead = json_node_get_object (cab_state_peek (self->state, "lead"));
  JsonArray *statuses = json_object_get_array_member (lead, "statuses");
  guint n = statuses != NULL ? json_array_get_length (statuses) : 0;

  self->syncing++;

  /* Rows are added and taken at the end only: the others keep their widgets and focus. */
  while (self->status_rows->len > n)
    {
      StatusRow *last = g_ptr_array_index (self->status_rows, self->status_rows->len - 1);

      adw_preferences_group_remove (self->statuses_group, last->row);
      g_ptr_array_remove_index (self->status_rows, self->status_rows->len - 1);
    }
  while (self->status_rows->len < n)
    g_ptr_array_add (self->status_rows, status_row_new (self, self->status_rows->len));

  for (guint i = 0; i < n; i++)
    sync_status_row (self, g_ptr_array_index (self->status_rows, i), json_array_get_object_element (statuses, i), n);

  self->syncing--;
}

void
cab_lead_page_init_statuses (CabLeadPage *self)
{
  self->status_rows = g_ptr_array_new_with_free_func (status_row_free);
}

void
cab_lead_page_free_statuses (CabLeadPage *self)
{
  g_clear_pointer (&self->status_rows, g_ptr_array_unref);
}
