/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cab-event-log.h"

G_BEGIN_DECLS

/* The event log panel: a recycling list of a CabEventLog's entries with filters by kind and
 * level, search, Clear, and Copy as text or JSON (of what the filters show). */
#define CAB_TYPE_EVENT_LOG_VIEW (cab_event_log_view_get_type ())

G_DECLARE_FINAL_TYPE (CabEventLogView, cab_event_log_view, CAB, EVENT_LOG_VIEW, AdwBin)

GtkWidget   *cab_event_log_view_new          (CabEventLog     *log);
/* The log shown ("log" property): it may be set, or replaced, after the view is made. */
CabEventLog *cab_event_log_view_get_log      (CabEventLogView *self);
void         cab_event_log_view_set_log      (CabEventLogView *self,
                                              CabEventLog     *log);
/* What the filters let through, as shown (a GListModel of CabEvent). It is a
 * GtkFilterListModel: while it filters, gtk_filter_list_model_get_pending() is not 0. */
GListModel  *cab_event_log_view_get_shown    (CabEventLogView *self);
/* Puts the keyboard focus in the search entry (Ctrl+F while the log has focus does too). */
void         cab_event_log_view_focus_search (CabEventLogView *self);

G_END_DECLS
