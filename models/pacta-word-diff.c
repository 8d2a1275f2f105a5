/* pacta-word-diff.c — a token-level diff of two texts (Myers), with filters
 *
 * The texts are cut into words, punctuation marks and runs of white space. The filters
 * drop tokens from the comparison (never from the text): white space, punctuation,
 * numbering (paragraph and point labels at the start of a line, and the numbers of
 * cross-references such as "Article 4(2)"), and case folds the words' keys.
 *
 * The compared tokens are interned, so equal keys are equal pointers, and diffed with
 * Myers' O(ND) algorithm in linear space (the middle-snake bisection, as in GNU diff).
 * A semantic clean-up then folds tiny equalities stranded between large edits (a lone
 * "the" in a rewritten sentence) into the edits, which reads better in a redline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-word-diff"

#include "config.h"

#include <limits.h>
#include <string.h>

#include "pacta-word-diff-private.h"

struct _PactaWordDiff
{
  GObject         parent_instance;

  PactaDiffFlags  flags;
  char           *text[2];
  GArray         *tokens[2];     /* PactaToken */
  GArray         *compared[2];   /* guint: index into tokens */
  GPtrArray      *keys[2];       /* interned keys of the compared tokens (borrowed from chunk) */
  guint8         *changed[2];    /* per compared token */
  guint8         *token_changed[2]; /* per token, for display (ignored tokens never change) */
  GArray         *ops;           /* PactaDiffOp */
  GStringChunk   *chunk;
  guint           inserted;
  guint           deleted;
};

G_DEFINE_FINAL_TYPE (PactaWordDiff, pacta_word_diff, G_TYPE_OBJECT)

/* Tokenizer */

static gboolean
is_word_char_slow (gunichar c)
{
  if (g_unichar_isalnum (c))
    return TRUE;
  switch (g_unichar_type (c))
    {
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_NON_SPACING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

static inline gboolean
is_word_char (gunichar c)
{
  if (G_LIKELY (c < 0x80))
    return g_ascii_isalnum (c);
  return is_word_char_slow (c);
}

/* Characters that join two word characters into one word: "worker's", "twenty-one",
 * and between digits "5,000", "1.2", "2025/26". */
static gboolean
is_joiner (gunichar    prev,
           gunichar    c,
           gunichar    next)
{
  if (!is_word_char (prev) || !is_word_char (next))
    return FALSE;
  switch (c)
    {
    case '\'':
    case 0x2019: /* ’ */
    case '-':
    case 0x2010: /* ‐ */
    case 0x2011: /* ‑ */
      return TRUE;
    case '.':
    case ',':
    case '/':
      return g_unichar_isdigit (prev) && g_unichar_isdigit (next);
    default:
      return FALSE;
    }
}

static gboolean
token_is (const char       *text,
          const PactaToken *t,
          const char       *literal)
{
  gsize len = strlen (literal);

  return t->end - t->start == len && strncmp (text + t->start, literal, len) == 0;
}

static gboolean
token_is_punct_char (const char       *text,
                     const PactaToken *t,
                     char              c)
{
  return t->kind == PACTA_TOKEN_PUNCTUATION && t->end - t->start == 1 && text[t->start] == c;
}

static gboolean
is_roman (const char *s,
          gsize       len)
{
  if (len == 0 || len > 6)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!strchr ("ivxlcdmIVXLCDM", s[i]))
      return FALSE;
  return TRUE;
}

/* "5", "12", "1.2", "iv", "IX"; with letters, "a", "bb" (letters only when allowed). */
static gboolean
is_label_value (const char       *text,
                const PactaToken *t,
                gboolean          letters)
{
  const char *s = text + t->start;
  gsize len = t->end - t->start;
  gboolean digits = TRUE;

  if (t->kind != PACTA_TOKEN_WORD)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]) && s[i] != '.')
      digits = FALSE;
  if (digits && g_ascii_isdigit (s[0]))
    return TRUE;
  if (is_roman (s, len))
    return TRUE;
  if (letters && len <= 2)
    {
      for (gsize i = 0; i < len; i++)
        if (!g_ascii_isalpha (s[i]))
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

static GHashTable *
reference_words (void)
{
  static GHashTable *set;

  if (g_once_init_enter (&set))
    {
      static const char * const words[] = {
        "article", "articles", "art", "arts", "paragraph", "paragraphs", "para", "subparagraph",
        "subparagraphs", "point", "points", "section", "sections", "chapter", "chapters", "part",
        "annex", "clause", "clauses", "rule", "regulation",
        "artículo", "artículos", "apartado", "apartados", "párrafo", "párrafos", "inciso", "capítulo",
        "paragraphe", "paragraphes", "alinéa", "alinéas", "chapitre", "annexe", "sección",
        NULL
      };
      GHashTable *s = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; words[i]; i++)
        g_hash_table_add (s, (gpointer) words[i]);
      g_once_init_leave (&set, s);
    }
  return set;
}

static inline char
ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* "Article", "paragraph", "apartado"…: a word after which numbers are references. */
static gboolean
is_reference_word (const char       *text,
                   const PactaToken *t)
{
  /* the first two letters of the words in reference_words(), to turn most words away at
   * once ("pá" of "párrafo" starts with a two-byte letter: let "p" + any non-ASCII by) */
  static const char * const starts[] = {
    "ar", "pa", "po", "su", "se", "ch", "an", "cl", "ca", "ru", "re", "ap", "in", "al", NULL
  };
  char buffer[24];
  gsize len = t->end - t->start;
  char first, second;
  gboolean known = FALSE;

  if (t->kind != PACTA_TOKEN_WORD || len < 3 || len > 16)
    return FALSE;
  first = ascii_lower (text[t->start]);
  second = ascii_lower (text[t->start + 1]);
  if (first == 'p' && (guchar) second >= 0x80)
    known = TRUE;
  for (guint i = 0; starts[i] && !known; i++)
    known = starts[i][0] == first && starts[i][1] == second;
  if (!known)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    buffer[i] = ascii_lower (text[t->start + i]);
  buffer[len] = '\0';
  return g_hash_table_contains (reference_words (), buffer);
}

