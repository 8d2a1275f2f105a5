/* pacta-cli-private.h — what the subcommand files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pacta-cli.h"
#include "pacta-guideline.h"

G_BEGIN_DECLS

/* Parses options, printing "pacta: message" on failure. */
gboolean _pacta_cli_parse_options (GOptionContext  *context,
                                   int             *argc,
                                   char          ***argv);

/* Shared by the subcommands (pacta-cli-common.c). */
GHashTable     *_pacta_cli_load_bundled_guidelines (void);
PactaGuideline *_pacta_cli_find_guideline          (GHashTable  *bundled,
                                                    const char  *id_or_file,
                                                    GError     **error);
GPtrArray      *_pacta_cli_load_agreements         (char       **files,
                                                    int          n_files,
                                                    int         *failures);
const char     *_pacta_cli_default_guideline       (GPtrArray   *agreements);

/* Subcommands, one file each. */
int _pacta_cli_check       (int    argc,
                            char **argv);
int _pacta_cli_chart       (int    argc,
                            char **argv);
int _pacta_cli_report      (int    argc,
                            char **argv);
int _pacta_cli_run_compare (int    argc,
                            char **argv);

G_END_DECLS
