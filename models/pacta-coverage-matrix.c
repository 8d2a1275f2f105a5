/* pacta-coverage-matrix.c — coverages as the JSON and CSV of pacta check and pacta report
 *
 * One serialisation for every place that exports the coverage matrix: `pacta check
 * --format json|csv`, `pacta report --matrix-json/--matrix-csv` and the window's exports.
 * The JSON is a stable interface for scripts (README, "pacta check"): a list with one
 * object per agreement and guideline. The CSV has one row per agreement and guideline and
 * one column per item of the guidelines used.
 *
 * Each coverage's file is its agreement's path (as given on the command line).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-coverage"

#include "config.h"

#include <string.h>

#include "pacta-coverage-matrix.h"

static const char *
file_of (PactaCoverage *coverage)
{
  const char *path = pacta_agreement_get_path (pacta_coverage_get_agreement (coverage));
  return path ? path : "";
}

JsonNode *
pacta_coverage_to_json_node (PactaCoverage *coverage,
                             const char    *file)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  PactaAgreement *agreement = pacta_coverage_get_agreement (coverage);
  PactaGuideline *guideline = pacta_coverage_get_guideline (coverage);
  GListModel *findings = pacta_coverage_get_findings (coverage);
  PactaCoverageCounts counts = pacta_coverage_get_counts (coverage);

  g_return_val_if_fail (PACTA_IS_COVERAGE (coverage), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, file ? file : file_of (coverage));
  json_builder_set_member_name (builder, "agreement");
  json_builder_add_string_value (builder, pacta_agreement_get_display_title (agreement));
  json_builder_set_member_name (builder, "guideline");
  json_builder_add_string_value (builder, pacta_guideline_get_id (guideline));
  json_builder_set_member_name (builder, "score");
  json_builder_add_double_value (builder, pacta_coverage_get_score (coverage));
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "covered");
  json_builder_add_int_value (builder, counts.covered);
  json_builder_set_member_name (builder, "partial");
  json_builder_add_int_value (builder, counts.partial);
  json_builder_set_member_name (builder, "missing");
  json_builder_add_int_value (builder, counts.missing);
  json_builder_set_member_name (builder, "not-applicable");
  json_builder_add_int_value (builder, counts.not_applicable);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(PactaFinding) finding = g_list_model_get_item (findings, i);
      PactaGuidelineItem *item = pacta_finding_get_item (finding);
      GPtrArray *evidence = pacta_finding_get_evidence (finding);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "item");
      json_builder_add_string_value (builder, pacta_guideline_item_get_slug (item));
      json_builder_set_member_name (builder, "level");
      json_builder_add_string_value (builder, pacta_item_level_to_string (pacta_guideline_item_get_level (item)));
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, pacta_finding_status_to_string (pacta_finding_get_status (finding)));
      json_builder_set_member_name (builder, "confidence");
      json_builder_add_double_value (builder, pacta_finding_get_confidence (finding));
      json_builder_set_member_name (builder, "origin");
      json_builder_add_string_value (builder, pacta_finding_origin_to_string (pacta_finding_get_origin (finding)));
      json_builder_set_member_name (builder, "evidence");
      json_builder_begin_array (builder);
      for (guint e = 0; e < evidence->len; e++)
        {
          PactaEvidence *ev = g_ptr_array_index (evidence, e);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "eId");
          json_builder_add_string_value (builder, ev->eid);
          json_builder_set_member_name (builder, "terms");
          json_builder_begin_array (builder);
          for (guint t = 0; ev->terms[t]; t++)
            json_builder_add_string_value (builder, ev->terms[t]);
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* @coverages: PactaCoverage, in output order; @files: (nullable): what to call each one's file
 * (for agreements that have no path, such as a library's "#12"), else their paths.
 * Returns: pretty-printed JSON, no final newline */
char *
pacta_coverage_matrix_to_json (GPtrArray          *coverages,
                               const char * const *files)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < coverages->len; i++)
    json_builder_add_value (builder, pacta_coverage_to_json_node (g_ptr_array_index (coverages, i),
                                                                  files ? files[i] : NULL));
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
csv_field (GString    *out,
           const char *value)
{
  gboolean quote = value && strpbrk (value, ",\"\n") != NULL;

  if (!quote)
    {
      g_string_append (out, value ? value : "");
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* One row per agreement and guideline; one column per item of the guidelines used. @files
 * as for pacta_coverage_matrix_to_json(). Returns: the CSV text, ending with a newline */
char *
pacta_coverage_matrix_to_csv (GPtrArray          *coverages,
                              const char * const *files)
{
  g_autoptr(GPtrArray) slugs = g_ptr_array_new ();
  GString *out = g_string_new ("file,agreement,guideline,score");

  for (guint i = 0; i < coverages->len; i++)
    {
      GListModel *findings = pacta_coverage_get_findings (g_ptr_array_index (coverages, i));

      for (guint f = 0; f < g_list_model_get_n_items (findings); f++)
        {
          g_autoptr(PactaFinding) finding = g_list_model_get_item (findings, f);
          const char *slug = pacta_guideline_item_get_slug (pacta_finding_get_item (finding));

          if (!g_ptr_array_find_with_equal_func (slugs, slug, g_str_equal, NULL))
            g_ptr_array_add (slugs, (gpointer) slug);
        }
    }
  for (guint s = 0; s < slugs->len; s++)
    {
      g_string_append_c (out, ',');
      csv_field (out, g_ptr_array_index (slugs, s));
    }
  g_string_append_c (out, '\n');

  for (guint i = 0; i < coverages->len; i++)
    {
      PactaCoverage *coverage = g_ptr_array_index (coverages, i);
      char score[G_ASCII_DTOSTR_BUF_SIZE];

      csv_field (out, files ? files[i] : file_of (coverage));
      g_string_append_c (out, ',');
      csv_field (out, pacta_agreement_get_display_title (pacta_coverage_get_agreement (coverage)));
      g_string_append_c (out, ',');
      csv_field (out, pacta_guideline_get_id (pacta_coverage_get_guideline (coverage)));
      g_string_append_c (out, ',');
      /* A dot whatever the locale: the file is for machines. */
      g_string_append (out, g_ascii_formatd (score, sizeof score, "%.3f", pacta_coverage_get_score (coverage)));
      for (guint s = 0; s < slugs->len; s++)
        {
          PactaFinding *finding = pacta_coverage_lookup (coverage, g_ptr_array_index (slugs, s));

          g_string_append_c (out, ',');
          if (finding != NULL)
            g_string_append (out, pacta_finding_status_to_string (pacta_finding_get_status (finding)));
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
