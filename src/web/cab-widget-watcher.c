/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Watches a local widget's whole folder tree and says "changed" once a burst of file events
 * is over. inotify watches one folder at a time, so every folder gets a monitor of its own,
 * and folders created later get one as they appear.
 *
 * What a developer saves is what counts: hidden files and folders (.git, an editor's
 * .file.swp), backup files (file~), vim's write probe "4913" and node_modules are left out,
 * as the widget server does not serve hidden files either. Symlinked folders are not
 * followed: they may lead anywhere. */
#include "config.h"

#include "cab-widget-watcher.h"

struct _CabWidgetWatcher
{
  GObject     parent_instance;
  char       *root;
  guint       debounce_ms;
  GHashTable *monitors;  /* folder path → GFileMonitor */
  gboolean    truncated;  /* the tree has more folders than are watched */
  guint       debounce_id;
  GHashTable *changed;    /* the paths the current burst touched */
};

G_DEFINE_FINAL_TYPE (CabWidgetWatcher, cab_widget_watcher, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void watch_tree (CabWidgetWatcher *self,
                        GFile            *folder);

static gboolean
is_ignored_name (const char *name)
{
  return name[0] == '.' || g_str_has_suffix (name, "~") || g_str_equal (name, "4913") ||
         g_str_equal (name, "node_modules");
}

static gboolean
debounce_done (gpointer user_data)
{
  CabWidgetWatcher *self = user_data;

  /* The keys change hands: the array and its strings are freed together. */
  GStrv paths = (GStrv) g_hash_table_get_keys_as_array (self->changed, NULL);

  g_hash_table_steal_all (self->changed);
  self->debounce_id = 0;
  g_signal_emit (self, signals[CHANGED], 0, paths);
  g_strfreev (paths);
  return G_SOURCE_REMOVE;
}

static void
on_monitor_changed (CabWidgetWatcher  *self,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor)
{
  g_autofree char *name = g_file_get_basename (file);
  /* A rename names the new file second: "x.js.tmp" → "x.js" is a save of x.js. */
  g_autofree char *other_name = other_file != NULL ? g_file_get_basename (other_file) : NULL;

  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED || event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT ||
      event == G_FILE_MONITOR_EVENT_UNMOUNTED)
    return;
  if (is_ignored_name (name) && (other_name == NULL || is_ignored_name (other_name)))
    return;

  /* A folder that goes stops being watched, so that one made again under its name is. */
  if (event == G_FILE_MONITOR_EVENT_DELETED || event == G_FILE_MONITOR_EVENT_MOVED_OUT ||
      event == G_FILE_MONITOR_EVENT_RENAMED)
    {
      g_autofree char *gone = g_file_get_path (file);
      GFileMonitor *gone_monitor = gone != NULL && monitor != NULL ? g_hash_table_lookup (self->monitors, gone) : NULL;

      if (gone_monitor != NULL && gone_monitor != monitor)
        {
          g_file_monitor_cancel (gone_monitor);
          g_hash_table_remove (self->monitors, gone);
        }
    }

  /* A folder that appears (created, or moved in) is watched from now on. */
  if (event == G_FILE_MONITOR_EVENT_CREATED || event == G_FILE_MONITOR_EVENT_MOVED_IN ||
      event == G_FILE_MONITOR_EVENT_RENAMED)
    {
      GFile *added = event == G_FILE_MONITOR_EVENT_RENAMED ? other_file : file;

      if (added != NULL &&
          g_file_query_file_type (added, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_DIRECTORY)
        watch_tree (self, added);
    }

  g_hash_table_add (self->changed, g_file_get_path (file));
  if (other_file != NULL)
    g_hash_table_add (self->changed, g_file_get_path (other_file));

  /* An editor's save is several events (write, close, rename): one reload, after the last. */
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (self->debounce_ms, debounce_done, self);
}

static void
watch_folder (CabWidgetWatcher *self,
              GFile            *folder)
{
  g_autofree char *path = g_file_get_path (folder);
  g_autoptr(GError) error = NULL;
  GFileMonitor *monitor;

  if (path == NULL || g_hash_table_contains (self->monitors, path))
    return;
  if (g_hash_table_size (self->monitors) >= CAB_WIDGET_WATCHER_MAX_FOLDERS)
    {
      self->truncated = TRUE;
      return;
    }

  monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (monitor == NULL)
    {
      g_debug ("Cannot watch %s: %s", path, error->message);
      return;
    }
  /* The default limit holds back a second change to one file for 800 ms; a developer who
   * saves twice in a row wants to see the second save too. The debounce does the rest. */
  g_file_monitor_set_rate_limit (monitor, 0);
  g_signal_connect_object (monitor, "changed", G_CALLBACK (on_monitor_changed), self, G_CONNECT_SWAPPED);
  g_hash_table_insert (self->monitors, g_steal_pointer (&path), monitor);
}

/* The folder and every folder below it, breadth first, so that a tree larger than the limit
 * keeps the folders nearest the widget's root. */
static void
watch_tree (CabWidgetWatcher *self,
            GFile            *folder)
{
  g_autoptr(GQueue) queue = g_queue_new ();

  g_queue_push_tail (queue, g_object_ref (folder));
  while (!g_queue_is_empty (queue))
    {
      g_autoptr(GFile) current = g_queue_pop_head (queue);
      g_autoptr(GFileEnumerator) children = NULL;

      watch_folder (self, current);
      if (self->truncated)
        break;

      children = g_file_enumerate_children (current, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
      while (children != NULL)
        {
          GFileInfo *info = NULL;
          GFile *child = NULL;

          if (!g_file_enumerator_iterate (children, &info, &child, NULL, NULL) || info == NULL)
            break;
          if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY &&
              !is_ignored_name (g_file_info_get_name (info)))
            g_queue_push_tail (queue, g_object_ref (child));
        }
    }

  g_queue_clear_full (queue, g_object_unref);
}

static void
cab_widget_watcher_dispose (GObject *object)
{
  CabWidgetWatcher *self = CAB_WIDGET_WATCHER (object);

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  if (self->monitors != NULL)
    {
      GHashTableIter iter;
      gpointer monitor;

      g_hash_table_iter_init (&iter, self->monitors);
      while (g_hash_table_iter_next (&iter, NULL, &monitor))
        g_file_monitor_cancel (monitor);
    }
  g_clear_pointer (&self->monitors, g_hash_table_unref);
  g_clear_pointer (&self->changed, g_hash_table_unref);

  G_OBJECT_CLASS (cab_widget_watcher_parent_class)->dispose (object);
}

static void
cab_widget_watcher_finalize (GObject *object)
{
  CabWidgetWatcher *self = CAB_WIDGET_WATCHER (object);

  g_free (self->root);

  G_OBJECT_CLASS (cab_widget_watcher_parent_class)->finalize (object);
}

static void
cab_widget_watcher_class_init (CabWidgetWatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cab_widget_watcher_dispose;
  object_class->finalize = cab_widget_watcher_finalize;

  /* Files under the root changed, and no more events came for the debounce time; the
   * argument lists their paths (a rename's both names). */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);
}

