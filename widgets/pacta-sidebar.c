/* pacta-sidebar.c — the library: agreements by kind and guidelines, with search
 *
 * The list shows the items of the model given (agreements of the library, agreements opened
 * from files, guidelines), grouped by kind. The search entry filters them by title and
 * parties, and, when a library is set, also searches the text of every provision in it (FTS5)
 * and lists the hits under the list; activating one emits "hit-activated". A popover filters
 * the agreements by kind, status, party, year and stored score.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "pacta-library-row.h"
#include "pacta-sidebar.h"

#define MAX_HITS 50

/* Score bands of the filter popover, in the order of its drop-down */
enum { SCORE_ANY, SCORE_HIGH, SCORE_MEDIUM, SCORE_LOW, SCORE_NONE };

struct _PactaSidebar
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkListBox         *list_box;
  GtkWidget          *no_results_label;
  GtkMenuButton      *filter_button;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *status_dropdown;
  GtkEntry           *party_entry;
  GtkEntry           *year_from_entry;
  GtkEntry           *year_to_entry;
  GtkDropDown        *score_dropdown;
  GtkWidget          *reset_filter_button;
  GtkWidget          *hits_box;
  GtkLabel           *hits_heading;
  GtkLabel           *hits_message;
  GtkListBox         *hits_list;

  /* Owned references */
  GListModel         *model;         /* as given: PactaLibraryItem, any order */
  GtkSortListModel   *sorted;
  GtkFilterListModel *filtered;      /* what the list box shows */
  GtkCustomFilter    *filter;
  PactaLibraryItem   *selected_item;
  PactaLibrary       *library;       /* for searching the text; may be NULL */
  PactaLibraryItem   *context_item;  /* the row the context menu was opened on */
  GtkWidget          *context_menu;
  GListModel         *hits;          /* PactaLibraryHit */
  char               *query;         /* normalised search text */
  char               *search_text;   /* as typed, for the full-text search */

  /* The filter popover, as read from its widgets */
  int                 kind;          /* PactaAgreementKind or -1 */
  int                 status;        /* PactaAgreementStatus or -1 */
  char               *party;
  int                 year_from;
  int                 year_to;
  int                 score_band;

  guint               updating : 1;  /* the list box is rebuilding rows */
  guint               setting_filter : 1;
};

G_DEFINE_FINAL_TYPE (PactaSidebar, pacta_sidebar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SELECTED_ITEM,
  PROP_LIBRARY,
  N_PROPS
};

