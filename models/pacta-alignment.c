/* pacta-alignment.c — one row of a comparison: a pair, split, merge, addition or removal
 *
 * An alignment holds the units (article-level provisions) of each side, their positions
 * in their agreements, the aligner's score, whether the row is out of order (moved), and
 * the word diff of the two sides' texts. A side's text is its units' texts, each the
 * heading on the first line and then the provision's words, one paragraph a line, with
 * paragraph and point labels in front of their words; the units' byte ranges in that
 * text let a view or a report show each unit on its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-alignment"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pacta-comparison-private.h"
#include "pacta-word-diff-private.h"

typedef struct
{
  guint start;
  guint heading_end;
  guint body_start;
  guint end;
} UnitRange;

struct _PactaAlignment
{
  GObject         parent_instance;

  PactaShape      shape;
  GPtrArray      *units[2];     /* PactaProvision */
  guint           position[2];  /* index of the first unit in its agreement's units */
  double          score;
  char           *text[2];
  GArray         *ranges[2];    /* UnitRange per unit */
  GArray         *tokens[2];    /* of text, when the aligner had them already */
  PactaWordDiff  *diff;
  guint           moved : 1;
};

G_DEFINE_FINAL_TYPE (PactaAlignment, pacta_alignment, G_TYPE_OBJECT)

const char *
pacta_alignment_kind_to_string (PactaAlignmentKind kind)
{
  switch (kind)
    {
    case PACTA_ALIGNMENT_SAME:    return "same";
    case PACTA_ALIGNMENT_CHANGED: return "changed";
    case PACTA_ALIGNMENT_MOVED:   return "moved";
    case PACTA_ALIGNMENT_SPLIT:   return "split";
    case PACTA_ALIGNMENT_MERGE:   return "merge";
    case PACTA_ALIGNMENT_ADDED:   return "added";
    case PACTA_ALIGNMENT_REMOVED: return "removed";
    default:                      return "unknown";
    }
}

const char *
pacta_alignment_kind_to_label (PactaAlignmentKind kind)
{
  switch (kind)
    {
    case PACTA_ALIGNMENT_SAME:    return _("same");
    case PACTA_ALIGNMENT_CHANGED: return _("changed");
    case PACTA_ALIGNMENT_MOVED:   return _("moved");
    case PACTA_ALIGNMENT_SPLIT:   return _("split");
    case PACTA_ALIGNMENT_MERGE:   return _("merged");
    case PACTA_ALIGNMENT_ADDED:   return _("added");
    case PACTA_ALIGNMENT_REMOVED: return _("removed");
    default:                      return "";
    }
}

/* Text of a provision for comparing */

static void
flatten (PactaProvision *provision,
         GString        *out,
         GString        *pending,
         gboolean        label)
{
  const char *num = label ? pacta_provision_get_num (provision) : NULL;
  const char *heading = label ? pacta_provision_get_heading (provision) : NULL;
  const char *text = pacta_provision_get_text (provision);
  guint n = pacta_provision_get_n_children (provision);

  if (heading && heading[0])
    {
      if (out->len)
        g_string_append_c (out, '\n');
      if (pending->len)
        {
          g_string_append (out, pending->str);
          g_string_append_c (out, ' ');
          g_string_truncate (pending, 0);
        }
      if (num && num[0])
        {
          g_string_append (out, num);
          g_string_append_c (out, ' ');
        }
      g_string_append (out, heading);
    }
  else if (num && num[0])
    {
      if (pending->len)
        g_string_append_c (pending, ' ');
      g_string_append (pending, num);
    }

  if (text && text[0])
    {
      if (out->len)
        g_string_append_c (out, '\n');
      if (pending->len)
        {
          g_string_append (out, pending->str);
          g_string_append_c (out, ' ');
          g_string_truncate (pending, 0);
        }
      g_string_append (out, text);
    }

  for (guint i = 0; i < n; i++)
    flatten (pacta_provision_get_child (provision, i), out, pending, TRUE);
}

/**
 * pacta_provision_dup_compare_text:
 * @provision: an article-level provision
 * @heading_end: (out) (optional): where the heading ends (0 without a heading)
 *
 * The text a comparison diffs: the heading on the first line (the provision's own
 * number left out, since numbering is what renumbering changes), then its words one
 * paragraph a line, each label in front of its words ("2. (a) matching …").
 *
 * Returns: (transfer full): the text
 */
char *
pacta_provision_dup_compare_text (PactaProvision *provision,
                                  guint          *heading_end)
{
  g_autoptr(GString) pending = g_string_new (NULL);
  GString *out = g_string_new (NULL);
  const char *heading;

  g_return_val_if_fail (PACTA_IS_PROVISION (provision), NULL);

  heading = pacta_provision_get_heading (provision);
  if (heading && heading[0])
    g_string_append (out, heading);
  if (heading_end)
    *heading_end = out->len;
  flatten (provision, out, pending, FALSE);
  if (pending->len)
    {
      if (out->len)
        g_string_append_c (out, '\n');
      g_string_append (out, pending->str);
    }
  return g_string_free (out, FALSE);
}

