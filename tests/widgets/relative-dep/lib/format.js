// SPDX-License-Identifier: GPL-3.0-or-later
//
// relative-dep/lib/format: loaded through './lib/format' from personal_page.js. It names its own
// relative dependency, './strings', which must resolve to lib/strings.js.
define(['module', './strings', 'lodash'], function (module, strings, _) {
  return {
    origin: { id: module.id, uri: module.uri },
    stringsOrigin: strings.origin,
    greeting (name, tags) {
      return strings.prefix + ': ' + strings.hello + ', ' + name + '! [' + _.join(tags, ', ') + ']'
    },
  }
})
