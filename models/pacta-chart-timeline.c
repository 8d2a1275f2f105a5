/* pacta-chart-timeline.c — agreements by year of signature, coloured by overall coverage
 *
 * A dot plot along a year axis: one line per agreement, oldest at the top, the agreement's
 * name at the left, a dot at its year in the colour of its score (with the score written
 * beside it), and a dotted guide from name to dot. One line per agreement means nothing
 * can overlap however the years bunch up; with more agreements than lines of text fit, every
 * k-th line is named (each dot still shows, and its tooltip names it). A colour key maps the
 * ramp to 0–100 %. Drafts are placed at their draft's date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pacta-chart-marks.h"
#include "pacta-chart-timeline.h"

#define MIN_FONT 8.5
#define MAX_LINE 30.0

void
pacta_timeline_layout_free (PactaTimelineLayout *layout)
{
  if (layout == NULL)
    return;
  g_array_unref (layout->entries);
  g_ptr_array_unref (layout->labels);
  g_free (layout);
}

double
pacta_timeline_year_x (const PactaTimelineLayout *layout,
                       double                     year)
{
  double span = layout->ticks.max - layout->ticks.min;

  return layout->plot.x + (span > 0 ? (year - layout->ticks.min) / span : 0.5) * layout->plot.width;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const PactaChartData *data = user_data;
  const PactaChartRow *ra = pacta_chart_data_get_row (data, ((const PactaTimelineEntry *) a)->row);
  const PactaChartRow *rb = pacta_chart_data_get_row (data, ((const PactaTimelineEntry *) b)->row);

  if (ra->year != rb->year)
    return ra->year - rb->year;
  return g_utf8_collate (ra->title, rb->title);
}

PactaTimelineLayout *
pacta_timeline_layout_new (const PactaChartData    *data,
                           const PactaChartOptions *options,
                           double                   width,
                           double                   height)
{
  PangoContext *context = pacta_chart_text_context_get ();
  PactaTimelineLayout *layout = g_new0 (PactaTimelineLayout, 1);
  PactaChartOptions defaults;
  PactaChartFont label_font, small_font, line_font;
  guint n_rows = pacta_chart_data_get_n_rows (data);
  double pad, s, y, small_h, key_h, name_w = 0, score_w, below, lines_h;
  int year_min = G_MAXINT, year_max = G_MININT;
  g_autofree char *subtitle = NULL;
  PactaChartLabel *key_label, *probe;

  if (options == NULL)
    {
      pacta_chart_options_init (&defaults);
      options = &defaults;
    }
  s = options->font_scale > 0 ? options->font_scale : 1.0;
  pad = pacta_chart_padding (options);
  label_font = pacta_chart_font (options, PACTA_CHART_TEXT_LABEL);
  small_font = pacta_chart_font (options, PACTA_CHART_TEXT_SMALL);
  small_h = pacta_chart_font_line_height (context, &small_font);

  layout->width = width;
  layout->height = height;
  layout->entries = g_array_new (FALSE, TRUE, sizeof (PactaTimelineEntry));
  layout->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) pacta_chart_label_free);

  for (guint r = 0; r < n_rows; r++)
    {
      const PactaChartRow *row = pacta_chart_data_get_row (data, r);
      PactaTimelineEntry entry = { 0 };

      if (row->year <= 0)
        {
          layout->n_undated++;
          continue;
        }
      entry.row = r;
      g_array_append_val (layout->entries, entry);
      year_min = MIN (year_min, row->year);
      year_max = MAX (year_max, row->year);
    }
  g_array_sort_with_data (layout->entries, compare_entries, (gpointer) data);

  if (layout->n_undated > 0)
    subtitle = g_strdup_printf (ngettext ("%s · %u agreement without a date is not shown",
                                          "%s · %u agreements without a date are not shown", layout->n_undated),
                                pacta_chart_data_get_guideline_title (data), layout->n_undated);
  else
    subtitle = g_strdup_printf (_("%s · overall score by year of signature"), pacta_chart_data_get_guideline_title (data));
  y = pacta_chart_layout_header (context, options, _("Agreements over time"), subtitle, width, layout->labels);

  /* Columns: names | the years | room for the last score. */
  {
    double cap = MIN (0.4 * width, 360 * s);

    for (guint i = 0; i < layout->entries->len && name_w < cap; i++)
      {
        const PactaTimelineEntry *entry = &g_array_index (layout->entries, PactaTimelineEntry, i);
        g_autoptr(PactaChartLabel) name = pacta_chart_label_new (context, pacta_chart_data_get_row (data, entry->row)->title,
                                                                 &label_font, cap + 1, 1);
        name_w = MAX (name_w, name->width);
        if (i > 64)
          break;   /* enough to know the column's width */
      }
    name_w = CLAMP (name_w, 80 * s, cap);
  }
  probe = pacta_chart_label_new (context, "100 %", &small_font, 0, 1);
  score_w = probe->width + 24 * s;
  pacta_chart_label_free (probe);

  /* Below the lines: year ticks, then the colour key (label, ramp, its ticks). */
  key_h = 12 * s;
  below = 6 * s + small_h + 1.2 * pad + key_h + 3 * s + small_h + pad;
  lines_h = MAX (10, height - below - y);
  layout->line_height = layout->entries->len > 0 ? MIN (lines_h / layout->entries->len, MAX_LINE * s) : lines_h;
  layout->plot.x = pad + name_w + 18 * s;
  layout->plot.width = MAX (10, width - pad - score_w - layout->plot.x);
  layout->plot.y = y;
  layout->plot.height = layout->line_height * layout->entries->len;
  layout->marker_radius = CLAMP (layout->line_height * 0.32, 2.0, 6.5 * s);

  /* Years: nice ticks with half a step of room either side. */
  if (layout->entries->len > 0)
    {
      guint max_ticks = CLAMP ((guint) (layout->plot.width / (56 * s)), 2, 16);

      pacta_chart_nice_ticks (year_min, year_max, max_ticks, TRUE, &layout->ticks);
      if (year_min - layout->ticks.min < layout->ticks.step / 2 || layout->ticks.max - year_max < layout->ticks.step / 2)
        pacta_chart_nice_ticks (year_min - 1, year_max + 1, max_ticks, TRUE, &layout->ticks);
    }
  else
    pacta_chart_nice_ticks (2000, 2025, 6, TRUE, &layout->ticks);

  {
    double tick_y = layout->plot.y + layout->plot.height + 6 * s;

    for (guint t = 0; t < layout->ticks.n; t++)
      {
        g_autofree char *text = g_strdup_printf ("%.0f", layout->ticks.values[t]);
        PactaChartLabel *tick = pacta_chart_label_new (context, text, &small_font, 0, 1);

        tick->ink = PACTA_CHART_INK_MUTED;
        pacta_chart_label_place (tick, pacta_timeline_year_x (layout, layout->ticks.values[t]), tick_y, 0.5, 0, 0);
        g_ptr_array_add (layout->labels, tick);
      }
  }

  /* The colour key under the axis: "Overall coverage" [ramp], its ticks below. */
  key_label = pacta_chart_label_new (context, _("Overall coverage"), &small_font, 0, 1);
  key_label->ink = PACTA_CHART_INK_MUTED;
  {
    double ramp_w = MIN (260 * s, width * 0.4);
    double kx = (width - (key_label->width + 10 * s + ramp_w)) / 2;
    double ky = layout->plot.y + layout->plot.height + 6 * s + small_h + 1.2 * pad;

    pacta_chart_label_place (key_label, kx, ky + key_h / 2, 0, 0.5, 0);
    g_ptr_array_add (layout->labels, key_label);
    layout->ramp = (PactaChartRect) { kx + key_label->width + 10 * s, ky, ramp_w, key_h };
    pacta_chart_nice_ticks (0, 1, 5, FALSE, &layout->ramp_ticks);
    for (guint t = 0; t < layout->ramp_ticks.n; t++)
      {
        g_autofree char *text = pacta_chart_format_percent (layout->ramp_ticks.values[t]);
        PactaChartLabel *tick = pacta_chart_label_new (context, text, &small_font, 0, 1);

        tick->ink = PACTA_CHART_INK_MUTED;
        pacta_chart_label_place (tick, layout->ramp.x + layout->ramp_ticks.values[t] * ramp_w, ky + key_h + 3 * s, 0.5, 0, 0);
        g_ptr_array_add (layout->labels, tick);
      }
    layout->content_height = ky + key_h + 3 * s + small_h + pad;
  }

  line_font = label_font;
  line_font.size = pacta_chart_fit_font (context, &label_font, layout->line_height, MIN_FONT * s, &layout->label_step);
  small_font.size = MIN (small_font.size, line_font.size);
  for (guint i = 0; i < layout->entries->len; i++)
    {
      PactaTimelineEntry *entry = &g_array_index (layout->entries, PactaTimelineEntry, i);
      const PactaChartRow *row = pacta_chart_data_get_row (data, entry->row);

      entry->x = pacta_timeline_year_x (layout, row->year);
      entry->y = layout->plot.y + (i + 0.5) * layout->line_height;
      if (i % layout->label_step == 0)
        {
          g_autofree char *text = pacta_chart_format_percent (row->score);

          entry->name = pacta_chart_label_new (context, row->title, &line_font, name_w, 1);
          pacta_chart_label_place (entry->name, pad + name_w, entry->y, 1, 0.5, 0);
          g_ptr_array_add (layout->labels, entry->name);
          entry->score = pacta_chart_label_new (context, text, &small_font, 0, 1);
          entry->score->ink = PACTA_CHART_INK_MUTED;
          pacta_chart_label_place (entry->score, entry->x + layout->marker_radius + 5 * s, entry->y, 0, 0.5, 0);
          g_ptr_array_add (layout->labels, entry->score);
        }
    }
  return layout;
}

