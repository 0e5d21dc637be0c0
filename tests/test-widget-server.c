/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The widget folder's server: loopback only, the folder and nothing else, never cached. */
#include "config.h"

#include <glib/gstdio.h>

#include "cab-test-util.h"
#include "cab-widget-server.h"

typedef struct
{
  char     *host_port;
  char     *host_header;
  char     *request_path;
  char     *response;
  gboolean  done;
} RawRequest;

/* A raw HTTP/1.0 request from a thread (the server answers from this thread's main loop), so
 * no client library normalises ".." away before the server sees it. */
static gpointer
raw_request_thread (gpointer data)
{
  RawRequest *request = data;
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) response = g_string_new (NULL);
  char buffer[4096];
  gssize n;

  /* Straight to loopback: a proxy resolver (libproxy) may stall looking for configuration. */
  g_socket_client_set_enable_proxy (client, FALSE);
  connection = g_socket_client_connect_to_host (client, request->host_port, 0, NULL, NULL);
  g_assert_nonnull (connection);
  text = g_strdup_printf ("GET %s HTTP/1.0\r\nHost: %s\r\nOrigin: cabinet://app\r\n\r\n",
                          request->request_path, request->host_header);
  g_assert_true (g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                                            text, strlen (text), NULL, NULL, NULL));
  while ((n = g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (connection)),
                                   buffer, sizeof buffer, NULL, NULL)) > 0)
    g_string_append_len (response, buffer, n);

  request->response = g_string_free (g_steal_pointer (&response), FALSE);
  g_atomic_int_set (&request->done, TRUE);
  /* The main thread may be asleep in g_main_context_iteration(): wake it to see "done". */
  g_main_context_wakeup (NULL);
  return NULL;
}

