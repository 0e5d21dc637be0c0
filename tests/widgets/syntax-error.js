// SPDX-License-Identifier: GPL-3.0-or-later
// Failure: SyntaxError on line 7: the $(el).text( call there lacks its closing ')', so the ';' at
// column 44 is unexpected. The file never runs and define() is never called. JavaScriptCore says
// "SyntaxError: Unexpected token ';'. Expected ')' to end an argument list." and its error event
// gives line 7 with colno 0. The host should show that message with this file's URL and line 7.
define(['jquery'], function ($) {
  const broken = (el) => $(el).text('never';
  return { initLead () {}, registerWidgetsBarSlot: broken }
})
