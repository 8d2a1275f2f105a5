/* pacta-importer.c — importing documents into the window: choose, read, preview, save, open
 *
 * One importer per window. Import… (Ctrl+I) opens a file chooser filtered to the formats the
 * import reads; opening or dropping such a document lands here too. Each document is read in
 * a worker thread (PDFs page by page, with progress and Cancel) and then shown in a modal
 * PactaImportDialog, where the user fixes what the detection got wrong. Import saves the
 * agreement as Akoma Ntoso in $XDG_DATA_HOME/pacta/agreements under a new name (Import As…
 * lets the user choose), once it validates; the window then opens it in Read and says so in
 * a toast. A document that cannot be read is reported with its name and the reason, and
 * nothing is written. Several documents are imported one after the other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-importer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pacta-import.h"
#include "pacta-importer.h"
#include "pacta-window-private.h"

/* A document read faster than this shows no progress page at all. */
#define SHOW_DELAY_MS 250
#define POLL_MS 100

/* What the reading thread shares with the main thread. */
typedef struct
{
  char *path;
  int   done;   /* atomic: pages read */
  int   total;  /* atomic: pages in all, 0 while unknown */
} ReadData;

struct _PactaImporter
{
  GObject               parent_instance;

  /* Borrowed: cleared by a weak pointer */
  PactaWindow          *window;

  /* Owned: the choosers are kept alive until "response" */
  GtkFileChooserNative *chooser;
  GtkFileChooserNative *save_chooser;
  GQueue                queue;          /* GFile*, waiting their turn */

  /* The import under way */
  GFile                *file;
  char                 *path;
  GCancellable         *cancellable;
  GTask                *task;           /* while reading */
  PactaImportDialog    *dialog;
  guint                 show_id;
  guint                 poll_id;
  guint                 show_delay;

  char                 *last_saved;
};

G_DEFINE_FINAL_TYPE (PactaImporter, pacta_importer, G_TYPE_OBJECT)

static void next_import (PactaImporter *self);

static void
read_data_free (gpointer data)
{
  ReadData *read_data = data;

  g_free (read_data->path);
  g_free (read_data);
}

/* ---- Which files are imported ------------------------------------------------------------- */

/* Whether opening @path should import it rather than read it as Akoma Ntoso: a PDF, Word,
 * OpenDocument, HTML or text document by its extension or its first bytes. Word's and
 * other editors' own formats (.doc, .rtf) come here too, for import to say what to do. */
gboolean
pacta_importer_handles_path (const char *path)
{
  static const char * const editor_formats[] = { ".doc", ".rtf", ".wpd", ".pages", ".wps", NULL };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; editor_formats[i] != NULL; i++)
    if (g_str_has_suffix (lower, editor_formats[i]))
      return TRUE;
  return pacta_import_sniff_file (path) != PACTA_IMPORT_FORMAT_UNKNOWN;
}

/* ---- Reporting ---------------------------------------------------------------------------- */

/* "PATH:0:0: reason" (the command line's form) as "NAME: reason". */
static char *
describe_error (const char   *path,
                const GError *error)
{
  g_autofree char *prefix = g_strconcat (path, ":0:0: ", NULL);
  g_autofree char *basename = g_path_get_basename (path);

  /* The heading names the file; its folder is of no help here. */
  if (g_str_has_prefix (error->message, prefix))
    return g_strconcat (basename, ": ", error->message + strlen (prefix), NULL);
  return g_strdup (error->message);
}

static void
save_error_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Saving failed: said over the import dialog, which stays open to try again. */
static void
report_save_error (PactaImporter *self,
                   const GError  *error)
{
  AdwMessageDialog *message;

  g_debug ("Import not saved: %s", error->message);
  message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self->dialog),
                                                        _("The Agreement Was Not Saved"),
                                                        error->message));
  adw_message_dialog_add_response (message, "close", _("_Close"));
  adw_message_dialog_set_default_response (message, "close");
  adw_message_dialog_set_close_response (message, "close");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (message), TRUE);
  g_signal_connect (message, "response", G_CALLBACK (save_error_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (message));
}

/* ---- Show in Folder ----------------------------------------------------------------------- */

