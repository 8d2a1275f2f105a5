/* pacta-guideline-dropdown.c — a GtkDropDown of guidelines, as the Check and Charts views show it
 *
 * Guideline titles are long ("Social security coordination (C157/R167 and bilateral SSA
 * practice)"): the button shows the short title, shortened further if need be, the list shows
 * it whole, and the tooltip the full title; typing searches the short titles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-guideline-dropdown"

#include "config.h"

#include "pacta-guideline.h"
#include "pacta-guideline-dropdown.h"

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (user_data))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  PactaGuideline *guideline = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (label), pacta_guideline_get_short_title (guideline));
  gtk_widget_set_tooltip_text (label, pacta_guideline_get_title (guideline));
}

/* Gives @dropdown (whose model lists PactaGuideline) its expression and factories. */
void
pacta_guideline_dropdown_setup (GtkDropDown *dropdown)
{
  g_autoptr(GtkExpression) title = gtk_property_expression_new (PACTA_TYPE_GUIDELINE, NULL, "short-title");
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list = gtk_signal_list_item_factory_new ();

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  gtk_drop_down_set_expression (dropdown, title);
  g_signal_connect (button, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (TRUE));
  g_signal_connect (button, "bind", G_CALLBACK (bind_label), NULL);
  g_signal_connect (list, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (FALSE));
  g_signal_connect (list, "bind", G_CALLBACK (bind_label), NULL);
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
}
