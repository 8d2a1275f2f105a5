/* pacta-library.c — the user's collection in one SQLite file
 *
 * The file is opened in WAL mode with foreign keys on and synchronous = FULL, so each
 * committed change survives a crash of the program or of the machine. Every change a person
 * makes (a decision, a note, a saved comparison, a removal, the scores of a check) is one
 * transaction that takes the write lock at once (BEGIN IMMEDIATE); when another program holds
 * the lock past the busy timeout, the error names the file and says what to do.
 *
 * When a library opens well, a copy is made with SQLite's online backup API beside it
 * (library.db.bak), at most once a day and only after PRAGMA quick_check passes, so a good
 * backup is never replaced by a damaged file. Before a migration the old file is copied to
 * library.db.vN.bak. A file that is damaged, foreign or from a newer Pacta is refused with a
 * PactaLibraryError; pacta_library_restore_backup() and pacta_library_set_aside() are what a
 * window offers then, besides opening another library.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-library"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pacta-akn-reader.h"
#include "pacta-library-private.h"

#define BACKUP_MAX_AGE_SECONDS (24 * 60 * 60)

struct _PactaLibrary
{
  GObject     parent_instance;

  PactaDb    *db;
  GListStore *entries;   /* PactaLibraryEntry, by id */
  GHashTable *by_id;     /* gint64* → PactaLibraryEntry (borrowed from entries) */
  gint64      data_version;
};

G_DEFINE_FINAL_TYPE (PactaLibrary, pacta_library, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (PactaLibraryDecision, pacta_library_decision,
                     pacta_library_decision_copy, pacta_library_decision_free)

enum {
  PROP_0,
  PROP_PATH,
  PROP_AGREEMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
pacta_library_dispose (GObject *object)
{
  PactaLibrary *self = PACTA_LIBRARY (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->entries);

  G_OBJECT_CLASS (pacta_library_parent_class)->dispose (object);
}

static void
pacta_library_finalize (GObject *object)
{
  PactaLibrary *self = PACTA_LIBRARY (object);

  g_clear_pointer (&self->db, _pacta_db_close);

  G_OBJECT_CLASS (pacta_library_parent_class)->finalize (object);
}

static void
pacta_library_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PactaLibrary *self = PACTA_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, pacta_library_get_path (self));
      break;
    case PROP_AGREEMENTS:
      g_value_set_object (value, self->entries);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_library_class_init (PactaLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pacta_library_dispose;
  object_class->finalize = pacta_library_finalize;
  object_class->get_property = pacta_library_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AGREEMENTS] =
    g_param_spec_object ("agreements", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pacta_library_init (PactaLibrary *self)
{
  self->entries = g_list_store_new (PACTA_TYPE_LIBRARY_ENTRY);
  self->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

PactaDb *
_pacta_library_get_db (PactaLibrary *self)
{
  return self->db;
}

/* Decisions */

PactaLibraryDecision *
pacta_library_decision_copy (const PactaLibraryDecision *decision)
{
  PactaLibraryDecision *copy = g_new0 (PactaLibraryDecision, 1);

  *copy = *decision;
  copy->guideline_id = g_strdup (decision->guideline_id);
  copy->item_slug = g_strdup (decision->item_slug);
  copy->reason = g_strdup (decision->reason);
  return copy;
}

void
pacta_library_decision_free (PactaLibraryDecision *decision)
{
  if (decision == NULL)
    return;
  g_free (decision->guideline_id);
  g_free (decision->item_slug);
  g_free (decision->reason);
  g_free (decision);
}

/* Opening */

/* Returns: (transfer full): $XDG_DATA_HOME/pacta/library.db */
char *
pacta_library_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "pacta", "library.db", NULL);
}

/* Returns: (transfer full): where the automatic backup of the library at @path is kept */
char *
pacta_library_backup_path (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);
  return g_strconcat (path, ".bak", NULL);
}

/* Returns: (transfer full) (nullable): when the automatic backup was made, or NULL if none */
GDateTime *
pacta_library_dup_backup_time (const char *path)
{
  g_autofree char *backup = pacta_library_backup_path (path);
  GStatBuf st;

  if (g_stat (backup, &st) != 0)
    return NULL;
  return g_date_time_new_from_unix_local (st.st_mtime);
}

/* Copies the open database to @dest with the online backup API: consistent even while other
 * connections write. The copy is written beside @dest and renamed over it, so @dest is always
 * a whole file; it is left in rollback-journal mode, a single self-contained file. */
