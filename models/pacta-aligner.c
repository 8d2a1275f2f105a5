/* pacta-aligner.c — pairs the article-level units of two agreements
 *
 * 1. Features. Each unit's words are case-folded; numbering (labels, cross-reference
 *    numbers), punctuation and stop words are dropped; the unit's own number is never
 *    looked at, so renumbering and numbering styles do not matter. The words and their
 *    two-word shingles, weighted by TF-IDF over the units of both agreements, form the
 *    text vector; the heading's words form a set; the refersTo tags another.
 * 2. Scores. score(a, b) = weighted mean of the text cosine (0.6), the heading cosine
 *    (0.3, when both have headings) and the tags' Jaccard index (0.1, when both are
 *    tagged).
 * 3. Pairs. An optimal assignment (Hungarian algorithm, O(n³)) maximises the sum of
 *    (score − PAIR_THRESHOLD) over the pairs it keeps, so a pair below the threshold is
 *    never worth making; what is left over is added (B) or removed (A).
 * 4. Splits and merges. A unit of A whose text is covered by two or three consecutive
 *    units of B (each mostly contained in it, their union closer to it than any one of
 *    them) is a split; the reverse is a merge. The units involved may have been left
 *    over, or paired weakly, or one of them paired with the unit itself.
 * 5. Moves. Ordering the rows (pairs, splits, merges) by their position in A, the
 *    longest increasing run of their positions in B stays in place; the rest moved.
 *
 * Set PACTA_ALIGNER_DEBUG=1 to print the scores.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-aligner"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pacta-comparison-private.h"

#define PAIR_THRESHOLD    0.30  /* below this two units are not the same provision */
#define WEAK_THRESHOLD    0.50  /* a pair below this may be undone for a split or merge */
#define CONTAINED_MIN     0.45  /* share of a part's weight found in the whole */
#define COVER_MIN         0.45  /* text cosine of the whole and the parts together */
#define COVER_GAIN        0.04  /* how much closer the parts together must be than the best one alone */

#define WEIGHT_TEXT     0.6
#define WEIGHT_HEADING  0.3
#define WEIGHT_TAGS     0.1

typedef struct
{
  guint id;
  float w;
} Term;

typedef struct
{
  PactaProvision *provision;
  GArray         *tf;        /* Term, w = count; sorted by id */
  GArray         *vec;       /* Term, TF-IDF, L2-normalised; sorted by id */
  GArray         *heading;   /* guint ids, sorted, unique */
  const char * const *tags;
  gsize           size;      /* bytes of text, for tie-breaks */
  int             partner;   /* paired unit on the other side, -1 */
  double          partner_score;
  gboolean        grouped;   /* in a split or merge */
} Unit;

typedef struct
{
  GHashTable *ids;        /* term → id + 1 */
  GArray     *df;         /* guint per id */
  GArray     *idf;        /* float per id */
  guint       n_units;
} Dictionary;

static const char * const stop_words[] = {
  /* English */
  "a", "an", "and", "any", "are", "as", "at", "be", "been", "by", "for", "from", "has", "have",
  "in", "into", "is", "it", "its", "of", "on", "or", "other", "such", "that", "the", "their",
  "them", "these", "this", "those", "to", "under", "which", "who", "with", "within", "shall",
  "may", "each", "either", "not", "no", "all", "than", "so", "where", "when", "there",
  /* French */
  "le", "la", "les", "de", "des", "du", "un", "une", "et", "ou", "en", "au", "aux", "par",
  "pour", "sur", "dans", "que", "qui", "est", "sont", "ce", "cette", "ces", "son", "sa", "ses",
  /* Spanish */
  "el", "los", "las", "del", "al", "y", "o", "por", "para", "con", "se", "su", "sus", "lo",
  "es", "son", "esta", "este", "estos", "estas",
  NULL
};

static GHashTable *
stop_word_set (void)
{
  static GHashTable *set;

  if (g_once_init_enter (&set))
    {
      GHashTable *s = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; stop_words[i]; i++)
        g_hash_table_add (s, (gpointer) stop_words[i]);
      g_once_init_leave (&set, s);
    }
  return set;
}

