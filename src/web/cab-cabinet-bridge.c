/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The page → app half of the bridge: one script message handler whose replies are the
 * page's Promises. Every message is untrusted input: only the expected types of the expected
 * members are read, and what the page may make the app keep is capped. */
#include "config.h"

#include <glib/gi18n.h>

#include "cab-cabinet-private.h"

static JsonNode *
build_hello_reply (CabCabinet *self)
{
  JsonObject *reply = json_object_new ();
  JsonArray *widgets = json_array_new ();

  json_object_set_member (reply, "entities", cab_state_dup_public_entities (self->state));
  json_object_set_member (reply, "view", cab_state_dup_view (self->state));
  json_object_set_member (reply, "routerQuery", cab_state_dup_router_query (self->state));
  for (guint i = 0; i < self->entries->len; i++)
    json_array_add_element (widgets, cab_cabinet_widget_entry_to_json (g_ptr_array_index (self->entries, i)));
  json_object_set_array_member (reply, "widgets", widgets);
  cab_cabinet_app_add_hello (self, reply);

  {
    JsonNode *node = json_node_new (JSON_NODE_OBJECT);

    json_node_take_object (node, reply);
    return node;
  }
}

/* A reply travels to the web process as text, { json: "…" }, parsed by bridge.js: an object
 * reply is carried across as a dictionary that loses the order of its members, and a widget
 * that lists leadFields in Object.keys() order would see them shuffled on every start. */
