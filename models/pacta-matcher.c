/* pacta-matcher.c — finds, for each guideline item, the provisions that address it
 *
 * DESIGN.md §7. For every item and every article-level provision:
 *   1. an explicit refersTo tag settles it (origin "tagged");
 *   2. otherwise the item's match terms in the agreement's language are looked for as Snowball
 *      stems; a phrase matches when all its words stand close together, in any order
 *      ("contract of employment" meets "employment contract"). Each term found adds its rarity
 *      across the agreement's provisions (a word found everywhere proves nothing), more for
 *      longer phrases and for words in the heading;
 *   3. for English texts, the cosine similarity between the provision and the item's own
 *      guidance and model clause adds a smaller share.
 * The best provision's score turns into covered / partial / missing; the evidence keeps the
 * provisions that scored and the terms found in each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-matcher"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pacta-analyzer.h"
#include "pacta-matcher.h"

/* Thresholds on the best provision's score, tuned on the labelled set (tests/data/gold). */
#define COVERED_THRESHOLD  4.2
#define PARTIAL_THRESHOLD  2.4
#define HEADING_BONUS      1.6
#define TOP_TERMS          4
#define SIMILARITY_WEIGHT  4.0
#define PREAMBLE_WEIGHT    0.5
#define MAX_EVIDENCE       3
#define SINGLE_TERM_FACTOR 0.5
#define DEFINITIONS_WEIGHT 0.6

typedef struct
{
  char       *eid;
  GArray     *tokens;      /* PactaToken over heading + text */
  guint       heading_end; /* tokens before this index are the heading's */
  GHashTable *positions;   /* key → GArray of token indexes */
  GArray     *vector;      /* Weighted, sorted by key: tf-idf, for similarity */
  double      norm;
  double      weight;      /* 1 for articles, less for the preamble and final formula */
} Unit;

typedef struct
{
  guint  key;
  double weight;
} Weighted;

typedef struct
{
  const char *text;        /* as written in the guideline */
  guint      *keys;        /* content words' keys */
  guint       n_keys;
} Term;

/* An item's terms and the word counts of its guidance, analysed once per language. */
typedef struct
{
  GArray     *terms;          /* Term */
  GHashTable *guidance;       /* key → count */
} Prepared;

typedef struct
{
  PactaAgreement *agreement;  /* borrowed: the index is dropped when it goes away */
  PactaAnalyzer  *analyzer;
  GPtrArray      *units;      /* Unit* */
  GHashTable     *df;         /* key → number of units containing it */
  GHashTable     *tagged;     /* slug → GPtrArray of eIds of the units tagged with it */
} Index;

struct _PactaMatcher
{
  GObject     parent_instance;

  GHashTable *analyzers;   /* language → PactaAnalyzer */
  Index      *index;       /* the last agreement's, reused across guidelines */
  GHashTable *prepared;    /* "language/slug" → Prepared: what does not depend on the agreement */
  guint       use_tags : 1;
};

G_DEFINE_FINAL_TYPE (PactaMatcher, pacta_matcher, G_TYPE_OBJECT)

static void
unit_free (gpointer data)
{
  Unit *unit = data;

  g_free (unit->eid);
  g_array_unref (unit->tokens);
  g_hash_table_unref (unit->positions);
  g_clear_pointer (&unit->vector, g_array_unref);
  g_free (unit);
}

static void
index_free (Index *index)
{
  if (index == NULL)
    return;
  g_ptr_array_unref (index->units);
  g_hash_table_unref (index->df);
  g_hash_table_unref (index->tagged);
  g_object_unref (index->analyzer);
  g_free (index);
}

static void prepared_free (gpointer data);
static void index_tags (PactaProvision *provision, GHashTable *tagged);
static void agreement_gone_cb (gpointer data, GObject *where);

