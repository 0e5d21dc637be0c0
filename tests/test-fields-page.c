/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Fields page, driven through its real editors next to a real cabinet page: for every
 * one of the 16 field types an edit reaches the widget at once — getState('leadFields') has
 * the new value, the leadFields subscriber is called exactly once and the lead subscriber
 * not at all. Refused input (not a number, not a URL, no such day or time) marks its row and
 * reaches nothing. Adding and removing fields moves the lead's and contacts' fieldIds.
 *
 * One cabinet serves every test (a web process is slow to start); each test edits its own
 * field of the default fixture, so their order does not matter. */
#include "config.h"

#include <adwaita.h>

#include "cab-fields-page.h"
#include "cab-test-util.h"

/* Long enough for a second subscriber call to arrive if the edit made two. */
#define SETTLE_MS 300

static CabTestCabinet *cabinet;
static GtkWidget *window;
static CabFieldsPage *page;

static GtkWidget *
find (const char *name)
{
  GtkWidget *widget = cab_test_find_widget (GTK_WIDGET (page), name);

  if (widget == NULL)
    g_error ("the page has no widget named %s", name);
  return widget;
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

static JsonNode *
run_js (const char *format,
        ...) G_GNUC_PRINTF (1, 2);

static JsonNode *
run_js (const char *format,
        ...)
{
  g_autofree char *body = NULL;
  va_list args;

  va_start (args, format);
  body = g_strdup_vprintf (format, args);
  va_end (args);

  return cab_test_run_js (cabinet, body);
}

static gint64
js_int (const char *expression)
{
  g_autoptr(JsonNode) node = run_js ("return Number(%s);", expression);

  return json_node_get_int (node);
}

static void
assert_json (JsonNode   *actual,
             const char *expected_json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) expected = json_from_string (expected_json, &error);

  g_assert_no_error (error);
  if (!json_node_equal (actual, expected))
    {
      g_autofree char *text = json_to_string (actual, FALSE);

      g_error ("expected %s, got %s", expected_json, text);
    }
}

static void
watch (const char *field_id)
{
  json_node_unref (run_js ("window.__fieldsProbe.watch(['%s']); return true;", field_id));
}

/* Opens the field's editor and starts recording the widget's calls for it. */
static void
open_field (const char *field_id)
{
  cab_fields_page_open_field (page, field_id);
  g_assert_cmpstr (cab_fields_page_get_open_field (page), ==, field_id);
  watch (field_id);
}

/* One edit was made: it reached the page once, as leadFields only, with @expected_value. */
static void
assert_one_edit (const char *field_id,
                 const char *expected_value)
{
  g_autoptr(JsonNode) seen = NULL;
  g_autoptr(JsonNode) state = NULL;

  cab_test_wait_js (cabinet, "window.__fieldsProbe.count('leadFields') >= 1");
  cab_test_spin (SETTLE_MS);
  g_assert_cmpint (js_int ("window.__fieldsProbe.count('leadFields')"), ==, 1);
  g_assert_cmpint (js_int ("window.__fieldsProbe.count('lead')"), ==, 0);

  seen = run_js ("return window.__fieldsProbe.calls[0].fields['%s'].value;", field_id);
  assert_json (seen, expected_value);
  state = run_js ("return window.__fieldsProbe.getState('leadFields')['%s'].value;", field_id);
  assert_json (state, expected_value);

  /* The next edit of the same test is counted on its own. */
  watch (field_id);
}

/* Input the panel refused: the row says so, and neither the model nor the page changed. */
static void
assert_refused (const char *row_name,
                const char *field_id,
                const char *unchanged_value)
{
  g_autoptr(JsonNode) state = NULL;
  g_autoptr(JsonNode) model = NULL;

  /* A change is applied once complete, when the main loop is idle. */
  cab_test_spin (SETTLE_MS);
  model = cab_state_dup_field (cabinet->state, field_id);
  g_assert_true (gtk_widget_has_css_class (find (row_name), "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (find (row_name)));
  assert_json (json_object_get_member (json_node_get_object (model), "value"), unchanged_value);

  cab_test_spin (SETTLE_MS);
  g_assert_cmpint (js_int ("window.__fieldsProbe.count('leadFields')"), ==, 0);
  g_assert_cmpint (js_int ("window.__fieldsProbe.count('lead')"), ==, 0);
  state = run_js ("return window.__fieldsProbe.getState('leadFields')['%s'].value;", field_id);
  assert_json (state, unchanged_value);
}

static void
set_text (const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find (name)), text);
}