static void
reply_json (WebKitScriptMessageReply *reply,
            JSCContext               *context,
            JsonNode                 *node)
{
  g_autofree char *json = json_to_string (node, FALSE);
  g_autoptr(JSCValue) value = jsc_value_new_object (context, NULL, NULL);
  g_autoptr(JSCValue) text = jsc_value_new_string (context, json);

  jsc_value_object_set_property (value, "json", text);
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

guint
cab_cabinet_find_info_index (CabCabinet *self,
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

/* @member of @object when it is a string; NULL otherwise (the page's messages are untrusted). */
const char *
cab_cabinet_get_string (JsonObject *object,
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
  const char *id = cab_cabinet_get_string (payload, "id");
  const char *state = cab_cabinet_get_string (payload, "state");
  const char *script = cab_cabinet_get_string (payload, "script");
  JsonNode *problem = json_object_get_member (payload, "problem");
  CabWidgetInfo *info;
  guint index;

  if (id == NULL || state == NULL || script == NULL ||
      !g_strv_contains ((const char * const[]) { "loading", "ready", "failed", NULL }, state))
    return;

  index = cab_cabinet_find_info_index (self, id);
  if (index == G_MAXUINT)
    {
      if (self->widgets->len >= CAB_MAX_WIDGETS)
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
  info->label = g_strdup (cab_cabinet_get_string (payload, "label") != NULL ? cab_cabinet_get_string (payload, "label") : script);
  g_free (info->script);
  info->script = g_strdup (script);
  g_free (info->state);
  info->state = g_strdup (state);
  g_clear_pointer (&info->problem, cab_problem_free);
  if (problem != NULL && JSON_NODE_HOLDS_OBJECT (problem))
    info->problem = cab_problem_new_from_json (json_node_get_object (problem));

  /* G_MESSAGES_DEBUG=cabinet-inspector shows each widget's progress (the benchmark reads it). */
  g_debug ("Widget %s (%s) is %s", id, info->label, state);

  /* Only a widget the page added itself (addWidget) becomes one the app keeps; any other
   * unknown id is a widget that is gone. */
  if (find_entry (self, id) == NULL && g_strcmp0 (cab_cabinet_get_string (payload, "origin"), "console") == 0 &&
      self->entries->len < CAB_MAX_WIDGETS)
    {
      WidgetEntry *entry = g_new0 (WidgetEntry, 1);

      entry->id = g_strdup (id);
      entry->label = g_strdup (info->label);
      entry->script = g_strdup (script);
      entry->token = g_strdup (cab_cabinet_get_string (payload, "token"));
      entry->from_console = TRUE;
      g_ptr_array_add (self->entries, entry);
      cab_cabinet_reload_attach (self, entry, FALSE);
    }

  if (find_entry (self, id) != NULL)
    cab_cabinet_reload_on_status (self, find_entry (self, id), info, payload);

  cab_cabinet_emit_widgets_changed (self);
}

static void
handle_widget_removed (CabCabinet *self,
                       JsonObject *payload)
{
  const char *id = cab_cabinet_get_string (payload, "id");
  guint index;

  if (id == NULL)
    return;

  index = cab_cabinet_find_info_index (self, id);
  if (index != G_MAXUINT)
    g_ptr_array_remove_index (self->widgets, index);
  for (guint i = 0; i < self->entries->len; i++)
    if (g_strcmp0 (((WidgetEntry *) g_ptr_array_index (self->entries, i))->id, id) == 0)
      {
        g_ptr_array_remove_index (self->entries, i);
        break;
      }

  cab_cabinet_emit_widgets_changed (self);
}

typedef struct
{
  WebKitScriptMessageReply *reply;
  JSCContext               *context;
  SoupMessage              *message;
  GInputStream             *stream;
  GByteArray               *text;   /* NULL unless the page asked for the text */
} ProbeData;

/* A script larger than this is not a widget anyone debugs by hand; its text is not sent. */
#define MAX_PROBE_TEXT (8 * 1024 * 1024)
#define PROBE_CHUNK (64 * 1024)

static void
probe_data_free (ProbeData *data)
{
  webkit_script_message_reply_unref (data->reply);
  g_object_unref (data->context);
  g_object_unref (data->message);
  g_clear_object (&data->stream);
  g_clear_pointer (&data->text, g_byte_array_unref);
  g_free (data);
}

static void
probe_reply (ProbeData  *data,
             const char *error_message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  if (error_message != NULL)
    {
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, error_message);
    }
  else
    {
      json_builder_set_member_name (builder, "status");
      json_builder_add_int_value (builder, soup_message_get_status (data->message));
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, soup_message_get_reason_phrase (data->message));
      if (data->text != NULL && data->text->len <= MAX_PROBE_TEXT &&
          g_utf8_validate_len ((const char *) data->text->data, data->text->len, NULL))
        {
          g_autofree char *copy = g_strndup ((const char *) data->text->data, data->text->len);

          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, copy);
        }
    }
  json_builder_end_object (builder);

  node = json_builder_get_root (builder);
  reply_json (data->reply, data->context, node);
  probe_data_free (data);
}

/* Reads the text a chunk at a time, and stops one byte past the limit: an endless response
 * must not fill the app's memory. */
static void
probe_read (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ProbeData *data = user_data;
  g_autoptr(GBytes) chunk = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, NULL);
  if (chunk != NULL && g_bytes_get_size (chunk) > 0 && data->text->len <= MAX_PROBE_TEXT)
    {
      g_byte_array_append (data->text, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
      g_input_stream_read_bytes_async (data->stream, PROBE_CHUNK, G_PRIORITY_DEFAULT, NULL, probe_read, data);
      return;
    }

  g_input_stream_close (data->stream, NULL, NULL);
  probe_reply (data, NULL);
}

static void
probe_sent (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ProbeData *data = user_data;
  g_autoptr(GError) error = NULL;

  data->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (data->stream == NULL)
    {
      probe_reply (data, error->message);
      return;
    }
  if (data->text == NULL || !SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (data->message)))
    {
      g_input_stream_close (data->stream, NULL, NULL);
      probe_reply (data, NULL);
      return;
    }

  g_input_stream_read_bytes_async (data->stream, PROBE_CHUNK, G_PRIORITY_DEFAULT, NULL, probe_read, data);
}

