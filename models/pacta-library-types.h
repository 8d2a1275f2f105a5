/* pacta-library-types.h — enumerations and the error domain of the library store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PACTA_LIBRARY_ERROR (pacta_library_error_quark ())

/* What can go wrong with the library file itself; a bad agreement file is a PACTA_ERROR. */
typedef enum
{
  PACTA_LIBRARY_ERROR_NOT_A_LIBRARY, /* not an SQLite file, or an SQLite file of another program */
  PACTA_LIBRARY_ERROR_CORRUPT,       /* an SQLite file that is damaged */
  PACTA_LIBRARY_ERROR_TOO_NEW,       /* written by a newer Pacta */
  PACTA_LIBRARY_ERROR_BUSY,          /* another program held the lock past the busy timeout */
  PACTA_LIBRARY_ERROR_READ_ONLY,     /* the file or its folder cannot be written */
  PACTA_LIBRARY_ERROR_NOT_FOUND,     /* no such agreement, note, comparison */
  PACTA_LIBRARY_ERROR_QUERY,         /* a search the full-text engine cannot read */
  PACTA_LIBRARY_ERROR_NO_BACKUP,     /* restore asked for, but there is no backup */
  PACTA_LIBRARY_ERROR_FAILED,        /* anything else: disk full, I/O error… */
} PactaLibraryError;

GQuark pacta_library_error_quark (void);

/* What an import did with one file. */
typedef enum
{
  PACTA_IMPORT_ADDED,
  PACTA_IMPORT_DUPLICATE,  /* the same text (same work, same bytes) is already in the library */
  PACTA_IMPORT_FAILED,
} PactaImportOutcome;

/* What a search hit points at. */
typedef enum
{
  PACTA_LIBRARY_HIT_PROVISION,
  PACTA_LIBRARY_HIT_NOTE,
  PACTA_LIBRARY_HIT_DECISION,
} PactaLibraryHitKind;

typedef enum
{
  PACTA_LIBRARY_OPEN_DEFAULT   = 0,
  PACTA_LIBRARY_OPEN_NO_BACKUP = 1 << 0, /* skip the daily automatic backup (benchmarks) */
  PACTA_LIBRARY_OPEN_NO_CREATE = 1 << 1, /* fail when there is no library at the path yet */
} PactaLibraryOpenFlags;

const char *pacta_import_outcome_to_string     (PactaImportOutcome  outcome);
const char *pacta_library_hit_kind_to_string   (PactaLibraryHitKind kind);

G_END_DECLS
