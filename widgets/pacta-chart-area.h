/* pacta-chart-area.h — one chart in a drawing area: hover, keyboard, click to open the finding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pacta-chart.h"

G_BEGIN_DECLS

#define PACTA_TYPE_CHART_AREA (pacta_chart_area_get_type ())

G_DECLARE_FINAL_TYPE (PactaChartArea, pacta_chart_area, PACTA, CHART_AREA, GtkDrawingArea)

GtkWidget  *pacta_chart_area_new               (void);
PactaChart *pacta_chart_area_get_chart         (PactaChartArea    *self);
void        pacta_chart_area_set_chart         (PactaChartArea    *self,
                                                PactaChart        *chart);
void        pacta_chart_area_set_label         (PactaChartArea    *self,
                                                const char        *label);
void        pacta_chart_area_get_palette       (PactaChartArea    *self,
                                                PactaChartPalette *palette);
gboolean    pacta_chart_area_hit_test          (PactaChartArea    *self,
                                                double             x,
                                                double             y,
                                                PactaChartHit     *hit);
gboolean    pacta_chart_area_activate_at       (PactaChartArea    *self,
                                                double             x,
                                                double             y);
guint       pacta_chart_area_get_n_stops       (PactaChartArea    *self);
gboolean    pacta_chart_area_get_stop          (PactaChartArea    *self,
                                                guint              index,
                                                PactaChartHit     *hit);
int         pacta_chart_area_get_focused_stop  (PactaChartArea    *self);
gboolean    pacta_chart_area_focus_stop        (PactaChartArea    *self,
                                                int                index);
gboolean    pacta_chart_area_move_focus        (PactaChartArea    *self,
                                                GtkDirectionType   direction);
gboolean    pacta_chart_area_activate_focused  (PactaChartArea    *self);
const char *pacta_chart_area_get_figures       (PactaChartArea    *self);

G_END_DECLS
