/* pacta-cli-check.c — pacta check: agreements held against guidelines, from the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-cli-check"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "pacta-akn-reader.h"
#include "pacta-cli-private.h"
#include "pacta-coverage-matrix.h"
#include "pacta-data.h"
#include "pacta-error.h"
#include "pacta-guideline-reader.h"
#include "pacta-matcher.h"

typedef PactaCliChecked Checked;

/* One agreement to print; @file is what the output calls it (a path, or "#12" in a library). */
PactaCliChecked *
_pacta_cli_checked_new (const char     *file,
                        PactaAgreement *agreement)
{
  PactaCliChecked *checked = g_new0 (PactaCliChecked, 1);

  checked->file = g_strdup (file);
  checked->agreement = g_object_ref (agreement);
  checked->coverages = g_ptr_array_new_with_free_func (g_object_unref);
  return checked;
}

void
_pacta_cli_checked_free (gpointer data)
{
  PactaCliChecked *checked = data;

  g_free (checked->file);
  g_clear_object (&checked->agreement);
  g_clear_pointer (&checked->coverages, g_ptr_array_unref);
  g_free (checked);
}

static void
print_coverage_text (PactaCoverage *coverage)
{
  PactaGuideline *guideline = pacta_coverage_get_guideline (coverage);
  GListModel *categories = pacta_guideline_get_categories (guideline);
  PactaCoverageCounts counts = pacta_coverage_get_counts (coverage);

  printf ("\n%s — %s\n", pacta_guideline_get_short_title (guideline),
          pacta_agreement_get_display_title (pacta_coverage_get_agreement (coverage)));
  printf (_("Score %.0f %%: %u covered, %u partial, %u missing"),
          pacta_coverage_get_score (coverage) * 100, counts.covered, counts.partial, counts.missing);
  if (counts.not_applicable)
    printf (_(", %u not applicable"), counts.not_applicable);
  printf ("\n");

  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      g_autoptr(PactaGuidelineCategory) category = g_list_model_get_item (categories, c);
      GListModel *items = pacta_guideline_category_get_items (category);

      printf ("\n  %s\n", pacta_guideline_category_get_title (category));
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(PactaGuidelineItem) item = g_list_model_get_item (items, i);
          PactaFinding *finding = pacta_coverage_lookup (coverage, pacta_guideline_item_get_slug (item));
          PactaFindingStatus status = pacta_finding_get_status (finding);
          GPtrArray *evidence = pacta_finding_get_evidence (finding);

          printf ("    %s %-8s %s", pacta_finding_status_to_mark (status), pacta_finding_status_to_label (status),
                  pacta_guideline_item_get_title (item));
          if (pacta_guideline_item_get_level (item) == PACTA_ITEM_LEVEL_ESSENTIAL)
            printf (" %s", _("[essential]"));
          printf ("\n");
          for (guint e = 0; e < evidence->len; e++)
            {
              PactaEvidence *ev = g_ptr_array_index (evidence, e);
              g_autofree char *terms = g_strjoinv ("”, “", ev->terms);

              if (ev->terms[0] != NULL)
                printf ("               %s: “%s”\n", ev->eid, terms);
              else
                printf ("               %s (%s)\n", ev->eid, pacta_finding_origin_to_string (pacta_finding_get_origin (finding)));
            }
        }
    }
}

/* Every coverage, agreement by agreement: the order of the JSON and CSV matrices; @files
 * gets what the output calls each one's agreement. */
static GPtrArray *
all_coverages (GPtrArray  *checked,
               GPtrArray **files)
{
  GPtrArray *coverages = g_ptr_array_new ();

  *files = g_ptr_array_new ();
  for (guint i = 0; i < checked->len; i++)
    {
      Checked *c = g_ptr_array_index (checked, i);
      for (guint g = 0; g < c->coverages->len; g++)
        {
          g_ptr_array_add (coverages, g_ptr_array_index (c->coverages, g));
          g_ptr_array_add (*files, c->file);
        }
    }
  g_ptr_array_add (*files, NULL);
  return coverages;
}

