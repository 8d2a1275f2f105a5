/* test-library-window.c — the window on the user's library, driven headless under Xvfb
 *
 * Each test points $PACTA_LIBRARY at a file of its own in a temporary folder, and checks what
 * the window wrote there through a second connection (what another program, or the next start,
 * would see): the samples imported on a first start, decisions made in the Check view and notes
 * typed in Read surviving a restart (the window destroyed and made again) and a kill -9 in the
 * middle of decision edits, search across the library from the sidebar, the filters, a folder
 * import with its summary, and a damaged library file.
 *
 * The kill -9 test runs this program again as a child (`--decision-loop LIBRARY`), which makes
 * decisions in a real window through the Check view's actions, printing each once it returned,
 * until it is killed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pacta-application.h"
#include "pacta-check-view.h"
#include "pacta-data.h"
#include "pacta-note-card.h"
#include "pacta-read-view.h"
#include "pacta-sidebar.h"
#include "pacta-window-private.h"
#include "test-helpers.h"

#define WINDOW_WIDTH  1280
#define WINDOW_HEIGHT 800
#define XA_XB         "XA–XB Social Security Agreement (2019)"

static PactaApplication *app;
static char *library_dir;

/* ---- Helpers ------------------------------------------------------------------------------ */

/* A library file of the test's own, named in $PACTA_LIBRARY for the windows to open */
static char *
new_library_path (void)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("library-%u.db", n++);
  char *path = g_build_filename (library_dir, name, NULL);

  g_setenv ("PACTA_LIBRARY", path, TRUE);
  return path;
}

static PactaWindow *
open_window (void)
{
  PactaWindow *window = pacta_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), WINDOW_WIDTH, WINDOW_HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  _pacta_window_wait_idle (window);
  return window;
}

/* A window on a library holding the samples (imported by "Explore the Sample Library"). */
static PactaWindow *
open_window_with_samples (void)
{
  PactaWindow *window = open_window ();

  g_assert_nonnull (_pacta_window_get_library (window));
  if (_pacta_window_count_agreements (window) == 0)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.explore-samples", NULL));
      _pacta_window_wait_idle (window);
    }
  g_assert_cmpuint (_pacta_window_count_agreements (window), ==, 9);
  return window;
}

static void
close_window (PactaWindow *window)
{
  GtkWindow *dialog = _pacta_window_get_error_dialog (window);

  if (dialog != NULL)
    gtk_window_destroy (dialog);
  if ((dialog = _pacta_window_get_library_dialog (window)) != NULL)
    gtk_window_destroy (dialog);
  if ((dialog = _pacta_window_get_import_dialog (window)) != NULL)
    gtk_window_destroy (dialog);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  run_for (50);
  g_assert_null (window);
}

/* The library as another program sees it: a connection of its own. */
static PactaLibrary *
reopen (const char *path)
{
  g_autoptr(GError) error = NULL;
  PactaLibrary *library = pacta_library_open (path, PACTA_LIBRARY_OPEN_NO_CREATE | PACTA_LIBRARY_OPEN_NO_BACKUP, &error);

  g_assert_no_error (error);
  g_assert_true (pacta_library_check_integrity (library, &error));
  g_assert_no_error (error);
  return library;
}

static gint64
find_id (PactaLibrary *library,
         const char   *title)
{
  GListModel *entries = pacta_library_get_agreements (library);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PactaLibraryEntry) entry = g_list_model_get_item (entries, i);

      if (g_strcmp0 (pacta_library_entry_get_display_title (entry), title) == 0)
        return pacta_library_entry_get_id (entry);
    }
  return 0;
}

static void
select_agreement (PactaWindow *window,
                  const char  *title)
{
  gint64 id = find_id (_pacta_window_get_library (window), title);
  PactaLibraryItem *item = _pacta_window_lookup_agreement (window, id);

  g_assert_nonnull (item);
  g_assert_true (pacta_sidebar_select_item (PACTA_SIDEBAR (_pacta_window_get_sidebar (window)), item));
  run_for (50);
  g_assert_cmpstr (_pacta_window_get_title_text (window), ==, title);
}

static PactaCheckView *
show_check (PactaWindow *window)
{
  PactaCheckView *check = PACTA_CHECK_VIEW (_pacta_window_get_check_view (window));

  _pacta_window_show_view (window, "check");
  run_for (100);
  g_assert_nonnull (pacta_check_view_get_coverage (check));
  g_assert_cmpstr (pacta_check_view_get_guideline_id (check), ==, "ss-coord");
  return check;
}

static PactaLibraryDecision *
find_decision (GPtrArray  *decisions,
               const char *slug)
{
  for (guint i = 0; i < decisions->len; i++)
    {
      PactaLibraryDecision *decision = g_ptr_array_index (decisions, i);

      if (g_str_equal (decision->item_slug, slug))
        return decision;
    }
  return NULL;
}

static PactaLibraryDecision *get_decision (GPtrArray  *decisions,
                                           const char *slug) __attribute__ ((returns_nonnull));

