/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cab-error.h"
#include "cab-field-format.h"

/* amoCRM's codes for phone numbers and e-mail addresses (the fixture uses WORK, WORKDD,
 * MOB and PRIV). */
static const char * const multitext_codes[] = {
  "WORK", "WORKDD", "MOB", "FAX", "HOME", "PRIV", "OTHER", NULL
};

const char * const *
cab_field_multitext_codes (void)
{
  return multitext_codes;
}

const char *
cab_field_type_get_label (const char *type)
{
  static const struct {
    const char *type;
    const char *label;
  } labels[] = {
    { "text", N_("Text") },
    { "numeric", N_("Number") },
    { "checkbox", N_("Checkbox") },
    { "date", N_("Date") },
    { "select", N_("Select") },
    { "multiselect", N_("Multiselect") },
    { "url", N_("URL") },
    { "textarea", N_("Text Area") },
    { "radiobutton", N_("Radio Buttons") },
    { "streetaddress", N_("Street Address") },
    { "smartAddress", N_("Smart Address") },
    { "legalEntity", N_("Legal Entity") },
    { "birthday", N_("Birthday") },
    { "dateTime", N_("Date and Time") },
    { "multitext", N_("Multitext") },
    { "budget", N_("Budget") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].type, type) == 0)
      return _(labels[i].label);

  return type != NULL ? type : "";
}

gboolean
cab_field_type_has_enums (const char *type)
{
  return g_strcmp0 (type, "select") == 0 ||
         g_strcmp0 (type, "radiobutton") == 0 ||
         g_strcmp0 (type, "multiselect") == 0;
}

const char *
cab_field_get_string (JsonObject *object,
                      const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";

  return json_node_get_string (node);
}

const char *
cab_field_get_currency (CabState *state)
{
  JsonNode *sys = cab_state_peek (state, "sys");

  if (sys == NULL || !JSON_NODE_HOLDS_OBJECT (sys))
    return "";

  return cab_field_get_string (json_node_get_object (sys), "currencySymbol");
}

JsonNode *
cab_field_json_copy (JsonNode *node)
{
  JsonNode *copy;

  if (node == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObject *result = json_object_new ();
      g_autoptr(GList) members = json_object_get_members (object);

      for (const GList *l = members; l != NULL; l = l->next)
        json_object_set_member (result, l->data, cab_field_json_copy (json_object_get_member (object, l->data)));
      copy = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (copy, result);
      return copy;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      JsonArray *result = json_array_sized_new (json_array_get_length (array));

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (result, cab_field_json_copy (json_array_get_element (array, i)));
      copy = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (copy, result);
      return copy;
    }

  return json_node_copy (node);
}

/* floor() without libm, which the programs do not link. */
gint64
cab_field_floor (double number)
{
  gint64 whole;

  if (number >= (double) G_MAXINT64)
    return G_MAXINT64;
  if (number <= (double) G_MININT64)
    return G_MININT64;

  whole = (gint64) number;
  return (double) whole > number ? whole - 1 : whole;
}

gboolean
cab_field_get_number (JsonNode *node,
                      double   *number)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      *number = (double) json_node_get_int (node);
      return TRUE;
    case G_TYPE_DOUBLE:
      *number = json_node_get_double (node);
      return TRUE;
    default:
      return FALSE;
    }
}

char *
cab_field_format_number (JsonNode *node)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double number;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (!cab_field_get_number (node, &number))
    return g_strdup ("");

  /* The shortest text that reads back as the same number, so 0.1 stays "0.1". */
  g_ascii_formatd (buffer, sizeof buffer, "%.15g", number);
  if (g_ascii_strtod (buffer, NULL) != number)
    g_ascii_formatd (buffer, sizeof buffer, "%.17g", number);

  return g_strdup (buffer);
}

/* Digits in groups of three, as people read amounts: "1 250 000". */
static char *
format_grouped (JsonNode *node)
{
  g_autofree char *plain = cab_field_format_number (node);
  const char *digits = plain;
  const char *end;
  GString *out = g_string_new (NULL);
  gsize length;

  if (*digits == '-')
    g_string_append_c (out, *digits++);
  end = digits + strspn (digits, "0123456789");
  length = end - digits;
  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append (out, "\u2009");
      g_string_append_c (out, digits[i]);
    }
  g_string_append (out, end);

  return g_string_free (out, FALSE);
}

static gboolean
get_seconds (JsonNode *node,
             gint64   *seconds)
{
  double number;

  if (!cab_field_get_number (node, &number) || !isfinite (number))
    return FALSE;
  *seconds = cab_field_floor (number);
  return TRUE;
}

char *
cab_field_format_date (gint64 unix_seconds)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (unix_seconds);

  if (date == NULL)
    return g_strdup_printf ("%" G_GINT64_FORMAT, unix_seconds);

  return g_date_time_format (date, "%Y-%m-%d");
}

