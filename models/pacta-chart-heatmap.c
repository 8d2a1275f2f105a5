/* pacta-chart-heatmap.c — a corpus at a glance: agreements × items, one cell per finding
 *
 * Rows are agreements, columns the guideline's items, each cell the finding's status (colour
 * and texture). Rows sort by name, score, year or by similarity (average-linkage
 * agglomerative clustering, leaves in dendrogram order); columns by name, share covered or
 * similarity. Labels never overlap: wide columns get wrapped titles, narrower ones titles
 * turned 45° or 90° in a smaller size, and where even that does not fit only every k-th
 * row or column is named (the tooltip names every cell). Titles too long for their room end
 * with an ellipsis.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pacta-chart-heatmap.h"
#include "pacta-chart-marks.h"

#define MIN_FONT 8.5     /* the smallest label size, in pixels at scale 1 */
#define MAX_CELL 120.0   /* cells grow no wider than this … */
#define MAX_ROW  34.0    /* … nor taller than this */

/* Ordering */

typedef struct
{
  const PactaChartData *data;
  PactaChartOrder       order;
  gboolean              reverse;
  const double         *shares;
} SortContext;

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const SortContext *ctx = user_data;
  const PactaChartRow *ra = pacta_chart_data_get_row (ctx->data, *(const guint *) a);
  const PactaChartRow *rb = pacta_chart_data_get_row (ctx->data, *(const guint *) b);
  int cmp = 0;

  switch (ctx->order)
    {
    case PACTA_CHART_ORDER_SCORE:
      cmp = ra->score > rb->score ? -1 : ra->score < rb->score ? 1 : 0;  /* best first */
      break;
    case PACTA_CHART_ORDER_YEAR:
      cmp = ra->year - rb->year;
      break;
    case PACTA_CHART_ORDER_NAME:
    case PACTA_CHART_ORDER_INPUT:
    case PACTA_CHART_ORDER_CLUSTER:
    default:
      break;
    }
  if (cmp == 0 && ctx->order != PACTA_CHART_ORDER_INPUT)
    cmp = g_utf8_collate (ra->title, rb->title);
  if (cmp == 0)
    cmp = (int) *(const guint *) a - (int) *(const guint *) b;
  return ctx->reverse ? -cmp : cmp;
}

static int
compare_columns (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const SortContext *ctx = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  int cmp = 0;

  switch (ctx->order)
    {
    case PACTA_CHART_ORDER_SCORE:
      cmp = ctx->shares[ia] > ctx->shares[ib] ? -1 : ctx->shares[ia] < ctx->shares[ib] ? 1 : 0;
      break;
    case PACTA_CHART_ORDER_NAME:
      cmp = g_utf8_collate (pacta_chart_data_get_item (ctx->data, ia)->title,
                            pacta_chart_data_get_item (ctx->data, ib)->title);
      break;
    case PACTA_CHART_ORDER_INPUT:
    case PACTA_CHART_ORDER_YEAR:
    case PACTA_CHART_ORDER_CLUSTER:
    default:
      break;
    }
  if (cmp == 0)
    cmp = (int) ia - (int) ib;
  return ctx->reverse ? -cmp : cmp;
}

/* Mean absolute difference over the dimensions both vectors have (NAN: no value). */
static double
vector_distance (const double *a,
                 const double *b,
                 guint         dimensions)
{
  double sum = 0;
  guint n = 0;

  for (guint d = 0; d < dimensions; d++)
    if (!isnan (a[d]) && !isnan (b[d]))
      {
        sum += fabs (a[d] - b[d]);
        n++;
      }
  return n > 0 ? sum / n : 1.0;
}

typedef struct
{
  int left;    /* node indices; leaves are 0 … n-1 */
  int right;
} Merge;

static void
collect_leaves (const Merge *merges,
                guint        n,
                int          node,
                guint       *out,
                guint       *len)
{
  /* Iterative, so a chain of 500 merges cannot exhaust the stack. */
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));

  g_array_append_val (stack, node);
  while (stack->len > 0)
    {
      int top = g_array_index (stack, int, stack->len - 1);

      g_array_set_size (stack, stack->len - 1);
      if (top < (int) n)
        {
          out[(*len)++] = (guint) top;
          continue;
        }
      g_array_append_val (stack, merges[top - n].right);
      g_array_append_val (stack, merges[top - n].left);
    }
}

