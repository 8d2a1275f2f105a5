/* pacta-application.c — the GtkApplication
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-application"

#include "config.h"

#include <glib/gi18n.h>

#include "pacta-application.h"

struct _PactaApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (PactaApplication, pacta_application, ADW_TYPE_APPLICATION)

static void
pacta_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = g_object_new (ADW_TYPE_APPLICATION_WINDOW, "application", app, "title", _("Pacta"), NULL);
  gtk_window_present (window);
}

static void
pacta_application_class_init (PactaApplicationClass *klass)
{
  G_APPLICATION_CLASS (klass)->activate = pacta_application_activate;
}

static void
pacta_application_init (PactaApplication *self)
{
}

PactaApplication *
pacta_application_new (void)
{
  return g_object_new (PACTA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}
