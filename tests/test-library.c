/* test-library.c — the library store: schema and migration, import, search, decisions, notes,
 * saved comparisons, scores, bad files and recovery, locks, and the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <pango/pango.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <utime.h>

#include "pacta-akn-reader.h"
#include "pacta-guideline-reader.h"
#include "pacta-library.h"
#include "pacta-library-private.h"
#include "test-helpers.h"

/* Helpers */

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pacta-library-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

typedef struct
{
  char         *dir;
  char         *path;
  PactaLibrary *library;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->library = pacta_library_open (fixture->path, PACTA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->library);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->library);
  fixture->library = pacta_library_open (fixture->path, PACTA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static PactaImportReport *
import_samples (PactaLibrary *library)
{
  g_autofree char *samples = g_build_filename (pacta_data_dir (), "samples", NULL);
  const char *paths[] = { samples, NULL };
  g_autoptr(GError) error = NULL;
  PactaImportReport *report = pacta_library_import (library, paths, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static gint64
find_sample (PactaLibrary *library,
             const char   *source_name)
{
  GListModel *entries = pacta_library_get_agreements (library);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PactaLibraryEntry) entry = g_list_model_get_item (entries, i);

      if (g_strcmp0 (pacta_library_entry_get_source_name (entry), source_name) == 0)
        return pacta_library_entry_get_id (entry);
    }
  g_assert_not_reached ();
}

/* A raw connection, to look at the file as SQLite sees it. */
static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  return db;
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
raw_text (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static PactaGuideline *
load_guideline (const char *file)
{
  g_autofree char *path = guideline_path (file);
  g_autoptr(GError) error = NULL;
  PactaGuideline *guideline = pacta_guideline_load_file (path, &error);

  g_assert_no_error (error);
  return guideline;
}

static void score_notify_cb (GObject    *object,
                             GParamSpec *pspec,
                             gpointer    user_data);

/* The schema */

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  sqlite3 *db = raw_open (fixture->path);
  g_autofree char *mode = raw_text (db, "PRAGMA journal_mode");
  g_autofree char *backup = pacta_library_backup_path (fixture->path);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "pacta", "library.db", NULL);
  g_autofree char *default_path = pacta_library_default_path ();

  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, PACTA_LIBRARY_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (db, "PRAGMA application_id"), ==, PACTA_LIBRARY_APPLICATION_ID);
  g_assert_cmpstr (mode, ==, "wal");
  sqlite3_close (db);

  g_assert_cmpuint (g_list_model_get_n_items (pacta_library_get_agreements (fixture->library)), ==, 0);
  g_assert_true (g_list_model_get_item_type (pacta_library_get_agreements (fixture->library)) == PACTA_TYPE_LIBRARY_ENTRY);
  /* Nothing to lose yet, so no backup yet. */
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (default_path, ==, expected);
  g_assert_true (pacta_library_check_integrity (fixture->library, NULL));
}

/* Foreign keys are on in every connection the library makes. */
static void
test_foreign_keys (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (pacta_library_set_decision (fixture->library, 4242, "ss-coord", "ssa-export",
                                              PACTA_FINDING_ORIGIN_CONFIRMED, PACTA_FINDING_STATUS_COVERED, NULL, &error));
  g_assert_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "#4242"));
  g_clear_error (&error);
  g_assert_cmpint (pacta_library_add_note (fixture->library, 4242, "art_1", "x", &error), ==, 0);
  g_assert_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NOT_FOUND);
}

/* The v1 fixture (tests/data/library/library-v1.db) was made by the v1 SQL this Pacta still
 * carries; it migrates to the current version with everything in it intact. */
static void
test_migrate_v1 (void)
{
  g_autofree char *fixture = data_path ("library", "library-v1.db", NULL);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *v1_backup = g_strconcat (path, ".v1.bak", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *sample = NULL;
  g_autofree char *sample_xml = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaLibrary) library = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(PactaAgreement) agreement = NULL;
  PactaLibraryEntry *entry;
  PactaLibraryFilter filter = PACTA_LIBRARY_FILTER_INIT;
  gsize length, sample_length;
  sqlite3 *db;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  db = raw_open (path);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM agreements"), ==, 3);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM provisions"), ==, 506);
  sqlite3_close (db);

  library = pacta_library_open (path, PACTA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  /* The file as it was is kept before a migration. */
  g_assert_true (g_file_test (v1_backup, G_FILE_TEST_IS_REGULAR));

  db = raw_open (path);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, PACTA_LIBRARY_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM agreements"), ==, 3);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM provisions"), ==, 506);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM provisions WHERE context IS NOT NULL"), >, 400);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM agreement_parties"), ==, 6);
  g_assert_cmpint (raw_int (db, "SELECT added_at FROM agreements WHERE id = 1"), ==, 1735689600);
  sqlite3_close (db);
  g_assert_true (pacta_library_check_integrity (library, NULL));

  /* Metadata and the XML as imported. */
  g_assert_cmpuint (g_list_model_get_n_items (pacta_library_get_agreements (library)), ==, 3);
  entry = pacta_library_lookup (library, 2);
  g_assert_nonnull (entry);
  g_assert_cmpstr (pacta_library_entry_get_work_uri (entry), ==, "/akn/xf/act/ssa/2016-10-07/xf-xk-securite-sociale-pensions");
  g_assert_cmpint (pacta_library_entry_get_kind (entry), ==, PACTA_AGREEMENT_KIND_SSA);
  g_assert_cmpint (pacta_library_entry_get_year (entry), ==, 2016);
  g_assert_cmpstr (pacta_library_entry_get_language (entry), ==, "fr");
  g_assert_cmpstrv (pacta_library_entry_get_party_codes (entry), ((const char *[]) { "XF", "XK", NULL }));
  sample = sample_path ("xf-xk-securite-sociale-pensions-2016.akn.xml");
  g_assert_true (g_file_get_contents (sample, &sample_xml, &sample_length, NULL));
  xml = pacta_library_dup_xml (library, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml), sample_xml, sample_length);
  agreement = pacta_library_load_agreement (library, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pacta_agreement_get_work_uri (agreement), ==, pacta_library_entry_get_work_uri (entry));

  /* The provisions v1 stored are searchable now, and the v2 tables work. */
  hits = pacta_library_search (library, "liquidation des pensions", NULL, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), >, 0);
  {
    g_autoptr(PactaLibraryHit) hit = g_list_model_get_item (hits, 0);
    g_assert_cmpint (pacta_library_hit_get_agreement_id (hit), ==, 2);
    g_assert_cmpstr (pacta_library_hit_get_eid (hit), ==, "art_12");
  }
  g_assert_cmpint (pacta_library_add_note (library, 1, "art_5", "kept after migration", &error), >, 0);
  g_assert_no_error (error);

  /* Parties as rows: the filter by party works on migrated agreements. */
  filter.party = "xj";
  g_assert_true (pacta_library_entry_matches (pacta_library_lookup (library, 3), &filter));
  g_assert_false (pacta_library_entry_matches (pacta_library_lookup (library, 1), &filter));

  g_clear_object (&library);
  remove_tree (dir);
}

/* The fixture's tables are exactly what this Pacta's step to version 1 makes. */
static void
test_migrate_v1_schema (void)
{
  g_autofree char *fixture = data_path ("library", "library-v1.db", NULL);
  g_autoptr(GString) fresh_schema = g_string_new (NULL);
  g_autoptr(GString) fixture_schema = g_string_new (NULL);
  const char *sql = "SELECT group_concat (sql, ';') FROM (SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name)";
  sqlite3 *fresh = NULL;
  sqlite3 *old = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &fresh), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (fresh, _pacta_library_schema_v1_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_open_v2 (fixture, &old, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  a = raw_text (fresh, sql);
  b = raw_text (old, sql);
  g_assert_cmpstr (a, ==, b);
  sqlite3_close (fresh);
  sqlite3_close (old);
}

/* Importing */

static void
test_import_samples (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(PactaImportReport) report = import_samples (fixture->library);
  g_autoptr(PactaImportReport) again = NULL;
  g_autoptr(GPtrArray) samples = pacta_data_list_files ("samples");
  GListModel *entries = pacta_library_get_agreements (fixture->library);
  PactaLibraryEntry *entry;
  g_autofree char *title = NULL;
  gint64 id;

  g_assert_cmpuint (pacta_import_report_get_n_added (report), ==, samples->len);
  g_assert_cmpuint (pacta_import_report_get_n_failed (report), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, samples->len);
  g_assert_cmpuint (g_list_model_get_n_items (pacta_import_report_get_results (report)), ==, samples->len);

  id = find_sample (fixture->library, "xa-xb-ssa-2019.akn.xml");
  entry = pacta_library_lookup (fixture->library, id);
  g_assert_cmpstr (pacta_library_entry_get_display_title (entry), ==, "XA–XB Social Security Agreement (2019)");
  g_assert_cmpint (pacta_library_entry_get_kind (entry), ==, PACTA_AGREEMENT_KIND_SSA);
  g_assert_cmpint (pacta_library_entry_get_status (entry), ==, PACTA_AGREEMENT_STATUS_IN_FORCE);
  g_assert_cmpint (pacta_library_entry_get_year (entry), ==, 2019);
  g_assert_cmpstr (pacta_library_entry_get_language (entry), ==, "en");
  g_assert_cmpstr (pacta_library_entry_get_date_signed (entry), ==, "2019-05-14");
  g_assert_cmpstrv (pacta_library_entry_get_party_codes (entry), ((const char *[]) { "XA", "XB", NULL }));
  g_assert_true (pacta_library_entry_has_party (entry, "xb"));
  g_assert_cmpint (strlen (pacta_library_entry_get_content_hash (entry)), ==, 64);
  g_assert_cmpfloat (pacta_library_entry_get_score (entry), ==, -1);

  /* Again: every file is a duplicate and nothing changes. */
  again = import_samples (fixture->library);
  g_assert_cmpuint (pacta_import_report_get_n_added (again), ==, 0);
  g_assert_cmpuint (pacta_import_report_get_n_duplicates (again), ==, samples->len);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, samples->len);

  /* Reopened, the list is the same. */
  title = g_strdup (pacta_library_entry_get_title (entry));
  reopen (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (pacta_library_get_agreements (fixture->library)), ==, samples->len);
  g_assert_cmpstr (pacta_library_entry_get_title (pacta_library_lookup (fixture->library, id)), ==, title);
}

