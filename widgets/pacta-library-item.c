/* pacta-library-item.c — one entry of the sidebar library: an agreement or a guideline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-library-item"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pacta-coverage.h"
#include "pacta-library-item.h"

struct _PactaLibraryItem
{
  GObject            parent_instance;

  /* Owned references: a guideline, an agreement read from a file, or an agreement of the
   * library (entry), whose text is read from the library the first time it is needed */
  PactaAgreement    *agreement;
  PactaGuideline    *guideline;
  PactaLibraryEntry *entry;
  PactaLibrary      *library;

  char              *path;       /* canonical, for finding a file already open */
  char              *file;       /* for an agreement of the library: the file it was opened from now */
  char              *subtitle;
  char              *haystack;   /* normalised words the search looks in */
  guint              user_opened : 1;
};

G_DEFINE_FINAL_TYPE (PactaLibraryItem, pacta_library_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AGREEMENT,
  PROP_GUIDELINE,
  PROP_USER_OPENED,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_PATH,
  PROP_ENTRY,
  PROP_LIBRARY,
  PROP_SCORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Lower-cased, accent-insensitive form, so "securite" finds "Sécurité". */
char *
pacta_library_normalize_query (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_steal_pointer (&folded);

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      /* Dashes of all kinds match each other: "XA-XB" finds "XA–XB". */
      if (g_unichar_type (c) == G_UNICODE_DASH_PUNCTUATION)
        c = '-';
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
build_agreement_texts (PactaLibraryItem *self)
{
  PactaAgreement *agreement = self->agreement;
  g_autofree char *parties = pacta_agreement_dup_parties_label (agreement);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(GString) haystack = g_string_new (NULL);
  GListModel *party_list = pacta_agreement_get_parties (agreement);
  int year = pacta_agreement_get_year (agreement);

  if (parties[0] != '\0')
    g_string_append (subtitle, parties);
  if (year > 0)
    g_string_append_printf (subtitle, "%s%d", subtitle->len ? " · " : "", year);
  if (subtitle->len == 0)
    g_string_append (subtitle, pacta_agreement_kind_to_label (pacta_agreement_get_kind (agreement)));

  g_string_append_printf (haystack, "%s\n%s\n%s\n%s\n%d\n%s\n",
                          pacta_agreement_get_display_title (agreement),
                          pacta_agreement_get_title (agreement) ? pacta_agreement_get_title (agreement) : "",
                          parties,
                          pacta_agreement_kind_to_label (pacta_agreement_get_kind (agreement)),
                          year,
                          pacta_agreement_status_to_label (pacta_agreement_get_status (agreement)));
  for (guint i = 0; i < g_list_model_get_n_items (party_list); i++)
    {
      g_autoptr(PactaParty) party = g_list_model_get_item (party_list, i);

      g_string_append_printf (haystack, "%s %s\n",
                              pacta_party_get_code (party) ? pacta_party_get_code (party) : "",
                              pacta_party_get_name (party) ? pacta_party_get_name (party) : "");
    }

  self->subtitle = g_string_free (g_steal_pointer (&subtitle), FALSE);
  self->haystack = pacta_library_normalize_query (haystack->str);
}

static void
build_entry_texts (PactaLibraryItem *self)
{
  PactaLibraryEntry *entry = self->entry;
  const char *parties = pacta_library_entry_get_parties_label (entry);
  const char * const *codes = pacta_library_entry_get_party_codes (entry);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(GString) haystack = g_string_new (NULL);
  int year = pacta_library_entry_get_year (entry);

  if (parties != NULL && parties[0] != '\0')
    g_string_append (subtitle, parties);
  if (year > 0)
    g_string_append_printf (subtitle, "%s%d", subtitle->len ? " · " : "", year);
  if (subtitle->len == 0)
    g_string_append (subtitle, pacta_agreement_kind_to_label (pacta_library_entry_get_kind (entry)));

  g_string_append_printf (haystack, "%s\n%s\n%s\n%s\n%d\n%s\n%s\n",
                          pacta_library_entry_get_display_title (entry),
                          pacta_library_entry_get_title (entry) ? pacta_library_entry_get_title (entry) : "",
                          parties ? parties : "",
                          pacta_agreement_kind_to_label (pacta_library_entry_get_kind (entry)),
                          year,
                          pacta_agreement_status_to_label (pacta_library_entry_get_status (entry)),
                          pacta_library_entry_get_source_name (entry) ? pacta_library_entry_get_source_name (entry) : "");
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    g_string_append_printf (haystack, "%s\n", codes[i]);

  self->subtitle = g_string_free (g_steal_pointer (&subtitle), FALSE);
  self->haystack = pacta_library_normalize_query (haystack->str);
}

static void
entry_score_changed_cb (PactaLibraryItem *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
}

static void
build_guideline_texts (PactaLibraryItem *self)
{
  PactaGuideline *guideline = self->guideline;
  guint n_items = pacta_guideline_get_n_items (guideline);
  int year = pacta_guideline_get_year (guideline);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n_items),
                                            n_items);
  g_autofree char *haystack = NULL;

  if (year > 0)
    self->subtitle = g_strdup_printf ("%s · %d", count, year);
  else
    self->subtitle = g_steal_pointer (&count);

  haystack = g_strdup_printf ("%s\n%s\n%s\n%s\n",
                              pacta_library_item_get_title (self),
                              pacta_guideline_get_title (guideline) ? pacta_guideline_get_title (guideline) : "",
                              pacta_guideline_get_source (guideline) ? pacta_guideline_get_source (guideline) : "",
                              _("Guideline"));
  self->haystack = pacta_library_normalize_query (haystack);
}

