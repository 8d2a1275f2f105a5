/* pacta-akn-reader.c — Akoma Ntoso 3.0 (and 2.0) into a PactaAgreement
 *
 * The reader is lenient: it takes Pacta's profile, AKN 2.0, and section- or hcontainer-based
 * documents from other tools. What it does not interpret it keeps verbatim, so that a save
 * gives back what came in (see pacta-akn-writer.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-akn-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pacta-agreement-private.h"
#include "pacta-akn-reader.h"
#include "pacta-provision-private.h"
#include "pacta-xml-private.h"

typedef struct
{
  const char     *file;
  GBytes         *source;
  PactaAgreement *agreement;
  GHashTable     *organizations;  /* eId → showAs */
  GPtrArray      *work_authors;   /* eIds named by FRBRWork/FRBRauthor */
  gboolean        has_proprietary;
  char           *work_date;
  /* Verbatim pieces, handed to the agreement only once every fact is set, since the
   * agreement's setters drop what they would make stale. */
  char           *pieces[PACTA_AGREEMENT_N_XML];
} Reader;

static const struct
{
  const char         *element;
  PactaProvisionKind  kind;
} hierarchy_elements[] = {
  { "part", PACTA_PROVISION_KIND_PART },
  { "subpart", PACTA_PROVISION_KIND_PART },
  { "book", PACTA_PROVISION_KIND_PART },
  { "tome", PACTA_PROVISION_KIND_PART },
  { "title", PACTA_PROVISION_KIND_PART },
  { "subtitle", PACTA_PROVISION_KIND_PART },
  { "chapter", PACTA_PROVISION_KIND_CHAPTER },
  { "subchapter", PACTA_PROVISION_KIND_CHAPTER },
  { "division", PACTA_PROVISION_KIND_CHAPTER },
  { "subdivision", PACTA_PROVISION_KIND_CHAPTER },
  { "section", PACTA_PROVISION_KIND_SECTION },
  { "subsection", PACTA_PROVISION_KIND_SECTION },
  { "article", PACTA_PROVISION_KIND_ARTICLE },
  { "rule", PACTA_PROVISION_KIND_ARTICLE },
  { "subrule", PACTA_PROVISION_KIND_PARAGRAPH },
  { "clause", PACTA_PROVISION_KIND_PARAGRAPH },
  { "subclause", PACTA_PROVISION_KIND_PARAGRAPH },
  { "paragraph", PACTA_PROVISION_KIND_PARAGRAPH },
  { "subparagraph", PACTA_PROVISION_KIND_PARAGRAPH },
  { "alinea", PACTA_PROVISION_KIND_PARAGRAPH },
  { "list", PACTA_PROVISION_KIND_LIST },
  { "sublist", PACTA_PROVISION_KIND_LIST },
  { "point", PACTA_PROVISION_KIND_POINT },
  { "indent", PACTA_PROVISION_KIND_POINT },
  { "level", PACTA_PROVISION_KIND_CONTAINER },
  { "transitional", PACTA_PROVISION_KIND_CONTAINER },
  { "proviso", PACTA_PROVISION_KIND_CONTAINER },
  { "hcontainer", PACTA_PROVISION_KIND_CONTAINER },
};

static gboolean
lookup_hierarchy (xmlNode            *node,
                  PactaProvisionKind *kind)
{
  if (node->type != XML_ELEMENT_NODE || !_pacta_xml_is_akn_ns (node))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (hierarchy_elements); i++)
    if (g_str_equal ((const char *) node->name, hierarchy_elements[i].element))
      {
        *kind = hierarchy_elements[i].kind;
        return TRUE;
      }
  return FALSE;
}

gboolean
pacta_akn_is_hierarchy_element (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (hierarchy_elements); i++)
    if (g_str_equal (name, hierarchy_elements[i].element))
      return TRUE;
  return FALSE;
}

static char *
strip_hash (const char *ref)
{
  if (ref == NULL)
    return NULL;
  return g_strdup (ref[0] == '#' ? ref + 1 : ref);
}

