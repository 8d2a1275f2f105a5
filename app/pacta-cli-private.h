/* pacta-cli-private.h — what the subcommand files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pacta-cli.h"

G_BEGIN_DECLS

/* Parses options, printing "pacta: message" on failure. */
gboolean _pacta_cli_parse_options (GOptionContext  *context,
                                   int             *argc,
                                   char          ***argv);

/* Subcommands, one file each. */
int _pacta_cli_check (int    argc,
                      char **argv);
int _pacta_cli_run_compare (int    argc,
                            char **argv);

G_END_DECLS
