/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CAB_TYPE_AVATAR_LOADER (cab_avatar_loader_get_type ())

G_DECLARE_FINAL_TYPE (CabAvatarLoader, cab_avatar_loader, CAB, AVATAR_LOADER, GObject)

CabAvatarLoader *cab_avatar_loader_new       (void);
void             cab_avatar_loader_apply     (CabAvatarLoader *self,
                                              AdwAvatar       *avatar,
                                              const char      *url);
gboolean         cab_avatar_loader_is_loading (CabAvatarLoader *self,
                                              const char      *url);
const char      *cab_avatar_loader_get_error (CabAvatarLoader *self,
                                              const char      *url);

G_END_DECLS
