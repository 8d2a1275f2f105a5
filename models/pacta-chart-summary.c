/* pacta-chart-summary.c — the score and the counts, one card per agreement
 *
 * Each card: the score in large figures, the agreement's title, a bar of its items by
 * status (segments proportional to counts, filling the bar) and the counts in words with
 * the same symbols pacta check prints. Cards that do not fit are counted in a last line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pacta-chart-summary.h"

void
pacta_summary_layout_free (PactaSummaryLayout *layout)
{
  if (layout == NULL)
    return;
  g_array_unref (layout->cards);
  g_array_unref (layout->segments);
  g_ptr_array_unref (layout->labels);
  pacta_chart_legend_free (layout->legend);
  g_free (layout);
}

static guint
count_of (const PactaCoverageCounts *counts,
          guint                      status)
{
  const guint values[] = { counts->covered, counts->partial, counts->missing, counts->not_applicable };
  return values[status];
}

PactaSummaryLayout *
pacta_summary_layout_new (const PactaChartData    *data,
                          const PactaChartOptions *options,
                          double                   width,
                          double                   height)
{
  PangoContext *context = pacta_chart_text_context_get ();
  PactaSummaryLayout *layout = g_new0 (PactaSummaryLayout, 1);
  PactaChartOptions defaults;
  PactaChartFont figure_font, label_font, small_font;
  guint n_rows = pacta_chart_data_get_n_rows (data);
  double pad, s, y, legend_h, figure_w, card_h, natural_h, gap, bottom, bar_h;
  gboolean any_na = FALSE, mixed = FALSE;
  guint shown;
  PactaChartLabel *probe;

  if (options == NULL)
    {
      pacta_chart_options_init (&defaults);
      options = &defaults;
    }
  s = options->font_scale > 0 ? options->font_scale : 1.0;
  pad = pacta_chart_padding (options);
  figure_font = pacta_chart_font (options, PACTA_CHART_TEXT_FIGURE);
  label_font = pacta_chart_font (options, PACTA_CHART_TEXT_LABEL);
  small_font = pacta_chart_font (options, PACTA_CHART_TEXT_SMALL);

  layout->width = width;
  layout->height = height;
  layout->cards = g_array_new (FALSE, TRUE, sizeof (PactaSummaryCard));
  layout->segments = g_array_new (FALSE, TRUE, sizeof (PactaBarSegment));
  layout->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) pacta_chart_label_free);

  for (guint r = 0; r < n_rows; r++)
    {
      const PactaChartRow *row = pacta_chart_data_get_row (data, r);

      any_na = any_na || row->counts.not_applicable > 0;
      mixed = mixed || (row->coverage != NULL &&
                        g_strcmp0 (pacta_guideline_get_id (pacta_coverage_get_guideline (row->coverage)),
                                   pacta_chart_data_get_guideline_id (data)) != 0);
    }

  y = pacta_chart_layout_header (context, options, _("Coverage summary"), pacta_chart_data_get_guideline_title (data),
                                 width, layout->labels);
  layout->legend = pacta_chart_status_legend (context, options, any_na);
  legend_h = pacta_chart_legend_measure (layout->legend, width - 2 * pad);
  bottom = height - pad - legend_h - 0.8 * pad;

  /* A card is: title line, bar, counts line; the figure stands to the left of all three. */
  gap = 10 * s;
  bar_h = 16 * s;
  natural_h = pacta_chart_font_line_height (context, &label_font) + 4 * s + bar_h + 4 * s
              + pacta_chart_font_line_height (context, &small_font);
  natural_h = MAX (natural_h, pacta_chart_font_line_height (context, &figure_font));
  card_h = natural_h + 2 * gap;
  shown = (guint) MAX (0, floor ((bottom - y + gap) / card_h));
  if (shown < n_rows && shown > 0)
    shown = (guint) MAX (0, floor ((bottom - y + gap - pacta_chart_font_line_height (context, &label_font)) / card_h));
  shown = MIN (shown, n_rows);
  layout->n_hidden = n_rows - shown;

  probe = pacta_chart_label_new (context, "100 %", &figure_font, 0, 1);
  figure_w = probe->width + 16 * s;
  pacta_chart_label_free (probe);

  for (guint r = 0; r < shown; r++)
    {
      const PactaChartRow *row = pacta_chart_data_get_row (data, r);
      PactaSummaryCard card;
      PactaChartLabel *figure, *title, *counts_label;
      g_autofree char *score = pacta_chart_format_percent (row->score);
      g_autofree char *counts_text = NULL;
      guint total = row->counts.covered + row->counts.partial + row->counts.missing + row->counts.not_applicable;
      double cy = y + r * card_h, x, text_x = pad + figure_w;
      double text_w = width - pad - text_x;

      card.row = r;
      card.card = (PactaChartRect) { pad, cy, width - 2 * pad, card_h - gap };

      figure = pacta_chart_label_new (context, score, &figure_font, 0, 1);
      pacta_chart_label_place (figure, pad + figure_w - 16 * s, cy + (card_h - gap) / 2, 1, 0.5, 0);
      g_ptr_array_add (layout->labels, figure);

      label_font.bold = TRUE;
      if (mixed && row->coverage != NULL)
        {
          /* Rows scored against different guidelines: say which. */
          PactaGuideline *guideline = pacta_coverage_get_guideline (row->coverage);
          g_autofree char *text = g_strdup_printf ("%s · %s", row->title,
                                                   pacta_guideline_get_short_title (guideline)
                                                     ? pacta_guideline_get_short_title (guideline)
                                                     : pacta_guideline_get_id (guideline));
          title = pacta_chart_label_new (context, text, &label_font, text_w, 1);
        }
      else
        title = pacta_chart_label_new (context, row->title, &label_font, text_w, 1);
      label_font.bold = FALSE;
      pacta_chart_label_place (title, text_x, cy + gap / 2, 0, 0, 0);
      g_ptr_array_add (layout->labels, title);

      card.bar = (PactaChartRect) { text_x, cy + gap / 2 + title->height + 4 * s, MAX (10, text_w), bar_h };
      x = card.bar.x;
      for (guint st = 0; st < 4 && total > 0; st++)
        {
          guint n = count_of (&row->counts, st);
          PactaBarSegment seg;

          if (n == 0)
            continue;
          seg.rect = (PactaChartRect) { x, card.bar.y, card.bar.width * n / total, bar_h };
          seg.panel = layout->cards->len;
          seg.category = 0;
          seg.status = st;
          seg.count = n;
          x += seg.rect.width;
          g_array_append_val (layout->segments, seg);
        }

      {
        GString *text = g_string_new (NULL);

        for (guint st = PACTA_FINDING_STATUS_COVERED; st <= PACTA_FINDING_STATUS_NOT_APPLICABLE; st++)
          {
            guint n = count_of (&row->counts, st);

            if (st == PACTA_FINDING_STATUS_NOT_APPLICABLE && n == 0)
              continue;
            g_string_append_printf (text, "%s%s %u %s", text->len ? "   " : "", pacta_finding_status_to_mark (st), n,
                                    pacta_chart_status_word (st));
          }
        counts_text = g_string_free (text, FALSE);
      }
      counts_label = pacta_chart_label_new (context, counts_text, &small_font, text_w, 1);
      counts_label->ink = PACTA_CHART_INK_MUTED;
      pacta_chart_label_place (counts_label, text_x, card.bar.y + bar_h + 4 * s, 0, 0, 0);
      g_ptr_array_add (layout->labels, counts_label);

      g_array_append_val (layout->cards, card);
    }

  if (layout->n_hidden > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("… and %u more agreement", "… and %u more agreements",
                                                         layout->n_hidden), layout->n_hidden);
      PactaChartLabel *more = pacta_chart_label_new (context, text, &label_font, width - 2 * pad, 1);

      more->ink = PACTA_CHART_INK_MUTED;
      pacta_chart_label_place (more, pad + figure_w, y + shown * card_h, 0, 0, 0);
      g_ptr_array_add (layout->labels, more);
    }

  pacta_chart_legend_place (layout->legend, pad, height - pad - legend_h, width - 2 * pad);
  return layout;
}

