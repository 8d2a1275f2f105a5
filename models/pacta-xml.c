/* pacta-xml.c — safe libxml2 parsing and helpers shared by the readers
 *
 * Every document goes through _pacta_xml_parse(): no network, no DTD loading, no external
 * entities, and a document that declares any entity is refused at the declaration, so
 * neither XXE nor entity-expansion bombs can do harm.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-xml"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <string.h>

#include "pacta-models-resources.h"
#include "pacta-xml-private.h"

#define MAX_PROBLEMS 25

typedef struct
{
  const char *file;
  GPtrArray  *problems;
  gboolean    forbidden;
} ParseState;

static xmlParserInputPtr
refuse_external_loader (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  ctxt)
{
  /* Pacta never reads anything but the bytes it was handed. */
  return NULL;
}

void
_pacta_xml_init (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      /* Referencing the bundle keeps the linker from dropping it (and its schemas). */
      (void) pacta_models_get_resource ();
      xmlInitParser ();
      xmlSetExternalEntityLoader (refuse_external_loader);
      g_once_init_leave (&initialised, 1);
    }
}

void
_pacta_problems_add (GPtrArray  *problems,
                     const char *file,
                     int         line,
                     int         column,
                     const char *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (problems->len >= MAX_PROBLEMS)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (problems, pacta_problem_new (file, line, column, message));
}

static char *
clean_libxml_message (const char *message)
{
  g_autofree char *copy = g_strdup (message ? message : _("unknown XML error"));

  g_strstrip (copy);
  /* libxml2 sometimes continues a message on a second line with the offending bytes. */
  for (char *p = copy; *p; p++)
    if (*p == '\n')
      *p = ' ';
  return g_steal_pointer (&copy);
}

static void
parse_error_cb (void        *user_data,
                xmlErrorPtr  err)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;
  g_autofree char *message = NULL;

  if (state == NULL || err == NULL || err->level == XML_ERR_WARNING)
    return;
  if (state->forbidden)
    return;

  message = clean_libxml_message (err->message);
  if (strstr (message, "not proper UTF-8") != NULL)
    {
      const char *bytes = strstr (message, "Bytes:");
      g_autofree char *friendly =
        g_strdup_printf (_("the text is not valid UTF-8 (%s); save the file as UTF-8 or declare its encoding in the XML declaration"),
                         bytes ? bytes : "");
      g_free (message);
      message = g_steal_pointer (&friendly);
    }
  _pacta_problems_add (state->problems, state->file, MAX (err->line, 1), MAX (err->int2, 1),
                       "%s", message);
}

static void
entity_decl_cb (void          *user_data,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;
  int line = ctxt->input ? ctxt->input->line : 1;
  int column = ctxt->input ? ctxt->input->col : 1;

  if (state->forbidden)
    return;

  state->forbidden = TRUE;
  if (system_id != NULL || public_id != NULL)
    _pacta_problems_add (state->problems, state->file, line, column,
                         _("external entity “%s” refused: Pacta never loads outside resources named by a document"),
                         (const char *) name);
  else
    _pacta_problems_add (state->problems, state->file, line, column,
                         _("entity declaration “%s” refused: documents that declare entities are not accepted"),
                         (const char *) name);
  xmlStopParser (ctxt);
}

/* With an external DTD named (never loaded), libxml2 lets an undeclared entity through as a
 * reference node; Pacta cannot know what it stands for, so it refuses the document. */
static void
reference_cb (void          *user_data,
              const xmlChar *name)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;

  if (state->forbidden)
    return;
  state->forbidden = TRUE;
  if (state->problems->len >= MAX_PROBLEMS)
    g_ptr_array_set_size (state->problems, MAX_PROBLEMS - 1);
  _pacta_problems_add (state->problems, state->file,
                       ctxt->input ? ctxt->input->line : 1, ctxt->input ? ctxt->input->col : 1,
                       _("reference to undeclared entity “&%s;”: Pacta does not load DTDs"),
                       (const char *) name);
  xmlStopParser (ctxt);
}

