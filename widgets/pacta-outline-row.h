/* pacta-outline-row.h — one row of the Read view's outline: a part, an article…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pacta-provision.h"

G_BEGIN_DECLS

#define PACTA_TYPE_OUTLINE_ROW (pacta_outline_row_get_type ())

G_DECLARE_FINAL_TYPE (PactaOutlineRow, pacta_outline_row, PACTA, OUTLINE_ROW, AdwBin)

GtkWidget      *pacta_outline_row_new           (void);
PactaProvision *pacta_outline_row_get_provision (PactaOutlineRow *self);
void            pacta_outline_row_set_provision (PactaOutlineRow *self,
                                                 PactaProvision  *provision);

gboolean        pacta_provision_is_outline_node (PactaProvision  *provision);
gboolean        pacta_provision_is_outline_container (PactaProvision *provision);

G_END_DECLS
