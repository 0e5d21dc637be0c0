// SPDX-License-Identifier: GPL-3.0-or-later
//
// scenario-probe: a well-behaved widget that shows, in its slot, everything a `--check`
// scenario can change: sys.pageTitle, the lead's id and manager, the value of field
// `scenario-probe.field` names (the first text field otherwise), the authors' names, the
// calling status and the users online. It re-renders on every subscription, and on a click on
// its button (which counts clicks): the calling status and online users have no subscription.
// Its slot destroy function ends every subscription.
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  const sdk = initAmocrmWidgetSdk({ version: '1.0.0' })
  const get = (entity) => sdk.methods.getState(entity)

  function text (value) {
    const span = document.createElement('span')
    span.textContent = String(value)
    return span.innerHTML
  }

  function firstTextField (fields) {
    return Object.values(fields).find((field) => field.type === 'text') || { value: '' }
  }

  return {
    initLead () {},
    registerWidgetsBarSlot (slot) {
      let clicks = 0
      function render () {
        const lead = get('lead')
        const authors = Object.values(get('authors')).map((author) => author.name).sort()
        slot.innerHTML =
          `<p class="title">title: ${text(get('sys').pageTitle)}</p>` +
          `<p class="lead">lead: ${text(lead.id)} manager: ${text(lead.managerId)}</p>` +
          `<p class="field">field: ${text(firstTextField(get('leadFields')).value)}</p>` +
          `<p class="authors">authors: ${text(authors.join(', '))}</p>` +
          `<p class="calling">calling: ${window.APP.sdk.getCallingStatus()}</p>` +
          `<p class="online">online: ${text(window.APP.sdk.showUserStatus('online').join(','))}</p>` +
          `<button class="count" type="button">clicks: ${clicks}</button>`
        slot.querySelector('button').addEventListener('click', function () {
          clicks += 1
          render()
        })
      }
      const unsubscribes = ['sys', 'lead', 'leadFields', 'authors'].map((entity) => sdk.methods.subscribe(entity, render))
      render()
      return function destroy () {
        unsubscribes.forEach((unsubscribe) => unsubscribe())
      }
    },
  }
})
