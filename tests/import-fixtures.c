/* import-fixtures.c — renders the import test agreements to TXT, PDF, DOCX, ODT and HTML
 *
 * Run once with `ninja -C BUILD import-fixtures`; the outputs are committed under
 * tests/data/import/ so that the tests need none of these tools. Each NAME.src describes
 * one agreement line by line (see ssa-tessaly-marrow.src); this program renders it in the
 * formats its "formats" line asks for, with the typography of each (wrapped text with
 * hanging indents; a paginated PDF with running heads, page numbers and hyphenation; Word
 * styles and automatic numbering; ODT lists; a web page with site navigation), and writes
 * NAME.expected.json with the article boundaries, taken from the markup, not from import.
 *
 * It also writes the bad inputs: a scanned PDF (an image, no text layer), an encrypted
 * PDF, a damaged DOCX and binary garbage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <cairo-pdf.h>
#include <glib.h>
#include <pango/pangocairo.h>
#include <string.h>

typedef enum
{
  TAG_TITLE, TAG_PRE, TAG_PART, TAG_ART, TAG_P, TAG_NP, TAG_PT, TAG_SPT, TAG_END, TAG_SIG,
  TAG_ANNEX, TAG_RAW,
} Tag;

typedef struct
{
  Tag   tag;
  char *num;
  char *heading;
  char *style;   /* art/part/annex: next, none, before, inline, same:SEP */
  char *text;
} Item;

typedef struct
{
  char       *name;
  GPtrArray  *items;
  GHashTable *opts;
  char       *formats;
  char       *header;
  char       *lang;
  GPtrArray  *items2;   /* the same agreement in a second language (facing pages) */
  char       *lang2;
  char       *header2;
} Doc;

static void
item_free (gpointer data)
{
  Item *item = data;

  g_free (item->num);
  g_free (item->heading);
  g_free (item->style);
  g_free (item->text);
  g_free (item);
}

static const char *
opt (Doc        *doc,
     const char *key,
     const char *fallback)
{
  const char *value = g_hash_table_lookup (doc->opts, key);

  return value ? value : fallback;
}

static Doc *
load (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *base = g_path_get_basename (path);
  Doc *doc = g_new0 (Doc, 1);

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    g_error ("cannot read %s", path);
  doc->name = g_strndup (base, strlen (base) - 4);
  doc->items = g_ptr_array_new_with_free_func (item_free);
  doc->opts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  doc->lang = g_strdup ("en");
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) f = NULL;
      Item *item;
      static const char * const tags[] = {
        "title", "pre", "part", "art", "p", "np", "pt", "spt", "end", "sig", "annex", "raw", NULL
      };
      int tag = -1;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      f = g_strsplit (lines[i], "|", -1);
      if (g_str_equal (f[0], "formats"))
        {
          doc->formats = g_strdup (f[1]);
          continue;
        }
      if (g_str_equal (f[0], "header"))
        {
          doc->header = g_strdup (f[1]);
          continue;
        }
      if (g_str_equal (f[0], "translation"))
        {
          /* What follows is the text in a second language, set on facing pages. */
          doc->lang2 = g_strdup (f[1]);
          doc->header2 = g_strdup (f[2]);
          doc->items2 = g_ptr_array_new_with_free_func (item_free);
          continue;
        }
      if (g_str_equal (f[0], "lang"))
        {
          g_free (doc->lang);
          doc->lang = g_strdup (f[1]);
          continue;
        }
      if (g_str_equal (f[0], "opts"))
        {
          g_auto(GStrv) pairs = g_strsplit (f[1], ",", -1);

          for (guint k = 0; pairs[k]; k++)
            {
              g_auto(GStrv) kv = g_strsplit (pairs[k], "=", 2);
              g_hash_table_insert (doc->opts, g_strdup (kv[0]), g_strdup (kv[1] ? kv[1] : "1"));
            }
          continue;
        }
      for (guint k = 0; tags[k]; k++)
        if (g_str_equal (f[0], tags[k]))
          tag = k;
      if (tag < 0)
        g_error ("%s:%u: unknown tag %s", path, i + 1, f[0]);
      item = g_new0 (Item, 1);
      item->tag = tag;
      switch (item->tag)
        {
        case TAG_PART:
        case TAG_ART:
        case TAG_ANNEX:
          item->num = g_strdup (f[1]);
          item->heading = f[1] && f[2] && f[2][0] ? g_strdup (f[2]) : NULL;
          item->style = g_strdup (f[1] && f[2] && f[3] ? f[3] : "next");
          break;
        case TAG_NP:
        case TAG_PT:
        case TAG_SPT:
          item->num = g_strdup (f[1]);
          item->text = g_strdup (f[2]);
          break;
        default:
          item->text = g_strdup (f[1]);
        }
      g_ptr_array_add (doc->items2 ? doc->items2 : doc->items, item);
    }
  return doc;
}

/* The header line(s) of a part, article or annex as set in the text. */
static char *
header_line (Item *item)
{
  if (item->style && g_str_has_prefix (item->style, "same:") && item->heading)
    return g_strdup_printf ("%s%s%s", item->num, item->style + 5, item->heading);
  return g_strdup (item->num);
}

static gboolean
heading_on_own_line (Item *item)
{
  return item->heading && item->style &&
         (g_str_equal (item->style, "next") || g_str_equal (item->style, "before"));
}

/* Expected article boundaries ----------------------------------------------------------- */

static char *
first_tokens (const char *text,
              guint       n)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_autofree char *plain = g_utf8_normalize (lower, -1, G_NORMALIZE_NFD);
  GString *out = g_string_new (NULL);
  guint count = 0;
  gboolean in_word = FALSE;

  for (const char *p = plain; *p && count < n; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isalnum (c))
        {
          if (!in_word && out->len)
            g_string_append_c (out, ' ');
          g_string_append_unichar (out, c);
          in_word = TRUE;
        }
      else if (in_word)
        {
          in_word = FALSE;
          count++;
        }
    }
  return g_string_free (out, FALSE);
}

