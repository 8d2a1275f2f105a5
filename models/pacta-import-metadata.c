/* pacta-import-metadata.c — title, parties, date and place of signature, kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-import-metadata"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pacta-import-private.h"

void
_pacta_import_metadata_clear (PactaImportMetadata *meta)
{
  g_clear_pointer (&meta->title, g_free);
  g_clear_pointer (&meta->parties, g_ptr_array_unref);
  g_clear_pointer (&meta->date_signed, g_free);
  g_clear_pointer (&meta->place_signed, g_free);
}

/* Dates --------------------------------------------------------------------------------- */

static int
month_value (const char *folded)
{
  static const struct { const char *name; int month; } months[] = {
    { "january", 1 }, { "janvier", 1 }, { "enero", 1 }, { "jan", 1 },
    { "february", 2 }, { "fevrier", 2 }, { "febrero", 2 }, { "feb", 2 },
    { "march", 3 }, { "mars", 3 }, { "marzo", 3 }, { "mar", 3 },
    { "april", 4 }, { "avril", 4 }, { "abril", 4 }, { "apr", 4 },
    { "may", 5 }, { "mai", 5 }, { "mayo", 5 },
    { "june", 6 }, { "juin", 6 }, { "junio", 6 }, { "jun", 6 },
    { "july", 7 }, { "juillet", 7 }, { "julio", 7 }, { "jul", 7 },
    { "august", 8 }, { "aout", 8 }, { "agosto", 8 }, { "aug", 8 },
    { "september", 9 }, { "septembre", 9 }, { "septiembre", 9 }, { "setiembre", 9 },
    { "sept", 9 }, { "sep", 9 },
    { "october", 10 }, { "octobre", 10 }, { "octubre", 10 }, { "oct", 10 },
    { "november", 11 }, { "novembre", 11 }, { "noviembre", 11 }, { "nov", 11 },
    { "december", 12 }, { "decembre", 12 }, { "diciembre", 12 }, { "dec", 12 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_str_equal (folded, months[i].name))
      return months[i].month;
  return 0;
}

#define MONTHS "(january|february|march|april|may|june|july|august|september|october|november|december|" \
               "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|" \
               "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|" \
               "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?"

static char *
iso_date (int year,
          int month,
          int day)
{
  if (year < 1800 || year > 2200 || !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* The first date in @text, as YYYY-MM-DD: "14 May 2019", "May 14, 2019", "14th day of May
 * 2019", "le 7 octobre 2016", "1er juillet 2017", "3 de marzo de 2023", "2019-05-14",
 * "14/05/2019", "fourteenth day of May, 2019". */
char *
_pacta_import_parse_date (const char *text)
{
  static GRegex *patterns[5];
  g_autofree char *folded = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&patterns[0]))
    {
      patterns[1] = g_regex_new ("\\b" MONTHS "\\s+(\\d{1,2})(st|nd|rd|th)?,?\\s+(\\d{4})\\b",
                                 G_REGEX_OPTIMIZE, 0, NULL);
      patterns[2] = g_regex_new ("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b", G_REGEX_OPTIMIZE, 0, NULL);
      patterns[3] = g_regex_new ("\\b(\\d{1,2})[./](\\d{1,2})[./](\\d{4})\\b", G_REGEX_OPTIMIZE, 0, NULL);
      patterns[4] = g_regex_new ("\\b([a-z]+(-[a-z]+)?)\\s+day\\s+of\\s+" MONTHS ",?\\s+(in\\s+the\\s+year\\s+)?(\\d{4})\\b",
                                 G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&patterns[0],
                         g_regex_new ("\\b(\\d{1,2})\\s*(st|nd|rd|th|er|o|º)?\\s+(day\\s+of\\s+|de\\s+)?" MONTHS
                                      "\\s*,?\\s+(de\\s+|del\\s+|of\\s+)?(\\d{4})\\b",
                                      G_REGEX_OPTIMIZE, 0, NULL));
    }
  if (text == NULL)
    return NULL;
  folded = _pacta_import_fold (text);

  if (g_regex_match (patterns[0], folded, 0, &match))
    {
      g_autofree char *d = g_match_info_fetch (match, 1);
      g_autofree char *m = g_match_info_fetch (match, 4);
      g_autofree char *y = g_match_info_fetch (match, 6);
      char *result = iso_date (atoi (y), month_value (m), atoi (d));

      if (result)
        return result;
    }
  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match (patterns[1], folded, 0, &match))
    {
      g_autofree char *m = g_match_info_fetch (match, 1);
      g_autofree char *d = g_match_info_fetch (match, 2);
      g_autofree char *y = g_match_info_fetch (match, 4);
      char *result = iso_date (atoi (y), month_value (m), atoi (d));

      if (result)
        return result;
    }
  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match (patterns[4], folded, 0, &match))
    {
      g_autofree char *d = g_match_info_fetch (match, 1);
      g_autofree char *m = g_match_info_fetch (match, 3);
      g_autofree char *y = g_match_info_fetch (match, 5);
      int day = _pacta_import_number_word_value (d, NULL);
      char *result = day > 0 ? iso_date (atoi (y), month_value (m), day) : NULL;

      if (result)
        return result;
    }
  g_clear_pointer (&match, g_match_info_free);
  if (g_regex_match (patterns[2], folded, 0, &match))
    {
      g_autofree char *y = g_match_info_fetch (match, 1);
      g_autofree char *m = g_match_info_fetch (match, 2);
      g_autofree char *d = g_match_info_fetch (match, 3);
      char *result = iso_date (atoi (y), atoi (m), atoi (d));

      if (result)
        return result;
    }
  g_clear_pointer (&match, g_match_info_free);
  {
    /* "Paris, 14.XII.1972": the month in Roman numerals. */
    static GRegex *roman = NULL;

    if (g_once_init_enter (&roman))
      g_once_init_leave (&roman, g_regex_new ("\\b(\\d{1,2})\\.\\s?([ivx]{1,4})\\.\\s?(\\d{4})\\b", G_REGEX_OPTIMIZE, 0, NULL));
    if (g_regex_match (roman, folded, 0, &match))
      {
        g_autofree char *d = g_match_info_fetch (match, 1);
        g_autofree char *m = g_match_info_fetch (match, 2);
        g_autofree char *y = g_match_info_fetch (match, 3);
        char *result = iso_date (atoi (y), _pacta_import_roman_value (m, strlen (m)), atoi (d));

        if (result)
          return result;
      }
    g_clear_pointer (&match, g_match_info_free);
  }
  if (g_regex_match (patterns[3], folded, 0, &match))
    {
      g_autofree char *d = g_match_info_fetch (match, 1);
      g_autofree char *m = g_match_info_fetch (match, 2);
      g_autofree char *y = g_match_info_fetch (match, 3);

      return iso_date (atoi (y), atoi (m), atoi (d));
    }
  return NULL;
}

