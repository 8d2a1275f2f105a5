/* make-library-v1-fixture.c — writes tests/data/library/library-v1.db, a library as schema
 * version 1 left it, for the migration test
 *
 * Version 1 is frozen: this program creates the tables with the released v1 SQL
 * (_pacta_library_schema_v1_sql) and fills them the way version 1 did — agreements with their
 * XML as imported, one provision row per node with a heading, text or number, no parties
 * table, no article context. Run it from the source tree after changing nothing about v1:
 *
 *   ninja -C build tests/make-library-v1-fixture && build/tests/make-library-v1-fixture tests/data/library/library-v1.db
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "pacta-akn-reader.h"
#include "pacta-data.h"
#include "pacta-library-private.h"

static const char * const samples[] = {
  "xa-xb-ssa-2019.akn.xml",
  "xf-xk-securite-sociale-pensions-2016.akn.xml",
  "xj-xg-trabajo-domestico-2023.akn.xml",
};

static void
check (sqlite3 *db,
       int      rc)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    g_error ("%s", sqlite3_errmsg (db));
}

static void
insert_provisions (sqlite3        *db,
                   sqlite3_stmt   *stmt,
                   sqlite3_int64   agreement_id,
                   PactaProvision *provision,
                   const char     *anchor,
                   int            *position)
{
  const char *eid = pacta_provision_get_eid (provision);
  const char *heading = pacta_provision_get_heading (provision);
  const char *text = pacta_provision_get_text (provision);
  const char *num = pacta_provision_get_num (provision);

  if (eid != NULL && eid[0] != '\0')
    anchor = eid;
  if ((heading && heading[0]) || (text && text[0]) || (num && num[0]))
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, agreement_id);
      sqlite3_bind_int (stmt, 2, (*position)++);
      sqlite3_bind_text (stmt, 3, anchor ? anchor : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, pacta_provision_kind_to_string (pacta_provision_get_kind (provision)), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, num, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, heading, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, text, -1, SQLITE_TRANSIENT);
      check (db, sqlite3_step (stmt));
    }
  for (guint i = 0; i < pacta_provision_get_n_children (provision); i++)
    insert_provisions (db, stmt, agreement_id, pacta_provision_get_child (provision, i), anchor, position);
}

int
main (int    argc,
      char **argv)
{
  sqlite3 *db;
  sqlite3_stmt *agreement_stmt, *provision_stmt;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s OUTPUT.db\n", argv[0]);
      return 2;
    }
  g_unlink (argv[1]);
  check (NULL, sqlite3_open (argv[1], &db));
  check (db, sqlite3_exec (db, "BEGIN", NULL, NULL, NULL));
  check (db, sqlite3_exec (db, _pacta_library_schema_v1_sql, NULL, NULL, NULL));
  check (db, sqlite3_prepare_v2 (db, "INSERT INTO agreements (work_uri, content_hash, xml, source_name, title, short_title, "
                                     "kind, status, parties, year, date_signed, date_in_force, language, added_at) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &agreement_stmt, NULL));
  check (db, sqlite3_prepare_v2 (db, "INSERT INTO provisions (agreement_id, position, eid, kind, num, heading, text) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?)", -1, &provision_stmt, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = g_build_filename (pacta_data_dir (), "samples", samples[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(PactaAgreement) agreement = NULL;
      g_autofree char *hash = NULL;
      g_autofree char *parties = NULL;
      GListModel *provisions;
      sqlite3_int64 id;
      int position = 0;

      if (!g_file_get_contents (path, &contents, &length, &error))
        g_error ("%s", error->message);
      bytes = g_bytes_new (contents, length);
      agreement = pacta_akn_load_bytes (bytes, path, &error);
      if (agreement == NULL)
        g_error ("%s", error->message);
      hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      parties = pacta_agreement_dup_parties_label (agreement);

      sqlite3_reset (agreement_stmt);
      sqlite3_bind_text (agreement_stmt, 1, pacta_agreement_get_work_uri (agreement), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (agreement_stmt, 2, hash, -1, SQLITE_TRANSIENT);
      sqlite3_bind_blob (agreement_stmt, 3, contents, (int) length, SQLITE_TRANSIENT);
      sqlite3_bind_text (agreement_stmt, 4, samples[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (agreement_stmt, 5, pacta_agreement_get_title (agreement), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (agreement_stmt, 6, pacta_agreement_get_short_title (agreement), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (agreement_stmt, 7, pacta_agreement_kind_to_string (pacta_agreement_get_kind (agreement)), -1, SQLITE_STATIC);
      sqlite3_bind_text (agreement_stmt, 8, pacta_agreement_status_to_string (pacta_agreement_get_status (agreement)), -1, SQLITE_STATIC);
      sqlite3_bind_text (agreement_stmt, 9, parties, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (agreement_stmt, 10, pacta_agreement_get_year (agreement));
      sqlite3_bind_text (agreement_stmt, 11, pacta_agreement_get_date_signed (agreement), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (agreement_stmt, 12, pacta_agreement_get_date_in_force (agreement), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (agreement_stmt, 13, pacta_agreement_get_language (agreement), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (agreement_stmt, 14, 1735689600 + i * 60);  /* 2025-01-01, a minute apart */
      check (db, sqlite3_step (agreement_stmt));
      id = sqlite3_last_insert_rowid (db);

      provisions = pacta_agreement_get_provisions (agreement);
      for (guint p = 0; p < g_list_model_get_n_items (provisions); p++)
        {
          g_autoptr(PactaProvision) provision = g_list_model_get_item (provisions, p);
          insert_provisions (db, provision_stmt, id, provision, NULL, &position);
        }
      printf ("#%lld %s: %d provisions\n", (long long) id, samples[i], position);
    }

  sqlite3_finalize (agreement_stmt);
  sqlite3_finalize (provision_stmt);
  check (db, sqlite3_exec (db, "PRAGMA user_version = 1; COMMIT; VACUUM", NULL, NULL, NULL));
  sqlite3_close (db);
  return 0;
}
