/* pacta-model-agreement.c — a guideline's model clauses as an agreement to compare with
 *
 * Negotiators hold a draft against the wording a guideline recommends. Each item with a model
 * clause becomes an article whose heading is the item's title, tagged with the item's slug, so
 * that the aligner pairs it with the draft's article on the same subject (shared tags and
 * matched items weigh most) and the word diff shows how far the draft departs from the model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-model-agreement"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "pacta-akn-reader.h"
#include "pacta-akn-writer.h"
#include "pacta-matcher.h"
#include "pacta-model-agreement.h"

PactaAgreement *
pacta_model_agreement_new (PactaGuideline *guideline)
{
  PactaAgreement *agreement;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *title = NULL;
  g_autofree char *short_title = NULL;
  g_autofree char *uri = NULL;
  const char * const *kinds;
  guint number = 0;

  g_return_val_if_fail (PACTA_IS_GUIDELINE (guideline), NULL);

  agreement = pacta_agreement_new ();
  /* Translators: %s is the title of a guideline */
  title = g_strdup_printf (_("Model clauses of %s"), pacta_guideline_get_title (guideline));
  short_title = g_strdup_printf (_("Model clauses: %s"), pacta_guideline_get_short_title (guideline));
  uri = g_strdup_printf ("/akn/un/doc/model/%04d/%s", pacta_guideline_get_year (guideline),
                         pacta_guideline_get_id (guideline));
  pacta_agreement_set_title (agreement, title);
  pacta_agreement_set_short_title (agreement, short_title);
  pacta_agreement_set_work_uri (agreement, uri);
  pacta_agreement_set_document_type (agreement, "doc");
  pacta_agreement_set_language (agreement, "en");
  kinds = pacta_guideline_get_applies_to (guideline);
  if (kinds[0] != NULL)
    pacta_agreement_set_kind (agreement, pacta_agreement_kind_from_string (kinds[0]));

  items = pacta_guideline_collect_items (guideline);
  for (guint i = 0; i < items->len; i++)
    {
      PactaGuidelineItem *item = g_ptr_array_index (items, i);
      const char *model = pacta_guideline_item_get_model (item);
      const char *tags[] = { pacta_guideline_item_get_slug (item), NULL };
      g_autoptr(PactaProvision) article = NULL;
      g_autofree char *num = NULL;

      if (model == NULL)
        continue;
      article = pacta_provision_new (PACTA_PROVISION_KIND_ARTICLE, "article");
      num = g_strdup_printf (_("Model %u"), ++number);
      pacta_provision_set_eid (article, pacta_guideline_item_get_slug (item));
      pacta_provision_set_num (article, num);
      pacta_provision_set_heading (article, pacta_guideline_item_get_title (item));
      pacta_provision_set_text (article, model);
      pacta_provision_set_refers_to (article, tags);
      pacta_agreement_append_provision (agreement, article);
    }

  return agreement;
}

/* A copy of @agreement whose articles also carry, as refersTo tags, the items the matcher
 * found them to address, so the aligner can pair them with the model clauses on the same
 * subject even where the wording differs. @agreement itself is left untouched. */
PactaAgreement *
pacta_model_agreement_tag_copy (PactaAgreement *agreement,
                                PactaGuideline *guideline)
{
  g_autofree char *xml = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PactaMatcher) matcher = NULL;
  g_autoptr(PactaCoverage) coverage = NULL;
  PactaAgreement *copy;
  GListModel *findings;

  g_return_val_if_fail (PACTA_IS_AGREEMENT (agreement), NULL);
  g_return_val_if_fail (PACTA_IS_GUIDELINE (guideline), NULL);

  xml = pacta_akn_to_string (agreement);
  bytes = g_bytes_new (xml, strlen (xml));
  copy = pacta_akn_load_bytes (bytes, pacta_agreement_get_path (agreement), NULL);
  if (copy == NULL)
    return g_object_ref (agreement);
  pacta_agreement_set_path (copy, pacta_agreement_get_path (agreement));

  matcher = pacta_matcher_new ();
  coverage = pacta_matcher_check (matcher, copy, guideline);
  findings = pacta_coverage_get_findings (coverage);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(PactaFinding) finding = g_list_model_get_item (findings, i);
      GPtrArray *evidence = pacta_finding_get_evidence (finding);
      const char *slug = pacta_guideline_item_get_slug (pacta_finding_get_item (finding));
      PactaProvision *provision;
      g_autoptr(GStrvBuilder) builder = NULL;
      g_auto(GStrv) tags = NULL;

      if (pacta_finding_get_status (finding) == PACTA_FINDING_STATUS_MISSING || evidence->len == 0)
        continue;
      provision = pacta_agreement_lookup_eid (copy, ((PactaEvidence *) g_ptr_array_index (evidence, 0))->eid);
      if (provision == NULL || pacta_provision_refers_to (provision, slug))
        continue;
      builder = g_strv_builder_new ();
      g_strv_builder_addv (builder, (const char **) pacta_provision_get_refers_to (provision));
      g_strv_builder_add (builder, slug);
      tags = g_strv_builder_end (builder);
      pacta_provision_set_refers_to (provision, (const char * const *) tags);
    }
  return copy;
}
