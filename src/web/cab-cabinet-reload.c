/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hot reload: the cabinet's side of "save a file, see the widget update". A local widget's
 * folder is watched (cab-widget-watcher.c) and a URL widget's scripts are polled
 * (cab-widget-poller.c); either one, on a change, asks the page to reload that widget alone,
 * with the short hash of the code it will now run. */
#include "config.h"

#include <glib/gi18n.h>

#include "cab-cabinet-private.h"
#include "cab-manifest.h"

/* An editor's save is a burst of events (write, close, rename); the reload waits for its end.
 * Bursts are a few milliseconds apart on a local disk. */
#define DEBOUNCE_MS 20
/* What the page may report of a widget's scripts: it is untrusted. */
#define MAX_SCRIPT_URL 4096
#define MAX_RESOURCES 1024

/* The short hash of a local widget's code: its scripts, as the page loaded them, read from
 * the folder through the server's own checks (the list comes from the page). */
static char *
local_content_hash (WidgetEntry *entry)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char * const only_script[] = { entry->script, NULL };
  const char * const *scripts = entry->scripts != NULL ? (const char * const *) entry->scripts : only_script;

  for (guint i = 0; scripts[i] != NULL; i++)
    {
      g_autofree char *path = cab_widget_server_dup_path (entry->server, scripts[i]);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (path == NULL || !g_file_get_contents (path, &contents, &length, NULL))
        {
          g_checksum_update (checksum, (const guchar *) "missing\n", -1);
          continue;
        }
      {
        g_autofree char *file_hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);

        g_checksum_update (checksum, (const guchar *) file_hash, -1);
      }
    }

  return g_strndup (g_checksum_get_string (checksum), 7);
}

/* The page shows the hash of the code that runs; a new one without a reload when the app
 * learned it later (a dev server's first poll, the dependencies once loaded). */
static void
set_content_hash (WidgetEntry *entry,
                  const char  *hash)
{
  JsonObject *payload;
  guint index;

  if (g_strcmp0 (entry->content_hash, hash) == 0)
    return;

  g_free (entry->content_hash);
  entry->content_hash = g_strdup (hash);
  index = cab_cabinet_find_info_index (entry->cabinet, entry->id);
  if (index != G_MAXUINT)
    {
      CabWidgetInfo *info = g_ptr_array_index (entry->cabinet->widgets, index);

      g_free (info->content_hash);
      info->content_hash = g_strdup (hash);
    }
  payload = json_object_new ();
  json_object_set_string_member (payload, "id", entry->id);
  json_object_set_string_member (payload, "contentHash", hash);
  cab_cabinet_send_to_page (entry->cabinet, "widget-content", payload);
}

/* The widget's code changed: the page reloads it alone, keeping everything else. A folder's
 * manifest problems go along, checked again when the manifest may have changed. */
static void
reload_changed_widget (WidgetEntry *entry,
                       const char  *hash)
{
  CabCabinet *self = entry->cabinet;
  char *copy = g_strdup (hash);  /* @hash may be entry->content_hash itself */
  JsonObject *payload;

  g_free (entry->content_hash);
  entry->content_hash = copy;
  g_debug ("Hot reload of %s (%s)", entry->id, hash != NULL ? hash : "hash not known yet");

  payload = json_object_new ();
  json_object_set_string_member (payload, "id", entry->id);
  if (copy != NULL)
    json_object_set_string_member (payload, "contentHash", copy);
  if (entry->manifest_problems != NULL)
    json_object_set_member (payload, "manifestProblems", json_node_copy (entry->manifest_problems));
  cab_cabinet_send_to_page (self, "reload-widget", payload);
}

/* Whether a save touched what amoCRM checks in a folder: manifest.json or an i18n file. */
static gboolean
touches_manifest (WidgetEntry        *entry,
                  const char * const *paths)
{
  const char *root = cab_widget_server_get_root (entry->server);
  g_autofree char *manifest = g_build_filename (root, "manifest.json", NULL);
  g_autofree char *i18n = g_build_filename (root, "i18n", NULL);

  if (entry->manifest_problems == NULL)
    return FALSE;
  for (guint i = 0; paths[i] != NULL; i++)
    if (g_str_equal (paths[i], manifest) || g_str_equal (paths[i], i18n) ||
        (g_str_has_prefix (paths[i], i18n) && paths[i][strlen (i18n)] == '/'))
      return TRUE;

  return FALSE;
}