/* Place of signature ------------------------------------------------------------------- */

static char *
parse_place (const char *text)
{
  static GRegex *regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex,
                       g_regex_new ("^(?:done|signed|made|fait|sign[ée]|hecho|firmado|suscrito|dado)\\s+"
                                    "(?:at|in|à|a|en)\\s+"
                                    "(?:the\\s+city\\s+of\\s+|la\\s+ville\\s+de\\s+|la\\s+ciudad\\s+de\\s+)?"
                                    "(\\p{Lu}[^,;:()]*?)"
                                    "(?=\\s*[,;(]|\\s+on\\s|\\s+this\\s|\\s+the\\s|\\s+le\\s|\\s+el\\s|\\s+a\\s+los\\s|"
                                    "\\s+in\\s+(?:duplicate|triplicate|two)|\\s+en\\s+(?:deux|double|trois|dos|doble)|"
                                    "\\s+\\d|\\s*$)",
                                    G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
  if (!g_regex_match (regex, text, 0, &match))
    return NULL;
  {
    g_autofree char *place = g_match_info_fetch (match, 1);

    g_strstrip (place);
    if (place[0] == '\0' || _pacta_import_count_words (place) > 6)
      return NULL;
    /* "Done at Geneva" — not "Done in duplicate". */
    {
      g_autofree char *folded = _pacta_import_fold (place);

      if (g_str_has_prefix (folded, "duplicate") || g_str_has_prefix (folded, "deux") ||
          g_str_has_prefix (folded, "dos ") || g_str_has_prefix (folded, "triplicate"))
        return NULL;
    }
    return g_steal_pointer (&place);
  }
}

/* Parties ------------------------------------------------------------------------------- */

static char *
clean_party (const char *raw)
{
  static const char * const prefixes[] = {
    "the government of the ", "the government of ", "government of the ", "government of ",
    "le gouvernement de la ", "le gouvernement du ", "le gouvernement de l'", "le gouvernement des ",
    "le gouvernement de ", "gouvernement de la ", "gouvernement du ", "gouvernement de l'",
    "gouvernement des ", "gouvernement de ",
    "el gobierno de la ", "el gobierno del ", "el gobierno de los ", "el gobierno de ",
    "gobierno de la ", "gobierno del ", "gobierno de los ", "gobierno de ",
    "the ", "la ", "le ", "l'", "les ", "el ", "los ", "las ", NULL
  };
  g_autofree char *copy = g_strdup (raw);
  char *p = g_strstrip (copy);
  char *cut;
  gboolean again = TRUE;

  /* "(hereinafter …)", ", hereinafter" */
  if ((cut = strchr (p, '(')) != NULL)
    *cut = '\0';
  {
    g_autofree char *lower = g_ascii_strdown (p, -1);
    const char *stops[] = { " hereinafter", ", hereinafter", " ci-apres", " ci-après", " en adelante", NULL };

    for (guint i = 0; stops[i]; i++)
      {
        const char *at = strstr (lower, stops[i]);
        if (at)
          p[at - lower] = '\0';
      }
  }
  g_strstrip (p);
  while (again)
    {
      g_autofree char *lower = g_utf8_strdown (p, -1);

      again = FALSE;
      for (guint i = 0; prefixes[i]; i++)
        if (g_str_has_prefix (lower, prefixes[i]) && strlen (p) > strlen (prefixes[i]))
          {
            p += strlen (prefixes[i]);
            again = TRUE;
            break;
          }
    }
  {
    gsize n = strlen (p);

    while (n > 0 && (strchr (",;:.", p[n - 1]) != NULL || p[n - 1] == ' '))
      p[--n] = '\0';
  }
  if (*p == '\0')
    return NULL;
  /* Capitals as the document has them, but no shouting. */
  if (_pacta_import_is_upper (p))
    {
      g_autofree char *lower = g_utf8_strdown (p, -1);
      GString *out = g_string_new (NULL);
      static const char * const small[] = { "of", "and", "the", "de", "du", "des", "la", "le", "et", "del", "y", "los", "las", "el", NULL };
      g_auto(GStrv) words = g_strsplit (lower, " ", -1);

      for (guint i = 0; words[i]; i++)
        {
          if (i > 0)
            g_string_append_c (out, ' ');
          if (i > 0 && g_strv_contains (small, words[i]))
            g_string_append (out, words[i]);
          else
            {
              gunichar c = g_utf8_get_char (words[i]);

              if (c)
                {
                  g_string_append_unichar (out, g_unichar_toupper (c));
                  g_string_append (out, g_utf8_next_char (words[i]));
                }
            }
        }
      return g_string_free (out, FALSE);
    }
  {
    /* "Republic of Aldoria", even when it stood lower case after "the". */
    gunichar c = g_utf8_get_char (p);
    GString *out = g_string_new (NULL);

    g_string_append_unichar (out, g_unichar_toupper (c));
    g_string_append (out, g_utf8_next_char (p));
    return g_string_free (out, FALSE);
  }
}

/* Splits "the Republic of Aldoria and the Kingdom of Belmar" into the parties. */
static GPtrArray *
split_parties (const char *segment)
{
  static const char * const joins[] = {
    " and the government of ", " and the ", " et le gouvernement ", " et le ", " et la ", " et l'",
    " et les ", " y el gobierno ", " y el ", " y la ", " y los ", " y las ", " and ", " et ", " y ", " e ", NULL
  };
  g_autofree char *lower = g_utf8_strdown (segment, -1);
  GPtrArray *parties = g_ptr_array_new_with_free_func (g_free);

  if (strlen (lower) != strlen (segment))
    {
      g_free (lower);
      lower = g_ascii_strdown (segment, -1);
    }
  for (guint i = 0; joins[i]; i++)
    {
      const char *at = strstr (lower, joins[i]);

      if (at != NULL && at > lower)
        {
          gsize offset = at - lower;
          g_autofree char *first = g_strndup (segment, offset);
          /* Keep "the"/"le"/"el" with the second party so that cleaning strips it. */
          const char *second = segment + offset + (g_str_has_prefix (joins[i], " and ") ? 5 :
                                                   g_str_has_prefix (joins[i], " et ") ? 4 :
                                                   g_str_has_prefix (joins[i], " y ") ? 3 : 3);
          g_auto(GStrv) firsts = g_strsplit (first, ", ", -1);

          for (guint k = 0; firsts[k]; k++)
            {
              char *party = clean_party (firsts[k]);
              if (party)
                g_ptr_array_add (parties, party);
            }
          {
            char *party = clean_party (second);
            if (party)
              g_ptr_array_add (parties, party);
          }
          break;
        }
    }
  if (parties->len < 2)
    g_ptr_array_set_size (parties, 0);
  return parties;
}

static GPtrArray *
parties_from_title (const char *title)
{
  static const char * const stops[] = {
    " on ", " concerning ", " relating to ", " regarding ", " in the field of ", " for the ",
    " with respect to ", " on the ", " in respect of ", " relatif ", " relative ", " concernant ",
    " sur ", " en matiere ", " en matière ", " dans le domaine ", " portant ", " sobre ",
    " relativo ", " relativa ", " en materia ", " en el ambito ", " en el ámbito ", " para ", NULL
  };
  g_autofree char *lower = NULL;
  const char *at;
  gsize start;
  g_autofree char *segment = NULL;

  if (title == NULL)
    return NULL;
  lower = g_ascii_strdown (title, -1);
  if ((at = strstr (lower, "between ")) != NULL)
    start = at - lower + strlen ("between ");
  else if ((at = strstr (lower, "entre ")) != NULL)
    start = at - lower + strlen ("entre ");
  else
    return NULL;

  segment = g_strdup (title + start);
  {
    g_autofree char *seg_lower = g_ascii_strdown (segment, -1);
    gsize cut = strlen (segment);

    for (guint i = 0; stops[i]; i++)
      {
        const char *s = strstr (seg_lower, stops[i]);

        if (s != NULL && (gsize) (s - seg_lower) > 4 && (gsize) (s - seg_lower) < cut)
          {
            /* " on " inside a party's name would be unusual; " sur " etc. end it. */
            cut = s - seg_lower;
          }
      }
    segment[cut] = '\0';
  }
  return split_parties (segment);
}

static GPtrArray *
parties_from_preamble (const char *line)
{
  g_autofree char *copy = g_strdup (line);
  char *cut;
  g_autofree char *lower = NULL;

  /* "The Government of X and the Government of Y (hereinafter …)," */
  if ((cut = strchr (copy, '(')) != NULL)
    *cut = '\0';
  lower = g_ascii_strdown (copy, -1);
  {
    const char *stops[] = { ", hereinafter", " hereinafter", ", ci-apres", ", ci-après", " ci-apres",
                            ", en adelante", " en adelante", ", desiring", ", considering", NULL };

    for (guint i = 0; stops[i]; i++)
      {
        const char *at = strstr (lower, stops[i]);
        if (at)
          copy[at - lower] = '\0';
      }
  }
  g_strstrip (copy);
  if (_pacta_import_count_words (copy) > 30)
    return NULL;
  return split_parties (copy);
}

/* Party codes --------------------------------------------------------------------------- */

typedef struct
{
  char *code;
  char *name;   /* folded */
} Country;

static GPtrArray *
load_countries (void)
{
  static GPtrArray *countries = NULL;

  if (g_once_init_enter (&countries))
    {
      GPtrArray *list = g_ptr_array_new ();
      g_autofree char *json = NULL;

      /* iso-codes, when installed: English names of ISO 3166 countries. */
      if (g_file_get_contents ("/usr/share/iso-codes/json/iso_3166-1.json", &json, NULL, NULL))
        {
          g_autoptr(GRegex) entry = g_regex_new ("\\{[^{}]*\\}", 0, 0, NULL);
          g_autoptr(GRegex) field = g_regex_new ("\"(alpha_2|name|official_name|common_name)\"\\s*:\\s*\"([^\"]*)\"", 0, 0, NULL);
          g_autoptr(GMatchInfo) match = NULL;

          g_regex_match (entry, json, 0, &match);
          while (g_match_info_matches (match))
            {
              g_autofree char *object = g_match_info_fetch (match, 0);
              g_autoptr(GMatchInfo) fields = NULL;
              g_autofree char *code = NULL;
              g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

              g_regex_match (field, object, 0, &fields);
              while (g_match_info_matches (fields))
                {
                  g_autofree char *key = g_match_info_fetch (fields, 1);
                  char *value = g_match_info_fetch (fields, 2);

                  if (g_str_equal (key, "alpha_2"))
                    {
                      g_free (code);
                      code = value;
                    }
                  else
                    g_ptr_array_add (names, value);
                  g_match_info_next (fields, NULL);
                }
              for (guint i = 0; code && i < names->len; i++)
                {
                  Country *c = g_new0 (Country, 1);
                  g_autofree char *name = g_strdup (g_ptr_array_index (names, i));
                  char *comma = strchr (name, ',');

                  /* "Korea, Republic of" → "Korea" is too loose; keep names without commas. */
                  if (comma != NULL)
                    {
                      g_free (c);
                      continue;
                    }
                  c->code = g_strdup (code);
                  c->name = _pacta_import_fold (name);
                  g_ptr_array_add (list, c);
                }
              g_match_info_next (match, NULL);
            }
        }
      g_once_init_leave (&countries, list);
    }
  return countries;
}

static gboolean
contains_words (const char *haystack,
                const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + 1, needle))
    if ((p == haystack || !g_ascii_isalpha (p[-1])) && !g_ascii_isalpha (p[n]))
      return TRUE;
  return FALSE;
}

