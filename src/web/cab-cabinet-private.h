/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What cab-cabinet.c (the view, the model's pushes, the widgets the user added) and
 * cab-cabinet-bridge.c (the page's messages) share. */
#pragma once

#include <libsoup/soup.h>

#include "cab-cabinet.h"
#include "cab-widget-poller.h"
#include "cab-widget-server.h"
#include "cab-widget-watcher.h"

G_BEGIN_DECLS

/* A page may report at most this many widgets: it is untrusted. */
#define CAB_MAX_WIDGETS 64

/* A widget the page should run: what the user added, in the order they added it. */
typedef struct
{
  char            *id;
  char            *label;
  char            *script;
  char            *token;   /* NULL: the page asks for a freshly minted token on each initLead */
  CabWidgetServer *server;  /* for local files and folders */
  JsonNode        *manifest_problems;  /* a folder's cab_manifest_check(), as JSON; or NULL */
  gboolean         from_console;  /* added by the page itself, with addWidget() */
  /* Hot reload (cab-cabinet-reload.c): a local widget's folder is watched, a URL's scripts
   * polled. @scripts are the scripts the page last loaded for it, the widget's own first;
   * @resources, everything it loaded from its folder (scripts, styles, images). */
  CabCabinet       *cabinet;
  CabWidgetWatcher *watcher;
  CabWidgetPoller  *poller;
  GStrv             scripts;
  GStrv             resources;
  char             *content_hash;
} WidgetEntry;

struct _CabCabinet
{
  GObject                   parent_instance;
  CabState                 *state;
  WebKitWebView            *view;
  WebKitUserContentManager *content_manager;
  SoupSession              *probe_session;
  GPtrArray                *entries;   /* WidgetEntry */
  GPtrArray                *widgets;   /* CabWidgetInfo, as the page reports them */
  guint                     next_id;
  gboolean                  headless;
  gboolean                  page_ready;
  gboolean                  responsive;
  guint                     watchdog_id;
  GCancellable             *ping_cancellable;  /* cancelled when the cabinet goes */
  gint64                    ping_sent_at;  /* 0: no ping outstanding */
  /* What the model announced and the page has not heard yet (cab-cabinet-push.c): entity →
   * the set of changed members, or NULL for the whole entity. */
  GHashTable               *pending_entities;
  guint                     pending_flags;
  guint                     push_source_id;
  /* The app's side of window.APP and the event log (cab-cabinet-app.c). */
  CabEventLog              *event_log;
  GListStore               *notifications;   /* CabEvent, oldest first */
  gboolean                  calling;
  gboolean                  server_fails;
  GPtrArray                *remembered_errors;  /* "header\ntext" of closed errors, in order */
  guint                     next_error_number;
  char                     *last_token;
  /* Hot reload (cab-cabinet-reload.c). */
  gboolean                  hot_reload;
  guint                     poll_interval_ms;
  gboolean                  polling_paused;
  guint                     poll_source_id;
  SoupSession              *poll_session;
};

JsonNode *cab_cabinet_widget_entry_to_json (WidgetEntry              *entry);
JsonNode *cab_cabinet_manifest_problems_to_json (const char          *folder);
const char *cab_cabinet_get_string        (JsonObject               *object,
                                            const char               *member);
guint     cab_cabinet_find_info_index      (CabCabinet               *self,
                                            const char               *id);
void      cab_cabinet_send_to_page         (CabCabinet               *self,
                                            const char               *type,
                                            JsonObject               *payload);
void      cab_cabinet_push_on_state_changed (CabCabinet              *self,
                                             const char              *what,
                                             const char              *key);
void      cab_cabinet_push_clear           (CabCabinet               *self);
void      cab_cabinet_app_init             (CabCabinet               *self);
void      cab_cabinet_app_dispose          (CabCabinet               *self);
void      cab_cabinet_app_add_hello        (CabCabinet               *self,
                                            JsonObject               *reply);
void      cab_cabinet_app_add_model        (CabCabinet               *self,
                                            JsonObject               *payload,
                                            gboolean                  users,
                                            gboolean                  account_address);
JsonNode *cab_cabinet_app_on_message       (CabCabinet               *self,
                                            const char               *type,
                                            JsonObject               *payload);
void      cab_cabinet_set_last_token       (CabCabinet               *self,
                                            const char               *token);
void      cab_cabinet_reload_attach        (CabCabinet               *self,
                                            WidgetEntry              *entry,
                                            gboolean                  local);
void      cab_cabinet_reload_on_status     (CabCabinet               *self,
                                            WidgetEntry              *entry,
                                            CabWidgetInfo            *info,
                                            JsonObject               *payload);
void      cab_cabinet_reload_dispose       (CabCabinet               *self);
void      cab_cabinet_emit_widgets_changed (CabCabinet               *self);
/* cab-cabinet-headless.c: before the view is made, and once it is. */
void      cab_cabinet_headless_prepare_settings (CabCabinet          *self,
                                                 WebKitSettings      *settings);
void      cab_cabinet_headless_prepare_view (CabCabinet              *self);
void      cab_cabinet_emit_ready           (CabCabinet               *self);
gboolean  cab_cabinet_bridge_on_message    (WebKitUserContentManager *manager,
                                            JSCValue                 *value,
                                            WebKitScriptMessageReply *reply,
                                            CabCabinet               *self);

G_END_DECLS
