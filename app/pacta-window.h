/* pacta-window.h — the main window: library sidebar, Read view, guideline pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PACTA_TYPE_WINDOW (pacta_window_get_type ())

G_DECLARE_FINAL_TYPE (PactaWindow, pacta_window, PACTA, WINDOW, AdwApplicationWindow)

PactaWindow *pacta_window_new              (GtkApplication *application);
void         pacta_window_open_file        (PactaWindow    *self,
                                            GFile          *file);
void         pacta_window_open_files       (PactaWindow    *self,
                                            GFile         **files,
                                            int             n_files);
void         pacta_window_show_open_dialog (PactaWindow    *self);

G_END_DECLS
