/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cab-json.h"
#include "cab-panel-util.h"

void
cab_panel_row_set_error (GtkWidget  *row,
                         const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (row));

  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }

  /* Without a window (a test of the page alone) there is no such action, which is fine. */
  gtk_widget_activate_action (row, "win.edit-refused", "s", message != NULL ? message : "");
}

void
cab_panel_row_clear_error (GtkWidget *row)
{
  g_return_if_fail (GTK_IS_WIDGET (row));

  if (gtk_widget_has_css_class (row, "error"))
    cab_panel_row_set_error (row, NULL);
}

void
cab_panel_entry_sync (GtkEditable *entry,
                      const char  *value)
{
  const char *shown;

  g_return_if_fail (GTK_IS_EDITABLE (entry));

  if (value == NULL)
    value = "";
  shown = g_object_get_data (G_OBJECT (entry), CAB_PANEL_SHOWN_KEY);
  if (g_strcmp0 (shown, value) == 0)
    return;

  g_object_set_data_full (G_OBJECT (entry), CAB_PANEL_SHOWN_KEY, g_strdup (value), g_free);
  if (g_strcmp0 (gtk_editable_get_text (entry), value) != 0)
    gtk_editable_set_text (entry, value);
  cab_panel_row_clear_error (GTK_WIDGET (entry));
}

/* A new object with @src's members (deep copies, in their order, so that a saved file changes
 * only where the user changed it) and @member set to @value, which is taken. */
static JsonNode *
object_with_member (JsonObject *src,
                    const char *member,
                    JsonNode   *value)
{
  JsonObject *object = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  JsonNode *result;

  json_object_iter_init_ordered (&iter, src);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    json_object_set_member (object, name, g_str_equal (name, member) ? json_node_ref (value) : cab_json_deep_copy (node));
  if (!json_object_has_member (object, member))
    json_object_set_member (object, member, json_node_ref (value));
  json_node_unref (value);

  result = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (result, object);
  return result;
}

void
cab_panel_commit_member (CabState            *state,
                         CabPanelObjectSetter setter,
                         JsonObject          *current,
                         GtkWidget           *row,
                         const char          *member,
                         JsonNode            *value)
{
  g_autoptr(JsonNode) owned = value;
  g_autoptr(JsonNode) edited = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *old;

  g_return_if_fail (CAB_IS_STATE (state));
  g_return_if_fail (setter != NULL && GTK_IS_WIDGET (row) && member != NULL && value != NULL);

  if (current == NULL)
    return;

  old = json_object_get_member (current, member);
  if (old != NULL && json_node_equal (old, value))
    {
      cab_panel_row_clear_error (row);
      return;
    }

  edited = object_with_member (current, member, g_steal_pointer (&owned));
  if (!setter (state, edited, &error))
    {
      cab_panel_row_set_error (row, error->message);
      return;
    }
  cab_panel_row_clear_error (row);
}