/* Index of the next token that is not white space (within the line when same_line). */
static guint
next_solid (const char *text,
            GArray     *tokens,
            guint       i,
            gboolean    same_line)
{
  for (; i < tokens->len; i++)
    {
      PactaToken *t = &g_array_index (tokens, PactaToken, i);

      if (t->kind != PACTA_TOKEN_SPACE)
        return i;
      if (same_line && memchr (text + t->start, '\n', t->end - t->start))
        return tokens->len;
    }
  return tokens->len;
}

static void
mark (GArray *tokens,
      guint   from,
      guint   to)
{
  for (guint i = from; i < to && i < tokens->len; i++)
    g_array_index (tokens, PactaToken, i).numbering = TRUE;
}

/* A label at the start of a line: "1.", "2)", "(a)", "(iv)", "b)", "1.2", "Article 5",
 * "§ 3". Returns the index after the label, or `first` when there is none. */
static guint
match_line_label (const char *text,
                  GArray     *tokens,
                  guint       first)
{
  guint n = tokens->len;
  PactaToken *t0, *t1, *t2;
  guint i1, i2;

  if (first >= n)
    return first;
  t0 = &g_array_index (tokens, PactaToken, first);
  i1 = first + 1;
  t1 = i1 < n ? &g_array_index (tokens, PactaToken, i1) : NULL;

  /* (a) (1) (iv) */
  if (token_is_punct_char (text, t0, '('))
    {
      i2 = first + 2;
      t2 = i2 < n ? &g_array_index (tokens, PactaToken, i2) : NULL;
      if (t1 && t2 && is_label_value (text, t1, TRUE) && token_is_punct_char (text, t2, ')'))
        return first + 3;
      return first;
    }
  /* Article 5, § 3 */
  if (is_reference_word (text, t0) || token_is (text, t0, "§"))
    {
      guint j = next_solid (text, tokens, i1, TRUE);

      if (j < n && is_label_value (text, &g_array_index (tokens, PactaToken, j), FALSE))
        {
          guint k = j + 1;

          if (k < n && (token_is_punct_char (text, &g_array_index (tokens, PactaToken, k), '.') ||
                        token_is_punct_char (text, &g_array_index (tokens, PactaToken, k), ')')))
            k++;
          return k;
        }
      return first;
    }
  /* 1. 2) a) iv. 1.2 */
  if (is_label_value (text, t0, TRUE))
    {
      gboolean digits = g_ascii_isdigit (text[t0->start]);

      if (t1 && (token_is_punct_char (text, t1, '.') || token_is_punct_char (text, t1, ')')))
        {
          /* "a." only as a line of its own, "A. Smith" is a name */
          if (!digits && token_is_punct_char (text, t1, '.') &&
              next_solid (text, tokens, first + 2, TRUE) < n)
            return first;
          return first + 2;
        }
      /* "1.2" alone before the text */
      if (digits && memchr (text + t0->start, '.', t0->end - t0->start))
        return first + 1;
      /* a bare number as the whole line */
      if (next_solid (text, tokens, i1, TRUE) >= n)
        return first + 1;
    }
  return first;
}

static void
mark_numbering (const char *text,
                GArray     *tokens)
{
  gboolean line_start = TRUE;
  guint n = tokens->len;

  for (guint i = 0; i < n; i++)
    {
      PactaToken *t = &g_array_index (tokens, PactaToken, i);

      if (t->kind == PACTA_TOKEN_SPACE)
        {
          if (t->end - t->start == 1 ? text[t->start] == '\n' : memchr (text + t->start, '\n', t->end - t->start) != NULL)
            line_start = TRUE;
          continue;
        }
      if (line_start)
        {
          guint end = match_line_label (text, tokens, i);

          line_start = FALSE;
          if (end > i)
            {
              mark (tokens, i, end);
              i = end - 1;
              continue;
            }
        }
      /* Cross-references: "Article 4", "Articles 9 and 10", "paragraph 1(b)", "point (a)". */
      if (is_reference_word (text, t))
        {
          guint j = i + 1;
          gboolean any = FALSE;

          while (j < n)
            {
              PactaToken *u = &g_array_index (tokens, PactaToken, j);

              if (u->kind == PACTA_TOKEN_SPACE)
                {
                  if (memchr (text + u->start, '\n', u->end - u->start))
                    break;
                  j++;
                  continue;
                }
              if (is_label_value (text, u, FALSE))
                {
                  u->numbering = TRUE;
                  any = TRUE;
                  j++;
                  continue;
                }
              if (any && token_is_punct_char (text, u, '(') && j + 2 < n &&
                  is_label_value (text, &g_array_index (tokens, PactaToken, j + 1), TRUE) &&
                  token_is_punct_char (text, &g_array_index (tokens, PactaToken, j + 2), ')'))
                {
                  mark (tokens, j, j + 3);
                  j += 3;
                  continue;
                }
              if (!any && token_is_punct_char (text, u, '(') && j + 2 < n &&
                  is_label_value (text, &g_array_index (tokens, PactaToken, j + 1), TRUE) &&
                  token_is_punct_char (text, &g_array_index (tokens, PactaToken, j + 2), ')'))
                {
                  mark (tokens, j, j + 3);
                  any = TRUE;
                  j += 3;
                  continue;
                }
              if (any && (token_is_punct_char (text, u, ',') || token_is (text, u, "and") ||
                          token_is (text, u, "or") || token_is (text, u, "to") ||
                          token_is (text, u, "et") || token_is (text, u, "ou") ||
                          token_is (text, u, "y") || token_is (text, u, "o") ||
                          token_is_punct_char (text, u, '-')))
                {
                  /* only a separator if another number follows */
                  guint k = next_solid (text, tokens, j + 1, TRUE);

                  if (k < n && (is_label_value (text, &g_array_index (tokens, PactaToken, k), FALSE) ||
                                token_is_punct_char (text, &g_array_index (tokens, PactaToken, k), '(')))
                    {
                      j = k;
                      continue;
                    }
                }
              break;
            }
          if (any)
            i = j - 1;
        }
    }
}

