/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every edit of the state is a step: the slots it replaced, with their values before and
 * after. Undo and redo put one side back; both sides are kept as they are (never changed
 * after they enter the document), so a step costs two references, not two copies.
 *
 * After a step, only what it touched is announced, and as narrowly as possible: one field or
 * one author by key, so that the page is told about one member of a 5,000-field lead rather
 * than handed the lead again. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cab-state-private.h"

/* Edits of the same slot closer together than this are one undo step: typing a name is
 * undone as a whole, not letter by letter. */
#define MERGE_WINDOW_USEC (1 * G_USEC_PER_SEC)
/* Steps share their nodes with the document, so this bounds little memory; it keeps a long
 * session from growing without end. */
#define MAX_UNDO_STEPS 1000

typedef struct
{
  char     *slot;
  JsonNode *before;  /* NULL: the slot did not exist */
  JsonNode *after;   /* NULL: the slot was removed */
} Change;

struct _CabStateStep
{
  GPtrArray *changes;
  gint64     time;
  /* Which lead was active when the edit began, to tell a switch from an edit. */
  char      *active_lead_before;
  guint      active_index_before;
};

static void
change_free (Change *change)
{
  g_free (change->slot);
  g_clear_pointer (&change->before, json_node_unref);
  g_clear_pointer (&change->after, json_node_unref);
  g_free (change);
}

void
cab_state_step_free (CabStateStep *step)
{
  g_ptr_array_unref (step->changes);
  g_free (step->active_lead_before);
  g_free (step);
}

CabStateStep *
cab_state_step_new (CabState *self)
{
  CabStateStep *step = g_new0 (CabStateStep, 1);

  step->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  step->time = g_get_monotonic_time ();
  if (self->root != NULL)
    {
      step->active_lead_before = g_strdup (cab_state_get_active_lead_id (self));
      cab_state_find_lead_entry (self, step->active_lead_before, &step->active_index_before);
    }

  return step;
}

/* Splits "authors/ID" into the map's name and the key. */
static gboolean
split_slot (const char  *slot,
            char       **map_name,
            const char **key)
{
  const char *slash = strchr (slot, '/');

  if (slash == NULL)
    return FALSE;
  *map_name = g_strndup (slot, slash - slot);
  *key = slash + 1;
  return TRUE;
}

static JsonNode *
lead_entry_node (CabState   *self,
                 const char *index_text)
{
  JsonArray *leads = json_object_get_array_member (cab_state_document (self), "leads");
  guint index = (guint) strtoul (index_text, NULL, 10);

  g_assert (index < json_array_get_length (leads));
  return json_array_get_element (leads, index);
}

/* The slot's current value (borrowed), or NULL when it does not exist. */
static JsonNode *
slot_get (CabState   *self,
          const char *slot)
{
  g_autofree char *map_name = NULL;
  const char *key;

  if (*slot == '\0')
    return self->root;
  if (!split_slot (slot, &map_name, &key))
    return json_object_get_member (cab_state_document (self), slot);
  if (g_str_equal (map_name, "leads"))
    return lead_entry_node (self, key);

  return json_object_get_member (json_object_get_object_member (cab_state_document (self), map_name), key);
}

/* Puts @value (a reference is taken) into the slot, or removes the slot for NULL. */
static void
slot_put (CabState   *self,
          const char *slot,
          JsonNode   *value)
{
  g_autofree char *map_name = NULL;
  const char *key;
  JsonObject *container;

  if (*slot == '\0')
    {
      g_assert (value != NULL);
      g_clear_pointer (&self->root, json_node_unref);
      self->root = json_node_ref (value);
      return;
    }

  if (!split_slot (slot, &map_name, &key))
    {
      container = cab_state_document (self);
      key = slot;
    }
  else if (g_str_equal (map_name, "leads"))
    {
      /* json-glib cannot replace an array element; the element node takes the new object. */
      g_assert (value != NULL);
      json_node_set_object (lead_entry_node (self, key), json_node_get_object (value));
      return;
    }
  else
    {
      container = json_object_get_object_member (cab_state_document (self), map_name);
    }

  if (value != NULL)
    json_object_set_member (container, key, json_node_ref (value));
  else if (json_object_has_member (container, key))
    json_object_remove_member (container, key);
}

/* What the slot holds now, as a node the history may keep: for a lead entry a new node that
 * shares the entry's object (the array's own node is reused by slot_put). */
static JsonNode *
slot_take_snapshot (CabState   *self,
                    const char *slot)
{
  JsonNode *current = slot_get (self, slot);

  if (current == NULL)
    return NULL;
  if (g_str_has_prefix (slot, "leads/"))
    {
      JsonNode *snapshot = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (snapshot, json_node_get_object (current));
      return snapshot;
    }

  return json_node_ref (current);
}

/* Replaces a slot as part of @step. @value is taken; NULL removes the slot. */
void
cab_state_step_set (CabState     *self,
                    CabStateStep *step,
                    const char   *slot,
                    JsonNode     *value)
{
  Change *change = g_new0 (Change, 1);

  change->slot = g_strdup (slot);
  change->before = slot_take_snapshot (self, slot);
  change->after = value;
  slot_put (self, slot, value);
  g_ptr_array_add (step->changes, change);
}

