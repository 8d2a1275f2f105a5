/* pacta-guideline-category.c — a group of checklist items within a guideline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-guideline-category"

#include "config.h"

#include "pacta-guideline-category.h"

struct _PactaGuidelineCategory
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *description;
  GListStore *items;
};

G_DEFINE_FINAL_TYPE (PactaGuidelineCategory, pacta_guideline_category, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pacta_guideline_category_dispose (GObject *object)
{
  PactaGuidelineCategory *self = PACTA_GUIDELINE_CATEGORY (object);

  g_clear_object (&self->items);

  G_OBJECT_CLASS (pacta_guideline_category_parent_class)->dispose (object);
}

static void
pacta_guideline_category_finalize (GObject *object)
{
  PactaGuidelineCategory *self = PACTA_GUIDELINE_CATEGORY (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->description);

  G_OBJECT_CLASS (pacta_guideline_category_parent_class)->finalize (object);
}

static void
pacta_guideline_category_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  PactaGuidelineCategory *self = PACTA_GUIDELINE_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_ITEMS:
      g_value_set_object (value, self->items);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_guideline_category_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  PactaGuidelineCategory *self = PACTA_GUIDELINE_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;
    case PROP_DESCRIPTION:
      pacta_guideline_category_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_guideline_category_class_init (PactaGuidelineCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pacta_guideline_category_dispose;
  object_class->finalize = pacta_guideline_category_finalize;
  object_class->get_property = pacta_guideline_category_get_property;
  object_class->set_property = pacta_guideline_category_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEMS] =
    g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pacta_guideline_category_init (PactaGuidelineCategory *self)
{
  self->items = g_list_store_new (PACTA_TYPE_GUIDELINE_ITEM);
}

PactaGuidelineCategory *
pacta_guideline_category_new (const char *id,
                              const char *title)
{
  return g_object_new (PACTA_TYPE_GUIDELINE_CATEGORY, "id", id, "title", title, NULL);
}

const char *
pacta_guideline_category_get_id (PactaGuidelineCategory *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE_CATEGORY (self), NULL);
  return self->id;
}

const char *
pacta_guideline_category_get_title (PactaGuidelineCategory *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE_CATEGORY (self), NULL);
  return self->title;
}

const char *
pacta_guideline_category_get_description (PactaGuidelineCategory *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE_CATEGORY (self), NULL);
  return self->description;
}

void
pacta_guideline_category_set_description (PactaGuidelineCategory *self,
                                          const char             *description)
{
  g_return_if_fail (PACTA_IS_GUIDELINE_CATEGORY (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;
  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/* Returns: (transfer none): a list model of PactaGuidelineItem */
GListModel *
pacta_guideline_category_get_items (PactaGuidelineCategory *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE_CATEGORY (self), NULL);
  return G_LIST_MODEL (self->items);
}

void
pacta_guideline_category_append_item (PactaGuidelineCategory *self,
                                      PactaGuidelineItem     *item)
{
  g_return_if_fail (PACTA_IS_GUIDELINE_CATEGORY (self));
  g_return_if_fail (PACTA_IS_GUIDELINE_ITEM (item));

  _pacta_guideline_item_set_category_id (item, self->id);
  g_list_store_append (self->items, item);
}
