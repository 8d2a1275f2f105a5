/* pacta-import-structure.c — paragraphs of a treaty text to its structure
 *
 * 1. Every line is looked at alone: is it a header ("Article 5 — Export of benefits"), a
 *    paragraph or point marker ("1.", "(a)"), heading-like, a preamble or final-clause cue?
 * 2. The title block is the run of title-like lines at the top; the preamble runs from there
 *    to the first unit of the body.
 * 3. Article headers are chosen as a chain: numbers should follow each other (1, 2, 3… or
 *    I, II, III…), so a line that merely starts with "Article 12" in the middle of Article 4
 *    is left as text, while a header that is out of order but clearly set apart still counts.
 *    The chain is the best-scoring one (dynamic programming over the candidates).
 * 4. The body ends at the final clauses ("In witness whereof", "Done at…", "Fait à…",
 *    "Hecho en…") or at the first annex; annexes follow.
 * 5. Inside each article, paragraphs ("1.", "(1)", "1)", "1.1") and points ("(a)", "a)",
 *    "(i)", bullets) are taken when their numbers run in order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-import-structure"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pacta-import-private.h"

typedef struct
{
  gboolean           has_header;
  PactaImportHeader  header;
  int                strength;     /* 0: not a header, 1 weak … 4 unmistakable */
  gboolean           has_marker;
  PactaImportMarker  marker;
  gboolean           heading_like;
  gboolean           conclusion_cue;
  gboolean           preamble_cue;
  gboolean           toc;
} LineInfo;

typedef struct
{
  GPtrArray   *lines;
  guint        n;
  LineInfo    *info;
  GPtrArray   *warnings;
  const char  *file;
  GPtrArray   *nodes;
} Detector;

static const PactaImportLine *
line_at (Detector *d,
         guint     i)
{
  return g_ptr_array_index (d->lines, i);
}

static const char *
text_at (Detector *d,
         guint     i)
{
  return line_at (d, i)->text;
}

/* Lines that open a preamble by naming the parties; in capitals and without a comma they
 * may be the title block's "THE REPUBLIC OF X". */
static const char * const party_cues[] = {
  "the government", "the governments", "the republic", "the kingdom", "the state", "the states",
  "the parties", "the contracting", "the high contracting", "the federal", "the united",
  "le gouvernement", "les gouvernements", "la republique", "le royaume", "les parties",
  "les etats", "l'etat", "el gobierno", "los gobiernos", "la republica", "el reino", "las partes",
  "los estados", NULL
};

static const char * const preamble_cues[] = {
  "desiring", "desirous", "considering", "recognizing", "recognising", "noting", "whereas",
  "bearing in mind", "acknowledging", "affirming", "reaffirming", "convinced", "mindful",
  "wishing", "taking into account", "having regard", "resolved", "aware", "have agreed",
  "considerant", "desireux", "desirant", "reconnaissant", "animes",
  "soucieux", "conscients", "tenant compte", "rappelant", "notant", "sont convenus",
  "considerando", "deseosos", "reconociendo", "animados", "conscientes", "teniendo en cuenta",
  "recordando", "tomando nota", "han convenido", "acuerdan",
  "preamble", "preambule", "preambulo", NULL
};

static const char * const conclusion_cues[] = {
  "in witness whereof", "in faith whereof", "in witness thereof", "done at", "done in",
  "done on", "done this", "signed at", "signed in", "signed on", "signed this",
  "en foi de quoi", "fait a", "fait en", "fait le", "signe a",
  "en fe de lo cual", "en testimonio de lo cual", "hecho en", "hecho el", "firmado en",
  "suscrito en", "dado en", "firmado el",
  "for the government of", "for the republic of", "for the kingdom of", "for the state of",
  "pour le gouvernement", "pour la republique", "pour le royaume", "pour l'etat",
  "por el gobierno", "por la republica", "por el reino", "por el estado", NULL
};

static gboolean
is_title_word_line (const char *folded)
{
  static const char * const connectors[] = {
    "between", "and", "entre", "et", "y", "e", "of", "on", "concerning", "relating to",
    "sur", "relatif", "relative", "sobre", "relativo", "relativa", "in the field of", "for", NULL
  };
  return g_strv_contains (connectors, folded);
}

/* 1. Each line alone -------------------------------------------------------------------- */

