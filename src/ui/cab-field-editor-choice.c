/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Value editors of the select-like types: select (a dropdown), radiobutton (radio buttons)
 * and multiselect (check buttons), each with the editing of its options ("enums": add,
 * remove, rename). A renamed or removed option is renamed in, or taken out of, the value in
 * the same edit, so the value never names an option that is not there. */
#include "config.h"

#include <glib/gi18n.h>

#include "cab-field-editor-private.h"

#define ENUM_ID_KEY "cab-enum-id"

static JsonArray *
get_enums (JsonObject *field)
{
  JsonNode *node = json_object_get_member (field, "enums");

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static guint
count_enums (JsonObject *field)
{
  JsonArray *enums = get_enums (field);

  return enums != NULL ? json_array_get_length (enums) : 0;
}

static JsonObject *
get_enum (JsonObject *field,
          guint       index)
{
  JsonNode *node = json_array_get_element (get_enums (field), index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
enum_id (JsonObject *field,
         guint       index)
{
  return cab_field_get_string (get_enum (field, index), "id");
}

static const char *
enum_value (JsonObject *field,
            guint       index)
{
  return cab_field_get_string (get_enum (field, index), "value");
}

/* The id of the chosen option of a select or radiobutton, or NULL. */
static const char *
chosen_id (JsonObject *field)
{
  JsonNode *value = json_object_get_member (field, "value");

  if (value == NULL || !JSON_NODE_HOLDS_OBJECT (value))
    return NULL;
  return cab_field_get_string (json_node_get_object (value), "id");
}

static gboolean
is_chosen (JsonObject *field,
           const char *id)
{
  JsonNode *value = json_object_get_member (field, "value");

  if (value != NULL && JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (element) &&
              g_str_equal (cab_field_get_string (json_node_get_object (element), "id"), id))
            return TRUE;
        }
      return FALSE;
    }

  return g_strcmp0 (chosen_id (field), id) == 0;
}

static JsonNode *
new_choice (const char *id,
            const char *text)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "value", text);
  json_node_take_object (node, object);

  return node;
}

static const char *
widget_enum_id (gpointer widget)
{
  return g_object_get_data (G_OBJECT (widget), ENUM_ID_KEY);
}

static void
set_widget_enum_id (GtkWidget  *widget,
                    const char *id)
{
  g_object_set_data_full (G_OBJECT (widget), ENUM_ID_KEY, g_strdup (id), g_free);
}

/* Choosing */

static void
on_combo_selected (AdwComboRow    *row,
                   GParamSpec     *pspec,
                   CabFieldEditor *self)
{
  g_autoptr(JsonNode) field = NULL;
  guint selected = adw_combo_row_get_selected (row);
  JsonNode *value;

  if (self->updating > 0 || (field = cab_field_editor_dup_field (self)) == NULL)
    return;

  /* The first item is "None": a select may hold no choice (null). */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > count_enums (json_node_get_object (field)))
    value = json_node_new (JSON_NODE_NULL);
  else
    value = new_choice (enum_id (json_node_get_object (field), selected - 1),
                        enum_value (json_node_get_object (field), selected - 1));
  cab_field_editor_commit_value (self, value, GTK_WIDGET (row));
}

static void
on_radio_toggled (GtkCheckButton *check,
                  CabFieldEditor *self)
{
  g_autoptr(JsonNode) field = NULL;
  const char *id = widget_enum_id (check);
  JsonObject *object;

  /* Of the two buttons a click toggles, only the one that became active makes the edit. */
  if (self->updating > 0 || !gtk_check_button_get_active (check) ||
      (field = cab_field_editor_dup_field (self)) == NULL)
    return;

  object = json_node_get_object (field);
  for (guint i = 0; i < count_enums (object); i++)
    if (g_str_equal (enum_id (object, i), id))
      {
        cab_field_editor_commit_value (self, new_choice (id, enum_value (object, i)),
                                       gtk_widget_get_ancestor (GTK_WIDGET (check), ADW_TYPE_ACTION_ROW));
        return;
      }
}

