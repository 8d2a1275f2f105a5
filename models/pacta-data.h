/* pacta-data.h — where the bundled guidelines and sample agreements live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *pacta_data_dir         (void);
GPtrArray  *pacta_data_list_files  (const char *subdir);

G_END_DECLS
