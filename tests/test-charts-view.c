/* test-charts-view.c — the Charts view, its cards and the briefing export, in a real window
 *
 * Run with `meson test -C build --suite ui`. Without a display every test is skipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pacta-akn-reader.h"
#include "pacta-briefing-export.h"
#include "pacta-charts-view.h"
#include "pacta-guideline-reader.h"
#include "pacta-resources.h"
#include "test-helpers.h"

static gboolean have_display;

typedef struct
{
  GListStore *guidelines;   /* PactaGuideline */
  GListStore *agreements;   /* PactaAgreement: every bundled sample */
  GtkWidget  *window;
  GtkWidget  *view;
} Fixture;

static GListStore *
load_guidelines (void)
{
  GListStore *store = g_list_store_new (PACTA_TYPE_GUIDELINE);
  g_autoptr(GPtrArray) paths = pacta_data_list_files ("guidelines");

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PactaGuideline) guideline = pacta_guideline_load_file (g_ptr_array_index (paths, i), &error);

      g_assert_no_error (error);
      g_list_store_append (store, guideline);
    }
  return store;
}

static GListStore *
load_samples (void)
{
  GListStore *store = g_list_store_new (PACTA_TYPE_AGREEMENT);
  g_autoptr(GPtrArray) paths = pacta_data_list_files ("samples");

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PactaAgreement) agreement = pacta_akn_load_file (g_ptr_array_index (paths, i), &error);

      g_assert_no_error (error);
      g_list_store_append (store, agreement);
    }
  return store;
}

static PactaAgreement *
find_sample (Fixture    *fixture,
             const char *name)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture->agreements));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaAgreement) agreement = g_list_model_get_item (G_LIST_MODEL (fixture->agreements), i);
      g_autofree char *basename = g_path_get_basename (pacta_agreement_get_path (agreement));

      if (g_str_equal (basename, name))
        return agreement; /* the store keeps it alive */
    }
  g_assert_not_reached ();
  return NULL;
}

/* Until the charts are made and laid out (the view makes them when it is shown). */
static void
wait_for_draw (GtkWidget *window)
{
  GtkWidget *view = gtk_window_get_child (GTK_WINDOW (window));
  const PactaChartType types[] = { PACTA_CHART_SUMMARY, PACTA_CHART_BARS, PACTA_CHART_RADAR,
                                   PACTA_CHART_HEATMAP, PACTA_CHART_TIMELINE };

  gtk_test_widget_wait_for_draw (window);
  for (guint tries = 0; tries < 250; tries++)
    {
      gboolean ready = TRUE;

      run_for (20);
      for (guint i = 0; i < G_N_ELEMENTS (types); i++)
        {
          PactaChartCard *card = pacta_charts_view_get_card (PACTA_CHARTS_VIEW (view), types[i]);
          GtkWidget *area = card ? GTK_WIDGET (pacta_chart_card_get_area (card)) : NULL;

          if (area != NULL && (gtk_widget_get_height (area) <= 0 || gtk_widget_get_width (area) <= 0 ||
                               gtk_widget_get_height (area) != gtk_widget_get_allocated_height (area)))
            ready = FALSE;
        }
      if (ready)
        break;
    }
  run_for (50);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (!have_display)
    return;
  fixture->guidelines = load_guidelines ();
  fixture->agreements = load_samples ();
  fixture->window = gtk_window_new ();
  fixture->view = pacta_charts_view_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->view);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 900);
  pacta_charts_view_set_guidelines (PACTA_CHARTS_VIEW (fixture->view), G_LIST_MODEL (fixture->guidelines));
  pacta_charts_view_set_agreements (PACTA_CHARTS_VIEW (fixture->view), G_LIST_MODEL (fixture->agreements));
  pacta_charts_view_set_agreement (PACTA_CHARTS_VIEW (fixture->view), find_sample (fixture, "xa-xb-ssa-2019.akn.xml"));
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_draw (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!have_display)
    return;
  g_object_add_weak_pointer (G_OBJECT (fixture->view), (gpointer *) &fixture->view);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  run_for (20);
  g_assert_null (fixture->view);
  g_clear_object (&fixture->guidelines);
  g_clear_object (&fixture->agreements);
}

