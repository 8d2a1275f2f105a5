/* pacta-briefing-export.c — File ▸ Export Briefing: choose, write the PDF in a thread, tell
 *
 * A small dialog asks which agreements (the current one, or all in the library), which
 * guideline (by default those suggested for each agreement's kind) and which paper; a save
 * dialog names the file. The briefing is then checked, laid out and written in a worker
 * thread while a toast shows the progress with a spinner and a Cancel button; the window stays
 * responsive. On success a toast says so and offers to open the PDF. Nothing is written when
 * the work is cancelled or fails, and an existing file is left as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-briefing-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pacta-briefing-export.h"
#include "pacta-matcher.h"
#include "pacta-output.h"

/* ---- The work, in a thread -------------------------------------------------------------- */

typedef struct
{
  GPtrArray             *agreements;   /* PactaAgreement */
  GPtrArray             *guidelines;   /* PactaGuideline per agreement: a GPtrArray of them */
  PactaPaper             paper;
  char                  *title;
  char                  *path;
  PactaBriefingProgress  progress;
  gpointer               progress_data;
  guint                  n_pages;
} WriteData;

static void
write_data_free (gpointer pointer)
{
  WriteData *data = pointer;

  g_ptr_array_unref (data->agreements);
  g_ptr_array_unref (data->guidelines);
  g_free (data->title);
  g_free (data->path);
  g_free (data);
}

typedef struct
{
  GTask  *task;
  double  fraction;
  char   *text;
} ProgressMessage;

static void
progress_message_free (gpointer pointer)
{
  ProgressMessage *message = pointer;

  g_object_unref (message->task);
  g_free (message->text);
  g_free (message);
}

