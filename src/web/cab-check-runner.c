/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The headless check: one widget in one fresh cabinet (page, bridge and state model as in
 * the window), driven through a scenario, its every event kept for the report.
 *
 * It is written as straight-line code that spins the main context while it waits, each wait
 * bounded by the timeout, rather than as a chain of callbacks: a check is a batch job that
 * owns the process, and the order of a scenario reads best as the order of the code. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cab-cabinet.h"
#include "cab-check-runner.h"

/* After each step the widget has settled once its lifecycle has been idle this long: long
 * enough for a subscriber's re-render or a Promise it started. */
#define SETTLE_QUIET_MS 50
/* A page that has not answered a trivial script in this long is stuck. The question is asked
 * within the timeout (a fifth of it, up to this), so a hung widget ends within --timeout. */
#define PAGE_ANSWER_MS 1000
/* The cabinet page itself starts in about half a second; it is not the widget's time. */
#define PAGE_START_MS 30000
/* Slot text quoted in an expectation's message. */
#define QUOTED_TEXT_MAX 200

struct _CabCheckRunner
{
  GObject      parent_instance;
  char        *state_data;
  CabScenario *scenario;  /* borrowed; NULL: the default steps, made per widget */
  guint        timeout_ms;
};

G_DEFINE_FINAL_TYPE (CabCheckRunner, cab_check_runner, G_TYPE_OBJECT)

/* One widget's run. */
typedef struct
{
  CabCheckRunner *runner;
  CabState       *state;
  CabCabinet     *cabinet;
  char           *widget_id;
  char           *label;
  double          started_at;   /* real time, ms: lifecycle times count from here */
  char           *crash;        /* why the page went away, when it did */
  /* A local widget is served from a loopback URL that means nothing once the run is over:
   * files under @served_base are reported under @local_root instead. */
  char           *served_base;
  char           *local_root;
  gboolean        stopped;      /* a timeout or crash ended the run early */
} Run;

static void
run_clear (Run *run)
{
  g_clear_object (&run->cabinet);
  g_clear_object (&run->state);
  g_clear_pointer (&run->widget_id, g_free);
  g_clear_pointer (&run->label, g_free);
  g_clear_pointer (&run->crash, g_free);
  g_clear_pointer (&run->served_base, g_free);
  g_clear_pointer (&run->local_root, g_free);
}

/* A problem the runner itself finds goes into the cabinet's event log, as the page's do: the
 * log stays the one record of the run, in the order things happened. */
static void
report (Run        *run,
        const char *code,
        const char *message)
{
  g_autoptr(CabEvent) event = cab_event_new (CAB_EVENT_KIND_PROBLEM, CAB_EVENT_LEVEL_ERROR,
                                             run->widget_id != NULL ? run->widget_id : "", code, message);

  cab_event_set_widget_label (event, run->label);
  cab_event_log_append (cab_cabinet_get_event_log (run->cabinet), event);
}

static gboolean
wake_up (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

typedef gboolean (*Condition) (Run *run, gpointer data);

/* Spins the main context until @done holds, the page crashes, or the deadline (monotonic µs)
 * passes. */
static gboolean
wait_until (Run       *run,
            Condition  done,
            gpointer   data,
            gint64     deadline)
{
  guint tick = g_timeout_add (10, wake_up, NULL);
  gboolean result;

  while (!(result = done (run, data)) && run->crash == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);

  return result;
}

static gint64
deadline_after (guint ms)
{
  return g_get_monotonic_time () + (gint64) ms * 1000;
}

static guint
answer_ms (Run *run)
{
  return CLAMP (run->runner->timeout_ms / 5, 1, PAGE_ANSWER_MS);
}

/* How long the widget may take for a step: the timeout, less the time asking whether the page
 * still answers takes when it did not. */
static guint
step_ms (Run *run)
{
  return run->runner->timeout_ms - answer_ms (run);
}

/* What the app has queued for the page (a state push runs in an idle) goes out first. */
static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef struct
{
  gboolean  done;
  gboolean  abandoned;  /* the waiter gave up: the reply frees this */
  JSCValue *value;
  GError   *error;
} JsCall;

static void
js_call_free (JsCall *call)
{
  g_clear_object (&call->value);
  g_clear_error (&call->error);
  g_free (call);
}

static void
js_call_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  JsCall *call = user_data;

  call->value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (source), result,
                                                                       &call->error);
  call->done = TRUE;
  if (call->abandoned)
    js_call_free (call);
}

