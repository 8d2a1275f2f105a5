/* pacta-cli-library.c — pacta library add|list|search|remove|export|check|restore
 *
 * Every subcommand takes --library PATH (default: $XDG_DATA_HOME/pacta/library.db).
 * $PACTA_LIBRARY_BUSY_TIMEOUT (milliseconds) sets how long the library waits for another
 * program's lock (pacta_library_open()). Lines that report a change are flushed as soon as it is committed, so what
 * a command printed as added is in the library even if it is killed right after.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-cli-library"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pacta-cli-private.h"
#include "pacta-library.h"
#include "pacta-matcher.h"

typedef struct
{
  const char *name;
  const char *parameters;
  const char *summary;
  int       (*run) (int argc, char **argv, const char *library_path);
} Subcommand;

/* Options every subcommand that lists agreements shares. */
typedef struct
{
  char   *kind;
  char   *status;
  char   *party;
  char   *year;
  double  min_score;
  double  max_score;
  char   *score_guideline;
} FilterArgs;

static void
filter_args_clear (FilterArgs *args)
{
  g_free (args->kind);
  g_free (args->status);
  g_free (args->party);
  g_free (args->year);
  g_free (args->score_guideline);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FilterArgs, filter_args_clear)

static char *library_option;

static void
add_common_entries (GOptionContext *context,
                    FilterArgs     *filter)
{
  const GOptionEntry common[] = {
    { "library", 'L', 0, G_OPTION_ARG_FILENAME, &library_option,
      N_("The library file (default: ~/.local/share/pacta/library.db)"), "PATH" },
    { NULL }
  };
  const GOptionEntry filters[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, filter ? &filter->kind : NULL,
      N_("Only agreements of this kind: blma, mou, ssa, multilateral, unknown"), "KIND" },
    { "status", 0, 0, G_OPTION_ARG_STRING, filter ? &filter->status : NULL,
      N_("Only with this status: draft, signed, in-force, terminated, unknown"), "STATUS" },
    { "party", 0, 0, G_OPTION_ARG_STRING, filter ? &filter->party : NULL,
      N_("Only with this party: an ISO code (XA) or part of its name"), "PARTY" },
    { "year", 0, 0, G_OPTION_ARG_STRING, filter ? &filter->year : NULL,
      N_("Only from this year, or years (2015-2020, 2015-, -2020)"), "YEAR" },
    { "min-score", 0, 0, G_OPTION_ARG_DOUBLE, filter ? &filter->min_score : NULL,
      N_("Only with a stored score of at least this (0–1 or a percentage)"), "SCORE" },
    { "max-score", 0, 0, G_OPTION_ARG_DOUBLE, filter ? &filter->max_score : NULL,
      N_("Only with a stored score of at most this"), "SCORE" },
    { "score-guideline", 0, 0, G_OPTION_ARG_STRING, filter ? &filter->score_guideline : NULL,
      N_("The guideline whose score --min-score and --max-score look at (default: the mean)"), "ID" },
    { NULL }
  };

  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  if (filter != NULL)
    {
      GOptionGroup *group = g_option_group_new ("filter", _("Choosing agreements:"),
                                                _("Show options that choose agreements"), NULL, NULL);

      filter->min_score = -1;
      filter->max_score = -1;
      g_option_group_add_entries (group, filters);
      g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
      g_option_context_add_group (context, group);
    }
}

static double
normal_score (double value)
{
  return value > 1.0 ? value / 100.0 : value;
}

/* Fills @filter from the options; prints why and returns FALSE when one makes no sense. */
static gboolean
parse_filter (const FilterArgs   *args,
              PactaLibraryFilter *filter,
              const char         *command)
{
  *filter = (PactaLibraryFilter) PACTA_LIBRARY_FILTER_INIT;

  if (args->kind != NULL)
    {
      filter->kind = pacta_agreement_kind_from_string (args->kind);
      if (filter->kind == PACTA_AGREEMENT_KIND_UNKNOWN && g_ascii_strcasecmp (args->kind, "unknown") != 0)
        {
          fprintf (stderr, "%s: %s\n", command, _("--kind must be blma, mou, ssa, multilateral or unknown"));
          return FALSE;
        }
    }
  if (args->status != NULL)
    {
      filter->status = pacta_agreement_status_from_string (args->status);
      if (filter->status == PACTA_AGREEMENT_STATUS_UNKNOWN && g_ascii_strcasecmp (args->status, "unknown") != 0)
        {
          fprintf (stderr, "%s: %s\n", command, _("--status must be draft, signed, in-force, terminated or unknown"));
          return FALSE;
        }
    }
  filter->party = args->party;
  if (args->year != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (args->year, "-", 2);
      char *end = NULL;

      filter->year_from = parts[0][0] ? (int) strtol (parts[0], &end, 10) : 0;
      if (parts[0][0] && (end == NULL || *end != '\0'))
        filter->year_from = -1;
      if (parts[1] == NULL)
        filter->year_to = filter->year_from;
      else
        {
          end = NULL;
          filter->year_to = parts[1][0] ? (int) strtol (parts[1], &end, 10) : 0;
          if (parts[1][0] && (end == NULL || *end != '\0'))
            filter->year_from = -1;
        }
      if (filter->year_from < 0 || filter->year_to < 0)
        {
          fprintf (stderr, "%s: %s\n", command, _("--year must be a year or a range such as 2015-2020"));
          return FALSE;
        }
    }
  if (args->min_score >= 0)
    filter->min_score = normal_score (args->min_score);
  if (args->max_score >= 0)
    filter->max_score = normal_score (args->max_score);
  filter->guideline_id = args->score_guideline;
  return TRUE;
}

