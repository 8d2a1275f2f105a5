/* pacta-compare-view.c — two agreements side by side, aligned row by row, with a redline
 *
 * The Meld of treaties. One GtkScrolledWindow holds a GtkGrid of three columns: A's
 * units on the left, B's on the right, a link strip between them; so both sides scroll
 * together and each row is as tall as its taller side. The rows follow the comparison's
 * layout (pacta_comparison_get_lines()): a pair in order shares a row; a split's A unit
 * spans its B units' rows (a merge the reverse); added and removed units face a hatched
 * gap; a moved unit stands where it is on each side, and the link strip draws a line
 * across from one to the other, crossing the bands of the rows in order.
 *
 * Inside each unit the words come from the row's word diff: inserted words green and
 * underlined, deleted ones red and struck through (Pango markup, every piece escaped),
 * and the counts in each cell's accessible description. The filters (numbering, case,
 * punctuation) re-diff in place; Alt+Down and Alt+Up go to the next and previous change;
 * the summary bar counts the rows, lists the changes and swaps the sides.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-compare-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pacta-compare-view.h"
#include "pacta-resources.h"

struct _PactaCompareView
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkStack         *stack;
  GtkLabel         *title_a;
  GtkLabel         *title_b;
  GtkScrolledWindow *scroller;
  GtkGrid          *grid;
  GtkLabel         *summary_label;
  GtkListBox       *outline_list;
  GtkPopover       *outline_popover;

  /* Owned references */
  PactaAgreement   *agreement[2];
  PactaComparison  *comparison;
  char             *summary;

  /* Borrowed: children of the grid, and rows of the comparison */
  GtkWidget        *links;
  GHashTable       *cells[2];    /* PactaProvision → cell */
  GPtrArray        *changes;     /* PactaAlignment that are not "same", in display order */
  int               current;     /* index into changes, or -1 */

  guint             ignore_numbering : 1;
  guint             ignore_case : 1;
  guint             ignore_punctuation : 1;
};

