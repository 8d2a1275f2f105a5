/* pacta-document-view.c — an agreement's text laid out for reading
 *
 * The whole agreement goes into one read-only GtkTextView, so that a reader can select and copy
 * across paragraphs, and the view scrolls to any provision. Article numbers and headings have
 * their own tags; paragraph and point numbers hang in the margin, with the text aligned on a tab
 * stop measured from the numbers actually used; lists of points are indented under their text.
 * Zoom scales every tag, and the margins follow because they are measured at the zoomed size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pacta-document-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pacta-document-view.h"
#include "pacta-guideline.h"
#include "pacta-outline-row.h"

#define READING_COLUMN_CHARS 70

typedef struct
{
  GtkTextMark    *mark;       /* owned by the buffer */
  PactaProvision *provision;  /* borrowed from the agreement */
} Anchor;

typedef struct
{
  GtkTextIter  iter;
  char        *pending_num;   /* a number whose text comes with the first child */
  int          pending_x_num;
  int          pending_x_text;
} RenderContext;

struct _PactaDocumentView
{
  GtkTextView     parent_instance;

  /* Owned references */
  PactaAgreement *agreement;
  GListModel     *guidelines;
  GArray         *anchors;        /* of Anchor, in document order */
  GHashTable     *anchor_index;   /* PactaProvision* → index into anchors + 1 */
  GPtrArray      *margin_tags;    /* the tags made by ensure_margin_tag() for this layout */
  PactaProvision *current;        /* the provision being read (scroll position) */

  GtkAdjustment  *vadjustment;    /* followed for the scroll position */
  guint           spy_source;
  PactaProvision *scroll_target;  /* being scrolled to, while the layout settles */
  GtkTextMark    *scroll_mark;    /* or this annotation, brought to the upper third */
  guint           scroll_tick;
  guint           scroll_frames;
  double          last_upper;
  int             last_y;         /* the target line's position on the previous frame */

  GdkRGBA         accent;         /* the colours the tags were given */
  GdkRGBA         dim;
  guint           rerender_source;

  double          zoom;
  double          em;             /* body font size at the current zoom, in pixels */
  int             column_width;   /* READING_COLUMN_CHARS at the current zoom, in pixels */

  PactaDocumentAnnotationFunc annotation_func;
  gpointer        annotation_data;
  GDestroyNotify  annotation_destroy;
};

G_DEFINE_FINAL_TYPE (PactaDocumentView, pacta_document_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_AGREEMENT,
  PROP_GUIDELINES,
  PROP_ZOOM,
  PROP_COLUMN_WIDTH,
  PROP_CURRENT_PROVISION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void         stop_scrolling (PactaDocumentView *self);
static GtkTextMark *lookup_mark    (PactaDocumentView *self,
                                    PactaProvision    *provision);

static gboolean
has_text (const char *s)
{
  return s != NULL && s[0] != '\0';
}

/* ---- Measuring -------------------------------------------------------------------------- */

static PangoFontDescription *
dup_font (PactaDocumentView *self,
          double             scale,
          gboolean           bold)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontDescription *desc = pango_font_description_copy (pango_context_get_font_description (context));
  int size = pango_font_description_get_size (desc);

  if (size <= 0)
    size = 11 * PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (desc))
    pango_font_description_set_absolute_size (desc, size * scale);
  else
    pango_font_description_set_size (desc, (int) (size * scale));
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  return desc;
}

static int
measure_width (PactaDocumentView *self,
               const char        *text,
               gboolean           bold)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoFontDescription *desc = dup_font (self, self->zoom, bold);
  int width = 0;

  pango_layout_set_font_description (layout, desc);
  pango_layout_get_pixel_size (layout, &width, NULL);
  pango_font_description_free (desc);
  return width;
}

static void
update_metrics (PactaDocumentView *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontDescription *desc = dup_font (self, self->zoom, FALSE);
  PangoFontMetrics *metrics = pango_context_get_metrics (context, desc, NULL);
  double resolution = pango_cairo_context_get_resolution (context);
  double size = pango_font_description_get_size (desc) / (double) PANGO_SCALE;
  int column_width;

  if (resolution <= 0)
    resolution = 96.0;
  if (!pango_font_description_get_size_is_absolute (desc))
    size = size * resolution / 72.0;
  self->em = MAX (size, 6.0);

  column_width = (int) ceil (pango_font_metrics_get_approximate_char_width (metrics) / (double) PANGO_SCALE
                             * READING_COLUMN_CHARS);
  pango_font_metrics_unref (metrics);
  /* plus the text view's own margins */
  column_width += gtk_text_view_get_left_margin (GTK_TEXT_VIEW (self)) +
                  gtk_text_view_get_right_margin (GTK_TEXT_VIEW (self));
  pango_font_description_free (desc);

  if (column_width != self->column_width)
    {
      self->column_width = column_width;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMN_WIDTH]);
    }
}

static int
em (PactaDocumentView *self,
    double             n)
{
  return (int) round (self->em * n);
}

/* ---- Tags ------------------------------------------------------------------------------- */

static GtkTextTag *
ensure_tag (PactaDocumentView *self,
            const char        *name)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)));
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);

  if (tag == NULL)
    {
      tag = gtk_text_tag_new (name);
      gtk_text_tag_table_add (table, tag);
      g_object_unref (tag);
    }
  return tag;
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
get_colors (PactaDocumentView *self,
            GdkRGBA           *accent,
            GdkRGBA           *dim)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  gboolean high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
  GdkRGBA fg;

  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", accent))
    *accent = fg;
  *dim = fg;
  dim->alpha *= high_contrast ? 0.85f : 0.62f;
  if (high_contrast)
    *accent = fg;
}
G_GNUC_END_IGNORE_DEPRECATIONS

