/* pacta-agreement.c — one legal text with its metadata and tree of provisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-agreement"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "pacta-agreement-private.h"
#include "pacta-enums.h"

struct _PactaAgreement
{
  GObject               parent_instance;

  char                 *title;
  char                 *short_title;
  PactaAgreementKind    kind;
  PactaAgreementStatus  status;
  char                 *language;
  char                 *date_signed;
  char                 *place_signed;
  char                 *date_in_force;
  char                 *document_type;
  char                 *work_uri;
  char                 *path;

  GListStore           *parties;
  GListStore           *provisions;
  GHashTable           *by_eid;     /* eId → PactaProvision (borrowed), built on demand */

  char                 *xml[PACTA_AGREEMENT_N_XML];
  GPtrArray            *concepts;   /* eid, show_as, eid, show_as… */
};

G_DEFINE_FINAL_TYPE (PactaAgreement, pacta_agreement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SHORT_TITLE,
  PROP_DISPLAY_TITLE,
  PROP_KIND,
  PROP_STATUS,
  PROP_LANGUAGE,
  PROP_DATE_SIGNED,
  PROP_PLACE_SIGNED,
  PROP_DATE_IN_FORCE,
  PROP_YEAR,
  PROP_DOCUMENT_TYPE,
  PROP_WORK_URI,
  PROP_PATH,
  PROP_PARTIES,
  PROP_PROVISIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
forget_xml (PactaAgreement    *self,
            PactaAgreementXml  which)
{
  g_clear_pointer (&self->xml[which], g_free);
}

static void
pacta_agreement_dispose (GObject *object)
{
  PactaAgreement *self = PACTA_AGREEMENT (object);

  g_clear_pointer (&self->by_eid, g_hash_table_unref);
  g_clear_object (&self->parties);
  g_clear_object (&self->provisions);

  G_OBJECT_CLASS (pacta_agreement_parent_class)->dispose (object);
}

static void
pacta_agreement_finalize (GObject *object)
{
  PactaAgreement *self = PACTA_AGREEMENT (object);

  g_free (self->title);
  g_free (self->short_title);
  g_free (self->language);
  g_free (self->date_signed);
  g_free (self->place_signed);
  g_free (self->date_in_force);
  g_free (self->document_type);
  g_free (self->work_uri);
  g_free (self->path);
  for (guint i = 0; i < PACTA_AGREEMENT_N_XML; i++)
    g_free (self->xml[i]);
  g_clear_pointer (&self->concepts, g_ptr_array_unref);

  G_OBJECT_CLASS (pacta_agreement_parent_class)->finalize (object);
}

static void
pacta_agreement_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PactaAgreement *self = PACTA_AGREEMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SHORT_TITLE:
      g_value_set_string (value, self->short_title);
      break;
    case PROP_DISPLAY_TITLE:
      g_value_set_string (value, pacta_agreement_get_display_title (self));
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_DATE_SIGNED:
      g_value_set_string (value, self->date_signed);
      break;
    case PROP_PLACE_SIGNED:
      g_value_set_string (value, self->place_signed);
      break;
    case PROP_DATE_IN_FORCE:
      g_value_set_string (value, self->date_in_force);
      break;
    case PROP_YEAR:
      g_value_set_int (value, pacta_agreement_get_year (self));
      break;
    case PROP_DOCUMENT_TYPE:
      g_value_set_string (value, self->document_type);
      break;
    case PROP_WORK_URI:
      g_value_set_string (value, self->work_uri);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_PARTIES:
      g_value_set_object (value, self->parties);
      break;
    case PROP_PROVISIONS:
      g_value_set_object (value, self->provisions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_agreement_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PactaAgreement *self = PACTA_AGREEMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      pacta_agreement_set_title (self, g_value_get_string (value));
      break;
    case PROP_SHORT_TITLE:
      pacta_agreement_set_short_title (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      pacta_agreement_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_STATUS:
      pacta_agreement_set_status (self, g_value_get_enum (value));
      break;
    case PROP_LANGUAGE:
      pacta_agreement_set_language (self, g_value_get_string (value));
      break;
    case PROP_DATE_SIGNED:
      pacta_agreement_set_date_signed (self, g_value_get_string (value));
      break;
    case PROP_PLACE_SIGNED:
      pacta_agreement_set_place_signed (self, g_value_get_string (value));
      break;
    case PROP_DATE_IN_FORCE:
      pacta_agreement_set_date_in_force (self, g_value_get_string (value));
      break;
    case PROP_DOCUMENT_TYPE:
      pacta_agreement_set_document_type (self, g_value_get_string (value));
      break;
    case PROP_WORK_URI:
      pacta_agreement_set_work_uri (self, g_value_get_string (value));
      break;
    case PROP_PATH:
      pacta_agreement_set_path (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_pspec (const char *name,
              gboolean    writable)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              (writable ? G_PARAM_READWRITE : G_PARAM_READABLE) |
                              G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
pacta_agreement_class_init (PactaAgreementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pacta_agreement_dispose;
  object_class->finalize = pacta_agreement_finalize;
  object_class->get_property = pacta_agreement_get_property;
  object_class->set_property = pacta_agreement_set_property;

  properties[PROP_TITLE] = string_pspec ("title", TRUE);
  properties[PROP_SHORT_TITLE] = string_pspec ("short-title", TRUE);
  properties[PROP_DISPLAY_TITLE] = string_pspec ("display-title", FALSE);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, PACTA_TYPE_AGREEMENT_KIND, PACTA_AGREEMENT_KIND_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, PACTA_TYPE_AGREEMENT_STATUS, PACTA_AGREEMENT_STATUS_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] = string_pspec ("language", TRUE);
  properties[PROP_DATE_SIGNED] = string_pspec ("date-signed", TRUE);
  properties[PROP_PLACE_SIGNED] = string_pspec ("place-signed", TRUE);
  properties[PROP_DATE_IN_FORCE] = string_pspec ("date-in-force", TRUE);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, 9999, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT_TYPE] = string_pspec ("document-type", TRUE);
  properties[PROP_WORK_URI] = string_pspec ("work-uri", TRUE);
  properties[PROP_PATH] = string_pspec ("path", TRUE);
  properties[PROP_PARTIES] =
    g_param_spec_object ("parties", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROVISIONS] =
    g_param_spec_object ("provisions", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pacta_agreement_init (PactaAgreement *self)
{
  self->parties = g_list_store_new (PACTA_TYPE_PARTY);
  self->provisions = g_list_store_new (PACTA_TYPE_PROVISION);
  self->concepts = g_ptr_array_new_with_free_func (g_free);
  self->document_type = g_strdup ("act");
  self->language = g_strdup ("en");
}

PactaAgreement *
pacta_agreement_new (void)
{
  return g_object_new (PACTA_TYPE_AGREEMENT, NULL);
}

static gboolean
update_string (PactaAgreement *self,
               char          **field,
               const char     *value,
               int             prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

const char *
pacta_agreement_get_title (PactaAgreement *self)
{
  g_return_val_if_fail (PACTA_IS_AGREEMENT (self), NULL);
  return self->title;
}

void
pacta_agreement_set_title (PactaAgreement *self,
                           const char     *title)
{
  g_return_if_fail (PACTA_IS_AGREEMENT (self));
  if (update_string (self, &self->title, title, PROP_TITLE))
    {
      forget_xml (self, PACTA_AGREEMENT_XML_PREFACE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_TITLE]);
    }
}

const char *
pacta_agreement_get_short_title (PactaAgreement *self)
{
  g_return_val_if_fail (PACTA_IS_AGREEMENT (self), NULL);
  return self->short_title;
}

void
pacta_agreement_set_short_title (PactaAgreement *self,
                                 const char     *short_title)
{
  g_return_if_fail (PACTA_IS_AGREEMENT (self));
  if (update_string (self, &self->short_title, short_title, PROP_SHORT_TITLE))
    {
      forget_xml (self, PACTA_AGREEMENT_XML_PROPRIETARY);
      forget_xml (self, PACTA_AGREEMENT_XML_IDENTIFICATION);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_TITLE]);
    }
}

/* The name to show in lists and title bars: the short title, else the full title,
 * else the file name. */
const char *
pacta_agreement_get_display_title (PactaAgreement *self)
{
  g_return_val_if_fail (PACTA_IS_AGREEMENT (self), NULL);

  if (self->short_title && self->short_title[0])
    return self->short_title;
  if (self->title && self->title[0])
    return self->title;
  if (self->path)
    return self->path;
  return _("Untitled agreement");
}

PactaAgreementKind
pacta_agreement_get_kind (PactaAgreement *self)
{
  g_return_val_if_fail (PACTA_IS_AGREEMENT (self), PACTA_AGREEMENT_KIND_UNKNOWN);
  return self->kind;
}

void
pacta_agreement_set_kind (PactaAgreement     *self,
                          PactaAgreementKind  kind)
{
  g_return_if_fail (PACTA_IS_AGREEMENT (self));
  if (self->kind == kind)
    return;
  self->kind = kind;
  forget_xml (self, PACTA_AGREEMENT_XML_PROPRIETARY);
  forget_xml (self, PACTA_AGREEMENT_XML_IDENTIFICATION);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

PactaAgreementStatus
pacta_agreement_get_status (PactaAgreement *self)
{
  g_return_val_if_fail (PACTA_IS_AGREEMENT (self), PACTA_AGREEMENT_STATUS_UNKNOWN);
  return self->status;
}

void
pacta_agreement_set_status (PactaAgreement       *self,
                            PactaAgreementStatus  status)
{
  g_return_if_fail (PACTA_IS_AGREEMENT (self));
  if (self->status == status)
    return;
  self->status = status;
  forget_xml (self, PACTA_AGREEMENT_XML_PROPRIETARY);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/* ISO 639-1 code of the text's language ("en", "fr", "es"). */
const char *
pacta_agreement_get_language (PactaAgreement *self)
{
  g_return_val_if_fail (PACTA_IS_AGREEMENT (self), NULL);
  return self->language;
}

void
pacta_agreement_set_language (PactaAgreement *self,
                              const char     *language)
{
  g_return_if_fail (PACTA_IS_AGREEMENT (self));
  if (update_string (self, &self->language, language, PROP_LANGUAGE))
    {
      forget_xml (self, PACTA_AGREEMENT_XML_PROPRIETARY);
      forget_xml (self, PACTA_AGREEMENT_XML_IDENTIFICATION);
    }
}

const char *
pacta_agreement_get_date_signed (PactaAgreement *self)
{
  g_return_val_if_fail (PACTA_IS_AGREEMENT (self), NULL);
  return self->date_signed;
}

void
pacta_agreement_set_date_signed (PactaAgreement *self,
                                 const char     *iso_date)
{
  g_return_if_fail (PACTA_IS_AGREEMENT (self));
  if (update_string (self, &self->date_signed, iso_date, PROP_DATE_SIGNED))
    {
      forget_xml (self, PACTA_AGREEMENT_XML_PROPRIETARY);
      forget_xml (self, PACTA_AGREEMENT_XML_LIFECYCLE);
      forget_xml (self, PACTA_AGREEMENT_XML_IDENTIFICATION);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
    }
}

const char *
pacta_agreement_get_place_signed (PactaAgreement *self)
{
  g_return_val_if_fail (PACTA_IS_AGREEMENT (self), NULL);
  return self->place_signed;
}

void
pacta_agreement_set_place_signed (PactaAgreement *self,
                                  const char     *place)
{
  g_return_if_fail (PACTA_IS_AGREEMENT (self));
  if (update_string (self, &self->place_signed, place, PROP_PLACE_SIGNED))
    forget_xml (self, PACTA_AGREEMENT_XML_PROPRIETARY);
}

const char *
pacta_agreement_get_date_in_force (PactaAgreement *self)
{
  g_return_val_if_fail (PACTA_IS_AGREEMENT (self), NULL);
  return self->date_in_force;
}

void
pacta_agreement_set_date_in_force (PactaAgreement *self,
                                   const char     *iso_date)
{
  g_return_if_fail (PACTA_IS_AGREEMENT (self));
  if (update_string (self, &self->date_in_force, iso_date, PROP_DATE_IN_FORCE))
    {
      forget_xml (self, PACTA_AGREEMENT_XML_PROPRIETARY);
      forget_xml (self, PACTA_AGREEMENT_XML_LIFECYCLE);
    }
}

/* The year of signature, or of the draft's date; 0 when unknown. */
int
pacta_agreement_get_year (PactaAgreement *self)
{
  g_return_val_if_fail (PACTA_IS_AGREEMENT (self), 0);

  if (self->date_signed && g_ascii_isdigit (self->date_signed[0]))
    return (int) strtol (self->date_signed, NULL, 10);
  return 0;
}

/* "act" for a signed text, "bill" for a draft, or the element of another document type. */
const char *
pacta_agreement_get_document_type (PactaAgreement *self)
{
  g_return_val_if_fail (PACTA_IS_AGREEMENT (self), NULL);
  return self->document_type;
}

void
pacta_agreement_set_document_type (PactaAgreement *self,
                                   const char     *type)
{
  g_return_if_fail (PACTA_IS_AGREEMENT (self));
  update_string (self, &self->document_type, type, PROP_DOCUMENT_TYPE);
}

/* The FRBR work URI, the agreement's identity across versions and files. */
const char *
pacta_agreement_get_work_uri (PactaAgreement *self)
{
  g_return_val_if_fail (PACTA_IS_AGREEMENT (self), NULL);
  return self->work_uri;
}

void
pacta_agreement_set_work_uri (PactaAgreement *self,
                              const char     *uri)
{
  g_return_if_fail (PACTA_IS_AGREEMENT (self));
  if (update_string (self, &self->work_uri, uri, PROP_WORK_URI))
    forget_xml (self, PACTA_AGREEMENT_XML_IDENTIFICATION);
}

const char *
pacta_agreement_get_path (PactaAgreement *self)
{
  g_return_val_if_fail (PACTA_IS_AGREEMENT (self), NULL);
  return self->path;
}

void
pacta_agreement_set_path (PactaAgreement *self,
                          const char     *path)
{
  g_return_if_fail (PACTA_IS_AGREEMENT (self));
  if (update_string (self, &self->path, path, PROP_PATH))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_TITLE]);
}

/* Returns: (transfer none): a list model of PactaParty */
GListModel *
pacta_agreement_get_parties (PactaAgreement *self)
{
  g_return_val_if_fail (PACTA_IS_AGREEMENT (self), NULL);
  return G_LIST_MODEL (self->parties);
}

void
pacta_agreement_add_party (PactaAgreement *self,
                           PactaParty     *party)
{
  g_return_if_fail (PACTA_IS_AGREEMENT (self));
  g_return_if_fail (PACTA_IS_PARTY (party));

  g_list_store_append (self->parties, party);
  forget_xml (self, PACTA_AGREEMENT_XML_PROPRIETARY);
  forget_xml (self, PACTA_AGREEMENT_XML_REFERENCES);
}

/* "XA–XB" style label of the parties' codes. */
char *
pacta_agreement_dup_parties_label (PactaAgreement *self)
{
  GString *out = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (PACTA_IS_AGREEMENT (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->parties));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaParty) party = g_list_model_get_item (G_LIST_MODEL (self->parties), i);

      if (i > 0)
        g_string_append (out, "–");
      g_string_append (out, pacta_party_get_code (party));
    }
  return g_string_free (out, FALSE);
}

