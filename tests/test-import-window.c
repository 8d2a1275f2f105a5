/* test-import-window.c — importing documents in the window, driven headless under Xvfb
 *
 * The window's own code path, from a GFile to an agreement opened in Read: the reading
 * thread, the modal import dialog with the preview, corrections through the preview's
 * actions, Import (saved under a temporary $XDG_DATA_HOME), and the refusals. Only the file
 * chooser is bypassed. Without a display every test is skipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pacta-akn-reader.h"
#include "pacta-data.h"
#include "pacta-application.h"
#include "pacta-import.h"
#include "pacta-validator.h"
#include "pacta-window-private.h"
#include "test-helpers.h"

#define WINDOW_WIDTH  1280
#define WINDOW_HEIGHT 800

static PactaApplication *app;
static char *data_home;

/* ---- Helpers ------------------------------------------------------------------------------ */

static PactaWindow *
create_window (void)
{
  PactaWindow *window = pacta_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), WINDOW_WIDTH, WINDOW_HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  /* The library (under the temporary $XDG_DATA_HOME) starts with the samples */
  if (_pacta_window_get_library (window) != NULL && _pacta_window_count_agreements (window) == 0)
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

static char *
agreements_dir (void)
{
  return g_build_filename (data_home, "pacta", "agreements", NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The files in the import folder, sorted, as one string ("" when none). */
static char *
list_agreements (void)
{
  g_autofree char *dir = agreements_dir ();
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (handle && (name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
empty_agreements_dir (void)
{
  g_autofree char *dir = agreements_dir ();
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
}

static void
assert_nothing_saved (void)
{
  g_autofree char *listing = list_agreements ();

  g_assert_cmpstr (listing, ==, "");
}

static PactaImportNode *
find_node (PactaImportDraft *draft,
           const char       *num)
{
  GListModel *nodes = pacta_import_draft_get_nodes (draft);

  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(PactaImportNode) node = g_list_model_get_item (nodes, i);

      if (g_strcmp0 (pacta_import_node_get_num (node), num) == 0)
        return node; /* the draft keeps it */
    }
  return NULL;
}

static guint
count_articles (PactaAgreement *agreement)
{
  g_autoptr(GPtrArray) articles = pacta_agreement_collect_articles (agreement);

  return articles->len;
}

static gboolean
has_article (PactaAgreement *agreement,
             const char     *num)
{
  g_autoptr(GPtrArray) articles = pacta_agreement_collect_articles (agreement);

  for (guint i = 0; i < articles->len; i++)
    if (g_strcmp0 (pacta_provision_get_num (g_ptr_array_index (articles, i)), num) == 0)
      return TRUE;
  return FALSE;
}

static PactaImportDialog *
import_fixture (PactaWindow *window,
                const char  *name)
{
  g_autofree char *path = data_path ("import", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PactaImportDialog *dialog = _pacta_importer_import_file_sync (_pacta_window_get_importer (window), file);

  run_for (100);
  return dialog;
}

/* Import in the dialog, then wait until the window has opened what was saved. */
static const char *
press_import (PactaWindow       *window,
              PactaImportDialog *dialog)
{
  PactaImporter *importer = _pacta_window_get_importer (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.save", NULL));
  g_assert_null (_pacta_importer_get_dialog (importer));
  while (_pacta_window_get_n_pending (window) > 0)
    g_main_context_iteration (NULL, TRUE);
  run_for (100);
  return _pacta_importer_get_last_saved (importer);
}

/* What was saved: in the data folder, valid, and the agreement the window shows. */
static PactaAgreement *
check_saved (PactaWindow *window,
             const char  *saved)
{
  g_autofree char *dir = agreements_dir ();
  g_autofree char *saved_dir = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  PactaDocumentType type = PACTA_DOCUMENT_UNKNOWN;
  PactaAgreement *shown;

  g_assert_nonnull (saved);
  saved_dir = g_path_get_dirname (saved);
  g_assert_cmpstr (saved_dir, ==, dir);
  g_assert_true (g_str_has_suffix (saved, ".akn.xml"));
  problems = pacta_validate_file (saved, &type);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (type, ==, PACTA_DOCUMENT_AGREEMENT);

  /* Selected in the sidebar, shown in Read */
  g_assert_cmpint (_pacta_window_get_page (window), ==, PACTA_WINDOW_PAGE_AGREEMENT);
  g_assert_cmpstr (_pacta_window_get_view (window), ==, "read");
  shown = _pacta_window_get_agreement (window);
  g_assert_nonnull (shown);
  /* With a library the agreement shown is the library's copy of the saved file. */
  if (pacta_agreement_get_path (shown) != NULL)
    g_assert_cmpstr (pacta_agreement_get_path (shown), ==, saved);
  else
    {
      g_autoptr(PactaAgreement) on_disk = pacta_akn_load_file (saved, NULL);

      g_assert_nonnull (on_disk);
      g_assert_cmpstr (pacta_agreement_get_work_uri (shown), ==, pacta_agreement_get_work_uri (on_disk));
      g_assert_cmpstr (pacta_agreement_get_title (shown), ==, pacta_agreement_get_title (on_disk));
    }
  return shown;
}

/* ---- Tests -------------------------------------------------------------------------------- */

/* A Word document: the preview shows the detected articles; one wrong boundary is merged
 * away; Import saves a valid file with the fixed structure and opens it. */
static void
test_docx_merge (void)
{
  PactaWindow *window = create_window ();
  PactaImportDialog *dialog;
  PactaImportPreview *preview;
  PactaImportDraft *draft;
  PactaImportNode *article_8;
  PactaAgreement *shown;
  guint n_agreements = _pacta_window_count_agreements (window);
  const char *saved;
  g_autofree char *basename = NULL;

  empty_agreements_dir ();
  dialog = import_fixture (window, "ssa-tessaly-marrow.docx");
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Import “ssa-tessaly-marrow.docx”");

  /* The preview, with what was detected */
  preview = pacta_import_dialog_get_preview (dialog);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (preview)));
  draft = pacta_import_dialog_get_draft (dialog);
  g_assert_nonnull (draft);
  g_assert_true (pacta_import_preview_get_draft (preview) == draft);
  g_assert_cmpuint (pacta_import_draft_count (draft, PACTA_IMPORT_NODE_ARTICLE), ==, 14);
  g_assert_false (pacta_import_dialog_get_modified (dialog));

  /* Say Article 8 should not have been a boundary: select it, merge it into Article 7. */
  article_8 = find_node (draft, "Article 8");
  g_assert_nonnull (article_8);
  pacta_import_preview_select_node (preview, article_8);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.merge", NULL));
  g_assert_cmpuint (pacta_import_draft_count (draft, PACTA_IMPORT_NODE_ARTICLE), ==, 13);
  g_assert_null (find_node (draft, "Article 8"));
  g_assert_true (pacta_import_dialog_get_modified (dialog));
  /* Nothing is written before Import */
  assert_nothing_saved ();

  saved = press_import (window, dialog);
  basename = g_path_get_basename (saved);
  g_assert_cmpstr (basename, ==, "xt-xm-ssa-2019.akn.xml");
  shown = check_saved (window, saved);
  g_assert_cmpuint (_pacta_window_count_agreements (window), ==, n_agreements + 1);

  /* The fixed structure, as read back from the file */
  g_assert_cmpuint (count_articles (shown), ==, 13);
  g_assert_true (has_article (shown, "Article 7"));
  g_assert_false (has_article (shown, "Article 8"));
  g_assert_true (has_article (shown, "Article 9"));
  g_assert_cmpstr (pacta_agreement_get_title (shown), ==,
                   "Agreement on Social Security between the Republic of Tessaly and the Kingdom of Marrow");
  g_assert_cmpstr (_pacta_window_get_title_text (window), ==, pacta_agreement_get_display_title (shown));

  destroy_window (window);
}

/* A PDF (read page by page in the thread): a boundary the detection missed is split in. */
static void
test_pdf_split (void)
{
  PactaWindow *window = create_window ();
  PactaImportDialog *dialog;
  PactaImportPreview *preview;
  PactaImportDraft *draft;
  PactaImportNode *article_5;
  PactaAgreement *shown;
  guint line;
  g_autofree char *listing = NULL;
  const char *saved;

  empty_agreements_dir ();
  dialog = import_fixture (window, "ssa-tessaly-marrow.pdf");
  g_assert_nonnull (dialog);
  preview = pacta_import_dialog_get_preview (dialog);
  draft = pacta_import_dialog_get_draft (dialog);
  g_assert_cmpuint (pacta_import_source_get_n_pages (pacta_import_draft_get_source (draft)), ==, 5);
  g_assert_cmpuint (pacta_import_draft_count (draft, PACTA_IMPORT_NODE_ARTICLE), ==, 14);

  /* Make the detection miss Article 5 (merged into Article 4) … */
  article_5 = find_node (draft, "Article 5");
  g_assert_nonnull (article_5);
  line = pacta_import_node_get_first_line (article_5);
  pacta_import_preview_select_node (preview, article_5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.merge", NULL));
  g_assert_null (pacta_import_draft_get_node_at_line (draft, line));
  g_assert_cmpuint (pacta_import_draft_count (draft, PACTA_IMPORT_NODE_ARTICLE), ==, 13);

  /* … and fix it as a user would: select its line in the source text, Split. */
  pacta_import_preview_select_line (preview, line);
  g_assert_cmpint (pacta_import_preview_get_selected_line (preview), ==, (int) line);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.split", NULL));
  article_5 = pacta_import_draft_get_node_at_line (draft, line);
  g_assert_nonnull (article_5);
  g_assert_cmpint (pacta_import_node_get_kind (article_5), ==, PACTA_IMPORT_NODE_ARTICLE);
  g_assert_cmpstr (pacta_import_node_get_num (article_5), ==, "Article 5");
  g_assert_cmpuint (pacta_import_draft_count (draft, PACTA_IMPORT_NODE_ARTICLE), ==, 14);

  saved = press_import (window, dialog);
  shown = check_saved (window, saved);
  g_assert_cmpuint (count_articles (shown), ==, 14);
  g_assert_true (has_article (shown, "Article 4"));
  g_assert_true (has_article (shown, "Article 5"));
  listing = list_agreements ();
  g_assert_cmpstr (listing, ==, "xt-xm-ssa-2019.akn.xml");

  destroy_window (window);
}

/* The same agreement twice: a second file, the first one untouched. */
static void
test_never_overwrites (void)
{
  PactaWindow *window = create_window ();
  PactaImportDialog *dialog;
  g_autofree char *first = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *listing = NULL;
  const char *second;

  empty_agreements_dir ();
  dialog = import_fixture (window, "ssa-tessaly-marrow.docx");
  first = g_strdup (press_import (window, dialog));
  g_assert_true (g_file_get_contents (first, &before, NULL, NULL));

  dialog = import_fixture (window, "ssa-tessaly-marrow.odt");
  g_assert_nonnull (dialog);
  second = press_import (window, dialog);
  g_assert_cmpstr (second, !=, first);
  check_saved (window, second);
  g_assert_true (g_file_get_contents (first, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  listing = list_agreements ();
  g_assert_cmpstr (listing, ==, "xt-xm-ssa-2019-2.akn.xml xt-xm-ssa-2019.akn.xml");

  destroy_window (window);
}

/* Encrypted and scanned PDFs, a corrupt Word file, an unknown format: the file and the
 * reason in a dialog, nothing written, nothing else changed. */
static void
test_bad_files (void)
{
  static const struct {
    const char *name;
    const char *reason;
  } cases[] = {
    { "bad-encrypted.pdf", "encrypted with a password" },
    { "bad-scanned.pdf", "no text layer" },
    { "bad-corrupt.docx", "not a valid ZIP archive" },
  };
  PactaWindow *window = create_window ();
  g_autofree char *sample = sample_path ("xa-xb-ssa-2019.akn.xml");
  PactaAgreement *agreement;
  guint n_agreements;

  empty_agreements_dir ();
  g_assert_true (_pacta_window_select_path (window, sample));
  run_for (50);
  agreement = _pacta_window_get_agreement (window);
  n_agreements = _pacta_window_count_agreements (window);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *heading = g_strdup_printf ("Could Not Import “%s”", cases[i].name);
      g_autofree char *listing = NULL;
      PactaImportDialog *dialog;
      GtkWindow *error_dialog;
      const char *body;

      dialog = import_fixture (window, cases[i].name);
      g_assert_null (dialog);
      g_assert_null (_pacta_importer_get_dialog (_pacta_window_get_importer (window)));

      error_dialog = _pacta_window_get_error_dialog (window);
      g_assert_nonnull (error_dialog);
      g_assert_true (ADW_IS_MESSAGE_DIALOG (error_dialog));
      g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (error_dialog)), ==, heading);
      body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (error_dialog));
      g_test_message ("%s: %s", cases[i].name, body);
      g_assert_nonnull (strstr (body, cases[i].name));
      g_assert_nonnull (strstr (body, cases[i].reason));
      g_assert_null (strstr (body, ":0:0:"));
      g_assert_nonnull (strstr (body, "Nothing was saved"));
      g_assert_nonnull (strstr (_pacta_window_get_last_error (window), cases[i].reason));
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (error_dialog), "close");
      run_for (50);
      g_assert_null (_pacta_window_get_error_dialog (window));

      listing = list_agreements ();
      g_assert_cmpstr (listing, ==, "");
      g_assert_cmpuint (_pacta_window_count_agreements (window), ==, n_agreements);
      g_assert_true (_pacta_window_get_agreement (window) == agreement);
    }

  /* Word's old format, opened or dropped: import says what to do, the XML reader is not tried */
  {
    g_autofree char *dir = g_dir_make_tmp ("pacta-import-window-XXXXXX", NULL);
    g_autofree char *rtf = g_build_filename (dir, "memo.rtf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (rtf);
    GtkWindow *error_dialog;

    g_assert_true (g_file_set_contents (rtf, "{\\rtf1\\ansi Article 1}", -1, NULL));
    pacta_window_open_file (window, file);
    g_assert_cmpuint (_pacta_window_get_n_pending (window), ==, 0);
    _pacta_importer_wait (_pacta_window_get_importer (window));
    run_for (100);
    error_dialog = _pacta_window_get_error_dialog (window);
    g_assert_nonnull (error_dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (error_dialog)), ==, "Could Not Import “memo.rtf”");
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (error_dialog)), "save the document as .docx"));
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (error_dialog), "close");
    run_for (50);
    assert_nothing_saved ();
    g_assert_true (_pacta_window_get_agreement (window) == agreement);
    g_unlink (rtf);
    g_rmdir (dir);
  }

  destroy_window (window);
}

