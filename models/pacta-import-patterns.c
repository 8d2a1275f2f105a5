/* pacta-import-patterns.c — how treaty texts number and head their units
 *
 * Headers ("Article 5", "ARTICLE V", "Art. 5", "Article premier", "Article 1er",
 * "ARTÍCULO DÉCIMO PRIMERO", "Artículo 3.-", "PART II", "Titre I", "Capítulo 2", "ANNEX A"),
 * paragraph and point markers ("1.", "(1)", "1)", "1.2", "(a)", "a)", "(iv)", "•"), Roman
 * numerals and number words in English, French and Spanish.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-import-patterns"

#include "config.h"

#include <string.h>

#include "pacta-import-private.h"

/* Keywords ------------------------------------------------------------------------------ */

typedef struct
{
  const char          *word;      /* folded */
  PactaImportNodeKind  kind;
  gboolean             clause;
  gboolean             needs_dot; /* an abbreviation: "Art." */
} Keyword;

static const Keyword keywords[] = {
  { "article", PACTA_IMPORT_NODE_ARTICLE, FALSE, FALSE },
  { "art", PACTA_IMPORT_NODE_ARTICLE, FALSE, TRUE },
  { "articulo", PACTA_IMPORT_NODE_ARTICLE, FALSE, FALSE },
  { "artigo", PACTA_IMPORT_NODE_ARTICLE, FALSE, FALSE },
  { "articolo", PACTA_IMPORT_NODE_ARTICLE, FALSE, FALSE },
  { "clause", PACTA_IMPORT_NODE_ARTICLE, TRUE, FALSE },
  { "clausula", PACTA_IMPORT_NODE_ARTICLE, TRUE, FALSE },
  { "part", PACTA_IMPORT_NODE_PART, FALSE, FALSE },
  { "partie", PACTA_IMPORT_NODE_PART, FALSE, FALSE },
  { "parte", PACTA_IMPORT_NODE_PART, FALSE, FALSE },
  { "title", PACTA_IMPORT_NODE_DIVISION, FALSE, FALSE },
  { "titre", PACTA_IMPORT_NODE_DIVISION, FALSE, FALSE },
  { "titulo", PACTA_IMPORT_NODE_DIVISION, FALSE, FALSE },
  { "chapter", PACTA_IMPORT_NODE_CHAPTER, FALSE, FALSE },
  { "chapitre", PACTA_IMPORT_NODE_CHAPTER, FALSE, FALSE },
  { "capitulo", PACTA_IMPORT_NODE_CHAPTER, FALSE, FALSE },
  { "chap", PACTA_IMPORT_NODE_CHAPTER, FALSE, TRUE },
  { "section", PACTA_IMPORT_NODE_SECTION, FALSE, FALSE },
  { "seccion", PACTA_IMPORT_NODE_SECTION, FALSE, FALSE },
  { "sec", PACTA_IMPORT_NODE_SECTION, FALSE, TRUE },
  { "annex", PACTA_IMPORT_NODE_ANNEX, FALSE, FALSE },
  { "annexe", PACTA_IMPORT_NODE_ANNEX, FALSE, FALSE },
  { "anexo", PACTA_IMPORT_NODE_ANNEX, FALSE, FALSE },
  { "appendix", PACTA_IMPORT_NODE_ANNEX, FALSE, FALSE },
  { "appendice", PACTA_IMPORT_NODE_ANNEX, FALSE, FALSE },
  { "apendice", PACTA_IMPORT_NODE_ANNEX, FALSE, FALSE },
  { "schedule", PACTA_IMPORT_NODE_ANNEX, FALSE, FALSE },
  { "attachment", PACTA_IMPORT_NODE_ANNEX, FALSE, FALSE },
};

/* Number words -------------------------------------------------------------------------- */

typedef struct
{
  const char *word;
  int         value;
  gboolean    tens;   /* may take a unit after it: "twenty-one", "décimo primero" */
} NumberWord;

