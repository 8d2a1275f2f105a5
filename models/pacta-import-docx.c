/* pacta-import-docx.c — Word documents (Office Open XML), through libarchive and libxml2
 *
 * Paragraphs in document order; headings from the paragraph style (its name or outline
 * level, following "based on"); automatic numbering rebuilt from numbering.xml ("1.",
 * "(a)", "Article %1"); tables cell by cell; tracked deletions, field codes and alternate
 * content left out. Running headers and footers live in other parts and never come in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-import-docx"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/tree.h>
#include <string.h>

#include "pacta-import-private.h"
#include "pacta-xml-private.h"

typedef struct
{
  char     *based_on;
  int       heading;    /* 1–9, 0 when not a heading style */
  int       num_id;     /* numbering given by the style, 0 when none */
  int       ilvl;
  gboolean  bold;
  gboolean  centered;
} Style;

typedef struct
{
  PactaNumberFormat  format[9];
  char              *text[9];     /* lvlText: "%1.", "(%2)" */
  int                start[9];
} AbstractNum;

typedef struct
{
  int  abstract;
  int  start_override[9];         /* 0 when none */
  int  counters[9];
  gboolean started[9];
} Num;

typedef struct
{
  PactaImportSource *source;
  const char        *file;
  GHashTable        *styles;      /* id → Style */
  GHashTable        *abstracts;   /* int → AbstractNum */
  GHashTable        *nums;        /* int → Num */
  guint              paragraphs;
  guint              blocks;
  guint              block;       /* current table cell, 0 outside tables */
} Docx;

static void
style_free (gpointer data)
{
  Style *style = data;

  g_free (style->based_on);
  g_free (style);
}

static void
abstract_free (gpointer data)
{
  AbstractNum *abstract = data;

  for (guint i = 0; i < 9; i++)
    g_free (abstract->text[i]);
  g_free (abstract);
}

static xmlNode *
child (xmlNode    *node,
       const char *name)
{
  for (xmlNode *c = node ? node->children : NULL; c; c = c->next)
    if (_pacta_import_xml_is (c, name))
      return c;
  return NULL;
}

static int
attr_int (xmlNode    *node,
          const char *name,
          int         fallback)
{
  g_autofree char *value = _pacta_import_xml_attr (node, name);

  return value ? atoi (value) : fallback;
}

/* <w:b/>, <w:b w:val="true"/>, but not <w:b w:val="0"/>. */
static gboolean
toggle_on (xmlNode *node)
{
  g_autofree char *value = _pacta_import_xml_attr (node, "val");

  if (node == NULL)
    return FALSE;
  return value == NULL || !(g_str_equal (value, "0") || g_str_equal (value, "false") || g_str_equal (value, "off"));
}

static int
heading_from_name (const char *name)
{
  g_autofree char *folded = _pacta_import_fold (name ? name : "");
  static const char * const prefixes[] = { "heading", "titre", "titulo", "ueberschrift", "berschrift", NULL };

  if (g_str_equal (folded, "title") || g_str_equal (folded, "titre") || g_str_equal (folded, "titulo"))
    return 1;
  for (guint i = 0; prefixes[i]; i++)
    {
      gsize n = strlen (prefixes[i]);

      if (strncmp (folded, prefixes[i], n) == 0)
        {
          const char *rest = folded + n;

          while (*rest == ' ')
            rest++;
          if (g_ascii_isdigit (*rest))
            return CLAMP (atoi (rest), 1, 9);
        }
    }
  return 0;
}

