/* pacta-sidebar.c — the library: agreements by kind and guidelines, with search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "pacta-library-row.h"
#include "pacta-sidebar.h"

struct _PactaSidebar
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkListBox         *list_box;
  GtkWidget          *no_results_label;

  /* Owned references */
  GListModel         *model;         /* as given: PactaLibraryItem, any order */
  GtkSortListModel   *sorted;
  GtkFilterListModel *filtered;      /* what the list box shows */
  GtkCustomFilter    *filter;
  PactaLibraryItem   *selected_item;
  char               *query;         /* normalised search text */

  guint               updating : 1;  /* the list box is rebuilding rows */
};

G_DEFINE_FINAL_TYPE (PactaSidebar, pacta_sidebar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SELECTED_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_selected_item (PactaSidebar     *self,
                   PactaLibraryItem *item)
{
  if (g_set_object (&self->selected_item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ITEM]);
}

static guint
find_visible (PactaSidebar     *self,
              PactaLibraryItem *item)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaLibraryItem) other = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (other == item)
        return i;
    }
  return G_MAXUINT;
}

/* Puts the row highlight back on the selected item after the rows were rebuilt. */
static void
restore_selection (PactaSidebar *self)
{
  guint position = G_MAXUINT;
  GtkListBoxRow *row = NULL;

  if (self->selected_item != NULL)
    position = find_visible (self, self->selected_item);
  if (position != G_MAXUINT)
    row = gtk_list_box_get_row_at_index (self->list_box, (int) position);

  self->updating = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->list_box, row);
  else
    gtk_list_box_unselect_all (self->list_box);
  self->updating = FALSE;
}

static gboolean
filter_item (gpointer item,
             gpointer user_data)
{
  PactaSidebar *self = user_data;

  return pacta_library_item_matches (PACTA_LIBRARY_ITEM (item), self->query);
}

static int
sort_items (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  return pacta_library_item_compare (PACTA_LIBRARY_ITEM ((gpointer) a), PACTA_LIBRARY_ITEM ((gpointer) b));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return pacta_library_row_new (PACTA_LIBRARY_ITEM (item));
}

static guint
count_group (PactaSidebar      *self,
             PactaLibraryGroup  group)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaLibraryItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (pacta_library_item_get_group (item) == group)
        count++;
    }
  return count;
}

static GtkWidget *
make_heading (const char *text,
              const char *css_class,
              gboolean    first)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, css_class);
  if (first)
    gtk_widget_add_css_class (label, "first");
  return label;
}

/* AGREEMENTS above the first agreement, GUIDELINES above the first guideline, and the kind
 * of agreement with its count above each group. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  PactaSidebar *self = user_data;
  PactaLibraryItem *item = pacta_library_row_get_item (PACTA_LIBRARY_ROW (row));
  PactaLibraryItem *previous = before ? pacta_library_row_get_item (PACTA_LIBRARY_ROW (before)) : NULL;
  PactaLibraryGroup group = pacta_library_item_get_group (item);
  gboolean new_section, new_group;
  GtkWidget *box;

  new_group = previous == NULL || pacta_library_item_get_group (previous) != group;
  new_section = previous == NULL ||
                pacta_library_item_is_guideline (previous) != pacta_library_item_is_guideline (item);

  if (!new_group)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  if (new_section)
    {
      const char *section = pacta_library_item_is_guideline (item) ? _("GUIDELINES") : _("AGREEMENTS");

      gtk_box_append (GTK_BOX (box), make_heading (section, "pacta-sidebar-section", previous == NULL));
    }
  if (group != PACTA_LIBRARY_GROUP_GUIDELINES)
    {
      g_autofree char *label = g_strdup_printf ("%s (%u)", pacta_library_group_to_label (group),
                                                count_group (self, group));

      gtk_box_append (GTK_BOX (box), make_heading (label, "pacta-sidebar-group", FALSE));
    }
  gtk_list_box_row_set_header (row, box);
}

static void
row_selected_cb (PactaSidebar  *self,
                 GtkListBoxRow *row,
                 GtkListBox    *list_box)
{
  if (self->updating)
    return;
  set_selected_item (self, row ? pacta_library_row_get_item (PACTA_LIBRARY_ROW (row)) : NULL);
}

static void
filtered_items_changed_before_cb (PactaSidebar *self,
                                  guint         position,
                                  guint         removed,
                                  guint         added,
                                  GListModel   *model)
{
  self->updating = TRUE;
}

static void
filtered_items_changed_after_cb (PactaSidebar *self,
                                 guint         position,
                                 guint         removed,
                                 guint         added,
                                 GListModel   *model)
{
  gboolean empty = g_list_model_get_n_items (model) == 0;

  self->updating = FALSE;
  gtk_list_box_invalidate_headers (self->list_box);
  restore_selection (self);
  gtk_widget_set_visible (self->no_results_label, empty && self->query[0] != '\0');
}

static void
search_changed_cb (PactaSidebar   *self,
                   GtkSearchEntry *entry)
{
  g_autofree char *query = pacta_library_normalize_query (gtk_editable_get_text (GTK_EDITABLE (entry)));

  if (g_strcmp0 (query, self->query) == 0)
    return;
  g_free (self->query);
  self->query = g_steal_pointer (&query);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
stop_search_cb (PactaSidebar   *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  pacta_sidebar_focus_selection (self);
}

/* Enter in the search entry opens the first match. */
static void
search_activate_cb (PactaSidebar   *self,
                    GtkSearchEntry *entry)
{
  g_autoptr(PactaLibraryItem) first = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);

  if (first != NULL)
    {
      pacta_sidebar_select_item (self, first);
      pacta_sidebar_focus_selection (self);
    }
}

