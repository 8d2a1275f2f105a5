/* test-bad-input.c — every kind of bad file gives a located message, never a crash or a hang
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pacta-akn-reader.h"
#include "pacta-validator.h"
#include "test-helpers.h"

typedef struct
{
  const char *file;
  PactaError  code;
  gboolean    located;     /* a real line and column are expected */
  const char *mentions;    /* a word the message must contain */
} BadCase;

static const BadCase cases[] = {
  { "malformed.akn.xml", PACTA_ERROR_MALFORMED, TRUE, "mismatch" },
  { "truncated.akn.xml", PACTA_ERROR_MALFORMED, TRUE, "end of data" },
  { "not-utf8.akn.xml", PACTA_ERROR_MALFORMED, TRUE, "UTF-8" },
  { "empty.akn.xml", PACTA_ERROR_EMPTY, TRUE, "empty" },
  { "random.bin", PACTA_ERROR_MALFORMED, TRUE, NULL },
  { "xxe.akn.xml", PACTA_ERROR_FORBIDDEN, TRUE, "external entity" },
  { "entity-bomb.akn.xml", PACTA_ERROR_FORBIDDEN, TRUE, "entity" },
  { "external-dtd.akn.xml", PACTA_ERROR_FORBIDDEN, TRUE, "undeclared" },
  { "wrong-root.xml", PACTA_ERROR_UNSUPPORTED, TRUE, "html" },
  { "wrong-namespace.akn.xml", PACTA_ERROR_UNSUPPORTED, TRUE, "namespace" },
  { "no-body.akn.xml", PACTA_ERROR_UNSUPPORTED, TRUE, "body" },
};

/* "FILE:LINE:COL: message" with LINE and COL numbers. */
static void
assert_located (const char *message,
                const char *file,
                gboolean    real_position)
{
  int line = -1, column = -1;
  const char *rest;

  g_assert_true (g_str_has_prefix (message, file));
  rest = message + strlen (file);
  g_assert_cmpint (sscanf (rest, ":%d:%d: ", &line, &column), ==, 2);
  if (real_position)
    {
      g_assert_cmpint (line, >, 0);
      g_assert_cmpint (column, >, 0);
    }
}

static void
test_reader_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = data_path ("bad", cases[i].file, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(PactaAgreement) agreement = NULL;
      gint64 start = g_get_monotonic_time ();

      g_test_message ("%s", cases[i].file);
      agreement = pacta_akn_load_file (path, &error);
      g_assert_null (agreement);
      g_assert_error (error, PACTA_ERROR, (int) cases[i].code);
      assert_located (error->message, path, cases[i].located);
      if (cases[i].mentions)
        g_assert_nonnull (strstr (error->message, cases[i].mentions));
      /* A guard against hangs, not a benchmark: the bench program measures the real figure. */
      g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
    }
}

static void
test_validator_cases (void)
{
  static const char * const invalid[] = {
    "missing-eid.akn.xml", "wrong-kind.akn.xml", "duplicate-eid.akn.xml", "guideline-bad-level.xml",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = data_path ("bad", cases[i].file, NULL);
      g_autoptr(GPtrArray) problems = pacta_validate_file (path, NULL);

      g_assert_cmpuint (problems->len, >, 0);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autofree char *path = data_path ("bad", invalid[i], NULL);
      g_autoptr(GPtrArray) problems = pacta_validate_file (path, NULL);
      PactaProblem *first;

      g_test_message ("%s", invalid[i]);
      g_assert_cmpuint (problems->len, >, 0);
      first = g_ptr_array_index (problems, 0);
      g_assert_cmpint (first->line, >, 1);
      g_assert_cmpint (first->column, >, 0);
      g_assert_cmpstr (first->file, ==, path);
    }
}

