/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cab-source-history.h"

#define RECENT_KEY "recent-widget-sources"

struct _CabSourceHistory
{
  GObject    parent_instance;

  GSettings *settings;
  GMenu     *menu;
};

G_DEFINE_FINAL_TYPE (CabSourceHistory, cab_source_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_file_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

/* A file or folder by its name, as the file chooser showed it; a URL as it is, since its
 * host and path are what tell one dev server from another. */
static char *
dup_name (const char *uri)
{
  g_autoptr(GFile) file = NULL;

  if (g_str_has_prefix (uri, "http://") || g_str_has_prefix (uri, "https://"))
    return g_strdup (uri);

  file = g_file_new_for_uri (uri);
  return dup_file_name (file);
}

static char *
dup_parent_name (const char *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GFile) parent = g_file_get_parent (file);

  return parent != NULL ? dup_file_name (parent) : NULL;
}

static void
refill_menu (CabSourceHistory *self)
{
  g_auto(GStrv) uris = g_settings_get_strv (self->settings, RECENT_KEY);
  guint n = MIN (g_strv_length (uris), CAB_SOURCE_HISTORY_MAX);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_menu_remove_all (self->menu);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (names, dup_name (uris[i]));

  for (guint i = 0; i < n; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *label = NULL;
      g_auto(GStrv) parts = NULL;
      g_autofree char *escaped = NULL;
      g_autoptr(GMenuItem) item = NULL;
      gboolean shared = FALSE;

      for (guint j = 0; j < n && !shared; j++)
        shared = j != i && g_str_equal (name, g_ptr_array_index (names, j));

      /* Widgets are often built into folders of the same name ("dist"): the folder above
       * tells them apart. */
      if (shared)
        {
          g_autofree char *parent = dup_parent_name (uris[i]);

          /* Translators: a recent widget's folder or file name, and the folder it is in. */
          label = parent != NULL ? g_strdup_printf (_("%s (%s)"), name, parent) : g_strdup (name);
        }
      else
        label = g_strdup (name);

      /* Menu labels take "_" for a mnemonic, and widget files are full of them. */
      parts = g_strsplit (label, "_", -1);
      escaped = g_strjoinv ("__", parts);

      item = g_menu_item_new (escaped, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-source", g_variant_new_string (uris[i]));
      g_menu_append_item (self->menu, item);
    }

  if (n > 0)
    g_menu_append (self->menu, _("_Clear Recent"), "win.clear-recent");
}

static void
store (CabSourceHistory *self,
       GPtrArray        *uris)
{
  g_ptr_array_add (uris, NULL);
  g_settings_set_strv (self->settings, RECENT_KEY, (const char * const *) uris->pdata);
}

static void
cab_source_history_constructed (GObject *object)
{
  CabSourceHistory *self = CAB_SOURCE_HISTORY (object);

  G_OBJECT_CLASS (cab_source_history_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));

  /* Connected before the first read: GSettings only reports changes of keys that were read. */
  g_signal_connect_object (self->settings, "changed::" RECENT_KEY,
                           G_CALLBACK (refill_menu), self, G_CONNECT_SWAPPED);
  refill_menu (self);
}

static void
cab_source_history_dispose (GObject *object)
{
  CabSourceHistory *self = CAB_SOURCE_HISTORY (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->menu);

  G_OBJECT_CLASS (cab_source_history_parent_class)->dispose (object);
}

static void
cab_source_history_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CabSourceHistory *self = CAB_SOURCE_HISTORY (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cab_source_history_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CabSourceHistory *self = CAB_SOURCE_HISTORY (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cab_source_history_class_init (CabSourceHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cab_source_history_constructed;
  object_class->dispose = cab_source_history_dispose;
  object_class->set_property = cab_source_history_set_property;
  object_class->get_property = cab_source_history_get_property;

  /* The app's settings: the schema with the "recent-widget-sources" key. */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cab_source_history_init (CabSourceHistory *self)
{
  self->menu = g_menu_new ();
}

CabSourceHistory *
cab_source_history_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (CAB_TYPE_SOURCE_HISTORY, "settings", settings, NULL);
}

GMenuModel *
cab_source_history_get_menu (CabSourceHistory *self)
{
  g_return_val_if_fail (CAB_IS_SOURCE_HISTORY (self), NULL);
  return G_MENU_MODEL (self->menu);
}

gboolean
cab_source_history_is_empty (CabSourceHistory *self)
{
  g_auto(GStrv) uris = NULL;

  g_return_val_if_fail (CAB_IS_SOURCE_HISTORY (self), TRUE);

  uris = g_settings_get_strv (self->settings, RECENT_KEY);
  return uris[0] == NULL;
}

void
cab_source_history_add (CabSourceHistory *self,
                        const char       *uri)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GPtrArray) uris = NULL;

  g_return_if_fail (CAB_IS_SOURCE_HISTORY (self));
  g_return_if_fail (uri != NULL);

  old = g_settings_get_strv (self->settings, RECENT_KEY);
  uris = g_ptr_array_new ();
  g_ptr_array_add (uris, (char *) uri);
  for (guint i = 0; old[i] != NULL && uris->len < CAB_SOURCE_HISTORY_MAX; i++)
    if (!g_str_equal (old[i], uri))
      g_ptr_array_add (uris, old[i]);
  store (self, uris);
}

gboolean
cab_source_history_remove (CabSourceHistory *self,
                           const char       *uri)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GPtrArray) uris = NULL;
  guint n;

  g_return_val_if_fail (CAB_IS_SOURCE_HISTORY (self), FALSE);
  g_return_val_if_fail (uri != NULL, FALSE);

  old = g_settings_get_strv (self->settings, RECENT_KEY);
  n = g_strv_length (old);
  uris = g_ptr_array_new ();
  for (guint i = 0; old[i] != NULL; i++)
    if (!g_str_equal (old[i], uri))
      g_ptr_array_add (uris, old[i]);
  if (uris->len == n)
    return FALSE;

  store (self, uris);
  return TRUE;
}

void
cab_source_history_clear (CabSourceHistory *self)
{
  g_return_if_fail (CAB_IS_SOURCE_HISTORY (self));

  g_settings_set_strv (self->settings, RECENT_KEY, NULL);
}