static gboolean
js_call_is_done (Run     *run,
                 gpointer data)
{
  return ((JsCall *) data)->done;
}

typedef enum
{
  JS_OK,
  JS_FAILED,     /* the script threw, or the page went away */
  JS_TIMED_OUT,  /* no answer in time */
} JsOutcome;

/* Runs @body (the body of an async function; @args, an a{sv} or NULL, are its parameters)
 * and parses what it returns as JSON into @result. */
static JsOutcome
run_js (Run         *run,
        const char  *body,
        GVariant    *args,
        guint        timeout_ms,
        JsonNode   **result)
{
  JsCall *call = g_new0 (JsCall, 1);
  JsOutcome outcome;

  drain ();
  webkit_web_view_call_async_javascript_function (cab_cabinet_get_view (run->cabinet), body, -1, args,
                                                  NULL, NULL, NULL, js_call_done, call);
  if (!wait_until (run, js_call_is_done, call, deadline_after (timeout_ms)))
    {
      call->abandoned = TRUE;
      return JS_TIMED_OUT;
    }

  outcome = call->error == NULL ? JS_OK : JS_FAILED;
  if (call->error != NULL)
    g_debug ("A script of the check failed: %s", call->error->message);
  if (outcome == JS_OK && result != NULL)
    {
      g_autofree char *json = jsc_value_is_undefined (call->value) ? NULL : jsc_value_to_json (call->value, 0);

      *result = json != NULL ? json_from_string (json, NULL) : NULL;
    }
  js_call_free (call);

  return outcome;
}

static GVariant *
js_args (const char *first_name,
         ...) G_GNUC_NULL_TERMINATED;

/* Name, GVariant, …, NULL: the parameters of a run_js() body. */
static GVariant *
js_args (const char *first_name,
         ...)
{
  GVariantDict dict;
  va_list args;

  g_variant_dict_init (&dict, NULL);
  va_start (args, first_name);
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    g_variant_dict_insert_value (&dict, name, va_arg (args, GVariant *));
  va_end (args);

  return g_variant_dict_end (&dict);
}

/* Whether the widget's lifecycle step @name is in the log. */
static gboolean
logged_lifecycle (Run        *run,
                  const char *name)
{
  GListModel *log = G_LIST_MODEL (cab_cabinet_get_event_log (run->cabinet));

  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(CabEvent) event = g_list_model_get_item (log, i);

      if (cab_event_get_kind (event) == CAB_EVENT_KIND_LIFECYCLE && g_str_equal (cab_event_get_name (event), name))
        return TRUE;
    }

  return FALSE;
}

/* Why a start that did not end is stuck, from what the page logged, when the page answers. */
static char *
describe_slow_start (Run *run)
{
  if (!logged_lifecycle (run, "module"))
    return g_strdup_printf (_("The widget’s script, or a module it requires, was still loading after %u ms."),
                            run->runner->timeout_ms);
  return g_strdup_printf (_("The Promise initLead returned had not settled after %u ms."), run->runner->timeout_ms);
}

/* A timeout ends the run. Whether the page still answers tells a widget that waits forever
 * (a Promise that never settles) from one that never gives the page back (an endless loop):
 * that page is stopped, since nothing will run in it again. @what: "while …", or NULL for
 * the widget's start. */
