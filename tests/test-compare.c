/* test-compare.c — the aligner, the word diff, the comparison and `pacta compare`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "pacta-akn-reader.h"
#include "pacta-akn-writer.h"
#include "pacta-compare-report.h"
#include "pacta-comparison.h"
#include "test-helpers.h"

#define ROUND1 "xa-xp-blma-draft-round1.akn.xml"
#define ROUND2 "xa-xp-blma-draft-round2.akn.xml"

/* The expected alignment of the two negotiating rounds, as stated in
 * tests/data/compare/xa-xp-rounds-expected.json (the test checks that both agree). */
static const struct
{
  const char *a;
  const char *b;
  const char *kind;
  gboolean    changed;
} expected_pairs[] = {
  { "art_1",  "art_1",  "same",    FALSE },
  { "art_2",  "art_2",  "changed", TRUE },   /* new definitions, renumbered cross-references */
  { "art_3",  "art_4",  "same",    FALSE },  /* renumbered: a new Article 3 came before it */
  { "art_4",  "art_5",  "same",    FALSE },
  { "art_5",  "art_8",  "changed", TRUE },
  { "art_8",  "art_11", "same",    FALSE },
  { "art_9",  "art_14", "moved",   TRUE },   /* moved after the employment contract, and reworded */
  { "art_10", "art_12", "changed", TRUE },
  { "art_11", "art_13", "changed", TRUE },
  { "art_12", "art_15", "same",    FALSE },
  { "art_13", "art_17", "same",    FALSE },
  { "art_14", "art_18", "changed", TRUE },
  { "art_15", "art_16", "moved",   FALSE },  /* transfer of earnings now before equality of treatment */
  { "art_16", "art_21", "same",    FALSE },
  { "art_19", "art_6",  "moved",   FALSE },  /* data protection moved up to the front */
  { "art_20", "art_23", "same",    FALSE },
  { "art_21", "art_24", "changed", TRUE },
};

/* Helpers */

static PactaAgreement *
load_sample (const char *name)
{
  g_autofree char *path = sample_path (name);
  g_autoptr(GError) error = NULL;
  PactaAgreement *agreement = pacta_akn_load_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (agreement);
  return agreement;
}

static JsonNode *
parse_json_file (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static char *
eid_of (PactaAlignment *row,
        PactaSide       side,
        guint           index)
{
  return g_strdup (pacta_provision_get_eid (pacta_alignment_get_unit (row, side, index)));
}

/* A new article with the given paragraphs (one a line), numbered "1.", "2.", … */
static PactaProvision *
make_article (const char         *eid,
              const char         *num,
              const char         *heading,
              const char * const *paragraphs,
              const char * const *tags)
{
  PactaProvision *article = pacta_provision_new (PACTA_PROVISION_KIND_ARTICLE, "article");

  pacta_provision_set_eid (article, eid);
  pacta_provision_set_num (article, num);
  pacta_provision_set_heading (article, heading);
  if (tags)
    pacta_provision_set_refers_to (article, tags);
  for (guint i = 0; paragraphs[i]; i++)
    {
      g_autoptr(PactaProvision) paragraph = pacta_provision_new (PACTA_PROVISION_KIND_PARAGRAPH, "paragraph");
      g_autofree char *peid = g_strdup_printf ("%s__para_%u", eid, i + 1);
      g_autofree char *pnum = g_strdup_printf ("%u.", i + 1);

      pacta_provision_set_eid (paragraph, peid);
      pacta_provision_set_num (paragraph, pnum);
      pacta_provision_set_text (paragraph, paragraphs[i]);
      pacta_provision_append (article, paragraph);
    }
  return article;
}

/* An article's paragraphs: the lines of its full text, without the labels in front. */
static GStrv
paragraphs_of (PactaProvision *article)
{
  g_autofree char *full = pacta_provision_dup_full_text (article);
  g_auto(GStrv) lines = g_strsplit (full, "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; lines[i]; i++)
    {
      g_autoptr(GArray) tokens = pacta_tokenize (lines[i]);
      guint k = 0;

      /* leave out the labels in front ("1.", "(a)"), and lines that are only labels */
      while (k < tokens->len && (g_array_index (tokens, PactaToken, k).kind == PACTA_TOKEN_SPACE ||
                                 g_array_index (tokens, PactaToken, k).numbering))
        k++;
      if (k < tokens->len)
        g_strv_builder_add (builder, lines[i] + g_array_index (tokens, PactaToken, k).start);
    }
  return g_strv_builder_end (builder);
}

/* A copy of a source article under a new eId and number. */
static PactaProvision *
copy_article (PactaProvision *source,
              const char     *eid,
              const char     *num)
{
  g_auto(GStrv) paragraphs = paragraphs_of (source);

  return make_article (eid, num, pacta_provision_get_heading (source),
                       (const char * const *) paragraphs, pacta_provision_get_refers_to (source));
}

static PactaAgreement *
agreement_of (GPtrArray *articles)
{
  PactaAgreement *agreement = pacta_agreement_new ();

  for (guint i = 0; i < articles->len; i++)
    pacta_agreement_append_provision (agreement, g_ptr_array_index (articles, i));
  return agreement;
}

/* The first n articles of the SSA sample, copied as art_1… numbered "Article 1"… */
static GPtrArray *
source_articles (guint n)
{
  g_autoptr(PactaAgreement) ssa = load_sample ("xa-xb-ssa-2019.akn.xml");
  g_autoptr(GPtrArray) units = pacta_agreement_collect_articles (ssa);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_cmpuint (units->len, >=, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *eid = g_strdup_printf ("art_%u", i + 1);
      g_autofree char *num = g_strdup_printf ("Article %u", i + 1);

      g_ptr_array_add (out, copy_article (g_ptr_array_index (units, i), eid, num));
    }
  return out;
}

static PactaAlignment *
find_a (PactaComparison *comparison,
        const char      *eid)
{
  PactaAlignment *row = pacta_comparison_find (comparison, PACTA_SIDE_A, eid);

  if (row == NULL)
    g_error ("no row for A's %s", eid);
  return row;
}

static void
assert_pair (PactaComparison *comparison,
             const char      *a,
             const char      *b)
{
  PactaAlignment *row = find_a (comparison, a);
  g_autofree char *b_eid = NULL;

  if (!pacta_alignment_is_pair (row))
    g_error ("%s is %s, not paired with %s", a, pacta_alignment_kind_to_string (pacta_alignment_get_kind (row)), b);
  b_eid = eid_of (row, PACTA_SIDE_B, 0);
  g_assert_cmpstr (b_eid, ==, b);
}

/* Every unit of each side is on exactly one row. */
static void
assert_partition (PactaComparison *comparison)
{
  for (int side = 0; side < 2; side++)
    {
      g_autoptr(GPtrArray) units = pacta_agreement_collect_articles (pacta_comparison_get_agreement (comparison, side));
      g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (comparison));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PactaAlignment) row = g_list_model_get_item (G_LIST_MODEL (comparison), i);

          for (guint k = 0; k < pacta_alignment_get_n_units (row, side); k++)
            g_assert_true (g_hash_table_add (seen, pacta_alignment_get_unit (row, side, k)));
        }
      g_assert_cmpuint (g_hash_table_size (seen), ==, units->len);
    }
}

/* The two negotiating rounds */

