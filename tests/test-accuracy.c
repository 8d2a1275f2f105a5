/* test-accuracy.c — the matcher measured against the labelled set in tests/data/gold
 *
 * Each gold file says, for one sample agreement and each guideline that fits it, which
 * articles address which items (decided by reading the texts). The test ignores the samples'
 * refersTo tags, runs the matcher, and measures:
 *   precision and recall of "present" (covered or partial) against "missing", per item;
 *   the share of truly absent items reported missing;
 *   how often the best evidence points at an article the labels name.
 * It fails below precision 0.90 or recall 0.85.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "pacta-akn-reader.h"
#include "pacta-guideline-reader.h"
#include "pacta-matcher.h"
#include "test-helpers.h"

#define PRECISION_FLOOR 0.90
#define RECALL_FLOOR    0.85

typedef struct
{
  guint true_positive;
  guint false_positive;
  guint false_negative;
  guint true_negative;
  guint evidence_checked;
  guint evidence_right;
} Tally;

static GHashTable *
load_guidelines (void)
{
  GHashTable *guidelines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GPtrArray) paths = pacta_data_list_files ("guidelines");

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GError) error = NULL;
      PactaGuideline *guideline = pacta_guideline_load_file (g_ptr_array_index (paths, i), &error);

      g_assert_no_error (error);
      g_hash_table_insert (guidelines, g_strdup (pacta_guideline_get_id (guideline)), guideline);
    }
  return guidelines;
}

static void
score_file (const char   *gold_path,
            PactaMatcher *matcher,
            GHashTable   *guidelines,
            Tally        *tally,
            gboolean      verbose)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaAgreement) agreement = NULL;
  g_autofree char *agreement_path = NULL;
  JsonObject *root, *by_guideline;
  g_autoptr(GList) guideline_ids = NULL;

  json_parser_load_from_file (parser, gold_path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  agreement_path = sample_path (json_object_get_string_member (root, "agreement"));
  agreement = pacta_akn_load_file (agreement_path, &error);
  g_assert_no_error (error);

  by_guideline = json_object_get_object_member (root, "guidelines");
  guideline_ids = json_object_get_members (by_guideline);
  for (GList *l = guideline_ids; l; l = l->next)
    {
      PactaGuideline *guideline = g_hash_table_lookup (guidelines, l->data);
      JsonObject *labels = json_object_get_object_member (by_guideline, l->data);
      g_autoptr(PactaCoverage) coverage = NULL;
      g_autoptr(GList) slugs = NULL;

      g_assert_nonnull (guideline);
      coverage = pacta_matcher_check (matcher, agreement, guideline);
      slugs = json_object_get_members (labels);
      for (GList *s = slugs; s; s = s->next)
        {
          JsonObject *label = json_object_get_object_member (labels, s->data);
          const char *gold_status = json_object_get_string_member (label, "status");
          JsonArray *gold_eids = json_object_get_array_member (label, "eIds");
          PactaFinding *finding = pacta_coverage_lookup (coverage, s->data);
          gboolean truly_present = !g_str_equal (gold_status, "missing");
          gboolean found;
          GPtrArray *evidence;

          g_assert_nonnull (finding);
          found = pacta_finding_get_status (finding) != PACTA_FINDING_STATUS_MISSING;
          evidence = pacta_finding_get_evidence (finding);

          if (found && truly_present)
            tally->true_positive++;
          else if (found)
            tally->false_positive++;
          else if (truly_present)
            tally->false_negative++;
          else
            tally->true_negative++;

          if (found && truly_present && evidence->len > 0 && json_array_get_length (gold_eids) > 0)
            {
              const char *best = ((PactaEvidence *) g_ptr_array_index (evidence, 0))->eid;
              gboolean right = FALSE;

              for (guint k = 0; k < json_array_get_length (gold_eids); k++)
                right |= g_strcmp0 (best, json_array_get_string_element (gold_eids, k)) == 0;
              tally->evidence_checked++;
              tally->evidence_right += right;
              if (verbose && !right)
                printf ("# evidence  %s %s: best %s, labels name %s\n",
                        json_object_get_string_member (root, "agreement"), (const char *) s->data, best,
                        json_array_get_string_element (gold_eids, 0));
            }

          if (verbose && found != truly_present)
            printf ("# %s  %s %s: gold %s, matcher %s%s%s\n",
                    found ? "false-positive" : "false-negative",
                    json_object_get_string_member (root, "agreement"), (const char *) s->data, gold_status,
                    pacta_finding_status_to_string (pacta_finding_get_status (finding)),
                    evidence->len ? " at " : "",
                    evidence->len ? ((PactaEvidence *) g_ptr_array_index (evidence, 0))->eid : "");
        }
    }
}

static void
test_accuracy (void)
{
  g_autofree char *folder = data_path ("gold", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GHashTable) guidelines = load_guidelines ();
  g_autoptr(PactaMatcher) matcher = pacta_matcher_new ();
  gboolean verbose = g_getenv ("PACTA_ACCURACY_VERBOSE") != NULL;
  Tally tally = { 0 };
  const char *name;
  guint files = 0;
  double precision, recall, absent_share, evidence_share;

  g_assert_nonnull (dir);
  pacta_matcher_set_use_tags (matcher, FALSE);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (folder, name, NULL);
      score_file (path, matcher, guidelines, &tally, verbose);
      files++;
    }

  g_assert_cmpuint (files, >=, 9);
  precision = tally.true_positive / (double) MAX (tally.true_positive + tally.false_positive, 1);
  recall = tally.true_positive / (double) MAX (tally.true_positive + tally.false_negative, 1);
  absent_share = tally.true_negative / (double) MAX (tally.true_negative + tally.false_positive, 1);
  evidence_share = tally.evidence_right / (double) MAX (tally.evidence_checked, 1);

  printf ("# accuracy over %u agreements, %u judgements: precision %.3f, recall %.3f, "
          "absent items reported missing %.3f, best evidence at a labelled article %.3f "
          "(tp %u, fp %u, fn %u, tn %u)\n",
          files, tally.true_positive + tally.false_positive + tally.false_negative + tally.true_negative,
          precision, recall, absent_share, evidence_share,
          tally.true_positive, tally.false_positive, tally.false_negative, tally.true_negative);

  g_assert_cmpfloat (precision, >=, PRECISION_FLOOR);
  g_assert_cmpfloat (recall, >=, RECALL_FLOOR);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/matcher/accuracy", test_accuracy);

  return g_test_run ();
}
