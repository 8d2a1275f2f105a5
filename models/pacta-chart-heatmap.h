/* pacta-chart-heatmap.h — a corpus at a glance: agreements × items, one cell per finding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pacta-chart-layout.h"

G_BEGIN_DECLS

typedef enum
{
  PACTA_HEATMAP_LABELS_HORIZONTAL,  /* wide columns: titles wrap over up to four lines */
  PACTA_HEATMAP_LABELS_DIAGONAL,    /* rotated 45° */
  PACTA_HEATMAP_LABELS_VERTICAL,    /* rotated 90°, read bottom to top */
} PactaHeatmapLabels;

typedef struct
{
  guint              n_rows;
  guint              n_columns;
  guint             *row_order;       /* position → data row */
  guint             *column_order;    /* position → data item */
  PactaChartRect     grid;            /* the cells */
  double             cell_width;
  double             cell_height;
  double             gap;             /* between cells */
  gboolean           textured;        /* cells large enough for status textures */
  PactaHeatmapLabels label_mode;
  double             label_angle;
  guint              row_step;        /* every row_step-th row is labelled */
  guint              column_step;
  GPtrArray         *labels;          /* every label, for painting and overlap tests */
  GPtrArray         *row_labels;      /* borrowed: (position, label) pairs as PactaHeatmapTag */
  GPtrArray         *column_labels;
  PactaChartLegend  *legend;
  double             content_height;  /* where the drawing ends; the rest is empty */
  double             width;
  double             height;
} PactaHeatmapLayout;

/* A label and the row or column position it names. */
typedef struct
{
  guint            position;
  PactaChartLabel *label;
} PactaHeatmapTag;

void                pacta_heatmap_order       (const PactaChartData    *data,
                                               const PactaChartOptions *options,
                                               guint                  **row_order,
                                               guint                  **column_order);
guint              *pacta_chart_cluster_order (const double            *vectors,
                                               guint                    n,
                                               guint                    dimensions);
PactaHeatmapLayout *pacta_heatmap_layout_new  (const PactaChartData    *data,
                                               const PactaChartOptions *options,
                                               const guint             *row_order,
                                               const guint             *column_order,
                                               double                   width,
                                               double                   height);
void                pacta_heatmap_layout_free (PactaHeatmapLayout      *layout);
void                pacta_heatmap_cell_rect   (const PactaHeatmapLayout *layout,
                                               guint                    position_row,
                                               guint                    position_column,
                                               PactaChartRect          *rect);
void                pacta_heatmap_paint       (const PactaHeatmapLayout *layout,
                                               const PactaChartData    *data,
                                               cairo_t                 *cr,
                                               const PactaChartPalette *palette);
gboolean            pacta_heatmap_hit_test    (const PactaHeatmapLayout *layout,
                                               const PactaChartData    *data,
                                               double                   x,
                                               double                   y,
                                               PactaChartHit           *hit);
void                pacta_heatmap_natural_size (const PactaChartData   *data,
                                               const PactaChartOptions *options,
                                               double                  *width,
                                               double                  *height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PactaHeatmapLayout, pacta_heatmap_layout_free)

G_END_DECLS