static void
test_two_rounds (void)
{
  g_autoptr(PactaAgreement) a = load_sample (ROUND1);
  g_autoptr(PactaAgreement) b = load_sample (ROUND2);
  g_autoptr(PactaComparison) comparison = pacta_comparison_new (a, b, PACTA_DIFF_DEFAULT_FLAGS);
  g_autofree char *expected_path = data_path ("compare", "xa-xp-rounds-expected.json", NULL);
  g_autoptr(JsonNode) root = parse_json_file (expected_path);
  JsonObject *expected = json_node_get_object (root);
  JsonArray *pairs = json_object_get_array_member (expected, "pairs");
  JsonArray *splits = json_object_get_array_member (expected, "splits");
  JsonArray *merges = json_object_get_array_member (expected, "merges");
  JsonArray *added = json_object_get_array_member (expected, "added");
  JsonArray *removed = json_object_get_array_member (expected, "removed");
  PactaComparisonSummary summary;
  guint n_pairs = 0;

  /* The table above states the same pairs as the ground-truth file. */
  g_assert_cmpuint (json_array_get_length (pairs), ==, G_N_ELEMENTS (expected_pairs));
  for (guint i = 0; i < json_array_get_length (pairs); i++)
    {
      JsonObject *pair = json_array_get_object_element (pairs, i);

      g_assert_cmpstr (json_object_get_string_member (pair, "a"), ==, expected_pairs[i].a);
      g_assert_cmpstr (json_object_get_string_member (pair, "b"), ==, expected_pairs[i].b);
      g_assert_cmpstr (json_object_get_string_member (pair, "kind"), ==, expected_pairs[i].kind);
    }

  /* Every pair, with its kind. */
  for (guint i = 0; i < G_N_ELEMENTS (expected_pairs); i++)
    {
      PactaAlignment *row;

      assert_pair (comparison, expected_pairs[i].a, expected_pairs[i].b);
      row = find_a (comparison, expected_pairs[i].a);
      g_assert_cmpstr (pacta_alignment_kind_to_string (pacta_alignment_get_kind (row)), ==, expected_pairs[i].kind);
      g_assert_cmpint (pacta_alignment_get_changed (row), ==, expected_pairs[i].changed);
      if (expected_pairs[i].changed)
        g_assert_cmpuint (pacta_alignment_get_inserted (row) + pacta_alignment_get_deleted (row), >, 0);
      else
        g_assert_cmpuint (pacta_alignment_get_inserted (row) + pacta_alignment_get_deleted (row), ==, 0);
    }

  /* No other pairs. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (comparison)); i++)
    {
      g_autoptr(PactaAlignment) row = g_list_model_get_item (G_LIST_MODEL (comparison), i);

      if (pacta_alignment_is_pair (row))
        n_pairs++;
    }
  g_assert_cmpuint (n_pairs, ==, G_N_ELEMENTS (expected_pairs));

  /* Splits: one unit of A to consecutive units of B. */
  for (guint i = 0; i < json_array_get_length (splits); i++)
    {
      JsonObject *split = json_array_get_object_element (splits, i);
      JsonArray *parts = json_object_get_array_member (split, "b");
      PactaAlignment *row = find_a (comparison, json_object_get_string_member (split, "a"));

      g_assert_cmpint (pacta_alignment_get_kind (row), ==, PACTA_ALIGNMENT_SPLIT);
      g_assert_cmpuint (pacta_alignment_get_n_units (row, PACTA_SIDE_B), ==, json_array_get_length (parts));
      for (guint k = 0; k < json_array_get_length (parts); k++)
        {
          g_autofree char *eid = eid_of (row, PACTA_SIDE_B, k);

          g_assert_cmpstr (eid, ==, json_array_get_string_element (parts, k));
        }
    }
  /* Merges: consecutive units of A to one of B. */
  for (guint i = 0; i < json_array_get_length (merges); i++)
    {
      JsonObject *merge = json_array_get_object_element (merges, i);
      JsonArray *parts = json_object_get_array_member (merge, "a");
      PactaAlignment *row = pacta_comparison_find (comparison, PACTA_SIDE_B, json_object_get_string_member (merge, "b"));

      g_assert_nonnull (row);
      g_assert_cmpint (pacta_alignment_get_kind (row), ==, PACTA_ALIGNMENT_MERGE);
      g_assert_cmpuint (pacta_alignment_get_n_units (row, PACTA_SIDE_A), ==, json_array_get_length (parts));
      for (guint k = 0; k < json_array_get_length (parts); k++)
        {
          g_autofree char *eid = eid_of (row, PACTA_SIDE_A, k);

          g_assert_cmpstr (eid, ==, json_array_get_string_element (parts, k));
        }
    }
  for (guint i = 0; i < json_array_get_length (added); i++)
    {
      PactaAlignment *row = pacta_comparison_find (comparison, PACTA_SIDE_B, json_array_get_string_element (added, i));

      g_assert_nonnull (row);
      g_assert_cmpint (pacta_alignment_get_kind (row), ==, PACTA_ALIGNMENT_ADDED);
    }
  for (guint i = 0; i < json_array_get_length (removed); i++)
    g_assert_cmpint (pacta_alignment_get_kind (find_a (comparison, json_array_get_string_element (removed, i))),
                     ==, PACTA_ALIGNMENT_REMOVED);

  pacta_comparison_get_summary (comparison, &summary);
  g_assert_cmpuint (summary.same, ==, 8);
  g_assert_cmpuint (summary.changed, ==, 6);
  g_assert_cmpuint (summary.moved, ==, 3);
  g_assert_cmpuint (summary.moved_changed, ==, 1);
  g_assert_cmpuint (summary.split, ==, json_array_get_length (splits));
  g_assert_cmpuint (summary.merged, ==, json_array_get_length (merges));
  g_assert_cmpuint (summary.added, ==, json_array_get_length (added));
  g_assert_cmpuint (summary.removed, ==, json_array_get_length (removed));
  assert_partition (comparison);
}

/* The layout walks both texts in order: every unit once per side, in-order pairs on
 * one line, moved pairs on two, the split's A unit spanning its two B units. */
static void
test_two_rounds_layout (void)
{
  g_autoptr(PactaAgreement) a = load_sample (ROUND1);
  g_autoptr(PactaAgreement) b = load_sample (ROUND2);
  g_autoptr(PactaComparison) comparison = pacta_comparison_new (a, b, PACTA_DIFF_DEFAULT_FLAGS);
  g_autoptr(GPtrArray) units_a = pacta_agreement_collect_articles (a);
  g_autoptr(GPtrArray) units_b = pacta_agreement_collect_articles (b);
  const PactaCompareLine *lines;
  guint n_lines, next_a = 0, next_b = 0;
  gboolean saw_art5 = FALSE;

  lines = pacta_comparison_get_lines (comparison, &n_lines);
  for (guint i = 0; i < n_lines; i++)
    {
      const PactaCompareLine *line = &lines[i];

      /* Each side reads in its own order. */
      if (line->a_unit >= 0)
        g_assert_true (pacta_alignment_get_unit (line->alignment, PACTA_SIDE_A, line->a_unit) ==
                       g_ptr_array_index (units_a, next_a++));
      if (line->b_unit >= 0)
        g_assert_true (pacta_alignment_get_unit (line->alignment, PACTA_SIDE_B, line->b_unit) ==
                       g_ptr_array_index (units_b, next_b++));
      if (line->a_unit >= 0 &&
          g_str_equal (pacta_provision_get_eid (pacta_alignment_get_unit (line->alignment, PACTA_SIDE_A, line->a_unit)), "art_5"))
        {
          /* a row pairs round 1's Article 5 with round 2's Article 8 */
          g_assert_cmpint (line->b_unit, ==, 0);
          g_assert_cmpstr (pacta_provision_get_eid (pacta_alignment_get_unit (line->alignment, PACTA_SIDE_B, 0)), ==, "art_8");
          saw_art5 = TRUE;
        }
      if (pacta_alignment_get_kind (line->alignment) == PACTA_ALIGNMENT_MOVED)
        g_assert_true ((line->a_unit >= 0) != (line->b_unit >= 0));
      if (pacta_alignment_get_kind (line->alignment) == PACTA_ALIGNMENT_SPLIT && line->a_unit == 0)
        g_assert_cmpuint (line->a_span, ==, 2);
    }
  g_assert_true (saw_art5);
  g_assert_cmpuint (next_a, ==, units_a->len);
  g_assert_cmpuint (next_b, ==, units_b->len);
}

