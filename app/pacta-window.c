/* pacta-window.c — the main window: library sidebar, Read view, guideline pages
 *
 * The sidebar lists `self->library`, a GListStore of PactaLibraryItem: the agreements of the
 * user's library (a PactaLibrary, one SQLite file; their text is read when first shown), the
 * bundled guidelines, and guidelines opened from files. Agreements opened from files, dropped
 * or in a folder are imported into the library (in a worker thread), duplicates recognised. A
 * file that cannot be read is reported with its line and column, and nothing else changes.
 *
 * The library opens when the window is made ($PACTA_LIBRARY, `--library PATH`, or
 * $XDG_DATA_HOME/pacta/library.db). When it cannot be opened (damaged, another program's
 * file, written by a newer Pacta, locked) a dialog names the file and the cause and offers to
 * open another library, restore the automatic backup or set the file aside and start anew;
 * meanwhile the window works on the bundled samples, read from their files. Decisions made in
 * the Check view and notes typed in Read are written to the library as they are made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include <glib/gstdio.h>

#include "pacta-akn-reader.h"
#include "pacta-application.h"
#include "pacta-briefing-export.h"
#include "pacta-charts-view.h"
#include "pacta-data.h"
#include "pacta-check-view.h"
#include "pacta-compare-page.h"
#include "pacta-guideline-reader.h"
#include "pacta-guideline-view.h"
#include "pacta-importer.h"
#include "pacta-library-item.h"
#include "pacta-outline-row.h"
#include "pacta-read-view.h"
#include "pacta-sidebar.h"
#include "pacta-validator.h"
#include "pacta-window-private.h"

#define MAX_RECENT_FILES 10

static const double zoom_levels[] = { 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.35, 1.5, 1.7, 2.0, 2.4, 3.0 };

struct _PactaWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  GtkWidget            *content_box;
  PactaSidebar         *sidebar;
  AdwWindowTitle       *window_title;
  GtkToggleButton      *outline_button;
  GtkMenuButton        *primary_menu_button;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  GtkWidget            *view_switcher_bar;
  PactaReadView        *read_view;
  PactaCheckView       *check_view;
  PactaComparePage     *compare_page;
  PactaChartsView      *charts_view;
  PactaGuidelineView   *guideline_view;
  GtkWidget            *zoom_box;
  GtkButton            *zoom_reset_button;
  GMenu                *file_section;
  AdwStatusPage        *empty_page;
  GtkWidget            *import_folder_button;
  GtkRevealer          *import_revealer;
  GtkLabel             *import_label;
  GtkProgressBar       *import_progress;

  /* Owned references */
  GListStore           *library;         /* PactaLibraryItem: what the sidebar lists */
  PactaLibrary         *store;           /* the user's library; NULL when it could not be opened */
  char                 *store_path;      /* the library asked for, to try again */
  GHashTable           *entry_items;     /* agreement id → PactaLibraryItem listed for it */
  GHashTable           *removing;        /* agreement id → PactaLibraryItem removed, Undo still offered */
  GHashTable           *sample_hashes;   /* SHA-256 of each bundled sample → its path */
  GCancellable         *import_cancellable; /* the folder (or samples) being imported */
  GtkFileChooserNative *folder_chooser;
  GtkFileChooserNative *library_chooser;
  PactaMatcher         *matcher;         /* for the scores of agreements never checked */
  GQueue                score_queue;     /* agreement ids waiting for a score */
  guint                 score_source;
  GError               *library_error;   /* why the library could not be opened */
  GPtrArray            *toasts;          /* AdwToast shown and not dismissed yet */
  GListStore           *guidelines;      /* PactaGuideline, to name the items articles are tagged with */
  GSettings            *settings;        /* NULL when the schema is not installed */
  GtkFileChooserNative *chooser;
  PactaImporter        *importer;        /* Import…, and documents opened that are not AKN */
  GCancellable         *cancellable;
  PactaLibraryItem     *closed_item;     /* for undo */
  PactaBriefingExport  *briefing;
  char                 *last_error;

  /* Borrowed: cleared by a weak pointer */
  AdwMessageDialog     *error_dialog;
  AdwMessageDialog     *library_dialog;
  AdwMessageDialog     *import_dialog;

  double                zoom;
  guint                 n_pending;
};

G_DEFINE_FINAL_TYPE (PactaWindow, pacta_window, ADW_TYPE_APPLICATION_WINDOW)

/* ---- Library ---------------------------------------------------------------------------- */

static void show_library_error (PactaWindow *self);
static void add_toast (PactaWindow *self, AdwToast *toast);

static char *
hash_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* SHA-256 → path of each bundled sample, to know them in the library (computed once). */
static GHashTable *
get_sample_hashes (PactaWindow *self)
{
  if (self->sample_hashes == NULL)
    {
      g_autoptr(GPtrArray) samples = pacta_data_list_files ("samples");

      self->sample_hashes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint i = 0; i < samples->len; i++)
        {
          char *hash = hash_file (g_ptr_array_index (samples, i));

          if (hash != NULL)
            g_hash_table_insert (self->sample_hashes, hash, g_strdup (g_ptr_array_index (samples, i)));
        }
    }
  return self->sample_hashes;
}

static gboolean
is_sample (PactaWindow      *self,
           PactaLibraryItem *item)
{
  PactaLibraryEntry *entry = pacta_library_item_get_entry (item);

  if (entry != NULL)
    return g_hash_table_contains (get_sample_hashes (self), pacta_library_entry_get_content_hash (entry));
  return pacta_library_item_is_agreement (item) && !pacta_library_item_get_user_opened (item);
}

static PactaLibraryItem *
find_entry_item (PactaWindow *self,
                 gint64       id)
{
  return self->entry_items ? g_hash_table_lookup (self->entry_items, &id) : NULL;
}

/* The item of a file: opened from that file, or in the library with the same bytes. */
static PactaLibraryItem *
find_item_by_path (PactaWindow *self,
                   const char  *path)
{
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  g_autofree char *hash = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->library));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaLibraryItem) item = g_list_model_get_item (G_LIST_MODEL (self->library), i);

      if (g_strcmp0 (pacta_library_item_get_path (item), canonical) == 0)
        return item; /* the store keeps it alive */
    }

  if (self->entry_items == NULL || g_hash_table_size (self->entry_items) == 0 || (hash = hash_file (canonical)) == NULL)
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaLibraryItem) item = g_list_model_get_item (G_LIST_MODEL (self->library), i);
      PactaLibraryEntry *entry = pacta_library_item_get_entry (item);

      if (entry != NULL && g_str_equal (pacta_library_entry_get_content_hash (entry), hash))
        return item;
    }
  return NULL;
}

static void
add_item (PactaWindow      *self,
          PactaLibraryItem *item)
{
  PactaGuideline *guideline = pacta_library_item_get_guideline (item);

  g_list_store_append (self->library, item);
  if (guideline != NULL)
    g_list_store_append (self->guidelines, guideline);
}

static void
remove_item (PactaWindow      *self,
             PactaLibraryItem *item)
{
  PactaGuideline *guideline = pacta_library_item_get_guideline (item);
  guint position;

  if (pacta_sidebar_get_selected_item (self->sidebar) == item)
    pacta_sidebar_select_item (self->sidebar, NULL);
  if (g_list_store_find (self->library, item, &position))
    g_list_store_remove (self->library, position);
  if (guideline != NULL && g_list_store_find (self->guidelines, guideline, &position))
    g_list_store_remove (self->guidelines, position);
}

/* The bundled guidelines, which the Check view holds agreements against. */
static void
load_bundled_guidelines (PactaWindow *self)
{
  g_autoptr(GPtrArray) guidelines = pacta_data_list_files ("guidelines");

  for (guint i = 0; i < guidelines->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PactaGuideline) guideline = pacta_guideline_load_file (g_ptr_array_index (guidelines, i), &error);
      g_autoptr(PactaLibraryItem) item = NULL;

      if (guideline == NULL)
        {
          g_warning ("Bundled guideline not loaded: %s", error->message);
          continue;
        }
      item = pacta_library_item_new_for_guideline (guideline, FALSE);
      add_item (self, item);
    }
}

/* Without a library, the bundled samples are read from their files, so that there is still
 * something to explore. */
static void
load_bundled_samples (PactaWindow *self)
{
  g_autoptr(GPtrArray) samples = pacta_data_list_files ("samples");

  for (guint i = 0; i < samples->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PactaAgreement) agreement = pacta_akn_load_file (g_ptr_array_index (samples, i), &error);
      g_autoptr(PactaLibraryItem) item = NULL;

      if (agreement == NULL)
        {
          g_warning ("Bundled sample not loaded: %s", error->message);
          continue;
        }
      item = pacta_library_item_new_for_agreement (agreement, FALSE);
      add_item (self, item);
    }
}

static void
remove_bundled_samples (PactaWindow *self)
{
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->library)); i > 0; i--)
    {
      g_autoptr(PactaLibraryItem) item = g_list_model_get_item (G_LIST_MODEL (self->library), i - 1);

      if (pacta_library_item_is_agreement (item) && !pacta_library_item_get_user_opened (item))
        remove_item (self, item);
    }
}

/* ---- Scores ----------------------------------------------------------------------------- */

static PactaGuideline *
find_guideline (PactaWindow *self,
                const char  *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->guidelines));

  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(PactaGuideline) guideline = g_list_model_get_item (G_LIST_MODEL (self->guidelines), i);

      if (g_strcmp0 (pacta_guideline_get_id (guideline), id) == 0)
        return guideline; /* the list keeps it alive */
    }
  return NULL;
}

/* One agreement that has no score yet is checked (with its stored decisions) and its score
 * stored, so that its badge appears; one per idle, so the window stays responsive. */
static gboolean
score_next_cb (gpointer user_data)
{
  PactaWindow *self = user_data;

  while (!g_queue_is_empty (&self->score_queue) && self->store != NULL)
    {
      gint64 id = GPOINTER_TO_SIZE (g_queue_pop_head (&self->score_queue));
      PactaLibraryItem *item = find_entry_item (self, id);
      PactaGuideline *guideline = item ? find_guideline (self, pacta_library_item_get_score_guideline (item)) : NULL;
      g_autoptr(PactaAgreement) loaded = NULL;
      g_autoptr(PactaCoverage) coverage = NULL;
      g_autoptr(GError) error = NULL;
      PactaAgreement *agreement;

      if (guideline == NULL || pacta_library_item_get_score (item) >= 0)
        continue;
      /* Not kept in memory: a library may hold a thousand agreements. */
      agreement = pacta_library_item_is_loaded (item) ? pacta_library_item_get_agreement (item)
                                                      : (loaded = pacta_library_load_agreement (self->store, id, &error));
      if (agreement != NULL)
        coverage = pacta_library_check_agreement (self->store, self->matcher, id, agreement, guideline, &error);
      if (coverage != NULL)
        {
          /* Not worth holding the window up for: when another program holds the lock, the
           * score waits for the next start. */
          guint timeout = pacta_library_get_busy_timeout (self->store);

          pacta_library_set_busy_timeout (self->store, 50);
          pacta_library_store_scores (self->store, &id, &coverage, 1, &error);
          pacta_library_set_busy_timeout (self->store, timeout);
        }
      if (error != NULL)
        g_debug ("No score for agreement #%" G_GINT64_FORMAT ": %s", id, error->message);
      return G_SOURCE_CONTINUE;
    }
  self->score_source = 0;
  return G_SOURCE_REMOVE;
}