/* Sets every tag's size, spacing and colour for the current zoom and style. */
static void
update_tags (PactaDocumentView *self)
{
  GdkRGBA accent, dim;
  double z = self->zoom;

  update_metrics (self);
  get_colors (self, &accent, &dim);
  self->accent = accent;
  self->dim = dim;

  g_object_set (ensure_tag (self, "body"),
                "scale", z,
                "pixels-below-lines", em (self, 0.6),
                "pixels-inside-wrap", em (self, 0.22),
                NULL);
  g_object_set (ensure_tag (self, "part-num"),
                "scale", z * 0.86,
                "weight", PANGO_WEIGHT_BOLD,
                "letter-spacing", (int) (0.08 * self->em * PANGO_SCALE),
                "foreground-rgba", &accent,
                "pixels-above-lines", em (self, 2.4),
                "pixels-below-lines", em (self, 0.1),
                NULL);
  g_object_set (ensure_tag (self, "part-heading"),
                "scale", z * 1.5,
                "weight", 800,
                "pixels-below-lines", em (self, 0.4),
                "pixels-inside-wrap", em (self, 0.1),
                NULL);
  g_object_set (ensure_tag (self, "article-num"),
                "scale", z * 0.9,
                "weight", PANGO_WEIGHT_BOLD,
                "foreground-rgba", &accent,
                "pixels-above-lines", em (self, 1.7),
                "pixels-below-lines", em (self, 0.1),
                NULL);
  g_object_set (ensure_tag (self, "article-heading"),
                "scale", z * 1.22,
                "weight", PANGO_WEIGHT_BOLD,
                "pixels-below-lines", em (self, 0.55),
                "pixels-inside-wrap", em (self, 0.1),
                NULL);
  g_object_set (ensure_tag (self, "section-gap"),
                "pixels-above-lines", em (self, 1.7),
                NULL);
  g_object_set (ensure_tag (self, "first-heading"),
                "pixels-above-lines", em (self, 0.2),
                NULL);
  g_object_set (ensure_tag (self, "evidence"),
                "scale", z * 0.82,
                "foreground-rgba", &dim,
                "pixels-below-lines", em (self, 0.7),
                NULL);
  g_object_set (ensure_tag (self, "num"),
                "weight", PANGO_WEIGHT_BOLD,
                "foreground-rgba", &dim,
                NULL);
  g_object_set (ensure_tag (self, "annotation"),
                "pixels-above-lines", em (self, 0.3),
                "pixels-below-lines", em (self, 0.9),
                NULL);

  /* Priorities: the more specific tags win over "body". */
  gtk_text_tag_set_priority (ensure_tag (self, "body"), 0);
}

/* A paragraph whose number starts at @x_num and whose text starts (and wraps) at @x_text. */
static GtkTextTag *
ensure_margin_tag (PactaDocumentView *self,
                   int                x_num,
                   int                x_text)
{
  g_autofree char *name = g_strdup_printf ("margin-%d-%d", x_num, x_text);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)));
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);
  int base = gtk_text_view_get_left_margin (GTK_TEXT_VIEW (self));
  PangoTabArray *tabs;

  if (tag != NULL)
    return tag;
  tag = ensure_tag (self, name);
  g_ptr_array_add (self->margin_tags, tag);

  if (x_text <= x_num)
    {
      g_object_set (tag, "left-margin", base + x_text, "indent", 0, NULL);
      return tag;
    }

  tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, x_text - x_num);
  g_object_set (tag,
                "left-margin", base + x_num,
                "indent", -(x_text - x_num),
                "tabs", tabs,
                NULL);
  pango_tab_array_free (tabs);
  return tag;
}

/* ---- Rendering -------------------------------------------------------------------------- */

static GtkTextBuffer *
get_buffer (PactaDocumentView *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
}

static void
insert_line (PactaDocumentView *self,
             RenderContext     *ctx,
             const char        *text,
             const char        *first_tag,
             ...) G_GNUC_NULL_TERMINATED;

/* Inserts @text and a newline with "body", @first_tag and the other tags named after it. */
static void
insert_line (PactaDocumentView *self,
             RenderContext     *ctx,
             const char        *text,
             const char        *first_tag,
             ...)
{
  GtkTextBuffer *buffer = get_buffer (self);
  int start_offset = gtk_text_iter_get_offset (&ctx->iter);
  GtkTextIter start;
  va_list args;

  gtk_text_buffer_insert (buffer, &ctx->iter, text, -1);
  gtk_text_buffer_insert (buffer, &ctx->iter, "\n", 1);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, start_offset);
  gtk_text_buffer_apply_tag_by_name (buffer, "body", &start, &ctx->iter);

  va_start (args, first_tag);
  for (const char *name = first_tag; name != NULL; name = va_arg (args, const char *))
    gtk_text_buffer_apply_tag_by_name (buffer, name, &start, &ctx->iter);
  va_end (args);
}

