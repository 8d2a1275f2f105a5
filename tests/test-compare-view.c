/* test-compare-view.c — the compare view on the two negotiating rounds, in a real window
 *
 * Skips cleanly without a display; meson runs it under xvfb-run with GTK_A11Y=none and
 * GSK_RENDERER=cairo. Renders a PNG of the window (compare-view.png in the build
 * directory, and in $PACTA_SCREENSHOT_DIR when set).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pacta-akn-reader.h"
#include "pacta-compare-view.h"
#include "test-helpers.h"

#define ROUND1 "xa-xp-blma-draft-round1.akn.xml"
#define ROUND2 "xa-xp-blma-draft-round2.akn.xml"

typedef struct
{
  GtkWidget        *window;
  PactaCompareView *view;
  PactaAgreement   *a;
  PactaAgreement   *b;
} Fixture;

static PactaAgreement *
load_sample (const char *name)
{
  g_autofree char *path = sample_path (name);
  g_autoptr(GError) error = NULL;
  PactaAgreement *agreement = pacta_akn_load_file (path, &error);

  g_assert_no_error (error);
  return agreement;
}

static void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->a = load_sample (ROUND1);
  f->b = load_sample (ROUND2);
  f->window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (f->window), "Compare");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 900);
  f->view = PACTA_COMPARE_VIEW (pacta_compare_view_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  pacta_compare_view_set_agreements (f->view, f->a, f->b);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (f->window);
  drain ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  drain ();
  g_clear_object (&f->a);
  g_clear_object (&f->b);
}

static int
grid_row (GtkWidget *cell,
          int       *height)
{
  int row;

  gtk_grid_query_child (GTK_GRID (gtk_widget_get_parent (cell)), cell, NULL, &row, NULL, height);
  return row;
}

/* The text a cell shows, markup included. */
static char *
cell_markup (GtkWidget *cell)
{
  GString *out = g_string_new (NULL);
  GPtrArray *stack = g_ptr_array_new ();

  g_ptr_array_add (stack, cell);
  while (stack->len)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_LABEL (w))
        {
          g_string_append (out, gtk_label_get_label (GTK_LABEL (w)));
          g_string_append_c (out, '\n');
        }
      for (GtkWidget *c = gtk_widget_get_last_child (w); c; c = gtk_widget_get_prev_sibling (c))
        g_ptr_array_add (stack, c);
    }
  g_ptr_array_free (stack, TRUE);
  return g_string_free (out, FALSE);
}

static void
test_rows (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *a5 = pacta_compare_view_get_cell (f->view, PACTA_SIDE_A, "art_5");
  GtkWidget *b8 = pacta_compare_view_get_cell (f->view, PACTA_SIDE_B, "art_8");
  GtkWidget *a19 = pacta_compare_view_get_cell (f->view, PACTA_SIDE_A, "art_19");
  GtkWidget *b6 = pacta_compare_view_get_cell (f->view, PACTA_SIDE_B, "art_6");
  GtkWidget *a7 = pacta_compare_view_get_cell (f->view, PACTA_SIDE_A, "art_7");
  GtkWidget *b9 = pacta_compare_view_get_cell (f->view, PACTA_SIDE_B, "art_9");
  GtkWidget *b10 = pacta_compare_view_get_cell (f->view, PACTA_SIDE_B, "art_10");
  GtkWidget *b22 = pacta_compare_view_get_cell (f->view, PACTA_SIDE_B, "art_22");
  GtkWidget *a17 = pacta_compare_view_get_cell (f->view, PACTA_SIDE_A, "art_17");
  GtkWidget *a18 = pacta_compare_view_get_cell (f->view, PACTA_SIDE_A, "art_18");
  g_autofree char *markup_a5 = NULL;
  g_autofree char *markup_b8 = NULL;
  int span = 0;

  g_assert_nonnull (pacta_compare_view_get_comparison (f->view));
  g_assert_true (g_str_has_prefix (pacta_compare_view_get_summary (f->view), "8 same · 6 changed ("));
  g_assert_nonnull (strstr (pacta_compare_view_get_summary (f->view), "3 moved · 1 split · 1 merged · 4 added · 1 removed"));

  /* a row pairs round 1's Article 5 with round 2's Article 8 */
  g_assert_nonnull (a5);
  g_assert_nonnull (b8);
  g_assert_cmpint (grid_row (a5, NULL), ==, grid_row (b8, NULL));
  g_assert_true (gtk_widget_get_mapped (a5));
  markup_a5 = cell_markup (a5);
  markup_b8 = cell_markup (b8);
  g_assert_nonnull (strstr (markup_a5, "Article 5"));
  g_assert_nonnull (strstr (markup_b8, "Article 8"));
  g_assert_nonnull (strstr (markup_b8, "Communication of labour demand"));
  /* "may" struck through on the left, "shall" underlined on the right */
  g_assert_nonnull (strstr (markup_a5, "strikethrough=\"true\""));
  g_assert_nonnull (strstr (markup_a5, ">may</span>"));
  g_assert_nonnull (strstr (markup_b8, "underline=\"single\""));
  g_assert_nonnull (strstr (markup_b8, ">shall</span>"));

  /* a move: each side where it stands, on rows of their own */
  g_assert_nonnull (a19);
  g_assert_nonnull (b6);
  g_assert_cmpint (grid_row (b6, NULL), <, grid_row (a19, NULL));

  /* the split: Article 7 spans the rows of Articles 9 and 10 */
  g_assert_cmpint (grid_row (a7, &span), ==, grid_row (b9, NULL));
  g_assert_cmpint (span, ==, 2);
  g_assert_cmpint (grid_row (b10, NULL), ==, grid_row (b9, NULL) + 1);

  /* the merge: Article 22 spans the rows of Articles 17 and 18 */
  g_assert_cmpint (grid_row (b22, &span), ==, grid_row (a17, NULL));
  g_assert_cmpint (span, ==, 2);
  g_assert_cmpint (grid_row (a18, NULL), ==, grid_row (a17, NULL) + 1);

  /* added and removed units have no counterpart */
  g_assert_nonnull (pacta_compare_view_get_cell (f->view, PACTA_SIDE_B, "art_3"));
  g_assert_nonnull (pacta_compare_view_get_cell (f->view, PACTA_SIDE_A, "art_6"));
  g_assert_true (gtk_widget_has_css_class (pacta_compare_view_get_cell (f->view, PACTA_SIDE_B, "art_3"), "added"));
  g_assert_true (gtk_widget_has_css_class (pacta_compare_view_get_cell (f->view, PACTA_SIDE_A, "art_6"), "removed"));
}

