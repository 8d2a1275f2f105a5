/* pacta-import-preview.c — an imported text beside its detected structure, to correct
 *
 * Left: the source text, one paragraph a row, each detected boundary marked in the margin
 * with what it opens. Right: the structure as a tree (parts, chapters, articles, paragraphs,
 * points, final clauses, annexes) with the corrections the draft model offers: merge a
 * boundary into the part before, split at the selected line, promote, demote, relabel.
 * Above: the metadata, editable. Below: a summary, the warnings, and Import, which builds
 * the PactaAgreement and hands it over through ::imported.
 *
 * The corrections are PactaImportDraft functions; this widget only calls them, so each is
 * tested without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-import-preview"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pacta-import-preview.h"
#include "pacta-resources.h"

struct _PactaImportPreview
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkWidget          *content;
  GtkEntry           *title_entry;
  GtkEntry           *parties_entry;
  GtkEntry           *date_entry;
  GtkEntry           *place_entry;
  GtkEntry           *num_entry;
  GtkEntry           *heading_entry;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *language_dropdown;
  GtkDropDown        *kept_dropdown;
  GtkLabel           *kept_label;
  GtkListView        *source_view;
  GtkListView        *structure_view;
  GtkLabel           *summary_label;
  GtkLabel           *status_label;
  GtkLabel           *warnings_label;
  GtkMenuButton      *warnings_button;
  GtkWidget          *import_button;

  /* Owned references */
  PactaImportDraft   *draft;
  GBindingGroup      *bindings;
  GtkStringList      *lines;
  GtkSingleSelection *line_selection;
  GtkSingleSelection *node_selection;
  GHashTable         *bound_lines;   /* GtkListItem* of the source rows on screen */
  gulong              changed_handler;

  guint               syncing : 1;
};

G_DEFINE_FINAL_TYPE (PactaImportPreview, pacta_import_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DRAFT,
  PROP_SHOW_IMPORT,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const languages[] = { "en", "fr", "es" };

/* Helpers ------------------------------------------------------------------------------- */

static const char *
marker_for (PactaImportNodeKind kind)
{
  switch (kind)
    {
    case PACTA_IMPORT_NODE_TITLE: return C_("boundary", "Title");
    case PACTA_IMPORT_NODE_PREAMBLE: return C_("boundary", "Preamble");
    case PACTA_IMPORT_NODE_PART: return C_("boundary", "Part");
    case PACTA_IMPORT_NODE_DIVISION: return C_("boundary", "Title");
    case PACTA_IMPORT_NODE_CHAPTER: return C_("boundary", "Chapter");
    case PACTA_IMPORT_NODE_SECTION: return C_("boundary", "Section");
    case PACTA_IMPORT_NODE_ARTICLE: return C_("boundary", "Article");
    case PACTA_IMPORT_NODE_PARAGRAPH: return C_("boundary", "¶");
    case PACTA_IMPORT_NODE_POINT: return C_("boundary", "Point");
    case PACTA_IMPORT_NODE_SUBPOINT: return C_("boundary", "Sub-point");
    case PACTA_IMPORT_NODE_CONCLUSIONS: return C_("boundary", "Final");
    case PACTA_IMPORT_NODE_ANNEX: return C_("boundary", "Annex");
    default: return "";
    }
}

static void
set_status (PactaImportPreview *self,
            const char         *message)
{
  gtk_label_set_label (self->status_label, message ? message : "");
}

static void
append_count (GString    *out,
              guint       n,
              const char *format)
{
  if (n == 0)
    return;
  if (out->len)
    g_string_append (out, " · ");
  g_string_append_printf (out, format, n);
}

static void
update_summary (PactaImportPreview *self)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  GPtrArray *warnings;
  g_autoptr(GString) list = g_string_new (NULL);
  guint n;
  if (self->draft == NULL)
    {
      gtk_label_set_label (self->summary_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->warnings_button), FALSE);
      return;
    }
  n = pacta_import_draft_count (self->draft, PACTA_IMPORT_NODE_PART);
  append_count (summary, n, g_dngettext (GETTEXT_PACKAGE, "%u part", "%u parts", n));
  n = pacta_import_draft_count (self->draft, PACTA_IMPORT_NODE_CHAPTER);
  append_count (summary, n, g_dngettext (GETTEXT_PACKAGE, "%u chapter", "%u chapters", n));
  /* Articles even when there are none: that is the news. */
  g_string_append_printf (summary, "%s", summary->len ? " · " : "");
  n = pacta_import_draft_count (self->draft, PACTA_IMPORT_NODE_ARTICLE);
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n), n);
  n = pacta_import_draft_count (self->draft, PACTA_IMPORT_NODE_PARAGRAPH);
  append_count (summary, n, g_dngettext (GETTEXT_PACKAGE, "%u paragraph", "%u paragraphs", n));
  n = pacta_import_draft_count (self->draft, PACTA_IMPORT_NODE_POINT);
  append_count (summary, n, g_dngettext (GETTEXT_PACKAGE, "%u point", "%u points", n));
  n = pacta_import_draft_count (self->draft, PACTA_IMPORT_NODE_ANNEX);
  append_count (summary, n, g_dngettext (GETTEXT_PACKAGE, "%u annex", "%u annexes", n));
  gtk_label_set_label (self->summary_label, summary->str);

  warnings = pacta_import_draft_get_warnings (self->draft);
  for (guint i = 0; i < warnings->len; i++)
    {
      const PactaProblem *problem = g_ptr_array_index (warnings, i);

      if (list->len)
        g_string_append_c (list, '\n');
      if (problem->line > 0)
        g_string_append_printf (list, _("Line %d: %s"), problem->line, problem->message);
      else
        g_string_append (list, problem->message);
    }
  gtk_label_set_label (self->warnings_label, list->str);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_button), warnings->len > 0);
  {
    g_autofree char *tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings->len),
                                                warnings->len);
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->warnings_button), tooltip);
    gtk_menu_button_set_label (self->warnings_button, NULL);
  }
}

