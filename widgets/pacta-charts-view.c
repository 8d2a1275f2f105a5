/* pacta-charts-view.c — the Charts view: a dashboard of coverage charts
 *
 * For the current agreement: its score and counts, its coverage by category, and for social
 * security agreements the nine ILO C102 branches as a radar. For a corpus of agreements (all
 * in the library, those of the same kind, or those chosen): the heatmap of agreements × items
 * against the guideline, sortable and clustered, and the timeline of agreements by year.
 *
 * Charts are made only while the view is shown: setters mark it out of date, and the work is
 * done when it is mapped. Coverages are kept per agreement and guideline, so switching back
 * and forth costs nothing; the window hands in the Check view's coverage so that decisions
 * made there show here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-charts-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pacta-charts-view.h"
#include "pacta-guideline-dropdown.h"
#include "pacta-matcher.h"

#define C102_ID "ilo-c102"

struct _PactaChartsView
{
  AdwBin            parent_instance;

  /* Template widgets */
  GtkDropDown      *guideline_dropdown;
  GtkMenuButton    *corpus_button;
  GtkCheckButton   *corpus_all;
  GtkCheckButton   *corpus_kind;
  GtkCheckButton   *corpus_chosen;
  GtkListBox       *corpus_list;
  GtkLabel         *agreement_heading;
  GtkFlowBox       *agreement_flow;
  GtkWidget        *radar_child;
  GtkLabel         *corpus_heading;
  PactaChartCard   *summary_card;
  PactaChartCard   *bars_card;
  PactaChartCard   *radar_card;
  PactaChartCard   *heatmap_card;
  PactaChartCard   *timeline_card;
  GtkDropDown      *sort_dropdown;
  GtkToggleButton  *cluster_button;

  /* Owned references */
  PactaAgreement   *agreement;
  GListModel       *agreements;     /* PactaAgreement: the library */
  GListModel       *guidelines;     /* PactaGuideline */
  PactaMatcher     *matcher;
  GHashTable       *coverages;      /* "agreement pointer:guideline id" → PactaCoverage */
  GHashTable       *chosen;         /* PactaAgreement set, for PACTA_CORPUS_CHOSEN */
  char             *guideline_id;   /* the guideline shown */
  char             *preferred_id;   /* the guideline the user last chose */

  PactaCorpusMode   corpus_mode;
  double            zoom;
  guint             n_guidelines;   /* to tell a list that grew from a choice made */
  guint             n_corpus;
  guint             refresh_id;
  guint             dirty : 1;
  guint             updating : 1;   /* widgets being set by code, not by the user */
};

G_DEFINE_FINAL_TYPE (PactaChartsView, pacta_charts_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_AGREEMENT,
  PROP_GUIDELINE_ID,
  N_PROPS
};

enum {
  OPEN_ITEM,
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

enum { SORT_SCORE, SORT_NAME, SORT_YEAR, SORT_INPUT };

static void queue_refresh (PactaChartsView *self);

/* ---- Guidelines and coverages ------------------------------------------------------------ */

static PactaGuideline *
find_guideline (PactaChartsView *self,
                const char      *id)
{
  guint n = self->guidelines ? g_list_model_get_n_items (self->guidelines) : 0;

  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(PactaGuideline) guideline = g_list_model_get_item (self->guidelines, i);

      if (g_strcmp0 (pacta_guideline_get_id (guideline), id) == 0)
        return guideline; /* the model keeps it alive */
    }
  return NULL;
}

static PactaGuideline *
selected_guideline (PactaChartsView *self)
{
  gpointer item = gtk_drop_down_get_selected_item (self->guideline_dropdown);

  return PACTA_IS_GUIDELINE (item) ? PACTA_GUIDELINE (item) : NULL;
}

static gboolean
select_guideline_id (PactaChartsView *self,
                     const char      *id)
{
  guint n = self->guidelines ? g_list_model_get_n_items (self->guidelines) : 0;

  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(PactaGuideline) guideline = g_list_model_get_item (self->guidelines, i);

      if (g_str_equal (pacta_guideline_get_id (guideline), id))
        {
          self->updating = TRUE;
          gtk_drop_down_set_selected (self->guideline_dropdown, i);
          self->updating = FALSE;
          return TRUE;
        }
    }
  return FALSE;
}

/* The guideline the user chose last if it applies to the agreement, else the first one
 * suggested for its kind (as the Check view does). */
static void
choose_guideline (PactaChartsView *self)
{
  PactaGuideline *preferred = find_guideline (self, self->preferred_id);
  const char * const *suggested;

  if (self->agreement == NULL || self->guidelines == NULL)
    return;
  if (preferred != NULL && pacta_guideline_applies_to (preferred, pacta_agreement_get_kind (self->agreement)))
    {
      select_guideline_id (self, self->preferred_id);
      return;
    }
  suggested = pacta_coverage_suggested_guidelines (pacta_agreement_get_kind (self->agreement));
  for (guint i = 0; suggested[i]; i++)
    if (select_guideline_id (self, suggested[i]))
      return;
}

