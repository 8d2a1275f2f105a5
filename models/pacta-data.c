/* pacta-data.c — where the bundled guidelines and sample agreements live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-data"

#include "config.h"

#include <gio/gio.h>

#include "pacta-data.h"

/* $PACTA_DATA_DIR first (tests, relocated installs), then the source tree this binary was
 * built from (running from the build folder), then the installed copy. */
const char *
pacta_data_dir (void)
{
  static char *dir;

  if (g_once_init_enter (&dir))
    {
      const char *env = g_getenv ("PACTA_DATA_DIR");
      char *found;

      if (env != NULL && env[0] != '\0')
        found = g_strdup (env);
      else if (g_file_test (PACTA_SOURCE_DATADIR "/guidelines", G_FILE_TEST_IS_DIR))
        found = g_strdup (PACTA_SOURCE_DATADIR);
      else
        found = g_strdup (PACTA_DATADIR);
      g_once_init_leave (&dir, found);
    }
  return dir;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Returns: (transfer full): the sorted paths of the XML files in @subdir
 * ("samples", "guidelines") of the data folder */
GPtrArray *
pacta_data_list_files (const char *subdir)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *folder = g_build_filename (pacta_data_dir (), subdir, NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return paths;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (paths, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  return paths;
}
