/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Fields page. A lead may have thousands of fields, so the list never copies them: it
 * holds their ids (taken once per change of the lead) in a recycling GtkListView and reads a
 * row's field from the model (cab_state_peek) when the row is bound. An edit of one field
 * refreshes that one row, if it is on screen, and the open editor. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cab-field-add-popover.h"
#include "cab-field-editor.h"
#include "cab-field-format.h"
#include "cab-fields-page.h"
#include "cab-panel-util.h"

#define ROW_FIELD_ID "cab-field-id"

struct _CabFieldsPage
{
  AdwBin              parent_instance;

  CabState           *state;

  /* The ids of the active lead's fields, in the order shown: the lead's, each contact's,
   * the company's. */
  GtkStringList      *ids;
  GHashTable         *id_set;       /* id → NULL */
  GHashTable         *contact_of;   /* id of a contact's field → the contact's id */
  GHashTable         *bound;        /* id → the GtkListItem showing it now */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  char               *needle;       /* the search, case-folded, or NULL */
  char               *open_id;
  CabFieldEditor     *editor;

  AdwLeaflet         *leaflet;
  GtkWidget          *list_page;
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *add_button;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  AdwWindowTitle     *editor_title;
  GtkBox             *editor_box;
  GtkButton          *remove_button;
};

/* The classes of the page's parts are known as soon as the page's is, as the .ui tests
 * find each class by name. */
G_DEFINE_FINAL_TYPE_WITH_CODE (CabFieldsPage, cab_fields_page, ADW_TYPE_BIN,
                               g_type_ensure (CAB_TYPE_FIELD_EDITOR);
                               g_type_ensure (CAB_TYPE_FIELD_ADD_POPOVER))

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static JsonObject *
peek_field (CabFieldsPage *self,
            const char    *field_id)
{
  JsonNode *fields = cab_state_peek (self->state, "fields");
  JsonNode *field;

  if (fields == NULL || !JSON_NODE_HOLDS_OBJECT (fields))
    return NULL;

  field = json_object_get_member (json_node_get_object (fields), field_id);
  return field != NULL && JSON_NODE_HOLDS_OBJECT (field) ? json_node_get_object (field) : NULL;
}

/* Rows */

static void
on_row_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CabFieldsPage            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *type = gtk_label_new (NULL);
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *source = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  /* Every label of a row ellipsizes: a row's minimum width then does not depend on its
   * field, so rows bound while scrolling never change the list's width (which would lay
   * out every row again). */
  gtk_label_set_ellipsize (GTK_LABEL (type), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (type), 1);
  gtk_widget_set_valign (type, GTK_ALIGN_BASELINE);
  gtk_widget_add_css_class (type, "caption");
  gtk_widget_add_css_class (type, "dim-label");
  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (top), type);

  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_ellipsize (GTK_LABEL (value), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (value), TRUE);

  gtk_label_set_xalign (GTK_LABEL (source), 0);
  gtk_label_set_ellipsize (GTK_LABEL (source), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (source, "caption");
  gtk_widget_add_css_class (source, "dim-label");

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), source);
  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "type", type);
  g_object_set_data (G_OBJECT (box), "value", value);
  g_object_set_data (G_OBJECT (box), "source", source);
  gtk_list_item_set_child (item, box);
}

static void
set_label (GtkWidget  *box,
           const char *part,
           const char *text)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (box), part);

  if (g_strcmp0 (gtk_label_get_text (label), text) != 0)
    gtk_label_set_text (label, text);
}

