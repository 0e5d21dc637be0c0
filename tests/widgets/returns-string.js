// SPDX-License-Identifier: GPL-3.0-or-later
// Failure: the define factory returns a string instead of the callbacks object. The host should
// say e.g. "returns-string.js: the define() factory returned a string ('personal_page'); it must
// return { initLead, registerWidgetsBarSlot }".
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  initAmocrmWidgetSdk({ version: '1.0.0' })
  return 'personal_page'
})
