/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The whole state as JSON text (see cab-json-page.h). The text is only a draft: the model stays
 * the one source of truth, and the text becomes the state only through Apply, which the model
 * validates like any file it opens. */
#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>
#include <string.h>

#include "cab-json-page.h"

#define ERROR_MARK_CATEGORY "cab-json-error"

struct _CabJsonPage
{
  AdwBin           parent_instance;

  CabState        *state;
  guint            reload_idle;
  gboolean         needs_reload;  /* the model changed while the page was not shown */
  gboolean         stale;         /* the model changed under unapplied edits */
  gboolean         applying;      /* our own Apply is replacing the state */
  gboolean         has_error_location;
  int              error_line;    /* where the last refusal points, 0-based */
  int              error_line_offset;

  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
  GtkRevealer     *stale_revealer;
  GtkSourceView   *view;
  GtkSourceBuffer *buffer;
  GtkTextMark     *top_mark;      /* the first visible line, kept across reloads */
};

G_DEFINE_FINAL_TYPE (CabJsonPage, cab_json_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Finding a JSON path ("leads[0].lead.statuses[1].color") in the text the model refused.
 * The model names shape problems by path; the developer needs the line. The text parsed
 * already (a shape check runs only after that), so a small scanner is enough. */

static const char *
skip_space (const char *p)
{
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    p++;

  return p;
}

/* Past the closing quote of the string token that starts at @p. */
static const char *
skip_string (const char *p)
{
  for (p++; *p != '\0' && *p != '"'; p++)
    if (*p == '\\' && p[1] != '\0')
      p++;

  return *p == '"' ? p + 1 : p;
}

static const char *
skip_value (const char *p)
{
  p = skip_space (p);
  if (*p == '"')
    return skip_string (p);
  if (*p == '{' || *p == '[')
    {
      guint depth = 0;

      for (; *p != '\0'; p++)
        {
          if (*p == '"')
            p = skip_string (p) - 1;
          else if (*p == '{' || *p == '[')
            depth++;
          else if ((*p == '}' || *p == ']') && --depth == 0)
            return p + 1;
        }
      return p;
    }
  while (*p != '\0' && strchr (",]} \t\r\n", *p) == NULL)
    p++;

  return p;
}

static gboolean
key_matches (const char *start,
             const char *end,
             const char *key)
{
  g_autofree char *token = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (memchr (start, '\\', end - start) == NULL)
    return (gsize) (end - start) == strlen (key) + 2 && strncmp (start + 1, key, end - start - 2) == 0;

  /* An escaped key: let json-glib decode it, as it did when it parsed the document. */
  token = g_strndup (start, end - start);
  node = json_from_string (token, NULL);
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         g_strcmp0 (json_node_get_string (node), key) == 0;
}

/* The member @key of the object at @p: where its key starts, and its value in @value. Like
 * json-glib, the last of two equal keys wins. */
static const char *
find_member (const char  *p,
             const char  *key,
             const char **value)
{
  const char *found = NULL;

  p = skip_space (p);
  if (*p != '{')
    return NULL;

  for (p = skip_space (p + 1); *p == '"'; p = skip_space (p + 1))
    {
      const char *key_start = p;
      const char *key_end = skip_string (p);

      p = skip_space (key_end);
      if (*p != ':')
        break;
      p = skip_space (p + 1);
      if (key_matches (key_start, key_end, key))
        {
          found = key_start;
          *value = p;
        }
      p = skip_space (skip_value (p));
      if (*p != ',')
        break;
    }

  return found;
}

static const char *
find_element (const char  *p,
              guint        index,
              const char **value)
{
  p = skip_space (p);
  if (*p != '[')
    return NULL;

  p = skip_space (p + 1);
  for (guint i = 0; *p != ']' && *p != '\0'; i++)
    {
      if (i == index)
        {
          *value = p;
          return p;
        }
      p = skip_space (skip_value (p));
      if (*p != ',')
        return NULL;
      p = skip_space (p + 1);
    }

  return NULL;
}

/* The byte offset in @text of what @path names: a member's key, an element, or the deepest
 * part of the path that exists (a "missing" member points at its object). */
static gsize
locate_path (const char *text,
             const char *path)
{
  const char *value = skip_space (text);
  const char *target = value;
  const char *p = path;

  if (g_str_has_prefix (p, "(document)"))
    p += strlen ("(document)");

  for (gboolean first = TRUE;; first = FALSE)
    {
      g_autofree char *key = NULL;
      const char *found = NULL;
      const char *next = NULL;

      if (*p == '[' && p[1] == '"')
        {
          const char *end = strstr (p + 2, "\"]");

          if (end == NULL)
            break;
          key = g_strndup (p + 2, end - p - 2);
          p = end + 2;
        }
      else if (*p == '[')
        {
          char *end = NULL;
          guint64 index = g_ascii_strtoull (p + 1, &end, 10);

          if (end == p + 1 || *end != ']')
            break;
          found = find_element (value, index, &next);
          p = end + 1;
        }
      else if (*p == '.' || (first && *p != '\0' && *p != ':'))
        {
          const char *start = *p == '.' ? p + 1 : p;
          gsize length = strcspn (start, ".[: ");

          if (length == 0)
            break;
          key = g_strndup (start, length);
          p = start + length;
        }
      else
        {
          break;
        }

      if (key != NULL)
        found = find_member (value, key, &next);
      if (found == NULL)
        break;
      target = found;
      value = next;
    }

  return target - text;
}

/* The text and the model */

static void
set_stale (CabJsonPage *self,
           gboolean     stale)
{
  self->stale = stale;
  gtk_revealer_set_reveal_child (self->stale_revealer, stale);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "json.revert",
                                 stale || gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->buffer)));
}

