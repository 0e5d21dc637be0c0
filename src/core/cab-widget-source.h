/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  CAB_WIDGET_SOURCE_URL,     /* an http(s) URL, e.g. a dev server */
  CAB_WIDGET_SOURCE_FILE,    /* a single .js file */
  CAB_WIDGET_SOURCE_FOLDER,  /* a widget folder: manifest.json + personal_page.js */
} CabWidgetSourceKind;

#define CAB_TYPE_WIDGET_SOURCE (cab_widget_source_get_type ())

G_DECLARE_FINAL_TYPE (CabWidgetSource, cab_widget_source, CAB, WIDGET_SOURCE, GObject)

CabWidgetSource     *cab_widget_source_new_for_argument (const char      *argument,
                                                         GError         **error);
CabWidgetSourceKind  cab_widget_source_get_kind         (CabWidgetSource *self);
const char          *cab_widget_source_get_location     (CabWidgetSource *self);
const char          *cab_widget_source_get_root         (CabWidgetSource *self);
const char          *cab_widget_source_get_entry        (CabWidgetSource *self);
const char          *cab_widget_source_get_label        (CabWidgetSource *self);

G_END_DECLS