static void
queue_score (PactaWindow      *self,
             PactaLibraryItem *item)
{
  if (pacta_library_item_get_score (item) >= 0 || pacta_library_item_get_score_guideline (item) == NULL)
    return;
  g_queue_push_tail (&self->score_queue, GSIZE_TO_POINTER (pacta_library_item_get_agreement_id (item)));
  if (self->score_source == 0)
    self->score_source = g_idle_add_full (G_PRIORITY_LOW, score_next_cb, self, NULL);
}

/* ---- The library's agreements in the sidebar -------------------------------------------- */

static void update_empty_page (PactaWindow *self);

/* Brings the sidebar's items in line with the library's list: one item per agreement (the
 * same object as long as the agreement stays, so the selection holds), none for an agreement
 * whose removal can still be undone. */
static void
sync_entries (PactaWindow *self)
{
  GListModel *entries = self->store ? pacta_library_get_agreements (self->store) : NULL;
  guint n = entries ? g_list_model_get_n_items (entries) : 0;
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaLibraryEntry) entry = g_list_model_get_item (entries, i);
      gint64 id = pacta_library_entry_get_id (entry);
      g_autoptr(PactaLibraryItem) item = NULL;

      g_hash_table_add (present, g_memdup2 (&id, sizeof id));
      if (g_hash_table_contains (self->entry_items, &id) || g_hash_table_contains (self->removing, &id))
        continue;
      item = pacta_library_item_new_for_entry (self->store, entry);
      g_hash_table_insert (self->entry_items, g_memdup2 (&id, sizeof id), g_object_ref (item));
      add_item (self, item);
      queue_score (self, item);
    }

  g_hash_table_iter_init (&iter, self->entry_items);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (present, key))
      {
        g_ptr_array_add (gone, g_object_ref (value));
        g_hash_table_iter_remove (&iter);
      }
  for (guint i = 0; i < gone->len; i++)
    remove_item (self, g_ptr_array_index (gone, i));

  update_empty_page (self);
}

static void
entries_changed_cb (PactaWindow *self)
{
  sync_entries (self);
}

static void
backup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PactaWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (pacta_library_backup_finish (PACTA_LIBRARY (source), result, &error))
    g_debug ("Backed up %s", pacta_library_get_path (PACTA_LIBRARY (source)));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->store == PACTA_LIBRARY (source))
    {
      /* Translators: %s says why, and names the file */
      AdwToast *toast = adw_toast_new_format (_("The library’s daily backup was not made: %s"), error->message);

      adw_toast_set_timeout (toast, 0);
      add_toast (self, toast);
    }
}

static void
detach_library (PactaWindow *self)
{
  GHashTableIter iter;
  gpointer value;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->store == NULL)
    return;

  g_signal_handlers_disconnect_by_data (pacta_library_get_agreements (self->store), self);
  g_hash_table_iter_init (&iter, self->entry_items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (items, g_object_ref (value));
  g_hash_table_remove_all (self->entry_items);
  g_hash_table_remove_all (self->removing);
  for (guint i = 0; i < items->len; i++)
    remove_item (self, g_ptr_array_index (items, i));
  g_queue_clear (&self->score_queue);
  g_clear_handle_id (&self->score_source, g_source_remove);

  pacta_sidebar_set_library (self->sidebar, NULL);
  g_clear_object (&self->store);
}

static void
attach_library (PactaWindow  *self,
                PactaLibrary *store)
{
  detach_library (self);
  remove_bundled_samples (self);
  g_clear_error (&self->library_error);

  /* "No library is open" is no longer true */
  for (guint i = self->toasts->len; i > 0; i--)
    {
      AdwToast *toast = g_ptr_array_index (self->toasts, i - 1);

      if (g_strcmp0 (adw_toast_get_action_name (toast), "win.show-library-problem") == 0)
        adw_toast_dismiss (toast);
    }

  self->store = g_object_ref (store);
  g_signal_connect_object (pacta_library_get_agreements (store), "items-changed",
                           G_CALLBACK (entries_changed_cb), self, G_CONNECT_SWAPPED);
  pacta_sidebar_set_library (self->sidebar, store);
  sync_entries (self);

  /* The day's backup, in a thread: a library with something in it is copied (after a check)
   * at most once a day. */
  if (pacta_library_backup_due (store))
    pacta_library_backup_async (store, self->cancellable, backup_cb, g_object_ref (self));
}

/* Returns: (transfer full): the library the window opens: --library, $PACTA_LIBRARY, or the
 * user's */
static char *
dup_library_path (PactaWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  const char *path = NULL;

  if (PACTA_IS_APPLICATION (app))
    path = pacta_application_get_library_path (PACTA_APPLICATION (app));
  if (path == NULL || path[0] == '\0')
    path = g_getenv ("PACTA_LIBRARY");
  if (path == NULL || path[0] == '\0')
    return pacta_library_default_path ();
  return g_canonicalize_filename (path, NULL);
}

/* Opens the library at @path and shows it; when it cannot be opened, says why and offers what
 * can be done, and the window goes on with the bundled samples. */
static gboolean
open_library (PactaWindow *self,
              const char  *path)
{
  g_autoptr(PactaLibrary) store = NULL;
  g_autoptr(GError) error = NULL;

  if (path != self->store_path)
    {
      g_free (self->store_path);
      self->store_path = g_strdup (path);
    }

  /* The backup is made in a thread afterwards, not while the window waits. */
  store = pacta_library_open (path, PACTA_LIBRARY_OPEN_NO_BACKUP, &error);
  if (store == NULL)
    {
      g_message ("%s", error->message);
      detach_library (self);
      g_clear_error (&self->library_error);
      self->library_error = g_steal_pointer (&error);
      remove_bundled_samples (self);
      load_bundled_samples (self);
      update_empty_page (self);
      /* At start, the dialog waits for the window to be on screen (see window_mapped_cb()). */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        show_library_error (self);
      return FALSE;
    }

  pacta_sidebar_select_item (self->sidebar, NULL);
  attach_library (self, store);
  return TRUE;
}

/* ---- When the library cannot be opened -------------------------------------------------- */

static void
library_chooser_response_cb (PactaWindow          *self,
                             int                   response,
                             GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file ? g_file_get_path (file) : NULL;

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->library_chooser);

  if (path != NULL && open_library (self, path))
    add_toast (self, adw_toast_new_format (_("Library “%s” opened"), path));
  else if (path == NULL && self->store == NULL)
    show_library_error (self);
}

static void
choose_library (PactaWindow *self)
{
  GtkFileFilter *filter;

  if (self->library_chooser != NULL)
    return;
  self->library_chooser = gtk_file_chooser_native_new (_("Open a Library"), GTK_WINDOW (self),
                                                       GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->library_chooser), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Pacta libraries"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  gtk_file_filter_add_mime_type (filter, "application/x-sqlite3");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->library_chooser), filter);
  g_object_unref (filter);
  g_signal_connect_object (self->library_chooser, "response", G_CALLBACK (library_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->library_chooser));
}

static void
library_dialog_response_cb (PactaWindow      *self,
                            const char       *response,
                            AdwMessageDialog *dialog)
{
  g_autofree char *path = g_strdup (self->store_path);
  g_autofree char *aside = NULL;
  g_autofree char *aside_name = NULL;
  g_autoptr(GError) error = NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));

  if (g_str_equal (response, "open-other"))
    choose_library (self);
  else if (g_str_equal (response, "retry"))
    open_library (self, path);
  else if (g_str_equal (response, "restore"))
    {
      if (!pacta_library_restore_backup (path, &aside, &error))
        {
          g_clear_error (&self->library_error);
          self->library_error = g_steal_pointer (&error);
          show_library_error (self);
          return;
        }
      if (open_library (self, path))
        {
          aside_name = aside ? g_path_get_basename (aside) : NULL;
          if (aside_name != NULL)
            /* Translators: %s is a file name */
            add_toast (self, adw_toast_new_format (_("The backup was restored; the damaged file was kept as “%s”"),
                                                   aside_name));
          else
            add_toast (self, adw_toast_new (_("The backup was restored")));
        }
    }
  else if (g_str_equal (response, "set-aside"))
    {
      if (!pacta_library_set_aside (path, &aside, &error))
        {
          g_clear_error (&self->library_error);
          self->library_error = g_steal_pointer (&error);
          show_library_error (self);
          return;
        }
      if (open_library (self, path))
        {
          aside_name = g_path_get_basename (aside);
          /* Translators: %s is a file name */
          add_toast (self, adw_toast_new_format (_("A new library was started; the old file was kept as “%s”"),
                                                 aside_name));
        }
    }
  else if (self->store == NULL)
    {
      /* "Not now": go on without a library; the samples are there to read, but nothing done
       * is kept, and the reader must know it. */
      AdwToast *toast = adw_toast_new (_("No library is open: decisions and notes are not kept"));

      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.show-library-problem");
      adw_toast_set_timeout (toast, 0);
      add_toast (self, toast);
    }
}

static void
show_library_problem_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  show_library_error (PACTA_WINDOW (widget));
}

/* The dialog that names the library file, says what is wrong with it, and offers what can be
 * done: restore the backup, open another library, set the file aside and start a new one —
 * or go on without a library for now. */
