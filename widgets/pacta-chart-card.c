/* pacta-chart-card.c — a card of the Charts view: title, one-line reading, the chart, export
 *
 * The reading is the chart's own ("Missing in 3 of 4 agreements: Certificate of coverage").
 * Under the chart, the figures of the element the keyboard has reached. Export writes the
 * chart with its own title and subtitle at its natural size, in the light palette (high
 * contrast when that style is on), since exports go into documents and slides.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-chart-card"

#include "config.h"

#include <glib/gi18n.h>

#include "pacta-chart-card.h"

struct _PactaChartCard
{
  AdwBin                parent_instance;

  /* Template widgets */
  GtkLabel             *title_label;
  GtkLabel             *reading_label;
  GtkLabel             *subtitle_label;
  GtkBox               *controls_box;
  GtkMenuButton        *export_button;
  PactaChartArea       *area;
  GtkLabel             *figures_label;

  /* Owned references */
  char                 *title;
  char                 *reading;
  char                 *file_name;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (PactaChartCard, pacta_chart_card, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

enum {
  OPEN_ITEM,
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_reading (PactaChartCard *self)
{
  PactaChart *chart = pacta_chart_area_get_chart (self->area);
  g_autofree char *reading = chart ? pacta_chart_dup_reading (chart) : NULL;

  if (g_strcmp0 (self->reading, reading) == 0)
    return;
  g_free (self->reading);
  self->reading = g_steal_pointer (&reading);
  gtk_label_set_text (self->reading_label, self->reading ? self->reading : "");
}

static void
figures_changed_cb (PactaChartCard *self)
{
  const char *figures = pacta_chart_area_get_figures (self->area);

  gtk_label_set_text (self->figures_label, figures ? figures : "");
  gtk_widget_set_visible (GTK_WIDGET (self->figures_label), figures != NULL);
}

static void
area_open_item_cb (PactaChartCard *self,
                   PactaAgreement *agreement,
                   const char     *guideline_id,
                   const char     *slug)
{
  g_signal_emit (self, signals[OPEN_ITEM], 0, agreement, guideline_id, slug);
}

/* ---- Export ----------------------------------------------------------------------------- */

static void
error_response_cb (AdwMessageDialog *dialog,
                   const char       *response)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
show_export_error (PactaChartCard *self,
                   const GError   *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Could Not Export the Chart"), error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect (dialog, "response", G_CALLBACK (error_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chooser_response_cb (PactaChartCard       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        {
          g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Charts can only be exported to files on this computer."));
          show_export_error (self, error);
        }
      else if (!pacta_chart_card_export (self, path, &error))
        show_export_error (self, error);
      else
        {
          g_autofree char *basename = g_path_get_basename (path);
          /* Translators: %s is a file name */
          AdwToast *toast = adw_toast_new_format (_("Chart saved as “%s”"), basename);

          g_signal_emit (self, signals[ADD_TOAST], 0, toast);
        }
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PactaChartCard *self = PACTA_CHART_CARD (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;
  g_autofree char *pattern = NULL;
  GtkFileFilter *filter;

  if (pacta_chart_area_get_chart (self->area) == NULL)
    return;
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  /* Kept alive until "response", where it is destroyed. */
  self->chooser = gtk_file_chooser_native_new (_("Export Chart"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  name = g_strdup_printf ("%s.%s", self->file_name ? self->file_name : "chart", format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  filter = gtk_file_filter_new ();
  pattern = g_strdup_printf ("*.%s", format);
  if (g_str_equal (format, "svg"))
    {
      gtk_file_filter_set_name (filter, _("SVG drawings"));
      gtk_file_filter_add_mime_type (filter, "image/svg+xml");
    }
  else if (g_str_equal (format, "pdf"))
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("PNG images"));
      gtk_file_filter_add_mime_type (filter, "image/png");
    }
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_unref (filter);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- GObject ---------------------------------------------------------------------------- */

static void
pacta_chart_card_dispose (GObject *object)
{
  PactaChartCard *self = PACTA_CHART_CARD (object);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), PACTA_TYPE_CHART_CARD);

  G_OBJECT_CLASS (pacta_chart_card_parent_class)->dispose (object);
}

static void
pacta_chart_card_finalize (GObject *object)
{
  PactaChartCard *self = PACTA_CHART_CARD (object);

  g_free (self->title);
  g_free (self->reading);
  g_free (self->file_name);

  G_OBJECT_CLASS (pacta_chart_card_parent_class)->finalize (object);
}

static void
pacta_chart_card_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PactaChartCard *self = PACTA_CHART_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_chart_card_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PactaChartCard *self = PACTA_CHART_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      pacta_chart_card_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_chart_card_class_init (PactaChartCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacta_chart_card_dispose;
  object_class->finalize = pacta_chart_card_finalize;
  object_class->get_property = pacta_chart_card_get_property;
  object_class->set_property = pacta_chart_card_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PactaChartCard::open-item:
   *
   * As #PactaChartArea::open-item.
   */
  signals[OPEN_ITEM] = g_signal_new ("open-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 3,
                                     PACTA_TYPE_AGREEMENT, G_TYPE_STRING, G_TYPE_STRING);
  /**
   * PactaChartCard::add-toast:
   * @toast: (transfer full): a quiet confirmation for the window to show
   */
  signals[ADD_TOAST] = g_signal_new ("add-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  g_type_ensure (PACTA_TYPE_CHART_AREA);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacta/Pacta/ui/pacta-chart-card.ui");
  gtk_widget_class_bind_template_child (widget_class, PactaChartCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, PactaChartCard, reading_label);
  gtk_widget_class_bind_template_child (widget_class, PactaChartCard, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PactaChartCard, controls_box);
  gtk_widget_class_bind_template_child (widget_class, PactaChartCard, export_button);
  gtk_widget_class_bind_template_child (widget_class, PactaChartCard, area);
  gtk_widget_class_bind_template_child (widget_class, PactaChartCard, figures_label);
  gtk_widget_class_bind_template_callback (widget_class, area_open_item_cb);

  gtk_widget_class_install_action (widget_class, "card.export", "s", export_action);
}

static void
pacta_chart_card_init (PactaChartCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->area, "notify::figures", G_CALLBACK (figures_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.export", FALSE);
}

/* ---- Public API ------------------------------------------------------------------------- */

GtkWidget *
pacta_chart_card_new (void)
{
  return g_object_new (PACTA_TYPE_CHART_CARD, NULL);
}

const char *
pacta_chart_card_get_title (PactaChartCard *self)
{
  g_return_val_if_fail (PACTA_IS_CHART_CARD (self), NULL);
  return self->title;
}

void
pacta_chart_card_set_title (PactaChartCard *self,
                            const char     *title)
{
  g_autofree char *tooltip = NULL;

  g_return_if_fail (PACTA_IS_CHART_CARD (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  gtk_label_set_text (self->title_label, title ? title : "");
  pacta_chart_area_set_label (self->area, title);
  /* Translators: the export button's tooltip, %s is a chart's title */
  tooltip = g_strdup_printf (_("Export “%s”"), title ? title : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->export_button), tooltip);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* A small line under the reading: what the chart holds, when it needs saying. */
void
pacta_chart_card_set_subtitle (PactaChartCard *self,
                               const char     *subtitle)
{
  g_return_if_fail (PACTA_IS_CHART_CARD (self));

  gtk_label_set_text (self->subtitle_label, subtitle ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL && subtitle[0] != '\0');
}

const char *
pacta_chart_card_get_reading (PactaChartCard *self)
{
  g_return_val_if_fail (PACTA_IS_CHART_CARD (self), NULL);
  return self->reading;
}

/* Returns: (transfer none) (nullable) */
PactaChart *
pacta_chart_card_get_chart (PactaChartCard *self)
{
  g_return_val_if_fail (PACTA_IS_CHART_CARD (self), NULL);
  return pacta_chart_area_get_chart (self->area);
}

void
pacta_chart_card_set_chart (PactaChartCard *self,
                            PactaChart     *chart)
{
  g_return_if_fail (PACTA_IS_CHART_CARD (self));

  pacta_chart_area_set_chart (self->area, chart);
  update_reading (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.export", chart != NULL);
}

/* Returns: (transfer none) */
PactaChartArea *
pacta_chart_card_get_area (PactaChartCard *self)
{
  g_return_val_if_fail (PACTA_IS_CHART_CARD (self), NULL);
  return self->area;
}

/* @name: the file name the export dialog suggests, without extension */
void
pacta_chart_card_set_file_name (PactaChartCard *self,
                                const char     *name)
{
  g_return_if_fail (PACTA_IS_CHART_CARD (self));

  g_free (self->file_name);
  self->file_name = g_strdup (name);
}

/* Adds @widget (a sort drop-down, a toggle) beside the export button. */
void
pacta_chart_card_add_control (PactaChartCard *self,
                              GtkWidget      *widget)
{
  g_return_if_fail (PACTA_IS_CHART_CARD (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (self->controls_box, widget);
}

/* Writes the chart to @path: PNG, SVG or PDF by the extension (one is added when missing). */
gboolean
pacta_chart_card_export (PactaChartCard *self,
                         const char     *path,
                         GError        **error)
{
  PactaChart *shown;
  g_autoptr(PactaChart) chart = NULL;
  g_autofree char *full_path = NULL;
  PactaChartOptions options;
  PactaChartFormat format;
  double width, height;

  g_return_val_if_fail (PACTA_IS_CHART_CARD (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  shown = pacta_chart_area_get_chart (self->area);
  if (shown == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("There is no chart to export."));
      return FALSE;
    }

  full_path = pacta_chart_format_from_path (path, &format) ? g_strdup (path) : g_strconcat (path, ".png", NULL);

  /* The chart with its own title and subtitle, at the size it reads best. */
  chart = pacta_chart_new (pacta_chart_get_chart_type (shown), pacta_chart_get_data (shown));
  pacta_chart_get_options (shown, &options);
  options.title = NULL;
  options.subtitle = NULL;
  options.font_scale = 1.0;
  pacta_chart_set_options (chart, &options);
  pacta_chart_get_natural_size (chart, &width, &height);
  height = pacta_chart_measure_height (chart, width, height);

  return pacta_chart_export (chart, full_path, width, height,
                             pacta_chart_palette_get (adw_style_manager_get_high_contrast (adw_style_manager_get_default ())
                                                        ? PACTA_CHART_THEME_HIGH_CONTRAST : PACTA_CHART_THEME_LIGHT),
                             error);
}
