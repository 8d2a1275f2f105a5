/* pacta-check-view.c — an agreement held against a guideline, item by item, side by side
 *
 * Left: the guideline's items grouped by category, each with its status (colour, mark and
 * word). Right: for the selected item, the guideline's guidance and model clause beside the
 * agreement's provisions that address it, with the matched words marked, and the decisions a
 * reader can make. Coverages are kept per guideline while the agreement stays, so decisions
 * survive switching guidelines.
 *
 * For an agreement of the library (pacta_check_view_set_agreement_in_library()), every
 * decision is written to the library at once, one transaction each, through the same
 * pacta_library_save_decision() the command line and the durability tests use; a coverage is
 * computed with the stored decisions laid over the matcher (pacta_library_check_agreement()),
 * and its score is stored for the sidebar. A decision that cannot be written is taken back and
 * the reason shown: what the view shows is what the library holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-check-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pacta-check-view.h"
#include "pacta-guideline-dropdown.h"
#include "pacta-library.h"
#include "pacta-matcher.h"

struct _PactaCheckView
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkDropDown        *guideline_dropdown;
  GtkLabel           *score_label;
  GtkLabel           *counts_label;
  GtkDropDown        *status_filter;
  GtkDropDown        *level_filter;
  GtkListBox         *items_list;
  GtkStack           *detail_stack;
  GtkLabel           *detail_title;
  GtkBox             *detail_status;
  GtkLabel           *detail_origin;
  GtkLabel           *guidance_label;
  GtkBox             *model_box;
  GtkLabel           *model_label;
  GtkLabel           *cite_label;
  GtkBox             *evidence_box;
  GtkEntry           *na_reason;
  GtkPopover         *na_popover;

  /* Owned references */
  PactaAgreement     *agreement;
  PactaLibrary       *library;       /* where decisions are kept, with agreement_id; may be NULL */
  gint64              agreement_id;
  GListModel         *guidelines;
  PactaMatcher       *matcher;
  GHashTable         *coverages;   /* guideline id → PactaCoverage, for this agreement */
  PactaCoverage      *coverage;    /* the one shown */
  GtkCustomFilter    *filter;
  GtkFilterListModel *visible;
  PactaFinding       *selected;
  char               *guideline_id;   /* the guideline shown */
  char               *preferred_id;   /* the guideline the user last chose */
  guint               n_guidelines;   /* to tell a list that grew from a choice made */
  guint               selecting : 1;  /* the drop-down is being set by code, not by the user */
};

G_DEFINE_FINAL_TYPE (PactaCheckView, pacta_check_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_AGREEMENT,
  PROP_GUIDELINES,
  PROP_GUIDELINE_ID,
  N_PROPS
};

enum {
  ACTIVATE_PROVISION,
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

enum { STATUS_ALL, STATUS_GAPS, STATUS_COVERED, STATUS_PARTIAL, STATUS_MISSING, STATUS_NOT_APPLICABLE };
enum { LEVEL_ALL, LEVEL_ESSENTIAL, LEVEL_RECOMMENDED, LEVEL_OPTIONAL };

/* A status chip: colour, mark and word, so it never relies on colour alone. */
static GtkWidget *
make_status_chip (PactaFindingStatus status)
{
  g_autofree char *text = g_strdup_printf ("%s %s", pacta_finding_status_to_mark (status), pacta_finding_status_to_label (status));
  GtkWidget *chip = gtk_label_new (text);

  gtk_widget_add_css_class (chip, "pacta-status");
  gtk_widget_add_css_class (chip, pacta_finding_status_to_string (status));
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  return chip;
}

static const char *
level_label (PactaItemLevel level)
{
  switch (level)
    {
    case PACTA_ITEM_LEVEL_ESSENTIAL:
      return _("Essential");
    case PACTA_ITEM_LEVEL_RECOMMENDED:
      return _("Recommended");
    case PACTA_ITEM_LEVEL_OPTIONAL:
    default:
      return _("Optional");
    }
}

static char *
evidence_summary (PactaFinding *finding)
{
  GPtrArray *evidence = pacta_finding_get_evidence (finding);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < evidence->len; i++)
    {
      PactaEvidence *ev = g_ptr_array_index (evidence, i);
      const char *eid = ev->eid;

      if (g_str_has_prefix (eid, "art_"))
        g_string_append_printf (out, "%sart %s", out->len ? ", " : "", eid + 4);
      else
        g_string_append_printf (out, "%s%s", out->len ? ", " : "", eid);
    }
  return g_string_free (out, FALSE);
}

/* Row widgets -------------------------------------------------------------------------- */