static PactaChartCard *
card (Fixture        *fixture,
      PactaChartType  type)
{
  return pacta_charts_view_get_card (PACTA_CHARTS_VIEW (fixture->view), type);
}

static PactaChartData *
card_data (Fixture        *fixture,
           PactaChartType  type)
{
  PactaChartCard *c = card (fixture, type);

  g_assert_nonnull (c);
  return pacta_chart_get_data (pacta_chart_card_get_chart (c));
}

/* The heatmap stop (cell) for @slug in the row of @title. */
static int
find_cell (PactaChartArea *area,
           const char     *title,
           const char     *slug)
{
  PactaChartData *data = pacta_chart_get_data (pacta_chart_area_get_chart (area));

  for (guint i = 0; i < pacta_chart_area_get_n_stops (area); i++)
    {
      PactaChartHit hit;
      gboolean match;

      g_assert_true (pacta_chart_area_get_stop (area, i, &hit));
      match = hit.row >= 0 && hit.item >= 0 &&
              g_str_equal (pacta_chart_data_get_row (data, hit.row)->title, title) &&
              g_str_equal (pacta_chart_data_get_item (data, hit.item)->slug, slug);
      pacta_chart_hit_clear (&hit);
      if (match)
        return (int) i;
    }
  return -1;
}

/* ---- Tests -------------------------------------------------------------------------------- */

static void
test_cards (Fixture       *fixture,
            gconstpointer  user_data)
{
  PactaChartsView *view;
  PactaChartData *data;
  const PactaChartType types[] = { PACTA_CHART_SUMMARY, PACTA_CHART_BARS, PACTA_CHART_RADAR,
                                   PACTA_CHART_HEATMAP, PACTA_CHART_TIMELINE };

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  view = PACTA_CHARTS_VIEW (fixture->view);

  /* A social security agreement: the coordination checklist, and every card, radar too. */
  g_assert_cmpstr (pacta_charts_view_get_guideline_id (view), ==, "ss-coord");
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      PactaChartCard *c = card (fixture, types[i]);
      PactaChartArea *area;

      g_assert_nonnull (c);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (c)));
      g_assert_nonnull (pacta_chart_card_get_title (c));
      g_assert_nonnull (pacta_chart_card_get_reading (c));
      g_assert_cmpuint (strlen (pacta_chart_card_get_reading (c)), >, 5);
      area = pacta_chart_card_get_area (c);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (area)), >, 100);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (area)), >, 100);
      g_assert_cmpuint (pacta_chart_area_get_n_stops (area), >, 0);
    }

  /* Screen readers: an image named by the card, described with every figure. */
  if (g_strcmp0 (g_getenv ("GTK_A11Y"), "test") == 0)
    {
      PactaChartArea *area = pacta_chart_card_get_area (card (fixture, PACTA_CHART_HEATMAP));
      g_autofree char *description = pacta_chart_dup_description (pacta_chart_area_get_chart (area));

      g_assert_nonnull (strstr (description, "XC–XN Social Security Agreement (draft, 2025): score 79"));
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_ROLE_IMG);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, "Coverage across agreements");
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
    }

  data = card_data (fixture, PACTA_CHART_RADAR);
  g_assert_cmpstr (pacta_chart_data_get_guideline_id (data), ==, "ilo-c102");
  g_assert_cmpuint (pacta_chart_data_get_n_items (data), ==, 9);
  g_assert_cmpuint (pacta_chart_data_get_n_rows (card_data (fixture, PACTA_CHART_BARS)), ==, 1);

  /* The corpus: all nine samples; the heatmap holds the four the checklist is for. */
  g_assert_cmpuint (pacta_charts_view_get_n_corpus (view), ==, 9);
  data = card_data (fixture, PACTA_CHART_HEATMAP);
  g_assert_cmpstr (pacta_chart_data_get_guideline_id (data), ==, "ss-coord");
  g_assert_cmpuint (pacta_chart_data_get_n_rows (data), ==, 4);
  g_assert_cmpuint (pacta_chart_data_get_n_rows (card_data (fixture, PACTA_CHART_TIMELINE)), ==, 9);
  g_assert_true (g_str_has_prefix (pacta_chart_card_get_reading (card (fixture, PACTA_CHART_HEATMAP)), "Missing in "));

  /* A labour agreement: no radar, the UN Network guidance, the five labour agreements. */
  pacta_charts_view_set_agreement (view, find_sample (fixture, "xa-xd-blma-2021.akn.xml"));
  wait_for_draw (fixture->window);
  g_assert_cmpstr (pacta_charts_view_get_guideline_id (view), ==, "unnm-blma");
  g_assert_null (card (fixture, PACTA_CHART_RADAR));
  g_assert_nonnull (card (fixture, PACTA_CHART_BARS));
  g_assert_cmpuint (pacta_chart_data_get_n_rows (card_data (fixture, PACTA_CHART_HEATMAP)), ==, 5);

  /* Same kind: the labour agreements only (the memorandum is of another kind). */
  pacta_charts_view_set_corpus_mode (view, PACTA_CORPUS_SAME_KIND);
  wait_for_draw (fixture->window);
  g_assert_cmpuint (pacta_charts_view_get_n_corpus (view), ==, 4);
  g_assert_cmpuint (pacta_chart_data_get_n_rows (card_data (fixture, PACTA_CHART_TIMELINE)), ==, 4);

  /* Chosen: starts from what was shown; untick one. */
  pacta_charts_view_set_chosen (view, find_sample (fixture, "xa-xp-blma-draft-round1.akn.xml"), FALSE);
  wait_for_draw (fixture->window);
  g_assert_cmpint (pacta_charts_view_get_corpus_mode (view), ==, PACTA_CORPUS_CHOSEN);
  g_assert_cmpuint (pacta_charts_view_get_n_corpus (view), ==, 3);
  g_assert_cmpuint (pacta_chart_data_get_n_rows (card_data (fixture, PACTA_CHART_HEATMAP)), ==, 3);

  /* A guideline chosen stays chosen when another is opened. */
  pacta_charts_view_set_guideline_id (view, "ilo-r86");
  wait_for_draw (fixture->window);
  g_assert_cmpstr (pacta_chart_data_get_guideline_id (card_data (fixture, PACTA_CHART_BARS)), ==, "ilo-r86");
  {
    g_autofree char *path = guideline_path ("gcm-15-22.xml");
    g_autoptr(PactaGuideline) opened = pacta_guideline_load_file (path, NULL);

    g_list_store_insert (fixture->guidelines, 0, opened);
    wait_for_draw (fixture->window);
    g_assert_cmpstr (pacta_charts_view_get_guideline_id (view), ==, "ilo-r86");
    g_list_store_append (fixture->guidelines, opened);
    wait_for_draw (fixture->window);
    g_assert_cmpstr (pacta_charts_view_get_guideline_id (view), ==, "ilo-r86");
    g_assert_cmpstr (pacta_chart_data_get_guideline_id (card_data (fixture, PACTA_CHART_HEATMAP)), ==, "ilo-r86");
  }
}