/* Same work, other text: another version, linked to the first; same bytes: a duplicate. */
static void
test_import_versions (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = sample_path ("xe-xh-mou-2019.akn.xml");
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) variant = NULL;
  g_autoptr(PactaImportResult) first = NULL;
  g_autoptr(PactaImportResult) second = NULL;
  g_autoptr(PactaImportResult) third = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  original = g_bytes_new (contents, length);
  changed = g_strconcat (contents, "\n<!-- a later copy -->\n", NULL);
  variant = g_bytes_new (changed, strlen (changed));

  first = pacta_library_add_bytes (fixture->library, original, path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pacta_import_result_get_outcome (first), ==, PACTA_IMPORT_ADDED);
  g_assert_cmpint (pacta_import_result_get_other_version (first), ==, 0);

  second = pacta_library_add_bytes (fixture->library, variant, "copy.akn.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpint (pacta_import_result_get_outcome (second), ==, PACTA_IMPORT_ADDED);
  g_assert_cmpint (pacta_import_result_get_other_version (second), ==, pacta_import_result_get_agreement_id (first));

  third = pacta_library_add_bytes (fixture->library, original, "again.akn.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpint (pacta_import_result_get_outcome (third), ==, PACTA_IMPORT_DUPLICATE);
  g_assert_cmpint (pacta_import_result_get_agreement_id (third), ==, pacta_import_result_get_agreement_id (first));

  versions = pacta_library_find_work (fixture->library, "/akn/xe/act/mou/2019-10-07/xe-xh-mou");
  g_assert_cmpuint (versions->len, ==, 2);
}

/* Bad files are reported with file, line and column; they touch nothing. */
static void
test_import_failures (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *malformed = data_path ("bad", "malformed.akn.xml", NULL);
  g_autofree char *good = sample_path ("xe-xh-mou-2019.akn.xml");
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.akn.xml", NULL);
  const char *paths[] = { malformed, good, missing, NULL };
  g_autoptr(GRegex) located = g_regex_new ("^.+:[0-9]+:[0-9]+: .+$", 0, 0, NULL);
  g_autoptr(PactaImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *results;

  report = pacta_library_import (fixture->library, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pacta_import_report_get_n_added (report), ==, 1);
  g_assert_cmpuint (pacta_import_report_get_n_failed (report), ==, 2);
  results = pacta_import_report_get_results (report);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PactaImportResult) result = g_list_model_get_item (results, i);

      if (pacta_import_result_get_outcome (result) != PACTA_IMPORT_FAILED)
        continue;
      g_assert_true (g_str_has_prefix (pacta_import_result_get_message (result), pacta_import_result_get_path (result)));
      g_assert_true (g_regex_match (located, pacta_import_result_get_message (result), 0, NULL));
    }
  g_assert_cmpuint (g_list_model_get_n_items (pacta_library_get_agreements (fixture->library)), ==, 1);
}

/* Folders are read for *.xml files, subfolders included, hidden ones left out. */
static void
test_expand_paths (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *sub = g_build_filename (fixture->dir, "in", "sub", NULL);
  g_autofree char *top = g_build_filename (fixture->dir, "in", NULL);
  g_autofree char *a = g_build_filename (top, "b.akn.xml", NULL);
  g_autofree char *b = g_build_filename (sub, "a.xml", NULL);
  g_autofree char *c = g_build_filename (top, "notes.txt", NULL);
  g_autofree char *d = g_build_filename (top, ".hidden.xml", NULL);
  const char *paths[] = { top, "/named/even/if/missing.xml", NULL };
  g_autoptr(GPtrArray) files = NULL;

  g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
  g_file_set_contents (a, "x", 1, NULL);
  g_file_set_contents (b, "x", 1, NULL);
  g_file_set_contents (c, "x", 1, NULL);
  g_file_set_contents (d, "x", 1, NULL);
  files = pacta_library_expand_paths (paths);
  g_assert_cmpuint (files->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (files, 0), ==, a);
  g_assert_cmpstr (g_ptr_array_index (files, 1), ==, b);
  g_assert_cmpstr (g_ptr_array_index (files, 2), ==, "/named/even/if/missing.xml");
}

typedef struct
{
  GMainLoop         *loop;
  PactaImportReport *report;
  GError            *error;
  guint              progress_calls;
  guint              last_done;
  guint              list_length_seen;
  PactaLibrary      *library;
  GCancellable      *cancel_after_first;
} AsyncState;

static void
async_progress_cb (PactaImportResult *result,
                   guint              done,
                   guint              total,
                   gpointer           user_data)
{
  AsyncState *state = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  state->progress_calls++;
  g_assert_cmpuint (done, ==, state->last_done + 1);
  state->last_done = done;
  /* The list has the agreement by the time the window hears of it. */
  if (pacta_import_result_get_outcome (result) == PACTA_IMPORT_ADDED)
    g_assert_nonnull (pacta_library_lookup (state->library, pacta_import_result_get_agreement_id (result)));
  state->list_length_seen = g_list_model_get_n_items (pacta_library_get_agreements (state->library));
  if (state->cancel_after_first != NULL)
    g_cancellable_cancel (state->cancel_after_first);
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncState *state = user_data;

  state->report = pacta_library_import_finish (PACTA_LIBRARY (source), result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_import_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *samples = g_build_filename (pacta_data_dir (), "samples", NULL);
  const char *paths[] = { samples, NULL };
  g_autoptr(GPtrArray) files = pacta_data_list_files ("samples");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncState state = { loop, NULL, NULL, 0, 0, 0, fixture->library, NULL };

  pacta_library_import_async (fixture->library, paths, NULL, async_progress_cb, &state, NULL, async_done_cb, &state);
  g_main_loop_run (loop);
  g_assert_no_error (state.error);
  g_assert_nonnull (state.report);
  g_assert_cmpuint (state.progress_calls, ==, files->len);
  g_assert_cmpuint (pacta_import_report_get_n_added (state.report), ==, files->len);
  g_assert_false (pacta_import_report_get_cancelled (state.report));
  g_assert_cmpuint (state.list_length_seen, ==, files->len);
  g_clear_object (&state.report);

  /* The thread's connection wrote to the same file. */
  reopen (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (pacta_library_get_agreements (fixture->library)), ==, files->len);
}

/* Cancelling stops before the next file; what was done is kept and the report says so. */
static void
test_import_cancel (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *samples = g_build_filename (pacta_data_dir (), "samples", NULL);
  const char *paths[] = { samples, NULL };
  g_autoptr(GPtrArray) files = pacta_data_list_files ("samples");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncState state = { loop, NULL, NULL, 0, 0, 0, fixture->library, cancellable };
  guint n;

  pacta_library_import_async (fixture->library, paths, cancellable, async_progress_cb, &state, NULL, async_done_cb, &state);
  g_main_loop_run (loop);
  g_assert_no_error (state.error);
  g_assert_true (pacta_import_report_get_cancelled (state.report));
  n = pacta_import_report_get_n_added (state.report);
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <, files->len);
  g_assert_cmpuint (g_list_model_get_n_items (pacta_library_get_agreements (fixture->library)), ==, n);
  g_clear_object (&state.report);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  int *net = user_data;
  *net += (int) added - (int) removed;
}

