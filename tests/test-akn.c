/* test-akn.c — the Akoma Ntoso reader and writer on every bundled sample and on
 * documents from other tools
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pacta-agreement.h"
#include "pacta-akn-reader.h"
#include "pacta-akn-writer.h"
#include "pacta-validator.h"
#include "test-helpers.h"

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

static void
test_metadata_ssa (void)
{
  g_autoptr(PactaAgreement) agreement = load_sample ("xa-xb-ssa-2019.akn.xml");
  GListModel *parties = pacta_agreement_get_parties (agreement);
  g_autoptr(PactaParty) first = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autofree char *label = NULL;
  PactaProvision *art5;

  g_assert_cmpstr (pacta_agreement_get_title (agreement), ==,
                   "Agreement on Social Security between the Republic of Aldoria and the Kingdom of Belmont");
  g_assert_cmpint (pacta_agreement_get_kind (agreement), ==, PACTA_AGREEMENT_KIND_SSA);
  g_assert_cmpint (pacta_agreement_get_status (agreement), ==, PACTA_AGREEMENT_STATUS_IN_FORCE);
  g_assert_cmpstr (pacta_agreement_get_document_type (agreement), ==, "act");
  g_assert_cmpstr (pacta_agreement_get_language (agreement), ==, "en");
  g_assert_cmpstr (pacta_agreement_get_date_signed (agreement), ==, "2019-05-14");
  g_assert_cmpstr (pacta_agreement_get_date_in_force (agreement), ==, "2020-03-01");
  g_assert_cmpstr (pacta_agreement_get_place_signed (agreement), ==, "Port Aldor");
  g_assert_cmpint (pacta_agreement_get_year (agreement), ==, 2019);
  g_assert_cmpstr (pacta_agreement_get_work_uri (agreement), ==, "/akn/xa/act/ssa/2019-05-14/xa-xb-ssa");

  g_assert_cmpuint (g_list_model_get_n_items (parties), ==, 2);
  first = g_list_model_get_item (parties, 0);
  g_assert_cmpstr (pacta_party_get_code (first), ==, "XA");
  g_assert_cmpstr (pacta_party_get_name (first), ==, "Republic of Aldoria");
  label = pacta_agreement_dup_parties_label (agreement);
  g_assert_cmpstr (label, ==, "XA–XB");

  articles = pacta_agreement_collect_articles (agreement);
  g_assert_cmpuint (articles->len, ==, 37);

  art5 = pacta_agreement_lookup_eid (agreement, "art_5");
  g_assert_nonnull (art5);
  g_assert_cmpstr (pacta_provision_get_num (art5), ==, "Article 5");
  g_assert_true (pacta_provision_refers_to (art5, "ssa-export"));
  g_assert_true (pacta_provision_is_article_level (art5));
  g_assert_cmpint (pacta_provision_get_kind (pacta_provision_get_parent (art5)), ==, PACTA_PROVISION_KIND_PART);
}

static void
test_preamble_and_conclusions (void)
{
  g_autoptr(PactaAgreement) agreement = load_sample ("xa-xd-blma-2021.akn.xml");
  GListModel *top = pacta_agreement_get_provisions (agreement);
  guint n = g_list_model_get_n_items (top);
  g_autoptr(PactaProvision) first = g_list_model_get_item (top, 0);
  g_autoptr(PactaProvision) last = g_list_model_get_item (top, n - 1);

  g_assert_cmpint (pacta_provision_get_kind (first), ==, PACTA_PROVISION_KIND_PREAMBLE);
  g_assert_nonnull (strstr (pacta_provision_get_text (first), "Republic of Dravia"));
  g_assert_cmpint (pacta_provision_get_kind (last), ==, PACTA_PROVISION_KIND_CONCLUSIONS);
  g_assert_nonnull (strstr (pacta_provision_get_text (last), "Done at"));
}

static void
test_languages (void)
{
  g_autoptr(PactaAgreement) fr = load_sample ("xf-xk-securite-sociale-pensions-2016.akn.xml");
  g_autoptr(PactaAgreement) es = load_sample ("xj-xg-trabajo-domestico-2023.akn.xml");
  PactaProvision *art1;

  g_assert_cmpstr (pacta_agreement_get_language (fr), ==, "fr");
  g_assert_cmpstr (pacta_agreement_get_language (es), ==, "es");
  art1 = pacta_agreement_lookup_eid (fr, "art_1");
  g_assert_cmpstr (pacta_provision_get_num (art1), ==, "Article premier");
}

static void
test_draft (void)
{
  g_autoptr(PactaAgreement) draft = load_sample ("xc-xn-ssa-draft-2025.akn.xml");
  g_autoptr(PactaAgreement) round2 = load_sample ("xa-xp-blma-draft-round2.akn.xml");

  g_assert_cmpstr (pacta_agreement_get_document_type (draft), ==, "bill");
  g_assert_cmpint (pacta_agreement_get_status (draft), ==, PACTA_AGREEMENT_STATUS_DRAFT);
  g_assert_null (pacta_agreement_get_date_in_force (draft));
  g_assert_cmpint (pacta_agreement_get_kind (round2), ==, PACTA_AGREEMENT_KIND_BLMA);
}

/* Every article-level provision of every sample has a number and a unique eId. */
static void
test_samples_structure (void)
{
  g_autoptr(GPtrArray) paths = pacta_data_list_files ("samples");

  g_assert_cmpuint (paths->len, >=, 9);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PactaAgreement) agreement = pacta_akn_load_file (g_ptr_array_index (paths, i), &error);
      g_autoptr(GPtrArray) articles = NULL;
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_no_error (error);
      articles = pacta_agreement_collect_articles (agreement);
      g_assert_cmpuint (articles->len, >=, 9);
      g_assert_cmpuint (g_list_model_get_n_items (pacta_agreement_get_parties (agreement)), >=, 2);
      for (guint j = 0; j < articles->len; j++)
        {
          PactaProvision *article = g_ptr_array_index (articles, j);

          g_assert_nonnull (pacta_provision_get_num (article));
          g_assert_nonnull (pacta_provision_get_eid (article));
          g_assert_false (g_hash_table_contains (seen, pacta_provision_get_eid (article)));
          g_hash_table_add (seen, (gpointer) pacta_provision_get_eid (article));
        }
    }
}

