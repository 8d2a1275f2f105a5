/* pacta-check-view.h — an agreement held against a guideline, item by item, side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pacta-agreement.h"
#include "pacta-coverage.h"
#include "pacta-library.h"

G_BEGIN_DECLS

#define PACTA_TYPE_CHECK_VIEW (pacta_check_view_get_type ())

G_DECLARE_FINAL_TYPE (PactaCheckView, pacta_check_view, PACTA, CHECK_VIEW, AdwBin)

GtkWidget      *pacta_check_view_new               (void);
PactaAgreement *pacta_check_view_get_agreement     (PactaCheckView *self);
void            pacta_check_view_set_agreement     (PactaCheckView *self,
                                                    PactaAgreement *agreement);
void            pacta_check_view_set_agreement_in_library (PactaCheckView *self,
                                                    PactaAgreement *agreement,
                                                    PactaLibrary   *library,
                                                    gint64          agreement_id);
gint64          pacta_check_view_get_agreement_id  (PactaCheckView *self);
GListModel     *pacta_check_view_get_guidelines    (PactaCheckView *self);
void            pacta_check_view_set_guidelines    (PactaCheckView *self,
                                                    GListModel     *guidelines);
const char     *pacta_check_view_get_guideline_id  (PactaCheckView *self);
void            pacta_check_view_set_guideline_id  (PactaCheckView *self,
                                                    const char     *guideline_id);
PactaCoverage  *pacta_check_view_get_coverage      (PactaCheckView *self);
gboolean        pacta_check_view_select_item       (PactaCheckView *self,
                                                    const char     *slug);
const char     *pacta_check_view_get_selected_slug (PactaCheckView *self);
guint           pacta_check_view_get_n_visible_items (PactaCheckView *self);
void            pacta_check_view_show_gaps_only    (PactaCheckView *self,
                                                    gboolean        gaps_only);

G_END_DECLS