/* Average-linkage agglomerative clustering of @n vectors; returns the leaves in dendrogram
 * order, so similar vectors end up next to each other. O(n²) memory, O(n³) time in the
 * worst case: fine for the few hundred agreements of a corpus. */
guint *
pacta_chart_cluster_order (const double *vectors,
                           guint         n,
                           guint         dimensions)
{
  guint *order = g_new (guint, MAX (1, n));
  g_autofree double *dist = NULL;
  g_autofree int *node = NULL;
  g_autofree guint *size = NULL;
  g_autofree gboolean *active = NULL;
  g_autofree Merge *merges = NULL;
  guint len = 0;
  int root = 0;

  if (n <= 2)
    {
      for (guint i = 0; i < n; i++)
        order[i] = i;
      return order;
    }

  dist = g_new (double, (gsize) n * n);
  node = g_new (int, n);
  size = g_new (guint, n);
  active = g_new (gboolean, n);
  merges = g_new (Merge, n - 1);
  for (guint i = 0; i < n; i++)
    {
      node[i] = (int) i;
      size[i] = 1;
      active[i] = TRUE;
      dist[(gsize) i * n + i] = 0;
      for (guint j = i + 1; j < n; j++)
        dist[(gsize) i * n + j] = dist[(gsize) j * n + i] =
          vector_distance (vectors + (gsize) i * dimensions, vectors + (gsize) j * dimensions, dimensions);
    }

  for (guint m = 0; m < n - 1; m++)
    {
      double best = G_MAXDOUBLE;
      guint bi = 0, bj = 0;

      for (guint i = 0; i < n; i++)
        {
          const double *row = dist + (gsize) i * n;

          if (!active[i])
            continue;
          for (guint j = i + 1; j < n; j++)
            if (active[j] && row[j] < best)
              {
                best = row[j];
                bi = i;
                bj = j;
              }
        }

      merges[m].left = node[bi];
      merges[m].right = node[bj];
      for (guint k = 0; k < n; k++)
        if (active[k] && k != bi && k != bj)
          {
            double d = (size[bi] * dist[(gsize) bi * n + k] + size[bj] * dist[(gsize) bj * n + k]) / (size[bi] + size[bj]);
            dist[(gsize) bi * n + k] = dist[(gsize) k * n + bi] = d;
          }
      size[bi] += size[bj];
      active[bj] = FALSE;
      node[bi] = (int) (n + m);
      root = node[bi];
    }

  collect_leaves (merges, n, root, order, &len);
  g_assert (len == n);
  return order;
}

/* The row and column order the options ask for; free both with g_free(). */
void
pacta_heatmap_order (const PactaChartData    *data,
                     const PactaChartOptions *options,
                     guint                  **row_order,
                     guint                  **column_order)
{
  guint n_rows = pacta_chart_data_get_n_rows (data);
  guint n_items = pacta_chart_data_get_n_items (data);
  PactaChartOrder rows_by = options ? options->row_order : PACTA_CHART_ORDER_INPUT;
  PactaChartOrder columns_by = options ? options->column_order : PACTA_CHART_ORDER_INPUT;
  gboolean reverse = options ? options->reverse : FALSE;
  g_autofree double *shares = g_new0 (double, MAX (1, n_items));
  SortContext ctx = { data, rows_by, reverse, shares };

  for (guint i = 0; i < n_items; i++)
    shares[i] = pacta_chart_data_item_share (data, i, NULL);

  if (rows_by == PACTA_CHART_ORDER_CLUSTER)
    {
      g_autofree double *vectors = g_new (double, MAX (1, (gsize) n_rows * n_items));

      for (guint r = 0; r < n_rows; r++)
        for (guint i = 0; i < n_items; i++)
          {
            double v = pacta_chart_status_value (pacta_chart_data_get_status (data, r, i));
            vectors[(gsize) r * n_items + i] = v < 0 ? NAN : v;
          }
      *row_order = pacta_chart_cluster_order (vectors, n_rows, n_items);
      if (reverse)
        for (guint i = 0; i < n_rows / 2; i++)
          {
            guint t = (*row_order)[i];
            (*row_order)[i] = (*row_order)[n_rows - 1 - i];
            (*row_order)[n_rows - 1 - i] = t;
          }
    }
  else
    {
      *row_order = g_new (guint, MAX (1, n_rows));
      for (guint r = 0; r < n_rows; r++)
        (*row_order)[r] = r;
      if (rows_by != PACTA_CHART_ORDER_INPUT || reverse)
        g_qsort_with_data (*row_order, n_rows, sizeof (guint), compare_rows, &ctx);
    }

  ctx.order = columns_by;
  if (columns_by == PACTA_CHART_ORDER_CLUSTER)
    {
      g_autofree double *vectors = g_new (double, MAX (1, (gsize) n_rows * n_items));

      for (guint i = 0; i < n_items; i++)
        for (guint r = 0; r < n_rows; r++)
          {
            double v = pacta_chart_status_value (pacta_chart_data_get_status (data, r, i));
            vectors[(gsize) i * n_rows + r] = v < 0 ? NAN : v;
          }
      *column_order = pacta_chart_cluster_order (vectors, n_items, n_rows);
    }
  else
    {
      *column_order = g_new (guint, MAX (1, n_items));
      for (guint i = 0; i < n_items; i++)
        (*column_order)[i] = i;
      if (columns_by != PACTA_CHART_ORDER_INPUT || reverse)
        g_qsort_with_data (*column_order, n_items, sizeof (guint), compare_columns, &ctx);
    }
}

