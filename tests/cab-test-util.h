/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cab-cabinet.h"

G_BEGIN_DECLS

/* A real cabinet page in a real window, for the web tests. */
typedef struct
{
  GtkWidget  *window;
  CabCabinet *cabinet;
  CabState   *state;
} CabTestCabinet;

void            cab_test_init             (int            *argc,
                                           char         ***argv);
CabTestCabinet *cab_test_cabinet_new      (void);
void            cab_test_cabinet_free     (CabTestCabinet *test);
char           *cab_test_add_widget       (CabTestCabinet *test,
                                           const char     *argument);
const CabWidgetInfo *cab_test_wait_widget (CabTestCabinet *test,
                                           const char     *id);
JsonNode       *cab_test_run_js           (CabTestCabinet *test,
                                           const char     *body);
void            cab_test_wait_js          (CabTestCabinet *test,
                                           const char     *condition);
char           *cab_test_widget_path      (const char     *name);
JsonObject     *cab_test_widget_result    (CabTestCabinet *test,
                                           const char     *id);
void            cab_test_spin             (guint           milliseconds);
void            cab_test_wait_ready       (CabTestCabinet *test);
const CabWidgetInfo *cab_test_wait_widget_count (CabTestCabinet *test,
                                                 guint           count);
void            cab_test_remove_tree      (const char     *path);
/* The first widget under @root (itself included) whose gtk_widget_get_name() is @name, or
 * NULL: panels name the rows tests drive ("field-<id>", "author-<id>-name", …). */
GtkWidget      *cab_test_find_widget      (GtkWidget      *root,
                                           const char     *name);
/* Waits for @window's next painted frame: layout and scrolling are done by then. */
void            cab_test_wait_frame       (GtkWidget      *window);

/* For the benchmarks: the monotonic clock in milliseconds, and the @p quantile (0.5, 0.95,
 * 0.99) of @values, which it sorts. */
double          cab_test_now_ms           (void);
double          cab_test_percentile       (GArray         *values,
                                           double          p);

/* A development server on 127.0.0.1, as a widget developer runs one: the files the test set,
 * CORS open, each with its ETag honoured (If-None-Match → 304) when it has one. */
typedef struct _CabTestDevServer CabTestDevServer;

CabTestDevServer *cab_test_dev_server_new              (void);
void              cab_test_dev_server_free             (CabTestDevServer *server);
void              cab_test_dev_server_set_file         (CabTestDevServer *server,
                                                        const char       *path,
                                                        const char       *text,
                                                        const char       *etag);
char             *cab_test_dev_server_dup_url          (CabTestDevServer *server,
                                                        const char       *path);
/* Requests for @path so far, and how many of them were answered 304. */
guint             cab_test_dev_server_get_requests     (CabTestDevServer *server,
                                                        const char       *path);
guint             cab_test_dev_server_get_not_modified (CabTestDevServer *server,
                                                        const char       *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CabTestCabinet, cab_test_cabinet_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CabTestDevServer, cab_test_dev_server_free)

G_END_DECLS
