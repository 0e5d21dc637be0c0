/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Value editors of the structured types: smartAddress and legalEntity (an entry per member
 * of the value object) and multitext (a list of { value, enumCode }: add, remove, edit). */
#include "config.h"

#include <glib/gi18n.h>

#include "cab-field-editor-private.h"

#define MEMBER_KEY "cab-member"
#define INDEX_KEY "cab-index"

typedef struct
{
  const char *member;
  const char *name;   /* the widget name tests use */
  const char *title;
} Member;

static const Member address_members[] = {
  { "address_line_1", "field-address_line_1", N_("Address Line 1") },
  { "address_line_2", "field-address_line_2", N_("Address Line 2") },
  { "city", "field-city", N_("City") },
  { "state", "field-state", N_("State or Region") },
  { "zip", "field-zip", N_("Postal Code") },
  { "country", "field-country", N_("Country") },
  { NULL, NULL, NULL }
};

/* "field-name" is the field's own name, so the entity's name is "field-legal-name". */
static const Member legal_members[] = {
  { "name", "field-legal-name", N_("Legal Name") },
  { "entity_type", "field-entity_type", N_("Entity Type") },
  { "vat_id", "field-vat_id", N_("VAT ID") },
  { "kpp", "field-kpp", N_("KPP") },
  { "tax_registration_reason_code", "field-tax_registration_reason_code", N_("Tax Registration Reason Code") },
  { "address", "field-address", N_("Address") },
  { NULL, NULL, NULL }
};

static const Member *
members_of (CabFieldEditor *self)
{
  return g_str_equal (self->type, "legalEntity") ? legal_members : address_members;
}

static JsonObject *
value_object (JsonObject *field)
{
  JsonNode *value = json_object_get_member (field, "value");

  return value != NULL && JSON_NODE_HOLDS_OBJECT (value) ? json_node_get_object (value) : NULL;
}

/* smartAddress, legalEntity */

static void
on_member_changed (GtkEditable    *entry,
                   CabFieldEditor *self)
{
  const char *member = g_object_get_data (G_OBJECT (entry), MEMBER_KEY);
  g_autoptr(JsonNode) field = NULL;
  JsonObject *object;
  JsonNode *value;

  if (self->updating > 0 || (field = cab_field_editor_dup_field (self)) == NULL)
    return;

  /* A value that was null becomes an object with every member, as amoCRM sends it. */
  object = value_object (json_node_get_object (field));
  if (object != NULL)
    {
      value = cab_field_json_copy (json_object_get_member (json_node_get_object (field), "value"));
    }
  else
    {
      value = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (value, json_object_new ());
      for (const Member *m = members_of (self); m->member != NULL; m++)
        json_object_set_string_member (json_node_get_object (value), m->member, "");
    }
  json_object_set_string_member (json_node_get_object (value), member, gtk_editable_get_text (entry));
  cab_field_editor_commit_value (self, value, GTK_WIDGET (entry));
}

static void
build_members (CabFieldEditor *self,
               JsonObject     *field)
{
  self->value_group = cab_field_editor_add_group (self, _("Value"), NULL);

  for (const Member *m = members_of (self); m->member != NULL; m++)
    {
      CabFieldItem *item = cab_field_editor_add_item (self, m->member);

      item->row = item->entry = cab_field_editor_add_entry_row (self, self->value_group, m->name, _(m->title));
      g_object_set_data (G_OBJECT (item->entry), MEMBER_KEY, (gpointer) m->member);
      cab_field_editor_connect_text (self, item->entry, on_member_changed);
    }
}

static void
update_members (CabFieldEditor *self,
                JsonObject     *field)
{
  JsonObject *object = value_object (field);

  for (guint i = 0; i < self->items->len; i++)
    {
      CabFieldItem *item = g_ptr_array_index (self->items, i);
      const char *text = cab_field_get_string (object, item->key);

      cab_field_editor_show_text (self, item->entry, item->row, text,
                                  g_str_equal (gtk_editable_get_text (GTK_EDITABLE (item->entry)), text));
    }
}

static const CabFieldKind members_kind = { build_members, update_members, NULL, NULL };

/* multitext */

static JsonArray *
get_values (JsonObject *field)
{
  JsonNode *value = json_object_get_member (field, "value");

  return value != NULL && JSON_NODE_HOLDS_ARRAY (value) ? json_node_get_array (value) : NULL;
}

