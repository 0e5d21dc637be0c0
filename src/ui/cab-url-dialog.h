/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Asks for a widget's http(s) URL (a dev server's personal_page.js) and how often hot reload
 * checks it. Open is only possible with a URL the app can run; anything else is explained in
 * the dialog, which stays open with the text as typed. Its "response::open" says when. */
#define CAB_TYPE_URL_DIALOG (cab_url_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CabUrlDialog, cab_url_dialog, CAB, URL_DIALOG, AdwMessageDialog)

/* @settings: the app's settings, whose "poll-interval-ms" the dialog edits; or NULL. */
CabUrlDialog *cab_url_dialog_new     (GtkWindow    *parent,
                                      GSettings    *settings);
/* What was typed, without the spaces around it. */
char         *cab_url_dialog_dup_url (CabUrlDialog *self);

G_END_DECLS