static const NumberWord number_words[] = {
  /* English */
  { "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 }, { "six", 6 },
  { "seven", 7 }, { "eight", 8 }, { "nine", 9 }, { "ten", 10 }, { "eleven", 11 },
  { "twelve", 12 }, { "thirteen", 13 }, { "fourteen", 14 }, { "fifteen", 15 },
  { "sixteen", 16 }, { "seventeen", 17 }, { "eighteen", 18 }, { "nineteen", 19 },
  { "twenty", 20, TRUE }, { "thirty", 30, TRUE }, { "forty", 40, TRUE }, { "fifty", 50, TRUE },
  { "first", 1 }, { "second", 2 }, { "third", 3 }, { "fourth", 4 }, { "fifth", 5 },
  { "sixth", 6 }, { "seventh", 7 }, { "eighth", 8 }, { "ninth", 9 }, { "tenth", 10 },
  { "eleventh", 11 }, { "twelfth", 12 }, { "thirteenth", 13 }, { "fourteenth", 14 },
  { "fifteenth", 15 }, { "sixteenth", 16 }, { "seventeenth", 17 }, { "eighteenth", 18 },
  { "nineteenth", 19 }, { "twentieth", 20 }, { "thirtieth", 30 }, { "fortieth", 40 },
  { "fiftieth", 50 },
  /* French */
  { "premier", 1 }, { "premiere", 1 }, { "unique", 1 }, { "un", 1 }, { "une", 1 },
  { "deux", 2 }, { "trois", 3 }, { "quatre", 4 }, { "cinq", 5 }, { "sept", 7 }, { "huit", 8 },
  { "neuf", 9 }, { "dix", 10, TRUE }, { "onze", 11 }, { "douze", 12 }, { "treize", 13 },
  { "quatorze", 14 }, { "quinze", 15 }, { "seize", 16 }, { "vingt", 20, TRUE },
  { "trente", 30, TRUE }, { "quarante", 40, TRUE },
  { "deuxieme", 2 }, { "seconde", 2 }, { "troisieme", 3 }, { "quatrieme", 4 },
  { "cinquieme", 5 }, { "sixieme", 6 }, { "septieme", 7 }, { "huitieme", 8 },
  { "neuvieme", 9 }, { "dixieme", 10 }, { "onzieme", 11 }, { "douzieme", 12 },
  { "treizieme", 13 }, { "quatorzieme", 14 }, { "quinzieme", 15 }, { "seizieme", 16 },
  { "vingtieme", 20 }, { "trentieme", 30 },
  /* Spanish */
  { "primero", 1 }, { "primera", 1 }, { "primer", 1 }, { "unico", 1 }, { "unica", 1 },
  { "uno", 1 }, { "segundo", 2 }, { "segunda", 2 }, { "tercero", 3 }, { "tercera", 3 },
  { "tercer", 3 }, { "cuarto", 4 }, { "cuarta", 4 }, { "quinto", 5 }, { "quinta", 5 },
  { "sexto", 6 }, { "sexta", 6 }, { "septimo", 7 }, { "septima", 7 }, { "setimo", 7 },
  { "octavo", 8 }, { "octava", 8 }, { "noveno", 9 }, { "novena", 9 }, { "nono", 9 },
  { "decimo", 10, TRUE }, { "decima", 10, TRUE }, { "undecimo", 11 }, { "undecima", 11 },
  { "duodecimo", 12 }, { "duodecima", 12 }, { "vigesimo", 20, TRUE }, { "vigesima", 20, TRUE },
  { "trigesimo", 30, TRUE }, { "trigesima", 30, TRUE }, { "cuadragesimo", 40, TRUE },
  { "cuadragesima", 40, TRUE }, { "quincuagesimo", 50, TRUE },
  { "dos", 2 }, { "tres", 3 }, { "cuatro", 4 }, { "cinco", 5 }, { "seis", 6 }, { "siete", 7 },
  { "ocho", 8 }, { "nueve", 9 }, { "diez", 10 }, { "once", 11 }, { "doce", 12 }, { "trece", 13 },
  { "catorce", 14 }, { "quince", 15 }, { "veinte", 20 }, { "treinta", 30, TRUE },
};

static const NumberWord *
lookup_number_word (const char *word,
                    gsize       length)
{
  for (guint i = 0; i < G_N_ELEMENTS (number_words); i++)
    if (strlen (number_words[i].word) == length && strncmp (number_words[i].word, word, length) == 0)
      return &number_words[i];
  return NULL;
}

/* The value of one folded token ("twenty-first", "decimoprimero", "dix-sept", "fifth"). */
static int
token_value (const char *token,
             gsize       length,
             gboolean   *takes_unit)
{
  const NumberWord *w = lookup_number_word (token, length);

  *takes_unit = FALSE;
  if (w != NULL)
    {
      *takes_unit = w->tens;
      return w->value;
    }
  /* "twenty-first", "dix-sept", "vingt-et-un" */
  for (gsize i = 1; i < length; i++)
    if (token[i] == '-')
      {
        gboolean dummy;
        const NumberWord *tens = lookup_number_word (token, i);
        const char *rest = token + i + 1;
        gsize rest_len = length - i - 1;
        int unit;

        if (tens == NULL || !tens->tens)
          return -1;
        if (rest_len > 3 && strncmp (rest, "et-", 3) == 0)
          {
            rest += 3;
            rest_len -= 3;
          }
        unit = token_value (rest, rest_len, &dummy);
        return unit > 0 && unit < 10 ? tens->value + unit : -1;
      }
  /* "decimoprimero", "vigesimosegundo" */
  for (guint i = 0; i < G_N_ELEMENTS (number_words); i++)
    {
      gsize n = strlen (number_words[i].word);

      if (number_words[i].tens && n < length && strncmp (token, number_words[i].word, n) == 0)
        {
          gboolean dummy;
          int unit = token_value (token + n, length - n, &dummy);

          if (unit > 0 && unit < 10)
            return number_words[i].value + unit;
        }
    }
  return -1;
}

/* Reads one or two number words at the start of @folded (lower case, no accents):
 * "premier", "decimo primero", "twenty-first". Returns -1 when there is none. */
int
_pacta_import_number_word_value (const char  *folded,
                                 const char **end)
{
  const char *p = folded, *start = folded;
  gboolean takes_unit;
  int value;

  while (*p && (g_ascii_isalpha (*p) || *p == '-'))
    p++;
  if (p == start)
    return -1;
  value = token_value (start, p - start, &takes_unit);
  if (value < 0)
    return -1;
  if (end)
    *end = p;
  if (takes_unit && *p == ' ')
    {
      const char *q = p + 1, *second = q;
      gboolean dummy;
      int unit;

      while (*q && g_ascii_isalpha (*q))
        q++;
      unit = q > second ? token_value (second, q - second, &dummy) : -1;
      if (unit > 0 && unit < 10)
        {
          value += unit;
          if (end)
            *end = q;
        }
    }
  return value;
}

/* Roman numerals ------------------------------------------------------------------------ */

static int
roman_digit (char c)
{
  switch (g_ascii_tolower (c))
    {
    case 'i': return 1;
    case 'v': return 5;
    case 'x': return 10;
    case 'l': return 50;
    case 'c': return 100;
    case 'd': return 500;
    case 'm': return 1000;
    default: return 0;
    }
}

/* The value of a well-formed Roman numeral, or -1 ("IIII" and "IC" are refused). */
int
_pacta_import_roman_value (const char *text,
                           gsize       length)
{
  static const char * const canonical[] = {
    "", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix",
  };
  int total = 0;
  char check[32];
  GString *rebuilt;
  int v;

  if (length == 0 || length > 12)
    return -1;
  for (gsize i = 0; i < length; i++)
    {
      int d = roman_digit (text[i]);
      int next = i + 1 < length ? roman_digit (text[i + 1]) : 0;

      if (d == 0)
        return -1;
      total += next > d ? -d : d;
    }
  if (total <= 0 || total >= 4000)
    return -1;

  /* Rebuild and compare, which rejects malformed numerals. */
  rebuilt = g_string_new (NULL);
  v = total;
  while (v >= 1000) { g_string_append_c (rebuilt, 'm'); v -= 1000; }
  if (v >= 900) { g_string_append (rebuilt, "cm"); v -= 900; }
  if (v >= 500) { g_string_append_c (rebuilt, 'd'); v -= 500; }
  if (v >= 400) { g_string_append (rebuilt, "cd"); v -= 400; }
  while (v >= 100) { g_string_append_c (rebuilt, 'c'); v -= 100; }
  if (v >= 90) { g_string_append (rebuilt, "xc"); v -= 90; }
  if (v >= 50) { g_string_append_c (rebuilt, 'l'); v -= 50; }
  if (v >= 40) { g_string_append (rebuilt, "xl"); v -= 40; }
  while (v >= 10) { g_string_append_c (rebuilt, 'x'); v -= 10; }
  g_string_append (rebuilt, canonical[v]);
  g_strlcpy (check, rebuilt->str, sizeof check);
  g_string_free (rebuilt, TRUE);

  if (strlen (check) != length || g_ascii_strncasecmp (check, text, length) != 0)
    return -1;
  return total;
}

/* Headers ------------------------------------------------------------------------------- */

void
_pacta_import_header_clear (PactaImportHeader *header)
{
  g_clear_pointer (&header->num, g_free);
  g_clear_pointer (&header->rest, g_free);
}

static gboolean
is_separator (gunichar c)
{
  return c == '.' || c == ':' || c == 0x2014 || c == 0x2013 || c == '-' || c == 0x2012 ||
         c == 0x2015 || c == ')' || c == 0x00BA || c == 0x00B0 || c == '|' || c == '/';
}

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ')
    p++;
  return p;
}