static void
pacta_matcher_finalize (GObject *object)
{
  PactaMatcher *self = PACTA_MATCHER (object);

  if (self->index != NULL)
    g_object_weak_unref (G_OBJECT (self->index->agreement), agreement_gone_cb, self);
  g_clear_pointer (&self->index, index_free);
  g_hash_table_unref (self->prepared);
  g_hash_table_unref (self->analyzers);

  G_OBJECT_CLASS (pacta_matcher_parent_class)->finalize (object);
}

static void
pacta_matcher_class_init (PactaMatcherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pacta_matcher_finalize;
}

static void
pacta_matcher_init (PactaMatcher *self)
{
  self->analyzers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, prepared_free);
  self->use_tags = TRUE;
}

/* One matcher serves many agreements and guidelines; it is not thread-safe. */
PactaMatcher *
pacta_matcher_new (void)
{
  return g_object_new (PACTA_TYPE_MATCHER, NULL);
}

/* With @use_tags FALSE the refersTo tags are ignored, as when measuring the matcher itself. */
void
pacta_matcher_set_use_tags (PactaMatcher *self,
                            gboolean      use_tags)
{
  g_return_if_fail (PACTA_IS_MATCHER (self));
  self->use_tags = !!use_tags;
}

static PactaAnalyzer *
get_analyzer (PactaMatcher *self,
              const char   *language)
{
  PactaAnalyzer *analyzer = g_hash_table_lookup (self->analyzers, language);

  if (analyzer == NULL)
    {
      analyzer = pacta_analyzer_new (language);
      g_hash_table_insert (self->analyzers, g_strdup (language), analyzer);
    }
  return analyzer;
}

static gboolean
is_supported_language (const char *language)
{
  return g_strcmp0 (language, "en") == 0 || g_strcmp0 (language, "fr") == 0 ||
         g_strcmp0 (language, "es") == 0;
}

/* The agreement's language when it is one the guidelines have terms for, else detected. */
const char *
pacta_matcher_language_of (PactaAgreement *agreement)
{
  const char *language = pacta_agreement_get_language (agreement);
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GString) sample = NULL;

  if (is_supported_language (language))
    return language;

  sample = g_string_new (pacta_agreement_get_title (agreement));
  articles = pacta_agreement_collect_articles (agreement);
  for (guint i = 0; i < articles->len && sample->len < 20000; i++)
    {
      g_autofree char *text = pacta_provision_dup_full_text (g_ptr_array_index (articles, i));
      g_string_append_c (sample, '\n');
      g_string_append (sample, text);
    }
  return pacta_detect_language (sample->str);
}

static void
add_position (GHashTable *positions,
              guint       key,
              guint       index)
{
  GArray *list = g_hash_table_lookup (positions, GUINT_TO_POINTER (key));

  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (positions, GUINT_TO_POINTER (key), list);
    }
  g_array_append_val (list, index);
}

static Unit *
make_unit (PactaAnalyzer  *analyzer,
           const char     *eid,
           const char     *heading,
           const char     *text,
           double          weight)
{
  Unit *unit = g_new0 (Unit, 1);
  g_autoptr(GArray) heading_tokens = pacta_analyzer_analyze (analyzer, heading);
  g_autoptr(GArray) text_tokens = pacta_analyzer_analyze (analyzer, text);

  unit->eid = g_strdup (eid);
  unit->weight = weight;
  unit->tokens = g_array_sized_new (FALSE, FALSE, sizeof (PactaToken), heading_tokens->len + text_tokens->len);
  g_array_append_vals (unit->tokens, heading_tokens->data, heading_tokens->len);
  unit->heading_end = heading_tokens->len;
  g_array_append_vals (unit->tokens, text_tokens->data, text_tokens->len);
  unit->positions = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);

  for (guint i = 0; i < unit->tokens->len; i++)
    {
      PactaToken *token = &g_array_index (unit->tokens, PactaToken, i);

      if (!token->stopword)
        add_position (unit->positions, token->key, i);
    }
  return unit;
}

