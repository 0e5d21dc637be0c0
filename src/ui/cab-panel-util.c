/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

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
