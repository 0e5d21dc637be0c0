// SPDX-License-Identifier: GPL-3.0-or-later
// The cabinet's own words in the account's language, as the real cabinet shows them: sys.lang
// (ru, en, es, pt) picks one of the JSON catalogues in i18n/, which share their keys.
//
// All four catalogues load before the page says hello to the app (boot.js waits for `ready`),
// so the first render is already in the right language and a change of sys.lang needs no
// request: it is only a re-render. An unknown language falls back to English, a key missing
// from a catalogue to its English text (said once on the raw console, so a missing
// translation does not fill the widgets' event log).
//
// Texts may hold {name} placeholders, filled from `params`. Nodes that outlive a render (a
// widget's accordion item, the notification popups) are labelled with label(), which remembers
// the key on the node, so refresh() can put them into a new language without rebuilding them.
'use strict';

(function () {
  const LANGS = Object.freeze(['ru', 'en', 'es', 'pt']);
  const FALLBACK = 'en';
  // This file is host/i18n.js; the catalogues are in i18n/ beside host/, wherever the page is
  // served from (cabinet:// in the app, file:// in tests/page/preview.html).
  const SCRIPT_URL = (document.currentScript && document.currentScript.src) || document.baseURI;
  const CATALOGUE_BASE = new URL('../i18n/', SCRIPT_URL);
  // Widgets draw in these; their own nodes are never relabelled, even if they use our attribute.
  const SLOT_SELECTOR = '.js-widgets-bar-item-container';

  const catalogues = Object.create(null);
  const reported = new Set();
  // The language the long-lived labels are in, for refresh().
  let labelledIn = null;

  function rawConsole () {
    return (window.CabinetEvents && window.CabinetEvents.rawConsole) || console;
  }

  function own (map, key) {
    return map && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
  }

  // Catalogues are fetched, not inlined, so translators edit plain JSON. One that fails to
  // load leaves its language on the English fallback rather than keeping the cabinet down.
  function load (lang) {
    const url = new URL(lang + '.json', CATALOGUE_BASE).href;
    return fetch(url)
      .then((response) => {
        // A custom scheme answers with status 0 on some WebKit versions; only a real HTTP
        // error counts.
        if (response.status >= 400)
          throw new Error(`HTTP ${response.status}`);
        return response.json();
      })
      .then((catalogue) => {
        if (catalogue === null || typeof catalogue !== 'object' || Array.isArray(catalogue))
          throw new Error('not a JSON object');
        catalogues[lang] = Object.freeze(Object.assign(Object.create(null), catalogue));
      })
      .catch((error) => {
        rawConsole().error(`Cabinet Inspector: could not load the ${lang} catalogue ${url}:`, error);
      });
  }

  const ready = Promise.all(LANGS.map(load)).then(() => undefined);

  // A supported language whose catalogue loaded, else English.
  function resolve (lang) {
    return LANGS.includes(lang) && catalogues[lang] ? lang : FALLBACK;
  }

  // The language of the cabinet now: the app's sys entity, read at every call.
  function currentLang () {
    const sys = window.CabinetSdk ? window.CabinetSdk.getEntity('sys') : null;
    return resolve(sys && sys.lang);
  }

  function fill (template, params) {
    if (!params)
      return template;
    return template.replace(/\{(\w+)\}/g, (m, name) => {
      const value = own(params, name);
      return value === undefined ? m : String(value);
    });
  }

  function has (lang, key) {
    return typeof own(catalogues[resolve(lang)], key) === 'string' ||
      typeof own(catalogues[FALLBACK], key) === 'string';
  }

  function text (lang, key, params) {
    lang = resolve(lang);
    let found = own(catalogues[lang], key);
    if (typeof found !== 'string') {
      if (!reported.has(lang + '\u0000' + key)) {
        reported.add(lang + '\u0000' + key);
        rawConsole().warn(`Cabinet Inspector: i18n/${lang}.json has no text for "${key}"`);
      }
      found = own(catalogues[FALLBACK], key);
      if (typeof found !== 'string')
        found = key;
    }
    return fill(found, params);
  }

  // CLDR's cardinal plural categories for whole numbers. Spanish and Portuguese, like
  // English, tell one from the rest in counts of fields.
  const PLURAL_RULES = {
    ru (n) {
      const d = n % 10;
      const h = n % 100;
      if (d === 1 && h !== 11)
        return 'one';
      return d >= 2 && d <= 4 && (h < 12 || h > 14) ? 'few' : 'many';
    },
    en: (n) => (n === 1 ? 'one' : 'other'),
    es: (n) => (n === 1 ? 'one' : 'other'),
    pt: (n) => (n === 1 ? 'one' : 'other'),
  };

  // `key.<category>` for @n, with {n} filled in: plural(lang, 'fields.count', 3).
  function plural (lang, key, n, params) {
    lang = resolve(lang);
    const category = PLURAL_RULES[lang](Math.abs(n));
    return text(lang, `${key}.${category}`, Object.assign({ n }, params));
  }

  // The texts of one language, for code that draws a whole page in the language of the state
  // it is given (render.js) rather than the SDK's current one.
  function translator (lang) {
    lang = resolve(lang);
    return Object.freeze({
      lang,
      t: (key, params) => text(lang, key, params),
      plural: (key, n, params) => plural(lang, key, n, params),
      has: (key) => has(lang, key),
    });
  }

  function apply (node) {
    let params = null;
    if (node.dataset.cabinetLabelParams) {
      try {
        params = JSON.parse(node.dataset.cabinetLabelParams);
      } catch (error) {
        params = null;
      }
    }
    const value = text(currentLang(), node.dataset.cabinetLabel, params);
    const attributes = node.dataset.cabinetLabelAttributes;
    if (attributes) {
      for (const name of attributes.split(' '))
        node.setAttribute(name, value);
    } else {
      node.textContent = value;
    }
  }

  // Puts the text of @key into @node (its text, or else each of the @attributes, such as
  // ['title', 'aria-label']) and remembers the key, so refresh() can redo it.
  function label (node, key, params, attributes) {
    node.dataset.cabinetLabel = key;
    if (params)
      node.dataset.cabinetLabelParams = JSON.stringify(params);
    else
      delete node.dataset.cabinetLabelParams;
    if (attributes && attributes.length)
      node.dataset.cabinetLabelAttributes = attributes.join(' ');
    else
      delete node.dataset.cabinetLabelAttributes;
    apply(node);
    return node;
  }

  // After a render: when sys.lang changed since the last call, every label() node of the host
  // takes the new language. Cheap when it did not, as on most renders.
  function refresh () {
    const lang = currentLang();
    if (lang === labelledIn)
      return false;
    labelledIn = lang;
    for (const node of document.querySelectorAll('[data-cabinet-label]')) {
      if (!node.closest(SLOT_SELECTOR))
        apply(node);
    }
    return true;
  }

  window.CabinetI18n = Object.freeze({
    LANGS,
    ready,
    lang: currentLang,
    t: (key, params) => text(currentLang(), key, params),
    plural: (key, n, params) => plural(currentLang(), key, n, params),
    has: (key) => has(currentLang(), key),
    translator,
    label,
    refresh,
    // For the tests: the keys of one catalogue as it loaded, or null.
    keys: (lang) => (catalogues[lang] ? Object.keys(catalogues[lang]) : null),
  });
})();
