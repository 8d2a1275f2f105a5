/* pacta-library-schema.c — the library's tables, version by version, and the forward
 * migrations between them
 *
 * A step never changes once released: version N of the schema is what step N-1 → N leaves,
 * and a file at any older version reaches the current one by running the steps in turn, each
 * in its own transaction that also sets PRAGMA user_version.
 *
 *   1  agreements (XML as imported, content hash, FRBR work URI, metadata) and their provisions
 *   2  decisions on findings, notes on provisions, saved comparisons; FTS5 over provisions,
 *      notes and decision reasons
 *   3  parties as rows (to filter by party), cached coverage scores, and each provision's
 *      article context; provisions are extracted again from the stored XML to fill it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-library-schema"

#include "config.h"

#include <glib/gi18n.h>

#include "pacta-akn-reader.h"
#include "pacta-library-private.h"

/* Version 1, exactly as released: tests/data/library/library-v1.db was made with it. */
const char * const _pacta_library_schema_v1_sql =
  "PRAGMA application_id = 1346454356;\n"  /* PACTA_LIBRARY_APPLICATION_ID */
  "CREATE TABLE agreements (\n"
  "  id            INTEGER PRIMARY KEY AUTOINCREMENT,\n"
  "  work_uri      TEXT    NOT NULL DEFAULT '',\n"
  "  content_hash  TEXT    NOT NULL,\n"
  "  xml           BLOB    NOT NULL,\n"
  "  source_name   TEXT,\n"
  "  title         TEXT,\n"
  "  short_title   TEXT,\n"
  "  kind          TEXT    NOT NULL DEFAULT 'unknown',\n"
  "  status        TEXT    NOT NULL DEFAULT 'unknown',\n"
  "  parties       TEXT,\n"
  "  year          INTEGER,\n"
  "  date_signed   TEXT,\n"
  "  date_in_force TEXT,\n"
  "  language      TEXT,\n"
  "  added_at      INTEGER NOT NULL,\n"
  "  UNIQUE (work_uri, content_hash)\n"
  ");\n"
  "CREATE INDEX agreements_hash ON agreements (content_hash);\n"
  "CREATE TABLE provisions (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  agreement_id  INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,\n"
  "  position      INTEGER NOT NULL,\n"
  "  eid           TEXT    NOT NULL DEFAULT '',\n"
  "  kind          TEXT    NOT NULL,\n"
  "  num           TEXT,\n"
  "  heading       TEXT,\n"
  "  text          TEXT\n"
  ");\n"
  "CREATE INDEX provisions_agreement ON provisions (agreement_id, position);\n";

#define FTS_TOKENIZER "tokenize = 'unicode61 remove_diacritics 2'"

/* An external-content FTS5 index kept in step with its table by triggers. */
#define FTS_TRIGGERS(table, cols, new_cols, old_cols) \
  "CREATE TRIGGER " table "_fts_insert AFTER INSERT ON " table " BEGIN\n" \
  "  INSERT INTO " table "_fts (rowid, " cols ") VALUES (new.id, " new_cols ");\n" \
  "END;\n" \
  "CREATE TRIGGER " table "_fts_delete AFTER DELETE ON " table " BEGIN\n" \
  "  INSERT INTO " table "_fts (" table "_fts, rowid, " cols ") VALUES ('delete', old.id, " old_cols ");\n" \
  "END;\n" \
  "CREATE TRIGGER " table "_fts_update AFTER UPDATE ON " table " BEGIN\n" \
  "  INSERT INTO " table "_fts (" table "_fts, rowid, " cols ") VALUES ('delete', old.id, " old_cols ");\n" \
  "  INSERT INTO " table "_fts (rowid, " cols ") VALUES (new.id, " new_cols ");\n" \
  "END;\n"

