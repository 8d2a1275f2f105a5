/* pacta-types.h — enumerations shared by the core model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PACTA_AGREEMENT_KIND_UNKNOWN,
  PACTA_AGREEMENT_KIND_BLMA,
  PACTA_AGREEMENT_KIND_MOU,
  PACTA_AGREEMENT_KIND_SSA,
  PACTA_AGREEMENT_KIND_MULTILATERAL,
} PactaAgreementKind;

typedef enum
{
  PACTA_AGREEMENT_STATUS_UNKNOWN,
  PACTA_AGREEMENT_STATUS_DRAFT,
  PACTA_AGREEMENT_STATUS_SIGNED,
  PACTA_AGREEMENT_STATUS_IN_FORCE,
  PACTA_AGREEMENT_STATUS_TERMINATED,
} PactaAgreementStatus;

typedef enum
{
  PACTA_PROVISION_KIND_PREAMBLE,
  PACTA_PROVISION_KIND_PART,
  PACTA_PROVISION_KIND_CHAPTER,
  PACTA_PROVISION_KIND_SECTION,
  PACTA_PROVISION_KIND_ARTICLE,
  PACTA_PROVISION_KIND_PARAGRAPH,
  PACTA_PROVISION_KIND_LIST,
  PACTA_PROVISION_KIND_POINT,
  PACTA_PROVISION_KIND_CONTAINER,
  PACTA_PROVISION_KIND_CONCLUSIONS,
  PACTA_PROVISION_KIND_ATTACHMENT,
} PactaProvisionKind;

typedef enum
{
  PACTA_ITEM_LEVEL_ESSENTIAL,
  PACTA_ITEM_LEVEL_RECOMMENDED,
  PACTA_ITEM_LEVEL_OPTIONAL,
} PactaItemLevel;

const char          *pacta_agreement_kind_to_string    (PactaAgreementKind    kind);
PactaAgreementKind   pacta_agreement_kind_from_string  (const char           *str);
const char          *pacta_agreement_kind_to_label     (PactaAgreementKind    kind);
const char          *pacta_agreement_status_to_string  (PactaAgreementStatus  status);
PactaAgreementStatus pacta_agreement_status_from_string (const char          *str);
const char          *pacta_agreement_status_to_label   (PactaAgreementStatus  status);
const char          *pacta_provision_kind_to_string    (PactaProvisionKind    kind);
const char          *pacta_item_level_to_string        (PactaItemLevel        level);
gboolean             pacta_item_level_from_string      (const char           *str,
                                                        PactaItemLevel       *level);

G_END_DECLS

G_BEGIN_DECLS

typedef enum
{
  PACTA_FINDING_STATUS_COVERED,
  PACTA_FINDING_STATUS_PARTIAL,
  PACTA_FINDING_STATUS_MISSING,
  PACTA_FINDING_STATUS_NOT_APPLICABLE,
} PactaFindingStatus;

/* Where a finding's status came from; a user's decision wins over the others. */
typedef enum
{
  PACTA_FINDING_ORIGIN_MATCHED,
  PACTA_FINDING_ORIGIN_TAGGED,
  PACTA_FINDING_ORIGIN_CONFIRMED,
  PACTA_FINDING_ORIGIN_REJECTED,
  PACTA_FINDING_ORIGIN_SET,
  PACTA_FINDING_ORIGIN_NOT_APPLICABLE,
} PactaFindingOrigin;

const char          *pacta_finding_status_to_string   (PactaFindingStatus  status);
gboolean             pacta_finding_status_from_string (const char         *str,
                                                       PactaFindingStatus *status);
const char          *pacta_finding_status_to_label    (PactaFindingStatus  status);
const char          *pacta_finding_status_to_mark     (PactaFindingStatus  status);
const char          *pacta_finding_origin_to_string   (PactaFindingOrigin  origin);

G_END_DECLS
