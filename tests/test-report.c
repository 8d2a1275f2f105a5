/* test-report.c — the briefing PDF (pages, text) and the pacta chart / pacta report commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "pacta-akn-reader.h"
#include "pacta-guideline-reader.h"
#include "pacta-matcher.h"
#include "pacta-report.h"
#include "test-helpers.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs `pacta ARGS…` with no display, as a user would. */
static void
run_pactav (Run         *run,
            const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  int wait_status = 0;

  g_assert_nonnull (g_getenv ("PACTA_BINARY"));
  g_ptr_array_add (argv, (gpointer) g_getenv ("PACTA_BINARY"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pacta-report-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static GPtrArray *
sample_coverages (void)
{
  static const char * const samples[] = {
    "xa-xb-ssa-2019.akn.xml", "xc-xn-ssa-draft-2025.akn.xml", "xa-xd-blma-2021.akn.xml", "xe-xh-mou-2019.akn.xml",
  };
  GPtrArray *coverages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) guideline_files = pacta_data_list_files ("guidelines");
  g_autoptr(GHashTable) guidelines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(PactaMatcher) matcher = pacta_matcher_new ();

  for (guint i = 0; i < guideline_files->len; i++)
    {
      PactaGuideline *guideline = pacta_guideline_load_file (g_ptr_array_index (guideline_files, i), NULL);
      g_assert_nonnull (guideline);
      g_hash_table_insert (guidelines, g_strdup (pacta_guideline_get_id (guideline)), guideline);
    }
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = sample_path (samples[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(PactaAgreement) agreement = pacta_akn_load_file (path, &error);
      const char * const *ids;

      g_assert_no_error (error);
      ids = pacta_coverage_suggested_guidelines (pacta_agreement_get_kind (agreement));
      for (guint g = 0; ids[g]; g++)
        g_ptr_array_add (coverages, pacta_matcher_check (matcher, agreement, g_hash_table_lookup (guidelines, ids[g])));
    }
  return coverages;
}

static char *
pdf_text (const char *pdf,
          int         first_page,
          int         last_page)
{
  g_autofree char *first = g_strdup_printf ("%d", first_page);
  g_autofree char *last = g_strdup_printf ("%d", last_page);
  const char *pages[] = { "pdftotext", "-enc", "UTF-8", "-f", first, "-l", last, pdf, "-", NULL };
  const char *all[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  const char **argv = last_page > 0 ? pages : all;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in the PDF's text", needle);
}

static void
test_report_pdf (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GPtrArray) coverages = sample_coverages ();
  g_autoptr(PactaReport) report = pacta_report_new ();
  g_autoptr(GDateTime) date = g_date_time_new_utc (2025, 6, 30, 12, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "brief.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *first_page = NULL;
  g_autofree char *last_footer = NULL;
  guint n_pages = 0, form_feeds = 0;

  for (guint i = 0; i < coverages->len; i++)
    pacta_report_add_coverage (report, g_ptr_array_index (coverages, i));
  pacta_report_set_title (report, "Test briefing on four agreements");
  pacta_report_set_date (report, date);
  g_assert_true (pacta_report_write (report, path, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, 6);
  g_assert_cmpuint (n_pages, <=, 30);

  if (pdftotext == NULL)
    {
      remove_dir (dir);
      g_test_skip ("pdftotext is not installed (Debian: poppler-utils)");
      return;
    }

  text = pdf_text (path, 1, 0);
  /* pdftotext ends every page with a form feed. */
  for (const char *p = text; *p; p++)
    form_feeds += *p == '\f';
  g_assert_cmpuint (form_feeds, ==, n_pages);

  /* The headings, in order. */
  {
    static const char * const headings[] = {
      "COVERAGE BRIEFING", "Key points", "Agreements covered", "Scores", "Charts", "Gaps, agreement by agreement",
    };
    const char *from = text;

    for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
      {
        const char *at = strstr (from, headings[i]);
        if (at == NULL)
          g_error ("heading “%s” missing or out of order", headings[i]);
        from = at;
      }
  }
  assert_contains (text, "Test briefing on four agreements");
  assert_contains (text, "30 June 2025");
  assert_contains (text, "XC–XN Social Security Agreement (draft, 2025)");
  assert_contains (text, "Estmark–Harlan Manpower MoU");
  /* Item titles of essential gaps, with the guideline's wording. */
  assert_contains (text, "Maintenance of acquired rights");
  assert_contains (text, "Employment injury benefit");
  assert_contains (text, "Guidance.");
  assert_contains (text, "Model wording.");
  assert_contains (text, "Evidence.");
  /* The charts' text is text too. */
  assert_contains (text, "Agreements over time");
  assert_contains (text, "Coverage across agreements");
  assert_contains (text, "Social security branches");

  first_page = pdf_text (path, 1, 1);
  assert_contains (first_page, "Page 1 of");
  last_footer = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  assert_contains (text, last_footer);
  remove_dir (dir);
}

/* PDFs hold NUL bytes: search all of them. */
static gboolean
bytes_contain (const char *data,
               gsize       size,
               const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= size; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_report_paper (void)
{
  g_autoptr(GPtrArray) coverages = sample_coverages ();
  const PactaPaper papers[] = { PACTA_PAPER_A4, PACTA_PAPER_LETTER };
  const char * const boxes[] = { "/MediaBox [ 0 0 595.276 841.89 ]", "/MediaBox [ 0 0 612 792 ]" };

  for (guint k = 0; k < G_N_ELEMENTS (papers); k++)
    {
      g_autoptr(PactaReport) report = pacta_report_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      gsize size;
      const char *data;
      guint n_pages = 0;

      pacta_report_add_coverage (report, g_ptr_array_index (coverages, 0));
      pacta_report_set_paper (report, papers[k]);
      bytes = pacta_report_render (report, &n_pages, &error);
      g_assert_no_error (error);
      data = g_bytes_get_data (bytes, &size);
      g_assert_true (size > 4 && memcmp (data, "%PDF", 4) == 0);
      g_assert_true (bytes_contain (data, size, boxes[k]));
    }
  {
    g_autoptr(PactaReport) empty = pacta_report_new ();
    g_autoptr(GError) error = NULL;

    g_assert_null (pacta_report_render (empty, NULL, &error));
    g_assert_nonnull (error);
  }
}

/* The commands */

static void
test_cli_chart_formats (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *ssa = sample_path ("xa-xb-ssa-2019.akn.xml");
  g_autofree char *draft = sample_path ("xc-xn-ssa-draft-2025.akn.xml");
  static const char * const types[] = { "bars", "radar", "heatmap", "timeline", "summary" };
  static const char * const extensions[] = { "png", "svg", "pdf" };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    for (guint e = 0; e < G_N_ELEMENTS (extensions); e++)
      {
        g_autofree char *name = g_strdup_printf ("%s.%s", types[t], extensions[e]);
        g_autofree char *out = g_build_filename (dir, name, NULL);
        const char *args[] = { "chart", "--type", types[t], "--theme", e == 1 ? "dark" : "light", ssa, draft, "-o", out, NULL };
        g_auto(Run) run = { 0 };
        gsize length = 0;
        g_autofree char *contents = NULL;

        run_pactav (&run, args);
        if (run.status != 0)
          g_error ("pacta chart --type %s failed: %s", types[t], run.err);
        g_assert_true (g_file_get_contents (out, &contents, &length, NULL));
        g_assert_cmpuint (length, >, 1000);
      }
  remove_dir (dir);
}

static void
test_cli_report_matrix (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "brief.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "matrix.csv", NULL);
  g_autofree char *json = g_build_filename (dir, "matrix.json", NULL);
  g_autofree char *a = sample_path ("xa-xb-ssa-2019.akn.xml");
  g_autofree char *b = sample_path ("xe-xh-mou-2019.akn.xml");
  const char *report_args[] = { "report", a, b, "--paper", "letter", "-o", pdf, "--matrix-csv", csv, "--matrix-json", json, NULL };
  const char *csv_args[] = { "check", "--format", "csv", a, b, NULL };
  const char *json_args[] = { "check", "--format", "json", a, b, NULL };
  g_auto(Run) report = { 0 };
  g_auto(Run) check_csv = { 0 };
  g_auto(Run) check_json = { 0 };
  g_autofree char *csv_text = NULL;
  g_autofree char *json_text = NULL;

  run_pactav (&report, report_args);
  g_assert_cmpint (report.status, ==, 0);
  g_assert_nonnull (strstr (report.out, "pages"));
  run_pactav (&check_csv, csv_args);
  run_pactav (&check_json, json_args);
  g_assert_true (g_file_get_contents (csv, &csv_text, NULL, NULL));
  g_assert_true (g_file_get_contents (json, &json_text, NULL, NULL));
  /* One serialisation: the report's matrices are pacta check's, byte for byte. */
  g_assert_cmpstr (csv_text, ==, check_csv.out);
  g_assert_cmpstr (json_text, ==, check_json.out);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  remove_dir (dir);
}

static void
test_cli_bad_inputs (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *good = sample_path ("xa-xb-ssa-2019.akn.xml");
  g_autofree char *bad = data_path ("bad", "malformed.akn.xml", NULL);
  g_autofree char *png = g_build_filename (dir, "out.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "brief.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no", "such", "folder", "out.png", NULL);
  g_autofree char *nowhere_pdf = g_build_filename (dir, "no", "such", "brief.pdf", NULL);
  g_autofree char *kept = g_build_filename (dir, "kept.png", NULL);
  static const char sentinel[] = "an earlier file that must survive";
  struct
  {
    const char *args[10];
    int         status;
    const char *message;
    const char *absent;
  } cases[] = {
    { { "chart", "--type", "pie", good, "-o", png, NULL }, 2, "unknown chart type “pie”", png },
    { { "chart", good, "-o", png, NULL }, 2, "--type", png },
    { { "chart", "--type", "bars", good, NULL }, 2, "-o", NULL },
    { { "chart", "--type", "bars", good, "-o", "out.gif", NULL }, 2, ".png, .svg or .pdf", "out.gif" },
    { { "chart", "--type", "bars", "--theme", "neon", good, "-o", png, NULL }, 2, "unknown theme", png },
    { { "chart", "--type", "bars", good, "-o", nowhere, NULL }, 1, "does not exist", nowhere },
    { { "chart", "--type", "bars", good, bad, "-o", png, NULL }, 1, "nothing written", png },
    { { "chart", "--type", "radar", "--guideline", "unnm-blma", good, "-o", png, NULL }, 2, "3 to 16 items", png },
    { { "chart", "--type", "bars", "--guideline", "no-such-guideline", good, "-o", png, NULL }, 2, "no-such-guideline", png },
    { { "chart", "--type", "bars", "--width", "5", good, "-o", png, NULL }, 2, "--width", png },
    { { "report", good, NULL }, 2, "-o", NULL },
    { { "report", good, "-o", png, NULL }, 2, ".pdf", png },
    { { "report", good, "--paper", "a3", "-o", pdf, NULL }, 2, "unknown paper", pdf },
    { { "report", good, "-o", nowhere_pdf, NULL }, 1, "does not exist", nowhere_pdf },
    { { "report", good, bad, "-o", pdf, NULL }, 1, "nothing written", pdf },
    { { "report", good, "-o", pdf, "--matrix-csv", nowhere, NULL }, 1, "does not exist", pdf },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_pactav (&run, cases[i].args);
      if (run.status != cases[i].status || strstr (run.err, cases[i].message) == NULL)
        g_error ("case %u (pacta %s %s …): status %d, stderr “%s”; expected %d and “%s”", i, cases[i].args[0],
                 cases[i].args[1], run.status, run.err, cases[i].status, cases[i].message);
      /* One clear line, no crash output. */
      g_assert_true (g_str_has_prefix (run.err, "pacta ") || strstr (run.err, ":") != NULL);
      if (cases[i].absent)
        g_assert_false (g_file_test (cases[i].absent, G_FILE_TEST_EXISTS));
    }

  /* A failed run leaves an existing file as it was. */
  {
    const char *args[] = { "chart", "--type", "bars", good, bad, "-o", kept, NULL };
    g_auto(Run) run = { 0 };
    g_autofree char *contents = NULL;

    g_assert_true (g_file_set_contents (kept, sentinel, -1, NULL));
    run_pactav (&run, args);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, sentinel);
  }
  remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/pdf/pages-and-text", test_report_pdf);
  g_test_add_func ("/report/pdf/paper", test_report_paper);
  g_test_add_func ("/report/cli/chart-formats", test_cli_chart_formats);
  g_test_add_func ("/report/cli/matrix", test_cli_report_matrix);
  g_test_add_func ("/report/cli/bad-inputs", test_cli_bad_inputs);

  return g_test_run ();
}
