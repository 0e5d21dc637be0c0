/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The event model: what an entry from the page must look like to be taken, what is cut or
 * ignored, the text and JSON forms, search, and the log's announcements to a list view. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cab-event-log.h"

#define FULL_ENTRY \
  "{ \"time\": 1763715600123.5, \"kind\": \"console\", \"level\": \"warning\"," \
  "  \"widget\": \"w1\", \"widgetLabel\": \"localhost:3000\", \"name\": \"console.warn\"," \
  "  \"message\": \"first\\nsecond\", \"file\": \"http://localhost:3000/js/personal_page.js?v=3\"," \
  "  \"line\": 12, \"column\": 5, \"durationMs\": 12.34, \"leadId\": \"18342201\", \"count\": 3," \
  "  \"somethingNew\": [1, 2] }"

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (json, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static JsonArray *
parse_array (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (json, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_array_ref (json_node_get_array (node));
}

static CabEvent *
event_from_string (const char *json)
{
  g_autoptr(JsonObject) object = parse_object (json);
  g_autoptr(GError) error = NULL;
  CabEvent *event = cab_event_new_from_json (object, &error);

  g_assert_no_error (error);
  g_assert_nonnull (event);
  return event;
}

static CabEvent *
named_event (const char *name)
{
  return cab_event_new (CAB_EVENT_KIND_SDK, CAB_EVENT_LEVEL_INFO, "w1", name, NULL);
}

/* Every member of the page's entry comes back in the JSON form, the same, and nothing else
 * (the unknown member is dropped). */
static void
test_round_trip (void)
{
  g_autoptr(JsonObject) input = parse_object (FULL_ENTRY);
  g_autoptr(GError) error = NULL;
  g_autoptr(CabEvent) event = cab_event_new_from_json (input, &error);
  g_autoptr(JsonNode) output = NULL;
  JsonObject *object;
  const char * const strings[] = { "kind", "level", "widget", "widgetLabel", "name", "message", "file", "leadId" };
  const char * const numbers[] = { "time", "line", "column", "durationMs", "count" };

  g_assert_no_error (error);
  g_assert_cmpint (cab_event_get_kind (event), ==, CAB_EVENT_KIND_CONSOLE);
  g_assert_cmpint (cab_event_get_level (event), ==, CAB_EVENT_LEVEL_WARNING);
  g_assert_cmpuint (cab_event_get_line (event), ==, 12);
  g_assert_cmpuint (cab_event_get_count (event), ==, 3);

  output = cab_event_to_json (event);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (output));
  object = json_node_get_object (output);
  g_assert_cmpuint (json_object_get_size (object), ==, G_N_ELEMENTS (strings) + G_N_ELEMENTS (numbers));
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_assert_cmpstr (json_object_get_string_member (object, strings[i]), ==,
                     json_object_get_string_member (input, strings[i]));
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    g_assert_cmpfloat (json_object_get_double_member (object, numbers[i]), ==,
                       json_object_get_double_member (input, numbers[i]));
}

/* A minimal entry: the JSON form has the required members, an empty widget and message, and
 * none of the optional ones (count only above 1). Null and empty optional members are
 * “unknown”; out-of-range positions are ignored, not fatal. */
static void
test_minimal (void)
{
  g_autoptr(CabEvent) event = event_from_string (
    "{ \"time\": 5, \"kind\": \"lifecycle\", \"level\": \"debug\", \"name\": \"initLead\","
    "  \"file\": null, \"widgetLabel\": \"\", \"line\": 0, \"column\": 2.5, \"count\": 1 }");
  g_autoptr(JsonNode) output = cab_event_to_json (event);
  JsonObject *object = json_node_get_object (output);
  g_autoptr(GList) members = json_object_get_members (object);
  g_autoptr(CabEvent) far = event_from_string (
    "{ \"time\": 5, \"kind\": \"sdk\", \"level\": \"info\", \"name\": \"x\","
    "  \"line\": 1e12, \"column\": -3 }");

  g_assert_cmpuint (g_list_length (members), ==, 6);
  g_assert_cmpfloat (json_object_get_double_member (object, "time"), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (object, "widget"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (object, "message"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "initLead");
  g_assert_null (cab_event_get_file (event));
  g_assert_null (cab_event_get_widget_label (event));
  g_assert_null (cab_event_get_lead_id (event));
  g_assert_null (cab_event_dup_location (event));
  g_assert_cmpfloat (cab_event_get_duration_ms (event), <, 0);
  g_assert_cmpuint (cab_event_get_line (event), ==, 0);
  g_assert_cmpuint (cab_event_get_column (event), ==, 0);
  g_assert_cmpuint (cab_event_get_line (far), ==, 0);
  g_assert_cmpuint (cab_event_get_column (far), ==, 0);
}

static void
assert_rejected (JsonObject *object,
                 const char *member,
                 const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CabEvent) event = cab_event_new_from_json (object, &error);
  g_autofree char *quoted = g_strdup_printf ("“%s”", member);

  if (event != NULL)
    g_error ("%s: the entry was taken", what);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  if (strstr (error->message, quoted) == NULL)
    g_error ("%s: “%s” does not name %s", what, error->message, quoted);
}

/* Each broken member on its own, in an otherwise valid entry: the error names that member. */
static void
test_invalid (void)
{
  static const struct {
    const char *member;
    const char *json;   /* the member's value, or NULL to leave it out */
  } cases[] = {
    { "time", NULL }, { "time", "\"12\"" }, { "time", "true" }, { "time", "null" }, { "time", "{}" },
    { "kind", NULL }, { "kind", "\"sdkx\"" }, { "kind", "\"SDK\"" }, { "kind", "1" },
    { "level", NULL }, { "level", "\"fatal\"" }, { "level", "[]" },
    { "name", NULL }, { "name", "\"\"" }, { "name", "42" }, { "name", "null" },
    { "widget", "7" }, { "widgetLabel", "[\"a\"]" }, { "message", "{\"a\": 1}" },
    { "file", "true" }, { "leadId", "18342201" },
    { "line", "\"12\"" }, { "column", "false" },
    { "durationMs", "-1" }, { "durationMs", "\"5\"" },
    { "count", "0" }, { "count", "1.5" }, { "count", "3e9" }, { "count", "-2" }, { "count", "\"3\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) object = parse_object (
        "{ \"time\": 1, \"kind\": \"sdk\", \"level\": \"info\", \"name\": \"methods.getState\" }");
      g_autofree char *what = g_strdup_printf ("%s = %s", cases[i].member, cases[i].json ? cases[i].json : "(missing)");

      json_object_remove_member (object, cases[i].member);
      if (cases[i].json != NULL)
        {
          g_autoptr(GError) error = NULL;
          JsonNode *value = json_from_string (cases[i].json, &error);

          g_assert_no_error (error);
          json_object_set_member (object, cases[i].member, value);
        }
      assert_rejected (object, cases[i].member, what);
    }
}

/* What JSON text cannot carry but a hand-built JsonObject can: infinities and bad bytes. */
static void
test_invalid_built (void)
{
  g_autoptr(JsonObject) object = parse_object (
    "{ \"time\": 1, \"kind\": \"sdk\", \"level\": \"info\", \"name\": \"methods.getState\" }");

  json_object_set_double_member (object, "time", INFINITY);
  assert_rejected (object, "time", "infinite time");
  json_object_set_double_member (object, "time", NAN);
  assert_rejected (object, "time", "NaN time");
  json_object_set_double_member (object, "time", 1);

  json_object_set_double_member (object, "durationMs", INFINITY);
  assert_rejected (object, "durationMs", "infinite duration");
  json_object_remove_member (object, "durationMs");

  json_object_set_string_member (object, "message", "bad \xff\xfe bytes");
  assert_rejected (object, "message", "invalid UTF-8");
}

static void
assert_capped (const char *text,
               const char *original)
{
  gsize length = strlen (text);

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpuint (length, <=, CAB_EVENT_MAX_TEXT + strlen ("…"));
  g_assert_cmpuint (length, >, CAB_EVENT_MAX_TEXT - 4);
  g_assert_true (g_str_has_suffix (text, "…"));
  g_assert_cmpint (strncmp (text, original, length - strlen ("…")), ==, 0);
}

/* A 1 MB string is cut near CAB_EVENT_MAX_TEXT bytes, never inside a character. "a" first, so
 * the two-byte letters that follow straddle the limit. */
static void
test_caps (void)
{
  g_autoptr(GString) huge = g_string_new ("a");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CabEvent) event = NULL;
  g_autoptr(CabEvent) direct = NULL;
  g_autoptr(CabEvent) repaired = NULL;
  g_autoptr(CabEvent) exact = NULL;
  g_autofree char *exact_text = g_strnfill (CAB_EVENT_MAX_TEXT, 'x');

  while (huge->len < 1024 * 1024)
    g_string_append (huge, "я");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "time");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, "console");
  json_builder_set_member_name (builder, "level");
  json_builder_add_string_value (builder, "info");
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, huge->str);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, huge->str);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, huge->str + 1);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  event = cab_event_new_from_json (json_node_get_object (node), &error);
  g_assert_no_error (error);
  assert_capped (cab_event_get_name (event), huge->str);
  assert_capped (cab_event_get_message (event), huge->str);
  assert_capped (cab_event_get_file (event), huge->str + 1);

  direct = cab_event_new (CAB_EVENT_KIND_APP, CAB_EVENT_LEVEL_INFO, NULL, "x", huge->str);
  assert_capped (cab_event_get_message (direct), huge->str);

  /* Exactly at the limit is kept whole. */
  exact = cab_event_new (CAB_EVENT_KIND_APP, CAB_EVENT_LEVEL_INFO, NULL, "x", exact_text);
  g_assert_cmpstr (cab_event_get_message (exact), ==, exact_text);

  /* The app's own callers get invalid bytes repaired, not an event that breaks the view. */
  repaired = cab_event_new (CAB_EVENT_KIND_CONSOLE, CAB_EVENT_LEVEL_INFO, "w1", "console.log", "ok \xff end");
  g_assert_true (g_utf8_validate (cab_event_get_message (repaired), -1, NULL));
  g_assert_true (g_str_has_prefix (cab_event_get_message (repaired), "ok "));
  g_assert_true (g_str_has_suffix (cab_event_get_message (repaired), " end"));
}

