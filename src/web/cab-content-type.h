/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *cab_content_type_for_path (const char *path);

G_END_DECLS
