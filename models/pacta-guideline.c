/* pacta-guideline.c — a checklist derived from an international instrument
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-guideline"

#include "config.h"

#include "pacta-guideline.h"

struct _PactaGuideline
{
  GObject     parent_instance;

  char       *id;
  char       *version;
  char       *title;
  char       *short_title;
  char       *source;
  char       *source_href;
  char       *description;
  char       *path;
  char      **applies_to;
  char      **languages;
  int         year;
  GListStore *categories;
  GHashTable *by_slug;  /* slug → PactaGuidelineItem (borrowed) */
  guint       provisional : 1;
};

G_DEFINE_FINAL_TYPE (PactaGuideline, pacta_guideline, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SHORT_TITLE,
  PROP_YEAR,
  PROP_PROVISIONAL,
  PROP_CATEGORIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pacta_guideline_dispose (GObject *object)
{
  PactaGuideline *self = PACTA_GUIDELINE (object);

  g_clear_pointer (&self->by_slug, g_hash_table_unref);
  g_clear_object (&self->categories);

  G_OBJECT_CLASS (pacta_guideline_parent_class)->dispose (object);
}

static void
pacta_guideline_finalize (GObject *object)
{
  PactaGuideline *self = PACTA_GUIDELINE (object);

  g_free (self->id);
  g_free (self->version);
  g_free (self->title);
  g_free (self->short_title);
  g_free (self->source);
  g_free (self->source_href);
  g_free (self->description);
  g_free (self->path);
  g_strfreev (self->applies_to);
  g_strfreev (self->languages);

  G_OBJECT_CLASS (pacta_guideline_parent_class)->finalize (object);
}

static void
pacta_guideline_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PactaGuideline *self = PACTA_GUIDELINE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SHORT_TITLE:
      g_value_set_string (value, pacta_guideline_get_short_title (self));
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_PROVISIONAL:
      g_value_set_boolean (value, self->provisional);
      break;
    case PROP_CATEGORIES:
      g_value_set_object (value, self->categories);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_guideline_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PactaGuideline *self = PACTA_GUIDELINE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      pacta_guideline_set_title (self, g_value_get_string (value));
      break;
    case PROP_SHORT_TITLE:
      pacta_guideline_set_short_title (self, g_value_get_string (value));
      break;
    case PROP_YEAR:
      pacta_guideline_set_year (self, g_value_get_int (value));
      break;
    case PROP_PROVISIONAL:
      pacta_guideline_set_provisional (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_guideline_class_init (PactaGuidelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = pacta_guideline_dispose;
  object_class->finalize = pacta_guideline_finalize;
  object_class->get_property = pacta_guideline_get_property;
  object_class->set_property = pacta_guideline_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_SHORT_TITLE] = g_param_spec_string ("short-title", NULL, NULL, NULL, rw);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, 9999, 0, rw);
  properties[PROP_PROVISIONAL] = g_param_spec_boolean ("provisional", NULL, NULL, FALSE, rw);
  properties[PROP_CATEGORIES] =
    g_param_spec_object ("categories", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pacta_guideline_init (PactaGuideline *self)
{
  self->categories = g_list_store_new (PACTA_TYPE_GUIDELINE_CATEGORY);
}

PactaGuideline *
pacta_guideline_new (const char *id)
{
  return g_object_new (PACTA_TYPE_GUIDELINE, "id", id, NULL);
}

static void
replace (char      **field,
         const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

const char *
pacta_guideline_get_id (PactaGuideline *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE (self), NULL);
  return self->id;
}

const char *
pacta_guideline_get_version (PactaGuideline *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE (self), NULL);
  return self->version;
}

void
pacta_guideline_set_version (PactaGuideline *self,
                             const char     *version)
{
  g_return_if_fail (PACTA_IS_GUIDELINE (self));
  replace (&self->version, version);
}

const char *
pacta_guideline_get_title (PactaGuideline *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE (self), NULL);
  return self->title;
}

void
pacta_guideline_set_title (PactaGuideline *self,
                           const char     *title)
{
  g_return_if_fail (PACTA_IS_GUIDELINE (self));
  if (g_strcmp0 (self->title, title) == 0)
    return;
  replace (&self->title, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* The short title, or the title when the file gave none. */
const char *
pacta_guideline_get_short_title (PactaGuideline *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE (self), NULL);
  return self->short_title ? self->short_title : self->title;
}

void
pacta_guideline_set_short_title (PactaGuideline *self,
                                 const char     *short_title)
{
  g_return_if_fail (PACTA_IS_GUIDELINE (self));
  if (g_strcmp0 (self->short_title, short_title) == 0)
    return;
  replace (&self->short_title, short_title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHORT_TITLE]);
}

const char *
pacta_guideline_get_source (PactaGuideline *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE (self), NULL);
  return self->source;
}

void
pacta_guideline_set_source (PactaGuideline *self,
                            const char     *source)
{
  g_return_if_fail (PACTA_IS_GUIDELINE (self));
  replace (&self->source, source);
}

