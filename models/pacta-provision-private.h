/* pacta-provision-private.h — what the AKN reader and writer keep for a lossless round trip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pacta-provision.h"

G_BEGIN_DECLS

/* Serialised XML kept verbatim from the source document, so that markup Pacta does not
 * interpret (inline elements, unknown children, foreign attributes) survives a save. */
typedef enum
{
  PACTA_PROVISION_XML_NUM,      /* inner XML of <num> */
  PACTA_PROVISION_XML_HEADING,  /* inner XML of <heading> */
  PACTA_PROVISION_XML_SUBHEADING,
  PACTA_PROVISION_XML_CONTENT,  /* inner XML of <content> (or the whole body of a block container) */
  PACTA_PROVISION_XML_INTRO,    /* inner XML of <intro> */
  PACTA_PROVISION_XML_WRAP_UP,  /* inner XML of <wrapUp> */
  PACTA_PROVISION_XML_ATTRS,    /* extra attributes, already serialised (' a="b" c="d"') */
  PACTA_PROVISION_XML_OPAQUE,   /* the whole element, written back as it came (preamble,
                                 * conclusions, annexes, unknown body children) */
  PACTA_PROVISION_N_XML,
} PactaProvisionXml;

const char *_pacta_provision_get_xml   (PactaProvision    *self,
                                        PactaProvisionXml  which);
void        _pacta_provision_set_xml   (PactaProvision    *self,
                                        PactaProvisionXml  which,
                                        const char        *xml);

/* Unknown child elements, kept in place: each is serialised XML that follows the
 * @after-th known child (-1: before the first). */
void        _pacta_provision_add_extra (PactaProvision    *self,
                                        int                after,
                                        const char        *xml);
guint       _pacta_provision_get_n_extras (PactaProvision *self);
const char *_pacta_provision_get_extra (PactaProvision    *self,
                                        guint              index,
                                        int               *after);

G_END_DECLS
