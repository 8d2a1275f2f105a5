/* pacta-analyzer.c — words into comparable keys: tokens, Snowball stems, folded accents
 *
 * Treaty language inflects ("employ", "employer", "employment"; "travailleurs", "travailleur";
 * "trabajadoras", "trabajador"), so words are compared by their Snowball stem in the text's
 * language, then with accents folded so "periodos" meets "períodos". Each distinct key gets a
 * small integer, which keeps the matcher's inner loops on integers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-analyzer"

#include "config.h"

#include <libstemmer.h>
#include <string.h>

#include "pacta-analyzer.h"

struct _PactaAnalyzer
{
  GObject             parent_instance;

  char               *language;
  struct sb_stemmer  *stemmer;
  GHashTable         *keys;       /* folded stem → key + 1 */
  GPtrArray          *strings;    /* key → folded stem */
  GHashTable         *cache;      /* lower-case word → (key << 1 | stopword) + 1: stemming is the costly part */
  GHashTable         *stopwords;  /* lower-case word → 1 */
};

G_DEFINE_FINAL_TYPE (PactaAnalyzer, pacta_analyzer, G_TYPE_OBJECT)

static const char * const stop_en[] = {
  "a", "an", "and", "any", "are", "as", "at", "be", "been", "by", "each", "for", "from", "has",
  "have", "in", "into", "is", "it", "its", "may", "of", "on", "or", "other", "shall", "such",
  "that", "the", "their", "them", "these", "they", "this", "those", "to", "under", "which", "who",
  "will", "with", "within", "where", "whose", "all", "not", "no", "if", "than", "also", "both",
  "either", "party", "parties", "contracting", "agreement", "article", "paragraph", NULL
};
static const char * const stop_fr[] = {
  "a", "à", "au", "aux", "avec", "ce", "ces", "cette", "dans", "de", "des", "du", "elle", "en",
  "est", "et", "il", "ils", "l", "la", "le", "les", "leur", "leurs", "par", "pour", "qu", "que",
  "qui", "se", "son", "sont", "sa", "ses", "sur", "un", "une", "d", "s", "n", "ne", "pas", "ou",
  "être", "été", "sous", "lorsque", "tout", "toute", "tous", "toutes", "partie", "parties",
  "contractantes", "contractante", "accord", "article", "paragraphe", NULL
};
static const char * const stop_es[] = {
  "a", "al", "con", "de", "del", "el", "en", "es", "la", "las", "lo", "los", "o", "para", "por",
  "que", "se", "su", "sus", "un", "una", "y", "e", "u", "ni", "no", "sin", "sobre", "será",
  "serán", "como", "cuando", "este", "esta", "estos", "estas", "ser", "parte", "partes",
  "contratantes", "acuerdo", "artículo", "párrafo", NULL
};

static void
pacta_analyzer_finalize (GObject *object)
{
  PactaAnalyzer *self = PACTA_ANALYZER (object);

  g_free (self->language);
  g_clear_pointer (&self->stemmer, sb_stemmer_delete);
  g_hash_table_unref (self->keys);
  g_ptr_array_unref (self->strings);
  g_hash_table_unref (self->cache);
  g_hash_table_unref (self->stopwords);

  G_OBJECT_CLASS (pacta_analyzer_parent_class)->finalize (object);
}

static void
pacta_analyzer_class_init (PactaAnalyzerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pacta_analyzer_finalize;
}

static void
pacta_analyzer_init (PactaAnalyzer *self)
{
  self->keys = g_hash_table_new (g_str_hash, g_str_equal);
  self->strings = g_ptr_array_new_with_free_func (g_free);
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->stopwords = g_hash_table_new (g_str_hash, g_str_equal);
}

static const char *
stemmer_name (const char *language)
{
  if (g_strcmp0 (language, "fr") == 0)
    return "french";
  if (g_strcmp0 (language, "es") == 0)
    return "spanish";
  if (g_strcmp0 (language, "pt") == 0)
    return "portuguese";
  if (g_strcmp0 (language, "de") == 0)
    return "german";
  return "english";
}

/* Creates an analyser for @language ("en", "fr", "es"; others fall back to English). */
PactaAnalyzer *
pacta_analyzer_new (const char *language)
{
  PactaAnalyzer *self = g_object_new (PACTA_TYPE_ANALYZER, NULL);
  const char * const *stops;

  self->language = g_strdup (language ? language : "en");
  self->stemmer = sb_stemmer_new (stemmer_name (self->language), NULL);
  stops = g_str_equal (self->language, "fr") ? stop_fr
          : g_str_equal (self->language, "es") ? stop_es : stop_en;
  for (guint i = 0; stops[i]; i++)
    g_hash_table_add (self->stopwords, (gpointer) stops[i]);
  return self;
}

const char *
pacta_analyzer_get_language (PactaAnalyzer *self)
{
  g_return_val_if_fail (PACTA_IS_ANALYZER (self), NULL);
  return self->language;
}

