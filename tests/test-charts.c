/* test-charts.c — chart layouts as numbers, hit-testing, smoke renders against references
 *
 * Set PACTA_UPDATE_REFERENCES=1 to rewrite the PNGs in tests/data/charts/ from the current
 * rendering (then look at them before committing).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "pacta-chart.h"
#include "test-helpers.h"

/* Synthetic data: fixed statuses, realistic titles, independent of the matcher. */

static const char * const category_titles[] = {
  "General provisions", "Applicable legislation", "Benefits: long-term", "Benefits: short-term",
  "Administration and mutual assistance", "Final and transitional provisions",
};

static const char * const item_titles[] = {
  "Definitions", "Personal scope", "Equality of treatment", "Export of benefits",
  "General rule: place of work", "Detached workers", "Certificate of coverage",
  "Totalisation of periods", "Pro-rata calculation", "Old-age, invalidity and survivors' pensions",
  "Sickness and maternity", "Employment injury", "Liaison agencies", "Data protection",
  "Recovery of undue payments", "Entry into force", "Termination and protection of rights",
};

static const guint item_category[] = { 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4, 5, 5 };

static const char * const row_titles[] = {
  "XA–XB Social Security Agreement (2019)", "XC–XN Social Security Agreement (draft, 2025)",
  "Accord XF–XK de sécurité sociale (pensions, 2016)", "Meridian Social Security Convention",
};

static const int row_years[] = { 2019, 2025, 2016, 2012 };

static PactaChartData *
make_data (guint n_rows)
{
  PactaChartData *data = pacta_chart_data_new ("test-ss", "Social security coordination (test data)");
  g_autofree gint8 *statuses = g_new (gint8, G_N_ELEMENTS (item_titles));

  for (guint c = 0; c < G_N_ELEMENTS (category_titles); c++)
    pacta_chart_data_add_category (data, category_titles[c], category_titles[c]);
  for (guint i = 0; i < G_N_ELEMENTS (item_titles); i++)
    {
      g_autofree char *slug = g_strdup_printf ("item-%u", i);
      pacta_chart_data_add_item (data, slug, item_titles[i], item_category[i],
                                 i % 3 == 0 ? PACTA_ITEM_LEVEL_ESSENTIAL : PACTA_ITEM_LEVEL_RECOMMENDED);
    }
  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *title = r < G_N_ELEMENTS (row_titles) ? g_strdup (row_titles[r])
                                                             : g_strdup_printf ("Agreement number %u between two parties", r);

      for (guint i = 0; i < G_N_ELEMENTS (item_titles); i++)
        {
          guint v = (i * 7 + r * 5 + (i * r) % 3) % 10;
          statuses[i] = v + r % 4 < 6 ? PACTA_FINDING_STATUS_COVERED
                        : v < 8 ? PACTA_FINDING_STATUS_MISSING
                        : v < 9 ? PACTA_FINDING_STATUS_PARTIAL : (r == 1 && i == 16 ? PACTA_FINDING_STATUS_NOT_APPLICABLE
                                                                                      : PACTA_FINDING_STATUS_MISSING);
        }
      pacta_chart_data_add_row (data, title, r < G_N_ELEMENTS (row_years) ? row_years[r] : 2000 + (int) (r % 26), statuses);
    }
  return data;
}

/* n_rows × n_items with long titles, for the label tests. */
static PactaChartData *
make_wide_data (guint n_rows,
                guint n_items)
{
  PactaChartData *data = pacta_chart_data_new ("wide", "A guideline with many items");
  g_autofree gint8 *statuses = g_new (gint8, n_items);
  guint category = pacta_chart_data_add_category (data, "all", "All items");

  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *slug = g_strdup_printf ("item-%u", i);
      g_autofree char *title = g_strdup_printf ("Item %u: maintenance of acquired rights and payment of benefits "
                                                "abroad, including to survivors living in third countries", i + 1);
      pacta_chart_data_add_item (data, slug, title, category, i % 3);
    }
  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *title = g_strdup_printf ("Agreement %u on Social Security between the Republic of Aldoria "
                                                "and the Kingdom of Belmont, with its Administrative Arrangement", r + 1);
      for (guint i = 0; i < n_items; i++)
        statuses[i] = (gint8) ((r * 31 + i * 17 + r * i) % 7 % 4);
      pacta_chart_data_add_row (data, title, 1990 + (int) (r % 35), statuses);
    }
  return data;
}

static void
assert_labels_apart (GPtrArray *labels)
{
  for (guint i = 0; i < labels->len; i++)
    for (guint j = i + 1; j < labels->len; j++)
      {
        PactaChartLabel *a = g_ptr_array_index (labels, i);
        PactaChartLabel *b = g_ptr_array_index (labels, j);

        if (pacta_chart_quads_overlap (a->quad, b->quad))
          g_error ("labels overlap: “%s” and “%s”", pacta_chart_label_get_text (a), pacta_chart_label_get_text (b));
      }
}