/* A bare label the reader saw set apart ("a", "1", "iv"): a marker without punctuation. */
static gboolean
bare_marker (const char        *text,
             PactaImportMarker *marker)
{
  const char *space = strchr (text, ' ');
  g_autofree char *token = NULL;
  gsize n;

  if (space == NULL)
    return FALSE;
  token = g_strndup (text, space - text);
  n = strlen (token);
  if (n > 1 && token[n - 1] == '.')
    token[--n] = '\0';
  memset (marker, 0, sizeof *marker);
  marker->style = PACTA_MARKER_STYLE_OTHER;
  if (strspn (token, "0123456789") == n)
    {
      marker->kind = PACTA_MARKER_NUMBER;
      marker->value = atoi (token);
    }
  else if (n == 1 && g_ascii_isalpha (token[0]) && strchr ("ivxIVX", token[0]) == NULL)
    {
      marker->kind = PACTA_MARKER_LETTER;
      marker->value = marker->letter_value = g_ascii_tolower (token[0]) - 'a' + 1;
    }
  else if (_pacta_import_roman_value (token, n) > 0)
    {
      marker->kind = PACTA_MARKER_ROMAN;
      marker->value = _pacta_import_roman_value (token, n);
      marker->letter_value = n == 1 ? g_ascii_tolower (token[0]) - 'a' + 1 : 0;
    }
  else
    return FALSE;
  if (marker->value <= 0 || marker->value > 300)
    return FALSE;
  marker->upper = g_ascii_isupper (token[0]);
  marker->num = g_strndup (text, space - text);
  marker->rest = space + 1;
  return TRUE;
}

static int
header_strength (const PactaImportLine  *line,
                 PactaImportHeader      *h)
{
  int strength;

  if (h->rest == NULL)
    strength = 3;
  else if (_pacta_import_is_sentence_rest (h->rest))
    return 0;
  else if (h->separated)
    strength = _pacta_import_count_words (h->rest) <= 20 ? 3 : 2;
  else if (_pacta_import_looks_like_heading (h->rest, line->flags) || _pacta_import_is_upper (h->rest))
    strength = 2;
  else
    strength = 1;

  if (line->flags & (PACTA_IMPORT_LINE_HEADING | PACTA_IMPORT_LINE_BOLD | PACTA_IMPORT_LINE_CENTERED))
    strength++;
  /* A whole paragraph that happens to start with a header-like phrase. */
  if (h->rest != NULL && !h->separated && _pacta_import_count_words (h->rest) > 16)
    strength = MIN (strength, 1);
  return MIN (strength, 4);
}

static gboolean
is_toc_line (const char *text)
{
  static GRegex *regex = NULL;

  if (g_once_init_enter (&regex))
    {
      GRegex *r = g_regex_new ("(\\.\\s?){4,}\\s*\\d+\\s*$|…+\\s*\\d+\\s*$|_{4,}\\s*\\d+\\s*$",
                               G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&regex, r);
    }
  return g_regex_match (regex, text, 0, NULL);
}

static void
analyse_lines (Detector *d)
{
  for (guint i = 0; i < d->n; i++)
    {
      const PactaImportLine *line = line_at (d, i);
      LineInfo *info = &d->info[i];
      g_autofree char *folded = _pacta_import_fold (line->text);

      info->toc = is_toc_line (line->text);
      info->has_header = !info->toc && _pacta_import_parse_header (line->text, &info->header);
      if (info->has_header)
        {
          info->strength = header_strength (line, &info->header);
          if (info->strength == 0)
            {
              info->has_header = FALSE;
              _pacta_import_header_clear (&info->header);
            }
        }
      info->has_marker = !info->has_header && _pacta_import_parse_marker (line->text, &info->marker);
      if (!info->has_header && !info->has_marker && (line->flags & PACTA_IMPORT_LINE_HANGING))
        info->has_marker = bare_marker (line->text, &info->marker);
      info->heading_like = !info->has_header && _pacta_import_looks_like_heading (line->text, line->flags);
      info->conclusion_cue = _pacta_import_has_prefix_word (folded, conclusion_cues);
      info->preamble_cue = _pacta_import_has_prefix_word (folded, preamble_cues);
      if (!info->preamble_cue && _pacta_import_has_prefix_word (folded, party_cues))
        {
          /* "The Republic of X and the Kingdom of Y, hereinafter…," opens the preamble;
           * "THE REPUBLIC OF X" between "BETWEEN" and "AND" is part of the title. */
          gsize len = strlen (line->text);
          gboolean title_like = _pacta_import_is_upper (line->text) && _pacta_import_count_words (line->text) <= 12 &&
                                len > 0 && line->text[len - 1] != ',' && line->text[len - 1] != ';';

          info->preamble_cue = !title_like;
        }
    }
}

/* 2. Title block ------------------------------------------------------------------------ */