static void
set_path (PactaLibraryItem *self,
          const char       *path)
{
  g_clear_pointer (&self->path, g_free);
  if (path != NULL && path[0] != '\0')
    self->path = g_canonicalize_filename (path, NULL);
}

static void
pacta_library_item_constructed (GObject *object)
{
  PactaLibraryItem *self = PACTA_LIBRARY_ITEM (object);

  G_OBJECT_CLASS (pacta_library_item_parent_class)->constructed (object);

  if (self->entry != NULL)
    {
      g_assert (self->library != NULL && self->guideline == NULL);
      build_entry_texts (self);
      g_signal_connect_object (self->entry, "notify::score", G_CALLBACK (entry_score_changed_cb),
                               self, G_CONNECT_SWAPPED);
      return;
    }

  g_assert ((self->agreement == NULL) != (self->guideline == NULL));

  if (self->agreement != NULL)
    {
      set_path (self, pacta_agreement_get_path (self->agreement));
      build_agreement_texts (self);
    }
  else
    {
      set_path (self, pacta_guideline_get_path (self->guideline));
      build_guideline_texts (self);
    }
}

static void
pacta_library_item_dispose (GObject *object)
{
  PactaLibraryItem *self = PACTA_LIBRARY_ITEM (object);

  g_clear_object (&self->agreement);
  g_clear_object (&self->guideline);
  g_clear_object (&self->entry);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (pacta_library_item_parent_class)->dispose (object);
}

static void
pacta_library_item_finalize (GObject *object)
{
  PactaLibraryItem *self = PACTA_LIBRARY_ITEM (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->file, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->haystack, g_free);

  G_OBJECT_CLASS (pacta_library_item_parent_class)->finalize (object);
}

