/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The event log panel. The log may hold 100,000 entries and grow by 500 every 100 ms, so
 * nothing here walks it at once where that can be avoided: the list recycles its rows, a
 * search works through the log in idle-time chunks of a GtkFilterListModel, and every
 * filter change tells the model whether it is stricter or looser than before, so that a
 * narrowing search only looks again at the entries it showed.
 *
 * The list follows the tail the way a browser console does: while it is scrolled to the
 * bottom, new entries keep it there; once the user scrolls up, it stays where it is until
 * they scroll back down. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cab-event-log-row.h"
#include "cab-event-log-view.h"

/* How far from the bottom (in pixels) still counts as "at the bottom": a wheel step that
 * stops a few pixels short should not stop the list from following. */
#define FOLLOW_SLACK 8.0

struct _CabEventLogView
{
  AdwBin              parent_instance;

  CabEventLog        *log;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;

  /* What the filter lets through. */
  gboolean            kind_shown[CAB_EVENT_N_KINDS];
  CabEventLevel       min_level;
  char               *needle;       /* the search, case-folded, or NULL */

  /* Whether new entries scroll the list to the bottom: TRUE while it is there. */
  gboolean            follow;
  gboolean            scroll_pending;
  double              layout_value;
  gboolean            layout_value_set;
  gulong              layout_handler;
  guint               incremental_off_id;

  GtkSearchEntry     *search_entry;
  GtkMenuButton      *kinds_button;
  GtkSpinner         *filtering_spinner;
  GtkLabel           *count_label;
  GtkWidget          *copy_button;
  GtkStack           *list_stack;
  GtkScrolledWindow  *scrolled;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
};

G_DEFINE_FINAL_TYPE (CabEventLogView, cab_event_log_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The name of each kind in the kinds menu's button when it is the only kind shown. */
static const char * const kind_names[CAB_EVENT_N_KINDS] = {
  [CAB_EVENT_KIND_SDK] = N_("SDK Calls"),
  [CAB_EVENT_KIND_APP] = N_("APP Calls"),
  [CAB_EVENT_KIND_CONSOLE] = N_("Console"),
  [CAB_EVENT_KIND_LIFECYCLE] = N_("Lifecycle"),
  [CAB_EVENT_KIND_PROBLEM] = N_("Problems"),
  [CAB_EVENT_KIND_NOTIFICATION] = N_("Notifications"),
};

static void
set_label (GtkLabel   *label,
           const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (label), text) != 0)
    gtk_label_set_text (label, text);
}

/* Filtering */

static gboolean
match_event (gpointer item,
             gpointer user_data)
{
  CabEventLogView *self = user_data;
  CabEvent *event = item;

  /* The cheap checks first: most entries a kind or level hides never reach the search. */
  if (!self->kind_shown[cab_event_get_kind (event)])
    return FALSE;
  if (cab_event_get_level (event) < self->min_level)
    return FALSE;

  return self->needle == NULL || cab_event_matches (event, self->needle);
}

static gboolean
filters_anything (CabEventLogView *self)
{
  if (self->needle != NULL || self->min_level > CAB_EVENT_LEVEL_DEBUG)
    return TRUE;

  for (guint i = 0; i < CAB_EVENT_N_KINDS; i++)
    if (!self->kind_shown[i])
      return TRUE;

  return FALSE;
}

static void update_view_state   (CabEventLogView *self);
static void queue_scroll_to_end (CabEventLogView *self);

/* Applies the filters after one of them changed by @change. */
static void
refilter (CabEventLogView *self,
          GtkFilterChange  change)
{
  /* A search runs through the log in chunks between frames, so typing stays smooth and the
   * matches appear as they are found; kinds and levels alone are two comparisons an entry,
   * quicker done at once than in a hundred steps each laid out on screen.
   *
   * GTK 4.8 turns incremental filtering off badly while a filter is under way (it finishes
   * without telling the list, which then crashes), so it stays on until that is done; and
   * the filter stays on the model even when it lets everything through, as turning it off
   * on a model without a filter fails too. */
  if (self->needle != NULL)
    gtk_filter_list_model_set_incremental (self->filtered, TRUE);
  else if (gtk_filter_list_model_get_pending (self->filtered) == 0)
    gtk_filter_list_model_set_incremental (self->filtered, FALSE);

  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_view_state (self);
}

