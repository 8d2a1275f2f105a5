/* pacta-guideline-item.h — one checklist item of a guideline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pacta-types.h"

G_BEGIN_DECLS

#define PACTA_TYPE_GUIDELINE_ITEM (pacta_guideline_item_get_type ())

G_DECLARE_FINAL_TYPE (PactaGuidelineItem, pacta_guideline_item, PACTA, GUIDELINE_ITEM, GObject)

PactaGuidelineItem *pacta_guideline_item_new            (const char         *slug,
                                                         PactaItemLevel      level);
const char         *pacta_guideline_item_get_slug       (PactaGuidelineItem *self);
PactaItemLevel      pacta_guideline_item_get_level      (PactaGuidelineItem *self);
const char         *pacta_guideline_item_get_title      (PactaGuidelineItem *self);
void                pacta_guideline_item_set_title      (PactaGuidelineItem *self,
                                                         const char         *title);
const char         *pacta_guideline_item_get_guidance   (PactaGuidelineItem *self);
void                pacta_guideline_item_set_guidance   (PactaGuidelineItem *self,
                                                         const char         *guidance);
const char         *pacta_guideline_item_get_model      (PactaGuidelineItem *self);
void                pacta_guideline_item_set_model      (PactaGuidelineItem *self,
                                                         const char         *model);
const char         *pacta_guideline_item_get_cite       (PactaGuidelineItem *self);
void                pacta_guideline_item_set_cite       (PactaGuidelineItem *self,
                                                         const char         *cite);
const char         *pacta_guideline_item_get_note       (PactaGuidelineItem *self);
void                pacta_guideline_item_set_note       (PactaGuidelineItem *self,
                                                         const char         *note);
gboolean            pacta_guideline_item_get_verified   (PactaGuidelineItem *self);
void                pacta_guideline_item_set_verified   (PactaGuidelineItem *self,
                                                         gboolean            verified);
const char * const *pacta_guideline_item_get_terms      (PactaGuidelineItem *self,
                                                         const char         *language);
void                pacta_guideline_item_set_terms      (PactaGuidelineItem *self,
                                                         const char         *language,
                                                         const char * const *terms);
char              **pacta_guideline_item_dup_languages  (PactaGuidelineItem *self);
const char         *pacta_guideline_item_get_category_id (PactaGuidelineItem *self);
void                _pacta_guideline_item_set_category_id (PactaGuidelineItem *self,
                                                           const char         *category_id);

G_END_DECLS
