/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Serves one widget folder over http on 127.0.0.1, so the widget loads exactly as from a dev
 * server: real URLs, relative dependencies and assets, document.currentScript. Nothing outside
 * the folder is served: not through "..", not through a symlink that leads out. Nor is
 * anything hidden (.git, .env). Every URL starts with a random path segment: another user of
 * the machine can reach the port, but cannot guess the way in. (amoCRM serves a widget under
 * a path of its own too.) */
#include <glib/gi18n.h>
#include <errno.h>
#include <libsoup/soup.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "cab-content-type.h"
#include "cab-jwt.h"
#include "cab-widget-server.h"

struct _CabWidgetServer
{
  GObject     parent_instance;
  SoupServer *server;
  char       *root;            /* canonical: symlinks resolved */
  char       *allowed_origin;  /* the cabinet page's origin, for CORS */
  char       *secret;          /* the random first path segment */
  char       *authority;       /* "127.0.0.1:PORT", what the Host header must say */
  char       *base_uri;        /* "http://127.0.0.1:PORT/SECRET/" */
};

G_DEFINE_FINAL_TYPE (CabWidgetServer, cab_widget_server, G_TYPE_OBJECT)

static void
cab_widget_server_dispose (GObject *object)
{
  CabWidgetServer *self = CAB_WIDGET_SERVER (object);

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (cab_widget_server_parent_class)->dispose (object);
}

static void
cab_widget_server_finalize (GObject *object)
{
  CabWidgetServer *self = CAB_WIDGET_SERVER (object);

  g_free (self->root);
  g_free (self->allowed_origin);
  g_free (self->secret);
  g_free (self->authority);
  g_free (self->base_uri);

  G_OBJECT_CLASS (cab_widget_server_parent_class)->finalize (object);
}

static void
cab_widget_server_class_init (CabWidgetServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cab_widget_server_dispose;
  object_class->finalize = cab_widget_server_finalize;
}

static void
cab_widget_server_init (CabWidgetServer *self)
{
}

/* The canonical path of request_path inside the root, or NULL when it leads outside. */
static char *
resolve_inside_root (CabWidgetServer *self,
                     const char      *request_path)
{
  g_autofree char *joined = g_build_filename (self->root, request_path, NULL);
  g_autofree char *canonical = realpath (joined, NULL);

  if (canonical == NULL)
    return NULL;
  if (!g_str_equal (canonical, self->root) &&
      !(g_str_has_prefix (canonical, self->root) && canonical[strlen (self->root)] == '/'))
    return NULL;

  return g_steal_pointer (&canonical);
}

/* The path below the secret segment, or NULL when the request is not for this folder or
 * names a hidden file or a "." or ".." segment. */
static const char *
strip_secret (CabWidgetServer *self,
              const char      *path)
{
  g_autofree char *prefix = g_strdup_printf ("/%s/", self->secret);
  const char *rest;

  if (path == NULL || !g_str_has_prefix (path, prefix))
    return NULL;

  rest = path + strlen (prefix) - 1;
  if (strstr (rest, "/.") != NULL)
    return NULL;

  return rest;
}

static void
respond_error (SoupServerMessage *msg,
               guint              status)
{
  const char *reason = soup_status_get_phrase (status);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/plain; charset=utf-8", SOUP_MEMORY_COPY, reason, strlen (reason));
}

