/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cab-cabinet.h"

G_BEGIN_DECLS

/* The Integration page: what the token passed to initLead is built from (SPEC §4), and the
 * last token the app minted, decoded.
 *
 * Widget names, for tests (gtk_widget_set_name):
 *   "integration-secret"          AdwPasswordEntryRow, clientSecret
 *   "integration-redirect-uri"    AdwEntryRow, redirectUri (an http or https URL)
 *   "integration-account-address" AdwEntryRow, accountAddress (an http or https URL)
 *   "integration-client-uuid"     AdwEntryRow, clientUuid
 *   "integration-generate-uuid"   GtkButton (action "integration.generate-uuid")
 *   "integration-user-id"         AdwEntryRow, userId
 *   "integration-lifetime"        GtkSpinButton, tokenLifetime in seconds
 *   "integration-no-secret"       GtkLabel, shown while the secret is empty
 *   "integration-token-status"    GtkLabel, why no token is shown (hidden when one is)
 *   "integration-token"           GtkLabel, the last minted token
 *   "integration-copy-token"      GtkButton (action "integration.copy-token")
 *   "integration-header"          GtkLabel, the token's header as indented JSON
 *   "integration-claims"          GtkLabel, its claims as indented JSON
 *   "integration-iat", "integration-nbf", "integration-exp"   AdwActionRow, local times
 * Every row applies as it is edited, when its value is valid; a refused one gets the "error"
 * style class and keeps what was typed.
 */
#define CAB_TYPE_INTEGRATION_PAGE (cab_integration_page_get_type ())

G_DECLARE_FINAL_TYPE (CabIntegrationPage, cab_integration_page, CAB, INTEGRATION_PAGE, AdwBin)

GtkWidget *cab_integration_page_new (CabCabinet *cabinet);

G_END_DECLS
