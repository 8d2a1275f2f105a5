/* pacta-bench-import.c — import throughput: PDF pages per second, articles per second
 *
 * Makes a long agreement (hundreds of articles with paragraphs and points), sets it as a
 * paginated PDF with running heads and page numbers (cairo and pango, as the test fixtures),
 * and times:
 *   - PDF import: poppler text extraction, layout (running heads, hyphenation, paragraphs),
 *     language and structure detection — pages per second;
 *   - structure detection alone on the same text already read — articles per second.
 * Prints figures; it asserts nothing. Run with `ninja -C BUILD bench-import`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <sys/resource.h>

#include "pacta-import.h"

#define ARTICLES 1200
#define RUNS 3

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static long
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

/* The agreement, one paragraph per element; headers are marked for centring. */
static GPtrArray *
make_paragraphs (guint articles)
{
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_free);
  static const char * const headings[] = {
    "Definitions", "Scope", "Equality of treatment", "Export of benefits", "Detached workers",
    "Totalisation of periods", "Calculation of benefits", "Administrative co-operation",
    "Protection of personal data", "Settlement of disputes",
  };

  g_ptr_array_add (paragraphs, g_strdup ("#AGREEMENT ON SOCIAL SECURITY BETWEEN THE REPUBLIC OF TESSALY AND THE KINGDOM OF MARROW"));
  g_ptr_array_add (paragraphs, g_strdup ("The Republic of Tessaly and the Kingdom of Marrow, hereinafter referred to as the Contracting Parties,"));
  g_ptr_array_add (paragraphs, g_strdup ("Desiring to regulate their relations in the field of social security, have agreed as follows:"));
  for (guint a = 1; a <= articles; a++)
    {
      if (a % 50 == 1)
        g_ptr_array_add (paragraphs, g_strdup_printf ("#PART %u", a / 50 + 1));
      g_ptr_array_add (paragraphs, g_strdup_printf ("#Article %u", a));
      g_ptr_array_add (paragraphs, g_strdup_printf ("#%s", headings[a % G_N_ELEMENTS (headings)]));
      g_ptr_array_add (paragraphs, g_strdup_printf ("1. Unless otherwise provided in this Agreement, the competent institution of "
                                                    "one Contracting Party shall take into account, as far as necessary, the periods "
                                                    "of insurance completed under the legislation of the other Contracting Party, "
                                                    "as provided in Article %u, provided that they do not overlap.", a > 3 ? a - 3 : a + 1));
      if (a % 3 == 0)
        {
          g_ptr_array_add (paragraphs, g_strdup ("2. The competent institution shall calculate:"));
          g_ptr_array_add (paragraphs, g_strdup ("(a) the theoretical amount of the benefit as if all periods had been completed "
                                                 "under its own legislation; and"));
          g_ptr_array_add (paragraphs, g_strdup ("(b) the actual amount, by reducing the theoretical amount in proportion to "
                                                 "the periods completed under its legislation."));
        }
    }
  g_ptr_array_add (paragraphs, g_strdup ("Done at Port Ellery on 14 May 2019, in duplicate, in the English language."));
  return paragraphs;
}

static char *
make_text (GPtrArray *paragraphs)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < paragraphs->len; i++)
    {
      const char *p = g_ptr_array_index (paragraphs, i);

      g_string_append_printf (text, "%s\n\n", p[0] == '#' ? p + 1 : p);
    }
  return g_string_free (text, FALSE);
}

/* A4 pages, 10.5 pt serif, wrapped by pango, headers centred and bold, a running head and
 * "Page N" at the foot of every page. Returns the number of pages. */
