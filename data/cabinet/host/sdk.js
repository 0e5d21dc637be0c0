// SPDX-License-Identifier: GPL-3.0-or-later
// initAmocrmWidgetSdk (SPEC §2) and the page's copy of the public state.
//
// The C model owns the state; this copy is what getState reads and what subscribers are
// told about. Every widget gets its own SDK instance, so that what a widget does (its
// subscriptions, its mistakes) is known by name.
'use strict';

(function () {
  function deepFreeze (object) {
    if (object === null || typeof object !== 'object' || Object.isFrozen(object))
      return object;
    for (const value of Object.values(object)) {
      if (value && typeof value === 'object')
        deepFreeze(value);
    }
    return Object.freeze(object);
  }

  const FIELD_TYPE_NAMES = ['text', 'numeric', 'checkbox', 'date', 'select', 'multiselect', 'url',
    'textarea', 'radiobutton', 'streetaddress', 'smartAddress', 'legalEntity', 'birthday',
    'dateTime', 'multitext', 'budget'];

  const CONSTANTS = deepFreeze({
    DATE_FORMATS: {
      americanNormal: 'dd/mm/yyyy',
      americanInversed: 'mm/dd/yyyy',
      russianNormal: 'dd.mm.yyyy',
      chineseNormal: 'yyyy/mm/dd',
    },
    TIME_FORMATS: { twelve: 'h:MM TT', twentyFour: 'HH:MM' },
    SUPPORTED_LANGS: { ru: 'ru', en: 'en', es: 'es', pt: 'pt' },
    LEAD_FIELD_SOURCES: { lead: 'lead', contacts: 'contacts', company: 'company' },
    FIELD_TYPES: Object.fromEntries(FIELD_TYPE_NAMES.map((name) => [name, name])),
    PUBLIC_STATE_ENTITIES: { sys: 'sys', lead: 'lead', leadFields: 'leadFields', authors: 'authors' },
    GLOBAL_CLASS_NAMES: { widgetBarItemContainer: 'js-widgets-bar-item-container' },
  });

  const ENTITY_NAMES = Object.values(CONSTANTS.PUBLIC_STATE_ENTITIES);
  const SUPPORTED_VERSIONS = ['1.0.0'];

  // Members that generic code probes on any object (promise checks, React, JSON, devtools);
  // asking for them is not a mistake of the widget's.
  const PROBED_MEMBERS = new Set(['then', 'toJSON', 'constructor', 'valueOf', 'toString',
    '$$typeof', 'nodeType', 'length', 'prototype', '__proto__', 'inspect', 'asymmetricMatch']);

  const entities = Object.create(null);
  let routerQuery = {};
  const subscriptions = new Set();

  function copy (value) {
    return value === undefined || value === null ? null : structuredClone(value);
  }

  // The entities are immutable, as the state of a Redux Toolkit store is: every change makes
  // a new object (sharing the members that did not change), so subscribers and getState get
  // the object itself rather than a copy. A copy of a 5,000-field leadFields costs ~30 ms;
  // this costs one shallow copy of its keys.
  function current (entity) {
    const value = entities[entity];
    return value === undefined ? null : value;
  }

  function describeValue (value) {
    if (value === null || value === undefined)
      return String(value);
    if (typeof value === 'string')
      return `a string ("${value.length > 40 ? value.slice(0, 40) + '…' : value}")`;
    if (typeof value === 'function')
      return 'a function';
    return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
  }

  // A read-only view of an SDK object that names every member the real SDK does not have:
  // code written against older SDK builds (getModel, other class keys) fails here by name.
  function guard (target, objectName, reporter) {
    return new Proxy(target, {
      get (object, key, receiver) {
        if (typeof key === 'string' && !(key in object) && !PROBED_MEMBERS.has(key)) {
          const Events = window.CabinetEvents;
          const site = Events.accepting() ? Events.callSite() : Events.recentSite();
          reporter.problem('unknown-sdk-member', 'error',
            `${objectName}.${key} does not exist in the amoCRM widget SDK. ` +
            `${objectName} has: ${Object.keys(object).join(', ')}.`, null, Events.locationOf(site));
        }
        return Reflect.get(object, key, receiver);
      },
    });
  }

  function notify (entity) {
    for (const subscription of Array.from(subscriptions)) {
      if (subscription.entity === entity && subscriptions.has(subscription))
        subscription.deliver(current(entity));
    }
  }

  // The host's side: replace an entity and tell its subscribers, once each.
  function setEntity (entity, value) {
    entities[entity] = deepFreeze(value);
    notify(entity);
  }

  // Applies one edit: whole entities and member patches ({ id: value, or null to delete }),
  // then tells each changed entity's subscribers once. A patch replaces only its members, so
  // one field of a 5,000-field lead does not travel or get copied with the other 4,999.
  function update (wholeEntities, patches) {
    const changed = [];
    for (const name of ENTITY_NAMES) {
      if (wholeEntities && name in wholeEntities) {
        entities[name] = deepFreeze(wholeEntities[name]);
        changed.push(name);
      } else if (patches && name in patches) {
        const next = Object.assign({}, entities[name]);
        for (const [key, value] of Object.entries(patches[name])) {
          if (value === null)
            delete next[key];
          else
            next[key] = deepFreeze(value);
        }
        entities[name] = Object.freeze(next);
        changed.push(name);
      }
    }
    for (const name of changed)
      notify(name);
    return changed;
  }

  function setRouterQuery (query) {
    routerQuery = query || {};
  }

  // Every subscription a widget made: gone when the widget is removed or reloaded, so an old
  // instance is never called again.
  function dropSubscriptions (reporter) {
    for (const subscription of reporter.subscriptions)
      subscriptions.delete(subscription);
    reporter.subscriptions.clear();
  }

  // Every call a widget makes into its SDK goes to the event log as `short(args) → result`.
  // Deliveries to subscribers do not: they are the host's calls, and frequent.
  function logCall (reporter, name, short, args, outcome) {
    const Events = window.CabinetEvents;
    if (!Events.accepting()) {
      Events.drop(reporter.id, 'sdk');
      return;
    }
    const site = Events.callSite();
    const shown = args.map((arg) => Events.preview(arg)).join(', ');
    Events.record({
      kind: 'sdk',
      level: outcome.threw ? 'error' : 'info',
      widget: reporter.id,
      widgetLabel: reporter.label,
      name,
      message: `${short}(${shown}) ` + (outcome.threw ? `threw ${Events.preview(outcome.threw)}`
        : outcome.text || `→ ${Events.preview(outcome.result)}`),
      // Where in the widget's code the call was made (the site's widget is the reporter).
      file: site.file,
      line: site.line,
      column: site.column,
    });
  }

  // A method that logs its calls, its result or what it threw.
  function logged (reporter, name, fn) {
    const short = name.slice(name.lastIndexOf('.') + 1);
    const method = function (...args) {
      let result;
      try {
        result = fn.apply(this, args);
      } catch (error) {
        logCall(reporter, name, short, args, { threw: error });
        throw error;
      }
      logCall(reporter, name, short, args, { result });
      return result;
    };
    // What a widget sees when it prints the method.
    Object.defineProperty(method, 'name', { value: short });
    return method;
  }

  // reporter: { id, label, problem(code, severity, message, error?), call(fn, what, ...args),
  // subscriptions }
  function createInit (reporter) {
    return function initAmocrmWidgetSdk (...args) {
      const sdk = createSdk(reporter, args[0]);
      logCall(reporter, 'initAmocrmWidgetSdk', 'initAmocrmWidgetSdk', args, { text: '→ WidgetSdk {methods, constants}' });
      return sdk;
    };
  }

  function createSdk (reporter, options) {
    const version = options && options.version;
    if (typeof version !== 'string' || version === '') {
      reporter.problem('sdk-version-missing', 'warning',
        'initAmocrmWidgetSdk() was called without options.version. amoCRM requires it ' +
        "(e.g. initAmocrmWidgetSdk({ version: '1.0.0' })) to keep the SDK's format stable.");
    } else if (!SUPPORTED_VERSIONS.includes(version)) {
      reporter.problem('sdk-version-unsupported', 'error',
        `initAmocrmWidgetSdk({ version: '${version}' }): the cabinet supports SDK version ` +
        `${SUPPORTED_VERSIONS.join(', ')}.`);
    }

    function getState (entityName) {
      return ENTITY_NAMES.includes(entityName) ? current(entityName) : null;
    }

    // Logged by hand: the entry must come before the withInitialResult delivery, which
    // happens inside the call, so the log reads in the order things happened.
    function subscribe (...args) {
      const [entityName, callback, subscribeOptions] = args;
      if (typeof callback !== 'function') {
        const error = new TypeError(`subscribe("${entityName}", callback): callback must be a function, ` +
          `not ${describeValue(callback)}`);
        logCall(reporter, 'methods.subscribe', 'subscribe', args, { threw: error });
        throw error;
      }
      const subscription = {
        entity: entityName,
        widget: reporter,
        // Which start of the widget made it (0: its module, before any initLead), so that
        // one its cleanup should have ended is told from one meant to outlive lead switches.
        start: reporter.starts || 0,
        deliver: (value) => reporter.call(callback, `subscribe("${entityName}") callback`, value),
      };
      subscriptions.add(subscription);
      reporter.subscriptions.add(subscription);
      const what = `subscribe(${window.CabinetEvents.preview(entityName)})`;
      // Idempotent: a second call finds nothing left to remove.
      const unsubscribe = function unsubscribe () {
        const active = subscriptions.has(subscription) || reporter.subscriptions.has(subscription);
        subscriptions.delete(subscription);
        reporter.subscriptions.delete(subscription);
        logCall(reporter, 'unsubscribe', 'unsubscribe', [], {
          text: active ? `— ended ${what}` : `— ${what} had already ended`,
        });
      };
      logCall(reporter, 'methods.subscribe', 'subscribe', args, { result: unsubscribe });
      if (subscribeOptions && subscribeOptions.withInitialResult)
        subscription.deliver(getState(entityName));
      return unsubscribe;
    }

    const methods = {
      getState: logged(reporter, 'methods.getState', getState),
      subscribe,
      getRouterQuery: logged(reporter, 'methods.getRouterQuery', function getRouterQuery () {
        return copy(routerQuery);
      }),
    };

    const constants = Object.assign({}, CONSTANTS, {
      GLOBAL_CLASS_NAMES: guard(CONSTANTS.GLOBAL_CLASS_NAMES, 'constants.GLOBAL_CLASS_NAMES', reporter),
    });

    return guard({
      methods: guard(methods, 'WidgetSdk.methods', reporter),
      constants: guard(constants, 'WidgetSdk.constants', reporter),
    }, 'WidgetSdk', reporter);
  }

  // Subscriptions of the widget-less SDK (the global "amocrm-sdk" id, e.g. from the console).
  // It is the cabinet's own (widget ""): what it does shows in the log as the cabinet's, and
  // on the Web Inspector's console, where it is used.
  const consoleReporter = {
    id: '',
    label: 'Cabinet Inspector',
    subscriptions: new Set(),
    problem (code, severity, message) {
      window.CabinetEvents.problem(null, { code, severity, message });
      window.CabinetEvents.rawConsole.warn(`amocrm-sdk (${code}): ${message}`);
    },
    call (fn, what, ...args) {
      try {
        return fn(...args);
      } catch (error) {
        console.error(`${what} threw`, error);
      }
    },
  };
  define('amocrm-sdk', [], () => createInit(consoleReporter));
  // Outside a widget (the console, a script loaded by URL) relative ids resolve from the root.
  define('import-modules', ['require'], (localRequire) => function importModules (ids) {
    return new Promise((resolve, reject) => localRequire(ids, (...modules) => resolve(modules), reject));
  });

  window.CabinetSdk = Object.freeze({
    CONSTANTS,
    ENTITY_NAMES,
    createInit,
    setEntity,
    update,
    setRouterQuery,
    dropSubscriptions,
    PROBED_MEMBERS,
    getEntity: (entity) => entities[entity],
    describeValue,
  });
})();
