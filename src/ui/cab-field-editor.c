/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The editor of one field: the common part (name, source, type), the commit of edits to the
 * model, and the updates from it. The value widgets of each type are built by the kinds in
 * cab-field-editor-simple.c, cab-field-editor-choice.c and cab-field-editor-structured.c. */
#include "config.h"

#include <glib/gi18n.h>

#include "cab-field-editor-private.h"
#include "cab-panel-util.h"

G_DEFINE_FINAL_TYPE (CabFieldEditor, cab_field_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STATE,
  PROP_FIELD_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
item_free (gpointer data)
{
  CabFieldItem *item = data;

  g_free (item->key);
  g_free (item);
}

static const CabFieldKind *
find_kind (const char *type)
{
  const CabFieldKind *kind;

  if ((kind = cab_field_editor_simple_kind (type)) != NULL)
    return kind;
  if ((kind = cab_field_editor_choice_kind (type)) != NULL)
    return kind;
  return cab_field_editor_structured_kind (type);
}

/* The field as the model has it now (borrowed), or NULL when it is gone. */
static JsonNode *
peek_field (CabFieldEditor *self)
{
  JsonNode *fields = cab_state_peek (self->state, "fields");
  JsonNode *field;

  if (self->field_id == NULL || fields == NULL || !JSON_NODE_HOLDS_OBJECT (fields))
    return NULL;

  field = json_object_get_member (json_node_get_object (fields), self->field_id);
  return field != NULL && JSON_NODE_HOLDS_OBJECT (field) ? field : NULL;
}

JsonNode *
cab_field_editor_dup_field (CabFieldEditor *self)
{
  JsonNode *field = peek_field (self);

  /* A deep copy: the model's own objects must never be changed behind its back. */
  return field != NULL ? cab_field_json_copy (field) : NULL;
}

void
cab_field_editor_set_refused (CabFieldEditor *self,
                              GtkWidget      *row,
                              const char     *message)
{
  if (row == NULL)
    return;
  /* Clearing a row that shows nothing would tell the window about it on every keystroke. */
  if (message == NULL && !gtk_widget_has_css_class (row, "error"))
    return;

  cab_panel_row_set_error (row, message);
}

static void
clear_value_widgets (CabFieldEditor *self)
{
  GtkWidget *child;

  g_clear_handle_id (&self->flush_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->value_box))) != NULL)
    gtk_box_remove (self->value_box, child);
  g_ptr_array_set_size (self->items, 0);

  self->value_group = NULL;
  self->value_row = NULL;
  self->value_widget = NULL;
  self->date_row = NULL;
  self->time_row = NULL;
  self->calendar = NULL;
  self->calendar_button = NULL;
  self->suffix_label = NULL;
  self->options_group = NULL;
}

/* Source and type are read-only: they only follow the model. */
static void
update_captions (CabFieldEditor *self,
                 JsonObject     *field)
{
  const char *type = cab_field_get_string (field, "type");
  const char *contact_id = NULL;
  g_autofree char *source = NULL;
  g_autofree char *type_text = NULL;

  if (g_str_equal (cab_field_get_string (field, "fieldSource"), "contacts"))
    contact_id = cab_field_find_contact (self->state, self->field_id);
  source = cab_field_dup_source_label (self->state, field, contact_id);
  /* Translators: a field type's name, then its FIELD_TYPES value as a widget sees it. */
  type_text = g_strdup_printf (_("%s (%s)"), cab_field_type_get_label (type), type);

  if (g_strcmp0 (gtk_label_get_text (self->source_label), source) != 0)
    gtk_label_set_text (self->source_label, source);
  if (g_strcmp0 (gtk_label_get_text (self->type_label), type_text) != 0)
    gtk_label_set_text (self->type_label, type_text);
  if (self->suffix_label != NULL)
    gtk_label_set_text (GTK_LABEL (self->suffix_label), cab_field_get_currency (self->state));
}

static void
update_all (CabFieldEditor *self,
            JsonObject     *field)
{
  const char *name = cab_field_get_string (field, "name");

  cab_field_editor_show_text (self, GTK_WIDGET (self->name_row), GTK_WIDGET (self->name_row), name,
                              g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)), name) == 0);
  update_captions (self, field);
  if (self->kind != NULL)
    self->kind->update (self, field);
}

