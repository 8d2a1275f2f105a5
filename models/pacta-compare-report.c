/* pacta-compare-report.c — a comparison as a self-contained HTML redline
 *
 * One HTML file with its CSS inline and nothing fetched: a header with both titles, the
 * summary and a legend, a list of the changes, then every row in the reading order of
 * the new text (B), removed units where they stood in A. Each row shows its numbers on
 * both sides and an inline redline: inserted words in <ins> (green, underlined), deleted
 * ones in <del> (red, struck through), so it reads the same printed in black and white.
 * Every piece of the agreements' text is escaped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-compare-report"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pacta-compare-report.h"

static const char style_sheet[] =
  ":root { --ins-fg: #0b5d1e; --ins-bg: #dcf5e3; --del-fg: #a01c2a; --del-bg: #fbe0e2; --muted: #5e5c64; }\n"
  "* { box-sizing: border-box; }\n"
  "body { font: 11pt/1.5 'Cantarell', 'Noto Sans', 'Helvetica Neue', Arial, sans-serif; color: #1e1e1e;\n"
  "       max-width: 52em; margin: 2em auto; padding: 0 1.5em; }\n"
  "header { border-bottom: 2px solid #1e1e1e; margin-bottom: 1.5em; padding-bottom: 0.5em; }\n"
  "h1 { font-size: 1.5em; margin: 0 0 0.4em; }\n"
  ".sides { display: grid; grid-template-columns: auto 1fr; gap: 0.1em 0.8em; margin: 0 0 0.6em; }\n"
  ".sides dt { font-weight: bold; }\n"
  ".sides dd { margin: 0; }\n"
  ".sides .file { color: var(--muted); font-size: 0.9em; }\n"
  ".summary { font-weight: bold; margin: 0.4em 0; }\n"
  ".meta, .legend { color: var(--muted); font-size: 0.9em; margin: 0.2em 0; }\n"
  "nav ol { columns: 2; font-size: 0.9em; padding-left: 1.4em; }\n"
  "nav a { color: inherit; }\n"
  "section.row { break-inside: avoid-page; border-top: 1px solid #d0d0d0; padding: 0.6em 0; }\n"
  "h2 { font-size: 1.05em; margin: 0 0 0.3em; display: flex; flex-wrap: wrap; gap: 0.2em 0.6em; align-items: baseline; }\n"
  "h2 .arrow { color: var(--muted); }\n"
  "h3 { font-size: 1em; margin: 0.6em 0 0.2em; }\n"
  ".heading { font-weight: bold; margin: 0.2em 0; }\n"
  ".text { white-space: pre-wrap; margin: 0; }\n"
  ".tag { font-size: 0.8em; font-weight: bold; text-transform: uppercase; letter-spacing: 0.04em;\n"
  "       border: 1px solid currentColor; border-radius: 0.3em; padding: 0 0.4em; }\n"
  ".tag.same { color: var(--muted); }\n"
  ".tag.changed, .tag.moved, .tag.split, .tag.merge { color: #1c5aa8; }\n"
  ".tag.added { color: var(--ins-fg); }\n"
  ".tag.removed { color: var(--del-fg); }\n"
  ".words { color: var(--muted); font-size: 0.9em; }\n"
  "ins { color: var(--ins-fg); background: var(--ins-bg); text-decoration: underline; text-decoration-thickness: 1px; }\n"
  "del { color: var(--del-fg); background: var(--del-bg); text-decoration: line-through; }\n"
  "details summary { color: var(--muted); cursor: pointer; }\n"
  "@media print {\n"
  "  body { margin: 0; max-width: none; font-size: 10pt; }\n"
  "  nav { display: none; }\n"
  "  ins, del { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
  "}\n";

static void
append_escaped (GString    *out,
                const char *text,
                gssize      len)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", len);

  g_string_append (out, escaped);
}

static void
append_segment_html (const char       *text,
                     gsize             len,
                     PactaSegmentKind  kind,
                     gpointer          user_data)
{
  GString *out = user_data;

  switch (kind)
    {
    case PACTA_SEGMENT_INSERTED:
      g_string_append (out, "<ins>");
      append_escaped (out, text, len);
      g_string_append (out, "</ins>");
      break;
    case PACTA_SEGMENT_DELETED:
      g_string_append (out, "<del>");
      append_escaped (out, text, len);
      g_string_append (out, "</del>");
      break;
    case PACTA_SEGMENT_EQUAL:
    default:
      append_escaped (out, text, len);
      break;
    }
}

static void
append_segment_text (const char       *text,
                     gsize             len,
                     PactaSegmentKind  kind,
                     gpointer          user_data)
{
  GString *out = user_data;

  switch (kind)
    {
    case PACTA_SEGMENT_INSERTED:
      g_string_append (out, "{+");
      g_string_append_len (out, text, len);
      g_string_append (out, "+}");
      break;
    case PACTA_SEGMENT_DELETED:
      g_string_append (out, "[-");
      g_string_append_len (out, text, len);
      g_string_append (out, "-]");
      break;
    case PACTA_SEGMENT_EQUAL:
    default:
      g_string_append_len (out, text, len);
      break;
    }
}

/* "numbering, case" — what the filters ignore, or NULL for none. */
char *
pacta_comparison_dup_filters_label (PactaDiffFlags flags)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (flags & PACTA_DIFF_IGNORE_NUMBERING)
    g_ptr_array_add (parts, (gpointer) _("numbering"));
  if (flags & PACTA_DIFF_IGNORE_CASE)
    g_ptr_array_add (parts, (gpointer) _("case"));
  if (flags & PACTA_DIFF_IGNORE_PUNCTUATION)
    g_ptr_array_add (parts, (gpointer) _("punctuation"));
  if (flags & PACTA_DIFF_IGNORE_WHITESPACE)
    g_ptr_array_add (parts, (gpointer) _("white space"));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