static void
on_search_changed (CabEventLogView *self,
                   GtkSearchEntry  *entry)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autofree char *needle = *stripped != '\0' ? g_utf8_casefold (stripped, -1) : NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (g_strcmp0 (needle, self->needle) == 0)
    return;

  /* Typing one more letter only hides entries, deleting one only shows more: the model
   * then looks again only at the entries that could change. */
  if (self->needle == NULL || (needle != NULL && strstr (needle, self->needle) != NULL))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (needle == NULL || strstr (self->needle, needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  refilter (self, change);
}

/* Escape clears the search; a second Escape goes back to the list. */
static void
on_stop_search (CabEventLogView *self,
                GtkSearchEntry  *entry)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* Enter in the search goes to the list, to walk the matches with the arrow keys. */
static void
on_search_activate (CabEventLogView *self,
                    GtkSearchEntry  *entry)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
update_kinds_label (CabEventLogView *self)
{
  g_autofree char *label = NULL;
  guint shown = 0;
  int only = -1;

  for (guint i = 0; i < CAB_EVENT_N_KINDS; i++)
    if (self->kind_shown[i])
      {
        shown++;
        only = i;
      }

  if (shown == CAB_EVENT_N_KINDS)
    label = g_strdup (_("All Kinds"));
  else if (shown == 0)
    label = g_strdup (_("No Kinds"));
  else if (shown == 1)
    label = g_strdup (_(kind_names[only]));
  else
    label = g_strdup_printf (ngettext ("%u Kind", "%u Kinds", shown), shown);
  gtk_menu_button_set_label (self->kinds_button, label);
}

/* Each check button is named after its kind: "event-kind-console". */
static void
on_kind_toggled (CabEventLogView *self,
                 GtkCheckButton  *button)
{
  gboolean active = gtk_check_button_get_active (button);
  CabEventKind kind;

  if (!cab_event_kind_from_string (gtk_widget_get_name (GTK_WIDGET (button)) + strlen ("event-kind-"), &kind) ||
      self->kind_shown[kind] == active)
    return;

  self->kind_shown[kind] = active;
  update_kinds_label (self);
  refilter (self, active ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);
}

/* The drop-down's items are the levels in order: "All levels" is debug and above. */
static void
on_level_selected (CabEventLogView *self,
                   GParamSpec      *pspec,
                   GtkDropDown     *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  CabEventLevel level;
  GtkFilterChange change;

  if (selected >= CAB_EVENT_N_LEVELS)
    return;
  level = (CabEventLevel) selected;
  if (level == self->min_level)
    return;

  change = level > self->min_level ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT;
  self->min_level = level;
  refilter (self, change);
}

/* The count, the empty state, the actions */

static void
update_count (CabEventLogView *self,
              guint            shown,
              guint            total)
{
  /* The "'" flag groups digits as the locale does: "100,000", "100 000". */
  g_autofree char *total_text = g_strdup_printf ("%'u", total);
  g_autofree char *text = NULL;

  if (shown == total && !filters_anything (self))
    {
      text = g_strdup_printf (ngettext ("%s entry", "%s entries", total), total_text);
    }
  else
    {
      g_autofree char *shown_text = g_strdup_printf ("%'u", shown);

      /* Translators: "1,234 of 100,000 entries": what the filters show, of the whole log. */
      text = g_strdup_printf (ngettext ("%s of %s entry", "%s of %s entries", total), shown_text, total_text);
    }
  set_label (self->count_label, text);
}

/* Asked for when the pointer rests on the count, rather than set with every batch: setting
 * a tooltip costs a round trip to the display server. */
static gboolean
on_count_query_tooltip (CabEventLogView *self,
                        int              x,
                        int              y,
                        gboolean         keyboard,
                        GtkTooltip      *tooltip)
{
  guint rejected = self->log != NULL ? cab_event_log_get_rejected (self->log) : 0;
  g_autofree char *text = NULL;

  if (rejected == 0)
    return FALSE;

  text = g_strdup_printf (ngettext ("The page sent %u entry that was not valid; it is not shown.",
                                    "The page sent %u entries that were not valid; they are not shown.",
                                    rejected), rejected);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
update_view_state (CabEventLogView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = self->log != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->log)) : 0;
  gboolean filtering = gtk_filter_list_model_get_pending (self->filtered) > 0;

  update_count (self, shown, total);
  gtk_widget_set_visible (GTK_WIDGET (self->filtering_spinner), filtering);
  gtk_spinner_set_spinning (self->filtering_spinner, filtering);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event-log.copy-text", shown > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event-log.copy-json", shown > 0);
  gtk_widget_set_sensitive (self->copy_button, shown > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event-log.clear", total > 0);

  /* While the filter is still at work, what it found so far stays on screen rather than a
   * "no match" that may be wrong a moment later. */
  if (shown > 0 || filtering)
    {
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->list_stack), "list") != 0)
        {
          gtk_stack_set_visible_child_name (self->list_stack, "list");
          if (self->follow)
            queue_scroll_to_end (self);
        }
      return;
    }

  if (total == 0)
    {
      adw_status_page_set_icon_name (self->empty_page, "utilities-terminal-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Events Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Calls to the SDK and APP, console lines, lifecycle steps and problems "
                                         "of the cabinet’s widgets appear here as they happen."));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Events Match"));
      adw_status_page_set_description (self->empty_page,
                                       _("Try another search, or show more kinds or levels of events."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

/* Following the tail */

static gboolean
is_at_bottom (GtkAdjustment *adjustment)
{
  double bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  return gtk_adjustment_get_value (adjustment) >= bottom - FOLLOW_SLACK;
}

/* The list cannot scroll in the middle of its own layout (a layout asked for there is
 * lost), nor right after new rows arrive (it has not measured them yet): it scrolls in the
 * frame clock's layout phase, after the list laid out. The clock repeats that phase while a
 * widget asks for it, so the frame painted shows the bottom, never a step before it. */
static void
queue_scroll_to_end (CabEventLogView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  /* While the filter works through the log, its matches arrive in many small steps: the
   * list goes to the bottom once, when it is done (see on_pending_changed()), rather than
   * bind its rows anew at every step. */
  if (clock == NULL || gtk_filter_list_model_get_pending (self->filtered) > 0)
    return;
  self->scroll_pending = TRUE;
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

static void
on_frame_layout (CabEventLogView *self,
                 GdkFrameClock   *clock)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  if (!self->scroll_pending)
    return;

  self->scroll_pending = FALSE;
  if (self->follow && n_items > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", n_items - 1);
}

static void
turn_incremental_off (gpointer data)
{
  CabEventLogView *self = data;

  self->incremental_off_id = 0;
  if (self->needle == NULL && gtk_filter_list_model_get_pending (self->filtered) == 0)
    gtk_filter_list_model_set_incremental (self->filtered, FALSE);
}

static void
on_pending_changed (CabEventLogView *self)
{
  update_view_state (self);
  if (self->follow)
    queue_scroll_to_end (self);

  /* A search was cleared while it was still at work (see refilter()): once that is done,
   * entries that arrive are filtered at once again, not one step later. The model is in
   * the middle of its work when it says so: this waits for it to finish. */
  if (self->needle == NULL && gtk_filter_list_model_get_pending (self->filtered) == 0 &&
      gtk_filter_list_model_get_incremental (self->filtered) && self->incremental_off_id == 0)
    self->incremental_off_id = g_idle_add_once (turn_incremental_off, self);
}

static void
on_shown_changed (CabEventLogView *self,
                  guint            position,
                  guint            removed,
                  guint            added,
                  GListModel      *model)
{
  update_view_state (self);
  if (self->follow && added > 0)
    queue_scroll_to_end (self);
}

/* The list laid out anew: shown for the first time, grown, or its rows measured. It says
 * so ("changed") before it moves the value in the same breath, and marks the value it
 * moves to, so that on_scrolled() can tell its moves from the user's. */
static void
on_extent_changed (CabEventLogView *self,
                   GtkAdjustment   *adjustment)
{
  self->layout_value = gtk_adjustment_get_value (adjustment);
  self->layout_value_set = TRUE;

  if (self->follow && !is_at_bottom (adjustment))
    queue_scroll_to_end (self);
}

/* The user decides whether the list follows: scrolled to the bottom it does, scrolled away
 * it stops. The list's own moves (while it lays out) change neither. */
static void
on_scrolled (CabEventLogView *self,
             GtkAdjustment   *adjustment)
{
  gboolean by_layout = self->layout_value_set && gtk_adjustment_get_value (adjustment) == self->layout_value;

  self->layout_value_set = FALSE;
  if (is_at_bottom (adjustment))
    self->follow = TRUE;
  else if (!by_layout)
    self->follow = FALSE;
  else if (self->follow)
    queue_scroll_to_end (self);
}

/* Copy as Text and Copy as JSON: what the filters show, as shown. */
static void
copy_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CabEventLogView *self = CAB_EVENT_LOG_VIEW (widget);
  g_autofree char *text = NULL;

  if (g_str_equal (action_name, "event-log.copy-json"))
    text = cab_event_list_to_json (G_LIST_MODEL (self->filtered));
  else
    text = cab_event_list_to_text (G_LIST_MODEL (self->filtered));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
clear_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CabEventLogView *self = CAB_EVENT_LOG_VIEW (widget);

  if (self->log != NULL)
    cab_event_log_clear (self->log);
  /* What arrives next is shown as it comes. */
  self->follow = TRUE;
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  cab_event_log_view_focus_search (CAB_EVENT_LOG_VIEW (widget));
}

/* The object */

GtkWidget *
cab_event_log_view_new (CabEventLog *log)
{
  g_return_val_if_fail (log == NULL || CAB_IS_EVENT_LOG (log), NULL);

  return g_object_new (CAB_TYPE_EVENT_LOG_VIEW, "log", log, NULL);
}

CabEventLog *
cab_event_log_view_get_log (CabEventLogView *self)
{
  g_return_val_if_fail (CAB_IS_EVENT_LOG_VIEW (self), NULL);

  return self->log;
}

void
cab_event_log_view_set_log (CabEventLogView *self,
                            CabEventLog     *log)
{
  g_return_if_fail (CAB_IS_EVENT_LOG_VIEW (self));
  g_return_if_fail (log == NULL || CAB_IS_EVENT_LOG (log));

  if (self->log == log)
    return;

  if (self->log != NULL)
    g_signal_handlers_disconnect_by_data (self->log, self);
  g_set_object (&self->log, log);
  if (log != NULL)
    {
      /* The filtered model tells of what it shows; the log also of what it hides, for the
       * count. */
      g_signal_connect_object (log, "items-changed", G_CALLBACK (update_view_state), self, G_CONNECT_SWAPPED);
    }
  self->follow = TRUE;
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (log));
  update_view_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOG]);
}

