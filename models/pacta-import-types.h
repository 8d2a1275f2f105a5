/* pacta-import-types.h — enumerations and the line record shared by the import code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Files larger than this are refused before they are read (the stated import limit). */
#define PACTA_IMPORT_MAX_FILE_SIZE ((gsize) 64 * 1024 * 1024)

typedef enum
{
  PACTA_IMPORT_FORMAT_UNKNOWN,
  PACTA_IMPORT_FORMAT_TEXT,
  PACTA_IMPORT_FORMAT_MARKDOWN,
  PACTA_IMPORT_FORMAT_PDF,
  PACTA_IMPORT_FORMAT_DOCX,
  PACTA_IMPORT_FORMAT_ODT,
  PACTA_IMPORT_FORMAT_HTML,
} PactaImportFormat;

/* What a detected boundary opens. The order is the order of rank in the body: a node's
 * parent is the nearest earlier node of a smaller rank (part … subpoint). */
typedef enum
{
  PACTA_IMPORT_NODE_TITLE,        /* the title block before the preamble */
  PACTA_IMPORT_NODE_PREAMBLE,
  PACTA_IMPORT_NODE_PART,
  PACTA_IMPORT_NODE_DIVISION,     /* "Title II", "Titre II", "Título II": AKN <title> */
  PACTA_IMPORT_NODE_CHAPTER,
  PACTA_IMPORT_NODE_SECTION,
  PACTA_IMPORT_NODE_ARTICLE,
  PACTA_IMPORT_NODE_PARAGRAPH,
  PACTA_IMPORT_NODE_POINT,
  PACTA_IMPORT_NODE_SUBPOINT,
  PACTA_IMPORT_NODE_CONCLUSIONS,  /* final formula and signatures */
  PACTA_IMPORT_NODE_ANNEX,
} PactaImportNodeKind;

typedef enum /*< flags >*/
{
  PACTA_IMPORT_LINE_NONE     = 0,
  PACTA_IMPORT_LINE_HEADING  = 1 << 0, /* marked as a heading by the source (style, <h2>, "#") */
  PACTA_IMPORT_LINE_BOLD     = 1 << 1, /* set in bold throughout */
  PACTA_IMPORT_LINE_CENTERED = 1 << 2,
  PACTA_IMPORT_LINE_LARGE    = 1 << 3, /* set larger than the body text */
  PACTA_IMPORT_LINE_TABLE    = 1 << 4, /* from a table cell */
  PACTA_IMPORT_LINE_LIST     = 1 << 5, /* a list item whose number the reader recovered */
  PACTA_IMPORT_LINE_HANGING  = 1 << 6, /* starts with a bare label set apart ("a    the term…") */
} PactaImportLineFlags;

/* One paragraph of the source as a reader found it: the unit the structure detector reads,
 * the preview shows and the user splits at. */
typedef struct
{
  char                 *text;    /* whitespace folded, numbering label included */
  PactaImportLineFlags  flags;
  guint8                level;   /* heading level 1–6 when the source gave one, else 0 */
  guint                 page;    /* 1-based page in a PDF, 0 in other formats */
  guint                 block;   /* lines of one table cell or text block share a block id */
  guint                 origin;  /* 1-based line (text files) or paragraph number where it began */
  const char           *lang;    /* "en", "fr", "es" or NULL: set by language detection */
} PactaImportLine;

const char          *pacta_import_format_to_string     (PactaImportFormat    format);
const char          *pacta_import_node_kind_to_string  (PactaImportNodeKind  kind);
const char          *pacta_import_node_kind_to_label   (PactaImportNodeKind  kind);
gboolean             pacta_import_node_kind_is_body    (PactaImportNodeKind  kind);

G_END_DECLS
