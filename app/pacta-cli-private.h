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

/* pacta import (pacta-cli-import.c) */
int      _pacta_cli_run_import    (int              argc,
                                   char           **argv);

G_END_DECLS
