/* pacta-output.c — writing exported files whole or not at all
 *
 * Charts, briefings and matrices are rendered in memory first, then written to a temporary
 * file beside the target and renamed over it (g_file_set_contents_full), so a failure —
 * a full disk, a bad path, an error while rendering — never leaves half a file behind, and
 * an existing file stays as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-output"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "pacta-error.h"
#include "pacta-output.h"

/* Fails early, before any work is done, when @path cannot be written: its folder is missing
 * or not writable, or it names a folder. */
gboolean
pacta_output_check_writable (const char  *path,
                             GError     **error)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (path[0] == '\0')
    {
      g_set_error (error, PACTA_ERROR, PACTA_ERROR_IO, _("the output file name is empty"));
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PACTA_ERROR, PACTA_ERROR_IO, _("cannot write %s: it is a folder"), path);
      return FALSE;
    }
  dir = g_path_get_dirname (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PACTA_ERROR, PACTA_ERROR_IO, _("cannot write %s: the folder %s does not exist"), path, dir);
      return FALSE;
    }
  if (g_access (dir, W_OK) != 0)
    {
      int saved = errno;
      g_set_error (error, PACTA_ERROR, PACTA_ERROR_IO, _("cannot write %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS) && g_access (path, W_OK) != 0)
    {
      int saved = errno;
      g_set_error (error, PACTA_ERROR, PACTA_ERROR_IO, _("cannot write %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
pacta_output_write (const char  *path,
                    GBytes      *bytes,
                    GError     **error)
{
  g_autoptr(GError) local = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!pacta_output_check_writable (path, error))
    return FALSE;
  /* The same flags as the core's XML writer (_pacta_write_file), for binary data too. */
  if (!g_file_set_contents_full (path, data ? data : "", size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0644, &local))
    {
      g_set_error (error, PACTA_ERROR, PACTA_ERROR_IO, _("cannot write %s: %s"), path, local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
pacta_output_write_string (const char  *path,
                           const char  *text,
                           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return pacta_output_write (path, bytes, error);
}