static void
show_folder_uri (GtkWindow  *parent,
                 const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *uri = g_file_get_uri (folder);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

typedef struct
{
  char *path;
} ShowItem;

static void
show_item_free (ShowItem *item)
{
  g_free (item->path);
  g_free (item);
}

static void
show_items_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ShowItem *item = user_data;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);

  /* No file manager that selects files: open the folder. */
  if (reply == NULL)
    show_folder_uri (NULL, item->path);
  show_item_free (item);
}

static void
session_bus_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ShowItem *item = user_data;
  g_autoptr(GDBusConnection) bus = g_bus_get_finish (result, NULL);
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  const char *uris[2] = { NULL, NULL };

  if (bus == NULL)
    {
      show_folder_uri (NULL, item->path);
      show_item_free (item);
      return;
    }
  file = g_file_new_for_path (item->path);
  uri = g_file_get_uri (file);
  uris[0] = uri;
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL, G_DBUS_CALL_FLAGS_NONE, 5000,
                          NULL, show_items_cb, item);
}

/* The saved file, selected in the file manager where it can (FileManager1), else its folder. */
static void
show_in_folder_cb (AdwToast   *toast,
                   const char *path)
{
  ShowItem *item = g_new0 (ShowItem, 1);

  item->path = g_strdup (path);
  g_bus_get (G_BUS_TYPE_SESSION, NULL, session_bus_cb, item);
}

/* ---- The import under way ----------------------------------------------------------------- */

static void
clear_job (PactaImporter *self)
{
  g_clear_handle_id (&self->show_id, g_source_remove);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->task);
  if (self->save_chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->save_chooser));
      g_clear_object (&self->save_chooser);
    }
  if (self->dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->dialog, self);
      gtk_window_destroy (GTK_WINDOW (self->dialog));
      self->dialog = NULL;
    }
  g_clear_object (&self->file);
  g_clear_pointer (&self->path, g_free);
}

/* The dialog closes, the next document's turn. */
static void
finish_job (PactaImporter *self)
{
  clear_job (self);
  next_import (self);
}

/* Saved: open it in Read and say so. */
static void
imported (PactaImporter *self,
          const char    *path)
{
  PactaImportDraft *draft = pacta_import_dialog_get_draft (self->dialog);
  guint n_articles = pacta_import_draft_count (draft, PACTA_IMPORT_NODE_ARTICLE);
  g_autofree char *source_name = g_path_get_basename (self->path);
  g_autoptr(GFile) saved = g_file_new_for_path (path);
  g_autofree char *title = NULL;
  PactaWindow *window = self->window;
  AdwToast *toast;

  g_debug ("Imported %s as %s", self->path, path);
  g_free (self->last_saved);
  self->last_saved = g_strdup (path);
  finish_job (self);
  if (window == NULL)
    return;

  _pacta_window_show_view (window, "read");
  pacta_window_open_file (window, saved);

  title = g_markup_printf_escaped (g_dngettext (GETTEXT_PACKAGE, "Imported %u article from “%s”",
                                                "Imported %u articles from “%s”", n_articles),
                                   n_articles, source_name);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, _("Show in _Folder"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (show_in_folder_cb),
                         g_strdup (path), (GClosureNotify) (void (*) (void)) g_free, 0);
  _pacta_window_add_toast (window, toast);
}

static void
save_chooser_response_cb (PactaImporter        *self,
                          int                   response,
                          GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PactaAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->save_chooser);
  if (self->dialog == NULL)
    return;
  pacta_import_dialog_set_busy (self->dialog, FALSE);
  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                   _("Choose a folder on this computer."));
      report_save_error (self, error);
      return;
    }
  if (self->file != NULL && g_file_equal (file, self->file))
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s: this is the document being imported; choose another name."), path);
      report_save_error (self, error);
      return;
    }
  agreement = pacta_import_preview_build_agreement (pacta_import_dialog_get_preview (self->dialog));
  if (!pacta_import_save_as (agreement, path, &error))
    {
      report_save_error (self, error);
      return;
    }
  imported (self, path);
}

