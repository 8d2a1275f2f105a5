/* pacta-chart.h — a chart of coverage data: draw on any cairo_t, hit-test, describe, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pacta-chart-bars.h"
#include "pacta-chart-data.h"
#include "pacta-chart-heatmap.h"
#include "pacta-chart-layout.h"
#include "pacta-chart-palette.h"
#include "pacta-chart-radar.h"
#include "pacta-chart-summary.h"
#include "pacta-chart-timeline.h"

G_BEGIN_DECLS

typedef enum
{
  PACTA_CHART_FORMAT_PNG,
  PACTA_CHART_FORMAT_SVG,
  PACTA_CHART_FORMAT_PDF,
} PactaChartFormat;

#define PACTA_TYPE_CHART (pacta_chart_get_type ())

G_DECLARE_FINAL_TYPE (PactaChart, pacta_chart, PACTA, CHART, GObject)

PactaChart     *pacta_chart_new               (PactaChartType           type,
                                               PactaChartData          *data);
PactaChartType  pacta_chart_get_chart_type    (PactaChart              *self);
void            pacta_chart_set_chart_type    (PactaChart              *self,
                                               PactaChartType           type);
PactaChartData *pacta_chart_get_data          (PactaChart              *self);
void            pacta_chart_set_data          (PactaChart              *self,
                                               PactaChartData          *data);
void            pacta_chart_get_options       (PactaChart              *self,
                                               PactaChartOptions       *options);
void            pacta_chart_set_options       (PactaChart              *self,
                                               const PactaChartOptions *options);
void            pacta_chart_get_natural_size  (PactaChart              *self,
                                               double                  *width,
                                               double                  *height);
double          pacta_chart_measure_height    (PactaChart              *self,
                                               double                   width,
                                               double                   max_height);
void            pacta_chart_draw              (PactaChart              *self,
                                               cairo_t                 *cr,
                                               double                   width,
                                               double                   height,
                                               const PactaChartPalette *palette);
gboolean        pacta_chart_hit_test          (PactaChart              *self,
                                               double                   x,
                                               double                   y,
                                               PactaChartHit           *hit);
void            pacta_chart_paint_highlight   (cairo_t                 *cr,
                                               const PactaChartPalette *palette,
                                               const PactaChartHit     *hit);
char           *pacta_chart_dup_reading       (PactaChart              *self);
char           *pacta_chart_dup_description   (PactaChart              *self);
GBytes         *pacta_chart_render            (PactaChart              *self,
                                               PactaChartFormat         format,
                                               double                   width,
                                               double                   height,
                                               const PactaChartPalette *palette,
                                               GError                 **error);
gboolean        pacta_chart_export            (PactaChart              *self,
                                               const char              *path,
                                               double                   width,
                                               double                   height,
                                               const PactaChartPalette *palette,
                                               GError                 **error);

gboolean        pacta_chart_format_from_path  (const char              *path,
                                               PactaChartFormat        *format);
gboolean        pacta_chart_type_from_string  (const char              *str,
                                               PactaChartType          *type);
const char     *pacta_chart_type_to_string    (PactaChartType           type);
gboolean        pacta_chart_order_from_string (const char              *str,
                                               PactaChartOrder         *order);

G_END_DECLS
