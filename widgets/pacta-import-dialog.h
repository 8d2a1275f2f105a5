/* pacta-import-dialog.h — the modal window in which a document is read, previewed and fixed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pacta-import-preview.h"

G_BEGIN_DECLS

#define PACTA_TYPE_IMPORT_DIALOG (pacta_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PactaImportDialog, pacta_import_dialog, PACTA, IMPORT_DIALOG, AdwWindow)

PactaImportDialog  *pacta_import_dialog_new           (GtkWindow          *parent,
                                                       const char         *file_name);
const char         *pacta_import_dialog_get_file_name (PactaImportDialog  *self);
void                pacta_import_dialog_set_progress  (PactaImportDialog  *self,
                                                       guint               done,
                                                       guint               total);
PactaImportDraft   *pacta_import_dialog_get_draft     (PactaImportDialog  *self);
void                pacta_import_dialog_set_draft     (PactaImportDialog  *self,
                                                       PactaImportDraft   *draft);
PactaImportPreview *pacta_import_dialog_get_preview   (PactaImportDialog  *self);
gboolean            pacta_import_dialog_get_modified  (PactaImportDialog  *self);
void                pacta_import_dialog_set_busy      (PactaImportDialog  *self,
                                                       gboolean            busy);

G_END_DECLS
