/* pacta-comparison.h — two agreements aligned unit by unit, with word diffs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pacta-agreement.h"
#include "pacta-alignment.h"
#include "pacta-word-diff.h"

G_BEGIN_DECLS

typedef struct
{
  guint same;
  guint changed;
  guint moved;
  guint moved_changed;   /* moved pairs that are also changed */
  guint split;
  guint merged;
  guint added;
  guint removed;
  guint words_inserted;  /* within pairs, splits and merges */
  guint words_deleted;
  guint words_added;     /* in added units */
  guint words_removed;   /* in removed units */
} PactaComparisonSummary;

/* One line of the side-by-side layout. A cell starts on a line when its unit index is
 * 0 or more, and covers `span` lines (a split's A unit spans its B units); -1 means no
 * cell starts there (empty, or covered from above). A moved row has its A cell on a
 * line of its own where it stood in A, and its B cell where it stands in B. */
typedef struct
{
  PactaAlignment *alignment;   /* borrowed */
  int             a_unit;
  int             b_unit;
  guint           a_span;
  guint           b_span;
} PactaCompareLine;

#define PACTA_TYPE_COMPARISON (pacta_comparison_get_type ())

G_DECLARE_FINAL_TYPE (PactaComparison, pacta_comparison, PACTA, COMPARISON, GObject)

PactaComparison        *pacta_comparison_new                (PactaAgreement          *agreement_a,
                                                             PactaAgreement          *agreement_b,
                                                             PactaDiffFlags           flags);
PactaAgreement         *pacta_comparison_get_agreement      (PactaComparison         *self,
                                                             PactaSide                side);
PactaDiffFlags          pacta_comparison_get_flags          (PactaComparison         *self);
void                    pacta_comparison_set_flags          (PactaComparison         *self,
                                                             PactaDiffFlags           flags);
void                    pacta_comparison_get_summary        (PactaComparison         *self,
                                                             PactaComparisonSummary  *summary);
char                   *pacta_comparison_dup_summary_label  (PactaComparison         *self);
PactaAlignment         *pacta_comparison_find               (PactaComparison         *self,
                                                             PactaSide                side,
                                                             const char              *eid);
GPtrArray              *pacta_comparison_list_by_position   (PactaComparison         *self,
                                                             PactaSide                side);
const PactaCompareLine *pacta_comparison_get_lines          (PactaComparison         *self,
                                                             guint                   *n_lines);
double                  pacta_comparison_get_elapsed        (PactaComparison         *self);

G_END_DECLS
