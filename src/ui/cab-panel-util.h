/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "cab-state.h"

G_BEGIN_DECLS

/* Shows that the model refused what @row holds, and why, or clears that with NULL. The row
 * keeps what the user typed, so it can be corrected rather than typed again. The reason also
 * goes to the window (action "win.edit-refused"), which shows it below the panels. */
void cab_panel_row_set_error (GtkWidget  *row,
                              const char *message);

/* Clears what cab_panel_row_set_error() showed, if anything (quietly otherwise: the window's
 * refusal bar is only told when there was a refusal to take back). */
void cab_panel_row_clear_error (GtkWidget *row);

/* What an entry showed of the model when it was last updated from it. */
#define CAB_PANEL_SHOWN_KEY "cab-shown"

/* Updates @entry only when the model's @value (NULL: "") differs from what the entry last
 * showed of it: the signal of the page's own edit, or of an edit of another member, must
 * leave what the user is typing (and the cursor) alone. Clears the entry's error. */
void cab_panel_entry_sync (GtkEditable *entry,
                           const char  *value);

/* A CabState edit that takes a whole object: cab_state_set_sys, _set_author, _set_integration. */
typedef gboolean (*CabPanelObjectSetter) (CabState   *state,
                                          JsonNode   *object,
                                          GError    **error);

/* Sets @member of @current (what cab_state_peek() gave; NULL: nothing to edit) to @value,
 * which is taken, through @setter: the whole object, its other members as they are, in their
 * order. A value equal to the current one is no edit at all. @row shows the model's refusal,
 * or loses the one it showed. */
void cab_panel_commit_member (CabState             *state,
                              CabPanelObjectSetter  setter,
                              JsonObject           *current,
                              GtkWidget            *row,
                              const char           *member,
                              JsonNode             *value);

G_END_DECLS
