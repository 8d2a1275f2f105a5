/* pacta-chart-marks.h — how a status and a series look: fills, textures, markers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "pacta-chart-label.h"
#include "pacta-chart-palette.h"

G_BEGIN_DECLS

typedef enum
{
  PACTA_CHART_MARKER_CIRCLE,
  PACTA_CHART_MARKER_SQUARE,
  PACTA_CHART_MARKER_TRIANGLE,
  PACTA_CHART_MARKER_DIAMOND,
  PACTA_CHART_MARKER_TRIANGLE_DOWN,
  PACTA_CHART_MARKER_PLUS,
  PACTA_CHART_MARKER_CROSS,
  PACTA_CHART_MARKER_STAR,
  PACTA_CHART_N_MARKERS
} PactaChartMarker;

void              pacta_chart_paint_status_rects (cairo_t                 *cr,
                                                  const PactaChartPalette *palette,
                                                  PactaFindingStatus       status,
                                                  const PactaChartRect    *rects,
                                                  guint                    n_rects,
                                                  gboolean                 textured);
PactaChartMarker  pacta_chart_series_marker      (guint                    series);
const double     *pacta_chart_series_dash        (guint                    series,
                                                  int                     *n_dashes);
void              pacta_chart_marker_path        (cairo_t                 *cr,
                                                  PactaChartMarker         marker,
                                                  double                   x,
                                                  double                   y,
                                                  double                   radius);
void              pacta_chart_paint_marker       (cairo_t                 *cr,
                                                  PactaChartMarker         marker,
                                                  double                   x,
                                                  double                   y,
                                                  double                   radius,
                                                  const PactaRgba         *fill,
                                                  const PactaRgba         *outline,
                                                  double                   line_width);

G_END_DECLS
