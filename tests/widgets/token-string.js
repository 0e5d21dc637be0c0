// SPDX-License-Identifier: GPL-3.0-or-later
// Drift (SPEC §2): treats initLead's argument as the token string, as code written against an
// earlier SDK build did, when it is { token }. token.split is then not a function and initLead
// throws "TypeError: token.split is not a function. (In 'token.split('.')', 'token.split' is
// undefined)" (JavaScriptCore) on line 22. The host should name the drift, e.g. "token-string.js:
// initLead received { token } (an object), not a string; read params.token". window.__testLog
// gets { widget: 'token-string', event: 'initLead', data: { argumentType } } before the throw,
// and 'register' if the host calls registerWidgetsBarSlot anyway.
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  initAmocrmWidgetSdk({ version: '1.0.0' })
  let claims = null

  function log (event, data) {
    window.__testLog = window.__testLog || []
    window.__testLog.push({ widget: 'token-string', event, data })
  }

  return {
    initLead (token) {
      log('initLead', { argumentType: typeof token })
      // The drift: the JWT's payload is the second of its three dot-separated parts.
      const parts = token.split('.')
      claims = JSON.parse(atob(parts[1].replace(/-/g, '+').replace(/_/g, '/')))
    },
    registerWidgetsBarSlot (el) {
      log('register', { claims })
      el.textContent = 'token-string: account ' + (claims ? claims.account_id : '?')
    },
  }
})