/* The rows in the reading order of B: each row at its B line, removed rows at their A
 * line. */
static GPtrArray *
reading_order (PactaComparison *comparison)
{
  GPtrArray *out = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  const PactaCompareLine *lines;
  guint n_lines;

  lines = pacta_comparison_get_lines (comparison, &n_lines);
  for (guint i = 0; i < n_lines; i++)
    {
      PactaAlignment *row = lines[i].alignment;
      gboolean has_b = pacta_alignment_get_n_units (row, PACTA_SIDE_B) > 0;

      if (has_b && lines[i].b_unit < 0)
        continue;
      if (g_hash_table_add (seen, row))
        g_ptr_array_add (out, row);
    }
  return out;
}

static char *
row_anchor (PactaAlignment *row)
{
  PactaSide side = pacta_alignment_get_n_units (row, PACTA_SIDE_B) ? PACTA_SIDE_B : PACTA_SIDE_A;
  const char *eid = pacta_provision_get_eid (pacta_alignment_get_unit (row, side, 0));

  return g_strdup_printf ("%s-%s", side == PACTA_SIDE_B ? "b" : "a", eid ? eid : "unit");
}

static const char *
row_heading (PactaAlignment *row)
{
  for (int side = PACTA_SIDE_B; side >= PACTA_SIDE_A; side--)
    if (pacta_alignment_get_n_units (row, side) > 0)
      {
        const char *heading = pacta_provision_get_heading (pacta_alignment_get_unit (row, side, 0));

        if (heading && heading[0])
          return heading;
      }
  return "";
}

static void
append_kind_tag (GString        *out,
                 PactaAlignment *row)
{
  PactaAlignmentKind kind = pacta_alignment_get_kind (row);

  g_string_append_printf (out, "<span class=\"tag %s\">%s</span>",
                          pacta_alignment_kind_to_string (kind), pacta_alignment_kind_to_label (kind));
  if (kind != PACTA_ALIGNMENT_MOVED && pacta_alignment_get_moved (row))
    g_string_append_printf (out, "<span class=\"tag moved\">%s</span>", _("moved"));
  if (kind == PACTA_ALIGNMENT_MOVED && pacta_alignment_get_changed (row))
    g_string_append_printf (out, "<span class=\"tag changed\">%s</span>", _("changed"));
}

