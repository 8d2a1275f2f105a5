/* test-window.c — the main window, driven headless under Xvfb
 *
 * Run with `meson test -C build --suite ui`. Without a display every test is skipped.
 * Each test has a library of its own in a temporary folder ($PACTA_LIBRARY), filled with the
 * bundled samples when its first window opens.
 * With PACTA_SCREENSHOT_DIR set, /ui/window/screenshots writes window-read.png,
 * window-search.png, window-guideline.png, window-check.png, window-compare.png,
 * window-import.png and window-charts.png there (see docs/screenshots/README.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pacta-application.h"
#include "pacta-data.h"
#include "pacta-charts-view.h"
#include "pacta-check-view.h"
#include "pacta-compare-page.h"
#include "pacta-sidebar.h"
#include "pacta-window-private.h"
#include "test-helpers.h"

#define WINDOW_WIDTH  1280
#define WINDOW_HEIGHT 800

static PactaApplication *app;
static char *library_dir;

/* ---- Helpers ------------------------------------------------------------------------------ */

/* The window opens the test's library; the samples are imported into it the first time. */
static PactaWindow *
create_window (void)
{
  PactaWindow *window = pacta_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), WINDOW_WIDTH, WINDOW_HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (_pacta_window_get_library (window));
  if (_pacta_window_count_agreements (window) == 0)
    {
      g_autoptr(GPtrArray) samples = pacta_data_list_files ("samples");

      g_ptr_array_add (samples, NULL);
      _pacta_window_import_paths (window, (const char * const *) samples->pdata);
    }
  _pacta_window_wait_idle (window);
  return window;
}

static void
destroy_window (PactaWindow *window)
{
  GtkWindow *dialog = _pacta_window_get_error_dialog (window);

  if (dialog != NULL)
    gtk_window_destroy (dialog);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  run_for (50);
  g_assert_null (window);
}

/* Finds the outline row whose provision has number @num. */
static PactaProvision *
find_outline_provision (PactaWindow *window,
                        const char  *num,
                        guint       *depth)
{
  GListModel *outline = _pacta_window_get_outline_model (window);
  guint n = g_list_model_get_n_items (outline);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (outline, i);
      g_autoptr(PactaProvision) provision = gtk_tree_list_row_get_item (row);

      if (g_strcmp0 (pacta_provision_get_num (provision), num) == 0)
        {
          if (depth != NULL)
            *depth = gtk_tree_list_row_get_depth (row);
          return provision; /* the agreement keeps it alive */
        }
    }
  return NULL;
}

static void
wait_until_visible (PactaWindow    *window,
                    PactaProvision *provision)
{
  for (guint i = 0; i < 500 && !_pacta_window_is_provision_visible (window, provision); i++)
    run_for (20);
  run_for (150); /* let the scroll position settle */
}

static void
select_sample (PactaWindow *window,
               const char  *name)
{
  g_autofree char *path = sample_path (name);

  g_assert_true (_pacta_window_select_path (window, path));
  run_for (50);
}

/* Renders a window (or popover) to a texture with its own renderer (cairo in the tests). */
static GdkTexture *
render_native (gpointer native)
{
  GtkWidget *widget = GTK_WIDGET (native);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (native));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static void
save_png (gpointer    native,
          const char *path)
{
  g_autoptr(GdkTexture) texture = NULL;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (native));
  run_for (100);
  texture = render_native (native);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* The first widget of @type under @widget, depth first. */