/* A definitions article names every subject of the agreement without ruling on any. */
static gboolean
is_definitions (PactaProvision *article)
{
  static const char * const markers[] = {
    "definition", "interpretation", "terminolog", "definicion", "use of terms", "meaning of terms", NULL
  };
  const char *heading = pacta_provision_get_heading (article);
  g_autofree char *folded = NULL;

  if (heading == NULL)
    return FALSE;
  folded = g_str_to_ascii (heading, NULL);
  for (char *p = folded; *p; p++)
    *p = g_ascii_tolower (*p);
  for (guint i = 0; markers[i]; i++)
    if (strstr (folded, markers[i]) != NULL)
      return TRUE;
  return FALSE;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  guint x = ((const Weighted *) a)->key, y = ((const Weighted *) b)->key;

  return x < y ? -1 : x > y ? 1 : 0;
}

static Index *
build_index (PactaMatcher   *self,
             PactaAgreement *agreement)
{
  Index *index = g_new0 (Index, 1);
  g_autoptr(GPtrArray) articles = pacta_agreement_collect_articles (agreement);
  GListModel *top = pacta_agreement_get_provisions (agreement);
  guint n_top = g_list_model_get_n_items (top);
  GHashTableIter iter;
  gpointer key, value;
  double n_units;

  index->agreement = agreement;
  index->analyzer = g_object_ref (get_analyzer (self, pacta_matcher_language_of (agreement)));
  index->units = g_ptr_array_new_with_free_func (unit_free);
  index->df = g_hash_table_new (NULL, NULL);
  index->tagged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < n_top; i++)
    {
      g_autoptr(PactaProvision) provision = g_list_model_get_item (top, i);
      index_tags (provision, index->tagged);
    }

  for (guint i = 0; i < articles->len; i++)
    {
      PactaProvision *article = g_ptr_array_index (articles, i);
      g_autofree char *text = pacta_provision_dup_full_text (article);

      g_ptr_array_add (index->units,
                       make_unit (index->analyzer, pacta_provision_get_eid (article),
                                  pacta_provision_get_heading (article), text,
                                  is_definitions (article) ? DEFINITIONS_WEIGHT : 1.0));
    }

  /* The preamble states intentions, not obligations: it can make an item partial at most. */
  for (guint i = 0; i < n_top; i++)
    {
      g_autoptr(PactaProvision) provision = g_list_model_get_item (top, i);

      if (pacta_provision_get_kind (provision) == PACTA_PROVISION_KIND_PREAMBLE)
        g_ptr_array_add (index->units,
                         make_unit (index->analyzer,
                                    pacta_provision_get_eid (provision) ? pacta_provision_get_eid (provision) : "preamble",
                                    NULL, pacta_provision_get_text (provision), PREAMBLE_WEIGHT));
    }

  for (guint i = 0; i < index->units->len; i++)
    {
      Unit *unit = g_ptr_array_index (index->units, i);

      g_hash_table_iter_init (&iter, unit->positions);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (index->df, key));
          g_hash_table_insert (index->df, key, GUINT_TO_POINTER (count + 1));
        }
    }

  /* tf-idf vectors for the similarity part. */
  n_units = MAX (index->units->len, 1);
  for (guint i = 0; i < index->units->len; i++)
    {
      Unit *unit = g_ptr_array_index (index->units, i);
      double norm = 0;

      unit->vector = g_array_sized_new (FALSE, FALSE, sizeof (Weighted), g_hash_table_size (unit->positions));
      g_hash_table_iter_init (&iter, unit->positions);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          GArray *list = value;
          double df = GPOINTER_TO_UINT (g_hash_table_lookup (index->df, key));
          Weighted entry = { GPOINTER_TO_UINT (key), (1.0 + log (list->len)) * log ((n_units + 1.0) / df) };

          g_array_append_val (unit->vector, entry);
          norm += entry.weight * entry.weight;
        }
      g_array_sort (unit->vector, compare_keys);
      unit->norm = sqrt (norm);
    }

  return index;
}

