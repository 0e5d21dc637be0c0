/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The mock cabinet's own words follow sys.lang, as the real cabinet's do: the four catalogues
 * of data/cabinet/i18n/ share their keys, and switching sys.lang in the model switches what the
 * page shows, widget items and open popups included, without reloading the widgets. The
 * expected texts are read from the catalogues in the source tree, never written here. */
#include "config.h"

#include <json-glib/json-glib.h>

#include "cab-test-util.h"

static const char * const langs[] = { "ru", "en", "es", "pt" };

static JsonObject *
load_catalogue (const char *lang)
{
  g_autofree char *name = g_strconcat (lang, ".json", NULL);
  g_autofree char *path = g_build_filename (CABINET_I18N_DIR, name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

static const char *
text_of (JsonObject *catalogue,
         const char *key)
{
  JsonNode *node = json_object_get_member (catalogue, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    g_error ("the catalogue has no text for “%s”", key);
  return json_node_get_string (node);
}

/* @template with {name} replaced by @value. */
static char *
fill (const char *template,
      const char *name,
      const char *value)
{
  g_autofree char *placeholder = g_strdup_printf ("{%s}", name);
  GString *text = g_string_new (template);

  g_string_replace (text, placeholder, value, 0);
  return g_string_free (text, FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The {name} placeholders of @text, sorted and joined, so two languages' can be compared. */
static char *
placeholders (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\{\\w+\\}", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_ptr_array_add (found, g_match_info_fetch (match, 0));
      g_match_info_next (match, NULL);
    }
  g_ptr_array_sort (found, compare_strings);
  g_ptr_array_add (found, NULL);
  return g_strjoinv (" ", (char **) found->pdata);
}

static char *
sorted_keys (JsonObject *catalogue)
{
  GList *members = json_object_get_members (catalogue);
  g_autoptr(GString) joined = g_string_new (NULL);

  members = g_list_sort (members, (GCompareFunc) g_strcmp0);
  for (GList *l = members; l != NULL; l = l->next)
    g_string_append_printf (joined, "%s\n", (const char *) l->data);
  g_list_free (members);
  return g_strdup (joined->str);
}

/* The files themselves: the same keys in all four, every text a non-empty string with the
 * same placeholders as the English one. */
static void
test_catalogues_share_keys (void)
{
  g_autoptr(JsonObject) en = load_catalogue ("en");
  g_autofree char *en_keys = sorted_keys (en);
  GList *members = json_object_get_members (en);

  g_assert_cmpuint (g_list_length (members), >, 50);
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autoptr(JsonObject) catalogue = load_catalogue (langs[i]);
      g_autofree char *keys = sorted_keys (catalogue);

      if (g_strcmp0 (keys, en_keys) != 0)
        g_error ("i18n/%s.json and i18n/en.json have different keys:\n%s\n---\n%s", langs[i], keys, en_keys);
      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *text = text_of (catalogue, l->data);
          g_autofree char *own = placeholders (text);
          g_autofree char *english = placeholders (text_of (en, l->data));

          if (*text == '\0')
            g_error ("i18n/%s.json: “%s” is empty", langs[i], (const char *) l->data);
          if (g_strcmp0 (own, english) != 0)
            g_error ("i18n/%s.json: “%s” has the placeholders “%s”, the English text “%s”",
                     langs[i], (const char *) l->data, own, english);
        }
    }
  g_list_free (members);
}

static char *
page_string (CabTestCabinet *test,
             const char     *expression)
{
  g_autofree char *body = g_strdup_printf ("const v = (%s); return v === null || v === undefined ? null : String(v);",
                                           expression);
  g_autoptr(JsonNode) node = cab_test_run_js (test, body);

  return JSON_NODE_HOLDS_NULL (node) ? NULL : g_strdup (json_node_get_string (node));
}

static void
assert_shown (CabTestCabinet *test,
              const char     *lang,
              const char     *expression,
              const char     *expected)
{
  g_autofree char *shown = page_string (test, expression);

  if (g_strcmp0 (shown, expected) != 0)
    g_error ("%s: %s is “%s”, the catalogue says “%s”", lang, expression, shown ? shown : "(null)", expected);
}

static void
set_lang (CabTestCabinet *test,
          const char     *lang)
{
  g_autoptr(JsonNode) sys = cab_state_dup_entity (test->state, CAB_ENTITY_SYS);
  g_autoptr(GError) error = NULL;
  g_autofree char *arrived = g_strdup_printf ("document.documentElement.lang === '%s'", lang);

  json_object_set_string_member (json_node_get_object (sys), "lang", lang);
  g_assert_true (cab_state_set_sys (test->state, sys, &error));
  g_assert_no_error (error);
  cab_test_wait_js (test, arrived);
}

/* CLDR's plural category of @n in @lang, as host/i18n.js picks it. */
static const char *
plural_category (const char *lang,
                 gint64      n)
{
  if (g_str_equal (lang, "ru"))
    {
      gint64 d = n % 10, h = n % 100;

      if (d == 1 && h != 11)
        return "one";
      return d >= 2 && d <= 4 && (h < 12 || h > 14) ? "few" : "many";
    }
  return n == 1 ? "one" : "other";
}

/* One cabinet, a running widget, a failed one and an open popup; sys.lang goes through all
 * four languages (ending back at the fixture's ru) and the page's words follow. */
static void
test_switching_lang (void)
{
  g_autoptr(CabTestCabinet) test = cab_test_cabinet_new ();
  g_autofree char *good = cab_test_add_widget (test, "documented-shape.js");
  g_autofree char *bad = cab_test_add_widget (test, "missing-initlead.js");
  g_autofree char *good_item = g_strdup_printf (".cab-widget[data-widget-id=\"%s\"]", good);
  g_autofree char *bad_item = g_strdup_printf (".cab-widget[data-widget-id=\"%s\"]", bad);
  g_autofree char *generations = NULL;
  g_autofree char *marker_js = NULL;
  static const char * const order[] = { "en", "es", "pt", "ru" };

  g_assert_cmpstr (cab_test_wait_widget (test, good)->state, ==, "ready");
  g_assert_cmpstr (cab_test_wait_widget (test, bad)->state, ==, "failed");
  cab_test_wait_js (test, "document.documentElement.dataset.cabinetReady === 'true'");

  /* The page loaded the same catalogues, with the same keys, from the GResource. */
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autoptr(JsonObject) catalogue = load_catalogue (langs[i]);
      g_autofree char *keys = sorted_keys (catalogue);
      g_autofree char *js = g_strdup_printf ("(window.CabinetI18n.keys('%s') || []).slice().sort()"
                                             ".map((k) => k + '\\n').join('')", langs[i]);
      g_autofree char *in_page = page_string (test, js);

      g_assert_cmpstr (in_page, ==, keys);
    }

  /* A popup that stays open through every switch, and a mark on the running widget's slot:
   * relabelling must neither rebuild the slot nor reload the widget. */
  json_node_unref (cab_test_run_js (test,
    "window.CabinetNotifications.show('call', { from: '+1 555 0100', to: 'Ann', date: 1700000000,"
    "  element: { id: '42', type: 'lead' } }, {});"));
  marker_js = g_strdup_printf ("document.querySelector('%s .js-widgets-bar-item-container').__langMark = true;", good_item);
  json_node_unref (cab_test_run_js (test, marker_js));
  generations = page_string (test, "Array.from(document.querySelectorAll('.cab-widget'))"
                                   ".map((w) => w.dataset.widgetId + ':' + window.CabinetWidgets.get(w.dataset.widgetId).generation).join(' ')");

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *lang = order[i];
      g_autoptr(JsonObject) catalogue = load_catalogue (lang);
      g_autofree char *status_ready = g_strdup_printf ("document.querySelector('%s .cab-widget__status').textContent", good_item);
      g_autofree char *status_failed = g_strdup_printf ("document.querySelector('%s .cab-widget__status').textContent", bad_item);
      g_autofree char *remove = g_strdup_printf ("document.querySelector('%s .cab-widget__remove').getAttribute('aria-label')", good_item);
      g_autofree char *problem = g_strdup_printf ("document.querySelector('%s .cab-widget__problem[data-code=\"missing-initLead\"] "
                                                  ".cab-widget__problem-title').textContent", bad_item);
      g_autofree char *entity = fill (text_of (catalogue, "notification.leads"), "id", "42");
      g_autofree char *count_text = NULL;
      g_autofree char *count_key = NULL;
      g_autofree char *rows = NULL;
      g_autofree char *marked = NULL;
      g_autofree char *now = NULL;
      gint64 n;

      set_lang (test, lang);

      assert_shown (test, lang, "document.getElementById('cab-widgets-title').textContent", text_of (catalogue, "widgets.title"));
      assert_shown (test, lang, "document.querySelector('.cab-header__user-role').textContent", text_of (catalogue, "header.client"));
      assert_shown (test, lang, "document.querySelector('.cab-lead__caption').textContent", text_of (catalogue, "lead.caption"));
      assert_shown (test, lang, "document.querySelector('.cab-lead__manager-label').textContent", text_of (catalogue, "lead.manager"));
      assert_shown (test, lang, "document.querySelector('.cab-chat__title').textContent", text_of (catalogue, "chat.title"));
      assert_shown (test, lang, "document.querySelector('.cab-composer__input').placeholder", text_of (catalogue, "composer.placeholder"));
      assert_shown (test, lang, "document.querySelector('.cab-composer__send').getAttribute('aria-label')", text_of (catalogue, "composer.send"));
      assert_shown (test, lang, "document.querySelector('.cab-disclosure__toggle[data-section=\"fields\"] .cab-entity__name').textContent",
                    text_of (catalogue, "lead.fields"));

      /* The count of the lead's fields, in the language's plural form. */
      rows = page_string (test, "document.querySelector('.cab-disclosure__toggle[data-section=\"fields\"]')"
                                ".closest('.cab-disclosure').querySelectorAll('.cab-field').length");
      n = g_ascii_strtoll (rows, NULL, 10);
      g_assert_cmpint (n, >, 1);
      count_key = g_strconcat ("fields.count.", plural_category (lang, n), NULL);
      count_text = fill (text_of (catalogue, count_key), "n", rows);
      assert_shown (test, lang, "document.querySelector('.cab-disclosure__toggle[data-section=\"fields\"] .cab-disclosure__count').textContent",
                    count_text);

      /* The widgets' items: status words, the remove button, a problem's title. */
      assert_shown (test, lang, status_ready, text_of (catalogue, "widget.status.ready"));
      assert_shown (test, lang, status_failed, text_of (catalogue, "widget.status.failed"));
      assert_shown (test, lang, remove, text_of (catalogue, "widget.remove"));
      assert_shown (test, lang, problem, text_of (catalogue, "widget.problem.missing-initLead"));

      /* The open popup. */
      assert_shown (test, lang, "document.querySelector('.cab-note[data-type=call] .cab-note__title').textContent",
                    text_of (catalogue, "notification.call"));
      assert_shown (test, lang, "document.querySelector('.cab-note[data-type=call] .cab-note__close').title",
                    text_of (catalogue, "notification.close"));
      assert_shown (test, lang, "document.querySelector('.cab-note[data-type=call] :is(.cab-note__entity, .cab-note__link)').textContent",
                    entity);

      /* Nothing was reloaded: same generations, same slot node. */
      now = page_string (test, "Array.from(document.querySelectorAll('.cab-widget'))"
                               ".map((w) => w.dataset.widgetId + ':' + window.CabinetWidgets.get(w.dataset.widgetId).generation).join(' ')");
      g_assert_cmpstr (now, ==, generations);
      marked = page_string (test, "Array.from(document.querySelectorAll('.js-widgets-bar-item-container'))"
                                  ".some((slot) => slot.__langMark === true)");
      g_assert_cmpstr (marked, ==, "true");
    }

  /* Without a page title of the account's own, the page is titled in its language. */
  {
    g_autoptr(JsonNode) sys = cab_state_dup_entity (test->state, CAB_ENTITY_SYS);
    g_autoptr(JsonObject) en = load_catalogue ("en");
    g_autoptr(GError) error = NULL;
    g_autofree char *arrived = g_strdup_printf ("document.title === '%s'", text_of (en, "page.title"));

    json_object_set_string_member (json_node_get_object (sys), "pageTitle", "");
    json_object_set_string_member (json_node_get_object (sys), "lang", "en");
    g_assert_true (cab_state_set_sys (test->state, sys, &error));
    g_assert_no_error (error);
    cab_test_wait_js (test, arrived);
  }
}

int
main (int   argc,
      char *argv[])
{
  cab_test_init (&argc, &argv);

  g_test_add_func ("/cabinet-lang/catalogues-share-keys", test_catalogues_share_keys);
  g_test_add_func ("/cabinet-lang/switching-lang", test_switching_lang);

  return g_test_run ();
}
