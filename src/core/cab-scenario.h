/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "cab-state.h"

G_BEGIN_DECLS

/* The steps of a `--check` scenario file (README, "Test your widget in CI"). */
typedef enum
{
  CAB_SCENARIO_SET_PATCH,          /* {"set": ENTITY, "patch": {…}} */
  CAB_SCENARIO_SET_VALUE,          /* {"set": ENTITY, "value": …} */
  CAB_SCENARIO_SWITCH_LEAD,        /* {"switchLead": LEAD_ID | "next"} */
  CAB_SCENARIO_RELOAD,             /* {"reload": true} */
  CAB_SCENARIO_WAIT,               /* {"wait": MS} */
  CAB_SCENARIO_NOTIFY,             /* {"notify": "call" | "error", "data": {…}} */
  CAB_SCENARIO_SET_ONLINE,         /* {"setOnline": USER_ID, "online": BOOL} */
  CAB_SCENARIO_SET_CALLING,        /* {"setCalling": BOOL} */
  CAB_SCENARIO_CLICK,              /* {"click": CSS_SELECTOR_IN_SLOT} */
  CAB_SCENARIO_EXPECT_SLOT_TEXT,   /* {"expectSlotText": SUBSTRING} */
  CAB_SCENARIO_SNAPSHOT,           /* {"snapshot": NAME} */
} CabScenarioStepKind;

/* A step as the file gave it, checked. */
typedef struct
{
  CabScenarioStepKind  kind;
  char                *entity;  /* SET_*: sys, lead, leadFields or authors */
  JsonNode            *value;   /* SET_PATCH: the patch (an object); SET_VALUE: the value;
                                 * NOTIFY: the data (an object) */
  char                *text;    /* SWITCH_LEAD: the lead id, NULL for "next"; NOTIFY: "call" or
                                 * "error"; SET_ONLINE: the user id; CLICK: the selector;
                                 * EXPECT_SLOT_TEXT: the substring; SNAPSHOT: the name */
  guint                ms;      /* WAIT */
  gboolean             flag;    /* SET_ONLINE: online; SET_CALLING: calling */
} CabScenarioStep;

/* A wait step waits at most this long: a scenario is a test, not a timer. */
#define CAB_SCENARIO_MAX_WAIT_MS (10 * 60 * 1000)

typedef struct _CabScenario CabScenario;

CabScenario           *cab_scenario_new_from_data (const char   *data,
                                                   gssize        length,
                                                   const char   *source_name,
                                                   GError      **error);
CabScenario           *cab_scenario_new_from_file (const char   *path,
                                                   GError      **error);
/* The steps of a check without --scenario (README): each public entity of @state changes
 * once, then the next lead, then a reload. */
CabScenario           *cab_scenario_new_default   (CabState     *state);
void                   cab_scenario_free          (CabScenario  *self);
/* The scenario's own starting state (the state file's format), or NULL. */
JsonNode              *cab_scenario_get_state     (CabScenario  *self);
/* The file's name as errors give it. */
const char            *cab_scenario_get_source_name (CabScenario *self);
guint                  cab_scenario_get_n_steps   (CabScenario  *self);
const CabScenarioStep *cab_scenario_get_step      (CabScenario  *self,
                                                   guint         index);

/* cab-scenario-apply.c: the steps that edit the state (set, switchLead, setOnline), applied as
 * the panels apply edits. Other steps change nothing here and succeed. */
gboolean               cab_scenario_step_edits_state (const CabScenarioStep *step);
gboolean               cab_scenario_step_apply    (const CabScenarioStep *step,
                                                   CabState     *state,
                                                   GError      **error);
/* Applies every state step to @state (a scratch copy) in order: what the state would refuse
 * halfway through a run is found before it starts. The error names the step:
 * "file: steps[2]: …", with code CAB_ERROR_INVALID_SCENARIO. */
gboolean               cab_scenario_check_against (CabScenario  *self,
                                                   CabState     *state,
                                                   GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CabScenario, cab_scenario_free)

G_END_DECLS
