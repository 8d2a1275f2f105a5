/* pacta-cli-chart.c — pacta chart: coverage drawn as PNG, SVG or PDF, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-cli-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pacta-chart.h"
#include "pacta-cli-private.h"
#include "pacta-matcher.h"
#include "pacta-output.h"

/* The guideline suggested first for the kind most of @agreements share (the first
 * agreement's kind breaks ties). */
const char *
_pacta_cli_default_guideline (GPtrArray *agreements)
{
  guint votes[PACTA_AGREEMENT_KIND_MULTILATERAL + 1] = { 0 };
  PactaAgreementKind best;

  if (agreements->len == 0)
    return "ss-coord";
  best = pacta_agreement_get_kind (g_ptr_array_index (agreements, 0));
  for (guint i = 0; i < agreements->len; i++)
    votes[pacta_agreement_get_kind (g_ptr_array_index (agreements, i))]++;
  for (guint k = 0; k < G_N_ELEMENTS (votes); k++)
    if (votes[k] > votes[best])
      best = (PactaAgreementKind) k;
  return pacta_coverage_suggested_guidelines (best)[0];
}

static void
fail (const char *message)
{
  fprintf (stderr, "pacta chart: %s\n", message);
}

int
_pacta_cli_chart (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE… -o OUT.png|OUT.svg|OUT.pdf — draw coverage as a chart"));
  g_autofree char *type_arg = NULL;
  g_autofree char *guideline_arg = NULL;
  g_autofree char *theme_arg = NULL;
  g_autofree char *output = NULL;
  g_autofree char *title = NULL;
  g_autofree char *rows_arg = NULL;
  g_autofree char *columns_arg = NULL;
  g_autofree char *transposed_subtitle = NULL;
  gboolean reverse = FALSE, counts = FALSE, ignore_tags = FALSE, transpose = FALSE;
  gboolean own_guidelines;
  double width = 0, height = 0, scale = 1.0;
  const GOptionEntry entries[] = {
    { "type", 't', 0, G_OPTION_ARG_STRING, &type_arg, N_("bars, radar, heatmap, timeline or summary"), "TYPE" },
    { "guideline", 'g', 0, G_OPTION_ARG_STRING, &guideline_arg,
      N_("A bundled guideline id or a guideline file. Default: ilo-c102 for the radar; for the timeline and the "
         "summary, each agreement's own first suggested guideline; otherwise the guideline suggested for most of "
         "the agreements' kind"), "ID|FILE" },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme_arg, N_("light (default), dark or high-contrast"), "THEME" },
    { "width", 'W', 0, G_OPTION_ARG_DOUBLE, &width, N_("Width in pixels (points for SVG and PDF); default: the chart's natural size"), "W" },
    { "height", 'H', 0, G_OPTION_ARG_DOUBLE, &height, N_("Height in pixels (points for SVG and PDF)"), "H" },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, N_("Text size factor, e.g. 1.5 for a projector (default 1)"), "FACTOR" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The chart's title instead of its own; \"\" for none"), "TEXT" },
    { "sort-rows", 0, 0, G_OPTION_ARG_STRING, &rows_arg, N_("Heatmap rows: input (default), name, score, year or cluster"), "ORDER" },
    { "sort-columns", 0, 0, G_OPTION_ARG_STRING, &columns_arg, N_("Heatmap columns: input (guideline order), name, score or cluster"), "ORDER" },
    { "reverse", 0, 0, G_OPTION_ARG_NONE, &reverse, N_("Turn the heatmap's orders round"), NULL },
    { "transpose", 0, 0, G_OPTION_ARG_NONE, &transpose, N_("Heatmap: items down, agreements across"), NULL },
    { "counts", 0, 0, G_OPTION_ARG_NONE, &counts, N_("Bars: numbers of items instead of shares of each category"), NULL },
    { "ignore-tags", 0, 0, G_OPTION_ARG_NONE, &ignore_tags, N_("Ignore refersTo tags: judge by the text alone"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write; its extension chooses the format"), "OUT" },
    { NULL }
  };
  PactaChartType type;
  PactaChartTheme theme = PACTA_CHART_THEME_LIGHT;
  PactaChartFormat format;
  PactaChartOptions options;
  g_autoptr(GHashTable) bundled = NULL;
  g_autoptr(PactaGuideline) guideline = NULL;
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GPtrArray) coverages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PactaMatcher) matcher = pacta_matcher_new ();
  g_autoptr(PactaChartData) data = NULL;
  g_autoptr(PactaChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  int failures = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Holds the agreements against one guideline and draws the result:\n"
                                  "  bars      coverage by category, agreements side by side\n"
                                  "  radar     one axis per item (the nine ILO C102 branches), agreements overlaid\n"
                                  "  heatmap   agreements × items\n"
                                  "  timeline  agreements by year of signature, coloured by score\n"
                                  "  summary   score and counts per agreement\n"
                                  "Nothing is written unless every file loads and the whole chart renders."));
  pacta_chart_options_init (&options);
  if (!_pacta_cli_parse_options (context, &argc, &argv))
    return 2;

  if (type_arg == NULL)
    {
      fail (_("say which chart with --type bars|radar|heatmap|timeline|summary"));
      return 2;
    }
  if (!pacta_chart_type_from_string (type_arg, &type))
    {
      g_autofree char *message = g_strdup_printf (_("unknown chart type “%s”: use bars, radar, heatmap, timeline or summary"), type_arg);
      fail (message);
      return 2;
    }
  if (output == NULL)
    {
      fail (_("name the file to write with -o OUT.png, OUT.svg or OUT.pdf"));
      return 2;
    }
  if (!pacta_chart_format_from_path (output, &format))
    {
      g_autofree char *message = g_strdup_printf (_("cannot tell the format of %s: name it .png, .svg or .pdf"), output);
      fail (message);
      return 2;
    }
  if (theme_arg != NULL && !pacta_chart_theme_from_string (theme_arg, &theme))
    {
      g_autofree char *message = g_strdup_printf (_("unknown theme “%s”: use light, dark or high-contrast"), theme_arg);
      fail (message);
      return 2;
    }
  if ((rows_arg && (!pacta_chart_order_from_string (rows_arg, &options.row_order))) ||
      (columns_arg && (!pacta_chart_order_from_string (columns_arg, &options.column_order) ||
                       options.column_order == PACTA_CHART_ORDER_YEAR)))
    {
      fail (_("--sort-rows takes input, name, score, year or cluster; --sort-columns input, name, score or cluster"));
      return 2;
    }
  if (width < 0 || height < 0 || (width > 0 && (width < 16 || width > 20000)) || (height > 0 && (height < 16 || height > 20000)))
    {
      fail (_("--width and --height must be between 16 and 20000"));
      return 2;
    }
  if (scale < 0.25 || scale > 8)
    {
      fail (_("--scale must be between 0.25 and 8"));
      return 2;
    }
  if (argc < 2)
    {
      fail (_("name at least one agreement file"));
      return 2;
    }
  /* Fail before any work when the output cannot be written. */
  if (!pacta_output_check_writable (output, &error))
    {
      fail (error->message);
      return 1;
    }

  bundled = _pacta_cli_load_bundled_guidelines ();
  agreements = _pacta_cli_load_agreements (argv + 1, argc - 1, &failures);
  if (failures > 0)
    {
      fail (_("nothing written: fix the files above first"));
      return 1;
    }

  guideline = _pacta_cli_find_guideline (bundled, guideline_arg ? guideline_arg
                                                  : type == PACTA_CHART_RADAR ? "ilo-c102"
                                                  : _pacta_cli_default_guideline (agreements), &error);
  if (guideline == NULL)
    {
      fail (error->message);
      return 2;
    }
  if (type == PACTA_CHART_RADAR && (pacta_guideline_get_n_items (guideline) < 3 || pacta_guideline_get_n_items (guideline) > 16))
    {
      g_autofree char *message = g_strdup_printf (_("a radar needs a guideline of 3 to 16 items; %s has %u (try --guideline ilo-c102)"),
                                                  pacta_guideline_get_id (guideline), pacta_guideline_get_n_items (guideline));
      fail (message);
      return 2;
    }

  /* A timeline or summary of agreements of several kinds scores each against its own
   * guideline, unless one is named. */
  own_guidelines = guideline_arg == NULL && (type == PACTA_CHART_TIMELINE || type == PACTA_CHART_SUMMARY);
  pacta_matcher_set_use_tags (matcher, !ignore_tags);
  for (guint i = 0; i < agreements->len; i++)
    {
      PactaAgreement *agreement = g_ptr_array_index (agreements, i);
      PactaGuideline *own = NULL;

      if (own_guidelines)
        own = g_hash_table_lookup (bundled, pacta_coverage_suggested_guidelines (pacta_agreement_get_kind (agreement))[0]);
      g_ptr_array_add (coverages, pacta_matcher_check (matcher, agreement, own ? own : guideline));
    }

  data = pacta_chart_data_new_from_coverages ((PactaCoverage * const *) coverages->pdata, coverages->len);
  if (own_guidelines)
    for (guint i = 1; i < coverages->len; i++)
      if (pacta_coverage_get_guideline (g_ptr_array_index (coverages, i)) != pacta_coverage_get_guideline (g_ptr_array_index (coverages, 0)))
        {
          options.subtitle = _("Each agreement scored against the guideline suggested for its kind");
          break;
        }
  if (transpose && type == PACTA_CHART_HEATMAP)
    {
      PactaChartData *transposed = pacta_chart_data_transpose (data);

      pacta_chart_data_unref (data);
      data = transposed;
      transposed_subtitle = g_strdup_printf (_("%s · items down, agreements across; right: share of agreements covering the item"),
                                             pacta_chart_data_get_guideline_title (transposed));
      options.subtitle = transposed_subtitle;
    }
  chart = pacta_chart_new (type, data);
  options.title = title;
  options.font_scale = scale;
  options.reverse = reverse;
  options.counts = counts;
  pacta_chart_set_options (chart, &options);
  if (width <= 0 || height <= 0)
    {
      double natural_w, natural_h;

      pacta_chart_get_natural_size (chart, &natural_w, &natural_h);
      if (width <= 0)
        width = natural_w;
      if (height <= 0)
        height = pacta_chart_measure_height (chart, width, natural_h);
    }

  if (!pacta_chart_export (chart, output, width, height, pacta_chart_palette_get (theme), &error))
    {
      fail (error->message);
      return 1;
    }
  return 0;
}
