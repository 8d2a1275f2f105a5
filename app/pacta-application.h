/* pacta-application.h — the GtkApplication
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PACTA_TYPE_APPLICATION (pacta_application_get_type ())

G_DECLARE_FINAL_TYPE (PactaApplication, pacta_application, PACTA, APPLICATION, AdwApplication)

PactaApplication *pacta_application_new              (void);
const char       *pacta_application_get_library_path (PactaApplication *self);
void              pacta_application_set_library_path (PactaApplication *self,
                                                      const char       *path);

G_END_DECLS
