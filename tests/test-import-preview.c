/* test-import-preview.c — the import preview: show a text, fix a wrong boundary, import
 *
 * Runs under Xvfb (GTK_A11Y=none, GSK_RENDERER=cairo); without a display every test is
 * skipped. The last test renders the preview to import-preview.png in the build folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pacta-import-preview.h"
#include "pacta-validator.h"
#include "pacta-akn-writer.h"

static gboolean have_display;

/* A scanned text after OCR: "Article 5" came out as "Artlcle 5", and a reference to
 * "Article 5" of another instrument stands alone on a line, in sequence. The detector takes
 * the reference for the header: the user merges it away and splits at the real one. */
static const char document[] =
  "BILATERAL AGREEMENT BETWEEN THE REPUBLIC OF NORVALE AND THE FEDERAL REPUBLIC OF CORVANIA\n"
  "ON SEASONAL WORK IN AGRICULTURE\n"
  "\n"
  "The Republic of Norvale and the Federal Republic of Corvania, hereinafter \"the Parties\",\n"
  "Wishing to organise seasonal work in agriculture in a safe, orderly and regular manner,\n"
  "Have agreed as follows:\n"
  "\n"
  "Article 1\nObjective\n"
  "This Agreement governs the admission, employment and return of seasonal workers from Norvale.\n"
  "\n"
  "Article 2\nDefinitions\n"
  "For the purposes of this Agreement:\n"
  "(a) \"seasonal worker\" means a national of Norvale admitted for seasonal work;\n"
  "(b) \"employer\" means an agricultural holding in Corvania.\n"
  "\n"
  "Article 3\nSelection\n"
  "1. Norvale shall pre-select candidates among the applicants registered with its employment service.\n"
  "2. Corvania shall decide on admission within thirty days.\n"
  "\n"
  "Article 4\nWages\n"
  "Wages shall be paid monthly into the worker's account. The rules on deductions in\n"
  "\n"
  "Article 5\n"
  "\n"
  "of the Labour Code of Corvania apply to seasonal workers.\n"
  "\n"
  "Artlcle 5\nWorking hours\n"
  "Working hours shall not exceed forty-eight hours a week, overtime included.\n"
  "\n"
  "Article 6\nAccommodation\n"
  "The employer shall provide decent accommodation at a reasonable cost.\n"
  "\n"
  "Article 7\nEntry into force\n"
  "This Agreement shall enter into force on the first day of the month following its signature.\n"
  "\n"
  "Done at Norvale City on 30 September 2020, in duplicate.\n"
  "For the Republic of Norvale\n"
  "For the Federal Republic of Corvania\n";

static PactaImportDraft *
make_draft (void)
{
  g_autoptr(PactaImportSource) source = pacta_import_source_new_from_text (document, "ocr.txt");
  g_autoptr(GError) error = NULL;
  PactaImportDraft *draft = pacta_import_draft_new (source, NULL, &error);

  g_assert_no_error (error);
  return draft;
}

static guint
find_line (PactaImportDraft *draft,
           const char       *text)
{
  for (guint i = 0; i < pacta_import_draft_get_n_lines (draft); i++)
    if (g_str_equal (pacta_import_draft_get_line (draft, i)->text, text))
      return i;
  g_assert_not_reached ();
  return 0;
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_property (void)
{
  GtkWidget *preview;
  g_autoptr(PactaImportDraft) draft = NULL;
  guint count = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  preview = g_object_ref_sink (pacta_import_preview_new ());
  draft = make_draft ();
  g_signal_connect (preview, "notify::draft", G_CALLBACK (notify_cb), &count);

  pacta_import_preview_set_draft (PACTA_IMPORT_PREVIEW (preview), draft);
  g_assert_cmpuint (count, ==, 1);
  pacta_import_preview_set_draft (PACTA_IMPORT_PREVIEW (preview), draft);
  g_assert_cmpuint (count, ==, 1);
  g_object_set (preview, "draft", NULL, NULL);
  g_assert_cmpuint (count, ==, 2);
  g_assert_null (pacta_import_preview_get_draft (PACTA_IMPORT_PREVIEW (preview)));

  g_assert_finalize_object (preview);
}

static void
imported_cb (PactaImportPreview  *preview,
             PactaAgreement      *agreement,
             PactaAgreement     **out)
{
  g_set_object (out, agreement);
}

static void
save_png (GtkWidget  *window,
          GtkWidget  *widget,
          const char *path)
{
  GdkPaintable *paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderNode *node;
  GdkTexture *texture;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));

  /* Not a blank image: the pixels differ. */
  {
    gsize stride = width * 4;
    g_autofree guchar *pixels = g_malloc (stride * height);
    gboolean varied = FALSE;

    gdk_texture_download (texture, pixels, stride);
    for (gsize i = 4; i < stride * height && !varied; i += 4)
      varied = memcmp (pixels, pixels + i, 4) != 0;
    g_assert_true (varied);
  }
  g_object_unref (texture);
  gsk_render_node_unref (node);
  g_object_unref (paintable);
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

      if (found)
        return found;
    }
  return NULL;
}

