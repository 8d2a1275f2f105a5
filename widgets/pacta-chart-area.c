/* pacta-chart-area.c — one chart in a drawing area: hover, keyboard, click to open the finding
 *
 * The drawing is the core's (pacta_chart_draw) with the palette that matches the style
 * (light, dark, high contrast), its background taken from the card the chart sits on. The
 * pointer shows the exact figures of what is under it (a tooltip, and an outline around the
 * element); the arrow keys walk the same elements for keyboard users ("stops": the heatmap's
 * cells, the bars' segments, the radar's points, the timeline's dots), Enter opens the finding
 * as a click does. The accessible description states every figure of the chart.
 *
 * The live chart's layout always belongs to the size last drawn, so that hit-testing the
 * pointer is exact; heights for the size request are measured on a copy, and the keyboard
 * stops on layouts of their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-chart-area"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pacta-chart-area.h"

typedef struct
{
  PactaChartRect bounds;
  int            row;
  int            item;
  int            category;
  int            status;
  char          *text;
} Stop;

struct _PactaChartArea
{
  GtkDrawingArea  parent_instance;

  /* Owned references */
  PactaChart     *chart;
  PactaChart     *measuring;      /* a copy for height-for-width, never drawn */
  GArray         *stops;          /* Stop, for the size in stops_width × stops_height */
  char           *label;
  char           *figures;

  PactaChartRect  hover_bounds;
  double          measured_for;   /* width of the cached measurement; -1: none */
  double          measured_height;
  int             stops_width;
  int             stops_height;
  int             focused;        /* index into stops, -1: none */
  guint           hovering : 1;
};

G_DEFINE_FINAL_TYPE (PactaChartArea, pacta_chart_area, GTK_TYPE_DRAWING_AREA)

enum {
  PROP_0,
  PROP_CHART,
  PROP_FIGURES,
  N_PROPS
};

enum {
  OPEN_ITEM,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define MIN_WIDTH       200.0
#define MAX_HEIGHT      4000.0
#define MAX_NATURAL_WIDTH 440.0

/* ---- Colour ----------------------------------------------------------------------------- */

static PactaRgba
mix (const PactaRgba *a,
     const PactaRgba *b,
     double           t)
{
  return (PactaRgba) {
    a->red + (b->red - a->red) * t,
    a->green + (b->green - a->green) * t,
    a->blue + (b->blue - a->blue) * t,
    1.0,
  };
}

/* A named colour of the style (deprecated in 4.10, the way to get one on 4.8). */
static gboolean
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color)
{
  gboolean found;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  found = gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return found;
}

/* The palette for the style in use, on the colour of the card behind the chart: lines and
 * pale fills that would vanish on that background are drawn a little stronger. */
void
pacta_chart_area_get_palette (PactaChartArea    *self,
                              PactaChartPalette *palette)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  PactaChartTheme theme = PACTA_CHART_THEME_LIGHT;
  GdkRGBA card, window;

  g_return_if_fail (PACTA_IS_CHART_AREA (self));

  if (adw_style_manager_get_high_contrast (style))
    theme = PACTA_CHART_THEME_HIGH_CONTRAST;
  else if (adw_style_manager_get_dark (style))
    theme = PACTA_CHART_THEME_DARK;
  *palette = *pacta_chart_palette_get (theme);

  if (lookup_color (GTK_WIDGET (self), "card_bg_color", &card))
    {
      if (card.alpha < 1.0 && lookup_color (GTK_WIDGET (self), "window_bg_color", &window))
        {
          card.red = window.red + (card.red - window.red) * card.alpha;
          card.green = window.green + (card.green - window.green) * card.alpha;
          card.blue = window.blue + (card.blue - window.blue) * card.alpha;
        }
      /* Only a card of the palette's own lightness: a light palette on a dark card would
       * be unreadable, and the style manager and the CSS can briefly disagree. */
      if ((theme == PACTA_CHART_THEME_DARK) == (0.2126 * card.red + 0.7152 * card.green + 0.0722 * card.blue < 0.5))
        palette->background = (PactaRgba) { card.red, card.green, card.blue, 1.0 };
    }

  if (pacta_rgba_contrast (&palette->grid, &palette->background) < 1.3)
    palette->grid = mix (&palette->background, &palette->foreground, 0.16);
  if (pacta_rgba_contrast (&palette->status_fill[PACTA_FINDING_STATUS_NOT_APPLICABLE], &palette->background) < 1.15)
    palette->status_fill[PACTA_FINDING_STATUS_NOT_APPLICABLE] = mix (&palette->background, &palette->foreground, 0.12);
}

