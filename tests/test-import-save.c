/* test-import-save.c — what the window's import relies on, without a display: telling an
 * importable document from an Akoma Ntoso file, reading in a thread (progress, cancel),
 * naming and saving the result (valid, atomic, never over an existing file)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pacta-akn-reader.h"
#include "pacta-import.h"
#include "pacta-validator.h"
#include "test-helpers.h"

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pacta-import-save-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
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

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle && g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static char *
copy_to (const char *from,
         const char *dir,
         const char *name)
{
  g_autofree char *contents = NULL;
  gsize length;
  char *to = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
  return to;
}

/* Opening a file goes to import for documents, to the AKN reader for XML. */
static void
test_sniff (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *pdf = data_path ("import", "ssa-tessaly-marrow.pdf", NULL);
  g_autofree char *docx = data_path ("import", "ssa-tessaly-marrow.docx", NULL);
  g_autofree char *odt = data_path ("import", "ssa-tessaly-marrow.odt", NULL);
  g_autofree char *html = data_path ("import", "ssa-tessaly-marrow.html", NULL);
  g_autofree char *txt = data_path ("import", "ssa-tessaly-marrow.txt", NULL);
  g_autofree char *md = data_path ("import", "mou-markdown.md", NULL);
  g_autofree char *akn = sample_path ("xa-xb-ssa-2019.akn.xml");
  g_autofree char *pdf_bare = copy_to (pdf, dir, "scan-from-the-ministry");
  g_autofree char *docx_bare = copy_to (docx, dir, "draft.bin");
  g_autofree char *odt_bare = copy_to (odt, dir, "draft2");
  g_autofree char *html_bare = copy_to (html, dir, "page");
  g_autofree char *txt_bare = copy_to (txt, dir, "README");
  g_autofree char *akn_bare = copy_to (akn, dir, "agreement");
  g_autofree char *garbage = g_build_filename (dir, "garbage", NULL);
  static const char binary[] = { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0 };

  g_assert_true (g_file_set_contents (garbage, binary, sizeof binary, NULL));

  /* By extension */
  g_assert_cmpint (pacta_import_sniff_file (pdf), ==, PACTA_IMPORT_FORMAT_PDF);
  g_assert_cmpint (pacta_import_sniff_file (docx), ==, PACTA_IMPORT_FORMAT_DOCX);
  g_assert_cmpint (pacta_import_sniff_file (odt), ==, PACTA_IMPORT_FORMAT_ODT);
  g_assert_cmpint (pacta_import_sniff_file (html), ==, PACTA_IMPORT_FORMAT_HTML);
  g_assert_cmpint (pacta_import_sniff_file (txt), ==, PACTA_IMPORT_FORMAT_TEXT);
  g_assert_cmpint (pacta_import_sniff_file (md), ==, PACTA_IMPORT_FORMAT_MARKDOWN);
  g_assert_cmpint (pacta_import_sniff_file (akn), ==, PACTA_IMPORT_FORMAT_UNKNOWN);

  /* By content, when the name does not say */
  g_assert_cmpint (pacta_import_sniff_file (pdf_bare), ==, PACTA_IMPORT_FORMAT_PDF);
  g_assert_cmpint (pacta_import_sniff_file (docx_bare), ==, PACTA_IMPORT_FORMAT_DOCX);
  g_assert_cmpint (pacta_import_sniff_file (odt_bare), ==, PACTA_IMPORT_FORMAT_ODT);
  g_assert_cmpint (pacta_import_sniff_file (html_bare), ==, PACTA_IMPORT_FORMAT_HTML);
  g_assert_cmpint (pacta_import_sniff_file (txt_bare), ==, PACTA_IMPORT_FORMAT_TEXT);
  g_assert_cmpint (pacta_import_sniff_file (akn_bare), ==, PACTA_IMPORT_FORMAT_UNKNOWN);
  g_assert_cmpint (pacta_import_sniff_file (garbage), ==, PACTA_IMPORT_FORMAT_UNKNOWN);

  /* Word processors' own formats are not sniffed as text: the reader says what to do */
  {
    g_autofree char *rtf = g_build_filename (dir, "memo.rtf", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(PactaImportSource) source = NULL;

    g_assert_true (g_file_set_contents (rtf, "{\\rtf1\\ansi Article 1}", -1, NULL));
    g_assert_cmpint (pacta_import_sniff_file (rtf), ==, PACTA_IMPORT_FORMAT_UNKNOWN);
    source = pacta_import_read_file_full (rtf, pacta_import_sniff_file (rtf), NULL, NULL, NULL, &error);
    g_assert_null (source);
    g_assert_error (error, PACTA_ERROR, PACTA_ERROR_UNSUPPORTED);
    g_assert_nonnull (strstr (error->message, ".docx"));
  }

  /* A sniffed format reads the file whatever its name */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PactaImportSource) source = pacta_import_read_file_full (docx_bare, PACTA_IMPORT_FORMAT_DOCX,
                                                                        NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (pacta_import_source_get_format (source), ==, PACTA_IMPORT_FORMAT_DOCX);
  }

  remove_tree (dir);
}