/* An ISO 3166 code for a party's name; for names that are no known country, a user-assigned
 * code XA–XZ after the name's main word ("Republic of Aldoria" → "XA"). */
char *
_pacta_import_party_code (const char *name,
                          GPtrArray  *taken)
{
  static const char * const generic[] = {
    "republic", "kingdom", "state", "states", "government", "federal", "united", "union",
    "sultanate", "principality", "commonwealth", "democratic", "people", "peoples", "islamic",
    "socialist", "plurinational", "bolivarian", "grand", "duchy", "emirates", "of", "the",
    "republique", "royaume", "etat", "etats", "gouvernement", "federale", "unie", "unis",
    "republica", "reino", "estado", "estados", "gobierno", "federativa", "unidos", "sultanato",
    "de", "du", "des", "la", "le", "el", "los", "las", "del", "and", "et", "y", NULL
  };
  GPtrArray *countries = load_countries ();
  g_autofree char *folded = _pacta_import_fold (name);
  const Country *best = NULL;
  char *code = NULL;

  for (guint i = 0; i < countries->len; i++)
    {
      const Country *c = g_ptr_array_index (countries, i);

      if (contains_words (folded, c->name) && (best == NULL || strlen (c->name) > strlen (best->name)))
        best = c;
    }
  if (best != NULL && !g_ptr_array_find_with_equal_func (taken, best->code, g_str_equal, NULL))
    code = g_strdup (best->code);

  if (code == NULL)
    {
      g_auto(GStrv) words = g_strsplit (folded, " ", -1);
      const char *key = NULL;
      char candidate[3] = { 'X', 0, 0 };

      for (guint i = 0; words[i]; i++)
        if (words[i][0] && g_ascii_isalpha (words[i][0]) && !g_strv_contains (generic, words[i]))
          key = words[i];
      for (const char *p = key; p && *p && code == NULL; p++)
        {
          if (!g_ascii_isalpha (*p))
            continue;
          candidate[1] = g_ascii_toupper (*p);
          if (!g_ptr_array_find_with_equal_func (taken, candidate, g_str_equal, NULL))
            code = g_strdup (candidate);
        }
      for (char c = 'A'; c <= 'Z' && code == NULL; c++)
        {
          candidate[1] = c;
          if (!g_ptr_array_find_with_equal_func (taken, candidate, g_str_equal, NULL))
            code = g_strdup (candidate);
        }
      if (code == NULL)
        code = g_strdup_printf ("P%u", taken->len + 1);
    }
  g_ptr_array_add (taken, g_strdup (code));
  return code;
}

