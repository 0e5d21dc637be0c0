/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The public entities of SPEC §2, as a widget names them. */
#define CAB_ENTITY_SYS         "sys"
#define CAB_ENTITY_LEAD        "lead"
#define CAB_ENTITY_LEAD_FIELDS "leadFields"
#define CAB_ENTITY_AUTHORS     "authors"

/* The FIELD_TYPES values of SPEC §2, in the SDK's order, NULL-terminated. */
extern const char * const cab_state_field_types[];

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

char       *cab_state_mint_token          (CabState    *self,
                                           const char  *lead_id);

gboolean    cab_state_is_public_entity    (const char  *entity);

/* Borrowed, read-only views of the document for the panels, so that a list of 5,000 fields
 * is not copied to be shown: "sys", "authors", "users", "contacts", "fields", "leads",
 * "integration", "lead" (the active LeadModel) and "lead-entry" (the active leads[] entry).
 * Never modify what this returns; it is valid until the next edit. */
JsonNode   *cab_state_peek                (CabState    *self,
                                           const char  *what);
JsonNode   *cab_state_dup_field           (CabState    *self,
                                           const char  *field_id);
gboolean    cab_state_lead_has_field      (CabState    *self,
                                           const char  *field_id);

/* Edits. Each one validates first and changes nothing when it fails (the error says why,
 * in words fit for the panel); each is one undo step. Edits of the same thing that follow
 * each other within a second are one step, so a typed name is undone as a whole. */
gboolean    cab_state_set_sys             (CabState    *self,
                                           JsonNode    *sys,
                                           GError     **error);
gboolean    cab_state_set_account_id      (CabState    *self,
                                           const char  *account_id,
                                           GError     **error);
/* The "integration" object the token passed to initLead is built from (SPEC §4); its
 * addresses must be http or https URLs. Announces changed ("integration", NULL). */
gboolean    cab_state_set_integration     (CabState    *self,
                                           JsonNode    *integration,
                                           GError     **error);
/* The active lead's LeadModel; its fieldIds must name existing fields. */
gboolean    cab_state_set_lead            (CabState    *self,
                                           JsonNode    *lead,
                                           GError     **error);
gboolean    cab_state_set_lead_name       (CabState    *self,
                                           const char  *name,
                                           GError     **error);
/* Replaces one field (an entry of LeadFieldsModel); its id and fieldSource stay. */
gboolean    cab_state_set_field           (CabState    *self,
                                           const char  *field_id,
                                           JsonNode    *field,
                                           GError     **error);
/* Adds a field to the active lead's lead ("lead"), one of its contacts ("contacts" and the
 * contact's id) or its company ("company"), with the type's empty value. Returns its id. */
char       *cab_state_add_field           (CabState    *self,
                                           const char  *source,
                                           const char  *contact_id,
                                           const char  *type,
                                           const char  *name,
                                           GError     **error);
/* Takes the field off the active lead (lead, contacts and company fieldIds). */
gboolean    cab_state_remove_field        (CabState    *self,
                                           const char  *field_id,
                                           GError     **error);
/* Adds or replaces the author with the id the object carries. */
gboolean    cab_state_set_author          (CabState    *self,
                                           JsonNode    *author,
                                           GError     **error);
char       *cab_state_add_author          (CabState    *self);
/* A user's (manager's) online status, as APP.sdk.showUserStatus reports it. One undo step;
 * announces changed ("users", user_id). */
gboolean    cab_state_set_user_online     (CabState    *self,
                                           const char  *user_id,
                                           gboolean     online,
                                           GError     **error);
gboolean    cab_state_remove_author       (CabState    *self,
                                           const char  *author_id,
                                           GError     **error);
/* Contacts of the active lead: a new contact (with its display name) or one taken off. */
char       *cab_state_add_contact         (CabState    *self,
                                           const char  *name,
                                           GError     **error);
gboolean    cab_state_set_contact_name    (CabState    *self,
                                           const char  *contact_id,
                                           const char  *name,
                                           GError     **error);
gboolean    cab_state_remove_contact      (CabState    *self,
                                           const char  *contact_id,
                                           GError     **error);
/* Leads. A new or duplicated lead becomes the active one; the last lead cannot go. */
char       *cab_state_add_lead            (CabState    *self);
char       *cab_state_duplicate_lead      (CabState    *self,
                                           const char  *lead_id,
                                           GError     **error);
gboolean    cab_state_remove_lead         (CabState    *self,
                                           const char  *lead_id,
                                           GError     **error);

gboolean    cab_state_can_undo            (CabState    *self);
gboolean    cab_state_can_redo            (CabState    *self);
void        cab_state_undo                (CabState    *self);
void        cab_state_redo                (CabState    *self);

/* Writes the document to a file atomically (a crash never leaves half a file). */
gboolean    cab_state_save_file           (CabState    *self,
                                           const char  *path,
                                           GError     **error);

G_END_DECLS