static void
update_row (GtkWidget *row)
{
  PactaFinding *finding = g_object_get_data (G_OBJECT (row), "finding");
  GtkWidget *chip_slot = g_object_get_data (G_OBJECT (row), "chip-slot");
  GtkLabel *where = g_object_get_data (G_OBJECT (row), "where");
  GtkWidget *old = gtk_widget_get_first_child (chip_slot);
  g_autofree char *summary = evidence_summary (finding);
  PactaFindingStatus status = pacta_finding_get_status (finding);
  g_autofree char *accessible = NULL;

  if (old != NULL)
    gtk_box_remove (GTK_BOX (chip_slot), old);
  gtk_box_append (GTK_BOX (chip_slot), make_status_chip (status));
  gtk_label_set_text (where, status == PACTA_FINDING_STATUS_MISSING ? "" : summary);

  accessible = g_strdup_printf ("%s: %s%s%s", pacta_guideline_item_get_title (pacta_finding_get_item (finding)),
                                pacta_finding_status_to_label (status), summary[0] ? ", " : "", summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  PactaFinding *finding = item;
  PactaGuidelineItem *guideline_item = pacta_finding_get_item (finding);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *chip_slot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (pacta_guideline_item_get_title (guideline_item));
  GtkWidget *where = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_size_request (chip_slot, 104, -1);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_widget_add_css_class (where, "dim-label");
  gtk_widget_add_css_class (where, "caption");
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), where);
  gtk_box_append (GTK_BOX (box), chip_slot);
  gtk_box_append (GTK_BOX (box), texts);

  if (pacta_guideline_item_get_level (guideline_item) == PACTA_ITEM_LEVEL_ESSENTIAL)
    {
      GtkWidget *level = gtk_label_new (_("Essential"));

      gtk_widget_add_css_class (level, "pacta-tag");
      gtk_widget_add_css_class (level, "level-essential");
      gtk_widget_set_valign (level, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), level);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "finding", g_object_ref (finding), g_object_unref);
  g_object_set_data (G_OBJECT (row), "chip-slot", chip_slot);
  g_object_set_data (G_OBJECT (row), "where", where);
  g_signal_connect_object (finding, "notify::status", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);
  update_row (row);
  return row;
}

static const char *
category_title (PactaCheckView *self,
                PactaFinding   *finding)
{
  PactaGuideline *guideline = pacta_coverage_get_guideline (self->coverage);
  GListModel *categories = pacta_guideline_get_categories (guideline);
  const char *id = pacta_guideline_item_get_category_id (pacta_finding_get_item (finding));

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(PactaGuidelineCategory) category = g_list_model_get_item (categories, i);

      if (g_strcmp0 (pacta_guideline_category_get_id (category), id) == 0)
        return pacta_guideline_category_get_title (category);
    }
  return NULL;
}

/* A caption above the first row of each category. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  PactaCheckView *self = user_data;
  PactaFinding *finding = g_object_get_data (G_OBJECT (row), "finding");
  PactaFinding *previous = before ? g_object_get_data (G_OBJECT (before), "finding") : NULL;
  const char *category = pacta_guideline_item_get_category_id (pacta_finding_get_item (finding));
  GtkWidget *header;

  if (previous != NULL &&
      g_strcmp0 (category, pacta_guideline_item_get_category_id (pacta_finding_get_item (previous))) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (category_title (self, finding));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_widget_add_css_class (header, "pacta-check-category");
  gtk_list_box_row_set_header (row, header);
}

/* Filtering ---------------------------------------------------------------------------- */

static gboolean
filter_finding (gpointer item,
                gpointer user_data)
{
  PactaCheckView *self = user_data;
  PactaFinding *finding = item;
  PactaFindingStatus status = pacta_finding_get_status (finding);
  PactaItemLevel level = pacta_guideline_item_get_level (pacta_finding_get_item (finding));
  guint status_choice = gtk_drop_down_get_selected (self->status_filter);
  guint level_choice = gtk_drop_down_get_selected (self->level_filter);

  switch (status_choice)
    {
    case STATUS_GAPS:
      if (status != PACTA_FINDING_STATUS_PARTIAL && status != PACTA_FINDING_STATUS_MISSING)
        return FALSE;
      break;
    case STATUS_COVERED:
      if (status != PACTA_FINDING_STATUS_COVERED)
        return FALSE;
      break;
    case STATUS_PARTIAL:
      if (status != PACTA_FINDING_STATUS_PARTIAL)
        return FALSE;
      break;
    case STATUS_MISSING:
      if (status != PACTA_FINDING_STATUS_MISSING)
        return FALSE;
      break;
    case STATUS_NOT_APPLICABLE:
      if (status != PACTA_FINDING_STATUS_NOT_APPLICABLE)
        return FALSE;
      break;
    case STATUS_ALL:
    default:
      break;
    }

  switch (level_choice)
    {
    case LEVEL_ESSENTIAL:
      return level == PACTA_ITEM_LEVEL_ESSENTIAL;
    case LEVEL_RECOMMENDED:
      return level == PACTA_ITEM_LEVEL_RECOMMENDED;
    case LEVEL_OPTIONAL:
      return level == PACTA_ITEM_LEVEL_OPTIONAL;
    case LEVEL_ALL:
    default:
      return TRUE;
    }
}

