/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One entry of the event log: something a widget did in the cabinet (a call into the host,
 * a console line, a step of its lifecycle, a broken contract), as the page reported it.
 * Entries come from the page, so they are untrusted: cab_event_new_from_json() checks every
 * member and caps every string. Immutable once made. */
typedef enum
{
  CAB_EVENT_KIND_SDK,           /* a WidgetSdk method: getState, subscribe, unsubscribe, … */
  CAB_EVENT_KIND_APP,           /* window.APP.* and window.AMOCRM.developer.addWidget */
  CAB_EVENT_KIND_CONSOLE,       /* console.log/info/warn/error/debug, uncaught errors */
  CAB_EVENT_KIND_LIFECYCLE,     /* module loaded, initLead, cleanup, slot registered/destroyed */
  CAB_EVENT_KIND_PROBLEM,       /* a contract problem by code (unknown-sdk-member, …) */
  CAB_EVENT_KIND_NOTIFICATION,  /* a notification popup the cabinet showed */
  CAB_EVENT_N_KINDS
} CabEventKind;

typedef enum
{
  CAB_EVENT_LEVEL_DEBUG,
  CAB_EVENT_LEVEL_INFO,
  CAB_EVENT_LEVEL_WARNING,
  CAB_EVENT_LEVEL_ERROR,
  CAB_EVENT_N_LEVELS
} CabEventLevel;

#define CAB_TYPE_EVENT (cab_event_get_type ())

G_DECLARE_FINAL_TYPE (CabEvent, cab_event, CAB, EVENT, GObject)

/* The JSON form, both ways (the page sends it; Copy as JSON and the headless report print it):
 *   { "time": 1763715600123.5,   milliseconds since the Unix epoch (required, finite)
 *     "kind": "sdk",             cab_event_kind_to_string() (required)
 *     "level": "info",           cab_event_level_to_string() (required)
 *     "widget": "w1",            the widget's id; "" for the cabinet itself
 *     "widgetLabel": "localhost:3000",
 *     "name": "methods.getState", what was called or happened (required, non-empty)
 *     "message": "…",            the text shown: arguments → result, the console line, …
 *     "file": "…", "line": 12, "column": 5,   where, when known (line/column ≥ 1)
 *     "durationMs": 1.25,        how long it took (lifecycle events), when measured
 *     "leadId": "18342201",      the active lead, for lifecycle events
 *     "count": 3 }               how many identical entries this one stands for (≥ 1, default 1)
 * Unknown members are ignored. Strings are cut at CAB_EVENT_MAX_TEXT bytes (on a UTF-8
 * boundary, with "…"). */
#define CAB_EVENT_MAX_TEXT (16 * 1024)

const char   *cab_event_kind_to_string    (CabEventKind   kind);
gboolean      cab_event_kind_from_string  (const char    *text,
                                           CabEventKind  *kind);
const char   *cab_event_level_to_string   (CabEventLevel  level);
gboolean      cab_event_level_from_string (const char    *text,
                                           CabEventLevel *level);

CabEvent     *cab_event_new               (CabEventKind   kind,
                                           CabEventLevel  level,
                                           const char    *widget_id,
                                           const char    *name,
                                           const char    *message);
/* The name the log shows for the widget (the page's events carry theirs). */
void          cab_event_set_widget_label  (CabEvent      *self,
                                           const char    *label);
CabEvent     *cab_event_new_from_json     (JsonObject    *object,
                                           GError       **error);
JsonNode     *cab_event_to_json           (CabEvent      *self);
/* One line: "12:03:04.123 warning console w1 console.warn: text (personal_page.js:12)". */
char         *cab_event_to_text           (CabEvent      *self);

double        cab_event_get_time          (CabEvent      *self);
CabEventKind  cab_event_get_kind          (CabEvent      *self);
CabEventLevel cab_event_get_level         (CabEvent      *self);
const char   *cab_event_get_widget_id     (CabEvent      *self);
const char   *cab_event_get_widget_label  (CabEvent      *self);
const char   *cab_event_get_name          (CabEvent      *self);
const char   *cab_event_get_message       (CabEvent      *self);
const char   *cab_event_get_file          (CabEvent      *self);  /* NULL when unknown */
guint         cab_event_get_line          (CabEvent      *self);  /* 0 when unknown */
guint         cab_event_get_column        (CabEvent      *self);  /* 0 when unknown */
double        cab_event_get_duration_ms   (CabEvent      *self);  /* < 0 when not measured */
const char   *cab_event_get_lead_id       (CabEvent      *self);  /* NULL when none */
guint         cab_event_get_count         (CabEvent      *self);
/* "file:line:column" with the file's last path segment, or NULL when the file is unknown. */
char         *cab_event_dup_location      (CabEvent      *self);
/* Whether @needle (already folded with g_utf8_casefold) occurs in the name, message, widget
 * label or file: what the log's search matches. */
gboolean      cab_event_matches           (CabEvent      *self,
                                           const char    *needle);

G_END_DECLS