static gboolean
backup_to (PactaDb     *db,
           const char  *dest,
           GError     **error)
{
  g_autofree char *tmp = g_strconcat (dest, ".tmp", NULL);
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc;

  g_unlink (tmp);
  rc = sqlite3_open_v2 (tmp, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (copy, "main", db->db, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
      else
        rc = sqlite3_errcode (copy);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (copy, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _pacta_library_set_sqlite_error (dest, copy, rc, db->busy_timeout_ms, error);
      g_prefix_error (error, "%s", _("cannot make a backup: "));
      sqlite3_close (copy);
      g_unlink (tmp);
      return FALSE;
    }
  sqlite3_close (copy);
  if (g_rename (tmp, dest) != 0)
    {
      int saved = errno;
      g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_FAILED,
                   _("%s: cannot make a backup: %s"), dest, g_strerror (saved));
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}

static gboolean
quick_check (PactaDb  *db,
             GError  **error)
{
  g_autoptr(PactaStmt) stmt = _pacta_db_prepare (db, "PRAGMA quick_check (5)", error);
  g_autoptr(GString) problems = g_string_new (NULL);
  int row;

  if (stmt == NULL)
    return FALSE;
  while ((row = _pacta_db_step_row (db, stmt, error)) == 1)
    {
      const char *line = _pacta_db_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", line);
    }
  if (row < 0)
    return FALSE;
  if (problems->len > 0)
    {
      g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_CORRUPT,
                   _("%s: the library file is damaged (%s)"), db->path, problems->str);
      return FALSE;
    }
  return TRUE;
}

/**
 * pacta_library_backup:
 *
 * Checks the library (PRAGMA quick_check) and copies it to pacta_library_backup_path(), now.
 * Opening a library does this by itself once a day.
 */
gboolean
pacta_library_backup (PactaLibrary  *self,
                      GError       **error)
{
  g_autofree char *dest = NULL;

  g_return_val_if_fail (PACTA_IS_LIBRARY (self), FALSE);

  if (!quick_check (self->db, error))
    return FALSE;
  dest = pacta_library_backup_path (self->db->path);
  return backup_to (self->db, dest, error);
}

static gboolean
backup_file_due (const char *path)
{
  g_autofree char *backup = pacta_library_backup_path (path);
  GStatBuf st;

  if (g_stat (backup, &st) != 0)
    return TRUE;
  return now_seconds () - (gint64) st.st_mtime >= BACKUP_MAX_AGE_SECONDS || (gint64) st.st_mtime > now_seconds () + 60;
}

/* Whether opening would make a backup now: the library holds something and its backup is
 * missing or more than a day old. */
gboolean
pacta_library_backup_due (PactaLibrary *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY (self), FALSE);

  return g_list_model_get_n_items (G_LIST_MODEL (self->entries)) > 0 && backup_file_due (self->db->path);
}

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaDb) db = _pacta_db_open (path, FALSE, PACTA_LIBRARY_DEFAULT_BUSY_TIMEOUT_MS, &error);
  g_autofree char *dest = pacta_library_backup_path (path);

  if (db == NULL || !quick_check (db, &error) || !backup_to (db, dest, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * pacta_library_backup_async:
 *
 * pacta_library_backup() in a worker thread with its own connection, so a window can open
 * with PACTA_LIBRARY_OPEN_NO_BACKUP and make the day's backup (pacta_library_backup_due())
 * without waiting for it; the library can be used meanwhile.
 */
void
pacta_library_backup_async (PactaLibrary        *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PACTA_IS_LIBRARY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pacta_library_backup_async);
  g_task_set_task_data (task, g_strdup (self->db->path), g_free);
  g_task_run_in_thread (task, backup_thread);
}

gboolean
pacta_library_backup_finish (PactaLibrary  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Reads the list of agreements and merges it into the one shown: entries that went are
 * removed, new ones inserted in order, the others keep their object (so a view keeps its
 * selection) and take the scores stored now. */
static gboolean
load_entries (PactaLibrary  *self,
              GError       **error)
{
  g_autoptr(PactaStmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GListModel *model = G_LIST_MODEL (self->entries);
  guint position = 0;
  int row;

  stmt = _pacta_db_prepare (self->db, "SELECT " PACTA_LIBRARY_ENTRY_COLUMNS " FROM agreements a ORDER BY a.id", error);
  if (stmt == NULL)
    return FALSE;
  while ((row = _pacta_db_step_row (self->db, stmt, error)) == 1)
    {
      PactaLibraryEntry *entry = _pacta_library_entry_new_from_row (stmt);
      gint64 id = pacta_library_entry_get_id (entry);

      g_ptr_array_add (rows, entry);
      g_hash_table_insert (present, g_memdup2 (&id, sizeof id), entry);
    }
  if (row < 0)
    return FALSE;

  /* Gone */
  for (guint i = g_list_model_get_n_items (model); i > 0; i--)
    {
      g_autoptr(PactaLibraryEntry) entry = g_list_model_get_item (model, i - 1);
      gint64 id = pacta_library_entry_get_id (entry);

      if (!g_hash_table_contains (present, &id))
        {
          g_hash_table_remove (self->by_id, &id);
          g_list_store_remove (self->entries, i - 1);
        }
    }

  /* Kept, and new: both lists are in id order. */
  for (guint i = 0; i < rows->len; i++)
    {
      PactaLibraryEntry *fresh = g_ptr_array_index (rows, i);
      gint64 id = pacta_library_entry_get_id (fresh);
      PactaLibraryEntry *kept = g_hash_table_lookup (self->by_id, &id);

      while (position < g_list_model_get_n_items (model))
        {
          g_autoptr(PactaLibraryEntry) at = g_list_model_get_item (model, position);

          if (pacta_library_entry_get_id (at) >= id)
            break;
          position++;
        }
      if (kept != NULL)
        {
          _pacta_library_entry_copy_scores (kept, fresh);
          position++;
          continue;
        }
      g_hash_table_insert (self->by_id, g_memdup2 (&id, sizeof id), fresh);
      g_list_store_insert (self->entries, position, fresh);
      position++;
    }
  return TRUE;
}

/**
 * pacta_library_reload_if_changed:
 * @changed: (out) (optional): whether another program had changed the file
 *
 * Cheap enough to call when the window gets the focus: PRAGMA data_version tells whether
 * another connection committed since the last look; only then is the list read again.
 */
gboolean
pacta_library_reload_if_changed (PactaLibrary  *self,
                                 gboolean      *changed,
                                 GError       **error)
{
  g_autoptr(PactaStmt) stmt = NULL;
  gint64 version;

  g_return_val_if_fail (PACTA_IS_LIBRARY (self), FALSE);

  if (changed != NULL)
    *changed = FALSE;
  stmt = _pacta_db_prepare (self->db, "PRAGMA data_version", error);
  if (stmt == NULL || _pacta_db_step_row (self->db, stmt, error) != 1)
    return FALSE;
  version = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, _pacta_stmt_release);
  if (version == self->data_version)
    return TRUE;
  self->data_version = version;
  if (changed != NULL)
    *changed = TRUE;
  return load_entries (self, error);
}

/* Tells a Pacta library from other SQLite files and from no database at all. */
static int
probe (PactaDb  *db,
       GError  **error)
{
  g_autoptr(PactaStmt) stmt = NULL;
  int version, application_id, tables;

  stmt = _pacta_db_prepare (db, "SELECT (SELECT count(*) FROM sqlite_master), "
                                "(SELECT application_id FROM pragma_application_id), "
                                "(SELECT user_version FROM pragma_user_version)", error);
  if (stmt == NULL || _pacta_db_step_row (db, stmt, error) != 1)
    return -1;
  tables = sqlite3_column_int (stmt, 0);
  application_id = sqlite3_column_int (stmt, 1);
  version = sqlite3_column_int (stmt, 2);

  if ((application_id != 0 && application_id != PACTA_LIBRARY_APPLICATION_ID) ||
      (application_id == 0 && tables > 0))
    {
      g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NOT_A_LIBRARY,
                   _("%s: not a Pacta library (an SQLite database of another program)"), db->path);
      return -1;
    }
  if (version > PACTA_LIBRARY_SCHEMA_VERSION)
    {
      g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_TOO_NEW,
                   _("%s: this library was written by a newer Pacta (library version %d; this Pacta reads up to %d); "
                     "update Pacta to open it"),
                   db->path, version, PACTA_LIBRARY_SCHEMA_VERSION);
      return -1;
    }
  return version;
}

