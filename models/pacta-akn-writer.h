/* pacta-akn-writer.h — a PactaAgreement as Akoma Ntoso 3.0 in Pacta's profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pacta-agreement.h"

G_BEGIN_DECLS

char     *pacta_akn_to_string  (PactaAgreement  *agreement);
gboolean  pacta_akn_save_file  (PactaAgreement  *agreement,
                                const char      *path,
                                GError         **error);

G_END_DECLS
