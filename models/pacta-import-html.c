/* pacta-import-html.c — web pages, through libxml2's HTML parser
 *
 * Block elements become paragraphs, h1–h6 headings; ordered lists get their numbers back
 * ("1.", "(a)", "(i)" after the list's type and start); table cells are read one by one.
 * Scripts, styles, forms and the site's navigation are left out; when the page has a single
 * <main> (or <article>), only that is read. The parser never touches the network.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-import-html"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "pacta-import-private.h"
#include "pacta-xml-private.h"

typedef struct
{
  PactaImportSource    *source;
  GString              *para;
  guint                 letters;
  guint                 bold_letters;
  int                   bold_depth;
  PactaImportLineFlags  flags;
  guint8                level;
  guint                 blocks;
  guint                 block;
  guint                 paragraphs;
} Html;

static gboolean
is (xmlNode    *node,
    const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static char *
attr (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static gboolean
is_skipped (xmlNode *node)
{
  static const char * const skipped[] = {
    "head", "script", "style", "noscript", "template", "nav", "form", "button", "select",
    "textarea", "iframe", "svg", "object", "embed", "canvas", "audio", "video", "map", NULL
  };
  /* Words in ids and classes that mark a site's chrome (English, French, Spanish). */
  static const char * const chrome[] = {
    "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "cookie", "cookies",
    "sidebar", "skip", "share", "social", "header", "footer", "banner", "toolbar", "search",
    "cabecera", "pie", "lateral", "migas", "entete", "en-tete", "pied", "piedpage", "recherche",
    "buscador", NULL
  };
  g_autofree char *role = NULL;
  g_autofree char *klass = NULL;
  g_autofree char *id = NULL;
  g_autofree char *style = NULL;

  for (guint i = 0; skipped[i]; i++)
    if (is (node, skipped[i]))
      return TRUE;
  role = attr (node, "role");
  if (role && (g_str_equal (role, "navigation") || g_str_equal (role, "banner") ||
               g_str_equal (role, "contentinfo") || g_str_equal (role, "search")))
    return TRUE;
  style = attr (node, "style");
  if (style && (strstr (style, "display:none") || strstr (style, "display: none")))
    return TRUE;
  {
    g_autofree char *hidden = attr (node, "hidden");

    if (hidden != NULL)
      return TRUE;
  }
  klass = attr (node, "class");
  id = attr (node, "id");
  {
    g_autofree char *names = g_strdup_printf ("%s %s", klass ? klass : "", id ? id : "");
    g_autofree char *lower = g_ascii_strdown (names, -1);
    g_auto(GStrv) tokens = g_regex_split_simple ("[-_ ]+", lower, 0, 0);

    for (guint i = 0; tokens[i]; i++)
      if (g_strv_contains (chrome, tokens[i]))
        return TRUE;
  }
  return FALSE;
}