static void
fill_row (CabFieldsPage *self,
          GtkWidget     *box,
          const char    *field_id)
{
  JsonObject *field = peek_field (self, field_id);
  g_autofree char *summary = NULL;
  g_autofree char *source = NULL;

  if (field == NULL)
    {
      set_label (box, "name", field_id);
      set_label (box, "type", "");
      set_label (box, "value", _("Missing from the state"));
      set_label (box, "source", "");
      return;
    }

  summary = cab_field_dup_summary (field, cab_field_get_currency (self->state));
  source = cab_field_dup_source_label (self->state, field, g_hash_table_lookup (self->contact_of, field_id));
  set_label (box, "name", cab_field_get_string (field, "name"));
  set_label (box, "type", cab_field_type_get_label (cab_field_get_string (field, "type")));
  set_label (box, "value", summary);
  set_label (box, "source", source);
}

static void
on_row_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CabFieldsPage            *self)
{
  const char *field_id = gtk_string_object_get_string (gtk_list_item_get_item (item));

  fill_row (self, gtk_list_item_get_child (item), field_id);
  g_object_set_data_full (G_OBJECT (item), ROW_FIELD_ID, g_strdup (field_id), g_free);
  g_hash_table_replace (self->bound, g_strdup (field_id), item);
}

static void
on_row_unbind (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CabFieldsPage            *self)
{
  const char *field_id = g_object_get_data (G_OBJECT (item), ROW_FIELD_ID);

  if (field_id != NULL && g_hash_table_lookup (self->bound, field_id) == item)
    g_hash_table_remove (self->bound, field_id);
}

/* Only the rows on screen exist; each reads its field again. */
static void
refresh_bound_rows (CabFieldsPage *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, &value))
    fill_row (self, gtk_list_item_get_child (value), key);
}

/* The list and its empty states */

static void
update_empty_state (CabFieldsPage *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }

  if (self->needle != NULL)
    {
      g_autofree char *description =
        g_strdup_printf (_("No field of this lead has “%s” in its name."),
                         gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Matching Fields"));
      adw_status_page_set_description (self->empty_page, description);
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "list-add-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Fields"));
      adw_status_page_set_description (self->empty_page, _("Add one with the + button."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static gboolean
match_field (gpointer item,
             gpointer user_data)
{
  CabFieldsPage *self = user_data;
  JsonObject *field = peek_field (self, gtk_string_object_get_string (item));
  g_autofree char *name = NULL;

  if (self->needle == NULL)
    return TRUE;
  if (field == NULL)
    return FALSE;

  name = g_utf8_casefold (cab_field_get_string (field, "name"), -1);
  return strstr (name, self->needle) != NULL;
}

static void
on_search_changed (CabFieldsPage  *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->needle, g_free);
  if (*stripped != '\0')
    self->needle = g_utf8_casefold (stripped, -1);

  /* Without a search there is nothing to filter: 5,000 rows need not be looked at. */
  if (self->needle == NULL)
    {
      gtk_filter_list_model_set_filter (self->filtered, NULL);
    }
  else
    {
      gtk_filter_list_model_set_filter (self->filtered, GTK_FILTER (self->filter));
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
    }
  update_empty_state (self);
}

static void
append_ids (CabFieldsPage *self,
            GPtrArray     *ids,
            GHashTable    *id_set,
            GHashTable    *contact_of,
            JsonObject    *owner,
            const char    *contact_id)
{
  JsonNode *node = owner != NULL ? json_object_get_member (owner, "fieldIds") : NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *id;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        continue;
      id = json_node_get_string (element);
      /* A field named twice is listed once. */
      if (g_hash_table_contains (id_set, id))
        continue;
      g_hash_table_add (id_set, g_strdup (id));
      if (contact_id != NULL)
        g_hash_table_insert (contact_of, g_strdup (id), g_strdup (contact_id));
      g_ptr_array_add (ids, (gpointer) id);
    }
}

static void show_list (CabFieldsPage *self);

static void
update_editor_title (CabFieldsPage *self)
{
  JsonObject *field = self->open_id != NULL ? peek_field (self, self->open_id) : NULL;

  if (field == NULL)
    return;

  adw_window_title_set_title (self->editor_title, cab_field_get_string (field, "name"));
  adw_window_title_set_subtitle (self->editor_title, cab_field_type_get_label (cab_field_get_string (field, "type")));
}

