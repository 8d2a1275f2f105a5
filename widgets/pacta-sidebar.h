/* pacta-sidebar.h — the library: agreements by kind and guidelines, with search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pacta-library-item.h"

G_BEGIN_DECLS

#define PACTA_TYPE_SIDEBAR (pacta_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (PactaSidebar, pacta_sidebar, PACTA, SIDEBAR, AdwBin)

GtkWidget        *pacta_sidebar_new               (void);
GListModel       *pacta_sidebar_get_model         (PactaSidebar     *self);
void              pacta_sidebar_set_model         (PactaSidebar     *self,
                                                   GListModel       *model);
GListModel       *pacta_sidebar_get_visible_items (PactaSidebar     *self);
PactaLibraryItem *pacta_sidebar_get_selected_item (PactaSidebar     *self);
gboolean          pacta_sidebar_select_item       (PactaSidebar     *self,
                                                   PactaLibraryItem *item);
void              pacta_sidebar_focus_search      (PactaSidebar     *self);
void              pacta_sidebar_focus_selection   (PactaSidebar     *self);
void              pacta_sidebar_set_search_text   (PactaSidebar     *self,
                                                   const char       *text);
guint             pacta_sidebar_count_rows        (PactaSidebar     *self,
                                                   gboolean          guidelines);
void              pacta_sidebar_set_library       (PactaSidebar     *self,
                                                   PactaLibrary     *library);
GListModel       *pacta_sidebar_get_hits          (PactaSidebar     *self);
gboolean          pacta_sidebar_activate_hit      (PactaSidebar     *self,
                                                   guint             position);
void              pacta_sidebar_show_item         (PactaSidebar     *self,
                                                   PactaLibraryItem *item);
void              pacta_sidebar_set_filter        (PactaSidebar     *self,
                                                   const PactaLibraryFilter *filter);

G_END_DECLS
