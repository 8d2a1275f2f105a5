/* pacta-coverage.h — one agreement held against one guideline: a finding per item, and scores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pacta-agreement.h"
#include "pacta-finding.h"
#include "pacta-guideline.h"

G_BEGIN_DECLS

typedef struct
{
  guint covered;
  guint partial;
  guint missing;
  guint not_applicable;
} PactaCoverageCounts;

#define PACTA_TYPE_COVERAGE (pacta_coverage_get_type ())

G_DECLARE_FINAL_TYPE (PactaCoverage, pacta_coverage, PACTA, COVERAGE, GObject)

PactaCoverage      *pacta_coverage_new                (PactaAgreement      *agreement,
                                                       PactaGuideline      *guideline);
PactaAgreement     *pacta_coverage_get_agreement      (PactaCoverage       *self);
PactaGuideline     *pacta_coverage_get_guideline      (PactaCoverage       *self);
GListModel         *pacta_coverage_get_findings       (PactaCoverage       *self);
PactaFinding       *pacta_coverage_lookup             (PactaCoverage       *self,
                                                       const char          *slug);
double              pacta_coverage_get_score          (PactaCoverage       *self);
PactaCoverageCounts pacta_coverage_get_counts         (PactaCoverage       *self);
double              pacta_coverage_get_category_score (PactaCoverage       *self,
                                                       const char          *category_id,
                                                       PactaCoverageCounts *counts);

const char * const *pacta_coverage_suggested_guidelines (PactaAgreementKind kind);

G_END_DECLS
