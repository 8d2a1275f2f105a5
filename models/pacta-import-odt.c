/* pacta-import-odt.c — OpenDocument text, through libarchive and libxml2
 *
 * Headings (text:h and paragraph styles with an outline level), paragraphs, lists with
 * their numbers rebuilt from the list styles ("1.", "(a)"), tables cell by cell; notes,
 * annotations and tracked changes left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-import-odt"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/tree.h>
#include <string.h>

#include "pacta-import-private.h"
#include "pacta-xml-private.h"

typedef struct
{
  char     *parent;
  int       outline;    /* default outline level, 0 when none */
  gboolean  bold;
  gboolean  centered;
  char     *list_style;
} ParaStyle;

typedef struct
{
  PactaNumberFormat  format;
  char              *prefix;
  char              *suffix;
  int                start;
  int                display;  /* text:display-levels */
} ListLevel;

typedef struct
{
  ListLevel levels[10];
} ListStyle;

typedef struct
{
  PactaImportSource *source;
  GHashTable        *styles;      /* name → ParaStyle */
  GHashTable        *lists;       /* name → ListStyle */
  guint              paragraphs;
  guint              blocks;
  guint              block;
  int                outline_counters[10];
  gboolean           outline_started[10];
} Odt;

static void
para_style_free (gpointer data)
{
  ParaStyle *style = data;

  g_free (style->parent);
  g_free (style->list_style);
  g_free (style);
}

static void
list_style_free (gpointer data)
{
  ListStyle *style = data;

  for (guint i = 0; i < G_N_ELEMENTS (style->levels); i++)
    {
      g_free (style->levels[i].prefix);
      g_free (style->levels[i].suffix);
    }
  g_free (style);
}

static int
attr_int (xmlNode    *node,
          const char *name,
          int         fallback)
{
  g_autofree char *value = _pacta_import_xml_attr (node, name);

  return value ? atoi (value) : fallback;
}

static PactaNumberFormat
number_format (const char *format)
{
  if (format == NULL || format[0] == '\0')
    return PACTA_NUMBER_NONE;
  switch (format[0])
    {
    case '1': return PACTA_NUMBER_DECIMAL;
    case 'a': return PACTA_NUMBER_LOWER_LETTER;
    case 'A': return PACTA_NUMBER_UPPER_LETTER;
    case 'i': return PACTA_NUMBER_LOWER_ROMAN;
    case 'I': return PACTA_NUMBER_UPPER_ROMAN;
    default: return PACTA_NUMBER_DECIMAL;
    }
}

static int
heading_from_name (const char *name)
{
  g_autofree char *folded = _pacta_import_fold (name ? name : "");
  const char *rest = NULL;

  if (g_str_has_prefix (folded, "heading"))
    rest = folded + strlen ("heading");
  else if (g_str_has_prefix (folded, "titre"))
    rest = folded + strlen ("titre");
  else if (g_str_has_prefix (folded, "titulo"))
    rest = folded + strlen ("titulo");
  if (rest == NULL)
    return g_str_equal (folded, "title") ? 1 : 0;
  while (*rest == '_' || *rest == ' ')
    rest++;
  if (g_str_has_prefix (rest, "20"))
    rest += 2; /* "Heading_20_1" is "Heading 1" with the space encoded */
  while (*rest == '_' || *rest == ' ')
    rest++;
  return g_ascii_isdigit (*rest) ? CLAMP (atoi (rest), 1, 9) : 0;
}

