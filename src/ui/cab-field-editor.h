/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cab-state.h"

G_BEGIN_DECLS

/* The editor of one field of the active lead: its name, where it comes from, its type, and
 * a value editor that fits the type (cab-field-editor-simple.c, -choice.c, -structured.c).
 * Every edit goes to the model at once with cab_state_set_field(); the widget names that
 * tests drive are listed in cab-fields-page.h. */

#define CAB_TYPE_FIELD_EDITOR (cab_field_editor_get_type ())

G_DECLARE_FINAL_TYPE (CabFieldEditor, cab_field_editor, CAB, FIELD_EDITOR, AdwBin)

GtkWidget  *cab_field_editor_new          (CabState       *state,
                                           const char     *field_id);
/* The model changed: show the field as it is now. Widgets whose value is already the
 * model's are left alone, so the one being typed in keeps its focus and cursor. */
void        cab_field_editor_sync         (CabFieldEditor *self);
/* Sends at once an edit that is still waiting (multi-line text is applied after a pause). */
void        cab_field_editor_flush        (CabFieldEditor *self);
/* Drops an edit that is still waiting: the field is gone (undone, removed elsewhere), and an
 * edit of it now would be a new step that nobody asked for. */
void        cab_field_editor_discard      (CabFieldEditor *self);

G_END_DECLS
