/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hot reload benchmark (issue 5): from a save to the new code rendered in the widget's slot
 * and the window's next frame painted, p50 and p95 over SAVES saves:
 *  - folder mode, the file written as an editor does (a new file renamed over the old);
 *  - URL mode, a local http server whose script changes, polled at the default interval;
 * next to the baseline measured in the same run: the same reload asked for by hand
 * (cab_cabinet_reload_widget), which costs everything but noticing the change.
 *
 * usage: bench-hot-reload [SAVES]   (default 30) */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "cab-test-util.h"

#define WAIT_US (20 * G_USEC_PER_SEC)

static const char widget_template[] =
  "define(['amocrm-sdk', 'jquery'], function (initAmocrmWidgetSdk, $) {\n"
  "  const sdk = initAmocrmWidgetSdk({ version: '1.0.0' });\n"
  "  return {\n"
  "    initLead () { return () => {}; },\n"
  "    registerWidgetsBarSlot (el) {\n"
  "      $(el).html(`<b>VERSION</b> lead ${sdk.methods.getState('lead').id}`);\n"
  "      return () => $(el).empty();\n"
  "    },\n"
  "  };\n"
  "});\n";

static char *
widget_text (const char *version)
{
  g_autoptr(GString) text = g_string_new (widget_template);

  g_string_replace (text, "VERSION", version, 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Waits for load number @loads to be over, then for the window's next painted frame; checks
 * that the slot shows @version. */
static void
wait_rendered (CabTestCabinet *test,
               const char     *id,
               guint           loads,
               const char     *version)
{
  gint64 start = g_get_monotonic_time ();
  g_autofree char *check = NULL;

  for (;;)
    {
      const CabWidgetInfo *info = cab_cabinet_find_widget (test->cabinet, id);

      if (info != NULL && info->loads >= loads && g_strcmp0 (info->state, "ready") == 0)
        break;
      if (g_get_monotonic_time () - start > WAIT_US)
        g_error ("load %u of %s did not happen", loads, id);
      g_main_context_iteration (NULL, TRUE);
    }
  cab_test_wait_frame (test->window);

  check = g_strdup_printf ("(document.querySelector('.cab-widget[data-widget-id=\"%s\"] b') || {}).textContent === '%s'",
                           id, version);
  cab_test_wait_js (test, check);
}

static void
report (const char *what,
        GArray     *values)
{
  g_print ("  %-52s p50 %6.1f ms   p95 %6.1f ms\n", what, cab_test_percentile (values, 0.50), cab_test_percentile (values, 0.95));
}

/* Reloads by hand, @count times: the floor under any hot reload. */
static GArray *
measure_manual (CabTestCabinet *test,
                const char     *id,
                guint          *loads,
                const char     *version,
                guint           count)
{
  GArray *values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < count; i++)
    {
      double t0 = cab_test_now_ms (), elapsed;

      cab_cabinet_reload_widget (test->cabinet, id);
      wait_rendered (test, id, ++*loads, version);
      elapsed = cab_test_now_ms () - t0;
      g_array_append_val (values, elapsed);
    }

  return values;
}

static void
bench_folder (guint saves)
{
  g_autoptr(CabTestCabinet) test = cab_test_cabinet_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("cab-bench-reload-XXXXXX", &error);
  g_autofree char *script = g_build_filename (folder, "personal_page.js", NULL);
  g_autofree char *first = widget_text ("v0");
  g_autofree char *id = NULL;
  g_autoptr(GArray) manual = NULL;
  g_autoptr(GArray) hot = g_array_new (FALSE, FALSE, sizeof (double));
  guint loads = 1;

  g_assert_no_error (error);
  g_file_set_contents (script, first, -1, &error);
  g_assert_no_error (error);
  id = cab_test_add_widget (test, script);
  wait_rendered (test, id, 1, "v0");

  manual = measure_manual (test, id, &loads, "v0", saves);
  for (guint i = 1; i <= saves; i++)
    {
      g_autofree char *version = g_strdup_printf ("v%u", i);
      g_autofree char *text = widget_text (version);
      double t0, elapsed;

      /* Saves a developer makes are seconds apart; the next one waits for quiet. */
      cab_test_spin (100);
      /* Saved once the write returns (it includes the fsync an editor's save does too). */
      g_file_set_contents (script, text, -1, &error);
      g_assert_no_error (error);
      t0 = cab_test_now_ms ();
      wait_rendered (test, id, ++loads, version);
      elapsed = cab_test_now_ms () - t0;
      g_array_append_val (hot, elapsed);
    }

  g_print ("Folder mode, %u saves (goal: p50 <= 50 ms, p95 <= 120 ms):\n", saves);
  report ("baseline: reload by hand -> slot rendered", manual);
  report ("file saved -> new content rendered in the slot", hot);
  cab_test_remove_tree (folder);
}

static void
serve_version (CabTestDevServer *dev,
               const char       *version)
{
  g_autofree char *text = widget_text (version);
  g_autofree char *etag = g_strdup_printf ("\"%s\"", version);

  cab_test_dev_server_set_file (dev, "/personal_page.js", text, etag);
}

static void
bench_url (guint saves)
{
  g_autoptr(CabTestCabinet) test = cab_test_cabinet_new ();
  g_autoptr(CabTestDevServer) dev = cab_test_dev_server_new ();
  g_autofree char *url = cab_test_dev_server_dup_url (dev, "/personal_page.js");
  g_autofree char *id = NULL;
  g_autoptr(GArray) manual = NULL;
  g_autoptr(GArray) hot = g_array_new (FALSE, FALSE, sizeof (double));
  guint loads = 1;

  serve_version (dev, "u0");
  id = cab_test_add_widget (test, url);
  wait_rendered (test, id, 1, "u0");
  manual = measure_manual (test, id, &loads, "u0", saves);

  for (guint i = 1; i <= saves; i++)
    {
      g_autofree char *version = g_strdup_printf ("u%u", i);
      double t0, elapsed;

      /* A save lands at any moment of the poll cycle: wait a varying time first. */
      cab_test_spin (100 + g_random_int_range (0, 250));
      t0 = cab_test_now_ms ();
      serve_version (dev, version);
      wait_rendered (test, id, ++loads, version);
      elapsed = cab_test_now_ms () - t0;
      g_array_append_val (hot, elapsed);
    }

  g_print ("URL mode, a local http server, polled every %u ms, %u saves (goal: p50 <= 200 ms):\n",
           cab_cabinet_get_poll_interval (test->cabinet), saves);
  report ("baseline: reload by hand -> slot rendered", manual);
  report ("script changed -> new content rendered in the slot", hot);
  cab_cabinet_remove_widget (test->cabinet, id);
}

int
main (int   argc,
      char *argv[])
{
  guint saves;

  cab_test_init (&argc, &argv);
  saves = argc > 1 ? (guint) atoi (argv[1]) : 30;

  bench_folder (saves);
  bench_url (saves);
  return 0;
}
