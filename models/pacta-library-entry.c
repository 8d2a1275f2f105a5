/* pacta-library-entry.c — one agreement as the library lists it: metadata and scores, no text
 *
 * Entries are what the sidebar binds to: every field is a read-only property. Only the scores
 * change over an entry's life (when a check stores new ones), with a notify on "score".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-library-entry"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pacta-enums.h"
#include "pacta-library-private.h"

struct _PactaLibraryEntry
{
  GObject               parent_instance;

  gint64                id;
  char                 *work_uri;
  char                 *content_hash;
  char                 *source_name;
  char                 *title;
  char                 *short_title;
  PactaAgreementKind    kind;
  PactaAgreementStatus  status;
  char                 *parties_label;
  int                   year;
  char                 *date_signed;
  char                 *date_in_force;
  char                 *language;
  gint64                added;
  char                **party_codes;
  char                 *search_text;  /* casefolded title, short title, parties, work URI */
  GHashTable           *scores;       /* guideline id → double* */
};

G_DEFINE_FINAL_TYPE (PactaLibraryEntry, pacta_library_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_WORK_URI,
  PROP_CONTENT_HASH,
  PROP_SOURCE_NAME,
  PROP_TITLE,
  PROP_SHORT_TITLE,
  PROP_DISPLAY_TITLE,
  PROP_KIND,
  PROP_STATUS,
  PROP_YEAR,
  PROP_DATE_SIGNED,
  PROP_DATE_IN_FORCE,
  PROP_LANGUAGE,
  PROP_PARTIES_LABEL,
  PROP_PARTY_CODES,
  PROP_ADDED,
  PROP_SCORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pacta_library_entry_finalize (GObject *object)
{
  PactaLibraryEntry *self = PACTA_LIBRARY_ENTRY (object);

  g_free (self->work_uri);
  g_free (self->content_hash);
  g_free (self->source_name);
  g_free (self->title);
  g_free (self->short_title);
  g_free (self->parties_label);
  g_free (self->date_signed);
  g_free (self->date_in_force);
  g_free (self->language);
  g_strfreev (self->party_codes);
  g_free (self->search_text);
  g_clear_pointer (&self->scores, g_hash_table_unref);

  G_OBJECT_CLASS (pacta_library_entry_parent_class)->finalize (object);
}

static void
pacta_library_entry_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PactaLibraryEntry *self = PACTA_LIBRARY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_WORK_URI:
      g_value_set_string (value, self->work_uri);
      break;
    case PROP_CONTENT_HASH:
      g_value_set_string (value, self->content_hash);
      break;
    case PROP_SOURCE_NAME:
      g_value_set_string (value, self->source_name);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SHORT_TITLE:
      g_value_set_string (value, self->short_title);
      break;
    case PROP_DISPLAY_TITLE:
      g_value_set_string (value, pacta_library_entry_get_display_title (self));
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_DATE_SIGNED:
      g_value_set_string (value, self->date_signed);
      break;
    case PROP_DATE_IN_FORCE:
      g_value_set_string (value, self->date_in_force);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_PARTIES_LABEL:
      g_value_set_string (value, self->parties_label);
      break;
    case PROP_PARTY_CODES:
      g_value_set_boxed (value, self->party_codes);
      break;
    case PROP_ADDED:
      g_value_set_int64 (value, self->added);
      break;
    case PROP_SCORE:
      g_value_set_double (value, pacta_library_entry_get_score (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_library_entry_class_init (PactaLibraryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pacta_library_entry_finalize;
  object_class->get_property = pacta_library_entry_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_WORK_URI] = g_param_spec_string ("work-uri", NULL, NULL, NULL, flags);
  properties[PROP_CONTENT_HASH] = g_param_spec_string ("content-hash", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE_NAME] = g_param_spec_string ("source-name", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SHORT_TITLE] = g_param_spec_string ("short-title", NULL, NULL, NULL, flags);
  properties[PROP_DISPLAY_TITLE] = g_param_spec_string ("display-title", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, PACTA_TYPE_AGREEMENT_KIND,
                                             PACTA_AGREEMENT_KIND_UNKNOWN, flags);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, PACTA_TYPE_AGREEMENT_STATUS,
                                               PACTA_AGREEMENT_STATUS_UNKNOWN, flags);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_DATE_SIGNED] = g_param_spec_string ("date-signed", NULL, NULL, NULL, flags);
  properties[PROP_DATE_IN_FORCE] = g_param_spec_string ("date-in-force", NULL, NULL, NULL, flags);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, flags);
  properties[PROP_PARTIES_LABEL] = g_param_spec_string ("parties-label", NULL, NULL, NULL, flags);
  properties[PROP_PARTY_CODES] = g_param_spec_boxed ("party-codes", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_ADDED] = g_param_spec_int64 ("added", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* The mean of the stored guideline scores, or -1 when the agreement was never checked. */
  properties[PROP_SCORE] = g_param_spec_double ("score", NULL, NULL, -1.0, 1.0, -1.0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pacta_library_entry_init (PactaLibraryEntry *self)
{
  self->scores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static char *
dup_column (PactaStmt *stmt,
            int        column)
{
  const char *text = _pacta_db_column_text (stmt, column);
  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

/* Decodes "guideline=score guideline=score" (the PACTA_LIBRARY_ENTRY_COLUMNS aggregate). */
void
_pacta_library_entry_set_scores (PactaLibraryEntry *self,
                                 const char        *encoded)
{
  g_auto(GStrv) pairs = g_strsplit (encoded ? encoded : "", " ", -1);
  double old = pacta_library_entry_get_score (self);

  g_hash_table_remove_all (self->scores);
  for (guint i = 0; pairs[i]; i++)
    {
      char *eq = strrchr (pairs[i], '=');
      double *score;

      if (eq == NULL)
        continue;
      *eq = '\0';
      score = g_new (double, 1);
      *score = g_ascii_strtod (eq + 1, NULL);
      g_hash_table_insert (self->scores, g_strdup (pairs[i]), score);
    }
  if (old != pacta_library_entry_get_score (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
}

/* Takes @from's scores (the same agreement, read again); notifies "score" if it changed. */
void
_pacta_library_entry_copy_scores (PactaLibraryEntry *self,
                                  PactaLibraryEntry *from)
{
  GHashTableIter iter;
  gpointer key, value;
  double old = pacta_library_entry_get_score (self);

  g_hash_table_remove_all (self->scores);
  g_hash_table_iter_init (&iter, from->scores);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (self->scores, g_strdup (key), g_memdup2 (value, sizeof (double)));
  if (old != pacta_library_entry_get_score (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
}

/* From a row of PACTA_LIBRARY_ENTRY_COLUMNS. */
PactaLibraryEntry *
_pacta_library_entry_new_from_row (PactaStmt *stmt)
{
  PactaLibraryEntry *self = g_object_new (PACTA_TYPE_LIBRARY_ENTRY, NULL);
  const char *codes = _pacta_db_column_text (stmt, 14);
  g_autofree char *joined = NULL;

  self->id = sqlite3_column_int64 (stmt, 0);
  self->work_uri = g_strdup (_pacta_db_column_text (stmt, 1));
  self->content_hash = g_strdup (_pacta_db_column_text (stmt, 2));
  self->source_name = dup_column (stmt, 3);
  self->title = dup_column (stmt, 4);
  self->short_title = dup_column (stmt, 5);
  self->kind = pacta_agreement_kind_from_string (_pacta_db_column_text (stmt, 6));
  self->status = pacta_agreement_status_from_string (_pacta_db_column_text (stmt, 7));
  self->parties_label = dup_column (stmt, 8);
  self->year = sqlite3_column_int (stmt, 9);
  self->date_signed = dup_column (stmt, 10);
  self->date_in_force = dup_column (stmt, 11);
  self->language = dup_column (stmt, 12);
  self->added = sqlite3_column_int64 (stmt, 13);
  self->party_codes = codes != NULL && codes[0] != '\0' ? g_strsplit (codes, " ", -1) : g_new0 (char *, 1);
  _pacta_library_entry_set_scores (self, _pacta_db_column_text (stmt, 15));

  joined = g_strjoin ("\n", self->title ? self->title : "", self->short_title ? self->short_title : "",
                      self->parties_label ? self->parties_label : "", self->work_uri, NULL);
  self->search_text = g_utf8_casefold (joined, -1);
  return self;
}

gint64
pacta_library_entry_get_id (PactaLibraryEntry *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ENTRY (self), 0);
  return self->id;
}

/* Returns: the FRBR work URI, or "" when the document has none */
const char *
pacta_library_entry_get_work_uri (PactaLibraryEntry *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ENTRY (self), NULL);
  return self->work_uri;
}

/* Returns: the SHA-256 of the XML as imported, in hex */
const char *
pacta_library_entry_get_content_hash (PactaLibraryEntry *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ENTRY (self), NULL);
  return self->content_hash;
}

/* Returns: (nullable): the name of the file it was imported from */
const char *
pacta_library_entry_get_source_name (PactaLibraryEntry *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ENTRY (self), NULL);
  return self->source_name;
}

const char *
pacta_library_entry_get_title (PactaLibraryEntry *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ENTRY (self), NULL);
  return self->title;
}

const char *
pacta_library_entry_get_short_title (PactaLibraryEntry *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ENTRY (self), NULL);
  return self->short_title;
}

const char *
pacta_library_entry_get_display_title (PactaLibraryEntry *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ENTRY (self), NULL);
  if (self->short_title != NULL)
    return self->short_title;
  if (self->title != NULL)
    return self->title;
  if (self->source_name != NULL)
    return self->source_name;
  return self->work_uri;
}

PactaAgreementKind
pacta_library_entry_get_kind (PactaLibraryEntry *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ENTRY (self), PACTA_AGREEMENT_KIND_UNKNOWN);
  return self->kind;
}