static void
show_library_error (PactaWindow *self)
{
  const GError *error = self->library_error;
  g_autofree char *basename = NULL;
  g_autofree char *backup_path = NULL;
  g_autoptr(GDateTime) backup_time = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  gboolean locked, can_restore, can_set_aside;
  AdwMessageDialog *dialog;

  if (error == NULL || self->store_path == NULL)
    return;
  if (self->library_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->library_dialog));

  basename = g_path_get_basename (self->store_path);
  backup_path = pacta_library_backup_path (self->store_path);
  backup_time = pacta_library_dup_backup_time (self->store_path);
  locked = g_error_matches (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_BUSY);
  can_set_aside = !locked && g_file_test (self->store_path, G_FILE_TEST_EXISTS) &&
                  !g_error_matches (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_READ_ONLY);
  can_restore = !locked && backup_time != NULL;

  g_string_append (body, error->message);
  g_string_append (body, "\n\n");
  if (locked)
    g_string_append (body, _("Another program is using the library. Close it and try again, or open another library."));
  else
    g_string_append (body, _("Nothing in the file was changed. Pacta goes on with the sample agreements until a "
                             "library is opened."));
  if (can_restore)
    {
      g_autofree char *when = g_date_time_format (backup_time, "%x %X");

      g_string_append_c (body, ' ');
      /* Translators: %s is a date and time */
      g_string_append_printf (body, _("The automatic backup is from %s."), when);
    }
  if (can_set_aside)
    {
      g_string_append_c (body, ' ');
      g_string_append (body, _("Starting a new library keeps the old file beside it, renamed."));
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, body->str));
  /* Translators: %s is the library's file name */
  adw_message_dialog_format_heading (dialog, _("The Library “%s” Could Not Be Opened"), basename);
  adw_message_dialog_add_response (dialog, "close", _("_Not Now"));
  adw_message_dialog_add_response (dialog, "open-other", _("_Open Another Library…"));
  if (locked)
    {
      adw_message_dialog_add_response (dialog, "retry", _("_Try Again"));
      adw_message_dialog_set_response_appearance (dialog, "retry", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "retry");
    }
  if (can_set_aside)
    adw_message_dialog_add_response (dialog, "set-aside", _("_Start a New Library"));
  if (can_restore)
    {
      adw_message_dialog_add_response (dialog, "restore", _("_Restore the Backup"));
      adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "restore");
    }
  adw_message_dialog_set_close_response (dialog, "close");

  self->library_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->library_dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (library_dialog_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* On screen: now say why the library could not be opened, if it could not. */
static void
window_mapped_cb (PactaWindow *self)
{
  if (self->store == NULL && self->library_error != NULL && self->library_dialog == NULL)
    show_library_error (self);
}

/* The window became the active one: take in what another Pacta (or `pacta library`) changed. */
static void
is_active_changed_cb (PactaWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE;

  if (self->store == NULL || !gtk_window_is_active (GTK_WINDOW (self)))
    return;
  if (!pacta_library_reload_if_changed (self->store, &changed, &error))
    g_message ("%s", error->message);
  else if (changed)
    g_debug ("The library changed on disk: list read again");
}

/* ---- What is shown ---------------------------------------------------------------------- */

static void
update_actions (PactaWindow *self)
{
  PactaLibraryItem *item = pacta_sidebar_get_selected_item (self->sidebar);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-current", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", self->zoom < zoom_levels[G_N_ELEMENTS (zoom_levels) - 1] - 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", self->zoom > zoom_levels[0] + 0.001);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-reset", !G_APPROX_VALUE (self->zoom, 1.0, 0.001));
}

static void
set_titles (PactaWindow *self,
            const char  *title,
            const char  *subtitle)
{
  g_autofree char *window_title = NULL;

  adw_window_title_set_title (self->window_title, title ? title : _("Pacta"));
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");

  /* Translators: the window title, "XA–XB Social Security Agreement (2019) — Pacta" */
  window_title = title ? g_strdup_printf (_("%s — Pacta"), title) : g_strdup (_("Pacta"));
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void update_compare_page (PactaWindow *self);
static void update_charts_view (PactaWindow *self);

static void report_open_error (PactaWindow *self, const char *path, const GError *error);

/* The welcome page, or, for an empty library, what a library is and how to fill it. */
static void
update_empty_page (PactaWindow *self)
{
  gboolean empty_library = self->store != NULL && g_hash_table_size (self->entry_items) == 0 &&
                           g_hash_table_size (self->removing) == 0;

  if (empty_library)
    {
      adw_status_page_set_title (self->empty_page, _("Your Library Is Empty"));
      adw_status_page_set_description (self->empty_page,
                                       _("Pacta reads bilateral labour-migration and social-security agreements and "
                                         "holds them against international guidelines, to show what is covered and "
                                         "what is missing. Agreements you open are kept in your library, with your "
                                         "decisions and notes. Start with the sample library, or import your own "
                                         "Akoma Ntoso files."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("Welcome to Pacta"));
      adw_status_page_set_description (self->empty_page,
                                       _("Read bilateral labour-migration and social-security agreements, and hold "
                                         "them against international guidelines to see what is covered and what is "
                                         "missing. Pick an agreement or a guideline in the library, or open your own "
                                         "Akoma Ntoso file."));
    }
  gtk_widget_set_visible (self->import_folder_button, self->store != NULL);
}

static void
show_item (PactaWindow      *self,
           PactaLibraryItem *item)
{
  g_autoptr(GError) error = NULL;
  PactaAgreement *agreement = item ? pacta_library_item_load_agreement (item, &error) : NULL;
  PactaGuideline *guideline = item ? pacta_library_item_get_guideline (item) : NULL;

  if (error != NULL)
    {
      /* Stored, but it cannot be read back (it could when it was imported) */
      report_open_error (self, pacta_library_item_get_title (item), error);
      item = NULL;
    }

  if (agreement != NULL)
    {
      g_autofree char *subtitle = NULL;
      gint64 id = pacta_library_item_get_agreement_id (item);
      PactaLibrary *store = id > 0 ? self->store : NULL;

      pacta_read_view_set_agreement_in_library (self->read_view, agreement, store, id);
      /* The view (Read, Check) stays as it was: the selection changes what it shows. */
      pacta_check_view_set_agreement_in_library (self->check_view, agreement, store, id);
      update_compare_page (self);
      update_charts_view (self);
      gtk_stack_set_visible_child_name (self->main_stack, "agreement");
      gtk_widget_set_visible (GTK_WIDGET (self->outline_button), TRUE);
      subtitle = g_strdup_printf ("%s · %s", pacta_agreement_kind_to_label (pacta_agreement_get_kind (agreement)),
                                  pacta_agreement_status_to_label (pacta_agreement_get_status (agreement)));
      set_titles (self, pacta_agreement_get_display_title (agreement), subtitle);
    }
  else if (guideline != NULL)
    {
      g_autofree char *subtitle = NULL;
      guint n = pacta_guideline_get_n_items (guideline);

      pacta_guideline_view_set_guideline (self->guideline_view, guideline);
      gtk_stack_set_visible_child_name (self->main_stack, "guideline");
      gtk_widget_set_visible (GTK_WIDGET (self->outline_button), FALSE);
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Guideline · %u item", "Guideline · %u items", n), n);
      /* "last-guideline" is the one chosen in the Check view, not the last one read. */
      set_titles (self, pacta_library_item_get_title (item), subtitle);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      gtk_widget_set_visible (GTK_WIDGET (self->outline_button), FALSE);
      set_titles (self, NULL, NULL);
    }

  update_actions (self);
}

static void
sidebar_selection_changed_cb (PactaWindow  *self,
                              GParamSpec   *pspec,
                              PactaSidebar *sidebar)
{
  PactaLibraryItem *item = pacta_sidebar_get_selected_item (sidebar);

  show_item (self, item);
  if (item != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

/* Only show the view switcher once there is more than one view to switch between. */
static void
update_view_switcher (PactaWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->view_stack);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));
  guint visible = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      if (adw_view_stack_page_get_visible (page))
        visible++;
    }
  gtk_widget_set_visible (self->view_switcher_bar, visible > 1);
}

/* ---- Errors and toasts ------------------------------------------------------------------ */

static void
error_dialog_response_cb (PactaWindow      *self,
                          const char       *response,
                          AdwMessageDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
report_problem (PactaWindow *self,
                const char  *path,
                const char  *message,
                const char  *heading_format,
                const char  *advice)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *body = NULL;

  g_free (self->last_error);
  self->last_error = g_strdup (message);
  g_debug ("Could not open %s: %s", path, message);

  if (self->error_dialog != NULL)
    {
      /* Several files dropped at once: one dialog lists every problem. */
      body = g_strdup_printf ("%s\n\n%s", adw_message_dialog_get_body (self->error_dialog), message);
      adw_message_dialog_set_heading (self->error_dialog, _("Some Files Could Not Be Opened"));
      adw_message_dialog_set_body (self->error_dialog, body);
      return;
    }

  body = g_strdup_printf ("%s\n\n%s", message, advice);
  self->error_dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, body));
  adw_message_dialog_format_heading (self->error_dialog, heading_format, basename);
  adw_message_dialog_add_response (self->error_dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (self->error_dialog, "close");
  adw_message_dialog_set_close_response (self->error_dialog, "close");
  g_object_add_weak_pointer (G_OBJECT (self->error_dialog), (gpointer *) &self->error_dialog);
  g_signal_connect_object (self->error_dialog, "response",
                           G_CALLBACK (error_dialog_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->error_dialog));
}

static void
toast_dismissed_cb (PactaWindow *self,
                    AdwToast    *toast)
{
  g_ptr_array_remove (self->toasts, toast);
}

static void
report_open_error (PactaWindow  *self,
                   const char   *path,
                   const GError *error)
{
  /* Translators: %s is a file name */
  report_problem (self, path, error->message, _("Could Not Open “%s”"),
                  _("Pacta opens agreements in Akoma Ntoso XML and Pacta guideline files. "
                    "Correct the file at the line and column shown, or choose another file."));
}

/* A document could not be imported (pacta-importer.c): named, with the reason. */
void
_pacta_window_report_import_error (PactaWindow *self,
                                   const char  *path,
                                   const char  *message)
{
  g_return_if_fail (PACTA_IS_WINDOW (self));

  /* Translators: %s is a file name */
  report_problem (self, path, message, _("Could Not Import “%s”"),
                  _("Pacta imports PDF documents with a text layer, Word (.docx), OpenDocument (.odt), "
                    "HTML and plain-text or Markdown files. Nothing was saved."));
}

static void
add_toast (PactaWindow *self,
           AdwToast    *toast)
{
  /* Kept until dismissed, for the tests (and screenshots) to dismiss them */
  g_ptr_array_add (self->toasts, g_object_ref (toast));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_pacta_window_add_toast (PactaWindow *self,
                         AdwToast    *toast)
{
  g_return_if_fail (PACTA_IS_WINDOW (self));
  add_toast (self, toast);
}

/* ---- Compare view ----------------------------------------------------------------------- */

/* Comparing costs a little: only done while the Compare view is shown. */
static void
update_compare_page (PactaWindow *self)
{
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "compare") == 0)
    pacta_compare_page_set_current (self->compare_page, pacta_read_view_get_agreement (self->read_view));
}

static gboolean
library_item_is_agreement (gpointer item,
                           gpointer user_data)
{
  return pacta_library_item_is_agreement (item);
}