static GtkWidget *
find_first (GtkWidget *widget,
            GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* ---- Tests -------------------------------------------------------------------------------- */

static void
test_lists_samples (void)
{
  g_autoptr(GPtrArray) samples = pacta_data_list_files ("samples");
  g_autoptr(GPtrArray) guidelines = pacta_data_list_files ("guidelines");
  PactaWindow *window = create_window ();

  /* The data folder of the source tree ships 9 samples and 6 guidelines. */
  g_assert_cmpuint (samples->len, ==, 9);
  g_assert_cmpuint (guidelines->len, ==, 6);

  g_assert_cmpuint (_pacta_window_count_agreements (window), ==, samples->len);
  g_assert_cmpuint (_pacta_window_count_guidelines (window), ==, guidelines->len);
  g_assert_cmpuint (_pacta_window_count_sidebar_rows (window, FALSE), ==, samples->len);
  g_assert_cmpuint (_pacta_window_count_sidebar_rows (window, TRUE), ==, guidelines->len);

  for (guint i = 0; i < samples->len; i++)
    g_assert_true (_pacta_window_select_path (window, g_ptr_array_index (samples, i)));
  for (guint i = 0; i < guidelines->len; i++)
    g_assert_true (_pacta_window_select_path (window, g_ptr_array_index (guidelines, i)));

  destroy_window (window);
}

static void
test_empty_state (void)
{
  PactaWindow *window = create_window ();

  /* Nothing selected at first: the status page that explains Pacta. */
  g_assert_cmpint (_pacta_window_get_page (window), ==, PACTA_WINDOW_PAGE_EMPTY);
  g_assert_cmpstr (_pacta_window_get_title_text (window), ==, "Pacta");

  /* "Explore the sample library" selects the first sample. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.explore-samples", NULL));
  run_for (50);
  g_assert_cmpint (_pacta_window_get_page (window), ==, PACTA_WINDOW_PAGE_AGREEMENT);
  g_assert_nonnull (_pacta_window_get_agreement (window));

  destroy_window (window);
}

static void
test_select_shows_articles (void)
{
  PactaWindow *window = create_window ();
  g_autofree char *text = NULL;
  PactaAgreement *agreement;
  PactaProvision *article, *part;
  GListModel *outline;
  guint depth = 0;

  select_sample (window, "xa-xb-ssa-2019.akn.xml");

  g_assert_cmpint (_pacta_window_get_page (window), ==, PACTA_WINDOW_PAGE_AGREEMENT);
  agreement = _pacta_window_get_agreement (window);
  g_assert_nonnull (agreement);
  g_assert_cmpstr (_pacta_window_get_title_text (window), ==, "XA–XB Social Security Agreement (2019)");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "XA–XB Social Security Agreement"));

  /* The outline lists parts and articles, never paragraphs or points. */
  outline = _pacta_window_get_outline_model (window);
  g_assert_cmpuint (g_list_model_get_n_items (outline), >, 37);
  for (guint i = 0; i < g_list_model_get_n_items (outline); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (outline, i);
      g_autoptr(PactaProvision) provision = gtk_tree_list_row_get_item (row);
      PactaProvisionKind kind = pacta_provision_get_kind (provision);

      g_assert_cmpint (kind, !=, PACTA_PROVISION_KIND_PARAGRAPH);
      g_assert_cmpint (kind, !=, PACTA_PROVISION_KIND_POINT);
      g_assert_cmpint (kind, !=, PACTA_PROVISION_KIND_LIST);
    }

  part = find_outline_provision (window, "Part I", &depth);
  g_assert_nonnull (part);
  g_assert_cmpuint (depth, ==, 0);

  article = find_outline_provision (window, "Article 5", &depth);
  g_assert_nonnull (article);
  g_assert_cmpuint (depth, ==, 1);
  g_assert_cmpstr (pacta_provision_get_heading (article), ==, "Export of benefits");
  /* Article 5 carries refersTo tags: its row shows the evidence dot */
  g_assert_nonnull (pacta_provision_get_refers_to (article));
  g_assert_nonnull (pacta_provision_get_refers_to (article)[0]);

  /* Selecting the outline row shows the article in the reading column. */
  g_assert_true (_pacta_window_select_provision (window, article));
  wait_until_visible (window, article);
  g_assert_true (_pacta_window_get_selected_provision (window) == article);
  g_assert_true (_pacta_window_is_provision_visible (window, article));

  text = _pacta_window_dup_reading_text (window);
  g_assert_nonnull (strstr (text, "Article 5\nExport of benefits\n"));
  g_assert_nonnull (strstr (text, "Preamble"));
  g_assert_nonnull (strstr (text, "In witness whereof"));

  /* An article near the end too. */
  article = find_outline_provision (window, "Article 37", NULL);
  g_assert_nonnull (article);
  g_assert_true (_pacta_window_select_provision (window, article));
  wait_until_visible (window, article);
  g_assert_true (_pacta_window_is_provision_visible (window, article));
  g_assert_true (_pacta_window_get_selected_provision (window) == article);

  destroy_window (window);
}

static void
test_select_guideline (void)
{
  PactaWindow *window = create_window ();
  g_autofree char *path = guideline_path ("ss-coordination.xml");
  PactaGuideline *guideline;

  g_assert_true (_pacta_window_select_path (window, path));
  run_for (50);
  g_assert_cmpint (_pacta_window_get_page (window), ==, PACTA_WINDOW_PAGE_GUIDELINE);
  guideline = _pacta_window_get_guideline (window);
  g_assert_nonnull (guideline);
  g_assert_cmpuint (_pacta_window_get_n_guideline_items_shown (window), ==, pacta_guideline_get_n_items (guideline));
  g_assert_cmpuint (_pacta_window_get_n_guideline_items_shown (window), >, 0);

  destroy_window (window);
}

static void
test_open_bad_file_keeps_state (void)
{
  PactaWindow *window = create_window ();
  g_autofree char *dir = g_dir_make_tmp ("pacta-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.akn.xml", NULL);
  g_autofree char *text_path = g_build_filename (dir, "notes.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) text_file = g_file_new_for_path (text_path);
  g_autofree char *title = NULL;
  PactaAgreement *agreement;
  GtkWindow *dialog;
  guint n_agreements;

  g_assert_true (g_file_set_contents (path,
                                      "<?xml version=\"1.0\"?>\n"
                                      "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n"
                                      "  <act name=\"ssa\"><meta></act>\n"
                                      "</akomaNtoso>\n", -1, NULL));
  g_assert_true (g_file_set_contents (text_path, "This is not XML at all.\n", -1, NULL));

  select_sample (window, "xa-xb-ssa-2019.akn.xml");
  agreement = _pacta_window_get_agreement (window);
  title = g_strdup (_pacta_window_get_title_text (window));
  n_agreements = _pacta_window_count_agreements (window);

  g_assert_false (_pacta_window_open_file_sync (window, file));

  /* Reported with file, line and column … */
  g_assert_nonnull (_pacta_window_get_last_error (window));
  g_assert_nonnull (strstr (_pacta_window_get_last_error (window), "broken.akn.xml:3:"));
  dialog = _pacta_window_get_error_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "broken.akn.xml"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "broken.akn.xml:3:"));

  /* … and nothing else changed. */
  g_assert_cmpint (_pacta_window_get_page (window), ==, PACTA_WINDOW_PAGE_AGREEMENT);
  g_assert_true (_pacta_window_get_agreement (window) == agreement);
  g_assert_cmpstr (_pacta_window_get_title_text (window), ==, title);
  g_assert_cmpuint (_pacta_window_count_agreements (window), ==, n_agreements);

  /* A second bad file while the dialog is open adds to the same dialog. */
  g_assert_false (_pacta_window_open_file_sync (window, text_file));
  g_assert_true (_pacta_window_get_error_dialog (window) == dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "notes.xml:1:"));
  g_assert_true (_pacta_window_get_agreement (window) == agreement);

  /* "Close" dismisses it */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  run_for (50);
  g_assert_null (_pacta_window_get_error_dialog (window));

  destroy_window (window);
  g_unlink (path);
  g_unlink (text_path);
  g_rmdir (dir);
}

