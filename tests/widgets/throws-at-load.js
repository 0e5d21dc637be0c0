// SPDX-License-Identifier: GPL-3.0-or-later
//
// throws-at-load: the script throws on line 7 while it runs, before it calls define().
// Expected: `load-failed` ("throws-at-load.js threw while it ran: …") at line 7.
window.__testLog = window.__testLog || []
window.__testLog.push({ widget: 'throws-at-load', event: 'ran' })
throw new Error('boom while the script ran')
