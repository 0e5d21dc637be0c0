/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The account and authors pages, driven through their real rows next to a real cabinet page:
 * every accepted edit reaches the widgets' subscribers of that entity exactly once, with the
 * new value, and getState returns it; subscribers of other entities hear nothing; refused
 * input marks the row and reaches nothing, and what the user typed stays. */
#include "config.h"

#include <adwaita.h>

#include "cab-account-page.h"
#include "cab-author-row.h"
#include "cab-authors-page.h"
#include "cab-test-util.h"

#define WAIT_US (20 * G_USEC_PER_SEC)

typedef struct
{
  CabTestCabinet *test;
  CabState       *state;     /* the cabinet's, or a bare one for tests without a page */
  char           *probe_id;
  char           *subscribe_id;
  GtkWidget      *window;
  GtkWidget      *page;
} Fixture;

typedef GtkWidget *(*PageNew) (CabState *state);

static GtkWidget *
find (Fixture    *fixture,
      const char *name)
{
  GtkWidget *widget = cab_test_find_widget (fixture->page, name);

  if (widget == NULL)
    g_error ("the page has no widget named %s", name);
  return widget;
}

static void
show_page (Fixture *fixture,
           PageNew  page_new)
{
  fixture->page = page_new (fixture->state);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 420, 800);
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->page);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

/* A real cabinet with two widgets: state-probe.js (full values) and subscribe.js. */
static void
set_up_with_cabinet (Fixture       *fixture,
                     gconstpointer  data)
{
  fixture->test = cab_test_cabinet_new ();
  fixture->state = g_object_ref (fixture->test->state);
  fixture->probe_id = cab_test_add_widget (fixture->test, "state-probe.js");
  fixture->subscribe_id = cab_test_add_widget (fixture->test, "subscribe.js");
  g_assert_cmpstr (cab_test_wait_widget (fixture->test, fixture->probe_id)->state, ==, "ready");
  g_assert_cmpstr (cab_test_wait_widget (fixture->test, fixture->subscribe_id)->state, ==, "ready");
  cab_test_wait_js (fixture->test, "window.__probe && window.__subscribeWidget");
  show_page (fixture, (PageNew) data);
}

/* The page alone, on a bare state: for what the page shows. */
static void
set_up_bare (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->state = cab_state_new_default (&error);
  g_assert_no_error (error);
  show_page (fixture, (PageNew) data);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->state);
  g_clear_pointer (&fixture->test, cab_test_cabinet_free);
  g_free (fixture->probe_id);
  g_free (fixture->subscribe_id);
}

static void
wait_until (gboolean (*condition) (gpointer),
            gpointer   data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_US;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
    }
}

/* --- What the widgets saw ------------------------------------------------------------------ */

