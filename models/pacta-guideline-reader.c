/* pacta-guideline-reader.c — guideline files into PactaGuideline, and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-guideline-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "pacta-guideline-reader.h"
#include "pacta-xml-private.h"

static gboolean
is_guideline_element (xmlNode    *node,
                      const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_strcmp0 ((const char *) node->ns->href, PACTA_NS_GUIDELINE) == 0 &&
         g_str_equal ((const char *) node->name, name);
}

static char *
child_text (xmlNode    *node,
            const char *name)
{
  for (xmlNode *child = node->children; child; child = child->next)
    if (is_guideline_element (child, name))
      return _pacta_xml_text (child);
  return NULL;
}

static char **
split_list (const char *text)
{
  g_auto(GStrv) tokens = g_strsplit_set (text ? text : "", " \t\n\r", -1);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **result;

  for (guint i = 0; tokens[i]; i++)
    if (tokens[i][0] != '\0')
      g_strv_builder_add (builder, tokens[i]);
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

static gboolean
fail_at (xmlNode     *node,
         const char  *file,
         GBytes      *source,
         const char  *message,
         GError     **error)
{
  int line = _pacta_xml_line (node);
  g_autoptr(PactaProblem) problem =
    pacta_problem_new (file, line, _pacta_xml_column (source, line, (const char *) node->name), message);

  pacta_set_error_from_problem (error, PACTA_ERROR_INVALID, problem);
  return FALSE;
}

static PactaGuidelineItem *
read_item (xmlNode     *node,
           const char  *file,
           GBytes      *source,
           GError     **error)
{
  g_autofree char *slug = _pacta_xml_attr (node, "id");
  g_autofree char *level_name = _pacta_xml_attr (node, "level");
  g_autofree char *verified = _pacta_xml_attr (node, "verified");
  g_autofree char *title = child_text (node, "title");
  g_autofree char *guidance = child_text (node, "guidance");
  g_autofree char *model = child_text (node, "model");
  g_autofree char *cite = child_text (node, "cite");
  g_autofree char *note = child_text (node, "note");
  g_autoptr(PactaGuidelineItem) item = NULL;
  PactaItemLevel level;

  if (slug == NULL)
    {
      fail_at (node, file, source, _("<item> has no id"), error);
      return NULL;
    }
  if (!pacta_item_level_from_string (level_name, &level))
    {
      g_autofree char *message = g_strdup_printf (_("item “%s” has level “%s”; expected essential, recommended or optional"),
                                                  slug, level_name ? level_name : "");
      fail_at (node, file, source, message, error);
      return NULL;
    }

  item = pacta_guideline_item_new (slug, level);
  pacta_guideline_item_set_title (item, title ? title : slug);
  pacta_guideline_item_set_guidance (item, guidance);
  pacta_guideline_item_set_model (item, model);
  pacta_guideline_item_set_cite (item, cite);
  pacta_guideline_item_set_note (item, note);
  pacta_guideline_item_set_verified (item, !(verified && (g_str_equal (verified, "false") || g_str_equal (verified, "0"))));

  for (xmlNode *child = node->children; child; child = child->next)
    {
      g_autoptr(GPtrArray) terms = NULL;
      xmlChar *lang;

      if (!is_guideline_element (child, "terms"))
        continue;
      lang = xmlNodeGetLang (child);
      terms = g_ptr_array_new_with_free_func (g_free);
      for (xmlNode *term = child->children; term; term = term->next)
        if (is_guideline_element (term, "term"))
          g_ptr_array_add (terms, _pacta_xml_text (term));
      g_ptr_array_add (terms, NULL);
      pacta_guideline_item_set_terms (item, lang ? (const char *) lang : "en",
                                      (const char * const *) terms->pdata);
      xmlFree (lang);
    }

  return g_steal_pointer (&item);
}

PactaGuideline *
pacta_guideline_load_bytes (GBytes      *bytes,
                            const char  *file,
                            GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(PactaGuideline) guideline = NULL;
  g_autofree char *id = NULL;
  g_autofree char *version = NULL;
  g_autofree char *status = NULL;
  xmlNode *root;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (file == NULL)
    file = "-";

  doc = _pacta_xml_parse (bytes, file, error);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (!is_guideline_element (root, "guideline"))
    {
      int line = _pacta_xml_line (root);
      g_autofree char *message = g_strdup_printf (_("the root element is <%s>, not a Pacta <guideline> (namespace %s)"),
                                                  (const char *) root->name, PACTA_NS_GUIDELINE);
      g_autoptr(PactaProblem) problem =
        pacta_problem_new (file, line, _pacta_xml_column (bytes, line, (const char *) root->name), message);

      pacta_set_error_from_problem (error, PACTA_ERROR_UNSUPPORTED, problem);
      return NULL;
    }

  id = _pacta_xml_attr (root, "id");
  if (id == NULL)
    {
      fail_at (root, file, bytes, _("<guideline> has no id"), error);
      return NULL;
    }

  guideline = pacta_guideline_new (id);
  version = _pacta_xml_attr (root, "version");
  status = _pacta_xml_attr (root, "status");
  pacta_guideline_set_version (guideline, version);
  pacta_guideline_set_provisional (guideline, g_strcmp0 (status, "provisional") == 0);

  for (xmlNode *child = root->children; child; child = child->next)
    {
      if (is_guideline_element (child, "title"))
        {
          g_autofree char *text = _pacta_xml_text (child);
          pacta_guideline_set_title (guideline, text);
        }
      else if (is_guideline_element (child, "short-title"))
        {
          g_autofree char *text = _pacta_xml_text (child);
          pacta_guideline_set_short_title (guideline, text);
        }
      else if (is_guideline_element (child, "source"))
        {
          g_autofree char *text = _pacta_xml_text (child);
          g_autofree char *year = _pacta_xml_attr (child, "year");
          g_autofree char *href = _pacta_xml_attr (child, "href");

          pacta_guideline_set_source (guideline, text);
          pacta_guideline_set_source_href (guideline, href);
          pacta_guideline_set_year (guideline, year ? CLAMP ((int) strtol (year, NULL, 10), 0, 9999) : 0);
        }
      else if (is_guideline_element (child, "applies-to") || is_guideline_element (child, "languages"))
        {
          g_autofree char *text = _pacta_xml_text (child);
          g_auto(GStrv) list = split_list (text);

          if (is_guideline_element (child, "applies-to"))
            pacta_guideline_set_applies_to (guideline, (const char * const *) list);
          else
            pacta_guideline_set_languages (guideline, (const char * const *) list);
        }
      else if (is_guideline_element (child, "description"))
        {
          g_autofree char *text = _pacta_xml_text (child);
          pacta_guideline_set_description (guideline, text);
        }
      else if (is_guideline_element (child, "category"))
        {
          g_autofree char *category_id = _pacta_xml_attr (child, "id");
          g_autofree char *title = child_text (child, "title");
          g_autofree char *description = child_text (child, "description");
          g_autoptr(PactaGuidelineCategory) category = NULL;

          if (category_id == NULL)
            {
              fail_at (child, file, bytes, _("<category> has no id"), error);
              return NULL;
            }
          category = pacta_guideline_category_new (category_id, title ? title : category_id);
          pacta_guideline_category_set_description (category, description);

          for (xmlNode *node = child->children; node; node = node->next)
            {
              g_autoptr(PactaGuidelineItem) item = NULL;

              if (!is_guideline_element (node, "item"))
                continue;
              item = read_item (node, file, bytes, error);
              if (item == NULL)
                return NULL;
              pacta_guideline_category_append_item (category, item);
            }
          pacta_guideline_append_category (guideline, category);
        }
    }

  if (pacta_guideline_get_title (guideline) == NULL)
    pacta_guideline_set_title (guideline, id);

  return g_steal_pointer (&guideline);
}

PactaGuideline *
pacta_guideline_load_file (const char  *path,
                           GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  PactaGuideline *guideline;

  g_return_val_if_fail (path != NULL, NULL);

  bytes = _pacta_read_file (path, error);
  if (bytes == NULL)
    return NULL;
  guideline = pacta_guideline_load_bytes (bytes, path, error);
  if (guideline != NULL)
    pacta_guideline_set_path (guideline, path);
  return guideline;
}

static void
append_element (GString    *out,
                int         depth,
                const char *element,
                const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL)
    return;
  escaped = g_markup_escape_text (text, -1);
  for (int i = 0; i < depth; i++)
    g_string_append (out, "  ");
  g_string_append_printf (out, "<%s>%s</%s>\n", element, escaped, element);
}

static void
append_joined (GString            *out,
               const char         *element,
               const char * const *list)
{
  g_autofree char *joined = g_strjoinv (" ", (char **) list);

  append_element (out, 1, element, joined);
}

char *
pacta_guideline_to_string (PactaGuideline *guideline)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  GListModel *categories;
  guint n;

  g_return_val_if_fail (PACTA_IS_GUIDELINE (guideline), NULL);

  g_string_append_printf (out, "<guideline xmlns=\"%s\" id=\"%s\" version=\"%s\"%s xml:lang=\"en\">\n",
                          PACTA_NS_GUIDELINE, pacta_guideline_get_id (guideline),
                          pacta_guideline_get_version (guideline) ? pacta_guideline_get_version (guideline) : "1",
                          pacta_guideline_get_provisional (guideline) ? " status=\"provisional\"" : "");
  append_element (out, 1, "title", pacta_guideline_get_title (guideline));
  append_element (out, 1, "short-title", pacta_guideline_get_short_title (guideline));
  {
    g_autofree char *source = g_markup_escape_text (pacta_guideline_get_source (guideline) ? pacta_guideline_get_source (guideline) : "", -1);
    g_autofree char *href = pacta_guideline_get_source_href (guideline)
                              ? g_markup_printf_escaped (" href=\"%s\"", pacta_guideline_get_source_href (guideline))
                              : g_strdup ("");

    g_string_append_printf (out, "  <source year=\"%04d\"%s>%s</source>\n",
                            pacta_guideline_get_year (guideline), href, source);
  }
  append_joined (out, "applies-to", pacta_guideline_get_applies_to (guideline));
  append_joined (out, "languages", pacta_guideline_get_languages (guideline));
  append_element (out, 1, "description", pacta_guideline_get_description (guideline));

  categories = pacta_guideline_get_categories (guideline);
  n = g_list_model_get_n_items (categories);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaGuidelineCategory) category = g_list_model_get_item (categories, i);
      GListModel *items = pacta_guideline_category_get_items (category);
      guint m = g_list_model_get_n_items (items);

      g_string_append_printf (out, "  <category id=\"%s\">\n", pacta_guideline_category_get_id (category));
      append_element (out, 2, "title", pacta_guideline_category_get_title (category));
      append_element (out, 2, "description", pacta_guideline_category_get_description (category));

      for (guint j = 0; j < m; j++)
        {
          g_autoptr(PactaGuidelineItem) item = g_list_model_get_item (items, j);
          g_auto(GStrv) languages = pacta_guideline_item_dup_languages (item);

          g_string_append_printf (out, "    <item id=\"%s\" level=\"%s\"%s>\n",
                                  pacta_guideline_item_get_slug (item),
                                  pacta_item_level_to_string (pacta_guideline_item_get_level (item)),
                                  pacta_guideline_item_get_verified (item) ? "" : " verified=\"false\"");
          append_element (out, 3, "title", pacta_guideline_item_get_title (item));
          append_element (out, 3, "guidance", pacta_guideline_item_get_guidance (item));
          for (guint k = 0; languages[k]; k++)
            {
              const char * const *terms = pacta_guideline_item_get_terms (item, languages[k]);

              g_string_append_printf (out, "      <terms xml:lang=\"%s\">", languages[k]);
              for (guint t = 0; terms[t]; t++)
                {
                  g_autofree char *escaped = g_markup_escape_text (terms[t], -1);
                  g_string_append_printf (out, "<term>%s</term>", escaped);
                }
              g_string_append (out, "</terms>\n");
            }
          append_element (out, 3, "model", pacta_guideline_item_get_model (item));
          append_element (out, 3, "cite", pacta_guideline_item_get_cite (item));
          append_element (out, 3, "note", pacta_guideline_item_get_note (item));
          g_string_append (out, "    </item>\n");
        }
      g_string_append (out, "  </category>\n");
    }
  g_string_append (out, "</guideline>\n");

  return g_string_free (out, FALSE);
}

gboolean
pacta_guideline_save_file (PactaGuideline  *guideline,
                           const char      *path,
                           GError         **error)
{
  g_autofree char *xml = NULL;

  g_return_val_if_fail (PACTA_IS_GUIDELINE (guideline), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  xml = pacta_guideline_to_string (guideline);
  return _pacta_write_file (path, xml, error);
}
