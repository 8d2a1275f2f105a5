/* pacta-import-language.c — English, French or Spanish, by function words
 *
 * Each language is told by the short words it cannot do without ("the", "of", "shall";
 * "les", "des", "du"; "los", "del", "y"). A text's language is the one whose words it uses
 * most; a line's language is only given when its words decide it. Bilingual documents
 * (one language after the other, or alternating paragraph by paragraph) show as several
 * languages each holding a good share of the words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-import-language"

#include "config.h"

#include <string.h>

#include "pacta-import-private.h"

enum { EN, FR, ES, N_LANGS };

static const char * const codes[N_LANGS] = { "en", "fr", "es" };

static const char * const words_en[] = {
  "the", "of", "and", "to", "in", "shall", "be", "by", "for", "with", "or", "which", "this",
  "that", "any", "such", "is", "are", "an", "its", "their", "other", "from", "as", "on",
  "under", "who", "has", "have", "been", "not", "each", "may", "all", "at", "these", "those",
  "between", "where", "whose", "will", "it", "they", "than", "into", NULL
};
static const char * const words_fr[] = {
  "le", "la", "les", "des", "du", "de", "et", "est", "sont", "un", "une", "dans", "par",
  "pour", "qui", "que", "aux", "au", "sur", "ou", "ne", "pas", "leur", "leurs", "cette", "ce",
  "ces", "avec", "entre", "il", "elle", "l", "d", "qu", "doit", "peut", "sera", "seront",
  "presente", "present", "lorsque", "selon", "etre", "ont", "afin", NULL
};
static const char * const words_es[] = {
  "el", "la", "los", "las", "del", "de", "y", "en", "un", "una", "que", "por", "para", "con",
  "se", "su", "sus", "al", "lo", "es", "son", "o", "como", "este", "esta", "estos", "estas",
  "sera", "podra", "cada", "entre", "sobre", "dicho", "dicha", "cuando", "segun", "deberan",
  "debera", "seran", "presente", "ha", "han", NULL
};

static GHashTable *
word_table (void)
{
  static GHashTable *table = NULL;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);
      const char * const *lists[N_LANGS] = { words_en, words_fr, words_es };

      for (int lang = 0; lang < N_LANGS; lang++)
        for (guint i = 0; lists[lang][i]; i++)
          {
            guint mask = GPOINTER_TO_UINT (g_hash_table_lookup (t, lists[lang][i]));
            g_hash_table_insert (t, (gpointer) lists[lang][i], GUINT_TO_POINTER (mask | (1u << lang)));
          }
      g_once_init_leave (&table, t);
    }
  return table;
}

/* Function-word counts per language; returns the number of words. */
static guint
count (const char *text,
       guint       scores[N_LANGS])
{
  GHashTable *table = word_table ();
  g_autofree char *folded = _pacta_import_fold (text);
  char *p = folded;
  guint words = 0;

  memset (scores, 0, sizeof (guint) * N_LANGS);
  while (*p)
    {
      char *start, saved;
      guint mask;

      while (*p && !g_ascii_isalpha (*p))
        p++;
      start = p;
      while (*p && g_ascii_isalpha (*p))
        p++;
      if (p == start)
        break;
      /* Skip words with letters outside ASCII (they were folded, so this is rare). */
      saved = *p;
      *p = '\0';
      words++;
      mask = GPOINTER_TO_UINT (g_hash_table_lookup (table, start));
      for (int lang = 0; lang < N_LANGS; lang++)
        if (mask & (1u << lang))
          scores[lang]++;
      *p = saved;
    }
  return words;
}

static int
decide (const guint scores[N_LANGS],
        guint       min_hits,
        double     *confidence)
{
  int best = -1, second = -1;

  for (int lang = 0; lang < N_LANGS; lang++)
    {
      if (best < 0 || scores[lang] > scores[best])
        {
          second = best;
          best = lang;
        }
      else if (second < 0 || scores[lang] > scores[second])
        second = lang;
    }
  if (confidence)
    *confidence = 0;
  if (best < 0 || scores[best] < min_hits || scores[best] <= scores[second])
    return -1;
  /* Shared words ("de", "la", "en", "que") count for French and Spanish alike; only a
   * clear margin decides between them. */
  if (scores[second] > 0 && scores[best] < scores[second] + 1 + scores[best] / 8)
    return -1;
  if (confidence)
    *confidence = (double) (scores[best] - scores[second]) / scores[best];
  return best;
}