static void
read_style_container (Odt     *odt,
                      xmlNode *container)
{
  for (xmlNode *s = container ? container->children : NULL; s; s = s->next)
    {
      if (_pacta_import_xml_is (s, "style"))
        {
          g_autofree char *name = _pacta_import_xml_attr (s, "name");
          g_autofree char *family = _pacta_import_xml_attr (s, "family");
          ParaStyle *style;

          if (name == NULL || g_strcmp0 (family, "paragraph") != 0)
            continue;
          style = g_new0 (ParaStyle, 1);
          style->parent = _pacta_import_xml_attr (s, "parent-style-name");
          style->list_style = _pacta_import_xml_attr (s, "list-style-name");
          style->outline = attr_int (s, "default-outline-level", 0);
          if (style->outline == 0)
            {
              g_autofree char *display = _pacta_import_xml_attr (s, "display-name");
              style->outline = heading_from_name (display ? display : name);
            }
          for (xmlNode *p = s->children; p; p = p->next)
            {
              if (_pacta_import_xml_is (p, "text-properties"))
                {
                  g_autofree char *weight = _pacta_import_xml_attr (p, "font-weight");
                  style->bold = weight && (g_str_equal (weight, "bold") || atoi (weight) >= 600);
                }
              else if (_pacta_import_xml_is (p, "paragraph-properties"))
                {
                  g_autofree char *align = _pacta_import_xml_attr (p, "text-align");
                  style->centered = g_strcmp0 (align, "center") == 0;
                }
            }
          g_hash_table_replace (odt->styles, g_steal_pointer (&name), style);
        }
      else if (_pacta_import_xml_is (s, "list-style") || _pacta_import_xml_is (s, "outline-style"))
        {
          /* The outline style numbers headings ("Article 1", "1.2"); it is kept under a
           * name no list style can have. */
          g_autofree char *name = _pacta_import_xml_is (s, "outline-style") ? g_strdup (" outline") : _pacta_import_xml_attr (s, "name");
          ListStyle *list;

          if (name == NULL)
            continue;
          list = g_new0 (ListStyle, 1);
          for (guint i = 0; i < G_N_ELEMENTS (list->levels); i++)
            {
              list->levels[i].format = PACTA_NUMBER_NONE;
              list->levels[i].start = 1;
              list->levels[i].display = 1;
            }
          for (xmlNode *l = s->children; l; l = l->next)
            {
              int level = attr_int (l, "level", 0);
              ListLevel *ll;

              if (level < 1 || level > 10)
                continue;
              ll = &list->levels[level - 1];
              if (_pacta_import_xml_is (l, "list-level-style-number") || _pacta_import_xml_is (l, "outline-level-style"))
                {
                  g_autofree char *format = _pacta_import_xml_attr (l, "num-format");

                  ll->format = number_format (format);
                  ll->prefix = _pacta_import_xml_attr (l, "num-prefix");
                  ll->suffix = _pacta_import_xml_attr (l, "num-suffix");
                  ll->start = attr_int (l, "start-value", 1);
                  ll->display = attr_int (l, "display-levels", 1);
                }
              else if (_pacta_import_xml_is (l, "list-level-style-bullet"))
                ll->format = PACTA_NUMBER_BULLET;
            }
          g_hash_table_replace (odt->lists, g_steal_pointer (&name), list);
        }
    }
}

static void
read_styles (Odt    *odt,
             xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *n = root ? root->children : NULL; n; n = n->next)
    if (_pacta_import_xml_is (n, "styles") || _pacta_import_xml_is (n, "automatic-styles"))
      read_style_container (odt, n);
}

static void
resolve (Odt        *odt,
         const char *name,
         int        *outline,
         gboolean   *bold,
         gboolean   *centered,
         char      **list_style)
{
  for (guint depth = 0; name != NULL && depth < 12; depth++)
    {
      ParaStyle *style = g_hash_table_lookup (odt->styles, name);

      if (style == NULL)
        break;
      if (*outline == 0)
        *outline = style->outline;
      *bold = *bold || style->bold;
      *centered = *centered || style->centered;
      if (*list_style == NULL && style->list_style)
        *list_style = g_strdup (style->list_style);
      name = style->parent;
    }
}

/* A list being read: its style and counters per level. */
typedef struct
{
  ListStyle *style;
  int        counters[10];
  gboolean   started[10];
} ListState;

