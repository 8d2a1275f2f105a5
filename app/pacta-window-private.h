/* pacta-window-private.h — what the ui tests reach inside the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pacta-agreement.h"
#include "pacta-briefing-export.h"
#include "pacta-guideline.h"
#include "pacta-importer.h"
#include "pacta-library-item.h"
#include "pacta-library.h"
#include "pacta-window.h"

G_BEGIN_DECLS

typedef enum
{
  PACTA_WINDOW_PAGE_EMPTY,
  PACTA_WINDOW_PAGE_AGREEMENT,
  PACTA_WINDOW_PAGE_GUIDELINE,
} PactaWindowPage;

/* The library and the sidebar */
guint            _pacta_window_count_agreements      (PactaWindow *self);
guint            _pacta_window_count_guidelines      (PactaWindow *self);
guint            _pacta_window_count_sidebar_rows    (PactaWindow *self,
                                                      gboolean     guidelines);
gboolean         _pacta_window_select_path           (PactaWindow *self,
                                                      const char  *path);
gboolean         _pacta_window_select_index          (PactaWindow *self,
                                                      guint        index);
void             _pacta_window_set_search_text       (PactaWindow *self,
                                                      const char  *text);

/* What is shown */
PactaWindowPage  _pacta_window_get_page              (PactaWindow *self);
PactaAgreement  *_pacta_window_get_agreement         (PactaWindow *self);
PactaGuideline  *_pacta_window_get_guideline         (PactaWindow *self);
const char      *_pacta_window_get_title_text        (PactaWindow *self);
GListModel      *_pacta_window_get_outline_model     (PactaWindow *self);
gboolean         _pacta_window_select_provision      (PactaWindow    *self,
                                                      PactaProvision *provision);
PactaProvision  *_pacta_window_get_selected_provision (PactaWindow *self);
gboolean         _pacta_window_is_provision_visible  (PactaWindow    *self,
                                                      PactaProvision *provision);
char            *_pacta_window_dup_reading_text      (PactaWindow *self);
guint            _pacta_window_get_n_guideline_items_shown (PactaWindow *self);
void             _pacta_window_set_details_expanded  (PactaWindow *self,
                                                      gboolean     expanded);

/* Opening files: the sync variant runs the main loop until the file is loaded or refused */
gboolean         _pacta_window_open_file_sync        (PactaWindow *self,
                                                      GFile       *file);
guint            _pacta_window_get_n_pending         (PactaWindow *self);
const char      *_pacta_window_get_last_error        (PactaWindow *self);
GtkWindow       *_pacta_window_get_error_dialog      (PactaWindow *self);

/* Views of the agreement ("read", "check", "compare", "charts") */
void             _pacta_window_show_view             (PactaWindow *self,
                                                      const char  *name);
const char      *_pacta_window_get_view              (PactaWindow *self);
GtkWidget       *_pacta_window_get_check_view        (PactaWindow *self);
GtkWidget       *_pacta_window_get_compare_page      (PactaWindow *self);
GtkWidget       *_pacta_window_get_charts_view       (PactaWindow *self);
PactaBriefingExport *_pacta_window_get_briefing      (PactaWindow *self);

/* Importing documents (pacta-importer.c) */
PactaImporter   *_pacta_window_get_importer          (PactaWindow *self);
void             _pacta_window_report_import_error   (PactaWindow *self,
                                                      const char  *path,
                                                      const char  *message);
void             _pacta_window_add_toast             (PactaWindow *self,
                                                      AdwToast    *toast);

/* The library */
PactaLibrary     *_pacta_window_get_library          (PactaWindow *self);
GtkWindow        *_pacta_window_get_library_dialog   (PactaWindow *self);
GtkWindow        *_pacta_window_get_import_dialog    (PactaWindow *self);
GtkWidget        *_pacta_window_get_sidebar          (PactaWindow *self);
GtkWidget        *_pacta_window_get_read_view        (PactaWindow *self);
void              _pacta_window_import_paths         (PactaWindow        *self,
                                                      const char * const *paths);
void              _pacta_window_wait_idle            (PactaWindow *self);
PactaLibraryItem *_pacta_window_lookup_agreement     (PactaWindow *self,
                                                      gint64       id);
void              _pacta_window_dismiss_toasts       (PactaWindow *self);
GPtrArray        *_pacta_window_get_toasts           (PactaWindow *self);

double           _pacta_window_get_zoom              (PactaWindow *self);
GtkWidget       *_pacta_window_popup_primary_menu    (PactaWindow *self);

G_END_DECLS