static void
on_multi_toggled (GtkCheckButton *check,
                  CabFieldEditor *self)
{
  g_autoptr(JsonNode) field = NULL;
  JsonObject *object;
  JsonArray *chosen = json_array_new ();
  JsonNode *old_value, *value;

  if (self->updating > 0 || (field = cab_field_editor_dup_field (self)) == NULL)
    {
      json_array_unref (chosen);
      return;
    }

  /* The choices in the order of the options, as amoCRM lists them. */
  object = json_node_get_object (field);
  for (guint i = 0; i < count_enums (object); i++)
    {
      CabFieldItem *item = cab_field_editor_find_item (self, enum_id (object, i));

      if (item != NULL && item->check != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (item->check)))
        json_array_add_element (chosen, new_choice (enum_id (object, i), enum_value (object, i)));
    }
  /* What the value holds beyond the options is not ours to drop. */
  old_value = json_object_get_member (object, "value");
  if (old_value != NULL && JSON_NODE_HOLDS_ARRAY (old_value))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (old_value)); i++)
      {
        JsonNode *element = json_array_get_element (json_node_get_array (old_value), i);
        const char *id = JSON_NODE_HOLDS_OBJECT (element) ? cab_field_get_string (json_node_get_object (element), "id") : "";

        if (cab_field_editor_find_item (self, id) == NULL)
          json_array_add_element (chosen, cab_field_json_copy (element));
      }

  value = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (value, chosen);
  cab_field_editor_commit_value (self, value, gtk_widget_get_ancestor (GTK_WIDGET (check), ADW_TYPE_ACTION_ROW));
}

/* Editing the options */

/* Renames or drops option @id in the value: a select's choice, or a multiselect's entries. */
static void
follow_option (JsonObject *field,
               const char *id,
               const char *new_text)
{
  JsonNode *value = json_object_get_member (field, "value");

  if (value != NULL && JSON_NODE_HOLDS_OBJECT (value))
    {
      if (!g_str_equal (cab_field_get_string (json_node_get_object (value), "id"), id))
        return;
      if (new_text != NULL)
        json_object_set_string_member (json_node_get_object (value), "value", new_text);
      else
        json_object_set_null_member (field, "value");
    }
  else if (value != NULL && JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);

      for (guint i = json_array_get_length (array); i > 0; i--)
        {
          JsonNode *element = json_array_get_element (array, i - 1);

          if (!JSON_NODE_HOLDS_OBJECT (element) ||
              !g_str_equal (cab_field_get_string (json_node_get_object (element), "id"), id))
            continue;
          if (new_text != NULL)
            json_object_set_string_member (json_node_get_object (element), "value", new_text);
          else
            json_array_remove_element (array, i - 1);
        }
    }
}

static void
on_option_renamed (GtkEditable    *entry,
                   CabFieldEditor *self)
{
  const char *text = gtk_editable_get_text (entry);
  const char *id = widget_enum_id (entry);
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(JsonNode) field = NULL;
  JsonObject *object;

  if (self->updating > 0)
    return;
  if (*stripped == '\0')
    {
      cab_field_editor_set_refused (self, GTK_WIDGET (entry), _("An option needs a name"));
      return;
    }
  if ((field = cab_field_editor_dup_field (self)) == NULL)
    return;

  object = json_node_get_object (field);
  for (guint i = 0; i < count_enums (object); i++)
    if (g_str_equal (enum_id (object, i), id))
      json_object_set_string_member (get_enum (object, i), "value", text);
  follow_option (object, id, text);
  cab_field_editor_commit (self, field, GTK_WIDGET (entry));
}

static void
on_option_removed (GtkButton      *button,
                   CabFieldEditor *self)
{
  g_autofree char *id = g_strdup (widget_enum_id (button));
  g_autoptr(JsonNode) field = NULL;
  JsonObject *object;
  JsonArray *enums;
  GtkWidget *add_button;

  if ((field = cab_field_editor_dup_field (self)) == NULL)
    return;

  object = json_node_get_object (field);
  enums = get_enums (object);
  for (guint i = count_enums (object); i > 0; i--)
    if (g_str_equal (enum_id (object, i - 1), id))
      json_array_remove_element (enums, i - 1);
  follow_option (object, id, NULL);

  cab_field_editor_keep_alive (GTK_WIDGET (button));
  if (cab_field_editor_commit (self, field, GTK_WIDGET (button)) && self->options_group != NULL)
    {
      /* The button is gone with its option; the focus goes where the next edit starts. */
      add_button = adw_preferences_group_get_header_suffix (ADW_PREFERENCES_GROUP (self->options_group));
      if (add_button != NULL)
        gtk_widget_grab_focus (add_button);
    }
}