/* Whether a save touched what the widget uses. An editor's temporary file, or a file of
 * the folder the widget never loaded, is no reason to restart it. Before the page has said
 * what the widget loaded, and while the widget is failed (the missing file may be the one
 * just made), every change is. */
static gboolean
touches_widget (WidgetEntry        *entry,
                const char * const *paths)
{
  guint index = cab_cabinet_find_info_index (entry->cabinet, entry->id);
  const CabWidgetInfo *info = index != G_MAXUINT ? g_ptr_array_index (entry->cabinet->widgets, index) : NULL;

  if (entry->resources == NULL || info == NULL || !g_str_equal (info->state, "ready"))
    return TRUE;

  for (guint i = 0; entry->resources[i] != NULL; i++)
    {
      g_autofree char *used = cab_widget_server_dup_path (entry->server, entry->resources[i]);

      if (used != NULL && g_strv_contains (paths, used))
        return TRUE;
    }

  return FALSE;
}

/* The event log says which saved files set off a reload, relative to the widget's folder. */
static void
log_saved_files (WidgetEntry        *entry,
                 const char * const *paths)
{
  const char *root = cab_widget_server_get_root (entry->server);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(CabEvent) event = NULL;
  g_autofree char *message = NULL;
  guint count = g_strv_length ((GStrv) paths);

  guint listed = 0;

  /* An editor's temporary file, renamed over the saved one, is gone by now. */
  for (guint i = 0; paths[i] != NULL; i++)
    {
      const char *name = g_str_has_prefix (paths[i], root) && paths[i][strlen (root)] == '/'
                         ? paths[i] + strlen (root) + 1 : paths[i];

      if (!g_file_test (paths[i], G_FILE_TEST_EXISTS) && count > 1)
        {
          count--;
          continue;
        }
      if (listed++ < 3)
        g_string_append_printf (names, "%s%s", listed > 1 ? ", " : "", name);
    }
  if (count > 3)
    g_string_append_printf (names, " (+%u)", count - 3);

  /* Translators: a line of the event log: the files a save changed, then the code's new short hash. */
  message = g_strdup_printf (_("Saved %s: reloading the widget (code %s)"), names->str, entry->content_hash);
  event = cab_event_new (CAB_EVENT_KIND_LIFECYCLE, CAB_EVENT_LEVEL_INFO, entry->id, "hot-reload", message);
  cab_event_set_widget_label (event, entry->label);
  cab_event_log_append (entry->cabinet->event_log, event);
}

/* Checks the folder again after a save of its manifest or i18n files; TRUE when the list of
 * problems changed (a fixed manifest clears them from the widget's item). */
static gboolean
update_manifest_problems (WidgetEntry        *entry,
                          const char * const *paths)
{
  g_autoptr(JsonNode) problems = NULL;

  if (!touches_manifest (entry, paths))
    return FALSE;

  problems = cab_cabinet_manifest_problems_to_json (cab_widget_server_get_root (entry->server));
  if (json_node_equal (problems, entry->manifest_problems))
    return FALSE;

  json_node_unref (entry->manifest_problems);
  entry->manifest_problems = g_steal_pointer (&problems);
  return TRUE;
}

static void
on_folder_changed (WidgetEntry        *entry,
                   const char * const *paths,
                   CabWidgetWatcher   *watcher)
{
  g_autofree char *hash = NULL;

  if (!entry->cabinet->hot_reload)
    return;
  /* The manifest first: its check runs whether or not the widget's code changed too. */
  if (!update_manifest_problems (entry, paths) && !touches_widget (entry, paths))
    return;

  hash = local_content_hash (entry);
  reload_changed_widget (entry, hash);
  log_saved_files (entry, paths);
}

/* A folder the app cannot watch, or only in part, is the developer's to know: saves there
 * will not reload the widget. */