G_DEFINE_FINAL_TYPE (PactaCompareView, pacta_compare_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_AGREEMENT_A,
  PROP_AGREEMENT_B,
  PROP_COMPARISON,
  PROP_IGNORE_NUMBERING,
  PROP_IGNORE_CASE,
  PROP_IGNORE_PUNCTUATION,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char style_sheet[] =
  ".compare-titles { padding: 8px 12px; }\n"
  ".compare-grid { padding: 6px 12px 18px 12px; }\n"
  ".compare-cell { padding: 8px 12px; margin: 3px 0; border-radius: 6px; }\n"
  ".compare-cell.changed, .compare-cell.split, .compare-cell.merge { background-color: alpha(@accent_bg_color, 0.07); }\n"
  ".compare-cell.moved { background-color: alpha(@warning_bg_color, 0.12); }\n"
  ".compare-cell.added { background-color: alpha(@success_bg_color, 0.12); }\n"
  ".compare-cell.removed { background-color: alpha(@error_bg_color, 0.10); }\n"
  ".compare-cell.current { box-shadow: inset 4px 0 @accent_bg_color; }\n"
  ".compare-gap { margin: 3px 0; border-radius: 6px;\n"
  "  background-image: repeating-linear-gradient(-45deg, alpha(currentColor, 0.07) 0px, alpha(currentColor, 0.07) 4px,\n"
  "                                               transparent 4px, transparent 10px); }\n"
  ".compare-num { font-weight: bold; }\n"
  ".compare-tag { font-size: smaller; font-weight: bold; padding: 0 6px; border-radius: 4px;\n"
  "               border: 1px solid currentColor; }\n"
  ".compare-tag.changed, .compare-tag.split, .compare-tag.merge { color: @accent_color; }\n"
  ".compare-tag.moved { color: @warning_color; }\n"
  ".compare-tag.added { color: @success_color; }\n"
  ".compare-tag.removed { color: @error_color; }\n"
  ".compare-summary { font-weight: bold; }\n"
  ".compare-bar { padding: 6px; }\n";

/* Pango markup of the highlights: colour, and a line that still reads in grey scale. */
#define INSERTED_OPEN "<span underline=\"single\" underline_color=\"#26a269\" background=\"#2ec27e\" bgalpha=\"28%\">"
#define DELETED_OPEN  "<span strikethrough=\"true\" strikethrough_color=\"#c01c28\" background=\"#e01b24\" bgalpha=\"22%\">"

static void
ensure_style (void)
{
  static gboolean done;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (done || display == NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, style_sheet, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  done = TRUE;
}

static PactaDiffFlags
current_flags (PactaCompareView *self)
{
  PactaDiffFlags flags = PACTA_DIFF_IGNORE_WHITESPACE;

  if (self->ignore_numbering)
    flags |= PACTA_DIFF_IGNORE_NUMBERING;
  if (self->ignore_case)
    flags |= PACTA_DIFF_IGNORE_CASE;
  if (self->ignore_punctuation)
    flags |= PACTA_DIFF_IGNORE_PUNCTUATION;
  return flags;
}

/* Markup */

typedef struct
{
  GString  *out;
  gboolean  plain;   /* a whole unit added or removed: its cell says so, no highlights */
} Markup;

static void
append_segment_markup (const char       *text,
                       gsize             len,
                       PactaSegmentKind  kind,
                       gpointer          user_data)
{
  Markup *m = user_data;
  g_autofree char *escaped = g_markup_escape_text (text, len);

  if (m->plain || kind == PACTA_SEGMENT_EQUAL)
    g_string_append (m->out, escaped);
  else
    {
      g_string_append (m->out, kind == PACTA_SEGMENT_INSERTED ? INSERTED_OPEN : DELETED_OPEN);
      g_string_append (m->out, escaped);
      g_string_append (m->out, "</span>");
    }
}

static char *
range_markup (PactaAlignment *row,
              PactaSide       side,
              guint           start,
              guint           end)
{
  PactaAlignmentKind kind = pacta_alignment_get_kind (row);
  Markup m = { g_string_new (NULL), kind == PACTA_ALIGNMENT_ADDED || kind == PACTA_ALIGNMENT_REMOVED };

  pacta_word_diff_foreach_segment (pacta_alignment_get_diff (row), side, start, end, append_segment_markup, &m);
  return g_string_free (m.out, FALSE);
}

/* "moved → Article 14", "split from Article 7", "changed · +12 −3"… */
static char *
tag_text (PactaAlignment *row,
          PactaSide       side)
{
  PactaAlignmentKind kind = pacta_alignment_get_kind (row);
  PactaSide other = side == PACTA_SIDE_A ? PACTA_SIDE_B : PACTA_SIDE_A;
  g_autofree char *there = pacta_alignment_dup_label (row, other);
  guint ins = pacta_alignment_get_inserted (row);
  guint del = pacta_alignment_get_deleted (row);
  g_autofree char *words = NULL;
  char *tag = NULL;

  if (ins || del)
    /* Translators: words inserted and deleted */
    words = g_strdup_printf (_("+%u −%u"), ins, del);

  switch (kind)
    {
    case PACTA_ALIGNMENT_SAME:
      return NULL;
    case PACTA_ALIGNMENT_CHANGED:
      tag = g_strdup_printf ("%s · %s", _("changed"), words ? words : "");
      break;
    case PACTA_ALIGNMENT_MOVED:
      /* Translators: "moved → Article 14" on the old side, "moved from Article 9" on the new */
      tag = side == PACTA_SIDE_A ? g_strdup_printf (_("moved → %s"), there) : g_strdup_printf (_("moved from %s"), there);
      if (words)
        {
          char *with = g_strdup_printf ("%s · %s", tag, words);

          g_free (tag);
          tag = with;
        }
      break;
    case PACTA_ALIGNMENT_SPLIT:
      tag = side == PACTA_SIDE_A ? g_strdup_printf (_("split into %s"), there) : g_strdup_printf (_("split from %s"), there);
      break;
    case PACTA_ALIGNMENT_MERGE:
      tag = side == PACTA_SIDE_B ? g_strdup_printf (_("merged from %s"), there) : g_strdup_printf (_("merged into %s"), there);
      break;
    case PACTA_ALIGNMENT_ADDED:
      tag = g_strdup (_("added"));
      break;
    case PACTA_ALIGNMENT_REMOVED:
      tag = g_strdup (_("removed"));
      break;
    default:
      break;
    }
  return tag;
}

static GtkWidget *
make_cell (PactaCompareView *self,
           PactaAlignment   *row,
           PactaSide         side,
           guint             index)
{
  PactaProvision *unit = pacta_alignment_get_unit (row, side, index);
  PactaAlignmentKind kind = pacta_alignment_get_kind (row);
  const char *num = pacta_provision_get_num (unit);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *body = gtk_label_new (NULL);
  g_autofree char *tag = tag_text (row, side);
  g_autofree char *heading = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title_markup = NULL;
  g_autofree char *escaped_num = g_markup_escape_text (num ? num : pacta_provision_get_eid (unit), -1);
  g_autofree char *accessible = NULL;
  guint start, heading_end, body_start, end;

  pacta_alignment_get_unit_range (row, side, index, &start, &heading_end, &body_start, &end);
  heading = range_markup (row, side, start, heading_end);
  text = range_markup (row, side, body_start, end);

  gtk_widget_add_css_class (box, "compare-cell");
  gtk_widget_add_css_class (box, pacta_alignment_kind_to_string (kind));
  gtk_widget_set_hexpand (box, TRUE);

  title_markup = g_strdup_printf ("<span weight=\"bold\">%s</span>  %s", escaped_num, heading);
  gtk_label_set_markup (GTK_LABEL (title), title_markup);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (header), title);
  if (tag)
    {
      GtkWidget *chip = gtk_label_new (tag);

      gtk_widget_add_css_class (chip, "compare-tag");
      gtk_widget_add_css_class (chip, pacta_alignment_kind_to_string (kind));
      gtk_widget_set_valign (chip, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (header), chip);
    }
  gtk_box_append (GTK_BOX (box), header);

  gtk_label_set_markup (GTK_LABEL (body), text);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (body), 0.0);
  gtk_label_set_yalign (GTK_LABEL (body), 0.0);
  /* the same natural width on both sides, so the columns share the width evenly */
  gtk_label_set_width_chars (GTK_LABEL (body), 24);
  gtk_label_set_max_width_chars (GTK_LABEL (body), 24);
  gtk_label_set_width_chars (GTK_LABEL (title), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 12);
  gtk_box_append (GTK_BOX (box), body);

  /* what a screen reader says: the unit, its status, the words changed */
  accessible = g_strdup_printf ("%s %s. %s", num ? num : "", pacta_provision_get_heading (unit) ? pacta_provision_get_heading (unit) : "",
                                tag ? tag : _("unchanged"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  pacta_alignment_get_inserted (row) + pacta_alignment_get_deleted (row) > 0
                                    ? _("Inserted words are underlined, deleted words struck through.") : "",
                                  -1);

  g_object_set_data (G_OBJECT (box), "pacta-alignment", row);
  g_hash_table_insert (self->cells[side == PACTA_SIDE_B], unit, box);
  return box;
}

static GtkWidget *
make_gap (void)
{
  GtkWidget *gap = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (gap, "compare-gap");
  gtk_widget_set_hexpand (gap, TRUE);
  return gap;
}

/* The link strip */

typedef struct
{
  double top;
  double bottom;
} Span;

/* Vertical extent of the row's cells on one side, in the strip's coordinates. */
static gboolean
side_span (PactaCompareView *self,
           PactaAlignment   *row,
           PactaSide         side,
           Span             *span)
{
  guint n = pacta_alignment_get_n_units (row, side);
  gboolean any = FALSE;

  for (guint k = 0; k < n; k++)
    {
      GtkWidget *cell = g_hash_table_lookup (self->cells[side == PACTA_SIDE_B], pacta_alignment_get_unit (row, side, k));
      graphene_rect_t bounds;

      if (cell == NULL || !gtk_widget_compute_bounds (cell, self->links, &bounds))
        continue;
      if (!any || bounds.origin.y < span->top)
        span->top = bounds.origin.y + 3;
      if (!any || bounds.origin.y + bounds.size.height > span->bottom)
        span->bottom = bounds.origin.y + bounds.size.height - 3;
      any = TRUE;
    }
  return any;
}

static void
set_kind_colour (cairo_t            *cr,
                 PactaAlignmentKind  kind,
                 double              alpha)
{
  switch (kind)
    {
    case PACTA_ALIGNMENT_CHANGED:
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, alpha);   /* blue 3 */
      break;
    case PACTA_ALIGNMENT_MOVED:
      cairo_set_source_rgba (cr, 0.90, 0.38, 0.0, MIN (1.0, alpha * 3));  /* orange 4 */
      break;
    case PACTA_ALIGNMENT_SPLIT:
    case PACTA_ALIGNMENT_MERGE:
      cairo_set_source_rgba (cr, 0.57, 0.25, 0.67, alpha);   /* purple 3 */
      break;
    case PACTA_ALIGNMENT_ADDED:
      cairo_set_source_rgba (cr, 0.18, 0.76, 0.49, alpha);   /* green 4 */
      break;
    case PACTA_ALIGNMENT_REMOVED:
      cairo_set_source_rgba (cr, 0.88, 0.11, 0.14, alpha);   /* red 3 */
      break;
    case PACTA_ALIGNMENT_SAME:
    default:
      cairo_set_source_rgba (cr, 0.6, 0.6, 0.6, alpha * 0.6);
      break;
    }
}

