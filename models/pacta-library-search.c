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
 * phrase, -word leaves out texts with it, OR between two words takes either. Common words
 * ("the", "of", "shall", "de", "la", "y"…) are left out when there are others: they cost the
 * most to look up and add nothing to the ranking; a search of common words only takes the
 * first hits in document order instead of ranking nearly every provision.
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
  if (prefix)
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

/* Words too common to tell provisions apart (English, French, Spanish). Left out of a search
 * that has other words: they add nothing to the ranking and cost the most to look up. */
static const char * const common_words[] = {
  "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "its", "of", "on",
  "or", "shall", "that", "the", "this", "to", "which", "with",
  "à", "au", "aux", "ce", "d", "dans", "de", "des", "du", "en", "est", "et", "l", "la", "le", "les", "ou", "par",
  "pour", "qui", "que", "sur", "un", "une",
  "al", "con", "del", "el", "las", "lo", "los", "o", "para", "por", "se", "su", "y",
};

static gboolean
is_common (const char *term)
{
  g_autofree char *folded = g_utf8_casefold (term, -1);

  for (guint i = 0; i < G_N_ELEMENTS (common_words); i++)
    if (g_str_equal (folded, common_words[i]))
      return TRUE;
  return FALSE;
}

typedef struct
{
  char     *text;
  gboolean  phrase;
  gboolean  prefix;
  gboolean  negate;
  gboolean  or_before;  /* joined to the term before by OR */
} Term;

static void
term_clear (Term *term)
{
  g_free (term->text);
}

/* @ranked: (out): FALSE when every word is a common one: ranking would cost much and mean
 * little, so such a search takes the first hits in document order. */
