/* pacta-cli-report.c — pacta report: a PDF briefing, and the coverage matrix as CSV and JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-cli-report"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pacta-cli-private.h"

int
_pacta_cli_report (int    argc,
                   char **argv)
{
  fprintf (stderr, "pacta report: not yet\n");
  return 2;
}
