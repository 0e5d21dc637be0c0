// SPDX-License-Identifier: GPL-3.0-or-later
//
// never-settles: initLead returns a Promise that never settles, so registerWidgetsBarSlot is
// never reached. The page keeps answering. Expected: `timeout` ("a callback or a Promise of
// the widget never settled"), within --check's --timeout.
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  initAmocrmWidgetSdk({ version: '1.0.0' })

  return {
    initLead () {
      return new Promise(function () {})
    },
    registerWidgetsBarSlot (el) {
      el.textContent = 'never-settles: registered'
    },
  }
})
