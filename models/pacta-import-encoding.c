/* pacta-import-encoding.c — bytes of a text file to UTF-8
 *
 * Recognises UTF-8 (with or without a byte-order mark), UTF-16 and UTF-32 with a byte-order
 * mark, UTF-16 without one (by its pattern of zero bytes), and otherwise reads the bytes as
 * Windows-1252, the superset of Latin-1 that word processors on Windows write. Files that are
 * not text at all (NUL bytes, control characters) are refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-import-encoding"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pacta-import-private.h"

/* Windows-1252 code points for 0x80–0x9F; 0 marks the five bytes it leaves undefined,
 * which are read as their Latin-1 (C1 control) meaning. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static char *
decode_cp1252 (const guchar *data,
               gsize         length)
{
  GString *out = g_string_sized_new (length + length / 8);

  for (gsize i = 0; i < length; i++)
    {
      guchar b = data[i];

      if (b < 0x80)
        g_string_append_c (out, (char) b);
      else if (b < 0xA0 && cp1252_high[b - 0x80] != 0)
        g_string_append_unichar (out, cp1252_high[b - 0x80]);
      else
        g_string_append_unichar (out, b);
    }
  return g_string_free (out, FALSE);
}

static char *
convert (const char  *data,
         gsize        length,
         const char  *from,
         GError     **error)
{
  gsize read = 0, written = 0;

  return g_convert (data, length, "UTF-8", from, &read, &written, error);
}

/* UTF-16 without a byte-order mark shows as a zero in every other byte of ASCII text. */
static const char *
sniff_utf16 (const guchar *data,
             gsize         length)
{
  gsize n = MIN (length, 4096) & ~(gsize) 1;
  guint even_zero = 0, odd_zero = 0;

  if (n < 4)
    return NULL;
  for (gsize i = 0; i < n; i += 2)
    {
      even_zero += data[i] == 0;
      odd_zero += data[i + 1] == 0;
    }
  if (odd_zero * 4 > n && even_zero * 40 < n)
    return "UTF-16LE";
  if (even_zero * 4 > n && odd_zero * 40 < n)
    return "UTF-16BE";
  return NULL;
}

/* Share of characters that no text file contains. */
static gboolean
looks_binary (const char *utf8)
{
  gsize total = 0, bad = 0;

  for (const char *p = utf8; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      total++;
      if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x0B) ||
          (c >= 0x7F && c < 0xA0) || c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF))
        bad++;
    }
  return total == 0 || bad * 100 > total * 2;
}

char *
_pacta_import_decode (const char  *data,
                      gsize        length,
                      const char  *file,
                      const char **encoding,
                      GError     **error)
{
  const guchar *u = (const guchar *) data;
  g_autoptr(GError) local_error = NULL;
  const char *name = NULL;
  char *text = NULL;

  if (length >= 4 && u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0)
    {
      name = "UTF-32LE";
      text = convert (data + 4, length - 4, name, &local_error);
    }
  else if (length >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF)
    {
      name = "UTF-32BE";
      text = convert (data + 4, length - 4, name, &local_error);
    }
  else if (length >= 2 && u[0] == 0xFF && u[1] == 0xFE)
    {
      name = "UTF-16LE";
      text = convert (data + 2, length - 2, name, &local_error);
    }
  else if (length >= 2 && u[0] == 0xFE && u[1] == 0xFF)
    {
      name = "UTF-16BE";
      text = convert (data + 2, length - 2, name, &local_error);
    }
  else if (length >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    {
      name = "UTF-8";
      if (g_utf8_validate_len (data + 3, length - 3, NULL))
        text = g_strndup (data + 3, length - 3);
      else
        local_error = g_error_new_literal (G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE,
                                           _("invalid UTF-8 after a UTF-8 byte-order mark"));
    }
  else if ((name = sniff_utf16 (u, length)) != NULL)
    text = convert (data, length & ~(gsize) 1, name, &local_error);
  else if (memchr (data, '\0', length) != NULL)
    {
      _pacta_import_set_error (error, PACTA_ERROR_MALFORMED, file, "%s",
                               _("binary data, not text: the file contains NUL bytes"));
      return NULL;
    }
  else if (g_utf8_validate_len (data, length, NULL))
    {
      name = "UTF-8";
      text = g_strndup (data, length);
    }
  else
    {
      name = "Windows-1252";
      text = decode_cp1252 (u, length);
    }

  if (text == NULL)
    {
      _pacta_import_set_error (error, PACTA_ERROR_MALFORMED, file, _("cannot decode the text as %s: %s"),
                               name, local_error ? local_error->message : _("invalid data"));
      return NULL;
    }
  if (looks_binary (text))
    {
      g_free (text);
      _pacta_import_set_error (error, PACTA_ERROR_MALFORMED, file, "%s",
                               _("binary data, not text: too many control characters"));
      return NULL;
    }
  if (encoding)
    *encoding = name;
  return text;
}
