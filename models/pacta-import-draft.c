/* pacta-import-draft.c — an imported text with its detected structure, before it is saved
 *
 * The draft keeps the source's lines (of the language kept, for bilingual documents) and a
 * flat list of nodes, each opening at a line. The tree follows from the order and the rank
 * of the nodes: a node's parent is the nearest earlier node of a higher rank. Corrections
 * (merge, split, promote, demote, relabel) therefore only touch one node, and building the
 * agreement walks the list once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-import-draft"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pacta-agreement-private.h"
#include "pacta-enums.h"
#include "pacta-import-draft.h"
#include "pacta-import-private.h"
#include "pacta-provision-private.h"

struct _PactaImportDraft
{
  GObject               parent_instance;

  PactaImportSource    *source;
  GPtrArray            *lines;        /* PactaImportLine*, borrowed from the source */
  GListStore           *nodes;
  GPtrArray            *warnings;     /* PactaProblem */
  GStrv                 languages;
  char                 *kept_language;
  gboolean              bilingual;

  char                 *title;
  GStrv                 parties;
  char                 *date_signed;
  char                 *place_signed;
  char                 *language;
  PactaAgreementKind    kind;
  PactaAgreementStatus  status;
};

G_DEFINE_FINAL_TYPE (PactaImportDraft, pacta_import_draft, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_PARTIES,
  PROP_DATE_SIGNED,
  PROP_PLACE_SIGNED,
  PROP_LANGUAGE,
  PROP_KIND,
  PROP_STATUS,
  PROP_KEPT_LANGUAGE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
pacta_import_draft_dispose (GObject *object)
{
  PactaImportDraft *self = PACTA_IMPORT_DRAFT (object);

  g_clear_object (&self->nodes);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (pacta_import_draft_parent_class)->dispose (object);
}

static void
pacta_import_draft_finalize (GObject *object)
{
  PactaImportDraft *self = PACTA_IMPORT_DRAFT (object);

  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_strfreev (self->languages);
  g_free (self->kept_language);
  g_free (self->title);
  g_strfreev (self->parties);
  g_free (self->date_signed);
  g_free (self->place_signed);
  g_free (self->language);

  G_OBJECT_CLASS (pacta_import_draft_parent_class)->finalize (object);
}

static void
pacta_import_draft_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PactaImportDraft *self = PACTA_IMPORT_DRAFT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_PARTIES:
      g_value_set_boxed (value, self->parties);
      break;
    case PROP_DATE_SIGNED:
      g_value_set_string (value, self->date_signed);
      break;
    case PROP_PLACE_SIGNED:
      g_value_set_string (value, self->place_signed);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_KEPT_LANGUAGE:
      g_value_set_string (value, self->kept_language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_import_draft_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PactaImportDraft *self = PACTA_IMPORT_DRAFT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      pacta_import_draft_set_title (self, g_value_get_string (value));
      break;
    case PROP_PARTIES:
      pacta_import_draft_set_parties (self, g_value_get_boxed (value));
      break;
    case PROP_DATE_SIGNED:
      pacta_import_draft_set_date_signed (self, g_value_get_string (value));
      break;
    case PROP_PLACE_SIGNED:
      pacta_import_draft_set_place_signed (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      pacta_import_draft_set_language (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      pacta_import_draft_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_STATUS:
      pacta_import_draft_set_status (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_import_draft_class_init (PactaImportDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = pacta_import_draft_dispose;
  object_class->finalize = pacta_import_draft_finalize;
  object_class->get_property = pacta_import_draft_get_property;
  object_class->set_property = pacta_import_draft_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_PARTIES] = g_param_spec_boxed ("parties", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_DATE_SIGNED] = g_param_spec_string ("date-signed", NULL, NULL, NULL, flags);
  properties[PROP_PLACE_SIGNED] = g_param_spec_string ("place-signed", NULL, NULL, NULL, flags);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, PACTA_TYPE_AGREEMENT_KIND, PACTA_AGREEMENT_KIND_UNKNOWN, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, PACTA_TYPE_AGREEMENT_STATUS, PACTA_AGREEMENT_STATUS_UNKNOWN, flags);
  properties[PROP_KEPT_LANGUAGE] =
    g_param_spec_string ("kept-language", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The structure changed: nodes were added, removed or changed kind. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
pacta_import_draft_init (PactaImportDraft *self)
{
  self->nodes = g_list_store_new (PACTA_TYPE_IMPORT_NODE);
  self->lines = g_ptr_array_new ();
  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) pacta_problem_free);
}

/* Tree ---------------------------------------------------------------------------------- */

static int
rank (PactaImportNodeKind kind)
{
  switch (kind)
    {
    case PACTA_IMPORT_NODE_PART: return 1;
    case PACTA_IMPORT_NODE_DIVISION: return 2;
    case PACTA_IMPORT_NODE_CHAPTER: return 3;
    case PACTA_IMPORT_NODE_SECTION: return 4;
    case PACTA_IMPORT_NODE_ARTICLE: return 5;
    case PACTA_IMPORT_NODE_PARAGRAPH: return 6;
    case PACTA_IMPORT_NODE_POINT: return 7;
    case PACTA_IMPORT_NODE_SUBPOINT: return 8;
    case PACTA_IMPORT_NODE_TITLE:
    case PACTA_IMPORT_NODE_PREAMBLE:
    case PACTA_IMPORT_NODE_CONCLUSIONS:
    case PACTA_IMPORT_NODE_ANNEX:
    default:
      return 0;
    }
}

static PactaImportNode *
node_at (PactaImportDraft *self,
         guint             index)
{
  g_autoptr(PactaImportNode) node = g_list_model_get_item (G_LIST_MODEL (self->nodes), index);

  return node; /* the store keeps its reference */
}

static guint
n_nodes (PactaImportDraft *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->nodes));
}

static gboolean
index_of (PactaImportDraft *self,
          PactaImportNode  *node,
          guint            *position)
{
  return g_list_store_find (self->nodes, node, position);
}

/* Parent of each node (by index, -1 for top level) and depths. */
static void
update_depths (PactaImportDraft *self)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = n_nodes (self);

  for (guint i = 0; i < n; i++)
    {
      PactaImportNode *node = node_at (self, i);
      int r = rank (pacta_import_node_get_kind (node));

      if (r == 0)
        {
          g_array_set_size (stack, 0);
          pacta_import_node_set_depth (node, 0);
          continue;
        }
      while (stack->len > 0 &&
             rank (pacta_import_node_get_kind (node_at (self, g_array_index (stack, guint, stack->len - 1)))) >= r)
        g_array_set_size (stack, stack->len - 1);
      pacta_import_node_set_depth (node, stack->len);
      g_array_append_val (stack, i);
    }
}

