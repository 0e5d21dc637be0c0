/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Lead page's contacts and company: who they are and which fields they carry. Contacts'
 * names live beside the LeadModel (the document's "contacts"), so they have edits of their
 * own; the company is part of the LeadModel. The fields' values belong to the Fields page:
 * here they are listed, added, and opened there with ::open-field. */
#include "config.h"

#include <glib/gi18n.h>

#include "cab-lead-page-private.h"
#include "cab-panel-util.h"

/* SPEC §2 FIELD_TYPES, in its order, for a new field. */
static const char * const field_types[] = {
  "text", "numeric", "checkbox", "date", "select", "multiselect", "url", "textarea",
  "radiobutton", "streetaddress", "smartAddress", "legalEntity", "birthday", "dateTime",
  "multitext", "budget", NULL
};

#define FIELD_ID_KEY "cab-field-id"

static void
set_widget_name (GtkWidget  *widget,
                 const char *prefix,
                 const char *suffix)
{
  g_autofree char *name = g_strconcat (prefix, suffix, NULL);

  gtk_widget_set_name (widget, name);
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  return (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

static GtkWidget *
row_of (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  return row != NULL ? row : widget;
}

static void
entity_rows_free (gpointer data)
{
  CabEntityRows *rows = data;

  g_free (rows->contact_id);
  g_clear_object (&rows->add_field_row);
  g_ptr_array_unref (rows->field_rows);
  g_free (rows->fields_shown);
  g_free (rows);
}

static CabEntityRows *
find_contact (CabLeadPage *self,
              const char  *contact_id)
{
  for (guint i = 0; i < self->contacts->len; i++)
    {
      CabEntityRows *rows = g_ptr_array_index (self->contacts, i);

      if (g_str_equal (rows->contact_id, contact_id))
        return rows;
    }

  return NULL;
}

/* Fields. */

static void
on_field_activated (AdwActionRow  *row,
                    CabEntityRows *rows)
{
  cab_lead_page_emit_open_field (rows->page, g_object_get_data (G_OBJECT (row), FIELD_ID_KEY));
}

static void
show_field (GtkWidget  *row,
            const char *field_id,
            JsonObject *fields)
{
  JsonObject *field = fields != NULL && json_object_has_member (fields, field_id)
                      ? json_object_get_object_member (fields, field_id) : NULL;
  const char *title = field != NULL ? json_object_get_string_member_with_default (field, "name", "") : field_id;
  const char *subtitle = field != NULL ? json_object_get_string_member_with_default (field, "type", "")
                                       : _("Missing from the fields");

  if (*title == '\0')
    title = _("Unnamed field");
  if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) != 0)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), subtitle) != 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}

static void
add_entity_row (CabEntityRows *rows,
                GtkWidget     *row)
{
  adw_expander_row_add_row (ADW_EXPANDER_ROW (rows->expander), row);
}

static gboolean
same_field_ids (CabEntityRows *rows,
                JsonArray     *field_ids)
{
  guint n = field_ids != NULL ? json_array_get_length (field_ids) : 0;

  if (n != rows->field_rows->len)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (g_object_get_data (g_ptr_array_index (rows->field_rows, i), FIELD_ID_KEY),
                   json_array_get_string_element (field_ids, i)) != 0)
      return FALSE;

  return TRUE;
}

/* What the field list shows: ids, names and types. Rebuilt only when that changed, as a
 * value edit on the Fields page changes none of it. */