static char *
json_string (const char *text)
{
  GString *out = g_string_new ("\"");

  if (text == NULL)
    return g_strdup ("null");
  for (const char *p = text; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

static void
write_expected_items (Doc        *doc,
                      GPtrArray  *items,
                      const char *lang,
                      const char *path)
{
  GString *out = g_string_new ("{\n");
  guint annexes = 0, parts = 0;
  gboolean first = TRUE;

  g_string_append_printf (out, "  \"language\": \"%s\",\n  \"articles\": [\n", lang);
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      g_autofree char *num = NULL;
      g_autofree char *heading = NULL;
      g_autofree char *starts = NULL;
      GString *body = g_string_new (NULL);

      annexes += item->tag == TAG_ANNEX;
      parts += item->tag == TAG_PART;
      if (item->tag != TAG_ART)
        {
          g_string_free (body, TRUE);
          continue;
        }
      if (g_strcmp0 (item->style, "inline") == 0)
        {
          Item *next = g_ptr_array_index (items, i + 1);
          g_string_append (body, next->text);
        }
      for (guint k = i + 1; k < items->len && body->len < 200; k++)
        {
          Item *next = g_ptr_array_index (items, k);

          if (next->tag == TAG_ART || next->tag == TAG_PART || next->tag == TAG_END || next->tag == TAG_ANNEX)
            break;
          if (next->num)
            g_string_append_printf (body, " %s", next->num);
          if (next->text)
            g_string_append_printf (body, " %s", next->text);
          if (g_strcmp0 (item->style, "inline") == 0)
            break;
        }
      num = json_string (item->num);
      heading = json_string (item->heading);
      {
        g_autofree char *tokens = first_tokens (body->str, 4);
        starts = json_string (tokens);
      }
      g_string_append_printf (out, "%s    { \"num\": %s, \"heading\": %s, \"starts\": %s }",
                              first ? "" : ",\n", num, heading, starts);
      first = FALSE;
      g_string_free (body, TRUE);
    }
  g_string_append_printf (out, "\n  ],\n  \"parts\": %u,\n  \"annexes\": %u\n}\n", parts, annexes);
  if (!g_file_set_contents (path, out->str, -1, NULL))
    g_error ("cannot write %s", path);
  g_string_free (out, TRUE);
}

static void
write_expected (Doc        *doc,
                const char *dir)
{
  if (doc->items2 == NULL)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.expected.json", dir, doc->name);
      write_expected_items (doc, doc->items, doc->lang, path);
    }
  else
    {
      g_autofree char *first = g_strdup_printf ("%s/%s.%s.expected.json", dir, doc->name, doc->lang);
      g_autofree char *second = g_strdup_printf ("%s/%s.%s.expected.json", dir, doc->name, doc->lang2);

      write_expected_items (doc, doc->items, doc->lang, first);
      write_expected_items (doc, doc->items2, doc->lang2, second);
    }
}

/* Text ---------------------------------------------------------------------------------- */

static void
wrap (GString    *out,
      const char *text,
      guint       width,
      guint       first_indent,
      guint       indent)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint column = 0;
  gboolean line_start = TRUE;

  for (guint i = 0; i < first_indent; i++)
    g_string_append_c (out, ' ');
  column = first_indent;
  for (guint i = 0; words[i]; i++)
    {
      guint len = g_utf8_strlen (words[i], -1);

      if (words[i][0] == '\0')
        continue;
      if (width > 0 && !line_start && column + 1 + len > width)
        {
          g_string_append_c (out, '\n');
          for (guint k = 0; k < indent; k++)
            g_string_append_c (out, ' ');
          column = indent;
          line_start = TRUE;
        }
      if (!line_start)
        {
          g_string_append_c (out, ' ');
          column++;
        }
      g_string_append (out, words[i]);
      column += len;
      line_start = FALSE;
    }
  g_string_append_c (out, '\n');
}

static void
centre (GString    *out,
        const char *text,
        guint       width)
{
  guint len = g_utf8_strlen (text, -1);

  for (guint i = 0; width > len && i < (width - len) / 2; i++)
    g_string_append_c (out, ' ');
  g_string_append (out, text);
  g_string_append_c (out, '\n');
}

static char *
render_text (Doc *doc)
{
  GString *out = g_string_new (NULL);
  guint width = atoi (opt (doc, "wrap", "72"));
  gboolean centred = atoi (opt (doc, "center", "1"));
  gboolean blank = atoi (opt (doc, "blank", "1"));
  Tag previous = TAG_TITLE;

  for (guint i = 0; i < doc->items->len; i++)
    {
      Item *item = g_ptr_array_index (doc->items, i);
      guint w = width ? width : 72;

      if (i > 0 && (blank || (previous == TAG_TITLE && item->tag != TAG_TITLE)) &&
          !(item->tag == TAG_TITLE && previous == TAG_TITLE))
        g_string_append_c (out, '\n');
      previous = item->tag;

      switch (item->tag)
        {
        case TAG_TITLE:
          if (centred)
            centre (out, item->text, w);
          else
            g_string_append_printf (out, "%s\n", item->text);
          break;
        case TAG_PART:
        case TAG_ART:
        case TAG_ANNEX:
          {
            g_autofree char *line = header_line (item);

            if (g_strcmp0 (item->style, "before") == 0)
              {
                if (centred) centre (out, item->heading, w); else g_string_append_printf (out, "%s\n", item->heading);
              }
            if (g_strcmp0 (item->style, "inline") == 0)
              {
                Item *next = g_ptr_array_index (doc->items, ++i);
                g_autofree char *joined = g_strdup_printf ("%s %s", item->num, next->text);

                wrap (out, joined, width, 0, 0);
                break;
              }
            if (centred) centre (out, line, w); else g_string_append_printf (out, "%s\n", line);
            if (heading_on_own_line (item) && g_strcmp0 (item->style, "before") != 0)
              {
                if (centred) centre (out, item->heading, w); else g_string_append_printf (out, "%s\n", item->heading);
              }
          }
          break;
        case TAG_NP:
          {
            g_autofree char *joined = g_strdup_printf ("%s %s", item->num, item->text);
            wrap (out, joined, width, 0, strlen (item->num) + 1);
          }
          break;
        case TAG_PT:
          {
            g_autofree char *joined = g_strdup_printf ("%s %s", item->num, item->text);
            wrap (out, joined, width, 4, 4 + strlen (item->num) + 1);
          }
          break;
        case TAG_SPT:
          {
            g_autofree char *joined = g_strdup_printf ("%s %s", item->num, item->text);
            wrap (out, joined, width, 8, 8 + strlen (item->num) + 1);
          }
          break;
        case TAG_RAW:
          g_string_append_printf (out, "%s\n", item->text);
          break;
        case TAG_PRE:
        case TAG_P:
        case TAG_END:
        case TAG_SIG:
        default:
          wrap (out, item->text, width, 0, 0);
        }
    }
  return g_string_free (out, FALSE);
}