PactaImportNode *
pacta_import_draft_get_parent (PactaImportDraft *self,
                               PactaImportNode  *node)
{
  guint position;
  int r;

  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), NULL);
  g_return_val_if_fail (PACTA_IS_IMPORT_NODE (node), NULL);

  r = rank (pacta_import_node_get_kind (node));
  if (r == 0 || !index_of (self, node, &position))
    return NULL;
  for (guint i = position; i-- > 0; )
    {
      PactaImportNode *candidate = node_at (self, i);
      int cr = rank (pacta_import_node_get_kind (candidate));

      if (cr == 0)
        return NULL;
      if (cr < r)
        return candidate;
    }
  return NULL;
}

/* Returns: (transfer full): the children of @node (top-level nodes for NULL), a new list. */
GListModel *
pacta_import_draft_dup_children (PactaImportDraft *self,
                                 PactaImportNode  *node)
{
  GListStore *children = g_list_store_new (PACTA_TYPE_IMPORT_NODE);
  guint n, start = 0;
  guint depth;

  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), NULL);

  n = n_nodes (self);
  if (node == NULL)
    {
      for (guint i = 0; i < n; i++)
        if (pacta_import_node_get_depth (node_at (self, i)) == 0)
          g_list_store_append (children, node_at (self, i));
      return G_LIST_MODEL (children);
    }
  if (!index_of (self, node, &start) || rank (pacta_import_node_get_kind (node)) == 0)
    return G_LIST_MODEL (children);
  depth = pacta_import_node_get_depth (node);
  for (guint i = start + 1; i < n; i++)
    {
      PactaImportNode *next = node_at (self, i);
      guint d = pacta_import_node_get_depth (next);

      if (d <= depth || rank (pacta_import_node_get_kind (next)) == 0)
        break;
      if (d == depth + 1)
        g_list_store_append (children, next);
    }
  return G_LIST_MODEL (children);
}

/* Lines ----------------------------------------------------------------------------------- */

guint
pacta_import_draft_get_n_lines (PactaImportDraft *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), 0);
  return self->lines->len;
}

const PactaImportLine *
pacta_import_draft_get_line (PactaImportDraft *self,
                             guint             index)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), NULL);
  g_return_val_if_fail (index < self->lines->len, NULL);
  return g_ptr_array_index (self->lines, index);
}

GListModel *
pacta_import_draft_get_nodes (PactaImportDraft *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), NULL);
  return G_LIST_MODEL (self->nodes);
}

/* The line after the last one of @node's own text (where the next node opens). */
guint
pacta_import_draft_get_node_end (PactaImportDraft *self,
                                 PactaImportNode  *node)
{
  guint position;

  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), 0);
  g_return_val_if_fail (PACTA_IS_IMPORT_NODE (node), 0);

  if (!index_of (self, node, &position))
    return pacta_import_node_get_first_line (node);
  if (position + 1 < n_nodes (self))
    return pacta_import_node_get_first_line (node_at (self, position + 1));
  return self->lines->len;
}

/* The node that opens at @line, if any. */
PactaImportNode *
pacta_import_draft_get_node_at_line (PactaImportDraft *self,
                                     guint             line)
{
  guint lo = 0, hi;

  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), NULL);

  hi = n_nodes (self);
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      guint first = pacta_import_node_get_first_line (node_at (self, mid));

      if (first == line)
        return node_at (self, mid);
      if (first < line)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

/* The node whose text contains @line (the last one opening at or before it). */
PactaImportNode *
pacta_import_draft_find_node (PactaImportDraft *self,
                              guint             line)
{
  guint lo = 0, hi;
  PactaImportNode *found = NULL;

  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), NULL);

  hi = n_nodes (self);
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      PactaImportNode *node = node_at (self, mid);

      if (pacta_import_node_get_first_line (node) <= line)
        {
          found = node;
          lo = mid + 1;
        }
      else
        hi = mid;
    }
  return found;
}

