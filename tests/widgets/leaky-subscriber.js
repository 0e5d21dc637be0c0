// SPDX-License-Identifier: GPL-3.0-or-later
//
// leaky-subscriber: subscribes to `sys` and never unsubscribes, not even in its destroy
// function. Its callback logs { widget: 'leaky-subscriber', event: 'callback' } and then throws.
// The host must drop the subscription when the widget is reloaded or removed: the old instance
// is never called again, and a removed widget does not come back through an error it reports.
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  const WidgetSdk = initAmocrmWidgetSdk({ version: '1.0.0' })

  function log (event) {
    window.__testLog = window.__testLog || []
    window.__testLog.push({ widget: 'leaky-subscriber', event })
  }

  return {
    initLead () {},
    registerWidgetsBarSlot (el) {
      el.textContent = 'leaky-subscriber'
      log('register')
      WidgetSdk.methods.subscribe('sys', () => {
        log('callback')
        throw new Error('leaky callback')
      })
    },
  }
})