/**
 * pacta_tokenize:
 * @text: UTF-8 text
 *
 * Cuts @text into words, punctuation marks (one character each) and runs of white
 * space, and marks the numbering tokens.
 *
 * Returns: (transfer full): an array of #PactaToken covering the whole text
 */
GArray *
pacta_tokenize (const char *text)
{
  GArray *tokens;
  PactaToken *out;
  const char *p = text;
  gsize len, n = 0;

  if (text == NULL)
    return g_array_new (FALSE, FALSE, sizeof (PactaToken));
  /* room for the worst case (one token a byte), trimmed at the end */
  len = strlen (text);
  tokens = g_array_sized_new (FALSE, FALSE, sizeof (PactaToken), len + 1);
  g_array_set_size (tokens, len + 1);
  out = (PactaToken *) (gpointer) tokens->data;

  while (*p)
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);
      const char *start = p;
      PactaTokenKind kind;

      if (c < 0x80 ? g_ascii_isspace (c) : g_unichar_isspace (c))
        {
          while (*p && ((guchar) *p < 0x80 ? g_ascii_isspace (*p) : g_unichar_isspace (g_utf8_get_char (p))))
            p = g_utf8_next_char (p);
          kind = PACTA_TOKEN_SPACE;
        }
      else if (is_word_char (c))
        {
          gunichar prev = c;

          p = g_utf8_next_char (p);
          while (*p)
            {
              gunichar d;

              /* the common case: a run of ASCII letters and digits */
              while (g_ascii_isalnum (*p))
                prev = *p++;
              if (*p == '\0')
                break;
              d = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);
              if (is_word_char (d))
                {
                  prev = d;
                  p = g_utf8_next_char (p);
                  continue;
                }
              if (d == '\'' || d == '-' || d == '.' || d == ',' || d == '/' ||
                  d == 0x2019 || d == 0x2010 || d == 0x2011)
                {
                  const char *q = g_utf8_next_char (p);

                  if (*q && is_joiner (prev, d, g_utf8_get_char (q)))
                    {
                      prev = d;
                      p = q;
                      continue;
                    }
                }
              break;
            }
          kind = PACTA_TOKEN_WORD;
        }
      else
        {
          p = g_utf8_next_char (p);
          kind = PACTA_TOKEN_PUNCTUATION;
        }
      out[n].start = start - text;
      out[n].end = p - text;
      out[n].kind = kind;
      out[n].numbering = FALSE;
      n++;
    }
  g_array_set_size (tokens, n);

  mark_numbering (text, tokens);
  return tokens;
}

gboolean
pacta_token_is_ignored (const PactaToken *token,
                        PactaDiffFlags    flags)
{
  if (token->kind == PACTA_TOKEN_SPACE && (flags & PACTA_DIFF_IGNORE_WHITESPACE))
    return TRUE;
  if (token->kind == PACTA_TOKEN_PUNCTUATION && (flags & PACTA_DIFF_IGNORE_PUNCTUATION))
    return TRUE;
  if (token->numbering && (flags & PACTA_DIFF_IGNORE_NUMBERING))
    return TRUE;
  return FALSE;
}

/* Myers' diff, linear space (after GNU diffseq.h, without its heuristics) */

typedef struct
{
  const char **a;
  const char **b;
  guint8      *a_changed;
  guint8      *b_changed;
  int         *fdiag;
  int         *bdiag;
} DiffContext;

static void
find_middle_snake (DiffContext *ctx,
                   int          xoff,
                   int          xlim,
                   int          yoff,
                   int          ylim,
                   int         *xmid,
                   int         *ymid)
{
  const char **a = ctx->a;
  const char **b = ctx->b;
  int *fd = ctx->fdiag;
  int *bd = ctx->bdiag;
  int dmin = xoff - ylim;
  int dmax = xlim - yoff;
  int fmid = xoff - yoff;
  int bmid = xlim - ylim;
  int fmin = fmid, fmax = fmid;
  int bmin = bmid, bmax = bmid;
  gboolean odd = (fmid - bmid) & 1;

  fd[fmid] = xoff;
  bd[bmid] = xlim;

  for (;;)
    {
      if (fmin > dmin)
        fd[--fmin - 1] = -1;
      else
        ++fmin;
      if (fmax < dmax)
        fd[++fmax + 1] = -1;
      else
        --fmax;
      for (int d = fmax; d >= fmin; d -= 2)
        {
          int tlo = fd[d - 1], thi = fd[d + 1];
          int x = tlo >= thi ? tlo + 1 : thi;
          int y = x - d;

          while (x < xlim && y < ylim && a[x] == b[y])
            x++, y++;
          fd[d] = x;
          if (odd && bmin <= d && d <= bmax && bd[d] <= x)
            {
              *xmid = x;
              *ymid = y;
              return;
            }
        }

      if (bmin > dmin)
        bd[--bmin - 1] = INT_MAX;
      else
        ++bmin;
      if (bmax < dmax)
        bd[++bmax + 1] = INT_MAX;
      else
        --bmax;
      for (int d = bmax; d >= bmin; d -= 2)
        {
          int tlo = bd[d - 1], thi = bd[d + 1];
          int x = tlo < thi ? tlo : thi - 1;
          int y = x - d;

          while (xoff < x && yoff < y && a[x - 1] == b[y - 1])
            x--, y--;
          bd[d] = x;
          if (!odd && fmin <= d && d <= fmax && x <= fd[d])
            {
              *xmid = x;
              *ymid = y;
              return;
            }
        }
    }
}

