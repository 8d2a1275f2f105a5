/* pacta-chart-marks.c — how a status and a series look: fills, textures, markers
 *
 * Status is never colour alone: over its fill, partial gets diagonal hatching, missing a
 * grid of dots, not applicable short dashes, and covered stays solid. Textures are small
 * vector tiles repeated from the chart's origin, so neighbouring cells line up and SVG and
 * PDF keep them as vectors. Rectangles of one status are filled in one go, which keeps a
 * 500 × 80 heatmap to a handful of cairo operations.
 *
 * Series (agreements overlaid in a radar) differ by colour, marker shape and dash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-chart"

#include "config.h"

#include <math.h>

#include "pacta-chart-marks.h"

static cairo_pattern_t *
texture_new (const PactaChartPalette *palette,
             PactaFindingStatus       status)
{
  const PactaRgba *ink = &palette->status_mark[status];
  double size = status == PACTA_FINDING_STATUS_NOT_APPLICABLE ? 8.0 : 6.0;
  cairo_rectangle_t extents = { 0, 0, size, size };
  cairo_surface_t *tile = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t *cr = cairo_create (tile);
  cairo_pattern_t *pattern;

  pacta_chart_set_source (cr, ink);
  switch (status)
    {
    case PACTA_FINDING_STATUS_PARTIAL:
      /* Diagonal hatching, bottom-left to top-right, continuous across tiles. */
      cairo_set_line_width (cr, 1.3 * palette->line_width);
      cairo_move_to (cr, -1, size + 1);
      cairo_line_to (cr, size + 1, -1);
      cairo_move_to (cr, -1, 1);
      cairo_line_to (cr, 1, -1);
      cairo_move_to (cr, size - 1, size + 1);
      cairo_line_to (cr, size + 1, size - 1);
      cairo_stroke (cr);
      break;
    case PACTA_FINDING_STATUS_MISSING:
      cairo_arc (cr, size / 2, size / 2, 1.15 * MIN (palette->line_width, 1.3), 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case PACTA_FINDING_STATUS_NOT_APPLICABLE:
      cairo_set_line_width (cr, 1.0);
      cairo_move_to (cr, 1.5, size / 2);
      cairo_line_to (cr, size - 2.5, size / 2);
      cairo_stroke (cr);
      break;
    case PACTA_FINDING_STATUS_COVERED:
    default:
      break;
    }
  cairo_destroy (cr);

  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (tile);
  return pattern;
}

/* Fills @rects with the colour of @status and, when @textured, its texture. */
void
pacta_chart_paint_status_rects (cairo_t                 *cr,
                                const PactaChartPalette *palette,
                                PactaFindingStatus       status,
                                const PactaChartRect    *rects,
                                guint                    n_rects,
                                gboolean                 textured)
{
  g_return_if_fail ((guint) status <= PACTA_FINDING_STATUS_NOT_APPLICABLE);

  if (n_rects == 0)
    return;

  cairo_save (cr);
  cairo_new_path (cr);
  for (guint i = 0; i < n_rects; i++)
    cairo_rectangle (cr, rects[i].x, rects[i].y, rects[i].width, rects[i].height);
  pacta_chart_set_source (cr, &palette->status_fill[status]);
  cairo_fill_preserve (cr);

  if (textured && status != PACTA_FINDING_STATUS_COVERED)
    {
      cairo_pattern_t *texture = texture_new (palette, status);

      cairo_set_source (cr, texture);
      cairo_fill_preserve (cr);
      cairo_pattern_destroy (texture);
    }

  if (palette->cell_border.alpha > 0)
    {
      pacta_chart_set_source (cr, &palette->cell_border);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke_preserve (cr);
    }
  cairo_new_path (cr);
  cairo_restore (cr);
}

PactaChartMarker
pacta_chart_series_marker (guint series)
{
  return (PactaChartMarker) (series % PACTA_CHART_N_MARKERS);
}

