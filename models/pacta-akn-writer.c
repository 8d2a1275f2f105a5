/* pacta-akn-writer.c — a PactaAgreement as Akoma Ntoso 3.0 in Pacta's profile
 *
 * What the reader kept verbatim (metadata blocks, inline markup, unknown elements) is written
 * back as it came; what the model changed or created is generated. The output of a loaded
 * file therefore loads back to the same agreement, and saving that again gives the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-akn-writer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pacta-agreement-private.h"
#include "pacta-akn-writer.h"
#include "pacta-provision-private.h"
#include "pacta-xml-private.h"

typedef struct
{
  GString        *out;
  PactaAgreement *agreement;
} Writer;

static void
indent (Writer *w,
        int     depth)
{
  for (int i = 0; i < depth; i++)
    g_string_append (w->out, "  ");
}

static void
append_escaped (Writer     *w,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  g_string_append (w->out, escaped);
}

/* A verbatim fragment, placed on its own line at the current depth. */
static void
append_fragment (Writer     *w,
                 int         depth,
                 const char *xml)
{
  if (xml == NULL || xml[0] == '\0')
    return;
  indent (w, depth);
  g_string_append (w->out, xml);
  g_string_append_c (w->out, '\n');
}

static void
append_inline (Writer     *w,
               int         depth,
               const char *element,
               const char *xml,
               const char *plain)
{
  if (xml == NULL && plain == NULL)
    return;
  indent (w, depth);
  g_string_append_printf (w->out, "<%s>", element);
  if (xml != NULL)
    g_string_append (w->out, xml);
  else
    append_escaped (w, plain);
  g_string_append_printf (w->out, "</%s>\n", element);
}

/* Paragraphs of plain text as <p> blocks, for text the model created. */
static void
append_blocks (Writer     *w,
               const char *element,
               const char *xml,
               const char *plain,
               int         depth)
{
  indent (w, depth);
  g_string_append_printf (w->out, "<%s>", element);
  if (xml != NULL)
    g_string_append (w->out, xml);
  else
    {
      g_auto(GStrv) lines = g_strsplit (plain ? plain : "", "\n", -1);

      for (guint i = 0; lines[i]; i++)
        {
          g_string_append (w->out, "<p>");
          append_escaped (w, lines[i]);
          g_string_append (w->out, "</p>");
        }
    }
  g_string_append_printf (w->out, "</%s>\n", element);
}