static void
timed_out (Run        *run,
           const char *what)
{
  g_autofree char *cause = NULL;
  g_autofree char *message = NULL;
  gboolean hung;

  /* The page's last entries tell how far the widget got. */
  hung = run_js (run, "window.CabinetEvents.flushNow(); return 1;", NULL, answer_ms (run), NULL) == JS_TIMED_OUT;
  drain ();

  /* Set first: the page this stops is not a crash to report. */
  run->stopped = TRUE;
  if (hung)
    {
      /* Translators: %s is "while the widget was starting (…)" or the like. */
      cause = g_strdup_printf (_("The page stopped answering %s: a script of the widget ran for more than %u ms "
                                 "without end (an endless loop?). Its web process was stopped."),
                               what != NULL ? what : _("while the widget was starting (its script, initLead or registerWidgetsBarSlot)"),
                               run->runner->timeout_ms);
      cab_cabinet_stop_page (run->cabinet);
    }
  else if (what == NULL)
    {
      cause = describe_slow_start (run);
    }
  else
    {
      /* Translators: %s is "while steps[2] reloaded the widget" or the like. */
      cause = g_strdup_printf (_("Still waiting after %u ms %s: a callback or a Promise of the widget never settled."),
                               run->runner->timeout_ms, what);
    }
  /* Translators: a timeout's cause, then what it means for the run. */
  message = g_strdup_printf (_("%s The rest of this widget’s run was skipped."), cause);
  report (run, "timeout", message);
}

/* Waits for the widget's callbacks and the page's log to settle after an action. */
static void
settle (Run        *run,
        const char *what)
{
  if (run_js (run, "return window.CabinetCheck.settle(quietMs);",
              js_args ("quietMs", g_variant_new_uint32 (SETTLE_QUIET_MS), NULL),
              step_ms (run), NULL) == JS_TIMED_OUT)
    timed_out (run, what);
  /* Entries the page just sent are handled before anyone reads the log. */
  drain ();
}

static gboolean
page_is_ready (Run     *run,
               gpointer data)
{
  return cab_cabinet_is_ready (run->cabinet);
}

/* The widget has run (or failed) its start: @data is the load count to go past. */
static gboolean
widget_has_started (Run     *run,
                    gpointer data)
{
  const CabWidgetInfo *info = cab_cabinet_find_widget (run->cabinet, run->widget_id);

  return info != NULL && info->loads > GPOINTER_TO_UINT (data) && g_strcmp0 (info->state, "loading") != 0;
}

static gboolean
widget_is_gone (Run     *run,
                gpointer data)
{
  return cab_cabinet_find_widget (run->cabinet, run->widget_id) == NULL;
}

static gboolean
never (Run     *run,
       gpointer data)
{
  return FALSE;
}

static void
on_page_crashed (Run        *run,
                 const char *message)
{
  if (run->crash == NULL && !run->stopped)
    run->crash = g_strdup (message);
}

/* The slot as a person sees it: rendered text and markup. */
static gboolean
read_slot (Run    *run,
           char  **text,
           char  **html)
{
  g_autoptr(JsonNode) slot = NULL;
  JsonObject *object;

  if (run_js (run, "return window.CabinetCheck.slot(id);",
              js_args ("id", g_variant_new_string (run->widget_id), NULL),
              step_ms (run), &slot) != JS_OK ||
      slot == NULL || !JSON_NODE_HOLDS_OBJECT (slot))
    return FALSE;

  object = json_node_get_object (slot);
  *text = g_strdup (json_object_get_string_member_with_default (object, "text", ""));
  *html = g_strdup (json_object_get_string_member_with_default (object, "html", ""));
  return TRUE;
}

static void
expectation_failed (Run        *run,
                    guint       index,
                    const char *message)
{
  /* Translators: "steps[3]: " and what did not hold. */
  g_autofree char *text = g_strdup_printf (_("steps[%u]: %s"), index, message);

  report (run, "expectation-failed", text);
}

/* Text as a person reads it: every run of white space (line breaks, tabs, and the no-break
 * spaces toLocaleString() puts in "1 250 000") is one plain space, none at the ends. Both the
 * slot and the expected text are compared this way: they look the same, so they match. */
static char *
normalize_space (const char *text)
{
  GString *result = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR)
        {
          space = result->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (result, ' ');
      space = FALSE;
      g_string_append_unichar (result, c);
    }

  return g_string_free (result, FALSE);
}

static char *
quote_text (const char *text)
{
  if (g_utf8_strlen (text, -1) > QUOTED_TEXT_MAX)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, QUOTED_TEXT_MAX);

      return g_strconcat (cut, "…", NULL);
    }
  return g_strdup (text);
}

