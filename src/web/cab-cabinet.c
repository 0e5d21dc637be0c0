/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The mock client cabinet: a WebKitWebView on cabinet://, the bridge between the page and
 * the C model, and the widgets the page runs.
 *
 * The page asks for everything it needs with one "hello" when it starts, so a reloaded or
 * crashed page comes back with the same state and the same widgets. After that, the model's
 * changes are pushed as they happen. Every message from the page is untrusted input. */
#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "cab-cabinet.h"
#include "cab-scheme.h"
#include "cab-widget-server.h"

#define MESSAGE_HANDLER "cabinet"
#define MAX_WIDGETS 64
/* The page is pinged this often, and counts as not responding when a ping goes unanswered
 * this long. WebKit's own check only runs when there is input to deliver. */
#define PING_INTERVAL_MS 1000
#define UNRESPONSIVE_AFTER_US (3 * G_USEC_PER_SEC)

/* A widget the page should run: what the user added, in the order they added it. */
typedef struct
{
  char            *id;
  char            *label;
  char            *script;
  char            *token;   /* NULL: the page asks for a freshly minted token on each initLead */
  CabWidgetServer *server;  /* for local files and folders */
  gboolean         from_console;  /* added by the page itself, with addWidget() */
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
  gboolean                  page_ready;
  gboolean                  responsive;
  guint                     watchdog_id;
  gint64                    ping_sent_at;  /* 0: no ping outstanding */
};

G_DEFINE_FINAL_TYPE (CabCabinet, cab_cabinet, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_RESPONSIVE,
  N_PROPS
};

enum {
  READY,
  WIDGETS_CHANGED,
  PAGE_CRASHED,
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
  g_free (info);
}

static JsonNode *
widget_entry_to_json (WidgetEntry *entry)
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
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* C → page: every push is one call of CabinetHost.receive() with a JSON message. Messages
 * sent before the page said hello are dropped: the hello reply carries all of them. */
static void
send_to_page (CabCabinet *self,
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
                  CabState   *state)
{
  JsonObject *payload = json_object_new ();

  if (cab_state_is_public_entity (what))
    {
      json_object_set_string_member (payload, "entity", what);
      json_object_set_member (payload, "value", cab_state_dup_entity (state, what));
      /* The lead entity also changes what the page shows beside the SDK. */
      json_object_set_member (payload, "view", cab_state_dup_view (state));
      send_to_page (self, "entity", payload);
      return;
    }

  /* A lead switch or a whole new document: the page re-initialises every widget in the
   * SPEC §1 order with the new entities. */
  json_object_set_member (payload, "entities", cab_state_dup_public_entities (state));
  json_object_set_member (payload, "view", cab_state_dup_view (state));
  json_object_set_member (payload, "routerQuery", cab_state_dup_router_query (state));
  send_to_page (self, "lead-switch", payload);
}

static JsonNode *
build_hello_reply (CabCabinet *self)
{
  JsonObject *reply = json_object_new ();
  JsonArray *widgets = json_array_new ();

  json_object_set_member (reply, "entities", cab_state_dup_public_entities (self->state));
  json_object_set_member (reply, "view", cab_state_dup_view (self->state));
  json_object_set_member (reply, "routerQuery", cab_state_dup_router_query (self->state));
  for (guint i = 0; i < self->entries->len; i++)
    json_array_add_element (widgets, widget_entry_to_json (g_ptr_array_index (self->entries, i)));
  json_object_set_array_member (reply, "widgets", widgets);

  return json_node_init_object (json_node_alloc (), reply);
}

static void
reply_json (WebKitScriptMessageReply *reply,
            JSCContext               *context,
            JsonNode                 *node)
{
  g_autofree char *json = json_to_string (node, FALSE);
  g_autoptr(JSCValue) value = jsc_value_new_from_json (context, json);

  webkit_script_message_reply_return_value (reply, value);
}

static WidgetEntry *
find_entry (CabCabinet *self,
            const char *id)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      WidgetEntry *entry = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (entry->id, id) == 0)
        return entry;
    }

  return NULL;
}