GListModel *
cab_event_log_view_get_shown (CabEventLogView *self)
{
  g_return_val_if_fail (CAB_IS_EVENT_LOG_VIEW (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

void
cab_event_log_view_focus_search (CabEventLogView *self)
{
  g_return_if_fail (CAB_IS_EVENT_LOG_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
cab_event_log_view_realize (GtkWidget *widget)
{
  CabEventLogView *self = CAB_EVENT_LOG_VIEW (widget);

  GTK_WIDGET_CLASS (cab_event_log_view_parent_class)->realize (widget);

  self->layout_handler = g_signal_connect_object (gtk_widget_get_frame_clock (widget), "layout",
                                                  G_CALLBACK (on_frame_layout), self,
                                                  G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

static void
cab_event_log_view_unrealize (GtkWidget *widget)
{
  CabEventLogView *self = CAB_EVENT_LOG_VIEW (widget);

  g_clear_signal_handler (&self->layout_handler, gtk_widget_get_frame_clock (widget));
  self->scroll_pending = FALSE;

  GTK_WIDGET_CLASS (cab_event_log_view_parent_class)->unrealize (widget);
}

static void
cab_event_log_view_dispose (GObject *object)
{
  CabEventLogView *self = CAB_EVENT_LOG_VIEW (object);

  if (self->log != NULL)
    g_signal_handlers_disconnect_by_data (self->log, self);
  g_clear_handle_id (&self->incremental_off_id, g_source_remove);
  /* The template's box is also the bin's child: let go of it once, not twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAB_TYPE_EVENT_LOG_VIEW);
  /* The filter calls back into this object: it goes before the object does. */
  if (self->filtered != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->filtered, self);
      gtk_filter_list_model_set_filter (self->filtered, NULL);
    }
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->log);

  G_OBJECT_CLASS (cab_event_log_view_parent_class)->dispose (object);
}

static void
cab_event_log_view_finalize (GObject *object)
{
  CabEventLogView *self = CAB_EVENT_LOG_VIEW (object);

  g_free (self->needle);

  G_OBJECT_CLASS (cab_event_log_view_parent_class)->finalize (object);
}

static void
cab_event_log_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CabEventLogView *self = CAB_EVENT_LOG_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOG:
      cab_event_log_view_set_log (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cab_event_log_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CabEventLogView *self = CAB_EVENT_LOG_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOG:
      g_value_set_object (value, self->log);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cab_event_log_view_class_init (CabEventLogViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cab_event_log_view_dispose;
  object_class->finalize = cab_event_log_view_finalize;
  object_class->set_property = cab_event_log_view_set_property;
  object_class->get_property = cab_event_log_view_get_property;
  widget_class->realize = cab_event_log_view_realize;
  widget_class->unrealize = cab_event_log_view_unrealize;

  properties[PROP_LOG] =
    g_param_spec_object ("log", NULL, NULL,
                         CAB_TYPE_EVENT_LOG,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/cab-event-log-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CabEventLogView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CabEventLogView, kinds_button);
  gtk_widget_class_bind_template_child (widget_class, CabEventLogView, filtering_spinner);
  gtk_widget_class_bind_template_child (widget_class, CabEventLogView, count_label);
  gtk_widget_class_bind_template_child (widget_class, CabEventLogView, copy_button);
  gtk_widget_class_bind_template_child (widget_class, CabEventLogView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CabEventLogView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, CabEventLogView, list_view);
  gtk_widget_class_bind_template_child (widget_class, CabEventLogView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_count_query_tooltip);
  gtk_widget_class_bind_template_callback (widget_class, on_level_selected);
  /* The template makes the list's factory; the rows it makes are cab-event-log-row.c's. */
  gtk_widget_class_bind_template_callback_full (widget_class, "on_row_setup", G_CALLBACK (cab_event_log_row_setup));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_row_bind", G_CALLBACK (cab_event_log_row_bind));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_row_unbind", G_CALLBACK (cab_event_log_row_unbind));

  gtk_widget_class_install_action (widget_class, "event-log.copy-text", NULL, copy_activated);
  gtk_widget_class_install_action (widget_class, "event-log.copy-json", NULL, copy_activated);
  gtk_widget_class_install_action (widget_class, "event-log.clear", NULL, clear_activated);
  gtk_widget_class_install_action (widget_class, "event-log.search", NULL, search_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "event-log.search", NULL);
}

static void
cab_event_log_view_init (CabEventLogView *self)
{
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < CAB_EVENT_N_KINDS; i++)
    self->kind_shown[i] = TRUE;
  self->min_level = CAB_EVENT_LEVEL_DEBUG;
  self->follow = TRUE;

  self->filter = gtk_custom_filter_new (match_event, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));

  /* A selection, so that the arrow keys walk the rows; nothing is selected until then. */
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (on_shown_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "notify::pending", G_CALLBACK (on_pending_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scrolled), "value-changed",
                           G_CALLBACK (on_scrolled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scrolled), "changed",
                           G_CALLBACK (on_extent_changed), self, G_CONNECT_SWAPPED);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
  update_kinds_label (self);
  update_view_state (self);
}