static void
test_heatmap_hit_test (Fixture       *fixture,
                       gconstpointer  user_data)
{
  PactaChartArea *area;
  PactaChartData *data;
  PactaChartHit stop, hit;
  int index;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  area = pacta_chart_card_get_area (card (fixture, PACTA_CHART_HEATMAP));
  data = pacta_chart_get_data (pacta_chart_area_get_chart (area));
  g_assert_cmpuint (pacta_chart_area_get_n_stops (area), ==,
                    pacta_chart_data_get_n_rows (data) * pacta_chart_data_get_n_items (data));

  /* The draft XC–XN agreement has no certificate of coverage. */
  index = find_cell (area, "XC–XN Social Security Agreement (draft, 2025)", "ssa-certificate");
  g_assert_cmpint (index, >=, 0);
  g_assert_true (pacta_chart_area_get_stop (area, index, &stop));

  /* The pointer over the middle of that cell gives the same cell and its figures. */
  g_assert_true (pacta_chart_area_hit_test (area, stop.bounds.x + stop.bounds.width / 2,
                                            stop.bounds.y + stop.bounds.height / 2, &hit));
  g_assert_cmpint (hit.row, ==, stop.row);
  g_assert_cmpint (hit.item, ==, stop.item);
  g_assert_cmpint (hit.status, ==, PACTA_FINDING_STATUS_MISSING);
  g_assert_cmpint (pacta_chart_data_get_status (data, hit.row, hit.item), ==, PACTA_FINDING_STATUS_MISSING);
  g_assert_nonnull (strstr (hit.text, "XC–XN Social Security Agreement (draft, 2025)"));
  g_assert_nonnull (strstr (hit.text, "Certificate of coverage"));
  g_assert_nonnull (strstr (hit.text, "missing"));
  g_test_message ("cell at %.0f,%.0f: %s", stop.bounds.x, stop.bounds.y, hit.text);
  pacta_chart_hit_clear (&hit);

  /* Outside the grid, left of the row labels: nothing. */
  g_assert_false (pacta_chart_area_hit_test (area, 1, 1, &hit));
  pacta_chart_hit_clear (&hit);
  pacta_chart_hit_clear (&stop);
}

