/* pacta-chart-radar.c — one axis per item (the nine C102 branches), agreements overlaid
 *
 * Each agreement is a polygon through its status on every axis: the outer ring is covered,
 * the middle ring partial, the inner ring missing (a small hole in the middle keeps missing
 * points apart instead of piling them on the centre). Agreements differ by colour, marker
 * and dash, and are turned by a couple of degrees each so equal values stay visible.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pacta-chart-marks.h"
#include "pacta-chart-radar.h"

#define HOLE 0.16
#define MIN_FONT 8.5
#define SERIES_TURN 0.035  /* radians between overlaid series */

void
pacta_radar_layout_free (PactaRadarLayout *layout)
{
  if (layout == NULL)
    return;
  g_free (layout->angles);
  g_free (layout->points);
  g_free (layout->statuses);
  for (guint i = 0; i < layout->axis_labels->len; i++)
    {
      PactaChartLabel *label = g_ptr_array_index (layout->axis_labels, i);
      if (label->width <= 0)
        pacta_chart_label_free (label);
    }
  g_ptr_array_unref (layout->axis_labels);
  g_ptr_array_unref (layout->labels);
  pacta_chart_legend_free (layout->legend);
  g_free (layout);
}

double
pacta_radar_value_radius (const PactaRadarLayout *layout,
                          double                  value)
{
  return layout->radius * (layout->hole + (1 - layout->hole) * CLAMP (value, 0.0, 1.0));
}

/* Places the axis labels around a circle of @radius; returns how far they spill out of
 * @plot (0 when they fit). */
static double
place_axis_labels (PactaRadarLayout     *layout,
                   const PactaChartRect *plot,
                   double                radius,
                   double                distance)
{
  double spill = 0;

  for (guint i = 0; i < layout->n_axes; i++)
    {
      PactaChartLabel *label = g_ptr_array_index (layout->axis_labels, i);
      double a = layout->angles[i];
      double c = cos (a), s = sin (a);
      PactaChartRect b;

      /* Snap nearly vertical axes to centred text. */
      if (fabs (c) < 0.15)
        c = 0;
      pacta_chart_label_place (label, layout->cx + (radius + distance) * cos (a),
                               layout->cy + (radius + distance) * s,
                               0.5 - 0.5 * (c > 0 ? 1 : c < 0 ? -1 : 0), 0.5 - 0.5 * s, 0);
      pacta_chart_label_bounds (label, &b);
      spill = MAX (spill, plot->x - b.x);
      spill = MAX (spill, b.x + b.width - (plot->x + plot->width));
      spill = MAX (spill, plot->y - b.y);
      spill = MAX (spill, b.y + b.height - (plot->y + plot->height));
    }
  return spill;
}