/* Prints the library's own error with what a person can do about it. */
static void
print_library_error (const char   *command,
                     const char   *path,
                     const GError *error)
{
  fprintf (stderr, "%s: %s\n", command, error->message);
  if (g_error_matches (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_CORRUPT) ||
      g_error_matches (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NOT_A_LIBRARY))
    {
      g_autoptr(GDateTime) when = pacta_library_dup_backup_time (path);

      if (when != NULL)
        {
          g_autofree char *date = g_date_time_format (when, "%Y-%m-%d %H:%M");
          fprintf (stderr, _("A backup made %s can be put back with “pacta library restore%s%s” "
                             "(the file there now is kept), or use --library PATH to open another library.\n"),
                   date, library_option ? " --library " : "", library_option ? library_option : "");
        }
      else
        fprintf (stderr, "%s\n", _("Use --library PATH to open another library."));
    }
}

/* Opens the library; only `add` makes one where there is none. On failure, prints why and
 * sets @status: 0 when there is simply no library yet and @none_is_empty, else 1. */
static PactaLibrary *
open_library (const char *command,
              const char *path,
              gboolean    create,
              gboolean    none_is_empty,
              int        *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = path ? NULL : pacta_library_default_path ();
  PactaLibrary *library;

  *status = 1;
  library = pacta_library_open (path ? path : default_path,
                                create ? PACTA_LIBRARY_OPEN_DEFAULT : PACTA_LIBRARY_OPEN_NO_CREATE, &error);
  if (library == NULL && g_error_matches (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_NOT_FOUND))
    {
      fprintf (none_is_empty ? stdout : stderr,
               _("There is no library at %s yet; “pacta library add FILE…” makes one.\n"), path ? path : default_path);
      *status = none_is_empty ? 0 : 1;
      return NULL;
    }
  if (library == NULL)
    {
      print_library_error (command, path ? path : default_path, error);
      return NULL;
    }
  return library;
}

/* "12", "#12" or a work URI (every version of it). */
static gboolean
resolve_refs (PactaLibrary  *library,
              char         **refs,
              int            n_refs,
              GArray        *ids,
              const char    *command)
{
  for (int i = 0; i < n_refs; i++)
    {
      const char *ref = refs[i][0] == '#' ? refs[i] + 1 : refs[i];
      char *end = NULL;
      gint64 id = g_ascii_strtoll (ref, &end, 10);

      if (end != ref && *end == '\0')
        {
          if (pacta_library_lookup (library, id) == NULL)
            {
              fprintf (stderr, _("%s: no agreement #%s in %s\n"), command, ref, pacta_library_get_path (library));
              return FALSE;
            }
          g_array_append_val (ids, id);
        }
      else
        {
          g_autoptr(GPtrArray) found = pacta_library_find_work (library, refs[i]);

          if (found->len == 0)
            {
              fprintf (stderr, _("%s: no agreement with the work URI “%s” in %s\n"), command, refs[i],
                       pacta_library_get_path (library));
              return FALSE;
            }
          for (guint j = 0; j < found->len; j++)
            {
              gint64 found_id = pacta_library_entry_get_id (g_ptr_array_index (found, j));
              g_array_append_val (ids, found_id);
            }
        }
    }
  return TRUE;
}

/* The entries named (all when none are) that pass @filter. */
static GPtrArray *
select_entries (PactaLibrary             *library,
                char                    **refs,
                int                       n_refs,
                const PactaLibraryFilter *filter,
                const char               *command)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);

  if (n_refs > 0)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (!resolve_refs (library, refs, n_refs, ids, command))
        return NULL;
      for (guint i = 0; i < ids->len; i++)
        {
          PactaLibraryEntry *entry = pacta_library_lookup (library, g_array_index (ids, gint64, i));

          if (pacta_library_entry_matches (entry, filter) && !g_ptr_array_find (entries, entry, NULL))
            g_ptr_array_add (entries, g_object_ref (entry));
        }
    }
  else
    {
      GListModel *all = pacta_library_get_agreements (library);

      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        {
          g_autoptr(PactaLibraryEntry) entry = g_list_model_get_item (all, i);

          if (pacta_library_entry_matches (entry, filter))
            g_ptr_array_add (entries, g_steal_pointer (&entry));
        }
    }
  return g_steal_pointer (&entries);
}

/* pacta library add PATH… */

typedef struct
{
  gboolean quiet;
} AddState;

