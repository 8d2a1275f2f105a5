/* pacta-comparison.c — two agreements aligned unit by unit, with word diffs
 *
 * The comparison runs the aligner over the article-level units of both agreements,
 * then diffs each row under the filters. Changing the filters re-diffs the rows but
 * keeps the alignment (the aligner ignores numbering, case and punctuation anyway).
 *
 * As a GListModel it lists its rows (PactaAlignment) in display order: the order of
 * the side-by-side layout, which walks both agreements at once, row by row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-comparison"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pacta-comparison-private.h"

struct _PactaComparison
{
  GObject                 parent_instance;

  PactaAgreement         *agreement[2];
  PactaDiffFlags          flags;
  GPtrArray              *rows;       /* PactaAlignment, display order */
  GArray                 *lines;      /* PactaCompareLine */
  GHashTable             *by_eid[2];  /* eId → PactaAlignment (borrowed) */
  PactaComparisonSummary  summary;
  double                  elapsed;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PactaComparison, pacta_comparison, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_AGREEMENT_A,
  PROP_AGREEMENT_B,
  PROP_FLAGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
list_model_get_item_type (GListModel *model)
{
  return PACTA_TYPE_ALIGNMENT;
}

static guint
list_model_get_n_items (GListModel *model)
{
  PactaComparison *self = PACTA_COMPARISON (model);

  return self->rows ? self->rows->len : 0;
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  PactaComparison *self = PACTA_COMPARISON (model);

  if (self->rows == NULL || position >= self->rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

static void
update_summary (PactaComparison *self)
{
  PactaComparisonSummary *s = &self->summary;

  memset (s, 0, sizeof *s);
  for (guint i = 0; i < self->rows->len; i++)
    {
      PactaAlignment *row = g_ptr_array_index (self->rows, i);

      switch (pacta_alignment_get_kind (row))
        {
        case PACTA_ALIGNMENT_SAME:
          s->same++;
          break;
        case PACTA_ALIGNMENT_CHANGED:
          s->changed++;
          break;
        case PACTA_ALIGNMENT_MOVED:
          s->moved++;
          if (pacta_alignment_get_changed (row))
            s->moved_changed++;
          break;
        case PACTA_ALIGNMENT_SPLIT:
          s->split++;
          break;
        case PACTA_ALIGNMENT_MERGE:
          s->merged++;
          break;
        case PACTA_ALIGNMENT_ADDED:
          s->added++;
          break;
        case PACTA_ALIGNMENT_REMOVED:
          s->removed++;
          break;
        default:
          break;
        }
      switch (pacta_alignment_get_kind (row))
        {
        case PACTA_ALIGNMENT_ADDED:
          s->words_added += pacta_alignment_get_inserted (row);
          break;
        case PACTA_ALIGNMENT_REMOVED:
          s->words_removed += pacta_alignment_get_deleted (row);
          break;
        default:
          s->words_inserted += pacta_alignment_get_inserted (row);
          s->words_deleted += pacta_alignment_get_deleted (row);
          break;
        }
    }
}

static void
rediff (PactaComparison *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    _pacta_alignment_update_diff (g_ptr_array_index (self->rows, i), self->flags);
  update_summary (self);
}

/* Layout */

typedef struct
{
  PactaAlignment *row;
  guint           index;   /* of the unit within the row */
} Owner;

static void
add_line (GArray         *lines,
          PactaAlignment *row,
          int             a_unit,
          int             b_unit,
          guint           a_span,
          guint           b_span)
{
  PactaCompareLine line = { row, a_unit, b_unit, a_span, b_span };

  g_array_append_val (lines, line);
}

static gboolean
is_anchor (PactaAlignment *row)
{
  PactaShape shape = _pacta_alignment_get_shape (row);

  return (shape == PACTA_SHAPE_PAIR || shape == PACTA_SHAPE_SPLIT || shape == PACTA_SHAPE_MERGE) &&
         !pacta_alignment_get_moved (row);
}

static int
compare_by_a (gconstpointer a,
              gconstpointer b)
{
  PactaAlignment *x = *(PactaAlignment **) a;
  PactaAlignment *y = *(PactaAlignment **) b;
  guint px = pacta_alignment_get_position (x, PACTA_SIDE_A);
  guint py = pacta_alignment_get_position (y, PACTA_SIDE_A);

  return px < py ? -1 : px > py;
}

/* Walks both agreements at once: between two anchors (rows in order on both sides) the
 * units of A alone come first (removed, or moved away), then those of B alone (added,
 * or moved here), then the anchor's line(s). */
static void
build_layout (PactaComparison *self,
              GPtrArray       *alignments,
              guint            n_a,
              guint            n_b)
{
  g_autofree Owner *owner_a = g_new0 (Owner, n_a + 1);
  g_autofree Owner *owner_b = g_new0 (Owner, n_b + 1);
  g_autoptr(GPtrArray) anchors = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint ia = 0, ib = 0;

  for (guint i = 0; i < alignments->len; i++)
    {
      PactaAlignment *row = g_ptr_array_index (alignments, i);
      guint pa = pacta_alignment_get_position (row, PACTA_SIDE_A);
      guint pb = pacta_alignment_get_position (row, PACTA_SIDE_B);

      for (guint k = 0; k < pacta_alignment_get_n_units (row, PACTA_SIDE_A); k++)
        owner_a[pa + k] = (Owner) { row, k };
      for (guint k = 0; k < pacta_alignment_get_n_units (row, PACTA_SIDE_B); k++)
        owner_b[pb + k] = (Owner) { row, k };
      if (is_anchor (row))
        g_ptr_array_add (anchors, row);
    }
  g_ptr_array_sort (anchors, compare_by_a);

  for (guint k = 0; k <= anchors->len; k++)
    {
      PactaAlignment *anchor = k < anchors->len ? g_ptr_array_index (anchors, k) : NULL;
      guint stop_a = anchor ? pacta_alignment_get_position (anchor, PACTA_SIDE_A) : n_a;
      guint stop_b = anchor ? pacta_alignment_get_position (anchor, PACTA_SIDE_B) : n_b;

      for (; ia < stop_a; ia++)
        {
          g_assert (owner_a[ia].row != NULL);
          add_line (self->lines, owner_a[ia].row, owner_a[ia].index, -1, 1, 0);
        }
      for (; ib < stop_b; ib++)
        {
          g_assert (owner_b[ib].row != NULL);
          add_line (self->lines, owner_b[ib].row, -1, owner_b[ib].index, 0, 1);
        }
      if (anchor)
        {
          guint na = pacta_alignment_get_n_units (anchor, PACTA_SIDE_A);
          guint nb = pacta_alignment_get_n_units (anchor, PACTA_SIDE_B);
          guint n = MAX (na, nb);

          /* A lone unit spans the lines of the several on the other side. */
          for (guint j = 0; j < n; j++)
            add_line (self->lines, anchor,
                      j < na ? (int) j : -1,
                      j < nb ? (int) j : -1,
                      j < na ? (na == 1 ? n : 1) : 0,
                      j < nb ? (nb == 1 ? n : 1) : 0);
          ia = stop_a + na;
          ib = stop_b + nb;
        }
    }

  for (guint i = 0; i < self->lines->len; i++)
    {
      PactaAlignment *row = g_array_index (self->lines, PactaCompareLine, i).alignment;

      if (g_hash_table_add (seen, row))
        g_ptr_array_add (self->rows, g_object_ref (row));
    }
  g_assert (self->rows->len == alignments->len);
}

static void
run (PactaComparison *self)
{
  g_autoptr(GPtrArray) units_a = pacta_agreement_collect_articles (self->agreement[0]);
  g_autoptr(GPtrArray) units_b = pacta_agreement_collect_articles (self->agreement[1]);
  g_autoptr(GPtrArray) alignments = NULL;
  gint64 start = g_get_monotonic_time ();

  alignments = _pacta_aligner_align (units_a, units_b);
  build_layout (self, alignments, units_a->len, units_b->len);

  for (guint i = 0; i < self->rows->len; i++)
    {
      PactaAlignment *row = g_ptr_array_index (self->rows, i);

      for (int side = 0; side < 2; side++)
        for (guint k = 0; k < pacta_alignment_get_n_units (row, side); k++)
          {
            const char *eid = pacta_provision_get_eid (pacta_alignment_get_unit (row, side, k));

            if (eid)
              g_hash_table_insert (self->by_eid[side], (gpointer) eid, row);
          }
    }
  rediff (self);
  self->elapsed = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_debug ("compared %u and %u units in %.2f ms", units_a->len, units_b->len, self->elapsed * 1000);
}

static void
pacta_comparison_constructed (GObject *object)
{
  PactaComparison *self = (PactaComparison *) object;

  G_OBJECT_CLASS (pacta_comparison_parent_class)->constructed (object);

  if (self->agreement[0] == NULL)
    self->agreement[0] = pacta_agreement_new ();
  if (self->agreement[1] == NULL)
    self->agreement[1] = pacta_agreement_new ();
  run (self);
}

static void
pacta_comparison_dispose (GObject *object)
{
  PactaComparison *self = (PactaComparison *) object;

  g_clear_object (&self->agreement[0]);
  g_clear_object (&self->agreement[1]);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pacta_comparison_parent_class)->dispose (object);
}

static void
pacta_comparison_finalize (GObject *object)
{
  PactaComparison *self = (PactaComparison *) object;

  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->by_eid[0], g_hash_table_unref);
  g_clear_pointer (&self->by_eid[1], g_hash_table_unref);

  G_OBJECT_CLASS (pacta_comparison_parent_class)->finalize (object);
}