/* Synthetic cases */

static void
test_identical (void)
{
  g_autoptr(GPtrArray) articles = source_articles (20);
  g_autoptr(PactaAgreement) a = agreement_of (articles);
  g_autoptr(PactaComparison) comparison = pacta_comparison_new (a, a, PACTA_DIFF_DEFAULT_FLAGS);
  PactaComparisonSummary s;

  pacta_comparison_get_summary (comparison, &s);
  g_assert_cmpuint (s.same, ==, 20);
  g_assert_cmpuint (s.changed + s.moved + s.split + s.merged + s.added + s.removed, ==, 0);
  g_assert_cmpuint (s.words_inserted + s.words_deleted, ==, 0);
  for (guint i = 0; i < articles->len; i++)
    {
      g_autofree char *eid = g_strdup_printf ("art_%u", i + 1);

      assert_pair (comparison, eid, eid);
    }
}

/* Renumbered in another style, new eIds, and a new article in front: every old article
 * still finds its counterpart, and none of them counts as changed. */
static void
test_renumbered (void)
{
  g_autoptr(GPtrArray) articles = source_articles (15);
  g_autoptr(GPtrArray) renumbered = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PactaAgreement) a = agreement_of (articles);
  g_autoptr(PactaAgreement) b = NULL;
  g_autoptr(PactaComparison) comparison = NULL;
  const char *intro[] = { "The Parties recognise the importance of cooperation between their institutions.", NULL };
  static const char *romans[] = { "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
                                  "XI", "XII", "XIII", "XIV", "XV", "XVI" };
  PactaComparisonSummary s;

  g_ptr_array_add (renumbered, make_article ("sec_1", "Section I", "Cooperation", intro, NULL));
  for (guint i = 0; i < articles->len; i++)
    {
      g_autofree char *eid = g_strdup_printf ("sec_%u", i + 2);
      g_autofree char *num = g_strdup_printf ("Section %s", romans[i + 1]);

      g_ptr_array_add (renumbered, copy_article (g_ptr_array_index (articles, i), eid, num));
    }
  b = agreement_of (renumbered);
  comparison = pacta_comparison_new (a, b, PACTA_DIFF_DEFAULT_FLAGS);

  for (guint i = 0; i < articles->len; i++)
    {
      g_autofree char *ea = g_strdup_printf ("art_%u", i + 1);
      g_autofree char *eb = g_strdup_printf ("sec_%u", i + 2);

      assert_pair (comparison, ea, eb);
      g_assert_cmpint (pacta_alignment_get_kind (find_a (comparison, ea)), ==, PACTA_ALIGNMENT_SAME);
    }
  pacta_comparison_get_summary (comparison, &s);
  g_assert_cmpuint (s.added, ==, 1);
  g_assert_cmpuint (s.same, ==, 15);
  g_assert_cmpint (pacta_alignment_get_kind (pacta_comparison_find (comparison, PACTA_SIDE_B, "sec_1")), ==,
                   PACTA_ALIGNMENT_ADDED);
}

/* A shuffled copy: every article paired with its copy, and the moves are the fewest
 * that explain the new order (the units outside a longest increasing run). */
static void
test_shuffled (void)
{
  g_autoptr(GPtrArray) articles = source_articles (30);
  g_autoptr(GPtrArray) shuffled = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PactaAgreement) a = agreement_of (articles);
  g_autoptr(PactaAgreement) b = NULL;
  g_autoptr(PactaComparison) comparison = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint order[30];
  guint lis[30], lis_len = 0;
  PactaComparisonSummary s;

  for (guint i = 0; i < 30; i++)
    order[i] = i;
  /* a few random moves, not a full shuffle */
  for (guint k = 0; k < 6; k++)
    {
      guint from = g_rand_int_range (rand, 0, 30);
      guint to = g_rand_int_range (rand, 0, 30);
      guint v = order[from];

      if (from < to)
        memmove (&order[from], &order[from + 1], (to - from) * sizeof (guint));
      else
        memmove (&order[to + 1], &order[to], (from - to) * sizeof (guint));
      order[to] = v;
    }
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *eid = g_strdup_printf ("b_%u", order[i] + 1);
      g_autofree char *num = g_strdup_printf ("Article %u", i + 1);

      g_ptr_array_add (shuffled, copy_article (g_ptr_array_index (articles, order[i]), eid, num));
    }
  b = agreement_of (shuffled);
  comparison = pacta_comparison_new (a, b, PACTA_DIFF_DEFAULT_FLAGS);

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *ea = g_strdup_printf ("art_%u", i + 1);
      g_autofree char *eb = g_strdup_printf ("b_%u", i + 1);

      assert_pair (comparison, ea, eb);
      g_assert_false (pacta_alignment_get_changed (find_a (comparison, ea)));
    }
  /* length of the longest increasing subsequence of `order` */
  for (guint i = 0; i < 30; i++)
    {
      guint lo = 0, hi = lis_len;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (lis[mid] < order[i])
            lo = mid + 1;
          else
            hi = mid;
        }
      lis[lo] = order[i];
      if (lo == lis_len)
        lis_len++;
    }
  pacta_comparison_get_summary (comparison, &s);
  g_assert_cmpuint (s.moved, ==, 30 - lis_len);
  g_assert_cmpuint (s.moved, >, 0);
  g_assert_cmpuint (s.same, ==, lis_len);
  assert_partition (comparison);
}

