/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `cabinet-inspector --check`: the command line of the headless check. Everything the user
 * gave is checked before the first widget runs (exit status 2, a message that names the
 * mistake), so that a CI job fails at once on a typo rather than after minutes. */
#include "config.h"

#include <glib/gi18n.h>

#include "cab-check-command.h"
#include "cab-check-runner.h"
#include "cab-state.h"

#define EXIT_OK 0
#define EXIT_PROBLEMS 1
#define EXIT_USAGE 2

/* A wait longer than this is a mistake in the command, not a slow widget. */
#define MAX_TIMEOUT_MS (10 * 60 * 1000)

static int
usage_error (GApplicationCommandLine *command_line,
             const char              *message)
{
  g_application_command_line_printerr (command_line, "cabinet-inspector --check: %s\n", message);
  return EXIT_USAGE;
}

static char *
path_for_arg (GApplicationCommandLine *command_line,
              const char              *argument)
{
  g_autoptr(GFile) file = NULL;

  /* URLs are taken as they are; paths are relative to where the command ran. */
  if (g_str_has_prefix (argument, "http://") || g_str_has_prefix (argument, "https://"))
    return g_strdup (argument);
  file = g_application_command_line_create_file_for_arg (command_line, argument);
  return g_file_get_path (file);
}

/* The starting state as text: --state, the scenario's own, or the default fixture. Each is
 * loaded once here, so a broken one is a usage error and not every widget's. */
static char *
starting_state (GApplicationCommandLine  *command_line,
                const char               *state_argument,
                CabScenario              *scenario,
                GError                  **error)
{
  g_autoptr(CabState) state = NULL;

  if (state_argument != NULL && scenario != NULL && cab_scenario_get_state (scenario) != NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("%s has a “state” of its own: give it or --state, not both"),
                   cab_scenario_get_source_name (scenario));
      return NULL;
    }

  if (state_argument != NULL)
    {
      g_autofree char *path = path_for_arg (command_line, state_argument);

      state = cab_state_new ();
      if (path == NULL || !cab_state_load_file (state, path, error))
        return NULL;
    }
  else if (scenario != NULL && cab_scenario_get_state (scenario) != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s: state", cab_scenario_get_source_name (scenario));
      g_autofree char *text = json_to_string (cab_scenario_get_state (scenario), FALSE);

      state = cab_state_new ();
      if (!cab_state_load_data (state, text, -1, name, error))
        return NULL;
    }
  else
    {
      state = cab_state_new_default (error);
      if (state == NULL)
        return NULL;
    }

  return cab_state_to_data (state);
}

/* What the state would refuse halfway through a run, found before it starts. */
static gboolean
check_scenario (CabScenario  *scenario,
                const char   *state_data,
                GError      **error)
{
  g_autoptr(CabState) scratch = cab_state_new ();
  g_autoptr(CabScenario) default_steps = NULL;

  if (!cab_state_load_data (scratch, state_data, -1, "state", error))
    return FALSE;
  if (scenario == NULL)
    scenario = default_steps = cab_scenario_new_default (scratch);

  return cab_scenario_check_against (scenario, scratch, error);
}

static char *
format_report (const char *format,
               GPtrArray  *results)
{
  if (g_str_equal (format, "json"))
    return cab_check_report_to_json (results);
  if (g_str_equal (format, "junit"))
    return cab_check_report_to_junit (results);
  return cab_check_report_to_text (results);
}

int
cab_check_command_run (GApplicationCommandLine *command_line,
                       GVariantDict            *options,
                       const char * const      *arguments)
{
  const char *scenario_argument = NULL;
  const char *state_argument = NULL;
  const char *output_argument = NULL;
  const char *format = "text";
  const char *timeout_argument = NULL;
  guint64 timeout_ms = CAB_CHECK_RUNNER_DEFAULT_TIMEOUT;
  g_autoptr(CabScenario) scenario = NULL;
  g_autoptr(CabCheckRunner) runner = NULL;
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) cab_check_result_free);
  g_autofree char *state_data = NULL;
  g_autofree char *output_path = NULL;
  g_autofree char *report = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  g_variant_dict_lookup (options, "scenario", "^&ay", &scenario_argument);
  g_variant_dict_lookup (options, "state", "^&ay", &state_argument);
  g_variant_dict_lookup (options, "output", "^&ay", &output_argument);
  g_variant_dict_lookup (options, "format", "&s", &format);
  g_variant_dict_lookup (options, "timeout", "&s", &timeout_argument);

  if (arguments == NULL || arguments[0] == NULL)
    return usage_error (command_line, _("give the widgets to check: folders, .js files or http(s) URLs (see --help)"));
  if (!g_strv_contains ((const char * const[]) { "text", "json", "junit", NULL }, format))
    {
      g_autofree char *message = g_strdup_printf (_("--format is text, json or junit, not “%s”"), format);

      return usage_error (command_line, message);
    }
  if (timeout_argument != NULL &&
      !g_ascii_string_to_unsigned (timeout_argument, 10, 1, MAX_TIMEOUT_MS, &timeout_ms, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("--timeout is a number of milliseconds from 1 to %d"), MAX_TIMEOUT_MS);

      return usage_error (command_line, message);
    }

  if (scenario_argument != NULL)
    {
      g_autofree char *path = path_for_arg (command_line, scenario_argument);

      scenario = cab_scenario_new_from_file (path, &error);
      if (scenario == NULL)
        return usage_error (command_line, error->message);
    }

  state_data = starting_state (command_line, state_argument, scenario, &error);
  if (state_data == NULL || !check_scenario (scenario, state_data, &error))
    return usage_error (command_line, error->message);

  for (guint i = 0; arguments[i] != NULL; i++)
    {
      g_autofree char *path = path_for_arg (command_line, arguments[i]);
      CabWidgetSource *source = cab_widget_source_new_for_argument (path != NULL ? path : arguments[i], &error);

      if (source == NULL)
        return usage_error (command_line, error->message);
      g_ptr_array_add (sources, source);
    }

  if (output_argument != NULL)
    {
      g_autofree char *folder = NULL;

      output_path = path_for_arg (command_line, output_argument);
      folder = output_path != NULL ? g_path_get_dirname (output_path) : NULL;
      if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *message = g_strdup_printf (_("--output: the folder of “%s” does not exist"), output_argument);

          return usage_error (command_line, message);
        }
    }

  runner = cab_check_runner_new (state_data, scenario, (guint) timeout_ms);
  for (guint i = 0; i < sources->len; i++)
    {
      CabCheckResult *result = cab_check_runner_run_widget (runner, g_ptr_array_index (sources, i), arguments[i]);

      ok = ok && cab_check_result_is_ok (result);
      g_ptr_array_add (results, result);
    }

  report = format_report (format, results);
  if (output_path != NULL)
    {
      if (!g_file_set_contents (output_path, report, -1, &error))
        return usage_error (command_line, error->message);
    }
  else
    {
      g_application_command_line_print (command_line, "%s", report);
    }

  return ok ? EXIT_OK : EXIT_PROBLEMS;
}
