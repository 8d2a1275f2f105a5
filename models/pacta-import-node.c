/* pacta-import-node.c — one boundary detected in an imported text
 *
 * A node opens at a line of the source: it takes @header_lines lines for its number and
 * heading (the text left on the header line after the number is its inline text, as in
 * "1. The Parties shall…"), and its body runs until the next node opens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-import-node"

#include "config.h"

#include <glib/gi18n.h>

#include "pacta-import-enums.h"
#include "pacta-import-node.h"

struct _PactaImportNode
{
  GObject              parent_instance;

  PactaImportNodeKind  kind;
  guint                first_line;
  guint                header_lines;
  char                *num;
  char                *heading;
  char                *text;
  int                  value;
  guint                depth;
};

G_DEFINE_FINAL_TYPE (PactaImportNode, pacta_import_node, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_FIRST_LINE,
  PROP_HEADER_LINES,
  PROP_NUM,
  PROP_HEADING,
  PROP_TEXT,
  PROP_VALUE,
  PROP_DEPTH,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pacta_import_node_finalize (GObject *object)
{
  PactaImportNode *self = PACTA_IMPORT_NODE (object);

  g_free (self->num);
  g_free (self->heading);
  g_free (self->text);

  G_OBJECT_CLASS (pacta_import_node_parent_class)->finalize (object);
}

static void
pacta_import_node_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PactaImportNode *self = PACTA_IMPORT_NODE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_FIRST_LINE:
      g_value_set_uint (value, self->first_line);
      break;
    case PROP_HEADER_LINES:
      g_value_set_uint (value, self->header_lines);
      break;
    case PROP_NUM:
      g_value_set_string (value, self->num);
      break;
    case PROP_HEADING:
      g_value_set_string (value, self->heading);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_VALUE:
      g_value_set_int (value, self->value);
      break;
    case PROP_DEPTH:
      g_value_set_uint (value, self->depth);
      break;
    case PROP_LABEL:
      g_value_take_string (value, pacta_import_node_dup_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_import_node_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PactaImportNode *self = PACTA_IMPORT_NODE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      pacta_import_node_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_FIRST_LINE:
      pacta_import_node_set_first_line (self, g_value_get_uint (value));
      break;
    case PROP_HEADER_LINES:
      pacta_import_node_set_header_lines (self, g_value_get_uint (value));
      break;
    case PROP_NUM:
      pacta_import_node_set_num (self, g_value_get_string (value));
      break;
    case PROP_HEADING:
      pacta_import_node_set_heading (self, g_value_get_string (value));
      break;
    case PROP_TEXT:
      pacta_import_node_set_text (self, g_value_get_string (value));
      break;
    case PROP_VALUE:
      pacta_import_node_set_value (self, g_value_get_int (value));
      break;
    case PROP_DEPTH:
      pacta_import_node_set_depth (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_import_node_class_init (PactaImportNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pacta_import_node_finalize;
  object_class->get_property = pacta_import_node_get_property;
  object_class->set_property = pacta_import_node_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, PACTA_TYPE_IMPORT_NODE_KIND, PACTA_IMPORT_NODE_ARTICLE, flags);
  properties[PROP_FIRST_LINE] =
    g_param_spec_uint ("first-line", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_HEADER_LINES] =
    g_param_spec_uint ("header-lines", NULL, NULL, 0, G_MAXUINT, 1, flags);
  properties[PROP_NUM] = g_param_spec_string ("num", NULL, NULL, NULL, flags);
  properties[PROP_HEADING] = g_param_spec_string ("heading", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_VALUE] = g_param_spec_int ("value", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_DEPTH] = g_param_spec_uint ("depth", NULL, NULL, 0, 64, 0, flags);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pacta_import_node_init (PactaImportNode *self)
{
  self->header_lines = 1;
  self->value = -1;
}

PactaImportNode *
pacta_import_node_new (PactaImportNodeKind kind,
                       guint               first_line)
{
  return g_object_new (PACTA_TYPE_IMPORT_NODE, "kind", kind, "first-line", first_line, NULL);
}

PactaImportNodeKind
pacta_import_node_get_kind (PactaImportNode *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_NODE (self), PACTA_IMPORT_NODE_ARTICLE);
  return self->kind;
}

void
pacta_import_node_set_kind (PactaImportNode     *self,
                            PactaImportNodeKind  kind)
{
  g_return_if_fail (PACTA_IS_IMPORT_NODE (self));
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

guint
pacta_import_node_get_first_line (PactaImportNode *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_NODE (self), 0);
  return self->first_line;
}

void
pacta_import_node_set_first_line (PactaImportNode *self,
                                  guint            line)
{
  g_return_if_fail (PACTA_IS_IMPORT_NODE (self));
  if (self->first_line == line)
    return;
  self->first_line = line;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_LINE]);
}

/* How many lines the number and heading take (0 for a title block or preamble, whose
 * lines are all body). */
