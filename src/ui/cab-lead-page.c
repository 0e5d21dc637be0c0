/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Lead page: the active lead's LeadModel (SPEC §2) and its title. Every edit builds a
 * whole new LeadModel from the model's own and hands it to cab_state_set_lead(), so that the
 * model validates it and the page sees one change, once. Contacts and the company live in
 * cab-lead-page-people.c. */
#include "config.h"

#include <glib/gi18n.h>

#include "cab-json.h"
#include "cab-lead-page-private.h"
#include "cab-panel-util.h"

G_DEFINE_FINAL_TYPE (CabLeadPage, cab_lead_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_FIELD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The last value the model had for a text row: what the page showed before any typing. */
#define MODEL_VALUE_KEY "cab-model-value"

/* The active LeadModel to build one edit on. cab_json_deep_copy(), as json_node_copy() would
 * share the model's own objects and arrays with the edit. */
JsonNode *
cab_lead_page_dup_lead (CabLeadPage *self)
{
  return cab_json_deep_copy (cab_state_peek (self->state, "lead"));
}

/* Hands @lead (a whole LeadModel) to the model. A refusal is shown on @row, whose text is
 * kept so that it can be corrected. */
gboolean
cab_lead_page_commit_lead (CabLeadPage *self,
                           JsonNode    *lead,
                           GtkWidget   *row)
{
  g_autoptr(GError) error = NULL;
  /* The edit may take the row away (the last status removed): keep it for the reply. */
  g_autoptr(GtkWidget) keep = g_object_ref (row);

  if (!cab_state_set_lead (self->state, lead, &error))
    {
      cab_panel_row_set_error (row, error->message);
      return FALSE;
    }

  cab_lead_page_clear_error (row);
  return TRUE;
}

void
cab_lead_page_clear_error (GtkWidget *row)
{
  if (gtk_widget_has_css_class (row, "error"))
    cab_panel_row_set_error (row, NULL);
}

/* Text the page sets is no edit: without turning the apply button off for it, a focused
 * row would offer to apply what the model just said. */
void
cab_lead_page_set_text (GtkWidget  *row,
                        const char *text)
{
  gboolean apply = ADW_IS_ENTRY_ROW (row) && adw_entry_row_get_show_apply_button (ADW_ENTRY_ROW (row));

  if (apply)
    adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  if (apply)
    adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
}

/* Shows the model's @value in a text row, but only when the model's value changed since the
 * row last showed it: otherwise what the row holds is the user's own (applied, being typed,
 * or refused and being corrected) and stays, with the cursor where it is. */
void
cab_lead_page_sync_text (CabLeadPage *self,
                         GtkWidget   *row,
                         const char  *value)
{
  const char *shown = g_object_get_data (G_OBJECT (row), MODEL_VALUE_KEY);

  if (value == NULL)
    value = "";
  if (shown != NULL && g_str_equal (shown, value) && !self->force_sync)
    return;

  g_object_set_data_full (G_OBJECT (row), MODEL_VALUE_KEY, g_strdup (value), g_free);
  if (!g_str_equal (gtk_editable_get_text (GTK_EDITABLE (row)), value))
    cab_lead_page_set_text (row, value);
  cab_lead_page_clear_error (row);
}

void
cab_lead_page_emit_open_field (CabLeadPage *self,
                               const char  *field_id)
{
  g_signal_emit (self, signals[OPEN_FIELD], 0, field_id);
}

/* The manager: one of the account's users. */

static void
sync_manager (CabLeadPage *self)
{
  JsonObject *lead = json_node_get_object (cab_state_peek (self->state, "lead"));
  const char *manager_id = json_object_get_string_member_with_default (lead, "managerId", "");
  JsonObject *users = json_node_get_object (cab_state_peek (self->state, "users"));
  g_autoptr(GList) user_ids = json_object_get_members (users);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint selected = GTK_INVALID_LIST_POSITION;
  gboolean same;

  for (const GList *l = user_ids; l != NULL; l = l->next)
    {
      JsonObject *user = json_object_get_object_member (users, l->data);

      g_ptr_array_add (ids, g_strdup (l->data));
      g_ptr_array_add (names, g_strdup (user != NULL ? json_object_get_string_member_with_default (user, "name", l->data)
                                                     : l->data));
    }
  for (guint i = 0; i < ids->len && selected == GTK_INVALID_LIST_POSITION; i++)
    if (g_str_equal (g_ptr_array_index (ids, i), manager_id))
      selected = i;

  /* A manager who is not one of the users (a hand-written state file) is still shown as is. */
  if (selected == GTK_INVALID_LIST_POSITION)
    {
      selected = ids->len;
      g_ptr_array_add (ids, g_strdup (manager_id));
      /* Translators: a manager id that names none of the account's users. */
      g_ptr_array_add (names, *manager_id != '\0' ? g_strdup_printf (_("Unknown user %s"), manager_id)
                                                  : g_strdup (_("Nobody")));
    }

  self->syncing++;

  /* Rebuilt only when the users changed, so that an open list is not emptied under the user. */
  same = ids->len == self->manager_ids->len;
  for (guint i = 0; same && i < ids->len; i++)
    same = g_str_equal (g_ptr_array_index (ids, i), g_ptr_array_index (self->manager_ids, i)) &&
           g_str_equal (g_ptr_array_index (names, i),
                        gtk_string_list_get_string (self->manager_names, i));
  if (!same)
    {
      g_ptr_array_add (names, NULL);
      gtk_string_list_splice (self->manager_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->manager_names)),
                              (const char * const *) names->pdata);
      g_ptr_array_unref (self->manager_ids);
      self->manager_ids = g_steal_pointer (&ids);
    }
  if (adw_combo_row_get_selected (ADW_COMBO_ROW (self->manager_row)) != selected)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->manager_row), selected);

  self->syncing--;
}

