/* pacta-read-view.c — the Read view: metadata, outline and the agreement's text
 *
 * The outline lists parts/chapters and articles (never paragraphs) from a GtkTreeListModel over
 * the provisions. Selecting a row scrolls the text to it; scrolling the text moves the outline
 * selection along once the chosen provision has left the screen.
 *
 * For an agreement of the library, the notes on its provisions are shown under their article
 * (PactaNoteCard, laid into the text by the document view) and saved as they are typed. "Add
 * Note" is in the context menu of the outline's rows and of the text, and on Ctrl+Shift+N.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-read-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pacta-agreement-header.h"
#include "pacta-document-view.h"
#include "pacta-note-card.h"
#include "pacta-outline-row.h"
#include "pacta-read-view.h"

struct _PactaReadView
{
  AdwBin                parent_instance;

  /* Template widgets */
  PactaAgreementHeader *header;
  AdwFlap              *flap;
  GtkListView          *outline_view;
  GtkScrolledWindow    *text_scroller;
  AdwClampScrollable   *clamp;
  PactaDocumentView    *document_view;

  /* Owned references */
  PactaAgreement       *agreement;
  GtkTreeListModel     *tree;
  GtkSingleSelection   *selection;
  GtkFilter            *outline_filter;

  /* Notes */
  PactaLibrary         *library;       /* where the notes are kept, for agreement_id; may be NULL */
  gint64                agreement_id;
  GHashTable           *note_cards;    /* PactaProvision* (the article) → GPtrArray of PactaNoteCard */
  GtkWidget            *outline_menu;

  /* A reveal asked for while the flap was still moving, applied when it stops: AdwFlap 1.2
   * turned round mid-animation can compute its content width as NaN. */
  guint                 pending_reveal : 1;
  guint                 has_pending_reveal : 1;

  /* Borrowed: the row the reader picked, as long as it is on screen */
  PactaProvision       *chosen;
  /* Borrowed: where the context menu was opened, for "Add Note" */
  PactaProvision       *menu_provision;

  guint                 syncing : 1;
};

G_DEFINE_FINAL_TYPE (PactaReadView, pacta_read_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_AGREEMENT,
  PROP_ZOOM,
  PROP_GUIDELINES,
  PROP_SELECTED_PROVISION,
  PROP_OUTLINE_REVEALED,
  N_PROPS
};

enum {
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
outline_filter_func (gpointer item,
                     gpointer user_data)
{
  return pacta_provision_is_outline_node (PACTA_PROVISION (item));
}

static GListModel *
create_children_model (gpointer item,
                       gpointer user_data)
{
  PactaReadView *self = user_data;
  PactaProvision *provision = PACTA_PROVISION (item);

  if (!pacta_provision_is_outline_container (provision))
    return NULL;
  return G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (pacta_provision_get_children (provision)),
                                                  g_object_ref (self->outline_filter)));
}

static guint
find_row (PactaReadView  *self,
          PactaProvision *provision)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (item == (GObject *) provision)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();

  gtk_tree_expander_set_indent_for_icon (GTK_TREE_EXPANDER (expander), TRUE);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), pacta_outline_row_new ());
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item));
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

  gtk_tree_expander_set_list_row (expander, row);
  pacta_outline_row_set_provision (PACTA_OUTLINE_ROW (gtk_tree_expander_get_child (expander)),
                                   PACTA_PROVISION (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item));

  gtk_tree_expander_set_list_row (expander, NULL);
  pacta_outline_row_set_provision (PACTA_OUTLINE_ROW (gtk_tree_expander_get_child (expander)), NULL);
}

static void
scroll_outline_to (PactaReadView *self,
                   guint          position)
{
  if (position != GTK_INVALID_LIST_POSITION && gtk_widget_get_mapped (GTK_WIDGET (self->outline_view)))
    gtk_widget_activate_action (GTK_WIDGET (self->outline_view), "list.scroll-to-item", "u", position);
}

