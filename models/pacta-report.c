/* pacta-report.c — the briefing: agreements' coverage as a PDF to hand over
 *
 * The order a reader wants: a title page with the key points, the agreements covered, the
 * scores in one table, the charts, and then agreement by agreement the essential items that
 * are missing or only partly there — each with the guideline's guidance, its model wording
 * and the agreement's own words where it comes close. Built on PactaFlow (pages, footers,
 * outline) and the chart painters (drawn as vectors, their text selectable too).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pacta-chart.h"
#include "pacta-error.h"
#include "pacta-matcher.h"
#include "pacta-output.h"
#include "pacta-report.h"

#define CHART_WIDTH 640.0   /* charts are laid out this wide, then scaled to the column: their
                             * 12-pixel labels print at about 9 points */
#define EXCERPT     260     /* bytes of evidence text around the first matched word */

struct _PactaReport
{
  GObject       parent_instance;

  char         *title;
  PactaPaper    paper;
  GDateTime    *date;
  GPtrArray    *coverages;     /* PactaCoverage, in the order added */
  PactaMatcher *matcher;       /* for the matched words in evidence excerpts */
};

G_DEFINE_FINAL_TYPE (PactaReport, pacta_report, G_TYPE_OBJECT)

/* Coverages grouped by agreement or by guideline, in order of first appearance. */
typedef struct
{
  gpointer   key;         /* PactaAgreement, or the guideline's id */
  GPtrArray *coverages;   /* PactaCoverage, borrowed */
} Group;

static void
group_free (gpointer data)
{
  Group *group = data;

  g_ptr_array_unref (group->coverages);
  g_free (group);
}

static void
pacta_report_finalize (GObject *object)
{
  PactaReport *self = PACTA_REPORT (object);

  g_free (self->title);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_ptr_array_unref (self->coverages);
  g_clear_object (&self->matcher);

  G_OBJECT_CLASS (pacta_report_parent_class)->finalize (object);
}

static void
pacta_report_class_init (PactaReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pacta_report_finalize;
}

static void
pacta_report_init (PactaReport *self)
{
  self->coverages = g_ptr_array_new_with_free_func (g_object_unref);
  self->paper = PACTA_PAPER_A4;
  self->matcher = pacta_matcher_new ();
}

PactaReport *
pacta_report_new (void)
{
  return g_object_new (PACTA_TYPE_REPORT, NULL);
}

void
pacta_report_set_title (PactaReport *self,
                        const char  *title)
{
  g_return_if_fail (PACTA_IS_REPORT (self));
  g_free (self->title);
  self->title = g_strdup (title);
}

void
pacta_report_set_paper (PactaReport *self,
                        PactaPaper   paper)
{
  g_return_if_fail (PACTA_IS_REPORT (self));
  self->paper = paper;
}

/* The date printed on the title page; now, unless set. */
void
pacta_report_set_date (PactaReport *self,
                       GDateTime   *date)
{
  g_return_if_fail (PACTA_IS_REPORT (self));
  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = date ? g_date_time_ref (date) : NULL;
}

/* Adds one agreement held against one guideline. An agreement's coverages are reported
 * together, in the order they were added. */
void
pacta_report_add_coverage (PactaReport   *self,
                           PactaCoverage *coverage)
{
  g_return_if_fail (PACTA_IS_REPORT (self));
  g_return_if_fail (PACTA_IS_COVERAGE (coverage));
  g_ptr_array_add (self->coverages, g_object_ref (coverage));
}

/* Returns: (transfer none) (element-type PactaCoverage): for the CSV and JSON matrices */
GPtrArray *
pacta_report_get_coverages (PactaReport *self)
{
  g_return_val_if_fail (PACTA_IS_REPORT (self), NULL);
  return self->coverages;
}

