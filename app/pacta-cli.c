/* pacta-cli.c — the headless command line: pacta validate, pacta show
 *
 * Everything here runs on the core alone, with no display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "pacta-agreement.h"
#include "pacta-akn-reader.h"
#include "pacta-cli-private.h"
#include "pacta-guideline-reader.h"
#include "pacta-validator.h"

typedef struct
{
  const char *name;
  const char *summary;
  int       (*run) (int argc, char **argv);
} Command;

static int run_validate (int argc, char **argv);
static int run_show (int argc, char **argv);

/* Each subcommand lives in its own pacta-cli-NAME.c; this table is the only place they meet. */
static const Command commands[] = {
  { "validate", N_("Check agreement and guideline files against Pacta's schemas"), run_validate },
  { "show", N_("Print an agreement or a guideline as text or JSON"), run_show },
  { "check", N_("Hold agreements against guidelines: coverage item by item"), _pacta_cli_check },
  { "library", N_("Keep agreements, decisions and notes in a library, and search it"), _pacta_cli_library },
  { "compare", N_("Align two agreements and show what changed (text, JSON or HTML redline)"), _pacta_cli_run_compare },
  { "chart", N_("Draw coverage as a chart: PNG, SVG or PDF"), _pacta_cli_chart },
  { "report", N_("Write a PDF briefing on agreements' coverage, with the matrix as CSV and JSON"), _pacta_cli_report },
  { "import", N_("Read a PDF, Word, ODT, HTML or text file as an agreement"), _pacta_cli_run_import },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n  pacta                  %s\n", _("Usage:"), _("open the window"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  pacta %-16s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “pacta COMMAND --help” for a command's options."));
}

gboolean
pacta_cli_handles (int    argc,
                   char **argv)
{
  if (argc < 2)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return TRUE;
  return g_str_equal (argv[1], "help") || g_str_equal (argv[1], "--version");
}