static void
write_text (Doc        *doc,
            const char *path,
            const char *text)
{
  const char *encoding = opt (doc, "encoding", "utf-8");
  g_autofree char *converted = NULL;
  gsize length = strlen (text);
  const char *data = text;
  GString *bytes = g_string_new (NULL);

  if (g_str_equal (encoding, "cp1252"))
    {
      converted = g_convert (text, -1, "WINDOWS-1252", "UTF-8", NULL, &length, NULL);
      data = converted;
    }
  else if (g_str_equal (encoding, "utf-16le"))
    {
      converted = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &length, NULL);
      g_string_append_len (bytes, "\xff\xfe", 2);
      data = converted;
    }
  if (data == NULL)
    g_error ("%s: cannot convert to %s", path, encoding);
  g_string_append_len (bytes, data, length);
  if (!g_file_set_contents (path, bytes->str, bytes->len, NULL))
    g_error ("cannot write %s", path);
  g_string_free (bytes, TRUE);
}

/* Markdown ------------------------------------------------------------------------------ */

static char *
render_markdown (Doc *doc)
{
  GString *out = g_string_new (NULL);
  gboolean title_done = FALSE;

  for (guint i = 0; i < doc->items->len; i++)
    {
      Item *item = g_ptr_array_index (doc->items, i);

      switch (item->tag)
        {
        case TAG_TITLE:
          g_string_append_printf (out, "%s %s\n", title_done ? "" : "#", item->text);
          if (i + 1 < doc->items->len && ((Item *) g_ptr_array_index (doc->items, i + 1))->tag != TAG_TITLE)
            g_string_append_c (out, '\n');
          title_done = TRUE;
          break;
        case TAG_PART:
          g_string_append_printf (out, "## %s%s%s\n\n", item->num, item->heading ? " — " : "", item->heading ? item->heading : "");
          break;
        case TAG_ART:
        case TAG_ANNEX:
          {
            g_autofree char *line = header_line (item);

            g_string_append_printf (out, "### %s\n\n", line);
            if (heading_on_own_line (item))
              g_string_append_printf (out, "**%s**\n\n", item->heading);
          }
          break;
        case TAG_NP:
          g_string_append_printf (out, "%s %s\n\n", item->num, item->text);
          break;
        case TAG_PT:
          g_string_append_printf (out, "   %s %s\n", item->num, item->text);
          if (i + 1 < doc->items->len && ((Item *) g_ptr_array_index (doc->items, i + 1))->tag != TAG_PT &&
              ((Item *) g_ptr_array_index (doc->items, i + 1))->tag != TAG_SPT)
            g_string_append_c (out, '\n');
          break;
        case TAG_SPT:
          g_string_append_printf (out, "      %s %s\n", item->num, item->text);
          if (i + 1 < doc->items->len && ((Item *) g_ptr_array_index (doc->items, i + 1))->tag != TAG_PT &&
              ((Item *) g_ptr_array_index (doc->items, i + 1))->tag != TAG_SPT)
            g_string_append_c (out, '\n');
          break;
        case TAG_PRE:
        case TAG_P:
        case TAG_END:
        case TAG_SIG:
        case TAG_RAW:
        default:
          g_string_append_printf (out, "%s\n\n", item->text);
        }
    }
  return g_string_free (out, FALSE);
}

/* HTML ---------------------------------------------------------------------------------- */

