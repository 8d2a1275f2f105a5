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

#define CORPUS_COPIES 34

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static long
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

/* Copies of the samples, each varied so no two files are the same. */
static GPtrArray *
make_corpus (const char *dir,
             guint64    *total_bytes)
{
  g_autoptr(GPtrArray) samples = pacta_data_list_files ("samples");
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  *total_bytes = 0;
  for (guint copy = 0; copy < CORPUS_COPIES; copy++)
    for (guint i = 0; i < samples->len; i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(PactaAgreement) agreement = pacta_akn_load_file (g_ptr_array_index (samples, i), &error);
        g_autoptr(GPtrArray) articles = NULL;
        g_autofree char *name = g_strdup_printf ("corpus-%03u-%u.akn.xml", copy, i);
        char *path = g_build_filename (dir, name, NULL);
        g_autofree char *short_title = NULL;
        GStatBuf st;

        g_assert_no_error (error);
        articles = pacta_agreement_collect_articles (agreement);
        for (guint j = 0; j < articles->len; j++)
          if ((j + copy) % 3 == 0)
            {
              PactaProvision *article = g_ptr_array_index (articles, j);
              g_autofree char *heading = g_strdup_printf ("%s (variant %u)", pacta_provision_get_heading (article) ? pacta_provision_get_heading (article) : "", copy);
              pacta_provision_set_heading (article, heading);
            }
        short_title = g_strdup_printf ("%s — copy %u", pacta_agreement_get_display_title (agreement), copy);
        pacta_agreement_set_short_title (agreement, short_title);
        g_assert_true (pacta_akn_save_file (agreement, path, NULL));
        g_stat (path, &st);
        *total_bytes += st.st_size;
        g_ptr_array_add (paths, path);
      }
  return paths;
}

static double
time_xmllint (GPtrArray *paths)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autoptr(GError) error = NULL;
  gint64 start;
  int status;

  if (xmllint == NULL)
    return -1;
  g_ptr_array_add (argv, xmllint);
  g_ptr_array_add (argv, (gpointer) "--noout");
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (paths, i));
  g_ptr_array_add (argv, NULL);

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, NULL, &status, &error))
    return -1;
  return seconds_since (start);
}

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
  return seconds_since (start);
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
      lint = time_xmllint (one);
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

  printf ("\nEntity-expansion bomb refused in %.3f ms (%s)\n", seconds_since (start) * 1000,
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
  corpus = make_corpus (dir, &total);

  /* Warm the page cache so both readers see the same conditions. */
  time_xmllint (corpus);
  lint = time_xmllint (corpus);
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
  printf ("\nPeak resident memory: %ld MB\n", peak_rss_mb ());

  for (guint i = 0; i < corpus->len; i++)
    g_unlink (g_ptr_array_index (corpus, i));
  g_rmdir (dir);
  return 0;
}