/* The node's own words: inline text after its number, then its body lines. */
char *
pacta_import_draft_dup_body (PactaImportDraft *self,
                             PactaImportNode  *node)
{
  GString *out;
  guint start, end;

  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), NULL);
  g_return_val_if_fail (PACTA_IS_IMPORT_NODE (node), NULL);

  out = g_string_new (pacta_import_node_get_text (node));
  start = pacta_import_node_get_first_line (node) + pacta_import_node_get_header_lines (node);
  end = pacta_import_draft_get_node_end (self, node);
  for (guint i = start; i < end && i < self->lines->len; i++)
    {
      const PactaImportLine *line = g_ptr_array_index (self->lines, i);

      if (out->len)
        g_string_append_c (out, '\n');
      g_string_append (out, line->text);
    }
  return g_string_free (out, FALSE);
}

guint
pacta_import_draft_count (PactaImportDraft    *self,
                          PactaImportNodeKind  kind)
{
  guint count = 0, n;

  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), 0);
  n = n_nodes (self);
  for (guint i = 0; i < n; i++)
    count += pacta_import_node_get_kind (node_at (self, i)) == kind;
  return count;
}

/* Returns: (transfer none): PactaProblem warnings of reading and detection. */
GPtrArray *
pacta_import_draft_get_warnings (PactaImportDraft *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), NULL);
  return self->warnings;
}

PactaImportSource *
pacta_import_draft_get_source (PactaImportDraft *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), NULL);
  return self->source;
}

const char * const *
pacta_import_draft_get_languages (PactaImportDraft *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), none);
  return self->languages ? (const char * const *) self->languages : none;
}

gboolean
pacta_import_draft_get_bilingual (PactaImportDraft *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), FALSE);
  return self->bilingual;
}

const char *
pacta_import_draft_get_kept_language (PactaImportDraft *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), NULL);
  return self->kept_language;
}

/* Analysis ------------------------------------------------------------------------------ */

static const char *
language_name (const char *code)
{
  if (g_strcmp0 (code, "en") == 0)
    return _("English");
  if (g_strcmp0 (code, "fr") == 0)
    return _("French");
  if (g_strcmp0 (code, "es") == 0)
    return _("Spanish");
  return code;
}

static void
copy_source_warnings (PactaImportDraft *self)
{
  GPtrArray *source_warnings = pacta_import_source_get_warnings (self->source);

  g_ptr_array_set_size (self->warnings, 0);
  for (guint i = 0; i < source_warnings->len; i++)
    g_ptr_array_add (self->warnings, pacta_problem_copy (g_ptr_array_index (source_warnings, i)));
}

static void
analyse (PactaImportDraft *self)
{
  g_autoptr(GPtrArray) nodes = NULL;
  PactaImportMetadata meta = { 0 };
  const char *file = pacta_import_source_get_path (self->source);
  g_autoptr(GStrvBuilder) parties = g_strv_builder_new ();

  nodes = _pacta_import_detect (self->lines, self->warnings, file);
  g_list_store_splice (self->nodes, 0, n_nodes (self), nodes->pdata, nodes->len);
  update_depths (self);

  _pacta_import_guess_metadata (self->lines, nodes, &meta);
  for (guint i = 0; meta.parties && i < meta.parties->len; i++)
    g_strv_builder_add (parties, g_ptr_array_index (meta.parties, i));
  {
    g_auto(GStrv) names = g_strv_builder_end (parties);

    pacta_import_draft_set_title (self, meta.title);
    pacta_import_draft_set_parties (self, (const char * const *) names);
  }
  pacta_import_draft_set_date_signed (self, meta.date_signed);
  pacta_import_draft_set_place_signed (self, meta.place_signed);
  pacta_import_draft_set_language (self, self->kept_language ? self->kept_language : "en");

  if (meta.kind == PACTA_AGREEMENT_KIND_UNKNOWN)
    {
      _pacta_import_warn (self->warnings, file, 0, "%s",
                          _("the kind of agreement could not be told from the title; set to blma"));
      meta.kind = PACTA_AGREEMENT_KIND_BLMA;
    }
  pacta_import_draft_set_kind (self, meta.kind);
  pacta_import_draft_set_status (self, meta.draft ? PACTA_AGREEMENT_STATUS_DRAFT
                                      : meta.date_signed ? PACTA_AGREEMENT_STATUS_SIGNED
                                      : PACTA_AGREEMENT_STATUS_UNKNOWN);
  if (meta.title == NULL)
    _pacta_import_warn (self->warnings, file, 0, "%s", _("no title found"));
  if (meta.parties == NULL || meta.parties->len < 2)
    _pacta_import_warn (self->warnings, file, 0, "%s",
                        _("the parties could not be told from the title or the preamble"));
  _pacta_import_metadata_clear (&meta);
}

/* Keeps the lines of @language (NULL: the main one) and detects the structure anew. */
gboolean
pacta_import_draft_keep_language (PactaImportDraft  *self,
                                  const char        *language,
                                  GError           **error)
{
  guint n;
  const char *file;

  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), FALSE);

  file = pacta_import_source_get_path (self->source);
  if (language != NULL && !g_strv_contains ((const char * const *) self->languages, language))
    {
      g_autofree char *found = g_strjoinv (", ", self->languages);

      _pacta_import_set_error (error, PACTA_ERROR_UNSUPPORTED, file,
                               _("the document has no text in %s (found: %s)"), language_name (language),
                               found[0] ? found : _("no language recognised"));
      return FALSE;
    }
  if (language == NULL)
    language = self->languages[0];

  g_free (self->kept_language);
  self->kept_language = g_strdup (language);

  g_ptr_array_set_size (self->lines, 0);
  n = pacta_import_source_get_n_lines (self->source);
  for (guint i = 0; i < n; i++)
    {
      PactaImportLine *line = pacta_import_source_get_line (self->source, i);

      if (!self->bilingual || g_strcmp0 (line->lang, language) == 0)
        g_ptr_array_add (self->lines, line);
    }

  copy_source_warnings (self);
  if (self->bilingual)
    {
      g_autofree char *found = g_strjoinv (", ", self->languages);

      _pacta_import_warn (self->warnings, file, 0,
                          _("bilingual document (%s): kept the %s text"), found, language_name (language));
    }
  analyse (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEPT_LANGUAGE]);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* Detects the languages, keeps @keep_language (NULL: the main one), and the structure. */
