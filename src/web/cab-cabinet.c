/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The mock client cabinet: a WebKitWebView on cabinet://, the bridge between the page and
 * the C model, and the widgets the page runs.
 *
 * The page asks for everything it needs with one "hello" when it starts, so a reloaded or
 * crashed page comes back with the same state and the same widgets. After that, the model's
 * changes are pushed as they happen. Every message from the page is untrusted input. */
#include "config.h"

#include <glib/gi18n.h>
#include "cab-cabinet-private.h"
#include "cab-scheme.h"

#define MESSAGE_HANDLER "cabinet"
/* The page is pinged this often, and counts as not responding when a ping goes unanswered
 * this long. WebKit's own check only runs when there is input to deliver. */
#define PING_INTERVAL_MS 1000
#define UNRESPONSIVE_AFTER_US (3 * G_USEC_PER_SEC)


G_DEFINE_FINAL_TYPE (CabCabinet, cab_cabinet, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_RESPONSIVE,
  PROP_CALLING,
  PROP_SERVER_FAILS,
  PROP_REMEMBERED_ERRORS,
  PROP_LAST_TOKEN,
  PROP_HOT_RELOAD,
  PROP_POLL_INTERVAL,
  PROP_HEADLESS,
  N_PROPS
};

enum {
  READY,
  WIDGETS_CHANGED,
  PAGE_CRASHED,
  OPEN_URI,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
widget_entry_free (WidgetEntry *entry)
{
  g_free (entry->id);
  g_free (entry->label);
  g_free (entry->script);
  g_free (entry->token);
  g_clear_object (&entry->server);
  g_clear_pointer (&entry->manifest_problems, json_node_unref);
  /* Disposed, not only unreferenced: a round of requests in flight holds the poller, and a
   * request that completes as it goes must not call back into this freed entry. */
  if (entry->poller != NULL)
    {
      g_signal_handlers_disconnect_by_data (entry->poller, entry);
      g_object_run_dispose (G_OBJECT (entry->poller));
    }
  g_clear_object (&entry->poller);
  if (entry->watcher != NULL)
    g_signal_handlers_disconnect_by_data (entry->watcher, entry);
  g_clear_object (&entry->watcher);
  g_strfreev (entry->scripts);
  g_strfreev (entry->resources);
  g_free (entry->content_hash);
  g_free (entry);
}

static void
widget_info_free (CabWidgetInfo *info)
{
  g_free (info->id);
  g_free (info->label);
  g_free (info->script);
  g_free (info->state);
  g_clear_pointer (&info->problem, cab_problem_free);
  g_free (info->content_hash);
  g_free (info);
}

JsonNode *
cab_cabinet_widget_entry_to_json (WidgetEntry *entry)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, entry->id);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, entry->label);
  json_builder_set_member_name (builder, "script");
  json_builder_add_string_value (builder, entry->script);
  json_builder_set_member_name (builder, "token");
  if (entry->token != NULL)
    json_builder_add_string_value (builder, entry->token);
  else
    json_builder_add_null_value (builder);
  /* The app's own server sends CORS headers: the page may ask for full error details. */
  json_builder_set_member_name (builder, "cors");
  json_builder_add_boolean_value (builder, entry->server != NULL);
  json_builder_set_member_name (builder, "origin");
  json_builder_add_string_value (builder, entry->from_console ? "console" : "app");
  json_builder_set_member_name (builder, "contentHash");
  if (entry->content_hash != NULL)
    json_builder_add_string_value (builder, entry->content_hash);
  else
    json_builder_add_null_value (builder);
  if (entry->manifest_problems != NULL)
    {
      json_builder_set_member_name (builder, "manifestProblems");
      json_builder_add_value (builder, json_node_copy (entry->manifest_problems));
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* C → page: every push is one call of CabinetHost.receive() with a JSON message. Messages
 * sent before the page said hello are dropped: the hello reply carries all of them. */
void
cab_cabinet_send_to_page (CabCabinet *self,
                          const char *type,
                          JsonObject *payload)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *json = NULL;
  g_autofree char *script = NULL;

  if (!self->page_ready)
    {
      g_clear_pointer (&payload, json_object_unref);
      return;
    }

  if (payload == NULL)
    payload = json_object_new ();
  json_object_set_string_member (payload, "type", type);
  json_node_take_object (node, payload);
  json = json_to_string (node, FALSE);
  script = g_strdup_printf ("window.CabinetHost && window.CabinetHost.receive(%s);", json);
  webkit_web_view_evaluate_javascript (self->view, script, -1, NULL, NULL, NULL, NULL, NULL);
}