static char *
build_query_full (const char *text,
                  gboolean   *ranked)
{
  g_autoptr(GArray) terms = g_array_new (FALSE, TRUE, sizeof (Term));
  g_autoptr(GString) positive = g_string_new (NULL);
  g_autoptr(GString) negative = g_string_new (NULL);
  gboolean pending_or = FALSE, all_common = TRUE;
  const char *p = text;

  g_array_set_clear_func (terms, (GDestroyNotify) term_clear);
  *ranked = TRUE;

  while (*p)
    {
      Term term = { NULL, FALSE, FALSE, FALSE, FALSE };
      const char *start;

      while (*p && g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;
      if (*p == '-' && p[1] != '\0' && !g_ascii_isspace (p[1]))
        {
          term.negate = TRUE;
          p++;
        }
      if (*p == '"')
        {
          start = ++p;
          while (*p && *p != '"')
            p++;
          term.text = g_strndup (start, p - start);
          if (*p == '"')
            p++;
          term.phrase = TRUE;
        }
      else
        {
          start = p;
          while (*p && !g_ascii_isspace (*p))
            p++;
          term.text = g_strndup (start, p - start);
        }
      if (!term.phrase && !term.negate && g_str_equal (term.text, "OR"))
        {
          pending_or = terms->len > 0;
          g_free (term.text);
          continue;
        }
      if (!term.phrase && g_str_has_suffix (term.text, "*"))
        {
          term.text[strlen (term.text) - 1] = '\0';
          term.prefix = TRUE;
        }
      if (!has_word (term.text))
        {
          g_free (term.text);
          continue;
        }
      if (!term.negate)
        {
          term.or_before = pending_or;
          pending_or = FALSE;
          if (term.phrase || term.prefix || !is_common (term.text))
            all_common = FALSE;
        }
      g_array_append_val (terms, term);
    }

  for (guint i = 0; i < terms->len; i++)
    {
      Term *term = &g_array_index (terms, Term, i);
      gboolean or_after = i + 1 < terms->len && g_array_index (terms, Term, i + 1).or_before;
      /* Words match from their start once they are three letters long; a phrase as written. */
      gboolean prefix = term->prefix || (!all_common && !term->phrase && g_utf8_strlen (term->text, -1) >= 3);

      if (term->negate)
        {
          g_string_append (negative, " NOT ");
          append_term (negative, term->text, prefix);
          continue;
        }
      /* A common word goes, unless it is all there is or one side of an OR. */
      if (!all_common && !term->phrase && !term->prefix && !term->or_before && !or_after && is_common (term->text))
        continue;
      if (term->or_before && positive->len > 0)
        g_string_append (positive, " OR");
      append_term (positive, term->text, prefix);
    }

  if (positive->len == 0)
    return NULL;
  *ranked = !all_common;
  if (negative->len > 0)
    {
      g_string_prepend (positive, "(");
      g_string_append (positive, ")");
      g_string_append (positive, negative->str);
    }
  return g_string_free (g_steal_pointer (&positive), FALSE);
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
  gboolean ranked;

  g_return_val_if_fail (text != NULL, NULL);
  return build_query_full (text, &ranked);
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

/* The best @limit rows of one index (or, unranked, the first ones), optionally only of the
 * agreements in @allowed (a JSON array of ids). The index picks and ranks its rows before any
 * join, so a common word costs one pass over its postings and nothing more. */
static gboolean
rank_index (PactaDb             *db,
            PactaLibraryHitKind  kind,
            const char          *query,
            const char          *allowed,
            gboolean             ranked,
            guint                limit,
            GArray              *out,
            GError             **error)
{
  /* bm25 called with its weights is cheaper than the table's configured "rank" column. */
  static const char * const tables[][3] = {
    { "provisions", "provisions_fts", "bm25 (provisions_fts, 4.0, 1.0)" },
    { "notes", "notes_fts", "bm25 (notes_fts)" },
    { "decisions", "decisions_fts", "bm25 (decisions_fts)" },
  };
  g_autofree char *sql = NULL;
  g_autoptr(PactaStmt) stmt = NULL;
  int rc;

  if (allowed == NULL)
    sql = g_strdup_printf ("SELECT t.rowid, r.agreement_id, t.score FROM (SELECT rowid, %s AS score FROM %s WHERE %s MATCH ?1 "
                           "%s LIMIT ?2) t JOIN %s r ON r.id = t.rowid",
                           tables[kind][2], tables[kind][1], tables[kind][1], ranked ? "ORDER BY score" : "", tables[kind][0]);
  else
    sql = g_strdup_printf ("SELECT f.rowid, r.agreement_id, %s AS score FROM %s f JOIN %s r ON r.id = f.rowid "
                           "WHERE %s MATCH ?1 AND r.agreement_id IN (SELECT value FROM json_each (?3)) %s LIMIT ?2",
                           tables[kind][2], tables[kind][1], tables[kind][0], tables[kind][1], ranked ? "ORDER BY score" : "");
  stmt = _pacta_db_prepare (db, sql, error);
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

/* pacta_wanted (rowid): whether the row is one of the hits a search shows. */
static void
wanted_func (sqlite3_context  *context,
             int               argc,
             sqlite3_value   **argv)
{
  GHashTable *rows = sqlite3_user_data (context);
  gint64 id = sqlite3_value_int64 (argv[0]);

  sqlite3_result_int (context, g_hash_table_contains (rows, &id));
}

/* Snippets for the hits of one index, in one pass over its matches: asking FTS5 again for each
 * row costs about as much as that pass for every row. Fills @snippets (row id → text). */
static gboolean
fetch_snippets (PactaDb              *db,
                PactaLibraryHitKind   kind,
                const char           *query,
                GArray               *candidates,
                guint                 n,
                GHashTable           *snippets,
                GError              **error)
{
  static const char * const sql[] = {
    "SELECT rowid, snippet (provisions_fts, -1, " SNIPPET_ARGS ") FROM provisions_fts "
    "WHERE provisions_fts MATCH ?1 AND pacta_wanted (rowid) LIMIT ?2",
    "SELECT rowid, snippet (notes_fts, 0, " SNIPPET_ARGS ") FROM notes_fts "
    "WHERE notes_fts MATCH ?1 AND pacta_wanted (rowid) LIMIT ?2",
    "SELECT rowid, snippet (decisions_fts, 0, " SNIPPET_ARGS ") FROM decisions_fts "
    "WHERE decisions_fts MATCH ?1 AND pacta_wanted (rowid) LIMIT ?2",
  };
  g_autoptr(PactaStmt) stmt = NULL;
  guint wanted = 0;
  int rc;

  if (db->search_rows == NULL)
    {
      db->search_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      rc = sqlite3_create_function_v2 (db->db, "pacta_wanted", 1, SQLITE_UTF8 | SQLITE_DIRECTONLY, db->search_rows,
                                       wanted_func, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          _pacta_db_set_error (db, rc, error);
          return FALSE;
        }
    }

  g_hash_table_remove_all (db->search_rows);
  for (guint i = 0; i < n; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);

      if (candidate->kind != kind)
        continue;
      g_hash_table_add (db->search_rows, g_memdup2 (&candidate->row_id, sizeof (gint64)));
      wanted++;
    }
  if (wanted == 0)
    return TRUE;

  stmt = _pacta_db_prepare (db, sql[kind], error);
  if (stmt == NULL)
    return FALSE;
  _pacta_db_bind_text (stmt, 1, query);
  sqlite3_bind_int (stmt, 2, (int) wanted);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (snippets, g_memdup2 (&id, sizeof id), g_strdup (_pacta_db_column_text (stmt, 1)));
    }
  g_hash_table_remove_all (db->search_rows);
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
          const Candidate  *candidate,
          const char       *snippet,
          GError          **error)
{
  static const char * const sql[] = {
    "SELECT eid, num, heading, context FROM provisions WHERE id = ?",
    "SELECT eid, NULL, NULL, NULL FROM notes WHERE id = ?",
    "SELECT '', guideline_id, item_slug, NULL FROM decisions WHERE id = ?",
  };
  g_autoptr(PactaStmt) stmt = _pacta_db_prepare (db, sql[candidate->kind], error);
  PactaLibraryEntry *entry = pacta_library_lookup (self, candidate->agreement_id);
  const char *title = entry ? pacta_library_entry_get_display_title (entry) : NULL;
  g_autofree char *label = NULL;
  PactaLibraryHit *hit;
  int row;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, candidate->row_id);
  row = _pacta_db_step_row (db, stmt, error);
  if (row <= 0)
    return NULL;  /* an error, or gone since it was ranked */

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
                                snippet, candidate->rank);
  if (candidate->kind == PACTA_LIBRARY_HIT_NOTE)
    _pacta_library_hit_set_record (hit, candidate->row_id, NULL, NULL);
  else if (candidate->kind == PACTA_LIBRARY_HIT_DECISION)
    _pacta_library_hit_set_record (hit, 0, _pacta_db_column_text (stmt, 1), _pacta_db_column_text (stmt, 2));
  return hit;
}