/* Returns: (transfer none) (nullable): the dash pattern of a series' line; NULL for solid */
const double *
pacta_chart_series_dash (guint  series,
                         int   *n_dashes)
{
  static const double dashes[][2] = { { 0, 0 }, { 7, 3 }, { 2, 3 }, { 9, 3 } };
  guint i = (series / 2) % G_N_ELEMENTS (dashes);

  /* Alternate solid and dashed, so the two most common cases (2 and 3 series) read apart. */
  if (series % 2 == 0 && series < 2)
    i = 0;
  *n_dashes = i == 0 ? 0 : 2;
  return i == 0 ? NULL : dashes[i];
}

void
pacta_chart_marker_path (cairo_t          *cr,
                         PactaChartMarker  marker,
                         double            x,
                         double            y,
                         double            r)
{
  switch (marker)
    {
    case PACTA_CHART_MARKER_SQUARE:
      cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case PACTA_CHART_MARKER_TRIANGLE:
      cairo_move_to (cr, x, y - r * 1.1);
      cairo_line_to (cr, x + r, y + r * 0.75);
      cairo_line_to (cr, x - r, y + r * 0.75);
      cairo_close_path (cr);
      break;
    case PACTA_CHART_MARKER_TRIANGLE_DOWN:
      cairo_move_to (cr, x, y + r * 1.1);
      cairo_line_to (cr, x + r, y - r * 0.75);
      cairo_line_to (cr, x - r, y - r * 0.75);
      cairo_close_path (cr);
      break;
    case PACTA_CHART_MARKER_DIAMOND:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      break;
    case PACTA_CHART_MARKER_PLUS:
      {
        double t = r * 0.38;
        cairo_move_to (cr, x - t, y - r);
        cairo_line_to (cr, x + t, y - r);
        cairo_line_to (cr, x + t, y - t);
        cairo_line_to (cr, x + r, y - t);
        cairo_line_to (cr, x + r, y + t);
        cairo_line_to (cr, x + t, y + t);
        cairo_line_to (cr, x + t, y + r);
        cairo_line_to (cr, x - t, y + r);
        cairo_line_to (cr, x - t, y + t);
        cairo_line_to (cr, x - r, y + t);
        cairo_line_to (cr, x - r, y - t);
        cairo_line_to (cr, x - t, y - t);
        cairo_close_path (cr);
      }
      break;
    case PACTA_CHART_MARKER_CROSS:
      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_rotate (cr, G_PI / 4);
      pacta_chart_marker_path (cr, PACTA_CHART_MARKER_PLUS, 0, 0, r * 1.1);
      cairo_restore (cr);
      break;
    case PACTA_CHART_MARKER_STAR:
      for (guint i = 0; i < 10; i++)
        {
          double a = -G_PI / 2 + i * G_PI / 5;
          double rr = i % 2 == 0 ? r * 1.25 : r * 0.55;

          if (i == 0)
            cairo_move_to (cr, x + rr * cos (a), y + rr * sin (a));
          else
            cairo_line_to (cr, x + rr * cos (a), y + rr * sin (a));
        }
      cairo_close_path (cr);
      break;
    case PACTA_CHART_MARKER_CIRCLE:
    case PACTA_CHART_N_MARKERS:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_close_path (cr);
      break;
    }
}

void
pacta_chart_paint_marker (cairo_t          *cr,
                          PactaChartMarker  marker,
                          double            x,
                          double            y,
                          double            radius,
                          const PactaRgba  *fill,
                          const PactaRgba  *outline,
                          double            line_width)
{
  cairo_new_path (cr);
  pacta_chart_marker_path (cr, marker, x, y, radius);
  if (fill != NULL)
    {
      pacta_chart_set_source (cr, fill);
      cairo_fill_preserve (cr);
    }
  if (outline != NULL)
    {
      pacta_chart_set_source (cr, outline);
      cairo_set_line_width (cr, line_width);
      cairo_stroke_preserve (cr);
    }
  cairo_new_path (cr);
}
