/* pacta-aligner.c — pairs the article-level units of two agreements
 *
 * 1. Features. Each unit's words are case-folded; numbering (labels, cross-reference
 *    numbers), punctuation and stop words are dropped; the unit's own number is never
 *    looked at, so renumbering and numbering styles do not matter. The words and their
 *    two-word shingles, weighted by TF-IDF over the units of both agreements, form the
 *    text vector; the heading's words form a set; the refersTo tags another. The units'
 *    texts and tokens are those the word diffs use afterwards (cut once).
 * 2. Scores. score(a, b) = weighted mean of the text cosine (0.6), the heading cosine
 *    (0.3, when both have headings) and the tags' Jaccard index (0.1, when both are
 *    tagged).
 *    All cosines come at once from an inverted index of B's terms.
 * 3. Pairs. An optimal assignment (Hungarian algorithm, O(n³)) maximises the sum of
 *    (score − PAIR_THRESHOLD) over the pairs it keeps, so a pair below the threshold is
 *    never worth making; what is left over is added (B) or removed (A). The problem
 *    falls apart into the connected components of the candidate pairs, each solved
 *    on its own.
 * 4. Splits and merges. A unit of A whose text is covered by two or three consecutive
 *    units of B (each mostly contained in it, their union closer to it than any one of
 *    them) is a split; the reverse is a merge. The units involved may have been left
 *    over, or paired weakly, or one of them paired with the unit itself.
 * 5. Moves. Ordering the rows (pairs, splits, merges) by their position in A, the
 *    longest increasing run of their positions in B stays in place; the rest moved.
 *
 * Set PACTA_ALIGNER_DEBUG=1 to print the scores, G_MESSAGES_DEBUG=pacta-aligner for the
 * time each step takes. Two 200-article agreements align in about 8 ms (bench-compare).
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
  char           *text;      /* pacta_provision_dup_compare_text() */
  guint           heading_end;
  GArray         *tokens;    /* of text, shared with the word diffs */
  GArray         *tf;        /* Term, w = count; sorted by id */
  GArray         *vec;       /* Term, TF-IDF, L2-normalised; sorted by id */
  GArray         *shared;    /* the terms of vec that other units have too (dot products) */
  GArray         *heading;   /* guint ids, sorted, unique */
  const char * const *tags;
  gsize           size;      /* bytes of text, for tie-breaks */
  guint           serial;    /* 1, 2, … over both sides */
  gboolean        sorted;    /* tf and vec sorted by id */
  int             partner;   /* paired unit on the other side, -1 */
  double          partner_score;
  gboolean        grouped;   /* in a split or merge */
} Unit;

/* An open-addressing table from 64-bit keys to ids (value 0: empty slot; ids are
 * stored plus one). */
typedef struct
{
  guint64 *keys;
  guint   *values;
  guint    mask;
  guint    used;
} IdTable;

typedef struct
{
  IdTable     ids;        /* word hash → id; (id << 32 | id) → bigram id; (G_MAXUINT << 32 | id) → heading word */
  GArray     *mark;       /* guint per id: the last unit that counted it */
  GArray     *slot;       /* guint per id: where in that unit's tf */
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

#define STOP_WORD (G_MAXUINT - 1)

/* A 64-bit hash of a word, case-folded (plain ASCII folds on the fly, the rest through
 * GLib); words are told apart by it (a collision would only blur a similarity score). */
static guint64
word_hash (const char *text,
           gssize      len)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);
  gsize n = len < 0 ? strlen (text) : (gsize) len;

  for (gsize i = 0; i < n; i++)
    {
      guchar c = text[i];

      if (c >= 0x80)
        {
          g_autofree char *folded = g_utf8_casefold (text, n);

          h = G_GUINT64_CONSTANT (0xcbf29ce484222325);
          for (const char *p = folded; *p; p++)
            h = (h ^ (guchar) *p) * G_GUINT64_CONSTANT (0x100000001b3);
          return h;
        }
      h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32 : c)) * G_GUINT64_CONSTANT (0x100000001b3);
    }
  return h;
}

static guint64
mix64 (guint64 k)
{
  k ^= k >> 33;
  k *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  k ^= k >> 33;
  return k;
}

static void
id_table_init (IdTable *table,
               guint    capacity)
{
  table->keys = g_new (guint64, capacity);
  table->values = g_new0 (guint, capacity);
  table->mask = capacity - 1;
  table->used = 0;
}

