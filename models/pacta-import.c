/* pacta-import.c — PDF, Word, ODT, HTML and text files to structured agreements
 *
 * The entry points: tell the format (by extension, checked against the file's first bytes),
 * run the reader, and detect the structure. A file that cannot be read gives one error
 * naming it; nothing here writes anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pacta-import.h"
#include "pacta-import-private.h"

const char *
pacta_import_format_to_string (PactaImportFormat format)
{
  switch (format)
    {
    case PACTA_IMPORT_FORMAT_TEXT: return "text";
    case PACTA_IMPORT_FORMAT_MARKDOWN: return "markdown";
    case PACTA_IMPORT_FORMAT_PDF: return "pdf";
    case PACTA_IMPORT_FORMAT_DOCX: return "docx";
    case PACTA_IMPORT_FORMAT_ODT: return "odt";
    case PACTA_IMPORT_FORMAT_HTML: return "html";
    case PACTA_IMPORT_FORMAT_UNKNOWN:
    default:
      return "unknown";
    }
}

const char *
pacta_import_node_kind_to_string (PactaImportNodeKind kind)
{
  switch (kind)
    {
    case PACTA_IMPORT_NODE_TITLE: return "title";
    case PACTA_IMPORT_NODE_PREAMBLE: return "preamble";
    case PACTA_IMPORT_NODE_PART: return "part";
    case PACTA_IMPORT_NODE_DIVISION: return "division";
    case PACTA_IMPORT_NODE_CHAPTER: return "chapter";
    case PACTA_IMPORT_NODE_SECTION: return "section";
    case PACTA_IMPORT_NODE_ARTICLE: return "article";
    case PACTA_IMPORT_NODE_PARAGRAPH: return "paragraph";
    case PACTA_IMPORT_NODE_POINT: return "point";
    case PACTA_IMPORT_NODE_SUBPOINT: return "subpoint";
    case PACTA_IMPORT_NODE_CONCLUSIONS: return "conclusions";
    case PACTA_IMPORT_NODE_ANNEX: return "annex";
    default: return "unknown";
    }
}

const char *
pacta_import_node_kind_to_label (PactaImportNodeKind kind)
{
  switch (kind)
    {
    case PACTA_IMPORT_NODE_TITLE: return _("Title");
    case PACTA_IMPORT_NODE_PREAMBLE: return _("Preamble");
    case PACTA_IMPORT_NODE_PART: return _("Part");
    case PACTA_IMPORT_NODE_DIVISION: return _("Title (division)");
    case PACTA_IMPORT_NODE_CHAPTER: return _("Chapter");
    case PACTA_IMPORT_NODE_SECTION: return _("Section");
    case PACTA_IMPORT_NODE_ARTICLE: return _("Article");
    case PACTA_IMPORT_NODE_PARAGRAPH: return _("Paragraph");
    case PACTA_IMPORT_NODE_POINT: return _("Point");
    case PACTA_IMPORT_NODE_SUBPOINT: return _("Sub-point");
    case PACTA_IMPORT_NODE_CONCLUSIONS: return _("Final clauses and signatures");
    case PACTA_IMPORT_NODE_ANNEX: return _("Annex");
    default: return _("Unknown");
    }
}

/* Whether @kind is a unit of the body (part … sub-point) rather than the title block,
 * preamble, final clauses or an annex. */
gboolean
pacta_import_node_kind_is_body (PactaImportNodeKind kind)
{
  return kind >= PACTA_IMPORT_NODE_PART && kind <= PACTA_IMPORT_NODE_SUBPOINT;
}

static const char *
extension_of (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  const char *dot = strrchr (path, '.');
  const char *slash = strrchr (path, '/');

  if (dot == NULL || (slash != NULL && dot < slash) || dot == path || strchr (base, '.') == NULL)
    return NULL;
  return dot + 1;
}

