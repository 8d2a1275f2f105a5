/* pacta-chart-palette.h — the colours a chart is painted with: light, dark and high contrast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "pacta-types.h"

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} PactaRgba;

typedef enum
{
  PACTA_CHART_THEME_LIGHT,
  PACTA_CHART_THEME_DARK,
  PACTA_CHART_THEME_HIGH_CONTRAST,
} PactaChartTheme;

#define PACTA_CHART_N_SERIES_COLORS 8
#define PACTA_CHART_N_RAMP_STOPS    5

/* Everything a painter needs to know about colour. The widget picks the palette that matches
 * the style (AdwStyleManager dark / high-contrast) and may copy and adjust one; the layout
 * never depends on it. Status colours are indexed by PactaFindingStatus. */
typedef struct
{
  PactaChartTheme theme;
  PactaRgba       background;
  PactaRgba       foreground;       /* titles and labels */
  PactaRgba       muted;            /* axis labels, subtitles */
  PactaRgba       grid;
  PactaRgba       axis;
  PactaRgba       status_fill[4];   /* covered, partial, missing, not applicable */
  PactaRgba       status_mark[4];   /* hatching, dots and dashes drawn over the fill */
  PactaRgba       status_text[4];   /* text written on the fill */
  PactaRgba       cell_border;      /* alpha 0: no border */
  PactaRgba       series[PACTA_CHART_N_SERIES_COLORS];
  PactaRgba       ramp[PACTA_CHART_N_RAMP_STOPS]; /* sequential, low to high */
  double          line_width;       /* base stroke width; wider in high contrast */
} PactaChartPalette;

const PactaChartPalette *pacta_chart_palette_get          (PactaChartTheme          theme);
PactaRgba                pacta_chart_palette_ramp         (const PactaChartPalette *palette,
                                                           double                   t);
const PactaRgba         *pacta_chart_palette_series       (const PactaChartPalette *palette,
                                                           guint                    index);
gboolean                 pacta_chart_theme_from_string    (const char              *str,
                                                           PactaChartTheme         *theme);
const char              *pacta_chart_theme_to_string      (PactaChartTheme          theme);
void                     pacta_chart_set_source           (cairo_t                 *cr,
                                                           const PactaRgba         *color);
double                   pacta_rgba_luminance             (const PactaRgba         *color);
double                   pacta_rgba_contrast              (const PactaRgba         *a,
                                                           const PactaRgba         *b);

G_END_DECLS