static void
agreement_gone_cb (gpointer  data,
                   GObject  *where)
{
  PactaMatcher *self = data;

  if (self->index != NULL && (GObject *) self->index->agreement == where)
    g_clear_pointer (&self->index, index_free);
}

static Index *
get_index (PactaMatcher   *self,
           PactaAgreement *agreement)
{
  if (self->index != NULL && self->index->agreement == agreement)
    return self->index;
  if (self->index != NULL)
    {
      g_object_weak_unref (G_OBJECT (self->index->agreement), agreement_gone_cb, self);
      g_clear_pointer (&self->index, index_free);
    }
  self->index = build_index (self, agreement);
  g_object_weak_ref (G_OBJECT (agreement), agreement_gone_cb, self);
  return self->index;
}

static GArray *
prepare_terms (PactaAnalyzer      *analyzer,
               const char * const *texts)
{
  GArray *terms = g_array_new (FALSE, TRUE, sizeof (Term));

  for (guint i = 0; texts[i]; i++)
    {
      g_autoptr(GArray) tokens = pacta_analyzer_analyze (analyzer, texts[i]);
      Term term = { texts[i], NULL, 0 };

      term.keys = g_new0 (guint, MAX (tokens->len, 1));
      for (guint j = 0; j < tokens->len; j++)
        {
          PactaToken *token = &g_array_index (tokens, PactaToken, j);
          gboolean seen = FALSE;

          if (token->stopword)
            continue;
          for (guint k = 0; k < term.n_keys; k++)
            seen |= term.keys[k] == token->key;
          if (!seen)
            term.keys[term.n_keys++] = token->key;
        }
      if (term.n_keys == 0)
        {
          g_free (term.keys);
          continue;
        }
      g_array_append_val (terms, term);
    }
  return terms;
}

static void
free_terms (GArray *terms)
{
  for (guint i = 0; i < terms->len; i++)
    g_free (g_array_index (terms, Term, i).keys);
  g_array_unref (terms);
}

static void
prepared_free (gpointer data)
{
  Prepared *prepared = data;

  free_terms (prepared->terms);
  g_clear_pointer (&prepared->guidance, g_hash_table_unref);
  g_free (prepared);
}

static gboolean
has_position_near (GArray *list,
                   guint   center,
                   guint   window)
{
  guint lo = center > window ? center - window : 0;
  guint hi = center + window;
  guint a = 0, b = list->len;

  /* First position ≥ lo. */
  while (a < b)
    {
      guint mid = (a + b) / 2;
      if (g_array_index (list, guint, mid) < lo)
        a = mid + 1;
      else
        b = mid;
    }
  return a < list->len && g_array_index (list, guint, a) <= hi;
}

/* How often the term occurs in the unit, and whether in its heading. A phrase occurs where
 * its rarest word stands with every other word within a short window. Real treaties rarely
 * repeat a checklist's phrase word for word, so a phrase of three or more words may miss one
 * ("payment of benefits abroad" in "payment of benefits … residing in the other Party");
 * *completeness says how much of it was found. */