static void
selection_changed_cb (PactaReadView      *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (selection);
  g_autoptr(GObject) item = row ? gtk_tree_list_row_get_item (row) : NULL;

  if (!self->syncing && item != NULL)
    {
      self->chosen = PACTA_PROVISION (item);
      pacta_document_view_scroll_to_provision (self->document_view, self->chosen);
      /* On a narrow window the outline covers the text: get it out of the way. */
      if (adw_flap_get_folded (self->flap))
        adw_flap_set_reveal_flap (self->flap, FALSE);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PROVISION]);
}

/* The text scrolled: follow it in the outline, unless the reader's choice is still on screen. */
static void
current_provision_changed_cb (PactaReadView     *self,
                              GParamSpec        *pspec,
                              PactaDocumentView *document_view)
{
  PactaProvision *current = pacta_document_view_get_current_provision (document_view);
  guint position;

  if (current == NULL || self->tree == NULL)
    return;
  if (self->chosen != NULL && pacta_document_view_is_provision_visible (document_view, self->chosen))
    return;

  self->chosen = NULL;
  position = find_row (self, current);
  if (position == GTK_INVALID_LIST_POSITION ||
      position == gtk_single_selection_get_selected (self->selection))
    return;

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;
  scroll_outline_to (self, position);
}

static void
reveal_flap_changed_cb (PactaReadView *self,
                        GParamSpec    *pspec,
                        AdwFlap       *flap)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTLINE_REVEALED]);
}

static void
column_width_changed_cb (PactaReadView     *self,
                         GParamSpec        *pspec,
                         PactaDocumentView *document_view)
{
  adw_clamp_scrollable_set_maximum_size (self->clamp, pacta_document_view_get_column_width (document_view));
  adw_clamp_scrollable_set_tightening_threshold (self->clamp, pacta_document_view_get_column_width (document_view));
}


/* ---- Notes ------------------------------------------------------------------------------ */

/* Where a note on @provision is shown: under its article (or the preamble, an annex…), or
 * under the title of a part. */
static PactaProvision *
note_home (PactaProvision *provision)
{
  for (PactaProvision *p = provision; p != NULL; p = pacta_provision_get_parent (p))
    {
      PactaProvisionKind kind = pacta_provision_get_kind (p);

      if (kind == PACTA_PROVISION_KIND_PREAMBLE || kind == PACTA_PROVISION_KIND_CONCLUSIONS ||
          kind == PACTA_PROVISION_KIND_ATTACHMENT || pacta_provision_is_article_level (p))
        return p;
    }
  return provision != NULL && pacta_provision_is_outline_container (provision) ? provision : NULL;
}

static char *
dup_place (PactaProvision *home,
           PactaProvision *provision)
{
  const char *num = pacta_provision_get_num (home);
  g_autofree char *label = num && num[0] ? g_strdup (num) : pacta_provision_dup_label (home);

  if (provision != home && pacta_provision_get_num (provision) != NULL)
    return g_strdup_printf ("%s › %s", label, pacta_provision_get_num (provision));
  return g_steal_pointer (&label);
}

static GPtrArray *
annotations_cb (PactaDocumentView *view,
                PactaProvision    *provision,
                gpointer           user_data)
{
  PactaReadView *self = user_data;

  return self->note_cards ? g_hash_table_lookup (self->note_cards, provision) : NULL;
}

static void
add_toast (PactaReadView *self,
           AdwToast      *toast)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
card_failed_cb (PactaReadView *self,
                const char    *message,
                PactaNoteCard *card)
{
  /* Translators: %s says why */
  AdwToast *toast = adw_toast_new_format (_("The note was not saved: %s"), message);

  adw_toast_set_timeout (toast, 0);
  add_toast (self, toast);
}

static void load_notes (PactaReadView *self);

typedef struct
{
  PactaLibrary *library;
  gint64        agreement_id;
  char         *eid;
  char         *text;
} DeletedNote;

static void
deleted_note_free (gpointer data)
{
  DeletedNote *note = data;

  g_object_unref (note->library);
  g_free (note->eid);
  g_free (note->text);
  g_free (note);
}