/* A new option's id: the next number when the ids are numbers (as amoCRM's are). */
static char *
new_option_id (JsonObject *field)
{
  gint64 highest = 0;
  gboolean numeric = TRUE;
  guint count = count_enums (field);

  for (guint i = 0; i < count && numeric; i++)
    {
      const char *id = enum_id (field, i);
      char *end = NULL;
      gint64 number = g_ascii_strtoll (id, &end, 10);

      numeric = *id != '\0' && end != NULL && *end == '\0';
      highest = MAX (highest, number);
    }
  if (numeric)
    return g_strdup_printf ("%" G_GINT64_FORMAT, highest + 1);

  for (guint n = count + 1;; n++)
    {
      g_autofree char *id = g_strdup_printf ("option-%u", n);
      gboolean taken = FALSE;

      for (guint i = 0; i < count && !taken; i++)
        taken = g_str_equal (enum_id (field, i), id);
      if (!taken)
        return g_steal_pointer (&id);
    }
}

static void
on_option_added (GtkButton      *button,
                 CabFieldEditor *self)
{
  g_autoptr(JsonNode) field = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;
  CabFieldItem *item;

  if ((field = cab_field_editor_dup_field (self)) == NULL)
    return;

  object = json_node_get_object (field);
  if (get_enums (object) == NULL)
    json_object_set_array_member (object, "enums", json_array_new ());
  id = new_option_id (object);
  /* Translators: the name a new option of a select field gets, to be renamed. */
  text = g_strdup_printf (_("Option %u"), count_enums (object) + 1);
  json_array_add_element (get_enums (object), new_choice (id, text));

  cab_field_editor_keep_alive (GTK_WIDGET (button));
  if (cab_field_editor_commit (self, field, GTK_WIDGET (button)) &&
      (item = cab_field_editor_find_item (self, id)) != NULL && item->entry != NULL)
    gtk_widget_grab_focus (item->entry);
}

/* Building */

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
build_choices (CabFieldEditor *self,
               JsonObject     *field)
{
  gboolean radio = g_str_equal (self->type, "radiobutton");
  GtkWidget *first = NULL;
  guint count = count_enums (field);

  if (g_str_equal (self->type, "select"))
    {
      GtkWidget *row = adw_combo_row_new ();
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

      gtk_widget_set_name (row, "field-value");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Value"));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->value_group), row);
      self->value_row = self->value_widget = row;
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_combo_selected), self, 0);
      for (guint i = 0; i < count; i++)
        cab_field_editor_add_item (self, enum_id (field, i));
      return;
    }

  for (guint i = 0; i < count; i++)
    {
      CabFieldItem *item = cab_field_editor_add_item (self, enum_id (field, i));
      g_autofree char *name = g_strdup_printf ("field-option-%s", item->key);

      item->choice_row = adw_action_row_new ();
      item->check = gtk_check_button_new ();
      gtk_widget_set_name (item->check, name);
      gtk_widget_set_valign (item->check, GTK_ALIGN_CENTER);
      set_widget_enum_id (item->check, item->key);
      if (radio)
        {
          /* A group of check buttons is drawn as radio buttons. */
          gtk_check_button_set_group (GTK_CHECK_BUTTON (item->check), first != NULL ? GTK_CHECK_BUTTON (first) : NULL);
          first = first != NULL ? first : item->check;
        }
      adw_action_row_add_prefix (ADW_ACTION_ROW (item->choice_row), item->check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (item->choice_row), item->check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->value_group), item->choice_row);
      g_signal_connect_object (item->check, "toggled",
                               radio ? G_CALLBACK (on_radio_toggled) : G_CALLBACK (on_multi_toggled), self, 0);
    }

  if (count == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No options: add some below"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->value_group), row);
    }
}