static guint
find_info_index (CabCabinet *self,
                 const char *id)
{
  for (guint i = 0; i < self->widgets->len; i++)
    {
      CabWidgetInfo *info = g_ptr_array_index (self->widgets, i);

      if (g_strcmp0 (info->id, id) == 0)
        return i;
    }

  return G_MAXUINT;
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* "widget-status": the page tells what became of a widget. A widget the page added itself
 * (addWidget from the console) is remembered, so a reloaded page gets it back. */
static void
handle_widget_status (CabCabinet *self,
                      JsonObject *payload)
{
  const char *id = get_string (payload, "id");
  const char *state = get_string (payload, "state");
  const char *script = get_string (payload, "script");
  JsonNode *problem = json_object_get_member (payload, "problem");
  CabWidgetInfo *info;
  guint index;

  if (id == NULL || state == NULL || script == NULL ||
      !g_strv_contains ((const char * const[]) { "loading", "ready", "failed", NULL }, state))
    return;

  index = find_info_index (self, id);
  if (index == G_MAXUINT)
    {
      if (self->widgets->len >= MAX_WIDGETS)
        return;
      info = g_new0 (CabWidgetInfo, 1);
      info->id = g_strdup (id);
      g_ptr_array_add (self->widgets, info);
    }
  else
    {
      info = g_ptr_array_index (self->widgets, index);
    }

  g_free (info->label);
  info->label = g_strdup (get_string (payload, "label") != NULL ? get_string (payload, "label") : script);
  g_free (info->script);
  info->script = g_strdup (script);
  g_free (info->state);
  info->state = g_strdup (state);
  g_clear_pointer (&info->problem, cab_problem_free);
  if (problem != NULL && JSON_NODE_HOLDS_OBJECT (problem))
    info->problem = cab_problem_new_from_json (json_node_get_object (problem));

  /* G_MESSAGES_DEBUG=cabinet-inspector shows each widget's progress (the benchmark reads it). */
  g_debug ("Widget %s (%s) is %s", id, info->label, state);

  if (find_entry (self, id) == NULL && self->entries->len < MAX_WIDGETS)
    {
      WidgetEntry *entry = g_new0 (WidgetEntry, 1);

      entry->id = g_strdup (id);
      entry->label = g_strdup (info->label);
      entry->script = g_strdup (script);
      entry->token = g_strdup (get_string (payload, "token"));
      entry->from_console = TRUE;
      g_ptr_array_add (self->entries, entry);
    }

  g_signal_emit (self, signals[WIDGETS_CHANGED], 0);
}

static void
handle_widget_removed (CabCabinet *self,
                       JsonObject *payload)
{
  const char *id = get_string (payload, "id");
  guint index;

  if (id == NULL)
    return;

  index = find_info_index (self, id);
  if (index != G_MAXUINT)
    g_ptr_array_remove_index (self->widgets, index);
  for (guint i = 0; i < self->entries->len; i++)
    if (g_strcmp0 (((WidgetEntry *) g_ptr_array_index (self->entries, i))->id, id) == 0)
      g_ptr_array_remove_index (self->entries, i);

  g_signal_emit (self, signals[WIDGETS_CHANGED], 0);
}

typedef struct
{
  WebKitScriptMessageReply *reply;
  JSCContext               *context;
  SoupMessage              *message;
  gboolean                  want_text;
} ProbeData;

/* A script larger than this is not a widget anyone debugs by hand; its text is not sent. */
#define MAX_PROBE_TEXT (8 * 1024 * 1024)

static void
probe_data_free (ProbeData *data)
{
  webkit_script_message_reply_unref (data->reply);
  g_object_unref (data->context);
  g_object_unref (data->message);
  g_free (data);
}

static void
probe_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ProbeData *data = user_data;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  json_builder_begin_object (builder);
  if (body == NULL)
    {
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, error->message);
    }
  else
    {
      gsize size;
      const char *text = g_bytes_get_data (body, &size);

      json_builder_set_member_name (builder, "status");
      json_builder_add_int_value (builder, soup_message_get_status (data->message));
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, soup_message_get_reason_phrase (data->message));
      if (data->want_text && size <= MAX_PROBE_TEXT && g_utf8_validate_len (text, size, NULL))
        {
          g_autofree char *copy = g_strndup (text, size);

          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, copy);
        }
    }
  json_builder_end_object (builder);

  node = json_builder_get_root (builder);
  reply_json (data->reply, data->context, node);
  probe_data_free (data);
}

