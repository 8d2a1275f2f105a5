/* pacta-cli-import.c — pacta import FILE [-o OUT.akn.xml] [--lang en|fr|es]
 *
 * Reads a PDF, Word, OpenDocument, HTML or text file, detects its structure and prints what
 * it found. With -o it writes the agreement as Akoma Ntoso, after checking that the output
 * validates; on any failure nothing is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pacta-akn-writer.h"
#include "pacta-cli-private.h"
#include "pacta-import.h"
#include "pacta-validator.h"

static const char *
format_label (PactaImportFormat format)
{
  switch (format)
    {
    case PACTA_IMPORT_FORMAT_TEXT: return _("plain text");
    case PACTA_IMPORT_FORMAT_MARKDOWN: return _("Markdown text");
    case PACTA_IMPORT_FORMAT_PDF: return "PDF";
    case PACTA_IMPORT_FORMAT_DOCX: return _("Word document");
    case PACTA_IMPORT_FORMAT_ODT: return _("OpenDocument text");
    case PACTA_IMPORT_FORMAT_HTML: return _("web page");
    case PACTA_IMPORT_FORMAT_UNKNOWN:
    default:
      return _("text");
    }
}

/* Appends "3 parts" (@format already chosen for @n with g_dngettext), unless @n is 0. */
static void
append_count (GString    *out,
              guint       n,
              const char *format)
{
  if (n == 0)
    return;
  if (out->len)
    g_string_append (out, ", ");
  g_string_append_printf (out, format, n);
}

static void
print_outline (PactaImportDraft *draft)
{
  GListModel *nodes = pacta_import_draft_get_nodes (draft);
  guint n = g_list_model_get_n_items (nodes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaImportNode) node = g_list_model_get_item (nodes, i);
      PactaImportNodeKind kind = pacta_import_node_get_kind (node);
      g_autofree char *label = NULL;
      const PactaImportLine *line;

      if (kind == PACTA_IMPORT_NODE_PARAGRAPH || kind == PACTA_IMPORT_NODE_POINT ||
          kind == PACTA_IMPORT_NODE_SUBPOINT)
        continue;
      label = pacta_import_node_dup_label (node);
      line = pacta_import_draft_get_line (draft, pacta_import_node_get_first_line (node));
      printf ("  %*s%s", pacta_import_node_get_depth (node) * 2, "", label);
      if (line->origin > 0)
        printf ("  (%s %u)", pacta_import_source_get_format (pacta_import_draft_get_source (draft)) == PACTA_IMPORT_FORMAT_TEXT ||
                             pacta_import_source_get_format (pacta_import_draft_get_source (draft)) == PACTA_IMPORT_FORMAT_MARKDOWN
                               ? _("line") : _("paragraph"),
                line->origin);
      printf ("\n");
    }
}

