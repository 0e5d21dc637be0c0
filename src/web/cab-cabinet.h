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
} CabWidgetInfo;

#define CAB_TYPE_CABINET (cab_cabinet_get_type ())

G_DECLARE_FINAL_TYPE (CabCabinet, cab_cabinet, CAB, CABINET, GObject)

CabCabinet    *cab_cabinet_new             (CabState         *state);
WebKitWebView *cab_cabinet_get_view        (CabCabinet       *self);
void           cab_cabinet_load            (CabCabinet       *self);
gboolean       cab_cabinet_is_ready        (CabCabinet       *self);
char          *cab_cabinet_add_widget      (CabCabinet       *self,
                                            CabWidgetSource  *source,
                                            GError          **error);
void           cab_cabinet_reload_widgets  (CabCabinet       *self);
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

G_END_DECLS