static void update_actions (PactaImportPreview *self);

/* Source rows --------------------------------------------------------------------------- */

static void
fill_source_row (PactaImportPreview *self,
                 GtkListItem        *item)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *marker = gtk_widget_get_first_child (row);
  GtkWidget *number = gtk_widget_get_next_sibling (marker);
  GtkWidget *text = gtk_widget_get_next_sibling (number);
  guint position = gtk_list_item_get_position (item);
  PactaImportNode *node;
  const PactaImportLine *line;
  g_autofree char *number_text = NULL;

  if (self->draft == NULL || position >= pacta_import_draft_get_n_lines (self->draft))
    return;
  line = pacta_import_draft_get_line (self->draft, position);
  node = pacta_import_draft_get_node_at_line (self->draft, position);

  number_text = g_strdup_printf ("%u", position + 1);
  gtk_label_set_label (GTK_LABEL (number), number_text);
  gtk_label_set_label (GTK_LABEL (text), line->text);
  gtk_label_set_label (GTK_LABEL (marker), node ? marker_for (pacta_import_node_get_kind (node)) : "");

  gtk_widget_remove_css_class (row, "boundary");
  gtk_widget_remove_css_class (row, "boundary-major");
  if (node != NULL)
    {
      PactaImportNodeKind kind = pacta_import_node_get_kind (node);

      gtk_widget_add_css_class (row, "boundary");
      if (kind != PACTA_IMPORT_NODE_PARAGRAPH && kind != PACTA_IMPORT_NODE_POINT && kind != PACTA_IMPORT_NODE_SUBPOINT)
        gtk_widget_add_css_class (row, "boundary-major");
    }
  if (line->flags & (PACTA_IMPORT_LINE_HEADING | PACTA_IMPORT_LINE_BOLD))
    gtk_widget_add_css_class (text, "heading-line");
  else
    gtk_widget_remove_css_class (text, "heading-line");
}

static void
source_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 PactaImportPreview       *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *marker = gtk_label_new (NULL);
  GtkWidget *number = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);

  gtk_widget_add_css_class (row, "source-row");
  gtk_label_set_xalign (GTK_LABEL (marker), 1);
  gtk_label_set_width_chars (GTK_LABEL (marker), 8);
  gtk_widget_set_valign (marker, GTK_ALIGN_START);
  gtk_widget_add_css_class (marker, "boundary-marker");
  gtk_label_set_xalign (GTK_LABEL (number), 1);
  gtk_label_set_width_chars (GTK_LABEL (number), 4);
  gtk_widget_set_valign (number, GTK_ALIGN_START);
  gtk_widget_add_css_class (number, "dim-label");
  gtk_widget_add_css_class (number, "caption");
  gtk_widget_add_css_class (number, "numeric");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (row), marker);
  gtk_box_append (GTK_BOX (row), number);
  gtk_box_append (GTK_BOX (row), text);
  gtk_list_item_set_child (item, row);
}