static void
assert_labels_inside (GPtrArray *labels,
                      double     width,
                      double     height)
{
  for (guint i = 0; i < labels->len; i++)
    {
      PactaChartLabel *label = g_ptr_array_index (labels, i);
      PactaChartRect b;

      pacta_chart_label_bounds (label, &b);
      if (b.x < -0.5 || b.y < -0.5 || b.x + b.width > width + 0.5 || b.y + b.height > height + 0.5)
        g_error ("label “%s” leaves the %g × %g canvas: %g, %g, %g × %g", pacta_chart_label_get_text (label),
                 width, height, b.x, b.y, b.width, b.height);
    }
}

/* Every label of a layout, its legend's included. */
static GPtrArray *
all_labels (GPtrArray        *labels,
            PactaChartLegend *legend)
{
  GPtrArray *all = g_ptr_array_new ();

  for (guint i = 0; i < labels->len; i++)
    g_ptr_array_add (all, g_ptr_array_index (labels, i));
  for (guint i = 0; legend && i < legend->entries->len; i++)
    g_ptr_array_add (all, ((PactaChartLegendEntry *) g_ptr_array_index (legend->entries, i))->label);
  return all;
}

/* Ticks */

static void
test_ticks_nice (void)
{
  static const struct { double lo, hi; gboolean integer; } ranges[] = {
    { 0, 1, FALSE }, { 0, 7, TRUE }, { 3.2, 97.6, FALSE }, { 2012, 2025, TRUE }, { -5, 5, FALSE },
    { 0, 0, FALSE }, { 0.001, 0.005, FALSE }, { 0, 1000, TRUE }, { 1987, 1988, TRUE }, { 17, 17, TRUE },
    { -0.3, 0.7, FALSE }, { 0, 48, TRUE }, { 123456, 987654, TRUE },
  };

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    for (guint max = 2; max <= 12; max++)
      {
        PactaChartTicks t;

        pacta_chart_nice_ticks (ranges[r].lo, ranges[r].hi, max, ranges[r].integer, &t);
        g_assert_true (pacta_chart_is_nice_step (t.step));
        g_assert_cmpuint (t.n, >=, 2);
        g_assert_cmpuint (t.n, <=, MAX (max, 3));  /* three when the range straddles a step */
        g_assert_cmpfloat (t.min, <=, ranges[r].lo + 1e-9);
        g_assert_cmpfloat (t.max, >=, ranges[r].hi - 1e-9);
        g_assert_cmpfloat_with_epsilon (t.values[0], t.min, 1e-9 * MAX (1, fabs (t.min)));
        g_assert_cmpfloat_with_epsilon (t.values[t.n - 1], t.max, 1e-9 * MAX (1, fabs (t.max)));
        for (guint i = 1; i < t.n; i++)
          g_assert_cmpfloat_with_epsilon (t.values[i] - t.values[i - 1], t.step, 1e-9 * MAX (1, t.step));
        for (guint i = 0; i < t.n; i++)
          {
            /* Every value a multiple of the step, so labels read 0, 25, 50 … */
            double k = t.values[i] / t.step;
            g_assert_cmpfloat (fabs (k - round (k)), <, 1e-6);
            if (ranges[r].integer)
              g_assert_cmpfloat (fabs (t.values[i] - round (t.values[i])), <, 1e-9);
          }
      }

  {
    PactaChartTicks t;

    pacta_chart_nice_ticks (0, 1, 5, FALSE, &t);
    g_assert_cmpuint (t.n, ==, 5);
    g_assert_cmpfloat (t.step, ==, 0.25);
    pacta_chart_nice_ticks (2012, 2025, 8, TRUE, &t);
    g_assert_cmpfloat (t.step, ==, 2);
  }
  g_assert_false (pacta_chart_is_nice_step (3));
  g_assert_false (pacta_chart_is_nice_step (0.7));
  g_assert_true (pacta_chart_is_nice_step (250));
}

/* Bars */

