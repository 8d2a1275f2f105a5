/* pacta-cli.h — the headless command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean pacta_cli_handles (int    argc,
                            char **argv);
int      pacta_cli_run     (int    argc,
                            char **argv);

G_END_DECLS
