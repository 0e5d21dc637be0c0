/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <webkit/webkit.h>

#include "cab-event-log.h"
#include "cab-problem.h"
#include "cab-state.h"
#include "cab-widget-source.h"

G_BEGIN_DECLS

/* One widget in the cabinet, as the page last reported it. */
typedef struct
{
  char       *id;
  char       *label;
  char       *script;   /* the URL the page loads */
  char       *state;    /* "loading", "ready" or "failed" */
  CabProblem *problem;  /* NULL unless failed or warned */
  /* The code that runs (or failed): a short hash of its scripts' content, when the app knows
   * it (local widgets, and polled URLs), and when it was loaded (real time, µs); 0 before. */
  char       *content_hash;
  gint64      loaded_at;
  guint       loads;    /* 1 for the first load, +1 per reload */
} CabWidgetInfo;

#define CAB_TYPE_CABINET (cab_cabinet_get_type ())

G_DECLARE_FINAL_TYPE (CabCabinet, cab_cabinet, CAB, CABINET, GObject)

CabCabinet    *cab_cabinet_new             (CabState         *state);
/* A cabinet that is never shown (--check), whose page runs as it would on screen. */
CabCabinet    *cab_cabinet_new_headless    (CabState         *state);
WebKitWebView *cab_cabinet_get_view        (CabCabinet       *self);
void           cab_cabinet_load            (CabCabinet       *self);
gboolean       cab_cabinet_is_ready        (CabCabinet       *self);
char          *cab_cabinet_add_widget      (CabCabinet       *self,
                                            CabWidgetSource  *source,
                                            GError          **error);
/* The URL the page loads the widget @id from (a local widget's is on its loopback server), or
 * NULL for no such widget. */
const char    *cab_cabinet_get_widget_script (CabCabinet     *self,
                                              const char     *id);
/* Takes a widget out of the cabinet, as its × button does: destroy and cleanup run first. */
gboolean       cab_cabinet_remove_widget   (CabCabinet       *self,
                                            const char       *id);
void           cab_cabinet_reload_widgets  (CabCabinet       *self);
void           cab_cabinet_reload_widget   (CabCabinet       *self,
                                            const char       *id);
void           cab_cabinet_reload_page     (CabCabinet       *self);
void           cab_cabinet_stop_page       (CabCabinet       *self);
gboolean       cab_cabinet_is_responsive   (CabCabinet       *self);
void           cab_cabinet_show_inspector  (CabCabinet       *self);
GPtrArray     *cab_cabinet_get_widgets     (CabCabinet       *self);
const CabWidgetInfo *cab_cabinet_find_widget (CabCabinet    *self,
                                              const char    *id);

/* What the widgets did (cab-event-log.h): every call into the host, console line, lifecycle
 * step and contract problem the page reported. */
CabEventLog   *cab_cabinet_get_event_log   (CabCabinet       *self);
/* The notifications the cabinet showed, oldest first (CabEvent of kind NOTIFICATION; the last
 * CAB_CABINET_MAX_NOTIFICATIONS are kept). */
#define CAB_CABINET_MAX_NOTIFICATIONS 500
GListModel    *cab_cabinet_get_notifications (CabCabinet     *self);
/* Fires APP.notifications.add_call (@kind "call") or add_error ("error") in the page with
 * @data (n_data of SPEC §3), as a widget would; FALSE with @error when the page is not up. */
gboolean       cab_cabinet_fire_notification (CabCabinet     *self,
                                              const char     *kind,
                                              JsonObject     *data,
                                              GError        **error);
/* APP.sdk.getCallingStatus(): the "calling" property, set by the page (setCallingStatus) or
 * by the app; each side hears the other's change at once. */
gboolean       cab_cabinet_get_calling     (CabCabinet       *self);
void           cab_cabinet_set_calling     (CabCabinet       *self,
                                            gboolean          calling);
/* The app plays amoCRM's server for add_error: with "server-fails" on, the save fails and
 * the widget's fail + always callbacks run instead of done(number) + always. */
gboolean       cab_cabinet_get_server_fails (CabCabinet      *self);
void           cab_cabinet_set_server_fails (CabCabinet      *self,
                                             gboolean         server_fails);
/* Error notifications the user closed are not shown again (amoCRM keeps them in a cookie);
 * the "remembered-errors" property counts them, and forgetting shows them again. */
guint          cab_cabinet_get_remembered_errors (CabCabinet *self);
void           cab_cabinet_forget_errors   (CabCabinet       *self);

/* The token the app minted for the last initLead: "" when the integration has no secret,
 * NULL before any; "last-token" is notified on every new one. */
const char    *cab_cabinet_get_last_token  (CabCabinet       *self);

/* Hot reload ("hot-reload", on by default): a local widget's folder is watched, and a URL
 * widget's script and relative dependencies are polled every "poll-interval" ms; a change
 * reloads that widget alone. "polling-paused" stops the polling while nobody looks (the
 * window is hidden); file monitors cost nothing and stay. */
#define CAB_CABINET_MIN_POLL_INTERVAL 50
#define CAB_CABINET_MAX_POLL_INTERVAL 10000
#define CAB_CABINET_DEFAULT_POLL_INTERVAL 250
gboolean       cab_cabinet_get_hot_reload  (CabCabinet       *self);
void           cab_cabinet_set_hot_reload  (CabCabinet       *self,
                                            gboolean          hot_reload);
guint          cab_cabinet_get_poll_interval (CabCabinet     *self);
void           cab_cabinet_set_poll_interval (CabCabinet     *self,
                                              guint           interval_ms);
gboolean       cab_cabinet_get_polling_paused (CabCabinet    *self);
void           cab_cabinet_set_polling_paused (CabCabinet    *self,
                                               gboolean       paused);

G_END_DECLS