static guint
find_title_end (Detector *d)
{
  guint i;

  for (i = 0; i < d->n && i < 16; i++)
    {
      const PactaImportLine *line = line_at (d, i);
      LineInfo *info = &d->info[i];
      g_autofree char *folded = _pacta_import_fold (line->text);
      gboolean styled = (line->flags & (PACTA_IMPORT_LINE_HEADING | PACTA_IMPORT_LINE_BOLD |
                                        PACTA_IMPORT_LINE_CENTERED | PACTA_IMPORT_LINE_LARGE)) != 0;
      guint words = _pacta_import_count_words (line->text);
      gsize len = strlen (line->text);

      if (info->has_header && info->strength >= 2 && info->header.kind != PACTA_IMPORT_NODE_ANNEX)
        break;
      if (info->has_header && info->header.kind == PACTA_IMPORT_NODE_ANNEX && info->header.rest == NULL)
        break;
      if (info->preamble_cue || info->has_marker || info->toc)
        break;
      {
        static const char * const contents[] = {
          "contents", "table of contents", "sommaire", "table des matieres", "indice", NULL
        };

        /* A table of contents follows the title; it is not part of it. */
        if (_pacta_import_has_prefix_word (folded, contents) && words <= 4)
          break;
      }
      if (len > 0 && (line->text[len - 1] == ',' || line->text[len - 1] == ';'))
        break;
      if (words > 40)
        break;
      if (is_title_word_line (folded))
        continue;
      if (styled || _pacta_import_is_upper (line->text))
        continue;
      if (words <= 24 && !_pacta_import_ends_sentence (line->text))
        continue;
      break;
    }
  /* A title block that swallowed the whole document is no title block. */
  if (i >= d->n)
    return 0;
  return i;
}

/* 3. Article headers -------------------------------------------------------------------- */

typedef struct
{
  guint     line;
  int       value;
  gboolean  suffixed;
  double    score;
  double    best;
  int       back;
} Candidate;

static gboolean
container_between (Detector *d,
                   guint     from,
                   guint     to)
{
  for (guint i = from + 1; i < to; i++)
    {
      LineInfo *info = &d->info[i];

      if (info->has_header && info->strength >= 2 &&
          (info->header.kind == PACTA_IMPORT_NODE_PART || info->header.kind == PACTA_IMPORT_NODE_DIVISION ||
           info->header.kind == PACTA_IMPORT_NODE_CHAPTER))
        return TRUE;
    }
  return FALSE;
}

static double
transition (Detector        *d,
            const Candidate *a,
            const Candidate *b,
            gboolean        *allowed)
{
  *allowed = TRUE;
  if (a->value < 0 || b->value < 0)
    return 0.5;
  if (b->value == a->value + 1)
    return 2.0;
  if (b->value == a->value && b->suffixed)
    return 1.5;
  if (b->value > a->value + 1)
    return 2.0 - (b->value - a->value - 1) * 1.2;
  if (b->value == 1 && container_between (d, a->line, b->line))
    return 0.5;
  *allowed = FALSE;
  return 0;
}

/* Whether the lines after a candidate hold text before the next candidate (a table of
 * contents lists headers one after the other). */
static gboolean
has_body_after (Detector  *d,
                GArray    *candidates,
                guint      index,
                guint      limit)
{
  guint line = g_array_index (candidates, Candidate, index).line;
  guint next = index + 1 < candidates->len ? g_array_index (candidates, Candidate, index + 1).line : limit;
  guint body = 0;

  for (guint i = line + 1; i < next && i < limit; i++)
    if (!d->info[i].heading_like && !d->info[i].has_header)
      body++;
  return body > 0;
}

/* Chooses the chain of candidates whose numbers follow best; returns chosen line indices. */
static GArray *
choose_chain (Detector *d,
              GArray   *candidates,
              guint     limit)
{
  GArray *chosen = g_array_new (FALSE, FALSE, sizeof (guint));
  int best_end = -1;

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      double start = c->value == 1 ? 1.0 : c->value < 0 || c->value <= 3 ? 0.0 : -1.0;

      if (has_body_after (d, candidates, i, limit))
        c->score += 1.0;
      c->best = c->score + start;
      c->back = -1;
      for (guint j = i > 400 ? i - 400 : 0; j < i; j++)
        {
          Candidate *p = &g_array_index (candidates, Candidate, j);
          gboolean allowed;
          double t = transition (d, p, c, &allowed);

          if (allowed && p->best + t + c->score > c->best)
            {
              c->best = p->best + t + c->score;
              c->back = j;
            }
        }
      if (best_end < 0 || c->best > g_array_index (candidates, Candidate, best_end).best)
        best_end = i;
    }

  for (int i = best_end; i >= 0; i = g_array_index (candidates, Candidate, i).back)
    g_array_prepend_val (chosen, g_array_index (candidates, Candidate, i).line);
  return chosen;
}

typedef enum
{
  FAMILY_ARTICLE,
  FAMILY_CLAUSE,
  FAMILY_SECTION,
  FAMILY_NUMBERED,
} Family;

static gboolean
is_family (Detector *d,
           guint     i,
           Family    family)
{
  LineInfo *info = &d->info[i];

  switch (family)
    {
    case FAMILY_ARTICLE:
      return info->has_header && info->header.kind == PACTA_IMPORT_NODE_ARTICLE && !info->header.clause;
    case FAMILY_CLAUSE:
      return info->has_header && info->header.kind == PACTA_IMPORT_NODE_ARTICLE && info->header.clause;
    case FAMILY_SECTION:
      return info->has_header && info->header.kind == PACTA_IMPORT_NODE_SECTION;
    case FAMILY_NUMBERED:
      /* "1. OBJECTIVE", "2. Scope" set as headings, in documents with no article words. */
      if (!info->has_marker || info->marker.kind != PACTA_MARKER_NUMBER ||
          info->marker.style != PACTA_MARKER_STYLE_DOT || info->marker.rest[0] == '\0')
        return FALSE;
      return _pacta_import_looks_like_heading (info->marker.rest, line_at (d, i)->flags) &&
             (_pacta_import_is_upper (info->marker.rest) ||
              (line_at (d, i)->flags & (PACTA_IMPORT_LINE_HEADING | PACTA_IMPORT_LINE_BOLD)));
    default:
      return FALSE;
    }
}