/* Title --------------------------------------------------------------------------------- */

static gboolean
is_noise_line (const char *folded,
               gboolean   *draft)
{
  static const char * const drafts[] = {
    "draft", "projet", "proyecto", "borrador", "avant-projet", "anteproyecto", NULL
  };
  static const char * const noise[] = {
    "unofficial translation", "translation", "traduction", "traduccion", "confidential",
    "confidentiel", "confidencial", "restricted", "for official use only", "non official",
    "non-official", "original", "texte original", "version", "contents", "table of contents",
    "sommaire", "table des matieres", "indice", NULL
  };

  for (guint i = 0; drafts[i]; i++)
    if (contains_words (folded, drafts[i]))
      {
        *draft = TRUE;
        /* "DRAFT" alone is noise; "Draft Agreement on…" is the title. */
        if (_pacta_import_count_words (folded) <= 3)
          return TRUE;
      }
  if (_pacta_import_has_prefix_word (folded, noise) && _pacta_import_count_words (folded) <= 4)
    return TRUE;
  /* A page number ("3", "- 2 -"); a lone letter may be a party's name ("X"). */
  if (_pacta_import_is_page_number (folded) && strpbrk (folded, "0123456789") != NULL)
    return TRUE;
  {
    g_autofree char *date = _pacta_import_parse_date (folded);

    /* A date line ("Geneva, 14 May 2019") above or below the title. */
    return date != NULL && _pacta_import_count_words (folded) <= 5;
  }
}