static const char v2_sql[] =
  "CREATE TABLE decisions (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  agreement_id  INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,\n"
  "  guideline_id  TEXT    NOT NULL,\n"
  "  item_slug     TEXT    NOT NULL,\n"
  "  origin        TEXT    NOT NULL CHECK (origin IN ('confirmed', 'rejected', 'set', 'not-applicable')),\n"
  "  status        TEXT    NOT NULL CHECK (status IN ('covered', 'partial', 'missing', 'not-applicable')),\n"
  "  reason        TEXT,\n"
  "  decided_at    INTEGER NOT NULL,\n"
  "  UNIQUE (agreement_id, guideline_id, item_slug)\n"
  ");\n"
  "CREATE TABLE notes (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  agreement_id  INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,\n"
  "  eid           TEXT    NOT NULL DEFAULT '',\n"
  "  text          TEXT    NOT NULL,\n"
  "  created_at    INTEGER NOT NULL,\n"
  "  updated_at    INTEGER NOT NULL\n"
  ");\n"
  "CREATE INDEX notes_agreement ON notes (agreement_id, eid);\n"
  "CREATE TABLE comparisons (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  agreement_a   INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,\n"
  "  agreement_b   INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,\n"
  "  title         TEXT,\n"
  "  options       TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid (options) AND json_type (options) = 'object'),\n"
  "  created_at    INTEGER NOT NULL,\n"
  "  updated_at    INTEGER NOT NULL\n"
  ");\n"
  "CREATE INDEX comparisons_a ON comparisons (agreement_a);\n"
  "CREATE INDEX comparisons_b ON comparisons (agreement_b);\n"
  "CREATE VIRTUAL TABLE provisions_fts USING fts5 (heading, text, content = 'provisions',\n"
  "  content_rowid = 'id', " FTS_TOKENIZER ");\n"
  "INSERT INTO provisions_fts (provisions_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');\n"
  FTS_TRIGGERS ("provisions", "heading, text", "new.heading, new.text", "old.heading, old.text")
  "INSERT INTO provisions_fts (provisions_fts) VALUES ('rebuild');\n"
  "CREATE VIRTUAL TABLE notes_fts USING fts5 (text, content = 'notes', content_rowid = 'id', "
  FTS_TOKENIZER ");\n"
  FTS_TRIGGERS ("notes", "text", "new.text", "old.text")
  "CREATE VIRTUAL TABLE decisions_fts USING fts5 (reason, content = 'decisions', content_rowid = 'id', "
  FTS_TOKENIZER ");\n"
  FTS_TRIGGERS ("decisions", "reason", "new.reason", "old.reason");

static const char v3_sql[] =
  "ALTER TABLE provisions ADD COLUMN context TEXT;\n"
  "CREATE TABLE agreement_parties (\n"
  "  agreement_id  INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,\n"
  "  position      INTEGER NOT NULL,\n"
  "  code          TEXT,\n"
  "  name          TEXT,\n"
  "  role          TEXT,\n"
  "  PRIMARY KEY (agreement_id, position)\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX agreement_parties_code ON agreement_parties (code COLLATE NOCASE);\n"
  "CREATE TABLE scores (\n"
  "  agreement_id  INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,\n"
  "  guideline_id  TEXT    NOT NULL,\n"
  "  score         REAL    NOT NULL,\n"
  "  covered       INTEGER NOT NULL,\n"
  "  partial       INTEGER NOT NULL,\n"
  "  missing       INTEGER NOT NULL,\n"
  "  not_applicable INTEGER NOT NULL,\n"
  "  decisions     INTEGER NOT NULL,\n"
  "  computed_at   INTEGER NOT NULL,\n"
  "  PRIMARY KEY (agreement_id, guideline_id)\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX agreements_kind ON agreements (kind);\n"
  "CREATE INDEX agreements_year ON agreements (year);\n";