/* ---- Stops: the elements the keyboard walks --------------------------------------------- */

static void
stop_clear (gpointer data)
{
  Stop *stop = data;

  g_clear_pointer (&stop->text, g_free);
}

static void
add_stop_from_hit (GArray        *stops,
                   PactaChartHit *hit)
{
  Stop stop = {
    .bounds = hit->bounds,
    .row = hit->row,
    .item = hit->item,
    .category = hit->category,
    .status = hit->status,
    .text = g_steal_pointer (&hit->text),
  };

  g_array_append_val (stops, stop);
}

static void
collect_stops (PactaChartArea *self,
               double          width,
               double          height)
{
  PactaChartData *data = pacta_chart_get_data (self->chart);
  PactaChartOptions options;
  PactaChartHit hit;

  pacta_chart_get_options (self->chart, &options);
  pacta_chart_hit_init (&hit, pacta_chart_get_chart_type (self->chart));

  switch (pacta_chart_get_chart_type (self->chart))
    {
    case PACTA_CHART_HEATMAP:
      {
        g_autoptr(PactaHeatmapLayout) layout = pacta_heatmap_layout_new (data, &options, NULL, NULL, width, height);

        for (guint p = 0; p < layout->n_rows; p++)
          for (guint q = 0; q < layout->n_columns; q++)
            {
              PactaChartRect rect;

              pacta_heatmap_cell_rect (layout, p, q, &rect);
              if (pacta_heatmap_hit_test (layout, data, rect.x + rect.width / 2, rect.y + rect.height / 2, &hit))
                add_stop_from_hit (self->stops, &hit);
              pacta_chart_hit_clear (&hit);
            }
      }
      break;

    case PACTA_CHART_BARS:
      {
        g_autoptr(PactaBarsLayout) layout = pacta_bars_layout_new (data, &options, width, height);

        for (guint i = 0; i < layout->segments->len; i++)
          {
            const PactaBarSegment *seg = &g_array_index (layout->segments, PactaBarSegment, i);

            if (seg->rect.width < 0.5)
              continue;
            if (pacta_bars_hit_test (layout, data, seg->rect.x + seg->rect.width / 2, seg->rect.y + seg->rect.height / 2, &hit))
              add_stop_from_hit (self->stops, &hit);
            pacta_chart_hit_clear (&hit);
          }
      }
      break;

    case PACTA_CHART_RADAR:
      {
        g_autoptr(PactaRadarLayout) layout = pacta_radar_layout_new (data, &options, width, height);

        /* Points of several agreements often coincide, so these are not hit-tested:
         * series by series, axis by axis. */
        for (guint r = 0; r < layout->n_series; r++)
          for (guint i = 0; i < layout->n_axes; i++)
            {
              const double *point = &layout->points[2 * (r * layout->n_axes + i)];
              int status = layout->statuses[r * layout->n_axes + i];
              Stop stop;

              if (isnan (point[0]))
                continue;
              stop.bounds = (PactaChartRect) { point[0] - 6, point[1] - 6, 12, 12 };
              stop.row = (int) r;
              stop.item = (int) i;
              stop.category = (int) pacta_chart_data_get_item (data, i)->category;
              stop.status = status;
              stop.text = g_strdup_printf ("%s\n%s: %s", pacta_chart_data_get_row (data, r)->title,
                                           pacta_chart_data_get_item (data, i)->title, pacta_chart_status_word (status));
              g_array_append_val (self->stops, stop);
            }
      }
      break;

    case PACTA_CHART_TIMELINE:
      {
        g_autoptr(PactaTimelineLayout) layout = pacta_timeline_layout_new (data, &options, width, height);

        for (guint i = 0; i < layout->entries->len; i++)
          {
            const PactaTimelineEntry *entry = &g_array_index (layout->entries, PactaTimelineEntry, i);

            if (pacta_timeline_hit_test (layout, data, entry->x, entry->y, &hit))
              add_stop_from_hit (self->stops, &hit);
            pacta_chart_hit_clear (&hit);
          }
      }
      break;

    case PACTA_CHART_SUMMARY:
    default:
      {
        g_autoptr(PactaSummaryLayout) layout = pacta_summary_layout_new (data, &options, width, height);

        for (guint i = 0; i < layout->segments->len; i++)
          {
            const PactaBarSegment *seg = &g_array_index (layout->segments, PactaBarSegment, i);

            if (seg->rect.width < 0.5)
              continue;
            if (pacta_summary_hit_test (layout, data, seg->rect.x + seg->rect.width / 2, seg->rect.y + seg->rect.height / 2, &hit))
              add_stop_from_hit (self->stops, &hit);
            pacta_chart_hit_clear (&hit);
          }
      }
      break;
    }
}

