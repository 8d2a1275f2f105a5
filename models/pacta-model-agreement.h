/* pacta-model-agreement.h — a guideline's model clauses as an agreement to compare with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pacta-agreement.h"
#include "pacta-guideline.h"

G_BEGIN_DECLS

PactaAgreement *pacta_model_agreement_new        (PactaGuideline *guideline);
PactaAgreement *pacta_model_agreement_tag_copy   (PactaAgreement *agreement,
                                                  PactaGuideline *guideline);

G_END_DECLS