static void
undo_delete_cb (AdwToast      *toast,
                PactaReadView *self)
{
  DeletedNote *note = g_object_get_data (G_OBJECT (toast), "note");
  g_autoptr(GError) error = NULL;

  if (pacta_library_add_note (note->library, note->agreement_id, note->eid, note->text, &error) == 0)
    {
      card_failed_cb (self, error->message, NULL);
      return;
    }
  if (note->library == self->library && note->agreement_id == self->agreement_id)
    {
      load_notes (self);
      pacta_document_view_refresh (self->document_view);
    }
}

static void
card_deleted_cb (PactaReadView *self,
                 const char    *text,
                 PactaNoteCard *card)
{
  g_autoptr(PactaNoteCard) keep = g_object_ref (card);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->note_cards);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (g_ptr_array_remove (value, card) && ((GPtrArray *) value)->len == 0)
      g_hash_table_iter_remove (&iter);
  pacta_document_view_refresh (self->document_view);

  if (text != NULL && text[0] != '\0')
    {
      DeletedNote *note = g_new0 (DeletedNote, 1);
      AdwToast *toast = adw_toast_new (_("Note deleted"));

      note->library = g_object_ref (self->library);
      note->agreement_id = self->agreement_id;
      note->eid = g_strdup (pacta_note_card_get_eid (card));
      note->text = g_strdup (text);
      g_object_set_data_full (G_OBJECT (toast), "note", note, deleted_note_free);
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);
      add_toast (self, toast);
    }
}

static GtkWidget *
make_card (PactaReadView    *self,
           PactaProvision   *home,
           PactaProvision   *provision,
           const char       *eid,
           PactaLibraryNote *note)
{
  g_autofree char *place = dup_place (home, provision ? provision : home);
  GtkWidget *card = pacta_note_card_new (self->library, self->agreement_id, eid, note, place);
  GPtrArray *cards = g_hash_table_lookup (self->note_cards, home);

  if (cards == NULL)
    {
      cards = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (self->note_cards, home, cards);
    }
  g_ptr_array_add (cards, g_object_ref_sink (card));
  g_signal_connect_object (card, "failed", G_CALLBACK (card_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (card, "deleted", G_CALLBACK (card_deleted_cb), self, G_CONNECT_SWAPPED);
  return card;
}

/* Writes what is being typed in every note, now. */
void
pacta_read_view_flush_notes (PactaReadView *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (PACTA_IS_READ_VIEW (self));

  if (self->note_cards == NULL)
    return;
  g_hash_table_iter_init (&iter, self->note_cards);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    for (guint i = 0; i < ((GPtrArray *) value)->len; i++)
      pacta_note_card_flush (g_ptr_array_index ((GPtrArray *) value, i));
}

/* Reads the notes of the agreement shown from the library, one card each. */
static void
load_notes (PactaReadView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) notes = NULL;

  pacta_read_view_flush_notes (self);
  g_hash_table_remove_all (self->note_cards);
  if (self->library == NULL || self->agreement_id <= 0 || self->agreement == NULL)
    return;

  notes = pacta_library_list_notes (self->library, self->agreement_id, NULL, &error);
  if (notes == NULL)
    {
      card_failed_cb (self, error->message, NULL);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(PactaLibraryNote) note = g_list_model_get_item (notes, i);
      const char *eid = pacta_library_note_get_eid (note);
      PactaProvision *provision = eid && eid[0] ? pacta_agreement_lookup_eid (self->agreement, eid) : NULL;
      PactaProvision *home = note_home (provision);

      if (home == NULL)
        {
          g_debug ("Note #%" G_GINT64_FORMAT " is on “%s”, which is not in the text", pacta_library_note_get_id (note), eid);
          continue;
        }
      make_card (self, home, provision, eid, note);
    }
}

/* Once the card is on screen, the cursor goes in it. */
static gboolean
focus_card_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  if (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0)
    return G_SOURCE_CONTINUE;
  pacta_note_card_focus (PACTA_NOTE_CARD (widget));
  return G_SOURCE_REMOVE;
}

