/* pacta-chart-layout.h — what every chart's layout shares: options, fonts, header, hits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pacta-chart-data.h"
#include "pacta-chart-label.h"
#include "pacta-chart-legend.h"

G_BEGIN_DECLS

typedef enum
{
  PACTA_CHART_BARS,
  PACTA_CHART_RADAR,
  PACTA_CHART_HEATMAP,
  PACTA_CHART_TIMELINE,
  PACTA_CHART_SUMMARY,
} PactaChartType;

/* How the heatmap orders its rows (agreements) and columns (items). */
typedef enum
{
  PACTA_CHART_ORDER_INPUT,    /* as given: rows as listed, items in the guideline's order */
  PACTA_CHART_ORDER_NAME,
  PACTA_CHART_ORDER_SCORE,
  PACTA_CHART_ORDER_YEAR,     /* rows only */
  PACTA_CHART_ORDER_CLUSTER,  /* similar rows (or columns) next to each other */
} PactaChartOrder;

typedef struct
{
  const char      *title;         /* NULL: the chart's own */
  const char      *subtitle;      /* NULL: the chart's own */
  const char      *font_family;   /* NULL: "Sans" */
  double           font_scale;    /* 1.0; larger for projectors */
  PactaChartOrder  row_order;
  PactaChartOrder  column_order;
  gboolean         reverse;       /* turn the orders round */
  gboolean         counts;        /* bars: numbers of items instead of shares */
} PactaChartOptions;

typedef enum
{
  PACTA_CHART_TEXT_TITLE,
  PACTA_CHART_TEXT_SUBTITLE,
  PACTA_CHART_TEXT_LABEL,
  PACTA_CHART_TEXT_SMALL,
  PACTA_CHART_TEXT_FIGURE,
} PactaChartTextRole;

/* What is under the pointer: enough for a tooltip and for opening the finding. Fields that
 * do not apply are -1. */
typedef struct
{
  PactaChartType  type;
  int             row;
  int             item;
  int             category;
  int             status;
  PactaChartRect  bounds;
  char           *text;      /* the tooltip, with the figures */
} PactaChartHit;

void            pacta_chart_options_init    (PactaChartOptions       *options);
PactaChartFont  pacta_chart_font            (const PactaChartOptions *options,
                                             PactaChartTextRole       role);
double          pacta_chart_padding         (const PactaChartOptions *options);
double          pacta_chart_layout_header   (PangoContext            *context,
                                             const PactaChartOptions *options,
                                             const char              *title,
                                             const char              *subtitle,
                                             double                   width,
                                             GPtrArray               *labels);
PactaChartLegend *pacta_chart_status_legend (PangoContext            *context,
                                             const PactaChartOptions *options,
                                             gboolean                 with_not_applicable);
void            pacta_chart_hit_init        (PactaChartHit           *hit,
                                             PactaChartType           type);
void            pacta_chart_hit_clear       (PactaChartHit           *hit);
char           *pacta_chart_format_percent  (double                   share);
const char     *pacta_chart_status_word     (int                      status);
char           *pacta_chart_describe_counts (const PactaCoverageCounts *counts);

G_END_DECLS