static void
esc (GString    *out,
     const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

static char *
render_html (Doc *doc)
{
  GString *out = g_string_new (NULL);
  int list_depth = 0;
  int stack[8];
  gboolean literal = atoi (opt (doc, "literal", "0"));

  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>", doc->lang);
  esc (out, doc->header ? doc->header : doc->name);
  g_string_append (out, "</title>\n<style>h1,h2,h3 { text-align: center }</style>\n<script>var tracker = 1;</script>\n</head>\n<body>\n");
  g_string_append (out, "<nav class=\"site-menu\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/treaties\">Treaties</a></li>"
                        "<li><a href=\"/contact\">Contact</a></li></ul></nav>\n");
  g_string_append (out, "<div class=\"breadcrumb\">Home › Treaties › Social security</div>\n<main>\n");

  for (guint i = 0; i < doc->items->len; i++)
    {
      Item *item = g_ptr_array_index (doc->items, i);
      int want = item->tag == TAG_PT ? 2 : item->tag == TAG_SPT ? 3 : item->tag == TAG_NP ? 1 : 0;

      if (literal && want > 0)
        {
          g_string_append (out, "<p>");
          esc (out, item->num);
          g_string_append_c (out, ' ');
          esc (out, item->text);
          g_string_append (out, "</p>\n");
          continue;
        }

      /* Lists: a stack of open <ol>, each with its current <li> open. */
      while (list_depth > 0 && (want == 0 || stack[list_depth - 1] > want))
        {
          g_string_append (out, "</li></ol>\n");
          list_depth--;
        }
      if (want > 0 && list_depth > 0 && stack[list_depth - 1] == want)
        g_string_append (out, "</li>\n");
      else if (want > 0)
        {
          g_string_append_printf (out, "<ol type=\"%s\">", want == 1 ? "1" : want == 2 ? "a" : "i");
          stack[list_depth++] = want;
        }

      switch (item->tag)
        {
        case TAG_TITLE:
          g_string_append (out, "<h1>");
          esc (out, item->text);
          /* The title block's lines in one heading, as web pages have it. */
          while (i + 1 < doc->items->len && ((Item *) g_ptr_array_index (doc->items, i + 1))->tag == TAG_TITLE)
            {
              g_string_append (out, "<br>");
              esc (out, ((Item *) g_ptr_array_index (doc->items, ++i))->text);
            }
          g_string_append (out, "</h1>\n");
          break;
        case TAG_PART:
          g_string_append (out, "<h2>");
          esc (out, item->num);
          if (item->heading)
            {
              g_string_append (out, "<br>");
              esc (out, item->heading);
            }
          g_string_append (out, "</h2>\n");
          break;
        case TAG_ART:
        case TAG_ANNEX:
          {
            g_autofree char *line = header_line (item);

            g_string_append (out, "<h3>");
            esc (out, line);
            g_string_append (out, "</h3>\n");
            if (heading_on_own_line (item))
              {
                g_string_append (out, "<p class=\"article-heading\"><strong>");
                esc (out, item->heading);
                g_string_append (out, "</strong></p>\n");
              }
          }
          break;
        case TAG_NP:
        case TAG_PT:
        case TAG_SPT:
          g_string_append (out, "<li>");
          esc (out, item->text);
          g_string_append_c (out, '\n');
          break;
        case TAG_PRE:
        case TAG_P:
        case TAG_END:
        case TAG_SIG:
        case TAG_RAW:
        default:
          g_string_append (out, "<p>");
          esc (out, item->text);
          g_string_append (out, "</p>\n");
        }
    }
  while (list_depth > 0)
    {
      g_string_append (out, "</li></ol>\n");
      list_depth--;
    }
  g_string_append (out, "</main>\n<footer class=\"site-footer\"><p>© Ministry of Foreign Affairs · <a href=\"/privacy\">Privacy</a></p></footer>\n</body>\n</html>\n");
  return g_string_free (out, FALSE);
}

/* ZIP ----------------------------------------------------------------------------------- */

static void
zip_add (struct archive *a,
         const char     *name,
         const char     *data,
         gboolean        store)
{
  struct archive_entry *entry = archive_entry_new ();
  gsize length = strlen (data);

  if (store)
    archive_write_zip_set_compression_store (a);
  else
    archive_write_zip_set_compression_deflate (a);
  archive_entry_set_pathname (entry, name);
  archive_entry_set_size (entry, length);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_mtime (entry, 1577836800, 0);
  if (archive_write_header (a, entry) != ARCHIVE_OK)
    g_error ("zip: %s", archive_error_string (a));
  archive_write_data (a, data, length);
  archive_entry_free (entry);
}

static struct archive *
zip_open (const char *path)
{
  struct archive *a = archive_write_new ();

  archive_write_set_format_zip (a);
  if (archive_write_open_filename (a, path) != ARCHIVE_OK)
    g_error ("cannot write %s: %s", path, archive_error_string (a));
  return a;
}

static void
zip_close (struct archive *a)
{
  archive_write_close (a);
  archive_write_free (a);
}

/* DOCX ---------------------------------------------------------------------------------- */

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

static void
docx_run (GString    *out,
          const char *text,
          gboolean    bold)
{
  g_string_append (out, "<w:r>");
  if (bold)
    g_string_append (out, "<w:rPr><w:b/></w:rPr>");
  g_string_append (out, "<w:t xml:space=\"preserve\">");
  esc (out, text);
  g_string_append (out, "</w:t></w:r>");
}

static void
docx_para (GString    *out,
           const char *style,
           const char *text,
           gboolean    bold,
           gboolean    centred,
           int         num_id,
           int         ilvl)
{
  g_string_append (out, "<w:p><w:pPr>");
  if (style)
    g_string_append_printf (out, "<w:pStyle w:val=\"%s\"/>", style);
  if (num_id > 0)
    g_string_append_printf (out, "<w:numPr><w:ilvl w:val=\"%d\"/><w:numId w:val=\"%d\"/></w:numPr>", ilvl, num_id);
  if (centred)
    g_string_append (out, "<w:jc w:val=\"center\"/>");
  g_string_append (out, "</w:pPr>");
  docx_run (out, text, bold);
  g_string_append (out, "</w:p>\n");
}

static void
write_docx (Doc        *doc,
            const char *path)
{
  gboolean direct = atoi (opt (doc, "docx-direct", "0"));
  GString *body = g_string_new (NULL);
  GString *numbering = g_string_new (NULL);
  GString *document = g_string_new (NULL);
  int num_id = 0;
  gboolean list_open = FALSE;
  struct archive *a;

  g_string_append (numbering, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                              "<w:numbering xmlns:w=\"" W_NS "\">\n"
                              "<w:abstractNum w:abstractNumId=\"1\">"
                              "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
                              "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"(%2)\"/></w:lvl>"
                              "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerRoman\"/><w:lvlText w:val=\"(%3)\"/></w:lvl>"
                              "</w:abstractNum>\n"
                              "<w:abstractNum w:abstractNumId=\"9\">"
                              "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"Article %1\"/></w:lvl>"
                              "</w:abstractNum>\n"
                              "<w:num w:numId=\"900\"><w:abstractNumId w:val=\"9\"/></w:num>\n");

  for (guint i = 0; i < doc->items->len; i++)
    {
      Item *item = g_ptr_array_index (doc->items, i);

      if (item->tag != TAG_NP && item->tag != TAG_PT && item->tag != TAG_SPT)
        list_open = FALSE;
      switch (item->tag)
        {
        case TAG_TITLE:
          docx_para (body, direct ? NULL : "Title", item->text, direct, TRUE, 0, 0);
          break;
        case TAG_PART:
          docx_para (body, direct ? NULL : "Heading1", item->num, direct, TRUE, 0, 0);
          if (item->heading)
            docx_para (body, direct ? NULL : "Heading1", item->heading, direct, TRUE, 0, 0);
          break;
        case TAG_ART:
        case TAG_ANNEX:
          {
            g_autofree char *line = header_line (item);

            if (item->tag == TAG_ART && atoi (opt (doc, "docx-autonumber", "0")))
              {
                /* "Article %1" comes from the numbering; the paragraph holds the heading. */
                docx_para (body, "Heading2", item->heading, FALSE, FALSE, 900, 0);
                break;
              }
            if (g_strcmp0 (item->style, "before") == 0)
              docx_para (body, direct ? NULL : "Heading3", item->heading, TRUE, TRUE, 0, 0);
            docx_para (body, direct ? NULL : "Heading2", line, direct, TRUE, 0, 0);
            if (heading_on_own_line (item) && g_strcmp0 (item->style, "before") != 0)
              docx_para (body, direct ? NULL : "Heading3", item->heading, TRUE, TRUE, 0, 0);
          }
          break;
        case TAG_NP:
        case TAG_PT:
        case TAG_SPT:
          if (!list_open)
            {
              /* Numbering restarts in each article: a new w:num over the same definition. */
              num_id++;
              g_string_append_printf (numbering,
                                      "<w:num w:numId=\"%d\"><w:abstractNumId w:val=\"1\"/>"
                                      "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride>"
                              "<w:lvlOverride w:ilvl=\"1\"><w:startOverride w:val=\"1\"/></w:lvlOverride>"
                              "<w:lvlOverride w:ilvl=\"2\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>\n",
                                      num_id);
              list_open = TRUE;
            }
          if (item->tag == TAG_PT && i > 0 && ((Item *) g_ptr_array_index (doc->items, i - 1))->tag != TAG_PT &&
              ((Item *) g_ptr_array_index (doc->items, i - 1))->tag != TAG_SPT &&
              ((Item *) g_ptr_array_index (doc->items, i - 1))->tag != TAG_NP)
            {
              /* points directly under an article: a list of their own */
            }
          if (atoi (opt (doc, "literal", "0")))
            {
              g_autofree char *joined = g_strdup_printf ("%s %s", item->num, item->text);
              docx_para (body, NULL, joined, FALSE, FALSE, 0, 0);
            }
          else
            docx_para (body, "ListParagraph", item->text, FALSE, FALSE, num_id,
                       item->tag == TAG_NP ? 0 : item->tag == TAG_PT ? 1 : 2);
          break;
        case TAG_PRE:
        case TAG_P:
        case TAG_END:
        case TAG_SIG:
        case TAG_RAW:
        default:
          docx_para (body, NULL, item->text, FALSE, FALSE, 0, 0);
        }
    }
  g_string_append (numbering, "</w:numbering>\n");

  g_string_append (document, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                             "<w:document xmlns:w=\"" W_NS "\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">\n<w:body>\n");
  g_string_append (document, body->str);
  g_string_append (document, "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr>\n</w:body>\n</w:document>\n");

  a = zip_open (path);
  zip_add (a, "[Content_Types].xml",
           "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
           "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
           "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
           "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
           "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
           "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
           "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
           "</Types>\n", FALSE);
  zip_add (a, "_rels/.rels",
           "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
           "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
           "</Relationships>\n", FALSE);
  zip_add (a, "word/_rels/document.xml.rels",
           "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
           "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
           "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>"
           "</Relationships>\n", FALSE);
  zip_add (a, "word/document.xml", document->str, FALSE);
  zip_add (a, "word/styles.xml",
           "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
           "<w:styles xmlns:w=\"" W_NS "\">"
           "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
           "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
           "<w:pPr><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"
           "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
           "<w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"
           "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/>"
           "<w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"
           "<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/><w:basedOn w:val=\"Normal\"/>"
           "<w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"
           "<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/><w:basedOn w:val=\"Normal\"/></w:style>"
           "</w:styles>\n", FALSE);
  zip_add (a, "word/numbering.xml", numbering->str, FALSE);
  zip_close (a);

  g_string_free (body, TRUE);
  g_string_free (numbering, TRUE);
  g_string_free (document, TRUE);
}

/* ODT ----------------------------------------------------------------------------------- */

static void
write_odt (Doc        *doc,
           const char *path)
{
  GString *content = g_string_new (NULL);
  int depth = 0;
  int stack[8];
  struct archive *a;

  g_string_append (content,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                   "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
                   "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                   "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" office:version=\"1.3\">\n"
                   "<office:automatic-styles>"
                   "<style:style style:name=\"P1\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
                   "<style:paragraph-properties fo:text-align=\"center\"/><style:text-properties fo:font-weight=\"bold\"/></style:style>"
                   "<text:list-style style:name=\"L1\">"
                   "<text:list-level-style-number text:level=\"1\" style:num-suffix=\".\" style:num-format=\"1\"/>"
                   "<text:list-level-style-number text:level=\"2\" style:num-prefix=\"(\" style:num-suffix=\")\" style:num-format=\"a\"/>"
                   "<text:list-level-style-number text:level=\"3\" style:num-prefix=\"(\" style:num-suffix=\")\" style:num-format=\"i\"/>"
                   "</text:list-style>"
                   "<text:list-style style:name=\"L2\">"
                   "<text:list-level-style-number text:level=\"1\" style:num-prefix=\"(\" style:num-suffix=\")\" style:num-format=\"a\"/>"
                   "<text:list-level-style-number text:level=\"2\" style:num-prefix=\"(\" style:num-suffix=\")\" style:num-format=\"i\"/>"
                   "</text:list-style>"
                   "<text:list-style style:name=\"L3\">"
                   "<text:list-level-style-number text:level=\"1\" style:num-prefix=\"(\" style:num-suffix=\")\" style:num-format=\"i\"/>"
                   "</text:list-style></office:automatic-styles>\n"
                   "<office:body><office:text>\n");

  for (guint i = 0; i < doc->items->len; i++)
    {
      Item *item = g_ptr_array_index (doc->items, i);
      int want = item->tag == TAG_NP ? 1 : item->tag == TAG_PT ? 2 : item->tag == TAG_SPT ? 3 : 0;

      while (depth > 0 && (want == 0 || stack[depth - 1] > want))
        {
          g_string_append (content, "</text:list-item></text:list>\n");
          depth--;
        }
      if (want > 0 && depth > 0 && stack[depth - 1] == want)
        g_string_append (content, "</text:list-item>\n");
      else if (want > 0)
        {
          /* The outer list's style starts at the level of its first item. */
          if (depth == 0)
            g_string_append_printf (content, "<text:list text:style-name=\"L%d\">", want);
          else
            g_string_append (content, "<text:list>");
          stack[depth++] = want;
        }

      switch (item->tag)
        {
        case TAG_TITLE:
          g_string_append (content, "<text:p text:style-name=\"Title\">");
          esc (content, item->text);
          g_string_append (content, "</text:p>\n");
          break;
        case TAG_PART:
          g_string_append (content, "<text:h text:style-name=\"Heading_20_1\" text:outline-level=\"1\">");
          esc (content, item->num);
          if (item->heading)
            {
              g_string_append (content, "<text:line-break/>");
              esc (content, item->heading);
            }
          g_string_append (content, "</text:h>\n");
          break;
        case TAG_ART:
        case TAG_ANNEX:
          {
            g_autofree char *line = header_line (item);

            if (item->tag == TAG_ART && atoi (opt (doc, "odt-outline", "0")))
              {
                /* "Article 1" comes from the outline numbering; the heading holds its title. */
                g_string_append (content, "<text:h text:style-name=\"Heading_20_1\" text:outline-level=\"1\">");
                esc (content, item->heading);
                g_string_append (content, "</text:h>\n");
                break;
              }
            g_string_append (content, "<text:h text:style-name=\"Heading_20_2\" text:outline-level=\"2\">");
            esc (content, line);
            g_string_append (content, "</text:h>\n");
            if (heading_on_own_line (item))
              {
                g_string_append (content, "<text:p text:style-name=\"P1\">");
                esc (content, item->heading);
                g_string_append (content, "</text:p>\n");
              }
          }
          break;
        case TAG_NP:
        case TAG_PT:
        case TAG_SPT:
          g_string_append (content, "<text:list-item><text:p text:style-name=\"Standard\">");
          esc (content, item->text);
          g_string_append (content, "</text:p>");
          break;
        case TAG_PRE:
        case TAG_P:
        case TAG_END:
        case TAG_SIG:
        case TAG_RAW:
        default:
          g_string_append (content, "<text:p text:style-name=\"Standard\">");
          esc (content, item->text);
          g_string_append (content, "</text:p>\n");
        }
    }
  while (depth > 0)
    {
      g_string_append (content, "</text:list-item></text:list>\n");
      depth--;
    }
  g_string_append (content, "</office:text></office:body></office:document-content>\n");

  a = zip_open (path);
  zip_add (a, "mimetype", "application/vnd.oasis.opendocument.text", TRUE);
  zip_add (a, "META-INF/manifest.xml",
           "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
           "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
           "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
           "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
           "</manifest:manifest>\n", FALSE);
  {
    gboolean outline = atoi (opt (doc, "odt-outline", "0"));
    g_autofree char *styles = g_strdup_printf (
           "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<office:document-styles xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
           "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
           "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" office:version=\"1.3\">"
           "<office:styles>"
           "<style:style style:name=\"Standard\" style:family=\"paragraph\"/>"
           "<style:style style:name=\"Title\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
           "<style:paragraph-properties fo:text-align=\"center\"/><style:text-properties fo:font-weight=\"bold\"/></style:style>"
           "<style:style style:name=\"Heading\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
           "<style:text-properties fo:font-weight=\"bold\"/></style:style>"
           "<style:style style:name=\"Heading_20_1\" style:display-name=\"Heading 1\" style:family=\"paragraph\" "
           "style:parent-style-name=\"Heading\" style:default-outline-level=\"1\"/>"
           "<style:style style:name=\"Heading_20_2\" style:display-name=\"Heading 2\" style:family=\"paragraph\" "
           "style:parent-style-name=\"Heading\" style:default-outline-level=\"2\"/>"
           "<text:outline-style xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" style:name=\"Outline\">"
           "<text:outline-level-style text:level=\"1\" style:num-prefix=\"%s\" style:num-format=\"%s\"/>"
           "<text:outline-level-style text:level=\"2\" style:num-format=\"\"/>"
           "</text:outline-style>"
           "</office:styles></office:document-styles>\n",
           outline ? "Article " : "", outline ? "1" : "");

    zip_add (a, "styles.xml", styles, FALSE);
  }
  zip_add (a, "content.xml", content->str, FALSE);
  zip_close (a);
  g_string_free (content, TRUE);
}

/* PDF ----------------------------------------------------------------------------------- */

#define PAGE_W 595.0
#define PAGE_H 842.0
#define MARGIN 72.0

typedef struct
{
  int     page;
  double  x, y;
  char   *font;
  char   *text;
} Piece;

typedef struct
{
  PangoContext *context;
  GPtrArray    *pieces;
  int           page;
  double        y;
} Pdf;

static void
piece_free (gpointer data)
{
  Piece *piece = data;

  g_free (piece->font);
  g_free (piece->text);
  g_free (piece);
}

static double
text_width (Pdf        *pdf,
            const char *font,
            const char *text)
{
  PangoLayout *layout = pango_layout_new (pdf->context);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  int w, h;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  pango_font_description_free (desc);
  g_object_unref (layout);
  return (double) w / PANGO_SCALE;
}

static void
place (Pdf        *pdf,
       double      x,
       const char *font,
       const char *text,
       double      leading)
{
  Piece *piece;

  if (pdf->y + leading > PAGE_H - MARGIN)
    {
      pdf->page++;
      pdf->y = MARGIN;
    }
  piece = g_new0 (Piece, 1);
  piece->page = pdf->page;
  piece->x = x;
  piece->y = pdf->y;
  piece->font = g_strdup (font);
  piece->text = g_strdup (text);
  g_ptr_array_add (pdf->pieces, piece);
  pdf->y += leading;
}

/* Greedy line filling; long words that do not fit are hyphenated, as typesetters do. */
static void
flow (Pdf        *pdf,
      const char *text,
      const char *font,
      double      first_x,
      double      x,
      const char *lead)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  GString *line = g_string_new (lead);
  double right = PAGE_W - MARGIN;
  double start = first_x;
  const double leading = 14.0;

  for (guint i = 0; words[i]; i++)
    {
      g_autofree char *candidate = line->len ? g_strdup_printf ("%s %s", line->str, words[i]) : g_strdup (words[i]);

      if (start + text_width (pdf, font, candidate) <= right || line->len == 0)
        {
          g_string_assign (line, candidate);
          continue;
        }
      /* Try to hyphenate a long word. */
      {
        glong letters = g_utf8_strlen (words[i], -1);
        gboolean alpha = TRUE;

        for (const char *p = words[i]; *p; p = g_utf8_next_char (p))
          alpha = alpha && g_unichar_isalpha (g_utf8_get_char (p));
        if (alpha && letters >= 9)
          {
            for (glong cut = letters - 4; cut >= 4; cut--)
              {
                const char *at = g_utf8_offset_to_pointer (words[i], cut);
                g_autofree char *head = g_strndup (words[i], at - words[i]);
                g_autofree char *trial = g_strdup_printf ("%s %s-", line->str, head);

                if (start + text_width (pdf, font, trial) <= right)
                  {
                    place (pdf, start, font, trial, leading);
                    start = x;
                    g_string_assign (line, at);
                    head[0] = '\0';
                    goto next_word;
                  }
              }
          }
      }
      place (pdf, start, font, line->str, leading);
      start = x;
      g_string_assign (line, words[i]);
    next_word:
      ;
    }
  if (line->len)
    place (pdf, start, font, line->str, leading);
  g_string_free (line, TRUE);
}

static void
centred_line (Pdf        *pdf,
              const char *font,
              const char *text,
              double      leading)
{
  double w = text_width (pdf, font, text);

  place (pdf, (PAGE_W - w) / 2, font, text, leading);
}

static void
layout_items (Pdf       *pdf,
              Doc       *doc,
              GPtrArray *items)
{
  const char *body = "DejaVu Serif 10.5";
  const char *bold = "DejaVu Serif Bold 10.5";

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);

      switch (item->tag)
        {
        case TAG_TITLE:
          {
            /* Long title lines wrap, each line centred. */
            g_auto(GStrv) words = g_strsplit (item->text, " ", -1);
            GString *line = g_string_new (NULL);

            for (guint k = 0; words[k]; k++)
              {
                g_autofree char *trial = line->len ? g_strdup_printf ("%s %s", line->str, words[k]) : g_strdup (words[k]);

                if (line->len && text_width (pdf, "DejaVu Serif Bold 13", trial) > PAGE_W - 2 * MARGIN)
                  {
                    centred_line (pdf, "DejaVu Serif Bold 13", line->str, 18);
                    g_string_assign (line, words[k]);
                  }
                else
                  g_string_assign (line, trial);
              }
            if (line->len)
              centred_line (pdf, "DejaVu Serif Bold 13", line->str, 18);
            g_string_free (line, TRUE);
          }
          if (i + 1 < items->len && ((Item *) g_ptr_array_index (items, i + 1))->tag != TAG_TITLE)
            pdf->y += 16;
          break;
        case TAG_PART:
          pdf->y += 10;
          centred_line (pdf, bold, item->num, 14);
          if (item->heading)
            centred_line (pdf, bold, item->heading, 14);
          pdf->y += 6;
          break;
        case TAG_ART:
        case TAG_ANNEX:
          {
            g_autofree char *line = header_line (item);

            if (item->tag == TAG_ANNEX)
              {
                pdf->page++;
                pdf->y = MARGIN;
              }
            pdf->y += 8;
            if (g_strcmp0 (item->style, "inline") == 0)
              {
                Item *next = g_ptr_array_index (items, ++i);

                flow (pdf, next->text, body, MARGIN, MARGIN, item->num);
                pdf->y += 7;
                break;
              }
            if (g_strcmp0 (item->style, "before") == 0)
              centred_line (pdf, bold, item->heading, 14);
            centred_line (pdf, bold, line, 14);
            if (heading_on_own_line (item) && g_strcmp0 (item->style, "before") != 0)
              centred_line (pdf, bold, item->heading, 14);
            pdf->y += 4;
          }
          break;
        case TAG_NP:
          {
            double w = text_width (pdf, body, item->num);

            flow (pdf, item->text, body, MARGIN, MARGIN + w + 4, item->num);
            pdf->y += 5;
          }
          break;
        case TAG_PT:
        case TAG_SPT:
          {
            double indent = item->tag == TAG_PT ? 18 : 36;
            double w = text_width (pdf, body, item->num);

            flow (pdf, item->text, body, MARGIN + indent, MARGIN + indent + w + 4, item->num);
            pdf->y += 3;
          }
          break;
        case TAG_PRE:
        case TAG_P:
        case TAG_END:
        case TAG_SIG:
        case TAG_RAW:
        default:
          flow (pdf, item->text, body, MARGIN, MARGIN, "");
          pdf->y += 7;
        }
    }
  (void) doc;
}

