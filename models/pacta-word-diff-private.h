/* pacta-word-diff-private.h — word diffs over texts already cut into tokens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pacta-word-diff.h"

G_BEGIN_DECLS

/* As pacta_word_diff_new(), with the tokens of either text given (NULL: cut here);
 * the diff keeps a reference to the arrays and never changes them. */
PactaWordDiff *_pacta_word_diff_new_tokenized (const char     *text_a,
                                               GArray         *tokens_a,
                                               const char     *text_b,
                                               GArray         *tokens_b,
                                               PactaDiffFlags  flags);

G_END_DECLS
