/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Lead page, driven through its real rows, against a real cabinet page: every edit must
 * reach a real widget's subscribers exactly once with the new value (tests/widgets/
 * lead-probe.js), and refused input must show on the row and reach nobody. */
#include "config.h"

#include <adwaita.h>

#include "cab-lead-page.h"
#include "cab-test-util.h"

typedef struct
{
  CabTestCabinet *test;
  GtkWidget      *window;
  GtkWidget      *page;
  guint           n_calls;
  char           *opened_field;
} LeadTest;

static void
on_open_field (GtkWidget  *page,
               const char *field_id,
               LeadTest   *t)
{
  g_free (t->opened_field);
  t->opened_field = g_strdup (field_id);
}

static LeadTest *
lead_test_new (void)
{
  LeadTest *t = g_new0 (LeadTest, 1);
  g_autofree char *id = NULL;

  t->test = cab_test_cabinet_new ();
  id = cab_test_add_widget (t->test, "lead-probe.js");
  g_assert_cmpstr (cab_test_wait_widget (t->test, id)->state, ==, "ready");
  cab_test_wait_js (t->test, "window.__leadProbe");

  t->page = cab_lead_page_new (t->test->state);
  g_signal_connect (t->page, "open-field", G_CALLBACK (on_open_field), t);
  t->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (t->window), 420, 900);
  gtk_window_set_child (GTK_WINDOW (t->window), t->page);
  gtk_window_present (GTK_WINDOW (t->window));

  return t;
}

static void
lead_test_free (LeadTest *t)
{
  gtk_window_destroy (GTK_WINDOW (t->window));
  cab_test_cabinet_free (t->test);
  g_free (t->opened_field);
  g_free (t);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LeadTest, lead_test_free)

static GtkWidget *
find (LeadTest   *t,
      const char *name)
{
  GtkWidget *widget = cab_test_find_widget (t->page, name);

  if (widget == NULL)
    g_error ("no widget named %s on the Lead page", name);
  return widget;
}

