/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cab-lead-page.h"

G_BEGIN_DECLS

/* The rows of one contact of the lead, or of its company (contact_id NULL): an expander row
 * with the name (and, for the company, the id), the fields and a row that adds a field. */
typedef struct
{
  CabLeadPage *page;
  char        *contact_id;
  GtkWidget   *expander;
  GtkWidget   *id_row;
  GtkWidget   *name_row;
  GtkWidget   *add_field_row;
  GtkWidget   *add_field_type;
  GPtrArray   *field_rows;
  char        *fields_shown;
} CabEntityRows;

struct _CabLeadPage
{
  AdwBin               parent_instance;

  CabState            *state;
  /* Above zero while the page shows the model in its widgets, so that their change
   * notifications are not taken for edits by the user. */
  guint                syncing;
  /* Set while the page follows a new lead or document: every row shows the model again, and
   * what the user had typed for the previous lead is gone. */
  gboolean             force_sync;

  GtkWidget           *name_row;
  GtkWidget           *id_row;
  GtkWidget           *pid_row;
  GtkWidget           *loaded_row;
  GtkWidget           *loaded_switch;
  GtkWidget           *manager_row;
  AdwPreferencesGroup *statuses_group;
  GtkWidget           *add_status_button;
  AdwPreferencesGroup *contacts_group;
  GtkWidget           *add_contact_button;
  GtkWidget           *no_contacts_row;
  AdwPreferencesGroup *company_group;
  GtkWidget           *company_switch;

  GPtrArray           *status_rows;
  GtkStringList       *manager_names;
  GPtrArray           *manager_ids;
  GPtrArray           *contacts;
  CabEntityRows       *company;
};

/* cab-lead-page.c */
JsonNode *cab_lead_page_dup_lead       (CabLeadPage *self);
gboolean  cab_lead_page_commit_lead    (CabLeadPage *self,
                                        JsonNode    *lead,
                                        GtkWidget   *row);
void      cab_lead_page_sync_text      (CabLeadPage *self,
                                        GtkWidget   *row,
                                        const char  *value);
void      cab_lead_page_set_text       (GtkWidget   *row,
                                        const char  *text);
void      cab_lead_page_clear_error    (GtkWidget   *row);
void      cab_lead_page_emit_open_field (CabLeadPage *self,
                                        const char  *field_id);

/* cab-lead-page-statuses.c: the status pipeline. */
void      cab_lead_page_init_statuses  (CabLeadPage *self);
void      cab_lead_page_sync_statuses  (CabLeadPage *self);
void      cab_lead_page_add_status     (CabLeadPage *self);
void      cab_lead_page_free_statuses  (CabLeadPage *self);

/* cab-lead-page-people.c: contacts and company. */
void      cab_lead_page_init_people    (CabLeadPage *self);
void      cab_lead_page_sync_people    (CabLeadPage *self);
void      cab_lead_page_sync_field     (CabLeadPage *self,
                                        const char  *field_id);
void      cab_lead_page_free_people    (CabLeadPage *self);
void      cab_lead_page_add_contact    (CabLeadPage *self);
void      cab_lead_page_company_toggled (CabLeadPage *self);

G_END_DECLS
