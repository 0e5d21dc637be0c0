/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "cab-test-util.h"

/* Generous: the machines that run the tests are small and shared. */
#define WAIT_TIMEOUT_MS 20000

void
cab_test_remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                  G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        cab_test_remove_tree (child);
      else
        g_unlink (child);
      g_object_unref (info);
    }
  g_rmdir (path);
}

static char *test_cache_dir;
static char *test_data_dir;

static void
remove_test_dirs (void)
{
  cab_test_remove_tree (test_cache_dir);
  cab_test_remove_tree (test_data_dir);
}

void
cab_test_init (int    *argc,
               char ***argv)
{
  /* Every web test gets its own cache and data folders: WebKit writes there, and a run must
   * neither leave anything behind nor see what an earlier run left. */
  test_cache_dir = g_dir_make_tmp ("cab-test-cache-XXXXXX", NULL);
  test_data_dir = g_dir_make_tmp ("cab-test-data-XXXXXX", NULL);
  atexit (remove_test_dirs);

  g_setenv ("XDG_CACHE_HOME", test_cache_dir, TRUE);
  g_setenv ("XDG_DATA_HOME", test_data_dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
  gtk_test_init (argc, argv, NULL);
}

static gboolean
deadline_passed (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000 > WAIT_TIMEOUT_MS;
}

void
cab_test_spin (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
}

CabTestCabinet *
cab_test_cabinet_new (void)
{
  g_autoptr(GError) error = NULL;
  CabTestCabinet *test = g_new0 (CabTestCabinet, 1);
  gint64 start = g_get_monotonic_time ();

  test->state = cab_state_new_default (&error);
  g_assert_no_error (error);
  test->cabinet = cab_cabinet_new (test->state);
  test->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (test->window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (test->window), GTK_WIDGET (cab_cabinet_get_view (test->cabinet)));
  gtk_window_present (GTK_WINDOW (test->window));
  cab_cabinet_load (test->cabinet);

  while (!cab_cabinet_is_ready (test->cabinet))
    {
      g_assert_false (deadline_passed (start));
      g_main_context_iteration (NULL, TRUE);
    }

  return test;
}

void
cab_test_cabinet_free (CabTestCabinet *test)
{
  gtk_window_destroy (GTK_WINDOW (test->window));
  g_clear_object (&test->cabinet);
  g_clear_object (&test->state);
  g_free (test);
}

char *
cab_test_widget_path (const char *name)
{
  return g_build_filename (TESTS_SOURCE_DIR, "widgets", name, NULL);
}

/* Adds a widget: a name under tests/widgets/, an absolute path, or an http(s) URL. */
char *
cab_test_add_widget (CabTestCabinet *test,
                     const char     *argument)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CabWidgetSource) source = NULL;
  g_autofree char *path = NULL;
  char *id;

  if (g_str_has_prefix (argument, "http://") || g_str_has_prefix (argument, "https://") ||
      g_path_is_absolute (argument))
    path = g_strdup (argument);
  else
    path = cab_test_widget_path (argument);
  source = cab_widget_source_new_for_argument (path, &error);
  g_assert_no_error (error);
  id = cab_cabinet_add_widget (test->cabinet, source, &error);
  g_assert_no_error (error);

  return id;
}

