/* pacta-guideline-reader.h — guideline files into PactaGuideline, and back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pacta-guideline.h"

G_BEGIN_DECLS

PactaGuideline *pacta_guideline_load_file   (const char      *path,
                                             GError         **error);
PactaGuideline *pacta_guideline_load_bytes  (GBytes          *bytes,
                                             const char      *file,
                                             GError         **error);
char           *pacta_guideline_to_string   (PactaGuideline  *guideline);
gboolean        pacta_guideline_save_file   (PactaGuideline  *guideline,
                                             const char      *path,
                                             GError         **error);

G_END_DECLS
