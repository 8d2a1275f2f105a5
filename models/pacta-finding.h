/* pacta-finding.h — the status of one guideline item in one agreement, with its evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pacta-guideline-item.h"
#include "pacta-types.h"

G_BEGIN_DECLS

/* A provision that speaks to the item, with the words that show it. */
typedef struct
{
  char    *eid;
  char   **terms;   /* the item's terms found there, as written in the guideline */
  double   score;
} PactaEvidence;

#define PACTA_TYPE_EVIDENCE (pacta_evidence_get_type ())
GType          pacta_evidence_get_type (void) G_GNUC_CONST;
PactaEvidence *pacta_evidence_new      (const char          *eid,
                                        const char * const  *terms,
                                        double               score);
PactaEvidence *pacta_evidence_copy     (const PactaEvidence *evidence);
void           pacta_evidence_free     (PactaEvidence       *evidence);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PactaEvidence, pacta_evidence_free)

#define PACTA_TYPE_FINDING (pacta_finding_get_type ())

G_DECLARE_FINAL_TYPE (PactaFinding, pacta_finding, PACTA, FINDING, GObject)

PactaFinding       *pacta_finding_new               (PactaGuidelineItem *item);
PactaGuidelineItem *pacta_finding_get_item          (PactaFinding       *self);
PactaFindingStatus  pacta_finding_get_status        (PactaFinding       *self);
PactaFindingOrigin  pacta_finding_get_origin        (PactaFinding       *self);
double              pacta_finding_get_confidence    (PactaFinding       *self);
const char         *pacta_finding_get_reason        (PactaFinding       *self);
GPtrArray          *pacta_finding_get_evidence      (PactaFinding       *self);
PactaFindingStatus  pacta_finding_get_computed_status (PactaFinding     *self);
PactaFindingOrigin  pacta_finding_get_computed_origin (PactaFinding     *self);

/* Set by the matcher: the status its evidence supports. */
void                pacta_finding_set_computed      (PactaFinding       *self,
                                                     PactaFindingStatus  status,
                                                     PactaFindingOrigin  origin,
                                                     double              confidence,
                                                     GPtrArray          *evidence);

/* A person's decision; it wins over the computed status until cleared. */
void                pacta_finding_decide            (PactaFinding       *self,
                                                     PactaFindingOrigin  origin,
                                                     PactaFindingStatus  status,
                                                     const char         *reason);
void                pacta_finding_clear_decision    (PactaFinding       *self);
gboolean            pacta_finding_has_decision      (PactaFinding       *self);

G_END_DECLS
