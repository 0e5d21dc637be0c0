/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rows of the event log's list. GTK 4.8's list view keeps about 200 rows bound around
 * what is shown and binds them anew on every jump, and a row of nine labels cost ~0.6 ms to
 * bind and measure: a jump through 100,000 entries took 130 ms. So a row is one widget that
 * draws its columns itself: binding it only takes the entry, its height is the font's line,
 * and text is laid out only for the ~30 rows on screen, when they are drawn. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cab-event-log-row.h"

/* A row lays out at most this much of a message: it is cut at the panel's width anyway. */
#define ROW_MESSAGE_MAX 1024
/* Tooltips show this much; the whole message is in Copy as Text / JSON. */
#define TOOLTIP_MESSAGE_MAX 4096

#define PADDING_X 12
#define PADDING_Y 3
#define SPACING 8
#define ICON_SIZE 16
#define BADGE_PADDING 6

/* The columns, left to right, and their widths in characters of the row's font (0: their
 * own width, or the rest of the row for the message). */
typedef enum
{
  COLUMN_TIME,
  COLUMN_LEVEL,
  COLUMN_KIND,
  COLUMN_WIDGET,
  COLUMN_NAME,
  COLUMN_MESSAGE,
  COLUMN_COUNT,
  COLUMN_DURATION,
  COLUMN_LOCATION,
  N_COLUMNS
} Column;

static const int column_chars[N_COLUMNS] = {
  [COLUMN_TIME] = 12, [COLUMN_KIND] = 13, [COLUMN_WIDGET] = 16, [COLUMN_NAME] = 24,
  [COLUMN_MESSAGE] = 10, [COLUMN_DURATION] = 8, [COLUMN_LOCATION] = 22,
};

/* The badge of each kind (short, as it sits in every row) and its colour in the theme. */
static const struct
{
  const char *badge;
  const char *color;
} kind_info[CAB_EVENT_N_KINDS] = {
  /* Translators: the badges of the event log's rows, one per kind of event; keep them short. */
  [CAB_EVENT_KIND_SDK] = { N_("SDK"), "accent_color" },
  [CAB_EVENT_KIND_APP] = { N_("APP"), "purple_3" },
  [CAB_EVENT_KIND_CONSOLE] = { N_("Console"), NULL },
  [CAB_EVENT_KIND_LIFECYCLE] = { N_("Lifecycle"), "success_color" },
  [CAB_EVENT_KIND_PROBLEM] = { N_("Problem"), "error_color" },
  [CAB_EVENT_KIND_NOTIFICATION] = { N_("Notification"), "warning_color" },
};

struct _CabEventLogRow
{
  GtkWidget  parent_instance;

  CabEvent  *event;
  /* The font's measures, from the last style change. */
  int        char_width;       /* of the proportional font, in pixels */
  int        mono_char_width;
  int        line_height;
};

G_DEFINE_FINAL_TYPE (CabEventLogRow, cab_event_log_row, GTK_TYPE_WIDGET)

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
 * line breaks and tabs into spaces. */
