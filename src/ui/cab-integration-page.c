/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Integration page of the side pane: the amoCRM integration the token passed to initLead
 * is built from (SPEC §4), and that token as the widget got it, decoded. A widget's backend
 * verifies the token with a JWT library; seeing its claims next to what made them is how a
 * developer finds out why the backend refuses it.
 *
 * The client secret is shown masked and goes only to the model: never into a log line, an
 * event or a refusal's words. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cab-integration-page.h"
#include "cab-jwt.h"
#include "cab-panel-util.h"

struct _CabIntegrationPage
{
  AdwBin               parent_instance;

  CabCabinet          *cabinet;
  CabState            *state;
  guint                copied_timeout;

  AdwPasswordEntryRow *secret_row;
  AdwEntryRow         *redirect_uri_row;
  AdwEntryRow         *account_address_row;
  AdwEntryRow         *client_uuid_row;
  AdwEntryRow         *user_id_row;
  AdwActionRow        *lifetime_row;
  GtkSpinButton       *lifetime_spin;
  GtkLabel            *no_secret_label;
  GtkLabel            *token_status_label;
  GtkWidget           *token_card;
  GtkLabel            *token_label;
  GtkButton           *copy_button;
  GtkWidget           *header_group;
  GtkLabel            *header_label;
  GtkWidget           *claims_group;
  AdwActionRow        *iat_row;
  AdwActionRow        *nbf_row;
  AdwActionRow        *exp_row;
  GtkLabel            *claims_label;
};

G_DEFINE_FINAL_TYPE (CabIntegrationPage, cab_integration_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CABINET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


#define COPIED_FEEDBACK_MS 1500

static JsonObject *
peek_integration (CabIntegrationPage *self)
{
  JsonNode *node = self->state != NULL ? cab_state_peek (self->state, "integration") : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* --- The integration ---------------------------------------------------------------------- */

static void
refresh_integration (CabIntegrationPage *self)
{
  JsonObject *integration = peek_integration (self);
  const char *secret;
  gint64 lifetime;

  if (integration == NULL)
    return;

  secret = json_object_get_string_member_with_default (integration, "clientSecret", "");
  cab_panel_entry_sync (GTK_EDITABLE (self->secret_row), secret);
  cab_panel_entry_sync (GTK_EDITABLE (self->redirect_uri_row),
              json_object_get_string_member_with_default (integration, "redirectUri", ""));
  cab_panel_entry_sync (GTK_EDITABLE (self->account_address_row),
              json_object_get_string_member_with_default (integration, "accountAddress", ""));
  cab_panel_entry_sync (GTK_EDITABLE (self->client_uuid_row),
              json_object_get_string_member_with_default (integration, "clientUuid", ""));
  cab_panel_entry_sync (GTK_EDITABLE (self->user_id_row),
              json_object_get_string_member_with_default (integration, "userId", ""));

  /* Only a change of the model moves the spin button: what the user is typing there stays. */
  lifetime = (gint64) json_object_get_double_member_with_default (integration, "tokenLifetime", 0);
  if (GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (self->lifetime_spin), CAB_PANEL_SHOWN_KEY)) != (gsize) lifetime)
    {
      g_object_set_data (G_OBJECT (self->lifetime_spin), CAB_PANEL_SHOWN_KEY, GSIZE_TO_POINTER ((gsize) lifetime));
      gtk_spin_button_set_value (self->lifetime_spin, (double) lifetime);
      cab_panel_row_clear_error (GTK_WIDGET (self->lifetime_row));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->no_secret_label), *secret == '\0');
}

static void
on_state_changed (CabIntegrationPage *self,
                  const char         *what,
                  const char         *key,
                  CabState           *state)
{
  if (g_strcmp0 (what, "integration") == 0 || g_strcmp0 (what, "document") == 0)
    refresh_integration (self);
}

/* Sets one member of the integration to @value (taken) through the model. A value equal to
 * the model's is no edit at all. */
static void
commit_member (CabIntegrationPage *self,
               GtkWidget          *row,
               const char         *member,
               JsonNode           *value)
{
  cab_panel_commit_member (self->state, cab_state_set_integration, peek_integration (self), row, member, value);
}

static void
on_row_changed (CabIntegrationPage *self,
                GtkEditable        *row)
{
  const char *member;

  if (self->state == NULL)
    return;

  if (row == GTK_EDITABLE (self->secret_row))
    member = "clientSecret";
  else if (row == GTK_EDITABLE (self->redirect_uri_row))
    member = "redirectUri";
  else if (row == GTK_EDITABLE (self->account_address_row))
    member = "accountAddress";
  else if (row == GTK_EDITABLE (self->client_uuid_row))
    member = "clientUuid";
  else if (row == GTK_EDITABLE (self->user_id_row))
    member = "userId";
  else
    g_assert_not_reached ();

  commit_member (self, GTK_WIDGET (row), member, json_node_init_string (json_node_alloc (), gtk_editable_get_text (row)));
}

