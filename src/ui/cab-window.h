/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cab-application.h"
#include "cab-cabinet.h"
#include "cab-state.h"
#include "cab-widget-source.h"

G_BEGIN_DECLS

#define CAB_TYPE_WINDOW (cab_window_get_type ())

G_DECLARE_FINAL_TYPE (CabWindow, cab_window, CAB, WINDOW, AdwApplicationWindow)

CabWindow *cab_window_new        (CabApplication  *application,
                                  CabState        *state);
void       cab_window_add_widget (CabWindow       *self,
                                  CabWidgetSource *source);
CabCabinet *cab_window_get_cabinet (CabWindow     *self);

G_END_DECLS