/* The stops for the size the chart has now. */
static void
ensure_stops (PactaChartArea *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->stops != NULL && self->stops_width == width && self->stops_height == height)
    return;

  g_clear_pointer (&self->stops, g_array_unref);
  self->stops = g_array_new (FALSE, TRUE, sizeof (Stop));
  g_array_set_clear_func (self->stops, stop_clear);
  self->stops_width = width;
  self->stops_height = height;
  if (self->focused >= 0)
    self->focused = -1;
  if (self->chart == NULL || width < 1 || height < 1)
    return;
  collect_stops (self, width, height);
}

static Stop *
focused_stop (PactaChartArea *self)
{
  if (self->stops == NULL || self->focused < 0 || (guint) self->focused >= self->stops->len)
    return NULL;
  return &g_array_index (self->stops, Stop, self->focused);
}

/* ---- Opening the finding ---------------------------------------------------------------- */

/* The agreement, guideline and item an element stands for: a heatmap cell or radar point
 * names its item; a bar segment the first of its category's items with its status; a
 * timeline dot or summary card only the agreement. */
static gboolean
resolve (PactaChartArea  *self,
         int              row,
         int              item,
         int              category,
         int              status,
         PactaAgreement **agreement,
         const char     **guideline_id,
         const char     **slug)
{
  PactaChartData *data = self->chart ? pacta_chart_get_data (self->chart) : NULL;
  const PactaChartRow *chart_row;

  if (data == NULL || row < 0 || (guint) row >= pacta_chart_data_get_n_rows (data))
    return FALSE;
  chart_row = pacta_chart_data_get_row (data, row);
  if (chart_row->coverage == NULL)
    return FALSE;

  *agreement = pacta_coverage_get_agreement (chart_row->coverage);
  *guideline_id = pacta_guideline_get_id (pacta_coverage_get_guideline (chart_row->coverage));
  *slug = NULL;
  if (g_strcmp0 (*guideline_id, pacta_chart_data_get_guideline_id (data)) != 0)
    return TRUE; /* a row scored against another guideline than the chart's items */

  if (item >= 0 && (guint) item < pacta_chart_data_get_n_items (data))
    *slug = pacta_chart_data_get_item (data, item)->slug;
  else if (category >= 0 && status >= 0)
    for (guint i = 0; i < pacta_chart_data_get_n_items (data); i++)
      if (pacta_chart_data_get_item (data, i)->category == (guint) category &&
          pacta_chart_data_get_status (data, row, i) == status)
        {
          *slug = pacta_chart_data_get_item (data, i)->slug;
          break;
        }
  return TRUE;
}

static gboolean
open_element (PactaChartArea *self,
              int             row,
              int             item,
              int             category,
              int             status)
{
  PactaAgreement *agreement = NULL;
  const char *guideline_id = NULL;
  const char *slug = NULL;

  if (!resolve (self, row, item, category, status, &agreement, &guideline_id, &slug))
    return FALSE;
  g_signal_emit (self, signals[OPEN_ITEM], 0, agreement, guideline_id, slug);
  return TRUE;
}

