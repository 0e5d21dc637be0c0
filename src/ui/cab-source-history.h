/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The widget sources opened recently: the "recent-widget-sources" key (URIs, the most recent
 * first, no duplicates, at most CAB_SOURCE_HISTORY_MAX), and the menu section that lists them
 * for "win.open-source", with "win.clear-recent" after them. */
#define CAB_SOURCE_HISTORY_MAX 10

#define CAB_TYPE_SOURCE_HISTORY (cab_source_history_get_type ())

G_DECLARE_FINAL_TYPE (CabSourceHistory, cab_source_history, CAB, SOURCE_HISTORY, GObject)

CabSourceHistory *cab_source_history_new      (GSettings        *settings);
/* Follows the key, whoever changes it; empty when the list is. */
GMenuModel       *cab_source_history_get_menu (CabSourceHistory *self);
gboolean          cab_source_history_is_empty (CabSourceHistory *self);
/* Puts @uri first (moving it up if it was there already). */
void              cab_source_history_add      (CabSourceHistory *self,
                                               const char       *uri);
/* FALSE if @uri was not in the list. */
gboolean          cab_source_history_remove   (CabSourceHistory *self,
                                               const char       *uri);
void              cab_source_history_clear    (CabSourceHistory *self);

G_END_DECLS
