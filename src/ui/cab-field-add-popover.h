/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cab-state.h"

G_BEGIN_DECLS

/* The "Add Field" form of the Fields page: the owner (the active lead, one of its contacts,
 * or its company), one of the 16 types and a name. It adds the field with
 * cab_state_add_field() and emits "added" with the new field's id. Its widget names are in
 * cab-fields-page.h. */

#define CAB_TYPE_FIELD_ADD_POPOVER (cab_field_add_popover_get_type ())

G_DECLARE_FINAL_TYPE (CabFieldAddPopover, cab_field_add_popover, CAB, FIELD_ADD_POPOVER, GtkPopover)

GtkWidget *cab_field_add_popover_new (CabState *state);

G_END_DECLS
