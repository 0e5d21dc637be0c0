// SPDX-License-Identifier: GPL-3.0-or-later
// Starts the cabinet: asks the app for the state and the widgets, renders, runs the widgets,
// and from then on applies what the app pushes through CabinetHost.receive().
'use strict';

(function () {
  const Sdk = window.CabinetSdk;
  let view = {};

  function currentView () {
    return Object.assign({}, view, {
      sys: Sdk.getEntity('sys'),
      lead: Sdk.getEntity('lead'),
      leadFields: Sdk.getEntity('leadFields'),
      authors: Sdk.getEntity('authors'),
    });
  }

  function render () {
    try {
      window.CabinetView.render(currentView());
      // A new sys.lang: the widgets' items and the open popups, which a render does not
      // rebuild, take the new language in place; the widgets keep running untouched.
      window.CabinetI18n.refresh();
    } catch (error) {
      // The cabinet's own rendering must never take the widgets down with it.
      console.error('Cabinet Inspector: rendering the cabinet failed', error);
    }
  }

  function applyEntities (entities) {
    for (const name of Sdk.ENTITY_NAMES) {
      if (entities && name in entities)
        Sdk.setEntity(name, entities[name]);
    }
  }

  // The state of a lead switch that waits in the lifecycle queue (its widgets' teardown
  // comes first). Edits that arrive meanwhile go into it, not under it.
  let pendingSwitch = null;

  // What APP reads (the users' status, the account's address) is not an SDK entity: it
  // applies at once, even while a lead switch waits for the widgets' teardown.
  function applyAppState (message) {
    if (message.users)
      window.CabinetApp.setUsers(message.users);
    if (typeof message.accountAddress === 'string')
      window.CabinetApp.setAccountAddress(message.accountAddress);
  }

  const handlers = {
    // One edit of the model: whole entities, member patches, and what the page shows.
    update (message) {
      applyAppState(message);
      if (pendingSwitch) {
        const target = pendingSwitch.entities;
        Object.assign(target, message.entities);
        for (const [name, patch] of Object.entries(message.patches || {})) {
          target[name] = Object.assign({}, target[name] || Sdk.getEntity(name));
          for (const [key, value] of Object.entries(patch)) {
            if (value === null)
              delete target[name][key];
            else
              target[name][key] = value;
          }
        }
        pendingSwitch.view = message.view || pendingSwitch.view;
        pendingSwitch.routerQuery = message.routerQuery || pendingSwitch.routerQuery;
        return;
      }
      if (message.view)
        view = message.view;
      if (message.routerQuery)
        Sdk.setRouterQuery(message.routerQuery);
      const changed = Sdk.update(message.entities, message.patches);
      // A change of APP's state alone leaves the cabinet as it is drawn.
      if (changed.length === 0 && !message.view && !message.routerQuery)
        return;
      // A field's new value redraws its row; anything else redraws the cabinet.
      const fieldsOnly = !message.view && changed.length === 1 && changed[0] === 'leadFields' &&
        message.patches && message.patches.leadFields && !(message.entities && message.entities.leadFields);
      if (!(fieldsOnly && window.CabinetView.updateFields(Object.keys(message.patches.leadFields), currentView())))
        render();
    },
    'lead-switch' (message) {
      applyAppState(message);
      pendingSwitch = { entities: Object.assign({}, message.entities), view: message.view,
        routerQuery: message.routerQuery };
      return window.CabinetWidgets.switchLead(() => {
        // A later switch queued behind this one has already been folded in.
        if (!pendingSwitch)
          return;
        const latest = pendingSwitch;
        pendingSwitch = null;
        view = latest.view || view;
        Sdk.setRouterQuery(latest.routerQuery);
        applyEntities(latest.entities);
        render();
      });
    },
    'add-widget' (message) {
      window.CabinetWidgets.add(message.widget);
    },
    'reload-widgets' () {
      return window.CabinetWidgets.reloadAll();
    },
    // Hot reload: one widget's files changed (the app watches and polls them).
    'reload-widget' (message) {
      const widget = window.CabinetWidgets.get(message.id);
      return widget ? window.CabinetWidgets.reload(widget, message.contentHash, message.manifestProblems) : undefined;
    },
    'widget-content' (message) {
      const widget = window.CabinetWidgets.get(message.id);
      if (widget)
        window.CabinetWidgets.setContentHash(widget, message.contentHash);
    },
    'remove-widget' (message) {
      return window.CabinetWidgets.remove(message.id);
    },
    users (message) {
      window.CabinetApp.setUsers(message.users);
    },
    calling (message) {
      window.CabinetApp.setCalling(message.calling);
    },
    'remembered-errors' (message) {
      window.CabinetApp.setRememberedErrors(message.rememberedErrors);
    },
    // The app's Notifications page fires a popup as a widget would.
    notify (message) {
      window.CabinetApp.fire(message.kind, message.data);
    },
  };

  function dispatch (message) {
    const handler = message && handlers[message.type];
    if (handler)
      return handler(message);
    console.error('Cabinet Inspector: unknown message from the app', message && message.type);
  }

  // What the app pushes after its hello but before the page has applied the hello's reply
  // waits for it, so that no change is applied to a cabinet that has not started.
  let started = false;
  const early = [];

  window.CabinetHost = Object.freeze({
    receive (message) {
      if (!started) {
        early.push(message);
        return undefined;
      }
      return dispatch(message);
    },
  });

  // The hello goes out at once and the catalogues (a few local files) load meanwhile; the
  // reply is applied once both are there, so the first render is in sys.lang's language.
  performance.mark('cabinet:hello');
  Promise.all([window.CabinetBridge.call('hello'), window.CabinetI18n.ready]).then(([hello]) => {
    performance.mark('cabinet:hello-reply');
    view = hello.view || {};
    Sdk.setRouterQuery(hello.routerQuery);
    window.CabinetApp.setUsers(hello.users);
    window.CabinetApp.setCalling(hello.calling);
    window.CabinetApp.setRememberedErrors(hello.rememberedErrors);
    window.CabinetApp.setAccountAddress(hello.accountAddress);
    applyEntities(hello.entities);
    // Widgets first: their scripts load while the cabinet's first layout runs. One widget the
    // app could not describe must not keep the others, or the cabinet, from starting.
    for (const widget of hello.widgets || []) {
      try {
        window.CabinetWidgets.add(widget);
      } catch (error) {
        console.error('Cabinet Inspector: could not add a widget', widget, error);
      }
    }
    render();
    performance.mark('cabinet:rendered');
    document.documentElement.dataset.cabinetReady = 'true';
    started = true;
    for (const message of early.splice(0))
      dispatch(message);
  }, (error) => {
    console.error('Cabinet Inspector: the app did not answer', error);
  });
})();
