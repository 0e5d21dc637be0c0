/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What went wrong with a widget, as the page reports it. The codes are stable: they are
 * shown to the developer and, later, printed by the headless check. */
typedef struct
{
  char *code;       /* "syntax-error", "load-failed", … */
  char *severity;   /* "error" or "warning" */
  char *title;      /* a short human title, in the cabinet's language */
  char *message;    /* names the cause */
  char *file;       /* may be NULL */
  guint line;       /* 0 when unknown */
  guint column;     /* 0 when unknown */
} CabProblem;

#define CAB_TYPE_PROBLEM (cab_problem_get_type ())

GType       cab_problem_get_type      (void) G_GNUC_CONST;
CabProblem *cab_problem_new_from_json (JsonObject       *object);
CabProblem *cab_problem_copy          (const CabProblem *problem);
void        cab_problem_free          (CabProblem       *problem);
char       *cab_problem_dup_location  (const CabProblem *problem);
const char *cab_problem_get_title     (const CabProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CabProblem, cab_problem_free)

G_END_DECLS