void
pacta_timeline_paint (const PactaTimelineLayout *layout,
                      const PactaChartData      *data,
                      cairo_t                   *cr,
                      const PactaChartPalette   *palette)
{
  static const double dots[] = { 1.0, 3.0 };
  cairo_pattern_t *gradient;
  double bottom = layout->plot.y + layout->plot.height;

  cairo_save (cr);
  pacta_chart_set_source (cr, &palette->background);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_fill (cr);

  /* Year grid lines, the axis and its ticks. */
  cairo_set_line_width (cr, 1.0);
  pacta_chart_set_source (cr, &palette->grid);
  for (guint t = 0; t < layout->ticks.n; t++)
    {
      double x = round (pacta_timeline_year_x (layout, layout->ticks.values[t])) + 0.5;
      cairo_move_to (cr, x, layout->plot.y);
      cairo_line_to (cr, x, bottom);
    }
  cairo_stroke (cr);
  pacta_chart_set_source (cr, &palette->axis);
  cairo_set_line_width (cr, palette->line_width);
  cairo_move_to (cr, layout->plot.x, round (bottom) + 0.5);
  cairo_line_to (cr, layout->plot.x + layout->plot.width, round (bottom) + 0.5);
  for (guint t = 0; t < layout->ticks.n; t++)
    {
      double x = round (pacta_timeline_year_x (layout, layout->ticks.values[t])) + 0.5;
      cairo_move_to (cr, x, bottom);
      cairo_line_to (cr, x, bottom + 4);
    }
  cairo_stroke (cr);

  /* Dotted guides from each named line's name to its dot. */
  pacta_chart_set_source (cr, &palette->muted);
  cairo_set_line_width (cr, 1.0);
  cairo_set_dash (cr, dots, G_N_ELEMENTS (dots), 0);
  for (guint i = 0; i < layout->entries->len; i++)
    {
      const PactaTimelineEntry *entry = &g_array_index (layout->entries, PactaTimelineEntry, i);

      if (entry->name == NULL)
        continue;
      cairo_move_to (cr, entry->name->x + 6, round (entry->y) + 0.5);
      cairo_line_to (cr, entry->x - layout->marker_radius - 2, round (entry->y) + 0.5);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint i = 0; i < layout->entries->len; i++)
    {
      const PactaTimelineEntry *entry = &g_array_index (layout->entries, PactaTimelineEntry, i);
      PactaRgba color = pacta_chart_palette_ramp (palette, pacta_chart_data_get_row (data, entry->row)->score);

      pacta_chart_paint_marker (cr, PACTA_CHART_MARKER_CIRCLE, entry->x, entry->y, layout->marker_radius,
                                &color, &palette->foreground, layout->marker_radius > 3 ? 1.0 : 0.5);
    }

  /* The colour key. */
  gradient = cairo_pattern_create_linear (layout->ramp.x, 0, layout->ramp.x + layout->ramp.width, 0);
  for (guint i = 0; i < PACTA_CHART_N_RAMP_STOPS; i++)
    {
      const PactaRgba *c = &palette->ramp[i];
      cairo_pattern_add_color_stop_rgb (gradient, i / (double) (PACTA_CHART_N_RAMP_STOPS - 1), c->red, c->green, c->blue);
    }
  cairo_rectangle (cr, layout->ramp.x, layout->ramp.y, layout->ramp.width, layout->ramp.height);
  cairo_set_source (cr, gradient);
  cairo_fill_preserve (cr);
  cairo_pattern_destroy (gradient);
  pacta_chart_set_source (cr, &palette->axis);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);

  pacta_chart_labels_paint (layout->labels, cr, palette);
  cairo_restore (cr);
}

