/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CAB_ERROR (cab_error_quark ())

typedef enum
{
  CAB_ERROR_INVALID_STATE,    /* a state file that is not valid JSON or has the wrong shape */
  CAB_ERROR_INVALID_SOURCE,   /* a widget argument that is no URL, .js file or widget folder */
  CAB_ERROR_INVALID_SCENARIO, /* a --check scenario file that is not valid JSON or has a bad step */
  CAB_ERROR_FAILED,
} CabError;

GQuark cab_error_quark (void);

G_END_DECLS