static gboolean
is_annex_header (Detector *d,
                 guint     i)
{
  LineInfo *info = &d->info[i];

  return info->has_header && info->header.kind == PACTA_IMPORT_NODE_ANNEX && info->strength >= 2 &&
         (info->header.rest == NULL || info->header.separated || info->header.upper ||
          (line_at (d, i)->flags & (PACTA_IMPORT_LINE_HEADING | PACTA_IMPORT_LINE_BOLD | PACTA_IMPORT_LINE_CENTERED)) ||
          _pacta_import_count_words (text_at (d, i)) <= 8);
}

/* 4./5. Nodes --------------------------------------------------------------------------- */

static PactaImportNode *
add_node (Detector            *d,
          PactaImportNodeKind  kind,
          guint                line,
          guint                header_lines)
{
  PactaImportNode *node = pacta_import_node_new (kind, line);

  pacta_import_node_set_header_lines (node, header_lines);
  g_ptr_array_add (d->nodes, node);
  return node;
}

/* "Definitions. For the purposes of…": a short heading-like phrase ending with a full stop,
 * then a sentence that starts with a capital. */
static gboolean
split_heading (const char  *rest,
               char       **heading,
               const char **text)
{
  const char *stop = strstr (rest, ". ");
  g_autofree char *candidate = NULL;

  if (stop == NULL || stop == rest)
    return FALSE;
  candidate = g_strndup (rest, stop - rest);
  if (_pacta_import_count_words (candidate) > 8 || _pacta_import_count_words (stop + 2) < 4 ||
      !g_unichar_isupper (g_utf8_get_char (stop + 2)) ||
      !_pacta_import_looks_like_heading (candidate, PACTA_IMPORT_LINE_NONE))
    return FALSE;
  /* Abbreviations ("No. 5", "Art. 3") are no heading. */
  if (g_utf8_strlen (candidate, -1) <= 3)
    return FALSE;
  *heading = g_steal_pointer (&candidate);
  *text = stop + 2;
  return TRUE;
}

/* Number, heading (same line, next line or the line before) for a header at @line; returns
 * the node's first line and sets the number of header lines. */
static PactaImportNode *
add_header_node (Detector            *d,
                 PactaImportNodeKind  kind,
                 guint                line,
                 guint                limit,
                 guint                earliest,
                 gboolean             numbered_family)
{
  LineInfo *info = &d->info[line];
  const PactaImportLine *pl = line_at (d, line);
  PactaImportNode *node;
  const char *rest;
  const char *num;
  int value;

  if (numbered_family)
    {
      g_autofree char *num_copy = g_strdup (info->marker.num);

      node = add_node (d, kind, line, 1);
      pacta_import_node_set_num (node, num_copy);
      pacta_import_node_set_value (node, info->marker.value);
      pacta_import_node_set_heading (node, info->marker.rest);
      return node;
    }

  rest = info->header.rest;
  num = info->header.num;
  value = info->header.value;
  node = add_node (d, kind, line, 1);
  pacta_import_node_set_num (node, num);
  pacta_import_node_set_value (node, value);

  if (rest != NULL)
    {
      g_autofree char *heading = NULL;
      const char *text = NULL;

      if (_pacta_import_looks_like_heading (rest, pl->flags) || _pacta_import_is_upper (rest) ||
          (info->header.separated && _pacta_import_count_words (rest) <= 12 && !_pacta_import_ends_sentence (rest)))
        pacta_import_node_set_heading (node, rest);
      else if (split_heading (rest, &heading, &text))
        {
          /* "Artículo 1°.- Definiciones. Para los efectos…": heading, then the text. */
          pacta_import_node_set_heading (node, heading);
          pacta_import_node_set_text (node, text);
        }
      else
        pacta_import_node_set_text (node, rest);
      return node;
    }

  /* Heading on the next line. */
  if (line + 1 < limit && d->info[line + 1].heading_like && !d->info[line + 1].has_marker &&
      !d->info[line + 1].conclusion_cue && !d->info[line + 1].toc)
    {
      const PactaImportLine *next = line_at (d, line + 1);
      /* …unless that line is an article's only text: then it is its text, unless it is
       * set like a heading. A part or chapter heading is followed by its first article. */
      gboolean has_more = line + 2 < limit || kind != PACTA_IMPORT_NODE_ARTICLE ||
                          (next->flags & (PACTA_IMPORT_LINE_HEADING | PACTA_IMPORT_LINE_BOLD)) ||
                          _pacta_import_is_upper (next->text);

      if (has_more)
        {
          g_autofree char *heading = g_strdup (text_at (d, line + 1));
          gsize len = strlen (heading);

          /* "(Definitions)", "[Definitions]" */
          if (len > 2 && ((heading[0] == '(' && heading[len - 1] == ')') || (heading[0] == '[' && heading[len - 1] == ']')))
            {
              heading[len - 1] = '\0';
              memmove (heading, heading + 1, len - 1);
            }
          pacta_import_node_set_heading (node, heading);
          pacta_import_node_set_header_lines (node, 2);
          return node;
        }
    }

  /* Heading on the line before ("Definitions" above "Article 1"), set apart like one. */
  if (line > earliest && line >= 1)
    {
      guint before = line - 1;
      const PactaImportLine *bl = line_at (d, before);
      gboolean set_apart = (bl->flags & (PACTA_IMPORT_LINE_HEADING | PACTA_IMPORT_LINE_BOLD | PACTA_IMPORT_LINE_CENTERED)) ||
                           _pacta_import_is_upper (bl->text);
      gboolean after_sentence = before == earliest || _pacta_import_ends_sentence (text_at (d, before - 1));

      if (d->info[before].heading_like && set_apart && after_sentence && !d->info[before].preamble_cue &&
          (line + 1 >= limit || !d->info[line + 1].heading_like))
        {
          pacta_import_node_set_first_line (node, before);
          pacta_import_node_set_heading (node, bl->text);
          pacta_import_node_set_header_lines (node, 2);
        }
    }
  return node;
}

