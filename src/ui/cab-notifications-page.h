/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cab-cabinet.h"

G_BEGIN_DECLS

/* The Notifications panel: forms that fire a call and an error notification in the cabinet
 * (APP.notifications, SPEC §3), the "server fails" switch for add_error's callbacks, the
 * remembered closed errors, and the list of notifications shown so far.
 *
 * Widget names, for tests (gtk_widget_set_name):
 *   "call-from", "call-to", "call-link", "call-text", "call-element-id"   AdwEntryRow
 *   "call-duration"       GtkSpinButton, seconds (0 to 86,400)
 *   "call-element-type"   AdwComboRow: None, Contact, Lead, Company
 *   "fire-call"           GtkButton (action "notifications.fire-call")
 *   "call-error"          GtkLabel, why the cabinet did not show the call (hidden otherwise)
 *   "error-header", "error-text"   AdwEntryRow
 *   "server-fails"        GtkSwitch, bound both ways to the cabinet's "server-fails"
 *   "remembered-errors"   AdwActionRow, how many closed errors are not shown again
 *   "forget-errors"       GtkButton (action "notifications.forget-errors"), insensitive at 0
 *   "fire-error"          GtkButton (action "notifications.fire-error")
 *   "error-error"         GtkLabel, why the cabinet did not show the error (hidden otherwise)
 *   "shown-notifications" GtkListBox of the notifications shown, newest first
 * A field whose value is wrong gets the "error" style class and nothing is fired. Enter in
 * any field of a form fires that form's notification. */
#define CAB_TYPE_NOTIFICATIONS_PAGE (cab_notifications_page_get_type ())

G_DECLARE_FINAL_TYPE (CabNotificationsPage, cab_notifications_page, CAB, NOTIFICATIONS_PAGE, AdwBin)

GtkWidget *cab_notifications_page_new (CabCabinet *cabinet);

G_END_DECLS
