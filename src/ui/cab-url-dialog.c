/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cab-error.h"
#include "cab-url-dialog.h"
#include "cab-widget-source.h"

struct _CabUrlDialog
{
  AdwMessageDialog  parent_instance;

  GSettings        *settings;
  /* Enter was pressed: say what is wrong with the text, even if it looks half-typed. */
  gboolean          submitted;

  GtkEntry         *entry;
  GtkLabel         *error_label;
  GtkAdjustment    *poll_adjustment;
};

G_DEFINE_FINAL_TYPE (CabUrlDialog, cab_url_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The checks of the widget source itself, so that what the dialog lets through opens. */
static gboolean
check_url (const char  *text,
           GError     **error)
{
  g_autoptr(CabWidgetSource) source = NULL;

  if (!g_str_has_prefix (text, "http://") && !g_str_has_prefix (text, "https://"))
    {
      g_set_error (error, CAB_ERROR, CAB_ERROR_INVALID_SOURCE,
                   _("Only http:// and https:// addresses open here, such as "
                     "http://localhost:3000/personal_page.js. A folder or a .js file on this "
                     "computer opens with Open Widget Folder or Open Widget Script."));
      return FALSE;
    }

  source = cab_widget_source_new_for_argument (text, error);
  return source != NULL;
}

/* Open is possible only with a URL that opens. Why not is said at once, except while the
 * text is still on its way to "http://" or "https://": complaining about "htt" would only
 * be noise. */
static void
update (CabUrlDialog *self)
{
  g_autofree char *text = cab_url_dialog_dup_url (self);
  g_autoptr(GError) error = NULL;
  gboolean valid = check_url (text, &error);
  gboolean typing = g_str_has_prefix ("http://", text) || g_str_has_prefix ("https://", text);
  gboolean explain = !valid && (self->submitted || !typing);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "open", valid);
  gtk_label_set_text (self->error_label, explain ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), explain);
  if (explain)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
}

static void
on_entry_changed (CabUrlDialog *self)
{
  self->submitted = FALSE;
  update (self);
}

/* Enter opens a good URL as the Open button would (and closes the dialog); a bad one stays,
 * as typed, with the reason under it. */
static void
on_entry_activate (CabUrlDialog *self)
{
  self->submitted = TRUE;
  update (self);
  if (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self), "open"))
    gtk_widget_activate_default (GTK_WIDGET (self->entry));
}

static void
cab_url_dialog_constructed (GObject *object)
{
  CabUrlDialog *self = CAB_URL_DIALOG (object);

  G_OBJECT_CLASS (cab_url_dialog_parent_class)->constructed (object);

  if (self->settings != NULL)
    g_settings_bind (self->settings, "poll-interval-ms", self->poll_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
}

static void
cab_url_dialog_dispose (GObject *object)
{
  CabUrlDialog *self = CAB_URL_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CAB_TYPE_URL_DIALOG);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cab_url_dialog_parent_class)->dispose (object);
}

static void
cab_url_dialog_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CabUrlDialog *self = CAB_URL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cab_url_dialog_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CabUrlDialog *self = CAB_URL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cab_url_dialog_class_init (CabUrlDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cab_url_dialog_constructed;
  object_class->dispose = cab_url_dialog_dispose;
  object_class->set_property = cab_url_dialog_set_property;
  object_class->get_property = cab_url_dialog_get_property;

  /* The app's settings, for the poll interval; NULL leaves the spin button unbound. */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/cab-url-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CabUrlDialog, entry);
  gtk_widget_class_bind_template_child (widget_class, CabUrlDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CabUrlDialog, poll_adjustment);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);
}

static void
cab_url_dialog_init (CabUrlDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CabUrlDialog *
cab_url_dialog_new (GtkWindow *parent,
                    GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (CAB_TYPE_URL_DIALOG,
                       "transient-for", parent,
                       "settings", settings,
                       NULL);
}

char *
cab_url_dialog_dup_url (CabUrlDialog *self)
{
  g_return_val_if_fail (CAB_IS_URL_DIALOG (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
}