/* Waits until the page reports the widget as ready or failed. */
const CabWidgetInfo *
cab_test_wait_widget (CabTestCabinet *test,
                      const char     *id)
{
  gint64 start = g_get_monotonic_time ();

  for (;;)
    {
      const CabWidgetInfo *info = cab_cabinet_find_widget (test->cabinet, id);

      if (info != NULL && g_strcmp0 (info->state, "loading") != 0)
        return info;
      if (deadline_passed (start))
        {
          g_autoptr(JsonNode) page = NULL;
          g_autofree char *body = NULL;

          /* Whether the page's timers still fire, and what requirejs and the widget's own
           * object say: enough to tell where a load that never ends stopped. */
          json_node_unref (cab_test_run_js (test, "window.__timersFire = false; setTimeout(() => { window.__timersFire = true; }, 20);"));
          cab_test_spin (500);
          body = g_strdup_printf ("const w = window.CabinetWidgets && window.CabinetWidgets.get('%s');"
                                  "const rjs = requirejs.s.contexts._;"
                                  "return JSON.stringify({ visibility: document.visibilityState, timersFire: window.__timersFire,"
                                  "  widget: w && { state: w.state, generation: w.generation, callbacks: Boolean(w.callbacks),"
                                  "    problems: w.problems.map((p) => p.code), script: w.script },"
                                  "  registry: Object.keys(rjs.registry), urlFetched: Object.keys(rjs.urlFetched),"
                                  "  defined: Object.keys(rjs.defined).filter((k) => k.startsWith('cabinet-widget-')),"
                                  "  ready: document.readyState, log: window.__testLog || null,"
                                  "  scripts: Array.from(document.scripts).map((s) => s.src) });", id);
          page = cab_test_run_js (test, body);
          {
            GListModel *log = G_LIST_MODEL (cab_cabinet_get_event_log (test->cabinet));
            g_autofree char *events = cab_event_list_to_text (log);

            g_printerr ("The event log:\n%s", events);
          }
          g_error ("widget %s is still %s; the page: %s", id, info != NULL ? info->state : "unknown to the app",
                   json_node_get_string (page));
        }
      g_main_context_iteration (NULL, TRUE);
    }
}

typedef struct
{
  gboolean  done;
  char     *json;
  GError   *error;
} JsResult;

static void
js_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  JsResult *js = user_data;
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (source), result, &js->error);
  if (value != NULL)
    js->json = jsc_value_is_undefined (value) ? g_strdup ("null") : jsc_value_to_json (value, 0);
  js->done = TRUE;
}

/* Runs an async function body in the page and returns what it returns, as JSON. */
JsonNode *
cab_test_run_js (CabTestCabinet *test,
                 const char     *body)
{
  JsResult js = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  gint64 start = g_get_monotonic_time ();

  webkit_web_view_call_async_javascript_function (cab_cabinet_get_view (test->cabinet), body, -1,
                                                  NULL, NULL, NULL, NULL, js_done, &js);
  while (!js.done)
    {
      g_assert_false (deadline_passed (start));
      g_main_context_iteration (NULL, TRUE);
    }
  if (js.error != NULL)
    g_error ("JavaScript failed: %s\n%s", js.error->message, body);
  if (js.json == NULL)
    return json_node_new (JSON_NODE_NULL);

  g_assert_true (json_parser_load_from_data (parser, js.json, -1, NULL));
  g_free (js.json);
  return json_node_copy (json_parser_get_root (parser));
}

/* Waits until a JavaScript expression is true in the page. */
void
cab_test_wait_js (CabTestCabinet *test,
                  const char     *condition)
{
  g_autofree char *body = g_strdup_printf ("return Boolean(%s);", condition);
  gint64 start = g_get_monotonic_time ();

  for (;;)
    {
      g_autoptr(JsonNode) result = cab_test_run_js (test, body);

      if (json_node_get_boolean (result))
        return;
      if (deadline_passed (start))
        g_error ("timed out waiting for: %s", condition);
      cab_test_spin (20);
    }
}

/* The data-result JSON a test widget wrote into its slot (tests/widgets/README.md). */
JsonObject *
cab_test_widget_result (CabTestCabinet *test,
                        const char     *id)
{
  g_autofree char *body = g_strdup_printf (
    "const item = document.querySelector('.cab-widget[data-widget-id=\"%s\"] .js-widgets-bar-item-container');"
    "return item && item.dataset.result ? JSON.parse(item.dataset.result) : null;", id);
  g_autoptr(JsonNode) result = cab_test_run_js (test, body);

  if (!JSON_NODE_HOLDS_OBJECT (result))
    return NULL;
  return json_object_ref (json_node_get_object (result));
}