static void
set_view_text (const char *name,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find (name))), text, -1);
}

static char *
unix_day (int year,
          int month,
          int day)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (year, month, day, 0, 0, 0);

  return g_strdup_printf ("%" G_GINT64_FORMAT, g_date_time_to_unix (date));
}

/* --- Every type --------------------------------------------------------------------------- */

static void
test_text (void)
{
  open_field ("18342201-512003");
  set_text ("field-value", "Д-2027/001");
  assert_one_edit ("18342201-512003", "\"Д-2027/001\"");
}

static void
test_numeric (void)
{
  GtkWidget *row;

  open_field ("18342201-512005");
  row = find ("field-value");
  set_text ("field-value", "12a");
  assert_refused ("field-value", "18342201-512005", "12");
  /* What the user typed stays, to be corrected. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "12a");

  set_text ("field-value", "12.5");
  assert_one_edit ("18342201-512005", "12.5");
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  set_text ("field-value", "-3");
  assert_one_edit ("18342201-512005", "-3");
}

static void
test_budget (void)
{
  open_field ("18342201-512001");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find ("field-currency"))), ==, "₽");
  set_text ("field-value", "990000");
  assert_one_edit ("18342201-512001", "990000");
}

static void
test_checkbox (void)
{
  open_field ("18342201-512007");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (find ("field-value"))));
  gtk_switch_set_active (GTK_SWITCH (find ("field-value")), FALSE);
  assert_one_edit ("18342201-512007", "false");
}

static void
test_date (void)
{
  g_autofree char *typed = unix_day (2027, 1, 15);
  g_autofree char *picked = unix_day (2027, 3, 8);
  g_autoptr(GDateTime) day = g_date_time_new_utc (2027, 3, 8, 12, 0, 0);

  open_field ("18342201-512009");
  set_text ("field-date", "2026-02-31");
  assert_refused ("field-date", "18342201-512009", "1797292800");

  set_text ("field-date", "2027-01-15");
  assert_one_edit ("18342201-512009", typed);
  g_assert_false (gtk_widget_has_css_class (find ("field-date"), "error"));

  /* The calendar picks a day: one edit, and the entry shows it. */
  gtk_calendar_select_day (GTK_CALENDAR (find ("field-calendar")), day);
  assert_one_edit ("18342201-512009", picked);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find ("field-date"))), ==, "2027-03-08");
}

static void
test_select (void)
{
  open_field ("18342201-512011");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find ("field-value")), 4);
  assert_one_edit ("18342201-512011", "{\"id\": \"1304\", \"value\": \"Лизинг\"}");

  /* The first item is "None". */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find ("field-value")), 0);
  assert_one_edit ("18342201-512011", "null");
}

static void
test_multiselect (void)
{
  open_field ("18342201-512013");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find ("field-option-1314")), TRUE);
  assert_one_edit ("18342201-512013",
                   "[{\"id\": \"1311\", \"value\": \"Доставка\"},"
                   " {\"id\": \"1312\", \"value\": \"Монтаж в стойку\"},"
                   " {\"id\": \"1313\", \"value\": \"Настройка ПО\"},"
                   " {\"id\": \"1314\", \"value\": \"Резервное копирование\"}]");

  gtk_check_button_set_active (GTK_CHECK_BUTTON (find ("field-option-1311")), FALSE);
  assert_one_edit ("18342201-512013",
                   "[{\"id\": \"1312\", \"value\": \"Монтаж в стойку\"},"
                   " {\"id\": \"1313\", \"value\": \"Настройка ПО\"},"
                   " {\"id\": \"1314\", \"value\": \"Резервное копирование\"}]");
}

static void
test_url (void)
{
  open_field ("18342201-512015");
  set_text ("field-value", "not a url");
  assert_refused ("field-value", "18342201-512015", "\"https://docs.example.com/altair/spec-D-2026-114.pdf\"");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find ("field-value"))), ==, "not a url");

  set_text ("field-value", "https://example.org/spec.pdf");
  assert_one_edit ("18342201-512015", "\"https://example.org/spec.pdf\"");

  /* An empty URL is no URL at all, which a field may hold. */
  set_text ("field-value", "");
  assert_one_edit ("18342201-512015", "\"\"");
}