static gboolean
nodes_equal (JsonNode *a,
             JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a == b || json_node_equal (a, b);
}

static gboolean
step_changes_nothing (CabStateStep *step)
{
  for (guint i = 0; i < step->changes->len; i++)
    {
      Change *change = g_ptr_array_index (step->changes, i);

      if (!nodes_equal (change->before, change->after))
        return FALSE;
    }

  return TRUE;
}

/* --- Announcing a step ------------------------------------------------------------------ */

typedef struct
{
  CabState   *self;
  GHashTable *seen;   /* "what\x1fkey" */
  GPtrArray  *whats;
  GPtrArray  *keys;
} Announcement;

static void
announce (Announcement *announcement,
          const char   *what,
          const char   *key)
{
  char *id = g_strconcat (what, "\x1f", key != NULL ? key : "", NULL);

  if (!g_hash_table_add (announcement->seen, id))
    return;
  g_ptr_array_add (announcement->whats, g_strdup (what));
  g_ptr_array_add (announcement->keys, g_strdup (key));
}

static const char *
lead_member_string (JsonNode   *entry,
                    const char *member)
{
  JsonObject *lead = json_object_get_object_member (json_node_get_object (entry), "lead");

  return json_object_get_string_member (lead, member);
}

/* A lead entry changed under the active lead: what of it a widget or the page can see. */
static void
announce_active_entry (Announcement *announcement,
                       JsonNode     *old_entry,
                       JsonNode     *new_entry)
{
  JsonObject *old_object = json_node_get_object (old_entry);
  JsonObject *new_object = json_node_get_object (new_entry);
  JsonObject *old_lead = json_object_get_object_member (old_object, "lead");
  JsonObject *new_lead = json_object_get_object_member (new_object, "lead");
  g_autoptr(GHashTable) old_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) new_ids = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer id;

  if (!json_node_equal (json_object_get_member (old_object, "lead"), json_object_get_member (new_object, "lead")))
    announce (announcement, CAB_ENTITY_LEAD, NULL);
  if (g_strcmp0 (lead_member_string (old_entry, "id"), lead_member_string (new_entry, "id")) != 0)
    announce (announcement, "router", NULL);
  if (g_strcmp0 (json_object_get_string_member (old_object, "name"), json_object_get_string_member (new_object, "name")) != 0 ||
      !json_node_equal (json_object_get_member (old_object, "messages"), json_object_get_member (new_object, "messages")) ||
      !json_node_equal (json_object_get_member (old_lead, "contacts"), json_object_get_member (new_lead, "contacts")) ||
      !json_node_equal (json_object_get_member (old_lead, "company"), json_object_get_member (new_lead, "company")))
    announce (announcement, "view", NULL);

  /* Fields that joined or left the lead are LeadFieldsModel members added or removed. */
  cab_state_collect_field_ids (old_lead, old_ids);
  cab_state_collect_field_ids (new_lead, new_ids);
  g_hash_table_iter_init (&iter, old_ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!g_hash_table_contains (new_ids, id))
      announce (announcement, CAB_ENTITY_LEAD_FIELDS, id);
  g_hash_table_iter_init (&iter, new_ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!g_hash_table_contains (old_ids, id))
      announce (announcement, CAB_ENTITY_LEAD_FIELDS, id);
}

/* @undoing: the step was just taken back, so its "after" is the old side. */
static void
announce_step (CabState     *self,
               CabStateStep *step,
               gboolean      undoing,
               const char   *active_lead_before,
               guint         active_index_before)
{
  Announcement announcement = {
    self,
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    g_ptr_array_new_with_free_func (g_free),
    g_ptr_array_new_with_free_func (g_free),
  };
  const char *active_lead = cab_state_get_active_lead_id (self);
  gboolean leads_replaced = FALSE;
  guint active_index = 0;
  g_autofree char *active_index_text = NULL;

  for (guint i = 0; i < step->changes->len; i++)
    {
      Change *change = g_ptr_array_index (step->changes, i);

      if (*change->slot == '\0')
        {
          announce (&announcement, "document", NULL);
          goto emit;
        }
      leads_replaced |= g_str_equal (change->slot, "leads");
    }

  cab_state_find_lead_entry (self, active_lead, &active_index);
  /* Another lead is active (not the same lead under a new id): everything is new. */
  if ((leads_replaced || active_index != active_index_before) &&
      g_strcmp0 (active_lead, active_lead_before) != 0)
    {
      announce (&announcement, "active-lead", NULL);
      goto emit;
    }

  active_index_text = g_strdup_printf ("leads/%u", active_index);
  for (guint i = 0; i < step->changes->len; i++)
    {
      Change *change = g_ptr_array_index (step->changes, i);
      JsonNode *old_value = undoing ? change->after : change->before;
      JsonNode *new_value = undoing ? change->before : change->after;
      const char *slot = change->slot;

      if (g_str_equal (slot, "sys"))
        announce (&announcement, CAB_ENTITY_SYS, NULL);
      else if (g_str_equal (slot, "accountId") || g_str_equal (slot, "activeLeadId"))
        announce (&announcement, "router", NULL);
      else if (g_str_equal (slot, "leads") || g_str_has_prefix (slot, "contacts/"))
        announce (&announcement, "view", NULL);
      else if (g_str_has_prefix (slot, "authors/"))
        announce (&announcement, CAB_ENTITY_AUTHORS, slot + strlen ("authors/"));
      else if (g_str_has_prefix (slot, "users/"))
        announce (&announcement, "users", slot + strlen ("users/"));
      else if (g_str_has_prefix (slot, "fields/"))
        {
          if (cab_state_lead_has_field (self, slot + strlen ("fields/")))
            announce (&announcement, CAB_ENTITY_LEAD_FIELDS, slot + strlen ("fields/"));
        }
      else if (g_str_equal (slot, active_index_text) && !leads_replaced)
        announce_active_entry (&announcement, old_value, new_value);
      else if (g_str_has_prefix (slot, "leads/"))
        announce (&announcement, "view", NULL);
      else
        announce (&announcement, slot, NULL);
    }

emit:
  for (guint i = 0; i < announcement.whats->len; i++)
    cab_state_emit_changed (self, g_ptr_array_index (announcement.whats, i),
                            g_ptr_array_index (announcement.keys, i));

  g_hash_table_unref (announcement.seen);
  g_ptr_array_unref (announcement.whats);
  g_ptr_array_unref (announcement.keys);
}