static void
collect_text (xmlNode *node,
              GString *out)
{
  for (xmlNode *n = node->children; n; n = n->next)
    {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        g_string_append (out, (const char *) n->content);
      else if (n->type != XML_ELEMENT_NODE)
        continue;
      else if (_pacta_import_xml_is (n, "s"))
        {
          int count = attr_int (n, "c", 1);
          for (int i = 0; i < count && i < 100; i++)
            g_string_append_c (out, ' ');
        }
      else if (_pacta_import_xml_is (n, "tab"))
        g_string_append_c (out, ' ');
      else if (_pacta_import_xml_is (n, "line-break"))
        g_string_append_c (out, '\n');
      else if (_pacta_import_xml_is (n, "note") || _pacta_import_xml_is (n, "annotation") || _pacta_import_xml_is (n, "annotation-end") ||
               _pacta_import_xml_is (n, "tracked-changes") || _pacta_import_xml_is (n, "frame") || _pacta_import_xml_is (n, "bookmark") ||
               _pacta_import_xml_is (n, "bookmark-start") || _pacta_import_xml_is (n, "bookmark-end") || _pacta_import_xml_is (n, "soft-page-break") ||
               _pacta_import_xml_is (n, "change") || _pacta_import_xml_is (n, "change-start") || _pacta_import_xml_is (n, "change-end"))
        continue;
      else
        collect_text (n, out); /* span, a, meta, ruby… */
    }
}

