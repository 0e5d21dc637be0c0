/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cab-problem.h"

G_DEFINE_BOXED_TYPE (CabProblem, cab_problem, cab_problem_copy, cab_problem_free)

/* The page is untrusted: take only strings and numbers of the expected types, and cap their
 * length so a hostile page cannot make the window render megabytes of text. */
#define MAX_TEXT 4096

static char *
dup_member_string (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  const char *value;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  value = json_node_get_string (node);
  if (value == NULL || *value == '\0')
    return NULL;
  if (!g_utf8_validate (value, -1, NULL))
    return NULL;

  return g_utf8_substring (value, 0, MIN (g_utf8_strlen (value, -1), MAX_TEXT));
}

static guint
get_member_uint (JsonObject *object,
                 const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  if (json_node_get_value_type (node) != G_TYPE_INT64 && json_node_get_value_type (node) != G_TYPE_DOUBLE)
    return 0;

  return (guint) CLAMP (json_node_get_double (node), 0, G_MAXINT);
}

CabProblem *
cab_problem_new_from_json (JsonObject *object)
{
  CabProblem *problem;

  g_return_val_if_fail (object != NULL, NULL);

  problem = g_new0 (CabProblem, 1);
  problem->code = dup_member_string (object, "code");
  if (problem->code == NULL)
    problem->code = g_strdup ("unknown");
  {
    g_autofree char *severity = dup_member_string (object, "severity");

    /* Anything but a warning counts as an error: an unknown severity must not hide a failure. */
    problem->severity = g_strdup (g_strcmp0 (severity, "warning") == 0 ? "warning" : "error");
  }
  problem->title = dup_member_string (object, "title");
  problem->message = dup_member_string (object, "message");
  if (problem->message == NULL)
    problem->message = g_strdup (problem->code);
  problem->file = dup_member_string (object, "file");
  problem->line = get_member_uint (object, "line");
  problem->column = get_member_uint (object, "column");

  return problem;
}

CabProblem *
cab_problem_copy (const CabProblem *problem)
{
  CabProblem *copy = g_new0 (CabProblem, 1);

  copy->code = g_strdup (problem->code);
  copy->severity = g_strdup (problem->severity);
  copy->title = g_strdup (problem->title);
  copy->message = g_strdup (problem->message);
  copy->file = g_strdup (problem->file);
  copy->line = problem->line;
  copy->column = problem->column;

  return copy;
}

void
cab_problem_free (CabProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->code);
  g_free (problem->severity);
  g_free (problem->title);
  g_free (problem->message);
  g_free (problem->file);
  g_free (problem);
}

/* "personal_page.js:7:3", the file's base name only: full URLs make the window unreadable. */
char *
cab_problem_dup_location (const CabProblem *problem)
{
  g_autofree char *base = NULL;
  const char *slash;

  if (problem->file == NULL)
    return NULL;

  slash = strrchr (problem->file, '/');
  base = g_strdup (slash != NULL && slash[1] != '\0' ? slash + 1 : problem->file);
  if (problem->line == 0)
    return g_steal_pointer (&base);
  if (problem->column == 0)
    return g_strdup_printf ("%s:%u", base, problem->line);

  return g_strdup_printf ("%s:%u:%u", base, problem->line, problem->column);
}

/* The problem's title in the app's language. The page titles problems in the cabinet's
 * language (sys.lang), which need not be the developer's. */
const char *
cab_problem_get_title (const CabProblem *problem)
{
  static const struct { const char *code, *title; } titles[] = {
    { "load-failed", N_("Could not load") },
    { "syntax-error", N_("Syntax error") },
    { "not-amd-module", N_("Not an AMD module") },
    { "no-callbacks-object", N_("No callbacks object") },
    { "missing-initLead", N_("No initLead") },
    { "missing-registerWidgetsBarSlot", N_("No registerWidgetsBarSlot") },
    { "callback-threw", N_("A callback threw") },
    { "callback-rejected", N_("Promise rejected") },
    { "cleanup-not-function", N_("Not a function returned") },
    { "timeout", N_("Timed out") },
    { "unknown-module", N_("Unknown module") },
    { "unknown-sdk-member", N_("Not in the SDK") },
    { "sdk-version-missing", N_("SDK version missing") },
    { "sdk-version-unsupported", N_("SDK version unsupported") },
    { "manifest-invalid", N_("Manifest problem") },
    { "leaked-subscription", N_("Subscription left live") },
    { "expectation-failed", N_("Expectation failed") },
  };

  g_return_val_if_fail (problem != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_strcmp0 (titles[i].code, problem->code) == 0)
      return _(titles[i].title);

  /* A code this version does not know: the page's own title, or the code itself. */
  return problem->title != NULL ? problem->title : problem->code;
}