static void
cab_widget_watcher_init (CabWidgetWatcher *self)
{
  self->monitors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Watches @root's tree; "changed" comes @debounce_ms after the last event of a burst. */
CabWidgetWatcher *
cab_widget_watcher_new (const char *root,
                        guint       debounce_ms)
{
  CabWidgetWatcher *self;
  g_autoptr(GFile) folder = NULL;

  g_return_val_if_fail (root != NULL, NULL);

  self = g_object_new (CAB_TYPE_WIDGET_WATCHER, NULL);
  self->root = g_strdup (root);
  self->debounce_ms = debounce_ms;
  folder = g_file_new_for_path (root);
  watch_tree (self, folder);

  return self;
}

const char *
cab_widget_watcher_get_root (CabWidgetWatcher *self)
{
  g_return_val_if_fail (CAB_IS_WIDGET_WATCHER (self), NULL);
  return self->root;
}

guint
cab_widget_watcher_get_n_folders (CabWidgetWatcher *self)
{
  g_return_val_if_fail (CAB_IS_WIDGET_WATCHER (self), 0);
  return g_hash_table_size (self->monitors);
}

/* TRUE when the tree has more than CAB_WIDGET_WATCHER_MAX_FOLDERS folders: changes in the
 * ones beyond are not seen. */
gboolean
cab_widget_watcher_is_truncated (CabWidgetWatcher *self)
{
  g_return_val_if_fail (CAB_IS_WIDGET_WATCHER (self), FALSE);
  return self->truncated;
}
