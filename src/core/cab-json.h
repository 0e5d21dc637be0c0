/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A copy that shares nothing with @node. json_node_copy() is NOT that: for objects and arrays
 * it shares the JsonObject/JsonArray, so changing the "copy" changes the original. Build every
 * new value for a CabState edit from a cab_json_deep_copy() of what cab_state_peek() gives. */
JsonNode   *cab_json_deep_copy        (JsonNode   *node);
JsonObject *cab_json_deep_copy_object (JsonObject *object);

JsonNode   *cab_json_parse_strict     (const char  *data,
                                       gssize       length,
                                       const char  *source_name,
                                       int          code,
                                       GError     **error);

/* RFC 7396 (JSON Merge Patch): @patch merged into a copy of @target (which may be NULL). */
JsonNode   *cab_json_merge_patch      (JsonNode    *target,
                                       JsonNode    *patch);

G_END_DECLS
