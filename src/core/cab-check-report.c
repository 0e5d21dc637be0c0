/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report of `cabinet-inspector --check`: one result per widget, written as JSON (the
 * shape the README documents), as JUnit XML (one testcase per widget, its errors in one
 * failure, as CI systems show them) or as text for a person reading a CI log. */
#include "config.h"

#include <glib/gi18n.h>

#include "cab-check-report.h"

struct _CabCheckResult
{
  char      *source;
  GPtrArray *problems;    /* CabProblem */
  JsonArray *lifecycle;   /* { event, leadId, ms } */
  GPtrArray *events;      /* CabEvent */
  char      *slot_text;
  char      *slot_html;
  JsonObject *snapshots;  /* name → { text, html } */
  double     seconds;
};

CabCheckResult *
cab_check_result_new (const char *source)
{
  CabCheckResult *self = g_new0 (CabCheckResult, 1);

  self->source = g_strdup (source);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) cab_problem_free);
  self->lifecycle = json_array_new ();
  self->events = g_ptr_array_new_with_free_func (g_object_unref);
  self->snapshots = json_object_new ();
  return self;
}

void
cab_check_result_free (CabCheckResult *self)
{
  if (self == NULL)
    return;

  g_free (self->source);
  g_ptr_array_unref (self->problems);
  json_array_unref (self->lifecycle);
  g_ptr_array_unref (self->events);
  g_free (self->slot_text);
  g_free (self->slot_html);
  json_object_unref (self->snapshots);
  g_free (self);
}

const char *
cab_check_result_get_source (CabCheckResult *self)
{
  return self->source;
}

void
cab_check_result_add_problem (CabCheckResult   *self,
                              const CabProblem *problem)
{
  g_return_if_fail (problem != NULL && problem->code != NULL);

  for (guint i = 0; i < self->problems->len; i++)
    {
      CabProblem *known = g_ptr_array_index (self->problems, i);

      if (g_str_equal (known->code, problem->code) && g_strcmp0 (known->message, problem->message) == 0)
        return;
    }
  g_ptr_array_add (self->problems, cab_problem_copy (problem));
}

GPtrArray *
cab_check_result_get_problems (CabCheckResult *self)
{
  return self->problems;
}

void
cab_check_result_add_lifecycle (CabCheckResult *self,
                                const char     *event,
                                const char     *lead_id,
                                double          ms)
{
  JsonObject *step = json_object_new ();

  json_object_set_string_member (step, "event", event);
  if (lead_id != NULL)
    json_object_set_string_member (step, "leadId", lead_id);
  else
    json_object_set_null_member (step, "leadId");
  json_object_set_double_member (step, "ms", ms);
  json_array_add_object_element (self->lifecycle, step);
}

void
cab_check_result_add_event (CabCheckResult *self,
                            CabEvent       *event)
{
  g_ptr_array_add (self->events, g_object_ref (event));
}

void
cab_check_result_set_slot (CabCheckResult *self,
                           const char     *text,
                           const char     *html)
{
  g_free (self->slot_text);
  self->slot_text = g_strdup (text);
  g_free (self->slot_html);
  self->slot_html = g_strdup (html);
}

void
cab_check_result_add_snapshot (CabCheckResult *self,
                               const char     *name,
                               const char     *text,
                               const char     *html)
{
  JsonObject *snapshot = json_object_new ();

  json_object_set_string_member (snapshot, "text", text != NULL ? text : "");
  json_object_set_string_member (snapshot, "html", html != NULL ? html : "");
  json_object_set_object_member (self->snapshots, name, snapshot);
}

void
cab_check_result_set_duration (CabCheckResult *self,
                               double          seconds)
{
  self->seconds = seconds;
}

gboolean
cab_check_result_is_ok (CabCheckResult *self)
{
  for (guint i = 0; i < self->problems->len; i++)
    if (g_strcmp0 (((CabProblem *) g_ptr_array_index (self->problems, i))->severity, "error") == 0)
      return FALSE;

  return TRUE;
}

static void
add_problem (JsonBuilder      *builder,
             const CabProblem *problem)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, problem->code);
  json_builder_set_member_name (builder, "severity");
  json_builder_add_string_value (builder, problem->severity != NULL ? problem->severity : "error");
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, problem->message != NULL ? problem->message : "");
  json_builder_set_member_name (builder, "file");
  if (problem->file != NULL)
    json_builder_add_string_value (builder, problem->file);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "line");
  if (problem->line > 0)
    json_builder_add_int_value (builder, problem->line);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

