// SPDX-License-Identifier: GPL-3.0-or-later
//
// mutates-state: sorts the lead's statuses in place, as widget code written against a mutable
// copy might. The state is immutable, so registerWidgetsBarSlot throws a TypeError; the
// problem (at line 14) must say that the state is immutable and how to copy it.
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  'use strict'
  const { methods } = initAmocrmWidgetSdk({ version: '1.0.0' })

  return {
    initLead () {},
    registerWidgetsBarSlot (el) {
      const lead = methods.getState('lead')
      lead.statuses.sort((a, b) => a.name.localeCompare(b.name))
      el.textContent = 'sorted'
    },
  }
})