PactaImportDraft *
pacta_import_draft_new (PactaImportSource  *source,
                        const char         *keep_language,
                        GError            **error)
{
  g_autoptr(PactaImportDraft) self = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  guint n;

  g_return_val_if_fail (PACTA_IS_IMPORT_SOURCE (source), NULL);

  self = g_object_new (PACTA_TYPE_IMPORT_DRAFT, NULL);
  self->source = g_object_ref (source);

  n = pacta_import_source_get_n_lines (source);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (all, pacta_import_source_get_line (source, i));
  self->languages = _pacta_import_label_languages (all, NULL);
  self->bilingual = g_strv_length (self->languages) >= 2;
  if (self->languages[0] == NULL)
    {
      /* No function words at all: keep everything, in the language asked for or English. */
      g_strfreev (self->languages);
      self->languages = g_new0 (char *, 2);
      self->languages[0] = g_strdup (keep_language ? keep_language : "en");
      keep_language = NULL;
    }

  if (!pacta_import_draft_keep_language (self, keep_language, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* Corrections --------------------------------------------------------------------------- */

static void
changed (PactaImportDraft *self)
{
  update_depths (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, PACTA_ERROR, PACTA_ERROR_UNSUPPORTED, message);
  return FALSE;
}

/* Removes the boundary at @node: its lines, header included, join the node before. */
gboolean
pacta_import_draft_merge_with_previous (PactaImportDraft  *self,
                                        PactaImportNode   *node,
                                        GError           **error)
{
  guint position;

  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), FALSE);
  g_return_val_if_fail (PACTA_IS_IMPORT_NODE (node), FALSE);

  if (!index_of (self, node, &position))
    return fail (error, _("this boundary is not part of the document"));
  if (position == 0)
    return fail (error, _("the first part of the document has nothing before it to merge with"));

  g_list_store_remove (self->nodes, position);
  changed (self);
  return TRUE;
}

/* Opens a new boundary at @line, inside the node that holds it. */
PactaImportNode *
pacta_import_draft_split_at_line (PactaImportDraft  *self,
                                  guint              line,
                                  GError           **error)
{
  PactaImportNode *holder;
  g_autoptr(PactaImportNode) node = NULL;
  PactaImportNodeKind fallback;
  guint position;

  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), NULL);

  if (line >= self->lines->len)
    {
      fail (error, _("there is no such line"));
      return NULL;
    }
  if (pacta_import_draft_get_node_at_line (self, line) != NULL)
    {
      fail (error, _("a boundary already opens at this line"));
      return NULL;
    }

  holder = pacta_import_draft_find_node (self, line);
  fallback = PACTA_IMPORT_NODE_ARTICLE;
  if (holder != NULL && rank (pacta_import_node_get_kind (holder)) >= rank (PACTA_IMPORT_NODE_ARTICLE))
    fallback = pacta_import_node_get_kind (holder);
  node = _pacta_import_node_for_line (self->lines, line, fallback);

  if (holder != NULL)
    {
      guint first = pacta_import_node_get_first_line (holder);

      /* Splitting inside the header: the heading line was not a heading. */
      if (line < first + pacta_import_node_get_header_lines (holder))
        {
          pacta_import_node_set_header_lines (holder, line - first);
          if (line - first <= 1)
            pacta_import_node_set_heading (holder, NULL);
        }
      index_of (self, holder, &position);
      g_list_store_insert (self->nodes, position + 1, node);
    }
  else
    g_list_store_insert (self->nodes, 0, node);

  changed (self);
  return node;
}

static const PactaImportNodeKind ladder[] = {
  PACTA_IMPORT_NODE_PART, PACTA_IMPORT_NODE_DIVISION, PACTA_IMPORT_NODE_CHAPTER,
  PACTA_IMPORT_NODE_SECTION, PACTA_IMPORT_NODE_ARTICLE, PACTA_IMPORT_NODE_PARAGRAPH,
  PACTA_IMPORT_NODE_POINT, PACTA_IMPORT_NODE_SUBPOINT,
};

static gboolean
step (PactaImportDraft  *self,
      PactaImportNode   *node,
      int                direction,
      GError           **error)
{
  PactaImportNodeKind kind = pacta_import_node_get_kind (node);
  int at = -1;

  for (guint i = 0; i < G_N_ELEMENTS (ladder); i++)
    if (ladder[i] == kind)
      at = i;
  if (at < 0)
    return fail (error, _("only parts, chapters, sections, articles, paragraphs and points can move up or down a level"));
  if (at + direction < 0)
    return fail (error, _("a part is already the highest level"));
  if (at + direction >= (int) G_N_ELEMENTS (ladder))
    return fail (error, _("a sub-point is already the lowest level"));

  pacta_import_node_set_kind (node, ladder[at + direction]);
  changed (self);
  return TRUE;
}