static gboolean
provisions_equal (PactaProvision *a,
                  PactaProvision *b)
{
  guint n = pacta_provision_get_n_children (a);

  if (pacta_provision_get_kind (a) != pacta_provision_get_kind (b) ||
      g_strcmp0 (pacta_provision_get_element (a), pacta_provision_get_element (b)) != 0 ||
      g_strcmp0 (pacta_provision_get_eid (a), pacta_provision_get_eid (b)) != 0 ||
      g_strcmp0 (pacta_provision_get_num (a), pacta_provision_get_num (b)) != 0 ||
      g_strcmp0 (pacta_provision_get_heading (a), pacta_provision_get_heading (b)) != 0 ||
      g_strcmp0 (pacta_provision_get_text (a), pacta_provision_get_text (b)) != 0 ||
      !g_strv_equal (pacta_provision_get_refers_to (a), pacta_provision_get_refers_to (b)) ||
      n != pacta_provision_get_n_children (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!provisions_equal (pacta_provision_get_child (a, i), pacta_provision_get_child (b, i)))
      return FALSE;
  return TRUE;
}

static void
assert_agreements_equal (PactaAgreement *a,
                         PactaAgreement *b)
{
  GListModel *pa = pacta_agreement_get_provisions (a);
  GListModel *pb = pacta_agreement_get_provisions (b);
  g_autofree char *parties_a = pacta_agreement_dup_parties_label (a);
  g_autofree char *parties_b = pacta_agreement_dup_parties_label (b);

  g_assert_cmpstr (pacta_agreement_get_title (a), ==, pacta_agreement_get_title (b));
  g_assert_cmpstr (pacta_agreement_get_short_title (a), ==, pacta_agreement_get_short_title (b));
  g_assert_cmpint (pacta_agreement_get_kind (a), ==, pacta_agreement_get_kind (b));
  g_assert_cmpint (pacta_agreement_get_status (a), ==, pacta_agreement_get_status (b));
  g_assert_cmpstr (pacta_agreement_get_language (a), ==, pacta_agreement_get_language (b));
  g_assert_cmpstr (pacta_agreement_get_date_signed (a), ==, pacta_agreement_get_date_signed (b));
  g_assert_cmpstr (pacta_agreement_get_date_in_force (a), ==, pacta_agreement_get_date_in_force (b));
  g_assert_cmpstr (pacta_agreement_get_work_uri (a), ==, pacta_agreement_get_work_uri (b));
  g_assert_cmpstr (parties_a, ==, parties_b);
  g_assert_cmpuint (g_list_model_get_n_items (pa), ==, g_list_model_get_n_items (pb));
  for (guint i = 0; i < g_list_model_get_n_items (pa); i++)
    {
      g_autoptr(PactaProvision) x = g_list_model_get_item (pa, i);
      g_autoptr(PactaProvision) y = g_list_model_get_item (pb, i);
      g_assert_true (provisions_equal (x, y));
    }
}

/* load → save → load gives the same agreement, the saved file validates, and saving again
 * gives the same bytes. */
static void
round_trip (const char *path,
            gboolean    must_validate)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaAgreement) first = pacta_akn_load_file (path, &error);
  g_autoptr(PactaAgreement) second = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  xml = pacta_akn_to_string (first);
  bytes = g_bytes_new (xml, strlen (xml));
  second = pacta_akn_load_bytes (bytes, "saved", &error);
  g_assert_no_error (error);
  assert_agreements_equal (first, second);

  again = pacta_akn_to_string (second);
  g_assert_cmpstr (xml, ==, again);

  if (must_validate)
    {
      problems = pacta_validate_bytes (bytes, "saved", NULL);
      if (problems->len > 0)
        {
          g_autofree char *first_problem = pacta_problem_to_string (g_ptr_array_index (problems, 0));
          g_test_fail_printf ("%s: saved copy does not validate: %s", path, first_problem);
        }
    }
}