static void
build_side_text (PactaAlignment *self,
                 int             side)
{
  if (self->text[side] != NULL)
    return;

  GString *out = g_string_new (NULL);
  GPtrArray *units = self->units[side];

  self->ranges[side] = g_array_sized_new (FALSE, FALSE, sizeof (UnitRange), units->len);
  for (guint i = 0; i < units->len; i++)
    {
      guint heading_end = 0;
      g_autofree char *text = pacta_provision_dup_compare_text (g_ptr_array_index (units, i), &heading_end);
      UnitRange range;

      if (i > 0)
        g_string_append_c (out, '\n');
      range.start = out->len;
      range.heading_end = out->len + heading_end;
      range.body_start = range.heading_end + (text[heading_end] == '\n' ? 1 : 0);
      g_string_append (out, text);
      range.end = out->len;
      g_array_append_val (self->ranges[side], range);
    }
  self->text[side] = g_string_free (out, FALSE);
}

static void
pacta_alignment_finalize (GObject *object)
{
  PactaAlignment *self = (PactaAlignment *) object;

  for (int side = 0; side < 2; side++)
    {
      g_clear_pointer (&self->units[side], g_ptr_array_unref);
      g_clear_pointer (&self->ranges[side], g_array_unref);
      g_clear_pointer (&self->tokens[side], g_array_unref);
      g_free (self->text[side]);
    }
  g_clear_object (&self->diff);

  G_OBJECT_CLASS (pacta_alignment_parent_class)->finalize (object);
}

static void
pacta_alignment_class_init (PactaAlignmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pacta_alignment_finalize;
}

static void
pacta_alignment_init (PactaAlignment *self)
{
}

static GPtrArray *
copy_units (GPtrArray *units)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; units && i < units->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (units, i)));
  return copy;
}

PactaAlignment *
_pacta_alignment_new (PactaShape  shape,
                      GPtrArray  *a_units,
                      GPtrArray  *b_units,
                      guint       a_position,
                      guint       b_position,
                      double      score)
{
  PactaAlignment *self = g_object_new (PACTA_TYPE_ALIGNMENT, NULL);

  self->shape = shape;
  self->units[0] = copy_units (a_units);
  self->units[1] = copy_units (b_units);
  self->position[0] = self->units[0]->len ? a_position : G_MAXUINT;
  self->position[1] = self->units[1]->len ? b_position : G_MAXUINT;
  self->score = score;
  return self;
}

PactaShape
_pacta_alignment_get_shape (PactaAlignment *self)
{
  return self->shape;
}

void
_pacta_alignment_set_moved (PactaAlignment *self,
                            gboolean        moved)
{
  self->moved = !!moved;
}

void
_pacta_alignment_update_diff (PactaAlignment *self,
                              PactaDiffFlags  flags)
{
  if (self->diff && pacta_word_diff_get_flags (self->diff) == flags)
    return;
  g_clear_object (&self->diff);
  build_side_text (self, 0);
  build_side_text (self, 1);
  self->diff = _pacta_word_diff_new_tokenized (self->text[0], self->tokens[0],
                                               self->text[1], self->tokens[1], flags);
}

/* The text of a one-unit side (pacta_provision_dup_compare_text()) and its tokens, as
 * the aligner made them already. */
void
_pacta_alignment_set_prepared (PactaAlignment *self,
                               PactaSide       side,
                               const char     *text,
                               guint           heading_end,
                               GArray         *tokens)
{
  int s = side == PACTA_SIDE_B;
  UnitRange range;

  g_assert (self->units[s]->len == 1);
  g_assert (self->text[s] == NULL);
  self->text[s] = g_strdup (text);
  range.start = 0;
  range.heading_end = heading_end;
  range.body_start = heading_end + (text[heading_end] == '\n' ? 1 : 0);
  range.end = strlen (text);
  self->ranges[s] = g_array_sized_new (FALSE, FALSE, sizeof (UnitRange), 1);
  g_array_append_val (self->ranges[s], range);
  self->tokens[s] = g_array_ref (tokens);
}

PactaAlignmentKind
pacta_alignment_get_kind (PactaAlignment *self)
{
  g_return_val_if_fail (PACTA_IS_ALIGNMENT (self), PACTA_ALIGNMENT_SAME);

  switch (self->shape)
    {
    case PACTA_SHAPE_SPLIT:
      return PACTA_ALIGNMENT_SPLIT;
    case PACTA_SHAPE_MERGE:
      return PACTA_ALIGNMENT_MERGE;
    case PACTA_SHAPE_ADDED:
      return PACTA_ALIGNMENT_ADDED;
    case PACTA_SHAPE_REMOVED:
      return PACTA_ALIGNMENT_REMOVED;
    case PACTA_SHAPE_PAIR:
    default:
      if (self->moved)
        return PACTA_ALIGNMENT_MOVED;
      return pacta_alignment_get_changed (self) ? PACTA_ALIGNMENT_CHANGED : PACTA_ALIGNMENT_SAME;
    }
}