static void
test_textarea (void)
{
  open_field ("18342201-512017");
  set_view_text ("field-value", "Первая строка\nВторая строка");
  assert_one_edit ("18342201-512017", "\"Первая строка\\nВторая строка\"");
}

static void
test_radiobutton (void)
{
  open_field ("18342201-512019");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find ("field-option-1321")), TRUE);
  assert_one_edit ("18342201-512019", "{\"id\": \"1321\", \"value\": \"Низкий\"}");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (find ("field-option-1323"))));
}

static void
test_streetaddress (void)
{
  open_field ("18342201-512021");
  set_view_text ("field-value", "г. Москва, ул. Тверская, д. 1\nподъезд 2");
  assert_one_edit ("18342201-512021", "\"г. Москва, ул. Тверская, д. 1\\nподъезд 2\"");
}

static void
test_date_time (void)
{
  /* 1795161600 is 2026-11-20 08:00 UTC. */
  open_field ("18342201-512023");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find ("field-date"))), ==, "2026-11-20");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find ("field-time"))), ==, "08:00");

  set_text ("field-time", "25:61");
  assert_refused ("field-time", "18342201-512023", "1795161600");

  set_text ("field-time", "09:30");
  assert_one_edit ("18342201-512023", "1795167000");
  g_assert_false (gtk_widget_has_css_class (find ("field-time"), "error"));

  set_text ("field-date", "2026-12-01");
  assert_one_edit ("18342201-512023", "1796117400");
}

static void
test_birthday (void)
{
  g_autofree char *expected = unix_day (1987, 5, 20);

  /* 513648000 is 1986-04-12. */
  open_field ("5501-301007");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find ("field-date"))), ==, "1986-04-12");
  set_text ("field-date", "1987-05-20");
  assert_one_edit ("5501-301007", expected);
}

static void
test_multitext (void)
{
  GtkDropDown *code;

  open_field ("5501-301001");
  set_text ("field-multitext-0-value", "+7 900 111-22-33");
  assert_one_edit ("5501-301001",
                   "[{\"value\": \"+7 900 111-22-33\", \"enumCode\": \"MOB\"},"
                   " {\"value\": \"+7 343 210-45-67\", \"enumCode\": \"WORK\"}]");

  /* The codes: WORK, WORKDD, MOB, FAX, HOME, PRIV, OTHER. */
  code = GTK_DROP_DOWN (find ("field-multitext-1-code"));
  g_assert_cmpuint (gtk_drop_down_get_selected (code), ==, 0);
  gtk_drop_down_set_selected (code, 4);
  assert_one_edit ("5501-301001",
                   "[{\"value\": \"+7 900 111-22-33\", \"enumCode\": \"MOB\"},"
                   " {\"value\": \"+7 343 210-45-67\", \"enumCode\": \"HOME\"}]");

  g_signal_emit_by_name (find ("field-multitext-add"), "clicked");
  assert_one_edit ("5501-301001",
                   "[{\"value\": \"+7 900 111-22-33\", \"enumCode\": \"MOB\"},"
                   " {\"value\": \"+7 343 210-45-67\", \"enumCode\": \"HOME\"},"
                   " {\"value\": \"\", \"enumCode\": \"WORK\"}]");
  set_text ("field-multitext-2-value", "+7 999 000-00-00");
  assert_one_edit ("5501-301001",
                   "[{\"value\": \"+7 900 111-22-33\", \"enumCode\": \"MOB\"},"
                   " {\"value\": \"+7 343 210-45-67\", \"enumCode\": \"HOME\"},"
                   " {\"value\": \"+7 999 000-00-00\", \"enumCode\": \"WORK\"}]");

  g_signal_emit_by_name (find ("field-multitext-0-remove"), "clicked");
  assert_one_edit ("5501-301001",
                   "[{\"value\": \"+7 343 210-45-67\", \"enumCode\": \"HOME\"},"
                   " {\"value\": \"+7 999 000-00-00\", \"enumCode\": \"WORK\"}]");
  g_assert_null (cab_test_find_widget (GTK_WIDGET (page), "field-multitext-2-value"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find ("field-multitext-0-value"))), ==, "+7 343 210-45-67");
}