enum {
  HIT_ACTIVATED,
  REMOVE_ITEM,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void run_text_search (PactaSidebar *self);

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
filter_active (PactaSidebar *self)
{
  return self->kind >= 0 || self->status >= 0 || (self->party != NULL && self->party[0] != '\0') ||
         self->year_from > 0 || self->year_to > 0 || self->score_band != SCORE_ANY;
}

static gboolean
score_in_band (double score,
               int    band)
{
  switch (band)
    {
    case SCORE_HIGH:
      return score >= 0.8;
    case SCORE_MEDIUM:
      return score >= 0.5 && score < 0.8;
    case SCORE_LOW:
      return score >= 0 && score < 0.5;
    case SCORE_NONE:
      return score < 0;
    case SCORE_ANY:
    default:
      return TRUE;
    }
}

/* The popover's filter, for the agreements (guidelines are not filtered by it). */
static gboolean
passes_filter (PactaSidebar     *self,
               PactaLibraryItem *item)
{
  PactaLibraryEntry *entry = pacta_library_item_get_entry (item);
  PactaAgreement *agreement;
  int year;

  if (pacta_library_item_is_guideline (item) || !filter_active (self))
    return TRUE;
  if (self->kind >= 0 && (int) pacta_library_item_get_kind (item) != self->kind)
    return FALSE;
  if (self->status >= 0 && (int) pacta_library_item_get_status (item) != self->status)
    return FALSE;
  if (!score_in_band (pacta_library_item_get_score (item), self->score_band))
    return FALSE;

  if (entry != NULL)
    {
      PactaLibraryFilter filter = PACTA_LIBRARY_FILTER_INIT;

      filter.party = self->party;
      filter.year_from = self->year_from;
      filter.year_to = self->year_to;
      return pacta_library_entry_matches (entry, &filter);
    }

  /* An agreement opened from a file */
  agreement = pacta_library_item_get_agreement (item);
  year = pacta_agreement_get_year (agreement);
  if (self->year_from > 0 && year < self->year_from)
    return FALSE;
  if (self->year_to > 0 && (year == 0 || year > self->year_to))
    return FALSE;
  if (self->party != NULL && self->party[0] != '\0')
    {
      g_autofree char *parties = pacta_agreement_dup_parties_label (agreement);
      g_autofree char *needle = pacta_library_normalize_query (self->party);
      g_autofree char *haystack = pacta_library_normalize_query (parties);
      GListModel *list = pacta_agreement_get_parties (agreement);
      gboolean found = strstr (haystack, needle) != NULL;

      for (guint i = 0; !found && i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(PactaParty) party = g_list_model_get_item (list, i);

          found = g_ascii_strcasecmp (pacta_party_get_code (party) ? pacta_party_get_code (party) : "", self->party) == 0;
        }
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static gboolean
filter_item (gpointer item,
             gpointer user_data)
{
  PactaSidebar *self = user_data;

  return pacta_library_item_matches (PACTA_LIBRARY_ITEM (item), self->query) &&
         passes_filter (self, PACTA_LIBRARY_ITEM (item));
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

/* Says so when neither the list nor the text search finds anything. */
static gboolean
shows_agreements (PactaSidebar *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaLibraryItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (pacta_library_item_is_agreement (item))
        return TRUE;
    }
  return FALSE;
}

static void
update_no_results (PactaSidebar *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0 ||
                   (filter_active (self) && !shows_agreements (self));
  gboolean searching = self->query[0] != '\0';
  gboolean hits = self->hits != NULL && g_list_model_get_n_items (self->hits) > 0;

  if (searching)
    gtk_label_set_label (GTK_LABEL (self->no_results_label), _("No agreements or guidelines match the search."));
  else
    gtk_label_set_label (GTK_LABEL (self->no_results_label), _("No agreements match the filter."));
  gtk_widget_set_visible (self->no_results_label, empty && (searching || filter_active (self)) && !hits);
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
  self->updating = FALSE;
  gtk_list_box_invalidate_headers (self->list_box);
  restore_selection (self);
  update_no_results (self);
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
  g_free (self->search_text);
  self->search_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  run_text_search (self);
}

/* ---- Search in the text ----------------------------------------------------------------- */

static char *
dup_hit_place (PactaLibraryHit *hit)
{
  const char *label = pacta_library_hit_get_label (hit);
  const char *context = pacta_library_hit_get_context (hit);

  switch (pacta_library_hit_get_kind (hit))
    {
    case PACTA_LIBRARY_HIT_NOTE:
      if (context != NULL && context[0] != '\0')
        /* Translators: a note found by the search, %s is where it is, e.g. "Article 5 — Export of benefits" */
        return g_strdup_printf (_("Note on %s"), context);
      return g_strdup (_("Note"));
    case PACTA_LIBRARY_HIT_DECISION:
      /* Translators: a decision found by the search, %s names the guideline item */
      return g_strdup_printf (_("Decision on %s"), label ? label : "");
    case PACTA_LIBRARY_HIT_PROVISION:
    default:
      if (label == NULL || label[0] == '\0')
        return g_strdup (context && context[0] ? context : pacta_library_hit_get_eid (hit));
      if (context != NULL && context[0] != '\0' && g_strcmp0 (context, label) != 0)
        return g_strdup_printf ("%s › %s", context, label);
      return g_strdup (label);
    }
}

static GtkWidget *
make_hit_label (const char *text,
                const char *css_class,
                gboolean    markup)
{
  GtkWidget *label = gtk_label_new (NULL);

  if (markup)
    gtk_label_set_markup (GTK_LABEL (label), text);
  else
    gtk_label_set_label (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
create_hit_row (gpointer item,
                gpointer user_data)
{
  PactaLibraryHit *hit = PACTA_LIBRARY_HIT (item);
  g_autofree char *place = dup_hit_place (hit);
  g_autofree char *snippet = pacta_library_hit_dup_snippet_markup (hit);
  g_autofree char *plain = pacta_library_hit_dup_snippet (hit, "", "");
  g_autofree char *accessible = NULL;
  const char *title = pacta_library_hit_get_agreement_title (hit);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), make_hit_label (title ? title : "", "agreement", FALSE));
  gtk_box_append (GTK_BOX (box), make_hit_label (place, "label", FALSE));
  /* A heading that matched is already in the place: its words are not repeated. */
  if (plain != NULL && plain[0] != '\0' && strstr (place, plain) == NULL)
    {
      label = make_hit_label (snippet ? snippet : "", "snippet", TRUE);
      gtk_label_set_lines (GTK_LABEL (label), 3);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_add_css_class (row, "pacta-hit-row");
  g_object_set_data_full (G_OBJECT (row), "hit", g_object_ref (hit), g_object_unref);
  accessible = g_strdup_printf ("%s, %s: %s", title ? title : "", place, plain ? plain : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_tooltip_text (row, title);
  return row;
}

static void
show_hits_message (PactaSidebar *self,
                   const char   *message)
{
  gtk_label_set_label (self->hits_message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hits_message), message != NULL);
}

/* Searches the text of every provision (and the notes and decisions' reasons) of the library
 * for what was typed, with the popover's filter. FTS5 answers in milliseconds even for a
 * thousand agreements, so this runs at once, after the search entry's own short delay. */
static void
run_text_search (PactaSidebar *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (self->search_text ? self->search_text : ""));
  PactaLibraryFilter filter = PACTA_LIBRARY_FILTER_INIT;
  guint n;

  g_clear_object (&self->hits);
  gtk_list_box_bind_model (self->hits_list, NULL, NULL, NULL, NULL);

  if (self->library == NULL || g_utf8_strlen (trimmed, -1) < 2)
    {
      gtk_widget_set_visible (self->hits_box, FALSE);
      update_no_results (self);
      return;
    }

  filter.kind = self->kind;
  filter.status = self->status;
  filter.party = self->party;
  filter.year_from = self->year_from;
  filter.year_to = self->year_to;
  hits = pacta_library_search (self->library, trimmed, &filter, MAX_HITS, &error);
  gtk_widget_set_visible (self->hits_box, TRUE);
  if (hits == NULL)
    {
      gtk_label_set_label (self->hits_heading, _("IN THE TEXT"));
      show_hits_message (self, error->message);
      update_no_results (self);
      return;
    }

  self->hits = g_steal_pointer (&hits);
  n = g_list_model_get_n_items (self->hits);
  if (n >= MAX_HITS)
    {
      /* Translators: the heading of the search results in the sidebar; %u is their number */
      g_autofree char *heading = g_strdup_printf (_("IN THE TEXT (FIRST %u)"), n);

      gtk_label_set_label (self->hits_heading, heading);
    }
  else
    {
      g_autofree char *heading = g_strdup_printf ("%s (%u)", _("IN THE TEXT"), n);

      gtk_label_set_label (self->hits_heading, heading);
    }
  show_hits_message (self, n == 0 ? _("No provision contains these words.") : NULL);
  gtk_list_box_bind_model (self->hits_list, self->hits, create_hit_row, self, NULL);
  update_no_results (self);
}

static void
hit_row_activated_cb (PactaSidebar  *self,
                      GtkListBoxRow *row,
                      GtkListBox    *list_box)
{
  PactaLibraryHit *hit = g_object_get_data (G_OBJECT (row), "hit");

  if (hit != NULL)
    g_signal_emit (self, signals[HIT_ACTIVATED], 0, hit);
}

/* ---- The filter popover ----------------------------------------------------------------- */

static const int kinds[] = {
  -1, PACTA_AGREEMENT_KIND_BLMA, PACTA_AGREEMENT_KIND_MOU, PACTA_AGREEMENT_KIND_SSA,
  PACTA_AGREEMENT_KIND_MULTILATERAL, PACTA_AGREEMENT_KIND_UNKNOWN,
};

static const int statuses[] = {
  -1, PACTA_AGREEMENT_STATUS_DRAFT, PACTA_AGREEMENT_STATUS_SIGNED, PACTA_AGREEMENT_STATUS_IN_FORCE,
  PACTA_AGREEMENT_STATUS_TERMINATED, PACTA_AGREEMENT_STATUS_UNKNOWN,
};

static int
parse_year (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  gint64 year = g_ascii_strtoll (text, NULL, 10);

  return year >= 1000 && year <= 9999 ? (int) year : 0;
}

static void
filter_widgets_changed_cb (PactaSidebar *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint score = gtk_drop_down_get_selected (self->score_dropdown);
  const char *party = gtk_editable_get_text (GTK_EDITABLE (self->party_entry));
  gboolean active;

  if (self->setting_filter)
    return;

  self->kind = kind < G_N_ELEMENTS (kinds) ? kinds[kind] : -1;
  self->status = status < G_N_ELEMENTS (statuses) ? statuses[status] : -1;
  self->score_band = score <= SCORE_NONE ? (int) score : SCORE_ANY;
  g_free (self->party);
  self->party = g_strstrip (g_strdup (party));
  self->year_from = parse_year (self->year_from_entry);
  self->year_to = parse_year (self->year_to_entry);

  active = filter_active (self);
  gtk_widget_set_sensitive (self->reset_filter_button, active);
  if (active)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "pacta-filter-active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "pacta-filter-active");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_button),
                               active ? _("Filter Agreements (a filter is on)") : _("Filter Agreements"));

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  run_text_search (self);
}

static void
reset_filter_clicked_cb (PactaSidebar *self)
{
  pacta_sidebar_set_filter (self, NULL);
}

/* ---- Removing --------------------------------------------------------------------------- */

static gboolean
removable (PactaLibraryItem *item)
{
  return item != NULL && pacta_library_item_is_agreement (item) && pacta_library_item_get_user_opened (item);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PactaSidebar *self = PACTA_SIDEBAR (widget);
  PactaLibraryItem *item = self->context_item ? self->context_item : self->selected_item;
  g_autoptr(PactaLibraryItem) keep = item ? g_object_ref (item) : NULL;

  g_clear_object (&self->context_item);
  if (removable (keep))
    g_signal_emit (self, signals[REMOVE_ITEM], 0, keep);
}

static void
list_pressed_cb (PactaSidebar *self,
                 int           n_press,
                 double        x,
                 double        y,
                 GtkGesture   *gesture)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->list_box, (int) y);
  PactaLibraryItem *item = row && PACTA_IS_LIBRARY_ROW (row) ? pacta_library_row_get_item (PACTA_LIBRARY_ROW (row)) : NULL;