static JsonNode *
run_js (Fixture    *fixture,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static JsonNode *
run_js (Fixture    *fixture,
        const char *format,
        ...)
{
  g_autofree char *body = NULL;
  va_list args;

  va_start (args, format);
  body = g_strdup_vprintf (format, args);
  va_end (args);

  return cab_test_run_js (fixture->test, body);
}

static gint64
probe_count (Fixture    *fixture,
             const char *entity)
{
  g_autoptr(JsonNode) count = run_js (fixture, "return window.__probe.count('%s');", entity);

  return json_node_get_int (count);
}

/* subscribe.js's calls of @entity, and the brief value of its latest one. */
static gint64
subscribe_count (Fixture     *fixture,
                 const char  *entity,
                 JsonNode   **last)
{
  g_autoptr(JsonObject) result = cab_test_widget_result (fixture->test, fixture->subscribe_id);
  JsonArray *calls = json_object_get_array_member (result, "calls");
  gint64 count = 0;

  for (guint i = 0; i < json_array_get_length (calls); i++)
    {
      JsonObject *call = json_array_get_object_element (calls, i);

      if (g_str_equal (json_object_get_string_member (call, "entity"), entity))
        {
          count++;
          if (last != NULL)
            {
              g_clear_pointer (last, json_node_unref);
              *last = json_node_copy (json_object_get_member (call, "value"));
            }
        }
    }

  return count;
}

static void
assert_json_equal (JsonNode *a,
                   JsonNode *b)
{
  if (!json_node_equal (a, b))
    {
      g_autofree char *sa = json_to_string (a, TRUE);
      g_autofree char *sb = json_to_string (b, TRUE);

      g_error ("JSON differs:\n%s\n---\n%s", sa, sb);
    }
}

/* After an edit of @entity: its subscribers have been called @expected times in all (waited
 * for), each other entity's not at all; the last call and getState() hold the model's value. */
static void
assert_edit_reached (Fixture    *fixture,
                     const char *entity,
                     gint64      expected)
{
  static const char * const entities[] = {
    CAB_ENTITY_SYS, CAB_ENTITY_LEAD, CAB_ENTITY_LEAD_FIELDS, CAB_ENTITY_AUTHORS
  };
  g_autofree char *condition = g_strdup_printf ("window.__probe.count('%s') >= %" G_GINT64_FORMAT,
                                                entity, expected);
  g_autoptr(JsonNode) model = cab_state_dup_entity (fixture->state, entity);
  g_autoptr(JsonNode) last = NULL;
  g_autoptr(JsonNode) state = NULL;
  g_autoptr(JsonNode) brief = NULL;

  cab_test_wait_js (fixture->test, condition);

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    g_assert_cmpint (probe_count (fixture, entities[i]), ==, g_str_equal (entities[i], entity) ? expected : 0);

  last = run_js (fixture, "return window.__probe.last('%s');", entity);
  state = run_js (fixture, "return window.__probe.getState('%s');", entity);
  assert_json_equal (last, model);
  assert_json_equal (state, model);

  /* subscribe.js, whose sys subscription also had the withInitialResult call. */
  if (g_str_equal (entity, CAB_ENTITY_SYS))
    {
      g_assert_cmpint (subscribe_count (fixture, CAB_ENTITY_SYS, &brief), ==, expected + 1);
      g_assert_cmpstr (json_node_get_string (brief), ==,
                       json_object_get_string_member (json_node_get_object (model), "currencySymbol"));
      g_assert_cmpint (subscribe_count (fixture, CAB_ENTITY_AUTHORS, NULL), ==, 0);
    }
  else
    {
      g_assert_cmpint (subscribe_count (fixture, CAB_ENTITY_AUTHORS, &brief), ==, expected);
      g_assert_cmpint (json_node_get_int (brief), ==, json_object_get_size (json_node_get_object (model)));
      g_assert_cmpint (subscribe_count (fixture, CAB_ENTITY_SYS, NULL), ==, 1);
    }
  g_assert_cmpint (subscribe_count (fixture, CAB_ENTITY_LEAD, NULL), ==, 0);
  g_assert_cmpint (subscribe_count (fixture, CAB_ENTITY_LEAD_FIELDS, NULL), ==, 0);
}

static const char *
model_sys_string (Fixture    *fixture,
                  const char *member)
{
  return json_object_get_string_member (json_node_get_object (cab_state_peek (fixture->state, CAB_ENTITY_SYS)),
                                        member);
}

static JsonObject *
model_author (Fixture    *fixture,
              const char *id)
{
  JsonObject *authors = json_node_get_object (cab_state_peek (fixture->state, CAB_ENTITY_AUTHORS));

  return json_object_has_member (authors, id) ? json_object_get_object_member (authors, id) : NULL;
}

/* --- Driving the rows ---------------------------------------------------------------------- */

static GtkWidget *
apply_text (Fixture    *fixture,
            const char *name,
            const char *text)
{
  GtkWidget *row = find (fixture, name);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  return row;
}

static gboolean
has_error (GtkWidget *row)
{
  return gtk_widget_has_css_class (row, "error");
}

static void
assert_refused (Fixture    *fixture,
                const char *name,
                const char *text)
{
  GtkWidget *row = apply_text (fixture, name, text);

  g_assert_true (has_error (row));
  g_assert_nonnull (gtk_widget_get_tooltip_text (row));
  /* What the user typed stays, to be corrected. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, text);
}

/* --- The account page ---------------------------------------------------------------------- */

static void
test_account_edits (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 n = 0;

  g_assert_cmpint (probe_count (fixture, CAB_ENTITY_SYS), ==, 0);

  g_assert_false (has_error (apply_text (fixture, "account-currency", "$")));
  g_assert_cmpstr (model_sys_string (fixture, "currencySymbol"), ==, "$");
  assert_edit_reached (fixture, CAB_ENTITY_SYS, ++n);

  adw_combo_row_set_selected (ADW_COMBO_ROW (find (fixture, "account-date-format")), 1);
  g_assert_cmpstr (model_sys_string (fixture, "dateFormat"), ==, "mm/dd/yyyy");
  assert_edit_reached (fixture, CAB_ENTITY_SYS, ++n);

  adw_combo_row_set_selected (ADW_COMBO_ROW (find (fixture, "account-time-format")), 0);
  g_assert_cmpstr (model_sys_string (fixture, "timeFormat"), ==, "h:MM TT");
  assert_edit_reached (fixture, CAB_ENTITY_SYS, ++n);

  adw_combo_row_set_selected (ADW_COMBO_ROW (find (fixture, "account-lang")), 2);
  g_assert_cmpstr (model_sys_string (fixture, "lang"), ==, "es");
  assert_edit_reached (fixture, CAB_ENTITY_SYS, ++n);

  gtk_switch_set_active (GTK_SWITCH (find (fixture, "account-removal")), TRUE);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (cab_state_peek (fixture->state, "sys")),
                                                 "isRemovalAvailable"));
  assert_edit_reached (fixture, CAB_ENTITY_SYS, ++n);

  apply_text (fixture, "account-logo", "https://example.com/logo.png");
  g_assert_cmpstr (model_sys_string (fixture, "logoUrl"), ==, "https://example.com/logo.png");
  assert_edit_reached (fixture, CAB_ENTITY_SYS, ++n);

  apply_text (fixture, "account-title", "Test Cabinet");
  g_assert_cmpstr (model_sys_string (fixture, "pageTitle"), ==, "Test Cabinet");
  assert_edit_reached (fixture, CAB_ENTITY_SYS, ++n);

  /* Applying what the model holds already is no edit: nobody is called. */
  apply_text (fixture, "account-title", "Test Cabinet");
  g_signal_emit_by_name (find (fixture, "account-currency"), "entry-activated");

  /* The account id is getRouterQuery()'s, not an entity: no subscriber hears of it. */
  apply_text (fixture, "account-id", "27182818");
  g_assert_cmpstr (cab_state_get_account_id (fixture->state), ==, "27182818");
  cab_test_wait_js (fixture->test, "window.__probe.getRouterQuery().accountId === '27182818'");
  assert_edit_reached (fixture, CAB_ENTITY_SYS, n);
}