static void
add_progress_cb (PactaImportResult *result,
                 guint              done,
                 guint              total,
                 gpointer           user_data)
{
  AddState *state = user_data;
  const char *path = pacta_import_result_get_path (result);

  switch (pacta_import_result_get_outcome (result))
    {
    case PACTA_IMPORT_ADDED:
      if (!state->quiet)
        {
          printf ("added      #%-5" G_GINT64_FORMAT " %s — %s", pacta_import_result_get_agreement_id (result),
                  path, pacta_import_result_get_title (result));
          if (pacta_import_result_get_other_version (result) > 0)
            printf (_(" (another version of #%lld)"), (long long) pacta_import_result_get_other_version (result));
          printf ("\n");
        }
      break;
    case PACTA_IMPORT_DUPLICATE:
      if (!state->quiet)
        printf ("duplicate  #%-5" G_GINT64_FORMAT " %s\n", pacta_import_result_get_agreement_id (result), path);
      break;
    case PACTA_IMPORT_FAILED:
    default:
      fflush (stdout);
      fprintf (stderr, "%s\n", pacta_import_result_get_message (result));
      fflush (stderr);
      break;
    }
  fflush (stdout);
}

static int
run_add (int         argc,
         char      **argv,
         const char *path)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE|FOLDER… — add agreements to the library"));
  g_autoptr(PactaLibrary) library = NULL;
  int status = 1;
  g_autoptr(PactaImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  AddState state = { FALSE };
  const GOptionEntry entries[] = {
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &state.quiet, N_("Print problems and the summary only"), NULL },
    { NULL }
  };

  add_common_entries (context, NULL);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Adds Akoma Ntoso files, and the *.xml files of folders (with their subfolders).\n"
                                  "A file already in the library is reported as a duplicate; a new text of a work\n"
                                  "already there is added as another version. Files that cannot be read are listed\n"
                                  "as FILE:LINE:COLUMN: MESSAGE on stderr, and the exit status is then 1."));
  if (!_pacta_cli_parse_options (context, &argc, &argv))
    return 2;
  if (argc < 2)
    {
      fprintf (stderr, "pacta library add: %s\n", _("name at least one file or folder"));
      return 2;
    }
  library = open_library ("pacta library add", library_option ? library_option : path, TRUE, FALSE, &status);
  if (library == NULL)
    return status;

  for (int i = 1; i < argc; i++)
    g_ptr_array_add (paths, argv[i]);
  g_ptr_array_add (paths, NULL);
  report = pacta_library_import (library, (const char * const *) paths->pdata, NULL, add_progress_cb, &state, &error);
  if (report == NULL)
    {
      print_library_error ("pacta library add", pacta_library_get_path (library), error);
      return 1;
    }

  printf (_("%u added, %u already in the library, %u failed.\n"), pacta_import_report_get_n_added (report),
          pacta_import_report_get_n_duplicates (report), pacta_import_report_get_n_failed (report));
  return pacta_import_report_get_n_failed (report) > 0 ? 1 : 0;
}

