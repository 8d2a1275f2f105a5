/* pacta-read-view.h — the Read view: metadata, outline and the agreement's text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pacta-agreement.h"
#include "pacta-document-view.h"
#include "pacta-library.h"

G_BEGIN_DECLS

#define PACTA_TYPE_READ_VIEW (pacta_read_view_get_type ())

G_DECLARE_FINAL_TYPE (PactaReadView, pacta_read_view, PACTA, READ_VIEW, AdwBin)

GtkWidget         *pacta_read_view_new                    (void);
PactaAgreement    *pacta_read_view_get_agreement          (PactaReadView  *self);
void               pacta_read_view_set_agreement          (PactaReadView  *self,
                                                           PactaAgreement *agreement);
void               pacta_read_view_set_agreement_in_library (PactaReadView  *self,
                                                           PactaAgreement *agreement,
                                                           PactaLibrary   *library,
                                                           gint64          agreement_id);
GtkWidget         *pacta_read_view_add_note               (PactaReadView  *self,
                                                           PactaProvision *provision);
GPtrArray         *pacta_read_view_get_notes              (PactaReadView  *self,
                                                           PactaProvision *provision);
void               pacta_read_view_flush_notes            (PactaReadView  *self);
double             pacta_read_view_get_zoom               (PactaReadView  *self);
void               pacta_read_view_set_zoom               (PactaReadView  *self,
                                                           double          zoom);
GListModel        *pacta_read_view_get_guidelines         (PactaReadView  *self);
void               pacta_read_view_set_guidelines         (PactaReadView  *self,
                                                           GListModel     *guidelines);
GListModel        *pacta_read_view_get_outline_model      (PactaReadView  *self);
PactaProvision    *pacta_read_view_get_selected_provision (PactaReadView  *self);
gboolean           pacta_read_view_select_provision       (PactaReadView  *self,
                                                           PactaProvision *provision);
PactaDocumentView *pacta_read_view_get_document_view      (PactaReadView  *self);
GtkWidget         *pacta_read_view_get_outline_widget     (PactaReadView  *self);
void               pacta_read_view_set_details_expanded   (PactaReadView  *self,
                                                           gboolean        expanded);
gboolean           pacta_read_view_get_outline_revealed   (PactaReadView  *self);
void               pacta_read_view_set_outline_revealed   (PactaReadView  *self,
                                                           gboolean        revealed);

G_END_DECLS
