/* pacta-library-search.c — full-text search over every provision, note and decision reason
 *
 * Three external-content FTS5 indexes (unicode61, diacritics removed: "securite" finds
 * "sécurité") are kept in step with their tables by triggers. A search ranks each index with
 * bm25 (a provision's heading weighs four times its text), keeps the best @limit of each,
 * merges them by rank, and only then asks FTS5 for snippets of the hits it returns — snippets
 * cost far more than ranking.
 *
 * The text a person types becomes an FTS5 query by pacta_library_build_query(): words match as
 * prefixes from three letters on ("pension" finds "pensions"), "quoted words" match as a
 * phrase, -word leaves out texts with it, OR between two words takes either.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-library-search"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "pacta-library-private.h"

#define SNIPPET_ARGS "'" PACTA_SNIPPET_OPEN "', '" PACTA_SNIPPET_CLOSE "', '…', 14"

static void
append_term (GString    *out,
             const char *term,
             gboolean    phrase,
             gboolean    prefix)
{
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append_c (out, '"');
  for (const char *p = term; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  if (prefix || (!phrase && g_utf8_strlen (term, -1) >= 3))
    g_string_append_c (out, '*');
}

/* Whether @term has a letter or digit: FTS5 cannot search for punctuation alone. */
static gboolean
has_word (const char *term)
{
  for (const char *p = term; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/**
 * pacta_library_build_query:
 * @text: what a person typed in a search box
 *
 * Returns: (transfer full) (nullable): an FTS5 query for @text, or NULL when it has no word
 *   to search for
 */
char *
pacta_library_build_query (const char *text)
{
  g_autoptr(GString) positive = g_string_new (NULL);
  g_autoptr(GString) negative = g_string_new (NULL);
  gboolean pending_or = FALSE;
  const char *p = text;

  g_return_val_if_fail (text != NULL, NULL);

  while (*p)
    {
      gboolean negate = FALSE, phrase = FALSE, prefix = FALSE;
      g_autofree char *term = NULL;
      const char *start;

      while (*p && g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;
      if (*p == '-' && p[1] != '\0' && !g_ascii_isspace (p[1]))
        {
          negate = TRUE;
          p++;
        }
      if (*p == '"')
        {
          start = ++p;
          while (*p && *p != '"')
            p++;
          term = g_strndup (start, p - start);
          if (*p == '"')
            p++;
          phrase = TRUE;
        }
      else
        {
          start = p;
          while (*p && !g_ascii_isspace (*p))
            p++;
          term = g_strndup (start, p - start);
        }
      if (!phrase && g_str_equal (term, "OR"))
        {
          pending_or = positive->len > 0;
          continue;
        }
      if (!phrase && g_str_has_suffix (term, "*"))
        {
          term[strlen (term) - 1] = '\0';
          prefix = TRUE;
        }
      if (!has_word (term))
        continue;

      if (negate)
        {
          g_string_append (negative, " NOT ");
          append_term (negative, term, phrase, prefix);
          continue;
        }
      if (pending_or)
        g_string_append (positive, " OR");
      pending_or = FALSE;
      append_term (positive, term, phrase, prefix);
    }

  if (positive->len == 0)
    return NULL;
  if (negative->len > 0)
    {
      g_string_prepend (positive, "(");
      g_string_append (positive, ")");
      g_string_append (positive, negative->str);
    }
  return g_string_free (g_steal_pointer (&positive), FALSE);
}

typedef struct
{
  PactaLibraryHitKind kind;
  gint64              row_id;
  gint64              agreement_id;
  double              rank;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (ca->rank < cb->rank)
    return -1;
  if (ca->rank > cb->rank)
    return 1;
  return ca->row_id < cb->row_id ? -1 : ca->row_id > cb->row_id;
}

static void
set_search_error (PactaDb  *db,
                  int       rc,
                  GError  **error)
{
  const char *message = sqlite3_errmsg (db->db);

  if ((rc & 0xff) == SQLITE_ERROR && (g_str_has_prefix (message, "fts5:") || g_str_has_prefix (message, "no such column") ||
                                      strstr (message, "malformed MATCH") != NULL || strstr (message, "unknown special query") != NULL))
    g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_QUERY, _("the search cannot be read: %s"), message);
  else
    _pacta_db_set_error (db, rc, error);
}

/* The best @limit rows of one index, optionally only of the agreements in @allowed (JSON). */
static gboolean
rank_index (PactaDb             *db,
            PactaLibraryHitKind  kind,
            const char          *query,
            const char          *allowed,
            guint                limit,
            GArray              *out,
            GError             **error)
{
  static const char * const sql[][2] = {
    { "SELECT f.rowid, p.agreement_id, f.rank FROM provisions_fts f JOIN provisions p ON p.id = f.rowid "
      "WHERE provisions_fts MATCH ?1 ORDER BY f.rank LIMIT ?2",
      "SELECT f.rowid, p.agreement_id, f.rank FROM provisions_fts f JOIN provisions p ON p.id = f.rowid "
      "WHERE provisions_fts MATCH ?1 AND p.agreement_id IN (SELECT value FROM json_each (?3)) "
      "ORDER BY f.rank LIMIT ?2" },
    { "SELECT f.rowid, n.agreement_id, f.rank FROM notes_fts f JOIN notes n ON n.id = f.rowid "
      "WHERE notes_fts MATCH ?1 ORDER BY f.rank LIMIT ?2",
      "SELECT f.rowid, n.agreement_id, f.rank FROM notes_fts f JOIN notes n ON n.id = f.rowid "
      "WHERE notes_fts MATCH ?1 AND n.agreement_id IN (SELECT value FROM json_each (?3)) "
      "ORDER BY f.rank LIMIT ?2" },
    { "SELECT f.rowid, d.agreement_id, f.rank FROM decisions_fts f JOIN decisions d ON d.id = f.rowid "
      "WHERE decisions_fts MATCH ?1 ORDER BY f.rank LIMIT ?2",
      "SELECT f.rowid, d.agreement_id, f.rank FROM decisions_fts f JOIN decisions d ON d.id = f.rowid "
      "WHERE decisions_fts MATCH ?1 AND d.agreement_id IN (SELECT value FROM json_each (?3)) "
      "ORDER BY f.rank LIMIT ?2" },
  };
  g_autoptr(PactaStmt) stmt = NULL;
  int rc;

  stmt = _pacta_db_prepare (db, sql[kind][allowed != NULL], error);
  if (stmt == NULL)
    return FALSE;
  _pacta_db_bind_text (stmt, 1, query);
  sqlite3_bind_int (stmt, 2, (int) limit);
  if (allowed != NULL)
    _pacta_db_bind_text (stmt, 3, allowed);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Candidate candidate = { kind, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                              sqlite3_column_double (stmt, 2) };
      g_array_append_val (out, candidate);
    }
  if (rc != SQLITE_DONE)
    {
      set_search_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

static PactaLibraryHit *
make_hit (PactaLibrary     *self,
          PactaDb          *db,
          const char       *query,
          const Candidate  *candidate,
          GError          **error)
{
  static const char * const sql[] = {
    "SELECT p.eid, p.num, p.heading, p.context, snippet (provisions_fts, -1, " SNIPPET_ARGS ") "
    "FROM provisions_fts f JOIN provisions p ON p.id = f.rowid WHERE provisions_fts MATCH ?1 AND f.rowid = ?2",
    "SELECT n.eid, NULL, NULL, NULL, snippet (notes_fts, 0, " SNIPPET_ARGS ") "
    "FROM notes_fts f JOIN notes n ON n.id = f.rowid WHERE notes_fts MATCH ?1 AND f.rowid = ?2",
    "SELECT '', d.guideline_id, d.item_slug, NULL, snippet (decisions_fts, 0, " SNIPPET_ARGS ") "
    "FROM decisions_fts f JOIN decisions d ON d.id = f.rowid WHERE decisions_fts MATCH ?1 AND f.rowid = ?2",
  };
  g_autoptr(PactaStmt) stmt = _pacta_db_prepare (db, sql[candidate->kind], error);
  PactaLibraryEntry *entry = pacta_library_lookup (self, candidate->agreement_id);
  const char *title = entry ? pacta_library_entry_get_display_title (entry) : NULL;
  g_autofree char *label = NULL;
  PactaLibraryHit *hit;
  int rc;

  if (stmt == NULL)
    return NULL;
  _pacta_db_bind_text (stmt, 1, query);
  sqlite3_bind_int64 (stmt, 2, candidate->row_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;  /* gone since it was ranked */
  if (rc != SQLITE_ROW)
    {
      set_search_error (db, rc, error);
      return NULL;
    }

  switch (candidate->kind)
    {
    case PACTA_LIBRARY_HIT_PROVISION:
      {
        const char *num = _pacta_db_column_text (stmt, 1);
        const char *heading = _pacta_db_column_text (stmt, 2);

        if (num && heading)
          label = g_strdup_printf ("%s — %s", num, heading);
        else
          label = g_strdup (num ? num : heading);
      }
      break;
    case PACTA_LIBRARY_HIT_DECISION:
      label = g_strdup_printf ("%s/%s", _pacta_db_column_text (stmt, 1), _pacta_db_column_text (stmt, 2));
      break;
    case PACTA_LIBRARY_HIT_NOTE:
    default:
      break;
    }

  hit = _pacta_library_hit_new (candidate->kind, candidate->agreement_id, title,
                                _pacta_db_column_text (stmt, 0), label, _pacta_db_column_text (stmt, 3),
                                _pacta_db_column_text (stmt, 4), candidate->rank);
  if (candidate->kind == PACTA_LIBRARY_HIT_NOTE)
    _pacta_library_hit_set_record (hit, candidate->row_id, NULL, NULL);
  else if (candidate->kind == PACTA_LIBRARY_HIT_DECISION)
    _pacta_library_hit_set_record (hit, 0, _pacta_db_column_text (stmt, 1), _pacta_db_column_text (stmt, 2));
  return hit;
}

/* Returns: a JSON array of the ids @filter lets through, "" when it lets all through */
static char *
allowed_ids (PactaLibrary             *self,
             const PactaLibraryFilter *filter)
{
  GListModel *entries = pacta_library_get_agreements (self);
  guint n = g_list_model_get_n_items (entries);
  g_autoptr(GString) json = g_string_new ("[");
  guint kept = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaLibraryEntry) entry = g_list_model_get_item (entries, i);

      if (!pacta_library_entry_matches (entry, filter))
        continue;
      g_string_append_printf (json, "%s%" G_GINT64_FORMAT, kept ? "," : "", pacta_library_entry_get_id (entry));
      kept++;
    }
  g_string_append_c (json, ']');
  return kept == n ? g_strdup ("") : g_string_free (g_steal_pointer (&json), FALSE);
}

/**
 * pacta_library_search_fts:
 * @query: an FTS5 query expression
 * @filter: (nullable): only in the agreements it lets through (pacta_library_entry_matches())
 * @limit: the most hits to return (0 for 50)
 *
 * Returns: (transfer full): PactaLibraryHit objects, best first, or NULL with @error
 *   (PACTA_LIBRARY_ERROR_QUERY when FTS5 cannot read @query)
 */
GListModel *
pacta_library_search_fts (PactaLibrary              *self,
                          const char                *query,
                          const PactaLibraryFilter  *filter,
                          guint                      limit,
                          GError                   **error)
{
  g_autoptr(GListStore) hits = g_list_store_new (PACTA_TYPE_LIBRARY_HIT);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autofree char *allowed = NULL;
  PactaDb *db;

  g_return_val_if_fail (PACTA_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  db = _pacta_library_get_db (self);
  if (limit == 0)
    limit = 50;
  if (filter != NULL)
    {
      allowed = allowed_ids (self, filter);
      if (g_str_equal (allowed, "[]"))
        return G_LIST_MODEL (g_steal_pointer (&hits));
      if (allowed[0] == '\0')
        g_clear_pointer (&allowed, g_free);
    }

  for (PactaLibraryHitKind kind = PACTA_LIBRARY_HIT_PROVISION; kind <= PACTA_LIBRARY_HIT_DECISION; kind++)
    if (!rank_index (db, kind, query, allowed, limit, candidates, error))
      return NULL;
  g_array_sort (candidates, compare_candidates);

  for (guint i = 0; i < candidates->len && g_list_model_get_n_items (G_LIST_MODEL (hits)) < limit; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(PactaLibraryHit) hit = make_hit (self, db, query, &g_array_index (candidates, Candidate, i), &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (hit != NULL)
        g_list_store_append (hits, hit);
    }
  return G_LIST_MODEL (g_steal_pointer (&hits));
}

/**
 * pacta_library_search:
 * @text: what a person typed (see pacta_library_build_query())
 * @filter: (nullable): only in the agreements it lets through
 * @limit: the most hits to return (0 for 50)
 *
 * Returns: (transfer full): PactaLibraryHit objects, best first (none when @text has no word),
 *   or NULL with @error
 */
GListModel *
pacta_library_search (PactaLibrary              *self,
                      const char                *text,
                      const PactaLibraryFilter  *filter,
                      guint                      limit,
                      GError                   **error)
{
  g_autofree char *query = NULL;

  g_return_val_if_fail (PACTA_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  query = pacta_library_build_query (text);
  if (query == NULL)
    return G_LIST_MODEL (g_list_store_new (PACTA_TYPE_LIBRARY_HIT));
  return pacta_library_search_fts (self, query, filter, limit, error);
}
