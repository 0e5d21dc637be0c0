/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Integration page in the real window, with a widget in the real page
 * (tests/widgets/documented-shape.js, which logs the token its initLead got): each row edits
 * the document, a wrong value is refused and marked and the document keeps its own, undo puts
 * it back, and the token the page shows is the one the widget got, with the claims of what
 * was edited. The client secret shows in no log line and no event. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cab-integration-page.h"
#include "cab-jwt.h"
#include "cab-test-util.h"
#include "cab-window.h"

#define WAIT_US (20 * G_USEC_PER_SEC)

/* Secrets no log line may hold: the fixture's and those the tests type. */
#define FIXTURE_SECRET "demo-secret-7f3c9a1e5b2d4860a9c1e3f5b7d90246"
#define TYPED_SECRET "typed-secret-9c4e1f"

/* Everything logged while the tests run, every level, one message per line. */
static GString *logged;

typedef struct
{
  CabWindow      *window;
  CabTestCabinet  page;   /* the window's own cabinet and state, for the page helpers */
  char           *widget_id;
} Fixture;

static GLogWriterOutput
record_log (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE"))
      {
        if (fields[i].length < 0)
          g_string_append (logged, fields[i].value);
        else
          g_string_append_len (logged, fields[i].value, fields[i].length);
        g_string_append_c (logged, '\n');
      }

  /* Debug lines are recorded to be searched, not shown. */
  if (log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CabState) state = cab_state_new_default (&error);
  g_autofree char *path = cab_test_widget_path ("documented-shape.js");
  g_autoptr(CabWidgetSource) source = cab_widget_source_new_for_argument (path, &error);

  g_assert_no_error (error);
  fixture->window = cab_window_new (NULL, state);
  fixture->page.window = GTK_WIDGET (fixture->window);
  fixture->page.cabinet = cab_window_get_cabinet (fixture->window);
  fixture->page.state = state;
  cab_window_add_widget (fixture->window, source);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->widget_id = g_strdup (cab_test_wait_widget_count (&fixture->page, 1)->id);
  g_assert_cmpstr (cab_test_wait_widget (&fixture->page, fixture->widget_id)->state, ==, "ready");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-panel", "s", "integration"));
  cab_test_spin (50);
}

/* Every test ends with the secrets nowhere in the event log or in what was logged. */
static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *events = cab_event_list_to_text (G_LIST_MODEL (cab_cabinet_get_event_log (fixture->page.cabinet)));

  /* The recorder works: the app logs (debug lines) as the page starts. */
  g_assert_cmpuint (logged->len, >, 0);
  g_assert_null (strstr (events, FIXTURE_SECRET));
  g_assert_null (strstr (events, TYPED_SECRET));
  g_assert_null (strstr (logged->str, FIXTURE_SECRET));
  g_assert_null (strstr (logged->str, TYPED_SECRET));

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_free (fixture->widget_id);
  cab_test_spin (50);
}

static GtkWidget *
find (Fixture    *fixture,
      const char *name)
{
  GtkWidget *widget = cab_test_find_widget (GTK_WIDGET (fixture->window), name);

  if (widget == NULL)
    g_error ("the window has no widget named %s", name);
  return widget;
}

static JsonObject *
integration (Fixture *fixture)
{
  return json_node_get_object (cab_state_peek (fixture->page.state, "integration"));
}

static const char *
member (Fixture    *fixture,
        const char *name)
{
  return json_object_get_string_member (integration (fixture), name);
}

static gint64
lifetime (Fixture *fixture)
{
  return (gint64) json_object_get_double_member (integration (fixture), "tokenLifetime");
}

static void
type_into (Fixture    *fixture,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find (fixture, name)), text);
}

static gboolean
has_error (Fixture    *fixture,
           const char *name)
{
  return gtk_widget_has_css_class (find (fixture, name), "error");
}

/* The row of a spin button carries its error, as on the other pages. */
static gboolean
lifetime_has_error (Fixture *fixture)
{
  return gtk_widget_has_css_class (gtk_widget_get_ancestor (find (fixture, "integration-lifetime"), ADW_TYPE_ACTION_ROW),
                                   "error");
}

static const char *
label_text (Fixture    *fixture,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (find (fixture, name)));
}

static void
wait_until (gboolean   (*condition) (gpointer data),
            gpointer     data,
            const char  *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_US;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
    }
}

/* --- The widget's token ------------------------------------------------------------------- */

#define INIT_LEADS "(window.__testLog || []).filter((e) => e.widget === 'documented-shape' && e.event === 'initLead')"

static guint
n_init_leads (Fixture *fixture)
{
  g_autoptr(JsonNode) n = cab_test_run_js (&fixture->page, "return " INIT_LEADS ".length;");

  return (guint) json_node_get_int (n);
}