static void
test_smart_address (void)
{
  open_field ("9101-401003");
  set_text ("field-city", "Москва");
  assert_one_edit ("9101-401003",
                   "{\"address_line_1\": \"ул. Малышева, д. 51, офис 1204\","
                   " \"address_line_2\": \"БЦ «Высоцкий»\", \"city\": \"Москва\","
                   " \"state\": \"Свердловская область\", \"zip\": \"620075\", \"country\": \"Россия\"}");
}

static void
test_legal_entity (void)
{
  open_field ("9101-401001");
  set_text ("field-vat_id", "7700000001");
  assert_one_edit ("9101-401001",
                   "{\"name\": \"ООО «Альтаир Логистик»\", \"entity_type\": \"legal\","
                   " \"vat_id\": \"7700000001\", \"kpp\": \"667101001\","
                   " \"tax_registration_reason_code\": \"667101001\","
                   " \"address\": \"620075, Свердловская обл., г. Екатеринбург, ул. Малышева, д. 51, офис 1204\"}");
  set_text ("field-legal-name", "ООО «Альтаир»");
  cab_test_wait_js (cabinet, "window.__fieldsProbe.count('leadFields') >= 1");
  cab_test_spin (SETTLE_MS);
  g_assert_cmpint (js_int ("window.__fieldsProbe.count('leadFields')"), ==, 1);
  assert_json (run_js ("return window.__fieldsProbe.getState('leadFields')['9101-401001'].value.name;"),
               "\"ООО «Альтаир»\"");
}

/* --- Names, options, the list, adding and removing ----------------------------------------- */

static void
test_name (void)
{
  g_autoptr(JsonNode) name = NULL;

  open_field ("5502-301005");
  set_text ("field-name", "Должность (основная)");
  cab_test_wait_js (cabinet, "window.__fieldsProbe.count('leadFields') >= 1");
  cab_test_spin (SETTLE_MS);
  g_assert_cmpint (js_int ("window.__fieldsProbe.count('leadFields')"), ==, 1);
  g_assert_cmpint (js_int ("window.__fieldsProbe.count('lead')"), ==, 0);
  name = run_js ("return window.__fieldsProbe.getState('leadFields')['5502-301005'].name;");
  assert_json (name, "\"Должность (основная)\"");
}

static void
test_options (void)
{
  open_field ("18342201-512019");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find ("field-option-1322")), TRUE);
  assert_one_edit ("18342201-512019", "{\"id\": \"1322\", \"value\": \"Средний\"}");

  /* Renaming the chosen option renames it in the value too, in the same edit. */
  set_text ("field-enum-1322", "Обычный");
  assert_one_edit ("18342201-512019", "{\"id\": \"1322\", \"value\": \"Обычный\"}");
  assert_json (run_js ("return window.__fieldsProbe.getState('leadFields')['18342201-512019'].enums[1];"),
               "{\"id\": \"1322\", \"value\": \"Обычный\"}");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                     gtk_widget_get_ancestor (find ("field-option-1322"), ADW_TYPE_ACTION_ROW))), ==, "Обычный");

  /* An option without a name is refused. */
  set_text ("field-enum-1321", "  ");
  cab_test_spin (SETTLE_MS);
  g_assert_true (gtk_widget_has_css_class (find ("field-enum-1321"), "error"));
  g_assert_cmpint (js_int ("window.__fieldsProbe.count('leadFields')"), ==, 0);
  set_text ("field-enum-1321", "Низкий приоритет");
  cab_test_wait_js (cabinet, "window.__fieldsProbe.count('leadFields') >= 1");
  g_assert_false (gtk_widget_has_css_class (find ("field-enum-1321"), "error"));
  watch ("18342201-512019");

  g_signal_emit_by_name (find ("field-enum-add"), "clicked");
  assert_one_edit ("18342201-512019", "{\"id\": \"1322\", \"value\": \"Обычный\"}");
  assert_json (run_js ("return window.__fieldsProbe.getState('leadFields')['18342201-512019'].enums[3];"),
               "{\"id\": \"1324\", \"value\": \"Option 4\"}");
  g_assert_nonnull (find ("field-option-1324"));

  /* Removing the chosen option leaves no choice. */
  g_signal_emit_by_name (find ("field-enum-1322-remove"), "clicked");
  assert_one_edit ("18342201-512019", "null");
  assert_json (run_js ("return window.__fieldsProbe.getState('leadFields')['18342201-512019'].enums.map((e) => e.id);"),
               "[\"1321\", \"1323\", \"1324\"]");
  g_assert_null (cab_test_find_widget (GTK_WIDGET (page), "field-option-1322"));
}