static void
id_table_clear (IdTable *table)
{
  g_clear_pointer (&table->keys, g_free);
  g_clear_pointer (&table->values, g_free);
}

static guint *
id_table_find (IdTable *table,
               guint64  key)
{
  guint i = (guint) mix64 (key) & table->mask;

  while (table->values[i] != 0 && table->keys[i] != key)
    i = (i + 1) & table->mask;
  table->keys[i] = key;
  return &table->values[i];
}

static void
id_table_grow (IdTable *table)
{
  IdTable bigger;

  id_table_init (&bigger, (table->mask + 1) * 2);
  for (guint i = 0; i <= table->mask; i++)
    if (table->values[i] != 0)
      *id_table_find (&bigger, table->keys[i]) = table->values[i];
  bigger.used = table->used;
  id_table_clear (table);
  *table = bigger;
}

static guint
lookup_or_add (Dictionary *dict,
               guint64     key)
{
  guint *value = id_table_find (&dict->ids, key);
  guint zero = 0;

  if (*value != 0)
    return *value - 1;
  g_array_append_val (dict->df, zero);
  g_array_append_val (dict->mark, zero);
  g_array_append_val (dict->slot, zero);
  *value = dict->df->len;
  if (++dict->ids.used * 2 > dict->ids.mask)
    id_table_grow (&dict->ids);
  return dict->df->len - 1;
}

/* Id of a word, or STOP_WORD (stop words are in the table from the start, so one
 * look-up answers both questions). */
static guint
word_id (Dictionary *dict,
         const char *text,
         gsize       len)
{
  return lookup_or_add (dict, word_hash (text, len));
}

static guint
bigram_id (Dictionary *dict,
           guint       first,
           guint       second)
{
  /* tagged in the top bit so a pair never meets a word's hash by construction… almost */
  return lookup_or_add (dict, mix64 (((guint64) first << 32) | second) ^ G_GUINT64_CONSTANT (0x8000000000000000));
}

/* The ids of the content words among tokens [from, to) of a text: case-folded, without
 * numbering, punctuation or stop words. */
