// SPDX-License-Identifier: GPL-3.0-or-later
//
// host-modules: requires every module id the cabinet provides and proves each one is the real
// library, by using it rather than only looking at its type. Reported in data-result:
//   { done, checks: { <module id>: { value } | { error } } }
// done turns true once the asynchronous checks (the React render, importModules) have settled;
// until then data-result holds the synchronous checks only. The React check renders a
// react-redux Provider + useSelector component with react-dom's createRoot into a child of the
// slot and reports the text it committed; hooks from a second copy of React would fail there.
// When done, the React root is unmounted and the slot's text becomes a one-line summary.
define([
  'amocrm-sdk', 'import-modules', 'jquery', 'react', 'react-dom', '@reduxjs/toolkit', 'react-redux',
  'immer.produce', 'immer.current', 'nanoid', 'classnames', 'dateformat', 'lodash',
], function (initAmocrmWidgetSdk, importModules, $, React, ReactDOM, RTK, ReactRedux,
  produce, current, nanoid, classnames, dateFormat, _) {
  const REACT_TIMEOUT_MS = 3000

  function log (event, data) {
    window.__testLog = window.__testLog || []
    window.__testLog.push({ widget: 'host-modules', event, data })
  }

  function errorMessage (error) {
    return String(error && error.message ? error.message : error)
  }

  // Runs one check; a module that is missing or broken shows up as { error } instead of ending
  // the whole report.
  function check (checks, id, fn) {
    try {
      checks[id] = { value: fn() }
    } catch (error) {
      checks[id] = { error: errorMessage(error) }
    }
  }

  function makeStore () {
    const counter = RTK.createSlice({
      name: 'counter',
      initialState: { count: 0 },
      reducers: {
        add (state, action) {
          state.count += action.payload
        },
      },
    })
    const store = RTK.configureStore({ reducer: { counter: counter.reducer } })
    store.dispatch(counter.actions.add(2))
    return store
  }

  function synchronousChecks () {
    const checks = {}
    check(checks, 'amocrm-sdk', () => typeof initAmocrmWidgetSdk)
    check(checks, 'jquery', () => $.fn.jquery)
    check(checks, 'react', () => React.version)
    check(checks, 'react-dom', () => typeof ReactDOM.createRoot)
    check(checks, '@reduxjs/toolkit', () => ({
      configureStore: typeof RTK.configureStore,
      state: makeStore().getState(),
    }))
    check(checks, 'react-redux', () => ({
      Provider: typeof ReactRedux.Provider,
      useSelector: typeof ReactRedux.useSelector,
    }))
    check(checks, 'immer.produce', () => {
      const base = { a: 1, nested: { b: 2 } }
      const result = produce(base, (draft) => {
        draft.a = 2
      })
      return {
        result,
        original: base,
        originalUnchanged: base.a === 1,
        sharesUntouched: result.nested === base.nested,
      }
    })
    check(checks, 'immer.current', () => {
      let snapshot = null
      produce({ list: [1] }, (draft) => {
        draft.list.push(2)
        snapshot = current(draft)
      })
      return { type: typeof current, snapshot }
    })
    check(checks, 'nanoid', () => {
      const id = nanoid()
      return {
        is21: id.length === 21,
        length10: nanoid(10).length,
        urlSafe: /^[A-Za-z0-9_-]+$/.test(id),
      }
    })
    check(checks, 'classnames', () => classnames('a', { b: true, c: false }))
    check(checks, 'dateformat', () => dateFormat(new Date(2026, 0, 2, 3, 4), 'dd.mm.yyyy HH:MM'))
    check(checks, 'lodash', () => ({ version: _.VERSION, chunk: _.chunk([1, 2, 3], 2) }))
    return checks
  }

  // Renders Provider > Counter with createRoot and resolves with the container's text once React
  // has committed it (useEffect runs after the commit).
  function renderReact (container, root) {
    return new Promise((resolve, reject) => {
      const store = makeStore()
      const timer = setTimeout(() => {
        reject(new Error('React did not commit within ' + REACT_TIMEOUT_MS + ' ms'))
      }, REACT_TIMEOUT_MS)

      // Without a boundary a render error (such as "Invalid hook call" from a second copy of
      // React) would only surface as the timeout; this reports the error itself.
      class Boundary extends React.Component {
        constructor (props) {
          super(props)
          this.state = { failed: false }
        }

        componentDidCatch (error) {
          clearTimeout(timer)
          reject(error)
        }

        render () {
          return this.state.failed ? null : this.props.children
        }
      }
      Boundary.getDerivedStateFromError = () => ({ failed: true })

      function Counter () {
        const count = ReactRedux.useSelector((state) => state.counter.count)
        React.useEffect(() => {
          clearTimeout(timer)
          resolve(container.textContent)
        }, [])
        return React.createElement('span', null, 'React ' + React.version + ', count ' + count)
      }

      root.render(React.createElement(Boundary, null,
        React.createElement(ReactRedux.Provider, { store }, React.createElement(Counter))))
    })
  }

  function checkImportModules () {
    const pending = importModules(['lodash', 'jquery'])
    const isPromise = Boolean(pending) && typeof pending.then === 'function'
    return Promise.resolve(pending).then(([lodash, jquery]) => ({
      isPromise,
      sameLodash: lodash === _,
      sameJquery: jquery === $,
    }))
  }

  function settle (promise) {
    return promise.then((value) => ({ value }), (error) => ({ error: errorMessage(error) }))
  }

  function summary (checks) {
    const ids = Object.keys(checks)
    const failed = ids.filter((id) => 'error' in checks[id])
    return 'host modules: ' + (ids.length - failed.length) + '/' + ids.length + ' ok' +
      (failed.length ? ', failed: ' + failed.join(', ') : '')
  }

  return {
    initLead (params) {
      log('initLead', { token: params.token })
    },
    registerWidgetsBarSlot (el) {
      log('register')
      const checks = synchronousChecks()
      el.setAttribute('data-result', JSON.stringify({ done: false, checks }))

      const container = document.createElement('div')
      el.appendChild(container)
      let root = null
      let reactRendered
      try {
        root = ReactDOM.createRoot(container)
        reactRendered = settle(renderReact(container, root))
      } catch (error) {
        reactRendered = Promise.resolve({ error: errorMessage(error) })
      }
      let importChecked
      try {
        importChecked = settle(checkImportModules())
      } catch (error) {
        importChecked = Promise.resolve({ error: errorMessage(error) })
      }

      Promise.all([reactRendered, importChecked]).then(([rendered, imported]) => {
        if (rendered.error) {
          checks['react-dom'] = { error: rendered.error }
        } else {
          const createRoot = checks['react-dom'].value
          checks['react-dom'] = { value: { createRoot, rendered: rendered.value } }
        }
        checks['import-modules'] = imported
        if (root) {
          root.unmount()
          root = null
        }
        const result = { done: true, checks }
        el.setAttribute('data-result', JSON.stringify(result))
        el.textContent = summary(checks)
        log('report', result)
      })

      return () => {
        if (root) {
          root.unmount()
        }
        log('destroy')
      }
    },
  }
})