static guint
term_id (Dictionary *dict,
         const char *term)
{
  gpointer value = g_hash_table_lookup (dict->ids, term);
  guint zero = 0;

  if (value)
    return GPOINTER_TO_UINT (value) - 1;
  g_hash_table_insert (dict->ids, g_strdup (term), GUINT_TO_POINTER (dict->df->len + 1));
  g_array_append_val (dict->df, zero);
  return dict->df->len - 1;
}

/* The content words of a text: case-folded, without numbering, punctuation or stop words. */
static GPtrArray *
content_words (const char *text)
{
  g_autoptr(GArray) tokens = pacta_tokenize (text);
  GHashTable *stop = stop_word_set ();
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < tokens->len; i++)
    {
      const PactaToken *t = &g_array_index (tokens, PactaToken, i);
      char *word;

      if (t->kind != PACTA_TOKEN_WORD || t->numbering)
        continue;
      word = g_utf8_casefold (text + t->start, t->end - t->start);
      if (g_hash_table_contains (stop, word))
        {
          g_free (word);
          continue;
        }
      g_ptr_array_add (words, word);
    }
  return words;
}

static int
compare_term (gconstpointer a,
              gconstpointer b)
{
  const Term *x = a, *y = b;

  return x->id < y->id ? -1 : x->id > y->id;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static void
unit_features (Unit       *unit,
               Dictionary *dict)
{
  g_autofree char *body = NULL;
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) bigram = g_string_new (NULL);
  const char *heading = pacta_provision_get_heading (unit->provision);
  GHashTableIter iter;
  gpointer key, value;

  body = pacta_provision_dup_full_text (unit->provision);
  unit->size = strlen (body);
  words = content_words (body);

  for (guint i = 0; i < words->len; i++)
    {
      guint id = term_id (dict, g_ptr_array_index (words, i));
      gpointer k = GUINT_TO_POINTER (id);

      g_hash_table_insert (counts, k, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, k)) + 1));
      if (i + 1 < words->len)
        {
          g_string_printf (bigram, "%s %s", (char *) g_ptr_array_index (words, i),
                           (char *) g_ptr_array_index (words, i + 1));
          id = term_id (dict, bigram->str);
          k = GUINT_TO_POINTER (id);
          g_hash_table_insert (counts, k, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, k)) + 1));
        }
    }
  unit->tf = g_array_sized_new (FALSE, FALSE, sizeof (Term), g_hash_table_size (counts));
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Term term = { GPOINTER_TO_UINT (key), GPOINTER_TO_UINT (value) };

      g_array_append_val (unit->tf, term);
      g_array_index (dict->df, guint, term.id)++;
    }
  g_array_sort (unit->tf, compare_term);

  unit->heading = g_array_new (FALSE, FALSE, sizeof (guint));
  if (heading)
    {
      g_autoptr(GPtrArray) hwords = content_words (heading);

      for (guint i = 0; i < hwords->len; i++)
        {
          g_autofree char *hterm = g_strconcat ("\x01", (char *) g_ptr_array_index (hwords, i), NULL);
          guint id = term_id (dict, hterm);
          gboolean dup = FALSE;

          for (guint j = 0; j < unit->heading->len; j++)
            dup |= g_array_index (unit->heading, guint, j) == id;
          if (!dup)
            g_array_append_val (unit->heading, id);
        }
      g_array_sort (unit->heading, compare_uint);
    }
  unit->tags = pacta_provision_get_refers_to (unit->provision);
  unit->partner = -1;
}

/* TF-IDF weights of raw counts, L2-normalised. */
static GArray *
weigh (const GArray     *tf,
       const Dictionary *dict)
{
  GArray *vec = g_array_sized_new (FALSE, FALSE, sizeof (Term), tf->len);
  double norm = 0;

  for (guint i = 0; i < tf->len; i++)
    {
      const Term *t = &g_array_index (tf, Term, i);
      Term w = { t->id, (1.0f + logf (t->w)) * g_array_index (dict->idf, float, t->id) };

      norm += (double) w.w * w.w;
      g_array_append_val (vec, w);
    }
  norm = sqrt (norm);
  if (norm > 0)
    for (guint i = 0; i < vec->len; i++)
      g_array_index (vec, Term, i).w /= norm;
  return vec;
}