/* One block of running text, with an optional number hanging in front of it. */
static void
insert_block (PactaDocumentView *self,
              RenderContext     *ctx,
              const char        *num,
              const char        *text,
              int                x_num,
              int                x_text,
              const char        *extra_tag)
{
  GtkTextBuffer *buffer = get_buffer (self);
  g_autofree char *pending = NULL;
  int start_offset, num_end_offset = -1;
  GtkTextIter start, num_end;

  /* A number waiting for its text (a paragraph whose words are the intro of its list). */
  if (ctx->pending_num != NULL)
    {
      pending = g_steal_pointer (&ctx->pending_num);
      if (num == NULL && x_text == ctx->pending_x_text)
        {
          num = pending;
          x_num = ctx->pending_x_num;
        }
      else
        insert_block (self, ctx, pending, "", ctx->pending_x_num, ctx->pending_x_text, NULL);
    }

  start_offset = gtk_text_iter_get_offset (&ctx->iter);
  if (has_text (num))
    {
      gtk_text_buffer_insert (buffer, &ctx->iter, num, -1);
      num_end_offset = gtk_text_iter_get_offset (&ctx->iter);
      gtk_text_buffer_insert (buffer, &ctx->iter, "\t", 1);
    }
  else
    x_num = x_text;

  gtk_text_buffer_insert (buffer, &ctx->iter, text, -1);
  gtk_text_buffer_insert (buffer, &ctx->iter, "\n", 1);

  gtk_text_buffer_get_iter_at_offset (buffer, &start, start_offset);
  gtk_text_buffer_apply_tag_by_name (buffer, "body", &start, &ctx->iter);
  gtk_text_buffer_apply_tag (buffer, ensure_margin_tag (self, x_num, x_text), &start, &ctx->iter);
  if (extra_tag != NULL)
    gtk_text_buffer_apply_tag_by_name (buffer, extra_tag, &start, &ctx->iter);
  if (num_end_offset >= 0)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &start, start_offset);
      gtk_text_buffer_get_iter_at_offset (buffer, &num_end, num_end_offset);
      gtk_text_buffer_apply_tag_by_name (buffer, "num", &start, &num_end);
    }
}

/* Text that may hold several paragraphs, one per line; the number goes with the first. */
static void
insert_text (PactaDocumentView *self,
             RenderContext     *ctx,
             const char        *num,
             const char        *text,
             int                x_num,
             int                x_text,
             const char        *extra_tag)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  gboolean first = TRUE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      insert_block (self, ctx, first ? num : NULL, lines[i], x_num, x_text, extra_tag);
      first = FALSE;
    }

  if (first && has_text (num))
    {
      /* No words of its own: they come with the first child (a list's intro). */
      g_free (ctx->pending_num);
      ctx->pending_num = g_strdup (num);
      ctx->pending_x_num = x_num;
      ctx->pending_x_text = x_text;
    }
}

static void
add_anchor (PactaDocumentView *self,
            RenderContext     *ctx,
            PactaProvision    *provision)
{
  Anchor anchor;

  anchor.mark = gtk_text_buffer_create_mark (get_buffer (self), NULL, &ctx->iter, TRUE);
  anchor.provision = provision;
  g_array_append_val (self->anchors, anchor);
  g_hash_table_insert (self->anchor_index, provision, GUINT_TO_POINTER (self->anchors->len));
}

/* How far the text of numbered siblings sits from their numbers. */
static int
hang_width (PactaDocumentView *self,
            PactaProvision    *parent,
            double             minimum_em)
{
  guint n = pacta_provision_get_n_children (parent);
  int widest = 0;

  for (guint i = 0; i < n; i++)
    {
      const char *num = pacta_provision_get_num (pacta_provision_get_child (parent, i));

      if (has_text (num))
        widest = MAX (widest, measure_width (self, num, TRUE));
    }
  return MAX (widest + em (self, 0.7), em (self, minimum_em));
}

static char *
dup_evidence_line (PactaDocumentView  *self,
                   const char * const *slugs)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; slugs[i] != NULL; i++)
    {
      const char *title = NULL;
      const char *slug = slugs[i][0] == '#' ? slugs[i] + 1 : slugs[i];

      for (guint j = 0; self->guidelines != NULL && title == NULL &&
                        j < g_list_model_get_n_items (self->guidelines); j++)
        {
          g_autoptr(PactaGuideline) guideline = g_list_model_get_item (self->guidelines, j);
          PactaGuidelineItem *item = pacta_guideline_lookup_item (guideline, slug);

          if (item != NULL)
            title = pacta_guideline_item_get_title (item);
        }
      if (line->len > 0)
        g_string_append (line, " · ");
      g_string_append (line, title != NULL ? title : slug);
    }
  /* Translators: followed by the names of guideline items, e.g. "Export of benefits" */
  return g_strdup_printf (_("Evidence for: %s"), line->str);
}

static void render_children (PactaDocumentView *self,
                             RenderContext     *ctx,
                             PactaProvision    *provision,
                             int                x);

/* The widgets the annotation function gives for @provision (its notes), each on a line of its
 * own under the article's text. */
