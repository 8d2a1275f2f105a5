/* pacta-charts-view.h — the Charts view: a dashboard of coverage charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pacta-agreement.h"
#include "pacta-chart-card.h"
#include "pacta-coverage.h"

G_BEGIN_DECLS

typedef enum
{
  PACTA_CORPUS_ALL,        /* every agreement in the library */
  PACTA_CORPUS_SAME_KIND,  /* those of the current agreement's kind */
  PACTA_CORPUS_CHOSEN,     /* those ticked in the corpus popover */
} PactaCorpusMode;

#define PACTA_TYPE_CHARTS_VIEW (pacta_charts_view_get_type ())

G_DECLARE_FINAL_TYPE (PactaChartsView, pacta_charts_view, PACTA, CHARTS_VIEW, AdwBin)

GtkWidget       *pacta_charts_view_new              (void);
PactaAgreement  *pacta_charts_view_get_agreement    (PactaChartsView *self);
void             pacta_charts_view_set_agreement    (PactaChartsView *self,
                                                     PactaAgreement  *agreement);
GListModel      *pacta_charts_view_get_agreements   (PactaChartsView *self);
void             pacta_charts_view_set_agreements   (PactaChartsView *self,
                                                     GListModel      *agreements);
void             pacta_charts_view_set_guidelines   (PactaChartsView *self,
                                                     GListModel      *guidelines);
const char      *pacta_charts_view_get_guideline_id (PactaChartsView *self);
void             pacta_charts_view_set_guideline_id (PactaChartsView *self,
                                                     const char      *guideline_id);
void             pacta_charts_view_add_coverage     (PactaChartsView *self,
                                                     PactaCoverage   *coverage);
void             pacta_charts_view_set_zoom         (PactaChartsView *self,
                                                     double           zoom);
PactaCorpusMode  pacta_charts_view_get_corpus_mode  (PactaChartsView *self);
void             pacta_charts_view_set_corpus_mode  (PactaChartsView *self,
                                                     PactaCorpusMode  mode);
void             pacta_charts_view_set_chosen       (PactaChartsView *self,
                                                     PactaAgreement  *agreement,
                                                     gboolean         chosen);
void             pacta_charts_view_set_heatmap_order (PactaChartsView *self,
                                                      PactaChartOrder  order,
                                                      gboolean         cluster);
guint            pacta_charts_view_get_n_corpus     (PactaChartsView *self);
void             pacta_charts_view_refresh          (PactaChartsView *self);
PactaChartCard  *pacta_charts_view_get_card         (PactaChartsView *self,
                                                     PactaChartType   type);

G_END_DECLS