char *
cab_field_format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (unix_seconds);

  if (date == NULL)
    return g_strdup ("");

  return g_date_time_format (date, g_date_time_get_second (date) != 0 ? "%H:%M:%S" : "%H:%M");
}

/* A string of several lines on one line: the list shows one line per value. */
static void
append_one_line (GString    *out,
                 const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  gboolean first = TRUE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      if (!first)
        g_string_append (out, " · ");
      g_string_append (out, lines[i]);
      first = FALSE;
    }
}

/* The "value" members of an array of objects, joined. */
static void
append_array_values (GString    *out,
                     JsonNode   *node,
                     const char *member)
{
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *text;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      text = cab_field_get_string (json_node_get_object (element), member);
      if (*text == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      append_one_line (out, text);
    }
}

static void
append_object_members (GString            *out,
                       JsonNode           *node,
                       const char * const *members)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;

  for (guint i = 0; members[i] != NULL; i++)
    {
      const char *text = cab_field_get_string (json_node_get_object (node), members[i]);

      if (*text == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      append_one_line (out, text);
    }
}

char *
cab_field_dup_summary (JsonObject *field,
                       const char *currency_symbol)
{
  static const char * const address_members[] = {
    "address_line_1", "address_line_2", "city", "state", "zip", "country", NULL
  };
  static const char * const legal_members[] = { "name", "vat_id", NULL };
  const char *type = cab_field_get_string (field, "type");
  JsonNode *value = json_object_get_member (field, "value");
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 seconds;

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    {
      /* Nothing to show: a dash, as in a table's empty cell. */
    }
  else if (g_str_equal (type, "checkbox"))
    {
      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_BOOLEAN)
        g_string_append (out, json_node_get_boolean (value) ? _("Yes") : _("No"));
    }
  else if (g_str_equal (type, "numeric"))
    {
      g_autofree char *number = format_grouped (value);

      g_string_append (out, number);
    }
  else if (g_str_equal (type, "budget"))
    {
      g_autofree char *number = format_grouped (value);

      if (*number != '\0')
        g_string_append_printf (out, "%s %s", number, currency_symbol != NULL ? currency_symbol : "");
    }
  else if (g_str_equal (type, "date") || g_str_equal (type, "birthday"))
    {
      if (get_seconds (value, &seconds))
        {
          g_autofree char *date = cab_field_format_date (seconds);

          g_string_append (out, date);
        }
    }
  else if (g_str_equal (type, "dateTime"))
    {
      if (get_seconds (value, &seconds))
        {
          g_autofree char *date = cab_field_format_date (seconds);
          g_autofree char *time = cab_field_format_time (seconds);

          /* Translators: a date and a time of day in the list of fields. */
          g_string_append_printf (out, _("%s %s UTC"), date, time);
        }
    }
  else if (g_str_equal (type, "select") || g_str_equal (type, "radiobutton"))
    {
      if (JSON_NODE_HOLDS_OBJECT (value))
        append_one_line (out, cab_field_get_string (json_node_get_object (value), "value"));
    }
  else if (g_str_equal (type, "multiselect") || g_str_equal (type, "multitext"))
    {
      append_array_values (out, value, "value");
    }
  else if (g_str_equal (type, "smartAddress"))
    {
      append_object_members (out, value, address_members);
    }
  else if (g_str_equal (type, "legalEntity"))
    {
      append_object_members (out, value, legal_members);
    }
  else if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    {
      append_one_line (out, json_node_get_string (value));
    }

  if (out->len == 0)
    g_string_append (out, "—");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

const char *
cab_field_find_contact (CabState   *state,
                        const char *field_id)
{
  JsonNode *lead = cab_state_peek (state, "lead");
  JsonObject *contacts;
  g_autoptr(GList) ids = NULL;

  if (lead == NULL || !JSON_NODE_HOLDS_OBJECT (lead))
    return NULL;
  contacts = json_object_get_object_member (json_node_get_object (lead), "contacts");
  if (contacts == NULL)
    return NULL;

  ids = json_object_get_members (contacts);
  for (const GList *l = ids; l != NULL; l = l->next)
    {
      JsonObject *contact = json_object_get_object_member (contacts, l->data);
      JsonArray *field_ids = contact != NULL ? json_object_get_array_member (contact, "fieldIds") : NULL;

      for (guint i = 0; field_ids != NULL && i < json_array_get_length (field_ids); i++)
        if (g_strcmp0 (json_array_get_string_element (field_ids, i), field_id) == 0)
          return l->data;
    }

  return NULL;
}

