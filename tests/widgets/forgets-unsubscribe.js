// SPDX-License-Identifier: GPL-3.0-or-later
//
// forgets-unsubscribe: subscribes to `lead` in initLead and never calls the unsubscribe
// function it gets back, in neither the cleanup nor the slot destroy function. Otherwise it
// works. Expected: `leaked-subscription` (a warning) on the lead switch and at destroy; the
// check still passes.
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  const sdk = initAmocrmWidgetSdk({ version: '1.0.0' })

  return {
    initLead () {
      sdk.methods.subscribe('lead', function () {})
    },
    registerWidgetsBarSlot (el) {
      el.textContent = 'forgets-unsubscribe: rendered'
    },
  }
})