static GPtrArray *
group_by (GPtrArray *coverages,
          gboolean   by_agreement)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func (group_free);

  for (guint i = 0; i < coverages->len; i++)
    {
      PactaCoverage *coverage = g_ptr_array_index (coverages, i);
      gpointer key = by_agreement ? (gpointer) pacta_coverage_get_agreement (coverage)
                                  : (gpointer) pacta_guideline_get_id (pacta_coverage_get_guideline (coverage));
      Group *group = NULL;

      for (guint g = 0; g < groups->len && group == NULL; g++)
        {
          Group *candidate = g_ptr_array_index (groups, g);
          if (by_agreement ? candidate->key == key : g_str_equal (candidate->key, key))
            group = candidate;
        }
      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          group->key = key;
          group->coverages = g_ptr_array_new ();
          g_ptr_array_add (groups, group);
        }
      g_ptr_array_add (group->coverages, coverage);
    }
  return groups;
}

static const char *
guideline_name (PactaGuideline *guideline)
{
  return pacta_guideline_get_short_title (guideline) ? pacta_guideline_get_short_title (guideline)
                                                     : pacta_guideline_get_title (guideline);
}

/* The name without its parenthesis, for narrow table headers:
 * "Social security coordination (C157/R167 …)" → "Social security coordination". */
static char *
compact_name (PactaGuideline *guideline)
{
  const char *name = guideline_name (guideline);
  const char *paren = strstr (name, " (");

  return paren && paren > name ? g_strndup (name, paren - name) : g_strdup (name);
}

static char *
percent (double share)
{
  return pacta_chart_format_percent (share);
}

static gboolean
is_gap (PactaFinding *finding)
{
  PactaFindingStatus status = pacta_finding_get_status (finding);
  return status == PACTA_FINDING_STATUS_MISSING || status == PACTA_FINDING_STATUS_PARTIAL;
}

/* Title page */

typedef struct
{
  PactaGuidelineItem *item;
  PactaGuideline     *guideline;
  guint               missing;
  guint               partial;
  guint               checked;
} CommonGap;

static int
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  const CommonGap *ga = *(CommonGap * const *) a, *gb = *(CommonGap * const *) b;
  guint ta = ga->missing + ga->partial, tb = gb->missing + gb->partial;

  if (ta != tb)
    return ta > tb ? -1 : 1;
  if (ga->missing != gb->missing)
    return ga->missing > gb->missing ? -1 : 1;
  return 0;
}