/* "probe": why did a script fail to load, or what does it say? The page cannot tell a 404
 * from a refused connection (both are a bare "error" event), and a server that sends no CORS
 * headers hides a script's errors from it ("Script error."). The app is not bound by CORS, so
 * it asks the server itself, and on request returns the script's text for the page to find
 * the syntax error in. Only http(s) URLs are probed. */
static gboolean
handle_probe (CabCabinet               *self,
              JsonObject               *payload,
              JSCContext               *context,
              WebKitScriptMessageReply *reply)
{
  const char *url = get_string (payload, "url");
  JsonNode *want_text = payload != NULL ? json_object_get_member (payload, "text") : NULL;
  ProbeData *data;
  SoupMessage *message;

  if (url == NULL || !(g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://")) ||
      (message = soup_message_new ("GET", url)) == NULL)
    {
      webkit_script_message_reply_return_error_message (reply, "probe: not an http(s) URL");
      return TRUE;
    }

  soup_message_headers_replace (soup_message_get_request_headers (message), "Cache-Control", "no-cache");
  data = g_new0 (ProbeData, 1);
  data->reply = webkit_script_message_reply_ref (reply);
  data->context = g_object_ref (context);
  data->message = message;
  data->want_text = want_text != NULL && JSON_NODE_HOLDS_VALUE (want_text) && json_node_get_boolean (want_text);
  soup_session_send_and_read_async (self->probe_session, message, G_PRIORITY_DEFAULT, NULL, probe_done, data);

  return TRUE;
}

static gboolean
on_script_message (WebKitUserContentManager *manager,
                   JSCValue                 *value,
                   WebKitScriptMessageReply *reply,
                   CabCabinet               *self)
{
  g_autofree char *json = jsc_value_to_json (value, 0);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JSCContext *context = jsc_value_get_context (value);
  JsonObject *message, *payload = NULL;
  JsonNode *payload_node;
  const char *type;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      webkit_script_message_reply_return_error_message (reply, "cabinet bridge: expected a JSON object");
      return TRUE;
    }

  message = json_node_get_object (json_parser_get_root (parser));
  type = get_string (message, "type");
  payload_node = json_object_get_member (message, "payload");
  if (payload_node != NULL && JSON_NODE_HOLDS_OBJECT (payload_node))
    payload = json_node_get_object (payload_node);

  if (g_strcmp0 (type, "hello") == 0)
    {
      g_autoptr(JsonNode) hello = build_hello_reply (self);

      g_debug ("The page said hello");
      /* The widgets the page last reported belong to the page that is gone. */
      g_ptr_array_set_size (self->widgets, 0);
      self->page_ready = TRUE;
      reply_json (reply, context, hello);
      g_signal_emit (self, signals[WIDGETS_CHANGED], 0);
      g_signal_emit (self, signals[READY], 0);
      return TRUE;
    }
  if (g_strcmp0 (type, "token") == 0)
    {
      WidgetEntry *entry = find_entry (self, get_string (payload, "widgetId"));
      g_autofree char *token = NULL;
      g_autoptr(JSCValue) token_value = NULL;

      /* A token the developer gave (addWidget({token})) wins over a minted one. */
      if (entry != NULL && entry->token != NULL)
        token = g_strdup (entry->token);
      else
        token = cab_state_mint_token (self->state, get_string (payload, "leadId"));
      token_value = jsc_value_new_string (context, token);
      webkit_script_message_reply_return_value (reply, token_value);
      return TRUE;
    }
  if (g_strcmp0 (type, "probe") == 0)
    return handle_probe (self, payload, context, reply);

  if (g_strcmp0 (type, "widget-status") == 0 && payload != NULL)
    handle_widget_status (self, payload);
  else if (g_strcmp0 (type, "widget-removed") == 0 && payload != NULL)
    handle_widget_removed (self, payload);

  {
    g_autoptr(JSCValue) ok = jsc_value_new_boolean (context, TRUE);

    webkit_script_message_reply_return_value (reply, ok);
  }

  return TRUE;
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
  CabCabinet *self = user_data;
  g_autoptr(JSCValue) value = NULL;

  /* An error only means the page went away, which the termination handler reports. */
  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result, NULL);
  self->ping_sent_at = 0;
  if (self->page_ready)
    set_responsive (self, TRUE);
  g_object_unref (self);
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
      webkit_web_view_evaluate_javascript (self->view, "0", -1, NULL, NULL, NULL, ping_answered, g_object_ref (self));
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
  g_signal_connect_object (self->content_manager, "script-message-with-reply-received::" MESSAGE_HANDLER,
                           G_CALLBACK (on_script_message), self, G_CONNECT_DEFAULT);

  self->view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                             "web-context", context,
                             "network-session", session,
                             "settings", settings,
                             "user-content-manager", self->content_manager,
                             NULL);
  g_object_ref_sink (self->view);
  g_signal_connect_object (self->view, "load-changed", G_CALLBACK (on_load_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "web-process-terminated",
                           G_CALLBACK (on_web_process_terminated), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->state, "changed", G_CALLBACK (on_state_changed), self, G_CONNECT_SWAPPED);
  self->watchdog_id = g_timeout_add (PING_INTERVAL_MS, watchdog_tick, self);
}