static void
on_manager_selected (CabLeadPage *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->manager_row));
  g_autoptr(JsonNode) lead = NULL;
  JsonObject *object;
  const char *id;

  if (self->syncing > 0 || selected >= self->manager_ids->len)
    return;

  id = g_ptr_array_index (self->manager_ids, selected);
  lead = cab_lead_page_dup_lead (self);
  object = json_node_get_object (lead);
  if (g_strcmp0 (json_object_get_string_member_with_default (object, "managerId", NULL), id) == 0)
    return;

  json_object_set_string_member (object, "managerId", id);
  if (!cab_lead_page_commit_lead (self, lead, self->manager_row))
    sync_manager (self);
}

/* The lead's own members. */

static void
sync_lead (CabLeadPage *self)
{
  JsonObject *lead = json_node_get_object (cab_state_peek (self->state, "lead"));
  JsonObject *entry = json_node_get_object (cab_state_peek (self->state, "lead-entry"));
  gboolean loaded = json_object_get_boolean_member_with_default (lead, "isLeadLoaded", FALSE);

  self->syncing++;
  cab_lead_page_sync_text (self, self->name_row, json_object_get_string_member_with_default (entry, "name", ""));
  cab_lead_page_sync_text (self, self->id_row, json_object_get_string_member_with_default (lead, "id", ""));
  cab_lead_page_sync_text (self, self->pid_row, json_object_get_string_member_with_default (lead, "pid", ""));
  if (gtk_switch_get_active (GTK_SWITCH (self->loaded_switch)) != loaded)
    gtk_switch_set_active (GTK_SWITCH (self->loaded_switch), loaded);
  self->syncing--;

  sync_manager (self);
  cab_lead_page_sync_statuses (self);
}

static void
sync_all (CabLeadPage *self,
          gboolean     force)
{
  self->force_sync = force;
  sync_lead (self);
  cab_lead_page_sync_people (self);
  self->force_sync = FALSE;
}

static void
on_name_apply (CabLeadPage *self,
               AdwEntryRow *row)
{
  JsonObject *entry = json_node_get_object (cab_state_peek (self->state, "lead-entry"));
  const char *name = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;

  /* Enter on an unchanged name is no edit (and no undo step). */
  if (g_strcmp0 (json_object_get_string_member_with_default (entry, "name", NULL), name) == 0)
    {
      cab_lead_page_clear_error (GTK_WIDGET (row));
      return;
    }

  if (!cab_state_set_lead_name (self->state, name, &error))
    {
      cab_panel_row_set_error (GTK_WIDGET (row), error->message);
      return;
    }
  cab_lead_page_clear_error (GTK_WIDGET (row));
}

/* id and pid: strings that must not be empty. */
static void
apply_lead_string (CabLeadPage *self,
                   AdwEntryRow *row,
                   const char  *member,
                   const char  *empty_message)
{
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(JsonNode) lead = NULL;
  JsonObject *object;

  if (*value == '\0')
    {
      cab_panel_row_set_error (GTK_WIDGET (row), empty_message);
      return;
    }

  lead = cab_lead_page_dup_lead (self);
  object = json_node_get_object (lead);
  if (g_strcmp0 (json_object_get_string_member_with_default (object, member, NULL), value) == 0)
    {
      /* Nothing to change; spaces typed around the value go. */
      cab_lead_page_set_text (GTK_WIDGET (row), value);
      cab_lead_page_clear_error (GTK_WIDGET (row));
      return;
    }

  json_object_set_string_member (object, member, value);
  cab_lead_page_commit_lead (self, lead, GTK_WIDGET (row));
}

static void
on_id_apply (CabLeadPage *self,
             AdwEntryRow *row)
{
  apply_lead_string (self, row, "id", _("The lead needs an id"));
}

static void
on_pid_apply (CabLeadPage *self,
              AdwEntryRow *row)
{
  apply_lead_string (self, row, "pid", _("The lead needs a pipeline id"));
}

