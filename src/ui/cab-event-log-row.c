/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rows of the event log's list. The list keeps about 200 of them, whatever the size of
 * the log, and binds them anew as it scrolls: a row is built once, and binding it only
 * changes what differs from the entry it showed before. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cab-event-log-row.h"

/* A row shows at most this much of a message: the label ellipsizes at the width of the
 * panel anyway, and laying out 16 KiB of text for every row bound while scrolling would
 * make scrolling stutter. */
#define ROW_MESSAGE_MAX 1024

/* Tooltips wrap at about 70 characters: a longer text would not fit on the screen. The
 * whole message is in Copy as Text / JSON. */
#define TOOLTIP_MESSAGE_MAX 4096

/* The badge of each kind (short, as it sits in every row) and its style class. */
static const struct
{
  const char *badge;
  const char *css_class;
} kind_info[CAB_EVENT_N_KINDS] = {
  /* Translators: the badges of the event log's rows, one per kind of event; keep them short. */
  [CAB_EVENT_KIND_SDK] = { N_("SDK"), "sdk" },
  [CAB_EVENT_KIND_APP] = { N_("APP"), "app" },
  [CAB_EVENT_KIND_CONSOLE] = { N_("Console"), "console" },
  [CAB_EVENT_KIND_LIFECYCLE] = { N_("Lifecycle"), "lifecycle" },
  [CAB_EVENT_KIND_PROBLEM] = { N_("Problem"), "problem" },
  [CAB_EVENT_KIND_NOTIFICATION] = { N_("Notification"), "notification" },
};

/* The parts of one row, kept on its box so that binding a row looks them up once. */
typedef struct
{
  CabEvent      *event;     /* the entry shown, for the tooltips */
  GtkWidget     *box;
  GtkLabel      *time;
  GtkWidget     *level;
  GtkLabel      *kind;
  GtkLabel      *widget;
  GtkLabel      *name;
  GtkLabel      *message;
  GtkLabel      *count;
  GtkLabel      *duration;
  GtkLabel      *location;
  /* What the row's style classes say now, so a rebind only changes what differs. */
  int            kind_class;
  int            level_class;
} Row;

#define ROW_KEY "cab-event-row"

static void
row_free (Row *row)
{
  g_clear_object (&row->event);
  g_free (row);
}

/* "12:03:04.123", in local time; with @full, the date before it. */
static char *
format_time (double   time_ms,
             gboolean full)
{
  gint64 whole_ms = (gint64) time_ms;
  g_autoptr(GDateTime) date = whole_ms >= 0 ? g_date_time_new_from_unix_local (whole_ms / 1000) : NULL;
  g_autofree char *seconds = date != NULL ? g_date_time_format (date, full ? "%x %H:%M:%S" : "%H:%M:%S") : NULL;

  if (seconds == NULL)
    return g_strdup ("--:--:--.---");
  return g_strdup_printf ("%s.%03d", seconds, (int) (whole_ms % 1000));
}

/* At most @max_bytes of @text (cut on a character), with "…" when cut; @single_line turns
 * line breaks and tabs into spaces, as a row has one line. Returns NULL when @text is fine
 * as it is, which is the common case and allocates nothing. */
static char *
dup_display_text (const char *text,
                  gsize       max_bytes,
                  gboolean    single_line)
{
  gsize length = strlen (text);
  gboolean cut = length > max_bytes;
  GString *display;

  if (!cut && (!single_line || strpbrk (text, "\n\r\t") == NULL))
    return NULL;

  if (cut)
    length = g_utf8_find_prev_char (text, text + max_bytes + 1) - text;
  display = g_string_new_len (text, length);
  for (gsize i = 0; single_line && i < display->len; i++)
    if (display->str[i] == '\n' || display->str[i] == '\r' || display->str[i] == '\t')
      display->str[i] = ' ';
  if (cut)
    g_string_append (display, "…");

  return g_string_free (display, FALSE);
}

/* Tooltips are asked for when the pointer rests on a part, from the entry the row shows:
 * setting them while binding would cost GTK a round trip to the display server for each
 * part of each of the ~200 rows a list keeps, on every scroll. */
