/* pacta-import.h — PDF, Word, ODT, HTML and text files to structured agreements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pacta-import-draft.h"
#include "pacta-import-node.h"
#include "pacta-import-save.h"
#include "pacta-import-source.h"
#include "pacta-import-types.h"

G_BEGIN_DECLS

/* Called from the reading thread: @done of @total steps (pages of a PDF) are read. */
typedef void (*PactaImportProgressFunc) (guint    done,
                                         guint    total,
                                         gpointer user_data);

PactaImportFormat   pacta_import_format_for_path  (const char         *path);
PactaImportFormat   pacta_import_sniff_file       (const char         *path);
PactaImportSource  *pacta_import_read_file        (const char         *path,
                                                   GError            **error);
PactaImportSource  *pacta_import_read_file_full   (const char         *path,
                                                   PactaImportFormat   format,
                                                   GCancellable       *cancellable,
                                                   PactaImportProgressFunc progress,
                                                   gpointer            user_data,
                                                   GError            **error);
PactaImportSource  *pacta_import_read_bytes       (GBytes             *bytes,
                                                   const char         *name,
                                                   PactaImportFormat   format,
                                                   GError            **error);
PactaImportDraft   *pacta_import_file             (const char         *path,
                                                   const char         *language,
                                                   GError            **error);

G_END_DECLS
