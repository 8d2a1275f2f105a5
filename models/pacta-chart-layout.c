/* pacta-chart-layout.c — what every chart's layout shares: options, fonts, header, hits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pacta-chart-layout.h"

void
pacta_chart_options_init (PactaChartOptions *options)
{
  memset (options, 0, sizeof *options);
  options->font_scale = 1.0;
  options->row_order = PACTA_CHART_ORDER_INPUT;
  options->column_order = PACTA_CHART_ORDER_INPUT;
}

static double
scale_of (const PactaChartOptions *options)
{
  return options && options->font_scale > 0 ? options->font_scale : 1.0;
}

PactaChartFont
pacta_chart_font (const PactaChartOptions *options,
                  PactaChartTextRole       role)
{
  PactaChartFont font = { options ? options->font_family : NULL, 12, FALSE, FALSE };
  double s = scale_of (options);

  switch (role)
    {
    case PACTA_CHART_TEXT_TITLE:
      font.size = 17 * s;
      font.bold = TRUE;
      break;
    case PACTA_CHART_TEXT_SUBTITLE:
      font.size = 12.5 * s;
      break;
    case PACTA_CHART_TEXT_SMALL:
      font.size = 10.5 * s;
      break;
    case PACTA_CHART_TEXT_FIGURE:
      font.size = 30 * s;
      font.bold = TRUE;
      break;
    case PACTA_CHART_TEXT_LABEL:
    default:
      font.size = 12 * s;
      break;
    }
  return font;
}

double
pacta_chart_padding (const PactaChartOptions *options)
{
  return 14 * scale_of (options);
}

/* Adds the title and subtitle labels, left-aligned at the top; returns where the chart
 * below them may start. An empty (not NULL) title in the options leaves the header out. */
double
pacta_chart_layout_header (PangoContext            *context,
                           const PactaChartOptions *options,
                           const char              *title,
                           const char              *subtitle,
                           double                   width,
                           GPtrArray               *labels)
{
  double pad = pacta_chart_padding (options);
  double y = pad;
  PactaChartFont font;

  if (options && options->title)
    title = options->title;
  if (options && options->subtitle)
    subtitle = options->subtitle;

  if (title && title[0])
    {
      PactaChartLabel *label;

      font = pacta_chart_font (options, PACTA_CHART_TEXT_TITLE);
      label = pacta_chart_label_new (context, title, &font, width - 2 * pad, 2);
      pacta_chart_label_place (label, pad, y, 0, 0, 0);
      g_ptr_array_add (labels, label);
      y += label->height + 2 * scale_of (options);
    }
  if (subtitle && subtitle[0])
    {
      PactaChartLabel *label;

      font = pacta_chart_font (options, PACTA_CHART_TEXT_SUBTITLE);
      label = pacta_chart_label_new (context, subtitle, &font, width - 2 * pad, 2);
      label->ink = PACTA_CHART_INK_MUTED;
      pacta_chart_label_place (label, pad, y, 0, 0, 0);
      g_ptr_array_add (labels, label);
      y += label->height;
    }
  return y + (y > pad ? pad * 0.8 : 0);
}

/* Covered, partial, missing (and not applicable), with their words. */
PactaChartLegend *
pacta_chart_status_legend (PangoContext            *context,
                           const PactaChartOptions *options,
                           gboolean                 with_not_applicable)
{
  PactaChartFont font = pacta_chart_font (options, PACTA_CHART_TEXT_LABEL);
  PactaChartLegend *legend = pacta_chart_legend_new (font.size * 1.15);
  guint last = with_not_applicable ? PACTA_FINDING_STATUS_NOT_APPLICABLE : PACTA_FINDING_STATUS_MISSING;

  for (guint s = PACTA_FINDING_STATUS_COVERED; s <= last; s++)
    pacta_chart_legend_add (legend, PACTA_CHART_SWATCH_STATUS, s,
                            pacta_chart_label_new (context, pacta_finding_status_to_label (s), &font, 0, 1));
  return legend;
}

void
pacta_chart_hit_init (PactaChartHit  *hit,
                      PactaChartType  type)
{
  memset (hit, 0, sizeof *hit);
  hit->type = type;
  hit->row = hit->item = hit->category = hit->status = -1;
}

void
pacta_chart_hit_clear (PactaChartHit *hit)
{
  g_clear_pointer (&hit->text, g_free);
}

/* "72 %", with the spacing the locale's translators choose. */
char *
pacta_chart_format_percent (double share)
{
  /* Translators: a percentage in charts; %.0f is the number. The space is a no-break space,
   * so the sign never starts a line of its own. */
  return g_strdup_printf (_("%.0f\u00a0%%"), round (share * 100));
}

/* The status as a word inside a sentence: "covered", "partial", "missing", "not applicable". */
const char *
pacta_chart_status_word (int status)
{
  switch (status)
    {
    case PACTA_FINDING_STATUS_COVERED:
      return C_("status", "covered");
    case PACTA_FINDING_STATUS_PARTIAL:
      return C_("status", "partial");
    case PACTA_FINDING_STATUS_MISSING:
      return C_("status", "missing");
    case PACTA_FINDING_STATUS_NOT_APPLICABLE:
      return C_("status", "not applicable");
    default:
      return C_("status", "not checked");
    }
}

/* "3 covered, 1 partial, 2 missing" (and not applicable when there are any). */
char *
pacta_chart_describe_counts (const PactaCoverageCounts *counts)
{
  GString *out = g_string_new (NULL);

  /* Translators: counts of guideline items by status, joined by ", " */
  g_string_append_printf (out, _("%u covered, %u partial, %u missing"), counts->covered, counts->partial,
                          counts->missing);
  if (counts->not_applicable)
    g_string_append_printf (out, _(", %u not applicable"), counts->not_applicable);
  return g_string_free (out, FALSE);
}