/* Removing takes decisions, notes, comparisons, scores and search hits with it, in one step. */
static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PactaImportReport) report = import_samples (fixture->library);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;
  gint64 id = find_sample (fixture->library, "xa-xb-ssa-2019.akn.xml");
  gint64 other = find_sample (fixture->library, "xe-xh-mou-2019.akn.xml");
  gint64 ids[2] = { other, 99999 };
  guint decisions = 0, notes = 0, comparisons = 0;
  int net = 0;
  sqlite3 *db;

  g_assert_true (pacta_library_set_decision (fixture->library, id, "ss-coord", "ssa-export", PACTA_FINDING_ORIGIN_CONFIRMED,
                                             PACTA_FINDING_STATUS_COVERED, "zebrafinch", &error));
  g_assert_cmpint (pacta_library_add_note (fixture->library, id, "art_5", "okapi", &error), >, 0);
  g_assert_cmpint (pacta_library_save_comparison (fixture->library, id, other, NULL, NULL, &error), >, 0);
  g_assert_true (pacta_library_count_user_data (fixture->library, id, &decisions, &notes, &comparisons, &error));
  g_assert_cmpuint (decisions, ==, 1);
  g_assert_cmpuint (notes, ==, 1);
  g_assert_cmpuint (comparisons, ==, 1);
  before = pacta_library_search (fixture->library, "export of benefits", NULL, 100, &error);
  g_assert_no_error (error);

  /* One unknown id: nothing is removed. */
  g_assert_cmpuint (pacta_library_remove (fixture->library, ids, 2, &error), ==, 0);
  g_assert_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_nonnull (pacta_library_lookup (fixture->library, other));

  g_signal_connect (pacta_library_get_agreements (fixture->library), "items-changed", G_CALLBACK (items_changed_cb), &net);
  g_assert_cmpuint (pacta_library_remove (fixture->library, &id, 1, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (net, ==, -1);
  g_assert_null (pacta_library_lookup (fixture->library, id));

  after = pacta_library_search (fixture->library, "export of benefits", NULL, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (after), <, g_list_model_get_n_items (before));
  for (guint i = 0; i < g_list_model_get_n_items (after); i++)
    {
      g_autoptr(PactaLibraryHit) hit = g_list_model_get_item (after, i);
      g_assert_cmpint (pacta_library_hit_get_agreement_id (hit), !=, id);
    }
  g_clear_object (&after);
  after = pacta_library_search (fixture->library, "zebrafinch OR okapi", NULL, 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 0);

  db = raw_open (fixture->path);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM provisions WHERE agreement_id NOT IN (SELECT id FROM agreements)"), ==, 0);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM decisions"), ==, 0);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM notes"), ==, 0);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM comparisons"), ==, 0);
  sqlite3_close (db);
  g_assert_true (pacta_library_check_integrity (fixture->library, &error));
  g_assert_no_error (error);

  /* Ids are never given again: a stale reference cannot reach another agreement. */
  {
    g_autoptr(PactaImportResult) result = NULL;
    g_autofree char *path = sample_path ("xa-xb-ssa-2019.akn.xml");
    g_autofree char *contents = NULL;
    gsize length;
    g_autoptr(GBytes) bytes = NULL;

    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    bytes = g_bytes_new (contents, length);
    result = pacta_library_add_bytes (fixture->library, bytes, path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (pacta_import_result_get_agreement_id (result), >, id);
  }
}

/* Another program changes the file: the list follows, keeping the entries that stayed. */
static void
test_reload (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PactaImportReport) report = import_samples (fixture->library);
  g_autoptr(PactaLibrary) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaImportResult) added = NULL;
  g_autoptr(PactaGuideline) guideline = load_guideline ("ss-coordination.xml");
  g_autoptr(PactaMatcher) matcher = pacta_matcher_new ();
  g_autoptr(PactaAgreement) agreement = NULL;
  g_autoptr(PactaCoverage) coverage = NULL;
  g_autofree char *path = sample_path ("xe-xh-mou-2019.akn.xml");
  g_autofree char *contents = NULL;
  g_autofree char *changed_text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GListModel *entries = pacta_library_get_agreements (fixture->library);
  gint64 ssa = find_sample (fixture->library, "xa-xb-ssa-2019.akn.xml");
  gint64 mou = find_sample (fixture->library, "xe-xh-mou-2019.akn.xml");
  PactaLibraryEntry *kept = pacta_library_lookup (fixture->library, ssa);
  gboolean changed = TRUE;
  guint notified = 0;
  gsize length;

  g_assert_true (pacta_library_reload_if_changed (fixture->library, &changed, &error));
  g_assert_false (changed);

  other = pacta_library_open (fixture->path, PACTA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  changed_text = g_strconcat (contents, "<!-- v2 -->", NULL);
  bytes = g_bytes_new (changed_text, strlen (changed_text));
  added = pacta_library_add_bytes (other, bytes, "v2.akn.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pacta_library_remove (other, &mou, 1, &error), ==, 1);
  agreement = pacta_library_load_agreement (other, ssa, &error);
  coverage = pacta_library_check_agreement (other, matcher, ssa, agreement, guideline, &error);
  g_assert_true (pacta_library_store_scores (other, &ssa, &coverage, 1, &error));

  g_signal_connect (kept, "notify::score", G_CALLBACK (score_notify_cb), &notified);
  g_assert_true (pacta_library_reload_if_changed (fixture->library, &changed, &error));
  g_assert_no_error (error);
  g_assert_true (changed);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 9);
  g_assert_null (pacta_library_lookup (fixture->library, mou));
  g_assert_nonnull (pacta_library_lookup (fixture->library, pacta_import_result_get_agreement_id (added)));
  g_assert_true (pacta_library_lookup (fixture->library, ssa) == kept);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpfloat (pacta_library_entry_get_score (kept), >, 0);
  for (guint i = 1; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PactaLibraryEntry) a = g_list_model_get_item (entries, i - 1);
      g_autoptr(PactaLibraryEntry) b = g_list_model_get_item (entries, i);
      g_assert_cmpint (pacta_library_entry_get_id (a), <, pacta_library_entry_get_id (b));
    }

  g_assert_true (pacta_library_reload_if_changed (fixture->library, &changed, &error));
  g_assert_false (changed);
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PactaImportReport) report = import_samples (fixture->library);
  PactaLibraryEntry *ssa = pacta_library_lookup (fixture->library, find_sample (fixture->library, "xa-xb-ssa-2019.akn.xml"));
  PactaLibraryEntry *draft = pacta_library_lookup (fixture->library, find_sample (fixture->library, "xa-xp-blma-draft-round1.akn.xml"));
  PactaLibraryFilter filter = PACTA_LIBRARY_FILTER_INIT;

  g_assert_true (pacta_library_entry_matches (ssa, &filter));
  g_assert_true (pacta_library_entry_matches (ssa, NULL));
  filter.kind = PACTA_AGREEMENT_KIND_SSA;
  g_assert_true (pacta_library_entry_matches (ssa, &filter));
  g_assert_false (pacta_library_entry_matches (draft, &filter));
  filter = (PactaLibraryFilter) PACTA_LIBRARY_FILTER_INIT;
  filter.status = PACTA_AGREEMENT_STATUS_DRAFT;
  g_assert_false (pacta_library_entry_matches (ssa, &filter));
  g_assert_true (pacta_library_entry_matches (draft, &filter));
  filter = (PactaLibraryFilter) PACTA_LIBRARY_FILTER_INIT;
  filter.year_from = 2015;
  filter.year_to = 2020;
  g_assert_true (pacta_library_entry_matches (ssa, &filter));
  g_assert_false (pacta_library_entry_matches (draft, &filter));
  filter = (PactaLibraryFilter) PACTA_LIBRARY_FILTER_INIT;
  filter.party = "XP";
  g_assert_false (pacta_library_entry_matches (ssa, &filter));
  g_assert_true (pacta_library_entry_matches (draft, &filter));
  filter = (PactaLibraryFilter) PACTA_LIBRARY_FILTER_INIT;
  filter.text = "SOCIAL SECURITY";
  g_assert_true (pacta_library_entry_matches (ssa, &filter));
  g_assert_false (pacta_library_entry_matches (draft, &filter));
  filter = (PactaLibraryFilter) PACTA_LIBRARY_FILTER_INIT;
  filter.min_score = 0.1;
  g_assert_false (pacta_library_entry_matches (ssa, &filter));  /* never checked */
}

/* Search */