static void
test_open_close_undo (void)
{
  PactaWindow *window = create_window ();
  g_autofree char *source = sample_path ("xe-xh-mou-2019.akn.xml");
  g_autofree char *dir = g_dir_make_tmp ("pacta-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "my-draft.akn.xml", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "same-as-sample.akn.xml", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_auto(GStrv) recent = NULL;
  guint n_agreements = _pacta_window_count_agreements (window);
  PactaLibraryItem *item;

  g_settings_reset (settings, "recent-files");
  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  /* Another text of the same work (a mark makes the bytes differ) */
  changed = g_strconcat (contents, "<!-- my copy -->\n", NULL);
  g_assert_true (g_file_set_contents (path, changed, -1, NULL));
  g_assert_true (g_file_set_contents (copy_path, contents, -1, NULL));

  /* Opening imports it into the library, selects it and remembers it. */
  g_assert_true (_pacta_window_open_file_sync (window, file));
  g_assert_cmpuint (_pacta_window_count_agreements (window), ==, n_agreements + 1);
  g_assert_cmpint (_pacta_window_get_page (window), ==, PACTA_WINDOW_PAGE_AGREEMENT);
  g_assert_cmpuint (g_list_model_get_n_items (pacta_library_get_agreements (_pacta_window_get_library (window))), ==,
                    n_agreements + 1);
  recent = g_settings_get_strv (settings, "recent-files");
  g_assert_cmpuint (g_strv_length (recent), ==, 1);
  g_assert_cmpstr (recent[0], ==, path);

  /* Opening it again selects the same entry; so does a file with the bytes of one in the library. */
  g_assert_true (_pacta_window_open_file_sync (window, file));
  g_assert_cmpuint (_pacta_window_count_agreements (window), ==, n_agreements + 1);
  g_assert_true (_pacta_window_open_file_sync (window, copy));
  g_assert_cmpuint (_pacta_window_count_agreements (window), ==, n_agreements + 1);
  item = pacta_sidebar_get_selected_item (PACTA_SIDEBAR (_pacta_window_get_sidebar (window)));
  g_assert_cmpstr (pacta_library_entry_get_source_name (pacta_library_item_get_entry (item)), ==, "xe-xh-mou-2019.akn.xml");

  /* Ctrl+W closes what is shown; it stays in the library. */
  g_assert_true (_pacta_window_select_path (window, path));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-current", NULL));
  run_for (20);
  g_assert_cmpint (_pacta_window_get_page (window), ==, PACTA_WINDOW_PAGE_EMPTY);
  g_assert_cmpuint (_pacta_window_count_agreements (window), ==, n_agreements + 1);

  /* Remove from Library: gone from the list at once, and Undo brings it back … */
  g_assert_true (_pacta_window_select_path (window, path));
  item = pacta_sidebar_get_selected_item (PACTA_SIDEBAR (_pacta_window_get_sidebar (window)));
  g_assert_nonnull (item);
  g_assert_true (gtk_widget_activate_action (_pacta_window_get_sidebar (window), "sidebar.remove", NULL));
  run_for (20);
  g_assert_cmpuint (_pacta_window_count_agreements (window), ==, n_agreements);
  g_assert_cmpint (_pacta_window_get_page (window), ==, PACTA_WINDOW_PAGE_EMPTY);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-remove", "x",
                                             pacta_library_item_get_agreement_id (item)));
  run_for (20);
  g_assert_cmpuint (_pacta_window_count_agreements (window), ==, n_agreements + 1);
  g_assert_cmpint (_pacta_window_get_page (window), ==, PACTA_WINDOW_PAGE_AGREEMENT);

  /* … and without Undo it leaves the library when the window goes. */
  g_assert_true (gtk_widget_activate_action (_pacta_window_get_sidebar (window), "sidebar.remove", NULL));
  run_for (20);
  g_assert_cmpuint (g_list_model_get_n_items (pacta_library_get_agreements (_pacta_window_get_library (window))), ==,
                    n_agreements + 1);
  destroy_window (window);
  window = create_window ();
  g_assert_cmpuint (_pacta_window_count_agreements (window), ==, n_agreements);
  g_assert_false (_pacta_window_select_path (window, path));

  destroy_window (window);
  g_settings_reset (settings, "recent-files");
  g_unlink (path);
  g_unlink (copy_path);
  g_rmdir (dir);
}

static void
test_search (void)
{
  PactaWindow *window = create_window ();
  guint all = _pacta_window_count_sidebar_rows (window, FALSE);

  /* By party name, accent-insensitively, and by party code with a plain hyphen */
  _pacta_window_set_search_text (window, "Estmark");
  g_assert_cmpuint (_pacta_window_count_sidebar_rows (window, FALSE), ==, 1);
  g_assert_cmpuint (_pacta_window_count_sidebar_rows (window, TRUE), ==, 0);

  _pacta_window_set_search_text (window, "securite");
  g_assert_cmpuint (_pacta_window_count_sidebar_rows (window, FALSE), >=, 1);
  g_assert_cmpuint (_pacta_window_count_sidebar_rows (window, FALSE), <, all);

  _pacta_window_set_search_text (window, "xa-xb 2019");
  g_assert_cmpuint (_pacta_window_count_sidebar_rows (window, FALSE), ==, 1);

  _pacta_window_set_search_text (window, "");
  g_assert_cmpuint (_pacta_window_count_sidebar_rows (window, FALSE), ==, all);

  destroy_window (window);
}

static void
test_zoom (void)
{
  PactaWindow *window = create_window ();

  select_sample (window, "xa-xb-ssa-2019.akn.xml");
  g_assert_cmpfloat_with_epsilon (_pacta_window_get_zoom (window), 1.0, 0.001);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  g_assert_cmpfloat (_pacta_window_get_zoom (window), >, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL));
  g_assert_cmpfloat_with_epsilon (_pacta_window_get_zoom (window), 1.0, 0.001);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL));
  g_assert_cmpfloat (_pacta_window_get_zoom (window), <, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL));

  destroy_window (window);
}

static void
test_remembers_size (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PactaWindow *window = pacta_window_new (GTK_APPLICATION (app));
  int width = 0, height = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* Closing saves the size; the next window opens with it. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  run_for (50);
  g_assert_null (window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = pacta_window_new (GTK_APPLICATION (app));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);
  gtk_window_destroy (GTK_WINDOW (window));
  run_for (20);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
test_keyboard (void)
{
  PactaWindow *window = create_window ();
  GtkWidget *focus;

  select_sample (window, "xa-xb-ssa-2019.akn.xml");

  /* Ctrl+F: the search entry */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-search", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));

  /* F6: library, then outline, then the text, then back to the library */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cycle-pane", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_VIEW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cycle-pane", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_TEXT_VIEW (focus));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cycle-pane", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW));

  /* Ctrl+? (set up by GtkApplication from gtk/help-overlay.ui) */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");

    g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));
  }
  {
    g_auto(GStrv) quit = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
    g_auto(GStrv) open = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.open");

    g_assert_cmpstr (quit[0], ==, "<Control>q");
    g_assert_cmpstr (open[0], ==, "<Control>o");
  }

  /* F9 hides and shows the contents */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-contents", NULL));
  run_for (20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-contents", NULL));

  destroy_window (window);
}

