// SPDX-License-Identifier: GPL-3.0-or-later
// window.AMOCRM.developer.addWidget (seeds/personal-page.md), without amoCRM's three limits:
// the widget survives lead switches, the cabinet's other widgets stay, and it can be removed.
'use strict';

(function () {
  let consoleCount = 0;

  // The call as the event log shows it. The token is a secret: only its length is shown.
  function describeCall (widgetParams) {
    const Events = window.CabinetEvents;
    if (!widgetParams || typeof widgetParams !== 'object')
      return `addWidget(${Events.preview(widgetParams)})`;
    let script;
    let token;
    try {
      ({ script, token } = widgetParams);
    } catch (error) {
      return 'addWidget({…})';
    }
    // Not even a wrong-typed token's value: only what it is.
    const shownToken = typeof token === 'string' ? `"…" (${token.length} characters)`
      : token === undefined ? null : `a ${token === null ? 'null' : typeof token} (not a string)`;
    return `addWidget({script: ${Events.preview(script)}` + (shownToken ? `, token: ${shownToken}` : '') + '})';
  }

  function addWidget (widgetParams) {
    const site = window.CabinetEvents.callSite();
    const message = describeCall(widgetParams);
    try {
      const id = add(widgetParams);
      log(site, 'info', `${message} → added as ${id}`);
    } catch (error) {
      log(site, 'error', `${message} threw ${error.name}: ${error.message}`);
      throw error;
    }
    // The documented return value is void.
  }

  function log (site, level, message) {
    window.CabinetEvents.record({
      kind: 'app',
      level,
      name: 'AMOCRM.developer.addWidget',
      message,
      widget: site.widget,
      widgetLabel: site.widgetLabel,
      file: site.file,
      line: site.line,
      column: site.column,
    });
  }

  function add (widgetParams) {
    if (!widgetParams || typeof widgetParams !== 'object')
      throw new TypeError("addWidget({ script, token }): pass an object, e.g. { script: 'http://localhost:3000', token: '' }");
    const { script, token } = widgetParams;
    if (typeof script !== 'string' || script === '')
      throw new TypeError('addWidget: widgetParams.script must be the URL of your widget\'s JS file');
    let url;
    try {
      url = new URL(script, window.location.href);
    } catch (error) {
      throw new TypeError(`addWidget: "${script}" is not a URL`);
    }
    if (token !== undefined && typeof token !== 'string')
      throw new TypeError('addWidget: widgetParams.token must be a string (it may be empty)');

    consoleCount += 1;
    const id = `console-${Date.now().toString(36)}-${consoleCount}`;
    window.CabinetWidgets.add({
      id,
      label: url.host ? `${url.host}${url.pathname === '/' ? '' : url.pathname}` : url.href,
      script: url.href,
      // amoCRM passes the given token through as it is; an omitted one is empty.
      token: typeof token === 'string' ? token : '',
      origin: 'console',
    });
    return id;
  }

  const AMOCRM = window.AMOCRM || {};
  AMOCRM.developer = Object.freeze({ addWidget });
  window.AMOCRM = AMOCRM;
})();
