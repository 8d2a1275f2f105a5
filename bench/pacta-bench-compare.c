/* pacta-bench-compare.c — comparing two 200-article agreements, measured against
 * `git diff --no-index --word-diff` on the same texts as plain text
 *
 * A is built from the bundled samples' articles (200 of them, in several languages);
 * B is A renumbered in another style, with 10 articles moved, 40 reworded, 3 split,
 * 2 pairs merged, 5 removed and 5 new ones added. The bench checks the alignment
 * against what it did (accuracy), then times:
 *   - the comparison in process (alignment + word diffs), median of several runs;
 *   - `pacta compare -f json A.akn.xml B.akn.xml` as a process (load, compare, print);
 *   - `git diff --no-index --word-diff A.txt B.txt`, one article per paragraph.
 * Prints figures; asserts nothing. Run with `ninja -C build bench-compare`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pacta-akn-reader.h"
#include "pacta-akn-writer.h"
#include "pacta-comparison.h"
#include "pacta-data.h"

#define N_ARTICLES 200
#define N_MOVED    10
#define N_REWORDED 40
#define N_SPLIT    3
#define N_MERGED   2
#define N_REMOVED  5
#define RUNS       15

static const char * const new_articles[][3] = {
  { "Digital registry of workers",
    "The competent authorities shall establish a secure digital registry recording each worker's contract, visa status and insurance affiliation.",
    "Workers shall have free online access to their own records in the registry and may request the correction of any inaccurate entry." },
  { "Recognition of skills",
    "The Parties shall develop a joint framework for the recognition of vocational qualifications, apprenticeships and prior learning.",
    "Certificates issued by accredited training centres of either Party shall be accepted without further examination for the occupations listed by the Joint Committee." },
  { "Language training",
    "Employers shall offer workers at least forty hours of paid language tuition during the first year of employment.",
    "The cost of tuition shall not be deducted from wages or recovered from the worker at the end of the contract." },
  { "Climate-related mobility",
    "The Parties shall consult each other on labour mobility arising from droughts, floods and other environmental disasters affecting either territory.",
    "Special admission procedures may be agreed for workers from areas declared disaster zones by the competent national authority." },
  { "Pension tracking service",
    "A joint tracking service shall allow former workers to obtain, free of charge, a statement of the periods credited in each country.",
    "The statement shall be issued electronically within thirty days of a request and shall indicate the earliest date of entitlement." },
};

typedef struct
{
  PactaProvision *article;   /* owned */
  char           *a_eid;     /* the A article it comes from (NULL for a new one) */
  char           *kind;      /* "pair", "split", "merge", "added" (static) */
  guint           group;     /* split or merge group number */
} Made;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_double);
  return values[n / 2];
}