static char *
dup_display_text (const char *text,
                  gsize       max_bytes,
                  gboolean    single_line)
{
  gsize length = strlen (text);
  gboolean cut = length > max_bytes;
  GString *display;

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

/* Who logged it: the widget's label, else its id; the cabinet itself for entries of no
 * widget (a notification the Notifications page fired). */
static const char *
who (CabEvent *event)
{
  const char *label = cab_event_get_widget_label (event);

  if (label != NULL && *label != '\0')
    return label;
  if (*cab_event_get_widget_id (event) != '\0')
    return cab_event_get_widget_id (event);
  return _("Cabinet");
}

static char *
dup_count (CabEvent *event)
{
  /* Translators: how many identical entries one row of the event log stands for. */
  return cab_event_get_count (event) > 1 ? g_strdup_printf (_("×%u"), cab_event_get_count (event)) : NULL;
}

static char *
dup_duration (CabEvent *event)
{
  /* Translators: how long a step of a widget's lifecycle took, in milliseconds. */
  return cab_event_get_duration_ms (event) >= 0 ? g_strdup_printf (_("%.1f ms"), cab_event_get_duration_ms (event)) : NULL;
}

static int
text_width (CabEventLogRow *self,
            const char     *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* Where each column starts and how wide it is, for a row @width wide. The fixed columns do
 * not depend on the entry, so the columns line up from row to row; the count, duration and
 * location are laid out from the right. */
static void
layout_columns (CabEventLogRow *self,
                int             width,
                int             x[N_COLUMNS],
                int             w[N_COLUMNS])
{
  g_autofree char *count = self->event != NULL ? dup_count (self->event) : NULL;
  g_autofree char *duration = self->event != NULL ? dup_duration (self->event) : NULL;
  int left = PADDING_X, right = width - PADDING_X;

  for (Column c = COLUMN_TIME; c <= COLUMN_NAME; c++)
    {
      w[c] = c == COLUMN_LEVEL ? ICON_SIZE
             : column_chars[c] * (c == COLUMN_TIME || c == COLUMN_NAME ? self->mono_char_width : self->char_width);
      x[c] = left;
      left += w[c] + SPACING;
    }

  w[COLUMN_LOCATION] = column_chars[COLUMN_LOCATION] * self->char_width;
  x[COLUMN_LOCATION] = right - w[COLUMN_LOCATION];
  right = x[COLUMN_LOCATION] - SPACING;
  w[COLUMN_DURATION] = duration != NULL ? column_chars[COLUMN_DURATION] * self->char_width : 0;
  x[COLUMN_DURATION] = right - w[COLUMN_DURATION];
  right = duration != NULL ? x[COLUMN_DURATION] - SPACING : right;
  w[COLUMN_COUNT] = count != NULL ? text_width (self, count) + 2 * BADGE_PADDING : 0;
  x[COLUMN_COUNT] = right - w[COLUMN_COUNT];
  right = count != NULL ? x[COLUMN_COUNT] - SPACING : right;

  x[COLUMN_MESSAGE] = left;
  w[COLUMN_MESSAGE] = MAX (right - left, column_chars[COLUMN_MESSAGE] * self->char_width);
}

static void
update_metrics (CabEventLogRow *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  PangoFontDescription *mono = pango_font_description_copy (pango_context_get_font_description (context));
  PangoFontMetrics *mono_metrics;

  pango_font_description_set_family (mono, "Monospace");
  mono_metrics = pango_context_get_metrics (context, mono, NULL);
  pango_font_description_free (mono);

  self->char_width = PANGO_PIXELS_CEIL (pango_font_metrics_get_approximate_char_width (metrics));
  self->mono_char_width = PANGO_PIXELS_CEIL (pango_font_metrics_get_approximate_digit_width (mono_metrics));
  self->line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
  if (self->line_height <= 0)
    self->line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics));
  pango_font_metrics_unref (metrics);
  pango_font_metrics_unref (mono_metrics);
}

static void
cab_event_log_row_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (cab_event_log_row_parent_class)->css_changed (widget, change);
  update_metrics (CAB_EVENT_LOG_ROW (widget));
  gtk_widget_queue_resize (widget);
}

/* Constant: a row's size never depends on its entry, so binding rows while scrolling never
 * makes the list measure again. */
static void
cab_event_log_row_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  CabEventLogRow *self = CAB_EVENT_LOG_ROW (widget);

  if (self->line_height == 0)
    update_metrics (self);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = *natural = self->line_height + 2 * PADDING_Y;
      return;
    }

  *minimum = 2 * PADDING_X + ICON_SIZE + 7 * SPACING +
             (column_chars[COLUMN_TIME] + column_chars[COLUMN_NAME]) * self->mono_char_width +
             (column_chars[COLUMN_KIND] + column_chars[COLUMN_WIDGET] + column_chars[COLUMN_MESSAGE] +
              column_chars[COLUMN_LOCATION]) * self->char_width;
  *natural = *minimum;
}

static GdkRGBA
theme_color (CabEventLogRow *self,
             const char     *name,
             const GdkRGBA  *fallback)
{
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (name == NULL || !gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)), name, &color))
    color = *fallback;
  G_GNUC_END_IGNORE_DEPRECATIONS

  return color;
}

static GdkRGBA
with_alpha (GdkRGBA color,
            float   alpha)
{
  color.alpha *= alpha;
  return color;
}