/* Takes the ids of the active lead's fields again: after the lead, the active lead or the
 * whole document changed. The list is only replaced when the ids differ, so that an edit
 * of the lead's status keeps the scroll position and the focused row. */
static void
reload_fields (CabFieldsPage *self)
{
  JsonNode *lead_node = cab_state_peek (self->state, "lead");
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GHashTable *id_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *contact_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->ids));
  gboolean same;

  if (lead_node != NULL && JSON_NODE_HOLDS_OBJECT (lead_node))
    {
      JsonObject *lead = json_node_get_object (lead_node);
      JsonNode *contacts = json_object_get_member (lead, "contacts");
      JsonNode *company = json_object_get_member (lead, "company");

      append_ids (self, ids, id_set, contact_of, lead, NULL);
      if (contacts != NULL && JSON_NODE_HOLDS_OBJECT (contacts))
        {
          g_autoptr(GList) contact_ids = json_object_get_members (json_node_get_object (contacts));

          for (const GList *l = contact_ids; l != NULL; l = l->next)
            {
              JsonNode *contact = json_object_get_member (json_node_get_object (contacts), l->data);

              if (JSON_NODE_HOLDS_OBJECT (contact))
                append_ids (self, ids, id_set, contact_of, json_node_get_object (contact), l->data);
            }
        }
      if (company != NULL && JSON_NODE_HOLDS_OBJECT (company))
        append_ids (self, ids, id_set, contact_of, json_node_get_object (company), NULL);
    }

  /* The tables first: rows bound by the splice below read them. */
  g_hash_table_unref (self->id_set);
  self->id_set = id_set;
  g_hash_table_unref (self->contact_of);
  self->contact_of = contact_of;

  same = n_items == ids->len;
  for (guint i = 0; i < ids->len && same; i++)
    same = g_str_equal (gtk_string_list_get_string (self->ids, i), g_ptr_array_index (ids, i));
  if (!same)
    {
      g_ptr_array_add (ids, NULL);
      gtk_string_list_splice (self->ids, 0, n_items, (const char * const *) ids->pdata);
    }
  else
    {
      /* Same fields, maybe other values (undo, a file opened): the rows on screen and the
       * search follow. */
      if (self->needle != NULL)
        gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
      refresh_bound_rows (self);
    }
  update_empty_state (self);

  if (self->open_id != NULL)
    {
      if (!g_hash_table_contains (self->id_set, self->open_id))
        {
          cab_field_editor_discard (self->editor);
          show_list (self);
        }
      else
        {
          cab_field_editor_sync (self->editor);
          update_editor_title (self);
        }
    }
}

static void
field_changed (CabFieldsPage *self,
               const char    *field_id)
{
  GtkListItem *item;

  /* A field the list does not know: the lead's fields changed. */
  if (!g_hash_table_contains (self->id_set, field_id))
    {
      reload_fields (self);
      return;
    }

  item = g_hash_table_lookup (self->bound, field_id);
  if (item != NULL)
    fill_row (self, gtk_list_item_get_child (item), field_id);
  if (self->needle != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

  if (self->open_id != NULL && g_str_equal (self->open_id, field_id))
    {
      cab_field_editor_sync (self->editor);
      update_editor_title (self);
    }
}

static void
on_state_changed (CabFieldsPage *self,
                  const char    *what,
                  const char    *key,
                  CabState      *state)
{
  if (g_strcmp0 (what, CAB_ENTITY_LEAD_FIELDS) == 0 && key != NULL)
    {
      field_changed (self, key);
    }
  else if (g_strcmp0 (what, CAB_ENTITY_LEAD_FIELDS) == 0 ||
           g_strcmp0 (what, CAB_ENTITY_LEAD) == 0 ||
           g_strcmp0 (what, "active-lead") == 0 ||
           g_strcmp0 (what, "document") == 0)
    {
      reload_fields (self);
    }
  else if (g_strcmp0 (what, CAB_ENTITY_SYS) == 0 || g_strcmp0 (what, "view") == 0)
    {
      /* The currency of budgets, the names of contacts. */
      refresh_bound_rows (self);
      if (self->open_id != NULL)
        cab_field_editor_sync (self->editor);
    }
}

/* Navigation */

static void
set_editing (CabFieldsPage *self,
             gboolean       editing)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fields.back", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fields.remove-field", editing);
}