static void
source_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                PactaImportPreview       *self)
{
  g_hash_table_add (self->bound_lines, item);
  fill_source_row (self, item);
}

static void
source_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  PactaImportPreview       *self)
{
  g_hash_table_remove (self->bound_lines, item);
}

/* Boundaries moved: refresh the rows on screen (the others are filled when shown). */
static void
refresh_source_rows (PactaImportPreview *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound_lines);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    fill_source_row (self, item);
}

/* Structure rows ------------------------------------------------------------------------ */

static void
structure_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    PactaImportPreview       *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *kind = gtk_label_new (NULL);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *line = gtk_label_new (NULL);

  gtk_widget_add_css_class (kind, "dim-label");
  gtk_widget_add_css_class (kind, "caption");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (detail, TRUE);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (line, "dim-label");
  gtk_widget_add_css_class (line, "caption");
  gtk_widget_add_css_class (line, "numeric");
  gtk_widget_set_tooltip_text (line, _("Line in the source text"));
  gtk_box_append (GTK_BOX (box), kind);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_box_append (GTK_BOX (box), line);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
}

/* Fills a structure row from its node; called again when the node is relabelled. */
static void
fill_structure_row (GtkListItem *item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *kind = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (kind);
  GtkWidget *detail = gtk_widget_get_next_sibling (label);
  GtkWidget *line = gtk_widget_get_next_sibling (detail);
  g_autoptr(PactaImportNode) node = gtk_tree_list_row_get_item (row);
  PactaImportNodeKind node_kind = pacta_import_node_get_kind (node);
  const char *num = pacta_import_node_get_num (node);
  const char *heading = pacta_import_node_get_heading (node);
  const char *text = pacta_import_node_get_text (node);
  g_autofree char *label_text = pacta_import_node_dup_label (node);
  g_autofree char *kind_text = g_utf8_strdown (pacta_import_node_kind_to_label (node_kind), -1);
  g_autofree char *line_text = g_strdup_printf ("%u", pacta_import_node_get_first_line (node) + 1);

  /* The kind only where the number does not tell it ("article Working hours"). */
  gtk_label_set_label (GTK_LABEL (kind), kind_text);
  gtk_widget_set_visible (kind, num == NULL && heading != NULL);
  gtk_label_set_label (GTK_LABEL (label), label_text);
  /* Paragraphs and points: their first words after the number. */
  gtk_label_set_label (GTK_LABEL (detail), heading == NULL && text != NULL ? text : "");
  gtk_label_set_label (GTK_LABEL (line), line_text);
}

static void
node_notify_cb (PactaImportNode *node,
                GParamSpec      *pspec,
                GtkListItem     *item)
{
  fill_structure_row (item);
}

static void
structure_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   PactaImportPreview       *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkWidget *expander = gtk_list_item_get_child (item);
  g_autoptr(PactaImportNode) node = gtk_tree_list_row_get_item (row);
  gulong handler;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  fill_structure_row (item);
  handler = g_signal_connect (node, "notify", G_CALLBACK (node_notify_cb), item);
  g_object_set_data (G_OBJECT (item), "handler", GSIZE_TO_POINTER (handler));
}

static void
structure_unbind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     PactaImportPreview       *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  g_autoptr(PactaImportNode) node = row ? gtk_tree_list_row_get_item (row) : NULL;
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "handler"));

  if (node != NULL && handler != 0)
    g_signal_handler_disconnect (node, handler);
  g_object_set_data (G_OBJECT (item), "handler", NULL);
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  PactaImportPreview *self = user_data;
  GListModel *children;

  if (self->draft == NULL)
    return NULL;
  children = pacta_import_draft_dup_children (self->draft, item);
  if (g_list_model_get_n_items (children) == 0)
    {
      g_object_unref (children);
      return NULL;
    }
  return children;
}

