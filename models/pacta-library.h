/* pacta-library.h — the user's collection: agreements, decisions, notes, saved comparisons,
 * in one SQLite file, searchable across everything
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pacta-agreement.h"
#include "pacta-coverage.h"
#include "pacta-library-comparison.h"
#include "pacta-library-entry.h"
#include "pacta-library-hit.h"
#include "pacta-library-import.h"
#include "pacta-library-note.h"
#include "pacta-library-types.h"
#include "pacta-matcher.h"

G_BEGIN_DECLS

/* The schema version this Pacta writes (PRAGMA user_version); older files are migrated
 * forward when opened, newer ones are refused. */
#define PACTA_LIBRARY_SCHEMA_VERSION 3

/* How long a write waits for another program's lock before it gives up with
 * PACTA_LIBRARY_ERROR_BUSY. */
#define PACTA_LIBRARY_DEFAULT_BUSY_TIMEOUT_MS 5000

/* A person's decision on one finding, as stored. */
typedef struct
{
  gint64              agreement_id;
  char               *guideline_id;
  char               *item_slug;
  PactaFindingOrigin  origin;
  PactaFindingStatus  status;
  char               *reason;
  gint64              decided_at;  /* Unix time, seconds */
} PactaLibraryDecision;

#define PACTA_TYPE_LIBRARY_DECISION (pacta_library_decision_get_type ())
GType                 pacta_library_decision_get_type (void) G_GNUC_CONST;
PactaLibraryDecision *pacta_library_decision_copy     (const PactaLibraryDecision *decision);
void                  pacta_library_decision_free     (PactaLibraryDecision       *decision);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PactaLibraryDecision, pacta_library_decision_free)

#define PACTA_TYPE_LIBRARY (pacta_library_get_type ())

G_DECLARE_FINAL_TYPE (PactaLibrary, pacta_library, PACTA, LIBRARY, GObject)

/* Opening, and what to do when the file is bad */
char              *pacta_library_default_path         (void);
PactaLibrary      *pacta_library_open                 (const char             *path,
                                                       PactaLibraryOpenFlags   flags,
                                                       GError                **error);
const char        *pacta_library_get_path             (PactaLibrary           *self);
guint              pacta_library_get_busy_timeout     (PactaLibrary           *self);
void               pacta_library_set_busy_timeout     (PactaLibrary           *self,
                                                       guint                   ms);
gboolean           pacta_library_check_integrity      (PactaLibrary           *self,
                                                       GError                **error);

char              *pacta_library_backup_path          (const char             *path);
GDateTime         *pacta_library_dup_backup_time      (const char             *path);
gboolean           pacta_library_backup               (PactaLibrary           *self,
                                                       GError                **error);
