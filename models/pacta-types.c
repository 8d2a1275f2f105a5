/* pacta-types.c — names of the core enumerations, for files and for people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-types"

#include "config.h"

#include <glib/gi18n.h>

#include "pacta-types.h"

static const char * const kind_names[] = { "unknown", "blma", "mou", "ssa", "multilateral" };
static const char * const status_names[] = { "unknown", "draft", "signed", "in-force", "terminated" };
static const char * const provision_names[] = {
  "preamble", "part", "chapter", "section", "article", "paragraph", "list", "point",
  "container", "conclusions", "attachment"
};
static const char * const level_names[] = { "essential", "recommended", "optional" };

const char *
pacta_agreement_kind_to_string (PactaAgreementKind kind)
{
  g_return_val_if_fail (kind <= PACTA_AGREEMENT_KIND_MULTILATERAL, "unknown");
  return kind_names[kind];
}

PactaAgreementKind
pacta_agreement_kind_from_string (const char *str)
{
  for (guint i = 1; str != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (g_ascii_strcasecmp (str, kind_names[i]) == 0)
      return (PactaAgreementKind) i;
  return PACTA_AGREEMENT_KIND_UNKNOWN;
}

const char *
pacta_agreement_kind_to_label (PactaAgreementKind kind)
{
  switch (kind)
    {
    case PACTA_AGREEMENT_KIND_BLMA:
      return _("Labour migration agreement");
    case PACTA_AGREEMENT_KIND_MOU:
      return _("Memorandum of understanding");
    case PACTA_AGREEMENT_KIND_SSA:
      return _("Social security agreement");
    case PACTA_AGREEMENT_KIND_MULTILATERAL:
      return _("Multilateral convention");
    case PACTA_AGREEMENT_KIND_UNKNOWN:
    default:
      return _("Agreement");
    }
}

const char *
pacta_agreement_status_to_string (PactaAgreementStatus status)
{
  g_return_val_if_fail (status <= PACTA_AGREEMENT_STATUS_TERMINATED, "unknown");
  return status_names[status];
}

PactaAgreementStatus
pacta_agreement_status_from_string (const char *str)
{
  for (guint i = 1; str != NULL && i < G_N_ELEMENTS (status_names); i++)
    if (g_ascii_strcasecmp (str, status_names[i]) == 0)
      return (PactaAgreementStatus) i;
  return PACTA_AGREEMENT_STATUS_UNKNOWN;
}

const char *
pacta_agreement_status_to_label (PactaAgreementStatus status)
{
  switch (status)
    {
    case PACTA_AGREEMENT_STATUS_DRAFT:
      return _("Draft");
    case PACTA_AGREEMENT_STATUS_SIGNED:
      return _("Signed");
    case PACTA_AGREEMENT_STATUS_IN_FORCE:
      return _("In force");
    case PACTA_AGREEMENT_STATUS_TERMINATED:
      return _("Terminated");
    case PACTA_AGREEMENT_STATUS_UNKNOWN:
    default:
      return _("Status unknown");
    }
}

const char *
pacta_provision_kind_to_string (PactaProvisionKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (provision_names), "container");
  return provision_names[kind];
}

const char *
pacta_item_level_to_string (PactaItemLevel level)
{
  g_return_val_if_fail (level <= PACTA_ITEM_LEVEL_OPTIONAL, "optional");
  return level_names[level];
}

gboolean
pacta_item_level_from_string (const char     *str,
                              PactaItemLevel *level)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (level_names); i++)
    if (g_str_equal (str, level_names[i]))
      {
        *level = (PactaItemLevel) i;
        return TRUE;
      }
  return FALSE;
}

static const char * const finding_status_names[] = { "covered", "partial", "missing", "not-applicable" };
static const char * const finding_origin_names[] = { "matched", "tagged", "confirmed", "rejected", "set", "not-applicable" };

const char *
pacta_finding_status_to_string (PactaFindingStatus status)
{
  g_return_val_if_fail (status <= PACTA_FINDING_STATUS_NOT_APPLICABLE, "missing");
  return finding_status_names[status];
}

gboolean
pacta_finding_status_from_string (const char         *str,
                                  PactaFindingStatus *status)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (finding_status_names); i++)
    if (g_str_equal (str, finding_status_names[i]))
      {
        *status = (PactaFindingStatus) i;
        return TRUE;
      }
  return FALSE;
}

const char *
pacta_finding_status_to_label (PactaFindingStatus status)
{
  switch (status)
    {
    case PACTA_FINDING_STATUS_COVERED:
      return _("Covered");
    case PACTA_FINDING_STATUS_PARTIAL:
      return _("Partial");
    case PACTA_FINDING_STATUS_MISSING:
      return _("Missing");
    case PACTA_FINDING_STATUS_NOT_APPLICABLE:
    default:
      return _("Not applicable");
    }
}

const char *
pacta_finding_origin_to_string (PactaFindingOrigin origin)
{
  g_return_val_if_fail (origin <= PACTA_FINDING_ORIGIN_NOT_APPLICABLE, "matched");
  return finding_origin_names[origin];
}

/* A mark that tells the status without colour: ● covered, ◐ partial, ○ missing, – n/a. */
const char *
pacta_finding_status_to_mark (PactaFindingStatus status)
{
  switch (status)
    {
    case PACTA_FINDING_STATUS_COVERED:
      return "●";
    case PACTA_FINDING_STATUS_PARTIAL:
      return "◐";
    case PACTA_FINDING_STATUS_MISSING:
      return "○";
    case PACTA_FINDING_STATUS_NOT_APPLICABLE:
    default:
      return "–";
    }
}
