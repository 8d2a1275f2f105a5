/* pacta-guideline.h — a checklist derived from an international instrument
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pacta-types.h"
#include "pacta-guideline-category.h"
#include "pacta-guideline-item.h"

G_BEGIN_DECLS

#define PACTA_TYPE_GUIDELINE (pacta_guideline_get_type ())

G_DECLARE_FINAL_TYPE (PactaGuideline, pacta_guideline, PACTA, GUIDELINE, GObject)

PactaGuideline     *pacta_guideline_new                (const char         *id);
const char         *pacta_guideline_get_id             (PactaGuideline     *self);
const char         *pacta_guideline_get_version        (PactaGuideline     *self);
void                pacta_guideline_set_version        (PactaGuideline     *self,
                                                        const char         *version);
const char         *pacta_guideline_get_title          (PactaGuideline     *self);
void                pacta_guideline_set_title          (PactaGuideline     *self,
                                                        const char         *title);
const char         *pacta_guideline_get_short_title    (PactaGuideline     *self);
void                pacta_guideline_set_short_title    (PactaGuideline     *self,
                                                        const char         *short_title);
const char         *pacta_guideline_get_source         (PactaGuideline     *self);
void                pacta_guideline_set_source         (PactaGuideline     *self,
                                                        const char         *source);
const char         *pacta_guideline_get_source_href    (PactaGuideline     *self);
void                pacta_guideline_set_source_href    (PactaGuideline     *self,
                                                        const char         *href);
int                 pacta_guideline_get_year           (PactaGuideline     *self);
void                pacta_guideline_set_year           (PactaGuideline     *self,
                                                        int                 year);
const char         *pacta_guideline_get_description    (PactaGuideline     *self);
void                pacta_guideline_set_description    (PactaGuideline     *self,
                                                        const char         *description);
gboolean            pacta_guideline_get_provisional    (PactaGuideline     *self);
void                pacta_guideline_set_provisional    (PactaGuideline     *self,
                                                        gboolean            provisional);
const char * const *pacta_guideline_get_applies_to     (PactaGuideline     *self);
void                pacta_guideline_set_applies_to     (PactaGuideline     *self,
                                                        const char * const *kinds);
gboolean            pacta_guideline_applies_to         (PactaGuideline     *self,
                                                        PactaAgreementKind  kind);
const char * const *pacta_guideline_get_languages      (PactaGuideline     *self);
void                pacta_guideline_set_languages      (PactaGuideline     *self,
                                                        const char * const *languages);
const char         *pacta_guideline_get_path           (PactaGuideline     *self);
void                pacta_guideline_set_path           (PactaGuideline     *self,
                                                        const char         *path);
GListModel         *pacta_guideline_get_categories     (PactaGuideline     *self);
void                pacta_guideline_append_category    (PactaGuideline     *self,
                                                        PactaGuidelineCategory *category);
guint               pacta_guideline_get_n_items        (PactaGuideline     *self);
PactaGuidelineItem *pacta_guideline_lookup_item        (PactaGuideline     *self,
                                                        const char         *slug);
GPtrArray          *pacta_guideline_collect_items      (PactaGuideline     *self);

G_END_DECLS
