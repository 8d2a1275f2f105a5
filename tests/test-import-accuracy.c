/* test-import-accuracy.c — article boundaries found by import, measured against the truth
 *
 * Every test input under tests/data/import has an expected.json with its articles (number,
 * heading and first words), written from the markup the inputs were rendered from. An
 * article boundary counts as found when an imported article has the same number and starts
 * with the same words; precision and recall are taken over all inputs together and must be
 * at least 0.95.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "pacta-import.h"
#include "test-helpers.h"

typedef struct
{
  const char *file;
  const char *language;   /* kept language, NULL for the document's own */
  const char *expected;   /* expected.json, NULL: derived from the file name */
} Case;

static const Case cases[] = {
  { "ssa-tessaly-marrow.txt", NULL, NULL },
  { "ssa-tessaly-marrow.pdf", NULL, NULL },
  { "ssa-tessaly-marrow.docx", NULL, NULL },
  { "ssa-tessaly-marrow.odt", NULL, NULL },
  { "ssa-tessaly-marrow.html", NULL, NULL },
  { "fr-accord-pensions.txt", NULL, NULL },
  { "fr-accord-pensions.odt", NULL, NULL },
  { "es-convenio-domestico.html", NULL, NULL },
  { "es-convenio-domestico.docx", NULL, NULL },
  { "es-convenio-capitulos.txt", NULL, NULL },
  { "es-convenio-capitulos.odt", NULL, NULL },
  { "mou-roman.docx", NULL, NULL },
  { "mou-roman.txt", NULL, NULL },
  { "blma-art-dot.txt", NULL, NULL },
  { "blma-art-dot.pdf", NULL, NULL },
  { "headings-before.txt", NULL, NULL },
  { "mou-markdown.md", NULL, NULL },
  { "bilingual-alternating.txt", "en", "bilingual-alternating.en.expected.json" },
  { "bilingual-alternating.txt", "fr", "bilingual-alternating.fr.expected.json" },
  { "bilingual-halves.txt", "en", "bilingual-halves.en.expected.json" },
  { "bilingual-halves.txt", "fr", "bilingual-halves.fr.expected.json" },
  { "unts-facing.pdf", "en", "unts-facing.en.expected.json" },
  { "unts-facing.pdf", "fr", "unts-facing.fr.expected.json" },
  { "blma-autonumber.docx", NULL, NULL },
  { "blma-autonumber.odt", NULL, NULL },
  { "sections-mou.txt", NULL, NULL },
  { "es-ministerio.html", NULL, NULL },
  { "ets-hanging.txt", NULL, NULL },
};

typedef struct
{
  char *num;
  char *heading;
  char *starts;
} Article;

static void
article_free (gpointer data)
{
  Article *a = data;

  g_free (a->num);
  g_free (a->heading);
  g_free (a->starts);
  g_free (a);
}

/* Lower case, no accents, words of letters and digits only. */
static char *
normalise (const char *text,
           guint       max_words)
{
  g_autofree char *lower = g_utf8_strdown (text ? text : "", -1);
  g_autofree char *plain = g_utf8_normalize (lower, -1, G_NORMALIZE_NFD);
  GString *out = g_string_new (NULL);
  guint words = 0;
  gboolean in_word = FALSE;

  for (const char *p = plain; *p && words < max_words; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isalnum (c))
        {
          if (!in_word && out->len)
            g_string_append_c (out, ' ');
          g_string_append_unichar (out, c);
          in_word = TRUE;
        }
      else if (in_word)
        {
          in_word = FALSE;
          words++;
        }
    }
  return g_string_free (out, FALSE);
}

static GPtrArray *
load_expected (const char *name)
{
  g_autofree char *path = data_path ("import", name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *articles = g_ptr_array_new_with_free_func (article_free);
  JsonArray *list;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  list = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "articles");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *o = json_array_get_object_element (list, i);
      Article *a = g_new0 (Article, 1);

      a->num = normalise (json_object_get_string_member (o, "num"), 8);
      a->heading = json_object_get_null_member (o, "heading") ? NULL : g_strdup (json_object_get_string_member (o, "heading"));
      a->starts = g_strdup (json_object_get_string_member (o, "starts"));
      g_ptr_array_add (articles, a);
    }
  return articles;
}

static GPtrArray *
import_articles (const char  *name,
                 const char  *language,
                 GPtrArray  **raw)
{
  g_autofree char *path = data_path ("import", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaImportDraft) draft = pacta_import_file (path, language, &error);
  g_autoptr(PactaAgreement) agreement = NULL;
  g_autoptr(GPtrArray) found = NULL;
  GPtrArray *articles = g_ptr_array_new_with_free_func (article_free);

  g_assert_no_error (error);
  g_assert_nonnull (draft);
  agreement = pacta_import_draft_build_agreement (draft);
  found = pacta_agreement_collect_articles (agreement);
  for (guint i = 0; i < found->len; i++)
    {
      PactaProvision *provision = g_ptr_array_index (found, i);
      g_autofree char *text = pacta_provision_dup_full_text (provision);
      Article *a = g_new0 (Article, 1);

      a->num = normalise (pacta_provision_get_num (provision), 8);
      a->heading = g_strdup (pacta_provision_get_heading (provision));
      a->starts = normalise (text, 4);
      g_ptr_array_add (articles, a);
    }
  if (raw)
    *raw = g_ptr_array_ref (articles);
  return articles;
}