/* pacta library list */

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static JsonNode *
entry_to_json (PactaLibraryEntry *entry)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) added = g_date_time_new_from_unix_utc (pacta_library_entry_get_added (entry));
  g_autofree char *added_text = g_date_time_format_iso8601 (added);
  g_auto(GStrv) guidelines = pacta_library_entry_dup_scored_guidelines (entry);
  const char * const *codes = pacta_library_entry_get_party_codes (entry);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, pacta_library_entry_get_id (entry));
  add_string_member (builder, "work", pacta_library_entry_get_work_uri (entry));
  add_string_member (builder, "title", pacta_library_entry_get_title (entry));
  add_string_member (builder, "shortTitle", pacta_library_entry_get_short_title (entry));
  add_string_member (builder, "kind", pacta_agreement_kind_to_string (pacta_library_entry_get_kind (entry)));
  add_string_member (builder, "status", pacta_agreement_status_to_string (pacta_library_entry_get_status (entry)));
  json_builder_set_member_name (builder, "year");
  if (pacta_library_entry_get_year (entry) > 0)
    json_builder_add_int_value (builder, pacta_library_entry_get_year (entry));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "parties");
  json_builder_begin_array (builder);
  for (guint i = 0; codes[i]; i++)
    json_builder_add_string_value (builder, codes[i]);
  json_builder_end_array (builder);
  add_string_member (builder, "partiesLabel", pacta_library_entry_get_parties_label (entry));
  add_string_member (builder, "language", pacta_library_entry_get_language (entry));
  add_string_member (builder, "dateSigned", pacta_library_entry_get_date_signed (entry));
  add_string_member (builder, "dateInForce", pacta_library_entry_get_date_in_force (entry));
  add_string_member (builder, "sourceName", pacta_library_entry_get_source_name (entry));
  add_string_member (builder, "contentHash", pacta_library_entry_get_content_hash (entry));
  add_string_member (builder, "added", added_text);
  json_builder_set_member_name (builder, "scores");
  json_builder_begin_object (builder);
  for (guint i = 0; guidelines[i]; i++)
    {
      json_builder_set_member_name (builder, guidelines[i]);
      json_builder_add_double_value (builder, pacta_library_entry_get_score_for (entry, guidelines[i]));
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
print_json_node (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

/* printf's %-Ns counts bytes; labels here have accents and dashes. */
static void
print_padded_to (FILE       *stream,
                 const char *text,
                 guint       width)
{
  glong length = g_utf8_strlen (text ? text : "", -1);

  fprintf (stream, "%s%*s", text ? text : "", (int) (length < width ? width - length : 1), "");
}

static void
print_padded (const char *text,
              guint       width)
{
  print_padded_to (stdout, text, width);
}

static gboolean
check_format (const char  *format,
              const char  *command,
              gboolean     csv)
{
  if (format == NULL || g_str_equal (format, "text") || g_str_equal (format, "json") ||
      (csv && g_str_equal (format, "csv")))
    return TRUE;
  fprintf (stderr, "%s: %s\n", command, csv ? _("--format must be text, json or csv") : _("--format must be text or json"));
  return FALSE;
}

static int
run_list (int         argc,
          char      **argv,
          const char *path)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("[ID|WORK-URI…] — list the agreements in the library"));
  g_autoptr(PactaLibrary) library = NULL;
  int status = 1;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *format = NULL;
  g_auto(FilterArgs) filter_args = { 0 };
  PactaLibraryFilter filter;
  const GOptionEntry entries_options[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("text (default) or json"), "FORMAT" },
    { NULL }
  };

  add_common_entries (context, &filter_args);
  g_option_context_add_main_entries (context, entries_options, GETTEXT_PACKAGE);
  if (!_pacta_cli_parse_options (context, &argc, &argv))
    return 2;
  if (!check_format (format, "pacta library list", FALSE) || !parse_filter (&filter_args, &filter, "pacta library list"))
    return 2;
  library = open_library ("pacta library list", library_option ? library_option : path, FALSE, TRUE, &status);
  if (library == NULL)
    return status;
  entries = select_entries (library, argv + 1, argc - 1, &filter, "pacta library list");
  if (entries == NULL)
    return 1;

  if (format != NULL && g_str_equal (format, "json"))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < entries->len; i++)
        json_builder_add_value (builder, entry_to_json (g_ptr_array_index (entries, i)));
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      print_json_node (root);
      return 0;
    }

  if (entries->len == 0)
    {
      printf (_("No agreements in %s.\n"), pacta_library_get_path (library));
      return 0;
    }
  printf ("%5s  ", _("ID"));
  print_padded (_("KIND"), 13);
  print_padded (_("STATUS"), 11);
  print_padded (_("YEAR"), 6);
  print_padded (_("PARTIES"), 14);
  print_padded (_("LANG"), 6);
  print_padded (_("SCORE"), 7);
  printf ("%s\n", _("TITLE"));
  for (guint i = 0; i < entries->len; i++)
    {
      PactaLibraryEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *year = pacta_library_entry_get_year (entry) > 0 ? g_strdup_printf ("%d", pacta_library_entry_get_year (entry))
                                                                        : g_strdup ("—");
      g_autofree char *parties = g_strjoinv ("–", (char **) pacta_library_entry_get_party_codes (entry));
      double score = pacta_library_entry_get_score (entry);
      g_autofree char *score_text = score >= 0 ? g_strdup_printf ("%3.0f%%", score * 100) : g_strdup ("  —");

      printf ("%5" G_GINT64_FORMAT "  ", pacta_library_entry_get_id (entry));
      print_padded (pacta_agreement_kind_to_string (pacta_library_entry_get_kind (entry)), 13);
      print_padded (pacta_agreement_status_to_string (pacta_library_entry_get_status (entry)), 11);
      print_padded (year, 6);
      print_padded (parties[0] ? parties : "—", 14);
      print_padded (pacta_library_entry_get_language (entry) ? pacta_library_entry_get_language (entry) : "—", 6);
      print_padded (score_text, 7);
      printf ("%s\n", pacta_library_entry_get_display_title (entry));
    }
  printf (g_dngettext (GETTEXT_PACKAGE, "%u agreement\n", "%u agreements\n", entries->len), entries->len);
  return 0;
}

/* pacta library search QUERY… */