static void
append_words (GString        *out,
              PactaAlignment *row)
{
  guint ins = pacta_alignment_get_inserted (row);
  guint del = pacta_alignment_get_deleted (row);

  if (ins == 0 && del == 0)
    return;
  g_string_append (out, "<span class=\"words\">");
  /* Translators: words inserted and deleted, as in "+12 −3 words" */
  g_string_append_printf (out, _("+%u −%u words"), ins, del);
  g_string_append (out, "</span>");
}

static void
append_row_text (GString        *out,
                 PactaAlignment *row)
{
  PactaWordDiff *diff = pacta_alignment_get_diff (row);
  guint nb = pacta_alignment_get_n_units (row, PACTA_SIDE_B);
  guint na = pacta_alignment_get_n_units (row, PACTA_SIDE_A);

  if (nb == 0)
    {
      /* Removed: A's words, all struck through. */
      for (guint k = 0; k < na; k++)
        {
          guint start, heading_end, body_start, end;

          pacta_alignment_get_unit_range (row, PACTA_SIDE_A, k, &start, &heading_end, &body_start, &end);
          g_string_append (out, "<p class=\"heading\">");
          pacta_word_diff_foreach_segment (diff, PACTA_SIDE_A, start, heading_end, append_segment_html, out);
          g_string_append (out, "</p>\n<p class=\"text\">");
          pacta_word_diff_foreach_segment (diff, PACTA_SIDE_A, body_start, end, append_segment_html, out);
          g_string_append (out, "</p>\n");
        }
      return;
    }

  for (guint k = 0; k < nb; k++)
    {
      guint start, heading_end, body_start, end;

      pacta_alignment_get_unit_range (row, PACTA_SIDE_B, k, &start, &heading_end, &body_start, &end);
      if (nb > 1)
        {
          PactaProvision *unit = pacta_alignment_get_unit (row, PACTA_SIDE_B, k);

          g_string_append (out, "<h3>");
          append_escaped (out, pacta_provision_get_num (unit) ? pacta_provision_get_num (unit) : pacta_provision_get_eid (unit), -1);
          g_string_append (out, "</h3>\n");
        }
      g_string_append (out, "<p class=\"heading\">");
      pacta_word_diff_foreach_inline (diff, start, heading_end, append_segment_html, out);
      g_string_append (out, "</p>\n<p class=\"text\">");
      pacta_word_diff_foreach_inline (diff, body_start, end, append_segment_html, out);
      g_string_append (out, "</p>\n");
    }
}

static void
append_row_title (GString        *out,
                  PactaAlignment *row)
{
  g_autofree char *label_a = pacta_alignment_dup_label (row, PACTA_SIDE_A);
  g_autofree char *label_b = pacta_alignment_dup_label (row, PACTA_SIDE_B);

  g_string_append (out, "<span class=\"num\">");
  append_escaped (out, label_a ? label_a : "—", -1);
  g_string_append (out, "</span> <span class=\"arrow\">→</span> <span class=\"num\">");
  append_escaped (out, label_b ? label_b : "—", -1);
  g_string_append (out, "</span>");
}

/**
 * pacta_comparison_to_html:
 *
 * Returns: (transfer full): a self-contained HTML redline report
 */
