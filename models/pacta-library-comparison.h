/* pacta-library-comparison.h — a saved comparison of two agreements, with the view's options
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PACTA_TYPE_LIBRARY_COMPARISON (pacta_library_comparison_get_type ())

G_DECLARE_FINAL_TYPE (PactaLibraryComparison, pacta_library_comparison, PACTA, LIBRARY_COMPARISON, GObject)

gint64      pacta_library_comparison_get_id          (PactaLibraryComparison *self);
gint64      pacta_library_comparison_get_agreement_a (PactaLibraryComparison *self);
gint64      pacta_library_comparison_get_agreement_b (PactaLibraryComparison *self);
const char *pacta_library_comparison_get_title       (PactaLibraryComparison *self);
const char *pacta_library_comparison_get_options     (PactaLibraryComparison *self);
gint64      pacta_library_comparison_get_created     (PactaLibraryComparison *self);
gint64      pacta_library_comparison_get_updated     (PactaLibraryComparison *self);

G_END_DECLS
