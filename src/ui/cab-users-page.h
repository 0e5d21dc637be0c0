/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cab-state.h"

G_BEGIN_DECLS

/* The Users panel: the account's users (managers) with an online switch each; what
 * APP.sdk.showUserStatus reports follows at once.
 *
 * Widget names, for tests (gtk_widget_set_name):
 *   "user-<id>"         AdwActionRow of a user: the name, and "ID <id>" below it
 *   "user-online-<id>"  GtkSwitch, the user's online status (an edit through CabState)
 *   "users-empty"       AdwActionRow, shown when the document has no users
 *   "users-summary"     AdwActionRow, "1 of 2 online" and the names of who is
 */
#define CAB_TYPE_USERS_PAGE (cab_users_page_get_type ())

G_DECLARE_FINAL_TYPE (CabUsersPage, cab_users_page, CAB, USERS_PAGE, AdwBin)

GtkWidget *cab_users_page_new (CabState *state);

G_END_DECLS