/* Whether url is on the origin (scheme, host, port) of a widget the cabinet runs. */
static gboolean
is_widget_origin (CabCabinet *self,
                  GUri       *url)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      WidgetEntry *entry = g_ptr_array_index (self->entries, i);
      g_autoptr(GUri) script = g_uri_parse (entry->script, G_URI_FLAGS_NONE, NULL);

      if (script != NULL &&
          g_strcmp0 (g_uri_get_scheme (script), g_uri_get_scheme (url)) == 0 &&
          g_ascii_strcasecmp (g_uri_get_host (script), g_uri_get_host (url)) == 0 &&
          g_uri_get_port (script) == g_uri_get_port (url))
        return TRUE;
    }

  return FALSE;
}

/* "probe": why did a script fail to load, or what does it say? The page cannot tell a 404
 * from a refused connection (both are a bare "error" event), and a server that sends no CORS
 * headers hides a script's errors from it ("Script error."). The app is not bound by CORS, so
 * it asks the server itself, and on request returns the script's text for the page to find
 * the syntax error in. Since that reads across origins, only the origins of the widgets the
 * cabinet runs are probed, redirects are not followed, and the text is capped. */
static gboolean
handle_probe (CabCabinet               *self,
              JsonObject               *payload,
              JSCContext               *context,
              WebKitScriptMessageReply *reply)
{
  const char *url = cab_cabinet_get_string (payload, "url");
  JsonNode *want_text = payload != NULL ? json_object_get_member (payload, "text") : NULL;
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  ProbeData *data;
  SoupMessage *message;

  if (uri == NULL || !(g_str_equal (g_uri_get_scheme (uri), "http") || g_str_equal (g_uri_get_scheme (uri), "https")) ||
      g_uri_get_host (uri) == NULL || !is_widget_origin (self, uri))
    {
      webkit_script_message_reply_return_error_message (reply, "probe: not the URL of a widget in this cabinet");
      return TRUE;
    }

  message = soup_message_new_from_uri ("GET", uri);
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Cache-Control", "no-cache");
  data = g_new0 (ProbeData, 1);
  data->reply = webkit_script_message_reply_ref (reply);
  data->context = g_object_ref (context);
  data->message = message;
  if (want_text != NULL && JSON_NODE_HOLDS_VALUE (want_text) && json_node_get_boolean (want_text))
    data->text = g_byte_array_new ();
  soup_session_send_async (self->probe_session, message, G_PRIORITY_DEFAULT, NULL, probe_sent, data);

  return TRUE;
}

gboolean
cab_cabinet_bridge_on_message (WebKitUserContentManager *manager,
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
  type = cab_cabinet_get_string (message, "type");
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
      self->ping_sent_at = 0;
      reply_json (reply, context, hello);
      cab_cabinet_emit_widgets_changed (self);
      cab_cabinet_emit_ready (self);
      return TRUE;
    }
  if (g_strcmp0 (type, "token") == 0)
    {
      WidgetEntry *entry = find_entry (self, cab_cabinet_get_string (payload, "widgetId"));
      g_autofree char *token = NULL;
      g_autoptr(JSCValue) token_value = NULL;

      /* A token the developer gave (addWidget({token})) wins over a minted one. */
      if (entry != NULL && entry->token != NULL)
        {
          token = g_strdup (entry->token);
        }
      else
        {
          token = cab_state_mint_token (self->state, cab_cabinet_get_string (payload, "leadId"));
          cab_cabinet_set_last_token (self, token);
        }
      token_value = jsc_value_new_string (context, token);
      webkit_script_message_reply_return_value (reply, token_value);
      return TRUE;
    }
  if (g_strcmp0 (type, "probe") == 0)
    return handle_probe (self, payload, context, reply);
  {
    g_autoptr(JsonNode) app_reply = cab_cabinet_app_on_message (self, type, payload);

    if (app_reply != NULL)
      {
        reply_json (reply, context, app_reply);
        return TRUE;
      }
  }

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