static void
rebuild (CabFieldEditor *self,
         JsonObject     *field)
{
  const char *type = cab_field_get_string (field, "type");

  clear_value_widgets (self);
  g_free (self->type);
  self->type = g_strdup (type);
  g_clear_pointer (&self->signature, g_free);
  self->kind = find_kind (type);

  if (self->kind != NULL)
    {
      self->kind->build (self, field);
      if (self->kind->signature != NULL)
        self->signature = self->kind->signature (field);
    }
  else
    {
      GtkWidget *group = cab_field_editor_add_group (self, _("Value"), NULL);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("This type has no editor"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  update_all (self, field);
}

/* Makes the widgets show the model's field: in place where the structure is the same,
 * built again where it is not (another type, options added or removed). */
static void
refresh (CabFieldEditor *self,
         gboolean        external)
{
  JsonNode *node = peek_field (self);
  JsonObject *field;
  g_autofree char *signature = NULL;
  gboolean was_external = self->external;

  if (node == NULL)
    return;

  field = json_node_get_object (node);
  if (self->kind != NULL && self->kind->signature != NULL)
    signature = self->kind->signature (field);

  self->external = external;
  self->updating++;
  if (g_strcmp0 (cab_field_get_string (field, "type"), self->type) != 0 ||
      g_strcmp0 (signature, self->signature) != 0)
    rebuild (self, field);
  else
    update_all (self, field);
  self->updating--;
  self->external = was_external;

  g_clear_pointer (&self->shown, json_node_unref);
  self->shown = cab_field_json_copy (node);
}

gboolean
cab_field_editor_commit (CabFieldEditor *self,
                         JsonNode       *field,
                         GtkWidget      *row)
{
  g_autoptr(GError) error = NULL;
  JsonNode *previous = self->shown;

  /* What we ask for is what we show from now on, before the model answers: the "changed"
   * it emits within cab_state_set_field() is our own edit coming back. */
  self->shown = cab_field_json_copy (field);
  if (!cab_state_set_field (self->state, self->field_id, field, &error))
    {
      json_node_unref (self->shown);
      self->shown = previous;
      cab_field_editor_set_refused (self, row, error->message);
      return FALSE;
    }

  g_clear_pointer (&previous, json_node_unref);
  cab_field_editor_set_refused (self, row, NULL);
  /* Other widgets that show part of this edit (an option's title, the calendar) follow. */
  refresh (self, FALSE);

  return TRUE;
}

gboolean
cab_field_editor_commit_value (CabFieldEditor *self,
                               JsonNode       *value,
                               GtkWidget      *row)
{
  g_autoptr(JsonNode) field = cab_field_editor_dup_field (self);

  if (field == NULL)
    {
      json_node_unref (value);
      return FALSE;
    }

  json_object_set_member (json_node_get_object (field), "value", value);
  return cab_field_editor_commit (self, field, row);
}

GtkWidget *
cab_field_editor_add_group (CabFieldEditor *self,
                            const char     *title,
                            const char     *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (self->value_box, group);

  return group;
}

GtkWidget *
cab_field_editor_add_entry_row (CabFieldEditor *self,
                                GtkWidget      *group,
                                const char     *name,
                                const char     *title)
{
  GtkWidget *row = adw_entry_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return row;
}

CabFieldItem *
cab_field_editor_add_item (CabFieldEditor *self,
                           const char     *key)
{
  CabFieldItem *item = g_new0 (CabFieldItem, 1);

  item->key = g_strdup (key);
  g_ptr_array_add (self->items, item);

  return item;
}

CabFieldItem *
cab_field_editor_find_item (CabFieldEditor *self,
                            const char     *key)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      CabFieldItem *item = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (item->key, key) == 0)
        return item;
    }

  return NULL;
}

void
cab_field_editor_show_text (CabFieldEditor *self,
                            GtkWidget      *editable,
                            GtkWidget      *row,
                            const char     *text,
                            gboolean        same)
{
  if (same)
    return;
  /* Never take back what the user typed because of their own other edit: only a change
   * from outside (undo, another panel) replaces refused input. */
  if (row != NULL && gtk_widget_has_css_class (row, "error") && !self->external)
    return;

  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  self->updating--;
  cab_field_editor_set_refused (self, row, NULL);
}

static gboolean
release_widget (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

void
cab_field_editor_keep_alive (GtkWidget *widget)
{
  g_idle_add (release_widget, g_object_ref (widget));
}

#define APPLY_KEY "cab-field-apply"

static gboolean
apply_pending (gpointer user_data)
{
  CabFieldEditor *self = user_data;
  g_autoptr(GPtrArray) pending = g_steal_pointer (&self->pending);

  self->pending_id = 0;
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < pending->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (pending, i);
      CabFieldTextApply apply = g_object_get_data (G_OBJECT (widget), APPLY_KEY);

      /* A widget the editor dropped since (it was built again) has nothing to say. */
      if (apply != NULL && gtk_widget_is_ancestor (widget, GTK_WIDGET (self)))
        apply (GTK_EDITABLE (widget), self);
    }

  return G_SOURCE_REMOVE;
}

static void
on_text_changed (GtkEditable    *editable,
                 CabFieldEditor *self)
{
  if (self->updating > 0)
    return;

  if (!g_ptr_array_find (self->pending, editable, NULL))
    g_ptr_array_add (self->pending, g_object_ref (editable));
  /* At the default priority: before the next frame, so the edit is still "at once". */
  if (self->pending_id == 0)
    self->pending_id = g_idle_add_full (G_PRIORITY_DEFAULT, apply_pending, self, NULL);
}

