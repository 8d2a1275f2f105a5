/* pacta-alignment.h — one row of a comparison: a pair, split, merge, addition or removal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pacta-provision.h"
#include "pacta-word-diff.h"

G_BEGIN_DECLS

typedef enum
{
  PACTA_ALIGNMENT_SAME,     /* a pair, in order, no difference under the filters */
  PACTA_ALIGNMENT_CHANGED,  /* a pair, in order, with differences */
  PACTA_ALIGNMENT_MOVED,    /* a pair out of order (it may also be changed) */
  PACTA_ALIGNMENT_SPLIT,    /* one unit of A became consecutive units of B */
  PACTA_ALIGNMENT_MERGE,    /* consecutive units of A became one unit of B */
  PACTA_ALIGNMENT_ADDED,    /* a unit of B only */
  PACTA_ALIGNMENT_REMOVED,  /* a unit of A only */
} PactaAlignmentKind;

const char *pacta_alignment_kind_to_string (PactaAlignmentKind kind);
const char *pacta_alignment_kind_to_label  (PactaAlignmentKind kind);

#define PACTA_TYPE_ALIGNMENT (pacta_alignment_get_type ())

G_DECLARE_FINAL_TYPE (PactaAlignment, pacta_alignment, PACTA, ALIGNMENT, GObject)

PactaAlignmentKind  pacta_alignment_get_kind        (PactaAlignment *self);
gboolean            pacta_alignment_is_pair         (PactaAlignment *self);
gboolean            pacta_alignment_get_moved       (PactaAlignment *self);
gboolean            pacta_alignment_get_changed     (PactaAlignment *self);
double              pacta_alignment_get_score       (PactaAlignment *self);
guint               pacta_alignment_get_n_units     (PactaAlignment *self,
                                                     PactaSide       side);
PactaProvision     *pacta_alignment_get_unit        (PactaAlignment *self,
                                                     PactaSide       side,
                                                     guint           index);
guint               pacta_alignment_get_position    (PactaAlignment *self,
                                                     PactaSide       side);
void                pacta_alignment_get_unit_range  (PactaAlignment *self,
                                                     PactaSide       side,
                                                     guint           index,
                                                     guint          *start,
                                                     guint          *heading_end,
                                                     guint          *body_start,
                                                     guint          *end);
PactaWordDiff      *pacta_alignment_get_diff        (PactaAlignment *self);
guint               pacta_alignment_get_inserted    (PactaAlignment *self);
guint               pacta_alignment_get_deleted     (PactaAlignment *self);
char               *pacta_alignment_dup_label       (PactaAlignment *self,
                                                     PactaSide       side);

char               *pacta_provision_dup_compare_text (PactaProvision *provision,
                                                      guint          *heading_end);

G_END_DECLS