/* Layout */

void
pacta_heatmap_layout_free (PactaHeatmapLayout *layout)
{
  if (layout == NULL)
    return;
  g_free (layout->row_order);
  g_free (layout->column_order);
  g_ptr_array_unref (layout->row_labels);
  g_ptr_array_unref (layout->column_labels);
  g_ptr_array_unref (layout->labels);
  pacta_chart_legend_free (layout->legend);
  g_free (layout);
}

static void
add_tag (GPtrArray       *tags,
         GPtrArray       *labels,
         guint            position,
         PactaChartLabel *label)
{
  PactaHeatmapTag *tag = g_new (PactaHeatmapTag, 1);

  tag->position = position;
  tag->label = label;
  g_ptr_array_add (tags, tag);
  g_ptr_array_add (labels, label);
}

/* The widest of the @n texts in @font, or @cap if one is wider: measures the longest texts
 * first and stops at the first that reaches the cap. */
static double
widest_text (PangoContext          *context,
             const char * const    *texts,
             guint                  n,
             const PactaChartFont  *font,
             double                 cap)
{
  g_autofree guint *order = g_new (guint, MAX (1, n));
  g_autofree glong *lengths = g_new0 (glong, MAX (1, n));
  double widest = 0;

  for (guint i = 0; i < n; i++)
    {
      order[i] = i;
      lengths[i] = g_utf8_strlen (texts[i], -1);
    }
  /* Only the 24 longest matter: a partial selection sort. */
  for (guint i = 0; i < MIN (n, 24); i++)
    for (guint j = i + 1; j < n; j++)
      if (lengths[order[j]] > lengths[order[i]])
        {
          guint t = order[i];
          order[i] = order[j];
          order[j] = t;
        }
  for (guint i = 0; i < MIN (n, 24) && widest < cap; i++)
    {
      g_autoptr(PactaChartLabel) label = pacta_chart_label_new (context, texts[order[i]], font, cap + 1, 1);
      widest = MAX (widest, label->width);
    }
  return MIN (widest, cap);
}

