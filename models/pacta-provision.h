/* pacta-provision.h — one node of an agreement's tree of provisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pacta-types.h"

G_BEGIN_DECLS

#define PACTA_TYPE_PROVISION (pacta_provision_get_type ())

G_DECLARE_FINAL_TYPE (PactaProvision, pacta_provision, PACTA, PROVISION, GObject)

PactaProvision     *pacta_provision_new               (PactaProvisionKind  kind,
                                                       const char         *element);
PactaProvisionKind  pacta_provision_get_kind          (PactaProvision     *self);
const char         *pacta_provision_get_element       (PactaProvision     *self);
const char         *pacta_provision_get_eid           (PactaProvision     *self);
void                pacta_provision_set_eid           (PactaProvision     *self,
                                                       const char         *eid);
const char         *pacta_provision_get_num           (PactaProvision     *self);
void                pacta_provision_set_num           (PactaProvision     *self,
                                                       const char         *num);
const char         *pacta_provision_get_heading       (PactaProvision     *self);
void                pacta_provision_set_heading       (PactaProvision     *self,
                                                       const char         *heading);
const char         *pacta_provision_get_text          (PactaProvision     *self);
void                pacta_provision_set_text          (PactaProvision     *self,
                                                       const char         *text);
const char * const *pacta_provision_get_refers_to     (PactaProvision     *self);
void                pacta_provision_set_refers_to     (PactaProvision     *self,
                                                       const char * const *slugs);
gboolean            pacta_provision_refers_to         (PactaProvision     *self,
                                                       const char         *slug);
PactaProvision     *pacta_provision_get_parent        (PactaProvision     *self);
GListModel         *pacta_provision_get_children      (PactaProvision     *self);
guint               pacta_provision_get_n_children    (PactaProvision     *self);
PactaProvision     *pacta_provision_get_child         (PactaProvision     *self,
                                                       guint               position);
void                pacta_provision_append            (PactaProvision     *self,
                                                       PactaProvision     *child);
char               *pacta_provision_dup_label         (PactaProvision     *self);
char               *pacta_provision_dup_full_text     (PactaProvision     *self);
gboolean            pacta_provision_is_article_level  (PactaProvision     *self);

G_END_DECLS
