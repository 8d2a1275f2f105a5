/* pacta-application.c — the AdwApplication: app actions, opening files from the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-application"

#include "config.h"

#include <glib/gi18n.h>

#include "pacta-application.h"
#include "pacta-resources.h"
#include "pacta-window.h"

struct _PactaApplication
{
  AdwApplication parent_instance;

  char          *library_path;  /* --library PATH, or NULL for $PACTA_LIBRARY or the default */
};

G_DEFINE_FINAL_TYPE (PactaApplication, pacta_application, ADW_TYPE_APPLICATION)

static PactaWindow *
get_window (PactaApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (PACTA_IS_WINDOW (window))
    return PACTA_WINDOW (window);
  return pacta_window_new (GTK_APPLICATION (self));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  PactaApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing the windows (rather than g_application_quit()) lets them save their size. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  PactaApplication *self = user_data;
  PactaWindow *window = get_window (self);

  gtk_window_present (GTK_WINDOW (window));
  pacta_window_show_open_dialog (window);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  PactaApplication *self = user_data;
  static const char *developers[] = { "The Pacta authors", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (parent,
                         "application-name", _("Pacta"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Pacta authors"),
                         "developers", developers,
                         "version", PACKAGE_VERSION,
                         "comments", _("Read bilateral labour-migration and social-security agreements and "
                                       "hold them against international guidelines."),
                         "website", "https://github.com/pacta/pacta",
                         "issue-url", "https://github.com/pacta/pacta/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2025 The Pacta authors",
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
  { "open", open_action, NULL, NULL, NULL, { 0 } },
  { "about", about_action, NULL, NULL, NULL, { 0 } },
};

static void
pacta_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };

  /* AdwApplication loads style.css from the resource base path here. Referencing the bundle
   * keeps it linked in from the static library (its constructor registers it). */
  if (pacta_get_resource () == NULL)
    g_error ("The application's resource bundle is missing");

  G_APPLICATION_CLASS (pacta_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.open", open_accels);

  /* Light and dark follow the system. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
pacta_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_window (PACTA_APPLICATION (app))));
}

/* `pacta FILE…`: the files open in the window, next to the library. */
static void
pacta_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  PactaWindow *window = get_window (PACTA_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  pacta_window_open_files (window, files, n_files);
}

/* `pacta --library PATH`: the window opens that library instead of the user's. Such an
 * instance runs on its own, so that it does not hand the option to a window already open on
 * another library. */
static int
pacta_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  PactaApplication *self = PACTA_APPLICATION (app);
  g_autofree char *path = NULL;

  if (g_variant_dict_lookup (options, "library", "^ay", &path) && path != NULL && path[0] != '\0')
    {
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);

      pacta_application_set_library_path (self, absolute);
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  return -1;
}

static void
pacta_application_finalize (GObject *object)
{
  PactaApplication *self = PACTA_APPLICATION (object);

  g_clear_pointer (&self->library_path, g_free);

  G_OBJECT_CLASS (pacta_application_parent_class)->finalize (object);
}

static void
pacta_application_class_init (PactaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = pacta_application_finalize;
  app_class->handle_local_options = pacta_application_handle_local_options;
  app_class->startup = pacta_application_startup;
  app_class->activate = pacta_application_activate;
  app_class->open = pacta_application_open;
}

static void
pacta_application_init (PactaApplication *self)
{
  static const GOptionEntry options[] = {
    { "library", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the library at PATH instead of your own"), N_("PATH") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

/* Returns: (nullable): the library the window opens (--library), or NULL: $PACTA_LIBRARY, else
 * the user's library (see pacta_library_default_path()) */
const char *
pacta_application_get_library_path (PactaApplication *self)
{
  g_return_val_if_fail (PACTA_IS_APPLICATION (self), NULL);
  return self->library_path;
}

void
pacta_application_set_library_path (PactaApplication *self,
                                    const char       *path)
{
  g_return_if_fail (PACTA_IS_APPLICATION (self));

  g_free (self->library_path);
  self->library_path = g_strdup (path);
}

PactaApplication *
pacta_application_new (void)
{
  return g_object_new (PACTA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/pacta/Pacta",
                       NULL);
}