/* One article's paragraphs spread over two new articles. */
static void
test_split (void)
{
  g_autoptr(GPtrArray) articles = source_articles (12);
  g_autoptr(GPtrArray) next = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PactaAgreement) a = agreement_of (articles);
  g_autoptr(PactaAgreement) b = NULL;
  g_autoptr(PactaComparison) comparison = NULL;
  PactaAlignment *row;
  guint target = 7; /* Article 8, Detached workers: five paragraphs */

  for (guint i = 0; i < articles->len; i++)
    {
      PactaProvision *source = g_ptr_array_index (articles, i);
      g_autofree char *eid = g_strdup_printf ("n_%u", i + 1);

      if (i == target)
        {
          g_auto(GStrv) paragraphs = paragraphs_of (source);
          guint n = g_strv_length (paragraphs);
          g_autofree char **first = g_new0 (char *, n + 1);
          g_autofree char **second = g_new0 (char *, n + 1);

          g_assert_cmpuint (n, >=, 4);
          for (guint k = 0; k < n; k++)
            {
              if (k < n / 2)
                first[k] = paragraphs[k];
              else
                second[k - n / 2] = paragraphs[k];
            }
          g_ptr_array_add (next, make_article ("n_8a", "Article 8", pacta_provision_get_heading (source),
                                               (const char * const *) first, NULL));
          g_ptr_array_add (next, make_article ("n_8b", "Article 9", "Extension of detachment",
                                               (const char * const *) second, NULL));
          continue;
        }
      g_ptr_array_add (next, copy_article (source, eid, "Article"));
    }
  b = agreement_of (next);
  comparison = pacta_comparison_new (a, b, PACTA_DIFF_DEFAULT_FLAGS);

  row = find_a (comparison, "art_8");
  g_assert_cmpint (pacta_alignment_get_kind (row), ==, PACTA_ALIGNMENT_SPLIT);
  g_assert_cmpuint (pacta_alignment_get_n_units (row, PACTA_SIDE_B), ==, 2);
  g_assert_cmpstr (pacta_provision_get_eid (pacta_alignment_get_unit (row, PACTA_SIDE_B, 0)), ==, "n_8a");
  g_assert_cmpstr (pacta_provision_get_eid (pacta_alignment_get_unit (row, PACTA_SIDE_B, 1)), ==, "n_8b");
  assert_pair (comparison, "art_7", "n_7");
  assert_pair (comparison, "art_9", "n_9");
  assert_partition (comparison);
}

/* Two consecutive articles joined into one. */
static void
test_merge (void)
{
  g_autoptr(GPtrArray) articles = source_articles (12);
  g_autoptr(GPtrArray) next = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PactaAgreement) a = agreement_of (articles);
  g_autoptr(PactaAgreement) b = NULL;
  g_autoptr(PactaComparison) comparison = NULL;
  PactaAlignment *row;

  for (guint i = 0; i < articles->len; i++)
    {
      PactaProvision *source = g_ptr_array_index (articles, i);
      g_autofree char *eid = g_strdup_printf ("m_%u", i + 1);

      if (i == 9) /* Articles 10 (crews) and 11 (government employees) */
        {
          g_auto(GStrv) p1 = paragraphs_of (source);
          g_auto(GStrv) p2 = paragraphs_of (g_ptr_array_index (articles, i + 1));
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) all = NULL;

          g_strv_builder_addv (builder, (const char **) p1);
          g_strv_builder_addv (builder, (const char **) p2);
          all = g_strv_builder_end (builder);
          g_ptr_array_add (next, make_article ("m_10", "Article 10", "Special groups",
                                               (const char * const *) all, NULL));
          i++;
          continue;
        }
      g_ptr_array_add (next, copy_article (source, eid, NULL));
    }
  b = agreement_of (next);
  comparison = pacta_comparison_new (a, b, PACTA_DIFF_DEFAULT_FLAGS);

  row = pacta_comparison_find (comparison, PACTA_SIDE_B, "m_10");
  g_assert_nonnull (row);
  g_assert_cmpint (pacta_alignment_get_kind (row), ==, PACTA_ALIGNMENT_MERGE);
  g_assert_cmpuint (pacta_alignment_get_n_units (row, PACTA_SIDE_A), ==, 2);
  g_assert_cmpstr (pacta_provision_get_eid (pacta_alignment_get_unit (row, PACTA_SIDE_A, 0)), ==, "art_10");
  g_assert_cmpstr (pacta_provision_get_eid (pacta_alignment_get_unit (row, PACTA_SIDE_A, 1)), ==, "art_11");
  assert_pair (comparison, "art_9", "m_9");
  assert_pair (comparison, "art_12", "m_12");
  assert_partition (comparison);
}

/* Every article reworded a little: all still paired, all changed, and the words counted. */
static void
test_reworded (void)
{
  g_autoptr(GPtrArray) articles = source_articles (20);
  g_autoptr(GPtrArray) next = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PactaAgreement) a = agreement_of (articles);
  g_autoptr(PactaAgreement) b = NULL;
  g_autoptr(PactaComparison) comparison = NULL;
  PactaComparisonSummary s;

  for (guint i = 0; i < articles->len; i++)
    {
      PactaProvision *source = g_ptr_array_index (articles, i);
      g_auto(GStrv) paragraphs = paragraphs_of (source);
      g_autofree char *eid = g_strdup_printf ("r_%u", i + 1);

      /* every paragraph: "shall" → "must", and a clause added at the end */
      for (guint k = 0; paragraphs[k]; k++)
        {
          g_auto(GStrv) words = g_strsplit (paragraphs[k], " shall ", -1);
          g_autofree char *joined = g_strjoinv (" must ", words);

          g_free (paragraphs[k]);
          paragraphs[k] = g_strconcat (joined, " This applies without delay.", NULL);
        }
      g_ptr_array_add (next, make_article (eid, NULL, pacta_provision_get_heading (source),
                                           (const char * const *) paragraphs, NULL));
    }
  b = agreement_of (next);
  comparison = pacta_comparison_new (a, b, PACTA_DIFF_DEFAULT_FLAGS);

  for (guint i = 0; i < articles->len; i++)
    {
      g_autofree char *ea = g_strdup_printf ("art_%u", i + 1);
      g_autofree char *eb = g_strdup_printf ("r_%u", i + 1);
      PactaAlignment *row;

      assert_pair (comparison, ea, eb);
      row = find_a (comparison, ea);
      g_assert_cmpint (pacta_alignment_get_kind (row), ==, PACTA_ALIGNMENT_CHANGED);
      g_assert_cmpuint (pacta_alignment_get_inserted (row), >=, 4);
    }
  pacta_comparison_get_summary (comparison, &s);
  g_assert_cmpuint (s.changed, ==, 20);
  g_assert_cmpuint (s.moved + s.added + s.removed + s.split + s.merged, ==, 0);
}

/* Unrelated texts are not forced into pairs. */
static void
test_unrelated (void)
{
  g_autoptr(PactaAgreement) a = load_sample ("xa-xb-ssa-2019.akn.xml");
  g_autoptr(PactaAgreement) b = load_sample ("xe-xh-mou-2019.akn.xml");
  g_autoptr(PactaComparison) comparison = pacta_comparison_new (a, b, PACTA_DIFF_DEFAULT_FLAGS);
  g_autoptr(GPtrArray) units_a = pacta_agreement_collect_articles (a);
  g_autoptr(GPtrArray) units_b = pacta_agreement_collect_articles (b);
  PactaComparisonSummary s;

  pacta_comparison_get_summary (comparison, &s);
  assert_partition (comparison);
  /* a social security agreement and a labour MOU share a few clauses at most */
  g_assert_cmpuint (s.added + s.removed, >=, (units_a->len + units_b->len) / 2);
}

