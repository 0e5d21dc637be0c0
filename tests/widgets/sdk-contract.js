// SPDX-License-Identifier: GPL-3.0-or-later
//
// sdk-contract: reports what initAmocrmWidgetSdk({ version: '1.0.0' }) hands a widget, for the
// test to compare with SPEC §2. Reported in data-result (when the slot is registered):
//   { sdkKeys, constants, methodKeys, state: { <entity>: getState(entity) }, unknown,
//     unknownIsNull, routerQuery, initLead: { paramKeys, tokenType } }
// state has one key for every value of PUBLIC_STATE_ENTITIES; unknown is getState('nope'),
// which must be null (JSON drops it if it is undefined, and unknownIsNull is then false).
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  const WidgetSdk = initAmocrmWidgetSdk({ version: '1.0.0' })
  const { methods, constants } = WidgetSdk
  let initLeadSeen = null

  function log (event, data) {
    window.__testLog = window.__testLog || []
    window.__testLog.push({ widget: 'sdk-contract', event, data })
  }

  function attempt (fn) {
    try {
      return fn()
    } catch (error) {
      return { error: String(error && error.message ? error.message : error) }
    }
  }

  return {
    initLead (params) {
      initLeadSeen = {
        paramKeys: Object.keys(params || {}),
        tokenType: typeof (params && params.token),
      }
      log('initLead', initLeadSeen)
    },
    registerWidgetsBarSlot (el) {
      const state = {}
      Object.keys(constants.PUBLIC_STATE_ENTITIES).forEach((key) => {
        const entity = constants.PUBLIC_STATE_ENTITIES[key]
        state[entity] = attempt(() => methods.getState(entity))
      })
      const unknown = attempt(() => methods.getState('nope'))

      const result = {
        sdkKeys: Object.keys(WidgetSdk),
        constants,
        methodKeys: Object.keys(methods),
        state,
        unknown,
        unknownIsNull: unknown === null,
        routerQuery: attempt(() => methods.getRouterQuery()),
        initLead: initLeadSeen,
      }
      el.setAttribute('data-result', JSON.stringify(result))
      el.textContent = 'sdk-contract: methods ' + result.methodKeys.join(', ')
      log('register', result)
    },
  }
})
