/* pacta-validator.c — check agreement and guideline files against Pacta's schemas
 *
 * RELAX NG alone reports the outermost element that failed, which rarely helps; the profile
 * checks here come first and name the exact element (a provision without an eId, an eId used
 * twice, an unknown agreement kind), then the schema catches the rest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-validator"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pacta-akn-reader.h"
#include "pacta-types.h"
#include "pacta-validator.h"
#include "pacta-xml-private.h"

#define AKN_SCHEMA "/io/github/pacta/Pacta/schema/akn-pacta.rng"
#define GUIDELINE_SCHEMA "/io/github/pacta/Pacta/schema/guideline.rng"

typedef struct
{
  const char *file;
  GBytes     *source;
  GPtrArray  *problems;
  GHashTable *ids;  /* id → line of first use */
} Check;

static void
add_at (Check      *check,
        xmlNode    *node,
        const char *message)
{
  int line = _pacta_xml_line (node);

  _pacta_problems_add (check->problems, check->file, MAX (line, 1),
                       _pacta_xml_column (check->source, line, (const char *) node->name),
                       "%s", message);
}

static void
check_unique (Check      *check,
              xmlNode    *node,
              const char *id,
              const char *what)
{
  gpointer first_line;

  if (g_hash_table_lookup_extended (check->ids, id, NULL, &first_line))
    {
      g_autofree char *message = g_strdup_printf (_("%s “%s” is used twice (first on line %d)"),
                                                  what, id, GPOINTER_TO_INT (first_line));
      add_at (check, node, message);
    }
  else
    g_hash_table_insert (check->ids, g_strdup (id), GINT_TO_POINTER (_pacta_xml_line (node)));
}

static void
check_hierarchy (Check   *check,
                 xmlNode *node)
{
  for (xmlNode *child = node->children; child; child = child->next)
    {
      g_autofree char *eid = NULL;
      g_autofree char *refers = NULL;

      if (child->type != XML_ELEMENT_NODE || !_pacta_xml_is_akn_ns (child))
        continue;

      if (pacta_akn_is_hierarchy_element ((const char *) child->name))
        {
          eid = _pacta_xml_attr (child, "eId");
          if (eid == NULL)
            {
              g_autofree char *message = g_strdup_printf (_("<%s> has no eId; every provision needs a unique eId"),
                                                          (const char *) child->name);
              add_at (check, child, message);
            }
          else
            check_unique (check, child, eid, "eId");

          refers = _pacta_xml_attr (child, "refersTo");
          if (refers != NULL)
            {
              g_auto(GStrv) tokens = g_strsplit_set (refers, " \t\n", -1);

              for (guint i = 0; tokens[i]; i++)
                if (tokens[i][0] != '\0' && tokens[i][0] != '#')
                  {
                    g_autofree char *message = g_strdup_printf (_("refersTo value “%s” must start with “#”"), tokens[i]);
                    add_at (check, child, message);
                  }
            }
          check_hierarchy (check, child);
        }
    }
}

static void
check_agreement (Check   *check,
                 xmlDoc  *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *document = NULL;

  if (g_strcmp0 ((const char *) root->ns->href, PACTA_NS_AKN2) == 0)
    {
      add_at (check, root, _("uses the Akoma Ntoso 2.0 namespace: Pacta reads it, but its profile is 3.0 (save it from Pacta to convert)"));
      return;
    }

  for (xmlNode *child = root->children; child && document == NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      document = child;
  if (document == NULL)
    {
      add_at (check, root, _("<akomaNtoso> contains no document (expected <act> or <bill>)"));
      return;
    }
  if (!_pacta_xml_is (document, "act") && !_pacta_xml_is (document, "bill"))
    {
      g_autofree char *message = g_strdup_printf (_("<%s> is not an agreement document; Pacta's profile uses <act> (signed) or <bill> (draft)"),
                                                  (const char *) document->name);
      add_at (check, document, message);
    }
  else
    {
      g_autofree char *name = _pacta_xml_attr (document, "name");

      if (pacta_agreement_kind_from_string (name) == PACTA_AGREEMENT_KIND_UNKNOWN)
        {
          g_autofree char *message = g_strdup_printf (_("agreement kind “%s” is not one of blma, mou, ssa, multilateral"),
                                                      name ? name : "");
          add_at (check, document, message);
        }
    }

  for (xmlNode *child = document->children; child; child = child->next)
    if (_pacta_xml_is (child, "body"))
      check_hierarchy (check, child);
}

static gboolean
is_guideline_element (xmlNode    *node,
                      const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_strcmp0 ((const char *) node->ns->href, PACTA_NS_GUIDELINE) == 0 &&
         g_str_equal ((const char *) node->name, name);
}

static void
check_guideline (Check   *check,
                 xmlDoc  *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *category = root->children; category; category = category->next)
    {
      g_autofree char *category_id = NULL;

      if (!is_guideline_element (category, "category"))
        continue;
      category_id = _pacta_xml_attr (category, "id");
      if (category_id != NULL)
        check_unique (check, category, category_id, _("category id"));
      for (xmlNode *item = category->children; item; item = item->next)
        {
          g_autofree char *slug = NULL;

          if (!is_guideline_element (item, "item"))
            continue;
          {
          g_autofree char *level = _pacta_xml_attr (item, "level");
          PactaItemLevel parsed;

          slug = _pacta_xml_attr (item, "id");
          if (slug != NULL)
            check_unique (check, item, slug, _("item id"));
          if (!pacta_item_level_from_string (level, &parsed))
            {
              g_autofree char *message = g_strdup_printf (_("item “%s” has level “%s”; expected essential, recommended or optional"),
                                                          slug ? slug : "", level ? level : "");
              add_at (check, item, message);
            }
          }
        }
    }
}