/* The first guideline suggested for @agreement's kind that is loaded. */
static PactaGuideline *
own_guideline (PactaChartsView *self,
               PactaAgreement  *agreement)
{
  const char * const *suggested = pacta_coverage_suggested_guidelines (pacta_agreement_get_kind (agreement));

  for (guint i = 0; suggested[i]; i++)
    {
      PactaGuideline *guideline = find_guideline (self, suggested[i]);

      if (guideline != NULL)
        return guideline;
    }
  return NULL;
}

static gboolean
guideline_fits (PactaGuideline *guideline,
                PactaAgreement *agreement)
{
  const char * const *kinds = pacta_guideline_get_applies_to (guideline);

  return kinds == NULL || kinds[0] == NULL || pacta_guideline_applies_to (guideline, pacta_agreement_get_kind (agreement));
}

static char *
coverage_key (PactaAgreement *agreement,
              PactaGuideline *guideline)
{
  return g_strdup_printf ("%p:%s", (gpointer) agreement, pacta_guideline_get_id (guideline));
}

/* Returns: (transfer none): @agreement held against @guideline, checked once and kept */
static PactaCoverage *
coverage_for (PactaChartsView *self,
              PactaAgreement  *agreement,
              PactaGuideline  *guideline)
{
  g_autofree char *key = coverage_key (agreement, guideline);
  PactaCoverage *coverage = g_hash_table_lookup (self->coverages, key);

  if (coverage == NULL)
    {
      coverage = pacta_matcher_check (self->matcher, agreement, guideline);
      g_hash_table_insert (self->coverages, g_steal_pointer (&key), coverage);
    }
  return coverage;
}

static gboolean
in_model (GListModel *model,
          gpointer    item)
{
  guint n = model ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return TRUE;
    }
  return FALSE;
}

/* Coverages and choices of agreements no longer in the library are dropped. */
static gboolean
coverage_is_stale (gpointer key,
                   gpointer value,
                   gpointer user_data)
{
  PactaChartsView *self = user_data;
  PactaAgreement *agreement = pacta_coverage_get_agreement (value);

  return agreement != self->agreement && !in_model (self->agreements, agreement);
}

static gboolean
choice_is_stale (gpointer key,
                 gpointer value,
                 gpointer user_data)
{
  PactaChartsView *self = user_data;

  return !in_model (self->agreements, key);
}

/* ---- The corpus ------------------------------------------------------------------------- */

static gboolean
in_corpus (PactaChartsView *self,
           PactaAgreement  *agreement)
{
  switch (self->corpus_mode)
    {
    case PACTA_CORPUS_SAME_KIND:
      return self->agreement == NULL ||
             pacta_agreement_get_kind (agreement) == pacta_agreement_get_kind (self->agreement);
    case PACTA_CORPUS_CHOSEN:
      return g_hash_table_contains (self->chosen, agreement);
    case PACTA_CORPUS_ALL:
    default:
      return TRUE;
    }
}

/* Returns: (element-type PactaAgreement): the corpus, in the library's order */
static GPtrArray *
collect_corpus (PactaChartsView *self)
{
  GPtrArray *corpus = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = self->agreements ? g_list_model_get_n_items (self->agreements) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaAgreement) agreement = g_list_model_get_item (self->agreements, i);

      if (in_corpus (self, agreement))
        g_ptr_array_add (corpus, g_steal_pointer (&agreement));
    }
  return corpus;
}

static void
update_corpus_button (PactaChartsView *self)
{
  g_autofree char *label = NULL;

  switch (self->corpus_mode)
    {
    case PACTA_CORPUS_SAME_KIND:
      /* Translators: the corpus button: agreements of the current one's kind, and how many */
      label = g_strdup_printf (_("Same kind (%u)"), self->n_corpus);
      break;
    case PACTA_CORPUS_CHOSEN:
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u chosen agreement", "%u chosen agreements", self->n_corpus),
                               self->n_corpus);
      break;
    case PACTA_CORPUS_ALL:
    default:
      label = g_strdup_printf (_("All agreements (%u)"), self->n_corpus);
      break;
    }
  gtk_menu_button_set_label (self->corpus_button, label);
}

static void
corpus_row_toggled_cb (GtkCheckButton  *check,
                       PactaChartsView *self)
{
  PactaAgreement *agreement = g_object_get_data (G_OBJECT (check), "agreement");

  if (self->updating)
    return;
  pacta_charts_view_set_chosen (self, agreement, gtk_check_button_get_active (check));
}

