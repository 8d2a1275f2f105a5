/* pacta-error.h — the core's error domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PACTA_ERROR (pacta_error_quark ())

typedef enum
{
  PACTA_ERROR_IO,           /* the file cannot be read or written */
  PACTA_ERROR_EMPTY,        /* the file has no content */
  PACTA_ERROR_TOO_LARGE,    /* over the stated size limit */
  PACTA_ERROR_MALFORMED,    /* not well-formed XML, bad encoding */
  PACTA_ERROR_FORBIDDEN,    /* DTD entities, external references: refused for safety */
  PACTA_ERROR_UNSUPPORTED,  /* well-formed, but not a document Pacta reads */
  PACTA_ERROR_INVALID,      /* does not follow the schema */
} PactaError;

GQuark pacta_error_quark (void);

/* A problem found in a file, located where possible (line and column are 1-based;
 * 0 means the problem concerns the file as a whole). */
typedef struct
{
  char *file;
  int   line;
  int   column;
  char *message;
} PactaProblem;

#define PACTA_TYPE_PROBLEM (pacta_problem_get_type ())

GType         pacta_problem_get_type (void) G_GNUC_CONST;
PactaProblem *pacta_problem_new      (const char         *file,
                                      int                 line,
                                      int                 column,
                                      const char         *message);
PactaProblem *pacta_problem_copy     (const PactaProblem *problem);
void          pacta_problem_free     (PactaProblem       *problem);
char         *pacta_problem_to_string (const PactaProblem *problem);
void          pacta_set_error_from_problem (GError            **error,
                                            PactaError          code,
                                            const PactaProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PactaProblem, pacta_problem_free)

G_END_DECLS
