/* pacta-chart-bars.c — coverage by category as stacked bars, agreements side by side
 *
 * Category names run down the left once; each agreement gets a panel of horizontal bars to
 * the right (small multiples), so several agreements compare category by category. A bar
 * shows the category's items as covered, partial, missing and not applicable, as shares of
 * the category (the segments fill the axis) or, with options->counts, as numbers of items.
 * When the panels would be too narrow to read, the rows are summed into one panel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pacta-chart-bars.h"

#define MIN_PANEL_WIDTH 170.0

void
pacta_bars_layout_free (PactaBarsLayout *layout)
{
  if (layout == NULL)
    return;
  g_free (layout->panel_rows);
  g_free (layout->panels);
  g_free (layout->band_centers);
  g_array_unref (layout->segments);
  g_ptr_array_unref (layout->labels);
  pacta_chart_legend_free (layout->legend);
  g_free (layout);
}

static void
panel_counts (const PactaChartData *data,
              int                   row,
              guint                 category,
              PactaCoverageCounts  *counts)
{
  if (row >= 0)
    {
      pacta_chart_data_count (data, row, category, counts);
      return;
    }
  memset (counts, 0, sizeof *counts);
  for (guint r = 0; r < pacta_chart_data_get_n_rows (data); r++)
    {
      PactaCoverageCounts one;

      pacta_chart_data_count (data, r, category, &one);
      counts->covered += one.covered;
      counts->partial += one.partial;
      counts->missing += one.missing;
      counts->not_applicable += one.not_applicable;
    }
}

static guint
counts_total (const PactaCoverageCounts *counts)
{
  return counts->covered + counts->partial + counts->missing + counts->not_applicable;
}

static guint
count_of (const PactaCoverageCounts *counts,
          PactaFindingStatus         status)
{
  switch (status)
    {
    case PACTA_FINDING_STATUS_COVERED:
      return counts->covered;
    case PACTA_FINDING_STATUS_PARTIAL:
      return counts->partial;
    case PACTA_FINDING_STATUS_MISSING:
      return counts->missing;
    case PACTA_FINDING_STATUS_NOT_APPLICABLE:
    default:
      return counts->not_applicable;
    }
}

static char *
format_tick (double value,
             gboolean counts)
{
  if (counts)
    return g_strdup_printf ("%.0f", value);
  return pacta_chart_format_percent (value);
}

/* Tick labels under one panel's axis; fewer ticks until they do not touch. */
static void
choose_ticks (PangoContext            *context,
              const PactaChartOptions *options,
              double                   axis_length,
              double                   axis_hi,
              gboolean                 counts,
              PactaChartTicks         *ticks)
{
  PactaChartFont font = pacta_chart_font (options, PACTA_CHART_TEXT_SMALL);
  guint max_ticks = CLAMP ((guint) (axis_length / (48 * font.size / 10.5)), 2, 11);

  for (; max_ticks >= 2; max_ticks--)
    {
      double widest = 0;

      pacta_chart_nice_ticks (0, axis_hi, max_ticks, counts, ticks);
      for (guint i = 0; i < ticks->n; i++)
        {
          g_autofree char *text = format_tick (ticks->values[i], counts);
          g_autoptr(PactaChartLabel) label = pacta_chart_label_new (context, text, &font, 0, 1);
          widest = MAX (widest, label->width);
        }
      if (ticks->n < 2 || axis_length / (ticks->n - 1) >= widest + 6)
        return;
    }
}

