// SPDX-License-Identifier: GPL-3.0-or-later
//
// require-after-define: an anonymous define() followed, in the same script, by a require()
// (as bundles with a small loader of their own do). requirejs names an anonymous define()
// only at its script's load event; a require() that runs before that event used to find it
// waiting and throw "Mismatched anonymous define() module". The same happened when the
// bridge's reply that adds a widget arrived between another script's execution and its load
// event. The widget must start, and its require() must be answered.
// data-result: { required: true } once lodash arrived through the top-level require().
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  initAmocrmWidgetSdk({ version: '1.0.0' })
  return {
    initLead () {},
    registerWidgetsBarSlot (el) {
      el.textContent = 'require-after-define'
      const poll = setInterval(function () {
        if (window.__requiredAfterDefine) {
          clearInterval(poll)
          el.setAttribute('data-result', JSON.stringify({ required: true }))
        }
      }, 10)
      return function () {
        clearInterval(poll)
      }
    },
  }
})

require(['lodash'], function (lodash) {
  window.__requiredAfterDefine = typeof lodash.debounce === 'function'
})
