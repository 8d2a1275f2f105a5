/* pacta-bench-charts.c — chart drawing speed and briefing generation time
 *
 * 1. A 500 × 80 heatmap (500 agreements, 80 items with long titles) laid out and painted
 *    to a 1600 × 1000 image surface: milliseconds per frame, for a resize (layout + paint)
 *    and for a plain redraw (paint only, as a widget does on hover). Aim: under 16 ms.
 * 2. The other charts at their natural size, for comparison.
 * 3. A briefing for 50 agreements: load, check against the suggested guidelines, render
 *    the PDF.
 *
 * Run with `meson compile -C build bench-charts`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-corpus.h"
#include "pacta-akn-reader.h"
#include "pacta-chart.h"
#include "pacta-data.h"
#include "pacta-guideline-reader.h"
#include "pacta-matcher.h"
#include "pacta-report.h"

#define FRAMES 40

static PactaChartData *
make_heatmap_data (guint n_rows,
                   guint n_items)
{
  PactaChartData *data = pacta_chart_data_new ("bench", "Benchmark guideline with eighty items");
  g_autofree gint8 *statuses = g_new (gint8, n_items);
  guint category = pacta_chart_data_add_category (data, "all", "All items");

  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *slug = g_strdup_printf ("item-%u", i);
      g_autofree char *title = g_strdup_printf ("Item %u: maintenance of acquired rights and payment of benefits abroad", i + 1);
      pacta_chart_data_add_item (data, slug, title, category, i % 3);
    }
  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *title = g_strdup_printf ("Agreement %u on Social Security between the Republic of Aldoria "
                                                "and the Kingdom of Belmont", r + 1);
      for (guint i = 0; i < n_items; i++)
        statuses[i] = (gint8) ((r * 31 + i * 17 + r * i) % 7 % 4);
      pacta_chart_data_add_row (data, title, 1990 + (int) (r % 35), statuses);
    }
  return data;
}

static void
bench_frames (const char     *name,
              PactaChartType  type,
              PactaChartData *data,
              int             width,
              int             height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(PactaChart) chart = pacta_chart_new (type, data);
  double full = 0, paint = 0, best_full = G_MAXDOUBLE, best_paint = G_MAXDOUBLE;
  gint64 start;

  /* Warm up: fonts, glyph caches, the heatmap's order. */
  pacta_chart_draw (chart, cr, width, height, NULL);

  for (guint f = 0; f < FRAMES; f++)
    {
      double t;

      /* A new size each frame forces the layout, as a window resize does. */
      start = g_get_monotonic_time ();
      pacta_chart_draw (chart, cr, width - 1 - (f % 2), height, NULL);
      cairo_surface_flush (surface);
      t = bench_seconds_since (start) * 1000;
      full += t;
      best_full = MIN (best_full, t);

      start = g_get_monotonic_time ();
      pacta_chart_draw (chart, cr, width - 1 - (f % 2), height, NULL);
      cairo_surface_flush (surface);
      t = bench_seconds_since (start) * 1000;
      paint += t;
      best_paint = MIN (best_paint, t);
    }
  printf ("  %-26s %5d × %-5d  layout + paint %6.2f ms (best %6.2f)   paint only %6.2f ms (best %6.2f)\n",
          name, width, height, full / FRAMES, best_full, paint / FRAMES, best_paint);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(PactaChartData) big = make_heatmap_data (500, 80);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) corpus = NULL;
  g_autoptr(GPtrArray) guideline_paths = pacta_data_list_files ("guidelines");
  g_autoptr(GHashTable) guidelines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(PactaMatcher) matcher = pacta_matcher_new ();
  g_autoptr(PactaReport) report = pacta_report_new ();
  g_autoptr(GBytes) pdf = NULL;
  guint64 total = 0;
  guint n_pages = 0, n_agreements = 0;
  double load_check, render;
  gint64 start;

  printf ("Pacta benchmark — charts and briefings\n\n");
  printf ("Charts (image surface, light palette, %u frames each):\n", FRAMES);
  bench_frames ("heatmap 500 × 80", PACTA_CHART_HEATMAP, big, 1600, 1000);
  bench_frames ("heatmap 500 × 80 (small)", PACTA_CHART_HEATMAP, big, 1000, 700);

  {
    PactaChartOptions options;
    g_autofree guint *rows = NULL;
    g_autofree guint *columns = NULL;

    pacta_chart_options_init (&options);
    options.row_order = PACTA_CHART_ORDER_CLUSTER;
    options.column_order = PACTA_CHART_ORDER_CLUSTER;
    start = g_get_monotonic_time ();
    pacta_heatmap_order (big, &options, &rows, &columns);
    printf ("  %-26s clustering 500 rows and 80 columns once: %.0f ms (kept across redraws)\n", "heatmap order",
            bench_seconds_since (start) * 1000);
  }
  {
    g_autoptr(PactaChartData) few = make_heatmap_data (9, 48);
    g_autoptr(PactaChartData) c102 = make_heatmap_data (4, 9);

    bench_frames ("bars (4 × 1 category)", PACTA_CHART_BARS, c102, 1000, 500);
    bench_frames ("radar (4 × 9)", PACTA_CHART_RADAR, c102, 820, 700);
    bench_frames ("timeline (500)", PACTA_CHART_TIMELINE, big, 960, 1000);
    bench_frames ("summary (9)", PACTA_CHART_SUMMARY, few, 760, 800);
  }

  /* A briefing for 50 agreements. */
  dir = g_dir_make_tmp ("pacta-bench-report-XXXXXX", &error);
  g_assert_no_error (error);
  corpus = bench_make_corpus (dir, 6, &total);   /* 6 × 9 samples = 54; the first 50 are used */
  for (guint i = 0; i < guideline_paths->len; i++)
    {
      PactaGuideline *guideline = pacta_guideline_load_file (g_ptr_array_index (guideline_paths, i), NULL);
      g_hash_table_insert (guidelines, g_strdup (pacta_guideline_get_id (guideline)), guideline);
    }

  start = g_get_monotonic_time ();
  for (guint i = 0; i < corpus->len && n_agreements < 50; i++, n_agreements++)
    {
      g_autoptr(PactaAgreement) agreement = pacta_akn_load_file (g_ptr_array_index (corpus, i), &error);
      const char * const *ids;

      g_assert_no_error (error);
      ids = pacta_coverage_suggested_guidelines (pacta_agreement_get_kind (agreement));
      for (guint g = 0; ids[g]; g++)
        {
          g_autoptr(PactaCoverage) coverage = pacta_matcher_check (matcher, agreement, g_hash_table_lookup (guidelines, ids[g]));
          pacta_report_add_coverage (report, coverage);
        }
    }
  load_check = bench_seconds_since (start);

  start = g_get_monotonic_time ();
  pdf = pacta_report_render (report, &n_pages, &error);
  g_assert_no_error (error);
  render = bench_seconds_since (start);

  printf ("\nBriefing for %u agreements (%u coverages):\n", n_agreements, pacta_report_get_coverages (report)->len);
  printf ("  load + check:         %.3f s\n", load_check);
  printf ("  render PDF:           %.3f s   %u pages, %.1f MB\n", render, n_pages, g_bytes_get_size (pdf) / 1e6);
  printf ("  total:                %.3f s\n", load_check + render);
  printf ("  peak resident memory: %ld MB\n", bench_peak_rss_mb ());

  for (guint i = 0; i < corpus->len; i++)
    g_unlink (g_ptr_array_index (corpus, i));
  g_rmdir (dir);
  return 0;
}