static void
clear_error (CabJsonPage *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  gtk_source_buffer_remove_source_marks (self->buffer, &start, &end, ERROR_MARK_CATEGORY);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  self->has_error_location = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "json.show-error", FALSE);
}

/* The text of the model, with the cursor and the first visible line where they were: after
 * an Apply or a change elsewhere the text is mostly the same, and the reader keeps their place. */
static void
load_from_state (CabJsonPage *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  g_autofree char *text = cab_state_to_data (self->state);
  g_autofree char *current = NULL;
  GtkTextIter start, end, cursor, top;
  GdkRectangle visible;
  int cursor_line, cursor_offset, top_line;

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  self->needs_reload = FALSE;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  if (g_strcmp0 (current, text) != 0)
    {
      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      cursor_line = gtk_text_iter_get_line (&cursor);
      cursor_offset = gtk_text_iter_get_line_offset (&cursor);
      gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self->view), &visible);
      gtk_text_view_get_line_at_y (GTK_TEXT_VIEW (self->view), &top, visible.y, NULL);
      top_line = gtk_text_iter_get_line (&top);

      /* Not an undo step of the text: undoing past a reload would bring back a state that is
       * no longer the model's, and Apply would silently restore it. */
      gtk_text_buffer_begin_irreversible_action (buffer);
      gtk_text_buffer_set_text (buffer, text, -1);
      gtk_text_buffer_end_irreversible_action (buffer);

      gtk_text_buffer_get_iter_at_line_offset (buffer, &cursor, cursor_line, cursor_offset);
      gtk_text_buffer_place_cursor (buffer, &cursor);
      /* Through a mark: line heights are not known yet right after the text changed. */
      gtk_text_buffer_get_iter_at_line (buffer, &top, top_line);
      gtk_text_buffer_move_mark (buffer, self->top_mark, &top);
      gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->view), self->top_mark, 0.0, TRUE, 0.0, 0.0);
    }

  /* The text is the model's now: an earlier refusal is about a text that is gone. */
  clear_error (self);
  gtk_text_buffer_set_modified (buffer, FALSE);
  set_stale (self, FALSE);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  CabJsonPage *self = user_data;

  self->reload_idle = 0;
  if (!gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->buffer)))
    load_from_state (self);

  return G_SOURCE_REMOVE;
}

/* A burst of edits elsewhere (typing in a row) costs one rebuild of the text, and none at all
 * while the page is not shown: writing out a large state is not free. */
static void
schedule_reload (CabJsonPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->needs_reload = TRUE;
      return;
    }
  if (self->reload_idle == 0)
    {
      self->reload_idle = g_idle_add (reload_idle_cb, self);
      g_source_set_name_by_id (self->reload_idle, "[cabinet-inspector] json page reload");
    }
}

/* Only @what is read: the signal's further arguments are not needed here. */
static void
on_state_changed (CabJsonPage *self,
                  const char  *what)
{
  if (self->applying)
    return;

  if (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->buffer)))
    set_stale (self, TRUE);
  else
    schedule_reload (self);
}

