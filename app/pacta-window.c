/* pacta-window.c — the main window: library sidebar, Read view, guideline pages
 *
 * The library (a GListStore of PactaLibraryItem) starts with the bundled samples and guidelines;
 * files the user opens are loaded in a worker thread and added to it. A file that cannot be
 * read is reported with its line and column, and nothing else changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pacta-akn-reader.h"
#include "pacta-briefing-export.h"
#include "pacta-charts-view.h"
#include "pacta-data.h"
#include "pacta-check-view.h"
#include "pacta-compare-page.h"
#include "pacta-guideline-reader.h"
#include "pacta-guideline-view.h"
#include "pacta-importer.h"
#include "pacta-library-item.h"
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

  /* Owned references */
  GListStore           *library;         /* PactaLibraryItem */
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

  double                zoom;
  guint                 n_pending;
};

G_DEFINE_FINAL_TYPE (PactaWindow, pacta_window, ADW_TYPE_APPLICATION_WINDOW)

/* ---- Library ---------------------------------------------------------------------------- */

static PactaLibraryItem *
find_item_by_path (PactaWindow *self,
                   const char  *path)
{
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->library));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaLibraryItem) item = g_list_model_get_item (G_LIST_MODEL (self->library), i);

      if (g_strcmp0 (pacta_library_item_get_path (item), canonical) == 0)
        return item; /* the store keeps it alive */
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

  if (g_list_store_find (self->library, item, &position))
    g_list_store_remove (self->library, position);
  if (guideline != NULL && g_list_store_find (self->guidelines, guideline, &position))
    g_list_store_remove (self->guidelines, position);
}

/* The bundled samples and guidelines, so that a first start has something to explore. */
static void
load_bundled (PactaWindow *self)
{
  g_autoptr(GPtrArray) guidelines = pacta_data_list_files ("guidelines");
  g_autoptr(GPtrArray) samples = pacta_data_list_files ("samples");

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

static void
show_item (PactaWindow      *self,
           PactaLibraryItem *item)
{
  PactaAgreement *agreement = item ? pacta_library_item_get_agreement (item) : NULL;
  PactaGuideline *guideline = item ? pacta_library_item_get_guideline (item) : NULL;

  if (agreement != NULL)
    {
      g_autofree char *subtitle = NULL;

      pacta_read_view_set_agreement (self->read_view, agreement);
      /* The view (Read, Check) stays as it was: the selection changes what it shows. */
      pacta_check_view_set_agreement (self->check_view, agreement);
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

  return g_object_ref (pacta_library_item_get_agreement (library_item));
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

/* Opens @file in the window: selects it if it is already in the library, otherwise loads it
 * in a thread and adds it. Problems are reported in a dialog; nothing else changes. */
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
      pacta_sidebar_select_item (self->sidebar, existing);
      remember_recent (self, path);
      return;
    }

  /* A PDF, Word, OpenDocument, HTML or text document: imported, not read as XML. */
  if (pacta_importer_handles_path (path))
    {
      pacta_importer_import_file (self->importer, file);
      return;
    }

  self->n_pending++;
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
  if (!pacta_library_item_get_user_opened (item))
    return; /* a bundled sample stays in the library */

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
  items = pacta_sidebar_get_visible_items (self->sidebar);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PactaLibraryItem) item = g_list_model_get_item (items, i);
      PactaAgreement *agreement = pacta_library_item_get_agreement (item);

      if (agreement == NULL || pacta_library_item_get_user_opened (item))
        continue;
      if (speaks_language (pacta_agreement_get_language (agreement)))
        return item; /* the library keeps it alive */
      if (first == NULL)
        first = item;
    }
  return first;
}

static void
explore_samples_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PactaWindow *self = PACTA_WINDOW (widget);
  PactaLibraryItem *item = first_sample (self);

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
pacta_window_dispose (GObject *object)
{
  PactaWindow *self = PACTA_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->importer != NULL)
    pacta_importer_shutdown (self->importer);
  g_clear_object (&self->importer);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->briefing != NULL)
    g_object_run_dispose (G_OBJECT (self->briefing)); /* cancels the work and closes its dialogs */
  g_clear_object (&self->briefing);
  if (self->error_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->error_dialog));

  gtk_widget_dispose_template (GTK_WIDGET (self), PACTA_TYPE_WINDOW);

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
  gtk_widget_class_bind_template_callback (widget_class, sidebar_selection_changed_cb);
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
  load_bundled (self);
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

  set_zoom (self, self->settings ? g_settings_get_double (self->settings, "text-zoom") : 1.0);
  rebuild_file_menu (self);
  show_item (self, NULL);
}

PactaWindow *
pacta_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (PACTA_TYPE_WINDOW, "application", application, NULL);
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
