/* pacta-note-card.h — a note on a provision, edited in place and saved as it is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pacta-library.h"

G_BEGIN_DECLS

#define PACTA_TYPE_NOTE_CARD (pacta_note_card_get_type ())

G_DECLARE_FINAL_TYPE (PactaNoteCard, pacta_note_card, PACTA, NOTE_CARD, AdwBin)

GtkWidget  *pacta_note_card_new           (PactaLibrary     *library,
                                           gint64            agreement_id,
                                           const char       *eid,
                                           PactaLibraryNote *note,
                                           const char       *place);
gint64      pacta_note_card_get_note_id   (PactaNoteCard    *self);
const char *pacta_note_card_get_eid       (PactaNoteCard    *self);
char       *pacta_note_card_dup_text      (PactaNoteCard    *self);
void        pacta_note_card_set_text      (PactaNoteCard    *self,
                                           const char       *text);
gboolean    pacta_note_card_get_pending   (PactaNoteCard    *self);
gboolean    pacta_note_card_flush         (PactaNoteCard    *self);
void        pacta_note_card_focus         (PactaNoteCard    *self);
void        pacta_note_card_set_width     (PactaNoteCard    *self,
                                           int               width);

G_END_DECLS