static char *
title_case (const char *text,
            const char *language)
{
  /* Words that stay in lower case inside a title, per language. */
  static const char * const small_en[] = {
    "a", "an", "the", "of", "on", "in", "and", "between", "for", "to", "concerning", "with",
    "by", "at", "or", "relating", "regarding", NULL
  };
  static const char * const small_fr[] = {
    "de", "du", "des", "la", "le", "les", "et", "entre", "en", "sur", "relatif", "relative",
    "aux", "au", "a", "d", "l", "pour", NULL
  };
  static const char * const small_es[] = {
    "de", "del", "la", "las", "el", "los", "y", "e", "o", "entre", "en", "sobre", "para", "a",
    "al", "relativo", "relativa", NULL
  };
  const char * const *small = g_strcmp0 (language, "fr") == 0 ? small_fr
                              : g_strcmp0 (language, "es") == 0 ? small_es : small_en;
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_auto(GStrv) words = g_strsplit (lower, " ", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    {
      g_autofree char *folded = _pacta_import_fold (words[i]);
      char *apostrophe = strchr (words[i], '\'');

      if (i > 0)
        g_string_append_c (out, ' ');
      if (i > 0 && g_strv_contains (small, folded))
        {
          g_string_append (out, words[i]);
          continue;
        }
      if (apostrophe != NULL && apostrophe - words[i] <= 2 && apostrophe[1])
        {
          /* "d'invalidité", "l'emploi": the small word stays small. */
          g_string_append_len (out, words[i], apostrophe + 1 - words[i]);
          g_string_append_unichar (out, i == 0 ? g_unichar_toupper (g_utf8_get_char (apostrophe + 1))
                                                : g_utf8_get_char (apostrophe + 1));
          g_string_append (out, g_utf8_next_char (apostrophe + 1));
          continue;
        }
      g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (words[i])));
      g_string_append (out, g_utf8_next_char (words[i]));
    }
  return g_string_free (out, FALSE);
}