static gboolean
progress_message_cb (gpointer pointer)
{
  ProgressMessage *message = pointer;
  WriteData *data = g_task_get_task_data (message->task);

  /* Messages still queued when the work ended are dropped. */
  if (!g_task_get_completed (message->task) && data->progress != NULL)
    data->progress (message->fraction, message->text, data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
report_progress (GTask      *task,
                 double      fraction,
                 const char *text)
{
  ProgressMessage *message = g_new0 (ProgressMessage, 1);

  message->task = g_object_ref (task);
  message->fraction = fraction;
  message->text = g_strdup (text);
  /* Always through a source: g_main_context_invoke() runs the callback in this thread whenever
   * the window's context happens to be free, and the callback updates widgets. */
  {
    GSource *source = g_idle_source_new ();

    g_source_set_priority (source, G_PRIORITY_DEFAULT);
    g_source_set_callback (source, progress_message_cb, message, progress_message_free);
    g_source_set_static_name (source, "[pacta] briefing progress");
    g_source_attach (source, g_task_get_context (task));
    g_source_unref (source);
  }
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  g_autoptr(PactaMatcher) matcher = pacta_matcher_new ();
  g_autoptr(PactaReport) report = pacta_report_new ();
  g_autoptr(GBytes) pdf = NULL;
  GError *error = NULL;
  guint n = data->agreements->len;

  for (guint i = 0; i < n; i++)
    {
      PactaAgreement *agreement = g_ptr_array_index (data->agreements, i);
      GPtrArray *guidelines = g_ptr_array_index (data->guidelines, i);
      g_autofree char *text = NULL;

      if (g_task_return_error_if_cancelled (task))
        return;
      /* Translators: progress of the briefing: 3 of 9 agreements checked */
      text = g_strdup_printf (_("Checking agreement %u of %u…"), i + 1, n);
      report_progress (task, 0.8 * i / n, text);
      for (guint g = 0; g < guidelines->len; g++)
        {
          g_autoptr(PactaCoverage) coverage = pacta_matcher_check (matcher, agreement, g_ptr_array_index (guidelines, g));

          pacta_report_add_coverage (report, coverage);
        }
    }

  if (g_task_return_error_if_cancelled (task))
    return;
  report_progress (task, 0.8, _("Laying out the pages…"));
  pacta_report_set_paper (report, data->paper);
  pacta_report_set_title (report, data->title);
  pdf = pacta_report_render (report, &data->n_pages, &error);
  if (pdf == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;
  report_progress (task, 0.95, _("Saving…"));
  if (!pacta_output_write (data->path, pdf, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static PactaGuideline *
find_guideline (GListModel *guidelines,
                const char *id)
{
  guint n = guidelines ? g_list_model_get_n_items (guidelines) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaGuideline) guideline = g_list_model_get_item (guidelines, i);

      if (g_strcmp0 (pacta_guideline_get_id (guideline), id) == 0)
        return guideline; /* the model keeps it alive */
    }
  return NULL;
}

void
pacta_briefing_write_async (GPtrArray             *agreements,
                            GPtrArray             *guidelines,
                            GListModel            *available,
                            PactaPaper             paper,
                            const char            *title,
                            const char            *path,
                            GCancellable          *cancellable,
                            PactaBriefingProgress  progress,
                            gpointer               progress_data,
                            GAsyncReadyCallback    callback,
                            gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  WriteData *data;

  g_return_if_fail (agreements != NULL);
  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pacta_briefing_write_async);

  /* Fail before any work when the file cannot be written. */
  if (!pacta_output_check_writable (path, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (agreements->len == 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("There are no agreements to brief on."));
      return;
    }

  /* Which guidelines for which agreement is settled here, on the main thread. */
  data = g_new0 (WriteData, 1);
  data->agreements = g_ptr_array_new_with_free_func (g_object_unref);
  data->guidelines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < agreements->len; i++)
    {
      PactaAgreement *agreement = g_ptr_array_index (agreements, i);
      GPtrArray *chosen = g_ptr_array_new_with_free_func (g_object_unref);

      if (guidelines != NULL && guidelines->len > 0)
        for (guint g = 0; g < guidelines->len; g++)
          g_ptr_array_add (chosen, g_object_ref (g_ptr_array_index (guidelines, g)));
      else
        {
          const char * const *ids = pacta_coverage_suggested_guidelines (pacta_agreement_get_kind (agreement));

          for (guint g = 0; ids[g] != NULL; g++)
            {
              PactaGuideline *guideline = find_guideline (available, ids[g]);

              if (guideline != NULL)
                g_ptr_array_add (chosen, g_object_ref (guideline));
            }
        }
      g_ptr_array_add (data->agreements, g_object_ref (agreement));
      g_ptr_array_add (data->guidelines, chosen);
    }
  data->paper = paper;
  data->title = g_strdup (title);
  data->path = g_strdup (path);
  data->progress = progress;
  data->progress_data = progress_data;
  g_task_set_task_data (task, data, write_data_free);
  g_task_run_in_thread (task, write_thread);
}

/* @n_pages: (out) (optional): the pages written */
gboolean
pacta_briefing_write_finish (GAsyncResult  *result,
                             guint         *n_pages,
                             GError       **error)
{
  WriteData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  if (n_pages != NULL)
    *n_pages = data->n_pages;
  return TRUE;
}

/* ---- The flow in the window ------------------------------------------------------------- */

struct _PactaBriefingExport
{
  GObject               parent_instance;

  /* Borrowed: cleared by weak pointers */
  GtkWindow            *parent;
  AdwToastOverlay      *overlay;

  /* Owned references */
  PactaAgreement       *current;
  GListModel           *agreements;   /* PactaAgreement */
  GListModel           *guidelines;   /* PactaGuideline */
  PactaGuideline       *guideline;    /* NULL: those suggested for each kind */
  AdwMessageDialog     *dialog;
  GtkCheckButton       *all_button;
  GtkDropDown          *guideline_dropdown;
  GtkDropDown          *paper_dropdown;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  AdwToast             *progress_toast;
  GtkLabel             *progress_label;
  char                 *saved_path;
  GError               *error;

  PactaPaper            paper;
  guint                 n_pages;
  guint                 all : 1;
  guint                 running : 1;
};

G_DEFINE_FINAL_TYPE (PactaBriefingExport, pacta_briefing_export, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_toast (PactaBriefingExport *self,
           AdwToast            *toast)
{
  if (self->overlay != NULL)
    adw_toast_overlay_add_toast (self->overlay, toast);
  else
    g_object_unref (toast);
}

static void
close_dialog (PactaBriefingExport *self)
{
  if (self->dialog != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self->dialog));
      g_clear_object (&self->dialog);
    }
  self->all_button = NULL;
  self->guideline_dropdown = NULL;
  self->paper_dropdown = NULL;
}

static void
set_running (PactaBriefingExport *self,
             gboolean             running)
{
  if (self->running == running)
    return;
  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
open_clicked_cb (PactaBriefingExport *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  if (self->saved_path == NULL)
    return;
  file = g_file_new_for_path (self->saved_path);
  uri = g_file_get_uri (file);
  gtk_show_uri (self->parent, uri, GDK_CURRENT_TIME);
}

static void
error_response_cb (AdwMessageDialog *dialog,
                   const char       *response)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
progress_cb (double      fraction,
             const char *text,
             gpointer    user_data)
{
  PactaBriefingExport *self = user_data;

  if (self->progress_label != NULL)
    gtk_label_set_text (self->progress_label, text);
}

static void
write_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PactaBriefingExport) self = user_data; /* the ref taken by start() */
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;

  if (self->progress_toast != NULL)
    adw_toast_dismiss (self->progress_toast);
  g_clear_object (&self->progress_toast);
  self->progress_label = NULL;

  if (!pacta_briefing_write_finish (result, &n_pages, &error))
    {
      g_clear_pointer (&self->saved_path, g_free);
      g_clear_error (&self->error);
      self->error = g_error_copy (error);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_toast (self, adw_toast_new (_("Briefing cancelled")));
      else if (self->parent != NULL)
        {
          AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (self->parent, _("Could Not Write the Briefing"),
                                                                                 error->message));

          adw_message_dialog_add_response (dialog, "close", _("_Close"));
          adw_message_dialog_set_default_response (dialog, "close");
          adw_message_dialog_set_close_response (dialog, "close");
          g_signal_connect (dialog, "response", G_CALLBACK (error_response_cb), NULL);
          gtk_window_present (GTK_WINDOW (dialog));
        }
      set_running (self, FALSE);
      return;
    }

  self->n_pages = n_pages;
  {
    /* Translators: a toast; %u is a number of pages */
    AdwToast *toast = adw_toast_new_format (g_dngettext (GETTEXT_PACKAGE, "Briefing saved (%u page)", "Briefing saved (%u pages)",
                                                         n_pages), n_pages);

    adw_toast_set_button_label (toast, _("_Open"));
    adw_toast_set_timeout (toast, 10);
    g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_clicked_cb), self, G_CONNECT_SWAPPED);
    add_toast (self, toast);
  }
  set_running (self, FALSE);
}