static GArray *
content_words (Dictionary *dict,
               const char *text,
               GArray     *tokens,
               guint       from,
               guint       to)
{
  GArray *words = g_array_sized_new (FALSE, FALSE, sizeof (guint), to - from + 1);
  guint *out, n = 0;

  g_array_set_size (words, to - from + 1);
  out = (guint *) (gpointer) words->data;
  for (guint i = from; i < to; i++)
    {
      const PactaToken *t = &g_array_index (tokens, PactaToken, i);
      guint id;

      if (t->kind != PACTA_TOKEN_WORD || t->numbering)
        continue;
      id = word_id (dict, text + t->start, t->end - t->start);
      if (id != STOP_WORD)
        out[n++] = id;
    }
  g_array_set_size (words, n);
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
  g_autoptr(GArray) words = NULL;
  g_autoptr(GArray) hwords = NULL;
  g_autoptr(GArray) ids = NULL;
  guint body = 0;

  /* The same text and tokens the word diff will use: heading first, then the words. */
  unit->text = pacta_provision_dup_compare_text (unit->provision, &unit->heading_end);
  unit->tokens = pacta_tokenize (unit->text);
  unit->size = strlen (unit->text);
  while (body < unit->tokens->len && g_array_index (unit->tokens, PactaToken, body).end <= unit->heading_end)
    body++;
  words = content_words (dict, unit->text, unit->tokens, body, unit->tokens->len);

  /* words and two-word shingles */
  ids = g_array_sized_new (FALSE, FALSE, sizeof (guint), 2 * words->len + 1);
  g_array_set_size (ids, words->len ? 2 * words->len - 1 : 0);
  for (guint i = 0; i < words->len; i++)
    {
      guint id = g_array_index (words, guint, i);

      g_array_index (ids, guint, 2 * i) = id;
      if (i + 1 < words->len)
        g_array_index (ids, guint, 2 * i + 1) = bigram_id (dict, id, g_array_index (words, guint, i + 1));
    }
  /* counted in the order met (sorted later, and only if a split or merge needs it) */
  unit->tf = g_array_sized_new (FALSE, FALSE, sizeof (Term), ids->len + 1);
  g_array_set_size (unit->tf, ids->len);
  {
    Term *tf = (Term *) (gpointer) unit->tf->data;
    guint *marks = (guint *) (gpointer) dict->mark->data;
    guint *slots = (guint *) (gpointer) dict->slot->data;
    guint *df = (guint *) (gpointer) dict->df->data;
    guint n = 0;

    for (guint i = 0; i < ids->len; i++)
      {
        guint id = g_array_index (ids, guint, i);

        if (marks[id] == unit->serial)
          {
            tf[slots[id]].w++;
            continue;
          }
        marks[id] = unit->serial;
        slots[id] = n;
        tf[n].id = id;
        tf[n].w = 1;
        n++;
        df[id]++;
      }
    g_array_set_size (unit->tf, n);
  }

  /* The heading's words, as a set (kept apart from the text's words). */
  unit->heading = g_array_new (FALSE, FALSE, sizeof (guint));
  hwords = content_words (dict, unit->text, unit->tokens, 0, body);
  for (guint i = 0; i < hwords->len; i++)
    {
      guint id = bigram_id (dict, G_MAXUINT, g_array_index (hwords, guint, i));
      gboolean dup = FALSE;

      for (guint j = 0; j < unit->heading->len; j++)
        dup |= g_array_index (unit->heading, guint, j) == id;
      if (!dup)
        g_array_append_val (unit->heading, id);
    }
  g_array_sort (unit->heading, compare_uint);
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
      Term w = { t->id, (t->w <= 1.0f ? 1.0f : 1.0f + logf (t->w)) * g_array_index (dict->idf, float, t->id) };

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
      double tags = tag_similarity (a, b);

      sum += WEIGHT_TAGS * tags;
      weight += WEIGHT_TAGS;
      /* Two provisions tagged with the same checklist item are on the same subject, however
       * differently worded (a draft against a guideline's model clause): enough to pair them
       * unless something closer claims one of them. */
      if (tags > 0)
        return MAX (sum / weight, PAIR_THRESHOLD + 0.05 + 0.25 * tags);
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

static guint
find_root (guint *parent,
           guint  x)
{
  while (parent[x] != x)
    x = parent[x] = parent[parent[x]];
  return x;
}

/* Solves one connected component of the graph of candidate pairs (score above the
 * threshold) with the Hungarian algorithm: rows and cols are its units of A and B. */
static void
assign_component (Aligner *al,
                  GArray  *rows,
                  GArray  *cols)
{
  guint n = rows->len, m = cols->len;
  gboolean transpose = n > m;
  guint r_n = transpose ? m : n, c_n = transpose ? n : m;
  g_autofree double *cost = g_new (double, (gsize) r_n * c_n + 1);
  g_autofree int *assign = g_new (int, r_n + 1);

  for (guint x = 0; x < n; x++)
    for (guint y = 0; y < m; y++)
      {
        guint i = g_array_index (rows, guint, x);
        guint j = g_array_index (cols, guint, y);
        double s = al->scores[(gsize) i * al->n[1] + j];
        double c = s > PAIR_THRESHOLD ? -(s - PAIR_THRESHOLD) : 0.0;

        if (transpose)
          cost[(gsize) y * c_n + x] = c;
        else
          cost[(gsize) x * c_n + y] = c;
      }
  hungarian (cost, r_n, c_n, assign);
  for (guint r = 0; r < r_n; r++)
    {
      guint i, j;
      double s;

      if (assign[r] < 0)
        continue;
      i = g_array_index (rows, guint, transpose ? (guint) assign[r] : r);
      j = g_array_index (cols, guint, transpose ? r : (guint) assign[r]);
      s = al->scores[(gsize) i * al->n[1] + j];
      if (s <= PAIR_THRESHOLD)
        continue;
      al->units[0][i].partner = j;
      al->units[0][i].partner_score = s;
      al->units[1][j].partner = i;
      al->units[1][j].partner_score = s;
    }
}

/* The optimal assignment. Pairs below the threshold cost nothing and gain nothing, so
 * the problem falls apart into the connected components of the graph of candidate
 * pairs, each solved on its own (most are one unit on each side). */
static void
assign_pairs (Aligner *al)
{
  guint n = al->n[0], m = al->n[1];
  g_autofree guint *parent = g_new (guint, n + m + 1);
  g_autoptr(GHashTable) components = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) sides = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  GHashTableIter iter;
  gpointer key, value;

  if (n == 0 || m == 0)
    return;
  for (guint x = 0; x < n + m; x++)
    parent[x] = x;
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < m; j++)
      if (al->scores[(gsize) i * m + j] > PAIR_THRESHOLD)
        {
          guint ra = find_root (parent, i), rb = find_root (parent, n + j);

          if (ra != rb)
            parent[ra] = rb;
        }
  /* component root → index of its (rows, cols) in `sides` */
  for (guint x = 0; x < n + m; x++)
    {
      guint root = find_root (parent, x);
      gpointer found;
      guint index;

      if (!g_hash_table_lookup_extended (components, GUINT_TO_POINTER (root), NULL, &found))
        {
          index = sides->len;
          g_ptr_array_add (sides, g_array_new (FALSE, FALSE, sizeof (guint)));
          g_ptr_array_add (sides, g_array_new (FALSE, FALSE, sizeof (guint)));
          g_hash_table_insert (components, GUINT_TO_POINTER (root), GUINT_TO_POINTER (index));
        }
      else
        index = GPOINTER_TO_UINT (found);
      if (x < n)
        g_array_append_val (g_ptr_array_index (sides, index), x);
      else
        {
          guint j = x - n;

          g_array_append_val (g_ptr_array_index (sides, index + 1), j);
        }
    }
  g_hash_table_iter_init (&iter, components);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint index = GPOINTER_TO_UINT (value);
      GArray *rows = g_ptr_array_index (sides, index);
      GArray *cols = g_ptr_array_index (sides, index + 1);

      if (rows->len > 0 && cols->len > 0)
        assign_component (al, rows, cols);
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

