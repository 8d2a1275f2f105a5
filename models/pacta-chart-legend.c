/* pacta-chart-legend.c — a row (or rows) of swatches with their words
 *
 * Entries flow left to right and wrap; each row is centred in the width given. Status
 * swatches are painted with the same fill and texture as the chart's cells, series swatches
 * with the series' line, dash and marker.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-chart"

#include "config.h"

#include "pacta-chart-legend.h"

static void
entry_free (gpointer data)
{
  PactaChartLegendEntry *entry = data;

  pacta_chart_label_free (entry->label);
  g_free (entry);
}

PactaChartLegend *
pacta_chart_legend_new (double swatch_size)
{
  PactaChartLegend *legend = g_new0 (PactaChartLegend, 1);

  legend->entries = g_ptr_array_new_with_free_func (entry_free);
  legend->swatch_size = swatch_size;
  return legend;
}

void
pacta_chart_legend_free (PactaChartLegend *legend)
{
  if (legend == NULL)
    return;
  g_ptr_array_unref (legend->entries);
  g_free (legend);
}

/* Takes ownership of @label. */
void
pacta_chart_legend_add (PactaChartLegend *legend,
                        PactaChartSwatch  kind,
                        guint             index,
                        PactaChartLabel  *label)
{
  PactaChartLegendEntry *entry = g_new0 (PactaChartLegendEntry, 1);

  entry->kind = kind;
  entry->index = index;
  entry->label = label;
  g_ptr_array_add (legend->entries, entry);
}

static double
swatch_width (const PactaChartLegend      *legend,
              const PactaChartLegendEntry *entry)
{
  return entry->kind == PACTA_CHART_SWATCH_SERIES ? legend->swatch_size * 2.2 : legend->swatch_size;
}

/* Lays the entries out in rows from (x, y); returns the height used. */
static double
flow (PactaChartLegend *legend,
      double            x,
      double            y,
      double            max_width,
      gboolean          place)
{
  double gap = legend->swatch_size * 0.45, spacing = legend->swatch_size * 1.3;
  double row_y = y, height = 0;
  guint start = 0;

  while (start < legend->entries->len)
    {
      double row_w = 0, row_h = 0, cx;
      guint end = start;

      for (; end < legend->entries->len; end++)
        {
          PactaChartLegendEntry *entry = g_ptr_array_index (legend->entries, end);
          double w = swatch_width (legend, entry) + gap + entry->label->width;

          if (end > start && row_w + spacing + w > max_width)
            break;
          row_w += (end > start ? spacing : 0) + w;
          row_h = MAX (row_h, MAX (entry->label->height, legend->swatch_size));
        }

      cx = x + MAX (0, (max_width - row_w) / 2);
      for (guint i = start; i < end && place; i++)
        {
          PactaChartLegendEntry *entry = g_ptr_array_index (legend->entries, i);
          double sw = swatch_width (legend, entry);

          entry->swatch = (PactaChartRect) { cx, row_y + (row_h - legend->swatch_size) / 2, sw, legend->swatch_size };
          pacta_chart_label_place (entry->label, cx + sw + gap, row_y + row_h / 2, 0, 0.5, 0);
          cx += sw + gap + entry->label->width + spacing;
        }
      row_y += row_h + gap;
      height += (height > 0 ? gap : 0) + row_h;
      start = end;
    }
  return height;
}

double
pacta_chart_legend_measure (PactaChartLegend *legend,
                            double            max_width)
{
  return flow (legend, 0, 0, max_width, FALSE);
}

void
pacta_chart_legend_place (PactaChartLegend *legend,
                          double            x,
                          double            y,
                          double            max_width)
{
  double height = flow (legend, x, y, max_width, TRUE);

  legend->bounds = (PactaChartRect) { x, y, max_width, height };
}

void
pacta_chart_legend_paint (const PactaChartLegend  *legend,
                          cairo_t                 *cr,
                          const PactaChartPalette *palette)
{
  for (guint i = 0; i < legend->entries->len; i++)
    {
      PactaChartLegendEntry *entry = g_ptr_array_index (legend->entries, i);
      const PactaChartRect *s = &entry->swatch;

      if (entry->kind == PACTA_CHART_SWATCH_STATUS)
        {
          pacta_chart_paint_status_rects (cr, palette, entry->index, s, 1, TRUE);
          if (palette->cell_border.alpha == 0)
            {
              /* A hairline so pale swatches stand out from the background. */
              cairo_save (cr);
              cairo_rectangle (cr, s->x + 0.5, s->y + 0.5, s->width - 1, s->height - 1);
              pacta_chart_set_source (cr, &palette->grid);
              cairo_set_line_width (cr, 1.0);
              cairo_stroke (cr);
              cairo_restore (cr);
            }
        }
      else
        {
          const PactaRgba *color = pacta_chart_palette_series (palette, entry->index);
          int n_dashes = 0;
          const double *dashes = pacta_chart_series_dash (entry->index, &n_dashes);
          double cy = s->y + s->height / 2;

          cairo_save (cr);
          pacta_chart_set_source (cr, color);
          cairo_set_line_width (cr, 2.0 * palette->line_width);
          cairo_set_dash (cr, dashes, n_dashes, 0);
          cairo_move_to (cr, s->x, cy);
          cairo_line_to (cr, s->x + s->width, cy);
          cairo_stroke (cr);
          cairo_restore (cr);
          pacta_chart_paint_marker (cr, pacta_chart_series_marker (entry->index), s->x + s->width / 2, cy,
                                    s->height * 0.32, color, &palette->background, 1.0);
        }
      pacta_chart_label_paint (entry->label, cr, palette);
    }
}

/* Returns: the index of the entry under (x, y), or -1 */
int
pacta_chart_legend_hit (const PactaChartLegend *legend,
                        double                  x,
                        double                  y)
{
  for (guint i = 0; i < legend->entries->len; i++)
    {
      PactaChartLegendEntry *entry = g_ptr_array_index (legend->entries, i);
      PactaChartRect bounds;

      pacta_chart_label_bounds (entry->label, &bounds);
      if (pacta_chart_rect_contains (&entry->swatch, x, y) || pacta_chart_rect_contains (&bounds, x, y))
        return (int) i;
    }
  return -1;
}