PactaImportFormat
pacta_import_format_for_path (const char *path)
{
  static const struct { const char *ext; PactaImportFormat format; } table[] = {
    { "txt", PACTA_IMPORT_FORMAT_TEXT }, { "text", PACTA_IMPORT_FORMAT_TEXT },
    { "md", PACTA_IMPORT_FORMAT_MARKDOWN }, { "markdown", PACTA_IMPORT_FORMAT_MARKDOWN },
    { "pdf", PACTA_IMPORT_FORMAT_PDF },
    { "docx", PACTA_IMPORT_FORMAT_DOCX }, { "docm", PACTA_IMPORT_FORMAT_DOCX },
    { "odt", PACTA_IMPORT_FORMAT_ODT },
    { "html", PACTA_IMPORT_FORMAT_HTML }, { "htm", PACTA_IMPORT_FORMAT_HTML },
    { "xhtml", PACTA_IMPORT_FORMAT_HTML },
  };
  const char *ext;

  g_return_val_if_fail (path != NULL, PACTA_IMPORT_FORMAT_UNKNOWN);

  ext = extension_of (path);
  for (guint i = 0; ext && i < G_N_ELEMENTS (table); i++)
    if (g_ascii_strcasecmp (ext, table[i].ext) == 0)
      return table[i].format;
  return PACTA_IMPORT_FORMAT_UNKNOWN;
}

static gboolean
has_prefix_bytes (const char *data,
                  gsize       length,
                  const char *prefix)
{
  gsize n = strlen (prefix);

  return length >= n && memcmp (data, prefix, n) == 0;
}

static gboolean
find_in_head (const char *data,
              gsize       length,
              const char *needle)
{
  gsize n = MIN (length, 2048);
  g_autofree char *head = g_ascii_strdown (data, n);

  return g_strstr_len (head, n, needle) != NULL;
}