/* Items down, agreements across: a terminal is taller than it is wide. */
static void
print_matrix_text (GPtrArray  *checked)
{
  g_autoptr(GPtrArray) guideline_ids = g_ptr_array_new ();

  for (guint i = 0; i < checked->len; i++)
    {
      Checked *c = g_ptr_array_index (checked, i);

      for (guint g = 0; g < c->coverages->len; g++)
        {
          const char *id = pacta_guideline_get_id (pacta_coverage_get_guideline (g_ptr_array_index (c->coverages, g)));
          if (!g_ptr_array_find_with_equal_func (guideline_ids, id, g_str_equal, NULL))
            g_ptr_array_add (guideline_ids, (gpointer) id);
        }
    }

  printf (_("Agreements:\n"));
  for (guint i = 0; i < checked->len; i++)
    {
      Checked *c = g_ptr_array_index (checked, i);
      printf ("  %2u  %s (%s)\n", i + 1, pacta_agreement_get_display_title (c->agreement), c->file);
    }

  for (guint g = 0; g < guideline_ids->len; g++)
    {
      const char *id = g_ptr_array_index (guideline_ids, g);
      PactaGuideline *guideline = NULL;
      g_autoptr(GPtrArray) items = NULL;

      for (guint i = 0; i < checked->len && guideline == NULL; i++)
        {
          Checked *c = g_ptr_array_index (checked, i);
          for (guint k = 0; k < c->coverages->len; k++)
            if (g_str_equal (pacta_guideline_get_id (pacta_coverage_get_guideline (g_ptr_array_index (c->coverages, k))), id))
              guideline = pacta_coverage_get_guideline (g_ptr_array_index (c->coverages, k));
        }
      items = pacta_guideline_collect_items (guideline);

      printf ("\n%s\n%-46s", pacta_guideline_get_short_title (guideline), "");
      for (guint i = 0; i < checked->len; i++)
        printf ("%4u", i + 1);
      printf ("\n");
      for (guint t = 0; t < items->len; t++)
        {
          PactaGuidelineItem *item = g_ptr_array_index (items, t);
          g_autofree char *title = g_utf8_substring (pacta_guideline_item_get_title (item), 0,
                                                     MIN (44, g_utf8_strlen (pacta_guideline_item_get_title (item), -1)));
          glong pad = 46 - g_utf8_strlen (title, -1);

          printf ("%s%*s", title, (int) pad, "");
          for (guint i = 0; i < checked->len; i++)
            {
              Checked *c = g_ptr_array_index (checked, i);
              PactaFinding *finding = NULL;

              for (guint k = 0; k < c->coverages->len && finding == NULL; k++)
                finding = pacta_coverage_lookup (g_ptr_array_index (c->coverages, k), pacta_guideline_item_get_slug (item));
              printf ("   %s", finding ? pacta_finding_status_to_mark (pacta_finding_get_status (finding)) : " ");
            }
          printf ("\n");
        }
      printf ("%-46s", _("Score"));
      for (guint i = 0; i < checked->len; i++)
        {
          Checked *c = g_ptr_array_index (checked, i);
          PactaCoverage *coverage = NULL;

          for (guint k = 0; k < c->coverages->len; k++)
            if (g_str_equal (pacta_guideline_get_id (pacta_coverage_get_guideline (g_ptr_array_index (c->coverages, k))), id))
              coverage = g_ptr_array_index (c->coverages, k);
          if (coverage)
            printf ("%3.0f%%", pacta_coverage_get_score (coverage) * 100);
          else
            printf ("    ");
        }
      printf ("\n");
    }
  printf ("\n%s\n", _("● covered  ◐ partial  ○ missing  – not applicable"));
}

/* Resolves --guideline arguments into @chosen; prints why and returns FALSE when one is unknown. */
gboolean
_pacta_cli_choose_guidelines (GHashTable  *bundled,
                              char       **args,
                              GPtrArray   *chosen,
                              const char  *command)
{
  for (guint i = 0; args && args[i]; i++)
    {
      g_autoptr(GError) error = NULL;
      PactaGuideline *guideline = _pacta_cli_find_guideline (bundled, args[i], &error);

      if (guideline == NULL)
        {
          fprintf (stderr, "%s: %s\n", command, error->message);
          return FALSE;
        }
      g_ptr_array_add (chosen, guideline);
    }
  return TRUE;
}

/* Returns: (transfer full): the guidelines to hold @agreement against: @chosen when any were
 * named, else the bundled ones suggested for its kind */
