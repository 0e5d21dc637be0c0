/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cab-event-log.h"

G_BEGIN_DECLS

/* The rows of the event log's list: one CabEvent a row, in columns (time, level, kind,
 * widget, name, message, repeat count, duration, source location), with tooltips for what
 * a column cuts short. These are the handlers of a GtkSignalListItemFactory's ::setup,
 * ::bind and ::unbind over a model of CabEvent; they use no user data. */
void cab_event_log_row_setup  (GtkSignalListItemFactory *factory,
                               GtkListItem              *item,
                               gpointer                  user_data);
void cab_event_log_row_bind   (GtkSignalListItemFactory *factory,
                               GtkListItem              *item,
                               gpointer                  user_data);
void cab_event_log_row_unbind (GtkSignalListItemFactory *factory,
                               GtkListItem              *item,
                               gpointer                  user_data);

G_END_DECLS