/* Strips markup that word processors and Markdown leave around headers: "**", "__". */
static const char *
skip_emphasis (const char *p)
{
  while (*p == '*' || *p == '_' || *p == ' ')
    p++;
  return p;
}

static char *
trim_rest (const char *text)
{
  g_autofree char *copy = g_strdup (text);
  char *p = g_strstrip (copy);
  gsize n = strlen (p);

  /* Emphasis markers and a closing bracket left by "(Definitions)". */
  while (n > 0 && (p[n - 1] == '*' || p[n - 1] == '_'))
    p[--n] = '\0';
  while (*p == '*' || *p == '_')
    p++;
  p = g_strstrip (p);
  if (p[0] == '(' && n > 1 && p[strlen (p) - 1] == ')' && strchr (p + 1, '(') == NULL)
    {
      p[strlen (p) - 1] = '\0';
      p++;
    }
  else if (p[0] == '[' && p[strlen (p) - 1] == ']')
    {
      p[strlen (p) - 1] = '\0';
      p++;
    }
  p = g_strstrip (p);
  return *p ? g_strdup (p) : NULL;
}

/* Parses a header line. Succeeds for any line that starts like a header; whether it is one
 * (and not a sentence that begins "Article 5 of the Convention…") is for the detector to
 * decide from @header->rest and the line's context. */
