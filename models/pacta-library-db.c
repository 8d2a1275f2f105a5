/* pacta-library-db.c — one SQLite connection: cached statements, transactions, and errors
 * that name the file and say what to do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-library-db"

#include "config.h"

#include <glib/gi18n.h>

#include "pacta-library-private.h"

G_DEFINE_QUARK (pacta-library-error-quark, pacta_library_error)

const char *
pacta_import_outcome_to_string (PactaImportOutcome outcome)
{
  switch (outcome)
    {
    case PACTA_IMPORT_ADDED:
      return "added";
    case PACTA_IMPORT_DUPLICATE:
      return "duplicate";
    case PACTA_IMPORT_FAILED:
    default:
      return "failed";
    }
}

const char *
pacta_library_hit_kind_to_string (PactaLibraryHitKind kind)
{
  switch (kind)
    {
    case PACTA_LIBRARY_HIT_NOTE:
      return "note";
    case PACTA_LIBRARY_HIT_DECISION:
      return "decision";
    case PACTA_LIBRARY_HIT_PROVISION:
    default:
      return "provision";
    }
}

void
_pacta_library_set_sqlite_error (const char  *path,
                                 sqlite3     *db,
                                 int          rc,
                                 guint        busy_timeout_ms,
                                 GError     **error)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_BUSY,
                   _("%s: another program is using this library and kept it locked for more than %.1f s; "
                     "close it (another Pacta window or command) and try again"),
                   path, busy_timeout_ms / 1000.0);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NOT_A_LIBRARY,
                   _("%s: not a Pacta library (the file is not an SQLite database)"), path);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_CORRUPT,
                   _("%s: the library file is damaged (%s)"), path, detail);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_READ_ONLY,
                   _("%s: the library cannot be written (%s)"), path, detail);
      break;
    case SQLITE_FULL:
      g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_FAILED,
                   _("%s: the disk is full; nothing was changed"), path);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_FAILED,
                   _("%s: the library cannot be opened (%s)"), path, detail);
      break;
    default:
      g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_FAILED,
                   "%s: %s", path, detail);
      break;
    }
}

void
_pacta_db_set_error (PactaDb  *db,
                     int       rc,
                     GError  **error)
{
  _pacta_library_set_sqlite_error (db->path, db->db, rc, db->busy_timeout_ms, error);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

void
_pacta_stmt_release (PactaStmt *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

PactaDb *
_pacta_db_open (const char  *path,
                gboolean     create,
                guint        busy_timeout_ms,
                GError     **error)
{
  g_autoptr(PactaDb) db = g_new0 (PactaDb, 1);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  int rc;

  db->path = g_strdup (path);
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  db->busy_timeout_ms = busy_timeout_ms;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NOT_A_LIBRARY,
                   _("%s: is a folder, not a library file"), path);
      return NULL;
    }
  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NOT_FOUND,
                   _("%s: there is no library here"), path);
      return NULL;
    }
  if (create)
    flags |= SQLITE_OPEN_CREATE;

  rc = sqlite3_open_v2 (path, &db->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      _pacta_db_set_error (db, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (db->db, 1);
  sqlite3_busy_timeout (db->db, (int) busy_timeout_ms);
  /* A bigger page cache and memory-mapped reads: searches walk the full-text index. */
  if (!_pacta_db_exec (db, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -32000; PRAGMA mmap_size = 268435456", error))
    return NULL;

  return g_steal_pointer (&db);
}

void
_pacta_db_close (PactaDb *db)
{
  if (db == NULL)
    return;
  g_clear_pointer (&db->statements, g_hash_table_unref);
  g_clear_pointer (&db->search_rows, g_hash_table_unref);
  if (db->db != NULL)
    sqlite3_close_v2 (db->db);
  g_free (db->path);
  g_free (db);
}

void
_pacta_db_set_busy_timeout (PactaDb *db,
                            guint    ms)
{
  db->busy_timeout_ms = ms;
  sqlite3_busy_timeout (db->db, (int) ms);
}

/* Returns: (transfer none): a reset statement for @sql, prepared once per connection.
 * Hold it in a g_autoptr(PactaStmt) so it is reset again when the caller is done. */
PactaStmt *
_pacta_db_prepare (PactaDb     *db,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (db->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (db->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _pacta_db_set_error (db, rc, error);
      return NULL;
    }
  g_hash_table_insert (db->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_pacta_db_exec (PactaDb     *db,
                const char  *sql,
                GError     **error)
{
  int rc = sqlite3_exec (db->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _pacta_db_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_pacta_db_step_done (PactaDb    *db,
                     PactaStmt  *stmt,
                     GError    **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  _pacta_db_set_error (db, rc, error);
  return FALSE;
}

/* Returns: 1 for a row, 0 when done, -1 on error */
int
_pacta_db_step_row (PactaDb    *db,
                    PactaStmt  *stmt,
                    GError    **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return 1;
  if (rc == SQLITE_DONE)
    return 0;
  _pacta_db_set_error (db, rc, error);
  return -1;
}

/* A write transaction that takes the write lock at once, so the busy timeout applies to it
 * (a deferred one that upgrades later can fail at once with SQLITE_BUSY). */
gboolean
_pacta_db_begin (PactaDb  *db,
                 GError  **error)
{
  return _pacta_db_exec (db, "BEGIN IMMEDIATE", error);
}

gboolean
_pacta_db_commit (PactaDb  *db,
                  GError  **error)
{
  if (_pacta_db_exec (db, "COMMIT", error))
    return TRUE;
  _pacta_db_rollback (db);
  return FALSE;
}

void
_pacta_db_rollback (PactaDb *db)
{
  if (!sqlite3_get_autocommit (db->db))
    sqlite3_exec (db->db, "ROLLBACK", NULL, NULL, NULL);
}

void
_pacta_db_bind_text (PactaStmt  *stmt,
                     int         index,
                     const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
_pacta_db_column_text (PactaStmt *stmt,
                       int        column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}
