/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hot reload: the cabinet's side of "save a file, see the widget update". A local widget's
 * folder is watched (cab-widget-watcher.c) and a URL widget's scripts are polled
 * (cab-widget-poller.c); either one, on a change, asks the page to reload that widget alone,
 * with the short hash of the code it will now run. */
#include "config.h"

#include "cab-cabinet-private.h"

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
  g_object_notify (G_OBJECT (self), "poll-interval");
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
  JsonObject *payload;

  g_return_if_fail (CAB_IS_CABINET (self));
  g_return_if_fail (id != NULL);

  payload = json_object_new ();
  json_object_set_string_member (payload, "id", id);
  cab_cabinet_send_to_page (self, "reload-widget", payload);
}