GBytes *
_pacta_read_file (const char  *path,
                  GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PactaProblem) problem = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_commandline_arg (path);
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        problem = pacta_problem_new (path, 0, 0, _("no such file"));
      else
        problem = pacta_problem_new (path, 0, 0, local_error->message);
      pacta_set_error_from_problem (error, PACTA_ERROR_IO, problem);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      problem = pacta_problem_new (path, 0, 0, _("is a folder, not a file"));
      pacta_set_error_from_problem (error, PACTA_ERROR_IO, problem);
      return NULL;
    }

  if ((gsize) g_file_info_get_size (info) > PACTA_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (PACTA_MAX_FILE_SIZE);
      g_autofree char *message = g_strdup_printf (_("file is too large (%s); Pacta reads files of up to %s"),
                                                  size, limit);

      problem = pacta_problem_new (path, 0, 0, message);
      pacta_set_error_from_problem (error, PACTA_ERROR_TOO_LARGE, problem);
      return NULL;
    }

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      problem = pacta_problem_new (path, 0, 0, local_error->message);
      pacta_set_error_from_problem (error, PACTA_ERROR_IO, problem);
      return NULL;
    }

  return g_bytes_new_take (contents, length);
}

/* Writes atomically and durably: the old file stays whole until the new one is on disk. */
gboolean
_pacta_write_file (const char  *path,
                   const char  *contents,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents_full (path, contents, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    {
      g_autoptr(PactaProblem) problem = pacta_problem_new (path, 0, 0, local_error->message);

      pacta_set_error_from_problem (error, PACTA_ERROR_IO, problem);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

xmlDoc *
_pacta_xml_parse (GBytes      *bytes,
                  const char  *file,
                  GError     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) pacta_problem_free);
  ParseState state = { file, problems, FALSE };
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc = NULL;
  const char *data;
  gsize length;

  _pacta_xml_init ();

  data = g_bytes_get_data (bytes, &length);
  if (length == 0 || is_blank (data, length))
    {
      g_autoptr(PactaProblem) problem = pacta_problem_new (file, 1, 1, _("the file is empty"));

      pacta_set_error_from_problem (error, PACTA_ERROR_EMPTY, problem);
      return NULL;
    }

  if (length > PACTA_MAX_FILE_SIZE || length > G_MAXINT)
    {
      g_autoptr(PactaProblem) problem = pacta_problem_new (file, 0, 0, _("the document is too large"));

      pacta_set_error_from_problem (error, PACTA_ERROR_TOO_LARGE, problem);
      return NULL;
    }

  ctxt = xmlCreateMemoryParserCtxt (data, (int) length);
  if (ctxt == NULL)
    {
      g_autoptr(PactaProblem) problem = pacta_problem_new (file, 0, 0, _("out of memory"));

      pacta_set_error_from_problem (error, PACTA_ERROR_IO, problem);
      return NULL;
    }

  ctxt->_private = &state;
  ctxt->sax->serror = parse_error_cb;
  ctxt->sax->warning = NULL;
  ctxt->sax->error = NULL;
  ctxt->sax->entityDecl = entity_decl_cb;
  ctxt->sax->reference = reference_cb;
  /* Large real documents (an annotated corpus, a 100 MB consolidation) have long text nodes;
   * entity declarations are refused above, so XML_PARSE_HUGE carries no expansion risk. */
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_HUGE);
  ctxt->replaceEntities = 0;
  ctxt->loadsubset = 0;
  ctxt->validate = 0;

  xmlParseDocument (ctxt);

  doc = ctxt->myDoc;
  ctxt->myDoc = NULL;

  if (state.forbidden || !ctxt->wellFormed || doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      /* The refusal explains more than the parser's follow-up complaints. */
      if (state.forbidden && problems->len > 1)
        {
          PactaProblem *refusal = g_ptr_array_steal_index (problems, problems->len - 1);
          g_ptr_array_insert (problems, 0, refusal);
        }
      PactaError code = state.forbidden ? PACTA_ERROR_FORBIDDEN : PACTA_ERROR_MALFORMED;

      if (problems->len == 0)
        _pacta_problems_add (problems, file, 1, 1, _("not a well-formed XML document"));
      pacta_set_error_from_problem (error, code, g_ptr_array_index (problems, 0));
      g_clear_pointer (&doc, xmlFreeDoc);
    }

  ctxt->_private = NULL;
  xmlFreeParserCtxt (ctxt);

  return doc;
}

gboolean
_pacta_xml_is_akn_ns (xmlNode *node)
{
  if (node == NULL || node->ns == NULL || node->ns->href == NULL)
    return FALSE;
  return g_str_equal ((const char *) node->ns->href, PACTA_NS_AKN3) ||
         g_str_equal ((const char *) node->ns->href, PACTA_NS_AKN2);
}

gboolean
_pacta_xml_is (xmlNode    *node,
               const char *name)
{
  return node != NULL &&
         node->type == XML_ELEMENT_NODE &&
         _pacta_xml_is_akn_ns (node) &&
         g_str_equal ((const char *) node->name, name);
}