static const char *
eid_prefix (const char *element)
{
  static const char * const map[][2] = {
    { "article", "art" }, { "chapter", "chp" }, { "section", "sec" }, { "subsection", "subsec" },
    { "paragraph", "para" }, { "subparagraph", "subpara" }, { "subchapter", "subchp" },
    { "division", "dvs" }, { "subdivision", "subdvs" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (element, map[i][0]))
      return map[i][1];
  return element;
}

/* An eId for a provision the model created without one, after AKN's naming convention. */
static char *
make_eid (PactaProvision *provision,
          const char     *parent_eid,
          guint           position)
{
  const char *num = pacta_provision_get_num (provision);
  g_autoptr(GString) label = g_string_new (NULL);

  for (const char *p = num; p && *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (label, g_ascii_tolower (*p));
  /* "Article 5" gives "article5": keep the part after the word. */
  while (label->len > 0 && g_ascii_isalpha (label->str[0]) && label->len > 1 &&
         g_ascii_isalpha (label->str[1]))
    g_string_erase (label, 0, 1);
  if (label->len > 1 && g_ascii_isalpha (label->str[0]) && g_ascii_isdigit (label->str[1]))
    g_string_erase (label, 0, 1);
  if (label->len == 0)
    g_string_printf (label, "%u", position + 1);

  if (parent_eid != NULL && pacta_provision_get_kind (provision) != PACTA_PROVISION_KIND_ARTICLE)
    return g_strdup_printf ("%s__%s_%s", parent_eid, eid_prefix (pacta_provision_get_element (provision)), label->str);
  return g_strdup_printf ("%s_%s", eid_prefix (pacta_provision_get_element (provision)), label->str);
}

static void
write_extras (Writer         *w,
              PactaProvision *provision,
              int             after,
              int             depth)
{
  guint n = _pacta_provision_get_n_extras (provision);

  for (guint i = 0; i < n; i++)
    {
      int extra_after;
      const char *xml = _pacta_provision_get_extra (provision, i, &extra_after);

      if (extra_after == after)
        append_fragment (w, depth, xml);
    }
}

static void
write_provision (Writer         *w,
                 PactaProvision *provision,
                 int             depth,
                 const char     *parent_eid,
                 guint           position)
{
  const char *opaque = _pacta_provision_get_xml (provision, PACTA_PROVISION_XML_OPAQUE);
  const char *element = pacta_provision_get_element (provision);
  const char *eid = pacta_provision_get_eid (provision);
  const char * const *refers = pacta_provision_get_refers_to (provision);
  const char *attrs = _pacta_provision_get_xml (provision, PACTA_PROVISION_XML_ATTRS);
  const char *text = pacta_provision_get_text (provision);
  g_autofree char *made_eid = NULL;
  guint n = pacta_provision_get_n_children (provision);

  if (opaque != NULL)
    {
      append_fragment (w, depth, opaque);
      return;
    }

  if (eid == NULL)
    eid = made_eid = make_eid (provision, parent_eid, position);

  indent (w, depth);
  g_string_append_printf (w->out, "<%s eId=\"", element);
  append_escaped (w, eid);
  g_string_append_c (w->out, '"');
  if (refers[0] != NULL)
    {
      g_string_append (w->out, " refersTo=\"");
      for (guint i = 0; refers[i]; i++)
        {
          if (i > 0)
            g_string_append_c (w->out, ' ');
          g_string_append_c (w->out, '#');
          append_escaped (w, refers[i]);
        }
      g_string_append_c (w->out, '"');
    }
  if (attrs != NULL)
    g_string_append (w->out, attrs);
  g_string_append (w->out, ">\n");

  append_inline (w, depth + 1, "num", _pacta_provision_get_xml (provision, PACTA_PROVISION_XML_NUM),
                 pacta_provision_get_num (provision));
  append_inline (w, depth + 1, "heading", _pacta_provision_get_xml (provision, PACTA_PROVISION_XML_HEADING),
                 pacta_provision_get_heading (provision));
  append_inline (w, depth + 1, "subheading", _pacta_provision_get_xml (provision, PACTA_PROVISION_XML_SUBHEADING),
                 NULL);
  write_extras (w, provision, -1, depth + 1);

  if (n == 0)
    {
      const char *content = _pacta_provision_get_xml (provision, PACTA_PROVISION_XML_CONTENT);

      if (content != NULL || (text != NULL && text[0] != '\0'))
        append_blocks (w, "content", content, text, depth + 1);
    }
  else
    {
      const char *intro = _pacta_provision_get_xml (provision, PACTA_PROVISION_XML_INTRO);
      const char *wrap_up = _pacta_provision_get_xml (provision, PACTA_PROVISION_XML_WRAP_UP);

      if (intro != NULL)
        append_blocks (w, "intro", intro, NULL, depth + 1);
      else if (wrap_up == NULL && text != NULL && text[0] != '\0')
        append_blocks (w, "intro", NULL, text, depth + 1);

      for (guint i = 0; i < n; i++)
        {
          write_provision (w, pacta_provision_get_child (provision, i), depth + 1, eid, i);
          write_extras (w, provision, (int) i, depth + 1);
        }

      if (wrap_up != NULL)
        append_blocks (w, "wrapUp", wrap_up, NULL, depth + 1);
    }

  indent (w, depth);
  g_string_append_printf (w->out, "</%s>\n", element);
}

static const char *
language_to_iso639_2 (const char *code)
{
  static const char * const map[][2] = {
    { "en", "eng" }, { "fr", "fra" }, { "es", "spa" }, { "pt", "por" }, { "ar", "ara" },
    { "de", "deu" }, { "it", "ita" }, { "ru", "rus" }, { "zh", "zho" }, { "nl", "nld" },
    { "sw", "swa" },
  };

  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (map); i++)
    if (g_ascii_strcasecmp (code, map[i][0]) == 0)
      return map[i][1];
  return code ? code : "und";
}

static char *
party_eid (PactaParty *party)
{
  if (pacta_party_get_eid (party) != NULL)
    return g_strdup (pacta_party_get_eid (party));
  return g_ascii_strdown (pacta_party_get_code (party), -1);
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static char *
make_work_uri (PactaAgreement *agreement,
               const char     *date)
{
  GListModel *parties = pacta_agreement_get_parties (agreement);
  guint n = g_list_model_get_n_items (parties);
  g_autoptr(GString) slug = g_string_new (NULL);
  g_autofree char *country = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaParty) party = g_list_model_get_item (parties, i);
      g_autofree char *code = g_ascii_strdown (pacta_party_get_code (party), -1);

      if (i == 0)
        country = g_strdup (code);
      g_string_append_printf (slug, "%s%s", i ? "-" : "", code);
    }
  g_string_append_printf (slug, "%s%s", slug->len ? "-" : "",
                          pacta_agreement_kind_to_string (pacta_agreement_get_kind (agreement)));

  return g_strdup_printf ("/akn/%s/%s/%s/%s/%s",
                          country ? country : "un",
                          pacta_agreement_get_document_type (agreement),
                          pacta_agreement_kind_to_string (pacta_agreement_get_kind (agreement)),
                          date, slug->str);
}

