// SPDX-License-Identifier: GPL-3.0-or-later
//
// state-probe: lets a UI test see exactly what a widget sees after a panel edit. When its slot
// is registered it subscribes to every PUBLIC_STATE_ENTITIES value (without
// withInitialResult, so only edits are recorded) and keeps each call's full value, copied.
// Exposed as window.__probe:
//   calls                 [{ entity, value }] in order, value a JSON copy of what the callback got
//   count(entity)         how many calls that entity's subscriber had
//   last(entity)          the value of its latest call (undefined before any)
//   getState(entity)      methods.getState(entity), as the widget would call it
//   getRouterQuery()      methods.getRouterQuery()
// data-result: { subscribed: true, calls: <number of calls> }, updated on every call.
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  const { methods, constants } = initAmocrmWidgetSdk({ version: '1.0.0' })
  const ENTITIES = constants.PUBLIC_STATE_ENTITIES

  function log (event, data) {
    window.__testLog = window.__testLog || []
    window.__testLog.push({ widget: 'state-probe', event, data })
  }

  const calls = []
  const probe = {
    calls,
    count (entity) {
      return calls.filter((call) => call.entity === entity).length
    },
    last (entity) {
      const mine = calls.filter((call) => call.entity === entity)
      return mine.length > 0 ? mine[mine.length - 1].value : undefined
    },
    getState (entity) {
      return methods.getState(entity)
    },
    getRouterQuery () {
      return methods.getRouterQuery()
    },
  }

  return {
    initLead () {
      log('initLead')
    },
    registerWidgetsBarSlot (el) {
      function publish () {
        el.setAttribute('data-result', JSON.stringify({ subscribed: true, calls: calls.length }))
        el.textContent = 'state-probe: ' + calls.length + ' calls'
      }

      const unsubscribers = Object.values(ENTITIES).map((entity) => methods.subscribe(entity, (value) => {
        calls.push({ entity, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) })
        log('callback', { entity })
        publish()
      }))
      window.__probe = probe
      publish()
      log('register')

      return () => {
        unsubscribers.forEach((unsubscribe) => unsubscribe())
        log('destroy')
      }
    },
  }
})
