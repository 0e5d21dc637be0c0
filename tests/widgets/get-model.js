// SPDX-License-Identifier: GPL-3.0-or-later
// Drift (SPEC §2): calls WidgetSdk.methods.getModel('lead'), a method that does not exist (the
// SDK has getState). Without help from the host this is a bare "TypeError: … getModel is not a
// function"; the host should name it, e.g. "get-model.js called WidgetSdk.methods.getModel(),
// which does not exist: use methods.getState('lead')". The call sits in a try/catch inside
// initLead, so the widget goes on; it reports in data-result
//   { getModelType, error, result }
// getModelType: typeof methods.getModel; error: the message the call threw (null if none).
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  const WidgetSdk = initAmocrmWidgetSdk({ version: '1.0.0' })
  let observed = null

  function log (event, data) {
    window.__testLog = window.__testLog || []
    window.__testLog.push({ widget: 'get-model', event, data })
  }

  return {
    initLead () {
      observed = { getModelType: typeof WidgetSdk.methods.getModel, error: null, result: null }
      try {
        const model = WidgetSdk.methods.getModel('lead')
        observed.result = model === undefined ? null : model
      } catch (error) {
        observed.error = String(error && error.message ? error.message : error)
      }
      log('initLead', observed)
    },
    registerWidgetsBarSlot (el) {
      el.setAttribute('data-result', JSON.stringify(observed))
      el.textContent = 'get-model: ' + (observed && observed.error ? observed.error : 'no error')
      log('register')
    },
  }
})