static void
test_empty (void)
{
  g_autoptr(PactaAgreement) a = pacta_agreement_new ();
  g_autoptr(GPtrArray) articles = source_articles (3);
  g_autoptr(PactaAgreement) b = agreement_of (articles);
  g_autoptr(PactaComparison) both_empty = pacta_comparison_new (a, a, PACTA_DIFF_DEFAULT_FLAGS);
  g_autoptr(PactaComparison) one_empty = pacta_comparison_new (a, b, PACTA_DIFF_DEFAULT_FLAGS);
  g_autofree char *label = pacta_comparison_dup_summary_label (one_empty);
  PactaComparisonSummary s;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (both_empty)), ==, 0);
  pacta_comparison_get_summary (one_empty, &s);
  g_assert_cmpuint (s.added, ==, 3);
  g_assert_cmpstr (label, ==, "0 same · 3 added");
}

/* Changing the filters re-diffs the rows in place: same rows, new kinds. */
static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_filters_live (void)
{
  const char *p1[] = { "The Parties shall cooperate, in accordance with Article 4, on recruitment.", NULL };
  const char *p2[] = { "the parties shall cooperate in accordance with Article 7 on recruitment", NULL };
  g_autoptr(GPtrArray) arts_a = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) arts_b = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PactaAgreement) a = NULL;
  g_autoptr(PactaAgreement) b = NULL;
  g_autoptr(PactaComparison) comparison = NULL;
  PactaAlignment *row;
  guint changes = 0, notifies = 0;

  g_ptr_array_add (arts_a, make_article ("a_1", "Article 1", "Cooperation", p1, NULL));
  g_ptr_array_add (arts_b, make_article ("b_1", "Article 3", "Cooperation", p2, NULL));
  a = agreement_of (arts_a);
  b = agreement_of (arts_b);
  comparison = pacta_comparison_new (a, b, PACTA_DIFF_DEFAULT_FLAGS);
  g_signal_connect (comparison, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_signal_connect (comparison, "notify::flags", G_CALLBACK (notify_cb), &notifies);

  row = find_a (comparison, "a_1");
  g_assert_cmpint (pacta_alignment_get_kind (row), ==, PACTA_ALIGNMENT_CHANGED);

  pacta_comparison_set_flags (comparison, PACTA_DIFF_IGNORE_WHITESPACE | PACTA_DIFF_IGNORE_CASE);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_cmpint (pacta_alignment_get_kind (row), ==, PACTA_ALIGNMENT_CHANGED);

  pacta_comparison_set_flags (comparison, PACTA_DIFF_IGNORE_WHITESPACE | PACTA_DIFF_IGNORE_CASE |
                                          PACTA_DIFF_IGNORE_PUNCTUATION | PACTA_DIFF_IGNORE_NUMBERING);
  g_assert_cmpint (pacta_alignment_get_kind (row), ==, PACTA_ALIGNMENT_SAME);
  g_assert_cmpuint (changes, ==, 2);

  /* the same flags again: nothing happens */
  pacta_comparison_set_flags (comparison, pacta_comparison_get_flags (comparison));
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (notifies, ==, 2);
}

/* Word diff */

static guint
changes_of (const char     *a,
            const char     *b,
            PactaDiffFlags  flags)
{
  g_autoptr(PactaWordDiff) diff = pacta_word_diff_new (a, b, flags);

  return pacta_word_diff_has_changes (diff) ? pacta_word_diff_get_inserted (diff) + pacta_word_diff_get_deleted (diff) + 1 : 0;
}

static void
test_diff_filters (void)
{
  PactaDiffFlags ws = PACTA_DIFF_IGNORE_WHITESPACE;

  /* case */
  g_assert_cmpuint (changes_of ("The Parties agree.", "the parties agree.", ws), >, 0);
  g_assert_cmpuint (changes_of ("The Parties agree.", "the parties agree.", ws | PACTA_DIFF_IGNORE_CASE), ==, 0);
  g_assert_cmpuint (changes_of ("L'ÉTAT décide.", "l'état décide.", ws | PACTA_DIFF_IGNORE_CASE), ==, 0);
  /* punctuation */
  g_assert_cmpuint (changes_of ("a public service, or an agency;", "a public service or an agency.", ws), >, 0);
  g_assert_cmpuint (changes_of ("a public service, or an agency;", "a public service or an agency.", ws | PACTA_DIFF_IGNORE_PUNCTUATION), ==, 0);
  /* numbering: labels and cross-references, in any style */
  g_assert_cmpuint (changes_of ("designated under Article 4;", "designated under Article 5;", ws), >, 0);
  g_assert_cmpuint (changes_of ("designated under Article 4;", "designated under Article 5;", ws | PACTA_DIFF_IGNORE_NUMBERING), ==, 0);
  g_assert_cmpuint (changes_of ("1. Workers shall be covered.\n2. Benefits are paid.",
                                "(a) Workers shall be covered.\n(b) Benefits are paid.", ws | PACTA_DIFF_IGNORE_NUMBERING), ==, 0);
  g_assert_cmpuint (changes_of ("in breach of paragraph 1(b) and Articles 9 and 10", "in breach of paragraph 2(c) and Articles 11 and 12",
                                ws | PACTA_DIFF_IGNORE_NUMBERING), ==, 0);
  /* numbers that are not numbering still count */
  g_assert_cmpuint (changes_of ("not fewer than 5,000 workers", "not fewer than 6,000 workers", ws | PACTA_DIFF_IGNORE_NUMBERING), >, 0);
  g_assert_cmpuint (changes_of ("within 30 days", "within 21 days", ws | PACTA_DIFF_IGNORE_NUMBERING), >, 0);
  /* white space */
  g_assert_cmpuint (changes_of ("a  b\nc", "a b c", ws), ==, 0);
  g_assert_cmpuint (changes_of ("a  b\nc", "a b c", 0), >, 0);
  /* the words themselves always count */
  g_assert_cmpuint (changes_of ("may", "shall", ws | PACTA_DIFF_IGNORE_CASE | PACTA_DIFF_IGNORE_PUNCTUATION | PACTA_DIFF_IGNORE_NUMBERING), >, 0);
}

static void
test_diff_tokens (void)
{
  const char *text = "2. Workers' rights under Article 4(2), e.g. twenty-one days; 5,000 workers.";
  g_autoptr(GArray) tokens = pacta_tokenize (text);
  g_autoptr(GString) joined = g_string_new (NULL);
  GString *words = g_string_new (NULL);
  g_autofree char *numbering = NULL;
  GString *num = g_string_new (NULL);

  for (guint i = 0; i < tokens->len; i++)
    {
      PactaToken *t = &g_array_index (tokens, PactaToken, i);

      g_string_append_len (joined, text + t->start, t->end - t->start);
      if (t->kind == PACTA_TOKEN_WORD)
        {
          g_string_append_len (words, text + t->start, t->end - t->start);
          g_string_append_c (words, '|');
        }
      if (t->numbering)
        g_string_append_len (num, text + t->start, t->end - t->start);
    }
  /* the tokens cover the text exactly */
  g_assert_cmpstr (joined->str, ==, text);
  g_assert_cmpstr (words->str, ==, "2|Workers|rights|under|Article|4|2|e|g|twenty-one|days|5,000|workers|");
  numbering = g_string_free (num, FALSE);
  g_assert_cmpstr (numbering, ==, "2.4(2)");
  g_string_free (words, TRUE);
}

