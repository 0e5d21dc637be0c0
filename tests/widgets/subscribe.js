// SPDX-License-Identifier: GPL-3.0-or-later
//
// subscribe: exercises methods.subscribe. When the slot is registered it subscribes to every
// entity, `sys` with { withInitialResult: true } and the others without, and records every
// callback call, in order, as { entity, value } where value is a small part of the entity:
//   sys → currencySymbol, lead → id, leadFields and authors → their number of keys (or null).
// It also makes one extra subscription to `sys`, unsubscribes it twice at once (which must not
// throw) and counts the calls that removed subscription receives (must stay 0).
// Reported in data-result, and updated on every call:
//   { calls: [{ entity, value }], initialCallWasSync, unsubscribeType, doubleUnsubscribe,
//     removedCalls, unsubscribedAt }
// initialCallWasSync: the withInitialResult call for `sys` arrived before subscribe() returned.
// doubleUnsubscribe: 'ok' or the error message of the second call.
// unsubscribedAt: calls.length when window.__subscribeWidget.unsubscribeAll() ran (null before);
// a test calls it, changes the state and checks that calls.length stays there.
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  const WidgetSdk = initAmocrmWidgetSdk({ version: '1.0.0' })
  const { methods, constants } = WidgetSdk
  const ENTITIES = constants.PUBLIC_STATE_ENTITIES

  function log (event, data) {
    window.__testLog = window.__testLog || []
    window.__testLog.push({ widget: 'subscribe', event, data })
  }

  // Enough of each value to tell which state it is, without copying whole entities into the log.
  function brief (entity, value) {
    if (value === null || value === undefined) {
      return null
    }
    if (entity === ENTITIES.sys) {
      return value.currencySymbol
    }
    if (entity === ENTITIES.lead) {
      return value.id
    }
    return Object.keys(value).length
  }

  return {
    initLead () {
      log('initLead')
    },
    registerWidgetsBarSlot (el) {
      const result = {
        calls: [],
        initialCallWasSync: false,
        unsubscribeType: null,
        doubleUnsubscribe: null,
        removedCalls: 0,
        unsubscribedAt: null,
      }

      function publish () {
        el.setAttribute('data-result', JSON.stringify(result))
        el.textContent = 'subscribe: ' + result.calls.length + ' calls'
      }

      let subscribing = true
      const unsubscribers = Object.keys(ENTITIES).map((key) => {
        const entity = ENTITIES[key]
        const options = entity === ENTITIES.sys ? { withInitialResult: true } : undefined
        return methods.subscribe(entity, (value) => {
          const call = { entity, value: brief(entity, value) }
          if (subscribing && entity === ENTITIES.sys) {
            result.initialCallWasSync = true
          }
          result.calls.push(call)
          log('callback', call)
          publish()
        }, options)
      })
      subscribing = false
      result.unsubscribeType = typeof unsubscribers[0]

      const removed = methods.subscribe(ENTITIES.sys, () => {
        result.removedCalls += 1
        log('removed-called')
        publish()
      })
      removed()
      try {
        removed()
        result.doubleUnsubscribe = 'ok'
      } catch (error) {
        result.doubleUnsubscribe = String(error && error.message ? error.message : error)
      }

      let active = true
      function unsubscribeAll () {
        if (!active) {
          return
        }
        active = false
        unsubscribers.forEach((unsubscribe) => unsubscribe())
        result.unsubscribedAt = result.calls.length
        log('unsubscribeAll', { calls: result.calls.length })
        publish()
      }
      window.__subscribeWidget = { unsubscribeAll }

      publish()
      log('register', { calls: result.calls.length })

      return () => {
        unsubscribeAll()
        log('destroy')
      }
    },
  }
})
