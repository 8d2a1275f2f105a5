/* pacta-cli-compare.c — pacta compare A B [--format text|json|html] [-o FILE]
 *
 * The JSON is a documented interface (README, "pacta compare"):
 *   {"a", "b", "pairs": [{"a", "b", "kind": "same|changed|moved", "inserted", "deleted"}],
 *    "splits": [{"a", "b": [...]}], "merges": [{"a": [...], "b"}], "added", "removed"}
 * with eIds at article level, plus extra fields (scores, numbers, headings, summary).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-cli-compare"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "pacta-akn-reader.h"
#include "pacta-cli-private.h"
#include "pacta-data.h"
#include "pacta-guideline-reader.h"
#include "pacta-model-agreement.h"
#include "pacta-compare-report.h"
#include "pacta-comparison.h"

static const char *
unit_eid (PactaAlignment *row,
          PactaSide       side,
          guint           index)
{
  const char *eid = pacta_provision_get_eid (pacta_alignment_get_unit (row, side, index));

  return eid ? eid : "";
}

static void
add_eids (JsonBuilder    *builder,
          PactaAlignment *row,
          PactaSide       side)
{
  json_builder_begin_array (builder);
  for (guint k = 0; k < pacta_alignment_get_n_units (row, side); k++)
    json_builder_add_string_value (builder, unit_eid (row, side, k));
  json_builder_end_array (builder);
}

static void
add_nums (JsonBuilder    *builder,
          const char     *member,
          PactaAlignment *row,
          PactaSide       side)
{
  guint n = pacta_alignment_get_n_units (row, side);

  json_builder_set_member_name (builder, member);
  if (n == 1)
    {
      const char *num = pacta_provision_get_num (pacta_alignment_get_unit (row, side, 0));

      if (num)
        json_builder_add_string_value (builder, num);
      else
        json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_array (builder);
  for (guint k = 0; k < n; k++)
    {
      const char *num = pacta_provision_get_num (pacta_alignment_get_unit (row, side, k));

      if (num)
        json_builder_add_string_value (builder, num);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_array (builder);
}

static void
add_row_details (JsonBuilder    *builder,
                 PactaAlignment *row)
{
  const char *heading = NULL;

  json_builder_set_member_name (builder, "inserted");
  json_builder_add_int_value (builder, pacta_alignment_get_inserted (row));
  json_builder_set_member_name (builder, "deleted");
  json_builder_add_int_value (builder, pacta_alignment_get_deleted (row));
  json_builder_set_member_name (builder, "changed");
  json_builder_add_boolean_value (builder, pacta_alignment_get_changed (row));
  json_builder_set_member_name (builder, "moved");
  json_builder_add_boolean_value (builder, pacta_alignment_get_moved (row));
  /* the aligner's score, as a percentage (0 for additions and removals) */
  json_builder_set_member_name (builder, "similarity");
  json_builder_add_int_value (builder, (gint64) (pacta_alignment_get_score (row) * 100 + 0.5));
  add_nums (builder, "aNum", row, PACTA_SIDE_A);
  add_nums (builder, "bNum", row, PACTA_SIDE_B);
  if (pacta_alignment_get_n_units (row, PACTA_SIDE_B))
    heading = pacta_provision_get_heading (pacta_alignment_get_unit (row, PACTA_SIDE_B, 0));
  if (heading == NULL && pacta_alignment_get_n_units (row, PACTA_SIDE_A))
    heading = pacta_provision_get_heading (pacta_alignment_get_unit (row, PACTA_SIDE_A, 0));
  if (heading)
    {
      json_builder_set_member_name (builder, "heading");
      json_builder_add_string_value (builder, heading);
    }
}

