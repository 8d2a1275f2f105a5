/* pacta-library-import.h — what an import did, file by file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pacta-library-types.h"

G_BEGIN_DECLS

#define PACTA_TYPE_IMPORT_RESULT (pacta_import_result_get_type ())

G_DECLARE_FINAL_TYPE (PactaImportResult, pacta_import_result, PACTA, IMPORT_RESULT, GObject)

const char         *pacta_import_result_get_path          (PactaImportResult *self);
PactaImportOutcome  pacta_import_result_get_outcome       (PactaImportResult *self);
gint64              pacta_import_result_get_agreement_id  (PactaImportResult *self);
gint64              pacta_import_result_get_other_version (PactaImportResult *self);
const char         *pacta_import_result_get_title         (PactaImportResult *self);
const char         *pacta_import_result_get_message       (PactaImportResult *self);

#define PACTA_TYPE_IMPORT_REPORT (pacta_import_report_get_type ())

G_DECLARE_FINAL_TYPE (PactaImportReport, pacta_import_report, PACTA, IMPORT_REPORT, GObject)

GListModel         *pacta_import_report_get_results       (PactaImportReport *self);
guint               pacta_import_report_get_n_added       (PactaImportReport *self);
guint               pacta_import_report_get_n_duplicates  (PactaImportReport *self);
guint               pacta_import_report_get_n_failed      (PactaImportReport *self);
gboolean            pacta_import_report_get_cancelled     (PactaImportReport *self);

/* Called after each file, in the thread that started the import (the main thread for
 * pacta_library_import_async()); @done counts the files finished so far, of @total. */
typedef void (*PactaLibraryImportProgressFunc) (PactaImportResult *result,
                                                guint              done,
                                                guint              total,
                                                gpointer           user_data);

G_END_DECLS
