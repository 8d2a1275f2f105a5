/* pacta-compare-page.h — choose two agreements and compare them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pacta-agreement.h"
#include "pacta-compare-view.h"
#include "pacta-guideline.h"

G_BEGIN_DECLS

#define PACTA_TYPE_COMPARE_PAGE (pacta_compare_page_get_type ())

G_DECLARE_FINAL_TYPE (PactaComparePage, pacta_compare_page, PACTA, COMPARE_PAGE, AdwBin)

GtkWidget        *pacta_compare_page_new            (void);
void              pacta_compare_page_set_agreements (PactaComparePage *self,
                                                     GListModel       *agreements);
void              pacta_compare_page_set_current    (PactaComparePage *self,
                                                     PactaAgreement   *agreement);
PactaAgreement   *pacta_compare_page_get_a          (PactaComparePage *self);
PactaAgreement   *pacta_compare_page_get_b          (PactaComparePage *self);
void              pacta_compare_page_set_b          (PactaComparePage *self,
                                                     PactaAgreement   *agreement);
PactaCompareView *pacta_compare_page_get_view       (PactaComparePage *self);

PactaAgreement   *pacta_compare_page_model_for      (PactaGuideline   *guideline);
PactaAgreement   *pacta_compare_page_suggest_counterpart (GListModel     *agreements,
                                                          PactaAgreement *agreement);

G_END_DECLS