/* Waits until the page has (again) said hello. */
void
cab_test_wait_ready (CabTestCabinet *test)
{
  gint64 start = g_get_monotonic_time ();

  while (!cab_cabinet_is_ready (test->cabinet))
    {
      g_assert_false (deadline_passed (start));
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Waits until the app knows of count widgets; returns the last. */
const CabWidgetInfo *
cab_test_wait_widget_count (CabTestCabinet *test,
                            guint           count)
{
  gint64 start = g_get_monotonic_time ();

  while (cab_cabinet_get_widgets (test->cabinet)->len < count)
    {
      g_assert_false (deadline_passed (start));
      g_main_context_iteration (NULL, TRUE);
    }

  return g_ptr_array_index (cab_cabinet_get_widgets (test->cabinet), count - 1);
}

GtkWidget *
cab_test_find_widget (GtkWidget  *root,
                      const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cab_test_find_widget (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
after_paint (GdkFrameClock *clock,
             gboolean      *painted)
{
  *painted = TRUE;
}

void
cab_test_wait_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gulong handler;
  gint64 start = g_get_monotonic_time ();

  while (clock == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      clock = gtk_widget_get_frame_clock (window);
    }
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), &painted);
  gtk_widget_queue_draw (window);
  while (!painted)
    {
      g_assert_false (deadline_passed (start));
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, handler);
}

double
cab_test_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
cab_test_percentile (GArray *values,
                     double  p)
{
  g_return_val_if_fail (values != NULL && values->len > 0, 0);

  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, MIN (values->len - 1, (guint) (p * values->len)));
}

typedef struct
{
  char  *text;
  char  *etag;  /* NULL: sent without one */
  guint  requests;
  guint  not_modified;
} DevFile;

struct _CabTestDevServer
{
  SoupServer *server;
  GHashTable *files;  /* path → DevFile */
  int         port;
};

static void
dev_file_free (DevFile *file)
{
  g_free (file->text);
  g_free (file->etag);
  g_free (file);
}

static void
dev_server_handle (SoupServer        *soup_server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  CabTestDevServer *server = user_data;
  DevFile *file = g_hash_table_lookup (server->files, path);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  const char *if_none_match = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                            "If-None-Match");

  soup_message_headers_replace (headers, "Access-Control-Allow-Origin", "*");
  if (file == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  file->requests++;
  if (file->etag != NULL)
    {
      soup_message_headers_replace (headers, "ETag", file->etag);
      if (g_strcmp0 (if_none_match, file->etag) == 0)
        {
          file->not_modified++;
          soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
          return;
        }
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/javascript", SOUP_MEMORY_COPY, file->text, strlen (file->text));
}

CabTestDevServer *
cab_test_dev_server_new (void)
{
  CabTestDevServer *server = g_new0 (CabTestDevServer, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  server->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) dev_file_free);
  server->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server->server, NULL, dev_server_handle, server, NULL);
  soup_server_listen_local (server->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server->server);
  server->port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return server;
}

void
cab_test_dev_server_free (CabTestDevServer *server)
{
  soup_server_disconnect (server->server);
  g_object_unref (server->server);
  g_hash_table_unref (server->files);
  g_free (server);
}

void
cab_test_dev_server_set_file (CabTestDevServer *server,
                              const char       *path,
                              const char       *text,
                              const char       *etag)
{
  DevFile *file = g_hash_table_lookup (server->files, path);

  if (file == NULL)
    {
      file = g_new0 (DevFile, 1);
      g_hash_table_insert (server->files, g_strdup (path), file);
    }
  g_free (file->text);
  file->text = g_strdup (text);
  g_free (file->etag);
  file->etag = g_strdup (etag);
}

char *
cab_test_dev_server_dup_url (CabTestDevServer *server,
                             const char       *path)
{
  return g_strdup_printf ("http://127.0.0.1:%d%s", server->port, path);
}

guint
cab_test_dev_server_get_requests (CabTestDevServer *server,
                                  const char       *path)
{
  DevFile *file = g_hash_table_lookup (server->files, path);

  return file != NULL ? file->requests : 0;
}

guint
cab_test_dev_server_get_not_modified (CabTestDevServer *server,
                                      const char       *path)
{
  DevFile *file = g_hash_table_lookup (server->files, path);

  return file != NULL ? file->not_modified : 0;
}