static void
test_build_query (void)
{
  const struct { const char *in; const char *out; } cases[] = {
    { "pension", "\"pension\"*" },
    { "export of benefits", "\"export\"* \"benefits\"*" },
    { "\"equal treatment\" migrant", "\"equal treatment\" \"migrant\"*" },
    { "pension -invalidity", "(\"pension\"*) NOT  \"invalidity\"*" },
    { "totalisation OR aggregation", "\"totalisation\"* OR \"aggregation\"*" },
    { "art* ab*", "\"art\"* \"ab\"*" },
    { "say \"hi", "\"say\"* \"hi\"" },
    { "l'emploi", "\"l'emploi\"*" },
    { "quote\"inside", "\"quote\"\"inside\"*" },
    { "the", "\"the\"" },
    { "of the", "\"of\" \"the\"" },
    { "La sécurité de l'emploi", "\"sécurité\"* \"l'emploi\"*" },
    { "pension OR the", "\"pension\"* OR \"the\"*" },
    { "\"right of residence\"", "\"right of residence\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = pacta_library_build_query (cases[i].in);
      g_assert_cmpstr (query, ==, cases[i].out);
    }
  g_assert_null (pacta_library_build_query (""));
  g_assert_null (pacta_library_build_query ("  -- , OR"));
  g_assert_null (pacta_library_build_query ("-pension"));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PactaImportReport) report = import_samples (fixture->library);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(PactaLibraryHit) first = NULL;
  g_autofree char *snippet = NULL;
  g_autofree char *markup = NULL;
  gint64 ssa = find_sample (fixture->library, "xa-xb-ssa-2019.akn.xml");
  gint64 french = find_sample (fixture->library, "xf-xk-securite-sociale-pensions-2016.akn.xml");
  double previous = -G_MAXDOUBLE;

  hits = pacta_library_search (fixture->library, "export of benefits", NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), >=, 1);
  first = g_list_model_get_item (hits, 0);
  /* The heading weighs most: the article called "Export of benefits" comes first. */
  g_assert_cmpint (pacta_library_hit_get_agreement_id (first), ==, ssa);
  g_assert_cmpstr (pacta_library_hit_get_eid (first), ==, "art_5");
  g_assert_cmpstr (pacta_library_hit_get_label (first), ==, "Article 5 — Export of benefits");
  g_assert_cmpstr (pacta_library_hit_get_agreement_title (first), ==, "XA–XB Social Security Agreement (2019)");
  g_assert_cmpint (pacta_library_hit_get_kind (first), ==, PACTA_LIBRARY_HIT_PROVISION);
  snippet = pacta_library_hit_dup_snippet (first, "[", "]");
  g_assert_nonnull (strstr (snippet, "[Export]"));
  g_clear_object (&hits);

  /* Best first, every hit with somewhere to open. */
  hits = pacta_library_search (fixture->library, "benefits", NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 10);
  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      g_autoptr(PactaLibraryHit) hit = g_list_model_get_item (hits, i);
      g_assert_cmpfloat (pacta_library_hit_get_rank (hit), >=, previous);
      previous = pacta_library_hit_get_rank (hit);
      g_assert_cmpstr (pacta_library_hit_get_eid (hit), !=, "");
    }
  g_clear_object (&hits);

  /* Diacritics do not matter. */
  hits = pacta_library_search (fixture->library, "etranger versement", NULL, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), >, 0);
  {
    g_autoptr(PactaLibraryHit) hit = g_list_model_get_item (hits, 0);

    g_assert_cmpint (pacta_library_hit_get_agreement_id (hit), ==, french);
    g_assert_cmpstr (pacta_library_hit_get_eid (hit), ==, "art_5");
    g_assert_cmpstr (pacta_library_hit_get_context (hit), ==, "Article 5 — Versement des pensions à l'étranger");
    markup = pacta_library_hit_dup_snippet_markup (hit);
    g_assert_cmpstr (markup, ==, "<b>Versement</b> des pensions à l&apos;<b>étranger</b>");
    g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));
  }
  g_clear_object (&hits);

  /* A paragraph names its article; text outside articles names its part of the text. */
  hits = pacta_library_search (fixture->library, "benefits", NULL, 50, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      g_autoptr(PactaLibraryHit) hit = g_list_model_get_item (hits, i);
      g_autofree char *plain = pacta_library_hit_dup_snippet (hit, "", "");

      g_assert_nonnull (pacta_library_hit_get_context (hit));
      if (strstr (pacta_library_hit_get_eid (hit), "__para") != NULL)
        g_assert_true (g_str_has_prefix (pacta_library_hit_get_context (hit), "Article"));
      g_assert_null (strchr (plain, '\n'));
    }
  g_clear_object (&hits);

  /* Prefixes: "pension" finds "pensions". */
  hits = pacta_library_search (fixture->library, "pension", NULL, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), >, 10);
  g_clear_object (&hits);

  /* Nothing, and nothing to search for. */
  hits = pacta_library_search (fixture->library, "xylophonist", NULL, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
  g_clear_object (&hits);
  hits = pacta_library_search (fixture->library, " , ", NULL, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
  g_clear_object (&hits);

  /* A query FTS5 cannot read is an error of its own kind, not a damaged library. */
  hits = pacta_library_search_fts (fixture->library, "NEAR(", NULL, 5, &error);
  g_assert_null (hits);
  g_assert_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_QUERY);
}