static void
insert_annotations (PactaDocumentView *self,
                    RenderContext     *ctx,
                    PactaProvision    *provision)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GPtrArray *widgets;

  if (self->annotation_func == NULL)
    return;
  widgets = self->annotation_func (self, provision, self->annotation_data);
  if (widgets != NULL && widgets->len > 0 && ctx->pending_num != NULL)
    {
      /* A number still waiting for its words goes before the notes. */
      insert_block (self, ctx, NULL, "", ctx->pending_x_num, ctx->pending_x_text, NULL);
      g_clear_pointer (&ctx->pending_num, g_free);
    }
  for (guint i = 0; widgets != NULL && i < widgets->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (widgets, i);
      int start_offset = gtk_text_iter_get_offset (&ctx->iter);
      GtkTextChildAnchor *anchor;
      GtkTextIter start;
      int width = self->column_width - gtk_text_view_get_left_margin (GTK_TEXT_VIEW (self)) -
                  gtk_text_view_get_right_margin (GTK_TEXT_VIEW (self)) - 8;

      if (gtk_widget_get_parent (widget) != NULL)
        continue; /* still in the text (it is being replaced) */
      anchor = gtk_text_buffer_create_child_anchor (buffer, &ctx->iter);
      gtk_text_buffer_insert (buffer, &ctx->iter, "\n", 1);
      gtk_text_buffer_get_iter_at_offset (buffer, &start, start_offset);
      gtk_text_buffer_apply_tag_by_name (buffer, "annotation", &start, &ctx->iter);
      gtk_widget_set_size_request (widget, MAX (width, 160), -1);
      gtk_text_view_add_child_at_anchor (GTK_TEXT_VIEW (self), widget, anchor);
    }
}

static void
render_provision (PactaDocumentView *self,
                  RenderContext     *ctx,
                  PactaProvision    *provision,
                  int                x_num,
                  int                x_text)
{
  PactaProvisionKind kind = pacta_provision_get_kind (provision);
  const char *num = pacta_provision_get_num (provision);
  const char *heading = pacta_provision_get_heading (provision);
  const char *text = pacta_provision_get_text (provision);
  gboolean first = gtk_text_iter_is_start (&ctx->iter);

  if (kind == PACTA_PROVISION_KIND_PREAMBLE || kind == PACTA_PROVISION_KIND_CONCLUSIONS ||
      kind == PACTA_PROVISION_KIND_ATTACHMENT || pacta_provision_is_article_level (provision))
    {
      add_anchor (self, ctx, provision);

      if (kind == PACTA_PROVISION_KIND_ATTACHMENT && has_text (num))
        insert_line (self, ctx, num, "part-num", NULL);
      else if (has_text (num))
        insert_line (self, ctx, num, "article-num", first ? "first-heading" : NULL, NULL);

      if (has_text (heading))
        insert_line (self, ctx, heading, "article-heading",
                     has_text (num) ? NULL : first ? "first-heading" : "section-gap", NULL);
      else if (!has_text (num))
        {
          g_autofree char *label = pacta_provision_dup_label (provision);

          insert_line (self, ctx, label, "article-heading", first ? "first-heading" : "section-gap", NULL);
        }

      if (pacta_provision_get_refers_to (provision) != NULL &&
          pacta_provision_get_refers_to (provision)[0] != NULL)
        {
          g_autofree char *evidence = dup_evidence_line (self, pacta_provision_get_refers_to (provision));

          insert_line (self, ctx, evidence, "evidence", NULL);
        }

      if (has_text (text))
        insert_text (self, ctx, NULL, text, 0, 0, NULL);
      render_children (self, ctx, provision, 0);
      insert_annotations (self, ctx, provision);
      return;
    }

  if (pacta_provision_is_outline_container (provision))
    {
      /* Part, chapter, section: a title above its articles */
      add_anchor (self, ctx, provision);
      if (has_text (num))
        insert_line (self, ctx, num, "part-num", first ? "first-heading" : NULL, NULL);
      if (has_text (heading))
        insert_line (self, ctx, heading, "part-heading", NULL);
      if (has_text (text))
        insert_text (self, ctx, NULL, text, 0, 0, NULL);
      insert_annotations (self, ctx, provision);
      render_children (self, ctx, provision, 0);
      return;
    }

  switch (kind)
    {
    case PACTA_PROVISION_KIND_LIST:
      /* The intro sits at the text column of the paragraph; the points under it. */
      if (has_text (text))
        insert_text (self, ctx, NULL, text, x_text, x_text, NULL);
      render_children (self, ctx, provision, x_text);
      break;

    case PACTA_PROVISION_KIND_PARAGRAPH:
    case PACTA_PROVISION_KIND_POINT:
    case PACTA_PROVISION_KIND_CONTAINER:
    case PACTA_PROVISION_KIND_PART:
    case PACTA_PROVISION_KIND_CHAPTER:
    case PACTA_PROVISION_KIND_SECTION:
    case PACTA_PROVISION_KIND_ARTICLE:
    case PACTA_PROVISION_KIND_PREAMBLE:
    case PACTA_PROVISION_KIND_CONCLUSIONS:
    case PACTA_PROVISION_KIND_ATTACHMENT:
    default:
      if (has_text (heading))
        {
          g_autofree char *line = has_text (num) ? g_strdup_printf ("%s\t%s", num, heading) : g_strdup (heading);

          insert_block (self, ctx, NULL, line, x_num, x_num, "num");
          num = NULL;
        }
      insert_text (self, ctx, num, has_text (text) ? text : "", x_num, x_text, NULL);
      render_children (self, ctx, provision, x_text);
      break;
    }
}

