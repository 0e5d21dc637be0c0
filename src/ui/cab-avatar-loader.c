/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Avatar images for the authors page. Authors carry an avatar URL (SPEC §2), which in a real
 * account is an https URL and in scenario files is often a data: URL. Each URL is loaded once,
 * off the main thread, and kept, so that scrolling a list of 2,000 authors never waits for an
 * image: a row shows the initials until its image is there, and keeps them when it cannot be
 * loaded (the reason is kept too, for the editor to show). */
#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "cab-avatar-loader.h"

/* Past this many images the finished ones are dropped: a scenario with thousands of distinct
 * avatars must not keep every texture alive. */
#define MAX_CACHED 400
/* Larger files are not avatars; refusing them keeps a wrong URL from filling memory. */
#define MAX_IMAGE_BYTES (16 * 1024 * 1024)
/* Images are decoded at most this large (avatars are shown at up to 96 px, twice that on
 * HiDPI), and vector images at least this large, so that they stay sharp. */
#define MAX_IMAGE_SIZE 256
#define MIN_VECTOR_SIZE 192

typedef struct
{
  GdkTexture *texture;
  char       *error;
  /* The avatars that wait for this image, while it loads; NULL once it is done. */
  GPtrArray  *waiting;
} Entry;

struct _CabAvatarLoader
{
  GObject       parent_instance;

  GHashTable   *entries;  /* url → Entry */
  GCancellable *cancellable;
  SoupSession  *session;
};

G_DEFINE_FINAL_TYPE (CabAvatarLoader, cab_avatar_loader, G_TYPE_OBJECT)

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char   *url;
  GBytes *bytes;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->url);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data);
}

static void
entry_free (Entry *entry)
{
  g_clear_object (&entry->texture);
  g_free (entry->error);
  g_clear_pointer (&entry->waiting, g_ptr_array_unref);
  g_free (entry);
}

#define URL_KEY "cab-avatar-url"

static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  GdkPixbufFormat *format = gdk_pixbuf_loader_get_format (loader);
  int largest = MAX (width, height);
  int target = largest;

  if (largest <= 0)
    return;
  if (largest > MAX_IMAGE_SIZE)
    target = MAX_IMAGE_SIZE;
  else if (format != NULL && gdk_pixbuf_format_is_scalable (format) && largest < MIN_VECTOR_SIZE)
    target = MIN_VECTOR_SIZE;

  if (target != largest)
    gdk_pixbuf_loader_set_size (loader,
                                MAX (1, (int) ((gint64) width * target / largest)),
                                MAX (1, (int) ((gint64) height * target / largest)));
}

/* Decoding is the slow part (a large JPEG, an SVG): it runs in a worker thread. */
static void
decode_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), NULL);
  if (!gdk_pixbuf_loader_write_bytes (loader, data->bytes, &error))
    {
      gdk_pixbuf_loader_close (loader, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!gdk_pixbuf_loader_close (loader, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Not an image"));
      return;
    }
  g_task_return_pointer (task, gdk_texture_new_for_pixbuf (pixbuf), g_object_unref);
}

static void
decode (GTask  *task,
        GBytes *bytes)
{
  LoadData *data = g_task_get_task_data (task);

  if (g_bytes_get_size (bytes) > MAX_IMAGE_BYTES)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The image is larger than %d MiB"), MAX_IMAGE_BYTES / 1024 / 1024);
      return;
    }
  data->bytes = g_bytes_ref (bytes);
  g_task_run_in_thread (task, decode_in_thread);
}

/* data:[<media type>][;base64],<data> (RFC 2397). */
static GBytes *
decode_data_url (const char  *url,
                 GError     **error)
{
  const char *comma = strchr (url, ',');
  g_autofree char *header = NULL;
  g_autoptr(GBytes) raw = NULL;

  if (comma == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("A data URL needs a comma before its data"));
      return NULL;
    }

  header = g_ascii_strdown (url + strlen ("data:"), comma - url - strlen ("data:"));
  raw = g_uri_unescape_bytes (comma + 1, -1, NULL, error);
  if (raw == NULL)
    return NULL;

  if (g_str_has_suffix (header, ";base64"))
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (raw, NULL), g_bytes_get_size (raw));
      gsize length = 0;
      guchar *decoded = g_base64_decode (text, &length);

      return g_bytes_new_take (decoded, length);
    }

  return g_steal_pointer (&raw);
}

static void
file_loaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  decode (task, bytes);
}

static void
http_loaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) bytes = NULL;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  GError *error = NULL;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (message)))
    {
      /* Translators: an avatar URL gave an HTTP error, e.g. "The server answered 404 Not Found". */
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, _("The server answered %u %s"),
                               soup_message_get_status (message),
                               soup_message_get_reason_phrase (message));
      return;
    }
  decode (task, bytes);
}