static void
detect_paragraphs (Detector *d,
                   guint     start,
                   guint     end,
                   int       article_value)
{
  PactaMarkerStyle para_style = PACTA_MARKER_STYLE_OTHER;
  gboolean para_started = FALSE, sub_started = FALSE;
  int para_expected = 1, sub_expected = 1;
  int letter_expected = 1, roman_expected = 1;
  gboolean letters_active = FALSE, romans_active = FALSE;

  for (guint i = start; i < end; i++)
    {
      LineInfo *info = &d->info[i];
      PactaImportMarker *m = &info->marker;
      PactaImportNodeKind kind = PACTA_IMPORT_NODE_PARAGRAPH;
      int value = m->value;
      PactaImportNode *node;

      if (!info->has_marker)
        continue;

      switch (m->kind)
        {
        case PACTA_MARKER_NUMBER:
          if (!para_started && value == 1)
            {
              para_started = TRUE;
              para_style = m->style;
            }
          else if (!(para_started && m->style == para_style &&
                     (value == para_expected || value == para_expected + 1)))
            continue;
          if (value == para_expected + 1)
            _pacta_import_warn (d->warnings, d->file, line_at (d, i)->origin,
                                _("paragraph %d follows paragraph %d"), value, para_expected - 1);
          para_expected = value + 1;
          letter_expected = roman_expected = 1;
          letters_active = romans_active = FALSE;
          break;

        case PACTA_MARKER_SUBNUMBER:
          if (para_started)
            continue;
          if (!((article_value < 0 || m->major == article_value) &&
                (value == sub_expected || (!sub_started && value == 1))))
            continue;
          sub_started = TRUE;
          sub_expected = value + 1;
          letter_expected = roman_expected = 1;
          letters_active = romans_active = FALSE;
          break;

        case PACTA_MARKER_ROMAN:
          if (m->letter_value > 0 && m->letter_value == letter_expected && letters_active && !romans_active)
            goto letter;
          if (!(value == roman_expected || value == 1))
            {
              if (m->letter_value > 0 && m->letter_value == letter_expected)
                goto letter;
              continue;
            }
          kind = letters_active ? PACTA_IMPORT_NODE_SUBPOINT : PACTA_IMPORT_NODE_POINT;
          romans_active = TRUE;
          roman_expected = value + 1;
          break;

        case PACTA_MARKER_LETTER:
        letter:
          value = m->letter_value > 0 ? m->letter_value : m->value;
          if (!(value == letter_expected || value == 1))
            continue;
          kind = PACTA_IMPORT_NODE_POINT;
          if (romans_active && !letters_active)
            {
              /* (i), (ii) came first: letters below them are sub-points. */
              kind = PACTA_IMPORT_NODE_SUBPOINT;
            }
          else
            {
              romans_active = FALSE;
              roman_expected = 1;
            }
          letters_active = TRUE;
          letter_expected = value + 1;
          break;

        case PACTA_MARKER_BULLET:
          kind = letters_active || romans_active ? PACTA_IMPORT_NODE_SUBPOINT : PACTA_IMPORT_NODE_POINT;
          if (!letters_active && !romans_active)
            {
              /* A bullet list is a list of points of its own. */
            }
          break;

        case PACTA_MARKER_NONE:
        default:
          continue;
        }

      node = add_node (d, kind, i, 1);
      pacta_import_node_set_num (node, m->num);
      pacta_import_node_set_value (node, value);
      pacta_import_node_set_text (node, m->rest);
    }
}

