/* pacta-chart-data.c — what a chart shows: agreements × items of one guideline, as numbers
 *
 * A snapshot of coverages taken when a chart is made: the painters read plain arrays, never
 * walk model objects while drawing, and tests can build any shape of data (500 agreements,
 * 80 items with long titles) without loading files. Scores are weighted exactly as
 * PactaCoverage weighs them (essential 3, recommended 2, optional 1; partial counts half).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-chart"

#include "config.h"

#include <string.h>

#include "pacta-chart-data.h"

struct _PactaChartData
{
  gatomicrefcount  ref_count;
  char            *guideline_id;
  char            *guideline_title;
  GArray          *categories;   /* PactaChartCategory */
  GArray          *items;        /* PactaChartItem */
  GArray          *rows;         /* PactaChartRow */
  GByteArray      *statuses;     /* n_rows × n_items, gint8 */
};

G_DEFINE_BOXED_TYPE (PactaChartData, pacta_chart_data, pacta_chart_data_ref, pacta_chart_data_unref)

static void
category_clear (gpointer data)
{
  PactaChartCategory *category = data;

  g_free (category->id);
  g_free (category->title);
}

static void
item_clear (gpointer data)
{
  PactaChartItem *item = data;

  g_free (item->slug);
  g_free (item->title);
}

static void
row_clear (gpointer data)
{
  PactaChartRow *row = data;

  g_free (row->title);
  g_clear_object (&row->coverage);
}

PactaChartData *
pacta_chart_data_new (const char *guideline_id,
                      const char *guideline_title)
{
  PactaChartData *data = g_new0 (PactaChartData, 1);

  g_atomic_ref_count_init (&data->ref_count);
  data->guideline_id = g_strdup (guideline_id);
  data->guideline_title = g_strdup (guideline_title);
  data->categories = g_array_new (FALSE, TRUE, sizeof (PactaChartCategory));
  g_array_set_clear_func (data->categories, category_clear);
  data->items = g_array_new (FALSE, TRUE, sizeof (PactaChartItem));
  g_array_set_clear_func (data->items, item_clear);
  data->rows = g_array_new (FALSE, TRUE, sizeof (PactaChartRow));
  g_array_set_clear_func (data->rows, row_clear);
  data->statuses = g_byte_array_new ();
  return data;
}

/* The year of signature; for a draft, the year of its work date ("/akn/xa/bill/blma/2025-02-10/…"). */
static int
agreement_year (PactaAgreement *agreement)
{
  int year = pacta_agreement_get_year (agreement);
  const char *uri = pacta_agreement_get_work_uri (agreement);
  g_auto(GStrv) parts = NULL;

  if (year > 0 || uri == NULL)
    return year;
  parts = g_strsplit (uri, "/", -1);
  for (guint i = 0; parts[i]; i++)
    if (strlen (parts[i]) >= 10 && g_ascii_isdigit (parts[i][0]) && parts[i][4] == '-' && parts[i][7] == '-')
      return (int) g_ascii_strtoll (parts[i], NULL, 10);
  return 0;
}

/* One row per coverage, items from the first coverage's guideline (looked up by slug in the
 * others: a coverage of another guideline gives PACTA_CHART_STATUS_NONE cells). */
PactaChartData *
pacta_chart_data_new_from_coverages (PactaCoverage * const *coverages,
                                     guint                 n_coverages)
{
  PactaChartData *data;
  PactaGuideline *guideline;
  GListModel *categories;
  g_autofree gint8 *statuses = NULL;

  g_return_val_if_fail (n_coverages > 0, NULL);
  g_return_val_if_fail (PACTA_IS_COVERAGE (coverages[0]), NULL);

  guideline = pacta_coverage_get_guideline (coverages[0]);
  data = pacta_chart_data_new (pacta_guideline_get_id (guideline),
                               pacta_guideline_get_short_title (guideline)
                                 ? pacta_guideline_get_short_title (guideline)
                                 : pacta_guideline_get_title (guideline));
  categories = pacta_guideline_get_categories (guideline);
  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      g_autoptr(PactaGuidelineCategory) category = g_list_model_get_item (categories, c);
      GListModel *items = pacta_guideline_category_get_items (category);
      guint index = pacta_chart_data_add_category (data, pacta_guideline_category_get_id (category),
                                                   pacta_guideline_category_get_title (category));

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(PactaGuidelineItem) item = g_list_model_get_item (items, i);

          pacta_chart_data_add_item (data, pacta_guideline_item_get_slug (item),
                                     pacta_guideline_item_get_title (item), index,
                                     pacta_guideline_item_get_level (item));
        }
    }

  statuses = g_new (gint8, MAX (1, data->items->len));
  for (guint r = 0; r < n_coverages; r++)
    {
      PactaCoverage *coverage = coverages[r];
      PactaAgreement *agreement;
      PactaChartRow *row;
      guint index;

      g_return_val_if_fail (PACTA_IS_COVERAGE (coverage), data);
      agreement = pacta_coverage_get_agreement (coverage);
      for (guint i = 0; i < data->items->len; i++)
        {
          PactaFinding *finding = pacta_coverage_lookup (coverage, g_array_index (data->items, PactaChartItem, i).slug);
          statuses[i] = finding ? (gint8) pacta_finding_get_status (finding) : PACTA_CHART_STATUS_NONE;
        }
      index = pacta_chart_data_add_row (data, pacta_agreement_get_display_title (agreement),
                                        agreement_year (agreement), statuses);
      row = &g_array_index (data->rows, PactaChartRow, index);
      row->coverage = g_object_ref (coverage);
      /* The coverage's own figures: the same when it is of this guideline, and still right
       * for a row of another guideline (a timeline of agreements of several kinds). */
      row->score = pacta_coverage_get_score (coverage);
      row->counts = pacta_coverage_get_counts (coverage);
    }
  return data;
}