/* A band from [a.top, a.bottom] on the left to [b.top, b.bottom] on the right. */
static void
band (cairo_t    *cr,
      double      width,
      const Span *a,
      const Span *b)
{
  double mid = width / 2;

  cairo_move_to (cr, 0, a->top);
  cairo_curve_to (cr, mid, a->top, mid, b->top, width, b->top);
  cairo_line_to (cr, width, b->bottom);
  cairo_curve_to (cr, mid, b->bottom, mid, a->bottom, 0, a->bottom);
  cairo_close_path (cr);
}

static void
draw_links (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  PactaCompareView *self = user_data;
  PactaAlignment *current = pacta_compare_view_get_current_change (self);
  guint n;

  if (self->comparison == NULL || width <= 0 || height <= 0)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->comparison));

  /* Bands first, then the moves' lines over them, so the crossings show. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(PactaAlignment) row = g_list_model_get_item (G_LIST_MODEL (self->comparison), i);
        PactaAlignmentKind kind = pacta_alignment_get_kind (row);
        gboolean moved = pacta_alignment_get_moved (row);
        double alpha = row == current ? 0.5 : kind == PACTA_ALIGNMENT_SAME ? 0.2 : 0.24;
        Span a = { 0, 0 }, b = { 0, 0 };
        gboolean has_a = side_span (self, row, PACTA_SIDE_A, &a);
        gboolean has_b = side_span (self, row, PACTA_SIDE_B, &b);

        if ((pass == 1) != moved)
          continue;
        if (moved && has_a && has_b)
          {
            double ya = (a.top + a.bottom) / 2, yb = (b.top + b.bottom) / 2;

            set_kind_colour (cr, PACTA_ALIGNMENT_MOVED, row == current ? 0.33 : 0.25);
            cairo_set_line_width (cr, row == current ? 3.5 : 2.5);
            cairo_move_to (cr, 0, ya);
            cairo_curve_to (cr, width / 2.0, ya, width / 2.0, yb, width, yb);
            cairo_stroke (cr);
            cairo_arc (cr, 3, ya, 3, 0, 2 * G_PI);
            cairo_fill (cr);
            cairo_arc (cr, width - 3, yb, 3, 0, 2 * G_PI);
            cairo_fill (cr);
            continue;
          }
        if (has_a && !has_b)
          {
            /* removed: from A's unit to a point on B's side */
            double y = (a.top + a.bottom) / 2;

            b.top = b.bottom = y;
          }
        else if (has_b && !has_a)
          {
            double y = (b.top + b.bottom) / 2;

            a.top = a.bottom = y;
          }
        else if (!has_a && !has_b)
          continue;
        set_kind_colour (cr, kind, alpha);
        band (cr, width, &a, &b);
        cairo_fill (cr);
      }
}

