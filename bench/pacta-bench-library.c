/* pacta-bench-library.c — the library with 1,000 agreements: import, search latency, and the
 * coverage check over all of it
 *
 * Imports a varied corpus of 1,008 agreements into a new library, then runs a fixed mix of
 * searches (common and rare words, prefixes, phrases, exclusions, filtered by kind or party,
 * several languages) many times and prints p50/p95/max latency; then checks every agreement
 * against the guidelines suggested for its kind, with decisions applied and the scores stored.
 * Also: reopening the library, PRAGMA quick_check, the online backup. Run with
 * `meson compile -C build bench-library`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-corpus.h"
#include "pacta-coverage.h"
#include "pacta-data.h"
#include "pacta-guideline-reader.h"
#include "pacta-library.h"
#include "pacta-matcher.h"

#define COPIES      112  /* × 9 samples = 1,008 agreements */
#define REPEATS     20
#define SEARCH_LIMIT 20

static const char * const queries[] = {
  "pension",
  "social security",
  "benefits",
  "export of benefits",
  "equal treatment",
  "\"equality of treatment\"",
  "recruitment fees",
  "employer",
  "workers",
  "contract of employment",
  "totalisation OR aggregation",
  "insurance periods",
  "migrant workers -domestic",
  "sécurité sociale",
  "securite sociale",
  "pensions de vieillesse",
  "trabajador doméstico",
  "trabajadores",
  "dispute settlement",
  "entry into force",
  "termination",
  "joint committee",
  "variant",
  "the",
  "art",
  "family members",
  "health care",
  "skills recognition",
  "return and reintegration",
  "complaint",
};

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint index = (guint) (p * (sorted->len - 1) + 0.5);
  return g_array_index (sorted, double, MIN (index, sorted->len - 1));
}