/* One check button per agreement of the library, ticked when it is in the corpus. */
static void
sync_corpus_list (PactaChartsView *self)
{
  guint n = self->agreements ? g_list_model_get_n_items (self->agreements) : 0;
  GtkWidget *child;
  guint i = 0;

  self->updating = TRUE;
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->corpus_list)); child != NULL && i < n;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      GtkCheckButton *check = GTK_CHECK_BUTTON (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (child)));
      PactaAgreement *agreement = g_object_get_data (G_OBJECT (check), "agreement");

      gtk_check_button_set_active (check, in_corpus (self, agreement));
    }
  gtk_check_button_set_active (self->corpus_all, self->corpus_mode == PACTA_CORPUS_ALL);
  gtk_check_button_set_active (self->corpus_kind, self->corpus_mode == PACTA_CORPUS_SAME_KIND);
  gtk_check_button_set_active (self->corpus_chosen, self->corpus_mode == PACTA_CORPUS_CHOSEN);
  self->updating = FALSE;
}

static void
rebuild_corpus_list (PactaChartsView *self)
{
  guint n = self->agreements ? g_list_model_get_n_items (self->agreements) : 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->corpus_list))) != NULL)
    gtk_list_box_remove (self->corpus_list, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaAgreement) agreement = g_list_model_get_item (self->agreements, i);
      GtkWidget *check = gtk_check_button_new_with_label (pacta_agreement_get_display_title (agreement));

      g_object_set_data_full (G_OBJECT (check), "agreement", g_object_ref (agreement), g_object_unref);
      g_signal_connect_object (check, "toggled", G_CALLBACK (corpus_row_toggled_cb), self, 0);
      gtk_list_box_append (self->corpus_list, check);
    }
  sync_corpus_list (self);
}

static void
corpus_mode_toggled_cb (PactaChartsView *self,
                        GtkCheckButton  *button)
{
  if (self->updating || !gtk_check_button_get_active (button))
    return;
  if (button == self->corpus_kind)
    pacta_charts_view_set_corpus_mode (self, PACTA_CORPUS_SAME_KIND);
  else if (button == self->corpus_chosen)
    pacta_charts_view_set_corpus_mode (self, PACTA_CORPUS_CHOSEN);
  else
    pacta_charts_view_set_corpus_mode (self, PACTA_CORPUS_ALL);
}

static void
agreements_changed_cb (PactaChartsView *self)
{
  g_hash_table_foreach_remove (self->coverages, coverage_is_stale, self);
  g_hash_table_foreach_remove (self->chosen, choice_is_stale, self);
  rebuild_corpus_list (self);
  queue_refresh (self);
}

/* ---- Charts ----------------------------------------------------------------------------- */

/* What every chart in the view shares: no header of its own (the card has the title), the
 * interface font, the window's zoom. */
static void
base_options (PactaChartsView   *self,
              PactaChartOptions *options)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  g_autofree char *font_name = NULL;
  PangoFontDescription *font;

  pacta_chart_options_init (options);
  options->title = "";
  options->subtitle = "";
  options->font_scale = self->zoom;

  g_object_get (settings, "gtk-font-name", &font_name, NULL);
  font = font_name ? pango_font_description_from_string (font_name) : NULL;
  if (font != NULL && pango_font_description_get_family (font) != NULL)
    options->font_family = g_intern_string (pango_font_description_get_family (font));
  g_clear_pointer (&font, pango_font_description_free);
}

static void
heatmap_options (PactaChartsView   *self,
                 PactaChartOptions *options)
{
  base_options (self, options);
  if (gtk_toggle_button_get_active (self->cluster_button))
    {
      options->row_order = PACTA_CHART_ORDER_CLUSTER;
      options->column_order = PACTA_CHART_ORDER_CLUSTER;
      return;
    }
  switch (gtk_drop_down_get_selected (self->sort_dropdown))
    {
    case SORT_NAME:
      options->row_order = PACTA_CHART_ORDER_NAME;
      break;
    case SORT_YEAR:
      options->row_order = PACTA_CHART_ORDER_YEAR;
      break;
    case SORT_INPUT:
      options->row_order = PACTA_CHART_ORDER_INPUT;
      break;
    case SORT_SCORE:
    default:
      options->row_order = PACTA_CHART_ORDER_SCORE;
      break;
    }
  options->column_order = PACTA_CHART_ORDER_INPUT;
}