static double
dot (const GArray *x,
     const GArray *y)
{
  const Term *a = (const Term *) (gpointer) x->data;
  const Term *b = (const Term *) (gpointer) y->data;
  guint i = 0, j = 0;
  double sum = 0;

  while (i < x->len && j < y->len)
    {
      if (a[i].id == b[j].id)
        sum += (double) a[i++].w * b[j++].w;
      else if (a[i].id < b[j].id)
        i++;
      else
        j++;
    }
  return sum;
}

/* Share of the part's weight whose terms the whole also has. */
static double
contained (const GArray *part,
           const GArray *whole)
{
  const Term *a = (const Term *) (gpointer) part->data;
  const Term *b = (const Term *) (gpointer) whole->data;
  guint i = 0, j = 0;
  double in = 0, total = 0;

  for (i = 0; i < part->len; i++)
    total += a[i].w;
  if (total <= 0)
    return 0;
  for (i = 0; i < part->len && j < whole->len;)
    {
      if (a[i].id == b[j].id)
        in += a[i++].w, j++;
      else if (a[i].id < b[j].id)
        i++;
      else
        j++;
    }
  return in / total;
}

/* Sum of raw counts of several units, sorted by id. */
static GArray *
merge_tf (Unit  **units,
          guint   n)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Term));

  for (guint k = 0; k < n; k++)
    g_array_append_vals (out, units[k]->tf->data, units[k]->tf->len);
  g_array_sort (out, compare_term);
  if (out->len > 1)
    {
      guint w = 0;

      for (guint r = 1; r < out->len; r++)
        {
          Term *last = &g_array_index (out, Term, w);
          Term *t = &g_array_index (out, Term, r);

          if (t->id == last->id)
            last->w += t->w;
          else
            g_array_index (out, Term, ++w) = *t;
        }
      g_array_set_size (out, w + 1);
    }
  return out;
}

static double
heading_similarity (const Unit *a,
                    const Unit *b)
{
  guint i = 0, j = 0, common = 0;

  while (i < a->heading->len && j < b->heading->len)
    {
      guint x = g_array_index (a->heading, guint, i);
      guint y = g_array_index (b->heading, guint, j);

      if (x == y)
        common++, i++, j++;
      else if (x < y)
        i++;
      else
        j++;
    }
  return common / sqrt ((double) a->heading->len * b->heading->len);
}

static double
tag_similarity (const Unit *a,
                const Unit *b)
{
  guint na = g_strv_length ((char **) a->tags);
  guint nb = g_strv_length ((char **) b->tags);
  guint common = 0;

  for (guint i = 0; i < na; i++)
    if (g_strv_contains (b->tags, a->tags[i]))
      common++;
  return common / (double) (na + nb - common);
}

static double
score (const Unit *a,
       const Unit *b,
       double      text)
{
  double sum = WEIGHT_TEXT * text;
  double weight = WEIGHT_TEXT;

  if (a->heading->len && b->heading->len)
    {
      sum += WEIGHT_HEADING * heading_similarity (a, b);
      weight += WEIGHT_HEADING;
    }
  if (a->tags[0] && b->tags[0])
    {
      sum += WEIGHT_TAGS * tag_similarity (a, b);
      weight += WEIGHT_TAGS;
    }
  return sum / weight;
}

/* Hungarian algorithm (Kuhn–Munkres with potentials), minimising the cost of an n × m
 * matrix, n ≤ m; row i goes to column assign[i]. */