PactaBarsLayout *
pacta_bars_layout_new (const PactaChartData    *data,
                       const PactaChartOptions *options,
                       double                   width,
                       double                   height)
{
  PangoContext *context = pacta_chart_text_context_get ();
  PactaChartOptions defaults;
  PactaBarsLayout *layout = g_new0 (PactaBarsLayout, 1);
  guint n_rows = pacta_chart_data_get_n_rows (data);
  guint n_cats = pacta_chart_data_get_n_categories (data);
  gboolean any_na = FALSE;
  double pad, s, y, legend_h, cat_w = 0, gap, panel_gap, x0, plot_w, top, bottom, band_h;
  double panel_header_h, tick_h, axis_hi = 1.0, max_panels;
  PactaChartFont label_font, small_font;
  g_autofree char *subtitle = NULL;
  g_autoptr(GPtrArray) cat_labels = g_ptr_array_new ();

  if (options == NULL)
    {
      pacta_chart_options_init (&defaults);
      options = &defaults;
    }
  s = options->font_scale > 0 ? options->font_scale : 1.0;
  pad = pacta_chart_padding (options);
  gap = 16 * s;
  panel_gap = 26 * s;
  label_font = pacta_chart_font (options, PACTA_CHART_TEXT_LABEL);
  small_font = pacta_chart_font (options, PACTA_CHART_TEXT_SMALL);

  layout->width = width;
  layout->height = height;
  layout->counts = options->counts;
  layout->segments = g_array_new (FALSE, FALSE, sizeof (PactaBarSegment));
  layout->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) pacta_chart_label_free);
  layout->n_categories = n_cats;
  layout->band_centers = g_new0 (double, MAX (1, n_cats));

  /* Panels: one per agreement while they stay readable, otherwise all summed in one. */
  max_panels = floor ((width - 2 * pad - MIN (0.34 * width, 300 * s) + panel_gap) / (MIN_PANEL_WIDTH * s + panel_gap));
  if (n_rows >= 1 && n_rows <= MAX (1, max_panels))
    {
      layout->n_panels = n_rows;
      layout->panel_rows = g_new (int, n_rows);
      for (guint r = 0; r < n_rows; r++)
        layout->panel_rows[r] = (int) r;
    }
  else
    {
      layout->n_panels = 1;
      layout->panel_rows = g_new (int, 1);
      layout->panel_rows[0] = -1;
    }
  layout->panels = g_new0 (PactaChartRect, layout->n_panels);

  for (guint r = 0; r < n_rows && !any_na; r++)
    {
      PactaCoverageCounts counts;
      pacta_chart_data_count (data, r, -1, &counts);
      any_na = counts.not_applicable > 0;
    }

  if (layout->panel_rows[0] < 0 && n_rows > 0)
    subtitle = g_strdup_printf (ngettext ("%s · all %u agreement together", "%s · all %u agreements together", n_rows),
                                pacta_chart_data_get_guideline_title (data), n_rows);
  else
    subtitle = g_strdup (pacta_chart_data_get_guideline_title (data));
  y = pacta_chart_layout_header (context, options, _("Coverage by category"), subtitle, width, layout->labels);

  layout->legend = pacta_chart_status_legend (context, options, any_na);
  legend_h = pacta_chart_legend_measure (layout->legend, width - 2 * pad);
  pacta_chart_legend_place (layout->legend, pad, height - pad - legend_h, width - 2 * pad);

  /* Category names: as wide as the longest, within limits; two lines when bands allow. */
  for (guint c = 0; c < n_cats; c++)
    {
      g_autoptr(PactaChartLabel) probe = pacta_chart_label_new (context, pacta_chart_data_get_category (data, c)->title,
                                                                &label_font, 0, 1);
      cat_w = MAX (cat_w, probe->width);
    }
  cat_w = CLAMP (cat_w, 60 * s, MIN (0.34 * width, 300 * s));

  panel_header_h = 2 * pacta_chart_font_line_height (context, &label_font) + 6 * s;
  tick_h = pacta_chart_font_line_height (context, &small_font);
  x0 = pad + cat_w + gap;
  plot_w = width - pad - x0;
  top = y + panel_header_h;
  bottom = height - pad - legend_h - pad * 0.8 - tick_h - 6 * s;
  band_h = n_cats > 0 ? MAX (0, bottom - top) / n_cats : 0;
  layout->bar_height = MIN (band_h * 0.64, 30 * s);

  for (guint c = 0; c < n_cats; c++)
    {
      double lh = pacta_chart_font_line_height (context, &label_font);
      PactaChartLabel *label = pacta_chart_label_new (context, pacta_chart_data_get_category (data, c)->title,
                                                      &label_font, cat_w, band_h >= 2.2 * lh ? 2 : 1);

      pacta_chart_label_set_alignment (label, PANGO_ALIGN_RIGHT);
      layout->band_centers[c] = top + band_h * (c + 0.5);
      pacta_chart_label_place (label, x0 - gap, layout->band_centers[c], 1, 0.5, 0);
      g_ptr_array_add (layout->labels, label);
      g_ptr_array_add (cat_labels, label);
    }

  /* The axis: shares run to 100 %; counts to a nice number above the largest bar. */
  {
    double panel_w = (plot_w - (layout->n_panels - 1) * panel_gap) / layout->n_panels;
    g_autoptr(PactaChartLabel) probe = NULL;
    g_autofree char *widest = format_tick (options->counts ? 1000 : 1.0, options->counts);

    probe = pacta_chart_label_new (context, widest, &small_font, 0, 1);
    /* Leave half the last tick label inside the panel. */
    layout->axis_length = MAX (10, panel_w - probe->width / 2);

    if (options->counts)
      {
        guint most = 1;
        for (guint p = 0; p < layout->n_panels; p++)
          for (guint c = 0; c < n_cats; c++)
            {
              PactaCoverageCounts counts;
              panel_counts (data, layout->panel_rows[p], c, &counts);
              most = MAX (most, counts_total (&counts));
            }
        axis_hi = most;
      }
    choose_ticks (context, options, layout->axis_length, axis_hi, options->counts, &layout->ticks);
    layout->axis_max = options->counts ? layout->ticks.max : 1.0;

    for (guint p = 0; p < layout->n_panels; p++)
      {
        int row = layout->panel_rows[p];
        PactaChartRect *panel = &layout->panels[p];
        PactaChartLabel *label;
        g_autofree char *heading = NULL;

        panel->x = x0 + p * (panel_w + panel_gap);
        panel->y = top;
        panel->width = layout->axis_length;
        panel->height = band_h * n_cats;

        if (row >= 0)
          {
            const PactaChartRow *r = pacta_chart_data_get_row (data, row);
            g_autofree char *score = pacta_chart_format_percent (r->score);
            heading = g_strdup_printf ("%s · %s", r->title, score);
          }
        else
          heading = g_strdup_printf (ngettext ("All %u agreement", "All %u agreements", n_rows), n_rows);
        label_font.bold = TRUE;
        label = pacta_chart_label_new (context, heading, &label_font, panel_w, 2);
        label_font.bold = FALSE;
        pacta_chart_label_place (label, panel->x, top - 6 * s, 0, 1, 0);
        g_ptr_array_add (layout->labels, label);

        for (guint t = 0; t < layout->ticks.n; t++)
          {
            g_autofree char *text = format_tick (layout->ticks.values[t], options->counts);
            PactaChartLabel *tick = pacta_chart_label_new (context, text, &small_font, 0, 1);
            double tx = panel->x + layout->ticks.values[t] / layout->axis_max * layout->axis_length;

            tick->ink = PACTA_CHART_INK_MUTED;
            pacta_chart_label_place (tick, tx, panel->y + panel->height + 5 * s, 0.5, 0, 0);
            g_ptr_array_add (layout->labels, tick);
          }

        for (guint c = 0; c < n_cats; c++)
          {
            PactaCoverageCounts counts;
            guint total;
            double x = panel->x;
            double by = layout->band_centers[c] - layout->bar_height / 2;

            panel_counts (data, row, c, &counts);
            total = counts_total (&counts);
            if (total == 0)
              continue;
            for (guint st = PACTA_FINDING_STATUS_COVERED; st <= PACTA_FINDING_STATUS_NOT_APPLICABLE; st++)
              {
                guint n = count_of (&counts, st);
                PactaBarSegment seg;
                double w;

                if (n == 0)
                  continue;
                w = options->counts ? n / layout->axis_max * layout->axis_length
                                    : (double) n / total * layout->axis_length;
                seg.rect = (PactaChartRect) { x, by, w, layout->bar_height };
                seg.panel = p;
                seg.category = c;
                seg.status = st;
                seg.count = n;
                g_array_append_val (layout->segments, seg);
                x += w;

                /* The covered share, written inside its segment when it fits. */
                if (st == PACTA_FINDING_STATUS_COVERED && !options->counts)
                  {
                    g_autofree char *text = pacta_chart_format_percent ((double) n / total);
                    PactaChartLabel *value = pacta_chart_label_new (context, text, &small_font, 0, 1);

                    if (value->width + 8 * s <= w && value->height <= layout->bar_height)
                      {
                        value->ink = PACTA_CHART_INK_ON_COVERED;
                        pacta_chart_label_place (value, seg.rect.x + 4 * s, layout->band_centers[c], 0, 0.5, 0);
                        g_ptr_array_add (layout->labels, value);
                      }
                    else
                      pacta_chart_label_free (value);
                  }
              }
          }
      }
  }
  return layout;
}

