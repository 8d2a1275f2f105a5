/* bench-corpus.c — what the benchmark programs share: a varied corpus, timing, memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/resource.h>

#include "bench-corpus.h"
#include "pacta-akn-reader.h"
#include "pacta-akn-writer.h"
#include "pacta-data.h"

double
bench_seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

long
bench_peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

/* Copies of the samples, each varied so no two files are the same. */
GPtrArray *
bench_make_corpus (const char *dir,
                   guint       copies,
                   guint64    *total_bytes)
{
  g_autoptr(GPtrArray) samples = pacta_data_list_files ("samples");
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  *total_bytes = 0;
  for (guint copy = 0; copy < copies; copy++)
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

double
bench_time_xmllint (GPtrArray *paths)
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
  return bench_seconds_since (start);
}

