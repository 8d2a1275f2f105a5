/* pacta-word-diff.h — a token-level diff of two texts (Myers), with filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the comparison may ignore. Ignored tokens are kept for display but take no part
 * in the diff. */
typedef enum /*< flags >*/
{
  PACTA_DIFF_IGNORE_NONE        = 0,
  PACTA_DIFF_IGNORE_NUMBERING   = 1 << 0, /* paragraph and point labels, numbers in cross-references */
  PACTA_DIFF_IGNORE_CASE        = 1 << 1,
  PACTA_DIFF_IGNORE_PUNCTUATION = 1 << 2,
  PACTA_DIFF_IGNORE_WHITESPACE  = 1 << 3,
} PactaDiffFlags;

#define PACTA_DIFF_DEFAULT_FLAGS PACTA_DIFF_IGNORE_WHITESPACE

typedef enum
{
  PACTA_TOKEN_WORD,
  PACTA_TOKEN_PUNCTUATION,
  PACTA_TOKEN_SPACE,
} PactaTokenKind;

/* One token of a text: bytes [start, end) of that text. */
typedef struct
{
  guint          start;
  guint          end;
  PactaTokenKind kind : 8;
  guint          numbering : 1;   /* a label ("1.", "(a)") or a number in a cross-reference */
} PactaToken;

typedef enum
{
  PACTA_DIFF_EQUAL,
  PACTA_DIFF_DELETE,
  PACTA_DIFF_INSERT,
} PactaDiffOpKind;

/* One step of the edit script, over the *compared* tokens of each side (the tokens left
 * once the filters have dropped the ignored ones): EQUAL keeps a_len (= b_len) tokens,
 * DELETE drops a_len tokens of A, INSERT takes b_len tokens of B. Applied in order to A's
 * compared tokens they give B's. */
typedef struct
{
  PactaDiffOpKind kind;
  guint           a_start;
  guint           a_len;
  guint           b_start;
  guint           b_len;
} PactaDiffOp;

/* How a stretch of text shows in a redline. */
typedef enum
{
  PACTA_SEGMENT_EQUAL,
  PACTA_SEGMENT_DELETED,
  PACTA_SEGMENT_INSERTED,
} PactaSegmentKind;

typedef void (*PactaSegmentFunc) (const char       *text,
                                  gsize             len,
                                  PactaSegmentKind  kind,
                                  gpointer          user_data);

typedef enum
{
  PACTA_SIDE_A,
  PACTA_SIDE_B,
} PactaSide;

GArray   *pacta_tokenize            (const char *text);
gboolean  pacta_token_is_ignored    (const PactaToken *token,
                                     PactaDiffFlags    flags);

#define PACTA_TYPE_WORD_DIFF (pacta_word_diff_get_type ())

G_DECLARE_FINAL_TYPE (PactaWordDiff, pacta_word_diff, PACTA, WORD_DIFF, GObject)

PactaWordDiff     *pacta_word_diff_new               (const char      *text_a,
                                                      const char      *text_b,
                                                      PactaDiffFlags   flags);
PactaDiffFlags     pacta_word_diff_get_flags         (PactaWordDiff   *self);
const char        *pacta_word_diff_get_text          (PactaWordDiff   *self,
                                                      PactaSide        side);
const PactaToken  *pacta_word_diff_get_tokens        (PactaWordDiff   *self,
                                                      PactaSide        side,
                                                      guint           *n_tokens);
const guint       *pacta_word_diff_get_compared      (PactaWordDiff   *self,
                                                      PactaSide        side,
                                                      guint           *n_compared);
const char        *pacta_word_diff_get_key           (PactaWordDiff   *self,
                                                      PactaSide        side,
                                                      guint            compared_index);
const PactaDiffOp *pacta_word_diff_get_ops           (PactaWordDiff   *self,
                                                      guint           *n_ops);
gboolean           pacta_word_diff_token_changed     (PactaWordDiff   *self,
                                                      PactaSide        side,
                                                      guint            token_index);
guint              pacta_word_diff_get_inserted      (PactaWordDiff   *self);
guint              pacta_word_diff_get_deleted       (PactaWordDiff   *self);
gboolean           pacta_word_diff_has_changes       (PactaWordDiff   *self);
void               pacta_word_diff_foreach_segment   (PactaWordDiff   *self,
                                                      PactaSide        side,
                                                      guint            start,
                                                      guint            end,
                                                      PactaSegmentFunc func,
                                                      gpointer         user_data);
void               pacta_word_diff_foreach_inline    (PactaWordDiff   *self,
                                                      guint            b_start,
                                                      guint            b_end,
                                                      PactaSegmentFunc func,
                                                      gpointer         user_data);

G_END_DECLS