/* After an annex, only the formal opening of the final clauses starts them again. */
static gboolean
opens_clauses (const char *text)
{
  static const char * const openers[] = {
    "in witness whereof", "in faith whereof", "en foi de quoi", "en fe de lo cual",
    "en testimonio de lo cual", NULL
  };
  g_autofree char *folded = _pacta_import_fold (text);

  return _pacta_import_has_prefix_word (folded, openers);
}

static gboolean
only_headings_between (Detector *d,
                       guint     from,
                       guint     to)
{
  for (guint i = from + 1; i < to; i++)
    if (!d->info[i].heading_like && !d->info[i].has_header)
      return FALSE;
  return TRUE;
}

GPtrArray *
_pacta_import_detect (GPtrArray  *lines,
                      GPtrArray  *warnings,
                      const char *file)
{
  Detector det = { lines, lines->len, NULL, warnings, file, g_ptr_array_new_with_free_func (g_object_unref) };
  Detector *d = &det;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GArray) chosen = NULL;
  g_autoptr(GArray) boundaries = g_array_new (FALSE, FALSE, sizeof (guint)); /* body units, in order */
  Family family = FAMILY_ARTICLE;
  guint title_end, first_article = G_MAXUINT, body_end, body_start;
  gboolean found = FALSE;
  guint conclusions_at = G_MAXUINT;

  d->info = g_new0 (LineInfo, MAX (d->n, 1));
  analyse_lines (d);
  title_end = find_title_end (d);

  /* Which words number the units: the family with the most clear headers (Article before
   * Clause before Section on a tie), bare numbered headings only when there is no other. A
   * lone "Article 14" in a memorandum of sections does not turn it into articles. */
  {
    guint counts[FAMILY_NUMBERED + 1] = { 0 };
    guint best = 0;

    for (guint i = title_end; i < d->n; i++)
      for (Family f = FAMILY_ARTICLE; f <= FAMILY_NUMBERED; f++)
        if (is_family (d, i, f) && (f == FAMILY_NUMBERED || d->info[i].strength >= 2))
          counts[f]++;
    for (Family f = FAMILY_ARTICLE; f < FAMILY_NUMBERED; f++)
      if (counts[f] > best)
        {
          best = counts[f];
          family = f;
        }
    if (best == 0 && counts[FAMILY_NUMBERED] > 0)
      family = FAMILY_NUMBERED;
    found = best > 0 || counts[FAMILY_NUMBERED] > 0;
  }

  body_end = d->n;
  if (found)
    {
      /* The first convincing unit, then the end of the body after it. */
      for (guint i = title_end; i < d->n; i++)
        if (is_family (d, i, family) && (family == FAMILY_NUMBERED || d->info[i].strength >= 2))
          {
            first_article = i;
            break;
          }
      for (guint i = first_article + 1; i < d->n; i++)
        if (d->info[i].conclusion_cue || is_annex_header (d, i))
          {
            body_end = i;
            break;
          }

      for (guint i = first_article; i < body_end; i++)
        if (is_family (d, i, family))
          {
            Candidate c = { 0 };
            LineInfo *info = &d->info[i];

            c.line = i;
            if (family == FAMILY_NUMBERED)
              {
                c.value = info->marker.value;
                c.score = 2;
              }
            else
              {
                c.value = info->header.value;
                c.suffixed = info->header.suffixed;
                c.score = info->strength >= 3 ? 3 : info->strength == 2 ? 1.5 : -0.5;
              }
            /* A header follows the end of a sentence (or a heading), and what follows it
             * does not continue a sentence: "…laid down in / Article 3 / of the Code". */
            if (i > 0 && !d->info[i - 1].heading_like && !d->info[i - 1].has_header &&
                !_pacta_import_ends_sentence (text_at (d, i - 1)))
              c.score -= 1.5;
            if (i + 1 < d->n && _pacta_import_starts_lower (text_at (d, i + 1)) &&
                (family == FAMILY_NUMBERED || info->header.rest == NULL))
              c.score -= 1.5;
            g_array_append_val (candidates, c);
          }
      chosen = choose_chain (d, candidates, body_end);

      /* Say which clear headers were left out of the numbering. */
      for (guint k = 0; k < candidates->len; k++)
        {
          Candidate *c = &g_array_index (candidates, Candidate, k);
          gboolean in = FALSE;

          for (guint j = 0; j < chosen->len && !in; j++)
            in = g_array_index (chosen, guint, j) == c->line;
          if (!in && c->score >= 3)
            _pacta_import_warn (d->warnings, d->file, line_at (d, c->line)->origin,
                                _("“%s” looks like a header but is out of sequence; kept as text"),
                                text_at (d, c->line));
        }
    }
  else
    chosen = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Containers: parts, titles, chapters, sections between the articles, and those that
   * directly precede the first article. */
  {
    guint first = chosen->len > 0 ? g_array_index (chosen, guint, 0) : body_end;
    guint ci = 0;

    for (guint i = title_end; i < body_end; i++)
      {
        LineInfo *info = &d->info[i];
        gboolean is_unit = ci < chosen->len && g_array_index (chosen, guint, ci) == i;

        if (is_unit)
          {
            g_array_append_val (boundaries, i);
            ci++;
            continue;
          }
        if (!info->has_header || info->strength < 2 || info->header.kind == PACTA_IMPORT_NODE_ARTICLE ||
            info->header.kind == PACTA_IMPORT_NODE_ANNEX || info->header.value < 0)
          continue;
        if (family == FAMILY_SECTION && info->header.kind == PACTA_IMPORT_NODE_SECTION)
          continue;
        if (i < first && !only_headings_between (d, i, first))
          continue;
        if (chosen->len == 0)
          continue;
        g_array_append_val (boundaries, i);
      }
  }

  body_start = boundaries->len > 0 ? g_array_index (boundaries, guint, 0) : body_end;

  /* No article at all: the text after the title is one unit. */
  if (boundaries->len == 0)
    {
      _pacta_import_warn (d->warnings, d->file, 0, "%s",
                          _("no articles found: the text was kept as a single unit"));
      body_start = title_end;
    }

  /* Heading lines above the first unit belong to it (checked in add_header_node); keep the
   * preamble from taking them. */
  {
    PactaImportNode *node;
    guint preamble_end = body_start;

    if (boundaries->len > 0)
      {
        guint first = g_array_index (boundaries, guint, 0);
        LineInfo *info = &d->info[first];

        if (first > title_end && info->has_header && info->header.rest == NULL &&
            !(first + 1 < d->n && d->info[first + 1].heading_like) &&
            d->info[first - 1].heading_like &&
            ((line_at (d, first - 1)->flags & (PACTA_IMPORT_LINE_HEADING | PACTA_IMPORT_LINE_BOLD | PACTA_IMPORT_LINE_CENTERED)) ||
             _pacta_import_is_upper (text_at (d, first - 1))) &&
            !d->info[first - 1].preamble_cue &&
            (first - 1 == title_end || _pacta_import_ends_sentence (text_at (d, first - 2))))
          preamble_end = first - 1;
      }

    if (title_end > 0)
      add_node (d, PACTA_IMPORT_NODE_TITLE, 0, 0);
    if (preamble_end > title_end)
      add_node (d, PACTA_IMPORT_NODE_PREAMBLE, title_end, 0);

    if (boundaries->len == 0 && body_end > title_end)
      {
        add_node (d, PACTA_IMPORT_NODE_ARTICLE, title_end, 0);
        /* The preamble, if any, was the whole text: drop it in favour of the unit. */
        if (preamble_end > title_end)
          g_ptr_array_remove_index (d->nodes, d->nodes->len - 2);
      }

    for (guint k = 0; k < boundaries->len; k++)
      {
        guint line = g_array_index (boundaries, guint, k);
        guint next = k + 1 < boundaries->len ? g_array_index (boundaries, guint, k + 1) : body_end;
        LineInfo *info = &d->info[line];
        gboolean unit = family == FAMILY_NUMBERED ? info->has_marker && is_family (d, line, family)
                                                  : is_family (d, line, family);
        PactaImportNodeKind kind = unit ? PACTA_IMPORT_NODE_ARTICLE : info->header.kind;
        guint earliest = k > 0 ? g_array_index (boundaries, guint, k - 1) + 1 : MAX (title_end, preamble_end);
        guint header_end;

        node = add_header_node (d, kind, line, next, k == 0 ? preamble_end : earliest, family == FAMILY_NUMBERED && unit);
        header_end = pacta_import_node_get_first_line (node) + pacta_import_node_get_header_lines (node);
        if (pacta_import_node_get_first_line (node) < line)
          header_end = line + 1;
        if (kind == PACTA_IMPORT_NODE_ARTICLE)
          detect_paragraphs (d, header_end, next, pacta_import_node_get_value (node));
      }
  }

  /* Sequence warnings. */
  {
    int last = -1;

    for (guint k = 0; k < d->nodes->len; k++)
      {
        PactaImportNode *node = g_ptr_array_index (d->nodes, k);
        int value = pacta_import_node_get_value (node);

        if (pacta_import_node_get_kind (node) != PACTA_IMPORT_NODE_ARTICLE || value < 0)
          continue;
        if (last >= 0 && value > last + 1)
          _pacta_import_warn (d->warnings, d->file, line_at (d, pacta_import_node_get_first_line (node))->origin,
                              _("article numbers jump from %d to %d"), last, value);
        else if (last >= 0 && value <= last && !d->info[pacta_import_node_get_first_line (node)].header.suffixed)
          _pacta_import_warn (d->warnings, d->file, line_at (d, pacta_import_node_get_first_line (node))->origin,
                              _("article %d follows article %d"), value, last);
        last = value;
      }
  }

  /* Final clauses and annexes. */
  for (guint i = body_end; i < d->n; i++)
    {
      LineInfo *info = &d->info[i];

      if (is_annex_header (d, i))
        {
          PactaImportNode *node = add_node (d, PACTA_IMPORT_NODE_ANNEX, i, 1);
          const char *rest = info->header.rest;

          pacta_import_node_set_num (node, info->header.num);
          pacta_import_node_set_value (node, info->header.value);
          if (rest != NULL)
            pacta_import_node_set_heading (node, rest);
          else if (i + 2 < d->n && d->info[i + 1].heading_like && !is_annex_header (d, i + 1))
            {
              pacta_import_node_set_heading (node, text_at (d, i + 1));
              pacta_import_node_set_header_lines (node, 2);
            }
          conclusions_at = G_MAXUINT - 1; /* after an annex, a new cue opens the clauses again */
          continue;
        }
      if (info->conclusion_cue && conclusions_at == G_MAXUINT)
        {
          add_node (d, PACTA_IMPORT_NODE_CONCLUSIONS, i, 0);
          conclusions_at = i;
        }
      else if (info->conclusion_cue && conclusions_at == G_MAXUINT - 1 && opens_clauses (text_at (d, i)))
        {
          add_node (d, PACTA_IMPORT_NODE_CONCLUSIONS, i, 0);
          conclusions_at = i;
        }
    }

  /* Nodes in line order (a heading found above its header moved a first line back). */
  for (guint k = 1; k < d->nodes->len; k++)
    {
      PactaImportNode *a = g_ptr_array_index (d->nodes, k - 1);
      PactaImportNode *b = g_ptr_array_index (d->nodes, k);

      if (pacta_import_node_get_first_line (b) <= pacta_import_node_get_first_line (a))
        {
          /* Two nodes at one line: keep the first. */
          g_ptr_array_remove_index (d->nodes, k);
          k--;
        }
    }

  for (guint i = 0; i < d->n; i++)
    {
      if (d->info[i].has_header)
        _pacta_import_header_clear (&d->info[i].header);
      if (d->info[i].has_marker)
        _pacta_import_marker_clear (&d->info[i].marker);
    }
  g_free (d->info);
  return d->nodes;
}

