/* pacta-library-hit.c — one search result: where in which agreement, with the words around it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-library-hit"

#include "config.h"

#include <string.h>

#include "pacta-library-enums.h"
#include "pacta-library-private.h"

struct _PactaLibraryHit
{
  GObject              parent_instance;

  PactaLibraryHitKind  kind;
  gint64               agreement_id;
  char                *agreement_title;
  char                *eid;       /* the provision to open at ("" for the whole agreement) */
  char                *label;     /* the provision's number and heading, or the item's slug */
  char                *context;   /* the article it belongs to */
  char                *snippet;   /* with PACTA_SNIPPET_OPEN/CLOSE around matched words */
  double               rank;      /* lower is better (FTS5 bm25) */
  gint64               note_id;
  char                *guideline_id;
  char                *item_slug;
};

G_DEFINE_FINAL_TYPE (PactaLibraryHit, pacta_library_hit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_AGREEMENT_ID,
  PROP_AGREEMENT_TITLE,
  PROP_EID,
  PROP_LABEL,
  PROP_CONTEXT,
  PROP_SNIPPET,
  PROP_SNIPPET_MARKUP,
  PROP_RANK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pacta_library_hit_finalize (GObject *object)
{
  PactaLibraryHit *self = PACTA_LIBRARY_HIT (object);

  g_free (self->agreement_title);
  g_free (self->eid);
  g_free (self->label);
  g_free (self->context);
  g_free (self->snippet);
  g_free (self->guideline_id);
  g_free (self->item_slug);

  G_OBJECT_CLASS (pacta_library_hit_parent_class)->finalize (object);
}

static void
pacta_library_hit_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PactaLibraryHit *self = PACTA_LIBRARY_HIT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_AGREEMENT_ID:
      g_value_set_int64 (value, self->agreement_id);
      break;
    case PROP_AGREEMENT_TITLE:
      g_value_set_string (value, self->agreement_title);
      break;
    case PROP_EID:
      g_value_set_string (value, self->eid);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_CONTEXT:
      g_value_set_string (value, self->context);
      break;
    case PROP_SNIPPET:
      g_value_take_string (value, pacta_library_hit_dup_snippet (self, "", ""));
      break;
    case PROP_SNIPPET_MARKUP:
      g_value_take_string (value, pacta_library_hit_dup_snippet_markup (self));
      break;
    case PROP_RANK:
      g_value_set_double (value, self->rank);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_library_hit_class_init (PactaLibraryHitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pacta_library_hit_finalize;
  object_class->get_property = pacta_library_hit_get_property;

  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, PACTA_TYPE_LIBRARY_HIT_KIND,
                                             PACTA_LIBRARY_HIT_PROVISION, flags);
  properties[PROP_AGREEMENT_ID] = g_param_spec_int64 ("agreement-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_AGREEMENT_TITLE] = g_param_spec_string ("agreement-title", NULL, NULL, NULL, flags);
  properties[PROP_EID] = g_param_spec_string ("eid", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_CONTEXT] = g_param_spec_string ("context", NULL, NULL, NULL, flags);
  properties[PROP_SNIPPET] = g_param_spec_string ("snippet", NULL, NULL, NULL, flags);
  properties[PROP_SNIPPET_MARKUP] = g_param_spec_string ("snippet-markup", NULL, NULL, NULL, flags);
  properties[PROP_RANK] = g_param_spec_double ("rank", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pacta_library_hit_init (PactaLibraryHit *self)
{
}

/* A snippet is one line: the text's own line breaks become spaces. */
static char *
collapse_spaces (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

PactaLibraryHit *
_pacta_library_hit_new (PactaLibraryHitKind  kind,
                        gint64               agreement_id,
                        const char          *agreement_title,
                        const char          *eid,
                        const char          *label,
                        const char          *context,
                        const char          *snippet,
                        double               rank)
{
  PactaLibraryHit *self = g_object_new (PACTA_TYPE_LIBRARY_HIT, NULL);

  self->kind = kind;
  self->agreement_id = agreement_id;
  self->agreement_title = g_strdup (agreement_title);
  self->eid = g_strdup (eid ? eid : "");
  self->label = g_strdup (label);
  self->context = g_strdup (context);
  self->snippet = collapse_spaces (snippet ? snippet : "");
  self->rank = rank;
  return self;
}

void
_pacta_library_hit_set_record (PactaLibraryHit *self,
                               gint64           note_id,
                               const char      *guideline_id,
                               const char      *item_slug)
{
  self->note_id = note_id;
  g_free (self->guideline_id);
  self->guideline_id = g_strdup (guideline_id);
  g_free (self->item_slug);
  self->item_slug = g_strdup (item_slug);
}

PactaLibraryHitKind
pacta_library_hit_get_kind (PactaLibraryHit *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_HIT (self), PACTA_LIBRARY_HIT_PROVISION);
  return self->kind;
}

gint64
pacta_library_hit_get_agreement_id (PactaLibraryHit *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_HIT (self), 0);
  return self->agreement_id;
}

const char *
pacta_library_hit_get_agreement_title (PactaLibraryHit *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_HIT (self), NULL);
  return self->agreement_title;
}

/* Returns: the eId to open the agreement at; "" for a note or decision on the whole agreement */
const char *
pacta_library_hit_get_eid (PactaLibraryHit *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_HIT (self), NULL);
  return self->eid;
}

