// SPDX-License-Identifier: GPL-3.0-or-later
// window.AMOCRM.developer.addWidget (seeds/personal-page.md), without amoCRM's three limits:
// the widget survives lead switches, the cabinet's other widgets stay, and it can be removed.
'use strict';

(function () {
  let consoleCount = 0;

  function addWidget (widgetParams) {
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
    window.CabinetWidgets.add({
      id: `console-${Date.now().toString(36)}-${consoleCount}`,
      label: url.host ? `${url.host}${url.pathname === '/' ? '' : url.pathname}` : url.href,
      script: url.href,
      // amoCRM passes the given token through as it is; an omitted one is empty.
      token: typeof token === 'string' ? token : '',
      origin: 'console',
    });
    // The documented return value is void.
  }

  const AMOCRM = window.AMOCRM || {};
  AMOCRM.developer = Object.freeze({ addWidget });
  window.AMOCRM = AMOCRM;
})();