static void
compare_sequences (DiffContext *ctx,
                   int          xoff,
                   int          xlim,
                   int          yoff,
                   int          ylim)
{
  const char **a = ctx->a;
  const char **b = ctx->b;

  while (xoff < xlim && yoff < ylim && a[xoff] == b[yoff])
    xoff++, yoff++;
  while (xlim > xoff && ylim > yoff && a[xlim - 1] == b[ylim - 1])
    xlim--, ylim--;

  if (xoff == xlim)
    {
      for (int y = yoff; y < ylim; y++)
        ctx->b_changed[y] = TRUE;
    }
  else if (yoff == ylim)
    {
      for (int x = xoff; x < xlim; x++)
        ctx->a_changed[x] = TRUE;
    }
  else
    {
      int xmid, ymid;

      find_middle_snake (ctx, xoff, xlim, yoff, ylim, &xmid, &ymid);
      compare_sequences (ctx, xoff, xmid, yoff, ymid);
      compare_sequences (ctx, xmid, xlim, ymid, ylim);
    }
}

/* Rebuilds the edit script from the changed flags: unchanged tokens of A and B match
 * one to one, in order. */
static void
build_ops (PactaWordDiff *self)
{
  guint na = self->compared[0]->len;
  guint nb = self->compared[1]->len;
  guint i = 0, j = 0;

  g_array_set_size (self->ops, 0);
  while (i < na || j < nb)
    {
      PactaDiffOp op = { 0, };

      if (i < na && self->changed[0][i])
        {
          op.kind = PACTA_DIFF_DELETE;
          op.a_start = i;
          op.b_start = j;
          while (i < na && self->changed[0][i])
            i++;
          op.a_len = i - op.a_start;
        }
      else if (j < nb && self->changed[1][j])
        {
          op.kind = PACTA_DIFF_INSERT;
          op.a_start = i;
          op.b_start = j;
          while (j < nb && self->changed[1][j])
            j++;
          op.b_len = j - op.b_start;
        }
      else
        {
          g_assert (i < na && j < nb);
          op.kind = PACTA_DIFF_EQUAL;
          op.a_start = i;
          op.b_start = j;
          while (i < na && j < nb && !self->changed[0][i] && !self->changed[1][j])
            {
              g_assert (self->keys[0]->pdata[i] == self->keys[1]->pdata[j]);
              i++, j++;
            }
          op.a_len = op.b_len = i - op.a_start;
        }
      g_array_append_val (self->ops, op);
    }
}

/* Folds short equalities stranded between larger edits into the edits (in the manner
 * of diff-match-patch's semantic clean-up, counted in tokens): an equality of L tokens,
 * L ≤ MAX_STRANDED ("of the"), goes when the edits on both sides of it have at least
 * 2·L tokens on one side each. Returns whether anything changed. */
#define MAX_STRANDED 4

static gboolean
cleanup_semantic (PactaWordDiff *self)
{
  const PactaDiffOp *ops = (const PactaDiffOp *) (gpointer) self->ops->data;
  guint n = self->ops->len;
  gboolean changed = FALSE;

  for (guint k = 0; k < n; k++)
    {
      guint before_a = 0, before_b = 0, after_a = 0, after_b = 0;
      guint len;

      if (ops[k].kind != PACTA_DIFF_EQUAL || k == 0 || k + 1 >= n)
        continue;
      len = ops[k].a_len;
      if (len > MAX_STRANDED)
        continue;
      for (int m = (int) k - 1; m >= 0 && ops[m].kind != PACTA_DIFF_EQUAL; m--)
        {
          before_a += ops[m].a_len;
          before_b += ops[m].b_len;
        }
      for (guint m = k + 1; m < n && ops[m].kind != PACTA_DIFF_EQUAL; m++)
        {
          after_a += ops[m].a_len;
          after_b += ops[m].b_len;
        }
      if (before_a + before_b == 0 || after_a + after_b == 0)
        continue;
      /* Between two insertions (or two deletions) the equality is better left alone:
       * folding it would delete and re-insert the same word. */
      if (before_a + after_a == 0 || before_b + after_b == 0)
        continue;
      if (2 * len <= MAX (before_a, before_b) && 2 * len <= MAX (after_a, after_b))
        {
          for (guint x = 0; x < len; x++)
            {
              self->changed[0][ops[k].a_start + x] = TRUE;
              self->changed[1][ops[k].b_start + x] = TRUE;
            }
          changed = TRUE;
        }
    }
  return changed;
}

/* How good a place the gap before compared token k is for an edit to start or end:
 * the ends of the text and line breaks best, then after a full stop, a semicolon or a
 * colon, then after a comma. */