static void
show (cairo_t      *cr,
      PangoContext *context,
      const char   *font,
      const char   *text,
      double        x,
      double        y)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (desc);
  g_object_unref (layout);
}

static void
draw_page (cairo_t    *cr,
           Pdf        *pdf,
           int         page,
           const char *header,
           const char *footer,
           const char *footnote)
{
  for (guint i = 0; i < pdf->pieces->len; i++)
    {
      Piece *piece = g_ptr_array_index (pdf->pieces, i);

      if (piece->page == page)
        show (cr, pdf->context, piece->font, piece->text, piece->x, piece->y);
    }
  if (header)
    show (cr, pdf->context, "DejaVu Serif Italic 8.5", header, MARGIN, 36);
  if (footnote)
    show (cr, pdf->context, "DejaVu Serif 7", footnote, MARGIN, PAGE_H - 62);
  if (footer)
    show (cr, pdf->context, "DejaVu Serif 8.5", footer,
          (PAGE_W - text_width (pdf, "DejaVu Serif 8.5", footer)) / 2, PAGE_H - 44);
  cairo_show_page (cr);
}

static void
write_pdf (Doc        *doc,
           const char *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_W, PAGE_H);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context;
  Pdf pdf = { NULL, g_ptr_array_new_with_free_func (piece_free), 1, MARGIN };
  Pdf second = { NULL, g_ptr_array_new_with_free_func (piece_free), 1, MARGIN };
  const char *footnote = opt (doc, "footnote", NULL);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2020-01-01T00:00:00Z");
  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72);
  pdf.context = second.context = context;

  layout_items (&pdf, doc, doc->items);
  if (doc->items2 == NULL)
    {
      for (int page = 1; page <= pdf.page; page++)
        {
          g_autofree char *number = g_strdup_printf ("Page %d of %d", page, pdf.page);
          draw_page (cr, &pdf, page, doc->header, number, page == 1 ? footnote : NULL);
        }
    }
  else
    {
      /* Parallel texts on facing pages, numbered as a treaty series numbers them: the
       * number in the running head, which alternates between the languages. */
      int pages;

      layout_items (&second, doc, doc->items2);
      pages = MAX (pdf.page, second.page);
      for (int page = 1; page <= pages; page++)
        {
          g_autofree char *left = g_strdup_printf ("%d    %s", 300 + 2 * page, doc->header);
          g_autofree char *right = g_strdup_printf ("%s    %d", doc->header2, 301 + 2 * page);

          draw_page (cr, &pdf, page, left, NULL, page == 1 ? footnote : NULL);
          draw_page (cr, &second, page, right, NULL, NULL);
        }
    }

  g_object_unref (context);
  g_ptr_array_unref (pdf.pieces);
  g_ptr_array_unref (second.pieces);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    g_error ("%s: %s", path, cairo_status_to_string (cairo_surface_status (surface)));
  cairo_surface_destroy (surface);
}