static void
filters_changed_cb (PactaCheckView *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Header figures ----------------------------------------------------------------------- */

static void
update_summary (PactaCheckView *self)
{
  PactaCoverageCounts counts;
  g_autofree char *score = NULL;
  g_autofree char *markup = NULL; /* plain text: the colours live in the rows */

  if (self->coverage == NULL)
    {
      gtk_label_set_text (self->score_label, "");
      gtk_label_set_text (self->counts_label, "");
      return;
    }

  counts = pacta_coverage_get_counts (self->coverage);
  score = g_strdup_printf (_("Score %.0f %%"), pacta_coverage_get_score (self->coverage) * 100);
  gtk_label_set_text (self->score_label, score);
  markup = g_strdup_printf (_("● %u\u00a0covered   ◐ %u\u00a0partial   ○ %u\u00a0missing"), counts.covered, counts.partial, counts.missing);
  if (counts.not_applicable)
    {
      g_autofree char *more = g_strdup_printf (_("   – %u\u00a0not\u00a0applicable"), counts.not_applicable);
      char *joined = g_strconcat (markup, more, NULL);
      g_free (markup);
      markup = joined;
    }
  gtk_label_set_text (self->counts_label, markup);
}

/* Detail pane -------------------------------------------------------------------------- */

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* The provision's words with the matched ones marked, escaped for Pango. */
static char *
highlight (PactaCheckView     *self,
           const char         *text,
           const char * const *terms)
{
  g_autoptr(GArray) spans = pacta_matcher_find_spans (self->matcher,
                                                      pacta_matcher_language_of (self->agreement),
                                                      text, terms);
  GString *out = g_string_new (NULL);
  guint at = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      PactaSpan *span = &g_array_index (spans, PactaSpan, i);
      g_autofree char *before = g_markup_escape_text (text + at, span->start - at);
      g_autofree char *word = g_markup_escape_text (text + span->start, span->length);

      g_string_append (out, before);
      g_string_append_printf (out, "<span weight=\"bold\" underline=\"single\" background=\"#f8e45c\" bgalpha=\"45%%\">%s</span>", word);
      at = span->start + span->length;
    }
  {
    g_autofree char *rest = g_markup_escape_text (text + at, -1);
    g_string_append (out, rest);
  }
  return g_string_free (out, FALSE);
}

static void
go_to_clicked_cb (GtkButton      *button,
                  PactaCheckView *self)
{
  const char *eid = g_object_get_data (G_OBJECT (button), "eid");

  g_signal_emit (self, signals[ACTIVATE_PROVISION], 0, eid);
}

static void
add_evidence_card (PactaCheckView *self,
                   PactaEvidence  *evidence,
                   gboolean        tagged)
{
  PactaProvision *provision = pacta_agreement_lookup_eid (self->agreement, evidence->eid);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *go = gtk_button_new ();
  GtkWidget *go_label;
  g_autofree char *label = provision ? pacta_provision_dup_label (provision) : g_strdup (evidence->eid);
  g_autofree char *button_text = g_strdup_printf ("%s ↗", label);
  g_autofree char *tooltip = g_strdup_printf (_("Go to %s in the Read view"), label);

  gtk_widget_add_css_class (card, "pacta-evidence");
  go_label = gtk_label_new (button_text);
  gtk_label_set_wrap (GTK_LABEL (go_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (go_label), 0);
  gtk_button_set_child (GTK_BUTTON (go), go_label);
  gtk_widget_add_css_class (go, "flat");
  gtk_widget_add_css_class (go, "pacta-evidence-link");
  gtk_widget_set_halign (go, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (go, tooltip);
  g_object_set_data_full (G_OBJECT (go), "eid", g_strdup (evidence->eid), g_free);
  g_signal_connect (go, "clicked", G_CALLBACK (go_to_clicked_cb), self);
  gtk_box_append (GTK_BOX (card), go);

  if (provision != NULL)
    {
      g_autofree char *text = pacta_provision_dup_full_text (provision);
      g_autofree char *markup = highlight (self, text, (const char * const *) evidence->terms);
      GtkWidget *body = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (body), markup);
      gtk_label_set_wrap (GTK_LABEL (body), TRUE);
      gtk_label_set_xalign (GTK_LABEL (body), 0);
      gtk_label_set_selectable (GTK_LABEL (body), TRUE);
      gtk_widget_add_css_class (body, "pacta-evidence-text");
      gtk_box_append (GTK_BOX (card), body);
    }

  if (tagged || evidence->terms[0] == NULL)
    {
      GtkWidget *note = gtk_label_new (_("Tagged in the text as addressing this item (refersTo)."));

      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_widget_add_css_class (note, "dim-label");
      gtk_widget_add_css_class (note, "caption");
      gtk_box_append (GTK_BOX (card), note);
    }
  else
    {
      g_autofree char *joined = g_strjoinv ("”, “", evidence->terms);
      g_autofree char *text = g_strdup_printf (_("Matched: “%s”"), joined);
      GtkWidget *note = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_widget_add_css_class (note, "dim-label");
      gtk_widget_add_css_class (note, "caption");
      gtk_box_append (GTK_BOX (card), note);
    }

  gtk_box_append (self->evidence_box, card);
}

static const char *
origin_text (PactaFinding *finding)
{
  switch (pacta_finding_get_origin (finding))
    {
    case PACTA_FINDING_ORIGIN_TAGGED:
      return _("Found from the text's own tags.");
    case PACTA_FINDING_ORIGIN_CONFIRMED:
      return _("Confirmed by you.");
    case PACTA_FINDING_ORIGIN_REJECTED:
      return _("The automatic finding was rejected by you.");
    case PACTA_FINDING_ORIGIN_SET:
      return _("Status set by you.");
    case PACTA_FINDING_ORIGIN_NOT_APPLICABLE:
      return _("Marked not applicable by you.");
    case PACTA_FINDING_ORIGIN_MATCHED:
    default:
      return NULL;
    }
}

static void
show_detail (PactaCheckView *self)
{
  PactaFinding *finding = self->selected;
  PactaGuidelineItem *item;
  GPtrArray *evidence;
  g_autofree char *origin = NULL;
  const char *model;
  gboolean tagged;

  clear_box (self->evidence_box);
  clear_box (self->detail_status);

  if (finding == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "check.confirm", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "check.reject", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "check.set-status", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "check.not-applicable", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "check.clear-decision", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "check.copy-model", FALSE);
      return;
    }

  item = pacta_finding_get_item (finding);
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  gtk_label_set_text (self->detail_title, pacta_guideline_item_get_title (item));
  gtk_box_append (self->detail_status, make_status_chip (pacta_finding_get_status (finding)));

  {
    const char *why = origin_text (finding);
    const char *reason = pacta_finding_get_reason (finding);
    g_autofree char *confidence = g_strdup_printf (_("%s item · confidence %.0f %%"),
                                                   level_label (pacta_guideline_item_get_level (item)),
                                                   pacta_finding_get_confidence (finding) * 100);
    origin = g_strjoin (" ", confidence, why ? why : "", reason ? reason : "", NULL);
    gtk_label_set_text (self->detail_origin, g_strstrip (origin));
  }

  gtk_label_set_text (self->guidance_label, pacta_guideline_item_get_guidance (item) ? pacta_guideline_item_get_guidance (item) : "");
  model = pacta_guideline_item_get_model (item);
  gtk_widget_set_visible (GTK_WIDGET (self->model_box), model != NULL);
  gtk_label_set_text (self->model_label, model ? model : "");
  {
    g_autofree char *cite = g_strdup_printf ("%s%s", pacta_guideline_item_get_cite (item) ? pacta_guideline_item_get_cite (item) : "",
                                             pacta_guideline_item_get_verified (item) ? "" : _(" · Unverified: the facts behind this item could not be checked against the source."));
    gtk_label_set_text (self->cite_label, cite);
  }

  evidence = pacta_finding_get_evidence (finding);
  tagged = pacta_finding_get_computed_origin (finding) == PACTA_FINDING_ORIGIN_TAGGED;
  if (pacta_finding_get_status (finding) == PACTA_FINDING_STATUS_MISSING || evidence->len == 0)
    {
      GtkWidget *none = gtk_label_new (model ? _("No provision of the agreement addresses this item. The model clause shows wording to propose.")
                                             : _("No provision of the agreement addresses this item."));

      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (self->evidence_box, none);
    }
  else
    {
      for (guint i = 0; i < evidence->len; i++)
        add_evidence_card (self, g_ptr_array_index (evidence, i), tagged);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "check.confirm", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "check.reject", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "check.set-status", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "check.not-applicable", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "check.clear-decision", pacta_finding_has_decision (finding));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "check.copy-model", model != NULL);
}