/* ---- Figures: what the focused element says --------------------------------------------- */

static void
update_accessible (PactaChartArea *self)
{
  Stop *stop = focused_stop (self);
  g_autofree char *description = self->chart ? pacta_chart_dup_description (self->chart) : NULL;
  g_autofree char *label = NULL;

  /* Screen readers speak a focused widget's new name: the element's figures. */
  if (stop != NULL && gtk_widget_has_focus (GTK_WIDGET (self)))
    label = g_strdup_printf ("%s: %s", self->label ? self->label : _("Chart"), self->figures);
  else
    label = g_strdup (self->label ? self->label : _("Chart"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : "",
                                  -1);
}

static void
set_figures (PactaChartArea *self,
             const char     *text)
{
  g_autofree char *flat = NULL;

  /* "Title\nItem: status" reads as one line: "Title · Item: status" */
  if (text != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      flat = g_strjoinv (" · ", lines);
    }
  if (g_strcmp0 (self->figures, flat) == 0)
    return;
  g_free (self->figures);
  self->figures = g_steal_pointer (&flat);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURES]);
}

/* ---- Drawing ---------------------------------------------------------------------------- */

static void
draw_func (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  PactaChartArea *self = PACTA_CHART_AREA (area);
  PactaChartPalette palette;
  PactaChartHit highlight;
  Stop *stop;

  if (self->chart == NULL || width < 1 || height < 1)
    return;

  pacta_chart_area_get_palette (self, &palette);
  pacta_chart_draw (self->chart, cr, width, height, &palette);

  pacta_chart_hit_init (&highlight, pacta_chart_get_chart_type (self->chart));
  stop = gtk_widget_has_focus (GTK_WIDGET (self)) ? focused_stop (self) : NULL;
  if (stop != NULL)
    {
      highlight.bounds = stop->bounds;
      pacta_chart_paint_highlight (cr, &palette, &highlight);
    }
  if (self->hovering && (stop == NULL || memcmp (&stop->bounds, &self->hover_bounds, sizeof (PactaChartRect)) != 0))
    {
      highlight.bounds = self->hover_bounds;
      pacta_chart_paint_highlight (cr, &palette, &highlight);
    }
}

/* ---- Size ------------------------------------------------------------------------------- */

static double
height_for_width (PactaChartArea *self,
                  double          width)
{
  double natural_w, natural_h, height;

  if (self->chart == NULL)
    return 0;
  if (self->measured_for == width)
    return self->measured_height;

  if (self->measuring == NULL)
    {
      PactaChartOptions options;

      self->measuring = pacta_chart_new (pacta_chart_get_chart_type (self->chart), pacta_chart_get_data (self->chart));
      pacta_chart_get_options (self->chart, &options);
      pacta_chart_set_options (self->measuring, &options);
    }
  pacta_chart_get_natural_size (self->measuring, &natural_w, &natural_h);

  switch (pacta_chart_get_chart_type (self->chart))
    {
    case PACTA_CHART_HEATMAP:
    case PACTA_CHART_TIMELINE:
      /* Labels take a share of the height they are given: measured at the height found
       * until the drawing fills it, so no band is left empty under the legend. */
      height = pacta_chart_measure_height (self->measuring, width, MAX_HEIGHT);
      for (guint i = 0; i < 4; i++)
        {
          double next = pacta_chart_measure_height (self->measuring, width, ceil (height));

          if (fabs (next - height) < 1)
            break;
          height = next;
        }
      break;
    case PACTA_CHART_RADAR:
      /* Round: no taller than it is wide, with room for the labels and the legend. */
      height = MIN (natural_h, MAX (300, width * natural_h / MAX (1, natural_w) + 40));
      break;
    case PACTA_CHART_SUMMARY:
      {
        PactaChartOptions options;

        /* The natural height leaves room for a header the cards do without: the least
         * height at which every agreement is shown. */
        pacta_chart_get_options (self->chart, &options);
        height = natural_h;
        for (double h = 80; h < natural_h; h += 8)
          {
            g_autoptr(PactaSummaryLayout) layout = pacta_summary_layout_new (pacta_chart_get_data (self->chart),
                                                                             &options, width, h);

            if (layout->n_hidden == 0)
              {
                height = h + 8;
                break;
              }
          }
      }
      break;
    case PACTA_CHART_BARS:
    default:
      height = natural_h;
      break;
    }
  self->measured_for = width;
  self->measured_height = ceil (height);
  return self->measured_height;
}