static int
gap_score (PactaWordDiff *self,
           int            s,
           guint          k)
{
  GArray *compared = self->compared[s];
  GArray *tokens = self->tokens[s];
  const char *text = self->text[s];
  const PactaToken *prev, *cur;

  if (k == 0 || k >= compared->len)
    return 6;
  prev = &g_array_index (tokens, PactaToken, g_array_index (compared, guint, k - 1));
  cur = &g_array_index (tokens, PactaToken, g_array_index (compared, guint, k));
  if ((cur->start > prev->end && memchr (text + prev->end, '\n', cur->start - prev->end)) ||
      (prev->kind == PACTA_TOKEN_SPACE && memchr (text + prev->start, '\n', prev->end - prev->start)) ||
      (cur->kind == PACTA_TOKEN_SPACE && memchr (text + cur->start, '\n', cur->end - cur->start)))
    return 5;
  if (prev->kind == PACTA_TOKEN_PUNCTUATION && prev->end - prev->start == 1 &&
      strchr (".;:", text[prev->start]))
    return 3;
  if (prev->kind == PACTA_TOKEN_PUNCTUATION && prev->end - prev->start == 1 && text[prev->start] == ',')
    return 1;
  return 0;
}

/* Slides each pure insertion or deletion along the equal tokens around it (an edit
 * "x y" after "y" is the same edit as "y x" before it) to where its ends fall on the
 * best boundaries, so "4{+. The new sentence+}." reads "4. {+The new sentence.+}". */
static void
shift_to_boundaries (PactaWordDiff *self)
{
  g_autoptr(GArray) ops = g_array_copy (self->ops);

  for (guint k = 0; k < ops->len; k++)
    {
      const PactaDiffOp *op = &g_array_index (ops, PactaDiffOp, k);
      gboolean pure;
      int side;
      guint8 *changed;
      GPtrArray *keys;
      guint n, s0, e0, s, e, best_s, best_e;
      int best;

      if (op->kind == PACTA_DIFF_EQUAL)
        continue;
      pure = (k == 0 || g_array_index (ops, PactaDiffOp, k - 1).kind == PACTA_DIFF_EQUAL) &&
             (k + 1 >= ops->len || g_array_index (ops, PactaDiffOp, k + 1).kind == PACTA_DIFF_EQUAL);
      if (!pure)
        continue;
      side = op->kind == PACTA_DIFF_INSERT;
      changed = self->changed[side];
      keys = self->keys[side];
      n = self->compared[side]->len;
      s0 = side ? op->b_start : op->a_start;
      e0 = s0 + (side ? op->b_len : op->a_len);

      /* leftmost position */
      s = s0, e = e0;
      while (s > 0 && !changed[s - 1] && keys->pdata[s - 1] == keys->pdata[e - 1])
        s--, e--;
      best = G_MININT;
      best_s = s0, best_e = e0;
      for (;;)
        {
          int score = gap_score (self, side, s) + gap_score (self, side, e);

          if (score > best || (score == best && s == s0))
            {
              best = score;
              best_s = s;
              best_e = e;
            }
          if (e < n && !changed[e] && keys->pdata[s] == keys->pdata[e])
            s++, e++;
          else
            break;
        }
      if (best_s == s0)
        continue;
      for (guint i = s0; i < e0; i++)
        changed[i] = FALSE;
      for (guint i = best_s; i < best_e; i++)
        changed[i] = TRUE;
    }
}

static const char *
intern_key (PactaWordDiff    *self,
            const char       *text,
            const PactaToken *t,
            GString          *scratch)
{
  if (t->kind == PACTA_TOKEN_WORD && (self->flags & PACTA_DIFF_IGNORE_CASE))
    {
      g_autofree char *folded = g_utf8_casefold (text + t->start, t->end - t->start);
      return g_string_chunk_insert_const (self->chunk, folded);
    }
  g_string_truncate (scratch, 0);
  g_string_append_len (scratch, text + t->start, t->end - t->start);
  return g_string_chunk_insert_const (self->chunk, scratch->str);
}

static void
compute_keys (PactaWordDiff *self,
              int            side,
              GString       *scratch)
{
  GArray *compared = self->compared[side];

  self->keys[side] = g_ptr_array_sized_new (compared->len);
  for (guint i = 0; i < compared->len; i++)
    {
      const PactaToken *t = &g_array_index (self->tokens[side], PactaToken, g_array_index (compared, guint, i));

      g_ptr_array_add (self->keys[side], (gpointer) intern_key (self, self->text[side], t, scratch));
    }
}

static void
prepare_side (PactaWordDiff *self,
              int            side,
              GArray        *tokens)
{
  GArray *compared = g_array_sized_new (FALSE, FALSE, sizeof (guint), tokens->len + 1);
  guint n = 0;

  self->tokens[side] = tokens;
  g_array_set_size (compared, tokens->len);
  for (guint i = 0; i < tokens->len; i++)
    if (!pacta_token_is_ignored (&g_array_index (tokens, PactaToken, i), self->flags))
      g_array_index (compared, guint, n++) = i;
  g_array_set_size (compared, n);
  self->compared[side] = compared;
  self->changed[side] = g_new0 (guint8, self->compared[side]->len + 1);
  self->token_changed[side] = g_new0 (guint8, tokens->len + 1);
}