static void
test_diff_counts (void)
{
  g_autoptr(PactaWordDiff) diff = pacta_word_diff_new ("The quick brown fox jumps.", "The slow brown dog jumps high.",
                                                       PACTA_DIFF_DEFAULT_FLAGS);
  g_autoptr(PactaWordDiff) same = pacta_word_diff_new ("Nothing changes here.", "Nothing changes here.",
                                                       PACTA_DIFF_DEFAULT_FLAGS);
  g_autoptr(PactaWordDiff) empty = pacta_word_diff_new ("", "", PACTA_DIFF_DEFAULT_FLAGS);

  g_assert_cmpuint (pacta_word_diff_get_inserted (diff), ==, 3);  /* slow, dog, high */
  g_assert_cmpuint (pacta_word_diff_get_deleted (diff), ==, 2);   /* quick, fox */
  g_assert_true (pacta_word_diff_has_changes (diff));
  g_assert_false (pacta_word_diff_has_changes (same));
  g_assert_false (pacta_word_diff_has_changes (empty));
  g_assert_cmpuint (pacta_word_diff_get_inserted (same) + pacta_word_diff_get_deleted (same), ==, 0);
}

static void
collect_segment (const char       *text,
                 gsize             len,
                 PactaSegmentKind  kind,
                 gpointer          user_data)
{
  GString **out = user_data;

  g_string_append_len (out[kind], text, len);
  g_string_append_len (out[3], text, len);
}

typedef struct
{
  GString *as_a;
  GString *as_b;
} InlineCheck;

static void
collect_inline (const char       *text,
                gsize             len,
                PactaSegmentKind  kind,
                gpointer          user_data)
{
  InlineCheck *check = user_data;

  if (kind != PACTA_SEGMENT_INSERTED)
    g_string_append_len (check->as_a, text, len);
  if (kind != PACTA_SEGMENT_DELETED)
    g_string_append_len (check->as_b, text, len);
}

static char *
strip_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static const char * const vocabulary[] = {
  "the", "The", "Parties", "shall", "may", "worker", "workers", "employer", "of", "and", "in",
  "Article", "paragraph", "4", "5", "12", "(a)", "(b)", "1.", "2.", ",", ";", ".", ":", "\"",
  "[XA proposes:", "]", "Republic", "Aldoria", "Pellaria", "social", "security", "benefits",
  "twenty-one", "5,000", "worker's", "État", "été", "\n", "\n3.", "  ",
};

static char *
random_text (GRand *rand,
             guint  n_words)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      const char *word = vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary))];

      if (out->len && word[0] != '\n' && g_rand_int_range (rand, 0, 4))
        g_string_append_c (out, ' ');
      g_string_append (out, word);
    }
  return g_string_free (out, FALSE);
}

/* B made from A by random deletions, insertions, replacements and moved stretches. */
static char *
mutate (GRand      *rand,
        const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  GString *out = g_string_new (NULL);
  guint n = g_strv_length (words);

  for (guint i = 0; i < n; i++)
    {
      int r = g_rand_int_range (rand, 0, 20);

      if (r == 0)
        continue; /* deleted */
      if (r == 1)
        {
          g_autofree char *extra = random_text (rand, g_rand_int_range (rand, 1, 6));

          g_string_append (out, extra);
          g_string_append_c (out, ' ');
        }
      if (r == 2)
        {
          g_string_append (out, vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary))]);
          g_string_append_c (out, ' ');
          continue; /* replaced */
        }
      if (r == 3)
        {
          g_autofree char *up = g_utf8_strup (words[i], -1);

          g_string_append (out, up);
          g_string_append_c (out, ' ');
          continue;
        }
      g_string_append (out, words[i]);
      if (i + 1 < n)
        g_string_append_c (out, g_rand_int_range (rand, 0, 10) ? ' ' : '\n');
    }
  return g_string_free (out, FALSE);
}

/* Applying the ops to A's compared tokens gives B's, under every filter; without
 * filters the tokens rebuild B's text byte for byte; the segments give back each side. */
static void
test_diff_property (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250210);
  const PactaDiffFlags flag_sets[] = {
    0,
    PACTA_DIFF_IGNORE_WHITESPACE,
    PACTA_DIFF_IGNORE_WHITESPACE | PACTA_DIFF_IGNORE_CASE,
    PACTA_DIFF_IGNORE_WHITESPACE | PACTA_DIFF_IGNORE_PUNCTUATION,
    PACTA_DIFF_IGNORE_WHITESPACE | PACTA_DIFF_IGNORE_NUMBERING,
    PACTA_DIFF_IGNORE_WHITESPACE | PACTA_DIFF_IGNORE_NUMBERING | PACTA_DIFF_IGNORE_CASE | PACTA_DIFF_IGNORE_PUNCTUATION,
  };
  guint iterations = g_test_slow () ? 20000 : 3000;

  for (guint iter = 0; iter < iterations; iter++)
    {
      g_autofree char *a = random_text (rand, g_rand_int_range (rand, 0, 60));
      g_autofree char *b = g_rand_int_range (rand, 0, 10) ? mutate (rand, a) : random_text (rand, g_rand_int_range (rand, 0, 40));
      PactaDiffFlags flags = flag_sets[iter % G_N_ELEMENTS (flag_sets)];
      g_autoptr(PactaWordDiff) diff = pacta_word_diff_new (a, b, flags);
      g_autoptr(GPtrArray) rebuilt = g_ptr_array_new ();
      const PactaDiffOp *ops;
      const PactaToken *tokens_b;
      const guint *compared_b;
      guint n_ops, na, nb, ia = 0, ib = 0, inserted_words = 0;

      ops = pacta_word_diff_get_ops (diff, &n_ops);
      pacta_word_diff_get_compared (diff, PACTA_SIDE_A, &na);
      compared_b = pacta_word_diff_get_compared (diff, PACTA_SIDE_B, &nb);
      tokens_b = pacta_word_diff_get_tokens (diff, PACTA_SIDE_B, NULL);

      for (guint k = 0; k < n_ops; k++)
        {
          const PactaDiffOp *op = &ops[k];

          /* the ops are contiguous over both sequences */
          g_assert_cmpuint (op->a_start, ==, ia);
          g_assert_cmpuint (op->b_start, ==, ib);
          switch (op->kind)
            {
            case PACTA_DIFF_EQUAL:
              g_assert_cmpuint (op->a_len, ==, op->b_len);
              g_assert_cmpuint (op->a_len, >, 0);
              for (guint x = 0; x < op->a_len; x++)
                g_ptr_array_add (rebuilt, (gpointer) pacta_word_diff_get_key (diff, PACTA_SIDE_A, op->a_start + x));
              break;
            case PACTA_DIFF_DELETE:
              g_assert_cmpuint (op->b_len, ==, 0);
              g_assert_cmpuint (op->a_len, >, 0);
              break;
            case PACTA_DIFF_INSERT:
              g_assert_cmpuint (op->a_len, ==, 0);
              g_assert_cmpuint (op->b_len, >, 0);
              for (guint x = 0; x < op->b_len; x++)
                {
                  g_ptr_array_add (rebuilt, (gpointer) pacta_word_diff_get_key (diff, PACTA_SIDE_B, op->b_start + x));
                  if (tokens_b[compared_b[op->b_start + x]].kind == PACTA_TOKEN_WORD)
                    inserted_words++;
                }
              break;
            default:
              g_assert_not_reached ();
            }
          ia += op->a_len;
          ib += op->b_len;
        }
      g_assert_cmpuint (ia, ==, na);
      g_assert_cmpuint (ib, ==, nb);
      g_assert_cmpuint (inserted_words, ==, pacta_word_diff_get_inserted (diff));

      /* A's tokens with the ops applied are B's tokens (keys are interned) */
      g_assert_cmpuint (rebuilt->len, ==, nb);
      for (guint j = 0; j < nb; j++)
        g_assert_true (rebuilt->pdata[j] == pacta_word_diff_get_key (diff, PACTA_SIDE_B, j));

      if (flags == 0)
        {
          /* nothing ignored: the keys are the tokens' text, and rebuild B exactly */
          GString *text = g_string_new (NULL);
          g_autofree char *built = NULL;

          for (guint j = 0; j < rebuilt->len; j++)
            g_string_append (text, rebuilt->pdata[j]);
          built = g_string_free (text, FALSE);
          g_assert_cmpstr (built, ==, b);
        }

      /* the segments of each side concatenate to that side's text */
      for (int side = 0; side < 2; side++)
        {
          GString *parts[4] = { g_string_new (NULL), g_string_new (NULL), g_string_new (NULL), g_string_new (NULL) };

          pacta_word_diff_foreach_segment (diff, side, 0, G_MAXUINT, collect_segment, parts);
          g_assert_cmpstr (parts[3]->str, ==, side ? b : a);
          g_assert_cmpuint (parts[side ? PACTA_SEGMENT_DELETED : PACTA_SEGMENT_INSERTED]->len, ==, 0);
          for (int k = 0; k < 4; k++)
            g_string_free (parts[k], TRUE);
        }

      /* the inline redline: without its deletions it reads as B, without its
       * insertions as A (white space aside) */
      if (flags == PACTA_DIFF_IGNORE_WHITESPACE)
        {
          GString *parts[4] = { g_string_new (NULL), g_string_new (NULL), g_string_new (NULL), g_string_new (NULL) };
          InlineCheck check = { g_string_new (NULL), g_string_new (NULL) };
          g_autofree char *sa = strip_spaces (a);
          g_autofree char *sb = strip_spaces (b);
          g_autofree char *ra = NULL;
          g_autofree char *rb = NULL;

          pacta_word_diff_foreach_inline (diff, 0, G_MAXUINT, collect_inline, &check);
          ra = strip_spaces (check.as_a->str);
          rb = strip_spaces (check.as_b->str);
          g_assert_cmpstr (ra, ==, sa);
          g_assert_cmpstr (rb, ==, sb);
          g_string_free (check.as_a, TRUE);
          g_string_free (check.as_b, TRUE);
          for (int k = 0; k < 4; k++)
            g_string_free (parts[k], TRUE);
        }
    }
}