static void
pacta_library_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PactaLibraryItem *self = PACTA_LIBRARY_ITEM (object);

  switch (prop_id)
    {
    case PROP_AGREEMENT:
      g_value_set_object (value, self->agreement);
      break;
    case PROP_GUIDELINE:
      g_value_set_object (value, self->guideline);
      break;
    case PROP_USER_OPENED:
      g_value_set_boolean (value, self->user_opened);
      break;
    case PROP_TITLE:
      g_value_set_string (value, pacta_library_item_get_title (self));
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_SCORE:
      g_value_set_double (value, pacta_library_item_get_score (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_library_item_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PactaLibraryItem *self = PACTA_LIBRARY_ITEM (object);

  switch (prop_id)
    {
    case PROP_AGREEMENT:
      self->agreement = g_value_dup_object (value);
      break;
    case PROP_GUIDELINE:
      self->guideline = g_value_dup_object (value);
      break;
    case PROP_USER_OPENED:
      self->user_opened = g_value_get_boolean (value);
      break;
    case PROP_ENTRY:
      self->entry = g_value_dup_object (value);
      break;
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_library_item_class_init (PactaLibraryItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pacta_library_item_constructed;
  object_class->dispose = pacta_library_item_dispose;
  object_class->finalize = pacta_library_item_finalize;
  object_class->get_property = pacta_library_item_get_property;
  object_class->set_property = pacta_library_item_set_property;

  properties[PROP_AGREEMENT] =
    g_param_spec_object ("agreement", NULL, NULL,
                         PACTA_TYPE_AGREEMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GUIDELINE] =
    g_param_spec_object ("guideline", NULL, NULL,
                         PACTA_TYPE_GUIDELINE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER_OPENED] =
    g_param_spec_boolean ("user-opened", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL,
                         PACTA_TYPE_LIBRARY_ENTRY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         PACTA_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The stored score against the guideline suggested for the kind, 0…1, or -1 */
  properties[PROP_SCORE] =
    g_param_spec_double ("score", NULL, NULL,
                         -1.0, 1.0, -1.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pacta_library_item_init (PactaLibraryItem *self)
{
}

PactaLibraryItem *
pacta_library_item_new_for_agreement (PactaAgreement *agreement,
                                      gboolean        user_opened)
{
  g_return_val_if_fail (PACTA_IS_AGREEMENT (agreement), NULL);

  return g_object_new (PACTA_TYPE_LIBRARY_ITEM,
                       "agreement", agreement,
                       "user-opened", user_opened,
                       NULL);
}

PactaLibraryItem *
pacta_library_item_new_for_guideline (PactaGuideline *guideline,
                                      gboolean        user_opened)
{
  g_return_val_if_fail (PACTA_IS_GUIDELINE (guideline), NULL);

  return g_object_new (PACTA_TYPE_LIBRARY_ITEM,
                       "guideline", guideline,
                       "user-opened", user_opened,
                       NULL);
}

/* An agreement of the library: listed from its entry, read when first shown. */
PactaLibraryItem *
pacta_library_item_new_for_entry (PactaLibrary      *library,
                                  PactaLibraryEntry *entry)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (PACTA_IS_LIBRARY_ENTRY (entry), NULL);

  return g_object_new (PACTA_TYPE_LIBRARY_ITEM,
                       "library", library,
                       "entry", entry,
                       "user-opened", TRUE,
                       NULL);
}

/* Returns: (transfer none) (nullable): the library's entry, for an agreement of the library */
PactaLibraryEntry *
pacta_library_item_get_entry (PactaLibraryItem *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ITEM (self), NULL);
  return self->entry;
}

/* Returns: the agreement's id in the library, or 0 when it is not in the library */
gint64
pacta_library_item_get_agreement_id (PactaLibraryItem *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ITEM (self), 0);
  return self->entry ? pacta_library_entry_get_id (self->entry) : 0;
}

/**
 * pacta_library_item_load_agreement:
 *
 * For an agreement of the library, reads its text from the library the first time; later
 * calls give the same object.
 *
 * Returns: (transfer none) (nullable): the agreement, or NULL (with @error for an agreement
 *   of the library that cannot be read; without it for a guideline)
 */
PactaAgreement *
pacta_library_item_load_agreement (PactaLibraryItem  *self,
                                   GError           **error)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ITEM (self), NULL);

  if (self->agreement == NULL && self->entry != NULL)
    {
      self->agreement = pacta_library_load_agreement (self->library, pacta_library_entry_get_id (self->entry), error);
      /* Named after the file it came from: the one opened now, or the name kept in the library */
      if (self->agreement != NULL && pacta_agreement_get_path (self->agreement) == NULL)
        pacta_agreement_set_path (self->agreement, self->file ? self->file : pacta_library_entry_get_source_name (self->entry));
    }
  return self->agreement;
}

/* For an agreement of the library: the file it was just opened from (its text is the same), to
 * name it by while the window is open (the Read view's File, suggested export names). */
void
pacta_library_item_set_file (PactaLibraryItem *self,
                             const char       *path)
{
  g_return_if_fail (PACTA_IS_LIBRARY_ITEM (self));

  if (self->entry == NULL || path == NULL)
    return;
  g_free (self->file);
  self->file = g_canonicalize_filename (path, NULL);
  if (self->agreement != NULL)
    pacta_agreement_set_path (self->agreement, self->file);
}

/* Whether the agreement's text is in memory (always, for one read from a file). */
gboolean
pacta_library_item_is_loaded (PactaLibraryItem *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ITEM (self), FALSE);
  return self->agreement != NULL || self->entry != NULL;
}

/* Returns: (transfer none) (nullable): the agreement, read from the library if need be (see
 * pacta_library_item_load_agreement(); a failure is logged) */
PactaAgreement *
pacta_library_item_get_agreement (PactaLibraryItem *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PACTA_IS_LIBRARY_ITEM (self), NULL);

  if (self->agreement == NULL && self->entry != NULL &&
      pacta_library_item_load_agreement (self, &error) == NULL)
    g_warning ("%s", error->message);
  return self->agreement;
}