static void
start_load (CabAvatarLoader     *self,
            const char          *url,
            GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, callback, NULL);
  g_autofree char *scheme = g_uri_parse_scheme (url);
  LoadData *data = g_new0 (LoadData, 1);
  GError *error = NULL;

  data->url = g_strdup (url);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_set_source_tag (task, start_load);

  if (scheme == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Not a URL"));
    }
  else if (g_ascii_strcasecmp (scheme, "data") == 0)
    {
      g_autoptr(GBytes) bytes = decode_data_url (url, &error);

      if (bytes == NULL)
        g_task_return_error (task, error);
      else
        decode (task, bytes);
    }
  else if (g_ascii_strcasecmp (scheme, "file") == 0)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (url);

      g_file_load_bytes_async (file, self->cancellable, file_loaded, g_steal_pointer (&task));
    }
  else if (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
    {
      g_autoptr(SoupMessage) message = soup_message_new ("GET", url);

      if (message == NULL)
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Not a URL"));
          return;
        }
      if (self->session == NULL)
        self->session = soup_session_new_with_options ("timeout", 20, "user-agent", "Cabinet Inspector", NULL);
      soup_session_send_and_read_async (self->session, message, G_PRIORITY_LOW, self->cancellable,
                                        http_loaded, g_steal_pointer (&task));
    }
  else
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only http, https, file and data images are shown here"));
    }
}

static void
prune (CabAvatarLoader *self)
{
  GHashTableIter iter;
  Entry *entry;

  if (g_hash_table_size (self->entries) <= MAX_CACHED)
    return;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    if (entry->waiting == NULL)
      g_hash_table_iter_remove (&iter);
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  CabAvatarLoader *self = CAB_AVATAR_LOADER (source);
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) waiting = NULL;
  Entry *entry;

  texture = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  entry = g_hash_table_lookup (self->entries, data->url);
  if (entry == NULL)
    return;

  g_set_object (&entry->texture, texture);
  g_clear_pointer (&entry->error, g_free);
  if (error != NULL)
    entry->error = g_strdup (error->message);

  /* Only the avatars that still show this URL: a recycled list row may have moved on to
   * another author while the image loaded. */
  waiting = g_steal_pointer (&entry->waiting);
  for (guint i = 0; i < waiting->len; i++)
    {
      AdwAvatar *avatar = g_ptr_array_index (waiting, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (avatar), URL_KEY), data->url) == 0)
        adw_avatar_set_custom_image (avatar, GDK_PAINTABLE (texture));
    }

  g_signal_emit (self, signals[LOADED], 0, data->url);
  prune (self);
}

static void
cab_avatar_loader_dispose (GObject *object)
{
  CabAvatarLoader *self = CAB_AVATAR_LOADER (object);

  g_cancellable_cancel (self->cancellable);
  g_hash_table_remove_all (self->entries);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (cab_avatar_loader_parent_class)->dispose (object);
}

static void
cab_avatar_loader_finalize (GObject *object)
{
  CabAvatarLoader *self = CAB_AVATAR_LOADER (object);

  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cab_avatar_loader_parent_class)->finalize (object);
}

static void
cab_avatar_loader_class_init (CabAvatarLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cab_avatar_loader_dispose;
  object_class->finalize = cab_avatar_loader_finalize;

  /**
   * CabAvatarLoader::loaded:
   * @url: the URL whose image has loaded, or failed to
   */
  signals[LOADED] =
    g_signal_new ("loaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cab_avatar_loader_init (CabAvatarLoader *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) entry_free);
  self->cancellable = g_cancellable_new ();
}

CabAvatarLoader *
cab_avatar_loader_new (void)
{
  return g_object_new (CAB_TYPE_AVATAR_LOADER, NULL);
}

/* Shows the image at @url in @avatar: at once when it is known, else once it has loaded. Until
 * then, and when it cannot be loaded, the avatar shows its initials. */
void
cab_avatar_loader_apply (CabAvatarLoader *self,
                         AdwAvatar       *avatar,
                         const char      *url)
{
  Entry *entry;

  g_return_if_fail (CAB_IS_AVATAR_LOADER (self));
  g_return_if_fail (ADW_IS_AVATAR (avatar));

  g_object_set_data_full (G_OBJECT (avatar), URL_KEY, g_strdup (url), g_free);
  if (url == NULL || *url == '\0' || g_cancellable_is_cancelled (self->cancellable))
    {
      adw_avatar_set_custom_image (avatar, NULL);
      return;
    }

  entry = g_hash_table_lookup (self->entries, url);
  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      entry->waiting = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (self->entries, g_strdup (url), entry);
      g_ptr_array_add (entry->waiting, g_object_ref (avatar));
      adw_avatar_set_custom_image (avatar, NULL);
      start_load (self, url, load_done);
      return;
    }

  if (entry->waiting != NULL)
    {
      if (!g_ptr_array_find (entry->waiting, avatar, NULL))
        g_ptr_array_add (entry->waiting, g_object_ref (avatar));
      adw_avatar_set_custom_image (avatar, NULL);
      return;
    }

  adw_avatar_set_custom_image (avatar, GDK_PAINTABLE (entry->texture));
}

gboolean
cab_avatar_loader_is_loading (CabAvatarLoader *self,
                              const char      *url)
{
  Entry *entry;

  g_return_val_if_fail (CAB_IS_AVATAR_LOADER (self), FALSE);

  entry = url != NULL ? g_hash_table_lookup (self->entries, url) : NULL;
  return entry != NULL && entry->waiting != NULL;
}

/* Why the image at @url could not be shown, or NULL when it was (or is still loading). */
const char *
cab_avatar_loader_get_error (CabAvatarLoader *self,
                             const char      *url)
{
  Entry *entry;

  g_return_val_if_fail (CAB_IS_AVATAR_LOADER (self), NULL);

  entry = url != NULL ? g_hash_table_lookup (self->entries, url) : NULL;
  return entry != NULL ? entry->error : NULL;
}
