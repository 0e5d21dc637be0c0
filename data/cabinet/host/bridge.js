// SPDX-License-Identifier: GPL-3.0-or-later
// The page's only channel to the app: one WebKit message handler whose replies are Promises.
'use strict';

(function () {
  const handlers = window.webkit && window.webkit.messageHandlers;
  const handler = handlers && handlers.cabinet;
  // Keep our own reference: widget code runs in this same world and may replace window.webkit.
  const post = handler ? handler.postMessage.bind(handler) : null;

  // Object replies come as their JSON text, { json }, which keeps the order of their members
  // (src/web/cab-cabinet-bridge.c says why).
  function call (type, payload) {
    if (!post)
      return Promise.reject(new Error('Cabinet Inspector: the page runs outside the app'));
    return post({ type, payload: payload || {} }).then((reply) =>
      reply !== null && typeof reply === 'object' && typeof reply.json === 'string' ? JSON.parse(reply.json) : reply);
  }

  // For messages whose reply nobody needs; a failure to deliver must not reach widget code.
  function notify (type, payload) {
    call(type, payload).catch((error) => console.error('cabinet bridge:', type, error));
  }

  window.CabinetBridge = Object.freeze({ call, notify });
})();