/* Returns: (transfer full): the problems found, empty when the file is valid */
GPtrArray *
pacta_validate_bytes (GBytes            *bytes,
                      const char        *file,
                      PactaDocumentType *type)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) pacta_problem_free);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  Check check = { file, bytes, problems, ids };
  const char *schema = NULL;
  xmlNode *root;

  if (type)
    *type = PACTA_DOCUMENT_UNKNOWN;

  doc = _pacta_xml_parse (bytes, file, &error);
  if (doc == NULL)
    {
      /* The message is already "file:line:col: text"; keep the parts apart. */
      g_autofree char *prefix = g_strdup_printf ("%s:", file);
      int line = 0, column = 0, consumed = 0;
      const char *rest = error->message;

      if (g_str_has_prefix (rest, prefix))
        {
          rest += strlen (prefix);
          if (sscanf (rest, "%d:%d: %n", &line, &column, &consumed) >= 2 && consumed > 0)
            rest += consumed;
        }
      _pacta_problems_add (problems, file, line, column, "%s", rest);
      return g_steal_pointer (&problems);
    }

  root = xmlDocGetRootElement (doc);
  if (g_str_equal ((const char *) root->name, "akomaNtoso") && _pacta_xml_is_akn_ns (root))
    {
      if (type)
        *type = PACTA_DOCUMENT_AGREEMENT;
      check_agreement (&check, doc);
      schema = AKN_SCHEMA;
    }
  else if (is_guideline_element (root, "guideline"))
    {
      if (type)
        *type = PACTA_DOCUMENT_GUIDELINE;
      check_guideline (&check, doc);
      schema = GUIDELINE_SCHEMA;
    }
  else
    {
      g_autofree char *message =
        g_strdup_printf (_("the root element is <%s>%s%s%s: neither an Akoma Ntoso agreement nor a Pacta guideline"),
                         (const char *) root->name,
                         root->ns ? " (namespace " : "", root->ns ? (const char *) root->ns->href : "",
                         root->ns ? ")" : "");
      add_at (&check, root, message);
      return g_steal_pointer (&problems);
    }

  /* The schema's own report only adds noise once the precise checks found something. */
  if (problems->len == 0)
    {
      g_autoptr(GPtrArray) schema_problems = _pacta_xml_validate (doc, schema, file, bytes);

      for (guint i = 0; i < schema_problems->len; i++)
        g_ptr_array_add (problems, pacta_problem_copy (g_ptr_array_index (schema_problems, i)));
    }

  return g_steal_pointer (&problems);
}

GPtrArray *
pacta_validate_file (const char        *path,
                     PactaDocumentType *type)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (type)
    *type = PACTA_DOCUMENT_UNKNOWN;

  bytes = _pacta_read_file (path, &error);
  if (bytes == NULL)
    {
      GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) pacta_problem_free);
      g_autofree char *prefix = g_strdup_printf ("%s:0:0: ", path);
      const char *message = g_str_has_prefix (error->message, prefix) ? error->message + strlen (prefix) : error->message;

      g_ptr_array_add (problems, pacta_problem_new (path, 0, 0, message));
      return problems;
    }
  return pacta_validate_bytes (bytes, path, type);
}

/* A cheap look at the start of a file to tell a guideline from an agreement, without
 * parsing it; the readers report any real problem. */
PactaDocumentType
pacta_sniff_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autofree char *buffer = g_malloc0 (65536 + 1);
  gsize read = 0;

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, 65536, &read, NULL, NULL))
    return PACTA_DOCUMENT_UNKNOWN;
  buffer[read] = '\0';
  if (strstr (buffer, PACTA_NS_GUIDELINE) != NULL)
    return PACTA_DOCUMENT_GUIDELINE;
  if (strstr (buffer, "akomaNtoso") != NULL)
    return PACTA_DOCUMENT_AGREEMENT;
  return PACTA_DOCUMENT_UNKNOWN;
}
