/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cab-state.h"

G_BEGIN_DECLS

struct _CabState
{
  GObject    parent_instance;
  JsonNode  *root;
  GPtrArray *undo_steps;  /* CabStateStep, oldest first */
  GPtrArray *redo_steps;  /* CabStateStep, the next redo last */
};

/* Shape checks of the state document (cab-state-schema.c). Each names the JSON path of the
 * first problem it finds, e.g. "leads[1].lead.statuses[0].color: expected a string". */
gboolean cab_state_schema_check_document (JsonNode    *root,
                                          GError     **error);
gboolean cab_state_schema_check_entity   (const char  *entity,
                                          JsonNode    *value,
                                          JsonObject  *fields,
                                          GError     **error);
gboolean cab_state_schema_check_field    (JsonNode    *field,
                                          const char  *path,
                                          GError     **error);
gboolean cab_state_schema_check_author   (JsonNode    *author,
                                          const char  *path,
                                          GError     **error);
gboolean cab_state_schema_check_integration (JsonNode    *integration,
                                             const char  *path,
                                             GError     **error);

/* Edits as undoable steps (cab-state-history.c). An edit names the "slots" it replaces:
 * "" (the whole document), a member of the document ("sys", "accountId", "activeLeadId",
 * "leads", "integration"), an entry of one of its maps ("authors/ID", "fields/ID",
 * "contacts/ID") or one lead entry ("leads/INDEX"). Nodes put into slots are never changed
 * afterwards, so the history can keep them without copies. */
typedef struct _CabStateStep CabStateStep;

CabStateStep *cab_state_step_new        (CabState     *self);
void          cab_state_step_set        (CabState     *self,
                                         CabStateStep *step,
                                         const char   *slot,
                                         JsonNode     *value);
void          cab_state_step_commit     (CabState     *self,
                                         CabStateStep *step);
void          cab_state_step_free       (CabStateStep *step);
void          cab_state_emit_changed    (CabState     *self,
                                         const char   *what,
                                         const char   *key);
void          cab_state_notify_history  (CabState     *self);

/* Shared by the files of CabState. */
JsonObject   *cab_state_document        (CabState     *self);
JsonObject   *cab_state_find_lead_entry (CabState     *self,
                                         const char   *lead_id,
                                         guint        *index);
void          cab_state_collect_field_ids (JsonObject *lead,
                                           GHashTable *ids);

/* Shared by the edits (cab-state-edit.c, cab-state-leads.c). */
gboolean      cab_state_refuse           (GError     **error,
                                          const char  *format,
                                          ...) G_GNUC_PRINTF (2, 3);
JsonNode     *cab_state_node_from_object (JsonObject  *object);
JsonNode     *cab_state_node_from_string (const char  *value);
JsonObject   *cab_state_active_lead      (CabState    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CabStateStep, cab_state_step_free)

G_END_DECLS
