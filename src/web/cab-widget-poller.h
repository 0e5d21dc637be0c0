/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* A widget polls at most this many scripts: its own and its relative dependencies. */
#define CAB_WIDGET_POLLER_MAX_URLS 64

#define CAB_TYPE_WIDGET_POLLER (cab_widget_poller_get_type ())

G_DECLARE_FINAL_TYPE (CabWidgetPoller, cab_widget_poller, CAB, WIDGET_POLLER, GObject)

CabWidgetPoller *cab_widget_poller_new              (SoupSession        *session,
                                                     const char         *script);
void             cab_widget_poller_set_urls         (CabWidgetPoller    *self,
                                                     const char * const *urls);
void             cab_widget_poller_poll             (CabWidgetPoller    *self);
gboolean         cab_widget_poller_is_polling       (CabWidgetPoller    *self);
const char      *cab_widget_poller_get_content_hash (CabWidgetPoller    *self);
guint            cab_widget_poller_get_n_requests   (CabWidgetPoller    *self);

G_END_DECLS
