// SPDX-License-Identifier: GPL-3.0-or-later
// Failure: the define factory returns nothing, so the module's value is undefined instead of the
// callbacks object. The host should say e.g. "returns-undefined.js: the define() factory returned
// undefined; it must return { initLead, registerWidgetsBarSlot }".
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  initAmocrmWidgetSdk({ version: '1.0.0' })
  window.__testLog = window.__testLog || []
  window.__testLog.push({ widget: 'returns-undefined', event: 'factory' })
})