static JsonNode *
comparison_to_json (PactaComparison *comparison,
                    const char      *path_a,
                    const char      *path_b)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) by_a = pacta_comparison_list_by_position (comparison, PACTA_SIDE_A);
  g_autoptr(GPtrArray) by_b = pacta_comparison_list_by_position (comparison, PACTA_SIDE_B);
  PactaComparisonSummary s;
  PactaDiffFlags flags = pacta_comparison_get_flags (comparison);

  pacta_comparison_get_summary (comparison, &s);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "a");
  json_builder_add_string_value (builder, path_a);
  json_builder_set_member_name (builder, "b");
  json_builder_add_string_value (builder, path_b);
  json_builder_set_member_name (builder, "aTitle");
  json_builder_add_string_value (builder, pacta_agreement_get_display_title (pacta_comparison_get_agreement (comparison, PACTA_SIDE_A)));
  json_builder_set_member_name (builder, "bTitle");
  json_builder_add_string_value (builder, pacta_agreement_get_display_title (pacta_comparison_get_agreement (comparison, PACTA_SIDE_B)));

  json_builder_set_member_name (builder, "pairs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < by_a->len; i++)
    {
      PactaAlignment *row = g_ptr_array_index (by_a, i);

      if (!pacta_alignment_is_pair (row))
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "a");
      json_builder_add_string_value (builder, unit_eid (row, PACTA_SIDE_A, 0));
      json_builder_set_member_name (builder, "b");
      json_builder_add_string_value (builder, unit_eid (row, PACTA_SIDE_B, 0));
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, pacta_alignment_kind_to_string (pacta_alignment_get_kind (row)));
      add_row_details (builder, row);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "splits");
  json_builder_begin_array (builder);
  for (guint i = 0; i < by_a->len; i++)
    {
      PactaAlignment *row = g_ptr_array_index (by_a, i);

      if (pacta_alignment_get_kind (row) != PACTA_ALIGNMENT_SPLIT)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "a");
      json_builder_add_string_value (builder, unit_eid (row, PACTA_SIDE_A, 0));
      json_builder_set_member_name (builder, "b");
      add_eids (builder, row, PACTA_SIDE_B);
      add_row_details (builder, row);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "merges");
  json_builder_begin_array (builder);
  for (guint i = 0; i < by_a->len; i++)
    {
      PactaAlignment *row = g_ptr_array_index (by_a, i);

      if (pacta_alignment_get_kind (row) != PACTA_ALIGNMENT_MERGE)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "a");
      add_eids (builder, row, PACTA_SIDE_A);
      json_builder_set_member_name (builder, "b");
      json_builder_add_string_value (builder, unit_eid (row, PACTA_SIDE_B, 0));
      add_row_details (builder, row);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "added");
  json_builder_begin_array (builder);
  for (guint i = 0; i < by_b->len; i++)
    {
      PactaAlignment *row = g_ptr_array_index (by_b, i);

      if (pacta_alignment_get_kind (row) == PACTA_ALIGNMENT_ADDED)
        json_builder_add_string_value (builder, unit_eid (row, PACTA_SIDE_B, 0));
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "removed");
  json_builder_begin_array (builder);
  for (guint i = 0; i < by_a->len; i++)
    {
      PactaAlignment *row = g_ptr_array_index (by_a, i);

      if (pacta_alignment_get_kind (row) == PACTA_ALIGNMENT_REMOVED)
        json_builder_add_string_value (builder, unit_eid (row, PACTA_SIDE_A, 0));
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "summary");
  json_builder_begin_object (builder);
#define MEMBER(name, value) G_STMT_START { json_builder_set_member_name (builder, name); \
                                           json_builder_add_int_value (builder, value); } G_STMT_END
  MEMBER ("same", s.same);
  MEMBER ("changed", s.changed);
  MEMBER ("moved", s.moved);
  MEMBER ("split", s.split);
  MEMBER ("merged", s.merged);
  MEMBER ("added", s.added);
  MEMBER ("removed", s.removed);
  MEMBER ("inserted", s.words_inserted);
  MEMBER ("deleted", s.words_deleted);
  MEMBER ("wordsAdded", s.words_added);
  MEMBER ("wordsRemoved", s.words_removed);
