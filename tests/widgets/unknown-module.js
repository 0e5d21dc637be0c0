// SPDX-License-Identifier: GPL-3.0-or-later
// Failure: the module depends on 'moment', which the cabinet does not provide (SPEC §1: "a module
// id that the host does not provide is an error the developer must see by name"). Left to
// itself requirejs looks for moment.js under its baseUrl and fails with requireType
// 'scripterror', requireModules ['moment'] and 'Script error for "moment", needed by: …'.
// The host should say e.g. "unknown-module.js requires 'moment', which is not a host module
// (the cabinet provides: amocrm-sdk, import-modules, jquery, …)". The factory must never run;
// if it does, window.__testLog gets { widget: 'unknown-module', event: 'factory' }.
define(['amocrm-sdk', 'moment'], function (initAmocrmWidgetSdk, moment) {
  window.__testLog = window.__testLog || []
  window.__testLog.push({ widget: 'unknown-module', event: 'factory' })
  initAmocrmWidgetSdk({ version: '1.0.0' })
  return {
    initLead () {},
    registerWidgetsBarSlot (el) {
      el.textContent = moment().format('HH:mm')
    },
  }
})