static gpointer
library_item_to_agreement (gpointer item,
                           gpointer user_data)
{
  g_autoptr(PactaLibraryItem) library_item = item;
  PactaAgreement *agreement = pacta_library_item_get_agreement (library_item);

  /* An agreement of the library is read from it here; one that cannot be read is empty. */
  return agreement ? g_object_ref (agreement) : pacta_agreement_new ();
}

/* ---- Charts view ------------------------------------------------------------------------ */

/* The view makes its charts only while it is shown; decisions made in Check show there. */
static void
update_charts_view (PactaWindow *self)
{
  PactaCoverage *coverage = pacta_check_view_get_coverage (self->check_view);

  if (coverage != NULL)
    pacta_charts_view_add_coverage (self->charts_view, coverage);
  pacta_charts_view_set_agreement (self->charts_view, pacta_read_view_get_agreement (self->read_view));
}

/* A heatmap cell (bar segment, radar point) clicked: that finding in the Check view. */
static void
charts_open_item_cb (PactaWindow    *self,
                     PactaAgreement *agreement,
                     const char     *guideline_id,
                     const char     *slug)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->library));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaLibraryItem) item = g_list_model_get_item (G_LIST_MODEL (self->library), i);

      if (pacta_library_item_get_agreement (item) == agreement)
        {
          if (!pacta_sidebar_select_item (self->sidebar, item))
            show_item (self, item); /* hidden by the sidebar's search */
          break;
        }
    }
  adw_view_stack_set_visible_child_name (self->view_stack, "check");
  if (guideline_id != NULL)
    pacta_check_view_set_guideline_id (self->check_view, guideline_id);
  if (slug != NULL)
    pacta_check_view_select_item (self->check_view, slug);
}

static void
export_briefing_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PactaWindow *self = PACTA_WINDOW (widget);

  if (self->briefing != NULL && pacta_briefing_export_is_running (self->briefing))
    {
      add_toast (self, adw_toast_new (_("A briefing is being written")));
      return;
    }
  g_clear_object (&self->briefing);
  self->briefing = pacta_briefing_export_new (GTK_WINDOW (self), self->toast_overlay, _pacta_window_get_agreement (self),
                                              pacta_charts_view_get_agreements (self->charts_view),
                                              G_LIST_MODEL (self->guidelines));
  pacta_briefing_export_present (self->briefing);
}

/* ---- Check view ------------------------------------------------------------------------- */

static void
check_activate_provision_cb (PactaWindow *self,
                             const char  *eid)
{
  PactaAgreement *agreement = pacta_check_view_get_agreement (self->check_view);
  PactaProvision *provision = agreement ? pacta_agreement_lookup_eid (agreement, eid) : NULL;

  if (provision == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "read");
  pacta_read_view_select_provision (self->read_view, provision);
}

static void
check_add_toast_cb (PactaWindow *self,
                    AdwToast    *toast)
{
  add_toast (self, toast);
}

static void
check_guideline_changed_cb (PactaWindow *self)
{
  const char *id = pacta_check_view_get_guideline_id (self->check_view);

  if (self->settings != NULL && id != NULL)
    g_settings_set_string (self->settings, "last-guideline", id);
}

/* ---- Recent files ----------------------------------------------------------------------- */

/* Open…, Open Recent (when there is something to list) and Close. */
static void
rebuild_file_menu (PactaWindow *self)
{
  g_auto(GStrv) paths = NULL;
  g_autoptr(GMenu) files = g_menu_new ();
  g_autoptr(GMenuItem) close = NULL;
  guint n_shown = 0;

  g_menu_remove_all (self->file_section);
  g_menu_append (self->file_section, _("_Open…"), "app.open");
  {
    g_autoptr(GMenuItem) import = g_menu_item_new (_("_Import…"), "win.import");

    g_menu_item_set_attribute (import, "accel", "s", "<Control>i");
    g_menu_append_item (self->file_section, import);
  }
  g_menu_append (self->file_section, _("Import _Folder…"), "win.import-folder");

  paths = self->settings ? g_settings_get_strv (self->settings, "recent-files") : g_new0 (char *, 1);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *basename = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (!g_file_test (paths[i], G_FILE_TEST_IS_REGULAR))
        continue;
      basename = g_path_get_basename (paths[i]);
      item = g_menu_item_new (basename, NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", paths[i]);
      g_menu_append_item (files, item);
      n_shown++;
    }
  if (n_shown > 0)
    {
      g_autoptr(GMenu) clear = g_menu_new ();
      g_autoptr(GMenu) submenu = g_menu_new ();

      g_menu_append (clear, _("_Clear List"), "win.clear-recent");
      g_menu_append_section (submenu, NULL, G_MENU_MODEL (files));
      g_menu_append_section (submenu, NULL, G_MENU_MODEL (clear));
      g_menu_append_submenu (self->file_section, _("Open _Recent"), G_MENU_MODEL (submenu));
    }

  close = g_menu_item_new (_("_Close"), "win.close-current");
  g_menu_item_set_attribute (close, "accel", "s", "<Control>w");
  g_menu_append_item (self->file_section, close);
}

static void
remember_recent (PactaWindow *self,
                 const char  *path)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) old = NULL;
  g_auto(GStrv) paths = NULL;
  g_autofree char *canonical = NULL;
  guint n = 1;

  if (self->settings == NULL)
    return;

  canonical = g_canonicalize_filename (path, NULL);
  old = g_settings_get_strv (self->settings, "recent-files");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, canonical);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT_FILES; i++)
    if (g_strcmp0 (old[i], canonical) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  paths = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) paths);
}

/* ---- Opening files ---------------------------------------------------------------------- */

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  const char *path = task_data;
  GError *error = NULL;
  GObject *result;

  if (pacta_sniff_file (path) == PACTA_DOCUMENT_GUIDELINE)
    result = G_OBJECT (pacta_guideline_load_file (path, &error));
  else
    result = G_OBJECT (pacta_akn_load_file (path, &error));

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, g_object_unref);
}

static void
load_file_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PactaWindow *self = PACTA_WINDOW (source_object);
  GTask *task = G_TASK (result);
  const char *path = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) loaded = g_task_propagate_pointer (task, &error);
  g_autoptr(PactaLibraryItem) item = NULL;
  PactaLibraryItem *existing;

  g_assert (self->n_pending > 0);
  self->n_pending--;

  if (loaded == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        report_open_error (self, path, error);
      return;
    }

  /* The same file may have been opened twice while loading. */
  existing = find_item_by_path (self, path);
  if (existing != NULL)
    {
      pacta_sidebar_select_item (self->sidebar, existing);
      return;
    }

  if (PACTA_IS_AGREEMENT (loaded))
    item = pacta_library_item_new_for_agreement (PACTA_AGREEMENT (loaded), TRUE);
  else
    item = pacta_library_item_new_for_guideline (PACTA_GUIDELINE (loaded), TRUE);
  add_item (self, item);
  remember_recent (self, path);
  pacta_sidebar_select_item (self->sidebar, item);
}

static void start_import (PactaWindow        *self,
                          const char * const *paths,
                          gboolean            samples);

typedef struct
{
  PactaWindow *self;  /* owned */
  char        *path;
} ImportFile;

static void
import_file_free (ImportFile *data)
{
  g_object_unref (data->self);
  g_free (data->path);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportFile, import_file_free)

/* One agreement file imported into the library: show it, say what happened. */
static void
import_file_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ImportFile) data = user_data;
  PactaWindow *self = data->self;
  const char *path = data->path;
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaImportReport) report = pacta_library_import_finish (PACTA_LIBRARY (source), result, &error);
  g_autoptr(PactaImportResult) imported = NULL;
  PactaLibraryItem *item;

  g_assert (self->n_pending > 0);
  self->n_pending--;

  if (report == NULL)
    {
      /* The library itself failed (locked, disk full): nothing was added. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        report_open_error (self, path, error);
      return;
    }
  if (PACTA_LIBRARY (source) != self->store)
    return; /* another library was opened meanwhile */
  imported = g_list_model_get_item (pacta_import_report_get_results (report), 0);
  if (imported == NULL)
    return; /* cancelled */

  if (pacta_import_result_get_outcome (imported) == PACTA_IMPORT_FAILED)
    {
      g_autoptr(GError) failure = g_error_new_literal (PACTA_ERROR, PACTA_ERROR_INVALID,
                                                       pacta_import_result_get_message (imported));

      report_open_error (self, path, failure);
      return;
    }

  item = find_entry_item (self, pacta_import_result_get_agreement_id (imported));
  remember_recent (self, path);
  if (item == NULL)
    return;
  pacta_library_item_set_file (item, path);
  pacta_sidebar_select_item (self->sidebar, item);
  if (pacta_import_result_get_outcome (imported) == PACTA_IMPORT_DUPLICATE)
    /* Translators: %s is an agreement's title */
    add_toast (self, adw_toast_new_format (_("“%s” is already in the library"), pacta_library_item_get_title (item)));
  else if (pacta_import_result_get_other_version (imported) > 0)
    add_toast (self, adw_toast_new_format (_("“%s” added to the library, as another version of an agreement in it"),
                                           pacta_library_item_get_title (item)));
  else
    add_toast (self, adw_toast_new_format (_("“%s” added to the library"), pacta_library_item_get_title (item)));
}

/* Opens @file in the window: selects it if it is already in the library, otherwise imports an
 * agreement into the library (or, without a library, loads it) in a thread and adds it; a
 * guideline is read and listed. Problems are reported in a dialog; nothing else changes. */
void
pacta_window_open_file (PactaWindow *self,
                        GFile       *file)
{
  g_autofree char *path = NULL;
  g_autoptr(GTask) task = NULL;
  PactaLibraryItem *existing;

  g_return_if_fail (PACTA_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                             _("%s: only files on this computer can be opened"), uri);

      report_open_error (self, uri, error);
      return;
    }

  existing = find_item_by_path (self, path);
  if (existing != NULL)
    {
      pacta_library_item_set_file (existing, path);
      pacta_sidebar_select_item (self->sidebar, existing);
      remember_recent (self, path);
      return;
    }

  if (self->store != NULL && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      const char *paths[] = { path, NULL };

      /* A folder (dropped on the window): every agreement in it, with a summary */
      if (self->import_cancellable != NULL)
        add_toast (self, adw_toast_new (_("An import is already running; drop the folder again when it is done")));
      else
        start_import (self, paths, FALSE);
      return;
    }

  /* A PDF, Word, OpenDocument, HTML or text document: imported, not read as XML. */
  if (pacta_importer_handles_path (path))
    {
      pacta_importer_import_file (self->importer, file);
      return;
    }

  self->n_pending++;
  if (self->store != NULL && pacta_sniff_file (path) != PACTA_DOCUMENT_GUIDELINE)
    {
      const char *paths[] = { path, NULL };
      ImportFile *data = g_new0 (ImportFile, 1);

      data->self = g_object_ref (self);
      data->path = g_strdup (path);
      pacta_library_import_async (self->store, paths, self->cancellable, NULL, NULL, NULL, import_file_cb, data);
      return;
    }

  task = g_task_new (self, self->cancellable, load_file_cb, NULL);
  g_task_set_source_tag (task, pacta_window_open_file);
  g_task_set_task_data (task, g_steal_pointer (&path), g_free);
  g_task_run_in_thread (task, load_file_thread);
}

