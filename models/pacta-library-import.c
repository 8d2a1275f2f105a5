/* pacta-library-import.c — adding agreement files and folders to the library
 *
 * Each file is its own transaction: read and parse outside it (a bad file touches nothing),
 * then insert the agreement, its provisions and parties, and commit. A crash or a cancel in
 * the middle of a folder keeps every file already committed and nothing half-written.
 * De-duplication: a file whose bytes are already stored (same SHA-256, hence the same FRBR
 * work) is reported as a duplicate; a different text of a work already stored is added as
 * another version of it, and the result says which.
 *
 * During an import the connection runs with synchronous = NORMAL (WAL: committed files
 * survive a crash of the process at once, a power cut after the closing checkpoint); every
 * other change is written with synchronous = FULL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-library-import"

#include "config.h"

#include <glib/gi18n.h>

#include "pacta-akn-reader.h"
#include "pacta-library-enums.h"
#include "pacta-library-private.h"
#include "pacta-xml-private.h"

#define OPTIMIZE_AFTER 50

/* PactaImportResult */

struct _PactaImportResult
{
  GObject             parent_instance;

  char               *path;
  PactaImportOutcome  outcome;
  gint64              agreement_id;
  gint64              other_version;
  char               *title;
  char               *message;
};

G_DEFINE_FINAL_TYPE (PactaImportResult, pacta_import_result, G_TYPE_OBJECT)

enum {
  RESULT_PROP_0,
  RESULT_PROP_PATH,
  RESULT_PROP_OUTCOME,
  RESULT_PROP_AGREEMENT_ID,
  RESULT_PROP_TITLE,
  RESULT_PROP_MESSAGE,
  RESULT_N_PROPS
};

static GParamSpec *result_properties[RESULT_N_PROPS];

static void
pacta_import_result_finalize (GObject *object)
{
  PactaImportResult *self = PACTA_IMPORT_RESULT (object);

  g_free (self->path);
  g_free (self->title);
  g_free (self->message);

  G_OBJECT_CLASS (pacta_import_result_parent_class)->finalize (object);
}

static void
pacta_import_result_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PactaImportResult *self = PACTA_IMPORT_RESULT (object);

  switch (prop_id)
    {
    case RESULT_PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case RESULT_PROP_OUTCOME:
      g_value_set_enum (value, self->outcome);
      break;
    case RESULT_PROP_AGREEMENT_ID:
      g_value_set_int64 (value, self->agreement_id);
      break;
    case RESULT_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case RESULT_PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_import_result_class_init (PactaImportResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pacta_import_result_finalize;
  object_class->get_property = pacta_import_result_get_property;

  result_properties[RESULT_PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  result_properties[RESULT_PROP_OUTCOME] = g_param_spec_enum ("outcome", NULL, NULL, PACTA_TYPE_IMPORT_OUTCOME,
                                                              PACTA_IMPORT_ADDED, flags);
  result_properties[RESULT_PROP_AGREEMENT_ID] = g_param_spec_int64 ("agreement-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  result_properties[RESULT_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  result_properties[RESULT_PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, RESULT_N_PROPS, result_properties);
}

static void
pacta_import_result_init (PactaImportResult *self)
{
}

PactaImportResult *
_pacta_import_result_new (const char         *path,
                          PactaImportOutcome  outcome,
                          gint64              agreement_id,
                          const char         *title,
                          const char         *message)
{
  PactaImportResult *self = g_object_new (PACTA_TYPE_IMPORT_RESULT, NULL);

  self->path = g_strdup (path);
  self->outcome = outcome;
  self->agreement_id = agreement_id;
  self->title = g_strdup (title);
  self->message = g_strdup (message);
  return self;
}

void
_pacta_import_result_set_other_version (PactaImportResult *self,
                                        gint64             other_id)
{
  self->other_version = other_id;
}

const char *
pacta_import_result_get_path (PactaImportResult *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_RESULT (self), NULL);
  return self->path;
}

PactaImportOutcome
pacta_import_result_get_outcome (PactaImportResult *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_RESULT (self), PACTA_IMPORT_FAILED);
  return self->outcome;
}

/* Returns: the agreement added, or the one it duplicates; 0 when it failed */
gint64
pacta_import_result_get_agreement_id (PactaImportResult *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_RESULT (self), 0);
  return self->agreement_id;
}