static void
print_summary (PactaImportDraft *draft,
               gboolean          outline)
{
  PactaImportSource *source = pacta_import_draft_get_source (draft);
  const char * const *languages = pacta_import_draft_get_languages (draft);
  const char * const *parties = pacta_import_draft_get_parties (draft);
  GPtrArray *warnings = pacta_import_draft_get_warnings (draft);
  g_autoptr(GString) structure = g_string_new (NULL);
  g_auto(GStrv) codes = pacta_import_draft_dup_party_codes (draft);
  guint n;

  printf ("%s: %s", pacta_import_source_get_path (source), format_label (pacta_import_source_get_format (source)));
  if (pacta_import_source_get_n_pages (source) > 0)
    printf (g_dngettext (GETTEXT_PACKAGE, ", %u page", ", %u pages", pacta_import_source_get_n_pages (source)),
            pacta_import_source_get_n_pages (source));
  printf (g_dngettext (GETTEXT_PACKAGE, ", %u paragraph\n", ", %u paragraphs\n", pacta_import_source_get_n_lines (source)),
          pacta_import_source_get_n_lines (source));

  printf ("  %-12s %s\n", _("Title:"), pacta_import_draft_get_title (draft) ? pacta_import_draft_get_title (draft) : _("(none found)"));
  printf ("  %-12s %s — %s\n", _("Kind:"), pacta_agreement_kind_to_string (pacta_import_draft_get_kind (draft)),
          pacta_agreement_kind_to_label (pacta_import_draft_get_kind (draft)));
  printf ("  %-12s %s\n", _("Status:"), pacta_agreement_status_to_label (pacta_import_draft_get_status (draft)));
  printf ("  %-12s %s", _("Language:"), pacta_import_draft_get_language (draft));
  if (pacta_import_draft_get_bilingual (draft))
    {
      g_autofree char *all = g_strjoinv (", ", (char **) languages);

      printf (_("  (bilingual: %s; kept %s — choose with --lang)"), all, pacta_import_draft_get_kept_language (draft));
    }
  printf ("\n");
  for (guint i = 0; parties[i]; i++)
    printf ("  %-12s %s (%s)\n", i == 0 ? _("Parties:") : "", parties[i], codes[i]);
  if (parties[0] == NULL)
    printf ("  %-12s %s\n", _("Parties:"), _("(none found)"));
  if (pacta_import_draft_get_date_signed (draft) || pacta_import_draft_get_place_signed (draft))
    printf ("  %-12s %s%s%s\n", _("Signed:"),
            pacta_import_draft_get_date_signed (draft) ? pacta_import_draft_get_date_signed (draft) : _("(no date)"),
            pacta_import_draft_get_place_signed (draft) ? ", " : "",
            pacta_import_draft_get_place_signed (draft) ? pacta_import_draft_get_place_signed (draft) : "");

  if (pacta_import_draft_count (draft, PACTA_IMPORT_NODE_PREAMBLE) > 0)
    g_string_append (structure, _("preamble"));
  n = pacta_import_draft_count (draft, PACTA_IMPORT_NODE_PART);
  append_count (structure, n, g_dngettext (GETTEXT_PACKAGE, "%u part", "%u parts", n));
  n = pacta_import_draft_count (draft, PACTA_IMPORT_NODE_DIVISION);
  append_count (structure, n, g_dngettext (GETTEXT_PACKAGE, "%u title", "%u titles", n));
  n = pacta_import_draft_count (draft, PACTA_IMPORT_NODE_CHAPTER);
  append_count (structure, n, g_dngettext (GETTEXT_PACKAGE, "%u chapter", "%u chapters", n));
  n = pacta_import_draft_count (draft, PACTA_IMPORT_NODE_SECTION);
  append_count (structure, n, g_dngettext (GETTEXT_PACKAGE, "%u section", "%u sections", n));
  if (structure->len)
    g_string_append (structure, ", ");
  g_string_append_printf (structure, g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles",
                                                  pacta_import_draft_count (draft, PACTA_IMPORT_NODE_ARTICLE)),
                          pacta_import_draft_count (draft, PACTA_IMPORT_NODE_ARTICLE));
  n = pacta_import_draft_count (draft, PACTA_IMPORT_NODE_PARAGRAPH);
  append_count (structure, n, g_dngettext (GETTEXT_PACKAGE, "%u paragraph", "%u paragraphs", n));
  {
    guint points = pacta_import_draft_count (draft, PACTA_IMPORT_NODE_POINT) +
                   pacta_import_draft_count (draft, PACTA_IMPORT_NODE_SUBPOINT);

    append_count (structure, points, g_dngettext (GETTEXT_PACKAGE, "%u point", "%u points", points));
  }
  if (pacta_import_draft_count (draft, PACTA_IMPORT_NODE_CONCLUSIONS) > 0)
    g_string_append_printf (structure, ", %s", _("final clauses"));
  n = pacta_import_draft_count (draft, PACTA_IMPORT_NODE_ANNEX);
  append_count (structure, n, g_dngettext (GETTEXT_PACKAGE, "%u annex", "%u annexes", n));
  printf ("  %-12s %s\n", _("Structure:"), structure->str);

  if (outline)
    {
      printf ("\n");
      print_outline (draft);
    }

  if (warnings->len > 0)
    {
      printf ("\n%s\n", _("Warnings:"));
      for (guint i = 0; i < warnings->len; i++)
        {
          g_autofree char *line = pacta_problem_to_string (g_ptr_array_index (warnings, i));
          printf ("  %s\n", line);
        }
    }
}