#undef MEMBER
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "ignore");
  json_builder_begin_array (builder);
  if (flags & PACTA_DIFF_IGNORE_NUMBERING)
    json_builder_add_string_value (builder, "numbering");
  if (flags & PACTA_DIFF_IGNORE_CASE)
    json_builder_add_string_value (builder, "case");
  if (flags & PACTA_DIFF_IGNORE_PUNCTUATION)
    json_builder_add_string_value (builder, "punctuation");
  if (flags & PACTA_DIFF_IGNORE_WHITESPACE)
    json_builder_add_string_value (builder, "whitespace");
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
append_text_row (GString         *out,
                 PactaComparison *comparison,
                 PactaAlignment  *row,
                 gboolean         redline)
{
  g_autofree char *label_a = pacta_alignment_dup_label (row, PACTA_SIDE_A);
  g_autofree char *label_b = pacta_alignment_dup_label (row, PACTA_SIDE_B);
  g_autofree char *sides = g_strdup_printf ("%s → %s", label_a ? label_a : "—", label_b ? label_b : "—");
  PactaAlignmentKind kind = pacta_alignment_get_kind (row);
  g_autofree char *kind_label = NULL;
  const char *heading = NULL;
  guint ins = pacta_alignment_get_inserted (row);
  guint del = pacta_alignment_get_deleted (row);
  int pad;

  if (kind == PACTA_ALIGNMENT_MOVED && pacta_alignment_get_changed (row))
    kind_label = g_strdup_printf ("%s, %s", pacta_alignment_kind_to_label (kind), _("changed"));
  else
    kind_label = g_strdup (pacta_alignment_kind_to_label (kind));
  for (int side = PACTA_SIDE_B; side >= PACTA_SIDE_A && !heading; side--)
    if (pacta_alignment_get_n_units (row, side))
      heading = pacta_provision_get_heading (pacta_alignment_get_unit (row, side, 0));

  pad = 38 - (int) g_utf8_strlen (sides, -1);
  g_string_append_printf (out, "  %s%*s %-16s %s", sides, MAX (pad, 0), "", kind_label, heading ? heading : "");
  if (ins && del)
    g_string_append_printf (out, "  (+%u −%u)", ins, del);
  else if (ins)
    g_string_append_printf (out, "  (+%u)", ins);
  else if (del)
    g_string_append_printf (out, "  (−%u)", del);
  g_string_append_c (out, '\n');

  if (redline && kind != PACTA_ALIGNMENT_SAME)
    {
      g_autofree char *text = pacta_comparison_dup_redline_text (comparison, row);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      for (guint i = 0; lines[i]; i++)
        g_string_append_printf (out, "      %s\n", lines[i]);
      g_string_append_c (out, '\n');
    }
}

static char *
comparison_to_text (PactaComparison *comparison,
                    const char      *path_a,
                    const char      *path_b,
                    gboolean         redline,
                    gboolean         changes_only)
{
  GString *out = g_string_new (NULL);
  g_autofree char *summary = pacta_comparison_dup_summary_label (comparison);
  g_autofree char *filters = pacta_comparison_dup_filters_label (pacta_comparison_get_flags (comparison));
  GListModel *rows = G_LIST_MODEL (comparison);

  g_string_append_printf (out, "A: %s (%s)\n", pacta_agreement_get_display_title (pacta_comparison_get_agreement (comparison, PACTA_SIDE_A)), path_a);
  g_string_append_printf (out, "B: %s (%s)\n", pacta_agreement_get_display_title (pacta_comparison_get_agreement (comparison, PACTA_SIDE_B)), path_b);
  g_string_append_printf (out, "%s %s\n", _("Summary:"), summary);
  if (filters)
    g_string_append_printf (out, "%s %s\n", _("Ignored:"), filters);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PactaAlignment) row = g_list_model_get_item (rows, i);

      if (changes_only && pacta_alignment_get_kind (row) == PACTA_ALIGNMENT_SAME)
        continue;
      append_text_row (out, comparison, row, redline);
    }
  return g_string_free (out, FALSE);
}

static gboolean
write_output (const char  *output,
              const char  *text,
              GError     **error)
{
  if (output == NULL || g_str_equal (output, "-"))
    {
      fputs (text, stdout);
      return fflush (stdout) == 0;
    }
  return g_file_set_contents (output, text, -1, error);
}

static PactaAgreement *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  PactaAgreement *agreement = pacta_akn_load_file (path, &error);

  if (agreement == NULL)
    fprintf (stderr, "%s\n", error->message);
  return agreement;
}

/* A bundled guideline by id, or a guideline file. */
static PactaGuideline *
load_guideline (const char *id_or_file)
{
  g_autoptr(GPtrArray) paths = pacta_data_list_files ("guidelines");
  g_autoptr(GError) error = NULL;
  PactaGuideline *guideline;

  if (g_file_test (id_or_file, G_FILE_TEST_EXISTS))
    {
      guideline = pacta_guideline_load_file (id_or_file, &error);
      if (guideline == NULL)
        fprintf (stderr, "%s\n", error->message);
      return guideline;
    }
  for (guint i = 0; i < paths->len; i++)
    {
      guideline = pacta_guideline_load_file (g_ptr_array_index (paths, i), NULL);
      if (guideline != NULL && g_strcmp0 (pacta_guideline_get_id (guideline), id_or_file) == 0)
        return guideline;
      g_clear_object (&guideline);
    }
  fprintf (stderr, "pacta compare: %s\n", _("no bundled guideline has that id"));
  return NULL;
}

