/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The app's side of window.APP (SPEC §3) and of the event log: the calling flag both sides
 * mirror, the "server" that saves add_error's messages, the error notifications the user
 * closed (amoCRM keeps them in a cookie; cabinet:// pages have no cookies, so the app keeps
 * them), the notifications shown, and the log of what the widgets did.
 *
 * Everything here arrives from the page and is untrusted: sizes are capped and only the
 * expected members of the expected types are read. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "cab-error.h"
#include "cab-json.h"
#include "cab-cabinet-private.h"

/* A page may send at most this many entries in one "events" message (it sends ≤ 500). */
#define MAX_EVENTS_PER_MESSAGE 1000
/* Closed errors the app remembers; the oldest are forgotten past this. */
#define MAX_REMEMBERED_ERRORS 1000
/* A header or text longer than this is not an error message; it is not remembered. */
#define MAX_ERROR_TEXT (64 * 1024)

void
cab_cabinet_app_init (CabCabinet *self)
{
  self->event_log = cab_event_log_new (CAB_EVENT_LOG_DEFAULT_MAX);
  self->notifications = g_list_store_new (CAB_TYPE_EVENT);
  self->remembered_errors = g_ptr_array_new_with_free_func (g_free);
  self->next_error_number = 1;
}

void
cab_cabinet_app_dispose (CabCabinet *self)
{
  g_clear_object (&self->event_log);
  g_clear_object (&self->notifications);
  g_clear_pointer (&self->remembered_errors, g_ptr_array_unref);
}

/* "header\ntext": how a closed error is known again (the page uses the same key). */
static char *
error_key (JsonObject *payload)
{
  const char *header = cab_cabinet_get_string (payload, "header");
  const char *text = cab_cabinet_get_string (payload, "text");

  if (header == NULL || text == NULL || strlen (header) > MAX_ERROR_TEXT || strlen (text) > MAX_ERROR_TEXT)
    return NULL;

  return g_strconcat (header, "\n", text, NULL);
}

static JsonNode *
remembered_errors_to_json (CabCabinet *self)
{
  JsonArray *list = json_array_sized_new (self->remembered_errors->len);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < self->remembered_errors->len; i++)
    json_array_add_string_element (list, g_ptr_array_index (self->remembered_errors, i));
  json_node_take_array (node, list);

  return node;
}

/* What window.APP reads from the model: the users' online status (showUserStatus) and the
 * account's address (the links of call notifications). */
void
cab_cabinet_app_add_model (CabCabinet *self,
                           JsonObject *payload,
                           gboolean    users,
                           gboolean    account_address)
{
  if (users)
    json_object_set_member (payload, "users", cab_json_deep_copy (cab_state_peek (self->state, "users")));
  if (account_address)
    {
      JsonObject *integration = json_node_get_object (cab_state_peek (self->state, "integration"));

      json_object_set_string_member (payload, "accountAddress",
                                     json_object_get_string_member_with_default (integration, "accountAddress", ""));
    }
}

/* What the page needs of the app's side of APP when it starts. */
void
cab_cabinet_app_add_hello (CabCabinet *self,
                           JsonObject *reply)
{
  cab_cabinet_app_add_model (self, reply, TRUE, TRUE);
  json_object_set_boolean_member (reply, "calling", self->calling);
  json_object_set_member (reply, "rememberedErrors", remembered_errors_to_json (self));
}

static void
add_notification (CabCabinet *self,
                  CabEvent   *event)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->notifications));

  if (n >= CAB_CABINET_MAX_NOTIFICATIONS)
    g_list_store_splice (self->notifications, 0, n - CAB_CABINET_MAX_NOTIFICATIONS + 1, NULL, 0);
  g_list_store_append (self->notifications, event);
}

static void
set_calling (CabCabinet *self,
             gboolean    calling,
             gboolean    tell_page)
{
  calling = !!calling;
  if (self->calling == calling)
    return;

  self->calling = calling;
  if (tell_page)
    {
      JsonObject *payload = json_object_new ();

      json_object_set_boolean_member (payload, "calling", calling);
      cab_cabinet_send_to_page (self, "calling", payload);
    }
  g_object_notify (G_OBJECT (self), "calling");
}

static void
remember_error (CabCabinet *self,
                char       *key)
{
  for (guint i = 0; i < self->remembered_errors->len; i++)
    if (g_str_equal (g_ptr_array_index (self->remembered_errors, i), key))
      {
        g_free (key);
        return;
      }

  if (self->remembered_errors->len >= MAX_REMEMBERED_ERRORS)
    g_ptr_array_remove_index (self->remembered_errors, 0);
  g_ptr_array_add (self->remembered_errors, key);
  g_object_notify (G_OBJECT (self), "remembered-errors");
}

/* add_error's "AJAX request": amoCRM's server saves the message and answers with its number.
 * The app numbers them in order, or fails as a server would when the user asked it to. */
