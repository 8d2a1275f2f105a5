/* pacta-outline-row.c — one row of the Read view's outline: a part, an article…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-outline-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pacta-outline-row.h"

struct _PactaOutlineRow
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkLabel       *num_label;
  GtkLabel       *heading_label;
  GtkWidget      *evidence_dot;

  /* Owned references */
  PactaProvision *provision;
};

G_DEFINE_FINAL_TYPE (PactaOutlineRow, pacta_outline_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROVISION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
has_text (const char *s)
{
  return s != NULL && s[0] != '\0';
}

static gboolean
has_article_descendant (PactaProvision *provision)
{
  guint n = pacta_provision_get_n_children (provision);

  for (guint i = 0; i < n; i++)
    {
      PactaProvision *child = pacta_provision_get_child (provision, i);

      if (pacta_provision_is_article_level (child) || has_article_descendant (child))
        return TRUE;
    }
  return FALSE;
}

/* Parts, chapters and sections that group articles: the rows that expand. */
gboolean
pacta_provision_is_outline_container (PactaProvision *provision)
{
  g_return_val_if_fail (PACTA_IS_PROVISION (provision), FALSE);

  return !pacta_provision_is_article_level (provision) && has_article_descendant (provision);
}

/* What the outline lists: preamble, parts and chapters, articles, final clauses, annexes;
 * never paragraphs, lists or points. */
gboolean
pacta_provision_is_outline_node (PactaProvision *provision)
{
  g_return_val_if_fail (PACTA_IS_PROVISION (provision), FALSE);

  switch (pacta_provision_get_kind (provision))
    {
    case PACTA_PROVISION_KIND_PREAMBLE:
    case PACTA_PROVISION_KIND_CONCLUSIONS:
    case PACTA_PROVISION_KIND_ATTACHMENT:
      return TRUE;
    case PACTA_PROVISION_KIND_PARAGRAPH:
    case PACTA_PROVISION_KIND_LIST:
    case PACTA_PROVISION_KIND_POINT:
      return FALSE;
    case PACTA_PROVISION_KIND_PART:
    case PACTA_PROVISION_KIND_CHAPTER:
    case PACTA_PROVISION_KIND_SECTION:
    case PACTA_PROVISION_KIND_ARTICLE:
    case PACTA_PROVISION_KIND_CONTAINER:
    default:
      return pacta_provision_is_article_level (provision) || has_article_descendant (provision);
    }
}

static void
update_row (PactaOutlineRow *self)
{
  PactaProvision *p = self->provision;
  const char *num, *heading;
  const char * const *refers_to;
  g_autofree char *label = NULL;
  g_autoptr(GString) tooltip = NULL;

  if (p == NULL)
    {
      gtk_label_set_label (self->num_label, "");
      gtk_label_set_label (self->heading_label, "");
      gtk_widget_set_visible (self->evidence_dot, FALSE);
      return;
    }

  num = pacta_provision_get_num (p);
  heading = pacta_provision_get_heading (p);
  label = pacta_provision_dup_label (p);

  if (has_text (num) && has_text (heading))
    {
      gtk_label_set_label (self->num_label, num);
      gtk_label_set_label (self->heading_label, heading);
    }
  else
    {
      /* "Preamble", "Article 7" alone, or a heading alone */
      gtk_label_set_label (self->num_label, "");
      gtk_label_set_label (self->heading_label, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->num_label), has_text (num) && has_text (heading));

  if (pacta_provision_is_outline_container (p))
    gtk_widget_add_css_class (GTK_WIDGET (self), "container");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "container");

  tooltip = g_string_new (label);
  refers_to = pacta_provision_get_refers_to (p);
  gtk_widget_set_visible (self->evidence_dot, refers_to != NULL && refers_to[0] != NULL);
  if (refers_to != NULL && refers_to[0] != NULL)
    {
      g_autofree char *slugs = g_strjoinv (", ", (char **) refers_to);

      g_string_append_c (tooltip, '\n');
      /* Translators: %s is a list of checklist item identifiers */
      g_string_append_printf (tooltip, _("Tagged as evidence for: %s"), slugs);
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip->str);
}

static void
pacta_outline_row_dispose (GObject *object)
{
  PactaOutlineRow *self = PACTA_OUTLINE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PACTA_TYPE_OUTLINE_ROW);
  g_clear_object (&self->provision);

  G_OBJECT_CLASS (pacta_outline_row_parent_class)->dispose (object);
}

static void
pacta_outline_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PactaOutlineRow *self = PACTA_OUTLINE_ROW (object);

  switch (prop_id)
    {
    case PROP_PROVISION:
      g_value_set_object (value, self->provision);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_outline_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PactaOutlineRow *self = PACTA_OUTLINE_ROW (object);

  switch (prop_id)
    {
    case PROP_PROVISION:
      pacta_outline_row_set_provision (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_outline_row_class_init (PactaOutlineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacta_outline_row_dispose;
  object_class->get_property = pacta_outline_row_get_property;
  object_class->set_property = pacta_outline_row_set_property;

  properties[PROP_PROVISION] =
    g_param_spec_object ("provision", NULL, NULL,
                         PACTA_TYPE_PROVISION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacta/Pacta/ui/pacta-outline-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PactaOutlineRow, num_label);
  gtk_widget_class_bind_template_child (widget_class, PactaOutlineRow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, PactaOutlineRow, evidence_dot);
}

static void
pacta_outline_row_init (PactaOutlineRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pacta_outline_row_new (void)
{
  return g_object_new (PACTA_TYPE_OUTLINE_ROW, NULL);
}

/* Returns: (transfer none) (nullable) */
PactaProvision *
pacta_outline_row_get_provision (PactaOutlineRow *self)
{
  g_return_val_if_fail (PACTA_IS_OUTLINE_ROW (self), NULL);
  return self->provision;
}

void
pacta_outline_row_set_provision (PactaOutlineRow *self,
                                 PactaProvision  *provision)
{
  g_return_if_fail (PACTA_IS_OUTLINE_ROW (self));
  g_return_if_fail (provision == NULL || PACTA_IS_PROVISION (provision));

  if (!g_set_object (&self->provision, provision))
    return;
  update_row (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVISION]);
}