/* `pacta FILE…` ends up in GApplication::open */
static void
test_app_opens_files (void)
{
  g_autofree char *source = sample_path ("xc-xn-ssa-draft-2025.akn.xml");
  g_autofree char *dir = g_dir_make_tmp ("pacta-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "counter-draft.akn.xml", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PactaWindow *window = NULL;
  PactaAgreement *agreement;
  PactaLibraryItem *item;
  GList *windows;

  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  changed = g_strconcat (contents, "<!-- counter-draft -->\n", NULL);
  g_assert_true (g_file_set_contents (path, changed, -1, NULL));

  g_application_open (G_APPLICATION (app), &file, 1, "");
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_nonnull (windows);
  window = PACTA_WINDOW (windows->data);
  while (_pacta_window_get_n_pending (window) > 0)
    g_main_context_iteration (NULL, TRUE);

  /* In the library, read from there */
  agreement = _pacta_window_get_agreement (window);
  g_assert_nonnull (agreement);
  item = pacta_sidebar_get_selected_item (PACTA_SIDEBAR (_pacta_window_get_sidebar (window)));
  g_assert_nonnull (pacta_library_item_get_entry (item));
  g_assert_cmpstr (pacta_library_entry_get_source_name (pacta_library_item_get_entry (item)), ==, "counter-draft.akn.xml");
  g_assert_true (pacta_library_item_get_agreement (item) == agreement);

  destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_render_png (void)
{
  PactaWindow *window = create_window ();
  g_autofree char *path = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guchar *pixels = NULL;
  g_autoptr(GHashTable) colors = g_hash_table_new (NULL, NULL);
  const char *dir = g_getenv ("G_TEST_BUILDDIR");
  PactaProvision *article;
  int width, height;
  gsize stride;

  select_sample (window, "xa-xb-ssa-2019.akn.xml");
  article = find_outline_provision (window, "Article 5", NULL);
  g_assert_true (_pacta_window_select_provision (window, article));
  wait_until_visible (window, article);

  path = g_build_filename (dir != NULL ? dir : g_get_tmp_dir (), "test-window-render.png", NULL);
  g_unlink (path);
  save_png (window, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* Read back: the right size, and not one flat colour. */
  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  g_assert_cmpint (width, ==, gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpint (height, ==, gtk_widget_get_height (GTK_WIDGET (window)));

  stride = (gsize) width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);
  for (int y = 0; y < height; y += 3)
    for (int x = 0; x < width; x += 3)
      {
        guint32 pixel;

        memcpy (&pixel, pixels + y * stride + x * 4, 4);
        g_hash_table_add (colors, GUINT_TO_POINTER (pixel));
      }
  g_test_message ("%s: %d×%d, %u colours", path, width, height, g_hash_table_size (colors));
  g_assert_cmpuint (g_hash_table_size (colors), >, 16);

  destroy_window (window);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static cairo_surface_t *
texture_to_surface (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  /* GDK's default download format is cairo's: premultiplied ARGB32 in native order. */
  cairo_surface_flush (surface);
  gdk_texture_download (texture, cairo_image_surface_get_data (surface), cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* The import dialog over the window, as a compositor shows it: centred, with a shadow. */
static void
save_import_screenshot (PactaWindow *window,
                        const char  *path)
{
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  g_autofree char *pdf = g_build_filename (srcdir ? srcdir : ".", "data", "import", "ssa-tessaly-marrow.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  PactaImporter *importer = _pacta_window_get_importer (window);
  PactaImportDialog *dialog;
  PactaImportPreview *preview;
  PactaImportDraft *draft;
  PactaImportNode *article = NULL;
  GListModel *nodes;
  g_autoptr(GdkTexture) back = NULL;
  g_autoptr(GdkTexture) front = NULL;
  cairo_surface_t *back_surface, *front_surface;
  cairo_t *cr;
  int x, y, width, height;

  select_sample (window, "xa-xb-ssa-2019.akn.xml");
  run_for (600);
  dialog = _pacta_importer_import_file_sync (importer, file);
  g_assert_nonnull (dialog);
  preview = pacta_import_dialog_get_preview (dialog);
  draft = pacta_import_dialog_get_draft (dialog);

  /* A boundary fixed: Article 5 merged away, then split back in at its line… */
  nodes = pacta_import_draft_get_nodes (draft);
  for (guint i = 0; i < g_list_model_get_n_items (nodes) && article == NULL; i++)
    {
      g_autoptr(PactaImportNode) node = g_list_model_get_item (nodes, i);

      if (g_strcmp0 (pacta_import_node_get_num (node), "Article 5") == 0)
        article = node;
    }
  g_assert_nonnull (article);
  {
    guint line = pacta_import_node_get_first_line (article);

    pacta_import_preview_select_node (preview, article);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.merge", NULL));
    pacta_import_preview_select_line (preview, line);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.split", NULL));
    /* …and its heading, on the next line, given back to it */
    gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (preview), "heading-entry")), "Export of benefits");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.relabel", NULL));
    run_for (600);
    /* Both panes scrolled to it once the lists are laid out */
    pacta_import_preview_select_line (preview, line + 1);
    run_for (100);
    pacta_import_preview_select_line (preview, line);
  }
  run_for (600);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  front = render_native (dialog);
  back = render_native (window);
  back_surface = texture_to_surface (back);
  front_surface = texture_to_surface (front);
  width = cairo_image_surface_get_width (front_surface);
  height = cairo_image_surface_get_height (front_surface);
  x = (cairo_image_surface_get_width (back_surface) - width) / 2;
  y = (cairo_image_surface_get_height (back_surface) - height) / 2;

  cr = cairo_create (back_surface);
  /* The parent dims a little under a modal dialog. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_paint (cr);
  /* A soft shadow: rounded rectangles growing fainter outwards */
  for (int i = 14; i > 0; i--)
    {
      double r = 12 + i;

      cairo_new_sub_path (cr);
      cairo_arc (cr, x + width - 12, y + 12 + 3, r, -G_PI / 2, 0);
      cairo_arc (cr, x + width - 12, y + height - 12 + 3, r, 0, G_PI / 2);
      cairo_arc (cr, x + 12, y + height - 12 + 3, r, G_PI / 2, G_PI);
      cairo_arc (cr, x + 12, y + 12 + 3, r, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.018);
      cairo_fill (cr);
    }
  /* libadwaita's windows have rounded corners */
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - 12, y + 12, 12, -G_PI / 2, 0);
  cairo_arc (cr, x + width - 12, y + height - 12, 12, 0, G_PI / 2);
  cairo_arc (cr, x + 12, y + height - 12, 12, G_PI / 2, G_PI);
  cairo_arc (cr, x + 12, y + 12, 12, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_clip (cr);
  cairo_set_source_surface (cr, front_surface, x, y);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (back_surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (front_surface);
  cairo_surface_destroy (back_surface);

  pacta_importer_cancel (importer);
  g_assert_null (_pacta_importer_get_dialog (importer));
}

/* Writes the screenshots in docs/screenshots when PACTA_SCREENSHOT_DIR is set. */
static void
test_screenshots (void)
{
  const char *dir = g_getenv ("PACTA_SCREENSHOT_DIR");
  g_autofree char *read_png = NULL;
  g_autofree char *guideline_png = NULL;
  g_autofree char *guideline = NULL;
  PactaWindow *window;
  PactaProvision *article;

  if (dir == NULL || dir[0] == '\0')
    {
      g_test_skip ("PACTA_SCREENSHOT_DIR is not set");
      return;
    }

  g_mkdir_with_parents (dir, 0755);
  read_png = g_build_filename (dir, "window-read.png", NULL);
  guideline_png = g_build_filename (dir, "window-guideline.png", NULL);
  guideline = guideline_path ("au-labour-migration.xml");

  window = create_window ();
  _pacta_window_dismiss_toasts (window);
  _pacta_window_set_details_expanded (window, TRUE);
  select_sample (window, "xa-xb-ssa-2019.akn.xml");
  article = find_outline_provision (window, "Article 5", NULL);
  g_assert_true (_pacta_window_select_provision (window, article));
  wait_until_visible (window, article);
  run_for (600); /* past the toast's fade */
  save_png (window, read_png);

  {
    /* Search across the library: the hits in the text, one opened in Read */
    g_autofree char *search_png = g_build_filename (dir, "window-search.png", NULL);
    PactaSidebar *sidebar = PACTA_SIDEBAR (_pacta_window_get_sidebar (window));
    GListModel *hits;

    _pacta_window_set_details_expanded (window, FALSE);
    _pacta_window_set_search_text (window, "totalisation");
    hits = pacta_sidebar_get_hits (sidebar);
    g_assert_nonnull (hits);
    for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
      {
        g_autoptr(PactaLibraryHit) hit = g_list_model_get_item (hits, i);

        if (g_strcmp0 (pacta_library_hit_get_eid (hit), "art_11") == 0 &&
            g_str_has_prefix (pacta_library_hit_get_agreement_title (hit), "XC–XN"))
          {
            g_assert_true (pacta_sidebar_activate_hit (sidebar, i));
            break;
          }
      }
    run_for (300);
    article = _pacta_window_get_selected_provision (window);
    g_assert_nonnull (article);
    wait_until_visible (window, article);
    save_png (window, search_png);
    _pacta_window_set_search_text (window, "");
    _pacta_window_set_details_expanded (window, TRUE);
  }

  g_assert_true (_pacta_window_select_path (window, guideline));
  run_for (600); /* past the cross-fade */
  save_png (window, guideline_png);

  {
    g_autofree char *check_png = g_build_filename (dir, "window-check.png", NULL);

    select_sample (window, "xc-xn-ssa-draft-2025.akn.xml");
    _pacta_window_show_view (window, "check");
    pacta_check_view_select_item (PACTA_CHECK_VIEW (_pacta_window_get_check_view (window)), "ssa-equal-treatment");
    run_for (600);
    save_png (window, check_png);
    _pacta_window_show_view (window, "read");
  }

  {
    g_autofree char *compare_png = g_build_filename (dir, "window-compare.png", NULL);

    select_sample (window, "xa-xp-blma-draft-round1.akn.xml");
    _pacta_window_show_view (window, "compare");
    run_for (600);
    save_png (window, compare_png);
    _pacta_window_show_view (window, "read");
  }
  {
    g_autofree char *import_png = g_build_filename (dir, "window-import.png", NULL);

    save_import_screenshot (window, import_png);
  }

  {
    g_autofree char *charts_png = g_build_filename (dir, "window-charts.png", NULL);

    g_autofree char *corpus_png = g_build_filename (dir, "window-charts-corpus.png", NULL);
    GtkWidget *view, *heatmap, *scroller;
    GtkAdjustment *adjustment;
    double x = 0, y = 0;

    /* The top: the agreement's own charts */
    select_sample (window, "xc-xn-ssa-draft-2025.akn.xml");
    _pacta_window_show_view (window, "charts");
    run_for (600);
    save_png (window, charts_png);

    /* Scrolled to the corpus: the heatmap, sorted best first */
    view = _pacta_window_get_charts_view (window);
    heatmap = GTK_WIDGET (pacta_charts_view_get_card (PACTA_CHARTS_VIEW (view), PACTA_CHART_HEATMAP));
    scroller = gtk_widget_get_ancestor (heatmap, GTK_TYPE_SCROLLED_WINDOW);
    adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    g_assert_true (gtk_widget_translate_coordinates (heatmap, scroller, 0, 0, &x, &y));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - 52);
    run_for (400);
    save_png (window, corpus_png);
    gtk_adjustment_set_value (adjustment, 0);
    run_for (200);

    if (g_getenv ("PACTA_SCREENSHOT_EXTRA") != NULL)
      {
        /* For reviewing the look: the middle and the end, dark style, a narrow window, the
         * keyboard on the heatmap, the corpus popover, the briefing */
        g_autofree char *middle_png = g_build_filename (dir, "window-charts-middle.png", NULL);
        g_autofree char *lower_png = g_build_filename (dir, "window-charts-end.png", NULL);
        g_autofree char *dark_png = g_build_filename (dir, "window-charts-dark.png", NULL);
        g_autofree char *narrow_png = g_build_filename (dir, "window-charts-narrow.png", NULL);

        gtk_adjustment_set_value (adjustment, 330);
        run_for (400);
        save_png (window, middle_png);
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
        run_for (400);
        save_png (window, lower_png);
        gtk_adjustment_set_value (adjustment, 0);
        gtk_window_set_default_size (GTK_WINDOW (window), 600, 760);
        run_for (600);
        save_png (window, narrow_png);
        gtk_window_set_default_size (GTK_WINDOW (window), WINDOW_WIDTH, WINDOW_HEIGHT);
        run_for (600);
        adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
        run_for (600);
        save_png (window, dark_png);
        adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
        run_for (300);

        /* The keyboard on the heatmap: a cell outlined, its figures under the chart */
        {
          g_autofree char *focus_png = g_build_filename (dir, "window-charts-focus.png", NULL);
          g_autofree char *popover_png = g_build_filename (dir, "window-charts-corpus-popover.png", NULL);
          g_autofree char *briefing_png = g_build_filename (dir, "window-briefing-dialog.png", NULL);
          g_autofree char *progress_png = g_build_filename (dir, "window-briefing-progress.png", NULL);
          g_autofree char *brief = g_build_filename (g_get_tmp_dir (), "pacta-screenshot-brief.pdf", NULL);
          PactaChartArea *area = pacta_chart_card_get_area (PACTA_CHART_CARD (heatmap));
          GtkWidget *button = find_first (view, GTK_TYPE_MENU_BUTTON); /* the corpus */
          PactaBriefingExport *briefing;

          g_assert_true (gtk_widget_translate_coordinates (heatmap, scroller, 0, 0, &x, &y));
          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - 12);
          gtk_widget_grab_focus (GTK_WIDGET (area));
          pacta_chart_area_focus_stop (area, (int) pacta_chart_area_get_n_stops (area) - 12);
          run_for (400);
          save_png (window, focus_png);

          if (button != NULL)
            {
              gtk_menu_button_popup (GTK_MENU_BUTTON (button));
              run_for (400);
              save_png (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)), popover_png);
              gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
            }

          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-briefing", NULL));
          run_for (400);
          briefing = _pacta_window_get_briefing (window);
          save_png (pacta_briefing_export_get_dialog (briefing), briefing_png);
          gtk_window_destroy (pacta_briefing_export_get_dialog (briefing));
          pacta_briefing_export_set_all (briefing, TRUE);
          pacta_briefing_export_start (briefing, brief);
          run_for (150);
          save_png (window, progress_png);
          while (pacta_briefing_export_is_running (briefing))
            run_for (20);
          g_unlink (brief);
          run_for (300);
        }
      }
    _pacta_window_show_view (window, "read");
  }
  g_test_message ("wrote %s and %s", read_png, guideline_png);

  /* For reviewing the look: the empty state, and the Read view in dark and high contrast */
  if (g_getenv ("PACTA_SCREENSHOT_EXTRA") != NULL)
    {
      AdwStyleManager *style_manager = adw_style_manager_get_default ();
      g_autofree char *empty_png = g_build_filename (dir, "window-empty.png", NULL);
      g_autofree char *dark_png = g_build_filename (dir, "window-read-dark.png", NULL);
      g_autofree char *narrow_png = g_build_filename (dir, "window-narrow.png", NULL);
      g_autofree char *menu_png = g_build_filename (dir, "window-menu.png", NULL);
      GtkWidget *popover;

      popover = _pacta_window_popup_primary_menu (window);
      run_for (400);
      save_png (popover, menu_png);
      gtk_popover_popdown (GTK_POPOVER (popover));

      /* The import dialog while a PDF is read, and an import refused */
      {
        g_autofree char *progress_png = g_build_filename (dir, "window-import-progress.png", NULL);
        g_autofree char *refused_png = g_build_filename (dir, "window-import-error.png", NULL);
        const char *srcdir = g_getenv ("G_TEST_SRCDIR");
        g_autofree char *scanned = g_build_filename (srcdir ? srcdir : ".", "data", "import", "bad-scanned.pdf", NULL);
        g_autoptr(GFile) scanned_file = g_file_new_for_path (scanned);
        PactaImportDialog *reading = pacta_import_dialog_new (GTK_WINDOW (window), "treaty-series-vol-2871.pdf");

        gtk_window_present (GTK_WINDOW (reading));
        pacta_import_dialog_set_progress (reading, 37, 140);
        run_for (400);
        save_png (reading, progress_png);
        gtk_window_destroy (GTK_WINDOW (reading));

        g_assert_null (_pacta_importer_import_file_sync (_pacta_window_get_importer (window), scanned_file));
        run_for (400);
        save_png (_pacta_window_get_error_dialog (window), refused_png);
        gtk_window_destroy (_pacta_window_get_error_dialog (window));
      }

      {
        g_autofree char *bad = g_build_filename (g_get_tmp_dir (), "broken-agreement.akn.xml", NULL);
        g_autofree char *dialog_png = g_build_filename (dir, "window-error.png", NULL);
        g_autofree char *about_png = g_build_filename (dir, "window-about.png", NULL);
        g_autoptr(GFile) file = g_file_new_for_path (bad);
        GtkWindow *about;

        g_assert_true (g_file_set_contents (bad, "<?xml version=\"1.0\"?>\n<akomaNtoso>\n  <act><meta></act>\n", -1, NULL));
        g_assert_false (_pacta_window_open_file_sync (window, file));
        run_for (400);
        save_png (_pacta_window_get_error_dialog (window), dialog_png);
        gtk_window_destroy (_pacta_window_get_error_dialog (window));
        g_unlink (bad);

        g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
        run_for (600);
        {
          GListModel *toplevels = gtk_window_get_toplevels ();

          about = NULL;
          for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
            {
              g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

              if (ADW_IS_ABOUT_WINDOW (toplevel))
                about = toplevel;
            }
        }
        g_assert_true (ADW_IS_ABOUT_WINDOW (about));
        save_png (about, about_png);
        gtk_window_destroy (about);
        gtk_window_present (GTK_WINDOW (window));
      }

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-current", NULL));
      run_for (600);
      save_png (window, empty_png);

      adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
      select_sample (window, "xf-xk-securite-sociale-pensions-2016.akn.xml");
      article = find_outline_provision (window, "Article 5", NULL);
      g_assert_true (_pacta_window_select_provision (window, article));
      wait_until_visible (window, article);
      run_for (600);
      save_png (window, dark_png);
      adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);

      gtk_window_set_default_size (GTK_WINDOW (window), 600, 760);
      run_for (600);
      save_png (window, narrow_png);
    }

  destroy_window (window);
}

