/* pacta-cli-common.c — what several subcommands need: guidelines by id or file, agreements
 * checked against them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pacta-akn-reader.h"
#include "pacta-cli-private.h"
#include "pacta-data.h"
#include "pacta-error.h"
#include "pacta-guideline-reader.h"

/* Every bundled guideline, by id. */
GHashTable *
_pacta_cli_load_bundled_guidelines (void)
{
  GHashTable *bundled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GPtrArray) paths = pacta_data_list_files ("guidelines");

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GError) error = NULL;
      PactaGuideline *guideline = pacta_guideline_load_file (g_ptr_array_index (paths, i), &error);

      if (guideline == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          continue;
        }
      g_hash_table_insert (bundled, g_strdup (pacta_guideline_get_id (guideline)), guideline);
    }
  return bundled;
}

/* A bundled guideline by id, or a guideline file by path. Returns: (transfer full) */
PactaGuideline *
_pacta_cli_find_guideline (GHashTable  *bundled,
                           const char  *id_or_file,
                           GError     **error)
{
  PactaGuideline *guideline = g_hash_table_lookup (bundled, id_or_file);

  if (guideline != NULL)
    return g_object_ref (guideline);
  if (g_file_test (id_or_file, G_FILE_TEST_EXISTS))
    return pacta_guideline_load_file (id_or_file, error);

  g_set_error (error, PACTA_ERROR, PACTA_ERROR_IO, _("no bundled guideline “%s” and no such file"), id_or_file);
  return NULL;
}

/* Loads every file; problems are printed as FILE:LINE:COLUMN: message. Returns the
 * agreements that loaded (PactaAgreement) and sets *@failures to the number that did not. */
GPtrArray *
_pacta_cli_load_agreements (char  **files,
                            int     n_files,
                            int    *failures)
{
  GPtrArray *agreements = g_ptr_array_new_with_free_func (g_object_unref);

  *failures = 0;
  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(GError) error = NULL;
      PactaAgreement *agreement = pacta_akn_load_file (files[i], &error);

      if (agreement == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          (*failures)++;
          continue;
        }
      g_ptr_array_add (agreements, agreement);
    }
  return agreements;
}