PactaAgreementStatus
pacta_library_entry_get_status (PactaLibraryEntry *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ENTRY (self), PACTA_AGREEMENT_STATUS_UNKNOWN);
  return self->status;
}

/* Returns: the year it was signed (or drafted), 0 when unknown */
int
pacta_library_entry_get_year (PactaLibraryEntry *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ENTRY (self), 0);
  return self->year;
}

const char *
pacta_library_entry_get_date_signed (PactaLibraryEntry *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ENTRY (self), NULL);
  return self->date_signed;
}

const char *
pacta_library_entry_get_date_in_force (PactaLibraryEntry *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ENTRY (self), NULL);
  return self->date_in_force;
}

const char *
pacta_library_entry_get_language (PactaLibraryEntry *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ENTRY (self), NULL);
  return self->language;
}

const char *
pacta_library_entry_get_parties_label (PactaLibraryEntry *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ENTRY (self), NULL);
  return self->parties_label;
}

/* Returns: (transfer none): the parties' ISO codes, in the document's order */
const char * const *
pacta_library_entry_get_party_codes (PactaLibraryEntry *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ENTRY (self), NULL);
  return (const char * const *) self->party_codes;
}

/* A party by its code (any case) or by part of its name as the parties label shows it. */
gboolean
pacta_library_entry_has_party (PactaLibraryEntry *self,
                               const char        *code_or_name)
{
  g_autofree char *needle = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (PACTA_IS_LIBRARY_ENTRY (self), FALSE);
  g_return_val_if_fail (code_or_name != NULL, FALSE);

  for (guint i = 0; self->party_codes[i]; i++)
    if (g_ascii_strcasecmp (self->party_codes[i], code_or_name) == 0)
      return TRUE;
  if (strlen (code_or_name) <= 2 || self->parties_label == NULL)
    return FALSE;
  needle = g_utf8_casefold (code_or_name, -1);
  label = g_utf8_casefold (self->parties_label, -1);
  return strstr (label, needle) != NULL;
}