static void
on_loaded_changed (CabLeadPage *self)
{
  gboolean loaded = gtk_switch_get_active (GTK_SWITCH (self->loaded_switch));
  g_autoptr(JsonNode) lead = NULL;
  JsonObject *object;

  if (self->syncing > 0)
    return;

  lead = cab_lead_page_dup_lead (self);
  object = json_node_get_object (lead);
  if (json_object_get_boolean_member_with_default (object, "isLeadLoaded", !loaded) == loaded)
    return;

  json_object_set_boolean_member (object, "isLeadLoaded", loaded);
  if (!cab_lead_page_commit_lead (self, lead, self->loaded_row))
    sync_lead (self);
}

static void
on_add_status_clicked (CabLeadPage *self)
{
  cab_lead_page_add_status (self);
}

static void
on_add_contact_clicked (CabLeadPage *self)
{
  cab_lead_page_add_contact (self);
}

static void
on_company_switch_changed (CabLeadPage *self)
{
  if (self->syncing == 0)
    cab_lead_page_company_toggled (self);
}

static void
on_state_changed (CabLeadPage *self,
                  const char  *what,
                  const char  *key,
                  CabState    *state)
{
  /* A field's name or type: only the contact or company rows that list it. */
  if (g_strcmp0 (what, CAB_ENTITY_LEAD_FIELDS) == 0)
    {
      if (key != NULL)
        cab_lead_page_sync_field (self, key);
      else
        cab_lead_page_sync_people (self);
    }
  else if (g_strcmp0 (what, CAB_ENTITY_LEAD) == 0 || g_strcmp0 (what, "view") == 0)
    {
      sync_all (self, FALSE);
    }
  else if (g_strcmp0 (what, "active-lead") == 0 || g_strcmp0 (what, "document") == 0)
    {
      sync_all (self, TRUE);
    }
}

static void
cab_lead_page_constructed (GObject *object)
{
  CabLeadPage *self = CAB_LEAD_PAGE (object);

  G_OBJECT_CLASS (cab_lead_page_parent_class)->constructed (object);

  g_assert (CAB_IS_STATE (self->state));
  cab_lead_page_init_people (self);
  g_signal_connect_object (self->state, "changed", G_CALLBACK (on_state_changed), self, G_CONNECT_SWAPPED);
  sync_all (self, TRUE);
}

static void
cab_lead_page_dispose (GObject *object)
{
  CabLeadPage *self = CAB_LEAD_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CAB_TYPE_LEAD_PAGE);
  cab_lead_page_free_statuses (self);
  cab_lead_page_free_people (self);
  g_clear_object (&self->manager_names);
  g_clear_pointer (&self->manager_ids, g_ptr_array_unref);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (cab_lead_page_parent_class)->dispose (object);
}

static void
cab_lead_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CabLeadPage *self = CAB_LEAD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      self->state = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cab_lead_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CabLeadPage *self = CAB_LEAD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_object (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cab_lead_page_class_init (CabLeadPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cab_lead_page_constructed;
  object_class->dispose = cab_lead_page_dispose;
  object_class->set_property = cab_lead_page_set_property;
  object_class->get_property = cab_lead_page_get_property;

  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL,
                         CAB_TYPE_STATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CabLeadPage::open-field:
   * @field_id: the field the user activated in a contact's or the company's list
   *
   * The window shows that field on the Fields page, where its value is edited.
   */
  signals[OPEN_FIELD] =
    g_signal_new ("open-field",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/cab-lead-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CabLeadPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, CabLeadPage, id_row);
  gtk_widget_class_bind_template_child (widget_class, CabLeadPage, pid_row);
  gtk_widget_class_bind_template_child (widget_class, CabLeadPage, loaded_row);
  gtk_widget_class_bind_template_child (widget_class, CabLeadPage, loaded_switch);
  gtk_widget_class_bind_template_child (widget_class, CabLeadPage, manager_row);
  gtk_widget_class_bind_template_child (widget_class, CabLeadPage, statuses_group);
  gtk_widget_class_bind_template_child (widget_class, CabLeadPage, add_status_button);
  gtk_widget_class_bind_template_child (widget_class, CabLeadPage, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, CabLeadPage, add_contact_button);
  gtk_widget_class_bind_template_child (widget_class, CabLeadPage, no_contacts_row);
  gtk_widget_class_bind_template_child (widget_class, CabLeadPage, company_group);
  gtk_widget_class_bind_template_child (widget_class, CabLeadPage, company_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_name_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_id_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_pid_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_loaded_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_manager_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_add_status_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_contact_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_company_switch_changed);
}

static void
cab_lead_page_init (CabLeadPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  cab_lead_page_init_statuses (self);
  self->manager_ids = g_ptr_array_new_with_free_func (g_free);
  self->manager_names = gtk_string_list_new (NULL);

  /* The combo shows the users' names; the ids stay beside them in manager_ids. */
  self->syncing++;
  adw_combo_row_set_expression (ADW_COMBO_ROW (self->manager_row),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->manager_row), G_LIST_MODEL (self->manager_names));
  self->syncing--;
}

GtkWidget *
cab_lead_page_new (CabState *state)
{
  g_return_val_if_fail (CAB_IS_STATE (state), NULL);

  return g_object_new (CAB_TYPE_LEAD_PAGE, "state", state, NULL);
}
