/* test-guideline.c — the guideline format and the bundled guidelines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pacta-guideline-reader.h"
#include "pacta-validator.h"
#include "test-helpers.h"

static PactaGuideline *
load_bundled (const char *name)
{
  g_autofree char *path = guideline_path (name);
  g_autoptr(GError) error = NULL;
  PactaGuideline *guideline = pacta_guideline_load_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (guideline);
  return guideline;
}

static void
test_bundled_counts (void)
{
  static const struct { const char *file; const char *id; guint items; } expected[] = {
    { "unnm-blma-2022.xml", "unnm-blma", 29 },
    { "ilo-r86-model.xml", "ilo-r86", 30 },
    { "ilo-c102-branches.xml", "ilo-c102", 9 },
    { "ss-coordination.xml", "ss-coord", 48 },
    { "gcm-15-22.xml", "gcm", 9 },
    { "au-labour-migration.xml", "au-lm", 10 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(PactaGuideline) guideline = load_bundled (expected[i].file);

      g_assert_cmpstr (pacta_guideline_get_id (guideline), ==, expected[i].id);
      g_assert_cmpuint (pacta_guideline_get_n_items (guideline), ==, expected[i].items);
      g_assert_cmpint (pacta_guideline_get_year (guideline), >, 1940);
      g_assert_nonnull (pacta_guideline_get_title (guideline));
    }
}

/* Ids must be unique across every guideline loaded together; every item has guidance, a
 * citation and match terms in the three languages; essential items carry a model clause. */
static void
test_bundled_items (void)
{
  g_autoptr(GPtrArray) paths = pacta_data_list_files ("guidelines");
  g_autoptr(GHashTable) slugs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *languages[] = { "en", "fr", "es" };

  g_assert_cmpuint (paths->len, ==, 6);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PactaGuideline) guideline = pacta_guideline_load_file (g_ptr_array_index (paths, i), &error);
      g_autoptr(GPtrArray) items = NULL;

      g_assert_no_error (error);
      items = pacta_guideline_collect_items (guideline);
      for (guint j = 0; j < items->len; j++)
        {
          PactaGuidelineItem *item = g_ptr_array_index (items, j);
          const char *slug = pacta_guideline_item_get_slug (item);

          g_assert_false (g_hash_table_contains (slugs, slug));
          g_hash_table_add (slugs, g_strdup (slug));
          g_assert_nonnull (pacta_guideline_item_get_guidance (item));
          g_assert_nonnull (pacta_guideline_item_get_cite (item));
          for (guint k = 0; k < G_N_ELEMENTS (languages); k++)
            g_assert_cmpuint (g_strv_length ((char **) pacta_guideline_item_get_terms (item, languages[k])), >=, 3);
          if (pacta_guideline_item_get_level (item) == PACTA_ITEM_LEVEL_ESSENTIAL)
            g_assert_nonnull (pacta_guideline_item_get_model (item));
          if (!pacta_guideline_item_get_verified (item))
            g_assert_nonnull (pacta_guideline_item_get_note (item));
          g_assert_true (pacta_guideline_lookup_item (guideline, slug) == item);
        }
    }
}

static void
test_known_slugs (void)
{
  g_autoptr(PactaGuideline) unnm = load_bundled ("unnm-blma-2022.xml");
  g_autoptr(PactaGuideline) c102 = load_bundled ("ilo-c102-branches.xml");
  g_autoptr(PactaGuideline) au = load_bundled ("au-labour-migration.xml");
  g_autoptr(PactaGuideline) ssc = load_bundled ("ss-coordination.xml");
  const char *unnm_slugs[] = {
    "unnm-recruitment", "unnm-information", "unnm-migration-status", "unnm-osh",
    "unnm-social-protection", "unnm-contract-wages", "unnm-governance", "unnm-skills",
    "unnm-remittances", "unnm-return", "unnm-equal-treatment", "unnm-justice",
    "unnm-final-clauses", "unnm-domestic-workers",
  };

  for (guint i = 0; i < G_N_ELEMENTS (unnm_slugs); i++)
    g_assert_nonnull (pacta_guideline_lookup_item (unnm, unnm_slugs[i]));
  g_assert_true (pacta_guideline_applies_to (unnm, PACTA_AGREEMENT_KIND_BLMA));
  g_assert_false (pacta_guideline_applies_to (unnm, PACTA_AGREEMENT_KIND_SSA));
  g_assert_true (pacta_guideline_applies_to (c102, PACTA_AGREEMENT_KIND_SSA));
  g_assert_true (pacta_guideline_get_provisional (au));
  g_assert_nonnull (pacta_guideline_lookup_item (ssc, "ssa-export"));
  g_assert_nonnull (pacta_guideline_lookup_item (ssc, "ssa-totalisation"));
}

static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) paths = pacta_data_list_files ("guidelines");

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PactaGuideline) first = pacta_guideline_load_file (g_ptr_array_index (paths, i), &error);
      g_autofree char *xml = pacta_guideline_to_string (first);
      g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
      g_autoptr(PactaGuideline) second = pacta_guideline_load_bytes (bytes, "saved", &error);
      g_autofree char *again = NULL;
      g_autoptr(GPtrArray) problems = NULL;

      g_assert_no_error (error);
      again = pacta_guideline_to_string (second);
      g_assert_cmpstr (xml, ==, again);
      problems = pacta_validate_bytes (bytes, "saved", NULL);
      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_cmpuint (pacta_guideline_get_n_items (first), ==, pacta_guideline_get_n_items (second));
    }
}

static void
test_wrong_root (void)
{
  g_autofree char *path = sample_path ("xe-xh-mou-2019.akn.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaGuideline) guideline = pacta_guideline_load_file (path, &error);

  g_assert_null (guideline);
  g_assert_error (error, PACTA_ERROR, PACTA_ERROR_UNSUPPORTED);
  g_assert_true (g_str_has_prefix (error->message, path));
}

static void
test_bad_level (void)
{
  g_autofree char *path = data_path ("bad", "guideline-bad-level.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaGuideline) guideline = pacta_guideline_load_file (path, &error);
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_null (guideline);
  g_assert_error (error, PACTA_ERROR, PACTA_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "vital"));

  problems = pacta_validate_file (path, NULL);
  g_assert_cmpuint (problems->len, >=, 1);
  g_assert_cmpint (((PactaProblem *) g_ptr_array_index (problems, 0))->line, ==, 14);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/guideline/bundled-counts", test_bundled_counts);
  g_test_add_func ("/models/guideline/bundled-items", test_bundled_items);
  g_test_add_func ("/models/guideline/known-slugs", test_known_slugs);
  g_test_add_func ("/models/guideline/round-trip", test_round_trip);
  g_test_add_func ("/models/guideline/wrong-root", test_wrong_root);
  g_test_add_func ("/models/guideline/bad-level", test_bad_level);

  return g_test_run ();
}
