// SPDX-License-Identifier: GPL-3.0-or-later
// Failure: a SystemJS module (System.register), not AMD. In the cabinet there is no `System`, so
// the script throws "ReferenceError: Can't find variable: System" (JavaScriptCore) on line 7 and
// define() is never called. The host should name the format, e.g. "system-register.js is a
// SystemJS module (System.register), not an AMD module: build personal_page.js as AMD
// (define([...], factory))".
System.register(['amocrm-sdk', 'jquery'], function (_export, _context) {
  let initAmocrmWidgetSdk, $
  return {
    setters: [
      (module) => { initAmocrmWidgetSdk = module.default },
      (module) => { $ = module.default },
    ],
    execute () {
      initAmocrmWidgetSdk({ version: '1.0.0' })
      _export('default', {
        initLead () {},
        registerWidgetsBarSlot (el) { $(el).text('system-register') },
      })
    },
  }
})