static void
test_navigation (Fixture       *f,
                 gconstpointer  data)
{
  GtkAdjustment *adjustment;
  GtkWidget *scroller;
  PactaAlignment *change;
  double before;
  guint n = 0;

  g_assert_null (pacta_compare_view_get_current_change (f->view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "compare.next-change", NULL));
  change = pacta_compare_view_get_current_change (f->view);
  g_assert_nonnull (change);
  /* the first change is round 1's Article 2, Definitions */
  g_assert_cmpstr (pacta_provision_get_eid (pacta_alignment_get_unit (change, PACTA_SIDE_A, 0)), ==, "art_2");
  g_assert_true (gtk_widget_has_css_class (pacta_compare_view_get_cell (f->view, PACTA_SIDE_A, "art_2"), "current"));

  scroller = gtk_widget_get_ancestor (pacta_compare_view_get_cell (f->view, PACTA_SIDE_A, "art_2"), GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  before = gtk_adjustment_get_value (adjustment);

  /* to the last change, one at a time; the view scrolls along */
  while (pacta_compare_view_next_change (f->view))
    n++;
  drain ();
  g_assert_cmpuint (n, >, 10);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, before);
  change = pacta_compare_view_get_current_change (f->view);
  g_assert_cmpstr (pacta_provision_get_eid (pacta_alignment_get_unit (change, PACTA_SIDE_B, 0)), ==, "art_24");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "compare.previous-change", NULL));
  change = pacta_compare_view_get_current_change (f->view);
  g_assert_cmpstr (pacta_provision_get_eid (pacta_alignment_get_unit (change, PACTA_SIDE_B, 0)), ==, "art_22");  /* the merge: Article 23 is the same */
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *before = g_strdup (pacta_compare_view_get_summary (f->view));
  PactaComparisonSummary s1, s2;
  guint notified = 0;

  pacta_comparison_get_summary (pacta_compare_view_get_comparison (f->view), &s1);
  g_signal_connect (f->view, "notify::ignore-numbering", G_CALLBACK (notify_cb), &notified);

  /* the property action behind the check button */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "compare.ignore-numbering", NULL));
  g_assert_true (pacta_compare_view_get_ignore_numbering (f->view));
  g_assert_cmpuint (notified, ==, 1);
  pacta_compare_view_set_ignore_numbering (f->view, TRUE);
  g_assert_cmpuint (notified, ==, 1);
  g_object_set (f->view, "ignore-numbering", FALSE, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_object_set (f->view, "ignore-numbering", TRUE, NULL);
  drain ();

  /* live: fewer words once renumbered cross-references no longer count; same rows */
  pacta_comparison_get_summary (pacta_compare_view_get_comparison (f->view), &s2);
  g_assert_cmpuint (s2.words_inserted + s2.words_deleted, <, s1.words_inserted + s1.words_deleted);
  g_assert_cmpuint (s2.moved, ==, s1.moved);
  g_assert_cmpstr (pacta_compare_view_get_summary (f->view), !=, before);
  g_assert_nonnull (pacta_compare_view_get_cell (f->view, PACTA_SIDE_A, "art_5"));

  pacta_compare_view_set_ignore_case (f->view, TRUE);
  pacta_compare_view_set_ignore_punctuation (f->view, TRUE);
  g_assert_cmpuint (pacta_comparison_get_flags (pacta_compare_view_get_comparison (f->view)), ==,
                    PACTA_DIFF_IGNORE_WHITESPACE | PACTA_DIFF_IGNORE_NUMBERING | PACTA_DIFF_IGNORE_CASE |
                    PACTA_DIFF_IGNORE_PUNCTUATION);
}

