/* pacta-report-flow.c — text, tables and charts flowed onto numbered PDF pages
 *
 * A small page-layout engine for the briefing: blocks (headings, paragraphs in Pango
 * markup, tables, charts) are measured with Pango, broken into pages (paragraphs between
 * lines, tables between rows with the header repeated, headings kept with what follows),
 * and only then painted, so every footer can say "page 3 of 12". Text is drawn line by line
 * with pango_cairo_show_layout_line(): it stays text in the PDF, selectable and searchable,
 * and no line is drawn twice. Headings become the PDF's outline (bookmarks).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>

#include "pacta-error.h"
#include "pacta-report-flow.h"

#define BODY_SIZE   9.5
#define CELL_PAD    4.0
#define FAMILY      "Sans"

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_TABLE,
  BLOCK_CHART,
  BLOCK_SPACE,
  BLOCK_PAGE_BREAK,
} BlockKind;

typedef struct
{
  BlockKind       kind;
  guint           level;        /* headings */
  PactaFlowStyle  style;
  PangoLayout    *layout;       /* title, heading, paragraph */
  double          indent;
  double          space_before;
  double          space_after;
  char           *outline;      /* heading text for the PDF outline */
  /* table */
  guint           n_columns;
  double         *widths;       /* points */
  GPtrArray      *header;       /* PangoLayout */
  GPtrArray      *rows;         /* GPtrArray of PangoLayout */
  /* chart */
  PactaChart     *chart;
  double          layout_width;
  double          height;
} Block;

/* A piece of a block placed on a page. */
typedef struct
{
  guint   block;
  guint   page;
  double  y;          /* top, in page coordinates */
  int     first;      /* paragraph lines or table rows, [first, last) */
  int     last;
  gboolean with_header;
} Piece;

struct _PactaFlow
{
  PactaPaper  paper;
  double      page_width;
  double      page_height;
  double      margin_x;
  double      margin_top;
  double      margin_bottom;
  GPtrArray  *blocks;
  GArray     *pieces;
  guint       n_pages;
  char       *footer;
};

static void
block_free (gpointer data)
{
  Block *block = data;

  g_clear_object (&block->layout);
  g_free (block->outline);
  g_free (block->widths);
  g_clear_pointer (&block->header, g_ptr_array_unref);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_clear_object (&block->chart);
  g_free (block);
}

