/* test-cli.c — the pacta command line, run as a user would run it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "test-helpers.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_pacta (Run        *run,
           const char *first,
           ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("PACTA_BINARY");
  const char *arg;
  int wait_status = 0;
  va_list ap;

  g_assert_nonnull (binary);
  g_ptr_array_add (args, (gpointer) binary);
  g_ptr_array_add (args, (gpointer) first);
  va_start (ap, first);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  /* No display: the subcommands must not need one. */
  {
    g_auto(GStrv) env = g_get_environ ();
    env = g_environ_unsetenv (env, "DISPLAY");
    env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
    g_spawn_sync (NULL, (char **) args->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                  &run->out, &run->err, &wait_status, &error);
  }
  g_assert_no_error (error);
  run->status = g_spawn_check_wait_status (wait_status, NULL) ? 0 : WEXITSTATUS (wait_status);
  g_assert_true (WIFEXITED (wait_status));
}

static void
test_validate_bundled (void)
{
  g_autoptr(GPtrArray) samples = pacta_data_list_files ("samples");
  g_autoptr(GPtrArray) guidelines = pacta_data_list_files ("guidelines");
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status;

  g_ptr_array_add (args, (gpointer) g_getenv ("PACTA_BINARY"));
  g_ptr_array_add (args, (gpointer) "validate");
  for (guint i = 0; i < samples->len; i++)
    g_ptr_array_add (args, g_ptr_array_index (samples, i));
  for (guint i = 0; i < guidelines->len; i++)
    g_ptr_array_add (args, g_ptr_array_index (guidelines, i));
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);
  g_assert_cmpstr (err, ==, "");
}

/* Each bad file: non-zero exit, and every line on stderr is FILE:LINE:COL: MESSAGE. */
static void
test_validate_bad (void)
{
  g_autofree char *folder = data_path ("bad", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GRegex) located = g_regex_new ("^.+:[0-9]+:[0-9]+: .+$", 0, 0, NULL);
  const char *name;
  guint count = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_auto(Run) run = { 0 };
      g_auto(GStrv) lines = NULL;

      run_pacta (&run, "validate", path, NULL);
      g_test_message ("%s → %d: %s", name, run.status, run.err);
      g_assert_cmpint (run.status, ==, 1);
      lines = g_strsplit (g_strchomp (run.err), "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), >=, 1);
      for (guint i = 0; lines[i]; i++)
        {
          g_assert_true (g_str_has_prefix (lines[i], path));
          g_assert_true (g_regex_match (located, lines[i], 0, NULL));
        }
      count++;
    }
  g_assert_cmpuint (count, >=, 15);
}

static void
test_validate_missing_and_folder (void)
{
  g_autofree char *folder = data_path ("bad", NULL);
  g_auto(Run) run = { 0 };
  g_auto(Run) none = { 0 };

  run_pacta (&run, "validate", folder, "/nonexistent/agreement.akn.xml", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, ":0:0: is a folder"));
  g_assert_nonnull (strstr (run.err, "/nonexistent/agreement.akn.xml:0:0: no such file"));

  run_pacta (&none, "validate", NULL);
  g_assert_cmpint (none.status, ==, 2);
}

static void
test_show_text (void)
{
  g_autofree char *path = sample_path ("xj-xg-trabajo-domestico-2023.akn.xml");
  g_auto(Run) run = { 0 };

  run_pacta (&run, "show", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Artículo 1"));
  g_assert_nonnull (strstr (run.out, "XJ"));
  g_assert_nonnull (strstr (run.out, "XG"));
}

static void
test_show_json (void)
{
  g_autofree char *path = sample_path ("xa-xb-ssa-2019.akn.xml");
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *parties;

  run_pacta (&run, "show", "--format", "json", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "kind"), ==, "ssa");
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==, "in-force");
  g_assert_cmpint (json_object_get_int_member (root, "articles"), ==, 37);
  parties = json_object_get_array_member (root, "parties");
  g_assert_cmpuint (json_array_get_length (parties), ==, 2);
  g_assert_true (json_object_has_member (root, "provisions"));
}

static void
test_show_guideline (void)
{
  g_autofree char *path = guideline_path ("ilo-c102-branches.xml");
  g_auto(Run) run = { 0 };
  g_auto(Run) json = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  run_pacta (&run, "show", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Items:"));

  run_pacta (&json, "show", "--format=json", path, NULL);
  g_assert_cmpint (json.status, ==, 0);
  json_parser_load_from_data (parser, json.out, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "id"), ==, "ilo-c102");
}

static void
test_show_errors (void)
{
  g_autofree char *bad = data_path ("bad", "malformed.akn.xml", NULL);
  g_autofree char *good = sample_path ("xe-xh-mou-2019.akn.xml");
  g_auto(Run) run = { 0 };
  g_auto(Run) format = { 0 };

  run_pacta (&run, "show", bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, bad));

  run_pacta (&format, "show", "--format", "yaml", good, NULL);
  g_assert_cmpint (format.status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/validate/bundled", test_validate_bundled);
  g_test_add_func ("/cli/validate/bad-inputs", test_validate_bad);
  g_test_add_func ("/cli/validate/missing-and-folder", test_validate_missing_and_folder);
  g_test_add_func ("/cli/show/text", test_show_text);
  g_test_add_func ("/cli/show/json", test_show_json);
  g_test_add_func ("/cli/show/guideline", test_show_guideline);
  g_test_add_func ("/cli/show/errors", test_show_errors);

  return g_test_run ();
}