/* `pacta compare` */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_pacta (Run        *run,
           const char *first,
           ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *binary = g_getenv ("PACTA_BINARY");
  const char *arg;
  int wait_status = 0;
  va_list ap;

  g_assert_nonnull (binary);
  g_ptr_array_add (args, (gpointer) binary);
  g_ptr_array_add (args, (gpointer) first);
  va_start (ap, first);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  g_spawn_sync (NULL, (char **) args->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
test_cli_json (void)
{
  g_autofree char *path_a = sample_path (ROUND1);
  g_autofree char *path_b = sample_path (ROUND2);
  g_autofree char *expected_path = data_path ("compare", "xa-xp-rounds-expected.json", NULL);
  g_autoptr(JsonNode) expected_root = parse_json_file (expected_path);
  JsonObject *expected = json_node_get_object (expected_root);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0, };
  JsonObject *got;
  JsonArray *pairs, *expected_pairs_json;
  const char *lists[] = { "added", "removed" };

  run_pacta (&run, "compare", "--format", "json", path_a, path_b, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  got = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (json_object_get_string_member (got, "a"), ==, path_a);
  g_assert_cmpstr (json_object_get_string_member (got, "b"), ==, path_b);

  /* the pairs, in A's order, exactly as the ground truth */
  pairs = json_object_get_array_member (got, "pairs");
  expected_pairs_json = json_object_get_array_member (expected, "pairs");
  g_assert_cmpuint (json_array_get_length (pairs), ==, json_array_get_length (expected_pairs_json));
  for (guint i = 0; i < json_array_get_length (pairs); i++)
    {
      JsonObject *p = json_array_get_object_element (pairs, i);
      JsonObject *e = json_array_get_object_element (expected_pairs_json, i);

      g_assert_cmpstr (json_object_get_string_member (p, "a"), ==, json_object_get_string_member (e, "a"));
      g_assert_cmpstr (json_object_get_string_member (p, "b"), ==, json_object_get_string_member (e, "b"));
      g_assert_cmpstr (json_object_get_string_member (p, "kind"), ==, json_object_get_string_member (e, "kind"));
      g_assert_true (json_object_has_member (p, "inserted"));
      g_assert_true (json_object_has_member (p, "deleted"));
      if (g_str_equal (json_object_get_string_member (p, "kind"), "same"))
        g_assert_cmpint (json_object_get_int_member (p, "inserted") + json_object_get_int_member (p, "deleted"), ==, 0);
      if (json_object_has_member (e, "changed"))
        g_assert_cmpint (json_object_get_boolean_member (p, "changed"), ==, json_object_get_boolean_member (e, "changed"));
    }

  /* splits and merges */
  {
    JsonArray *splits = json_object_get_array_member (got, "splits");
    JsonArray *merges = json_object_get_array_member (got, "merges");
    JsonObject *split, *merge;

    g_assert_cmpuint (json_array_get_length (splits), ==, 1);
    split = json_array_get_object_element (splits, 0);
    g_assert_cmpstr (json_object_get_string_member (split, "a"), ==, "art_7");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (split, "b")), ==, 2);
    g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (split, "b"), 0), ==, "art_9");
    g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (split, "b"), 1), ==, "art_10");

    g_assert_cmpuint (json_array_get_length (merges), ==, 1);
    merge = json_array_get_object_element (merges, 0);
    g_assert_cmpstr (json_object_get_string_member (merge, "b"), ==, "art_22");
    g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (merge, "a"), 0), ==, "art_17");
    g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (merge, "a"), 1), ==, "art_18");
  }

  for (guint k = 0; k < G_N_ELEMENTS (lists); k++)
    {
      JsonArray *g = json_object_get_array_member (got, lists[k]);
      JsonArray *e = json_object_get_array_member (expected, lists[k]);

      g_assert_cmpuint (json_array_get_length (g), ==, json_array_get_length (e));
      for (guint i = 0; i < json_array_get_length (g); i++)
        g_assert_cmpstr (json_array_get_string_element (g, i), ==, json_array_get_string_element (e, i));
    }
}

/* A minimal well-formedness check for HTML: tags nest and close (void elements aside),
 * attribute values are quoted, and no '<' stands outside a tag. */