static void
write_frbr_authors (Writer *w,
                    int     depth)
{
  GListModel *parties = pacta_agreement_get_parties (w->agreement);
  guint n = g_list_model_get_n_items (parties);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaParty) party = g_list_model_get_item (parties, i);
      g_autofree char *eid = party_eid (party);

      indent (w, depth);
      g_string_append (w->out, "<FRBRauthor href=\"#");
      append_escaped (w, eid);
      g_string_append (w->out, "\"/>\n");
    }
  if (n == 0)
    {
      indent (w, depth);
      g_string_append (w->out, "<FRBRauthor href=\"#pacta\"/>\n");
    }
}

static void
write_frbr_level (Writer     *w,
                  const char *level,
                  const char *this_value,
                  const char *uri,
                  const char *date,
                  const char *date_name,
                  gboolean    authored_by_parties)
{
  indent (w, 4);
  g_string_append_printf (w->out, "<%s>\n", level);
  indent (w, 5);
  g_string_append (w->out, "<FRBRthis value=\"");
  append_escaped (w, this_value);
  g_string_append (w->out, "\"/>\n");
  indent (w, 5);
  g_string_append (w->out, "<FRBRuri value=\"");
  append_escaped (w, uri);
  g_string_append (w->out, "\"/>\n");
  if (g_str_equal (level, "FRBRWork") && pacta_agreement_get_short_title (w->agreement) != NULL)
    {
      indent (w, 5);
      g_string_append (w->out, "<FRBRalias value=\"");
      append_escaped (w, pacta_agreement_get_short_title (w->agreement));
      g_string_append (w->out, "\" name=\"short\"/>\n");
    }
  indent (w, 5);
  g_string_append_printf (w->out, "<FRBRdate date=\"%s\" name=\"%s\"/>\n", date, date_name);
  if (authored_by_parties)
    write_frbr_authors (w, 5);
  else
    {
      indent (w, 5);
      g_string_append (w->out, "<FRBRauthor href=\"#pacta\"/>\n");
    }
  if (g_str_equal (level, "FRBRWork"))
    {
      g_autofree char *country = NULL;
      GListModel *parties = pacta_agreement_get_parties (w->agreement);

      if (g_list_model_get_n_items (parties) > 0)
        {
          g_autoptr(PactaParty) first = g_list_model_get_item (parties, 0);
          country = g_ascii_strdown (pacta_party_get_code (first), -1);
          indent (w, 5);
          g_string_append (w->out, "<FRBRcountry value=\"");
          append_escaped (w, country);
          g_string_append (w->out, "\"/>\n");
        }
    }
  if (g_str_equal (level, "FRBRExpression"))
    {
      indent (w, 5);
      g_string_append_printf (w->out, "<FRBRlanguage language=\"%s\"/>\n",
                              language_to_iso639_2 (pacta_agreement_get_language (w->agreement)));
    }
  indent (w, 4);
  g_string_append_printf (w->out, "</%s>\n", level);
}

