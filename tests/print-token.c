/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Prints, as JSON, a token the default state mints for a lead and what a widget's backend
 * would verify it with, for tests/verify-token.py.
 *
 * Usage: print-token [LEAD_ID [SECRET LIFETIME]]; with SECRET and LIFETIME the integration is
 * edited first (cab_state_set_integration), as the Integration page does. */
#include "config.h"

#include <stdio.h>

#include "cab-json.h"
#include "cab-state.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CabState) state = cab_state_new_default (&error);
  g_autofree char *document = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) out = NULL;
  g_autofree char *token = NULL;
  g_autofree char *json = NULL;
  const char *lead_id = argc > 1 ? argv[1] : "18342277";
  JsonObject *integration;

  if (state == NULL)
    g_error ("%s", error->message);
  if (argc > 3)
    {
      /* A copy: what cab_state_peek() returns is the model's own. */
      g_autoptr(JsonNode) edited = cab_json_deep_copy (cab_state_peek (state, "integration"));

      json_object_set_string_member (json_node_get_object (edited), "clientSecret", argv[2]);
      json_object_set_int_member (json_node_get_object (edited), "tokenLifetime", g_ascii_strtoll (argv[3], NULL, 10));
      if (!cab_state_set_integration (state, edited, &error))
        g_error ("%s", error->message);
    }
  document = cab_state_to_data (state);
  root = json_from_string (document, NULL);
  integration = json_object_get_object_member (json_node_get_object (root), "integration");
  token = cab_state_mint_token (state, lead_id);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, token);
  json_builder_set_member_name (builder, "secret");
  json_builder_add_string_value (builder, json_object_get_string_member (integration, "clientSecret"));
  json_builder_set_member_name (builder, "integration");
  json_builder_add_value (builder, json_node_copy (json_object_get_member (json_node_get_object (root), "integration")));
  json_builder_set_member_name (builder, "accountId");
  json_builder_add_string_value (builder, cab_state_get_account_id (state));
  json_builder_set_member_name (builder, "leadId");
  json_builder_add_string_value (builder, lead_id);
  json_builder_end_object (builder);

  out = json_builder_get_root (builder);
  json = json_to_string (out, FALSE);
  /* Not g_print(): it converts to the locale's charset, and a secret is any UTF-8. */
  printf ("%s\n", json);
  return 0;
}