/* One level up: point → paragraph → article → section → chapter → title → part. */
gboolean
pacta_import_draft_promote (PactaImportDraft  *self,
                            PactaImportNode   *node,
                            GError           **error)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), FALSE);
  g_return_val_if_fail (PACTA_IS_IMPORT_NODE (node), FALSE);
  return step (self, node, -1, error);
}

gboolean
pacta_import_draft_demote (PactaImportDraft  *self,
                           PactaImportNode   *node,
                           GError           **error)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), FALSE);
  g_return_val_if_fail (PACTA_IS_IMPORT_NODE (node), FALSE);
  return step (self, node, +1, error);
}

/* Makes @node another kind of part (an annex, the conclusions, an article…). */
gboolean
pacta_import_draft_set_node_kind (PactaImportDraft     *self,
                                  PactaImportNode      *node,
                                  PactaImportNodeKind   kind,
                                  GError              **error)
{
  guint position;

  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), FALSE);
  g_return_val_if_fail (PACTA_IS_IMPORT_NODE (node), FALSE);

  if (!index_of (self, node, &position))
    return fail (error, _("this boundary is not part of the document"));
  if (kind == PACTA_IMPORT_NODE_TITLE && position != 0)
    return fail (error, _("only the first part of the document can be its title block"));
  if (kind == PACTA_IMPORT_NODE_TITLE || kind == PACTA_IMPORT_NODE_PREAMBLE)
    pacta_import_node_set_header_lines (node, 0);
  pacta_import_node_set_kind (node, kind);
  changed (self);
  return TRUE;
}

void
pacta_import_draft_relabel (PactaImportDraft *self,
                            PactaImportNode  *node,
                            const char       *num,
                            const char       *heading)
{
  g_return_if_fail (PACTA_IS_IMPORT_DRAFT (self));
  g_return_if_fail (PACTA_IS_IMPORT_NODE (node));

  pacta_import_node_set_num (node, num);
  pacta_import_node_set_heading (node, heading);
  /* A heading typed as it stands on the line after the header takes that line in. */
  if (heading != NULL && heading[0] != '\0')
    {
      guint next = pacta_import_node_get_first_line (node) + pacta_import_node_get_header_lines (node);

      if (next < pacta_import_draft_get_node_end (self, node) && next < self->lines->len &&
          g_str_equal (((PactaImportLine *) g_ptr_array_index (self->lines, next))->text, heading))
        pacta_import_node_set_header_lines (node, pacta_import_node_get_header_lines (node) + 1);
    }
  /* A number the user typed gives the node its value (for the eId). */
  if (num != NULL)
    {
      PactaImportHeader header = { 0 };
      PactaImportMarker marker = { 0 };

      if (_pacta_import_parse_header (num, &header))
        pacta_import_node_set_value (node, header.value);
      else if (_pacta_import_parse_marker (num, &marker))
        pacta_import_node_set_value (node, marker.value);
      _pacta_import_header_clear (&header);
      _pacta_import_marker_clear (&marker);
    }
}

/* Metadata ------------------------------------------------------------------------------ */

static gboolean
set_string (PactaImportDraft  *self,
            char             **field,
            const char        *value,
            int                prop)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

const char *
pacta_import_draft_get_title (PactaImportDraft *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), NULL);
  return self->title;
}

void
pacta_import_draft_set_title (PactaImportDraft *self,
                              const char       *title)
{
  g_return_if_fail (PACTA_IS_IMPORT_DRAFT (self));
  set_string (self, &self->title, title, PROP_TITLE);
}

/* Names of the parties, as written ("Republic of Aldoria"). */
const char * const *
pacta_import_draft_get_parties (PactaImportDraft *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), none);
  return self->parties ? (const char * const *) self->parties : none;
}

void
pacta_import_draft_set_parties (PactaImportDraft   *self,
                                const char * const *parties)
{
  g_return_if_fail (PACTA_IS_IMPORT_DRAFT (self));

  if (parties != NULL && parties[0] == NULL)
    parties = NULL;
  if (self->parties == NULL && parties == NULL)
    return;
  if (self->parties != NULL && parties != NULL &&
      g_strv_equal ((const char * const *) self->parties, parties))
    return;
  g_strfreev (self->parties);
  self->parties = g_strdupv ((char **) parties);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTIES]);
}

const char *
pacta_import_draft_get_date_signed (PactaImportDraft *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), NULL);
  return self->date_signed;
}

void
pacta_import_draft_set_date_signed (PactaImportDraft *self,
                                    const char       *iso_date)
{
  g_return_if_fail (PACTA_IS_IMPORT_DRAFT (self));
  set_string (self, &self->date_signed, iso_date, PROP_DATE_SIGNED);
}

const char *
pacta_import_draft_get_place_signed (PactaImportDraft *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), NULL);
  return self->place_signed;
}

void
pacta_import_draft_set_place_signed (PactaImportDraft *self,
                                     const char       *place)
{
  g_return_if_fail (PACTA_IS_IMPORT_DRAFT (self));
  set_string (self, &self->place_signed, place, PROP_PLACE_SIGNED);
}

/* The language of the agreement's text (metadata; see also the kept language). */
const char *
pacta_import_draft_get_language (PactaImportDraft *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), NULL);
  return self->language;
}

void
pacta_import_draft_set_language (PactaImportDraft *self,
                                 const char       *language)
{
  g_return_if_fail (PACTA_IS_IMPORT_DRAFT (self));
  set_string (self, &self->language, language, PROP_LANGUAGE);
}

PactaAgreementKind
pacta_import_draft_get_kind (PactaImportDraft *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), PACTA_AGREEMENT_KIND_UNKNOWN);
  return self->kind;
}