typedef struct
{
  guint           count;
  PactaAgreement *agreement;
  char           *guideline_id;
  char           *slug;
} Opened;

static void
open_item_cb (PactaChartsView *view,
              PactaAgreement  *agreement,
              const char      *guideline_id,
              const char      *slug,
              Opened          *opened)
{
  opened->count++;
  opened->agreement = agreement;
  g_free (opened->guideline_id);
  opened->guideline_id = g_strdup (guideline_id);
  g_free (opened->slug);
  opened->slug = g_strdup (slug);
}

static void
test_open_item (Fixture       *fixture,
                gconstpointer  user_data)
{
  Opened opened = { 0 };
  PactaChartArea *area;
  PactaChartHit stop;
  int index;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  g_signal_connect (fixture->view, "open-item", G_CALLBACK (open_item_cb), &opened);

  /* A click on a heatmap cell */
  area = pacta_chart_card_get_area (card (fixture, PACTA_CHART_HEATMAP));
  index = find_cell (area, "XC–XN Social Security Agreement (draft, 2025)", "ssa-certificate");
  g_assert_true (pacta_chart_area_get_stop (area, index, &stop));
  g_assert_true (pacta_chart_area_activate_at (area, stop.bounds.x + stop.bounds.width / 2,
                                               stop.bounds.y + stop.bounds.height / 2));
  pacta_chart_hit_clear (&stop);
  g_assert_cmpuint (opened.count, ==, 1);
  g_assert_true (opened.agreement == find_sample (fixture, "xc-xn-ssa-draft-2025.akn.xml"));
  g_assert_cmpstr (opened.guideline_id, ==, "ss-coord");
  g_assert_cmpstr (opened.slug, ==, "ssa-certificate");

  /* The keyboard: the first cell, one to the right, Enter. */
  gtk_widget_grab_focus (GTK_WIDGET (area));
  g_assert_true (pacta_chart_area_move_focus (area, GTK_DIR_RIGHT));
  g_assert_cmpint (pacta_chart_area_get_focused_stop (area), ==, 0);
  g_assert_true (pacta_chart_area_move_focus (area, GTK_DIR_RIGHT));
  g_assert_cmpint (pacta_chart_area_get_focused_stop (area), ==, 1);
  g_assert_nonnull (pacta_chart_area_get_figures (area));
  g_assert_null (strchr (pacta_chart_area_get_figures (area), '\n'));
  /* A screen reader hears the figures as the chart's new name. */
  if (g_strcmp0 (g_getenv ("GTK_A11Y"), "test") == 0 && gtk_widget_has_focus (GTK_WIDGET (area)))
    {
      g_autofree char *label = g_strdup_printf ("Coverage across agreements: %s", pacta_chart_area_get_figures (area));

      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
      g_test_message ("accessible name: %s", label);
    }
  g_assert_true (pacta_chart_area_move_focus (area, GTK_DIR_DOWN));
  g_assert_cmpint (pacta_chart_area_get_focused_stop (area), ==,
                   1 + (int) pacta_chart_data_get_n_items (pacta_chart_get_data (pacta_chart_area_get_chart (area))));
  g_assert_true (pacta_chart_area_activate_focused (area));
  g_assert_cmpuint (opened.count, ==, 2);
  g_assert_nonnull (opened.slug);

  /* A bar segment opens the first item of its category with that status. */
  area = pacta_chart_card_get_area (card (fixture, PACTA_CHART_BARS));
  g_assert_cmpuint (pacta_chart_area_get_n_stops (area), >, 0);
  g_assert_true (pacta_chart_area_get_stop (area, 0, &stop));
  g_assert_true (pacta_chart_area_activate_at (area, stop.bounds.x + stop.bounds.width / 2,
                                               stop.bounds.y + stop.bounds.height / 2));
  pacta_chart_hit_clear (&stop);
  g_assert_cmpuint (opened.count, ==, 3);
  g_assert_true (opened.agreement == find_sample (fixture, "xa-xb-ssa-2019.akn.xml"));
  g_assert_nonnull (opened.slug);

  /* A radar point: that C102 branch. */
  area = pacta_chart_card_get_area (card (fixture, PACTA_CHART_RADAR));
  g_assert_cmpuint (pacta_chart_area_get_n_stops (area), ==, 9);
  gtk_widget_grab_focus (GTK_WIDGET (area));
  pacta_chart_area_focus_stop (area, 2);
  g_assert_true (pacta_chart_area_activate_focused (area));
  g_assert_cmpuint (opened.count, ==, 4);
  g_assert_cmpstr (opened.guideline_id, ==, "ilo-c102");
  g_assert_cmpstr (opened.slug, ==,
                   pacta_chart_data_get_item (pacta_chart_get_data (pacta_chart_area_get_chart (area)), 2)->slug);

  g_free (opened.guideline_id);
  g_free (opened.slug);
}

