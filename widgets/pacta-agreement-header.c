/* pacta-agreement-header.c — an agreement's metadata above its text, collapsible
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-agreement-header"

#include "config.h"

#include <glib/gi18n.h>

#include "pacta-agreement-header.h"

struct _PactaAgreementHeader
{
  AdwBin            parent_instance;

  /* Template widgets */
  GtkLabel         *eyebrow_label;
  GtkLabel         *status_label;
  GtkLabel         *title_label;
  GtkLabel         *summary_label;
  GtkToggleButton  *details_button;
  AdwButtonContent *details_content;
  GtkRevealer      *details_revealer;
  GtkLabel         *parties_value;
  GtkWidget        *signed_key;
  GtkLabel         *signed_value;
  GtkWidget        *in_force_key;
  GtkLabel         *in_force_value;
  GtkWidget        *language_key;
  GtkLabel         *language_value;
  GtkWidget        *file_key;
  GtkLabel         *file_value;

  /* Owned references */
  PactaAgreement   *agreement;
};

G_DEFINE_FINAL_TYPE (PactaAgreementHeader, pacta_agreement_header, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_AGREEMENT,
  PROP_EXPANDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
has_text (const char *s)
{
  return s != NULL && s[0] != '\0';
}

/* "14 May 2019" for "2019-05-14"; the input itself when it is not a full date. */
char *
pacta_format_date (const char *iso_date)
{
  int year = 0, month = 0, day = 0;
  g_autoptr(GDateTime) date = NULL;

  if (!has_text (iso_date))
    return NULL;
  if (sscanf (iso_date, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      (date = g_date_time_new_utc (year, month, day, 0, 0, 0)) == NULL)
    return g_strdup (iso_date);
  /* Translators: a date as in "14 May 2019"; see g_date_time_format() */
  return g_date_time_format (date, _("%-d %B %Y"));
}

/* The name of a language given as an ISO 639 code, or the code when it is not known. */
const char *
pacta_language_name (const char *code)
{
  static const struct { const char *codes[3]; const char *name; } languages[] = {
    { { "en", "eng", NULL }, N_("English") },
    { { "fr", "fra", "fre" }, N_("French") },
    { { "es", "spa", NULL }, N_("Spanish") },
    { { "ar", "ara", NULL }, N_("Arabic") },
    { { "pt", "por", NULL }, N_("Portuguese") },
    { { "de", "deu", "ger" }, N_("German") },
    { { "ru", "rus", NULL }, N_("Russian") },
    { { "zh", "zho", "chi" }, N_("Chinese") },
  };

  if (!has_text (code))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    for (guint j = 0; j < G_N_ELEMENTS (languages[i].codes) && languages[i].codes[j]; j++)
      if (g_ascii_strcasecmp (code, languages[i].codes[j]) == 0)
        return _(languages[i].name);
  return code;
}

static void
set_row (GtkWidget  *key,
         GtkLabel   *value,
         const char *text)
{
  gtk_widget_set_visible (key, has_text (text));
  gtk_widget_set_visible (GTK_WIDGET (value), has_text (text));
  gtk_label_set_label (value, text ? text : "");
}

static void
update_header (PactaAgreementHeader *self)
{
  PactaAgreement *a = self->agreement;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GString) parties = g_string_new (NULL);
  g_autofree char *signed_text = NULL;
  g_autofree char *in_force = NULL;
  g_autofree char *eyebrow = NULL;
  g_autofree char *language = NULL;
  GListModel *party_list;
  PactaAgreementStatus status;
  const char *status_classes[] = { NULL, "status-draft", "status-signed", "status-in-force", "status-terminated" };

  if (a == NULL)
    return;

  status = pacta_agreement_get_status (a);
  eyebrow = g_utf8_strup (pacta_agreement_kind_to_label (pacta_agreement_get_kind (a)), -1);
  gtk_label_set_label (self->eyebrow_label, eyebrow);

  for (guint i = 1; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != PACTA_AGREEMENT_STATUS_UNKNOWN);
  gtk_label_set_label (self->status_label, pacta_agreement_status_to_label (status));
  if (status < G_N_ELEMENTS (status_classes) && status_classes[status] != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_classes[status]);

  gtk_label_set_label (self->title_label,
                       has_text (pacta_agreement_get_title (a)) ? pacta_agreement_get_title (a)
                                                                : pacta_agreement_get_display_title (a));

  /* Parties: "XA Republic of Aldoria · XB Kingdom of Belmont" in the summary, with roles below */
  party_list = pacta_agreement_get_parties (a);
  for (guint i = 0; i < g_list_model_get_n_items (party_list); i++)
    {
      g_autoptr(PactaParty) party = g_list_model_get_item (party_list, i);
      const char *code = pacta_party_get_code (party);
      const char *name = pacta_party_get_name (party);
      const char *role = pacta_party_get_role (party);

      if (summary->len > 0)
        g_string_append (summary, " · ");
      g_string_append_printf (summary, "%s%s%s", has_text (code) ? code : "", has_text (code) && has_text (name) ? " " : "",
                              has_text (name) ? name : "");

      if (parties->len > 0)
        g_string_append_c (parties, '\n');
      g_string_append_printf (parties, "%s%s%s", has_text (code) ? code : "", has_text (code) && has_text (name) ? " — " : "",
                              has_text (name) ? name : "");
      if (has_text (role))
        g_string_append_printf (parties, " (%s)", role);
    }

  if (has_text (pacta_agreement_get_date_signed (a)))
    {
      g_autofree char *date = pacta_format_date (pacta_agreement_get_date_signed (a));

      if (has_text (pacta_agreement_get_place_signed (a)))
        /* Translators: a date, then a place: "14 May 2019, Port Aldor" */
        signed_text = g_strdup_printf (_("%s, %s"), date, pacta_agreement_get_place_signed (a));
      else
        signed_text = g_steal_pointer (&date);
    }
  in_force = pacta_format_date (pacta_agreement_get_date_in_force (a));

  if (signed_text != NULL)
    {
      if (summary->len > 0)
        g_string_append (summary, " — ");
      /* Translators: %s is a date and place, "14 May 2019, Port Aldor" */
      g_string_append_printf (summary, _("signed %s"), signed_text);
    }
  gtk_label_set_label (self->summary_label, summary->str);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary->len > 0);

  gtk_label_set_label (self->parties_value, parties->len > 0 ? parties->str : _("Not stated"));
  set_row (self->signed_key, self->signed_value, signed_text);
  set_row (self->in_force_key, self->in_force_value, in_force);

  if (has_text (pacta_agreement_get_language (a)))
    language = g_strdup_printf ("%s (%s)", pacta_language_name (pacta_agreement_get_language (a)),
                                pacta_agreement_get_language (a));
  set_row (self->language_key, self->language_value, language);
  set_row (self->file_key, self->file_value, pacta_agreement_get_path (a));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->file_value), pacta_agreement_get_path (a));
}