static void
count_pages_cb (guint    done,
                guint    total,
                gpointer user_data)
{
  GArray *calls = user_data;
  guint pair[2] = { done, total };

  g_array_append_vals (calls, pair, 2);
}

/* The PDF reader says how far it got, page by page, and stops when cancelled. */
static void
test_progress_cancel (void)
{
  g_autofree char *pdf = data_path ("import", "ssa-tessaly-marrow.pdf", NULL);
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaImportSource) source = NULL;
  guint n_pages;

  source = pacta_import_read_file_full (pdf, PACTA_IMPORT_FORMAT_UNKNOWN, cancellable, count_pages_cb, calls, &error);
  g_assert_no_error (error);
  n_pages = pacta_import_source_get_n_pages (source);
  g_assert_cmpuint (n_pages, ==, 5);
  /* 0/5, 1/5 … 5/5 */
  g_assert_cmpuint (calls->len, ==, 2 * (n_pages + 1));
  for (guint i = 0; i <= n_pages; i++)
    {
      g_assert_cmpuint (g_array_index (calls, guint, 2 * i), ==, i);
      g_assert_cmpuint (g_array_index (calls, guint, 2 * i + 1), ==, n_pages);
    }
  g_clear_object (&source);

  g_cancellable_cancel (cancellable);
  source = pacta_import_read_file_full (pdf, PACTA_IMPORT_FORMAT_UNKNOWN, cancellable, NULL, NULL, &error);
  g_assert_null (source);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static PactaAgreement *
import_agreement (const char *name)
{
  g_autofree char *path = data_path ("import", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaImportDraft) draft = pacta_import_file (path, NULL, &error);

  g_assert_no_error (error);
  return pacta_import_draft_build_agreement (draft);
}

static void
test_file_name (void)
{
  g_autoptr(PactaAgreement) ssa = import_agreement ("ssa-tessaly-marrow.docx");
  g_autoptr(PactaAgreement) convenio = import_agreement ("es-convenio-domestico.docx");
  g_autoptr(PactaAgreement) bare = pacta_agreement_new ();
  g_autofree char *name = NULL;

  name = pacta_import_suggest_file_name (ssa, "/tmp/ssa-tessaly-marrow.docx");
  g_assert_cmpstr (name, ==, "xt-xm-ssa-2019.akn.xml");
  g_free (name);
  name = pacta_import_suggest_file_name (convenio, NULL);
  g_assert_cmpstr (name, ==, "xs-xo-blma-2023.akn.xml");
  g_free (name);

  /* No parties: the title's first words, in ASCII */
  pacta_agreement_set_title (bare, "Acuerdo sobre Migración Laboral entre la República de Selvara y el Reino de Ostravia");
  name = pacta_import_suggest_file_name (bare, "/tmp/x.pdf");
  g_assert_true (g_str_has_prefix (name, "acuerdo-sobre-migracion-laboral-"));
  g_assert_true (g_str_has_suffix (name, ".akn.xml"));
  g_assert_cmpuint (strlen (name), <=, 48 + strlen (".akn.xml"));
  g_assert_null (strstr (name, "--"));
  g_free (name);

  /* Nothing at all: the source's name */
  pacta_agreement_set_title (bare, NULL);
  name = pacta_import_suggest_file_name (bare, "/home/me/Downloads/Draft MOU (v3).docx");
  g_assert_cmpstr (name, ==, "draft-mou-v3.akn.xml");
  g_free (name);
  name = pacta_import_suggest_file_name (bare, NULL);
  g_assert_cmpstr (name, ==, "agreement.akn.xml");
}