static void
test_heatmap_order (Fixture       *fixture,
                    gconstpointer  user_data)
{
  PactaChartsView *view;
  PactaChart *chart;
  PactaChartOptions options;
  PactaChartHit first;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  view = PACTA_CHARTS_VIEW (fixture->view);
  chart = pacta_chart_card_get_chart (card (fixture, PACTA_CHART_HEATMAP));

  pacta_chart_get_options (chart, &options);
  g_assert_cmpint (options.row_order, ==, PACTA_CHART_ORDER_SCORE);

  pacta_charts_view_set_heatmap_order (view, PACTA_CHART_ORDER_NAME, FALSE);
  wait_for_draw (fixture->window);
  pacta_chart_get_options (chart, &options);
  g_assert_cmpint (options.row_order, ==, PACTA_CHART_ORDER_NAME);
  /* By name: "Accord XF–XK…" comes first. */
  g_assert_true (pacta_chart_area_get_stop (pacta_chart_card_get_area (card (fixture, PACTA_CHART_HEATMAP)), 0, &first));
  g_assert_true (g_str_has_prefix (pacta_chart_get_data (chart) ? pacta_chart_data_get_row (pacta_chart_get_data (chart), first.row)->title : "",
                                   "Accord"));
  pacta_chart_hit_clear (&first);

  pacta_charts_view_set_heatmap_order (view, PACTA_CHART_ORDER_NAME, TRUE);
  wait_for_draw (fixture->window);
  pacta_chart_get_options (chart, &options);
  g_assert_cmpint (options.row_order, ==, PACTA_CHART_ORDER_CLUSTER);
  g_assert_cmpint (options.column_order, ==, PACTA_CHART_ORDER_CLUSTER);
}

static void
assert_starts_with (const char *path,
                    const char *magic,
                    gsize       length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_assert_cmpuint (size, >, length);
  g_assert_cmpmem (contents, length, magic, length);
}