const char *
pacta_guideline_get_source_href (PactaGuideline *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE (self), NULL);
  return self->source_href;
}

void
pacta_guideline_set_source_href (PactaGuideline *self,
                                 const char     *href)
{
  g_return_if_fail (PACTA_IS_GUIDELINE (self));
  replace (&self->source_href, href);
}

int
pacta_guideline_get_year (PactaGuideline *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE (self), 0);
  return self->year;
}

void
pacta_guideline_set_year (PactaGuideline *self,
                          int             year)
{
  g_return_if_fail (PACTA_IS_GUIDELINE (self));
  if (self->year == year)
    return;
  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

const char *
pacta_guideline_get_description (PactaGuideline *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE (self), NULL);
  return self->description;
}

void
pacta_guideline_set_description (PactaGuideline *self,
                                 const char     *description)
{
  g_return_if_fail (PACTA_IS_GUIDELINE (self));
  replace (&self->description, description);
}

/* TRUE for a template whose source could not be fully checked. */
gboolean
pacta_guideline_get_provisional (PactaGuideline *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE (self), FALSE);
  return self->provisional;
}

void
pacta_guideline_set_provisional (PactaGuideline *self,
                                 gboolean        provisional)
{
  g_return_if_fail (PACTA_IS_GUIDELINE (self));
  provisional = !!provisional;
  if (self->provisional == provisional)
    return;
  self->provisional = provisional;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVISIONAL]);
}

const char * const *
pacta_guideline_get_applies_to (PactaGuideline *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (PACTA_IS_GUIDELINE (self), empty);
  return self->applies_to ? (const char * const *) self->applies_to : empty;
}

void
pacta_guideline_set_applies_to (PactaGuideline     *self,
                                const char * const *kinds)
{
  g_return_if_fail (PACTA_IS_GUIDELINE (self));
  g_strfreev (self->applies_to);
  self->applies_to = g_strdupv ((char **) kinds);
}

gboolean
pacta_guideline_applies_to (PactaGuideline     *self,
                            PactaAgreementKind  kind)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE (self), FALSE);
  return self->applies_to != NULL &&
         g_strv_contains ((const char * const *) self->applies_to, pacta_agreement_kind_to_string (kind));
}

const char * const *
pacta_guideline_get_languages (PactaGuideline *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (PACTA_IS_GUIDELINE (self), empty);
  return self->languages ? (const char * const *) self->languages : empty;
}

void
pacta_guideline_set_languages (PactaGuideline     *self,
                               const char * const *languages)
{
  g_return_if_fail (PACTA_IS_GUIDELINE (self));
  g_strfreev (self->languages);
  self->languages = g_strdupv ((char **) languages);
}

const char *
pacta_guideline_get_path (PactaGuideline *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE (self), NULL);
  return self->path;
}

void
pacta_guideline_set_path (PactaGuideline *self,
                          const char     *path)
{
  g_return_if_fail (PACTA_IS_GUIDELINE (self));
  replace (&self->path, path);
}

/* Returns: (transfer none): a list model of PactaGuidelineCategory */
GListModel *
pacta_guideline_get_categories (PactaGuideline *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE (self), NULL);
  return G_LIST_MODEL (self->categories);
}

void
pacta_guideline_append_category (PactaGuideline         *self,
                                 PactaGuidelineCategory *category)
{
  g_return_if_fail (PACTA_IS_GUIDELINE (self));
  g_return_if_fail (PACTA_IS_GUIDELINE_CATEGORY (category));

  g_clear_pointer (&self->by_slug, g_hash_table_unref);
  g_list_store_append (self->categories, category);
}

/* Returns: (transfer full): every item, in file order */
GPtrArray *
pacta_guideline_collect_items (PactaGuideline *self)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (PACTA_IS_GUIDELINE (self), items);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->categories));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaGuidelineCategory) category = g_list_model_get_item (G_LIST_MODEL (self->categories), i);
      GListModel *category_items = pacta_guideline_category_get_items (category);
      guint m = g_list_model_get_n_items (category_items);

      for (guint j = 0; j < m; j++)
        g_ptr_array_add (items, g_list_model_get_item (category_items, j));
    }
  return items;
}

guint
pacta_guideline_get_n_items (PactaGuideline *self)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (PACTA_IS_GUIDELINE (self), 0);

  items = pacta_guideline_collect_items (self);
  return items->len;
}

/* Returns: (transfer none) (nullable) */
PactaGuidelineItem *
pacta_guideline_lookup_item (PactaGuideline *self,
                             const char     *slug)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE (self), NULL);
  g_return_val_if_fail (slug != NULL, NULL);

  if (self->by_slug == NULL)
    {
      g_autoptr(GPtrArray) items = pacta_guideline_collect_items (self);

      self->by_slug = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < items->len; i++)
        {
          PactaGuidelineItem *item = g_ptr_array_index (items, i);
          g_hash_table_insert (self->by_slug, (gpointer) pacta_guideline_item_get_slug (item), item);
        }
    }
  return g_hash_table_lookup (self->by_slug, slug);
}
