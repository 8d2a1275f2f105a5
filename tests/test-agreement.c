/* test-agreement.c — the agreement and provision objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pacta-agreement.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              int        *count)
{
  (*count)++;
}

/* Setting the same value again does not notify; a new value notifies once. */
static void
test_notify (void)
{
  g_autoptr(PactaAgreement) agreement = pacta_agreement_new ();
  g_autoptr(PactaProvision) provision = pacta_provision_new (PACTA_PROVISION_KIND_ARTICLE, "article");
  int title = 0, status = 0, heading = 0;

  g_signal_connect (agreement, "notify::title", G_CALLBACK (count_notify), &title);
  g_signal_connect (agreement, "notify::status", G_CALLBACK (count_notify), &status);
  g_signal_connect (provision, "notify::heading", G_CALLBACK (count_notify), &heading);

  pacta_agreement_set_title (agreement, "A");
  pacta_agreement_set_title (agreement, "A");
  g_object_set (agreement, "title", "B", NULL);
  g_assert_cmpint (title, ==, 2);

  pacta_agreement_set_status (agreement, PACTA_AGREEMENT_STATUS_DRAFT);
  pacta_agreement_set_status (agreement, PACTA_AGREEMENT_STATUS_DRAFT);
  g_assert_cmpint (status, ==, 1);

  pacta_provision_set_heading (provision, "Scope");
  pacta_provision_set_heading (provision, "Scope");
  g_assert_cmpint (heading, ==, 1);

  g_assert_finalize_object (g_steal_pointer (&provision));
  g_assert_finalize_object (g_steal_pointer (&agreement));
}

static void
test_labels (void)
{
  g_autoptr(PactaProvision) both = pacta_provision_new (PACTA_PROVISION_KIND_ARTICLE, "article");
  g_autoptr(PactaProvision) bare = pacta_provision_new (PACTA_PROVISION_KIND_PREAMBLE, "preamble");
  g_autofree char *label = NULL;
  g_autofree char *preamble = NULL;

  pacta_provision_set_num (both, "Article 5");
  pacta_provision_set_heading (both, "Export of benefits");
  label = pacta_provision_dup_label (both);
  g_assert_cmpstr (label, ==, "Article 5 — Export of benefits");
  preamble = pacta_provision_dup_label (bare);
  g_assert_cmpstr (preamble, ==, "Preamble");
}

static void
test_tree (void)
{
  g_autoptr(PactaAgreement) agreement = pacta_agreement_new ();
  g_autoptr(PactaProvision) part = pacta_provision_new (PACTA_PROVISION_KIND_PART, "part");
  g_autoptr(PactaProvision) article = pacta_provision_new (PACTA_PROVISION_KIND_ARTICLE, "article");
  g_autoptr(PactaProvision) paragraph = pacta_provision_new (PACTA_PROVISION_KIND_PARAGRAPH, "paragraph");
  g_autoptr(PactaProvision) section = pacta_provision_new (PACTA_PROVISION_KIND_SECTION, "section");
  g_autoptr(GPtrArray) articles = NULL;
  g_autofree char *full = NULL;

  pacta_provision_set_eid (part, "part_1");
  pacta_provision_set_eid (article, "art_1");
  pacta_provision_set_num (article, "Article 1");
  pacta_provision_set_text (paragraph, "Words of the paragraph.");
  pacta_provision_set_num (paragraph, "1.");
  pacta_provision_set_eid (section, "sec_1");
  pacta_provision_set_text (section, "A section of its own.");
  pacta_provision_append (article, paragraph);
  pacta_provision_append (part, article);
  pacta_agreement_append_provision (agreement, part);
  pacta_agreement_append_provision (agreement, section);

  g_assert_true (pacta_agreement_lookup_eid (agreement, "art_1") == article);
  g_assert_null (pacta_agreement_lookup_eid (agreement, "art_9"));
  g_assert_true (pacta_provision_get_parent (paragraph) == article);
  g_assert_true (pacta_provision_is_article_level (article));
  g_assert_false (pacta_provision_is_article_level (part));
  g_assert_false (pacta_provision_is_article_level (paragraph));
  /* A section with no article or section inside is a citable unit of its own. */
  g_assert_true (pacta_provision_is_article_level (section));

  /* With articles present, only articles are the citable units. */
  articles = pacta_agreement_collect_articles (agreement);
  g_assert_cmpuint (articles->len, ==, 1);
  g_assert_cmpuint (pacta_agreement_count_kind (agreement, PACTA_PROVISION_KIND_PARAGRAPH), ==, 1);

  full = pacta_provision_dup_full_text (article);
  g_assert_cmpstr (full, ==, "1. Words of the paragraph.");
}

/* A document of sections and cross-headings: sections are the units, cross-headings are not. */
static void
test_sections (void)
{
  g_autoptr(PactaAgreement) agreement = pacta_agreement_new ();
  g_autoptr(PactaProvision) crossheading = pacta_provision_new (PACTA_PROVISION_KIND_CONTAINER, "hcontainer");
  g_autoptr(PactaProvision) sec1 = pacta_provision_new (PACTA_PROVISION_KIND_SECTION, "section");
  g_autoptr(PactaProvision) sec2 = pacta_provision_new (PACTA_PROVISION_KIND_SECTION, "section");
  g_autoptr(PactaProvision) subsec = pacta_provision_new (PACTA_PROVISION_KIND_SECTION, "subsection");
  g_autoptr(GPtrArray) units = NULL;

  pacta_provision_set_heading (crossheading, "Recruitment");
  pacta_provision_set_text (sec1, "Text.");
  pacta_provision_set_text (subsec, "Subsection text.");
  pacta_provision_append (sec2, subsec);
  pacta_agreement_append_provision (agreement, crossheading);
  pacta_agreement_append_provision (agreement, sec1);
  pacta_agreement_append_provision (agreement, sec2);

  g_assert_false (pacta_provision_is_article_level (crossheading));
  units = pacta_agreement_collect_articles (agreement);
  g_assert_cmpuint (units->len, ==, 2);
  g_assert_true (g_ptr_array_index (units, 0) == sec1);
  g_assert_true (g_ptr_array_index (units, 1) == sec2);
}

static void
test_kinds (void)
{
  g_assert_cmpint (pacta_agreement_kind_from_string ("SSA"), ==, PACTA_AGREEMENT_KIND_SSA);
  g_assert_cmpint (pacta_agreement_kind_from_string ("treaty"), ==, PACTA_AGREEMENT_KIND_UNKNOWN);
  g_assert_cmpint (pacta_agreement_kind_from_string (NULL), ==, PACTA_AGREEMENT_KIND_UNKNOWN);
  g_assert_cmpint (pacta_agreement_status_from_string ("in-force"), ==, PACTA_AGREEMENT_STATUS_IN_FORCE);
  g_assert_cmpstr (pacta_agreement_status_to_string (PACTA_AGREEMENT_STATUS_DRAFT), ==, "draft");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/agreement/notify", test_notify);
  g_test_add_func ("/models/agreement/labels", test_labels);
  g_test_add_func ("/models/agreement/tree", test_tree);
  g_test_add_func ("/models/agreement/sections", test_sections);
  g_test_add_func ("/models/agreement/kinds", test_kinds);

  return g_test_run ();
}