static void
on_modified_changed (CabJsonPage *self)
{
  gboolean modified = gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->buffer));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "json.apply", modified);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "json.revert", modified || self->stale);

  /* Edits undone down to the loaded text: nothing is left to protect from the model. */
  if (!modified && self->stale)
    schedule_reload (self);
}

static void
show_error_location (CabJsonPage *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter iter;

  if (!self->has_error_location)
    return;

  gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, self->error_line, self->error_line_offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->view), gtk_text_buffer_get_insert (buffer),
                                0.1, FALSE, 0.0, 0.0);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* Where a refusal of @text points. json-glib names the line and the byte column
 * ("Raw JSON:3:15: …"), the shape checks a JSON path ("Raw JSON: sys.lang: …"). */
static gboolean
find_error_location (const char  *message,
                     const char  *source_name,
                     const char  *text,
                     GtkTextIter *iter)
{
  GtkTextBuffer *buffer = gtk_text_iter_get_buffer (iter);
  const char *rest;
  guint64 line, column;
  char *end;

  if (!g_str_has_prefix (message, source_name))
    return FALSE;
  rest = message + strlen (source_name);

  if (rest[0] == ':' && g_ascii_isdigit (rest[1]))
    {
      GtkTextIter line_end;
      g_autofree char *line_text = NULL;
      gsize index;

      line = g_ascii_strtoull (rest + 1, &end, 10);
      if (*end != ':' || !g_ascii_isdigit (end[1]))
        return FALSE;
      column = g_ascii_strtoull (end + 1, &end, 10);
      if (line == 0)
        return FALSE;

      gtk_text_buffer_get_iter_at_line (buffer, iter, (int) MIN (line - 1, G_MAXINT));
      line_end = *iter;
      if (!gtk_text_iter_ends_line (&line_end))
        gtk_text_iter_forward_to_line_end (&line_end);
      line_text = gtk_text_iter_get_slice (iter, &line_end);
      index = MIN (column > 0 ? column - 1 : 0, strlen (line_text));
      gtk_text_iter_set_line_offset (iter, (int) g_utf8_pointer_to_offset (line_text, line_text + index));
      return TRUE;
    }

  if (rest[0] == ':' && rest[1] == ' ')
    {
      gsize offset = locate_path (text, rest + 2);

      gtk_text_buffer_get_iter_at_offset (buffer, iter, (int) g_utf8_pointer_to_offset (text, text + offset));
      return TRUE;
    }

  return FALSE;
}

static void
show_error (CabJsonPage *self,
            const char  *message,
            const char  *source_name,
            const char  *text)
{
  GtkTextIter iter, line_start;

  clear_error (self);
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);

  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self->buffer), &iter);
  if (!find_error_location (message, source_name, text, &iter))
    return;

  self->has_error_location = TRUE;
  self->error_line = gtk_text_iter_get_line (&iter);
  self->error_line_offset = gtk_text_iter_get_line_offset (&iter);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "json.show-error", TRUE);

  line_start = iter;
  gtk_text_iter_set_line_offset (&line_start, 0);
  gtk_source_buffer_create_source_mark (self->buffer, NULL, ERROR_MARK_CATEGORY, &line_start);
  show_error_location (self);
}

static void
apply (CabJsonPage *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  /* Translators: names the editor's text in errors, as a file name would: "Raw JSON:3:15: …". */
  const char *source_name = _("Raw JSON");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  gboolean applied;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);

  /* The model announces its new document to everyone; this page refreshes itself below. */
  self->applying = TRUE;
  applied = cab_state_load_data (self->state, text, -1, source_name, &error);
  self->applying = FALSE;

  if (!applied)
    {
      /* Both the state and the text stay, so the mistake can be corrected in place. */
      show_error (self, error->message, source_name, text);
      return;
    }

  load_from_state (self);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  apply (CAB_JSON_PAGE (widget));
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  load_from_state (CAB_JSON_PAGE (widget));
}

static void
show_error_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  show_error_location (CAB_JSON_PAGE (widget));
}

/* Ctrl+Enter applies even from inside the text, where Enter alone is a new line. The event
 * is taken in any case, so that a disabled Apply does not turn it into a stray line break. */
