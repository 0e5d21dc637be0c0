// SPDX-License-Identifier: GPL-3.0-or-later
// Failure: initLead throws new Error('boom in initLead'). The host should show "initLead threw:
// Error: boom in initLead" with the stack (this file, line 18) and should not call
// registerWidgetsBarSlot, since initLead never finished. window.__testLog gets
// { widget: 'initlead-throws', event: 'initLead' } and, if the host calls it anyway, 'register'.
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  initAmocrmWidgetSdk({ version: '1.0.0' })

  function log (event) {
    window.__testLog = window.__testLog || []
    window.__testLog.push({ widget: 'initlead-throws', event })
  }

  return {
    initLead () {
      log('initLead')
      // The error the host must report:
      throw new Error('boom in initLead')
    },
    registerWidgetsBarSlot (el) {
      log('register')
      el.textContent = 'initlead-throws: registered'
    },
  }
})