PactaChartData *
pacta_chart_data_ref (PactaChartData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_atomic_ref_count_inc (&data->ref_count);
  return data;
}

void
pacta_chart_data_unref (PactaChartData *data)
{
  g_return_if_fail (data != NULL);
  if (!g_atomic_ref_count_dec (&data->ref_count))
    return;
  g_free (data->guideline_id);
  g_free (data->guideline_title);
  g_array_unref (data->categories);
  g_array_unref (data->items);
  g_array_unref (data->rows);
  g_byte_array_unref (data->statuses);
  g_free (data);
}

guint
pacta_chart_data_add_category (PactaChartData *data,
                               const char     *id,
                               const char     *title)
{
  PactaChartCategory category = { g_strdup (id), g_strdup (title ? title : id) };

  g_return_val_if_fail (data != NULL, 0);
  g_array_append_val (data->categories, category);
  return data->categories->len - 1;
}

/* Items come before rows: a row holds one status per item. */
guint
pacta_chart_data_add_item (PactaChartData *data,
                           const char     *slug,
                           const char     *title,
                           guint           category,
                           PactaItemLevel  level)
{
  PactaChartItem item = { g_strdup (slug), g_strdup (title ? title : slug), category, level };

  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (data->rows->len == 0, 0);
  g_return_val_if_fail (category < data->categories->len, 0);
  g_array_append_val (data->items, item);
  return data->items->len - 1;
}

static double
level_weight (PactaItemLevel level)
{
  switch (level)
    {
    case PACTA_ITEM_LEVEL_ESSENTIAL:
      return 3.0;
    case PACTA_ITEM_LEVEL_RECOMMENDED:
      return 2.0;
    case PACTA_ITEM_LEVEL_OPTIONAL:
    default:
      return 1.0;
    }
}

/* @statuses: one PactaFindingStatus (or PACTA_CHART_STATUS_NONE) per item */
guint
pacta_chart_data_add_row (PactaChartData *data,
                          const char     *title,
                          int             year,
                          const gint8    *statuses)
{
  PactaChartRow row = { 0 };
  double got = 0, possible = 0;

  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (statuses != NULL || data->items->len == 0, 0);

  row.title = g_strdup (title ? title : "");
  row.year = year;
  for (guint i = 0; i < data->items->len; i++)
    {
      double weight = level_weight (g_array_index (data->items, PactaChartItem, i).level);

      switch (statuses[i])
        {
        case PACTA_FINDING_STATUS_COVERED:
          row.counts.covered++;
          got += weight;
          possible += weight;
          break;
        case PACTA_FINDING_STATUS_PARTIAL:
          row.counts.partial++;
          got += weight / 2;
          possible += weight;
          break;
        case PACTA_FINDING_STATUS_MISSING:
          row.counts.missing++;
          possible += weight;
          break;
        case PACTA_FINDING_STATUS_NOT_APPLICABLE:
          row.counts.not_applicable++;
          break;
        default:
          break;
        }
    }
  row.score = possible > 0 ? got / possible : 0.0;
  g_byte_array_append (data->statuses, (const guint8 *) statuses, data->items->len);
  g_array_append_val (data->rows, row);
  return data->rows->len - 1;
}

const char *
pacta_chart_data_get_guideline_id (const PactaChartData *data)
{
  return data->guideline_id;
}

const char *
pacta_chart_data_get_guideline_title (const PactaChartData *data)
{
  return data->guideline_title;
}

guint
pacta_chart_data_get_n_categories (const PactaChartData *data)
{
  return data->categories->len;
}

guint
pacta_chart_data_get_n_items (const PactaChartData *data)
{
  return data->items->len;
}

guint
pacta_chart_data_get_n_rows (const PactaChartData *data)
{
  return data->rows->len;
}