/* Removes accents: "período" → "periodo", "égalité" → "egalite". */
static char *
fold (const char *word)
{
  g_autofree char *decomposed = g_utf8_normalize (word, -1, G_NORMALIZE_NFD);
  GString *out = g_string_sized_new (strlen (word));

  for (const char *p = decomposed; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static guint
intern (PactaAnalyzer *self,
        const char    *folded)
{
  gpointer value = g_hash_table_lookup (self->keys, folded);
  char *copy;

  if (value != NULL)
    return GPOINTER_TO_UINT (value) - 1;
  copy = g_strdup (folded);
  g_ptr_array_add (self->strings, copy);
  g_hash_table_insert (self->keys, copy, GUINT_TO_POINTER (self->strings->len));
  return self->strings->len - 1;
}

/* The key of one lower-case word, with whether it is a stop word, from one lookup. */
static guint
lookup_word (PactaAnalyzer *self,
             const char    *lower,
             gsize          length,
             gboolean      *stopword)
{
  gpointer cached = g_hash_table_lookup (self->cache, lower);
  const sb_symbol *stem;
  g_autofree char *stemmed = NULL;
  g_autofree char *folded = NULL;
  guint key;
  gboolean stop;

  if (cached != NULL)
    {
      guint packed = GPOINTER_TO_UINT (cached) - 1;

      *stopword = packed & 1;
      return packed >> 1;
    }

  stem = sb_stemmer_stem (self->stemmer, (const sb_symbol *) lower, (int) length);
  stemmed = stem ? g_strndup ((const char *) stem, sb_stemmer_length (self->stemmer)) : g_strdup (lower);
  folded = fold (stemmed);
  key = intern (self, folded);
  stop = (length == 1 && !g_ascii_isdigit (lower[0])) || g_hash_table_contains (self->stopwords, lower);
  g_hash_table_insert (self->cache, g_strdup (lower), GUINT_TO_POINTER (((key << 1) | stop) + 1));
  *stopword = stop;
  return key;
}

static guint
key_for_lower (PactaAnalyzer *self,
               const char    *lower,
               gsize          length)
{
  gboolean stopword;

  return lookup_word (self, lower, length, &stopword);
}

guint
pacta_analyzer_key (PactaAnalyzer *self,
                    const char    *word)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (PACTA_IS_ANALYZER (self), 0);

  lower = g_utf8_strdown (word, -1);
  return key_for_lower (self, lower, strlen (lower));
}

const char *
pacta_analyzer_key_to_string (PactaAnalyzer *self,
                              guint          key)
{
  g_return_val_if_fail (PACTA_IS_ANALYZER (self), NULL);
  g_return_val_if_fail (key < self->strings->len, NULL);
  return g_ptr_array_index (self->strings, key);
}

guint
pacta_analyzer_get_n_keys (PactaAnalyzer *self)
{
  g_return_val_if_fail (PACTA_IS_ANALYZER (self), 0);
  return self->strings->len;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK;
}

static void
emit_token (PactaAnalyzer *self,
            GArray        *tokens,
            const char    *text,
            const char    *start,
            const char    *end,
            GString       *word)
{
  PactaToken token = { 0 };
  gboolean stopword;

  token.key = lookup_word (self, word->str, word->len, &stopword);
  token.start = (guint) (start - text);
  token.length = (guint) (end - start);
  token.stopword = stopword;
  g_array_append_val (tokens, token);
  g_string_truncate (word, 0);
}

/* Returns: (transfer full) (element-type PactaToken): the words of @text in order. Hyphens and
 * apostrophes split words ("pro-rata", "l'assurance"), as treaty texts spell them either way. */
GArray *
pacta_analyzer_analyze (PactaAnalyzer *self,
                        const char    *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (PactaToken));
  GString *word;
  const char *p = text;
  const char *start = NULL;

  g_return_val_if_fail (PACTA_IS_ANALYZER (self), tokens);

  if (text == NULL)
    return tokens;

  word = g_string_sized_new (32);
  while (*p)
    {
      guchar byte = (guchar) *p;

      /* Most treaty text is ASCII: handle it byte by byte, Unicode only where it occurs. */
      if (byte < 0x80)
        {
          if (g_ascii_isalnum (byte))
            {
              if (start == NULL)
                start = p;
              g_string_append_c (word, g_ascii_tolower (byte));
            }
          else if (start != NULL)
            {
              emit_token (self, tokens, text, start, p, word);
              start = NULL;
            }
          p++;
        }
      else
        {
          gunichar c = g_utf8_get_char_validated (p, -1);
          const char *next = g_utf8_find_next_char (p, NULL);

          if (c != (gunichar) -1 && c != (gunichar) -2 && is_word_char (c))
            {
              if (start == NULL)
                start = p;
              g_string_append_unichar (word, g_unichar_tolower (c));
            }
          else if (start != NULL)
            {
              emit_token (self, tokens, text, start, p, word);
              start = NULL;
            }
          p = next ? next : p + strlen (p);
        }
    }
  if (start != NULL)
    emit_token (self, tokens, text, start, p, word);

  g_string_free (word, TRUE);
  return tokens;
}

/* Guesses "en", "fr" or "es" from the commonest function words of each language. */
const char *
pacta_detect_language (const char *text)
{
  static const char * const en[] = { "the", "of", "and", "shall", "to", "which", "with", NULL };
  static const char * const fr[] = { "le", "les", "des", "et", "du", "une", "est", "aux", NULL };
  static const char * const es[] = { "el", "los", "las", "y", "del", "una", "por", "con", NULL };
  const char * const *lists[] = { en, fr, es };
  const char *names[] = { "en", "fr", "es" };
  guint counts[3] = { 0, 0, 0 };
  g_auto(GStrv) words = NULL;
  g_autofree char *lower = NULL;
  guint best = 0;

  if (text == NULL)
    return "en";
  lower = g_utf8_strdown (text, MIN ((gssize) strlen (text), 200000));
  words = g_strsplit_set (lower, " \t\n\r.,;:()[]\"'’«»", -1);
  for (guint i = 0; words[i]; i++)
    for (guint l = 0; l < 3; l++)
      if (g_strv_contains (lists[l], words[i]))
        counts[l]++;
  for (guint l = 1; l < 3; l++)
    if (counts[l] > counts[best])
      best = l;
  return names[best];
}