static void
write_identification (Writer *w)
{
  PactaAgreement *a = w->agreement;
  const char *kept = _pacta_agreement_get_xml (a, PACTA_AGREEMENT_XML_IDENTIFICATION);
  const char *signed_date = pacta_agreement_get_date_signed (a);
  g_autofree char *generated = today ();
  const char *date = signed_date ? signed_date : generated;
  const char *date_name = signed_date ? (pacta_agreement_get_status (a) == PACTA_AGREEMENT_STATUS_DRAFT ? "draft" : "signature")
                                      : "generation";
  g_autofree char *work = NULL;
  g_autofree char *expression = NULL;
  g_autofree char *expression_this = NULL;
  g_autofree char *work_this = NULL;
  g_autofree char *manifestation_this = NULL;
  g_autofree char *manifestation_uri = NULL;
  const char *language;

  if (kept != NULL)
    {
      append_fragment (w, 3, kept);
      return;
    }

  work = pacta_agreement_get_work_uri (a) ? g_strdup (pacta_agreement_get_work_uri (a))
                                          : make_work_uri (a, date);
  language = language_to_iso639_2 (pacta_agreement_get_language (a));
  work_this = g_strdup_printf ("%s/main", work);
  expression = g_strdup_printf ("%s/%s@", work, language);
  expression_this = g_strdup_printf ("%s/main", expression);
  manifestation_this = g_strdup_printf ("%s/main.xml", expression);
  manifestation_uri = g_strdup_printf ("%s.akn", expression);

  indent (w, 3);
  g_string_append (w->out, "<identification source=\"#pacta\">\n");
  write_frbr_level (w, "FRBRWork", work_this, work, date, date_name, TRUE);
  write_frbr_level (w, "FRBRExpression", expression_this, expression, date, date_name, TRUE);
  write_frbr_level (w, "FRBRManifestation", manifestation_this, manifestation_uri, generated, "generation", FALSE);
  indent (w, 3);
  g_string_append (w->out, "</identification>\n");
}

static void
write_lifecycle (Writer *w)
{
  PactaAgreement *a = w->agreement;
  const char *kept = _pacta_agreement_get_xml (a, PACTA_AGREEMENT_XML_LIFECYCLE);
  const char *signed_date = pacta_agreement_get_date_signed (a);
  const char *in_force = pacta_agreement_get_date_in_force (a);

  if (kept != NULL)
    {
      append_fragment (w, 3, kept);
      return;
    }
  if (signed_date == NULL && in_force == NULL)
    return;
  if (pacta_agreement_get_status (a) == PACTA_AGREEMENT_STATUS_DRAFT && in_force == NULL)
    return;

  indent (w, 3);
  g_string_append (w->out, "<lifecycle source=\"#pacta\">\n");
  if (signed_date != NULL)
    {
      indent (w, 4);
      g_string_append_printf (w->out, "<eventRef eId=\"evt_1\" date=\"%s\" source=\"#pacta\" type=\"generation\" refersTo=\"#signature\"/>\n",
                              signed_date);
    }
  if (in_force != NULL)
    {
      indent (w, 4);
      g_string_append_printf (w->out, "<eventRef eId=\"evt_2\" date=\"%s\" source=\"#pacta\" type=\"amendment\" refersTo=\"#entry-into-force\"/>\n",
                              in_force);
    }
  indent (w, 3);
  g_string_append (w->out, "</lifecycle>\n");
}

static void
write_tlc (Writer     *w,
           const char *element,
           const char *eid,
           const char *href,
           const char *show_as)
{
  indent (w, 4);
  g_string_append_printf (w->out, "<%s eId=\"", element);
  append_escaped (w, eid);
  g_string_append (w->out, "\" href=\"");
  append_escaped (w, href);
  g_string_append (w->out, "\" showAs=\"");
  append_escaped (w, show_as);
  g_string_append (w->out, "\"/>\n");
}

static void
collect_slugs (PactaProvision *provision,
               GPtrArray      *slugs)
{
  const char * const *refers = pacta_provision_get_refers_to (provision);
  guint n = pacta_provision_get_n_children (provision);

  for (guint i = 0; refers[i]; i++)
    if (!g_ptr_array_find_with_equal_func (slugs, refers[i], g_str_equal, NULL))
      g_ptr_array_add (slugs, (gpointer) refers[i]);
  for (guint i = 0; i < n; i++)
    collect_slugs (pacta_provision_get_child (provision, i), slugs);
}

