/* main.c — pacta: the window, or a headless subcommand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "pacta-application.h"
#include "pacta-cli.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(PactaApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Subcommands never touch the display, so they work over SSH and in CI. */
  if (pacta_cli_handles (argc, argv))
    return pacta_cli_run (argc, argv);

  app = pacta_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