static void
check_bars (PactaChartData *data,
            gboolean        counts,
            double          width,
            double          height)
{
  g_autoptr(PactaBarsLayout) layout = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  PactaChartOptions options;

  pacta_chart_options_init (&options);
  options.counts = counts;
  layout = pacta_bars_layout_new (data, &options, width, height);
  labels = all_labels (layout->labels, layout->legend);

  for (guint p = 0; p < layout->n_panels; p++)
    for (guint c = 0; c < layout->n_categories; c++)
      {
        double sum = 0, x = layout->panels[p].x;
        guint total = 0, n = 0;

        for (guint i = 0; i < layout->segments->len; i++)
          {
            PactaBarSegment *seg = &g_array_index (layout->segments, PactaBarSegment, i);

            if (seg->panel != p || seg->category != c)
              continue;
            /* Segments follow each other, left to right, in status order. */
            g_assert_cmpfloat_with_epsilon (seg->rect.x, x, 1e-9);
            g_assert_cmpfloat (seg->rect.width, >, 0);
            x += seg->rect.width;
            sum += seg->rect.width;
            total += seg->count;
            n++;
          }
        if (n == 0)
          continue;
        if (counts)
          g_assert_cmpfloat_with_epsilon (sum, total / layout->axis_max * layout->axis_length, 1e-6);
        else
          g_assert_cmpfloat_with_epsilon (sum, layout->axis_length, 1e-6);  /* shares fill the axis */
        g_assert_cmpfloat (sum, <=, layout->axis_length + 1e-6);
      }

  g_assert_true (pacta_chart_is_nice_step (layout->ticks.step));
  g_assert_cmpfloat (layout->ticks.min, <=, 0);
  g_assert_cmpfloat (layout->ticks.max, >=, counts ? 1 : 1 - 1e-9);
  for (guint c = 0; c + 1 < layout->n_categories; c++)
    g_assert_cmpfloat (layout->band_centers[c], <, layout->band_centers[c + 1]);
  assert_labels_apart (labels);
  assert_labels_inside (labels, width, height);
}

static void
test_bars_layout (void)
{
  g_autoptr(PactaChartData) one = make_data (1);
  g_autoptr(PactaChartData) three = make_data (3);

  check_bars (one, FALSE, 700, 420);
  check_bars (three, FALSE, 1100, 520);
  check_bars (three, TRUE, 1100, 520);
  check_bars (three, FALSE, 480, 400);   /* too narrow for three panels: summed into one */

  {
    g_autoptr(PactaBarsLayout) layout = pacta_bars_layout_new (three, NULL, 1100, 520);
    g_assert_cmpuint (layout->n_panels, ==, 3);
  }
  {
    g_autoptr(PactaBarsLayout) layout = pacta_bars_layout_new (three, NULL, 480, 400);
    guint covered = 0;

    g_assert_cmpuint (layout->n_panels, ==, 1);
    g_assert_cmpint (layout->panel_rows[0], ==, -1);
    /* The summed panel counts every row's items. */
    for (guint i = 0; i < layout->segments->len; i++)
      {
        PactaBarSegment *seg = &g_array_index (layout->segments, PactaBarSegment, i);
        if (seg->status == PACTA_FINDING_STATUS_COVERED)
          covered += seg->count;
      }
    g_assert_cmpuint (covered, ==, pacta_chart_data_get_row (three, 0)->counts.covered +
                                   pacta_chart_data_get_row (three, 1)->counts.covered +
                                   pacta_chart_data_get_row (three, 2)->counts.covered);
  }
}

/* Radar */

static void
test_radar_layout (void)
{
  g_autoptr(PactaChartData) data = make_data (4);
  static const double sizes[][2] = { { 820, 700 }, { 500, 420 }, { 1200, 600 } };

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autoptr(PactaRadarLayout) layout = pacta_radar_layout_new (data, NULL, sizes[k][0], sizes[k][1]);
      g_autoptr(GPtrArray) labels = all_labels (layout->labels, layout->legend);
      double hole = pacta_radar_value_radius (layout, 0);

      g_assert_cmpuint (layout->n_axes, ==, G_N_ELEMENTS (item_titles));
      g_assert_cmpfloat (layout->radius, >, 40);
      g_assert_cmpfloat_with_epsilon (layout->angles[0], -G_PI / 2, 1e-12);  /* the first axis points up */

      for (guint r = 0; r < layout->n_series; r++)
        for (guint i = 0; i < layout->n_axes; i++)
          {
            const double *p = &layout->points[2 * (r * layout->n_axes + i)];
            double d = hypot (p[0] - layout->cx, p[1] - layout->cy);
            int status = layout->statuses[r * layout->n_axes + i];

            if (isnan (p[0]))
              {
                g_assert_cmpint (status, ==, PACTA_FINDING_STATUS_NOT_APPLICABLE);
                continue;
              }
            g_assert_cmpfloat (d, <=, layout->radius + 1e-9);
            g_assert_cmpfloat (d, >=, hole - 1e-9);
            if (status == PACTA_FINDING_STATUS_COVERED)
              g_assert_cmpfloat_with_epsilon (d, layout->radius, 1e-9);
            else if (status == PACTA_FINDING_STATUS_MISSING)
              g_assert_cmpfloat_with_epsilon (d, hole, 1e-9);
            else
              g_assert_cmpfloat_with_epsilon (d, pacta_radar_value_radius (layout, 0.5), 1e-9);
          }
      assert_labels_apart (labels);
      assert_labels_inside (labels, sizes[k][0], sizes[k][1]);
    }
}

