/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Watches a local widget's whole folder tree and says "changed" once a burst of file events
 * is over. inotify watches one folder at a time, so every folder gets a watch of its own,
 * and folders created later get one as they appear.
 *
 * The watcher reads inotify itself rather than through GFileMonitor: GLib's inotify backend
 * sleeps 100 ms whenever a read brings only IN_MODIFY events ("boredom", meant for files
 * written continuously), and an editor's save hits that one time in five (measured: 0 ms or
 * ~100 ms from the save to the event). A developer waiting for a reload notices 100 ms.
 *
 * What a developer saves is what counts: hidden files and folders (.git, an editor's
 * .file.swp), backup files (file~), vim's write probe "4913" and node_modules are left out,
 * as the widget server does not serve hidden files either. Symlinked folders are not
 * followed: they may lead anywhere. */
#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "cab-widget-watcher.h"

#define WATCH_MASK (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_MODIFY | IN_CLOSE_WRITE | \
                    IN_DELETE_SELF | IN_ONLYDIR | IN_DONT_FOLLOW)

struct _CabWidgetWatcher
{
  GObject     parent_instance;
  char       *root;
  guint       debounce_ms;
  int         inotify_fd;
  guint       fd_source_id;
  GHashTable *folders;    /* watch descriptor → folder path */
  GHashTable *watches;    /* folder path → watch descriptor */
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
                        const char       *folder);

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
forget_folder (CabWidgetWatcher *self,
               int               wd)
{
  const char *path = g_hash_table_lookup (self->folders, GINT_TO_POINTER (wd));

  if (path == NULL)
    return;
  g_hash_table_remove (self->watches, path);
  g_hash_table_remove (self->folders, GINT_TO_POINTER (wd));
}

static void
handle_event (CabWidgetWatcher           *self,
              const struct inotify_event *event)
{
  const char *folder = g_hash_table_lookup (self->folders, GINT_TO_POINTER (event->wd));
  g_autofree char *path = NULL;

  /* The kernel's queue overflowed: what changed is unknown, so everything did. */
  if (event->mask & IN_Q_OVERFLOW)
    {
      g_hash_table_add (self->changed, g_strdup (self->root));
      return;
    }
  if (event->mask & IN_IGNORED)
    {
      forget_folder (self, event->wd);
      return;
    }
  if (folder == NULL || event->len == 0 || is_ignored_name (event->name))
    return;

  path = g_build_filename (folder, event->name, NULL);
  if (event->mask & IN_ISDIR)
    {
      /* A folder that appears is watched from now on; one that goes, no longer. */
      if (event->mask & (IN_CREATE | IN_MOVED_TO))
        watch_tree (self, path);
      else if (event->mask & (IN_DELETE | IN_MOVED_FROM))
        {
          gpointer wd;

          if (g_hash_table_lookup_extended (self->watches, path, NULL, &wd))
            {
              inotify_rm_watch (self->inotify_fd, GPOINTER_TO_INT (wd));
              forget_folder (self, GPOINTER_TO_INT (wd));
            }
        }
    }
  g_hash_table_add (self->changed, g_steal_pointer (&path));
}

static gboolean
on_inotify_readable (int          fd,
                     GIOCondition condition,
                     gpointer     user_data)
{
  CabWidgetWatcher *self = user_data;
  /* Aligned as the events are: the kernel writes struct inotify_event records into it. */
  char buffer[16 * 1024] __attribute__ ((aligned (__alignof__ (struct inotify_event))));

  for (;;)
    {
      ssize_t length = read (fd, buffer, sizeof buffer);

      if (length <= 0)
        {
          if (length < 0 && errno == EINTR)
            continue;
          break;
        }
      for (char *p = buffer; p < buffer + length;)
        {
          const struct inotify_event *event = (const struct inotify_event *) p;

          handle_event (self, event);
          p += sizeof (struct inotify_event) + event->len;
        }
    }

  /* An editor's save is several events (write, close, rename): one reload, after the last. */
  if (g_hash_table_size (self->changed) > 0)
    {
      g_clear_handle_id (&self->debounce_id, g_source_remove);
      self->debounce_id = g_timeout_add (self->debounce_ms, debounce_done, self);
    }

  return G_SOURCE_CONTINUE;
}

