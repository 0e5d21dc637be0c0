// SPDX-License-Identifier: GPL-3.0-or-later
//
// fields-probe: what a widget sees of the Fields page's edits (test-fields-page). When its slot
// is registered it subscribes to `leadFields` and `lead` (without withInitialResult, so only
// edits are recorded) and records every call, in order:
//   leadFields → { entity: 'leadFields', size, fields: { <id>: <the full field, copied> } }
//                 for the ids the test watches (an id the value lacks is recorded as null);
//                 size is the number of fields in the value
//   lead       → { entity: 'lead', value: <the whole LeadModel, copied> }
// Exposed as window.__fieldsProbe:
//   watch(ids)        the field ids whose full value leadFields calls record; clears the calls
//   reset()           clears the calls
//   calls             the calls
//   count(entity)     how many calls that entity's subscriber had
//   getState(entity)  methods.getState(entity), as a widget would call it
// data-result: { subscribed: true, calls: <number of calls> }, updated on every call.
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  const { methods, constants } = initAmocrmWidgetSdk({ version: '1.0.0' })
  const ENTITIES = constants.PUBLIC_STATE_ENTITIES

  function log (event, data) {
    window.__testLog = window.__testLog || []
    window.__testLog.push({ widget: 'fields-probe', event, data })
  }

  function copy (value) {
    return value === undefined ? null : JSON.parse(JSON.stringify(value))
  }

  let watched = []
  const calls = []
  let publish = () => {}

  const probe = {
    calls,
    watch (ids) {
      watched = ids.slice()
      calls.length = 0
      publish()
    },
    reset () {
      calls.length = 0
      publish()
    },
    count (entity) {
      return calls.filter((call) => call.entity === entity).length
    },
    getState (entity) {
      return methods.getState(entity)
    },
  }

  return {
    initLead () {
      log('initLead')
    },
    registerWidgetsBarSlot (el) {
      publish = () => {
        el.setAttribute('data-result', JSON.stringify({ subscribed: true, calls: calls.length }))
        el.textContent = 'fields-probe: ' + calls.length + ' calls'
      }

      const unsubscribeFields = methods.subscribe(ENTITIES.leadFields, (value) => {
        const fields = {}
        watched.forEach((id) => {
          fields[id] = value && id in value ? copy(value[id]) : null
        })
        calls.push({ entity: ENTITIES.leadFields, size: value ? Object.keys(value).length : 0, fields })
        log('callback', { entity: ENTITIES.leadFields })
        publish()
      })
      const unsubscribeLead = methods.subscribe(ENTITIES.lead, (value) => {
        calls.push({ entity: ENTITIES.lead, value: copy(value) })
        log('callback', { entity: ENTITIES.lead })
        publish()
      })
      window.__fieldsProbe = probe
      publish()
      log('register')

      return () => {
        unsubscribeFields()
        unsubscribeLead()
        log('destroy')
      }
    },
  }
})