/* A boundary the user places at @line: read what the line says it is. */
PactaImportNode *
_pacta_import_node_for_line (GPtrArray           *lines,
                             guint                line,
                             PactaImportNodeKind  fallback)
{
  const PactaImportLine *pl = g_ptr_array_index (lines, line);
  PactaImportHeader header = { 0 };
  PactaImportMarker marker = { 0 };
  PactaImportNode *node;
  g_autofree char *folded = _pacta_import_fold (pl->text);

  if (_pacta_import_parse_header (pl->text, &header))
    {
      node = pacta_import_node_new (header.kind, line);
      pacta_import_node_set_num (node, header.num);
      pacta_import_node_set_value (node, header.value);
      if (header.rest && (_pacta_import_looks_like_heading (header.rest, pl->flags) || header.separated))
        pacta_import_node_set_heading (node, header.rest);
      else
        pacta_import_node_set_text (node, header.rest);
      _pacta_import_header_clear (&header);
      return node;
    }
  if (_pacta_import_parse_marker (pl->text, &marker))
    {
      PactaImportNodeKind kind;

      switch (marker.kind)
        {
        case PACTA_MARKER_NUMBER:
        case PACTA_MARKER_SUBNUMBER:
          kind = PACTA_IMPORT_NODE_PARAGRAPH;
          break;
        case PACTA_MARKER_ROMAN:
          kind = fallback == PACTA_IMPORT_NODE_POINT || fallback == PACTA_IMPORT_NODE_SUBPOINT
                   ? PACTA_IMPORT_NODE_SUBPOINT : PACTA_IMPORT_NODE_POINT;
          break;
        case PACTA_MARKER_LETTER:
        case PACTA_MARKER_BULLET:
        case PACTA_MARKER_NONE:
        default:
          kind = PACTA_IMPORT_NODE_POINT;
          break;
        }
      node = pacta_import_node_new (kind, line);
      pacta_import_node_set_num (node, marker.num);
      pacta_import_node_set_value (node, marker.value);
      pacta_import_node_set_text (node, marker.rest);
      _pacta_import_marker_clear (&marker);
      return node;
    }
  if (_pacta_import_has_prefix_word (folded, conclusion_cues))
    {
      node = pacta_import_node_new (PACTA_IMPORT_NODE_CONCLUSIONS, line);
      pacta_import_node_set_header_lines (node, 0);
      return node;
    }

  /* Plain text: a unit of the kind around it, without number, its words its body. */
  node = pacta_import_node_new (fallback, line);
  pacta_import_node_set_header_lines (node, 0);
  if (_pacta_import_looks_like_heading (pl->text, pl->flags))
    {
      pacta_import_node_set_heading (node, pl->text);
      pacta_import_node_set_header_lines (node, 1);
    }
  return node;
}
