/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cab-field-add-popover.h"
#include "cab-field-format.h"

struct _CabFieldAddPopover
{
  GtkPopover   parent_instance;

  CabState    *state;
  /* Per owner_dropdown item: "lead", "company" or a contact's id. Read when the popover
   * shows, so that contacts added or renamed since are there. */
  GPtrArray   *owners;

  GtkDropDown *owner_dropdown;
  GtkDropDown *type_dropdown;
  GtkEntry    *name_entry;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (CabFieldAddPopover, cab_field_add_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

enum {
  ADDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
on_show (CabFieldAddPopover *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  JsonNode *lead_node = cab_state_peek (self->state, "lead");
  JsonNode *contacts_node = cab_state_peek (self->state, "contacts");

  g_ptr_array_set_size (self->owners, 0);
  gtk_string_list_append (labels, _("Lead"));
  g_ptr_array_add (self->owners, g_strdup ("lead"));

  if (lead_node != NULL && JSON_NODE_HOLDS_OBJECT (lead_node))
    {
      JsonObject *lead = json_node_get_object (lead_node);
      JsonNode *contacts = json_object_get_member (lead, "contacts");
      JsonNode *company = json_object_get_member (lead, "company");

      if (contacts != NULL && JSON_NODE_HOLDS_OBJECT (contacts))
        {
          g_autoptr(GList) contact_ids = json_object_get_members (json_node_get_object (contacts));

          for (const GList *l = contact_ids; l != NULL; l = l->next)
            {
              JsonObject *names = contacts_node != NULL && JSON_NODE_HOLDS_OBJECT (contacts_node)
                                  ? json_node_get_object (contacts_node) : NULL;
              JsonNode *display = names != NULL ? json_object_get_member (names, l->data) : NULL;
              const char *name = display != NULL && JSON_NODE_HOLDS_OBJECT (display)
                                 ? cab_field_get_string (json_node_get_object (display), "name") : "";
              g_autofree char *label = g_strdup_printf (_("Contact · %s"), *name != '\0' ? name : (char *) l->data);

              gtk_string_list_append (labels, label);
              g_ptr_array_add (self->owners, g_strdup (l->data));
            }
        }
      if (company != NULL && JSON_NODE_HOLDS_OBJECT (company))
        {
          g_autofree char *label = g_strdup_printf (_("Company · %s"),
                                                    cab_field_get_string (json_node_get_object (company), "name"));

          gtk_string_list_append (labels, label);
          g_ptr_array_add (self->owners, g_strdup ("company"));
        }
    }

  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->owner_dropdown, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_entry), "error");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

static void
on_confirm (CabFieldAddPopover *self)
{
  guint owner = gtk_drop_down_get_selected (self->owner_dropdown);
  guint type_index = gtk_drop_down_get_selected (self->type_dropdown);
  const char *type;
  const char *source = "lead";
  const char *contact_id = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  g_autofree char *field_id = NULL;
  g_autoptr(GError) error = NULL;

  if (owner == GTK_INVALID_LIST_POSITION || owner >= self->owners->len ||
      type_index == GTK_INVALID_LIST_POSITION || type_index >= g_strv_length ((char **) cab_state_field_types))
    return;

  type = cab_state_field_types[type_index];
  if (g_str_equal (g_ptr_array_index (self->owners, owner), "company"))
    {
      source = "company";
    }
  else if (!g_str_equal (g_ptr_array_index (self->owners, owner), "lead"))
    {
      source = "contacts";
      contact_id = g_ptr_array_index (self->owners, owner);
    }
  /* No name: the type's, which the user may change in the editor that opens. */
  if (*name == '\0')
    {
      g_free (name);
      name = g_strdup (cab_field_type_get_label (type));
    }

  field_id = cab_state_add_field (self->state, source, contact_id, type, name, &error);
  if (field_id == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->name_entry), "error");
      return;
    }

  gtk_popover_popdown (GTK_POPOVER (self));
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
  g_signal_emit (self, signals[ADDED], 0, field_id);
}

GtkWidget *
cab_field_add_popover_new (CabState *state)
{
  g_return_val_if_fail (CAB_IS_STATE (state), NULL);

  return g_object_new (CAB_TYPE_FIELD_ADD_POPOVER, "state", state, NULL);
}

static void
cab_field_add_popover_dispose (GObject *object)
{
  CabFieldAddPopover *self = CAB_FIELD_ADD_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CAB_TYPE_FIELD_ADD_POPOVER);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (cab_field_add_popover_parent_class)->dispose (object);
}

static void
cab_field_add_popover_finalize (GObject *object)
{
  CabFieldAddPopover *self = CAB_FIELD_ADD_POPOVER (object);

  g_clear_pointer (&self->owners, g_ptr_array_unref);

  G_OBJECT_CLASS (cab_field_add_popover_parent_class)->finalize (object);
}

static void
cab_field_add_popover_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CabFieldAddPopover *self = CAB_FIELD_ADD_POPOVER (object);

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
cab_field_add_popover_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CabFieldAddPopover *self = CAB_FIELD_ADD_POPOVER (object);

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
cab_field_add_popover_class_init (CabFieldAddPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cab_field_add_popover_dispose;
  object_class->finalize = cab_field_add_popover_finalize;
  object_class->set_property = cab_field_add_popover_set_property;
  object_class->get_property = cab_field_add_popover_get_property;

  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL,
                         CAB_TYPE_STATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CabFieldAddPopover::added:
   * @field_id: the id of the field just added
   */
  signals[ADDED] =
    g_signal_new ("added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/cab-field-add-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, CabFieldAddPopover, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CabFieldAddPopover, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CabFieldAddPopover, name_entry);
  gtk_widget_class_bind_template_child (widget_class, CabFieldAddPopover, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_show);
  gtk_widget_class_bind_template_callback (widget_class, on_confirm);
}

static void
cab_field_add_popover_init (CabFieldAddPopover *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->owners = g_ptr_array_new_with_free_func (g_free);

  for (const char * const *type = cab_state_field_types; *type != NULL; type++)
    gtk_string_list_append (types, cab_field_type_get_label (*type));
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (types));
}