/**
 * pacta_read_view_add_note:
 * @provision: (nullable): an article (or a paragraph of one, a part…); NULL for the one
 *   selected in the outline, or else the one being read
 *
 * Opens a note under the article, or goes to the note already there, and puts the cursor in
 * it. The note is written to the library with its first words.
 *
 * Returns: (transfer none) (nullable): the note's card, or NULL when notes cannot be kept
 *   (an agreement that is not in a library)
 */
GtkWidget *
pacta_read_view_add_note (PactaReadView  *self,
                          PactaProvision *provision)
{
  PactaProvision *home;
  GPtrArray *cards;
  GtkWidget *card;

  g_return_val_if_fail (PACTA_IS_READ_VIEW (self), NULL);

  if (self->library == NULL || self->agreement_id <= 0 || self->agreement == NULL)
    return NULL;
  if (provision == NULL)
    provision = pacta_read_view_get_selected_provision (self);
  if (provision == NULL)
    provision = pacta_document_view_get_current_provision (self->document_view);
  home = note_home (provision);
  if (home == NULL)
    return NULL;

  cards = g_hash_table_lookup (self->note_cards, home);
  if (cards != NULL && cards->len > 0)
    card = g_ptr_array_index (cards, cards->len - 1);
  else
    {
      card = make_card (self, home, home, pacta_provision_get_eid (home), NULL);
      pacta_document_view_refresh (self->document_view);
    }
  pacta_document_view_scroll_to_annotation (self->document_view, card);
  gtk_widget_add_tick_callback (card, focus_card_cb, NULL, NULL);
  return card;
}

/* Returns: (transfer none) (nullable) (element-type PactaNoteCard): the notes shown under
 * @provision's article */
GPtrArray *
pacta_read_view_get_notes (PactaReadView  *self,
                           PactaProvision *provision)
{
  PactaProvision *home;

  g_return_val_if_fail (PACTA_IS_READ_VIEW (self), NULL);

  home = provision ? note_home (provision) : NULL;
  return home ? g_hash_table_lookup (self->note_cards, home) : NULL;
}

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PactaReadView *self = PACTA_READ_VIEW (widget);
  PactaProvision *provision = self->menu_provision;

  self->menu_provision = NULL;
  pacta_read_view_add_note (self, provision);
}

static void
update_note_action (PactaReadView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "read.add-note",
                                 self->library != NULL && self->agreement_id > 0 && self->agreement != NULL);
}

/* Right-click on an outline row: "Add Note" for that row's provision. */
static void
outline_pressed_cb (PactaReadView *self,
                    int            n_press,
                    double         x,
                    double         y,
                    GtkGesture    *gesture)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->outline_view), x, y, GTK_PICK_DEFAULT);
  GtkWidget *row = picked ? gtk_widget_get_ancestor (picked, PACTA_TYPE_OUTLINE_ROW) : NULL;
  PactaProvision *provision = row ? pacta_outline_row_get_provision (PACTA_OUTLINE_ROW (row)) : NULL;

  if (provision == NULL || note_home (provision) == NULL || self->library == NULL)
    return;
  self->menu_provision = provision;
  if (self->outline_menu == NULL)
    {
      g_autoptr(GMenu) menu = g_menu_new ();

      g_menu_append (menu, _("Add _Note"), "read.add-note");
      self->outline_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->outline_menu), FALSE);
      gtk_widget_set_halign (self->outline_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->outline_menu, GTK_WIDGET (self->outline_view));
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->outline_menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->outline_menu));
  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Right-click in the text: remember which article, for "Add Note" in the text's menu. */
static void
text_pressed_cb (PactaReadView *self,
                 int            n_press,
                 double         x,
                 double         y,
                 GtkGesture    *gesture)
{
  self->menu_provision = pacta_document_view_get_provision_at (self->document_view, x, y);
}

static void
pacta_read_view_dispose (GObject *object)
{
  PactaReadView *self = PACTA_READ_VIEW (object);

  /* What is being typed in a note is written now. */
  pacta_read_view_flush_notes (self);
  if (self->outline_view != NULL)
    gtk_list_view_set_model (self->outline_view, NULL);
  g_clear_pointer (&self->outline_menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), PACTA_TYPE_READ_VIEW);

  g_clear_pointer (&self->note_cards, g_hash_table_unref);
  g_clear_object (&self->library);
  self->menu_provision = NULL;
  self->chosen = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->outline_filter);
  g_clear_object (&self->agreement);

  G_OBJECT_CLASS (pacta_read_view_parent_class)->dispose (object);
}