/* Returns: for an added file, the latest other version of the same FRBR work already in the
 * library, else 0 */
gint64
pacta_import_result_get_other_version (PactaImportResult *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_RESULT (self), 0);
  return self->other_version;
}

/* Returns: (nullable): the agreement's display title */
const char *
pacta_import_result_get_title (PactaImportResult *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_RESULT (self), NULL);
  return self->title;
}

/* Returns: (nullable): why it failed, as "FILE:LINE:COLUMN: message" */
const char *
pacta_import_result_get_message (PactaImportResult *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_RESULT (self), NULL);
  return self->message;
}

/* PactaImportReport */

struct _PactaImportReport
{
  GObject     parent_instance;

  GListStore *results;
  guint       counts[PACTA_IMPORT_FAILED + 1];
  guint       cancelled : 1;
};

G_DEFINE_FINAL_TYPE (PactaImportReport, pacta_import_report, G_TYPE_OBJECT)

static void
pacta_import_report_dispose (GObject *object)
{
  PactaImportReport *self = PACTA_IMPORT_REPORT (object);

  g_clear_object (&self->results);

  G_OBJECT_CLASS (pacta_import_report_parent_class)->dispose (object);
}

static void
pacta_import_report_class_init (PactaImportReportClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pacta_import_report_dispose;
}

static void
pacta_import_report_init (PactaImportReport *self)
{
  self->results = g_list_store_new (PACTA_TYPE_IMPORT_RESULT);
}

PactaImportReport *
_pacta_import_report_new (void)
{
  return g_object_new (PACTA_TYPE_IMPORT_REPORT, NULL);
}

void
_pacta_import_report_add (PactaImportReport *self,
                          PactaImportResult *result)
{
  g_list_store_append (self->results, result);
  self->counts[result->outcome]++;
}

void
_pacta_import_report_set_cancelled (PactaImportReport *self)
{
  self->cancelled = TRUE;
}

/* Returns: (transfer none): PactaImportResult objects, one per file, in the order done */
GListModel *
pacta_import_report_get_results (PactaImportReport *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_REPORT (self), NULL);
  return G_LIST_MODEL (self->results);
}

guint
pacta_import_report_get_n_added (PactaImportReport *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_REPORT (self), 0);
  return self->counts[PACTA_IMPORT_ADDED];
}

guint
pacta_import_report_get_n_duplicates (PactaImportReport *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_REPORT (self), 0);
  return self->counts[PACTA_IMPORT_DUPLICATE];
}

guint
pacta_import_report_get_n_failed (PactaImportReport *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_REPORT (self), 0);
  return self->counts[PACTA_IMPORT_FAILED];
}

/* Returns: whether the import stopped early because it was cancelled; the files it had
 * finished are in the report and in the library */
gboolean
pacta_import_report_get_cancelled (PactaImportReport *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_REPORT (self), FALSE);
  return self->cancelled;
}

/* Importing */

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
collect_folder (const char *folder,
                GPtrArray  *out,
                guint       depth)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL || depth > 32)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (found, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (found, compare_paths);

  for (guint i = 0; i < found->len; i++)
    {
      const char *path = g_ptr_array_index (found, i);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        collect_folder (path, out, depth + 1);
      else if (g_str_has_suffix (path, ".xml") && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (out, g_strdup (path));
    }
}

/* Returns: (transfer full): the files an import of @paths reads: files as named (even missing
 * ones, so they are reported), and the *.xml files in named folders and their subfolders,
 * sorted, hidden ones left out */
GPtrArray *
pacta_library_expand_paths (const char * const *paths)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; paths != NULL && paths[i]; i++)
    {
      if (g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        collect_folder (paths[i], out, 0);
      else
        g_ptr_array_add (out, g_strdup (paths[i]));
    }
  return out;
}

static gint64
find_id (PactaDb     *db,
         const char  *sql,
         const char  *first,
         const char  *second,
         GError     **error)
{
  g_autoptr(PactaStmt) stmt = _pacta_db_prepare (db, sql, error);
  int row;

  if (stmt == NULL)
    return -1;
  _pacta_db_bind_text (stmt, 1, first);
  if (second != NULL)
    _pacta_db_bind_text (stmt, 2, second);
  row = _pacta_db_step_row (db, stmt, error);
  if (row < 0)
    return -1;
  return row == 1 ? sqlite3_column_int64 (stmt, 0) : 0;
}