static void
read_styles (Docx   *docx,
             xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *s = root ? root->children : NULL; s; s = s->next)
    {
      Style *style;
      xmlNode *ppr, *rpr, *name, *based, *numpr;
      g_autofree char *id = NULL;
      g_autofree char *style_name = NULL;

      if (!_pacta_import_xml_is (s, "style"))
        continue;
      id = _pacta_import_xml_attr (s, "styleId");
      if (id == NULL)
        continue;
      style = g_new0 (Style, 1);
      name = child (s, "name");
      style_name = _pacta_import_xml_attr (name, "val");
      style->heading = heading_from_name (style_name ? style_name : id);
      based = child (s, "basedOn");
      style->based_on = _pacta_import_xml_attr (based, "val");
      ppr = child (s, "pPr");
      rpr = child (s, "rPr");
      if (ppr != NULL)
        {
          xmlNode *outline = child (ppr, "outlineLvl");
          g_autofree char *jc = _pacta_import_xml_attr (child (ppr, "jc"), "val");

          if (outline != NULL && style->heading == 0)
            {
              int level = attr_int (outline, "val", 9);
              if (level < 9)
                style->heading = level + 1;
            }
          numpr = child (ppr, "numPr");
          if (numpr != NULL)
            {
              style->num_id = attr_int (child (numpr, "numId"), "val", 0);
              style->ilvl = attr_int (child (numpr, "ilvl"), "val", 0);
            }
          style->centered = g_strcmp0 (jc, "center") == 0;
        }
      if (rpr != NULL)
        style->bold = toggle_on (child (rpr, "b"));
      g_hash_table_insert (docx->styles, g_steal_pointer (&id), style);
    }
}

static PactaNumberFormat
number_format (const char *fmt)
{
  if (fmt == NULL || g_str_equal (fmt, "decimal") || g_str_equal (fmt, "decimalZero") || g_str_equal (fmt, "ordinal"))
    return PACTA_NUMBER_DECIMAL;
  if (g_str_equal (fmt, "lowerLetter"))
    return PACTA_NUMBER_LOWER_LETTER;
  if (g_str_equal (fmt, "upperLetter"))
    return PACTA_NUMBER_UPPER_LETTER;
  if (g_str_equal (fmt, "lowerRoman"))
    return PACTA_NUMBER_LOWER_ROMAN;
  if (g_str_equal (fmt, "upperRoman"))
    return PACTA_NUMBER_UPPER_ROMAN;
  if (g_str_equal (fmt, "bullet"))
    return PACTA_NUMBER_BULLET;
  if (g_str_equal (fmt, "none"))
    return PACTA_NUMBER_NONE;
  return PACTA_NUMBER_DECIMAL;
}

static void
read_numbering (Docx   *docx,
                xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *n = root ? root->children : NULL; n; n = n->next)
    {
      if (_pacta_import_xml_is (n, "abstractNum"))
        {
          AbstractNum *abstract = g_new0 (AbstractNum, 1);
          int id = attr_int (n, "abstractNumId", -1);

          for (guint i = 0; i < 9; i++)
            abstract->start[i] = 1;
          for (xmlNode *lvl = n->children; lvl; lvl = lvl->next)
            {
              int ilvl;
              g_autofree char *fmt = NULL;

              if (!_pacta_import_xml_is (lvl, "lvl"))
                continue;
              ilvl = attr_int (lvl, "ilvl", -1);
              if (ilvl < 0 || ilvl > 8)
                continue;
              fmt = _pacta_import_xml_attr (child (lvl, "numFmt"), "val");
              abstract->format[ilvl] = number_format (fmt);
              g_free (abstract->text[ilvl]);
              abstract->text[ilvl] = _pacta_import_xml_attr (child (lvl, "lvlText"), "val");
              abstract->start[ilvl] = attr_int (child (lvl, "start"), "val", 1);
            }
          g_hash_table_insert (docx->abstracts, GINT_TO_POINTER (id), abstract);
        }
      else if (_pacta_import_xml_is (n, "num"))
        {
          Num *num = g_new0 (Num, 1);
          int id = attr_int (n, "numId", -1);

          num->abstract = attr_int (child (n, "abstractNumId"), "val", -1);
          for (xmlNode *o = n->children; o; o = o->next)
            if (_pacta_import_xml_is (o, "lvlOverride"))
              {
                int ilvl = attr_int (o, "ilvl", -1);
                xmlNode *start = child (o, "startOverride");

                if (ilvl >= 0 && ilvl < 9 && start != NULL)
                  num->start_override[ilvl] = attr_int (start, "val", 1);
              }
          g_hash_table_insert (docx->nums, GINT_TO_POINTER (id), num);
        }
    }
}