/* One cell of text: cut to @width with "…", aligned by @xalign, centred on the line. */
static void
draw_text (CabEventLogRow *self,
           GtkSnapshot    *snapshot,
           const char     *text,
           gboolean        monospace,
           int             x,
           int             width,
           float           xalign,
           const GdkRGBA  *color)
{
  g_autoptr(PangoLayout) layout = NULL;
  int text_width, text_height;

  if (text == NULL || *text == '\0' || width <= 0)
    return;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  if (monospace)
    {
      PangoFontDescription *font = pango_font_description_from_string ("Monospace");

      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
    }
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + MAX (0, width - text_width) * xalign,
                                                           (gtk_widget_get_height (GTK_WIDGET (self)) - text_height) / 2.0f));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_pill (CabEventLogRow *self,
           GtkSnapshot    *snapshot,
           int             x,
           int             width,
           const GdkRGBA  *background)
{
  float height = self->line_height;
  float y = (gtk_widget_get_height (GTK_WIDGET (self)) - height) / 2.0f;
  GskRoundedRect pill;

  gsk_rounded_rect_init_from_rect (&pill, &GRAPHENE_RECT_INIT (x, y, width, height), MIN (height / 2, 4));
  gtk_snapshot_push_rounded_clip (snapshot, &pill);
  gtk_snapshot_append_color (snapshot, background, &pill.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
draw_level_icon (CabEventLogRow *self,
                 GtkSnapshot    *snapshot,
                 int             x,
                 CabEventLevel   level,
                 const GdkRGBA  *color)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr(GtkIconPaintable) icon = NULL;

  icon = gtk_icon_theme_lookup_icon (theme, level == CAB_EVENT_LEVEL_ERROR ? "dialog-error-symbolic" : "dialog-warning-symbolic",
                                     NULL, ICON_SIZE, gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                     gtk_widget_get_direction (GTK_WIDGET (self)), 0);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, (gtk_widget_get_height (GTK_WIDGET (self)) - ICON_SIZE) / 2.0f));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot, ICON_SIZE, ICON_SIZE, color, 1);
  gtk_snapshot_restore (snapshot);
}

static void
cab_event_log_row_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  CabEventLogRow *self = CAB_EVENT_LOG_ROW (widget);
  CabEvent *event = self->event;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  int x[N_COLUMNS], w[N_COLUMNS];
  GdkRGBA fg, dim, level_color, kind_color;
  CabEventLevel level;
  CabEventKind kind;
  g_autofree char *time = NULL;
  g_autofree char *message = NULL;
  g_autofree char *count = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *location = NULL;

  if (event == NULL)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  dim = with_alpha (fg, 0.55f);
  level = cab_event_get_level (event);
  kind = cab_event_get_kind (event);
  layout_columns (self, width, x, w);

  /* Warnings and errors are tinted, as in a browser's console; every row has a hairline. */
  level_color = level == CAB_EVENT_LEVEL_ERROR ? theme_color (self, "error_color", &fg)
                : level == CAB_EVENT_LEVEL_WARNING ? theme_color (self, "warning_color", &fg)
                : level == CAB_EVENT_LEVEL_DEBUG ? dim : fg;
  if (level >= CAB_EVENT_LEVEL_WARNING)
    {
      GdkRGBA tint = with_alpha (level_color, level == CAB_EVENT_LEVEL_ERROR ? 0.08f : 0.1f);

      gtk_snapshot_append_color (snapshot, &tint, &GRAPHENE_RECT_INIT (0, 0, width, height));
    }
  {
    GdkRGBA line = with_alpha (fg, 0.06f);

    gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, height - 1, width, 1));
  }

  time = format_time (cab_event_get_time (event), FALSE);
  draw_text (self, snapshot, time, TRUE, x[COLUMN_TIME], w[COLUMN_TIME], 0, &dim);
  if (level >= CAB_EVENT_LEVEL_WARNING)
    draw_level_icon (self, snapshot, x[COLUMN_LEVEL], level, &level_color);

  kind_color = theme_color (self, kind_info[kind].color, &fg);
  {
    GdkRGBA background = with_alpha (kind_color, kind_info[kind].color != NULL ? 0.14f : 0.08f);

    draw_pill (self, snapshot, x[COLUMN_KIND], w[COLUMN_KIND], &background);
    draw_text (self, snapshot, _(kind_info[kind].badge), FALSE, x[COLUMN_KIND] + BADGE_PADDING,
               w[COLUMN_KIND] - 2 * BADGE_PADDING, 0.5f, &kind_color);
  }

  draw_text (self, snapshot, who (event), FALSE, x[COLUMN_WIDGET], w[COLUMN_WIDGET], 0, &dim);
  draw_text (self, snapshot, cab_event_get_name (event), TRUE, x[COLUMN_NAME], w[COLUMN_NAME], 0, &fg);
  message = dup_display_text (cab_event_get_message (event), ROW_MESSAGE_MAX, TRUE);
  draw_text (self, snapshot, message, FALSE, x[COLUMN_MESSAGE], w[COLUMN_MESSAGE], 0,
             level == CAB_EVENT_LEVEL_INFO ? &fg : &level_color);

  if ((count = dup_count (event)) != NULL)
    {
      GdkRGBA background = with_alpha (fg, 0.12f);

      draw_pill (self, snapshot, x[COLUMN_COUNT], w[COLUMN_COUNT], &background);
      draw_text (self, snapshot, count, FALSE, x[COLUMN_COUNT] + BADGE_PADDING, w[COLUMN_COUNT] - 2 * BADGE_PADDING, 0.5f, &fg);
    }
  if ((duration = dup_duration (event)) != NULL)
    draw_text (self, snapshot, duration, FALSE, x[COLUMN_DURATION], w[COLUMN_DURATION], 1, &dim);
  location = cab_event_dup_location (event);
  draw_text (self, snapshot, location, FALSE, x[COLUMN_LOCATION], w[COLUMN_LOCATION], 1, &dim);
}

