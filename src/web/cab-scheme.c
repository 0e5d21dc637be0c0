/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cabinet://app/… serves the mock cabinet from the GResource. Only what lies under the
 * resource's cabinet/ folder is reachable: the page must not read the app's other resources. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cab-content-type.h"
#include "cab-scheme.h"

static void
handle_request (WebKitURISchemeRequest *request,
                gpointer                user_data)
{
  const char *path = webkit_uri_scheme_request_get_path (request);
  g_autofree char *resource = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(WebKitURISchemeResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = g_uri_parse (webkit_uri_scheme_request_get_uri (request), G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || g_strcmp0 (g_uri_get_host (uri), "app") != 0 ||
      path == NULL || path[0] != '/' || strstr (path, "..") != NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Not found: %s"),
                   webkit_uri_scheme_request_get_uri (request));
      webkit_uri_scheme_request_finish_error (request, error);
      return;
    }

  resource = g_strconcat (RESOURCE_BASE "/cabinet", path, NULL);
  bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      webkit_uri_scheme_request_finish_error (request, error);
      return;
    }

  stream = g_memory_input_stream_new_from_bytes (bytes);
  response = webkit_uri_scheme_response_new (stream, (gint64) g_bytes_get_size (bytes));
  webkit_uri_scheme_response_set_content_type (response, cab_content_type_for_path (path));
  webkit_uri_scheme_request_finish_with_response (request, response);
}

void
cab_scheme_register (WebKitWebContext *context)
{
  WebKitSecurityManager *security = webkit_web_context_get_security_manager (context);

  /* Secure, so the page is a secure context (crypto.subtle, like amoCRM's https pages), and
   * CORS-enabled, so widgets can fetch their own servers when those allow the origin. */
  webkit_security_manager_register_uri_scheme_as_secure (security, CAB_SCHEME);
  webkit_security_manager_register_uri_scheme_as_cors_enabled (security, CAB_SCHEME);
  webkit_web_context_register_uri_scheme (context, CAB_SCHEME, handle_request, NULL, NULL);
}