static void
expect_slot_text (Run        *run,
                  guint       index,
                  const char *expected)
{
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;
  g_autofree char *slot = NULL;
  g_autofree char *needle = NULL;
  g_autofree char *message = NULL;
  g_autofree char *quoted = NULL;

  if (!read_slot (run, &text, &html))
    return;
  slot = normalize_space (text);
  needle = normalize_space (expected);
  if (strstr (slot, needle) != NULL)
    return;

  quoted = quote_text (slot);
  message = *slot == '\0' ? g_strdup_printf (_("expectSlotText: the slot has no text, so not “%s”"), expected)
                           : g_strdup_printf (_("expectSlotText: the slot does not contain “%s”; it reads “%s”"),
                                              expected, quoted);
  expectation_failed (run, index, message);
}

static void
click (Run        *run,
       guint       index,
       const char *selector)
{
  g_autoptr(JsonNode) reply = NULL;
  const char *refusal;

  if (run_js (run, "return window.CabinetCheck.click(id, selector);",
              js_args ("id", g_variant_new_string (run->widget_id),
                       "selector", g_variant_new_string (selector), NULL),
              step_ms (run), &reply) == JS_TIMED_OUT)
    {
      g_autofree char *what = g_strdup_printf (_("while steps[%u] clicked “%s”"), index, selector);

      timed_out (run, what);
      return;
    }

  refusal = reply != NULL && JSON_NODE_HOLDS_OBJECT (reply)
            ? json_object_get_string_member_with_default (json_node_get_object (reply), "error", NULL) : NULL;
  if (refusal != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("click: %s"), refusal);

      expectation_failed (run, index, message);
    }
}

static void
reload (Run   *run,
        guint  index)
{
  const CabWidgetInfo *info = cab_cabinet_find_widget (run->cabinet, run->widget_id);
  guint loads = info != NULL ? info->loads : 0;

  cab_cabinet_reload_widget (run->cabinet, run->widget_id);
  if (!wait_until (run, widget_has_started, GUINT_TO_POINTER (loads), deadline_after (step_ms (run))) &&
      run->crash == NULL)
    {
      g_autofree char *what = g_strdup_printf (_("while steps[%u] reloaded the widget"), index);

      timed_out (run, what);
    }
}

static void
run_step (Run                   *run,
          guint                  index,
          const CabScenarioStep *step)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *what = g_strdup_printf (_("while the widget settled after steps[%u]"), index);

  switch (step->kind)
    {
    case CAB_SCENARIO_SET_PATCH:
    case CAB_SCENARIO_SET_VALUE:
    case CAB_SCENARIO_SWITCH_LEAD:
    case CAB_SCENARIO_SET_ONLINE:
      /* The scenario was checked against this state before the run: a refusal here is a
       * bug of the check, not of the widget. */
      if (!cab_scenario_step_apply (step, run->state, &error))
        g_critical ("steps[%u] was refused: %s", index, error->message);
      break;
    case CAB_SCENARIO_RELOAD:
      reload (run, index);
      break;
    case CAB_SCENARIO_WAIT:
      wait_until (run, never, NULL, deadline_after (step->ms));
      break;
    case CAB_SCENARIO_NOTIFY:
      if (!cab_cabinet_fire_notification (run->cabinet, step->text, json_node_get_object (step->value), &error))
        expectation_failed (run, index, error->message);
      break;
    case CAB_SCENARIO_SET_CALLING:
      cab_cabinet_set_calling (run->cabinet, step->flag);
      break;
    case CAB_SCENARIO_CLICK:
      click (run, index, step->text);
      break;
    case CAB_SCENARIO_EXPECT_SLOT_TEXT:
      expect_slot_text (run, index, step->text);
      break;
    case CAB_SCENARIO_SNAPSHOT:
    default:
      break;
    }

  if (!run->stopped && run->crash == NULL)
    settle (run, what);
}

/* Where a problem is, as the developer finds it: a file of a local widget by its path
 * (relative to the current folder when it is under it, as they typed it), anything else as
 * the page named it. The URL comes from the page, so the path is checked to stay in the
 * widget's folder. */