/* Whether this is a one-to-one pair (same, changed or moved). */
gboolean
pacta_alignment_is_pair (PactaAlignment *self)
{
  g_return_val_if_fail (PACTA_IS_ALIGNMENT (self), FALSE);
  return self->shape == PACTA_SHAPE_PAIR;
}

/* Whether the row stands out of the order of the others (pairs, splits and merges). */
gboolean
pacta_alignment_get_moved (PactaAlignment *self)
{
  g_return_val_if_fail (PACTA_IS_ALIGNMENT (self), FALSE);
  return self->moved;
}

/* Whether the two sides differ under the current filters. */
gboolean
pacta_alignment_get_changed (PactaAlignment *self)
{
  g_return_val_if_fail (PACTA_IS_ALIGNMENT (self), FALSE);
  if (self->diff == NULL)
    {
      build_side_text (self, 0);
      build_side_text (self, 1);
      return g_strcmp0 (self->text[0], self->text[1]) != 0;
    }
  return pacta_word_diff_has_changes (self->diff);
}

/* How alike the aligner found the two sides, 0 to 1 (0 for additions and removals). */
double
pacta_alignment_get_score (PactaAlignment *self)
{
  g_return_val_if_fail (PACTA_IS_ALIGNMENT (self), 0.0);
  return self->score;
}

guint
pacta_alignment_get_n_units (PactaAlignment *self,
                             PactaSide       side)
{
  g_return_val_if_fail (PACTA_IS_ALIGNMENT (self), 0);
  return self->units[side == PACTA_SIDE_B]->len;
}

PactaProvision *
pacta_alignment_get_unit (PactaAlignment *self,
                          PactaSide       side,
                          guint           index)
{
  GPtrArray *units;

  g_return_val_if_fail (PACTA_IS_ALIGNMENT (self), NULL);
  units = self->units[side == PACTA_SIDE_B];
  g_return_val_if_fail (index < units->len, NULL);
  return g_ptr_array_index (units, index);
}

/* Index of the side's first unit among its agreement's units (G_MAXUINT when the side
 * is empty). */
guint
pacta_alignment_get_position (PactaAlignment *self,
                              PactaSide       side)
{
  g_return_val_if_fail (PACTA_IS_ALIGNMENT (self), G_MAXUINT);
  return self->position[side == PACTA_SIDE_B];
}

/* Byte ranges of one unit in the side's text (pacta_word_diff_get_text()): the heading
 * is [start, heading_end), the words [body_start, end). */
void
pacta_alignment_get_unit_range (PactaAlignment *self,
                                PactaSide       side,
                                guint           index,
                                guint          *start,
                                guint          *heading_end,
                                guint          *body_start,
                                guint          *end)
{
  GArray *ranges;
  UnitRange *range;

  g_return_if_fail (PACTA_IS_ALIGNMENT (self));
  build_side_text (self, side == PACTA_SIDE_B);
  ranges = self->ranges[side == PACTA_SIDE_B];
  g_return_if_fail (index < ranges->len);
  range = &g_array_index (ranges, UnitRange, index);
  if (start)
    *start = range->start;
  if (heading_end)
    *heading_end = range->heading_end;
  if (body_start)
    *body_start = range->body_start;
  if (end)
    *end = range->end;
}

/* Returns: (transfer none) (nullable): the word diff under the comparison's filters */
PactaWordDiff *
pacta_alignment_get_diff (PactaAlignment *self)
{
  g_return_val_if_fail (PACTA_IS_ALIGNMENT (self), NULL);
  return self->diff;
}

guint
pacta_alignment_get_inserted (PactaAlignment *self)
{
  g_return_val_if_fail (PACTA_IS_ALIGNMENT (self), 0);
  return self->diff ? pacta_word_diff_get_inserted (self->diff) : 0;
}

guint
pacta_alignment_get_deleted (PactaAlignment *self)
{
  g_return_val_if_fail (PACTA_IS_ALIGNMENT (self), 0);
  return self->diff ? pacta_word_diff_get_deleted (self->diff) : 0;
}

/* "Article 7", "Articles 9–10", or the eIds when the units have no numbers; NULL for an
 * empty side. */
char *
pacta_alignment_dup_label (PactaAlignment *self,
                           PactaSide       side)
{
  GPtrArray *units;
  GString *out;

  g_return_val_if_fail (PACTA_IS_ALIGNMENT (self), NULL);
  units = self->units[side == PACTA_SIDE_B];
  if (units->len == 0)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < units->len; i++)
    {
      PactaProvision *unit = g_ptr_array_index (units, i);
      const char *num = pacta_provision_get_num (unit);

      if (i > 0)
        g_string_append (out, i + 1 == units->len ? _(" and ") : ", ");
      g_string_append (out, num && num[0] ? num : pacta_provision_get_eid (unit));
    }
  return g_string_free (out, FALSE);
}
