/* test-helpers.h — small helpers shared by the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pacta-data.h"

/* A bundled sample agreement by file name. */
static inline char *
sample_path (const char *name)
{
  return g_build_filename (pacta_data_dir (), "samples", name, NULL);
}

static inline char *
guideline_path (const char *name)
{
  return g_build_filename (pacta_data_dir (), "guidelines", name, NULL);
}

/* A file under tests/data. */
static inline char *
data_path (const char *first,
           ...)
{
  va_list args;
  GPtrArray *parts = g_ptr_array_new ();
  char *path;
  const char *part;

  g_ptr_array_add (parts, (gpointer) g_getenv ("G_TEST_SRCDIR") ? (gpointer) g_getenv ("G_TEST_SRCDIR") : (gpointer) ".");
  g_ptr_array_add (parts, (gpointer) "data");
  g_ptr_array_add (parts, (gpointer) first);
  va_start (args, first);
  while ((part = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  path = g_build_filenamev ((char **) parts->pdata);
  g_ptr_array_free (parts, TRUE);
  return path;
}

static inline gboolean
run_for_timeout_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds (layout, idles, timeouts): for the ui tests. */
static inline void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, run_for_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}
