/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Content-Type of what the cabinet serves, by file name: the cabinet's own files and a
 * widget's. A fixed table, not the system's MIME database, so every machine serves alike. */
#include "cab-content-type.h"

const char *
cab_content_type_for_path (const char *path)
{
  static const struct { const char *suffix, *type; } types[] = {
    { ".js", "text/javascript; charset=utf-8" },
    { ".mjs", "text/javascript; charset=utf-8" },
    { ".json", "application/json; charset=utf-8" },
    { ".map", "application/json; charset=utf-8" },
    { ".css", "text/css; charset=utf-8" },
    { ".html", "text/html; charset=utf-8" },
    { ".svg", "image/svg+xml" },
    { ".png", "image/png" },
    { ".jpg", "image/jpeg" },
    { ".jpeg", "image/jpeg" },
    { ".gif", "image/gif" },
    { ".webp", "image/webp" },
    { ".woff", "font/woff" },
    { ".woff2", "font/woff2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_has_suffix (path, types[i].suffix))
      return types[i].type;

  return "application/octet-stream";
}