static void
set_selected (PactaCheckView *self,
              PactaFinding   *finding)
{
  if (self->selected == finding)
    {
      show_detail (self);
      return;
    }
  g_set_object (&self->selected, finding);
  show_detail (self);
}

static void
row_selected_cb (PactaCheckView *self,
                 GtkListBoxRow  *row)
{
  set_selected (self, row ? g_object_get_data (G_OBJECT (row), "finding") : NULL);
}

/* Coverage ----------------------------------------------------------------------------- */

static void
coverage_score_changed_cb (PactaCheckView *self)
{
  update_summary (self);
  if (self->selected != NULL)
    show_detail (self);
}

static PactaGuideline *
selected_guideline (PactaCheckView *self)
{
  gpointer item = gtk_drop_down_get_selected_item (self->guideline_dropdown);

  return PACTA_IS_GUIDELINE (item) ? PACTA_GUIDELINE (item) : NULL;
}

static void
add_error_toast (PactaCheckView *self,
                 const char     *what,
                 const GError   *error)
{
  g_autofree char *title = g_strdup_printf ("%s: %s", what, error->message);
  AdwToast *toast = adw_toast_new (title);

  g_message ("%s", title);
  adw_toast_set_timeout (toast, 0); /* a problem stays until it is read */
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

/* Keeps the coverage's score in the library, for the sidebar's badge and its filter. */
static void
store_score (PactaCheckView *self,
             PactaCoverage  *coverage)
{
  g_autoptr(GError) error = NULL;

  PactaLibraryEntry *entry;
  double stored;

  if (self->library == NULL || self->agreement_id <= 0)
    return;
  /* Only a change is written: looking at an agreement does not take the library's lock. */
  entry = pacta_library_lookup (self->library, self->agreement_id);
  stored = entry ? pacta_library_entry_get_score_for (entry, pacta_guideline_get_id (pacta_coverage_get_guideline (coverage)))
                 : -1;
  if (stored >= 0 && G_APPROX_VALUE (stored, pacta_coverage_get_score (coverage), 0.0005))
    return;
  if (!pacta_library_store_scores (self->library, &self->agreement_id, &coverage, 1, &error))
    g_message ("The score could not be stored: %s", error->message);
}

/* The matcher's findings, with the decisions stored in the library laid over them. */
static PactaCoverage *
check_agreement (PactaCheckView *self,
                 PactaGuideline *guideline)
{
  g_autoptr(GError) error = NULL;
  PactaCoverage *coverage;

  if (self->library == NULL || self->agreement_id <= 0)
    return pacta_matcher_check (self->matcher, self->agreement, guideline);

  coverage = pacta_library_check_agreement (self->library, self->matcher, self->agreement_id,
                                            self->agreement, guideline, &error);
  if (coverage == NULL)
    {
      add_error_toast (self, _("The decisions stored for this agreement could not be read"), error);
      return pacta_matcher_check (self->matcher, self->agreement, guideline);
    }
  store_score (self, coverage);
  return coverage;
}

static void
show_coverage (PactaCheckView *self)
{
  PactaGuideline *guideline = selected_guideline (self);
  PactaCoverage *coverage = NULL;
  g_autofree char *previous_slug = self->selected
    ? g_strdup (pacta_guideline_item_get_slug (pacta_finding_get_item (self->selected))) : NULL;

  if (self->agreement != NULL && guideline != NULL)
    {
      coverage = g_hash_table_lookup (self->coverages, pacta_guideline_get_id (guideline));
      if (coverage == NULL)
        {
          coverage = check_agreement (self, guideline);
          g_hash_table_insert (self->coverages, g_strdup (pacta_guideline_get_id (guideline)), coverage);
          g_signal_connect_object (coverage, "notify::score", G_CALLBACK (coverage_score_changed_cb),
                                   self, G_CONNECT_SWAPPED);
        }
    }

  g_set_object (&self->coverage, coverage);
  g_clear_object (&self->selected);
  g_clear_object (&self->visible);
  g_clear_object (&self->filter);

  if (coverage != NULL)
    {
      GListModel *findings = pacta_coverage_get_findings (coverage);

      self->filter = gtk_custom_filter_new (filter_finding, self, NULL);
      self->visible = gtk_filter_list_model_new (g_object_ref (findings), g_object_ref (GTK_FILTER (self->filter)));
      gtk_list_box_bind_model (self->items_list, G_LIST_MODEL (self->visible), create_row, self, NULL);
    }
  else
    gtk_list_box_bind_model (self->items_list, NULL, NULL, NULL, NULL);

  update_summary (self);
  show_detail (self);

  if (guideline != NULL && g_strcmp0 (self->guideline_id, pacta_guideline_get_id (guideline)) != 0)
    {
      g_free (self->guideline_id);
      self->guideline_id = g_strdup (pacta_guideline_get_id (guideline));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUIDELINE_ID]);
    }

  if (previous_slug != NULL)
    pacta_check_view_select_item (self, previous_slug);
}

