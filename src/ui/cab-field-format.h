/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "cab-state.h"

G_BEGIN_DECLS

/* What the Fields page and its editors share: the names of the 16 FIELD_TYPES, a one-line
 * summary of a value, where a field comes from, and the parsing of what a user types into
 * a value (numbers, dates and times in UTC). The parsers refuse with a GError whose
 * message names the input and fits the panel. */

/* A translated name for a type ("Date and Time" for "dateTime"), or @type itself. */
const char         *cab_field_type_get_label     (const char  *type);
/* Whether the type carries its options in "enums" (select, radiobutton, multiselect). */
gboolean            cab_field_type_has_enums     (const char  *type);

/* The multitext enumCode values the editor offers, NULL-terminated. */
const char * const *cab_field_multitext_codes    (void);

/* One line that tells the value of @field, for the list of fields. */
char               *cab_field_dup_summary        (JsonObject  *field,
                                                  const char  *currency_symbol);
/* "Lead", "Contact · <name>" or "Company · <name>". @contact_id names the contact that
 * holds a contacts field (NULL if unknown). */
char               *cab_field_dup_source_label   (CabState    *state,
                                                  JsonObject  *field,
                                                  const char  *contact_id);
/* The id of the active lead's contact whose fieldIds name @field_id, or NULL. */
const char         *cab_field_find_contact       (CabState    *state,
                                                  const char  *field_id);
/* A string member, or "" when @object has none (or holds something else there). */
const char         *cab_field_get_string         (JsonObject  *object,
                                                  const char  *member);
/* The current sys.currencySymbol (borrowed), or "" when there is none. */
const char         *cab_field_get_currency       (CabState    *state);

/* A deep copy: json_node_copy() shares the objects and arrays it holds. */
JsonNode           *cab_field_json_copy          (JsonNode    *node);

/* Numbers as JSON numbers: integers stay integers, so 12 is 12 and not 12.0. */
gboolean            cab_field_get_number         (JsonNode    *node,
                                                  double      *number);
char               *cab_field_format_number      (JsonNode    *node);
gint64              cab_field_floor              (double       number);
JsonNode           *cab_field_parse_number       (const char  *text,
                                                  GError     **error);

/* Dates and times in UTC: the value of a date is midnight UTC of the day in Unix seconds. */
char               *cab_field_format_date        (gint64       unix_seconds);
char               *cab_field_format_time        (gint64       unix_seconds);
gboolean            cab_field_parse_date         (const char  *text,
                                                  gint64      *unix_midnight,
                                                  GError     **error);
gboolean            cab_field_parse_time         (const char  *text,
                                                  int         *seconds_of_day,
                                                  GError     **error);

G_END_DECLS