static int
run_search (int         argc,
            char      **argv,
            const char *path)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("WORDS… — find provisions, notes and decisions"));
  g_autoptr(PactaLibrary) library = NULL;
  int status = 1;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  g_autofree char *text = NULL;
  g_auto(FilterArgs) filter_args = { 0 };
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GPtrArray) excluded = g_ptr_array_new ();
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  PactaLibraryFilter filter;
  gboolean raw = FALSE;
  int limit = 20;
  gboolean tty = isatty (STDOUT_FILENO);
  const char *open_mark = tty ? "\033[1m" : "**";
  const char *close_mark = tty ? "\033[0m" : "**";
  const GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("The most hits to print (default 20)"), "N" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("text (default) or json"), "FORMAT" },
    { "fts", 0, 0, G_OPTION_ARG_NONE, &raw, N_("Read the words as an SQLite FTS5 query expression"), NULL },
    { NULL }
  };

  add_common_entries (context, &filter_args);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Searches every provision's heading and text, every note and every decision's\n"
                                  "reason, best matches first. Words match from their start (pension finds pensions),\n"
                                  "accents do not matter, \"quoted words\" match as a phrase, -word leaves out what\n"
                                  "has it, and OR between two words takes either. Matched words are marked **so**."));
  /* "-word" leaves out texts with the word: set such words aside before options are read. */
  g_ptr_array_add (kept, argv[0]);
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        {
          for (; i < argc; i++)
            g_ptr_array_add (kept, argv[i]);
          break;
        }
      if (argv[i][0] == '-' && strlen (argv[i]) > 2 && g_unichar_isalpha (g_utf8_get_char (argv[i] + 1)) &&
          !(strchr ("nfL", argv[i][1]) && !g_ascii_isalpha (argv[i][2])))
        g_ptr_array_add (excluded, argv[i]);
      else
        g_ptr_array_add (kept, argv[i]);
    }
  argc = kept->len;
  g_ptr_array_add (kept, NULL);
  argv = (char **) kept->pdata;
  if (!_pacta_cli_parse_options (context, &argc, &argv))
    return 2;
  for (int i = 1; i < argc; i++)
    if (!g_str_equal (argv[i], "--"))
      g_ptr_array_add (words, argv[i]);
  for (guint i = 0; i < excluded->len; i++)
    g_ptr_array_add (words, g_ptr_array_index (excluded, i));
  if (words->len == 0)
    {
      fprintf (stderr, "pacta library search: %s\n", _("name what to search for"));
      return 2;
    }
  if (limit <= 0 || !check_format (format, "pacta library search", FALSE) ||
      !parse_filter (&filter_args, &filter, "pacta library search"))
    return 2;
  library = open_library ("pacta library search", library_option ? library_option : path, FALSE, TRUE, &status);
  if (library == NULL)
    return status;

  g_ptr_array_add (words, NULL);
  text = g_strjoinv (" ", (char **) words->pdata);
  hits = raw ? pacta_library_search_fts (library, text, &filter, (guint) limit, &error)
             : pacta_library_search (library, text, &filter, (guint) limit, &error);
  if (hits == NULL)
    {
      print_library_error ("pacta library search", pacta_library_get_path (library), error);
      return g_error_matches (error, PACTA_LIBRARY_ERROR, PACTA_LIBRARY_ERROR_QUERY) ? 2 : 1;
    }

  if (format != NULL && g_str_equal (format, "json"))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
        {
          g_autoptr(PactaLibraryHit) hit = g_list_model_get_item (hits, i);
          g_autofree char *snippet = pacta_library_hit_dup_snippet (hit, "**", "**");

          json_builder_begin_object (builder);
          add_string_member (builder, "kind", pacta_library_hit_kind_to_string (pacta_library_hit_get_kind (hit)));
          json_builder_set_member_name (builder, "agreement");
          json_builder_add_int_value (builder, pacta_library_hit_get_agreement_id (hit));
          add_string_member (builder, "agreementTitle", pacta_library_hit_get_agreement_title (hit));
          add_string_member (builder, "eId", pacta_library_hit_get_eid (hit));
          add_string_member (builder, "label", pacta_library_hit_get_label (hit));
          add_string_member (builder, "context", pacta_library_hit_get_context (hit));
          add_string_member (builder, "snippet", snippet);
          json_builder_set_member_name (builder, "rank");
          json_builder_add_double_value (builder, pacta_library_hit_get_rank (hit));
          if (pacta_library_hit_get_kind (hit) == PACTA_LIBRARY_HIT_NOTE)
            {
              json_builder_set_member_name (builder, "note");
              json_builder_add_int_value (builder, pacta_library_hit_get_note_id (hit));
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      print_json_node (root);
      return 0;
    }

  if (g_list_model_get_n_items (hits) == 0)
    {
      printf (_("Nothing found for “%s”.\n"), text);
      return 0;
    }
  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      g_autoptr(PactaLibraryHit) hit = g_list_model_get_item (hits, i);
      g_autofree char *snippet = pacta_library_hit_dup_snippet (hit, open_mark, close_mark);
      const char *eid = pacta_library_hit_get_eid (hit);
      const char *label = pacta_library_hit_get_label (hit);
      const char *context_label = pacta_library_hit_get_context (hit);

      printf ("%2u. #%" G_GINT64_FORMAT "  %s", i + 1, pacta_library_hit_get_agreement_id (hit),
              pacta_library_hit_get_agreement_title (hit) ? pacta_library_hit_get_agreement_title (hit) : "");
      if (eid[0] != '\0')
        printf ("  [%s]", eid);
      printf ("\n");
      switch (pacta_library_hit_get_kind (hit))
        {
        case PACTA_LIBRARY_HIT_NOTE:
          printf ("    %s\n", _("Note:"));
          break;
        case PACTA_LIBRARY_HIT_DECISION:
          printf ("    %s %s\n", _("Decision on"), label);
          break;
        case PACTA_LIBRARY_HIT_PROVISION:
        default:
          if (context_label != NULL && g_strcmp0 (context_label, label) != 0)
            printf ("    %s%s%s\n", context_label, label ? " › " : "", label ? label : "");
          else if (label != NULL)
            printf ("    %s\n", label);
          break;
        }
      printf ("    %s\n", snippet);
    }
  return 0;
}

