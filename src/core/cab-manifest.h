/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What is wrong with a widget folder, as amoCRM would refuse its archive: the manifest, the
 * client cabinet's script, and the translations. */
typedef struct
{
  const char *check;    /* stable name: see cab_manifest_check() */
  char       *message;  /* names the cause, translated */
  char       *file;     /* relative to the folder, e.g. "i18n/en.json" */
  guint       line;     /* 0 when unknown */
  guint       column;   /* 0 when unknown */
} CabManifestProblem;

void       cab_manifest_problem_free (CabManifestProblem *problem);

/* Every problem of the widget folder @folder, in the order found; an empty array when it is
 * a good personal_page widget. The checks, by name:
 *   manifest-missing, manifest-unreadable (not JSON, with line and column; or not an object),
 *   widget-missing (no "widget" object), name-missing, code-missing, version-missing (each a
 *   non-empty string in "widget"), locations-missing (no "locations" list with
 *   "personal_page"), script-missing (no personal_page.js beside manifest.json),
 *   i18n-unreadable (an i18n/<lang>.json that is not a JSON object), i18n-keys-differ (a
 *   translation that lacks keys another one has, each named as a dotted path),
 *   name-untranslated (the name is an i18n key, e.g. "widget.name", that a translation lacks). */
GPtrArray *cab_manifest_check        (const char         *folder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CabManifestProblem, cab_manifest_problem_free)

G_END_DECLS