static void
apply_text (LeadTest   *t,
            const char *name,
            const char *text)
{
  GtkWidget *row = find (t, name);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static void
click (LeadTest   *t,
       const char *name)
{
  g_signal_emit_by_name (find (t, name), "clicked");
}

/* The subscriber calls since the last look: waits for at least @expected, then lets any
 * extra one arrive (the app pushes an edit from a high-priority idle, and a script run
 * after it sees everything it sent), so that "exactly" means exactly. */
static JsonArray *
take_calls (LeadTest *t,
            guint     expected)
{
  g_autofree char *condition = g_strdup_printf ("window.__leadProbe.calls.length >= %u", t->n_calls + expected);
  g_autofree char *body = g_strdup_printf ("return window.__leadProbe.calls.slice(%u);", t->n_calls);
  g_autoptr(JsonNode) calls = NULL;
  JsonArray *array;

  cab_test_wait_js (t->test, condition);
  cab_test_spin (50);
  calls = cab_test_run_js (t->test, body);
  array = json_node_get_array (calls);
  t->n_calls += json_array_get_length (array);

  return json_array_ref (array);
}

/* Exactly one call of the lead subscriber, and one of leadFields when @fields_changed; no
 * others. Returns the LeadModel the widget got, after checking that getState('lead') and the
 * app's model say the same. */
static JsonNode *
expect_lead_call (LeadTest *t,
                  gboolean  fields_changed)
{
  g_autoptr(JsonArray) calls = take_calls (t, fields_changed ? 2 : 1);
  g_autoptr(JsonNode) state = cab_test_run_js (t->test, "return window.__leadProbe.getState('lead');");
  g_autoptr(JsonNode) model = cab_state_dup_entity (t->test->state, CAB_ENTITY_LEAD);
  JsonNode *lead = NULL;
  guint n_lead = 0, n_fields = 0;

  for (guint i = 0; i < json_array_get_length (calls); i++)
    {
      JsonObject *call = json_array_get_object_element (calls, i);
      const char *entity = json_object_get_string_member (call, "entity");

      if (g_str_equal (entity, "lead"))
        {
          n_lead++;
          lead = json_object_get_member (call, "value");
        }
      else if (g_str_equal (entity, "leadFields"))
        {
          n_fields++;
        }
      else
        {
          g_error ("the %s subscriber was called for a lead edit", entity);
        }
    }
  g_assert_cmpuint (n_lead, ==, 1);
  g_assert_cmpuint (n_fields, ==, fields_changed ? 1 : 0);
  g_assert_true (json_node_equal (lead, state));
  g_assert_true (json_node_equal (lead, model));

  return json_node_copy (lead);
}

/* Nothing reached the widget. */
static void
expect_no_calls (LeadTest *t)
{
  g_autoptr(JsonArray) calls = take_calls (t, 0);

  g_assert_cmpuint (json_array_get_length (calls), ==, 0);
}

/* The leadFields ids the widget got in its last call. */
static JsonArray *
last_field_ids (LeadTest *t)
{
  g_autoptr(JsonNode) node = cab_test_run_js (t->test,
    "const calls = window.__leadProbe.calls.filter((c) => c.entity === 'leadFields');"
    "return calls[calls.length - 1].value;");

  return json_array_ref (json_node_get_array (node));
}

static const char *
member_string (JsonNode   *node,
               const char *member)
{
  return json_object_get_string_member (json_node_get_object (node), member);
}

static JsonObject *
status_at (JsonNode *lead,
           guint     index)
{
  return json_array_get_object_element (json_object_get_array_member (json_node_get_object (lead), "statuses"), index);
}

static guint
n_statuses (JsonNode *lead)
{
  return json_array_get_length (json_object_get_array_member (json_node_get_object (lead), "statuses"));
}

static guint
n_selected (JsonNode *lead)
{
  guint n = 0;

  for (guint i = 0; i < n_statuses (lead); i++)
    n += json_object_get_boolean_member (status_at (lead, i), "selected");
  return n;
}

static void
assert_refused (LeadTest   *t,
                const char *name,
                const char *text)
{
  g_autoptr(JsonNode) before = cab_state_dup_entity (t->test->state, CAB_ENTITY_LEAD);
  g_autoptr(JsonNode) after = NULL;
  GtkWidget *row = find (t, name);

  apply_text (t, name, text);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (row));
  /* What was typed stays, to be corrected. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, text);
  after = cab_state_dup_entity (t->test->state, CAB_ENTITY_LEAD);
  g_assert_true (json_node_equal (before, after));
  expect_no_calls (t);
}

static void
test_lead_members (void)
{
  g_autoptr(LeadTest) t = lead_test_new ();
  g_autoptr(JsonNode) lead = NULL;
  g_autoptr(JsonNode) query = NULL;
  GtkWidget *manager;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (t, "lead-id"))), ==, "18342201");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (t, "lead-pid"))), ==, "7412338");

  /* The title is not part of LeadModel: no subscriber hears of it, the cabinet shows it. */
  apply_text (t, "lead-name", "Поставка стоек");
  cab_test_wait_js (t->test, "document.querySelector('.cab-lead__name').textContent === 'Поставка стоек'");
  expect_no_calls (t);

  apply_text (t, "lead-pid", "7412999");
  lead = expect_lead_call (t, FALSE);
  g_assert_cmpstr (member_string (lead, "pid"), ==, "7412999");
  g_clear_pointer (&lead, json_node_unref);

  gtk_switch_set_active (GTK_SWITCH (find (t, "lead-loaded")), FALSE);
  lead = expect_lead_call (t, FALSE);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (lead), "isLeadLoaded"));
  g_clear_pointer (&lead, json_node_unref);

  /* The users in the fixture's order: 7001 Анна Соколова, 7002 Дмитрий Волков. */
  manager = find (t, "lead-manager");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (manager)), ==, 0);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (manager))),
                   ==, "Анна Соколова");
  adw_combo_row_set_selected (ADW_COMBO_ROW (manager), 1);
  lead = expect_lead_call (t, FALSE);
  g_assert_cmpstr (member_string (lead, "managerId"), ==, "7002");
  g_clear_pointer (&lead, json_node_unref);

  /* Refused: an empty id, the other lead's id, an empty pid. */
  assert_refused (t, "lead-id", "");
  assert_refused (t, "lead-id", "18342277");
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (find (t, "lead-id")), "18342277"));
  assert_refused (t, "lead-pid", "  ");

  /* A new id: the lead keeps being the active one, and getRouterQuery() follows. */
  apply_text (t, "lead-id", "18342299");
  lead = expect_lead_call (t, FALSE);
  g_assert_cmpstr (member_string (lead, "id"), ==, "18342299");
  g_assert_false (gtk_widget_has_css_class (find (t, "lead-id"), "error"));
  query = cab_test_run_js (t->test, "return window.__leadProbe.getRouterQuery();");
  g_assert_cmpstr (member_string (query, "leadId"), ==, "18342299");
  g_assert_cmpstr (cab_state_get_active_lead_id (t->test->state), ==, "18342299");

  /* The pid row still holds the refused blanks; a valid value clears its error. */
  apply_text (t, "lead-pid", "7412000");
  g_clear_pointer (&lead, json_node_unref);
  lead = expect_lead_call (t, FALSE);
  g_assert_cmpstr (member_string (lead, "pid"), ==, "7412000");
  g_assert_false (gtk_widget_has_css_class (find (t, "lead-pid"), "error"));
}