PactaHeatmapLayout *
pacta_heatmap_layout_new (const PactaChartData    *data,
                          const PactaChartOptions *options,
                          const guint             *row_order,
                          const guint             *column_order,
                          double                   width,
                          double                   height)
{
  PangoContext *context = pacta_chart_text_context_get ();
  PactaHeatmapLayout *layout = g_new0 (PactaHeatmapLayout, 1);
  PactaChartOptions defaults;
  guint n_rows = pacta_chart_data_get_n_rows (data);
  guint n_cols = pacta_chart_data_get_n_items (data);
  PactaChartFont label_font, small_font, row_font, col_font;
  g_autofree const char **row_titles = g_new0 (const char *, MAX (1, n_rows));
  g_autofree const char **col_titles = g_new0 (const char *, MAX (1, n_cols));
  g_autofree char *subtitle = NULL;
  gboolean any_na = FALSE;
  double pad, s, y, legend_h, row_w, score_w, grid_x, grid_w, col_w, top_h = 0, label_len = 0;
  double grid_h, row_h, sin_a = 1, cos_a = 0, right_extra = 0;
  PactaChartLabel *probe;

  if (options == NULL)
    {
      pacta_chart_options_init (&defaults);
      options = &defaults;
    }
  s = options->font_scale > 0 ? options->font_scale : 1.0;
  pad = pacta_chart_padding (options);
  label_font = pacta_chart_font (options, PACTA_CHART_TEXT_LABEL);
  small_font = pacta_chart_font (options, PACTA_CHART_TEXT_SMALL);

  layout->width = width;
  layout->height = height;
  layout->n_rows = n_rows;
  layout->n_columns = n_cols;
  layout->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) pacta_chart_label_free);
  layout->row_labels = g_ptr_array_new_with_free_func (g_free);
  layout->column_labels = g_ptr_array_new_with_free_func (g_free);
  layout->row_order = g_new (guint, MAX (1, n_rows));
  layout->column_order = g_new (guint, MAX (1, n_cols));
  if (row_order != NULL && column_order != NULL)
    {
      memcpy (layout->row_order, row_order, n_rows * sizeof (guint));
      memcpy (layout->column_order, column_order, n_cols * sizeof (guint));
    }
  else
    {
      g_autofree guint *ro = NULL;
      g_autofree guint *co = NULL;

      pacta_heatmap_order (data, options, &ro, &co);
      memcpy (layout->row_order, ro, n_rows * sizeof (guint));
      memcpy (layout->column_order, co, n_cols * sizeof (guint));
    }

  for (guint r = 0; r < n_rows; r++)
    {
      PactaCoverageCounts counts;

      row_titles[r] = pacta_chart_data_get_row (data, layout->row_order[r])->title;
      if (!any_na)
        {
          pacta_chart_data_count (data, r, -1, &counts);
          any_na = counts.not_applicable > 0;
        }
    }
  for (guint i = 0; i < n_cols; i++)
    col_titles[i] = pacta_chart_data_get_item (data, layout->column_order[i])->title;

  subtitle = g_strdup_printf (ngettext ("%s · %u agreement × %u items", "%s · %u agreements × %u items", n_rows),
                              pacta_chart_data_get_guideline_title (data), n_rows, n_cols);
  y = pacta_chart_layout_header (context, options, _("Coverage across agreements"), subtitle, width, layout->labels);

  layout->legend = pacta_chart_status_legend (context, options, any_na);
  legend_h = pacta_chart_legend_measure (layout->legend, width - 2 * pad);

  /* Horizontal room: row names | cells | scores. */
  /* Row names get a third of the width, more when there are few columns to share the rest. */
  {
    double cap = MAX (MIN (0.32 * width, 340 * s), MIN (0.5 * width, width - 2 * pad - 60 * s - n_cols * 72 * s));
    row_w = MAX (60 * s, widest_text (context, row_titles, n_rows, &label_font, cap));
  }
  probe = pacta_chart_label_new (context, "100 %", &label_font, 0, 1);
  score_w = probe->width + 14 * s;
  pacta_chart_label_free (probe);
  grid_x = pad + row_w + 8 * s;
  grid_w = MAX (10, width - pad - score_w - grid_x);
  col_w = n_cols > 0 ? MIN (grid_w / n_cols, MAX_CELL * s) : grid_w;

  /* Column titles: wrapped when columns are wide, turned otherwise. */
  col_font = label_font;
  layout->column_step = 1;
  if (col_w >= 70 * s)
    {
      layout->label_mode = PACTA_HEATMAP_LABELS_HORIZONTAL;
      layout->label_angle = 0;
      for (guint i = 0; i < n_cols; i++)
        {
          g_autoptr(PactaChartLabel) label = pacta_chart_label_new (context, col_titles[i], &small_font, col_w - 6 * s, 4);
          top_h = MAX (top_h, label->height);
        }
      col_font = small_font;
      top_h += 6 * s;
    }
  else
    {
      double natural, lh;

      layout->label_mode = col_w >= 2.0 * pacta_chart_font_line_height (context, &small_font) && n_cols <= 30
                           ? PACTA_HEATMAP_LABELS_DIAGONAL : PACTA_HEATMAP_LABELS_VERTICAL;
      col_font = small_font;
      /* Not tied to the height alone, so measuring a chart and drawing it agree. */
      natural = widest_text (context, col_titles, n_cols, &col_font, MIN (230 * s, MAX (0.36 * height, 200 * s)));
      label_len = natural;

      if (layout->label_mode == PACTA_HEATMAP_LABELS_DIAGONAL)
        {
          /* Diagonal titles lean right, past the last column: make room for them. */
          right_extra = MAX (0, label_len * G_SQRT2 / 2 - score_w);
          grid_w = MAX (10, width - pad - score_w - right_extra - grid_x);
          col_w = MIN (grid_w / n_cols, MAX_CELL * s);
          if (col_w < 2.0 * pacta_chart_font_line_height (context, &small_font))
            {
              layout->label_mode = PACTA_HEATMAP_LABELS_VERTICAL;
              right_extra = 0;
              grid_w = MAX (10, width - pad - score_w - grid_x);
              col_w = MIN (grid_w / n_cols, MAX_CELL * s);
            }
        }
      layout->label_angle = layout->label_mode == PACTA_HEATMAP_LABELS_DIAGONAL ? -G_PI / 4 : -G_PI / 2;
      sin_a = fabs (sin (layout->label_angle));
      cos_a = fabs (cos (layout->label_angle));
      /* Parallel labels one column apart stand col_w × sin(angle) apart. */
      col_font.size = pacta_chart_fit_font (context, &small_font, col_w * sin_a, MIN_FONT * s, &layout->column_step);
      lh = pacta_chart_font_line_height (context, &col_font);
      top_h = label_len * sin_a + lh * cos_a + 8 * s;
    }

  layout->grid.x = grid_x;
  layout->grid.y = y + top_h;
  layout->cell_width = col_w;
  layout->grid.width = col_w * n_cols;

  grid_h = MAX (10, height - pad - legend_h - 0.8 * pad - layout->grid.y);
  row_h = n_rows > 0 ? MIN (grid_h / n_rows, MAX_ROW * s) : grid_h;
  layout->cell_height = row_h;
  layout->grid.height = row_h * n_rows;
  layout->gap = MIN (col_w, row_h) >= 5 ? 1.0 : 0.0;
  layout->textured = MIN (col_w, row_h) >= 6;

  pacta_chart_legend_place (layout->legend, pad, layout->grid.y + layout->grid.height + 0.8 * pad, width - 2 * pad);
  layout->content_height = layout->legend->bounds.y + layout->legend->bounds.height + pad;

  /* Row names and scores. */
  row_font = label_font;
  row_font.size = pacta_chart_fit_font (context, &label_font, row_h, MIN_FONT * s, &layout->row_step);
  for (guint p = 0; p < n_rows; p += layout->row_step)
    {
      const PactaChartRow *row = pacta_chart_data_get_row (data, layout->row_order[p]);
      double cy = layout->grid.y + (p + 0.5) * row_h;
      PactaChartLabel *name = pacta_chart_label_new (context, row->title, &row_font, row_w, 1);
      g_autofree char *score_text = pacta_chart_format_percent (row->score);
      PactaChartLabel *score = pacta_chart_label_new (context, score_text, &row_font, 0, 1);

      pacta_chart_label_place (name, grid_x - 8 * s, cy, 1, 0.5, 0);
      add_tag (layout->row_labels, layout->labels, p, name);
      score->ink = PACTA_CHART_INK_MUTED;
      pacta_chart_label_place (score, layout->grid.x + layout->grid.width + 8 * s, cy, 0, 0.5, 0);
      g_ptr_array_add (layout->labels, score);
    }

  /* Column titles, and "Score" over the scores as if it were one more column. */
  for (guint q = 0; q <= n_cols; q++)
    {
      gboolean is_score = q == n_cols;
      double cx = is_score ? layout->grid.x + layout->grid.width + 8 * s
                           : layout->grid.x + (q + 0.5) * col_w;
      PactaChartLabel *label;

      if (!is_score && q % layout->column_step != 0)
        continue;
      if (layout->label_mode == PACTA_HEATMAP_LABELS_HORIZONTAL)
        {
          label = pacta_chart_label_new (context, is_score ? _("Score") : col_titles[q], &col_font,
                                         is_score ? score_w : col_w - 6 * s, 4);
          if (is_score)
            pacta_chart_label_place (label, cx, layout->grid.y - 5 * s, 0, 1, 0);
          else
            {
              pacta_chart_label_set_alignment (label, PANGO_ALIGN_CENTER);
              pacta_chart_label_place (label, cx, layout->grid.y - 5 * s, 0.5, 1, 0);
            }
        }
      else
        {
          double lh = pacta_chart_font_line_height (context, &col_font);

          label = pacta_chart_label_new (context, is_score ? _("Score") : col_titles[q], &col_font,
                                         MAX (10, (top_h - 8 * s - lh * cos_a) / sin_a), 1);
          if (is_score)
            cx += lh / 2;
          pacta_chart_label_place (label, cx, layout->grid.y - 5 * s, 0, 0.5, layout->label_angle);
        }
      if (is_score)
        {
          label->ink = PACTA_CHART_INK_MUTED;
          g_ptr_array_add (layout->labels, label);
        }
      else
        add_tag (layout->column_labels, layout->labels, q, label);
    }
  return layout;
}