static void
test_account_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(JsonNode) sys_before = cab_state_dup_entity (fixture->state, CAB_ENTITY_SYS);
  g_autoptr(JsonNode) sys_after = NULL;
  g_autoptr(JsonNode) query = NULL;
  GtkWidget *logo, *id;

  assert_refused (fixture, "account-logo", "not a url");
  assert_refused (fixture, "account-logo", "https://");
  assert_refused (fixture, "account-logo", "ftp://example.com/logo.png");
  assert_refused (fixture, "account-id", "");
  assert_refused (fixture, "account-id", "12a");
  assert_refused (fixture, "account-id", " 123");

  sys_after = cab_state_dup_entity (fixture->state, CAB_ENTITY_SYS);
  assert_json_equal (sys_before, sys_after);
  g_assert_cmpstr (cab_state_get_account_id (fixture->state), ==, "31415926");

  /* An accepted edit of another member: the page sees that one edit and nothing refused, and
   * the refused rows keep what was typed in them. */
  gtk_switch_set_active (GTK_SWITCH (find (fixture, "account-removal")), TRUE);
  assert_edit_reached (fixture, CAB_ENTITY_SYS, 1);
  logo = find (fixture, "account-logo");
  id = find (fixture, "account-id");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (logo)), ==, "ftp://example.com/logo.png");
  g_assert_true (has_error (logo));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (id)), ==, " 123");
  g_assert_true (has_error (id));
  query = run_js (fixture, "return window.__probe.getRouterQuery();");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (query), "accountId"), ==, "31415926");

  /* Corrected, they are accepted and the marks go. */
  apply_text (fixture, "account-logo", "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'/%3E");
  g_assert_false (has_error (logo));
  assert_edit_reached (fixture, CAB_ENTITY_SYS, 2);
  apply_text (fixture, "account-id", "123");
  g_assert_false (has_error (id));
  cab_test_wait_js (fixture->test, "window.__probe.getRouterQuery().accountId === '123'");
  assert_edit_reached (fixture, CAB_ENTITY_SYS, 2);
}

static const char *
combo_item (GtkWidget *row,
            guint      position)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  g_autoptr(GtkStringObject) item = g_list_model_get_item (model, position);

  return gtk_string_object_get_string (item);
}