static void
test_export (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *dir = NULL;
  const PactaChartType types[] = { PACTA_CHART_HEATMAP, PACTA_CHART_RADAR, PACTA_CHART_BARS };

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  dir = g_dir_make_tmp ("pacta-charts-XXXXXX", NULL);
  g_assert_nonnull (dir);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      PactaChartCard *c = card (fixture, types[i]);
      const char *name = pacta_chart_type_to_string (types[i]);
      g_autofree char *png = g_strdup_printf ("%s/%s.png", dir, name);
      g_autofree char *svg = g_strdup_printf ("%s/%s.svg", dir, name);
      g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", dir, name);
      g_autofree char *svg_text = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkTexture) texture = NULL;

      g_assert_true (pacta_chart_card_export (c, png, &error));
      g_assert_no_error (error);
      g_assert_true (pacta_chart_card_export (c, svg, &error));
      g_assert_no_error (error);
      g_assert_true (pacta_chart_card_export (c, pdf, &error));
      g_assert_no_error (error);

      assert_starts_with (png, "\x89PNG\r\n\x1a\n", 8);
      assert_starts_with (pdf, "%PDF-", 5);
      g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
      g_assert_true (g_str_has_prefix (svg_text, "<?xml"));
      g_assert_nonnull (strstr (svg_text, "<svg"));

      /* The exported image reads back, at the chart's natural width. */
      texture = gdk_texture_new_from_filename (png, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gdk_texture_get_width (texture), >, 300);
      g_assert_cmpint (gdk_texture_get_height (texture), >, 150);

      g_unlink (png);
      g_unlink (svg);
      g_unlink (pdf);
    }

  /* A folder that does not exist: an error, nothing written. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *bad = g_strdup_printf ("%s/missing/heatmap.png", dir);

    g_assert_false (pacta_chart_card_export (card (fixture, PACTA_CHART_HEATMAP), bad, &error));
    g_assert_nonnull (error);
    g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  }

  /* The export button's action: a save dialog (GTK's own without a portal) named after the
   * chart; accepted, the chart is written there. */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    PactaChartCard *heatmap = card (fixture, PACTA_CHART_HEATMAP);
    g_autoptr(GFile) folder = g_file_new_for_path (dir);
    g_autofree char *saved = g_build_filename (dir, "corpus.svg", NULL);
    g_autofree char *svg_text = NULL;
    GtkWindow *chooser = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (heatmap), "card.export", "s", "svg"));
    run_for (300);
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

        if (GTK_IS_FILE_CHOOSER (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
          chooser = toplevel;
      }
    g_assert_nonnull (chooser);
    {
      g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

      g_assert_cmpstr (name, ==, "heatmap.svg");
    }
    g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "corpus.svg");
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
    run_for (300);
    g_assert_true (g_file_get_contents (saved, &svg_text, NULL, NULL));
    g_assert_nonnull (strstr (svg_text, "<svg"));
    g_unlink (saved);
  }
  g_rmdir (dir);
}

static void
progress_cb (double      fraction,
             const char *text,
             gpointer    user_data)
{
  guint *calls = user_data;

  g_assert_cmpfloat (fraction, >=, 0.0);
  g_assert_cmpfloat (fraction, <=, 1.0);
  g_assert_nonnull (text);
  (*calls)++;
}

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_briefing (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) agreements = g_ptr_array_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  guint n_pages = 0, calls = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  dir = g_dir_make_tmp ("pacta-briefing-XXXXXX", NULL);
  path = g_build_filename (dir, "brief.pdf", NULL);

  g_ptr_array_add (agreements, find_sample (fixture, "xc-xn-ssa-draft-2025.akn.xml"));
  g_ptr_array_add (agreements, find_sample (fixture, "xa-xb-ssa-2019.akn.xml"));
  pacta_briefing_write_async (agreements, NULL, G_LIST_MODEL (fixture->guidelines), PACTA_PAPER_LETTER, NULL, path,
                              NULL, progress_cb, &calls, write_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (pacta_briefing_write_finish (result, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, 4);
  g_assert_cmpuint (calls, >, 0);
  assert_starts_with (path, "%PDF-", 5);
  g_test_message ("%s: %u pages, %u progress reports", path, n_pages, calls);
  g_unlink (path);
  g_clear_object (&result);

  /* Cancelled before it starts: an error, nothing written. */
  g_cancellable_cancel (cancellable);
  pacta_briefing_write_async (agreements, NULL, G_LIST_MODEL (fixture->guidelines), PACTA_PAPER_A4, NULL, path,
                              cancellable, NULL, NULL, write_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (pacta_briefing_write_finish (result, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* GTK's test accessibility backend: the charts' accessible descriptions can be read back. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();
  /* Links the resources (templates, CSS) into the test program. */
  g_assert_nonnull (pacta_get_resource ());

#define ADD(path, func) g_test_add ("/ui/charts-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("cards", test_cards);
  ADD ("heatmap-hit-test", test_heatmap_hit_test);
  ADD ("open-item", test_open_item);
  ADD ("heatmap-order", test_heatmap_order);
  ADD ("export", test_export);
  ADD ("briefing", test_briefing);
#undef ADD

  return g_test_run ();
}
