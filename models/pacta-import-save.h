/* pacta-import-save.h — where an imported agreement is saved, and saving it safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pacta-agreement.h"

G_BEGIN_DECLS

char     *pacta_import_dup_default_dir    (void);
char     *pacta_import_suggest_file_name  (PactaAgreement  *agreement,
                                           const char      *source_path);
gboolean  pacta_import_check              (PactaAgreement  *agreement,
                                           const char      *path,
                                           char           **xml,
                                           GError         **error);
char     *pacta_import_save_new           (PactaAgreement  *agreement,
                                           const char      *dir,
                                           const char      *file_name,
                                           GError         **error);
gboolean  pacta_import_save_as            (PactaAgreement  *agreement,
                                           const char      *path,
                                           GError         **error);

G_END_DECLS
