/* pacta-import-preview.h — an imported text beside its detected structure, to correct
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pacta-import.h"

G_BEGIN_DECLS

#define PACTA_TYPE_IMPORT_PREVIEW (pacta_import_preview_get_type ())

G_DECLARE_FINAL_TYPE (PactaImportPreview, pacta_import_preview, PACTA, IMPORT_PREVIEW, GtkWidget)

GtkWidget        *pacta_import_preview_new                (void);
PactaImportDraft *pacta_import_preview_get_draft          (PactaImportPreview *self);
void              pacta_import_preview_set_draft          (PactaImportPreview *self,
                                                           PactaImportDraft   *draft);
PactaImportNode  *pacta_import_preview_get_selected_node  (PactaImportPreview *self);
void              pacta_import_preview_select_node        (PactaImportPreview *self,
                                                           PactaImportNode    *node);
int               pacta_import_preview_get_selected_line  (PactaImportPreview *self);
void              pacta_import_preview_select_line        (PactaImportPreview *self,
                                                           guint               line);
gboolean          pacta_import_preview_get_show_import    (PactaImportPreview *self);
void              pacta_import_preview_set_show_import    (PactaImportPreview *self,
                                                           gboolean            show_import);
PactaAgreement   *pacta_import_preview_build_agreement    (PactaImportPreview *self);

G_END_DECLS