static PactaAgreementKind
guess_kind (const char *title,
            const char *opening,
            guint       n_parties)
{
  static const char * const mou[] = {
    "memorandum", "memorando", "memorandum d'entente", "protocole d'entente", "mou", NULL
  };
  static const char * const ssa[] = {
    "social security", "securite sociale", "seguridad social", "totalization", "totalisation",
    "totalizacion", "pensions", "prevision social", "prevoyance sociale", NULL
  };
  static const char * const labour[] = {
    "labour", "labor", "employment", "workers", "worker", "work", "seasonal", "migration", "migrant", "manpower",
    "recruitment", "mobility", "main-d'oeuvre", "main d'oeuvre", "travailleurs", "travail",
    "emploi", "recrutement", "mobilite", "trabajo", "trabajadores", "trabajadoras", "empleo",
    "laboral", "contratacion", "movilidad", "migracion", "migratoria", NULL
  };
  g_autofree char *t = _pacta_import_fold (title ? title : "");
  g_autofree char *o = _pacta_import_fold (opening ? opening : "");

  for (guint i = 0; mou[i]; i++)
    if (contains_words (t, mou[i]))
      return PACTA_AGREEMENT_KIND_MOU;
  /* A convention with many parties, or with no "between" at all, is multilateral. */
  if ((n_parties > 2 || (n_parties == 0 && !contains_words (t, "between") && !contains_words (t, "entre"))) &&
      (contains_words (t, "convention") || contains_words (t, "multilateral") || contains_words (t, "multilateral")))
    return PACTA_AGREEMENT_KIND_MULTILATERAL;
  for (guint i = 0; ssa[i]; i++)
    if (contains_words (t, ssa[i]))
      return PACTA_AGREEMENT_KIND_SSA;
  for (guint i = 0; labour[i]; i++)
    if (contains_words (t, labour[i]))
      return PACTA_AGREEMENT_KIND_BLMA;
  /* The title did not say: the opening of the text might. */
  for (guint i = 0; ssa[i]; i++)
    if (contains_words (o, ssa[i]))
      return PACTA_AGREEMENT_KIND_SSA;
  for (guint i = 0; labour[i]; i++)
    if (contains_words (o, labour[i]))
      return PACTA_AGREEMENT_KIND_BLMA;
  return PACTA_AGREEMENT_KIND_UNKNOWN;
}