/* Opening a document that is not Akoma Ntoso imports it, even with no telling name. */
static void
test_open_routes_to_import (void)
{
  PactaWindow *window = create_window ();
  PactaImporter *importer = _pacta_window_get_importer (window);
  g_autofree char *dir = g_dir_make_tmp ("pacta-import-window-XXXXXX", NULL);
  g_autofree char *pdf = data_path ("import", "blma-art-dot.pdf", NULL);
  g_autofree char *bare = g_build_filename (dir, "from-the-ministry", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  PactaImportDialog *dialog;
  gsize length;
  guint n_agreements = _pacta_window_count_agreements (window);

  empty_agreements_dir ();
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (bare, contents, length, NULL));
  file = g_file_new_for_path (bare);

  pacta_window_open_file (window, file);
  g_assert_cmpuint (_pacta_window_get_n_pending (window), ==, 0); /* not loaded as XML */
  _pacta_importer_wait (importer);
  run_for (100);
  g_assert_null (_pacta_window_get_error_dialog (window));
  dialog = _pacta_importer_get_dialog (importer);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (pacta_import_draft_count (pacta_import_dialog_get_draft (dialog), PACTA_IMPORT_NODE_ARTICLE), ==, 10);

  /* Cancel, unchanged: the dialog closes without asking, nothing is written. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL));
  run_for (50);
  g_assert_null (_pacta_importer_get_dialog (importer));
  assert_nothing_saved ();
  g_assert_cmpuint (_pacta_window_count_agreements (window), ==, n_agreements);

  destroy_window (window);
  g_unlink (bare);
  g_rmdir (dir);
}

/* Cancel while reading stops the thread's work; Cancel after corrections asks first. */
static void
test_cancel (void)
{
  PactaWindow *window = create_window ();
  PactaImporter *importer = _pacta_window_get_importer (window);
  g_autofree char *pdf = data_path ("import", "unts-facing.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  PactaImportDialog *dialog;
  PactaImportPreview *preview;
  GtkWindow *confirm = NULL;
  GListModel *toplevels;

  empty_agreements_dir ();

  /* While reading: the progress page, and Cancel ends it. */
  _pacta_importer_set_show_delay (importer, 0);
  pacta_importer_import_file (importer, file);
  g_assert_true (_pacta_importer_is_reading (importer));
  dialog = _pacta_importer_get_dialog (importer);
  g_assert_nonnull (dialog);
  g_assert_null (pacta_import_dialog_get_draft (dialog));
  /* Import does nothing before there is something to import */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.save", NULL);
  g_assert_true (_pacta_importer_get_dialog (importer) == dialog);
  assert_nothing_saved ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL));
  g_assert_null (_pacta_importer_get_dialog (importer));
  g_assert_false (_pacta_importer_is_reading (importer));
  run_for (300);
  g_assert_null (_pacta_importer_get_dialog (importer));
  g_assert_null (_pacta_window_get_error_dialog (window));

  /* After a correction: Cancel asks; Keep Editing keeps the dialog, Discard closes it. */
  dialog = _pacta_importer_import_file_sync (importer, file);
  g_assert_nonnull (dialog);
  preview = pacta_import_dialog_get_preview (dialog);
  pacta_import_preview_select_node (preview, find_node (pacta_import_dialog_get_draft (dialog), "Article 3"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.demote", NULL));
  g_assert_true (pacta_import_dialog_get_modified (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL));
  run_for (100);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (dialog))
        confirm = toplevel;
    }
  g_assert_nonnull (confirm);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "keep");
  run_for (50);
  g_assert_true (_pacta_importer_get_dialog (importer) == dialog);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL));
  run_for (100);
  confirm = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (dialog))
        confirm = toplevel;
    }
  g_assert_nonnull (confirm);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "discard");
  run_for (50);
  g_assert_null (_pacta_importer_get_dialog (importer));
  assert_nothing_saved ();

  destroy_window (window);
}

