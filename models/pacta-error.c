/* pacta-error.c — the core's error domain and located problems
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-error"

#include "config.h"

#include "pacta-error.h"

G_DEFINE_QUARK (pacta-error-quark, pacta_error)
G_DEFINE_BOXED_TYPE (PactaProblem, pacta_problem, pacta_problem_copy, pacta_problem_free)

PactaProblem *
pacta_problem_new (const char *file,
                   int         line,
                   int         column,
                   const char *message)
{
  PactaProblem *problem = g_new0 (PactaProblem, 1);

  problem->file = g_strdup (file ? file : "-");
  problem->line = MAX (line, 0);
  problem->column = MAX (column, 0);
  problem->message = g_strdup (message ? message : "");
  return problem;
}

PactaProblem *
pacta_problem_copy (const PactaProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  return pacta_problem_new (problem->file, problem->line, problem->column, problem->message);
}

void
pacta_problem_free (PactaProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->file);
  g_free (problem->message);
  g_free (problem);
}

/* The form compilers use, so editors and terminals can jump to the place:
 * "file:line:column: message". Line and column are 0 for a problem with the whole file. */
char *
pacta_problem_to_string (const PactaProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  return g_strdup_printf ("%s:%d:%d: %s", problem->file, problem->line, problem->column,
                          problem->message);
}

void
pacta_set_error_from_problem (GError            **error,
                              PactaError          code,
                              const PactaProblem *problem)
{
  g_autofree char *text = pacta_problem_to_string (problem);

  g_set_error_literal (error, PACTA_ERROR, code, text);
}
