/* pacta-import-layout.c — physical lines to paragraphs
 *
 * PDF pages and hard-wrapped text files both arrive as lines laid out on a page. This file
 * removes what repeats on every page (running heads, footers, page numbers), then joins the
 * lines of each paragraph back together and repairs words hyphenated at a line end.
 *
 * A line continues into the next when it is "full": the next line's first word would not
 * have fitted after it, so the writer's software must have wrapped there. A shorter line
 * ends its paragraph. Vertical gaps, indentation, changes of type and centred lines refine
 * that. The same rules run in points (PDF) and in characters (text files).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-import-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pacta-import-private.h"

#define ZONE_LINES 3

void
_pacta_phys_line_clear (PactaPhysLine *line)
{
  g_clear_pointer (&line->text, g_free);
}

static gboolean
is_blank (const PactaPhysLine *line)
{
  for (const char *p = line->text; p && *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
percentile (GArray *values,
            double  p)
{
  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, MIN (values->len - 1, (guint) (p * (values->len - 1) + 0.5)));
}

/* Running-head key: folded, digits as '#', no spaces — "Page 3 of 12" and "Page 4 of 12" match. */
static char *
running_key (const char *text)
{
  g_autofree char *folded = _pacta_import_fold (text);
  GString *key = g_string_new (NULL);

  for (const char *p = folded; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (key->len == 0 || key->str[key->len - 1] != '#')
            g_string_append_c (key, '#');
        }
      else if (!g_ascii_isspace (*p))
        g_string_append_c (key, *p);
    }
  return g_string_free (key, FALSE);
}

/* Structural lines ("Article 5") may open several pages; they are never running heads
 * unless the very same words repeat. */
static gboolean
is_structural (const char *text)
{
  PactaImportHeader header = { 0 };
  gboolean result = _pacta_import_parse_header (text, &header);

  _pacta_import_header_clear (&header);
  return result;
}

typedef struct
{
  guint start, end; /* indices into the line array, end exclusive */
} Page;

static void
remove_running (GArray                   *lines,
                char                    **clean_lines,
                GArray                   *pages,
                const PactaLayoutOptions *options,
                gboolean                 *removed)
{
  GHashTable *counts[2] = {
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
  };
  GHashTable *exact[2] = {
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
  };
  /* A running head repeats on most pages; parallel texts on facing pages repeat a header
   * line ("Article 8") on two pages at the same place, which is no running head. */
  guint threshold = pages->len <= 2 ? 2
                    : pages->len <= 5 ? pages->len - 1   /* all but the cover page */
                    : MAX (3, (guint) ceil (pages->len * 0.4));

  /* Count, per zone (0 top, 1 bottom), on how many pages each key appears. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint pg = 0; pg < pages->len; pg++)
      {
        Page *page = &g_array_index (pages, Page, pg);
        g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        guint taken = 0;

        for (guint k = 0; k < page->end - page->start && taken < ZONE_LINES; k++)
          {
            guint i = pass == 0 ? page->start + k : page->end - 1 - k;
            PactaPhysLine *line = &g_array_index (lines, PactaPhysLine, i);
            const char *clean = clean_lines[i];
            char *key;

            if (is_blank (line))
              continue;
            taken++;
            if (options->page_height > 0 &&
                (pass == 0 ? line->y > options->page_height * 0.15 : line->y < options->page_height * 0.82))
              continue;
            key = running_key (clean);
            if (!g_hash_table_contains (seen, key))
              {
                /* Counted over all pages, and over the pages of this parity (books set
                 * different heads on left and right pages). */
                char *parity_key = g_strdup_printf ("%u:%s", pg % 2, key);

                g_hash_table_add (seen, g_strdup (key));
                g_hash_table_insert (counts[pass], key,
                                     GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts[pass], key)) + 1));
                g_hash_table_insert (counts[pass], parity_key,
                                     GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts[pass], parity_key)) + 1));
                key = _pacta_import_fold (clean);
                g_hash_table_insert (exact[pass], key,
                                     GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (exact[pass], key)) + 1));
              }
            else
              g_free (key);
          }
      }

  for (guint pass = 0; pass < 2; pass++)
    for (guint pg = 0; pg < pages->len; pg++)
      {
        Page *page = &g_array_index (pages, Page, pg);
        guint taken = 0;

        for (guint k = 0; k < page->end - page->start && taken < ZONE_LINES; k++)
          {
            guint i = pass == 0 ? page->start + k : page->end - 1 - k;
            PactaPhysLine *line = &g_array_index (lines, PactaPhysLine, i);
            const char *clean = clean_lines[i];
            g_autofree char *key = NULL;
            g_autofree char *folded = NULL;
            gboolean running;

            if (is_blank (line) || removed[i])
              continue;
            taken++;
            if (options->page_height > 0 &&
                (pass == 0 ? line->y > options->page_height * 0.15 : line->y < options->page_height * 0.82))
              continue;
            key = running_key (clean);
            folded = _pacta_import_fold (clean);
            if (is_structural (clean))
              running = GPOINTER_TO_UINT (g_hash_table_lookup (exact[pass], folded)) >= MAX (threshold, pages->len * 6 / 10);
            else
              {
                g_autofree char *parity_key = g_strdup_printf ("%u:%s", pg % 2, key);
                guint same_parity = (pages->len + (pg % 2 == 0 ? 1 : 0)) / 2;

                running = GPOINTER_TO_UINT (g_hash_table_lookup (counts[pass], key)) >= threshold ||
                          (same_parity >= 2 &&
                           GPOINTER_TO_UINT (g_hash_table_lookup (counts[pass], parity_key)) >= MAX (2, (same_parity + 1) / 2));
              }
            /* A bare page number needs no repetition to be recognised, but only at the edge. */
            if (running || (k < 2 && _pacta_import_is_page_number (clean)))
              {
                removed[i] = TRUE;
                /* Keep looking one line further into the page. */
                taken--;
              }
          }
      }

  for (guint pass = 0; pass < 2; pass++)
    {
      g_hash_table_unref (counts[pass]);
      g_hash_table_unref (exact[pass]);
    }
}

