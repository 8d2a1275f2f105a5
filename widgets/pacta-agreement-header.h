/* pacta-agreement-header.h — an agreement's metadata above its text, collapsible
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pacta-agreement.h"

G_BEGIN_DECLS

#define PACTA_TYPE_AGREEMENT_HEADER (pacta_agreement_header_get_type ())

G_DECLARE_FINAL_TYPE (PactaAgreementHeader, pacta_agreement_header, PACTA, AGREEMENT_HEADER, AdwBin)

GtkWidget      *pacta_agreement_header_new           (void);
PactaAgreement *pacta_agreement_header_get_agreement (PactaAgreementHeader *self);
void            pacta_agreement_header_set_agreement (PactaAgreementHeader *self,
                                                      PactaAgreement       *agreement);
gboolean        pacta_agreement_header_get_expanded  (PactaAgreementHeader *self);
void            pacta_agreement_header_set_expanded  (PactaAgreementHeader *self,
                                                      gboolean              expanded);

char           *pacta_format_date                    (const char           *iso_date);
const char     *pacta_language_name                  (const char           *code);

G_END_DECLS