static void
details_toggled_cb (PactaAgreementHeader *self,
                    GtkToggleButton      *button)
{
  gboolean active = gtk_toggle_button_get_active (button);

  adw_button_content_set_icon_name (self->details_content, active ? "pan-up-symbolic" : "pan-down-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (button),
                               active ? _("Hide Parties, Dates and Source") : _("Show Parties, Dates and Source"));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPANDED]);
}

static void
pacta_agreement_header_dispose (GObject *object)
{
  PactaAgreementHeader *self = PACTA_AGREEMENT_HEADER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PACTA_TYPE_AGREEMENT_HEADER);
  g_clear_object (&self->agreement);

  G_OBJECT_CLASS (pacta_agreement_header_parent_class)->dispose (object);
}

static void
pacta_agreement_header_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PactaAgreementHeader *self = PACTA_AGREEMENT_HEADER (object);

  switch (prop_id)
    {
    case PROP_AGREEMENT:
      g_value_set_object (value, self->agreement);
      break;
    case PROP_EXPANDED:
      g_value_set_boolean (value, pacta_agreement_header_get_expanded (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_agreement_header_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PactaAgreementHeader *self = PACTA_AGREEMENT_HEADER (object);

  switch (prop_id)
    {
    case PROP_AGREEMENT:
      pacta_agreement_header_set_agreement (self, g_value_get_object (value));
      break;
    case PROP_EXPANDED:
      pacta_agreement_header_set_expanded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_agreement_header_class_init (PactaAgreementHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacta_agreement_header_dispose;
  object_class->get_property = pacta_agreement_header_get_property;
  object_class->set_property = pacta_agreement_header_set_property;

  properties[PROP_AGREEMENT] =
    g_param_spec_object ("agreement", NULL, NULL,
                         PACTA_TYPE_AGREEMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPANDED] =
    g_param_spec_boolean ("expanded", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacta/Pacta/ui/pacta-agreement-header.ui");
  gtk_widget_class_bind_template_child (widget_class, PactaAgreementHeader, eyebrow_label);
  gtk_widget_class_bind_template_child (widget_class, PactaAgreementHeader, status_label);
  gtk_widget_class_bind_template_child (widget_class, PactaAgreementHeader, title_label);
  gtk_widget_class_bind_template_child (widget_class, PactaAgreementHeader, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PactaAgreementHeader, details_button);
  gtk_widget_class_bind_template_child (widget_class, PactaAgreementHeader, details_content);
  gtk_widget_class_bind_template_child (widget_class, PactaAgreementHeader, details_revealer);
  gtk_widget_class_bind_template_child (widget_class, PactaAgreementHeader, parties_value);
  gtk_widget_class_bind_template_child (widget_class, PactaAgreementHeader, signed_key);
  gtk_widget_class_bind_template_child (widget_class, PactaAgreementHeader, signed_value);
  gtk_widget_class_bind_template_child (widget_class, PactaAgreementHeader, in_force_key);
  gtk_widget_class_bind_template_child (widget_class, PactaAgreementHeader, in_force_value);
  gtk_widget_class_bind_template_child (widget_class, PactaAgreementHeader, language_key);
  gtk_widget_class_bind_template_child (widget_class, PactaAgreementHeader, language_value);
  gtk_widget_class_bind_template_child (widget_class, PactaAgreementHeader, file_key);
  gtk_widget_class_bind_template_child (widget_class, PactaAgreementHeader, file_value);
  gtk_widget_class_bind_template_callback (widget_class, details_toggled_cb);
}

static void
pacta_agreement_header_init (PactaAgreementHeader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pacta_agreement_header_new (void)
{
  return g_object_new (PACTA_TYPE_AGREEMENT_HEADER, NULL);
}

/* Returns: (transfer none) (nullable) */
PactaAgreement *
pacta_agreement_header_get_agreement (PactaAgreementHeader *self)
{
  g_return_val_if_fail (PACTA_IS_AGREEMENT_HEADER (self), NULL);
  return self->agreement;
}

void
pacta_agreement_header_set_agreement (PactaAgreementHeader *self,
                                      PactaAgreement       *agreement)
{
  g_return_if_fail (PACTA_IS_AGREEMENT_HEADER (self));
  g_return_if_fail (agreement == NULL || PACTA_IS_AGREEMENT (agreement));

  if (!g_set_object (&self->agreement, agreement))
    return;
  update_header (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREEMENT]);
}

/* Whether the details (parties with roles, dates, language, file) are shown. */
gboolean
pacta_agreement_header_get_expanded (PactaAgreementHeader *self)
{
  g_return_val_if_fail (PACTA_IS_AGREEMENT_HEADER (self), FALSE);
  return gtk_toggle_button_get_active (self->details_button);
}

void
pacta_agreement_header_set_expanded (PactaAgreementHeader *self,
                                     gboolean              expanded)
{
  g_return_if_fail (PACTA_IS_AGREEMENT_HEADER (self));

  /* notifies through details_toggled_cb() when it changes */
  gtk_toggle_button_set_active (self->details_button, !!expanded);
}