void
pacta_heatmap_cell_rect (const PactaHeatmapLayout *layout,
                         guint                     position_row,
                         guint                     position_column,
                         PactaChartRect           *rect)
{
  rect->x = layout->grid.x + position_column * layout->cell_width;
  rect->y = layout->grid.y + position_row * layout->cell_height;
  rect->width = MAX (0.5, layout->cell_width - layout->gap);
  rect->height = MAX (0.5, layout->cell_height - layout->gap);
}

/* Cell edges along one axis, snapped to whole device pixels when cells are at least two
 * pixels wide: cairo then fills plain boxes instead of tessellating antialiased edges, which
 * is what keeps a 500 × 80 heatmap within a frame. */
static double *
cell_edges (double          origin,
            double          size,
            guint           n,
            double          scale,
            double          offset)
{
  double *edges = g_new (double, n + 1);
  gboolean snap = size * fabs (scale) >= 2 && scale != 0;

  for (guint i = 0; i <= n; i++)
    {
      double u = origin + i * size;
      edges[i] = snap ? (round (u * scale + offset) - offset) / scale : u;
    }
  return edges;
}

static guint32
pixel_of (const PactaRgba *color)
{
  return 0xff000000u | (guint32) (color->red * 255 + 0.5) << 16 | (guint32) (color->green * 255 + 0.5) << 8 |
         (guint32) (color->blue * 255 + 0.5);
}