/* Runs the row's keyboard shortcut @accel (e.g. "<Alt>Up") as a key press would. */
static void
press_shortcut (GtkWidget  *row,
                const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (row);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, accel))
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, row,
                                                           gtk_shortcut_get_arguments (shortcut)));
              return;
            }
        }
    }
  g_error ("no shortcut %s on %s", accel, gtk_widget_get_name (row));
}

static void
test_statuses (void)
{
  g_autoptr(LeadTest) t = lead_test_new ();
  g_autoptr(JsonNode) lead = NULL;
  GdkRGBA rgba;

  /* The fixture: 6 statuses, the 4th (61230004) selected, then 142 and 143. */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find (t, "status-3-selected"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (t, "status-0-name"))), ==, "Первичный контакт");

  /* A new status goes before the closing ones, with the next id, not selected. */
  click (t, "status-add");
  lead = expect_lead_call (t, FALSE);
  g_assert_cmpuint (n_statuses (lead), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (status_at (lead, 4), "id"), ==, "61230005");
  g_assert_cmpstr (json_object_get_string_member (status_at (lead, 4), "name"), ==, "New Status");
  g_assert_false (json_object_get_boolean_member (status_at (lead, 4), "selected"));
  g_assert_cmpstr (json_object_get_string_member (status_at (lead, 5), "id"), ==, "142");
  g_assert_nonnull (cab_test_find_widget (t->page, "status-6-name"));
  g_clear_pointer (&lead, json_node_unref);

  apply_text (t, "status-4-name", "Монтаж");
  lead = expect_lead_call (t, FALSE);
  g_assert_cmpstr (json_object_get_string_member (status_at (lead, 4), "name"), ==, "Монтаж");
  g_clear_pointer (&lead, json_node_unref);

  g_assert_true (gdk_rgba_parse (&rgba, "#12AB5F"));
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (find (t, "status-4-color")), &rgba);
  g_signal_emit_by_name (find (t, "status-4-color"), "color-set");
  lead = expect_lead_call (t, FALSE);
  g_assert_cmpstr (json_object_get_string_member (status_at (lead, 4), "color"), ==, "#12ab5f");
  g_clear_pointer (&lead, json_node_unref);

  /* Selecting one unselects the others. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (t, "status-4-selected")), TRUE);
  lead = expect_lead_call (t, FALSE);
  g_assert_true (json_object_get_boolean_member (status_at (lead, 4), "selected"));
  g_assert_cmpuint (n_selected (lead), ==, 1);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (find (t, "status-3-selected"))));
  g_clear_pointer (&lead, json_node_unref);

  /* Up, then down again: the status moves with its name, colour and selection. */
  click (t, "status-4-up");
  lead = expect_lead_call (t, FALSE);
  g_assert_cmpstr (json_object_get_string_member (status_at (lead, 3), "id"), ==, "61230005");
  g_assert_cmpstr (json_object_get_string_member (status_at (lead, 4), "id"), ==, "61230004");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (t, "status-3-name"))), ==, "Монтаж");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find (t, "status-3-selected"))));
  g_clear_pointer (&lead, json_node_unref);

  click (t, "status-0-down");
  lead = expect_lead_call (t, FALSE);
  g_assert_cmpstr (json_object_get_string_member (status_at (lead, 0), "id"), ==, "61230002");
  g_assert_cmpstr (json_object_get_string_member (status_at (lead, 1), "id"), ==, "61230001");
  g_assert_false (gtk_widget_get_sensitive (find (t, "status-0-up")));
  g_assert_false (gtk_widget_get_sensitive (find (t, "status-6-down")));
  g_clear_pointer (&lead, json_node_unref);

  /* Alt+Up in a status's row moves it, and the focus goes with it. */
  gtk_widget_grab_focus (find (t, "status-2-name"));
  press_shortcut (find (t, "status-2-name"), "<Alt>Up");
  lead = expect_lead_call (t, FALSE);
  g_assert_cmpstr (json_object_get_string_member (status_at (lead, 1), "id"), ==, "61230003");
  g_assert_cmpstr (json_object_get_string_member (status_at (lead, 2), "id"), ==, "61230001");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (t->window)), find (t, "status-1-name")));
  g_clear_pointer (&lead, json_node_unref);

  press_shortcut (find (t, "status-1-name"), "<Alt>Down");
  lead = expect_lead_call (t, FALSE);
  g_assert_cmpstr (json_object_get_string_member (status_at (lead, 2), "id"), ==, "61230003");
  g_clear_pointer (&lead, json_node_unref);

  /* Removing the selected status: the one taking its place is the lead's stage now. */
  click (t, "status-3-remove");
  lead = expect_lead_call (t, FALSE);
  g_assert_cmpuint (n_statuses (lead), ==, 6);
  g_assert_cmpuint (n_selected (lead), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (status_at (lead, 3), "id"), ==, "61230004");
  g_assert_true (json_object_get_boolean_member (status_at (lead, 3), "selected"));
  g_assert_null (cab_test_find_widget (t->page, "status-6-name"));

  /* A status needs a name. */
  assert_refused (t, "status-2-name", "");
}

