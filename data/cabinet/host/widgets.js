// SPDX-License-Identifier: GPL-3.0-or-later
// The widgets of the cabinet: loading each one as requirejs does in amoCRM, running its
// lifecycle in SPEC §1 order, and telling the developer, by name, everything that goes wrong.
//
// Each widget lives under its own module prefix ("cabinet-widget-<id>/"), mapped to the folder
// its script is in. Relative dependencies therefore resolve against the widget's own URL, the
// widget gets an SDK instance of its own, and a reload can drop exactly its modules.
'use strict';

(function () {
  const { WIDGET_PREFIX, reloadGenerations } = window.CabinetModules;
  const SLOT_CLASS = window.CabinetSdk.CONSTANTS.GLOBAL_CLASS_NAMES.widgetBarItemContainer;
  const INIT_LEAD_TIMEOUT_MS = 10000;
  const Item = window.CabinetWidgetItem;

  // Hot reload asks which files each widget loaded; the browser keeps 250 by default.
  performance.setResourceTimingBufferSize(5000);

  const widgets = new Map();
  let lifecycleQueue = Promise.resolve();

  // Lifecycle operations of all widgets run one after another, so a lead switch that arrives
  // during a slow initLead still sees destroy → cleanup → initLead → register in order.
  function enqueue (operation) {
    const run = lifecycleQueue.then(operation);
    lifecycleQueue = run.catch((error) => console.error('cabinet lifecycle:', error));
    return run;
  }

  // JavaScriptCore's words for a write to a frozen object.
  const FROZEN_WRITE = /readonly|read-only|not extensible|Unable to delete property/i;

  function describeError (error) {
    if (error instanceof TypeError && FROZEN_WRITE.test(error.message))
      return `${error.name}: ${error.message} (the objects getState() returns and subscribers ` +
        'receive are immutable, as in a Redux store: copy before changing, e.g. ' +
        '[...lead.statuses].sort())';
    if (error instanceof Error)
      return `${error.name}: ${error.message}`;
    return window.CabinetSdk.describeValue(error);
  }

  // Where an error was thrown, from JavaScriptCore's own properties or the first stack frame.
  function errorLocation (error) {
    if (!error || typeof error !== 'object')
      return {};
    if (typeof error.sourceURL === 'string' && error.sourceURL)
      return { file: error.sourceURL, line: error.line, column: error.column };
    const frame = /(\w+:\/\/[^\s)]+):(\d+):(\d+)/.exec(String(error.stack || ''));
    return frame ? { file: frame[1], line: Number(frame[2]), column: Number(frame[3]) } : {};
  }

  function splitScriptUrl (script) {
    const url = new URL(script);
    const cleanPath = /\.js$/.test(url.pathname) && !url.search && !url.hash;
    const slash = url.pathname.lastIndexOf('/');
    const base = url.origin + url.pathname.slice(0, slash);
    if (cleanPath)
      return { base, mainName: url.pathname.slice(slash + 1, -3), exactPath: null };
    // A URL without ".js" (a dev server's root, a query string) is mapped as it is; requirejs
    // adds no ".js" to a path that has a "?".
    return { base, mainName: '__main__', exactPath: url.href.includes('?') ? url.href : url.href + '?' };
  }

  class Widget {
    constructor ({ id, label, script, token, cors, origin, manifestProblems, contentHash }) {
      this.id = id;
      this.label = label || script;
      this.script = script;
      this.token = typeof token === 'string' ? token : null;
      this.cors = Boolean(cors);
      this.origin = origin || 'app';
      this.prefix = WIDGET_PREFIX + id;
      this.generation = 0;
      this.state = 'loading';
      this.problems = [];
      // What amoCRM would refuse in the folder's archive (the app checks it): listed with the
      // widget's own problems, though the widget still runs.
      this.manifestProblems = Array.isArray(manifestProblems) ? manifestProblems : [];
      this.scriptErrors = [];
      // The app's short hash of the code that runs (hot reload shows which save is live).
      this.contentHash = typeof contentHash === 'string' ? contentHash : null;
      this.reloadQueued = false;
      this.subscriptions = new Set();
      this.starts = 0;
      this.callbacks = null;
      this.cleanup = null;
      this.destroy = null;
      this.slot = null;
      this.item = Item.create(this, () => removeWidget(this.id));
    }

    // The reporter side used by the SDK instance (sdk.js). A problem is reported whole, with
    // its location, so the app never shows half of one.
    problem (code, severity, message, error, location, quiet) {
      const problem = Object.assign({ code, severity, title: Item.title(code), message },
        location || errorLocation(error));
      // Every occurrence goes to the event log (a loop shows as one entry with a count);
      // the widget's own list names each problem once.
      window.CabinetEvents.problem(this, problem);
      if (this.problems.some((p) => p.code === code && p.message === message))
        return;
      this.problems.push(problem);
      Item.renderProblems(this.item, this.problems);
      if (!quiet)
        reportStatus(this);
    }

    call (fn, what, ...args) {
      window.CabinetEvents.newCaller();
      try {
        return fn(...args);
      } catch (error) {
        this.problem('callback-threw', 'error', `${what} threw ${describeError(error)}`, error);
        return undefined;
      }
    }

    ownsUrl (url) {
      return typeof url === 'string' && url !== '' && url.startsWith(splitScriptUrl(this.script).base + '/');
    }
  }

  const { lifecycle } = window.CabinetEvents;

  // Runs a lifecycle callback of the widget's through widget.call() and logs how long it took.
  function timedCall (widget, fn, what, name, done) {
    const startedAt = performance.now();
    const result = widget.call(fn, what);
    lifecycle(widget, name, done, startedAt);
    return result;
  }

  // Which widget a script URL belongs to: its main script, any module it loaded (requirejs
  // tags those scripts with the module id), or else a file under its script's folder. Exact
  // matches come first: two widgets may load from one folder.
  const owners = new Map();

  function ownerOf (url) {
    if (typeof url !== 'string' || url === '')
      return null;
    if (owners.has(url))
      return widgets.get(owners.get(url)) || null;
    const bare = url.split('?cabinet-reload=')[0].split('&cabinet-reload=')[0];
    let owner = Array.from(widgets.values()).find((widget) => widget.script === bare);
    if (!owner) {
      for (const script of document.querySelectorAll('script[data-requiremodule]')) {
        const id = /^cabinet-widget-([^/]+)\//.exec(script.dataset.requiremodule);
        if (id && script.src.split('?cabinet-reload=')[0] === bare && widgets.has(id[1])) {
          owner = widgets.get(id[1]);
          break;
        }
      }
    }
    // ownsUrl parses the widget's script URL, which may be broken.
    owner = owner || Array.from(widgets.values()).find((widget) => {
      try {
        return widget.ownsUrl(url);
      } catch (error) {
        return false;
      }
    }) || null;
    if (owner)
      owners.set(url, owner.id);
    return owner;
  }

  // A contract problem found outside the widget's own SDK instance (window.APP): the
  // widget's when it is known, else only an entry of the cabinet's in the log.
  function problemFromPage (widgetId, code, severity, message, location) {
    const widget = widgetId ? widgets.get(widgetId) : null;
    if (widget)
      widget.problem(code, severity, message, null, location || {});
    else
      window.CabinetEvents.problem(null, Object.assign({ code, severity, message }, location));
  }

  function setState (widget, state) {
    widget.state = state;
    Item.showState(widget.item, state, widget.generation > 1);
    if (state !== 'loading')
      Item.showVersion(widget.item, widget.contentHash, new Date(), widget.generation);
    reportStatus(widget);
  }

  function reportStatus (widget) {
    // A removed widget's late news (a Promise, a callback still queued) is nobody's business.
    if (widgets.get(widget.id) !== widget)
      return;
    const worst = widget.problems.find((p) => p.severity === 'error') || widget.problems[0] || null;
    window.CabinetBridge.notify('widget-status', {
      id: widget.id,
      label: widget.label,
      script: widget.script,
      // Only a token the developer typed into addWidget() is kept by the app, so a reloaded
      // page can add the widget back; minted tokens are never sent back.
      token: widget.origin === 'console' ? widget.token : null,
      origin: widget.origin,
      state: widget.state,
      problem: worst,
      // What hot reload must watch: the widget's script and the relative dependencies it
      // loaded, without the cache-busting argument of a reload.
      scripts: Array.from(new Set(loadedScriptUrls(widget).map(bareUrl))),
      // And what a save may touch: every file the widget loaded from its own folder.
      resources: usedResources(widget),
      loads: widget.generation,
    });
  }

  function usedResources (widget) {
    let base;
    try {
      base = splitScriptUrl(widget.script).base + '/';
    } catch (error) {
      return [];
    }
    const urls = new Set(loadedScriptUrls(widget).map(bareUrl));
    for (const entry of performance.getEntriesByType('resource')) {
      if (entry.name.startsWith(base))
        urls.add(bareUrl(entry.name.split('#')[0]));
    }
    return Array.from(urls);
  }

  function bareUrl (url) {
    return String(url).replace(/[?&]cabinet-reload=\d+$/, '');
  }

  function fail (widget, code, message, location) {
    widget.problem(code, 'error', message, null, location, true);
    setState(widget, 'failed');
  }

  // Errors of the widget's scripts arrive as window "error" events: a syntax error never
  // reaches requirejs. Scripts from another origin are only described if their server sends
  // CORS headers (the app's own server does).
  window.addEventListener('error', (event) => {
    // A hidden error ("Script error.") names no file: it is only attributed when a single
    // widget is loading, or it would fail every widget that happens to load at the same time.
    const loading = Array.from(widgets.values()).filter((widget) => widget.state === 'loading');
    const hiddenOwner = event.message === 'Script error.' && loading.length === 1 ? loading[0] : null;
    for (const widget of widgets.values()) {
      if (widget.ownsUrl(event.filename) || widget === hiddenOwner) {
        widget.scriptErrors.push({
          message: event.message,
          isSyntax: event.error instanceof SyntaxError || /^SyntaxError/.test(event.message),
          file: event.filename || widget.script,
          line: event.lineno,
          column: event.colno,
        });
      }
    }
  }, true);

  function fileName (url) {
    return String(url).split('?')[0].split('/').pop() || url;
  }

  // What a script error means for a widget: a syntax error, an ES or SystemJS module, or code
  // that threw while it ran.
  function classifyScriptError (widget, error) {
    const location = { file: error.file, line: error.line, column: error.column };
    if (error.isSyntax && /\b(export|import)\b/.test(error.message)) {
      fail(widget, 'not-amd-module', `${fileName(error.file)} is an ES module (${error.message}). The cabinet ` +
        'loads widgets with requirejs: build it as AMD, define([...], function (...) { return callbacks })', location);
    } else if (error.isSyntax) {
      fail(widget, 'syntax-error', error.message, location);
    } else if (/\bSystem\b/.test(error.message)) {
      fail(widget, 'not-amd-module', `${fileName(error.file)} is a SystemJS module (${error.message}). The ` +
        'cabinet loads widgets with requirejs: build it as AMD.', location);
    } else {
      fail(widget, 'load-failed', `${fileName(error.file)} threw while it ran: ${error.message}`, location);
    }
  }

  // JavaScriptCore numbers the lines of new Function() bodies after its own wrapper's lines.
  let functionLineOffset = null;

  // The first syntax error in a script's text, found by compiling it without running it.
  function findSyntaxError (text, url) {
    if (functionLineOffset === null) {
      try {
        new Function('\n@'); // eslint-disable-line no-new-func
      } catch (error) {
        functionLineOffset = (error.line || 2) - 2;
      }
    }
    try {
      new Function(text); // eslint-disable-line no-new-func
      return null;
    } catch (error) {
      if (!(error instanceof SyntaxError))
        return null;
      return { message: `SyntaxError: ${error.message}`, isSyntax: true, file: url,
        line: error.line - functionLineOffset, column: error.column };
    }
  }

  function loadedScriptUrls (widget) {
    const urls = [widget.script];
    for (const script of document.querySelectorAll('script[data-requiremodule]')) {
      if (script.dataset.requiremodule.startsWith(widget.prefix + '/') && !urls.includes(script.src))
        urls.push(script.src);
    }
    return urls;
  }

  function reportHiddenError (widget) {
    fail(widget, 'load-failed', `${fileName(widget.script)} failed while it ran, and its server sends no ` +
      'CORS header, so the browser hides the details. Open the Inspector console to see them, or ' +
      'serve the widget with Access-Control-Allow-Origin.', { file: widget.script });
  }

  // A server without CORS headers makes the browser hide a script's error ("Script error.").
  // The app can still fetch the widget's scripts: compiling their text here finds a syntax
  // error with its line; otherwise `otherwise` reports what is known.
  async function explainHiddenError (widget, otherwise) {
    for (const url of loadedScriptUrls(widget)) {
      let probe = null;
      try {
        probe = await window.CabinetBridge.call('probe', { url: url.split('?cabinet-reload')[0], text: true });
      } catch (error) {
        continue;
      }
      const found = probe && typeof probe.text === 'string' ? findSyntaxError(probe.text, url) : null;
      if (found) {
        classifyScriptError(widget, found);
        return;
      }
    }
    otherwise(widget);
  }

  // A script of the widget that failed to evaluate. Returns a Promise that settles once the
  // failure is reported, or false when there was none.
  function reportScriptError (widget) {
    const error = widget.scriptErrors.find((e) => e.isSyntax) || widget.scriptErrors[0];
    if (!error)
      return false;
    if (error.message === 'Script error.')
      return explainHiddenError(widget, reportHiddenError);
    classifyScriptError(widget, error);
    return Promise.resolve();
  }

  async function reportLoadFailure (widget, url) {
    let reason = 'the browser could not load it';
    try {
      const probe = await window.CabinetBridge.call('probe', { url: url.split('?cabinet-reload')[0] });
      if (probe && probe.error)
        reason = probe.error;
      else if (probe && probe.status >= 400)
        reason = `the server answered ${probe.status} ${probe.reason || ''}`.trim();
      else if (probe && probe.status)
        reason = `the server answered ${probe.status}, yet the browser refused the script ` +
          '(check its Content-Type and the server\'s CORS headers)';
    } catch (error) {
      // Not an http(s) URL: keep the generic reason.
    }
    fail(widget, 'load-failed', `Could not load ${url}: ${reason}.`, { file: url });
  }

  function dropModules (widget) {
    const context = requirejs.s.contexts._;
    const ids = new Set([...Object.keys(context.defined), ...Object.keys(context.registry)]);
    for (const id of ids) {
      if (id.startsWith(widget.prefix + '/'))
        requirejs.undef(id);
    }
    for (const script of document.querySelectorAll('script[data-requiremodule]')) {
      if (script.dataset.requiremodule.startsWith(widget.prefix + '/')) {
        window.CabinetModules.forgetScript(script.src);
        script.remove();
      }
    }
  }

  // Marks in the Web Inspector's timeline: where a widget's start-up time goes.
  function mark (widget, step) {
    performance.mark(`cabinet:${widget.id}:${step}`);
  }

  function load (widget) {
    const generation = ++widget.generation;
    const loadStartedAt = performance.now();
    mark(widget, 'load');
    owners.clear();
    reloadGenerations.set(widget.id, generation);
    widget.problems = [];
    widget.scriptErrors = [];
    for (const found of widget.manifestProblems)
      widget.problem('manifest-invalid', 'error', `${found.check}: ${found.message}`, null,
        { file: new URL(found.file, widget.script).href, line: found.line || undefined }, true);
    Item.renderProblems(widget.item, widget.problems);
    setState(widget, 'loading');
    dropModules(widget);

    let split;
    try {
      split = splitScriptUrl(widget.script);
    } catch (error) {
      fail(widget, 'load-failed', `"${widget.script}" is not a URL.`);
      return Promise.resolve();
    }
    const mainId = `${widget.prefix}/${split.mainName}`;
    const paths = { [widget.prefix]: split.base };
    if (split.exactPath)
      paths[mainId] = split.exactPath;
    requirejs.config({
      paths,
      map: {
        [widget.prefix]: {
          'amocrm-sdk': `${widget.prefix}/__cabinet_sdk__`,
          'import-modules': `${widget.prefix}/__cabinet_import_modules__`,
        },
      },
      onNodeCreated (node, config, id) {
        // The app's own server sends CORS headers, so errors in its scripts keep their details.
        const owner = /^cabinet-widget-([^/]+)\//.exec(id);
        const ownerWidget = owner && widgets.get(owner[1]);
        if (ownerWidget && ownerWidget.cors)
          node.crossOrigin = 'anonymous';
      },
    });
    define(`${widget.prefix}/__cabinet_sdk__`, [], () => window.CabinetSdk.createInit(widget));
    define(`${widget.prefix}/__cabinet_import_modules__`, ['require'], (localRequire) =>
      function importModules (ids) {
        return new Promise((resolve, reject) => localRequire(ids, (...modules) => resolve(modules), reject));
      });

    const pendingToken = requestToken(widget);
    return new Promise((resolve) => {
      requirejs([mainId], (callbacks) => {
        if (generation !== widget.generation || !widgets.has(widget.id))
          return resolve();
        mark(widget, 'module');
        lifecycle(widget, 'module', `${fileName(widget.script)} loaded`, loadStartedAt);
        const reported = reportScriptError(widget);
        if (reported)
          return resolve(reported);
        const mainUrl = requirejs.toUrl(mainId);
        // Without CORS the browser may have hidden a syntax error from us (and with several
        // widgets loading it cannot be told whose): look into the source before concluding.
        if (callbacks === undefined && !widget.cors && !calledDefine(widget, mainUrl))
          return resolve(explainHiddenError(widget, (w) => checkCallbacks(w, callbacks, mainUrl)));
        if (!checkCallbacks(widget, callbacks, mainUrl))
          return resolve();
        widget.callbacks = callbacks;
        resolve(enqueue(() => start(widget, generation, pendingToken)));
      }, (error) => {
        if (generation !== widget.generation || !widgets.has(widget.id))
          return resolve();
        for (const id of error.requireModules || [])
          requirejs.undef(id);
        const reported = reportScriptError(widget);
        if (reported)
          return resolve(reported);
        const failedId = (error.requireModules || [])[0] || mainId;
        if (error.requireType === 'unknown-module') {
          fail(widget, 'unknown-module', error.message);
        } else if (error.requireType === 'scripterror') {
          return resolve(reportLoadFailure(widget, failedId === mainId ? widget.script : requirejs.toUrl(failedId)));
        } else if (error.requireType === 'timeout') {
          fail(widget, 'timeout', `${fileName(widget.script)} did not finish loading in 15 s ` +
            `(waiting for: ${(error.requireModules || []).join(', ')}).`);
        } else if (error.requireType === 'define') {
          const location = errorLocation(error);
          const module = error.requireModules[0] === mainId ? fileName(widget.script)
            : fileName(location.file || error.requireModules[0]);
          fail(widget, 'callback-threw', `The define() factory of ${module} threw ${describeError(error)}`, location);
        } else {
          fail(widget, 'load-failed', `${fileName(widget.script)}: ${error.message}`);
        }
        resolve();
      });
    });
  }

  function calledDefine (widget, mainUrl) {
    return window.CabinetModules.scriptCalledDefine(mainUrl) || window.CabinetModules.scriptCalledDefine(widget.script);
  }

  function checkCallbacks (widget, callbacks, mainUrl) {
    const file = fileName(widget.script);
    if (callbacks === undefined && !calledDefine(widget, mainUrl)) {
      fail(widget, 'not-amd-module', `${file} ran but never called define(). A client-cabinet widget is an ` +
        "AMD module: define(['amocrm-sdk', …], function (…) { return { initLead, registerWidgetsBarSlot } })");
      return false;
    }
    if (callbacks === null || typeof callbacks !== 'object') {
      fail(widget, 'no-callbacks-object', `The define() factory of ${file} returned ` +
        `${callbacks === undefined ? 'undefined' : window.CabinetSdk.describeValue(callbacks)} instead of ` +
        'the callbacks object { initLead, registerWidgetsBarSlot }.');
      return false;
    }
    for (const name of ['initLead', 'registerWidgetsBarSlot']) {
      if (typeof callbacks[name] !== 'function') {
        fail(widget, `missing-${name}`, `The callbacks object of ${file} has no ${name} function ` +
          `(found ${window.CabinetSdk.describeValue(callbacks[name])}); amoCRM requires it.`);
        return false;
      }
    }
    return true;
  }

  // initLead's argument is { token }. Code written as initLead(token) reaches for string
  // methods on it: name the mistake instead of letting it fail as "undefined is not a function".
  function leadParams (widget, token) {
    return new Proxy({ token }, {
      get (params, key, receiver) {
        if (typeof key === 'string' && !(key in params) && key in String.prototype &&
            !window.CabinetSdk.PROBED_MEMBERS.has(key))
          widget.problem('unknown-sdk-member', 'error', `initLead's argument is an object { token }, not ` +
            `the token string: params.${key} does not exist. Use params.token.`);
        return Reflect.get(params, key, receiver);
      },
    });
  }

  function withTimeout (promise, ms) {
    let timer;
    const timeout = new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { cabinetTimeout: true })), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  function activeLeadId () {
    return (window.CabinetSdk.getEntity('lead') || {}).id;
  }

  // A fresh token for the active lead: the developer's own (addWidget) or one the app mints.
  // It remembers the lead it is for: a lead switch while the widget loads needs a new one.
  function requestToken (widget) {
    const leadId = activeLeadId();
    const token = widget.token !== null ? Promise.resolve(widget.token)
      : window.CabinetBridge.call('token', { widgetId: widget.id, leadId }).catch(() => '');
    return { leadId, token };
  }

  // initLead, awaited when it returns a Promise, then registerWidgetsBarSlot in a fresh slot.
  // The token may already be on its way (asked for while the module loaded).
  async function start (widget, generation, pendingToken) {
    const stale = () => generation !== widget.generation || !widgets.has(widget.id);
    if (stale())
      return;
    const request = pendingToken && pendingToken.leadId === activeLeadId() ? pendingToken : requestToken(widget);
    const token = await request.token;
    if (stale())
      return;

    let result;
    widget.starts += 1;
    mark(widget, 'initLead');
    const initStartedAt = performance.now();
    try {
      result = widget.callbacks.initLead(leadParams(widget, token));
    } catch (error) {
      lifecycle(widget, 'initLead', 'initLead threw', initStartedAt);
      fail(widget, 'callback-threw', `initLead threw ${describeError(error)}`, errorLocation(error));
      return;
    }
    if (result && typeof result.then === 'function') {
      const promise = Promise.resolve(result);
      try {
        result = await withTimeout(promise, INIT_LEAD_TIMEOUT_MS);
        lifecycle(widget, 'initLead', 'initLead settled', initStartedAt);
      } catch (error) {
        lifecycle(widget, 'initLead', error && error.cabinetTimeout ? 'initLead did not settle'
          : 'initLead was rejected', initStartedAt);
        if (error && error.cabinetTimeout) {
          // Should it settle after all, its cleanup still runs: SPEC §1 guarantees it before
          // the next initLead.
          promise.then((cleanup) => {
            if (typeof cleanup === 'function')
              timedCall(widget, cleanup, 'The initLead cleanup function', 'cleanup', 'initLead cleanup ran');
          }, () => {});
          fail(widget, 'timeout', `The Promise initLead returned did not settle in ${INIT_LEAD_TIMEOUT_MS / 1000} s; ` +
            'registerWidgetsBarSlot waits for it.');
        } else {
          fail(widget, 'callback-rejected', `The Promise initLead returned was rejected: ${describeError(error)}`,
            errorLocation(error));
        }
        return;
      }
    } else {
      lifecycle(widget, 'initLead', 'initLead returned', initStartedAt);
    }
    if (stale()) {
      if (typeof result === 'function')
        timedCall(widget, result, 'initLead cleanup', 'cleanup', 'initLead cleanup ran');
      return;
    }
    if (typeof result === 'function')
      widget.cleanup = result;
    else if (result !== undefined)
      widget.problem('cleanup-not-function', 'error', `initLead returned ${window.CabinetSdk.describeValue(result)}; ` +
        'it may return a cleanup function or nothing.');

    const slot = document.createElement('div');
    slot.className = SLOT_CLASS;
    widget.item.body.append(slot);
    widget.slot = slot;
    let destroy;
    const registerStartedAt = performance.now();
    try {
      destroy = widget.callbacks.registerWidgetsBarSlot(slot);
    } catch (error) {
      lifecycle(widget, 'registerWidgetsBarSlot', 'registerWidgetsBarSlot threw', registerStartedAt);
      fail(widget, 'callback-threw', `registerWidgetsBarSlot threw ${describeError(error)}`, errorLocation(error));
      return;
    }
    lifecycle(widget, 'registerWidgetsBarSlot', 'registerWidgetsBarSlot returned', registerStartedAt);
    mark(widget, 'registered');
    if (typeof destroy === 'function')
      widget.destroy = destroy;
    else if (destroy !== undefined)
      widget.problem('cleanup-not-function', 'error', `registerWidgetsBarSlot returned ` +
        `${window.CabinetSdk.describeValue(destroy)}; it may return a destroy function or nothing` +
        (destroy && typeof destroy.then === 'function' ? ' (the cabinet does not wait for a Promise)' : '') + '.');
    setState(widget, 'ready');
  }

  // Subscriptions still live once the slot destroy function and the initLead cleanup ran:
  // on a lead switch, those this start made (each switch would add more); when the widget
  // leaves the cabinet, all of them.
  function reportLeakedSubscriptions (widget, leaving) {
    const live = Array.from(widget.subscriptions).filter((s) => !s.reported &&
      (leaving || (s.start > 0 && s.start === widget.starts)));
    if (live.length === 0)
      return;
    live.forEach((s) => { s.reported = true; });
    const entities = Array.from(new Set(live.map((s) => String(s.entity)))).join(', ');
    const count = live.length === 1 ? 'A subscription' : `${live.length} subscriptions`;
    widget.problem('leaked-subscription', 'warning', `${count} (${entities}) ${live.length === 1 ? 'was' : 'were'} ` +
      `still live after the slot destroy function and the initLead cleanup ran` +
      (leaving ? '' : ': each lead switch adds more') + '. Call the function subscribe() returned in one of them.');
  }

  // The slot's destroy function, then initLead's cleanup (SPEC §1). `why` is "switch" for a
  // lead switch, "remove" when the widget leaves the cabinet, "reload" for new code.
  function teardown (widget, why) {
    const destroy = widget.destroy;
    const cleanup = widget.cleanup;
    widget.destroy = null;
    widget.cleanup = null;
    if (destroy)
      timedCall(widget, destroy, 'The slot destroy function', 'destroy', 'The slot destroy function ran');
    if (widget.slot) {
      widget.slot.remove();
      widget.slot = null;
    }
    if (cleanup)
      timedCall(widget, cleanup, 'The initLead cleanup function', 'cleanup', 'initLead cleanup ran');
    if (why !== 'reload')
      reportLeakedSubscriptions(widget, why === 'remove');
  }

  function addWidget (params) {
    if (widgets.has(params.id))
      return widgets.get(params.id);
    const widget = new Widget(params);
    widgets.set(widget.id, widget);
    Item.updateEmptyNote(widgets.size);
    owners.clear();
    load(widget);
    return widget;
  }

  function removeWidget (id) {
    const widget = widgets.get(id);
    if (!widget)
      return Promise.resolve();
    return enqueue(() => {
      teardown(widget, 'remove');
      lifecycle(widget, 'removed', `${widget.label} was removed from the cabinet`);
      widgets.delete(id);
      owners.clear();
      widget.generation++;
      window.CabinetSdk.dropSubscriptions(widget);
      dropModules(widget);
      widget.item.root.remove();
      Item.updateEmptyNote(widgets.size);
      window.CabinetBridge.notify('widget-removed', { id });
    });
  }

  function reloadWidget (widget, onStart) {
    return enqueue(() => {
      if (onStart)
        onStart();
      lifecycle(widget, 'reload', `Reloading ${fileName(widget.script)} (load ${widget.generation + 1})`);
      teardown(widget, 'reload');
      window.CabinetSdk.dropSubscriptions(widget);
      widget.callbacks = null;
    }).then(() => load(widget));
  }

  function reloadAll () {
    return Promise.all(Array.from(widgets.values(), (widget) => reloadWidget(widget)));
  }

  // Hot reload: the app saw the widget's code change. Saves that come while a reload waits
  // in the queue are one reload: it loads whatever is newest when it runs.
  function hotReload (widget, contentHash, manifestProblems) {
    if (typeof contentHash === 'string')
      widget.contentHash = contentHash;
    if (Array.isArray(manifestProblems))
      widget.manifestProblems = manifestProblems;
    if (widget.reloadQueued)
      return lifecycleQueue;
    widget.reloadQueued = true;
    return reloadWidget(widget, () => { widget.reloadQueued = false; });
  }

  // The app learned the hash of the code that already runs.
  function setContentHash (widget, contentHash) {
    if (typeof contentHash !== 'string')
      return;
    widget.contentHash = contentHash;
    if (widget.state !== 'loading')
      Item.showVersion(widget.item, contentHash, null, widget.generation);
  }

  // A lead switch: every widget is torn down, the state changes, every widget starts again.
  function switchLead (applyState) {
    return enqueue(async () => {
      const running = Array.from(widgets.values()).filter((widget) => widget.callbacks);
      running.forEach((widget) => teardown(widget, 'switch'));
      applyState();
      const lasting = ['sdk-version-missing', 'manifest-invalid', 'leaked-subscription'];
      for (const widget of running) {
        widget.problems = widget.problems.filter((p) => lasting.includes(p.code));
        Item.renderProblems(widget.item, widget.problems);
        setState(widget, 'loading');
        await start(widget, widget.generation);
      }
    });
  }

  window.CabinetWidgets = Object.freeze({
    add: addWidget,
    remove: removeWidget,
    reloadAll,
    reload: hotReload,
    setContentHash,
    switchLead,
    ownerOf,
    problemFromPage,
    get: (id) => widgets.get(id),
    whenIdle: () => lifecycleQueue,
  });
})();