static void
rebuild_tree (PactaImportPreview *self)
{
  GtkTreeListModel *tree = NULL;

  if (self->draft != NULL)
    tree = gtk_tree_list_model_new (pacta_import_draft_dup_children (self->draft, NULL), FALSE, TRUE,
                                    create_children_cb, self, NULL);
  self->syncing = TRUE;
  gtk_single_selection_set_model (self->node_selection, G_LIST_MODEL (tree));
  gtk_single_selection_set_selected (self->node_selection, GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;
  g_clear_object (&tree);
}

static void
rebuild_lines (PactaImportPreview *self)
{
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->lines));
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  guint n = self->draft ? pacta_import_draft_get_n_lines (self->draft) : 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (texts, pacta_import_draft_get_line (self->draft, i)->text);
  g_ptr_array_add (texts, NULL);
  self->syncing = TRUE;
  gtk_string_list_splice (self->lines, 0, old, (const char * const *) texts->pdata);
  gtk_single_selection_set_selected (self->line_selection, GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;
}

/* Selection ----------------------------------------------------------------------------- */

PactaImportNode *
pacta_import_preview_get_selected_node (PactaImportPreview *self)
{
  GtkTreeListRow *row;

  g_return_val_if_fail (PACTA_IS_IMPORT_PREVIEW (self), NULL);

  row = gtk_single_selection_get_selected_item (self->node_selection);
  return row ? gtk_tree_list_row_get_item (row) : NULL;
}

void
pacta_import_preview_select_node (PactaImportPreview *self,
                                  PactaImportNode    *node)
{
  GListModel *tree;
  guint n;

  g_return_if_fail (PACTA_IS_IMPORT_PREVIEW (self));

  tree = gtk_single_selection_get_model (self->node_selection);
  n = tree ? g_list_model_get_n_items (tree) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (tree, i);
      g_autoptr(PactaImportNode) item = gtk_tree_list_row_get_item (row);

      if (item == node)
        {
          gtk_single_selection_set_selected (self->node_selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->structure_view), "list.scroll-to-item", "u", i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->node_selection, GTK_INVALID_LIST_POSITION);
}

/* The line selected in the source text, or -1. */
int
pacta_import_preview_get_selected_line (PactaImportPreview *self)
{
  guint selected;

  g_return_val_if_fail (PACTA_IS_IMPORT_PREVIEW (self), -1);

  selected = gtk_single_selection_get_selected (self->line_selection);
  return selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected;
}

void
pacta_import_preview_select_line (PactaImportPreview *self,
                                  guint               line)
{
  g_return_if_fail (PACTA_IS_IMPORT_PREVIEW (self));

  if (line >= g_list_model_get_n_items (G_LIST_MODEL (self->lines)))
    return;
  gtk_single_selection_set_selected (self->line_selection, line);
  gtk_widget_activate_action (GTK_WIDGET (self->source_view), "list.scroll-to-item", "u", line);
}

static void
node_selected_cb (PactaImportPreview *self)
{
  g_autoptr(PactaImportNode) node = pacta_import_preview_get_selected_node (self);

  gtk_editable_set_text (GTK_EDITABLE (self->num_entry), node && pacta_import_node_get_num (node) ? pacta_import_node_get_num (node) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->heading_entry), node && pacta_import_node_get_heading (node) ? pacta_import_node_get_heading (node) : "");
  if (node != NULL && !self->syncing)
    {
      self->syncing = TRUE;
      pacta_import_preview_select_line (self, pacta_import_node_get_first_line (node));
      self->syncing = FALSE;
    }
  update_actions (self);
}

static void
line_selected_cb (PactaImportPreview *self)
{
  int line = pacta_import_preview_get_selected_line (self);

  if (line >= 0 && !self->syncing && self->draft != NULL)
    {
      PactaImportNode *node = pacta_import_draft_find_node (self->draft, line);

      self->syncing = TRUE;
      if (node != NULL)
        pacta_import_preview_select_node (self, node);
      self->syncing = FALSE;
    }
  update_actions (self);
}

static void
update_actions (PactaImportPreview *self)
{
  g_autoptr(PactaImportNode) node = pacta_import_preview_get_selected_node (self);
  int line = pacta_import_preview_get_selected_line (self);
  gboolean movable = node && pacta_import_node_kind_is_body (pacta_import_node_get_kind (node));
  guint position = 0;

  if (node != NULL && self->draft != NULL)
    g_list_store_find (G_LIST_STORE (pacta_import_draft_get_nodes (self->draft)), node, &position);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.merge", node != NULL && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.split",
                                 self->draft != NULL && line >= 0 &&
                                 pacta_import_draft_get_node_at_line (self->draft, line) == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.promote",
                                 movable && pacta_import_node_get_kind (node) != PACTA_IMPORT_NODE_PART);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.demote",
                                 movable && pacta_import_node_get_kind (node) != PACTA_IMPORT_NODE_SUBPOINT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.relabel", node != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.import", self->draft != NULL);
}