/* Bad inputs ---------------------------------------------------------------------------- */

static void
write_scanned_pdf (const char *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_W, PAGE_H);
  cairo_t *cr = cairo_create (surface);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 280);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2020-01-01T00:00:00Z");
  cairo_t *ic = cairo_create (image);

  /* A page "photographed": grey lines where text would be, no text layer at all. */
  cairo_set_source_rgb (ic, 0.97, 0.96, 0.93);
  cairo_paint (ic);
  cairo_set_source_rgb (ic, 0.25, 0.25, 0.25);
  for (int row = 0; row < 24; row++)
    cairo_rectangle (ic, 20, 20 + row * 10, row % 5 == 4 ? 90 : 160, 3);
  cairo_fill (ic);
  cairo_destroy (ic);

  for (int page = 0; page < 2; page++)
    {
      cairo_save (cr);
      cairo_scale (cr, PAGE_W / 200.0, PAGE_H / 280.0);
      cairo_set_source_surface (cr, image, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  cairo_surface_destroy (image);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A PDF locked with the standard security handler: poppler can check the (non-empty) user
 * password against /U and refuses without it. Built by hand with exact xref offsets. */
static void
write_encrypted_pdf (const char *path)
{
  GString *pdf = g_string_new ("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
  gsize offsets[6];
  const char *o = "<7A3B5C6D8E9F0A1B2C3D4E5F60718293A4B5C6D7E8F901122334455667788990>";
  const char *u = "<1122334455667788990AABBCCDDEEFF00112233445566778899AABBCCDDEEFF0>";
  const char *stream = "BT /F1 12 Tf 72 720 Td (secret) Tj ET";
  gsize xref;

  offsets[1] = pdf->len;
  g_string_append (pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  offsets[2] = pdf->len;
  g_string_append (pdf, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
  offsets[3] = pdf->len;
  g_string_append (pdf, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n");
  offsets[4] = pdf->len;
  g_string_append_printf (pdf, "4 0 obj\n<< /Length %zu >>\nstream\n%s\nendstream\nendobj\n", strlen (stream), stream);
  offsets[5] = pdf->len;
  g_string_append_printf (pdf, "5 0 obj\n<< /Filter /Standard /V 1 /R 2 /O %s /U %s /P -44 >>\nendobj\n", o, u);
  xref = pdf->len;
  g_string_append (pdf, "xref\n0 6\n0000000000 65535 f \n");
  for (int i = 1; i <= 5; i++)
    g_string_append_printf (pdf, "%010zu 00000 n \n", offsets[i]);
  g_string_append_printf (pdf, "trailer\n<< /Size 6 /Root 1 0 R /Encrypt 5 0 R "
                               "/ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] >>\n"
                               "startxref\n%zu\n%%%%EOF\n", xref);
  if (!g_file_set_contents (path, pdf->str, pdf->len, NULL))
    g_error ("cannot write %s", path);
  g_string_free (pdf, TRUE);
}

static void
write_bad (const char *dir)
{
  g_autofree char *scanned = g_strdup_printf ("%s/bad-scanned.pdf", dir);
  g_autofree char *encrypted = g_strdup_printf ("%s/bad-encrypted.pdf", dir);
  g_autofree char *docx = g_strdup_printf ("%s/ssa-tessaly-marrow.docx", dir);
  g_autofree char *corrupt = g_strdup_printf ("%s/bad-corrupt.docx", dir);
  g_autofree char *garbage = g_strdup_printf ("%s/bad-garbage.txt", dir);
  g_autofree char *fake_pdf = g_strdup_printf ("%s/bad-not-really.pdf", dir);
  g_autofree char *contents = NULL;
  gsize length;
  GRand *rand = g_rand_new_with_seed (7);
  GString *noise = g_string_new (NULL);

  write_scanned_pdf (scanned);
  write_encrypted_pdf (encrypted);

  /* A Word file cut short and with its middle overwritten, as a failed download leaves it. */
  if (!g_file_get_contents (docx, &contents, &length, NULL))
    g_error ("render the DOCX first");
  for (gsize i = 200; i < length / 2; i++)
    contents[i] = (char) g_rand_int_range (rand, 0, 256);
  if (!g_file_set_contents (corrupt, contents, length * 2 / 3, NULL))
    g_error ("cannot write %s", corrupt);

  for (int i = 0; i < 4096; i++)
    g_string_append_c (noise, (char) g_rand_int_range (rand, 0, 256));
  if (!g_file_set_contents (garbage, noise->str, noise->len, NULL) ||
      !g_file_set_contents (fake_pdf, noise->str, noise->len, NULL))
    g_error ("cannot write the garbage files");
  g_string_free (noise, TRUE);
  g_rand_free (rand);
}

int
main (int    argc,
      char **argv)
{
  const char *dir = argc > 1 ? argv[1] : "tests/data/import";
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (d == NULL)
    g_error ("no such folder: %s", dir);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".src"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *src = g_strdup_printf ("%s/%s", dir, (char *) g_ptr_array_index (names, i));
      Doc *doc = load (src);
      g_auto(GStrv) formats = g_strsplit (doc->formats ? doc->formats : "txt", " ", -1);

      for (guint k = 0; formats[k]; k++)
        {
          g_autofree char *out = g_strdup_printf ("%s/%s.%s", dir, doc->name, formats[k]);

          if (g_str_equal (formats[k], "txt"))
            {
              g_autofree char *text = render_text (doc);
              write_text (doc, out, text);
            }
          else if (g_str_equal (formats[k], "md"))
            {
              g_autofree char *text = render_markdown (doc);
              write_text (doc, out, text);
            }
          else if (g_str_equal (formats[k], "html"))
            {
              g_autofree char *text = render_html (doc);
              write_text (doc, out, text);
            }
          else if (g_str_equal (formats[k], "docx"))
            write_docx (doc, out);
          else if (g_str_equal (formats[k], "odt"))
            write_odt (doc, out);
          else if (g_str_equal (formats[k], "pdf"))
            write_pdf (doc, out);
          else
            g_error ("%s: unknown format %s", src, formats[k]);
          g_print ("%s\n", out);
        }
      write_expected (doc, dir);
    }
  write_bad (dir);
  return 0;
}
