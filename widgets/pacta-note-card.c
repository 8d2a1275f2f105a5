/* pacta-note-card.c — a note on a provision, edited in place and saved as it is typed
 *
 * The card sits under its article in the Read view. What is typed is written to the library
 * half a second after the last key (and at once when the card loses the focus or goes away),
 * each write one transaction: there is no "save changes?". A note emptied of its words is
 * deleted; an empty new note is never written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-note-card"

#include "config.h"

#include <glib/gi18n.h>

#include "pacta-note-card.h"

#define SAVE_DELAY_MS 500

struct _PactaNoteCard
{
  AdwBin        parent_instance;

  /* Child widgets */
  GtkLabel     *heading;
  GtkTextView  *text_view;

  /* Owned references */
  PactaLibrary *library;
  char         *eid;
  char         *saved_text;   /* what the library holds */

  gint64        agreement_id;
  gint64        note_id;      /* 0 until the first words are saved */
  guint         save_source;
  guint         setting : 1;
};

G_DEFINE_FINAL_TYPE (PactaNoteCard, pacta_note_card, ADW_TYPE_BIN)

enum {
  DELETED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/**
 * pacta_note_card_flush:
 *
 * Writes what was typed since the last save, now.
 *
 * Returns: whether the library holds what the card shows (on failure "failed" is emitted,
 *   and the words stay in the card to be saved with the next change)
 */
gboolean
pacta_note_card_flush (PactaNoteCard *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (PACTA_IS_NOTE_CARD (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->library == NULL || self->text_view == NULL)
    return TRUE;
  text = pacta_note_card_dup_text (self);
  if (g_strcmp0 (text, self->saved_text) == 0)
    return TRUE;

  if (self->note_id == 0)
    {
      if (!is_blank (text))
        {
          self->note_id = pacta_library_add_note (self->library, self->agreement_id, self->eid, text, &error);
          ok = self->note_id != 0;
        }
    }
  else if (is_blank (text))
    {
      ok = pacta_library_delete_note (self->library, self->note_id, &error) ||
           g_error_matches (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NOT_FOUND);
      if (ok)
        self->note_id = 0;
    }
  else
    ok = pacta_library_update_note (self->library, self->note_id, text, &error);

  if (!ok)
    {
      g_message ("The note was not saved: %s", error->message);
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return FALSE;
    }
  g_free (self->saved_text);
  self->saved_text = g_steal_pointer (&text);
  return TRUE;
}

static gboolean
save_cb (gpointer user_data)
{
  PactaNoteCard *self = user_data;

  self->save_source = 0;
  pacta_note_card_flush (self);
  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (PactaNoteCard *self)
{
  if (self->setting)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_cb, self);
}

static void
focus_leave_cb (PactaNoteCard *self)
{
  pacta_note_card_flush (self);
}

static void
delete_clicked_cb (PactaNoteCard *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = pacta_note_card_dup_text (self);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->note_id != 0 && !pacta_library_delete_note (self->library, self->note_id, &error) &&
      !g_error_matches (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NOT_FOUND))
    {
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }
  self->note_id = 0;
  g_free (self->saved_text);
  self->saved_text = g_strdup (text);  /* nothing more to write */
  g_signal_emit (self, signals[DELETED], 0, text);
}

static void
pacta_note_card_dispose (GObject *object)
{
  PactaNoteCard *self = PACTA_NOTE_CARD (object);

  /* Whatever was typed last is written before the card goes. */
  if (self->text_view != NULL)
    pacta_note_card_flush (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_object (&self->library);
  self->text_view = NULL;

  G_OBJECT_CLASS (pacta_note_card_parent_class)->dispose (object);
}

static void
pacta_note_card_finalize (GObject *object)
{
  PactaNoteCard *self = PACTA_NOTE_CARD (object);

  g_clear_pointer (&self->eid, g_free);
  g_clear_pointer (&self->saved_text, g_free);

  G_OBJECT_CLASS (pacta_note_card_parent_class)->finalize (object);
}

static void
pacta_note_card_class_init (PactaNoteCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pacta_note_card_dispose;
  object_class->finalize = pacta_note_card_finalize;

  /* The note was deleted from the library; its words are given, for an Undo. */
  signals[DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* Writing to the library failed; the message says why. */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
pacta_note_card_init (PactaNoteCard *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->heading, 0.0f);
  gtk_label_set_ellipsize (self->heading, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->heading), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "heading");
  gtk_widget_add_css_class (icon, "dim-label");

  gtk_widget_set_tooltip_text (delete, _("Delete Note"));
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_add_css_class (delete, "circular");
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  g_signal_connect_object (delete, "clicked", G_CALLBACK (delete_clicked_cb), self, G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (top), icon);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->heading));
  gtk_box_append (GTK_BOX (top), delete);

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->text_view, FALSE);
  gtk_text_view_set_top_margin (self->text_view, 2);
  gtk_text_view_set_bottom_margin (self->text_view, 2);
  gtk_widget_set_size_request (GTK_WIDGET (self->text_view), -1, 40);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), focus);

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->text_view));
  adw_bin_set_child (ADW_BIN (self), box);
  gtk_widget_add_css_class (GTK_WIDGET (self), "pacta-note");
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "default");
}