/* The token the widget's last initLead got (params.token). */
static char *
widget_token (Fixture *fixture)
{
  g_autoptr(JsonNode) token = cab_test_run_js (&fixture->page, "const l = " INIT_LEADS ";"
                                                               "return l.length > 0 ? l[l.length - 1].data.token : null;");

  return JSON_NODE_HOLDS_VALUE (token) ? g_strdup (json_node_get_string (token)) : NULL;
}

/* Reloads the widgets, as the page's button does, and waits for the widget's next initLead. */
static void
reload_widget (Fixture *fixture)
{
  guint before = n_init_leads (fixture);
  g_autofree char *condition = g_strdup_printf (INIT_LEADS ".length > %u", before);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.reload-widgets", NULL));
  cab_test_wait_js (&fixture->page, condition);
  cab_test_spin (50);
}

static JsonNode *
decode_part (const char *part)
{
  g_autofree char *json = cab_jwt_decode_part (part, NULL);
  JsonNode *node;

  g_assert_nonnull (json);
  node = json_from_string (json, NULL);
  g_assert_nonnull (node);
  return node;
}

/* --- Tests -------------------------------------------------------------------------------- */

/* Each row changes the document as it is edited. */
static void
test_rows_edit (Fixture       *fixture,
                gconstpointer  data)
{
  const char *uuid;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (fixture, "integration-secret"))), ==, FIXTURE_SECRET);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (fixture, "integration-account-address"))), ==,
                   member (fixture, "accountAddress"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (find (fixture, "integration-lifetime"))), ==,
                   lifetime (fixture));

  type_into (fixture, "integration-secret", TYPED_SECRET);
  g_assert_cmpstr (member (fixture, "clientSecret"), ==, TYPED_SECRET);
  type_into (fixture, "integration-redirect-uri", "https://hooks.example.org:8443/amo/callback");
  g_assert_cmpstr (member (fixture, "redirectUri"), ==, "https://hooks.example.org:8443/amo/callback");
  type_into (fixture, "integration-account-address", "https://tested.amocrm.ru");
  g_assert_cmpstr (member (fixture, "accountAddress"), ==, "https://tested.amocrm.ru");
  type_into (fixture, "integration-user-id", "9001");
  g_assert_cmpstr (member (fixture, "userId"), ==, "9001");
  type_into (fixture, "integration-client-uuid", "my-integration");
  g_assert_cmpstr (member (fixture, "clientUuid"), ==, "my-integration");

  g_signal_emit_by_name (find (fixture, "integration-generate-uuid"), "clicked");
  uuid = member (fixture, "clientUuid");
  g_assert_true (g_uuid_string_is_valid (uuid));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (fixture, "integration-client-uuid"))), ==, uuid);

  type_into (fixture, "integration-lifetime", "300");
  g_assert_cmpint (lifetime (fixture), ==, 300);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (fixture, "integration-lifetime")), 600);
  g_assert_cmpint (lifetime (fixture), ==, 600);

  g_assert_false (gtk_widget_get_visible (find (fixture, "integration-no-secret")));
}

/* A wrong value is refused and marked, with the reason below the panels; the row keeps what
 * was typed and the document its value, until the row holds a good one again. */
static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *redirect = g_strdup (member (fixture, "redirectUri"));
  g_autofree char *address = g_strdup (member (fixture, "accountAddress"));
  GtkWidget *refusal = find (fixture, "edit-refusal");

  type_into (fixture, "integration-redirect-uri", "ftp://example.com/oauth");
  g_assert_true (has_error (fixture, "integration-redirect-uri"));
  g_assert_cmpstr (member (fixture, "redirectUri"), ==, redirect);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (fixture, "integration-redirect-uri"))), ==,
                   "ftp://example.com/oauth");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (refusal)), "is not an http or https URL"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (find (fixture, "integration-redirect-uri")),
                            "is not an http or https URL"));

  type_into (fixture, "integration-account-address", "");
  g_assert_true (has_error (fixture, "integration-account-address"));
  g_assert_cmpstr (member (fixture, "accountAddress"), ==, address);
  type_into (fixture, "integration-account-address", "https://");
  g_assert_true (has_error (fixture, "integration-account-address"));
  g_assert_cmpstr (member (fixture, "accountAddress"), ==, address);

  /* Another row's edit leaves the refused text alone. */
  type_into (fixture, "integration-user-id", "7002");
  g_assert_cmpstr (member (fixture, "userId"), ==, "7002");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (fixture, "integration-redirect-uri"))), ==,
                   "ftp://example.com/oauth");
  g_assert_true (has_error (fixture, "integration-redirect-uri"));

  type_into (fixture, "integration-lifetime", "0");
  g_assert_true (lifetime_has_error (fixture));
  g_assert_cmpint (lifetime (fixture), ==, 900);
  type_into (fixture, "integration-lifetime", "315360001");
  g_assert_true (lifetime_has_error (fixture));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (refusal)), "ten years"));
  type_into (fixture, "integration-lifetime", "");
  g_assert_true (lifetime_has_error (fixture));
  g_assert_cmpint (lifetime (fixture), ==, 900);

  type_into (fixture, "integration-redirect-uri", "http://localhost:3000/oauth");
  g_assert_false (has_error (fixture, "integration-redirect-uri"));
  g_assert_cmpstr (member (fixture, "redirectUri"), ==, "http://localhost:3000/oauth");
  type_into (fixture, "integration-lifetime", "45");
  g_assert_false (lifetime_has_error (fixture));
  g_assert_cmpint (lifetime (fixture), ==, 45);
}

