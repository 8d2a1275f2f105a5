/* pacta-import-text.c — plain text and Markdown-like text
 *
 * Plain text: the encoding is detected, form feeds separate pages (as pdftotext writes
 * them, running heads and page numbers included), and hard-wrapped lines are joined into
 * paragraphs by the layout rules (a line that reaches the right margin continues).
 *
 * Markdown: "#" and underlined headings, list items, block quotes, emphasis and links are
 * read for their words; consecutive lines form one paragraph, as Markdown renders them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-import-text"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pacta-import-private.h"

static guint
leading_columns (const char *line)
{
  guint columns = 0;

  for (const char *p = line; *p == ' ' || *p == '\t'; p++)
    columns += *p == '\t' ? 4 - columns % 4 : 1;
  return columns;
}

/* "a       the term…", "1       This Convention…", "iv      …": a bare label, then a gap of
 * three spaces or more (or a tab) before the text, as typewritten and pdftotext texts set them. */
static gboolean
hanging_label (const char *line)
{
  static GRegex *regex = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^\\s*([0-9]{1,3}|[a-zA-Z]|[ivxIVX]{2,5})\\.?(\\s{3,}|\\t\\s*)\\S",
                                            G_REGEX_OPTIMIZE, 0, NULL));
  return g_regex_match (regex, line, 0, NULL);
}

static void
add_plain (PactaImportSource *source,
           char             **lines)
{
  g_autoptr(GArray) phys = g_array_new (FALSE, TRUE, sizeof (PactaPhysLine));
  PactaLayoutOptions options = { 0 };
  guint page = 1, y = 0;

  g_array_set_clear_func (phys, (GDestroyNotify) _pacta_phys_line_clear);
  for (guint i = 0; lines[i]; i++)
    {
      char *text = lines[i];
      PactaPhysLine line = { 0 };

      /* Form feeds start pages (possibly several on one line). */
      while (strchr (text, '\f') != NULL)
        {
          char *ff = strchr (text, '\f');

          if (ff > text)
            {
              PactaPhysLine before = { 0 };

              g_autofree char *trimmed = NULL;

              before.text = g_strndup (text, ff - text);
              trimmed = g_strstrip (g_strdup (before.text));
              before.x0 = leading_columns (before.text);
              before.x1 = before.x0 + g_utf8_strlen (trimmed, -1);
              before.y = y++;
              before.height = before.font_size = before.char_width = 1;
              before.page = page;
              before.origin = i + 1;
              g_array_append_val (phys, before);
            }
          page++;
          y = 0;
          text = ff + 1;
        }

      line.text = g_strdup (text);
      line.hanging = hanging_label (text);
      line.x0 = leading_columns (text);
      {
        g_autofree char *trimmed = g_strstrip (g_strdup (text));
        line.x1 = line.x0 + g_utf8_strlen (trimmed, -1);
      }
      line.y = y++;
      line.height = line.font_size = line.char_width = 1;
      line.page = page;
      line.origin = i + 1;
      g_array_append_val (phys, line);
    }

  options.remove_running = page >= 2;
  _pacta_import_layout (source, phys, &options);
  if (page >= 2)
    pacta_import_source_set_n_pages (source, page);
}

/* Markdown ------------------------------------------------------------------------------ */