static void
add_title_page (PactaReport *self,
                PactaFlow   *flow,
                GPtrArray   *by_agreement,
                GPtrArray   *by_guideline)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (self->date ? self->date : now, "%-d %B %Y");
  g_autoptr(GString) held = g_string_new (NULL);
  g_autoptr(GPtrArray) gaps = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *lead = NULL;
  g_autofree char *prepared = NULL;

  for (guint g = 0; g < by_guideline->len; g++)
    {
      Group *group = g_ptr_array_index (by_guideline, g);
      PactaGuideline *guideline = pacta_coverage_get_guideline (g_ptr_array_index (group->coverages, 0));
      g_string_append_printf (held, "%s%s", g > 0 ? (g + 1 == by_guideline->len ? _(" and ") : ", ") : "",
                              guideline_name (guideline));
    }

  pacta_flow_space (flow, 90);
  pacta_flow_paragraph (flow, PACTA_FLOW_MUTED, _("<b>COVERAGE BRIEFING</b>"));
  pacta_flow_title (flow, self->title ? self->title : _("Coverage of bilateral agreements against international guidance"));
  lead = g_markup_printf_escaped (ngettext ("%u agreement held against %s.", "%u agreements held against %s.",
                                            by_agreement->len),
                                  by_agreement->len, held->str);
  pacta_flow_paragraph (flow, PACTA_FLOW_LEAD, lead);
  prepared = g_markup_printf_escaped (_("Prepared on %s with Pacta %s."), date, PACKAGE_VERSION);
  pacta_flow_paragraph (flow, PACTA_FLOW_MUTED, prepared);
  pacta_flow_space (flow, 24);

  pacta_flow_heading (flow, 2, _("Key points"));

  /* Scores per guideline: the mean, the range. */
  for (guint g = 0; g < by_guideline->len; g++)
    {
      Group *group = g_ptr_array_index (by_guideline, g);
      PactaCoverage *lowest = NULL;
      double sum = 0;
      g_autofree char *mean = NULL;
      g_autofree char *text = NULL;

      for (guint i = 0; i < group->coverages->len; i++)
        {
          PactaCoverage *coverage = g_ptr_array_index (group->coverages, i);
          sum += pacta_coverage_get_score (coverage);
          if (lowest == NULL || pacta_coverage_get_score (coverage) < pacta_coverage_get_score (lowest))
            lowest = coverage;
        }
      mean = percent (sum / group->coverages->len);
      if (group->coverages->len > 1)
        {
          g_autofree char *low = percent (pacta_coverage_get_score (lowest));
          text = g_markup_printf_escaped (_("<b>%s</b>: average score %s across %u agreements; lowest %s (%s)."),
                                          guideline_name (pacta_coverage_get_guideline (lowest)), mean,
                                          group->coverages->len,
                                          pacta_agreement_get_display_title (pacta_coverage_get_agreement (lowest)), low);
        }
      else
        text = g_markup_printf_escaped (_("<b>%s</b>: score %s (%s)."),
                                        guideline_name (pacta_coverage_get_guideline (lowest)), mean,
                                        pacta_agreement_get_display_title (pacta_coverage_get_agreement (lowest)));
      pacta_flow_paragraph (flow, PACTA_FLOW_BULLET, text);
    }

  /* The essential items most often missing or partial. */
  for (guint g = 0; g < by_guideline->len; g++)
    {
      Group *group = g_ptr_array_index (by_guideline, g);
      PactaGuideline *guideline = pacta_coverage_get_guideline (g_ptr_array_index (group->coverages, 0));
      g_autoptr(GPtrArray) items = pacta_guideline_collect_items (guideline);

      for (guint i = 0; i < items->len; i++)
        {
          PactaGuidelineItem *item = g_ptr_array_index (items, i);
          CommonGap gap = { item, guideline, 0, 0, 0 };

          if (pacta_guideline_item_get_level (item) != PACTA_ITEM_LEVEL_ESSENTIAL)
            continue;
          for (guint c = 0; c < group->coverages->len; c++)
            {
              PactaFinding *finding = pacta_coverage_lookup (g_ptr_array_index (group->coverages, c),
                                                             pacta_guideline_item_get_slug (item));
              if (finding == NULL)
                continue;
              gap.checked++;
              if (pacta_finding_get_status (finding) == PACTA_FINDING_STATUS_MISSING)
                gap.missing++;
              else if (pacta_finding_get_status (finding) == PACTA_FINDING_STATUS_PARTIAL)
                gap.partial++;
            }
          if (gap.missing + gap.partial > 0)
            g_ptr_array_add (gaps, g_memdup2 (&gap, sizeof gap));
        }
    }
  g_ptr_array_sort (gaps, compare_gaps);
  for (guint i = 0; i < gaps->len && i < 6; i++)
    {
      CommonGap *gap = g_ptr_array_index (gaps, i);
      g_autofree char *text = NULL;

      if (gap->checked > 1)
        text = g_markup_printf_escaped (_("Essential, missing or partial in %u of %u agreements: <b>%s</b> (%s)."),
                                        gap->missing + gap->partial, gap->checked,
                                        pacta_guideline_item_get_title (gap->item), guideline_name (gap->guideline));
      else
        text = g_markup_printf_escaped (_("Essential and %s: <b>%s</b> (%s)."),
                                        gap->missing ? pacta_chart_status_word (PACTA_FINDING_STATUS_MISSING)
                                                     : pacta_chart_status_word (PACTA_FINDING_STATUS_PARTIAL),
                                        pacta_guideline_item_get_title (gap->item), guideline_name (gap->guideline));
      pacta_flow_paragraph (flow, PACTA_FLOW_BULLET, text);
    }
  if (gaps->len == 0)
    pacta_flow_paragraph (flow, PACTA_FLOW_BULLET, _("Every essential item is covered in every agreement."));

  pacta_flow_heading (flow, 3, _("How to read this briefing"));
  pacta_flow_paragraph (flow, PACTA_FLOW_SMALL,
                        _("Each agreement is held against each guideline item by item. An item is "
                          "<b>● covered</b> when a provision addresses it, <b>◐ partial</b> when a provision only "
                          "touches on it, <b>○ missing</b> when none does, and <b>– not applicable</b> when a reviewer "
                          "set it aside. The score weighs essential items 3, recommended 2 and optional 1; partial "
                          "counts half. Findings come from the agreements' own tags and from automatic matching of "
                          "the guidelines' terms: confirm them against the text before relying on them."));
  pacta_flow_page_break (flow);
}