/* The Check view follows the selected agreement, and "go to provision" opens it in Read. */
static void
test_check_view (void)
{
  PactaWindow *window = create_window ();
  PactaCheckView *check;
  PactaCoverage *coverage;
  PactaProvision *provision;

  select_sample (window, "xa-xd-blma-2021.akn.xml");
  _pacta_window_show_view (window, "check");
  run_for (100);
  g_assert_cmpstr (_pacta_window_get_view (window), ==, "check");
  check = PACTA_CHECK_VIEW (_pacta_window_get_check_view (window));
  g_assert_true (pacta_check_view_get_agreement (check) == _pacta_window_get_agreement (window));
  coverage = pacta_check_view_get_coverage (check);
  g_assert_nonnull (coverage);
  g_assert_cmpstr (pacta_guideline_get_id (pacta_coverage_get_guideline (coverage)), ==, "unnm-blma");

  /* Another agreement: the view stays Check and follows the selection. */
  select_sample (window, "xa-xb-ssa-2019.akn.xml");
  g_assert_cmpstr (_pacta_window_get_view (window), ==, "check");
  coverage = pacta_check_view_get_coverage (check);
  g_assert_cmpstr (pacta_guideline_get_id (pacta_coverage_get_guideline (coverage)), ==, "ss-coord");
  g_assert_cmpint (pacta_finding_get_status (pacta_coverage_lookup (coverage, "ssa-export")), ==,
                   PACTA_FINDING_STATUS_COVERED);

  g_signal_emit_by_name (check, "activate-provision", "art_5");
  run_for (100);
  g_assert_cmpstr (_pacta_window_get_view (window), ==, "read");
  provision = _pacta_window_get_selected_provision (window);
  g_assert_nonnull (provision);
  g_assert_cmpstr (pacta_provision_get_eid (provision), ==, "art_5");

  destroy_window (window);
}

