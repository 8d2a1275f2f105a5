/* pacta-chart-label.h — measured, placed text for charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "pacta-chart-palette.h"

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} PactaChartRect;

gboolean pacta_chart_rect_contains  (const PactaChartRect *rect,
                                     double                x,
                                     double                y);
gboolean pacta_chart_rects_overlap  (const PactaChartRect *a,
                                     const PactaChartRect *b);

/* Which palette colour a label is written in. */
typedef enum
{
  PACTA_CHART_INK_FOREGROUND,
  PACTA_CHART_INK_MUTED,
  PACTA_CHART_INK_ON_COVERED,
} PactaChartInk;

typedef struct
{
  const char *family;   /* NULL: "Sans" */
  double      size;     /* pixels (points on PDF) */
  gboolean    bold;
  gboolean    italic;
} PactaChartFont;

/* A piece of text, shaped once at layout time. (x, y) is the anchor point in chart
 * coordinates; the text is rotated by @angle (radians, clockwise on screen) about it. @quad
 * holds the four corners of the text's box after rotation, for overlap tests. */
typedef struct
{
  PangoLayout   *layout;
  double         width;
  double         height;
  double         x;
  double         y;
  double         anchor_x;   /* 0 left … 1 right of the text */
  double         anchor_y;   /* 0 top … 1 bottom */
  double         angle;
  PactaChartInk  ink;
  double         quad[8];
} PactaChartLabel;

PangoContext    *pacta_chart_text_context_new (void);
PangoContext    *pacta_chart_text_context_get (void);
PactaChartLabel *pacta_chart_label_new        (PangoContext          *context,
                                               const char            *text,
                                               const PactaChartFont  *font,
                                               double                 max_width,
                                               int                    max_lines);
void             pacta_chart_label_set_alignment (PactaChartLabel *label,
                                               PangoAlignment         alignment);
void             pacta_chart_label_free       (PactaChartLabel       *label);
void             pacta_chart_label_place      (PactaChartLabel       *label,
                                               double                 x,
                                               double                 y,
                                               double                 anchor_x,
                                               double                 anchor_y,
                                               double                 angle);
void             pacta_chart_label_bounds     (const PactaChartLabel *label,
                                               PactaChartRect        *bounds);
gboolean         pacta_chart_label_is_ellipsized (const PactaChartLabel *label);
const char      *pacta_chart_label_get_text   (const PactaChartLabel *label);
void             pacta_chart_label_paint      (const PactaChartLabel   *label,
                                               cairo_t                 *cr,
                                               const PactaChartPalette *palette);
void             pacta_chart_labels_paint     (GPtrArray               *labels,
                                               cairo_t                 *cr,
                                               const PactaChartPalette *palette);
double           pacta_chart_font_line_height (PangoContext          *context,
                                               const PactaChartFont  *font);
double           pacta_chart_fit_font       (PangoContext          *context,
                                               const PactaChartFont  *font,
                                               double                 room,
                                               double                 min_size,
                                               guint                 *step);
gboolean         pacta_chart_quads_overlap    (const double           a[8],
                                               const double           b[8]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PactaChartLabel, pacta_chart_label_free)

G_END_DECLS