/* The editor stays in place (it slides out with the page) until another field is opened. */
static void
show_list (CabFieldsPage *self)
{
  if (self->editor != NULL)
    cab_field_editor_flush (self->editor);
  g_clear_pointer (&self->open_id, g_free);
  set_editing (self, FALSE);

  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "list") != 0)
    {
      adw_leaflet_set_visible_child_name (self->leaflet, "list");
      gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
    }
}

static void
on_visible_child_changed (CabFieldsPage *self)
{
  /* Swiped back, or the mouse's back button. */
  if (self->open_id != NULL && g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "list") == 0)
    show_list (self);
}

void
cab_fields_page_open_field (CabFieldsPage *self,
                            const char    *field_id)
{
  g_return_if_fail (CAB_IS_FIELDS_PAGE (self));
  g_return_if_fail (field_id != NULL);

  if (peek_field (self, field_id) == NULL)
    return;

  if (self->editor != NULL)
    {
      cab_field_editor_flush (self->editor);
      gtk_box_remove (self->editor_box, GTK_WIDGET (self->editor));
    }
  self->editor = CAB_FIELD_EDITOR (cab_field_editor_new (self->state, field_id));
  gtk_box_prepend (self->editor_box, GTK_WIDGET (self->editor));
  g_free (self->open_id);
  self->open_id = g_strdup (field_id);

  cab_panel_row_set_error (GTK_WIDGET (self->remove_button), NULL);
  update_editor_title (self);
  set_editing (self, TRUE);
  adw_leaflet_set_visible_child_name (self->leaflet, "editor");
  gtk_widget_child_focus (GTK_WIDGET (self->editor), GTK_DIR_TAB_FORWARD);
}

const char *
cab_fields_page_get_open_field (CabFieldsPage *self)
{
  g_return_val_if_fail (CAB_IS_FIELDS_PAGE (self), NULL);

  return self->open_id;
}

GtkListView *
cab_fields_page_get_list_view (CabFieldsPage *self)
{
  g_return_val_if_fail (CAB_IS_FIELDS_PAGE (self), NULL);

  return self->list_view;
}

static void
open_position (CabFieldsPage *self,
               guint          position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (item != NULL)
    cab_fields_page_open_field (self, gtk_string_object_get_string (item));
}

static void
on_list_activate (GtkListView   *view,
                  guint          position,
                  CabFieldsPage *self)
{
  open_position (self, position);
}

/* Enter in the search opens the first match. */
static void
on_search_activate (CabFieldsPage  *self,
                    GtkSearchEntry *entry)
{
  open_position (self, 0);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  show_list (CAB_FIELDS_PAGE (widget));
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CabFieldsPage *self = CAB_FIELDS_PAGE (widget);

  show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
remove_field_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CabFieldsPage *self = CAB_FIELDS_PAGE (widget);
  g_autofree char *field_id = g_strdup (self->open_id);
  g_autoptr(GError) error = NULL;

  if (field_id == NULL)
    return;

  /* Text still waiting to be applied goes with the field, rather than being one more step
   * to undo before the removal. */
  cab_field_editor_discard (self->editor);
  if (!cab_state_remove_field (self->state, field_id, &error))
    {
      cab_panel_row_set_error (GTK_WIDGET (self->remove_button), error->message);
      return;
    }

  /* The model said so with "changed" already; taking the ids again costs little and does
   * not depend on which entity it named. */
  reload_fields (self);
}

