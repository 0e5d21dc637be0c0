/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows that the model refused what @row holds, and why, or clears that with NULL. The row
 * keeps what the user typed, so it can be corrected rather than typed again. The reason also
 * goes to the window (action "win.edit-refused"), which shows it below the panels. */
void cab_panel_row_set_error (GtkWidget  *row,
                              const char *message);

G_END_DECLS