static void
render_children (PactaDocumentView *self,
                 RenderContext     *ctx,
                 PactaProvision    *provision,
                 int                x)
{
  guint n = pacta_provision_get_n_children (provision);
  gboolean numbered = FALSE;
  int hang = 0;

  if (n == 0)
    return;

  for (guint i = 0; i < n && !numbered; i++)
    numbered = has_text (pacta_provision_get_num (pacta_provision_get_child (provision, i)));
  if (numbered)
    hang = hang_width (self, provision, pacta_provision_get_kind (provision) == PACTA_PROVISION_KIND_LIST ? 2.2 : 1.8);

  for (guint i = 0; i < n; i++)
    {
      PactaProvision *child = pacta_provision_get_child (provision, i);

      render_provision (self, ctx, child, x, x + hang);
    }
}

static void
clear_anchors (PactaDocumentView *self)
{
  GtkTextBuffer *buffer = get_buffer (self);

  for (guint i = 0; i < self->anchors->len; i++)
    gtk_text_buffer_delete_mark (buffer, g_array_index (self->anchors, Anchor, i).mark);
  g_array_set_size (self->anchors, 0);
  g_hash_table_remove_all (self->anchor_index);
}

static void
render (PactaDocumentView *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  RenderContext ctx = { 0 };
  GtkTextIter end;
  GListModel *provisions;
  guint n;

  stop_scrolling (self);
  clear_anchors (self);
  gtk_text_buffer_set_text (buffer, "", 0);
  /* Margins are measured at the current zoom: start afresh. */
  for (guint i = 0; i < self->margin_tags->len; i++)
    gtk_text_tag_table_remove (gtk_text_buffer_get_tag_table (buffer), g_ptr_array_index (self->margin_tags, i));
  g_ptr_array_set_size (self->margin_tags, 0);
  update_tags (self);

  if (self->agreement == NULL)
    return;

  gtk_text_buffer_get_start_iter (buffer, &ctx.iter);
  provisions = pacta_agreement_get_provisions (self->agreement);
  n = g_list_model_get_n_items (provisions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PactaProvision) provision = g_list_model_get_item (provisions, i);

      render_provision (self, &ctx, provision, 0, 0);
    }
  if (ctx.pending_num != NULL)
    insert_block (self, &ctx, NULL, "", ctx.pending_x_num, ctx.pending_x_text, NULL);
  g_clear_pointer (&ctx.pending_num, g_free);

  /* No empty line at the very end */
  gtk_text_buffer_get_end_iter (buffer, &end);
  if (gtk_text_iter_backward_char (&end))
    {
      GtkTextIter last = end;

      gtk_text_iter_forward_char (&last);
      if (gtk_text_iter_get_char (&end) == '\n')
        gtk_text_buffer_delete (buffer, &end, &last);
    }

  gtk_text_buffer_get_start_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
}

/* ---- Scroll position -------------------------------------------------------------------- */

static PactaProvision *
find_provision_at_offset (PactaDocumentView *self,
                          int                offset)
{
  GtkTextBuffer *buffer = get_buffer (self);
  guint lo = 0, hi = self->anchors->len;

  /* the last anchor at or before @offset */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_mark (buffer, &iter, g_array_index (self->anchors, Anchor, mid).mark);
      if (gtk_text_iter_get_offset (&iter) <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo > 0 ? g_array_index (self->anchors, Anchor, lo - 1).provision : NULL;
}

static void
set_current (PactaDocumentView *self,
             PactaProvision    *provision)
{
  if (self->current == provision)
    return;
  self->current = provision;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_PROVISION]);
}

static gboolean
update_current_cb (gpointer user_data)
{
  PactaDocumentView *self = user_data;
  GdkRectangle visible;
  GtkTextIter iter;

  self->spy_source = 0;
  if (self->scroll_target != NULL)
    return G_SOURCE_REMOVE;
  if (self->anchors->len == 0)
    {
      set_current (self, NULL);
      return G_SOURCE_REMOVE;
    }

  /* What the reader looks at: a little below the top edge. */
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self), &visible);
  gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, 0, visible.y + MIN (visible.height / 4, em (self, 4)));
  set_current (self, find_provision_at_offset (self, gtk_text_iter_get_offset (&iter)));
  return G_SOURCE_REMOVE;
}

static void
queue_update_current (PactaDocumentView *self)
{
  if (self->spy_source == 0)
    self->spy_source = g_timeout_add (60, update_current_cb, self);
}

static void
vadjustment_value_changed_cb (PactaDocumentView *self,
                              GtkAdjustment     *adjustment)
{
  queue_update_current (self);
}

static void
vadjustment_notify_cb (PactaDocumentView *self,
                       GParamSpec        *pspec,
                       gpointer           unused)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));

  if (adjustment == self->vadjustment)
    return;
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, vadjustment_value_changed_cb, self);
  g_set_object (&self->vadjustment, adjustment);
  if (adjustment != NULL)
    g_signal_connect_object (adjustment, "value-changed",
                             G_CALLBACK (vadjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
}

/* ---- Style ------------------------------------------------------------------------------ */

static gboolean
rerender_cb (gpointer user_data)
{
  PactaDocumentView *self = user_data;
  PactaProvision *current = self->current;

  self->rerender_source = 0;
  render (self);
  if (current != NULL)
    pacta_document_view_scroll_to_provision (self, current);
  return G_SOURCE_REMOVE;
}

/* Light/dark/high contrast and font changes arrive here, once the new style is in place. */
static void
pacta_document_view_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  PactaDocumentView *self = PACTA_DOCUMENT_VIEW (widget);
  double old_em = self->em;
  GdkRGBA accent, dim;

  GTK_WIDGET_CLASS (pacta_document_view_parent_class)->css_changed (widget, change);

  get_colors (self, &accent, &dim);
  if (!gdk_rgba_equal (&accent, &self->accent) || !gdk_rgba_equal (&dim, &self->dim))
    {
      self->accent = accent;
      self->dim = dim;
      g_object_set (ensure_tag (self, "part-num"), "foreground-rgba", &accent, NULL);
      g_object_set (ensure_tag (self, "article-num"), "foreground-rgba", &accent, NULL);
      g_object_set (ensure_tag (self, "evidence"), "foreground-rgba", &dim, NULL);
      g_object_set (ensure_tag (self, "num"), "foreground-rgba", &dim, NULL);
    }

  /* A new font size (text scaling) moves the hanging numbers: lay out again. */
  update_metrics (self);
  if (!G_APPROX_VALUE (old_em, self->em, 0.01) && self->agreement != NULL && self->rerender_source == 0)
    self->rerender_source = g_idle_add (rerender_cb, self);
}