xmlNode *
_pacta_xml_first_child (xmlNode    *node,
                        const char *name)
{
  for (xmlNode *child = node ? node->children : NULL; child; child = child->next)
    if (_pacta_xml_is (child, name))
      return child;
  return NULL;
}

char *
_pacta_xml_attr (xmlNode    *node,
                 const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static void
dump_node (xmlBuffer *buffer,
           xmlNode   *node)
{
  xmlNodeDump (buffer, node->doc, node, 0, 0);
}

char *
_pacta_xml_inner (xmlNode *node)
{
  xmlBuffer *buffer;
  char *result;

  if (node == NULL || node->children == NULL)
    return NULL;

  buffer = xmlBufferCreate ();
  for (xmlNode *child = node->children; child; child = child->next)
    dump_node (buffer, child);
  result = g_strndup ((const char *) xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return result;
}

char *
_pacta_xml_outer (xmlNode *node)
{
  xmlBuffer *buffer = xmlBufferCreate ();
  char *result;

  dump_node (buffer, node);
  result = g_strndup ((const char *) xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return result;
}

/* Appends text with runs of white space folded to one space. */
static void
append_folded (GString    *out,
               const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\n')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, *p);
    }
}

static gboolean
is_block_element (xmlNode *node)
{
  static const char * const blocks[] = {
    "p", "block", "blockList", "item", "listIntroduction", "listWrapUp", "tr", "tblock",
    "blockContainer", "formula", "recital", "citation", "longTitle", "docTitle", "container",
    "signature", "ul", "ol", "li", "table", "td", "th", "heading", "num", "subheading", NULL
  };

  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  return g_strv_contains (blocks, (const char *) node->name);
}

static void
collect_text (GString *out,
              xmlNode *node)
{
  for (xmlNode *child = node->children; child; child = child->next)
    {
      switch (child->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          append_folded (out, (const char *) child->content);
          break;

        case XML_ELEMENT_NODE:
          if (g_str_equal ((const char *) child->name, "eol") ||
              g_str_equal ((const char *) child->name, "br"))
            {
              g_string_append_c (out, '\n');
              break;
            }
          if (g_str_equal ((const char *) child->name, "authorialNote") ||
              g_str_equal ((const char *) child->name, "noteRef"))
            break;
          if (is_block_element (child) && out->len > 0 && out->str[out->len - 1] != '\n')
            {
              while (out->len > 0 && out->str[out->len - 1] == ' ')
                g_string_truncate (out, out->len - 1);
              g_string_append_c (out, '\n');
            }
          collect_text (out, child);
          if (is_block_element (child) && out->len > 0 && out->str[out->len - 1] != '\n')
            {
              while (out->len > 0 && out->str[out->len - 1] == ' ')
                g_string_truncate (out, out->len - 1);
              g_string_append_c (out, '\n');
            }
          break;

        default:
          break;
        }
    }
}

static char *
finish_text (GString *out)
{
  char *result;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) joined = g_string_new (NULL);

  lines = g_strsplit (out->str, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, '\n');
      g_string_append (joined, lines[i]);
    }
  g_string_free (out, TRUE);
  result = g_string_free (g_steal_pointer (&joined), FALSE);
  return result;
}

/* The text of an inline element (num, heading), on one line. */
char *
_pacta_xml_text (xmlNode *node)
{
  GString *out = g_string_new (NULL);
  char *text;

  if (node != NULL)
    collect_text (out, node);
  text = finish_text (out);
  for (char *p = text; *p; p++)
    if (*p == '\n')
      *p = ' ';
  return text;
}

/* The text of a block container: one line per paragraph. */
char *
_pacta_xml_block_text (xmlNode *node)
{
  GString *out = g_string_new (NULL);

  if (node != NULL)
    collect_text (out, node);
  return finish_text (out);
}

int
_pacta_xml_line (xmlNode *node)
{
  long line = xmlGetLineNo (node);

  return line > 0 ? (int) MIN (line, G_MAXINT) : 0;
}