/* Returns: (transfer none): the top-level provisions (preamble, body, conclusions, annexes) */
GListModel *
pacta_agreement_get_provisions (PactaAgreement *self)
{
  g_return_val_if_fail (PACTA_IS_AGREEMENT (self), NULL);
  return G_LIST_MODEL (self->provisions);
}

void
pacta_agreement_append_provision (PactaAgreement *self,
                                  PactaProvision *provision)
{
  g_return_if_fail (PACTA_IS_AGREEMENT (self));
  g_return_if_fail (PACTA_IS_PROVISION (provision));

  g_clear_pointer (&self->by_eid, g_hash_table_unref);
  g_list_store_append (self->provisions, provision);
}

static void
index_provision (GHashTable     *table,
                 PactaProvision *provision)
{
  const char *eid = pacta_provision_get_eid (provision);
  guint n = pacta_provision_get_n_children (provision);

  /* The first holder of a duplicated eId wins, as in document order. */
  if (eid != NULL && !g_hash_table_contains (table, eid))
    g_hash_table_insert (table, (gpointer) eid, provision);
  for (guint i = 0; i < n; i++)
    index_provision (table, pacta_provision_get_child (provision, i));
}

/* Returns: (transfer none) (nullable) */
PactaProvision *
pacta_agreement_lookup_eid (PactaAgreement *self,
                            const char     *eid)
{
  g_return_val_if_fail (PACTA_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (eid != NULL, NULL);

  if (self->by_eid == NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->provisions));

      self->by_eid = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PactaProvision) top = g_list_model_get_item (G_LIST_MODEL (self->provisions), i);
          index_provision (self->by_eid, top);
        }
    }
  return g_hash_table_lookup (self->by_eid, eid);
}

