/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cab-state.h"

G_BEGIN_DECLS

/* The authors page: AuthorsModel (SPEC §2), a searchable list that opens one author's editor.
 *
 * Widget names, for tests (gtk_widget_set_name):
 *   "authors-list"     GtkListView of the authors (its model: the filtered author ids)
 *   "authors-search"   GtkSearchEntry, filters by name or id, case-insensitive
 *   "authors-add"      GtkButton, adds an author and opens its editor with the name focused
 *   "author-row-<id>"  CabAuthorRow, the list row of a bound (visible) author
 *   "authors-empty"    AdwStatusPage, shown instead of the list when no author is listed
 * and in the editor of the author that cab_authors_page_select() or a click opened:
 *   "author-id"        GtkLabel, the id (read-only, selectable)
 *   "author-name"      AdwEntryRow, the name (not empty)
 *   "author-avatar"    AdwEntryRow, the avatar URL (empty, or an absolute URL)
 *   "author-preview"   AdwAvatar, the avatar as it loads
 *   "author-bot"       GtkSwitch, isBot
 *   "author-client"    GtkSwitch, isClient
 *   "author-remove"    GtkButton, removes the author and goes back to the list
 *   "author-back"      GtkButton, back to the list
 * Entry rows apply on Enter ("apply" or "entry-activated"); switches at once.
 */
#define CAB_TYPE_AUTHORS_PAGE (cab_authors_page_get_type ())

G_DECLARE_FINAL_TYPE (CabAuthorsPage, cab_authors_page, CAB, AUTHORS_PAGE, AdwBin)

GtkWidget  *cab_authors_page_new            (CabState       *state);
void        cab_authors_page_select         (CabAuthorsPage *self,
                                             const char     *author_id);
const char *cab_authors_page_get_selected   (CabAuthorsPage *self);

G_END_DECLS
