// SPDX-License-Identifier: GPL-3.0-or-later
// The host modules of SPEC §1: every id resolves, through requirejs, to the real library that
// the build copied from node_modules into the GResource. Nothing else resolves by a bare id.
'use strict';

(function () {
  const VENDOR = 'cabinet://app/vendor/';

  // id → file under vendor/, without ".js". immer gets an internal id: the cabinet provides
  // its two functions, not the package.
  const LIBRARY_PATHS = {
    jquery: 'jquery',
    react: 'react',
    'react-dom': 'react-dom',
    '@reduxjs/toolkit': 'redux-toolkit',
    'react-redux': 'react-redux',
    classnames: 'classnames',
    dateformat: 'dateformat',
    lodash: 'lodash',
    nanoid: 'nanoid',
    'cabinet-host/immer': 'immer',
  };

  const HOST_MODULE_IDS = Object.freeze([
    'amocrm-sdk', 'import-modules', 'jquery', 'react', 'react-dom', '@reduxjs/toolkit',
    'react-redux', 'immer.produce', 'immer.current', 'nanoid', 'classnames', 'dateformat', 'lodash',
  ]);

  // Module ids under these prefixes belong to a widget (see widgets.js) or to the host.
  const WIDGET_PREFIX = 'cabinet-widget-';
  const INTERNAL_PREFIX = 'cabinet-host/';

  // A widget's reload counter, consulted for cache-busting URLs; widgets.js fills it in.
  const reloadGenerations = new Map();

  requirejs.config({
    baseUrl: VENDOR,
    paths: LIBRARY_PATHS,
    waitSeconds: 15,
    // Only a widget's own scripts get a cache-busting argument, and only after a reload, so
    // that on the first load document.currentScript.src is exactly the URL the widget knows.
    urlArgs (id, url) {
      const match = /^cabinet-widget-([^/]+)\//.exec(id);
      const generation = match ? reloadGenerations.get(match[1]) : 0;
      if (!generation || generation < 2)
        return '';
      return (url.indexOf('?') === -1 ? '?' : '&') + 'cabinet-reload=' + generation;
    },
  });

  // The cabinet uses these itself, so in amoCRM they are loaded before any widget arrives:
  // load them now, while the widget's own script is on its way, not after it asks for them.
  requirejs(['jquery', 'dateformat']);

  define('immer.produce', ['cabinet-host/immer'], (immer) => immer.produce);
  define('immer.current', ['cabinet-host/immer'], (immer) => immer.current);

  function isUrl (id) {
    return /^\/|:|\?|\.js$/.test(id);
  }

  function isResolvable (id) {
    return Object.prototype.hasOwnProperty.call(LIBRARY_PATHS, id) ||
      HOST_MODULE_IDS.includes(id) ||
      id.startsWith(WIDGET_PREFIX) || id.startsWith(INTERNAL_PREFIX) || isUrl(id);
  }

  // requirejs would try to fetch an unknown bare id from baseUrl and fail with a vague
  // "Script error for …". The developer must see instead which id the host lacks.
  const originalLoad = requirejs.load;
  requirejs.load = function (context, moduleName, url) {
    if (isResolvable(moduleName))
      return originalLoad.call(this, context, moduleName, url);

    const error = new Error(`The cabinet does not provide a module named "${moduleName}". ` +
      `Host modules: ${HOST_MODULE_IDS.join(', ')}. Bundle the library into your widget ` +
      'or load it by a relative path ("./lib/…") or a full URL.');
    error.requireType = 'unknown-module';
    error.requireModules = [moduleName];
    context.onError(error);
  };

  // Which scripts called define(): a script that ran without it is not an AMD module, which is
  // a different mistake from a factory that returns nothing.
  //
  // An anonymous define() is also given the name of the module its script was loaded for.
  // requirejs names it only at the script's load event, and any require() that runs before
  // that event (WebKit lets the bridge's replies in between) finds an anonymous define()
  // waiting and fails with "Mismatched anonymous define() module": a widget added while
  // dateformat.js or another widget was loading never started.
  const scriptsThatDefined = new Set();
  const requireDefine = window.define;
  const trackingDefine = function (...args) {
    const script = document.currentScript;
    if (script && script.src) {
      const module = script.dataset.requiremodule;
      if (typeof args[0] !== 'string' && module && script.dataset.requirecontext === '_' &&
          !scriptsThatDefined.has(script.src))
        args.unshift(module);
      scriptsThatDefined.add(script.src);
    }
    return requireDefine.apply(this, args);
  };
  trackingDefine.amd = requireDefine.amd;
  window.define = trackingDefine;

  window.CabinetModules = Object.freeze({
    WIDGET_PREFIX,
    reloadGenerations,
    scriptCalledDefine: (url) => scriptsThatDefined.has(url),
    forgetScript: (url) => scriptsThatDefined.delete(url),
  });
})();
