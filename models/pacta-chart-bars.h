/* pacta-chart-bars.h — coverage by category as stacked bars, agreements side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pacta-chart-layout.h"
#include "pacta-chart-ticks.h"

G_BEGIN_DECLS

typedef struct
{
  PactaChartRect      rect;
  guint               panel;
  guint               category;
  PactaFindingStatus  status;
  guint               count;
} PactaBarSegment;

typedef struct
{
  guint           n_panels;
  int            *panel_rows;      /* the data row shown in each panel; -1: all rows together */
  PactaChartRect *panels;          /* each panel's bar area: x is the axis' 0, width its length */
  guint           n_categories;
  double         *band_centers;    /* y of each category's bars */
  double          bar_height;
  double          axis_length;
  double          axis_max;        /* 1 for shares, a count otherwise */
  gboolean        counts;
  PactaChartTicks ticks;
  GArray         *segments;        /* PactaBarSegment */
  GPtrArray      *labels;          /* PactaChartLabel: header, categories, panels, ticks, values */
  PactaChartLegend *legend;
  double          width;
  double          height;
} PactaBarsLayout;

PactaBarsLayout *pacta_bars_layout_new  (const PactaChartData    *data,
                                         const PactaChartOptions *options,
                                         double                   width,
                                         double                   height);
void             pacta_bars_layout_free (PactaBarsLayout         *layout);
void             pacta_bars_paint       (const PactaBarsLayout   *layout,
                                         cairo_t                 *cr,
                                         const PactaChartPalette *palette);
gboolean         pacta_bars_hit_test    (const PactaBarsLayout   *layout,
                                         const PactaChartData    *data,
                                         double                   x,
                                         double                   y,
                                         PactaChartHit           *hit);
void             pacta_bars_natural_size (const PactaChartData   *data,
                                         const PactaChartOptions *options,
                                         double                  *width,
                                         double                  *height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PactaBarsLayout, pacta_bars_layout_free)

G_END_DECLS
