/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cab-error.h"
#include "cab-url.h"

gboolean
cab_url_check (const char  *text,
               GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  g_return_val_if_fail (text != NULL, FALSE);

  if (*text == '\0')
    return TRUE;

  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || (scheme = g_uri_get_scheme (uri)) == NULL)
    {
      g_set_error (error, CAB_ERROR, CAB_ERROR_INVALID_STATE, _("“%s” is not an absolute URL"), text);
      return FALSE;
    }
  if ((g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
      (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0'))
    {
      g_set_error (error, CAB_ERROR, CAB_ERROR_INVALID_STATE, _("The URL “%s” names no host"), text);
      return FALSE;
    }
  if (g_ascii_strcasecmp (scheme, "data") == 0 && strchr (text, ',') == NULL)
    {
      g_set_error (error, CAB_ERROR, CAB_ERROR_INVALID_STATE,
                   _("“%s” is not a data URL: it has no comma before the data"), text);
      return FALSE;
    }

  return TRUE;
}