static void
hungarian (const double *cost,
           guint         n,
           guint         m,
           int          *assign)
{
  g_autofree double *u = g_new0 (double, n + 1);
  g_autofree double *v = g_new0 (double, m + 1);
  g_autofree double *minv = g_new (double, m + 1);
  g_autofree guint *p = g_new0 (guint, m + 1);
  g_autofree guint *way = g_new0 (guint, m + 1);
  g_autofree gboolean *used = g_new (gboolean, m + 1);

  g_assert (n <= m);
  for (guint i = 1; i <= n; i++)
    {
      guint j0 = 0;

      p[0] = i;
      for (guint j = 0; j <= m; j++)
        {
          minv[j] = INFINITY;
          used[j] = FALSE;
        }
      do
        {
          guint i0 = p[j0], j1 = 0;
          double delta = INFINITY;

          used[j0] = TRUE;
          for (guint j = 1; j <= m; j++)
            if (!used[j])
              {
                double cur = cost[(gsize) (i0 - 1) * m + (j - 1)] - u[i0] - v[j];

                if (cur < minv[j])
                  {
                    minv[j] = cur;
                    way[j] = j0;
                  }
                if (minv[j] < delta)
                  {
                    delta = minv[j];
                    j1 = j;
                  }
              }
          for (guint j = 0; j <= m; j++)
            if (used[j])
              {
                u[p[j]] += delta;
                v[j] -= delta;
              }
            else
              minv[j] -= delta;
          j0 = j1;
        }
      while (p[j0] != 0);
      do
        {
          guint j1 = way[j0];

          p[j0] = p[j1];
          j0 = j1;
        }
      while (j0);
    }
  for (guint i = 0; i < n; i++)
    assign[i] = -1;
  for (guint j = 1; j <= m; j++)
    if (p[j] != 0)
      assign[p[j] - 1] = j - 1;
}

typedef struct
{
  Unit       *units[2];
  guint       n[2];
  double     *text;     /* text cosine, n[0] × n[1] */
  double     *scores;   /* combined, n[0] × n[1] */
  Dictionary  dict;
} Aligner;

static double
pair_text (Aligner *al,
           int      side,
           guint    x,
           guint    y)
{
  return side == 0 ? al->text[(gsize) x * al->n[1] + y] : al->text[(gsize) y * al->n[1] + x];
}

static void
assign_pairs (Aligner *al)
{
  guint n = al->n[0], m = al->n[1];
  gboolean transpose = n > m;
  guint rows = transpose ? m : n, cols = transpose ? n : m;
  g_autofree double *cost = g_new (double, (gsize) rows * cols + 1);
  g_autofree int *assign = g_new (int, rows + 1);

  if (n == 0 || m == 0)
    return;
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < m; j++)
      {
        double s = al->scores[(gsize) i * m + j];
        double c = s > PAIR_THRESHOLD ? -(s - PAIR_THRESHOLD) : 0.0;

        if (transpose)
          cost[(gsize) j * cols + i] = c;
        else
          cost[(gsize) i * cols + j] = c;
      }
  hungarian (cost, rows, cols, assign);
  for (guint r = 0; r < rows; r++)
    {
      guint i = transpose ? (guint) assign[r] : r;
      guint j = transpose ? r : (guint) assign[r];
      double s;

      if (assign[r] < 0)
        continue;
      s = al->scores[(gsize) i * m + j];
      if (s <= PAIR_THRESHOLD)
        continue;
      al->units[0][i].partner = j;
      al->units[0][i].partner_score = s;
      al->units[1][j].partner = i;
      al->units[1][j].partner_score = s;
    }
}

typedef struct
{
  int    side;     /* the side of the single unit: 0 split (A → B…), 1 merge (A… → B) */
  guint  whole;
  guint  first;    /* first part, on the other side */
  guint  n_parts;
  double cover;
} Group;

/* Whether a part (on the other side) may join a group around `whole`: left over, or
 * paired with `whole` itself, or paired weakly. */
static gboolean
part_available (Aligner *al,
                int      side,
                guint    whole,
                guint    part)
{
  Unit *u = &al->units[!side][part];

  if (u->grouped)
    return FALSE;
  if (u->partner < 0 || (guint) u->partner == whole)
    return TRUE;
  return u->partner_score < WEAK_THRESHOLD;
}