/* Style attributes, following "based on" (at most a few steps, against loops). */
static void
resolve_style (Docx       *docx,
               const char *id,
               int        *heading,
               int        *num_id,
               int        *ilvl,
               gboolean   *bold,
               gboolean   *centered)
{
  for (guint depth = 0; id != NULL && depth < 12; depth++)
    {
      Style *style = g_hash_table_lookup (docx->styles, id);

      if (style == NULL)
        break;
      if (*heading == 0)
        *heading = style->heading;
      if (*num_id == 0 && style->num_id != 0)
        {
          *num_id = style->num_id;
          *ilvl = style->ilvl;
        }
      *bold = *bold || style->bold;
      *centered = *centered || style->centered;
      id = style->based_on;
    }
}

static char *
number_label (Docx *docx,
              int   num_id,
              int   ilvl)
{
  Num *num = g_hash_table_lookup (docx->nums, GINT_TO_POINTER (num_id));
  AbstractNum *abstract;
  GString *label;
  const char *pattern;

  if (num == NULL || ilvl < 0 || ilvl > 8)
    return NULL;
  abstract = g_hash_table_lookup (docx->abstracts, GINT_TO_POINTER (num->abstract));
  if (abstract == NULL)
    return NULL;

  /* Advance this level, restart the deeper ones. */
  if (!num->started[ilvl])
    {
      num->counters[ilvl] = num->start_override[ilvl] ? num->start_override[ilvl] : abstract->start[ilvl];
      num->started[ilvl] = TRUE;
    }
  else
    num->counters[ilvl]++;
  for (int deeper = ilvl + 1; deeper < 9; deeper++)
    num->started[deeper] = FALSE;

  if (abstract->format[ilvl] == PACTA_NUMBER_NONE)
    return NULL;
  if (abstract->format[ilvl] == PACTA_NUMBER_BULLET)
    return g_strdup ("•");
  pattern = abstract->text[ilvl] ? abstract->text[ilvl] : "%1.";
  label = g_string_new (NULL);
  for (const char *p = pattern; *p; p++)
    {
      if (p[0] == '%' && p[1] >= '1' && p[1] <= '9')
        {
          int level = p[1] - '1';
          g_autofree char *value = _pacta_import_format_number (abstract->format[level],
                                                                num->started[level] ? num->counters[level] : abstract->start[level]);
          g_string_append (label, value);
          p++;
        }
      else
        g_string_append_c (label, *p);
    }
  g_strstrip (label->str);
  label->len = strlen (label->str);
  if (label->len == 0)
    {
      g_string_free (label, TRUE);
      return NULL;
    }
  return g_string_free (label, FALSE);
}

typedef struct
{
  GString  *text;
  guint     letters;
  guint     bold_letters;
  gboolean  style_bold;
} Collect;

static void
count_letters (Collect    *c,
               const char *text,
               gboolean    bold)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      {
        c->letters++;
        c->bold_letters += bold;
      }
}

static void
collect_runs (xmlNode *node,
              Collect *c)
{
  for (xmlNode *n = node->children; n; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE)
        continue;
      if (_pacta_import_xml_is (n, "r"))
        {
          xmlNode *rpr = child (n, "rPr");
          xmlNode *b = rpr ? child (rpr, "b") : NULL;
          gboolean bold = b ? toggle_on (b) : c->style_bold;

          for (xmlNode *r = n->children; r; r = r->next)
            {
              if (_pacta_import_xml_is (r, "t"))
                {
                  xmlChar *content = xmlNodeGetContent (r);

                  g_string_append (c->text, (const char *) content);
                  count_letters (c, (const char *) content, bold);
                  xmlFree (content);
                }
              else if (_pacta_import_xml_is (r, "tab") || _pacta_import_xml_is (r, "ptab"))
                g_string_append_c (c->text, ' ');
              else if (_pacta_import_xml_is (r, "br") || _pacta_import_xml_is (r, "cr"))
                g_string_append_c (c->text, '\n');
              else if (_pacta_import_xml_is (r, "noBreakHyphen"))
                g_string_append_c (c->text, '-');
            }
        }
      else if (_pacta_import_xml_is (n, "hyperlink") || _pacta_import_xml_is (n, "ins") || _pacta_import_xml_is (n, "smartTag") || _pacta_import_xml_is (n, "sdt") ||
               _pacta_import_xml_is (n, "sdtContent") || _pacta_import_xml_is (n, "fldSimple") || _pacta_import_xml_is (n, "customXml") || _pacta_import_xml_is (n, "moveTo") ||
               _pacta_import_xml_is (n, "dir") || _pacta_import_xml_is (n, "bdo"))
        collect_runs (n, c);
      /* w:del, w:moveFrom, mc:AlternateContent, w:drawing, bookmarks: nothing to read. */
    }
}