static void
entity_sync_fields (CabEntityRows *rows,
                    JsonArray     *field_ids,
                    JsonObject    *fields)
{
  g_autoptr(GString) shown = g_string_new (NULL);
  guint n = field_ids != NULL ? json_array_get_length (field_ids) : 0;
  gboolean refocus;

  for (guint i = 0; i < n; i++)
    {
      const char *id = json_array_get_string_element (field_ids, i);
      JsonObject *field = fields != NULL && id != NULL && json_object_has_member (fields, id)
                          ? json_object_get_object_member (fields, id) : NULL;

      g_string_append_printf (shown, "%s\x1f%s\x1f%s\x1e", id,
                              field != NULL ? json_object_get_string_member_with_default (field, "name", "") : "",
                              field != NULL ? json_object_get_string_member_with_default (field, "type", "") : "");
    }
  if (g_strcmp0 (shown->str, rows->fields_shown) == 0)
    return;
  g_free (rows->fields_shown);
  rows->fields_shown = g_string_free (g_steal_pointer (&shown), FALSE);

  /* The same fields, renamed or retyped: the rows stay, with the focus. */
  if (same_field_ids (rows, field_ids))
    {
      for (guint i = 0; i < n; i++)
        show_field (g_ptr_array_index (rows->field_rows, i), json_array_get_string_element (field_ids, i), fields);
      return;
    }

  /* The add-field row stays last: out and in again around the new list, keeping its text
   * and, when the user just added a field with it, the focus for the next one. */
  refocus = has_focus_within (rows->add_field_row);
  for (guint i = 0; i < rows->field_rows->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (rows->expander), g_ptr_array_index (rows->field_rows, i));
  g_ptr_array_set_size (rows->field_rows, 0);
  adw_expander_row_remove (ADW_EXPANDER_ROW (rows->expander), rows->add_field_row);

  for (guint i = 0; i < n; i++)
    {
      const char *id = json_array_get_string_element (field_ids, i);
      GtkWidget *row;

      if (id == NULL)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Edit on the Fields page"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      set_widget_name (row, "field-", id);
      g_object_set_data_full (G_OBJECT (row), FIELD_ID_KEY, g_strdup (id), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (on_field_activated), rows);
      show_field (row, id, fields);
      add_entity_row (rows, row);
      g_ptr_array_add (rows->field_rows, row);
    }

  add_entity_row (rows, rows->add_field_row);
  if (refocus)
    gtk_widget_grab_focus (rows->add_field_row);
}

static void
on_add_field_apply (AdwEntryRow   *row,
                    CabEntityRows *rows)
{
  CabLeadPage *self = rows->page;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  guint type = gtk_drop_down_get_selected (GTK_DROP_DOWN (rows->add_field_type));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (*name == '\0')
    {
      cab_panel_row_set_error (GTK_WIDGET (row), _("A field needs a name"));
      return;
    }
  if (type >= G_N_ELEMENTS (field_types) - 1)
    type = 0;

  id = cab_state_add_field (self->state, rows->contact_id != NULL ? "contacts" : "company", rows->contact_id,
                            field_types[type], name, &error);
  if (id == NULL)
    {
      cab_panel_row_set_error (GTK_WIDGET (row), error->message);
      return;
    }

  /* Ready for the next one. */
  cab_lead_page_clear_error (GTK_WIDGET (row));
  cab_lead_page_set_text (GTK_WIDGET (row), "");
}

/* Contacts. */

