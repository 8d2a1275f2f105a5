/* pacta-chart.c — a chart of coverage data: draw on any cairo_t, hit-test, describe, export
 *
 * The object a view holds: the data, the type and the options. pacta_chart_draw() lays the
 * chart out for the size it is given (cached until the size, data or options change) and
 * paints it, so a GtkDrawingArea's draw function is one call:
 *
 *     pacta_chart_draw (chart, cr, width, height, palette);
 *
 * and a motion controller's handler another (pacta_chart_hit_test() → tooltip text, bounds
 * to highlight, row and item to open in the Check view). Export renders the same painting to
 * PNG, SVG or PDF in memory and writes the file only when all of it succeeded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>

#include "pacta-chart.h"
#include "pacta-error.h"
#include "pacta-output.h"

struct _PactaChart
{
  GObject            parent_instance;

  PactaChartType     type;
  PactaChartData    *data;
  PactaChartOptions  options;
  char              *title;
  char              *subtitle;
  char              *font_family;

  /* The layout for the last size drawn. */
  gpointer           layout;
  PactaChartType     layout_type;
  double             layout_width;
  double             layout_height;
  guint             *row_order;
  guint             *column_order;
};

G_DEFINE_FINAL_TYPE (PactaChart, pacta_chart, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
drop_layout (PactaChart *self)
{
  if (self->layout == NULL)
    return;
  switch (self->layout_type)
    {
    case PACTA_CHART_BARS:
      pacta_bars_layout_free (self->layout);
      break;
    case PACTA_CHART_RADAR:
      pacta_radar_layout_free (self->layout);
      break;
    case PACTA_CHART_HEATMAP:
      pacta_heatmap_layout_free (self->layout);
      break;
    case PACTA_CHART_TIMELINE:
      pacta_timeline_layout_free (self->layout);
      break;
    case PACTA_CHART_SUMMARY:
    default:
      pacta_summary_layout_free (self->layout);
      break;
    }
  self->layout = NULL;
}

static void
invalidate (PactaChart *self,
            gboolean    order_too)
{
  drop_layout (self);
  if (order_too)
    {
      g_clear_pointer (&self->row_order, g_free);
      g_clear_pointer (&self->column_order, g_free);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
pacta_chart_finalize (GObject *object)
{
  PactaChart *self = PACTA_CHART (object);

  drop_layout (self);
  g_clear_pointer (&self->row_order, g_free);
  g_clear_pointer (&self->column_order, g_free);
  g_clear_pointer (&self->data, pacta_chart_data_unref);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->font_family);

  G_OBJECT_CLASS (pacta_chart_parent_class)->finalize (object);
}

static void
pacta_chart_class_init (PactaChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pacta_chart_finalize;

  /**
   * PactaChart::changed:
   *
   * The data, type or options changed: the chart needs drawing again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pacta_chart_init (PactaChart *self)
{
  pacta_chart_options_init (&self->options);
}

PactaChart *
pacta_chart_new (PactaChartType  type,
                 PactaChartData *data)
{
  PactaChart *self;

  g_return_val_if_fail (data != NULL, NULL);

  self = g_object_new (PACTA_TYPE_CHART, NULL);
  self->type = type;
  self->data = pacta_chart_data_ref (data);
  return self;
}

PactaChartType
pacta_chart_get_chart_type (PactaChart *self)
{
  g_return_val_if_fail (PACTA_IS_CHART (self), PACTA_CHART_BARS);
  return self->type;
}

void
pacta_chart_set_chart_type (PactaChart     *self,
                            PactaChartType  type)
{
  g_return_if_fail (PACTA_IS_CHART (self));
  if (self->type == type)
    return;
  self->type = type;
  invalidate (self, FALSE);
}

/* Returns: (transfer none) */
PactaChartData *
pacta_chart_get_data (PactaChart *self)
{
  g_return_val_if_fail (PACTA_IS_CHART (self), NULL);
  return self->data;
}

void
pacta_chart_set_data (PactaChart     *self,
                      PactaChartData *data)
{
  g_return_if_fail (PACTA_IS_CHART (self));
  g_return_if_fail (data != NULL);
  if (self->data == data)
    return;
  pacta_chart_data_ref (data);
  g_clear_pointer (&self->data, pacta_chart_data_unref);
  self->data = data;
  invalidate (self, TRUE);
}

void
pacta_chart_get_options (PactaChart        *self,
                         PactaChartOptions *options)
{
  g_return_if_fail (PACTA_IS_CHART (self));
  *options = self->options;
}

/* Copies @options (and its strings). */
void
pacta_chart_set_options (PactaChart              *self,
                         const PactaChartOptions *options)
{
  gboolean order_changed;

  g_return_if_fail (PACTA_IS_CHART (self));
  g_return_if_fail (options != NULL);

  order_changed = options->row_order != self->options.row_order ||
                  options->column_order != self->options.column_order ||
                  options->reverse != self->options.reverse;
  self->options = *options;
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->font_family);
  self->title = g_strdup (options->title);
  self->subtitle = g_strdup (options->subtitle);
  self->font_family = g_strdup (options->font_family);
  self->options.title = self->title;
  self->options.subtitle = self->subtitle;
  self->options.font_family = self->font_family;
  if (self->options.font_scale <= 0)
    self->options.font_scale = 1.0;
  invalidate (self, order_changed);
}

/* A size at which the chart reads well: for a widget's measure() and for exports. */
void
pacta_chart_get_natural_size (PactaChart *self,
                              double     *width,
                              double     *height)
{
  g_return_if_fail (PACTA_IS_CHART (self));

  switch (self->type)
    {
    case PACTA_CHART_BARS:
      pacta_bars_natural_size (self->data, &self->options, width, height);
      break;
    case PACTA_CHART_RADAR:
      pacta_radar_natural_size (self->data, &self->options, width, height);
      break;
    case PACTA_CHART_HEATMAP:
      pacta_heatmap_natural_size (self->data, &self->options, width, height);
      break;
    case PACTA_CHART_TIMELINE:
      pacta_timeline_natural_size (self->data, &self->options, width, height);
      break;
    case PACTA_CHART_SUMMARY:
    default:
      pacta_summary_natural_size (self->data, &self->options, width, height);
      break;
    }
}

static void ensure_layout (PactaChart *self,
                           double      width,
                           double      height);

/* The height the chart needs at @width, at most @max_height: heatmaps and timelines stop
 * growing once their rows reach full size, the others use what they are given. For a
 * widget's height-for-width and for placing charts on pages. */
double
pacta_chart_measure_height (PactaChart *self,
                            double      width,
                            double      max_height)
{
  double natural_w, natural_h;

  g_return_val_if_fail (PACTA_IS_CHART (self), max_height);

  switch (self->type)
    {
    case PACTA_CHART_HEATMAP:
      ensure_layout (self, width, max_height);
      return MIN (max_height, ceil (((PactaHeatmapLayout *) self->layout)->content_height));
    case PACTA_CHART_TIMELINE:
      ensure_layout (self, width, max_height);
      return MIN (max_height, ceil (((PactaTimelineLayout *) self->layout)->content_height));
    case PACTA_CHART_BARS:
    case PACTA_CHART_RADAR:
    case PACTA_CHART_SUMMARY:
    default:
      pacta_chart_get_natural_size (self, &natural_w, &natural_h);
      return MIN (max_height, natural_h);
    }
}

static void
ensure_layout (PactaChart *self,
               double      width,
               double      height)
{
  if (self->layout != NULL && self->layout_type == self->type &&
      self->layout_width == width && self->layout_height == height)
    return;

  drop_layout (self);
  self->layout_type = self->type;
  self->layout_width = width;
  self->layout_height = height;
  switch (self->type)
    {
    case PACTA_CHART_BARS:
      self->layout = pacta_bars_layout_new (self->data, &self->options, width, height);
      break;
    case PACTA_CHART_RADAR:
      self->layout = pacta_radar_layout_new (self->data, &self->options, width, height);
      break;
    case PACTA_CHART_HEATMAP:
      /* Sorting (and clustering) depends on the data, not the size: keep it across resizes. */
      if (self->row_order == NULL)
        pacta_heatmap_order (self->data, &self->options, &self->row_order, &self->column_order);
      self->layout = pacta_heatmap_layout_new (self->data, &self->options, self->row_order, self->column_order,
                                               width, height);
      break;
    case PACTA_CHART_TIMELINE:
      self->layout = pacta_timeline_layout_new (self->data, &self->options, width, height);
      break;
    case PACTA_CHART_SUMMARY:
    default:
      self->layout = pacta_summary_layout_new (self->data, &self->options, width, height);
      break;
    }
}

/* Paints the chart into (0, 0, @width, @height) of @cr's user space. */
void
pacta_chart_draw (PactaChart              *self,
                  cairo_t                 *cr,
                  double                   width,
                  double                   height,
                  const PactaChartPalette *palette)
{
  g_return_if_fail (PACTA_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  if (width < 1 || height < 1)
    return;
  if (palette == NULL)
    palette = pacta_chart_palette_get (PACTA_CHART_THEME_LIGHT);
  ensure_layout (self, width, height);

  switch (self->type)
    {
    case PACTA_CHART_BARS:
      pacta_bars_paint (self->layout, cr, palette);
      break;
    case PACTA_CHART_RADAR:
      pacta_radar_paint (self->layout, cr, palette);
      break;
    case PACTA_CHART_HEATMAP:
      pacta_heatmap_paint (self->layout, self->data, cr, palette);
      break;
    case PACTA_CHART_TIMELINE:
      pacta_timeline_paint (self->layout, self->data, cr, palette);
      break;
    case PACTA_CHART_SUMMARY:
    default:
      pacta_summary_paint (self->layout, cr, palette);
      break;
    }
}

/* What is at (@x, @y) in the last drawing; clear @hit with pacta_chart_hit_clear(). */
gboolean
pacta_chart_hit_test (PactaChart    *self,
                      double         x,
                      double         y,
                      PactaChartHit *hit)
{
  g_return_val_if_fail (PACTA_IS_CHART (self), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  pacta_chart_hit_init (hit, self->type);
  if (self->layout == NULL || self->layout_type != self->type)
    return FALSE;
  switch (self->type)
    {
    case PACTA_CHART_BARS:
      return pacta_bars_hit_test (self->layout, self->data, x, y, hit);
    case PACTA_CHART_RADAR:
      return pacta_radar_hit_test (self->layout, self->data, x, y, hit);
    case PACTA_CHART_HEATMAP:
      return pacta_heatmap_hit_test (self->layout, self->data, x, y, hit);
    case PACTA_CHART_TIMELINE:
      return pacta_timeline_hit_test (self->layout, self->data, x, y, hit);
    case PACTA_CHART_SUMMARY:
    default:
      return pacta_summary_hit_test (self->layout, self->data, x, y, hit);
    }
}

/* An outline around what is under the pointer, for the widget to draw over the chart. */
void
pacta_chart_paint_highlight (cairo_t                 *cr,
                             const PactaChartPalette *palette,
                             const PactaChartHit     *hit)
{
  const PactaChartRect *b = &hit->bounds;

  if (b->width <= 0 || b->height <= 0)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, b->x - 1.5, b->y - 1.5, b->width + 3, b->height + 3);
  pacta_chart_set_source (cr, &palette->background);
  cairo_set_line_width (cr, 3.0);
  cairo_stroke_preserve (cr);
  pacta_chart_set_source (cr, &palette->foreground);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The item missing in most rows; -1 when nothing is missing anywhere. */
static int
most_missing_item (const PactaChartData *data,
                   guint                *n_missing)
{
  int best = -1;
  guint most = 0;

  for (guint i = 0; i < pacta_chart_data_get_n_items (data); i++)
    {
      guint missing = 0;

      pacta_chart_data_item_share (data, i, &missing);
      /* Essential items win ties: they matter more in a briefing. */
      if (missing > most || (missing == most && missing > 0 && best >= 0 &&
                             pacta_chart_data_get_item (data, i)->level < pacta_chart_data_get_item (data, best)->level))
        {
          most = missing;
          best = (int) i;
        }
    }
  *n_missing = most;
  return best;
}

/* One line that says what the chart shows, as the Charts cards print under their title:
 * "Missing in 7 of 9 agreements: Certificate of coverage". */
char *
pacta_chart_dup_reading (PactaChart *self)
{
  const PactaChartData *data;
  guint n_rows;

  g_return_val_if_fail (PACTA_IS_CHART (self), NULL);

  data = self->data;
  n_rows = pacta_chart_data_get_n_rows (data);
  if (n_rows == 0)
    return g_strdup (_("No agreements to show"));

  switch (self->type)
    {
    case PACTA_CHART_BARS:
      {
        int weakest = -1;
        double low = 2;

        for (guint c = 0; c < pacta_chart_data_get_n_categories (data); c++)
          {
            guint covered = 0, applicable = 0;

            for (guint r = 0; r < n_rows; r++)
              {
                PactaCoverageCounts counts;
                pacta_chart_data_count (data, r, (int) c, &counts);
                covered += counts.covered;
                applicable += counts.covered + counts.partial + counts.missing;
              }
            if (applicable > 0 && (double) covered / applicable < low)
              {
                low = (double) covered / applicable;
                weakest = (int) c;
              }
          }
        if (weakest >= 0)
          {
            g_autofree char *share = pacta_chart_format_percent (low);
            return g_strdup_printf (_("Weakest category: %s (%s of items covered)"),
                                    pacta_chart_data_get_category (data, weakest)->title, share);
          }
        return g_strdup (_("No items apply"));
      }
    case PACTA_CHART_RADAR:
    case PACTA_CHART_HEATMAP:
      {
        guint missing = 0;
        int item = most_missing_item (data, &missing);

        if (item < 0)
          return g_strdup (_("Nothing is missing"));
        if (n_rows == 1)
          return g_strdup_printf (_("Missing: %s"), pacta_chart_data_get_item (data, item)->title);
        return g_strdup_printf (ngettext ("Missing in %u of %u agreement: %s", "Missing in %u of %u agreements: %s", n_rows),
                                missing, n_rows, pacta_chart_data_get_item (data, item)->title);
      }
    case PACTA_CHART_TIMELINE:
      {
        const PactaChartRow *lo = NULL, *hi = NULL;

        for (guint r = 0; r < n_rows; r++)
          {
            const PactaChartRow *row = pacta_chart_data_get_row (data, r);
            if (lo == NULL || row->score < lo->score)
              lo = row;
            if (hi == NULL || row->score > hi->score)
              hi = row;
          }
        {
          g_autofree char *a = pacta_chart_format_percent (lo->score);
          g_autofree char *b = pacta_chart_format_percent (hi->score);
          if (lo == hi)
            return g_strdup_printf (_("%s: %s (%d)"), lo->title, a, lo->year);
          return g_strdup_printf (_("Scores from %s (%s, %d) to %s (%s, %d)"), a, lo->title, lo->year, b, hi->title, hi->year);
        }
      }
    case PACTA_CHART_SUMMARY:
    default:
      {
        double sum = 0;

        if (n_rows == 1)
          {
            const PactaChartRow *row = pacta_chart_data_get_row (data, 0);
            g_autofree char *score = pacta_chart_format_percent (row->score);
            g_autofree char *counts = pacta_chart_describe_counts (&row->counts);
            return g_strdup_printf (_("Score %s: %s"), score, counts);
          }
        for (guint r = 0; r < n_rows; r++)
          sum += pacta_chart_data_get_row (data, r)->score;
        {
          g_autofree char *mean = pacta_chart_format_percent (sum / n_rows);
          return g_strdup_printf (_("Average score %s across %u agreements"), mean, n_rows);
        }
      }
    }
}

/* Every figure the chart shows, in sentences: the accessible description of the chart for
 * screen readers, and the text alternative in exports. */
char *
pacta_chart_dup_description (PactaChart *self)
{
  const PactaChartData *data;
  GString *out;
  g_autofree char *reading = NULL;
  guint n_rows, n_items;

  g_return_val_if_fail (PACTA_IS_CHART (self), NULL);

  data = self->data;
  n_rows = pacta_chart_data_get_n_rows (data);
  n_items = pacta_chart_data_get_n_items (data);
  reading = pacta_chart_dup_reading (self);
  out = g_string_new (NULL);
  g_string_append_printf (out, "%s. %s.", pacta_chart_data_get_guideline_title (data), reading);

  for (guint r = 0; r < n_rows; r++)
    {
      const PactaChartRow *row = pacta_chart_data_get_row (data, r);
      g_autofree char *score = pacta_chart_format_percent (row->score);
      g_autofree char *counts = pacta_chart_describe_counts (&row->counts);

      g_string_append_printf (out, "\n%s", row->title);
      if (self->type == PACTA_CHART_TIMELINE && row->year > 0)
        g_string_append_printf (out, " (%d)", row->year);
      g_string_append_printf (out, _(": score %s, %s."), score, counts);

      if (self->type == PACTA_CHART_BARS)
        for (guint c = 0; c < pacta_chart_data_get_n_categories (data); c++)
          {
            PactaCoverageCounts cc;
            g_autofree char *text = NULL;

            pacta_chart_data_count (data, r, (int) c, &cc);
            text = pacta_chart_describe_counts (&cc);
            g_string_append_printf (out, " %s: %s.", pacta_chart_data_get_category (data, c)->title, text);
          }
      else if (self->type == PACTA_CHART_RADAR || (self->type == PACTA_CHART_HEATMAP && n_rows <= 20))
        for (guint st = PACTA_FINDING_STATUS_PARTIAL; st <= PACTA_FINDING_STATUS_MISSING; st++)
          {
            GString *items = g_string_new (NULL);

            for (guint i = 0; i < n_items; i++)
              if (pacta_chart_data_get_status (data, r, i) == (int) st)
                g_string_append_printf (items, "%s%s", items->len ? ", " : "", pacta_chart_data_get_item (data, i)->title);
            if (items->len > 0)
              /* Translators: "missing: item, item." */
              g_string_append_printf (out, _(" %s: %s."), pacta_chart_status_word (st), items->str);
            g_string_free (items, TRUE);
          }
    }
  return g_string_free (out, FALSE);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Renders the chart as a PNG, SVG or PDF file's bytes. */
GBytes *
pacta_chart_render (PactaChart              *self,
                    PactaChartFormat         format,
                    double                   width,
                    double                   height,
                    const PactaChartPalette *palette,
                    GError                 **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (PACTA_IS_CHART (self), NULL);

  if (width < 16 || height < 16 || width > 20000 || height > 20000)
    {
      g_set_error (error, PACTA_ERROR, PACTA_ERROR_UNSUPPORTED,
                   _("a chart must be between 16 and 20000 pixels wide and high, not %.0f × %.0f"), width, height);
      return NULL;
    }

  switch (format)
    {
    case PACTA_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, width, height);
      break;
    case PACTA_CHART_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Pacta " PACKAGE_VERSION);
      break;
    case PACTA_CHART_FORMAT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width), (int) ceil (height));
      break;
    }

  cr = cairo_create (surface);
  pacta_chart_draw (self, cr, width, height, palette);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == PACTA_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PACTA_ERROR, PACTA_ERROR_IO, _("could not draw the chart: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* Writes the chart to @path; the format follows the extension (.png, .svg, .pdf). Nothing
 * is written unless the whole chart rendered. */
gboolean
pacta_chart_export (PactaChart              *self,
                    const char              *path,
                    double                   width,
                    double                   height,
                    const PactaChartPalette *palette,
                    GError                 **error)
{
  PactaChartFormat format;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (PACTA_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!pacta_chart_format_from_path (path, &format))
    {
      g_set_error (error, PACTA_ERROR, PACTA_ERROR_UNSUPPORTED,
                   _("cannot tell the format of %s: name it .png, .svg or .pdf"), path);
      return FALSE;
    }
  if (!pacta_output_check_writable (path, error))
    return FALSE;
  bytes = pacta_chart_render (self, format, width, height, palette, error);
  if (bytes == NULL)
    return FALSE;
  return pacta_output_write (path, bytes, error);
}

gboolean
pacta_chart_format_from_path (const char       *path,
                              PactaChartFormat *format)
{
  g_autofree char *lower = NULL;

  if (path == NULL)
    return FALSE;
  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    *format = PACTA_CHART_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = PACTA_CHART_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = PACTA_CHART_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

static const char * const type_names[] = { "bars", "radar", "heatmap", "timeline", "summary" };

gboolean
pacta_chart_type_from_string (const char     *str,
                              PactaChartType *type)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (type_names); i++)
    if (g_str_equal (str, type_names[i]))
      {
        *type = (PactaChartType) i;
        return TRUE;
      }
  return FALSE;
}

const char *
pacta_chart_type_to_string (PactaChartType type)
{
  g_return_val_if_fail ((guint) type < G_N_ELEMENTS (type_names), "bars");
  return type_names[type];
}

gboolean
pacta_chart_order_from_string (const char      *str,
                               PactaChartOrder *order)
{
  static const char * const names[] = { "input", "name", "score", "year", "cluster" };

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (str, names[i]))
      {
        *order = (PactaChartOrder) i;
        return TRUE;
      }
  return FALSE;
}
