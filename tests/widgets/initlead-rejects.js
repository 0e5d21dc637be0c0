// SPDX-License-Identifier: GPL-3.0-or-later
// Failure: initLead returns Promise.reject(new Error('rejected in initLead')). The host should
// show "initLead rejected: Error: rejected in initLead" and should not call
// registerWidgetsBarSlot, since initLead never resolved. window.__testLog gets
// { widget: 'initlead-rejects', event: 'initLead' } and, if the host calls it anyway, 'register'.
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  initAmocrmWidgetSdk({ version: '1.0.0' })

  function log (event) {
    window.__testLog = window.__testLog || []
    window.__testLog.push({ widget: 'initlead-rejects', event })
  }

  return {
    initLead () {
      log('initLead')
      return Promise.reject(new Error('rejected in initLead'))
    },
    registerWidgetsBarSlot (el) {
      log('register')
      el.textContent = 'initlead-rejects: registered'
    },
  }
})