gboolean
pacta_paper_from_string (const char *str,
                         PactaPaper *paper)
{
  if (g_strcmp0 (str, "a4") == 0 || g_strcmp0 (str, "A4") == 0)
    *paper = PACTA_PAPER_A4;
  else if (g_ascii_strcasecmp (str ? str : "", "letter") == 0)
    *paper = PACTA_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

PactaFlow *
pacta_flow_new (PactaPaper paper)
{
  PactaFlow *flow = g_new0 (PactaFlow, 1);

  flow->paper = paper;
  if (paper == PACTA_PAPER_LETTER)
    {
      flow->page_width = 612;
      flow->page_height = 792;
    }
  else
    {
      flow->page_width = 595.276;
      flow->page_height = 841.89;
    }
  flow->margin_x = 62;
  flow->margin_top = 60;
  flow->margin_bottom = 66;
  flow->blocks = g_ptr_array_new_with_free_func (block_free);
  flow->pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  return flow;
}

void
pacta_flow_free (PactaFlow *flow)
{
  if (flow == NULL)
    return;
  g_ptr_array_unref (flow->blocks);
  g_array_unref (flow->pieces);
  g_free (flow->footer);
  g_free (flow);
}

void
pacta_flow_set_footer (PactaFlow  *flow,
                       const char *text)
{
  g_free (flow->footer);
  flow->footer = g_strdup (text);
}

double
pacta_flow_content_width (PactaFlow *flow)
{
  return flow->page_width - 2 * flow->margin_x;
}

double
pacta_flow_content_height (PactaFlow *flow)
{
  return flow->page_height - flow->margin_top - flow->margin_bottom;
}

static PangoLayout *
text_layout_wrapped (const char    *markup,
                     double         size,
                     gboolean       bold,
                     gboolean       italic,
                     double         width,
                     double         line_spacing,
                     PangoWrapMode  wrap)
{
  PangoLayout *layout = pango_layout_new (pacta_chart_text_context_get ());
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, FAMILY);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (desc, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, wrap);
  if (line_spacing > 0)
    pango_layout_set_line_spacing (layout, (float) line_spacing);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

/* Wraps at words, and inside a word only when it is longer than the line. */
static PangoLayout *
text_layout (const char *markup,
             double      size,
             gboolean    bold,
             gboolean    italic,
             double      width,
             double      line_spacing)
{
  return text_layout_wrapped (markup, size, bold, italic, width, line_spacing, PANGO_WRAP_WORD_CHAR);
}

static Block *
add_block (PactaFlow *flow,
           BlockKind  kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  g_ptr_array_add (flow->blocks, block);
  return block;
}

void
pacta_flow_title (PactaFlow  *flow,
                  const char *text)
{
  Block *block = add_block (flow, BLOCK_TITLE);
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  block->layout = text_layout (escaped, 26, TRUE, FALSE, pacta_flow_content_width (flow), 1.1);
  block->outline = g_strdup (text);
  block->space_after = 14;
}

void
pacta_flow_heading (PactaFlow  *flow,
                    guint       level,
                    const char *text)
{
  static const double sizes[] = { 17, 13.5, 11 };
  Block *block = add_block (flow, BLOCK_HEADING);
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  level = CLAMP (level, 1, 3);
  block->level = level;
  block->layout = text_layout (escaped, sizes[level - 1], TRUE, FALSE, pacta_flow_content_width (flow), 0);
  block->outline = g_strdup (text);
  block->space_before = level == 1 ? 6 : level == 2 ? 14 : 10;
  block->space_after = level == 1 ? 10 : 6;
}

void
pacta_flow_paragraph (PactaFlow      *flow,
                      PactaFlowStyle  style,
                      const char     *markup)
{
  Block *block = add_block (flow, BLOCK_PARAGRAPH);
  double width = pacta_flow_content_width (flow);
  double size = BODY_SIZE;
  gboolean italic = FALSE, bold = FALSE;
  g_autofree char *text = NULL;

  block->style = style;
  block->space_after = 5;
  switch (style)
    {
    case PACTA_FLOW_LEAD:
      size = 12.5;
      block->space_after = 8;
      break;
    case PACTA_FLOW_SMALL:
      size = 8.5;
      break;
    case PACTA_FLOW_MUTED:
      size = 8;
      block->space_after = 4;
      break;
    case PACTA_FLOW_QUOTE:
      italic = TRUE;
      block->indent = 14;
      break;
    case PACTA_FLOW_BULLET:
      block->indent = 14;
      block->space_after = 3;
      break;
    case PACTA_FLOW_ITEM:
      bold = TRUE;
      block->space_before = 7;
      block->space_after = 2;
      break;
    case PACTA_FLOW_BODY:
    default:
      break;
    }
  if (style == PACTA_FLOW_MUTED)
    text = g_strdup_printf ("<span foreground=\"#5e5c64\">%s</span>", markup);
  else
    text = g_strdup (markup);
  block->layout = text_layout (text, size, bold, italic, width - block->indent, 1.2);
}

/* @widths: fractions of the content width, one per column; @header: column names (plain
 * text); @rows: GPtrArray of NULL-terminated string arrays of Pango markup, one per row. */
void
pacta_flow_table (PactaFlow          *flow,
                  guint               n_columns,
                  const double       *widths,
                  const char * const *header,
                  GPtrArray          *rows)
{
  Block *block = add_block (flow, BLOCK_TABLE);
  double width = pacta_flow_content_width (flow);

  block->n_columns = n_columns;
  block->widths = g_new (double, n_columns);
  block->header = g_ptr_array_new_with_free_func (g_object_unref);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  block->space_before = 2;
  block->space_after = 10;
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *escaped = g_markup_escape_text (header[c], -1);

      block->widths[c] = widths[c] * width;
      /* Words first; a word longer than its column breaks rather than runs into the next. */
      g_ptr_array_add (block->header, text_layout_wrapped (escaped, 8, TRUE, FALSE, block->widths[c] - 2 * CELL_PAD, 0,
                                                           PANGO_WRAP_WORD_CHAR));
    }
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      GPtrArray *row = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint c = 0; c < n_columns; c++)
        g_ptr_array_add (row, text_layout (cells[c] ? cells[c] : "", 8.5, FALSE, FALSE, block->widths[c] - 2 * CELL_PAD, 0));
      g_ptr_array_add (block->rows, row);
    }
}

