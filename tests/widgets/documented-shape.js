// SPDX-License-Identifier: GPL-3.0-or-later
//
// documented-shape: personal_page.js in exactly the shape the amoCRM document shows:
// define(['amocrm-sdk', 'jquery', 'dateformat'], factory) returning { initLead,
// registerWidgetsBarSlot }. It renders "Hello at <time>" into its slot with jQuery, the time being
// a fixed moment (21.11.2026 14:05) formatted with sys.timeFormat, and reports in data-result:
//   { timeFormat, text, hasClass, token }
// hasClass: whether the slot carries constants.GLOBAL_CLASS_NAMES.widgetBarItemContainer;
// token: params.token as initLead received it.
define(['amocrm-sdk', 'jquery', 'dateformat'], function (initAmocrmWidgetSdk, $, dateFormat) {
  const WidgetSdk = initAmocrmWidgetSdk({
    version: '1.0.0',
  })

  // A fixed moment, so the expected text does not depend on the clock.
  const FIXED_DATE = new Date(2026, 10, 21, 14, 5)
  let token = null

  function log (event, data) {
    window.__testLog = window.__testLog || []
    window.__testLog.push({ widget: 'documented-shape', event, data })
  }

  return {
    initLead (params) {
      token = params.token
      log('initLead', { token })

      return () => {
        log('cleanup')
      }
    },
    registerWidgetsBarSlot (el) {
      const $el = $(el)
      const sysData = WidgetSdk.methods.getState(WidgetSdk.constants.PUBLIC_STATE_ENTITIES.sys)
      const formattedTime = dateFormat(FIXED_DATE, sysData.timeFormat)

      $el.text('Hello at ' + formattedTime)

      const result = {
        timeFormat: sysData.timeFormat,
        text: $el.text(),
        hasClass: el.classList.contains(
          WidgetSdk.constants.GLOBAL_CLASS_NAMES.widgetBarItemContainer),
        token,
      }
      el.setAttribute('data-result', JSON.stringify(result))
      log('register', result)

      return () => {
        log('destroy')
      }
    },
  }
})
