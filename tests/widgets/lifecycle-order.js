// SPDX-License-Identifier: GPL-3.0-or-later
//
// lifecycle-order: the plain synchronous lifecycle. initLead returns a cleanup function,
// registerWidgetsBarSlot returns a destroy function, and each call goes into window.__testLog
// under widget 'lifecycle-order':
//   initLead { token, leadId, stateLeadId }, register { leadId }, destroy, cleanup
// leadId is getRouterQuery().leadId and stateLeadId is getState('lead').id at that moment, so a
// lead-switch test can check that the new lead is in place before initLead runs. On a lead switch
// SPEC §1 expects: destroy → cleanup → initLead → register.
// The slot's data-result lists this widget's events so far: { events: [{ event, data }] }.
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  const WidgetSdk = initAmocrmWidgetSdk({ version: '1.0.0' })
  const { methods, constants } = WidgetSdk
  const events = []

  function log (event, data) {
    events.push({ event, data })
    window.__testLog = window.__testLog || []
    window.__testLog.push({ widget: 'lifecycle-order', event, data })
  }

  function currentLeadId () {
    const lead = methods.getState(constants.PUBLIC_STATE_ENTITIES.lead)
    return lead ? lead.id : null
  }

  return {
    initLead (params) {
      log('initLead', {
        token: params.token,
        leadId: methods.getRouterQuery().leadId,
        stateLeadId: currentLeadId(),
      })

      return () => {
        log('cleanup')
      }
    },
    registerWidgetsBarSlot (el) {
      log('register', { leadId: methods.getRouterQuery().leadId })
      el.setAttribute('data-result', JSON.stringify({ events }))
      el.textContent = 'lifecycle-order: ' + events.map((e) => e.event).join(' → ')

      return () => {
        log('destroy')
      }
    },
  }
})