/* libxml2 keeps no columns on nodes; find the element's start tag on its line instead. */
int
_pacta_xml_column (GBytes     *source,
                   int         line,
                   const char *element)
{
  const char *data;
  const char *end;
  const char *p;
  gsize length;
  int current = 1;

  if (source == NULL || line <= 0)
    return 1;

  data = g_bytes_get_data (source, &length);
  end = data + length;
  p = data;
  while (current < line && p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      if (nl == NULL)
        return 1;
      p = nl + 1;
      current++;
    }

  if (element != NULL)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *limit = eol ? eol : end;
      gsize name_len = strlen (element);

      for (const char *q = p; q + name_len < limit; q++)
        {
          if (*q != '<')
            continue;
          const char *name = q + 1;
          const char *colon = memchr (name, ':', MIN ((gsize) (limit - name), name_len + 32));
          const char *space = name;
          while (space < limit && !g_ascii_isspace (*space) && *space != '>' && *space != '/')
            space++;
          if (colon != NULL && colon < space)
            name = colon + 1;
          if ((gsize) (space - name) == name_len && strncmp (name, element, name_len) == 0)
            return (int) g_utf8_strlen (p, q - p) + 1;
        }
    }

  /* Fall back to the first non-blank character of the line. */
  for (const char *q = p; q < end && *q != '\n'; q++)
    if (!g_ascii_isspace (*q))
      return (int) g_utf8_strlen (p, q - p) + 1;
  return 1;
}

typedef struct
{
  const char *file;
  GBytes     *source;
  GPtrArray  *problems;
} ValidateState;

static void
validate_error_cb (void        *user_data,
                   xmlErrorPtr  err)
{
  ValidateState *state = user_data;
  g_autofree char *message = NULL;
  xmlNode *node = err->node;
  int line = err->line;
  int column;

  if (err->level == XML_ERR_WARNING)
    return;

  if (node != NULL && line <= 0)
    line = _pacta_xml_line (node);
  column = err->int2 > 0 ? err->int2
                         : _pacta_xml_column (state->source, line,
                                              node && node->type == XML_ELEMENT_NODE ? (const char *) node->name : NULL);
  message = clean_libxml_message (err->message);
  _pacta_problems_add (state->problems, state->file, MAX (line, 1), column, "%s", message);
}

static xmlRelaxNGPtr
load_schema (const char *resource)
{
  static GMutex lock;
  static GHashTable *schemas;
  g_autoptr(GBytes) bytes = NULL;
  xmlRelaxNGParserCtxtPtr parser;
  xmlRelaxNGPtr schema;
  const char *data;
  gsize length;

  g_mutex_lock (&lock);
  if (schemas == NULL)
    schemas = g_hash_table_new (g_str_hash, g_str_equal);
  schema = g_hash_table_lookup (schemas, resource);
  if (schema == NULL)
    {
      bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (bytes != NULL);
      data = g_bytes_get_data (bytes, &length);
      parser = xmlRelaxNGNewMemParserCtxt (data, (int) length);
      schema = xmlRelaxNGParse (parser);
      xmlRelaxNGFreeParserCtxt (parser);
      g_assert (schema != NULL);
      g_hash_table_insert (schemas, (gpointer) g_intern_string (resource), schema);
    }
  g_mutex_unlock (&lock);

  return schema;
}

static gboolean
is_cascade_message (const PactaProblem *problem)
{
  return strstr (problem->message, "failed to validate content") != NULL ||
         strstr (problem->message, "failed to validate attributes") != NULL ||
         strstr (problem->message, "Invalid sequence in interleave") != NULL;
}

GPtrArray *
_pacta_xml_validate (xmlDoc     *doc,
                     const char *schema_resource,
                     const char *file,
                     GBytes     *source)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) pacta_problem_free);
  ValidateState state = { file, source, problems };
  xmlRelaxNGValidCtxtPtr vctxt;
  xmlRelaxNGPtr schema;
  GPtrArray *kept;

  _pacta_xml_init ();

  schema = load_schema (schema_resource);
  vctxt = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (vctxt, validate_error_cb, &state);
  xmlRelaxNGValidateDoc (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);

  /* RELAX NG reports each failure again for every enclosing element; the innermost
   * message is the one that helps, so drop the echoes when there is something better. */
  kept = g_ptr_array_new_with_free_func ((GDestroyNotify) pacta_problem_free);
  for (guint i = 0; i < problems->len; i++)
    {
      PactaProblem *problem = g_ptr_array_index (problems, i);
      gboolean duplicate = FALSE;

      if (is_cascade_message (problem) && problems->len > 1)
        continue;
      for (guint j = 0; j < kept->len; j++)
        {
          PactaProblem *other = g_ptr_array_index (kept, j);
          if (other->line == problem->line && g_str_equal (other->message, problem->message))
            duplicate = TRUE;
        }
      if (!duplicate)
        g_ptr_array_add (kept, pacta_problem_copy (problem));
    }
  if (kept->len == 0 && problems->len > 0)
    g_ptr_array_add (kept, pacta_problem_copy (g_ptr_array_index (problems, 0)));

  return kept;
}
