/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The users page of the side pane: the account's users (managers) and whether each is online,
 * which is what APP.sdk.showUserStatus() reports to a widget (SPEC §3). A telephony widget
 * typically asks it to route a call, so flipping a switch here is how a developer tries the
 * "nobody is online" branch. The page keeps no users of its own: it reads them from CabState
 * and edits them only through cab_state_set_user_online(), so an edit is one undo step and
 * reaches the cabinet like any other. An account has a handful of users, so plain rows in a
 * preferences group are enough (no recycling list). */
#include "config.h"

#include <glib/gi18n.h>

#include "cab-panel-util.h"
#include "cab-users-page.h"

struct _CabUsersPage
{
  AdwBin               parent_instance;

  CabState            *state;
  /* The rows the page added to the group, in the document's order. */
  GPtrArray           *rows;
  /* User id → its GtkSwitch (owned by its row), for the signal of one user's change. */
  GHashTable          *switches;
  /* Set while the page moves a switch to the model's value, which is not the user's edit. */
  gboolean             syncing;

  AdwPreferencesGroup *users_group;
  AdwActionRow        *empty_row;
  AdwActionRow        *summary_row;
};

G_DEFINE_FINAL_TYPE (CabUsersPage, cab_users_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The user id a switch stands for. */
#define USER_ID_KEY "cab-user-id"
/* The avatar of a row, so that a renamed user gets new initials. */
#define AVATAR_KEY "cab-avatar"

static JsonObject *
peek_users (CabUsersPage *self)
{
  JsonNode *node = self->state != NULL ? cab_state_peek (self->state, "users") : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonObject *
peek_user (CabUsersPage *self,
           const char   *id)
{
  JsonObject *users = peek_users (self);
  JsonNode *node = users != NULL && id != NULL ? json_object_get_member (users, id) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
user_name (JsonObject *user)
{
  JsonNode *node = json_object_get_member (user, "name");
  const char *name = node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : "";

  return *name != '\0' ? name : _("Unnamed");
}

static gboolean
user_online (JsonObject *user)
{
  JsonNode *node = json_object_get_member (user, "online");

  return node != NULL && json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

/* "1 of 2 online", and who: the answer a widget gets, in words. */
static void
update_summary (CabUsersPage *self)
{
  JsonObject *users = peek_users (self);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *title = NULL;
  JsonObjectIter iter;
  const char *id;
  JsonNode *node;
  guint total = 0, online = 0;

  if (users != NULL)
    {
      json_object_iter_init_ordered (&iter, users);
      while (json_object_iter_next_ordered (&iter, &id, &node))
        {
          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          total++;
          if (!user_online (json_node_get_object (node)))
            continue;
          online++;
          if (names->len > 0)
            /* Translators: the separator of the names of the users who are online. */
            g_string_append (names, _(", "));
          g_string_append (names, user_name (json_node_get_object (node)));
        }
    }

  /* Translators: how many of the account's users are online, e.g. “1 of 2 online”. */
  title = g_strdup_printf (_("%u of %u online"), online, total);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), title);
  adw_action_row_set_subtitle (self->summary_row,
                               online > 0 ? names->str : _("Nobody is online: a call has no one to go to"));
}

static void
sync_row (CabUsersPage *self,
          GtkSwitch    *widget,
          JsonObject   *user)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (widget), ADW_TYPE_ACTION_ROW);
  AdwAvatar *avatar = g_object_get_data (G_OBJECT (row), AVATAR_KEY);
  const char *name = user_name (user);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_avatar_set_text (avatar, name);

  self->syncing = TRUE;
  gtk_switch_set_active (widget, user_online (user));
  self->syncing = FALSE;
  cab_panel_row_clear_error (GTK_WIDGET (row));
}

static void
on_online_active (CabUsersPage *self,
                  GParamSpec   *pspec,
                  GtkSwitch    *widget)
{
  const char *id = g_object_get_data (G_OBJECT (widget), USER_ID_KEY);
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (widget), ADW_TYPE_ACTION_ROW);
  g_autoptr(GError) error = NULL;
  JsonObject *user;

  if (self->syncing || self->state == NULL)
    return;

  user = peek_user (self, id);
  if (user != NULL && user_online (user) == gtk_switch_get_active (widget))
    {
      cab_panel_row_clear_error (GTK_WIDGET (row));
      return;
    }

  if (!cab_state_set_user_online (self->state, id, gtk_switch_get_active (widget), &error))
    {
      /* The switch goes back to what the model holds, so it never shows what widgets do not
       * see; the row says why. */
      self->syncing = TRUE;
      gtk_switch_set_active (widget, user != NULL && user_online (user));
      self->syncing = FALSE;
      cab_panel_row_set_error (row, error->message);
      return;
    }
  cab_panel_row_clear_error (GTK_WIDGET (row));
}

