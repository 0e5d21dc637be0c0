/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cab-state.h"

G_BEGIN_DECLS

/* The whole state document as JSON text, editable in a GtkSourceView. Apply replaces the state
 * with the text (one undo step in the model); a refused text keeps both the state and the text,
 * names the problem and puts the cursor on it. While the text has no unapplied edits it
 * follows the model; with edits, a change of the model is announced instead of overwriting
 * them.
 *
 * Ctrl+Enter applies from inside the text (a capture-phase shortcut: the text view would take
 * it as a new line). The text is written out when the page is first shown and, afterwards,
 * once per burst of changes while it is shown: a hidden page costs an edit nothing.
 *
 * Widget names (for tests):
 *   "json-view"          the GtkSourceView (its buffer holds the text)
 *   "json-apply"         Apply button (Ctrl+Enter); insensitive while nothing was edited
 *   "json-revert"        Revert button: the text of the model again
 *   "json-error"         GtkLabel with the refusal, e.g. "Raw JSON:3:15: Parse error: …"
 *   "json-error-banner"  the GtkRevealer around it (revealed while an error is shown)
 *   "json-show-error"    the banner's button that puts the cursor on the error again
 *   "json-stale"         GtkRevealer "The state changed; Revert to see it"
 */

#define CAB_TYPE_JSON_PAGE (cab_json_page_get_type ())

G_DECLARE_FINAL_TYPE (CabJsonPage, cab_json_page, CAB, JSON_PAGE, AdwBin)

GtkWidget *cab_json_page_new       (CabState    *state);

G_END_DECLS