/* pacta library remove ID|WORK-URI… */

static int
run_remove (int         argc,
            char      **argv,
            const char *path)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID|WORK-URI… — remove agreements from the library"));
  g_autoptr(PactaLibrary) library = NULL;
  int status = 1;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  add_common_entries (context, NULL);
  g_option_context_set_summary (context,
                                _("Removes agreements by id (12 or #12) or by FRBR work URI (every version of it),\n"
                                  "with their decisions, notes and saved comparisons, all in one step."));
  if (!_pacta_cli_parse_options (context, &argc, &argv))
    return 2;
  if (argc < 2)
    {
      fprintf (stderr, "pacta library remove: %s\n", _("name at least one agreement"));
      return 2;
    }
  library = open_library ("pacta library remove", library_option ? library_option : path, FALSE, FALSE, &status);
  if (library == NULL)
    return status;
  if (!resolve_refs (library, argv + 1, argc - 1, ids, "pacta library remove"))
    return 1;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      PactaLibraryEntry *entry = pacta_library_lookup (library, id);
      guint decisions = 0, notes = 0, comparisons = 0;
      GString *line = g_string_new (NULL);

      pacta_library_count_user_data (library, id, &decisions, &notes, &comparisons, NULL);
      g_string_append_printf (line, "removed    #%-5" G_GINT64_FORMAT " %s", id, pacta_library_entry_get_display_title (entry));
      if (decisions + notes + comparisons > 0)
        g_string_append_printf (line, _(" (with %u decisions, %u notes, %u saved comparisons)"), decisions, notes, comparisons);
      g_ptr_array_add (lines, g_string_free (line, FALSE));
    }
  if (pacta_library_remove (library, (const gint64 *) ids->data, ids->len, &error) == 0 && ids->len > 0)
    {
      print_library_error ("pacta library remove", pacta_library_get_path (library), error);
      return 1;
    }
  for (guint i = 0; i < lines->len; i++)
    printf ("%s\n", (char *) g_ptr_array_index (lines, i));
  return 0;
}

/* pacta library export [ID|WORK-URI…] --output FOLDER */

static char *
export_name (PactaLibraryEntry *entry)
{
  const char *source = pacta_library_entry_get_source_name (entry);
  const char *work = pacta_library_entry_get_work_uri (entry);

  if (source != NULL && source[0] != '\0' && source[0] != '.')
    return g_strdup (source);
  if (work[0] != '\0')
    {
      g_autofree char *flat = g_strdup (work[0] == '/' ? work + 1 : work);

      g_strcanon (flat, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.@", '-');
      return g_strconcat (flat, ".akn.xml", NULL);
    }
  return g_strdup_printf ("agreement-%" G_GINT64_FORMAT ".akn.xml", pacta_library_entry_get_id (entry));
}

static int
run_export (int         argc,
            char      **argv,
            const char *path)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("[ID|WORK-URI…] — write stored agreements back to files"));
  g_autoptr(PactaLibrary) library = NULL;
  int status = 1;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *output = NULL;
  g_auto(FilterArgs) filter_args = { 0 };
  PactaLibraryFilter filter;
  gboolean force = FALSE;
  int failures = 0;
  const GOptionEntry entries_options[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The folder to write into (made if missing)"), "FOLDER" },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace files that exist with other contents"), NULL },
    { NULL }
  };

  add_common_entries (context, &filter_args);
  g_option_context_add_main_entries (context, entries_options, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Writes each agreement's XML exactly as it was imported, named as the file it came\n"
                                  "from (or after its work URI). With no agreement named, writes them all."));
  if (!_pacta_cli_parse_options (context, &argc, &argv))
    return 2;
  if (output == NULL)
    {
      fprintf (stderr, "pacta library export: %s\n", _("name the folder to write into with --output FOLDER"));
      return 2;
    }
  if (!parse_filter (&filter_args, &filter, "pacta library export"))
    return 2;
  library = open_library ("pacta library export", library_option ? library_option : path, FALSE, FALSE, &status);
  if (library == NULL)
    return status;
  entries = select_entries (library, argv + 1, argc - 1, &filter, "pacta library export");
  if (entries == NULL)
    return 1;
  if (g_mkdir_with_parents (output, 0755) != 0)
    {
      fprintf (stderr, "%s:0:0: %s\n", output, g_strerror (errno));
      return 1;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      PactaLibraryEntry *entry = g_ptr_array_index (entries, i);
      gint64 id = pacta_library_entry_get_id (entry);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) xml = pacta_library_dup_xml (library, id, &error);
      g_autofree char *name = export_name (entry);
      g_autofree char *target = NULL;
      g_autofree char *existing = NULL;
      gsize existing_length = 0, length = 0;
      const char *data;

      if (xml == NULL)
        {
          print_library_error ("pacta library export", pacta_library_get_path (library), error);
          return 1;
        }
      data = g_bytes_get_data (xml, &length);
      if (g_hash_table_contains (used, name))
        {
          /* Two versions of one work came from files of the same name. */
          char *dot = strstr (name, ".akn.xml") ? strstr (name, ".akn.xml") : strrchr (name, '.');
          g_autofree char *stem = dot ? g_strndup (name, dot - name) : g_strdup (name);
          char *renamed = g_strdup_printf ("%s-%" G_GINT64_FORMAT "%s", stem, id, dot ? dot : "");

          g_free (name);
          name = renamed;
        }
      g_hash_table_add (used, g_strdup (name));
      target = g_build_filename (output, name, NULL);

      if (g_file_get_contents (target, &existing, &existing_length, NULL))
        {
          if (existing_length == length && memcmp (existing, data, length) == 0)
            {
              printf ("unchanged  #%-5" G_GINT64_FORMAT " %s\n", id, target);
              continue;
            }
          if (!force)
            {
              fprintf (stderr, _("%s:0:0: exists with other contents; not replaced (use --force)\n"), target);
              failures++;
              continue;
            }
        }
      if (!g_file_set_contents (target, data, length, &error))
        {
          fprintf (stderr, "%s:0:0: %s\n", target, error->message);
          failures++;
          continue;
        }
      printf ("exported   #%-5" G_GINT64_FORMAT " %s\n", id, target);
    }
  return failures > 0 ? 1 : 0;
}