/* The draft changed its structure: everything that shows it follows. */
static void
draft_changed_cb (PactaImportPreview *self)
{
  g_autoptr(PactaImportNode) selected = pacta_import_preview_get_selected_node (self);
  int line = pacta_import_preview_get_selected_line (self);

  if (pacta_import_draft_get_n_lines (self->draft) != g_list_model_get_n_items (G_LIST_MODEL (self->lines)))
    rebuild_lines (self);
  rebuild_tree (self);
  refresh_source_rows (self);
  update_summary (self);
  if (selected != NULL)
    pacta_import_preview_select_node (self, selected);
  else if (line >= 0)
    pacta_import_preview_select_line (self, line);
  update_actions (self);
}

/* Actions ------------------------------------------------------------------------------- */

static void
report (PactaImportPreview *self,
        GError             *error)
{
  const char *message;
  const char *located;

  if (error == NULL)
    return;
  /* Without the "file:0:0: " that the command line wants. */
  message = error->message;
  located = strstr (message, ":0:0: ");
  set_status (self, located ? located + strlen (":0:0: ") : message);
  gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
merge_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  PactaImportPreview *self = PACTA_IMPORT_PREVIEW (widget);
  g_autoptr(PactaImportNode) node = pacta_import_preview_get_selected_node (self);
  g_autoptr(GError) error = NULL;
  guint line;
  PactaImportNode *into;

  if (node == NULL || self->draft == NULL)
    return;
  line = pacta_import_node_get_first_line (node);
  if (!pacta_import_draft_merge_with_previous (self->draft, node, &error))
    {
      report (self, error);
      return;
    }
  into = pacta_import_draft_find_node (self->draft, line);
  if (into != NULL)
    pacta_import_preview_select_node (self, into);
  set_status (self, _("Boundary removed"));
}

static void
split_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  PactaImportPreview *self = PACTA_IMPORT_PREVIEW (widget);
  int line = pacta_import_preview_get_selected_line (self);
  g_autoptr(GError) error = NULL;
  PactaImportNode *node;

  if (line < 0 || self->draft == NULL)
    return;
  node = pacta_import_draft_split_at_line (self->draft, line, &error);
  if (node == NULL)
    {
      report (self, error);
      return;
    }
  pacta_import_preview_select_node (self, node);
  set_status (self, _("New boundary"));
}

static void
step_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  PactaImportPreview *self = PACTA_IMPORT_PREVIEW (widget);
  g_autoptr(PactaImportNode) node = pacta_import_preview_get_selected_node (self);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (node == NULL || self->draft == NULL)
    return;
  if (g_str_equal (action_name, "preview.promote"))
    ok = pacta_import_draft_promote (self->draft, node, &error);
  else
    ok = pacta_import_draft_demote (self->draft, node, &error);
  if (!ok)
    report (self, error);
  else
    {
      g_autofree char *kind = g_utf8_strdown (pacta_import_node_kind_to_label (pacta_import_node_get_kind (node)), -1);
      g_autofree char *message = g_strdup_printf (_("Now a %s"), kind);

      pacta_import_preview_select_node (self, node);
      set_status (self, message);
    }
}

static void
relabel_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PactaImportPreview *self = PACTA_IMPORT_PREVIEW (widget);
  g_autoptr(PactaImportNode) node = pacta_import_preview_get_selected_node (self);
  g_autofree char *num = NULL;
  g_autofree char *heading = NULL;

  if (node == NULL || self->draft == NULL)
    return;
  num = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->num_entry))));
  heading = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->heading_entry))));
  pacta_import_draft_relabel (self->draft, node, num, heading);
  set_status (self, _("Relabelled"));
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  PactaImportPreview *self = PACTA_IMPORT_PREVIEW (widget);
  g_autoptr(PactaAgreement) agreement = pacta_import_preview_build_agreement (self);

  if (agreement == NULL)
    return;
  g_signal_emit (self, signals[IMPORTED], 0, agreement);
}

/* Metadata bindings --------------------------------------------------------------------- */