static void
test_account_follows_model (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *currency = find (fixture, "account-currency");
  GtkWidget *dates = find (fixture, "account-date-format");
  GtkWidget *times = find (fixture, "account-time-format");
  GtkWidget *langs = find (fixture, "account-lang");
  g_autoptr(JsonNode) sys = cab_state_dup_entity (fixture->state, CAB_ENTITY_SYS);
  g_autoptr(GError) error = NULL;

  /* Each format shows its mask and the example moment 21.11.2026 14:05 in it. */
  g_assert_cmpstr (combo_item (dates, 0), ==, "dd/mm/yyyy — 21/11/2026");
  g_assert_cmpstr (combo_item (dates, 1), ==, "mm/dd/yyyy — 11/21/2026");
  g_assert_cmpstr (combo_item (dates, 2), ==, "dd.mm.yyyy — 21.11.2026");
  g_assert_cmpstr (combo_item (dates, 3), ==, "yyyy/mm/dd — 2026/11/21");
  g_assert_cmpstr (combo_item (times, 0), ==, "h:MM TT — 2:05 PM");
  g_assert_cmpstr (combo_item (times, 1), ==, "HH:MM — 14:05");
  g_assert_cmpstr (combo_item (langs, 0), ==, "Русский (ru)");
  g_assert_cmpstr (combo_item (langs, 3), ==, "Português (pt)");

  /* The fixture's values. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (currency)), ==, "₽");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (dates)), ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (times)), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (langs)), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (fixture, "account-id"))), ==, "31415926");

  /* Edits made elsewhere (another page, undo) show at once. */
  json_object_set_string_member (json_node_get_object (sys), "currencySymbol", "€");
  json_object_set_string_member (json_node_get_object (sys), "dateFormat", "yyyy/mm/dd");
  json_object_set_string_member (json_node_get_object (sys), "lang", "pt");
  g_assert_true (cab_state_set_sys (fixture->state, sys, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (currency)), ==, "€");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (dates)), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (langs)), ==, 3);

  g_assert_true (cab_state_set_account_id (fixture->state, "42", &error));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (fixture, "account-id"))), ==, "42");

  cab_state_undo (fixture->state);
  cab_state_undo (fixture->state);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (currency)), ==, "₽");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (dates)), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (fixture, "account-id"))), ==, "31415926");

  /* Moving a row to the model's value is not an edit: nothing new to undo. */
  g_assert_false (cab_state_can_undo (fixture->state));
}

/* --- The authors page ---------------------------------------------------------------------- */

static gboolean
row_shows_name (gpointer data)
{
  gpointer *args = data;
  GtkWidget *row = cab_test_find_widget (args[0], args[1]);

  return row != NULL && g_strcmp0 (cab_author_row_get_name (CAB_AUTHOR_ROW (row)), args[2]) == 0;
}

static void
wait_row_shows (Fixture    *fixture,
                const char *id,
                const char *name)
{
  g_autofree char *widget_name = g_strconcat ("author-row-", id, NULL);
  gpointer args[] = { find (fixture, "authors-list"), widget_name, (gpointer) name };

  wait_until (row_shows_name, args, widget_name);
}

static gboolean
focus_in_name_row (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return focus != NULL && gtk_widget_is_ancestor (focus, find (fixture, "author-name"));
}