/* Returns: when it was added, in Unix seconds */
gint64
pacta_library_entry_get_added (PactaLibraryEntry *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ENTRY (self), 0);
  return self->added;
}

/* Returns: the mean of the stored guideline scores (0…1), or -1 when never checked */
double
pacta_library_entry_get_score (PactaLibraryEntry *self)
{
  GHashTableIter iter;
  gpointer value;
  double sum = 0;

  g_return_val_if_fail (PACTA_IS_LIBRARY_ENTRY (self), -1);

  if (g_hash_table_size (self->scores) == 0)
    return -1;
  g_hash_table_iter_init (&iter, self->scores);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    sum += *(double *) value;
  return sum / g_hash_table_size (self->scores);
}

/* Returns: the score last stored for @guideline_id (0…1), or -1 */
double
pacta_library_entry_get_score_for (PactaLibraryEntry *self,
                                   const char        *guideline_id)
{
  double *score;

  g_return_val_if_fail (PACTA_IS_LIBRARY_ENTRY (self), -1);
  g_return_val_if_fail (guideline_id != NULL, -1);

  score = g_hash_table_lookup (self->scores, guideline_id);
  return score ? *score : -1;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Returns: (transfer full): the ids of the guidelines it has a stored score for, sorted */
char **
pacta_library_entry_dup_scored_guidelines (PactaLibraryEntry *self)
{
  guint n = 0;
  char **ids;

  g_return_val_if_fail (PACTA_IS_LIBRARY_ENTRY (self), NULL);

  ids = (char **) g_hash_table_get_keys_as_array (self->scores, &n);
  for (guint i = 0; i < n; i++)
    ids[i] = g_strdup (ids[i]);
  qsort (ids, n, sizeof (char *), compare_strings);
  return ids;
}

/* The same test `pacta library list` and the search apply, for a GtkCustomFilter. */
gboolean
pacta_library_entry_matches (PactaLibraryEntry        *self,
                             const PactaLibraryFilter *filter)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ENTRY (self), FALSE);

  if (filter == NULL)
    return TRUE;
  if (filter->kind >= 0 && (int) self->kind != filter->kind)
    return FALSE;
  if (filter->status >= 0 && (int) self->status != filter->status)
    return FALSE;
  if (filter->party != NULL && filter->party[0] != '\0' && !pacta_library_entry_has_party (self, filter->party))
    return FALSE;
  if (filter->year_from > 0 && self->year < filter->year_from)
    return FALSE;
  if (filter->year_to > 0 && (self->year == 0 || self->year > filter->year_to))
    return FALSE;
  if (filter->min_score >= 0 || filter->max_score >= 0)
    {
      double score = filter->guideline_id ? pacta_library_entry_get_score_for (self, filter->guideline_id)
                                          : pacta_library_entry_get_score (self);

      if (score < 0)
        return FALSE;
      if (filter->min_score >= 0 && score < filter->min_score)
        return FALSE;
      if (filter->max_score >= 0 && score > filter->max_score)
        return FALSE;
    }
  if (filter->text != NULL && filter->text[0] != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (filter->text, -1);

      if (strstr (self->search_text, needle) == NULL)
        return FALSE;
    }
  return TRUE;
}
