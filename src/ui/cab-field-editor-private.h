/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cab-field-editor.h"
#include "cab-field-format.h"

G_BEGIN_DECLS

/* One repeated part of a value editor: an option of a select-like field, a member of a
 * structured value, or one value of a multitext field. */
typedef struct
{
  char      *key;         /* the option's id, the member's name, or the row's index */
  GtkWidget *row;         /* the row that shows a refusal */
  GtkWidget *entry;       /* the text of the option, member or value */
  GtkWidget *check;       /* the option's check or radio button */
  GtkWidget *choice_row;  /* the row that shows the option as a choice */
  GtkWidget *dropdown;    /* a multitext value's enumCode */
} CabFieldItem;

/* How the value of one kind of type is edited. */
typedef struct
{
  /* Creates the value widgets in value_box; update() fills them in right after. */
  void   (*build)     (CabFieldEditor *self,
                       JsonObject     *field);
  /* Shows @field in the widgets built for it, touching only what differs. */
  void   (*update)    (CabFieldEditor *self,
                       JsonObject     *field);
  /* What the widgets' structure depends on (options, number of values), or NULL when it
   * never changes: the editor is built again when this differs. */
  char  *(*signature) (JsonObject     *field);
  /* Sends an edit that waits for a pause in typing, if any; may be NULL. */
  void   (*flush)     (CabFieldEditor *self);
} CabFieldKind;

struct _CabFieldEditor
{
  AdwBin              parent_instance;

  CabState           *state;
  char               *field_id;
  /* The field as the widgets show it: what was loaded, or what the last edit asked for. A
   * "changed" that brings back exactly this is the echo of our own edit and is ignored. */
  JsonNode           *shown;
  const CabFieldKind *kind;
  char               *type;
  char               *signature;
  /* While > 0 the editor is setting its widgets from the model: their signals are no edits. */
  guint               updating;
  /* Whether the update comes from outside (undo, another panel) rather than from an edit
   * made here: only then is text the model refused replaced. */
  gboolean            external;

  AdwEntryRow        *name_row;
  GtkLabel           *source_label;
  GtkLabel           *type_label;
  GtkBox             *value_box;

  /* Built by the kind; NULL where it has none. */
  GtkWidget          *value_group;
  GtkWidget          *value_row;
  GtkWidget          *value_widget;
  GtkWidget          *date_row;
  GtkWidget          *time_row;
  GtkWidget          *calendar;
  GtkWidget          *calendar_button;
  GtkWidget          *suffix_label;
  GtkWidget          *options_group;
  GPtrArray          *items;
  guint               flush_id;
  /* Entries changed in this main loop iteration, applied once it is idle (see
   * cab_field_editor_connect_text). */
  GPtrArray          *pending;
  guint               pending_id;
};

/* What an entry's text means for the field; called once its change is complete. */
typedef void (*CabFieldTextApply) (GtkEditable    *editable,
                                   CabFieldEditor *self);

const CabFieldKind *cab_field_editor_simple_kind      (const char     *type);
const CabFieldKind *cab_field_editor_choice_kind      (const char     *type);
const CabFieldKind *cab_field_editor_structured_kind  (const char     *type);

/* A copy of the field as the model has it now, to change and commit. */
JsonNode     *cab_field_editor_dup_field      (CabFieldEditor *self);
/* Sends @field (transfer none) to the model; on refusal @row shows why and nothing changed. */
gboolean      cab_field_editor_commit         (CabFieldEditor *self,
                                               JsonNode       *field,
                                               GtkWidget      *row);
/* The same with only the value replaced (@value: transfer full). */
gboolean      cab_field_editor_commit_value   (CabFieldEditor *self,
                                               JsonNode       *value,
                                               GtkWidget      *row);
void          cab_field_editor_set_refused    (CabFieldEditor *self,
                                               GtkWidget      *row,
                                               const char     *message);

GtkWidget    *cab_field_editor_add_group      (CabFieldEditor *self,
                                               const char     *title,
                                               const char     *description);
GtkWidget    *cab_field_editor_add_entry_row  (CabFieldEditor *self,
                                               GtkWidget      *group,
                                               const char     *name,
                                               const char     *title);
CabFieldItem *cab_field_editor_add_item       (CabFieldEditor *self,
                                               const char     *key);
CabFieldItem *cab_field_editor_find_item      (CabFieldEditor *self,
                                               const char     *key);
/* Shows @text in @editable unless it shows the same value already (@same), or holds input
 * the model refused and the change is our own. */
void          cab_field_editor_show_text      (CabFieldEditor *self,
                                               GtkWidget      *editable,
                                               GtkWidget      *row,
                                               const char     *text,
                                               gboolean        same);

/* Calls @apply when the text of @editable changed, once per change as the user means it:
 * GTK's set_text() and typing over a selection are two "changed" (delete, then insert), and
 * the text in between is no edit. */
void          cab_field_editor_connect_text   (CabFieldEditor    *self,
                                               GtkWidget         *editable,
                                               CabFieldTextApply  apply);

/* Keeps @widget alive until the main loop is idle again: a button whose "clicked" handler
 * rebuilds the editor (adding or removing an option) is removed during its own emission. */
void          cab_field_editor_keep_alive     (GtkWidget      *widget);

G_END_DECLS
