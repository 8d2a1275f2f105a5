/* pacta-chart-palette.c — the colours a chart is painted with: light, dark and high contrast
 *
 * Status colours follow the Okabe–Ito palette (blue, orange, vermillion), which stays
 * distinguishable with the common colour-vision deficiencies; high contrast uses Paul Tol's
 * high-contrast trio, whose three colours also differ in lightness. Status is never shown by
 * colour alone: painters add a texture per status (see pacta-chart-marks.c). The sequential
 * ramp is an approximation of viridis.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-chart"

#include "config.h"

#include <math.h>

#include "pacta-chart-palette.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }
#define RGBA(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, (a) }

static const PactaChartPalette palettes[] = {
  [PACTA_CHART_THEME_LIGHT] = {
    .theme = PACTA_CHART_THEME_LIGHT,
    .background = RGB (0xffffff),
    .foreground = RGB (0x1e1e1e),
    .muted = RGB (0x5e5c64),
    .grid = RGB (0xdeddda),
    .axis = RGB (0x77767b),
    .status_fill = { RGB (0x0072b2), RGB (0xe69f00), RGB (0xf2cfb2), RGB (0xebebeb) },
    .status_mark = { RGB (0x0072b2), RGBA (0x3d2800, 0.85), RGB (0xd55e00), RGB (0x77767b) },
    .status_text = { RGB (0xffffff), RGB (0x1e1e1e), RGB (0x1e1e1e), RGB (0x1e1e1e) },
    .cell_border = RGBA (0x000000, 0.0),
    .series = { RGB (0x0072b2), RGB (0xe69f00), RGB (0x009e73), RGB (0xcc79a7),
                RGB (0x56b4e9), RGB (0xd55e00), RGB (0x000000), RGB (0x999999) },
    .ramp = { RGB (0x440154), RGB (0x3b528b), RGB (0x21908c), RGB (0x5dc863), RGB (0xfde725) },
    .line_width = 1.0,
  },
  [PACTA_CHART_THEME_DARK] = {
    .theme = PACTA_CHART_THEME_DARK,
    .background = RGB (0x242424),
    .foreground = RGB (0xffffff),
    .muted = RGB (0xc0bfbc),
    .grid = RGB (0x3d3d3d),
    .axis = RGB (0x9a9996),
    /* Lightness falls from covered to partial to missing here too. */
    .status_fill = { RGB (0x56b4e9), RGB (0xb07800), RGB (0x623817), RGB (0x3a3a3a) },
    .status_mark = { RGB (0x56b4e9), RGBA (0xffdc96, 0.9), RGB (0xff8a3d), RGB (0x9a9996) },
    .status_text = { RGB (0x000000), RGB (0x000000), RGB (0xffffff), RGB (0xffffff) },
    .cell_border = RGBA (0x000000, 0.0),
    .series = { RGB (0x56b4e9), RGB (0xe69f00), RGB (0x009e73), RGB (0xcc79a7),
                RGB (0xf0e442), RGB (0xd55e00), RGB (0xffffff), RGB (0x999999) },
    .ramp = { RGB (0x440154), RGB (0x3b528b), RGB (0x21908c), RGB (0x5dc863), RGB (0xfde725) },
    .line_width = 1.0,
  },
  [PACTA_CHART_THEME_HIGH_CONTRAST] = {
    .theme = PACTA_CHART_THEME_HIGH_CONTRAST,
    .background = RGB (0xffffff),
    .foreground = RGB (0x000000),
    .muted = RGB (0x000000),
    .grid = RGB (0x767676),
    .axis = RGB (0x000000),
    .status_fill = { RGB (0x004488), RGB (0xddaa33), RGB (0xe7c3c9), RGB (0xffffff) },
    .status_mark = { RGB (0x004488), RGB (0x000000), RGB (0x000000), RGB (0x000000) },
    .status_text = { RGB (0xffffff), RGB (0x000000), RGB (0x000000), RGB (0x000000) },
    .cell_border = RGB (0x000000),
    .series = { RGB (0x004488), RGB (0xbb5566), RGB (0x000000), RGB (0xddaa33),
                RGB (0x6699cc), RGB (0x994455), RGB (0x997700), RGB (0x555555) },
    .ramp = { RGB (0x440154), RGB (0x3b528b), RGB (0x21908c), RGB (0x5dc863), RGB (0xfde725) },
    .line_width = 1.6,
  },
};

/* Returns: (transfer none): a static palette */
const PactaChartPalette *
pacta_chart_palette_get (PactaChartTheme theme)
{
  if ((guint) theme >= G_N_ELEMENTS (palettes))
    theme = PACTA_CHART_THEME_LIGHT;
  return &palettes[theme];
}

/* The sequential ramp at @t in [0, 1], interpolated between its stops. */
PactaRgba
pacta_chart_palette_ramp (const PactaChartPalette *palette,
                          double                   t)
{
  PactaRgba out;
  double pos;
  guint i;
  double f;

  g_return_val_if_fail (palette != NULL, palettes[0].foreground);

  t = isnan (t) ? 0.0 : CLAMP (t, 0.0, 1.0);
  pos = t * (PACTA_CHART_N_RAMP_STOPS - 1);
  i = MIN ((guint) floor (pos), PACTA_CHART_N_RAMP_STOPS - 2);
  f = pos - i;
  out.red = palette->ramp[i].red + f * (palette->ramp[i + 1].red - palette->ramp[i].red);
  out.green = palette->ramp[i].green + f * (palette->ramp[i + 1].green - palette->ramp[i].green);
  out.blue = palette->ramp[i].blue + f * (palette->ramp[i + 1].blue - palette->ramp[i].blue);
  out.alpha = 1.0;
  return out;
}

const PactaRgba *
pacta_chart_palette_series (const PactaChartPalette *palette,
                            guint                    index)
{
  g_return_val_if_fail (palette != NULL, NULL);
  return &palette->series[index % PACTA_CHART_N_SERIES_COLORS];
}

gboolean
pacta_chart_theme_from_string (const char      *str,
                               PactaChartTheme *theme)
{
  static const char * const names[] = { "light", "dark", "high-contrast" };

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (str, names[i]))
      {
        *theme = (PactaChartTheme) i;
        return TRUE;
      }
  return FALSE;
}

const char *
pacta_chart_theme_to_string (PactaChartTheme theme)
{
  switch (theme)
    {
    case PACTA_CHART_THEME_DARK:
      return "dark";
    case PACTA_CHART_THEME_HIGH_CONTRAST:
      return "high-contrast";
    case PACTA_CHART_THEME_LIGHT:
    default:
      return "light";
    }
}

void
pacta_chart_set_source (cairo_t         *cr,
                        const PactaRgba *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static double
linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* WCAG relative luminance. */
double
pacta_rgba_luminance (const PactaRgba *color)
{
  return 0.2126 * linear (color->red) + 0.7152 * linear (color->green) + 0.0722 * linear (color->blue);
}

/* WCAG contrast ratio, from 1 to 21. */
double
pacta_rgba_contrast (const PactaRgba *a,
                     const PactaRgba *b)
{
  double la = pacta_rgba_luminance (a), lb = pacta_rgba_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}
