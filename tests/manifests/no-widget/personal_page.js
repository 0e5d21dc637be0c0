define([], function () { return { initLead () {}, registerWidgetsBarSlot () {} } })
