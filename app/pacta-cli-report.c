/* pacta-cli-report.c — pacta report: a PDF briefing, and the coverage matrix as CSV and JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-cli-report"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pacta-cli-private.h"
#include "pacta-coverage-matrix.h"
#include "pacta-matcher.h"
#include "pacta-output.h"
#include "pacta-report.h"

static void
fail (const char *message)
{
  fprintf (stderr, "pacta report: %s\n", message);
}

int
_pacta_cli_report (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE… -o BRIEF.pdf — write a PDF briefing"));
  g_auto(GStrv) guideline_args = NULL;
  g_autofree char *paper_arg = NULL;
  g_autofree char *output = NULL;
  g_autofree char *title = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *json_path = NULL;
  gboolean ignore_tags = FALSE;
  const GOptionEntry entries[] = {
    { "guideline", 'g', 0, G_OPTION_ARG_STRING_ARRAY, &guideline_args,
      N_("A bundled guideline id or a guideline file; repeatable. Default: the guidelines suggested for each "
         "agreement's kind"), "ID|FILE" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_arg, N_("a4 (default) or letter"), "PAPER" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The briefing's title"), "TEXT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PDF to write"), "BRIEF.pdf" },
    { "matrix-csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_path, N_("Also write the coverage matrix as CSV (as pacta check --format csv)"), "FILE" },
    { "matrix-json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, N_("Also write the coverage matrix as JSON (as pacta check --format json)"), "FILE" },
    { "ignore-tags", 0, 0, G_OPTION_ARG_NONE, &ignore_tags, N_("Ignore refersTo tags: judge by the text alone"), NULL },
    { NULL }
  };
  PactaPaper paper = PACTA_PAPER_A4;
  PactaChartFormat format;
  g_autoptr(GHashTable) bundled = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(PactaMatcher) matcher = pacta_matcher_new ();
  g_autoptr(PactaReport) report = pacta_report_new ();
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  const char *outputs[3];
  guint n_pages = 0;
  int failures = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Writes a briefing: a title page with the key points, the agreements covered, their\n"
                                  "scores, charts, and for each agreement the essential items missing or partial with\n"
                                  "the guideline's guidance, model wording and evidence. Nothing is written unless every\n"
                                  "file loads and the whole briefing renders."));
  if (!_pacta_cli_parse_options (context, &argc, &argv))
    return 2;

  if (output == NULL)
    {
      fail (_("name the PDF to write with -o BRIEF.pdf"));
      return 2;
    }
  if (!pacta_chart_format_from_path (output, &format) || format != PACTA_CHART_FORMAT_PDF)
    {
      g_autofree char *message = g_strdup_printf (_("the briefing is a PDF: name it .pdf, not %s"), output);
      fail (message);
      return 2;
    }
  if (paper_arg != NULL && !pacta_paper_from_string (paper_arg, &paper))
    {
      g_autofree char *message = g_strdup_printf (_("unknown paper “%s”: use a4 or letter"), paper_arg);
      fail (message);
      return 2;
    }
  if (argc < 2)
    {
      fail (_("name at least one agreement file"));
      return 2;
    }
  outputs[0] = output;
  outputs[1] = csv_path;
  outputs[2] = json_path;
  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    if (outputs[i] != NULL && !pacta_output_check_writable (outputs[i], &error))
      {
        fail (error->message);
        return 1;
      }

  bundled = _pacta_cli_load_bundled_guidelines ();
  for (guint i = 0; guideline_args && guideline_args[i]; i++)
    {
      PactaGuideline *guideline = _pacta_cli_find_guideline (bundled, guideline_args[i], &error);

      if (guideline == NULL)
        {
          fail (error->message);
          return 2;
        }
      g_ptr_array_add (chosen, guideline);
    }

  agreements = _pacta_cli_load_agreements (argv + 1, argc - 1, &failures);
  if (failures > 0)
    {
      fail (_("nothing written: fix the files above first"));
      return 1;
    }

  pacta_matcher_set_use_tags (matcher, !ignore_tags);
  for (guint i = 0; i < agreements->len; i++)
    {
      PactaAgreement *agreement = g_ptr_array_index (agreements, i);

      if (chosen->len > 0)
        for (guint g = 0; g < chosen->len; g++)
          {
            g_autoptr(PactaCoverage) coverage = pacta_matcher_check (matcher, agreement, g_ptr_array_index (chosen, g));
            pacta_report_add_coverage (report, coverage);
          }
      else
        {
          const char * const *ids = pacta_coverage_suggested_guidelines (pacta_agreement_get_kind (agreement));

          for (guint g = 0; ids[g]; g++)
            {
              PactaGuideline *guideline = g_hash_table_lookup (bundled, ids[g]);
              g_autoptr(PactaCoverage) coverage = NULL;

              if (guideline == NULL)
                continue;
              coverage = pacta_matcher_check (matcher, agreement, guideline);
              pacta_report_add_coverage (report, coverage);
            }
        }
    }

  pacta_report_set_paper (report, paper);
  pacta_report_set_title (report, title);
  pdf = pacta_report_render (report, &n_pages, &error);
  if (pdf == NULL)
    {
      fail (error->message);
      return 1;
    }
  if (csv_path)
    csv = pacta_coverage_matrix_to_csv (pacta_report_get_coverages (report), NULL);
  if (json_path)
    {
      g_autofree char *text = pacta_coverage_matrix_to_json (pacta_report_get_coverages (report), NULL);
      json = g_strconcat (text, "\n", NULL);
    }

  if (!pacta_output_write (output, pdf, &error) ||
      (csv && !pacta_output_write_string (csv_path, csv, &error)) ||
      (json && !pacta_output_write_string (json_path, json, &error)))
    {
      fail (error->message);
      return 1;
    }

  printf (ngettext ("%s: %u page\n", "%s: %u pages\n", n_pages), output, n_pages);
  return 0;
}