/* Tables */

/* The date of signature; for a draft, the date in its work identifier
 * ("/akn/xa/bill/blma/2025-02-10/…"), marked as a draft's. As Pango markup. */
static char *
agreement_date (PactaAgreement *agreement)
{
  const char *uri = pacta_agreement_get_work_uri (agreement);
  g_auto(GStrv) parts = NULL;

  if (pacta_agreement_get_date_signed (agreement))
    return g_markup_escape_text (pacta_agreement_get_date_signed (agreement), -1);
  parts = g_strsplit (uri ? uri : "", "/", -1);
  for (guint i = 0; parts[i]; i++)
    if (strlen (parts[i]) == 10 && g_ascii_isdigit (parts[i][0]) && parts[i][4] == '-' && parts[i][7] == '-')
      /* Translators: the date of a draft in the agreements table */
      return g_markup_printf_escaped (_("%s (draft)"), parts[i]);
  if (pacta_agreement_get_year (agreement) > 0)
    return g_strdup_printf ("%d", pacta_agreement_get_year (agreement));
  return g_strdup ("—");
}

static void
add_agreements_table (PactaFlow *flow,
                      GPtrArray *by_agreement)
{
  static const double widths[] = { 0.05, 0.35, 0.18, 0.16, 0.14, 0.12 };
  const char *header[] = { "#", _("Agreement"), _("Kind"), _("Parties"), _("Signed"), _("Status") };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  pacta_flow_heading (flow, 1, _("Agreements covered"));
  for (guint a = 0; a < by_agreement->len; a++)
    {
      Group *group = g_ptr_array_index (by_agreement, a);
      PactaAgreement *agreement = group->key;
      g_autofree char *parties = pacta_agreement_dup_parties_label (agreement);
      char **cells = g_new0 (char *, 7);

      cells[0] = g_strdup_printf ("%u", a + 1);
      cells[1] = g_markup_escape_text (pacta_agreement_get_title (agreement) ? pacta_agreement_get_title (agreement)
                                                                             : pacta_agreement_get_display_title (agreement), -1);
      cells[2] = g_markup_escape_text (pacta_agreement_kind_to_label (pacta_agreement_get_kind (agreement)), -1);
      cells[3] = g_markup_escape_text (parties ? parties : "—", -1);
      cells[4] = agreement_date (agreement);
      cells[5] = g_markup_escape_text (pacta_agreement_status_to_label (pacta_agreement_get_status (agreement)), -1);
      g_ptr_array_add (rows, cells);
    }
  pacta_flow_table (flow, G_N_ELEMENTS (widths), widths, header, rows);
}