static void
pacta_read_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PactaReadView *self = PACTA_READ_VIEW (object);

  switch (prop_id)
    {
    case PROP_AGREEMENT:
      g_value_set_object (value, self->agreement);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, pacta_read_view_get_zoom (self));
      break;
    case PROP_GUIDELINES:
      g_value_set_object (value, pacta_read_view_get_guidelines (self));
      break;
    case PROP_SELECTED_PROVISION:
      g_value_set_object (value, pacta_read_view_get_selected_provision (self));
      break;
    case PROP_OUTLINE_REVEALED:
      g_value_set_boolean (value, pacta_read_view_get_outline_revealed (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_read_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PactaReadView *self = PACTA_READ_VIEW (object);

  switch (prop_id)
    {
    case PROP_AGREEMENT:
      pacta_read_view_set_agreement (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      pacta_read_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_GUIDELINES:
      pacta_read_view_set_guidelines (self, g_value_get_object (value));
      break;
    case PROP_OUTLINE_REVEALED:
      pacta_read_view_set_outline_revealed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_read_view_class_init (PactaReadViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacta_read_view_dispose;
  object_class->get_property = pacta_read_view_get_property;
  object_class->set_property = pacta_read_view_set_property;

  properties[PROP_AGREEMENT] =
    g_param_spec_object ("agreement", NULL, NULL,
                         PACTA_TYPE_AGREEMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         0.25, 4.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GUIDELINES] =
    g_param_spec_object ("guidelines", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_PROVISION] =
    g_param_spec_object ("selected-provision", NULL, NULL,
                         PACTA_TYPE_PROVISION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTLINE_REVEALED] =
    g_param_spec_boolean ("outline-revealed", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Something to tell the reader quietly (a note deleted, with Undo; a note not saved) */
  signals[ADD_TOAST] =
    g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_install_action (widget_class, "read.add-note", NULL, add_note_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "read.add-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "read.add-note", NULL);

  g_type_ensure (PACTA_TYPE_AGREEMENT_HEADER);
  g_type_ensure (PACTA_TYPE_DOCUMENT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacta/Pacta/ui/pacta-read-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PactaReadView, header);
  gtk_widget_class_bind_template_child (widget_class, PactaReadView, flap);
  gtk_widget_class_bind_template_child (widget_class, PactaReadView, outline_view);
  gtk_widget_class_bind_template_child (widget_class, PactaReadView, text_scroller);
  gtk_widget_class_bind_template_child (widget_class, PactaReadView, clamp);
  gtk_widget_class_bind_template_child (widget_class, PactaReadView, document_view);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, current_provision_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_width_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reveal_flap_changed_cb);
}

static void reveal_progress_changed_cb (PactaReadView *self);

static void
pacta_read_view_init (PactaReadView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->flap, "notify::reveal-progress", G_CALLBACK (reveal_progress_changed_cb),
                           self, G_CONNECT_SWAPPED);

  self->outline_filter = GTK_FILTER (gtk_custom_filter_new (outline_filter_func, NULL, NULL));
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->outline_view, GTK_SELECTION_MODEL (self->selection));

  column_width_changed_cb (self, NULL, self->document_view);

  self->note_cards = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  pacta_document_view_set_annotation_func (self->document_view, annotations_cb, self, NULL);
  {
    g_autoptr(GMenu) menu = g_menu_new ();
    GtkGesture *gesture;

    g_menu_append (menu, _("Add _Note"), "read.add-note");
    gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self->document_view), G_MENU_MODEL (menu));

    gesture = gtk_gesture_click_new ();
    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
    g_signal_connect_object (gesture, "pressed", G_CALLBACK (text_pressed_cb), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->document_view), GTK_EVENT_CONTROLLER (gesture));

    gesture = gtk_gesture_click_new ();
    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
    g_signal_connect_object (gesture, "pressed", G_CALLBACK (outline_pressed_cb), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->outline_view), GTK_EVENT_CONTROLLER (gesture));
  }
  update_note_action (self);
}