static void
test_text (void)
{
  g_autoptr(CabEvent) event = event_from_string (FULL_ENTRY);
  g_autoptr(CabEvent) bare = cab_event_new (CAB_EVENT_KIND_NOTIFICATION, CAB_EVENT_LEVEL_ERROR, "", "call", NULL);
  g_autoptr(CabEvent) unlabelled = event_from_string (
    "{ \"time\": 0, \"kind\": \"sdk\", \"level\": \"info\", \"widget\": \"w7\", \"name\": \"subscribe\","
    "  \"message\": \"a\\r\\nb\\tc\", \"file\": \"widget.js\", \"line\": 4 }");
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (1763715600);
  g_autofree char *clock = g_date_time_format (local, "%H:%M:%S.123 ");
  g_autofree char *text = cab_event_to_text (event);
  g_autofree char *bare_text = cab_event_to_text (bare);
  g_autofree char *unlabelled_text = cab_event_to_text (unlabelled);
  g_autofree char *location = cab_event_dup_location (event);

  g_autofree char *expected = g_strconcat (clock, "warning console localhost:3000 console.warn: first⏎second "
                                           "(personal_page.js:12:5) ×3 — 12.3 ms", NULL);

  g_assert_cmpstr (location, ==, "personal_page.js:12:5");
  g_assert_cmpstr (text, ==, expected);

  g_assert_null (strchr (bare_text, '\n'));
  g_assert_true (g_str_has_suffix (bare_text, " error notification cabinet call"));

  g_assert_true (g_str_has_suffix (unlabelled_text, " info sdk w7 subscribe: a⏎b c (widget.js:4)"));
}

