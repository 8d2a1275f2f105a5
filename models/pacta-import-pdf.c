/* pacta-import-pdf.c — the text layer of a PDF, through poppler-glib
 *
 * Poppler gives each page's text in reading order, one rectangle per character and the
 * font of each run. From them every line gets its position, width, type size and weight;
 * the layout rules then drop running heads and page numbers, join wrapped lines and repair
 * hyphenation. A PDF without a text layer (a scan) or locked with a password is refused
 * with a message that says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-import-pdf"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>
#include <string.h>

#include "pacta-import-private.h"

#define MAX_PAGES 5000

/* poppler-glib 22.12 declares no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static gboolean
is_bold_font (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name ? name : "", -1);

  return strstr (lower, "bold") != NULL || strstr (lower, "black") != NULL ||
         strstr (lower, "heavy") != NULL || strstr (lower, "semibold") != NULL ||
         strstr (lower, "demi") != NULL || g_str_has_suffix (lower, "-bd") || g_str_has_suffix (lower, ",b");
}

/* The text from @start to @end is a bare label: digits, one letter, or a Roman numeral. */
static gboolean
short_label (const char *start,
             const char *end)
{
  g_autofree char *token = g_strstrip (g_strndup (start, end - start));
  gsize n = strlen (token);

  if (n > 0 && token[n - 1] == '.')
    token[--n] = '\0';
  if (n == 0 || n > 5)
    return FALSE;
  if (strspn (token, "0123456789") == n && n <= 3)
    return TRUE;
  if (n == 1 && g_ascii_isalpha (token[0]))
    return TRUE;
  return strspn (token, "ivxIVX") == n;
}

typedef struct
{
  int      start, end;  /* character offsets, inclusive */
  double   size;
  gboolean bold;
} Run;

static void
read_page (PopplerPage *page,
           guint        number,
           GArray      *out,
           guint       *chars)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  GList *attributes;
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  double page_width, page_height;
  const char *p;
  int index = 0;
  guint run_at = 0;

  if (text == NULL)
    return;
  poppler_page_get_size (page, &page_width, &page_height);
  if (!poppler_page_get_text_layout (page, &rects, &n_rects))
    n_rects = 0;
  attributes = poppler_page_get_text_attributes (page);
  for (GList *l = attributes; l; l = l->next)
    {
      PopplerTextAttributes *a = l->data;
      Run run = { a->start_index, a->end_index, a->font_size, is_bold_font (a->font_name) };

      g_array_append_val (runs, run);
    }
  poppler_page_free_text_attributes (attributes);

  p = text;
  while (*p)
    {
      const char *start = p;
      double x0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y0 = G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
      double widths = 0, size = 0, last_right = 0, hanging_gap = 0;
      guint letters = 0, bold_letters = 0, words = 0;
      gboolean split = FALSE;

      while (*p && *p != '\n')
        {
          gunichar c = g_utf8_get_char (p);

          if (!g_unichar_isspace (c) && (guint) index < n_rects)
            {
              PopplerRectangle *r = &rects[index];
              double average = letters > 0 ? widths / letters : r->x2 - r->x1;

              /* Poppler ends one block and starts the next on the same line when they
               * share a baseline (parallel columns, table cells): a wide jump to the
               * right, or back to the left, starts another physical line. */
              if (letters > 0 && (r->x1 - last_right > MAX (4 * average, 18) || r->x2 < last_right - 4 * average))
                {
                  split = TRUE;
                  break;
                }
              /* A short label, then a gap of several characters: "a      the term". */
              if (letters > 0 && letters <= 4 && words == 0 && r->x1 - last_right > 2.5 * average &&
                  short_label (start, p))
                hanging_gap = r->x1 - last_right;
              x0 = MIN (x0, r->x1);
              x1 = MAX (x1, r->x2);
              y0 = MIN (y0, r->y1);
              y1 = MAX (y1, r->y2);
              last_right = r->x2;
              widths += r->x2 - r->x1;
              letters++;
              while (run_at < runs->len && g_array_index (runs, Run, run_at).end < index)
                run_at++;
              if (run_at < runs->len && g_array_index (runs, Run, run_at).start <= index)
                {
                  Run *run = &g_array_index (runs, Run, run_at);

                  size = MAX (size, run->size);
                  bold_letters += run->bold;
                }
            }
          else if (g_unichar_isspace (c) && letters > 0)
            words++;
          p = g_utf8_next_char (p);
          index++;
        }

      if (letters > 0)
        {
          PactaPhysLine line = { 0 };

          line.text = g_strndup (start, p - start);
          line.hanging = hanging_gap > 0;
          line.x0 = x0;
          line.x1 = x1;
          line.y = y0;
          line.height = y1 - y0;
          line.font_size = size > 0 ? size : y1 - y0;
          line.char_width = widths / letters;
          line.bold = bold_letters * 10 >= letters * 9;
          line.page = number;
          g_array_append_val (out, line);
          *chars += letters;
        }
      if (split)
        continue;
      if (*p == '\n')
        {
          p++;
          index++;
        }
    }
}