/* A chart across the column, @height points high, laid out @layout_width wide and scaled
 * to the column (so its text prints smaller than on screen, but in proportion). */
void
pacta_flow_chart (PactaFlow  *flow,
                  PactaChart *chart,
                  double      layout_width,
                  double      height)
{
  Block *block = add_block (flow, BLOCK_CHART);

  block->layout_width = MAX (layout_width, pacta_flow_content_width (flow));
  block->chart = g_object_ref (chart);
  block->height = MIN (height, pacta_flow_content_height (flow));
  block->space_before = 4;
  block->space_after = 4;
}

void
pacta_flow_space (PactaFlow *flow,
                  double     points)
{
  Block *block = add_block (flow, BLOCK_SPACE);
  block->height = points;
}

void
pacta_flow_page_break (PactaFlow *flow)
{
  add_block (flow, BLOCK_PAGE_BREAK);
}

/* Pagination */

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.height / (double) PANGO_SCALE;
}

static double
row_height (GPtrArray *cells)
{
  double h = 0;

  for (guint c = 0; c < cells->len; c++)
    h = MAX (h, layout_height (g_ptr_array_index (cells, c)));
  return h + 2 * CELL_PAD;
}

/* The top and bottom of line @i of @layout, from the layout's top. */
static void
line_range (PangoLayout *layout,
            int          i,
            double      *top,
            double      *bottom)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int y0 = 0, y1 = 0;

  for (int k = 0; k < i; k++)
    pango_layout_iter_next_line (iter);
  pango_layout_iter_get_line_yrange (iter, &y0, &y1);
  pango_layout_iter_free (iter);
  *top = y0 / (double) PANGO_SCALE;
  *bottom = y1 / (double) PANGO_SCALE;
}

/* How much room a block needs at least at the bottom of a page (for keeping headings with
 * what follows them). */
/* A table that fits on one page is kept on one page; a longer one may break after its
 * first row. */
static double
table_min_height (const Block *block,
                  double       page_height)
{
  double total = row_height (block->header);

  for (guint r = 0; r < block->rows->len; r++)
    total += row_height (g_ptr_array_index (block->rows, r));
  if (total <= page_height)
    return total;
  return row_height (block->header) + (block->rows->len > 0 ? row_height (g_ptr_array_index (block->rows, 0)) : 0);
}

static double
min_height (const Block *block,
            double       page_height)
{
  double top, bottom;

  switch (block->kind)
    {
    case BLOCK_PARAGRAPH:
      line_range (block->layout, MIN (1, pango_layout_get_line_count (block->layout) - 1), &top, &bottom);
      return block->space_before + bottom;
    case BLOCK_TABLE:
      return table_min_height (block, page_height);
    case BLOCK_CHART:
      return block->height;
    case BLOCK_HEADING:
    case BLOCK_TITLE:
      return layout_height (block->layout);
    case BLOCK_SPACE:
    case BLOCK_PAGE_BREAK:
    default:
      return 0;
    }
}

static void
add_piece (PactaFlow *flow,
           guint      block,
           guint      page,
           double     y,
           int        first,
           int        last,
           gboolean   with_header)
{
  Piece piece = { block, page, y, first, last, with_header };
  g_array_append_val (flow->pieces, piece);
}