static GtkWidget *
find_first (GtkWidget *root,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
find_message_over (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel; /* the toplevels list keeps it */
    }
  return NULL;
}

/* A text with no title, no parties: the preview shows empty fields; the title typed there
 * goes into the agreement and names the file. */
static void
test_untitled_text (void)
{
  PactaWindow *window = create_window ();
  g_autofree char *dir = g_dir_make_tmp ("pacta-import-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PactaImportDialog *dialog;
  PactaAgreement *shown;
  g_autofree char *basename = NULL;
  const char *saved;

  empty_agreements_dir ();
  g_assert_true (g_file_set_contents (path,
                                      "Article 1\nScope\nThis applies to seasonal workers.\n\n"
                                      "Article 2\nEntry into force\nThis enters into force on signature.\n", -1, NULL));
  dialog = _pacta_importer_import_file_sync (_pacta_window_get_importer (window), file);
  g_assert_nonnull (dialog);
  g_assert_null (pacta_import_draft_get_title (pacta_import_dialog_get_draft (dialog)));
  g_assert_cmpuint (pacta_import_draft_count (pacta_import_dialog_get_draft (dialog), PACTA_IMPORT_NODE_ARTICLE), ==, 2);

  /* Typed in the Title field */
  pacta_import_draft_set_title (pacta_import_dialog_get_draft (dialog), NULL);
  {
    /* the first entry in the preview is the title's */
    GtkWidget *entry = find_first (GTK_WIDGET (pacta_import_dialog_get_preview (dialog)), GTK_TYPE_ENTRY);

    g_assert_nonnull (entry);
    gtk_editable_set_text (GTK_EDITABLE (entry), "Seasonal Work Memo");
  }
  g_assert_cmpstr (pacta_import_draft_get_title (pacta_import_dialog_get_draft (dialog)), ==, "Seasonal Work Memo");

  saved = press_import (window, dialog);
  basename = g_path_get_basename (saved);
  g_assert_cmpstr (basename, ==, "seasonal-work-memo.akn.xml");
  shown = check_saved (window, saved);
  g_assert_cmpstr (pacta_agreement_get_title (shown), ==, "Seasonal Work Memo");
  g_assert_cmpuint (count_articles (shown), ==, 2);

  destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* Saving fails (the data folder cannot be made): said over the import dialog, which stays
 * open with the corrections; Import works once the folder can be made. */
static void
test_save_error (void)
{
  PactaWindow *window = create_window ();
  PactaImporter *importer = _pacta_window_get_importer (window);
  g_autofree char *dir = agreements_dir ();
  PactaImportDialog *dialog;
  GtkWindow *message;
  const char *saved;

  empty_agreements_dir ();
  g_rmdir (dir);
  g_assert_true (g_file_set_contents (dir, "in the way", -1, NULL));

  dialog = import_fixture (window, "blma-autonumber.docx");
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.save", NULL));
  run_for (100);
  g_assert_true (_pacta_importer_get_dialog (importer) == dialog);
  g_assert_null (_pacta_importer_get_last_saved (importer));
  message = find_message_over (GTK_WINDOW (dialog));
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), ==, "The Agreement Was Not Saved");
  g_test_message ("%s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)), dir));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (message), "close");
  run_for (50);

  g_unlink (dir);
  saved = press_import (window, dialog);
  check_saved (window, saved);

  destroy_window (window);
}

/* Ctrl+I, the menu and the header button reach the same action. */
static void
test_action (void)
{
  PactaWindow *window = create_window ();
  GtkWidget *popover;
  g_autoptr(GMenuModel) menu = NULL;
  gboolean found = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  run_for (200);
  /* A second Import… while the chooser is open shows the same chooser */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  run_for (50);

  popover = _pacta_window_popup_primary_menu (window);
  menu = g_object_ref (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)));
  for (guint i = 0; i < (guint) g_menu_model_get_n_items (menu) && !found; i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (guint j = 0; section && j < (guint) g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *action = NULL;
          g_autofree char *accel = NULL;

          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action);
          g_menu_model_get_item_attribute (section, j, "accel", "s", &accel);
          if (g_strcmp0 (action, "win.import") == 0)
            {
              g_assert_cmpstr (accel, ==, "<Control>i");
              found = TRUE;
            }
        }
    }
  g_assert_true (found);
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* The shortcuts window lists Ctrl+I (built, not shown: showing it warns on GTK 4.8) */
  {
    g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/pacta/Pacta/gtk/help-overlay.ui");
    GObject *help = gtk_builder_get_object (builder, "help_overlay");
    g_autofree char *xml = NULL;
    g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/pacta/Pacta/gtk/help-overlay.ui", 0, NULL);

    g_assert_true (GTK_IS_SHORTCUTS_WINDOW (help));
    xml = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    g_assert_nonnull (strstr (xml, "&lt;Control&gt;i<"));
    gtk_window_destroy (GTK_WINDOW (help));
  }

  destroy_window (window);
}