void
cab_field_editor_connect_text (CabFieldEditor    *self,
                               GtkWidget         *editable,
                               CabFieldTextApply  apply)
{
  g_object_set_data (G_OBJECT (editable), APPLY_KEY, apply);
  g_signal_connect_object (editable, "changed", G_CALLBACK (on_text_changed), self, 0);
}

static void
apply_name (GtkEditable    *row,
            CabFieldEditor *self)
{
  const char *text = gtk_editable_get_text (row);
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(JsonNode) field = NULL;

  if (self->updating > 0)
    return;
  if (*stripped == '\0')
    {
      cab_field_editor_set_refused (self, GTK_WIDGET (row), _("A field needs a name"));
      return;
    }

  field = cab_field_editor_dup_field (self);
  if (field == NULL)
    return;
  json_object_set_string_member (json_node_get_object (field), "name", text);
  cab_field_editor_commit (self, field, GTK_WIDGET (row));
}

void
cab_field_editor_sync (CabFieldEditor *self)
{
  JsonNode *node;

  g_return_if_fail (CAB_IS_FIELD_EDITOR (self));

  node = peek_field (self);
  if (node == NULL)
    return;

  /* Contact names and the currency live outside the field. */
  self->updating++;
  update_captions (self, json_node_get_object (node));
  self->updating--;

  if (self->shown != NULL && json_node_equal (node, self->shown))
    return;

  refresh (self, TRUE);
}

void
cab_field_editor_flush (CabFieldEditor *self)
{
  g_return_if_fail (CAB_IS_FIELD_EDITOR (self));

  if (self->pending_id != 0)
    {
      g_clear_handle_id (&self->pending_id, g_source_remove);
      apply_pending (self);
    }
  if (self->kind != NULL && self->kind->flush != NULL)
    self->kind->flush (self);
}

void
cab_field_editor_discard (CabFieldEditor *self)
{
  g_return_if_fail (CAB_IS_FIELD_EDITOR (self));

  g_clear_handle_id (&self->pending_id, g_source_remove);
  g_ptr_array_set_size (self->pending, 0);
  g_clear_handle_id (&self->flush_id, g_source_remove);
}


GtkWidget *
cab_field_editor_new (CabState   *state,
                      const char *field_id)
{
  g_return_val_if_fail (CAB_IS_STATE (state), NULL);

  return g_object_new (CAB_TYPE_FIELD_EDITOR, "state", state, "field-id", field_id, NULL);
}

static void
cab_field_editor_constructed (GObject *object)
{
  CabFieldEditor *self = CAB_FIELD_EDITOR (object);
  JsonNode *node;

  G_OBJECT_CLASS (cab_field_editor_parent_class)->constructed (object);

  node = self->state != NULL ? peek_field (self) : NULL;
  if (node == NULL)
    return;

  self->shown = cab_field_json_copy (node);
  self->external = TRUE;
  self->updating++;
  rebuild (self, json_node_get_object (node));
  self->updating--;
  self->external = FALSE;
}

static void
cab_field_editor_dispose (GObject *object)
{
  CabFieldEditor *self = CAB_FIELD_EDITOR (object);

  g_clear_handle_id (&self->flush_id, g_source_remove);
  g_clear_handle_id (&self->pending_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAB_TYPE_FIELD_EDITOR);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (cab_field_editor_parent_class)->dispose (object);
}

static void
cab_field_editor_finalize (GObject *object)
{
  CabFieldEditor *self = CAB_FIELD_EDITOR (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->shown, json_node_unref);
  g_free (self->field_id);
  g_free (self->type);
  g_free (self->signature);

  G_OBJECT_CLASS (cab_field_editor_parent_class)->finalize (object);
}

static void
cab_field_editor_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CabFieldEditor *self = CAB_FIELD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STATE:
      self->state = g_value_dup_object (value);
      break;
    case PROP_FIELD_ID:
      self->field_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cab_field_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CabFieldEditor *self = CAB_FIELD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_object (value, self->state);
      break;
    case PROP_FIELD_ID:
      g_value_set_string (value, self->field_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cab_field_editor_class_init (CabFieldEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cab_field_editor_constructed;
  object_class->dispose = cab_field_editor_dispose;
  object_class->finalize = cab_field_editor_finalize;
  object_class->set_property = cab_field_editor_set_property;
  object_class->get_property = cab_field_editor_get_property;

  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL,
                         CAB_TYPE_STATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELD_ID] =
    g_param_spec_string ("field-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/cab-field-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CabFieldEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, CabFieldEditor, source_label);
  gtk_widget_class_bind_template_child (widget_class, CabFieldEditor, type_label);
  gtk_widget_class_bind_template_child (widget_class, CabFieldEditor, value_box);
}

static void
cab_field_editor_init (CabFieldEditor *self)
{
  self->items = g_ptr_array_new_with_free_func (item_free);
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  cab_field_editor_connect_text (self, GTK_WIDGET (self->name_row), apply_name);
}
