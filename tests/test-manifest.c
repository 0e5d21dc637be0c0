/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The manifest checks against a catalogue of widget folders (tests/manifests/, one mistake
 * each): every problem is found by its name, in its file, with what it says. */
#include "config.h"

#include <string.h>

#include "cab-manifest.h"

typedef struct
{
  const char *folder;
  const char *checks;         /* the problems' names in order, "," between them */
  const char *first_file;     /* where the first one is */
  guint       first_line;
  const char *message_part;   /* in the first one's message */
} Case;

static const Case cases[] = {
  { "good", "", NULL, 0, NULL },
  { "no-manifest", "manifest-missing", "manifest.json", 0, "no manifest.json" },
  { "manifest-syntax", "manifest-unreadable", "manifest.json", 4, "could not be read" },
  { "manifest-array", "manifest-unreadable", "manifest.json", 0, "not a JSON object" },
  { "no-widget", "widget-missing", "manifest.json", 0, "\"widget\"" },
  { "widget-incomplete", "code-missing,version-missing", "manifest.json", 0, "widget.code" },
  { "wrong-locations", "locations-missing", "manifest.json", 0, "\"card\", \"settings\"" },
  { "no-script", "script-missing", "personal_page.js", 0, "personal_page.js" },
  { "i18n-broken", "i18n-unreadable", "i18n/en.json", 2, "i18n/en.json" },
  { "i18n-keys", "i18n-keys-differ,i18n-keys-differ", "i18n/en.json", 0, "widget.extra" },
  { "name-untranslated", "name-untranslated", "manifest.json", 0, "widget.title" },
};

static char *
checks_of (GPtrArray *problems)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? "," : "",
                            ((CabManifestProblem *) g_ptr_array_index (problems, i))->check);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *folder = g_build_filename (TESTS_SOURCE_DIR, "manifests", c->folder, NULL);
  g_autoptr(GPtrArray) problems = cab_manifest_check (folder);
  g_autofree char *checks = checks_of (problems);
  CabManifestProblem *first;

  g_assert_cmpstr (checks, ==, c->checks);
  if (problems->len == 0)
    return;

  first = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (first->file, ==, c->first_file);
  g_assert_cmpuint (first->line, ==, c->first_line);
  if (strstr (first->message, c->message_part) == NULL)
    g_error ("“%s” is not in “%s”", c->message_part, first->message);
}

/* Keys a translation lacks are named, the first few, and the rest counted. */
static void
test_missing_keys_named (void)
{
  g_autofree char *folder = g_build_filename (TESTS_SOURCE_DIR, "manifests", "i18n-keys", NULL);
  g_autoptr(GPtrArray) problems = cab_manifest_check (folder);
  CabManifestProblem *ru;

  g_assert_cmpuint (problems->len, ==, 2);
  ru = g_ptr_array_index (problems, 1);
  g_assert_cmpstr (ru->file, ==, "i18n/ru.json");
  g_assert_nonnull (strstr (ru->message, "widget.description, widget.extra, widget.short_description"));
}

/* The bundled demo widget is what a good widget looks like. */
static void
test_demo_widget (void)
{
  g_autofree char *folder = g_build_filename (TESTS_SOURCE_DIR, "..", "data", "demo-widget", NULL);
  g_autoptr(GPtrArray) problems = cab_manifest_check (folder);
  g_autofree char *checks = checks_of (problems);

  g_assert_cmpstr (checks, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/manifest/%s", cases[i].folder);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/manifest/missing-keys-named", test_missing_keys_named);
  g_test_add_func ("/manifest/demo-widget", test_demo_widget);

  return g_test_run ();
}