/* Heatmap */

static void
check_heatmap (PactaChartData *data,
               double          width,
               double          height)
{
  g_autoptr(PactaHeatmapLayout) layout = pacta_heatmap_layout_new (data, NULL, NULL, NULL, width, height);
  g_autoptr(GPtrArray) labels = all_labels (layout->labels, layout->legend);
  PactaChartRect last;

  g_assert_cmpuint (layout->n_rows, ==, pacta_chart_data_get_n_rows (data));
  g_assert_cmpuint (layout->n_columns, ==, pacta_chart_data_get_n_items (data));
  assert_labels_apart (labels);
  assert_labels_inside (labels, width, height);

  /* Every column and row is named, or every step-th one. */
  g_assert_cmpuint (layout->column_labels->len, ==, (layout->n_columns + layout->column_step - 1) / layout->column_step);
  g_assert_cmpuint (layout->row_labels->len, ==, (layout->n_rows + layout->row_step - 1) / layout->row_step);

  /* The cells stay inside the grid, and the grid inside the canvas. */
  g_assert_cmpfloat (layout->grid.x, >=, 0);
  g_assert_cmpfloat (layout->grid.y, >=, 0);
  g_assert_cmpfloat (layout->grid.x + layout->grid.width, <=, width + 1e-6);
  g_assert_cmpfloat (layout->grid.y + layout->grid.height, <=, height + 1e-6);
  pacta_heatmap_cell_rect (layout, layout->n_rows - 1, layout->n_columns - 1, &last);
  g_assert_cmpfloat (last.x + last.width, <=, layout->grid.x + layout->grid.width + 1e-6);
  g_assert_cmpfloat (last.y + last.height, <=, layout->grid.y + layout->grid.height + 1e-6);
}

static void
test_heatmap_labels (void)
{
  g_autoptr(PactaChartData) wide = make_wide_data (40, 80);
  g_autoptr(PactaChartData) tall = make_wide_data (500, 80);
  g_autoptr(PactaChartData) mid = make_wide_data (12, 24);
  g_autoptr(PactaChartData) few = make_wide_data (6, 5);

  check_heatmap (wide, 1200, 800);
  check_heatmap (wide, 800, 600);
  check_heatmap (wide, 1800, 1100);
  check_heatmap (tall, 1200, 900);
  check_heatmap (mid, 1000, 600);
  check_heatmap (few, 900, 500);

  {
    g_autoptr(PactaHeatmapLayout) l80 = pacta_heatmap_layout_new (wide, NULL, NULL, NULL, 1200, 800);
    g_autoptr(PactaHeatmapLayout) l24 = pacta_heatmap_layout_new (mid, NULL, NULL, NULL, 1400, 700);
    g_autoptr(PactaHeatmapLayout) l5 = pacta_heatmap_layout_new (few, NULL, NULL, NULL, 900, 500);

    g_assert_cmpint (l80->label_mode, ==, PACTA_HEATMAP_LABELS_VERTICAL);
    g_assert_cmpint (l24->label_mode, ==, PACTA_HEATMAP_LABELS_DIAGONAL);
    g_assert_cmpint (l5->label_mode, ==, PACTA_HEATMAP_LABELS_HORIZONTAL);
    /* Long titles are shortened, not run into each other. */
    g_assert_true (pacta_chart_label_is_ellipsized (((PactaHeatmapTag *) g_ptr_array_index (l80->column_labels, 0))->label));
  }
}

