// SPDX-License-Identifier: GPL-3.0-or-later
//
// console-flood: logs 200,000 console.log lines in a tight loop in initLead, then renders
// "flood done" into its slot. The host must stay fast (only a bounded number of lines become
// event log entries; the rest are counted in one "rate-limit" entry per widget and kind) and
// the widget must still reach "ready".
// window.__consoleFlood: { lines, ms } — how many lines it logged and how long the loop took.
// data-result: the same object.
define([], function () {
  const LINES = 200000
  let report = null

  return {
    initLead () {
      const started = performance.now()
      for (let i = 0; i < LINES; i++) {
        console.log('flood line %d of %d', i + 1, LINES)
      }
      report = { lines: LINES, ms: Math.round(performance.now() - started) }
      window.__consoleFlood = report
    },
    registerWidgetsBarSlot (el) {
      el.setAttribute('data-result', JSON.stringify(report))
      el.textContent = 'flood done'
    },
  }
})