char *
cab_field_dup_source_label (CabState   *state,
                            JsonObject *field,
                            const char *contact_id)
{
  const char *source = cab_field_get_string (field, "fieldSource");

  if (g_str_equal (source, "contacts"))
    {
      JsonNode *contacts = cab_state_peek (state, "contacts");
      JsonObject *contact = NULL;

      if (contact_id != NULL && contacts != NULL && JSON_NODE_HOLDS_OBJECT (contacts) &&
          json_object_has_member (json_node_get_object (contacts), contact_id))
        contact = json_object_get_object_member (json_node_get_object (contacts), contact_id);
      if (contact != NULL)
        /* Translators: where a field comes from: a contact, by name. */
        return g_strdup_printf (_("Contact · %s"), cab_field_get_string (contact, "name"));
      return g_strdup (_("Contact"));
    }

  if (g_str_equal (source, "company"))
    {
      JsonNode *lead = cab_state_peek (state, "lead");
      JsonNode *company = NULL;

      if (lead != NULL && JSON_NODE_HOLDS_OBJECT (lead))
        company = json_object_get_member (json_node_get_object (lead), "company");
      if (company != NULL && JSON_NODE_HOLDS_OBJECT (company))
        /* Translators: where a field comes from: the lead's company, by name. */
        return g_strdup_printf (_("Company · %s"),
                                cab_field_get_string (json_node_get_object (company), "name"));
      return g_strdup (_("Company"));
    }

  return g_strdup (_("Lead"));
}

/* Spaces (also the narrow and no-break ones people paste from documents) group digits; they
 * are not part of the number. */
static char *
strip_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x00A0 && c != 0x202F && c != 0x2009)
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

JsonNode *
cab_field_parse_number (const char  *text,
                        GError     **error)
{
  g_autoptr(GRegex) pattern = g_regex_new ("^[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)([eE][+-]?[0-9]+)?$", 0, 0, NULL);
  g_autofree char *compact = strip_spaces (text);
  JsonNode *node;
  double number;

  if (*compact == '\0')
    {
      g_set_error_literal (error, CAB_ERROR, CAB_ERROR_FAILED, _("Enter a number"));
      return NULL;
    }
  if (!g_regex_match (pattern, compact, 0, NULL))
    {
      g_set_error (error, CAB_ERROR, CAB_ERROR_FAILED, _("Not a number: “%s”"), text);
      return NULL;
    }

  /* A decimal comma is what much of the world types. */
  g_strdelimit (compact, ",", '.');
  number = g_ascii_strtod (compact, NULL);
  if (!isfinite (number))
    {
      g_set_error (error, CAB_ERROR, CAB_ERROR_FAILED, _("Number out of range: “%s”"), text);
      return NULL;
    }

  node = json_node_new (JSON_NODE_VALUE);
  /* Integers up to 2^53 are exact in a double, and in JavaScript. */
  if (number >= -9007199254740992.0 && number <= 9007199254740992.0 && number == (double) cab_field_floor (number))
    json_node_set_int (node, (gint64) number);
  else
    json_node_set_double (node, number);

  return node;
}


gboolean
cab_field_parse_date (const char  *text,
                      gint64      *unix_midnight,
                      GError     **error)
{
  g_autoptr(GRegex) pattern = g_regex_new ("^\\s*([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})\\s*$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GDateTime) date = NULL;
  int year = 0, month = 0, day = 0;

  if (g_regex_match (pattern, text, 0, &match))
    {
      g_autofree char *y = g_match_info_fetch (match, 1);
      g_autofree char *m = g_match_info_fetch (match, 2);
      g_autofree char *d = g_match_info_fetch (match, 3);

      year = atoi (y);
      month = atoi (m);
      day = atoi (d);
    }
  if (year < 1 || !g_date_valid_dmy (day, month, year) ||
      (date = g_date_time_new_utc (year, month, day, 0, 0, 0)) == NULL)
    {
      g_set_error (error, CAB_ERROR, CAB_ERROR_FAILED, _("Not a valid date: “%s” (write it as YYYY-MM-DD)"), text);
      return FALSE;
    }

  *unix_midnight = g_date_time_to_unix (date);
  return TRUE;
}

gboolean
cab_field_parse_time (const char  *text,
                      int         *seconds_of_day,
                      GError     **error)
{
  g_autoptr(GRegex) pattern = g_regex_new ("^\\s*([0-9]{1,2}):([0-9]{2})(:([0-9]{2}))?\\s*$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  int hours = -1, minutes = -1, seconds = 0;

  if (g_regex_match (pattern, text, 0, &match))
    {
      g_autofree char *h = g_match_info_fetch (match, 1);
      g_autofree char *m = g_match_info_fetch (match, 2);
      g_autofree char *s = g_match_info_get_match_count (match) > 4 ? g_match_info_fetch (match, 4) : NULL;

      hours = atoi (h);
      minutes = atoi (m);
      seconds = s != NULL && *s != '\0' ? atoi (s) : 0;
    }
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds > 59)
    {
      g_set_error (error, CAB_ERROR, CAB_ERROR_FAILED, _("Not a valid time: “%s” (write it as HH:MM, 00:00 to 23:59)"), text);
      return FALSE;
    }

  *seconds_of_day = hours * 3600 + minutes * 60 + seconds;
  return TRUE;
}
