/* pacta-library-row.c — a sidebar row for an agreement or a guideline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-library-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pacta-library-row.h"

struct _PactaLibraryRow
{
  GtkListBoxRow     parent_instance;

  /* Template widgets */
  GtkLabel         *title_label;
  GtkLabel         *subtitle_label;
  GtkLabel         *tag_label;
  GtkLabel         *score_label;

  /* Owned references */
  PactaLibraryItem *item;
};

G_DEFINE_FINAL_TYPE (PactaLibraryRow, pacta_library_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_tag (PactaLibraryRow *self,
         const char      *text,
         const char      *css_class)
{
  gtk_widget_set_visible (GTK_WIDGET (self->tag_label), text != NULL);
  if (text == NULL)
    return;
  gtk_label_set_label (self->tag_label, text);
  gtk_widget_add_css_class (GTK_WIDGET (self->tag_label), css_class);
}

/* The stored score against the suggested guideline: the number, a band for the colour, and
 * words for the tooltip and screen readers (never colour alone). */
static void
update_score (PactaLibraryRow *self)
{
  GtkWidget *badge = GTK_WIDGET (self->score_label);
  double score = pacta_library_item_get_score (self->item);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  int percent;

  gtk_widget_remove_css_class (badge, "score-high");
  gtk_widget_remove_css_class (badge, "score-medium");
  gtk_widget_remove_css_class (badge, "score-low");
  gtk_widget_set_visible (badge, score >= 0);
  if (score < 0)
    return;

  percent = (int) (score * 100 + 0.5);
  /* Translators: a coverage score in the sidebar, e.g. "78 %" */
  text = g_strdup_printf (_("%d %%"), percent);
  gtk_label_set_label (self->score_label, text);
  gtk_widget_add_css_class (badge, score >= 0.8 ? "score-high" : score >= 0.5 ? "score-medium" : "score-low");
  /* Translators: %d is a percentage, %s a guideline id such as "ss-coord" */
  tooltip = g_strdup_printf (_("Score %d %% against the suggested guideline (%s)"), percent,
                             pacta_library_item_get_score_guideline (self->item));
  gtk_widget_set_tooltip_text (badge, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

static void
update_row (PactaLibraryRow *self)
{
  PactaGuideline *guideline = pacta_library_item_get_guideline (self->item);
  PactaLibraryEntry *entry = pacta_library_item_get_entry (self->item);
  const char *title = pacta_library_item_get_title (self->item);
  g_autofree char *tooltip = NULL;

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, pacta_library_item_get_subtitle (self->item));
  update_score (self);

  if (pacta_library_item_is_agreement (self->item))
    {
      PactaAgreementStatus status = pacta_library_item_get_status (self->item);
      const char *full_title = entry ? pacta_library_entry_get_title (entry)
                                     : pacta_agreement_get_title (pacta_library_item_get_agreement (self->item));

      switch (status)
        {
        case PACTA_AGREEMENT_STATUS_DRAFT:
          set_tag (self, pacta_agreement_status_to_label (status), "status-draft");
          break;
        case PACTA_AGREEMENT_STATUS_SIGNED:
          set_tag (self, pacta_agreement_status_to_label (status), "status-signed");
          break;
        case PACTA_AGREEMENT_STATUS_IN_FORCE:
          set_tag (self, pacta_agreement_status_to_label (status), "status-in-force");
          break;
        case PACTA_AGREEMENT_STATUS_TERMINATED:
          set_tag (self, pacta_agreement_status_to_label (status), "status-terminated");
          break;
        case PACTA_AGREEMENT_STATUS_UNKNOWN:
        default:
          set_tag (self, NULL, NULL);
          break;
        }
      tooltip = g_strdup (full_title != NULL && full_title[0] != '\0' ? full_title : title);
    }
  else
    {
      const char *full_title = pacta_guideline_get_title (guideline);

      if (pacta_guideline_get_provisional (guideline))
        set_tag (self, C_("guideline", "Provisional"), "provisional");
      else
        set_tag (self, NULL, NULL);
      tooltip = g_strdup (full_title != NULL && full_title[0] != '\0' ? full_title : title);
    }

  if (entry != NULL && pacta_library_entry_get_source_name (entry) != NULL)
    {
      /* Translators: %s is the name of the file an agreement was imported from */
      g_autofree char *source = g_strdup_printf (_("Imported from %s"), pacta_library_entry_get_source_name (entry));
      g_autofree char *with_source = g_strdup_printf ("%s\n%s", tooltip, source);

      g_free (tooltip);
      tooltip = g_steal_pointer (&with_source);
    }
  else if (pacta_library_item_get_user_opened (self->item) && pacta_library_item_get_path (self->item))
    {
      g_autofree char *with_path = g_strdup_printf ("%s\n%s", tooltip, pacta_library_item_get_path (self->item));

      g_free (tooltip);
      tooltip = g_steal_pointer (&with_path);
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
}

static void
pacta_library_row_dispose (GObject *object)
{
  PactaLibraryRow *self = PACTA_LIBRARY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PACTA_TYPE_LIBRARY_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (pacta_library_row_parent_class)->dispose (object);
}

static void
pacta_library_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PactaLibraryRow *self = PACTA_LIBRARY_ROW (object);

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
pacta_library_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PactaLibraryRow *self = PACTA_LIBRARY_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      update_row (self);
      g_signal_connect_object (self->item, "notify::score", G_CALLBACK (update_score), self, G_CONNECT_SWAPPED);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_library_row_class_init (PactaLibraryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacta_library_row_dispose;
  object_class->get_property = pacta_library_row_get_property;
  object_class->set_property = pacta_library_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         PACTA_TYPE_LIBRARY_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacta/Pacta/ui/pacta-library-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PactaLibraryRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, PactaLibraryRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PactaLibraryRow, tag_label);
  gtk_widget_class_bind_template_child (widget_class, PactaLibraryRow, score_label);
}

static void
pacta_library_row_init (PactaLibraryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pacta_library_row_new (PactaLibraryItem *item)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ITEM (item), NULL);

  return g_object_new (PACTA_TYPE_LIBRARY_ROW, "item", item, NULL);
}

PactaLibraryItem *
pacta_library_row_get_item (PactaLibraryRow *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ROW (self), NULL);
  return self->item;
}
