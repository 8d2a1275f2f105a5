/* library-helper.c — edits decisions and notes in a loop, for the kill -9 test
 *
 *   library-helper LIBRARY AGREEMENT-ID RUN
 *
 * Each round stores a decision (on one of five items, in turn) and adds a note, each in its own
 * transaction, then prints "ROUND" and flushes: every printed round is committed. It runs until
 * it is killed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "pacta-library.h"

static const char * const slugs[] = {
  "ssa-export", "ssa-equal-treatment", "ssa-totalisation", "ssa-applicable-legislation", "ssa-admin-cooperation",
};

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaLibrary) library = NULL;
  gint64 agreement;
  const char *run;

  if (argc != 4)
    {
      fprintf (stderr, "usage: %s LIBRARY AGREEMENT-ID RUN\n", argv[0]);
      return 2;
    }
  agreement = g_ascii_strtoll (argv[2], NULL, 10);
  run = argv[3];
  library = pacta_library_open (argv[1], PACTA_LIBRARY_OPEN_NO_CREATE, &error);
  if (library == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  for (guint round = 0; ; round++)
    {
      g_autofree char *reason = g_strdup_printf ("%s:%u", run, round);
      g_autofree char *note = g_strdup_printf ("note %s:%u", run, round);
      PactaFindingOrigin origin = round % 2 ? PACTA_FINDING_ORIGIN_SET : PACTA_FINDING_ORIGIN_NOT_APPLICABLE;
      PactaFindingStatus status = round % 2 ? PACTA_FINDING_STATUS_PARTIAL : PACTA_FINDING_STATUS_NOT_APPLICABLE;

      if (!pacta_library_set_decision (library, agreement, "ss-coord", slugs[round % G_N_ELEMENTS (slugs)],
                                       origin, status, reason, &error) ||
          pacta_library_add_note (library, agreement, "art_5", note, &error) == 0)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      printf ("%u\n", round);
      fflush (stdout);
    }
  return 0;
}
