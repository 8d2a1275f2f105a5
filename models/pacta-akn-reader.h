/* pacta-akn-reader.h — Akoma Ntoso into a PactaAgreement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pacta-agreement.h"

G_BEGIN_DECLS

PactaAgreement *pacta_akn_load_file             (const char  *path,
                                                 GError     **error);
PactaAgreement *pacta_akn_load_bytes            (GBytes      *bytes,
                                                 const char  *file,
                                                 GError     **error);
gboolean        pacta_akn_is_hierarchy_element  (const char  *name);

G_END_DECLS