  if (!removable (item))
    return;
  g_set_object (&self->context_item, item);
  if (self->context_menu == NULL)
    {
      g_autoptr(GMenu) menu = g_menu_new ();

      g_menu_append (menu, _("_Remove from Library"), "sidebar.remove");
      self->context_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self->list_box));
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
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
  else if (self->hits != NULL && g_list_model_get_n_items (self->hits) > 0)
    {
      /* No title matches: the best hit in the text */
      pacta_sidebar_activate_hit (self, 0);
      gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->hits_list, 0)));
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
  if (self->hits_list != NULL)
    gtk_list_box_bind_model (self->hits_list, NULL, NULL, NULL, NULL);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);

  gtk_widget_dispose_template (GTK_WIDGET (self), PACTA_TYPE_SIDEBAR);

  g_clear_object (&self->filtered);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filter);
  g_clear_object (&self->model);
  g_clear_object (&self->selected_item);
  g_clear_object (&self->context_item);
  g_clear_object (&self->library);
  g_clear_object (&self->hits);

  G_OBJECT_CLASS (pacta_sidebar_parent_class)->dispose (object);
}

static void
pacta_sidebar_finalize (GObject *object)
{
  PactaSidebar *self = PACTA_SIDEBAR (object);

  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->party, g_free);

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
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
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
    case PROP_LIBRARY:
      pacta_sidebar_set_library (self, g_value_get_object (value));
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
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         PACTA_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A search hit was activated: open its agreement at the provision. */
  signals[HIT_ACTIVATED] =
    g_signal_new ("hit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PACTA_TYPE_LIBRARY_HIT);
  /* "Remove from Library" on an agreement (the context menu, or Delete) */
  signals[REMOVE_ITEM] =
    g_signal_new ("remove-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PACTA_TYPE_LIBRARY_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacta/Pacta/ui/pacta-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, PactaSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PactaSidebar, list_box);
  gtk_widget_class_bind_template_child (widget_class, PactaSidebar, no_results_label);
  gtk_widget_class_bind_template_child (widget_class, PactaSidebar, filter_button);
  gtk_widget_class_bind_template_child (widget_class, PactaSidebar, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PactaSidebar, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PactaSidebar, party_entry);
  gtk_widget_class_bind_template_child (widget_class, PactaSidebar, year_from_entry);
  gtk_widget_class_bind_template_child (widget_class, PactaSidebar, year_to_entry);
  gtk_widget_class_bind_template_child (widget_class, PactaSidebar, score_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PactaSidebar, reset_filter_button);
  gtk_widget_class_bind_template_child (widget_class, PactaSidebar, hits_box);
  gtk_widget_class_bind_template_child (widget_class, PactaSidebar, hits_heading);
  gtk_widget_class_bind_template_child (widget_class, PactaSidebar, hits_message);
  gtk_widget_class_bind_template_child (widget_class, PactaSidebar, hits_list);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, hit_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_widgets_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_filter_clicked_cb);

  gtk_widget_class_install_action (widget_class, "sidebar.remove", NULL, remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "sidebar.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "sidebar.remove", NULL);
}

static GListModel *
make_choices (const char *any,
              const char *first,
              ...)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  va_list args;

  gtk_string_list_append (list, any);
  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    gtk_string_list_append (list, s);
  va_end (args);
  return G_LIST_MODEL (list);
}