static void
run_diff (PactaWordDiff *self,
          GArray        *tokens_a,
          GArray        *tokens_b)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  DiffContext ctx;
  g_autofree int *buffer = NULL;
  int na, nb;

  /* The same text (most rows of two rounds): one tokenization, one equality, and the
   * keys only if someone asks for them. */
  if (strcmp (self->text[0], self->text[1]) == 0)
    {
      GArray *tokens = tokens_a ? g_array_ref (tokens_a) :
                       tokens_b ? g_array_ref (tokens_b) : pacta_tokenize (self->text[0]);

      prepare_side (self, 0, tokens);
      prepare_side (self, 1, g_array_ref (tokens));
      if (self->compared[0]->len > 0)
        {
          PactaDiffOp op = { PACTA_DIFF_EQUAL, 0, self->compared[0]->len, 0, self->compared[0]->len };

          g_array_append_val (self->ops, op);
        }
      return;
    }

  prepare_side (self, 0, tokens_a ? g_array_ref (tokens_a) : pacta_tokenize (self->text[0]));
  prepare_side (self, 1, tokens_b ? g_array_ref (tokens_b) : pacta_tokenize (self->text[1]));
  compute_keys (self, 0, scratch);
  compute_keys (self, 1, scratch);
  na = self->compared[0]->len;
  nb = self->compared[1]->len;

  buffer = g_new (int, 2 * (gsize) (na + nb + 3));
  ctx.a = (const char **) self->keys[0]->pdata;
  ctx.b = (const char **) self->keys[1]->pdata;
  ctx.a_changed = self->changed[0];
  ctx.b_changed = self->changed[1];
  ctx.fdiag = buffer + nb + 1;
  ctx.bdiag = ctx.fdiag + na + nb + 3;
  compare_sequences (&ctx, 0, na, 0, nb);

  build_ops (self);
  while (cleanup_semantic (self))
    build_ops (self);
  shift_to_boundaries (self);
  build_ops (self);

  for (int side = 0; side < 2; side++)
    {
      guint n = self->compared[side]->len;

      for (guint i = 0; i < n; i++)
        {
          guint ti = g_array_index (self->compared[side], guint, i);

          if (!self->changed[side][i])
            continue;
          self->token_changed[side][ti] = TRUE;
          if (g_array_index (self->tokens[side], PactaToken, ti).kind == PACTA_TOKEN_WORD)
            {
              if (side == 0)
                self->deleted++;
              else
                self->inserted++;
            }
        }
    }
}

static void
pacta_word_diff_finalize (GObject *object)
{
  PactaWordDiff *self = (PactaWordDiff *) object;

  for (int side = 0; side < 2; side++)
    {
      g_free (self->text[side]);
      g_clear_pointer (&self->tokens[side], g_array_unref);
      g_clear_pointer (&self->compared[side], g_array_unref);
      g_clear_pointer (&self->keys[side], g_ptr_array_unref);
      g_free (self->changed[side]);
      g_free (self->token_changed[side]);
    }
  g_clear_pointer (&self->ops, g_array_unref);
  g_clear_pointer (&self->chunk, g_string_chunk_free);

  G_OBJECT_CLASS (pacta_word_diff_parent_class)->finalize (object);
}

static void
pacta_word_diff_class_init (PactaWordDiffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pacta_word_diff_finalize;
}

static void
pacta_word_diff_init (PactaWordDiff *self)
{
  self->ops = g_array_new (FALSE, FALSE, sizeof (PactaDiffOp));
  self->chunk = g_string_chunk_new (4096);
}

/**
 * pacta_word_diff_new:
 * @text_a: (nullable): the old text
 * @text_b: (nullable): the new text
 * @flags: what to ignore
 *
 * Returns: (transfer full): the diff of the two texts
 */
PactaWordDiff *
pacta_word_diff_new (const char     *text_a,
                     const char     *text_b,
                     PactaDiffFlags  flags)
{
  return _pacta_word_diff_new_tokenized (text_a, NULL, text_b, NULL, flags);
}

PactaWordDiff *
_pacta_word_diff_new_tokenized (const char     *text_a,
                                GArray         *tokens_a,
                                const char     *text_b,
                                GArray         *tokens_b,
                                PactaDiffFlags  flags)
{
  PactaWordDiff *self = g_object_new (PACTA_TYPE_WORD_DIFF, NULL);

  self->flags = flags;
  self->text[0] = g_strdup (text_a ? text_a : "");
  self->text[1] = g_strdup (text_b ? text_b : "");
  run_diff (self, tokens_a, tokens_b);
  return self;
}

PactaDiffFlags
pacta_word_diff_get_flags (PactaWordDiff *self)
{
  g_return_val_if_fail (PACTA_IS_WORD_DIFF (self), 0);
  return self->flags;
}

const char *
pacta_word_diff_get_text (PactaWordDiff *self,
                          PactaSide      side)
{
  g_return_val_if_fail (PACTA_IS_WORD_DIFF (self), NULL);
  return self->text[side == PACTA_SIDE_B];
}

const PactaToken *
pacta_word_diff_get_tokens (PactaWordDiff *self,
                            PactaSide      side,
                            guint         *n_tokens)
{
  GArray *tokens;

  g_return_val_if_fail (PACTA_IS_WORD_DIFF (self), NULL);
  tokens = self->tokens[side == PACTA_SIDE_B];
  if (n_tokens)
    *n_tokens = tokens->len;
  return (const PactaToken *) (gpointer) tokens->data;
}

const guint *
pacta_word_diff_get_compared (PactaWordDiff *self,
                              PactaSide      side,
                              guint         *n_compared)
{
  GArray *compared;

  g_return_val_if_fail (PACTA_IS_WORD_DIFF (self), NULL);
  compared = self->compared[side == PACTA_SIDE_B];
  if (n_compared)
    *n_compared = compared->len;
  return (const guint *) (gpointer) compared->data;
}

/* The key a compared token was diffed by (case-folded when case is ignored); equal keys
 * are the same pointer. */
const char *
pacta_word_diff_get_key (PactaWordDiff *self,
                         PactaSide      side,
                         guint          compared_index)
{
  GPtrArray *keys;
  int s = side == PACTA_SIDE_B;

  g_return_val_if_fail (PACTA_IS_WORD_DIFF (self), NULL);
  if (self->keys[s] == NULL)
    {
      g_autoptr(GString) scratch = g_string_new (NULL);

      compute_keys (self, s, scratch);
    }
  keys = self->keys[s];
  g_return_val_if_fail (compared_index < keys->len, NULL);
  return keys->pdata[compared_index];
}