/* The decision on @slug, which must be there */
static PactaLibraryDecision *
get_decision (GPtrArray  *decisions,
              const char *slug)
{
  PactaLibraryDecision *decision = find_decision (decisions, slug);

  if (decision == NULL)
    g_error ("no decision on %s", slug);
  return decision;
}

static PactaProvision *
find_article (PactaWindow *window,
              const char  *eid)
{
  PactaAgreement *agreement = _pacta_window_get_agreement (window);
  PactaProvision *provision = agreement ? pacta_agreement_lookup_eid (agreement, eid) : NULL;

  g_assert_nonnull (provision);
  return provision;
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

/* ---- Tests -------------------------------------------------------------------------------- */

/* An empty library: the samples are offered, and "Explore" imports them into the library. */
static void
test_first_start (void)
{
  g_autofree char *path = new_library_path ();
  g_autoptr(PactaLibrary) library = NULL;
  PactaWindow *window = open_window ();
  GListModel *entries;
  gboolean told = FALSE;

  g_assert_nonnull (_pacta_window_get_library (window));
  g_assert_cmpuint (_pacta_window_count_agreements (window), ==, 0);
  g_assert_cmpuint (_pacta_window_count_guidelines (window), ==, 6);
  g_assert_cmpint (_pacta_window_get_page (window), ==, PACTA_WINDOW_PAGE_EMPTY);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.explore-samples", NULL));
  _pacta_window_wait_idle (window);

  /* Listed, shown, and the reader is told */
  g_assert_cmpuint (_pacta_window_count_agreements (window), ==, 9);
  g_assert_cmpuint (_pacta_window_count_sidebar_rows (window, FALSE), ==, 9);
  g_assert_cmpint (_pacta_window_get_page (window), ==, PACTA_WINDOW_PAGE_AGREEMENT);
  for (guint i = 0; i < _pacta_window_get_toasts (window)->len; i++)
    if (strstr (adw_toast_get_title (g_ptr_array_index (_pacta_window_get_toasts (window), i)), "9 sample agreements"))
      told = TRUE;
  g_assert_true (told);

  /* In the file, with a score each against its suggested guideline (the sidebar's badges) */
  library = reopen (path);
  entries = pacta_library_get_agreements (library);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 9);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PactaLibraryEntry) entry = g_list_model_get_item (entries, i);
      g_autoptr(PactaLibraryItem) item = pacta_library_item_new_for_entry (library, entry);

      g_assert_cmpfloat (pacta_library_item_get_score (item), >=, 0.0);
    }
  g_clear_object (&library);

  /* The next start opens the same library; nothing is imported twice. */
  close_window (window);
  window = open_window ();
  g_assert_cmpuint (_pacta_window_count_agreements (window), ==, 9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.explore-samples", NULL));
  _pacta_window_wait_idle (window);
  g_assert_cmpuint (_pacta_window_count_agreements (window), ==, 9);
  g_assert_cmpint (_pacta_window_get_page (window), ==, PACTA_WINDOW_PAGE_AGREEMENT);
  close_window (window);
}

/* Decisions made in the Check view are in the file at once, and come back after a restart. */
static void
test_decisions_survive_restart (void)
{
  g_autofree char *path = new_library_path ();
  g_autoptr(PactaLibrary) library = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GError) error = NULL;
  PactaWindow *window = open_window_with_samples ();
  PactaCheckView *check;
  PactaCoverage *coverage;
  PactaFinding *finding;
  PactaLibraryDecision *decision;
  gint64 id;
  double score_before;

  select_agreement (window, XA_XB);
  id = find_id (_pacta_window_get_library (window), XA_XB);
  check = show_check (window);
  g_assert_cmpint (pacta_check_view_get_agreement_id (check), ==, id);
  score_before = pacta_coverage_get_score (pacta_check_view_get_coverage (check));

  /* Reject the export of benefits; set totalisation to partial */
  g_assert_true (pacta_check_view_select_item (check, "ssa-export"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (check), "check.reject", NULL));
  g_assert_true (pacta_check_view_select_item (check, "ssa-totalisation"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (check), "check.set-status", "s", "partial"));

  /* Committed: another connection sees both, before the window goes */
  library = reopen (path);
  decisions = pacta_library_list_decisions (library, id, "ss-coord", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, ==, 2);
  decision = get_decision (decisions, "ssa-export");
  g_assert_cmpint (decision->origin, ==, PACTA_FINDING_ORIGIN_REJECTED);
  g_assert_cmpint (decision->status, ==, PACTA_FINDING_STATUS_MISSING);
  decision = get_decision (decisions, "ssa-totalisation");
  g_assert_cmpint (decision->origin, ==, PACTA_FINDING_ORIGIN_SET);
  g_assert_cmpint (decision->status, ==, PACTA_FINDING_STATUS_PARTIAL);
  /* and the lower score is stored for the badge */
  g_assert_cmpfloat (pacta_library_entry_get_score_for (pacta_library_lookup (library, id), "ss-coord"), <, score_before);
  g_clear_object (&library);
  g_clear_pointer (&decisions, g_ptr_array_unref);

  /* Restart: the view shows the decisions again */
  close_window (window);
  window = open_window ();
  select_agreement (window, XA_XB);
  check = show_check (window);
  coverage = pacta_check_view_get_coverage (check);
  finding = pacta_coverage_lookup (coverage, "ssa-export");
  g_assert_cmpint (pacta_finding_get_origin (finding), ==, PACTA_FINDING_ORIGIN_REJECTED);
  g_assert_cmpint (pacta_finding_get_status (finding), ==, PACTA_FINDING_STATUS_MISSING);
  finding = pacta_coverage_lookup (coverage, "ssa-totalisation");
  g_assert_cmpint (pacta_finding_get_origin (finding), ==, PACTA_FINDING_ORIGIN_SET);
  g_assert_cmpint (pacta_finding_get_status (finding), ==, PACTA_FINDING_STATUS_PARTIAL);

  /* Undo one (clear the decision): gone from the file too */
  g_assert_true (pacta_check_view_select_item (check, "ssa-export"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (check), "check.clear-decision", NULL));
  finding = pacta_coverage_lookup (coverage, "ssa-export");
  g_assert_false (pacta_finding_has_decision (finding));
  g_assert_cmpint (pacta_finding_get_status (finding), ==, PACTA_FINDING_STATUS_COVERED);
  library = reopen (path);
  decisions = pacta_library_list_decisions (library, id, "ss-coord", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, ==, 1);
  g_assert_null (find_decision (decisions, "ssa-export"));
  g_clear_object (&library);

  close_window (window);
}

