/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The event log (see cab-event-log.h): a capped GListModel of CabEvent. */
#include "config.h"

#include "cab-event-log.h"

/* The events live in a ring buffer: when the log is full, dropping the oldest is moving the
 * head, not moving 200,000 pointers down for every batch a busy widget sends. The ring grows
 * by doubling up to max_entries, so a quiet log costs little memory. */
struct _CabEventLog
{
  GObject    parent_instance;

  CabEvent **ring;
  guint      allocated;
  guint      head;          /* the index of the oldest event */
  guint      length;

  guint      max_entries;
  guint      rejected;
};

static void cab_event_log_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CabEventLog, cab_event_log, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, cab_event_log_list_model_init))

enum {
  PROP_0,
  PROP_MAX_ENTRIES,
  PROP_N_ITEMS,
  PROP_REJECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static inline CabEvent **
slot (CabEventLog *self,
      guint        position)
{
  return &self->ring[(self->head + position) % self->allocated];
}

static GType
cab_event_log_get_item_type (GListModel *model)
{
  return CAB_TYPE_EVENT;
}

static guint
cab_event_log_get_n_items (GListModel *model)
{
  return CAB_EVENT_LOG (model)->length;
}

static gpointer
cab_event_log_get_item (GListModel *model,
                        guint       position)
{
  CabEventLog *self = CAB_EVENT_LOG (model);

  if (position >= self->length)
    return NULL;
  return g_object_ref (*slot (self, position));
}

static void
cab_event_log_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cab_event_log_get_item_type;
  iface->get_n_items = cab_event_log_get_n_items;
  iface->get_item = cab_event_log_get_item;
}

/* Makes room for @wanted events in all (wanted ≤ max_entries), keeping their order. */
static void
reserve (CabEventLog *self,
         guint        wanted)
{
  CabEvent **ring;
  guint64 allocated;

  if (wanted <= self->allocated)
    return;

  allocated = MAX ((guint64) self->allocated * 2, 64);
  while (allocated < wanted)
    allocated *= 2;
  allocated = MIN (allocated, self->max_entries);

  ring = g_new (CabEvent *, allocated);
  for (guint i = 0; i < self->length; i++)
    ring[i] = *slot (self, i);
  g_free (self->ring);
  self->ring = ring;
  self->allocated = allocated;
  self->head = 0;
}

/* Drops the @n oldest events, without announcing it. */
static void
drop_oldest (CabEventLog *self,
             guint        n)
{
  g_assert (n <= self->length);

  for (guint i = 0; i < n; i++)
    g_clear_object (slot (self, i));
  if (self->length == n)
    self->head = 0;
  else
    self->head = (self->head + n) % self->allocated;
  self->length -= n;
}

/* Appends the events of @batch, taking over its references (its free function is unset), the
 * oldest dropped first when that makes the log overflow. The list hears of it twice at most:
 * the removal at the start, then the addition at the end. Two signals rather than one
 * covering everything, because a single “all items replaced” would make a list view rebuild
 * every row and lose the selection. Each signal is sent once the model looks the way it
 * describes. */
static void
append_batch (CabEventLog *self,
              GPtrArray   *batch)
{
  guint old_length = self->length;
  guint64 total = (guint64) old_length + batch->len;
  guint64 excess = total > self->max_entries ? total - self->max_entries : 0;
  guint drop_old = MIN (excess, old_length);
  /* A batch larger than the whole log: its own first entries would be dropped at once, so
   * they are never added. */
  guint skip_new = excess - drop_old;
  guint added;

  if (batch->len == 0)
    return;

  if (drop_old > 0)
    {
      drop_oldest (self, drop_old);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, drop_old, 0);
    }

  /* The log takes over the batch's references: the ones it keeps, and the ones it drops. */
  g_ptr_array_set_free_func (batch, NULL);
  for (guint i = 0; i < skip_new; i++)
    g_object_unref (g_ptr_array_index (batch, i));

  added = batch->len - skip_new;
  reserve (self, self->length + added);
  for (guint i = skip_new; i < batch->len; i++)
    {
      *slot (self, self->length) = g_ptr_array_index (batch, i);
      self->length++;
    }

  g_list_model_items_changed (G_LIST_MODEL (self), old_length - drop_old, 0, added);
  if (self->length != old_length)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
cab_event_log_finalize (GObject *object)
{
  CabEventLog *self = CAB_EVENT_LOG (object);

  drop_oldest (self, self->length);
  g_free (self->ring);

  G_OBJECT_CLASS (cab_event_log_parent_class)->finalize (object);
}