/* ---- GObject ---------------------------------------------------------------------------- */

static void
pacta_document_view_dispose (GObject *object)
{
  PactaDocumentView *self = PACTA_DOCUMENT_VIEW (object);

  g_clear_handle_id (&self->spy_source, g_source_remove);
  g_clear_handle_id (&self->rerender_source, g_source_remove);
  stop_scrolling (self);
  if (self->vadjustment != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->vadjustment, vadjustment_value_changed_cb, self);
      g_clear_object (&self->vadjustment);
    }
  self->current = NULL;
  g_clear_object (&self->agreement);
  g_clear_object (&self->guidelines);
  if (self->annotation_destroy != NULL)
    self->annotation_destroy (self->annotation_data);
  self->annotation_func = NULL;
  self->annotation_destroy = NULL;

  G_OBJECT_CLASS (pacta_document_view_parent_class)->dispose (object);
}

static void
pacta_document_view_finalize (GObject *object)
{
  PactaDocumentView *self = PACTA_DOCUMENT_VIEW (object);

  g_clear_pointer (&self->anchors, g_array_unref);
  g_clear_pointer (&self->anchor_index, g_hash_table_unref);
  g_clear_pointer (&self->margin_tags, g_ptr_array_unref);

  G_OBJECT_CLASS (pacta_document_view_parent_class)->finalize (object);
}

static void
pacta_document_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PactaDocumentView *self = PACTA_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_AGREEMENT:
      g_value_set_object (value, self->agreement);
      break;
    case PROP_GUIDELINES:
      g_value_set_object (value, self->guidelines);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_COLUMN_WIDTH:
      g_value_set_int (value, self->column_width);
      break;
    case PROP_CURRENT_PROVISION:
      g_value_set_object (value, self->current);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_document_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PactaDocumentView *self = PACTA_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_AGREEMENT:
      pacta_document_view_set_agreement (self, g_value_get_object (value));
      break;
    case PROP_GUIDELINES:
      pacta_document_view_set_guidelines (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      pacta_document_view_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacta_document_view_class_init (PactaDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacta_document_view_dispose;
  object_class->finalize = pacta_document_view_finalize;
  object_class->get_property = pacta_document_view_get_property;
  object_class->set_property = pacta_document_view_set_property;

  widget_class->css_changed = pacta_document_view_css_changed;

  properties[PROP_AGREEMENT] =
    g_param_spec_object ("agreement", NULL, NULL,
                         PACTA_TYPE_AGREEMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GUIDELINES] =
    g_param_spec_object ("guidelines", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         0.25, 4.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLUMN_WIDTH] =
    g_param_spec_int ("column-width", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_PROVISION] =
    g_param_spec_object ("current-provision", NULL, NULL,
                         PACTA_TYPE_PROVISION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "textview");
}

static void
pacta_document_view_init (PactaDocumentView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);

  self->zoom = 1.0;
  self->anchors = g_array_new (FALSE, FALSE, sizeof (Anchor));
  self->anchor_index = g_hash_table_new (NULL, NULL);
  self->margin_tags = g_ptr_array_new ();

  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, FALSE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (view, 32);
  gtk_text_view_set_right_margin (view, 32);
  gtk_text_view_set_top_margin (view, 24);
  gtk_text_view_set_bottom_margin (view, 64);
  gtk_widget_add_css_class (GTK_WIDGET (self), "pacta-document");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Agreement text"),
                                  -1);

  g_signal_connect (self, "notify::vadjustment", G_CALLBACK (vadjustment_notify_cb), NULL);

  update_metrics (self);
}

GtkWidget *
pacta_document_view_new (void)
{
  return g_object_new (PACTA_TYPE_DOCUMENT_VIEW, NULL);
}

/* Returns: (transfer none) (nullable) */
PactaAgreement *
pacta_document_view_get_agreement (PactaDocumentView *self)
{
  g_return_val_if_fail (PACTA_IS_DOCUMENT_VIEW (self), NULL);
  return self->agreement;
}

void
pacta_document_view_set_agreement (PactaDocumentView *self,
                                   PactaAgreement    *agreement)
{
  g_return_if_fail (PACTA_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (agreement == NULL || PACTA_IS_AGREEMENT (agreement));

  if (!g_set_object (&self->agreement, agreement))
    return;
  self->current = NULL;
  render (self);
  if (self->anchors->len > 0)
    set_current (self, g_array_index (self->anchors, Anchor, 0).provision);
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_PROVISION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREEMENT]);
}

