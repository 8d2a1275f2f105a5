/* pacta-chart-legend.h — a row (or rows) of swatches with their words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pacta-chart-label.h"
#include "pacta-chart-marks.h"

G_BEGIN_DECLS

typedef enum
{
  PACTA_CHART_SWATCH_STATUS,   /* index: a PactaFindingStatus */
  PACTA_CHART_SWATCH_SERIES,   /* index: a series (colour, marker and dash) */
} PactaChartSwatch;

typedef struct
{
  PactaChartSwatch  kind;
  guint             index;
  PactaChartRect    swatch;
  PactaChartLabel  *label;
} PactaChartLegendEntry;

typedef struct
{
  GPtrArray      *entries;   /* PactaChartLegendEntry */
  PactaChartRect  bounds;
  double          swatch_size;
} PactaChartLegend;

PactaChartLegend *pacta_chart_legend_new    (double                   swatch_size);
void              pacta_chart_legend_free   (PactaChartLegend        *legend);
void              pacta_chart_legend_add    (PactaChartLegend        *legend,
                                             PactaChartSwatch         kind,
                                             guint                    index,
                                             PactaChartLabel         *label);
double            pacta_chart_legend_measure (PactaChartLegend       *legend,
                                             double                   max_width);
void              pacta_chart_legend_place  (PactaChartLegend        *legend,
                                             double                   x,
                                             double                   y,
                                             double                   max_width);
void              pacta_chart_legend_paint  (const PactaChartLegend  *legend,
                                             cairo_t                 *cr,
                                             const PactaChartPalette *palette);
int               pacta_chart_legend_hit    (const PactaChartLegend  *legend,
                                             double                   x,
                                             double                   y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PactaChartLegend, pacta_chart_legend_free)

G_END_DECLS
