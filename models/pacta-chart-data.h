/* pacta-chart-data.h — what a chart shows: agreements × items of one guideline, as numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pacta-coverage.h"

G_BEGIN_DECLS

/* A cell with no finding: the agreement was not held against the item's guideline. */
#define PACTA_CHART_STATUS_NONE (-1)

typedef struct
{
  char *id;
  char *title;
} PactaChartCategory;

typedef struct
{
  char           *slug;
  char           *title;
  guint           category;
  PactaItemLevel  level;
} PactaChartItem;

typedef struct
{
  char                *title;
  int                  year;       /* 0 when unknown */
  double               score;      /* weighted as in PactaCoverage, 0 … 1 */
  PactaCoverageCounts  counts;
  PactaCoverage       *coverage;   /* the source, when built from coverages; for tooltips and clicks */
} PactaChartRow;

typedef struct _PactaChartData PactaChartData;

#define PACTA_TYPE_CHART_DATA (pacta_chart_data_get_type ())

GType                     pacta_chart_data_get_type           (void) G_GNUC_CONST;
PactaChartData           *pacta_chart_data_new                (const char           *guideline_id,
                                                               const char           *guideline_title);
PactaChartData           *pacta_chart_data_new_from_coverages (PactaCoverage * const *coverages,
                                                               guint                 n_coverages);
PactaChartData           *pacta_chart_data_transpose          (const PactaChartData *data);
PactaChartData           *pacta_chart_data_ref                (PactaChartData       *data);
void                      pacta_chart_data_unref              (PactaChartData       *data);

guint                     pacta_chart_data_add_category       (PactaChartData       *data,
                                                               const char           *id,
                                                               const char           *title);
guint                     pacta_chart_data_add_item           (PactaChartData       *data,
                                                               const char           *slug,
                                                               const char           *title,
                                                               guint                 category,
                                                               PactaItemLevel        level);
guint                     pacta_chart_data_add_row            (PactaChartData       *data,
                                                               const char           *title,
                                                               int                   year,
                                                               const gint8          *statuses);

const char               *pacta_chart_data_get_guideline_id    (const PactaChartData *data);
const char               *pacta_chart_data_get_guideline_title (const PactaChartData *data);
guint                     pacta_chart_data_get_n_categories   (const PactaChartData *data);
guint                     pacta_chart_data_get_n_items        (const PactaChartData *data);
guint                     pacta_chart_data_get_n_rows         (const PactaChartData *data);
const PactaChartCategory *pacta_chart_data_get_category       (const PactaChartData *data,
                                                               guint                 index);
const PactaChartItem     *pacta_chart_data_get_item           (const PactaChartData *data,
                                                               guint                 index);
const PactaChartRow      *pacta_chart_data_get_row            (const PactaChartData *data,
                                                               guint                 index);
int                       pacta_chart_data_get_status         (const PactaChartData *data,
                                                               guint                 row,
                                                               guint                 item);
const gint8              *pacta_chart_data_get_statuses       (const PactaChartData *data,
                                                               guint                 row);
void                      pacta_chart_data_count              (const PactaChartData *data,
                                                               guint                 row,
                                                               int                   category,
                                                               PactaCoverageCounts  *counts);
double                    pacta_chart_data_item_share         (const PactaChartData *data,
                                                               guint                 item,
                                                               guint                *n_missing);
double                    pacta_chart_status_value            (int                   status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PactaChartData, pacta_chart_data_unref)

G_END_DECLS