/* Cells too small for gaps and textures (hundreds of rows): one pixel per cell in an image,
 * scaled up without smoothing over the grid. One cairo operation instead of thousands of
 * rectangles; in SVG and PDF it is an image with crisp cells. */
static void
paint_dense_cells (const PactaHeatmapLayout *layout,
                   const PactaChartData     *data,
                   cairo_t                  *cr,
                   const PactaChartPalette  *palette)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, layout->n_columns, layout->n_rows);
  guint32 colors[5];
  guchar *pixels;
  int stride;
  cairo_pattern_t *pattern;

  for (guint st = 0; st < 4; st++)
    colors[st] = pixel_of (&palette->status_fill[st]);
  colors[4] = pixel_of (&palette->grid);

  cairo_surface_flush (image);
  pixels = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (guint p = 0; p < layout->n_rows; p++)
    {
      const gint8 *statuses = pacta_chart_data_get_statuses (data, layout->row_order[p]);
      guint32 *line = (guint32 *) (pixels + p * stride);

      for (guint q = 0; q < layout->n_columns; q++)
        {
          int status = statuses[layout->column_order[q]];
          line[q] = colors[status >= 0 && status <= 3 ? status : 4];
        }
    }
  cairo_surface_mark_dirty (image);

  cairo_save (cr);
  cairo_rectangle (cr, layout->grid.x, layout->grid.y, layout->grid.width, layout->grid.height);
  cairo_clip (cr);
  cairo_translate (cr, layout->grid.x, layout->grid.y);
  cairo_scale (cr, layout->cell_width, layout->cell_height);
  cairo_set_source_surface (cr, image, 0, 0);
  pattern = cairo_get_source (cr);
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_NEAREST);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_PAD);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (image);
}

