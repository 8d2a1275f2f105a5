/* pacta-report.h — the briefing: agreements' coverage as a PDF to hand over
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pacta-coverage.h"
#include "pacta-report-flow.h"

G_BEGIN_DECLS

#define PACTA_TYPE_REPORT (pacta_report_get_type ())

G_DECLARE_FINAL_TYPE (PactaReport, pacta_report, PACTA, REPORT, GObject)

PactaReport *pacta_report_new            (void);
void         pacta_report_set_title      (PactaReport    *self,
                                          const char     *title);
void         pacta_report_set_paper      (PactaReport    *self,
                                          PactaPaper      paper);
void         pacta_report_set_date       (PactaReport    *self,
                                          GDateTime      *date);
void         pacta_report_add_coverage   (PactaReport    *self,
                                          PactaCoverage  *coverage);
GPtrArray   *pacta_report_get_coverages  (PactaReport    *self);
GBytes      *pacta_report_render         (PactaReport    *self,
                                          guint          *n_pages,
                                          GError        **error);
gboolean     pacta_report_write          (PactaReport    *self,
                                          const char     *path,
                                          guint          *n_pages,
                                          GError        **error);

G_END_DECLS