/* The text as typed: the spin button takes it only on Enter or when it loses the focus, and
 * then clamps it to its range, which would apply a value the user never typed. */
static void
on_lifetime_changed (CabIntegrationPage *self)
{
  g_autofree char *text = NULL;
  guint64 seconds;

  if (self->state == NULL)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->lifetime_spin))));
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &seconds, NULL))
    {
      g_autofree char *message =
        /* Translators: the token lifetime field held something other than a whole number. */
        g_strdup_printf (_("The token lifetime is a whole number of seconds: “%s”"), text);

      cab_panel_row_set_error (GTK_WIDGET (self->lifetime_row), message);
      return;
    }

  commit_member (self, GTK_WIDGET (self->lifetime_row), "tokenLifetime",
                 json_node_init_int (json_node_alloc (), (gint64) seconds));
}

/* A fresh id goes through the row, as if typed: the same check and undo step. */
static void
generate_uuid_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CabIntegrationPage *self = CAB_INTEGRATION_PAGE (widget);
  g_autofree char *uuid = g_uuid_string_random ();

  gtk_editable_set_text (GTK_EDITABLE (self->client_uuid_row), uuid);
}

/* --- The last token ----------------------------------------------------------------------- */

/* One part of the token as indented JSON, or NULL when it is not JSON in base64url. */
static JsonNode *
decode_json_part (const char *part)
{
  gsize len = 0;
  g_autofree char *text = cab_jwt_decode_part (part, &len);

  if (text == NULL || strlen (text) != len || !g_utf8_validate (text, len, NULL))
    return NULL;
  return json_from_string (text, NULL);
}

static void
show_time_claim (AdwActionRow *row,
                 JsonObject   *claims,
                 const char   *name,
                 gboolean      is_expiry)
{
  JsonNode *node = json_object_get_member (claims, name);
  g_autoptr(GDateTime) moment = NULL;
  g_autofree char *local = NULL;
  g_autofree char *subtitle = NULL;
  gint64 seconds;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      gtk_widget_set_visible (GTK_WIDGET (row), FALSE);
      return;
    }

  seconds = json_node_get_int (node);
  moment = g_date_time_new_from_unix_local (seconds);
  local = moment != NULL ? g_date_time_format (moment, "%c") : g_strdup_printf ("%" G_GINT64_FORMAT, seconds);
  if (is_expiry && seconds <= g_get_real_time () / G_USEC_PER_SEC)
    /* Translators: a token's expiry time, e.g. “Sat 21 Nov 2026 14:05:00 — expired”. */
    subtitle = g_strdup_printf (_("%s — expired"), local);
  else
    subtitle = g_steal_pointer (&local);

  adw_action_row_set_subtitle (row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (row), TRUE);
}

static void
refresh_token (CabIntegrationPage *self)
{
  const char *token = self->cabinet != NULL ? cab_cabinet_get_last_token (self->cabinet) : NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(JsonNode) header = NULL;
  g_autoptr(JsonNode) claims = NULL;
  const char *status = NULL;

  if (token == NULL)
    status = _("No token yet: no widget has called initLead with a token minted by the app.");
  else if (*token == '\0')
    status = _("The last token was empty: the integration had no client secret.");

  gtk_label_set_text (self->token_status_label, status != NULL ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->token_status_label), status != NULL);
  gtk_label_set_text (self->token_label, token != NULL ? token : "");
  gtk_widget_set_visible (self->token_card, status == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "integration.copy-token", status == NULL);

  if (status == NULL)
    {
      parts = g_strsplit (token, ".", -1);
      if (g_strv_length (parts) == 3)
        {
          header = decode_json_part (parts[0]);
          claims = decode_json_part (parts[1]);
        }
    }

  if (header != NULL)
    {
      g_autofree char *text = json_to_string (header, TRUE);

      gtk_label_set_text (self->header_label, text);
    }
  gtk_widget_set_visible (self->header_group, header != NULL);

  if (claims != NULL && JSON_NODE_HOLDS_OBJECT (claims))
    {
      g_autofree char *text = json_to_string (claims, TRUE);

      gtk_label_set_text (self->claims_label, text);
      show_time_claim (self->iat_row, json_node_get_object (claims), "iat", FALSE);
      show_time_claim (self->nbf_row, json_node_get_object (claims), "nbf", FALSE);
      show_time_claim (self->exp_row, json_node_get_object (claims), "exp", TRUE);
    }
  gtk_widget_set_visible (self->claims_group, claims != NULL && JSON_NODE_HOLDS_OBJECT (claims));
}

