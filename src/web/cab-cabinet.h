/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <webkit/webkit.h>

#include "cab-problem.h"
#include "cab-state.h"
#include "cab-widget-source.h"

G_BEGIN_DECLS

/* One widget in the cabinet, as the page last reported it. */
typedef struct
{
  char       *id;
  char       *label;
  char       *script;   /* the URL the page loads */
  char       *state;    /* "loading", "ready" or "failed" */
  CabProblem *problem;  /* NULL unless failed or warned */
} CabWidgetInfo;

#define CAB_TYPE_CABINET (cab_cabinet_get_type ())

G_DECLARE_FINAL_TYPE (CabCabinet, cab_cabinet, CAB, CABINET, GObject)

CabCabinet    *cab_cabinet_new             (CabState         *state);
WebKitWebView *cab_cabinet_get_view        (CabCabinet       *self);
void           cab_cabinet_load            (CabCabinet       *self);
gboolean       cab_cabinet_is_ready        (CabCabinet       *self);
char          *cab_cabinet_add_widget      (CabCabinet       *self,
                                            CabWidgetSource  *source,
                                            GError          **error);
void           cab_cabinet_reload_widgets  (CabCabinet       *self);
void           cab_cabinet_reload_page     (CabCabinet       *self);
void           cab_cabinet_stop_page       (CabCabinet       *self);
gboolean       cab_cabinet_is_responsive   (CabCabinet       *self);
void           cab_cabinet_show_inspector  (CabCabinet       *self);
GPtrArray     *cab_cabinet_get_widgets     (CabCabinet       *self);
const CabWidgetInfo *cab_cabinet_find_widget (CabCabinet    *self,
                                              const char    *id);

G_END_DECLS
