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

CabWindow  *cab_window_new          (CabApplication  *application,
                                     CabState        *state);
CabCabinet *cab_window_get_cabinet  (CabWindow       *self);

/* Widgets run side by side. One of the user's own goes next to the others, into the recent
 * sources and "last-widget-source"; the bundled demo steps aside for it. The demo itself is
 * never remembered. Errors are shown in a toast. */
void        cab_window_add_widget      (CabWindow       *self,
                                        CabWidgetSource *source);
void        cab_window_add_demo_widget (CabWindow       *self,
                                        CabWidgetSource *source);
/* What "win.open-source" does: @location is a widget folder, a .js file (a path or a file://
 * URI) or an http(s) URL. A recent folder or file that is gone leaves the recent list. */
gboolean    cab_window_open_source     (CabWindow       *self,
                                        const char      *location,
                                        GError         **error);

/* Scenario files: Open replaces the state (one undo step) and Save writes it; both make the
 * file the one Save writes to. */
gboolean    cab_window_open_state_file (CabWindow  *self,
                                        GFile      *file,
                                        GError    **error);
gboolean    cab_window_save_state_file (CabWindow  *self,
                                        GFile      *file,
                                        GError    **error);
void        cab_window_set_state_file  (CabWindow  *self,
                                        GFile      *file);
/* A message for the user that is not an error of theirs (a toast). */
void        cab_window_show_message    (CabWindow  *self,
                                        const char *message);
/* Where the state is kept between runs (under the user data folder), and the state a new
 * session starts with: the autosaved one, or the default. */
char       *cab_window_autosave_path   (void);
CabState   *cab_window_restore_state   (GError    **restore_error,
                                        GError    **error);

G_END_DECLS