static gboolean
string_to_text (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text ? text : "");
  return TRUE;
}

static gboolean
text_to_string (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text && text[0] != '\0' ? text : NULL);
  return TRUE;
}

static gboolean
parties_to_text (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  const char * const *parties = g_value_get_boxed (from);

  g_value_take_string (to, parties ? g_strjoinv ("; ", (char **) parties) : g_strdup (""));
  return TRUE;
}

static gboolean
text_to_parties (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  g_auto(GStrv) parts = g_strsplit (g_value_get_string (from) ? g_value_get_string (from) : "", ";", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i]; i++)
    {
      char *party = g_strstrip (parts[i]);

      if (party[0] != '\0')
        g_strv_builder_add (builder, party);
    }
  g_value_take_boxed (to, g_strv_builder_end (builder));
  return TRUE;
}

static gboolean
kind_to_index (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  int kind = g_value_get_enum (from);

  g_value_set_uint (to, kind >= PACTA_AGREEMENT_KIND_BLMA && kind <= PACTA_AGREEMENT_KIND_MULTILATERAL
                          ? (guint) (kind - PACTA_AGREEMENT_KIND_BLMA) : 0);
  return TRUE;
}

static gboolean
index_to_kind (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  guint index = g_value_get_uint (from);

  if (index == GTK_INVALID_LIST_POSITION)
    return FALSE;
  g_value_set_enum (to, PACTA_AGREEMENT_KIND_BLMA + MIN (index, 3u));
  return TRUE;
}

static gboolean
language_to_index (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  const char *language = g_value_get_string (from);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (language, languages[i]) == 0)
      {
        g_value_set_uint (to, i);
        return TRUE;
      }
  g_value_set_uint (to, 0);
  return TRUE;
}

static gboolean
index_to_language (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  guint index = g_value_get_uint (from);

  if (index >= G_N_ELEMENTS (languages))
    return FALSE;
  g_value_set_string (to, languages[index]);
  return TRUE;
}

static const char *
language_name (const char *code)
{
  if (g_strcmp0 (code, "en") == 0)
    return _("English");
  if (g_strcmp0 (code, "fr") == 0)
    return _("French");
  if (g_strcmp0 (code, "es") == 0)
    return _("Spanish");
  return code;
}

static void
update_kept_language (PactaImportPreview *self)
{
  const char * const *found = self->draft ? pacta_import_draft_get_languages (self->draft) : NULL;
  gboolean bilingual = self->draft && pacta_import_draft_get_bilingual (self->draft);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint kept = 0;

  for (guint i = 0; found && found[i]; i++)
    {
      gtk_string_list_append (names, language_name (found[i]));
      if (g_strcmp0 (found[i], pacta_import_draft_get_kept_language (self->draft)) == 0)
        kept = i;
    }
  self->syncing = TRUE;
  gtk_drop_down_set_model (self->kept_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->kept_dropdown, kept);
  self->syncing = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->kept_dropdown), bilingual);
  gtk_widget_set_visible (GTK_WIDGET (self->kept_label), bilingual);
}

static void
kept_selected_cb (PactaImportPreview *self)
{
  guint index = gtk_drop_down_get_selected (self->kept_dropdown);
  const char * const *found;
  g_autoptr(GError) error = NULL;

  if (self->syncing || self->draft == NULL || index == GTK_INVALID_LIST_POSITION)
    return;
  found = pacta_import_draft_get_languages (self->draft);
  if (index >= g_strv_length ((char **) found) ||
      g_strcmp0 (found[index], pacta_import_draft_get_kept_language (self->draft)) == 0)
    return;
  if (!pacta_import_draft_keep_language (self->draft, found[index], &error))
    report (self, error);
  else
    set_status (self, _("Structure detected again for the text kept"));
}

/* GObject ------------------------------------------------------------------------------- */

static void
pacta_import_preview_dispose (GObject *object)
{
  PactaImportPreview *self = PACTA_IMPORT_PREVIEW (object);

  if (self->draft != NULL)
    g_clear_signal_handler (&self->changed_handler, self->draft);
  if (self->bindings != NULL)
    g_binding_group_set_source (self->bindings, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PACTA_TYPE_IMPORT_PREVIEW);
  g_clear_object (&self->draft);
  g_clear_object (&self->bindings);
  g_clear_object (&self->line_selection);
  g_clear_object (&self->node_selection);
  g_clear_object (&self->lines);

  G_OBJECT_CLASS (pacta_import_preview_parent_class)->dispose (object);
}