static char *
reported_file (Run        *run,
               const char *file)
{
  g_autofree char *relative = NULL;
  g_autofree char *path = NULL;
  g_autofree char *current = NULL;

  if (file == NULL || run->served_base == NULL || !g_str_has_prefix (file, run->served_base))
    return g_strdup (file);

  relative = g_uri_unescape_segment (file + strlen (run->served_base), strpbrk (file + strlen (run->served_base), "?#"), NULL);
  if (relative == NULL)
    return g_strdup (file);
  path = g_canonicalize_filename (relative, run->local_root);
  if (!g_str_has_prefix (path, run->local_root) || path[strlen (run->local_root)] != G_DIR_SEPARATOR)
    return g_strdup (file);

  current = g_get_current_dir ();
  if (g_str_has_prefix (path, current) && path[strlen (current)] == G_DIR_SEPARATOR)
    return g_strdup (path + strlen (current) + 1);
  return g_steal_pointer (&path);
}

/* Everything the cabinet logged becomes the report: the events as they are, lifecycle steps
 * timed from the start of the run, and problems (the page reports each once). */
static void
collect (Run            *run,
         CabCheckResult *result)
{
  GListModel *log = G_LIST_MODEL (cab_cabinet_get_event_log (run->cabinet));

  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(CabEvent) event = g_list_model_get_item (log, i);

      cab_check_result_add_event (result, event);
      if (cab_event_get_kind (event) == CAB_EVENT_KIND_LIFECYCLE)
        cab_check_result_add_lifecycle (result, cab_event_get_name (event), cab_event_get_lead_id (event),
                                        round ((cab_event_get_time (event) - run->started_at) * 10) / 10);
      else if (cab_event_get_kind (event) == CAB_EVENT_KIND_PROBLEM)
        {
          g_autofree char *file = reported_file (run, cab_event_get_file (event));
          CabProblem problem = {
            .code = (char *) cab_event_get_name (event),
            .severity = (char *) (cab_event_get_level (event) == CAB_EVENT_LEVEL_ERROR ? "error" : "warning"),
            .message = (char *) cab_event_get_message (event),
            .file = file,
            .line = cab_event_get_line (event),
            .column = cab_event_get_column (event),
          };

          cab_check_result_add_problem (result, &problem);
        }
    }
}

static void
run_steps (Run            *run,
           CabScenario    *scenario,
           CabCheckResult *result)
{
  for (guint i = 0; i < cab_scenario_get_n_steps (scenario) && !run->stopped && run->crash == NULL; i++)
    {
      const CabScenarioStep *step = cab_scenario_get_step (scenario, i);

      run_step (run, i, step);
      if (step->kind == CAB_SCENARIO_SNAPSHOT && !run->stopped && run->crash == NULL)
        {
          g_autofree char *text = NULL;
          g_autofree char *html = NULL;

          if (read_slot (run, &text, &html))
            cab_check_result_add_snapshot (result, step->text, text, html);
        }
    }
}

/* The loopback URL a local widget is served from, and its folder. */
static void
remember_local_files (Run             *run,
                      CabWidgetSource *source)
{
  const char *script = cab_cabinet_get_widget_script (run->cabinet, run->widget_id);
  const char *slash;

  if (cab_widget_source_get_kind (source) == CAB_WIDGET_SOURCE_URL || script == NULL ||
      (slash = strrchr (script, '/')) == NULL)
    return;
  run->served_base = g_strndup (script, slash - script + 1);
  run->local_root = g_canonicalize_filename (cab_widget_source_get_root (source), NULL);
}