/* Tooltips say in full what a column cuts short, computed when the pointer rests. */
static gboolean
cab_event_log_row_query_tooltip (GtkWidget  *widget,
                                 int         px,
                                 int         py,
                                 gboolean    keyboard,
                                 GtkTooltip *tooltip)
{
  CabEventLogRow *self = CAB_EVENT_LOG_ROW (widget);
  CabEvent *event = self->event;
  int x[N_COLUMNS], w[N_COLUMNS];
  g_autofree char *text = NULL;
  Column column = COLUMN_MESSAGE;

  if (event == NULL)
    return FALSE;

  layout_columns (self, gtk_widget_get_width (widget), x, w);
  for (Column c = COLUMN_TIME; c < N_COLUMNS && !keyboard; c++)
    if (w[c] > 0 && px >= x[c] && px < x[c] + w[c])
      column = c;

  switch (column)
    {
    case COLUMN_TIME:
      text = format_time (cab_event_get_time (event), TRUE);
      break;
    case COLUMN_LEVEL:
      if (cab_event_get_level (event) >= CAB_EVENT_LEVEL_WARNING)
        text = g_strdup (cab_event_get_level (event) == CAB_EVENT_LEVEL_ERROR ? _("Error") : _("Warning"));
      break;
    case COLUMN_WIDGET:
      text = g_strdup (cab_event_get_widget_id (event));
      break;
    case COLUMN_NAME:
      text = g_strdup (cab_event_get_name (event));
      break;
    case COLUMN_COUNT:
      text = g_strdup_printf (ngettext ("Repeated %u time", "Repeated %u times", cab_event_get_count (event)),
                              cab_event_get_count (event));
      break;
    case COLUMN_LOCATION:
      if (cab_event_get_file (event) != NULL)
        text = cab_event_get_line (event) == 0 ? g_strdup (cab_event_get_file (event))
               : g_strdup_printf ("%s:%u", cab_event_get_file (event), cab_event_get_line (event));
      break;
    case COLUMN_KIND:
    case COLUMN_DURATION:
    case COLUMN_MESSAGE:
    case N_COLUMNS:
    default:
      text = dup_display_text (cab_event_get_message (event), TOOLTIP_MESSAGE_MAX, FALSE);
      break;
    }

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
cab_event_log_row_dispose (GObject *object)
{
  g_clear_object (&CAB_EVENT_LOG_ROW (object)->event);

  G_OBJECT_CLASS (cab_event_log_row_parent_class)->dispose (object);
}

static void
cab_event_log_row_class_init (CabEventLogRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cab_event_log_row_dispose;
  widget_class->measure = cab_event_log_row_measure;
  widget_class->snapshot = cab_event_log_row_snapshot;
  widget_class->css_changed = cab_event_log_row_css_changed;
  widget_class->query_tooltip = cab_event_log_row_query_tooltip;
  gtk_widget_class_set_css_name (widget_class, "cab-event-row");
}

static void
cab_event_log_row_init (CabEventLogRow *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

CabEvent *
cab_event_log_row_get_event (CabEventLogRow *self)
{
  g_return_val_if_fail (CAB_IS_EVENT_LOG_ROW (self), NULL);

  return self->event;
}

static void
set_event (CabEventLogRow *self,
           CabEvent       *event)
{
  if (g_set_object (&self->event, event))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cab_event_log_row_setup (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         gpointer                  user_data)
{
  gtk_list_item_set_child (item, g_object_new (CAB_TYPE_EVENT_LOG_ROW, NULL));
}

void
cab_event_log_row_bind (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  user_data)
{
  CabEventLogRow *row = CAB_EVENT_LOG_ROW (gtk_list_item_get_child (item));
  CabEvent *event = gtk_list_item_get_item (item);
  g_autofree char *line = cab_event_to_text (event);

  set_event (row, event);
  /* The row draws its text: a screen reader reads it as the line Copy as Text writes. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, line, -1);
}

void
cab_event_log_row_unbind (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          gpointer                  user_data)
{
  set_event (CAB_EVENT_LOG_ROW (gtk_list_item_get_child (item)), NULL);
}