static gboolean
is_block (xmlNode *node)
{
  static const char * const blocks[] = {
    "p", "div", "section", "article", "main", "li", "h1", "h2", "h3", "h4", "h5", "h6",
    "td", "th", "tr", "table", "blockquote", "pre", "dt", "dd", "dl", "ul", "ol", "caption",
    "figcaption", "address", "center", "header", "footer", "aside", "body", "hr", "tbody",
    "thead", "tfoot", "figure", "fieldset", "details", "summary", NULL
  };

  for (guint i = 0; blocks[i]; i++)
    if (is (node, blocks[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_centered (xmlNode *node)
{
  g_autofree char *align = attr (node, "align");
  g_autofree char *style = attr (node, "style");
  g_autofree char *klass = attr (node, "class");

  return is (node, "center") || (align && g_ascii_strcasecmp (align, "center") == 0) ||
         (style && (strstr (style, "text-align:center") || strstr (style, "text-align: center"))) ||
         (klass && (strstr (klass, "center") || strstr (klass, "centre")));
}

static void
flush (Html *html)
{
  g_auto(GStrv) parts = NULL;
  PactaImportLineFlags flags = html->flags;

  if (html->para->len == 0)
    goto reset;
  if (html->letters > 0 && html->bold_letters * 10 >= html->letters * 9)
    flags |= PACTA_IMPORT_LINE_BOLD;
  if (html->block)
    flags |= PACTA_IMPORT_LINE_TABLE;
  parts = g_strsplit (html->para->str, "\n", -1);
  html->paragraphs++;
  for (guint i = 0; parts[i]; i++)
    {
      PactaImportLine *line = pacta_import_source_add_line (html->source, parts[i], flags, html->level);

      line->origin = html->paragraphs;
      line->block = html->block;
    }
reset:
  g_string_truncate (html->para, 0);
  html->letters = html->bold_letters = 0;
  html->flags = 0;
  html->level = 0;
}

static void
append_text (Html       *html,
             const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (html->para->len > 0 && html->para->str[html->para->len - 1] != ' ' &&
              html->para->str[html->para->len - 1] != '\n')
            g_string_append_c (html->para, ' ');
          continue;
        }
      g_string_append_unichar (html->para, c);
      html->letters++;
      html->bold_letters += html->bold_depth > 0;
    }
}

static PactaNumberFormat
list_format (xmlNode *ol)
{
  g_autofree char *type = attr (ol, "type");
  g_autofree char *style = attr (ol, "style");

  if (style && strstr (style, "lower-alpha"))
    return PACTA_NUMBER_LOWER_LETTER;
  if (style && strstr (style, "upper-alpha"))
    return PACTA_NUMBER_UPPER_LETTER;
  if (style && strstr (style, "lower-roman"))
    return PACTA_NUMBER_LOWER_ROMAN;
  if (style && strstr (style, "upper-roman"))
    return PACTA_NUMBER_UPPER_ROMAN;
  if (type == NULL)
    return PACTA_NUMBER_DECIMAL;
  switch (type[0])
    {
    case 'a': return PACTA_NUMBER_LOWER_LETTER;
    case 'A': return PACTA_NUMBER_UPPER_LETTER;
    case 'i': return PACTA_NUMBER_LOWER_ROMAN;
    case 'I': return PACTA_NUMBER_UPPER_ROMAN;
    default: return PACTA_NUMBER_DECIMAL;
    }
}

static void walk (Html    *html,
                  xmlNode *node);

static void
walk_list (Html    *html,
           xmlNode *list)
{
  gboolean ordered = is (list, "ol");
  PactaNumberFormat format = ordered ? list_format (list) : PACTA_NUMBER_BULLET;
  g_autofree char *start = attr (list, "start");
  int counter = start ? atoi (start) : 1;

  flush (html);
  for (xmlNode *li = list->children; li; li = li->next)
    {
      g_autofree char *value = NULL;

      if (!is (li, "li"))
        {
          if (li->type == XML_ELEMENT_NODE && !is_skipped (li))
            walk (html, li);
          continue;
        }
      value = attr (li, "value");
      if (value != NULL)
        counter = atoi (value);
      flush (html);
      if (format == PACTA_NUMBER_BULLET)
        g_string_append (html->para, "• ");
      else
        {
          g_autofree char *label = _pacta_import_format_number (format, counter);

          if (format == PACTA_NUMBER_DECIMAL)
            g_string_append_printf (html->para, "%s. ", label);
          else
            g_string_append_printf (html->para, "(%s) ", label);
        }
      html->flags |= PACTA_IMPORT_LINE_LIST;
      walk (html, li);
      flush (html);
      counter++;
    }
}

static void
walk (Html    *html,
      xmlNode *node)
{
  for (xmlNode *n = node->children; n; n = n->next)
    {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        {
          append_text (html, (const char *) n->content);
          continue;
        }
      if (n->type != XML_ELEMENT_NODE || is_skipped (n))
        continue;

      if (is (n, "br"))
        {
          g_string_append_c (html->para, '\n');
          continue;
        }
      if (is (n, "ol") || is (n, "ul"))
        {
          walk_list (html, n);
          continue;
        }
      if (is (n, "pre"))
        {
          xmlChar *content = xmlNodeGetContent (n);

          flush (html);
          g_string_append (html->para, (const char *) content);
          xmlFree (content);
          flush (html);
          continue;
        }
      if (is (n, "td") || is (n, "th"))
        {
          guint outer = html->block;

          flush (html);
          html->block = ++html->blocks;
          walk (html, n);
          flush (html);
          html->block = outer;
          continue;
        }
      if (is_block (n))
        {
          gboolean list_item = (html->flags & PACTA_IMPORT_LINE_LIST) && html->para->len > 0 &&
                               html->para->str[html->para->len - 1] == ' ';

          /* A list item's first paragraph stays with its number. */
          if (!list_item)
            flush (html);
          if (n->name[0] == 'h' && n->name[1] >= '1' && n->name[1] <= '6' && n->name[2] == '\0')
            {
              html->flags |= PACTA_IMPORT_LINE_HEADING;
              html->level = n->name[1] - '0';
            }
          if (is_centered (n))
            html->flags |= PACTA_IMPORT_LINE_CENTERED;
          walk (html, n);
          flush (html);
          continue;
        }
      if (is (n, "b") || is (n, "strong"))
        {
          html->bold_depth++;
          walk (html, n);
          html->bold_depth--;
          continue;
        }
      if (is (n, "sup") && html->para->len > 0)
        {
          /* Footnote calls ("…benefits.³") would glue numbers to words. */
          g_autofree char *klass = attr (n, "class");
          xmlChar *content = xmlNodeGetContent (n);
          gboolean footnote = content && strspn ((const char *) content, "0123456789*†‡") == strlen ((const char *) content) &&
                              !(html->para->len > 0 && g_ascii_isdigit (html->para->str[html->para->len - 1]));

          xmlFree (content);
          if (footnote)
            continue;
        }
      walk (html, n);
    }
}

static xmlNode *
find_first (xmlNode    *node,
            const char *name,
            guint      *count)
{
  xmlNode *found = NULL;

  for (xmlNode *n = node; n; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (is (n, name))
        {
          (*count)++;
          if (found == NULL)
            found = n;
          continue;
        }
      {
        xmlNode *inner = find_first (n->children, name, count);
        if (found == NULL)
          found = inner;
      }
    }
  return found;
}

static xmlNode *
find_content (xmlNode *root)
{
  static const char * const ids[] = { "content", "main-content", "maincontent", "contenido", "contenu", "main", NULL };

  for (xmlNode *n = root; n; )
    {
      if (n->type == XML_ELEMENT_NODE)
        {
          g_autofree char *id = attr (n, "id");
          g_autofree char *lower = id ? g_ascii_strdown (id, -1) : NULL;

          if (lower && g_strv_contains (ids, lower))
            return n;
        }
      if (n->children && !(n->type == XML_ELEMENT_NODE && is_skipped (n)))
        n = n->children;
      else
        {
          while (n && n->next == NULL)
            n = n->parent;
          if (n == NULL)
            break;
          n = n->next;
        }
    }
  return NULL;
}

/* The charset the page declares, or UTF-8 when its bytes are UTF-8, else Windows-1252. */
static const char *
page_encoding (const char *data,
               gsize       length)
{
  gsize n = MIN (length, 4096);
  g_autofree char *head = g_ascii_strdown (data, n);

  if (length >= 3 && (guchar) data[0] == 0xEF && (guchar) data[1] == 0xBB && (guchar) data[2] == 0xBF)
    return "UTF-8";
  if (length >= 2 && (guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)
    return "UTF-16LE";
  if (length >= 2 && (guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)
    return "UTF-16BE";
  if (g_strstr_len (head, n, "charset") != NULL)
    return NULL; /* the parser reads the declaration itself */
  if (g_utf8_validate_len (data, length, NULL))
    return "UTF-8";
  return "windows-1252";
}

gboolean
_pacta_import_read_html (PactaImportSource  *source,
                         GBytes             *bytes,
                         GError            **error)
{
  const char *file = pacta_import_source_get_path (source);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autoptr(xmlDoc) doc = NULL;
  Html html = { source, g_string_new (NULL), 0, 0, 0, 0, 0, 0, 0, 0 };
  xmlNode *root, *start;
  guint count = 0;

  if (length > G_MAXINT)
    {
      _pacta_import_set_error (error, PACTA_ERROR_TOO_LARGE, file, "%s", _("the page is too large"));
      return FALSE;
    }
  _pacta_xml_init ();
  doc = htmlReadMemory (data, (int) length, NULL, page_encoding (data, length),
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_RECOVER | HTML_PARSE_COMPACT);
  if (doc == NULL || (root = xmlDocGetRootElement (doc)) == NULL)
    {
      g_string_free (html.para, TRUE);
      _pacta_import_set_error (error, PACTA_ERROR_MALFORMED, file, "%s", _("not a readable HTML page"));
      return FALSE;
    }

  /* A page with one <main> (or one <article>, or one element with the id "content",
   * "contenido", "contenu") keeps its document there. */
  start = find_first (root, "main", &count);
  if (start == NULL || count != 1)
    {
      count = 0;
      start = find_first (root, "article", &count);
      if (count != 1)
        start = NULL;
    }
  if (start == NULL)
    start = find_content (root);
  if (start == NULL)
    {
      count = 0;
      start = find_first (root, "body", &count);
    }
  walk (&html, start ? start : root);
  flush (&html);
  g_string_free (html.para, TRUE);
  return TRUE;
}