static void
test_contacts_and_company (void)
{
  g_autoptr(LeadTest) t = lead_test_new ();
  g_autoptr(JsonNode) lead = NULL;
  g_autoptr(JsonArray) field_ids = NULL;
  g_autofree char *contact_id = NULL;
  g_autofree char *name = NULL;
  JsonObject *contacts, *company;
  GList *ids;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (t, "contact-5501-name"))), ==, "Игорь Петров");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (t, "company-name"))), ==, "ООО «Альтаир Логистик»");

  /* A field row opens the field on the Fields page. */
  g_signal_emit_by_name (find (t, "field-5501-301003"), "activated");
  g_assert_cmpstr (t->opened_field, ==, "5501-301003");

  /* A new contact, without fields: leadFields is not called. */
  click (t, "contact-add");
  lead = expect_lead_call (t, FALSE);
  contacts = json_object_get_object_member (json_node_get_object (lead), "contacts");
  g_assert_cmpuint (json_object_get_size (contacts), ==, 3);
  ids = json_object_get_members (contacts);
  contact_id = g_strdup (g_list_last (ids)->data);
  g_list_free (ids);
  name = g_strdup_printf ("contact-%s-name", contact_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (t, name))), ==, "New Contact");
  g_clear_pointer (&lead, json_node_unref);

  /* Its name is not part of LeadModel: the model has it, no subscriber is called. */
  apply_text (t, name, "Олег Смирнов");
  expect_no_calls (t);
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_node_get_object (cab_state_peek (t->test->state, "contacts")),
                                                    contact_id), "name"), ==, "Олег Смирнов");

  /* A field for it: the lead (its fieldIds) and leadFields, once each. */
  g_free (name);
  name = g_strdup_printf ("contact-%s-add-field-type", contact_id);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (t, name)), 6);  /* url */
  g_free (name);
  name = g_strdup_printf ("contact-%s-add-field", contact_id);
  apply_text (t, name, "Сайт");
  lead = expect_lead_call (t, TRUE);
  {
    JsonObject *contact = json_object_get_object_member (
      json_object_get_object_member (json_node_get_object (lead), "contacts"), contact_id);
    JsonArray *contact_fields = json_object_get_array_member (contact, "fieldIds");
    g_autoptr(JsonNode) field = NULL;

    g_assert_cmpuint (json_array_get_length (contact_fields), ==, 1);
    field = cab_state_dup_field (t->test->state, json_array_get_string_element (contact_fields, 0));
    g_assert_cmpstr (member_string (field, "type"), ==, "url");
    g_assert_cmpstr (member_string (field, "name"), ==, "Сайт");
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (t, name))), ==, "");
  g_clear_pointer (&lead, json_node_unref);

  /* A contact with fields goes: the lead, and leadFields without its three fields. */
  click (t, "contact-5502-remove");
  lead = expect_lead_call (t, TRUE);
  contacts = json_object_get_object_member (json_node_get_object (lead), "contacts");
  g_assert_false (json_object_has_member (contacts, "5502"));
  g_assert_null (cab_test_find_widget (t->page, "contact-5502-name"));
  field_ids = last_field_ids (t);
  for (guint i = 0; i < json_array_get_length (field_ids); i++)
    g_assert_false (g_str_has_prefix (json_array_get_string_element (field_ids, i), "5502-"));
  g_clear_pointer (&lead, json_node_unref);
  g_clear_pointer (&field_ids, json_array_unref);

  /* No company: null, and its fields leave leadFields. */
  gtk_switch_set_active (GTK_SWITCH (find (t, "company-enabled")), FALSE);
  lead = expect_lead_call (t, TRUE);
  g_assert_true (json_object_get_null_member (json_node_get_object (lead), "company"));
  g_assert_false (gtk_widget_get_visible (find (t, "company")));
  field_ids = last_field_ids (t);
  for (guint i = 0; i < json_array_get_length (field_ids); i++)
    g_assert_false (g_str_has_prefix (json_array_get_string_element (field_ids, i), "9101-"));
  g_clear_pointer (&lead, json_node_unref);

  /* A company again: a fresh one, without fields. */
  gtk_switch_set_active (GTK_SWITCH (find (t, "company-enabled")), TRUE);
  lead = expect_lead_call (t, FALSE);
  company = json_object_get_object_member (json_node_get_object (lead), "company");
  g_assert_nonnull (company);
  g_assert_cmpstr (json_object_get_string_member (company, "name"), ==, "");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (company, "fieldIds")), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (company, "id"), !=, "");
  g_assert_true (gtk_widget_get_visible (find (t, "company")));
  g_clear_pointer (&lead, json_node_unref);

  apply_text (t, "company-name", "ИП Смирнов");
  lead = expect_lead_call (t, FALSE);
  company = json_object_get_object_member (json_node_get_object (lead), "company");
  g_assert_cmpstr (json_object_get_string_member (company, "name"), ==, "ИП Смирнов");
  g_clear_pointer (&lead, json_node_unref);

  apply_text (t, "company-id", "9200");
  lead = expect_lead_call (t, FALSE);
  company = json_object_get_object_member (json_node_get_object (lead), "company");
  g_assert_cmpstr (json_object_get_string_member (company, "id"), ==, "9200");

  assert_refused (t, "company-id", "");

  /* Undo brings the company back as it was, and the page shows it. */
  cab_state_undo (t->test->state);
  cab_state_undo (t->test->state);
  cab_state_undo (t->test->state);
  cab_state_undo (t->test->state);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (t, "company-name"))), ==, "ООО «Альтаир Логистик»");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (find (t, "company-enabled"))));
  g_assert_nonnull (cab_test_find_widget (t->page, "field-9101-401005"));
}

