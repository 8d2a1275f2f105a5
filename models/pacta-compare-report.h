/* pacta-compare-report.h — a comparison as a self-contained HTML redline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pacta-comparison.h"

G_BEGIN_DECLS

char *pacta_comparison_to_html          (PactaComparison *comparison);
char *pacta_comparison_dup_redline_text (PactaComparison *comparison,
                                         PactaAlignment  *row);
char *pacta_comparison_dup_filters_label (PactaDiffFlags  flags);

G_END_DECLS
