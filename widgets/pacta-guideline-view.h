/* pacta-guideline-view.h — a guideline's page: source, categories and checklist items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pacta-guideline.h"

G_BEGIN_DECLS

#define PACTA_TYPE_GUIDELINE_VIEW (pacta_guideline_view_get_type ())

G_DECLARE_FINAL_TYPE (PactaGuidelineView, pacta_guideline_view, PACTA, GUIDELINE_VIEW, AdwBin)

GtkWidget      *pacta_guideline_view_new           (void);
PactaGuideline *pacta_guideline_view_get_guideline (PactaGuidelineView *self);
void            pacta_guideline_view_set_guideline (PactaGuidelineView *self,
                                                    PactaGuideline     *guideline);
double          pacta_guideline_view_get_zoom      (PactaGuidelineView *self);
void            pacta_guideline_view_set_zoom      (PactaGuidelineView *self,
                                                    double              zoom);
guint           pacta_guideline_view_get_n_items_shown (PactaGuidelineView *self);

G_END_DECLS