static char **
parse_refers_to (const char *value)
{
  g_auto(GStrv) tokens = NULL;
  GStrvBuilder *builder;
  char **result;

  if (value == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  tokens = g_strsplit_set (value, " \t\n\r", -1);
  for (guint i = 0; tokens[i]; i++)
    if (tokens[i][0] != '\0')
      {
        g_autofree char *slug = strip_hash (tokens[i]);
        g_strv_builder_add (builder, slug);
      }
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

/* Attributes other than the ones the model carries, serialised for the writer. */
static char *
serialise_other_attributes (xmlNode            *node,
                            const char * const *known)
{
  GString *out = NULL;

  for (xmlAttr *attr = node->properties; attr; attr = attr->next)
    {
      g_autofree char *escaped = NULL;
      xmlChar *value;

      if (attr->ns == NULL && g_strv_contains (known, (const char *) attr->name))
        continue;
      if (out == NULL)
        out = g_string_new (NULL);
      value = xmlNodeGetContent ((xmlNode *) attr);
      escaped = g_markup_escape_text (value ? (const char *) value : "", -1);
      xmlFree (value);
      if (attr->ns != NULL && attr->ns->prefix != NULL)
        g_string_append_printf (out, " %s:%s=\"%s\"", attr->ns->prefix, attr->name, escaped);
      else
        g_string_append_printf (out, " %s=\"%s\"", attr->name, escaped);
    }
  return out ? g_string_free (out, FALSE) : NULL;
}

static char *
trimmed_inner (xmlNode *node)
{
  char *inner = _pacta_xml_inner (node);

  if (inner != NULL)
    g_strstrip (inner);
  if (inner != NULL && inner[0] == '\0')
    g_clear_pointer (&inner, g_free);
  return inner;
}

static gboolean
is_blank_text (xmlNode *node)
{
  if (node->type != XML_TEXT_NODE)
    return FALSE;
  for (const xmlChar *p = node->content; p && *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static PactaProvision *read_hierarchy (Reader             *reader,
                                       xmlNode            *node,
                                       PactaProvisionKind  kind);

static void
append_text (GString    *text,
             const char *more)
{
  if (more == NULL || more[0] == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, more);
}

static PactaProvision *
read_hierarchy (Reader             *reader,
                xmlNode            *node,
                PactaProvisionKind  kind)
{
  static const char * const known_attrs[] = { "eId", "refersTo", NULL };
  static const char * const known_attrs_v2[] = { "id", "refersTo", NULL };
  PactaProvision *provision = pacta_provision_new (kind, (const char *) node->name);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *eid = _pacta_xml_attr (node, "eId");
  g_autofree char *refers = _pacta_xml_attr (node, "refersTo");
  g_autofree char *attrs = NULL;
  g_auto(GStrv) slugs = NULL;
  int known_children = 0;

  /* AKN 2.0 called the identifier "id". */
  if (eid == NULL)
    {
      eid = _pacta_xml_attr (node, "id");
      attrs = serialise_other_attributes (node, known_attrs_v2);
    }
  else
    attrs = serialise_other_attributes (node, known_attrs);

  pacta_provision_set_eid (provision, eid);
  slugs = parse_refers_to (refers);
  pacta_provision_set_refers_to (provision, (const char * const *) slugs);
  _pacta_provision_set_xml (provision, PACTA_PROVISION_XML_ATTRS, attrs);

  for (xmlNode *child = node->children; child; child = child->next)
    {
      PactaProvisionKind child_kind;

      if (is_blank_text (child))
        continue;

      if (child->type == XML_ELEMENT_NODE && _pacta_xml_is_akn_ns (child))
        {
          const char *name = (const char *) child->name;

          if (g_str_equal (name, "num") || g_str_equal (name, "heading") ||
              g_str_equal (name, "subheading"))
            {
              g_autofree char *inner = trimmed_inner (child);
              g_autofree char *plain = _pacta_xml_text (child);
              PactaProvisionXml which = g_str_equal (name, "num") ? PACTA_PROVISION_XML_NUM
                                        : g_str_equal (name, "heading") ? PACTA_PROVISION_XML_HEADING
                                        : PACTA_PROVISION_XML_SUBHEADING;

              if (which == PACTA_PROVISION_XML_NUM)
                pacta_provision_set_num (provision, plain);
              else if (which == PACTA_PROVISION_XML_HEADING)
                pacta_provision_set_heading (provision, plain);
              _pacta_provision_set_xml (provision, which, inner ? inner : "");
              continue;
            }

          if (g_str_equal (name, "content") || g_str_equal (name, "intro") ||
              g_str_equal (name, "wrapUp"))
            {
              g_autofree char *inner = trimmed_inner (child);
              g_autofree char *plain = _pacta_xml_block_text (child);
              PactaProvisionXml which = g_str_equal (name, "content") ? PACTA_PROVISION_XML_CONTENT
                                        : g_str_equal (name, "intro") ? PACTA_PROVISION_XML_INTRO
                                        : PACTA_PROVISION_XML_WRAP_UP;

              append_text (text, plain);
              _pacta_provision_set_xml (provision, which, inner ? inner : "");
              continue;
            }

          if (lookup_hierarchy (child, &child_kind))
            {
              g_autoptr(PactaProvision) sub = read_hierarchy (reader, child, child_kind);

              pacta_provision_append (provision, sub);
              known_children++;
              continue;
            }
        }

      /* Anything else stays where it was, untouched. */
      {
        g_autofree char *outer = _pacta_xml_outer (child);

        if (child->type == XML_TEXT_NODE)
          {
            g_autofree char *plain = _pacta_xml_text (child);
            append_text (text, plain);
          }
        _pacta_provision_add_extra (provision, known_children - 1, outer);
      }
    }

  /* set_text() forgets the kept XML; restore it after setting the plain text. */
  if (text->len > 0)
    {
      g_autofree char *content = g_strdup (_pacta_provision_get_xml (provision, PACTA_PROVISION_XML_CONTENT));
      g_autofree char *intro = g_strdup (_pacta_provision_get_xml (provision, PACTA_PROVISION_XML_INTRO));
      g_autofree char *wrap_up = g_strdup (_pacta_provision_get_xml (provision, PACTA_PROVISION_XML_WRAP_UP));

      pacta_provision_set_text (provision, text->str);
      _pacta_provision_set_xml (provision, PACTA_PROVISION_XML_CONTENT, content);
      _pacta_provision_set_xml (provision, PACTA_PROVISION_XML_INTRO, intro);
      _pacta_provision_set_xml (provision, PACTA_PROVISION_XML_WRAP_UP, wrap_up);
    }

  return provision;
}

/* A preamble, conclusions, annex or unknown element: kept whole, with its words for reading. */
static PactaProvision *
read_opaque (xmlNode            *node,
             PactaProvisionKind  kind)
{
  PactaProvision *provision = pacta_provision_new (kind, (const char *) node->name);
  g_autofree char *outer = _pacta_xml_outer (node);
  g_autofree char *text = _pacta_xml_block_text (node);
  g_autofree char *eid = _pacta_xml_attr (node, "eId");

  pacta_provision_set_eid (provision, eid);
  pacta_provision_set_text (provision, text);

  if (kind == PACTA_PROVISION_KIND_ATTACHMENT)
    {
      xmlNode *doc = NULL;

      for (xmlNode *child = node->children; child && doc == NULL; child = child->next)
        if (child->type == XML_ELEMENT_NODE)
          doc = child;
      if (doc != NULL)
        {
          g_autofree char *name = _pacta_xml_attr (doc, "name");
          xmlNode *title = NULL;
          /* An annex's title is its first docTitle, wherever its publisher put it. */
          for (xmlNode *n = doc; n; )
            {
              if (_pacta_xml_is (n, "docTitle"))
                {
                  title = n;
                  break;
                }
              if (n->children && !_pacta_xml_is (n, "meta"))
                n = n->children;
              else
                {
                  while (n && n->next == NULL && n != doc)
                    n = n->parent;
                  if (n == NULL || n == doc)
                    break;
                  n = n->next;
                }
            }
          if (title != NULL)
            {
              g_autofree char *heading = _pacta_xml_text (title);
              pacta_provision_set_heading (provision, heading);
            }
          else if (name != NULL)
            pacta_provision_set_heading (provision, name);
        }
    }

  _pacta_provision_set_xml (provision, PACTA_PROVISION_XML_OPAQUE, outer);
  return provision;
}

static void
set_piece (Reader            *reader,
           PactaAgreementXml  which,
           char              *xml)
{
  g_free (reader->pieces[which]);
  reader->pieces[which] = xml;
}

static void
append_xml (Reader            *reader,
            PactaAgreementXml  which,
            xmlNode           *node)
{
  char *outer = _pacta_xml_outer (node);
  const char *before = reader->pieces[which];

  if (before != NULL)
    {
      set_piece (reader, which, g_strconcat (before, "\n", outer, NULL));
      g_free (outer);
    }
  else
    set_piece (reader, which, outer);
}

static const char *
language_to_iso639_1 (const char *code)
{
  static const char * const map[][2] = {
    { "eng", "en" }, { "fra", "fr" }, { "fre", "fr" }, { "spa", "es" }, { "por", "pt" },
    { "ara", "ar" }, { "deu", "de" }, { "ger", "de" }, { "ita", "it" }, { "rus", "ru" },
    { "zho", "zh" }, { "chi", "zh" }, { "nld", "nl" }, { "dut", "nl" }, { "swa", "sw" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_ascii_strcasecmp (code, map[i][0]) == 0)
      return map[i][1];
  return code;
}

static void
read_identification (Reader  *reader,
                     xmlNode *node)
{
  PactaAgreement *agreement = reader->agreement;
  xmlNode *work = _pacta_xml_first_child (node, "FRBRWork");
  xmlNode *expression = _pacta_xml_first_child (node, "FRBRExpression");

  for (xmlNode *child = work ? work->children : NULL; child; child = child->next)
    {
      if (_pacta_xml_is (child, "FRBRuri"))
        {
          g_autofree char *value = _pacta_xml_attr (child, "value");
          pacta_agreement_set_work_uri (agreement, value);
        }
      else if (_pacta_xml_is (child, "FRBRdate") && reader->work_date == NULL)
        {
          /* Only a date that marks conclusion of the text counts as its signature. */
          g_autofree char *name = _pacta_xml_attr (child, "name");
          g_autofree char *lower = g_ascii_strdown (name ? name : "", -1);

          if (strstr (lower, "sign") || strstr (lower, "adopt") || strstr (lower, "conclu") ||
              strstr (lower, "enact") || strstr (lower, "draft"))
            reader->work_date = _pacta_xml_attr (child, "date");
        }
      else if (_pacta_xml_is (child, "FRBRauthor"))
        {
          g_autofree char *href = _pacta_xml_attr (child, "href");
          if (href != NULL)
            g_ptr_array_add (reader->work_authors, strip_hash (href));
        }
      else if (_pacta_xml_is (child, "FRBRalias"))
        {
          g_autofree char *name = _pacta_xml_attr (child, "name");
          g_autofree char *value = _pacta_xml_attr (child, "value");

          if (g_strcmp0 (name, "short") == 0 || pacta_agreement_get_short_title (agreement) == NULL)
            pacta_agreement_set_short_title (agreement, value);
        }
      else if (_pacta_xml_is (child, "FRBRname") && pacta_agreement_get_short_title (agreement) == NULL)
        {
          g_autofree char *value = _pacta_xml_attr (child, "value");
          pacta_agreement_set_short_title (agreement, value);
        }
    }

  for (xmlNode *child = expression ? expression->children : NULL; child; child = child->next)
    if (_pacta_xml_is (child, "FRBRlanguage"))
      {
        g_autofree char *language = _pacta_xml_attr (child, "language");
        if (language != NULL)
          pacta_agreement_set_language (agreement, language_to_iso639_1 (language));
        break;
      }
}

static void
read_lifecycle (Reader  *reader,
                xmlNode *node)
{
  for (xmlNode *child = node->children; child; child = child->next)
    {
      g_autofree char *date = NULL;
      g_autofree char *refers = NULL;
      g_autofree char *type = NULL;

      if (!_pacta_xml_is (child, "eventRef"))
        continue;
      date = _pacta_xml_attr (child, "date");
      refers = _pacta_xml_attr (child, "refersTo");
      type = _pacta_xml_attr (child, "type");

      if (refers != NULL && strstr (refers, "signature") != NULL)
        pacta_agreement_set_date_signed (reader->agreement, date);
      else if (refers != NULL && (strstr (refers, "entry-into-force") || strstr (refers, "entryIntoForce")))
        pacta_agreement_set_date_in_force (reader->agreement, date);
      else if (g_strcmp0 (type, "generation") == 0 && pacta_agreement_get_date_signed (reader->agreement) == NULL)
        pacta_agreement_set_date_signed (reader->agreement, date);
    }
}

static void
read_references (Reader  *reader,
                 xmlNode *node)
{
  for (xmlNode *child = node->children; child; child = child->next)
    {
      g_autofree char *eid = NULL;
      g_autofree char *show_as = NULL;

      if (!_pacta_xml_is (child, "TLCOrganization") && !_pacta_xml_is (child, "TLCConcept"))
        continue;
      eid = _pacta_xml_attr (child, "eId");
      if (eid == NULL)
        eid = _pacta_xml_attr (child, "id");
      show_as = _pacta_xml_attr (child, "showAs");
      if (eid == NULL)
        continue;

      if (_pacta_xml_is (child, "TLCOrganization"))
        g_hash_table_insert (reader->organizations, g_steal_pointer (&eid), g_steal_pointer (&show_as));
      else
        _pacta_agreement_add_concept (reader->agreement, eid, show_as);
    }
}

static gboolean
is_pacta_element (xmlNode    *node,
                  const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_strcmp0 ((const char *) node->ns->href, PACTA_NS_PROPRIETARY) == 0 &&
         g_str_equal ((const char *) node->name, name);
}

static xmlNode *
find_pacta_agreement (xmlNode *proprietary)
{
  for (xmlNode *child = proprietary->children; child; child = child->next)
    if (is_pacta_element (child, "agreement"))
      return child;
  return NULL;
}

static void
read_proprietary (Reader  *reader,
                  xmlNode *node)
{
  PactaAgreement *agreement = reader->agreement;
  g_autofree char *kind = _pacta_xml_attr (node, "kind");
  g_autofree char *status = _pacta_xml_attr (node, "status");
  g_autofree char *language = _pacta_xml_attr (node, "language");

  reader->has_proprietary = TRUE;
  if (kind != NULL)
    pacta_agreement_set_kind (agreement, pacta_agreement_kind_from_string (kind));
  if (status != NULL)
    pacta_agreement_set_status (agreement, pacta_agreement_status_from_string (status));
  if (language != NULL)
    pacta_agreement_set_language (agreement, language);

  for (xmlNode *child = node->children; child; child = child->next)
    {
      if (is_pacta_element (child, "shortTitle"))
        {
          g_autofree char *text = _pacta_xml_text (child);
          pacta_agreement_set_short_title (agreement, text);
        }
      else if (is_pacta_element (child, "party"))
        {
          g_autofree char *ref = _pacta_xml_attr (child, "ref");
          g_autofree char *eid = strip_hash (ref);
          g_autofree char *code = _pacta_xml_attr (child, "code");
          g_autofree char *role = _pacta_xml_attr (child, "role");
          const char *name = eid ? g_hash_table_lookup (reader->organizations, eid) : NULL;
          g_autoptr(PactaParty) party = NULL;

          if (code == NULL)
            code = g_strdup (eid ? eid : "??");
          party = pacta_party_new (code, name, role);
          pacta_party_set_eid (party, eid);
          pacta_agreement_add_party (agreement, party);
        }
      else if (is_pacta_element (child, "signature"))
        {
          g_autofree char *date = _pacta_xml_attr (child, "date");
          g_autofree char *place = _pacta_xml_attr (child, "place");

          if (date != NULL)
            pacta_agreement_set_date_signed (agreement, date);
          pacta_agreement_set_place_signed (agreement, place);
        }
      else if (is_pacta_element (child, "entryIntoForce"))
        {
          g_autofree char *date = _pacta_xml_attr (child, "date");
          pacta_agreement_set_date_in_force (agreement, date);
        }
    }
}

/* Without Pacta's proprietary block, the parties are the organisations that author the work,
 * or failing that every organisation referenced. */
static void
guess_parties (Reader *reader)
{
  g_autoptr(GPtrArray) eids = g_ptr_array_new ();

  /* States are known by their two-letter ISO 3166 codes; a parliament or a secretariat that
   * authored a text is not a party to it. */
  for (guint i = 0; i < reader->work_authors->len; i++)
    {
      const char *eid = g_ptr_array_index (reader->work_authors, i);
      if (strlen (eid) == 2 && g_hash_table_contains (reader->organizations, eid) &&
          !g_ptr_array_find_with_equal_func (eids, eid, g_str_equal, NULL))
        g_ptr_array_add (eids, (gpointer) eid);
    }

  if (eids->len == 0)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, reader->organizations);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (strlen (key) == 2)
          g_ptr_array_add (eids, key);
      g_ptr_array_sort (eids, (GCompareFunc) g_strcmp0);
    }

  for (guint i = 0; i < eids->len; i++)
    {
      const char *eid = g_ptr_array_index (eids, i);
      g_autoptr(PactaParty) party = pacta_party_new (eid, g_hash_table_lookup (reader->organizations, eid), "party");

      pacta_party_set_eid (party, eid);
      pacta_agreement_add_party (reader->agreement, party);
    }
}

static void
read_meta (Reader  *reader,
           xmlNode *meta)
{
  xmlNode *pacta_block = NULL;

  /* References first: parties in the proprietary block are named there. */
  for (xmlNode *child = meta->children; child; child = child->next)
    if (_pacta_xml_is (child, "references"))
      read_references (reader, child);

  for (xmlNode *child = meta->children; child; child = child->next)
    {
      const char *name;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      name = (const char *) child->name;

      if (_pacta_xml_is (child, "identification"))
        {
          read_identification (reader, child);
          append_xml (reader, PACTA_AGREEMENT_XML_IDENTIFICATION, child);
        }
      else if (_pacta_xml_is (child, "lifecycle"))
        {
          read_lifecycle (reader, child);
          append_xml (reader, PACTA_AGREEMENT_XML_LIFECYCLE, child);
        }
      else if (_pacta_xml_is (child, "references"))
        append_xml (reader, PACTA_AGREEMENT_XML_REFERENCES, child);
      else if (_pacta_xml_is (child, "proprietary") && pacta_block == NULL &&
               (pacta_block = find_pacta_agreement (child)) != NULL)
        {
          read_proprietary (reader, pacta_block);
          append_xml (reader, PACTA_AGREEMENT_XML_PROPRIETARY, child);
        }
      else if (g_str_equal (name, "publication") || g_str_equal (name, "classification"))
        append_xml (reader, PACTA_AGREEMENT_XML_META_PUBLICATION, child);
      else if (g_str_equal (name, "workflow") || g_str_equal (name, "analysis") ||
               g_str_equal (name, "temporalData"))
        append_xml (reader, PACTA_AGREEMENT_XML_META_ANALYSIS, child);
      else if (g_str_equal (name, "notes"))
        append_xml (reader, PACTA_AGREEMENT_XML_META_NOTES, child);
      else
        append_xml (reader, PACTA_AGREEMENT_XML_META_TAIL, child);
    }
}

static xmlNode *
find_descendant (xmlNode    *node,
                 const char *name)
{
  for (xmlNode *child = node ? node->children : NULL; child; child = child->next)
    {
      xmlNode *found;

      if (_pacta_xml_is (child, name))
        return child;
      if ((found = find_descendant (child, name)) != NULL)
        return found;
    }
  return NULL;
}

static void
read_body (Reader  *reader,
           xmlNode *body)
{
  for (xmlNode *child = body->children; child; child = child->next)
    {
      g_autoptr(PactaProvision) provision = NULL;
      PactaProvisionKind kind;

      if (is_blank_text (child) || child->type == XML_COMMENT_NODE)
        continue;
      if (lookup_hierarchy (child, &kind))
        provision = read_hierarchy (reader, child, kind);
      else if (child->type == XML_ELEMENT_NODE)
        provision = read_opaque (child, PACTA_PROVISION_KIND_CONTAINER);
      else
        continue;
      pacta_agreement_append_provision (reader->agreement, provision);
    }
}

static const char * const body_names[] = { "body", "mainBody", "portionBody", "judgmentBody", "debateBody", "amendmentBody", "collectionBody", NULL };

static gboolean
read_document (Reader   *reader,
               xmlNode  *document,
               GError  **error)
{
  static const char * const known_attrs[] = { "name", NULL };
  PactaAgreement *agreement = reader->agreement;
  g_autofree char *name = _pacta_xml_attr (document, "name");
  g_autofree char *attrs = NULL;
  PactaAgreementKind kind = pacta_agreement_kind_from_string (name);
  xmlNode *body = NULL;
  xmlNode *title = NULL;

  pacta_agreement_set_document_type (agreement, (const char *) document->name);
  pacta_agreement_set_kind (agreement, kind);

  /* An unknown @name (e.g. "act" from a legislature) is kept as it was. */
  attrs = serialise_other_attributes (document, kind != PACTA_AGREEMENT_KIND_UNKNOWN ? known_attrs : (const char * const[]) { NULL });

  for (xmlNode *child = document->children; child; child = child->next)
    if (child->type == XML_ELEMENT_NODE && _pacta_xml_is_akn_ns (child) &&
        g_strv_contains (body_names, (const char *) child->name))
      body = child;

  if (body == NULL)
    {
      g_autoptr(PactaProblem) problem =
        pacta_problem_new (reader->file, _pacta_xml_line (document),
                           _pacta_xml_column (reader->source, _pacta_xml_line (document), (const char *) document->name),
                           _("the document has no body (expected <body> or <mainBody>)"));
      pacta_set_error_from_problem (error, PACTA_ERROR_UNSUPPORTED, problem);
      return FALSE;
    }

  for (xmlNode *child = document->children; child; child = child->next)
    {
      const char *child_name;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      child_name = (const char *) child->name;

      if (_pacta_xml_is (child, "meta"))
        read_meta (reader, child);
      else if (_pacta_xml_is (child, "coverPage"))
        append_xml (reader, PACTA_AGREEMENT_XML_COVER, child);
      else if (_pacta_xml_is (child, "preface"))
        {
          g_autofree char *inner = trimmed_inner (child);

          set_piece (reader, PACTA_AGREEMENT_XML_PREFACE, inner ? g_steal_pointer (&inner) : g_strdup (""));
          title = find_descendant (child, "docTitle");
          if (title == NULL)
            title = find_descendant (child, "longTitle");
        }
      else if (_pacta_xml_is (child, "preamble"))
        {
          g_autoptr(PactaProvision) preamble = read_opaque (child, PACTA_PROVISION_KIND_PREAMBLE);
          pacta_agreement_append_provision (agreement, preamble);
        }
      else if (child == body)
        {
          /* Keep which body element a non-act document used. */
          if (!g_str_equal (child_name, "body"))
            set_piece (reader, PACTA_AGREEMENT_XML_BODY_NAME, g_strdup (child_name));
          read_body (reader, child);
        }
      else if (_pacta_xml_is (child, "conclusions"))
        {
          g_autoptr(PactaProvision) conclusions = read_opaque (child, PACTA_PROVISION_KIND_CONCLUSIONS);
          pacta_agreement_append_provision (agreement, conclusions);
        }
      else if (_pacta_xml_is (child, "attachments"))
        {
          for (xmlNode *attachment = child->children; attachment; attachment = attachment->next)
            if (attachment->type == XML_ELEMENT_NODE)
              {
                g_autoptr(PactaProvision) annex = read_opaque (attachment, PACTA_PROVISION_KIND_ATTACHMENT);
                pacta_agreement_append_provision (agreement, annex);
              }
        }
      else
        append_xml (reader, PACTA_AGREEMENT_XML_TRAILER, child);
    }

  set_piece (reader, PACTA_AGREEMENT_XML_ROOT_ATTRS, g_steal_pointer (&attrs));

  if (title != NULL)
    {
      g_autofree char *text = _pacta_xml_text (title);
      pacta_agreement_set_title (agreement, text);
    }

  return TRUE;
}

static void
read_namespaces (Reader  *reader,
                 xmlNode *root)
{
  GString *out = NULL;

  for (xmlNs *ns = root->nsDef; ns; ns = ns->next)
    {
      const char *href = (const char *) ns->href;
      g_autofree char *escaped = NULL;

      if (ns->prefix == NULL)
        continue;
      if (g_strcmp0 ((const char *) ns->prefix, "pacta") == 0 && g_strcmp0 (href, PACTA_NS_PROPRIETARY) == 0)
        continue;
      /* A prefixed Akoma Ntoso namespace is rebound to 3.0, like the default one. */
      if (g_strcmp0 (href, PACTA_NS_AKN2) == 0)
        href = PACTA_NS_AKN3;
      if (out == NULL)
        out = g_string_new (NULL);
      escaped = g_markup_escape_text (href, -1);
      g_string_append_printf (out, " xmlns:%s=\"%s\"", ns->prefix, escaped);
    }
  /* Attributes of the root too (xsi:schemaLocation and the like). */
  {
    g_autofree char *attrs = serialise_other_attributes (root, (const char * const[]) { NULL });

    if (attrs != NULL)
      {
        if (out == NULL)
          out = g_string_new (NULL);
        g_string_append (out, attrs);
      }
  }
  if (out != NULL)
    {
      set_piece (reader, PACTA_AGREEMENT_XML_NAMESPACES, g_string_free (out, FALSE));
    }
}

/* Facts the file did not state are inferred so every agreement has a kind of status. */
static void
infer_missing (Reader *reader)
{
  PactaAgreement *agreement = reader->agreement;

  if (g_list_model_get_n_items (pacta_agreement_get_parties (agreement)) == 0)
    guess_parties (reader);

  if (pacta_agreement_get_date_signed (agreement) == NULL && reader->work_date != NULL &&
      !reader->has_proprietary)
    pacta_agreement_set_date_signed (agreement, reader->work_date);

  if (pacta_agreement_get_status (agreement) == PACTA_AGREEMENT_STATUS_UNKNOWN && !reader->has_proprietary)
    {
      if (g_strcmp0 (pacta_agreement_get_document_type (agreement), "bill") == 0)
        pacta_agreement_set_status (agreement, PACTA_AGREEMENT_STATUS_DRAFT);
      else if (pacta_agreement_get_date_in_force (agreement) != NULL)
        pacta_agreement_set_status (agreement, PACTA_AGREEMENT_STATUS_IN_FORCE);
      else if (pacta_agreement_get_date_signed (agreement) != NULL)
        pacta_agreement_set_status (agreement, PACTA_AGREEMENT_STATUS_SIGNED);
    }
}

PactaAgreement *
pacta_akn_load_bytes (GBytes      *bytes,
                      const char  *file,
                      GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(PactaAgreement) agreement = NULL;
  g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) organizations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Reader reader = { file, bytes, NULL, organizations, authors, FALSE, NULL, { NULL } };
  xmlNode *root;
  xmlNode *document = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (file == NULL)
    file = reader.file = "-";

  doc = _pacta_xml_parse (bytes, file, error);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (!g_str_equal ((const char *) root->name, "akomaNtoso") || !_pacta_xml_is_akn_ns (root))
    {
      g_autofree char *message = NULL;
      g_autoptr(PactaProblem) problem = NULL;
      int line = _pacta_xml_line (root);

      if (g_str_equal ((const char *) root->name, "akomaNtoso"))
        message = g_strdup_printf (_("<akomaNtoso> is not in an Akoma Ntoso namespace (found “%s”; expected %s or %s)"),
                                   root->ns ? (const char *) root->ns->href : "",
                                   PACTA_NS_AKN3, PACTA_NS_AKN2);
      else
        message = g_strdup_printf (_("the root element is <%s>, not Akoma Ntoso's <akomaNtoso>"),
                                   (const char *) root->name);
      problem = pacta_problem_new (file, line, _pacta_xml_column (bytes, line, (const char *) root->name), message);
      pacta_set_error_from_problem (error, PACTA_ERROR_UNSUPPORTED, problem);
      return NULL;
    }

  for (xmlNode *child = root->children; child && document == NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && _pacta_xml_is_akn_ns (child))
      document = child;

  if (document == NULL)
    {
      int line = _pacta_xml_line (root);
      g_autoptr(PactaProblem) problem =
        pacta_problem_new (file, line, _pacta_xml_column (bytes, line, "akomaNtoso"),
                           _("<akomaNtoso> contains no document (expected <act> or <bill>)"));
      pacta_set_error_from_problem (error, PACTA_ERROR_UNSUPPORTED, problem);
      return NULL;
    }

  agreement = pacta_agreement_new ();
  reader.agreement = agreement;
  read_namespaces (&reader, root);

  if (read_document (&reader, document, error))
    infer_missing (&reader);
  else
    g_clear_object (&agreement);

  for (guint i = 0; i < PACTA_AGREEMENT_N_XML; i++)
    {
      if (agreement != NULL)
        _pacta_agreement_set_xml (agreement, i, reader.pieces[i]);
      g_free (reader.pieces[i]);
    }
  g_free (reader.work_date);
  return g_steal_pointer (&agreement);
}

PactaAgreement *
pacta_akn_load_file (const char  *path,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  PactaAgreement *agreement;

  g_return_val_if_fail (path != NULL, NULL);

  bytes = _pacta_read_file (path, error);
  if (bytes == NULL)
    return NULL;

  agreement = pacta_akn_load_bytes (bytes, path, error);
  if (agreement != NULL)
    pacta_agreement_set_path (agreement, path);
  return agreement;
}
