// SPDX-License-Identifier: GPL-3.0-or-later
//
// sdk-version-unsupported: asks the SDK for version 9.9.9, which the cabinet does not have.
// Expected: `sdk-version-unsupported` (an error) naming the versions the cabinet supports.
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  initAmocrmWidgetSdk({ version: '9.9.9' })

  return {
    initLead () {},
    registerWidgetsBarSlot (el) {
      el.textContent = 'sdk-version-unsupported: rendered'
    },
  }
})
