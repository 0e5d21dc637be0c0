/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "cab-avatar-loader.h"

G_BEGIN_DECLS

#define CAB_TYPE_AUTHOR_ROW (cab_author_row_get_type ())

G_DECLARE_FINAL_TYPE (CabAuthorRow, cab_author_row, CAB, AUTHOR_ROW, AdwBin)

GtkWidget  *cab_author_row_new        (void);
void        cab_author_row_set_author (CabAuthorRow    *self,
                                       JsonObject      *author,
                                       CabAvatarLoader *avatars);
const char *cab_author_row_get_name   (CabAuthorRow    *self);

G_END_DECLS
