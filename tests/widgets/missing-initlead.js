// SPDX-License-Identifier: GPL-3.0-or-later
// Failure: the callbacks object has no initLead, which is mandatory. The host should say e.g.
// "missing-initlead.js: the callbacks object has no initLead (mandatory)" and not mount the slot.
// If the host calls registerWidgetsBarSlot anyway, window.__testLog gets
// { widget: 'missing-initlead', event: 'register' }.
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  initAmocrmWidgetSdk({ version: '1.0.0' })
  return {
    registerWidgetsBarSlot (el) {
      window.__testLog = window.__testLog || []
      window.__testLog.push({ widget: 'missing-initlead', event: 'register' })
      el.textContent = 'missing-initlead: registered'
    },
  }
})
