/* pacta-provision.c — one node of an agreement's tree of provisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-provision"

#include "config.h"

#include <glib/gi18n.h>

#include "pacta-enums.h"
#include "pacta-provision-private.h"

typedef struct
{
  int   after;
  char *xml;
} Extra;

struct _PactaProvision
{
  GObject             parent_instance;

  PactaProvisionKind  kind;
  char               *element;
  char               *eid;
  char               *num;
  char               *heading;
  char               *text;
  char              **refers_to;

  PactaProvision     *parent;    /* weak: the parent owns us through its children */
  GListStore         *children;

  char               *xml[PACTA_PROVISION_N_XML];
  GArray             *extras;
};

G_DEFINE_FINAL_TYPE (PactaProvision, pacta_provision, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ELEMENT,
  PROP_EID,
  PROP_NUM,
  PROP_HEADING,
  PROP_TEXT,
  PROP_REFERS_TO,
  PROP_LABEL,
  PROP_CHILDREN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_extra (gpointer data)
{
  Extra *extra = data;

  g_free (extra->xml);
}

static void
pacta_provision_dispose (GObject *object)
{
  PactaProvision *self = PACTA_PROVISION (object);

  g_clear_object (&self->children);

  G_OBJECT_CLASS (pacta_provision_parent_class)->dispose (object);
}

static void
pacta_provision_finalize (GObject *object)
{
  PactaProvision *self = PACTA_PROVISION (object);

  g_free (self->element);
  g_free (self->eid);
  g_free (self->num);
  g_free (self->heading);
  g_free (self->text);
  g_strfreev (self->refers_to);
  for (guint i = 0; i < PACTA_PROVISION_N_XML; i++)
    g_free (self->xml[i]);
  g_clear_pointer (&self->extras, g_array_unref);

  G_OBJECT_CLASS (pacta_provision_parent_class)->finalize (object);
}

static void
pacta_provision_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PactaProvision *self = PACTA_PROVISION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ELEMENT:
      g_value_set_string (value, self->element);
      break;
    case PROP_EID:
      g_value_set_string (value, self->eid);
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
    case PROP_REFERS_TO:
      g_value_set_boxed (value, self->refers_to);
      break;
    case PROP_LABEL:
      g_value_take_string (value, pacta_provision_dup_label (self));
      break;
    case PROP_CHILDREN:
      g_value_set_object (value, self->children);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_provision_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PactaProvision *self = PACTA_PROVISION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_ELEMENT:
      g_free (self->element);
      self->element = g_value_dup_string (value);
      break;
    case PROP_EID:
      pacta_provision_set_eid (self, g_value_get_string (value));
      break;
    case PROP_NUM:
      pacta_provision_set_num (self, g_value_get_string (value));
      break;
    case PROP_HEADING:
      pacta_provision_set_heading (self, g_value_get_string (value));
      break;
    case PROP_TEXT:
      pacta_provision_set_text (self, g_value_get_string (value));
      break;
    case PROP_REFERS_TO:
      pacta_provision_set_refers_to (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_provision_class_init (PactaProvisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pacta_provision_dispose;
  object_class->finalize = pacta_provision_finalize;
  object_class->get_property = pacta_provision_get_property;
  object_class->set_property = pacta_provision_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       PACTA_TYPE_PROVISION_KIND, PACTA_PROVISION_KIND_ARTICLE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ELEMENT] =
    g_param_spec_string ("element", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EID] =
    g_param_spec_string ("eid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUM] =
    g_param_spec_string ("num", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFERS_TO] =
    g_param_spec_boxed ("refers-to", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHILDREN] =
    g_param_spec_object ("children", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pacta_provision_init (PactaProvision *self)
{
  self->children = g_list_store_new (PACTA_TYPE_PROVISION);
}

PactaProvision *
pacta_provision_new (PactaProvisionKind  kind,
                     const char         *element)
{
  return g_object_new (PACTA_TYPE_PROVISION,
                       "kind", kind,
                       "element", element ? element : pacta_provision_kind_to_string (kind),
                       NULL);
}

PactaProvisionKind
pacta_provision_get_kind (PactaProvision *self)
{
  g_return_val_if_fail (PACTA_IS_PROVISION (self), PACTA_PROVISION_KIND_CONTAINER);
  return self->kind;
}

/* The Akoma Ntoso element this provision came from ("article", "section", "hcontainer"…). */
const char *
pacta_provision_get_element (PactaProvision *self)
{
  g_return_val_if_fail (PACTA_IS_PROVISION (self), NULL);
  return self->element;
}

static gboolean
set_string (PactaProvision *self,
            char          **field,
            const char     *value,
            int             prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

const char *
pacta_provision_get_eid (PactaProvision *self)
{
  g_return_val_if_fail (PACTA_IS_PROVISION (self), NULL);
  return self->eid;
}

void
pacta_provision_set_eid (PactaProvision *self,
                         const char     *eid)
{
  g_return_if_fail (PACTA_IS_PROVISION (self));
  set_string (self, &self->eid, eid, PROP_EID);
}

const char *
pacta_provision_get_num (PactaProvision *self)
{
  g_return_val_if_fail (PACTA_IS_PROVISION (self), NULL);
  return self->num;
}

void
pacta_provision_set_num (PactaProvision *self,
                         const char     *num)
{
  g_return_if_fail (PACTA_IS_PROVISION (self));
  if (set_string (self, &self->num, num, PROP_NUM))
    {
      g_clear_pointer (&self->xml[PACTA_PROVISION_XML_NUM], g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
    }
}

const char *
pacta_provision_get_heading (PactaProvision *self)
{
  g_return_val_if_fail (PACTA_IS_PROVISION (self), NULL);
  return self->heading;
}

void
pacta_provision_set_heading (PactaProvision *self,
                             const char     *heading)
{
  g_return_if_fail (PACTA_IS_PROVISION (self));
  if (set_string (self, &self->heading, heading, PROP_HEADING))
    {
      g_clear_pointer (&self->xml[PACTA_PROVISION_XML_HEADING], g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
    }
}

/* The provision's own words (content, or intro and wrap-up around its children),
 * one line per paragraph; the text of children is not included. */
const char *
pacta_provision_get_text (PactaProvision *self)
{
  g_return_val_if_fail (PACTA_IS_PROVISION (self), NULL);
  return self->text;
}

void
pacta_provision_set_text (PactaProvision *self,
                          const char     *text)
{
  g_return_if_fail (PACTA_IS_PROVISION (self));
  if (set_string (self, &self->text, text, PROP_TEXT))
    {
      g_clear_pointer (&self->xml[PACTA_PROVISION_XML_CONTENT], g_free);
      g_clear_pointer (&self->xml[PACTA_PROVISION_XML_INTRO], g_free);
      g_clear_pointer (&self->xml[PACTA_PROVISION_XML_WRAP_UP], g_free);
    }
}

/* Guideline item slugs this provision is tagged with (refersTo="#slug"), without the '#'. */
const char * const *
pacta_provision_get_refers_to (PactaProvision *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (PACTA_IS_PROVISION (self), empty);
  return self->refers_to ? (const char * const *) self->refers_to : empty;
}

void
pacta_provision_set_refers_to (PactaProvision     *self,
                               const char * const *slugs)
{
  g_return_if_fail (PACTA_IS_PROVISION (self));

  if (slugs != NULL && slugs[0] == NULL)
    slugs = NULL;
  if (self->refers_to == NULL && slugs == NULL)
    return;
  if (self->refers_to != NULL && slugs != NULL &&
      g_strv_equal ((const char * const *) self->refers_to, slugs))
    return;

  g_strfreev (self->refers_to);
  self->refers_to = g_strdupv ((char **) slugs);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERS_TO]);
}

gboolean
pacta_provision_refers_to (PactaProvision *self,
                           const char     *slug)
{
  g_return_val_if_fail (PACTA_IS_PROVISION (self), FALSE);
  g_return_val_if_fail (slug != NULL, FALSE);

  return self->refers_to != NULL && g_strv_contains ((const char * const *) self->refers_to, slug);
}

PactaProvision *
pacta_provision_get_parent (PactaProvision *self)
{
  g_return_val_if_fail (PACTA_IS_PROVISION (self), NULL);
  return self->parent;
}

/* Returns: (transfer none): a list model of PactaProvision */
GListModel *
pacta_provision_get_children (PactaProvision *self)
{
  g_return_val_if_fail (PACTA_IS_PROVISION (self), NULL);
  return G_LIST_MODEL (self->children);
}

guint
pacta_provision_get_n_children (PactaProvision *self)
{
  g_return_val_if_fail (PACTA_IS_PROVISION (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->children));
}

/* Returns: (transfer none) */
PactaProvision *
pacta_provision_get_child (PactaProvision *self,
                           guint           position)
{
  g_autoptr(PactaProvision) child = NULL;

  g_return_val_if_fail (PACTA_IS_PROVISION (self), NULL);

  child = g_list_model_get_item (G_LIST_MODEL (self->children), position);
  return child; /* the store keeps its reference */
}

void
pacta_provision_append (PactaProvision *self,
                        PactaProvision *child)
{
  g_return_if_fail (PACTA_IS_PROVISION (self));
  g_return_if_fail (PACTA_IS_PROVISION (child));
  g_return_if_fail (child->parent == NULL);

  child->parent = self;
  g_list_store_append (self->children, child);
}

/* A short name for outlines: "Article 5 — Export of benefits", or the heading,
 * or the number, or what kind of provision it is. */
char *
pacta_provision_dup_label (PactaProvision *self)
{
  gboolean has_num, has_heading;

  g_return_val_if_fail (PACTA_IS_PROVISION (self), NULL);

  has_num = self->num != NULL && self->num[0] != '\0';
  has_heading = self->heading != NULL && self->heading[0] != '\0';

  if (has_num && has_heading)
    return g_strdup_printf ("%s — %s", self->num, self->heading);
  if (has_heading)
    return g_strdup (self->heading);
  if (has_num)
    return g_strdup (self->num);

  switch (self->kind)
    {
    case PACTA_PROVISION_KIND_PREAMBLE:
      return g_strdup (_("Preamble"));
    case PACTA_PROVISION_KIND_CONCLUSIONS:
      return g_strdup (_("Final formula and signatures"));
    case PACTA_PROVISION_KIND_ATTACHMENT:
      return g_strdup (_("Annex"));
    case PACTA_PROVISION_KIND_PART:
    case PACTA_PROVISION_KIND_CHAPTER:
    case PACTA_PROVISION_KIND_SECTION:
    case PACTA_PROVISION_KIND_ARTICLE:
    case PACTA_PROVISION_KIND_PARAGRAPH:
    case PACTA_PROVISION_KIND_LIST:
    case PACTA_PROVISION_KIND_POINT:
    case PACTA_PROVISION_KIND_CONTAINER:
    default:
      return g_strdup (self->eid ? self->eid : self->element);
    }
}

static void
append_full_text (PactaProvision *self,
                  GString        *out,
                  gboolean        with_label)
{
  guint n = pacta_provision_get_n_children (self);

  gboolean inline_num = FALSE;

  if (with_label && (self->num || self->heading))
    {
      if (out->len)
        g_string_append_c (out, '\n');
      if (self->num)
        g_string_append (out, self->num);
      if (self->num && self->heading)
        g_string_append_c (out, ' ');
      if (self->heading)
        g_string_append (out, self->heading);
      /* "1." and "(a)" read best on the line they number. */
      inline_num = self->num && !self->heading;
    }

  if (self->text && self->text[0])
    {
      if (inline_num)
        g_string_append_c (out, ' ');
      else if (out->len)
        g_string_append_c (out, '\n');
      g_string_append (out, self->text);
    }

  for (guint i = 0; i < n; i++)
    append_full_text (pacta_provision_get_child (self, i), out, TRUE);
}

/* All the words of the provision and its descendants, numbers and headings of the
 * descendants included, one paragraph per line. */
char *
pacta_provision_dup_full_text (PactaProvision *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (PACTA_IS_PROVISION (self), NULL);

  append_full_text (self, out, FALSE);
  return g_string_free (out, FALSE);
}

static gboolean
is_unit_element (const char *element)
{
  static const char * const units[] = {
    "section", "rule", "regulation", "hcontainer", "level", "clause", NULL
  };
  return g_strv_contains (units, element);
}

static gboolean
has_unit_descendant (PactaProvision *self)
{
  guint n = pacta_provision_get_n_children (self);

  for (guint i = 0; i < n; i++)
    {
      PactaProvision *child = pacta_provision_get_child (self, i);

      if (child->kind == PACTA_PROVISION_KIND_ARTICLE || is_unit_element (child->element) ||
          has_unit_descendant (child))
        return TRUE;
    }
  return FALSE;
}

/* Whether this is the unit people cite and compare: an article, or in documents built from
 * sections or generic containers, the innermost such container that is not inside an article. */
gboolean
pacta_provision_is_article_level (PactaProvision *self)
{
  g_return_val_if_fail (PACTA_IS_PROVISION (self), FALSE);

  if (self->kind == PACTA_PROVISION_KIND_ARTICLE)
    return TRUE;
  if (!is_unit_element (self->element))
    return FALSE;
  /* A cross-heading carries a heading and nothing else: it groups units, it is not one. */
  if ((self->text == NULL || self->text[0] == '\0') && pacta_provision_get_n_children (self) == 0)
    return FALSE;
  for (PactaProvision *p = self->parent; p; p = p->parent)
    if (p->kind == PACTA_PROVISION_KIND_ARTICLE || is_unit_element (p->element))
      return FALSE;
  return !has_unit_descendant (self);
}

const char *
_pacta_provision_get_xml (PactaProvision    *self,
                          PactaProvisionXml  which)
{
  g_return_val_if_fail (PACTA_IS_PROVISION (self), NULL);
  g_return_val_if_fail (which < PACTA_PROVISION_N_XML, NULL);
  return self->xml[which];
}

void
_pacta_provision_set_xml (PactaProvision    *self,
                          PactaProvisionXml  which,
                          const char        *xml)
{
  g_return_if_fail (PACTA_IS_PROVISION (self));
  g_return_if_fail (which < PACTA_PROVISION_N_XML);

  g_free (self->xml[which]);
  self->xml[which] = g_strdup (xml);
}

void
_pacta_provision_add_extra (PactaProvision *self,
                            int             after,
                            const char     *xml)
{
  Extra extra = { after, g_strdup (xml) };

  g_return_if_fail (PACTA_IS_PROVISION (self));

  if (self->extras == NULL)
    {
      self->extras = g_array_new (FALSE, FALSE, sizeof (Extra));
      g_array_set_clear_func (self->extras, clear_extra);
    }
  g_array_append_val (self->extras, extra);
}

guint
_pacta_provision_get_n_extras (PactaProvision *self)
{
  g_return_val_if_fail (PACTA_IS_PROVISION (self), 0);
  return self->extras ? self->extras->len : 0;
}

const char *
_pacta_provision_get_extra (PactaProvision *self,
                            guint           index,
                            int            *after)
{
  Extra *extra;

  g_return_val_if_fail (PACTA_IS_PROVISION (self), NULL);
  g_return_val_if_fail (self->extras != NULL && index < self->extras->len, NULL);

  extra = &g_array_index (self->extras, Extra, index);
  if (after)
    *after = extra->after;
  return extra->xml;
}