static void
test_heatmap_order (void)
{
  g_autoptr(PactaChartData) data = make_data (4);
  PactaChartOptions options;
  g_autofree guint *rows = NULL;
  g_autofree guint *columns = NULL;

  pacta_chart_options_init (&options);
  options.row_order = PACTA_CHART_ORDER_SCORE;
  options.column_order = PACTA_CHART_ORDER_SCORE;
  pacta_heatmap_order (data, &options, &rows, &columns);
  for (guint i = 0; i + 1 < 4; i++)
    g_assert_cmpfloat (pacta_chart_data_get_row (data, rows[i])->score, >=, pacta_chart_data_get_row (data, rows[i + 1])->score);
  for (guint i = 0; i + 1 < pacta_chart_data_get_n_items (data); i++)
    g_assert_cmpfloat (pacta_chart_data_item_share (data, columns[i], NULL), >=,
                       pacta_chart_data_item_share (data, columns[i + 1], NULL));
  g_clear_pointer (&rows, g_free);
  g_clear_pointer (&columns, g_free);

  options.row_order = PACTA_CHART_ORDER_YEAR;
  options.column_order = PACTA_CHART_ORDER_NAME;
  pacta_heatmap_order (data, &options, &rows, &columns);
  for (guint i = 0; i + 1 < 4; i++)
    g_assert_cmpint (pacta_chart_data_get_row (data, rows[i])->year, <=, pacta_chart_data_get_row (data, rows[i + 1])->year);
  for (guint i = 0; i + 1 < pacta_chart_data_get_n_items (data); i++)
    g_assert_cmpint (g_utf8_collate (pacta_chart_data_get_item (data, columns[i])->title,
                                     pacta_chart_data_get_item (data, columns[i + 1])->title), <=, 0);
  g_clear_pointer (&rows, g_free);
  g_clear_pointer (&columns, g_free);

  options.row_order = PACTA_CHART_ORDER_NAME;
  options.reverse = TRUE;
  pacta_heatmap_order (data, &options, &rows, &columns);
  for (guint i = 0; i + 1 < 4; i++)
    g_assert_cmpint (g_utf8_collate (pacta_chart_data_get_row (data, rows[i])->title,
                                     pacta_chart_data_get_row (data, rows[i + 1])->title), >=, 0);
}

static void
test_cluster_order (void)
{
  /* Two families of rows, interleaved: clustering puts each family together. */
  static const double vectors[6][4] = {
    { 1, 1, 0, 0 }, { 0, 0, 1, 1 }, { 1, 1, 0, 0.5 }, { 0, 0.5, 1, 1 }, { 1, 1, 0.5, 0 }, { 0, 0, 1, 0.5 },
  };
  g_autofree guint *order = pacta_chart_cluster_order (&vectors[0][0], 6, 4);
  gboolean seen[6] = { FALSE };
  guint boundaries = 0;

  for (guint i = 0; i < 6; i++)
    {
      g_assert_cmpuint (order[i], <, 6);
      g_assert_false (seen[order[i]]);
      seen[order[i]] = TRUE;
      if (i > 0 && (order[i] % 2) != (order[i - 1] % 2))
        boundaries++;
    }
  g_assert_cmpuint (boundaries, ==, 1);

  {
    /* 300 rows cluster to a permutation too. */
    g_autoptr(PactaChartData) data = make_wide_data (300, 30);
    PactaChartOptions options;
    g_autofree guint *rows = NULL;
    g_autofree guint *columns = NULL;
    g_autofree gboolean *hit = g_new0 (gboolean, 300);

    pacta_chart_options_init (&options);
    options.row_order = PACTA_CHART_ORDER_CLUSTER;
    options.column_order = PACTA_CHART_ORDER_CLUSTER;
    pacta_heatmap_order (data, &options, &rows, &columns);
    for (guint i = 0; i < 300; i++)
      {
        g_assert_false (hit[rows[i]]);
        hit[rows[i]] = TRUE;
      }
  }
}

/* Timeline and summary */

static void
test_timeline_layout (void)
{
  g_autoptr(PactaChartData) data = make_data (4);
  g_autoptr(PactaChartData) many = make_wide_data (120, 3);
  static const gint8 statuses[G_N_ELEMENTS (item_titles)] = { 0 };

  pacta_chart_data_add_row (data, "An undated draft", 0, statuses);
  for (guint k = 0; k < 2; k++)
    {
      PactaChartData *d = k == 0 ? data : many;
      g_autoptr(PactaTimelineLayout) layout = pacta_timeline_layout_new (d, NULL, 960, 480);
      g_autoptr(GPtrArray) labels = all_labels (layout->labels, NULL);

      for (guint i = 0; i + 1 < layout->entries->len; i++)
        {
          PactaTimelineEntry *a = &g_array_index (layout->entries, PactaTimelineEntry, i);
          PactaTimelineEntry *b = &g_array_index (layout->entries, PactaTimelineEntry, i + 1);
          int ya = pacta_chart_data_get_row (d, a->row)->year, yb = pacta_chart_data_get_row (d, b->row)->year;

          g_assert_cmpint (ya, <=, yb);
          g_assert_cmpfloat (a->x, <=, b->x);
          g_assert_cmpfloat (a->y, <, b->y);
          g_assert_cmpfloat_with_epsilon (a->x, pacta_timeline_year_x (layout, ya), 1e-9);
        }
      for (guint i = 0; i < layout->entries->len; i++)
        {
          PactaTimelineEntry *e = &g_array_index (layout->entries, PactaTimelineEntry, i);
          g_assert_cmpfloat (e->x, >=, layout->plot.x - 1e-9);
          g_assert_cmpfloat (e->x, <=, layout->plot.x + layout->plot.width + 1e-9);
        }
      g_assert_cmpfloat (layout->ticks.min, <=, pacta_chart_data_get_row (d, g_array_index (layout->entries, PactaTimelineEntry, 0).row)->year);
      assert_labels_apart (labels);
      assert_labels_inside (labels, 960, 480);
    }
  {
    g_autoptr(PactaTimelineLayout) layout = pacta_timeline_layout_new (data, NULL, 960, 480);
    g_assert_cmpuint (layout->n_undated, ==, 1);
    g_assert_cmpuint (layout->entries->len, ==, 4);
  }
}