void
pacta_window_open_files (PactaWindow  *self,
                         GFile       **files,
                         int           n_files)
{
  g_return_if_fail (PACTA_IS_WINDOW (self));

  for (int i = 0; i < n_files; i++)
    pacta_window_open_file (self, files[i]);
}

static void
chooser_response_cb (PactaWindow          *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          pacta_window_open_file (self, file);
        }
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}

void
pacta_window_show_open_dialog (PactaWindow *self)
{
  GtkFileFilter *filter;

  g_return_if_fail (PACTA_IS_WINDOW (self));

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  /* Kept alive until "response", where it is destroyed. */
  self->chooser = gtk_file_chooser_native_new (_("Open Agreement or Guideline"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Akoma Ntoso and guideline files"));
  gtk_file_filter_add_pattern (filter, "*.akn");
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_filter_add_mime_type (filter, "application/akn+xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All XML files"));
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_filter_add_mime_type (filter, "text/xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
drop_cb (PactaWindow   *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GdkFileList *file_list;
  g_autoptr(GSList) files = NULL;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  file_list = g_value_get_boxed (value);
  files = gdk_file_list_get_files (file_list);
  for (GSList *l = files; l != NULL; l = l->next)
    pacta_window_open_file (self, G_FILE (l->data));
  return files != NULL;
}

/* ---- Importing folders, and the samples ------------------------------------------------- */

typedef struct
{
  PactaWindow *self;     /* owned */
  gboolean     samples;  /* the bundled samples, on a first start */
} BulkImport;

static void
bulk_import_free (BulkImport *data)
{
  g_object_unref (data->self);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BulkImport, bulk_import_free)

static void
update_import_actions (PactaWindow *self)
{
  gboolean importing = self->import_cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-folder", self->store != NULL && !importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.explore-samples", !importing);
}

/* Called in the main context after each file; by then an added agreement is listed. */
static void
bulk_import_progress_cb (PactaImportResult *result,
                         guint              done,
                         guint              total,
                         gpointer           user_data)
{
  PactaWindow *self = user_data;
  g_autofree char *name = g_path_get_basename (pacta_import_result_get_path (result));
  g_autofree char *text = NULL;

  /* Translators: import progress, e.g. "Importing 3 of 40 — xa-xb.akn.xml" */
  text = g_strdup_printf (_("Importing %u of %u — %s"), MIN (done + 1, total), total, name);
  gtk_label_set_label (self->import_label, text);
  gtk_progress_bar_set_fraction (self->import_progress, total > 0 ? (double) done / total : 0);
}

/* The first sample in the sidebar, preferring one in the reader's language. */
static PactaLibraryItem *first_sample (PactaWindow *self);

/* What a folder import did, file by file where something went wrong: failures with the
 * file, line and column, and duplicates with the agreement already there. */
static void
show_import_summary (PactaWindow       *self,
                     PactaImportReport *report)
{
  GListModel *results = pacta_import_report_get_results (report);
  guint n_added = pacta_import_report_get_n_added (report);
  guint n_duplicates = pacta_import_report_get_n_duplicates (report);
  guint n_failed = pacta_import_report_get_n_failed (report);
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *added = NULL;
  g_autofree char *duplicates = NULL;
  g_autofree char *failed = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (n_duplicates == 0 && n_failed == 0 && !pacta_import_report_get_cancelled (report))
    {
      AdwToast *toast = adw_toast_new_format (g_dngettext (GETTEXT_PACKAGE, "%u agreement added to the library",
                                                           "%u agreements added to the library", n_added), n_added);

      if (n_added == 0)
        toast = (g_object_unref (toast), adw_toast_new (_("There were no agreements (*.xml files) to import")));
      add_toast (self, toast);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PactaImportResult) result = g_list_model_get_item (results, i);

      if (pacta_import_result_get_outcome (result) == PACTA_IMPORT_FAILED)
        g_string_append_printf (details, "%s\n", pacta_import_result_get_message (result));
    }
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PactaImportResult) result = g_list_model_get_item (results, i);
      PactaLibraryItem *item;
      g_autofree char *name = NULL;

      if (pacta_import_result_get_outcome (result) != PACTA_IMPORT_DUPLICATE)
        continue;
      name = g_path_get_basename (pacta_import_result_get_path (result));
      item = find_entry_item (self, pacta_import_result_get_agreement_id (result));
      /* Translators: "FILE: already in the library as “TITLE”" */
      g_string_append_printf (details, _("%s: already in the library as “%s”\n"), name,
                              item ? pacta_library_item_get_title (item) : "");
    }

  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u added", "%u added", n_added), n_added);
  duplicates = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u already in the library", "%u already in the library",
                                             n_duplicates), n_duplicates);
  failed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u could not be read", "%u could not be read", n_failed),
                            n_failed);
  /* Translators: "12 added, 3 already in the library, 2 could not be read." */
  body = g_strdup_printf (_("%s, %s, %s."), added, duplicates, failed);
  if (n_failed > 0)
    {
      g_autofree char *more = g_strdup_printf ("%s %s", body,
                                               _("Files that could not be read are listed with the line and column "
                                                 "of the problem; correct them and import them again."));
      g_free (body);
      body = g_steal_pointer (&more);
    }

  if (self->import_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->import_dialog));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       pacta_import_report_get_cancelled (report)
                                                         ? _("Import Stopped") : _("Import Finished"),
                                                       body));
  if (details->len > 0)
    {
      GtkWidget *scroller = gtk_scrolled_window_new ();
      GtkWidget *label = gtk_label_new (details->str);

      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_yalign (GTK_LABEL (label), 0.0f);
      gtk_widget_set_margin_start (label, 10);
      gtk_widget_set_margin_end (label, 10);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_widget_add_css_class (label, "monospace");
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 280);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_widget_set_size_request (scroller, 520, -1);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
      gtk_widget_add_css_class (scroller, "card");
      adw_message_dialog_set_extra_child (dialog, scroller);
    }
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  self->import_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->import_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
bulk_import_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BulkImport) data = user_data;
  PactaWindow *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaImportReport) report = pacta_library_import_finish (PACTA_LIBRARY (source), result, &error);

  g_assert (self->n_pending > 0);
  self->n_pending--;
  g_clear_object (&self->import_cancellable);
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  update_import_actions (self);

  if (report == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        report_open_error (self, pacta_library_get_path (PACTA_LIBRARY (source)), error);
      return;
    }
  if (PACTA_LIBRARY (source) != self->store)
    return;

  if (data->samples)
    {
      PactaLibraryItem *item = first_sample (self);
      guint n_added = pacta_import_report_get_n_added (report);

      if (item != NULL)
        {
          pacta_sidebar_select_item (self->sidebar, item);
          pacta_sidebar_focus_selection (self->sidebar);
        }
      /* The reader sees what happened to the library. */
      if (n_added > 0)
        add_toast (self, adw_toast_new_format (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u sample agreement added to your library",
                                                            "%u sample agreements added to your library", n_added),
                                               n_added));
      else if (item == NULL)
        add_toast (self, adw_toast_new (_("No sample agreements are installed")));
      return;
    }
  show_import_summary (self, report);
}

/* Imports files and folders (their *.xml files) into the library in a thread, with progress
 * and Stop under the sidebar; each file is committed as it is read. */
static void
start_import (PactaWindow        *self,
              const char * const *paths,
              gboolean            samples)
{
  BulkImport *data;

  g_return_if_fail (self->store != NULL);
  if (self->import_cancellable != NULL)
    return;

  data = g_new0 (BulkImport, 1);
  data->self = g_object_ref (self);
  data->samples = samples;
  self->import_cancellable = g_cancellable_new ();
  self->n_pending++;
  gtk_label_set_label (self->import_label, samples ? _("Adding the sample agreements…") : _("Importing…"));
  gtk_progress_bar_set_fraction (self->import_progress, 0);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  update_import_actions (self);

  pacta_library_import_async (self->store, paths, self->import_cancellable,
                              bulk_import_progress_cb, g_object_ref (self), g_object_unref,
                              bulk_import_cb, data);
}

static void
folder_chooser_response_cb (PactaWindow          *self,
                            int                   response,
                            GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) paths = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);

          if (path != NULL)
            g_strv_builder_add (builder, path);
        }
      paths = g_strv_builder_end (builder);
      if (paths[0] != NULL)
        start_import (self, (const char * const *) paths, FALSE);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->folder_chooser);
}

static void
import_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PactaWindow *self = PACTA_WINDOW (widget);

  if (self->store == NULL || self->import_cancellable != NULL)
    return;
  if (self->folder_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->folder_chooser));
      return;
    }
  /* Kept alive until "response", where it is destroyed. */
  self->folder_chooser = gtk_file_chooser_native_new (_("Import a Folder of Agreements"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                                      _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->folder_chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->folder_chooser), TRUE);
  g_signal_connect_object (self->folder_chooser, "response", G_CALLBACK (folder_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->folder_chooser));
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PactaWindow *self = PACTA_WINDOW (widget);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

/* ---- Removing from the library, with Undo ------------------------------------------------ */

/* The toast went away without Undo: now the agreement (with its decisions and notes) goes. */
static void
commit_removal (PactaWindow *self,
                gint64       id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaLibraryItem) item = NULL;
  gpointer key = NULL, value = NULL;

  if (!g_hash_table_steal_extended (self->removing, &id, &key, &value))
    return; /* undone */
  g_free (key);
  item = value;
  if (self->store == NULL || pacta_library_item_get_entry (item) == NULL)
    return;
  if (pacta_library_remove (self->store, &id, 1, &error) == 0 &&
      !g_error_matches (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NOT_FOUND))
    {
      AdwToast *toast;

      /* Not removed: it comes back, and the reader is told why. */
      g_hash_table_insert (self->entry_items, g_memdup2 (&id, sizeof id), g_object_ref (item));
      add_item (self, item);
      toast = adw_toast_new_format (_("“%s” was not removed: %s"), pacta_library_item_get_title (item), error->message);
      adw_toast_set_timeout (toast, 0);
      add_toast (self, toast);
    }
}