static void
test_swap (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *a8, *b5;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "compare.swap", NULL));
  g_assert_true (pacta_compare_view_get_agreement_a (f->view) == f->b);
  g_assert_true (pacta_compare_view_get_agreement_b (f->view) == f->a);
  a8 = pacta_compare_view_get_cell (f->view, PACTA_SIDE_A, "art_8");
  b5 = pacta_compare_view_get_cell (f->view, PACTA_SIDE_B, "art_5");
  g_assert_nonnull (a8);
  g_assert_nonnull (b5);
  g_assert_cmpint (grid_row (a8, NULL), ==, grid_row (b5, NULL));
  /* what was added is now removed */
  g_assert_true (gtk_widget_has_css_class (pacta_compare_view_get_cell (f->view, PACTA_SIDE_A, "art_3"), "removed"));
}

static void
save_png (GtkWidget  *window,
          const char *path)
{
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_screenshot (Fixture       *f,
                 gconstpointer  data)
{
  const char *dir = g_getenv ("PACTA_SCREENSHOT_DIR");
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                            "compare-view.png", NULL);
  g_autoptr(GdkTexture) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  GtkWidget *b6 = pacta_compare_view_get_cell (f->view, PACTA_SIDE_B, "art_6");
  GtkWidget *scroller = gtk_widget_get_ancestor (b6, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *grid = gtk_widget_get_parent (b6);
  graphene_point_t top;

  /* the busy stretch: a move from far below, an addition, a change, a removal, the split;
   * with the change to round 2's Article 8 highlighted as the current one */
  for (;;)
    {
      PactaAlignment *change;

      g_assert_true (pacta_compare_view_next_change (f->view));
      change = pacta_compare_view_get_current_change (f->view);
      if (pacta_alignment_get_n_units (change, PACTA_SIDE_A) > 0 &&
          g_str_equal (pacta_provision_get_eid (pacta_alignment_get_unit (change, PACTA_SIDE_A, 0)), "art_5"))
        break;
    }
  g_assert_true (gtk_widget_compute_point (b6, grid, &GRAPHENE_POINT_INIT (0, 0), &top));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), top.y - 8);
  gtk_widget_queue_draw (f->window);
  gtk_test_widget_wait_for_draw (f->window);
  drain ();

  save_png (f->window, path);
  file = g_file_new_for_path (path);
  loaded = gdk_texture_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (loaded), ==, gtk_widget_get_width (f->window));
  if (dir)
    {
      g_autofree char *copy = g_build_filename (dir, "compare-view.png", NULL);

      save_png (f->window, copy);
    }
}

static void
test_empty_and_finalize (void)
{
  PactaCompareView *view = g_object_ref_sink (PACTA_COMPARE_VIEW (pacta_compare_view_new ()));
  g_autoptr(PactaAgreement) a = load_sample (ROUND1);

  g_assert_null (pacta_compare_view_get_comparison (view));
  pacta_compare_view_set_agreement_a (view, a);
  g_assert_null (pacta_compare_view_get_comparison (view));   /* one side is not a comparison */
  pacta_compare_view_set_agreement_b (view, a);
  g_assert_nonnull (pacta_compare_view_get_comparison (view));
  g_assert_true (g_str_has_prefix (pacta_compare_view_get_summary (view), "21 same"));
  pacta_compare_view_set_agreement_b (view, NULL);
  g_assert_null (pacta_compare_view_get_comparison (view));
  g_assert_finalize_object (view);
}

static void
skip_no_display (void)
{
  g_test_skip ("no display");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/compare-view/rows", skip_no_display);
      g_test_add_func ("/ui/compare-view/navigation", skip_no_display);
      g_test_add_func ("/ui/compare-view/filters", skip_no_display);
      g_test_add_func ("/ui/compare-view/swap", skip_no_display);
      g_test_add_func ("/ui/compare-view/screenshot", skip_no_display);
      g_test_add_func ("/ui/compare-view/empty", skip_no_display);
      return g_test_run ();
    }
  adw_init ();

  g_test_add ("/ui/compare-view/rows", Fixture, NULL, fixture_set_up, test_rows, fixture_tear_down);
  g_test_add ("/ui/compare-view/navigation", Fixture, NULL, fixture_set_up, test_navigation, fixture_tear_down);
  g_test_add ("/ui/compare-view/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/ui/compare-view/swap", Fixture, NULL, fixture_set_up, test_swap, fixture_tear_down);
  g_test_add ("/ui/compare-view/screenshot", Fixture, NULL, fixture_set_up, test_screenshot, fixture_tear_down);
  g_test_add_func ("/ui/compare-view/empty", test_empty_and_finalize);

  return g_test_run ();
}
