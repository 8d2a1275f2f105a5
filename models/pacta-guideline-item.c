/* pacta-guideline-item.c — one checklist item of a guideline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-guideline-item"

#include "config.h"

#include "pacta-enums.h"
#include "pacta-guideline-item.h"

struct _PactaGuidelineItem
{
  GObject         parent_instance;

  char           *slug;
  PactaItemLevel  level;
  char           *title;
  char           *guidance;
  char           *model;
  char           *cite;
  char           *note;
  char           *category_id;
  GHashTable     *terms;      /* language → GStrv */
  GPtrArray      *languages;  /* in the order they were given */
  guint           verified : 1;
};

G_DEFINE_FINAL_TYPE (PactaGuidelineItem, pacta_guideline_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SLUG,
  PROP_LEVEL,
  PROP_TITLE,
  PROP_GUIDANCE,
  PROP_MODEL,
  PROP_CITE,
  PROP_NOTE,
  PROP_VERIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pacta_guideline_item_finalize (GObject *object)
{
  PactaGuidelineItem *self = PACTA_GUIDELINE_ITEM (object);

  g_free (self->slug);
  g_free (self->title);
  g_free (self->guidance);
  g_free (self->model);
  g_free (self->cite);
  g_free (self->note);
  g_free (self->category_id);
  g_hash_table_unref (self->terms);
  g_ptr_array_unref (self->languages);

  G_OBJECT_CLASS (pacta_guideline_item_parent_class)->finalize (object);
}

static void
pacta_guideline_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PactaGuidelineItem *self = PACTA_GUIDELINE_ITEM (object);

  switch (prop_id)
    {
    case PROP_SLUG:
      g_value_set_string (value, self->slug);
      break;
    case PROP_LEVEL:
      g_value_set_enum (value, self->level);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_GUIDANCE:
      g_value_set_string (value, self->guidance);
      break;
    case PROP_MODEL:
      g_value_set_string (value, self->model);
      break;
    case PROP_CITE:
      g_value_set_string (value, self->cite);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_VERIFIED:
      g_value_set_boolean (value, self->verified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_guideline_item_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PactaGuidelineItem *self = PACTA_GUIDELINE_ITEM (object);

  switch (prop_id)
    {
    case PROP_SLUG:
      self->slug = g_value_dup_string (value);
      break;
    case PROP_LEVEL:
      self->level = g_value_get_enum (value);
      break;
    case PROP_TITLE:
      pacta_guideline_item_set_title (self, g_value_get_string (value));
      break;
    case PROP_GUIDANCE:
      pacta_guideline_item_set_guidance (self, g_value_get_string (value));
      break;
    case PROP_MODEL:
      pacta_guideline_item_set_model (self, g_value_get_string (value));
      break;
    case PROP_CITE:
      pacta_guideline_item_set_cite (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      pacta_guideline_item_set_note (self, g_value_get_string (value));
      break;
    case PROP_VERIFIED:
      pacta_guideline_item_set_verified (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_guideline_item_class_init (PactaGuidelineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pacta_guideline_item_finalize;
  object_class->get_property = pacta_guideline_item_get_property;
  object_class->set_property = pacta_guideline_item_set_property;

  properties[PROP_SLUG] =
    g_param_spec_string ("slug", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVEL] =
    g_param_spec_enum ("level", NULL, NULL, PACTA_TYPE_ITEM_LEVEL, PACTA_ITEM_LEVEL_RECOMMENDED,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_GUIDANCE] = g_param_spec_string ("guidance", NULL, NULL, NULL, rw);
  properties[PROP_MODEL] = g_param_spec_string ("model", NULL, NULL, NULL, rw);
  properties[PROP_CITE] = g_param_spec_string ("cite", NULL, NULL, NULL, rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, rw);
  properties[PROP_VERIFIED] = g_param_spec_boolean ("verified", NULL, NULL, TRUE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pacta_guideline_item_init (PactaGuidelineItem *self)
{
  self->terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  self->languages = g_ptr_array_new_with_free_func (g_free);
  self->verified = TRUE;
}

PactaGuidelineItem *
pacta_guideline_item_new (const char     *slug,
                          PactaItemLevel  level)
{
  return g_object_new (PACTA_TYPE_GUIDELINE_ITEM, "slug", slug, "level", level, NULL);
}

static void
set_field (PactaGuidelineItem  *self,
           char               **field,
           const char          *value,
           int                  prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *
pacta_guideline_item_get_slug (PactaGuidelineItem *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE_ITEM (self), NULL);
  return self->slug;
}

PactaItemLevel
pacta_guideline_item_get_level (PactaGuidelineItem *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE_ITEM (self), PACTA_ITEM_LEVEL_OPTIONAL);
  return self->level;
}

const char *
pacta_guideline_item_get_title (PactaGuidelineItem *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE_ITEM (self), NULL);
  return self->title;
}

void
pacta_guideline_item_set_title (PactaGuidelineItem *self,
                                const char         *title)
{
  g_return_if_fail (PACTA_IS_GUIDELINE_ITEM (self));
  set_field (self, &self->title, title, PROP_TITLE);
}

const char *
pacta_guideline_item_get_guidance (PactaGuidelineItem *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE_ITEM (self), NULL);
  return self->guidance;
}

void
pacta_guideline_item_set_guidance (PactaGuidelineItem *self,
                                   const char         *guidance)
{
  g_return_if_fail (PACTA_IS_GUIDELINE_ITEM (self));
  set_field (self, &self->guidance, guidance, PROP_GUIDANCE);
}

const char *
pacta_guideline_item_get_model (PactaGuidelineItem *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE_ITEM (self), NULL);
  return self->model;
}

void
pacta_guideline_item_set_model (PactaGuidelineItem *self,
                                const char         *model)
{
  g_return_if_fail (PACTA_IS_GUIDELINE_ITEM (self));
  set_field (self, &self->model, model, PROP_MODEL);
}

const char *
pacta_guideline_item_get_cite (PactaGuidelineItem *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE_ITEM (self), NULL);
  return self->cite;
}

void
pacta_guideline_item_set_cite (PactaGuidelineItem *self,
                               const char         *cite)
{
  g_return_if_fail (PACTA_IS_GUIDELINE_ITEM (self));
  set_field (self, &self->cite, cite, PROP_CITE);
}

const char *
pacta_guideline_item_get_note (PactaGuidelineItem *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE_ITEM (self), NULL);
  return self->note;
}

void
pacta_guideline_item_set_note (PactaGuidelineItem *self,
                               const char         *note)
{
  g_return_if_fail (PACTA_IS_GUIDELINE_ITEM (self));
  set_field (self, &self->note, note, PROP_NOTE);
}

/* FALSE when the facts behind the item could not be checked against its source. */
gboolean
pacta_guideline_item_get_verified (PactaGuidelineItem *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE_ITEM (self), FALSE);
  return self->verified;
}

void
pacta_guideline_item_set_verified (PactaGuidelineItem *self,
                                   gboolean            verified)
{
  g_return_if_fail (PACTA_IS_GUIDELINE_ITEM (self));

  verified = !!verified;
  if (self->verified == verified)
    return;
  self->verified = verified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERIFIED]);
}

