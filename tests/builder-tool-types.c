/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Preloaded into gtk4-builder-tool by test-builder-tool.sh: the tool only knows GTK's own
 * types, and our .ui files are built of libadwaita's and GtkSourceView's too. Registering them
 * before the tool's main() runs lets it validate every object and property of our files. */
#include <adwaita.h>
#include <gtksourceview/gtksource.h>

void cab_builder_tool_types_init (void) __attribute__ ((constructor));

void
cab_builder_tool_types_init (void)
{
  adw_init ();
  gtk_source_init ();
}
