// SPDX-License-Identifier: GPL-3.0-or-later
// Drift (SPEC §2): calls initAmocrmWidgetSdk() without options.version, which is mandatory.
// The host should tolerate it and warn, e.g. "no-sdk-version.js called initAmocrmWidgetSdk()
// without options.version; pass { version: '1.0.0' }". Otherwise the widget works: it renders
// and reports in data-result { sdkType, methodKeys, currencySymbol }.
define(['amocrm-sdk', 'jquery'], function (initAmocrmWidgetSdk, $) {
  const WidgetSdk = initAmocrmWidgetSdk()

  function log (event, data) {
    window.__testLog = window.__testLog || []
    window.__testLog.push({ widget: 'no-sdk-version', event, data })
  }

  return {
    initLead () {
      log('initLead')
    },
    registerWidgetsBarSlot (el) {
      const sys = WidgetSdk.methods.getState(WidgetSdk.constants.PUBLIC_STATE_ENTITIES.sys)
      const result = {
        sdkType: typeof WidgetSdk,
        methodKeys: Object.keys(WidgetSdk.methods),
        currencySymbol: sys ? sys.currencySymbol : null,
      }
      $(el).text('no-sdk-version: works')
      el.setAttribute('data-result', JSON.stringify(result))
      log('register', result)
    },
  }
})