void
pacta_import_draft_set_kind (PactaImportDraft   *self,
                             PactaAgreementKind  kind)
{
  g_return_if_fail (PACTA_IS_IMPORT_DRAFT (self));
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

PactaAgreementStatus
pacta_import_draft_get_status (PactaImportDraft *self)
{
  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), PACTA_AGREEMENT_STATUS_UNKNOWN);
  return self->status;
}

void
pacta_import_draft_set_status (PactaImportDraft     *self,
                               PactaAgreementStatus  status)
{
  g_return_if_fail (PACTA_IS_IMPORT_DRAFT (self));
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/* Building the agreement ---------------------------------------------------------------- */

typedef struct
{
  PactaImportDraft *self;
  GHashTable       *eids;     /* taken */
} Builder;

static char *
unique_eid (Builder    *b,
            const char *base)
{
  char *eid = g_strdup (base);

  for (guint n = 2; g_hash_table_contains (b->eids, eid); n++)
    {
      g_free (eid);
      eid = g_strdup_printf ("%s_%u", base, n);
    }
  g_hash_table_add (b->eids, g_strdup (eid));
  return eid;
}

/* The label part of an eId: the number's value, or the letters and digits of the number
 * without its keyword ("(a)" → "a"). */
static char *
eid_label (PactaImportNode *node,
           guint            position)
{
  const char *num = pacta_import_node_get_num (node);
  int value = pacta_import_node_get_value (node);
  PactaImportNodeKind kind = pacta_import_node_get_kind (node);
  GString *label = g_string_new (NULL);

  if (kind == PACTA_IMPORT_NODE_POINT || kind == PACTA_IMPORT_NODE_SUBPOINT)
    {
      for (const char *p = num; p && *p; p++)
        if (g_ascii_isalnum (*p))
          g_string_append_c (label, g_ascii_tolower (*p));
    }
  else if (value >= 0)
    g_string_printf (label, "%d", value);
  else
    {
      /* Skip the keyword, keep the rest. */
      const char *p = num ? num : "";

      while (*p && !g_ascii_isspace (*p) && !g_ascii_isdigit (*p))
        p++;
      for (; *p; p++)
        if (g_ascii_isalnum (*p))
          g_string_append_c (label, g_ascii_tolower (*p));
    }
  if (label->len == 0)
    g_string_printf (label, "%u", position + 1);
  return g_string_free (label, FALSE);
}

static const char *
eid_prefix (PactaImportNodeKind kind)
{
  switch (kind)
    {
    case PACTA_IMPORT_NODE_PART: return "part";
    case PACTA_IMPORT_NODE_DIVISION: return "title";
    case PACTA_IMPORT_NODE_CHAPTER: return "chp";
    case PACTA_IMPORT_NODE_SECTION: return "sec";
    case PACTA_IMPORT_NODE_ARTICLE: return "art";
    case PACTA_IMPORT_NODE_PARAGRAPH: return "para";
    case PACTA_IMPORT_NODE_POINT:
    case PACTA_IMPORT_NODE_SUBPOINT: return "point";
    case PACTA_IMPORT_NODE_TITLE:
    case PACTA_IMPORT_NODE_PREAMBLE:
    case PACTA_IMPORT_NODE_CONCLUSIONS:
    case PACTA_IMPORT_NODE_ANNEX:
    default:
      return "hcontainer";
    }
}

static PactaProvision *
new_body_provision (PactaImportNodeKind kind)
{
  switch (kind)
    {
    case PACTA_IMPORT_NODE_PART: return pacta_provision_new (PACTA_PROVISION_KIND_PART, "part");
    case PACTA_IMPORT_NODE_DIVISION: return pacta_provision_new (PACTA_PROVISION_KIND_PART, "title");
    case PACTA_IMPORT_NODE_CHAPTER: return pacta_provision_new (PACTA_PROVISION_KIND_CHAPTER, "chapter");
    case PACTA_IMPORT_NODE_SECTION: return pacta_provision_new (PACTA_PROVISION_KIND_SECTION, "section");
    case PACTA_IMPORT_NODE_ARTICLE: return pacta_provision_new (PACTA_PROVISION_KIND_ARTICLE, "article");
    case PACTA_IMPORT_NODE_PARAGRAPH: return pacta_provision_new (PACTA_PROVISION_KIND_PARAGRAPH, "paragraph");
    case PACTA_IMPORT_NODE_POINT:
    case PACTA_IMPORT_NODE_SUBPOINT: return pacta_provision_new (PACTA_PROVISION_KIND_POINT, "point");
    case PACTA_IMPORT_NODE_TITLE:
    case PACTA_IMPORT_NODE_PREAMBLE:
    case PACTA_IMPORT_NODE_CONCLUSIONS:
    case PACTA_IMPORT_NODE_ANNEX:
    default:
      return pacta_provision_new (PACTA_PROVISION_KIND_CONTAINER, "hcontainer");
    }
}

static gboolean
is_point (PactaImportNodeKind kind)
{
  return kind == PACTA_IMPORT_NODE_POINT || kind == PACTA_IMPORT_NODE_SUBPOINT;
}

/* Appends @child under @parent; points go into a list, which takes the parent's own words
 * as its introduction when the list comes first. */
static void
append_child (Builder        *b,
              PactaProvision *parent,
              PactaProvision *child,
              gboolean        child_is_point)
{
  guint n = pacta_provision_get_n_children (parent);

  if (child_is_point)
    {
      PactaProvision *last = n > 0 ? pacta_provision_get_child (parent, n - 1) : NULL;
      PactaProvision *list;
      g_autofree char *eid = NULL;

      if (last != NULL && pacta_provision_get_kind (last) == PACTA_PROVISION_KIND_LIST)
        list = last;
      else
        {
          g_autofree char *base = NULL;
          g_autofree char *list_eid = NULL;
          guint lists = 0;

          for (guint i = 0; i < n; i++)
            lists += pacta_provision_get_kind (pacta_provision_get_child (parent, i)) == PACTA_PROVISION_KIND_LIST;
          list = pacta_provision_new (PACTA_PROVISION_KIND_LIST, "list");
          base = g_strdup_printf ("%s__list_%u", pacta_provision_get_eid (parent), lists + 1);
          list_eid = unique_eid (b, base);
          pacta_provision_set_eid (list, list_eid);
          if (n == 0 && pacta_provision_get_text (parent) != NULL)
            {
              pacta_provision_set_text (list, pacta_provision_get_text (parent));
              pacta_provision_set_text (parent, NULL);
            }
          pacta_provision_append (parent, list);
          g_object_unref (list);
        }
      {
        /* The point's eId hangs under its list. */
        g_autofree char *point_eid = g_strdup (pacta_provision_get_eid (child));
        const char *label = strstr (point_eid, "__point_");
        g_autofree char *base = g_strdup_printf ("%s%s", pacta_provision_get_eid (list), label ? label : "__point");

        g_hash_table_remove (b->eids, point_eid);
        eid = unique_eid (b, base);
        pacta_provision_set_eid (child, eid);
      }
      pacta_provision_append (list, child);
      return;
    }
  pacta_provision_append (parent, child);
}

static char *
attachment_xml (const char *num,
                const char *heading,
                const char *text,
                const char *eid)
{
  GString *xml = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  g_autofree char *escaped_eid = g_markup_escape_text (eid, -1);
  gboolean any = FALSE;

  if (num && heading)
    title = g_strdup_printf ("%s — %s", num, heading);
  else
    title = g_strdup (num ? num : heading ? heading : _("Annex"));
  g_string_append_printf (xml, "<attachment eId=\"%s\"><doc name=\"annex\"><preface><p class=\"title\"><docTitle>",
                          escaped_eid);
  {
    g_autofree char *escaped = g_markup_escape_text (title, -1);
    g_string_append (xml, escaped);
  }
  g_string_append (xml, "</docTitle></p></preface><mainBody>");
  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *escaped = NULL;

      if (lines[i][0] == '\0')
        continue;
      escaped = g_markup_escape_text (lines[i], -1);
      g_string_append_printf (xml, "<p>%s</p>", escaped);
      any = TRUE;
    }
  if (!any)
    g_string_append (xml, "<p/>");
  g_string_append (xml, "</mainBody></doc></attachment>");
  return g_string_free (xml, FALSE);
}