static void
log_watch_limits (WidgetEntry *entry)
{
  const char *root = cab_widget_server_get_root (entry->server);
  g_autofree char *display = g_filename_display_name (root);
  g_autofree char *message = NULL;
  g_autoptr(CabEvent) event = NULL;

  if (cab_widget_watcher_get_n_folders (entry->watcher) == 0)
    message = g_strdup_printf (_("Hot reload cannot watch “%s” (out of inotify watches?): reload the widget by hand with Ctrl+R"),
                               display);
  else if (cab_widget_watcher_is_truncated (entry->watcher))
    message = g_strdup_printf (_("Hot reload watches only the first %u folders of “%s”: saves in the others do not reload the widget"),
                               CAB_WIDGET_WATCHER_MAX_FOLDERS, display);
  else
    return;

  event = cab_event_new (CAB_EVENT_KIND_LIFECYCLE, CAB_EVENT_LEVEL_WARNING, entry->id, "hot-reload", message);
  cab_event_set_widget_label (event, entry->label);
  cab_event_log_append (entry->cabinet->event_log, event);
}

static void
on_poller_updated (WidgetEntry     *entry,
                   gboolean         changed,
                   CabWidgetPoller *poller)
{
  const char *hash = cab_widget_poller_get_content_hash (poller);

  if (changed && entry->cabinet->hot_reload)
    reload_changed_widget (entry, hash);
  else
    set_content_hash (entry, hash);
}

static gboolean
poll_tick (gpointer user_data)
{
  CabCabinet *self = user_data;

  if (!self->hot_reload || self->polling_paused || !self->page_ready)
    return G_SOURCE_CONTINUE;

  for (guint i = 0; i < self->entries->len; i++)
    {
      WidgetEntry *entry = g_ptr_array_index (self->entries, i);

      if (entry->poller != NULL)
        cab_widget_poller_poll (entry->poller);
    }

  return G_SOURCE_CONTINUE;
}

static void
restart_polling (CabCabinet *self)
{
  g_clear_handle_id (&self->poll_source_id, g_source_remove);
  if (self->poll_session != NULL)
    self->poll_source_id = g_timeout_add (self->poll_interval_ms, poll_tick, self);
}

/* Starts watching a widget the cabinet now runs: its folder when it is local (@local), else
 * its URL. */
void
cab_cabinet_reload_attach (CabCabinet  *self,
                           WidgetEntry *entry,
                           gboolean     local)
{
  entry->cabinet = self;

  if (local)
    {
      entry->watcher = cab_widget_watcher_new (cab_widget_server_get_root (entry->server), DEBOUNCE_MS);
      g_signal_connect_swapped (entry->watcher, "changed", G_CALLBACK (on_folder_changed), entry);
      entry->content_hash = local_content_hash (entry);
      log_watch_limits (entry);
      return;
    }

  if (!g_str_has_prefix (entry->script, "http://") && !g_str_has_prefix (entry->script, "https://"))
    return;

  if (self->poll_session == NULL)
    {
      /* No cookies, no cache: every poll asks the server itself. */
      self->poll_session = soup_session_new_with_options ("timeout", 10, "max-conns-per-host", 8, NULL);
      restart_polling (self);
    }
  entry->poller = cab_widget_poller_new (self->poll_session, entry->script);
  g_signal_connect_swapped (entry->poller, "updated", G_CALLBACK (on_poller_updated), entry);
}

/* A list of URLs from the page (untrusted): at most @max strings of sane length; NULL when
 * there is none. */
static GStrv
strv_from_json (JsonNode *node,
                guint     max)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;
  guint n = 0;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array) && n < max; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING &&
          strlen (json_node_get_string (element)) <= MAX_SCRIPT_URL)
        {
          g_strv_builder_add (builder, json_node_get_string (element));
          n++;
        }
    }

  return n > 0 ? g_strv_builder_end (builder) : NULL;
}

/* The page reported a widget's state: what it loaded (for the hash and the polls), and, once
 * a load is over, when it was and which code it ran. */