static void
removal_toast_dismissed_cb (AdwToast    *toast,
                            PactaWindow *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (toast), "agreement-id");

  if (id != NULL)
    commit_removal (self, *id);
}

static void
commit_all_removals (PactaWindow *self)
{
  g_autoptr(GList) ids = NULL;

  if (self->removing == NULL)
    return;
  ids = g_hash_table_get_keys (self->removing);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      gint64 id = *(gint64 *) l->data;

      commit_removal (self, id);
    }
}

/* Takes an agreement out of the sidebar at once, and out of the library when the toast that
 * offers Undo goes. */
static void
remove_from_library (PactaWindow      *self,
                     PactaLibraryItem *item)
{
  g_autoptr(PactaLibraryItem) keep = g_object_ref (item);
  gint64 id = pacta_library_item_get_agreement_id (item);
  guint n_decisions = 0, n_notes = 0, n_comparisons = 0;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (id <= 0 || self->store == NULL)
    return;

  g_hash_table_remove (self->entry_items, &id);
  g_hash_table_insert (self->removing, g_memdup2 (&id, sizeof id), g_object_ref (item));
  remove_item (self, item);

  pacta_library_count_user_data (self->store, id, &n_decisions, &n_notes, &n_comparisons, NULL);
  if (n_decisions + n_notes > 0)
    {
      g_autofree char *decisions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u decision", "%u decisions",
                                                                 n_decisions), n_decisions);
      g_autofree char *notes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", n_notes), n_notes);

      /* Translators: "“XA–XB Agreement” removed, with 3 decisions and 1 note" */
      title = g_strdup_printf (_("“%s” removed, with %s and %s"), pacta_library_item_get_title (item), decisions, notes);
    }
  else
    /* Translators: %s is an agreement's title */
    title = g_strdup_printf (_("“%s” removed from the library"), pacta_library_item_get_title (item));

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-remove");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "agreement-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (removal_toast_dismissed_cb), self, 0);
  add_toast (self, toast);
  update_empty_page (self);
}

static void
undo_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PactaWindow *self = PACTA_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  gpointer key = NULL, value = NULL;
  g_autoptr(PactaLibraryItem) item = NULL;

  if (!g_hash_table_steal_extended (self->removing, &id, &key, &value))
    return;
  g_free (key);
  item = value;
  g_hash_table_insert (self->entry_items, g_memdup2 (&id, sizeof id), g_object_ref (item));
  add_item (self, item);
  pacta_sidebar_select_item (self->sidebar, item);
  update_empty_page (self);
}

static void
sidebar_remove_item_cb (PactaWindow      *self,
                        PactaLibraryItem *item,
                        PactaSidebar     *sidebar)
{
  if (pacta_library_item_get_entry (item) != NULL)
    remove_from_library (self, item);
  else if (pacta_library_item_get_user_opened (item))
    {
      pacta_sidebar_select_item (self->sidebar, item);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.close-current", NULL);
    }
}

/* ---- Search hits ------------------------------------------------------------------------ */

/* The provision a hit names, as the outline lists it: a paragraph's article. */
static PactaProvision *
outline_provision (PactaAgreement *agreement,
                   const char     *eid)
{
  PactaProvision *provision = eid && eid[0] ? pacta_agreement_lookup_eid (agreement, eid) : NULL;

  while (provision != NULL && !pacta_provision_is_outline_node (provision))
    provision = pacta_provision_get_parent (provision);
  return provision;
}

/* Opens the agreement of a search hit at the provision (in Read), or at the decision's item
 * (in Check); the search and its other hits stay. */
static void
sidebar_hit_activated_cb (PactaWindow     *self,
                          PactaLibraryHit *hit,
                          PactaSidebar    *sidebar)
{
  PactaLibraryItem *item = find_entry_item (self, pacta_library_hit_get_agreement_id (hit));
  PactaAgreement *agreement;

  if (item == NULL)
    {
      add_toast (self, adw_toast_new (_("That agreement is no longer in the library")));
      return;
    }
  pacta_sidebar_show_item (self->sidebar, item);
  agreement = pacta_read_view_get_agreement (self->read_view);
  if (_pacta_window_get_page (self) != PACTA_WINDOW_PAGE_AGREEMENT || agreement == NULL)
    return;

  if (pacta_library_hit_get_kind (hit) == PACTA_LIBRARY_HIT_DECISION)
    {
      pacta_check_view_set_guideline_id (self->check_view, pacta_library_hit_get_guideline_id (hit));
      adw_view_stack_set_visible_child_name (self->view_stack, "check");
      pacta_check_view_select_item (self->check_view, pacta_library_hit_get_item_slug (hit));
    }
  else
    {
      PactaProvision *provision = outline_provision (agreement, pacta_library_hit_get_eid (hit));

      adw_view_stack_set_visible_child_name (self->view_stack, "read");
      if (provision != NULL)
        pacta_read_view_select_provision (self->read_view, provision);
    }
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

/* ---- Zoom ------------------------------------------------------------------------------- */

static void
set_zoom (PactaWindow *self,
          double       zoom)
{
  g_autofree char *label = NULL;

  zoom = CLAMP (zoom, zoom_levels[0], zoom_levels[G_N_ELEMENTS (zoom_levels) - 1]);
  self->zoom = zoom;
  pacta_read_view_set_zoom (self->read_view, zoom);
  pacta_guideline_view_set_zoom (self->guideline_view, zoom);
  pacta_charts_view_set_zoom (self->charts_view, zoom);

  /* Translators: the text zoom level, e.g. "120%" */
  label = g_strdup_printf (_("%d%%"), (int) round (zoom * 100));
  gtk_button_set_label (self->zoom_reset_button, label);

  if (self->settings != NULL && !G_APPROX_VALUE (g_settings_get_double (self->settings, "text-zoom"), zoom, 0.001))
    g_settings_set_double (self->settings, "text-zoom", zoom);
  update_actions (self);
}

/* ---- Actions ---------------------------------------------------------------------------- */

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  pacta_window_show_open_dialog (PACTA_WINDOW (widget));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  pacta_importer_show_chooser (PACTA_WINDOW (widget)->importer);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  pacta_window_open_file (PACTA_WINDOW (widget), file);
}

static void
clear_recent_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PactaWindow *self = PACTA_WINDOW (widget);

  if (self->settings != NULL)
    g_settings_reset (self->settings, "recent-files");
}

static void
close_current_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PactaWindow *self = PACTA_WINDOW (widget);
  PactaLibraryItem *selected = pacta_sidebar_get_selected_item (self->sidebar);
  g_autoptr(PactaLibraryItem) item = selected ? g_object_ref (selected) : NULL;
  AdwToast *toast;

  if (item == NULL)
    return;

  pacta_sidebar_select_item (self->sidebar, NULL);
  if (!pacta_library_item_get_user_opened (item) || pacta_library_item_get_entry (item) != NULL)
    return; /* a bundled sample, or an agreement of the library, stays in the library */

  remove_item (self, item);
  g_set_object (&self->closed_item, item);

  /* Translators: %s is the title of an agreement or guideline */
  toast = adw_toast_new_format (_("“%s” closed"), pacta_library_item_get_title (item));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-close");
  add_toast (self, toast);
}

static void
undo_close_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PactaWindow *self = PACTA_WINDOW (widget);
  g_autoptr(PactaLibraryItem) item = g_steal_pointer (&self->closed_item);

  if (item == NULL)
    return;
  add_item (self, item);
  pacta_sidebar_select_item (self->sidebar, item);
}

static gboolean
speaks_language (const char *language)
{
  const char * const *names = g_get_language_names ();

  /* "en" matches "en_GB.UTF-8"; the C locale reads English. */
  if (language == NULL || language[0] == '\0')
    return FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX") ? "en" : names[i];

      if (g_ascii_strncasecmp (name, language, 2) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The first sample in the sidebar, preferring one in the reader's language. */
static PactaLibraryItem *
first_sample (PactaWindow *self)
{
  GListModel *items;
  PactaLibraryItem *first = NULL;

  pacta_sidebar_set_search_text (self->sidebar, "");
  pacta_sidebar_set_filter (self->sidebar, NULL);
  items = pacta_sidebar_get_visible_items (self->sidebar);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PactaLibraryItem) item = g_list_model_get_item (items, i);
      PactaLibraryEntry *entry = pacta_library_item_get_entry (item);
      const char *language;

      if (!is_sample (self, item))
        continue;
      language = entry ? pacta_library_entry_get_language (entry)
                       : pacta_agreement_get_language (pacta_library_item_get_agreement (item));
      if (speaks_language (language))
        return item; /* the library keeps it alive */
      if (first == NULL)
        first = item;
    }
  return first;
}

/* Whether every bundled sample is in the library already. */
static gboolean
has_all_samples (PactaWindow *self)
{
  GHashTable *hashes = get_sample_hashes (self);
  GHashTableIter iter;
  gpointer value;
  guint found = 0;

  g_hash_table_iter_init (&iter, self->entry_items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (g_hash_table_contains (hashes, pacta_library_entry_get_content_hash (pacta_library_item_get_entry (value))))
      found++;
  return found >= g_hash_table_size (hashes);
}

/* "Explore the Sample Library": on a first start, the bundled samples are imported into the
 * library (the reader is told); then the first one is shown. */
static void
explore_samples_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PactaWindow *self = PACTA_WINDOW (widget);
  PactaLibraryItem *item;

  if (self->store != NULL && !has_all_samples (self))
    {
      g_autoptr(GPtrArray) samples = pacta_data_list_files ("samples");

      g_ptr_array_add (samples, NULL);
      start_import (self, (const char * const *) samples->pdata, TRUE);
      return;
    }

  item = first_sample (self);
  if (item == NULL)
    {
      add_toast (self, adw_toast_new (_("No sample agreements are installed")));
      return;
    }
  pacta_sidebar_select_item (self->sidebar, item);
  pacta_sidebar_focus_selection (self->sidebar);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PactaWindow *self = PACTA_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);
  pacta_sidebar_focus_search (self->sidebar);
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PactaWindow *self = PACTA_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);
  pacta_sidebar_focus_selection (self->sidebar);
}