/* pacta library check [ID|WORK-URI…] */

static int
run_check (int         argc,
           char      **argv,
           const char *path)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("[ID|WORK-URI…] — coverage over the library"));
  g_autoptr(PactaLibrary) library = NULL;
  int status = 1;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) bundled = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) checked = g_ptr_array_new_with_free_func (_pacta_cli_checked_free);
  g_autoptr(GArray) score_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) score_coverages = g_ptr_array_new ();
  g_autoptr(PactaMatcher) matcher = pacta_matcher_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) guideline_args = NULL;
  g_autofree char *format = NULL;
  g_auto(FilterArgs) filter_args = { 0 };
  PactaLibraryFilter filter;
  gboolean no_store = FALSE;
  int failures = 0;
  const GOptionEntry entries_options[] = {
    { "guideline", 'g', 0, G_OPTION_ARG_STRING_ARRAY, &guideline_args,
      N_("A bundled guideline id or a guideline file; repeatable. Default: those suggested for each agreement's kind"),
      "ID|FILE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("text (default), json or csv"), "FORMAT" },
    { "no-store", 0, 0, G_OPTION_ARG_NONE, &no_store, N_("Do not keep the scores in the library"), NULL },
    { NULL }
  };

  add_common_entries (context, &filter_args);
  g_option_context_add_main_entries (context, entries_options, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Holds the library's agreements (all, or those named or chosen) against guidelines,\n"
                                  "with the decisions people made laid over the matcher's findings, and prints what\n"
                                  "`pacta check` prints: one agreement's findings, or the matrix of several. The scores\n"
                                  "are kept in the library, for `list --min-score` and the window."));
  if (!_pacta_cli_parse_options (context, &argc, &argv))
    return 2;
  if (!check_format (format, "pacta library check", TRUE) || !parse_filter (&filter_args, &filter, "pacta library check"))
    return 2;
  library = open_library ("pacta library check", library_option ? library_option : path, FALSE, FALSE, &status);
  if (library == NULL)
    return status;
  entries = select_entries (library, argv + 1, argc - 1, &filter, "pacta library check");
  if (entries == NULL)
    return 1;
  bundled = _pacta_cli_load_bundled_guidelines ();
  if (!_pacta_cli_choose_guidelines (bundled, guideline_args, chosen, "pacta library check"))
    return 2;

  for (guint i = 0; i < entries->len; i++)
    {
      PactaLibraryEntry *entry = g_ptr_array_index (entries, i);
      gint64 id = pacta_library_entry_get_id (entry);
      g_autoptr(PactaAgreement) agreement = pacta_library_load_agreement (library, id, &error);
      g_autoptr(GPtrArray) guidelines = NULL;
      g_autofree char *label = g_strdup_printf ("#%" G_GINT64_FORMAT, id);
      PactaCliChecked *c;

      if (agreement == NULL)
        {
          if (error->domain == PACTA_LIBRARY_ERROR)
            {
              print_library_error ("pacta library check", pacta_library_get_path (library), error);
              return 1;
            }
          fprintf (stderr, "%s\n", error->message);
          g_clear_error (&error);
          failures++;
          continue;
        }
      c = _pacta_cli_checked_new (label, agreement);
      guidelines = _pacta_cli_guidelines_for (bundled, chosen, agreement);
      for (guint g = 0; g < guidelines->len; g++)
        {
          PactaCoverage *coverage = pacta_library_check_agreement (library, matcher, id, agreement,
                                                                   g_ptr_array_index (guidelines, g), &error);

          if (coverage == NULL)
            {
              _pacta_cli_checked_free (c);
              print_library_error ("pacta library check", pacta_library_get_path (library), error);
              return 1;
            }
          g_ptr_array_add (c->coverages, coverage);
          g_array_append_val (score_ids, id);
          g_ptr_array_add (score_coverages, coverage);
        }
      g_ptr_array_add (checked, c);
    }

  if (!no_store && !pacta_library_store_scores (library, (const gint64 *) score_ids->data,
                                                (PactaCoverage * const *) score_coverages->pdata,
                                                score_ids->len, &error))
    {
      print_library_error ("pacta library check", pacta_library_get_path (library), error);
      return 1;
    }

  if (checked->len == 0)
    printf (_("No agreements to check in %s.\n"), pacta_library_get_path (library));
  _pacta_cli_print_checked (checked, format);
  return failures > 0 ? 1 : 0;
}

