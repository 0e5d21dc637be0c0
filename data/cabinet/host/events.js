// SPDX-License-Identifier: GPL-3.0-or-later
// The page's side of the event log: what the widgets do (SDK and APP calls, console lines,
// uncaught errors, lifecycle steps, problems) becomes entries that go to the app in batches.
//
// A widget may log in a tight loop: whatever happens, the log must cost the widget little and
// never grow without bound. So entries are batched (one message at most every FLUSH_MS),
// each batch window takes at most WINDOW_LIMIT entries a widget caused, and past that only
// counts are kept; the app learns how many were dropped, per widget and kind.
'use strict';

(function () {
  const FLUSH_MS = 100;
  const WINDOW_LIMIT = 500;
  // Enough frames to get past the host's own (the console wrapper, APP's Proxy, a jQuery
  // callback) to the widget's; capturing all of them in a deep call would cost more.
  const STACK_DEPTH = 16;
  const MAX_MESSAGE = 4000;
  const CABINET_LABEL = 'Cabinet Inspector';
  const KIND_WORDS = { sdk: 'SDK call', app: 'APP call', console: 'console', problem: 'problem',
    lifecycle: 'lifecycle', notification: 'notification' };

  // The cabinet's own scripts (host, vendor libraries, renderer) are served from here; a
  // stack frame elsewhere is a widget's, or a library a widget loaded.
  const SELF_URL = document.currentScript ? document.currentScript.src : '';
  const HOST_BASE = SELF_URL ? new URL('..', SELF_URL).href : 'cabinet://app/';
  // The host's entry points (this file, APP, the SDK, addWidget): a call that starts in
  // them was made by whoever called them, never by them, so they are no place to show.
  const PLUMBING = new Set(['host/events.js', 'host/app.js', 'host/sdk.js', 'host/developer.js']
    .map((name) => HOST_BASE + name));

  // The console as it was before the capture, for the host's own diagnostics about the log:
  // those must not become entries themselves.
  const rawConsole = {};
  for (const method of ['debug', 'log', 'info', 'warn', 'error'])
    rawConsole[method] = typeof console[method] === 'function' ? console[method].bind(console) : () => {};

  const queue = [];
  // What must reach the app after the entries queued so far (see afterFlush()).
  let afterNextFlush = [];
  // Counted instead of recorded: "<widget>\u0000<kind>" → { widget, kind, count }.
  const dropped = new Map();
  // Entries recorded in this window, those folded into an identical one included: a widget
  // repeating one line in a loop must not pay for building each of them either.
  let windowCount = 0;
  let timer = null;
  // The last entry of the current window, which an identical one is folded into.
  let last = null;

  function widgetLabel (id) {
    if (!id)
      return CABINET_LABEL;
    const widget = window.CabinetWidgets && window.CabinetWidgets.get(id);
    return widget ? widget.label : id;
  }

  // A complete entry from `fields`: time, defaults, and no undefined members (the app takes
  // a missing member as "unknown", but not every other value).
  function entry (fields) {
    const result = {
      time: performance.timeOrigin + performance.now(),
      kind: fields.kind,
      level: fields.level || 'info',
      widget: fields.widget || '',
      widgetLabel: fields.widgetLabel || widgetLabel(fields.widget),
      name: fields.name,
      message: capText(fields.message === undefined ? '' : String(fields.message)),
      count: fields.count || 1,
    };
    for (const key of ['file', 'leadId'])
      if (typeof fields[key] === 'string' && fields[key] !== '')
        result[key] = fields[key];
    for (const key of ['line', 'column'])
      if (Number.isInteger(fields[key]) && fields[key] > 0)
        result[key] = fields[key];
    if (typeof fields.durationMs === 'number' && fields.durationMs >= 0 && Number.isFinite(fields.durationMs))
      result.durationMs = Math.round(fields.durationMs * 100) / 100;
    return result;
  }

  function capText (text) {
    return text.length > MAX_MESSAGE ? text.slice(0, MAX_MESSAGE - 1) + '…' : text;
  }

  function schedule () {
    if (timer === null)
      timer = setTimeout(flush, FLUSH_MS);
  }

  // Whether an entry a widget causes would be kept now. Callers ask before building one, so
  // that a widget logging in a loop does not pay for stack traces and previews nobody sees.
  function accepting () {
    return windowCount < WINDOW_LIMIT;
  }

  function drop (widget, kind) {
    const key = (widget || '') + '\u0000' + kind;
    const group = dropped.get(key);
    if (group)
      group.count += 1;
    else
      dropped.set(key, { widget: widget || '', kind, count: 1 });
    schedule();
  }

  function sameEntry (a, b) {
    return a.kind === b.kind && a.level === b.level && a.widget === b.widget && a.name === b.name &&
      a.message === b.message && a.file === b.file && a.line === b.line;
  }

  // Lifecycle steps are the host's own and few: they are always kept, so that a widget that
  // floods the console still shows when its initLead settled; so is what `keep` marks.
  function record (fields, keep) {
    if (fields.kind !== 'lifecycle' && !keep && !accepting()) {
      drop(fields.widget, fields.kind);
      return;
    }
    windowCount += 1;
    const item = entry(fields);
    if (last && sameEntry(last, item)) {
      last.count += item.count;
      return;
    }
    queue.push(item);
    last = item;
    schedule();
  }

  function flush () {
    timer = null;
    last = null;
    const rate = (WINDOW_LIMIT * 1000 / FLUSH_MS).toLocaleString('en-US');
    for (const group of dropped.values()) {
      queue.push(entry({
        kind: group.kind,
        level: 'warning',
        widget: group.widget,
        name: 'rate-limit',
        message: `${group.count.toLocaleString('en-US')} more ${KIND_WORDS[group.kind] || group.kind} ` +
          `entries from ${widgetLabel(group.widget)} were not recorded (a widget logs faster than ` +
          `${rate} entries a second)`,
      }));
    }
    dropped.clear();
    // Never more than WINDOW_LIMIT in one message: the rest (rate-limit notes, lifecycle
    // steps of a busy window) opens the next window and counts against it.
    const entries = queue.splice(0, WINDOW_LIMIT);
    windowCount = queue.length;
    if (queue.length > 0)
      schedule();
    if (entries.length > 0) {
      // Outside the app there is nobody to tell; saying so on the console would log again.
      window.CabinetBridge.call('events', { entries }).catch(() => {});
    }
    const after = afterNextFlush;
    afterNextFlush = [];
    for (const fn of after) {
      try {
        fn();
      } catch (error) {
        rawConsole.error('Cabinet Inspector:', error);
      }
    }
  }

  // Sends what is queued now rather than at the end of the window (the headless check, which
  // reads the log after each step, would otherwise wait for it).
  function flushNow () {
    if (timer !== null)
      clearTimeout(timer);
    flush();
  }

  // Runs `fn` once the entries queued so far are on their way to the app: the bridge keeps
  // the order of messages, so what `fn` sends arrives after them (a popup after the call
  // that showed it). At once when nothing is waiting.
  function afterFlush (fn) {
    if (queue.length === 0 && dropped.size === 0) {
      fn();
      return;
    }
    afterNextFlush.push(fn);
    schedule();
  }

  // ---- Entries the host makes for a widget ------------------------------------------------

  const PROBLEM_LEVELS = { error: 'error', warning: 'warning' };

  // A contract problem (widgets.js's Widget.problem), of `widget` or, when null, the cabinet's.
  // The first report of each problem is always kept, as lifecycle steps are: a widget that
  // floods the console must not hide why it fails (the headless check reads them from here).
  const reportedProblems = new Set();
  const MAX_REPORTED_PROBLEMS = 10000;

  function problem (widget, { code, severity, message, file, line, column }) {
    const key = `${widget ? widget.id : ''}\u0000${code}\u0000${message}`;
    const first = !reportedProblems.has(key) && reportedProblems.size < MAX_REPORTED_PROBLEMS;
    if (first)
      reportedProblems.add(key);
    record({
      kind: 'problem',
      level: PROBLEM_LEVELS[severity] || 'info',
      widget: widget ? widget.id : '',
      widgetLabel: widget ? widget.label : undefined,
      name: code,
      message,
      file,
      line,
      column,
    }, first);
  }

  // A step of a widget's lifecycle, timed from `startedAt` (performance.now()) when given,
  // with the lead it ran for.
  function lifecycle (widget, name, message, startedAt) {
    newCaller();
    const durationMs = startedAt === undefined ? undefined : performance.now() - startedAt;
    const lead = window.CabinetSdk && window.CabinetSdk.getEntity('lead');
    const leadId = lead && lead.id !== undefined && lead.id !== null ? String(lead.id) : '';
    record({
      kind: 'lifecycle',
      widget: widget.id,
      widgetLabel: widget.label,
      name,
      message: message + (durationMs === undefined ? '' : ` in ${durationMs.toFixed(1)} ms`) +
        (leadId && name !== 'module' ? ` for lead ${leadId}` : ''),
      durationMs,
      leadId,
    });
  }

  // ---- Previews --------------------------------------------------------------------------

  const FULL = Symbol('full');
  const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

  function attempt (fn, fallback) {
    try {
      return fn();
    } catch (error) {
      return fallback;
    }
  }

  // A bounded, one-line, JavaScript-like rendering of any value, as the Web Inspector's
  // console shows it collapsed. Never throws: values come from widget code (getters that
  // throw, Proxies, revoked Proxies, cycles).
  function preview (value, max = 200) {
    let text = '';
    const path = [];

    function put (part) {
      text += part;
      if (text.length > max)
        throw FULL;
    }

    function writeString (string, quoted) {
      const head = string.length > max ? string.slice(0, max + 1) : string;
      put(quoted ? JSON.stringify(head) : head);
    }

    function tagOf (object) {
      return attempt(() => Object.prototype.toString.call(object).slice(8, -1), 'Object');
    }

    function className (object) {
      const proto = attempt(() => Object.getPrototypeOf(object), null);
      const ctor = proto && attempt(() => {
        const descriptor = Object.getOwnPropertyDescriptor(proto, 'constructor');
        return descriptor && typeof descriptor.value === 'function' ? descriptor.value.name : '';
      }, '');
      return proto === null ? '' : (ctor && ctor !== 'Object' ? ctor : '');
    }

    function writeElement (node) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        let tag = String(node.localName || node.nodeName || '').toLowerCase();
        if (node.id)
          tag += '#' + node.id;
        const classes = typeof node.className === 'string' ? node.className.trim() : '';
        if (classes)
          tag += '.' + classes.split(/\s+/).join('.');
        put(`<${tag}>`);
      } else if (node.nodeType === Node.TEXT_NODE) {
        put('#text ');
        writeString(String(node.data), true);
      } else {
        put(String(node.nodeName || 'Node'));
      }
    }

    // Own enumerable members: the value of a data property, "(…)" for a getter (calling it
    // could throw or change something; the Web Inspector does not call them either).
    function member (object, key) {
      const descriptor = attempt(() => Object.getOwnPropertyDescriptor(object, key), undefined);
      if (!descriptor)
        return { value: attempt(() => object[key], undefined) };
      return 'value' in descriptor ? { value: descriptor.value } : { getter: true };
    }

    function writeMember (object, key, depth) {
      const found = member(object, key);
      if (found.getter)
        put('(…)');
      else
        write(found.value, depth + 1);
    }

    function writeObject (object, depth) {
      if (path.includes(object)) {
        put('[Circular]');
        return;
      }
      const isArray = attempt(() => Array.isArray(object), false);
      const tag = tagOf(object);
      if (depth >= 2) {
        const length = isArray ? attempt(() => object.length, 0) : 0;
        put(isArray ? `Array(${length})` : (className(object) || '{…}'));
        return;
      }
      path.push(object);
      try {
        if (isArray) {
          const length = attempt(() => object.length, 0);
          put('[');
          // put() stops a long array as soon as the preview is full.
          for (let i = 0; i < length; i++) {
            if (i > 0)
              put(', ');
            writeMember(object, String(i), depth);
          }
          put(']');
        } else if (tag === 'Map' || tag === 'Set') {
          const items = attempt(() => Array.from(object).slice(0, max), []);
          put(`${tag}(${attempt(() => object.size, items.length)}) {`);
          items.forEach((item, i) => {
            if (i > 0)
              put(', ');
            if (tag === 'Map') {
              write(item[0], depth + 1);
              put(' => ');
              write(item[1], depth + 1);
            } else {
              write(item, depth + 1);
            }
          });
          put('}');
        } else {
          const name = className(object);
          const keys = attempt(() => Object.keys(object), []);
          put((name ? name + ' ' : '') + '{');
          keys.forEach((key, i) => {
            put((i > 0 ? ', ' : '') + (IDENTIFIER.test(key) ? key : JSON.stringify(key)) + ': ');
            writeMember(object, key, depth);
          });
          put('}');
        }
      } finally {
        path.pop();
      }
    }

    function write (item, depth) {
      switch (typeof item) {
        case 'string':
          writeString(item, true);
          return;
        case 'number':
          put(Object.is(item, -0) ? '-0' : String(item));
          return;
        case 'bigint':
          put(String(item) + 'n');
          return;
        case 'boolean':
        case 'undefined':
          put(String(item));
          return;
        case 'symbol':
          put(attempt(() => item.toString(), 'Symbol()'));
          return;
        case 'function': {
          const name = attempt(() => item.name, '');
          put(`ƒ ${typeof name === 'string' ? name : ''}()`);
          return;
        }
      }
      if (item === null) {
        put('null');
        return;
      }
      if (attempt(() => item instanceof Error, false) || tagOf(item) === 'Error') {
        const name = attempt(() => String(item.name), 'Error');
        const message = attempt(() => String(item.message), '');
        writeString(message ? `${name}: ${message}` : name, false);
        return;
      }
      if (attempt(() => item instanceof Promise, false)) {
        put('Promise');
        return;
      }
      if (attempt(() => typeof Node !== 'undefined' && item instanceof Node, false)) {
        writeElement(item);
        return;
      }
      if (item === window) {
        put('Window');
        return;
      }
      const tag = tagOf(item);
      if (tag === 'Date') {
        put(attempt(() => item.toISOString(), 'Invalid Date'));
        return;
      }
      if (tag === 'RegExp') {
        put(attempt(() => String(item), '/…/'));
        return;
      }
      writeObject(item, depth);
    }

    try {
      write(value, 0);
    } catch (error) {
      if (error !== FULL)
        text += '…';
    }
    return text.length > max ? text.slice(0, max - 1) + '…' : text;
  }

  // console.log's arguments as browsers print them: printf-style substitutions in a leading
  // string, then the other arguments separated by spaces, strings as they are.
  function formatArgs (args) {
    const parts = [];
    let rest = 0;
    if (typeof args[0] === 'string') {
      let next = 1;
      parts.push(args[0].replace(/%([sdifoOc%])/g, (match, spec) => {
        if (spec === '%')
          return '%';
        if (next >= args.length)
          return match;
        const arg = args[next++];
        switch (spec) {
          case 's':
            return typeof arg === 'string' ? arg : preview(arg);
          case 'd':
          case 'i':
            return typeof arg === 'object' || typeof arg === 'symbol' ? 'NaN' : String(parseInt(arg, 10));
          case 'f':
            return typeof arg === 'symbol' ? 'NaN' : String(parseFloat(arg));
          case 'c':
            return '';
          default:
            return preview(arg);
        }
      }));
      rest = next;
    }
    for (let i = rest; i < args.length; i++)
      parts.push(typeof args[i] === 'string' ? args[i] : preview(args[i]));
    return capText(parts.join(' '));
  }

  // ---- Where a call came from ------------------------------------------------------------

  // JavaScriptCore's frames: "name@url:line:column", "@url:…" or "url:…" for anonymous and
  // global code, "name@[native code]" without a place.
  const FRAME = /^(?:([^@]*)@)?(.+):(\d+):(\d+)$/;

  function parseFrame (line) {
    const match = FRAME.exec(line);
    if (!match || !/^[a-z][\w+.-]*:/i.test(match[2]))
      return null;
    return { file: match[2], line: Number(match[3]), column: Number(match[4]) };
  }

  function ownerOf (url) {
    const widgets = window.CabinetWidgets;
    return widgets && widgets.ownerOf ? widgets.ownerOf(url) : null;
  }

  // Where a stack points: the first frame outside the cabinet's own scripts, and the widget
  // that owns the first frame that belongs to one (a library a widget loaded by URL logs on
  // its widget's behalf). Without such a frame it is the cabinet's own line: the first
  // frame outside the host's entry points (PLUMBING).
  function siteOfStack (stack) {
    let site = null;
    let own = null;
    for (const line of String(stack || '').split('\n')) {
      const frame = parseFrame(line.trim());
      if (!frame)
        continue;
      if (frame.file.startsWith(HOST_BASE)) {
        if (!own && !PLUMBING.has(frame.file.split('?')[0]))
          own = frame;
        continue;
      }
      site = site || frame;
      const widget = ownerOf(frame.file);
      if (widget)
        return Object.assign({}, site, { widget: widget.id, widgetLabel: widget.label });
    }
    return Object.assign({}, site || own || {}, { widget: '', widgetLabel: CABINET_LABEL });
  }

  // The site recentSite() found in the current task, if any.
  let recent = null;

  // The caller's site: { widget, widgetLabel, file?, line?, column? }.
  function callSite () {
    recent = null;
    let stack = '';
    const saved = Error.stackTraceLimit;
    try {
      Error.stackTraceLimit = STACK_DEPTH;
      stack = new Error().stack;
    } catch (error) {
      // A widget froze Error: take the stack at its usual depth.
      stack = attempt(() => new Error().stack, '');
    } finally {
      attempt(() => { Error.stackTraceLimit = saved; });
    }
    return siteOfStack(stack);
  }

  // { file, line, column } of a site, without the members it does not know: a problem's
  // location travels to the app, which takes a missing member as "unknown".
  function locationOf (site) {
    const location = {};
    for (const key of ['file', 'line', 'column'])
      if (site && site[key] !== undefined && site[key] !== null)
        location[key] = site[key];
    return location;
  }

  // A stack trace costs microseconds, too much for each line of a widget that logs in a loop
  // once the window is full and the line is only counted. Until the current task ends, no
  // other widget's code runs unless the host calls it (then it calls newCaller()): the site
  // found first in a task stands for the rest of it.
  function newCaller () {
    recent = null;
  }

  function recentSite () {
    if (recent)
      return recent;
    const site = callSite();
    recent = site;
    queueMicrotask(newCaller);
    return site;
  }

  // ---- Console capture -------------------------------------------------------------------

  const CONSOLE_LEVELS = { debug: 'debug', log: 'info', info: 'info', warn: 'warning', error: 'error' };
  // Set while an entry is being made: a getter that logs while we preview it, or anything
  // the capture itself logs, goes to the Web Inspector only.
  let capturing = false;

  function captureConsole (method, args) {
    if (capturing)
      return;
    capturing = true;
    try {
      if (!accepting()) {
        drop(recentSite().widget, 'console');
        return;
      }
      const site = callSite();
      record(Object.assign(site, {
        kind: 'console',
        level: CONSOLE_LEVELS[method],
        name: 'console.' + method,
        message: formatArgs(args),
      }));
    } catch (error) {
      rawConsole.error('Cabinet Inspector: could not record a console line', error);
    } finally {
      capturing = false;
    }
  }

  for (const method of Object.keys(CONSOLE_LEVELS)) {
    const original = console[method];
    if (typeof original !== 'function')
      continue;
    // The original still runs, so the Web Inspector's console shows every line as before.
    console[method] = function (...args) {
      captureConsole(method, args);
      return original.apply(this, args);
    };
  }

  function describeThrown (value) {
    if (value && typeof value === 'object' && attempt(() => value instanceof Error, false))
      return preview(value, MAX_MESSAGE);
    return typeof value === 'string' ? value : preview(value);
  }

  // WebKit hides what a timer callback of a script from another origin threw ("Script
  // error."), even when the script was served with CORS headers: for timers it does not know
  // which script the code came from. So timer callbacks run in a try/catch that records the
  // error itself and throws it on: the browser and the Web Inspector still see it uncaught.
  let thrownByTimer = null;

  function recordThrownByTimer (error) {
    const site = attempt(() => siteOfStack(error && error.stack), null) || { widget: '', widgetLabel: CABINET_LABEL };
    record({
      kind: 'console',
      level: 'error',
      name: 'uncaught',
      message: `Uncaught ${describeThrown(error)}`,
      widget: site.widget,
      widgetLabel: site.widgetLabel,
      file: site.file,
      line: site.line,
      column: site.column,
    });
  }

  for (const name of ['setTimeout', 'setInterval', 'requestAnimationFrame']) {
    const original = window[name];
    window[name] = function (callback, ...rest) {
      if (typeof callback !== 'function')
        return original.call(window, callback, ...rest);
      return original.call(window, function (...args) {
        try {
          return callback.apply(this, args);
        } catch (error) {
          recordThrownByTimer(error);
          thrownByTimer = error;
          throw error;
        }
      }, ...rest);
    };
  }

  // Uncaught errors of any script. Resource errors (an <img> that did not load) are plain
  // Events, not ErrorEvents, and do not bubble to window: they are not uncaught errors.
  window.addEventListener('error', (event) => {
    if (!(event instanceof ErrorEvent))
      return;
    // What a timer callback threw is on record already, with its details.
    if (thrownByTimer !== null) {
      const known = event.error === thrownByTimer || event.message === 'Script error.';
      thrownByTimer = null;
      if (known)
        return;
    }
    // Code without a URL (the Web Inspector's console, evaluated scripts) has none to show.
    const file = /^[a-z][\w+.-]*:/i.test(event.filename || '') ? event.filename : undefined;
    const owner = file ? ownerOf(file) : null;
    const stackSite = event.error && event.error.stack ? siteOfStack(event.error.stack) : null;
    const site = owner ? { widget: owner.id, widgetLabel: owner.label }
      : (stackSite || { widget: '', widgetLabel: CABINET_LABEL });
    let text = event.error !== undefined && event.error !== null ? describeThrown(event.error) : event.message;
    if (text === 'Script error.' && !file)
      text += ' (in a script served without CORS headers: the browser hides its details; the Web ' +
        "Inspector's console shows them)";
    record({
      kind: 'console',
      level: 'error',
      name: 'uncaught',
      message: `Uncaught ${text}`,
      widget: site.widget,
      widgetLabel: site.widgetLabel,
      file: file || (stackSite && stackSite.file),
      line: file ? event.lineno : stackSite && stackSite.line,
      column: file ? event.colno : stackSite && stackSite.column,
    });
  });

  window.addEventListener('unhandledrejection', (event) => {
    const reason = event.reason;
    const stack = reason && typeof reason === 'object' ? attempt(() => reason.stack, '') : '';
    const site = stack ? siteOfStack(stack) : { widget: '', widgetLabel: CABINET_LABEL };
    // JavaScriptCore's own properties name the place an error was made more reliably.
    const sourceURL = reason && typeof reason === 'object' ? attempt(() => reason.sourceURL, '') : '';
    const located = typeof sourceURL === 'string' && sourceURL && !sourceURL.startsWith(HOST_BASE)
      ? { file: sourceURL, line: reason.line, column: reason.column } : {};
    record(Object.assign({}, site, located, {
      kind: 'console',
      level: 'error',
      name: 'unhandledrejection',
      message: `Uncaught (in promise) ${describeThrown(reason)}`,
    }));
  });

  window.CabinetEvents = Object.freeze({
    CABINET_LABEL,
    record,
    afterFlush,
    flushNow,
    accepting,
    drop,
    entry,
    preview,
    formatArgs,
    callSite,
    recentSite,
    newCaller,
    siteOfStack,
    locationOf,
    problem,
    lifecycle,
    rawConsole,
  });
})();
