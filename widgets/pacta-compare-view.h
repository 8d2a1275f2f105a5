/* pacta-compare-view.h — two agreements side by side, aligned row by row, with a redline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pacta-comparison.h"

G_BEGIN_DECLS

#define PACTA_TYPE_COMPARE_VIEW (pacta_compare_view_get_type ())

G_DECLARE_FINAL_TYPE (PactaCompareView, pacta_compare_view, PACTA, COMPARE_VIEW, GtkWidget)

GtkWidget       *pacta_compare_view_new                    (void);
PactaAgreement  *pacta_compare_view_get_agreement_a        (PactaCompareView *self);
void             pacta_compare_view_set_agreement_a        (PactaCompareView *self,
                                                            PactaAgreement   *agreement);
PactaAgreement  *pacta_compare_view_get_agreement_b        (PactaCompareView *self);
void             pacta_compare_view_set_agreement_b        (PactaCompareView *self,
                                                            PactaAgreement   *agreement);
void             pacta_compare_view_set_agreements         (PactaCompareView *self,
                                                            PactaAgreement   *agreement_a,
                                                            PactaAgreement   *agreement_b);
PactaComparison *pacta_compare_view_get_comparison         (PactaCompareView *self);
gboolean         pacta_compare_view_get_ignore_numbering   (PactaCompareView *self);
void             pacta_compare_view_set_ignore_numbering   (PactaCompareView *self,
                                                            gboolean          ignore);
gboolean         pacta_compare_view_get_ignore_case        (PactaCompareView *self);
void             pacta_compare_view_set_ignore_case        (PactaCompareView *self,
                                                            gboolean          ignore);
gboolean         pacta_compare_view_get_ignore_punctuation (PactaCompareView *self);
void             pacta_compare_view_set_ignore_punctuation (PactaCompareView *self,
                                                            gboolean          ignore);
void             pacta_compare_view_swap                   (PactaCompareView *self);
gboolean         pacta_compare_view_next_change            (PactaCompareView *self);
gboolean         pacta_compare_view_previous_change        (PactaCompareView *self);
PactaAlignment  *pacta_compare_view_get_current_change     (PactaCompareView *self);
GtkWidget       *pacta_compare_view_get_cell               (PactaCompareView *self,
                                                            PactaSide         side,
                                                            const char       *eid);
const char      *pacta_compare_view_get_summary            (PactaCompareView *self);

G_END_DECLS