static guint
count_term (Unit       *unit,
            const Term *term,
            gboolean   *in_heading,
            double     *completeness)
{
  GArray *lists[16];
  GArray *anchor = NULL;
  guint anchor_index = 0;
  guint window = term->n_keys + 3;
  guint n_keys = MIN (term->n_keys, G_N_ELEMENTS (lists));
  guint missing = 0;
  guint count = 0;

  *in_heading = FALSE;
  *completeness = 0;
  for (guint k = 0; k < n_keys; k++)
    {
      lists[k] = g_hash_table_lookup (unit->positions, GUINT_TO_POINTER (term->keys[k]));
      if (lists[k] == NULL)
        {
          missing++;
          continue;
        }
      if (anchor == NULL || lists[k]->len < anchor->len)
        {
          anchor = lists[k];
          anchor_index = k;
        }
    }
  if (anchor == NULL || missing > (n_keys >= 3 ? 1 : 0))
    return 0;

  for (guint i = 0; i < anchor->len; i++)
    {
      guint position = g_array_index (anchor, guint, i);
      gboolean all = TRUE;

      for (guint k = 0; k < n_keys && all; k++)
        {
          if (k == anchor_index || lists[k] == NULL)
            continue;
          all = has_position_near (lists[k], position, window);
        }
      if (all)
        {
          count++;
          if (position < unit->heading_end)
            *in_heading = TRUE;
        }
    }
  if (count > 0)
    *completeness = (double) (n_keys - missing) / n_keys;
  return count;
}

typedef struct
{
  double      score;
  GPtrArray  *terms;  /* const char*, the term texts found */
} UnitScore;

static int
compare_double_desc (gconstpointer a,
                     gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

static double
similarity (Unit   *unit,
            GArray *item,
            double  item_norm)
{
  guint i = 0, j = 0;
  double dot = 0;

  if (item_norm == 0 || unit->norm == 0)
    return 0;
  /* Both vectors are sorted by key: a merge join. */
  while (i < unit->vector->len && j < item->len)
    {
      Weighted *x = &g_array_index (unit->vector, Weighted, i);
      Weighted *y = &g_array_index (item, Weighted, j);

      if (x->key == y->key)
        {
          dot += x->weight * y->weight;
          i++;
          j++;
        }
      else if (x->key < y->key)
        i++;
      else
        j++;
    }
  return dot / (unit->norm * item_norm);
}

/* The item's own guidance and model wording, as a bag of words weighted by rarity in the
 * agreement (words the agreement never uses carry nothing). */
static GHashTable *
count_guidance_words (PactaAnalyzer      *analyzer,
                      PactaGuidelineItem *item)
{
  GHashTable *counts = g_hash_table_new (NULL, NULL);
  g_autofree char *text = g_strjoin ("\n",
                                     pacta_guideline_item_get_title (item) ? pacta_guideline_item_get_title (item) : "",
                                     pacta_guideline_item_get_guidance (item) ? pacta_guideline_item_get_guidance (item) : "",
                                     pacta_guideline_item_get_model (item) ? pacta_guideline_item_get_model (item) : "",
                                     NULL);
  g_autoptr(GArray) tokens = pacta_analyzer_analyze (analyzer, text);

  for (guint i = 0; i < tokens->len; i++)
    {
      PactaToken *token = &g_array_index (tokens, PactaToken, i);
      guint count;

      if (token->stopword)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (token->key)));
      g_hash_table_insert (counts, GUINT_TO_POINTER (token->key), GUINT_TO_POINTER (count + 1));
    }
  return counts;
}

/* The item's own guidance and model wording as a vector weighted by rarity in this agreement
 * (words the agreement never uses cannot point at any of its provisions). */
static GArray *
item_vector (Index      *index,
             GHashTable *counts,
             double     *norm)
{
  GArray *vector = g_array_new (FALSE, FALSE, sizeof (Weighted));
  GHashTableIter iter;
  gpointer key, value;
  double n_units = MAX (index->units->len, 1);

  *norm = 0;
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      double df = GPOINTER_TO_UINT (g_hash_table_lookup (index->df, key));
      Weighted entry = { GPOINTER_TO_UINT (key), 0 };

      if (df == 0)
        continue;
      entry.weight = (1.0 + log (GPOINTER_TO_UINT (value))) * log ((n_units + 1.0) / df);
      g_array_append_val (vector, entry);
      *norm += entry.weight * entry.weight;
    }
  g_array_sort (vector, compare_keys);
  *norm = sqrt (*norm);
  return vector;
}