static void
pacta_import_preview_finalize (GObject *object)
{
  PactaImportPreview *self = PACTA_IMPORT_PREVIEW (object);

  g_clear_pointer (&self->bound_lines, g_hash_table_unref);

  G_OBJECT_CLASS (pacta_import_preview_parent_class)->finalize (object);
}

static void
pacta_import_preview_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PactaImportPreview *self = PACTA_IMPORT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    case PROP_SHOW_IMPORT:
      g_value_set_boolean (value, pacta_import_preview_get_show_import (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_import_preview_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PactaImportPreview *self = PACTA_IMPORT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      pacta_import_preview_set_draft (self, g_value_get_object (value));
      break;
    case PROP_SHOW_IMPORT:
      pacta_import_preview_set_show_import (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Focus goes to the structure, where corrections start. */
static gboolean
pacta_import_preview_grab_focus (GtkWidget *widget)
{
  PactaImportPreview *self = PACTA_IMPORT_PREVIEW (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->structure_view));
}

static void
load_css (void)
{
  static gboolean loaded = FALSE;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, "/io/github/pacta/Pacta/ui/pacta-import-preview.css");
    gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  loaded = TRUE;
}

static void
pacta_import_preview_class_init (PactaImportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacta_import_preview_dispose;
  object_class->finalize = pacta_import_preview_finalize;
  object_class->get_property = pacta_import_preview_get_property;
  object_class->set_property = pacta_import_preview_set_property;
  widget_class->grab_focus = pacta_import_preview_grab_focus;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, PACTA_TYPE_IMPORT_DRAFT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* FALSE where the container has its own Import (the window's import dialog). */
  properties[PROP_SHOW_IMPORT] =
    g_param_spec_boolean ("show-import", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PactaImportPreview::imported:
   * @agreement: the agreement as detected and corrected
   *
   * Emitted by the "preview.import" action; the window saves and opens the agreement.
   */
  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PACTA_TYPE_AGREEMENT);

  /* The bundle lives in a static library: referencing it keeps it linked in. */
  (void) pacta_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacta/Pacta/ui/pacta-import-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, PactaImportPreview, content);
  gtk_widget_class_bind_template_child (widget_class, PactaImportPreview, title_entry);
  gtk_widget_class_bind_template_child (widget_class, PactaImportPreview, parties_entry);
  gtk_widget_class_bind_template_child (widget_class, PactaImportPreview, date_entry);
  gtk_widget_class_bind_template_child (widget_class, PactaImportPreview, place_entry);
  gtk_widget_class_bind_template_child (widget_class, PactaImportPreview, num_entry);
  gtk_widget_class_bind_template_child (widget_class, PactaImportPreview, heading_entry);
  gtk_widget_class_bind_template_child (widget_class, PactaImportPreview, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PactaImportPreview, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PactaImportPreview, kept_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PactaImportPreview, kept_label);
  gtk_widget_class_bind_template_child (widget_class, PactaImportPreview, source_view);
  gtk_widget_class_bind_template_child (widget_class, PactaImportPreview, structure_view);
  gtk_widget_class_bind_template_child (widget_class, PactaImportPreview, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PactaImportPreview, status_label);
  gtk_widget_class_bind_template_child (widget_class, PactaImportPreview, warnings_label);
  gtk_widget_class_bind_template_child (widget_class, PactaImportPreview, warnings_button);
  gtk_widget_class_bind_template_child (widget_class, PactaImportPreview, import_button);

  gtk_widget_class_install_action (widget_class, "preview.merge", NULL, merge_cb);
  gtk_widget_class_install_action (widget_class, "preview.split", NULL, split_cb);
  gtk_widget_class_install_action (widget_class, "preview.promote", NULL, step_cb);
  gtk_widget_class_install_action (widget_class, "preview.demote", NULL, step_cb);
  gtk_widget_class_install_action (widget_class, "preview.relabel", NULL, relabel_cb);
  gtk_widget_class_install_action (widget_class, "preview.import", NULL, import_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "preview.merge", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "preview.split", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "preview.promote", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "preview.demote", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "importpreview");
}

static void
pacta_import_preview_init (PactaImportPreview *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  load_css ();

  self->bound_lines = g_hash_table_new (NULL, NULL);
  self->lines = gtk_string_list_new (NULL);
  self->line_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->lines)));
  gtk_single_selection_set_autoselect (self->line_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->line_selection, TRUE);
  gtk_single_selection_set_selected (self->line_selection, GTK_INVALID_LIST_POSITION);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (source_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (source_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (source_unbind_cb), self);
  gtk_list_view_set_factory (self->source_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->source_view, GTK_SELECTION_MODEL (self->line_selection));
  g_signal_connect_object (self->line_selection, "notify::selected", G_CALLBACK (line_selected_cb), self,
                           G_CONNECT_SWAPPED);

  self->node_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->node_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->node_selection, TRUE);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (structure_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (structure_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (structure_unbind_cb), self);
  gtk_list_view_set_factory (self->structure_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->structure_view, GTK_SELECTION_MODEL (self->node_selection));
  g_signal_connect_object (self->node_selection, "notify::selected", G_CALLBACK (node_selected_cb), self,
                           G_CONNECT_SWAPPED);

  self->bindings = g_binding_group_new ();
  /* What the text did not tell is NULL in the draft, an empty entry here. */
  g_binding_group_bind_full (self->bindings, "title", self->title_entry, "text",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                             string_to_text, text_to_string, NULL, NULL);
  g_binding_group_bind_full (self->bindings, "date-signed", self->date_entry, "text",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                             string_to_text, text_to_string, NULL, NULL);
  g_binding_group_bind_full (self->bindings, "place-signed", self->place_entry, "text",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                             string_to_text, text_to_string, NULL, NULL);
  g_binding_group_bind_full (self->bindings, "parties", self->parties_entry, "text",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                             parties_to_text, text_to_parties, NULL, NULL);
  g_binding_group_bind_full (self->bindings, "kind", self->kind_dropdown, "selected",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                             kind_to_index, index_to_kind, NULL, NULL);
  g_binding_group_bind_full (self->bindings, "language", self->language_dropdown, "selected",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                             language_to_index, index_to_language, NULL, NULL);
  g_signal_connect_object (self->kept_dropdown, "notify::selected", G_CALLBACK (kept_selected_cb), self,
                           G_CONNECT_SWAPPED);

  update_summary (self);
  update_actions (self);
}

