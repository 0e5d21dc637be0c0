/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The account page of the side pane: SysModel (SPEC §2), which every widget reads for its
 * formats and language, and the account id that getRouterQuery() returns. The page shows the
 * model and edits it only through CabState, which validates each edit and tells every page
 * (and the cabinet) what changed. */
#include "config.h"

#include <glib/gi18n.h>

#include "cab-account-page.h"
#include "cab-panel-util.h"
#include "cab-url.h"

struct _CabAccountPage
{
  AdwBin       parent_instance;

  CabState    *state;
  /* Set while the page itself moves its combo rows and switch to the model's values, so that
   * those moves are not taken for the user's edits. */
  gboolean     syncing;

  AdwEntryRow *account_id_row;
  AdwEntryRow *title_row;
  AdwEntryRow *logo_row;
  AdwComboRow *lang_row;
  GtkSwitch   *removal_switch;
  AdwEntryRow *currency_row;
  AdwComboRow *date_format_row;
  AdwComboRow *time_format_row;
};

G_DEFINE_FINAL_TYPE (CabAccountPage, cab_account_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The SPEC §2 constants, in the order the combo rows list them. */
static const char * const date_formats[] = { "dd/mm/yyyy", "mm/dd/yyyy", "dd.mm.yyyy", "yyyy/mm/dd" };
static const char * const time_formats[] = { "h:MM TT", "HH:MM" };
static const struct
{
  const char *code;
  const char *name;  /* each language names itself: these are not translated */
} languages[] = {
  { "ru", "Русский" },
  { "en", "English" },
  { "es", "Español" },
  { "pt", "Português" },
};


static void
append_literal (GString *format,
                char     c)
{
  if (c == '%')
    g_string_append (format, "%%");
  else
    g_string_append_c (format, c);
}

/* Renders a dateformat mask (the `dateformat` host module's syntax) with GLib, for the example
 * next to each format. Only the tokens of numbers and AM/PM are needed for the SPEC's masks;
 * anything else is copied as it is. */
static char *
format_with_mask (GDateTime  *moment,
                  const char *mask)
{
  static const struct
  {
    const char *token;
    const char *format;
  } tokens[] = {
    /* Longest first, so that "yyyy" is not read as "yy" twice. */
    { "yyyy", "%Y" }, { "yy", "%y" },
    { "dd", "%d" }, { "d", "%-d" },
    { "mm", "%m" }, { "m", "%-m" },
    { "HH", "%H" }, { "H", "%-H" },
    { "hh", "%I" }, { "h", "%-I" },
    { "MM", "%M" }, { "M", "%-M" },
    { "ss", "%S" }, { "s", "%-S" },
  };
  gboolean pm = g_date_time_get_hour (moment) >= 12;
  g_autoptr(GString) format = g_string_new (NULL);

  for (const char *p = mask; *p != '\0';)
    {
      gboolean matched = FALSE;

      /* dateformat always writes AM/PM in English, whatever the language. */
      if (g_str_has_prefix (p, "TT") || g_str_has_prefix (p, "tt"))
        {
          g_string_append (format, *p == 'T' ? (pm ? "PM" : "AM") : (pm ? "pm" : "am"));
          p += 2;
          continue;
        }
      if (*p == 'T' || *p == 't')
        {
          g_string_append (format, *p == 'T' ? (pm ? "P" : "A") : (pm ? "p" : "a"));
          p++;
          continue;
        }
      if (*p == '\'' || *p == '"')
        {
          const char *end = strchr (p + 1, *p);

          if (end == NULL)
            end = p + strlen (p);
          for (const char *q = p + 1; q < end; q++)
            append_literal (format, *q);
          p = *end != '\0' ? end + 1 : end;
          continue;
        }

      for (guint i = 0; i < G_N_ELEMENTS (tokens) && !matched; i++)
        if (g_str_has_prefix (p, tokens[i].token))
          {
            g_string_append (format, tokens[i].format);
            p += strlen (tokens[i].token);
            matched = TRUE;
          }
      if (!matched)
        {
          append_literal (format, *p);
          p++;
        }
    }

  return g_date_time_format (moment, format->str);
}

static GListModel *
new_format_model (const char * const *masks,
                  guint               n_masks)
{
  /* A fixed moment whose day is above 12, so that dd/mm and mm/dd tell apart in the examples;
   * the same moment as tests/widgets/documented-shape.js. */
  g_autoptr(GDateTime) moment = g_date_time_new_local (2026, 11, 21, 14, 5, 0);
  GtkStringList *model = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_masks; i++)
    {
      g_autofree char *example = format_with_mask (moment, masks[i]);
      /* Translators: a date or time format and an example of it, e.g. “dd.mm.yyyy — 21.11.2026”. */
      g_autofree char *item = g_strdup_printf (_("%s — %s"), masks[i], example);

      gtk_string_list_append (model, item);
    }

  return G_LIST_MODEL (model);
}