static guint
make_pdf (GPtrArray  *paragraphs,
          const char *path)
{
  const double width = 595, height = 842, margin = 72;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width, height);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *body = pango_font_description_from_string ("DejaVu Serif 10.5");
  PangoFontDescription *bold = pango_font_description_from_string ("DejaVu Serif Bold 10.5");
  PangoFontDescription *small = pango_font_description_from_string ("DejaVu Serif 8");
  double y = margin;
  guint page = 1;

  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  pango_layout_set_width (layout, (int) ((width - 2 * margin) * PANGO_SCALE));

  for (guint i = 0; i <= paragraphs->len; i++)
    {
      const char *p = i < paragraphs->len ? g_ptr_array_index (paragraphs, i) : NULL;
      gboolean header = p && p[0] == '#';
      int w, h;

      if (p != NULL)
        {
          pango_layout_set_font_description (layout, header ? bold : body);
          pango_layout_set_alignment (layout, header ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
          pango_layout_set_text (layout, header ? p + 1 : p, -1);
          pango_layout_get_size (layout, &w, &h);
        }
      if (p == NULL || y + (double) h / PANGO_SCALE > height - margin)
        {
          g_autofree char *number = g_strdup_printf ("Page %u", page);

          pango_layout_set_font_description (layout, small);
          pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
          pango_layout_set_text (layout, number, -1);
          cairo_move_to (cr, margin, height - 44);
          pango_cairo_show_layout (cr, layout);
          pango_layout_set_text (layout, "Agreement on Social Security — Tessaly and Marrow", -1);
          cairo_move_to (cr, margin, 36);
          pango_cairo_show_layout (cr, layout);
          cairo_show_page (cr);
          if (p == NULL)
            break;
          page++;
          y = margin;
          pango_layout_set_font_description (layout, header ? bold : body);
          pango_layout_set_alignment (layout, header ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
          pango_layout_set_text (layout, header ? p + 1 : p, -1);
          pango_layout_get_size (layout, &w, &h);
        }
      cairo_move_to (cr, margin, y);
      pango_cairo_show_layout (cr, layout);
      y += (double) h / PANGO_SCALE + (header ? 2 : 6);
    }

  pango_font_description_free (body);
  pango_font_description_free (bold);
  pango_font_description_free (small);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return page;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pacta-bench-import-XXXXXX", &error);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) paragraphs = make_paragraphs (ARTICLES);
  double best_pdf = G_MAXDOUBLE, best_read = G_MAXDOUBLE, best_detect = G_MAXDOUBLE, best_text = G_MAXDOUBLE;
  guint pages, articles = 0, found = 0;
  gint64 start;

  g_assert_no_error (error);
  pdf = g_build_filename (dir, "long.pdf", NULL);
  start = g_get_monotonic_time ();
  pages = make_pdf (paragraphs, pdf);
  printf ("Made a %u-page PDF with %u articles in %.2f s\n", pages, ARTICLES, seconds_since (start));
  text = make_text (paragraphs);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(PactaImportSource) source = NULL;
      g_autoptr(PactaImportDraft) draft = NULL;
      g_autoptr(PactaImportSource) text_source = NULL;
      g_autoptr(PactaImportDraft) text_draft = NULL;
      double t;

      /* PDF import, end to end. */
      start = g_get_monotonic_time ();
      source = pacta_import_read_file (pdf, &error);
      g_assert_no_error (error);
      t = seconds_since (start);
      best_read = MIN (best_read, t);
      draft = pacta_import_draft_new (source, NULL, &error);
      g_assert_no_error (error);
      best_pdf = MIN (best_pdf, seconds_since (start));
      found = pacta_import_draft_count (draft, PACTA_IMPORT_NODE_ARTICLE);

      /* Structure detection alone, on text already read. */
      text_source = pacta_import_source_new_from_text (text, "long.txt");
      start = g_get_monotonic_time ();
      text_draft = pacta_import_draft_new (text_source, NULL, &error);
      g_assert_no_error (error);
      t = seconds_since (start);
      best_detect = MIN (best_detect, t);
      articles = pacta_import_draft_count (text_draft, PACTA_IMPORT_NODE_ARTICLE);

      /* Reading text (encoding, line joining) and detecting, together. */
      start = g_get_monotonic_time ();
      {
        g_autoptr(PactaImportSource) again = pacta_import_source_new_from_text (text, "long.txt");
        g_autoptr(PactaImportDraft) again_draft = pacta_import_draft_new (again, NULL, &error);
        g_assert_no_error (error);
      }
      best_text = MIN (best_text, seconds_since (start));
    }

  printf ("\nPDF import (%u pages, %u articles found of %u; best of %u runs)\n", pages, found, ARTICLES, RUNS);
  printf ("  text extraction and layout  %7.3f s   %8.1f pages/s\n", best_read, pages / best_read);
  printf ("  whole import                %7.3f s   %8.1f pages/s\n", best_pdf, pages / best_pdf);
  printf ("\nStructure detection on the same text (%u articles found of %u)\n", articles, ARTICLES);
  printf ("  language, structure, metadata  %7.3f s   %8.0f articles/s\n", best_detect, articles / best_detect);
  printf ("  text reading and detection     %7.3f s   %8.0f articles/s\n", best_text, articles / best_text);
  printf ("\nPeak memory: %ld MB\n", peak_rss_mb ());

  g_remove (pdf);
  g_rmdir (dir);
  return 0;
}
