/* pacta-matcher.h — finds, for each guideline item, the provisions that address it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pacta-coverage.h"

G_BEGIN_DECLS

#define PACTA_TYPE_MATCHER (pacta_matcher_get_type ())

G_DECLARE_FINAL_TYPE (PactaMatcher, pacta_matcher, PACTA, MATCHER, GObject)

/* Where a matched word stands in a text, in bytes. */
typedef struct
{
  guint start;
  guint length;
} PactaSpan;

PactaMatcher  *pacta_matcher_new            (void);
void           pacta_matcher_set_use_tags   (PactaMatcher   *self,
                                             gboolean        use_tags);
PactaCoverage *pacta_matcher_check          (PactaMatcher   *self,
                                             PactaAgreement *agreement,
                                             PactaGuideline *guideline);
GArray        *pacta_matcher_find_spans     (PactaMatcher   *self,
                                             const char     *language,
                                             const char     *text,
                                             const char * const *terms);
const char    *pacta_matcher_language_of    (PactaAgreement *agreement);

G_END_DECLS
