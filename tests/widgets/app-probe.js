// SPDX-License-Identifier: GPL-3.0-or-later
//
// app-probe: makes window.APP calls (SPEC §3), console lines and SDK calls from its own code,
// so that the host attributes each of them to this widget (it reads the caller from the
// stack). A test calls these through window.__appProbe:
//   showUserStatus(...args)  APP.sdk.showUserStatus(...args), the arguments passed on as given
//                            (no argument stays no argument)
//   setCalling(value)        APP.sdk.setCallingStatus(value)
//   getCalling()             APP.sdk.getCallingStatus()
//   addCall(data)            APP.notifications.add_call(data)
//   addError(data)           APP.notifications.add_error(data, { done, fail, always }); each
//                            callback pushes { name, args } onto window.__appProbe.callbacks
//   callbacks                [{ name: 'done' | 'fail' | 'always', args }] in the order called
//   touch(path)              reads a member by its dotted path from window, e.g.
//                            'APP.sdk.setCallStatus'; returns typeof the value
//   log(level, ...args)      console[level](...args), e.g. log('warn', 'a %s', 'b')
//   reject(message)          leaves a Promise rejected with Error(message) unhandled
//   throwLater(message)      throws Error(message) from a setTimeout callback
//   getState(entity)         methods.getState(entity)
//   sdk()                    methods.getState('lead'), then subscribe('sys', …) and its
//                            unsubscribe once; returns { leadId, unsubscribeType }
// data-result (when the slot is registered): { ready: true, appKeys, sdkKeys, notificationKeys }
// — the members window.APP, APP.sdk and APP.notifications have.
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  const { methods } = initAmocrmWidgetSdk({ version: '1.0.0' })

  function log (event, data) {
    window.__testLog = window.__testLog || []
    window.__testLog.push({ widget: 'app-probe', event, data })
  }

  const callbacks = []

  function recorder (name) {
    return function (...args) {
      callbacks.push({ name, args: JSON.parse(JSON.stringify(args)) })
      log('callback', { name, args })
    }
  }

  const probe = {
    callbacks,
    showUserStatus (...args) {
      return window.APP.sdk.showUserStatus(...args)
    },
    setCalling (value) {
      window.APP.sdk.setCallingStatus(value)
    },
    getCalling () {
      return window.APP.sdk.getCallingStatus()
    },
    addCall (data) {
      window.APP.notifications.add_call(data)
    },
    addError (data) {
      window.APP.notifications.add_error(data, {
        done: recorder('done'),
        fail: recorder('fail'),
        always: recorder('always'),
      })
    },
    touch (path) {
      let value = window
      for (const key of path.split('.')) {
        value = value === undefined || value === null ? undefined : value[key]
      }
      return typeof value
    },
    log (level, ...args) {
      console[level](...args)
    },
    reject (message) {
      Promise.reject(new Error(message))
    },
    throwLater (message) {
      setTimeout(function () {
        throw new Error(message)
      }, 0)
    },
    getState (entity) {
      return methods.getState(entity)
    },
    sdk () {
      const lead = methods.getState('lead')
      const unsubscribe = methods.subscribe('sys', function () {})
      unsubscribe()
      return { leadId: lead && lead.id, unsubscribeType: typeof unsubscribe }
    },
  }

  return {
    initLead () {
      log('initLead')
      return function cleanup () {
        log('cleanup')
      }
    },
    registerWidgetsBarSlot (el) {
      window.__appProbe = probe
      const result = {
        ready: true,
        appKeys: Object.keys(window.APP),
        sdkKeys: Object.keys(window.APP.sdk),
        notificationKeys: Object.keys(window.APP.notifications),
      }
      el.setAttribute('data-result', JSON.stringify(result))
      el.textContent = 'app-probe: APP.sdk has ' + result.sdkKeys.join(', ')
      log('register', result)
      return function destroy () {
        log('destroy')
      }
    },
  }
})