static void
handle_request (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  CabWidgetServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  const char *host = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Host");
  const char *relative;
  g_autofree char *file_path = NULL;
  char *contents = NULL;
  gsize length;

  /* Widgets are edited while they run: nothing may be served from a cache. */
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "Access-Control-Allow-Origin", self->allowed_origin);
  soup_message_headers_replace (headers, "Vary", "Origin");

  if (g_str_equal (method, "OPTIONS"))
    {
      soup_message_headers_replace (headers, "Access-Control-Allow-Methods", "GET, HEAD");
      soup_server_message_set_status (msg, SOUP_STATUS_NO_CONTENT, NULL);
      return;
    }
  if (!g_str_equal (method, "GET") && !g_str_equal (method, "HEAD"))
    {
      respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED);
      return;
    }

  /* A page on another name for this address (DNS rebinding) is not the cabinet. */
  if (g_strcmp0 (host, self->authority) != 0)
    {
      respond_error (msg, SOUP_STATUS_MISDIRECTED_REQUEST);
      return;
    }

  /* soup has already percent-decoded the path; dot segments and hidden files are refused
   * before touching the file system, symlinks leading out by the canonical-path check. */
  if ((relative = strip_secret (self, path)) == NULL ||
      (file_path = resolve_inside_root (self, relative)) == NULL)
    {
      respond_error (msg, SOUP_STATUS_NOT_FOUND);
      return;
    }
  if (!g_file_test (file_path, G_FILE_TEST_IS_REGULAR) ||
      !g_file_get_contents (file_path, &contents, &length, NULL))
    {
      respond_error (msg, SOUP_STATUS_NOT_FOUND);
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, cab_content_type_for_path (file_path), SOUP_MEMORY_TAKE, contents, length);
}

CabWidgetServer *
cab_widget_server_new (const char  *root,
                       const char  *allowed_origin,
                       GError     **error)
{
  g_autoptr(CabWidgetServer) self = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *canonical = NULL;

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (allowed_origin != NULL, NULL);

  canonical = realpath (root, NULL);
  if (canonical == NULL)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (root);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot serve “%s”: %s"), display, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (CAB_TYPE_WIDGET_SERVER, NULL);
  {
    /* From the kernel's generator: GLib's own is not meant to be unguessable. */
    guint8 random[18];

    if (getrandom (random, sizeof random, 0) != sizeof random)
      {
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("No random numbers to secure the widget server with"));
        return NULL;
      }
    self->secret = cab_jwt_base64url (random, sizeof random);
  }
  self->root = g_steal_pointer (&canonical);
  self->allowed_origin = g_strdup (allowed_origin);
  self->server = soup_server_new ("server-header", "cabinet-inspector", NULL);
  soup_server_add_handler (self->server, NULL, handle_request, self, NULL);

  /* Loopback only, on a free port: nothing outside this machine can reach the folder. */
  if (!soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    return NULL;

  uris = soup_server_get_uris (self->server);
  g_assert (uris != NULL);
  self->authority = g_strdup_printf ("%s:%d", g_uri_get_host (uris->data), g_uri_get_port (uris->data));
  self->base_uri = g_strdup_printf ("http://%s/%s/", self->authority, self->secret);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  return g_steal_pointer (&self);
}

const char *
cab_widget_server_get_base_uri (CabWidgetServer *self)
{
  g_return_val_if_fail (CAB_IS_WIDGET_SERVER (self), NULL);
  return self->base_uri;
}

/* The folder served, canonical (symlinks resolved). */
const char *
cab_widget_server_get_root (CabWidgetServer *self)
{
  g_return_val_if_fail (CAB_IS_WIDGET_SERVER (self), NULL);
  return self->root;
}

char *
cab_widget_server_dup_uri (CabWidgetServer *self,
                           const char      *relative_path)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (CAB_IS_WIDGET_SERVER (self), NULL);

  escaped = g_uri_escape_string (relative_path, G_URI_RESERVED_CHARS_ALLOWED_IN_PATH, FALSE);
  return g_strconcat (self->base_uri, escaped, NULL);
}

/* The file @uri of this server would serve, or NULL when it would serve none: the same checks
 * as a request's, so that what the page names never reaches outside the folder. */
char *
cab_widget_server_dup_path (CabWidgetServer *self,
                            const char      *uri)
{
  g_autofree char *path = NULL;
  g_autofree char *file_path = NULL;
  const char *relative;

  g_return_val_if_fail (CAB_IS_WIDGET_SERVER (self), NULL);

  if (uri == NULL || !g_str_has_prefix (uri, self->base_uri))
    return NULL;
  path = g_uri_unescape_segment (uri + strlen (self->base_uri) - strlen (self->secret) - 2,
                                 strpbrk (uri + strlen (self->base_uri), "?#"), "/");
  if (path == NULL || (relative = strip_secret (self, path)) == NULL ||
      (file_path = resolve_inside_root (self, relative)) == NULL ||
      !g_file_test (file_path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  return g_steal_pointer (&file_path);
}