static double
cover (Aligner *al,
       int      side,
       guint    whole,
       guint    first,
       guint    n_parts)
{
  g_autofree Unit **parts = g_new (Unit *, n_parts);
  g_autoptr(GArray) tf = NULL;
  g_autoptr(GArray) vec = NULL;

  for (guint k = 0; k < n_parts; k++)
    parts[k] = &al->units[!side][first + k];
  tf = merge_tf (parts, n_parts);
  vec = weigh (tf, &al->dict);
  return dot (al->units[side][whole].vec, vec);
}

static gboolean
find_group (Aligner *al,
            int      side,
            guint    whole,
            Group   *best)
{
  Unit *w = &al->units[side][whole];
  guint n_other = al->n[!side];
  gboolean strong = w->partner >= 0 && w->partner_score >= WEAK_THRESHOLD;
  guint lo = 0, hi = n_other;
  gboolean found = FALSE;

  if (w->grouped)
    return FALSE;
  /* Paired strongly: only with its partner among the parts. */
  if (strong)
    {
      lo = w->partner >= 2 ? (guint) w->partner - 2 : 0;
      hi = (guint) w->partner + 1;
    }

  for (guint first = lo; first < hi && first + 1 < n_other; first++)
    {
      double best_single = 0, union_cover = 0;
      guint n_parts = 0;
      gboolean involves_partner = FALSE;

      for (guint k = 0; k < 3 && first + k < n_other; k++)
        {
          guint part = first + k;
          Unit *p = &al->units[!side][part];
          double single, c;

          if (!part_available (al, side, whole, part))
            break;
          single = pair_text (al, side, whole, part);
          if (single < 0.05 || contained (p->vec, w->vec) < CONTAINED_MIN)
            break;
          involves_partner |= w->partner == (int) part;
          best_single = MAX (best_single, single);
          if (k == 0)
            continue;
          c = cover (al, side, whole, first, k + 1);
          if (c < COVER_MIN || c < best_single + COVER_GAIN)
            break;
          if (n_parts > 0 && c < union_cover + COVER_GAIN / 2)
            break;
          if (strong && !involves_partner)
            continue;
          n_parts = k + 1;
          union_cover = c;
        }
      if (n_parts >= 2 && (!found || union_cover > best->cover))
        {
          best->side = side;
          best->whole = whole;
          best->first = first;
          best->n_parts = n_parts;
          best->cover = union_cover;
          found = TRUE;
        }
    }
  return found;
}

static void
unpair (Aligner *al,
        int      side,
        guint    index)
{
  Unit *u = &al->units[side][index];

  if (u->partner >= 0)
    {
      Unit *other = &al->units[!side][u->partner];

      other->partner = -1;
      other->partner_score = 0;
      u->partner = -1;
      u->partner_score = 0;
    }
}

static void
find_groups (Aligner *al,
             GArray  *groups)
{
  /* Best groups first, so a strong split is not pre-empted by a weak merge. */
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Group));

  for (int side = 0; side < 2; side++)
    for (guint i = 0; i < al->n[side]; i++)
      {
        Group g;

        if (find_group (al, side, i, &g))
          g_array_append_val (candidates, g);
      }

  while (candidates->len > 0)
    {
      guint best = 0;
      Group g;

      for (guint k = 1; k < candidates->len; k++)
        if (g_array_index (candidates, Group, k).cover > g_array_index (candidates, Group, best).cover)
          best = k;
      g = g_array_index (candidates, Group, best);
      g_array_remove_index_fast (candidates, best);

      /* Still valid now that other groups have been made? */
      {
        Group again;

        if (!find_group (al, g.side, g.whole, &again))
          continue;
        if (again.first != g.first || again.n_parts != g.n_parts)
          {
            g_array_append_val (candidates, again);
            continue;
          }
      }
      unpair (al, g.side, g.whole);
      al->units[g.side][g.whole].grouped = TRUE;
      for (guint k = 0; k < g.n_parts; k++)
        {
          unpair (al, !g.side, g.first + k);
          al->units[!g.side][g.first + k].grouped = TRUE;
        }
      g_array_append_val (groups, g);
    }
}

