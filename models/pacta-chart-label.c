/* pacta-chart-label.c — measured, placed text for charts
 *
 * Labels are shaped with a context of their own (metrics unhinted, glyph positions not
 * rounded), so a layout measured here draws the same on a widget, an image, SVG or PDF, at
 * any scale. Text drawn with Pango stays text in SVG and PDF: selectable and searchable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-chart"

#include "config.h"

#include <math.h>

#include "pacta-chart-label.h"

gboolean
pacta_chart_rect_contains (const PactaChartRect *rect,
                           double                x,
                           double                y)
{
  return x >= rect->x && x < rect->x + rect->width && y >= rect->y && y < rect->y + rect->height;
}

gboolean
pacta_chart_rects_overlap (const PactaChartRect *a,
                           const PactaChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Returns: (transfer full) */
PangoContext *
pacta_chart_text_context_new (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  return context;
}

static GPrivate shared_context = G_PRIVATE_INIT (g_object_unref);

/* Returns: (transfer none): this thread's text context for chart layouts */
PangoContext *
pacta_chart_text_context_get (void)
{
  PangoContext *context = g_private_get (&shared_context);

  if (context == NULL)
    {
      context = pacta_chart_text_context_new ();
      g_private_set (&shared_context, context);
    }
  return context;
}

static PangoFontDescription *
font_description (const PactaChartFont *font)
{
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, font->family ? font->family : "Sans");
  pango_font_description_set_absolute_size (desc, MAX (1.0, font->size) * PANGO_SCALE);
  pango_font_description_set_weight (desc, font->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (desc, font->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  return desc;
}

static GPrivate line_heights = G_PRIVATE_INIT ((GDestroyNotify) g_hash_table_unref);

/* The height of a line of text in @font; remembered per font and thread. */
double
pacta_chart_font_line_height (PangoContext         *context,
                              const PactaChartFont *font)
{
  GHashTable *cache = g_private_get (&line_heights);
  g_autofree char *key = g_strdup_printf ("%p %s %.3f %d %d", (void *) context, font->family ? font->family : "Sans",
                                          font->size, font->bold, font->italic);
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *desc;
  PangoRectangle logical;
  double *height;

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_private_set (&line_heights, cache);
    }
  height = g_hash_table_lookup (cache, key);
  if (height != NULL)
    return *height;

  layout = pango_layout_new (context);
  desc = font_description (font);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, "Ag", -1);
  pango_layout_get_extents (layout, NULL, &logical);
  pango_font_description_free (desc);
  height = g_new (double, 1);
  *height = logical.height / (double) PANGO_SCALE;
  g_hash_table_insert (cache, g_steal_pointer (&key), height);
  return *height;
}

/* No glyph of a Latin, Greek or Cyrillic font is narrower than this share of its size. */
#define NARROWEST_GLYPH 0.22

/* Shapes @text in @font. A @max_width > 0 wraps it at words into at most @max_lines lines
 * (1: a single line) and ends it with an ellipsis where it still does not fit. */
PactaChartLabel *
pacta_chart_label_new (PangoContext         *context,
                       const char           *text,
                       const PactaChartFont *font,
                       double                max_width,
                       int                   max_lines)
{
  PactaChartLabel *label = g_new0 (PactaChartLabel, 1);
  PangoFontDescription *desc = font_description (font);
  PangoRectangle logical;

  label->layout = pango_layout_new (context);
  pango_layout_set_font_description (label->layout, desc);
  pango_font_description_free (desc);
  text = text ? text : "";
  if (max_width > 0)
    {
      /* Shape no more than can show: a title cut to what @max_lines lines could hold even in
       * the narrowest glyphs still overflows, so Pango ellipsizes it at the same place, and
       * a long title costs no more than a short one. */
      glong limit = (glong) ceil (max_width * MAX (1, max_lines) / (NARROWEST_GLYPH * MAX (1.0, font->size))) + 1;
      glong length = g_utf8_strlen (text, -1);

      if (length > limit)
        {
          g_autofree char *cut = g_utf8_substring (text, 0, limit);
          pango_layout_set_text (label->layout, cut, -1);
        }
      else
        pango_layout_set_text (label->layout, text, -1);
    }
  else
    pango_layout_set_text (label->layout, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (label->layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (label->layout, PANGO_ELLIPSIZE_END);
      if (max_lines > 1)
        {
          pango_layout_set_wrap (label->layout, PANGO_WRAP_WORD);
          pango_layout_set_height (label->layout, -max_lines);
        }
    }
  pango_layout_get_extents (label->layout, NULL, &logical);
  label->height = logical.height / (double) PANGO_SCALE;
  label->width = 0;
  /* The widest line, not the width wrapped to: boxes hug the text. */
  for (GSList *l = pango_layout_get_lines_readonly (label->layout); l != NULL; l = l->next)
    {
      PangoRectangle line;

      pango_layout_line_get_extents (l->data, NULL, &line);
      label->width = MAX (label->width, (line.x + line.width) / (double) PANGO_SCALE);
    }
  if (max_width > 0)
    label->width = MIN (label->width, max_width);
  pacta_chart_label_place (label, 0, 0, 0, 0, 0);
  return label;
}

/* Aligns the lines of a wrapped label within its box (left by default). */
void
pacta_chart_label_set_alignment (PactaChartLabel *label,
                                 PangoAlignment   alignment)
{
  if (pango_layout_get_width (label->layout) < 0 || pango_layout_get_line_count (label->layout) < 2)
    return;
  /* The box already holds every line: narrowing the layout to it changes no line break. */
  pango_layout_set_width (label->layout, (int) ceil (label->width * PANGO_SCALE) + 1);
  pango_layout_set_alignment (label->layout, alignment);
}

void
pacta_chart_label_free (PactaChartLabel *label)
{
  if (label == NULL)
    return;
  g_clear_object (&label->layout);
  g_free (label);
}

void
pacta_chart_label_place (PactaChartLabel *label,
                         double           x,
                         double           y,
                         double           anchor_x,
                         double           anchor_y,
                         double           angle)
{
  const double corners[4][2] = {
    { 0, 0 }, { label->width, 0 }, { label->width, label->height }, { 0, label->height },
  };
  double c = cos (angle), s = sin (angle);
  double ax = anchor_x * label->width, ay = anchor_y * label->height;

  label->x = x;
  label->y = y;
  label->anchor_x = anchor_x;
  label->anchor_y = anchor_y;
  label->angle = angle;
  for (guint i = 0; i < 4; i++)
    {
      double lx = corners[i][0] - ax, ly = corners[i][1] - ay;

      label->quad[2 * i] = x + lx * c - ly * s;
      label->quad[2 * i + 1] = y + lx * s + ly * c;
    }
}

/* The axis-aligned box around the (possibly rotated) label. */
void
pacta_chart_label_bounds (const PactaChartLabel *label,
                          PactaChartRect        *bounds)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < 4; i++)
    {
      x0 = MIN (x0, label->quad[2 * i]);
      x1 = MAX (x1, label->quad[2 * i]);
      y0 = MIN (y0, label->quad[2 * i + 1]);
      y1 = MAX (y1, label->quad[2 * i + 1]);
    }
  bounds->x = x0;
  bounds->y = y0;
  bounds->width = x1 - x0;
  bounds->height = y1 - y0;
}