static void
test_matches (void)
{
  g_autoptr(CabEvent) lower = cab_event_new (CAB_EVENT_KIND_CONSOLE, CAB_EVENT_LEVEL_ERROR, "w1",
                                             "console.error", "Произошла ошибка сети");
  g_autoptr(CabEvent) upper = cab_event_new (CAB_EVENT_KIND_CONSOLE, CAB_EVENT_LEVEL_ERROR, "w1",
                                             "console.error", "ОШИБКА сети");
  g_autoptr(CabEvent) full = event_from_string (FULL_ENTRY);
  g_autofree char *upper_needle = g_utf8_casefold ("ОШИБКА", -1);
  g_autofree char *lower_needle = g_utf8_casefold ("ошибка", -1);

  g_assert_true (cab_event_matches (lower, upper_needle));
  g_assert_true (cab_event_matches (upper, lower_needle));
  /* Again, from the cached folded text. */
  g_assert_true (cab_event_matches (lower, upper_needle));
  g_assert_false (cab_event_matches (lower, "ошибкa"));   /* a Latin “a” */
  g_assert_true (cab_event_matches (lower, ""));
  g_assert_true (cab_event_matches (lower, NULL));

  g_assert_true (cab_event_matches (full, "console.warn"));          /* the name */
  g_assert_true (cab_event_matches (full, "first\nsecond"));         /* the message */
  g_assert_true (cab_event_matches (full, "localhost:3000"));        /* the label */
  g_assert_true (cab_event_matches (full, "personal_page"));         /* the file */
  g_assert_true (cab_event_matches (lower, "w1"));                   /* the id, without a label */
  g_assert_false (cab_event_matches (full, "18342201"));             /* not searched */
  g_assert_false (cab_event_matches (full, "secondlocalhost"));      /* no match across parts */
}