static GStrv
paragraphs_of (PactaProvision *article)
{
  g_autofree char *full = pacta_provision_dup_full_text (article);
  g_auto(GStrv) lines = g_strsplit (full, "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; lines[i]; i++)
    {
      g_autoptr(GArray) tokens = pacta_tokenize (lines[i]);
      guint k = 0;

      /* leave out the labels in front ("1.", "(a)"), and lines that are only labels */
      while (k < tokens->len && (g_array_index (tokens, PactaToken, k).kind == PACTA_TOKEN_SPACE ||
                                 g_array_index (tokens, PactaToken, k).numbering))
        k++;
      if (k < tokens->len)
        g_strv_builder_add (builder, lines[i] + g_array_index (tokens, PactaToken, k).start);
    }
  return g_strv_builder_end (builder);
}

static PactaProvision *
make_article (const char         *eid,
              const char         *num,
              const char         *heading,
              const char * const *paragraphs,
              guint               from,
              guint               to)
{
  PactaProvision *article = pacta_provision_new (PACTA_PROVISION_KIND_ARTICLE, "article");

  pacta_provision_set_eid (article, eid);
  pacta_provision_set_num (article, num);
  pacta_provision_set_heading (article, heading);
  for (guint i = from; i < to && paragraphs[i]; i++)
    {
      g_autoptr(PactaProvision) paragraph = pacta_provision_new (PACTA_PROVISION_KIND_PARAGRAPH, "paragraph");
      g_autofree char *peid = g_strdup_printf ("%s__para_%u", eid, i - from + 1);
      g_autofree char *pnum = g_strdup_printf ("%u.", i - from + 1);

      pacta_provision_set_eid (paragraph, peid);
      pacta_provision_set_num (paragraph, pnum);
      pacta_provision_set_text (paragraph, paragraphs[i]);
      pacta_provision_append (article, paragraph);
    }
  return article;
}

/* A: 200 articles from the samples (round 2 of the XA–XP draft left out: it is round 1
 * again), as art_1 … art_200. */
static PactaAgreement *
make_a (GPtrArray *articles)
{
  g_autoptr(GPtrArray) samples = pacta_data_list_files ("samples");
  PactaAgreement *a = pacta_agreement_new ();

  pacta_agreement_set_title (a, "Benchmark agreement A (200 articles)");
  for (guint s = 0; s < samples->len && articles->len < N_ARTICLES; s++)
    {
      const char *path = g_ptr_array_index (samples, s);
      g_autoptr(GError) error = NULL;
      g_autoptr(PactaAgreement) sample = NULL;
      g_autoptr(GPtrArray) units = NULL;

      if (strstr (path, "round2"))
        continue;
      sample = pacta_akn_load_file (path, &error);
      g_assert_no_error (error);
      units = pacta_agreement_collect_articles (sample);
      for (guint i = 0; i < units->len && articles->len < N_ARTICLES; i++)
        {
          PactaProvision *unit = g_ptr_array_index (units, i);
          g_auto(GStrv) paragraphs = paragraphs_of (unit);
          g_autofree char *eid = g_strdup_printf ("art_%u", articles->len + 1);
          g_autofree char *num = g_strdup_printf ("Article %u", articles->len + 1);
          PactaProvision *article;

          if (paragraphs[0] == NULL)
            continue;
          article = make_article (eid, num, pacta_provision_get_heading (unit), (const char * const *) paragraphs, 0, G_MAXUINT);
          pacta_provision_set_refers_to (article, pacta_provision_get_refers_to (unit));
          g_ptr_array_add (articles, article);
          pacta_agreement_append_provision (a, article);
        }
    }
  g_assert_cmpuint (articles->len, ==, N_ARTICLES);
  return a;
}

/* Changes about one word in eight: "shall" becomes "must", some words go, a clause comes. */
static char *
reword (GRand      *rand,
        const char *paragraph)
{
  g_auto(GStrv) words = g_strsplit (paragraph, " ", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    {
      int r = g_rand_int_range (rand, 0, 16);

      if (r == 0 && words[i + 1] != NULL)
        continue;
      if (out->len)
        g_string_append_c (out, ' ');
      if (g_str_equal (words[i], "shall"))
        g_string_append (out, "must");
      else if (r == 1)
        g_string_append_printf (out, "%s promptly", words[i]);
      else
        g_string_append (out, words[i]);
    }
  if (g_rand_boolean (rand))
    g_string_append (out, " This applies subject to review by the Joint Committee.");
  return g_string_free (out, FALSE);
}

static GPtrArray *
make_b (GPtrArray *articles_a,
        GRand     *rand)
{
  GPtrArray *made = g_ptr_array_new ();
  g_autofree char *role = g_new0 (char, N_ARTICLES); /* 'r' removed, 's' split, 'm' merged, 'w' reworded */
  guint group = 0;

  /* removals, splits (articles with four paragraphs or more), merges, rewordings */
  for (guint k = 0; k < N_REMOVED;)
    {
      guint i = g_rand_int_range (rand, 0, N_ARTICLES);

      if (!role[i])
        role[i] = 'r', k++;
    }
  for (guint k = 0; k < N_SPLIT;)
    {
      guint i = g_rand_int_range (rand, 0, N_ARTICLES);
      g_auto(GStrv) p = paragraphs_of (g_ptr_array_index (articles_a, i));

      if (!role[i] && g_strv_length (p) >= 4)
        role[i] = 's', k++;
    }
  for (guint k = 0; k < N_MERGED;)
    {
      guint i = g_rand_int_range (rand, 0, N_ARTICLES - 1);

      if (!role[i] && !role[i + 1])
        role[i] = 'm', role[i + 1] = 'M', k++;
    }
  for (guint k = 0; k < N_REWORDED;)
    {
      guint i = g_rand_int_range (rand, 0, N_ARTICLES);

      if (!role[i])
        role[i] = 'w', k++;
    }

  for (guint i = 0; i < N_ARTICLES; i++)
    {
      PactaProvision *source = g_ptr_array_index (articles_a, i);
      const char *a_eid = pacta_provision_get_eid (source);
      const char *heading = pacta_provision_get_heading (source);
      g_auto(GStrv) paragraphs = paragraphs_of (source);
      guint n = g_strv_length (paragraphs);
      Made *m;

      switch (role[i])
        {
        case 'r':
          continue;
        case 's':
          group++;
          for (guint half = 0; half < 2; half++)
            {
              g_autofree char *h = half ? g_strdup_printf ("%s: procedure", heading ? heading : "") : g_strdup (heading);

              m = g_new0 (Made, 1);
              m->article = make_article ("tmp", NULL, h, (const char * const *) paragraphs,
                                         half ? n / 2 : 0, half ? n : n / 2);
              m->a_eid = g_strdup (a_eid);
              m->kind = "split";
              m->group = group;
              g_ptr_array_add (made, m);
            }
          continue;
        case 'm':
          {
            g_auto(GStrv) next = paragraphs_of (g_ptr_array_index (articles_a, i + 1));
            g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
            g_auto(GStrv) all = NULL;

            g_strv_builder_addv (builder, (const char **) paragraphs);
            g_strv_builder_addv (builder, (const char **) next);
            all = g_strv_builder_end (builder);
            m = g_new0 (Made, 1);
            m->article = make_article ("tmp", NULL, heading, (const char * const *) all, 0, G_MAXUINT);
            m->a_eid = g_strdup_printf ("%s+%s", a_eid, pacta_provision_get_eid (g_ptr_array_index (articles_a, i + 1)));
            m->kind = "merge";
            g_ptr_array_add (made, m);
            i++;
            continue;
          }
        case 'w':
          for (guint k = 0; k < n; k++)
            {
              char *changed = reword (rand, paragraphs[k]);

              g_free (paragraphs[k]);
              paragraphs[k] = changed;
            }
          G_GNUC_FALLTHROUGH;
        default:
          m = g_new0 (Made, 1);
          m->article = make_article ("tmp", NULL, heading, (const char * const *) paragraphs, 0, G_MAXUINT);
          pacta_provision_set_refers_to (m->article, pacta_provision_get_refers_to (source));
          m->a_eid = g_strdup (a_eid);
          m->kind = "pair";
          g_ptr_array_add (made, m);
        }
    }

  /* moves: single articles taken out and put back elsewhere */
  for (guint k = 0; k < N_MOVED; k++)
    {
      guint from = g_rand_int_range (rand, 0, made->len);
      guint to = g_rand_int_range (rand, 0, made->len - 1);
      Made *m = g_ptr_array_index (made, from);

      if (!g_str_equal (m->kind, "pair"))
        {
          k--;
          continue;
        }
      g_ptr_array_remove_index (made, from);
      g_ptr_array_insert (made, to, m);
    }

  /* new articles */
  for (guint k = 0; k < G_N_ELEMENTS (new_articles); k++)
    {
      const char *p[] = { new_articles[k][1], new_articles[k][2], NULL };
      Made *m = g_new0 (Made, 1);

      m->article = make_article ("tmp", NULL, new_articles[k][0], p, 0, G_MAXUINT);
      m->kind = "added";
      g_ptr_array_insert (made, g_rand_int_range (rand, 0, made->len), m);
    }

  /* renumbered in another style, with new eIds */
  for (guint i = 0; i < made->len; i++)
    {
      Made *m = g_ptr_array_index (made, i);
      g_autofree char *eid = g_strdup_printf ("b_%u", i + 1);
      g_autofree char *num = g_strdup_printf ("Art. %u", i + 1);

      pacta_provision_set_eid (m->article, eid);
      pacta_provision_set_num (m->article, num);
    }
  return made;
}

static char *
plain_text (PactaAgreement *agreement)
{
  g_autoptr(GPtrArray) units = pacta_agreement_collect_articles (agreement);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < units->len; i++)
    {
      PactaProvision *unit = g_ptr_array_index (units, i);
      g_autofree char *text = pacta_provision_dup_full_text (unit);

      g_strdelimit (text, "\n", ' ');
      g_string_append_printf (out, "%s %s %s\n\n", pacta_provision_get_num (unit),
                              pacta_provision_get_heading (unit) ? pacta_provision_get_heading (unit) : "", text);
    }
  return g_string_free (out, FALSE);
}

static double
time_command (const char * const *argv,
              guint               runs)
{
  g_autofree double *times = g_new (double, runs);

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      double start = now_ms ();
      int status;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, &error))
        return -1;
      times[r] = now_ms () - start;
    }
  return median (times, runs);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pacta-bench-compare-XXXXXX", &error);
  g_autoptr(GPtrArray) articles_a = g_ptr_array_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  g_autoptr(PactaAgreement) a = NULL;
  g_autoptr(PactaAgreement) b = pacta_agreement_new ();
  g_autoptr(GPtrArray) made = NULL;
  g_autoptr(PactaComparison) comparison = NULL;
  g_autofree char *path_a = NULL, *path_b = NULL, *txt_a = NULL, *txt_b = NULL;
  g_autofree char *text_a = NULL, *text_b = NULL, *summary = NULL;
  g_autofree char *git = g_find_program_in_path ("git");
  const char *pacta = g_getenv ("PACTA_BINARY");
  double times[RUNS];
  double in_process, cli = -1, git_ms = -1;
  guint expected = 0, right = 0;
  PactaComparisonSummary s;

  g_assert_no_error (error);
  a = make_a (articles_a);
  made = make_b (articles_a, rand);
  pacta_agreement_set_title (b, "Benchmark agreement B (renumbered, moved, reworded, split, merged)");
  for (guint i = 0; i < made->len; i++)
    pacta_agreement_append_provision (b, ((Made *) g_ptr_array_index (made, i))->article);

  /* in process: alignment and word diffs */
  for (guint r = 0; r < RUNS; r++)
    {
      double start = now_ms ();

      g_clear_object (&comparison);
      comparison = pacta_comparison_new (a, b, PACTA_DIFF_DEFAULT_FLAGS);
      times[r] = now_ms () - start;
    }
  in_process = median (times, RUNS);

  /* accuracy against what make_b() did */
  for (guint i = 0; i < made->len; i++)
    {
      Made *m = g_ptr_array_index (made, i);
      const char *b_eid = pacta_provision_get_eid (m->article);
      PactaAlignment *row = pacta_comparison_find (comparison, PACTA_SIDE_B, b_eid);
      PactaAlignmentKind kind = pacta_alignment_get_kind (row);
      g_autoptr(GString) got_a = g_string_new (NULL);

      for (guint k = 0; k < pacta_alignment_get_n_units (row, PACTA_SIDE_A); k++)
        {
          if (k)
            g_string_append_c (got_a, '+');
          g_string_append (got_a, pacta_provision_get_eid (pacta_alignment_get_unit (row, PACTA_SIDE_A, k)));
        }
      expected++;
      if (g_str_equal (m->kind, "added"))
        right += kind == PACTA_ALIGNMENT_ADDED;
      else if (g_str_equal (m->kind, "split"))
        right += kind == PACTA_ALIGNMENT_SPLIT && g_str_equal (got_a->str, m->a_eid);
      else if (g_str_equal (m->kind, "merge"))
        right += kind == PACTA_ALIGNMENT_MERGE && g_str_equal (got_a->str, m->a_eid);
      else
        right += pacta_alignment_is_pair (row) && g_str_equal (got_a->str, m->a_eid);
      if (g_getenv ("PACTA_BENCH_VERBOSE") && !(right == expected))
        {
          fprintf (stderr, "wrong: %s (%s of %s) got %s %s\n", b_eid, m->kind, m->a_eid ? m->a_eid : "-",
                   pacta_alignment_kind_to_string (kind), got_a->str);
          right = expected;
        }
    }

  /* the same texts as files */
  path_a = g_build_filename (dir, "a.akn.xml", NULL);
  path_b = g_build_filename (dir, "b.akn.xml", NULL);
  txt_a = g_build_filename (dir, "a.txt", NULL);
  txt_b = g_build_filename (dir, "b.txt", NULL);
  g_assert_true (pacta_akn_save_file (a, path_a, NULL));
  g_assert_true (pacta_akn_save_file (b, path_b, NULL));
  text_a = plain_text (a);
  text_b = plain_text (b);
  g_assert_true (g_file_set_contents (txt_a, text_a, -1, NULL));
  g_assert_true (g_file_set_contents (txt_b, text_b, -1, NULL));

  if (pacta)
    {
      const char *args[] = { pacta, "compare", "--format", "json", path_a, path_b, NULL };

      cli = time_command (args, 7);
    }
  if (git)
    {
      const char *args[] = { git, "diff", "--no-index", "--word-diff", "--no-color", txt_a, txt_b, NULL };

      git_ms = time_command (args, 7);
    }

  pacta_comparison_get_summary (comparison, &s);
  summary = pacta_comparison_dup_summary_label (comparison);

  printf ("Pacta benchmark — compare two agreements\n");
  printf ("A: %u articles (from the samples); B: %u articles (renumbered \"Art. N\", %d moved, %d reworded,\n"
          "   %d split, %d pairs merged, %d removed, %zu added)\n",
          N_ARTICLES, made->len, N_MOVED, N_REWORDED, N_SPLIT, N_MERGED, N_REMOVED, G_N_ELEMENTS (new_articles));
  printf ("Plain text: A %.0f kB, B %.0f kB\n", strlen (text_a) / 1e3, strlen (text_b) / 1e3);
  printf ("Result: %s\n", summary);
  printf ("Accuracy: %u of %u rows of B aligned as generated (%.1f %%)\n", right, expected, 100.0 * right / expected);
  printf ("\n");
  printf ("  pacta, in process (align + word diffs), median of %d:  %8.2f ms\n", RUNS, in_process);
  if (cli >= 0)
    printf ("  pacta compare -f json (process: load, compare, JSON): %8.2f ms\n", cli);
  if (git_ms >= 0)
    {
      printf ("  git diff --no-index --word-diff (plain text):          %8.2f ms\n", git_ms);
      printf ("  ratio in process / git:                                %8.2f\n", in_process / git_ms);
      if (cli >= 0)
        printf ("  ratio pacta compare / git:                             %8.2f\n", cli / git_ms);
    }
  else
    printf ("  git not found: no comparison\n");

  for (guint i = 0; i < made->len; i++)
    {
      Made *m = g_ptr_array_index (made, i);

      g_object_unref (m->article);
      g_free (m->a_eid);
      g_free (m);
    }
  g_unlink (path_a);
  g_unlink (path_b);
  g_unlink (txt_a);
  g_unlink (txt_b);
  g_rmdir (dir);
  return 0;
}