PactaRadarLayout *
pacta_radar_layout_new (const PactaChartData    *data,
                        const PactaChartOptions *options,
                        double                   width,
                        double                   height)
{
  PangoContext *context = pacta_chart_text_context_get ();
  PactaRadarLayout *layout = g_new0 (PactaRadarLayout, 1);
  PactaChartOptions defaults;
  PactaChartFont label_font, small_font;
  guint n_items = pacta_chart_data_get_n_items (data);
  guint n_rows = pacta_chart_data_get_n_rows (data);
  double pad, s, y, legend_h, distance, radius;
  PactaChartRect plot;
  const char *title;

  if (options == NULL)
    {
      pacta_chart_options_init (&defaults);
      options = &defaults;
    }
  s = options->font_scale > 0 ? options->font_scale : 1.0;
  pad = pacta_chart_padding (options);
  label_font = pacta_chart_font (options, PACTA_CHART_TEXT_LABEL);
  small_font = pacta_chart_font (options, PACTA_CHART_TEXT_SMALL);

  layout->width = width;
  layout->height = height;
  layout->hole = HOLE;
  layout->n_axes = n_items;
  layout->n_series = n_rows;
  layout->angles = g_new0 (double, MAX (1, n_items));
  layout->points = g_new0 (double, MAX (1, 2 * n_items * n_rows));
  layout->statuses = g_new0 (gint8, MAX (1, n_items * n_rows));
  layout->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) pacta_chart_label_free);
  layout->axis_labels = g_ptr_array_new ();

  title = g_strcmp0 (pacta_chart_data_get_guideline_id (data), "ilo-c102") == 0
          ? _("Social security branches") : _("Coverage item by item");
  y = pacta_chart_layout_header (context, options, title, pacta_chart_data_get_guideline_title (data), width,
                                 layout->labels);

  layout->legend = pacta_chart_legend_new (label_font.size * 1.15);
  for (guint r = 0; r < n_rows; r++)
    {
      const PactaChartRow *row = pacta_chart_data_get_row (data, r);
      g_autofree char *score = pacta_chart_format_percent (row->score);
      g_autofree char *text = g_strdup_printf ("%s · %s", row->title, score);

      /* One or two agreements may take the whole width; more share it. */
      double max_w = n_rows <= 2 ? (width - 2 * pad) / n_rows - 3 * label_font.size : width * 0.45;

      pacta_chart_legend_add (layout->legend, PACTA_CHART_SWATCH_SERIES, r,
                              pacta_chart_label_new (context, text, &label_font, MAX (60, max_w), 1));
    }
  legend_h = pacta_chart_legend_measure (layout->legend, width - 2 * pad);
  pacta_chart_legend_place (layout->legend, pad, height - pad - legend_h, width - 2 * pad);

  plot = (PactaChartRect) { pad, y, width - 2 * pad, MAX (10, height - pad - legend_h - pad - y) };
  layout->cx = plot.x + plot.width / 2;
  layout->cy = plot.y + plot.height / 2;

  for (guint i = 0; i < n_items; i++)
    layout->angles[i] = -G_PI / 2 + 2 * G_PI * i / MAX (1, n_items);

  /* Axis names around the circle: as wide as the space allows; narrower, then smaller, then
   * every other one, until no two touch. */
  {
    double max_label_w = CLAMP (width * 0.2, 80 * s, 170 * s);
    PactaChartFont font = label_font;
    guint every = 1;

    distance = 8 * s;
    for (guint attempt = 0; attempt < 16; attempt++)
      {
        gboolean apart = TRUE;

        g_ptr_array_set_size (layout->axis_labels, 0);
        for (guint i = 0; i < n_items; i++)
          {
            double c = cos (layout->angles[i]);
            PactaChartLabel *label = pacta_chart_label_new (context, i % every == 0 ? pacta_chart_data_get_item (data, i)->title : "",
                                                            &font, max_label_w, 3);

            pacta_chart_label_set_alignment (label, fabs (c) < 0.15 ? PANGO_ALIGN_CENTER : c > 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
            g_ptr_array_add (layout->axis_labels, label);
          }

        /* The largest circle whose names still fit. */
        radius = MAX (10, MIN (plot.width, plot.height) / 2 - distance);
        for (guint iter = 0; iter < 40; iter++)
          {
            double spill = place_axis_labels (layout, &plot, radius, distance);

            if (spill <= 0.5 || radius <= 20)
              break;
            radius = MAX (20, radius - MAX (1.0, spill * 0.7));
          }
        place_axis_labels (layout, &plot, radius, distance);

        for (guint i = 0; i < n_items && apart; i++)
          for (guint j = i + 1; j < n_items && apart; j++)
            {
              PactaChartLabel *a = g_ptr_array_index (layout->axis_labels, i);
              PactaChartLabel *b = g_ptr_array_index (layout->axis_labels, j);

              if (a->width > 0 && b->width > 0)
                apart = !pacta_chart_quads_overlap (a->quad, b->quad);
            }
        if (apart)
          break;
        for (guint i = 0; i < layout->axis_labels->len; i++)
          pacta_chart_label_free (g_ptr_array_index (layout->axis_labels, i));
        if (max_label_w > 70 * s)
          max_label_w *= 0.8;
        else if (font.size > MIN_FONT * s)
          font.size = MAX (MIN_FONT * s, font.size - 1);
        else
          every++;
      }
    /* Unnamed axes keep an empty label, so axis_labels stays indexed by axis. */
    for (guint i = 0; i < layout->axis_labels->len; i++)
      {
        PactaChartLabel *label = g_ptr_array_index (layout->axis_labels, i);
        if (label->width > 0)
          g_ptr_array_add (layout->labels, label);
      }
    small_font.size = MIN (small_font.size, font.size);
  }
  layout->radius = radius;

  /* Ring names between the first and the second axis. */
  if (n_items >= 2)
    {
      static const double values[] = { 0.0, 0.5, 1.0 };
      double a = -G_PI / 2 + G_PI / n_items;

      for (guint v = 0; v < G_N_ELEMENTS (values); v++)
        {
          PactaFindingStatus status = v == 0 ? PACTA_FINDING_STATUS_MISSING
                                      : v == 1 ? PACTA_FINDING_STATUS_PARTIAL : PACTA_FINDING_STATUS_COVERED;
          PactaChartLabel *label = pacta_chart_label_new (context, pacta_chart_status_word (status), &small_font, 0, 1);
          double r = pacta_radar_value_radius (layout, values[v]);

          gboolean clear = TRUE;

          label->ink = PACTA_CHART_INK_MUTED;
          /* Just inside the ring, so the outer one stays clear of the axis names… */
          pacta_chart_label_place (label, layout->cx + r * cos (a) + 3 * s, layout->cy + r * sin (a) + 2 * s, 0, 0, 0);
          /* … and where that still touches one (many axes, a small chart), left out. */
          for (guint i = 0; i < layout->axis_labels->len && clear; i++)
            clear = !pacta_chart_quads_overlap (label->quad, ((PactaChartLabel *) g_ptr_array_index (layout->axis_labels, i))->quad);
          if (clear)
            g_ptr_array_add (layout->labels, label);
          else
            pacta_chart_label_free (label);
        }
    }

  for (guint r = 0; r < n_rows; r++)
    {
      double turn = (r - (n_rows - 1) / 2.0) * SERIES_TURN;

      if (n_rows > 1)
        turn = CLAMP (turn, -G_PI / MAX (1, n_items) * 0.4, G_PI / MAX (1, n_items) * 0.4);
      for (guint i = 0; i < n_items; i++)
        {
          int status = pacta_chart_data_get_status (data, r, i);
          double v = pacta_chart_status_value (status);
          double *p = &layout->points[2 * (r * n_items + i)];

          layout->statuses[r * n_items + i] = (gint8) status;
          if (v < 0)
            {
              p[0] = p[1] = NAN;
              continue;
            }
          p[0] = layout->cx + pacta_radar_value_radius (layout, v) * cos (layout->angles[i] + turn);
          p[1] = layout->cy + pacta_radar_value_radius (layout, v) * sin (layout->angles[i] + turn);
        }
    }
  return layout;
}