gboolean
_pacta_import_parse_header (const char        *text,
                            PactaImportHeader *header)
{
  const char *p = skip_emphasis (text);
  const char *word_start, *word_end, *num_start, *num_end;
  g_autofree char *word = NULL;
  const Keyword *keyword = NULL;
  int value = -1;
  gboolean word_number = FALSE, suffixed = FALSE;

  memset (header, 0, sizeof *header);
  header->value = -1;

  /* The keyword: a run of letters. */
  word_start = p;
  while (*p && g_unichar_isalpha (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  word_end = p;
  if (word_end == word_start || word_end - word_start > 24)
    return FALSE;
  {
    g_autofree char *raw = g_strndup (word_start, word_end - word_start);
    word = _pacta_import_fold (raw);
  }
  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    if (g_str_equal (word, keywords[i].word))
      {
        keyword = &keywords[i];
        break;
      }
  if (keyword == NULL)
    return FALSE;
  if (*p == '.')
    p++;
  else if (keyword->needs_dot)
    return FALSE;
  if (*p != ' ' && *p != '\0' && !(keyword->needs_dot && g_ascii_isdigit (*p)))
    {
      /* "Article5" happens in PDF text layers; "Articles" and "Party" do not match. */
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }
  p = skip_emphasis (p);

  /* The number. */
  num_start = p;
  if (g_ascii_isdigit (*p))
    {
      const char *digits = p;

      while (g_ascii_isdigit (*p))
        p++;
      if (p - digits > 4)
        return FALSE;
      value = atoi (digits);
      /* "1.º", "1º", "1°", "1er", "1re", "1o", "5a", "5 bis", "5-A" */
      if (p[0] == '.' && (g_str_has_prefix (p + 1, "º") || g_str_has_prefix (p + 1, "°")))
        p += 1 + strlen ("º");
      else if (g_str_has_prefix (p, "º") || g_str_has_prefix (p, "°"))
        p += strlen ("º");
      else if (g_str_has_prefix (p, "er") && !g_ascii_isalpha (p[2]))
        p += 2;
      else if (g_str_has_prefix (p, " er") && !g_ascii_isalpha (p[3]))
        p += 3;
      else if (g_str_has_prefix (p, "re") && !g_ascii_isalpha (p[2]))
        p += 2;
      else if ((p[0] == 'o' || p[0] == 'a') && !g_ascii_isalpha (p[1]) && value > 0 && p[0] == 'o')
        p += 1;
      else if (g_ascii_isalpha (p[0]) && !g_ascii_isalpha (p[1]))
        {
          p += 1;
          suffixed = TRUE;
        }
      else if (p[0] == '-' && g_ascii_isupper (p[1]) && !g_ascii_isalpha (p[2]))
        {
          p += 2;
          suffixed = TRUE;
        }
      else if (g_ascii_isalpha (p[0]))
        {
          const char *suffixes[] = { "bis", "ter", "quater", "quinquies", "sexies", NULL };
          gboolean found = FALSE;

          for (guint i = 0; suffixes[i]; i++)
            if (g_ascii_strncasecmp (p, suffixes[i], strlen (suffixes[i])) == 0 &&
                !g_ascii_isalpha (p[strlen (suffixes[i])]))
              {
                p += strlen (suffixes[i]);
                found = suffixed = TRUE;
                break;
              }
          if (!found)
            return FALSE;
        }
      if (*p == ' ')
        {
          const char *q = p + 1;
          const char *suffixes[] = { "bis", "ter", "quater", "quinquies", "sexies", NULL };

          for (guint i = 0; suffixes[i]; i++)
            if (g_ascii_strncasecmp (q, suffixes[i], strlen (suffixes[i])) == 0 &&
                !g_ascii_isalpha (q[strlen (suffixes[i])]))
              {
                p = q + strlen (suffixes[i]);
                suffixed = TRUE;
                break;
              }
        }
    }
  else if (g_unichar_isalpha (g_utf8_get_char (p)))
    {
      const char *token_end = p;
      g_autofree char *token = NULL;
      g_autofree char *folded = NULL;
      int roman;

      while (*token_end && (g_unichar_isalpha (g_utf8_get_char (token_end))))
        token_end = g_utf8_next_char (token_end);
      token = g_strndup (p, token_end - p);
      folded = _pacta_import_fold (token);
      roman = _pacta_import_roman_value (token, token_end - p);

      if (roman > 0 && (token_end - p > 1 || strchr ("IVXivx", *p) != NULL) &&
          (g_ascii_isupper (*p) || _pacta_import_is_upper (token) || token_end - p <= 4))
        {
          /* "V", "XII"; lower-case only for short numerals ("Article iv"). A lone letter
           * other than I, V or X reads as a letter ("Annex C"). */
          value = roman;
          p = token_end;
          word_number = TRUE;
        }
      else if (token_end - p == 1 && g_ascii_isalpha (*p) && keyword->kind != PACTA_IMPORT_NODE_ARTICLE)
        {
          value = g_ascii_tolower (*p) - 'a' + 1;
          p = token_end;
          word_number = TRUE;
        }
      else
        {
          /* Number words: need the folded text from here to map back. */
          g_autofree char *tail = _pacta_import_fold (p);
          const char *end = NULL;
          int words = _pacta_import_number_word_value (tail, &end);

          if (words > 0)
            {
              /* Folding keeps one character for each (accents dropped, number words have
               * no ligatures), so the original advances by as many characters. */
              value = words;
              word_number = TRUE;
              p = g_utf8_offset_to_pointer (p, g_utf8_strlen (tail, end - tail));
            }
          else if (keyword->kind != PACTA_IMPORT_NODE_ANNEX)
            return FALSE;
        }
    }
  else if (keyword->kind != PACTA_IMPORT_NODE_ANNEX)
    return FALSE;

  num_end = p;
  /* A number glued to a word ("5Export") is not a header. */
  if (num_end > num_start && g_unichar_isalpha (g_utf8_get_char (num_end)))
    return FALSE;

  header->kind = keyword->kind;
  header->clause = keyword->clause;
  header->value = value;
  header->word_number = word_number;
  header->suffixed = suffixed;
  header->upper = _pacta_import_is_upper (word) || (word_end - word_start > 1 && g_unichar_isupper (g_utf8_get_char (word_start)) &&
                                                    g_unichar_isupper (g_utf8_get_char (g_utf8_next_char (word_start))));
  {
    g_autofree char *num = g_strndup (word_start, (num_end > num_start ? num_end : word_end) - word_start);
    char *n = g_strstrip (num);
    gsize len = strlen (n);

    while (len > 0 && (n[len - 1] == '*' || n[len - 1] == '_'))
      n[--len] = '\0';
    g_strstrip (n);
    header->num = g_strdup (n);
  }

  /* Separator and rest. */
  p = skip_emphasis (p);
  while (*p)
    {
      gunichar c = g_utf8_get_char (p);

      if (is_separator (c) && !(c == '-' && g_ascii_isalpha (p[1])))
        {
          header->separated = TRUE;
          p = g_utf8_next_char (p);
          p = skip_emphasis (p);
        }
      else
        break;
    }
  header->rest = trim_rest (p);
  return TRUE;
}

/* Markers ------------------------------------------------------------------------------- */

void
_pacta_import_marker_clear (PactaImportMarker *marker)
{
  g_clear_pointer (&marker->num, g_free);
}

static gboolean
is_roman_letters (const char *p,
                  gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (strchr ("ivxlcIVXLC", p[i]) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
finish_marker (PactaImportMarker *marker,
               const char        *text,
               const char        *end)
{
  const char *rest = end;

  while (*rest == ' ')
    rest++;
  marker->num = g_strndup (text, end - text);
  g_strstrip (marker->num);
  marker->rest = rest;
  return TRUE;
}

static void
set_letter_or_roman (PactaImportMarker *marker,
                     const char        *p,
                     gsize              n)
{
  marker->upper = g_ascii_isupper (p[0]);
  if (is_roman_letters (p, n) && _pacta_import_roman_value (p, n) > 0)
    {
      marker->kind = PACTA_MARKER_ROMAN;
      marker->value = _pacta_import_roman_value (p, n);
      if (n == 1)
        marker->letter_value = g_ascii_tolower (p[0]) - 'a' + 1;
      else if (n == 2 && p[0] == p[1])
        marker->letter_value = 26 + g_ascii_tolower (p[0]) - 'a' + 1;
    }
  else
    {
      marker->kind = PACTA_MARKER_LETTER;
      if (n == 1)
        marker->value = g_ascii_tolower (p[0]) - 'a' + 1;
      else if (n == 2 && g_ascii_tolower (p[0]) == g_ascii_tolower (p[1]))
        marker->value = 26 + g_ascii_tolower (p[0]) - 'a' + 1;
      else
        marker->value = -1;
      marker->letter_value = marker->value;
    }
}

/* Parses a paragraph or point marker at the start of @text. */
gboolean
_pacta_import_parse_marker (const char        *text,
                            PactaImportMarker *marker)
{
  const char *p = text;
  gsize n;

  memset (marker, 0, sizeof *marker);
  marker->kind = PACTA_MARKER_NONE;
  marker->rest = text;

  if (p == NULL || *p == '\0')
    return FALSE;

  /* "1." "1)" "1.2" */
  if (g_ascii_isdigit (*p))
    {
      const char *digits = p;

      while (g_ascii_isdigit (*p))
        p++;
      n = p - digits;
      if (n > 3)
        return FALSE;
      if (p[0] == '.' && g_ascii_isdigit (p[1]))
        {
          const char *minor = p + 1, *q = minor;

          while (g_ascii_isdigit (*q))
            q++;
          if (q - minor > 3)
            return FALSE;
          if (*q == '.')
            q++;
          if (*q != ' ' && *q != '\0')
            return FALSE;
          marker->kind = PACTA_MARKER_SUBNUMBER;
          marker->style = PACTA_MARKER_STYLE_DOT;
          marker->major = atoi (digits);
          marker->value = atoi (minor);
          return finish_marker (marker, text, q);
        }
      if (p[0] == '.' || p[0] == ')')
        {
          marker->style = p[0] == '.' ? PACTA_MARKER_STYLE_DOT : PACTA_MARKER_STYLE_RPAREN;
          p++;
          /* "1.-" and "1.–" (Latin American style) */
          if (p[0] == '-' && p[1] == ' ')
            p++;
          if (*p != ' ' && *p != '\0' && !(marker->style == PACTA_MARKER_STYLE_DOT && g_unichar_isupper (g_utf8_get_char (p))))
            return FALSE;
          marker->kind = PACTA_MARKER_NUMBER;
          marker->value = atoi (digits);
          if (marker->value == 0 || marker->value > 300)
            return FALSE;
          return finish_marker (marker, text, p);
        }
      return FALSE;
    }

  /* "(1)" "(a)" "(iv)" "(A)" */
  if (*p == '(')
    {
      const char *inner = p + 1, *q = inner;

      while (g_ascii_isalnum (*q))
        q++;
      n = q - inner;
      if (n == 0 || *q != ')' || n > 6)
        return FALSE;
      marker->style = PACTA_MARKER_STYLE_PARENS;
      if (g_ascii_isdigit (*inner))
        {
          for (gsize i = 0; i < n; i++)
            if (!g_ascii_isdigit (inner[i]))
              return FALSE;
          marker->kind = PACTA_MARKER_NUMBER;
          marker->value = atoi (inner);
          if (marker->value == 0 || marker->value > 300)
            return FALSE;
        }
      else
        {
          for (gsize i = 0; i < n; i++)
            if (!g_ascii_isalpha (inner[i]))
              return FALSE;
          if (n > 2 && !is_roman_letters (inner, n))
            return FALSE;
          set_letter_or_roman (marker, inner, n);
          if (marker->value <= 0)
            return FALSE;
        }
      return finish_marker (marker, text, q + 1);
    }

  /* "a)" "iv)" "a." */
  if (g_ascii_isalpha (*p))
    {
      const char *q = p;

      while (g_ascii_isalpha (*q))
        q++;
      n = q - p;
      if (*q == ')' && (n == 1 || (n <= 6 && is_roman_letters (p, n))) && (q[1] == ' ' || q[1] == '\0'))
        {
          marker->style = PACTA_MARKER_STYLE_RPAREN;
          set_letter_or_roman (marker, p, n);
          if (marker->value <= 0)
            return FALSE;
          return finish_marker (marker, text, q + 1);
        }
      if (*q == '.' && q[1] == ' ' && g_ascii_islower (*p) &&
          (n == 1 || (n <= 4 && is_roman_letters (p, n))))
        {
          marker->style = PACTA_MARKER_STYLE_DOT;
          set_letter_or_roman (marker, p, n);
          if (marker->value <= 0)
            return FALSE;
          return finish_marker (marker, text, q + 1);
        }
      return FALSE;
    }

  /* "§ 1" */
  if (g_str_has_prefix (p, "§"))
    {
      const char *q = skip_spaces (p + strlen ("§"));
      const char *digits = q;

      while (g_ascii_isdigit (*q))
        q++;
      if (q == digits)
        return FALSE;
      marker->kind = PACTA_MARKER_NUMBER;
      marker->style = PACTA_MARKER_STYLE_OTHER;
      marker->value = atoi (digits);
      if (*q == '.')
        q++;
      return finish_marker (marker, text, q);
    }

  /* Bullets and dashes followed by a space. */
  {
    static const char * const bullets[] = {
      "•", "·", "▪", "◦", "‣", "∙", "●", "○", "■", "□", "➢", "►", "–", "—", "-", "*", NULL
    };

    for (guint i = 0; bullets[i]; i++)
      if (g_str_has_prefix (p, bullets[i]) && p[strlen (bullets[i])] == ' ')
        {
          marker->kind = PACTA_MARKER_BULLET;
          marker->style = PACTA_MARKER_STYLE_OTHER;
          marker->value = 0;
          return finish_marker (marker, text, p + strlen (bullets[i]));
        }
  }
  return FALSE;
}

/* Other line shapes --------------------------------------------------------------------- */

/* "12", "- 12 -", "Page 3", "Page 3 of 12", "3/12", "Página 3 de 12", "iv" */
gboolean
_pacta_import_is_page_number (const char *text)
{
  static GRegex *regex = NULL;

  if (g_once_init_enter (&regex))
    {
      GRegex *r = g_regex_new ("^[-–—\\s\\[\\(]*((page|pag|pagina|p)\\.?\\s*)?"
                               "(\\d{1,4}|[ivxlc]{1,7})"
                               "(\\s*(/|of|de|sur|-|–)\\s*\\d{1,4})?[-–—\\s\\]\\)]*$",
                               G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&regex, r);
    }
  if (text == NULL || *text == '\0' || strlen (text) > 40)
    return FALSE;
  {
    g_autofree char *folded = _pacta_import_fold (text);
    return g_regex_match (regex, folded, 0, NULL);
  }
}

static const char * const modal_words[] = {
  "shall", "will", "may", "must", "should", "is", "are", "was", "were", "has", "have",
  "doit", "doivent", "peut", "peuvent", "est", "sont", "sera", "seront", "ont",
  "debe", "deben", "puede", "pueden", "es", "son", "sera", "seran", "ha", "han", "podra",
  "podran", "debera", "deberan", NULL
};

static gboolean
has_modal (const char *folded)
{
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);

  for (guint i = 1; words[i]; i++)
    if (g_strv_contains (modal_words, words[i]))
      return TRUE;
  return FALSE;
}

/* Could @text be the heading of an article or a chapter (short, capitalised, no sentence)? */
gboolean
_pacta_import_looks_like_heading (const char           *text,
                                  PactaImportLineFlags  flags)
{
  gboolean styled = (flags & (PACTA_IMPORT_LINE_HEADING | PACTA_IMPORT_LINE_BOLD)) != 0;
  guint words = _pacta_import_count_words (text);
  gsize length = strlen (text);
  g_autofree char *folded = NULL;
  PactaImportMarker marker = { 0 };
  gboolean is_marker;
  gunichar first = 0;

  if (words == 0 || words > (styled ? 20u : 14u) || length > (styled ? 200u : 120u))
    return FALSE;
  is_marker = _pacta_import_parse_marker (text, &marker);
  _pacta_import_marker_clear (&marker);
  if (is_marker)
    return FALSE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          first = c;
          break;
        }
    }
  if (first == 0 || !(g_unichar_isupper (first) || g_unichar_isdigit (first)))
    return FALSE;
  if (g_unichar_isdigit (first))
    return FALSE;
  {
    gsize n = length;

    while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '*' || text[n - 1] == '_'))
      n--;
    if (n > 0 && (text[n - 1] == ';' || text[n - 1] == ','))
      return FALSE;
    if (n > 0 && (text[n - 1] == '.' || text[n - 1] == ':') && !(styled && words <= 8))
      return FALSE;
  }
  folded = _pacta_import_fold (text);
  if (has_modal (folded) && !(flags & PACTA_IMPORT_LINE_HEADING))
    return FALSE;
  return TRUE;
}

