/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CAB_TYPE_APPLICATION (cab_application_get_type ())

G_DECLARE_FINAL_TYPE (CabApplication, cab_application, CAB, APPLICATION, AdwApplication)

CabApplication *cab_application_new (void);

G_END_DECLS