static void choose_guideline (PactaCheckView *self);

static void
guideline_selected_cb (PactaCheckView *self)
{
  PactaGuideline *guideline = selected_guideline (self);
  guint n = self->guidelines ? g_list_model_get_n_items (self->guidelines) : 0;
  gboolean list_changed = n != self->n_guidelines;

  /* A selection that moves because guidelines were added or removed is not a choice. */
  self->n_guidelines = n;
  if (list_changed && self->agreement != NULL)
    choose_guideline (self);
  else if (!self->selecting && !list_changed && self->agreement != NULL && guideline != NULL)
    {
      g_free (self->preferred_id);
      self->preferred_id = g_strdup (pacta_guideline_get_id (guideline));
    }
  show_coverage (self);
}

static gboolean
select_guideline_id (PactaCheckView *self,
                     const char     *id)
{
  guint n = self->guidelines ? g_list_model_get_n_items (self->guidelines) : 0;

  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(PactaGuideline) guideline = g_list_model_get_item (self->guidelines, i);

      if (g_str_equal (pacta_guideline_get_id (guideline), id))
        {
          self->selecting = TRUE;
          gtk_drop_down_set_selected (self->guideline_dropdown, i);
          self->selecting = FALSE;
          return TRUE;
        }
    }
  return FALSE;
}

/* The guideline the user chose last if it fits, else the first one suggested for the kind. */
static void
choose_guideline (PactaCheckView *self)
{
  const char * const *suggested;
  PactaAgreementKind kind;

  if (self->agreement == NULL || self->guidelines == NULL)
    return;

  kind = pacta_agreement_get_kind (self->agreement);
  for (guint i = 0; self->preferred_id && i < g_list_model_get_n_items (self->guidelines); i++)
    {
      g_autoptr(PactaGuideline) guideline = g_list_model_get_item (self->guidelines, i);

      if (g_str_equal (pacta_guideline_get_id (guideline), self->preferred_id) &&
          pacta_guideline_applies_to (guideline, kind))
        {
          select_guideline_id (self, self->preferred_id);
          return;
        }
    }
  suggested = pacta_coverage_suggested_guidelines (kind);
  for (guint i = 0; suggested[i]; i++)
    if (select_guideline_id (self, suggested[i]))
      return;
}

/* Actions ------------------------------------------------------------------------------ */

/* Writes the selected finding's decision (or its absence) to the library, one transaction;
 * when that fails, puts the finding back as it was. */
static void
save_decision (PactaCheckView     *self,
               gboolean            had_decision,
               PactaFindingOrigin  old_origin,
               PactaFindingStatus  old_status,
               const char         *old_reason)
{
  g_autoptr(GError) error = NULL;
  const char *guideline_id;

  if (self->library == NULL || self->agreement_id <= 0 || self->coverage == NULL)
    return;
  guideline_id = pacta_guideline_get_id (pacta_coverage_get_guideline (self->coverage));
  if (pacta_library_save_decision (self->library, self->agreement_id, guideline_id, self->selected, &error))
    {
      store_score (self, self->coverage);
      return;
    }

  if (had_decision)
    pacta_finding_decide (self->selected, old_origin, old_status, old_reason);
  else
    pacta_finding_clear_decision (self->selected);
  add_error_toast (self, _("The decision was not saved"), error);
}

