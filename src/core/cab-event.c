/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One entry of the event log (see cab-event.h): checked, capped and made immutable. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cab-event.h"

/* A log holds up to 200,000 of these, so an event is one small struct: enums instead of
 * strings for the kind and level, NULL for every string that is absent or empty, and no
 * GObject properties. Page strings are never interned: a hostile page could send a million
 * distinct names and the intern table would keep them for the life of the process. */
struct _CabEvent
{
  GObject        parent_instance;

  double         time;
  double         duration_ms;    /* < 0 when not measured */
  guint          kind : 8;       /* CabEventKind */
  guint          level : 8;      /* CabEventLevel */
  guint          line;
  guint          column;
  guint          count;

  char          *widget_id;      /* NULL for the cabinet itself */
  char          *widget_label;
  char          *name;
  char          *message;
  char          *file;
  char          *lead_id;

  /* The searchable text, folded on the first search only (see cab_event_matches()). */
  char          *folded;
};

G_DEFINE_FINAL_TYPE (CabEvent, cab_event, G_TYPE_OBJECT)

static const char * const kind_names[CAB_EVENT_N_KINDS] = {
  [CAB_EVENT_KIND_SDK] = "sdk",
  [CAB_EVENT_KIND_APP] = "app",
  [CAB_EVENT_KIND_CONSOLE] = "console",
  [CAB_EVENT_KIND_LIFECYCLE] = "lifecycle",
  [CAB_EVENT_KIND_PROBLEM] = "problem",
  [CAB_EVENT_KIND_NOTIFICATION] = "notification",
};

static const char * const level_names[CAB_EVENT_N_LEVELS] = {
  [CAB_EVENT_LEVEL_DEBUG] = "debug",
  [CAB_EVENT_LEVEL_INFO] = "info",
  [CAB_EVENT_LEVEL_WARNING] = "warning",
  [CAB_EVENT_LEVEL_ERROR] = "error",
};

/* What separates the parts of the folded text: a needle typed into a search entry cannot
 * contain it, so a match never spans the end of the message and the start of the label. */
#define FOLD_SEPARATOR "\x1f"

static void
cab_event_finalize (GObject *object)
{
  CabEvent *self = CAB_EVENT (object);

  g_free (self->widget_id);
  g_free (self->widget_label);
  g_free (self->name);
  g_free (self->message);
  g_free (self->file);
  g_free (self->lead_id);
  g_free (self->folded);

  G_OBJECT_CLASS (cab_event_parent_class)->finalize (object);
}

static void
cab_event_class_init (CabEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cab_event_finalize;
}

static void
cab_event_init (CabEvent *self)
{
  self->duration_ms = -1;
  self->count = 1;
}

const char *
cab_event_kind_to_string (CabEventKind kind)
{
  g_return_val_if_fail (kind < CAB_EVENT_N_KINDS, NULL);

  return kind_names[kind];
}

gboolean
cab_event_kind_from_string (const char   *text,
                            CabEventKind *kind)
{
  for (guint i = 0; text != NULL && i < CAB_EVENT_N_KINDS; i++)
    if (strcmp (text, kind_names[i]) == 0)
      {
        if (kind != NULL)
          *kind = i;
        return TRUE;
      }

  return FALSE;
}

const char *
cab_event_level_to_string (CabEventLevel level)
{
  g_return_val_if_fail (level < CAB_EVENT_N_LEVELS, NULL);

  return level_names[level];
}

gboolean
cab_event_level_from_string (const char    *text,
                             CabEventLevel *level)
{
  for (guint i = 0; text != NULL && i < CAB_EVENT_N_LEVELS; i++)
    if (strcmp (text, level_names[i]) == 0)
      {
        if (level != NULL)
          *level = i;
        return TRUE;
      }

  return FALSE;
}

/* @text must be valid UTF-8. A copy of at most CAB_EVENT_MAX_TEXT bytes plus "…", cut before
 * the character that would cross the limit so the result stays valid UTF-8. */
