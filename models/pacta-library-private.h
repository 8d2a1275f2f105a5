/* pacta-library-private.h — what the library's source files share: the connection wrapper,
 * the schema, and constructors of the record types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "pacta-agreement.h"
#include "pacta-library.h"

G_BEGIN_DECLS

#define PACTA_LIBRARY_APPLICATION_ID 0x50414354 /* "PACT", in the SQLite header */

/* Markers FTS5's snippet() puts around matched words; control characters never in a text. */
#define PACTA_SNIPPET_OPEN  "\x02"
#define PACTA_SNIPPET_CLOSE "\x03"

/* One connection: the library object has one, each import thread opens its own. */
typedef struct
{
  sqlite3    *db;
  char       *path;
  GHashTable *statements;  /* SQL text (static) → sqlite3_stmt */
  guint       busy_timeout_ms;
  GHashTable *search_rows; /* the rows a search shows (gint64*), for pacta_wanted() */
} PactaDb;

/* A cached statement; leaving scope resets it so no read transaction stays open. */
typedef sqlite3_stmt PactaStmt;

void        _pacta_stmt_release          (PactaStmt     *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PactaStmt, _pacta_stmt_release)

PactaDb    *_pacta_db_open               (const char    *path,
                                          gboolean       create,
                                          guint          busy_timeout_ms,
                                          GError       **error);
void        _pacta_db_close              (PactaDb       *db);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PactaDb, _pacta_db_close)

void        _pacta_db_set_busy_timeout   (PactaDb       *db,
                                          guint          ms);
PactaStmt  *_pacta_db_prepare            (PactaDb       *db,
                                          const char    *sql,
                                          GError       **error);
gboolean    _pacta_db_exec               (PactaDb       *db,
                                          const char    *sql,
                                          GError       **error);
gboolean    _pacta_db_step_done          (PactaDb       *db,
                                          PactaStmt     *stmt,
                                          GError       **error);
int         _pacta_db_step_row           (PactaDb       *db,
                                          PactaStmt     *stmt,
                                          GError       **error);
gboolean    _pacta_db_begin              (PactaDb       *db,
                                          GError       **error);
gboolean    _pacta_db_commit             (PactaDb       *db,
                                          GError       **error);
void        _pacta_db_rollback           (PactaDb       *db);
void        _pacta_db_set_error          (PactaDb       *db,
                                          int            rc,
                                          GError       **error);
void        _pacta_library_set_sqlite_error (const char *path,
                                          sqlite3       *db,
                                          int            rc,
                                          guint          busy_timeout_ms,
                                          GError       **error);

void        _pacta_db_bind_text          (PactaStmt     *stmt,
                                          int            index,
                                          const char    *text);
const char *_pacta_db_column_text        (PactaStmt     *stmt,
                                          int            column);

/* Schema (pacta-library-schema.c). */
#define PACTA_LIBRARY_SCHEMA_V1 1
extern const char * const _pacta_library_schema_v1_sql;
int         _pacta_library_schema_version  (PactaDb     *db,
                                            GError     **error);
gboolean    _pacta_library_migrate         (PactaDb     *db,
                                            int          from_version,
                                            GError     **error);

/* Writes an agreement's derived rows (provisions, parties) from its parsed tree. */
gboolean    _pacta_library_insert_derived  (PactaDb        *db,
                                            gint64          agreement_id,
                                            PactaAgreement *agreement,
                                            GError        **error);

/* Records. */
PactaLibraryEntry *_pacta_library_entry_new_from_row (PactaStmt *stmt);
#define PACTA_LIBRARY_ENTRY_COLUMNS \
  "a.id, a.work_uri, a.content_hash, a.source_name, a.title, a.short_title, a.kind, a.status, " \
  "a.parties, a.year, a.date_signed, a.date_in_force, a.language, a.added_at, " \
  "(SELECT group_concat (code, ' ') FROM (SELECT code FROM agreement_parties p " \
  "  WHERE p.agreement_id = a.id ORDER BY position)), " \
  "(SELECT group_concat (guideline_id || '=' || score, ' ') FROM scores s WHERE s.agreement_id = a.id)"
void        _pacta_library_entry_set_scores (PactaLibraryEntry *entry,
                                             const char        *encoded);
void        _pacta_library_entry_copy_scores (PactaLibraryEntry *entry,
                                              PactaLibraryEntry *from);

PactaLibraryHit *_pacta_library_hit_new  (PactaLibraryHitKind  kind,
                                          gint64               agreement_id,
                                          const char          *agreement_title,
                                          const char          *eid,
                                          const char          *label,
                                          const char          *context,
                                          const char          *snippet,
                                          double               rank);
void        _pacta_library_hit_set_record (PactaLibraryHit    *hit,
                                          gint64               note_id,
                                          const char          *guideline_id,
                                          const char          *item_slug);

PactaLibraryNote *_pacta_library_note_new_from_row (PactaStmt *stmt);
#define PACTA_LIBRARY_NOTE_COLUMNS "id, agreement_id, eid, text, created_at, updated_at"

PactaLibraryComparison *_pacta_library_comparison_new_from_row (PactaStmt *stmt);
#define PACTA_LIBRARY_COMPARISON_COLUMNS "id, agreement_a, agreement_b, title, options, created_at, updated_at"

PactaImportResult *_pacta_import_result_new (const char         *path,
                                             PactaImportOutcome  outcome,
                                             gint64              agreement_id,
                                             const char         *title,
                                             const char         *message);
void        _pacta_import_result_set_other_version (PactaImportResult *result,
                                                    gint64             other_id);
PactaImportReport *_pacta_import_report_new (void);
void        _pacta_import_report_add     (PactaImportReport *report,
                                          PactaImportResult *result);
void        _pacta_import_report_set_cancelled (PactaImportReport *report);

/* Library internals the import and search files use. */
PactaDb    *_pacta_library_get_db        (PactaLibrary  *self);
void        _pacta_library_entry_added   (PactaLibrary  *self,
                                          gint64         id);

G_END_DECLS