static char *
list_label (ListState *list,
            int        level,
            int        start_override)
{
  ListLevel *ll;
  GString *label;
  int first;

  if (list == NULL || list->style == NULL || level < 0 || level >= 10)
    return NULL;
  ll = &list->style->levels[level];
  if (start_override > 0)
    {
      list->counters[level] = start_override;
      list->started[level] = TRUE;
    }
  else if (!list->started[level])
    {
      list->counters[level] = ll->start;
      list->started[level] = TRUE;
    }
  else
    list->counters[level]++;
  for (int deeper = level + 1; deeper < 10; deeper++)
    list->started[deeper] = FALSE;

  if (ll->format == PACTA_NUMBER_NONE)
    return NULL;
  if (ll->format == PACTA_NUMBER_BULLET)
    return g_strdup ("•");
  label = g_string_new (ll->prefix);
  first = MAX (0, level - ll->display + 1);
  for (int l = first; l <= level; l++)
    {
      g_autofree char *value = _pacta_import_format_number (list->style->levels[l].format, list->counters[l]);

      if (l > first)
        g_string_append_c (label, '.');
      g_string_append (label, value);
    }
  if (ll->suffix)
    g_string_append (label, ll->suffix);
  return g_string_free (label, FALSE);
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
add_paragraph (Odt       *odt,
               xmlNode   *p,
               gboolean   heading_element,
               char      *label)
{
  g_autofree char *style = _pacta_import_xml_attr (p, "style-name");
  g_autofree char *list_style = NULL;
  int outline = heading_element ? attr_int (p, "outline-level", 1) : 0;
  gboolean bold = FALSE, centered = FALSE;
  GString *text = g_string_new (NULL);
  PactaImportLineFlags flags = 0;
  g_auto(GStrv) parts = NULL;

  odt->paragraphs++;
  resolve (odt, style, &outline, &bold, &centered, &list_style);
  collect_text (p, text);
  if (outline > 0)
    flags |= PACTA_IMPORT_LINE_HEADING;
  if (bold)
    flags |= PACTA_IMPORT_LINE_BOLD;
  if (centered)
    flags |= PACTA_IMPORT_LINE_CENTERED;
  if (odt->block)
    flags |= PACTA_IMPORT_LINE_TABLE;

  parts = g_strsplit (text->str, "\n", -1);
  for (guint i = 0; parts[i]; i++)
    {
      g_autofree char *line_text = NULL;
      PactaImportLine *line;

      if (i == 0 && label != NULL)
        {
          g_autofree char *clean = _pacta_import_clean (parts[i], -1);

          if (!g_str_has_prefix (clean, label) && !numbered_header (clean))
            {
              line_text = g_strdup_printf ("%s %s", label, parts[i]);
              flags |= PACTA_IMPORT_LINE_LIST;
            }
        }
      if (line_text == NULL)
        line_text = g_strdup (parts[i]);
      line = pacta_import_source_add_line (odt->source, line_text, flags, outline > 0 ? MIN (outline, 6) : 0);
      line->origin = odt->paragraphs;
      line->block = odt->block;
    }
  g_string_free (text, TRUE);
}

static gboolean
has_number_child (xmlNode *node)
{
  for (xmlNode *c = node->children; c; c = c->next)
    if (_pacta_import_xml_is (c, "number"))
      return TRUE;
  return FALSE;
}

/* The number the outline style gives a heading, unless the document wrote it out. */
static char *
outline_label (Odt     *odt,
               xmlNode *heading)
{
  ListStyle *outline = g_hash_table_lookup (odt->lists, " outline");
  int level = attr_int (heading, "outline-level", 1) - 1;
  g_autofree char *header = _pacta_import_xml_attr (heading, "is-list-header");
  ListState state = { 0 };
  char *label;

  if (outline == NULL || level < 0 || level >= 10 || has_number_child (heading) ||
      g_strcmp0 (header, "true") == 0 || outline->levels[level].format == PACTA_NUMBER_NONE)
    return NULL;
  state.style = outline;
  memcpy (state.counters, odt->outline_counters, sizeof state.counters);
  memcpy (state.started, odt->outline_started, sizeof state.started);
  label = list_label (&state, level, attr_int (heading, "restart-numbering", 0) ? attr_int (heading, "start-value", 1) : 0);
  memcpy (odt->outline_counters, state.counters, sizeof state.counters);
  memcpy (odt->outline_started, state.started, sizeof state.started);
  return label;
}

static void walk (Odt       *odt,
                  xmlNode   *parent,
                  ListState *list,
                  int        level);

static void
add_list (Odt       *odt,
          xmlNode   *node,
          ListState *outer,
          int        level)
{
  g_autofree char *style_name = _pacta_import_xml_attr (node, "style-name");
  ListState fresh = { 0 };
  ListState *list = outer;

  if (outer == NULL)
    {
      fresh.style = style_name ? g_hash_table_lookup (odt->lists, style_name) : NULL;
      list = &fresh;
    }
  else if (style_name != NULL && list->style == NULL)
    list->style = g_hash_table_lookup (odt->lists, style_name);

  for (xmlNode *item = node->children; item; item = item->next)
    {
      gboolean header = _pacta_import_xml_is (item, "list-header");
      int start = attr_int (item, "start-value", 0);
      gboolean numbered_done = FALSE;

      if (!_pacta_import_xml_is (item, "list-item") && !header)
        continue;
      for (xmlNode *c = item->children; c; c = c->next)
        {
          if ((_pacta_import_xml_is (c, "p") || _pacta_import_xml_is (c, "h")) && !numbered_done)
            {
              g_autofree char *label = header ? NULL : list_label (list, level, start);

              add_paragraph (odt, c, _pacta_import_xml_is (c, "h"), label);
              numbered_done = TRUE;
            }
          else if (_pacta_import_xml_is (c, "p") || _pacta_import_xml_is (c, "h"))
            add_paragraph (odt, c, _pacta_import_xml_is (c, "h"), NULL);
          else if (_pacta_import_xml_is (c, "list"))
            add_list (odt, c, list, level + 1);
          else
            walk (odt, c, list, level);
        }
    }
}

static void
add_table (Odt     *odt,
           xmlNode *table)
{
  guint outer = odt->block;

  for (xmlNode *row = table->children; row; row = row->next)
    {
      if (_pacta_import_xml_is (row, "table-header-rows") || _pacta_import_xml_is (row, "table-rows") || _pacta_import_xml_is (row, "table-row-group"))
        {
          add_table (odt, row);
          continue;
        }
      if (!_pacta_import_xml_is (row, "table-row"))
        continue;
      for (xmlNode *cell = row->children; cell; cell = cell->next)
        {
          if (!_pacta_import_xml_is (cell, "table-cell"))
            continue;
          odt->block = ++odt->blocks;
          walk (odt, cell, NULL, 0);
        }
    }
  odt->block = outer;
}

static void
walk (Odt       *odt,
      xmlNode   *parent,
      ListState *list,
      int        level)
{
  for (xmlNode *n = parent->children; n; n = n->next)
    {
      if (_pacta_import_xml_is (n, "p"))
        add_paragraph (odt, n, FALSE, NULL);
      else if (_pacta_import_xml_is (n, "h"))
        {
          g_autofree char *label = outline_label (odt, n);

          add_paragraph (odt, n, TRUE, label);
        }
      else if (_pacta_import_xml_is (n, "list"))
        add_list (odt, n, NULL, 0);
      else if (_pacta_import_xml_is (n, "table"))
        add_table (odt, n);
      else if (_pacta_import_xml_is (n, "section") || _pacta_import_xml_is (n, "index-body") || _pacta_import_xml_is (n, "numbered-paragraph"))
        walk (odt, n, list, level);
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
_pacta_import_read_odt (PactaImportSource  *source,
                        GBytes             *bytes,
                        GError            **error)
{
  static const char * const wanted[] = { "content.xml", "styles.xml", "mimetype", NULL };
  const char *file = pacta_import_source_get_path (source);
  g_autoptr(GHashTable) members = NULL;
  g_autoptr(xmlDoc) content = NULL;
  g_autoptr(xmlDoc) styles = NULL;
  g_autoptr(GError) local_error = NULL;
  Odt odt = { source, NULL, NULL, 0, 0, 0 };
  xmlNode *body = NULL, *text = NULL;

  members = _pacta_import_unzip (bytes, file, wanted, error);
  if (members == NULL)
    return FALSE;
  if (!g_hash_table_contains (members, "content.xml"))
    {
      _pacta_import_set_error (error, PACTA_ERROR_MALFORMED, file, "%s",
                               _("not an OpenDocument file: the archive has no content.xml"));
      return FALSE;
    }
  {
    GBytes *mimetype = g_hash_table_lookup (members, "mimetype");
    gsize n;
    const char *data = mimetype ? g_bytes_get_data (mimetype, &n) : NULL;

    if (data != NULL && !(n >= 39 && strncmp (data, "application/vnd.oasis.opendocument.text", 39) == 0))
      {
        _pacta_import_set_error (error, PACTA_ERROR_UNSUPPORTED, file, "%s",
                                 _("an OpenDocument file, but not a text document"));
        return FALSE;
      }
  }

  odt.styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, para_style_free);
  odt.lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, list_style_free);

  styles = parse_member (members, "styles.xml", file, &local_error);
  if (styles != NULL)
    read_styles (&odt, styles);
  else if (local_error != NULL)
    pacta_import_source_add_warning (source, 0, _("styles ignored: %s"), local_error->message);

  content = parse_member (members, "content.xml", file, error);
  if (content != NULL)
    {
      read_styles (&odt, content);
      for (xmlNode *n = xmlDocGetRootElement (content)->children; n; n = n->next)
        if (_pacta_import_xml_is (n, "body"))
          body = n;
      for (xmlNode *n = body ? body->children : NULL; n; n = n->next)
        if (_pacta_import_xml_is (n, "text"))
          text = n;
      if (text != NULL)
        walk (&odt, text, NULL, 0);
    }

  g_hash_table_unref (odt.styles);
  g_hash_table_unref (odt.lists);
  return content != NULL;
}
