/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Validates every .ui file by building it for real: its template class is instantiated with
 * critical warnings fatal, so an unknown type, property, signal handler or bound child fails.
 * (gtk4-builder-tool cannot: it does not know libadwaita's types.) */
#include "config.h"

#include <adwaita.h>

#include "cab-test-util.h"
#include "cab-account-page.h"
#include "cab-author-row.h"
#include "cab-authors-page.h"
#include "cab-field-add-popover.h"
#include "cab-field-editor.h"
#include "cab-fields-page.h"
#include "cab-integration-page.h"
#include "cab-json-page.h"
#include "cab-event-log-view.h"
#include "cab-lead-page.h"
#include "cab-notifications-page.h"
#include "cab-url-dialog.h"
#include "cab-users-page.h"
#include "cab-window.h"

static void
test_ui_file (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *resource = g_strconcat (RESOURCE_BASE "/ui/", basename, NULL);
  g_autoptr(GBytes) compiled = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GRegex) template_re = g_regex_new ("<template class=\"(\\w+)\"", 0, 0, NULL);
  g_autofree char *class_name = NULL;
  g_autoptr(GError) error = NULL;
  GType type;
  GtkWidget *widget;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);

  /* The app builds from the GResource: it must hold this very file. */
  compiled = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);

  g_assert_true (g_regex_match (template_re, contents, 0, &match));
  class_name = g_match_info_fetch (match, 1);
  type = g_type_from_name (class_name);
  if (type == G_TYPE_INVALID)
    g_error ("%s: no type %s in the app", path, class_name);

  /* Windows of the app are built on a state model, as the app builds them. */
  if (g_object_class_find_property (g_type_class_ref (type), "state") != NULL)
    {
      g_autoptr(CabState) state = cab_state_new_default (&error);

      g_assert_no_error (error);
      widget = g_object_new (type, "state", state, NULL);
    }
  else
    {
      widget = g_object_new (type, NULL);
    }
  g_object_ref_sink (widget);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (widget, type));
  if (GTK_IS_WINDOW (widget))
    gtk_window_destroy (GTK_WINDOW (widget));
  g_object_unref (widget);
}

int
main (int   argc,
      char *argv[])
{
  cab_test_init (&argc, &argv);
  adw_init ();
  /* Every class of the app that has a template. */
  g_type_ensure (CAB_TYPE_WINDOW);
  g_type_ensure (CAB_TYPE_ACCOUNT_PAGE);
  g_type_ensure (CAB_TYPE_AUTHOR_ROW);
  g_type_ensure (CAB_TYPE_AUTHORS_PAGE);
  g_type_ensure (CAB_TYPE_FIELD_ADD_POPOVER);
  g_type_ensure (CAB_TYPE_FIELD_EDITOR);
  g_type_ensure (CAB_TYPE_FIELDS_PAGE);
  g_type_ensure (CAB_TYPE_URL_DIALOG);
  g_type_ensure (CAB_TYPE_INTEGRATION_PAGE);
  g_type_ensure (CAB_TYPE_JSON_PAGE);
  g_type_ensure (CAB_TYPE_LEAD_PAGE);
  g_type_ensure (CAB_TYPE_EVENT_LOG_VIEW);
  g_type_ensure (CAB_TYPE_NOTIFICATIONS_PAGE);
  g_type_ensure (CAB_TYPE_USERS_PAGE);

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *name = g_path_get_basename (argv[i]);
      g_autofree char *test_path = g_strconcat ("/ui-files/", name, NULL);

      g_test_add_data_func (test_path, argv[i], test_ui_file);
    }

  return g_test_run ();
}
