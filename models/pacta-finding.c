/* pacta-finding.c — the status of one guideline item in one agreement, with its evidence
 *
 * A finding keeps two answers: the computed one (from refersTo tags or the matcher) and a
 * person's decision. The decision wins while it exists; clearing it brings the computed one
 * back, so nothing the matcher found is lost when someone disagrees with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-finding"

#include "config.h"

#include "pacta-enums.h"
#include "pacta-finding.h"

G_DEFINE_BOXED_TYPE (PactaEvidence, pacta_evidence, pacta_evidence_copy, pacta_evidence_free)

PactaEvidence *
pacta_evidence_new (const char         *eid,
                    const char * const *terms,
                    double              score)
{
  PactaEvidence *evidence = g_new0 (PactaEvidence, 1);

  evidence->eid = g_strdup (eid);
  evidence->terms = terms ? g_strdupv ((char **) terms) : g_new0 (char *, 1);
  evidence->score = score;
  return evidence;
}

PactaEvidence *
pacta_evidence_copy (const PactaEvidence *evidence)
{
  return pacta_evidence_new (evidence->eid, (const char * const *) evidence->terms, evidence->score);
}

void
pacta_evidence_free (PactaEvidence *evidence)
{
  if (evidence == NULL)
    return;
  g_free (evidence->eid);
  g_strfreev (evidence->terms);
  g_free (evidence);
}

struct _PactaFinding
{
  GObject             parent_instance;

  PactaGuidelineItem *item;
  PactaFindingStatus  computed_status;
  PactaFindingOrigin  computed_origin;
  double              confidence;
  GPtrArray          *evidence;

  PactaFindingStatus  decided_status;
  PactaFindingOrigin  decided_origin;
  char               *reason;
  guint               decided : 1;
};

G_DEFINE_FINAL_TYPE (PactaFinding, pacta_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_STATUS,
  PROP_ORIGIN,
  PROP_CONFIDENCE,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pacta_finding_dispose (GObject *object)
{
  PactaFinding *self = PACTA_FINDING (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (pacta_finding_parent_class)->dispose (object);
}

static void
pacta_finding_finalize (GObject *object)
{
  PactaFinding *self = PACTA_FINDING (object);

  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  g_free (self->reason);

  G_OBJECT_CLASS (pacta_finding_parent_class)->finalize (object);
}

static void
pacta_finding_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PactaFinding *self = PACTA_FINDING (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, pacta_finding_get_status (self));
      break;
    case PROP_ORIGIN:
      g_value_set_enum (value, pacta_finding_get_origin (self));
      break;
    case PROP_CONFIDENCE:
      g_value_set_double (value, pacta_finding_get_confidence (self));
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_finding_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PactaFinding *self = PACTA_FINDING (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_finding_class_init (PactaFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = pacta_finding_dispose;
  object_class->finalize = pacta_finding_finalize;
  object_class->get_property = pacta_finding_get_property;
  object_class->set_property = pacta_finding_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, PACTA_TYPE_GUIDELINE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, PACTA_TYPE_FINDING_STATUS, PACTA_FINDING_STATUS_MISSING, ro);
  properties[PROP_ORIGIN] =
    g_param_spec_enum ("origin", NULL, NULL, PACTA_TYPE_FINDING_ORIGIN, PACTA_FINDING_ORIGIN_MATCHED, ro);
  properties[PROP_CONFIDENCE] =
    g_param_spec_double ("confidence", NULL, NULL, 0.0, 1.0, 0.0, ro);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pacta_finding_init (PactaFinding *self)
{
  self->computed_status = PACTA_FINDING_STATUS_MISSING;
  self->computed_origin = PACTA_FINDING_ORIGIN_MATCHED;
  self->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) pacta_evidence_free);
}

PactaFinding *
pacta_finding_new (PactaGuidelineItem *item)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE_ITEM (item), NULL);
  return g_object_new (PACTA_TYPE_FINDING, "item", item, NULL);
}

PactaGuidelineItem *
pacta_finding_get_item (PactaFinding *self)
{
  g_return_val_if_fail (PACTA_IS_FINDING (self), NULL);
  return self->item;
}

PactaFindingStatus
pacta_finding_get_status (PactaFinding *self)
{
  g_return_val_if_fail (PACTA_IS_FINDING (self), PACTA_FINDING_STATUS_MISSING);
  return self->decided ? self->decided_status : self->computed_status;
}

PactaFindingOrigin
pacta_finding_get_origin (PactaFinding *self)
{
  g_return_val_if_fail (PACTA_IS_FINDING (self), PACTA_FINDING_ORIGIN_MATCHED);
  return self->decided ? self->decided_origin : self->computed_origin;
}

/* How sure the status is: 1 for tags and people's decisions, the matcher's estimate otherwise. */
double
pacta_finding_get_confidence (PactaFinding *self)
{
  g_return_val_if_fail (PACTA_IS_FINDING (self), 0.0);
  return self->decided ? 1.0 : self->confidence;
}