/* Building the rows */

static void
clear_grid (PactaCompareView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  self->links = NULL;
  g_hash_table_remove_all (self->cells[0]);
  g_hash_table_remove_all (self->cells[1]);
  g_ptr_array_set_size (self->changes, 0);
  self->current = -1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->outline_list))) != NULL)
    gtk_list_box_remove (self->outline_list, child);
}

static void
update_actions (PactaCompareView *self)
{
  gboolean any = self->changes->len > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.next-change",
                                 any && self->current + 1 < (int) self->changes->len);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.previous-change", any && self->current > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.swap", self->comparison != NULL);
}

static void
add_outline_row (PactaCompareView *self,
                 PactaAlignment   *row,
                 guint             index)
{
  g_autofree char *label_a = pacta_alignment_dup_label (row, PACTA_SIDE_A);
  g_autofree char *label_b = pacta_alignment_dup_label (row, PACTA_SIDE_B);
  PactaSide side = pacta_alignment_get_n_units (row, PACTA_SIDE_B) ? PACTA_SIDE_B : PACTA_SIDE_A;
  const char *heading = pacta_provision_get_heading (pacta_alignment_get_unit (row, side, 0));
  g_autofree char *text = g_strdup_printf ("%s → %s  %s — %s", label_a ? label_a : "—", label_b ? label_b : "—",
                                           heading ? heading : "",
                                           pacta_alignment_kind_to_label (pacta_alignment_get_kind (row)));
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *list_row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), label);
  g_object_set_data (G_OBJECT (list_row), "pacta-change", GUINT_TO_POINTER (index));
  gtk_list_box_append (self->outline_list, list_row);
}