/* Charts: the view follows the selection; a heatmap cell opens Check at that item. */
static void
test_charts_view (void)
{
  PactaWindow *window = create_window ();
  PactaChartsView *view;
  PactaChartCard *heatmap;
  PactaChartArea *area;
  PactaChartData *data;
  PactaCheckView *check;
  PactaChartHit stop;
  int cell = -1;

  select_sample (window, "xa-xb-ssa-2019.akn.xml");
  view = PACTA_CHARTS_VIEW (_pacta_window_get_charts_view (window));
  /* Nothing is made while the view is hidden. */
  g_assert_null (pacta_charts_view_get_card (view, PACTA_CHART_HEATMAP));

  _pacta_window_show_view (window, "charts");
  for (guint i = 0; i < 250 && pacta_charts_view_get_card (view, PACTA_CHART_HEATMAP) == NULL; i++)
    run_for (20);
  run_for (300);
  g_assert_cmpstr (_pacta_window_get_view (window), ==, "charts");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_true (pacta_charts_view_get_agreement (view) == _pacta_window_get_agreement (window));
  g_assert_nonnull (pacta_charts_view_get_card (view, PACTA_CHART_SUMMARY));
  g_assert_nonnull (pacta_charts_view_get_card (view, PACTA_CHART_BARS));
  g_assert_nonnull (pacta_charts_view_get_card (view, PACTA_CHART_RADAR));
  g_assert_nonnull (pacta_charts_view_get_card (view, PACTA_CHART_TIMELINE));
  heatmap = pacta_charts_view_get_card (view, PACTA_CHART_HEATMAP);
  g_assert_nonnull (heatmap);
  g_assert_cmpuint (pacta_charts_view_get_n_corpus (view), ==, _pacta_window_count_agreements (window));

  /* The draft's missing certificate of coverage, clicked in the heatmap */
  area = pacta_chart_card_get_area (heatmap);
  data = pacta_chart_get_data (pacta_chart_area_get_chart (area));
  for (guint i = 0; cell < 0 && i < pacta_chart_area_get_n_stops (area); i++)
    {
      g_assert_true (pacta_chart_area_get_stop (area, i, &stop));
      if (g_str_has_prefix (pacta_chart_data_get_row (data, stop.row)->title, "XC–XN") &&
          g_str_equal (pacta_chart_data_get_item (data, stop.item)->slug, "ssa-certificate"))
        cell = (int) i;
      else
        pacta_chart_hit_clear (&stop);
    }
  g_assert_cmpint (cell, >=, 0);
  g_assert_true (pacta_chart_area_activate_at (area, stop.bounds.x + stop.bounds.width / 2,
                                               stop.bounds.y + stop.bounds.height / 2));
  pacta_chart_hit_clear (&stop);
  run_for (200);

  /* …lands in Check, on that agreement, guideline and item. */
  g_assert_cmpstr (_pacta_window_get_view (window), ==, "check");
  g_assert_cmpstr (pacta_agreement_get_display_title (_pacta_window_get_agreement (window)), ==,
                   "XC–XN Social Security Agreement (draft, 2025)");
  check = PACTA_CHECK_VIEW (_pacta_window_get_check_view (window));
  g_assert_true (pacta_check_view_get_agreement (check) == _pacta_window_get_agreement (window));
  g_assert_cmpstr (pacta_check_view_get_guideline_id (check), ==, "ss-coord");
  g_assert_cmpstr (pacta_check_view_get_selected_slug (check), ==, "ssa-certificate");

  /* A decision made in Check shows in the charts. */
  {
    PactaCoverage *coverage = pacta_check_view_get_coverage (check);
    PactaFinding *finding = pacta_coverage_lookup (coverage, "ssa-certificate");
    guint covered = pacta_coverage_get_counts (coverage).covered;

    g_assert_cmpint (pacta_finding_get_status (finding), ==, PACTA_FINDING_STATUS_MISSING);
    pacta_finding_decide (finding, PACTA_FINDING_ORIGIN_SET, PACTA_FINDING_STATUS_COVERED, NULL);
    g_assert_cmpuint (pacta_coverage_get_counts (coverage).covered, ==, covered + 1);
    _pacta_window_show_view (window, "charts");
    run_for (300);
    data = pacta_chart_get_data (pacta_chart_card_get_chart (pacta_charts_view_get_card (view, PACTA_CHART_SUMMARY)));
    g_assert_cmpuint (pacta_chart_data_get_row (data, 0)->counts.covered, ==, covered + 1);
  }

  destroy_window (window);
}