static void
test_authors_edits (Fixture       *fixture,
                    gconstpointer  data)
{
  CabAuthorsPage *page = CAB_AUTHORS_PAGE (fixture->page);
  GtkWidget *name, *avatar;
  g_autofree char *added = NULL;
  gint64 n = 0;

  cab_authors_page_select (page, "7001");
  g_assert_cmpstr (cab_authors_page_get_selected (page), ==, "7001");
  name = find (fixture, "author-name");
  avatar = find (fixture, "author-avatar");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find (fixture, "author-id"))), ==, "7001");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Анна Соколова");
  g_assert_true (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (avatar)), "data:image/svg+xml,"));

  /* Half-typed text in one row survives an edit applied in another. */
  gtk_editable_set_text (GTK_EDITABLE (avatar), "https://example.com/half");
  apply_text (fixture, "author-name", "Anna S.");
  g_assert_cmpstr (json_object_get_string_member (model_author (fixture, "7001"), "name"), ==, "Anna S.");
  assert_edit_reached (fixture, CAB_ENTITY_AUTHORS, ++n);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (avatar)), ==, "https://example.com/half");
  wait_row_shows (fixture, "7001", "Anna S.");

  apply_text (fixture, "author-avatar", "https://example.com/anna.png");
  g_assert_cmpstr (json_object_get_string_member (model_author (fixture, "7001"), "avatar"), ==,
                   "https://example.com/anna.png");
  assert_edit_reached (fixture, CAB_ENTITY_AUTHORS, ++n);

  gtk_switch_set_active (GTK_SWITCH (find (fixture, "author-bot")), TRUE);
  g_assert_true (json_object_get_boolean_member (model_author (fixture, "7001"), "isBot"));
  assert_edit_reached (fixture, CAB_ENTITY_AUTHORS, ++n);

  gtk_switch_set_active (GTK_SWITCH (find (fixture, "author-client")), TRUE);
  g_assert_true (json_object_get_boolean_member (model_author (fixture, "7001"), "isClient"));
  assert_edit_reached (fixture, CAB_ENTITY_AUTHORS, ++n);

  /* Add: a new author, its editor open and its name focused to be typed over. */
  g_signal_emit_by_name (find (fixture, "authors-add"), "clicked");
  added = g_strdup (cab_authors_page_get_selected (page));
  g_assert_nonnull (added);
  g_assert_nonnull (model_author (fixture, added));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find (fixture, "author-id"))), ==, added);
  wait_until (focus_in_name_row, fixture, "the new author's name to have the focus");
  assert_edit_reached (fixture, CAB_ENTITY_AUTHORS, ++n);
  apply_text (fixture, "author-name", "Support Bot");
  assert_edit_reached (fixture, CAB_ENTITY_AUTHORS, ++n);
  wait_row_shows (fixture, added, "Support Bot");

  /* Remove: gone from the model, the page and the list; the editor closes. */
  g_signal_emit_by_name (find (fixture, "author-remove"), "clicked");
  g_assert_null (model_author (fixture, added));
  g_assert_null (cab_authors_page_get_selected (page));
  assert_edit_reached (fixture, CAB_ENTITY_AUTHORS, ++n);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (
                      GTK_LIST_VIEW (find (fixture, "authors-list"))))), ==, 4);
}

static void
test_authors_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(JsonNode) before = cab_state_dup_entity (fixture->state, CAB_ENTITY_AUTHORS);
  g_autoptr(JsonNode) after = NULL;
  GtkWidget *name;

  cab_authors_page_select (CAB_AUTHORS_PAGE (fixture->page), "a-bot");
  assert_refused (fixture, "author-name", "");
  assert_refused (fixture, "author-name", "   ");
  assert_refused (fixture, "author-avatar", "not a url");
  assert_refused (fixture, "author-avatar", "http://");
  assert_refused (fixture, "author-avatar", "data:image/png;base64");

  after = cab_state_dup_entity (fixture->state, CAB_ENTITY_AUTHORS);
  assert_json_equal (before, after);

  /* One accepted edit: the page sees exactly it, and the refused rows keep their text. */
  gtk_switch_set_active (GTK_SWITCH (find (fixture, "author-client")), TRUE);
  assert_edit_reached (fixture, CAB_ENTITY_AUTHORS, 1);
  name = find (fixture, "author-name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "   ");
  g_assert_true (has_error (name));
  g_assert_true (has_error (find (fixture, "author-avatar")));

  apply_text (fixture, "author-name", "Вектор-бот 2");
  g_assert_false (has_error (name));
  assert_edit_reached (fixture, CAB_ENTITY_AUTHORS, 2);
}

static GListModel *
list_model (Fixture *fixture)
{
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (find (fixture, "authors-list"))));
}

