// SPDX-License-Identifier: GPL-3.0-or-later
//
// edit-timer: for the edit benchmark (tests/bench/edits.c). Subscribes to leadFields (the
// slot's destroy function unsubscribes, so a lead switch leaves one subscription) and records
// the page time of every call in window.__editTimes. window.__waitCalls(n) resolves once n
// calls have arrived, which is how the benchmark learns, on its own clock, that an edit
// reached the subscriber.
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  const { methods } = initAmocrmWidgetSdk({ version: '1.0.0' })
  const now = () => performance.timeOrigin + performance.now()
  const times = []
  const waiters = []

  window.__editTimes = times
  window.__waitCalls = (n) => new Promise((resolve) => {
    if (times.length >= n) {
      resolve(times.length)
    } else {
      waiters.push([n, resolve])
    }
  })

  return {
    initLead () {},
    registerWidgetsBarSlot (el) {
      el.textContent = 'edit-timer'
      return methods.subscribe('leadFields', (fields) => {
        times.push(now())
        for (let i = waiters.length - 1; i >= 0; i--) {
          if (times.length >= waiters[i][0]) {
            waiters[i][1](times.length)
            waiters.splice(i, 1)
          }
        }
        el.dataset.calls = String(times.length)
      })
    },
  }
})
