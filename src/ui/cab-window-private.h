/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What cab-window.c (the cabinet, its banners) and cab-window-state.c (the state panels, the
 * lead selector, files, undo) share. */
#pragma once

#include "cab-autosave.h"
#include "cab-cabinet.h"
#include "cab-source-history.h"
#include "cab-window.h"

G_BEGIN_DECLS

typedef enum
{
  PAGE_BANNER_NONE,
  PAGE_BANNER_CRASHED,       /* the button reloads the page */
  PAGE_BANNER_UNRESPONSIVE,  /* the button stops the web process */
} PageBanner;

struct _CabWindow
{
  AdwApplicationWindow  parent_instance;

  CabState             *state;
  CabCabinet           *cabinet;
  CabAutosave          *autosave;
  GFile                *state_file;      /* where Save writes; NULL until Open or Save As */
  gboolean              state_modified;  /* edits since the file was opened or saved */
  GPtrArray            *lead_ids;
  gboolean              panels_started;  /* pages are built once the cabinet has started */
  guint                 panels_timeout;        /* the lead selector's items, in order */
  gboolean              updating_leads;  /* the selector is being refilled, not chosen from */
  char                 *source_location;
  GSettings            *settings;
  CabSourceHistory     *source_history;
  char                 *demo_widget_id;  /* the bundled demo while it runs, or NULL */
  AdwToast             *source_toast;    /* why the last source was refused (weak) */
  PageBanner            page_banner;
  guint                 spinner_timeout;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkDropDown          *lead_dropdown;
  GMenu                *sources_menu;
  GtkSpinner           *loading_spinner;
  GtkRevealer          *problems_revealer;
  GtkLabel             *problems_label;
  GtkRevealer          *page_revealer;
  GtkLabel             *page_label;
  GtkButton            *page_button;
  GtkPaned             *paned;
  GtkWidget            *panels;
  AdwViewStack         *panel_stack;
  GtkRevealer          *refusal_revealer;
  GtkLabel             *refusal_label;
  AdwBin               *view_bin;
  GtkPaned             *log_paned;
  AdwBin               *event_log_bin;  /* holds the event log view once it was shown */
  GtkSwitch            *calling_switch;
  gboolean              event_log_sized;
};

void cab_window_state_class_init (GtkWidgetClass *widget_class);
void cab_window_state_init       (CabWindow      *self);
void cab_window_state_dispose    (CabWindow      *self);
void cab_window_update_subtitle  (CabWindow      *self);
void cab_window_start_panels     (CabWindow      *self);
void cab_window_sources_class_init (GtkWidgetClass *widget_class);
void cab_window_sources_init     (CabWindow      *self);
void cab_window_update_polling   (CabWindow      *self);
void cab_window_update_widget_status (CabWindow  *self);

G_END_DECLS