/* Returns: (transfer none) (nullable): guidelines used to name the items a provision is
 * tagged with */
GListModel *
pacta_document_view_get_guidelines (PactaDocumentView *self)
{
  g_return_val_if_fail (PACTA_IS_DOCUMENT_VIEW (self), NULL);
  return self->guidelines;
}

void
pacta_document_view_set_guidelines (PactaDocumentView *self,
                                    GListModel        *guidelines)
{
  g_return_if_fail (PACTA_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (guidelines == NULL || G_IS_LIST_MODEL (guidelines));

  if (!g_set_object (&self->guidelines, guidelines))
    return;
  if (self->agreement != NULL)
    {
      PactaProvision *current = self->current;

      render (self);
      if (current != NULL)
        pacta_document_view_scroll_to_provision (self, current);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUIDELINES]);
}

double
pacta_document_view_get_zoom (PactaDocumentView *self)
{
  g_return_val_if_fail (PACTA_IS_DOCUMENT_VIEW (self), 1.0);
  return self->zoom;
}

void
pacta_document_view_set_zoom (PactaDocumentView *self,
                              double             zoom)
{
  PactaProvision *current;

  g_return_if_fail (PACTA_IS_DOCUMENT_VIEW (self));

  zoom = CLAMP (zoom, 0.25, 4.0);
  if (G_APPROX_VALUE (zoom, self->zoom, 0.001))
    return;

  current = self->current;
  self->zoom = zoom;
  render (self);
  /* Keep the reader where they were. */
  if (current != NULL)
    pacta_document_view_scroll_to_provision (self, current);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* The width of a comfortable reading column (about 70 characters) at the current zoom. */
int
pacta_document_view_get_column_width (PactaDocumentView *self)
{
  g_return_val_if_fail (PACTA_IS_DOCUMENT_VIEW (self), 0);
  return self->column_width;
}

/* Returns: (transfer none) (nullable): the part, article… at the top of the view */
PactaProvision *
pacta_document_view_get_current_provision (PactaDocumentView *self)
{
  g_return_val_if_fail (PACTA_IS_DOCUMENT_VIEW (self), NULL);
  return self->current;
}

static GtkTextMark *
lookup_mark (PactaDocumentView *self,
             PactaProvision    *provision)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->anchor_index, provision));

  return index > 0 ? g_array_index (self->anchors, Anchor, index - 1).mark : NULL;
}

static void
stop_scrolling (PactaDocumentView *self)
{
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  self->scroll_target = NULL;
  self->scroll_mark = NULL;
}

/* GtkTextView lays long texts out bit by bit in the background, so the position of a provision
 * far down moves while it does: keep putting the target at the top until the layout settles. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  PactaDocumentView *self = PACTA_DOCUMENT_VIEW (widget);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));
  GtkTextMark *mark = self->scroll_mark ? self->scroll_mark
                    : self->scroll_target ? lookup_mark (self, self->scroll_target) : NULL;
  GtkTextIter iter;
  double upper, value;
  int y = 0, height = 0;

  if (mark == NULL || adjustment == NULL)
    {
      self->scroll_tick = 0;
      self->scroll_target = NULL;
      self->scroll_mark = NULL;
      return G_SOURCE_REMOVE;
    }

  gtk_text_buffer_get_iter_at_mark (get_buffer (self), &iter, mark);
  gtk_text_view_get_line_yrange (GTK_TEXT_VIEW (self), &iter, &y, &height);
  upper = gtk_adjustment_get_upper (adjustment);
  /* value − top margin is the top of the visible area, in buffer coordinates; an annotation
   * goes a third of the way down, under the end of its article */
  value = (double) y + gtk_text_view_get_top_margin (GTK_TEXT_VIEW (self));
  if (self->scroll_mark != NULL)
    value -= gtk_adjustment_get_page_size (adjustment) / 3;
  value = MIN (value, upper - gtk_adjustment_get_page_size (adjustment));
  value = MAX (value, gtk_adjustment_get_lower (adjustment));
  if (!G_APPROX_VALUE (gtk_adjustment_get_value (adjustment), value, 0.5))
    gtk_adjustment_set_value (adjustment, value);

  /* Done once the layout stopped growing for a while. GTK validates lines in idle time,
   * which a busy machine can hold back for several frames, so a few calm frames prove
   * nothing: wait for ten, and for the target's own line to have stayed put. */
  if (G_APPROX_VALUE (upper, self->last_upper, 0.5) && y == self->last_y)
    self->scroll_frames++;
  else
    self->scroll_frames = 0;
  self->last_upper = upper;
  self->last_y = y;
  if (self->scroll_frames >= 10)
    {
      PactaProvision *target = self->scroll_target;

      self->scroll_tick = 0;
      self->scroll_target = NULL;
      self->scroll_mark = NULL;
      if (target != NULL)
        set_current (self, target);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Scrolls so that the heading of @provision (an outline node) is at the top. */
void
pacta_document_view_scroll_to_provision (PactaDocumentView *self,
                                         PactaProvision    *provision)
{
  g_return_if_fail (PACTA_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (PACTA_IS_PROVISION (provision));

  if (lookup_mark (self, provision) == NULL)
    return;

  stop_scrolling (self);
  self->scroll_target = provision;
  self->scroll_frames = 0;
  self->last_upper = -1;
  self->last_y = -1;
  self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
  set_current (self, provision);
}

/* Whether the start of @provision is on screen. */
gboolean
pacta_document_view_is_provision_visible (PactaDocumentView *self,
                                          PactaProvision    *provision)
{
  GtkTextMark *mark;
  GdkRectangle visible, location;
  GtkTextIter iter;

  g_return_val_if_fail (PACTA_IS_DOCUMENT_VIEW (self), FALSE);

  mark = provision ? lookup_mark (self, provision) : NULL;
  if (mark == NULL)
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (get_buffer (self), &iter, mark);
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self), &visible);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &iter, &location);
  return location.y + location.height > visible.y && location.y < visible.y + visible.height;
}