static GPtrArray *
chosen_agreements (PactaBriefingExport *self)
{
  GPtrArray *agreements = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = self->agreements ? g_list_model_get_n_items (self->agreements) : 0;

  if (!self->all && self->current != NULL)
    {
      g_ptr_array_add (agreements, g_object_ref (self->current));
      return agreements;
    }
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (agreements, g_list_model_get_item (self->agreements, i));
  return agreements;
}

/* Writes the briefing to @path with the choices made, showing the progress in a toast. */
void
pacta_briefing_export_start (PactaBriefingExport *self,
                             const char          *path)
{
  g_autoptr(GPtrArray) agreements = NULL;
  g_autoptr(GPtrArray) guidelines = g_ptr_array_new ();
  g_autofree char *title = NULL;
  GtkWidget *box, *spinner, *label;

  g_return_if_fail (PACTA_IS_BRIEFING_EXPORT (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (!self->running);

  agreements = chosen_agreements (self);
  if (self->guideline != NULL)
    g_ptr_array_add (guidelines, self->guideline);
  if (agreements->len == 1)
    /* Translators: the briefing's title for one agreement */
    title = g_strdup_printf (_("Coverage briefing: %s"), pacta_agreement_get_display_title (g_ptr_array_index (agreements, 0)));

  g_clear_pointer (&self->saved_path, g_free);
  g_clear_error (&self->error);
  self->saved_path = g_strdup (path);
  self->n_pages = 0;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* The progress: a spinner, what is being done, and Cancel. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  label = gtk_label_new (_("Writing the briefing…"));
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), label);
  self->progress_label = GTK_LABEL (label);
  self->progress_toast = adw_toast_new ("");
  adw_toast_set_custom_title (self->progress_toast, box);
  adw_toast_set_timeout (self->progress_toast, 0);
  adw_toast_set_priority (self->progress_toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (self->progress_toast, _("_Cancel"));
  g_signal_connect_object (self->progress_toast, "button-clicked", G_CALLBACK (pacta_briefing_export_cancel),
                           self, G_CONNECT_SWAPPED);
  add_toast (self, g_object_ref (self->progress_toast));

  set_running (self, TRUE);
  pacta_briefing_write_async (agreements, guidelines, self->guidelines, self->paper, title, path,
                              self->cancellable, progress_cb, self, write_done_cb, g_object_ref (self));
}

static void
chooser_response_cb (PactaBriefingExport  *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);

  if (path != NULL)
    {
      if (!g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".PDF"))
        {
          char *with_extension = g_strconcat (path, ".pdf", NULL);

          g_free (path);
          path = with_extension;
        }
      pacta_briefing_export_start (self, path);
    }
}