/* PACTA_LIBRARY_DEFAULT_BUSY_TIMEOUT_MS, or $PACTA_LIBRARY_BUSY_TIMEOUT (milliseconds). */
static guint
default_busy_timeout (void)
{
  const char *env = g_getenv ("PACTA_LIBRARY_BUSY_TIMEOUT");

  if (env != NULL && env[0] != '\0')
    return (guint) MIN (g_ascii_strtoull (env, NULL, 10), G_MAXINT);
  return PACTA_LIBRARY_DEFAULT_BUSY_TIMEOUT_MS;
}

/**
 * pacta_library_open:
 * @path: (nullable): the library file; NULL for pacta_library_default_path(). It and its
 *   folder are created when missing (unless @flags has PACTA_LIBRARY_OPEN_NO_CREATE).
 *
 * Opens a library, migrating an older one to the current schema first. Changes wait for another
 * program's lock up to PACTA_LIBRARY_DEFAULT_BUSY_TIMEOUT_MS, or $PACTA_LIBRARY_BUSY_TIMEOUT
 * milliseconds when set (see pacta_library_set_busy_timeout()).
 *
 * Returns: (transfer full): the library, or NULL with a PACTA_LIBRARY_ERROR whose message
 *   names the file: NOT_A_LIBRARY, CORRUPT, TOO_NEW, BUSY, READ_ONLY, NOT_FOUND or FAILED
 */
PactaLibrary *
pacta_library_open (const char             *path,
                    PactaLibraryOpenFlags   flags,
                    GError                **error)
{
  g_autoptr(PactaLibrary) self = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(PactaStmt) mode = NULL;
  gboolean create = (flags & PACTA_LIBRARY_OPEN_NO_CREATE) == 0;
  int version;

  if (path == NULL)
    path = default_path = pacta_library_default_path ();

  folder = g_path_get_dirname (path);
  if (create && g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_READ_ONLY,
                   _("%s: cannot create the library's folder: %s"), path, g_strerror (saved));
      return NULL;
    }

  self = g_object_new (PACTA_TYPE_LIBRARY, NULL);
  self->db = _pacta_db_open (path, create, default_busy_timeout (), error);
  if (self->db == NULL)
    return NULL;

  version = probe (self->db, error);
  if (version < 0)
    return NULL;

  mode = _pacta_db_prepare (self->db, "PRAGMA journal_mode = WAL", error);
  if (mode == NULL || _pacta_db_step_row (self->db, mode, error) < 0)
    return NULL;
  g_clear_pointer (&mode, _pacta_stmt_release);
  if (!_pacta_db_exec (self->db, "PRAGMA synchronous = FULL", error))
    return NULL;

  if (version < PACTA_LIBRARY_SCHEMA_VERSION)
    {
      if (version > 0)
        {
          g_autofree char *dest = g_strdup_printf ("%s.v%d.bak", path, version);

          if (!quick_check (self->db, error) || !backup_to (self->db, dest, error))
            return NULL;
        }
      if (!_pacta_library_migrate (self->db, version, error))
        return NULL;
    }

  if (!load_entries (self, error) || !pacta_library_reload_if_changed (self, NULL, error))
    return NULL;

  /* An empty library has nothing to lose; its first backup waits until it holds something. */
  if ((flags & PACTA_LIBRARY_OPEN_NO_BACKUP) == 0 && g_list_model_get_n_items (G_LIST_MODEL (self->entries)) > 0 &&
      backup_file_due (path))
    {
      if (!pacta_library_backup (self, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
pacta_library_get_path (PactaLibrary *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY (self), NULL);
  return self->db->path;
}

guint
pacta_library_get_busy_timeout (PactaLibrary *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY (self), 0);
  return self->db->busy_timeout_ms;
}

/* How long a change waits for another program's lock before failing with
 * PACTA_LIBRARY_ERROR_BUSY; imports started later use the same. */
void
pacta_library_set_busy_timeout (PactaLibrary *self,
                                guint         ms)
{
  g_return_if_fail (PACTA_IS_LIBRARY (self));
  _pacta_db_set_busy_timeout (self->db, ms);
}

static gboolean
collect_check (PactaDb     *db,
               const char  *sql,
               GString     *problems,
               GError     **error)
{
  g_autoptr(PactaStmt) stmt = _pacta_db_prepare (db, sql, error);
  int row;

  if (stmt == NULL)
    return FALSE;
  while ((row = _pacta_db_step_row (db, stmt, error)) == 1)
    {
      const char *line = _pacta_db_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", line ? line : "foreign key");
    }
  return row == 0;
}

/**
 * pacta_library_check_integrity:
 *
 * The full check: PRAGMA integrity_check, foreign keys, and each full-text index against the
 * rows it indexes.
 *
 * Returns: TRUE when all is well; else FALSE with PACTA_LIBRARY_ERROR_CORRUPT saying what
 */
gboolean
pacta_library_check_integrity (PactaLibrary  *self,
                               GError       **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  static const char * const fts[] = { "provisions_fts", "notes_fts", "decisions_fts" };

  g_return_val_if_fail (PACTA_IS_LIBRARY (self), FALSE);

  if (!collect_check (self->db, "PRAGMA integrity_check (10)", problems, error) ||
      !collect_check (self->db, "SELECT 'foreign key: ' || \"table\" FROM pragma_foreign_key_check", problems, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (fts); i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES ('integrity-check')", fts[i], fts[i]);
      g_autoptr(GError) local_error = NULL;

      if (!_pacta_db_exec (self->db, sql, &local_error))
        g_string_append_printf (problems, "%s%s: %s", problems->len ? "; " : "", fts[i], local_error->message);
    }
  if (problems->len > 0)
    {
      g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_CORRUPT,
                   _("%s: the library file is damaged (%s)"), self->db->path, problems->str);
      return FALSE;
    }
  return TRUE;
}

/**
 * pacta_library_set_aside:
 * @set_aside_path: (out) (optional): where the file went
 *
 * Moves a library file that cannot be used (and its -wal and -shm companions) out of the way,
 * to PATH.damaged-YYYYMMDD-HHMMSS, so a new library can be made at @path while the old file is
 * kept for rescue. Nothing is deleted.
 */
gboolean
pacta_library_set_aside (const char  *path,
                         char       **set_aside_path,
                         GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = g_strdup_printf ("%s.damaged-%s", path, stamp);
  static const char * const companions[] = { "", "-wal", "-shm", "-journal" };

  g_return_val_if_fail (path != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (path, companions[i], NULL);
      g_autofree char *to = g_strconcat (target, companions[i], NULL);

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;
      if (g_rename (from, to) != 0)
        {
          int saved = errno;
          g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_FAILED,
                       _("%s: cannot move the file aside: %s"), from, g_strerror (saved));
          return FALSE;
        }
    }
  if (set_aside_path != NULL)
    *set_aside_path = g_steal_pointer (&target);
  return TRUE;
}