/* A note typed in Read is saved as it is typed (and when the window goes), and shown again
 * under its article after a restart. */
static void
test_note_survives_restart (void)
{
  g_autofree char *path = new_library_path ();
  g_autoptr(PactaLibrary) library = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(PactaLibraryNote) note = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  PactaWindow *window = open_window_with_samples ();
  PactaReadView *read_view = PACTA_READ_VIEW (_pacta_window_get_read_view (window));
  PactaProvision *article;
  GtkWidget *card;
  GPtrArray *cards;
  gint64 id;

  select_agreement (window, XA_XB);
  id = find_id (_pacta_window_get_library (window), XA_XB);
  article = find_article (window, "art_5");

  /* "Add Note" on Article 5 (the outline's context menu runs the same action) */
  g_assert_true (_pacta_window_select_provision (window, article));
  run_for (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (read_view), "read.add-note", NULL));
  run_for (200);
  cards = pacta_read_view_get_notes (read_view, article);
  g_assert_nonnull (cards);
  g_assert_cmpuint (cards->len, ==, 1);
  card = g_ptr_array_index (cards, 0);
  /* under the article, in the text */
  g_assert_nonnull (gtk_widget_get_ancestor (card, PACTA_TYPE_DOCUMENT_VIEW));
  g_assert_nonnull (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), PACTA_TYPE_NOTE_CARD));

  /* Nothing written while it is empty */
  library = reopen (path);
  notes = pacta_library_list_notes (library, id, "art_5", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 0);
  g_clear_object (&notes);

  /* Typing: saved half a second after the last key, without asking */
  pacta_note_card_set_text (PACTA_NOTE_CARD (card), "Belmont pays abroad only after 5 years: raise in round 3.");
  g_assert_true (pacta_note_card_get_pending (PACTA_NOTE_CARD (card)));
  run_for (800);
  g_assert_false (pacta_note_card_get_pending (PACTA_NOTE_CARD (card)));
  notes = pacta_library_list_notes (library, id, "art_5", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  note = g_list_model_get_item (notes, 0);
  g_assert_cmpstr (pacta_library_note_get_text (note), ==, "Belmont pays abroad only after 5 years: raise in round 3.");
  g_clear_object (&note);
  g_clear_object (&notes);

  /* More words, and the window closes at once: still written */
  pacta_note_card_set_text (PACTA_NOTE_CARD (card), "Belmont pays abroad only after 5 years: raise in round 3 (Art. 5(2)).");
  close_window (window);
  notes = pacta_library_list_notes (library, id, "art_5", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  note = g_list_model_get_item (notes, 0);
  g_assert_cmpstr (pacta_library_note_get_text (note), ==, "Belmont pays abroad only after 5 years: raise in round 3 (Art. 5(2)).");
  g_clear_object (&notes);

  /* Found by the search, too */
  notes = pacta_library_search (library, "round 3", NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), >=, 1);
  g_clear_object (&notes);

  /* Restart: under Article 5 again */
  window = open_window ();
  read_view = PACTA_READ_VIEW (_pacta_window_get_read_view (window));
  select_agreement (window, XA_XB);
  article = find_article (window, "art_5");
  cards = pacta_read_view_get_notes (read_view, article);
  g_assert_nonnull (cards);
  g_assert_cmpuint (cards->len, ==, 1);
  card = g_ptr_array_index (cards, 0);
  text = pacta_note_card_dup_text (PACTA_NOTE_CARD (card));
  g_assert_cmpstr (text, ==, "Belmont pays abroad only after 5 years: raise in round 3 (Art. 5(2)).");
  g_assert_nonnull (gtk_widget_get_ancestor (card, PACTA_TYPE_DOCUMENT_VIEW));
  g_assert_cmpint (pacta_note_card_get_note_id (PACTA_NOTE_CARD (card)), ==, pacta_library_note_get_id (note));

  /* Emptied, it is deleted */
  pacta_note_card_set_text (PACTA_NOTE_CARD (card), "");
  g_assert_true (pacta_note_card_flush (PACTA_NOTE_CARD (card)));
  notes = pacta_library_list_notes (library, id, "art_5", &error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 0);

  close_window (window);
}