static void
add_scores_table (PactaFlow *flow,
                  GPtrArray *by_agreement,
                  GPtrArray *by_guideline)
{
  guint n_columns = 2 + by_guideline->len;
  g_autofree double *widths = g_new (double, n_columns);
  g_autofree const char **header = g_new0 (const char *, n_columns + 1);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  double rest = 0.56 / MAX (1, by_guideline->len);
  /* (0.32 for the agreement, 0.12 for the gaps) */

  pacta_flow_heading (flow, 1, _("Scores"));

  widths[0] = 0.32;
  header[0] = _("Agreement");
  for (guint g = 0; g < by_guideline->len; g++)
    {
      Group *group = g_ptr_array_index (by_guideline, g);
      widths[1 + g] = rest;
      g_ptr_array_add (names, compact_name (pacta_coverage_get_guideline (g_ptr_array_index (group->coverages, 0))));
      header[1 + g] = g_ptr_array_index (names, g);
    }
  widths[n_columns - 1] = 0.12;
  header[n_columns - 1] = _("Essential gaps");

  for (guint a = 0; a < by_agreement->len; a++)
    {
      Group *group = g_ptr_array_index (by_agreement, a);
      char **cells = g_new0 (char *, n_columns + 1);
      guint gaps = 0;

      cells[0] = g_markup_printf_escaped ("%u. %s", a + 1, pacta_agreement_get_display_title (group->key));
      for (guint g = 0; g < by_guideline->len; g++)
        {
          Group *guideline_group = g_ptr_array_index (by_guideline, g);
          PactaCoverage *found = NULL;

          for (guint c = 0; c < group->coverages->len; c++)
            {
              PactaCoverage *coverage = g_ptr_array_index (group->coverages, c);
              if (g_str_equal (pacta_guideline_get_id (pacta_coverage_get_guideline (coverage)), guideline_group->key))
                found = coverage;
            }
          if (found != NULL)
            {
              GListModel *findings = pacta_coverage_get_findings (found);
              g_autofree char *score = percent (pacta_coverage_get_score (found));

              cells[1 + g] = g_markup_printf_escaped ("<b>%s</b>", score);
              for (guint f = 0; f < g_list_model_get_n_items (findings); f++)
                {
                  g_autoptr(PactaFinding) finding = g_list_model_get_item (findings, f);
                  if (is_gap (finding) &&
                      pacta_guideline_item_get_level (pacta_finding_get_item (finding)) == PACTA_ITEM_LEVEL_ESSENTIAL)
                    gaps++;
                }
            }
          else
            cells[1 + g] = g_strdup ("—");
        }
      cells[n_columns - 1] = g_strdup_printf ("%u", gaps);
      g_ptr_array_add (rows, cells);
    }
  pacta_flow_table (flow, n_columns, widths, header, rows);
  pacta_flow_paragraph (flow, PACTA_FLOW_MUTED,
                        _("Weighted score per agreement and guideline (essential items weigh 3, recommended 2, "
                          "optional 1; partial counts half), and the number of essential items missing or partial. "
                          "A dash: the agreement was not held against that guideline."));
}

/* Charts */

/* A chart across the column, as tall as it needs (at most @height at chart scale), with its
 * one-line reading (or @caption) under it. */
static void
add_chart (PactaFlow      *flow,
           PactaChartType  type,
           PactaChartData *data,
           const char     *subtitle,
           const char     *caption,
           double          height)
{
  g_autoptr(PactaChart) chart = pacta_chart_new (type, data);
  g_autofree char *reading = NULL;
  g_autofree char *escaped = NULL;
  PactaChartOptions options;
  double scale = pacta_flow_content_width (flow) / CHART_WIDTH;

  pacta_chart_options_init (&options);
  options.subtitle = subtitle;
  pacta_chart_set_options (chart, &options);
  height = MIN (height, (pacta_flow_content_height (flow) - 40) / scale);
  height = pacta_chart_measure_height (chart, CHART_WIDTH, height);
  pacta_flow_chart (flow, chart, CHART_WIDTH, height * scale);
  reading = caption ? g_strdup (caption) : pacta_chart_dup_reading (chart);
  escaped = g_markup_escape_text (reading, -1);
  pacta_flow_paragraph (flow, PACTA_FLOW_MUTED, escaped);
  pacta_flow_space (flow, 10);
}