static void
show_chart (PactaChartCard    *card,
            PactaChartType     type,
            GPtrArray         *coverages,
            const PactaChartOptions *options)
{
  g_autoptr(PactaChartData) data = NULL;
  g_autoptr(PactaChart) chart = NULL;

  if (coverages == NULL || coverages->len == 0)
    {
      pacta_chart_card_set_chart (card, NULL);
      gtk_widget_set_visible (GTK_WIDGET (card), FALSE);
      return;
    }
  data = pacta_chart_data_new_from_coverages ((PactaCoverage * const *) coverages->pdata, coverages->len);
  chart = pacta_chart_new (type, data);
  pacta_chart_set_options (chart, options);
  pacta_chart_card_set_chart (card, chart);
  gtk_widget_set_visible (GTK_WIDGET (card), TRUE);
}

/* A file name for exports: "xa-xb-ssa-2019-bars" */
static void
set_file_name (PactaChartCard *card,
               PactaAgreement *agreement,
               const char     *what)
{
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  if (agreement != NULL && pacta_agreement_get_path (agreement) != NULL)
    {
      g_autofree char *file = g_path_get_basename (pacta_agreement_get_path (agreement));
      char *dot = strchr (file, '.');

      if (dot != NULL)
        *dot = '\0';
      base = g_steal_pointer (&file);
    }
  name = base ? g_strdup_printf ("%s-%s", base, what) : g_strdup (what);
  pacta_chart_card_set_file_name (card, name);
}

static void
show_agreement_charts (PactaChartsView *self,
                       PactaGuideline  *guideline)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  g_autoptr(GPtrArray) branches = g_ptr_array_new ();
  PactaAgreementKind kind = pacta_agreement_get_kind (self->agreement);
  PactaGuideline *c102 = find_guideline (self, C102_ID);
  PactaChartOptions options;

  base_options (self, &options);
  g_ptr_array_add (one, coverage_for (self, self->agreement, guideline));
  show_chart (self->summary_card, PACTA_CHART_SUMMARY, one, &options);
  show_chart (self->bars_card, PACTA_CHART_BARS, one, &options);
  pacta_chart_card_set_subtitle (self->summary_card, pacta_guideline_get_title (guideline));
  pacta_chart_card_set_subtitle (self->bars_card, NULL);
  set_file_name (self->summary_card, self->agreement, "summary");
  set_file_name (self->bars_card, self->agreement, "bars");

  /* The nine C102 branches, for agreements that coordinate social security. */
  if (c102 != NULL && (kind == PACTA_AGREEMENT_KIND_SSA || kind == PACTA_AGREEMENT_KIND_MULTILATERAL))
    {
      g_ptr_array_add (branches, coverage_for (self, self->agreement, c102));
      pacta_chart_card_set_subtitle (self->radar_card, pacta_guideline_get_title (c102));
      set_file_name (self->radar_card, self->agreement, "radar");
    }
  show_chart (self->radar_card, PACTA_CHART_RADAR, branches, &options);
  gtk_widget_set_visible (self->radar_child, branches->len > 0);
  gtk_flow_box_set_max_children_per_line (self->agreement_flow, branches->len > 0 ? 2 : 1);
}

static void
show_corpus_charts (PactaChartsView *self,
                    PactaGuideline  *guideline)
{
  g_autoptr(GPtrArray) corpus = collect_corpus (self);
  g_autoptr(GPtrArray) heatmap = g_ptr_array_new ();
  g_autoptr(GPtrArray) timeline = g_ptr_array_new ();
  g_autofree char *heading = NULL;
  g_autofree char *subtitle = NULL;
  PactaChartOptions options;
  guint left_out = 0;
  gboolean mixed = FALSE;

  for (guint i = 0; i < corpus->len; i++)
    {
      PactaAgreement *agreement = g_ptr_array_index (corpus, i);
      PactaGuideline *own = guideline_fits (guideline, agreement) ? guideline : own_guideline (self, agreement);

      /* The heatmap holds one guideline's items: only agreements it is meant for (and the
       * current one, whatever was chosen for it). */
      if (agreement == self->agreement || guideline_fits (guideline, agreement))
        g_ptr_array_add (heatmap, coverage_for (self, agreement, guideline));
      else
        left_out++;
      /* The timeline scores each agreement against the guideline for its kind. */
      if (own != NULL)
        {
          g_ptr_array_add (timeline, coverage_for (self, agreement, own));
          mixed |= own != guideline;
        }
    }
  self->n_corpus = corpus->len;
  update_corpus_button (self);

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Across %u agreement", "Across %u agreements", corpus->len),
                             corpus->len);
  gtk_label_set_text (self->corpus_heading, heading);

  heatmap_options (self, &options);
  show_chart (self->heatmap_card, PACTA_CHART_HEATMAP, heatmap, &options);
  if (left_out > 0)
    /* Translators: heatmap subtitle; %s is a guideline, then agreements × items, then how many
     * agreements of other kinds are not shown */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s · %u agreements × %u items · %u agreement of another kind left out",
                                             "%s · %u agreements × %u items · %u agreements of other kinds left out",
                                             left_out),
                                pacta_guideline_get_title (guideline), heatmap->len,
                                pacta_guideline_get_n_items (guideline), left_out);
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u agreement × %u items", "%s · %u agreements × %u items",
                                             heatmap->len),
                                pacta_guideline_get_title (guideline), heatmap->len, pacta_guideline_get_n_items (guideline));
  pacta_chart_card_set_subtitle (self->heatmap_card, subtitle);
  pacta_chart_card_set_file_name (self->heatmap_card, "heatmap");

  base_options (self, &options);
  show_chart (self->timeline_card, PACTA_CHART_TIMELINE, timeline, &options);
  g_clear_pointer (&subtitle, g_free);
  if (mixed)
    subtitle = g_strdup_printf (_("Each agreement held against %s, or the guideline suggested for its kind"),
                                pacta_guideline_get_short_title (guideline));
  else
    subtitle = g_strdup_printf (_("Each agreement held against %s"), pacta_guideline_get_short_title (guideline));
  pacta_chart_card_set_subtitle (self->timeline_card, subtitle);
  pacta_chart_card_set_file_name (self->timeline_card, "timeline");
}

