/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where a widget comes from, as the user named it on the command line or in the app. */
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "cab-error.h"
#include "cab-widget-source.h"

struct _CabWidgetSource
{
  GObject              parent_instance;
  CabWidgetSourceKind  kind;
  char                *location;  /* the URL, or the absolute path of the file or folder */
  char                *root;      /* for files and folders: the folder that is served */
  char                *entry;     /* for files and folders: the script, relative to root */
  char                *label;     /* what the window and the accordion call the widget */
};

G_DEFINE_FINAL_TYPE (CabWidgetSource, cab_widget_source, G_TYPE_OBJECT)

static void
cab_widget_source_finalize (GObject *object)
{
  CabWidgetSource *self = CAB_WIDGET_SOURCE (object);

  g_free (self->location);
  g_free (self->root);
  g_free (self->entry);
  g_free (self->label);

  G_OBJECT_CLASS (cab_widget_source_parent_class)->finalize (object);
}

static void
cab_widget_source_class_init (CabWidgetSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cab_widget_source_finalize;
}

static void
cab_widget_source_init (CabWidgetSource *self)
{
}

/* amoCRM manifests name the widget by an i18n key ("widget.name") resolved in i18n/<lang>.json. */
static char *
resolve_i18n_key (const char *folder,
                  const char *key)
{
  static const char * const langs[] = { "ru", "en", NULL };

  for (guint i = 0; langs[i] != NULL; i++)
    {
      g_autofree char *file = g_strdup_printf ("%s.json", langs[i]);
      g_autofree char *path = g_build_filename (folder, "i18n", file, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_auto(GStrv) parts = g_strsplit (key, ".", 0);
      JsonNode *node;

      if (!json_parser_load_from_file (parser, path, NULL))
        continue;
      node = json_parser_get_root (parser);
      for (guint p = 0; parts[p] != NULL && node != NULL; p++)
        node = JSON_NODE_HOLDS_OBJECT (node) ? json_object_get_member (json_node_get_object (node), parts[p]) : NULL;
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        return g_strdup (json_node_get_string (node));
    }

  return NULL;
}

/* The widget's name from manifest.json, or NULL. The manifest's full check is a separate
 * job; here a broken manifest only means the folder's name is used. */
static char *
read_manifest_name (const char *folder)
{
  g_autofree char *path = g_build_filename (folder, "manifest.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root, *widget, *name;

  if (!json_parser_load_from_file (parser, path, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  widget = json_object_get_member (json_node_get_object (root), "widget");
  if (widget == NULL || !JSON_NODE_HOLDS_OBJECT (widget))
    return NULL;
  name = json_object_get_member (json_node_get_object (widget), "name");
  if (name == NULL || !JSON_NODE_HOLDS_VALUE (name) || json_node_get_value_type (name) != G_TYPE_STRING)
    return NULL;
  if (g_str_has_prefix (json_node_get_string (name), "widget."))
    {
      char *resolved = resolve_i18n_key (folder, json_node_get_string (name));

      if (resolved != NULL)
        return resolved;
    }

  return g_strdup (json_node_get_string (name));
}

static CabWidgetSource *
new_for_url (const char  *argument,
             GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  CabWidgetSource *self;

  uri = g_uri_parse (argument, G_URI_FLAGS_NONE, &local_error);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, CAB_ERROR, CAB_ERROR_INVALID_SOURCE,
                   _("“%s” is not a valid URL: %s"), argument,
                   local_error != NULL ? local_error->message : _("it has no host"));
      return NULL;
    }

  self = g_object_new (CAB_TYPE_WIDGET_SOURCE, NULL);
  self->kind = CAB_WIDGET_SOURCE_URL;
  self->location = g_uri_to_string (uri);
  if (g_uri_get_port (uri) > 0)
    self->label = g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
  else
    self->label = g_strdup (g_uri_get_host (uri));

  return self;
}

CabWidgetSource *
cab_widget_source_new_for_argument (const char  *argument,
                                    GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  CabWidgetSource *self;

  g_return_val_if_fail (argument != NULL, NULL);

  if (g_str_has_prefix (argument, "http://") || g_str_has_prefix (argument, "https://"))
    return new_for_url (argument, error);

  file = g_file_new_for_commandline_arg (argument);
  path = g_file_get_path (file);
  display = g_filename_display_name (argument);
  if (path == NULL)
    {
      g_set_error (error, CAB_ERROR, CAB_ERROR_INVALID_SOURCE,
                   _("“%s” is not an http(s) URL, a .js file or a widget folder"), display);
      return NULL;
    }

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *script = g_build_filename (path, "personal_page.js", NULL);

      if (!g_file_test (script, G_FILE_TEST_IS_REGULAR))
        {
          g_set_error (error, CAB_ERROR, CAB_ERROR_INVALID_SOURCE,
                       _("The folder “%s” has no personal_page.js: a client-cabinet widget keeps it in the folder's root"),
                       display);
          return NULL;
        }

      self = g_object_new (CAB_TYPE_WIDGET_SOURCE, NULL);
      self->kind = CAB_WIDGET_SOURCE_FOLDER;
      self->location = g_strdup (path);
      self->root = g_strdup (path);
      self->entry = g_strdup ("personal_page.js");
      self->label = read_manifest_name (path);
      if (self->label == NULL)
        self->label = g_path_get_basename (path);
      return self;
    }

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && g_str_has_suffix (path, ".js"))
    {
      self = g_object_new (CAB_TYPE_WIDGET_SOURCE, NULL);
      self->kind = CAB_WIDGET_SOURCE_FILE;
      self->location = g_strdup (path);
      self->root = g_path_get_dirname (path);
      self->entry = g_path_get_basename (path);
      self->label = g_strdup (self->entry);
      return self;
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_set_error (error, CAB_ERROR, CAB_ERROR_INVALID_SOURCE, _("“%s” does not exist"), display);
  else
    g_set_error (error, CAB_ERROR, CAB_ERROR_INVALID_SOURCE,
                 _("“%s” is not an http(s) URL, a .js file or a widget folder"), display);

  return NULL;
}

CabWidgetSourceKind
cab_widget_source_get_kind (CabWidgetSource *self)
{
  g_return_val_if_fail (CAB_IS_WIDGET_SOURCE (self), CAB_WIDGET_SOURCE_URL);
  return self->kind;
}

const char *
cab_widget_source_get_location (CabWidgetSource *self)
{
  g_return_val_if_fail (CAB_IS_WIDGET_SOURCE (self), NULL);
  return self->location;
}

const char *
cab_widget_source_get_root (CabWidgetSource *self)
{
  g_return_val_if_fail (CAB_IS_WIDGET_SOURCE (self), NULL);
  return self->root;
}

const char *
cab_widget_source_get_entry (CabWidgetSource *self)
{
  g_return_val_if_fail (CAB_IS_WIDGET_SOURCE (self), NULL);
  return self->entry;
}

const char *
cab_widget_source_get_label (CabWidgetSource *self)
{
  g_return_val_if_fail (CAB_IS_WIDGET_SOURCE (self), NULL);
  return self->label;
}
