/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Runs `--check` with the parsed @options on the WIDGET @arguments; returns the exit status:
 * 0 when no widget has an error, 1 when one has, 2 on a usage error (said on stderr). */
int cab_check_command_run (GApplicationCommandLine *command_line,
                           GVariantDict            *options,
                           const char * const      *arguments);

G_END_DECLS