gboolean
pacta_timeline_hit_test (const PactaTimelineLayout *layout,
                         const PactaChartData      *data,
                         double                     x,
                         double                     y,
                         PactaChartHit             *hit)
{
  pacta_chart_hit_init (hit, PACTA_CHART_TIMELINE);

  if (y < layout->plot.y || y >= layout->plot.y + layout->plot.height || layout->entries->len == 0 ||
      x < 0 || x > layout->width)
    return FALSE;

  {
    guint i = MIN (layout->entries->len - 1, (guint) ((y - layout->plot.y) / layout->line_height));
    const PactaTimelineEntry *entry = &g_array_index (layout->entries, PactaTimelineEntry, i);
    const PactaChartRow *row = pacta_chart_data_get_row (data, entry->row);
    g_autofree char *score = pacta_chart_format_percent (row->score);
    g_autofree char *counts = pacta_chart_describe_counts (&row->counts);
    double r = MAX (layout->marker_radius, 4);

    hit->row = (int) entry->row;
    hit->bounds = (PactaChartRect) { entry->x - r, entry->y - r, 2 * r, 2 * r };
    /* Translators: tooltip: title, then year, score and counts */
    hit->text = g_strdup_printf (_("%s\n%d · score %s: %s"), row->title, row->year, score, counts);
  }
  return TRUE;
}

void
pacta_timeline_natural_size (const PactaChartData    *data,
                             const PactaChartOptions *options,
                             double                  *width,
                             double                  *height)
{
  double s = options && options->font_scale > 0 ? options->font_scale : 1.0;

  *width = 960 * s;
  *height = s * CLAMP (170 + 28 * pacta_chart_data_get_n_rows (data), 320, 1000);
}