/**
 * pacta_library_restore_backup:
 * @set_aside_path: (out) (optional): where the file that was at @path went
 *
 * Puts the automatic backup (pacta_library_backup_path()) back at @path, after checking it,
 * and keeps the file that was there (see pacta_library_set_aside()). Open the library again
 * afterwards.
 */
gboolean
pacta_library_restore_backup (const char  *path,
                              char       **set_aside_path,
                              GError     **error)
{
  g_autofree char *backup_path = NULL;
  g_autofree char *staged = NULL;
  g_autoptr(PactaDb) backup = NULL;
  g_autoptr(GError) local_error = NULL;
  int version;

  g_return_val_if_fail (path != NULL, FALSE);

  backup_path = pacta_library_backup_path (path);
  if (!g_file_test (backup_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NO_BACKUP,
                   _("%s: there is no backup to restore (%s)"), path, backup_path);
      return FALSE;
    }

  /* Check the backup and copy it beside the library first: a backup that is no good leaves
   * everything where it was. */
  backup = _pacta_db_open (backup_path, FALSE, PACTA_LIBRARY_DEFAULT_BUSY_TIMEOUT_MS, &local_error);
  version = backup ? probe (backup, &local_error) : -1;
  if (version <= 0 || !quick_check (backup, &local_error))
    {
      g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_CORRUPT,
                   _("%s: the backup cannot be restored: %s"), backup_path,
                   local_error ? local_error->message : _("it is empty"));
      return FALSE;
    }
  staged = g_strconcat (path, ".restoring", NULL);
  if (!backup_to (backup, staged, error))
    return FALSE;
  g_clear_pointer (&backup, _pacta_db_close);

  if (g_file_test (path, G_FILE_TEST_EXISTS) && !pacta_library_set_aside (path, set_aside_path, error))
    {
      g_unlink (staged);
      return FALSE;
    }
  if (g_rename (staged, path) != 0)
    {
      int saved = errno;
      g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_FAILED,
                   _("%s: cannot restore the backup: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Agreements */

/* Returns: (transfer none): the agreements as PactaLibraryEntry objects, in the order they
 * were added; it follows every change made through this object (and reload()) */
GListModel *
pacta_library_get_agreements (PactaLibrary *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY (self), NULL);
  return G_LIST_MODEL (self->entries);
}

/* Returns: (transfer none) (nullable) */
PactaLibraryEntry *
pacta_library_lookup (PactaLibrary *self,
                      gint64        id)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY (self), NULL);
  return g_hash_table_lookup (self->by_id, &id);
}

/* Returns: (transfer full): the entries whose FRBR work is @work_uri (every version), oldest first */
GPtrArray *
pacta_library_find_work (PactaLibrary *self,
                         const char   *work_uri)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (PACTA_IS_LIBRARY (self), found);
  g_return_val_if_fail (work_uri != NULL, found);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaLibraryEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (g_str_equal (pacta_library_entry_get_work_uri (entry), work_uri))
        g_ptr_array_add (found, g_steal_pointer (&entry));
    }
  return found;
}

/* Reads the list of agreements again: for changes another program made. */
gboolean
pacta_library_reload (PactaLibrary  *self,
                      GError       **error)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY (self), FALSE);
  return load_entries (self, error);
}

/* An agreement was committed (by this connection or an import thread): list it. */
void
_pacta_library_entry_added (PactaLibrary *self,
                            gint64        id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaStmt) stmt = NULL;
  g_autoptr(PactaLibraryEntry) entry = NULL;
  guint position;

  if (self->entries == NULL || g_hash_table_contains (self->by_id, &id))
    return;
  stmt = _pacta_db_prepare (self->db, "SELECT " PACTA_LIBRARY_ENTRY_COLUMNS " FROM agreements a WHERE a.id = ?", &error);
  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  if (_pacta_db_step_row (self->db, stmt, &error) != 1)
    {
      if (error != NULL)
        g_warning ("%s", error->message);
      return;
    }
  entry = _pacta_library_entry_new_from_row (stmt);

  position = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  while (position > 0)
    {
      g_autoptr(PactaLibraryEntry) before = g_list_model_get_item (G_LIST_MODEL (self->entries), position - 1);

      if (pacta_library_entry_get_id (before) < id)
        break;
      position--;
    }
  g_hash_table_insert (self->by_id, g_memdup2 (&id, sizeof id), entry);
  g_list_store_insert (self->entries, position, entry);
}

/**
 * pacta_library_remove:
 *
 * Removes agreements, with their decisions, notes, saved comparisons and scores, in one
 * transaction: all of them or, when one is not in the library (PACTA_LIBRARY_ERROR_NOT_FOUND),
 * none.
 *
 * Returns: how many were removed (@n_ids), or 0 with @error
 */