static void
on_state_changed (CabCabinet *self,
                  const char *what,
                  const char *key,
                  CabState   *state)
{
  cab_cabinet_push_on_state_changed (self, what, key);
}

static void
set_responsive (CabCabinet *self,
                gboolean    responsive)
{
  if (self->responsive == responsive)
    return;

  self->responsive = responsive;
  g_debug ("The page is %s", responsive ? "responding again" : "not responding");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESPONSIVE]);
}

static void
ping_answered (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;
  CabCabinet *self;

  /* The ping holds no reference: a hung page must not keep a closed window's cabinet alive.
   * Cancelled means the cabinet is gone; any other error, that the page went away, which the
   * termination handler reports. */
  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;
  self->ping_sent_at = 0;
  if (self->page_ready)
    set_responsive (self, TRUE);
}

/* A page stuck in a widget's endless loop answers no ping: the app must notice and say so
 * while staying responsive itself. */
static gboolean
watchdog_tick (gpointer user_data)
{
  CabCabinet *self = user_data;
  gint64 now = g_get_monotonic_time ();

  if (!self->page_ready)
    return G_SOURCE_CONTINUE;

  if (self->ping_sent_at == 0)
    {
      self->ping_sent_at = now;
      webkit_web_view_evaluate_javascript (self->view, "0", -1, NULL, NULL, self->ping_cancellable,
                                           ping_answered, self);
    }
  else if (now - self->ping_sent_at > UNRESPONSIVE_AFTER_US)
    {
      set_responsive (self, FALSE);
    }

  return G_SOURCE_CONTINUE;
}

static void
on_web_process_terminated (CabCabinet                        *self,
                           WebKitWebProcessTerminationReason  reason,
                           WebKitWebView                     *view)
{
  const char *message;

  /* A page that is gone is not "not responding": the crash is reported instead. */
  self->page_ready = FALSE;
  self->ping_sent_at = 0;
  set_responsive (self, TRUE);
  switch (reason)
    {
    case WEBKIT_WEB_PROCESS_EXCEEDED_MEMORY_LIMIT:
      message = _("The cabinet page used too much memory and was stopped");
      break;
    case WEBKIT_WEB_PROCESS_TERMINATED_BY_API:
      message = _("The cabinet page was stopped");
      break;
    case WEBKIT_WEB_PROCESS_CRASHED:
    default:
      message = _("The cabinet page crashed");
      break;
    }

  g_signal_emit (self, signals[PAGE_CRASHED], 0, message);
}

static void
on_load_changed (CabCabinet      *self,
                 WebKitLoadEvent  event,
                 WebKitWebView   *view)
{
  static const char * const names[] = { "started", "redirected", "committed", "finished" };

  g_debug ("Page load %s", names[event]);
}

/* Links for another page go to whoever shows the cabinet (the window opens them in the
 * browser); only links a browser can take, never file:// or javascript:. */
static void
open_elsewhere (CabCabinet *self,
                const char *uri)
{
  if (g_str_has_prefix (uri, "http://") || g_str_has_prefix (uri, "https://") || g_str_has_prefix (uri, "mailto:"))
    g_signal_emit (self, signals[OPEN_URI], 0, uri);
}

/* The main frame only ever shows the cabinet: a widget that navigates the page away would
 * take the widgets with it and hand the app's bridge to a page that is not the cabinet. A
 * link meant for another page (a field's URL, a widget's link) opens in the browser. */
