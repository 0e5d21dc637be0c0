/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cab-event.h"
#include "cab-problem.h"

G_BEGIN_DECLS

/* What `cabinet-inspector --check` learned about one widget, and the three forms it is
 * reported in: JSON for tools, JUnit XML for CI systems, text for people. */
typedef struct _CabCheckResult CabCheckResult;

CabCheckResult *cab_check_result_new           (const char           *source);
void            cab_check_result_free          (CabCheckResult       *self);
const char     *cab_check_result_get_source    (CabCheckResult       *self);
/* A problem is kept once (same code and message). */
void            cab_check_result_add_problem   (CabCheckResult       *self,
                                                const CabProblem     *problem);
GPtrArray      *cab_check_result_get_problems  (CabCheckResult       *self);
void            cab_check_result_add_lifecycle (CabCheckResult       *self,
                                                const char           *event,
                                                const char           *lead_id,
                                                double                ms);
void            cab_check_result_add_event     (CabCheckResult       *self,
                                                CabEvent             *event);
void            cab_check_result_set_slot      (CabCheckResult       *self,
                                                const char           *text,
                                                const char           *html);
void            cab_check_result_add_snapshot  (CabCheckResult       *self,
                                                const char           *name,
                                                const char           *text,
                                                const char           *html);
void            cab_check_result_set_duration  (CabCheckResult       *self,
                                                double                seconds);
/* FALSE when any problem has severity "error". */
gboolean        cab_check_result_is_ok         (CabCheckResult       *self);

/* @results: CabCheckResult, in the order the widgets ran. */
char           *cab_check_report_to_json       (GPtrArray            *results);
char           *cab_check_report_to_junit      (GPtrArray            *results);
char           *cab_check_report_to_text       (GPtrArray            *results);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CabCheckResult, cab_check_result_free)

G_END_DECLS