static GtkWidget *
new_user_row (CabUsersPage *self,
              const char   *id,
              JsonObject   *user)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *avatar = adw_avatar_new (32, NULL, TRUE);
  GtkWidget *widget = gtk_switch_new ();
  g_autofree char *row_name = g_strconcat ("user-", id, NULL);
  g_autofree char *switch_name = g_strconcat ("user-online-", id, NULL);
  /* Translators: the subtitle of a user's row, e.g. “ID 7001”. */
  g_autofree char *subtitle = g_strdup_printf (_("ID %s"), id);

  /* Names come from the document: "&" or "<" in one is text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_name (row, row_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);
  g_object_set_data (G_OBJECT (row), AVATAR_KEY, avatar);

  gtk_widget_set_name (widget, switch_name);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (widget, _("Online"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Online"), -1);
  g_object_set_data_full (G_OBJECT (widget), USER_ID_KEY, g_strdup (id), g_free);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), widget);

  sync_row (self, GTK_SWITCH (widget), user);
  g_signal_connect_object (widget, "notify::active", G_CALLBACK (on_online_active), self, G_CONNECT_SWAPPED);

  g_hash_table_insert (self->switches, g_strdup (id), widget);
  return row;
}

static void
rebuild (CabUsersPage *self)
{
  JsonObject *users = peek_users (self);
  JsonObjectIter iter;
  const char *id;
  JsonNode *node;

  g_hash_table_remove_all (self->switches);
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->users_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (users != NULL)
    {
      json_object_iter_init_ordered (&iter, users);
      while (json_object_iter_next_ordered (&iter, &id, &node))
        {
          GtkWidget *row;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          row = new_user_row (self, id, json_node_get_object (node));
          adw_preferences_group_add (self->users_group, row);
          g_ptr_array_add (self->rows, row);
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->empty_row), self->rows->len == 0);
  update_summary (self);
}

static void
on_state_changed (CabUsersPage *self,
                  const char   *what,
                  const char   *key,
                  CabState     *state)
{
  gboolean users = g_strcmp0 (what, "users") == 0;

  if (users && key != NULL)
    {
      GtkSwitch *widget = g_hash_table_lookup (self->switches, key);
      JsonObject *user = peek_user (self, key);

      /* One user changed (a flip here, an undo of one): only its row moves, and the focus
       * stays on the switch the user is on. A user who came or went changes the list. */
      if (widget != NULL && user != NULL)
        {
          sync_row (self, widget, user);
          update_summary (self);
        }
      else
        rebuild (self);
      return;
    }

  if (users || g_strcmp0 (what, "document") == 0)
    rebuild (self);
}

static void
cab_users_page_constructed (GObject *object)
{
  CabUsersPage *self = CAB_USERS_PAGE (object);

  G_OBJECT_CLASS (cab_users_page_parent_class)->constructed (object);

  g_return_if_fail (CAB_IS_STATE (self->state));

  g_signal_connect_object (self->state, "changed", G_CALLBACK (on_state_changed), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

static void
cab_users_page_dispose (GObject *object)
{
  CabUsersPage *self = CAB_USERS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CAB_TYPE_USERS_PAGE);
  g_clear_pointer (&self->switches, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (cab_users_page_parent_class)->dispose (object);
}

static void
cab_users_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CabUsersPage *self = CAB_USERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      self->state = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cab_users_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CabUsersPage *self = CAB_USERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_object (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cab_users_page_class_init (CabUsersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cab_users_page_constructed;
  object_class->dispose = cab_users_page_dispose;
  object_class->set_property = cab_users_page_set_property;
  object_class->get_property = cab_users_page_get_property;

  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL,
                         CAB_TYPE_STATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/cab-users-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CabUsersPage, users_group);
  gtk_widget_class_bind_template_child (widget_class, CabUsersPage, empty_row);
  gtk_widget_class_bind_template_child (widget_class, CabUsersPage, summary_row);
}

static void
cab_users_page_init (CabUsersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->switches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

GtkWidget *
cab_users_page_new (CabState *state)
{
  g_return_val_if_fail (CAB_IS_STATE (state), NULL);

  return g_object_new (CAB_TYPE_USERS_PAGE, "state", state, NULL);
}