const PactaDiffOp *
pacta_word_diff_get_ops (PactaWordDiff *self,
                         guint         *n_ops)
{
  g_return_val_if_fail (PACTA_IS_WORD_DIFF (self), NULL);
  if (n_ops)
    *n_ops = self->ops->len;
  return (const PactaDiffOp *) (gpointer) self->ops->data;
}

/* Whether the token (an index into the side's tokens) was deleted (A) or inserted (B). */
gboolean
pacta_word_diff_token_changed (PactaWordDiff *self,
                               PactaSide      side,
                               guint          token_index)
{
  int s = side == PACTA_SIDE_B;

  g_return_val_if_fail (PACTA_IS_WORD_DIFF (self), FALSE);
  g_return_val_if_fail (token_index < self->tokens[s]->len, FALSE);
  return self->token_changed[s][token_index];
}

/* Words inserted in B (punctuation and white space are not counted). */
guint
pacta_word_diff_get_inserted (PactaWordDiff *self)
{
  g_return_val_if_fail (PACTA_IS_WORD_DIFF (self), 0);
  return self->inserted;
}

guint
pacta_word_diff_get_deleted (PactaWordDiff *self)
{
  g_return_val_if_fail (PACTA_IS_WORD_DIFF (self), 0);
  return self->deleted;
}

/* Whether any compared token differs (a changed comma counts, though not as a word). */
gboolean
pacta_word_diff_has_changes (PactaWordDiff *self)
{
  g_return_val_if_fail (PACTA_IS_WORD_DIFF (self), FALSE);
  for (guint i = 0; i < self->ops->len; i++)
    if (g_array_index (self->ops, PactaDiffOp, i).kind != PACTA_DIFF_EQUAL)
      return TRUE;
  return FALSE;
}

/* Segment output: adjacent pieces of the same kind are joined before being handed out. */

typedef struct
{
  GString          *buffer;
  PactaSegmentKind  kind;
  PactaSegmentFunc  func;
  gpointer          user_data;
} Emitter;

static void
emitter_flush (Emitter *e)
{
  if (e->buffer->len > 0)
    e->func (e->buffer->str, e->buffer->len, e->kind, e->user_data);
  g_string_truncate (e->buffer, 0);
}

static void
emit (Emitter          *e,
      const char       *text,
      gsize             len,
      PactaSegmentKind  kind)
{
  if (len == 0)
    return;
  if (kind != e->kind)
    {
      emitter_flush (e);
      e->kind = kind;
    }
  g_string_append_len (e->buffer, text, len);
}

/* How a token of one side shows: changed, or (white space only) changed when both
 * neighbours are, so a struck-out or underlined run has no gaps. */
static gboolean
token_shows_changed (PactaWordDiff *self,
                     int            s,
                     guint          i)
{
  GArray *tokens = self->tokens[s];
  const PactaToken *t = &g_array_index (tokens, PactaToken, i);

  if (self->token_changed[s][i])
    return TRUE;
  if (t->kind == PACTA_TOKEN_SPACE && i > 0 && i + 1 < tokens->len &&
      !memchr (self->text[s] + t->start, '\n', t->end - t->start))
    return self->token_changed[s][i - 1] && self->token_changed[s][i + 1];
  return FALSE;
}

/**
 * pacta_word_diff_foreach_segment:
 * @self: a diff
 * @side: which text
 * @start: first byte of the stretch of that text
 * @end: byte after the stretch (G_MAXUINT for the end of the text)
 * @func: called for each segment, in order
 *
 * Hands out the stretch of one side's text as segments: equal, or deleted (side A) or
 * inserted (side B). Concatenated, the segments are the stretch of text.
 */
void
pacta_word_diff_foreach_segment (PactaWordDiff    *self,
                                 PactaSide         side,
                                 guint             start,
                                 guint             end,
                                 PactaSegmentFunc  func,
                                 gpointer          user_data)
{
  int s = side == PACTA_SIDE_B;
  GArray *tokens;
  const char *text;
  g_autoptr(GString) buffer = g_string_new (NULL);
  Emitter e = { buffer, PACTA_SEGMENT_EQUAL, func, user_data };
  PactaSegmentKind changed_kind = s ? PACTA_SEGMENT_INSERTED : PACTA_SEGMENT_DELETED;

  g_return_if_fail (PACTA_IS_WORD_DIFF (self));
  g_return_if_fail (func != NULL);

  tokens = self->tokens[s];
  text = self->text[s];
  for (guint i = 0; i < tokens->len; i++)
    {
      const PactaToken *t = &g_array_index (tokens, PactaToken, i);
      guint from = MAX (t->start, start);
      guint to = MIN (t->end, end);

      if (to <= from)
        continue;
      emit (&e, text + from, to - from,
            token_shows_changed (self, s, i) ? changed_kind : PACTA_SEGMENT_EQUAL);
    }
  emitter_flush (&e);
}

typedef enum
{
  ANCHOR_ALONE,        /* B is empty */
  ANCHOR_BEFORE_NEXT,  /* just before the next B word, on the same line */
  ANCHOR_AFTER_PREV,   /* at the end of the previous B word's line */
} AnchorKind;

typedef struct
{
  AnchorKind kind;
  guint      token;      /* B token index it is anchored to */
  guint      a_from;     /* bytes of A deleted */
  guint      a_to;
  gboolean   space_after;
  const char *before;    /* "", " " or "\n" */
} Deletion;

static gboolean
has_newline (const char *text,
             guint       from,
             guint       to)
{
  return to > from && memchr (text + from, '\n', to - from) != NULL;
}