static void
skip_test (gconstpointer data)
{
  g_test_skip ("no display");
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  static const struct {
    const char *path;
    void (*func) (void);
  } tests[] = {
    { "/ui/import-window/docx-merge", test_docx_merge },
    { "/ui/import-window/pdf-split", test_pdf_split },
    { "/ui/import-window/never-overwrites", test_never_overwrites },
    { "/ui/import-window/bad-files", test_bad_files },
    { "/ui/import-window/open-routes-to-import", test_open_routes_to_import },
    { "/ui/import-window/cancel", test_cancel },
    { "/ui/import-window/untitled-text", test_untitled_text },
    { "/ui/import-window/save-error", test_save_error },
    { "/ui/import-window/action", test_action },
  };
  g_autoptr(GError) error = NULL;
  gboolean have_display;
  int status;

  /* Imports are saved under $XDG_DATA_HOME: a temporary one, set before GLib reads it. */
  data_home = g_dir_make_tmp ("pacta-data-home-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  g_assert_cmpstr (g_get_user_data_dir (), ==, data_home);

  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    {
      if (have_display)
        g_test_add_func (tests[i].path, tests[i].func);
      else
        g_test_add_data_func (tests[i].path, NULL, skip_test);
    }

  if (have_display)
    {
      app = pacta_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }

  status = g_test_run ();
  g_clear_object (&app);
  remove_tree (data_home);
  g_free (data_home);
  return status;
}