static void
rebuild (PactaCompareView *self)
{
  const PactaCompareLine *lines;
  guint n_lines;

  clear_grid (self);
  g_clear_pointer (&self->summary, g_free);

  if (self->comparison == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_label_set_text (self->summary_label, "");
      update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
      return;
    }

  for (int side = 0; side < 2; side++)
    {
      PactaAgreement *agreement = pacta_comparison_get_agreement (self->comparison, side);
      g_autofree char *title = g_strdup_printf ("%s  %s", side ? "B" : "A", pacta_agreement_get_display_title (agreement));

      gtk_label_set_text (side ? self->title_b : self->title_a, title);
      gtk_widget_set_tooltip_text (GTK_WIDGET (side ? self->title_b : self->title_a), pacta_agreement_get_display_title (agreement));
    }

  lines = pacta_comparison_get_lines (self->comparison, &n_lines);
  for (guint i = 0; i < n_lines; i++)
    {
      const PactaCompareLine *line = &lines[i];

      if (line->a_unit >= 0)
        gtk_grid_attach (self->grid, make_cell (self, line->alignment, PACTA_SIDE_A, line->a_unit),
                         0, i, 1, MAX (1, line->a_span));
      else if (pacta_alignment_get_n_units (line->alignment, PACTA_SIDE_A) == 0 ||
               pacta_alignment_get_moved (line->alignment))
        gtk_grid_attach (self->grid, make_gap (), 0, i, 1, 1);

      if (line->b_unit >= 0)
        gtk_grid_attach (self->grid, make_cell (self, line->alignment, PACTA_SIDE_B, line->b_unit),
                         2, i, 1, MAX (1, line->b_span));
      else if (pacta_alignment_get_n_units (line->alignment, PACTA_SIDE_B) == 0 ||
               pacta_alignment_get_moved (line->alignment))
        gtk_grid_attach (self->grid, make_gap (), 2, i, 1, 1);
    }

  self->links = gtk_drawing_area_new ();
  gtk_widget_set_size_request (self->links, 64, -1);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->links), draw_links, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->links),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Links between the aligned units; crossing lines are moves"),
                                  -1);
  gtk_grid_attach (self->grid, self->links, 1, 0, 1, MAX (1, n_lines));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->comparison)); i++)
    {
      g_autoptr(PactaAlignment) row = g_list_model_get_item (G_LIST_MODEL (self->comparison), i);

      if (pacta_alignment_get_kind (row) == PACTA_ALIGNMENT_SAME)
        continue;
      add_outline_row (self, row, self->changes->len);
      g_ptr_array_add (self->changes, row);
    }

  self->summary = pacta_comparison_dup_summary_label (self->comparison);
  gtk_label_set_text (self->summary_label, self->summary);
  gtk_stack_set_visible_child_name (self->stack, "compare");
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static void
comparison_items_changed_cb (PactaCompareView *self,
                             guint             position,
                             guint             removed,
                             guint             added,
                             GListModel       *model)
{
  rebuild (self);
}

static void
set_comparison (PactaCompareView *self,
                PactaComparison  *comparison)
{
  if (self->comparison == comparison)
    return;
  if (self->comparison)
    g_signal_handlers_disconnect_by_func (self->comparison, comparison_items_changed_cb, self);
  g_set_object (&self->comparison, comparison);
  if (self->comparison)
    g_signal_connect_object (self->comparison, "items-changed",
                             G_CALLBACK (comparison_items_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

static void
recompare (PactaCompareView *self)
{
  g_autoptr(PactaComparison) comparison = NULL;

  if (self->agreement[0] && self->agreement[1])
    comparison = pacta_comparison_new (self->agreement[0], self->agreement[1], current_flags (self));
  set_comparison (self, comparison);
}

/* Navigation */

static GtkWidget *
first_cell (PactaCompareView *self,
            PactaAlignment   *row)
{
  GtkWidget *best = NULL;
  int best_row = G_MAXINT;

  for (int side = 0; side < 2; side++)
    for (guint k = 0; k < pacta_alignment_get_n_units (row, side); k++)
      {
        GtkWidget *cell = g_hash_table_lookup (self->cells[side], pacta_alignment_get_unit (row, side, k));
        int top;

        if (cell == NULL)
          continue;
        gtk_grid_query_child (self->grid, cell, NULL, &top, NULL, NULL);
        if (top < best_row)
          {
            best_row = top;
            best = cell;
          }
      }
  return best;
}

static void
set_row_class (PactaCompareView *self,
               PactaAlignment   *row,
               gboolean          on)
{
  for (int side = 0; side < 2; side++)
    for (guint k = 0; k < pacta_alignment_get_n_units (row, side); k++)
      {
        GtkWidget *cell = g_hash_table_lookup (self->cells[side], pacta_alignment_get_unit (row, side, k));

        if (cell == NULL)
          continue;
        if (on)
          gtk_widget_add_css_class (cell, "current");
        else
          gtk_widget_remove_css_class (cell, "current");
      }
}

static void
go_to_change (PactaCompareView *self,
              int               index)
{
  PactaAlignment *row;
  GtkWidget *cell;
  graphene_point_t point;

  if (index < 0 || index >= (int) self->changes->len)
    return;
  if (self->current >= 0)
    set_row_class (self, g_ptr_array_index (self->changes, self->current), FALSE);
  self->current = index;
  row = g_ptr_array_index (self->changes, index);
  set_row_class (self, row, TRUE);

  cell = first_cell (self, row);
  if (cell && gtk_widget_compute_point (cell, GTK_WIDGET (self->grid), &GRAPHENE_POINT_INIT (0, 0), &point))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

      gtk_adjustment_set_value (adjustment, MAX (0.0, point.y - 12));
    }
  if (self->links)
    gtk_widget_queue_draw (self->links);
  update_actions (self);
}

static void
outline_row_activated_cb (PactaCompareView *self,
                          GtkListBoxRow    *row,
                          GtkListBox       *list)
{
  go_to_change (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "pacta-change")));
  gtk_popover_popdown (self->outline_popover);
}

