/* pacta-library-entry.h — one agreement as the library lists it: metadata and scores, no text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pacta-types.h"

G_BEGIN_DECLS

#define PACTA_TYPE_LIBRARY_ENTRY (pacta_library_entry_get_type ())

G_DECLARE_FINAL_TYPE (PactaLibraryEntry, pacta_library_entry, PACTA, LIBRARY_ENTRY, GObject)

/* What the sidebar and `pacta library list` filter on. Fields left at their
 * PACTA_LIBRARY_FILTER_INIT value do not filter. */
typedef struct
{
  int         kind;          /* a PactaAgreementKind, or -1 for any */
  int         status;        /* a PactaAgreementStatus, or -1 for any */
  const char *party;         /* an ISO 3166 code (exact, any case) or part of a name; NULL for any */
  int         year_from;     /* 0 for open */
  int         year_to;       /* 0 for open */
  double      min_score;     /* 0…1, or < 0 for any; entries never checked do not pass */
  double      max_score;     /* 0…1, or < 0 for any */
  const char *guideline_id;  /* which score min/max_score look at; NULL: the mean of the stored ones */
  const char *text;          /* part of the title, short title, parties or work URI; NULL for any */
} PactaLibraryFilter;

#define PACTA_LIBRARY_FILTER_INIT { -1, -1, NULL, 0, 0, -1.0, -1.0, NULL, NULL }

gint64                pacta_library_entry_get_id            (PactaLibraryEntry        *self);
const char           *pacta_library_entry_get_work_uri      (PactaLibraryEntry        *self);
const char           *pacta_library_entry_get_content_hash  (PactaLibraryEntry        *self);
const char           *pacta_library_entry_get_source_name   (PactaLibraryEntry        *self);
const char           *pacta_library_entry_get_title         (PactaLibraryEntry        *self);
const char           *pacta_library_entry_get_short_title   (PactaLibraryEntry        *self);
const char           *pacta_library_entry_get_display_title (PactaLibraryEntry        *self);
PactaAgreementKind    pacta_library_entry_get_kind          (PactaLibraryEntry        *self);
PactaAgreementStatus  pacta_library_entry_get_status        (PactaLibraryEntry        *self);
int                   pacta_library_entry_get_year          (PactaLibraryEntry        *self);
const char           *pacta_library_entry_get_date_signed   (PactaLibraryEntry        *self);
const char           *pacta_library_entry_get_date_in_force (PactaLibraryEntry        *self);
const char           *pacta_library_entry_get_language      (PactaLibraryEntry        *self);
const char           *pacta_library_entry_get_parties_label (PactaLibraryEntry        *self);
const char * const   *pacta_library_entry_get_party_codes   (PactaLibraryEntry        *self);
gboolean              pacta_library_entry_has_party         (PactaLibraryEntry        *self,
                                                             const char               *code_or_name);
gint64                pacta_library_entry_get_added         (PactaLibraryEntry        *self);
double                pacta_library_entry_get_score         (PactaLibraryEntry        *self);
double                pacta_library_entry_get_score_for     (PactaLibraryEntry        *self,
                                                             const char               *guideline_id);
char                **pacta_library_entry_dup_scored_guidelines (PactaLibraryEntry    *self);
gboolean              pacta_library_entry_matches           (PactaLibraryEntry        *self,
                                                             const PactaLibraryFilter *filter);

G_END_DECLS
