/* pacta-library-comparison.c — a saved comparison of two agreements, with the view's options
 *
 * The options are the compare view's own JSON object (what it ignores, which pair was
 * selected, filters…); the library keeps it verbatim so the view reopens as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-library-comparison"

#include "config.h"

#include "pacta-library-private.h"

struct _PactaLibraryComparison
{
  GObject  parent_instance;

  gint64   id;
  gint64   agreement_a;
  gint64   agreement_b;
  char    *title;
  char    *options;
  gint64   created;
  gint64   updated;
};

G_DEFINE_FINAL_TYPE (PactaLibraryComparison, pacta_library_comparison, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_AGREEMENT_A,
  PROP_AGREEMENT_B,
  PROP_TITLE,
  PROP_OPTIONS,
  PROP_CREATED,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pacta_library_comparison_finalize (GObject *object)
{
  PactaLibraryComparison *self = PACTA_LIBRARY_COMPARISON (object);

  g_free (self->title);
  g_free (self->options);

  G_OBJECT_CLASS (pacta_library_comparison_parent_class)->finalize (object);
}

static void
pacta_library_comparison_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  PactaLibraryComparison *self = PACTA_LIBRARY_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_AGREEMENT_A:
      g_value_set_int64 (value, self->agreement_a);
      break;
    case PROP_AGREEMENT_B:
      g_value_set_int64 (value, self->agreement_b);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_OPTIONS:
      g_value_set_string (value, self->options);
      break;
    case PROP_CREATED:
      g_value_set_int64 (value, self->created);
      break;
    case PROP_UPDATED:
      g_value_set_int64 (value, self->updated);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_library_comparison_class_init (PactaLibraryComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pacta_library_comparison_finalize;
  object_class->get_property = pacta_library_comparison_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_AGREEMENT_A] = g_param_spec_int64 ("agreement-a", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_AGREEMENT_B] = g_param_spec_int64 ("agreement-b", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_OPTIONS] = g_param_spec_string ("options", NULL, NULL, NULL, flags);
  properties[PROP_CREATED] = g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UPDATED] = g_param_spec_int64 ("updated", NULL, NULL, 0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pacta_library_comparison_init (PactaLibraryComparison *self)
{
}

/* From a row of PACTA_LIBRARY_COMPARISON_COLUMNS. */
PactaLibraryComparison *
_pacta_library_comparison_new_from_row (PactaStmt *stmt)
{
  PactaLibraryComparison *self = g_object_new (PACTA_TYPE_LIBRARY_COMPARISON, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->agreement_a = sqlite3_column_int64 (stmt, 1);
  self->agreement_b = sqlite3_column_int64 (stmt, 2);
  self->title = g_strdup (_pacta_db_column_text (stmt, 3));
  self->options = g_strdup (_pacta_db_column_text (stmt, 4));
  self->created = sqlite3_column_int64 (stmt, 5);
  self->updated = sqlite3_column_int64 (stmt, 6);
  return self;
}

gint64
pacta_library_comparison_get_id (PactaLibraryComparison *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_COMPARISON (self), 0);
  return self->id;
}

gint64
pacta_library_comparison_get_agreement_a (PactaLibraryComparison *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_COMPARISON (self), 0);
  return self->agreement_a;
}

gint64
pacta_library_comparison_get_agreement_b (PactaLibraryComparison *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_COMPARISON (self), 0);
  return self->agreement_b;
}

/* Returns: (nullable) */
const char *
pacta_library_comparison_get_title (PactaLibraryComparison *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_COMPARISON (self), NULL);
  return self->title;
}

/* Returns: the view's options, a JSON object, exactly as saved */
const char *
pacta_library_comparison_get_options (PactaLibraryComparison *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_COMPARISON (self), NULL);
  return self->options;
}

gint64
pacta_library_comparison_get_created (PactaLibraryComparison *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_COMPARISON (self), 0);
  return self->created;
}

gint64
pacta_library_comparison_get_updated (PactaLibraryComparison *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_COMPARISON (self), 0);
  return self->updated;
}