static void
test_search_filter (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(PactaImportReport) report = import_samples (fixture->library);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits = NULL;
  PactaLibraryFilter filter = PACTA_LIBRARY_FILTER_INIT;

  filter.kind = PACTA_AGREEMENT_KIND_BLMA;
  hits = pacta_library_search (fixture->library, "social security", &filter, 30, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      g_autoptr(PactaLibraryHit) hit = g_list_model_get_item (hits, i);
      PactaLibraryEntry *entry = pacta_library_lookup (fixture->library, pacta_library_hit_get_agreement_id (hit));

      g_assert_cmpint (pacta_library_entry_get_kind (entry), ==, PACTA_AGREEMENT_KIND_BLMA);
    }
  g_clear_object (&hits);

  filter = (PactaLibraryFilter) PACTA_LIBRARY_FILTER_INIT;
  filter.party = "XZ";  /* no such party: nothing, quickly */
  hits = pacta_library_search (fixture->library, "social security", &filter, 30, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
}

/* Notes and the reasons of decisions are found too, with what they point at. */
static void
test_search_notes_decisions (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(PactaImportReport) report = import_samples (fixture->library);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits = NULL;
  gint64 id = find_sample (fixture->library, "xa-xb-ssa-2019.akn.xml");
  gint64 note;
  gboolean saw_note = FALSE, saw_decision = FALSE;

  note = pacta_library_add_note (fixture->library, id, "art_5", "Ask the counterpart about the quokka clause", &error);
  g_assert_no_error (error);
  g_assert_true (pacta_library_set_decision (fixture->library, id, "ss-coord", "ssa-export", PACTA_FINDING_ORIGIN_SET,
                                             PACTA_FINDING_STATUS_PARTIAL, "Quokka exception limits export", &error));

  hits = pacta_library_search (fixture->library, "quokka", NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PactaLibraryHit) hit = g_list_model_get_item (hits, i);

      g_assert_cmpint (pacta_library_hit_get_agreement_id (hit), ==, id);
      if (pacta_library_hit_get_kind (hit) == PACTA_LIBRARY_HIT_NOTE)
        {
          saw_note = TRUE;
          g_assert_cmpint (pacta_library_hit_get_note_id (hit), ==, note);
          g_assert_cmpstr (pacta_library_hit_get_eid (hit), ==, "art_5");
        }
      else
        {
          g_assert_cmpint (pacta_library_hit_get_kind (hit), ==, PACTA_LIBRARY_HIT_DECISION);
          saw_decision = TRUE;
          g_assert_cmpstr (pacta_library_hit_get_guideline_id (hit), ==, "ss-coord");
          g_assert_cmpstr (pacta_library_hit_get_item_slug (hit), ==, "ssa-export");
        }
    }
  g_assert_true (saw_note && saw_decision);
  g_clear_object (&hits);

  /* Edited notes are found by their new words only. */
  g_assert_true (pacta_library_update_note (fixture->library, note, "Ask about the wombat clause", &error));
  hits = pacta_library_search (fixture->library, "quokka", NULL, 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  g_clear_object (&hits);
  hits = pacta_library_search (fixture->library, "wombat", NULL, 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  g_assert_true (pacta_library_check_integrity (fixture->library, &error));
  g_assert_no_error (error);
}

/* Decisions */

static void
test_decisions (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PactaImportReport) report = import_samples (fixture->library);
  g_autoptr(PactaGuideline) guideline = load_guideline ("ss-coordination.xml");
  g_autoptr(PactaMatcher) matcher = pacta_matcher_new ();
  g_autoptr(PactaAgreement) agreement = NULL;
  g_autoptr(PactaCoverage) plain = NULL;
  g_autoptr(PactaCoverage) decided = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = find_sample (fixture->library, "xa-xb-ssa-2019.akn.xml");
  const char *gid = pacta_guideline_get_id (guideline);
  PactaFinding *finding;
  const char *covered_slug = NULL, *missing_slug = NULL;
  GListModel *findings;
  guint applied = 0;

  agreement = pacta_library_load_agreement (fixture->library, id, &error);
  g_assert_no_error (error);
  plain = pacta_matcher_check (matcher, agreement, guideline);
  findings = pacta_coverage_get_findings (plain);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(PactaFinding) f = g_list_model_get_item (findings, i);
      const char *slug = pacta_guideline_item_get_slug (pacta_finding_get_item (f));

      if (covered_slug == NULL && pacta_finding_get_status (f) == PACTA_FINDING_STATUS_COVERED)
        covered_slug = slug;
      if (missing_slug == NULL && pacta_finding_get_status (f) == PACTA_FINDING_STATUS_MISSING)
        missing_slug = slug;
    }
  g_assert_nonnull (covered_slug);
  g_assert_nonnull (missing_slug);

  /* A person rejects a covered item, and marks a missing one not applicable. */
  g_assert_true (pacta_library_set_decision (fixture->library, id, gid, covered_slug, PACTA_FINDING_ORIGIN_REJECTED,
                                             PACTA_FINDING_STATUS_MISSING, "the article only cites it", &error));
  g_assert_true (pacta_library_set_decision (fixture->library, id, gid, missing_slug, PACTA_FINDING_ORIGIN_NOT_APPLICABLE,
                                             PACTA_FINDING_STATUS_NOT_APPLICABLE, "no such scheme in XB", &error));
  /* A decision on an item the guideline does not have is kept, and skipped. */
  g_assert_true (pacta_library_set_decision (fixture->library, id, gid, "no-such-item", PACTA_FINDING_ORIGIN_SET,
                                             PACTA_FINDING_STATUS_COVERED, NULL, &error));
  g_assert_no_error (error);

  /* They survive a restart, and win over the matcher. */
  reopen (fixture);
  decided = pacta_library_check_agreement (fixture->library, matcher, id, agreement, guideline, &error);
  g_assert_no_error (error);
  finding = pacta_coverage_lookup (decided, covered_slug);
  g_assert_true (pacta_finding_has_decision (finding));
  g_assert_cmpint (pacta_finding_get_status (finding), ==, PACTA_FINDING_STATUS_MISSING);
  g_assert_cmpint (pacta_finding_get_origin (finding), ==, PACTA_FINDING_ORIGIN_REJECTED);
  g_assert_cmpstr (pacta_finding_get_reason (finding), ==, "the article only cites it");
  finding = pacta_coverage_lookup (decided, missing_slug);
  g_assert_cmpint (pacta_finding_get_status (finding), ==, PACTA_FINDING_STATUS_NOT_APPLICABLE);
  g_assert_cmpint (pacta_finding_get_origin (finding), ==, PACTA_FINDING_ORIGIN_NOT_APPLICABLE);
  g_assert_cmpfloat (pacta_coverage_get_score (decided), !=, pacta_coverage_get_score (plain));

  decisions = pacta_library_list_decisions (fixture->library, id, gid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, ==, 3);
  g_assert_cmpint (((PactaLibraryDecision *) g_ptr_array_index (decisions, 0))->decided_at, >, 1700000000);

  /* Cleared, the matcher's status is back; a second coverage shows it. */
  g_assert_true (pacta_library_clear_decision (fixture->library, id, gid, covered_slug, &error));
  g_clear_object (&decided);
  decided = pacta_matcher_check (matcher, agreement, guideline);
  g_assert_true (pacta_library_apply_decisions (fixture->library, id, decided, &applied, &error));
  g_assert_cmpuint (applied, ==, 1);
  g_assert_false (pacta_finding_has_decision (pacta_coverage_lookup (decided, covered_slug)));
  g_assert_cmpint (pacta_finding_get_status (pacta_coverage_lookup (decided, covered_slug)), ==, PACTA_FINDING_STATUS_COVERED);
}

/* The window's way: decide on the finding, save it, and get the same finding back later;
 * a confirmation the matcher no longer agrees with keeps the person's status. */
static void
test_decisions_from_findings (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(PactaImportReport) report = import_samples (fixture->library);
  g_autoptr(PactaGuideline) guideline = load_guideline ("ss-coordination.xml");
  g_autoptr(PactaMatcher) matcher = pacta_matcher_new ();
  g_autoptr(PactaAgreement) agreement = NULL;
  g_autoptr(PactaCoverage) coverage = NULL;
  g_autoptr(PactaCoverage) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = find_sample (fixture->library, "xa-xb-ssa-2019.akn.xml");
  const char *gid = pacta_guideline_get_id (guideline);
  g_autoptr(PactaFinding) finding = NULL;
  const char *slug;

  agreement = pacta_library_load_agreement (fixture->library, id, &error);
  coverage = pacta_matcher_check (matcher, agreement, guideline);
  finding = g_list_model_get_item (pacta_coverage_get_findings (coverage), 0);
  slug = pacta_guideline_item_get_slug (pacta_finding_get_item (finding));
  pacta_finding_decide (finding, PACTA_FINDING_ORIGIN_SET, PACTA_FINDING_STATUS_PARTIAL, "only for employees");
  g_assert_true (pacta_library_save_decision (fixture->library, id, gid, finding, &error));
  g_assert_no_error (error);

  reopen (fixture);
  again = pacta_library_check_agreement (fixture->library, matcher, id, agreement, guideline, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pacta_finding_get_status (pacta_coverage_lookup (again, slug)), ==, PACTA_FINDING_STATUS_PARTIAL);
  g_assert_cmpint (pacta_finding_get_origin (pacta_coverage_lookup (again, slug)), ==, PACTA_FINDING_ORIGIN_SET);
  g_assert_cmpstr (pacta_finding_get_reason (pacta_coverage_lookup (again, slug)), ==, "only for employees");
  g_clear_object (&again);

  /* A stored confirmation of "partial" while the matcher now says otherwise: partial stays. */
  g_assert_true (pacta_library_set_decision (fixture->library, id, gid, slug, PACTA_FINDING_ORIGIN_CONFIRMED,
                                             PACTA_FINDING_STATUS_PARTIAL, "confirmed in round 2", &error));
  again = pacta_library_check_agreement (fixture->library, matcher, id, agreement, guideline, &error);
  g_assert_cmpint (pacta_finding_get_status (pacta_coverage_lookup (again, slug)), ==, PACTA_FINDING_STATUS_PARTIAL);
  g_assert_cmpint (pacta_finding_get_origin (pacta_coverage_lookup (again, slug)), ==, PACTA_FINDING_ORIGIN_SET);
  g_clear_object (&again);

  /* Clearing the decision on the finding and saving it deletes the stored one. */
  pacta_finding_clear_decision (finding);
  g_assert_true (pacta_library_save_decision (fixture->library, id, gid, finding, &error));
  again = pacta_library_check_agreement (fixture->library, matcher, id, agreement, guideline, &error);
  g_assert_false (pacta_finding_has_decision (pacta_coverage_lookup (again, slug)));
}

