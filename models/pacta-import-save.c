/* pacta-import-save.c — where an imported agreement is saved, and saving it safely
 *
 * The window's Import saves into the user's data folder ($XDG_DATA_HOME/pacta/agreements)
 * under a name made from the parties, the kind and the year, like the bundled samples
 * ("xa-xb-ssa-2019.akn.xml"). Nothing is written unless the Akoma Ntoso validates; a new
 * name is reserved with O_EXCL, so an existing file is never replaced, and the text is then
 * written atomically over the reservation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-import"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "pacta-akn-writer.h"
#include "pacta-import-save.h"
#include "pacta-party.h"
#include "pacta-validator.h"
#include "pacta-xml-private.h"

#define SUFFIX ".akn.xml"
#define MAX_SLUG 48

/* $XDG_DATA_HOME/pacta/agreements (not created here). */
char *
pacta_import_dup_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "pacta", "agreements", NULL);
}

/* Lower-case ASCII words joined by hyphens, at most @max bytes, cut at a word. */
static void
append_slug (GString    *out,
             const char *text,
             gsize       max)
{
  g_autofree char *ascii = NULL;
  gsize start = out->len;
  gboolean hyphen = out->len > 0;

  if (text == NULL)
    return;
  ascii = g_str_to_ascii (text, "C");
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (hyphen)
            g_string_append_c (out, '-');
          hyphen = FALSE;
          g_string_append_c (out, g_ascii_tolower (*p));
        }
      else if (out->len > 0)
        hyphen = TRUE;
      if (out->len - start >= max)
        {
          /* Cut back to the last whole word. */
          const char *cut = strrchr (out->str + start, '-');

          if (cut != NULL && cut > out->str + start)
            g_string_truncate (out, cut - out->str);
          break;
        }
    }
}

/* A file name for @agreement: "xt-xm-ssa-2019.akn.xml" from the parties' codes, the kind and
 * the year; the title's first words when it names no party; else the source file's name. */
char *
pacta_import_suggest_file_name (PactaAgreement *agreement,
                                const char     *source_path)
{
  g_autoptr(GString) name = g_string_new (NULL);
  GListModel *parties;
  guint n_parties;
  PactaAgreementKind kind;
  int year;

  g_return_val_if_fail (PACTA_IS_AGREEMENT (agreement), NULL);

  parties = pacta_agreement_get_parties (agreement);
  n_parties = g_list_model_get_n_items (parties);
  kind = pacta_agreement_get_kind (agreement);
  if (n_parties >= 1 && n_parties <= 4)
    for (guint i = 0; i < n_parties; i++)
      {
        g_autoptr(PactaParty) party = g_list_model_get_item (parties, i);

        append_slug (name, pacta_party_get_code (party), 8);
      }
  if (name->len == 0)
    {
      const char *title = pacta_agreement_get_short_title (agreement);

      append_slug (name, title ? title : pacta_agreement_get_title (agreement), MAX_SLUG);
    }
  if (name->len == 0 && source_path != NULL)
    {
      g_autofree char *base = g_path_get_basename (source_path);
      char *dot = strchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      append_slug (name, base, MAX_SLUG);
    }
  if (name->len == 0)
    g_string_append (name, "agreement");

  if (kind != PACTA_AGREEMENT_KIND_UNKNOWN && n_parties > 0)
    append_slug (name, pacta_agreement_kind_to_string (kind), 16);
  year = pacta_agreement_get_year (agreement);
  if (year > 0)
    g_string_append_printf (name, "-%d", year);
  g_string_append (name, SUFFIX);
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* Writes @agreement as Akoma Ntoso and validates it, naming @path in the problems.
 * Returns: whether it validates; the text in @xml when it does. */
gboolean
pacta_import_check (PactaAgreement  *agreement,
                    const char      *path,
                    char           **xml,
                    GError         **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  PactaDocumentType type = PACTA_DOCUMENT_UNKNOWN;

  g_return_val_if_fail (PACTA_IS_AGREEMENT (agreement), FALSE);

  text = pacta_akn_to_string (agreement);
  bytes = g_bytes_new_static (text, strlen (text));
  problems = pacta_validate_bytes (bytes, path, &type);
  if (problems->len > 0 || type != PACTA_DOCUMENT_AGREEMENT)
    {
      g_autoptr(GString) message = g_string_new (_("the agreement does not validate; nothing was written"));

      for (guint i = 0; i < MIN (problems->len, 5u); i++)
        {
          g_autofree char *line = pacta_problem_to_string (g_ptr_array_index (problems, i));

          g_string_append_printf (message, "\n%s", line);
        }
      g_set_error_literal (error, PACTA_ERROR, PACTA_ERROR_INVALID, message->str);
      return FALSE;
    }
  if (xml != NULL)
    *xml = g_steal_pointer (&text);
  return TRUE;
}

/* Saves @agreement in @dir (created if need be) as @file_name, or as "NAME-2.akn.xml",
 * "NAME-3.akn.xml"… when that is taken: an existing file is never replaced.
 * Returns: (transfer full): the path written, or NULL with nothing written. */
char *
pacta_import_save_new (PactaAgreement  *agreement,
                       const char      *dir,
                       const char      *file_name,
                       GError         **error)
{
  g_autofree char *xml = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PACTA_IS_AGREEMENT (agreement), NULL);
  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (file_name != NULL && strchr (file_name, G_DIR_SEPARATOR) == NULL, NULL);

  stem = g_str_has_suffix (file_name, SUFFIX)
           ? g_strndup (file_name, strlen (file_name) - strlen (SUFFIX))
           : g_strdup (file_name);
  {
    g_autofree char *first = g_build_filename (dir, file_name, NULL);

    if (!pacta_import_check (agreement, first, &xml, error))
      return NULL;
  }

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, PACTA_ERROR, PACTA_ERROR_IO, "%s: %s", dir, g_strerror (saved));
      return NULL;
    }

  /* Reserve a name nobody has: O_EXCL fails on an existing file, even one made meanwhile. */
  for (guint i = 1; path == NULL; i++)
    {
      g_autofree char *candidate_name = i == 1 ? g_strconcat (stem, SUFFIX, NULL)
                                               : g_strdup_printf ("%s-%u%s", stem, i, SUFFIX);
      g_autofree char *candidate = g_build_filename (dir, candidate_name, NULL);
      int fd = g_open (candidate, O_WRONLY | O_CREAT | O_EXCL, 0644);

      if (fd >= 0)
        {
          close (fd);
          path = g_steal_pointer (&candidate);
        }
      else if (errno != EEXIST || i >= 9999)
        {
          int saved = errno;

          g_set_error (error, PACTA_ERROR, PACTA_ERROR_IO, "%s: %s", candidate, g_strerror (saved));
          return NULL;
        }
    }

  if (!_pacta_write_file (path, xml, &local_error))
    {
      g_unlink (path);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&path);
}

/* Saves @agreement as @path, which the user chose (and agreed to replace if it exists),
 * once it validates; written atomically. */
gboolean
pacta_import_save_as (PactaAgreement  *agreement,
                      const char      *path,
                      GError         **error)
{
  g_autofree char *xml = NULL;

  g_return_val_if_fail (PACTA_IS_AGREEMENT (agreement), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!pacta_import_check (agreement, path, &xml, error))
    return FALSE;
  return _pacta_write_file (path, xml, error);
}