static char *
dup_capped (const char *text)
{
  gsize length = strlen (text);
  gsize end = CAB_EVENT_MAX_TEXT;
  char *copy;

  if (length <= CAB_EVENT_MAX_TEXT)
    return g_strndup (text, length);

  /* Continuation bytes are 10xxxxxx: step back to the first byte of a character. */
  while (end > 0 && ((guchar) text[end] & 0xc0) == 0x80)
    end--;

  copy = g_malloc (end + strlen ("…") + 1);
  memcpy (copy, text, end);
  strcpy (copy + end, "…");
  return copy;
}

/* The trusted path still takes text from the web view (console lines, URLs), so it repairs
 * what the page-facing path rejects: invalid bytes become U+FFFD rather than failing. */
static char *
dup_text (const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  if (g_utf8_validate (text, -1, NULL))
    return dup_capped (text);

  valid = g_utf8_make_valid (text, -1);
  return dup_capped (valid);
}

CabEvent *
cab_event_new (CabEventKind   kind,
               CabEventLevel  level,
               const char    *widget_id,
               const char    *name,
               const char    *message)
{
  CabEvent *self;

  g_return_val_if_fail (kind < CAB_EVENT_N_KINDS, NULL);
  g_return_val_if_fail (level < CAB_EVENT_N_LEVELS, NULL);
  g_return_val_if_fail (name != NULL && *name != '\0', NULL);

  self = g_object_new (CAB_TYPE_EVENT, NULL);
  self->time = g_get_real_time () / 1000.0;
  self->kind = kind;
  self->level = level;
  self->widget_id = dup_text (widget_id);
  self->name = dup_text (name);
  self->message = dup_text (message);

  return self;
}

void
cab_event_set_widget_label (CabEvent   *self,
                            const char *label)
{
  g_return_if_fail (CAB_IS_EVENT (self));

  g_free (self->widget_label);
  self->widget_label = dup_text (label);
}

/* The member @name of @object, or NULL when it is missing or null: JavaScript writes an
 * unset optional value as null as often as it leaves it out, and both mean “unknown”. */
static JsonNode *
get_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
set_wrong_type (GError     **error,
                const char  *member,
                const char  *expected)
{
  /* TRANSLATORS: the first %s is a JSON member name such as “line”; the second is what it
   * should have been, such as “a number” */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The event member “%s” is not %s"), member, expected);
  return FALSE;
}

/* Takes the optional string @member into @out (NULL when absent or empty). Fails when it is
 * present but no string, or not valid UTF-8. */
static gboolean
take_string (JsonObject  *object,
             const char  *member,
             char       **out,
             GError     **error)
{
  JsonNode *node = get_member (object, member);
  const char *value;

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return set_wrong_type (error, member, _("a string"));

  value = json_node_get_string (node);
  if (value == NULL || *value == '\0')
    return TRUE;
  /* json-glib validates what it parses, but a JsonObject can also be built by hand. */
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The event member “%s” is not valid UTF-8"), member);
      return FALSE;
    }

  *out = dup_capped (value);
  return TRUE;
}

/* A source position: positive and within a guint's int range, or 0 (“unknown”). Anything
 * else that is a number is ignored: a column of 0 or -1 from a broken stack trace is no
 * reason to lose the whole entry. */
static gboolean
take_position (JsonObject  *object,
               const char  *member,
               guint       *out,
               GError     **error)
{
  JsonNode *node = get_member (object, member);
  double value;

  *out = 0;
  if (node == NULL)
    return TRUE;
  if (!node_is_number (node))
    return set_wrong_type (error, member, _("a number"));

  value = json_node_get_double (node);
  if (isfinite (value) && value >= 1 && value <= G_MAXINT && value == (double) (gint64) value)
    *out = (guint) value;
  return TRUE;
}

static gboolean
take_kind_and_level (JsonObject     *object,
                     CabEventKind   *kind,
                     CabEventLevel  *level,
                     GError        **error)
{
  JsonNode *node;

  node = get_member (object, "kind");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING
      || !cab_event_kind_from_string (json_node_get_string (node), kind))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The event member “%s” is missing or unknown"), "kind");
      return FALSE;
    }

  node = get_member (object, "level");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING
      || !cab_event_level_from_string (json_node_get_string (node), level))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The event member “%s” is missing or unknown"), "level");
      return FALSE;
    }

  return TRUE;
}

