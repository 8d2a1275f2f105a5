/* test-check-view.c — the Check view in a real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "pacta-akn-reader.h"
#include "pacta-check-view.h"
#include "pacta-guideline-reader.h"
#include "pacta-resources.h"
#include "test-helpers.h"

static gboolean have_display;

static GListStore *
load_guidelines (void)
{
  GListStore *store = g_list_store_new (PACTA_TYPE_GUIDELINE);
  g_autoptr(GPtrArray) paths = pacta_data_list_files ("guidelines");

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(PactaGuideline) guideline = pacta_guideline_load_file (g_ptr_array_index (paths, i), NULL);
      g_list_store_append (store, guideline);
    }
  return store;
}

static PactaAgreement *
load (const char *name)
{
  g_autofree char *path = sample_path (name);
  g_autoptr(GError) error = NULL;
  PactaAgreement *agreement = pacta_akn_load_file (path, &error);

  g_assert_no_error (error);
  return agreement;
}

static void
wait_for_draw (GtkWidget *window)
{
  gtk_test_widget_wait_for_draw (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_shows_findings (void)
{
  g_autoptr(GListStore) guidelines = NULL;
  g_autoptr(PactaAgreement) mou = NULL;
  GtkWidget *window, *view;
  PactaCoverage *coverage;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  guidelines = load_guidelines ();
  mou = load ("xe-xh-mou-2019.akn.xml");
  window = gtk_window_new ();
  view = pacta_check_view_new ();
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  pacta_check_view_set_guidelines (PACTA_CHECK_VIEW (view), G_LIST_MODEL (guidelines));
  pacta_check_view_set_agreement (PACTA_CHECK_VIEW (view), mou);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_draw (window);

  /* A memorandum is held against the UN Network guidance first. */
  g_assert_cmpstr (pacta_check_view_get_guideline_id (PACTA_CHECK_VIEW (view)), ==, "unnm-blma");
  coverage = pacta_check_view_get_coverage (PACTA_CHECK_VIEW (view));
  g_assert_nonnull (coverage);
  g_assert_cmpuint (pacta_check_view_get_n_visible_items (PACTA_CHECK_VIEW (view)), ==, 29);

  /* The thin MOU sets up a joint working group: covered, with the article as evidence. */
  g_assert_true (pacta_check_view_select_item (PACTA_CHECK_VIEW (view), "unnm-governance"));
  g_assert_cmpstr (pacta_check_view_get_selected_slug (PACTA_CHECK_VIEW (view)), ==, "unnm-governance");
  g_assert_cmpint (pacta_finding_get_status (pacta_coverage_lookup (coverage, "unnm-governance")), !=,
                   PACTA_FINDING_STATUS_MISSING);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_decisions_and_filters (void)
{
  g_autoptr(GListStore) guidelines = NULL;
  g_autoptr(PactaAgreement) mou = NULL;
  GtkWidget *window, *view;
  PactaCoverage *coverage;
  PactaFinding *finding;
  double before;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  guidelines = load_guidelines ();
  mou = load ("xe-xh-mou-2019.akn.xml");
  window = gtk_window_new ();
  view = pacta_check_view_new ();
  gtk_window_set_child (GTK_WINDOW (window), view);
  pacta_check_view_set_guidelines (PACTA_CHECK_VIEW (view), G_LIST_MODEL (guidelines));
  pacta_check_view_set_agreement (PACTA_CHECK_VIEW (view), mou);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_draw (window);

  coverage = pacta_check_view_get_coverage (PACTA_CHECK_VIEW (view));
  finding = pacta_coverage_lookup (coverage, "unnm-osh");
  before = pacta_coverage_get_score (coverage);
  /* The memorandum says nothing of safety and health at work. */
  g_assert_cmpint (pacta_finding_get_status (finding), ==, PACTA_FINDING_STATUS_MISSING);

  /* Mark an item as covered through the view's own action, as the Set status menu does. */
  g_assert_true (pacta_check_view_select_item (PACTA_CHECK_VIEW (view), "unnm-osh"));
  g_assert_true (gtk_widget_activate_action (view, "check.set-status", "s", "covered"));
  g_assert_cmpint (pacta_finding_get_status (finding), ==, PACTA_FINDING_STATUS_COVERED);
  g_assert_cmpint (pacta_finding_get_origin (finding), ==, PACTA_FINDING_ORIGIN_SET);
  g_assert_cmpfloat (pacta_coverage_get_score (coverage), >, before);

  /* The gaps filter hides what is covered; asking for a covered item by name shows it anyway. */
  pacta_check_view_show_gaps_only (PACTA_CHECK_VIEW (view), TRUE);
  g_assert_cmpuint (pacta_check_view_get_n_visible_items (PACTA_CHECK_VIEW (view)), <, 29);
  g_assert_true (pacta_check_view_select_item (PACTA_CHECK_VIEW (view), "unnm-governance"));
  g_assert_cmpuint (pacta_check_view_get_n_visible_items (PACTA_CHECK_VIEW (view)), ==, 29);
  g_assert_true (pacta_check_view_select_item (PACTA_CHECK_VIEW (view), "unnm-osh"));

  /* Undo brings the matcher's answer back. */
  g_assert_true (gtk_widget_activate_action (view, "check.clear-decision", NULL));
  g_assert_false (pacta_finding_has_decision (finding));
  g_assert_cmpfloat_with_epsilon (pacta_coverage_get_score (coverage), before, 1e-9);

  /* Switching guideline and back keeps decisions made on this agreement. */
  g_assert_true (gtk_widget_activate_action (view, "check.not-applicable", NULL));
  g_assert_cmpint (pacta_finding_get_status (finding), ==, PACTA_FINDING_STATUS_NOT_APPLICABLE);
  pacta_check_view_set_guideline_id (PACTA_CHECK_VIEW (view), "ilo-r86");
  g_assert_cmpstr (pacta_check_view_get_guideline_id (PACTA_CHECK_VIEW (view)), ==, "ilo-r86");
  g_assert_cmpuint (pacta_check_view_get_n_visible_items (PACTA_CHECK_VIEW (view)), ==, 30);
  pacta_check_view_set_guideline_id (PACTA_CHECK_VIEW (view), "unnm-blma");
  coverage = pacta_check_view_get_coverage (PACTA_CHECK_VIEW (view));
  g_assert_cmpint (pacta_finding_get_status (pacta_coverage_lookup (coverage, "unnm-osh")), ==,
                   PACTA_FINDING_STATUS_NOT_APPLICABLE);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_render_png (void)
{
  g_autoptr(GListStore) guidelines = NULL;
  g_autoptr(PactaAgreement) ssa = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkWidget *window, *view;
  int width, height;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  guidelines = load_guidelines ();
  ssa = load ("xc-xn-ssa-draft-2025.akn.xml");
  window = gtk_window_new ();
  view = pacta_check_view_new ();
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 1360, 860);
  pacta_check_view_set_guidelines (PACTA_CHECK_VIEW (view), G_LIST_MODEL (guidelines));
  pacta_check_view_set_agreement (PACTA_CHECK_VIEW (view), ssa);
  pacta_check_view_select_item (PACTA_CHECK_VIEW (view), "ssa-export");
  gtk_window_present (GTK_WINDOW (window));
  wait_for_draw (window);

  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".", "check-view.png", NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();
  /* Referencing the bundle keeps the static linker from dropping it and its templates. */
  g_assert_nonnull (pacta_get_resource ());

  g_test_add_func ("/ui/check-view/shows-findings", test_shows_findings);
  g_test_add_func ("/ui/check-view/decisions-and-filters", test_decisions_and_filters);
  g_test_add_func ("/ui/check-view/render-png", test_render_png);

  return g_test_run ();
}