static void
test_round_trip_samples (void)
{
  g_autoptr(GPtrArray) paths = pacta_data_list_files ("samples");

  for (guint i = 0; i < paths->len; i++)
    round_trip (g_ptr_array_index (paths, i), TRUE);
}

static void
test_round_trip_foreign (void)
{
  g_autofree char *akn2 = data_path ("foreign", "akn2-act-sections.xml", NULL);
  g_autofree char *prefixed = data_path ("foreign", "akn3-prefixed-doc.xml", NULL);

  round_trip (akn2, FALSE);
  round_trip (prefixed, FALSE);
}

static void
test_save_atomic (void)
{
  g_autoptr(PactaAgreement) agreement = load_sample ("xe-xh-mou-2019.akn.xml");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pacta-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "saved.akn.xml", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing-folder", "saved.akn.xml", NULL);
  g_autoptr(PactaAgreement) reloaded = NULL;

  g_assert_no_error (error);
  g_assert_true (pacta_akn_save_file (agreement, path, &error));
  g_assert_no_error (error);
  reloaded = pacta_akn_load_file (path, &error);
  g_assert_no_error (error);
  assert_agreements_equal (agreement, reloaded);

  g_assert_false (pacta_akn_save_file (agreement, bad, &error));
  g_assert_error (error, PACTA_ERROR, PACTA_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, bad));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_akn2_sections (void)
{
  g_autofree char *path = data_path ("foreign", "akn2-act-sections.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaAgreement) agreement = pacta_akn_load_file (path, &error);
  g_autoptr(GPtrArray) articles = NULL;
  PactaProvision *sec3;
  g_autofree char *xml = NULL;

  g_assert_no_error (error);
  articles = pacta_agreement_collect_articles (agreement);
  /* Sections are the citable units of a section-based act. */
  g_assert_cmpuint (articles->len, ==, 4);
  sec3 = pacta_agreement_lookup_eid (agreement, "sec3");
  g_assert_nonnull (sec3);
  g_assert_cmpstr (pacta_provision_get_heading (sec3), ==, "Prohibition of recruitment fees");
  g_assert_cmpuint (pacta_provision_get_n_children (sec3), ==, 2);
  g_assert_cmpstr (pacta_agreement_get_language (agreement), ==, "en");

  /* What Pacta does not interpret survives: the publication block, inline terms, notes. */
  xml = pacta_akn_to_string (agreement);
  g_assert_nonnull (strstr (xml, "<publication"));
  g_assert_nonnull (strstr (xml, "authorialNote"));
  g_assert_nonnull (strstr (xml, "TLCRole"));
  g_assert_nonnull (strstr (xml, "xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\""));
}

static void
test_prefixed_doc (void)
{
  g_autofree char *path = data_path ("foreign", "akn3-prefixed-doc.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaAgreement) agreement = pacta_akn_load_file (path, &error);
  g_autoptr(GPtrArray) articles = NULL;
  g_autofree char *xml = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (pacta_agreement_get_document_type (agreement), ==, "doc");
  g_assert_cmpstr (pacta_agreement_get_title (agreement), ==, "Global Compact for Safe, Orderly and Regular Migration");
  articles = pacta_agreement_collect_articles (agreement);
  g_assert_cmpuint (articles->len, ==, 2);
  xml = pacta_akn_to_string (agreement);
  g_assert_nonnull (strstr (xml, "<mainBody>"));
  g_assert_nonnull (strstr (xml, "ext:annotation"));
  g_assert_nonnull (strstr (xml, "xmlns:ext=\"http://example.org/ns/publisher-extension\""));
}

/* An agreement built in code (as the importer will) is written in the profile. */
static void
test_write_new (void)
{
  g_autoptr(PactaAgreement) agreement = pacta_agreement_new ();
  g_autoptr(PactaParty) xa = pacta_party_new ("XA", "Republic of Aldoria", "destination");
  g_autoptr(PactaParty) xd = pacta_party_new ("XD", "Republic of Dravia", "origin");
  g_autoptr(PactaProvision) article = pacta_provision_new (PACTA_PROVISION_KIND_ARTICLE, "article");
  g_autoptr(PactaProvision) paragraph = pacta_provision_new (PACTA_PROVISION_KIND_PARAGRAPH, "paragraph");
  const char *tags[] = { "unnm-recruitment", NULL };
  g_autofree char *xml = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaAgreement) reloaded = NULL;

  pacta_agreement_set_title (agreement, "Agreement on Labour Mobility & Recruitment");
  pacta_agreement_set_short_title (agreement, "XA–XD test");
  pacta_agreement_set_kind (agreement, PACTA_AGREEMENT_KIND_BLMA);
  pacta_agreement_set_status (agreement, PACTA_AGREEMENT_STATUS_SIGNED);
  pacta_agreement_set_date_signed (agreement, "2024-02-01");
  pacta_agreement_add_party (agreement, xa);
  pacta_agreement_add_party (agreement, xd);
  pacta_provision_set_num (article, "Article 7");
  pacta_provision_set_heading (article, "Recruitment <fees>");
  pacta_provision_set_refers_to (article, tags);
  pacta_provision_set_num (paragraph, "1.");
  pacta_provision_set_text (paragraph, "No fees shall be charged to workers.\nEmployers bear the costs.");
  pacta_provision_append (article, paragraph);
  pacta_agreement_append_provision (agreement, article);

  xml = pacta_akn_to_string (agreement);
  bytes = g_bytes_new (xml, strlen (xml));
  problems = pacta_validate_bytes (bytes, "new", NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = pacta_problem_to_string (g_ptr_array_index (problems, i));
      g_test_message ("%s", text);
    }
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (strstr (xml, "eId=\"art_7\""));
  g_assert_nonnull (strstr (xml, "eId=\"art_7__para_1\""));

  reloaded = pacta_akn_load_bytes (bytes, "new", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pacta_agreement_get_title (reloaded), ==, "Agreement on Labour Mobility & Recruitment");
  g_assert_cmpstr (pacta_provision_get_heading (pacta_agreement_lookup_eid (reloaded, "art_7")), ==, "Recruitment <fees>");
  g_assert_cmpstr (pacta_provision_get_text (pacta_agreement_lookup_eid (reloaded, "art_7__para_1")), ==,
                   "No fees shall be charged to workers.\nEmployers bear the costs.");
  g_assert_true (pacta_provision_refers_to (pacta_agreement_lookup_eid (reloaded, "art_7"), "unnm-recruitment"));
}

/* Metadata edits regenerate the metadata they affect. */
static void
test_edit_metadata (void)
{
  g_autoptr(PactaAgreement) agreement = load_sample ("xe-xh-mou-2019.akn.xml");
  g_autofree char *xml = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PactaAgreement) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  pacta_agreement_set_status (agreement, PACTA_AGREEMENT_STATUS_TERMINATED);
  pacta_agreement_set_short_title (agreement, "Renamed MOU");
  xml = pacta_akn_to_string (agreement);
  bytes = g_bytes_new (xml, strlen (xml));
  reloaded = pacta_akn_load_bytes (bytes, "edited", &error);
  g_assert_no_error (error);
  g_assert_cmpint (pacta_agreement_get_status (reloaded), ==, PACTA_AGREEMENT_STATUS_TERMINATED);
  g_assert_cmpstr (pacta_agreement_get_short_title (reloaded), ==, "Renamed MOU");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/akn/metadata-ssa", test_metadata_ssa);
  g_test_add_func ("/models/akn/preamble-and-conclusions", test_preamble_and_conclusions);
  g_test_add_func ("/models/akn/languages", test_languages);
  g_test_add_func ("/models/akn/draft", test_draft);
  g_test_add_func ("/models/akn/samples-structure", test_samples_structure);
  g_test_add_func ("/models/akn/round-trip-samples", test_round_trip_samples);
  g_test_add_func ("/models/akn/round-trip-foreign", test_round_trip_foreign);
  g_test_add_func ("/models/akn/save-atomic", test_save_atomic);
  g_test_add_func ("/models/akn/akn2-sections", test_akn2_sections);
  g_test_add_func ("/models/akn/prefixed-doc", test_prefixed_doc);
  g_test_add_func ("/models/akn/write-new", test_write_new);
  g_test_add_func ("/models/akn/edit-metadata", test_edit_metadata);

  return g_test_run ();
}