char *
pacta_comparison_to_html (PactaComparison *comparison)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *filters = NULL;
  PactaAgreement *agreements[2];

  g_return_val_if_fail (PACTA_IS_COMPARISON (comparison), NULL);

  agreements[0] = pacta_comparison_get_agreement (comparison, PACTA_SIDE_A);
  agreements[1] = pacta_comparison_get_agreement (comparison, PACTA_SIDE_B);
  rows = reading_order (comparison);
  summary = pacta_comparison_dup_summary_label (comparison);
  filters = pacta_comparison_dup_filters_label (pacta_comparison_get_flags (comparison));

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
  append_escaped (out, pacta_agreement_get_language (agreements[1]) ? pacta_agreement_get_language (agreements[1]) : "en", -1);
  g_string_append (out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"generator\" content=\"Pacta " PACKAGE_VERSION "\">\n<title>");
  append_escaped (out, _("Comparison"), -1);
  g_string_append (out, ": ");
  append_escaped (out, pacta_agreement_get_display_title (agreements[0]), -1);
  g_string_append (out, " → ");
  append_escaped (out, pacta_agreement_get_display_title (agreements[1]), -1);
  g_string_append_printf (out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>", style_sheet);
  append_escaped (out, _("Comparison"), -1);
  g_string_append (out, "</h1>\n<dl class=\"sides\">\n");
  for (int side = 0; side < 2; side++)
    {
      const char *path = pacta_agreement_get_path (agreements[side]);

      g_string_append_printf (out, "<dt>%s</dt><dd>", side == 0 ? "A" : "B");
      append_escaped (out, pacta_agreement_get_display_title (agreements[side]), -1);
      if (path)
        {
          g_autofree char *base = g_path_get_basename (path);

          g_string_append (out, " <span class=\"file\">");
          append_escaped (out, base, -1);
          g_string_append (out, "</span>");
        }
      g_string_append (out, "</dd>\n");
    }
  g_string_append (out, "</dl>\n<p class=\"summary\">");
  append_escaped (out, summary, -1);
  g_string_append (out, "</p>\n<p class=\"legend\">");
  g_string_append_printf (out, "%s: <ins>%s</ins> <del>%s</del>", _("Legend"), _("inserted"), _("deleted"));
  g_string_append (out, "</p>\n");
  if (filters)
    {
      g_string_append (out, "<p class=\"meta\">");
      append_escaped (out, _("Ignored"), -1);
      g_string_append (out, ": ");
      append_escaped (out, filters, -1);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</header>\n");

  /* The list of changes, to jump to. */
  g_string_append_printf (out, "<nav>\n<h2>%s</h2>\n<ol>\n", _("Changes"));
  for (guint i = 0; i < rows->len; i++)
    {
      PactaAlignment *row = g_ptr_array_index (rows, i);
      g_autofree char *anchor = NULL;

      if (pacta_alignment_get_kind (row) == PACTA_ALIGNMENT_SAME)
        continue;
      anchor = row_anchor (row);
      g_string_append_printf (out, "<li><a href=\"#%s\">", anchor);
      append_row_title (out, row);
      g_string_append (out, " ");
      append_escaped (out, row_heading (row), -1);
      g_string_append (out, "</a> (");
      append_escaped (out, pacta_alignment_kind_to_label (pacta_alignment_get_kind (row)), -1);
      g_string_append (out, ")</li>\n");
    }
  g_string_append (out, "</ol>\n</nav>\n<main>\n");

  for (guint i = 0; i < rows->len; i++)
    {
      PactaAlignment *row = g_ptr_array_index (rows, i);
      PactaAlignmentKind kind = pacta_alignment_get_kind (row);
      g_autofree char *anchor = row_anchor (row);

      g_string_append_printf (out, "<section class=\"row %s\" id=\"%s\">\n<h2>",
                              pacta_alignment_kind_to_string (kind), anchor);
      append_row_title (out, row);
      append_kind_tag (out, row);
      append_words (out, row);
      g_string_append (out, "</h2>\n");
      if (kind == PACTA_ALIGNMENT_SAME)
        {
          g_string_append_printf (out, "<details><summary>%s</summary>\n", _("Unchanged text"));
          append_row_text (out, row);
          g_string_append (out, "</details>\n");
        }
      else
        append_row_text (out, row);
      g_string_append (out, "</section>\n");
    }
  g_string_append (out, "</main>\n</body>\n</html>\n");
  return g_string_free (out, FALSE);
}

/**
 * pacta_comparison_dup_redline_text:
 *
 * Returns: (transfer full): the row's inline redline as plain text, deletions as
 *   [-words-] and insertions as {+words+} (as git's --word-diff=plain)
 */
char *
pacta_comparison_dup_redline_text (PactaComparison *comparison,
                                   PactaAlignment  *row)
{
  GString *out = g_string_new (NULL);
  PactaWordDiff *diff;

  g_return_val_if_fail (PACTA_IS_ALIGNMENT (row), NULL);

  diff = pacta_alignment_get_diff (row);
  if (pacta_alignment_get_n_units (row, PACTA_SIDE_B) == 0)
    pacta_word_diff_foreach_segment (diff, PACTA_SIDE_A, 0, G_MAXUINT, append_segment_text, out);
  else
    pacta_word_diff_foreach_inline (diff, 0, G_MAXUINT, append_segment_text, out);
  return g_string_free (out, FALSE);
}