static guint
paginate (PactaFlow *flow)
{
  double top = flow->margin_top, bottom = flow->page_height - flow->margin_bottom;
  double y = top;
  guint page = 0;

  g_array_set_size (flow->pieces, 0);

#define NEW_PAGE() G_STMT_START { page++; y = top; } G_STMT_END

  for (guint b = 0; b < flow->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (flow->blocks, b);
      double space_before = y > top ? block->space_before : 0;

      switch (block->kind)
        {
        case BLOCK_PAGE_BREAK:
          if (y > top)
            NEW_PAGE ();
          break;

        case BLOCK_SPACE:
          if (y > top)
            y = MIN (bottom, y + block->height);
          break;

        case BLOCK_TITLE:
        case BLOCK_HEADING:
          {
            double h = layout_height (block->layout);
            double need = space_before + h + block->space_after;
            Block *next = b + 1 < flow->blocks->len ? g_ptr_array_index (flow->blocks, b + 1) : NULL;

            /* Keep a heading with the start of what follows it. */
            if (next != NULL)
              need += min_height (next, bottom - top);
            if (y + need > bottom && y > top)
              {
                NEW_PAGE ();
                space_before = 0;
              }
            y += space_before;
            add_piece (flow, b, page, y, 0, -1, FALSE);
            y += h + block->space_after;
          }
          break;

        case BLOCK_PARAGRAPH:
          {
            int n_lines = pango_layout_get_line_count (block->layout);
            int first = 0;

            y += space_before;
            while (first < n_lines)
              {
                double first_top, first_bottom;
                int last = first;

                line_range (block->layout, first, &first_top, &first_bottom);
                /* As many lines as fit below y. */
                while (last < n_lines)
                  {
                    double lt, lb;
                    line_range (block->layout, last, &lt, &lb);
                    if (y + (lb - first_top) > bottom)
                      break;
                    last++;
                  }
                if (last == first)
                  {
                    if (y > top)
                      {
                        NEW_PAGE ();
                        continue;
                      }
                    last = first + 1;  /* a line taller than a page: place it anyway */
                  }
                add_piece (flow, b, page, y - first_top, first, last, FALSE);
                if (last < n_lines)
                  {
                    NEW_PAGE ();
                  }
                else
                  {
                    double lt, lb;
                    line_range (block->layout, last - 1, &lt, &lb);
                    y += lb - first_top;
                  }
                first = last;
              }
            y += block->space_after;
          }
          break;

        case BLOCK_TABLE:
          {
            double header_h = row_height (block->header);
            guint first = 0;

            y += space_before;
            if (y + table_min_height (block, bottom - top) > bottom && y > top)
              NEW_PAGE ();
            while (first < block->rows->len || (first == 0 && block->rows->len == 0))
              {
                double ty = y + header_h;
                guint last = first;

                while (last < block->rows->len && ty + row_height (g_ptr_array_index (block->rows, last)) <= bottom)
                  {
                    ty += row_height (g_ptr_array_index (block->rows, last));
                    last++;
                  }
                if (last == first && block->rows->len > 0)
                  {
                    if (y > top)
                      {
                        NEW_PAGE ();
                        continue;
                      }
                    ty += row_height (g_ptr_array_index (block->rows, last));
                    last++;
                  }
                add_piece (flow, b, page, y, (int) first, (int) last, TRUE);
                y = ty;
                first = last;
                if (first < block->rows->len)
                  NEW_PAGE ();
                if (block->rows->len == 0)
                  break;
              }
            y += block->space_after;
          }
          break;

        case BLOCK_CHART:
          {
            Block *next = b + 1 < flow->blocks->len ? g_ptr_array_index (flow->blocks, b + 1) : NULL;
            /* Keep a chart with its caption. */
            double caption = next && next->kind == BLOCK_PARAGRAPH ? min_height (next, bottom - top) + block->space_after : 0;

          if (y + space_before + block->height + caption > bottom && y > top)
            {
              NEW_PAGE ();
              space_before = 0;
            }
          y += space_before;
          add_piece (flow, b, page, y, 0, -1, FALSE);
          y += block->height + block->space_after;
          }
          break;

        default:
          break;
        }
    }
#undef NEW_PAGE

  flow->n_pages = page + 1;
  return flow->n_pages;
}

