// SPDX-License-Identifier: GPL-3.0-or-later
//
// lead-probe: what a widget sees of lead edits made in the app's panels. When the slot is
// registered it subscribes to lead, leadFields, sys and authors (no initial calls) and records
// every callback call, in order, as { entity, value }: value is the whole LeadModel for
// `lead`, the sorted ids of LeadFieldsModel for `leadFields`, and null for sys and authors
// (only the fact that they were called matters there).
// A test reads window.__leadProbe:
//   calls                   the recorded calls
//   getState(entity)        methods.getState(entity), as the widget sees it now
//   getRouterQuery()        methods.getRouterQuery()
// data-result carries { calls: number of calls } and is updated on every call.
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  const { methods, constants } = initAmocrmWidgetSdk({ version: '1.0.0' })
  const ENTITIES = constants.PUBLIC_STATE_ENTITIES

  function record (entity, value) {
    if (entity === ENTITIES.lead) {
      return value
    }
    if (entity === ENTITIES.leadFields) {
      return value ? Object.keys(value).sort() : null
    }
    return null
  }

  return {
    initLead () {},
    registerWidgetsBarSlot (el) {
      const calls = []
      const publish = () => {
        el.setAttribute('data-result', JSON.stringify({ calls: calls.length }))
        el.textContent = 'lead-probe: ' + calls.length + ' calls'
      }
      const unsubscribers = [ENTITIES.lead, ENTITIES.leadFields, ENTITIES.sys, ENTITIES.authors]
        .map((entity) => methods.subscribe(entity, (value) => {
          calls.push({ entity, value: record(entity, value) })
          publish()
        }))

      window.__leadProbe = {
        calls,
        getState: (entity) => methods.getState(entity),
        getRouterQuery: () => methods.getRouterQuery(),
      }
      publish()

      return () => unsubscribers.forEach((unsubscribe) => unsubscribe())
    },
  }
})
