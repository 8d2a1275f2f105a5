/* pacta-output.h — writing exported files whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean pacta_output_check_writable (const char  *path,
                                      GError     **error);
gboolean pacta_output_write          (const char  *path,
                                      GBytes      *bytes,
                                      GError     **error);
gboolean pacta_output_write_string   (const char  *path,
                                      const char  *text,
                                      GError     **error);

G_END_DECLS