/* Painting */

static void
set_rgb (cairo_t *cr,
         guint32  hex)
{
  cairo_set_source_rgb (cr, (hex >> 16 & 0xff) / 255.0, (hex >> 8 & 0xff) / 255.0, (hex & 0xff) / 255.0);
}

static void
show_lines (cairo_t     *cr,
            PangoLayout *layout,
            double       x,
            double       y,
            int          first,
            int          last)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int i = 0;

  do
    {
      if (i >= first && (last < 0 || i < last))
        {
          PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
          int baseline = pango_layout_iter_get_baseline (iter);
          PangoRectangle logical;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, x + logical.x / (double) PANGO_SCALE, y + baseline / (double) PANGO_SCALE);
          pango_cairo_show_layout_line (cr, line);
        }
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
paint_table (PactaFlow   *flow,
             cairo_t     *cr,
             const Block *block,
             const Piece *piece)
{
  double x0 = flow->margin_x, y = piece->y;
  double width = pacta_flow_content_width (flow);
  double header_h = row_height (block->header);
  double x;

  /* Header: a tinted band. */
  cairo_rectangle (cr, x0, y, width, header_h);
  set_rgb (cr, 0xe8eef5);
  cairo_fill (cr);
  set_rgb (cr, 0x1e1e1e);
  x = x0;
  for (guint c = 0; c < block->n_columns; c++)
    {
      show_lines (cr, g_ptr_array_index (block->header, c), x + CELL_PAD, y + CELL_PAD, 0, -1);
      x += block->widths[c];
    }
  y += header_h;

  for (int r = piece->first; r < piece->last; r++)
    {
      GPtrArray *row = g_ptr_array_index (block->rows, r);
      double h = row_height (row);

      if (r % 2 == 1)
        {
          cairo_rectangle (cr, x0, y, width, h);
          set_rgb (cr, 0xf6f5f4);
          cairo_fill (cr);
        }
      set_rgb (cr, 0x1e1e1e);
      x = x0;
      for (guint c = 0; c < block->n_columns; c++)
        {
          show_lines (cr, g_ptr_array_index (row, c), x + CELL_PAD, y + CELL_PAD, 0, -1);
          x += block->widths[c];
        }
      y += h;
    }
  set_rgb (cr, 0x9a9996);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x0 + width, y);
  cairo_stroke (cr);
}

static void
paint_footer (PactaFlow *flow,
              cairo_t   *cr,
              guint      page)
{
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, flow->n_pages);
  g_autofree char *number_escaped = g_markup_escape_text (number, -1);
  g_autoptr(PangoLayout) right = text_layout (number_escaped, 8, FALSE, FALSE, pacta_flow_content_width (flow), 0);
  double y = flow->page_height - flow->margin_bottom + 24;

  set_rgb (cr, 0xc0bfbc);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, flow->margin_x, y - 6);
  cairo_line_to (cr, flow->page_width - flow->margin_x, y - 6);
  cairo_stroke (cr);

  set_rgb (cr, 0x5e5c64);
  if (flow->footer)
    {
      g_autofree char *escaped = g_markup_escape_text (flow->footer, -1);
      g_autoptr(PangoLayout) left = text_layout (escaped, 8, FALSE, FALSE, pacta_flow_content_width (flow) * 0.7, 0);

      pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
      show_lines (cr, left, flow->margin_x, y, 0, 1);
    }
  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
  show_lines (cr, right, flow->margin_x, y, 0, -1);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
