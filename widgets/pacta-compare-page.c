/* pacta-compare-page.c — choose two agreements and compare them
 *
 * A follows the agreement selected in the library; B is chosen from the library, starting
 * with the best counterpart: another version of the same work (the rounds of one draft),
 * else an agreement of the same kind sharing a party, else another of the same kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-compare-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pacta-compare-page.h"
#include "pacta-model-agreement.h"

struct _PactaComparePage
{
  AdwBin            parent_instance;

  /* Template widgets */
  GtkDropDown      *a_dropdown;
  GtkDropDown      *b_dropdown;
  PactaCompareView *compare_view;

  /* Owned references */
  GListModel       *agreements;
  guint             updating : 1;
};

G_DEFINE_FINAL_TYPE (PactaComparePage, pacta_compare_page, ADW_TYPE_BIN)

static guint
position_of (GListModel     *model,
             PactaAgreement *agreement)
{
  guint n = model ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaAgreement) item = g_list_model_get_item (model, i);

      if (item == agreement)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* The last segment of a FRBR work URI names the work across its dated versions. */
static const char *
work_name (PactaAgreement *agreement)
{
  const char *uri = pacta_agreement_get_work_uri (agreement);
  const char *slash = uri ? strrchr (uri, '/') : NULL;

  return slash ? slash + 1 : NULL;
}

static gboolean
share_party (PactaAgreement *a,
             PactaAgreement *b)
{
  GListModel *pa = pacta_agreement_get_parties (a);
  GListModel *pb = pacta_agreement_get_parties (b);

  for (guint i = 0; i < g_list_model_get_n_items (pa); i++)
    {
      g_autoptr(PactaParty) x = g_list_model_get_item (pa, i);

      for (guint j = 0; j < g_list_model_get_n_items (pb); j++)
        {
          g_autoptr(PactaParty) y = g_list_model_get_item (pb, j);

          if (g_strcmp0 (pacta_party_get_code (x), pacta_party_get_code (y)) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* Returns: (transfer none) (nullable): the agreement to compare @agreement with */
PactaAgreement *
pacta_compare_page_suggest_counterpart (GListModel     *agreements,
                                        PactaAgreement *agreement)
{
  guint n = agreements ? g_list_model_get_n_items (agreements) : 0;
  PactaAgreement *same_kind_party = NULL, *same_kind = NULL, *any = NULL;
  const char *name;

  if (agreement == NULL)
    return NULL;
  name = work_name (agreement);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaAgreement) other = g_list_model_get_item (agreements, i);

      if (other == agreement || g_object_get_data (G_OBJECT (other), "pacta-model-of") != NULL)
        continue;
      if (name != NULL && g_strcmp0 (work_name (other), name) == 0)
        return other;
      if (pacta_agreement_get_kind (other) == pacta_agreement_get_kind (agreement))
        {
          if (same_kind_party == NULL && share_party (other, agreement))
            same_kind_party = other;
          if (same_kind == NULL)
            same_kind = other;
        }
      if (any == NULL)
        any = other;
    }
  return same_kind_party ? same_kind_party : same_kind ? same_kind : any;
}

static PactaAgreement *
selected_agreement (GtkDropDown *dropdown)
{
  gpointer item = gtk_drop_down_get_selected_item (dropdown);

  return PACTA_IS_AGREEMENT (item) ? PACTA_AGREEMENT (item) : NULL;
}

static void
update_comparison (PactaComparePage *self)
{
  PactaAgreement *a = selected_agreement (self->a_dropdown);
  PactaAgreement *b = selected_agreement (self->b_dropdown);

  PactaGuideline *model_of = b ? g_object_get_data (G_OBJECT (b), "pacta-model-of") : NULL;
  g_autoptr(PactaAgreement) tagged = NULL;

  if (self->updating)
    return;
  /* Against a guideline's model clauses, A's articles carry the items they were found to
   * address, so each pairs with the model clause on its subject. */
  if (a != NULL && model_of != NULL)
    a = tagged = pacta_model_agreement_tag_copy (a, model_of);
  pacta_compare_view_set_agreements (self->compare_view, a, a != b ? b : NULL);
}

static void
select_in (PactaComparePage *self,
           GtkDropDown      *dropdown,
           PactaAgreement   *agreement)
{
  guint position = position_of (self->agreements, agreement);

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (dropdown, position);
}

static void
swap_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PactaComparePage *self = PACTA_COMPARE_PAGE (widget);
  guint a = gtk_drop_down_get_selected (self->a_dropdown);
  guint b = gtk_drop_down_get_selected (self->b_dropdown);

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->a_dropdown, b);
  gtk_drop_down_set_selected (self->b_dropdown, a);
  self->updating = FALSE;
  update_comparison (self);
}

