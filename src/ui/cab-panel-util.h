/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Shows that the model refused what @row holds, and why, or clears that with NULL. The row
 * keeps what the user typed, so it can be corrected rather than typed again. The reason also
 * goes to the window (action "win.edit-refused"), which shows it below the panels. */
void cab_panel_row_set_error (GtkWidget  *row,
                              const char *message);

/* A new object with @src's members (deep copies, in their order, so that a saved file changes
 * only where the user changed it) and @member set to @value, which is taken. The way to build
 * an edit of one member of something cab_state_peek() returned. */
JsonNode *cab_panel_object_with_member (JsonObject *src,
                                        const char *member,
                                        JsonNode   *value);

G_END_DECLS