static gboolean
on_decide_policy (CabCabinet               *self,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  WebKitWebView            *view)
{
  if (type == WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION)
    {
      WebKitNavigationAction *action =
        webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));

      open_elsewhere (self, webkit_uri_request_get_uri (webkit_navigation_action_get_request (action)));
      webkit_policy_decision_ignore (decision);
      return TRUE;
    }

  if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    {
      WebKitResponsePolicyDecision *response = WEBKIT_RESPONSE_POLICY_DECISION (decision);
      const char *uri = webkit_uri_request_get_uri (webkit_response_policy_decision_get_request (response));

      if (webkit_response_policy_decision_is_main_frame_main_resource (response) &&
          !g_str_has_prefix (uri, CAB_PAGE_ORIGIN "/"))
        {
          g_debug ("The page tried to leave the cabinet for %s", uri);
          open_elsewhere (self, uri);
          webkit_policy_decision_ignore (decision);
          return TRUE;
        }
    }

  return FALSE;
}

static void
ensure_scheme_registered (WebKitWebContext *context)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      cab_scheme_register (context);
      g_once_init_leave (&registered, 1);
    }
}

static void
cab_cabinet_constructed (GObject *object)
{
  CabCabinet *self = CAB_CABINET (object);
  WebKitWebContext *context = webkit_web_context_get_default ();
  g_autoptr(WebKitNetworkSession) session = NULL;
  g_autoptr(WebKitSettings) settings = NULL;

  G_OBJECT_CLASS (cab_cabinet_parent_class)->constructed (object);

  ensure_scheme_registered (context);
  /* Everything the page loads comes from the GResource or a server on this machine, and a
   * widget under development must never be served from a cache: caching buys nothing here,
   * and the smallest cache model saves the web process tens of megabytes. */
  webkit_web_context_set_cache_model (context, WEBKIT_CACHE_MODEL_DOCUMENT_VIEWER);

  /* Ephemeral: a developer's test runs must not leave cookies, caches or storage behind that
   * would make the next run behave differently. */
  session = webkit_network_session_new_ephemeral ();
  settings = webkit_settings_new ();
  webkit_settings_set_enable_developer_extras (settings, TRUE);
  webkit_settings_set_enable_back_forward_navigation_gestures (settings, FALSE);
  webkit_settings_set_enable_page_cache (settings, FALSE);
  webkit_settings_set_enable_write_console_messages_to_stdout (settings,
                                                               g_getenv ("CABINET_INSPECTOR_CONSOLE") != NULL);

  self->content_manager = webkit_user_content_manager_new ();
  webkit_user_content_manager_register_script_message_handler_with_reply (self->content_manager,
                                                                          MESSAGE_HANDLER, NULL);
  if (self->headless)
    cab_cabinet_headless_prepare_settings (self, settings);
  g_signal_connect_object (self->content_manager, "script-message-with-reply-received::" MESSAGE_HANDLER,
                           G_CALLBACK (cab_cabinet_bridge_on_message), self, G_CONNECT_DEFAULT);

  self->view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                             "web-context", context,
                             "network-session", session,
                             "settings", settings,
                             "user-content-manager", self->content_manager,
                             NULL);
  g_object_ref_sink (self->view);
  if (self->headless)
    cab_cabinet_headless_prepare_view (self);
  g_signal_connect_object (self->view, "load-changed", G_CALLBACK (on_load_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "decide-policy", G_CALLBACK (on_decide_policy), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "web-process-terminated",
                           G_CALLBACK (on_web_process_terminated), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->state, "changed", G_CALLBACK (on_state_changed), self, G_CONNECT_SWAPPED);
  self->ping_cancellable = g_cancellable_new ();
  self->watchdog_id = g_timeout_add (PING_INTERVAL_MS, watchdog_tick, self);
}