/* A paragraph that numbers itself ("Article 5 Export…") keeps its own number rather than
 * the one automatic numbering would put before it. */
static gboolean
numbered_header (const char *text)
{
  PactaImportHeader header = { 0 };
  gboolean numbered = _pacta_import_parse_header (text, &header) && header.value >= 0;

  _pacta_import_header_clear (&header);
  return numbered;
}

static void
add_paragraph (Docx    *docx,
               xmlNode *p)
{
  xmlNode *ppr = child (p, "pPr");
  g_autofree char *style_id = NULL;
  g_autofree char *jc = NULL;
  int heading = 0, num_id = 0, ilvl = 0;
  gboolean bold = FALSE, centered = FALSE;
  g_autofree char *label = NULL;
  Collect c = { g_string_new (NULL), 0, 0, FALSE };
  PactaImportLineFlags flags = 0;
  g_auto(GStrv) parts = NULL;

  docx->paragraphs++;
  if (ppr != NULL)
    {
      xmlNode *numpr = child (ppr, "numPr");
      xmlNode *outline = child (ppr, "outlineLvl");

      style_id = _pacta_import_xml_attr (child (ppr, "pStyle"), "val");
      jc = _pacta_import_xml_attr (child (ppr, "jc"), "val");
      if (numpr != NULL)
        {
          num_id = attr_int (child (numpr, "numId"), "val", 0);
          ilvl = attr_int (child (numpr, "ilvl"), "val", 0);
          if (num_id == 0)
            num_id = -1; /* numbering switched off for this paragraph */
        }
      if (outline != NULL)
        {
          int level = attr_int (outline, "val", 9);
          if (level < 9)
            heading = level + 1;
        }
      {
        xmlNode *rpr = child (ppr, "rPr");
        if (rpr && child (rpr, "b") && toggle_on (child (rpr, "b")))
          c.style_bold = TRUE;
      }
    }
  resolve_style (docx, style_id ? style_id : "Normal", &heading, &num_id, &ilvl, &bold, &centered);
  c.style_bold = c.style_bold || bold;
  if (jc != NULL)
    centered = g_str_equal (jc, "center");

  collect_runs (p, &c);
  if (num_id > 0)
    label = number_label (docx, num_id, ilvl);

  if (heading > 0)
    flags |= PACTA_IMPORT_LINE_HEADING;
  if (c.letters > 0 && c.bold_letters * 10 >= c.letters * 9)
    flags |= PACTA_IMPORT_LINE_BOLD;
  if (centered)
    flags |= PACTA_IMPORT_LINE_CENTERED;
  if (docx->block != 0)
    flags |= PACTA_IMPORT_LINE_TABLE;

  parts = g_strsplit (c.text->str, "\n", -1);
  for (guint i = 0; parts[i]; i++)
    {
      g_autofree char *text = NULL;
      PactaImportLine *line;

      if (i == 0 && label != NULL)
        {
          g_autofree char *clean = _pacta_import_clean (parts[i], -1);

          /* Some documents type the number as well as numbering the paragraph. */
          if (!g_str_has_prefix (clean, label) && !numbered_header (clean))
            {
              text = g_strdup_printf ("%s %s", label, parts[i]);
              flags |= PACTA_IMPORT_LINE_LIST;
            }
        }
      if (text == NULL)
        text = g_strdup (parts[i]);
      line = pacta_import_source_add_line (docx->source, text, flags, heading > 0 ? MIN (heading, 6) : 0);
      line->origin = docx->paragraphs;
      line->block = docx->block;
    }
  g_string_free (c.text, TRUE);
}