const PactaChartCategory *
pacta_chart_data_get_category (const PactaChartData *data,
                               guint                 index)
{
  g_return_val_if_fail (index < data->categories->len, NULL);
  return &g_array_index (data->categories, PactaChartCategory, index);
}

const PactaChartItem *
pacta_chart_data_get_item (const PactaChartData *data,
                           guint                 index)
{
  g_return_val_if_fail (index < data->items->len, NULL);
  return &g_array_index (data->items, PactaChartItem, index);
}

const PactaChartRow *
pacta_chart_data_get_row (const PactaChartData *data,
                          guint                 index)
{
  g_return_val_if_fail (index < data->rows->len, NULL);
  return &g_array_index (data->rows, PactaChartRow, index);
}

int
pacta_chart_data_get_status (const PactaChartData *data,
                             guint                 row,
                             guint                 item)
{
  g_return_val_if_fail (row < data->rows->len && item < data->items->len, PACTA_CHART_STATUS_NONE);
  return ((const gint8 *) data->statuses->data)[row * data->items->len + item];
}

/* Returns: (transfer none): the row's statuses, one per item */
const gint8 *
pacta_chart_data_get_statuses (const PactaChartData *data,
                               guint                 row)
{
  g_return_val_if_fail (row < data->rows->len, NULL);
  return (const gint8 *) data->statuses->data + row * data->items->len;
}

/* Counts a row's statuses over one category, or all items when @category is -1. */
void
pacta_chart_data_count (const PactaChartData *data,
                        guint                 row,
                        int                   category,
                        PactaCoverageCounts  *counts)
{
  const gint8 *statuses = pacta_chart_data_get_statuses (data, row);

  memset (counts, 0, sizeof *counts);
  for (guint i = 0; statuses && i < data->items->len; i++)
    {
      if (category >= 0 && g_array_index (data->items, PactaChartItem, i).category != (guint) category)
        continue;
      switch (statuses[i])
        {
        case PACTA_FINDING_STATUS_COVERED:
          counts->covered++;
          break;
        case PACTA_FINDING_STATUS_PARTIAL:
          counts->partial++;
          break;
        case PACTA_FINDING_STATUS_MISSING:
          counts->missing++;
          break;
        case PACTA_FINDING_STATUS_NOT_APPLICABLE:
          counts->not_applicable++;
          break;
        default:
          break;
        }
    }
}

/* A status as a number: covered 1, partial ½, missing 0; -1 for not applicable or none. */
double
pacta_chart_status_value (int status)
{
  switch (status)
    {
    case PACTA_FINDING_STATUS_COVERED:
      return 1.0;
    case PACTA_FINDING_STATUS_PARTIAL:
      return 0.5;
    case PACTA_FINDING_STATUS_MISSING:
      return 0.0;
    default:
      return -1.0;
    }
}

/* How far the rows cover an item, 0 … 1 (partial counts half), over the rows where it
 * applies; @n_missing receives the number of rows where it is missing. */
double
pacta_chart_data_item_share (const PactaChartData *data,
                             guint                 item,
                             guint                *n_missing)
{
  double sum = 0;
  guint n = 0, missing = 0;

  g_return_val_if_fail (item < data->items->len, 0.0);
  for (guint r = 0; r < data->rows->len; r++)
    {
      double v = pacta_chart_status_value (pacta_chart_data_get_status (data, r, item));

      if (v < 0)
        continue;
      sum += v;
      n++;
      if (v == 0.0)
        missing++;
    }
  if (n_missing)
    *n_missing = missing;
  return n > 0 ? sum / n : 0.0;
}

/* Items as rows and rows as items: the heatmap with items down the page (for portrait
 * pages and long checklists). A transposed row's score is the item's share covered across
 * the agreements; items of the result all weigh the same. */
PactaChartData *
pacta_chart_data_transpose (const PactaChartData *data)
{
  PactaChartData *out = pacta_chart_data_new (data->guideline_id, data->guideline_title);
  g_autofree gint8 *statuses = g_new (gint8, MAX (1, data->rows->len));
  guint category = pacta_chart_data_add_category (out, "agreements", NULL);

  for (guint r = 0; r < data->rows->len; r++)
    pacta_chart_data_add_item (out, NULL, g_array_index (data->rows, PactaChartRow, r).title, category,
                               PACTA_ITEM_LEVEL_ESSENTIAL);
  for (guint i = 0; i < data->items->len; i++)
    {
      const PactaChartItem *item = &g_array_index (data->items, PactaChartItem, i);

      for (guint r = 0; r < data->rows->len; r++)
        statuses[r] = (gint8) pacta_chart_data_get_status (data, r, i);
      pacta_chart_data_add_row (out, item->title, 0, statuses);
    }
  return out;
}
