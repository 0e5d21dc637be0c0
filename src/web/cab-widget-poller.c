/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hot reload for a widget served over http(s), e.g. by a dev server: its script and the
 * relative dependencies it loaded are asked for again on each poll, with conditional
 * requests (If-None-Match, If-Modified-Since) so that an unchanged file costs a 304. What
 * decides a change is a hash of the status and the body: a server that sends neither ETag
 * nor Last-Modified, or one whose ETag changes while the file does not (a rebuild that
 * writes the same bytes), still reloads the widget only for new code.
 *
 * One round polls every URL at once; a round that is still running when the next poll
 * comes is not doubled, so a slow server is never flooded. */
#include "config.h"

#include "cab-widget-poller.h"

/* A body larger than this is hashed only up to here: an endless response must not hold the
 * poll forever nor fill memory. */
#define MAX_BODY (16 * 1024 * 1024)
#define CHUNK (64 * 1024)

typedef struct
{
  char *url;
  char *etag;
  char *last_modified;
  char *hash;  /* of the status and body; NULL until fetched once */
} PolledUrl;

struct _CabWidgetPoller
{
  GObject       parent_instance;
  SoupSession  *session;
  GPtrArray    *urls;      /* PolledUrl, the script first */
  GCancellable *cancellable;
  guint         pending;   /* requests of the running round */
  gboolean      round_changed;
  char         *content_hash;
  guint         n_requests;
};

G_DEFINE_FINAL_TYPE (CabWidgetPoller, cab_widget_poller, G_TYPE_OBJECT)

enum {
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  CabWidgetPoller *poller;
  char            *url;
  SoupMessage     *message;
  GInputStream    *stream;
  GChecksum       *checksum;
  gsize            size;
} Request;

static void
polled_url_free (PolledUrl *polled)
{
  g_free (polled->url);
  g_free (polled->etag);
  g_free (polled->last_modified);
  g_free (polled->hash);
  g_free (polled);
}

static void
request_free (Request *request)
{
  g_object_unref (request->poller);
  g_free (request->url);
  g_object_unref (request->message);
  g_clear_object (&request->stream);
  g_checksum_free (request->checksum);
  g_free (request);
}

static PolledUrl *
find_url (CabWidgetPoller *self,
          const char      *url)
{
  for (guint i = 0; i < self->urls->len; i++)
    {
      PolledUrl *polled = g_ptr_array_index (self->urls, i);

      if (g_str_equal (polled->url, url))
        return polled;
    }

  return NULL;
}

/* The widget's code as one short hash, like a commit's: the hashes of its scripts, in the
 * order they were loaded. NULL while a script was never fetched. */
static char *
combined_hash (CabWidgetPoller *self)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < self->urls->len; i++)
    {
      PolledUrl *polled = g_ptr_array_index (self->urls, i);

      if (polled->hash == NULL)
        return NULL;
      g_checksum_update (checksum, (const guchar *) polled->hash, -1);
    }

  return g_strndup (g_checksum_get_string (checksum), 7);
}

static void
round_done (CabWidgetPoller *self)
{
  g_autofree char *hash = combined_hash (self);
  gboolean changed = self->round_changed;

  self->round_changed = FALSE;
  if (hash == NULL || g_strcmp0 (hash, self->content_hash) == 0)
    return;

  g_free (self->content_hash);
  self->content_hash = g_steal_pointer (&hash);
  /* changed is FALSE on the first round: the hash of the code the widget started with. */
  g_signal_emit (self, signals[UPDATED], 0, changed);
}