static void walk_blocks (Docx    *docx,
                         xmlNode *parent);

static void
add_table (Docx    *docx,
           xmlNode *table)
{
  guint outer = docx->block;

  for (xmlNode *tr = table->children; tr; tr = tr->next)
    {
      if (!_pacta_import_xml_is (tr, "tr"))
        continue;
      for (xmlNode *tc = tr->children; tc; tc = tc->next)
        {
          if (_pacta_import_xml_is (tc, "sdt"))
            tc = child (child (tc, "sdtContent"), "tc") ? child (child (tc, "sdtContent"), "tc") : tc;
          if (!_pacta_import_xml_is (tc, "tc"))
            continue;
          docx->block = ++docx->blocks;
          walk_blocks (docx, tc);
        }
    }
  docx->block = outer;
}

static void
walk_blocks (Docx    *docx,
             xmlNode *parent)
{
  for (xmlNode *n = parent->children; n; n = n->next)
    {
      if (_pacta_import_xml_is (n, "p"))
        add_paragraph (docx, n);
      else if (_pacta_import_xml_is (n, "tbl"))
        add_table (docx, n);
      else if (_pacta_import_xml_is (n, "sdt"))
        {
          xmlNode *content = child (n, "sdtContent");
          if (content)
            walk_blocks (docx, content);
        }
      else if (_pacta_import_xml_is (n, "customXml") || _pacta_import_xml_is (n, "ins") || _pacta_import_xml_is (n, "moveTo"))
        walk_blocks (docx, n);
    }
}

static xmlDoc *
parse_member (GHashTable  *members,
              const char  *name,
              const char  *file,
              GError     **error)
{
  GBytes *bytes = g_hash_table_lookup (members, name);
  g_autofree char *where = NULL;

  if (bytes == NULL)
    return NULL;
  where = g_strdup_printf ("%s (%s)", file, name);
  return _pacta_xml_parse (bytes, where, error);
}

gboolean
_pacta_import_read_docx (PactaImportSource  *source,
                         GBytes             *bytes,
                         GError            **error)
{
  static const char * const wanted[] = {
    "word/document.xml", "word/styles.xml", "word/numbering.xml", NULL
  };
  const char *file = pacta_import_source_get_path (source);
  g_autoptr(GHashTable) members = NULL;
  g_autoptr(xmlDoc) document = NULL;
  g_autoptr(GError) local_error = NULL;
  Docx docx = { source, file, NULL, NULL, NULL, 0, 0, 0 };
  xmlNode *body;

  members = _pacta_import_unzip (bytes, file, wanted, error);
  if (members == NULL)
    return FALSE;
  if (!g_hash_table_contains (members, "word/document.xml"))
    {
      _pacta_import_set_error (error, PACTA_ERROR_MALFORMED, file, "%s",
                               _("not a Word document: the archive has no word/document.xml"));
      return FALSE;
    }

  docx.styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, style_free);
  docx.abstracts = g_hash_table_new_full (NULL, NULL, NULL, abstract_free);
  docx.nums = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  {
    g_autoptr(xmlDoc) styles = parse_member (members, "word/styles.xml", file, &local_error);
    g_autoptr(xmlDoc) numbering = NULL;

    if (styles != NULL)
      read_styles (&docx, styles);
    else if (local_error != NULL)
      {
        pacta_import_source_add_warning (source, 0, _("styles ignored: %s"), local_error->message);
        g_clear_error (&local_error);
      }
    numbering = parse_member (members, "word/numbering.xml", file, &local_error);
    if (numbering != NULL)
      read_numbering (&docx, numbering);
    else if (local_error != NULL)
      {
        pacta_import_source_add_warning (source, 0, _("automatic numbering ignored: %s"), local_error->message);
        g_clear_error (&local_error);
      }
  }

  document = parse_member (members, "word/document.xml", file, error);
  if (document != NULL)
    {
      body = child (xmlDocGetRootElement (document), "body");
      if (body != NULL)
        walk_blocks (&docx, body);
    }

  g_hash_table_unref (docx.styles);
  g_hash_table_unref (docx.abstracts);
  g_hash_table_unref (docx.nums);
  return document != NULL;
}
