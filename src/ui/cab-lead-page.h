/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cab-state.h"

G_BEGIN_DECLS

/* CabLeadPage: the side-pane page that edits the active lead (SPEC §2 LeadModel) and its
 * title. It keeps no copy of the truth: it reads CabState and changes it only through the
 * model's edits, one undo step each.
 *
 * Widget names, for tests and for anyone who drives the page (gtk_widget_get_name):
 *   "lead-name"                AdwEntryRow, the lead's title in the cabinet ("apply" edits it)
 *   "lead-id"                  AdwEntryRow, LeadModel.id (empty or another lead's id: refused)
 *   "lead-pid"                 AdwEntryRow, LeadModel.pid (empty: refused)
 *   "lead-loaded"              GtkSwitch, LeadModel.isLeadLoaded
 *   "lead-manager"             AdwComboRow of the account's users, LeadModel.managerId
 *   "status-<index>-name"      AdwEntryRow, the name of statuses[index]
 *   "status-<index>-color"     GtkColorButton ("color-set" stores "#rrggbb")
 *   "status-<index>-selected"  GtkCheckButton in a radio group: the one selected status
 *   "status-<index>-menu"      GtkMenuButton whose popover holds the three buttons below
 *   "status-<index>-up"        GtkButton, moves the status one place up (also Alt+Up in the row)
 *   "status-<index>-down"      GtkButton, moves it one place down (also Alt+Down)
 *   "status-<index>-remove"    GtkButton; the status that takes a removed selected one's place
 *                              is selected, so the lead keeps a stage
 *   "status-add"               GtkButton, adds a status before the closing ones (142, 143)
 *   "contact-add"              GtkButton, adds a contact to the lead and focuses its name
 *   "contact-<id>"             AdwExpanderRow of one contact of the lead
 *   "contact-<id>-name"        AdwEntryRow, the contact's display name
 *   "contact-<id>-remove"      GtkButton, takes the contact off the lead
 *   "contact-<id>-add-field"   AdwEntryRow: the new field's name; "apply" adds the field with
 *                              the type chosen in "contact-<id>-add-field-type" (GtkDropDown)
 *   "company-enabled"          GtkSwitch: the lead has a company (off: company is null)
 *   "company"                  AdwExpanderRow of the company, hidden when there is none
 *   "company-id"               AdwEntryRow, company.id (empty: refused)
 *   "company-name"             AdwEntryRow, company.name
 *   "company-add-field"        AdwEntryRow, as for a contact, with "company-add-field-type"
 *   "field-<field id>"         AdwActionRow of a contact's or the company's field; activating
 *                              it emits ::open-field
 */

#define CAB_TYPE_LEAD_PAGE (cab_lead_page_get_type ())

G_DECLARE_FINAL_TYPE (CabLeadPage, cab_lead_page, CAB, LEAD_PAGE, AdwBin)

GtkWidget *cab_lead_page_new (CabState *state);

G_END_DECLS