/* Saved where asked, valid, under a new name each time; an existing file is left alone. */
static void
test_save_new (void)
{
  g_autofree char *root = make_tmp_dir ();
  g_autofree char *dir = g_build_filename (root, "pacta", "agreements", NULL);
  g_autoptr(PactaAgreement) agreement = import_agreement ("ssa-tessaly-marrow.pdf");
  g_autofree char *name = pacta_import_suggest_file_name (agreement, NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *taken = g_build_filename (dir, "xt-xm-ssa-2019-3.akn.xml", NULL);
  g_autofree char *third = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_1 = g_build_filename (dir, "xt-xm-ssa-2019.akn.xml", NULL);
  g_autofree char *expected_2 = g_build_filename (dir, "xt-xm-ssa-2019-2.akn.xml", NULL);
  g_autofree char *expected_4 = g_build_filename (dir, "xt-xm-ssa-2019-4.akn.xml", NULL);

  first = pacta_import_save_new (agreement, dir, name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, expected_1);

  /* What was written validates and reads back with the same structure */
  {
    g_autoptr(GPtrArray) problems = pacta_validate_file (first, NULL);
    g_autoptr(PactaAgreement) loaded = pacta_akn_load_file (first, &error);
    g_autoptr(GPtrArray) articles = NULL;

    g_assert_cmpuint (problems->len, ==, 0);
    g_assert_no_error (error);
    articles = pacta_agreement_collect_articles (loaded);
    g_assert_cmpuint (articles->len, ==, 14);
    g_assert_cmpstr (pacta_agreement_get_title (loaded), ==, pacta_agreement_get_title (agreement));
  }

  second = pacta_import_save_new (agreement, dir, name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, ==, expected_2);

  /* A file that is there already (even not ours) is skipped, not replaced */
  g_assert_true (g_file_set_contents (taken, "mine", -1, NULL));
  third = pacta_import_save_new (agreement, dir, name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (third, ==, expected_4);
  g_assert_true (g_file_get_contents (taken, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "mine");
  g_assert_cmpuint (count_files (dir), ==, 4);

  remove_tree (root);
}

/* An agreement that does not validate is not written, under any name. */
static void
test_save_invalid (void)
{
  g_autofree char *root = make_tmp_dir ();
  g_autofree char *dir = g_build_filename (root, "agreements", NULL);
  g_autofree char *as = g_build_filename (root, "chosen.akn.xml", NULL);
  g_autoptr(PactaAgreement) empty = pacta_agreement_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  path = pacta_import_save_new (empty, dir, "empty.akn.xml", &error);
  g_assert_null (path);
  g_assert_error (error, PACTA_ERROR, PACTA_ERROR_INVALID);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (pacta_import_save_as (empty, as, &error));
  g_assert_error (error, PACTA_ERROR, PACTA_ERROR_INVALID);
  g_assert_false (g_file_test (as, G_FILE_TEST_EXISTS));

  remove_tree (root);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-save/sniff", test_sniff);
  g_test_add_func ("/import-save/progress-cancel", test_progress_cancel);
  g_test_add_func ("/import-save/file-name", test_file_name);
  g_test_add_func ("/import-save/save-new", test_save_new);
  g_test_add_func ("/import-save/save-invalid", test_save_invalid);

  return g_test_run ();
}
