/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cab-state.h"

G_BEGIN_DECLS

/* The account page: SysModel (SPEC §2) and the account id of getRouterQuery().
 *
 * Widget names, for tests (gtk_widget_set_name):
 *   "account-id"          AdwEntryRow, the account id (digits only)
 *   "account-title"       AdwEntryRow, sys.pageTitle
 *   "account-logo"        AdwEntryRow, sys.logoUrl (empty, or an http, https or data URL)
 *   "account-lang"        AdwComboRow, sys.lang: ru, en, es, pt, in that order
 *   "account-removal"     GtkSwitch, sys.isRemovalAvailable
 *   "account-currency"    AdwEntryRow, sys.currencySymbol
 *   "account-date-format" AdwComboRow, sys.dateFormat: dd/mm/yyyy, mm/dd/yyyy, dd.mm.yyyy, yyyy/mm/dd
 *   "account-time-format" AdwComboRow, sys.timeFormat: 'h:MM TT', 'HH:MM'
 * Entry rows apply on Enter ("apply" or "entry-activated"); combo rows and the switch at once.
 */
#define CAB_TYPE_ACCOUNT_PAGE (cab_account_page_get_type ())

G_DECLARE_FINAL_TYPE (CabAccountPage, cab_account_page, CAB, ACCOUNT_PAGE, AdwBin)

GtkWidget *cab_account_page_new (CabState *state);

G_END_DECLS