/* "EUROPEAN CONVENTION", "Draft Agreement", "Acuerdo": the line names the instrument (and is
 * no series heading such as "European Treaty Series"). */
static gboolean
names_instrument (const char         *folded,
                  const char * const *words)
{
  if (contains_words (folded, "series") || contains_words (folded, "recueil") || contains_words (folded, "serie"))
    return FALSE;
  for (guint i = 0; words[i]; i++)
    if (contains_words (folded, words[i]))
      return TRUE;
  return FALSE;
}

static guint
node_end (GPtrArray *nodes,
          guint      index,
          guint      n_lines)
{
  if (index + 1 < nodes->len)
    return pacta_import_node_get_first_line (g_ptr_array_index (nodes, index + 1));
  return n_lines;
}

void
_pacta_import_guess_metadata (GPtrArray           *lines,
                              GPtrArray           *nodes,
                              PactaImportMetadata *meta)
{
  g_autoptr(GString) opening = g_string_new (NULL);
  const char *language = NULL;

  memset (meta, 0, sizeof *meta);
  meta->parties = g_ptr_array_new_with_free_func (g_free);
  if (lines->len > 0)
    language = ((PactaImportLine *) g_ptr_array_index (lines, 0))->lang;

  for (guint k = 0; k < nodes->len; k++)
    {
      PactaImportNode *node = g_ptr_array_index (nodes, k);
      guint start = pacta_import_node_get_first_line (node);
      guint end = node_end (nodes, k, lines->len);

      switch (pacta_import_node_get_kind (node))
        {
        case PACTA_IMPORT_NODE_TITLE:
          {
            GString *title = g_string_new (NULL);
            gboolean started = FALSE;

            for (guint i = start; i < end; i++)
              {
                const char *text = ((PactaImportLine *) g_ptr_array_index (lines, i))->text;
                g_autofree char *folded = _pacta_import_fold (text);
                static const char * const openers[] = {
                  "agreement", "convention", "memorandum", "arrangement", "protocol", "treaty",
                  "accord", "memorandum", "protocole", "traite", "entente", "acuerdo", "convenio",
                  "memorando", "protocolo", "tratado", "draft", "projet", "proyecto", "administrative",
                  "bilateral", NULL
                };

                if (is_noise_line (folded, &meta->draft))
                  continue;
                if (!started && !names_instrument (folded, openers) && end - start > 1 && i + 1 < end)
                  {
                    /* A line above the title proper (a ministry, a treaty series). */
                    gboolean later = FALSE;

                    for (guint j = i + 1; j < end && !later; j++)
                      {
                        g_autofree char *f = _pacta_import_fold (((PactaImportLine *) g_ptr_array_index (lines, j))->text);
                        later = names_instrument (f, openers);
                      }
                    if (later)
                      continue;
                  }
                started = TRUE;
                if (title->len)
                  g_string_append_c (title, ' ');
                g_string_append (title, text);
              }
            if (title->len > 0)
              {
                if (_pacta_import_is_upper (title->str))
                  meta->title = title_case (title->str, language);
                else
                  meta->title = g_strdup (title->str);
              }
            g_string_free (title, TRUE);
          }
          break;

        case PACTA_IMPORT_NODE_PREAMBLE:
          for (guint i = start; i < end && opening->len < 2000; i++)
            {
              g_string_append (opening, ((PactaImportLine *) g_ptr_array_index (lines, i))->text);
              g_string_append_c (opening, '\n');
            }
          if (meta->parties->len == 0)
            for (guint i = start; i < end && i < start + 3; i++)
              {
                const char *text = ((PactaImportLine *) g_ptr_array_index (lines, i))->text;
                g_autoptr(GPtrArray) found = parties_from_preamble (text);

                if (found != NULL && found->len >= 2)
                  {
                    g_ptr_array_extend_and_steal (meta->parties, g_steal_pointer (&found));
                    break;
                  }
              }
          break;

        case PACTA_IMPORT_NODE_CONCLUSIONS:
          for (guint i = start; i < end; i++)
            {
              const char *text = ((PactaImportLine *) g_ptr_array_index (lines, i))->text;

              if (meta->place_signed == NULL)
                meta->place_signed = parse_place (text);
              if (meta->date_signed == NULL)
                {
                  g_autofree char *folded = _pacta_import_fold (text);
                  static const char * const signing[] = {
                    "done", "signed", "made", "fait", "signe", "hecho", "firmado", "suscrito", "dado", NULL
                  };

                  if (_pacta_import_has_prefix_word (folded, signing) || meta->place_signed != NULL)
                    meta->date_signed = _pacta_import_parse_date (text);
                }
            }
          break;

        case PACTA_IMPORT_NODE_PART:
        case PACTA_IMPORT_NODE_DIVISION:
        case PACTA_IMPORT_NODE_CHAPTER:
        case PACTA_IMPORT_NODE_SECTION:
        case PACTA_IMPORT_NODE_ARTICLE:
        case PACTA_IMPORT_NODE_PARAGRAPH:
        case PACTA_IMPORT_NODE_POINT:
        case PACTA_IMPORT_NODE_SUBPOINT:
        case PACTA_IMPORT_NODE_ANNEX:
        default:
          break;
        }
    }

  /* Parties from the title take precedence over the preamble. */
  {
    g_autoptr(GPtrArray) from_title = parties_from_title (meta->title);

    if (from_title != NULL && from_title->len >= 2)
      {
        g_ptr_array_set_size (meta->parties, 0);
        g_ptr_array_extend_and_steal (meta->parties, g_steal_pointer (&from_title));
      }
  }

  meta->kind = guess_kind (meta->title, opening->str, meta->parties->len);
}
