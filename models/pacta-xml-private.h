/* pacta-xml-private.h — safe libxml2 parsing and helpers shared by the readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

#include "pacta-error.h"

G_BEGIN_DECLS

#define PACTA_NS_AKN3       "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
#define PACTA_NS_AKN2       "http://www.akomantoso.org/2.0"
#define PACTA_NS_PROPRIETARY "https://pacta.github.io/ns/akn/1.0"
#define PACTA_NS_GUIDELINE  "https://pacta.github.io/ns/guideline/1.0"

/* Largest file the readers accept; larger ones are refused with a clear message. */
#define PACTA_MAX_FILE_SIZE ((gsize) 256 * 1024 * 1024)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

void      _pacta_xml_init              (void);
GBytes   *_pacta_read_file             (const char   *path,
                                        GError      **error);
gboolean  _pacta_write_file            (const char   *path,
                                        const char   *contents,
                                        GError      **error);
xmlDoc   *_pacta_xml_parse             (GBytes       *bytes,
                                        const char   *file,
                                        GError      **error);
gboolean  _pacta_xml_is_akn_ns         (xmlNode      *node);
gboolean  _pacta_xml_is                (xmlNode      *node,
                                        const char   *name);
xmlNode  *_pacta_xml_first_child       (xmlNode      *node,
                                        const char   *name);
char     *_pacta_xml_attr              (xmlNode      *node,
                                        const char   *name);
char     *_pacta_xml_inner             (xmlNode      *node);
char     *_pacta_xml_outer             (xmlNode      *node);
char     *_pacta_xml_text              (xmlNode      *node);
char     *_pacta_xml_block_text        (xmlNode      *node);
int       _pacta_xml_line              (xmlNode      *node);
int       _pacta_xml_column            (GBytes       *source,
                                        int           line,
                                        const char   *element);
GPtrArray *_pacta_xml_validate         (xmlDoc       *doc,
                                        const char   *schema_resource,
                                        const char   *file,
                                        GBytes       *source);
void       _pacta_problems_add         (GPtrArray    *problems,
                                        const char   *file,
                                        int           line,
                                        int           column,
                                        const char   *format,
                                        ...) G_GNUC_PRINTF (5, 6);

G_END_DECLS