/* Boundaries matched in order (an article may not match two expected ones). */
static guint
count_matches (GPtrArray *expected,
               GPtrArray *found)
{
  guint matched = 0, from = 0;

  for (guint i = 0; i < expected->len; i++)
    {
      Article *e = g_ptr_array_index (expected, i);

      for (guint j = from; j < found->len; j++)
        {
          Article *f = g_ptr_array_index (found, j);

          if (g_str_equal (e->num, f->num) && g_str_equal (e->starts, f->starts))
            {
              matched++;
              from = j + 1;
              break;
            }
        }
    }
  return matched;
}

static void
test_article_boundaries (void)
{
  guint total_expected = 0, total_found = 0, total_matched = 0;
  double precision, recall;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *expected_name = NULL;
      g_autoptr(GPtrArray) expected = NULL;
      g_autoptr(GPtrArray) found = NULL;
      guint matched;

      if (cases[i].expected)
        expected_name = g_strdup (cases[i].expected);
      else
        {
          const char *dot = strrchr (cases[i].file, '.');
          expected_name = g_strdup_printf ("%.*s.expected.json", (int) (dot - cases[i].file), cases[i].file);
        }
      expected = load_expected (expected_name);
      found = import_articles (cases[i].file, cases[i].language, NULL);
      matched = count_matches (expected, found);

      g_test_message ("%-28s %-3s  expected %2u  found %2u  correct %2u  precision %.3f  recall %.3f",
                      cases[i].file, cases[i].language ? cases[i].language : "",
                      expected->len, found->len, matched,
                      found->len ? (double) matched / found->len : 1.0,
                      expected->len ? (double) matched / expected->len : 1.0);
      if (matched < expected->len || matched < found->len)
        for (guint k = 0; k < MAX (expected->len, found->len); k++)
          {
            Article *e = k < expected->len ? g_ptr_array_index (expected, k) : NULL;
            Article *f = k < found->len ? g_ptr_array_index (found, k) : NULL;

            g_test_message ("    %-30s | %s", e ? e->num : "", f ? f->num : "");
            g_test_message ("    %-30s | %s", e ? e->starts : "", f ? f->starts : "");
          }
      total_expected += expected->len;
      total_found += found->len;
      total_matched += matched;
    }

  precision = total_found ? (double) total_matched / total_found : 0;
  recall = total_expected ? (double) total_matched / total_expected : 0;
  g_test_message ("article boundaries over %u inputs: %u expected, %u found, %u correct",
                  (guint) G_N_ELEMENTS (cases), total_expected, total_found, total_matched);
  g_test_message ("precision %.4f  recall %.4f", precision, recall);
  g_printerr ("# import accuracy: precision %.4f, recall %.4f (%u of %u expected boundaries, %u found)\n",
              precision, recall, total_matched, total_expected, total_found);
  g_assert_cmpfloat (precision, >=, 0.95);
  g_assert_cmpfloat (recall, >=, 0.95);
}

/* The same agreement as TXT, PDF, DOCX, ODT and HTML: the same articles, numbers, headings. */
static void
test_same_structure (void)
{
  static const char * const formats[] = {
    "ssa-tessaly-marrow.txt", "ssa-tessaly-marrow.pdf", "ssa-tessaly-marrow.docx",
    "ssa-tessaly-marrow.odt", "ssa-tessaly-marrow.html",
  };
  g_autoptr(GPtrArray) reference = import_articles (formats[0], NULL, NULL);

  g_assert_cmpuint (reference->len, ==, 14);
  for (guint i = 1; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GPtrArray) other = import_articles (formats[i], NULL, NULL);

      g_test_message ("%s", formats[i]);
      g_assert_cmpuint (other->len, ==, reference->len);
      for (guint k = 0; k < reference->len; k++)
        {
          Article *a = g_ptr_array_index (reference, k);
          Article *b = g_ptr_array_index (other, k);

          g_assert_cmpstr (a->num, ==, b->num);
          g_assert_cmpstr (a->heading, ==, b->heading);
          g_assert_cmpstr (a->starts, ==, b->starts);
        }
    }
}

/* Beyond the articles: parts, paragraphs, points and annexes agree across formats too. */
static void
test_same_counts (void)
{
  static const char * const formats[] = {
    "ssa-tessaly-marrow.txt", "ssa-tessaly-marrow.pdf", "ssa-tessaly-marrow.docx",
    "ssa-tessaly-marrow.odt", "ssa-tessaly-marrow.html",
  };
  static const PactaImportNodeKind kinds[] = {
    PACTA_IMPORT_NODE_PREAMBLE, PACTA_IMPORT_NODE_PART, PACTA_IMPORT_NODE_ARTICLE,
    PACTA_IMPORT_NODE_PARAGRAPH, PACTA_IMPORT_NODE_POINT, PACTA_IMPORT_NODE_SUBPOINT,
    PACTA_IMPORT_NODE_CONCLUSIONS, PACTA_IMPORT_NODE_ANNEX,
  };
  static const guint expected[] = { 1, 4, 14, 13, 9, 2, 1, 1 };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = data_path ("import", formats[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(PactaImportDraft) draft = pacta_import_file (path, NULL, &error);

      g_assert_no_error (error);
      g_test_message ("%s", formats[i]);
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        g_assert_cmpuint (pacta_import_draft_count (draft, kinds[k]), ==, expected[k]);
      g_assert_cmpstr (pacta_import_draft_get_title (draft), ==,
                       "Agreement on Social Security between the Republic of Tessaly and the Kingdom of Marrow");
      g_assert_cmpstr (pacta_import_draft_get_date_signed (draft), ==, "2019-05-14");
      g_assert_cmpstr (pacta_import_draft_get_place_signed (draft), ==, "Port Ellery");
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/accuracy/article-boundaries", test_article_boundaries);
  g_test_add_func ("/import/formats/same-structure", test_same_structure);
  g_test_add_func ("/import/formats/same-counts", test_same_counts);

  return g_test_run ();
}