static void
build_options (CabFieldEditor *self,
               JsonObject     *field)
{
  GtkWidget *add_button = new_icon_button ("field-enum-add", "list-add-symbolic", _("Add Option"));

  self->options_group = cab_field_editor_add_group (self, _("Options"),
                                                    _("The choices the field offers (enums). Renaming or removing one changes the value too."));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->options_group), add_button);
  g_signal_connect_object (add_button, "clicked", G_CALLBACK (on_option_added), self, 0);

  for (guint i = 0; i < count_enums (field); i++)
    {
      CabFieldItem *item = cab_field_editor_find_item (self, enum_id (field, i));
      g_autofree char *name = g_strdup_printf ("field-enum-%s", item->key);
      g_autofree char *remove_name = g_strdup_printf ("field-enum-%s-remove", item->key);
      /* Translators: the title of an option's name entry, with the option's id. */
      g_autofree char *title = g_strdup_printf (_("Option %s"), item->key);
      GtkWidget *remove_button = new_icon_button (remove_name, "user-trash-symbolic", _("Remove Option"));

      item->row = item->entry = cab_field_editor_add_entry_row (self, self->options_group, name, title);
      set_widget_enum_id (item->entry, item->key);
      set_widget_enum_id (remove_button, item->key);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (item->entry), remove_button);
      cab_field_editor_connect_text (self, item->entry, on_option_renamed);
      g_signal_connect_object (remove_button, "clicked", G_CALLBACK (on_option_removed), self, 0);
    }
}

static void
build_choice (CabFieldEditor *self,
              JsonObject     *field)
{
  self->value_group = cab_field_editor_add_group (self, _("Value"),
                                                  g_str_equal (self->type, "multiselect") ? _("Any number of the options.") : NULL);
  build_choices (self, field);
  build_options (self, field);
}

static void
update_combo (CabFieldEditor *self,
              JsonObject     *field)
{
  GtkStringList *list = GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (self->value_widget)));
  guint count = count_enums (field);
  guint selected = 0;
  gboolean same = g_list_model_get_n_items (G_LIST_MODEL (list)) == count + 1;
  const char *chosen = chosen_id (field);

  for (guint i = 0; i < count && same; i++)
    same = g_str_equal (gtk_string_list_get_string (list, i + 1), enum_value (field, i));
  for (guint i = 0; i < count; i++)
    if (chosen != NULL && g_str_equal (enum_id (field, i), chosen))
      selected = i + 1;

  self->updating++;
  if (!same)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      g_ptr_array_add (labels, (gpointer) C_("select value", "None"));
      for (guint i = 0; i < count; i++)
        g_ptr_array_add (labels, (gpointer) enum_value (field, i));
      g_ptr_array_add (labels, NULL);
      gtk_string_list_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                              (const char * const *) labels->pdata);
    }
  if (adw_combo_row_get_selected (ADW_COMBO_ROW (self->value_widget)) != selected)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->value_widget), selected);
  self->updating--;
}

static void
update_choice (CabFieldEditor *self,
               JsonObject     *field)
{
  if (g_str_equal (self->type, "select"))
    update_combo (self, field);

  for (guint i = 0; i < count_enums (field); i++)
    {
      CabFieldItem *item = cab_field_editor_find_item (self, enum_id (field, i));
      const char *text = enum_value (field, i);

      if (item == NULL)
        continue;
      if (item->choice_row != NULL &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (item->choice_row)), text) != 0)
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->choice_row), text);
      if (item->check != NULL &&
          gtk_check_button_get_active (GTK_CHECK_BUTTON (item->check)) != is_chosen (field, item->key))
        {
          self->updating++;
          gtk_check_button_set_active (GTK_CHECK_BUTTON (item->check), is_chosen (field, item->key));
          self->updating--;
        }
      if (item->entry != NULL)
        cab_field_editor_show_text (self, item->entry, item->row, text,
                                    g_str_equal (gtk_editable_get_text (GTK_EDITABLE (item->entry)), text));
    }
}

/* The widgets are built per option: adding or removing one builds them again. */
static char *
choice_signature (JsonObject *field)
{
  GString *signature = g_string_new (NULL);

  for (guint i = 0; i < count_enums (field); i++)
    {
      g_string_append (signature, enum_id (field, i));
      g_string_append_c (signature, '\n');
    }

  return g_string_free (signature, FALSE);
}

static const CabFieldKind choice_kind = { build_choice, update_choice, choice_signature, NULL };

const CabFieldKind *
cab_field_editor_choice_kind (const char *type)
{
  return cab_field_type_has_enums (type) ? &choice_kind : NULL;
}