static void
decide (PactaCheckView     *self,
        PactaFindingOrigin  origin,
        PactaFindingStatus  status,
        const char         *reason)
{
  gboolean had_decision;
  PactaFindingOrigin old_origin;
  PactaFindingStatus old_status;
  g_autofree char *old_reason = NULL;

  if (self->selected == NULL)
    return;
  had_decision = pacta_finding_has_decision (self->selected);
  old_origin = pacta_finding_get_origin (self->selected);
  old_status = pacta_finding_get_status (self->selected);
  old_reason = g_strdup (pacta_finding_get_reason (self->selected));

  pacta_finding_decide (self->selected, origin, status, reason);
  save_decision (self, had_decision, old_origin, old_status, old_reason);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  show_detail (self);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  decide (PACTA_CHECK_VIEW (widget), PACTA_FINDING_ORIGIN_CONFIRMED, PACTA_FINDING_STATUS_COVERED, NULL);
}

static void
reject_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  decide (PACTA_CHECK_VIEW (widget), PACTA_FINDING_ORIGIN_REJECTED, PACTA_FINDING_STATUS_MISSING, NULL);
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PactaFindingStatus status;

  if (pacta_finding_status_from_string (g_variant_get_string (parameter, NULL), &status))
    decide (PACTA_CHECK_VIEW (widget), PACTA_FINDING_ORIGIN_SET, status, NULL);
}

static void
not_applicable_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PactaCheckView *self = PACTA_CHECK_VIEW (widget);
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (self->na_reason));

  decide (self, PACTA_FINDING_ORIGIN_NOT_APPLICABLE, PACTA_FINDING_STATUS_NOT_APPLICABLE,
          reason && reason[0] ? reason : NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->na_reason), "");
  gtk_popover_popdown (self->na_popover);
}

static void
clear_decision_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PactaCheckView *self = PACTA_CHECK_VIEW (widget);

  gboolean had_decision;
  PactaFindingOrigin old_origin;
  PactaFindingStatus old_status;
  g_autofree char *old_reason = NULL;

  if (self->selected == NULL)
    return;
  had_decision = pacta_finding_has_decision (self->selected);
  old_origin = pacta_finding_get_origin (self->selected);
  old_status = pacta_finding_get_status (self->selected);
  old_reason = g_strdup (pacta_finding_get_reason (self->selected));

  pacta_finding_clear_decision (self->selected);
  save_decision (self, had_decision, old_origin, old_status, old_reason);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  show_detail (self);
}

static void
copy_model_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PactaCheckView *self = PACTA_CHECK_VIEW (widget);
  const char *model;

  if (self->selected == NULL)
    return;
  model = pacta_guideline_item_get_model (pacta_finding_get_item (self->selected));
  if (model == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), model);
  g_signal_emit (self, signals[ADD_TOAST], 0, adw_toast_new (_("Model clause copied")));
}

/* Alt+↓ / Alt+↑: the next or previous gap (partial or missing item) in the list. */
static void
move_to_gap (PactaCheckView *self,
             int             direction)
{
  GtkListBoxRow *current = gtk_list_box_get_selected_row (self->items_list);
  int index = current ? gtk_list_box_row_get_index (current) : (direction > 0 ? -1 : (int) pacta_check_view_get_n_visible_items (self));

  for (int i = index + direction; ; i += direction)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->items_list, i);
      PactaFinding *finding;
      PactaFindingStatus status;

      if (row == NULL || i < 0)
        return;
      finding = g_object_get_data (G_OBJECT (row), "finding");
      status = pacta_finding_get_status (finding);
      if (status == PACTA_FINDING_STATUS_PARTIAL || status == PACTA_FINDING_STATUS_MISSING)
        {
          gtk_list_box_select_row (self->items_list, row);
          gtk_widget_grab_focus (GTK_WIDGET (row));
          return;
        }
    }
}

static void
next_gap_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  move_to_gap (PACTA_CHECK_VIEW (widget), 1);
}

static void
previous_gap_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move_to_gap (PACTA_CHECK_VIEW (widget), -1);
}

/* GObject ------------------------------------------------------------------------------ */

static void
pacta_check_view_dispose (GObject *object)
{
  PactaCheckView *self = PACTA_CHECK_VIEW (object);

  if (self->items_list != NULL)
    gtk_list_box_bind_model (self->items_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->selected);
  g_clear_object (&self->visible);
  g_clear_object (&self->filter);
  g_clear_object (&self->coverage);
  g_clear_pointer (&self->coverages, g_hash_table_unref);
  g_clear_object (&self->agreement);
  g_clear_object (&self->library);
  g_clear_object (&self->guidelines);
  g_clear_object (&self->matcher);

  gtk_widget_dispose_template (GTK_WIDGET (self), PACTA_TYPE_CHECK_VIEW);

  G_OBJECT_CLASS (pacta_check_view_parent_class)->dispose (object);
}

static void
pacta_check_view_finalize (GObject *object)
{
  PactaCheckView *self = PACTA_CHECK_VIEW (object);

  g_free (self->guideline_id);
  g_free (self->preferred_id);

  G_OBJECT_CLASS (pacta_check_view_parent_class)->finalize (object);
}