static guint
count_rows (GtkWidget *widget)
{
  guint count = CAB_IS_AUTHOR_ROW (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += count_rows (child);

  return count;
}

static void
set_search (Fixture    *fixture,
            const char *text)
{
  GtkWidget *search = find (fixture, "authors-search");

  gtk_editable_set_text (GTK_EDITABLE (search), text);
  /* The entry waits a moment before it says the search changed; the user would too. */
  g_signal_emit_by_name (search, "search-changed");
}

static void
test_authors_scale_and_search (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *list = find (fixture, "authors-list");

  /* 2,000 more beside the fixture's four. */
  for (guint i = 1; i <= 2000; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%04u", i);
      g_autofree char *name = g_strdup_printf ("Автор %04u", i);
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *author = json_object_new ();

      json_object_set_string_member (author, "id", id);
      json_object_set_string_member (author, "avatar", "");
      json_object_set_string_member (author, "name", name);
      json_object_set_boolean_member (author, "isBot", i % 10 == 0);
      json_object_set_boolean_member (author, "isClient", i == 1);
      json_node_take_object (node, author);
      g_assert_true (cab_state_set_author (fixture->state, node, &error));
      g_assert_no_error (error);
    }

  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 2004);
  cab_test_spin (300);
  /* Recycled rows: GTK 4.8's list view keeps about 200 rows around the visible ones, not
   * one per author. */
  g_assert_cmpuint (count_rows (list), >, 0);
  g_assert_cmpuint (count_rows (list), <=, 300);

  /* Case-insensitive, by name or id. */
  set_search (fixture, "АВТОР 1999");
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 1);
  set_search (fixture, "A0042");
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 1);
  set_search (fixture, "автор 19");
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 100);
  set_search (fixture, "nobody");
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 0);
  g_assert_true (gtk_widget_get_child_visible (find (fixture, "authors-empty")));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (find (fixture, "authors-empty"))), ==,
                   "No Authors Found");

  /* A rename is found under its new name at once. */
  set_search (fixture, "Zoë");
  cab_authors_page_select (CAB_AUTHORS_PAGE (fixture->page), "a0500");
  apply_text (fixture, "author-name", "Zoë Example");
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 1);
  set_search (fixture, "");
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 2004);
}

static void
test_authors_follow_model (Fixture       *fixture,
                           gconstpointer  data)
{
  CabAuthorsPage *page = CAB_AUTHORS_PAGE (fixture->page);
  g_autoptr(JsonNode) author = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *name = find (fixture, "author-name");

  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 4);
  wait_row_shows (fixture, "a-bot", "Вектор-бот");

  /* An edit made elsewhere shows in the open editor and the row. */
  cab_authors_page_select (page, "a-bot");
  {
    g_autoptr(JsonNode) current = json_node_init_object (json_node_alloc (), model_author (fixture, "a-bot"));
    g_autofree char *text = json_to_string (current, FALSE);

    /* A copy of its own, as another page would build it. */
    author = json_from_string (text, &error);
    g_assert_no_error (error);
  }
  json_object_set_string_member (json_node_get_object (author), "name", "Robot");
  json_object_set_boolean_member (json_node_get_object (author), "isClient", TRUE);
  g_assert_true (cab_state_set_author (fixture->state, author, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Robot");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (find (fixture, "author-client"))));
  wait_row_shows (fixture, "a-bot", "Robot");

  /* Undone, it is back as it was. */
  cab_state_undo (fixture->state);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Вектор-бот");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (find (fixture, "author-client"))));

  /* Removed elsewhere: the editor closes; an undo brings the row back in its place. */
  g_assert_true (cab_state_remove_author (fixture->state, "a-bot", &error));
  g_assert_null (cab_authors_page_get_selected (page));
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 3);
  cab_state_undo (fixture->state);
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, 4);
  {
    g_autoptr(GtkStringObject) last = g_list_model_get_item (list_model (fixture), 3);

    g_assert_cmpstr (gtk_string_object_get_string (last), ==, "a-bot");
  }

  /* Nothing the page did by itself is an edit. */
  g_assert_false (cab_state_can_undo (fixture->state));
}

int
main (int   argc,
      char *argv[])
{
  cab_test_init (&argc, &argv);
  adw_init ();

#define ADD(path, page_new, setup, func) \
  g_test_add (path, Fixture, (gconstpointer) page_new, setup, func, tear_down)

  ADD ("/account-page/edits", cab_account_page_new, set_up_with_cabinet, test_account_edits);
  ADD ("/account-page/refused", cab_account_page_new, set_up_with_cabinet, test_account_refused);
  ADD ("/account-page/follows-model", cab_account_page_new, set_up_bare, test_account_follows_model);
  ADD ("/authors-page/edits", cab_authors_page_new, set_up_with_cabinet, test_authors_edits);
  ADD ("/authors-page/refused", cab_authors_page_new, set_up_with_cabinet, test_authors_refused);
  ADD ("/authors-page/scale-and-search", cab_authors_page_new, set_up_bare, test_authors_scale_and_search);
  ADD ("/authors-page/follows-model", cab_authors_page_new, set_up_bare, test_authors_follow_model);

  return g_test_run ();
}
