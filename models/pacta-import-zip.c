/* pacta-import-zip.c — members of a ZIP container (DOCX, ODT), through libarchive
 *
 * Only the members asked for are extracted, each with a size limit counted on the bytes
 * actually inflated (a member may lie about its size: a ZIP bomb does), and the archive
 * as a whole has a limit on the number of members.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-import-zip"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>
#include <string.h>

#include "pacta-import-private.h"

#define MAX_MEMBER_SIZE ((gsize) 64 * 1024 * 1024)
#define MAX_MEMBERS 20000

typedef struct archive PactaArchive;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PactaArchive, archive_read_free)

/* Returns: (transfer full): member name → GBytes for each of @wanted present. */
GHashTable *
_pacta_import_unzip (GBytes              *bytes,
                     const char          *file,
                     const char * const  *wanted,
                     GError             **error)
{
  g_autoptr(PactaArchive) a = archive_read_new ();
  g_autoptr(GHashTable) members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_bytes_unref);
  struct archive_entry *entry;
  gsize length;
  const void *data = g_bytes_get_data (bytes, &length);
  guint count = 0;
  int status;

  archive_read_support_format_zip (a);
  if (archive_read_open_memory (a, data, length) != ARCHIVE_OK)
    {
      _pacta_import_set_error (error, PACTA_ERROR_MALFORMED, file, _("not a valid ZIP archive: %s"),
                               archive_error_string (a) ? archive_error_string (a) : _("unreadable"));
      return NULL;
    }

  while ((status = archive_read_next_header (a, &entry)) == ARCHIVE_OK || status == ARCHIVE_WARN)
    {
      const char *name = archive_entry_pathname (entry);
      GByteArray *buffer;
      char chunk[65536];
      la_ssize_t got;

      if (++count > MAX_MEMBERS)
        {
          _pacta_import_set_error (error, PACTA_ERROR_TOO_LARGE, file, "%s",
                                   _("the archive has too many members"));
          return NULL;
        }
      if (name == NULL || !g_strv_contains (wanted, name) || g_hash_table_contains (members, name))
        {
          archive_read_data_skip (a);
          continue;
        }

      buffer = g_byte_array_new ();
      while ((got = archive_read_data (a, chunk, sizeof chunk)) > 0)
        {
          if (buffer->len + (gsize) got > MAX_MEMBER_SIZE)
            {
              g_autofree char *limit = g_format_size (MAX_MEMBER_SIZE);

              g_byte_array_unref (buffer);
              _pacta_import_set_error (error, PACTA_ERROR_TOO_LARGE, file,
                                       _("“%s” inflates to more than %s"), name, limit);
              return NULL;
            }
          g_byte_array_append (buffer, (const guint8 *) chunk, got);
        }
      if (got < 0)
        {
          _pacta_import_set_error (error, PACTA_ERROR_MALFORMED, file, _("damaged archive member “%s”: %s"),
                                   name, archive_error_string (a) ? archive_error_string (a) : _("unreadable"));
          g_byte_array_unref (buffer);
          return NULL;
        }
      g_hash_table_insert (members, g_strdup (name), g_byte_array_free_to_bytes (buffer));
    }

  if (status != ARCHIVE_EOF)
    {
      _pacta_import_set_error (error, PACTA_ERROR_MALFORMED, file, _("not a valid ZIP archive: %s"),
                               archive_error_string (a) ? archive_error_string (a) : _("damaged"));
      return NULL;
    }
  return g_steal_pointer (&members);
}