static void
pacta_check_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PactaCheckView *self = PACTA_CHECK_VIEW (object);

  switch (prop_id)
    {
    case PROP_AGREEMENT:
      g_value_set_object (value, self->agreement);
      break;
    case PROP_GUIDELINES:
      g_value_set_object (value, self->guidelines);
      break;
    case PROP_GUIDELINE_ID:
      g_value_set_string (value, self->guideline_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_check_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PactaCheckView *self = PACTA_CHECK_VIEW (object);

  switch (prop_id)
    {
    case PROP_AGREEMENT:
      pacta_check_view_set_agreement (self, g_value_get_object (value));
      break;
    case PROP_GUIDELINES:
      pacta_check_view_set_guidelines (self, g_value_get_object (value));
      break;
    case PROP_GUIDELINE_ID:
      pacta_check_view_set_guideline_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_check_view_class_init (PactaCheckViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacta_check_view_dispose;
  object_class->finalize = pacta_check_view_finalize;
  object_class->get_property = pacta_check_view_get_property;
  object_class->set_property = pacta_check_view_set_property;

  properties[PROP_AGREEMENT] =
    g_param_spec_object ("agreement", NULL, NULL, PACTA_TYPE_AGREEMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GUIDELINES] =
    g_param_spec_object ("guidelines", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GUIDELINE_ID] =
    g_param_spec_string ("guideline-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Asks the window to show the provision with this eId in the Read view. */
  signals[ACTIVATE_PROVISION] =
    g_signal_new ("activate-provision", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* A quiet confirmation for the window's toast overlay. */
  signals[ADD_TOAST] =
    g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacta/Pacta/ui/pacta-check-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PactaCheckView, guideline_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PactaCheckView, score_label);
  gtk_widget_class_bind_template_child (widget_class, PactaCheckView, counts_label);
  gtk_widget_class_bind_template_child (widget_class, PactaCheckView, status_filter);
  gtk_widget_class_bind_template_child (widget_class, PactaCheckView, level_filter);
  gtk_widget_class_bind_template_child (widget_class, PactaCheckView, items_list);
  gtk_widget_class_bind_template_child (widget_class, PactaCheckView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, PactaCheckView, detail_title);
  gtk_widget_class_bind_template_child (widget_class, PactaCheckView, detail_status);
  gtk_widget_class_bind_template_child (widget_class, PactaCheckView, detail_origin);
  gtk_widget_class_bind_template_child (widget_class, PactaCheckView, guidance_label);
  gtk_widget_class_bind_template_child (widget_class, PactaCheckView, model_box);
  gtk_widget_class_bind_template_child (widget_class, PactaCheckView, model_label);
  gtk_widget_class_bind_template_child (widget_class, PactaCheckView, cite_label);
  gtk_widget_class_bind_template_child (widget_class, PactaCheckView, evidence_box);
  gtk_widget_class_bind_template_child (widget_class, PactaCheckView, na_reason);
  gtk_widget_class_bind_template_child (widget_class, PactaCheckView, na_popover);

  gtk_widget_class_install_action (widget_class, "check.confirm", NULL, confirm_action);
  gtk_widget_class_install_action (widget_class, "check.reject", NULL, reject_action);
  gtk_widget_class_install_action (widget_class, "check.set-status", "s", set_status_action);
  gtk_widget_class_install_action (widget_class, "check.not-applicable", NULL, not_applicable_action);
  gtk_widget_class_install_action (widget_class, "check.clear-decision", NULL, clear_decision_action);
  gtk_widget_class_install_action (widget_class, "check.copy-model", NULL, copy_model_action);
  gtk_widget_class_install_action (widget_class, "check.next-gap", NULL, next_gap_action);
  gtk_widget_class_install_action (widget_class, "check.previous-gap", NULL, previous_gap_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "check.confirm", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "check.reject", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "check.next-gap", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "check.previous-gap", NULL);

  gtk_widget_class_set_css_name (widget_class, "pactacheckview");
}


static void
pacta_check_view_init (PactaCheckView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->matcher = pacta_matcher_new ();
  self->coverages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  pacta_guideline_dropdown_setup (self->guideline_dropdown);

  gtk_list_box_set_header_func (self->items_list, update_header, self, NULL);
  g_signal_connect_object (self->items_list, "row-selected", G_CALLBACK (row_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->guideline_dropdown, "notify::selected", G_CALLBACK (guideline_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_filter, "notify::selected", G_CALLBACK (filters_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->level_filter, "notify::selected", G_CALLBACK (filters_changed_cb),
                           self, G_CONNECT_SWAPPED);

  show_detail (self);
}

GtkWidget *
pacta_check_view_new (void)
{
  return g_object_new (PACTA_TYPE_CHECK_VIEW, NULL);
}

PactaAgreement *
pacta_check_view_get_agreement (PactaCheckView *self)
{
  g_return_val_if_fail (PACTA_IS_CHECK_VIEW (self), NULL);
  return self->agreement;
}

void
pacta_check_view_set_agreement (PactaCheckView *self,
                                PactaAgreement *agreement)
{
  pacta_check_view_set_agreement_in_library (self, agreement, NULL, 0);
}

/**
 * pacta_check_view_set_agreement_in_library:
 * @agreement: (nullable)
 * @library: (nullable): the library @agreement is in, as @agreement_id; NULL (or an id of 0)
 *   for an agreement read from a file, whose decisions are kept only while it is shown
 *
 * Shows @agreement with the decisions stored for it, and stores the decisions made on it.
 */
void
pacta_check_view_set_agreement_in_library (PactaCheckView *self,
                                           PactaAgreement *agreement,
                                           PactaLibrary   *library,
                                           gint64          agreement_id)
{
  g_return_if_fail (PACTA_IS_CHECK_VIEW (self));
  g_return_if_fail (agreement == NULL || PACTA_IS_AGREEMENT (agreement));
  g_return_if_fail (library == NULL || PACTA_IS_LIBRARY (library));

  if (library == NULL)
    agreement_id = 0;
  if (self->agreement == agreement && self->library == library && self->agreement_id == agreement_id)
    return;

  /* Coverages (and the decisions in them) belong to the agreement they were made on. */
  g_hash_table_remove_all (self->coverages);
  g_set_object (&self->library, library);
  self->agreement_id = agreement_id;
  g_set_object (&self->agreement, agreement);
  choose_guideline (self);
  show_coverage (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREEMENT]);
}

GListModel *
pacta_check_view_get_guidelines (PactaCheckView *self)
{
  g_return_val_if_fail (PACTA_IS_CHECK_VIEW (self), NULL);
  return self->guidelines;
}

/* @guidelines: a list model of PactaGuideline offered in the drop-down */
void
pacta_check_view_set_guidelines (PactaCheckView *self,
                                 GListModel     *guidelines)
{
  g_return_if_fail (PACTA_IS_CHECK_VIEW (self));

  if (self->guidelines == guidelines)
    return;
  g_set_object (&self->guidelines, guidelines);
  self->n_guidelines = guidelines ? g_list_model_get_n_items (guidelines) : 0;
  self->selecting = TRUE;
  gtk_drop_down_set_model (self->guideline_dropdown, guidelines);
  self->selecting = FALSE;
  choose_guideline (self);
  show_coverage (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUIDELINES]);
}

const char *
pacta_check_view_get_guideline_id (PactaCheckView *self)
{
  g_return_val_if_fail (PACTA_IS_CHECK_VIEW (self), NULL);
  return self->guideline_id;
}

void
pacta_check_view_set_guideline_id (PactaCheckView *self,
                                   const char     *guideline_id)
{
  g_return_if_fail (PACTA_IS_CHECK_VIEW (self));

  if (g_strcmp0 (self->guideline_id, guideline_id) == 0)
    return;
  g_free (self->preferred_id);
  self->preferred_id = g_strdup (guideline_id);
  if (!select_guideline_id (self, guideline_id))
    {
      /* Not loaded yet: remember it for when the guidelines arrive. */
      g_free (self->guideline_id);
      self->guideline_id = g_strdup (guideline_id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUIDELINE_ID]);
    }
}

/* Returns: (transfer none) (nullable): the coverage shown */
PactaCoverage *
pacta_check_view_get_coverage (PactaCheckView *self)
{
  g_return_val_if_fail (PACTA_IS_CHECK_VIEW (self), NULL);
  return self->coverage;
}

static gboolean
select_visible_item (PactaCheckView *self,
                     const char     *slug)
{
  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->items_list, i);
      PactaFinding *finding;

      if (row == NULL)
        return FALSE;
      finding = g_object_get_data (G_OBJECT (row), "finding");
      if (g_strcmp0 (pacta_guideline_item_get_slug (pacta_finding_get_item (finding)), slug) == 0)
        {
          gtk_list_box_select_row (self->items_list, row);
          return TRUE;
        }
    }
}

gboolean
pacta_check_view_select_item (PactaCheckView *self,
                              const char     *slug)
{
  g_return_val_if_fail (PACTA_IS_CHECK_VIEW (self), FALSE);

  if (select_visible_item (self, slug))
    return TRUE;
  /* Asked for by name (from a chart, a search hit): show it even if the filters hid it. */
  if (self->coverage == NULL || pacta_coverage_lookup (self->coverage, slug) == NULL)
    return FALSE;
  gtk_drop_down_set_selected (self->status_filter, STATUS_ALL);
  gtk_drop_down_set_selected (self->level_filter, LEVEL_ALL);
  return select_visible_item (self, slug);
}

const char *
pacta_check_view_get_selected_slug (PactaCheckView *self)
{
  g_return_val_if_fail (PACTA_IS_CHECK_VIEW (self), NULL);
  return self->selected ? pacta_guideline_item_get_slug (pacta_finding_get_item (self->selected)) : NULL;
}

guint
pacta_check_view_get_n_visible_items (PactaCheckView *self)
{
  g_return_val_if_fail (PACTA_IS_CHECK_VIEW (self), 0);
  return self->visible ? g_list_model_get_n_items (G_LIST_MODEL (self->visible)) : 0;
}

/* Returns: the library id of the agreement shown, or 0 when its decisions are not stored */
gint64
pacta_check_view_get_agreement_id (PactaCheckView *self)
{
  g_return_val_if_fail (PACTA_IS_CHECK_VIEW (self), 0);
  return self->agreement_id;
}

/* Shows only the partial and missing items (the "Gaps" filter), or every status again. */
void
pacta_check_view_show_gaps_only (PactaCheckView *self,
                                 gboolean        gaps_only)
{
  g_return_if_fail (PACTA_IS_CHECK_VIEW (self));
  gtk_drop_down_set_selected (self->status_filter, gaps_only ? STATUS_GAPS : STATUS_ALL);
}
