/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The authors page of the side pane: AuthorsModel (SPEC §2), the people and bots who write in
 * the cabinet's conversation. A scenario may have thousands of them, so the list is a
 * recycling GtkListView over the author ids (each row reads its author from the state when it
 * is bound) with a search entry; a row opens the author's editor on the leaflet's second page.
 * The page never keeps authors of its own: it reads them from CabState and edits them only
 * through cab_state_set_author() / cab_state_add_author() / cab_state_remove_author(). */
#include "config.h"

#include <glib/gi18n.h>

#include "cab-author-row.h"
#include "cab-authors-page.h"
#include "cab-avatar-loader.h"
#include "cab-panel-util.h"
#include "cab-url.h"

struct _CabAuthorsPage
{
  AdwBin              parent_instance;

  CabState           *state;
  CabAvatarLoader    *avatars;
  GtkStringList      *ids;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  /* The search text, case-folded; NULL when the search is empty. */
  char               *needle;
  /* The author the editor shows, or NULL. */
  char               *editing_id;
  /* Set while the page moves its switches to the model's values, which is not an edit. */
  gboolean            syncing;

  AdwLeaflet         *leaflet;
  GtkWidget          *list_page;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkLabel           *editor_title;
  AdwAvatar          *preview;
  GtkLabel           *preview_caption;
  GtkLabel           *id_label;
  AdwEntryRow        *name_row;
  AdwEntryRow        *avatar_row;
  GtkSwitch          *bot_switch;
  GtkSwitch          *client_switch;
};

G_DEFINE_FINAL_TYPE (CabAuthorsPage, cab_authors_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static JsonObject *
peek_authors (CabAuthorsPage *self)
{
  JsonNode *node = self->state != NULL ? cab_state_peek (self->state, CAB_ENTITY_AUTHORS) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonObject *
peek_author (CabAuthorsPage *self,
             const char     *id)
{
  JsonObject *authors = peek_authors (self);
  JsonNode *node = authors != NULL && id != NULL ? json_object_get_member (authors, id) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : "";
}

static gboolean
member_boolean (JsonObject *object,
                const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

static char *
fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normalized != NULL ? normalized : text, -1);
}

/* The list: ids, filtered by the search, shown by recycled CabAuthorRows. */

static gboolean
filter_author (gpointer item,
               gpointer user_data)
{
  CabAuthorsPage *self = user_data;
  const char *id = gtk_string_object_get_string (item);
  JsonObject *author;
  g_autofree char *name = NULL;
  g_autofree char *folded_id = NULL;

  if (self->needle == NULL)
    return TRUE;

  author = peek_author (self, id);
  name = fold (author != NULL ? member_string (author, "name") : "");
  if (strstr (name, self->needle) != NULL)
    return TRUE;
  folded_id = fold (id);
  return strstr (folded_id, self->needle) != NULL;
}

static void
update_empty_state (CabAuthorsPage *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  if (empty && self->needle != NULL)
    {
      adw_status_page_set_icon_name (self->empty_page, "system-search-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Authors Found"));
      adw_status_page_set_description (self->empty_page, _("No author's name or id has this text."));
    }
  else if (empty)
    {
      adw_status_page_set_icon_name (self->empty_page, "system-users-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Authors"));
      adw_status_page_set_description (self->empty_page,
                                       _("Authors write the messages of the conversation. Add one to start."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "list");
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           CabAuthorsPage           *self)
{
  gtk_list_item_set_child (item, cab_author_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          CabAuthorsPage           *self)
{
  const char *id = gtk_string_object_get_string (gtk_list_item_get_item (item));

  cab_author_row_set_author (CAB_AUTHOR_ROW (gtk_list_item_get_child (item)), peek_author (self, id), self->avatars);
}

static guint
find_position (CabAuthorsPage *self,
               const char     *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->ids));

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->ids, i), id) == 0)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static void
rebuild_list (CabAuthorsPage *self)
{
  JsonObject *authors = peek_authors (self);
  g_autoptr(GList) members = authors != NULL ? json_object_get_members (authors) : NULL;
  g_autofree const char **ids = g_new0 (const char *, g_list_length (members) + 1);
  guint n = 0;

  for (GList *l = members; l != NULL; l = l->next)
    ids[n++] = l->data;
  gtk_string_list_splice (self->ids, 0, g_list_model_get_n_items (G_LIST_MODEL (self->ids)), ids);
}

