/* pacta-guideline-view.c — a guideline's page: source, categories and checklist items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-guideline-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "pacta-guideline-item-view.h"
#include "pacta-guideline-view.h"

#define PAGE_WIDTH 760

struct _PactaGuidelineView
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkScrolledWindow *scroller;
  AdwClamp          *clamp;
  GtkWidget         *content_box;
  GtkWidget         *provisional_banner;
  GtkLabel          *eyebrow_label;
  GtkLabel          *title_label;
  GtkLabel          *source_label;
  GtkLabel          *description_label;
  GtkLabel          *stats_label;
  GtkBox            *categories_box;

  /* Owned references */
  PactaGuideline    *guideline;

  double             zoom;
  char              *zoom_class;
  guint              n_items_shown;
};

G_DEFINE_FINAL_TYPE (PactaGuidelineView, pacta_guideline_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_GUIDELINE,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
has_text (const char *s)
{
  return s != NULL && s[0] != '\0';
}

static void
clear_categories (PactaGuidelineView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->categories_box))) != NULL)
    gtk_box_remove (self->categories_box, child);
  self->n_items_shown = 0;
}

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static char *
dup_applies_to (PactaGuideline *guideline)
{
  const char * const *kinds = pacta_guideline_get_applies_to (guideline);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; kinds != NULL && kinds[i] != NULL; i++)
    {
      PactaAgreementKind kind = pacta_agreement_kind_from_string (kinds[i]);

      if (kind == PACTA_AGREEMENT_KIND_UNKNOWN)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, pacta_agreement_kind_to_label (kind));
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static void
update_view (PactaGuidelineView *self)
{
  PactaGuideline *g = self->guideline;
  GListModel *categories;
  g_autofree char *eyebrow = NULL;
  g_autofree char *source = NULL;
  g_autofree char *applies_to = NULL;
  g_autoptr(GString) stats = g_string_new (NULL);
  guint counts[3] = { 0, 0, 0 };
  guint n_items;

  clear_categories (self);
  if (g == NULL)
    return;

  gtk_widget_set_visible (self->provisional_banner, pacta_guideline_get_provisional (g));

  if (has_text (pacta_guideline_get_version (g)))
    /* Translators: shown above a guideline's title; %s is its version, e.g. "2021.1" */
    eyebrow = g_strdup_printf (_("GUIDELINE · VERSION %s"), pacta_guideline_get_version (g));
  else
    eyebrow = g_strdup (_("GUIDELINE"));
  gtk_label_set_label (self->eyebrow_label, eyebrow);

  gtk_label_set_label (self->title_label,
                       has_text (pacta_guideline_get_title (g)) ? pacta_guideline_get_title (g) : pacta_guideline_get_id (g));

  if (has_text (pacta_guideline_get_source (g)) && pacta_guideline_get_year (g) > 0)
    source = g_strdup_printf ("%d · %s", pacta_guideline_get_year (g), pacta_guideline_get_source (g));
  else if (has_text (pacta_guideline_get_source (g)))
    source = g_strdup (pacta_guideline_get_source (g));
  gtk_label_set_label (self->source_label, source ? source : "");
  gtk_widget_set_visible (GTK_WIDGET (self->source_label), source != NULL);

  gtk_label_set_label (self->description_label, has_text (pacta_guideline_get_description (g)) ? pacta_guideline_get_description (g) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), has_text (pacta_guideline_get_description (g)));

  categories = pacta_guideline_get_categories (g);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(PactaGuidelineCategory) category = g_list_model_get_item (categories, i);
      GListModel *items = pacta_guideline_category_get_items (category);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);

      gtk_box_append (GTK_BOX (box), make_label (pacta_guideline_category_get_title (category), "category-title"));
      if (has_text (pacta_guideline_category_get_description (category)))
        gtk_box_append (GTK_BOX (box), make_label (pacta_guideline_category_get_description (category),
                                                   "category-description"));

      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(PactaGuidelineItem) item = g_list_model_get_item (items, j);
          PactaItemLevel level = pacta_guideline_item_get_level (item);

          if (level <= PACTA_ITEM_LEVEL_OPTIONAL)
            counts[level]++;
          gtk_box_append (GTK_BOX (box), pacta_guideline_item_view_new (item));
          self->n_items_shown++;
        }
      gtk_box_append (self->categories_box, box);
    }

  n_items = pacta_guideline_get_n_items (g);
  g_string_append_printf (stats, g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n_items), n_items);
  /* Translators: counts of checklist items by level, after the total: "48 items: 20 essential, …" */
  g_string_append_printf (stats, _(": %u essential, %u recommended, %u optional"),
                          counts[PACTA_ITEM_LEVEL_ESSENTIAL], counts[PACTA_ITEM_LEVEL_RECOMMENDED],
                          counts[PACTA_ITEM_LEVEL_OPTIONAL]);
  applies_to = dup_applies_to (g);
  if (applies_to != NULL)
    {
      g_string_append (stats, " · ");
      /* Translators: %s lists kinds of agreement, "Labour migration agreement, Memorandum of understanding" */
      g_string_append_printf (stats, _("for %s"), applies_to);
    }
  gtk_label_set_label (self->stats_label, stats->str);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