/* The sidebar's search looks through every provision of the library; a hit opens its
 * agreement in Read at the article, and the other hits stay. */
static void
test_search_opens_provision (void)
{
  g_autofree char *path = new_library_path ();
  PactaWindow *window = open_window_with_samples ();
  PactaSidebar *sidebar = PACTA_SIDEBAR (_pacta_window_get_sidebar (window));
  GListModel *hits;
  PactaProvision *selected;
  guint n, position = G_MAXUINT;
  g_autofree char *text = NULL;

  _pacta_window_show_view (window, "check");
  _pacta_window_set_search_text (window, "totalisation");
  hits = pacta_sidebar_get_hits (sidebar);
  g_assert_nonnull (hits);
  n = g_list_model_get_n_items (hits);
  g_assert_cmpuint (n, >=, 3);

  /* In several agreements, the XA–XB agreement among them */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaLibraryHit) hit = g_list_model_get_item (hits, i);

      if (position == G_MAXUINT && g_strcmp0 (pacta_library_hit_get_agreement_title (hit), XA_XB) == 0 &&
          pacta_library_hit_get_kind (hit) == PACTA_LIBRARY_HIT_PROVISION)
        {
          g_autofree char *markup = pacta_library_hit_dup_snippet_markup (hit);

          g_assert_nonnull (strstr (markup, "<b>Totalisation</b>"));
          g_assert_cmpstr (pacta_library_hit_get_eid (hit), ==, "art_14");
          position = i;
        }
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);

  g_assert_true (pacta_sidebar_activate_hit (sidebar, position));
  run_for (300);
  g_assert_cmpint (_pacta_window_get_page (window), ==, PACTA_WINDOW_PAGE_AGREEMENT);
  g_assert_cmpstr (_pacta_window_get_title_text (window), ==, XA_XB);
  g_assert_cmpstr (_pacta_window_get_view (window), ==, "read");
  selected = _pacta_window_get_selected_provision (window);
  g_assert_nonnull (selected);
  g_assert_cmpstr (pacta_provision_get_eid (selected), ==, "art_14");
  for (guint i = 0; i < 100 && !_pacta_window_is_provision_visible (window, selected); i++)
    run_for (20);
  g_assert_true (_pacta_window_is_provision_visible (window, selected));
  text = _pacta_window_dup_reading_text (window);
  g_assert_nonnull (strstr (text, "Totalisation of periods"));

  /* The search and its hits are still there */
  g_assert_true (pacta_sidebar_get_hits (sidebar) == hits);

  /* A query the search cannot read says so, and nothing breaks */
  _pacta_window_set_search_text (window, "\"unbalanced");
  _pacta_window_set_search_text (window, "");
  g_assert_null (pacta_sidebar_get_hits (sidebar));

  close_window (window);
}

/* The filter popover: kind, status, party, year and score. */
static void
test_filters (void)
{
  g_autofree char *path = new_library_path ();
  PactaWindow *window = open_window_with_samples ();
  PactaSidebar *sidebar = PACTA_SIDEBAR (_pacta_window_get_sidebar (window));
  PactaLibraryFilter filter = PACTA_LIBRARY_FILTER_INIT;

  filter.kind = PACTA_AGREEMENT_KIND_SSA;
  pacta_sidebar_set_filter (sidebar, &filter);
  g_assert_cmpuint (_pacta_window_count_sidebar_rows (window, FALSE), ==, 3);
  /* Guidelines are not filtered */
  g_assert_cmpuint (_pacta_window_count_sidebar_rows (window, TRUE), ==, 6);

  filter.status = PACTA_AGREEMENT_STATUS_DRAFT;
  pacta_sidebar_set_filter (sidebar, &filter);
  g_assert_cmpuint (_pacta_window_count_sidebar_rows (window, FALSE), ==, 1);

  filter = (PactaLibraryFilter) PACTA_LIBRARY_FILTER_INIT;
  filter.party = "XA";
  filter.year_from = 2019;
  filter.year_to = 2021;
  pacta_sidebar_set_filter (sidebar, &filter);
  g_assert_cmpuint (_pacta_window_count_sidebar_rows (window, FALSE), ==, 2);

  /* Under 50 %: the Estmark–Harlan MoU (24 %) */
  filter = (PactaLibraryFilter) PACTA_LIBRARY_FILTER_INIT;
  filter.max_score = 0.49;
  pacta_sidebar_set_filter (sidebar, &filter);
  g_assert_cmpuint (_pacta_window_count_sidebar_rows (window, FALSE), ==, 1);

  /* The search in the text follows the filter */
  filter = (PactaLibraryFilter) PACTA_LIBRARY_FILTER_INIT;
  filter.kind = PACTA_AGREEMENT_KIND_BLMA;
  pacta_sidebar_set_filter (sidebar, &filter);
  _pacta_window_set_search_text (window, "totalisation");
  for (guint i = 0; i < g_list_model_get_n_items (pacta_sidebar_get_hits (sidebar)); i++)
    {
      g_autoptr(PactaLibraryHit) hit = g_list_model_get_item (pacta_sidebar_get_hits (sidebar), i);

      g_assert_cmpstr (pacta_library_hit_get_agreement_title (hit), !=, XA_XB);
    }
  _pacta_window_set_search_text (window, "");

  pacta_sidebar_set_filter (sidebar, NULL);
  g_assert_cmpuint (_pacta_window_count_sidebar_rows (window, FALSE), ==, 9);

  close_window (window);
}