void
pacta_summary_paint (const PactaSummaryLayout *layout,
                     cairo_t                  *cr,
                     const PactaChartPalette  *palette)
{
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (PactaChartRect));

  cairo_save (cr);
  pacta_chart_set_source (cr, &palette->background);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_fill (cr);

  for (guint st = 0; st < 4; st++)
    {
      g_array_set_size (rects, 0);
      for (guint i = 0; i < layout->segments->len; i++)
        {
          const PactaBarSegment *seg = &g_array_index (layout->segments, PactaBarSegment, i);
          if (seg->status == st)
            g_array_append_val (rects, seg->rect);
        }
      pacta_chart_paint_status_rects (cr, palette, st, (PactaChartRect *) rects->data, rects->len, TRUE);
    }
  pacta_chart_set_source (cr, &palette->axis);
  cairo_set_line_width (cr, palette->line_width);
  for (guint i = 0; i < layout->cards->len; i++)
    {
      const PactaSummaryCard *card = &g_array_index (layout->cards, PactaSummaryCard, i);
      cairo_rectangle (cr, card->bar.x, card->bar.y, card->bar.width, card->bar.height);
    }
  cairo_stroke (cr);

  pacta_chart_labels_paint (layout->labels, cr, palette);
  pacta_chart_legend_paint (layout->legend, cr, palette);
  cairo_restore (cr);
}