static void
setup_title (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (user_data))
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_title (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  PactaAgreement *agreement = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  gtk_label_set_text (GTK_LABEL (label), pacta_agreement_get_display_title (agreement));
  gtk_widget_set_tooltip_text (label, pacta_agreement_get_title (agreement));
}

static void
set_factories (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkExpression) title = gtk_property_expression_new (PACTA_TYPE_AGREEMENT, NULL, "display-title");

  g_signal_connect (button, "setup", G_CALLBACK (setup_title), GINT_TO_POINTER (TRUE));
  g_signal_connect (button, "bind", G_CALLBACK (bind_title), NULL);
  g_signal_connect (list, "setup", G_CALLBACK (setup_title), GINT_TO_POINTER (FALSE));
  g_signal_connect (list, "bind", G_CALLBACK (bind_title), NULL);
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
  gtk_drop_down_set_expression (dropdown, title);
  gtk_drop_down_set_enable_search (dropdown, TRUE);
}

static void
pacta_compare_page_dispose (GObject *object)
{
  PactaComparePage *self = PACTA_COMPARE_PAGE (object);

  g_clear_object (&self->agreements);
  gtk_widget_dispose_template (GTK_WIDGET (self), PACTA_TYPE_COMPARE_PAGE);

  G_OBJECT_CLASS (pacta_compare_page_parent_class)->dispose (object);
}

static void
pacta_compare_page_class_init (PactaComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacta_compare_page_dispose;

  g_type_ensure (PACTA_TYPE_COMPARE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacta/Pacta/ui/pacta-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PactaComparePage, a_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PactaComparePage, b_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PactaComparePage, compare_view);

  gtk_widget_class_install_action (widget_class, "compare-page.swap", NULL, swap_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "compare-page.swap", NULL);
}

static void
pacta_compare_page_init (PactaComparePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  set_factories (self->a_dropdown);
  set_factories (self->b_dropdown);
  g_signal_connect_object (self->a_dropdown, "notify::selected", G_CALLBACK (update_comparison), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->b_dropdown, "notify::selected", G_CALLBACK (update_comparison), self, G_CONNECT_SWAPPED);
}

GtkWidget *
pacta_compare_page_new (void)
{
  return g_object_new (PACTA_TYPE_COMPARE_PAGE, NULL);
}

/* @agreements: a list model of PactaAgreement to choose from */
void
pacta_compare_page_set_agreements (PactaComparePage *self,
                                   GListModel       *agreements)
{
  g_return_if_fail (PACTA_IS_COMPARE_PAGE (self));

  if (!g_set_object (&self->agreements, agreements))
    return;
  self->updating = TRUE;
  gtk_drop_down_set_model (self->a_dropdown, agreements);
  gtk_drop_down_set_model (self->b_dropdown, agreements);
  self->updating = FALSE;
}

/* Puts @agreement on side A and its best counterpart on side B. */
void
pacta_compare_page_set_current (PactaComparePage *self,
                                PactaAgreement   *agreement)
{
  g_return_if_fail (PACTA_IS_COMPARE_PAGE (self));

  if (agreement != NULL && agreement == selected_agreement (self->a_dropdown))
    return;
  self->updating = TRUE;
  select_in (self, self->a_dropdown, agreement);
  select_in (self, self->b_dropdown, pacta_compare_page_suggest_counterpart (self->agreements, agreement));
  self->updating = FALSE;
  update_comparison (self);
}

/* An agreement made of @guideline's model clauses, to offer as side B. */
PactaAgreement *
pacta_compare_page_model_for (PactaGuideline *guideline)
{
  PactaAgreement *model = pacta_model_agreement_new (guideline);

  g_object_set_data_full (G_OBJECT (model), "pacta-model-of", g_object_ref (guideline), g_object_unref);
  return model;
}

PactaAgreement *
pacta_compare_page_get_a (PactaComparePage *self)
{
  g_return_val_if_fail (PACTA_IS_COMPARE_PAGE (self), NULL);
  return pacta_compare_view_get_agreement_a (self->compare_view);
}

PactaAgreement *
pacta_compare_page_get_b (PactaComparePage *self)
{
  g_return_val_if_fail (PACTA_IS_COMPARE_PAGE (self), NULL);
  return pacta_compare_view_get_agreement_b (self->compare_view);
}

void
pacta_compare_page_set_b (PactaComparePage *self,
                          PactaAgreement   *agreement)
{
  g_return_if_fail (PACTA_IS_COMPARE_PAGE (self));
  select_in (self, self->b_dropdown, agreement);
}

PactaCompareView *
pacta_compare_page_get_view (PactaComparePage *self)
{
  g_return_val_if_fail (PACTA_IS_COMPARE_PAGE (self), NULL);
  return self->compare_view;
}