static guint
document_position (CabAuthorsPage *self,
                   const char     *id)
{
  JsonObject *authors = peek_authors (self);
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  guint position = 0;

  json_object_iter_init_ordered (&iter, authors);
  while (json_object_iter_next_ordered (&iter, &name, &node) && g_strcmp0 (name, id) != 0)
    position++;

  return MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->ids)));
}

/* One author changed, came or went: only its row is touched. */
static void
refresh_author_row (CabAuthorsPage *self,
                    const char     *id)
{
  guint position = find_position (self, id);
  const char * const replacement[] = { id, NULL };

  if (peek_author (self, id) == NULL)
    {
      if (position != GTK_INVALID_LIST_POSITION)
        gtk_string_list_remove (self->ids, position);
    }
  else if (position == GTK_INVALID_LIST_POSITION)
    {
      /* The list keeps the document's order: an author brought back by an undo returns to
       * where it was. */
      gtk_string_list_splice (self->ids, document_position (self, id), 0, replacement);
    }
  else
    {
      /* A new item in the same place: the list view binds its row again, and the filter
       * looks at the new name. */
      gtk_string_list_splice (self->ids, position, 1, replacement);
    }
}

/* The editor. */

static void
update_preview_caption (CabAuthorsPage *self)
{
  JsonObject *author = peek_author (self, self->editing_id);
  const char *url = author != NULL ? member_string (author, "avatar") : "";
  const char *error = cab_avatar_loader_get_error (self->avatars, url);
  g_autofree char *text = NULL;

  if (*url == '\0')
    text = g_strdup (_("No avatar: the initials are shown"));
  else if (cab_avatar_loader_is_loading (self->avatars, url))
    text = g_strdup (_("Loading the avatar…"));
  else if (error != NULL)
    /* Translators: below the avatar preview when the image could not be loaded. */
    text = g_strdup_printf (_("The avatar cannot be shown: %s"), error);

  gtk_label_set_text (self->preview_caption, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->preview_caption), text != NULL);
}

static void
on_avatar_loaded (CabAuthorsPage  *self,
                  const char      *url,
                  CabAvatarLoader *avatars)
{
  JsonObject *author = peek_author (self, self->editing_id);

  if (author != NULL && g_strcmp0 (member_string (author, "avatar"), url) == 0)
    update_preview_caption (self);
}

static void
show_list (CabAuthorsPage *self)
{
  g_clear_pointer (&self->editing_id, g_free);
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "authors.remove", FALSE);
}

static void
refresh_editor (CabAuthorsPage *self)
{
  JsonObject *author;
  const char *name;

  if (self->editing_id == NULL)
    return;

  author = peek_author (self, self->editing_id);
  if (author == NULL)
    {
      /* Removed here, by an undo or by a new document: there is nothing left to edit. */
      show_list (self);
      return;
    }

  name = member_string (author, "name");
  gtk_label_set_text (self->id_label, self->editing_id);
  gtk_label_set_text (self->editor_title, *name != '\0' ? name : _("Unnamed"));
  cab_panel_entry_sync (GTK_EDITABLE (self->name_row), name);
  cab_panel_entry_sync (GTK_EDITABLE (self->avatar_row), member_string (author, "avatar"));

  self->syncing = TRUE;
  gtk_switch_set_active (self->bot_switch, member_boolean (author, "isBot"));
  gtk_switch_set_active (self->client_switch, member_boolean (author, "isClient"));
  self->syncing = FALSE;

  adw_avatar_set_text (self->preview, name);
  cab_avatar_loader_apply (self->avatars, self->preview, member_string (author, "avatar"));
  update_preview_caption (self);
}

static void
on_state_changed (CabAuthorsPage *self,
                  const char     *what,
                  const char     *key,
                  CabState       *state)
{
  if (g_strcmp0 (what, CAB_ENTITY_AUTHORS) == 0 && key != NULL)
    {
      refresh_author_row (self, key);
      if (g_strcmp0 (key, self->editing_id) == 0)
        refresh_editor (self);
      return;
    }

  if (g_strcmp0 (what, CAB_ENTITY_AUTHORS) == 0 || g_strcmp0 (what, "document") == 0)
    {
      rebuild_list (self);
      refresh_editor (self);
    }
}

/* Replaces one member of the edited author through the model (the whole author object, the
 * other members as they are). A value equal to the model's is no edit at all. */