static void
write_references (Writer *w)
{
  PactaAgreement *a = w->agreement;
  const char *kept = _pacta_agreement_get_xml (a, PACTA_AGREEMENT_XML_REFERENCES);
  GListModel *parties = pacta_agreement_get_parties (a);
  GListModel *provisions = pacta_agreement_get_provisions (a);
  GPtrArray *concepts = _pacta_agreement_get_concepts (a);
  g_autoptr(GPtrArray) slugs = g_ptr_array_new ();
  guint n;

  if (kept != NULL)
    {
      append_fragment (w, 3, kept);
      return;
    }

  indent (w, 3);
  g_string_append (w->out, "<references source=\"#pacta\">\n");
  n = g_list_model_get_n_items (parties);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaParty) party = g_list_model_get_item (parties, i);
      g_autofree char *eid = party_eid (party);
      g_autofree char *href = g_strdup_printf ("/ontology/organization/%s", eid);

      write_tlc (w, "TLCOrganization", eid, href, pacta_party_get_name (party));
    }
  write_tlc (w, "TLCOrganization", "pacta", "/ontology/organization/pacta", "Pacta");
  if (pacta_agreement_get_date_signed (a) != NULL)
    write_tlc (w, "TLCConcept", "signature", "/ontology/concept/signature", "Signature");
  if (pacta_agreement_get_date_in_force (a) != NULL)
    write_tlc (w, "TLCConcept", "entry-into-force", "/ontology/concept/entry-into-force", "Entry into force");

  for (guint i = 0; i + 1 < concepts->len; i += 2)
    {
      const char *eid = g_ptr_array_index (concepts, i);
      g_autofree char *href = NULL;

      if (g_str_equal (eid, "signature") || g_str_equal (eid, "entry-into-force"))
        continue;
      g_ptr_array_add (slugs, (gpointer) eid);
      href = g_strdup_printf ("/ontology/concept/pacta/%s", eid);
      write_tlc (w, "TLCConcept", eid, href, g_ptr_array_index (concepts, i + 1));
    }

  /* Tags added since the file was read need a declaration too. */
  n = g_list_model_get_n_items (provisions);
  {
    g_autoptr(GPtrArray) used = g_ptr_array_new ();

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(PactaProvision) top = g_list_model_get_item (provisions, i);
        collect_slugs (top, used);
      }
    for (guint i = 0; i < used->len; i++)
      {
        const char *slug = g_ptr_array_index (used, i);
        g_autofree char *href = NULL;

        if (g_ptr_array_find_with_equal_func (slugs, slug, g_str_equal, NULL))
          continue;
        href = g_strdup_printf ("/ontology/concept/pacta/%s", slug);
        write_tlc (w, "TLCConcept", slug, href, slug);
      }
  }

  indent (w, 3);
  g_string_append (w->out, "</references>\n");
}

static void
write_proprietary (Writer *w)
{
  PactaAgreement *a = w->agreement;
  const char *kept = _pacta_agreement_get_xml (a, PACTA_AGREEMENT_XML_PROPRIETARY);
  GListModel *parties = pacta_agreement_get_parties (a);
  guint n = g_list_model_get_n_items (parties);

  if (kept != NULL)
    {
      append_fragment (w, 3, kept);
      return;
    }

  indent (w, 3);
  g_string_append (w->out, "<proprietary source=\"#pacta\">\n");
  indent (w, 4);
  g_string_append_printf (w->out, "<pacta:agreement kind=\"%s\" status=\"%s\" language=\"",
                          pacta_agreement_kind_to_string (pacta_agreement_get_kind (a)),
                          pacta_agreement_status_to_string (pacta_agreement_get_status (a)));
  append_escaped (w, pacta_agreement_get_language (a));
  g_string_append (w->out, "\">\n");
  if (pacta_agreement_get_short_title (a) != NULL)
    {
      indent (w, 5);
      g_string_append (w->out, "<pacta:shortTitle>");
      append_escaped (w, pacta_agreement_get_short_title (a));
      g_string_append (w->out, "</pacta:shortTitle>\n");
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaParty) party = g_list_model_get_item (parties, i);
      g_autofree char *eid = party_eid (party);

      indent (w, 5);
      g_string_append (w->out, "<pacta:party ref=\"#");
      append_escaped (w, eid);
      g_string_append (w->out, "\" code=\"");
      append_escaped (w, pacta_party_get_code (party));
      g_string_append (w->out, "\" role=\"");
      append_escaped (w, pacta_party_get_role (party));
      g_string_append (w->out, "\"/>\n");
    }
  if (pacta_agreement_get_date_signed (a) != NULL)
    {
      indent (w, 5);
      g_string_append (w->out, "<pacta:signature date=\"");
      append_escaped (w, pacta_agreement_get_date_signed (a));
      g_string_append_c (w->out, '"');
      if (pacta_agreement_get_place_signed (a) != NULL)
        {
          g_string_append (w->out, " place=\"");
          append_escaped (w, pacta_agreement_get_place_signed (a));
          g_string_append_c (w->out, '"');
        }
      g_string_append (w->out, "/>\n");
    }
  if (pacta_agreement_get_date_in_force (a) != NULL)
    {
      indent (w, 5);
      g_string_append (w->out, "<pacta:entryIntoForce date=\"");
      append_escaped (w, pacta_agreement_get_date_in_force (a));
      g_string_append (w->out, "\"/>\n");
    }
  indent (w, 4);
  g_string_append (w->out, "</pacta:agreement>\n");
  indent (w, 3);
  g_string_append (w->out, "</proprietary>\n");
}

