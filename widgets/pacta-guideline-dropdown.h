/* pacta-guideline-dropdown.h — a GtkDropDown of guidelines, as the Check and Charts views show it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void pacta_guideline_dropdown_setup (GtkDropDown *dropdown);

G_END_DECLS