static void
request_finish (Request *request)
{
  CabWidgetPoller *self = request->poller;
  PolledUrl *polled = find_url (self, request->url);
  guint status = soup_message_get_status (request->message);

  if (polled != NULL && status != SOUP_STATUS_NOT_MODIFIED)
    {
      SoupMessageHeaders *headers = soup_message_get_response_headers (request->message);
      g_autofree char *status_text = g_strdup_printf ("%u\n", status);
      g_autofree char *hash = NULL;

      /* The status counts: a script that turns into a 404 is news the widget must show. */
      g_checksum_update (request->checksum, (const guchar *) status_text, -1);
      hash = g_strdup (g_checksum_get_string (request->checksum));
      if (polled->hash != NULL && !g_str_equal (polled->hash, hash))
        self->round_changed = TRUE;
      g_free (polled->hash);
      polled->hash = g_steal_pointer (&hash);
      g_free (polled->etag);
      polled->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
      g_free (polled->last_modified);
      polled->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
    }

  if (--self->pending == 0)
    round_done (self);
  request_free (request);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(GError) error = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (chunk == NULL)
    {
      /* Cancelled (the poller is gone) or cut off: no news either way. */
      if (--request->poller->pending == 0 && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        round_done (request->poller);
      request_free (request);
      return;
    }
  if (g_bytes_get_size (chunk) > 0 && request->size < MAX_BODY)
    {
      request->size += g_bytes_get_size (chunk);
      g_checksum_update (request->checksum, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
      g_input_stream_read_bytes_async (request->stream, CHUNK, G_PRIORITY_DEFAULT,
                                       request->poller->cancellable, on_read, request);
      return;
    }

  g_input_stream_close_async (request->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
  request_finish (request);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(GError) error = NULL;

  request->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (request->stream == NULL)
    {
      /* A dev server that is down (restarting) is not a change: the next round tells. */
      g_debug ("Polling %s: %s", request->url, error->message);
      if (--request->poller->pending == 0 && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        round_done (request->poller);
      request_free (request);
      return;
    }

  g_input_stream_read_bytes_async (request->stream, CHUNK, G_PRIORITY_DEFAULT,
                                   request->poller->cancellable, on_read, request);
}

static void
cab_widget_poller_dispose (GObject *object)
{
  CabWidgetPoller *self = CAB_WIDGET_POLLER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (cab_widget_poller_parent_class)->dispose (object);
}

static void
cab_widget_poller_finalize (GObject *object)
{
  CabWidgetPoller *self = CAB_WIDGET_POLLER (object);

  g_clear_object (&self->cancellable);
  g_ptr_array_unref (self->urls);
  g_free (self->content_hash);

  G_OBJECT_CLASS (cab_widget_poller_parent_class)->finalize (object);
}

static void
cab_widget_poller_class_init (CabWidgetPollerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cab_widget_poller_dispose;
  object_class->finalize = cab_widget_poller_finalize;

  /* The content hash changed; the argument is TRUE when the code changed since it was first
   * fetched (reload the widget), FALSE for the first hash (only show it). */
  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
cab_widget_poller_init (CabWidgetPoller *self)
{
  self->urls = g_ptr_array_new_with_free_func ((GDestroyNotify) polled_url_free);
  self->cancellable = g_cancellable_new ();
}

CabWidgetPoller *
cab_widget_poller_new (SoupSession *session,
                       const char  *script)
{
  CabWidgetPoller *self;
  PolledUrl *polled;

  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (script != NULL, NULL);

  self = g_object_new (CAB_TYPE_WIDGET_POLLER, NULL);
  self->session = g_object_ref (session);
  polled = g_new0 (PolledUrl, 1);
  polled->url = g_strdup (script);
  g_ptr_array_add (self->urls, polled);

  return self;
}

/* The scripts to poll, the widget's own first (as the page loaded them); what is known of
 * the ones that stay is kept. Only URLs on the script's own origin are polled: a library
 * from a CDN does not change under the developer's hands. */
void
cab_widget_poller_set_urls (CabWidgetPoller    *self,
                            const char * const *urls)
{
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GUri) script = NULL;

  g_return_if_fail (CAB_IS_WIDGET_POLLER (self));
  g_return_if_fail (urls != NULL && urls[0] != NULL);

  script = g_uri_parse (((PolledUrl *) g_ptr_array_index (self->urls, 0))->url, G_URI_FLAGS_NONE, NULL);
  kept = g_ptr_array_new_with_free_func ((GDestroyNotify) polled_url_free);
  g_ptr_array_add (kept, g_ptr_array_steal_index (self->urls, 0));
  for (guint i = 0; urls[i] != NULL && kept->len < CAB_WIDGET_POLLER_MAX_URLS; i++)
    {
      g_autoptr(GUri) uri = g_uri_parse (urls[i], G_URI_FLAGS_NONE, NULL);
      PolledUrl *polled;
      guint index;

      if (uri == NULL || script == NULL ||
          g_strcmp0 (g_uri_get_scheme (uri), g_uri_get_scheme (script)) != 0 ||
          g_strcmp0 (g_uri_get_host (uri), g_uri_get_host (script)) != 0 ||
          g_uri_get_port (uri) != g_uri_get_port (script))
        continue;
      if (g_str_equal (urls[i], ((PolledUrl *) g_ptr_array_index (kept, 0))->url))
        continue;

      polled = find_url (self, urls[i]);
      if (polled != NULL && g_ptr_array_find (self->urls, polled, &index))
        {
          g_ptr_array_add (kept, g_ptr_array_steal_index (self->urls, index));
          continue;
        }
      polled = g_new0 (PolledUrl, 1);
      polled->url = g_strdup (urls[i]);
      g_ptr_array_add (kept, polled);
    }

  g_ptr_array_unref (self->urls);
  self->urls = g_steal_pointer (&kept);
}

/* Starts a round, unless one is running. */
void
cab_widget_poller_poll (CabWidgetPoller *self)
{
  g_return_if_fail (CAB_IS_WIDGET_POLLER (self));

  if (self->pending > 0)
    return;

  self->pending = self->urls->len;
  for (guint i = 0; i < self->urls->len; i++)
    {
      PolledUrl *polled = g_ptr_array_index (self->urls, i);
      SoupMessageHeaders *headers;
      Request *request;

      SoupMessage *message = soup_message_new ("GET", polled->url);

      /* Not a URL soup takes: the page has shown the widget's load error already. */
      if (message == NULL)
        {
          self->pending--;
          continue;
        }
      request = g_new0 (Request, 1);
      request->poller = g_object_ref (self);
      request->url = g_strdup (polled->url);
      request->message = message;
      request->checksum = g_checksum_new (G_CHECKSUM_SHA256);
      headers = soup_message_get_request_headers (request->message);
      /* The hash needs the body: a server must not answer from a cache that skips a save. */
      soup_message_headers_replace (headers, "Cache-Control", "no-cache");
      if (polled->hash != NULL && polled->etag != NULL)
        soup_message_headers_replace (headers, "If-None-Match", polled->etag);
      if (polled->hash != NULL && polled->last_modified != NULL)
        soup_message_headers_replace (headers, "If-Modified-Since", polled->last_modified);
      self->n_requests++;
      soup_session_send_async (self->session, request->message, G_PRIORITY_DEFAULT, self->cancellable,
                               on_sent, request);
    }

  if (self->pending == 0 && self->urls->len > 0)
    round_done (self);
}

gboolean
cab_widget_poller_is_polling (CabWidgetPoller *self)
{
  g_return_val_if_fail (CAB_IS_WIDGET_POLLER (self), FALSE);
  return self->pending > 0;
}

/* Seven hex digits of the code last fetched; NULL before the first full round. */
const char *
cab_widget_poller_get_content_hash (CabWidgetPoller *self)
{
  g_return_val_if_fail (CAB_IS_WIDGET_POLLER (self), NULL);
  return self->content_hash;
}

/* How many requests were sent, for tests and the benchmark. */
guint
cab_widget_poller_get_n_requests (CabWidgetPoller *self)
{
  g_return_val_if_fail (CAB_IS_WIDGET_POLLER (self), 0);
  return self->n_requests;
}