GPtrArray *
_pacta_cli_guidelines_for (GHashTable     *bundled,
                           GPtrArray      *chosen,
                           PactaAgreement *agreement)
{
  GPtrArray *guidelines = g_ptr_array_new_with_free_func (g_object_unref);

  if (chosen->len > 0)
    {
      for (guint g = 0; g < chosen->len; g++)
        g_ptr_array_add (guidelines, g_object_ref (g_ptr_array_index (chosen, g)));
    }
  else
    {
      const char * const *ids = pacta_coverage_suggested_guidelines (pacta_agreement_get_kind (agreement));

      for (guint g = 0; ids[g]; g++)
        {
          PactaGuideline *guideline = g_hash_table_lookup (bundled, ids[g]);
          if (guideline != NULL)
            g_ptr_array_add (guidelines, g_object_ref (guideline));
        }
    }
  return guidelines;
}

/* Prints checked agreements as `pacta check` does: JSON, CSV, one agreement's findings, or
 * the matrix of items × agreements. */
void
_pacta_cli_print_checked (GPtrArray  *checked,
                          const char *format)
{
  if (format != NULL && g_str_equal (format, "json"))
    {
      g_autoptr(GPtrArray) files = NULL;
      g_autoptr(GPtrArray) coverages = all_coverages (checked, &files);
      g_autofree char *text = pacta_coverage_matrix_to_json (coverages, (const char * const *) files->pdata);

      printf ("%s\n", text);
    }
  else if (format != NULL && g_str_equal (format, "csv"))
    {
      g_autoptr(GPtrArray) files = NULL;
      g_autoptr(GPtrArray) coverages = all_coverages (checked, &files);
      g_autofree char *text = pacta_coverage_matrix_to_csv (coverages, (const char * const *) files->pdata);

      fputs (text, stdout);
    }
  else if (checked->len == 1)
    {
      Checked *c = g_ptr_array_index (checked, 0);
      for (guint g = 0; g < c->coverages->len; g++)
        print_coverage_text (g_ptr_array_index (c->coverages, g));
    }
  else if (checked->len > 1)
    print_matrix_text (checked);
}

int
_pacta_cli_check (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE… — hold agreements against guidelines"));
  g_auto(GStrv) guideline_args = NULL;
  g_autofree char *format = NULL;
  gboolean no_tags = FALSE;
  const GOptionEntry entries[] = {
    { "guideline", 'g', 0, G_OPTION_ARG_STRING_ARRAY, &guideline_args,
      N_("A bundled guideline id (unnm-blma, ilo-r86, ss-coord, ilo-c102, gcm, au-lm) or a guideline file; repeatable. "
         "Default: the guidelines suggested for each agreement's kind"), "ID|FILE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("text (default), json or csv"), "FORMAT" },
    { "ignore-tags", 0, 0, G_OPTION_ARG_NONE, &no_tags, N_("Ignore refersTo tags: judge by the text alone"), NULL },
    { NULL }
  };
  g_autoptr(GHashTable) bundled = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) checked = g_ptr_array_new_with_free_func (_pacta_cli_checked_free);
  g_autoptr(PactaMatcher) matcher = pacta_matcher_new ();
  int failures = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Prints, for every item of the guideline, whether the agreement covers it,\n"
                                  "where, and with which words. With several files, prints the coverage matrix."));
  if (!_pacta_cli_parse_options (context, &argc, &argv))
    return 2;
  if (argc < 2)
    {
      fprintf (stderr, "pacta check: %s\n", _("name at least one agreement file"));
      return 2;
    }
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json") && !g_str_equal (format, "csv"))
    {
      fprintf (stderr, "pacta check: %s\n", _("--format must be text, json or csv"));
      return 2;
    }

  bundled = _pacta_cli_load_bundled_guidelines ();
  if (!_pacta_cli_choose_guidelines (bundled, guideline_args, chosen, "pacta check"))
    return 2;

  pacta_matcher_set_use_tags (matcher, !no_tags);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PactaAgreement) agreement = pacta_akn_load_file (argv[i], &error);
      g_autoptr(GPtrArray) guidelines = NULL;
      Checked *c;

      if (agreement == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          failures++;
          continue;
        }

      c = _pacta_cli_checked_new (argv[i], agreement);
      guidelines = _pacta_cli_guidelines_for (bundled, chosen, agreement);
      for (guint g = 0; g < guidelines->len; g++)
        g_ptr_array_add (c->coverages, pacta_matcher_check (matcher, c->agreement, g_ptr_array_index (guidelines, g)));
      g_ptr_array_add (checked, c);
    }

  _pacta_cli_print_checked (checked, format);

  return failures > 0 ? 1 : 0;
}
