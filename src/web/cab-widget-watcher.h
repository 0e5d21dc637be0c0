/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* At most this many folders of a widget's tree are watched (inotify watches are a limited
 * resource of the whole session, and a widget folder is small). */
#define CAB_WIDGET_WATCHER_MAX_FOLDERS 1000

#define CAB_TYPE_WIDGET_WATCHER (cab_widget_watcher_get_type ())

G_DECLARE_FINAL_TYPE (CabWidgetWatcher, cab_widget_watcher, CAB, WIDGET_WATCHER, GObject)

CabWidgetWatcher *cab_widget_watcher_new            (const char       *root,
                                                     guint             debounce_ms);
const char       *cab_widget_watcher_get_root       (CabWidgetWatcher *self);
guint             cab_widget_watcher_get_n_folders  (CabWidgetWatcher *self);
gboolean          cab_widget_watcher_is_truncated   (CabWidgetWatcher *self);

G_END_DECLS
