// SPDX-License-Identifier: GPL-3.0-or-later
//
// relative-dep: a folder widget whose personal_page.js requires './lib/format', which in turn
// requires './strings' (lib/strings.js, relative to lib/, not to the widget's root) and the host
// module 'lodash'. It proves that relative AMD dependencies resolve against the URL of the module
// that names them, wherever the widget is served from, and that host ids still resolve inside a
// widget's own submodules. It renders the formatted text and reports in data-result:
//   { text, format: { id, uri }, strings: { id, uri } }
// text is 'relative-dep: Hello, cabinet! [a, b]'; the uris are the URLs requirejs loaded the two
// submodules from (they must lie in this folder).
define(['./lib/format', 'jquery'], function (format, $) {
  function log (event, data) {
    window.__testLog = window.__testLog || []
    window.__testLog.push({ widget: 'relative-dep', event, data })
  }

  return {
    initLead (params) {
      log('initLead', { token: params.token })
    },
    registerWidgetsBarSlot (el) {
      const text = format.greeting('cabinet', ['a', 'b'])
      $(el).text(text)

      const result = { text, format: format.origin, strings: format.stringsOrigin }
      el.setAttribute('data-result', JSON.stringify(result))
      log('register', result)
    },
  }
})