static void
score_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_scores (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PactaImportReport) report = import_samples (fixture->library);
  g_autoptr(PactaGuideline) guideline = load_guideline ("ss-coordination.xml");
  g_autoptr(PactaMatcher) matcher = pacta_matcher_new ();
  g_autoptr(PactaAgreement) agreement = NULL;
  g_autoptr(PactaCoverage) coverage = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = find_sample (fixture->library, "xa-xb-ssa-2019.akn.xml");
  PactaLibraryEntry *entry = pacta_library_lookup (fixture->library, id);
  PactaLibraryFilter filter = PACTA_LIBRARY_FILTER_INIT;
  g_auto(GStrv) scored = NULL;
  guint notified = 0;
  double score;

  agreement = pacta_library_load_agreement (fixture->library, id, &error);
  coverage = pacta_library_check_agreement (fixture->library, matcher, id, agreement, guideline, &error);
  g_assert_no_error (error);
  score = pacta_coverage_get_score (coverage);
  g_signal_connect (entry, "notify::score", G_CALLBACK (score_notify_cb), &notified);
  g_assert_true (pacta_library_store_scores (fixture->library, &id, &coverage, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpfloat_with_epsilon (pacta_library_entry_get_score (entry), score, 1e-9);
  g_assert_cmpfloat_with_epsilon (pacta_library_entry_get_score_for (entry, "ss-coord"), score, 1e-9);
  g_assert_cmpfloat (pacta_library_entry_get_score_for (entry, "ilo-c102"), ==, -1);
  /* The same scores again: no notification. */
  g_assert_true (pacta_library_store_scores (fixture->library, &id, &coverage, 1, &error));
  g_assert_cmpuint (notified, ==, 1);

  reopen (fixture);
  entry = pacta_library_lookup (fixture->library, id);
  g_assert_cmpfloat_with_epsilon (pacta_library_entry_get_score (entry), score, 1e-9);
  scored = pacta_library_entry_dup_scored_guidelines (entry);
  g_assert_cmpstrv (scored, ((const char *[]) { "ss-coord", NULL }));
  filter.min_score = score - 0.01;
  g_assert_true (pacta_library_entry_matches (entry, &filter));
  filter.min_score = -1;
  filter.max_score = score - 0.01;
  g_assert_false (pacta_library_entry_matches (entry, &filter));
  filter.max_score = -1;
  filter.min_score = 0;
  filter.guideline_id = "ilo-c102";
  g_assert_false (pacta_library_entry_matches (entry, &filter));
}

/* Notes */

static void
test_notes (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(PactaImportReport) report = import_samples (fixture->library);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(PactaLibraryNote) note = NULL;
  gint64 id = find_sample (fixture->library, "xa-xb-ssa-2019.akn.xml");
  gint64 first, second, whole;

  first = pacta_library_add_note (fixture->library, id, "art_5", "Check the export rule against R86 art. 22", &error);
  g_assert_no_error (error);
  second = pacta_library_add_note (fixture->library, id, "art_5", "Ministry agrees", &error);
  whole = pacta_library_add_note (fixture->library, id, NULL, "Ratified 2020", &error);
  g_assert_cmpint (first, <, second);

  reopen (fixture);
  notes = pacta_library_list_notes (fixture->library, id, "art_5", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 2);
  note = g_list_model_get_item (notes, 0);
  g_assert_cmpint (pacta_library_note_get_id (note), ==, first);
  g_assert_cmpstr (pacta_library_note_get_text (note), ==, "Check the export rule against R86 art. 22");
  g_assert_cmpstr (pacta_library_note_get_eid (note), ==, "art_5");
  g_assert_cmpint (pacta_library_note_get_agreement_id (note), ==, id);
  g_assert_cmpint (pacta_library_note_get_created (note), >, 1700000000);
  g_clear_object (&notes);
  g_clear_object (&note);
  notes = pacta_library_list_notes (fixture->library, id, "", &error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  g_clear_object (&notes);
  notes = pacta_library_list_notes (fixture->library, id, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 3);
  g_clear_object (&notes);

  g_assert_true (pacta_library_update_note (fixture->library, second, "Ministry agrees (email of 3 May)", &error));
  g_assert_true (pacta_library_delete_note (fixture->library, whole, &error));
  g_assert_no_error (error);
  g_assert_false (pacta_library_delete_note (fixture->library, whole, &error));
  g_assert_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (pacta_library_update_note (fixture->library, whole, "x", &error));
  g_assert_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  notes = pacta_library_list_notes (fixture->library, id, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 2);
  note = g_list_model_get_item (notes, 1);
  g_assert_cmpstr (pacta_library_note_get_text (note), ==, "Ministry agrees (email of 3 May)");
  g_assert_cmpint (pacta_library_note_get_updated (note), >=, pacta_library_note_get_created (note));
}

/* Saved comparisons */

static void
test_comparisons (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(PactaImportReport) report = import_samples (fixture->library);
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaLibraryComparison) comparison = NULL;
  g_autoptr(GListModel) list = NULL;
  gint64 a = find_sample (fixture->library, "xa-xp-blma-draft-round1.akn.xml");
  gint64 b = find_sample (fixture->library, "xa-xp-blma-draft-round2.akn.xml");
  const char *options = "{\"ignore\":[\"numbering\",\"case\"],\"selected\":\"art_7\",\"filter\":\"changed\",\"scroll\":0.42}";
  gint64 id, other;

  id = pacta_library_save_comparison (fixture->library, a, b, "Round 1 → 2", options, &error);
  g_assert_no_error (error);
  other = pacta_library_save_comparison (fixture->library, b, a, NULL, NULL, &error);
  g_assert_no_error (error);

  /* It reopens as it was, after a restart. */
  reopen (fixture);
  comparison = pacta_library_lookup_comparison (fixture->library, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pacta_library_comparison_get_agreement_a (comparison), ==, a);
  g_assert_cmpint (pacta_library_comparison_get_agreement_b (comparison), ==, b);
  g_assert_cmpstr (pacta_library_comparison_get_title (comparison), ==, "Round 1 → 2");
  g_assert_cmpstr (pacta_library_comparison_get_options (comparison), ==, options);
  g_clear_object (&comparison);
  comparison = pacta_library_lookup_comparison (fixture->library, other, &error);
  g_assert_cmpstr (pacta_library_comparison_get_options (comparison), ==, "{}");
  g_clear_object (&comparison);

  g_assert_true (pacta_library_update_comparison (fixture->library, id, NULL, "{\"selected\":\"art_9\"}", &error));
  comparison = pacta_library_lookup_comparison (fixture->library, id, &error);
  g_assert_cmpstr (pacta_library_comparison_get_title (comparison), ==, "Round 1 → 2");
  g_assert_cmpstr (pacta_library_comparison_get_options (comparison), ==, "{\"selected\":\"art_9\"}");
  list = pacta_library_list_comparisons (fixture->library, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  /* Options must be a JSON object; nothing is written otherwise. */
  g_assert_cmpint (pacta_library_save_comparison (fixture->library, a, b, NULL, "[1, 2", &error), ==, 0);
  g_assert_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (pacta_library_save_comparison (fixture->library, a, b, NULL, "[1, 2]", &error), ==, 0);
  g_clear_error (&error);
  g_assert_cmpint (pacta_library_save_comparison (fixture->library, a, 4242, NULL, NULL, &error), ==, 0);
  g_assert_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (pacta_library_delete_comparison (fixture->library, other, &error));
  g_assert_null (pacta_library_lookup_comparison (fixture->library, other, &error));
  g_assert_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NOT_FOUND);
}

/* Bad files at the library path, and recovery */

static void
test_not_sqlite (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  const char *text = "These are my notes, not a database.\n";
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaLibrary) library = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  library = pacta_library_open (path, PACTA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_null (library);
  g_assert_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NOT_A_LIBRARY);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_test_message ("%s", error->message);
  /* The file is left exactly as it was. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);
  g_clear_error (&error);

  /* A folder is not a library either. */
  g_assert_null (pacta_library_open (dir, PACTA_LIBRARY_OPEN_DEFAULT, &error));
  g_assert_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NOT_A_LIBRARY);
  remove_tree (dir);
}

static void
test_other_sqlite (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_null (pacta_library_open (path, PACTA_LIBRARY_OPEN_DEFAULT, &error));
  g_assert_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NOT_A_LIBRARY);
  g_assert_nonnull (strstr (error->message, "another program"));
  g_clear_error (&error);

  db = raw_open (path);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE photos; PRAGMA application_id = 1346454356; PRAGMA user_version = 99",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_null (pacta_library_open (path, PACTA_LIBRARY_OPEN_DEFAULT, &error));
  g_assert_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_TOO_NEW);
  g_assert_true (g_str_has_prefix (error->message, path));
  remove_tree (dir);
}

static void
test_no_create (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (pacta_library_open (path, PACTA_LIBRARY_OPEN_NO_CREATE, &error));
  g_assert_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  remove_tree (dir);
}

static void
set_mtime (const char *path,
           gint64      seconds_ago)
{
  struct utimbuf times;

  times.actime = times.modtime = (time_t) (g_get_real_time () / G_USEC_PER_SEC - seconds_ago);
  g_assert_cmpint (utime (path, &times), ==, 0);
}

static gint64
mtime_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mtime;
}

/* Made with the backup API when a library with something in it opens, at most once a day. */
static void
test_backup_daily (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PactaImportReport) report = import_samples (fixture->library);
  g_autofree char *backup = pacta_library_backup_path (fixture->path);
  g_autoptr(GDateTime) when = NULL;
  gint64 made;
  sqlite3 *db;

  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  reopen (fixture);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  when = pacta_library_dup_backup_time (fixture->path);
  g_assert_nonnull (when);

  /* A whole, self-contained copy (no -wal beside it). */
  db = raw_open (backup);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM agreements"), ==, 9);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, PACTA_LIBRARY_SCHEMA_VERSION);
  sqlite3_close (db);

  set_mtime (backup, 3600);
  made = mtime_of (backup);
  reopen (fixture);
  g_assert_cmpint (mtime_of (backup), ==, made);

  set_mtime (backup, 2 * 24 * 3600);
  reopen (fixture);
  g_assert_cmpint (mtime_of (backup), >, made);
}

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pacta_library_backup_finish (PACTA_LIBRARY (source), result, &error));
  g_assert_no_error (error);
  g_main_loop_quit (user_data);
}