static Prepared *
get_prepared (PactaMatcher       *self,
              PactaAnalyzer      *analyzer,
              PactaGuidelineItem *item);

static gboolean
in_heading_any (const gboolean *headings,
                guint           n_terms,
                guint           n_units,
                guint           unit)
{
  for (guint t = 0; t < n_terms; t++)
    if (headings[t * n_units + unit])
      return TRUE;
  return FALSE;
}

static const char * const *
item_terms (PactaGuidelineItem *item,
            const char         *language)
{
  const char * const *terms = pacta_guideline_item_get_terms (item, language);

  if (terms[0] == NULL)
    terms = pacta_guideline_item_get_terms (item, "en");
  return terms;
}

static void
match_item (PactaMatcher       *self,
            Index              *index,
            PactaFinding       *finding,
            PactaGuidelineItem *item)
{
  const char *language = pacta_analyzer_get_language (index->analyzer);
  Prepared *prepared = get_prepared (self, index->analyzer, item);
  GArray *terms = prepared->terms;
  guint n_units = index->units->len;
  g_autofree guint *df = g_new0 (guint, MAX (terms->len, 1));
  g_autofree guint *counts = g_new0 (guint, MAX (terms->len * n_units, 1));
  g_autofree gboolean *headings = g_new0 (gboolean, MAX (terms->len * n_units, 1));
  g_autofree double *completeness = g_new0 (double, MAX (terms->len * n_units, 1));
  g_autofree UnitScore *scores = g_new0 (UnitScore, MAX (n_units, 1));
  g_autofree double *contributions = g_new0 (double, MAX (terms->len, 1));
  g_autoptr(GArray) vector = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GPtrArray *evidence;
  double item_norm = 0;
  double best = 0;
  PactaFindingStatus status;
  double confidence;

  for (guint t = 0; t < terms->len; t++)
    {
      const Term *term = &g_array_index (terms, Term, t);
      guint absent = 0;

      /* Most terms of most items are absent from a given text: skip them at once. */
      for (guint k = 0; k < term->n_keys; k++)
        absent += !g_hash_table_contains (index->df, GUINT_TO_POINTER (term->keys[k]));
      if (absent > (term->n_keys >= 3 ? 1u : 0u))
        continue;
      for (guint u = 0; u < n_units; u++)
      {
        counts[t * n_units + u] = count_term (g_ptr_array_index (index->units, u),
                                              &g_array_index (terms, Term, t),
                                              &headings[t * n_units + u],
                                              &completeness[t * n_units + u]);
        if (counts[t * n_units + u] > 0)
          df[t]++;
      }
    }

  if (g_str_equal (language, "en"))
    vector = item_vector (index, prepared->guidance, &item_norm);

  for (guint u = 0; u < n_units; u++)
    {
      Unit *unit = g_ptr_array_index (index->units, u);
      double score = 0;

      scores[u].terms = g_ptr_array_new ();
      for (guint t = 0; t < terms->len; t++)
        {
          const Term *term = &g_array_index (terms, Term, t);
          guint count = counts[t * n_units + u];
          double idf, saturation, specificity;

          contributions[t] = 0;
          if (count == 0)
            continue;
          idf = log ((n_units + 1.0) / (df[t] + 0.5));
          saturation = (count * 2.2) / (count + 1.2);
          specificity = 1.0 + 0.5 * MIN (term->n_keys - 1, 2);
          contributions[t] = MAX (idf, 0.1) * saturation * specificity *
                             pow (completeness[t * n_units + u], 2) *
                             (headings[t * n_units + u] ? HEADING_BONUS : 1.0);
          g_ptr_array_add (scores[u].terms, (gpointer) term->text);
        }
      qsort (contributions, terms->len, sizeof (double), compare_double_desc);
      for (guint t = 0; t < MIN (terms->len, TOP_TERMS); t++)
        score += contributions[t];
      /* One phrase alone is a mention, not yet a provision on the subject: it needs a second
       * term or the heading to corroborate it. */
      if (scores[u].terms->len == 1 && !in_heading_any (headings, terms->len, n_units, u))
        score *= SINGLE_TERM_FACTOR;
      if (vector != NULL && scores[u].terms->len > 0)
        score += SIMILARITY_WEIGHT * similarity (unit, vector, item_norm);
      scores[u].score = score * unit->weight;
      best = MAX (best, scores[u].score);
      g_ptr_array_add (order, &scores[u]);
    }

  if (best >= COVERED_THRESHOLD)
    {
      status = PACTA_FINDING_STATUS_COVERED;
      confidence = MIN (1.0, 0.6 + 0.4 * (best - COVERED_THRESHOLD) / COVERED_THRESHOLD);
    }
  else if (best >= PARTIAL_THRESHOLD)
    {
      status = PACTA_FINDING_STATUS_PARTIAL;
      confidence = 0.5;
    }
  else
    {
      status = PACTA_FINDING_STATUS_MISSING;
      confidence = MIN (1.0, 0.6 + 0.4 * (PARTIAL_THRESHOLD - best) / PARTIAL_THRESHOLD);
    }

  /* Evidence: the provisions close to the best, best first. */
  evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) pacta_evidence_free);
  if (status != PACTA_FINDING_STATUS_MISSING)
    {
      for (guint k = 0; k < MAX_EVIDENCE; k++)
        {
          UnitScore *top = NULL;
          guint top_index = 0;

          for (guint u = 0; u < n_units; u++)
            if (scores[u].score > 0 && (top == NULL || scores[u].score > top->score))
              {
                top = &scores[u];
                top_index = u;
              }
          if (top == NULL || top->score < MAX (PARTIAL_THRESHOLD, best * 0.6))
            break;
          g_ptr_array_add (top->terms, NULL);
          g_ptr_array_add (evidence,
                           pacta_evidence_new (((Unit *) g_ptr_array_index (index->units, top_index))->eid,
                                               (const char * const *) top->terms->pdata, top->score));
          top->score = -1;
        }
    }

  pacta_finding_set_computed (finding, status, PACTA_FINDING_ORIGIN_MATCHED, confidence, evidence);

  for (guint u = 0; u < n_units; u++)
    g_ptr_array_unref (scores[u].terms);
}