gboolean
pacta_chart_label_is_ellipsized (const PactaChartLabel *label)
{
  return pango_layout_is_ellipsized (label->layout);
}

const char *
pacta_chart_label_get_text (const PactaChartLabel *label)
{
  return pango_layout_get_text (label->layout);
}

static const PactaRgba *
ink_color (const PactaChartPalette *palette,
           PactaChartInk            ink)
{
  switch (ink)
    {
    case PACTA_CHART_INK_MUTED:
      return &palette->muted;
    case PACTA_CHART_INK_ON_COVERED:
      return &palette->status_text[PACTA_FINDING_STATUS_COVERED];
    case PACTA_CHART_INK_FOREGROUND:
    default:
      return &palette->foreground;
    }
}

void
pacta_chart_label_paint (const PactaChartLabel   *label,
                         cairo_t                 *cr,
                         const PactaChartPalette *palette)
{
  cairo_save (cr);
  cairo_translate (cr, label->x, label->y);
  if (label->angle != 0)
    cairo_rotate (cr, label->angle);
  cairo_translate (cr, -label->anchor_x * label->width, -label->anchor_y * label->height);
  pacta_chart_set_source (cr, ink_color (palette, label->ink));
  pango_cairo_show_layout (cr, label->layout);
  cairo_restore (cr);
}

void
pacta_chart_labels_paint (GPtrArray               *labels,
                          cairo_t                 *cr,
                          const PactaChartPalette *palette)
{
  for (guint i = 0; labels != NULL && i < labels->len; i++)
    pacta_chart_label_paint (g_ptr_array_index (labels, i), cr, palette);
}

/* Separating-axis test for two convex quadrilaterals; touching edges do not overlap. */
static gboolean
separated_on_axes_of (const double a[8],
                      const double b[8])
{
  for (guint i = 0; i < 4; i++)
    {
      guint j = (i + 1) % 4;
      double nx = -(a[2 * j + 1] - a[2 * i + 1]);
      double ny = a[2 * j] - a[2 * i];
      double amin = G_MAXDOUBLE, amax = -G_MAXDOUBLE, bmin = G_MAXDOUBLE, bmax = -G_MAXDOUBLE;
      double len = hypot (nx, ny);

      if (len < 1e-12)
        continue;
      nx /= len;
      ny /= len;
      for (guint k = 0; k < 4; k++)
        {
          double pa = a[2 * k] * nx + a[2 * k + 1] * ny;
          double pb = b[2 * k] * nx + b[2 * k + 1] * ny;

          amin = MIN (amin, pa);
          amax = MAX (amax, pa);
          bmin = MIN (bmin, pb);
          bmax = MAX (bmax, pb);
        }
      if (amax <= bmin + 1e-6 || bmax <= amin + 1e-6)
        return TRUE;
    }
  return FALSE;
}

gboolean
pacta_chart_quads_overlap (const double a[8],
                           const double b[8])
{
  return !separated_on_axes_of (a, b) && !separated_on_axes_of (b, a);
}

/* The font size (at most @font's, at least @min_size) whose lines stack @room apart; *step
 * receives how many rows (or columns) one label must span when even @min_size does not fit:
 * label every step-th row and the labels cannot overlap. */
double
pacta_chart_fit_font (PangoContext         *context,
                      const PactaChartFont *font,
                      double                room,
                      double                min_size,
                      guint                *step)
{
  PactaChartFont f = *font;
  double lh = pacta_chart_font_line_height (context, &f);
  double ratio = lh / f.size;

  if (lh * 1.04 > room)
    {
      f.size = MAX (min_size, room / (ratio * 1.04));
      lh = pacta_chart_font_line_height (context, &f);
    }
  *step = room > 0 ? (guint) MAX (1.0, ceil (lh * 1.04 / room - 1e-9)) : 1;
  return f.size;
}