static JsonNode *
save_error (CabCabinet *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ok");
  json_builder_add_boolean_value (builder, !self->server_fails);
  if (self->server_fails)
    {
      json_builder_set_member_name (builder, "status");
      json_builder_add_int_value (builder, 500);
      json_builder_set_member_name (builder, "statusText");
      json_builder_add_string_value (builder, "Internal Server Error");
    }
  else
    {
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, self->next_error_number++);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The page's messages about APP and the event log. Returns NULL when @type is not one of
 * them; otherwise the reply (TRUE for a notification nobody reads). */
JsonNode *
cab_cabinet_app_on_message (CabCabinet *self,
                            const char *type,
                            JsonObject *payload)
{
  JsonNode *ok = json_node_init_boolean (json_node_alloc (), TRUE);

  if (g_strcmp0 (type, "events") == 0)
    {
      JsonNode *entries = payload != NULL ? json_object_get_member (payload, "entries") : NULL;

      if (entries != NULL && JSON_NODE_HOLDS_ARRAY (entries) &&
          json_array_get_length (json_node_get_array (entries)) <= MAX_EVENTS_PER_MESSAGE)
        cab_event_log_append_json_array (self->event_log, json_node_get_array (entries));
      return ok;
    }
  if (g_strcmp0 (type, "notification") == 0)
    {
      JsonNode *entry = payload != NULL ? json_object_get_member (payload, "entry") : NULL;
      g_autoptr(CabEvent) event = NULL;

      if (entry != NULL && JSON_NODE_HOLDS_OBJECT (entry))
        event = cab_event_new_from_json (json_node_get_object (entry), NULL);
      if (event != NULL && cab_event_get_kind (event) == CAB_EVENT_KIND_NOTIFICATION)
        {
          add_notification (self, event);
          cab_event_log_append (self->event_log, event);
        }
      return ok;
    }
  if (g_strcmp0 (type, "save-error") == 0)
    {
      json_node_unref (ok);
      return save_error (self);
    }
  if (g_strcmp0 (type, "error-closed") == 0)
    {
      char *key = error_key (payload);

      if (key != NULL)
        remember_error (self, key);
      return ok;
    }
  if (g_strcmp0 (type, "calling") == 0)
    {
      JsonNode *calling = payload != NULL ? json_object_get_member (payload, "calling") : NULL;

      if (calling != NULL && JSON_NODE_HOLDS_VALUE (calling) &&
          json_node_get_value_type (calling) == G_TYPE_BOOLEAN)
        set_calling (self, json_node_get_boolean (calling), FALSE);
      return ok;
    }

  json_node_unref (ok);
  return NULL;
}

CabEventLog *
cab_cabinet_get_event_log (CabCabinet *self)
{
  g_return_val_if_fail (CAB_IS_CABINET (self), NULL);

  return self->event_log;
}

GListModel *
cab_cabinet_get_notifications (CabCabinet *self)
{
  g_return_val_if_fail (CAB_IS_CABINET (self), NULL);

  return G_LIST_MODEL (self->notifications);
}

gboolean
cab_cabinet_fire_notification (CabCabinet  *self,
                               const char  *kind,
                               JsonObject  *data,
                               GError     **error)
{
  JsonObject *payload;

  g_return_val_if_fail (CAB_IS_CABINET (self), FALSE);
  g_return_val_if_fail (g_strcmp0 (kind, "call") == 0 || g_strcmp0 (kind, "error") == 0, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (!self->page_ready)
    {
      g_set_error_literal (error, CAB_ERROR, CAB_ERROR_FAILED,
                           _("The cabinet page is not running yet, so nothing can be shown in it"));
      return FALSE;
    }

  payload = json_object_new ();
  json_object_set_string_member (payload, "kind", kind);
  json_object_set_object_member (payload, "data", json_object_ref (data));
  cab_cabinet_send_to_page (self, "notify", payload);

  return TRUE;
}

gboolean
cab_cabinet_get_calling (CabCabinet *self)
{
  g_return_val_if_fail (CAB_IS_CABINET (self), FALSE);

  return self->calling;
}

void
cab_cabinet_set_calling (CabCabinet *self,
                         gboolean    calling)
{
  g_return_if_fail (CAB_IS_CABINET (self));

  set_calling (self, calling, TRUE);
}

gboolean
cab_cabinet_get_server_fails (CabCabinet *self)
{
  g_return_val_if_fail (CAB_IS_CABINET (self), FALSE);

  return self->server_fails;
}

void
cab_cabinet_set_server_fails (CabCabinet *self,
                              gboolean    server_fails)
{
  g_return_if_fail (CAB_IS_CABINET (self));

  server_fails = !!server_fails;
  if (self->server_fails == server_fails)
    return;
  self->server_fails = server_fails;
  g_object_notify (G_OBJECT (self), "server-fails");
}

guint
cab_cabinet_get_remembered_errors (CabCabinet *self)
{
  g_return_val_if_fail (CAB_IS_CABINET (self), 0);

  return self->remembered_errors->len;
}

void
cab_cabinet_forget_errors (CabCabinet *self)
{
  JsonObject *payload;

  g_return_if_fail (CAB_IS_CABINET (self));

  if (self->remembered_errors->len == 0)
    return;

  g_ptr_array_set_size (self->remembered_errors, 0);
  payload = json_object_new ();
  json_object_set_member (payload, "rememberedErrors", remembered_errors_to_json (self));
  cab_cabinet_send_to_page (self, "remembered-errors", payload);
  g_object_notify (G_OBJECT (self), "remembered-errors");
}