int
_pacta_library_schema_version (PactaDb  *db,
                               GError  **error)
{
  g_autoptr(PactaStmt) stmt = _pacta_db_prepare (db, "PRAGMA user_version", error);

  if (stmt == NULL || _pacta_db_step_row (db, stmt, error) != 1)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

/* Provisions in document order; each row carries the eId to open (its own, or its nearest
 * ancestor's when it has none) and the label of the article it belongs to. */
static gboolean
insert_provisions (PactaDb         *db,
                   PactaStmt       *stmt,
                   gint64           agreement_id,
                   PactaProvision  *provision,
                   const char      *anchor,
                   const char      *context,
                   guint           *position,
                   GError         **error)
{
  const char *eid = pacta_provision_get_eid (provision);
  const char *heading = pacta_provision_get_heading (provision);
  const char *text = pacta_provision_get_text (provision);
  const char *num = pacta_provision_get_num (provision);
  g_autofree char *label = NULL;
  guint n = pacta_provision_get_n_children (provision);

  if (eid != NULL && eid[0] != '\0')
    anchor = eid;
  /* The article it belongs to; outside articles, the part of the text at the top (preamble,
   * final clauses, an annex). */
  if (context == NULL && (pacta_provision_is_article_level (provision) || pacta_provision_get_parent (provision) == NULL))
    context = label = pacta_provision_dup_label (provision);
  else if (context != NULL && pacta_provision_is_article_level (provision))
    context = label = pacta_provision_dup_label (provision);

  if ((heading && heading[0]) || (text && text[0]) || (num && num[0]))
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, agreement_id);
      sqlite3_bind_int (stmt, 2, (int) (*position)++);
      _pacta_db_bind_text (stmt, 3, anchor ? anchor : "");
      _pacta_db_bind_text (stmt, 4, pacta_provision_kind_to_string (pacta_provision_get_kind (provision)));
      _pacta_db_bind_text (stmt, 5, num);
      _pacta_db_bind_text (stmt, 6, heading);
      _pacta_db_bind_text (stmt, 7, text);
      _pacta_db_bind_text (stmt, 8, context);
      if (!_pacta_db_step_done (db, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < n; i++)
    if (!insert_provisions (db, stmt, agreement_id, pacta_provision_get_child (provision, i),
                            anchor, context, position, error))
      return FALSE;
  return TRUE;
}

gboolean
_pacta_library_insert_derived (PactaDb         *db,
                               gint64           agreement_id,
                               PactaAgreement  *agreement,
                               GError         **error)
{
  GListModel *provisions = pacta_agreement_get_provisions (agreement);
  GListModel *parties = pacta_agreement_get_parties (agreement);
  g_autoptr(PactaStmt) insert = NULL;
  g_autoptr(PactaStmt) party = NULL;
  guint position = 0;

  insert = _pacta_db_prepare (db,
                              "INSERT INTO provisions (agreement_id, position, eid, kind, num, heading, text, context) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (insert == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (provisions); i++)
    {
      g_autoptr(PactaProvision) provision = g_list_model_get_item (provisions, i);

      if (!insert_provisions (db, insert, agreement_id, provision, NULL, NULL, &position, error))
        return FALSE;
    }

  party = _pacta_db_prepare (db,
                             "INSERT INTO agreement_parties (agreement_id, position, code, name, role) "
                             "VALUES (?, ?, ?, ?, ?)", error);
  if (party == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
    {
      g_autoptr(PactaParty) p = g_list_model_get_item (parties, i);

      sqlite3_reset (party);
      sqlite3_bind_int64 (party, 1, agreement_id);
      sqlite3_bind_int (party, 2, (int) i);
      _pacta_db_bind_text (party, 3, pacta_party_get_code (p));
      _pacta_db_bind_text (party, 4, pacta_party_get_name (p));
      _pacta_db_bind_text (party, 5, pacta_party_get_role (p));
      if (!_pacta_db_step_done (db, party, error))
        return FALSE;
    }
  return TRUE;
}

/* 2 → 3: the new columns and tables are filled from the XML kept as imported. A text the
 * reader can no longer read keeps the rows it had (logged), rather than stopping the
 * migration and locking the person out of their library. */
static gboolean
extract_again (PactaDb  *db,
               GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(PactaStmt) list = _pacta_db_prepare (db, "SELECT id FROM agreements ORDER BY id", error);
  int row;

  if (list == NULL)
    return FALSE;
  while ((row = _pacta_db_step_row (db, list, error)) == 1)
    {
      gint64 id = sqlite3_column_int64 (list, 0);
      g_array_append_val (ids, id);
    }
  if (row < 0)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(PactaStmt) get = _pacta_db_prepare (db, "SELECT xml, source_name FROM agreements WHERE id = ?", error);
      g_autoptr(PactaStmt) clear = NULL;
      g_autoptr(GBytes) xml = NULL;
      g_autoptr(PactaAgreement) agreement = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *name = NULL;

      if (get == NULL)
        return FALSE;
      sqlite3_bind_int64 (get, 1, id);
      if (_pacta_db_step_row (db, get, error) != 1)
        return FALSE;
      xml = g_bytes_new (sqlite3_column_blob (get, 0), sqlite3_column_bytes (get, 0));
      name = g_strdup (_pacta_db_column_text (get, 1));
      g_clear_pointer (&get, _pacta_stmt_release);

      agreement = pacta_akn_load_bytes (xml, name, &local_error);
      if (agreement == NULL)
        {
          g_warning ("library migration: agreement %" G_GINT64_FORMAT " keeps its old provisions: %s",
                     id, local_error->message);
          continue;
        }
      clear = _pacta_db_prepare (db, "DELETE FROM provisions WHERE agreement_id = ?", error);
      if (clear == NULL)
        return FALSE;
      sqlite3_bind_int64 (clear, 1, id);
      if (!_pacta_db_step_done (db, clear, error))
        return FALSE;
      if (!_pacta_library_insert_derived (db, id, agreement, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
run_step (PactaDb  *db,
          int       to_version,
          GError  **error)
{
  switch (to_version)
    {
    case 1:
      return _pacta_db_exec (db, _pacta_library_schema_v1_sql, error);
    case 2:
      return _pacta_db_exec (db, v2_sql, error);
    case 3:
      return _pacta_db_exec (db, v3_sql, error) && extract_again (db, error);
    default:
      g_assert_not_reached ();
    }
}

gboolean
_pacta_library_migrate (PactaDb  *db,
                        int       from_version,
                        GError  **error)
{
  g_return_val_if_fail (from_version >= 0 && from_version <= PACTA_LIBRARY_SCHEMA_VERSION, FALSE);

  for (int version = from_version + 1; version <= PACTA_LIBRARY_SCHEMA_VERSION; version++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version);

      g_debug ("migrating %s to schema version %d", db->path, version);
      if (!_pacta_db_begin (db, error))
        return FALSE;
      if (!run_step (db, version, error) || !_pacta_db_exec (db, set_version, error))
        {
          _pacta_db_rollback (db);
          g_prefix_error (error, _("while updating the library to version %d: "), version);
          return FALSE;
        }
      if (!_pacta_db_commit (db, error))
        return FALSE;
    }
  return TRUE;
}