/**
 * pacta_note_card_new:
 * @note: (nullable): the stored note, or NULL for a new one (written with its first words)
 * @place: what the note is on, for the heading ("Article 5")
 */
GtkWidget *
pacta_note_card_new (PactaLibrary     *library,
                     gint64            agreement_id,
                     const char       *eid,
                     PactaLibraryNote *note,
                     const char       *place)
{
  PactaNoteCard *self;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (PACTA_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (eid != NULL, NULL);

  self = g_object_new (PACTA_TYPE_NOTE_CARD, NULL);
  self->library = g_object_ref (library);
  self->agreement_id = agreement_id;
  self->eid = g_strdup (eid);
  self->note_id = note ? pacta_library_note_get_id (note) : 0;
  self->saved_text = g_strdup (note ? pacta_library_note_get_text (note) : "");

  self->setting = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), self->saved_text, -1);
  self->setting = FALSE;

  /* Translators: the heading of a note, %s says where it is, e.g. "Article 5" */
  heading = place && place[0] ? g_strdup_printf (_("Note on %s"), place) : g_strdup (_("Note"));
  gtk_label_set_label (self->heading, heading);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  return GTK_WIDGET (self);
}

/* Returns: the note's id in the library, or 0 while nothing has been written */
gint64
pacta_note_card_get_note_id (PactaNoteCard *self)
{
  g_return_val_if_fail (PACTA_IS_NOTE_CARD (self), 0);
  return self->note_id;
}

const char *
pacta_note_card_get_eid (PactaNoteCard *self)
{
  g_return_val_if_fail (PACTA_IS_NOTE_CARD (self), NULL);
  return self->eid;
}

/* Returns: (transfer full): the words in the card */
char *
pacta_note_card_dup_text (PactaNoteCard *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (PACTA_IS_NOTE_CARD (self), NULL);

  if (self->text_view == NULL)
    return g_strdup (self->saved_text ? self->saved_text : "");
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Replaces the words, as typing would (saved after the same delay). */
void
pacta_note_card_set_text (PactaNoteCard *self,
                          const char    *text)
{
  g_return_if_fail (PACTA_IS_NOTE_CARD (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text ? text : "", -1);
}

/* Whether words typed are waiting to be written */
gboolean
pacta_note_card_get_pending (PactaNoteCard *self)
{
  g_return_val_if_fail (PACTA_IS_NOTE_CARD (self), FALSE);
  return self->save_source != 0;
}

void
pacta_note_card_focus (PactaNoteCard *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter end;

  g_return_if_fail (PACTA_IS_NOTE_CARD (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/* The card is laid out in a text view, which gives its children their natural width: this
 * is the reading column's. */
void
pacta_note_card_set_width (PactaNoteCard *self,
                           int            width)
{
  g_return_if_fail (PACTA_IS_NOTE_CARD (self));
  gtk_widget_set_size_request (GTK_WIDGET (self), MAX (width, 120), -1);
}