static void
pacta_sidebar_init (PactaSidebar *self)
{
  GtkGesture *gesture;

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

  self->kind = -1;
  self->status = -1;
  self->score_band = SCORE_ANY;
  self->setting_filter = TRUE;
  gtk_drop_down_set_model (self->kind_dropdown,
                           make_choices (_("Any kind"),
                                         pacta_agreement_kind_to_label (PACTA_AGREEMENT_KIND_BLMA),
                                         pacta_agreement_kind_to_label (PACTA_AGREEMENT_KIND_MOU),
                                         pacta_agreement_kind_to_label (PACTA_AGREEMENT_KIND_SSA),
                                         pacta_agreement_kind_to_label (PACTA_AGREEMENT_KIND_MULTILATERAL),
                                         pacta_agreement_kind_to_label (PACTA_AGREEMENT_KIND_UNKNOWN),
                                         NULL));
  gtk_drop_down_set_model (self->status_dropdown,
                           make_choices (_("Any status"),
                                         pacta_agreement_status_to_label (PACTA_AGREEMENT_STATUS_DRAFT),
                                         pacta_agreement_status_to_label (PACTA_AGREEMENT_STATUS_SIGNED),
                                         pacta_agreement_status_to_label (PACTA_AGREEMENT_STATUS_IN_FORCE),
                                         pacta_agreement_status_to_label (PACTA_AGREEMENT_STATUS_TERMINATED),
                                         pacta_agreement_status_to_label (PACTA_AGREEMENT_STATUS_UNKNOWN),
                                         NULL));
  /* In the order of SCORE_ANY … SCORE_NONE */
  gtk_drop_down_set_model (self->score_dropdown,
                           make_choices (_("Any score"), _("80 % and over"), _("50 – 79 %"), _("Under 50 %"),
                                         _("Not checked yet"), NULL));
  self->setting_filter = FALSE;

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (list_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->list_box), GTK_EVENT_CONTROLLER (gesture));
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