static void
on_contact_name_apply (AdwEntryRow   *row,
                       CabEntityRows *rows)
{
  JsonObject *names = json_node_get_object (cab_state_peek (rows->page->state, "contacts"));
  JsonObject *display = json_object_has_member (names, rows->contact_id)
                        ? json_object_get_object_member (names, rows->contact_id) : NULL;
  g_autoptr(GError) error = NULL;

  /* Enter on an unchanged name is no edit (and no undo step). */
  if (display != NULL &&
      g_strcmp0 (json_object_get_string_member_with_default (display, "name", NULL),
                 gtk_editable_get_text (GTK_EDITABLE (row))) == 0)
    {
      cab_lead_page_clear_error (GTK_WIDGET (row));
      return;
    }

  if (!cab_state_set_contact_name (rows->page->state, rows->contact_id,
                                   gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      cab_panel_row_set_error (GTK_WIDGET (row), error->message);
      return;
    }
  cab_lead_page_clear_error (GTK_WIDGET (row));
}

static void
on_contact_remove_clicked (GtkButton     *button,
                           CabEntityRows *rows)
{
  CabLeadPage *self = rows->page;
  g_autofree char *contact_id = g_strdup (rows->contact_id);
  g_autoptr(GtkWidget) expander = g_object_ref (rows->expander);
  gboolean had_focus = gtk_widget_has_focus (GTK_WIDGET (button));
  g_autoptr(GError) error = NULL;
  guint position = 0;

  g_ptr_array_find (self->contacts, rows, &position);
  /* No question first: Undo brings the contact back. */
  if (!cab_state_remove_contact (self->state, contact_id, &error))
    {
      cab_panel_row_set_error (expander, error->message);
      return;
    }

  /* @rows is gone: the focus goes to the contact now in its place, or to Add Contact. */
  if (!had_focus)
    return;
  if (self->contacts->len > 0)
    {
      CabEntityRows *next = g_ptr_array_index (self->contacts, MIN (position, self->contacts->len - 1));

      gtk_widget_grab_focus (next->expander);
    }
  else
    {
      gtk_widget_grab_focus (self->add_contact_button);
    }
}

/* Company. */

static void
apply_company_member (CabLeadPage *self,
                      GtkWidget   *row,
                      const char  *member,
                      gboolean     may_be_empty)
{
  g_autofree char *value = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autoptr(JsonNode) lead = NULL;
  JsonObject *company;

  if (!may_be_empty)
    g_strstrip (value);
  if (!may_be_empty && *value == '\0')
    {
      cab_panel_row_set_error (row, _("The company needs an id"));
      return;
    }

  lead = cab_lead_page_dup_lead (self);
  company = json_object_get_object_member (json_node_get_object (lead), "company");
  if (company == NULL)
    return;
  if (g_strcmp0 (json_object_get_string_member_with_default (company, member, NULL), value) == 0)
    {
      cab_lead_page_set_text (row, value);
      cab_lead_page_clear_error (row);
      return;
    }

  json_object_set_string_member (company, member, value);
  cab_lead_page_commit_lead (self, lead, row);
}

static void
on_company_id_apply (AdwEntryRow   *row,
                     CabEntityRows *rows)
{
  apply_company_member (rows->page, GTK_WIDGET (row), "id", FALSE);
}

static void
on_company_name_apply (AdwEntryRow   *row,
                       CabEntityRows *rows)
{
  apply_company_member (rows->page, GTK_WIDGET (row), "name", TRUE);
}

static void
note_numeric_id (const char *id,
                 guint64    *max)
{
  guint64 value;

  if (id != NULL && g_ascii_string_to_unsigned (id, 10, 0, G_MAXUINT64 - 1, &value, NULL))
    *max = MAX (*max, value);
}

/* A company id no lead uses, in the style of amoCRM's growing numbers. */
static char *
new_company_id (CabLeadPage *self)
{
  JsonArray *leads = json_node_get_array (cab_state_peek (self->state, "leads"));
  JsonObject *contacts = json_node_get_object (cab_state_peek (self->state, "contacts"));
  g_autoptr(GList) contact_ids = json_object_get_members (contacts);
  guint64 max = 0;

  for (guint i = 0; i < json_array_get_length (leads); i++)
    {
      JsonObject *lead = json_object_get_object_member (json_array_get_object_element (leads, i), "lead");
      JsonNode *company = lead != NULL ? json_object_get_member (lead, "company") : NULL;

      if (company != NULL && JSON_NODE_HOLDS_OBJECT (company))
        note_numeric_id (json_object_get_string_member_with_default (json_node_get_object (company), "id", NULL), &max);
    }
  /* Contacts and companies are both amoCRM entities, numbered in one sequence. */
  for (const GList *l = contact_ids; l != NULL; l = l->next)
    note_numeric_id (l->data, &max);

  return g_strdup_printf ("%" G_GUINT64_FORMAT, max + 1);
}

void
cab_lead_page_company_toggled (CabLeadPage *self)
{
  gboolean on = gtk_switch_get_active (GTK_SWITCH (self->company_switch));
  g_autoptr(JsonNode) lead = cab_lead_page_dup_lead (self);
  JsonObject *object = json_node_get_object (lead);
  JsonNode *company = json_object_get_member (object, "company");

  if ((company != NULL && JSON_NODE_HOLDS_OBJECT (company)) == on)
    return;

  if (on)
    {
      JsonObject *created = json_object_new ();
      g_autofree char *id = new_company_id (self);

      json_object_set_string_member (created, "id", id);
      json_object_set_string_member (created, "name", "");
      json_object_set_array_member (created, "fieldIds", json_array_new ());
      json_object_set_object_member (object, "company", created);
    }
  else
    {
      /* Undo brings the company back with its fields. */
      json_object_set_null_member (object, "company");
    }

  if (!cab_lead_page_commit_lead (self, lead, row_of (self->company_switch)))
    {
      cab_lead_page_sync_people (self);
      return;
    }
  if (on)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self->company->expander), TRUE);
}