static void
test_summary_layout (void)
{
  g_autoptr(PactaChartData) data = make_data (3);
  g_autoptr(PactaSummaryLayout) layout = pacta_summary_layout_new (data, NULL, 760, 400);
  g_autoptr(GPtrArray) labels = all_labels (layout->labels, layout->legend);

  g_assert_cmpuint (layout->cards->len, ==, 3);
  for (guint c = 0; c < layout->cards->len; c++)
    {
      PactaSummaryCard *card = &g_array_index (layout->cards, PactaSummaryCard, c);
      double sum = 0;

      for (guint i = 0; i < layout->segments->len; i++)
        {
          PactaBarSegment *seg = &g_array_index (layout->segments, PactaBarSegment, i);
          if (seg->panel == c)
            sum += seg->rect.width;
        }
      g_assert_cmpfloat_with_epsilon (sum, card->bar.width, 1e-6);
    }
  assert_labels_apart (labels);
  assert_labels_inside (labels, 760, 400);

  {
    /* Too many for the height: the rest are counted, not squeezed. */
    g_autoptr(PactaChartData) many = make_data (12);
    g_autoptr(PactaSummaryLayout) small = pacta_summary_layout_new (many, NULL, 760, 400);
    g_autoptr(GPtrArray) small_labels = all_labels (small->labels, small->legend);

    g_assert_cmpuint (small->cards->len + small->n_hidden, ==, 12);
    g_assert_cmpuint (small->n_hidden, >, 0);
    assert_labels_apart (small_labels);
  }
}

/* Hit-testing, for tooltips */

static void
test_hit_test (void)
{
  g_autoptr(PactaChartData) data = make_data (3);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1100, 600);
  cairo_t *cr = cairo_create (surface);
  PactaChartHit hit;

  {
    g_autoptr(PactaChart) chart = pacta_chart_new (PACTA_CHART_BARS, data);
    g_autoptr(PactaBarsLayout) layout = pacta_bars_layout_new (data, NULL, 1100, 600);
    PactaBarSegment *seg = &g_array_index (layout->segments, PactaBarSegment, layout->segments->len - 1);

    g_assert_false (pacta_chart_hit_test (chart, 10, 10, &hit));  /* nothing drawn yet */
    pacta_chart_draw (chart, cr, 1100, 600, NULL);
    g_assert_true (pacta_chart_hit_test (chart, seg->rect.x + seg->rect.width / 2, seg->rect.y + seg->rect.height / 2, &hit));
    g_assert_cmpint (hit.row, ==, layout->panel_rows[seg->panel]);
    g_assert_cmpint (hit.category, ==, (int) seg->category);
    g_assert_cmpint (hit.status, ==, seg->status);
    g_assert_nonnull (strstr (hit.text, category_titles[seg->category]));
    pacta_chart_hit_clear (&hit);
    g_assert_false (pacta_chart_hit_test (chart, 2, 598, &hit));
  }
  {
    g_autoptr(PactaChart) chart = pacta_chart_new (PACTA_CHART_HEATMAP, data);
    g_autoptr(PactaHeatmapLayout) layout = pacta_heatmap_layout_new (data, NULL, NULL, NULL, 1100, 600);
    PactaChartRect cell;

    pacta_chart_draw (chart, cr, 1100, 600, NULL);
    pacta_heatmap_cell_rect (layout, 2, 6, &cell);
    g_assert_true (pacta_chart_hit_test (chart, cell.x + cell.width / 2, cell.y + cell.height / 2, &hit));
    g_assert_cmpint (hit.row, ==, 2);
    g_assert_cmpint (hit.item, ==, 6);
    g_assert_cmpint (hit.status, ==, pacta_chart_data_get_status (data, 2, 6));
    g_assert_nonnull (strstr (hit.text, "Certificate of coverage"));
    g_assert_nonnull (strstr (hit.text, row_titles[2]));
    pacta_chart_hit_clear (&hit);
  }
  {
    g_autoptr(PactaChart) chart = pacta_chart_new (PACTA_CHART_RADAR, data);
    g_autoptr(PactaRadarLayout) layout = pacta_radar_layout_new (data, NULL, 1100, 600);
    const double *p = &layout->points[2 * (1 * layout->n_axes + 3)];

    pacta_chart_draw (chart, cr, 1100, 600, NULL);
    g_assert_true (pacta_chart_hit_test (chart, p[0] + 1, p[1] - 1, &hit));
    g_assert_cmpint (hit.item, ==, 3);
    g_assert_nonnull (strstr (hit.text, item_titles[3]));
    pacta_chart_hit_clear (&hit);
  }
  {
    g_autoptr(PactaChart) chart = pacta_chart_new (PACTA_CHART_TIMELINE, data);
    g_autoptr(PactaTimelineLayout) layout = pacta_timeline_layout_new (data, NULL, 1100, 600);
    PactaTimelineEntry *e = &g_array_index (layout->entries, PactaTimelineEntry, 0);

    pacta_chart_draw (chart, cr, 1100, 600, NULL);
    g_assert_true (pacta_chart_hit_test (chart, e->x, e->y, &hit));
    g_assert_cmpint (hit.row, ==, (int) e->row);
    g_assert_nonnull (strstr (hit.text, "2016"));  /* the oldest of the three */
    pacta_chart_hit_clear (&hit);
  }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Words and numbers for screen readers */