static void
collect_kind (PactaProvision     *provision,
              PactaProvisionKind  kind,
              GPtrArray          *out)
{
  guint n = pacta_provision_get_n_children (provision);

  if (pacta_provision_get_kind (provision) == kind)
    {
      g_ptr_array_add (out, g_object_ref (provision));
      return;
    }
  for (guint i = 0; i < n; i++)
    collect_kind (pacta_provision_get_child (provision, i), kind, out);
}

static void
collect_articles (PactaProvision *provision,
                  GPtrArray      *out)
{
  guint n;

  if (pacta_provision_is_article_level (provision))
    {
      g_ptr_array_add (out, g_object_ref (provision));
      return;
    }
  n = pacta_provision_get_n_children (provision);
  for (guint i = 0; i < n; i++)
    collect_articles (pacta_provision_get_child (provision, i), out);
}

/* Returns: (transfer full): the article-level provisions in document order
 * (see pacta_provision_is_article_level()) */
GPtrArray *
pacta_agreement_collect_articles (PactaAgreement *self)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (PACTA_IS_AGREEMENT (self), out);

  /* A text with articles is cited by its articles, whatever other containers it has;
   * only texts without any fall back to sections or generic containers. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->provisions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaProvision) top = g_list_model_get_item (G_LIST_MODEL (self->provisions), i);
      collect_kind (top, PACTA_PROVISION_KIND_ARTICLE, out);
    }
  if (out->len > 0)
    return out;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaProvision) top = g_list_model_get_item (G_LIST_MODEL (self->provisions), i);
      collect_articles (top, out);
    }
  return out;
}

static guint
count_kind (PactaProvision     *provision,
            PactaProvisionKind  kind)
{
  guint count = pacta_provision_get_kind (provision) == kind ? 1 : 0;
  guint n = pacta_provision_get_n_children (provision);

  for (guint i = 0; i < n; i++)
    count += count_kind (pacta_provision_get_child (provision, i), kind);
  return count;
}

guint
pacta_agreement_count_kind (PactaAgreement     *self,
                            PactaProvisionKind  kind)
{
  guint count = 0;
  guint n;

  g_return_val_if_fail (PACTA_IS_AGREEMENT (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->provisions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaProvision) top = g_list_model_get_item (G_LIST_MODEL (self->provisions), i);
      count += count_kind (top, kind);
    }
  return count;
}

const char *
_pacta_agreement_get_xml (PactaAgreement    *self,
                          PactaAgreementXml  which)
{
  g_return_val_if_fail (PACTA_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (which < PACTA_AGREEMENT_N_XML, NULL);
  return self->xml[which];
}

void
_pacta_agreement_set_xml (PactaAgreement    *self,
                          PactaAgreementXml  which,
                          const char        *xml)
{
  g_return_if_fail (PACTA_IS_AGREEMENT (self));
  g_return_if_fail (which < PACTA_AGREEMENT_N_XML);

  g_free (self->xml[which]);
  self->xml[which] = g_strdup (xml);
}

void
_pacta_agreement_add_concept (PactaAgreement *self,
                              const char     *eid,
                              const char     *show_as)
{
  g_return_if_fail (PACTA_IS_AGREEMENT (self));
  g_return_if_fail (eid != NULL);

  for (guint i = 0; i + 1 < self->concepts->len; i += 2)
    if (g_str_equal (g_ptr_array_index (self->concepts, i), eid))
      return;
  g_ptr_array_add (self->concepts, g_strdup (eid));
  g_ptr_array_add (self->concepts, g_strdup (show_as ? show_as : eid));
}

GPtrArray *
_pacta_agreement_get_concepts (PactaAgreement *self)
{
  g_return_val_if_fail (PACTA_IS_AGREEMENT (self), NULL);
  return self->concepts;
}
