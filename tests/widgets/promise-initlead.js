// SPDX-License-Identifier: GPL-3.0-or-later
//
// promise-initlead: initLead returns a Promise that resolves 150 ms later to the cleanup
// function, as real widgets do (SPEC §1: the host waits for it). Every step goes into
// window.__testLog under widget 'promise-initlead', in the order it happens:
//   initLead-start, initLead-resolved, register, slot-destroy, cleanup
// register must come after initLead-resolved. The slot's data-result repeats the events seen so
// far and says whether register found initLead already resolved:
//   { events: ['initLead-start', …], registerAfterResolved }
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  initAmocrmWidgetSdk({ version: '1.0.0' })

  const DELAY_MS = 150
  const events = []
  let resolved = false

  function log (event, data) {
    events.push(event)
    window.__testLog = window.__testLog || []
    window.__testLog.push({ widget: 'promise-initlead', event, data })
  }

  return {
    initLead (params) {
      resolved = false
      log('initLead-start', { token: params.token })

      return new Promise((resolve) => {
        setTimeout(() => {
          resolved = true
          log('initLead-resolved')
          resolve(() => {
            log('cleanup')
          })
        }, DELAY_MS)
      })
    },
    registerWidgetsBarSlot (el) {
      log('register', { afterResolved: resolved })
      const result = { events: events.slice(), registerAfterResolved: resolved }
      el.setAttribute('data-result', JSON.stringify(result))
      el.textContent = 'promise-initlead: register ' + (resolved ? 'after' : 'BEFORE') +
        ' initLead resolved'

      return () => {
        log('slot-destroy')
      }
    },
  }
})