static char *
strip_inline (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; )
    {
      /* [words](target) → words */
      if (*p == '[')
        {
          const char *close = strchr (p, ']');

          if (close && close[1] == '(' && strchr (close, ')'))
            {
              g_string_append_len (out, p + 1, close - p - 1);
              p = strchr (close, ')') + 1;
              continue;
            }
        }
      if ((p[0] == '*' && p[1] == '*') || (p[0] == '_' && p[1] == '_'))
        {
          p += 2;
          continue;
        }
      /* A single * or _ hugging a word is emphasis; elsewhere ("* item", "a * b") it stays. */
      if ((*p == '*' || *p == '_') &&
          ((p[1] && !g_ascii_isspace (p[1]) && (p == text || g_ascii_isspace (p[-1]) || p[-1] == '(')) ||
           (p > text && !g_ascii_isspace (p[-1]) && (p[1] == '\0' || g_ascii_isspace (p[1]) || g_ascii_ispunct (p[1])))))
        {
          if (!(p == text && p[1] == ' '))
            {
              p++;
              continue;
            }
        }
      if (*p == '`')
        {
          p++;
          continue;
        }
      if (*p == '\\' && p[1] && g_ascii_ispunct (p[1]))
        p++;
      g_string_append_c (out, *p);
      p++;
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_rule (const char *line)
{
  char c = 0;
  guint n = 0;

  for (const char *p = line; *p; p++)
    {
      if (*p == ' ')
        continue;
      if (*p != '-' && *p != '*' && *p != '_' && *p != '=')
        return FALSE;
      if (c && *p != c)
        return FALSE;
      c = *p;
      n++;
    }
  return n >= 3;
}

static gboolean
starts_block (const char *line)
{
  PactaImportMarker marker = { 0 };
  PactaImportHeader header = { 0 };
  gboolean result;

  if (line[0] == '#' || line[0] == '>' || line[0] == '|')
    return TRUE;
  result = _pacta_import_parse_marker (line, &marker) || _pacta_import_parse_header (line, &header);
  _pacta_import_marker_clear (&marker);
  _pacta_import_header_clear (&header);
  return result;
}

static void
flush (PactaImportSource    *source,
       GString              *para,
       PactaImportLineFlags  flags,
       guint8                level,
       guint                 origin)
{
  g_autofree char *text = NULL;
  PactaImportLine *line;

  if (para->len == 0)
    return;
  text = strip_inline (para->str);
  line = pacta_import_source_add_line (source, text, flags, level);
  line->origin = origin;
  g_string_truncate (para, 0);
}

static void
add_markdown (PactaImportSource *source,
              char             **lines)
{
  g_autoptr(GString) para = g_string_new (NULL);
  guint origin = 0;
  gboolean fenced = FALSE;
  PactaImportLineFlags flags = 0;

  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *copy = g_strdup (lines[i]);
      char *line = g_strstrip (copy);
      gboolean hard_break = g_str_has_suffix (lines[i], "  ") || g_str_has_suffix (lines[i], "\\");

      if (g_str_has_prefix (line, "```") || g_str_has_prefix (line, "~~~"))
        {
          flush (source, para, flags, 0, origin);
          fenced = !fenced;
          continue;
        }
      if (fenced)
        {
          PactaImportLine *added = pacta_import_source_add_line (source, line, 0, 0);
          added->origin = i + 1;
          continue;
        }
      if (line[0] == '\0' || (is_rule (line) && para->len == 0))
        {
          flush (source, para, flags, 0, origin);
          flags = 0;
          continue;
        }
      /* Setext heading: the paragraph above, underlined. */
      if (para->len > 0 && is_rule (line) && (line[0] == '=' || line[0] == '-'))
        {
          flush (source, para, PACTA_IMPORT_LINE_HEADING, line[0] == '=' ? 1 : 2, origin);
          continue;
        }
      if (line[0] == '#')
        {
          guint level = 0;
          char *text = line;

          while (*text == '#')
            {
              level++;
              text++;
            }
          if (level <= 6 && (*text == ' ' || *text == '\0'))
            {
              gsize n;

              flush (source, para, flags, 0, origin);
              flags = 0;
              g_strstrip (text);
              n = strlen (text);
              while (n > 0 && text[n - 1] == '#')
                text[--n] = '\0';
              g_string_assign (para, text);
              flush (source, para, PACTA_IMPORT_LINE_HEADING, level, i + 1);
              continue;
            }
        }
      if (line[0] == '|')
        {
          /* A table row: its cells as one line; the |---| row is skipped. */
          g_auto(GStrv) cells = g_strsplit (line, "|", -1);
          GString *row = g_string_new (NULL);
          gboolean separator = TRUE;

          flush (source, para, flags, 0, origin);
          for (guint k = 0; cells[k]; k++)
            {
              char *cell = g_strstrip (cells[k]);

              if (cell[0] == '\0')
                continue;
              if (strspn (cell, "-: ") != strlen (cell))
                separator = FALSE;
              if (row->len)
                g_string_append (row, " | ");
              g_string_append (row, cell);
            }
          if (!separator && row->len > 0)
            {
              g_string_assign (para, row->str);
              flush (source, para, PACTA_IMPORT_LINE_TABLE, 0, i + 1);
            }
          g_string_free (row, TRUE);
          continue;
        }
      while (line[0] == '>')
        line = g_strchug (line + 1);

      if (para->len > 0 && starts_block (line))
        flush (source, para, flags, 0, origin);
      if (para->len == 0)
        origin = i + 1;
      else
        g_string_append_c (para, ' ');
      g_string_append (para, line);
      if (hard_break)
        flush (source, para, flags, 0, origin);
    }
  flush (source, para, flags, 0, origin);
}

void
_pacta_import_add_text (PactaImportSource *source,
                        const char        *utf8,
                        gboolean           markdown)
{
  g_autoptr(GString) normal = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  /* \r\n and lone \r become \n. */
  for (const char *p = utf8; *p; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (normal, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (normal, *p);
    }
  lines = g_strsplit (normal->str, "\n", -1);
  if (markdown)
    add_markdown (source, lines);
  else
    add_plain (source, lines);
}

static gboolean
looks_like_markdown (const char *text)
{
  guint headings = 0, lines = 0;

  for (const char *p = text; *p; )
    {
      const char *end = strchr (p, '\n');

      lines++;
      if (p[0] == '#' && (p[1] == ' ' || (p[1] == '#' && (p[2] == ' ' || p[2] == '#'))))
        headings++;
      if (end == NULL)
        break;
      p = end + 1;
    }
  return headings >= 2 || (headings >= 1 && lines < 20);
}

gboolean
_pacta_import_read_text (PactaImportSource  *source,
                         GBytes             *bytes,
                         GError            **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *encoding = NULL;
  g_autofree char *text = _pacta_import_decode (data, length, pacta_import_source_get_path (source),
                                                &encoding, error);
  gboolean markdown;

  if (text == NULL)
    return FALSE;
  markdown = pacta_import_source_get_format (source) == PACTA_IMPORT_FORMAT_MARKDOWN ||
             looks_like_markdown (text);
  if (g_strcmp0 (encoding, "UTF-8") != 0)
    pacta_import_source_add_warning (source, 0, _("read as %s"), encoding);
  _pacta_import_add_text (source, text, markdown);
  return TRUE;
}