/* Draft texts are often printed with line numbers in the margin ("12  The Parties shall…"):
 * when most lines of a page start with numbers that count up one by one, they go. */
static void
strip_line_numbers (PactaImportSource *source,
                    GArray            *lines,
                    GArray            *pages)
{
  guint stripped_pages = 0;

  for (guint pg = 0; pg < pages->len; pg++)
    {
      Page *page = &g_array_index (pages, Page, pg);
      guint numbered = 0, total = 0, in_order = 0;
      int previous = -1;

      for (guint i = page->start; i < page->end; i++)
        {
          const char *text = g_array_index (lines, PactaPhysLine, i).text;
          const char *p = text;
          int value;

          while (*p == ' ' || *p == '\t')
            p++;
          if (*p == '\0')
            continue;
          total++;
          if (!g_ascii_isdigit (*p))
            continue;
          value = atoi (p);
          while (g_ascii_isdigit (*p))
            p++;
          if (*p != ' ' && *p != '\t' && *p != '\0')
            continue;
          numbered++;
          if (previous >= 0 && value == previous + 1)
            in_order++;
          previous = value;
        }
      if (total < 8 || numbered * 10 < total * 7 || in_order * 10 < numbered * 7)
        continue;
      for (guint i = page->start; i < page->end; i++)
        {
          PactaPhysLine *line = &g_array_index (lines, PactaPhysLine, i);
          char *p = line->text;

          while (*p == ' ' || *p == '\t')
            p++;
          if (!g_ascii_isdigit (*p))
            continue;
          while (g_ascii_isdigit (*p))
            p++;
          if (*p != ' ' && *p != '\t' && *p != '\0')
            continue;
          memmove (line->text, p, strlen (p) + 1);
          line->hanging = FALSE;
        }
      stripped_pages++;
    }
  if (stripped_pages > 0)
    pacta_import_source_add_warning (source, 0, "%s", _("line numbers in the margin were left out"));
}

/* Watermarks ("DRAFT", "CONFIDENTIAL") are short lines that repeat across the pages wherever
 * they fall in the text. */