/* File ▸ Export Briefing: the choices, then the PDF written in a thread. */
static void
test_export_briefing (void)
{
  PactaWindow *window = create_window ();
  PactaBriefingExport *briefing;
  g_autofree char *dir = g_dir_make_tmp ("pacta-window-briefing-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "brief.pdf", NULL);
  g_autofree char *contents = NULL;

  select_sample (window, "xe-xh-mou-2019.akn.xml");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-briefing", NULL));
  run_for (200);
  briefing = _pacta_window_get_briefing (window);
  g_assert_nonnull (briefing);
  g_assert_nonnull (pacta_briefing_export_get_dialog (briefing));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (pacta_briefing_export_get_dialog (briefing))));

  /* Export… → the save dialog (GTK's own without a portal), named after the agreement */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (pacta_briefing_export_get_dialog (briefing)), "export");
  run_for (300);
  g_assert_null (pacta_briefing_export_get_dialog (briefing));
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    g_autoptr(GFile) folder = g_file_new_for_path (dir);
    GtkWindow *chooser = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

        if (GTK_IS_FILE_CHOOSER (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
          chooser = toplevel;
      }
    g_assert_nonnull (chooser);
    {
      g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

      g_assert_cmpstr (name, ==, "xe-xh-mou-2019-briefing.pdf");
    }
    /* …saved in the temporary folder: the briefing is written in the background. */
    g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "brief");
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  }
  for (guint i = 0; i < 100 && !pacta_briefing_export_is_running (briefing) &&
                    pacta_briefing_export_get_saved_path (briefing) == NULL; i++)
    run_for (20);
  for (guint i = 0; i < 500 && pacta_briefing_export_is_running (briefing); i++)
    run_for (20);
  g_assert_false (pacta_briefing_export_is_running (briefing));
  g_assert_null (pacta_briefing_export_get_error (briefing));
  g_assert_cmpstr (pacta_briefing_export_get_saved_path (briefing), ==, path);
  g_assert_cmpuint (pacta_briefing_export_get_n_pages (briefing), >=, 3);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  g_unlink (path);
  g_rmdir (dir);
  destroy_window (window);
}