/* @library: (nullable): the library whose provisions the search looks through */
void
pacta_sidebar_set_library (PactaSidebar *self,
                           PactaLibrary *library)
{
  g_return_if_fail (PACTA_IS_SIDEBAR (self));
  g_return_if_fail (library == NULL || PACTA_IS_LIBRARY (library));

  if (!g_set_object (&self->library, library))
    return;
  run_text_search (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

/* Returns: (transfer none) (nullable): the hits of the search in the text (PactaLibraryHit),
 * best first, or NULL when there is no such search */
GListModel *
pacta_sidebar_get_hits (PactaSidebar *self)
{
  g_return_val_if_fail (PACTA_IS_SIDEBAR (self), NULL);
  return self->hits;
}

/* Activates the hit at @position, as a click on its row would. */
gboolean
pacta_sidebar_activate_hit (PactaSidebar *self,
                            guint         position)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (PACTA_IS_SIDEBAR (self), FALSE);

  row = gtk_list_box_get_row_at_index (self->hits_list, (int) position);
  if (row == NULL)
    return FALSE;
  gtk_list_box_select_row (self->hits_list, row);
  hit_row_activated_cb (self, row, self->hits_list);
  return TRUE;
}

/* Selects @item without clearing the search or the filter, even when they hide it (a search
 * hit opens its agreement, and the other hits stay listed). */
void
pacta_sidebar_show_item (PactaSidebar     *self,
                         PactaLibraryItem *item)
{
  g_return_if_fail (PACTA_IS_SIDEBAR (self));
  g_return_if_fail (item == NULL || PACTA_IS_LIBRARY_ITEM (item));

  set_selected_item (self, item);
  restore_selection (self);
}

/**
 * pacta_sidebar_set_filter:
 * @filter: (nullable): kind, status, party and years as there; of the scores, a @min_score of
 *   0.8 or more keeps "80 % and over", 0.5 or more "50 – 79 %", a @max_score under 0.5
 *   "under 50 %"; NULL shows all
 *
 * Sets the filter popover, as a person would.
 */
void
pacta_sidebar_set_filter (PactaSidebar             *self,
                          const PactaLibraryFilter *filter)
{
  PactaLibraryFilter none = PACTA_LIBRARY_FILTER_INIT;
  guint score = SCORE_ANY;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_if_fail (PACTA_IS_SIDEBAR (self));

  if (filter == NULL)
    filter = &none;
  if (filter->min_score >= 0.8)
    score = SCORE_HIGH;
  else if (filter->min_score >= 0.5)
    score = SCORE_MEDIUM;
  else if (filter->max_score >= 0 && filter->max_score < 0.5)
    score = SCORE_LOW;
  from = filter->year_from > 0 ? g_strdup_printf ("%d", filter->year_from) : g_strdup ("");
  to = filter->year_to > 0 ? g_strdup_printf ("%d", filter->year_to) : g_strdup ("");

  self->setting_filter = TRUE;
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == filter->kind)
      gtk_drop_down_set_selected (self->kind_dropdown, i);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (statuses[i] == filter->status)
      gtk_drop_down_set_selected (self->status_dropdown, i);
  gtk_drop_down_set_selected (self->score_dropdown, score);
  gtk_editable_set_text (GTK_EDITABLE (self->party_entry), filter->party ? filter->party : "");
  gtk_editable_set_text (GTK_EDITABLE (self->year_from_entry), from);
  gtk_editable_set_text (GTK_EDITABLE (self->year_to_entry), to);
  self->setting_filter = FALSE;
  filter_widgets_changed_cb (self);
}