static void
watch_folder (CabWidgetWatcher *self,
              const char       *path)
{
  int wd;

  if (g_hash_table_contains (self->watches, path))
    return;
  if (g_hash_table_size (self->watches) >= CAB_WIDGET_WATCHER_MAX_FOLDERS)
    {
      self->truncated = TRUE;
      return;
    }

  wd = inotify_add_watch (self->inotify_fd, path, WATCH_MASK);
  if (wd < 0)
    {
      g_debug ("Cannot watch %s: %s", path, g_strerror (errno));
      return;
    }
  /* A folder moved away and back has the same descriptor: the new path replaces the old. */
  forget_folder (self, wd);
  g_hash_table_insert (self->folders, GINT_TO_POINTER (wd), g_strdup (path));
  g_hash_table_insert (self->watches, g_strdup (path), GINT_TO_POINTER (wd));
}

/* The folder and every folder below it, breadth first, so that a tree larger than the limit
 * keeps the folders nearest the widget's root. */
static void
watch_tree (CabWidgetWatcher *self,
            const char       *folder)
{
  g_autoptr(GQueue) queue = g_queue_new ();

  g_queue_push_tail (queue, g_strdup (folder));
  while (!g_queue_is_empty (queue))
    {
      g_autofree char *current = g_queue_pop_head (queue);
      g_autoptr(GDir) dir = NULL;
      const char *name;

      watch_folder (self, current);
      if (self->truncated)
        break;

      dir = g_dir_open (current, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (current, name, NULL);

          if (!is_ignored_name (name) && g_file_test (child, G_FILE_TEST_IS_DIR) &&
              !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            g_queue_push_tail (queue, g_steal_pointer (&child));
        }
    }

  g_queue_clear_full (queue, g_free);
}

static void
cab_widget_watcher_dispose (GObject *object)
{
  CabWidgetWatcher *self = CAB_WIDGET_WATCHER (object);

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->fd_source_id, g_source_remove);
  if (self->inotify_fd >= 0)
    {
      /* Closing the descriptor drops every watch with it. */
      close (self->inotify_fd);
      self->inotify_fd = -1;
    }

  G_OBJECT_CLASS (cab_widget_watcher_parent_class)->dispose (object);
}

static void
cab_widget_watcher_finalize (GObject *object)
{
  CabWidgetWatcher *self = CAB_WIDGET_WATCHER (object);

  g_hash_table_unref (self->folders);
  g_hash_table_unref (self->watches);
  g_hash_table_unref (self->changed);
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
  self->inotify_fd = -1;
  self->folders = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->watches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Watches @root's tree; "changed" comes @debounce_ms after the last event of a burst. A
 * watcher that cannot watch (no inotify instances left) says so in the debug log and never
 * fires: the widget still runs, and Ctrl+R still reloads it. */
CabWidgetWatcher *
cab_widget_watcher_new (const char *root,
                        guint       debounce_ms)
{
  CabWidgetWatcher *self;

  g_return_val_if_fail (root != NULL, NULL);

  self = g_object_new (CAB_TYPE_WIDGET_WATCHER, NULL);
  self->root = g_strdup (root);
  self->debounce_ms = debounce_ms;
  self->inotify_fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  if (self->inotify_fd < 0)
    {
      g_debug ("Cannot watch %s: %s", root, g_strerror (errno));
      return self;
    }
  self->fd_source_id = g_unix_fd_add (self->inotify_fd, G_IO_IN, on_inotify_readable, self);
  watch_tree (self, root);

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
  return g_hash_table_size (self->watches);
}

/* TRUE when the tree has more than CAB_WIDGET_WATCHER_MAX_FOLDERS folders: changes in the
 * ones beyond are not seen. */
gboolean
cab_widget_watcher_is_truncated (CabWidgetWatcher *self)
{
  g_return_val_if_fail (CAB_IS_WIDGET_WATCHER (self), FALSE);
  return self->truncated;
}
