/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <webkit/webkit.h>

G_BEGIN_DECLS

/* The cabinet page's origin: every page asset is served from the GResource under it. */
#define CAB_SCHEME        "cabinet"
#define CAB_PAGE_ORIGIN   "cabinet://app"
#define CAB_PAGE_URI      CAB_PAGE_ORIGIN "/index.html"

void cab_scheme_register (WebKitWebContext *context);

G_END_DECLS