typedef struct
{
  GListModel *model;
  guint       n_items;   /* as the listener last knew it */
  GString    *seen;      /* "position,removed,added;" per signal */
} Recorder;

/* A list view trusts that each signal describes the model as it is when it is sent. */
static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Recorder   *recorder)
{
  g_assert_cmpuint (position + removed, <=, recorder->n_items);
  recorder->n_items = recorder->n_items - removed + added;
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, recorder->n_items);
  g_string_append_printf (recorder->seen, "%u,%u,%u;", position, removed, added);
}

static void
recorder_init (Recorder    *recorder,
               CabEventLog *log)
{
  recorder->model = G_LIST_MODEL (log);
  recorder->n_items = g_list_model_get_n_items (recorder->model);
  recorder->seen = g_string_new (NULL);
  g_signal_connect (log, "items-changed", G_CALLBACK (on_items_changed), recorder);
}

static char *
recorder_take (Recorder *recorder)
{
  char *seen = g_strdup (recorder->seen->str);

  g_string_truncate (recorder->seen, 0);
  return seen;
}

#define assert_signals(recorder, expected) G_STMT_START { \
  g_autofree char *_seen = recorder_take (recorder); \
  g_assert_cmpstr (_seen, ==, expected); \
} G_STMT_END

/* The names of the log's events, oldest first, space-separated. */
static char *
names (GListModel *model)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CabEvent) event = g_list_model_get_item (model, i);

      g_string_append_printf (out, "%s%s", i > 0 ? " " : "", cab_event_get_name (event));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_names(model, expected) G_STMT_START { \
  g_autofree char *_names = names (G_LIST_MODEL (model)); \
  g_assert_cmpstr (_names, ==, expected); \
} G_STMT_END

static JsonArray *
batch_of (const char *first,
          guint       n)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{ \"time\": %u, \"kind\": \"sdk\", \"level\": \"info\", \"name\": \"%s%u\" }", i, first, i);
      JsonObject *object = parse_object (json);

      json_array_add_object_element (array, object);
    }
  return array;
}

static void
test_log_cap (void)
{
  g_autoptr(CabEventLog) log = cab_event_log_new (5);
  g_autoptr(JsonArray) four = batch_of ("b", 4);
  g_autoptr(JsonArray) eight = batch_of ("c", 8);
  Recorder recorder;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (log)) == CAB_TYPE_EVENT);
  recorder_init (&recorder, log);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("a%u", i);
      g_autoptr(CabEvent) event = named_event (name);

      cab_event_log_append (log, event);
    }
  assert_signals (&recorder, "0,0,1;1,0,1;2,0,1;");

  /* 3 + 4 is 2 too many: the two oldest go, in one signal, then the four arrive. */
  g_assert_cmpuint (cab_event_log_append_json_array (log, four), ==, 4);
  assert_signals (&recorder, "0,2,0;1,0,4;");
  assert_names (log, "a2 b0 b1 b2 b3");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (log), 5));

  /* A batch bigger than the log: everything old goes, and only the batch's last five come. */
  g_assert_cmpuint (cab_event_log_append_json_array (log, eight), ==, 8);
  assert_signals (&recorder, "0,5,0;0,0,5;");
  assert_names (log, "c3 c4 c5 c6 c7");

  g_string_free (recorder.seen, TRUE);
}

