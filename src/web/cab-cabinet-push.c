/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The app → page half of the state: what the model announces is gathered and sent as one
 * message when the edit is over, so that a subscriber is called once per edit even when the
 * edit touched several members (adding a field changes the lead and leadFields), and so that
 * one field of a 5,000-field lead travels alone. */
#include "config.h"

#include "cab-cabinet-private.h"

enum {
  PENDING_VIEW   = 1 << 0,
  PENDING_ROUTER = 1 << 1,
  PENDING_SWITCH = 1 << 2,
  PENDING_USERS  = 1 << 3,
  PENDING_INTEGRATION = 1 << 4,
};

/* The entity, whole, or only the members named in @keys. */
static void
add_entity (CabCabinet *self,
            JsonObject *entities,
            JsonObject *patches,
            const char *entity,
            GHashTable *keys)
{
  JsonObject *patch;
  GHashTableIter iter;
  gpointer key;
  g_autoptr(JsonNode) whole = NULL;

  if (keys == NULL)
    {
      json_object_set_member (entities, entity, cab_state_dup_entity (self->state, entity));
      return;
    }

  patch = json_object_new ();
  if (g_str_equal (entity, CAB_ENTITY_AUTHORS))
    {
      JsonObject *authors = json_node_get_object (cab_state_peek (self->state, "authors"));

      g_hash_table_iter_init (&iter, keys);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          JsonNode *author = json_object_get_member (authors, key);

          json_object_set_member (patch, key, author != NULL ? json_node_copy (author) : json_node_new (JSON_NODE_NULL));
        }
    }
  else
    {
      /* A member that left LeadFieldsModel is sent as null: the page deletes it. */
      g_hash_table_iter_init (&iter, keys);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          JsonNode *field = cab_state_lead_has_field (self->state, key) ? cab_state_dup_field (self->state, key) : NULL;

          json_object_set_member (patch, key, field != NULL ? field : json_node_new (JSON_NODE_NULL));
        }
    }
  json_object_set_object_member (patches, entity, patch);
}

/* What window.APP reads from the model, when it changed; a new document may change both. */
static void
add_app_state (CabCabinet *self,
               JsonObject *payload)
{
  cab_cabinet_app_add_model (self, payload,
                             (self->pending_flags & (PENDING_USERS | PENDING_SWITCH)) != 0,
                             (self->pending_flags & (PENDING_INTEGRATION | PENDING_SWITCH)) != 0);
}

static gboolean
flush (gpointer user_data)
{
  CabCabinet *self = user_data;
  JsonObject *payload = json_object_new ();
  GHashTableIter iter;
  gpointer entity, keys;

  self->push_source_id = 0;

  if (self->pending_flags & PENDING_SWITCH)
    {
      /* Another lead or a whole new document: the page re-initialises every widget in the
       * SPEC §1 order with the new entities. */
      json_object_set_member (payload, "entities", cab_state_dup_public_entities (self->state));
      json_object_set_member (payload, "view", cab_state_dup_view (self->state));
      json_object_set_member (payload, "routerQuery", cab_state_dup_router_query (self->state));
      add_app_state (self, payload);
      cab_cabinet_push_clear (self);
      cab_cabinet_send_to_page (self, "lead-switch", payload);
      return G_SOURCE_REMOVE;
    }

  {
    JsonObject *entities = json_object_new ();
    JsonObject *patches = json_object_new ();

    g_hash_table_iter_init (&iter, self->pending_entities);
    while (g_hash_table_iter_next (&iter, &entity, &keys))
      add_entity (self, entities, patches, entity, keys);
    json_object_set_object_member (payload, "entities", entities);
    json_object_set_object_member (payload, "patches", patches);
  }
  if (self->pending_flags & PENDING_VIEW)
    json_object_set_member (payload, "view", cab_state_dup_view (self->state));
  if (self->pending_flags & PENDING_ROUTER)
    json_object_set_member (payload, "routerQuery", cab_state_dup_router_query (self->state));
  add_app_state (self, payload);

  cab_cabinet_push_clear (self);
  cab_cabinet_send_to_page (self, "update", payload);

  return G_SOURCE_REMOVE;
}

void
cab_cabinet_push_on_state_changed (CabCabinet *self,
                                   const char *what,
                                   const char *key)
{
  if (g_strcmp0 (what, "active-lead") == 0 || g_strcmp0 (what, "document") == 0)
    self->pending_flags |= PENDING_SWITCH;
  else if (g_strcmp0 (what, "view") == 0)
    self->pending_flags |= PENDING_VIEW;
  else if (g_strcmp0 (what, "router") == 0)
    self->pending_flags |= PENDING_ROUTER;
  else if (g_strcmp0 (what, "users") == 0)
    self->pending_flags |= PENDING_USERS;
  else if (g_strcmp0 (what, "integration") == 0)
    self->pending_flags |= PENDING_INTEGRATION;
  else if (cab_state_is_public_entity (what))
    {
      GHashTable *keys = NULL;
      gboolean known = g_hash_table_lookup_extended (self->pending_entities, what, NULL, (gpointer *) &keys);

      if (key == NULL)
        g_hash_table_replace (self->pending_entities, g_strdup (what), NULL);
      else if (!known)
        {
          keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_add (keys, g_strdup (key));
          g_hash_table_insert (self->pending_entities, g_strdup (what), keys);
        }
      else if (keys != NULL)
        g_hash_table_add (keys, g_strdup (key));
    }
  else
    return;

  /* Before redraws and input: the page should hear of an edit before anything else runs. */
  if (self->push_source_id == 0)
    self->push_source_id = g_idle_add_full (G_PRIORITY_HIGH, flush, self, NULL);
}

void
cab_cabinet_push_clear (CabCabinet *self)
{
  g_hash_table_remove_all (self->pending_entities);
  self->pending_flags = 0;
  g_clear_handle_id (&self->push_source_id, g_source_remove);
}
