// SPDX-License-Identifier: GPL-3.0-or-later
//
// animation-frame: renders only in a requestAnimationFrame callback, and reports the width of
// the page it runs in. On screen that is immediate; a page no one sees (as --check runs it)
// would never run the callback unless the host gives it frames. Renders
// `animation-frame: drawn at <innerWidth>`.
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  initAmocrmWidgetSdk({ version: '1.0.0' })

  return {
    initLead () {},
    registerWidgetsBarSlot (el) {
      const frame = requestAnimationFrame(function () {
        el.textContent = 'animation-frame: drawn at ' + window.innerWidth
      })
      return function destroy () {
        cancelAnimationFrame(frame)
      }
    },
  }
})