gboolean
_pacta_import_read_pdf (PactaImportSource        *source,
                        GBytes                   *bytes,
                        const PactaImportMonitor *monitor,
                        GError                  **error)
{
  const char *file = pacta_import_source_get_path (source);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (PactaPhysLine));
  PactaLayoutOptions options = { 0 };
  guint n_pages, empty_pages = 0, chars = 0;
  double width = 0, height = 0;

  g_array_set_clear_func (lines, (GDestroyNotify) _pacta_phys_line_clear);

  document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        _pacta_import_set_error (error, PACTA_ERROR_UNSUPPORTED, file, "%s",
                                 _("the PDF is encrypted with a password; remove the password and import it again"));
      else
        _pacta_import_set_error (error, PACTA_ERROR_MALFORMED, file, _("cannot read the PDF: %s"),
                                 local_error ? local_error->message : _("damaged file"));
      return FALSE;
    }

  n_pages = poppler_document_get_n_pages (document);
  if (n_pages == 0)
    {
      _pacta_import_set_error (error, PACTA_ERROR_MALFORMED, file, "%s", _("the PDF has no pages"));
      return FALSE;
    }
  if (n_pages > MAX_PAGES)
    {
      _pacta_import_set_error (error, PACTA_ERROR_TOO_LARGE, file,
                               _("the PDF has %u pages; Pacta imports documents of up to %u pages"),
                               n_pages, MAX_PAGES);
      return FALSE;
    }

  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = NULL;
      guint before = chars;

      if (monitor != NULL && g_cancellable_set_error_if_cancelled (monitor->cancellable, error))
        return FALSE;
      if (monitor != NULL && monitor->progress != NULL)
        monitor->progress (i, n_pages, monitor->user_data);
      page = poppler_document_get_page (document, i);
      if (page == NULL)
        continue;
      if (i == 0)
        poppler_page_get_size (page, &width, &height);
      read_page (page, i + 1, lines, &chars);
      if (chars == before)
        empty_pages++;
    }
  pacta_import_source_set_n_pages (source, n_pages);
  if (monitor != NULL && monitor->progress != NULL)
    monitor->progress (n_pages, n_pages, monitor->user_data);

  if (chars < 20)
    return TRUE; /* no text layer: the caller says so */
  if (empty_pages > 0)
    pacta_import_source_add_warning (source, 0,
                                     g_dngettext (GETTEXT_PACKAGE, "%u page has no text layer (scanned?); its words are missing",
                                                  "%u pages have no text layer (scanned?); their words are missing",
                                                  empty_pages),
                                     empty_pages);

  options.page_width = width;
  options.page_height = height;
  options.remove_running = n_pages >= 2;
  _pacta_import_layout (source, lines, &options);
  return TRUE;
}
