/* pacta-coverage.c — one agreement held against one guideline: a finding per item, and scores
 *
 * The score weighs items by level (essential 3, recommended 2, optional 1) and findings by
 * status (covered 1, partial ½, missing 0); items marked not applicable leave the sum.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-coverage"

#include "config.h"

#include "pacta-coverage.h"

struct _PactaCoverage
{
  GObject         parent_instance;

  PactaAgreement *agreement;
  PactaGuideline *guideline;
  GListStore     *findings;
  GHashTable     *by_slug;   /* slug → PactaFinding (borrowed) */
};

G_DEFINE_FINAL_TYPE (PactaCoverage, pacta_coverage, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AGREEMENT,
  PROP_GUIDELINE,
  PROP_SCORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pacta_coverage_dispose (GObject *object)
{
  PactaCoverage *self = PACTA_COVERAGE (object);

  g_clear_pointer (&self->by_slug, g_hash_table_unref);
  g_clear_object (&self->findings);
  g_clear_object (&self->agreement);
  g_clear_object (&self->guideline);

  G_OBJECT_CLASS (pacta_coverage_parent_class)->dispose (object);
}

static void
pacta_coverage_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PactaCoverage *self = PACTA_COVERAGE (object);

  switch (prop_id)
    {
    case PROP_AGREEMENT:
      g_value_set_object (value, self->agreement);
      break;
    case PROP_GUIDELINE:
      g_value_set_object (value, self->guideline);
      break;
    case PROP_SCORE:
      g_value_set_double (value, pacta_coverage_get_score (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_coverage_class_init (PactaCoverageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pacta_coverage_dispose;
  object_class->get_property = pacta_coverage_get_property;

  properties[PROP_AGREEMENT] =
    g_param_spec_object ("agreement", NULL, NULL, PACTA_TYPE_AGREEMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_GUIDELINE] =
    g_param_spec_object ("guideline", NULL, NULL, PACTA_TYPE_GUIDELINE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCORE] =
    g_param_spec_double ("score", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pacta_coverage_init (PactaCoverage *self)
{
  self->findings = g_list_store_new (PACTA_TYPE_FINDING);
  self->by_slug = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
finding_status_changed_cb (PactaCoverage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
}

/* A coverage with every item missing, ready for the matcher (pacta_matcher_run()). */
PactaCoverage *
pacta_coverage_new (PactaAgreement *agreement,
                    PactaGuideline *guideline)
{
  PactaCoverage *self;
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (PACTA_IS_AGREEMENT (agreement), NULL);
  g_return_val_if_fail (PACTA_IS_GUIDELINE (guideline), NULL);

  self = g_object_new (PACTA_TYPE_COVERAGE, NULL);
  self->agreement = g_object_ref (agreement);
  self->guideline = g_object_ref (guideline);

  items = pacta_guideline_collect_items (guideline);
  for (guint i = 0; i < items->len; i++)
    {
      PactaGuidelineItem *item = g_ptr_array_index (items, i);
      g_autoptr(PactaFinding) finding = pacta_finding_new (item);

      g_signal_connect_object (finding, "notify::status", G_CALLBACK (finding_status_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_list_store_append (self->findings, finding);
      g_hash_table_insert (self->by_slug, (gpointer) pacta_guideline_item_get_slug (item), finding);
    }
  return self;
}

PactaAgreement *
pacta_coverage_get_agreement (PactaCoverage *self)
{
  g_return_val_if_fail (PACTA_IS_COVERAGE (self), NULL);
  return self->agreement;
}

PactaGuideline *
pacta_coverage_get_guideline (PactaCoverage *self)
{
  g_return_val_if_fail (PACTA_IS_COVERAGE (self), NULL);
  return self->guideline;
}

/* Returns: (transfer none): PactaFinding objects in the guideline's order */
GListModel *
pacta_coverage_get_findings (PactaCoverage *self)
{
  g_return_val_if_fail (PACTA_IS_COVERAGE (self), NULL);
  return G_LIST_MODEL (self->findings);
}

/* Returns: (transfer none) (nullable) */
PactaFinding *
pacta_coverage_lookup (PactaCoverage *self,
                       const char    *slug)
{
  g_return_val_if_fail (PACTA_IS_COVERAGE (self), NULL);
  return g_hash_table_lookup (self->by_slug, slug);
}

static double
level_weight (PactaItemLevel level)
{
  switch (level)
    {
    case PACTA_ITEM_LEVEL_ESSENTIAL:
      return 3.0;
    case PACTA_ITEM_LEVEL_RECOMMENDED:
      return 2.0;
    case PACTA_ITEM_LEVEL_OPTIONAL:
    default:
      return 1.0;
    }
}

static double
score_over (PactaCoverage       *self,
            const char          *category_id,
            PactaCoverageCounts *counts)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->findings));
  PactaCoverageCounts local = { 0 };
  double got = 0, possible = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->findings), i);
      PactaGuidelineItem *item = pacta_finding_get_item (finding);
      double weight = level_weight (pacta_guideline_item_get_level (item));

      if (category_id != NULL && g_strcmp0 (pacta_guideline_item_get_category_id (item), category_id) != 0)
        continue;

      switch (pacta_finding_get_status (finding))
        {
        case PACTA_FINDING_STATUS_COVERED:
          local.covered++;
          got += weight;
          possible += weight;
          break;
        case PACTA_FINDING_STATUS_PARTIAL:
          local.partial++;
          got += weight / 2;
          possible += weight;
          break;
        case PACTA_FINDING_STATUS_MISSING:
          local.missing++;
          possible += weight;
          break;
        case PACTA_FINDING_STATUS_NOT_APPLICABLE:
        default:
          local.not_applicable++;
          break;
        }
    }

  if (counts)
    *counts = local;
  return possible > 0 ? got / possible : 0.0;
}

/* The weighted share of the guideline the agreement covers, from 0 to 1. */
double
pacta_coverage_get_score (PactaCoverage *self)
{
  g_return_val_if_fail (PACTA_IS_COVERAGE (self), 0.0);
  return score_over (self, NULL, NULL);
}

PactaCoverageCounts
pacta_coverage_get_counts (PactaCoverage *self)
{
  PactaCoverageCounts counts = { 0 };

  g_return_val_if_fail (PACTA_IS_COVERAGE (self), counts);
  score_over (self, NULL, &counts);
  return counts;
}

double
pacta_coverage_get_category_score (PactaCoverage       *self,
                                   const char          *category_id,
                                   PactaCoverageCounts *counts)
{
  g_return_val_if_fail (PACTA_IS_COVERAGE (self), 0.0);
  g_return_val_if_fail (category_id != NULL, 0.0);
  return score_over (self, category_id, counts);
}

/* The bundled guidelines that fit an agreement of @kind, most relevant first. */
const char * const *
pacta_coverage_suggested_guidelines (PactaAgreementKind kind)
{
  static const char * const labour[] = { "unnm-blma", "ilo-r86", NULL };
  static const char * const social_security[] = { "ss-coord", "ilo-c102", NULL };
  static const char * const any[] = { "unnm-blma", "ss-coord", NULL };

  switch (kind)
    {
    case PACTA_AGREEMENT_KIND_BLMA:
    case PACTA_AGREEMENT_KIND_MOU:
      return labour;
    case PACTA_AGREEMENT_KIND_SSA:
    case PACTA_AGREEMENT_KIND_MULTILATERAL:
      return social_security;
    case PACTA_AGREEMENT_KIND_UNKNOWN:
    default:
      return any;
    }
}