void
pacta_heatmap_paint (const PactaHeatmapLayout *layout,
                     const PactaChartData     *data,
                     cairo_t                  *cr,
                     const PactaChartPalette  *palette)
{
  GArray *rects[5];
  cairo_matrix_t m;
  gboolean aligned;
  g_autofree double *xs = NULL;
  g_autofree double *ys = NULL;
  /* Without gaps, neighbours of one status in a row are drawn as one box. */
  gboolean merge = layout->gap == 0;

  cairo_save (cr);
  pacta_chart_set_source (cr, &palette->background);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_fill (cr);

  cairo_get_matrix (cr, &m);
  aligned = m.xy == 0 && m.yx == 0;
  xs = cell_edges (layout->grid.x, layout->cell_width, layout->n_columns, aligned ? m.xx : 0, m.x0);
  ys = cell_edges (layout->grid.y, layout->cell_height, layout->n_rows, aligned ? m.yy : 0, m.y0);

  if (!layout->textured && layout->gap == 0 && layout->n_rows > 0 && layout->n_columns > 0)
    {
      paint_dense_cells (layout, data, cr, palette);
      goto labels;
    }

  for (guint i = 0; i < G_N_ELEMENTS (rects); i++)
    rects[i] = g_array_sized_new (FALSE, FALSE, sizeof (PactaChartRect), layout->n_rows * layout->n_columns / 4 + 1);

  for (guint p = 0; p < layout->n_rows; p++)
    {
      const gint8 *statuses = pacta_chart_data_get_statuses (data, layout->row_order[p]);
      double y = ys[p], h = ys[p + 1] - ys[p] - layout->gap;
      guint q = 0;

      if (h <= 0)
        continue;
      while (q < layout->n_columns)
        {
          int status = statuses[layout->column_order[q]];
          guint end = q + 1;
          PactaChartRect rect;

          if (merge)
            while (end < layout->n_columns && statuses[layout->column_order[end]] == status)
              end++;
          rect.x = xs[q];
          rect.y = y;
          rect.width = xs[end] - xs[q] - layout->gap;
          rect.height = h;
          if (rect.width > 0)
            g_array_append_val (rects[status >= 0 && status <= 3 ? status : 4], rect);
          q = end;
        }
    }

  for (guint st = 0; st < 4; st++)
    pacta_chart_paint_status_rects (cr, palette, st, (PactaChartRect *) rects[st]->data, rects[st]->len,
                                    layout->textured);
  if (rects[4]->len > 0)
    {
      /* Not held against this item: the grid colour, no mark. */
      for (guint i = 0; i < rects[4]->len; i++)
        {
          PactaChartRect *r = &g_array_index (rects[4], PactaChartRect, i);
          cairo_rectangle (cr, r->x, r->y, r->width, r->height);
        }
      pacta_chart_set_source (cr, &palette->grid);
      cairo_fill (cr);
    }
  for (guint i = 0; i < G_N_ELEMENTS (rects); i++)
    g_array_unref (rects[i]);

labels:
  pacta_chart_labels_paint (layout->labels, cr, palette);
  pacta_chart_legend_paint (layout->legend, cr, palette);
  cairo_restore (cr);
}

static gboolean
quad_contains (const double quad[8],
               double       x,
               double       y)
{
  /* Convex, corners in order: the point is on the same side of every edge. */
  int sign = 0;

  for (guint i = 0; i < 4; i++)
    {
      guint j = (i + 1) % 4;
      double cross = (quad[2 * j] - quad[2 * i]) * (y - quad[2 * i + 1]) - (quad[2 * j + 1] - quad[2 * i + 1]) * (x - quad[2 * i]);
      int sg = cross > 0 ? 1 : cross < 0 ? -1 : 0;

      if (sg == 0)
        continue;
      if (sign == 0)
        sign = sg;
      else if (sg != sign)
        return FALSE;
    }
  return TRUE;
}