static void
choose_save_path (PactaImporter *self,
                  const char    *dir,
                  const char    *name)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  GtkFileFilter *filter;

  g_mkdir_with_parents (dir, 0755);
  /* Kept alive until "response", where it is destroyed. */
  self->save_chooser = gtk_file_chooser_native_new (_("Import As"), GTK_WINDOW (self->dialog),
                                                    GTK_FILE_CHOOSER_ACTION_SAVE, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->save_chooser), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->save_chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->save_chooser), name);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Akoma Ntoso agreements"));
  gtk_file_filter_add_pattern (filter, "*.akn.xml");
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->save_chooser), filter);
  g_object_unref (filter);
  g_signal_connect_object (self->save_chooser, "response", G_CALLBACK (save_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  pacta_import_dialog_set_busy (self->dialog, TRUE);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_chooser));
}

static void
dialog_save_cb (PactaImporter     *self,
                gboolean           choose,
                PactaImportDialog *dialog)
{
  g_autoptr(PactaAgreement) agreement = pacta_import_preview_build_agreement (pacta_import_dialog_get_preview (dialog));
  g_autofree char *dir = pacta_import_dup_default_dir ();
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (agreement == NULL)
    return;
  name = pacta_import_suggest_file_name (agreement, self->path);
  if (choose)
    {
      choose_save_path (self, dir, name);
      return;
    }
  path = pacta_import_save_new (agreement, dir, name, &error);
  if (path == NULL)
    {
      report_save_error (self, error);
      return;
    }
  imported (self, path);
}

static void
dialog_cancel_cb (PactaImporter     *self,
                  PactaImportDialog *dialog)
{
  g_debug ("Import of %s cancelled", self->path);
  finish_job (self);
}

static gboolean
show_dialog_cb (gpointer user_data)
{
  PactaImporter *self = user_data;

  self->show_id = 0;
  if (self->dialog != NULL)
    gtk_window_present (GTK_WINDOW (self->dialog));
  return G_SOURCE_REMOVE;
}

static gboolean
poll_progress_cb (gpointer user_data)
{
  PactaImporter *self = user_data;
  ReadData *data;

  if (self->task == NULL || self->dialog == NULL)
    {
      self->poll_id = 0;
      return G_SOURCE_REMOVE;
    }
  data = g_task_get_task_data (self->task);
  pacta_import_dialog_set_progress (self->dialog, g_atomic_int_get (&data->done), g_atomic_int_get (&data->total));
  return G_SOURCE_CONTINUE;
}

/* In the reading thread. */
static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  ReadData *data = user_data;

  g_atomic_int_set (&data->total, (int) total);
  g_atomic_int_set (&data->done, (int) done);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *data = task_data;
  GError *error = NULL;
  g_autoptr(PactaImportSource) source = NULL;
  PactaImportDraft *draft;

  source = pacta_import_read_file_full (data->path, pacta_import_sniff_file (data->path), cancellable,
                                        progress_cb, data, &error);
  if (source == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  draft = pacta_import_draft_new (source, NULL, &error);
  if (draft == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, draft, g_object_unref);
}

static void
read_cb (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  PactaImporter *self = PACTA_IMPORTER (source_object);
  GTask *task = G_TASK (result);
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaImportDraft) draft = g_task_propagate_pointer (task, &error);
  g_autofree char *message = NULL;
  g_autofree char *path = NULL;

  if (task != self->task)
    return; /* an import cancelled and since replaced */
  g_clear_object (&self->task);
  g_clear_handle_id (&self->poll_id, g_source_remove);

  if (draft == NULL || g_cancellable_is_cancelled (self->cancellable))
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          message = describe_error (self->path, error);
          path = g_strdup (self->path);
        }
      finish_job (self);
      if (message != NULL && self->window != NULL)
        _pacta_window_report_import_error (self->window, path, message);
      return;
    }

  g_clear_handle_id (&self->show_id, g_source_remove);
  pacta_import_dialog_set_draft (self->dialog, draft);
  gtk_window_present (GTK_WINDOW (self->dialog));
}