static void
test_list_and_search (void)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (cab_fields_page_get_list_view (page)));
  guint all;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_widget_activate_action (GTK_WIDGET (page), "fields.back", NULL);
  g_assert_null (cab_fields_page_get_open_field (page));

  /* 12 of the lead, 4 + 3 of its contacts, 4 of its company (and whatever tests added). */
  all = g_list_model_get_n_items (model);
  g_assert_cmpuint (all, >=, 23);
  g_assert_cmpstr (gtk_widget_get_name (find ("fields-list")), ==, "fields-list");

  set_text ("fields-search", "телефон");
  while (g_list_model_get_n_items (model) == all)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
    }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  set_text ("fields-search", "");
  while (g_list_model_get_n_items (model) != all)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
    }

  /* The rows show their field: name, type, value and source. */
  cab_test_spin (100);
  g_assert_true (has_label (find ("fields-list"), "Бюджет"));
  g_assert_true (has_label (find ("fields-list"), "Budget"));
  g_assert_true (has_label (find ("fields-list"), "Contact · Игорь Петров"));
  g_assert_true (has_label (find ("fields-list"), "Company · ООО «Альтаир Логистик»"));
}

static void
test_external_edit (void)
{
  g_autoptr(JsonNode) field = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  open_field ("5502-301005");
  row = find ("field-value");
  /* An edit from elsewhere (another panel, the raw JSON) shows in the open editor. */
  field = cab_state_dup_field (cabinet->state, "5502-301005");
  json_object_set_string_member (json_node_get_object (field), "value", "Финансовый директор");
  g_assert_true (cab_state_set_field (cabinet->state, "5502-301005", field, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Финансовый директор");

  /* Undo takes it back, and the editor follows. */
  cab_state_undo (cabinet->state);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), !=, "Финансовый директор");
}

static void
test_add_and_remove (void)
{
  g_autofree char *contact_field = NULL;
  g_autofree char *lead_field = NULL;
  g_autofree char *has = NULL;
  g_autofree char *in_fields = NULL;
  g_autofree char *gone = NULL;

  gtk_widget_activate_action (GTK_WIDGET (page), "fields.back", NULL);
  json_node_unref (run_js ("window.__fieldsProbe.watch([]); return true;"));

  /* A numeric field of the contact Мария Кузнецова (the owners: the lead, its two contacts,
   * its company). */
  gtk_menu_button_popup (GTK_MENU_BUTTON (find ("fields-add")));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (find ("field-add-owner")))), ==, 4);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find ("field-add-owner")), 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find ("field-add-type")), 1);
  set_text ("field-add-name", "Скидка");
  g_signal_emit_by_name (find ("field-add-confirm"), "clicked");

  contact_field = g_strdup (cab_fields_page_get_open_field (page));
  g_assert_nonnull (contact_field);
  cab_test_wait_js (cabinet, "window.__fieldsProbe.count('lead') >= 1 && window.__fieldsProbe.count('leadFields') >= 1");
  cab_test_spin (SETTLE_MS);
  g_assert_cmpint (js_int ("window.__fieldsProbe.count('lead')"), ==, 1);
  g_assert_cmpint (js_int ("window.__fieldsProbe.count('leadFields')"), ==, 1);
  has = g_strdup_printf ("window.__fieldsProbe.getState('lead').contacts['5502'].fieldIds.includes('%s')", contact_field);
  g_assert_cmpint (js_int (has), ==, TRUE);
  assert_json (run_js ("const f = window.__fieldsProbe.getState('leadFields')['%s'];"
                       "return [f.name, f.type, f.fieldSource, f.value];", contact_field),
               "[\"Скидка\", \"numeric\", \"contacts\", 0]");

  /* The new field is edited like any other. */
  watch (contact_field);
  set_text ("field-value", "7.5");
  assert_one_edit (contact_field, "7.5");

  /* Removing it takes it off the contact, and the page goes back to the list. */
  json_node_unref (run_js ("window.__fieldsProbe.watch([]); return true;"));
  g_signal_emit_by_name (find ("field-remove"), "clicked");
  g_assert_null (cab_fields_page_get_open_field (page));
  cab_test_wait_js (cabinet, "window.__fieldsProbe.count('lead') >= 1");
  g_assert_cmpint (js_int (has), ==, FALSE);
  in_fields = g_strdup_printf ("'%s' in window.__fieldsProbe.getState('leadFields')", contact_field);
  g_assert_cmpint (js_int (in_fields), ==, FALSE);

  /* A field of the lead itself. */
  json_node_unref (run_js ("window.__fieldsProbe.watch([]); return true;"));
  gtk_menu_button_popup (GTK_MENU_BUTTON (find ("fields-add")));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find ("field-add-owner")), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find ("field-add-type")), 15);
  set_text ("field-add-name", "Скидка на поставку");
  g_signal_emit_by_name (find ("field-add-confirm"), "clicked");
  lead_field = g_strdup (cab_fields_page_get_open_field (page));
  g_assert_nonnull (lead_field);
  g_free (has);
  has = g_strdup_printf ("window.__fieldsProbe.getState('lead').fieldIds.includes('%s')", lead_field);
  cab_test_wait_js (cabinet, has);
  g_assert_nonnull (find ("field-currency"));
  g_signal_emit_by_name (find ("field-remove"), "clicked");
  gone = g_strdup_printf ("!(%s)", has);
  cab_test_wait_js (cabinet, gone);
}

