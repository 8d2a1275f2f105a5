/* pacta-import-source.h — a document read for import: its paragraphs with layout hints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pacta-error.h"
#include "pacta-import-types.h"

G_BEGIN_DECLS

#define PACTA_TYPE_IMPORT_SOURCE (pacta_import_source_get_type ())

G_DECLARE_FINAL_TYPE (PactaImportSource, pacta_import_source, PACTA, IMPORT_SOURCE, GObject)

PactaImportSource     *pacta_import_source_new            (const char           *path,
                                                           PactaImportFormat     format);
PactaImportSource     *pacta_import_source_new_from_text  (const char           *text,
                                                           const char           *name);
const char            *pacta_import_source_get_path       (PactaImportSource    *self);
PactaImportFormat      pacta_import_source_get_format     (PactaImportSource    *self);
guint                  pacta_import_source_get_n_pages    (PactaImportSource    *self);
void                   pacta_import_source_set_n_pages    (PactaImportSource    *self,
                                                           guint                 n_pages);
guint                  pacta_import_source_get_n_lines    (PactaImportSource    *self);
PactaImportLine       *pacta_import_source_get_line       (PactaImportSource    *self,
                                                           guint                 index);
PactaImportLine       *pacta_import_source_add_line       (PactaImportSource    *self,
                                                           const char           *text,
                                                           PactaImportLineFlags  flags,
                                                           guint8                level);
void                   pacta_import_source_add_warning    (PactaImportSource    *self,
                                                           int                   line,
                                                           const char           *format,
                                                           ...) G_GNUC_PRINTF (3, 4);
GPtrArray             *pacta_import_source_get_warnings   (PactaImportSource    *self);
char                  *pacta_import_source_dup_text       (PactaImportSource    *self);

G_END_DECLS