static gboolean
insert_agreement (PactaDb         *db,
                  PactaAgreement  *agreement,
                  GBytes          *xml,
                  const char      *hash,
                  const char      *file,
                  gint64          *id,
                  GError         **error)
{
  g_autoptr(PactaStmt) stmt = NULL;
  g_autofree char *parties = pacta_agreement_dup_parties_label (agreement);
  g_autofree char *name = file ? g_path_get_basename (file) : NULL;
  const char *work = pacta_agreement_get_work_uri (agreement);
  gsize size;
  gconstpointer data = g_bytes_get_data (xml, &size);

  stmt = _pacta_db_prepare (db,
                            "INSERT INTO agreements (work_uri, content_hash, xml, source_name, title, short_title, "
                            "kind, status, parties, year, date_signed, date_in_force, language, added_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  _pacta_db_bind_text (stmt, 1, work ? work : "");
  _pacta_db_bind_text (stmt, 2, hash);
  sqlite3_bind_blob64 (stmt, 3, data, size, SQLITE_STATIC);
  _pacta_db_bind_text (stmt, 4, name && !g_str_equal (name, "-") ? name : NULL);
  _pacta_db_bind_text (stmt, 5, pacta_agreement_get_title (agreement));
  _pacta_db_bind_text (stmt, 6, pacta_agreement_get_short_title (agreement));
  _pacta_db_bind_text (stmt, 7, pacta_agreement_kind_to_string (pacta_agreement_get_kind (agreement)));
  _pacta_db_bind_text (stmt, 8, pacta_agreement_status_to_string (pacta_agreement_get_status (agreement)));
  _pacta_db_bind_text (stmt, 9, parties && parties[0] ? parties : NULL);
  if (pacta_agreement_get_year (agreement) > 0)
    sqlite3_bind_int (stmt, 10, pacta_agreement_get_year (agreement));
  _pacta_db_bind_text (stmt, 11, pacta_agreement_get_date_signed (agreement));
  _pacta_db_bind_text (stmt, 12, pacta_agreement_get_date_in_force (agreement));
  _pacta_db_bind_text (stmt, 13, pacta_agreement_get_language (agreement));
  sqlite3_bind_int64 (stmt, 14, g_get_real_time () / G_USEC_PER_SEC);
  if (!_pacta_db_step_done (db, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (db->db);
  return _pacta_library_insert_derived (db, *id, agreement, error);
}

/* Returns: the result for one file, or NULL with @error when the library itself failed
 * (locked, damaged, disk full): then the import stops. */
static PactaImportResult *
import_one (PactaDb     *db,
            const char  *path,
            GBytes      *given,
            GError     **error)
{
  g_autoptr(GBytes) bytes = given ? g_bytes_ref (given) : NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PactaAgreement) agreement = NULL;
  g_autofree char *hash = NULL;
  PactaImportResult *result;
  const char *work;
  gint64 id, other;

  if (bytes == NULL)
    bytes = _pacta_read_file (path, &local_error);
  if (bytes == NULL)
    return _pacta_import_result_new (path, PACTA_IMPORT_FAILED, 0, NULL, local_error->message);

  hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  id = find_id (db, "SELECT id FROM agreements WHERE content_hash = ? ORDER BY id LIMIT 1", hash, NULL, error);
  if (id < 0)
    return NULL;
  if (id > 0)
    return _pacta_import_result_new (path, PACTA_IMPORT_DUPLICATE, id, NULL, NULL);

  agreement = pacta_akn_load_bytes (bytes, path, &local_error);
  if (agreement == NULL)
    return _pacta_import_result_new (path, PACTA_IMPORT_FAILED, 0, NULL, local_error->message);
  work = pacta_agreement_get_work_uri (agreement) ? pacta_agreement_get_work_uri (agreement) : "";

  if (!_pacta_db_begin (db, error))
    return NULL;
  /* Another program may have added it since the check above. */
  id = find_id (db, "SELECT id FROM agreements WHERE work_uri = ? AND content_hash = ?", work, hash, error);
  other = id == 0 && work[0] != '\0'
    ? find_id (db, "SELECT id FROM agreements WHERE work_uri = ? ORDER BY id DESC LIMIT 1", work, NULL, error)
    : 0;
  if (id < 0 || other < 0)
    {
      _pacta_db_rollback (db);
      return NULL;
    }
  if (id > 0)
    {
      _pacta_db_rollback (db);
      return _pacta_import_result_new (path, PACTA_IMPORT_DUPLICATE, id, pacta_agreement_get_display_title (agreement), NULL);
    }
  if (!insert_agreement (db, agreement, bytes, hash, path, &id, error))
    {
      _pacta_db_rollback (db);
      return NULL;
    }
  if (!_pacta_db_commit (db, error))
    return NULL;

  result = _pacta_import_result_new (path, PACTA_IMPORT_ADDED, id, pacta_agreement_get_display_title (agreement), NULL);
  _pacta_import_result_set_other_version (result, other);
  return result;
}

typedef void (*ResultFunc) (PactaImportResult *result,
                            guint              done,
                            guint              total,
                            gpointer           data);

static PactaImportReport *
import_files (PactaDb       *db,
              GPtrArray     *files,
              GCancellable  *cancellable,
              ResultFunc     func,
              gpointer       data,
              GError       **error)
{
  g_autoptr(PactaImportReport) report = _pacta_import_report_new ();
  gboolean ok = TRUE;

  if (!_pacta_db_exec (db, "PRAGMA synchronous = NORMAL", error))
    return NULL;
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(PactaImportResult) result = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        {
          _pacta_import_report_set_cancelled (report);
          break;
        }
      result = import_one (db, g_ptr_array_index (files, i), NULL, error);
      if (result == NULL)
        {
          ok = FALSE;
          break;
        }
      _pacta_import_report_add (report, result);
      func (result, i + 1, files->len, data);
    }
  /* After many files the full-text index is in many small segments; merged into one, searches
   * are about a third faster (a fraction of a second for a thousand agreements). */
  if (report->counts[PACTA_IMPORT_ADDED] >= OPTIMIZE_AFTER)
    sqlite3_exec (db->db, "INSERT INTO provisions_fts (provisions_fts) VALUES ('optimize')", NULL, NULL, NULL);
  /* The checkpoint syncs the log, so what was committed above is on disk for good. */
  sqlite3_exec (db->db, "PRAGMA synchronous = FULL; PRAGMA wal_checkpoint (PASSIVE)", NULL, NULL, NULL);
  return ok ? g_steal_pointer (&report) : NULL;
}

typedef struct
{
  PactaLibrary            *library;
  PactaLibraryImportProgressFunc  progress;
  gpointer                 progress_data;
} SyncImport;

static void
sync_result_cb (PactaImportResult *result,
                guint              done,
                guint              total,
                gpointer           data)
{
  SyncImport *import = data;

  if (result->outcome == PACTA_IMPORT_ADDED)
    _pacta_library_entry_added (import->library, result->agreement_id);
  if (import->progress != NULL)
    import->progress (result, done, total, import->progress_data);
}

/**
 * pacta_library_import:
 * @paths: files and folders (folders are read for *.xml files, subfolders included)
 * @progress: (nullable): called after each file, once it is committed or failed
 *
 * Adds agreement files to the library, each in its own transaction, on the library's own
 * connection (use pacta_library_import_async() from a window).
 *
 * Returns: (transfer full): what happened to each file; NULL with @error when the library
 *   itself failed (locked, damaged, disk full) — files reported through @progress before
 *   that are in the library.
 */
PactaImportReport *
pacta_library_import (PactaLibrary            *self,
                      const char * const      *paths,
                      GCancellable            *cancellable,
                      PactaLibraryImportProgressFunc  progress,
                      gpointer                 progress_data,
                      GError                 **error)
{
  g_autoptr(GPtrArray) files = NULL;
  SyncImport import = { self, progress, progress_data };

  g_return_val_if_fail (PACTA_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  files = pacta_library_expand_paths (paths);
  return import_files (_pacta_library_get_db (self), files, cancellable, sync_result_cb, &import, error);
}

/**
 * pacta_library_add_bytes:
 * @file: (nullable): the name to report problems under and to remember as the source
 *
 * Adds one agreement held in memory (a text just converted, a dropped file's contents).
 *
 * Returns: (transfer full): the result (added, duplicate or failed with the reason), or NULL
 *   with @error when the library itself failed
 */
PactaImportResult *
pacta_library_add_bytes (PactaLibrary  *self,
                         GBytes        *xml,
                         const char    *file,
                         GError       **error)
{
  PactaImportResult *result;

  g_return_val_if_fail (PACTA_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (xml != NULL, NULL);

  result = import_one (_pacta_library_get_db (self), file ? file : "-", xml, error);
  if (result != NULL && result->outcome == PACTA_IMPORT_ADDED)
    _pacta_library_entry_added (self, result->agreement_id);
  return result;
}

/* The asynchronous import: a GTask thread with its own connection; each finished file is
 * handed to the main context, where the library's list grows and @progress is called. */

typedef struct
{
  GPtrArray               *files;
  char                    *path;
  guint                    busy_timeout_ms;
  GMainContext            *context;
  PactaLibraryImportProgressFunc  progress;
  gpointer                 progress_data;
  GDestroyNotify           progress_data_free;
} AsyncImport;

static void
async_import_free (gpointer data)
{
  AsyncImport *import = data;

  g_ptr_array_unref (import->files);
  g_free (import->path);
  g_main_context_unref (import->context);
  if (import->progress_data_free != NULL)
    import->progress_data_free (import->progress_data);
  g_free (import);
}

typedef struct
{
  GTask             *task;
  PactaImportResult *result;
  guint              done;
  guint              total;
} Progress;

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->task);
  g_object_unref (progress->result);
  g_free (progress);
}

static gboolean
progress_in_main_cb (gpointer data)
{
  Progress *progress = data;
  PactaLibrary *library = g_task_get_source_object (progress->task);
  AsyncImport *import = g_task_get_task_data (progress->task);

  if (progress->result->outcome == PACTA_IMPORT_ADDED)
    _pacta_library_entry_added (library, progress->result->agreement_id);
  if (import->progress != NULL)
    import->progress (progress->result, progress->done, progress->total, import->progress_data);
  return G_SOURCE_REMOVE;
}

static void
async_result_cb (PactaImportResult *result,
                 guint              done,
                 guint              total,
                 gpointer           data)
{
  GTask *task = data;
  AsyncImport *import = g_task_get_task_data (task);
  Progress *progress = g_new0 (Progress, 1);

  progress->task = g_object_ref (task);
  progress->result = g_object_ref (result);
  progress->done = done;
  progress->total = total;
  /* Always through a source: g_main_context_invoke() would run the callback in this thread
   * whenever the caller's context happens to be free, and the callback touches the list
   * model a window shows. Sources of one priority run in the order they were attached. */
  {
    GSource *source = g_idle_source_new ();

    g_source_set_priority (source, G_PRIORITY_DEFAULT);
    g_source_set_callback (source, progress_in_main_cb, progress, progress_free);
    g_source_set_static_name (source, "[pacta] library import progress");
    g_source_attach (source, import->context);
    g_source_unref (source);
  }
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AsyncImport *import = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PactaDb) db = _pacta_db_open (import->path, FALSE, import->busy_timeout_ms, &error);
  PactaImportReport *report;

  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  report = import_files (db, import->files, cancellable, async_result_cb, task, &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, g_object_unref);
}

