/* pacta-import-dialog.c — the modal window in which a document is read, previewed and fixed
 *
 * Two pages: while the document is read (in a thread the owner runs), a progress page with
 * a spinner, a progress bar ("Page 12 of 140") and Cancel; then the PactaImportPreview, with
 * Cancel and Import (a split button: Import As… in its menu) in the header bar. The dialog
 * saves nothing itself: Import emits ::save, Cancel emits ::cancel once the user agreed to
 * lose the corrections, and the owner (PactaImporter) does the rest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pacta-akn-writer.h"
#include "pacta-import-dialog.h"
#include "pacta-resources.h"

struct _PactaImportDialog
{
  AdwWindow           parent_instance;

  /* Template widgets */
  AdwWindowTitle     *window_title;
  GtkStack           *stack;
  AdwStatusPage      *progress_page;
  GtkSpinner         *spinner;
  GtkProgressBar     *progress_bar;
  GtkLabel           *progress_label;
  PactaImportPreview *preview;

  /* Owned */
  char               *file_name;
  char               *initial_xml;   /* the agreement as detected, to tell whether it was fixed */

  /* Borrowed: cleared by a weak pointer */
  AdwMessageDialog   *confirm;

  guint               busy : 1;
};

G_DEFINE_FINAL_TYPE (PactaImportDialog, pacta_import_dialog, ADW_TYPE_WINDOW)

enum {
  SAVE,
  CANCEL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_actions (PactaImportDialog *self)
{
  gboolean ready = pacta_import_dialog_get_draft (self) != NULL && !self->busy;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save-as", ready);
}

static char *
dup_agreement_xml (PactaImportDialog *self)
{
  g_autoptr(PactaAgreement) agreement = pacta_import_preview_build_agreement (self->preview);

  return agreement ? pacta_akn_to_string (agreement) : NULL;
}

/* ---- Actions ------------------------------------------------------------------------------ */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PactaImportDialog *self = PACTA_IMPORT_DIALOG (widget);

  if (pacta_import_dialog_get_draft (self) == NULL || self->busy)
    return;
  g_signal_emit (self, signals[SAVE], 0, g_str_equal (action_name, "import.save-as"));
}

static gboolean
emit_cancel_cb (gpointer user_data)
{
  PactaImportDialog *self = user_data;

  g_signal_emit (self, signals[CANCEL], 0);
  return G_SOURCE_REMOVE;
}

static void
confirm_response_cb (PactaImportDialog *self,
                     const char        *response,
                     AdwMessageDialog  *dialog)
{
  /* Once the message dialog is done with its response: the owner destroys us, and us it. */
  if (g_strcmp0 (response, "discard") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT, emit_cancel_cb, g_object_ref (self), g_object_unref);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PactaImportDialog *self = PACTA_IMPORT_DIALOG (widget);

  if (self->confirm != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->confirm));
      return;
    }
  if (!pacta_import_dialog_get_modified (self))
    {
      g_signal_emit (self, signals[CANCEL], 0);
      return;
    }

  /* Corrections would be lost: ask first. */
  self->confirm = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Discard the Corrections?"),
                                                              _("The boundaries and details you corrected are lost, and nothing is imported.")));
  adw_message_dialog_add_responses (self->confirm,
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (self->confirm, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (self->confirm, "keep");
  adw_message_dialog_set_close_response (self->confirm, "keep");
  g_object_add_weak_pointer (G_OBJECT (self->confirm), (gpointer *) &self->confirm);
  g_signal_connect_object (self->confirm, "response", G_CALLBACK (confirm_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->confirm));
}

/* The window manager's close button and Escape are Cancel. */
static gboolean
pacta_import_dialog_close_request (GtkWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "import.cancel", NULL);
  return TRUE;
}

/* ---- GObject ------------------------------------------------------------------------------ */

static void
pacta_import_dialog_dispose (GObject *object)
{
  PactaImportDialog *self = PACTA_IMPORT_DIALOG (object);

  if (self->confirm != NULL)
    gtk_window_destroy (GTK_WINDOW (self->confirm));
  gtk_widget_dispose_template (GTK_WIDGET (self), PACTA_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (pacta_import_dialog_parent_class)->dispose (object);
}

static void
pacta_import_dialog_finalize (GObject *object)
{
  PactaImportDialog *self = PACTA_IMPORT_DIALOG (object);

  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->initial_xml, g_free);

  G_OBJECT_CLASS (pacta_import_dialog_parent_class)->finalize (object);
}