/* The rows of a contact (@contact_id) or of the company (NULL). */
static CabEntityRows *
entity_rows_new (CabLeadPage *self,
                 const char  *contact_id)
{
  CabEntityRows *rows = g_new0 (CabEntityRows, 1);
  g_autofree char *prefix = contact_id != NULL ? g_strconcat ("contact-", contact_id, NULL) : g_strdup ("company");
  GtkWidget *remove;

  rows->page = self;
  rows->contact_id = g_strdup (contact_id);
  rows->field_rows = g_ptr_array_new ();

  rows->expander = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (rows->expander), FALSE);
  gtk_widget_set_name (rows->expander, prefix);

  if (contact_id != NULL)
    {
      adw_expander_row_set_icon_name (ADW_EXPANDER_ROW (rows->expander), "avatar-default-symbolic");
      remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove Contact"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Contact"), -1);
      set_widget_name (remove, prefix, "-remove");
      g_signal_connect (remove, "clicked", G_CALLBACK (on_contact_remove_clicked), rows);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (rows->expander), remove);
    }
  else
    {
      adw_expander_row_set_icon_name (ADW_EXPANDER_ROW (rows->expander), "system-users-symbolic");
      rows->id_row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->id_row), _("ID"));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (rows->id_row), TRUE);
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (rows->id_row), GTK_INPUT_PURPOSE_DIGITS);
      set_widget_name (rows->id_row, prefix, "-id");
      g_signal_connect (rows->id_row, "apply", G_CALLBACK (on_company_id_apply), rows);
      add_entity_row (rows, rows->id_row);
    }

  rows->name_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->name_row), _("Name"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (rows->name_row), TRUE);
  set_widget_name (rows->name_row, prefix, "-name");
  if (contact_id != NULL)
    g_signal_connect (rows->name_row, "apply", G_CALLBACK (on_contact_name_apply), rows);
  else
    g_signal_connect (rows->name_row, "apply", G_CALLBACK (on_company_name_apply), rows);
  add_entity_row (rows, rows->name_row);

  /* A new field: its name here, its type beside it; Enter adds it. */
  rows->add_field_row = g_object_ref_sink (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->add_field_row), _("New Field Name"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (rows->add_field_row), TRUE);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (rows->add_field_row), gtk_image_new_from_icon_name ("list-add-symbolic"));
  set_widget_name (rows->add_field_row, prefix, "-add-field");
  g_signal_connect (rows->add_field_row, "apply", G_CALLBACK (on_add_field_apply), rows);
  rows->add_field_type = gtk_drop_down_new_from_strings (field_types);
  gtk_widget_set_valign (rows->add_field_type, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (rows->add_field_type, _("Type of the new field"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (rows->add_field_type), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Type of the new field"), -1);
  set_widget_name (rows->add_field_type, prefix, "-add-field-type");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (rows->add_field_row), rows->add_field_type);
  add_entity_row (rows, rows->add_field_row);

  return rows;
}

static void
sync_entity_title (CabEntityRows *rows,
                   const char    *id,
                   const char    *name,
                   guint          n_fields)
{
  g_autofree char *subtitle = NULL;

  if (name == NULL || *name == '\0')
    name = rows->contact_id != NULL ? _("Unnamed contact") : _("Unnamed company");
  /* Translators: under a contact's or the company's name: its id and how many fields it has. */
  subtitle = g_strdup_printf (ngettext ("ID %s · %u field", "ID %s · %u fields", n_fields),
                              id, n_fields);

  if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows->expander)), name) != 0)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->expander), name);
  if (g_strcmp0 (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (rows->expander)), subtitle) != 0)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (rows->expander), subtitle);
}

static void
sync_contact (CabLeadPage   *self,
              CabEntityRows *rows,
              JsonObject    *contact,
              JsonObject    *names,
              JsonObject    *fields)
{
  JsonObject *display = names != NULL && json_object_has_member (names, rows->contact_id)
                        ? json_object_get_object_member (names, rows->contact_id) : NULL;
  const char *name = display != NULL ? json_object_get_string_member_with_default (display, "name", "") : "";
  JsonArray *field_ids = contact != NULL ? json_object_get_array_member (contact, "fieldIds") : NULL;

  sync_entity_title (rows, rows->contact_id, name, field_ids != NULL ? json_array_get_length (field_ids) : 0);
  cab_lead_page_sync_text (self, rows->name_row, name);
  entity_sync_fields (rows, field_ids, fields);
}

static void
sync_company (CabLeadPage *self,
              JsonObject  *lead,
              JsonObject  *fields)
{
  JsonNode *node = json_object_get_member (lead, "company");
  JsonObject *company = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  CabEntityRows *rows = self->company;
  JsonArray *field_ids;

  if (gtk_switch_get_active (GTK_SWITCH (self->company_switch)) != (company != NULL))
    gtk_switch_set_active (GTK_SWITCH (self->company_switch), company != NULL);
  gtk_widget_set_visible (rows->expander, company != NULL);
  if (company == NULL)
    return;

  field_ids = json_object_get_array_member (company, "fieldIds");
  sync_entity_title (rows, json_object_get_string_member_with_default (company, "id", ""),
                     json_object_get_string_member_with_default (company, "name", ""),
                     field_ids != NULL ? json_array_get_length (field_ids) : 0);
  cab_lead_page_sync_text (self, rows->id_row, json_object_get_string_member_with_default (company, "id", ""));
  cab_lead_page_sync_text (self, rows->name_row, json_object_get_string_member_with_default (company, "name", ""));
  entity_sync_fields (rows, field_ids, fields);
}