static void
ensure_sorted (Unit *unit)
{
  if (unit->sorted)
    return;
  g_array_sort (unit->tf, compare_term);
  g_array_sort (unit->vec, compare_term);
  unit->sorted = TRUE;
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
  /* Paired strongly: only with its partner among the parts, and one of the partner's
   * neighbours must be free (left over, or paired weakly). */
  if (strong)
    {
      guint partner = w->partner;

      if (!((partner > 0 && part_available (al, side, whole, partner - 1)) ||
            (partner + 1 < n_other && part_available (al, side, whole, partner + 1))))
        return FALSE;
      lo = partner >= 2 ? partner - 2 : 0;
      hi = partner + 1;
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
          /* a real part shares much of the whole's words */
          if (single < 0.15)
            break;
          ensure_sorted (p);
          ensure_sorted (w);
          if (contained (p->vec, w->vec) < CONTAINED_MIN)
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

/* All text cosines at once, through an inverted index of B's shared terms: each unit
 * of A visits only the units of B that have one of its terms. */
static void
text_cosines (Aligner *al)
{
  guint n_terms = al->dict.df->len;
  guint m = al->n[1];
  g_autofree guint *first = g_new0 (guint, n_terms + 2);
  g_autofree guint *fill = NULL;
  g_autofree guint *post_unit = NULL;
  g_autofree float *post_weight = NULL;
  g_autofree double *acc = g_new (double, m + 1);
  guint total = 0;

  for (guint j = 0; j < m; j++)
    {
      GArray *v = al->units[1][j].shared;

      for (guint k = 0; k < v->len; k++)
        first[g_array_index (v, Term, k).id + 1]++;
      total += v->len;
    }
  for (guint t = 0; t < n_terms; t++)
    first[t + 1] += first[t];
  fill = g_memdup2 (first, sizeof (guint) * (n_terms + 1));
  post_unit = g_new (guint, total + 1);
  post_weight = g_new (float, total + 1);
  for (guint j = 0; j < m; j++)
    {
      GArray *v = al->units[1][j].shared;

      for (guint k = 0; k < v->len; k++)
        {
          const Term *t = &g_array_index (v, Term, k);
          guint at = fill[t->id]++;

          post_unit[at] = j;
          post_weight[at] = t->w;
        }
    }

  for (guint i = 0; i < al->n[0]; i++)
    {
      GArray *v = al->units[0][i].shared;

      memset (acc, 0, sizeof (double) * m);
      for (guint k = 0; k < v->len; k++)
        {
          const Term *t = &g_array_index (v, Term, k);

          for (guint p = first[t->id]; p < first[t->id + 1]; p++)
            acc[post_unit[p]] += (double) t->w * post_weight[p];
        }
      memcpy (&al->text[(gsize) i * m], acc, sizeof (double) * m);
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
  gint64 start = g_get_monotonic_time ();
  gint64 timing[4];

  id_table_init (&al.dict.ids, 1 << 14);
  al.dict.mark = g_array_new (FALSE, FALSE, sizeof (guint));
  al.dict.slot = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; stop_words[i]; i++)
    {
      *id_table_find (&al.dict.ids, word_hash (stop_words[i], -1)) = STOP_WORD + 1;
      al.dict.ids.used++;
    }
  al.dict.df = g_array_new (FALSE, FALSE, sizeof (guint));
  al.dict.idf = g_array_new (FALSE, FALSE, sizeof (float));

  for (int side = 0; side < 2; side++)
    {
      al.n[side] = inputs[side]->len;
      al.units[side] = g_new0 (Unit, al.n[side] + 1);
      for (guint i = 0; i < al.n[side]; i++)
        {
          al.units[side][i].provision = g_ptr_array_index (inputs[side], i);
          al.units[side][i].serial = side * al.n[0] + i + 1;
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
      {
        Unit *u = &al.units[side][i];

        u->vec = weigh (u->tf, &al.dict);
        /* A term no other unit has adds nothing to a dot product: leave it out there. */
        u->shared = g_array_sized_new (FALSE, FALSE, sizeof (Term), u->vec->len);
        for (guint k = 0; k < u->vec->len; k++)
          {
            Term *t = &g_array_index (u->vec, Term, k);

            if (g_array_index (al.dict.df, guint, t->id) > 1)
              g_array_append_val (u->shared, *t);
          }
      }
  timing[0] = g_get_monotonic_time ();

  al.text = g_new0 (double, (gsize) al.n[0] * al.n[1] + 1);
  al.scores = g_new (double, (gsize) al.n[0] * al.n[1] + 1);
  text_cosines (&al);
  for (guint i = 0; i < al.n[0]; i++)
    for (guint j = 0; j < al.n[1]; j++)
      al.scores[(gsize) i * al.n[1] + j] = score (&al.units[0][i], &al.units[1][j], al.text[(gsize) i * al.n[1] + j]);
  timing[1] = g_get_monotonic_time ();
  if (g_getenv ("PACTA_ALIGNER_DEBUG"))
    debug_scores (&al);

  assign_pairs (&al);
  timing[2] = g_get_monotonic_time ();
  find_groups (&al, groups);
  timing[3] = g_get_monotonic_time ();

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
      _pacta_alignment_set_prepared (row, PACTA_SIDE_A, u->text, u->heading_end, u->tokens);
      _pacta_alignment_set_prepared (row, PACTA_SIDE_B, al.units[1][u->partner].text,
                                     al.units[1][u->partner].heading_end, al.units[1][u->partner].tokens);
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
        PactaAlignment *row;

        if (u->partner >= 0 || u->grouped)
          continue;
        units = units_of (&al, side, i, 1);
        if (side == 0)
          row = _pacta_alignment_new (PACTA_SHAPE_REMOVED, units, none, i, 0, 0.0);
        else
          row = _pacta_alignment_new (PACTA_SHAPE_ADDED, none, units, 0, i, 0.0);
        _pacta_alignment_set_prepared (row, side, u->text, u->heading_end, u->tokens);
        g_ptr_array_add (out, row);
      }

  mark_moves (anchors);
  g_debug ("aligned %u × %u units: features %.2f ms, scores %.2f ms, assignment %.2f ms, "
           "splits and merges %.2f ms, rows and moves %.2f ms",
           al.n[0], al.n[1], (timing[0] - start) / 1000.0, (timing[1] - timing[0]) / 1000.0,
           (timing[2] - timing[1]) / 1000.0, (timing[3] - timing[2]) / 1000.0,
           (g_get_monotonic_time () - timing[3]) / 1000.0);

  for (int side = 0; side < 2; side++)
    {
      for (guint i = 0; i < al.n[side]; i++)
        {
          g_clear_pointer (&al.units[side][i].tf, g_array_unref);
          g_clear_pointer (&al.units[side][i].vec, g_array_unref);
          g_clear_pointer (&al.units[side][i].shared, g_array_unref);
          g_clear_pointer (&al.units[side][i].heading, g_array_unref);
          g_clear_pointer (&al.units[side][i].tokens, g_array_unref);
          g_free (al.units[side][i].text);
        }
      g_free (al.units[side]);
    }
  g_free (al.text);
  g_free (al.scores);
  id_table_clear (&al.dict.ids);
  g_array_unref (al.dict.mark);
  g_array_unref (al.dict.slot);
  g_array_unref (al.dict.df);
  g_array_unref (al.dict.idf);
  return out;
}