int
_pacta_cli_run_compare (int    argc,
                        char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("A B — align two agreements and show what changed"));
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  gboolean ignore_numbering = FALSE, ignore_case = FALSE, ignore_punctuation = FALSE;
  gboolean ignore_whitespace = TRUE, redline = FALSE, changes_only = FALSE;
  g_autofree char *model = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: text (default), json or html"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), "FILE" },
    { "ignore-numbering", 0, 0, G_OPTION_ARG_NONE, &ignore_numbering, N_("Ignore paragraph labels and the numbers in cross-references"), NULL },
    { "ignore-case", 0, 0, G_OPTION_ARG_NONE, &ignore_case, N_("Ignore differences of case"), NULL },
    { "ignore-punctuation", 0, 0, G_OPTION_ARG_NONE, &ignore_punctuation, N_("Ignore punctuation"), NULL },
    { "ignore-whitespace", 0, 0, G_OPTION_ARG_NONE, &ignore_whitespace, N_("Ignore white space (the default)"), NULL },
    { "exact-whitespace", 0, G_OPTION_FLAG_REVERSE, G_OPTION_ARG_NONE, &ignore_whitespace, N_("Count changes of white space and line breaks"), NULL },
    { "redline", 'r', 0, G_OPTION_ARG_NONE, &redline, N_("Text format: show each change's words, [-deleted-] and {+inserted+}"), NULL },
    { "changes", 'c', 0, G_OPTION_ARG_NONE, &changes_only, N_("Text format: list changed rows only"), NULL },
    { "model", 'm', 0, G_OPTION_ARG_STRING, &model, N_("Compare A with the model clauses of a guideline (a bundled id or a guideline file) instead of B"), "ID|FILE" },
    { NULL }
  };
  g_autoptr(PactaAgreement) a = NULL;
  g_autoptr(PactaAgreement) b = NULL;
  g_autoptr(PactaComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *b_name = NULL;
  PactaDiffFlags flags = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Aligns the articles of A (the older text) and B (the newer) by meaning, whatever\n"
                                  "their numbers, and diffs the words of each pair. Rows are same, changed, moved,\n"
                                  "split, merged, added or removed. Unreadable input is reported as\n"
                                  "FILE:LINE:COLUMN: MESSAGE with exit status 1."));
  if (!_pacta_cli_parse_options (context, &argc, &argv))
    return 2;
  if (model == NULL && argc != 3)
    {
      fprintf (stderr, "pacta compare: %s\n", _("name exactly two agreements, A and B"));
      return 2;
    }
  if (model != NULL && argc != 2)
    {
      fprintf (stderr, "pacta compare: %s\n", _("with --model, name exactly one agreement"));
      return 2;
    }
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json") &&
      !g_str_equal (format, "html"))
    {
      fprintf (stderr, "pacta compare: %s\n", _("--format must be text, json or html"));
      return 2;
    }

  a = load (argv[1]);
  if (model != NULL)
    {
      g_autoptr(PactaGuideline) guideline = load_guideline (model);

      if (guideline == NULL)
        return 1;
      b = pacta_model_agreement_new (guideline);
      if (a != NULL)
        {
          PactaAgreement *tagged = pacta_model_agreement_tag_copy (a, guideline);
          g_object_unref (a);
          a = tagged;
        }
      b_name = g_strdup_printf ("model:%s", pacta_guideline_get_id (guideline));
    }
  else
    {
      b = load (argv[2]);
      b_name = g_strdup (argv[2]);
    }
  if (a == NULL || b == NULL)
    return 1;

  if (ignore_numbering)
    flags |= PACTA_DIFF_IGNORE_NUMBERING;
  if (ignore_case)
    flags |= PACTA_DIFF_IGNORE_CASE;
  if (ignore_punctuation)
    flags |= PACTA_DIFF_IGNORE_PUNCTUATION;
  if (ignore_whitespace)
    flags |= PACTA_DIFF_IGNORE_WHITESPACE;

  comparison = pacta_comparison_new (a, b, flags);

  if (format != NULL && g_str_equal (format, "json"))
    {
      g_autoptr(JsonNode) node = comparison_to_json (comparison, argv[1], b_name);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *json = NULL;

      json_generator_set_pretty (generator, TRUE);
      json_generator_set_root (generator, node);
      json = json_generator_to_data (generator, NULL);
      text = g_strconcat (json, "\n", NULL);
    }
  else if (format != NULL && g_str_equal (format, "html"))
    text = pacta_comparison_to_html (comparison);
  else
    text = comparison_to_text (comparison, argv[1], b_name, redline, changes_only);

  if (!write_output (output, text, &error))
    {
      if (error)
        fprintf (stderr, "%s:0:0: %s\n", output, error->message);
      else
        fprintf (stderr, "pacta compare: %s\n", g_strerror (errno));
      return 1;
    }
  return 0;
}