static void
next_change_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  pacta_compare_view_next_change (PACTA_COMPARE_VIEW (widget));
}

static void
previous_change_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  pacta_compare_view_previous_change (PACTA_COMPARE_VIEW (widget));
}

static void
swap_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  pacta_compare_view_swap (PACTA_COMPARE_VIEW (widget));
}

/* GObject */

static void
pacta_compare_view_dispose (GObject *object)
{
  PactaCompareView *self = (PactaCompareView *) object;
  GtkWidget *child;

  if (self->comparison)
    g_signal_handlers_disconnect_by_func (self->comparison, comparison_items_changed_cb, self);
  if (self->changes)
    g_ptr_array_set_size (self->changes, 0);
  if (self->cells[0])
    {
      g_hash_table_remove_all (self->cells[0]);
      g_hash_table_remove_all (self->cells[1]);
    }
  self->links = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), PACTA_TYPE_COMPARE_VIEW);
  /* the template's unnamed children too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->comparison);
  g_clear_object (&self->agreement[0]);
  g_clear_object (&self->agreement[1]);

  G_OBJECT_CLASS (pacta_compare_view_parent_class)->dispose (object);
}

static void
pacta_compare_view_finalize (GObject *object)
{
  PactaCompareView *self = (PactaCompareView *) object;

  g_clear_pointer (&self->cells[0], g_hash_table_unref);
  g_clear_pointer (&self->cells[1], g_hash_table_unref);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (pacta_compare_view_parent_class)->finalize (object);
}

static void
pacta_compare_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PactaCompareView *self = PACTA_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_AGREEMENT_A:
      g_value_set_object (value, self->agreement[0]);
      break;
    case PROP_AGREEMENT_B:
      g_value_set_object (value, self->agreement[1]);
      break;
    case PROP_COMPARISON:
      g_value_set_object (value, self->comparison);
      break;
    case PROP_IGNORE_NUMBERING:
      g_value_set_boolean (value, self->ignore_numbering);
      break;
    case PROP_IGNORE_CASE:
      g_value_set_boolean (value, self->ignore_case);
      break;
    case PROP_IGNORE_PUNCTUATION:
      g_value_set_boolean (value, self->ignore_punctuation);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_compare_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PactaCompareView *self = PACTA_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_AGREEMENT_A:
      pacta_compare_view_set_agreement_a (self, g_value_get_object (value));
      break;
    case PROP_AGREEMENT_B:
      pacta_compare_view_set_agreement_b (self, g_value_get_object (value));
      break;
    case PROP_IGNORE_NUMBERING:
      pacta_compare_view_set_ignore_numbering (self, g_value_get_boolean (value));
      break;
    case PROP_IGNORE_CASE:
      pacta_compare_view_set_ignore_case (self, g_value_get_boolean (value));
      break;
    case PROP_IGNORE_PUNCTUATION:
      pacta_compare_view_set_ignore_punctuation (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_compare_view_class_init (PactaCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacta_compare_view_dispose;
  object_class->finalize = pacta_compare_view_finalize;
  object_class->get_property = pacta_compare_view_get_property;
  object_class->set_property = pacta_compare_view_set_property;

  properties[PROP_AGREEMENT_A] =
    g_param_spec_object ("agreement-a", NULL, NULL, PACTA_TYPE_AGREEMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AGREEMENT_B] =
    g_param_spec_object ("agreement-b", NULL, NULL, PACTA_TYPE_AGREEMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL, PACTA_TYPE_COMPARISON,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IGNORE_NUMBERING] =
    g_param_spec_boolean ("ignore-numbering", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IGNORE_CASE] =
    g_param_spec_boolean ("ignore-case", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IGNORE_PUNCTUATION] =
    g_param_spec_boolean ("ignore-punctuation", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* keeps the resources linked in from the static library */
  g_assert (pacta_get_resource () != NULL);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacta/Pacta/ui/pacta-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PactaCompareView, stack);
  gtk_widget_class_bind_template_child (widget_class, PactaCompareView, title_a);
  gtk_widget_class_bind_template_child (widget_class, PactaCompareView, title_b);
  gtk_widget_class_bind_template_child (widget_class, PactaCompareView, scroller);
  gtk_widget_class_bind_template_child (widget_class, PactaCompareView, grid);
  gtk_widget_class_bind_template_child (widget_class, PactaCompareView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PactaCompareView, outline_list);
  gtk_widget_class_bind_template_child (widget_class, PactaCompareView, outline_popover);
  gtk_widget_class_bind_template_callback (widget_class, outline_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "compare.next-change", NULL, next_change_action);
  gtk_widget_class_install_action (widget_class, "compare.previous-change", NULL, previous_change_action);
  gtk_widget_class_install_action (widget_class, "compare.swap", NULL, swap_action);
  gtk_widget_class_install_property_action (widget_class, "compare.ignore-numbering", "ignore-numbering");
  gtk_widget_class_install_property_action (widget_class, "compare.ignore-case", "ignore-case");
  gtk_widget_class_install_property_action (widget_class, "compare.ignore-punctuation", "ignore-punctuation");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "compare.next-change", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "compare.previous-change", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "compareview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  g_type_ensure (ADW_TYPE_STATUS_PAGE);
}

