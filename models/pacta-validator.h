/* pacta-validator.h — check agreement and guideline files against Pacta's schemas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pacta-error.h"

G_BEGIN_DECLS

typedef enum
{
  PACTA_DOCUMENT_UNKNOWN,
  PACTA_DOCUMENT_AGREEMENT,
  PACTA_DOCUMENT_GUIDELINE,
} PactaDocumentType;

GPtrArray *pacta_validate_file  (const char        *path,
                                 PactaDocumentType *type);
PactaDocumentType pacta_sniff_file (const char     *path);
GPtrArray *pacta_validate_bytes (GBytes            *bytes,
                                 const char        *file,
                                 PactaDocumentType *type);

G_END_DECLS
