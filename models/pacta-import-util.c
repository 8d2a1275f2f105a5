/* pacta-import-util.c — small text helpers for the import code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-import-util"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pacta-import-private.h"

static gboolean
is_space_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x2007 || c == 0x202F ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x3000;
}

static gboolean
is_invisible_char (gunichar c)
{
  /* Soft hyphen, zero-width characters, the byte-order mark, bidi marks. */
  return c == 0x00AD || (c >= 0x200B && c <= 0x200F) || c == 0xFEFF || c == 0x2060 ||
         (c >= 0x202A && c <= 0x202E);
}

/* Folds runs of white space to one space, trims, drops invisible characters and control
 * characters, and expands typographic ligatures (PDF text layers are full of them). */
char *
_pacta_import_clean (const char *text,
                     gssize      length)
{
  GString *out;
  const char *p, *end;
  gboolean pending_space = FALSE;

  if (text == NULL)
    return g_strdup ("");
  if (length < 0)
    length = strlen (text);

  out = g_string_sized_new (length);
  end = text + length;
  for (p = text; p < end && *p; )
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      const char *next;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }
      next = g_utf8_next_char (p);

      if (is_space_char (c) || c == '\t')
        pending_space = out->len > 0;
      else if (is_invisible_char (c) || (g_unichar_iscntrl (c)))
        ;
      else
        {
          if (pending_space)
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          switch (c)
            {
            case 0xFB00: g_string_append (out, "ff"); break;
            case 0xFB01: g_string_append (out, "fi"); break;
            case 0xFB02: g_string_append (out, "fl"); break;
            case 0xFB03: g_string_append (out, "ffi"); break;
            case 0xFB04: g_string_append (out, "ffl"); break;
            case 0xFB05:
            case 0xFB06: g_string_append (out, "st"); break;
            default:
              g_string_append_len (out, p, next - p);
            }
        }
      p = next;
    }
  return g_string_free (out, FALSE);
}

/* Lower case without accents, for matching keywords in any of the three languages. */
char *
_pacta_import_fold (const char *text)
{
  g_autofree char *lower = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  lower = g_utf8_strdown (text, -1);
  decomposed = g_utf8_normalize (lower, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup (lower);

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      switch (c)
        {
        case 0x0153: g_string_append (out, "oe"); break;      /* œ */
        case 0x00E6: g_string_append (out, "ae"); break;      /* æ */
        case 0x00DF: g_string_append (out, "ss"); break;      /* ß */
        case 0x2018: case 0x2019: case 0x02BC: g_string_append_c (out, '\''); break;
        case 0x201C: case 0x201D: case 0x00AB: case 0x00BB: g_string_append_c (out, '"'); break;
        case 0x2013: case 0x2014: case 0x2012: case 0x2212: g_string_append_c (out, '-'); break;
        case 0x00BA: case 0x00B0: g_string_append_c (out, 'o'); break; /* 1º, 1° */
        default:
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

/* Whether the letters of @text are (nearly) all capitals, with at least two of them. */
gboolean
_pacta_import_is_upper (const char *text)
{
  guint upper = 0, lower = 0;

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isupper (c))
        upper++;
      else if (g_unichar_islower (c))
        lower++;
    }
  return upper >= 2 && lower * 10 <= upper;
}

guint
_pacta_import_count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; p && *p; p++)
    {
      gboolean space = *p == ' ';

      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}

/* Ends with a full stop, semicolon, comma or colon (closing quotes and brackets aside). */
gboolean
_pacta_import_ends_sentence (const char *text)
{
  const char *end;

  if (text == NULL || *text == '\0')
    return FALSE;
  end = text + strlen (text);
  while (end > text)
    {
      const char *prev = g_utf8_find_prev_char (text, end);
      gunichar c = g_utf8_get_char (prev);

      if (c == '"' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0x00BB || c == ' ')
        {
          end = prev;
          continue;
        }
      return c == '.' || c == ';' || c == ',' || c == ':' || c == '!' || c == '?';
    }
  return FALSE;
}

gboolean
_pacta_import_starts_lower (const char *text)
{
  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        return g_unichar_islower (c);
      if (g_unichar_isdigit (c))
        return FALSE;
    }
  return FALSE;
}

/* Whether @folded starts with one of @prefixes followed by a word boundary. */
gboolean
_pacta_import_has_prefix_word (const char         *folded,
                               const char * const *prefixes)
{
  for (guint i = 0; prefixes[i]; i++)
    {
      gsize n = strlen (prefixes[i]);

      if (strncmp (folded, prefixes[i], n) == 0 &&
          (folded[n] == '\0' || !g_ascii_isalnum (folded[n]) || !g_ascii_isalnum (prefixes[i][n - 1])))
        return TRUE;
    }
  return FALSE;
}

void
_pacta_import_set_error (GError     **error,
                         int          code,
                         const char  *file,
                         const char  *format,
                         ...)
{
  g_autofree char *message = NULL;
  g_autoptr(PactaProblem) problem = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  problem = pacta_problem_new (file, 0, 0, message);
  pacta_set_error_from_problem (error, code, problem);
}

void
_pacta_import_warn (GPtrArray  *warnings,
                    const char *file,
                    int         line,
                    const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (warnings == NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (warnings, pacta_problem_new (file, line, 0, message));
}

/* Reads a file to import, refusing it before reading when it is over the import limit. */
GBytes *
_pacta_import_load (const char  *path,
                    GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;
  gsize length = 0;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        _pacta_import_set_error (error, PACTA_ERROR_IO, path, "%s", _("no such file"));
      else
        _pacta_import_set_error (error, PACTA_ERROR_IO, path, "%s", local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      _pacta_import_set_error (error, PACTA_ERROR_IO, path, "%s", _("is a folder, not a file"));
      return NULL;
    }
  if ((guint64) g_file_info_get_size (info) > PACTA_IMPORT_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (PACTA_IMPORT_MAX_FILE_SIZE);

      _pacta_import_set_error (error, PACTA_ERROR_TOO_LARGE, path,
                               _("file is too large to import (%s); the limit is %s"), size, limit);
      return NULL;
    }
  if (g_file_info_get_size (info) == 0)
    {
      _pacta_import_set_error (error, PACTA_ERROR_EMPTY, path, "%s", _("the file is empty"));
      return NULL;
    }
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      _pacta_import_set_error (error, PACTA_ERROR_IO, path, "%s", local_error->message);
      return NULL;
    }
  /* The file may have grown between the check and the read. */
  if (length > PACTA_IMPORT_MAX_FILE_SIZE)
    {
      g_autofree char *limit = g_format_size (PACTA_IMPORT_MAX_FILE_SIZE);

      g_free (contents);
      _pacta_import_set_error (error, PACTA_ERROR_TOO_LARGE, path,
                               _("file is too large to import; the limit is %s"), limit);
      return NULL;
    }
  return g_bytes_new_take (contents, length);
}

/* An element named @name (w:p, text:p), whatever its namespace prefix. */
gboolean
_pacta_import_xml_is (xmlNode    *node,
                      const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name);
}

/* An attribute by its local name (w:val, text:style-name), whatever its namespace prefix. */
char *
_pacta_import_xml_attr (xmlNode    *node,
                        const char *name)
{
  for (xmlAttr *a = node ? node->properties : NULL; a; a = a->next)
    if (g_str_equal ((const char *) a->name, name))
      {
        xmlChar *value = xmlNodeGetContent ((xmlNode *) a);
        char *copy = g_strdup ((const char *) value);

        xmlFree (value);
        return copy;
      }
  return NULL;
}