static void
choose_file (PactaBriefingExport *self)
{
  GtkFileFilter *filter;
  g_autofree char *name = NULL;

  /* Kept alive until "response", where it is destroyed. */
  self->chooser = gtk_file_chooser_native_new (_("Save Briefing"), self->parent,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (!self->all && self->current != NULL && pacta_agreement_get_path (self->current) != NULL)
    {
      g_autofree char *base = g_path_get_basename (pacta_agreement_get_path (self->current));
      char *dot = strchr (base, '.');

      if (dot != NULL)
        *dot = '\0';
      /* Translators: the suggested file name of a briefing on one agreement */
      name = g_strdup_printf (_("%s-briefing.pdf"), base);
    }
  else if (!self->all && self->current != NULL && pacta_agreement_get_work_uri (self->current) != NULL)
    {
      /* Kept in the library, not in a file: named after its work ("xe-xh-mou") and year. */
      const char *uri = pacta_agreement_get_work_uri (self->current);
      const char *slash = strrchr (uri, '/');
      int year = pacta_agreement_get_year (self->current);
      g_autofree char *base = year > 0 ? g_strdup_printf ("%s-%d", slash ? slash + 1 : uri, year)
                                       : g_strdup (slash ? slash + 1 : uri);

      name = g_strdup_printf (_("%s-briefing.pdf"), base);
    }
  else
    name = g_strdup (_("briefing.pdf"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
dialog_response_cb (PactaBriefingExport *self,
                    const char          *response,
                    AdwMessageDialog    *dialog)
{
  if (g_strcmp0 (response, "export") == 0)
    {
      guint guideline = gtk_drop_down_get_selected (self->guideline_dropdown);

      self->all = gtk_check_button_get_active (self->all_button);
      g_clear_object (&self->guideline);
      if (guideline > 0 && guideline != GTK_INVALID_LIST_POSITION)
        self->guideline = g_list_model_get_item (self->guidelines, guideline - 1);
      self->paper = gtk_drop_down_get_selected (self->paper_dropdown) == 1 ? PACTA_PAPER_LETTER : PACTA_PAPER_A4;
    }
  close_dialog (self);
  if (g_strcmp0 (response, "export") == 0)
    choose_file (self);
}

static GtkWidget *
labelled (const char *text,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

/* The choices: agreements, guideline, paper. */
static GtkWidget *
build_choices (PactaBriefingExport *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *current, *all;
  g_autoptr(GtkStringList) guidelines = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) papers = gtk_string_list_new (NULL);
  guint n_agreements = self->agreements ? g_list_model_get_n_items (self->agreements) : 0;
  guint n_guidelines = self->guidelines ? g_list_model_get_n_items (self->guidelines) : 0;
  g_autofree char *current_label = NULL;
  g_autofree char *all_label = NULL;
  guint selected = 0;

  /* Translators: %s is the title of the agreement shown */
  current_label = self->current ? g_strdup_printf (_("“%s”"), pacta_agreement_get_display_title (self->current))
                                : g_strdup (_("The current agreement"));
  current = gtk_check_button_new ();
  {
    GtkWidget *label = gtk_label_new (current_label);

    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_check_button_set_child (GTK_CHECK_BUTTON (current), label);
  }
  all_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_All %u agreement in the library", "_All %u agreements in the library",
                                            n_agreements), n_agreements);
  all = gtk_check_button_new_with_mnemonic (all_label);
  gtk_check_button_set_group (GTK_CHECK_BUTTON (all), GTK_CHECK_BUTTON (current));
  gtk_widget_set_sensitive (current, self->current != NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->all || self->current == NULL ? all : current), TRUE);
  self->all_button = GTK_CHECK_BUTTON (all);
  gtk_box_append (GTK_BOX (box), current);
  gtk_box_append (GTK_BOX (box), all);

  gtk_string_list_append (guidelines, _("Suggested for each agreement"));
  for (guint i = 0; i < n_guidelines; i++)
    {
      g_autoptr(PactaGuideline) guideline = g_list_model_get_item (self->guidelines, i);

      gtk_string_list_append (guidelines, pacta_guideline_get_short_title (guideline));
      if (guideline == self->guideline)
        selected = i + 1;
    }
  self->guideline_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (guidelines)), NULL));
  gtk_drop_down_set_selected (self->guideline_dropdown, selected);
  gtk_box_append (GTK_BOX (box), labelled (_("_Guideline"), GTK_WIDGET (self->guideline_dropdown)));

  gtk_string_list_append (papers, _("A4"));
  gtk_string_list_append (papers, _("Letter"));
  self->paper_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (papers)), NULL));
  gtk_drop_down_set_selected (self->paper_dropdown, self->paper == PACTA_PAPER_LETTER ? 1 : 0);
  gtk_box_append (GTK_BOX (box), labelled (_("_Paper"), GTK_WIDGET (self->paper_dropdown)));
  return box;
}