static void
clear_snippets (GHashTable **snippets)
{
  for (guint i = 0; i <= PACTA_LIBRARY_HIT_DECISION; i++)
    g_clear_pointer (&snippets[i], g_hash_table_unref);
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

/* pacta_library_search_fts:
 * @query: an FTS5 query expression
 * @filter: (nullable): only in the agreements it lets through (pacta_library_entry_matches())
 * @limit: the most hits to return (0 for 50)
 *
 * Returns: (transfer full): PactaLibraryHit objects, best first, or NULL with @error
 *   (PACTA_LIBRARY_ERROR_QUERY when FTS5 cannot read @query)
 */
static GListModel *
search_query (PactaLibrary              *self,
              const char                *query,
              gboolean                   ranked,
              const PactaLibraryFilter  *filter,
              guint                      limit,
              GError                   **error)
{
  g_autoptr(GListStore) hits = g_list_store_new (PACTA_TYPE_LIBRARY_HIT);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  GHashTable *snippets[PACTA_LIBRARY_HIT_DECISION + 1] = { NULL, NULL, NULL };
  g_autofree char *allowed = NULL;
  gint64 start, ranked_at;
  guint n;
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

  start = g_get_monotonic_time ();
  for (PactaLibraryHitKind kind = PACTA_LIBRARY_HIT_PROVISION; kind <= PACTA_LIBRARY_HIT_DECISION; kind++)
    if (!rank_index (db, kind, query, allowed, ranked, limit, candidates, error))
      return NULL;
  g_array_sort (candidates, compare_candidates);
  ranked_at = g_get_monotonic_time ();

  n = MIN (candidates->len, limit);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaLibraryHit) hit = NULL;
      Candidate *candidate = &g_array_index (candidates, Candidate, i);
      g_autoptr(GError) local_error = NULL;

      /* The snippets of an index are fetched when its first hit comes up. */
      if (snippets[candidate->kind] == NULL)
        {
          snippets[candidate->kind] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
          if (!fetch_snippets (db, candidate->kind, query, candidates, n, snippets[candidate->kind], error))
            {
              clear_snippets (snippets);
              return NULL;
            }
        }
      hit = make_hit (self, db, candidate, g_hash_table_lookup (snippets[candidate->kind], &candidate->row_id), &local_error);
      if (local_error != NULL)
        {
          clear_snippets (snippets);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (hit != NULL)
        g_list_store_append (hits, hit);
    }
  clear_snippets (snippets);
  g_debug ("search %s: ranked in %.2f ms, %u snippets in %.2f ms", query, (ranked_at - start) / 1000.0,
           g_list_model_get_n_items (G_LIST_MODEL (hits)), (g_get_monotonic_time () - ranked_at) / 1000.0);
  return G_LIST_MODEL (g_steal_pointer (&hits));
}

GListModel *
pacta_library_search_fts (PactaLibrary              *self,
                          const char                *query,
                          const PactaLibraryFilter  *filter,
                          guint                      limit,
                          GError                   **error)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  return search_query (self, query, TRUE, filter, limit, error);
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
  gboolean ranked;

  g_return_val_if_fail (PACTA_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  query = build_query_full (text, &ranked);
  if (query == NULL)
    return G_LIST_MODEL (g_list_store_new (PACTA_TYPE_LIBRARY_HIT));
  return search_query (self, query, ranked, filter, limit, error);
}