/* Ctrl+Z on the window (win.undo) puts the document back, and the rows follow. */
static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *before = cab_state_to_data (fixture->page.state);
  g_autofree char *undone = NULL;

  type_into (fixture, "integration-user-id", "31337");
  type_into (fixture, "integration-lifetime", "77");
  type_into (fixture, "integration-account-address", "ftp://refused.example.com");
  g_assert_cmpstr (member (fixture, "userId"), ==, "31337");
  g_assert_cmpint (lifetime (fixture), ==, 77);

  while (cab_state_can_undo (fixture->page.state))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  undone = cab_state_to_data (fixture->page.state);
  g_assert_cmpstr (undone, ==, before);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (fixture, "integration-user-id"))), ==, "7001");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (find (fixture, "integration-lifetime"))), ==, 900);
  /* The refused text was never the document's: undo does not touch it. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (fixture, "integration-account-address"))), ==,
                   "ftp://refused.example.com");
}

static gboolean
page_shows_last_token (gpointer data)
{
  Fixture *fixture = data;
  const char *token = cab_cabinet_get_last_token (fixture->page.cabinet);

  return token != NULL && g_strcmp0 (label_text (fixture, "integration-token"), token) == 0;
}

/* The page shows the token the widget got, decoded, and its claims are what was edited. */
static void
test_token (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *first = widget_token (fixture);
  g_autofree char *token = NULL;
  g_autofree char *signing_input = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *copied = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(JsonNode) header = NULL;
  g_autoptr(JsonNode) claims = NULL;
  g_autoptr(JsonNode) shown_claims = NULL;
  g_autoptr(JsonNode) shown_header = NULL;
  g_auto(GValue) clipboard = G_VALUE_INIT;
  JsonObject *c;

  g_assert_nonnull (first);
  wait_until (page_shows_last_token, fixture, "the page to show the first token");
  g_assert_cmpstr (cab_cabinet_get_last_token (fixture->page.cabinet), ==, first);
  g_assert_false (gtk_widget_get_visible (find (fixture, "integration-token-status")));

  type_into (fixture, "integration-secret", TYPED_SECRET);
  type_into (fixture, "integration-redirect-uri", "http://localhost:8080/oauth/callback?state=1");
  type_into (fixture, "integration-account-address", "https://tested.amocrm.ru");
  type_into (fixture, "integration-client-uuid", "0b6e1c39-2a1f-4b8e-9e0a-4c1d2e3f4a5b");
  type_into (fixture, "integration-user-id", "9001");
  type_into (fixture, "integration-lifetime", "120");
  reload_widget (fixture);

  token = widget_token (fixture);
  g_assert_cmpstr (token, !=, first);
  wait_until (page_shows_last_token, fixture, "the page to show the new token");
  g_assert_cmpstr (label_text (fixture, "integration-token"), ==, token);

  parts = g_strsplit (token, ".", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  signing_input = g_strconcat (parts[0], ".", parts[1], NULL);
  signature = cab_jwt_signature_hs256 (signing_input, (const guchar *) TYPED_SECRET, strlen (TYPED_SECRET));
  g_assert_cmpstr (parts[2], ==, signature);

  header = decode_part (parts[0]);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (header), "alg"), ==, "HS256");
  claims = decode_part (parts[1]);
  c = json_node_get_object (claims);
  g_assert_cmpstr (json_object_get_string_member (c, "iss"), ==, "https://tested.amocrm.ru");
  g_assert_cmpstr (json_object_get_string_member (c, "aud"), ==, "http://localhost:8080");
  g_assert_cmpstr (json_object_get_string_member (c, "client_uuid"), ==, "0b6e1c39-2a1f-4b8e-9e0a-4c1d2e3f4a5b");
  g_assert_cmpstr (json_object_get_string_member (c, "user_id"), ==, "9001");
  g_assert_cmpstr (json_object_get_string_member (c, "lead_id"), ==, cab_state_get_active_lead_id (fixture->page.state));
  g_assert_cmpint (json_object_get_int_member (c, "exp") - json_object_get_int_member (c, "iat"), ==, 120);

  /* The page's decoding is the same JSON, indented. */
  shown_header = json_from_string (label_text (fixture, "integration-header"), NULL);
  shown_claims = json_from_string (label_text (fixture, "integration-claims"), NULL);
  g_assert_true (json_node_equal (shown_header, header));
  g_assert_true (json_node_equal (shown_claims, claims));
  g_assert_nonnull (strchr (label_text (fixture, "integration-claims"), '\n'));
  g_assert_true (gtk_widget_get_visible (find (fixture, "integration-exp")));
  g_assert_nonnull (adw_action_row_get_subtitle (ADW_ACTION_ROW (find (fixture, "integration-exp"))));
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (find (fixture, "integration-token"))));

  /* Copy puts the token on the clipboard, and the button says so. */
  g_signal_emit_by_name (find (fixture, "integration-copy-token"), "clicked");
  g_value_init (&clipboard, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (gtk_widget_get_clipboard (find (fixture, "integration-token"))),
                                                 &clipboard, NULL));
  g_assert_cmpstr (g_value_get_string (&clipboard), ==, token);
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (find (fixture, "integration-copy-token"))), ==,
                   "object-select-symbolic");
}

