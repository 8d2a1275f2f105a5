/* test-model-agreement.c — an agreement compared with a guideline's model clauses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pacta-akn-reader.h"
#include "pacta-comparison.h"
#include "pacta-guideline-reader.h"
#include "pacta-model-agreement.h"
#include "test-helpers.h"

static PactaGuideline *
load_guideline (const char *name)
{
  g_autofree char *path = guideline_path (name);
  g_autoptr(GError) error = NULL;
  PactaGuideline *guideline = pacta_guideline_load_file (path, &error);

  g_assert_no_error (error);
  return guideline;
}

static PactaAgreement *
load_sample (const char *name)
{
  g_autofree char *path = sample_path (name);
  g_autoptr(GError) error = NULL;
  PactaAgreement *agreement = pacta_akn_load_file (path, &error);

  g_assert_no_error (error);
  return agreement;
}

/* One article per item with a model clause, named and tagged after the item. */
static void
test_articles (void)
{
  g_autoptr(PactaGuideline) guideline = load_guideline ("unnm-blma-2022.xml");
  g_autoptr(PactaAgreement) model = pacta_model_agreement_new (guideline);
  g_autoptr(GPtrArray) items = pacta_guideline_collect_items (guideline);
  g_autoptr(GPtrArray) articles = pacta_agreement_collect_articles (model);
  guint with_model = 0;
  PactaProvision *recruitment;

  for (guint i = 0; i < items->len; i++)
    with_model += pacta_guideline_item_get_model (g_ptr_array_index (items, i)) != NULL;
  g_assert_cmpuint (articles->len, ==, with_model);

  recruitment = pacta_agreement_lookup_eid (model, "unnm-recruitment");
  g_assert_nonnull (recruitment);
  g_assert_cmpstr (pacta_provision_get_heading (recruitment), ==, "Fair recruitment");
  g_assert_true (pacta_provision_refers_to (recruitment, "unnm-recruitment"));
  g_assert_cmpstr (pacta_provision_get_text (recruitment), ==,
                   pacta_guideline_item_get_model (pacta_guideline_lookup_item (guideline, "unnm-recruitment")));
}

/* The tagged copy carries the matched items; the original is untouched. */
static void
test_tag_copy (void)
{
  g_autoptr(PactaGuideline) guideline = load_guideline ("unnm-blma-2022.xml");
  g_autoptr(PactaAgreement) blma = load_sample ("xa-xd-blma-2021.akn.xml");
  g_autoptr(PactaAgreement) copy = pacta_model_agreement_tag_copy (blma, guideline);
  PactaProvision *original = pacta_agreement_lookup_eid (blma, "art_21");
  PactaProvision *tagged = pacta_agreement_lookup_eid (copy, "art_21");

  g_assert_true (copy != blma);
  g_assert_nonnull (tagged);
  /* Article 21 is on safety and health; the sample tags it, and the matcher agrees. */
  g_assert_true (pacta_provision_refers_to (tagged, "unnm-osh"));
  g_assert_cmpuint (g_strv_length ((char **) pacta_provision_get_refers_to (tagged)), >=,
                    g_strv_length ((char **) pacta_provision_get_refers_to (original)));
  g_assert_cmpstr (pacta_agreement_get_title (copy), ==, pacta_agreement_get_title (blma));
}

/* The memorandum's joint working group pairs with the model clause on governance. */
static void
test_compare_with_model (void)
{
  g_autoptr(PactaGuideline) guideline = load_guideline ("unnm-blma-2022.xml");
  g_autoptr(PactaAgreement) mou = load_sample ("xe-xh-mou-2019.akn.xml");
  g_autoptr(PactaAgreement) model = pacta_model_agreement_new (guideline);
  g_autoptr(PactaAgreement) tagged = pacta_model_agreement_tag_copy (mou, guideline);
  g_autoptr(PactaComparison) comparison = pacta_comparison_new (tagged, model, PACTA_DIFF_IGNORE_WHITESPACE);
  PactaAlignment *alignment = pacta_comparison_find (comparison, PACTA_SIDE_A, "art_6");
  PactaAlignment *osh = pacta_comparison_find (comparison, PACTA_SIDE_B, "unnm-osh");

  g_assert_nonnull (alignment);
  g_assert_true (pacta_alignment_is_pair (alignment));
  g_assert_cmpstr (pacta_provision_get_eid (pacta_alignment_get_unit (alignment, PACTA_SIDE_B, 0)), ==, "unnm-governance");
  /* Nothing in the memorandum speaks of safety and health: that model clause stands alone. */
  g_assert_nonnull (osh);
  g_assert_cmpint (pacta_alignment_get_kind (osh), ==, PACTA_ALIGNMENT_ADDED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/model-agreement/articles", test_articles);
  g_test_add_func ("/models/model-agreement/tag-copy", test_tag_copy);
  g_test_add_func ("/models/model-agreement/compare", test_compare_with_model);

  return g_test_run ();
}