static void
cab_cabinet_dispose (GObject *object)
{
  CabCabinet *self = CAB_CABINET (object);

  g_clear_handle_id (&self->watchdog_id, g_source_remove);
  cab_cabinet_reload_dispose (self);
  if (self->pending_entities != NULL)
    cab_cabinet_push_clear (self);
  g_clear_pointer (&self->pending_entities, g_hash_table_unref);
  g_cancellable_cancel (self->ping_cancellable);
  g_clear_object (&self->ping_cancellable);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->widgets, g_ptr_array_unref);
  g_clear_object (&self->view);
  g_clear_object (&self->content_manager);
  g_clear_object (&self->probe_session);
  g_clear_object (&self->state);
  g_clear_pointer (&self->last_token, g_free);
  cab_cabinet_app_dispose (self);

  G_OBJECT_CLASS (cab_cabinet_parent_class)->dispose (object);
}

static void
cab_cabinet_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CabCabinet *self = CAB_CABINET (object);

  switch (prop_id)
    {
    case PROP_STATE:
      self->state = g_value_dup_object (value);
      break;
    case PROP_CALLING:
      cab_cabinet_set_calling (self, g_value_get_boolean (value));
      break;
    case PROP_SERVER_FAILS:
      cab_cabinet_set_server_fails (self, g_value_get_boolean (value));
      break;
    case PROP_HOT_RELOAD:
      cab_cabinet_set_hot_reload (self, g_value_get_boolean (value));
      break;
    case PROP_POLL_INTERVAL:
      cab_cabinet_set_poll_interval (self, g_value_get_uint (value));
      break;
    case PROP_HEADLESS:
      self->headless = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cab_cabinet_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CabCabinet *self = CAB_CABINET (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_object (value, self->state);
      break;
    case PROP_RESPONSIVE:
      g_value_set_boolean (value, self->responsive);
      break;
    case PROP_CALLING:
      g_value_set_boolean (value, self->calling);
      break;
    case PROP_SERVER_FAILS:
      g_value_set_boolean (value, self->server_fails);
      break;
    case PROP_REMEMBERED_ERRORS:
      g_value_set_uint (value, self->remembered_errors->len);
      break;
    case PROP_LAST_TOKEN:
      g_value_set_string (value, self->last_token);
      break;
    case PROP_HOT_RELOAD:
      g_value_set_boolean (value, self->hot_reload);
      break;
    case PROP_POLL_INTERVAL:
      g_value_set_uint (value, self->poll_interval_ms);
      break;
    case PROP_HEADLESS:
      g_value_set_boolean (value, self->headless);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cab_cabinet_class_init (CabCabinetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cab_cabinet_constructed;
  object_class->dispose = cab_cabinet_dispose;
  object_class->set_property = cab_cabinet_set_property;
  object_class->get_property = cab_cabinet_get_property;

  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL,
                         CAB_TYPE_STATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* FALSE while the page does not answer (a widget in an endless loop). */
  properties[PROP_RESPONSIVE] =
    g_param_spec_boolean ("responsive", NULL, NULL,
                          TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* APP.sdk.getCallingStatus(): set by a widget's setCallingStatus() or by the app. */
  properties[PROP_CALLING] =
    g_param_spec_boolean ("calling", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* add_error's save fails (fail + always run) instead of answering a number. */
  properties[PROP_SERVER_FAILS] =
    g_param_spec_boolean ("server-fails", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* How many closed error notifications are not shown again. */
  properties[PROP_REMEMBERED_ERRORS] =
    g_param_spec_uint ("remembered-errors", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The token minted for the last initLead ("" without a client secret). */
  properties[PROP_LAST_TOKEN] =
    g_param_spec_string ("last-token", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HOT_RELOAD] =
    g_param_spec_boolean ("hot-reload", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_POLL_INTERVAL] =
    g_param_spec_uint ("poll-interval", NULL, NULL,
                       CAB_CABINET_MIN_POLL_INTERVAL, CAB_CABINET_MAX_POLL_INTERVAL,
                       CAB_CABINET_DEFAULT_POLL_INTERVAL,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Never shown: the page runs as it would on screen (cab-cabinet-headless.c). */
  properties[PROP_HEADLESS] =
    g_param_spec_boolean ("headless", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The page has started and has the state and the widgets. */
  signals[READY] = g_signal_new ("ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[WIDGETS_CHANGED] = g_signal_new ("widgets-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[PAGE_CRASHED] = g_signal_new ("page-crashed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* A link meant for another page than the cabinet: the page does not follow it. */
  signals[OPEN_URI] = g_signal_new ("open-uri", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
unref_key_set (gpointer keys)
{
  /* NULL stands for "the whole entity". */
  if (keys != NULL)
    g_hash_table_unref (keys);
}

static void
cab_cabinet_init (CabCabinet *self)
{
  self->pending_entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_key_set);
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) widget_entry_free);
  self->widgets = g_ptr_array_new_with_free_func ((GDestroyNotify) widget_info_free);
  self->probe_session = soup_session_new_with_options ("timeout", 5, NULL);
  self->next_id = 1;
  self->responsive = TRUE;
  self->hot_reload = TRUE;
  self->poll_interval_ms = CAB_CABINET_DEFAULT_POLL_INTERVAL;
  cab_cabinet_app_init (self);
}

void
cab_cabinet_set_last_token (CabCabinet *self,
                            const char *token)
{
  /* Every initLead gets a fresh token (a new jti), so this is always news. */
  g_free (self->last_token);
  self->last_token = g_strdup (token);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_TOKEN]);
}

const char *
cab_cabinet_get_last_token (CabCabinet *self)
{
  g_return_val_if_fail (CAB_IS_CABINET (self), NULL);
  return self->last_token;
}

void
cab_cabinet_emit_widgets_changed (CabCabinet *self)
{
  g_signal_emit (self, signals[WIDGETS_CHANGED], 0);
}

void
cab_cabinet_emit_ready (CabCabinet *self)
{
  g_signal_emit (self, signals[READY], 0);
}

CabCabinet *
cab_cabinet_new (CabState *state)
{
  g_return_val_if_fail (CAB_IS_STATE (state), NULL);

  return g_object_new (CAB_TYPE_CABINET, "state", state, NULL);
}

CabCabinet *
cab_cabinet_new_headless (CabState *state)
{
  g_return_val_if_fail (CAB_IS_STATE (state), NULL);

  return g_object_new (CAB_TYPE_CABINET, "state", state, "headless", TRUE, NULL);
}

WebKitWebView *
cab_cabinet_get_view (CabCabinet *self)
{
  g_return_val_if_fail (CAB_IS_CABINET (self), NULL);
  return self->view;
}

void
cab_cabinet_load (CabCabinet *self)
{
  g_return_if_fail (CAB_IS_CABINET (self));

  self->page_ready = FALSE;
  webkit_web_view_load_uri (self->view, CAB_PAGE_URI);
}

gboolean
cab_cabinet_is_ready (CabCabinet *self)
{
  g_return_val_if_fail (CAB_IS_CABINET (self), FALSE);
  return self->page_ready;
}

/* Adds a widget and returns its id. Local files and folders get a loopback server of their
 * own, so the widget's relative URLs resolve inside its folder and nowhere else. */
char *
cab_cabinet_add_widget (CabCabinet       *self,
                        CabWidgetSource  *source,
                        GError          **error)
{
  g_autoptr(CabWidgetServer) server = NULL;
  WidgetEntry *entry;

  g_return_val_if_fail (CAB_IS_CABINET (self), NULL);
  g_return_val_if_fail (CAB_IS_WIDGET_SOURCE (source), NULL);

  if (cab_widget_source_get_kind (source) != CAB_WIDGET_SOURCE_URL)
    {
      server = cab_widget_server_new (cab_widget_source_get_root (source), CAB_PAGE_ORIGIN, error);
      if (server == NULL)
        return NULL;
    }

  entry = g_new0 (WidgetEntry, 1);
  entry->id = g_strdup_printf ("w%u", self->next_id++);
  entry->label = g_strdup (cab_widget_source_get_label (source));
  if (server != NULL)
    entry->script = cab_widget_server_dup_uri (server, cab_widget_source_get_entry (source));
  else
    entry->script = g_strdup (cab_widget_source_get_location (source));
  entry->server = g_steal_pointer (&server);
  if (cab_widget_source_get_kind (source) == CAB_WIDGET_SOURCE_FOLDER)
    entry->manifest_problems = cab_cabinet_manifest_problems_to_json (cab_widget_source_get_root (source));
  g_ptr_array_add (self->entries, entry);
  cab_cabinet_reload_attach (self, entry, entry->server != NULL);

  if (self->page_ready)
    {
      JsonObject *payload = json_object_new ();

      json_object_set_member (payload, "widget", cab_cabinet_widget_entry_to_json (entry));
      cab_cabinet_send_to_page (self, "add-widget", payload);
    }

  return g_strdup (entry->id);
}

const char *
cab_cabinet_get_widget_script (CabCabinet *self,
                               const char *id)
{
  g_return_val_if_fail (CAB_IS_CABINET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      WidgetEntry *entry = g_ptr_array_index (self->entries, i);

      if (g_str_equal (entry->id, id))
        return entry->script;
    }

  return NULL;
}

gboolean
cab_cabinet_remove_widget (CabCabinet *self,
                           const char *id)
{
  JsonObject *payload;

  g_return_val_if_fail (CAB_IS_CABINET (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < self->entries->len; i++)
    {
      WidgetEntry *entry = g_ptr_array_index (self->entries, i);

      if (!g_str_equal (entry->id, id))
        continue;

      /* The page runs the widget's destroy and cleanup and answers "widget-removed"; a page
       * that is not up has nothing to run, and its next hello must not bring it back. */
      if (self->page_ready)
        {
          payload = json_object_new ();
          json_object_set_string_member (payload, "id", id);
          cab_cabinet_send_to_page (self, "remove-widget", payload);
        }
      g_ptr_array_remove_index (self->entries, i);
      return TRUE;
    }

  return FALSE;
}

void
cab_cabinet_reload_widgets (CabCabinet *self)
{
  g_return_if_fail (CAB_IS_CABINET (self));

  cab_cabinet_send_to_page (self, "reload-widgets", NULL);
}

gboolean
cab_cabinet_is_responsive (CabCabinet *self)
{
  g_return_val_if_fail (CAB_IS_CABINET (self), FALSE);
  return self->responsive;
}

void
cab_cabinet_stop_page (CabCabinet *self)
{
  g_return_if_fail (CAB_IS_CABINET (self));

  webkit_web_view_terminate_web_process (self->view);
}

void
cab_cabinet_reload_page (CabCabinet *self)
{
  g_return_if_fail (CAB_IS_CABINET (self));

  /* A hung page would not let go of its process for a new load: stop it first. */
  if (!self->responsive)
    webkit_web_view_terminate_web_process (self->view);

  /* The page gets its state and widgets back from the hello it sends when it starts. */
  self->page_ready = FALSE;
  self->ping_sent_at = 0;
  g_ptr_array_set_size (self->widgets, 0);
  g_signal_emit (self, signals[WIDGETS_CHANGED], 0);
  webkit_web_view_load_uri (self->view, CAB_PAGE_URI);
}

void
cab_cabinet_show_inspector (CabCabinet *self)
{
  g_return_if_fail (CAB_IS_CABINET (self));

  webkit_web_inspector_show (webkit_web_view_get_inspector (self->view));
}

GPtrArray *
cab_cabinet_get_widgets (CabCabinet *self)
{
  g_return_val_if_fail (CAB_IS_CABINET (self), NULL);
  return self->widgets;
}

const CabWidgetInfo *
cab_cabinet_find_widget (CabCabinet *self,
                         const char *id)
{
  guint index;

  g_return_val_if_fail (CAB_IS_CABINET (self), NULL);

  index = cab_cabinet_find_info_index (self, id);
  return index != G_MAXUINT ? g_ptr_array_index (self->widgets, index) : NULL;
}