/* Returns "en", "fr", "es", or NULL when the words do not tell. */
const char *
_pacta_import_guess_language (const char *text,
                              double     *confidence)
{
  guint scores[N_LANGS];
  int lang;

  count (text, scores);
  lang = decide (scores, 2, confidence);
  return lang >= 0 ? codes[lang] : NULL;
}


static int
lang_index (const char *code)
{
  for (int lang = 0; lang < N_LANGS; lang++)
    if (g_strcmp0 (code, codes[lang]) == 0)
      return lang;
  return -1;
}

/* Two unlabelled lines that are the same words in both languages ("Article 5"). */
static gboolean
twins (const char *a,
       const char *b)
{
  g_autofree char *fa = _pacta_import_fold (a);
  g_autofree char *fb = _pacta_import_fold (b);
  GString *da = g_string_new (NULL), *db = g_string_new (NULL);
  gboolean same;

  for (const char *p = fa; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (da, *p);
  for (const char *p = fb; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (db, *p);
  same = g_str_equal (da->str, db->str);
  g_string_free (da, TRUE);
  g_string_free (db, TRUE);
  return same;
}

GStrv
_pacta_import_label_languages (GPtrArray *lines,
                               gboolean  *alternating)
{
  guint totals[N_LANGS] = { 0 };
  guint labelled = 0, switches = 0, all_words = 0;
  int order[N_LANGS] = { EN, FR, ES };
  int previous = -1;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n_major = 0;
  gboolean alternate = FALSE;

  /* 1. Lines whose words decide. */
  for (guint i = 0; i < lines->len; i++)
    {
      PactaImportLine *line = g_ptr_array_index (lines, i);
      guint scores[N_LANGS];
      guint words = count (line->text, scores);
      int lang;

      all_words += words;
      lang = decide (scores, words <= 6 ? 1 : 2, NULL);
      /* One function word decides a short line only when it belongs to one language. */
      if (lang >= 0 && words <= 6)
        {
          guint others = 0;

          for (int l = 0; l < N_LANGS; l++)
            if (l != lang)
              others += scores[l];
          if (others > 0 && scores[lang] < 2)
            lang = -1;
        }
      line->lang = lang >= 0 ? codes[lang] : NULL;
      if (lang >= 0)
        {
          totals[lang] += words;
          labelled++;
          if (previous >= 0 && previous != lang)
            switches++;
          previous = lang;
        }
    }

  /* 2. The languages that matter (a good share of the words), in the order they first
   * appear: the text that comes first is the one kept unless asked otherwise. */
  for (int a = 0; a < N_LANGS; a++)
    for (int b = a + 1; b < N_LANGS; b++)
      if (totals[order[b]] > totals[order[a]])
        {
          int t = order[a];
          order[a] = order[b];
          order[b] = t;
        }
  {
    guint sum = totals[EN] + totals[FR] + totals[ES];
    gboolean major[N_LANGS] = { FALSE };
    int by_appearance[N_LANGS];
    guint n = 0;

    for (int k = 0; k < N_LANGS; k++)
      {
        int lang = order[k];

        /* A good share: an eighth of the words in a long text, a quarter in a short one. */
        if (totals[lang] > 0 && (k == 0 || (totals[lang] * 100 >= sum * 12 && totals[lang] >= 40) ||
                                 (totals[lang] * 100 >= sum * 25 && totals[lang] >= 8)))
          major[lang] = TRUE;
      }
    for (guint i = 0; i < lines->len && n < N_LANGS; i++)
      {
        int lang = lang_index (((PactaImportLine *) g_ptr_array_index (lines, i))->lang);
        gboolean seen = FALSE;

        for (guint k = 0; k < n; k++)
          seen = seen || by_appearance[k] == lang;
        if (lang >= 0 && major[lang] && !seen)
          by_appearance[n++] = lang;
      }
    for (guint k = 0; k < n; k++)
      {
        order[k] = by_appearance[k];
        g_strv_builder_add (builder, codes[order[k]]);
      }
    n_major = n;
  }

  alternate = n_major >= 2 && labelled > 0 && switches * 100 >= labelled * 30;
  if (alternating)
    *alternating = alternate;

  if (n_major < 2)
    {
      /* One language: every line is in it. */
      const char *only = n_major == 1 ? codes[order[0]] : NULL;

      for (guint i = 0; i < lines->len; i++)
        ((PactaImportLine *) g_ptr_array_index (lines, i))->lang = only;
      return g_strv_builder_end (builder);
    }

  /* 3. Minor languages (a French place name in an English text) are noise: relabel. */
  for (guint i = 0; i < lines->len; i++)
    {
      PactaImportLine *line = g_ptr_array_index (lines, i);
      int lang = lang_index (line->lang);
      gboolean major = FALSE;

      for (guint k = 0; k < n_major; k++)
        major = major || lang == order[k];
      if (!major)
        line->lang = NULL;
    }

  /* 4. In language blocks, an isolated short line of the other language is noise too. */
  if (!alternate)
    for (guint i = 0; i < lines->len; i++)
      {
        PactaImportLine *line = g_ptr_array_index (lines, i);
        const char *before = NULL, *after = NULL;

        if (line->lang == NULL || _pacta_import_count_words (line->text) > 8)
          continue;
        for (int k = (int) i - 1; k >= 0 && before == NULL; k--)
          before = ((PactaImportLine *) g_ptr_array_index (lines, k))->lang;
        for (guint k = i + 1; k < lines->len && after == NULL; k++)
          after = ((PactaImportLine *) g_ptr_array_index (lines, k))->lang;
        if (before != NULL && g_strcmp0 (before, after) == 0 && g_strcmp0 (before, line->lang) != 0)
          line->lang = before;
      }

  /* 5. Lines of a table cell or text block share its language. */
  {
    g_autoptr(GHashTable) block_lang = g_hash_table_new (NULL, NULL);

    for (guint i = 0; i < lines->len; i++)
      {
        PactaImportLine *line = g_ptr_array_index (lines, i);

        if (line->block != 0 && line->lang != NULL && !g_hash_table_contains (block_lang, GUINT_TO_POINTER (line->block)))
          g_hash_table_insert (block_lang, GUINT_TO_POINTER (line->block), (gpointer) line->lang);
      }
    for (guint i = 0; i < lines->len; i++)
      {
        PactaImportLine *line = g_ptr_array_index (lines, i);

        if (line->block != 0 && line->lang == NULL)
          line->lang = g_hash_table_lookup (block_lang, GUINT_TO_POINTER (line->block));
      }
  }

  /* 6. Lines the words do not decide ("Article 5") go with the text they introduce. */
  for (guint i = 0; i < lines->len; )
    {
      PactaImportLine *line = g_ptr_array_index (lines, i);
      guint end = i;
      const char *next = NULL, *prev_lang = NULL;

      if (line->lang != NULL)
        {
          i++;
          continue;
        }
      while (end < lines->len && ((PactaImportLine *) g_ptr_array_index (lines, end))->lang == NULL)
        end++;
      if (end < lines->len)
        next = ((PactaImportLine *) g_ptr_array_index (lines, end))->lang;
      if (i > 0)
        prev_lang = ((PactaImportLine *) g_ptr_array_index (lines, i - 1))->lang;

      if (alternate && next != NULL &&
          (end - i == 1 || twins (((PactaImportLine *) g_ptr_array_index (lines, i))->text,
                                  ((PactaImportLine *) g_ptr_array_index (lines, i + 1))->text) ||
           g_strcmp0 (prev_lang, next) == 0))
        {
          /* Alternating: walk back from the next labelled line, swapping languages, so
           * that "Article 5 / Article 5" or a heading without function words ("Entrée en
           * vigueur") takes the language the alternation gives it. */
          const char *other = g_strcmp0 (next, codes[order[0]]) == 0 ? codes[order[1]] : codes[order[0]];
          gboolean flip = TRUE;

          for (guint k = end; k-- > i; )
            {
              ((PactaImportLine *) g_ptr_array_index (lines, k))->lang = flip ? other : next;
              flip = !flip;
            }
        }
      else
        {
          guint prev_page = i > 0 ? ((PactaImportLine *) g_ptr_array_index (lines, i - 1))->page : 0;
          guint next_page = end < lines->len ? ((PactaImportLine *) g_ptr_array_index (lines, end))->page : 0;

          for (guint k = i; k < end; k++)
            {
              PactaImportLine *run_line = g_ptr_array_index (lines, k);
              const char *lang = next ? next : prev_lang;

              /* A language block that ends at a page break: the last lines of the page
               * ("Article 8", its heading) stay with their page. */
              if (next != NULL && prev_lang != NULL && run_line->page != 0 &&
                  run_line->page == prev_page && run_line->page != next_page)
                lang = prev_lang;
              if (lang == NULL)
                lang = codes[order[0]];
              run_line->lang = lang;
            }
        }
      i = end;
    }

  return g_strv_builder_end (builder);
}