void
pacta_radar_paint (const PactaRadarLayout  *layout,
                   cairo_t                 *cr,
                   const PactaChartPalette *palette)
{
  static const double rings[] = { 0.0, 0.5, 1.0 };
  guint n = layout->n_axes;

  cairo_save (cr);
  pacta_chart_set_source (cr, &palette->background);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_fill (cr);

  if (n == 0)
    goto labels;

  /* Rings (polygons, as the values only exist on the axes) and spokes. */
  cairo_set_line_width (cr, palette->line_width);
  pacta_chart_set_source (cr, &palette->grid);
  for (guint v = 0; v < G_N_ELEMENTS (rings); v++)
    {
      double r = pacta_radar_value_radius (layout, rings[v]);

      for (guint i = 0; i <= n; i++)
        {
          double a = layout->angles[i % n];
          if (i == 0)
            cairo_move_to (cr, layout->cx + r * cos (a), layout->cy + r * sin (a));
          else
            cairo_line_to (cr, layout->cx + r * cos (a), layout->cy + r * sin (a));
        }
      cairo_close_path (cr);
    }
  cairo_stroke (cr);
  pacta_chart_set_source (cr, &palette->axis);
  for (guint i = 0; i < n; i++)
    {
      double a = layout->angles[i];
      double r0 = pacta_radar_value_radius (layout, 0);

      cairo_move_to (cr, layout->cx + r0 * cos (a), layout->cy + r0 * sin (a));
      cairo_line_to (cr, layout->cx + layout->radius * cos (a), layout->cy + layout->radius * sin (a));
    }
  cairo_stroke (cr);

  for (guint r = 0; r < layout->n_series; r++)
    {
      const PactaRgba *color = pacta_chart_palette_series (palette, r);
      int n_dashes = 0;
      const double *dashes = pacta_chart_series_dash (r, &n_dashes);
      gboolean started = FALSE;

      cairo_new_path (cr);
      for (guint i = 0; i < n; i++)
        {
          const double *p = &layout->points[2 * (r * n + i)];
          double x = p[0], y = p[1];

          if (isnan (x))
            {
              double r0 = pacta_radar_value_radius (layout, 0);
              x = layout->cx + r0 * cos (layout->angles[i]);
              y = layout->cy + r0 * sin (layout->angles[i]);
            }
          if (!started)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
          started = TRUE;
        }
      cairo_close_path (cr);
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, layout->n_series > 3 ? 0.06 : 0.12);
      cairo_fill_preserve (cr);
      pacta_chart_set_source (cr, color);
      cairo_set_line_width (cr, 2.0 * palette->line_width);
      cairo_set_dash (cr, dashes, n_dashes, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  for (guint r = 0; r < layout->n_series; r++)
    for (guint i = 0; i < n; i++)
      {
        const double *p = &layout->points[2 * (r * n + i)];

        if (isnan (p[0]))
          continue;
        pacta_chart_paint_marker (cr, pacta_chart_series_marker (r), p[0], p[1], 4.5 * palette->line_width,
                                  pacta_chart_palette_series (palette, r), &palette->background, 1.2);
      }

labels:
  pacta_chart_labels_paint (layout->labels, cr, palette);
  pacta_chart_legend_paint (layout->legend, cr, palette);
  cairo_restore (cr);
}

gboolean
pacta_radar_hit_test (const PactaRadarLayout *layout,
                      const PactaChartData   *data,
                      double                  x,
                      double                  y,
                      PactaChartHit          *hit)
{
  double best = 9.0 * 9.0;
  int best_r = -1, best_i = -1;
  guint n = layout->n_axes;

  pacta_chart_hit_init (hit, PACTA_CHART_RADAR);

  for (guint r = 0; r < layout->n_series; r++)
    for (guint i = 0; i < n; i++)
      {
        const double *p = &layout->points[2 * (r * n + i)];
        double d = (p[0] - x) * (p[0] - x) + (p[1] - y) * (p[1] - y);

        if (!isnan (p[0]) && d < best)
          {
            best = d;
            best_r = (int) r;
            best_i = (int) i;
          }
      }
  if (best_r >= 0)
    {
      const double *p = &layout->points[2 * (best_r * n + best_i)];
      int status = layout->statuses[best_r * n + best_i];

      hit->row = best_r;
      hit->item = best_i;
      hit->status = status;
      hit->bounds = (PactaChartRect) { p[0] - 6, p[1] - 6, 12, 12 };
      hit->text = g_strdup_printf ("%s\n%s: %s", pacta_chart_data_get_row (data, best_r)->title,
                                   pacta_chart_data_get_item (data, best_i)->title, pacta_chart_status_word (status));
      return TRUE;
    }

  for (guint i = 0; i < n; i++)
    {
      PactaChartLabel *label = g_ptr_array_index (layout->axis_labels, i);
      PactaChartRect bounds;
      guint counts[4] = { 0 };

      pacta_chart_label_bounds (label, &bounds);
      if (!pacta_chart_rect_contains (&bounds, x, y))
        continue;
      for (guint r = 0; r < layout->n_series; r++)
        {
          int status = layout->statuses[r * n + i];
          if (status >= 0 && status <= PACTA_FINDING_STATUS_NOT_APPLICABLE)
            counts[status]++;
        }
      hit->item = (int) i;
      hit->bounds = bounds;
      /* Translators: tooltip on a radar axis: item title, then counts of agreements */
      hit->text = g_strdup_printf (_("%s\ncovered in %u, partial in %u, missing in %u of %u agreements"),
                                   pacta_chart_data_get_item (data, i)->title, counts[0], counts[1], counts[2],
                                   layout->n_series);
      return TRUE;
    }
  return FALSE;
}

void
pacta_radar_natural_size (const PactaChartData    *data,
                          const PactaChartOptions *options,
                          double                  *width,
                          double                  *height)
{
  double s = options && options->font_scale > 0 ? options->font_scale : 1.0;

  *width = 820 * s;
  *height = (640 + 24 * ((pacta_chart_data_get_n_rows (data) + 1) / 2)) * s;
}