/* F6 and Shift+F6: library, outline, text. */
static void
cycle_pane_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PactaWindow *self = PACTA_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean backward = g_strcmp0 (action_name, "win.cycle-pane-backward") == 0;
  GtkWidget *panes[3];
  guint n_panes = 0, current = 0;

  panes[n_panes++] = GTK_WIDGET (self->sidebar);
  if (_pacta_window_get_page (self) == PACTA_WINDOW_PAGE_AGREEMENT)
    {
      if (pacta_read_view_get_outline_revealed (self->read_view))
        panes[n_panes++] = pacta_read_view_get_outline_widget (self->read_view);
      panes[n_panes++] = GTK_WIDGET (pacta_read_view_get_document_view (self->read_view));
    }
  else if (_pacta_window_get_page (self) == PACTA_WINDOW_PAGE_GUIDELINE)
    panes[n_panes++] = GTK_WIDGET (self->guideline_view);

  for (guint i = 0; i < n_panes; i++)
    if (focus != NULL && (focus == panes[i] || gtk_widget_is_ancestor (focus, panes[i])))
      current = i;
  current = backward ? (current + n_panes - 1) % n_panes : (current + 1) % n_panes;

  if (panes[current] == GTK_WIDGET (self->sidebar))
    {
      adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);
      pacta_sidebar_focus_selection (self->sidebar);
    }
  else
    {
      adw_leaflet_set_visible_child (self->leaflet, self->content_box);
      if (!gtk_widget_child_focus (panes[current], GTK_DIR_TAB_FORWARD))
        gtk_widget_grab_focus (panes[current]);
    }
}

static void
toggle_contents_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PactaWindow *self = PACTA_WINDOW (widget);

  if (_pacta_window_get_page (self) != PACTA_WINDOW_PAGE_AGREEMENT)
    return;
  pacta_read_view_set_outline_revealed (self->read_view, !pacta_read_view_get_outline_revealed (self->read_view));
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PactaWindow *self = PACTA_WINDOW (widget);

  for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
    if (zoom_levels[i] > self->zoom + 0.001)
      {
        set_zoom (self, zoom_levels[i]);
        return;
      }
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PactaWindow *self = PACTA_WINDOW (widget);

  for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
    if (zoom_levels[i - 1] < self->zoom - 0.001)
      {
        set_zoom (self, zoom_levels[i - 1]);
        return;
      }
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  set_zoom (PACTA_WINDOW (widget), 1.0);
}

/* ---- GtkWindow / GObject ---------------------------------------------------------------- */

static gboolean
pacta_window_close_request (GtkWindow *window)
{
  PactaWindow *self = PACTA_WINDOW (window);

  if (self->settings != NULL)
    {
      int width = 0, height = 0;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_apply (self->settings);
    }

  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (pacta_window_parent_class)->close_request (window);
}

static void
destroy_chooser (GtkFileChooserNative **chooser)
{
  if (*chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (*chooser));
      g_clear_object (chooser);
    }
}

static void
pacta_window_dispose (GObject *object)
{
  PactaWindow *self = PACTA_WINDOW (object);

  /* What was removed with Undo still on offer goes now. */
  commit_all_removals (self);
  g_cancellable_cancel (self->cancellable);
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  destroy_chooser (&self->chooser);
  destroy_chooser (&self->folder_chooser);
  destroy_chooser (&self->library_chooser);
  if (self->importer != NULL)
    pacta_importer_shutdown (self->importer);
  g_clear_object (&self->importer);
  if (self->briefing != NULL)
    g_object_run_dispose (G_OBJECT (self->briefing)); /* cancels the work and closes its dialogs */
  g_clear_object (&self->briefing);
  if (self->error_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->error_dialog));
  if (self->library_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->library_dialog));
  if (self->import_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->import_dialog));
  g_queue_clear (&self->score_queue);
  g_clear_handle_id (&self->score_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (pacta_library_get_agreements (self->store), self);

  /* The views write what is still pending (a note being typed) to the library here. */
  gtk_widget_dispose_template (GTK_WIDGET (self), PACTA_TYPE_WINDOW);

  g_clear_object (&self->store);
  g_clear_object (&self->matcher);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->library);
  g_clear_object (&self->guidelines);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->closed_item);

  G_OBJECT_CLASS (pacta_window_parent_class)->dispose (object);
}

static void
pacta_window_finalize (GObject *object)
{
  PactaWindow *self = PACTA_WINDOW (object);

  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->store_path, g_free);
  g_clear_pointer (&self->entry_items, g_hash_table_unref);
  g_clear_pointer (&self->removing, g_hash_table_unref);
  g_clear_pointer (&self->sample_hashes, g_hash_table_unref);
  g_clear_error (&self->library_error);
  g_clear_pointer (&self->toasts, g_ptr_array_unref);

  G_OBJECT_CLASS (pacta_window_parent_class)->finalize (object);
}

static void
pacta_window_class_init (PactaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pacta_window_dispose;
  object_class->finalize = pacta_window_finalize;
  window_class->close_request = pacta_window_close_request;

  g_type_ensure (PACTA_TYPE_SIDEBAR);
  g_type_ensure (PACTA_TYPE_READ_VIEW);
  g_type_ensure (PACTA_TYPE_CHECK_VIEW);
  g_type_ensure (PACTA_TYPE_COMPARE_PAGE);
  g_type_ensure (PACTA_TYPE_CHARTS_VIEW);
  g_type_ensure (PACTA_TYPE_GUIDELINE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacta/Pacta/ui/pacta-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PactaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PactaWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PactaWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, PactaWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, PactaWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PactaWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PactaWindow, outline_button);
  gtk_widget_class_bind_template_child (widget_class, PactaWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PactaWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PactaWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PactaWindow, view_switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, PactaWindow, read_view);
  gtk_widget_class_bind_template_child (widget_class, PactaWindow, check_view);
  gtk_widget_class_bind_template_child (widget_class, PactaWindow, compare_page);
  gtk_widget_class_bind_template_child (widget_class, PactaWindow, charts_view);
  gtk_widget_class_bind_template_child (widget_class, PactaWindow, guideline_view);
  gtk_widget_class_bind_template_child (widget_class, PactaWindow, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, PactaWindow, zoom_reset_button);
  gtk_widget_class_bind_template_child (widget_class, PactaWindow, file_section);
  gtk_widget_class_bind_template_child (widget_class, PactaWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PactaWindow, import_folder_button);
  gtk_widget_class_bind_template_child (widget_class, PactaWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, PactaWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, PactaWindow, import_progress);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_hit_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_remove_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, check_activate_provision_cb);
  gtk_widget_class_bind_template_callback (widget_class, check_add_toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, charts_open_item_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.clear-recent", NULL, clear_recent_action);
  gtk_widget_class_install_action (widget_class, "win.close-current", NULL, close_current_action);
  gtk_widget_class_install_action (widget_class, "win.undo-close", NULL, undo_close_action);
  gtk_widget_class_install_action (widget_class, "win.explore-samples", NULL, explore_samples_action);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL, import_folder_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.undo-remove", "x", undo_remove_action);
  gtk_widget_class_install_action (widget_class, "win.show-library-problem", NULL, show_library_problem_action);
  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-contents", NULL, toggle_contents_action);
  gtk_widget_class_install_action (widget_class, "win.cycle-pane", NULL, cycle_pane_action);
  gtk_widget_class_install_action (widget_class, "win.cycle-pane-backward", NULL, cycle_pane_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "win.export-briefing", NULL, export_briefing_action);

  /* Ctrl+O and Ctrl+Q are application accelerators (see pacta-application.c). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close-current", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.show-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-contents", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "win.cycle-pane", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, GDK_SHIFT_MASK, "win.cycle-pane-backward", NULL);
}

static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("Schema %s is not installed; window size and recent files are not kept", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static void
pacta_window_init (PactaWindow *self)
{
  GtkDropTarget *drop_target;
  GtkPopover *popover;
  g_autoptr(GtkSelectionModel) pages = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->importer = pacta_importer_new (self);
  self->library = g_list_store_new (PACTA_TYPE_LIBRARY_ITEM);
  self->guidelines = g_list_store_new (PACTA_TYPE_GUIDELINE);
  self->entry_items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->removing = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->matcher = pacta_matcher_new ();
  self->toasts = g_ptr_array_new_with_free_func (g_object_unref);
  g_queue_init (&self->score_queue);
  self->settings = create_settings ();
  self->zoom = 1.0;

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      g_signal_connect_object (self->settings, "changed::recent-files",
                               G_CALLBACK (rebuild_file_menu), self, G_CONNECT_SWAPPED);
    }

  /* The zoom row at the top of the primary menu */
  popover = gtk_menu_button_get_popover (self->primary_menu_button);
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover), self->zoom_box, "zoom");

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->toast_overlay), GTK_EVENT_CONTROLLER (drop_target));

  g_signal_connect_object (self->view_stack, "notify::visible-child-name", G_CALLBACK (update_compare_page),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name", G_CALLBACK (update_charts_view),
                           self, G_CONNECT_SWAPPED);
  pages = adw_view_stack_get_pages (self->view_stack);
  g_signal_connect_object (pages, "items-changed", G_CALLBACK (update_view_switcher), self, G_CONNECT_SWAPPED);
  update_view_switcher (self);

  g_object_bind_property (self->read_view, "outline-revealed", self->outline_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  pacta_read_view_set_guidelines (self->read_view, G_LIST_MODEL (self->guidelines));
  if (self->settings != NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-guideline");

      if (last != NULL && last[0] != '\0')
        pacta_check_view_set_guideline_id (self->check_view, last);
    }
  pacta_check_view_set_guidelines (self->check_view, G_LIST_MODEL (self->guidelines));
  {
    /* The Charts view's corpus is the library's agreements. */
    GtkCustomFilter *is_agreement = gtk_custom_filter_new (library_item_is_agreement, NULL, NULL);
    GtkFilterListModel *agreements = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->library)),
                                                                GTK_FILTER (is_agreement));
    g_autoptr(GtkMapListModel) mapped = gtk_map_list_model_new (G_LIST_MODEL (agreements), library_item_to_agreement,
                                                                NULL, NULL);

    pacta_charts_view_set_guidelines (self->charts_view, G_LIST_MODEL (self->guidelines));
    pacta_charts_view_set_agreements (self->charts_view, G_LIST_MODEL (mapped));
  }
  g_signal_connect_object (self->check_view, "notify::guideline-id", G_CALLBACK (check_guideline_changed_cb),
                           self, G_CONNECT_SWAPPED);
  load_bundled_guidelines (self);
  {
    /* The Compare view chooses among the agreements of the library. */
    GtkCustomFilter *is_agreement = gtk_custom_filter_new (library_item_is_agreement, NULL, NULL);
    GtkFilterListModel *agreements = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->library)),
                                                                GTK_FILTER (is_agreement));
    GtkMapListModel *mapped = gtk_map_list_model_new (G_LIST_MODEL (agreements), library_item_to_agreement,
                                                      NULL, NULL);
    GListStore *models = g_list_store_new (PACTA_TYPE_AGREEMENT);
    GListStore *both = g_list_store_new (G_TYPE_LIST_MODEL);
    g_autoptr(GtkFlattenListModel) choices = NULL;

    /* …and the bundled guidelines' model clauses, to hold a draft against. */
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->guidelines)); i++)
      {
        g_autoptr(PactaGuideline) guideline = g_list_model_get_item (G_LIST_MODEL (self->guidelines), i);
        g_autoptr(PactaAgreement) model = pacta_compare_page_model_for (guideline);

        if (g_list_model_get_n_items (pacta_agreement_get_provisions (model)) > 0)
          g_list_store_append (models, model);
      }
    g_list_store_append (both, mapped);
    g_list_store_append (both, models);
    g_object_unref (mapped);
    g_object_unref (models);
    choices = gtk_flatten_list_model_new (G_LIST_MODEL (both));
    pacta_compare_page_set_agreements (self->compare_page, G_LIST_MODEL (choices));
  }
  pacta_sidebar_set_model (self->sidebar, G_LIST_MODEL (self->library));
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_changed_cb), NULL);
  g_signal_connect (self, "map", G_CALLBACK (window_mapped_cb), NULL);

  set_zoom (self, self->settings ? g_settings_get_double (self->settings, "text-zoom") : 1.0);
  rebuild_file_menu (self);
  show_item (self, NULL);
}