static void
test_description (void)
{
  g_autoptr(PactaChartData) data = make_data (2);
  g_autoptr(PactaChart) chart = pacta_chart_new (PACTA_CHART_RADAR, data);
  g_autofree char *description = pacta_chart_dup_description (chart);
  g_autofree char *reading = pacta_chart_dup_reading (chart);
  g_autofree char *score = pacta_chart_format_percent (pacta_chart_data_get_row (data, 0)->score);

  g_assert_nonnull (strstr (description, row_titles[0]));
  g_assert_nonnull (strstr (description, score));
  g_assert_nonnull (strstr (description, "missing"));
  g_assert_true (g_str_has_prefix (reading, "Missing in "));
}

/* Palettes */

static void
test_palette (void)
{
  for (guint t = PACTA_CHART_THEME_LIGHT; t <= PACTA_CHART_THEME_HIGH_CONTRAST; t++)
    {
      const PactaChartPalette *p = pacta_chart_palette_get (t);
      double min_text = t == PACTA_CHART_THEME_HIGH_CONTRAST ? 7.0 : 4.5;

      g_assert_cmpfloat (pacta_rgba_contrast (&p->foreground, &p->background), >=, min_text);
      g_assert_cmpfloat (pacta_rgba_contrast (&p->muted, &p->background), >=, 4.5);
      g_assert_cmpfloat (pacta_rgba_contrast (&p->status_text[0], &p->status_fill[0]), >=, 4.5);
      /* Covered, partial and missing differ in lightness too, not only in hue. */
      g_assert_cmpfloat (pacta_rgba_contrast (&p->status_fill[0], &p->status_fill[1]), >=, 1.5);
      g_assert_cmpfloat (pacta_rgba_contrast (&p->status_fill[0], &p->status_fill[2]), >=, 1.5);
      /* The ramp runs from dark to light. */
      {
        PactaRgba lo = pacta_chart_palette_ramp (p, 0), hi = pacta_chart_palette_ramp (p, 1);
        g_assert_cmpfloat (pacta_rgba_luminance (&lo), <, pacta_rgba_luminance (&hi));
      }
    }
}

/* Renders, compared with references */

static double
mean_difference (cairo_surface_t *a,
                 cairo_surface_t *b)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  int sa = cairo_image_surface_get_stride (a), sb = cairo_image_surface_get_stride (b);
  const guchar *pa, *pb;
  double sum = 0;

  if (w != cairo_image_surface_get_width (b) || h != cairo_image_surface_get_height (b))
    return 255;
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  pa = cairo_image_surface_get_data (a);
  pb = cairo_image_surface_get_data (b);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w * 4; x++)
      sum += abs ((int) pa[y * sa + x] - (int) pb[y * sb + x]);
  return sum / ((double) w * h * 4);
}

typedef struct
{
  const char      *name;
  PactaChartType   type;
  PactaChartTheme  theme;
  guint            rows;
  int              width;
  int              height;
} Reference;

