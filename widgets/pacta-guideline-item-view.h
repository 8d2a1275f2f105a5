/* pacta-guideline-item-view.h — one checklist item as a card: level, title, guidance, model clause
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pacta-guideline-item.h"

G_BEGIN_DECLS

#define PACTA_TYPE_GUIDELINE_ITEM_VIEW (pacta_guideline_item_view_get_type ())

G_DECLARE_FINAL_TYPE (PactaGuidelineItemView, pacta_guideline_item_view, PACTA, GUIDELINE_ITEM_VIEW, AdwBin)

GtkWidget          *pacta_guideline_item_view_new      (PactaGuidelineItem     *item);
PactaGuidelineItem *pacta_guideline_item_view_get_item (PactaGuidelineItemView *self);

const char         *pacta_item_level_to_label          (PactaItemLevel          level);

G_END_DECLS