/* ---- GObject ---------------------------------------------------------------------------- */

static void
pacta_briefing_export_dispose (GObject *object)
{
  PactaBriefingExport *self = PACTA_BRIEFING_EXPORT (object);

  g_cancellable_cancel (self->cancellable);
  close_dialog (self);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->progress_toast != NULL)
    adw_toast_dismiss (self->progress_toast);
  g_clear_object (&self->progress_toast);
  self->progress_label = NULL;
  if (self->parent != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->parent), (gpointer *) &self->parent);
  if (self->overlay != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->overlay), (gpointer *) &self->overlay);
  self->parent = NULL;
  self->overlay = NULL;
  g_clear_object (&self->current);
  g_clear_object (&self->agreements);
  g_clear_object (&self->guidelines);
  g_clear_object (&self->guideline);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (pacta_briefing_export_parent_class)->dispose (object);
}

static void
pacta_briefing_export_finalize (GObject *object)
{
  PactaBriefingExport *self = PACTA_BRIEFING_EXPORT (object);

  g_free (self->saved_path);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (pacta_briefing_export_parent_class)->finalize (object);
}

static void
pacta_briefing_export_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PactaBriefingExport *self = PACTA_BRIEFING_EXPORT (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_briefing_export_class_init (PactaBriefingExportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pacta_briefing_export_dispose;
  object_class->finalize = pacta_briefing_export_finalize;
  object_class->get_property = pacta_briefing_export_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pacta_briefing_export_init (PactaBriefingExport *self)
{
  const char *paper = gtk_paper_size_get_default ();

  self->paper = g_strcmp0 (paper, GTK_PAPER_NAME_LETTER) == 0 || g_strcmp0 (paper, GTK_PAPER_NAME_LEGAL) == 0
              ? PACTA_PAPER_LETTER : PACTA_PAPER_A4;
}

/* ---- Public API ------------------------------------------------------------------------- */

/* @current: (nullable): the agreement shown, briefed on by default
 * @agreements: the library's agreements (PactaAgreement), for "all"
 * @guidelines: the guidelines loaded (PactaGuideline) */
PactaBriefingExport *
pacta_briefing_export_new (GtkWindow       *parent,
                           AdwToastOverlay *overlay,
                           PactaAgreement  *current,
                           GListModel      *agreements,
                           GListModel      *guidelines)
{
  PactaBriefingExport *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (overlay == NULL || ADW_IS_TOAST_OVERLAY (overlay), NULL);
  g_return_val_if_fail (current == NULL || PACTA_IS_AGREEMENT (current), NULL);

  self = g_object_new (PACTA_TYPE_BRIEFING_EXPORT, NULL);
  self->parent = parent;
  self->overlay = overlay;
  if (parent != NULL)
    g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &self->parent);
  if (overlay != NULL)
    g_object_add_weak_pointer (G_OBJECT (overlay), (gpointer *) &self->overlay);
  self->current = current ? g_object_ref (current) : NULL;
  self->agreements = agreements ? g_object_ref (agreements) : NULL;
  self->guidelines = guidelines ? g_object_ref (guidelines) : NULL;
  self->all = current == NULL;
  return self;
}

/* Shows the choices; "Export" then asks for the file and starts. */
void
pacta_briefing_export_present (PactaBriefingExport *self)
{
  g_return_if_fail (PACTA_IS_BRIEFING_EXPORT (self));

  if (self->dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->dialog));
      return;
    }
  if (self->running)
    return;

  self->dialog = g_object_ref_sink (ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (self->parent, _("Export Briefing"),
                            _("A PDF to hand over: the scores, charts, and each agreement’s essential gaps with the "
                              "guideline’s guidance and model wording."))));
  adw_message_dialog_set_extra_child (self->dialog, build_choices (self));
  adw_message_dialog_add_responses (self->dialog, "cancel", _("_Cancel"), "export", _("_Export…"), NULL);
  adw_message_dialog_set_response_appearance (self->dialog, "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (self->dialog, "export");
  adw_message_dialog_set_close_response (self->dialog, "cancel");
  g_signal_connect_object (self->dialog, "response", G_CALLBACK (dialog_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->dialog));
}