/* The window's way: open without the backup, make it in a thread. */
static void
test_backup_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PactaImportReport) report = import_samples (fixture->library);
  g_autofree char *backup = pacta_library_backup_path (fixture->path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_clear_object (&fixture->library);
  fixture->library = pacta_library_open (fixture->path, PACTA_LIBRARY_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_true (pacta_library_backup_due (fixture->library));

  pacta_library_backup_async (fixture->library, NULL, backup_done_cb, loop);
  /* The library stays usable meanwhile. */
  g_assert_cmpint (pacta_library_add_note (fixture->library, 1, "", "while backing up", &error), >, 0);
  g_main_loop_run (loop);

  g_assert_false (pacta_library_backup_due (fixture->library));
  db = raw_open (backup);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM agreements"), ==, 9);
  sqlite3_close (db);
}

/* Damages the file's pages after the header and the first page. */
static void
damage (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 16384);
  for (gsize i = 4096; i < length; i += 4096)
    memset (contents + i, 0x5a, 700);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static void
test_corrupt_and_restore (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(PactaImportReport) report = import_samples (fixture->library);
  g_autofree char *backup = pacta_library_backup_path (fixture->path);
  g_autofree char *aside = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaLibrary) damaged = NULL;
  gint64 id = find_sample (fixture->library, "xa-xb-ssa-2019.akn.xml");
  gint64 note;

  note = pacta_library_add_note (fixture->library, id, "art_5", "before the backup", &error);
  g_assert_no_error (error);
  reopen (fixture);  /* makes the day's backup */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (pacta_library_add_note (fixture->library, id, "art_5", "after the backup", &error), >, 0);
  g_clear_object (&fixture->library);  /* checkpoints and removes the -wal */

  damage (fixture->path);
  set_mtime (backup, 2 * 24 * 3600);  /* due again: the damaged file must not replace it */
  damaged = pacta_library_open (fixture->path, PACTA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_null (damaged);
  g_assert_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_CORRUPT);
  g_assert_true (g_str_has_prefix (error->message, fixture->path));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (mtime_of (backup), <, g_get_real_time () / G_USEC_PER_SEC - 24 * 3600);

  g_assert_true (pacta_library_restore_backup (fixture->path, &aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  g_assert_true (g_file_test (aside, G_FILE_TEST_IS_REGULAR));  /* kept for rescue */
  g_assert_true (g_str_has_prefix (aside, fixture->path));

  fixture->library = pacta_library_open (fixture->path, PACTA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pacta_library_get_agreements (fixture->library)), ==, 9);
  {
    g_autoptr(GListModel) notes = pacta_library_list_notes (fixture->library, id, NULL, &error);
    g_autoptr(PactaLibraryNote) kept = g_list_model_get_item (notes, 0);

    g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
    g_assert_cmpint (pacta_library_note_get_id (kept), ==, note);
  }
  g_assert_true (pacta_library_check_integrity (fixture->library, &error));
  g_assert_no_error (error);
}

static void
test_restore_without_backup (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *backup = pacta_library_backup_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "junk", -1, NULL));
  g_assert_false (pacta_library_restore_backup (path, NULL, &error));
  g_assert_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NO_BACKUP);
  g_clear_error (&error);

  /* A bad backup is refused, and the file at the path stays. */
  g_assert_true (g_file_set_contents (backup, "junk too", -1, NULL));
  g_assert_false (pacta_library_restore_backup (path, NULL, &error));
  g_assert_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_CORRUPT);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_clear_error (&error);

  /* Set aside: the way to start afresh, keeping the old file. */
  {
    g_autofree char *aside = NULL;
    g_autoptr(PactaLibrary) library = NULL;

    g_assert_true (pacta_library_set_aside (path, &aside, &error));
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (aside, G_FILE_TEST_IS_REGULAR));
    library = pacta_library_open (path, PACTA_LIBRARY_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
  }
  remove_tree (dir);
}

/* Locks */

/* Another connection holds the write lock: a change waits for the busy timeout, then says who
 * to blame, instead of hanging; once the lock goes, it works. */
static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PactaImportReport) report = import_samples (fixture->library);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits = NULL;
  gint64 id = find_sample (fixture->library, "xa-xb-ssa-2019.akn.xml");
  sqlite3 *other = raw_open (fixture->path);
  gint64 start;
  double waited;

  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE; UPDATE agreements SET title = title WHERE id = 1", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  pacta_library_set_busy_timeout (fixture->library, 300);

  start = g_get_monotonic_time ();
  g_assert_false (pacta_library_set_decision (fixture->library, id, "ss-coord", "ssa-export", PACTA_FINDING_ORIGIN_CONFIRMED,
                                              PACTA_FINDING_STATUS_COVERED, NULL, &error));
  waited = (g_get_monotonic_time () - start) / 1e6;
  g_assert_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_BUSY);
  g_assert_true (g_str_has_prefix (error->message, fixture->path));
  g_test_message ("after %.2f s: %s", waited, error->message);
  g_assert_cmpfloat (waited, >=, 0.25);
  g_assert_cmpfloat (waited, <, 3.0);
  g_clear_error (&error);

  g_assert_cmpint (pacta_library_add_note (fixture->library, id, "", "x", &error), ==, 0);
  g_assert_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_BUSY);
  g_clear_error (&error);

  /* Readers are not held up in WAL mode. */
  hits = pacta_library_search (fixture->library, "pension", NULL, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), >, 0);

  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_assert_true (pacta_library_set_decision (fixture->library, id, "ss-coord", "ssa-export", PACTA_FINDING_ORIGIN_CONFIRMED,
                                             PACTA_FINDING_STATUS_COVERED, NULL, &error));
  g_assert_no_error (error);
}

