/* pacta-coverage-matrix.h — coverages as the JSON and CSV of pacta check and pacta report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "pacta-coverage.h"

G_BEGIN_DECLS

JsonNode *pacta_coverage_to_json_node        (PactaCoverage *coverage,
                                              const char    *file);
char     *pacta_coverage_matrix_to_json      (GPtrArray          *coverages,
                                              const char * const *files);
char     *pacta_coverage_matrix_to_csv       (GPtrArray          *coverages,
                                              const char * const *files);

G_END_DECLS
