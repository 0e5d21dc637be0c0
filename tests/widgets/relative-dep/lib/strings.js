// SPDX-License-Identifier: GPL-3.0-or-later
//
// relative-dep/lib/strings: loaded through './strings' from lib/format.js.
define(['module'], function (module) {
  return {
    origin: { id: module.id, uri: module.uri },
    prefix: 'relative-dep',
    hello: 'Hello',
  }
})