void
pacta_bars_paint (const PactaBarsLayout   *layout,
                  cairo_t                 *cr,
                  const PactaChartPalette *palette)
{
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (PactaChartRect));

  cairo_save (cr);
  pacta_chart_set_source (cr, &palette->background);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_fill (cr);

  /* Grid lines at the ticks, behind the bars. */
  cairo_set_line_width (cr, 1.0);
  pacta_chart_set_source (cr, &palette->grid);
  for (guint p = 0; p < layout->n_panels; p++)
    {
      const PactaChartRect *panel = &layout->panels[p];

      for (guint t = 0; t < layout->ticks.n; t++)
        {
          double x = round (panel->x + layout->ticks.values[t] / layout->axis_max * layout->axis_length) + 0.5;
          cairo_move_to (cr, x, panel->y);
          cairo_line_to (cr, x, panel->y + panel->height);
        }
    }
  cairo_stroke (cr);

  for (guint st = PACTA_FINDING_STATUS_COVERED; st <= PACTA_FINDING_STATUS_NOT_APPLICABLE; st++)
    {
      g_array_set_size (rects, 0);
      for (guint i = 0; i < layout->segments->len; i++)
        {
          const PactaBarSegment *seg = &g_array_index (layout->segments, PactaBarSegment, i);
          if (seg->status == st)
            g_array_append_val (rects, seg->rect);
        }
      pacta_chart_paint_status_rects (cr, palette, st, (PactaChartRect *) rects->data, rects->len, TRUE);
    }

  /* A thin outline around each whole bar, so pale segments keep their edge. */
  pacta_chart_set_source (cr, &palette->axis);
  cairo_set_line_width (cr, palette->line_width);
  for (guint i = 0; i < layout->segments->len; i++)
    {
      const PactaBarSegment *seg = &g_array_index (layout->segments, PactaBarSegment, i);
      cairo_rectangle (cr, seg->rect.x, seg->rect.y, seg->rect.width, seg->rect.height);
    }
  cairo_stroke (cr);

  /* Axis lines. */
  pacta_chart_set_source (cr, &palette->axis);
  for (guint p = 0; p < layout->n_panels; p++)
    {
      const PactaChartRect *panel = &layout->panels[p];
      double y = round (panel->y + panel->height) + 0.5;

      cairo_move_to (cr, panel->x, y);
      cairo_line_to (cr, panel->x + layout->axis_length, y);
    }
  cairo_stroke (cr);

  pacta_chart_labels_paint (layout->labels, cr, palette);
  pacta_chart_legend_paint (layout->legend, cr, palette);
  cairo_restore (cr);
}