const char *
pacta_finding_get_reason (PactaFinding *self)
{
  g_return_val_if_fail (PACTA_IS_FINDING (self), NULL);
  return self->reason;
}

/* Returns: (transfer none) (element-type PactaEvidence): best first */
GPtrArray *
pacta_finding_get_evidence (PactaFinding *self)
{
  g_return_val_if_fail (PACTA_IS_FINDING (self), NULL);
  return self->evidence;
}

PactaFindingStatus
pacta_finding_get_computed_status (PactaFinding *self)
{
  g_return_val_if_fail (PACTA_IS_FINDING (self), PACTA_FINDING_STATUS_MISSING);
  return self->computed_status;
}

PactaFindingOrigin
pacta_finding_get_computed_origin (PactaFinding *self)
{
  g_return_val_if_fail (PACTA_IS_FINDING (self), PACTA_FINDING_ORIGIN_MATCHED);
  return self->computed_origin;
}

static void
notify_all (PactaFinding       *self,
            PactaFindingStatus  old_status,
            PactaFindingOrigin  old_origin,
            double              old_confidence)
{
  if (old_status != pacta_finding_get_status (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  if (old_origin != pacta_finding_get_origin (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIGIN]);
  if (old_confidence != pacta_finding_get_confidence (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIDENCE]);
}

/* @evidence: (transfer full) (nullable) */
void
pacta_finding_set_computed (PactaFinding       *self,
                            PactaFindingStatus  status,
                            PactaFindingOrigin  origin,
                            double              confidence,
                            GPtrArray          *evidence)
{
  PactaFindingStatus old_status;
  PactaFindingOrigin old_origin;
  double old_confidence;

  g_return_if_fail (PACTA_IS_FINDING (self));

  old_status = pacta_finding_get_status (self);
  old_origin = pacta_finding_get_origin (self);
  old_confidence = pacta_finding_get_confidence (self);

  self->computed_status = status;
  self->computed_origin = origin;
  self->confidence = CLAMP (confidence, 0.0, 1.0);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  self->evidence = evidence ? evidence : g_ptr_array_new_with_free_func ((GDestroyNotify) pacta_evidence_free);

  notify_all (self, old_status, old_origin, old_confidence);
}

/* CONFIRMED keeps the computed status; REJECTED turns a found item into a missing one and a
 * missing one into a covered one; SET and NOT_APPLICABLE take @status (the latter always
 * not-applicable) and @reason. */
void
pacta_finding_decide (PactaFinding       *self,
                      PactaFindingOrigin  origin,
                      PactaFindingStatus  status,
                      const char         *reason)
{
  PactaFindingStatus old_status;
  PactaFindingOrigin old_origin;
  double old_confidence;

  g_return_if_fail (PACTA_IS_FINDING (self));
  g_return_if_fail (origin >= PACTA_FINDING_ORIGIN_CONFIRMED);

  old_status = pacta_finding_get_status (self);
  old_origin = pacta_finding_get_origin (self);
  old_confidence = pacta_finding_get_confidence (self);

  switch (origin)
    {
    case PACTA_FINDING_ORIGIN_CONFIRMED:
      status = self->computed_status;
      break;
    case PACTA_FINDING_ORIGIN_REJECTED:
      status = self->computed_status == PACTA_FINDING_STATUS_MISSING ? PACTA_FINDING_STATUS_COVERED
                                                                     : PACTA_FINDING_STATUS_MISSING;
      break;
    case PACTA_FINDING_ORIGIN_NOT_APPLICABLE:
      status = PACTA_FINDING_STATUS_NOT_APPLICABLE;
      break;
    case PACTA_FINDING_ORIGIN_SET:
    case PACTA_FINDING_ORIGIN_MATCHED:
    case PACTA_FINDING_ORIGIN_TAGGED:
    default:
      break;
    }

  self->decided = TRUE;
  self->decided_origin = origin;
  self->decided_status = status;
  if (g_strcmp0 (self->reason, reason) != 0)
    {
      g_free (self->reason);
      self->reason = g_strdup (reason);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
    }
  notify_all (self, old_status, old_origin, old_confidence);
}

void
pacta_finding_clear_decision (PactaFinding *self)
{
  PactaFindingStatus old_status;
  PactaFindingOrigin old_origin;
  double old_confidence;

  g_return_if_fail (PACTA_IS_FINDING (self));

  if (!self->decided)
    return;
  old_status = pacta_finding_get_status (self);
  old_origin = pacta_finding_get_origin (self);
  old_confidence = pacta_finding_get_confidence (self);
  self->decided = FALSE;
  if (self->reason != NULL)
    {
      g_clear_pointer (&self->reason, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
    }
  notify_all (self, old_status, old_origin, old_confidence);
}

gboolean
pacta_finding_has_decision (PactaFinding *self)
{
  g_return_val_if_fail (PACTA_IS_FINDING (self), FALSE);
  return self->decided;
}