static GtkSizeRequestMode
pacta_chart_area_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
pacta_chart_area_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  PactaChartArea *self = PACTA_CHART_AREA (widget);
  double natural_w = 0, natural_h = 0;

  if (self->chart != NULL)
    pacta_chart_get_natural_size (self->chart, &natural_w, &natural_h);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Cards side by side in a flow box wrap by their natural width: modest, so that two
       * fit beside each other in a usual window; the charts grow to what they are given. */
      *minimum = self->chart ? (int) MIN (MIN_WIDTH, ceil (natural_w)) : 0;
      *natural = (int) MIN (MAX_NATURAL_WIDTH, ceil (natural_w));
    }
  else
    {
      double width = for_size >= 0 ? for_size : natural_w;

      *minimum = *natural = (int) height_for_width (self, width);
    }
}

/* ---- Events ----------------------------------------------------------------------------- */

static void
set_hover (PactaChartArea      *self,
           const PactaChartHit *hit)
{
  gboolean hovering = hit != NULL;

  if (hovering == self->hovering &&
      (!hovering || memcmp (&hit->bounds, &self->hover_bounds, sizeof (PactaChartRect)) == 0))
    return;
  self->hovering = hovering;
  if (hovering)
    self->hover_bounds = hit->bounds;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (PactaChartArea           *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  PactaChartHit hit;
  PactaAgreement *agreement;
  const char *guideline_id, *slug;
  gboolean openable = FALSE;

  if (pacta_chart_area_hit_test (self, x, y, &hit))
    {
      set_hover (self, &hit);
      openable = resolve (self, hit.row, hit.item, hit.category, hit.status, &agreement, &guideline_id, &slug);
    }
  else
    set_hover (self, NULL);
  pacta_chart_hit_clear (&hit);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), openable ? "pointer" : NULL);
}

static void
leave_cb (PactaChartArea           *self,
          GtkEventControllerMotion *controller)
{
  set_hover (self, NULL);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
}

static gboolean
query_tooltip_cb (PactaChartArea *self,
                  int             x,
                  int             y,
                  gboolean        keyboard_mode,
                  GtkTooltip     *tooltip)
{
  PactaChartHit hit;
  PactaChartRect *bounds;
  gboolean found;

  if (keyboard_mode)
    {
      Stop *stop = focused_stop (self);

      if (stop == NULL)
        return FALSE;
      gtk_tooltip_set_text (tooltip, stop->text);
      return TRUE;
    }

  found = pacta_chart_area_hit_test (self, x, y, &hit);
  if (found && hit.text != NULL)
    {
      bounds = &hit.bounds;
      gtk_tooltip_set_text (tooltip, hit.text);
      /* Asked again once the pointer leaves the element. */
      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) floor (bounds->x), (int) floor (bounds->y),
                                                           (int) ceil (bounds->width), (int) ceil (bounds->height) });
    }
  pacta_chart_hit_clear (&hit);
  return found;
}

static void
released_cb (PactaChartArea  *self,
             int              n_press,
             double           x,
             double           y,
             GtkGestureClick *gesture)
{
  if (n_press == 1)
    pacta_chart_area_activate_at (self, x, y);
}