static void
write_meta (Writer *w)
{
  PactaAgreement *a = w->agreement;

  indent (w, 2);
  g_string_append (w->out, "<meta>\n");
  /* Akoma Ntoso's order: identification, publication, classification, lifecycle, workflow,
   * analysis, temporalData, references, notes, proprietary, presentation. */
  write_identification (w);
  append_fragment (w, 3, _pacta_agreement_get_xml (a, PACTA_AGREEMENT_XML_META_PUBLICATION));
  write_lifecycle (w);
  append_fragment (w, 3, _pacta_agreement_get_xml (a, PACTA_AGREEMENT_XML_META_ANALYSIS));
  write_references (w);
  append_fragment (w, 3, _pacta_agreement_get_xml (a, PACTA_AGREEMENT_XML_META_NOTES));
  write_proprietary (w);
  append_fragment (w, 3, _pacta_agreement_get_xml (a, PACTA_AGREEMENT_XML_META_TAIL));
  indent (w, 2);
  g_string_append (w->out, "</meta>\n");
}

static void
write_preface (Writer *w)
{
  const char *kept = _pacta_agreement_get_xml (w->agreement, PACTA_AGREEMENT_XML_PREFACE);
  const char *title = pacta_agreement_get_title (w->agreement);

  if (kept != NULL)
    {
      indent (w, 2);
      g_string_append_printf (w->out, "<preface>%s</preface>\n", kept);
      return;
    }
  if (title == NULL)
    return;
  indent (w, 2);
  g_string_append (w->out, "<preface><p class=\"title\"><docTitle>");
  append_escaped (w, title);
  g_string_append (w->out, "</docTitle></p></preface>\n");
}

static void
write_generated_opaque (Writer         *w,
                        PactaProvision *provision,
                        const char     *element)
{
  /* A preamble or conclusions the model created: its text as paragraphs. */
  g_auto(GStrv) lines = g_strsplit (pacta_provision_get_text (provision) ? pacta_provision_get_text (provision) : "", "\n", -1);

  indent (w, 2);
  g_string_append_printf (w->out, "<%s>\n", element);
  for (guint i = 0; lines[i]; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      indent (w, 3);
      g_string_append (w->out, "<p>");
      append_escaped (w, lines[i]);
      g_string_append (w->out, "</p>\n");
    }
  indent (w, 2);
  g_string_append_printf (w->out, "</%s>\n", element);
}