guint
pacta_import_node_get_header_lines (PactaImportNode *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_NODE (self), 0);
  return self->header_lines;
}

void
pacta_import_node_set_header_lines (PactaImportNode *self,
                                    guint            n_lines)
{
  g_return_if_fail (PACTA_IS_IMPORT_NODE (self));
  if (self->header_lines == n_lines)
    return;
  self->header_lines = n_lines;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADER_LINES]);
}

static gboolean
set_string (PactaImportNode  *self,
            char            **field,
            const char       *value,
            int               prop)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

const char *
pacta_import_node_get_num (PactaImportNode *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_NODE (self), NULL);
  return self->num;
}

void
pacta_import_node_set_num (PactaImportNode *self,
                           const char      *num)
{
  g_return_if_fail (PACTA_IS_IMPORT_NODE (self));
  if (set_string (self, &self->num, num, PROP_NUM))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
pacta_import_node_get_heading (PactaImportNode *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_NODE (self), NULL);
  return self->heading;
}

void
pacta_import_node_set_heading (PactaImportNode *self,
                               const char      *heading)
{
  g_return_if_fail (PACTA_IS_IMPORT_NODE (self));
  if (set_string (self, &self->heading, heading, PROP_HEADING))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

/* Words on the header line after the number that are not a heading ("1. The Parties…"). */
const char *
pacta_import_node_get_text (PactaImportNode *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_NODE (self), NULL);
  return self->text;
}

void
pacta_import_node_set_text (PactaImportNode *self,
                            const char      *text)
{
  g_return_if_fail (PACTA_IS_IMPORT_NODE (self));
  set_string (self, &self->text, text, PROP_TEXT);
}

/* The number's value (5 for "Article V"), or -1. */
int
pacta_import_node_get_value (PactaImportNode *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_NODE (self), -1);
  return self->value;
}

void
pacta_import_node_set_value (PactaImportNode *self,
                             int              value)
{
  g_return_if_fail (PACTA_IS_IMPORT_NODE (self));
  if (self->value == value)
    return;
  self->value = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

/* Depth in the detected tree (0 for top-level nodes); kept up to date by the draft. */
guint
pacta_import_node_get_depth (PactaImportNode *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_NODE (self), 0);
  return self->depth;
}

void
pacta_import_node_set_depth (PactaImportNode *self,
                             guint            depth)
{
  g_return_if_fail (PACTA_IS_IMPORT_NODE (self));
  if (self->depth == depth)
    return;
  self->depth = depth;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPTH]);
}

/* "Article 5 — Export of benefits", "Preamble", "(a)". */
char *
pacta_import_node_dup_label (PactaImportNode *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_NODE (self), NULL);

  if (self->num && self->heading)
    return g_strdup_printf ("%s — %s", self->num, self->heading);
  if (self->num)
    return g_strdup (self->num);
  if (self->heading)
    return g_strdup (self->heading);
  return g_strdup (pacta_import_node_kind_to_label (self->kind));
}