static gboolean
find_bytes (const char *data,
            gsize       length,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* What the first bytes say the file is. */
static PactaImportFormat
sniff (const char *data,
       gsize       length)
{
  if (length >= 5 && g_strstr_len (data, MIN (length, 1024), "%PDF-") != NULL)
    return PACTA_IMPORT_FORMAT_PDF;
  if (has_prefix_bytes (data, length, "PK\003\004"))
    {
      /* The first member is "mimetype", stored: its text follows the name, after any
       * extra fields the zip tool added. */
      if (find_bytes (data, MIN (length, 512), "application/vnd.oasis.opendocument.text"))
        return PACTA_IMPORT_FORMAT_ODT;
      return PACTA_IMPORT_FORMAT_DOCX;
    }
  if (find_in_head (data, length, "<html") || find_in_head (data, length, "<!doctype html"))
    return PACTA_IMPORT_FORMAT_HTML;
  return PACTA_IMPORT_FORMAT_TEXT;
}

static PactaImportSource *
read_bytes (GBytes                   *bytes,
            const char               *name,
            PactaImportFormat         format,
            const PactaImportMonitor *monitor,
            GError                  **error)
{
  g_autoptr(PactaImportSource) source = NULL;
  gsize length;
  const char *data;
  gboolean ok = FALSE;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (name == NULL)
    name = "-";
  if (length == 0)
    {
      _pacta_import_set_error (error, PACTA_ERROR_EMPTY, name, "%s", _("the file is empty"));
      return NULL;
    }
  if (length > PACTA_IMPORT_MAX_FILE_SIZE)
    {
      g_autofree char *limit = g_format_size (PACTA_IMPORT_MAX_FILE_SIZE);

      _pacta_import_set_error (error, PACTA_ERROR_TOO_LARGE, name,
                               _("file is too large to import; the limit is %s"), limit);
      return NULL;
    }
  if (format == PACTA_IMPORT_FORMAT_UNKNOWN)
    format = sniff (data, length);

  /* The extension promised a format: the bytes must keep the promise. */
  switch (format)
    {
    case PACTA_IMPORT_FORMAT_PDF:
      if (g_strstr_len (data, MIN (length, 1024), "%PDF-") == NULL)
        {
          _pacta_import_set_error (error, PACTA_ERROR_MALFORMED, name, "%s",
                                   _("not a PDF file: it does not begin with “%PDF-”"));
          return NULL;
        }
      break;
    case PACTA_IMPORT_FORMAT_DOCX:
    case PACTA_IMPORT_FORMAT_ODT:
      if (!has_prefix_bytes (data, length, "PK\003\004"))
        {
          _pacta_import_set_error (error, PACTA_ERROR_MALFORMED, name,
                                   _("not a %s file: it is not a ZIP archive"),
                                   format == PACTA_IMPORT_FORMAT_DOCX ? "Word (.docx)" : "OpenDocument (.odt)");
          return NULL;
        }
      break;
    case PACTA_IMPORT_FORMAT_TEXT:
    case PACTA_IMPORT_FORMAT_MARKDOWN:
    case PACTA_IMPORT_FORMAT_HTML:
    case PACTA_IMPORT_FORMAT_UNKNOWN:
    default:
      break;
    }

  source = pacta_import_source_new (name, format);
  switch (format)
    {
    case PACTA_IMPORT_FORMAT_PDF:
      ok = _pacta_import_read_pdf (source, bytes, monitor, error);
      break;
    case PACTA_IMPORT_FORMAT_DOCX:
      ok = _pacta_import_read_docx (source, bytes, error);
      break;
    case PACTA_IMPORT_FORMAT_ODT:
      ok = _pacta_import_read_odt (source, bytes, error);
      break;
    case PACTA_IMPORT_FORMAT_HTML:
      ok = _pacta_import_read_html (source, bytes, error);
      break;
    case PACTA_IMPORT_FORMAT_TEXT:
    case PACTA_IMPORT_FORMAT_MARKDOWN:
    case PACTA_IMPORT_FORMAT_UNKNOWN:
    default:
      ok = _pacta_import_read_text (source, bytes, error);
      break;
    }
  if (!ok)
    return NULL;

  if (pacta_import_source_get_n_lines (source) == 0)
    {
      if (format == PACTA_IMPORT_FORMAT_PDF)
        _pacta_import_set_error (error, PACTA_ERROR_UNSUPPORTED, name, "%s",
                                 _("the PDF has no text layer (a scanned document?): run OCR on it first"));
      else
        _pacta_import_set_error (error, PACTA_ERROR_EMPTY, name, "%s", _("no text found in the document"));
      return NULL;
    }
  return g_steal_pointer (&source);
}

/* Reads @bytes as @format (UNKNOWN: tell from the bytes). */
PactaImportSource *
pacta_import_read_bytes (GBytes             *bytes,
                         const char         *name,
                         PactaImportFormat   format,
                         GError            **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return read_bytes (bytes, name, format, NULL, error);
}

/* Whether @path is a document to import, and as what: by its extension when it has one that
 * import reads, otherwise by its first bytes (a PDF, a ZIP, an HTML page, plain text).
 * Returns UNKNOWN for XML (Akoma Ntoso, guidelines: opened, not imported), for the word
 * processors' own formats (.doc, .rtf: pacta_import_read_file() says what to do), for files
 * that cannot be read, and for binary data that is none of these. */
PactaImportFormat
pacta_import_sniff_file (const char *path)
{
  static const char * const not_sniffed[] = { "xml", "akn", "doc", "rtf", "wpd", "pages", "wps" };
  PactaImportFormat format;
  const char *ext;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  char head[4096];
  gssize length;
  const char *start;
  const char *end;

  g_return_val_if_fail (path != NULL, PACTA_IMPORT_FORMAT_UNKNOWN);

  format = pacta_import_format_for_path (path);
  if (format != PACTA_IMPORT_FORMAT_UNKNOWN)
    return format;
  /* XML is opened, not imported; word processors' own formats are refused by name. */
  ext = extension_of (path);
  if (ext != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (not_sniffed); i++)
      if (g_ascii_strcasecmp (ext, not_sniffed[i]) == 0)
        return PACTA_IMPORT_FORMAT_UNKNOWN;

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, NULL);
  if (stream == NULL)
    return PACTA_IMPORT_FORMAT_UNKNOWN;
  length = g_input_stream_read (G_INPUT_STREAM (stream), head, sizeof head, NULL, NULL);
  if (length <= 0)
    return PACTA_IMPORT_FORMAT_UNKNOWN;

  format = sniff (head, length);
  if (format != PACTA_IMPORT_FORMAT_TEXT)
    return format;

  /* Text: unless it is markup (XML is for the Akoma Ntoso reader), or not text at all. */
  start = head;
  if (length >= 3 && memcmp (head, "\xef\xbb\xbf", 3) == 0)
    start += 3;
  while (start < head + length && g_ascii_isspace (*start))
    start++;
  if (start < head + length && *start == '<')
    return PACTA_IMPORT_FORMAT_UNKNOWN;
  if (memchr (head, '\0', length) != NULL &&
      !(length >= 2 && ((guchar) head[0] == 0xff || (guchar) head[0] == 0xfe)))
    return PACTA_IMPORT_FORMAT_UNKNOWN;  /* binary, unless UTF-16 with a BOM */
  if (!g_utf8_validate (head, length, &end) && (head + length) - end > 4)
    {
      /* Latin-1 text is still text; control characters other than layout are not. */
      for (gssize i = 0; i < length; i++)
        if ((guchar) head[i] < 0x20 && !g_ascii_isspace (head[i]) && head[i] != '\f')
          return PACTA_IMPORT_FORMAT_UNKNOWN;
    }
  return PACTA_IMPORT_FORMAT_TEXT;
}

