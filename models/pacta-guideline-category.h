/* pacta-guideline-category.h — a group of checklist items within a guideline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pacta-guideline-item.h"

G_BEGIN_DECLS

#define PACTA_TYPE_GUIDELINE_CATEGORY (pacta_guideline_category_get_type ())

G_DECLARE_FINAL_TYPE (PactaGuidelineCategory, pacta_guideline_category, PACTA, GUIDELINE_CATEGORY, GObject)

PactaGuidelineCategory *pacta_guideline_category_new             (const char             *id,
                                                                  const char             *title);
const char             *pacta_guideline_category_get_id          (PactaGuidelineCategory *self);
const char             *pacta_guideline_category_get_title       (PactaGuidelineCategory *self);
const char             *pacta_guideline_category_get_description (PactaGuidelineCategory *self);
void                    pacta_guideline_category_set_description (PactaGuidelineCategory *self,
                                                                  const char             *description);
GListModel             *pacta_guideline_category_get_items       (PactaGuidelineCategory *self);
void                    pacta_guideline_category_append_item     (PactaGuidelineCategory *self,
                                                                  PactaGuidelineItem     *item);

G_END_DECLS
