/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CAB_TYPE_WIDGET_SERVER (cab_widget_server_get_type ())

G_DECLARE_FINAL_TYPE (CabWidgetServer, cab_widget_server, CAB, WIDGET_SERVER, GObject)

CabWidgetServer *cab_widget_server_new          (const char       *root,
                                                 const char       *allowed_origin,
                                                 GError          **error);
const char      *cab_widget_server_get_base_uri (CabWidgetServer  *self);
const char      *cab_widget_server_get_root     (CabWidgetServer  *self);
char            *cab_widget_server_dup_uri      (CabWidgetServer  *self,
                                                 const char       *relative_path);

char            *cab_widget_server_dup_path     (CabWidgetServer  *self,
                                                 const char       *uri);

G_END_DECLS