static void
pacta_comparison_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PactaComparison *self = PACTA_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_AGREEMENT_A:
      g_value_set_object (value, self->agreement[0]);
      break;
    case PROP_AGREEMENT_B:
      g_value_set_object (value, self->agreement[1]);
      break;
    case PROP_FLAGS:
      g_value_set_uint (value, self->flags);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_comparison_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PactaComparison *self = PACTA_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_AGREEMENT_A:
      self->agreement[0] = g_value_dup_object (value);
      break;
    case PROP_AGREEMENT_B:
      self->agreement[1] = g_value_dup_object (value);
      break;
    case PROP_FLAGS:
      if (self->rows == NULL || self->rows->len == 0)
        self->flags = g_value_get_uint (value);
      else
        pacta_comparison_set_flags (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_comparison_class_init (PactaComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pacta_comparison_constructed;
  object_class->dispose = pacta_comparison_dispose;
  object_class->finalize = pacta_comparison_finalize;
  object_class->get_property = pacta_comparison_get_property;
  object_class->set_property = pacta_comparison_set_property;

  properties[PROP_AGREEMENT_A] =
    g_param_spec_object ("agreement-a", NULL, NULL, PACTA_TYPE_AGREEMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AGREEMENT_B] =
    g_param_spec_object ("agreement-b", NULL, NULL, PACTA_TYPE_AGREEMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* PactaDiffFlags */
  properties[PROP_FLAGS] =
    g_param_spec_uint ("flags", NULL, NULL, 0, G_MAXUINT, PACTA_DIFF_DEFAULT_FLAGS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pacta_comparison_init (PactaComparison *self)
{
  self->flags = PACTA_DIFF_DEFAULT_FLAGS;
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->lines = g_array_new (FALSE, FALSE, sizeof (PactaCompareLine));
  self->by_eid[0] = g_hash_table_new (g_str_hash, g_str_equal);
  self->by_eid[1] = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * pacta_comparison_new:
 * @agreement_a: the old text (left)
 * @agreement_b: the new text (right)
 * @flags: what the word diffs ignore
 *
 * Aligns the article-level units of the two agreements and diffs each row.
 *
 * Returns: (transfer full): the comparison
 */
PactaComparison *
pacta_comparison_new (PactaAgreement *agreement_a,
                      PactaAgreement *agreement_b,
                      PactaDiffFlags  flags)
{
  g_return_val_if_fail (PACTA_IS_AGREEMENT (agreement_a), NULL);
  g_return_val_if_fail (PACTA_IS_AGREEMENT (agreement_b), NULL);

  return g_object_new (PACTA_TYPE_COMPARISON,
                       "agreement-a", agreement_a,
                       "agreement-b", agreement_b,
                       "flags", (guint) flags,
                       NULL);
}

PactaAgreement *
pacta_comparison_get_agreement (PactaComparison *self,
                                PactaSide        side)
{
  g_return_val_if_fail (PACTA_IS_COMPARISON (self), NULL);
  return self->agreement[side == PACTA_SIDE_B];
}

PactaDiffFlags
pacta_comparison_get_flags (PactaComparison *self)
{
  g_return_val_if_fail (PACTA_IS_COMPARISON (self), 0);
  return self->flags;
}

/* Re-diffs every row under new filters; the rows stay, their kinds and counts may
 * change (items-changed covers all rows). */
void
pacta_comparison_set_flags (PactaComparison *self,
                            PactaDiffFlags   flags)
{
  g_return_if_fail (PACTA_IS_COMPARISON (self));

  if (self->flags == flags)
    return;
  self->flags = flags;
  rediff (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, self->rows->len, self->rows->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLAGS]);
}

void
pacta_comparison_get_summary (PactaComparison        *self,
                              PactaComparisonSummary *summary)
{
  g_return_if_fail (PACTA_IS_COMPARISON (self));
  g_return_if_fail (summary != NULL);
  *summary = self->summary;
}

/* "12 same · 9 changed (214 words) · 2 moved · 1 split · 2 added · 1 removed"; kinds
 * with no rows are left out, except "same". The words are those inserted and deleted
 * within pairs, splits and merges (not the whole text of added or removed units). */
char *
pacta_comparison_dup_summary_label (PactaComparison *self)
{
  const PactaComparisonSummary *s;
  GString *out;
  guint words;

  g_return_val_if_fail (PACTA_IS_COMPARISON (self), NULL);

  s = &self->summary;
  words = s->words_inserted + s->words_deleted;
  out = g_string_new (NULL);
  g_string_append_printf (out, _("%u same"), s->same);
  if (s->changed || words)
    {
      g_string_append (out, " · ");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u changed (%u word)", "%u changed (%u words)", words),
                              s->changed, words);
    }
  if (s->moved)
    {
      g_string_append (out, " · ");
      g_string_append_printf (out, _("%u moved"), s->moved);
    }
  if (s->split)
    {
      g_string_append (out, " · ");
      g_string_append_printf (out, _("%u split"), s->split);
    }
  if (s->merged)
    {
      g_string_append (out, " · ");
      g_string_append_printf (out, _("%u merged"), s->merged);
    }
  if (s->added)
    {
      g_string_append (out, " · ");
      g_string_append_printf (out, _("%u added"), s->added);
    }
  if (s->removed)
    {
      g_string_append (out, " · ");
      g_string_append_printf (out, _("%u removed"), s->removed);
    }
  return g_string_free (out, FALSE);
}

/* Returns: (transfer none) (nullable): the row holding the unit with that eId */
PactaAlignment *
pacta_comparison_find (PactaComparison *self,
                       PactaSide        side,
                       const char      *eid)
{
  g_return_val_if_fail (PACTA_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (eid != NULL, NULL);
  return g_hash_table_lookup (self->by_eid[side == PACTA_SIDE_B], eid);
}

typedef struct
{
  PactaSide side;
} SortBy;

static int
compare_position (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  SortBy *by = user_data;
  PactaAlignment *x = *(PactaAlignment **) a;
  PactaAlignment *y = *(PactaAlignment **) b;
  guint px = pacta_alignment_get_position (x, by->side);
  guint py = pacta_alignment_get_position (y, by->side);

  return px < py ? -1 : px > py;
}

/**
 * pacta_comparison_list_by_position:
 * @side: which agreement's order
 *
 * Returns: (transfer container): the rows that have units on @side, in that side's order
 */
GPtrArray *
pacta_comparison_list_by_position (PactaComparison *self,
                                   PactaSide        side)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  SortBy by = { side };

  g_return_val_if_fail (PACTA_IS_COMPARISON (self), out);

  for (guint i = 0; i < self->rows->len; i++)
    {
      PactaAlignment *row = g_ptr_array_index (self->rows, i);

      if (pacta_alignment_get_n_units (row, side) > 0)
        g_ptr_array_add (out, g_object_ref (row));
    }
  g_ptr_array_sort_with_data (out, compare_position, &by);
  return out;
}

const PactaCompareLine *
pacta_comparison_get_lines (PactaComparison *self,
                            guint           *n_lines)
{
  g_return_val_if_fail (PACTA_IS_COMPARISON (self), NULL);
  if (n_lines)
    *n_lines = self->lines->len;
  return (const PactaCompareLine *) (gpointer) self->lines->data;
}

/* Seconds the alignment and the first diffs took. */
double
pacta_comparison_get_elapsed (PactaComparison *self)
{
  g_return_val_if_fail (PACTA_IS_COMPARISON (self), 0.0);
  return self->elapsed;
}
