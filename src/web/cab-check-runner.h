/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cab-check-report.h"
#include "cab-scenario.h"
#include "cab-widget-source.h"

G_BEGIN_DECLS

/* `cabinet-inspector --check`: runs one widget at a time in a fresh headless cabinet, through
 * load → initLead → registerWidgetsBarSlot → the scenario's steps → destroy, and reports what
 * happened (cab-check-report.h). */
#define CAB_CHECK_RUNNER_DEFAULT_TIMEOUT 10000

#define CAB_TYPE_CHECK_RUNNER (cab_check_runner_get_type ())

G_DECLARE_FINAL_TYPE (CabCheckRunner, cab_check_runner, CAB, CHECK_RUNNER, GObject)

/* @state_data: the starting state, as a state file holds it (already checked: every widget
 * starts from a fresh copy of it). @scenario: the steps, or NULL for the default ones; it
 * must outlive the runner. @timeout_ms: how long the widget may take to start, each step to
 * settle, and the destroy to finish. */
CabCheckRunner *cab_check_runner_new        (const char       *state_data,
                                             CabScenario      *scenario,
                                             guint             timeout_ms);
/* Runs the widget to the end and returns what happened. It spins the thread-default main
 * context while it waits: the check is a batch job that owns the process's main loop. */
CabCheckResult *cab_check_runner_run_widget (CabCheckRunner   *self,
                                             CabWidgetSource  *source,
                                             const char       *argument);

G_END_DECLS
