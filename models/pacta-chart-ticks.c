/* pacta-chart-ticks.c — nice tick values for an axis
 *
 * The classic "nice numbers" choice (Heckbert, Graphics Gems, 1990), with the tick count
 * bounded: the smallest step from {1, 2, 2.5, 5} × 10^k that covers [lo, hi] in at most
 * max_ticks ticks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-chart"

#include "config.h"

#include <math.h>

#include "pacta-chart-ticks.h"

static const double mantissas[] = { 1.0, 2.0, 2.5, 5.0 };

void
pacta_chart_nice_ticks (double           lo,
                        double           hi,
                        guint            max_ticks,
                        gboolean         integer,
                        PactaChartTicks *ticks)
{
  double raw, magnitude, best_step = 1.0;
  guint best_n = G_MAXUINT;

  g_return_if_fail (ticks != NULL);

  if (!isfinite (lo) || !isfinite (hi))
    lo = 0, hi = 1;
  if (hi < lo)
    {
      double t = lo;
      lo = hi;
      hi = t;
    }
  if (hi - lo < 1e-9)
    {
      /* A single value: give it some room either side (one unit for integers: a year). */
      double pad = integer ? 1.0 : fabs (lo) > 1e-9 ? fabs (lo) * 0.1 : 1.0;
      lo -= pad;
      hi += pad;
    }
  max_ticks = CLAMP (max_ticks, 2, PACTA_CHART_MAX_TICKS);

  raw = (hi - lo) / (max_ticks - 1);
  magnitude = pow (10.0, floor (log10 (raw)));

  /* The smallest nice step that needs at most max_ticks ticks. A range across a multiple of
   * every candidate (say -5 … 5 in two ticks) cannot have fewer than three: then the step
   * with the fewest ticks wins. */
  for (int k = 0; k < 6; k++, magnitude *= 10.0)
    for (guint m = 0; m < G_N_ELEMENTS (mantissas); m++)
      {
        double step = mantissas[m] * magnitude;
        double min, max;
        guint n;

        if (integer && (step < 1.0 || fabs (step - round (step)) > 1e-9))
          continue;
        min = floor (lo / step + 1e-9) * step;
        max = ceil (hi / step - 1e-9) * step;
        n = (guint) llround ((max - min) / step) + 1;
        if (n < best_n)
          {
            best_n = n;
            best_step = step;
          }
        if (n <= max_ticks)
          goto found;
      }

found:
  ticks->step = best_step;
  ticks->min = floor (lo / best_step + 1e-9) * best_step;
  ticks->max = ceil (hi / best_step - 1e-9) * best_step;
  ticks->n = MIN (best_n, PACTA_CHART_MAX_TICKS);
  for (guint i = 0; i < ticks->n; i++)
    {
      /* Clean up -0 and floating dust such as 0.30000000000000004. */
      double v = round ((ticks->min + i * best_step) / best_step) * best_step;
      ticks->values[i] = fabs (v) < best_step * 1e-9 ? 0.0 : v;
    }
}

/* Whether @step is 1, 2, 2.5 or 5 times a power of ten. */
gboolean
pacta_chart_is_nice_step (double step)
{
  double magnitude, m;

  if (!(step > 0) || !isfinite (step))
    return FALSE;
  magnitude = pow (10.0, floor (log10 (step) + 1e-12));
  m = step / magnitude;
  for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
    if (fabs (m - mantissas[i]) < 1e-6)
      return TRUE;
  return fabs (m - 10.0) < 1e-6;
}
