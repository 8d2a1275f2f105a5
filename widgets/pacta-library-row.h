/* pacta-library-row.h — a sidebar row for an agreement or a guideline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pacta-library-item.h"

G_BEGIN_DECLS

#define PACTA_TYPE_LIBRARY_ROW (pacta_library_row_get_type ())

G_DECLARE_FINAL_TYPE (PactaLibraryRow, pacta_library_row, PACTA, LIBRARY_ROW, GtkListBoxRow)

GtkWidget        *pacta_library_row_new      (PactaLibraryItem *item);
PactaLibraryItem *pacta_library_row_get_item (PactaLibraryRow  *self);

G_END_DECLS