guint
pacta_library_remove (PactaLibrary  *self,
                      const gint64  *ids,
                      guint          n_ids,
                      GError       **error)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY (self), 0);
  g_return_val_if_fail (ids != NULL || n_ids == 0, 0);

  if (n_ids == 0)
    return 0;
  if (!_pacta_db_begin (self->db, error))
    return 0;
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(PactaStmt) stmt = _pacta_db_prepare (self->db, "DELETE FROM agreements WHERE id = ?", error);

      if (stmt == NULL)
        {
          _pacta_db_rollback (self->db);
          return 0;
        }
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      if (!_pacta_db_step_done (self->db, stmt, error))
        {
          _pacta_db_rollback (self->db);
          return 0;
        }
      if (sqlite3_changes (self->db->db) == 0)
        {
          _pacta_db_rollback (self->db);
          g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NOT_FOUND,
                       _("%s: no agreement #%lld in this library"), self->db->path, (long long) ids[i]);
          return 0;
        }
    }
  if (!_pacta_db_commit (self->db, error))
    return 0;

  for (guint i = 0; i < n_ids; i++)
    {
      PactaLibraryEntry *entry = g_hash_table_lookup (self->by_id, &ids[i]);
      guint position;

      if (entry == NULL)
        continue;
      if (g_list_store_find (self->entries, entry, &position))
        g_list_store_remove (self->entries, position);
      g_hash_table_remove (self->by_id, &ids[i]);
    }
  return n_ids;
}