/**
 * pacta_library_import_async:
 * @progress: (nullable): called in the thread-default main context of the caller after each
 *   file; by then an added agreement is in pacta_library_get_agreements()
 *
 * Imports in a worker thread with its own connection. Cancelling stops before the next file;
 * the report then says so (pacta_import_report_get_cancelled()) rather than failing, since
 * the files done are in the library.
 */
void
pacta_library_import_async (PactaLibrary            *self,
                            const char * const      *paths,
                            GCancellable            *cancellable,
                            PactaLibraryImportProgressFunc  progress,
                            gpointer                 progress_data,
                            GDestroyNotify           progress_data_free,
                            GAsyncReadyCallback      callback,
                            gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncImport *import;

  g_return_if_fail (PACTA_IS_LIBRARY (self));
  g_return_if_fail (paths != NULL);

  import = g_new0 (AsyncImport, 1);
  import->files = pacta_library_expand_paths (paths);
  import->path = g_strdup (pacta_library_get_path (self));
  import->busy_timeout_ms = pacta_library_get_busy_timeout (self);
  import->context = g_main_context_ref_thread_default ();
  import->progress = progress;
  import->progress_data = progress_data;
  import->progress_data_free = progress_data_free;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pacta_library_import_async);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, import, async_import_free);
  g_task_run_in_thread (task, import_thread);
}

/* Returns: (transfer full): the report, or NULL with @error when the library itself failed */
PactaImportReport *
pacta_library_import_finish (PactaLibrary  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
