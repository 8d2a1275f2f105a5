/* test-library-durability.c — kill -9 during a bulk import and during decision edits
 *
 * A process is killed with SIGKILL at random moments, again and again, for a bounded time.
 * After each kill the library must pass PRAGMA integrity_check, and everything the killed
 * process reported as committed must be there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pacta-library.h"
#include "test-helpers.h"

#define IMPORT_LOOP_SECONDS    2.5
#define DECISION_LOOP_SECONDS  2.0

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pacta-durability-XXXXXX", &error);

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

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Spawns @argv with stdout to a pipe, lets it run for @run_ms, kills it with SIGKILL, and
 * returns everything it printed by then. */
static char *
run_and_kill (const char * const *argv,
              guint               run_ms,
              gboolean           *finished)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  GPid pid;
  int out_fd, status;
  char buffer[4096];
  ssize_t n;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                            NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);
  g_usleep (run_ms * 1000);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  *finished = WIFEXITED (status);
  g_spawn_close_pid (pid);
  while ((n = read (out_fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (out, buffer, n);
  close (out_fd);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static void
assert_integrity (const char *path)
{
  sqlite3 *db;

  /* Killed before it had even created the library: nothing to check, nothing lost. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return;
  db = raw_open (path);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* The corpus: the samples, each copied a few times with a mark that makes it another text of
 * the same work. */
static guint
make_corpus (const char *dir)
{
  g_autoptr(GPtrArray) samples = pacta_data_list_files ("samples");
  guint n = 0;

  for (guint copy = 0; copy < 8; copy++)
    for (guint i = 0; i < samples->len; i++)
      {
        g_autofree char *contents = NULL;
        g_autofree char *name = g_strdup_printf ("c%02u-%02u.akn.xml", copy, i);
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_autofree char *marked = NULL;
        gsize length;

        g_assert_true (g_file_get_contents (g_ptr_array_index (samples, i), &contents, &length, NULL));
        marked = g_strdup_printf ("%s<!-- copy %u -->\n", contents, copy);
        g_assert_true (g_file_set_contents (path, marked, -1, NULL));
        n++;
      }
  return n;
}

static char *
hash_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* Every "added #ID PATH" or "duplicate #ID PATH" line names a stored agreement holding PATH's bytes. */
static guint
check_reported (const char *library,
                const char *output,
                GHashTable *seen)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  g_autoptr(GRegex) line_re = g_regex_new ("^(added|duplicate) +#([0-9]+) +(\\S+)", 0, 0, NULL);
  sqlite3 *db;
  guint checked = 0;

  /* Killed before the library file existed: then nothing can have been reported stored. */
  if (!g_file_test (library, G_FILE_TEST_EXISTS))
    {
      g_assert_null (strstr (output, "added #"));
      return 0;
    }
  db = raw_open (library);

  for (guint i = 0; lines[i]; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *id = NULL;
      g_autofree char *path = NULL;
      g_autofree char *hash = NULL;
      sqlite3_stmt *stmt = NULL;

      /* A line the kill cut short (no newline yet) says nothing. */
      if (lines[i + 1] == NULL || !g_regex_match (line_re, lines[i], 0, &match))
        continue;
      id = g_match_info_fetch (match, 2);
      path = g_match_info_fetch (match, 3);
      hash = hash_file (path);
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT content_hash FROM agreements WHERE id = ?", -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_int64 (stmt, 1, g_ascii_strtoll (id, NULL, 10));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        g_error ("%s was reported as #%s but is not in the library", path, id);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, hash);
      sqlite3_finalize (stmt);
      g_hash_table_add (seen, g_steal_pointer (&path));
      checked++;
    }
  sqlite3_close (db);
  return checked;
}

static void
test_kill_import (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaLibrary) opened = NULL;
  const char *argv[] = { g_getenv ("PACTA_BINARY"), "library", "add", "--library", library, corpus, NULL };
  gint64 start = g_get_monotonic_time ();
  guint rounds = 0, killed_mid_way = 0, generations = 0, files;
  GRand *rand = g_rand_new_with_seed (g_test_rand_int ());

  g_assert_cmpint (g_mkdir (corpus, 0700), ==, 0);
  files = make_corpus (corpus);

  while ((g_get_monotonic_time () - start) / 1e6 < IMPORT_LOOP_SECONDS || rounds < 5)
    {
      gboolean finished = FALSE;
      g_autofree char *output = run_and_kill (argv, g_rand_int_range (rand, 10, 250), &finished);
      guint reported;

      /* Killed before it made the library at all: nothing to check */
      if (!g_file_test (library, G_FILE_TEST_EXISTS))
        {
          g_assert_cmpstr (output, ==, "");
          rounds++;
          continue;
        }
      assert_integrity (library);
      reported = check_reported (library, output, seen);
      g_test_message ("round %u: %u lines checked, %s", rounds, reported, finished ? "finished" : "killed");
      killed_mid_way += finished ? 0 : 1;
      rounds++;
      if (finished && (g_get_monotonic_time () - start) / 1e6 < IMPORT_LOOP_SECONDS)
        {
          /* All in: start an empty library, so the kills keep landing in imports. */
          g_autofree char *wal = g_strconcat (library, "-wal", NULL);
          g_autofree char *shm = g_strconcat (library, "-shm", NULL);

          g_assert_cmpuint (g_hash_table_size (seen), ==, files);
          g_hash_table_remove_all (seen);
          g_unlink (library);
          g_unlink (wal);
          g_unlink (shm);
          generations++;
        }
    }
  g_rand_free (rand);
  g_test_message ("%u rounds, %u killed mid-way, %u libraries filled; %u of %u files reported in the last",
                  rounds, killed_mid_way, generations, g_hash_table_size (seen), files);
  g_assert_cmpuint (killed_mid_way, >, 0);

  /* The library opens, and a last import completes it. */
  opened = pacta_library_open (library, PACTA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (pacta_library_check_integrity (opened, &error));
  g_assert_no_error (error);
  {
    const char *paths[] = { corpus, NULL };
    g_autoptr(PactaImportReport) report = pacta_library_import (opened, paths, NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (pacta_import_report_get_n_failed (report), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (pacta_library_get_agreements (opened)), ==, files);
  }
  g_clear_object (&opened);
  remove_tree (dir);
}

/* Decisions and notes: every round the helper printed is in the library. */
static void
test_kill_decisions (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  g_autofree char *sample = sample_path ("xa-xb-ssa-2019.akn.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaLibrary) opened = NULL;
  gint64 start;
  guint runs = 0, total_rounds = 0;
  GRand *rand = g_rand_new_with_seed (g_test_rand_int ());
  static const char * const slugs[] = {
    "ssa-export", "ssa-equal-treatment", "ssa-totalisation", "ssa-applicable-legislation", "ssa-admin-cooperation",
  };

  opened = pacta_library_open (library, PACTA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  {
    const char *paths[] = { sample, NULL };
    g_autoptr(PactaImportReport) report = pacta_library_import (opened, paths, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (pacta_import_report_get_n_added (report), ==, 1);
  }
  g_clear_object (&opened);

  start = g_get_monotonic_time ();
  while ((g_get_monotonic_time () - start) / 1e6 < DECISION_LOOP_SECONDS || runs < 5)
    {
      g_autofree char *run = g_strdup_printf ("r%u", runs);
      const char *argv[] = { g_getenv ("PACTA_LIBRARY_HELPER"), library, "1", run, NULL };
      gboolean finished = FALSE;
      g_autofree char *output = run_and_kill (argv, g_rand_int_range (rand, 10, 200), &finished);
      g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
      int last = -1;
      sqlite3 *db;
      sqlite3_stmt *stmt = NULL;

      g_assert_false (finished);
      for (guint i = 0; lines[i]; i++)
        if (lines[i][0] != '\0' && lines[i + 1] != NULL)  /* a complete line */
          last = (int) g_ascii_strtoll (lines[i], NULL, 10);

      assert_integrity (library);
      db = raw_open (library);

      /* Every note of a reported round is there. */
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM notes WHERE text GLOB ?", -1, &stmt, NULL), ==, SQLITE_OK);
      {
        g_autofree char *pattern = g_strdup_printf ("note %s:*", run);
        sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
      }
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), >=, last + 1);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), <=, last + 2);
      sqlite3_finalize (stmt);

      /* Each item's stored decision is from its last reported round, or one committed just after. */
      for (int round = MAX (0, last - 4); round <= last; round++)
        {
          const char *slug = slugs[round % G_N_ELEMENTS (slugs)];
          g_autofree char *reason = NULL;
          int stored;

          g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT reason FROM decisions WHERE item_slug = ?", -1, &stmt, NULL), ==, SQLITE_OK);
          sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_STATIC);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
          reason = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          sqlite3_finalize (stmt);
          g_assert_true (g_str_has_prefix (reason, run));
          stored = (int) g_ascii_strtoll (reason + strlen (run) + 1, NULL, 10);
          g_assert_cmpint (stored, >=, round);
          g_assert_cmpint (stored, <=, last + 1);
        }
      sqlite3_close (db);
      g_test_message ("run %s: %d rounds reported", run, last + 1);
      total_rounds += last + 1;
      runs++;
    }
  g_rand_free (rand);
  g_test_message ("%u runs, %u rounds committed in all", runs, total_rounds);
  g_assert_cmpuint (total_rounds, >, 0);

  /* Decisions survive: the library opens and applies them. */
  opened = pacta_library_open (library, PACTA_LIBRARY_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (pacta_library_check_integrity (opened, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) decisions = pacta_library_list_decisions (opened, 1, "ss-coord", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (decisions->len, >, 0);
  }
  g_clear_object (&opened);
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/library/durability/kill-import", test_kill_import);
  g_test_add_func ("/library/durability/kill-decisions", test_kill_decisions);

  return g_test_run ();
}