typedef struct
{
  PactaAlignment *row;
  guint           a;
  guint           b;
  double          weight;
} Anchor;

static int
compare_anchor (gconstpointer x,
                gconstpointer y)
{
  const Anchor *a = x, *b = y;

  return a->a < b->a ? -1 : a->a > b->a;
}

/* Marks as moved the rows outside the heaviest increasing subsequence of B positions
 * (weight: one per row, with the size of the text as a tie-break, so the shorter of two
 * swapped units is the one that moved). */
static void
mark_moves (GArray *anchors)
{
  guint n = anchors->len;
  g_autofree double *best = g_new (double, n + 1);
  g_autofree int *prev = g_new (int, n + 1);
  int end = -1;

  g_array_sort (anchors, compare_anchor);
  for (guint i = 0; i < n; i++)
    {
      Anchor *ai = &g_array_index (anchors, Anchor, i);

      best[i] = ai->weight;
      prev[i] = -1;
      for (guint j = 0; j < i; j++)
        {
          Anchor *aj = &g_array_index (anchors, Anchor, j);

          if (aj->b < ai->b && best[j] + ai->weight > best[i])
            {
              best[i] = best[j] + ai->weight;
              prev[i] = j;
            }
        }
      if (end < 0 || best[i] > best[end])
        end = i;
    }
  for (guint i = 0; i < n; i++)
    _pacta_alignment_set_moved (g_array_index (anchors, Anchor, i).row, TRUE);
  for (int i = end; i >= 0; i = prev[i])
    _pacta_alignment_set_moved (g_array_index (anchors, Anchor, i).row, FALSE);
}

static void
debug_scores (Aligner *al)
{
  for (guint i = 0; i < al->n[0]; i++)
    {
      const char *eid = pacta_provision_get_eid (al->units[0][i].provision);

      fprintf (stderr, "%-8s", eid ? eid : "?");
      for (guint j = 0; j < al->n[1]; j++)
        {
          double s = al->scores[(gsize) i * al->n[1] + j];

          if (s >= 0.15)
            fprintf (stderr, " %s=%.2f(t%.2f)", pacta_provision_get_eid (al->units[1][j].provision), s,
                     al->text[(gsize) i * al->n[1] + j]);
        }
      fprintf (stderr, "\n");
    }
}

static GPtrArray *
units_of (Aligner *al,
          int      side,
          guint    first,
          guint    n)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint k = 0; k < n; k++)
    g_ptr_array_add (out, al->units[side][first + k].provision);
  return out;
}