static GListModel *
new_language_model (void)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *item = g_strdup_printf ("%s (%s)", languages[i].name, languages[i].code);

      gtk_string_list_append (model, item);
    }

  return G_LIST_MODEL (model);
}

static guint
find_string (const char * const *values,
             guint               n_values,
             const char         *value)
{
  for (guint i = 0; i < n_values; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static void
sync_combo (AdwComboRow *row,
            guint        position)
{
  if (adw_combo_row_get_selected (row) == position)
    return;

  adw_combo_row_set_selected (row, position);
  cab_panel_row_clear_error (GTK_WIDGET (row));
}

static const char *
sys_string (JsonObject *sys,
            const char *member)
{
  JsonNode *node = json_object_get_member (sys, member);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : "";
}

static void
refresh_sys (CabAccountPage *self)
{
  JsonNode *node = cab_state_peek (self->state, CAB_ENTITY_SYS);
  const char *lang, *codes[G_N_ELEMENTS (languages)];
  JsonObject *sys;
  JsonNode *removal;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  sys = json_node_get_object (node);

  cab_panel_entry_sync (GTK_EDITABLE (self->title_row), sys_string (sys, "pageTitle"));
  cab_panel_entry_sync (GTK_EDITABLE (self->logo_row), sys_string (sys, "logoUrl"));
  cab_panel_entry_sync (GTK_EDITABLE (self->currency_row), sys_string (sys, "currencySymbol"));

  lang = sys_string (sys, "lang");
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    codes[i] = languages[i].code;
  removal = json_object_get_member (sys, "isRemovalAvailable");

  self->syncing = TRUE;
  sync_combo (self->lang_row, find_string (codes, G_N_ELEMENTS (codes), lang));
  sync_combo (self->date_format_row,
              find_string (date_formats, G_N_ELEMENTS (date_formats), sys_string (sys, "dateFormat")));
  sync_combo (self->time_format_row,
              find_string (time_formats, G_N_ELEMENTS (time_formats), sys_string (sys, "timeFormat")));
  gtk_switch_set_active (self->removal_switch,
                         removal != NULL && json_node_get_value_type (removal) == G_TYPE_BOOLEAN &&
                         json_node_get_boolean (removal));
  self->syncing = FALSE;
}

static void
refresh_router (CabAccountPage *self)
{
  cab_panel_entry_sync (GTK_EDITABLE (self->account_id_row), cab_state_get_account_id (self->state));
}

static void
on_state_changed (CabAccountPage *self,
                  const char     *what,
                  const char     *key,
                  CabState       *state)
{
  gboolean all = g_strcmp0 (what, "document") == 0 || g_strcmp0 (what, "active-lead") == 0;

  if (all || g_strcmp0 (what, CAB_ENTITY_SYS) == 0)
    refresh_sys (self);
  if (all || g_strcmp0 (what, "router") == 0)
    refresh_router (self);
}

/* Sets one member of sys to @value (taken) through the model: a whole new sys object, the
 * others members as they are. A value equal to the model's is no edit at all. */
static void
commit_sys_member (CabAccountPage *self,
                   GtkWidget      *row,
                   const char     *member,
                   JsonNode       *value)
{
  JsonNode *sys = cab_state_peek (self->state, CAB_ENTITY_SYS);

  cab_panel_commit_member (self->state, cab_state_set_sys,
                           sys != NULL && JSON_NODE_HOLDS_OBJECT (sys) ? json_node_get_object (sys) : NULL,
                           row, member, value);
}

/* The logo is shown by the cabinet page: an absolute http, https or data URL, or nothing. */
static char *
check_logo_url (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *scheme = NULL;

  if (!cab_url_check (text, &error))
    return g_strdup (error->message);

  /* Something an <img> shows: not a mailto: or a javascript: URL. */
  scheme = g_uri_parse_scheme (text);
  if (scheme == NULL || g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0 ||
      g_ascii_strcasecmp (scheme, "data") == 0)
    return NULL;

  return g_strdup_printf (_("The logo must be an http, https or data URL: “%s”"), text);
}

static void
on_entry_apply (CabAccountPage *self,
                AdwEntryRow    *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  const char *member;

  if (row == self->title_row)
    member = "pageTitle";
  else if (row == self->currency_row)
    member = "currencySymbol";
  else if (row == self->logo_row)
    {
      g_autofree char *problem = check_logo_url (text);

      if (problem != NULL)
        {
          cab_panel_row_set_error (GTK_WIDGET (row), problem);
          return;
        }
      member = "logoUrl";
    }
  else
    g_assert_not_reached ();

  commit_sys_member (self, GTK_WIDGET (row), member, json_node_init_string (json_node_alloc (), text));
}

static void
on_combo_selected (CabAccountPage *self,
                   GParamSpec     *pspec,
                   AdwComboRow    *row)
{
  guint selected = adw_combo_row_get_selected (row);
  const char *member, *value;

  if (self->syncing || self->state == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (row == self->lang_row && selected < G_N_ELEMENTS (languages))
    member = "lang", value = languages[selected].code;
  else if (row == self->date_format_row && selected < G_N_ELEMENTS (date_formats))
    member = "dateFormat", value = date_formats[selected];
  else if (row == self->time_format_row && selected < G_N_ELEMENTS (time_formats))
    member = "timeFormat", value = time_formats[selected];
  else
    return;

  commit_sys_member (self, GTK_WIDGET (row), member, json_node_init_string (json_node_alloc (), value));
}

static void
on_removal_active (CabAccountPage *self,
                   GParamSpec     *pspec,
                   GtkSwitch      *widget)
{
  GtkWidget *row;

  if (self->syncing || self->state == NULL)
    return;

  row = gtk_widget_get_ancestor (GTK_WIDGET (widget), ADW_TYPE_ACTION_ROW);
  commit_sys_member (self, row != NULL ? row : GTK_WIDGET (widget), "isRemovalAvailable",
                     json_node_init_boolean (json_node_alloc (), gtk_switch_get_active (widget)));
}

/* amoCRM account ids are numbers written as strings ("31415926"). */
static void
on_account_id_apply (CabAccountPage *self,
                     AdwEntryRow    *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;

  if (*text == '\0')
    {
      cab_panel_row_set_error (GTK_WIDGET (row), _("The account id cannot be empty"));
      return;
    }
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      {
        g_autofree char *message = g_strdup_printf (_("amoCRM account ids are digits only: “%s”"), text);

        cab_panel_row_set_error (GTK_WIDGET (row), message);
        return;
      }

  if (g_strcmp0 (text, cab_state_get_account_id (self->state)) == 0)
    {
      cab_panel_row_clear_error (GTK_WIDGET (row));
      return;
    }
  if (!cab_state_set_account_id (self->state, text, &error))
    {
      cab_panel_row_set_error (GTK_WIDGET (row), error->message);
      return;
    }
  cab_panel_row_clear_error (GTK_WIDGET (row));
}

static void
cab_account_page_constructed (GObject *object)
{
  CabAccountPage *self = CAB_ACCOUNT_PAGE (object);

  G_OBJECT_CLASS (cab_account_page_parent_class)->constructed (object);

  g_return_if_fail (CAB_IS_STATE (self->state));

  g_signal_connect_object (self->state, "changed", G_CALLBACK (on_state_changed), self, G_CONNECT_SWAPPED);
  refresh_sys (self);
  refresh_router (self);
}

static void
cab_account_page_dispose (GObject *object)
{
  CabAccountPage *self = CAB_ACCOUNT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CAB_TYPE_ACCOUNT_PAGE);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (cab_account_page_parent_class)->dispose (object);
}

static void
cab_account_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CabAccountPage *self = CAB_ACCOUNT_PAGE (object);

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
cab_account_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CabAccountPage *self = CAB_ACCOUNT_PAGE (object);

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
cab_account_page_class_init (CabAccountPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cab_account_page_constructed;
  object_class->dispose = cab_account_page_dispose;
  object_class->set_property = cab_account_page_set_property;
  object_class->get_property = cab_account_page_get_property;

  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL,
                         CAB_TYPE_STATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/cab-account-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CabAccountPage, account_id_row);
  gtk_widget_class_bind_template_child (widget_class, CabAccountPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, CabAccountPage, logo_row);
  gtk_widget_class_bind_template_child (widget_class, CabAccountPage, lang_row);
  gtk_widget_class_bind_template_child (widget_class, CabAccountPage, removal_switch);
  gtk_widget_class_bind_template_child (widget_class, CabAccountPage, currency_row);
  gtk_widget_class_bind_template_child (widget_class, CabAccountPage, date_format_row);
  gtk_widget_class_bind_template_child (widget_class, CabAccountPage, time_format_row);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_combo_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_removal_active);
  gtk_widget_class_bind_template_callback (widget_class, on_account_id_apply);
}

static void
cab_account_page_init (CabAccountPage *self)
{
  g_autoptr(GListModel) langs = new_language_model ();
  g_autoptr(GListModel) dates = new_format_model (date_formats, G_N_ELEMENTS (date_formats));
  g_autoptr(GListModel) times = new_format_model (time_formats, G_N_ELEMENTS (time_formats));

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Until the state is there (construction), moving the rows is not an edit. */
  self->syncing = TRUE;
  adw_combo_row_set_model (self->lang_row, langs);
  adw_combo_row_set_model (self->date_format_row, dates);
  adw_combo_row_set_model (self->time_format_row, times);
  self->syncing = FALSE;
}

GtkWidget *
cab_account_page_new (CabState *state)
{
  g_return_val_if_fail (CAB_IS_STATE (state), NULL);

  return g_object_new (CAB_TYPE_ACCOUNT_PAGE, "state", state, NULL);
}