static void
pacta_compare_view_init (PactaCompareView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  ensure_style ();

  self->cells[0] = g_hash_table_new (NULL, NULL);
  self->cells[1] = g_hash_table_new (NULL, NULL);
  self->changes = g_ptr_array_new ();
  self->current = -1;
  update_actions (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comparison of two agreements"),
                                  -1);
}

/* Public API */

GtkWidget *
pacta_compare_view_new (void)
{
  return g_object_new (PACTA_TYPE_COMPARE_VIEW, NULL);
}

PactaAgreement *
pacta_compare_view_get_agreement_a (PactaCompareView *self)
{
  g_return_val_if_fail (PACTA_IS_COMPARE_VIEW (self), NULL);
  return self->agreement[0];
}

PactaAgreement *
pacta_compare_view_get_agreement_b (PactaCompareView *self)
{
  g_return_val_if_fail (PACTA_IS_COMPARE_VIEW (self), NULL);
  return self->agreement[1];
}

void
pacta_compare_view_set_agreement_a (PactaCompareView *self,
                                    PactaAgreement   *agreement)
{
  g_return_if_fail (PACTA_IS_COMPARE_VIEW (self));
  g_return_if_fail (agreement == NULL || PACTA_IS_AGREEMENT (agreement));

  if (g_set_object (&self->agreement[0], agreement))
    {
      recompare (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREEMENT_A]);
    }
}

void
pacta_compare_view_set_agreement_b (PactaCompareView *self,
                                    PactaAgreement   *agreement)
{
  g_return_if_fail (PACTA_IS_COMPARE_VIEW (self));
  g_return_if_fail (agreement == NULL || PACTA_IS_AGREEMENT (agreement));

  if (g_set_object (&self->agreement[1], agreement))
    {
      recompare (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREEMENT_B]);
    }
}

/* Sets both sides with one comparison (not two). */
void
pacta_compare_view_set_agreements (PactaCompareView *self,
                                   PactaAgreement   *agreement_a,
                                   PactaAgreement   *agreement_b)
{
  gboolean changed_a, changed_b;

  g_return_if_fail (PACTA_IS_COMPARE_VIEW (self));

  changed_a = g_set_object (&self->agreement[0], agreement_a);
  changed_b = g_set_object (&self->agreement[1], agreement_b);
  if (!changed_a && !changed_b)
    return;
  recompare (self);
  if (changed_a)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREEMENT_A]);
  if (changed_b)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREEMENT_B]);
}

/* Returns: (transfer none) (nullable): the comparison shown */
PactaComparison *
pacta_compare_view_get_comparison (PactaCompareView *self)
{
  g_return_val_if_fail (PACTA_IS_COMPARE_VIEW (self), NULL);
  return self->comparison;
}

