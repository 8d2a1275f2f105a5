/* pacta-chart-card.h — a card of the Charts view: title, one-line reading, the chart, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pacta-chart-area.h"

G_BEGIN_DECLS

#define PACTA_TYPE_CHART_CARD (pacta_chart_card_get_type ())

G_DECLARE_FINAL_TYPE (PactaChartCard, pacta_chart_card, PACTA, CHART_CARD, AdwBin)

GtkWidget      *pacta_chart_card_new           (void);
const char     *pacta_chart_card_get_title     (PactaChartCard *self);
void            pacta_chart_card_set_title     (PactaChartCard *self,
                                                const char     *title);
void            pacta_chart_card_set_subtitle  (PactaChartCard *self,
                                                const char     *subtitle);
const char     *pacta_chart_card_get_reading   (PactaChartCard *self);
PactaChart     *pacta_chart_card_get_chart     (PactaChartCard *self);
void            pacta_chart_card_set_chart     (PactaChartCard *self,
                                                PactaChart     *chart);
PactaChartArea *pacta_chart_card_get_area      (PactaChartCard *self);
void            pacta_chart_card_set_file_name (PactaChartCard *self,
                                                const char     *name);
void            pacta_chart_card_add_control   (PactaChartCard *self,
                                                GtkWidget      *widget);
gboolean        pacta_chart_card_export        (PactaChartCard *self,
                                                const char     *path,
                                                GError        **error);

G_END_DECLS