static void
add_charts (PactaFlow *flow,
            GPtrArray *by_agreement,
            GPtrArray *by_guideline)
{
  pacta_flow_heading (flow, 1, _("Charts"));

  /* Every agreement on one time line, each scored against its first guideline. */
  {
    g_autoptr(GPtrArray) firsts = g_ptr_array_new ();
    g_autoptr(PactaChartData) data = NULL;

    for (guint a = 0; a < by_agreement->len; a++)
      g_ptr_array_add (firsts, g_ptr_array_index (((Group *) g_ptr_array_index (by_agreement, a))->coverages, 0));
    data = pacta_chart_data_new_from_coverages ((PactaCoverage * const *) firsts->pdata, firsts->len);
    add_chart (flow, PACTA_CHART_TIMELINE, data,
               by_guideline->len > 1 ? _("Each agreement scored against its first guideline") : NULL, NULL,
               CLAMP (170 + 26 * firsts->len, 300, 1000));
  }

  for (guint g = 0; g < by_guideline->len; g++)
    {
      Group *group = g_ptr_array_index (by_guideline, g);
      PactaGuideline *guideline = pacta_coverage_get_guideline (g_ptr_array_index (group->coverages, 0));
      g_autoptr(PactaChartData) data = pacta_chart_data_new_from_coverages ((PactaCoverage * const *) group->coverages->pdata,
                                                                           group->coverages->len);
      guint n_items = pacta_guideline_get_n_items (guideline);

      pacta_flow_heading (flow, 2, guideline_name (guideline));
      if (n_items >= 3 && n_items <= 12 && group->coverages->len <= 8)
        add_chart (flow, PACTA_CHART_RADAR, data, NULL, NULL, 540 + 22 * ((group->coverages->len + 1) / 2));
      else
        add_chart (flow, PACTA_CHART_BARS, data, NULL, NULL, 170 + 40 * pacta_chart_data_get_n_categories (data));

      if (group->coverages->len >= 2)
        {
          /* Items down the page, agreements across: long checklists read on portrait pages. */
          g_autoptr(PactaChartData) transposed = pacta_chart_data_transpose (data);
          g_autoptr(PactaChart) original = pacta_chart_new (PACTA_CHART_HEATMAP, data);
          g_autofree char *caption = pacta_chart_dup_reading (original);
          g_autofree char *subtitle = g_strdup_printf (_("%s · items down, agreements across; right: share of agreements covering the item"),
                                                       guideline_name (guideline));
          double longest = 0;

          for (guint a = 0; a < group->coverages->len; a++)
            longest = MAX (longest, g_utf8_strlen (pacta_agreement_get_display_title (
                                                     pacta_coverage_get_agreement (g_ptr_array_index (group->coverages, a))), -1));
          add_chart (flow, PACTA_CHART_HEATMAP, transposed, subtitle, caption,
                     140 + MIN (230, longest * 6.2) + 22 * n_items);
        }
    }
}

/* Gaps, agreement by agreement */

static gsize
snap_back (const char *text,
           gsize       pos)
{
  while (pos > 0 && ((guchar) text[pos] & 0xc0) == 0x80)
    pos--;
  return pos;
}

/* Up to EXCERPT bytes of @text around its first matched word, matched words in bold, as
 * Pango markup. */
