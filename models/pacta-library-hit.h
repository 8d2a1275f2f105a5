/* pacta-library-hit.h — one search result: where in which agreement, with the words around it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pacta-library-types.h"

G_BEGIN_DECLS

#define PACTA_TYPE_LIBRARY_HIT (pacta_library_hit_get_type ())

G_DECLARE_FINAL_TYPE (PactaLibraryHit, pacta_library_hit, PACTA, LIBRARY_HIT, GObject)

PactaLibraryHitKind  pacta_library_hit_get_kind            (PactaLibraryHit *self);
gint64               pacta_library_hit_get_agreement_id    (PactaLibraryHit *self);
const char          *pacta_library_hit_get_agreement_title (PactaLibraryHit *self);
const char          *pacta_library_hit_get_eid             (PactaLibraryHit *self);
const char          *pacta_library_hit_get_label           (PactaLibraryHit *self);
const char          *pacta_library_hit_get_context         (PactaLibraryHit *self);
double               pacta_library_hit_get_rank            (PactaLibraryHit *self);
gint64               pacta_library_hit_get_note_id         (PactaLibraryHit *self);
const char          *pacta_library_hit_get_guideline_id    (PactaLibraryHit *self);
const char          *pacta_library_hit_get_item_slug       (PactaLibraryHit *self);
char                *pacta_library_hit_dup_snippet         (PactaLibraryHit *self,
                                                            const char      *open,
                                                            const char      *close);
char                *pacta_library_hit_dup_snippet_markup  (PactaLibraryHit *self);

G_END_DECLS