PactaImportSource *
pacta_import_read_file (const char  *path,
                        GError     **error)
{
  return pacta_import_read_file_full (path, PACTA_IMPORT_FORMAT_UNKNOWN, NULL, NULL, NULL, error);
}

/* Reads @path as @format (UNKNOWN: as its extension says, or as its bytes say when it has
 * none), from a worker thread if need be: @cancellable stops it between pages, @progress
 * hears how far it got (both may be NULL). */
PactaImportSource *
pacta_import_read_file_full (const char               *path,
                             PactaImportFormat         format,
                             GCancellable             *cancellable,
                             PactaImportProgressFunc   progress,
                             gpointer                  user_data,
                             GError                  **error)
{
  PactaImportMonitor monitor = { cancellable, progress, user_data };
  const char *ext;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  if (format == PACTA_IMPORT_FORMAT_UNKNOWN)
    format = pacta_import_format_for_path (path);
  ext = extension_of (path);
  if (format == PACTA_IMPORT_FORMAT_UNKNOWN && ext != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (ext, -1);

      if (g_str_equal (lower, "doc") || g_str_equal (lower, "rtf") || g_str_equal (lower, "wpd"))
        _pacta_import_set_error (error, PACTA_ERROR_UNSUPPORTED, path,
                                 _("“.%s” files cannot be read; save the document as .docx or .odt and import that"), ext);
      else if (g_str_equal (lower, "xml") || g_str_equal (lower, "akn"))
        _pacta_import_set_error (error, PACTA_ERROR_UNSUPPORTED, path, "%s",
                                 _("XML files are not imported: open an Akoma Ntoso file directly"));
      else
        _pacta_import_set_error (error, PACTA_ERROR_UNSUPPORTED, path,
                                 _("unsupported file type “.%s”: Pacta imports .txt, .md, .pdf, .docx, .odt and .html"),
                                 ext);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  bytes = _pacta_import_load (path, error);
  if (bytes == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return read_bytes (bytes, path, format, &monitor, error);
}

/* Reads @path and detects its structure, keeping @language in bilingual documents
 * (NULL: the main language). */
PactaImportDraft *
pacta_import_file (const char  *path,
                   const char  *language,
                   GError     **error)
{
  g_autoptr(PactaImportSource) source = pacta_import_read_file (path, error);

  if (source == NULL)
    return NULL;
  return pacta_import_draft_new (source, language, error);
}