void
cab_cabinet_reload_on_status (CabCabinet    *self,
                              WidgetEntry   *entry,
                              CabWidgetInfo *info,
                              JsonObject    *payload)
{
  JsonNode *loads = json_object_get_member (payload, "loads");

  if (loads != NULL && JSON_NODE_HOLDS_VALUE (loads) && json_node_get_value_type (loads) == G_TYPE_INT64)
    info->loads = (guint) CLAMP (json_node_get_int (loads), 0, G_MAXUINT);
  if (g_str_equal (info->state, "loading"))
    return;

  info->loaded_at = g_get_real_time ();
  {
    g_auto(GStrv) resources = strv_from_json (json_object_get_member (payload, "resources"), MAX_RESOURCES);
    g_auto(GStrv) scripts = strv_from_json (json_object_get_member (payload, "scripts"), CAB_WIDGET_POLLER_MAX_URLS);

    if (resources != NULL)
      {
        g_strfreev (entry->resources);
        entry->resources = g_steal_pointer (&resources);
      }
    if (scripts != NULL)
      {
        g_strfreev (entry->scripts);
        entry->scripts = g_steal_pointer (&scripts);
        if (entry->poller != NULL)
          cab_widget_poller_set_urls (entry->poller, (const char * const *) entry->scripts);
        if (entry->server != NULL)
          {
            g_autofree char *hash = local_content_hash (entry);

            set_content_hash (entry, hash);
          }
      }
  }

  g_free (info->content_hash);
  info->content_hash = g_strdup (entry->content_hash);
}

void
cab_cabinet_reload_dispose (CabCabinet *self)
{
  g_clear_handle_id (&self->poll_source_id, g_source_remove);
  if (self->poll_session != NULL)
    soup_session_abort (self->poll_session);
  g_clear_object (&self->poll_session);
}

gboolean
cab_cabinet_get_hot_reload (CabCabinet *self)
{
  g_return_val_if_fail (CAB_IS_CABINET (self), FALSE);
  return self->hot_reload;
}

void
cab_cabinet_set_hot_reload (CabCabinet *self,
                            gboolean    hot_reload)
{
  g_return_if_fail (CAB_IS_CABINET (self));

  hot_reload = !!hot_reload;
  if (self->hot_reload == hot_reload)
    return;

  self->hot_reload = hot_reload;
  g_object_notify (G_OBJECT (self), "hot-reload");
}

guint
cab_cabinet_get_poll_interval (CabCabinet *self)
{
  g_return_val_if_fail (CAB_IS_CABINET (self), 0);
  return self->poll_interval_ms;
}

void
cab_cabinet_set_poll_interval (CabCabinet *self,
                               guint       interval_ms)
{
  g_return_if_fail (CAB_IS_CABINET (self));

  interval_ms = CLAMP (interval_ms, CAB_CABINET_MIN_POLL_INTERVAL, CAB_CABINET_MAX_POLL_INTERVAL);
  if (self->poll_interval_ms == interval_ms)
    return;

  self->poll_interval_ms = interval_ms;
  restart_polling (self);
  g_object_notify (G_OBJECT (self), "poll-interval");
}

gboolean
cab_cabinet_get_polling_paused (CabCabinet *self)
{
  g_return_val_if_fail (CAB_IS_CABINET (self), FALSE);
  return self->polling_paused;
}

void
cab_cabinet_set_polling_paused (CabCabinet *self,
                                gboolean    paused)
{
  g_return_if_fail (CAB_IS_CABINET (self));

  self->polling_paused = !!paused;
}

void
cab_cabinet_reload_widget (CabCabinet *self,
                           const char *id)
{
  g_return_if_fail (CAB_IS_CABINET (self));
  g_return_if_fail (id != NULL);

  /* By hand (Ctrl+R on one widget): the same code, unless a local file changed unnoticed;
   * a URL widget's hash stays what the last poll saw. */
  for (guint i = 0; i < self->entries->len; i++)
    {
      WidgetEntry *entry = g_ptr_array_index (self->entries, i);

      if (g_str_equal (entry->id, id))
        {
          g_autofree char *hash = entry->server != NULL ? local_content_hash (entry) : g_strdup (entry->content_hash);

          reload_changed_widget (entry, hash);
        }
    }
}

/* What amoCRM would refuse in a folder's archive, for the page to list in the widget's item:
 * [{ check, message, file, line }]. */
JsonNode *
cab_cabinet_manifest_problems_to_json (const char *folder)
{
  g_autoptr(GPtrArray) problems = cab_manifest_check (folder);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < problems->len; i++)
    {
      CabManifestProblem *problem = g_ptr_array_index (problems, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "check");
      json_builder_add_string_value (builder, problem->check);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, problem->message);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, problem->file);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, problem->line);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}