/**
 * pacta_word_diff_foreach_inline:
 * @self: a diff
 * @b_start: first byte of a stretch of B's text
 * @b_end: byte after it (G_MAXUINT for the end)
 * @func: called for each segment, in order
 *
 * Hands out an inline redline of a stretch of B: B's text with the inserted words
 * marked, and each run of deleted words of A placed where it stood: just before the next
 * word of B when that is on the same line ("Article [-4-]{+5+}"), otherwise at the end
 * of the line of the word before it, or on a line of its own when it was a paragraph of
 * its own in A.
 */
void
pacta_word_diff_foreach_inline (PactaWordDiff    *self,
                                guint             b_start,
                                guint             b_end,
                                PactaSegmentFunc  func,
                                gpointer          user_data)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  Emitter e = { buffer, PACTA_SEGMENT_EQUAL, func, user_data };
  g_autoptr(GArray) deletions = g_array_new (FALSE, FALSE, sizeof (Deletion));
  const char *text_a, *text_b;
  GArray *tokens_a, *tokens_b;
  GArray *compared_a, *compared_b;
  const PactaDiffOp *ops;
  guint n_ops, nb;
  guint next = 0;

  g_return_if_fail (PACTA_IS_WORD_DIFF (self));
  g_return_if_fail (func != NULL);

  text_a = self->text[0];
  text_b = self->text[1];
  tokens_a = self->tokens[0];
  tokens_b = self->tokens[1];
  compared_a = self->compared[0];
  compared_b = self->compared[1];
  ops = (const PactaDiffOp *) (gpointer) self->ops->data;
  n_ops = self->ops->len;
  nb = compared_b->len;

  for (guint k = 0; k < n_ops; k++)
    {
      const PactaDiffOp *op = &ops[k];
      const PactaToken *first, *last;
      Deletion d = { 0, };
      guint prev_end, next_start;

      if (op->kind != PACTA_DIFF_DELETE)
        continue;
      first = &g_array_index (tokens_a, PactaToken, g_array_index (compared_a, guint, op->a_start));
      last = &g_array_index (tokens_a, PactaToken, g_array_index (compared_a, guint, op->a_start + op->a_len - 1));
      d.a_from = first->start;
      d.a_to = last->end;
      d.before = "";
      prev_end = op->b_start > 0
        ? g_array_index (tokens_b, PactaToken, g_array_index (compared_b, guint, op->b_start - 1)).end : 0;
      next_start = op->b_start < nb
        ? g_array_index (tokens_b, PactaToken, g_array_index (compared_b, guint, op->b_start)).start : 0;

      if (nb == 0)
        d.kind = ANCHOR_ALONE;
      else if (op->b_start < nb && (op->b_start == 0 || !has_newline (text_b, prev_end, next_start)))
        {
          d.kind = ANCHOR_BEFORE_NEXT;
          d.token = g_array_index (compared_b, guint, op->b_start);
          /* a space to the next word, unless an insertion follows (a replacement) */
          d.space_after = !(k + 1 < n_ops && ops[k + 1].kind == PACTA_DIFF_INSERT) &&
                          d.a_to < strlen (text_a) && g_ascii_isspace (text_a[d.a_to]);
        }
      else
        {
          d.kind = ANCHOR_AFTER_PREV;
          d.token = g_array_index (compared_b, guint, op->b_start - 1);
          if (d.a_from > 0 && has_newline (text_a, d.a_from - 1, d.a_from))
            d.before = "\n";
          else if (d.a_from > 0 && g_ascii_isspace (text_a[d.a_from - 1]))
            d.before = " ";
        }
      g_array_append_val (deletions, d);
    }

#define EMIT_DELETION(d) G_STMT_START {                                                   \
    emit (&e, (d)->before, strlen ((d)->before), PACTA_SEGMENT_EQUAL);                     \
    emit (&e, text_a + (d)->a_from, (d)->a_to - (d)->a_from, PACTA_SEGMENT_DELETED);       \
    if ((d)->space_after)                                                                  \
      emit (&e, " ", 1, PACTA_SEGMENT_EQUAL);                                              \
  } G_STMT_END

  if (b_start == 0)
    for (guint k = 0; k < deletions->len; k++)
      {
        Deletion *d = &g_array_index (deletions, Deletion, k);

        if (d->kind == ANCHOR_ALONE)
          EMIT_DELETION (d);
      }

  for (guint i = 0; i < tokens_b->len; i++)
    {
      const PactaToken *t = &g_array_index (tokens_b, PactaToken, i);
      guint from = MAX (t->start, b_start);
      guint to = MIN (t->end, b_end);

      while (next < deletions->len && g_array_index (deletions, Deletion, next).token < i)
        next++;
      for (guint k = next; k < deletions->len && g_array_index (deletions, Deletion, k).token == i; k++)
        {
          Deletion *d = &g_array_index (deletions, Deletion, k);

          if (d->kind == ANCHOR_BEFORE_NEXT && t->start >= b_start && t->start < b_end)
            EMIT_DELETION (d);
        }
      if (to > from)
        emit (&e, text_b + from, to - from,
              token_shows_changed (self, 1, i) ? PACTA_SEGMENT_INSERTED : PACTA_SEGMENT_EQUAL);
      for (guint k = next; k < deletions->len && g_array_index (deletions, Deletion, k).token == i; k++)
        {
          Deletion *d = &g_array_index (deletions, Deletion, k);

          if (d->kind == ANCHOR_AFTER_PREV && t->end > b_start && t->end <= b_end)
            EMIT_DELETION (d);
        }
    }
#undef EMIT_DELETION

  emitter_flush (&e);
}