static void
set_filter (PactaCompareView *self,
            guint             prop_id)
{
  if (self->comparison)
    pacta_comparison_set_flags (self->comparison, current_flags (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

gboolean
pacta_compare_view_get_ignore_numbering (PactaCompareView *self)
{
  g_return_val_if_fail (PACTA_IS_COMPARE_VIEW (self), FALSE);
  return self->ignore_numbering;
}

void
pacta_compare_view_set_ignore_numbering (PactaCompareView *self,
                                         gboolean          ignore)
{
  g_return_if_fail (PACTA_IS_COMPARE_VIEW (self));
  ignore = !!ignore;
  if (self->ignore_numbering == ignore)
    return;
  self->ignore_numbering = ignore;
  set_filter (self, PROP_IGNORE_NUMBERING);
}

gboolean
pacta_compare_view_get_ignore_case (PactaCompareView *self)
{
  g_return_val_if_fail (PACTA_IS_COMPARE_VIEW (self), FALSE);
  return self->ignore_case;
}

void
pacta_compare_view_set_ignore_case (PactaCompareView *self,
                                    gboolean          ignore)
{
  g_return_if_fail (PACTA_IS_COMPARE_VIEW (self));
  ignore = !!ignore;
  if (self->ignore_case == ignore)
    return;
  self->ignore_case = ignore;
  set_filter (self, PROP_IGNORE_CASE);
}

gboolean
pacta_compare_view_get_ignore_punctuation (PactaCompareView *self)
{
  g_return_val_if_fail (PACTA_IS_COMPARE_VIEW (self), FALSE);
  return self->ignore_punctuation;
}

void
pacta_compare_view_set_ignore_punctuation (PactaCompareView *self,
                                           gboolean          ignore)
{
  g_return_if_fail (PACTA_IS_COMPARE_VIEW (self));
  ignore = !!ignore;
  if (self->ignore_punctuation == ignore)
    return;
  self->ignore_punctuation = ignore;
  set_filter (self, PROP_IGNORE_PUNCTUATION);
}

/* B becomes A and A becomes B. */
void
pacta_compare_view_swap (PactaCompareView *self)
{
  g_autoptr(PactaAgreement) a = NULL;
  g_autoptr(PactaAgreement) b = NULL;

  g_return_if_fail (PACTA_IS_COMPARE_VIEW (self));

  if (self->agreement[0] == NULL && self->agreement[1] == NULL)
    return;
  a = self->agreement[0] ? g_object_ref (self->agreement[0]) : NULL;
  b = self->agreement[1] ? g_object_ref (self->agreement[1]) : NULL;
  pacta_compare_view_set_agreements (self, b, a);
}

/* Goes to the next change (a row that is not "same"); FALSE at the last one. */
gboolean
pacta_compare_view_next_change (PactaCompareView *self)
{
  g_return_val_if_fail (PACTA_IS_COMPARE_VIEW (self), FALSE);

  if (self->current + 1 >= (int) self->changes->len)
    return FALSE;
  go_to_change (self, self->current + 1);
  return TRUE;
}

gboolean
pacta_compare_view_previous_change (PactaCompareView *self)
{
  g_return_val_if_fail (PACTA_IS_COMPARE_VIEW (self), FALSE);

  if (self->current <= 0)
    return FALSE;
  go_to_change (self, self->current - 1);
  return TRUE;
}

/* Returns: (transfer none) (nullable): the change gone to last */
PactaAlignment *
pacta_compare_view_get_current_change (PactaCompareView *self)
{
  g_return_val_if_fail (PACTA_IS_COMPARE_VIEW (self), NULL);

  if (self->current < 0 || self->current >= (int) self->changes->len)
    return NULL;
  return g_ptr_array_index (self->changes, self->current);
}

/* Returns: (transfer none) (nullable): the cell showing a unit of one side */
GtkWidget *
pacta_compare_view_get_cell (PactaCompareView *self,
                             PactaSide         side,
                             const char       *eid)
{
  PactaAlignment *row;

  g_return_val_if_fail (PACTA_IS_COMPARE_VIEW (self), NULL);
  g_return_val_if_fail (eid != NULL, NULL);

  if (self->comparison == NULL)
    return NULL;
  row = pacta_comparison_find (self->comparison, side, eid);
  if (row == NULL)
    return NULL;
  for (guint k = 0; k < pacta_alignment_get_n_units (row, side); k++)
    {
      PactaProvision *unit = pacta_alignment_get_unit (row, side, k);

      if (g_strcmp0 (pacta_provision_get_eid (unit), eid) == 0)
        return g_hash_table_lookup (self->cells[side == PACTA_SIDE_B], unit);
    }
  return NULL;
}

/* "12 same · 9 changed (214 words) · …", as the summary bar shows it */
const char *
pacta_compare_view_get_summary (PactaCompareView *self)
{
  g_return_val_if_fail (PACTA_IS_COMPARE_VIEW (self), NULL);
  return self->summary;
}
