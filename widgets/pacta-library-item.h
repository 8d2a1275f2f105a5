/* pacta-library-item.h — one entry of the sidebar library: an agreement or a guideline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pacta-agreement.h"
#include "pacta-guideline.h"
#include "pacta-library.h"

G_BEGIN_DECLS

/* Groups of the sidebar, in display order. */
typedef enum
{
  PACTA_LIBRARY_GROUP_LABOUR_MIGRATION, /* blma + mou */
  PACTA_LIBRARY_GROUP_SOCIAL_SECURITY,  /* ssa */
  PACTA_LIBRARY_GROUP_MULTILATERAL,
  PACTA_LIBRARY_GROUP_OTHER,            /* agreements of unknown kind */
  PACTA_LIBRARY_GROUP_GUIDELINES,
} PactaLibraryGroup;

#define PACTA_TYPE_LIBRARY_ITEM (pacta_library_item_get_type ())

G_DECLARE_FINAL_TYPE (PactaLibraryItem, pacta_library_item, PACTA, LIBRARY_ITEM, GObject)

PactaLibraryItem  *pacta_library_item_new_for_agreement (PactaAgreement   *agreement,
                                                         gboolean          user_opened);
PactaLibraryItem  *pacta_library_item_new_for_guideline (PactaGuideline   *guideline,
                                                         gboolean          user_opened);
PactaLibraryItem  *pacta_library_item_new_for_entry     (PactaLibrary     *library,
                                                         PactaLibraryEntry *entry);
PactaLibraryEntry *pacta_library_item_get_entry         (PactaLibraryItem *self);
gint64             pacta_library_item_get_agreement_id  (PactaLibraryItem *self);
PactaAgreement    *pacta_library_item_load_agreement    (PactaLibraryItem *self,
                                                         GError          **error);
gboolean           pacta_library_item_is_loaded         (PactaLibraryItem *self);
void               pacta_library_item_set_file          (PactaLibraryItem *self,
                                                         const char       *path);
const char        *pacta_library_item_get_score_guideline (PactaLibraryItem *self);
double             pacta_library_item_get_score         (PactaLibraryItem *self);
PactaAgreementKind pacta_library_item_get_kind          (PactaLibraryItem *self);
PactaAgreementStatus pacta_library_item_get_status      (PactaLibraryItem *self);
PactaAgreement    *pacta_library_item_get_agreement     (PactaLibraryItem *self);
PactaGuideline    *pacta_library_item_get_guideline     (PactaLibraryItem *self);
gboolean           pacta_library_item_is_agreement      (PactaLibraryItem *self);
gboolean           pacta_library_item_is_guideline      (PactaLibraryItem *self);
gboolean           pacta_library_item_get_user_opened   (PactaLibraryItem *self);
const char        *pacta_library_item_get_path          (PactaLibraryItem *self);
const char        *pacta_library_item_get_title         (PactaLibraryItem *self);
const char        *pacta_library_item_get_subtitle      (PactaLibraryItem *self);
PactaLibraryGroup  pacta_library_item_get_group         (PactaLibraryItem *self);
gboolean           pacta_library_item_matches           (PactaLibraryItem *self,
                                                         const char       *query);
int                pacta_library_item_compare           (PactaLibraryItem *a,
                                                         PactaLibraryItem *b);

const char        *pacta_library_group_to_label         (PactaLibraryGroup group);
char              *pacta_library_normalize_query        (const char       *text);

G_END_DECLS