static long
file_size_kb (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (long) (st.st_size / 1024) : 0;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pacta-bench-library-XXXXXX", &error);
  g_autofree char *corpus_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autoptr(GPtrArray) corpus = NULL;
  g_autoptr(PactaLibrary) library = NULL;
  g_autoptr(PactaImportReport) report = NULL;
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) per_query = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) guideline_paths = pacta_data_list_files ("guidelines");
  g_autoptr(GHashTable) guidelines = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  g_autoptr(PactaMatcher) matcher = pacta_matcher_new ();
  g_autoptr(GArray) score_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) coverages = g_ptr_array_new_with_free_func (g_object_unref);
  const char *paths[2] = { NULL, NULL };
  PactaLibraryFilter by_kind = PACTA_LIBRARY_FILTER_INIT;
  PactaLibraryFilter by_party = PACTA_LIBRARY_FILTER_INIT;
  guint64 total_bytes = 0;
  guint n, hits_total = 0, decided = 0;
  double import_s, open_s, check_s, load_s = 0, store_s, quick_s, backup_s, worst_query = 0;
  const char *worst = NULL;
  gint64 start;

  g_assert_no_error (error);
  corpus_dir = g_build_filename (dir, "corpus", NULL);
  g_mkdir (corpus_dir, 0700);
  path = g_build_filename (dir, "library.db", NULL);
  wal = g_strconcat (path, "-wal", NULL);

  if (g_getenv ("PACTA_BENCH_LIBRARY") != NULL)
    {
      /* Only the searches, over a library kept from an earlier run (PACTA_BENCH_KEEP). */
      g_free (path);
      path = g_strdup (g_getenv ("PACTA_BENCH_LIBRARY"));
      library = pacta_library_open (path, PACTA_LIBRARY_OPEN_NO_BACKUP, &error);
      g_assert_no_error (error);
      n = g_list_model_get_n_items (pacta_library_get_agreements (library));
      goto search;
    }

  printf ("Making the corpus…\n");
  corpus = bench_make_corpus (corpus_dir, COPIES, &total_bytes);
  printf ("  %u agreements, %.1f MB of XML\n\n", corpus->len, total_bytes / 1e6);

  /* Import */
  library = pacta_library_open (path, PACTA_LIBRARY_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  paths[0] = corpus_dir;
  start = g_get_monotonic_time ();
  report = pacta_library_import (library, paths, NULL, NULL, NULL, &error);
  import_s = bench_seconds_since (start);
  g_assert_no_error (error);
  n = pacta_import_report_get_n_added (report);
  g_assert_cmpuint (n, ==, corpus->len);
  printf ("Import (one transaction per file)\n");
  printf ("  %u agreements in %.2f s: %.0f agreements/s, %.1f ms each\n", n, import_s, n / import_s, 1000 * import_s / n);
  printf ("  library file %.1f MB (+ %.1f MB write-ahead log)\n\n", file_size_kb (path) / 1024.0, file_size_kb (wal) / 1024.0);

  /* Reopen */
  g_clear_object (&library);
  start = g_get_monotonic_time ();
  library = pacta_library_open (path, PACTA_LIBRARY_OPEN_NO_BACKUP, &error);
  open_s = bench_seconds_since (start);
  g_assert_no_error (error);
  printf ("Open (schema check, %u entries listed): %.1f ms\n\n", g_list_model_get_n_items (pacta_library_get_agreements (library)),
          1000 * open_s);

search:
  by_kind.kind = PACTA_AGREEMENT_KIND_SSA;
  by_party.party = "XA";
  for (guint repeat = 0; repeat < REPEATS; repeat++)
    for (guint q = 0; q < G_N_ELEMENTS (queries) + 2; q++)
      {
        const char *query = q < G_N_ELEMENTS (queries) ? queries[q] : "benefits";
        const PactaLibraryFilter *filter = q == G_N_ELEMENTS (queries) ? &by_kind
                                         : q == G_N_ELEMENTS (queries) + 1 ? &by_party : NULL;
        g_autoptr(GListModel) hits = NULL;
        double ms;

        start = g_get_monotonic_time ();
        hits = pacta_library_search (library, query, filter, SEARCH_LIMIT, &error);
        ms = 1000 * bench_seconds_since (start);
        g_assert_no_error (error);
        hits_total += g_list_model_get_n_items (hits);
        g_array_append_val (latencies, ms);
        if (repeat == REPEATS - 1 && ms > worst_query)
          {
            worst_query = ms;
            worst = query;
          }
        if (repeat == 0)
          g_array_append_val (per_query, ms);
      }
  g_array_sort (latencies, compare_doubles);
  printf ("Search (%u queries × %u, the best %u hits with snippets)\n", (guint) G_N_ELEMENTS (queries) + 2, REPEATS, SEARCH_LIMIT);
  printf ("  p50 %.2f ms, p95 %.2f ms, max %.2f ms; %.1f hits per query\n", percentile (latencies, 0.50),
          percentile (latencies, 0.95), percentile (latencies, 1.0), (double) hits_total / latencies->len);
  printf ("  slowest in the last round: “%s” %.2f ms\n", worst, worst_query);
  if (g_getenv ("PACTA_BENCH_VERBOSE") != NULL)
    for (guint q = 0; q < per_query->len; q++)
      printf ("    %7.2f ms  %s%s\n", g_array_index (per_query, double, q),
              q < G_N_ELEMENTS (queries) ? queries[q] : "benefits",
              q == G_N_ELEMENTS (queries) ? " (kind ssa)" : q == G_N_ELEMENTS (queries) + 1 ? " (party XA)" : "");
  printf ("\n");
  if (g_getenv ("PACTA_BENCH_KEEP") != NULL)
    {
      printf ("Kept %s\n", path);
      return 0;
    }

  /* Check */
  for (guint i = 0; i < guideline_paths->len; i++)
    {
      PactaGuideline *guideline = pacta_guideline_load_file (g_ptr_array_index (guideline_paths, i), &error);

      g_assert_no_error (error);
      g_hash_table_insert (guidelines, (gpointer) pacta_guideline_get_id (guideline), guideline);
    }
  /* A few decisions, so applying them is part of the cost. */
  for (gint64 id = 1; id <= 200; id++)
    if (pacta_library_set_decision (library, id, "ss-coord", "ssa-export", PACTA_FINDING_ORIGIN_SET,
                                    PACTA_FINDING_STATUS_PARTIAL, "bench", NULL))
      decided++;

  start = g_get_monotonic_time ();
  {
    GListModel *entries = pacta_library_get_agreements (library);

    for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
      {
        g_autoptr(PactaLibraryEntry) entry = g_list_model_get_item (entries, i);
        gint64 id = pacta_library_entry_get_id (entry);
        gint64 load_start = g_get_monotonic_time ();
        g_autoptr(PactaAgreement) agreement = pacta_library_load_agreement (library, id, &error);
        const char * const *ids;

        load_s += bench_seconds_since (load_start);
        g_assert_no_error (error);
        ids = pacta_coverage_suggested_guidelines (pacta_agreement_get_kind (agreement));
        for (guint g = 0; ids[g]; g++)
          {
            PactaGuideline *guideline = g_hash_table_lookup (guidelines, ids[g]);
            PactaCoverage *coverage;

            if (guideline == NULL)
              continue;
            coverage = pacta_library_check_agreement (library, matcher, id, agreement, guideline, &error);
            g_assert_no_error (error);
            g_array_append_val (score_ids, id);
            g_ptr_array_add (coverages, coverage);
          }
      }
  }
  check_s = bench_seconds_since (start);
  start = g_get_monotonic_time ();
  pacta_library_store_scores (library, (const gint64 *) score_ids->data, (PactaCoverage * const *) coverages->pdata,
                              score_ids->len, &error);
  store_s = bench_seconds_since (start);
  g_assert_no_error (error);
  printf ("Coverage over the library (suggested guidelines per kind, %u decisions applied)\n", decided);
  printf ("  %u agreements, %u coverages in %.2f s (%.1f ms per agreement; reading the stored XML %.2f s)\n",
          n, score_ids->len, check_s, 1000 * check_s / n, load_s);
  printf ("  storing the %u scores (one transaction): %.1f ms\n\n", score_ids->len, 1000 * store_s);

  /* Upkeep */
  g_clear_object (&library);
  library = pacta_library_open (path, PACTA_LIBRARY_OPEN_NO_BACKUP, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  g_assert_true (pacta_library_check_integrity (library, NULL));
  quick_s = bench_seconds_since (start);
  start = g_get_monotonic_time ();
  g_assert_true (pacta_library_backup (library, &error));
  backup_s = bench_seconds_since (start);
  printf ("Upkeep\n");
  printf ("  full integrity check (with FTS): %.0f ms; daily backup (quick_check + online backup): %.0f ms\n",
          1000 * quick_s, 1000 * backup_s);
  printf ("\nPeak memory: %ld MB\n", bench_peak_rss_mb ());

  g_clear_object (&library);
  {
    g_autofree char *backup = pacta_library_backup_path (path);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (backup);
    g_unlink (shm);
    g_unlink (wal);
    g_unlink (path);
  }
  remove_tree (corpus_dir);
  g_rmdir (dir);
  return 0;
}