/* "Import Folder…": each file added, recognised as a duplicate, or reported with its line. */
static void
test_import_folder (void)
{
  g_autofree char *path = new_library_path ();
  g_autofree char *folder = g_build_filename (library_dir, "folder", NULL);
  g_autofree char *sub = g_build_filename (folder, "round-2", NULL);
  g_autofree char *source = sample_path ("xe-xh-mou-2019.akn.xml");
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *a = g_build_filename (folder, "a.akn.xml", NULL);
  g_autofree char *b = g_build_filename (sub, "b.akn.xml", NULL);
  g_autofree char *same = g_build_filename (folder, "same.akn.xml", NULL);
  g_autofree char *broken = g_build_filename (folder, "broken.akn.xml", NULL);
  const char *paths[] = { folder, NULL };
  PactaWindow *window = open_window_with_samples ();
  AdwMessageDialog *dialog;
  const char *body;
  GtkWidget *extra;
  const char *details;

  g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  changed = g_strconcat (contents, "<!-- a -->\n", NULL);
  g_assert_true (g_file_set_contents (a, changed, -1, NULL));
  g_free (changed);
  changed = g_strconcat (contents, "<!-- b -->\n", NULL);
  g_assert_true (g_file_set_contents (b, changed, -1, NULL));
  g_assert_true (g_file_set_contents (same, contents, -1, NULL));
  g_assert_true (g_file_set_contents (broken, "<?xml version=\"1.0\"?>\n<akomaNtoso>\n  <act><meta></act>\n", -1, NULL));

  _pacta_window_import_paths (window, paths);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  _pacta_window_wait_idle (window);
  g_assert_cmpuint (_pacta_window_count_agreements (window), ==, 11);

  dialog = ADW_MESSAGE_DIALOG (_pacta_window_get_import_dialog (window));
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "2 added"));
  g_assert_nonnull (strstr (body, "1 already in the library"));
  g_assert_nonnull (strstr (body, "1 could not be read"));
  extra = adw_message_dialog_get_extra_child (dialog);
  g_assert_nonnull (extra);
  details = gtk_label_get_label (GTK_LABEL (gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (extra))))));
  g_assert_nonnull (strstr (details, "broken.akn.xml:3:"));
  g_assert_nonnull (strstr (details, "same.akn.xml: already in the library"));
  adw_message_dialog_response (dialog, "close");
  run_for (50);

  close_window (window);
  remove_tree (folder);
}

static char *
find_set_aside (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ".damaged-", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, prefix) && !g_str_has_suffix (name, "-wal") && !g_str_has_suffix (name, "-shm"))
      return g_build_filename (dir, name, NULL);
  return NULL;
}

/* A file at the library's path that is not a library: the window still opens, with the samples
 * read from their files, and a dialog names the file and the cause and offers a way out. */