static char *
excerpt_markup (const char *text,
                GArray     *spans)
{
  gsize len = strlen (text), start = 0, end, pos;
  GString *out = g_string_new (NULL);
  g_autofree char *flat = g_strdup (text);

  for (char *p = flat; *p; p++)
    if (*p == '\n' || *p == '\t')
      *p = ' ';

  if (spans->len > 0)
    {
      PactaSpan *first = &g_array_index (spans, PactaSpan, 0);
      start = first->start > EXCERPT / 3 ? first->start - EXCERPT / 3 : 0;
    }
  start = snap_back (flat, start);
  if (start > 0)
    {
      /* Begin at a word. */
      const char *space = strchr (flat + start, ' ');
      if (space && (gsize) (space - flat) < start + 30)
        start = space - flat + 1;
    }
  end = MIN (len, start + EXCERPT);
  end = snap_back (flat, end);
  if (end < len)
    {
      gsize e = end;
      while (e > start + EXCERPT / 2 && flat[e] != ' ')
        e--;
      if (flat[e] == ' ')
        end = e;
    }

  if (start > 0)
    g_string_append (out, "…");
  pos = start;
  for (guint i = 0; i < spans->len; i++)
    {
      PactaSpan *span = &g_array_index (spans, PactaSpan, i);
      g_autofree char *before = NULL;
      g_autofree char *word = NULL;

      if (span->start < pos || span->start + span->length > end)
        continue;
      before = g_markup_escape_text (flat + pos, span->start - pos);
      word = g_markup_escape_text (flat + span->start, span->length);
      g_string_append_printf (out, "%s<b>%s</b>", before, word);
      pos = span->start + span->length;
    }
  {
    g_autofree char *rest = g_markup_escape_text (flat + pos, end - pos);
    g_string_append (out, rest);
  }
  if (end < len)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

static void
add_evidence (PactaReport    *self,
              PactaFlow      *flow,
              PactaAgreement *agreement,
              PactaFinding   *finding)
{
  GPtrArray *evidence = pacta_finding_get_evidence (finding);

  if (evidence->len == 0)
    {
      pacta_flow_paragraph (flow, PACTA_FLOW_QUOTE, _("<b>Evidence.</b> No provision addresses it."));
      return;
    }
  for (guint e = 0; e < evidence->len && e < 2; e++)
    {
      PactaEvidence *ev = g_ptr_array_index (evidence, e);
      PactaProvision *provision = pacta_agreement_lookup_eid (agreement, ev->eid);
      g_autofree char *label = NULL;
      g_autofree char *text = NULL;
      g_autofree char *excerpt = NULL;
      g_autofree char *escaped_label = NULL;
      g_autofree char *markup = NULL;
      g_autoptr(GArray) spans = NULL;

      if (provision == NULL)
        continue;
      label = pacta_provision_dup_label (provision);
      text = pacta_provision_dup_full_text (provision);
      spans = pacta_matcher_find_spans (self->matcher, pacta_matcher_language_of (agreement), text,
                                        (const char * const *) ev->terms);
      excerpt = excerpt_markup (text, spans);
      escaped_label = g_markup_escape_text (label, -1);
      markup = g_strdup_printf ("%s %s: “%s”", e == 0 ? _("<b>Evidence.</b>") : _("<b>Also.</b>"), escaped_label, excerpt);
      pacta_flow_paragraph (flow, PACTA_FLOW_QUOTE, markup);
    }
}

static void
add_gaps (PactaReport *self,
          PactaFlow   *flow,
          GPtrArray   *by_agreement)
{
  pacta_flow_heading (flow, 1, _("Gaps, agreement by agreement"));
  pacta_flow_paragraph (flow, PACTA_FLOW_BODY,
                        _("For each agreement, the essential items that are missing or only partly there: what the "
                          "guideline asks, the wording it proposes, and the agreement's closest words."));

  for (guint a = 0; a < by_agreement->len; a++)
    {
      Group *group = g_ptr_array_index (by_agreement, a);
      PactaAgreement *agreement = group->key;
      g_autofree char *heading = g_strdup_printf ("%u. %s", a + 1, pacta_agreement_get_display_title (agreement));
      g_autofree char *parties = pacta_agreement_dup_parties_label (agreement);
      g_autofree char *date = agreement_date (agreement);
      g_autofree char *meta = NULL;

      pacta_flow_heading (flow, 2, heading);
      meta = g_markup_printf_escaped ("%s · %s · %s · %s", pacta_agreement_kind_to_label (pacta_agreement_get_kind (agreement)),
                                      parties ? parties : "—",
                                      pacta_agreement_status_to_label (pacta_agreement_get_status (agreement)),
                                      pacta_agreement_get_path (agreement) ? pacta_agreement_get_path (agreement) : "");
      pacta_flow_paragraph (flow, PACTA_FLOW_MUTED, meta);

      for (guint c = 0; c < group->coverages->len; c++)
        {
          PactaCoverage *coverage = g_ptr_array_index (group->coverages, c);
          PactaGuideline *guideline = pacta_coverage_get_guideline (coverage);
          PactaCoverageCounts counts = pacta_coverage_get_counts (coverage);
          GListModel *findings = pacta_coverage_get_findings (coverage);
          g_autofree char *score = percent (pacta_coverage_get_score (coverage));
          g_autofree char *count_text = pacta_chart_describe_counts (&counts);
          g_autofree char *subheading = g_strdup_printf (_("%s — score %s"), guideline_name (guideline), score);
          g_autofree char *summary = g_markup_escape_text (count_text, -1);
          g_autoptr(GString) others = g_string_new (NULL);
          guint shown = 0;

          pacta_flow_heading (flow, 3, subheading);
          pacta_flow_paragraph (flow, PACTA_FLOW_MUTED, summary);

          /* Missing first, then partial: the gap is the message. */
          for (int pass = 0; pass < 2; pass++)
            for (guint f = 0; f < g_list_model_get_n_items (findings); f++)
              {
                g_autoptr(PactaFinding) finding = g_list_model_get_item (findings, f);
                PactaGuidelineItem *item = pacta_finding_get_item (finding);
                PactaFindingStatus status = pacta_finding_get_status (finding);
                g_autofree char *title = NULL;
                g_autofree char *guidance = NULL;
                g_autofree char *cite = NULL;

                if (status != (pass == 0 ? PACTA_FINDING_STATUS_MISSING : PACTA_FINDING_STATUS_PARTIAL))
                  continue;
                if (pacta_guideline_item_get_level (item) != PACTA_ITEM_LEVEL_ESSENTIAL)
                  {
                    g_string_append_printf (others, "%s%s (%s)", others->len ? ", " : "",
                                            pacta_guideline_item_get_title (item), pacta_chart_status_word (status));
                    continue;
                  }
                shown++;
                title = g_markup_printf_escaped ("%s %s — %s", pacta_finding_status_to_mark (status),
                                                 pacta_finding_status_to_label (status), pacta_guideline_item_get_title (item));
                pacta_flow_paragraph (flow, PACTA_FLOW_ITEM, title);
                if (pacta_guideline_item_get_cite (item))
                  {
                    cite = g_markup_escape_text (pacta_guideline_item_get_cite (item), -1);
                    pacta_flow_paragraph (flow, PACTA_FLOW_MUTED, cite);
                  }
                if (pacta_guideline_item_get_guidance (item))
                  {
                    guidance = g_markup_printf_escaped ("<b>%s</b> %s", _("Guidance."), pacta_guideline_item_get_guidance (item));
                    pacta_flow_paragraph (flow, PACTA_FLOW_BODY, guidance);
                  }
                if (pacta_guideline_item_get_model (item))
                  {
                    g_autofree char *model = g_markup_printf_escaped ("<b>%s</b> %s", _("Model wording."),
                                                                      pacta_guideline_item_get_model (item));
                    pacta_flow_paragraph (flow, PACTA_FLOW_QUOTE, model);
                  }
                add_evidence (self, flow, agreement, finding);
              }
          if (shown == 0)
            pacta_flow_paragraph (flow, PACTA_FLOW_BODY, _("Every essential item is covered."));
          if (others->len > 0)
            {
              g_autofree char *text = g_markup_printf_escaped (_("Also missing or partial (recommended or optional items): %s."),
                                                               others->str);
              pacta_flow_paragraph (flow, PACTA_FLOW_MUTED, text);
            }
        }
    }
}

/* Renders the briefing. Returns: (transfer full): the PDF file's bytes */
GBytes *
pacta_report_render (PactaReport  *self,
                     guint        *n_pages,
                     GError      **error)
{
  g_autoptr(PactaFlow) flow = NULL;
  g_autoptr(GPtrArray) by_agreement = NULL;
  g_autoptr(GPtrArray) by_guideline = NULL;
  const char *title;

  g_return_val_if_fail (PACTA_IS_REPORT (self), NULL);

  if (self->coverages->len == 0)
    {
      g_set_error (error, PACTA_ERROR, PACTA_ERROR_EMPTY, _("a briefing needs at least one agreement"));
      return NULL;
    }

  by_agreement = group_by (self->coverages, TRUE);
  by_guideline = group_by (self->coverages, FALSE);
  title = self->title ? self->title : _("Coverage of bilateral agreements against international guidance");

  flow = pacta_flow_new (self->paper);
  pacta_flow_set_footer (flow, title);
  add_title_page (self, flow, by_agreement, by_guideline);
  add_agreements_table (flow, by_agreement);
  add_scores_table (flow, by_agreement, by_guideline);
  add_charts (flow, by_agreement, by_guideline);
  pacta_flow_page_break (flow);
  add_gaps (self, flow, by_agreement);

  return pacta_flow_render_pdf (flow, title, n_pages, error);
}

/* Writes the briefing to @path, whole or not at all. */
gboolean
pacta_report_write (PactaReport  *self,
                    const char   *path,
                    guint        *n_pages,
                    GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (PACTA_IS_REPORT (self), FALSE);

  if (!pacta_output_check_writable (path, error))
    return FALSE;
  bytes = pacta_report_render (self, n_pages, error);
  if (bytes == NULL)
    return FALSE;
  return pacta_output_write (path, bytes, error);
}