/* The match terms for @language ("en", "fr", "es"); empty when there are none. */
const char * const *
pacta_guideline_item_get_terms (PactaGuidelineItem *self,
                                const char         *language)
{
  static const char * const empty[] = { NULL };
  const char * const *terms;

  g_return_val_if_fail (PACTA_IS_GUIDELINE_ITEM (self), empty);
  g_return_val_if_fail (language != NULL, empty);

  terms = g_hash_table_lookup (self->terms, language);
  return terms ? terms : empty;
}

void
pacta_guideline_item_set_terms (PactaGuidelineItem *self,
                                const char         *language,
                                const char * const *terms)
{
  g_return_if_fail (PACTA_IS_GUIDELINE_ITEM (self));
  g_return_if_fail (language != NULL);

  if (!g_hash_table_contains (self->terms, language))
    g_ptr_array_add (self->languages, g_strdup (language));
  g_hash_table_insert (self->terms, g_strdup (language), g_strdupv ((char **) terms));
}

/* Returns: (transfer full): the languages that have terms, in file order */
char **
pacta_guideline_item_dup_languages (PactaGuidelineItem *self)
{
  GStrvBuilder *builder;
  char **result;

  g_return_val_if_fail (PACTA_IS_GUIDELINE_ITEM (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->languages->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->languages, i));
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

const char *
pacta_guideline_item_get_category_id (PactaGuidelineItem *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE_ITEM (self), NULL);
  return self->category_id;
}

void
_pacta_guideline_item_set_category_id (PactaGuidelineItem *self,
                                       const char         *category_id)
{
  g_return_if_fail (PACTA_IS_GUIDELINE_ITEM (self));
  g_free (self->category_id);
  self->category_id = g_strdup (category_id);
}