static gboolean
take_numbers (CabEvent    *self,
              JsonObject  *object,
              GError     **error)
{
  JsonNode *node;

  node = get_member (object, "time");
  if (node == NULL || !node_is_number (node) || !isfinite (json_node_get_double (node)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The event member “%s” is missing or not a finite number"), "time");
      return FALSE;
    }
  self->time = json_node_get_double (node);

  if (!take_position (object, "line", &self->line, error)
      || !take_position (object, "column", &self->column, error))
    return FALSE;

  node = get_member (object, "durationMs");
  if (node != NULL)
    {
      double value;

      if (!node_is_number (node))
        return set_wrong_type (error, "durationMs", _("a number"));
      value = json_node_get_double (node);
      if (!isfinite (value) || value < 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The event member “%s” is not a finite number of 0 or more"), "durationMs");
          return FALSE;
        }
      self->duration_ms = value;
    }

  node = get_member (object, "count");
  if (node != NULL)
    {
      double value;

      if (!node_is_number (node))
        return set_wrong_type (error, "count", _("a number"));
      value = json_node_get_double (node);
      if (!(value >= 1 && value <= G_MAXINT && value == (double) (gint64) value))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The event member “%s” is not a whole number from 1 to %d"), "count", G_MAXINT);
          return FALSE;
        }
      self->count = (guint) value;
    }

  return TRUE;
}

CabEvent *
cab_event_new_from_json (JsonObject  *object,
                         GError     **error)
{
  g_autoptr(CabEvent) self = NULL;
  CabEventKind kind;
  CabEventLevel level;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!take_kind_and_level (object, &kind, &level, error))
    return NULL;

  self = g_object_new (CAB_TYPE_EVENT, NULL);
  self->kind = kind;
  self->level = level;

  if (!take_numbers (self, object, error))
    return NULL;

  if (!take_string (object, "name", &self->name, error))
    return NULL;
  if (self->name == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The event member “%s” is missing or empty"), "name");
      return NULL;
    }

  if (!take_string (object, "widget", &self->widget_id, error)
      || !take_string (object, "widgetLabel", &self->widget_label, error)
      || !take_string (object, "message", &self->message, error)
      || !take_string (object, "file", &self->file, error)
      || !take_string (object, "leadId", &self->lead_id, error))
    return NULL;

  return g_steal_pointer (&self);
}

JsonNode *
cab_event_to_json (CabEvent *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (CAB_IS_EVENT (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "time");
  json_builder_add_double_value (builder, self->time);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kind_names[self->kind]);
  json_builder_set_member_name (builder, "level");
  json_builder_add_string_value (builder, level_names[self->level]);
  json_builder_set_member_name (builder, "widget");
  json_builder_add_string_value (builder, cab_event_get_widget_id (self));
  if (self->widget_label != NULL)
    {
      json_builder_set_member_name (builder, "widgetLabel");
      json_builder_add_string_value (builder, self->widget_label);
    }
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->name);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, cab_event_get_message (self));
  if (self->file != NULL)
    {
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, self->file);
    }
  if (self->line > 0)
    {
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, self->line);
    }
  if (self->column > 0)
    {
      json_builder_set_member_name (builder, "column");
      json_builder_add_int_value (builder, self->column);
    }
  if (self->duration_ms >= 0)
    {
      json_builder_set_member_name (builder, "durationMs");
      json_builder_add_double_value (builder, self->duration_ms);
    }
  if (self->lead_id != NULL)
    {
      json_builder_set_member_name (builder, "leadId");
      json_builder_add_string_value (builder, self->lead_id);
    }
  if (self->count > 1)
    {
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, self->count);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Appends @text on one line: a line break becomes “⏎” and other control characters a space,
 * so one event is always one line of a copied log, whatever the page logged. */
static void
append_one_line (GString    *out,
                 const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r' && p[1] == '\n')
        continue;
      if (*p == '\n' || *p == '\r')
        g_string_append (out, "⏎");
      else if ((guchar) *p < 0x20 || *p == 0x7f)
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
}

