/* pacta-guideline-item-view.c — one checklist item as a card: level, title, guidance, model clause
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-guideline-item-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pacta-guideline-item-view.h"

struct _PactaGuidelineItemView
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkLabel           *level_label;
  GtkLabel           *title_label;
  GtkWidget          *unverified_box;
  GtkLabel           *guidance_label;
  GtkWidget          *model_box;
  GtkLabel           *model_label;
  GtkLabel           *note_label;
  GtkLabel           *cite_label;

  /* Owned references */
  PactaGuidelineItem *item;
};

G_DEFINE_FINAL_TYPE (PactaGuidelineItemView, pacta_guideline_item_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
has_text (const char *s)
{
  return s != NULL && s[0] != '\0';
}

const char *
pacta_item_level_to_label (PactaItemLevel level)
{
  switch (level)
    {
    case PACTA_ITEM_LEVEL_ESSENTIAL:
      return C_("item level", "Essential");
    case PACTA_ITEM_LEVEL_RECOMMENDED:
      return C_("item level", "Recommended");
    case PACTA_ITEM_LEVEL_OPTIONAL:
    default:
      return C_("item level", "Optional");
    }
}

static void
set_optional_label (GtkLabel   *label,
                    const char *text)
{
  gtk_label_set_label (label, has_text (text) ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), has_text (text));
}

static void
update_view (PactaGuidelineItemView *self)
{
  PactaGuidelineItem *item = self->item;
  PactaItemLevel level = pacta_guideline_item_get_level (item);
  g_autofree char *level_class = g_strdup_printf ("level-%s", pacta_item_level_to_string (level));
  g_autofree char *cite = NULL;

  gtk_label_set_label (self->level_label, pacta_item_level_to_label (level));
  gtk_widget_add_css_class (GTK_WIDGET (self->level_label), level_class);

  gtk_label_set_label (self->title_label,
                       has_text (pacta_guideline_item_get_title (item)) ? pacta_guideline_item_get_title (item)
                                                                        : pacta_guideline_item_get_slug (item));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), pacta_guideline_item_get_slug (item));
  gtk_widget_set_visible (self->unverified_box, !pacta_guideline_item_get_verified (item));

  set_optional_label (self->guidance_label, pacta_guideline_item_get_guidance (item));
  gtk_label_set_label (self->model_label, has_text (pacta_guideline_item_get_model (item)) ? pacta_guideline_item_get_model (item) : "");
  gtk_widget_set_visible (self->model_box, has_text (pacta_guideline_item_get_model (item)));
  set_optional_label (self->note_label, pacta_guideline_item_get_note (item));

  if (has_text (pacta_guideline_item_get_cite (item)))
    /* Translators: %s names the source of a checklist item, e.g. "ILO R86, Annex, art. 5" */
    cite = g_strdup_printf (_("Source: %s"), pacta_guideline_item_get_cite (item));
  set_optional_label (self->cite_label, cite);
}

static void
pacta_guideline_item_view_dispose (GObject *object)
{
  PactaGuidelineItemView *self = PACTA_GUIDELINE_ITEM_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PACTA_TYPE_GUIDELINE_ITEM_VIEW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (pacta_guideline_item_view_parent_class)->dispose (object);
}

static void
pacta_guideline_item_view_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  PactaGuidelineItemView *self = PACTA_GUIDELINE_ITEM_VIEW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_guideline_item_view_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  PactaGuidelineItemView *self = PACTA_GUIDELINE_ITEM_VIEW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      if (self->item != NULL)
        update_view (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_guideline_item_view_class_init (PactaGuidelineItemViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacta_guideline_item_view_dispose;
  object_class->get_property = pacta_guideline_item_view_get_property;
  object_class->set_property = pacta_guideline_item_view_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         PACTA_TYPE_GUIDELINE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacta/Pacta/ui/pacta-guideline-item-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PactaGuidelineItemView, level_label);
  gtk_widget_class_bind_template_child (widget_class, PactaGuidelineItemView, title_label);
  gtk_widget_class_bind_template_child (widget_class, PactaGuidelineItemView, unverified_box);
  gtk_widget_class_bind_template_child (widget_class, PactaGuidelineItemView, guidance_label);
  gtk_widget_class_bind_template_child (widget_class, PactaGuidelineItemView, model_box);
  gtk_widget_class_bind_template_child (widget_class, PactaGuidelineItemView, model_label);
  gtk_widget_class_bind_template_child (widget_class, PactaGuidelineItemView, note_label);
  gtk_widget_class_bind_template_child (widget_class, PactaGuidelineItemView, cite_label);
}

static void
pacta_guideline_item_view_init (PactaGuidelineItemView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pacta_guideline_item_view_new (PactaGuidelineItem *item)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE_ITEM (item), NULL);

  return g_object_new (PACTA_TYPE_GUIDELINE_ITEM_VIEW, "item", item, NULL);
}

/* Returns: (transfer none) */
PactaGuidelineItem *
pacta_guideline_item_view_get_item (PactaGuidelineItemView *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE_ITEM_VIEW (self), NULL);
  return self->item;
}
