/* pacta-library-note.c — a person's note on a provision (or on a whole agreement)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-library-note"

#include "config.h"

#include "pacta-library-private.h"

struct _PactaLibraryNote
{
  GObject  parent_instance;

  gint64   id;
  gint64   agreement_id;
  char    *eid;
  char    *text;
  gint64   created;
  gint64   updated;
};

G_DEFINE_FINAL_TYPE (PactaLibraryNote, pacta_library_note, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_AGREEMENT_ID,
  PROP_EID,
  PROP_TEXT,
  PROP_CREATED,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pacta_library_note_finalize (GObject *object)
{
  PactaLibraryNote *self = PACTA_LIBRARY_NOTE (object);

  g_free (self->eid);
  g_free (self->text);

  G_OBJECT_CLASS (pacta_library_note_parent_class)->finalize (object);
}

static void
pacta_library_note_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PactaLibraryNote *self = PACTA_LIBRARY_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_AGREEMENT_ID:
      g_value_set_int64 (value, self->agreement_id);
      break;
    case PROP_EID:
      g_value_set_string (value, self->eid);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
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
pacta_library_note_class_init (PactaLibraryNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pacta_library_note_finalize;
  object_class->get_property = pacta_library_note_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_AGREEMENT_ID] = g_param_spec_int64 ("agreement-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_EID] = g_param_spec_string ("eid", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_CREATED] = g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UPDATED] = g_param_spec_int64 ("updated", NULL, NULL, 0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pacta_library_note_init (PactaLibraryNote *self)
{
}

/* From a row of PACTA_LIBRARY_NOTE_COLUMNS. */
PactaLibraryNote *
_pacta_library_note_new_from_row (PactaStmt *stmt)
{
  PactaLibraryNote *self = g_object_new (PACTA_TYPE_LIBRARY_NOTE, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->agreement_id = sqlite3_column_int64 (stmt, 1);
  self->eid = g_strdup (_pacta_db_column_text (stmt, 2));
  self->text = g_strdup (_pacta_db_column_text (stmt, 3));
  self->created = sqlite3_column_int64 (stmt, 4);
  self->updated = sqlite3_column_int64 (stmt, 5);
  return self;
}

gint64
pacta_library_note_get_id (PactaLibraryNote *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_NOTE (self), 0);
  return self->id;
}

gint64
pacta_library_note_get_agreement_id (PactaLibraryNote *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_NOTE (self), 0);
  return self->agreement_id;
}

/* Returns: the provision's eId, "" for a note on the whole agreement */
const char *
pacta_library_note_get_eid (PactaLibraryNote *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_NOTE (self), NULL);
  return self->eid;
}

const char *
pacta_library_note_get_text (PactaLibraryNote *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_NOTE (self), NULL);
  return self->text;
}

/* Returns: Unix time in seconds */
gint64
pacta_library_note_get_created (PactaLibraryNote *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_NOTE (self), 0);
  return self->created;
}

/* Returns: Unix time in seconds */
gint64
pacta_library_note_get_updated (PactaLibraryNote *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_NOTE (self), 0);
  return self->updated;
}