/* The article-level provision a tagged provision belongs to. */
static PactaProvision *
citable_unit (PactaProvision *provision)
{
  for (PactaProvision *p = provision; p; p = pacta_provision_get_parent (p))
    if (pacta_provision_is_article_level (p))
      return p;
  return provision;
}

/* One walk over the tree records every refersTo tag, by slug. */
static void
index_tags (PactaProvision *provision,
            GHashTable     *tagged)
{
  const char * const *slugs = pacta_provision_get_refers_to (provision);
  guint n = pacta_provision_get_n_children (provision);

  for (guint i = 0; slugs[i]; i++)
    {
      const char *eid = pacta_provision_get_eid (citable_unit (provision));
      GPtrArray *eids = g_hash_table_lookup (tagged, slugs[i]);

      if (eid == NULL)
        continue;
      if (eids == NULL)
        {
          eids = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (tagged, g_strdup (slugs[i]), eids);
        }
      if (!g_ptr_array_find_with_equal_func (eids, eid, g_str_equal, NULL))
        g_ptr_array_add (eids, g_strdup (eid));
    }
  for (guint i = 0; i < n; i++)
    index_tags (pacta_provision_get_child (provision, i), tagged);
}

static gboolean
apply_tags (Index              *index,
            PactaFinding       *finding,
            PactaGuidelineItem *item)
{
  GPtrArray *eids = g_hash_table_lookup (index->tagged, pacta_guideline_item_get_slug (item));
  GPtrArray *evidence;

  if (eids == NULL)
    return FALSE;

  evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) pacta_evidence_free);
  for (guint i = 0; i < eids->len; i++)
    g_ptr_array_add (evidence, pacta_evidence_new (g_ptr_array_index (eids, i), NULL, 1.0));
  pacta_finding_set_computed (finding, PACTA_FINDING_STATUS_COVERED, PACTA_FINDING_ORIGIN_TAGGED, 1.0, evidence);
  return TRUE;
}

