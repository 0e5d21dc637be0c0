/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One author in the authors page's list: avatar, name, and what kind of author it is. The list
 * recycles these rows, so a row is only ever told which author it shows now. */
#include "config.h"

#include <glib/gi18n.h>

#include "cab-author-row.h"

struct _CabAuthorRow
{
  AdwBin     parent_instance;

  AdwAvatar *avatar;
  GtkLabel  *name_label;
  GtkLabel  *detail_label;
};

G_DEFINE_FINAL_TYPE (CabAuthorRow, cab_author_row, ADW_TYPE_BIN)

static void
cab_author_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CAB_TYPE_AUTHOR_ROW);

  G_OBJECT_CLASS (cab_author_row_parent_class)->dispose (object);
}

static void
cab_author_row_class_init (CabAuthorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cab_author_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/cab-author-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CabAuthorRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, CabAuthorRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, CabAuthorRow, detail_label);
}

static void
cab_author_row_init (CabAuthorRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cab_author_row_new (void)
{
  return g_object_new (CAB_TYPE_AUTHOR_ROW, NULL);
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : "";
}

static gboolean
get_boolean (JsonObject *object,
             const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
         json_node_get_boolean (node);
}

/* Shows @author (an AuthorsModel entry), or nothing when it is NULL (an unbound row). The row
 * is named "author-row-<id>" so that tests can find the author's row. */
void
cab_author_row_set_author (CabAuthorRow    *self,
                           JsonObject      *author,
                           CabAvatarLoader *avatars)
{
  const char *id = get_string (author, "id");
  const char *name = get_string (author, "name");
  gboolean bot = get_boolean (author, "isBot");
  gboolean client = get_boolean (author, "isClient");
  g_autofree char *widget_name = NULL;
  g_autofree char *detail = NULL;
  const char *kind;

  g_return_if_fail (CAB_IS_AUTHOR_ROW (self));

  /* What a widget tells apart: the client, bots, and everyone else (the company's users). */
  if (bot && client)
    kind = _("Bot, client");
  else if (bot)
    kind = _("Bot");
  else if (client)
    kind = _("Client");
  else
    kind = _("User");

  gtk_label_set_text (self->name_label, *name != '\0' ? name : _("Unnamed"));
  gtk_widget_set_opacity (GTK_WIDGET (self->name_label), *name != '\0' ? 1.0 : 0.55);
  /* Translators: below an author's name in the list: what kind of author it is, and its id. */
  detail = g_strdup_printf (_("%s · %s"), kind, id);
  gtk_label_set_text (self->detail_label, author != NULL ? detail : "");

  adw_avatar_set_text (self->avatar, name);
  if (avatars != NULL)
    cab_avatar_loader_apply (avatars, self->avatar, get_string (author, "avatar"));
  else
    adw_avatar_set_custom_image (self->avatar, NULL);

  widget_name = author != NULL ? g_strconcat ("author-row-", id, NULL) : NULL;
  gtk_widget_set_name (GTK_WIDGET (self), widget_name != NULL ? widget_name : "author-row");
}

const char *
cab_author_row_get_name (CabAuthorRow *self)
{
  g_return_val_if_fail (CAB_IS_AUTHOR_ROW (self), NULL);

  return gtk_label_get_text (self->name_label);
}