apply_zoom (PactaGuidelineView *self)
{
  static const int steps[] = { 50, 60, 70, 80, 90, 100, 110, 120, 135, 150, 170, 200, 240, 300 };
  int percent = (int) round (self->zoom * 100);
  int best = 100;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (abs (steps[i] - percent) < abs (best - percent))
      best = steps[i];

  if (self->zoom_class != NULL)
    gtk_widget_remove_css_class (self->content_box, self->zoom_class);
  g_clear_pointer (&self->zoom_class, g_free);
  if (best != 100)
    {
      self->zoom_class = g_strdup_printf ("pacta-zoom-%d", best);
      gtk_widget_add_css_class (self->content_box, self->zoom_class);
    }
  adw_clamp_set_maximum_size (self->clamp, (int) (PAGE_WIDTH * best / 100.0));
  adw_clamp_set_tightening_threshold (self->clamp, (int) (PAGE_WIDTH * best / 100.0 * 0.8));
}

static void
pacta_guideline_view_dispose (GObject *object)
{
  PactaGuidelineView *self = PACTA_GUIDELINE_VIEW (object);

  /* The scroller is both a template child and AdwBin's child: let AdwBin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PACTA_TYPE_GUIDELINE_VIEW);
  g_clear_object (&self->guideline);

  G_OBJECT_CLASS (pacta_guideline_view_parent_class)->dispose (object);
}

static void
pacta_guideline_view_finalize (GObject *object)
{
  PactaGuidelineView *self = PACTA_GUIDELINE_VIEW (object);

  g_clear_pointer (&self->zoom_class, g_free);

  G_OBJECT_CLASS (pacta_guideline_view_parent_class)->finalize (object);
}

static void
pacta_guideline_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PactaGuidelineView *self = PACTA_GUIDELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_GUIDELINE:
      g_value_set_object (value, self->guideline);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_guideline_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PactaGuidelineView *self = PACTA_GUIDELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_GUIDELINE:
      pacta_guideline_view_set_guideline (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      pacta_guideline_view_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_guideline_view_class_init (PactaGuidelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacta_guideline_view_dispose;
  object_class->finalize = pacta_guideline_view_finalize;
  object_class->get_property = pacta_guideline_view_get_property;
  object_class->set_property = pacta_guideline_view_set_property;

  properties[PROP_GUIDELINE] =
    g_param_spec_object ("guideline", NULL, NULL,
                         PACTA_TYPE_GUIDELINE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         0.25, 4.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacta/Pacta/ui/pacta-guideline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PactaGuidelineView, scroller);
  gtk_widget_class_bind_template_child (widget_class, PactaGuidelineView, clamp);
  gtk_widget_class_bind_template_child (widget_class, PactaGuidelineView, content_box);
  gtk_widget_class_bind_template_child (widget_class, PactaGuidelineView, provisional_banner);
  gtk_widget_class_bind_template_child (widget_class, PactaGuidelineView, eyebrow_label);
  gtk_widget_class_bind_template_child (widget_class, PactaGuidelineView, title_label);
  gtk_widget_class_bind_template_child (widget_class, PactaGuidelineView, source_label);
  gtk_widget_class_bind_template_child (widget_class, PactaGuidelineView, description_label);
  gtk_widget_class_bind_template_child (widget_class, PactaGuidelineView, stats_label);
  gtk_widget_class_bind_template_child (widget_class, PactaGuidelineView, categories_box);
}

static void
pacta_guideline_view_init (PactaGuidelineView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->zoom = 1.0;
  apply_zoom (self);
}

GtkWidget *
pacta_guideline_view_new (void)
{
  return g_object_new (PACTA_TYPE_GUIDELINE_VIEW, NULL);
}

/* Returns: (transfer none) (nullable) */
PactaGuideline *
pacta_guideline_view_get_guideline (PactaGuidelineView *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE_VIEW (self), NULL);
  return self->guideline;
}

void
pacta_guideline_view_set_guideline (PactaGuidelineView *self,
                                    PactaGuideline     *guideline)
{
  g_return_if_fail (PACTA_IS_GUIDELINE_VIEW (self));
  g_return_if_fail (guideline == NULL || PACTA_IS_GUIDELINE (guideline));

  if (!g_set_object (&self->guideline, guideline))
    return;
  update_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUIDELINE]);
}

double
pacta_guideline_view_get_zoom (PactaGuidelineView *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE_VIEW (self), 1.0);
  return self->zoom;
}

void
pacta_guideline_view_set_zoom (PactaGuidelineView *self,
                               double              zoom)
{
  g_return_if_fail (PACTA_IS_GUIDELINE_VIEW (self));

  zoom = CLAMP (zoom, 0.25, 4.0);
  if (G_APPROX_VALUE (zoom, self->zoom, 0.001))
    return;
  self->zoom = zoom;
  apply_zoom (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* How many item cards the page holds (for tests). */
guint
pacta_guideline_view_get_n_items_shown (PactaGuidelineView *self)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE_VIEW (self), 0);
  return self->n_items_shown;
}