static void
run_widget (Run             *run,
            CabWidgetSource *source,
            CabCheckResult  *result)
{
  CabCheckRunner *self = run->runner;
  g_autoptr(CabScenario) default_steps = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;

  cab_cabinet_load (run->cabinet);
  if (!wait_until (run, page_is_ready, NULL, deadline_after (PAGE_START_MS)))
    {
      g_autofree char *message = g_strdup_printf (_("The cabinet page did not start in %u ms"), PAGE_START_MS);

      report (run, "load-failed", run->crash != NULL ? run->crash : message);
      return;
    }

  run->widget_id = cab_cabinet_add_widget (run->cabinet, source, &error);
  if (run->widget_id == NULL)
    {
      report (run, "load-failed", error->message);
      return;
    }
  remember_local_files (run, source);

  /* Load → initLead (first lead) → registerWidgetsBarSlot, then settle. */
  if (!wait_until (run, widget_has_started, GUINT_TO_POINTER (0), deadline_after (step_ms (run))))
    {
      if (run->crash == NULL)
        timed_out (run, NULL);
    }
  else
    {
      settle (run, _("while the widget settled after it started"));
    }

  if (self->scenario == NULL)
    default_steps = cab_scenario_new_default (run->state);
  run_steps (run, self->scenario != NULL ? self->scenario : default_steps, result);

  if (run->crash != NULL)
    {
      report (run, "load-failed", run->crash);
      return;
    }
  if (run->stopped)
    return;

  /* The slot after the last step, before destroy. */
  if (read_slot (run, &text, &html))
    cab_check_result_set_slot (result, text, html);

  /* Destroy: the slot's destroy function, then initLead's cleanup; the page then says what
   * subscriptions were left. */
  cab_cabinet_remove_widget (run->cabinet, run->widget_id);
  if (!wait_until (run, widget_is_gone, NULL, deadline_after (step_ms (run))))
    {
      if (run->crash == NULL)
        timed_out (run, _("while the widget was destroyed (its slot destroy function and initLead cleanup)"));
      return;
    }
  settle (run, _("while the page settled after the widget was destroyed"));
}

CabCheckResult *
cab_check_runner_run_widget (CabCheckRunner  *self,
                             CabWidgetSource *source,
                             const char      *argument)
{
  g_autoptr(CabCheckResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { .runner = self };
  gint64 started = g_get_monotonic_time ();

  g_return_val_if_fail (CAB_IS_CHECK_RUNNER (self), NULL);
  g_return_val_if_fail (CAB_IS_WIDGET_SOURCE (source), NULL);

  result = cab_check_result_new (argument);
  run.started_at = g_get_real_time () / 1000.0;
  run.label = g_strdup (cab_widget_source_get_label (source));
  run.state = cab_state_new ();
  /* The caller checked the state before any widget ran. */
  if (!cab_state_load_data (run.state, self->state_data, -1, "state", &error))
    g_error ("The checked state no longer loads: %s", error->message);

  run.cabinet = cab_cabinet_new_headless (run.state);
  /* A check runs the code as it was when it started. */
  cab_cabinet_set_hot_reload (run.cabinet, FALSE);
  g_signal_connect_swapped (run.cabinet, "page-crashed", G_CALLBACK (on_page_crashed), &run);

  run_widget (&run, source, result);
  collect (&run, result);
  cab_check_result_set_duration (result, (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);

  g_signal_handlers_disconnect_by_data (run.cabinet, &run);
  /* A stopped page may still be on its way out: it must not take the next widget's with it. */
  cab_cabinet_stop_page (run.cabinet);
  run_clear (&run);

  return g_steal_pointer (&result);
}

static void
cab_check_runner_finalize (GObject *object)
{
  CabCheckRunner *self = CAB_CHECK_RUNNER (object);

  g_free (self->state_data);

  G_OBJECT_CLASS (cab_check_runner_parent_class)->finalize (object);
}

static void
cab_check_runner_class_init (CabCheckRunnerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cab_check_runner_finalize;
}

static void
cab_check_runner_init (CabCheckRunner *self)
{
}

CabCheckRunner *
cab_check_runner_new (const char  *state_data,
                      CabScenario *scenario,
                      guint        timeout_ms)
{
  CabCheckRunner *self;

  g_return_val_if_fail (state_data != NULL, NULL);
  g_return_val_if_fail (timeout_ms > 0, NULL);

  self = g_object_new (CAB_TYPE_CHECK_RUNNER, NULL);
  self->state_data = g_strdup (state_data);
  self->scenario = scenario;
  self->timeout_ms = timeout_ms;

  return self;
}