gboolean           pacta_library_backup_due           (PactaLibrary           *self);
void               pacta_library_backup_async         (PactaLibrary           *self,
                                                       GCancellable           *cancellable,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
gboolean           pacta_library_backup_finish        (PactaLibrary           *self,
                                                       GAsyncResult           *result,
                                                       GError                **error);
gboolean           pacta_library_restore_backup       (const char             *path,
                                                       char                  **set_aside_path,
                                                       GError                **error);
gboolean           pacta_library_set_aside            (const char             *path,
                                                       char                  **set_aside_path,
                                                       GError                **error);

/* Agreements */
GListModel        *pacta_library_get_agreements       (PactaLibrary           *self);
PactaLibraryEntry *pacta_library_lookup               (PactaLibrary           *self,
                                                       gint64                  id);
GPtrArray         *pacta_library_find_work            (PactaLibrary           *self,
                                                       const char             *work_uri);
gboolean           pacta_library_reload               (PactaLibrary           *self,
                                                       GError                **error);
gboolean           pacta_library_reload_if_changed    (PactaLibrary           *self,
                                                       gboolean               *changed,
                                                       GError                **error);
PactaImportResult *pacta_library_add_bytes            (PactaLibrary           *self,
                                                       GBytes                 *xml,
                                                       const char             *file,
                                                       GError                **error);
PactaImportReport *pacta_library_import               (PactaLibrary           *self,
                                                       const char * const     *paths,
                                                       GCancellable           *cancellable,
                                                       PactaLibraryImportProgressFunc progress,
                                                       gpointer                progress_data,
                                                       GError                **error);
void               pacta_library_import_async         (PactaLibrary           *self,
                                                       const char * const     *paths,
                                                       GCancellable           *cancellable,
                                                       PactaLibraryImportProgressFunc progress,
                                                       gpointer                progress_data,
                                                       GDestroyNotify          progress_data_free,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
PactaImportReport *pacta_library_import_finish        (PactaLibrary           *self,
                                                       GAsyncResult           *result,
                                                       GError                **error);
GPtrArray         *pacta_library_expand_paths         (const char * const     *paths);
guint              pacta_library_remove               (PactaLibrary           *self,
                                                       const gint64           *ids,
                                                       guint                   n_ids,
                                                       GError                **error);
gboolean           pacta_library_count_user_data      (PactaLibrary           *self,
                                                       gint64                  id,
                                                       guint                  *n_decisions,
                                                       guint                  *n_notes,
                                                       guint                  *n_comparisons,
                                                       GError                **error);
GBytes            *pacta_library_dup_xml              (PactaLibrary           *self,
                                                       gint64                  id,
                                                       GError                **error);
PactaAgreement    *pacta_library_load_agreement       (PactaLibrary           *self,
                                                       gint64                  id,
                                                       GError                **error);

/* Full-text search over provisions, notes and decision reasons, best first */
GListModel        *pacta_library_search               (PactaLibrary           *self,
                                                       const char             *query,
                                                       const PactaLibraryFilter *filter,
                                                       guint                   limit,
                                                       GError                **error);
GListModel        *pacta_library_search_fts           (PactaLibrary           *self,
                                                       const char             *query,
                                                       const PactaLibraryFilter *filter,
                                                       guint                   limit,
                                                       GError                **error);
char              *pacta_library_build_query          (const char             *text);

/* Decisions on findings: they win over the matcher */
gboolean           pacta_library_save_decision        (PactaLibrary           *self,
                                                       gint64                  agreement_id,
                                                       const char             *guideline_id,
                                                       PactaFinding           *finding,
                                                       GError                **error);
gboolean           pacta_library_set_decision         (PactaLibrary           *self,
                                                       gint64                  agreement_id,
                                                       const char             *guideline_id,
                                                       const char             *item_slug,
                                                       PactaFindingOrigin      origin,
                                                       PactaFindingStatus      status,
                                                       const char             *reason,
                                                       GError                **error);
gboolean           pacta_library_clear_decision       (PactaLibrary           *self,
                                                       gint64                  agreement_id,
                                                       const char             *guideline_id,
                                                       const char             *item_slug,
                                                       GError                **error);
GPtrArray         *pacta_library_list_decisions       (PactaLibrary           *self,
                                                       gint64                  agreement_id,
                                                       const char             *guideline_id,
                                                       GError                **error);
gboolean           pacta_library_apply_decisions      (PactaLibrary           *self,
                                                       gint64                  agreement_id,
                                                       PactaCoverage          *coverage,
                                                       guint                  *n_applied,
                                                       GError                **error);
PactaCoverage     *pacta_library_check_agreement      (PactaLibrary           *self,
                                                       PactaMatcher           *matcher,
                                                       gint64                  agreement_id,
                                                       PactaAgreement         *agreement,
                                                       PactaGuideline         *guideline,
                                                       GError                **error);
gboolean           pacta_library_store_scores         (PactaLibrary           *self,
                                                       const gint64           *agreement_ids,
                                                       PactaCoverage * const  *coverages,
                                                       guint                   n,
                                                       GError                **error);

/* Notes on provisions (@eid "" for the agreement as a whole) */
gint64             pacta_library_add_note             (PactaLibrary           *self,
                                                       gint64                  agreement_id,
                                                       const char             *eid,
                                                       const char             *text,
                                                       GError                **error);
gboolean           pacta_library_update_note          (PactaLibrary           *self,
                                                       gint64                  note_id,
                                                       const char             *text,
                                                       GError                **error);
gboolean           pacta_library_delete_note          (PactaLibrary           *self,
                                                       gint64                  note_id,
                                                       GError                **error);
GListModel        *pacta_library_list_notes           (PactaLibrary           *self,
                                                       gint64                  agreement_id,
                                                       const char             *eid,
                                                       GError                **error);

/* Saved comparisons: two agreements and the view's options (a JSON object) */
gint64             pacta_library_save_comparison      (PactaLibrary           *self,
                                                       gint64                  agreement_a,
                                                       gint64                  agreement_b,
                                                       const char             *title,
                                                       const char             *options_json,
                                                       GError                **error);
gboolean           pacta_library_update_comparison    (PactaLibrary           *self,
                                                       gint64                  comparison_id,
                                                       const char             *title,
                                                       const char             *options_json,
                                                       GError                **error);
gboolean           pacta_library_delete_comparison    (PactaLibrary           *self,
                                                       gint64                  comparison_id,
                                                       GError                **error);
PactaLibraryComparison *pacta_library_lookup_comparison (PactaLibrary         *self,
                                                       gint64                  comparison_id,
                                                       GError                **error);
GListModel        *pacta_library_list_comparisons     (PactaLibrary           *self,
                                                       GError                **error);

G_END_DECLS