static void
test_precise_messages (void)
{
  g_autofree char *missing = data_path ("bad", "missing-eid.akn.xml", NULL);
  g_autofree char *duplicate = data_path ("bad", "duplicate-eid.akn.xml", NULL);
  g_autoptr(GPtrArray) p1 = pacta_validate_file (missing, NULL);
  g_autoptr(GPtrArray) p2 = pacta_validate_file (duplicate, NULL);

  g_assert_nonnull (strstr (((PactaProblem *) g_ptr_array_index (p1, 0))->message, "<article> has no eId"));
  g_assert_nonnull (strstr (((PactaProblem *) g_ptr_array_index (p2, 0))->message, "used twice"));
}

static void
test_missing_and_folder (void)
{
  g_autofree char *folder = data_path ("bad", NULL);
  g_autofree char *missing = data_path ("bad", "no-such-file.akn.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaAgreement) a = pacta_akn_load_file (folder, &error);

  g_assert_null (a);
  g_assert_error (error, PACTA_ERROR, PACTA_ERROR_IO);
  assert_located (error->message, folder, FALSE);
  g_assert_nonnull (strstr (error->message, "folder"));
  g_clear_error (&error);

  a = pacta_akn_load_file (missing, &error);
  g_assert_null (a);
  g_assert_error (error, PACTA_ERROR, PACTA_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "no such file"));
}

/* A failed load leaves what was already loaded exactly as it was. */
static void
test_loaded_undisturbed (void)
{
  g_autofree char *good = sample_path ("xa-xb-ssa-2019.akn.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaAgreement) agreement = pacta_akn_load_file (good, &error);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *title = NULL;

  g_assert_no_error (error);
  title = g_strdup (pacta_agreement_get_title (agreement));
  before = pacta_agreement_collect_articles (agreement);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = data_path ("bad", cases[i].file, NULL);
      g_autoptr(GError) bad_error = NULL;
      g_autoptr(PactaAgreement) bad = pacta_akn_load_file (path, &bad_error);

      g_assert_null (bad);
    }

  after = pacta_agreement_collect_articles (agreement);
  g_assert_cmpstr (pacta_agreement_get_title (agreement), ==, title);
  g_assert_cmpuint (before->len, ==, after->len);
  g_assert_nonnull (pacta_agreement_lookup_eid (agreement, "art_5"));
}

/* Random corruption of a valid file: every outcome is a clean load or a located error. */
static void
test_corrupted_bytes (void)
{
  g_autofree char *good = sample_path ("xe-xh-mou-2019.akn.xml");
  g_autofree char *contents = NULL;
  gsize length;
  GRand *rand = g_rand_new_with_seed (20261128);

  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
  for (guint round = 0; round < 200; round++)
    {
      g_autofree char *copy = g_memdup2 (contents, length);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(PactaAgreement) agreement = NULL;
      gsize cut = length;

      for (guint k = 0; k < 1 + round % 5; k++)
        copy[g_rand_int_range (rand, 0, (gint32) length)] = (char) g_rand_int_range (rand, 0, 256);
      if (round % 3 == 0)
        cut = g_rand_int_range (rand, 0, (gint32) length);
      bytes = g_bytes_new (copy, cut);
      agreement = pacta_akn_load_bytes (bytes, "corrupt.xml", &error);
      if (agreement == NULL)
        {
          g_assert_nonnull (error);
          assert_located (error->message, "corrupt.xml", FALSE);
        }
    }
  g_rand_free (rand);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/bad-input/reader", test_reader_cases);
  g_test_add_func ("/models/bad-input/validator", test_validator_cases);
  g_test_add_func ("/models/bad-input/precise-messages", test_precise_messages);
  g_test_add_func ("/models/bad-input/missing-and-folder", test_missing_and_folder);
  g_test_add_func ("/models/bad-input/loaded-undisturbed", test_loaded_undisturbed);
  g_test_add_func ("/models/bad-input/corrupted-bytes", test_corrupted_bytes);

  return g_test_run ();
}