GtkWidget *
pacta_read_view_new (void)
{
  return g_object_new (PACTA_TYPE_READ_VIEW, NULL);
}

/* Returns: (transfer none) (nullable) */
PactaAgreement *
pacta_read_view_get_agreement (PactaReadView *self)
{
  g_return_val_if_fail (PACTA_IS_READ_VIEW (self), NULL);
  return self->agreement;
}

void
pacta_read_view_set_agreement (PactaReadView  *self,
                               PactaAgreement *agreement)
{
  pacta_read_view_set_agreement_in_library (self, agreement, NULL, 0);
}

/**
 * pacta_read_view_set_agreement_in_library:
 * @agreement: (nullable)
 * @library: (nullable): the library @agreement is in, as @agreement_id, which keeps its
 *   notes; NULL (or 0) for an agreement that is not in one (no notes)
 */
void
pacta_read_view_set_agreement_in_library (PactaReadView  *self,
                                          PactaAgreement *agreement,
                                          PactaLibrary   *library,
                                          gint64          agreement_id)
{
  GtkFilterListModel *roots;
  GtkAdjustment *adjustment;

  g_return_if_fail (PACTA_IS_READ_VIEW (self));
  g_return_if_fail (agreement == NULL || PACTA_IS_AGREEMENT (agreement));
  g_return_if_fail (library == NULL || PACTA_IS_LIBRARY (library));

  if (library == NULL)
    agreement_id = 0;
  if (self->agreement == agreement && self->library == library && self->agreement_id == agreement_id)
    return;

  self->menu_provision = NULL;
  pacta_read_view_flush_notes (self);
  g_set_object (&self->library, library);
  self->agreement_id = agreement_id;
  update_note_action (self);
  if (self->agreement == agreement)
    {
      /* The same text, kept elsewhere: only its notes change. */
      load_notes (self);
      pacta_document_view_refresh (self->document_view);
      return;
    }
  g_set_object (&self->agreement, agreement);
  load_notes (self);

  self->chosen = NULL;
  self->syncing = TRUE;
  gtk_single_selection_set_model (self->selection, NULL);
  g_clear_object (&self->tree);

  if (agreement != NULL)
    {
      roots = gtk_filter_list_model_new (g_object_ref (pacta_agreement_get_provisions (agreement)),
                                         g_object_ref (self->outline_filter));
      self->tree = gtk_tree_list_model_new (G_LIST_MODEL (roots), FALSE, TRUE, create_children_model, self, NULL);
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree));
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
    }

  pacta_agreement_header_set_agreement (self->header, agreement);
  pacta_document_view_set_agreement (self->document_view, agreement);
  self->syncing = FALSE;

  /* A new text starts at the top, with its first row selected. */
  adjustment = gtk_scrolled_window_get_vadjustment (self->text_scroller);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  if (self->tree != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->tree)) > 0)
    {
      self->syncing = TRUE;
      gtk_single_selection_set_selected (self->selection, 0);
      self->syncing = FALSE;
      scroll_outline_to (self, 0);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREEMENT]);
}

double
pacta_read_view_get_zoom (PactaReadView *self)
{
  g_return_val_if_fail (PACTA_IS_READ_VIEW (self), 1.0);
  return pacta_document_view_get_zoom (self->document_view);
}

void
pacta_read_view_set_zoom (PactaReadView *self,
                          double         zoom)
{
  g_return_if_fail (PACTA_IS_READ_VIEW (self));

  if (G_APPROX_VALUE (zoom, pacta_document_view_get_zoom (self->document_view), 0.001))
    return;
  pacta_document_view_set_zoom (self->document_view, zoom);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* Returns: (transfer none) (nullable) */
GListModel *
pacta_read_view_get_guidelines (PactaReadView *self)
{
  g_return_val_if_fail (PACTA_IS_READ_VIEW (self), NULL);
  return pacta_document_view_get_guidelines (self->document_view);
}

/* @guidelines: (nullable): PactaGuideline objects, to name the items provisions are tagged with */
void
pacta_read_view_set_guidelines (PactaReadView *self,
                                GListModel    *guidelines)
{
  g_return_if_fail (PACTA_IS_READ_VIEW (self));

  if (guidelines == pacta_document_view_get_guidelines (self->document_view))
    return;
  pacta_document_view_set_guidelines (self->document_view, guidelines);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUIDELINES]);
}

