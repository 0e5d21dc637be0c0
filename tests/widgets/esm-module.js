// SPDX-License-Identifier: GPL-3.0-or-later
// Failure: an ES module, not AMD. Loaded as a classic script (as requirejs loads every widget),
// the `export` on line 7 is "SyntaxError: Unexpected keyword 'export'" (JavaScriptCore) and
// define() is never called. The host should name the mistake, not only relay the SyntaxError:
// e.g. "esm-module.js is an ES module (export default); the cabinet loads personal_page.js with
// requirejs: wrap it in define([...], function (...) { return { initLead, … } })".
export default { initLead () {}, registerWidgetsBarSlot () {} }