/* ISO 3166 codes of the parties where their names are known countries, user-assigned
 * codes (XA–XZ) otherwise; in the order of the parties. */
char **
pacta_import_draft_dup_party_codes (PactaImportDraft *self)
{
  g_autoptr(GPtrArray) taken = g_ptr_array_new_with_free_func (g_free);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **codes;

  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), NULL);

  for (guint i = 0; self->parties && self->parties[i]; i++)
    {
      g_autofree char *code = _pacta_import_party_code (self->parties[i], taken);
      g_strv_builder_add (builder, code);
    }
  codes = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return codes;
}

static void
add_parties (PactaImportDraft *self,
             PactaAgreement   *agreement)
{
  g_auto(GStrv) codes = pacta_import_draft_dup_party_codes (self);

  for (guint i = 0; self->parties && self->parties[i]; i++)
    {
      g_autoptr(PactaParty) party = pacta_party_new (codes[i], self->parties[i], "party");

      pacta_agreement_add_party (agreement, party);
    }
}

/* The agreement as detected and corrected, ready for pacta_akn_save_file(). */
PactaAgreement *
pacta_import_draft_build_agreement (PactaImportDraft *self)
{
  g_autoptr(PactaAgreement) agreement = NULL;
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();        /* PactaProvision*, borrowed */
  g_autoptr(GArray) stack_ranks = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) tail = g_ptr_array_new_with_free_func (g_object_unref); /* conclusions, annexes */
  g_autoptr(GHashTable) eids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Builder b = { self, eids };
  guint n, body_count = 0, annexes = 0;
  PactaProvision *conclusions = NULL;

  g_return_val_if_fail (PACTA_IS_IMPORT_DRAFT (self), NULL);

  agreement = pacta_agreement_new ();
  pacta_agreement_set_title (agreement, self->title);
  pacta_agreement_set_kind (agreement, self->kind != PACTA_AGREEMENT_KIND_UNKNOWN ? self->kind : PACTA_AGREEMENT_KIND_BLMA);
  pacta_agreement_set_status (agreement, self->status);
  if (self->status == PACTA_AGREEMENT_STATUS_DRAFT)
    pacta_agreement_set_document_type (agreement, "bill");
  pacta_agreement_set_language (agreement, self->language ? self->language : "en");
  pacta_agreement_set_date_signed (agreement, self->date_signed);
  pacta_agreement_set_place_signed (agreement, self->place_signed);
  add_parties (self, agreement);

  n = n_nodes (self);
  for (guint i = 0; i < n; i++)
    {
      PactaImportNode *node = node_at (self, i);
      PactaImportNodeKind kind = pacta_import_node_get_kind (node);
      g_autofree char *body = pacta_import_draft_dup_body (self, node);
      int r = rank (kind);

      if (r == 0)
        {
          g_ptr_array_set_size (stack, 0);
          g_array_set_size (stack_ranks, 0);
        }

      switch (kind)
        {
        case PACTA_IMPORT_NODE_TITLE:
          break;

        case PACTA_IMPORT_NODE_PREAMBLE:
          if (body[0] == '\0')
            break;
          if (body_count == 0 && pacta_agreement_count_kind (agreement, PACTA_PROVISION_KIND_PREAMBLE) == 0)
            {
              g_autoptr(PactaProvision) preamble = pacta_provision_new (PACTA_PROVISION_KIND_PREAMBLE, "preamble");

              pacta_provision_set_text (preamble, body);
              pacta_agreement_append_provision (agreement, preamble);
            }
          else
            {
              /* A preamble after the body began (the user made it so): keep its words. */
              g_autoptr(PactaProvision) container = pacta_provision_new (PACTA_PROVISION_KIND_CONTAINER, "hcontainer");
              g_autofree char *eid = unique_eid (&b, "hcontainer_1");

              pacta_provision_set_eid (container, eid);
              pacta_provision_set_text (container, body);
              pacta_agreement_append_provision (agreement, container);
              body_count++;
            }
          break;

        case PACTA_IMPORT_NODE_CONCLUSIONS:
          {
            g_autofree char *words = NULL;

            if (conclusions == NULL)
              {
                conclusions = pacta_provision_new (PACTA_PROVISION_KIND_CONCLUSIONS, "conclusions");
                g_ptr_array_insert (tail, 0, conclusions);
                words = g_strdup (body);
              }
            else
              words = g_strconcat (pacta_provision_get_text (conclusions), "\n", body, NULL);
            pacta_provision_set_text (conclusions, words);
          }
          break;

        case PACTA_IMPORT_NODE_ANNEX:
          {
            PactaProvision *annex = pacta_provision_new (PACTA_PROVISION_KIND_ATTACHMENT, "attachment");
            g_autofree char *base = g_strdup_printf ("att_%u", ++annexes);
            g_autofree char *eid = unique_eid (&b, base);
            g_autofree char *xml = attachment_xml (pacta_import_node_get_num (node),
                                                   pacta_import_node_get_heading (node), body, eid);

            pacta_provision_set_eid (annex, eid);
            pacta_provision_set_num (annex, pacta_import_node_get_num (node));
            pacta_provision_set_heading (annex, pacta_import_node_get_heading (node) ? pacta_import_node_get_heading (node)
                                                                                     : pacta_import_node_get_num (node));
            pacta_provision_set_text (annex, body);
            _pacta_provision_set_xml (annex, PACTA_PROVISION_XML_OPAQUE, xml);
            g_ptr_array_add (tail, annex);
          }
          break;

        case PACTA_IMPORT_NODE_PART:
        case PACTA_IMPORT_NODE_DIVISION:
        case PACTA_IMPORT_NODE_CHAPTER:
        case PACTA_IMPORT_NODE_SECTION:
        case PACTA_IMPORT_NODE_ARTICLE:
        case PACTA_IMPORT_NODE_PARAGRAPH:
        case PACTA_IMPORT_NODE_POINT:
        case PACTA_IMPORT_NODE_SUBPOINT:
        default:
          {
            PactaProvision *provision = new_body_provision (kind);
            PactaProvision *parent;
            g_autofree char *label = eid_label (node, i);
            g_autofree char *base = NULL;
            g_autofree char *eid = NULL;

            while (stack_ranks->len > 0 && g_array_index (stack_ranks, int, stack_ranks->len - 1) >= r)
              {
                g_ptr_array_set_size (stack, stack->len - 1);
                g_array_set_size (stack_ranks, stack_ranks->len - 1);
              }
            parent = stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;

            /* Articles are numbered through the agreement; everything else within its parent. */
            if (parent == NULL || kind == PACTA_IMPORT_NODE_ARTICLE)
              base = g_strdup_printf ("%s_%s", eid_prefix (kind), label);
            else
              base = g_strdup_printf ("%s__%s_%s", pacta_provision_get_eid (parent), eid_prefix (kind), label);
            eid = unique_eid (&b, base);
            pacta_provision_set_eid (provision, eid);
            pacta_provision_set_num (provision, pacta_import_node_get_num (node));
            pacta_provision_set_heading (provision, pacta_import_node_get_heading (node));
            if (body[0] != '\0')
              pacta_provision_set_text (provision, body);

            if (parent != NULL)
              append_child (&b, parent, provision, is_point (kind));
            else
              {
                pacta_agreement_append_provision (agreement, provision);
                body_count++;
              }
            g_ptr_array_add (stack, provision);
            g_array_append_val (stack_ranks, r);
            g_object_unref (provision);
          }
          break;
        }
    }

  if (body_count == 0)
    {
      /* Akoma Ntoso wants a body: when every boundary was merged away, an empty article. */
      g_autoptr(PactaProvision) article = pacta_provision_new (PACTA_PROVISION_KIND_ARTICLE, "article");

      pacta_provision_set_eid (article, "art_1");
      pacta_agreement_append_provision (agreement, article);
    }

  for (guint i = 0; i < tail->len; i++)
    pacta_agreement_append_provision (agreement, g_ptr_array_index (tail, i));

  return g_steal_pointer (&agreement);
}
