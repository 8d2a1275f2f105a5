/* pacta-document-view.h — an agreement's text laid out for reading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pacta-agreement.h"

G_BEGIN_DECLS

#define PACTA_TYPE_DOCUMENT_VIEW (pacta_document_view_get_type ())

G_DECLARE_FINAL_TYPE (PactaDocumentView, pacta_document_view, PACTA, DOCUMENT_VIEW, GtkTextView)

/* Widgets to show under an article (notes): the view lays them out in the reading column, at
 * its width, and keeps no reference once they leave it.
 * Returns: (transfer none) (nullable) (element-type GtkWidget) */
typedef GPtrArray *(*PactaDocumentAnnotationFunc) (PactaDocumentView *view,
                                                   PactaProvision    *provision,
                                                   gpointer           user_data);

GtkWidget      *pacta_document_view_new                   (void);
PactaAgreement *pacta_document_view_get_agreement         (PactaDocumentView *self);
void            pacta_document_view_set_agreement         (PactaDocumentView *self,
                                                           PactaAgreement    *agreement);
GListModel     *pacta_document_view_get_guidelines        (PactaDocumentView *self);
void            pacta_document_view_set_guidelines        (PactaDocumentView *self,
                                                           GListModel        *guidelines);
double          pacta_document_view_get_zoom              (PactaDocumentView *self);
void            pacta_document_view_set_zoom              (PactaDocumentView *self,
                                                           double             zoom);
int             pacta_document_view_get_column_width      (PactaDocumentView *self);
PactaProvision *pacta_document_view_get_current_provision (PactaDocumentView *self);
void            pacta_document_view_scroll_to_provision   (PactaDocumentView *self,
                                                           PactaProvision    *provision);
gboolean        pacta_document_view_is_provision_visible  (PactaDocumentView *self,
                                                           PactaProvision    *provision);
gboolean        pacta_document_view_get_provision_bounds  (PactaDocumentView *self,
                                                           PactaProvision    *provision,
                                                           GtkTextIter       *start,
                                                           GtkTextIter       *end);
char           *pacta_document_view_dup_text              (PactaDocumentView *self);
void            pacta_document_view_set_annotation_func   (PactaDocumentView *self,
                                                           PactaDocumentAnnotationFunc func,
                                                           gpointer           user_data,
                                                           GDestroyNotify     destroy);
void            pacta_document_view_refresh               (PactaDocumentView *self);
gboolean        pacta_document_view_scroll_to_annotation  (PactaDocumentView *self,
                                                           GtkWidget         *widget);
PactaProvision *pacta_document_view_get_provision_at      (PactaDocumentView *self,
                                                           double             x,
                                                           double             y);

G_END_DECLS
