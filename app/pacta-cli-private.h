/* pacta-cli-private.h — what the subcommand files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pacta-agreement.h"
#include "pacta-cli.h"

G_BEGIN_DECLS

/* Parses options, printing "pacta: message" on failure. */
gboolean _pacta_cli_parse_options (GOptionContext  *context,
                                   int             *argc,
                                   char          ***argv);

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
GHashTable      *_pacta_cli_load_bundled_guidelines (void);
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
int _pacta_cli_run_compare (int    argc,
                            char **argv);

G_END_DECLS