/* Without a secret the widget gets an empty token, and the page says why. */
static void
test_no_secret (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *token = NULL;

  type_into (fixture, "integration-secret", "");
  g_assert_cmpstr (member (fixture, "clientSecret"), ==, "");
  g_assert_false (has_error (fixture, "integration-secret"));
  g_assert_true (gtk_widget_get_visible (find (fixture, "integration-no-secret")));
  g_assert_nonnull (strstr (label_text (fixture, "integration-no-secret"), "empty token"));

  reload_widget (fixture);
  token = widget_token (fixture);
  g_assert_cmpstr (token, ==, "");
  g_assert_cmpstr (cab_cabinet_get_last_token (fixture->page.cabinet), ==, "");
  g_assert_true (gtk_widget_get_visible (find (fixture, "integration-token-status")));
  g_assert_nonnull (strstr (label_text (fixture, "integration-token-status"), "no client secret"));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (find (fixture, "integration-token"))));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (find (fixture, "integration-header"),
                                                                   ADW_TYPE_PREFERENCES_GROUP)));
  g_assert_false (gtk_widget_is_sensitive (find (fixture, "integration-copy-token")));

  /* A secret again: tokens again. */
  type_into (fixture, "integration-secret", TYPED_SECRET);
  g_assert_false (gtk_widget_get_visible (find (fixture, "integration-no-secret")));
  reload_widget (fixture);
  g_free (token);
  token = widget_token (fixture);
  g_assert_cmpuint (strlen (token), >, 0);
  wait_until (page_shows_last_token, fixture, "the page to show a token again");
}

/* Built from its template alone, as the check of the .ui files builds pages, the page shows
 * its rows and does nothing. (tests/test-ui-files.c does not know the page yet.) */
static void
test_template_alone (void)
{
  GtkWidget *page = g_object_ref_sink (g_object_new (CAB_TYPE_INTEGRATION_PAGE, NULL));

  gtk_editable_set_text (GTK_EDITABLE (cab_test_find_widget (page, "integration-secret")), "no model");
  /* Disabled: with criticals fatal, reaching the missing cabinet would end the test. */
  gtk_widget_activate_action (page, "integration.copy-token", NULL);
  gtk_widget_activate_action (page, "integration.generate-uuid", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cab_test_find_widget (page, "integration-client-uuid"))), ==, "");
  g_assert_true (gtk_widget_get_visible (cab_test_find_widget (page, "integration-token-status")));
  g_object_unref (page);
}

int
main (int   argc,
      char *argv[])
{
  /* Before anything logs. Debug lines reach a writer of our own whatever G_MESSAGES_DEBUG
   * says (only the default writer drops them); the variable itself would make WebKit's
   * processes print theirs into the test's output. */
  logged = g_string_new (NULL);
  g_log_set_writer_func (record_log, NULL, NULL);

  cab_test_init (&argc, &argv);

  g_test_add_func ("/integration-page/template-alone", test_template_alone);
#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)
  ADD ("/integration-page/rows-edit", test_rows_edit);
  ADD ("/integration-page/refusals", test_refusals);
  ADD ("/integration-page/undo", test_undo);
  ADD ("/integration-page/token", test_token);
  ADD ("/integration-page/no-secret", test_no_secret);
#undef ADD

  return g_test_run ();
}