static void
test_render_references (void)
{
  static const Reference references[] = {
    { "bars", PACTA_CHART_BARS, PACTA_CHART_THEME_LIGHT, 2, 720, 380 },
    { "radar", PACTA_CHART_RADAR, PACTA_CHART_THEME_LIGHT, 3, 560, 500 },
    { "heatmap", PACTA_CHART_HEATMAP, PACTA_CHART_THEME_LIGHT, 4, 720, 400 },
    { "timeline", PACTA_CHART_TIMELINE, PACTA_CHART_THEME_LIGHT, 4, 600, 260 },
    { "summary", PACTA_CHART_SUMMARY, PACTA_CHART_THEME_LIGHT, 2, 560, 260 },
    { "heatmap-dark", PACTA_CHART_HEATMAP, PACTA_CHART_THEME_DARK, 4, 720, 400 },
    { "bars-high-contrast", PACTA_CHART_BARS, PACTA_CHART_THEME_HIGH_CONTRAST, 1, 560, 360 },
  };
  gboolean update = g_getenv ("PACTA_UPDATE_REFERENCES") != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      const Reference *ref = &references[i];
      g_autoptr(PactaChartData) data = make_data (ref->rows);
      g_autoptr(PactaChart) chart = pacta_chart_new (ref->type, data);
      g_autofree char *file = g_strdup_printf ("%s.png", ref->name);
      g_autofree char *path = data_path ("charts", file, NULL);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, ref->width, ref->height);
      cairo_surface_t *expected;
      cairo_t *cr = cairo_create (surface);
      double diff;

      pacta_chart_draw (chart, cr, ref->width, ref->height, pacta_chart_palette_get (ref->theme));
      cairo_destroy (cr);

      if (update)
        {
          g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
          g_test_message ("wrote %s", path);
          cairo_surface_destroy (surface);
          continue;
        }

      expected = cairo_image_surface_create_from_png (path);
      if (cairo_surface_status (expected) != CAIRO_STATUS_SUCCESS)
        g_error ("no reference %s: run the test with PACTA_UPDATE_REFERENCES=1 and look at the images", path);
      diff = mean_difference (surface, expected);
      g_test_message ("%s: mean difference %.3f / 255", ref->name, diff);
      if (diff > 3.0)
        {
          g_autofree char *actual = g_build_filename (g_get_tmp_dir (), file, NULL);
          cairo_surface_write_to_png (surface, actual);
          g_error ("%s differs from its reference by %.2f / 255 on average (see %s)", ref->name, diff, actual);
        }
      cairo_surface_destroy (expected);
      cairo_surface_destroy (surface);
    }
}

/* Export */

static void
test_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pacta-charts-XXXXXX", &error);
  g_autoptr(PactaChartData) data = make_data (2);
  g_autoptr(PactaChart) chart = pacta_chart_new (PACTA_CHART_BARS, data);
  static const struct { const char *name; const char *magic; } formats[] = {
    { "chart.png", "\x89PNG" }, { "chart.svg", "<?xml" }, { "chart.pdf", "%PDF" },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = g_build_filename (dir, formats[i].name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (pacta_chart_export (chart, path, 640, 400, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 500);
      g_assert_true (g_str_has_prefix (contents, formats[i].magic));
      if (g_str_has_suffix (formats[i].name, ".svg"))
        g_assert_nonnull (strstr (contents, "<svg"));
      g_unlink (path);
    }

  /* No folder, no file: a clear error, and nothing written. */
  {
    g_autofree char *path = g_build_filename (dir, "missing", "chart.png", NULL);

    g_assert_false (pacta_chart_export (chart, path, 640, 400, NULL, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "does not exist"));
    g_clear_error (&error);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
  {
    g_autofree char *path = g_build_filename (dir, "chart.gif", NULL);

    g_assert_false (pacta_chart_export (chart, path, 640, 400, NULL, &error));
    g_assert_nonnull (strstr (error->message, ".png, .svg or .pdf"));
    g_clear_error (&error);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
  {
    /* A size cairo cannot make: refused before anything is written. */
    g_autofree char *path = g_build_filename (dir, "huge.png", NULL);

    g_assert_false (pacta_chart_export (chart, path, 90000, 400, NULL, &error));
    g_clear_error (&error);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/ticks/nice", test_ticks_nice);
  g_test_add_func ("/charts/bars/layout", test_bars_layout);
  g_test_add_func ("/charts/radar/layout", test_radar_layout);
  g_test_add_func ("/charts/heatmap/labels", test_heatmap_labels);
  g_test_add_func ("/charts/heatmap/order", test_heatmap_order);
  g_test_add_func ("/charts/heatmap/cluster", test_cluster_order);
  g_test_add_func ("/charts/timeline/layout", test_timeline_layout);
  g_test_add_func ("/charts/summary/layout", test_summary_layout);
  g_test_add_func ("/charts/hit-test", test_hit_test);
  g_test_add_func ("/charts/description", test_description);
  g_test_add_func ("/charts/palette", test_palette);
  g_test_add_func ("/charts/render/references", test_render_references);
  g_test_add_func ("/charts/export", test_export);

  return g_test_run ();
}