/* The local time zone. g_time_zone_new_local() costs microseconds (it checks whether the
 * zone changed), which Copy as text of a full log would pay 200,000 times; kept for a second,
 * it is still right soon after the user changes the zone. */
static GTimeZone *
ref_local_zone (void)
{
  static GMutex lock;
  static GTimeZone *zone;
  static gint64 fetched;
  gint64 now = g_get_monotonic_time ();
  GTimeZone *result;

  g_mutex_lock (&lock);
  if (zone == NULL || now - fetched > G_USEC_PER_SEC)
    {
      g_clear_pointer (&zone, g_time_zone_unref);
      zone = g_time_zone_new_local ();
      fetched = now;
    }
  result = g_time_zone_ref (zone);
  g_mutex_unlock (&lock);

  return result;
}

/* The time as the local wall clock, HH:MM:SS.mmm: what a developer compares with their own
 * console output. Worked out from the zone's offset rather than with a GDateTime per event,
 * which would be as slow as the zone lookup above. */
static void
append_clock (GString *out,
              double   time)
{
  g_autoptr(GTimeZone) zone = NULL;
  gint64 ms;
  gint64 seconds;
  gint64 of_day;
  int interval;

  /* The time is a page's claim and may be anything; this also turns away NaN. */
  if (!(fabs (time) < 1e15))
    {
      g_string_append (out, "--:--:--.---");
      return;
    }

  /* Rounded down, also before 1970, without needing libm for floor(). */
  ms = (gint64) time;
  if ((double) ms > time)
    ms--;
  seconds = ms / 1000 - (ms % 1000 < 0 ? 1 : 0);
  ms -= seconds * 1000;

  zone = ref_local_zone ();
  interval = g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, seconds);
  if (interval >= 0)
    seconds += g_time_zone_get_offset (zone, interval);
  of_day = ((seconds % 86400) + 86400) % 86400;

  g_string_append_printf (out, "%02d:%02d:%02d.%03d",
                          (int) (of_day / 3600), (int) (of_day / 60 % 60), (int) (of_day % 60), (int) ms);
}

char *
cab_event_to_text (CabEvent *self)
{
  GString *out;
  g_autofree char *location = NULL;
  const char *who;

  g_return_val_if_fail (CAB_IS_EVENT (self), NULL);

  out = g_string_sized_new (64 + (self->message != NULL ? strlen (self->message) : 0));

  /* The kind, level and "cabinet" are the JSON identifiers, not translated: the text form is
   * for bug reports and grep, and reads the same in every language. */
  append_clock (out, self->time);
  g_string_append_printf (out, " %s %s ", level_names[self->level], kind_names[self->kind]);
  who = self->widget_label != NULL ? self->widget_label
        : self->widget_id != NULL ? self->widget_id
        : "cabinet";
  append_one_line (out, who);
  g_string_append_c (out, ' ');
  append_one_line (out, self->name);
  if (self->message != NULL)
    {
      g_string_append (out, ": ");
      append_one_line (out, self->message);
    }

  location = cab_event_dup_location (self);
  if (location != NULL)
    {
      g_string_append (out, " (");
      append_one_line (out, location);
      g_string_append_c (out, ')');
    }
  if (self->count > 1)
    g_string_append_printf (out, " ×%u", self->count);
  if (self->duration_ms >= 0)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (out, " — %s ms",
                              g_ascii_formatd (number, sizeof number, "%.1f", self->duration_ms));
    }

  return g_string_free (out, FALSE);
}

double
cab_event_get_time (CabEvent *self)
{
  g_return_val_if_fail (CAB_IS_EVENT (self), 0);

  return self->time;
}

CabEventKind
cab_event_get_kind (CabEvent *self)
{
  g_return_val_if_fail (CAB_IS_EVENT (self), CAB_EVENT_KIND_SDK);

  return self->kind;
}

CabEventLevel
cab_event_get_level (CabEvent *self)
{
  g_return_val_if_fail (CAB_IS_EVENT (self), CAB_EVENT_LEVEL_INFO);

  return self->level;
}