static void
assert_balanced_html (const char *html)
{
  static const char * const void_elements[] = { "meta", "br", "hr", "img", "link", "input", NULL };
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (g_free);
  const char *p = html;

  while ((p = strchr (p, '<')) != NULL)
    {
      const char *end = strchr (p, '>');
      gboolean closing = p[1] == '/';
      const char *name_start = p + (closing ? 2 : 1);
      const char *name_end = name_start;
      g_autofree char *name = NULL;

      g_assert_nonnull (end);
      if (p[1] == '!')
        {
          p = end + 1;
          continue;
        }
      while (g_ascii_isalnum (*name_end))
        name_end++;
      g_assert_true (name_end > name_start);
      /* nothing that opens a tag inside a tag */
      g_assert_null (memchr (p + 1, '<', end - p - 1));
      name = g_ascii_strdown (name_start, name_end - name_start);
      if (closing)
        {
          g_assert_cmpuint (stack->len, >, 0);
          g_assert_cmpstr (g_ptr_array_index (stack, stack->len - 1), ==, name);
          g_ptr_array_remove_index (stack, stack->len - 1);
        }
      else if (!g_strv_contains (void_elements, name))
        g_ptr_array_add (stack, g_steal_pointer (&name));
      p = end + 1;
    }
  g_assert_cmpuint (stack->len, ==, 0);
}

static void
test_cli_html (void)
{
  g_autofree char *path_a = sample_path (ROUND1);
  g_autofree char *path_b = sample_path (ROUND2);
  g_autofree char *dir = g_dir_make_tmp ("pacta-compare-XXXXXX", NULL);
  g_autofree char *out_path = g_build_filename (dir, "redline.html", NULL);
  g_autofree char *html = NULL;
  g_auto(Run) run = { 0, };

  run_pacta (&run, "compare", "--format", "html", "-o", out_path, path_a, path_b, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_get_contents (out_path, &html, NULL, NULL));

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html, "<style>"));
  g_assert_null (strstr (html, "<link"));     /* self-contained */
  g_assert_null (strstr (html, "<script"));
  g_assert_nonnull (strstr (html, "<ins>"));
  g_assert_nonnull (strstr (html, "<del>"));
  g_assert_nonnull (strstr (html, "XA–XP Labour Mobility Agreement (draft, round 1)"));
  g_assert_nonnull (strstr (html, "8 same · 6 changed"));
  /* the quotes of the definitions are escaped */
  g_assert_nonnull (strstr (html, "&quot;worker&quot;"));
  assert_balanced_html (html);

  g_unlink (out_path);
  g_rmdir (dir);
}

/* Text from the agreements never reaches the HTML unescaped. */
static void
test_cli_html_escaping (void)
{
  const char *hostile_a[] = { "Benefits <b>shall</b> be paid & \"exported\" <script>alert(1)</script>.", NULL };
  const char *hostile_b[] = { "Benefits <b>must</b> be paid & \"exported\" <script>alert(2)</script>.", NULL };
  g_autoptr(GPtrArray) arts_a = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) arts_b = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PactaAgreement) a = NULL;
  g_autoptr(PactaAgreement) b = NULL;
  g_autoptr(PactaComparison) comparison = NULL;
  g_autofree char *html = NULL;

  g_ptr_array_add (arts_a, make_article ("art_1", "Article 1", "Export <of> benefits", hostile_a, NULL));
  g_ptr_array_add (arts_b, make_article ("art_1", "Article 1", "Export <of> benefits", hostile_b, NULL));
  a = agreement_of (arts_a);
  b = agreement_of (arts_b);
  pacta_agreement_set_title (a, "A <i>title</i>");
  comparison = pacta_comparison_new (a, b, PACTA_DIFF_DEFAULT_FLAGS);
  html = pacta_comparison_to_html (comparison);

  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<b>"));
  g_assert_null (strstr (html, "<i>"));
  g_assert_null (strstr (html, "<of>"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;"));
  g_assert_nonnull (strstr (html, "&amp;"));
  g_assert_nonnull (strstr (html, "<del>"));
  g_assert_nonnull (strstr (html, "<ins>"));
  assert_balanced_html (html);
}

static void
test_cli_text (void)
{
  g_autofree char *path_a = sample_path (ROUND1);
  g_autofree char *path_b = sample_path (ROUND2);
  g_auto(Run) run = { 0, };
  g_auto(Run) redline = { 0, };

  run_pacta (&run, "compare", path_a, path_b, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Summary: 8 same · 6 changed"));
  g_assert_nonnull (strstr (run.out, "3 moved · 1 split · 1 merged · 4 added · 1 removed"));
  g_assert_nonnull (strstr (run.out, "Article 5 → Article 8"));
  g_assert_nonnull (strstr (run.out, "Article 7 → Article 9 and Article 10"));

  run_pacta (&redline, "compare", "--redline", "--changes", "--ignore-numbering", path_a, path_b, NULL);
  g_assert_cmpint (redline.status, ==, 0);
  g_assert_nonnull (strstr (redline.out, "[-may-]{+shall+}"));
  g_assert_null (strstr (redline.out, "  same  "));
}

static void
test_cli_bad_input (void)
{
  g_autofree char *good = sample_path (ROUND1);
  g_autofree char *malformed = data_path ("bad", "malformed.akn.xml", NULL);
  g_autofree char *missing = data_path ("bad", "no-such-file.akn.xml", NULL);
  g_autoptr(GRegex) located = g_regex_new ("^[^\n]+:[0-9]+:[0-9]+: [^\n]+\n$", 0, 0, NULL);
  g_auto(Run) bad = { 0, };
  g_auto(Run) absent = { 0, };
  g_auto(Run) usage = { 0, };
  g_auto(Run) format = { 0, };

  run_pacta (&bad, "compare", good, malformed, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_true (g_str_has_prefix (bad.err, malformed));
  g_assert_true (g_regex_match (located, bad.err, 0, NULL));
  g_assert_cmpstr (bad.out, ==, "");

  run_pacta (&absent, "compare", missing, good, NULL);
  g_assert_cmpint (absent.status, ==, 1);
  g_assert_true (g_regex_match (located, absent.err, 0, NULL));

  run_pacta (&usage, "compare", good, NULL);
  g_assert_cmpint (usage.status, ==, 2);

  run_pacta (&format, "compare", "--format", "pdf", good, good, NULL);
  g_assert_cmpint (format.status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/compare/two-rounds", test_two_rounds);
  g_test_add_func ("/models/compare/two-rounds-layout", test_two_rounds_layout);
  g_test_add_func ("/models/compare/identical", test_identical);
  g_test_add_func ("/models/compare/renumbered", test_renumbered);
  g_test_add_func ("/models/compare/shuffled", test_shuffled);
  g_test_add_func ("/models/compare/split", test_split);
  g_test_add_func ("/models/compare/merge", test_merge);
  g_test_add_func ("/models/compare/reworded", test_reworded);
  g_test_add_func ("/models/compare/unrelated", test_unrelated);
  g_test_add_func ("/models/compare/empty", test_empty);
  g_test_add_func ("/models/compare/filters-live", test_filters_live);
  g_test_add_func ("/models/word-diff/tokens", test_diff_tokens);
  g_test_add_func ("/models/word-diff/filters", test_diff_filters);
  g_test_add_func ("/models/word-diff/counts", test_diff_counts);
  g_test_add_func ("/models/word-diff/apply-ops", test_diff_property);
  g_test_add_func ("/cli/compare/json", test_cli_json);
  g_test_add_func ("/cli/compare/html", test_cli_html);
  g_test_add_func ("/cli/compare/html-escaping", test_cli_html_escaping);
  g_test_add_func ("/cli/compare/text", test_cli_text);
  g_test_add_func ("/cli/compare/bad-input", test_cli_bad_input);

  return g_test_run ();
}
