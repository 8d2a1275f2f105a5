/* pacta-bench-check.c — the coverage check over a corpus of 1,000 agreements
 *
 * Every agreement is checked against every bundled guideline. Prints agreements per second,
 * peak memory, and the ratio of the whole check (load + match) to parsing alone with
 * `xmllint --noout`. Run with `meson compile -C build bench-check`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-corpus.h"
#include "pacta-akn-reader.h"
#include "pacta-data.h"
#include "pacta-guideline-reader.h"
#include "pacta-matcher.h"

#define COPIES 112  /* × 9 samples = 1,008 agreements */

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pacta-bench-check-XXXXXX", &error);
  g_autoptr(GPtrArray) guideline_paths = pacta_data_list_files ("guidelines");
  g_autoptr(GPtrArray) guidelines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PactaMatcher) matcher = pacta_matcher_new ();
  g_autoptr(GPtrArray) corpus = NULL;
  guint64 total = 0;
  guint findings = 0, present = 0;
  double lint, load = 0, match = 0;
  gint64 start;

  g_assert_no_error (error);
  for (guint i = 0; i < guideline_paths->len; i++)
    g_ptr_array_add (guidelines, pacta_guideline_load_file (g_ptr_array_index (guideline_paths, i), NULL));

  corpus = bench_make_corpus (dir, COPIES, &total);
  bench_time_xmllint (corpus);
  lint = bench_time_xmllint (corpus);

  for (guint i = 0; i < corpus->len; i++)
    {
      g_autoptr(PactaAgreement) agreement = NULL;

      start = g_get_monotonic_time ();
      agreement = pacta_akn_load_file (g_ptr_array_index (corpus, i), &error);
      g_assert_no_error (error);
      load += bench_seconds_since (start);

      start = g_get_monotonic_time ();
      for (guint g = 0; g < guidelines->len; g++)
        {
          g_autoptr(PactaCoverage) coverage = pacta_matcher_check (matcher, agreement, g_ptr_array_index (guidelines, g));
          PactaCoverageCounts counts = pacta_coverage_get_counts (coverage);

          findings += counts.covered + counts.partial + counts.missing + counts.not_applicable;
          present += counts.covered + counts.partial;
        }
      match += bench_seconds_since (start);
    }

  printf ("Pacta benchmark — coverage check\n");
  printf ("Corpus: %u agreements (%.1f MB) × %u guidelines = %u findings (%u present)\n",
          corpus->len, total / 1e6, guidelines->len, findings, present);
  printf ("  load (parse + model):          %.3f s\n", load);
  printf ("  match (all guidelines):        %.3f s   %.2f ms per agreement and guideline\n",
          match, match * 1000 / (corpus->len * guidelines->len));
  printf ("  whole check:                   %.3f s   %.0f agreements/s\n", load + match, corpus->len / (load + match));
  if (lint > 0)
    printf ("  xmllint --noout (parse only):  %.3f s\n  ratio whole check / xmllint:   %.2f   (matching alone / xmllint: %.2f)\n",
            lint, (load + match) / lint, match / lint);
  printf ("  peak resident memory:          %ld MB\n", bench_peak_rss_mb ());

  for (guint i = 0; i < corpus->len; i++)
    g_unlink (g_ptr_array_index (corpus, i));
  g_rmdir (dir);
  return 0;
}
