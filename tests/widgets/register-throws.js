// SPDX-License-Identifier: GPL-3.0-or-later
// Failure: registerWidgetsBarSlot throws new Error('boom in registerWidgetsBarSlot') after
// initLead succeeded. The host should show "registerWidgetsBarSlot threw: Error: boom in
// registerWidgetsBarSlot" with the stack, and still run initLead's cleanup when the widget is
// torn down. window.__testLog gets, under widget 'register-throws': initLead, register, cleanup.
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  initAmocrmWidgetSdk({ version: '1.0.0' })

  function log (event) {
    window.__testLog = window.__testLog || []
    window.__testLog.push({ widget: 'register-throws', event })
  }

  return {
    initLead () {
      log('initLead')
      return () => log('cleanup')
    },
    registerWidgetsBarSlot () {
      log('register')
      throw new Error('boom in registerWidgetsBarSlot')
    },
  }
})