int
pacta_cli_run (int    argc,
               char **argv)
{
  g_return_val_if_fail (argc >= 2, 2);

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("pacta %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  print_usage (stderr);
  return 2;
}

gboolean
_pacta_cli_parse_options (GOptionContext  *context,
                          int             *argc,
                          char          ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      fprintf (stderr, "pacta: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

/* pacta validate FILE… */

static int
run_validate (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE… — check agreements and guidelines"));
  gboolean quiet = FALSE;
  const GOptionEntry entries[] = {
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Print problems only, not the files that are valid"), NULL },
    { NULL }
  };
  int failed = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Checks each file against Pacta's Akoma Ntoso profile or guideline schema.\n"
                                  "Problems are printed as FILE:LINE:COLUMN: MESSAGE (0:0 when the problem is\n"
                                  "the file itself); the exit status is 1 when any file has a problem."));
  if (!_pacta_cli_parse_options (context, &argc, &argv))
    return 2;
  if (argc < 2)
    {
      fprintf (stderr, "pacta validate: %s\n", _("name at least one file"));
      return 2;
    }

  for (int i = 1; i < argc; i++)
    {
      PactaDocumentType type;
      g_autoptr(GPtrArray) problems = pacta_validate_file (argv[i], &type);

      if (problems->len == 0)
        {
          if (!quiet)
            printf ("%s: %s\n", argv[i],
                    type == PACTA_DOCUMENT_GUIDELINE ? _("valid guideline") : _("valid agreement"));
          continue;
        }
      failed++;
      for (guint j = 0; j < problems->len; j++)
        {
          g_autofree char *line = pacta_problem_to_string (g_ptr_array_index (problems, j));
          fprintf (stderr, "%s\n", line);
        }
    }

  return failed > 0 ? 1 : 0;
}

/* pacta show FILE [--format text|json] */

static void
print_provision_text (PactaProvision *provision,
                      int             depth,
                      gboolean        with_text)
{
  g_autofree char *label = pacta_provision_dup_label (provision);
  const char * const *refers = pacta_provision_get_refers_to (provision);
  const char *text = pacta_provision_get_text (provision);
  PactaProvisionKind kind = pacta_provision_get_kind (provision);
  guint n = pacta_provision_get_n_children (provision);

  printf ("%*s%s", depth * 2, "", label);
  if (pacta_provision_get_eid (provision) && kind != PACTA_PROVISION_KIND_PARAGRAPH &&
      kind != PACTA_PROVISION_KIND_POINT && kind != PACTA_PROVISION_KIND_LIST)
    printf ("  [%s]", pacta_provision_get_eid (provision));
  for (guint i = 0; refers[i]; i++)
    printf ("  #%s", refers[i]);
  printf ("\n");

  if (with_text && text != NULL && text[0] != '\0')
    {
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      for (guint i = 0; lines[i]; i++)
        printf ("%*s%s\n", depth * 2 + 4, "", lines[i]);
    }

  /* The outline stops at articles; the full listing goes down to points. */
  if (!with_text && pacta_provision_is_article_level (provision))
    return;
  for (guint i = 0; i < n; i++)
    print_provision_text (pacta_provision_get_child (provision, i), depth + 1, with_text);
}

static void
show_agreement_text (PactaAgreement *agreement,
                     gboolean        outline_only)
{
  GListModel *parties = pacta_agreement_get_parties (agreement);
  GListModel *provisions = pacta_agreement_get_provisions (agreement);
  g_autoptr(GPtrArray) articles = pacta_agreement_collect_articles (agreement);

  printf ("%s\n", pacta_agreement_get_title (agreement) ? pacta_agreement_get_title (agreement)
                                                         : pacta_agreement_get_display_title (agreement));
  if (pacta_agreement_get_short_title (agreement))
    printf ("  %-16s %s\n", _("Short title:"), pacta_agreement_get_short_title (agreement));
  printf ("  %-16s %s (%s)\n", _("Kind:"), pacta_agreement_kind_to_label (pacta_agreement_get_kind (agreement)),
          pacta_agreement_kind_to_string (pacta_agreement_get_kind (agreement)));
  printf ("  %-16s %s\n", _("Status:"), pacta_agreement_status_to_label (pacta_agreement_get_status (agreement)));
  for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
    {
      g_autoptr(PactaParty) party = g_list_model_get_item (parties, i);
      printf ("  %-16s %s — %s (%s)\n", i == 0 ? _("Parties:") : "", pacta_party_get_code (party),
              pacta_party_get_name (party), pacta_party_get_role (party));
    }
  if (pacta_agreement_get_date_signed (agreement))
    printf ("  %-16s %s%s%s\n", _("Signed:"), pacta_agreement_get_date_signed (agreement),
            pacta_agreement_get_place_signed (agreement) ? ", " : "",
            pacta_agreement_get_place_signed (agreement) ? pacta_agreement_get_place_signed (agreement) : "");
  if (pacta_agreement_get_date_in_force (agreement))
    printf ("  %-16s %s\n", _("In force:"), pacta_agreement_get_date_in_force (agreement));
  printf ("  %-16s %s\n", _("Language:"), pacta_agreement_get_language (agreement));
  printf ("  %-16s %u\n", _("Articles:"), articles->len);
  printf ("\n");

  for (guint i = 0; i < g_list_model_get_n_items (provisions); i++)
    {
      g_autoptr(PactaProvision) provision = g_list_model_get_item (provisions, i);
      print_provision_text (provision, 0, !outline_only);
    }
}

static JsonNode *
provision_to_json (PactaProvision *provision)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char * const *refers = pacta_provision_get_refers_to (provision);
  guint n = pacta_provision_get_n_children (provision);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "eId");
  if (pacta_provision_get_eid (provision))
    json_builder_add_string_value (builder, pacta_provision_get_eid (provision));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, pacta_provision_kind_to_string (pacta_provision_get_kind (provision)));
  json_builder_set_member_name (builder, "element");
  json_builder_add_string_value (builder, pacta_provision_get_element (provision));
  if (pacta_provision_get_num (provision))
    {
      json_builder_set_member_name (builder, "num");
      json_builder_add_string_value (builder, pacta_provision_get_num (provision));
    }
  if (pacta_provision_get_heading (provision))
    {
      json_builder_set_member_name (builder, "heading");
      json_builder_add_string_value (builder, pacta_provision_get_heading (provision));
    }
  if (pacta_provision_get_text (provision))
    {
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, pacta_provision_get_text (provision));
    }
  json_builder_set_member_name (builder, "refersTo");
  json_builder_begin_array (builder);
  for (guint i = 0; refers[i]; i++)
    json_builder_add_string_value (builder, refers[i]);
  json_builder_end_array (builder);
  if (n > 0)
    {
      json_builder_set_member_name (builder, "children");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        json_builder_add_value (builder, provision_to_json (pacta_provision_get_child (provision, i)));
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static JsonNode *
agreement_to_json (PactaAgreement *agreement,
                   const char     *file)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *parties = pacta_agreement_get_parties (agreement);
  GListModel *provisions = pacta_agreement_get_provisions (agreement);
  g_autoptr(GPtrArray) articles = pacta_agreement_collect_articles (agreement);

  json_builder_begin_object (builder);
  add_string_member (builder, "file", file);
  add_string_member (builder, "type", "agreement");
  add_string_member (builder, "title", pacta_agreement_get_title (agreement));
  add_string_member (builder, "shortTitle", pacta_agreement_get_short_title (agreement));
  add_string_member (builder, "kind", pacta_agreement_kind_to_string (pacta_agreement_get_kind (agreement)));
  add_string_member (builder, "status", pacta_agreement_status_to_string (pacta_agreement_get_status (agreement)));
  add_string_member (builder, "documentType", pacta_agreement_get_document_type (agreement));
  add_string_member (builder, "language", pacta_agreement_get_language (agreement));
  add_string_member (builder, "dateSigned", pacta_agreement_get_date_signed (agreement));
  add_string_member (builder, "placeSigned", pacta_agreement_get_place_signed (agreement));
  add_string_member (builder, "dateInForce", pacta_agreement_get_date_in_force (agreement));
  add_string_member (builder, "work", pacta_agreement_get_work_uri (agreement));
  json_builder_set_member_name (builder, "articles");
  json_builder_add_int_value (builder, articles->len);

  json_builder_set_member_name (builder, "parties");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
    {
      g_autoptr(PactaParty) party = g_list_model_get_item (parties, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "code", pacta_party_get_code (party));
      add_string_member (builder, "name", pacta_party_get_name (party));
      add_string_member (builder, "role", pacta_party_get_role (party));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "provisions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (provisions); i++)
    {
      g_autoptr(PactaProvision) provision = g_list_model_get_item (provisions, i);
      json_builder_add_value (builder, provision_to_json (provision));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
add_strv_member (JsonBuilder        *builder,
                 const char         *name,
                 const char * const *values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i]; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static JsonNode *
guideline_to_json (PactaGuideline *guideline,
                   const char     *file)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *categories = pacta_guideline_get_categories (guideline);

  json_builder_begin_object (builder);
  add_string_member (builder, "file", file);
  add_string_member (builder, "type", "guideline");
  add_string_member (builder, "id", pacta_guideline_get_id (guideline));
  add_string_member (builder, "title", pacta_guideline_get_title (guideline));
  add_string_member (builder, "shortTitle", pacta_guideline_get_short_title (guideline));
  add_string_member (builder, "source", pacta_guideline_get_source (guideline));
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, pacta_guideline_get_year (guideline));
  json_builder_set_member_name (builder, "provisional");
  json_builder_add_boolean_value (builder, pacta_guideline_get_provisional (guideline));
  add_strv_member (builder, "appliesTo", pacta_guideline_get_applies_to (guideline));
  json_builder_set_member_name (builder, "categories");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(PactaGuidelineCategory) category = g_list_model_get_item (categories, i);
      GListModel *items = pacta_guideline_category_get_items (category);

      json_builder_begin_object (builder);
      add_string_member (builder, "id", pacta_guideline_category_get_id (category));
      add_string_member (builder, "title", pacta_guideline_category_get_title (category));
      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);
      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(PactaGuidelineItem) item = g_list_model_get_item (items, j);
          g_auto(GStrv) languages = pacta_guideline_item_dup_languages (item);

          json_builder_begin_object (builder);
          add_string_member (builder, "id", pacta_guideline_item_get_slug (item));
          add_string_member (builder, "level", pacta_item_level_to_string (pacta_guideline_item_get_level (item)));
          add_string_member (builder, "title", pacta_guideline_item_get_title (item));
          add_string_member (builder, "guidance", pacta_guideline_item_get_guidance (item));
          add_string_member (builder, "model", pacta_guideline_item_get_model (item));
          add_string_member (builder, "cite", pacta_guideline_item_get_cite (item));
          json_builder_set_member_name (builder, "verified");
          json_builder_add_boolean_value (builder, pacta_guideline_item_get_verified (item));
          json_builder_set_member_name (builder, "terms");
          json_builder_begin_object (builder);
          for (guint k = 0; languages[k]; k++)
            add_strv_member (builder, languages[k], pacta_guideline_item_get_terms (item, languages[k]));
          json_builder_end_object (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
show_guideline_text (PactaGuideline *guideline)
{
  GListModel *categories = pacta_guideline_get_categories (guideline);

  printf ("%s\n", pacta_guideline_get_title (guideline));
  printf ("  %-12s %s\n", _("Id:"), pacta_guideline_get_id (guideline));
  printf ("  %-12s %s (%d)\n", _("Source:"), pacta_guideline_get_source (guideline) ? pacta_guideline_get_source (guideline) : "",
          pacta_guideline_get_year (guideline));
  printf ("  %-12s %u\n", _("Items:"), pacta_guideline_get_n_items (guideline));
  if (pacta_guideline_get_provisional (guideline))
    printf ("  %s\n", _("Provisional: its source could not be fully checked."));
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(PactaGuidelineCategory) category = g_list_model_get_item (categories, i);
      GListModel *items = pacta_guideline_category_get_items (category);

      printf ("\n%s\n", pacta_guideline_category_get_title (category));
      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(PactaGuidelineItem) item = g_list_model_get_item (items, j);

          printf ("  %-12s %s  [%s]%s\n", pacta_item_level_to_string (pacta_guideline_item_get_level (item)),
                  pacta_guideline_item_get_title (item), pacta_guideline_item_get_slug (item),
                  pacta_guideline_item_get_verified (item) ? "" : _("  (unverified)"));
        }
    }
}

