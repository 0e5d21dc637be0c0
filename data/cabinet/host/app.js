// SPDX-License-Identifier: GPL-3.0-or-later
// window.APP of the amoCRM interface, the part SPEC §3 names: APP.notifications (popups in the
// bottom-left corner, drawn by notifications.js) and APP.sdk (users' online status, the
// "calling" flag). window.CabinetApp is the host's side, fed by boot.js from the app.
//
// Classic widgets call APP directly, not through an SDK instance, so who called is read from
// the stack: the first frame of a widget's script. Every call goes to the event log, and
// every member APP does not have is a contract problem of the widget that asked for it.
'use strict';

(function () {
  const Events = window.CabinetEvents;
  const CABINET = Object.freeze({ widget: '', widgetLabel: Events.CABINET_LABEL });

  let users = {};
  let calling = false;
  let rememberedErrors = new Set();
  let accountAddress = '';

  // Who called APP. A widget calling in a loop while the log's window is full is only
  // counted, so the cheap answer will do (CabinetEvents.recentSite).
  function caller () {
    return Events.accepting() ? Events.callSite() : Events.recentSite();
  }

  function widgetOf (who) {
    return who.widget && window.CabinetWidgets ? window.CabinetWidgets.get(who.widget) : null;
  }

  // An entry of kind "app" for `who` (a call site of CabinetEvents.callSite()).
  function log (who, name, level, message) {
    Events.record({
      kind: 'app',
      level,
      name,
      message,
      widget: who.widget,
      widgetLabel: who.widgetLabel,
      file: who.file,
      line: who.line,
      column: who.column,
    });
  }

  function logCall (who, name, args, result, level) {
    const shown = args.map((arg) => Events.preview(arg)).join(', ');
    const short = name.slice(name.lastIndexOf('.') + 1);
    log(who, name, level || 'info', `${short}(${shown})` + (result === undefined ? '' : ` → ${Events.preview(result)}`));
  }

  // A callback the widget handed to APP runs as the widget's own code: when it throws, that is
  // the widget's callback-threw problem, and nothing reaches the caller of the callback.
  function runCallback (who, fn, what, arg) {
    const widget = widgetOf(who);
    if (widget)
      return widget.call(fn, what, arg);
    try {
      return fn(arg);
    } catch (error) {
      window.CabinetWidgets.problemFromPage(null, 'callback-threw', 'error',
        `${what} threw ${Events.preview(error, 1000)}`, Events.locationOf(Events.siteOfStack(error && error.stack)));
      return undefined;
    }
  }

  // ---- APP.notifications -----------------------------------------------------------------

  // Whatever n_data holds, the widget's call returns normally: what is wrong is logged.
  function show (type, name, data, who, extra) {
    try {
      window.CabinetNotifications.show(type, data, Object.assign({
        who,
        warn: (message) => log(who, name, 'warning', message),
      }, extra));
    } catch (error) {
      log(who, name, 'error', `The cabinet could not show the notification: ${Events.preview(error, 1000)}`);
      Events.rawConsole.error('Cabinet Inspector: showing a notification failed', error);
    }
  }

  function addCall (nData, who) {
    logCall(who, 'APP.notifications.add_call', [nData]);
    show('call', 'APP.notifications.add_call', nData, who);
  }

  // A member of n_data as the popup shows it ('' when it is no string or number): a getter
  // that throws, or an object, must not make add_error throw.
  function textMember (object, key) {
    try {
      const value = object[key];
      return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    } catch (error) {
      return '';
    }
  }

  function addError (nData, callbacks, who) {
    const name = 'APP.notifications.add_error';
    const args = callbacks === undefined ? [nData] : [nData, callbacks];
    logCall(who, name, args);
    const data = nData && typeof nData === 'object' ? nData : {};
    const header = textMember(data, 'header');
    const body = textMember(data, 'text');
    const key = header + '\n' + body;

    if (rememberedErrors.has(key)) {
      log(who, name, 'info', `"${header}" not shown: the user closed this error before`);
    } else {
      show('error', name, nData, who, {
        onClose () {
          rememberedErrors.add(key);
          window.CabinetBridge.notify('error-closed', { header, text: body });
        },
      });
    }

    const handlers = callbackSet(callbacks, who);
    // amoCRM saves the message on its server: the app plays that server.
    // Outside the app nobody answers: that is a failed request (status 0), as in a browser.
    window.CabinetBridge.call('save-error', { header, text: body }).catch((error) => ({
      ok: false, status: 0, statusText: String(error && error.message ? error.message : error),
    })).then((reply) => {
      if (reply && reply.ok) {
        const number = reply.number;
        log(who, name, 'info', `The server saved "${header}" as message ${number}; calling done and always`);
        handlers.run('done', number);
        handlers.run('always', number);
      } else {
        const xhr = { status: reply && reply.status, statusText: reply && reply.statusText };
        log(who, name, 'warning', `The server did not save "${header}" (${xhr.status} ${xhr.statusText}); ` +
          'calling fail and always');
        handlers.run('fail', xhr);
        handlers.run('always', xhr);
      }
    });
  }

  // add_error's { done, fail, always }: each is optional, but what is there must be a function.
  function callbackSet (callbacks, who) {
    const name = 'APP.notifications.add_error';
    const valid = {};
    if (callbacks !== undefined && callbacks !== null) {
      if (typeof callbacks !== 'object') {
        log(who, name, 'warning', `add_error: callbacks should be an object { done, fail, always }, ` +
          `got ${window.CabinetSdk.describeValue(callbacks)}; none will be called`);
      } else {
        for (const key of ['done', 'fail', 'always']) {
          let fn;
          try {
            fn = callbacks[key];
          } catch (error) {
            fn = error;
          }
          if (typeof fn === 'function')
            valid[key] = fn;
          else if (fn !== undefined && fn !== null)
            log(who, name, 'warning', `add_error: callbacks.${key} should be a function, got ` +
              `${window.CabinetSdk.describeValue(fn)}; it is not called`);
        }
      }
    }
    return {
      run (key, arg) {
        if (valid[key])
          runCallback(who, valid[key], `The add_error callback ${key}`, arg);
      },
    };
  }

  function simple (type, name) {
    return function (...args) {
      const who = caller();
      logCall(who, name, args);
      show(type, name, args[0], who);
    };
  }

  const notifications = {
    add_call (nData) {
      addCall(nData, caller());
    },
    add_error (nData, callbacks) {
      addError(nData, callbacks, caller());
    },
    show_message: simple('message', 'APP.notifications.show_message'),
    show_message_error: simple('message-error', 'APP.notifications.show_message_error'),
    show_notification: simple('notification', 'APP.notifications.show_notification'),
  };

  // ---- APP.sdk ---------------------------------------------------------------------------

  function userList () {
    return Object.keys(users).map((key) => users[key]).filter((user) => user && typeof user === 'object');
  }

  function userId (user) {
    return String(user.id);
  }

  function userStatus (args) {
    const arg = args[0];
    if (arg === 'online')
      return userList().filter((user) => user.online === true).map(userId);
    if ((typeof arg === 'string' || typeof arg === 'number') && userList().some((user) => userId(user) === String(arg)))
      return userList().find((user) => userId(user) === String(arg)).online === true;
    return userList().map((user) => ({ id: userId(user), online: user.online === true }));
  }

  const sdk = {
    showUserStatus (...args) {
      const who = caller();
      const result = userStatus(args);
      logCall(who, 'APP.sdk.showUserStatus', args, result);
      return result;
    },

    setCallingStatus (...args) {
      const who = caller();
      const value = args[0];
      calling = Boolean(value);
      if (typeof value === 'boolean') {
        logCall(who, 'APP.sdk.setCallingStatus', args);
      } else {
        log(who, 'APP.sdk.setCallingStatus', 'warning', `setCallingStatus(${args.map((arg) => Events.preview(arg)).join(', ')}): ` +
          `expects true or false; ${window.CabinetSdk.describeValue(value)} was taken as ${calling}`);
      }
      window.CabinetBridge.notify('calling', { calling });
    },

    getCallingStatus (...args) {
      const who = caller();
      logCall(who, 'APP.sdk.getCallingStatus', args, calling);
      return calling;
    },
  };

  // ---- window.APP ------------------------------------------------------------------------

  // A read-only view that names what does not exist, attributed to the widget that asked.
  function guard (target, objectName) {
    return new Proxy(target, {
      get (object, key, receiver) {
        if (typeof key === 'string' && !(key in object) && !window.CabinetSdk.PROBED_MEMBERS.has(key)) {
          const site = caller();
          window.CabinetWidgets.problemFromPage(site.widget || null, 'unknown-sdk-member', 'error',
            `${objectName}.${key} does not exist. ${objectName} has: ${Object.keys(object).join(', ')}.`,
            Events.locationOf(site));
        }
        return Reflect.get(object, key, receiver);
      },
      set: () => false,
      defineProperty: () => false,
      deleteProperty: () => false,
      setPrototypeOf: () => false,
    });
  }

  const APP = guard({
    notifications: guard(notifications, 'APP.notifications'),
    sdk: guard(sdk, 'APP.sdk'),
  }, 'APP');
  Object.defineProperty(window, 'APP', { value: APP, enumerable: true });

  // ---- The host's side -------------------------------------------------------------------

  window.CabinetApp = Object.freeze({
    // { id: { id, name, online } }, as the state keeps them.
    setUsers (map) {
      users = map && typeof map === 'object' ? map : {};
    },
    setCalling (value) {
      calling = Boolean(value);
    },
    // ["header\ntext", …]: the errors the user closed, which are not shown again.
    setRememberedErrors (list) {
      rememberedErrors = new Set(Array.isArray(list) ? list.filter((key) => typeof key === 'string') : []);
    },
    setAccountAddress (url) {
      accountAddress = typeof url === 'string' ? url.replace(/\/+$/, '') : '';
    },
    getAccountAddress: () => accountAddress,
    // The app's Notifications page: a popup as a widget would fire it, but the cabinet's own.
    fire (kind, data) {
      if (kind === 'call') {
        addCall(data, CABINET);
      } else if (kind === 'error') {
        addError(data, {
          done: (number) => log(CABINET, 'APP.notifications.add_error', 'info', `done(${number})`),
          fail: (xhr) => log(CABINET, 'APP.notifications.add_error', 'warning',
            `fail({status: ${xhr.status}, statusText: ${Events.preview(xhr.statusText)}})`),
        }, CABINET);
      } else {
        Events.rawConsole.error('Cabinet Inspector: unknown notification kind', kind);
      }
    },
  });
})();