/* Round and round the ring, and growing it, with the order always oldest first. */
static void
test_log_ring (void)
{
  g_autoptr(CabEventLog) log = cab_event_log_new (100);
  Recorder recorder;

  recorder_init (&recorder, log);
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *name = g_strdup_printf ("%u", i);
      g_autoptr(CabEvent) event = named_event (name);

      cab_event_log_append (log, event);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, MIN (i + 1, 100));
    }
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(CabEvent) event = g_list_model_get_item (G_LIST_MODEL (log), i);
      g_autofree char *expected = g_strdup_printf ("%u", 900 + i);

      g_assert_cmpstr (cab_event_get_name (event), ==, expected);
    }

  /* The default cap, and growth past the first allocation in one batch. */
  {
    g_autoptr(CabEventLog) big = cab_event_log_new (0);
    g_autoptr(JsonArray) many = batch_of ("m", 1000);
    guint max_entries = 0;
    g_autoptr(CabEvent) last = NULL;

    g_object_get (big, "max-entries", &max_entries, NULL);
    g_assert_cmpuint (max_entries, ==, CAB_EVENT_LOG_DEFAULT_MAX);
    g_assert_cmpuint (cab_event_log_append_json_array (big, many), ==, 1000);
    g_assert_cmpuint (cab_event_log_append_json_array (big, many), ==, 1000);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (big)), ==, 2000);
    last = g_list_model_get_item (G_LIST_MODEL (big), 1999);
    g_assert_cmpstr (cab_event_get_name (last), ==, "m999");
  }

  g_string_free (recorder.seen, TRUE);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* Valid entries are taken in one signal; objects that fail and things that are no object are
 * counted in "rejected", announced once per batch. */
static void
test_log_json_array (void)
{
  g_autoptr(CabEventLog) log = cab_event_log_new (100);
  g_autoptr(JsonArray) mixed = parse_array (
    "[ { \"time\": 1, \"kind\": \"sdk\", \"level\": \"info\", \"name\": \"one\" },"
    "  { \"time\": 2, \"kind\": \"nonsense\", \"level\": \"info\", \"name\": \"bad kind\" },"
    "  42, null, \"text\", [],"
    "  { \"time\": 3, \"kind\": \"app\", \"level\": \"error\", \"name\": \"two\" },"
    "  { \"time\": 4, \"kind\": \"app\", \"level\": \"error\", \"name\": \"\" } ]");
  g_autoptr(JsonArray) bad = parse_array ("[ {}, 1 ]");
  g_autoptr(JsonArray) empty = json_array_new ();
  Recorder recorder;
  guint notified = 0;
  guint rejected = 0;

  recorder_init (&recorder, log);
  g_signal_connect (log, "notify::rejected", G_CALLBACK (count_notify), &notified);

  g_assert_cmpuint (cab_event_log_append_json_array (log, mixed), ==, 2);
  assert_signals (&recorder, "0,0,2;");
  assert_names (log, "one two");
  g_assert_cmpuint (cab_event_log_get_rejected (log), ==, 6);
  g_assert_cmpuint (notified, ==, 1);

  /* Nothing valid: no items-changed at all. */
  g_assert_cmpuint (cab_event_log_append_json_array (log, bad), ==, 0);
  g_assert_cmpuint (cab_event_log_append_json_array (log, empty), ==, 0);
  assert_signals (&recorder, "");
  g_object_get (log, "rejected", &rejected, NULL);
  g_assert_cmpuint (rejected, ==, 8);
  g_assert_cmpuint (notified, ==, 2);

  g_string_free (recorder.seen, TRUE);
}

