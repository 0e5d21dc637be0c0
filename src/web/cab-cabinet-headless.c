/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The cabinet of `--check` (cab_cabinet_new_headless()): the same page, never shown, made to
 * run as it would on screen. */
#include "config.h"

#include "cab-cabinet-private.h"

/* A headless cabinet (--check) is never shown, and WebKit treats a page nobody sees as a
 * background tab: its timers are throttled to once a second and requestAnimationFrame never
 * runs. A widget must behave as it does on screen, so the throttling is off and animation
 * frames come from a timer at the display's pace. */
static const char * const HEADLESS_FEATURES_OFF[] = {
  "HiddenPageDOMTimerThrottling",
  "PageVisibilityBasedProcessSuppression",
  "HiddenPageCSSAnimationSuspension",
  NULL
};

#define HEADLESS_ANIMATION_FRAMES \
  "window.requestAnimationFrame = (callback) => setTimeout(() => callback(performance.now()), 16);\n" \
  "window.cancelAnimationFrame = (id) => clearTimeout(id);\n"

void
cab_cabinet_headless_prepare_settings (CabCabinet     *self,
                                       WebKitSettings *settings)
{
  g_autoptr(WebKitFeatureList) features = webkit_settings_get_all_features ();
  g_autoptr(WebKitUserScript) frames = NULL;

  for (gsize i = 0; i < webkit_feature_list_get_length (features); i++)
    {
      WebKitFeature *feature = webkit_feature_list_get (features, i);

      if (g_strv_contains (HEADLESS_FEATURES_OFF, webkit_feature_get_identifier (feature)))
        webkit_settings_set_feature_enabled (settings, feature, FALSE);
    }

  frames = webkit_user_script_new (HEADLESS_ANIMATION_FRAMES, WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                   WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_START, NULL, NULL);
  webkit_user_content_manager_add_script (self->content_manager, frames);
}

/* A view in no window has no size, and the cabinet's layout (and a widget that measures its
 * slot) would see a page 0 pixels wide: it gets the size of a laptop's window. */
#define HEADLESS_WIDTH 1280
#define HEADLESS_HEIGHT 800

void
cab_cabinet_headless_prepare_view (CabCabinet *self)
{
  GtkWidget *view = GTK_WIDGET (self->view);
  int minimum, natural;

  /* GTK allocates only what was measured. */
  gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, HEADLESS_WIDTH, &minimum, &natural, NULL, NULL);
  gtk_widget_size_allocate (view, &(GtkAllocation) { 0, 0, HEADLESS_WIDTH, HEADLESS_HEIGHT }, -1);
}
