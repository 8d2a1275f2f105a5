/* pacta-import-private.h — what the import files share: readers, layout, patterns, detection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

#include "pacta-import-draft.h"
#include "pacta-import-node.h"
#include "pacta-import-source.h"
#include "pacta-import.h"

G_BEGIN_DECLS

/* Text helpers (pacta-import-util.c) ------------------------------------------------------ */

char      *_pacta_import_clean          (const char  *text,
                                         gssize       length);
char      *_pacta_import_fold           (const char  *text);
gboolean   _pacta_import_is_upper       (const char  *text);
guint      _pacta_import_count_words    (const char  *text);
gboolean   _pacta_import_ends_sentence  (const char  *text);
gboolean   _pacta_import_starts_lower   (const char  *text);
gboolean   _pacta_import_has_prefix_word (const char *folded,
                                          const char * const *prefixes);
void       _pacta_import_set_error      (GError     **error,
                                         int          code,
                                         const char  *file,
                                         const char  *format,
                                         ...) G_GNUC_PRINTF (4, 5);
GBytes    *_pacta_import_load           (const char  *path,
                                         GError     **error);

/* Decoding (pacta-import-encoding.c) ------------------------------------------------------ */

char      *_pacta_import_decode         (const char  *data,
                                         gsize        length,
                                         const char  *file,
                                         const char **encoding,
                                         GError     **error);

/* Layout: physical lines to paragraphs (pacta-import-layout.c) ---------------------------- */

/* A line as laid out on a page, in any unit (points in a PDF, characters in a text file). */
typedef struct
{
  char     *text;
  double    x0, x1;       /* left and right edge */
  double    y;            /* top, growing downwards; text files: the line number */
  double    height;
  double    font_size;
  double    char_width;   /* average width of a character on this line */
  gboolean  bold;
  guint     page;         /* 1-based */
  guint     origin;       /* 1-based line of a text file, 0 otherwise */
  gboolean  hanging;      /* a bare label ("a", "1", "iv") set apart from the text by a wide gap */
} PactaPhysLine;

void       _pacta_phys_line_clear       (PactaPhysLine *line);

typedef struct
{
  double    page_width;   /* 0 when unknown: measured from the lines */
  double    page_height;
  gboolean  remove_running;  /* drop running headers, footers and page numbers */
} PactaLayoutOptions;

/* Removes running heads and page numbers, joins wrapped lines into paragraphs, repairs
 * end-of-line hyphenation, and adds the paragraphs to @source. @lines is a GArray of
 * PactaPhysLine, page by page, top to bottom; blank lines are entries with empty text. */
void       _pacta_import_layout         (PactaImportSource        *source,
                                         GArray                   *lines,
                                         const PactaLayoutOptions *options);

/* Readers (one file each) ----------------------------------------------------------------- */

/* What a caller in a worker thread passes down: a way to stop, and to hear how far it got.
 * Either may be NULL; only the PDF reader (page by page) uses them so far. */
typedef struct
{
  GCancellable            *cancellable;
  PactaImportProgressFunc  progress;
  gpointer                 user_data;
} PactaImportMonitor;

gboolean   _pacta_import_read_text      (PactaImportSource  *source,
                                         GBytes             *bytes,
                                         GError            **error);
void       _pacta_import_add_text       (PactaImportSource  *source,
                                         const char         *utf8,
                                         gboolean            markdown);
gboolean   _pacta_import_read_pdf       (PactaImportSource  *source,
                                         GBytes             *bytes,
                                         const PactaImportMonitor *monitor,
                                         GError            **error);
gboolean   _pacta_import_read_docx      (PactaImportSource  *source,
                                         GBytes             *bytes,
                                         GError            **error);
gboolean   _pacta_import_read_odt       (PactaImportSource  *source,
                                         GBytes             *bytes,
                                         GError            **error);
gboolean   _pacta_import_read_html      (PactaImportSource  *source,
                                         GBytes             *bytes,
                                         GError            **error);

/* ZIP containers (pacta-import-zip.c): each wanted member's bytes, NULL when absent. */
GHashTable *_pacta_import_unzip         (GBytes              *bytes,
                                         const char          *file,
                                         const char * const  *wanted,
                                         GError             **error);

/* Numbering labels shared by the DOCX, ODT and HTML readers (pacta-import-patterns.c). */
typedef enum
{
  PACTA_NUMBER_DECIMAL,
  PACTA_NUMBER_LOWER_LETTER,
  PACTA_NUMBER_UPPER_LETTER,
  PACTA_NUMBER_LOWER_ROMAN,
  PACTA_NUMBER_UPPER_ROMAN,
  PACTA_NUMBER_BULLET,
  PACTA_NUMBER_NONE,
} PactaNumberFormat;

char      *_pacta_import_format_number  (PactaNumberFormat  format,
                                         int                value);

/* Patterns (pacta-import-patterns.c) ------------------------------------------------------ */