static gboolean
key_pressed_cb (PactaChartArea        *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      return pacta_chart_area_move_focus (self, GTK_DIR_LEFT);
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      return pacta_chart_area_move_focus (self, GTK_DIR_RIGHT);
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      return pacta_chart_area_move_focus (self, GTK_DIR_UP);
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      return pacta_chart_area_move_focus (self, GTK_DIR_DOWN);
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      return pacta_chart_area_focus_stop (self, 0);
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      return pacta_chart_area_focus_stop (self, (int) pacta_chart_area_get_n_stops (self) - 1);
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      return pacta_chart_area_activate_focused (self);
    case GDK_KEY_Escape:
      if (self->focused < 0)
        return FALSE;
      pacta_chart_area_focus_stop (self, -1);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
focus_changed_cb (PactaChartArea *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    set_figures (self, NULL);
  else if (focused_stop (self) != NULL)
    set_figures (self, focused_stop (self)->text);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
style_changed_cb (PactaChartArea *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
chart_changed_cb (PactaChartArea *self)
{
  g_clear_object (&self->measuring);
  g_clear_pointer (&self->stops, g_array_unref);
  self->measured_for = -1;
  self->focused = -1;
  self->hovering = FALSE;
  set_figures (self, NULL);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pacta_chart_area_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  PactaChartArea *self = PACTA_CHART_AREA (widget);

  GTK_WIDGET_CLASS (pacta_chart_area_parent_class)->size_allocate (widget, width, height, baseline);

  /* Stops and the pointer's element belong to the old size. */
  if (self->stops != NULL && (self->stops_width != width || self->stops_height != height))
    {
      g_clear_pointer (&self->stops, g_array_unref);
      self->focused = -1;
      set_figures (self, NULL);
    }
  self->hovering = FALSE;
}

/* ---- GObject ---------------------------------------------------------------------------- */

static void
pacta_chart_area_dispose (GObject *object)
{
  PactaChartArea *self = PACTA_CHART_AREA (object);

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_func (self->chart, chart_changed_cb, self);
  g_clear_object (&self->chart);
  g_clear_object (&self->measuring);

  G_OBJECT_CLASS (pacta_chart_area_parent_class)->dispose (object);
}

static void
pacta_chart_area_finalize (GObject *object)
{
  PactaChartArea *self = PACTA_CHART_AREA (object);

  g_clear_pointer (&self->stops, g_array_unref);
  g_free (self->label);
  g_free (self->figures);

  G_OBJECT_CLASS (pacta_chart_area_parent_class)->finalize (object);
}

static void
pacta_chart_area_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PactaChartArea *self = PACTA_CHART_AREA (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    case PROP_FIGURES:
      g_value_set_string (value, self->figures);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_chart_area_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PactaChartArea *self = PACTA_CHART_AREA (object);

  switch (prop_id)
    {
    case PROP_CHART:
      pacta_chart_area_set_chart (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_chart_area_class_init (PactaChartAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacta_chart_area_dispose;
  object_class->finalize = pacta_chart_area_finalize;
  object_class->get_property = pacta_chart_area_get_property;
  object_class->set_property = pacta_chart_area_set_property;
  widget_class->get_request_mode = pacta_chart_area_get_request_mode;
  widget_class->measure = pacta_chart_area_measure;
  widget_class->size_allocate = pacta_chart_area_size_allocate;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, PACTA_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * PactaChartArea:figures:
   *
   * The figures of the element the keyboard has reached, on one line; %NULL when none.
   */
  properties[PROP_FIGURES] =
    g_param_spec_string ("figures", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PactaChartArea::open-item:
   * @agreement: the agreement of the element clicked
   * @guideline_id: the guideline it was held against
   * @slug: (nullable): the guideline item, or %NULL for the agreement as a whole
   *
   * A heatmap cell, bar segment, radar point (or a timeline dot) was clicked or activated.
   */
  signals[OPEN_ITEM] = g_signal_new ("open-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 3,
                                     PACTA_TYPE_AGREEMENT, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "pacta-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pacta_chart_area_init (PactaChartArea *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->focused = -1;
  self->measured_for = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_func, NULL, NULL);

  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect_object (click, "released", G_CALLBACK (released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect (self, "notify::has-focus", G_CALLBACK (focus_changed_cb), NULL);

  g_signal_connect_object (style, "notify::dark", G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (style, "notify::high-contrast", G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  update_accessible (self);
}

/* ---- Public API ------------------------------------------------------------------------- */

GtkWidget *
pacta_chart_area_new (void)
{
  return g_object_new (PACTA_TYPE_CHART_AREA, NULL);
}

/* Returns: (transfer none) (nullable) */
PactaChart *
pacta_chart_area_get_chart (PactaChartArea *self)
{
  g_return_val_if_fail (PACTA_IS_CHART_AREA (self), NULL);
  return self->chart;
}

void
pacta_chart_area_set_chart (PactaChartArea *self,
                            PactaChart     *chart)
{
  g_return_if_fail (PACTA_IS_CHART_AREA (self));
  g_return_if_fail (chart == NULL || PACTA_IS_CHART (chart));

  if (self->chart == chart)
    return;
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_func (self->chart, chart_changed_cb, self);
  g_set_object (&self->chart, chart);
  if (chart != NULL)
    g_signal_connect_swapped (chart, "changed", G_CALLBACK (chart_changed_cb), self);
  chart_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

/* The accessible name: the card's title. */
void
pacta_chart_area_set_label (PactaChartArea *self,
                            const char     *label)
{
  g_return_if_fail (PACTA_IS_CHART_AREA (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;
  g_free (self->label);
  self->label = g_strdup (label);
  update_accessible (self);
}

/* What is at (@x, @y) in widget coordinates, as last drawn. Clear @hit with
 * pacta_chart_hit_clear() whatever the result. */
gboolean
pacta_chart_area_hit_test (PactaChartArea *self,
                           double          x,
                           double          y,
                           PactaChartHit  *hit)
{
  g_return_val_if_fail (PACTA_IS_CHART_AREA (self), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  if (self->chart == NULL)
    {
      pacta_chart_hit_init (hit, PACTA_CHART_BARS);
      return FALSE;
    }
  return pacta_chart_hit_test (self->chart, x, y, hit);
}

/* As a click at (@x, @y): emits ::open-item when something there can be opened. */
gboolean
pacta_chart_area_activate_at (PactaChartArea *self,
                              double          x,
                              double          y)
{
  PactaChartHit hit;
  gboolean opened = FALSE;

  g_return_val_if_fail (PACTA_IS_CHART_AREA (self), FALSE);

  if (pacta_chart_area_hit_test (self, x, y, &hit))
    opened = open_element (self, hit.row, hit.item, hit.category, hit.status);
  pacta_chart_hit_clear (&hit);
  return opened;
}

guint
pacta_chart_area_get_n_stops (PactaChartArea *self)
{
  g_return_val_if_fail (PACTA_IS_CHART_AREA (self), 0);

  ensure_stops (self);
  return self->stops->len;
}

/* Fills @hit with stop @index (bounds, row, item, category, status and a copy of its text). */
gboolean
pacta_chart_area_get_stop (PactaChartArea *self,
                           guint           index,
                           PactaChartHit  *hit)
{
  Stop *stop;

  g_return_val_if_fail (PACTA_IS_CHART_AREA (self), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  pacta_chart_hit_init (hit, self->chart ? pacta_chart_get_chart_type (self->chart) : PACTA_CHART_BARS);
  ensure_stops (self);
  if (index >= self->stops->len)
    return FALSE;
  stop = &g_array_index (self->stops, Stop, index);
  hit->bounds = stop->bounds;
  hit->row = stop->row;
  hit->item = stop->item;
  hit->category = stop->category;
  hit->status = stop->status;
  hit->text = g_strdup (stop->text);
  return TRUE;
}

int
pacta_chart_area_get_focused_stop (PactaChartArea *self)
{
  g_return_val_if_fail (PACTA_IS_CHART_AREA (self), -1);
  return self->focused;
}

/* Moves the keyboard's element to stop @index (-1: none), and shows its figures. */
gboolean
pacta_chart_area_focus_stop (PactaChartArea *self,
                             int             index)
{
  Stop *stop;

  g_return_val_if_fail (PACTA_IS_CHART_AREA (self), FALSE);

  ensure_stops (self);
  if (index >= (int) self->stops->len || index < -1)
    return FALSE;
  self->focused = index;
  stop = focused_stop (self);
  set_figures (self, stop != NULL ? stop->text : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static double
center_x (const Stop *stop)
{
  return stop->bounds.x + stop->bounds.width / 2;
}

static double
center_y (const Stop *stop)
{
  return stop->bounds.y + stop->bounds.height / 2;
}

/* The nearest stop in @direction: along it first, then as little across as possible. */
static int
nearest_in_direction (PactaChartArea   *self,
                      const Stop       *from,
                      GtkDirectionType  direction)
{
  double best = G_MAXDOUBLE;
  int found = -1;

  for (guint i = 0; i < self->stops->len; i++)
    {
      const Stop *stop = &g_array_index (self->stops, Stop, i);
      double dx = center_x (stop) - center_x (from);
      double dy = center_y (stop) - center_y (from);
      double along, across, score;

      switch (direction)
        {
        case GTK_DIR_LEFT:
          along = -dx, across = fabs (dy);
          break;
        case GTK_DIR_RIGHT:
          along = dx, across = fabs (dy);
          break;
        case GTK_DIR_UP:
          along = -dy, across = fabs (dx);
          break;
        case GTK_DIR_DOWN:
        default:
          along = dy, across = fabs (dx);
          break;
        }
      if (along < 1.0)
        continue;
      score = along + 4 * across;
      if (score < best)
        {
          best = score;
          found = (int) i;
        }
    }
  return found;
}

/* The radar's points: left and right go round the axes of one agreement, up and down from
 * one agreement to the next on the same axis. */
static int
radar_neighbour (PactaChartArea   *self,
                 const Stop       *from,
                 GtkDirectionType  direction)
{
  int n = (int) self->stops->len;
  int step = direction == GTK_DIR_LEFT || direction == GTK_DIR_UP ? -1 : 1;

  for (int k = 1; k < n; k++)
    {
      int i = ((self->focused + step * k) % n + n) % n;
      const Stop *stop = &g_array_index (self->stops, Stop, i);

      if (direction == GTK_DIR_LEFT || direction == GTK_DIR_RIGHT ? stop->row == from->row : stop->item == from->item)
        return i;
    }
  return -1;
}

/* Arrow keys: the next element that way; the first one when none is focused yet. */
gboolean
pacta_chart_area_move_focus (PactaChartArea   *self,
                             GtkDirectionType  direction)
{
  const Stop *from;
  int next;

  g_return_val_if_fail (PACTA_IS_CHART_AREA (self), FALSE);

  ensure_stops (self);
  if (self->stops->len == 0)
    return FALSE;
  from = focused_stop (self);
  if (from == NULL)
    return pacta_chart_area_focus_stop (self, 0);

  if (pacta_chart_get_chart_type (self->chart) == PACTA_CHART_RADAR)
    next = radar_neighbour (self, from, direction);
  else
    {
      next = nearest_in_direction (self, from, direction);
      /* A lone column of elements (the timeline): left and right step through them too. */
      if (next < 0)
        {
          int step = direction == GTK_DIR_LEFT || direction == GTK_DIR_UP ? -1 : 1;

          next = self->focused + step;
          if (next < 0 || next >= (int) self->stops->len)
            next = -1;
        }
    }
  if (next < 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }
  return pacta_chart_area_focus_stop (self, next);
}

/* Enter on the keyboard's element: as a click on it. */
gboolean
pacta_chart_area_activate_focused (PactaChartArea *self)
{
  Stop *stop;

  g_return_val_if_fail (PACTA_IS_CHART_AREA (self), FALSE);

  stop = focused_stop (self);
  if (stop == NULL)
    return FALSE;
  return open_element (self, stop->row, stop->item, stop->category, stop->status);
}

/* Returns: (nullable): the figures of the keyboard's element, on one line */
const char *
pacta_chart_area_get_figures (PactaChartArea *self)
{
  g_return_val_if_fail (PACTA_IS_CHART_AREA (self), NULL);
  return self->figures;
}
