/* pacta-importer.h — importing documents into the window: choose, read, preview, save, open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pacta-import-dialog.h"
#include "pacta-window.h"

G_BEGIN_DECLS

#define PACTA_TYPE_IMPORTER (pacta_importer_get_type ())

G_DECLARE_FINAL_TYPE (PactaImporter, pacta_importer, PACTA, IMPORTER, GObject)

PactaImporter     *pacta_importer_new                (PactaWindow   *window);
gboolean           pacta_importer_handles_path       (const char    *path);
void               pacta_importer_show_chooser       (PactaImporter *self);
void               pacta_importer_import_file        (PactaImporter *self,
                                                      GFile         *file);
void               pacta_importer_cancel             (PactaImporter *self);
void               pacta_importer_shutdown           (PactaImporter *self);

/* For the tests */
PactaImportDialog *_pacta_importer_import_file_sync  (PactaImporter *self,
                                                      GFile         *file);
void               _pacta_importer_wait              (PactaImporter *self);
gboolean           _pacta_importer_is_reading        (PactaImporter *self);
PactaImportDialog *_pacta_importer_get_dialog        (PactaImporter *self);
const char        *_pacta_importer_get_last_saved    (PactaImporter *self);
void               _pacta_importer_set_show_delay    (PactaImporter *self,
                                                      guint          milliseconds);

G_END_DECLS