static void
cab_event_log_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CabEventLog *self = CAB_EVENT_LOG (object);

  switch (prop_id)
    {
    case PROP_MAX_ENTRIES:
      g_value_set_uint (value, self->max_entries);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->length);
      break;

    case PROP_REJECTED:
      g_value_set_uint (value, self->rejected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cab_event_log_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CabEventLog *self = CAB_EVENT_LOG (object);

  switch (prop_id)
    {
    case PROP_MAX_ENTRIES:
      self->max_entries = g_value_get_uint (value);
      if (self->max_entries == 0)
        self->max_entries = CAB_EVENT_LOG_DEFAULT_MAX;
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cab_event_log_class_init (CabEventLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cab_event_log_finalize;
  object_class->get_property = cab_event_log_get_property;
  object_class->set_property = cab_event_log_set_property;

  /* How many events the log keeps; 0 means CAB_EVENT_LOG_DEFAULT_MAX. */
  properties[PROP_MAX_ENTRIES] =
    g_param_spec_uint ("max-entries", NULL, NULL,
                       0, G_MAXUINT, CAB_EVENT_LOG_DEFAULT_MAX,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The number of events, for a status line to bind to. */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* How many entries from the page were invalid and skipped since the log was last cleared. */
  properties[PROP_REJECTED] =
    g_param_spec_uint ("rejected", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cab_event_log_init (CabEventLog *self)
{
  self->max_entries = CAB_EVENT_LOG_DEFAULT_MAX;
}

/* @max_entries: how many events to keep, or 0 for CAB_EVENT_LOG_DEFAULT_MAX. */
CabEventLog *
cab_event_log_new (guint max_entries)
{
  return g_object_new (CAB_TYPE_EVENT_LOG, "max-entries", max_entries, NULL);
}

void
cab_event_log_append (CabEventLog *self,
                      CabEvent    *event)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (CAB_IS_EVENT_LOG (self));
  g_return_if_fail (CAB_IS_EVENT (event));

  g_ptr_array_add (batch, g_object_ref (event));
  append_batch (self, batch);
}

guint
cab_event_log_append_json_array (CabEventLog *self,
                                 JsonArray   *entries)
{
  g_autoptr(GPtrArray) batch = NULL;
  guint n_entries;
  guint rejected = 0;
  guint taken;

  g_return_val_if_fail (CAB_IS_EVENT_LOG (self), 0);
  g_return_val_if_fail (entries != NULL, 0);

  n_entries = json_array_get_length (entries);
  batch = g_ptr_array_new_full (n_entries, (GDestroyNotify) g_object_unref);
  for (guint i = 0; i < n_entries; i++)
    {
      JsonNode *entry = json_array_get_element (entries, i);
      g_autoptr(GError) error = NULL;
      CabEvent *event = NULL;

      if (JSON_NODE_HOLDS_OBJECT (entry))
        event = cab_event_new_from_json (json_node_get_object (entry), &error);
      if (event == NULL)
        {
          /* Only the reason: the entry itself may be megabytes of whatever the page sent. */
          g_debug ("Event log entry %u rejected: %s", i, error != NULL ? error->message : "not an object");
          rejected++;
          continue;
        }
      g_ptr_array_add (batch, event);
    }

  taken = batch->len;
  append_batch (self, batch);

  if (rejected > 0)
    {
      self->rejected = rejected > G_MAXUINT - self->rejected ? G_MAXUINT : self->rejected + rejected;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REJECTED]);
    }

  return taken;
}

/* Empties the log in one items-changed, and starts counting rejected entries afresh. */
void
cab_event_log_clear (CabEventLog *self)
{
  guint old_length;

  g_return_if_fail (CAB_IS_EVENT_LOG (self));

  old_length = self->length;
  drop_oldest (self, old_length);
  /* A full-size ring of a cleared log is memory a quiet session should not keep holding. */
  g_clear_pointer (&self->ring, g_free);
  self->allocated = 0;

  if (old_length > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_length, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  if (self->rejected > 0)
    {
      self->rejected = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REJECTED]);
    }
}

guint
cab_event_log_get_rejected (CabEventLog *self)
{
  g_return_val_if_fail (CAB_IS_EVENT_LOG (self), 0);

  return self->rejected;
}

char *
cab_event_list_to_text (GListModel *events)
{
  GString *out;
  guint n_items;

  g_return_val_if_fail (G_IS_LIST_MODEL (events), NULL);

  n_items = g_list_model_get_n_items (events);
  out = g_string_sized_new (128 * (gsize) n_items + 1);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (events, i);
      g_autofree char *line = NULL;

      /* Filter models of GTK 4.8 announce plain GObjects: the items themselves are checked. */
      if (!CAB_IS_EVENT (item))
        continue;
      line = cab_event_to_text (CAB_EVENT (item));
      g_string_append (out, line);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

char *
cab_event_list_to_json (GListModel *events)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(JsonArray) array = NULL;
  guint n_items;

  g_return_val_if_fail (G_IS_LIST_MODEL (events), NULL);

  n_items = g_list_model_get_n_items (events);
  array = json_array_sized_new (n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (events, i);

      if (CAB_IS_EVENT (item))
        json_array_add_element (array, cab_event_to_json (CAB_EVENT (item)));
    }

  json_node_set_array (root, array);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}
