// SPDX-License-Identifier: GPL-3.0-or-later
// Failure: a plain script that runs without error but never calls define(), so requirejs gets no
// module (it records the module as undefined, or with enforceDefine reports "nodefine"). The host
// should say e.g. "no-define.js ran but never called define(): personal_page.js must be an AMD
// module". window.__testLog gets { widget: 'no-define', event: 'ran' } to show the script did run.
window.__testLog = window.__testLog || []
window.__testLog.push({ widget: 'no-define', event: 'ran' })
window.noDefineWidget = { initLead () {}, registerWidgetsBarSlot () {} }
