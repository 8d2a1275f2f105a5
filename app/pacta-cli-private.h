/* pacta-cli-private.h — what the subcommand files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pacta-agreement.h"
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

/* What `pacta check` prints, shared with `pacta library check` (pacta-cli-check.c). */
typedef struct
{
  char           *file;       /* what the output calls the agreement: a path, "#12" */
  PactaAgreement *agreement;
  GPtrArray      *coverages;  /* PactaCoverage */
} PactaCliChecked;

PactaCliChecked *_pacta_cli_checked_new             (const char      *file,
                                                     PactaAgreement  *agreement);
void             _pacta_cli_checked_free            (gpointer         data);
gboolean         _pacta_cli_choose_guidelines       (GHashTable      *bundled,
                                                     char           **args,
                                                     GPtrArray       *chosen,
                                                     const char      *command);
GPtrArray       *_pacta_cli_guidelines_for          (GHashTable      *bundled,
                                                     GPtrArray       *chosen,
                                                     PactaAgreement  *agreement);
void             _pacta_cli_print_checked           (GPtrArray       *checked,
                                                     const char      *format);

/* Subcommands, one file each. */
int _pacta_cli_check       (int    argc,
                            char **argv);
int _pacta_cli_library     (int    argc,
                            char **argv);
int _pacta_cli_chart       (int    argc,
                            char **argv);
int _pacta_cli_report      (int    argc,
                            char **argv);
int _pacta_cli_run_compare (int    argc,
                            char **argv);
/* pacta import (pacta-cli-import.c) */
int      _pacta_cli_run_import    (int              argc,
                                   char           **argv);

G_END_DECLS
