/* pacta-analyzer.h — words into comparable keys: tokens, Snowball stems, folded accents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PACTA_TYPE_ANALYZER (pacta_analyzer_get_type ())

G_DECLARE_FINAL_TYPE (PactaAnalyzer, pacta_analyzer, PACTA, ANALYZER, GObject)

/* One analysed word: its key (an interned id) and where it stood. */
typedef struct
{
  guint   key;
  guint   start;     /* byte offset of the word in the analysed text */
  guint   length;    /* byte length of the word */
  guint   stopword : 1;
} PactaToken;

PactaAnalyzer *pacta_analyzer_new             (const char    *language);
const char    *pacta_analyzer_get_language    (PactaAnalyzer *self);
GArray        *pacta_analyzer_analyze         (PactaAnalyzer *self,
                                               const char    *text);
guint          pacta_analyzer_key             (PactaAnalyzer *self,
                                               const char    *word);
const char    *pacta_analyzer_key_to_string   (PactaAnalyzer *self,
                                               guint          key);
guint          pacta_analyzer_get_n_keys      (PactaAnalyzer *self);

const char    *pacta_detect_language          (const char    *text);

G_END_DECLS