static gboolean
on_part_query_tooltip (GtkWidget  *part,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       Row        *row)
{
  CabEvent *event = row->event;
  g_autofree char *text = NULL;

  if (event == NULL)
    return FALSE;

  if (part == GTK_WIDGET (row->time))
    text = format_time (cab_event_get_time (event), TRUE);
  else if (part == row->level)
    text = g_strdup (cab_event_get_level (event) == CAB_EVENT_LEVEL_ERROR ? _("Error") : _("Warning"));
  else if (part == GTK_WIDGET (row->widget))
    text = g_strdup (cab_event_get_widget_id (event));
  else if (part == GTK_WIDGET (row->name))
    text = g_strdup (cab_event_get_name (event));
  else if (part == GTK_WIDGET (row->message))
    text = dup_display_text (cab_event_get_message (event), TOOLTIP_MESSAGE_MAX, FALSE);
  else if (part == GTK_WIDGET (row->count))
    text = g_strdup_printf (ngettext ("Repeated %u time", "Repeated %u times", cab_event_get_count (event)),
                            cab_event_get_count (event));
  else if (part == GTK_WIDGET (row->location) && cab_event_get_file (event) != NULL)
    text = cab_event_get_line (event) == 0 ? g_strdup (cab_event_get_file (event))
           : g_strdup_printf ("%s:%u", cab_event_get_file (event), cab_event_get_line (event));

  if (text == NULL && part == GTK_WIDGET (row->message))
    text = g_strdup (cab_event_get_message (event));
  if (text == NULL || *text == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static GtkWidget *
add_part (Row        *row,
          GtkWidget  *part,
          const char *css_class)
{
  if (css_class != NULL)
    gtk_widget_add_css_class (part, css_class);
  gtk_widget_set_has_tooltip (part, TRUE);
  g_signal_connect (part, "query-tooltip", G_CALLBACK (on_part_query_tooltip), row);
  gtk_box_append (GTK_BOX (row->box), part);
  return part;
}

static GtkLabel *
add_label (Row        *row,
           int         width_chars,
           float       xalign,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* Every label of a row ellipsizes and has a fixed width: a row's size then does not
   * depend on its entry, so rows bound while scrolling never change the list's width
   * (which would lay out every row again), and the columns line up. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (width_chars > 0)
    {
      gtk_label_set_width_chars (GTK_LABEL (label), width_chars);
      gtk_label_set_max_width_chars (GTK_LABEL (label), width_chars);
    }
  return GTK_LABEL (add_part (row, label, css_class));
}

void
cab_event_log_row_setup (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         gpointer                  user_data)
{
  Row *row = g_new0 (Row, 1);

  row->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  row->kind_class = -1;
  row->level_class = -1;
  gtk_widget_add_css_class (row->box, "cab-event-row");

  row->time = add_label (row, 12, 0, "monospace");
  gtk_widget_add_css_class (GTK_WIDGET (row->time), "dim-label");
  row->level = add_part (row, gtk_image_new (), NULL);
  gtk_image_set_pixel_size (GTK_IMAGE (row->level), 16);
  gtk_widget_set_size_request (row->level, 16, 16);
  row->kind = add_label (row, 11, 0.5, "cab-event-kind");
  gtk_widget_add_css_class (GTK_WIDGET (row->kind), "caption");
  gtk_widget_set_valign (GTK_WIDGET (row->kind), GTK_ALIGN_CENTER);
  row->widget = add_label (row, 16, 0, "dim-label");
  row->name = add_label (row, 24, 0, "cab-event-name");
  row->message = add_label (row, 10, 0, NULL);
  gtk_label_set_max_width_chars (row->message, -1);
  gtk_widget_set_hexpand (GTK_WIDGET (row->message), TRUE);
  row->count = add_label (row, 0, 0.5, "cab-event-count");
  gtk_widget_add_css_class (GTK_WIDGET (row->count), "caption-heading");
  gtk_widget_set_valign (GTK_WIDGET (row->count), GTK_ALIGN_CENTER);
  row->duration = add_label (row, 0, 1, "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (row->duration), "dim-label");
  row->location = add_label (row, 22, 1, "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (row->location), "caption");

  g_object_set_data_full (G_OBJECT (row->box), ROW_KEY, row, (GDestroyNotify) row_free);
  gtk_list_item_set_child (item, row->box);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (label), text) != 0)
    gtk_label_set_text (label, text);
}

static void
swap_class (GtkWidget  *widget,
            const char *old_class,
            const char *new_class)
{
  if (old_class != NULL)
    gtk_widget_remove_css_class (widget, old_class);
  if (new_class != NULL)
    gtk_widget_add_css_class (widget, new_class);
}

static void
bind_level (Row           *row,
            CabEventLevel  level)
{
  static const char * const row_classes[] = { NULL, NULL, "cab-event-warning", "cab-event-error" };
  static const char * const text_classes[] = { "dim-label", NULL, "warning", "error" };
  static const char * const icons[] = { NULL, NULL, "dialog-warning-symbolic", "dialog-error-symbolic" };
  int old = row->level_class;

  if (old == (int) level)
    return;

  swap_class (row->box, old >= 0 ? row_classes[old] : NULL, row_classes[level]);
  swap_class (GTK_WIDGET (row->message), old >= 0 ? text_classes[old] : NULL, text_classes[level]);
  swap_class (row->level, old >= 0 ? text_classes[old] : NULL, text_classes[level]);
  gtk_image_set_from_icon_name (GTK_IMAGE (row->level), icons[level]);
  gtk_widget_set_has_tooltip (row->level, icons[level] != NULL);
  row->level_class = level;
}

void
cab_event_log_row_bind (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  user_data)
{
  CabEvent *event = gtk_list_item_get_item (item);
  Row *row = g_object_get_data (G_OBJECT (gtk_list_item_get_child (item)), ROW_KEY);
  CabEventKind kind = cab_event_get_kind (event);
  const char *message = cab_event_get_message (event);
  const char *who = cab_event_get_widget_label (event);
  guint count = cab_event_get_count (event);
  double duration = cab_event_get_duration_ms (event);
  g_autofree char *display = dup_display_text (message, ROW_MESSAGE_MAX, TRUE);
  g_autofree char *location = cab_event_dup_location (event);
  g_autofree char *time = format_time (cab_event_get_time (event), FALSE);

  g_set_object (&row->event, event);
  set_label (row->time, time);
  bind_level (row, cab_event_get_level (event));
  if (row->kind_class != (int) kind)
    {
      swap_class (GTK_WIDGET (row->kind), row->kind_class >= 0 ? kind_info[row->kind_class].css_class : NULL,
                  kind_info[kind].css_class);
      gtk_label_set_text (row->kind, _(kind_info[kind].badge));
      row->kind_class = kind;
    }

  /* The cabinet itself reports some entries (a notification the Notifications page fired,
   * a module that failed before any widget had an id). */
  if (who == NULL || *who == '\0')
    who = *cab_event_get_widget_id (event) != '\0' ? cab_event_get_widget_id (event) : _("Cabinet");
  set_label (row->widget, who);
  set_label (row->name, cab_event_get_name (event));
  set_label (row->message, display != NULL ? display : message);

  if (count > 1)
    {
      /* Translators: how many identical entries one row of the event log stands for. */
      g_autofree char *text = g_strdup_printf (_("×%u"), count);

      set_label (row->count, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (row->count), count > 1);

  if (duration >= 0)
    {
      /* Translators: how long a step of a widget's lifecycle took, in milliseconds. */
      g_autofree char *text = g_strdup_printf (_("%.1f ms"), duration);

      set_label (row->duration, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (row->duration), duration >= 0);

  /* The label keeps its width without a location, so the columns stay in line. */
  set_label (row->location, location != NULL ? location : "");
}

void
cab_event_log_row_unbind (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          gpointer                  user_data)
{
  Row *row = g_object_get_data (G_OBJECT (gtk_list_item_get_child (item)), ROW_KEY);

  g_clear_object (&row->event);
}