static void
clear_charts (PactaChartsView *self)
{
  PactaChartCard *cards[] = { self->summary_card, self->bars_card, self->radar_card, self->heatmap_card, self->timeline_card };

  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    pacta_chart_card_set_chart (cards[i], NULL);
}

/* Makes every chart for the current agreement, guideline and corpus. */
void
pacta_charts_view_refresh (PactaChartsView *self)
{
  PactaGuideline *guideline;
  gint64 start = g_get_monotonic_time ();

  g_return_if_fail (PACTA_IS_CHARTS_VIEW (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->dirty = FALSE;
  guideline = selected_guideline (self);
  if (self->agreement == NULL || guideline == NULL)
    {
      clear_charts (self);
      gtk_label_set_text (self->agreement_heading, "");
      return;
    }

  gtk_label_set_text (self->agreement_heading, pacta_agreement_get_display_title (self->agreement));
  show_agreement_charts (self, guideline);
  show_corpus_charts (self, guideline);
  g_debug ("charts made in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  PactaChartsView *self = user_data;

  self->refresh_id = 0;
  pacta_charts_view_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Charts are made when the view is shown, before its next frame. */
static void
queue_refresh (PactaChartsView *self)
{
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

/* ---- Callbacks -------------------------------------------------------------------------- */

static void
guideline_selected_cb (PactaChartsView *self)
{
  PactaGuideline *guideline = selected_guideline (self);
  guint n = self->guidelines ? g_list_model_get_n_items (self->guidelines) : 0;
  gboolean list_changed = n != self->n_guidelines;

  /* A selection that moves because guidelines were added or removed is not a choice. */
  self->n_guidelines = n;
  if (list_changed)
    {
      choose_guideline (self);
      guideline = selected_guideline (self);
    }
  else if (!self->updating && guideline != NULL && self->agreement != NULL)
    {
      g_free (self->preferred_id);
      self->preferred_id = g_strdup (pacta_guideline_get_id (guideline));
    }
  if (guideline != NULL && g_strcmp0 (self->guideline_id, pacta_guideline_get_id (guideline)) != 0)
    {
      g_free (self->guideline_id);
      self->guideline_id = g_strdup (pacta_guideline_get_id (guideline));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUIDELINE_ID]);
    }
  queue_refresh (self);
}

/* After the drop-down has followed the change (it connected first). */
static void
guidelines_changed_cb (PactaChartsView *self)
{
  self->n_guidelines = g_list_model_get_n_items (self->guidelines);
  if (selected_guideline (self) == NULL)
    choose_guideline (self);
}

static void
heatmap_order_changed_cb (PactaChartsView *self)
{
  PactaChart *chart = pacta_chart_card_get_chart (self->heatmap_card);
  PactaChartOptions options;

  gtk_widget_set_sensitive (GTK_WIDGET (self->sort_dropdown), !gtk_toggle_button_get_active (self->cluster_button));
  if (chart == NULL)
    return;
  heatmap_options (self, &options);
  pacta_chart_set_options (chart, &options);
}

static void
card_open_item_cb (PactaChartsView *self,
                   PactaAgreement  *agreement,
                   const char      *guideline_id,
                   const char      *slug)
{
  g_signal_emit (self, signals[OPEN_ITEM], 0, agreement, guideline_id, slug);
}

static void
card_add_toast_cb (PactaChartsView *self,
                   AdwToast        *toast)
{
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void
load_css (void)
{
  static gboolean loaded = FALSE;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded || display == NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/pacta/Pacta/ui/pacta-charts-view.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

/* ---- GtkWidget / GObject ---------------------------------------------------------------- */

static void
pacta_charts_view_map (GtkWidget *widget)
{
  PactaChartsView *self = PACTA_CHARTS_VIEW (widget);

  GTK_WIDGET_CLASS (pacta_charts_view_parent_class)->map (widget);
  /* Always: decisions made in the Check view since change the figures. */
  queue_refresh (self);
}

static void
pacta_charts_view_dispose (GObject *object)
{
  PactaChartsView *self = PACTA_CHARTS_VIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->agreements != NULL)
    g_signal_handlers_disconnect_by_func (self->agreements, agreements_changed_cb, self);
  if (self->guidelines != NULL)
    g_signal_handlers_disconnect_by_func (self->guidelines, guidelines_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PACTA_TYPE_CHARTS_VIEW);
  g_clear_object (&self->agreement);
  g_clear_object (&self->agreements);
  g_clear_object (&self->guidelines);
  g_clear_object (&self->matcher);
  g_clear_pointer (&self->coverages, g_hash_table_unref);
  g_clear_pointer (&self->chosen, g_hash_table_unref);

  G_OBJECT_CLASS (pacta_charts_view_parent_class)->dispose (object);
}

static void
pacta_charts_view_finalize (GObject *object)
{
  PactaChartsView *self = PACTA_CHARTS_VIEW (object);

  g_free (self->guideline_id);
  g_free (self->preferred_id);

  G_OBJECT_CLASS (pacta_charts_view_parent_class)->finalize (object);
}

static void
pacta_charts_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PactaChartsView *self = PACTA_CHARTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_AGREEMENT:
      g_value_set_object (value, self->agreement);
      break;
    case PROP_GUIDELINE_ID:
      g_value_set_string (value, self->guideline_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_charts_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PactaChartsView *self = PACTA_CHARTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_AGREEMENT:
      pacta_charts_view_set_agreement (self, g_value_get_object (value));
      break;
    case PROP_GUIDELINE_ID:
      pacta_charts_view_set_guideline_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_charts_view_class_init (PactaChartsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacta_charts_view_dispose;
  object_class->finalize = pacta_charts_view_finalize;
  object_class->get_property = pacta_charts_view_get_property;
  object_class->set_property = pacta_charts_view_set_property;
  widget_class->map = pacta_charts_view_map;

  properties[PROP_AGREEMENT] =
    g_param_spec_object ("agreement", NULL, NULL, PACTA_TYPE_AGREEMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GUIDELINE_ID] =
    g_param_spec_string ("guideline-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PactaChartsView::open-item:
   * @agreement: the agreement of the element clicked
   * @guideline_id: the guideline it was held against
   * @slug: (nullable): the guideline item, or %NULL for the agreement as a whole
   *
   * A heatmap cell (bar segment, radar point, timeline dot) was clicked or activated: the
   * window shows that finding in the Check view.
   */
  signals[OPEN_ITEM] = g_signal_new ("open-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 3,
                                     PACTA_TYPE_AGREEMENT, G_TYPE_STRING, G_TYPE_STRING);
  signals[ADD_TOAST] = g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  g_type_ensure (PACTA_TYPE_CHART_CARD);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacta/Pacta/ui/pacta-charts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PactaChartsView, guideline_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PactaChartsView, corpus_button);
  gtk_widget_class_bind_template_child (widget_class, PactaChartsView, corpus_all);
  gtk_widget_class_bind_template_child (widget_class, PactaChartsView, corpus_kind);
  gtk_widget_class_bind_template_child (widget_class, PactaChartsView, corpus_chosen);
  gtk_widget_class_bind_template_child (widget_class, PactaChartsView, corpus_list);
  gtk_widget_class_bind_template_child (widget_class, PactaChartsView, agreement_heading);
  gtk_widget_class_bind_template_child (widget_class, PactaChartsView, agreement_flow);
  gtk_widget_class_bind_template_child (widget_class, PactaChartsView, radar_child);
  gtk_widget_class_bind_template_child (widget_class, PactaChartsView, corpus_heading);
  gtk_widget_class_bind_template_child (widget_class, PactaChartsView, summary_card);
  gtk_widget_class_bind_template_child (widget_class, PactaChartsView, bars_card);
  gtk_widget_class_bind_template_child (widget_class, PactaChartsView, radar_card);
  gtk_widget_class_bind_template_child (widget_class, PactaChartsView, heatmap_card);
  gtk_widget_class_bind_template_child (widget_class, PactaChartsView, timeline_card);
  gtk_widget_class_bind_template_child (widget_class, PactaChartsView, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PactaChartsView, cluster_button);
  gtk_widget_class_bind_template_callback (widget_class, corpus_mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, card_open_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, card_add_toast_cb);
}

static void
pacta_charts_view_init (PactaChartsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  load_css ();

  self->matcher = pacta_matcher_new ();
  self->coverages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->chosen = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->corpus_mode = PACTA_CORPUS_ALL;
  self->zoom = 1.0;
  self->dirty = TRUE;

  pacta_guideline_dropdown_setup (self->guideline_dropdown);
  g_signal_connect_object (self->guideline_dropdown, "notify::selected", G_CALLBACK (guideline_selected_cb),
                           self, G_CONNECT_SWAPPED);

  pacta_chart_card_add_control (self->heatmap_card, GTK_WIDGET (self->sort_dropdown));
  pacta_chart_card_add_control (self->heatmap_card, GTK_WIDGET (self->cluster_button));
  g_signal_connect_object (self->sort_dropdown, "notify::selected", G_CALLBACK (heatmap_order_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cluster_button, "toggled", G_CALLBACK (heatmap_order_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_corpus_button (self);
}

/* ---- Public API ------------------------------------------------------------------------- */

GtkWidget *
pacta_charts_view_new (void)
{
  return g_object_new (PACTA_TYPE_CHARTS_VIEW, NULL);
}

PactaAgreement *
pacta_charts_view_get_agreement (PactaChartsView *self)
{
  g_return_val_if_fail (PACTA_IS_CHARTS_VIEW (self), NULL);
  return self->agreement;
}

void
pacta_charts_view_set_agreement (PactaChartsView *self,
                                 PactaAgreement  *agreement)
{
  g_return_if_fail (PACTA_IS_CHARTS_VIEW (self));
  g_return_if_fail (agreement == NULL || PACTA_IS_AGREEMENT (agreement));

  if (self->agreement == agreement)
    return;
  g_set_object (&self->agreement, agreement);
  choose_guideline (self);
  if (self->corpus_mode == PACTA_CORPUS_SAME_KIND)
    sync_corpus_list (self);
  queue_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREEMENT]);
}

/* Returns: (transfer none) (nullable): the library's agreements */
GListModel *
pacta_charts_view_get_agreements (PactaChartsView *self)
{
  g_return_val_if_fail (PACTA_IS_CHARTS_VIEW (self), NULL);
  return self->agreements;
}

/* @agreements: a list model of PactaAgreement, the library the corpus is chosen from */
void
pacta_charts_view_set_agreements (PactaChartsView *self,
                                  GListModel      *agreements)
{
  g_return_if_fail (PACTA_IS_CHARTS_VIEW (self));
  g_return_if_fail (agreements == NULL || G_IS_LIST_MODEL (agreements));

  if (self->agreements == agreements)
    return;
  if (self->agreements != NULL)
    g_signal_handlers_disconnect_by_func (self->agreements, agreements_changed_cb, self);
  g_set_object (&self->agreements, agreements);
  if (agreements != NULL)
    g_signal_connect_swapped (agreements, "items-changed", G_CALLBACK (agreements_changed_cb), self);
  agreements_changed_cb (self);
}

/* @guidelines: a list model of PactaGuideline offered in the drop-down */
void
pacta_charts_view_set_guidelines (PactaChartsView *self,
                                  GListModel      *guidelines)
{
  g_return_if_fail (PACTA_IS_CHARTS_VIEW (self));

  if (self->guidelines == guidelines)
    return;
  if (self->guidelines != NULL)
    g_signal_handlers_disconnect_by_func (self->guidelines, guidelines_changed_cb, self);
  g_set_object (&self->guidelines, guidelines);
  self->n_guidelines = guidelines ? g_list_model_get_n_items (guidelines) : 0;
  self->updating = TRUE;
  gtk_drop_down_set_model (self->guideline_dropdown, guidelines);
  self->updating = FALSE;
  if (guidelines != NULL)
    g_signal_connect_swapped (guidelines, "items-changed", G_CALLBACK (guidelines_changed_cb), self);
  choose_guideline (self);
  queue_refresh (self);
}

const char *
pacta_charts_view_get_guideline_id (PactaChartsView *self)
{
  g_return_val_if_fail (PACTA_IS_CHARTS_VIEW (self), NULL);
  return self->guideline_id;
}

/* Shows @guideline_id (and prefers it for the agreements that follow, when it applies). */
void
pacta_charts_view_set_guideline_id (PactaChartsView *self,
                                    const char      *guideline_id)
{
  g_return_if_fail (PACTA_IS_CHARTS_VIEW (self));

  g_free (self->preferred_id);
  self->preferred_id = g_strdup (guideline_id);
  select_guideline_id (self, guideline_id);
}

/* Uses @coverage (with the decisions made on it) for its agreement and guideline. */
void
pacta_charts_view_add_coverage (PactaChartsView *self,
                                PactaCoverage   *coverage)
{
  g_autofree char *key = NULL;

  g_return_if_fail (PACTA_IS_CHARTS_VIEW (self));
  g_return_if_fail (PACTA_IS_COVERAGE (coverage));

  key = coverage_key (pacta_coverage_get_agreement (coverage), pacta_coverage_get_guideline (coverage));
  if (g_hash_table_lookup (self->coverages, key) == coverage)
    return;
  g_hash_table_replace (self->coverages, g_steal_pointer (&key), g_object_ref (coverage));
  queue_refresh (self);
}

/* Text size for projectors, as the window's zoom. */
void
pacta_charts_view_set_zoom (PactaChartsView *self,
                            double           zoom)
{
  g_return_if_fail (PACTA_IS_CHARTS_VIEW (self));

  if (G_APPROX_VALUE (self->zoom, zoom, 0.001))
    return;
  self->zoom = zoom;
  queue_refresh (self);
}

PactaCorpusMode
pacta_charts_view_get_corpus_mode (PactaChartsView *self)
{
  g_return_val_if_fail (PACTA_IS_CHARTS_VIEW (self), PACTA_CORPUS_ALL);
  return self->corpus_mode;
}

void
pacta_charts_view_set_corpus_mode (PactaChartsView *self,
                                   PactaCorpusMode  mode)
{
  g_return_if_fail (PACTA_IS_CHARTS_VIEW (self));

  if (self->corpus_mode == mode)
    return;
  /* Choosing starts from what was shown. */
  if (mode == PACTA_CORPUS_CHOSEN && g_hash_table_size (self->chosen) == 0)
    {
      g_autoptr(GPtrArray) corpus = collect_corpus (self);

      for (guint i = 0; i < corpus->len; i++)
        g_hash_table_add (self->chosen, g_object_ref (g_ptr_array_index (corpus, i)));
    }
  self->corpus_mode = mode;
  sync_corpus_list (self);
  queue_refresh (self);
}

/* Ticks or unticks @agreement, and shows the chosen agreements. */
void
pacta_charts_view_set_chosen (PactaChartsView *self,
                              PactaAgreement  *agreement,
                              gboolean         chosen)
{
  g_return_if_fail (PACTA_IS_CHARTS_VIEW (self));
  g_return_if_fail (PACTA_IS_AGREEMENT (agreement));

  pacta_charts_view_set_corpus_mode (self, PACTA_CORPUS_CHOSEN);
  if (chosen && !g_hash_table_contains (self->chosen, agreement))
    g_hash_table_add (self->chosen, g_object_ref (agreement));
  else if (!chosen)
    g_hash_table_remove (self->chosen, agreement);
  sync_corpus_list (self);
  queue_refresh (self);
}

/* @order: PACTA_CHART_ORDER_SCORE, _NAME, _YEAR or _INPUT for the heatmap's rows;
 * @cluster: similar rows and columns together instead */
void
pacta_charts_view_set_heatmap_order (PactaChartsView *self,
                                     PactaChartOrder  order,
                                     gboolean         cluster)
{
  guint selected;

  g_return_if_fail (PACTA_IS_CHARTS_VIEW (self));

  selected = order == PACTA_CHART_ORDER_NAME ? SORT_NAME
           : order == PACTA_CHART_ORDER_YEAR ? SORT_YEAR
           : order == PACTA_CHART_ORDER_INPUT ? SORT_INPUT
           : SORT_SCORE;
  gtk_drop_down_set_selected (self->sort_dropdown, selected);
  gtk_toggle_button_set_active (self->cluster_button, cluster);
}

/* The number of agreements in the corpus, as last shown. */
guint
pacta_charts_view_get_n_corpus (PactaChartsView *self)
{
  g_return_val_if_fail (PACTA_IS_CHARTS_VIEW (self), 0);
  return self->n_corpus;
}

/* Returns: (transfer none) (nullable): the card showing a chart of @type, or %NULL when
 * there is none (a radar for a labour-migration agreement) */
PactaChartCard *
pacta_charts_view_get_card (PactaChartsView *self,
                            PactaChartType   type)
{
  PactaChartCard *card;

  g_return_val_if_fail (PACTA_IS_CHARTS_VIEW (self), NULL);

  switch (type)
    {
    case PACTA_CHART_BARS:
      card = self->bars_card;
      break;
    case PACTA_CHART_RADAR:
      card = self->radar_card;
      break;
    case PACTA_CHART_HEATMAP:
      card = self->heatmap_card;
      break;
    case PACTA_CHART_TIMELINE:
      card = self->timeline_card;
      break;
    case PACTA_CHART_SUMMARY:
    default:
      card = self->summary_card;
      break;
    }
  if (!gtk_widget_get_visible (GTK_WIDGET (card)) || pacta_chart_card_get_chart (card) == NULL)
    return NULL;
  return card;
}