/* --- The undo and redo stacks ------------------------------------------------------------- */

static gboolean
try_merge (CabState     *self,
           CabStateStep *step)
{
  CabStateStep *last;
  Change *last_change, *change;

  if (self->undo_steps->len == 0 || self->redo_steps->len > 0 || step->changes->len != 1)
    return FALSE;
  last = g_ptr_array_index (self->undo_steps, self->undo_steps->len - 1);
  if (last->changes->len != 1 || step->time - last->time > MERGE_WINDOW_USEC)
    return FALSE;
  last_change = g_ptr_array_index (last->changes, 0);
  change = g_ptr_array_index (step->changes, 0);
  if (!g_str_equal (last_change->slot, change->slot) || *change->slot == '\0')
    return FALSE;

  g_clear_pointer (&last_change->after, json_node_unref);
  last_change->after = change->after != NULL ? json_node_ref (change->after) : NULL;
  last->time = step->time;
  return TRUE;
}

/* Records a finished edit (or merges it into the one before) and announces it. Takes @step. */
void
cab_state_step_commit (CabState     *self,
                       CabStateStep *step)
{
  g_autoptr(CabStateStep) owned = step;
  gboolean first_document = step->active_lead_before == NULL;

  if (step_changes_nothing (step))
    return;

  if (first_document)
    {
      /* The first document is where history starts, not a step that can be undone. */
    }
  else if (!try_merge (self, step))
    {
      g_ptr_array_add (self->undo_steps, g_steal_pointer (&owned));
      if (self->undo_steps->len > MAX_UNDO_STEPS)
        g_ptr_array_remove_index (self->undo_steps, 0);
    }
  g_ptr_array_set_size (self->redo_steps, 0);

  announce_step (self, step, FALSE, step->active_lead_before, step->active_index_before);
  cab_state_notify_history (self);
}

static void
replay (CabState   *self,
        GPtrArray  *from,
        GPtrArray  *to,
        gboolean    undoing)
{
  CabStateStep *step;
  g_autofree char *active_lead_before = NULL;
  guint active_index_before = 0;

  if (from->len == 0)
    return;

  step = g_ptr_array_steal_index (from, from->len - 1);
  active_lead_before = g_strdup (cab_state_get_active_lead_id (self));
  cab_state_find_lead_entry (self, active_lead_before, &active_index_before);

  if (undoing)
    {
      for (guint i = step->changes->len; i > 0; i--)
        {
          Change *change = g_ptr_array_index (step->changes, i - 1);

          slot_put (self, change->slot, change->before);
        }
    }
  else
    {
      for (guint i = 0; i < step->changes->len; i++)
        {
          Change *change = g_ptr_array_index (step->changes, i);

          slot_put (self, change->slot, change->after);
        }
    }

  /* A step taken back and redone is a new edit as far as merging goes. */
  step->time = 0;
  g_ptr_array_add (to, step);
  announce_step (self, step, undoing, active_lead_before, active_index_before);
  cab_state_notify_history (self);
}

void
cab_state_undo (CabState *self)
{
  g_return_if_fail (CAB_IS_STATE (self));

  replay (self, self->undo_steps, self->redo_steps, TRUE);
}

void
cab_state_redo (CabState *self)
{
  g_return_if_fail (CAB_IS_STATE (self));

  replay (self, self->redo_steps, self->undo_steps, FALSE);
}

gboolean
cab_state_can_undo (CabState *self)
{
  g_return_val_if_fail (CAB_IS_STATE (self), FALSE);

  return self->undo_steps->len > 0;
}

gboolean
cab_state_can_redo (CabState *self)
{
  g_return_val_if_fail (CAB_IS_STATE (self), FALSE);

  return self->redo_steps->len > 0;
}