/* GET a raw path (from the server's root, the secret segment not added) with a Host header. */
static char *
get_raw (CabWidgetServer *server,
         const char      *path,
         const char      *host_header)
{
  g_autoptr(GUri) base = g_uri_parse (cab_widget_server_get_base_uri (server), G_URI_FLAGS_NONE, NULL);
  RawRequest request = { 0 };
  GThread *thread;

  request.host_port = g_strdup_printf ("%s:%d", g_uri_get_host (base), g_uri_get_port (base));
  request.host_header = (char *) (host_header != NULL ? host_header : request.host_port);
  request.request_path = (char *) path;
  thread = g_thread_new ("raw-request", raw_request_thread, &request);
  while (!g_atomic_int_get (&request.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
  g_free (request.host_port);

  return request.response;
}

/* GET a path below the folder, through the secret segment as the page does. */
static char *
get (CabWidgetServer *server,
     const char      *path)
{
  g_autoptr(GUri) base = g_uri_parse (cab_widget_server_get_base_uri (server), G_URI_FLAGS_NONE, NULL);
  g_autofree char *full = g_strconcat (g_uri_get_path (base), path + 1, NULL);

  return get_raw (server, full, NULL);
}

static char *
make_fixture_folder (char **outside)
{
  g_autofree char *root = g_dir_make_tmp ("cab-server-XXXXXX", NULL);
  g_autofree char *lib = g_build_filename (root, "lib", NULL);
  g_autofree char *outside_dir = g_dir_make_tmp ("cab-outside-XXXXXX", NULL);
  g_autofree char *secret = g_build_filename (outside_dir, "secret.txt", NULL);
  g_autofree char *link_out = g_build_filename (root, "leak.txt", NULL);
  g_autofree char *dir_out = g_build_filename (root, "leakdir", NULL);
  g_autofree char *link_in = g_build_filename (root, "alias.js", NULL);
  g_autofree char *main_js = g_build_filename (root, "personal_page.js", NULL);
  g_autofree char *lib_js = g_build_filename (lib, "x.js", NULL);

  g_assert_cmpint (g_mkdir (lib, 0700), ==, 0);
  g_assert_true (g_file_set_contents (main_js, "define([], () => ({}));\n", -1, NULL));
  g_assert_true (g_file_set_contents (lib_js, "define([], () => 42);\n", -1, NULL));
  g_assert_true (g_file_set_contents (secret, "SECRET\n", -1, NULL));
  {
    g_autofree char *hidden = g_build_filename (root, ".env", NULL);

    g_assert_true (g_file_set_contents (hidden, "SECRET=1\n", -1, NULL));
  }
  g_assert_cmpint (symlink (secret, link_out), ==, 0);
  g_assert_cmpint (symlink (outside_dir, dir_out), ==, 0);
  g_assert_cmpint (symlink (main_js, link_in), ==, 0);

  *outside = g_steal_pointer (&outside_dir);
  return g_steal_pointer (&root);
}

static void
test_serves_the_folder (void)
{
  g_autofree char *outside = NULL;
  g_autofree char *root = make_fixture_folder (&outside);
  g_autoptr(GError) error = NULL;
  g_autoptr(CabWidgetServer) server = cab_widget_server_new (root, "cabinet://app", &error);
  g_autofree char *response = NULL;

  g_assert_no_error (error);
  /* Loopback only. */
  g_assert_true (g_str_has_prefix (cab_widget_server_get_base_uri (server), "http://127.0.0.1:"));

  response = get (server, "/personal_page.js");
  g_assert_true (g_str_has_prefix (response, "HTTP/1.0 200"));
  g_assert_nonnull (strstr (response, "Cache-Control: no-store"));
  g_assert_nonnull (strstr (response, "Access-Control-Allow-Origin: cabinet://app"));
  g_assert_nonnull (strstr (response, "Content-Type: text/javascript"));
  g_assert_nonnull (strstr (response, "define([], () => ({}));"));
  g_free (response);

  response = get (server, "/lib/x.js");
  g_assert_true (g_str_has_prefix (response, "HTTP/1.0 200"));
  g_free (response);

  /* A symlink that stays inside the folder is fine. */
  response = get (server, "/alias.js");
  g_assert_true (g_str_has_prefix (response, "HTTP/1.0 200"));
  g_free (response);

  response = get (server, "/missing.js");
  g_assert_true (g_str_has_prefix (response, "HTTP/1.0 404"));
  g_free (response);

  /* Without the secret first segment, nothing is served. */
  response = get_raw (server, "/personal_page.js", NULL);
  g_assert_true (g_str_has_prefix (response, "HTTP/1.0 404"));
  g_free (response);

  /* Another name for this address (DNS rebinding) is refused. */
  response = get (server, "/personal_page.js");
  g_free (response);
  {
    g_autoptr(GUri) base = g_uri_parse (cab_widget_server_get_base_uri (server), G_URI_FLAGS_NONE, NULL);
    g_autofree char *full = g_strconcat (g_uri_get_path (base), "personal_page.js", NULL);

    response = get_raw (server, full, "evil.example:80");
    g_assert_true (g_str_has_prefix (response, "HTTP/1.0 421"));
  }

  cab_test_remove_tree (root);
  cab_test_remove_tree (outside);
}

static void
test_refuses_what_is_outside (void)
{
  static const char * const paths[] = {
    "/leak.txt",                       /* a symlink to a file outside */
    "/leakdir/secret.txt",             /* through a symlinked folder */
    "/../secret.txt",
    "/lib/../../secret.txt",
    "/%2e%2e/secret.txt",
    "/lib/%2E%2E/%2E%2E/secret.txt",
    "/..%2fsecret.txt",
    "/lib/..%2f..%2fsecret.txt",       /* encoded slashes inside a segment */
    "/lib%2f..%2f..%2fsecret.txt",
    "/%252e%252e/secret.txt",          /* double encoding */
    "/%c0%ae%c0%ae/secret.txt",        /* overlong UTF-8 dots */
    "/..\\secret.txt",                /* a backslash is not a separator here, nor a way out */
    "//etc/passwd",                    /* absolute paths */
    "/%2fetc%2fpasswd",
    "/personal_page.js%00.png",        /* a NUL byte */
    "/%00",
    "/lib",                            /* a folder is not a file */
    "/.env",                           /* hidden files are never served */
    "/lib/%2e%65nv",
  };
  g_autofree char *outside = NULL;
  g_autofree char *root = make_fixture_folder (&outside);
  g_autofree char *outside_name = g_path_get_basename (outside);
  g_autoptr(CabWidgetServer) server = cab_widget_server_new (root, "cabinet://app", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *path = g_strdup (paths[i]);
      g_autofree char *response = NULL;

      /* ".." from the root leads to the temp dir that holds both folders. */
      if (strstr (path, "secret.txt") != NULL && !g_str_has_prefix (path, "/leak"))
        {
          g_autofree char *tail = g_strdup_printf ("%s/secret.txt", outside_name);
          g_autofree char *replaced = NULL;
          char *at = strstr (path, "secret.txt");

          *at = '\0';
          replaced = g_strconcat (path, tail, NULL);
          g_free (path);
          path = g_steal_pointer (&replaced);
        }
      response = get (server, path);
      if (strstr (response, "SECRET") != NULL || strstr (response, "root:") != NULL ||
          g_str_has_prefix (response, "HTTP/1.0 200"))
        g_error ("%s was served:\n%s", path, response);
    }

  /* Absolute paths and full URLs as the request target, without the secret segment. */
  {
    static const char * const targets[] = { "/etc/passwd", "http://127.0.0.1/etc/passwd", "file:///etc/passwd" };

    for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
      {
        g_autofree char *response = get_raw (server, targets[i], NULL);

        if (strstr (response, "root:") != NULL || g_str_has_prefix (response, "HTTP/1.0 200"))
          g_error ("%s was served:\n%s", targets[i], response);
      }
  }

  /* A very long path is refused, and the server goes on serving. */
  {
    g_autoptr(GString) long_path = g_string_new ("/");
    g_autofree char *response = NULL;
    g_autofree char *after = NULL;

    for (guint i = 0; i < 20000; i++)
      g_string_append (long_path, "../");
    g_string_append (long_path, "etc/passwd");
    response = get (server, long_path->str);
    if (strstr (response, "root:") != NULL || g_str_has_prefix (response, "HTTP/1.0 200"))
      g_error ("a 60 KB path was served:\n%.200s", response);
    after = get (server, "/personal_page.js");
    g_assert_true (g_str_has_prefix (after, "HTTP/1.0 200"));
  }

  cab_test_remove_tree (root);
  cab_test_remove_tree (outside);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/widget-server/serves-the-folder", test_serves_the_folder);
  g_test_add_func ("/widget-server/refuses-what-is-outside", test_refuses_what_is_outside);

  return g_test_run ();
}
