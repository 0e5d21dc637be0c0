/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cab-event-log.h"

G_BEGIN_DECLS

/* A row of the event log's list: one CabEvent in columns (time, level, kind, widget, name,
 * message, repeat count, duration, source location), drawn by the row itself, with tooltips
 * for what a column cuts short. */
#define CAB_TYPE_EVENT_LOG_ROW (cab_event_log_row_get_type ())

G_DECLARE_FINAL_TYPE (CabEventLogRow, cab_event_log_row, CAB, EVENT_LOG_ROW, GtkWidget)

/* The entry the row shows, or NULL while it is not bound. */
CabEvent *cab_event_log_row_get_event (CabEventLogRow           *self);

/* The handlers of a GtkSignalListItemFactory's ::setup, ::bind and ::unbind over a model of
 * CabEvent; they use no user data. */
void      cab_event_log_row_setup     (GtkSignalListItemFactory *factory,
                                       GtkListItem              *item,
                                       gpointer                  user_data);
void      cab_event_log_row_bind      (GtkSignalListItemFactory *factory,
                                       GtkListItem              *item,
                                       gpointer                  user_data);
void      cab_event_log_row_unbind    (GtkSignalListItemFactory *factory,
                                       GtkListItem              *item,
                                       gpointer                  user_data);

G_END_DECLS