static gboolean
copied_feedback_done (gpointer user_data)
{
  CabIntegrationPage *self = user_data;

  self->copied_timeout = 0;
  gtk_button_set_icon_name (self->copy_button, "edit-copy-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->copy_button), _("Copy Token"));
  return G_SOURCE_REMOVE;
}

/* The button says it was done: a toast would cover the cabinet the token is pasted into. */
static void
copy_token_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CabIntegrationPage *self = CAB_INTEGRATION_PAGE (widget);
  const char *token = cab_cabinet_get_last_token (self->cabinet);

  if (token == NULL || *token == '\0')
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), token);
  gtk_button_set_icon_name (self->copy_button, "object-select-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->copy_button), _("Copied"));
  g_clear_handle_id (&self->copied_timeout, g_source_remove);
  self->copied_timeout = g_timeout_add (COPIED_FEEDBACK_MS, copied_feedback_done, self);
}

/* --- GObject ------------------------------------------------------------------------------ */

static void
cab_integration_page_constructed (GObject *object)
{
  CabIntegrationPage *self = CAB_INTEGRATION_PAGE (object);

  G_OBJECT_CLASS (cab_integration_page_parent_class)->constructed (object);

  /* Built from its template alone (the check of the .ui files does that), the page has no
   * model: its rows show, and nothing applies. */
  if (self->cabinet != NULL)
    g_object_get (self->cabinet, "state", &self->state, NULL);
  if (self->state == NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "integration.generate-uuid", FALSE);
      refresh_token (self);
      return;
    }

  g_signal_connect_object (self->state, "changed", G_CALLBACK (on_state_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cabinet, "notify::last-token", G_CALLBACK (refresh_token), self, G_CONNECT_SWAPPED);
  refresh_integration (self);
  refresh_token (self);
}

static void
cab_integration_page_dispose (GObject *object)
{
  CabIntegrationPage *self = CAB_INTEGRATION_PAGE (object);

  g_clear_handle_id (&self->copied_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAB_TYPE_INTEGRATION_PAGE);
  g_clear_object (&self->state);
  g_clear_object (&self->cabinet);

  G_OBJECT_CLASS (cab_integration_page_parent_class)->dispose (object);
}

static void
cab_integration_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CabIntegrationPage *self = CAB_INTEGRATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_CABINET:
      self->cabinet = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cab_integration_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CabIntegrationPage *self = CAB_INTEGRATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_CABINET:
      g_value_set_object (value, self->cabinet);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cab_integration_page_class_init (CabIntegrationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cab_integration_page_constructed;
  object_class->dispose = cab_integration_page_dispose;
  object_class->set_property = cab_integration_page_set_property;
  object_class->get_property = cab_integration_page_get_property;

  properties[PROP_CABINET] =
    g_param_spec_object ("cabinet", NULL, NULL,
                         CAB_TYPE_CABINET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/cab-integration-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CabIntegrationPage, secret_row);
  gtk_widget_class_bind_template_child (widget_class, CabIntegrationPage, redirect_uri_row);
  gtk_widget_class_bind_template_child (widget_class, CabIntegrationPage, account_address_row);
  gtk_widget_class_bind_template_child (widget_class, CabIntegrationPage, client_uuid_row);
  gtk_widget_class_bind_template_child (widget_class, CabIntegrationPage, user_id_row);
  gtk_widget_class_bind_template_child (widget_class, CabIntegrationPage, lifetime_row);
  gtk_widget_class_bind_template_child (widget_class, CabIntegrationPage, lifetime_spin);
  gtk_widget_class_bind_template_child (widget_class, CabIntegrationPage, no_secret_label);
  gtk_widget_class_bind_template_child (widget_class, CabIntegrationPage, token_status_label);
  gtk_widget_class_bind_template_child (widget_class, CabIntegrationPage, token_card);
  gtk_widget_class_bind_template_child (widget_class, CabIntegrationPage, token_label);
  gtk_widget_class_bind_template_child (widget_class, CabIntegrationPage, copy_button);
  gtk_widget_class_bind_template_child (widget_class, CabIntegrationPage, header_group);
  gtk_widget_class_bind_template_child (widget_class, CabIntegrationPage, header_label);
  gtk_widget_class_bind_template_child (widget_class, CabIntegrationPage, claims_group);
  gtk_widget_class_bind_template_child (widget_class, CabIntegrationPage, iat_row);
  gtk_widget_class_bind_template_child (widget_class, CabIntegrationPage, nbf_row);
  gtk_widget_class_bind_template_child (widget_class, CabIntegrationPage, exp_row);
  gtk_widget_class_bind_template_child (widget_class, CabIntegrationPage, claims_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_lifetime_changed);

  gtk_widget_class_install_action (widget_class, "integration.generate-uuid", NULL, generate_uuid_activated);
  gtk_widget_class_install_action (widget_class, "integration.copy-token", NULL, copy_token_activated);
}

static void
cab_integration_page_init (CabIntegrationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cab_integration_page_new (CabCabinet *cabinet)
{
  g_return_val_if_fail (CAB_IS_CABINET (cabinet), NULL);

  return g_object_new (CAB_TYPE_INTEGRATION_PAGE, "cabinet", cabinet, NULL);
}