/* What removing agreement @id would take with it: what people wrote about it. */
gboolean
pacta_library_count_user_data (PactaLibrary  *self,
                               gint64         id,
                               guint         *n_decisions,
                               guint         *n_notes,
                               guint         *n_comparisons,
                               GError       **error)
{
  g_autoptr(PactaStmt) stmt = NULL;

  g_return_val_if_fail (PACTA_IS_LIBRARY (self), FALSE);

  stmt = _pacta_db_prepare (self->db,
                            "SELECT (SELECT count(*) FROM decisions WHERE agreement_id = ?1), "
                            "(SELECT count(*) FROM notes WHERE agreement_id = ?1), "
                            "(SELECT count(*) FROM comparisons WHERE agreement_a = ?1 OR agreement_b = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (_pacta_db_step_row (self->db, stmt, error) != 1)
    return FALSE;
  if (n_decisions)
    *n_decisions = sqlite3_column_int (stmt, 0);
  if (n_notes)
    *n_notes = sqlite3_column_int (stmt, 1);
  if (n_comparisons)
    *n_comparisons = sqlite3_column_int (stmt, 2);
  return TRUE;
}

/* Returns: (transfer full): the agreement's XML exactly as it was imported */
GBytes *
pacta_library_dup_xml (PactaLibrary  *self,
                       gint64         id,
                       GError       **error)
{
  g_autoptr(PactaStmt) stmt = NULL;
  int row;

  g_return_val_if_fail (PACTA_IS_LIBRARY (self), NULL);

  stmt = _pacta_db_prepare (self->db, "SELECT xml FROM agreements WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  row = _pacta_db_step_row (self->db, stmt, error);
  if (row < 0)
    return NULL;
  if (row == 0)
    {
      g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NOT_FOUND,
                   _("%s: no agreement #%lld in this library"), self->db->path, (long long) id);
      return NULL;
    }
  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

/* Returns: (transfer full): the agreement read from its stored XML; its path is unset and
 * problems are reported against its source file's name */
PactaAgreement *
pacta_library_load_agreement (PactaLibrary  *self,
                              gint64         id,
                              GError       **error)
{
  g_autoptr(GBytes) xml = pacta_library_dup_xml (self, id, error);
  PactaLibraryEntry *entry;
  g_autofree char *name = NULL;

  if (xml == NULL)
    return NULL;
  entry = pacta_library_lookup (self, id);
  if (entry != NULL && pacta_library_entry_get_source_name (entry) != NULL)
    name = g_strdup (pacta_library_entry_get_source_name (entry));
  else
    name = g_strdup_printf ("library#%" G_GINT64_FORMAT, id);
  return pacta_akn_load_bytes (xml, name, error);
}

/* Every change a person makes goes through here: one write transaction, or nothing. */
static gboolean
write_one (PactaLibrary  *self,
           PactaStmt     *stmt,
           gint64         agreement_id,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
    g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NOT_FOUND,
                 _("%s: no agreement #%lld in this library"), self->db->path, (long long) agreement_id);
  else
    _pacta_db_set_error (self->db, rc, error);
  return FALSE;
}

static gboolean
origin_from_string (const char         *str,
                    PactaFindingOrigin *origin)
{
  for (PactaFindingOrigin o = PACTA_FINDING_ORIGIN_CONFIRMED; o <= PACTA_FINDING_ORIGIN_NOT_APPLICABLE; o++)
    if (g_strcmp0 (str, pacta_finding_origin_to_string (o)) == 0)
      {
        *origin = o;
        return TRUE;
      }
  return FALSE;
}

/**
 * pacta_library_set_decision:
 * @origin: CONFIRMED, REJECTED, SET or NOT_APPLICABLE
 * @status: the status the finding has under the decision (what the person saw and agreed to)
 * @reason: (nullable)
 *
 * Stores (or replaces) a person's decision on one item of one guideline for one agreement.
 */
gboolean
pacta_library_set_decision (PactaLibrary        *self,
                            gint64               agreement_id,
                            const char          *guideline_id,
                            const char          *item_slug,
                            PactaFindingOrigin   origin,
                            PactaFindingStatus   status,
                            const char          *reason,
                            GError             **error)
{
  g_autoptr(PactaStmt) stmt = NULL;

  g_return_val_if_fail (PACTA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (guideline_id != NULL && item_slug != NULL, FALSE);
  g_return_val_if_fail (origin >= PACTA_FINDING_ORIGIN_CONFIRMED && origin <= PACTA_FINDING_ORIGIN_NOT_APPLICABLE, FALSE);
  g_return_val_if_fail (status <= PACTA_FINDING_STATUS_NOT_APPLICABLE, FALSE);

  stmt = _pacta_db_prepare (self->db,
                            "INSERT INTO decisions (agreement_id, guideline_id, item_slug, origin, status, reason, decided_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?) "
                            "ON CONFLICT (agreement_id, guideline_id, item_slug) DO UPDATE SET "
                            "origin = excluded.origin, status = excluded.status, reason = excluded.reason, "
                            "decided_at = excluded.decided_at", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, agreement_id);
  _pacta_db_bind_text (stmt, 2, guideline_id);
  _pacta_db_bind_text (stmt, 3, item_slug);
  _pacta_db_bind_text (stmt, 4, pacta_finding_origin_to_string (origin));
  _pacta_db_bind_text (stmt, 5, pacta_finding_status_to_string (status));
  _pacta_db_bind_text (stmt, 6, reason && reason[0] ? reason : NULL);
  sqlite3_bind_int64 (stmt, 7, now_seconds ());
  return write_one (self, stmt, agreement_id, error);
}

/* Stores @finding's decision, or clears the stored one when it has none. */
gboolean
pacta_library_save_decision (PactaLibrary  *self,
                             gint64         agreement_id,
                             const char    *guideline_id,
                             PactaFinding  *finding,
                             GError       **error)
{
  const char *slug;

  g_return_val_if_fail (PACTA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (PACTA_IS_FINDING (finding), FALSE);

  slug = pacta_guideline_item_get_slug (pacta_finding_get_item (finding));
  if (!pacta_finding_has_decision (finding))
    return pacta_library_clear_decision (self, agreement_id, guideline_id, slug, error);
  return pacta_library_set_decision (self, agreement_id, guideline_id, slug,
                                     pacta_finding_get_origin (finding), pacta_finding_get_status (finding),
                                     pacta_finding_get_reason (finding), error);
}

gboolean
pacta_library_clear_decision (PactaLibrary  *self,
                              gint64         agreement_id,
                              const char    *guideline_id,
                              const char    *item_slug,
                              GError       **error)
{
  g_autoptr(PactaStmt) stmt = NULL;

  g_return_val_if_fail (PACTA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (guideline_id != NULL && item_slug != NULL, FALSE);

  stmt = _pacta_db_prepare (self->db,
                            "DELETE FROM decisions WHERE agreement_id = ? AND guideline_id = ? AND item_slug = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, agreement_id);
  _pacta_db_bind_text (stmt, 2, guideline_id);
  _pacta_db_bind_text (stmt, 3, item_slug);
  return write_one (self, stmt, agreement_id, error);
}

/**
 * pacta_library_list_decisions:
 * @guideline_id: (nullable): only this guideline's
 *
 * Returns: (transfer full) (element-type PactaLibraryDecision): the stored decisions, by
 *   guideline and item, or NULL with @error
 */
GPtrArray *
pacta_library_list_decisions (PactaLibrary  *self,
                              gint64         agreement_id,
                              const char    *guideline_id,
                              GError       **error)
{
  g_autoptr(GPtrArray) decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) pacta_library_decision_free);
  g_autoptr(PactaStmt) stmt = NULL;
  int row;

  g_return_val_if_fail (PACTA_IS_LIBRARY (self), NULL);

  stmt = _pacta_db_prepare (self->db,
                            "SELECT guideline_id, item_slug, origin, status, reason, decided_at FROM decisions "
                            "WHERE agreement_id = ?1 AND (?2 IS NULL OR guideline_id = ?2) "
                            "ORDER BY guideline_id, item_slug", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, agreement_id);
  _pacta_db_bind_text (stmt, 2, guideline_id);
  while ((row = _pacta_db_step_row (self->db, stmt, error)) == 1)
    {
      PactaLibraryDecision *decision = g_new0 (PactaLibraryDecision, 1);

      decision->agreement_id = agreement_id;
      decision->guideline_id = g_strdup (_pacta_db_column_text (stmt, 0));
      decision->item_slug = g_strdup (_pacta_db_column_text (stmt, 1));
      origin_from_string (_pacta_db_column_text (stmt, 2), &decision->origin);
      pacta_finding_status_from_string (_pacta_db_column_text (stmt, 3), &decision->status);
      decision->reason = g_strdup (_pacta_db_column_text (stmt, 4));
      decision->decided_at = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (decisions, decision);
    }
  if (row < 0)
    return NULL;
  return g_steal_pointer (&decisions);
}

/* What a confirmation or rejection would give now, from the matcher's current status. */
static PactaFindingStatus
status_under (PactaFindingOrigin origin,
              PactaFindingStatus computed)
{
  if (origin == PACTA_FINDING_ORIGIN_REJECTED)
    return computed == PACTA_FINDING_STATUS_MISSING ? PACTA_FINDING_STATUS_COVERED : PACTA_FINDING_STATUS_MISSING;
  return computed;
}

/**
 * pacta_library_apply_decisions:
 * @n_applied: (out) (optional): how many findings took a stored decision
 *
 * Lays the stored decisions for this agreement and @coverage's guideline over the matcher's
 * findings; the decisions win. A confirmation or rejection keeps its origin while the matcher
 * still gives what the person saw; if the matcher has changed its mind since, the status the
 * person agreed to is kept as a SET decision with the same reason. Decisions on items the
 * guideline no longer has stay stored and are skipped.
 */
gboolean
pacta_library_apply_decisions (PactaLibrary   *self,
                               gint64          agreement_id,
                               PactaCoverage  *coverage,
                               guint          *n_applied,
                               GError        **error)
{
  const char *guideline_id;
  g_autoptr(GPtrArray) decisions = NULL;
  guint applied = 0;

  g_return_val_if_fail (PACTA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (PACTA_IS_COVERAGE (coverage), FALSE);

  guideline_id = pacta_guideline_get_id (pacta_coverage_get_guideline (coverage));
  decisions = pacta_library_list_decisions (self, agreement_id, guideline_id, error);
  if (decisions == NULL)
    return FALSE;

  for (guint i = 0; i < decisions->len; i++)
    {
      PactaLibraryDecision *decision = g_ptr_array_index (decisions, i);
      PactaFinding *finding = pacta_coverage_lookup (coverage, decision->item_slug);
      PactaFindingOrigin origin = decision->origin;

      if (finding == NULL)
        continue;
      if ((origin == PACTA_FINDING_ORIGIN_CONFIRMED || origin == PACTA_FINDING_ORIGIN_REJECTED) &&
          status_under (origin, pacta_finding_get_computed_status (finding)) != decision->status)
        origin = PACTA_FINDING_ORIGIN_SET;
      pacta_finding_decide (finding, origin, decision->status, decision->reason);
      applied++;
    }
  if (n_applied != NULL)
    *n_applied = applied;
  return TRUE;
}

/**
 * pacta_library_check_agreement:
 * @agreement: the agreement, as pacta_library_load_agreement() gave it
 *
 * Returns: (transfer full): @agreement held against @guideline by @matcher, with the stored
 *   decisions applied; NULL with @error when they cannot be read
 */
PactaCoverage *
pacta_library_check_agreement (PactaLibrary    *self,
                               PactaMatcher    *matcher,
                               gint64           agreement_id,
                               PactaAgreement  *agreement,
                               PactaGuideline  *guideline,
                               GError         **error)
{
  g_autoptr(PactaCoverage) coverage = NULL;

  g_return_val_if_fail (PACTA_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (PACTA_IS_MATCHER (matcher), NULL);

  coverage = pacta_matcher_check (matcher, agreement, guideline);
  if (!pacta_library_apply_decisions (self, agreement_id, coverage, NULL, error))
    return NULL;
  return g_steal_pointer (&coverage);
}

static void
refresh_scores (PactaLibrary *self,
                gint64        id)
{
  PactaLibraryEntry *entry = g_hash_table_lookup (self->by_id, &id);
  g_autoptr(PactaStmt) stmt = NULL;

  if (entry == NULL)
    return;
  stmt = _pacta_db_prepare (self->db, "SELECT group_concat (guideline_id || '=' || score, ' ') FROM scores "
                                      "WHERE agreement_id = ?", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, id);
  if (_pacta_db_step_row (self->db, stmt, NULL) == 1)
    _pacta_library_entry_set_scores (entry, _pacta_db_column_text (stmt, 0));
}

/**
 * pacta_library_store_scores:
 *
 * Keeps the scores of @n coverages (with decisions applied) so the library can be sorted and
 * filtered by score without checking again; one transaction. Entries notify "score".
 */
gboolean
pacta_library_store_scores (PactaLibrary           *self,
                            const gint64           *agreement_ids,
                            PactaCoverage * const  *coverages,
                            guint                   n,
                            GError                **error)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY (self), FALSE);

  if (n == 0)
    return TRUE;
  if (!_pacta_db_begin (self->db, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaStmt) stmt = NULL;
      PactaCoverage *coverage = coverages[i];
      PactaCoverageCounts counts = pacta_coverage_get_counts (coverage);
      GListModel *findings = pacta_coverage_get_findings (coverage);
      guint decided = 0;

      for (guint f = 0; f < g_list_model_get_n_items (findings); f++)
        {
          g_autoptr(PactaFinding) finding = g_list_model_get_item (findings, f);
          decided += pacta_finding_has_decision (finding) ? 1 : 0;
        }
      stmt = _pacta_db_prepare (self->db,
                                "INSERT OR REPLACE INTO scores (agreement_id, guideline_id, score, covered, partial, "
                                "missing, not_applicable, decisions, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        {
          _pacta_db_rollback (self->db);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, agreement_ids[i]);
      _pacta_db_bind_text (stmt, 2, pacta_guideline_get_id (pacta_coverage_get_guideline (coverage)));
      sqlite3_bind_double (stmt, 3, pacta_coverage_get_score (coverage));
      sqlite3_bind_int (stmt, 4, counts.covered);
      sqlite3_bind_int (stmt, 5, counts.partial);
      sqlite3_bind_int (stmt, 6, counts.missing);
      sqlite3_bind_int (stmt, 7, counts.not_applicable);
      sqlite3_bind_int (stmt, 8, decided);
      sqlite3_bind_int64 (stmt, 9, now_seconds ());
      if (!write_one (self, stmt, agreement_ids[i], error))
        {
          _pacta_db_rollback (self->db);
          return FALSE;
        }
    }
  if (!_pacta_db_commit (self->db, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    refresh_scores (self, agreement_ids[i]);
  return TRUE;
}

/* Notes */

/**
 * pacta_library_add_note:
 * @eid: the provision's eId; "" or NULL for the agreement as a whole
 *
 * Returns: the new note's id, or 0 with @error
 */
gint64
pacta_library_add_note (PactaLibrary  *self,
                        gint64         agreement_id,
                        const char    *eid,
                        const char    *text,
                        GError       **error)
{
  g_autoptr(PactaStmt) stmt = NULL;
  gint64 now = now_seconds ();

  g_return_val_if_fail (PACTA_IS_LIBRARY (self), 0);
  g_return_val_if_fail (text != NULL, 0);

  stmt = _pacta_db_prepare (self->db, "INSERT INTO notes (agreement_id, eid, text, created_at, updated_at) "
                                      "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, agreement_id);
  _pacta_db_bind_text (stmt, 2, eid ? eid : "");
  _pacta_db_bind_text (stmt, 3, text);
  sqlite3_bind_int64 (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!write_one (self, stmt, agreement_id, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db->db);
}

static gboolean
changed_one (PactaLibrary  *self,
             const char    *what,
             gint64         id,
             GError       **error)
{
  if (sqlite3_changes (self->db->db) > 0)
    return TRUE;
  g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NOT_FOUND,
               "%s: %s #%" G_GINT64_FORMAT, self->db->path, what, id);
  return FALSE;
}

gboolean
pacta_library_update_note (PactaLibrary  *self,
                           gint64         note_id,
                           const char    *text,
                           GError       **error)
{
  g_autoptr(PactaStmt) stmt = NULL;

  g_return_val_if_fail (PACTA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  stmt = _pacta_db_prepare (self->db, "UPDATE notes SET text = ?, updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _pacta_db_bind_text (stmt, 1, text);
  sqlite3_bind_int64 (stmt, 2, now_seconds ());
  sqlite3_bind_int64 (stmt, 3, note_id);
  return _pacta_db_step_done (self->db, stmt, error) && changed_one (self, _("no such note"), note_id, error);
}

gboolean
pacta_library_delete_note (PactaLibrary  *self,
                           gint64         note_id,
                           GError       **error)
{
  g_autoptr(PactaStmt) stmt = NULL;

  g_return_val_if_fail (PACTA_IS_LIBRARY (self), FALSE);

  stmt = _pacta_db_prepare (self->db, "DELETE FROM notes WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, note_id);
  return _pacta_db_step_done (self->db, stmt, error) && changed_one (self, _("no such note"), note_id, error);
}

/**
 * pacta_library_list_notes:
 * @eid: (nullable): only the notes on this provision ("" for those on the whole agreement)
 *
 * Returns: (transfer full): PactaLibraryNote objects, oldest first, or NULL with @error
 */
GListModel *
pacta_library_list_notes (PactaLibrary  *self,
                          gint64         agreement_id,
                          const char    *eid,
                          GError       **error)
{
  g_autoptr(GListStore) notes = g_list_store_new (PACTA_TYPE_LIBRARY_NOTE);
  g_autoptr(PactaStmt) stmt = NULL;
  int row;

  g_return_val_if_fail (PACTA_IS_LIBRARY (self), NULL);

  stmt = _pacta_db_prepare (self->db, "SELECT " PACTA_LIBRARY_NOTE_COLUMNS " FROM notes "
                                      "WHERE agreement_id = ?1 AND (?2 IS NULL OR eid = ?2) ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, agreement_id);
  _pacta_db_bind_text (stmt, 2, eid);
  while ((row = _pacta_db_step_row (self->db, stmt, error)) == 1)
    {
      g_autoptr(PactaLibraryNote) note = _pacta_library_note_new_from_row (stmt);
      g_list_store_append (notes, note);
    }
  if (row < 0)
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&notes));
}

/* Saved comparisons */

static gboolean
write_comparison (PactaLibrary  *self,
                  PactaStmt     *stmt,
                  gint64         agreement_id,
                  GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc == SQLITE_CONSTRAINT_CHECK)
    {
      g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_FAILED,
                   _("%s: a comparison's options must be a JSON object"), self->db->path);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
    g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NOT_FOUND,
                 _("%s: no agreement #%lld in this library"), self->db->path, (long long) agreement_id);
  else
    _pacta_db_set_error (self->db, rc, error);
  return FALSE;
}

/**
 * pacta_library_save_comparison:
 * @title: (nullable)
 * @options_json: (nullable): the compare view's state, a JSON object ("{}" when NULL)
 *
 * Returns: the saved comparison's id, or 0 with @error
 */
gint64
pacta_library_save_comparison (PactaLibrary  *self,
                               gint64         agreement_a,
                               gint64         agreement_b,
                               const char    *title,
                               const char    *options_json,
                               GError       **error)
{
  g_autoptr(PactaStmt) stmt = NULL;
  gint64 now = now_seconds ();

  g_return_val_if_fail (PACTA_IS_LIBRARY (self), 0);

  stmt = _pacta_db_prepare (self->db, "INSERT INTO comparisons (agreement_a, agreement_b, title, options, created_at, "
                                      "updated_at) VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, agreement_a);
  sqlite3_bind_int64 (stmt, 2, agreement_b);
  _pacta_db_bind_text (stmt, 3, title);
  _pacta_db_bind_text (stmt, 4, options_json ? options_json : "{}");
  sqlite3_bind_int64 (stmt, 5, now);
  sqlite3_bind_int64 (stmt, 6, now);
  if (!write_comparison (self, stmt, pacta_library_lookup (self, agreement_a) ? agreement_b : agreement_a, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db->db);
}

/* @title and @options_json: (nullable): NULL keeps what is stored */
gboolean
pacta_library_update_comparison (PactaLibrary  *self,
                                 gint64         comparison_id,
                                 const char    *title,
                                 const char    *options_json,
                                 GError       **error)
{
  g_autoptr(PactaStmt) stmt = NULL;

  g_return_val_if_fail (PACTA_IS_LIBRARY (self), FALSE);

  stmt = _pacta_db_prepare (self->db, "UPDATE comparisons SET title = coalesce (?, title), "
                                      "options = coalesce (?, options), updated_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _pacta_db_bind_text (stmt, 1, title);
  _pacta_db_bind_text (stmt, 2, options_json);
  sqlite3_bind_int64 (stmt, 3, now_seconds ());
  sqlite3_bind_int64 (stmt, 4, comparison_id);
  return write_comparison (self, stmt, 0, error) && changed_one (self, _("no such comparison"), comparison_id, error);
}

gboolean
pacta_library_delete_comparison (PactaLibrary  *self,
                                 gint64         comparison_id,
                                 GError       **error)
{
  g_autoptr(PactaStmt) stmt = NULL;

  g_return_val_if_fail (PACTA_IS_LIBRARY (self), FALSE);

  stmt = _pacta_db_prepare (self->db, "DELETE FROM comparisons WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, comparison_id);
  return _pacta_db_step_done (self->db, stmt, error) && changed_one (self, _("no such comparison"), comparison_id, error);
}

/* Returns: (transfer full): the comparison, or NULL with @error (NOT_FOUND when there is none) */
PactaLibraryComparison *
pacta_library_lookup_comparison (PactaLibrary  *self,
                                 gint64         comparison_id,
                                 GError       **error)
{
  g_autoptr(PactaStmt) stmt = NULL;
  int row;

  g_return_val_if_fail (PACTA_IS_LIBRARY (self), NULL);

  stmt = _pacta_db_prepare (self->db, "SELECT " PACTA_LIBRARY_COMPARISON_COLUMNS " FROM comparisons WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, comparison_id);
  row = _pacta_db_step_row (self->db, stmt, error);
  if (row < 0)
    return NULL;
  if (row == 0)
    {
      g_set_error (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NOT_FOUND,
                   "%s: %s #%" G_GINT64_FORMAT, self->db->path, _("no such comparison"), comparison_id);
      return NULL;
    }
  return _pacta_library_comparison_new_from_row (stmt);
}

/* Returns: (transfer full): PactaLibraryComparison objects, most recently changed first */
GListModel *
pacta_library_list_comparisons (PactaLibrary  *self,
                                GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (PACTA_TYPE_LIBRARY_COMPARISON);
  g_autoptr(PactaStmt) stmt = NULL;
  int row;

  g_return_val_if_fail (PACTA_IS_LIBRARY (self), NULL);

  stmt = _pacta_db_prepare (self->db, "SELECT " PACTA_LIBRARY_COMPARISON_COLUMNS " FROM comparisons "
                                      "ORDER BY updated_at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((row = _pacta_db_step_row (self->db, stmt, error)) == 1)
    {
      g_autoptr(PactaLibraryComparison) comparison = _pacta_library_comparison_new_from_row (stmt);
      g_list_store_append (list, comparison);
    }
  if (row < 0)
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&list));
}