static void
test_damaged_library (void)
{
  g_autofree char *path = new_library_path ();
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *aside = NULL;
  g_autofree char *contents = NULL;
  PactaWindow *window;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (path, "These are meeting notes, not a library.\n", -1, NULL));

  window = open_window ();
  run_for (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_null (_pacta_window_get_library (window));
  g_assert_cmpuint (_pacta_window_count_agreements (window), ==, 9);  /* the samples, from their files */
  dialog = ADW_MESSAGE_DIALOG (_pacta_window_get_library_dialog (window));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), basename));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not a Pacta library"));
  g_assert_true (adw_message_dialog_has_response (dialog, "open-other"));
  g_assert_true (adw_message_dialog_has_response (dialog, "set-aside"));
  g_assert_false (adw_message_dialog_has_response (dialog, "restore"));  /* there is no backup */

  /* "Not Now": the samples can be read meanwhile, and a toast says nothing is kept */
  adw_message_dialog_response (dialog, "close");
  run_for (50);
  g_assert_null (_pacta_window_get_library_dialog (window));
  g_assert_cmpuint (_pacta_window_get_toasts (window)->len, ==, 1);
  g_assert_nonnull (strstr (adw_toast_get_title (g_ptr_array_index (_pacta_window_get_toasts (window), 0)), "not kept"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.explore-samples", NULL));
  run_for (50);
  g_assert_cmpint (_pacta_window_get_page (window), ==, PACTA_WINDOW_PAGE_AGREEMENT);

  /* The toast's "Details" brings the dialog back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-library-problem", NULL));
  dialog = ADW_MESSAGE_DIALOG (_pacta_window_get_library_dialog (window));
  g_assert_nonnull (dialog);

  /* "Start a New Library": the file is kept beside, renamed, and a new library opens */
  adw_message_dialog_response (dialog, "set-aside");
  run_for (50);
  g_assert_null (_pacta_window_get_library_dialog (window));
  g_assert_nonnull (_pacta_window_get_library (window));
  g_assert_cmpuint (_pacta_window_count_agreements (window), ==, 0);
  for (guint i = 0; i < _pacta_window_get_toasts (window)->len; i++)
    g_assert_null (strstr (adw_toast_get_title (g_ptr_array_index (_pacta_window_get_toasts (window), i)), "not kept"));
  aside = find_set_aside (path);
  g_assert_nonnull (aside);
  g_assert_true (g_file_get_contents (aside, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "These are meeting notes, not a library.\n");

  close_window (window);
}

/* A damaged library with a backup: "Restore the Backup" brings it back. */
static void
test_restore_backup (void)
{
  g_autofree char *path = new_library_path ();
  g_autoptr(PactaLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  PactaWindow *window = open_window_with_samples ();
  AdwMessageDialog *dialog;
  FILE *file;

  /* The backup is made in a thread when a library with something in it opens */
  close_window (window);
  window = open_window ();
  for (guint i = 0; i < 200 && pacta_library_dup_backup_time (path) == NULL; i++)
    run_for (20);
  close_window (window);
  {
    g_autoptr(GDateTime) time = pacta_library_dup_backup_time (path);

    g_assert_nonnull (time);
  }

  /* Damage the file's header */
  file = fopen (path, "r+b");
  g_assert_nonnull (file);
  fwrite ("garbage garbage garbage garbage garbage", 1, 40, file);
  fclose (file);

  window = open_window ();
  run_for (100);
  dialog = ADW_MESSAGE_DIALOG (_pacta_window_get_library_dialog (window));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  adw_message_dialog_response (dialog, "restore");
  run_for (50);
  g_assert_nonnull (_pacta_window_get_library (window));
  g_assert_cmpuint (_pacta_window_count_agreements (window), ==, 9);
  g_assert_nonnull (find_set_aside (path));
  close_window (window);
}

/* `pacta --library PATH` wins over $PACTA_LIBRARY. */
static void
test_library_option (void)
{
  g_autofree char *env_path = new_library_path ();
  g_autofree char *option_path = g_build_filename (library_dir, "from-option.db", NULL);
  PactaWindow *window;

  pacta_application_set_library_path (app, option_path);
  window = open_window ();
  g_assert_nonnull (_pacta_window_get_library (window));
  g_assert_cmpstr (pacta_library_get_path (_pacta_window_get_library (window)), ==, option_path);
  close_window (window);
  pacta_application_set_library_path (app, NULL);

  window = open_window ();
  g_assert_cmpstr (pacta_library_get_path (_pacta_window_get_library (window)), ==, env_path);
  close_window (window);
}

/* ---- kill -9 in the middle of decision edits made in the window ------------------------------ */

static const char * const loop_slugs[] = {
  "ssa-export", "ssa-equal-treatment", "ssa-totalisation", "ssa-detachment", "ssa-personal-scope",
};

/* What round @round does to its item: three decisions, different from one round of an item
 * to its next (five rounds later). */
static void
round_decision (guint               round,
                PactaFindingOrigin *origin,
                PactaFindingStatus *status)
{
  switch (round % 3)
    {
    case 0:
      *origin = PACTA_FINDING_ORIGIN_REJECTED;
      *status = PACTA_FINDING_STATUS_MISSING;
      break;
    case 1:
      *origin = PACTA_FINDING_ORIGIN_SET;
      *status = PACTA_FINDING_STATUS_PARTIAL;
      break;
    default:
      *origin = PACTA_FINDING_ORIGIN_SET;
      *status = PACTA_FINDING_STATUS_NOT_APPLICABLE;
      break;
    }
}

/* The child: a window on LIBRARY, the XA–XB agreement in Check, decisions until killed. Each
 * line "ROUND" is printed after the action returned. */
static int
decision_loop (const char *library_path,
               guint       first_round)
{
  PactaWindow *window;
  PactaCheckView *check;

  g_setenv ("PACTA_LIBRARY", library_path, TRUE);
  app = pacta_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = open_window ();
  select_agreement (window, XA_XB);
  check = show_check (window);

  for (guint round = first_round; ; round++)
    {
      PactaFindingOrigin origin;
      PactaFindingStatus status;

      round_decision (round, &origin, &status);
      if (!pacta_check_view_select_item (check, loop_slugs[round % G_N_ELEMENTS (loop_slugs)]))
        g_error ("no item %s", loop_slugs[round % G_N_ELEMENTS (loop_slugs)]);
      if (origin == PACTA_FINDING_ORIGIN_REJECTED)
        gtk_widget_activate_action (GTK_WIDGET (check), "check.reject", NULL);
      else
        gtk_widget_activate_action (GTK_WIDGET (check), "check.set-status", "s",
                                    pacta_finding_status_to_string (status));
      printf ("%u\n", round);
      fflush (stdout);
      g_main_context_iteration (NULL, FALSE);
    }
  return 0;
}

static char *
run_and_kill (const char * const *argv,
              guint               after_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  GPid pid;
  int out_fd, status;
  char buffer[4096];
  ssize_t n;
  gint64 start = g_get_monotonic_time ();
  gboolean started = FALSE;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);

  /* Kill it @after_ms after its first decision, while it is making more */
  while (!started && (g_get_monotonic_time () - start) < 20 * G_USEC_PER_SEC)
    {
      n = read (out_fd, buffer, sizeof buffer);
      if (n <= 0)
        break;
      g_string_append_len (out, buffer, n);
      started = TRUE;
    }
  g_assert_true (started);
  g_usleep (after_ms * 1000);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_spawn_close_pid (pid);
  while ((n = read (out_fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (out, buffer, n);
  close (out_fd);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_kill_during_decisions (void)
{
  g_autofree char *path = new_library_path ();
  g_autofree char *self_path = g_test_build_filename (G_TEST_BUILT, "test-library-window", NULL);
  PactaWindow *window = open_window_with_samples ();
  GRand *rand = g_rand_new_with_seed (g_test_rand_int ());
  guint first_round = 0, total = 0;
  gint64 id;

  id = find_id (_pacta_window_get_library (window), XA_XB);
  close_window (window);

  for (guint run = 0; run < 3; run++)
    {
      g_autofree char *first = g_strdup_printf ("%u", first_round);
      const char *argv[] = { self_path, "--decision-loop", path, first, NULL };
      g_autofree char *output = run_and_kill (argv, g_rand_int_range (rand, 50, 400));
      g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
      g_autoptr(PactaLibrary) library = NULL;
      g_autoptr(GPtrArray) decisions = NULL;
      g_autoptr(GError) error = NULL;
      int last = -1;

      for (guint i = 0; lines[i] != NULL; i++)
        if (lines[i][0] != '\0' && lines[i + 1] != NULL)  /* a whole line */
          last = (int) g_ascii_strtoll (lines[i], NULL, 10);
      g_assert_cmpint (last, >=, (int) first_round);

      /* The file is whole, and each item holds the decision of its last reported round — or,
       * for the one the next round was changing, that round's, committed but not printed. */
      library = reopen (path);
      decisions = pacta_library_list_decisions (library, id, "ss-coord", &error);
      g_assert_no_error (error);
      for (int round = MAX ((int) first_round, last - 4); round <= last; round++)
        {
          const char *slug = loop_slugs[round % G_N_ELEMENTS (loop_slugs)];
          PactaLibraryDecision *decision = get_decision (decisions, slug);
          PactaFindingOrigin origin, next_origin;
          PactaFindingStatus status, next_status;

          round_decision (round, &origin, &status);
          round_decision (round + 5, &next_origin, &next_status);
          if (round == last - 4 && decision->status == next_status)
            continue;
          g_assert_cmpint (decision->status, ==, status);
        }
      g_test_message ("run %u: rounds %u to %d committed, then killed", run, first_round, last);
      total += last + 1 - first_round;
      first_round = last + 2;  /* a round further on: the next run's decisions differ */
    }
  g_rand_free (rand);
  g_assert_cmpuint (total, >, 0);

  /* And the window shows them */
  window = open_window ();
  select_agreement (window, XA_XB);
  {
    PactaCheckView *check = show_check (window);
    PactaCoverage *coverage = pacta_check_view_get_coverage (check);
    guint decided = 0;

    for (guint i = 0; i < G_N_ELEMENTS (loop_slugs); i++)
      decided += pacta_finding_has_decision (pacta_coverage_lookup (coverage, loop_slugs[i])) ? 1 : 0;
    g_assert_cmpuint (decided, ==, G_N_ELEMENTS (loop_slugs));
  }
  close_window (window);
}

/* ---- Pictures for reviewing the look (PACTA_SCREENSHOT_DIR and PACTA_SCREENSHOT_EXTRA) -------- */

static void
save_png (gpointer    native,
          const char *dir,
          const char *name)
{
  GtkWidget *widget = GTK_WIDGET (native);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;

  gtk_test_widget_wait_for_draw (widget);
  run_for (400);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (native)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                              gtk_widget_get_height (widget)));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

static void
test_review_pictures (void)
{
  const char *dir = g_getenv ("PACTA_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  PactaWindow *window;
  PactaProvision *article;
  GtkWidget *card;

  if (dir == NULL || g_getenv ("PACTA_SCREENSHOT_EXTRA") == NULL)
    {
      g_test_skip ("PACTA_SCREENSHOT_DIR and PACTA_SCREENSHOT_EXTRA are not set");
      return;
    }
  g_mkdir_with_parents (dir, 0755);

  /* First start */
  path = new_library_path ();
  window = open_window ();
  save_png (window, dir, "library-empty.png");

  /* A note under an article, and a decision */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.explore-samples", NULL));
  _pacta_window_wait_idle (window);
  _pacta_window_dismiss_toasts (window);
  select_agreement (window, XA_XB);
  article = find_article (window, "art_5");
  card = pacta_read_view_add_note (PACTA_READ_VIEW (_pacta_window_get_read_view (window)), article);
  pacta_note_card_set_text (PACTA_NOTE_CARD (card), "Belmont pays abroad only after 5 years of residence: raise in round 3.");
  run_for (700);
  save_png (window, dir, "library-note.png");

  /* The filter popover */
  {
    GtkWidget *sidebar = _pacta_window_get_sidebar (window);
    GtkWidget *button = NULL;
    PactaLibraryFilter filter = PACTA_LIBRARY_FILTER_INIT;

    filter.kind = PACTA_AGREEMENT_KIND_SSA;
    pacta_sidebar_set_filter (PACTA_SIDEBAR (sidebar), &filter);
    for (GtkWidget *w = gtk_widget_get_first_child (sidebar); w != NULL; )
      {
        if (GTK_IS_MENU_BUTTON (w))
          {
            button = w;
            break;
          }
        w = gtk_widget_get_first_child (w) ? gtk_widget_get_first_child (w)
          : gtk_widget_get_next_sibling (w) ? gtk_widget_get_next_sibling (w)
          : gtk_widget_get_next_sibling (gtk_widget_get_parent (w));
      }
    g_assert_nonnull (button);
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    run_for (300);
    save_png (window, dir, "library-filter-window.png");
    save_png (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)), dir, "library-filter.png");
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
    pacta_sidebar_set_filter (PACTA_SIDEBAR (sidebar), NULL);
  }

  /* A folder import's summary */
  {
    g_autofree char *broken = NULL;
    g_autofree char *same = NULL;
    g_autofree char *source = sample_path ("xe-xh-mou-2019.akn.xml");
    g_autofree char *contents = NULL;
    const char *paths[2] = { NULL, NULL };

    folder = g_build_filename (library_dir, "review", NULL);
    g_mkdir_with_parents (folder, 0700);
    broken = g_build_filename (folder, "broken.akn.xml", NULL);
    same = g_build_filename (folder, "xe-xh-copy.akn.xml", NULL);
    g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
    g_assert_true (g_file_set_contents (same, contents, -1, NULL));
    g_assert_true (g_file_set_contents (broken, "<?xml version=\"1.0\"?>\n<akomaNtoso>\n  <act><meta></act>\n", -1, NULL));
    paths[0] = folder;
    _pacta_window_import_paths (window, paths);
    save_png (window, dir, "library-importing.png");
    _pacta_window_wait_idle (window);
    save_png (_pacta_window_get_import_dialog (window), dir, "library-import-summary.png");
  }
  close_window (window);
  remove_tree (folder);

  /* A damaged library */
  g_free (path);
  path = new_library_path ();
  g_assert_true (g_file_set_contents (path, "These are meeting notes, not a library.\n", -1, NULL));
  window = open_window ();
  run_for (300);
  save_png (_pacta_window_get_library_dialog (window), dir, "library-damaged.png");
  close_window (window);
}

static void
skip_test (gconstpointer data)
{
  g_test_skip ("no display");
}

int
main (int    argc,
      char **argv)
{
  static const struct {
    const char *path;
    void (*func) (void);
  } tests[] = {
    { "/ui/library-window/first-start", test_first_start },
    { "/ui/library-window/decisions-survive-restart", test_decisions_survive_restart },
    { "/ui/library-window/note-survives-restart", test_note_survives_restart },
    { "/ui/library-window/search-opens-provision", test_search_opens_provision },
    { "/ui/library-window/filters", test_filters },
    { "/ui/library-window/import-folder", test_import_folder },
    { "/ui/library-window/damaged-library", test_damaged_library },
    { "/ui/library-window/restore-backup", test_restore_backup },
    { "/ui/library-window/library-option", test_library_option },
    { "/ui/library-window/kill-during-decisions", test_kill_during_decisions },
    { "/ui/library-window/review-pictures", test_review_pictures },
  };
  g_autoptr(GError) error = NULL;
  gboolean have_display;
  int status;

  /* The child of the kill -9 test */
  if (argc == 4 && g_str_equal (argv[1], "--decision-loop"))
    {
      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
      if (!gtk_init_check ())
        return 1;
      return decision_loop (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10));
    }

  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  library_dir = g_dir_make_tmp ("pacta-test-library-window-XXXXXX", NULL);

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
  remove_tree (library_dir);
  g_free (library_dir);
  return status;
}