/* The paragraphs as the detector saw them; a boundary's kind stands in the margin. */
static void
print_text (PactaImportDraft *draft)
{
  guint n = pacta_import_draft_get_n_lines (draft);

  for (guint i = 0; i < n; i++)
    {
      PactaImportNode *node = pacta_import_draft_get_node_at_line (draft, i);
      const PactaImportLine *line = pacta_import_draft_get_line (draft, i);

      printf ("%-12s %s\n", node ? pacta_import_node_kind_to_string (pacta_import_node_get_kind (node)) : "", line->text);
    }
}

/* Writes @draft's agreement to @output, but only once the output validates. */
static gboolean
write_output (PactaImportDraft *draft,
              const char       *output)
{
  g_autoptr(PactaAgreement) agreement = pacta_import_draft_build_agreement (draft);
  g_autofree char *xml = pacta_akn_to_string (agreement);
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  PactaDocumentType type;

  problems = pacta_validate_bytes (bytes, output, &type);
  if (problems->len > 0)
    {
      fprintf (stderr, "pacta import: %s\n", _("the result does not validate; nothing was written:"));
      for (guint i = 0; i < problems->len; i++)
        {
          g_autofree char *line = pacta_problem_to_string (g_ptr_array_index (problems, i));
          fprintf (stderr, "%s\n", line);
        }
      return FALSE;
    }
  if (g_str_equal (output, "-"))
    {
      fputs (xml, stdout);
      return TRUE;
    }
  if (!pacta_akn_save_file (agreement, output, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

int
_pacta_cli_run_import (int    argc,
                       char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — read a PDF, Word, OpenDocument, HTML or text file as an agreement"));
  g_autofree char *output = NULL;
  g_autofree char *language = NULL;
  gboolean outline = FALSE, quiet = FALSE, text = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the agreement as Akoma Ntoso to OUT (“-” for standard output)"), N_("OUT.akn.xml") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &language, N_("In a bilingual document, keep the text in LANG (en, fr or es)"), N_("LANG") },
    { "outline", 0, 0, G_OPTION_ARG_NONE, &outline, N_("Also list the detected parts, chapters and articles"), NULL },
    { "text", 0, 0, G_OPTION_ARG_NONE, &text, N_("Print the text as read, one paragraph a line, with the detected boundaries marked"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Print nothing but problems"), NULL },
    { NULL }
  };
  g_autoptr(PactaImportDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  const char *input;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Detects the title, parties, preamble, parts, chapters, articles, paragraphs,\n"
                                  "points, final clauses, annexes, date and place of signature, and prints a\n"
                                  "summary. With -o, writes the agreement (Akoma Ntoso, checked against Pacta's\n"
                                  "schema before it is written). On any problem nothing is written and the exit\n"
                                  "status is 1. Files over 64 MB are refused."));
  if (!_pacta_cli_parse_options (context, &argc, &argv))
    return 2;
  if (argc != 2)
    {
      fprintf (stderr, "pacta import: %s\n", _("name exactly one file to import"));
      return 2;
    }
  input = argv[1];
  if (language != NULL && !(g_str_equal (language, "en") || g_str_equal (language, "fr") || g_str_equal (language, "es")))
    {
      fprintf (stderr, "pacta import: %s\n", _("--lang takes en, fr or es"));
      return 2;
    }
  if (output != NULL && !g_str_equal (output, "-"))
    {
      g_autoptr(GFile) in = g_file_new_for_commandline_arg (input);
      g_autoptr(GFile) out = g_file_new_for_commandline_arg (output);

      if (g_file_equal (in, out))
        {
          fprintf (stderr, "pacta import: %s\n", _("the output would overwrite the file being imported"));
          return 2;
        }
    }

  draft = pacta_import_file (input, language, &error);
  if (draft == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  if (text)
    print_text (draft);
  else if (!quiet && !(output != NULL && g_str_equal (output, "-")))
    print_summary (draft, outline);

  if (output != NULL)
    {
      if (!write_output (draft, output))
        return 1;
      if (!quiet && !g_str_equal (output, "-"))
        printf ("\n%s\n", output);
    }
  return 0;
}