/* The page follows the model without taking away what the user is typing. */
static void
test_follows_model (void)
{
  g_autoptr(LeadTest) t = lead_test_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *pid = find (t, "lead-pid");
  g_autoptr(JsonNode) lead = NULL;

  /* Typed, not applied: another edit leaves it be. */
  gtk_editable_set_text (GTK_EDITABLE (pid), "74");
  gtk_switch_set_active (GTK_SWITCH (find (t, "lead-loaded")), FALSE);
  lead = expect_lead_call (t, FALSE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pid)), ==, "74");

  /* Undo is an edit of the model like any other: the page shows its result. */
  cab_state_undo (t->test->state);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (find (t, "lead-loaded"))));

  /* Another lead: every row shows it, and what was typed for the first one is gone. */
  g_assert_true (cab_state_set_active_lead (t->test->state, "18342277", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (t, "lead-id"))), ==, "18342277");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pid)), ==, "7412390");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (t, "lead-name"))), ==,
                   "Сервисное обслуживание на 2027 год");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (t, "status-0-name"))), ==, "Новая заявка");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find (t, "status-2-selected"))));
  g_assert_null (cab_test_find_widget (t->page, "contact-5502-name"));
  g_assert_nonnull (cab_test_find_widget (t->page, "contact-5501-name"));
}

int
main (int   argc,
      char *argv[])
{
  cab_test_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/lead-page/lead-members", test_lead_members);
  g_test_add_func ("/lead-page/statuses", test_statuses);
  g_test_add_func ("/lead-page/contacts-and-company", test_contacts_and_company);
  g_test_add_func ("/lead-page/follows-model", test_follows_model);

  return g_test_run ();
}