static void
pacta_sidebar_dispose (GObject *object)
{
  PactaSidebar *self = PACTA_SIDEBAR (object);

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), PACTA_TYPE_SIDEBAR);

  g_clear_object (&self->filtered);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filter);
  g_clear_object (&self->model);
  g_clear_object (&self->selected_item);

  G_OBJECT_CLASS (pacta_sidebar_parent_class)->dispose (object);
}

static void
pacta_sidebar_finalize (GObject *object)
{
  PactaSidebar *self = PACTA_SIDEBAR (object);

  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (pacta_sidebar_parent_class)->finalize (object);
}

static void
pacta_sidebar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PactaSidebar *self = PACTA_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_SELECTED_ITEM:
      g_value_set_object (value, self->selected_item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_sidebar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PactaSidebar *self = PACTA_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      pacta_sidebar_set_model (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_ITEM:
      pacta_sidebar_select_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_sidebar_class_init (PactaSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacta_sidebar_dispose;
  object_class->finalize = pacta_sidebar_finalize;
  object_class->get_property = pacta_sidebar_get_property;
  object_class->set_property = pacta_sidebar_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ITEM] =
    g_param_spec_object ("selected-item", NULL, NULL,
                         PACTA_TYPE_LIBRARY_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacta/Pacta/ui/pacta-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, PactaSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PactaSidebar, list_box);
  gtk_widget_class_bind_template_child (widget_class, PactaSidebar, no_results_label);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
}

static void
pacta_sidebar_init (PactaSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->query = g_strdup ("");
  self->filter = gtk_custom_filter_new (filter_item, self, NULL);
  self->sorted = gtk_sort_list_model_new (NULL, GTK_SORTER (gtk_custom_sorter_new (sort_items, NULL, NULL)));
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sorted)),
                                              g_object_ref (GTK_FILTER (self->filter)));

  /* Rows are rebuilt when the model changes: keep the selection, and do not report the
   * transient "nothing selected" to whoever listens. The list box connects its own handler
   * in between these two. */
  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (filtered_items_changed_before_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->filtered), create_row, self, NULL);
  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (filtered_items_changed_after_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_set_header_func (self->list_box, update_header, self, NULL);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_box));
}

GtkWidget *
pacta_sidebar_new (void)
{
  return g_object_new (PACTA_TYPE_SIDEBAR, NULL);
}

/* Returns: (transfer none) (nullable): the model given to pacta_sidebar_set_model() */
GListModel *
pacta_sidebar_get_model (PactaSidebar *self)
{
  g_return_val_if_fail (PACTA_IS_SIDEBAR (self), NULL);
  return self->model;
}

/* @model: (nullable): a list of PactaLibraryItem in any order; the sidebar sorts and groups them */
void
pacta_sidebar_set_model (PactaSidebar *self,
                         GListModel   *model)
{
  g_return_if_fail (PACTA_IS_SIDEBAR (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (!g_set_object (&self->model, model))
    return;
  gtk_sort_list_model_set_model (self->sorted, model);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/* Returns: (transfer none): the items the sidebar shows, in display order (after the search) */
GListModel *
pacta_sidebar_get_visible_items (PactaSidebar *self)
{
  g_return_val_if_fail (PACTA_IS_SIDEBAR (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

/* Returns: (transfer none) (nullable) */
PactaLibraryItem *
pacta_sidebar_get_selected_item (PactaSidebar *self)
{
  g_return_val_if_fail (PACTA_IS_SIDEBAR (self), NULL);
  return self->selected_item;
}

/* Selects @item (NULL: nothing), clearing a search that hides it.
 * Returns: whether the item is in the model (always TRUE for NULL) */
gboolean
pacta_sidebar_select_item (PactaSidebar     *self,
                           PactaLibraryItem *item)
{
  g_return_val_if_fail (PACTA_IS_SIDEBAR (self), FALSE);
  g_return_val_if_fail (item == NULL || PACTA_IS_LIBRARY_ITEM (item), FALSE);

  if (item != NULL && find_visible (self, item) == G_MAXUINT)
    {
      pacta_sidebar_set_search_text (self, "");
      if (find_visible (self, item) == G_MAXUINT)
        return FALSE;
    }

  set_selected_item (self, item);
  restore_selection (self);
  return TRUE;
}

void
pacta_sidebar_focus_search (PactaSidebar *self)
{
  g_return_if_fail (PACTA_IS_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* Moves the keyboard focus to the selected row (or the first one). */
void
pacta_sidebar_focus_selection (PactaSidebar *self)
{
  GtkListBoxRow *row;

  g_return_if_fail (PACTA_IS_SIDEBAR (self));

  row = gtk_list_box_get_selected_row (self->list_box);
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->list_box, 0);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

void
pacta_sidebar_set_search_text (PactaSidebar *self,
                               const char   *text)
{
  g_return_if_fail (PACTA_IS_SIDEBAR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  /* "search-changed" is delayed; apply at once so callers see the result. */
  search_changed_cb (self, self->search_entry);
}

/* How many rows of agreements (or of guidelines) the list box holds right now. */
guint
pacta_sidebar_count_rows (PactaSidebar *self,
                          gboolean      guidelines)
{
  guint count = 0;
  GtkListBoxRow *row;

  g_return_val_if_fail (PACTA_IS_SIDEBAR (self), 0);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    if (PACTA_IS_LIBRARY_ROW (row) &&
        pacta_library_item_is_guideline (pacta_library_row_get_item (PACTA_LIBRARY_ROW (row))) == !!guidelines)
      count++;
  return count;
}
