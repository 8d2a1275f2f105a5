/* pacta-agreement-private.h — metadata kept verbatim for a lossless round trip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pacta-agreement.h"

G_BEGIN_DECLS

/* Parts of the source document that Pacta reads facts from but writes back verbatim, so that
 * nothing another tool put there is lost. Changing a fact they carry (title, parties, dates,
 * kind, status…) drops the affected piece and the writer regenerates it from the model. */
typedef enum
{
  PACTA_AGREEMENT_XML_IDENTIFICATION, /* <identification> element */
  PACTA_AGREEMENT_XML_LIFECYCLE,      /* <lifecycle> element(s) */
  PACTA_AGREEMENT_XML_REFERENCES,     /* <references> element(s) */
  PACTA_AGREEMENT_XML_PROPRIETARY,    /* our <proprietary source="#pacta"> element */
  PACTA_AGREEMENT_XML_META_PUBLICATION, /* <publication>, <classification> */
  PACTA_AGREEMENT_XML_META_ANALYSIS,  /* <workflow>, <analysis>, <temporalData> */
  PACTA_AGREEMENT_XML_META_NOTES,     /* <notes> */
  PACTA_AGREEMENT_XML_META_TAIL,      /* other <proprietary> blocks, <presentation>, unknown */
  PACTA_AGREEMENT_XML_PREFACE,        /* inner XML of <preface> */
  PACTA_AGREEMENT_XML_ROOT_ATTRS,     /* extra attributes of the document element */
  PACTA_AGREEMENT_XML_NAMESPACES,     /* extra namespace declarations for the root */
  PACTA_AGREEMENT_XML_BODY_NAME,      /* "mainBody" etc. when the document used another body element */
  PACTA_AGREEMENT_XML_COVER,          /* <coverPage> element */
  PACTA_AGREEMENT_XML_TRAILER,        /* <components> and unknown children of the document */
  PACTA_AGREEMENT_N_XML,
} PactaAgreementXml;

const char *_pacta_agreement_get_xml (PactaAgreement    *self,
                                      PactaAgreementXml  which);
void        _pacta_agreement_set_xml (PactaAgreement    *self,
                                      PactaAgreementXml  which,
                                      const char        *xml);

/* Item slugs declared as TLCConcept references, with their display names. */
void        _pacta_agreement_add_concept (PactaAgreement *self,
                                          const char     *eid,
                                          const char     *show_as);
GPtrArray  *_pacta_agreement_get_concepts (PactaAgreement *self); /* of char* pairs: eid, show_as */

G_END_DECLS
