/* pacta-agreement.h — one legal text with its metadata and tree of provisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pacta-types.h"
#include "pacta-party.h"
#include "pacta-provision.h"

G_BEGIN_DECLS

#define PACTA_TYPE_AGREEMENT (pacta_agreement_get_type ())

G_DECLARE_FINAL_TYPE (PactaAgreement, pacta_agreement, PACTA, AGREEMENT, GObject)

PactaAgreement       *pacta_agreement_new                (void);

const char           *pacta_agreement_get_title          (PactaAgreement       *self);
void                  pacta_agreement_set_title          (PactaAgreement       *self,
                                                          const char           *title);
const char           *pacta_agreement_get_short_title    (PactaAgreement       *self);
void                  pacta_agreement_set_short_title    (PactaAgreement       *self,
                                                          const char           *short_title);
const char           *pacta_agreement_get_display_title  (PactaAgreement       *self);
PactaAgreementKind    pacta_agreement_get_kind           (PactaAgreement       *self);
void                  pacta_agreement_set_kind           (PactaAgreement       *self,
                                                          PactaAgreementKind    kind);
PactaAgreementStatus  pacta_agreement_get_status         (PactaAgreement       *self);
void                  pacta_agreement_set_status         (PactaAgreement       *self,
                                                          PactaAgreementStatus  status);
const char           *pacta_agreement_get_language       (PactaAgreement       *self);
void                  pacta_agreement_set_language       (PactaAgreement       *self,
                                                          const char           *language);
const char           *pacta_agreement_get_date_signed    (PactaAgreement       *self);
void                  pacta_agreement_set_date_signed    (PactaAgreement       *self,
                                                          const char           *iso_date);
const char           *pacta_agreement_get_place_signed   (PactaAgreement       *self);
void                  pacta_agreement_set_place_signed   (PactaAgreement       *self,
                                                          const char           *place);
const char           *pacta_agreement_get_date_in_force  (PactaAgreement       *self);
void                  pacta_agreement_set_date_in_force  (PactaAgreement       *self,
                                                          const char           *iso_date);
int                   pacta_agreement_get_year           (PactaAgreement       *self);
const char           *pacta_agreement_get_document_type  (PactaAgreement       *self);
void                  pacta_agreement_set_document_type  (PactaAgreement       *self,
                                                          const char           *type);
const char           *pacta_agreement_get_work_uri       (PactaAgreement       *self);
void                  pacta_agreement_set_work_uri       (PactaAgreement       *self,
                                                          const char           *uri);
const char           *pacta_agreement_get_path           (PactaAgreement       *self);
void                  pacta_agreement_set_path           (PactaAgreement       *self,
                                                          const char           *path);

GListModel           *pacta_agreement_get_parties        (PactaAgreement       *self);
void                  pacta_agreement_add_party          (PactaAgreement       *self,
                                                          PactaParty           *party);
char                 *pacta_agreement_dup_parties_label  (PactaAgreement       *self);

GListModel           *pacta_agreement_get_provisions     (PactaAgreement       *self);
void                  pacta_agreement_append_provision   (PactaAgreement       *self,
                                                          PactaProvision       *provision);
PactaProvision       *pacta_agreement_lookup_eid         (PactaAgreement       *self,
                                                          const char           *eid);
GPtrArray            *pacta_agreement_collect_articles   (PactaAgreement       *self);
guint                 pacta_agreement_count_kind         (PactaAgreement       *self,
                                                          PactaProvisionKind    kind);

G_END_DECLS