static void
commit_member (CabAuthorsPage *self,
               GtkWidget      *row,
               const char     *member,
               JsonNode       *value)
{
  cab_panel_commit_member (self->state, cab_state_set_author, peek_author (self, self->editing_id),
                           row, member, value);
}

static void
on_name_apply (CabAuthorsPage *self,
               AdwEntryRow    *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  /* A nameless author is a blank line in the conversation: the cabinet always has a name. */
  if (*stripped == '\0')
    {
      cab_panel_row_set_error (GTK_WIDGET (row), _("An author needs a name"));
      return;
    }

  commit_member (self, GTK_WIDGET (row), "name", json_node_init_string (json_node_alloc (), text));
}


static void
on_avatar_apply (CabAuthorsPage *self,
                 AdwEntryRow    *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;

  if (!cab_url_check (text, &error))
    {
      cab_panel_row_set_error (GTK_WIDGET (row), error->message);
      return;
    }

  commit_member (self, GTK_WIDGET (row), "avatar", json_node_init_string (json_node_alloc (), text));
}

static void
on_switch_active (CabAuthorsPage *self,
                  GParamSpec     *pspec,
                  GtkSwitch      *widget)
{
  GtkWidget *row;

  if (self->syncing || self->editing_id == NULL)
    return;

  row = gtk_widget_get_ancestor (GTK_WIDGET (widget), ADW_TYPE_ACTION_ROW);
  commit_member (self, row != NULL ? row : GTK_WIDGET (widget),
                 widget == self->bot_switch ? "isBot" : "isClient",
                 json_node_init_boolean (json_node_alloc (), gtk_switch_get_active (widget)));
}

static void
open_editor (CabAuthorsPage *self,
             const char     *id)
{
  if (peek_author (self, id) == NULL)
    return;

  g_free (self->editing_id);
  self->editing_id = g_strdup (id);

  /* Another author: what was typed for the previous one does not carry over. */
  g_object_set_data (G_OBJECT (self->name_row), CAB_PANEL_SHOWN_KEY, NULL);
  g_object_set_data (G_OBJECT (self->avatar_row), CAB_PANEL_SHOWN_KEY, NULL);
  cab_panel_row_clear_error (GTK_WIDGET (self->name_row));
  cab_panel_row_clear_error (GTK_WIDGET (self->avatar_row));
  refresh_editor (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "authors.remove", TRUE);
  adw_leaflet_set_visible_child_name (self->leaflet, "editor");
}

/* Signals and actions. */

static void
on_search_changed (CabAuthorsPage *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_clear_pointer (&self->needle, g_free);
  if (*text != '\0')
    self->needle = fold (text);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty_state (self);
}

/* Enter in the search opens the first author found. */
static void
on_search_activate (CabAuthorsPage *self,
                    GtkSearchEntry *entry)
{
  g_autoptr(GtkStringObject) first = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);

  if (first != NULL)
    cab_authors_page_select (self, gtk_string_object_get_string (first));
}

static void
on_list_activate (CabAuthorsPage *self,
                  guint           position,
                  GtkListView    *list_view)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  /* The focus follows into the editor: the row that had it is hidden now. */
  if (item != NULL)
    cab_authors_page_select (self, gtk_string_object_get_string (item));
}

/* A swipe or Alt+Left goes back too; the list must not keep an author "open" then. */
static void
on_visible_child_changed (CabAuthorsPage *self)
{
  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "list") == 0 && self->editing_id != NULL)
    show_list (self);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CabAuthorsPage *self = CAB_AUTHORS_PAGE (widget);

  if (self->editing_id == NULL)
    return;
  show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CabAuthorsPage *self = CAB_AUTHORS_PAGE (widget);
  g_autofree char *id = cab_state_add_author (self->state);

  if (id == NULL)
    return;

  /* The new author has no name to be found by: it must be in the list when the user comes
   * back to it. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  cab_authors_page_select (self, id);
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CabAuthorsPage *self = CAB_AUTHORS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (self->editing_id);

  if (id == NULL)
    return;
  if (!cab_state_remove_author (self->state, id, &error))
    {
      cab_panel_row_set_error (GTK_WIDGET (self->name_row), error->message);
      return;
    }
  /* The model's signal has closed the editor already; this is for a model that kept it. */
  show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* GObject. */

static void
cab_authors_page_constructed (GObject *object)
{
  CabAuthorsPage *self = CAB_AUTHORS_PAGE (object);

  G_OBJECT_CLASS (cab_authors_page_parent_class)->constructed (object);

  g_return_if_fail (CAB_IS_STATE (self->state));

  g_signal_connect_object (self->state, "changed", G_CALLBACK (on_state_changed), self, G_CONNECT_SWAPPED);
  rebuild_list (self);
  update_empty_state (self);
}