static gboolean
on_apply_shortcut (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  CabJsonPage *self = CAB_JSON_PAGE (widget);

  if (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->buffer)))
    apply (self);

  return TRUE;
}

static void
update_style_scheme (CabJsonPage *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  const char *id = adw_style_manager_get_dark (style_manager) ? "Adwaita-dark" : "Adwaita";

  gtk_source_buffer_set_style_scheme (self->buffer, gtk_source_style_scheme_manager_get_scheme (schemes, id));
}

static void
cab_json_page_map (GtkWidget *widget)
{
  CabJsonPage *self = CAB_JSON_PAGE (widget);

  GTK_WIDGET_CLASS (cab_json_page_parent_class)->map (widget);

  if (self->needs_reload && !gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->buffer)))
    load_from_state (self);
}

static void
cab_json_page_constructed (GObject *object)
{
  CabJsonPage *self = CAB_JSON_PAGE (object);

  G_OBJECT_CLASS (cab_json_page_parent_class)->constructed (object);

  g_return_if_fail (CAB_IS_STATE (self->state));

  g_signal_connect_object (self->state, "changed", G_CALLBACK (on_state_changed), self, G_CONNECT_SWAPPED);

  /* The text is written out when the page is first shown, not when the window is built. */
  self->needs_reload = TRUE;
}

static void
cab_json_page_dispose (GObject *object)
{
  CabJsonPage *self = CAB_JSON_PAGE (object);

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CAB_TYPE_JSON_PAGE);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (cab_json_page_parent_class)->dispose (object);
}

static void
cab_json_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CabJsonPage *self = CAB_JSON_PAGE (object);

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
cab_json_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CabJsonPage *self = CAB_JSON_PAGE (object);

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
cab_json_page_class_init (CabJsonPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* GtkSourceView 5.6 installs its widgets' CSS and icons on the display in gtk_source_init(),
   * which does nothing after its first call: it must run once GTK has a display, as it does
   * here (no page exists before gtk_init). Calling it again from the app is harmless. */
  gtk_source_init ();

  object_class->constructed = cab_json_page_constructed;
  object_class->dispose = cab_json_page_dispose;
  object_class->get_property = cab_json_page_get_property;
  object_class->set_property = cab_json_page_set_property;
  widget_class->map = cab_json_page_map;

  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL,
                         CAB_TYPE_STATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/cab-json-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CabJsonPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CabJsonPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CabJsonPage, stale_revealer);
  gtk_widget_class_bind_template_child (widget_class, CabJsonPage, view);
  gtk_widget_class_bind_template_child (widget_class, CabJsonPage, buffer);
  gtk_widget_class_bind_template_callback (widget_class, on_modified_changed);

  gtk_widget_class_install_action (widget_class, "json.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "json.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "json.show-error", NULL, show_error_action);
}

static void
cab_json_page_init (CabJsonPage *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  g_autoptr(GtkSourceMarkAttributes) error_mark = gtk_source_mark_attributes_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  /* libadwaita's error colour, light enough to read the line through it in both styles. */
  GdkRGBA error_background = { 0.878, 0.106, 0.141, 0.18 };
  GtkTextIter start;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self->buffer), &start);
  self->top_mark = gtk_text_buffer_create_mark (GTK_TEXT_BUFFER (self->buffer), NULL, &start, TRUE);
  gtk_source_buffer_set_language (self->buffer, gtk_source_language_manager_get_language (languages, "json"));
  gtk_source_buffer_set_highlight_matching_brackets (self->buffer, TRUE);
  update_style_scheme (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);

  gtk_source_mark_attributes_set_icon_name (error_mark, "dialog-error-symbolic");
  gtk_source_mark_attributes_set_background (error_mark, &error_background);
  gtk_source_view_set_mark_attributes (self->view, ERROR_MARK_CATEGORY, error_mark, 10);

  /* In the capture phase: the text view would otherwise take Ctrl+Enter as a new line. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (
                                                            gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                                            gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                                                          gtk_callback_action_new (on_apply_shortcut, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "json.apply", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "json.revert", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "json.show-error", FALSE);
}

GtkWidget *
cab_json_page_new (CabState *state)
{
  g_return_val_if_fail (CAB_IS_STATE (state), NULL);

  return g_object_new (CAB_TYPE_JSON_PAGE, "state", state, NULL);
}