gboolean
pacta_summary_hit_test (const PactaSummaryLayout *layout,
                        const PactaChartData     *data,
                        double                    x,
                        double                    y,
                        PactaChartHit            *hit)
{
  pacta_chart_hit_init (hit, PACTA_CHART_SUMMARY);

  for (guint i = 0; i < layout->segments->len; i++)
    {
      const PactaBarSegment *seg = &g_array_index (layout->segments, PactaBarSegment, i);
      const PactaSummaryCard *card;
      const PactaChartRow *row;
      guint total;

      if (!pacta_chart_rect_contains (&seg->rect, x, y))
        continue;
      card = &g_array_index (layout->cards, PactaSummaryCard, seg->panel);
      row = pacta_chart_data_get_row (data, card->row);
      total = row->counts.covered + row->counts.partial + row->counts.missing + row->counts.not_applicable;
      hit->row = (int) card->row;
      hit->status = seg->status;
      hit->bounds = seg->rect;
      hit->text = g_strdup_printf (_("%s\n%u %s of %u items"), row->title, seg->count,
                                   pacta_chart_status_word (seg->status), total);
      return TRUE;
    }
  for (guint i = 0; i < layout->cards->len; i++)
    {
      const PactaSummaryCard *card = &g_array_index (layout->cards, PactaSummaryCard, i);
      const PactaChartRow *row;
      g_autofree char *score = NULL;
      g_autofree char *counts = NULL;

      if (!pacta_chart_rect_contains (&card->card, x, y))
        continue;
      row = pacta_chart_data_get_row (data, card->row);
      score = pacta_chart_format_percent (row->score);
      counts = pacta_chart_describe_counts (&row->counts);
      hit->row = (int) card->row;
      hit->bounds = card->card;
      hit->text = g_strdup_printf (_("%s\nScore %s: %s"), row->title, score, counts);
      return TRUE;
    }
  return FALSE;
}

void
pacta_summary_natural_size (const PactaChartData    *data,
                            const PactaChartOptions *options,
                            double                  *width,
                            double                  *height)
{
  double s = options && options->font_scale > 0 ? options->font_scale : 1.0;

  *width = 760 * s;
  *height = s * (130 + 78 * MAX (1, pacta_chart_data_get_n_rows (data)));
}
