/* pacta-import-draft.h — an imported text with its detected structure, before it is saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pacta-agreement.h"
#include "pacta-import-node.h"
#include "pacta-import-source.h"

G_BEGIN_DECLS

#define PACTA_TYPE_IMPORT_DRAFT (pacta_import_draft_get_type ())

G_DECLARE_FINAL_TYPE (PactaImportDraft, pacta_import_draft, PACTA, IMPORT_DRAFT, GObject)

PactaImportDraft   *pacta_import_draft_new                 (PactaImportSource   *source,
                                                            const char          *keep_language,
                                                            GError             **error);
PactaImportSource  *pacta_import_draft_get_source          (PactaImportDraft    *self);
const char * const *pacta_import_draft_get_languages       (PactaImportDraft    *self);
gboolean            pacta_import_draft_get_bilingual       (PactaImportDraft    *self);
const char         *pacta_import_draft_get_kept_language   (PactaImportDraft    *self);
gboolean            pacta_import_draft_keep_language       (PactaImportDraft    *self,
                                                            const char          *language,
                                                            GError             **error);

/* The lines of the kept language, as the structure sees them. */
guint               pacta_import_draft_get_n_lines         (PactaImportDraft    *self);
const PactaImportLine *pacta_import_draft_get_line         (PactaImportDraft    *self,
                                                            guint                index);

/* Detected structure: a flat list of PactaImportNode in line order. */
GListModel         *pacta_import_draft_get_nodes           (PactaImportDraft    *self);
guint               pacta_import_draft_get_node_end        (PactaImportDraft    *self,
                                                            PactaImportNode     *node);
PactaImportNode    *pacta_import_draft_get_node_at_line    (PactaImportDraft    *self,
                                                            guint                line);
PactaImportNode    *pacta_import_draft_find_node           (PactaImportDraft    *self,
                                                            guint                line);
PactaImportNode    *pacta_import_draft_get_parent          (PactaImportDraft    *self,
                                                            PactaImportNode     *node);
GListModel         *pacta_import_draft_dup_children        (PactaImportDraft    *self,
                                                            PactaImportNode     *node);
char               *pacta_import_draft_dup_body            (PactaImportDraft    *self,
                                                            PactaImportNode     *node);
guint               pacta_import_draft_count               (PactaImportDraft    *self,
                                                            PactaImportNodeKind  kind);
GPtrArray          *pacta_import_draft_get_warnings        (PactaImportDraft    *self);

/* Corrections, as the preview offers them. Each returns FALSE with an error when the
 * operation makes no sense there, and emits ::changed when it succeeds. */
gboolean            pacta_import_draft_merge_with_previous (PactaImportDraft    *self,
                                                            PactaImportNode     *node,
                                                            GError             **error);
PactaImportNode    *pacta_import_draft_split_at_line       (PactaImportDraft    *self,
                                                            guint                line,
                                                            GError             **error);
gboolean            pacta_import_draft_promote             (PactaImportDraft    *self,
                                                            PactaImportNode     *node,
                                                            GError             **error);
gboolean            pacta_import_draft_demote              (PactaImportDraft    *self,
                                                            PactaImportNode     *node,
                                                            GError             **error);
gboolean            pacta_import_draft_set_node_kind       (PactaImportDraft    *self,
                                                            PactaImportNode     *node,
                                                            PactaImportNodeKind  kind,
                                                            GError             **error);
void                pacta_import_draft_relabel             (PactaImportDraft    *self,
                                                            PactaImportNode     *node,
                                                            const char          *num,
                                                            const char          *heading);

/* Metadata, guessed from the text and editable. */
const char         *pacta_import_draft_get_title           (PactaImportDraft    *self);
void                pacta_import_draft_set_title           (PactaImportDraft    *self,
                                                            const char          *title);
const char * const *pacta_import_draft_get_parties         (PactaImportDraft    *self);
void                pacta_import_draft_set_parties         (PactaImportDraft    *self,
                                                            const char * const  *parties);
char              **pacta_import_draft_dup_party_codes     (PactaImportDraft    *self);
const char         *pacta_import_draft_get_date_signed     (PactaImportDraft    *self);
void                pacta_import_draft_set_date_signed     (PactaImportDraft    *self,
                                                            const char          *iso_date);
const char         *pacta_import_draft_get_place_signed    (PactaImportDraft    *self);
void                pacta_import_draft_set_place_signed    (PactaImportDraft    *self,
                                                            const char          *place);
const char         *pacta_import_draft_get_language        (PactaImportDraft    *self);
void                pacta_import_draft_set_language        (PactaImportDraft    *self,
                                                            const char          *language);
PactaAgreementKind  pacta_import_draft_get_kind            (PactaImportDraft    *self);
void                pacta_import_draft_set_kind            (PactaImportDraft    *self,
                                                            PactaAgreementKind   kind);
PactaAgreementStatus pacta_import_draft_get_status         (PactaImportDraft    *self);
void                pacta_import_draft_set_status          (PactaImportDraft    *self,
                                                            PactaAgreementStatus status);

PactaAgreement     *pacta_import_draft_build_agreement     (PactaImportDraft    *self);

G_END_DECLS
