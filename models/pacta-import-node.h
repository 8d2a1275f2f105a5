/* pacta-import-node.h — one boundary detected in an imported text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pacta-import-types.h"

G_BEGIN_DECLS

#define PACTA_TYPE_IMPORT_NODE (pacta_import_node_get_type ())

G_DECLARE_FINAL_TYPE (PactaImportNode, pacta_import_node, PACTA, IMPORT_NODE, GObject)

PactaImportNode     *pacta_import_node_new               (PactaImportNodeKind  kind,
                                                          guint                first_line);
PactaImportNodeKind  pacta_import_node_get_kind          (PactaImportNode     *self);
void                 pacta_import_node_set_kind          (PactaImportNode     *self,
                                                          PactaImportNodeKind  kind);
guint                pacta_import_node_get_first_line    (PactaImportNode     *self);
void                 pacta_import_node_set_first_line    (PactaImportNode     *self,
                                                          guint                line);
guint                pacta_import_node_get_header_lines  (PactaImportNode     *self);
void                 pacta_import_node_set_header_lines  (PactaImportNode     *self,
                                                          guint                n_lines);
const char          *pacta_import_node_get_num           (PactaImportNode     *self);
void                 pacta_import_node_set_num           (PactaImportNode     *self,
                                                          const char          *num);
const char          *pacta_import_node_get_heading       (PactaImportNode     *self);
void                 pacta_import_node_set_heading       (PactaImportNode     *self,
                                                          const char          *heading);
const char          *pacta_import_node_get_text          (PactaImportNode     *self);
void                 pacta_import_node_set_text          (PactaImportNode     *self,
                                                          const char          *text);
int                  pacta_import_node_get_value         (PactaImportNode     *self);
void                 pacta_import_node_set_value         (PactaImportNode     *self,
                                                          int                  value);
guint                pacta_import_node_get_depth         (PactaImportNode     *self);
void                 pacta_import_node_set_depth         (PactaImportNode     *self,
                                                          guint                depth);
char                *pacta_import_node_dup_label         (PactaImportNode     *self);

G_END_DECLS