static void
cab_cabinet_dispose (GObject *object)
{
  CabCabinet *self = CAB_CABINET (object);

  g_clear_handle_id (&self->watchdog_id, g_source_remove);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->widgets, g_ptr_array_unref);
  g_clear_object (&self->view);
  g_clear_object (&self->content_manager);
  g_clear_object (&self->probe_session);
  g_clear_object (&self->state);

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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The page has started and has the state and the widgets. */
  signals[READY] = g_signal_new ("ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[WIDGETS_CHANGED] = g_signal_new ("widgets-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[PAGE_CRASHED] = g_signal_new ("page-crashed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cab_cabinet_init (CabCabinet *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) widget_entry_free);
  self->widgets = g_ptr_array_new_with_free_func ((GDestroyNotify) widget_info_free);
  self->probe_session = soup_session_new_with_options ("timeout", 5, NULL);
  self->next_id = 1;
  self->responsive = TRUE;
}

CabCabinet *
cab_cabinet_new (CabState *state)
{
  g_return_val_if_fail (CAB_IS_STATE (state), NULL);

  return g_object_new (CAB_TYPE_CABINET, "state", state, NULL);
}

CabState *
cab_cabinet_get_state (CabCabinet *self)
{
  g_return_val_if_fail (CAB_IS_CABINET (self), NULL);
  return self->state;
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
  g_ptr_array_add (self->entries, entry);

  if (self->page_ready)
    {
      JsonObject *payload = json_object_new ();

      json_object_set_member (payload, "widget", widget_entry_to_json (entry));
      send_to_page (self, "add-widget", payload);
    }

  return g_strdup (entry->id);
}

void
cab_cabinet_reload_widgets (CabCabinet *self)
{
  g_return_if_fail (CAB_IS_CABINET (self));

  send_to_page (self, "reload-widgets", NULL);
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

  /* The page gets its state and widgets back from the hello it sends when it starts. */
  self->page_ready = FALSE;
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

  index = find_info_index (self, id);
  return index != G_MAXUINT ? g_ptr_array_index (self->widgets, index) : NULL;
}