static void
start_import (PactaImporter *self,
              GFile         *file)
{
  g_autofree char *name = NULL;
  ReadData *data;

  self->file = g_object_ref (file);
  self->path = g_file_get_path (file);
  if (self->path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *message = g_strdup_printf (_("%s: only files on this computer can be imported"), uri);

      clear_job (self);
      if (self->window != NULL)
        _pacta_window_report_import_error (self->window, uri, message);
      next_import (self);
      return;
    }

  name = g_path_get_basename (self->path);
  self->dialog = pacta_import_dialog_new (GTK_WINDOW (self->window), name);
  g_signal_connect_object (self->dialog, "save", G_CALLBACK (dialog_save_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dialog, "cancel", G_CALLBACK (dialog_cancel_cb), self, G_CONNECT_SWAPPED);

  data = g_new0 (ReadData, 1);
  data->path = g_strdup (self->path);
  self->cancellable = g_cancellable_new ();
  self->task = g_task_new (self, self->cancellable, read_cb, NULL);
  g_task_set_source_tag (self->task, start_import);
  g_task_set_task_data (self->task, data, read_data_free);
  g_task_set_return_on_cancel (self->task, TRUE);
  g_task_run_in_thread (self->task, read_thread);

  self->show_id = g_timeout_add (self->show_delay, show_dialog_cb, self);
  self->poll_id = g_timeout_add (POLL_MS, poll_progress_cb, self);
}

static void
next_import (PactaImporter *self)
{
  g_autoptr(GFile) file = NULL;

  if (self->file != NULL || self->window == NULL)
    return;
  file = g_queue_pop_head (&self->queue);
  if (file != NULL)
    start_import (self, file);
}

/* ---- Choosing documents ------------------------------------------------------------------- */

static void
chooser_response_cb (PactaImporter        *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          pacta_importer_import_file (self, file);
        }
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}