/* "" for the cabinet itself, as in the JSON form. */
const char *
cab_event_get_widget_id (CabEvent *self)
{
  g_return_val_if_fail (CAB_IS_EVENT (self), NULL);

  return self->widget_id != NULL ? self->widget_id : "";
}

/* NULL when the page gave none. */
const char *
cab_event_get_widget_label (CabEvent *self)
{
  g_return_val_if_fail (CAB_IS_EVENT (self), NULL);

  return self->widget_label;
}

const char *
cab_event_get_name (CabEvent *self)
{
  g_return_val_if_fail (CAB_IS_EVENT (self), NULL);

  return self->name;
}

/* "" when there is no message. */
const char *
cab_event_get_message (CabEvent *self)
{
  g_return_val_if_fail (CAB_IS_EVENT (self), NULL);

  return self->message != NULL ? self->message : "";
}

const char *
cab_event_get_file (CabEvent *self)
{
  g_return_val_if_fail (CAB_IS_EVENT (self), NULL);

  return self->file;
}

guint
cab_event_get_line (CabEvent *self)
{
  g_return_val_if_fail (CAB_IS_EVENT (self), 0);

  return self->line;
}

guint
cab_event_get_column (CabEvent *self)
{
  g_return_val_if_fail (CAB_IS_EVENT (self), 0);

  return self->column;
}

double
cab_event_get_duration_ms (CabEvent *self)
{
  g_return_val_if_fail (CAB_IS_EVENT (self), -1);

  return self->duration_ms;
}

const char *
cab_event_get_lead_id (CabEvent *self)
{
  g_return_val_if_fail (CAB_IS_EVENT (self), NULL);

  return self->lead_id;
}

guint
cab_event_get_count (CabEvent *self)
{
  g_return_val_if_fail (CAB_IS_EVENT (self), 1);

  return self->count;
}

/* The file's base name only (a full URL makes a log line unreadable), and its query or
 * fragment dropped: "personal_page.js?v=3" is still personal_page.js. */
char *
cab_event_dup_location (CabEvent *self)
{
  g_autofree char *path = NULL;
  const char *base;
  char *slash;

  g_return_val_if_fail (CAB_IS_EVENT (self), NULL);

  if (self->file == NULL)
    return NULL;

  path = g_strndup (self->file, strcspn (self->file, "?#"));
  while ((slash = strrchr (path, '/')) != NULL && slash[1] == '\0')
    *slash = '\0';
  slash = strrchr (path, '/');
  base = slash != NULL ? slash + 1 : path;
  if (*base == '\0')
    base = self->file;

  if (self->line == 0)
    return g_strdup (base);
  if (self->column == 0)
    return g_strdup_printf ("%s:%u", base, self->line);
  return g_strdup_printf ("%s:%u:%u", base, self->line, self->column);
}

/* The widget is matched by what the log shows for it: the label, or the id without one. */
static char *
fold_searchable (CabEvent *self)
{
  g_autofree char *joined = NULL;
  const char *who = self->widget_label != NULL ? self->widget_label : self->widget_id;

  joined = g_strjoin (FOLD_SEPARATOR,
                      self->name,
                      self->message != NULL ? self->message : "",
                      who != NULL ? who : "",
                      self->file != NULL ? self->file : "",
                      NULL);
  return g_utf8_casefold (joined, -1);
}

gboolean
cab_event_matches (CabEvent   *self,
                   const char *needle)
{
  const char *folded;

  g_return_val_if_fail (CAB_IS_EVENT (self), FALSE);

  if (needle == NULL || *needle == '\0')
    return TRUE;

  /* Folding 100,000 messages on every keystroke of a search would stall the window, so each
   * event folds once and keeps it. Filters may run on a worker thread (GtkFilterListModel
   * does not, but nothing forbids it), so the first writer wins and a loser frees its copy. */
  folded = g_atomic_pointer_get (&self->folded);
  if (folded == NULL)
    {
      char *mine = fold_searchable (self);

      if (g_atomic_pointer_compare_and_exchange (&self->folded, NULL, mine))
        folded = mine;
      else
        {
          g_free (mine);
          folded = g_atomic_pointer_get (&self->folded);
        }
    }

  return strstr (folded, needle) != NULL;
}
