/* pacta-party.h — a party to an agreement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PACTA_TYPE_PARTY (pacta_party_get_type ())

G_DECLARE_FINAL_TYPE (PactaParty, pacta_party, PACTA, PARTY, GObject)

PactaParty *pacta_party_new        (const char *code,
                                    const char *name,
                                    const char *role);
const char *pacta_party_get_code   (PactaParty *self);
const char *pacta_party_get_name   (PactaParty *self);
const char *pacta_party_get_role   (PactaParty *self);
const char *pacta_party_get_eid    (PactaParty *self);
void        pacta_party_set_eid    (PactaParty *self,
                                    const char *eid);

G_END_DECLS