static void
pacta_import_dialog_class_init (PactaImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pacta_import_dialog_dispose;
  object_class->finalize = pacta_import_dialog_finalize;
  window_class->close_request = pacta_import_dialog_close_request;

  /**
   * PactaImportDialog::save:
   * @choose: TRUE for Import As… (the owner asks where), FALSE for Import
   */
  signals[SAVE] =
    g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
  /**
   * PactaImportDialog::cancel:
   *
   * Cancel, Escape or the close button, once any corrections may be dropped. The owner
   * stops the reading, if any, and destroys the dialog.
   */
  signals[CANCEL] =
    g_signal_new ("cancel", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (PACTA_TYPE_IMPORT_PREVIEW);
  (void) pacta_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacta/Pacta/ui/pacta-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PactaImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PactaImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PactaImportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, PactaImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, PactaImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PactaImportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, PactaImportDialog, preview);

  gtk_widget_class_install_action (widget_class, "import.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "import.save-as", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "import.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "import.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "import.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
pacta_import_dialog_init (PactaImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_spinner_start (self->spinner);
  update_actions (self);
}

/* ---- Public API --------------------------------------------------------------------------- */

/* @file_name: the document's name as the user knows it (shown in the title) */
PactaImportDialog *
pacta_import_dialog_new (GtkWindow  *parent,
                         const char *file_name)
{
  PactaImportDialog *self;
  g_autofree char *title = NULL;
  g_autofree char *reading = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  self = g_object_new (PACTA_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->file_name = g_strdup (file_name);

  /* Translators: the import window's title; %s is a file name */
  title = g_strdup_printf (_("Import “%s”"), file_name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, file_name);
  adw_window_title_set_subtitle (self->window_title, _("Reading…"));
  /* Translators: %s is a file name */
  reading = g_strdup_printf (_("Reading “%s”…"), file_name);
  adw_status_page_set_title (self->progress_page, reading);

  /* Large enough for the two panes, within the main window. */
  if (parent != NULL)
    {
      int width = gtk_widget_get_width (GTK_WIDGET (parent));
      int height = gtk_widget_get_height (GTK_WIDGET (parent));

      if (width > 0 && height > 0)
        gtk_window_set_default_size (GTK_WINDOW (self), CLAMP (width - 96, 720, 1280), CLAMP (height - 64, 480, 900));
    }
  return self;
}

const char *
pacta_import_dialog_get_file_name (PactaImportDialog *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_DIALOG (self), NULL);
  return self->file_name;
}

/* How far the reading got: @done of @total pages (0 of 0: unknown). */
void
pacta_import_dialog_set_progress (PactaImportDialog *self,
                                  guint              done,
                                  guint              total)
{
  g_autofree char *text = NULL;

  g_return_if_fail (PACTA_IS_IMPORT_DIALOG (self));

  /* A spinner while the amount of work is unknown, the bar once it is. */
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), total == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), total > 0);
  if (total == 0)
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, MIN (done, total) / (double) total);
  if (done < total)
    /* Translators: progress of reading a PDF */
    text = g_strdup_printf (_("Page %u of %u"), done + 1, total);
  else
    text = g_strdup (_("Finding the articles…"));
  gtk_label_set_label (self->progress_label, text);
}

PactaImportDraft *
pacta_import_dialog_get_draft (PactaImportDialog *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_DIALOG (self), NULL);
  return pacta_import_preview_get_draft (self->preview);
}

/* The document is read: the preview replaces the progress page. */
void
pacta_import_dialog_set_draft (PactaImportDialog *self,
                               PactaImportDraft  *draft)
{
  PactaImportSource *source;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  guint n_pages;
  guint n_lines;

  g_return_if_fail (PACTA_IS_IMPORT_DIALOG (self));
  g_return_if_fail (PACTA_IS_IMPORT_DRAFT (draft));

  pacta_import_preview_set_draft (self->preview, draft);
  g_clear_pointer (&self->initial_xml, g_free);
  self->initial_xml = dup_agreement_xml (self);

  source = pacta_import_draft_get_source (draft);
  switch (pacta_import_source_get_format (source))
    {
    case PACTA_IMPORT_FORMAT_PDF: g_string_append (subtitle, _("PDF")); break;
    case PACTA_IMPORT_FORMAT_DOCX: g_string_append (subtitle, _("Word document")); break;
    case PACTA_IMPORT_FORMAT_ODT: g_string_append (subtitle, _("OpenDocument text")); break;
    case PACTA_IMPORT_FORMAT_HTML: g_string_append (subtitle, _("Web page")); break;
    case PACTA_IMPORT_FORMAT_MARKDOWN: g_string_append (subtitle, _("Markdown text")); break;
    case PACTA_IMPORT_FORMAT_TEXT:
    case PACTA_IMPORT_FORMAT_UNKNOWN:
    default: g_string_append (subtitle, _("Plain text")); break;
    }
  n_pages = pacta_import_source_get_n_pages (source);
  if (n_pages > 0)
    {
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", n_pages), n_pages);
    }
  n_lines = pacta_import_draft_get_n_lines (draft);
  g_string_append (subtitle, " · ");
  g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%u paragraph", "%u paragraphs", n_lines), n_lines);
  adw_window_title_set_subtitle (self->window_title, subtitle->str);

  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->preview));
}

PactaImportPreview *
pacta_import_dialog_get_preview (PactaImportDialog *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_DIALOG (self), NULL);
  return self->preview;
}

/* Whether the user corrected the structure or the details since the document was read. */
gboolean
pacta_import_dialog_get_modified (PactaImportDialog *self)
{
  g_autofree char *xml = NULL;

  g_return_val_if_fail (PACTA_IS_IMPORT_DIALOG (self), FALSE);

  if (self->initial_xml == NULL)
    return FALSE;
  xml = dup_agreement_xml (self);
  return g_strcmp0 (xml, self->initial_xml) != 0;
}

/* While the owner asks where to save: Import is off. */
void
pacta_import_dialog_set_busy (PactaImportDialog *self,
                              gboolean           busy)
{
  g_return_if_fail (PACTA_IS_IMPORT_DIALOG (self));

  self->busy = !!busy;
  update_actions (self);
}