static void
add_filter (GtkFileChooser     *chooser,
            const char         *name,
            const char * const *mime_types,
            const char * const *patterns)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; mime_types && mime_types[i]; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  for (guint i = 0; patterns && patterns[i]; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

/* Import…: a chooser for the documents the import reads. */
void
pacta_importer_show_chooser (PactaImporter *self)
{
  static const char * const pdf_types[] = { "application/pdf", NULL };
  static const char * const pdf_patterns[] = { "*.pdf", "*.PDF", NULL };
  static const char * const docx_types[] = { "application/vnd.openxmlformats-officedocument.wordprocessingml.document", NULL };
  static const char * const docx_patterns[] = { "*.docx", "*.DOCX", NULL };
  static const char * const odt_types[] = { "application/vnd.oasis.opendocument.text", NULL };
  static const char * const odt_patterns[] = { "*.odt", "*.ODT", NULL };
  static const char * const html_types[] = { "text/html", "application/xhtml+xml", NULL };
  static const char * const html_patterns[] = { "*.html", "*.htm", "*.xhtml", "*.HTML", "*.HTM", NULL };
  static const char * const text_types[] = { "text/plain", "text/markdown", NULL };
  static const char * const text_patterns[] = { "*.txt", "*.text", "*.md", "*.markdown", "*.TXT", "*.MD", NULL };
  g_autoptr(GStrvBuilder) all_types = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) all_patterns = g_strv_builder_new ();
  g_auto(GStrv) types = NULL;
  g_auto(GStrv) patterns = NULL;
  GtkFileChooser *chooser;

  g_return_if_fail (PACTA_IS_IMPORTER (self));

  if (self->window == NULL)
    return;
  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  /* Kept alive until "response", where it is destroyed. */
  self->chooser = gtk_file_chooser_native_new (_("Import a Document"), GTK_WINDOW (self->window),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  chooser = GTK_FILE_CHOOSER (self->chooser);
  gtk_file_chooser_set_select_multiple (chooser, TRUE);

  g_strv_builder_addv (all_types, (const char **) pdf_types);
  g_strv_builder_addv (all_types, (const char **) docx_types);
  g_strv_builder_addv (all_types, (const char **) odt_types);
  g_strv_builder_addv (all_types, (const char **) html_types);
  g_strv_builder_addv (all_types, (const char **) text_types);
  g_strv_builder_addv (all_patterns, (const char **) pdf_patterns);
  g_strv_builder_addv (all_patterns, (const char **) docx_patterns);
  g_strv_builder_addv (all_patterns, (const char **) odt_patterns);
  g_strv_builder_addv (all_patterns, (const char **) html_patterns);
  g_strv_builder_addv (all_patterns, (const char **) text_patterns);
  types = g_strv_builder_end (all_types);
  patterns = g_strv_builder_end (all_patterns);

  add_filter (chooser, _("All documents Pacta can import"), (const char * const *) types, (const char * const *) patterns);
  add_filter (chooser, _("PDF documents"), pdf_types, pdf_patterns);
  add_filter (chooser, _("Word documents (.docx)"), docx_types, docx_patterns);
  add_filter (chooser, _("OpenDocument text (.odt)"), odt_types, odt_patterns);
  add_filter (chooser, _("Web pages (.html)"), html_types, html_patterns);
  add_filter (chooser, _("Text and Markdown (.txt, .md)"), text_types, text_patterns);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Imports @file: now if nothing else is being imported, otherwise after the others. */
void
pacta_importer_import_file (PactaImporter *self,
                            GFile         *file)
{
  g_return_if_fail (PACTA_IS_IMPORTER (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->file != NULL && g_file_equal (self->file, file))
    {
      if (self->dialog != NULL && self->show_id == 0)
        gtk_window_present (GTK_WINDOW (self->dialog));
      return;
    }
  g_queue_push_tail (&self->queue, g_object_ref (file));
  next_import (self);
}

/* Stops reading, closes the dialogs and forgets the documents waiting: nothing is saved. */
void
pacta_importer_cancel (PactaImporter *self)
{
  g_return_if_fail (PACTA_IS_IMPORTER (self));

  g_queue_clear_full (&self->queue, g_object_unref);
  clear_job (self);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
}

/* The window goes: cancel everything, and let go of it. */
void
pacta_importer_shutdown (PactaImporter *self)
{
  g_return_if_fail (PACTA_IS_IMPORTER (self));

  pacta_importer_cancel (self);
  if (self->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
  self->window = NULL;
}

/* ---- GObject ------------------------------------------------------------------------------ */

static void
pacta_importer_dispose (GObject *object)
{
  PactaImporter *self = PACTA_IMPORTER (object);

  pacta_importer_shutdown (self);

  G_OBJECT_CLASS (pacta_importer_parent_class)->dispose (object);
}

static void
pacta_importer_finalize (GObject *object)
{
  PactaImporter *self = PACTA_IMPORTER (object);

  g_clear_pointer (&self->last_saved, g_free);

  G_OBJECT_CLASS (pacta_importer_parent_class)->finalize (object);
}

static void
pacta_importer_class_init (PactaImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pacta_importer_dispose;
  object_class->finalize = pacta_importer_finalize;
}

static void
pacta_importer_init (PactaImporter *self)
{
  g_queue_init (&self->queue);
  self->show_delay = SHOW_DELAY_MS;
}

PactaImporter *
pacta_importer_new (PactaWindow *window)
{
  PactaImporter *self;

  g_return_val_if_fail (PACTA_IS_WINDOW (window), NULL);

  self = g_object_new (PACTA_TYPE_IMPORTER, NULL);
  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  return self;
}

/* ---- For the tests ------------------------------------------------------------------------ */

/* Runs the main loop until the document is read (or refused). */
void
_pacta_importer_wait (PactaImporter *self)
{
  g_return_if_fail (PACTA_IS_IMPORTER (self));

  while (self->task != NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* Returns: (transfer none) (nullable): the dialog showing the preview, or NULL when the
 * document could not be read */
PactaImportDialog *
_pacta_importer_import_file_sync (PactaImporter *self,
                                  GFile         *file)
{
  g_return_val_if_fail (PACTA_IS_IMPORTER (self), NULL);

  pacta_importer_import_file (self, file);
  _pacta_importer_wait (self);
  return self->dialog;
}

gboolean
_pacta_importer_is_reading (PactaImporter *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORTER (self), FALSE);
  return self->task != NULL;
}

PactaImportDialog *
_pacta_importer_get_dialog (PactaImporter *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORTER (self), NULL);
  return self->dialog;
}

const char *
_pacta_importer_get_last_saved (PactaImporter *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORTER (self), NULL);
  return self->last_saved;
}

void
_pacta_importer_set_show_delay (PactaImporter *self,
                                guint          milliseconds)
{
  g_return_if_fail (PACTA_IS_IMPORTER (self));
  self->show_delay = milliseconds;
}