/* pacta library restore */

static int
run_restore (int         argc,
             char      **argv,
             const char *path)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("— put the automatic backup back"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *date = NULL;
  g_autoptr(PactaLibrary) library = NULL;
  int status = 1;

  add_common_entries (context, NULL);
  g_option_context_set_summary (context,
                                _("Replaces the library with the backup Pacta makes once a day when it opens a library\n"
                                  "(LIBRARY.bak). The file it replaces is kept beside it as LIBRARY.damaged-DATE."));
  if (!_pacta_cli_parse_options (context, &argc, &argv))
    return 2;
  if (library_option != NULL)
    path = library_option;
  if (path == NULL)
    path = default_path = pacta_library_default_path ();

  when = pacta_library_dup_backup_time (path);
  if (!pacta_library_restore_backup (path, &aside, &error))
    {
      fprintf (stderr, "pacta library restore: %s\n", error->message);
      return 1;
    }
  date = when ? g_date_time_format (when, "%Y-%m-%d %H:%M") : g_strdup ("?");
  printf (_("Restored the backup made %s to %s.\n"), date, path);
  if (aside != NULL)
    printf (_("The file that was there is kept as %s.\n"), aside);

  library = open_library ("pacta library restore", path, FALSE, FALSE, &status);
  if (library == NULL)
    return status;
  printf (g_dngettext (GETTEXT_PACKAGE, "It holds %u agreement.\n", "It holds %u agreements.\n",
                       g_list_model_get_n_items (pacta_library_get_agreements (library))),
          g_list_model_get_n_items (pacta_library_get_agreements (library)));
  return 0;
}

static const Subcommand subcommands[] = {
  { "add", N_("FILE|FOLDER…"), N_("add agreement files, or the *.xml files of folders"), run_add },
  { "list", N_("[--format json]"), N_("list the agreements, with filters"), run_list },
  { "search", N_("WORDS…"), N_("find provisions, notes and decisions, best first"), run_search },
  { "remove", N_("ID|WORK-URI…"), N_("remove agreements with their decisions and notes"), run_remove },
  { "export", N_("[ID…] -o FOLDER"), N_("write stored agreements back to files, as imported"), run_export },
  { "check", N_("[ID…]"), N_("coverage over the library, printed like pacta check"), run_check },
  { "restore", "", N_("put the automatic backup back"), run_restore },
};

static void
print_library_usage (FILE *stream)
{
  g_autofree char *default_path = pacta_library_default_path ();

  fprintf (stream, "%s\n", _("Usage: pacta library COMMAND [--library PATH] …"));
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    {
      g_autofree char *head = g_strdup_printf ("%s %s", subcommands[i].name, _(subcommands[i].parameters));

      fprintf (stream, "  ");
      print_padded_to (stream, head, 28);
      fprintf (stream, "%s\n", _(subcommands[i].summary));
    }
  fprintf (stream, "\n");
  fprintf (stream, _("The library is %s unless --library names another file.\n"), default_path);
  fprintf (stream, "%s\n", _("Run “pacta library COMMAND --help” for a command's options."));
}

int
_pacta_cli_library (int    argc,
                    char **argv)
{
  const char *path = NULL;
  int first = 1;

  /* --library may also come before the subcommand. */
  while (first < argc && argv[first][0] == '-')
    {
      if (g_str_equal (argv[first], "--library") || g_str_equal (argv[first], "-L"))
        {
          if (first + 1 >= argc)
            break;
          path = argv[first + 1];
          first += 2;
        }
      else if (g_str_has_prefix (argv[first], "--library="))
        {
          path = argv[first] + strlen ("--library=");
          first++;
        }
      else if (g_str_equal (argv[first], "--help") || g_str_equal (argv[first], "-h"))
        {
          print_library_usage (stdout);
          return 0;
        }
      else
        break;
    }

  if (first >= argc)
    {
      print_library_usage (stderr);
      return 2;
    }
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (argv[first], subcommands[i].name))
      {
        g_autofree char *name = g_strdup_printf ("pacta library %s", subcommands[i].name);
        g_autofree char **sub_argv = g_new0 (char *, argc - first + 1);
        int status;

        /* A copy of the array: option parsing reorders it. */
        memcpy (sub_argv, argv + first, sizeof (char *) * (argc - first));
        sub_argv[0] = name;
        g_set_prgname (name);
        status = subcommands[i].run (argc - first, sub_argv, path);
        g_clear_pointer (&library_option, g_free);
        return status;
      }

  fprintf (stderr, _("pacta library: no command “%s”\n"), argv[first]);
  print_library_usage (stderr);
  return 2;
}