static guint
count_values (JsonObject *field)
{
  JsonArray *values = get_values (field);

  return values != NULL ? json_array_get_length (values) : 0;
}

static JsonObject *
get_entry (JsonObject *field,
           guint       index)
{
  JsonNode *node = json_array_get_element (get_values (field), index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
is_known_code (const char *code)
{
  return g_strv_contains (cab_field_multitext_codes (), code);
}

static guint
widget_index (gpointer widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), INDEX_KEY));
}

/* Changes one member of value entry @index (or drops the entry with a NULL member) and
 * commits; @row shows a refusal. */
static gboolean
commit_entry (CabFieldEditor *self,
              guint           index,
              const char     *member,
              const char     *text,
              GtkWidget      *row)
{
  g_autoptr(JsonNode) field = cab_field_editor_dup_field (self);
  JsonObject *object;

  if (field == NULL || index >= count_values (json_node_get_object (field)))
    return FALSE;

  object = json_node_get_object (field);
  if (member == NULL)
    json_array_remove_element (get_values (object), index);
  else if (get_entry (object, index) != NULL)
    json_object_set_string_member (get_entry (object, index), member, text);
  return cab_field_editor_commit (self, field, row);
}

static void
on_multitext_value_changed (GtkEditable    *entry,
                            CabFieldEditor *self)
{
  if (self->updating > 0)
    return;

  commit_entry (self, widget_index (entry), "value", gtk_editable_get_text (entry), GTK_WIDGET (entry));
}

static void
on_multitext_code_selected (GtkDropDown    *dropdown,
                            GParamSpec     *pspec,
                            CabFieldEditor *self)
{
  GtkStringObject *code = gtk_drop_down_get_selected_item (dropdown);

  if (self->updating > 0 || code == NULL)
    return;

  commit_entry (self, widget_index (dropdown), "enumCode", gtk_string_object_get_string (code),
                gtk_widget_get_ancestor (GTK_WIDGET (dropdown), ADW_TYPE_ENTRY_ROW));
}

static void
on_multitext_removed (GtkButton      *button,
                      CabFieldEditor *self)
{
  GtkWidget *add_button;

  cab_field_editor_keep_alive (GTK_WIDGET (button));
  if (!commit_entry (self, widget_index (button), NULL, NULL, GTK_WIDGET (button)) || self->value_group == NULL)
    return;

  add_button = adw_preferences_group_get_header_suffix (ADW_PREFERENCES_GROUP (self->value_group));
  if (add_button != NULL)
    gtk_widget_grab_focus (add_button);
}

static void
on_multitext_added (GtkButton      *button,
                    CabFieldEditor *self)
{
  g_autoptr(JsonNode) field = cab_field_editor_dup_field (self);
  g_autofree char *key = NULL;
  JsonObject *object, *entry = json_object_new ();
  CabFieldItem *item;

  if (field == NULL)
    {
      json_object_unref (entry);
      return;
    }

  object = json_node_get_object (field);
  if (get_values (object) == NULL)
    json_object_set_array_member (object, "value", json_array_new ());
  json_object_set_string_member (entry, "value", "");
  json_object_set_string_member (entry, "enumCode", cab_field_multitext_codes ()[0]);
  json_array_add_object_element (get_values (object), entry);
  key = g_strdup_printf ("%u", count_values (object) - 1);

  cab_field_editor_keep_alive (GTK_WIDGET (button));
  if (cab_field_editor_commit (self, field, GTK_WIDGET (button)) &&
      (item = cab_field_editor_find_item (self, key)) != NULL)
    gtk_widget_grab_focus (item->entry);
}