char *
pacta_akn_to_string (PactaAgreement *agreement)
{
  Writer w = { g_string_new (NULL), agreement };
  GListModel *provisions;
  const char *type;
  const char *body_name;
  const char *root_attrs;
  gboolean in_attachments = FALSE;
  gboolean body_open = FALSE;
  gboolean body_done = FALSE;
  guint n;

  g_return_val_if_fail (PACTA_IS_AGREEMENT (agreement), NULL);

  provisions = pacta_agreement_get_provisions (agreement);
  n = g_list_model_get_n_items (provisions);
  type = pacta_agreement_get_document_type (agreement);
  body_name = _pacta_agreement_get_xml (agreement, PACTA_AGREEMENT_XML_BODY_NAME);
  if (body_name == NULL)
    body_name = "body";
  root_attrs = _pacta_agreement_get_xml (agreement, PACTA_AGREEMENT_XML_ROOT_ATTRS);

  g_string_append (w.out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append_printf (w.out, "<akomaNtoso xmlns=\"%s\" xmlns:pacta=\"%s\"%s>\n",
                          PACTA_NS_AKN3, PACTA_NS_PROPRIETARY,
                          _pacta_agreement_get_xml (agreement, PACTA_AGREEMENT_XML_NAMESPACES)
                            ? _pacta_agreement_get_xml (agreement, PACTA_AGREEMENT_XML_NAMESPACES) : "");
  indent (&w, 1);
  g_string_append_printf (w.out, "<%s", type);
  if (pacta_agreement_get_kind (agreement) != PACTA_AGREEMENT_KIND_UNKNOWN)
    g_string_append_printf (w.out, " name=\"%s\"", pacta_agreement_kind_to_string (pacta_agreement_get_kind (agreement)));
  g_string_append_printf (w.out, "%s>\n", root_attrs ? root_attrs : "");

  write_meta (&w);
  append_fragment (&w, 2, _pacta_agreement_get_xml (agreement, PACTA_AGREEMENT_XML_COVER));
  write_preface (&w);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaProvision) provision = g_list_model_get_item (provisions, i);
      PactaProvisionKind kind = pacta_provision_get_kind (provision);
      gboolean opaque = _pacta_provision_get_xml (provision, PACTA_PROVISION_XML_OPAQUE) != NULL;

      if (kind == PACTA_PROVISION_KIND_PREAMBLE && !body_open && !body_done)
        {
          if (opaque)
            append_fragment (&w, 2, _pacta_provision_get_xml (provision, PACTA_PROVISION_XML_OPAQUE));
          else
            write_generated_opaque (&w, provision, "preamble");
          continue;
        }

      if (kind == PACTA_PROVISION_KIND_CONCLUSIONS || kind == PACTA_PROVISION_KIND_ATTACHMENT)
        {
          if (body_open)
            {
              indent (&w, 2);
              g_string_append_printf (w.out, "</%s>\n", body_name);
              body_open = FALSE;
            }
          body_done = TRUE;
          if (kind == PACTA_PROVISION_KIND_CONCLUSIONS)
            {
              if (in_attachments)
                {
                  indent (&w, 2);
                  g_string_append (w.out, "</attachments>\n");
                  in_attachments = FALSE;
                }
              if (opaque)
                append_fragment (&w, 2, _pacta_provision_get_xml (provision, PACTA_PROVISION_XML_OPAQUE));
              else
                write_generated_opaque (&w, provision, "conclusions");
            }
          else
            {
              if (!in_attachments)
                {
                  indent (&w, 2);
                  g_string_append (w.out, "<attachments>\n");
                  in_attachments = TRUE;
                }
              if (opaque)
                append_fragment (&w, 3, _pacta_provision_get_xml (provision, PACTA_PROVISION_XML_OPAQUE));
            }
          continue;
        }

      if (!body_open && !body_done)
        {
          indent (&w, 2);
          g_string_append_printf (w.out, "<%s>\n", body_name);
          body_open = TRUE;
        }
      write_provision (&w, provision, 3, NULL, i);
    }

  if (!body_open && !body_done)
    {
      /* An agreement with no provisions yet still has a body. */
      indent (&w, 2);
      g_string_append_printf (w.out, "<%s>\n", body_name);
      body_open = TRUE;
    }
  if (body_open)
    {
      indent (&w, 2);
      g_string_append_printf (w.out, "</%s>\n", body_name);
    }
  if (in_attachments)
    {
      indent (&w, 2);
      g_string_append (w.out, "</attachments>\n");
    }
  append_fragment (&w, 2, _pacta_agreement_get_xml (agreement, PACTA_AGREEMENT_XML_TRAILER));

  indent (&w, 1);
  g_string_append_printf (w.out, "</%s>\n", type);
  g_string_append (w.out, "</akomaNtoso>\n");

  return g_string_free (w.out, FALSE);
}

/* Writes atomically: the old file stays whole until the new one is complete on disk. */
gboolean
pacta_akn_save_file (PactaAgreement  *agreement,
                     const char      *path,
                     GError         **error)
{
  g_autofree char *xml = NULL;

  g_return_val_if_fail (PACTA_IS_AGREEMENT (agreement), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  xml = pacta_akn_to_string (agreement);
  return _pacta_write_file (path, xml, error);
}