static Prepared *
get_prepared (PactaMatcher       *self,
              PactaAnalyzer      *analyzer,
              PactaGuidelineItem *item)
{
  const char *language = pacta_analyzer_get_language (analyzer);
  g_autofree char *key = g_strdup_printf ("%s/%s", language, pacta_guideline_item_get_slug (item));
  Prepared *prepared = g_hash_table_lookup (self->prepared, key);

  /* Items are keyed by slug, unique across loaded guidelines; a changed item is a new object
   * with the same slug only when a guideline file is reloaded, which is rare enough to accept
   * a stale cache until the matcher is recreated. */
  if (prepared == NULL)
    {
      prepared = g_new0 (Prepared, 1);
      prepared->terms = prepare_terms (analyzer, item_terms (item, language));
      if (g_str_equal (language, "en"))
        prepared->guidance = count_guidance_words (analyzer, item);
      g_hash_table_insert (self->prepared, g_steal_pointer (&key), prepared);
    }
  return prepared;
}

/* Returns: (transfer full): the coverage of @agreement against @guideline */
PactaCoverage *
pacta_matcher_check (PactaMatcher   *self,
                     PactaAgreement *agreement,
                     PactaGuideline *guideline)
{
  g_autoptr(PactaCoverage) coverage = NULL;
  GListModel *findings;
  Index *index;

  g_return_val_if_fail (PACTA_IS_MATCHER (self), NULL);
  g_return_val_if_fail (PACTA_IS_AGREEMENT (agreement), NULL);
  g_return_val_if_fail (PACTA_IS_GUIDELINE (guideline), NULL);

  coverage = pacta_coverage_new (agreement, guideline);
  index = get_index (self, agreement);
  findings = pacta_coverage_get_findings (coverage);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(PactaFinding) finding = g_list_model_get_item (findings, i);
      PactaGuidelineItem *item = pacta_finding_get_item (finding);

      if (self->use_tags && apply_tags (index, finding, item))
        continue;
      match_item (self, index, finding, item);
    }

  return g_steal_pointer (&coverage);
}

/* Returns: (transfer full) (element-type PactaSpan): where @terms occur in @text, for
 * highlighting the evidence words */
GArray *
pacta_matcher_find_spans (PactaMatcher       *self,
                          const char         *language,
                          const char         *text,
                          const char * const *terms)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (PactaSpan));
  PactaAnalyzer *analyzer;
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (PACTA_IS_MATCHER (self), spans);

  if (text == NULL || terms == NULL)
    return spans;
  analyzer = get_analyzer (self, is_supported_language (language) ? language : "en");

  for (guint i = 0; terms[i]; i++)
    {
      g_autoptr(GArray) term_tokens = pacta_analyzer_analyze (analyzer, terms[i]);

      for (guint j = 0; j < term_tokens->len; j++)
        {
          PactaToken *token = &g_array_index (term_tokens, PactaToken, j);
          if (!token->stopword)
            g_hash_table_add (wanted, GUINT_TO_POINTER (token->key));
        }
    }

  tokens = pacta_analyzer_analyze (analyzer, text);
  for (guint i = 0; i < tokens->len; i++)
    {
      PactaToken *token = &g_array_index (tokens, PactaToken, i);

      if (!token->stopword && g_hash_table_contains (wanted, GUINT_TO_POINTER (token->key)))
        {
          PactaSpan span = { token->start, token->length };
          g_array_append_val (spans, span);
        }
    }
  return spans;
}