/* Compare: side A follows the selection, side B starts with the other round of the same draft. */
static void
test_compare_view (void)
{
  PactaWindow *window = create_window ();
  PactaComparePage *page;
  PactaComparison *comparison;

  select_sample (window, "xa-xp-blma-draft-round1.akn.xml");
  _pacta_window_show_view (window, "compare");
  run_for (200);
  page = PACTA_COMPARE_PAGE (_pacta_window_get_compare_page (window));
  g_assert_true (pacta_compare_page_get_a (page) == _pacta_window_get_agreement (window));
  g_assert_nonnull (pacta_compare_page_get_b (page));
  g_assert_cmpstr (pacta_agreement_get_short_title (pacta_compare_page_get_b (page)), ==,
                   "XA–XP Labour Mobility Agreement (draft, round 2)");
  comparison = pacta_compare_view_get_comparison (pacta_compare_page_get_view (page));
  g_assert_nonnull (comparison);
  g_assert_nonnull (pacta_compare_view_get_cell (pacta_compare_page_get_view (page), PACTA_SIDE_B, "art_8"));

  /* Back in Read, the outline still folds and unfolds cleanly. */
  _pacta_window_show_view (window, "read");
  run_for (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-contents", NULL));
  run_for (300);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-contents", NULL));
  run_for (300);

  destroy_window (window);
}

static void
skip_test (gconstpointer data)
{
  g_test_skip ("no display");
}

/* Each test starts with a library of its own. */
static void
run_with_library (gconstpointer data)
{
  void (*func) (void) = data;
  static guint n;
  g_autofree char *name = g_strdup_printf ("library-%u.db", n++);
  g_autofree char *path = g_build_filename (library_dir, name, NULL);

  g_setenv ("PACTA_LIBRARY", path, TRUE);
  func ();
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  static const struct {
    const char *path;
    void (*func) (void);
  } tests[] = {
    { "/ui/window/lists-samples", test_lists_samples },
    { "/ui/window/empty-state", test_empty_state },
    { "/ui/window/select-shows-articles", test_select_shows_articles },
    { "/ui/window/select-guideline", test_select_guideline },
    { "/ui/window/open-bad-file-keeps-state", test_open_bad_file_keeps_state },
    { "/ui/window/open-close-undo", test_open_close_undo },
    { "/ui/window/search", test_search },
    { "/ui/window/zoom", test_zoom },
    { "/ui/window/remembers-size", test_remembers_size },
    { "/ui/window/keyboard", test_keyboard },
    { "/ui/app/opens-files", test_app_opens_files },
    { "/ui/window/check-view", test_check_view },
    { "/ui/window/compare-view", test_compare_view },
    { "/ui/window/charts-view", test_charts_view },
    { "/ui/window/export-briefing", test_export_briefing },
    { "/ui/window/render-png", test_render_png },
    { "/ui/window/screenshots", test_screenshots },
  };
  g_autoptr(GError) error = NULL;
  gboolean have_display;
  int status;

  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  library_dir = g_dir_make_tmp ("pacta-test-window-XXXXXX", NULL);
  /* Animations end at once: tests check where things end up, and libadwaita 1.2's flap, turned
   * while it slides, can hand its content a NaN width, which a test's fatal warnings turn into
   * a crash (a user sees at most one odd frame). */
  if (have_display)
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    {
      if (have_display)
        g_test_add_data_func (tests[i].path, tests[i].func, run_with_library);
      else
        g_test_add_data_func (tests[i].path, NULL, skip_test);
    }

  if (have_display)
    {
      /* Not unique: the tests need no session bus. */
      app = pacta_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }

  status = g_test_run ();
  g_clear_object (&app);
  remove_tree (library_dir);
  g_free (library_dir);
  return status;
}
