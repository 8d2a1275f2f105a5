/* pacta-report-flow.h — text, tables and charts flowed onto numbered PDF pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pacta-chart.h"

G_BEGIN_DECLS

typedef enum
{
  PACTA_PAPER_A4,
  PACTA_PAPER_LETTER,
} PactaPaper;

typedef enum
{
  PACTA_FLOW_BODY,
  PACTA_FLOW_LEAD,       /* larger, for the title page */
  PACTA_FLOW_SMALL,
  PACTA_FLOW_MUTED,      /* small and grey: captions, citations */
  PACTA_FLOW_QUOTE,      /* indented, italic: model wording, evidence */
  PACTA_FLOW_BULLET,     /* indented with a bullet */
  PACTA_FLOW_ITEM,       /* bold, with room above: an item's name */
} PactaFlowStyle;

typedef struct _PactaFlow PactaFlow;

PactaFlow *pacta_flow_new           (PactaPaper           paper);
void       pacta_flow_free          (PactaFlow           *flow);
void       pacta_flow_set_footer    (PactaFlow           *flow,
                                     const char          *text);
void       pacta_flow_title         (PactaFlow           *flow,
                                     const char          *text);
void       pacta_flow_heading       (PactaFlow           *flow,
                                     guint                level,
                                     const char          *text);
void       pacta_flow_paragraph     (PactaFlow           *flow,
                                     PactaFlowStyle       style,
                                     const char          *markup);
void       pacta_flow_table         (PactaFlow           *flow,
                                     guint                n_columns,
                                     const double        *widths,
                                     const char * const  *header,
                                     GPtrArray           *rows);
void       pacta_flow_chart         (PactaFlow           *flow,
                                     PactaChart          *chart,
                                     double               layout_width,
                                     double               height);
void       pacta_flow_space         (PactaFlow           *flow,
                                     double               points);
void       pacta_flow_page_break    (PactaFlow           *flow);
double     pacta_flow_content_width (PactaFlow           *flow);
double     pacta_flow_content_height (PactaFlow          *flow);
GBytes    *pacta_flow_render_pdf    (PactaFlow           *flow,
                                     const char          *title,
                                     guint               *n_pages,
                                     GError             **error);
gboolean   pacta_paper_from_string  (const char          *str,
                                     PactaPaper          *paper);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PactaFlow, pacta_flow_free)

G_END_DECLS