char *
cab_check_report_to_json (GPtrArray *results)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "widgets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < results->len; i++)
    {
      CabCheckResult *result = g_ptr_array_index (results, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, result->source);
      json_builder_set_member_name (builder, "ok");
      json_builder_add_boolean_value (builder, cab_check_result_is_ok (result));
      json_builder_set_member_name (builder, "problems");
      json_builder_begin_array (builder);
      for (guint p = 0; p < result->problems->len; p++)
        add_problem (builder, g_ptr_array_index (result->problems, p));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "lifecycle");
      json_builder_add_value (builder, json_node_init_array (json_node_alloc (), result->lifecycle));
      json_builder_set_member_name (builder, "events");
      json_builder_begin_array (builder);
      for (guint e = 0; e < result->events->len; e++)
        json_builder_add_value (builder, cab_event_to_json (g_ptr_array_index (result->events, e)));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "slot");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, result->slot_text != NULL ? result->slot_text : "");
      json_builder_set_member_name (builder, "html");
      json_builder_add_string_value (builder, result->slot_html != NULL ? result->slot_html : "");
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "snapshots");
      json_builder_add_value (builder, json_node_init_object (json_node_alloc (), result->snapshots));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static char *
problem_line (const CabProblem *problem)
{
  g_autofree char *location = NULL;

  /* The whole file, as compilers print it, for a CI log's readers and its link finders: the
   * runner reports a local widget's files by their path. */
  if (problem->file != NULL && problem->line > 0)
    location = g_strdup_printf ("%s:%u", problem->file, problem->line);
  else if (problem->file != NULL)
    location = g_strdup (problem->file);

  return g_strdup_printf ("%-7s %s%s%s: %s", problem->severity != NULL ? problem->severity : "error", problem->code,
                          location != NULL ? " " : "", location != NULL ? location : "",
                          problem->message != NULL ? problem->message : "");
}

char *
cab_check_report_to_junit (GPtrArray *results)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_autoptr(GString) cases = g_string_new (NULL);
  guint failures = 0;
  double total = 0;

  for (guint i = 0; i < results->len; i++)
    {
      CabCheckResult *result = g_ptr_array_index (results, i);
      g_autoptr(GString) errors = g_string_new (NULL);
      g_autoptr(GString) warnings = g_string_new (NULL);
      g_autofree char *name = g_markup_escape_text (result->source, -1);
      const CabProblem *first_error = NULL;

      total += result->seconds;
      for (guint p = 0; p < result->problems->len; p++)
        {
          const CabProblem *problem = g_ptr_array_index (result->problems, p);
          g_autofree char *line = problem_line (problem);
          gboolean is_error = g_strcmp0 (problem->severity, "warning") != 0;

          if (is_error && first_error == NULL)
            first_error = problem;
          g_string_append_printf (is_error ? errors : warnings, "%s\n", line);
        }

      g_string_append_printf (cases, "    <testcase classname=\"cabinet-inspector.check\" name=\"%s\" time=\"%.3f\">\n",
                              name, result->seconds);
      /* One failure per widget, carrying every error: CI systems show a testcase's first
       * failure element and would hide the others. */
      if (first_error != NULL)
        {
          g_autofree char *type = g_markup_escape_text (first_error->code, -1);
          g_autofree char *message = g_markup_escape_text (first_error->message != NULL ? first_error->message : "", -1);
          g_autofree char *body = g_markup_escape_text (errors->str, -1);

          failures++;
          g_string_append_printf (cases, "      <failure type=\"%s\" message=\"%s\">%s</failure>\n", type, message, body);
        }
      if (warnings->len > 0)
        {
          g_autofree char *body = g_markup_escape_text (warnings->str, -1);

          g_string_append_printf (cases, "      <system-out>%s</system-out>\n", body);
        }
      g_string_append (cases, "    </testcase>\n");
    }

  g_string_append_printf (xml, "<testsuites name=\"cabinet-inspector --check\" tests=\"%u\" failures=\"%u\" errors=\"0\" time=\"%.3f\">\n",
                          results->len, failures, total);
  g_string_append_printf (xml, "  <testsuite name=\"cabinet-inspector\" tests=\"%u\" failures=\"%u\" errors=\"0\" skipped=\"0\" time=\"%.3f\">\n",
                          results->len, failures, total);
  g_string_append (xml, cases->str);
  g_string_append (xml, "  </testsuite>\n</testsuites>\n");

  return g_string_free (g_steal_pointer (&xml), FALSE);
}

char *
cab_check_report_to_text (GPtrArray *results)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint failed = 0;

  for (guint i = 0; i < results->len; i++)
    {
      CabCheckResult *result = g_ptr_array_index (results, i);
      gboolean ok = cab_check_result_is_ok (result);

      if (!ok)
        failed++;
      /* Translators: the first word of a widget's line in the --check report. */
      g_string_append_printf (text, "%s %s (%.1f s)\n", ok ? _("PASS") : _("FAIL"), result->source, result->seconds);
      for (guint p = 0; p < result->problems->len; p++)
        {
          g_autofree char *line = problem_line (g_ptr_array_index (result->problems, p));

          g_string_append_printf (text, "  %s\n", line);
        }
    }

  if (failed == 0)
    g_string_append_printf (text, ngettext ("%u widget checked, no errors\n", "%u widgets checked, no errors\n", results->len),
                            results->len);
  else
    g_string_append_printf (text, ngettext ("%u of %u widget has errors\n", "%u of %u widgets have errors\n", results->len),
                            failed, results->len);

  return g_string_free (g_steal_pointer (&text), FALSE);
}
