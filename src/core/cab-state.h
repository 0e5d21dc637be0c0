/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The public entities of SPEC §2, as a widget names them. */
#define CAB_ENTITY_SYS         "sys"
#define CAB_ENTITY_LEAD        "lead"
#define CAB_ENTITY_LEAD_FIELDS "leadFields"
#define CAB_ENTITY_AUTHORS     "authors"

#define CAB_TYPE_STATE (cab_state_get_type ())

G_DECLARE_FINAL_TYPE (CabState, cab_state, CAB, STATE, GObject)

CabState   *cab_state_new                 (void);
CabState   *cab_state_new_default         (GError     **error);
gboolean    cab_state_load_data           (CabState    *self,
                                           const char  *data,
                                           gssize       length,
                                           const char  *source_name,
                                           GError     **error);
gboolean    cab_state_load_file           (CabState    *self,
                                           const char  *path,
                                           GError     **error);
char       *cab_state_to_data             (CabState    *self);

JsonNode   *cab_state_dup_entity          (CabState    *self,
                                           const char  *entity);
JsonNode   *cab_state_dup_public_entities (CabState    *self);
JsonNode   *cab_state_dup_view            (CabState    *self);
JsonNode   *cab_state_dup_router_query    (CabState    *self);

const char *cab_state_get_account_id      (CabState    *self);
const char *cab_state_get_active_lead_id  (CabState    *self);
gboolean    cab_state_set_active_lead     (CabState    *self,
                                           const char  *lead_id,
                                           GError     **error);
gboolean    cab_state_set_entity          (CabState    *self,
                                           const char  *entity,
                                           JsonNode    *value,
                                           GError     **error);

char       *cab_state_mint_token          (CabState    *self,
                                           const char  *lead_id);

gboolean    cab_state_is_public_entity    (const char  *entity);

G_END_DECLS
