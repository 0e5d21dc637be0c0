// SPDX-License-Identifier: GPL-3.0-or-later
//
// cleanup-not-function: initLead returns 42 instead of a cleanup function or nothing. The
// widget still renders. Expected: `cleanup-not-function` ("initLead returned 42; it may return
// a cleanup function or nothing").
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  initAmocrmWidgetSdk({ version: '1.0.0' })

  return {
    initLead () {
      return 42
    },
    registerWidgetsBarSlot (el) {
      el.textContent = 'cleanup-not-function: rendered'
    },
  }
})