static void
wait (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_fix_boundary (void)
{
  GtkWidget *window;
  PactaImportPreview *preview;
  g_autoptr(PactaImportDraft) draft = NULL;
  g_autoptr(PactaAgreement) agreement = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  PactaImportNode *wrong, *fixed;
  guint stray, real;
  g_autofree char *png = NULL;
  static const char * const headings[] = {
    "Objective", "Definitions", "Selection", "Wages", "Working hours", "Accommodation", "Entry into force"
  };

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  draft = make_draft ();
  stray = find_line (draft, "Article 5");
  real = find_line (draft, "Artlcle 5");

  /* What was detected: the stray reference is Article 5, the real one is lost in it. */
  wrong = pacta_import_draft_get_node_at_line (draft, stray);
  g_assert_nonnull (wrong);
  g_assert_cmpstr (pacta_import_node_get_num (wrong), ==, "Article 5");
  g_assert_null (pacta_import_draft_get_node_at_line (draft, real));

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  preview = PACTA_IMPORT_PREVIEW (pacta_import_preview_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (preview));
  pacta_import_preview_set_draft (preview, draft);
  g_signal_connect (preview, "imported", G_CALLBACK (imported_cb), &agreement);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (GTK_WIDGET (preview));
  gtk_test_widget_wait_for_draw (window);

  /* Select the wrong boundary in the tree and merge it into Article 4. */
  pacta_import_preview_select_node (preview, wrong);
  {
    g_autoptr(PactaImportNode) selected = pacta_import_preview_get_selected_node (preview);
    g_assert_true (selected == wrong);
  }
  g_assert_cmpint (pacta_import_preview_get_selected_line (preview), ==, stray);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.merge", NULL));
  g_assert_null (pacta_import_draft_get_node_at_line (draft, stray));
  g_assert_cmpuint (pacta_import_draft_count (draft, PACTA_IMPORT_NODE_ARTICLE), ==, 6);

  /* Select the real header line in the source text and split there. */
  pacta_import_preview_select_line (preview, real);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.split", NULL));
  fixed = pacta_import_draft_get_node_at_line (draft, real);
  g_assert_nonnull (fixed);
  g_assert_cmpint (pacta_import_node_get_kind (fixed), ==, PACTA_IMPORT_NODE_ARTICLE);
  {
    g_autoptr(PactaImportNode) selected = pacta_import_preview_get_selected_node (preview);
    g_assert_true (selected == fixed);
  }

  /* The OCR typo: relabel it in the fields under the tree; typing the heading that stands
   * on the next line takes that line into the header. */
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (preview), "num-entry")), "Article 5");
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (preview), "heading-entry")), "Working hours");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.relabel", NULL));
  g_assert_cmpstr (pacta_import_node_get_num (fixed), ==, "Article 5");
  g_assert_cmpint (pacta_import_node_get_value (fixed), ==, 5);
  g_assert_cmpuint (pacta_import_node_get_header_lines (fixed), ==, 2);

  /* Import: the agreement has the seven articles, in order, and validates. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.import", NULL));
  g_assert_nonnull (agreement);
  articles = pacta_agreement_collect_articles (agreement);
  g_assert_cmpuint (articles->len, ==, 7);
  for (guint i = 0; i < articles->len; i++)
    {
      PactaProvision *article = g_ptr_array_index (articles, i);
      g_autofree char *num = g_strdup_printf ("Article %u", i + 1);

      g_assert_cmpstr (pacta_provision_get_num (article), ==, num);
      g_assert_cmpstr (pacta_provision_get_heading (article), ==, headings[i]);
    }
  {
    g_autofree char *wages = pacta_provision_dup_full_text (g_ptr_array_index (articles, 3));
    g_autofree char *xml = pacta_akn_to_string (agreement);
    g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
    g_autoptr(GPtrArray) problems = pacta_validate_bytes (bytes, "preview.akn.xml", NULL);

    g_assert_nonnull (strstr (wages, "of the Labour Code of Corvania apply"));
    g_assert_cmpuint (problems->len, ==, 0);
  }

  /* A picture of the corrected preview, with the fixed article selected. */
  pacta_import_preview_select_node (preview, fixed);
  wait (300);
  gtk_test_widget_wait_for_draw (window);
  png = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".", "import-preview.png", NULL);
  save_png (window, window, png);
  g_test_message ("rendered %s", png);

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

  g_test_add_func ("/import-preview/draft-property", test_property);
  g_test_add_func ("/import-preview/fix-boundary", test_fix_boundary);

  return g_test_run ();
}