static void
test_lead_switch (void)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (cab_fields_page_get_list_view (page)));
  g_autoptr(GError) error = NULL;

  /* A field of the lead itself leaves with the lead: back to the list. */
  open_field ("18342201-512003");
  g_assert_true (cab_state_set_active_lead (cabinet->state, "18342277", &error));
  g_assert_no_error (error);
  g_assert_null (cab_fields_page_get_open_field (page));
  /* 12 of the lead, 4 of its one contact, 4 of its company. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 20);

  /* A contact's field both leads share stays open across the switch. */
  cab_fields_page_open_field (page, "5501-301005");
  g_assert_true (cab_state_set_active_lead (cabinet->state, "18342201", &error));
  g_assert_cmpstr (cab_fields_page_get_open_field (page), ==, "5501-301005");
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 23);
  gtk_widget_activate_action (GTK_WIDGET (page), "fields.back", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *probe_id = NULL;
  int status;

  cab_test_init (&argc, &argv);
  adw_init ();

  cabinet = cab_test_cabinet_new ();
  probe_id = cab_test_add_widget (cabinet, "fields-probe.js");
  g_assert_cmpstr (cab_test_wait_widget (cabinet, probe_id)->state, ==, "ready");
  cab_test_wait_js (cabinet, "window.__fieldsProbe");

  page = CAB_FIELDS_PAGE (cab_fields_page_new (cabinet->state));
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));

  g_test_add_func ("/fields-page/type-text", test_text);
  g_test_add_func ("/fields-page/type-numeric", test_numeric);
  g_test_add_func ("/fields-page/type-budget", test_budget);
  g_test_add_func ("/fields-page/type-checkbox", test_checkbox);
  g_test_add_func ("/fields-page/type-date", test_date);
  g_test_add_func ("/fields-page/type-select", test_select);
  g_test_add_func ("/fields-page/type-multiselect", test_multiselect);
  g_test_add_func ("/fields-page/type-url", test_url);
  g_test_add_func ("/fields-page/type-textarea", test_textarea);
  g_test_add_func ("/fields-page/type-radiobutton", test_radiobutton);
  g_test_add_func ("/fields-page/type-streetaddress", test_streetaddress);
  g_test_add_func ("/fields-page/type-smartAddress", test_smart_address);
  g_test_add_func ("/fields-page/type-legalEntity", test_legal_entity);
  g_test_add_func ("/fields-page/type-birthday", test_birthday);
  g_test_add_func ("/fields-page/type-dateTime", test_date_time);
  g_test_add_func ("/fields-page/type-multitext", test_multitext);
  g_test_add_func ("/fields-page/name", test_name);
  g_test_add_func ("/fields-page/options", test_options);
  g_test_add_func ("/fields-page/external-edit", test_external_edit);
  g_test_add_func ("/fields-page/list-and-search", test_list_and_search);
  g_test_add_func ("/fields-page/add-and-remove", test_add_and_remove);
  g_test_add_func ("/fields-page/lead-switch", test_lead_switch);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_pointer (&cabinet, cab_test_cabinet_free);

  return status;
}