/* Whether what follows "Article 5" reads as the rest of a sentence ("of the Convention
 * shall apply", ", paragraph 2,") rather than a heading. */
gboolean
_pacta_import_is_sentence_rest (const char *rest)
{
  static const char * const joiners[] = {
    "of", "to", "and", "or", "in", "on", "shall", "applies", "apply", "does", "is", "are",
    "de", "du", "des", "et", "ou", "en", "s'applique", "est", "sont",
    "del", "y", "o", "se", "es", "son", NULL
  };
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;

  if (rest == NULL || *rest == '\0')
    return FALSE;
  if (*rest == ',' || *rest == ';' || *rest == ')')
    return TRUE;
  if (_pacta_import_starts_lower (rest))
    return TRUE;
  folded = _pacta_import_fold (rest);
  words = g_strsplit (folded, " ", 3);
  /* A sentence that merely starts with "Article 5" goes on in lower case ("of", "shall");
   * a capital after the number starts a heading or the article's own first sentence. */
  return words[0] && g_strv_contains (joiners, words[0]);
}

/* Labels of automatic numbering ----------------------------------------------------------- */

static void
append_roman (GString *out,
              int      value,
              gboolean upper)
{
  static const struct { int v; const char *s; } table[] = {
    { 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
    { 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
  };
  gsize start = out->len;

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    while (value >= table[i].v)
      {
        g_string_append (out, table[i].s);
        value -= table[i].v;
      }
  if (upper)
    for (gsize i = start; i < out->len; i++)
      out->str[i] = g_ascii_toupper (out->str[i]);
}

char *
_pacta_import_format_number (PactaNumberFormat format,
                             int               value)
{
  GString *out = g_string_new (NULL);

  if (value < 1)
    value = 1;
  switch (format)
    {
    case PACTA_NUMBER_DECIMAL:
      g_string_printf (out, "%d", value);
      break;
    case PACTA_NUMBER_LOWER_LETTER:
    case PACTA_NUMBER_UPPER_LETTER:
      {
        /* a … z, aa … zz */
        char c = (char) ('a' + (value - 1) % 26);
        guint repeat = (value - 1) / 26 + 1;

        if (format == PACTA_NUMBER_UPPER_LETTER)
          c = g_ascii_toupper (c);
        for (guint i = 0; i < repeat && i < 4; i++)
          g_string_append_c (out, c);
      }
      break;
    case PACTA_NUMBER_LOWER_ROMAN:
    case PACTA_NUMBER_UPPER_ROMAN:
      append_roman (out, MIN (value, 3999), format == PACTA_NUMBER_UPPER_ROMAN);
      break;
    case PACTA_NUMBER_BULLET:
      g_string_append (out, "•");
      break;
    case PACTA_NUMBER_NONE:
    default:
      break;
    }
  return g_string_free (out, FALSE);
}
