// SPDX-License-Identifier: GPL-3.0-or-later
// Drift (SPEC §2): reads a class key other than widgetBarItemContainer from
// constants.GLOBAL_CLASS_NAMES (here 'widgetsBarItemContainer', with an extra "s", as earlier SDK
// builds spelt it). The value is undefined, so the widget's lookup of its own slot by class finds
// nothing. The host should name it, e.g. "wrong-class-key.js read
// GLOBAL_CLASS_NAMES.widgetsBarItemContainer, which does not exist; the key is
// widgetBarItemContainer". The widget keeps working and reports in data-result
//   { key, value, found } — value: what the key read (null for undefined); found: how many
// elements in the slot's parent carry the class it built ('.undefined' when the key is wrong).
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  const WidgetSdk = initAmocrmWidgetSdk({ version: '1.0.0' })
  const KEY = 'widgetsBarItemContainer'

  return {
    initLead () {},
    registerWidgetsBarSlot (el) {
      const className = WidgetSdk.constants.GLOBAL_CLASS_NAMES[KEY]
      const scope = el.parentNode || el
      const result = {
        key: KEY,
        value: className === undefined ? null : className,
        found: scope.querySelectorAll('.' + className).length,
      }
      el.setAttribute('data-result', JSON.stringify(result))
      el.textContent = 'wrong-class-key: found ' + result.found
      window.__testLog = window.__testLog || []
      window.__testLog.push({ widget: 'wrong-class-key', event: 'register', data: result })
    },
  }
})