PactaAgreementKind
pacta_library_item_get_kind (PactaLibraryItem *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ITEM (self), PACTA_AGREEMENT_KIND_UNKNOWN);

  if (self->entry != NULL)
    return pacta_library_entry_get_kind (self->entry);
  if (self->agreement != NULL)
    return pacta_agreement_get_kind (self->agreement);
  return PACTA_AGREEMENT_KIND_UNKNOWN;
}

PactaAgreementStatus
pacta_library_item_get_status (PactaLibraryItem *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ITEM (self), PACTA_AGREEMENT_STATUS_UNKNOWN);

  if (self->entry != NULL)
    return pacta_library_entry_get_status (self->entry);
  if (self->agreement != NULL)
    return pacta_agreement_get_status (self->agreement);
  return PACTA_AGREEMENT_STATUS_UNKNOWN;
}

/* Returns: (nullable): the guideline the sidebar's score is against: the first one suggested
 * for the agreement's kind */
const char *
pacta_library_item_get_score_guideline (PactaLibraryItem *self)
{
  const char * const *suggested;

  g_return_val_if_fail (PACTA_IS_LIBRARY_ITEM (self), NULL);

  if (self->guideline != NULL)
    return NULL;
  suggested = pacta_coverage_suggested_guidelines (pacta_library_item_get_kind (self));
  return suggested != NULL ? suggested[0] : NULL;
}

/* Returns: the stored score (0…1) against pacta_library_item_get_score_guideline(), or -1
 * when there is none (never checked, or not in the library) */
double
pacta_library_item_get_score (PactaLibraryItem *self)
{
  const char *guideline_id;

  g_return_val_if_fail (PACTA_IS_LIBRARY_ITEM (self), -1);

  guideline_id = pacta_library_item_get_score_guideline (self);
  if (self->entry == NULL || guideline_id == NULL)
    return -1;
  return pacta_library_entry_get_score_for (self->entry, guideline_id);
}

/* Returns: (transfer none) (nullable) */
PactaGuideline *
pacta_library_item_get_guideline (PactaLibraryItem *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ITEM (self), NULL);
  return self->guideline;
}

gboolean
pacta_library_item_is_agreement (PactaLibraryItem *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ITEM (self), FALSE);
  return self->agreement != NULL || self->entry != NULL;
}

gboolean
pacta_library_item_is_guideline (PactaLibraryItem *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ITEM (self), FALSE);
  return self->guideline != NULL;
}

