// SPDX-License-Identifier: GPL-3.0-or-later
// Failure: the callbacks object has no registerWidgetsBarSlot, which is mandatory. The host should
// say e.g. "missing-register.js: the callbacks object has no registerWidgetsBarSlot (mandatory)".
// Whether the host still calls initLead is its choice; if it does, window.__testLog gets
// { widget: 'missing-register', event: 'initLead' } (and 'cleanup' when the widget is torn down).
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  initAmocrmWidgetSdk({ version: '1.0.0' })

  function log (event) {
    window.__testLog = window.__testLog || []
    window.__testLog.push({ widget: 'missing-register', event })
  }

  return {
    initLead () {
      log('initLead')
      return () => log('cleanup')
    },
  }
})
