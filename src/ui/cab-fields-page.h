/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cab-state.h"

G_BEGIN_DECLS

/* The Fields page: every field of the active lead (its own, its contacts' and its company's)
 * in a recycling list, and an editor per field whose value editor fits the field's type.
 * Every edit goes to the model at once (cab_state_set_field and friends); the page follows
 * CabState::changed and refreshes only what changed.
 *
 * Widget names (gtk_widget_set_name), for tests and for the window:
 *
 *   The list
 *   "fields-list"             the GtkListView of fields (cab_fields_page_get_list_view)
 *   "fields-search"           the GtkSearchEntry that filters by name
 *   "fields-add"              the GtkMenuButton that opens the "Add Field" popover
 *                             (CabFieldAddPopover), in which:
 *   "field-add-owner"           GtkDropDown: the lead, one of its contacts, or its company
 *   "field-add-type"            GtkDropDown: one of the 16 FIELD_TYPES, in SDK order
 *   "field-add-name"            GtkEntry: the name (empty: the type's name)
 *   "field-add-confirm"         GtkButton that adds the field and opens its editor
 *
 *   The editor of one field (cab_fields_page_open_field)
 *   "field-back"              GtkButton back to the list (also Escape, Alt+Left)
 *   "field-name"              AdwEntryRow: the field's name
 *   "field-source", "field-type"   GtkLabel captions (read-only)
 *   "field-value"             the main value widget of simple types: AdwEntryRow for text,
 *                             url, numeric and budget; GtkSwitch for checkbox; GtkTextView for
 *                             textarea and streetaddress; AdwComboRow for select
 *   "field-currency"          GtkLabel: the budget's currency symbol (sys.currencySymbol)
 *   "field-date"              AdwEntryRow "YYYY-MM-DD" of date, birthday and dateTime
 *   "field-calendar"          GtkCalendar in the date row's popover
 *   "field-time"              AdwEntryRow "HH:MM" (UTC) of dateTime
 *   "field-option-<enum id>"  GtkCheckButton of an option: radio of radiobutton, check of
 *                             multiselect
 *   "field-enum-<enum id>"    AdwEntryRow: the option's name (select, radiobutton, multiselect)
 *   "field-enum-<enum id>-remove", "field-enum-add"   GtkButtons that remove / add an option
 *   "field-multitext-<i>-value"   AdwEntryRow: value i (from 0) of a multitext field
 *   "field-multitext-<i>-code"    GtkDropDown: its enumCode (WORK, WORKDD, MOB, FAX, HOME,
 *                                 PRIV, OTHER, plus a code the value has that is not listed)
 *   "field-multitext-<i>-remove", "field-multitext-add"   GtkButtons
 *   "field-<member>"          AdwEntryRow of a member of smartAddress (field-address_line_1,
 *                             field-address_line_2, field-city, field-state, field-zip,
 *                             field-country) and legalEntity (field-entity_type, field-vat_id,
 *                             field-kpp, field-tax_registration_reason_code, field-address);
 *   "field-legal-name"        the legalEntity's "name" member ("field-name" is the field's)
 *   "field-remove"            GtkButton that takes the field off the lead
 *
 * A value the panel refuses (not a number, not an absolute URL, no such day or time) puts
 * the "error" style class on its row and never reaches the model. */

#define CAB_TYPE_FIELDS_PAGE (cab_fields_page_get_type ())

G_DECLARE_FINAL_TYPE (CabFieldsPage, cab_fields_page, CAB, FIELDS_PAGE, AdwBin)

GtkWidget   *cab_fields_page_new           (CabState      *state);
/* Shows the editor of @field_id (a field of the active lead). */
void         cab_fields_page_open_field    (CabFieldsPage *self,
                                            const char    *field_id);
/* The id of the field whose editor is shown, or NULL when the list is. */
const char  *cab_fields_page_get_open_field (CabFieldsPage *self);
GtkListView *cab_fields_page_get_list_view (CabFieldsPage *self);
void         cab_fields_page_flush         (CabFieldsPage *self);

G_END_DECLS
