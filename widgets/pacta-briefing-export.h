/* pacta-briefing-export.h — File ▸ Export Briefing: choose, write the PDF in a thread, tell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pacta-agreement.h"
#include "pacta-guideline.h"
#include "pacta-report.h"

G_BEGIN_DECLS

#define PACTA_TYPE_BRIEFING_EXPORT (pacta_briefing_export_get_type ())

G_DECLARE_FINAL_TYPE (PactaBriefingExport, pacta_briefing_export, PACTA, BRIEFING_EXPORT, GObject)

/* Called on the main thread as the work goes: @fraction from 0 to 1, and what is being done. */
typedef void (*PactaBriefingProgress) (double      fraction,
                                       const char *text,
                                       gpointer    user_data);

PactaBriefingExport *pacta_briefing_export_new           (GtkWindow           *parent,
                                                          AdwToastOverlay     *overlay,
                                                          PactaAgreement      *current,
                                                          GListModel          *agreements,
                                                          GListModel          *guidelines);
void                 pacta_briefing_export_present       (PactaBriefingExport *self);
GtkWindow           *pacta_briefing_export_get_dialog    (PactaBriefingExport *self);
void                 pacta_briefing_export_set_all       (PactaBriefingExport *self,
                                                          gboolean             all);
void                 pacta_briefing_export_set_guideline (PactaBriefingExport *self,
                                                          PactaGuideline      *guideline);
void                 pacta_briefing_export_set_paper     (PactaBriefingExport *self,
                                                          PactaPaper           paper);
void                 pacta_briefing_export_start         (PactaBriefingExport *self,
                                                          const char          *path);
void                 pacta_briefing_export_cancel        (PactaBriefingExport *self);
gboolean             pacta_briefing_export_is_running    (PactaBriefingExport *self);
const char          *pacta_briefing_export_get_saved_path (PactaBriefingExport *self);
guint                pacta_briefing_export_get_n_pages   (PactaBriefingExport *self);
const GError        *pacta_briefing_export_get_error     (PactaBriefingExport *self);

/* The work itself: each agreement held against @guidelines (empty: those suggested for its
 * kind, looked up in @available), the briefing laid out and written to @path. */
void                 pacta_briefing_write_async          (GPtrArray             *agreements,
                                                          GPtrArray             *guidelines,
                                                          GListModel            *available,
                                                          PactaPaper             paper,
                                                          const char            *title,
                                                          const char            *path,
                                                          GCancellable          *cancellable,
                                                          PactaBriefingProgress  progress,
                                                          gpointer               progress_data,
                                                          GAsyncReadyCallback    callback,
                                                          gpointer               user_data);
gboolean             pacta_briefing_write_finish         (GAsyncResult          *result,
                                                          guint                 *n_pages,
                                                          GError               **error);

G_END_DECLS