static void
remove_watermarks (char    **clean_lines,
                   GArray   *pages,
                   gboolean *removed)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (pages->len < 3)
    return;
  for (guint pg = 0; pg < pages->len; pg++)
    {
      Page *page = &g_array_index (pages, Page, pg);
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = page->start; i < page->end; i++)
        {
          const char *clean = clean_lines[i];
          char *folded;

          if (removed[i] || clean[0] == '\0' || _pacta_import_count_words (clean) > 4 || is_structural (clean))
            continue;
          folded = _pacta_import_fold (clean);
          if (g_hash_table_contains (seen, folded))
            {
              g_free (folded);
              continue;
            }
          g_hash_table_add (seen, g_strdup (folded));
          g_hash_table_insert (counts, folded, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, folded)) + 1));
        }
    }
  for (guint pg = 0; pg < pages->len; pg++)
    for (guint i = g_array_index (pages, Page, pg).start; i < g_array_index (pages, Page, pg).end; i++)
    {
      const char *clean = clean_lines[i];
      g_autofree char *folded = NULL;

      if (removed[i] || clean[0] == '\0' || _pacta_import_count_words (clean) > 4)
        continue;
      folded = _pacta_import_fold (clean);
      if (GPOINTER_TO_UINT (g_hash_table_lookup (counts, folded)) * 10 >= pages->len * 8)
        removed[i] = TRUE;
    }
}

/* Footnotes: at the foot of a page, below the body, in smaller type, starting with their
 * mark ("1", "¹", "*", "†"). Their calls in the text ("SENNAR¹") go too. */
static void
remove_footnotes (PactaImportSource *source,
                  GArray            *lines,
                  GArray            *pages,
                  gboolean          *removed)
{
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (double));
  double body;
  guint count = 0;

  for (guint i = 0; i < lines->len; i++)
    if (!removed[i])
      g_array_append_val (sizes, g_array_index (lines, PactaPhysLine, i).font_size);
  body = percentile (sizes, 0.5);
  if (body <= 0)
    return;

  for (guint pg = 0; pg < pages->len; pg++)
    {
      Page *page = &g_array_index (pages, Page, pg);
      int start = -1;

      /* The block of small lines at the foot, above which the body type ends. */
      for (int i = (int) page->end - 1; i >= (int) page->start; i--)
        {
          PactaPhysLine *line = &g_array_index (lines, PactaPhysLine, i);

          if (removed[i])
            continue;
          if (line->font_size >= body * 0.88)
            break;
          start = i;
        }
      if (start < 0)
        continue;
      {
        g_autofree char *first = _pacta_import_clean (g_array_index (lines, PactaPhysLine, start).text, -1);
        gunichar c = g_utf8_get_char (first);

        if (!(g_unichar_isdigit (c) || c == '*' || c == 0x2020 || c == 0x2021 || c == 0x00B9 ||
              c == 0x00B2 || c == 0x00B3 || (c >= 0x2070 && c <= 0x2079)))
          continue;
      }
      for (guint i = start; i < page->end; i++)
        if (!removed[i])
          {
            removed[i] = TRUE;
            count++;
          }
    }
  if (count > 0)
    pacta_import_source_add_warning (source, 0,
                                     g_dngettext (GETTEXT_PACKAGE, "%u footnote line left out",
                                                  "%u footnote lines left out", count),
                                     count);
}

static gboolean
is_superscript_digit (gunichar c)
{
  return c == 0x00B9 || c == 0x00B2 || c == 0x00B3 || (c >= 0x2070 && c <= 0x2079);
}

/* Drops superscript digits glued to the end of a word ("SENNAR¹"), which call footnotes;
 * "m²" keeps its exponent. */
static void
strip_footnote_calls (char *text)
{
  char *out = text;
  gunichar previous = 0;

  for (const char *p = text; *p; )
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (is_superscript_digit (c) && previous != 0 && previous != 'm' &&
          (g_unichar_isalpha (previous) || g_unichar_ispunct (previous) || is_superscript_digit (previous)))
        {
          p = next;
          previous = c;
          continue;
        }
      memmove (out, p, next - p);
      out += next - p;
      previous = c;
      p = next;
    }
  *out = '\0';
}