PactaWindow *
pacta_window_new (GtkApplication *application)
{
  PactaWindow *self;
  g_autofree char *path = NULL;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  self = g_object_new (PACTA_TYPE_WINDOW, "application", application, NULL);

  /* The library opens once the window knows its application, and so `--library`. */
  path = dup_library_path (self);
  open_library (self, path);
  update_import_actions (self);
  return self;
}

/* ---- For the tests (pacta-window-private.h) --------------------------------------------- */

static guint
count_items (GListModel *model,
             gboolean    guidelines)
{
  guint n = g_list_model_get_n_items (model);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaLibraryItem) item = g_list_model_get_item (model, i);

      if (pacta_library_item_is_guideline (item) == guidelines)
        count++;
    }
  return count;
}

guint
_pacta_window_count_agreements (PactaWindow *self)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), 0);
  return count_items (G_LIST_MODEL (self->library), FALSE);
}

guint
_pacta_window_count_guidelines (PactaWindow *self)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), 0);
  return count_items (G_LIST_MODEL (self->library), TRUE);
}

/* Counts the rows the sidebar's list box really shows. */
guint
_pacta_window_count_sidebar_rows (PactaWindow *self,
                                  gboolean     guidelines)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), 0);
  return pacta_sidebar_count_rows (self->sidebar, guidelines);
}

gboolean
_pacta_window_select_path (PactaWindow *self,
                           const char  *path)
{
  PactaLibraryItem *item;

  g_return_val_if_fail (PACTA_IS_WINDOW (self), FALSE);

  item = find_item_by_path (self, path);
  return item != NULL && pacta_sidebar_select_item (self->sidebar, item);
}

/* @index: position in the sidebar, in display order */
gboolean
_pacta_window_select_index (PactaWindow *self,
                            guint        index)
{
  g_autoptr(PactaLibraryItem) item = NULL;

  g_return_val_if_fail (PACTA_IS_WINDOW (self), FALSE);

  item = g_list_model_get_item (pacta_sidebar_get_visible_items (self->sidebar), index);
  return item != NULL && pacta_sidebar_select_item (self->sidebar, item);
}

void
_pacta_window_set_search_text (PactaWindow *self,
                               const char  *text)
{
  g_return_if_fail (PACTA_IS_WINDOW (self));
  pacta_sidebar_set_search_text (self->sidebar, text);
}

PactaWindowPage
_pacta_window_get_page (PactaWindow *self)
{
  const char *name;

  g_return_val_if_fail (PACTA_IS_WINDOW (self), PACTA_WINDOW_PAGE_EMPTY);

  name = gtk_stack_get_visible_child_name (self->main_stack);
  if (g_strcmp0 (name, "agreement") == 0)
    return PACTA_WINDOW_PAGE_AGREEMENT;
  if (g_strcmp0 (name, "guideline") == 0)
    return PACTA_WINDOW_PAGE_GUIDELINE;
  return PACTA_WINDOW_PAGE_EMPTY;
}

PactaAgreement *
_pacta_window_get_agreement (PactaWindow *self)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), NULL);

  if (_pacta_window_get_page (self) != PACTA_WINDOW_PAGE_AGREEMENT)
    return NULL;
  return pacta_read_view_get_agreement (self->read_view);
}

PactaGuideline *
_pacta_window_get_guideline (PactaWindow *self)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), NULL);

  if (_pacta_window_get_page (self) != PACTA_WINDOW_PAGE_GUIDELINE)
    return NULL;
  return pacta_guideline_view_get_guideline (self->guideline_view);
}

/* The title shown in the header bar */
const char *
_pacta_window_get_title_text (PactaWindow *self)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), NULL);
  return adw_window_title_get_title (self->window_title);
}

GListModel *
_pacta_window_get_outline_model (PactaWindow *self)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), NULL);
  return pacta_read_view_get_outline_model (self->read_view);
}

gboolean
_pacta_window_select_provision (PactaWindow    *self,
                                PactaProvision *provision)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), FALSE);
  return pacta_read_view_select_provision (self->read_view, provision);
}

PactaProvision *
_pacta_window_get_selected_provision (PactaWindow *self)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), NULL);
  return pacta_read_view_get_selected_provision (self->read_view);
}

gboolean
_pacta_window_is_provision_visible (PactaWindow    *self,
                                    PactaProvision *provision)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), FALSE);
  return pacta_document_view_is_provision_visible (pacta_read_view_get_document_view (self->read_view), provision);
}

char *
_pacta_window_dup_reading_text (PactaWindow *self)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), NULL);
  return pacta_document_view_dup_text (pacta_read_view_get_document_view (self->read_view));
}

guint
_pacta_window_get_n_guideline_items_shown (PactaWindow *self)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), 0);
  return pacta_guideline_view_get_n_items_shown (self->guideline_view);
}

void
_pacta_window_set_details_expanded (PactaWindow *self,
                                    gboolean     expanded)
{
  g_return_if_fail (PACTA_IS_WINDOW (self));
  pacta_read_view_set_details_expanded (self->read_view, expanded);
}

/* Returns: whether the file is now selected (loaded, or already in the library) */
gboolean
_pacta_window_open_file_sync (PactaWindow *self,
                              GFile       *file)
{
  g_autofree char *path = NULL;
  PactaLibraryItem *item;

  g_return_val_if_fail (PACTA_IS_WINDOW (self), FALSE);

  pacta_window_open_file (self, file);
  while (self->n_pending > 0)
    g_main_context_iteration (NULL, TRUE);

  path = g_file_get_path (file);
  item = path ? find_item_by_path (self, path) : NULL;
  return item != NULL && pacta_sidebar_get_selected_item (self->sidebar) == item;
}

guint
_pacta_window_get_n_pending (PactaWindow *self)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), 0);
  return self->n_pending;
}

const char *
_pacta_window_get_last_error (PactaWindow *self)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), NULL);
  return self->last_error;
}

GtkWindow *
_pacta_window_get_error_dialog (PactaWindow *self)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), NULL);
  return self->error_dialog ? GTK_WINDOW (self->error_dialog) : NULL;
}

double
_pacta_window_get_zoom (PactaWindow *self)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), 1.0);
  return self->zoom;
}

/* Returns: (transfer none): the primary menu's popover, now shown */
GtkWidget *
_pacta_window_popup_primary_menu (PactaWindow *self)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), NULL);

  gtk_menu_button_popup (self->primary_menu_button);
  return GTK_WIDGET (gtk_menu_button_get_popover (self->primary_menu_button));
}

void
_pacta_window_show_view (PactaWindow *self,
                         const char  *name)
{
  g_return_if_fail (PACTA_IS_WINDOW (self));
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
_pacta_window_get_view (PactaWindow *self)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

GtkWidget *
_pacta_window_get_check_view (PactaWindow *self)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->check_view);
}

PactaImporter *
_pacta_window_get_importer (PactaWindow *self)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), NULL);
  return self->importer;
}

GtkWidget *
_pacta_window_get_charts_view (PactaWindow *self)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->charts_view);
}

PactaBriefingExport *
_pacta_window_get_briefing (PactaWindow *self)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), NULL);
  return self->briefing;
}

GtkWidget *
_pacta_window_get_compare_page (PactaWindow *self)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->compare_page);
}

/* Returns: (transfer none) (nullable): the library open in the window */
PactaLibrary *
_pacta_window_get_library (PactaWindow *self)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), NULL);
  return self->store;
}

/* Returns: (transfer none) (nullable): the dialog saying the library could not be opened */
GtkWindow *
_pacta_window_get_library_dialog (PactaWindow *self)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), NULL);
  return self->library_dialog ? GTK_WINDOW (self->library_dialog) : NULL;
}

/* Returns: (transfer none) (nullable): the summary of the last folder import, while shown */
GtkWindow *
_pacta_window_get_import_dialog (PactaWindow *self)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), NULL);
  return self->import_dialog ? GTK_WINDOW (self->import_dialog) : NULL;
}

GtkWidget *
_pacta_window_get_sidebar (PactaWindow *self)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->sidebar);
}

GtkWidget *
_pacta_window_get_read_view (PactaWindow *self)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->read_view);
}

/* Imports files or folders as "Import Folder…" does (progress, summary). */
void
_pacta_window_import_paths (PactaWindow        *self,
                            const char * const *paths)
{
  g_return_if_fail (PACTA_IS_WINDOW (self));
  start_import (self, paths, FALSE);
}

/* Runs the main loop until the imports and the opening of files are done, and the scores of
 * new agreements stored. */
void
_pacta_window_wait_idle (PactaWindow *self)
{
  g_return_if_fail (PACTA_IS_WINDOW (self));

  while (self->n_pending > 0 || self->score_source != 0)
    g_main_context_iteration (NULL, TRUE);
}

/* The library's agreement @id in the sidebar, if it is listed */
PactaLibraryItem *
_pacta_window_lookup_agreement (PactaWindow *self,
                                gint64       id)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), NULL);
  return find_entry_item (self, id);
}

/* Dismisses the toasts shown (before a screenshot). */
void
_pacta_window_dismiss_toasts (PactaWindow *self)
{
  g_autoptr(GPtrArray) toasts = NULL;

  g_return_if_fail (PACTA_IS_WINDOW (self));

  toasts = g_ptr_array_copy (self->toasts, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_ptr_array_set_free_func (toasts, g_object_unref);
  for (guint i = 0; i < toasts->len; i++)
    adw_toast_dismiss (g_ptr_array_index (toasts, i));
}

/* Returns: (transfer none): the toasts shown, not dismissed yet */
GPtrArray *
_pacta_window_get_toasts (PactaWindow *self)
{
  g_return_val_if_fail (PACTA_IS_WINDOW (self), NULL);
  return self->toasts;
}
