// SPDX-License-Identifier: GPL-3.0-or-later
// Failure: the define factory returns a function (here one that looks like initLead) instead of
// the callbacks object. The host must not call it. It should say e.g. "returns-function.js: the
// define() factory returned a function; it must return { initLead, registerWidgetsBarSlot }".
// If the host does call it, window.__testLog gets { widget: 'returns-function', event: 'called' }.
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  initAmocrmWidgetSdk({ version: '1.0.0' })
  return function initLead () {
    window.__testLog = window.__testLog || []
    window.__testLog.push({ widget: 'returns-function', event: 'called' })
  }
})