static GtkWidget *
new_icon_button (const char *name,
                 const char *icon_name,
                 const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

static void
build_multitext (CabFieldEditor *self,
                 JsonObject     *field)
{
  GtkWidget *add_button = new_icon_button ("field-multitext-add", "list-add-symbolic", _("Add Value"));
  guint count = count_values (field);

  self->value_group = cab_field_editor_add_group (self, _("Values"),
                                                  _("Each with its kind (enumCode): WORK, MOB, PRIV…"));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->value_group), add_button);
  g_signal_connect_object (add_button, "clicked", G_CALLBACK (on_multitext_added), self, 0);

  for (guint i = 0; i < count; i++)
    {
      g_autofree char *key = g_strdup_printf ("%u", i);
      g_autofree char *name = g_strdup_printf ("field-multitext-%u-value", i);
      g_autofree char *code_name = g_strdup_printf ("field-multitext-%u-code", i);
      g_autofree char *remove_name = g_strdup_printf ("field-multitext-%u-remove", i);
      /* Translators: the title of one value of a multitext field (a phone, an e-mail). */
      g_autofree char *title = g_strdup_printf (_("Value %u"), i + 1);
      CabFieldItem *item = cab_field_editor_add_item (self, key);
      const char *code = cab_field_get_string (get_entry (field, i), "enumCode");
      GtkStringList *codes = gtk_string_list_new ((const char * const *) cab_field_multitext_codes ());
      GtkWidget *remove_button = new_icon_button (remove_name, "user-trash-symbolic", _("Remove Value"));

      /* A code amoCRM has and we do not list still shows, rather than being lost. */
      if (*code != '\0' && !is_known_code (code))
        gtk_string_list_append (codes, code);

      item->row = item->entry = cab_field_editor_add_entry_row (self, self->value_group, name, title);
      item->dropdown = gtk_drop_down_new (G_LIST_MODEL (codes), NULL);
      gtk_widget_set_name (item->dropdown, code_name);
      gtk_widget_set_valign (item->dropdown, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (item->dropdown, _("Kind of value (enumCode)"));
      gtk_widget_add_css_class (item->dropdown, "flat");
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (item->entry), item->dropdown);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (item->entry), remove_button);

      g_object_set_data (G_OBJECT (item->entry), INDEX_KEY, GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (item->dropdown), INDEX_KEY, GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (remove_button), INDEX_KEY, GUINT_TO_POINTER (i));
      cab_field_editor_connect_text (self, item->entry, on_multitext_value_changed);
      g_signal_connect_object (item->dropdown, "notify::selected", G_CALLBACK (on_multitext_code_selected), self, 0);
      g_signal_connect_object (remove_button, "clicked", G_CALLBACK (on_multitext_removed), self, 0);
    }

  if (count == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No values"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->value_group), row);
    }
}

static void
update_multitext (CabFieldEditor *self,
                  JsonObject     *field)
{
  for (guint i = 0; i < self->items->len && i < count_values (field); i++)
    {
      CabFieldItem *item = g_ptr_array_index (self->items, i);
      JsonObject *entry = get_entry (field, i);
      const char *text = cab_field_get_string (entry, "value");
      const char *code = cab_field_get_string (entry, "enumCode");
      GListModel *codes = gtk_drop_down_get_model (GTK_DROP_DOWN (item->dropdown));
      guint position = GTK_INVALID_LIST_POSITION;

      cab_field_editor_show_text (self, item->entry, item->row, text,
                                  g_str_equal (gtk_editable_get_text (GTK_EDITABLE (item->entry)), text));

      for (guint j = 0; j < g_list_model_get_n_items (codes); j++)
        if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (codes), j), code))
          position = j;
      if (gtk_drop_down_get_selected (GTK_DROP_DOWN (item->dropdown)) != position)
        {
          self->updating++;
          gtk_drop_down_set_selected (GTK_DROP_DOWN (item->dropdown), position);
          self->updating--;
        }
    }
}

/* The rows are built per value, and a row's list of codes holds the codes amoCRM has that
 * we do not list: a change of either builds them again. */
static char *
multitext_signature (JsonObject *field)
{
  GString *signature = g_string_new (NULL);
  guint count = count_values (field);

  g_string_append_printf (signature, "%u", count);
  for (guint i = 0; i < count; i++)
    {
      const char *code = cab_field_get_string (get_entry (field, i), "enumCode");

      if (*code != '\0' && !is_known_code (code))
        g_string_append_printf (signature, "\n%u:%s", i, code);
    }

  return g_string_free (signature, FALSE);
}

static const CabFieldKind multitext_kind = { build_multitext, update_multitext, multitext_signature, NULL };

const CabFieldKind *
cab_field_editor_structured_kind (const char *type)
{
  if (g_strcmp0 (type, "smartAddress") == 0 || g_strcmp0 (type, "legalEntity") == 0)
    return &members_kind;
  if (g_strcmp0 (type, "multitext") == 0)
    return &multitext_kind;

  return NULL;
}
