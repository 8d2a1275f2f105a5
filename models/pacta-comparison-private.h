/* pacta-comparison-private.h — what the aligner, the comparison and its rows share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pacta-alignment.h"
#include "pacta-comparison.h"

G_BEGIN_DECLS

typedef enum
{
  PACTA_SHAPE_PAIR,
  PACTA_SHAPE_SPLIT,
  PACTA_SHAPE_MERGE,
  PACTA_SHAPE_ADDED,
  PACTA_SHAPE_REMOVED,
} PactaShape;

PactaAlignment *_pacta_alignment_new         (PactaShape      shape,
                                              GPtrArray      *a_units,
                                              GPtrArray      *b_units,
                                              guint           a_position,
                                              guint           b_position,
                                              double          score);
PactaShape      _pacta_alignment_get_shape   (PactaAlignment *self);
void            _pacta_alignment_set_moved   (PactaAlignment *self,
                                              gboolean        moved);
void            _pacta_alignment_update_diff (PactaAlignment *self,
                                              PactaDiffFlags  flags);
void            _pacta_alignment_set_prepared (PactaAlignment *self,
                                               PactaSide       side,
                                               const char     *text,
                                               guint           heading_end,
                                               GArray         *tokens);

/* Aligns article-level units (arrays of PactaProvision) and returns the alignments
 * (pairs, splits, merges, added, removed), with positions, scores and moves set, but no
 * diffs yet. */
GPtrArray      *_pacta_aligner_align         (GPtrArray      *units_a,
                                              GPtrArray      *units_b);

G_END_DECLS
