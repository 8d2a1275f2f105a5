/* pacta-chart-timeline.h — agreements by year of signature, coloured by overall coverage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pacta-chart-layout.h"
#include "pacta-chart-ticks.h"

G_BEGIN_DECLS

typedef struct
{
  guint            row;        /* the data row */
  double           x;          /* its year on the axis */
  double           y;          /* its line */
  PactaChartLabel *name;       /* borrowed; NULL on lines left unlabelled */
  PactaChartLabel *score;      /* borrowed; NULL likewise */
} PactaTimelineEntry;

typedef struct
{
  GArray          *entries;     /* PactaTimelineEntry, oldest first */
  guint            n_undated;
  guint            label_step;  /* every label_step-th line is named */
  double           line_height;
  double           marker_radius;
  PactaChartRect   plot;        /* from the first year to the last, the lines' band */
  PactaChartTicks  ticks;       /* years */
  PactaChartRect   ramp;        /* the colour key */
  PactaChartTicks  ramp_ticks;
  GPtrArray       *labels;
  double           content_height;  /* where the drawing ends; the rest is empty */
  double           width;
  double           height;
} PactaTimelineLayout;

PactaTimelineLayout *pacta_timeline_layout_new   (const PactaChartData      *data,
                                                  const PactaChartOptions   *options,
                                                  double                     width,
                                                  double                     height);
void                 pacta_timeline_layout_free  (PactaTimelineLayout       *layout);
double               pacta_timeline_year_x       (const PactaTimelineLayout *layout,
                                                  double                     year);
void                 pacta_timeline_paint        (const PactaTimelineLayout *layout,
                                                  const PactaChartData      *data,
                                                  cairo_t                   *cr,
                                                  const PactaChartPalette   *palette);
gboolean             pacta_timeline_hit_test     (const PactaTimelineLayout *layout,
                                                  const PactaChartData      *data,
                                                  double                     x,
                                                  double                     y,
                                                  PactaChartHit             *hit);
void                 pacta_timeline_natural_size (const PactaChartData      *data,
                                                  const PactaChartOptions   *options,
                                                  double                    *width,
                                                  double                    *height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PactaTimelineLayout, pacta_timeline_layout_free)

G_END_DECLS