typedef struct
{
  PactaImportNodeKind  kind;       /* ARTICLE, PART, DIVISION, CHAPTER, SECTION or ANNEX */
  gboolean             clause;     /* "Clause"/"Cláusula": an article in documents without articles */
  char                *num;        /* keyword and number as written: "Article 5", "ARTÍCULO PRIMERO" */
  int                  value;      /* 5, 1 for "premier"; -1 when there is no number */
  char                *rest;       /* what follows the number, separator removed; NULL if nothing */
  gboolean             separated;  /* a separator (. : — –) stood between number and rest */
  gboolean             upper;      /* the keyword is in capitals */
  gboolean             word_number; /* the number is a word or a Roman numeral */
  gboolean             suffixed;   /* "5 bis", "5a": may follow the article of the same value */
} PactaImportHeader;

void       _pacta_import_header_clear   (PactaImportHeader *header);
gboolean   _pacta_import_parse_header   (const char        *text,
                                         PactaImportHeader *header);

typedef enum
{
  PACTA_MARKER_NONE,
  PACTA_MARKER_NUMBER,   /* 1.  (1)  1)  § 1 */
  PACTA_MARKER_SUBNUMBER,/* 1.1  2.3. */
  PACTA_MARKER_LETTER,   /* (a)  a)  a.  (aa) */
  PACTA_MARKER_ROMAN,    /* (i)  i)  (iv) — or a letter, see letter_value */
  PACTA_MARKER_BULLET,   /* •  –  -  * */
} PactaMarkerKind;

typedef enum
{
  PACTA_MARKER_STYLE_DOT,      /* 1.  a. */
  PACTA_MARKER_STYLE_PARENS,   /* (1) (a) */
  PACTA_MARKER_STYLE_RPAREN,   /* 1)  a) */
  PACTA_MARKER_STYLE_OTHER,
} PactaMarkerStyle;

typedef struct
{
  PactaMarkerKind   kind;
  PactaMarkerStyle  style;
  char             *num;          /* as written: "1.", "(a)", "•" */
  int               value;        /* number, letter index (a = 1), or Roman value */
  int               letter_value; /* for (i), (v), (x)…: its value read as a letter, else 0 */
  int               major;        /* SUBNUMBER: the part before the dot */
  gboolean          upper;        /* (A), (I) */
  const char       *rest;         /* points into the parsed text, after the marker */
} PactaImportMarker;

void       _pacta_import_marker_clear   (PactaImportMarker *marker);
gboolean   _pacta_import_parse_marker   (const char        *text,
                                         PactaImportMarker *marker);
int        _pacta_import_roman_value    (const char        *text,
                                         gsize              length);
int        _pacta_import_number_word_value (const char     *folded_words,
                                         const char       **end);
gboolean   _pacta_import_is_page_number (const char        *text);
gboolean   _pacta_import_looks_like_heading (const char    *text,
                                         PactaImportLineFlags flags);
gboolean   _pacta_import_is_sentence_rest (const char      *rest);

/* Language (pacta-import-language.c) ------------------------------------------------------ */

const char *_pacta_import_guess_language (const char  *text,
                                          double      *confidence);
/* Labels every line's language; returns the languages that hold a substantial share of the
 * text, most used first (several when the document is bilingual). */
GStrv       _pacta_import_label_languages (GPtrArray  *lines,
                                           gboolean   *alternating);

/* Detection (pacta-import-structure.c) ---------------------------------------------------- */

/* @lines holds PactaImportLine pointers; returns PactaImportNode objects in line order. */
GPtrArray  *_pacta_import_detect         (GPtrArray   *lines,
                                          GPtrArray   *warnings,
                                          const char  *file);
/* Number, heading and inline text of a boundary the user placed at @line. */
PactaImportNode *_pacta_import_node_for_line (GPtrArray            *lines,
                                              guint                 line,
                                              PactaImportNodeKind   fallback);

/* Metadata (pacta-import-metadata.c) ------------------------------------------------------ */

typedef struct
{
  char               *title;
  GPtrArray          *parties;        /* of char*: names as written */
  char               *date_signed;    /* ISO 8601 */
  char               *place_signed;
  PactaAgreementKind  kind;
  gboolean            draft;
} PactaImportMetadata;

void        _pacta_import_metadata_clear (PactaImportMetadata *meta);
void        _pacta_import_guess_metadata (GPtrArray           *lines,
                                          GPtrArray           *nodes,
                                          PactaImportMetadata *meta);
char       *_pacta_import_parse_date     (const char          *text);
char       *_pacta_import_party_code     (const char          *name,
                                          GPtrArray           *taken);

/* Office XML (DOCX, ODT): elements and attributes by local name, whatever the prefix. */
gboolean    _pacta_import_xml_is         (xmlNode     *node,
                                          const char  *name);
char       *_pacta_import_xml_attr       (xmlNode     *node,
                                          const char  *name);

/* Warnings: PactaProblem entries "file:line:0: message". */
void        _pacta_import_warn           (GPtrArray   *warnings,
                                          const char  *file,
                                          int          line,
                                          const char  *format,
                                          ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
