/* pacta-chart-summary.h — the score and the counts, one card per agreement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pacta-chart-bars.h"

G_BEGIN_DECLS

typedef struct
{
  guint           row;
  PactaChartRect  card;
  PactaChartRect  bar;        /* the whole count bar; segments subdivide it */
} PactaSummaryCard;

typedef struct
{
  GArray           *cards;      /* PactaSummaryCard */
  guint             n_hidden;   /* rows that did not fit */
  GArray           *segments;   /* PactaBarSegment; .panel is the card index */
  GPtrArray        *labels;
  PactaChartLegend *legend;
  double            width;
  double            height;
} PactaSummaryLayout;

PactaSummaryLayout *pacta_summary_layout_new   (const PactaChartData     *data,
                                                const PactaChartOptions  *options,
                                                double                    width,
                                                double                    height);
void                pacta_summary_layout_free  (PactaSummaryLayout       *layout);
void                pacta_summary_paint        (const PactaSummaryLayout *layout,
                                                cairo_t                  *cr,
                                                const PactaChartPalette  *palette);
gboolean            pacta_summary_hit_test     (const PactaSummaryLayout *layout,
                                                const PactaChartData     *data,
                                                double                    x,
                                                double                    y,
                                                PactaChartHit            *hit);
void                pacta_summary_natural_size (const PactaChartData     *data,
                                                const PactaChartOptions  *options,
                                                double                   *width,
                                                double                   *height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PactaSummaryLayout, pacta_summary_layout_free)

G_END_DECLS