/* Returns: (transfer none): the outline, a GtkSingleSelection over GtkTreeListRow items whose
 * items are PactaProvision */
GListModel *
pacta_read_view_get_outline_model (PactaReadView *self)
{
  g_return_val_if_fail (PACTA_IS_READ_VIEW (self), NULL);
  return G_LIST_MODEL (self->selection);
}

/* Returns: (transfer none) (nullable): the provision selected in the outline */
PactaProvision *
pacta_read_view_get_selected_provision (PactaReadView *self)
{
  GtkTreeListRow *row;
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (PACTA_IS_READ_VIEW (self), NULL);

  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL)
    return NULL;
  item = gtk_tree_list_row_get_item (row);
  return PACTA_PROVISION (item); /* the agreement keeps it alive */
}

/* Selects @provision in the outline and shows it. Returns: whether it is in the outline */
gboolean
pacta_read_view_select_provision (PactaReadView  *self,
                                  PactaProvision *provision)
{
  guint position;

  g_return_val_if_fail (PACTA_IS_READ_VIEW (self), FALSE);
  g_return_val_if_fail (PACTA_IS_PROVISION (provision), FALSE);

  if (self->tree == NULL)
    return FALSE;
  position = find_row (self, provision);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  if (position == gtk_single_selection_get_selected (self->selection))
    {
      self->chosen = provision;
      pacta_document_view_scroll_to_provision (self->document_view, provision);
    }
  else
    gtk_single_selection_set_selected (self->selection, position);
  scroll_outline_to (self, position);
  return TRUE;
}

/* Returns: (transfer none) */
PactaDocumentView *
pacta_read_view_get_document_view (PactaReadView *self)
{
  g_return_val_if_fail (PACTA_IS_READ_VIEW (self), NULL);
  return self->document_view;
}

void
pacta_read_view_set_details_expanded (PactaReadView *self,
                                      gboolean       expanded)
{
  g_return_if_fail (PACTA_IS_READ_VIEW (self));
  pacta_agreement_header_set_expanded (self->header, expanded);
}

/* Whether the outline is shown (on a narrow window it slides over the text). */
gboolean
pacta_read_view_get_outline_revealed (PactaReadView *self)
{
  g_return_val_if_fail (PACTA_IS_READ_VIEW (self), FALSE);
  return adw_flap_get_reveal_flap (self->flap);
}

void
pacta_read_view_set_outline_revealed (PactaReadView *self,
                                      gboolean       revealed)
{
  double progress;

  g_return_if_fail (PACTA_IS_READ_VIEW (self));

  progress = adw_flap_get_reveal_progress (self->flap);
  if (progress > 0.0 && progress < 1.0)
    {
      self->pending_reveal = !!revealed;
      self->has_pending_reveal = TRUE;
      return;
    }
  self->has_pending_reveal = FALSE;
  /* notifies through reveal_flap_changed_cb() */
  adw_flap_set_reveal_flap (self->flap, !!revealed);
}

static void
reveal_progress_changed_cb (PactaReadView *self)
{
  double progress = adw_flap_get_reveal_progress (self->flap);

  if (self->has_pending_reveal && (progress <= 0.0 || progress >= 1.0))
    {
      self->has_pending_reveal = FALSE;
      adw_flap_set_reveal_flap (self->flap, self->pending_reveal);
    }
}

/* Returns: (transfer none): the outline list, for moving the keyboard focus to it */
GtkWidget *
pacta_read_view_get_outline_widget (PactaReadView *self)
{
  g_return_val_if_fail (PACTA_IS_READ_VIEW (self), NULL);
  return GTK_WIDGET (self->outline_view);
}