gboolean
pacta_heatmap_hit_test (const PactaHeatmapLayout *layout,
                        const PactaChartData     *data,
                        double                    x,
                        double                    y,
                        PactaChartHit            *hit)
{
  pacta_chart_hit_init (hit, PACTA_CHART_HEATMAP);

  if (pacta_chart_rect_contains (&layout->grid, x, y) && layout->n_rows > 0 && layout->n_columns > 0)
    {
      guint p = MIN (layout->n_rows - 1, (guint) ((y - layout->grid.y) / layout->cell_height));
      guint q = MIN (layout->n_columns - 1, (guint) ((x - layout->grid.x) / layout->cell_width));
      guint row = layout->row_order[p], item = layout->column_order[q];
      const PactaChartRow *r = pacta_chart_data_get_row (data, row);
      const PactaChartItem *it = pacta_chart_data_get_item (data, item);
      int status = pacta_chart_data_get_status (data, row, item);
      GString *text = g_string_new (NULL);

      hit->row = (int) row;
      hit->item = (int) item;
      hit->category = (int) it->category;
      hit->status = status;
      pacta_heatmap_cell_rect (layout, p, q, &hit->bounds);

      g_string_append_printf (text, "%s\n%s", r->title, it->title);
      if (it->level == PACTA_ITEM_LEVEL_ESSENTIAL)
        g_string_append_printf (text, " (%s)", _("essential"));
      g_string_append_printf (text, ": %s", pacta_chart_status_word (status));
      if (r->coverage != NULL)
        {
          PactaFinding *finding = pacta_coverage_lookup (r->coverage, it->slug);
          GPtrArray *evidence = finding ? pacta_finding_get_evidence (finding) : NULL;

          for (guint e = 0; evidence && e < evidence->len && e < 3; e++)
            g_string_append_printf (text, e == 0 ? "\n%s %s" : ", %s%s", e == 0 ? _("Evidence:") : "",
                                    ((PactaEvidence *) g_ptr_array_index (evidence, e))->eid);
        }
      hit->text = g_string_free (text, FALSE);
      return TRUE;
    }

  for (guint i = 0; i < layout->row_labels->len; i++)
    {
      PactaHeatmapTag *tag = g_ptr_array_index (layout->row_labels, i);

      if (quad_contains (tag->label->quad, x, y))
        {
          const PactaChartRow *r = pacta_chart_data_get_row (data, layout->row_order[tag->position]);
          g_autofree char *score = pacta_chart_format_percent (r->score);
          g_autofree char *counts = pacta_chart_describe_counts (&r->counts);

          hit->row = (int) layout->row_order[tag->position];
          pacta_chart_label_bounds (tag->label, &hit->bounds);
          hit->text = g_strdup_printf (_("%s\nScore %s: %s"), r->title, score, counts);
          return TRUE;
        }
    }

  for (guint i = 0; i < layout->column_labels->len; i++)
    {
      PactaHeatmapTag *tag = g_ptr_array_index (layout->column_labels, i);

      if (quad_contains (tag->label->quad, x, y))
        {
          guint item = layout->column_order[tag->position];
          guint missing = 0;

          pacta_chart_data_item_share (data, item, &missing);
          hit->item = (int) item;
          pacta_chart_label_bounds (tag->label, &hit->bounds);
          hit->text = g_strdup_printf (ngettext ("%s\nmissing in %u of %u agreement", "%s\nmissing in %u of %u agreements",
                                                 layout->n_rows),
                                       pacta_chart_data_get_item (data, item)->title, missing, layout->n_rows);
          return TRUE;
        }
    }
  return FALSE;
}

void
pacta_heatmap_natural_size (const PactaChartData    *data,
                            const PactaChartOptions *options,
                            double                  *width,
                            double                  *height)
{
  double s = options && options->font_scale > 0 ? options->font_scale : 1.0;
  guint n_rows = pacta_chart_data_get_n_rows (data);
  guint n_items = pacta_chart_data_get_n_items (data);

  *width = s * CLAMP (560 + 22 * n_items, 640, 1800);
  *height = s * CLAMP (400 + 24 * n_rows, 420, 1400);
}