/* Returns: (transfer none) (nullable): the choices dialog while it is shown */
GtkWindow *
pacta_briefing_export_get_dialog (PactaBriefingExport *self)
{
  g_return_val_if_fail (PACTA_IS_BRIEFING_EXPORT (self), NULL);
  return self->dialog ? GTK_WINDOW (self->dialog) : NULL;
}

void
pacta_briefing_export_set_all (PactaBriefingExport *self,
                               gboolean             all)
{
  g_return_if_fail (PACTA_IS_BRIEFING_EXPORT (self));
  self->all = all || self->current == NULL;
}

/* @guideline: (nullable): the guideline to hold every agreement against; %NULL for those
 * suggested for each agreement's kind */
void
pacta_briefing_export_set_guideline (PactaBriefingExport *self,
                                     PactaGuideline      *guideline)
{
  g_return_if_fail (PACTA_IS_BRIEFING_EXPORT (self));
  g_set_object (&self->guideline, guideline);
}

void
pacta_briefing_export_set_paper (PactaBriefingExport *self,
                                 PactaPaper           paper)
{
  g_return_if_fail (PACTA_IS_BRIEFING_EXPORT (self));
  self->paper = paper;
}

void
pacta_briefing_export_cancel (PactaBriefingExport *self)
{
  g_return_if_fail (PACTA_IS_BRIEFING_EXPORT (self));

  g_cancellable_cancel (self->cancellable);
  if (self->progress_label != NULL)
    gtk_label_set_text (self->progress_label, _("Cancelling…"));
}

gboolean
pacta_briefing_export_is_running (PactaBriefingExport *self)
{
  g_return_val_if_fail (PACTA_IS_BRIEFING_EXPORT (self), FALSE);
  return self->running;
}

/* Returns: (nullable): the file written last, once it is written */
const char *
pacta_briefing_export_get_saved_path (PactaBriefingExport *self)
{
  g_return_val_if_fail (PACTA_IS_BRIEFING_EXPORT (self), NULL);
  return self->running || self->error ? NULL : self->saved_path;
}

guint
pacta_briefing_export_get_n_pages (PactaBriefingExport *self)
{
  g_return_val_if_fail (PACTA_IS_BRIEFING_EXPORT (self), 0);
  return self->n_pages;
}

/* Returns: (nullable): why the last briefing was not written (cancelled included) */
const GError *
pacta_briefing_export_get_error (PactaBriefingExport *self)
{
  g_return_val_if_fail (PACTA_IS_BRIEFING_EXPORT (self), NULL);
  return self->error;
}