void
cab_lead_page_sync_people (CabLeadPage *self)
{
  JsonObject *lead = json_node_get_object (cab_state_peek (self->state, "lead"));
  JsonObject *contacts = json_object_get_object_member (lead, "contacts");
  JsonObject *names = json_node_get_object (cab_state_peek (self->state, "contacts"));
  JsonObject *fields = json_node_get_object (cab_state_peek (self->state, "fields"));
  g_autoptr(GList) ids = contacts != NULL ? json_object_get_members (contacts) : NULL;
  gboolean in_order = TRUE;
  const GList *l;
  guint i;

  self->syncing++;

  /* Contacts taken off the lead go; the others keep their rows (and the focus). */
  for (i = self->contacts->len; i > 0; i--)
    {
      CabEntityRows *rows = g_ptr_array_index (self->contacts, i - 1);

      if (contacts == NULL || !json_object_has_member (contacts, rows->contact_id))
        {
          adw_preferences_group_remove (self->contacts_group, rows->expander);
          g_ptr_array_remove_index (self->contacts, i - 1);
        }
    }

  /* New ones come at the end, where the model adds them. Any other order (a state file) is
   * shown by building the list again. */
  for (l = ids, i = 0; i < self->contacts->len && in_order; l = l->next, i++)
    in_order = g_str_equal (((CabEntityRows *) g_ptr_array_index (self->contacts, i))->contact_id, l->data);
  if (!in_order)
    {
      for (i = 0; i < self->contacts->len; i++)
        adw_preferences_group_remove (self->contacts_group,
                                      ((CabEntityRows *) g_ptr_array_index (self->contacts, i))->expander);
      g_ptr_array_set_size (self->contacts, 0);
      l = ids;
    }
  for (; l != NULL; l = l->next)
    {
      CabEntityRows *rows = entity_rows_new (self, l->data);

      adw_preferences_group_add (self->contacts_group, rows->expander);
      g_ptr_array_add (self->contacts, rows);
    }

  for (i = 0; i < self->contacts->len; i++)
    {
      CabEntityRows *rows = g_ptr_array_index (self->contacts, i);

      sync_contact (self, rows, json_object_get_object_member (contacts, rows->contact_id), names, fields);
    }
  gtk_widget_set_visible (self->no_contacts_row, self->contacts->len == 0);

  sync_company (self, lead, fields);

  self->syncing--;
}

/* One field changed (usually its value, which is not shown here): the lists follow only
 * when one of them has it. */
void
cab_lead_page_sync_field (CabLeadPage *self,
                          const char  *field_id)
{
  g_autofree char *name = g_strconcat ("field-", field_id, NULL);

  for (guint i = 0; i <= self->contacts->len; i++)
    {
      CabEntityRows *rows = i < self->contacts->len ? g_ptr_array_index (self->contacts, i) : self->company;

      for (guint j = 0; j < rows->field_rows->len; j++)
        if (g_str_equal (gtk_widget_get_name (g_ptr_array_index (rows->field_rows, j)), name))
          {
            cab_lead_page_sync_people (self);
            return;
          }
    }
}

void
cab_lead_page_add_contact (CabLeadPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = cab_state_add_contact (self->state, _("New Contact"), &error);
  CabEntityRows *rows;

  if (id == NULL)
    {
      cab_panel_row_set_error (self->add_contact_button, error->message);
      return;
    }
  cab_lead_page_clear_error (self->add_contact_button);

  /* Ready to be named. */
  rows = find_contact (self, id);
  if (rows != NULL)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (rows->expander), TRUE);
      gtk_widget_grab_focus (rows->name_row);
      gtk_editable_select_region (GTK_EDITABLE (rows->name_row), 0, -1);
    }
}

void
cab_lead_page_init_people (CabLeadPage *self)
{
  self->contacts = g_ptr_array_new_with_free_func (entity_rows_free);
  self->company = entity_rows_new (self, NULL);
  adw_preferences_group_add (self->company_group, self->company->expander);
}

void
cab_lead_page_free_people (CabLeadPage *self)
{
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->company, entity_rows_free);
}