static void
test_log_clear (void)
{
  g_autoptr(CabEventLog) log = cab_event_log_new (10);
  g_autoptr(JsonArray) batch = batch_of ("x", 7);
  g_autoptr(JsonArray) bad = parse_array ("[ 1 ]");
  g_autoptr(CabEvent) after = named_event ("after");
  Recorder recorder;

  cab_event_log_append_json_array (log, batch);
  cab_event_log_append_json_array (log, batch);
  cab_event_log_append_json_array (log, bad);
  g_assert_cmpuint (cab_event_log_get_rejected (log), ==, 1);

  recorder_init (&recorder, log);
  cab_event_log_clear (log);
  assert_signals (&recorder, "0,10,0;");
  g_assert_cmpuint (cab_event_log_get_rejected (log), ==, 0);

  /* Clearing an empty log says nothing; the log works as before afterwards. */
  cab_event_log_clear (log);
  assert_signals (&recorder, "");
  cab_event_log_append (log, after);
  assert_signals (&recorder, "0,0,1;");
  assert_names (log, "after");

  g_string_free (recorder.seen, TRUE);
}

/* Copy as text is one line per event; Copy as JSON parses back into the same entries. */
static void
test_list_forms (void)
{
  g_autoptr(CabEventLog) log = cab_event_log_new (0);
  g_autoptr(CabEvent) full = event_from_string (FULL_ENTRY);
  g_autoptr(CabEvent) simple = named_event ("methods.getState");
  g_autoptr(CabEvent) russian = cab_event_new (CAB_EVENT_KIND_APP, CAB_EVENT_LEVEL_WARNING, "",
                                               "APP.sdk.showUserStatus", "«Анна» — \"занята\"\n");
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  cab_event_log_append (log, full);
  cab_event_log_append (log, simple);
  cab_event_log_append (log, russian);

  text = cab_event_list_to_text (G_LIST_MODEL (log));
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[3], ==, "");
  g_assert_nonnull (strstr (lines[0], "console.warn: first⏎second (personal_page.js:12:5) ×3"));
  g_assert_true (g_str_has_suffix (lines[1], " info sdk w1 methods.getState"));
  g_assert_true (g_str_has_suffix (lines[2], " cabinet APP.sdk.showUserStatus: «Анна» — \"занята\"⏎"));

  json = cab_event_list_to_json (G_LIST_MODEL (log));
  parsed = json_from_string (json, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (parsed));
  array = json_node_get_array (parsed);
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CabEvent) original = g_list_model_get_item (G_LIST_MODEL (log), i);
      g_autoptr(CabEvent) again = cab_event_new_from_json (json_array_get_object_element (array, i), &error);
      g_autoptr(JsonNode) before = NULL;
      g_autoptr(JsonNode) after = NULL;

      g_assert_no_error (error);
      before = cab_event_to_json (original);
      after = cab_event_to_json (again);
      g_assert_true (json_node_equal (before, after));
    }

  /* An empty list: no lines, an empty array. */
  {
    g_autoptr(CabEventLog) none = cab_event_log_new (0);
    g_autofree char *none_text = cab_event_list_to_text (G_LIST_MODEL (none));
    g_autofree char *none_json = cab_event_list_to_json (G_LIST_MODEL (none));

    g_assert_cmpstr (none_text, ==, "");
    g_assert_cmpstr (none_json, ==, "[]");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/event/round-trip", test_round_trip);
  g_test_add_func ("/event/minimal", test_minimal);
  g_test_add_func ("/event/invalid", test_invalid);
  g_test_add_func ("/event/invalid-built", test_invalid_built);
  g_test_add_func ("/event/caps", test_caps);
  g_test_add_func ("/event/text", test_text);
  g_test_add_func ("/event/matches", test_matches);
  g_test_add_func ("/event-log/cap", test_log_cap);
  g_test_add_func ("/event-log/ring", test_log_ring);
  g_test_add_func ("/event-log/json-array", test_log_json_array);
  g_test_add_func ("/event-log/clear", test_log_clear);
  g_test_add_func ("/event-log/list-forms", test_list_forms);

  return g_test_run ();
}