static void
print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static int
run_show (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — print an agreement or guideline"));
  g_autofree char *format = NULL;
  gboolean outline = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: text (default) or json"), "FORMAT" },
    { "outline", 0, 0, G_OPTION_ARG_NONE, &outline, N_("Text format: headings only, without the provisions' words"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  gboolean json;
  PactaDocumentType type;
  const char *path;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!_pacta_cli_parse_options (context, &argc, &argv))
    return 2;
  if (argc != 2)
    {
      fprintf (stderr, "pacta show: %s\n", _("name exactly one file"));
      return 2;
    }
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    {
      fprintf (stderr, "pacta show: %s\n", _("--format must be text or json"));
      return 2;
    }
  json = format != NULL && g_str_equal (format, "json");
  path = argv[1];

  type = pacta_sniff_file (path);
  if (type == PACTA_DOCUMENT_GUIDELINE)
    {
      g_autoptr(PactaGuideline) guideline = pacta_guideline_load_file (path, &error);

      if (guideline == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      if (json)
        {
          g_autoptr(JsonNode) node = guideline_to_json (guideline, path);
          print_json (node);
        }
      else
        show_guideline_text (guideline);
      return 0;
    }
  else
    {
      g_autoptr(PactaAgreement) agreement = pacta_akn_load_file (path, &error);

      if (agreement == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      if (json)
        {
          g_autoptr(JsonNode) node = agreement_to_json (agreement, path);
          print_json (node);
        }
      else
        show_agreement_text (agreement, outline);
      return 0;
    }
}