static void
collect_words (GHashTable *words,
               const char *text)
{
  g_autofree char *folded = _pacta_import_fold (text);
  const char *p = folded;

  while (*p)
    {
      const char *start;

      while (*p && !g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && (g_unichar_isalpha (g_utf8_get_char (p)) || *p == '-'))
        p = g_utf8_next_char (p);
      if (p > start)
        {
          const char *end = p;

          /* A word hyphenated at the line end is not evidence for itself. */
          if (end > start && end[-1] == '-')
            end--;
          if (end > start)
            g_hash_table_add (words, g_strndup (start, end - start));
        }
    }
}

static char *
last_word (const char *text,
           gsize       length)
{
  const char *end = text + length;
  const char *start = end;

  while (start > text)
    {
      const char *prev = g_utf8_find_prev_char (text, start);

      if (!g_unichar_isalpha (g_utf8_get_char (prev)))
        break;
      start = prev;
    }
  return g_strndup (start, end - start);
}

static char *
first_word (const char *text)
{
  const char *p = text;

  while (*p && g_unichar_isalpha (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return g_strndup (text, p - text);
}

/* Joins @next to the paragraph in @out, which ends a line. */
static void
join_text (GString    *out,
           const char *next,
           gboolean    soft_hyphen,
           GHashTable *words)
{
  gboolean hyphen = out->len > 1 && out->str[out->len - 1] == '-' &&
                    g_unichar_isalpha (g_utf8_get_char (g_utf8_find_prev_char (out->str, out->str + out->len - 1)));

  if (soft_hyphen && g_unichar_isalpha (g_utf8_get_char (next)))
    {
      g_string_append (out, next);
      return;
    }
  if (hyphen && g_unichar_isalpha (g_utf8_get_char (next)))
    {
      g_autofree char *before = last_word (out->str, out->len - 1);
      g_autofree char *after = first_word (next);
      g_autofree char *joined = g_strconcat (before, after, NULL);
      g_autofree char *hyphenated = g_strconcat (before, "-", after, NULL);
      g_autofree char *joined_f = _pacta_import_fold (joined);
      g_autofree char *hyphenated_f = _pacta_import_fold (hyphenated);
      gboolean drop;

      if (!g_unichar_islower (g_utf8_get_char (next)))
        drop = FALSE;                                   /* "Franco-\nGerman" */
      else if (g_hash_table_contains (words, joined_f))
        drop = TRUE;                                    /* the document spells it whole */
      else if (g_hash_table_contains (words, hyphenated_f))
        drop = FALSE;                                   /* …or with a hyphen */
      else
        drop = TRUE;                                    /* most line-end hyphens are breaks */
      if (drop)
        g_string_truncate (out, out->len - 1);
      g_string_append (out, next);
      return;
    }
  g_string_append_c (out, ' ');
  g_string_append (out, next);
}

typedef struct
{
  double left, right;  /* margins of the column the line belongs to */
} Column;

static gboolean
starts_structure (const char *text,
                  gboolean   *is_marker)
{
  PactaImportMarker marker = { 0 };
  gboolean header = is_structural (text);

  *is_marker = _pacta_import_parse_marker (text, &marker) && marker.kind != PACTA_MARKER_NONE;
  _pacta_import_marker_clear (&marker);
  return header;
}

static gboolean
soft_hyphen_end (const char *raw)
{
  gsize n = strlen (raw);

  while (n > 0 && g_ascii_isspace (raw[n - 1]))
    n--;
  /* U+00AD soft hyphen, U+2010 hyphen at the end of the line. */
  return (n >= 2 && (guchar) raw[n - 2] == 0xC2 && (guchar) raw[n - 1] == 0xAD) ||
         (n >= 3 && (guchar) raw[n - 3] == 0xE2 && (guchar) raw[n - 2] == 0x80 && (guchar) raw[n - 1] == 0x90);
}

void
_pacta_import_layout (PactaImportSource        *source,
                      GArray                   *lines,
                      const PactaLayoutOptions *options)
{
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (Page));
  g_autofree gboolean *removed = g_new0 (gboolean, MAX (lines->len, 1));
  g_autofree char **clean = g_new0 (char *, MAX (lines->len, 1));
  g_autofree Column *columns = g_new0 (Column, MAX (lines->len, 1));
  g_autofree guint *blocks = g_new0 (guint, MAX (lines->len, 1));
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) para = g_string_new (NULL);
  double body_size, gap, char_width, global_left, global_right;
  int prev = -1;
  PactaImportLineFlags para_flags = 0;
  guint para_page = 0, para_origin = 0, para_block = 0;
  gboolean para_all_bold = TRUE, para_centered = FALSE, para_large = FALSE, para_hanging = FALSE;

  /* Pages. */
  for (guint i = 0; i < lines->len; )
    {
      Page page = { i, i };
      guint number = g_array_index (lines, PactaPhysLine, i).page;

      while (page.end < lines->len && g_array_index (lines, PactaPhysLine, page.end).page == number)
        page.end++;
      g_array_append_val (pages, page);
      i = page.end;
    }

  strip_line_numbers (source, lines, pages);
  for (guint i = 0; i < lines->len; i++)
    {
      clean[i] = _pacta_import_clean (g_array_index (lines, PactaPhysLine, i).text, -1);
      strip_footnote_calls (clean[i]);
    }
  if (options->remove_running && pages->len >= 2)
    {
      remove_running (lines, clean, pages, options, removed);
      remove_watermarks (clean, pages, removed);
    }

  if (options->page_height > 0)
    remove_footnotes (source, lines, pages, removed);

  for (guint i = 0; i < lines->len; i++)
    if (!removed[i] && clean[i][0] != '\0')
      collect_words (words, clean[i]);

  /* Body type size and character width: medians over the lines. */
  g_array_set_size (values, 0);
  for (guint i = 0; i < lines->len; i++)
    if (!removed[i] && clean[i][0])
      {
        double size = g_array_index (lines, PactaPhysLine, i).font_size;
        g_array_append_val (values, size);
      }
  body_size = percentile (values, 0.5);
  g_array_set_size (values, 0);
  for (guint i = 0; i < lines->len; i++)
    if (!removed[i] && clean[i][0])
      {
        double w = g_array_index (lines, PactaPhysLine, i).char_width;
        g_array_append_val (values, w);
      }
  char_width = MAX (percentile (values, 0.5), 0.01);

  /* Typical distance between the tops of consecutive lines of a paragraph. */
  g_array_set_size (values, 0);
  for (guint pg = 0; pg < pages->len; pg++)
    {
      Page *page = &g_array_index (pages, Page, pg);
      int last = -1;

      for (guint i = page->start; i < page->end; i++)
        {
          if (removed[i])
            continue;
          if (clean[i][0] == '\0')
            {
              last = -1;
              continue;
            }
          if (last >= 0)
            {
              double d = g_array_index (lines, PactaPhysLine, i).y - g_array_index (lines, PactaPhysLine, last).y;
              if (d > 0)
                g_array_append_val (values, d);
            }
          last = i;
        }
    }
  gap = percentile (values, 0.3);

  /* Margins of the whole document: a page with a few short lines (an annex, the signatures)
   * keeps the margins of the others. */
  {
    g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < lines->len; i++)
      if (!removed[i] && clean[i][0])
        g_array_append_val (xs, g_array_index (lines, PactaPhysLine, i).x0);
    global_left = percentile (xs, 0.1);
    g_array_set_size (xs, 0);
    for (guint i = 0; i < lines->len; i++)
      if (!removed[i] && clean[i][0])
        g_array_append_val (xs, g_array_index (lines, PactaPhysLine, i).x1);
    global_right = percentile (xs, 0.9);
  }

  /* Columns: on each page, lines that keep to the left or right half form a column when
   * there are enough of them (bilingual side-by-side layouts); the rest span the page. */
  for (guint pg = 0; pg < pages->len; pg++)
    {
      Page *page = &g_array_index (pages, Page, pg);
      double min_x = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, mid;
      GArray *lefts[3] = { g_array_new (FALSE, FALSE, sizeof (double)),
                           g_array_new (FALSE, FALSE, sizeof (double)),
                           g_array_new (FALSE, FALSE, sizeof (double)) };
      GArray *rights[3] = { g_array_new (FALSE, FALSE, sizeof (double)),
                            g_array_new (FALSE, FALSE, sizeof (double)),
                            g_array_new (FALSE, FALSE, sizeof (double)) };
      Column found[3];
      g_autofree int *group = g_new0 (int, page->end - page->start + 1);

      for (guint i = page->start; i < page->end; i++)
        if (!removed[i] && clean[i][0])
          {
            PactaPhysLine *line = &g_array_index (lines, PactaPhysLine, i);
            min_x = MIN (min_x, line->x0);
            max_x = MAX (max_x, line->x1);
          }
      if (min_x > max_x)
        {
          for (int g = 0; g < 3; g++)
            {
              g_array_unref (lefts[g]);
              g_array_unref (rights[g]);
            }
          continue;
        }
      mid = (min_x + max_x) / 2;
      for (guint i = page->start; i < page->end; i++)
        {
          PactaPhysLine *line = &g_array_index (lines, PactaPhysLine, i);
          int g = 0;

          if (removed[i] || !clean[i][0])
            continue;
          if (line->x1 < mid + (max_x - min_x) * 0.04)
            g = 1;
          else if (line->x0 > mid - (max_x - min_x) * 0.04)
            g = 2;
          group[i - page->start] = g;
          g_array_append_val (lefts[g], line->x0);
          g_array_append_val (rights[g], line->x1);
        }
      for (int g = 0; g < 3; g++)
        {
          if (rights[g]->len >= 6 || (g == 0 && rights[g]->len > 0))
            {
              found[g].left = percentile (lefts[g], 0.1);
              found[g].right = percentile (rights[g], 0.9);
            }
          else
            {
              found[g].left = min_x;
              found[g].right = max_x;
            }
        }
      /* Text files have no columns: a short line is simply a short line. */
      if (lefts[1]->len < 6 || lefts[2]->len < 6)
        {
          g_autoptr(GArray) all_left = g_array_new (FALSE, FALSE, sizeof (double));
          g_autoptr(GArray) all_right = g_array_new (FALSE, FALSE, sizeof (double));

          for (int g = 0; g < 3; g++)
            {
              g_array_append_vals (all_left, lefts[g]->data, lefts[g]->len);
              g_array_append_vals (all_right, rights[g]->data, rights[g]->len);
            }
          for (int g = 0; g < 3; g++)
            {
              found[g].left = MIN (percentile (all_left, 0.1), global_left);
              found[g].right = MAX (percentile (all_right, 0.9), global_right);
            }
        }
      for (guint i = page->start; i < page->end; i++)
        {
          columns[i] = found[group[i - page->start]];
          /* On a two-column page (parallel texts side by side), each column is a block:
           * its lines share a language. */
          if (lefts[1]->len >= 6 && lefts[2]->len >= 6 && group[i - page->start] != 0)
            blocks[i] = 1000000 + pg * 3 + group[i - page->start];
        }
      for (int g = 0; g < 3; g++)
        {
          g_array_unref (lefts[g]);
          g_array_unref (rights[g]);
        }
    }

  /* A text file whose lines were never wrapped has paragraphs one per line: only lines that
   * reach the right margin can be wrapped, and they must be common for wrapping to exist. */
  {
    guint full = 0, total = 0;

    for (guint i = 0; i < lines->len; i++)
      if (!removed[i] && clean[i][0])
        {
          PactaPhysLine *line = &g_array_index (lines, PactaPhysLine, i);

          total++;
          if (columns[i].right - line->x1 < 12 * line->char_width)
            full++;
        }
    if (total > 0 && full * 100 < total * 25 && options->page_width <= 0)
      {
        /* Not wrapped: make every line end its paragraph. */
        for (guint i = 0; i < lines->len; i++)
          columns[i].right = G_MAXDOUBLE / 4;
      }
  }

  for (guint i = 0; i <= lines->len; i++)
    {
      PactaPhysLine *line = i < lines->len ? &g_array_index (lines, PactaPhysLine, i) : NULL;
      gboolean join = FALSE;
      gboolean blank = line == NULL || removed[i] || clean[i][0] == '\0';
      double text_width;
      gboolean centered = FALSE;

      if (line != NULL && removed[i])
        continue;

      if (!blank)
        {
          double left_gap = line->x0 - columns[i].left;
          double right_gap = columns[i].right - line->x1;

          /* Centred: both margins wide and alike, and the line well short of the measure
           * (an indented block of text is not centred). */
          text_width = columns[i].right - columns[i].left;
          centered = text_width > 0 && left_gap > text_width * 0.08 && right_gap > text_width * 0.08 &&
                     line->x1 - line->x0 < text_width * 0.75 &&
                     fabs (left_gap - right_gap) < MAX (text_width * 0.06, 3 * line->char_width);
        }

      if (!blank && prev >= 0)
        {
          PactaPhysLine *p = &g_array_index (lines, PactaPhysLine, prev);
          g_autofree char *next_word = first_word (clean[i]);
          double cw = p->char_width > 0 ? p->char_width : char_width;
          double room = columns[prev].right - p->x1;
          glong word_chars = MAX (g_utf8_strlen (next_word, -1), 1);
          gboolean soft = soft_hyphen_end (p->text);
          gboolean hyphen = soft || (para->len > 0 && para->str[para->len - 1] == '-');
          gboolean full = room < (word_chars + 1.5) * cw || (hyphen && room < 8 * cw);
          gboolean is_marker = FALSE;
          gboolean header = starts_structure (clean[i], &is_marker);
          gboolean same_page = p->page == line->page;
          gboolean prev_centered = para_centered;

          join = full;
          if (same_page && gap > 0 && line->y - p->y > gap * 1.35)
            join = FALSE;
          if (!same_page && prev != (int) i - 1)
            {
              /* Only the last line of a page runs on to the first line of the next. */
              for (int k = prev + 1; k < (int) i; k++)
                if (!removed[k] && clean[k][0] != '\0')
                  join = FALSE;
            }
          if (body_size > 0 && fabs (line->font_size - p->font_size) > MAX (p->font_size, line->font_size) * 0.12)
            join = FALSE;
          if (line->bold != p->bold)
            join = FALSE;
          if (blocks[i] != blocks[prev])
            join = FALSE;
          if (line->hanging)
            join = FALSE;
          if (centered || prev_centered)
            join = FALSE;
          /* A header on the next line opens a unit, unless the line before runs into it:
           * "…paragraph 1 of / Article 76;" is one sentence. */
          if (header && !hyphen && (_pacta_import_ends_sentence (clean[prev]) || !full ||
                                    _pacta_import_ends_sentence (clean[i]) == FALSE))
            join = FALSE;
          if (is_marker && _pacta_import_ends_sentence (clean[prev]))
            join = FALSE;
          /* First-line indent opens a paragraph, unless the line above began a hanging item. */
          if (same_page && line->x0 > p->x0 + 1.5 * cw)
            {
              gboolean prev_marker = FALSE;
              PactaImportMarker marker = { 0 };

              prev_marker = _pacta_import_parse_marker (clean[prev], &marker);
              _pacta_import_marker_clear (&marker);
              if (!prev_marker && line->x0 - columns[i].left < 12 * cw && p->x0 - columns[prev].left < 1.5 * cw &&
                  _pacta_import_ends_sentence (clean[prev]))
                join = FALSE;
            }
          if (join)
            {
              join_text (para, clean[i], soft, words);
              para_all_bold = para_all_bold && line->bold;
              para_large = para_large && body_size > 0 && line->font_size > body_size * 1.15;
              prev = i;
              continue;
            }
        }

      /* Close the paragraph being built. */
      if (para->len > 0)
        {
          PactaImportLine *added;

          para_flags = 0;
          if (para_all_bold)
            para_flags |= PACTA_IMPORT_LINE_BOLD;
          if (para_centered)
            para_flags |= PACTA_IMPORT_LINE_CENTERED;
          if (para_large)
            para_flags |= PACTA_IMPORT_LINE_LARGE;
          if (para_hanging)
            para_flags |= PACTA_IMPORT_LINE_HANGING;
          added = pacta_import_source_add_line (source, para->str, para_flags, 0);
          added->page = para_page;
          added->origin = para_origin;
          added->block = para_block;
          g_string_truncate (para, 0);
        }

      if (blank)
        {
          /* A blank line separates paragraphs; the next line starts afresh. */
          if (line != NULL)
            prev = -1;
          continue;
        }

      g_string_append (para, clean[i]);
      para_page = line->page;
      para_origin = line->origin;
      para_block = blocks[i];
      para_hanging = line->hanging;
      para_all_bold = line->bold;
      para_centered = centered;
      para_large = body_size > 0 && line->font_size > body_size * 1.15;
      prev = i;
    }

  for (guint i = 0; i < lines->len; i++)
    g_free (clean[i]);
}
