/* pacta-party.c — a party to an agreement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-party"

#include "config.h"

#include "pacta-party.h"

struct _PactaParty
{
  GObject  parent_instance;

  char    *code;  /* ISO 3166 alpha-2, upper case (XA–XZ for fictional states) */
  char    *name;
  char    *role;  /* "origin", "destination", "party" */
  char    *eid;   /* the TLCOrganization eId it is referenced by */
};

G_DEFINE_FINAL_TYPE (PactaParty, pacta_party, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_ROLE,
  PROP_EID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pacta_party_finalize (GObject *object)
{
  PactaParty *self = PACTA_PARTY (object);

  g_free (self->code);
  g_free (self->name);
  g_free (self->role);
  g_free (self->eid);

  G_OBJECT_CLASS (pacta_party_parent_class)->finalize (object);
}

static void
pacta_party_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PactaParty *self = PACTA_PARTY (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case PROP_EID:
      g_value_set_string (value, self->eid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_party_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PactaParty *self = PACTA_PARTY (object);

  switch (prop_id)
    {
    case PROP_CODE:
      self->code = g_ascii_strup (g_value_get_string (value) ? g_value_get_string (value) : "", -1);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_ROLE:
      self->role = g_value_dup_string (value);
      break;
    case PROP_EID:
      pacta_party_set_eid (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_party_class_init (PactaPartyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pacta_party_finalize;
  object_class->get_property = pacta_party_get_property;
  object_class->set_property = pacta_party_set_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, "party",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EID] =
    g_param_spec_string ("eid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pacta_party_init (PactaParty *self)
{
}

PactaParty *
pacta_party_new (const char *code,
                 const char *name,
                 const char *role)
{
  return g_object_new (PACTA_TYPE_PARTY,
                       "code", code,
                       "name", name ? name : code,
                       "role", role ? role : "party",
                       NULL);
}

const char *
pacta_party_get_code (PactaParty *self)
{
  g_return_val_if_fail (PACTA_IS_PARTY (self), NULL);
  return self->code;
}

const char *
pacta_party_get_name (PactaParty *self)
{
  g_return_val_if_fail (PACTA_IS_PARTY (self), NULL);
  return self->name;
}

const char *
pacta_party_get_role (PactaParty *self)
{
  g_return_val_if_fail (PACTA_IS_PARTY (self), NULL);
  return self->role;
}

const char *
pacta_party_get_eid (PactaParty *self)
{
  g_return_val_if_fail (PACTA_IS_PARTY (self), NULL);
  return self->eid;
}

void
pacta_party_set_eid (PactaParty *self,
                     const char *eid)
{
  g_return_if_fail (PACTA_IS_PARTY (self));

  if (g_strcmp0 (self->eid, eid) == 0)
    return;
  g_free (self->eid);
  self->eid = g_strdup (eid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EID]);
}