static void
on_field_added (CabFieldsPage      *self,
                const char         *field_id,
                CabFieldAddPopover *popover)
{
  reload_fields (self);
  cab_fields_page_open_field (self, field_id);
}

/* The object */

GtkWidget *
cab_fields_page_new (CabState *state)
{
  g_return_val_if_fail (CAB_IS_STATE (state), NULL);

  return g_object_new (CAB_TYPE_FIELDS_PAGE, "state", state, NULL);
}

static void
cab_fields_page_constructed (GObject *object)
{
  CabFieldsPage *self = CAB_FIELDS_PAGE (object);
  GtkWidget *add_popover;

  G_OBJECT_CLASS (cab_fields_page_parent_class)->constructed (object);

  g_signal_connect_object (self->state, "changed", G_CALLBACK (on_state_changed), self, G_CONNECT_SWAPPED);
  add_popover = cab_field_add_popover_new (self->state);
  g_signal_connect_object (add_popover, "added", G_CALLBACK (on_field_added), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (self->add_button, add_popover);
  reload_fields (self);
}

/* Applies what the open editor still holds (a text area waits for a pause in typing). */
void
cab_fields_page_flush (CabFieldsPage *self)
{
  g_return_if_fail (CAB_IS_FIELDS_PAGE (self));

  if (self->editor != NULL)
    cab_field_editor_flush (self->editor);
}

static void
cab_fields_page_dispose (GObject *object)
{
  CabFieldsPage *self = CAB_FIELDS_PAGE (object);

  if (self->editor != NULL)
    cab_field_editor_flush (self->editor);
  self->editor = NULL;
  /* The template's leaflet is also the bin's child: let go of it once, not twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAB_TYPE_FIELDS_PAGE);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->ids);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (cab_fields_page_parent_class)->dispose (object);
}

static void
cab_fields_page_finalize (GObject *object)
{
  CabFieldsPage *self = CAB_FIELDS_PAGE (object);

  g_clear_pointer (&self->id_set, g_hash_table_unref);
  g_clear_pointer (&self->contact_of, g_hash_table_unref);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_free (self->needle);
  g_free (self->open_id);

  G_OBJECT_CLASS (cab_fields_page_parent_class)->finalize (object);
}

static void
cab_fields_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CabFieldsPage *self = CAB_FIELDS_PAGE (object);

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
cab_fields_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CabFieldsPage *self = CAB_FIELDS_PAGE (object);

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
cab_fields_page_class_init (CabFieldsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cab_fields_page_constructed;
  object_class->dispose = cab_fields_page_dispose;
  object_class->finalize = cab_fields_page_finalize;
  object_class->set_property = cab_fields_page_set_property;
  object_class->get_property = cab_fields_page_get_property;

  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL,
                         CAB_TYPE_STATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);


  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/cab-fields-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CabFieldsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CabFieldsPage, list_page);
  gtk_widget_class_bind_template_child (widget_class, CabFieldsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CabFieldsPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, CabFieldsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CabFieldsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, CabFieldsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CabFieldsPage, editor_title);
  gtk_widget_class_bind_template_child (widget_class, CabFieldsPage, editor_box);
  gtk_widget_class_bind_template_child (widget_class, CabFieldsPage, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_row_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_row_unbind);

  gtk_widget_class_install_action (widget_class, "fields.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "fields.remove-field", NULL, remove_field_activated);
  gtk_widget_class_install_action (widget_class, "fields.search", NULL, search_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "fields.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "fields.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "fields.search", NULL);
}

static void
cab_fields_page_init (CabFieldsPage *self)
{
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->id_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->contact_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->bound = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->ids = gtk_string_list_new (NULL);
  self->filter = gtk_custom_filter_new (match_field, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->ids)), NULL);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_empty_state), self, G_CONNECT_SWAPPED);

  gtk_search_entry_set_key_capture_widget (self->search_entry, self->list_page);
  set_editing (self, FALSE);
}