/* Whether the user opened the file (as opposed to a bundled sample or guideline). */
gboolean
pacta_library_item_get_user_opened (PactaLibraryItem *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ITEM (self), FALSE);
  return self->user_opened;
}

/* Returns: (nullable): the canonical path of the file the item was read from */
const char *
pacta_library_item_get_path (PactaLibraryItem *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ITEM (self), NULL);
  return self->path;
}

const char *
pacta_library_item_get_title (PactaLibraryItem *self)
{
  const char *title;

  g_return_val_if_fail (PACTA_IS_LIBRARY_ITEM (self), NULL);

  if (self->entry != NULL)
    return pacta_library_entry_get_display_title (self->entry);
  if (self->agreement != NULL)
    return pacta_agreement_get_display_title (self->agreement);

  title = pacta_guideline_get_short_title (self->guideline);
  if (title == NULL || title[0] == '\0')
    title = pacta_guideline_get_title (self->guideline);
  if (title == NULL || title[0] == '\0')
    title = pacta_guideline_get_id (self->guideline);
  return title != NULL ? title : _("Untitled guideline");
}

/* "XA–XB · 2019" for an agreement, "48 items · 2022" for a guideline. */
const char *
pacta_library_item_get_subtitle (PactaLibraryItem *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ITEM (self), NULL);
  return self->subtitle;
}

PactaLibraryGroup
pacta_library_item_get_group (PactaLibraryItem *self)
{
  g_return_val_if_fail (PACTA_IS_LIBRARY_ITEM (self), PACTA_LIBRARY_GROUP_OTHER);

  if (self->guideline != NULL)
    return PACTA_LIBRARY_GROUP_GUIDELINES;

  switch (pacta_library_item_get_kind (self))
    {
    case PACTA_AGREEMENT_KIND_BLMA:
    case PACTA_AGREEMENT_KIND_MOU:
      return PACTA_LIBRARY_GROUP_LABOUR_MIGRATION;
    case PACTA_AGREEMENT_KIND_SSA:
      return PACTA_LIBRARY_GROUP_SOCIAL_SECURITY;
    case PACTA_AGREEMENT_KIND_MULTILATERAL:
      return PACTA_LIBRARY_GROUP_MULTILATERAL;
    case PACTA_AGREEMENT_KIND_UNKNOWN:
    default:
      return PACTA_LIBRARY_GROUP_OTHER;
    }
}

/* Whether every word of @query (already normalised with pacta_library_normalize_query())
 * occurs in the item's title, parties, kind, year or source. */
gboolean
pacta_library_item_matches (PactaLibraryItem *self,
                            const char       *query)
{
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (PACTA_IS_LIBRARY_ITEM (self), FALSE);

  if (query == NULL || query[0] == '\0')
    return TRUE;

  words = g_strsplit_set (query, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && strstr (self->haystack, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* Sidebar order: by group, then by title. */
int
pacta_library_item_compare (PactaLibraryItem *a,
                            PactaLibraryItem *b)
{
  PactaLibraryGroup group_a = pacta_library_item_get_group (a);
  PactaLibraryGroup group_b = pacta_library_item_get_group (b);

  if (group_a != group_b)
    return group_a < group_b ? -1 : 1;
  return g_utf8_collate (pacta_library_item_get_title (a), pacta_library_item_get_title (b));
}

const char *
pacta_library_group_to_label (PactaLibraryGroup group)
{
  switch (group)
    {
    case PACTA_LIBRARY_GROUP_LABOUR_MIGRATION:
      return _("Labour migration");
    case PACTA_LIBRARY_GROUP_SOCIAL_SECURITY:
      return _("Social security");
    case PACTA_LIBRARY_GROUP_MULTILATERAL:
      return _("Multilateral");
    case PACTA_LIBRARY_GROUP_GUIDELINES:
      return _("Guidelines");
    case PACTA_LIBRARY_GROUP_OTHER:
    default:
      return _("Other agreements");
    }
}