/* The command line */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_pacta_env (Run         *run,
               const char  *busy_timeout,
               const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("PACTA_BINARY"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  if (busy_timeout != NULL)
    env = g_environ_setenv (env, "PACTA_LIBRARY_BUSY_TIMEOUT", busy_timeout, TRUE);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

#define RUN(run, ...) run_pacta_env (run, NULL, (const char * const[]) { __VA_ARGS__, NULL })

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *samples = g_build_filename (pacta_data_dir (), "samples", NULL);
  g_autofree char *bad = data_path ("bad", "malformed.akn.xml", NULL);
  g_autofree char *out_dir = g_build_filename (fixture->dir, "export", NULL);
  g_autofree char *exported = g_build_filename (out_dir, "xa-xb-ssa-2019.akn.xml", NULL);
  g_autofree char *original = sample_path ("xa-xb-ssa-2019.akn.xml");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_auto(Run) add = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) search = { 0 };
  g_auto(Run) json_search = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) check = { 0 };
  g_auto(Run) check_one = { 0 };
  g_auto(Run) remove = { 0 };
  g_auto(Run) remove_bad = { 0 };
  g_auto(Run) filtered = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  gsize la, lb;

  g_clear_object (&fixture->library);

  RUN (&add, "library", "add", "--library", fixture->path, samples, bad);
  g_assert_cmpint (add.status, ==, 1);
  g_assert_nonnull (strstr (add.out, "added      #1 "));
  g_assert_nonnull (strstr (add.out, "9 added, 0 already in the library, 1 failed."));
  g_assert_true (g_str_has_prefix (add.err, bad));
  g_assert_nonnull (strstr (add.err, ".akn.xml:69:17: "));

  /* --library before the command works too. */
  RUN (&again, "library", "--library", fixture->path, "add", original);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "duplicate  #2 "));

  RUN (&list, "library", "list", "--library", fixture->path, "--format", "json");
  g_assert_cmpint (list.status, ==, 0);
  json_parser_load_from_data (parser, list.out, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 9);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "work"), ==,
                   "/akn/xa/act/ssa/2019-05-14/xa-xb-ssa");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 1), "year"), ==, 2019);

  RUN (&filtered, "library", "list", "--library", fixture->path, "--kind", "ssa", "--year", "2010-2020");
  g_assert_cmpint (filtered.status, ==, 0);
  g_assert_nonnull (strstr (filtered.out, "2 agreements"));

  RUN (&search, "library", "search", "--library", fixture->path, "export", "of", "benefits", "-n", "3");
  g_assert_cmpint (search.status, ==, 0);
  g_assert_nonnull (strstr (search.out, " 1. #2  XA–XB Social Security Agreement (2019)  [art_5]"));
  g_assert_nonnull (strstr (search.out, "**Export** of **benefits**"));
  g_assert_null (strstr (search.out, " 4. "));

  RUN (&json_search, "library", "search", "--library", fixture->path, "--format", "json", "pensions", "-invalidity");
  g_assert_cmpint (json_search.status, ==, 0);
  json_parser_load_from_data (parser, json_search.out, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), >, 0);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *snippet = json_object_get_string_member (json_array_get_object_element (array, i), "snippet");
      g_assert_null (strstr (snippet, "invalidity"));
    }

  RUN (&export, "library", "export", "--library", fixture->path, "-o", out_dir, "2");
  g_assert_cmpint (export.status, ==, 0);
  g_assert_true (g_file_get_contents (exported, &a, &la, NULL));
  g_assert_true (g_file_get_contents (original, &b, &lb, NULL));
  g_assert_cmpmem (a, la, b, lb);

  RUN (&check, "library", "check", "--library", fixture->path, "--kind", "ssa");
  g_assert_cmpint (check.status, ==, 0);
  g_assert_nonnull (strstr (check.out, "Agreements:"));
  g_assert_nonnull (strstr (check.out, "(#2)"));
  g_assert_nonnull (strstr (check.out, "● covered  ◐ partial  ○ missing  – not applicable"));
  RUN (&check_one, "library", "check", "--library", fixture->path, "/akn/xa/act/ssa/2019-05-14/xa-xb-ssa", "--format", "json");
  g_assert_cmpint (check_one.status, ==, 0);
  json_parser_load_from_data (parser, check_one.out, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "file"), ==, "#2");

  /* The check stored the scores. */
  fixture->library = pacta_library_open (fixture->path, PACTA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (pacta_library_entry_get_score (pacta_library_lookup (fixture->library, 2)), >, 0.5);
  g_clear_object (&fixture->library);

  RUN (&remove_bad, "library", "remove", "--library", fixture->path, "3", "77");
  g_assert_cmpint (remove_bad.status, ==, 1);
  g_assert_nonnull (strstr (remove_bad.err, "no agreement #77"));
  RUN (&remove, "library", "remove", "--library", fixture->path, "#3", "/akn/xa/bill/blma/2025-02-10/xa-xp-blma");
  g_assert_cmpint (remove.status, ==, 0);
  g_assert_nonnull (strstr (remove.out, "removed    #3 "));
  g_assert_nonnull (strstr (remove.out, "removed    #4 "));

  fixture->library = pacta_library_open (fixture->path, PACTA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_cmpuint (g_list_model_get_n_items (pacta_library_get_agreements (fixture->library)), ==, 7);
}

/* A damaged library: the command says so, names the file, offers the backup; restore works. */
static void
test_cli_corrupt (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(PactaImportReport) report = import_samples (fixture->library);
  g_autofree char *not_library = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_auto(Run) list = { 0 };
  g_auto(Run) foreign = { 0 };
  g_auto(Run) restore = { 0 };
  g_auto(Run) after = { 0 };

  reopen (fixture);
  g_clear_object (&fixture->library);
  damage (fixture->path);

  RUN (&list, "library", "list", "--library", fixture->path);
  g_assert_cmpint (list.status, ==, 1);
  g_assert_true (g_str_has_prefix (list.err, "pacta library list: "));
  g_assert_nonnull (strstr (list.err, fixture->path));
  g_assert_nonnull (strstr (list.err, "damaged"));
  g_assert_nonnull (strstr (list.err, "pacta library restore"));

  g_assert_true (g_file_set_contents (not_library, "hello", -1, NULL));
  RUN (&foreign, "library", "search", "--library", not_library, "pension");
  g_assert_cmpint (foreign.status, ==, 1);
  g_assert_nonnull (strstr (foreign.err, "not a Pacta library"));
  g_assert_nonnull (strstr (foreign.err, "--library PATH"));

  RUN (&restore, "library", "restore", "--library", fixture->path);
  g_assert_cmpint (restore.status, ==, 0);
  g_assert_nonnull (strstr (restore.out, "It holds 9 agreements."));
  RUN (&after, "library", "list", "--library", fixture->path);
  g_assert_cmpint (after.status, ==, 0);
  g_assert_nonnull (strstr (after.out, "9 agreements"));
}

/* Another process holds an EXCLUSIVE lock: the command gives up after the busy timeout with
 * a message naming the file, rather than hanging. */
static void
test_cli_locked (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PactaImportReport) report = import_samples (fixture->library);
  g_autofree char *path = data_path ("bad", "malformed.akn.xml", NULL);
  g_autofree char *text = NULL;
  g_autofree char *new_file = g_build_filename (fixture->dir, "new.akn.xml", NULL);
  g_autofree char *sample = sample_path ("xe-xh-mou-2019.akn.xml");
  g_auto(Run) add = { 0 };
  gsize length;
  sqlite3 *other = raw_open (fixture->path);
  gint64 start;
  double took;

  /* A new text, so the import must write. */
  g_assert_true (g_file_get_contents (sample, &text, &length, NULL));
  g_assert_true (g_file_set_contents (new_file, text, length - 1, NULL));
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE; DELETE FROM notes", NULL, NULL, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  run_pacta_env (&add, "400", (const char * const[]) { "library", "add", "--library", fixture->path, new_file, NULL });
  took = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("%.2f s: %s", took, add.err);
  g_assert_cmpint (add.status, ==, 1);
  g_assert_nonnull (strstr (add.err, fixture->path));
  g_assert_nonnull (strstr (add.err, "locked"));
  g_assert_cmpfloat (took, <, 10.0);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
}

/* Another process keeps the file locked even for readers (locking_mode EXCLUSIVE): opening
 * gives up after the busy timeout, with the file's name, both in the API and the command. */
static void
test_locked_exclusive (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PactaImportReport) report = import_samples (fixture->library);
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaLibrary) second = NULL;
  g_auto(Run) list = { 0 };
  sqlite3 *other = raw_open (fixture->path);
  gint64 start;
  double took;

  g_clear_object (&fixture->library);
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
                                        "UPDATE agreements SET title = title WHERE id = 1; COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);

  g_setenv ("PACTA_LIBRARY_BUSY_TIMEOUT", "300", TRUE);
  start = g_get_monotonic_time ();
  second = pacta_library_open (fixture->path, PACTA_LIBRARY_OPEN_DEFAULT, &error);
  took = (g_get_monotonic_time () - start) / 1e6;
  g_unsetenv ("PACTA_LIBRARY_BUSY_TIMEOUT");
  g_assert_null (second);
  g_assert_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_BUSY);
  g_assert_true (g_str_has_prefix (error->message, fixture->path));
  g_assert_cmpfloat (took, <, 3.0);

  start = g_get_monotonic_time ();
  run_pacta_env (&list, "300", (const char * const[]) { "library", "list", "--library", fixture->path, NULL });
  took = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("%.2f s: %s", took, list.err);
  g_assert_cmpint (list.status, ==, 1);
  g_assert_nonnull (strstr (list.err, fixture->path));
  g_assert_nonnull (strstr (list.err, "locked"));
  g_assert_cmpfloat (took, <, 5.0);
  sqlite3_close (other);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/library/store/create", test_create);
  ADD ("/library/store/foreign-keys", test_foreign_keys);
  g_test_add_func ("/library/store/migrate-v1", test_migrate_v1);
  g_test_add_func ("/library/store/migrate-v1-schema", test_migrate_v1_schema);
  ADD ("/library/import/samples", test_import_samples);
  ADD ("/library/import/versions", test_import_versions);
  ADD ("/library/import/failures", test_import_failures);
  ADD ("/library/import/expand-paths", test_expand_paths);
  ADD ("/library/import/async", test_import_async);
  ADD ("/library/import/cancel", test_import_cancel);
  ADD ("/library/store/remove", test_remove);
  ADD ("/library/store/reload", test_reload);
  ADD ("/library/store/filter", test_filter);
  g_test_add_func ("/library/search/build-query", test_build_query);
  ADD ("/library/search/ranked", test_search);
  ADD ("/library/search/filter", test_search_filter);
  ADD ("/library/search/notes-and-decisions", test_search_notes_decisions);
  ADD ("/library/decisions/win", test_decisions);
  ADD ("/library/decisions/from-findings", test_decisions_from_findings);
  ADD ("/library/scores/store", test_scores);
  ADD ("/library/notes/edit", test_notes);
  ADD ("/library/comparisons/reopen", test_comparisons);
  g_test_add_func ("/library/recovery/not-sqlite", test_not_sqlite);
  g_test_add_func ("/library/recovery/other-sqlite", test_other_sqlite);
  g_test_add_func ("/library/recovery/no-create", test_no_create);
  ADD ("/library/recovery/backup-daily", test_backup_daily);
  ADD ("/library/recovery/backup-async", test_backup_async);
  ADD ("/library/recovery/corrupt-and-restore", test_corrupt_and_restore);
  g_test_add_func ("/library/recovery/restore-without-backup", test_restore_without_backup);
  ADD ("/library/lock/busy-timeout", test_locked);
  ADD ("/library/cli/commands", test_cli);
  ADD ("/library/cli/corrupt", test_cli_corrupt);
  ADD ("/library/cli/locked", test_cli_locked);
  ADD ("/library/lock/exclusive", test_locked_exclusive);
#undef ADD

  return g_test_run ();
}
