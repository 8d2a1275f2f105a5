/* pacta-bench.c — load throughput of the Akoma Ntoso reader, measured against xmllint
 *
 * Prints figures; it asserts nothing. Run with `meson compile -C build bench`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "pacta-akn-reader.h"
#include "pacta-akn-writer.h"
#include "pacta-data.h"
#include "bench-corpus.h"

#define CORPUS_COPIES 34

static double
time_pacta (GPtrArray *paths,
            guint     *articles)
{
  gint64 start = g_get_monotonic_time ();

  *articles = 0;
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PactaAgreement) agreement = pacta_akn_load_file (g_ptr_array_index (paths, i), &error);
      g_autoptr(GPtrArray) found = NULL;

      g_assert_no_error (error);
      found = pacta_agreement_collect_articles (agreement);
      *articles += found->len;
    }
  return bench_seconds_since (start);
}

/* One very large agreement: @n_articles articles of several paragraphs each. */
static char *
write_large (const char *dir,
             guint       n_articles,
             guint64    *bytes)
{
  g_autoptr(PactaAgreement) agreement = pacta_agreement_new ();
  g_autoptr(PactaParty) xa = pacta_party_new ("XA", "Republic of Aldoria", "party");
  g_autoptr(PactaParty) xb = pacta_party_new ("XB", "Kingdom of Belmont", "party");
  g_autofree char *name = g_strdup_printf ("large-%u.akn.xml", n_articles);
  char *path = g_build_filename (dir, name, NULL);
  GStatBuf st;

  pacta_agreement_set_title (agreement, "A very large consolidated agreement");
  pacta_agreement_set_kind (agreement, PACTA_AGREEMENT_KIND_SSA);
  pacta_agreement_set_status (agreement, PACTA_AGREEMENT_STATUS_IN_FORCE);
  pacta_agreement_set_date_signed (agreement, "2020-01-01");
  pacta_agreement_add_party (agreement, xa);
  pacta_agreement_add_party (agreement, xb);
  for (guint i = 1; i <= n_articles; i++)
    {
      g_autoptr(PactaProvision) article = pacta_provision_new (PACTA_PROVISION_KIND_ARTICLE, "article");
      g_autofree char *num = g_strdup_printf ("Article %u", i);

      pacta_provision_set_num (article, num);
      pacta_provision_set_heading (article, "Totalisation of periods of insurance");
      for (guint p = 1; p <= 4; p++)
        {
          g_autoptr(PactaProvision) para = pacta_provision_new (PACTA_PROVISION_KIND_PARAGRAPH, "paragraph");
          g_autofree char *pnum = g_strdup_printf ("%u.", p);

          pacta_provision_set_num (para, pnum);
          pacta_provision_set_text (para,
                                    "Where the legislation of a Contracting Party makes the acquisition, retention or "
                                    "recovery of the right to benefits conditional upon the completion of periods of "
                                    "insurance, the competent institution shall take into account, as far as necessary, "
                                    "periods completed under the legislation of the other Contracting Party.");
          pacta_provision_append (article, para);
        }
      pacta_agreement_append_provision (agreement, article);
    }
  g_assert_true (pacta_akn_save_file (agreement, path, NULL));
  g_stat (path, &st);
  *bytes = st.st_size;
  return path;
}

static void
bench_large (const char *dir)
{
  const guint sizes[] = { 25000, 50000, 100000 };

  printf ("\nLarge single agreements (linear time expected):\n");
  printf ("  %10s %10s %10s %10s %10s\n", "articles", "MB", "pacta s", "MB/s", "xmllint s");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      guint64 bytes;
      g_autofree char *path = write_large (dir, sizes[i], &bytes);
      g_autoptr(GPtrArray) one = g_ptr_array_new ();
      guint articles;
      double pacta, lint;

      g_ptr_array_add (one, path);
      pacta = time_pacta (one, &articles);
      lint = bench_time_xmllint (one);
      printf ("  %10u %10.1f %10.3f %10.1f %10.3f\n", articles, bytes / 1e6, pacta, bytes / 1e6 / pacta, lint);
      g_unlink (path);
    }
}

static void
bench_bomb (void)
{
  g_autofree char *path = g_build_filename (PACTA_SOURCE_DATADIR, "..", "tests", "data", "bad", "entity-bomb.akn.xml", NULL);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(PactaAgreement) agreement = pacta_akn_load_file (path, &error);

  printf ("\nEntity-expansion bomb refused in %.3f ms (%s)\n", bench_seconds_since (start) * 1000,
          agreement == NULL ? "refused" : "LOADED");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pacta-bench-XXXXXX", &error);
  g_autoptr(GPtrArray) corpus = NULL;
  guint64 total = 0;
  guint articles = 0;
  double pacta, lint;

  g_assert_no_error (error);
  corpus = bench_make_corpus (dir, CORPUS_COPIES, &total);

  /* Warm the page cache so both readers see the same conditions. */
  bench_time_xmllint (corpus);
  lint = bench_time_xmllint (corpus);
  pacta = time_pacta (corpus, &articles);

  printf ("Pacta benchmark — Akoma Ntoso reader\n");
  printf ("Corpus: %u agreements, %u articles, %.1f MB\n", corpus->len, articles, total / 1e6);
  printf ("  pacta load (parse + model):   %.3f s   %.1f MB/s   %.0f agreements/s\n",
          pacta, total / 1e6 / pacta, corpus->len / pacta);
  if (lint > 0)
    printf ("  xmllint --noout (parse only): %.3f s   %.1f MB/s\n  ratio pacta / xmllint:        %.2f\n",
            lint, total / 1e6 / lint, pacta / lint);

  bench_large (dir);
  bench_bomb ();
  printf ("\nPeak resident memory: %ld MB\n", bench_peak_rss_mb ());

  for (guint i = 0; i < corpus->len; i++)
    g_unlink (g_ptr_array_index (corpus, i));
  g_rmdir (dir);
  return 0;
}
