/* pacta-import-source.c — a document read for import: its paragraphs with layout hints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-import-source"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pacta-import-private.h"
#include "pacta-import-source.h"

struct _PactaImportSource
{
  GObject            parent_instance;

  char              *path;
  PactaImportFormat  format;
  guint              n_pages;
  GPtrArray         *lines;     /* PactaImportLine* */
  GPtrArray         *warnings;  /* PactaProblem* */
};

G_DEFINE_FINAL_TYPE (PactaImportSource, pacta_import_source, G_TYPE_OBJECT)

static void
free_line (gpointer data)
{
  PactaImportLine *line = data;

  g_free (line->text);
  g_free (line);
}

static void
pacta_import_source_finalize (GObject *object)
{
  PactaImportSource *self = PACTA_IMPORT_SOURCE (object);

  g_free (self->path);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (pacta_import_source_parent_class)->finalize (object);
}

static void
pacta_import_source_class_init (PactaImportSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pacta_import_source_finalize;
}

static void
pacta_import_source_init (PactaImportSource *self)
{
  self->lines = g_ptr_array_new_with_free_func (free_line);
  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) pacta_problem_free);
}

PactaImportSource *
pacta_import_source_new (const char        *path,
                         PactaImportFormat  format)
{
  PactaImportSource *self = g_object_new (PACTA_TYPE_IMPORT_SOURCE, NULL);

  self->path = g_strdup (path ? path : "-");
  self->format = format;
  return self;
}

/* A source made of text already in memory (tests, the benchmark, pasted text): lines are
 * paragraphs, blank lines and wrapping are handled as in a text file. */
PactaImportSource *
pacta_import_source_new_from_text (const char *text,
                                   const char *name)
{
  PactaImportSource *self;

  g_return_val_if_fail (text != NULL, NULL);

  self = pacta_import_source_new (name, PACTA_IMPORT_FORMAT_TEXT);
  _pacta_import_add_text (self, text, FALSE);
  return self;
}

const char *
pacta_import_source_get_path (PactaImportSource *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_SOURCE (self), NULL);
  return self->path;
}

PactaImportFormat
pacta_import_source_get_format (PactaImportSource *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_SOURCE (self), PACTA_IMPORT_FORMAT_UNKNOWN);
  return self->format;
}

guint
pacta_import_source_get_n_pages (PactaImportSource *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_SOURCE (self), 0);
  return self->n_pages;
}

void
pacta_import_source_set_n_pages (PactaImportSource *self,
                                 guint              n_pages)
{
  g_return_if_fail (PACTA_IS_IMPORT_SOURCE (self));
  self->n_pages = n_pages;
}

guint
pacta_import_source_get_n_lines (PactaImportSource *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_SOURCE (self), 0);
  return self->lines->len;
}

PactaImportLine *
pacta_import_source_get_line (PactaImportSource *self,
                              guint              index)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_SOURCE (self), NULL);
  g_return_val_if_fail (index < self->lines->len, NULL);
  return g_ptr_array_index (self->lines, index);
}

/* Adds a paragraph (cleaned: white space folded, invisible characters dropped). Returns
 * the new line so the reader can set its page, block and origin; NULL for empty text. */
PactaImportLine *
pacta_import_source_add_line (PactaImportSource    *self,
                              const char           *text,
                              PactaImportLineFlags  flags,
                              guint8                level)
{
  g_autofree char *clean = NULL;
  PactaImportLine *line;
  static PactaImportLine dummy;

  g_return_val_if_fail (PACTA_IS_IMPORT_SOURCE (self), NULL);

  clean = _pacta_import_clean (text, -1);
  if (clean[0] == '\0')
    {
      /* Callers may set fields on the result: give them somewhere harmless to do so. */
      memset (&dummy, 0, sizeof dummy);
      return &dummy;
    }
  line = g_new0 (PactaImportLine, 1);
  line->text = g_steal_pointer (&clean);
  line->flags = flags;
  line->level = level;
  line->origin = self->lines->len + 1;
  g_ptr_array_add (self->lines, line);
  return line;
}

void
pacta_import_source_add_warning (PactaImportSource *self,
                                 int                line,
                                 const char        *format,
                                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_return_if_fail (PACTA_IS_IMPORT_SOURCE (self));

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (self->warnings, pacta_problem_new (self->path, line, 0, message));
}

/* Returns: (transfer none): PactaProblem warnings found while reading. */
GPtrArray *
pacta_import_source_get_warnings (PactaImportSource *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_SOURCE (self), NULL);
  return self->warnings;
}

/* All paragraphs, one per line. */
char *
pacta_import_source_dup_text (PactaImportSource *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (PACTA_IS_IMPORT_SOURCE (self), NULL);

  for (guint i = 0; i < self->lines->len; i++)
    {
      PactaImportLine *line = g_ptr_array_index (self->lines, i);

      g_string_append (out, line->text);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
