/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cab-state.h"

G_BEGIN_DECLS

/* Shape checks of the state document (cab-state-schema.c). Each names the JSON path of the
 * first problem it finds, e.g. "leads[1].lead.statuses[0].color: expected a string". */
gboolean cab_state_schema_check_document (JsonNode    *root,
                                          GError     **error);
gboolean cab_state_schema_check_entity   (const char  *entity,
                                          JsonNode    *value,
                                          JsonObject  *fields,
                                          GError     **error);

G_END_DECLS