/* Returns: (nullable): the provision's number and heading; for a decision, the item slug */
const char *
pacta_library_hit_get_label (PactaLibraryHit *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_HIT (self), NULL);
  return self->label;
}

/* Returns: (nullable): the label of the article the provision belongs to */
const char *
pacta_library_hit_get_context (PactaLibraryHit *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_HIT (self), NULL);
  return self->context;
}

/* Returns: the FTS5 bm25 rank; lower is better, results come sorted by it */
double
pacta_library_hit_get_rank (PactaLibraryHit *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_HIT (self), 0);
  return self->rank;
}

/* Returns: the note's id for a NOTE hit, else 0 */
gint64
pacta_library_hit_get_note_id (PactaLibraryHit *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_HIT (self), 0);
  return self->note_id;
}

/* Returns: (nullable): the guideline of a DECISION hit */
const char *
pacta_library_hit_get_guideline_id (PactaLibraryHit *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_HIT (self), NULL);
  return self->guideline_id;
}

/* Returns: (nullable): the item of a DECISION hit */
const char *
pacta_library_hit_get_item_slug (PactaLibraryHit *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_HIT (self), NULL);
  return self->item_slug;
}

/* Returns: (transfer full): the words around the match, each matched run between @open and @close */
char *
pacta_library_hit_dup_snippet (PactaLibraryHit *self,
                               const char      *open,
                               const char      *close)
{
  GString *out;

  g_return_val_if_fail (PACTA_IS_LIBRARY_HIT (self), NULL);

  out = g_string_sized_new (strlen (self->snippet) + 16);
  for (const char *p = self->snippet; *p; p++)
    {
      if (*p == PACTA_SNIPPET_OPEN[0])
        g_string_append (out, open ? open : "");
      else if (*p == PACTA_SNIPPET_CLOSE[0])
        g_string_append (out, close ? close : "");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Returns: (transfer full): the snippet as Pango markup, matched words in bold */
char *
pacta_library_hit_dup_snippet_markup (PactaLibraryHit *self)
{
  g_auto(GStrv) opened = NULL;
  GString *out;

  g_return_val_if_fail (PACTA_IS_LIBRARY_HIT (self), NULL);

  out = g_string_new (NULL);
  opened = g_strsplit_set (self->snippet, PACTA_SNIPPET_OPEN PACTA_SNIPPET_CLOSE, -1);
  /* Pieces alternate: outside, inside, outside… because the markers come in pairs. */
  for (guint i = 0; opened[i]; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (opened[i], -1);

      if (i % 2 == 1)
        g_string_append_printf (out, "<b>%s</b>", escaped);
      else
        g_string_append (out, escaped);
    }
  return g_string_free (out, FALSE);
}
