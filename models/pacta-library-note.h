/* pacta-library-note.h — a person's note on a provision (or on a whole agreement)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PACTA_TYPE_LIBRARY_NOTE (pacta_library_note_get_type ())

G_DECLARE_FINAL_TYPE (PactaLibraryNote, pacta_library_note, PACTA, LIBRARY_NOTE, GObject)

gint64      pacta_library_note_get_id           (PactaLibraryNote *self);
gint64      pacta_library_note_get_agreement_id (PactaLibraryNote *self);
const char *pacta_library_note_get_eid          (PactaLibraryNote *self);
const char *pacta_library_note_get_text         (PactaLibraryNote *self);
gint64      pacta_library_note_get_created      (PactaLibraryNote *self);
gint64      pacta_library_note_get_updated      (PactaLibraryNote *self);

G_END_DECLS
