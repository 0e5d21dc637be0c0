/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @text is empty or a URL a browser can load: an absolute URL with a scheme, a host
 * for http and https, and the comma of a data: URL. The panels and the state file's checks
 * share it, so a value refused in one is refused in the other, with the same words. */
gboolean cab_url_check (const char  *text,
                        GError     **error);

G_END_DECLS