/* Public API ---------------------------------------------------------------------------- */

GtkWidget *
pacta_import_preview_new (void)
{
  return g_object_new (PACTA_TYPE_IMPORT_PREVIEW, NULL);
}

PactaImportDraft *
pacta_import_preview_get_draft (PactaImportPreview *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_PREVIEW (self), NULL);
  return self->draft;
}

void
pacta_import_preview_set_draft (PactaImportPreview *self,
                                PactaImportDraft   *draft)
{
  g_return_if_fail (PACTA_IS_IMPORT_PREVIEW (self));
  g_return_if_fail (draft == NULL || PACTA_IS_IMPORT_DRAFT (draft));

  if (self->draft == draft)
    return;
  if (self->draft != NULL)
    g_clear_signal_handler (&self->changed_handler, self->draft);
  g_set_object (&self->draft, draft);
  if (draft != NULL)
    self->changed_handler = g_signal_connect_object (draft, "changed", G_CALLBACK (draft_changed_cb), self,
                                                     G_CONNECT_SWAPPED);
  g_binding_group_set_source (self->bindings, draft);

  rebuild_lines (self);
  rebuild_tree (self);
  update_kept_language (self);
  update_summary (self);
  update_actions (self);
  set_status (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

gboolean
pacta_import_preview_get_show_import (PactaImportPreview *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_PREVIEW (self), TRUE);
  return gtk_widget_get_visible (self->import_button);
}

void
pacta_import_preview_set_show_import (PactaImportPreview *self,
                                      gboolean            show_import)
{
  g_return_if_fail (PACTA_IS_IMPORT_PREVIEW (self));

  show_import = !!show_import;
  if (pacta_import_preview_get_show_import (self) == show_import)
    return;
  gtk_widget_set_visible (self->import_button, show_import);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_IMPORT]);
}

/* The agreement as it stands in the preview: detected structure, corrections, metadata. */
PactaAgreement *
pacta_import_preview_build_agreement (PactaImportPreview *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_PREVIEW (self), NULL);

  if (self->draft == NULL)
    return NULL;
  return pacta_import_draft_build_agreement (self->draft);
}
