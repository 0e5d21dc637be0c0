// SPDX-License-Identifier: GPL-3.0-or-later
//
// endless-loop: initLead never returns, so the page's main thread is stuck for good. The app
// must stay responsive, say that the cabinet page is not responding, and offer to stop it.
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  initAmocrmWidgetSdk({ version: '1.0.0' })

  return {
    initLead () {
      for (;;) {
        // Deliberately empty: the hang is the test.
      }
    },
    registerWidgetsBarSlot () {},
  }
})
