/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cab-state.h"

G_BEGIN_DECLS

/* Keeps a copy of the state on disk, so that closing the app or a crash never loses what was
 * typed. Each change of the state (its "changed" signal) schedules one write, ~300 ms after
 * the last change, through cab_state_save_file (atomic: the file is either the old or the
 * new document, never half of one).
 *
 * How the window uses it:
 *
 *   path = g_build_filename (g_get_user_data_dir (), "cabinet-inspector", "autosave.json", NULL);
 *   if (no --state FILE was given && g_file_test (path, G_FILE_TEST_EXISTS))
 *     cab_state_load_file (state, path, &error);   // on error: keep the default, say so once
 *   autosave = cab_autosave_new (state, path);     // creates the folder (0700) on first write
 *   …
 *   on close-request: cab_autosave_flush (autosave, NULL);
 *
 * The file holds the integration's client secret: it is written with the user's permissions
 * in a private folder, and its content is never logged. */

#define CAB_TYPE_AUTOSAVE (cab_autosave_get_type ())

G_DECLARE_FINAL_TYPE (CabAutosave, cab_autosave, CAB, AUTOSAVE, GObject)

/* How long the state must be quiet before it is written, in milliseconds. */
#define CAB_AUTOSAVE_DELAY_MS 300

CabAutosave *cab_autosave_new         (CabState     *state,
                                       const char   *path);
gboolean     cab_autosave_is_pending  (CabAutosave  *self);
/* Writes now if a write is pending (TRUE when there was nothing to write). */
gboolean     cab_autosave_flush       (CabAutosave  *self,
                                       GError      **error);

G_END_DECLS