/* The text of @provision: from its heading to the next outline node. */
gboolean
pacta_document_view_get_provision_bounds (PactaDocumentView *self,
                                          PactaProvision    *provision,
                                          GtkTextIter       *start,
                                          GtkTextIter       *end)
{
  guint index;
  GtkTextBuffer *buffer;

  g_return_val_if_fail (PACTA_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->anchor_index, provision));
  if (index == 0)
    return FALSE;

  buffer = get_buffer (self);
  gtk_text_buffer_get_iter_at_mark (buffer, start, g_array_index (self->anchors, Anchor, index - 1).mark);
  if (index < self->anchors->len)
    gtk_text_buffer_get_iter_at_mark (buffer, end, g_array_index (self->anchors, Anchor, index).mark);
  else
    gtk_text_buffer_get_end_iter (buffer, end);
  return TRUE;
}

/* Returns: (transfer full): everything the view shows, as plain text */
char *
pacta_document_view_dup_text (PactaDocumentView *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (PACTA_IS_DOCUMENT_VIEW (self), NULL);

  gtk_text_buffer_get_bounds (get_buffer (self), &start, &end);
  return gtk_text_buffer_get_text (get_buffer (self), &start, &end, FALSE);
}

/**
 * pacta_document_view_set_annotation_func:
 * @func: (nullable): gives the widgets to show under an article (its notes)
 *
 * Lays the text out again with the widgets @func gives.
 */
void
pacta_document_view_set_annotation_func (PactaDocumentView           *self,
                                         PactaDocumentAnnotationFunc  func,
                                         gpointer                     user_data,
                                         GDestroyNotify               destroy)
{
  g_return_if_fail (PACTA_IS_DOCUMENT_VIEW (self));

  if (self->annotation_destroy != NULL)
    self->annotation_destroy (self->annotation_data);
  self->annotation_func = func;
  self->annotation_data = user_data;
  self->annotation_destroy = destroy;
  pacta_document_view_refresh (self);
}

/* Lays the text out again (the annotations changed), keeping the reader's place. */
void
pacta_document_view_refresh (PactaDocumentView *self)
{
  PactaProvision *current;

  g_return_if_fail (PACTA_IS_DOCUMENT_VIEW (self));

  if (self->agreement == NULL)
    return;
  current = self->current;
  g_clear_handle_id (&self->rerender_source, g_source_remove);
  render (self);
  if (current != NULL)
    {
      pacta_document_view_scroll_to_provision (self, current);
      set_current (self, current);
    }
}

/**
 * pacta_document_view_get_provision_at:
 * @x, @y: a point in the widget
 *
 * Returns: (transfer none) (nullable): the article (or preamble, part…) whose text is there
 */
PactaProvision *
pacta_document_view_get_provision_at (PactaDocumentView *self,
                                      double             x,
                                      double             y)
{
  GtkTextIter iter;
  int bx, by;

  g_return_val_if_fail (PACTA_IS_DOCUMENT_VIEW (self), NULL);

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, bx, by))
    return NULL;
  return find_provision_at_offset (self, gtk_text_iter_get_offset (&iter));
}

static gboolean
is_anchor_char (gunichar c,
                gpointer user_data)
{
  return c == 0xFFFC; /* the object replacement character, where a child sits */
}

/**
 * pacta_document_view_scroll_to_annotation:
 * @widget: a widget the annotation function gave, in the text now
 *
 * Scrolls so that @widget is on screen (the view's own scrolling to a provision stops).
 *
 * Returns: whether @widget is in the text
 */
gboolean
pacta_document_view_scroll_to_annotation (PactaDocumentView *self,
                                          GtkWidget         *widget)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_val_if_fail (PACTA_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  buffer = get_buffer (self);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  do
    {
      GtkTextChildAnchor *anchor = gtk_text_iter_get_child_anchor (&iter);
      g_autofree GtkWidget **widgets = NULL;
      gboolean found = FALSE;
      guint n = 0;

      if (anchor == NULL)
        continue;
      widgets = gtk_text_child_anchor_get_widgets (anchor, &n);
      for (guint i = 0; i < n; i++)
        found |= widgets[i] == widget;
      if (found)
        {
          GtkTextMark *mark = gtk_text_buffer_get_mark (buffer, "pacta-annotation");

          if (mark == NULL)
            mark = gtk_text_buffer_create_mark (buffer, "pacta-annotation", &iter, TRUE);
          else
            gtk_text_buffer_move_mark (buffer, mark, &iter);
          /* The lines above may not be laid out yet: follow the mark until they are. */
          stop_scrolling (self);
          self->scroll_mark = mark;
          self->scroll_frames = 0;
          self->last_upper = -1;
          self->last_y = -1;
          self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
          return TRUE;
        }
    }
  while (gtk_text_iter_forward_find_char (&iter, is_anchor_char, NULL, NULL));
  return FALSE;
}