GPtrArray *
_pacta_aligner_align (GPtrArray *units_a,
                      GPtrArray *units_b)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (Group));
  g_autoptr(GArray) anchors = g_array_new (FALSE, FALSE, sizeof (Anchor));
  Aligner al = { 0, };
  GPtrArray *inputs[2] = { units_a, units_b };

  al.dict.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  al.dict.df = g_array_new (FALSE, FALSE, sizeof (guint));
  al.dict.idf = g_array_new (FALSE, FALSE, sizeof (float));

  for (int side = 0; side < 2; side++)
    {
      al.n[side] = inputs[side]->len;
      al.units[side] = g_new0 (Unit, al.n[side] + 1);
      for (guint i = 0; i < al.n[side]; i++)
        {
          al.units[side][i].provision = g_ptr_array_index (inputs[side], i);
          unit_features (&al.units[side][i], &al.dict);
        }
    }

  al.dict.n_units = al.n[0] + al.n[1];
  g_array_set_size (al.dict.idf, al.dict.df->len);
  for (guint t = 0; t < al.dict.df->len; t++)
    g_array_index (al.dict.idf, float, t) =
      logf (1.0f + (float) al.dict.n_units / MAX (1, g_array_index (al.dict.df, guint, t)));
  for (int side = 0; side < 2; side++)
    for (guint i = 0; i < al.n[side]; i++)
      al.units[side][i].vec = weigh (al.units[side][i].tf, &al.dict);

  al.text = g_new (double, (gsize) al.n[0] * al.n[1] + 1);
  al.scores = g_new (double, (gsize) al.n[0] * al.n[1] + 1);
  for (guint i = 0; i < al.n[0]; i++)
    for (guint j = 0; j < al.n[1]; j++)
      {
        double t = dot (al.units[0][i].vec, al.units[1][j].vec);

        al.text[(gsize) i * al.n[1] + j] = t;
        al.scores[(gsize) i * al.n[1] + j] = score (&al.units[0][i], &al.units[1][j], t);
      }
  if (g_getenv ("PACTA_ALIGNER_DEBUG"))
    debug_scores (&al);

  assign_pairs (&al);
  find_groups (&al, groups);

  /* Rows: pairs, then groups, then what is left. */
  for (guint i = 0; i < al.n[0]; i++)
    {
      Unit *u = &al.units[0][i];
      g_autoptr(GPtrArray) a = NULL;
      g_autoptr(GPtrArray) b = NULL;
      PactaAlignment *row;
      Anchor anchor;

      if (u->partner < 0)
        continue;
      a = units_of (&al, 0, i, 1);
      b = units_of (&al, 1, u->partner, 1);
      row = _pacta_alignment_new (PACTA_SHAPE_PAIR, a, b, i, u->partner, u->partner_score);
      g_ptr_array_add (out, row);
      anchor = (Anchor) { row, i, u->partner, 1.0 + 1e-9 * MIN (u->size, al.units[1][u->partner].size) };
      g_array_append_val (anchors, anchor);
    }
  for (guint k = 0; k < groups->len; k++)
    {
      Group *g = &g_array_index (groups, Group, k);
      g_autoptr(GPtrArray) whole = units_of (&al, g->side, g->whole, 1);
      g_autoptr(GPtrArray) parts = units_of (&al, !g->side, g->first, g->n_parts);
      PactaAlignment *row;
      Anchor anchor;

      if (g->side == 0)
        row = _pacta_alignment_new (PACTA_SHAPE_SPLIT, whole, parts, g->whole, g->first, g->cover);
      else
        row = _pacta_alignment_new (PACTA_SHAPE_MERGE, parts, whole, g->first, g->whole, g->cover);
      g_ptr_array_add (out, row);
      anchor = (Anchor) { row,
                          pacta_alignment_get_position (row, PACTA_SIDE_A),
                          pacta_alignment_get_position (row, PACTA_SIDE_B),
                          1.0 + 1e-9 * al.units[g->side][g->whole].size };
      g_array_append_val (anchors, anchor);
    }
  for (int side = 0; side < 2; side++)
    for (guint i = 0; i < al.n[side]; i++)
      {
        Unit *u = &al.units[side][i];
        g_autoptr(GPtrArray) units = NULL;
        g_autoptr(GPtrArray) none = g_ptr_array_new ();

        if (u->partner >= 0 || u->grouped)
          continue;
        units = units_of (&al, side, i, 1);
        if (side == 0)
          g_ptr_array_add (out, _pacta_alignment_new (PACTA_SHAPE_REMOVED, units, none, i, 0, 0.0));
        else
          g_ptr_array_add (out, _pacta_alignment_new (PACTA_SHAPE_ADDED, none, units, 0, i, 0.0));
      }

  mark_moves (anchors);

  for (int side = 0; side < 2; side++)
    {
      for (guint i = 0; i < al.n[side]; i++)
        {
          g_clear_pointer (&al.units[side][i].tf, g_array_unref);
          g_clear_pointer (&al.units[side][i].vec, g_array_unref);
          g_clear_pointer (&al.units[side][i].heading, g_array_unref);
        }
      g_free (al.units[side]);
    }
  g_free (al.text);
  g_free (al.scores);
  g_hash_table_unref (al.dict.ids);
  g_array_unref (al.dict.df);
  g_array_unref (al.dict.idf);
  return out;
}