gboolean
pacta_bars_hit_test (const PactaBarsLayout *layout,
                     const PactaChartData  *data,
                     double                 x,
                     double                 y,
                     PactaChartHit         *hit)
{
  pacta_chart_hit_init (hit, PACTA_CHART_BARS);

  for (guint i = 0; i < layout->segments->len; i++)
    {
      const PactaBarSegment *seg = &g_array_index (layout->segments, PactaBarSegment, i);
      PactaCoverageCounts counts;
      g_autofree char *figures = NULL;
      int row;
      const char *who;

      if (!pacta_chart_rect_contains (&seg->rect, x, y))
        continue;

      row = layout->panel_rows[seg->panel];
      panel_counts (data, row, seg->category, &counts);
      figures = pacta_chart_describe_counts (&counts);
      who = row >= 0 ? pacta_chart_data_get_row (data, row)->title : _("All agreements");
      hit->row = row;
      hit->category = (int) seg->category;
      hit->status = seg->status;
      hit->bounds = seg->rect;
      /* Translators: tooltip: agreement — category: the status under the pointer (counts of all statuses) */
      hit->text = g_strdup_printf (_("%s\n%s: %u %s of %u items (%s)"), who,
                                   pacta_chart_data_get_category (data, seg->category)->title, seg->count,
                                   pacta_chart_status_word (seg->status),
                                   counts_total (&counts), figures);
      return TRUE;
    }
  return FALSE;
}

void
pacta_bars_natural_size (const PactaChartData    *data,
                         const PactaChartOptions *options,
                         double                  *width,
                         double                  *height)
{
  double s = options && options->font_scale > 0 ? options->font_scale : 1.0;
  guint n_rows = pacta_chart_data_get_n_rows (data);
  guint panels = n_rows <= 4 ? MAX (1, n_rows) : 1;

  *width = s * (320 + panels * 240);
  *height = s * (170 + 40 * pacta_chart_data_get_n_categories (data));
}
