/* pacta-chart-ticks.h — nice tick values for an axis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PACTA_CHART_MAX_TICKS 32

/* Round numbers from @min to @max, @step apart: the step is 1, 2, 2.5 or 5 times a power of
 * ten (never 2.5 when integer steps are asked for). */
typedef struct
{
  double min;
  double max;
  double step;
  guint  n;
  double values[PACTA_CHART_MAX_TICKS];
} PactaChartTicks;

void     pacta_chart_nice_ticks    (double           lo,
                                    double           hi,
                                    guint            max_ticks,
                                    gboolean         integer,
                                    PactaChartTicks *ticks);
gboolean pacta_chart_is_nice_step  (double           step);

G_END_DECLS
