/* pacta-chart-radar.h — one axis per item (the nine C102 branches), agreements overlaid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pacta-chart-layout.h"

G_BEGIN_DECLS

typedef struct
{
  double            cx;
  double            cy;
  double            radius;         /* the "covered" ring */
  double            hole;           /* "missing" sits at this share of the radius */
  guint             n_axes;         /* items */
  double           *angles;         /* radians, clockwise from 3 o'clock; the first axis points up */
  guint             n_series;       /* rows */
  double           *points;         /* n_series × n_axes × (x, y); NAN where the item has no finding */
  gint8            *statuses;       /* n_series × n_axes */
  GPtrArray        *labels;
  GPtrArray        *axis_labels;    /* borrowed from labels, one per axis */
  PactaChartLegend *legend;
  double            width;
  double            height;
} PactaRadarLayout;

PactaRadarLayout *pacta_radar_layout_new   (const PactaChartData    *data,
                                            const PactaChartOptions *options,
                                            double                   width,
                                            double                   height);
void              pacta_radar_layout_free  (PactaRadarLayout        *layout);
double            pacta_radar_value_radius (const PactaRadarLayout  *layout,
                                            double                   value);
void              pacta_radar_paint        (const PactaRadarLayout  *layout,
                                            cairo_t                 *cr,
                                            const PactaChartPalette *palette);
gboolean          pacta_radar_hit_test     (const PactaRadarLayout  *layout,
                                            const PactaChartData    *data,
                                            double                   x,
                                            double                   y,
                                            PactaChartHit           *hit);
void              pacta_radar_natural_size (const PactaChartData    *data,
                                            const PactaChartOptions *options,
                                            double                  *width,
                                            double                  *height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PactaRadarLayout, pacta_radar_layout_free)

G_END_DECLS
