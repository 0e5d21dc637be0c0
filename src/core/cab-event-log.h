/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cab-event.h"

G_BEGIN_DECLS

/* The event log: a GListModel of CabEvent, oldest first, holding at most max_entries (the
 * oldest go first when it is full). Batches from the page arrive as JSON arrays; each batch is
 * one items-changed, so a list view stays smooth however fast a widget logs. */
#define CAB_TYPE_EVENT_LOG (cab_event_log_get_type ())

G_DECLARE_FINAL_TYPE (CabEventLog, cab_event_log, CAB, EVENT_LOG, GObject)

#define CAB_EVENT_LOG_DEFAULT_MAX 200000

CabEventLog *cab_event_log_new               (guint        max_entries);
void         cab_event_log_append            (CabEventLog *self,
                                              CabEvent    *event);
/* Appends every valid entry of @entries (objects as in cab-event.h); returns how many were
 * taken. Invalid entries are skipped, and counted in the "rejected" property. */
guint        cab_event_log_append_json_array (CabEventLog *self,
                                              JsonArray   *entries);
void         cab_event_log_clear             (CabEventLog *self);
guint        cab_event_log_get_rejected      (CabEventLog *self);

/* Copy as text / as JSON: any list of CabEvent (the whole log, or what a filter shows). Text
 * is one cab_event_to_text() line per event; JSON is a pretty-printed array of
 * cab_event_to_json(). */
char        *cab_event_list_to_text          (GListModel  *events);
char        *cab_event_list_to_json          (GListModel  *events);

G_END_DECLS