pacta_flow_render_pdf (PactaFlow   *flow,
                       const char  *title,
                       guint       *n_pages,
                       GError     **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint page = 0;
  int outline_parent[4] = { CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT };
  const PactaChartPalette *palette = pacta_chart_palette_get (PACTA_CHART_THEME_LIGHT);

  paginate (flow);

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, flow->page_width, flow->page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title ? title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Pacta " PACKAGE_VERSION);
  cr = cairo_create (surface);

  for (guint i = 0; i < flow->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (flow->pieces, Piece, i);
      const Block *block = g_ptr_array_index (flow->blocks, piece->block);

      while (page < piece->page)
        {
          paint_footer (flow, cr, page);
          cairo_show_page (cr);
          page++;
        }

      switch (block->kind)
        {
        case BLOCK_TITLE:
        case BLOCK_HEADING:
          {
            g_autofree char *link = g_strdup_printf ("page=%u pos=[%.0f %.0f]", page + 1, flow->margin_x, piece->y);
            guint level = block->kind == BLOCK_TITLE ? 1 : block->level;
            int id;

            set_rgb (cr, block->kind == BLOCK_TITLE || level == 1 ? 0x1c3f66 : 0x1e1e1e);
            show_lines (cr, block->layout, flow->margin_x, piece->y, 0, -1);
            if (level <= 2)
              {
                id = cairo_pdf_surface_add_outline (surface, outline_parent[level - 1], block->outline, link,
                                                    level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
                outline_parent[level] = id;
              }
            if (block->kind == BLOCK_HEADING && level == 1)
              {
                double h = layout_height (block->layout);
                set_rgb (cr, 0x1c3f66);
                cairo_set_line_width (cr, 1.2);
                cairo_move_to (cr, flow->margin_x, piece->y + h + 3);
                cairo_line_to (cr, flow->page_width - flow->margin_x, piece->y + h + 3);
                cairo_stroke (cr);
              }
          }
          break;

        case BLOCK_PARAGRAPH:
          set_rgb (cr, 0x1e1e1e);
          if (block->style == PACTA_FLOW_BULLET && piece->first == 0)
            {
              double lt, lb;
              line_range (block->layout, 0, &lt, &lb);
              cairo_new_path (cr);
              cairo_arc (cr, flow->margin_x + 5, piece->y + (lt + lb) / 2, 1.8, 0, 2 * G_PI);
              cairo_fill (cr);
            }
          if (block->style == PACTA_FLOW_QUOTE)
            {
              double lt, lb, t2, b2;
              line_range (block->layout, piece->first, &lt, &lb);
              line_range (block->layout, piece->last - 1, &t2, &b2);
              set_rgb (cr, 0xc0bfbc);
              cairo_rectangle (cr, flow->margin_x + 3, piece->y + lt, 2, b2 - lt);
              cairo_fill (cr);
              set_rgb (cr, 0x1e1e1e);
            }
          show_lines (cr, block->layout, flow->margin_x + block->indent, piece->y, piece->first, piece->last);
          break;

        case BLOCK_TABLE:
          paint_table (flow, cr, block, piece);
          break;

        case BLOCK_CHART:
          {
            double width = pacta_flow_content_width (flow);
            double scale;

            scale = width / block->layout_width;
            cairo_save (cr);
            cairo_translate (cr, flow->margin_x, piece->y);
            cairo_scale (cr, scale, scale);
            cairo_rectangle (cr, 0, 0, width / scale, block->height / scale);
            cairo_clip (cr);
            pacta_chart_draw (block->chart, cr, width / scale, block->height / scale, palette);
            cairo_restore (cr);
          }
          break;

        case BLOCK_SPACE:
        case BLOCK_PAGE_BREAK:
        default:
          break;
        }
    }
  paint_footer (flow, cr, page);
  cairo_show_page (cr);

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PACTA_ERROR, PACTA_ERROR_IO, _("could not write the PDF: %s"), cairo_status_to_string (status));
      return NULL;
    }
  if (n_pages)
    *n_pages = flow->n_pages;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