static void
cab_authors_page_dispose (GObject *object)
{
  CabAuthorsPage *self = CAB_AUTHORS_PAGE (object);

  /* Loads in flight hold the loader: stop them now, not when they end. */
  if (self->avatars != NULL)
    g_object_run_dispose (G_OBJECT (self->avatars));
  /* The leaflet is both a bound template child and the bin's child: let the bin drop it
   * first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAB_TYPE_AUTHORS_PAGE);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->ids);
  g_clear_object (&self->avatars);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (cab_authors_page_parent_class)->dispose (object);
}

static void
cab_authors_page_finalize (GObject *object)
{
  CabAuthorsPage *self = CAB_AUTHORS_PAGE (object);

  g_free (self->needle);
  g_free (self->editing_id);

  G_OBJECT_CLASS (cab_authors_page_parent_class)->finalize (object);
}

static void
cab_authors_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CabAuthorsPage *self = CAB_AUTHORS_PAGE (object);

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
cab_authors_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CabAuthorsPage *self = CAB_AUTHORS_PAGE (object);

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
cab_authors_page_class_init (CabAuthorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cab_authors_page_constructed;
  object_class->dispose = cab_authors_page_dispose;
  object_class->finalize = cab_authors_page_finalize;
  object_class->set_property = cab_authors_page_set_property;
  object_class->get_property = cab_authors_page_get_property;

  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL,
                         CAB_TYPE_STATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The list's rows are made in code (the factory), not by the template: register their type
   * with the page's, as GtkBuilder would. */
  g_type_ensure (CAB_TYPE_AUTHOR_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/cab-authors-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CabAuthorsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CabAuthorsPage, list_page);
  gtk_widget_class_bind_template_child (widget_class, CabAuthorsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CabAuthorsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, CabAuthorsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, CabAuthorsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CabAuthorsPage, editor_title);
  gtk_widget_class_bind_template_child (widget_class, CabAuthorsPage, preview);
  gtk_widget_class_bind_template_child (widget_class, CabAuthorsPage, preview_caption);
  gtk_widget_class_bind_template_child (widget_class, CabAuthorsPage, id_label);
  gtk_widget_class_bind_template_child (widget_class, CabAuthorsPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, CabAuthorsPage, avatar_row);
  gtk_widget_class_bind_template_child (widget_class, CabAuthorsPage, bot_switch);
  gtk_widget_class_bind_template_child (widget_class, CabAuthorsPage, client_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_name_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_avatar_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_switch_active);

  gtk_widget_class_install_action (widget_class, "authors.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "authors.remove", NULL, remove_activated);
  gtk_widget_class_install_action (widget_class, "authors.back", NULL, back_activated);
  /* Escape leaves the editor, as Alt+Left does (the leaflet's own shortcut). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "authors.back", NULL);
}

static void
cab_authors_page_init (CabAuthorsPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->avatars = cab_avatar_loader_new ();
  g_signal_connect_object (self->avatars, "loaded", G_CALLBACK (on_avatar_loaded), self, G_CONNECT_SWAPPED);

  self->ids = gtk_string_list_new (NULL);
  self->filter = gtk_custom_filter_new (filter_author, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->ids)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_empty_state), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)))));

  /* Typing in the list searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, self->list_page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "authors.remove", FALSE);
}

GtkWidget *
cab_authors_page_new (CabState *state)
{
  g_return_val_if_fail (CAB_IS_STATE (state), NULL);

  return g_object_new (CAB_TYPE_AUTHORS_PAGE, "state", state, NULL);
}

/* Opens the editor of @author_id (nothing happens for an id the model does not have), with
 * its name focused, as after "Add Author". */
void
cab_authors_page_select (CabAuthorsPage *self,
                         const char     *author_id)
{
  g_return_if_fail (CAB_IS_AUTHORS_PAGE (self));
  g_return_if_fail (author_id != NULL);

  open_editor (self, author_id);
  if (g_strcmp0 (self->editing_id, author_id) == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/* The id of the author whose editor is open, or NULL. */
const char *
cab_authors_page_get_selected (CabAuthorsPage *self)
{
  g_return_val_if_fail (CAB_IS_AUTHORS_PAGE (self), NULL);

  return self->editing_id;
}
