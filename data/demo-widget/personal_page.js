// SPDX-License-Identifier: GPL-3.0-or-later
//
// Cabinet demo: a personal_page widget for the amoCRM client cabinet.
//
// It renders one compact card with what the cabinet tells a widget about the open lead: the
// selected status, the budget, the manager, the client, how many fields the lead carries, the ids
// from the address, whether a token came with initLead, and when the card last changed.
//
// The cabinet imports this module once with requirejs; the factory below runs at that moment.
// After that it calls initLead({ token }) for every lead the client opens, and then
// registerWidgetsBarSlot(el) to let the widget draw into its place in the sidebar. On a lead
// switch it calls the slot's destroy function first, then initLead's cleanup, then starts over.
//
// 'module' is requirejs's own pseudo-dependency: it tells the widget the URL it was loaded from,
// which is how style.css is found next to this file.
define(['module', 'amocrm-sdk', 'jquery', 'dateformat'], function (module, initAmocrmWidgetSdk, $, dateFormat) {
  'use strict'

  // The SDK instance is set up once per import, not per lead: initLead runs again on every lead
  // switch, the factory does not.
  const WidgetSdk = initAmocrmWidgetSdk({ version: '1.0.0' })
  const { methods, constants } = WidgetSdk
  const ENTITIES = constants.PUBLIC_STATE_ENTITIES

  const WIDGET_CODE = 'cabinet_demo'
  const TOKEN_PREFIX_LENGTH = 12

  // The card's labels. The cabinet's language is sys.lang; languages without a table of their own
  // (es, pt) get English. The manifest's texts live in i18n/*.json, which the cabinet reads itself.
  const LABELS = {
    ru: {
      title: 'Демо-виджет',
      noStatus: 'Без статуса',
      budget: 'Бюджет',
      manager: 'Менеджер',
      client: 'Клиент',
      fields: 'Поля',
      lead: 'Сделка',
      account: 'Аккаунт',
      token: 'Токен',
      tokenPresent: 'есть',
      tokenMissing: 'нет',
      loading: 'Сделка ещё загружается…',
      updated: 'Обновлено',
    },
    en: {
      title: 'Demo widget',
      noStatus: 'No status',
      budget: 'Budget',
      manager: 'Manager',
      client: 'Client',
      fields: 'Fields',
      lead: 'Lead',
      account: 'Account',
      token: 'Token',
      tokenPresent: 'present',
      tokenMissing: 'none',
      loading: 'The lead is still loading…',
      updated: 'Updated',
    },
  }

  const NUMBER_LOCALES = { ru: 'ru-RU', en: 'en-US' }
  const PLACEHOLDER = '—'

  // What initLead was given for the lead on screen. The cabinet runs the slot's destroy function
  // and initLead's cleanup before the next initLead, so one variable is enough.
  let session = null

  // --- Reading the state ---------------------------------------------------------------------
  // Every helper accepts null for any entity: getState may return null (an entity the cabinet has
  // not loaded yet), and a widget must keep drawing whatever it does have.

  function readState () {
    return {
      sys: methods.getState(ENTITIES.sys),
      lead: methods.getState(ENTITIES.lead),
      leadFields: methods.getState(ENTITIES.leadFields),
      authors: methods.getState(ENTITIES.authors),
    }
  }

  function valuesOf (object) {
    return object && typeof object === 'object' ? Object.values(object) : []
  }

  function selectedStatus (lead) {
    const statuses = lead && Array.isArray(lead.statuses) ? lead.statuses : []
    return statuses.find((status) => status && status.selected) || null
  }

  function budgetValue (leadFields) {
    const field = valuesOf(leadFields).find((f) => f && f.type === constants.FIELD_TYPES.budget)
    const value = field ? Number(field.value) : NaN
    return Number.isFinite(value) ? value : null
  }

  function authorName (authors, id) {
    const author = authors && id != null ? authors[id] : null
    return author && author.name ? author.name : null
  }

  function managerName (lead, authors) {
    if (!lead || lead.managerId == null || lead.managerId === '') {
      return null
    }
    // A manager who has not written in the conversation yet is not among the authors: show the id
    // rather than nothing, so the developer can still see which user it is.
    return authorName(authors, lead.managerId) || '#' + lead.managerId
  }

  function clientName (authors) {
    // The client is the author marked isClient. (A contact's userId is its responsible user, a
    // manager, not the client.)
    const client = valuesOf(authors).find((author) => author && author.isClient && author.name)
    return client ? client.name : null
  }

  // --- Formatting ----------------------------------------------------------------------------

  function formatBudget (value, sys, lang) {
    if (value === null) {
      return PLACEHOLDER
    }
    const amount = new Intl.NumberFormat(NUMBER_LOCALES[lang] || NUMBER_LOCALES.en, {
      maximumFractionDigits: 2,
    }).format(value)
    const symbol = sys && sys.currencySymbol ? sys.currencySymbol : ''
    if (!symbol) {
      return amount
    }
    // English puts the symbol first ($1,250,000), Russian after the amount (1 250 000 ₽).
    return lang === 'en' ? symbol + amount : amount + '\u00a0' + symbol
  }

  function formatMoment (date, sys) {
    // sys.dateFormat and sys.timeFormat are dateformat masks (DATE_FORMATS / TIME_FORMATS), so
    // the card writes dates exactly the way the rest of the cabinet does.
    const dateMask = (sys && sys.dateFormat) || constants.DATE_FORMATS.russianNormal
    const timeMask = (sys && sys.timeFormat) || constants.TIME_FORMATS.twentyFour
    return dateFormat(date, dateMask + ' ' + timeMask)
  }

  function tokenHint (token) {
    // The token is a credential for the widget's backend: never put all of it on screen. A prefix
    // is enough to tell two tokens apart; a token too short to have one is only reported present.
    return token.length > TOKEN_PREFIX_LENGTH ? token.slice(0, TOKEN_PREFIX_LENGTH) + '…' : ''
  }

  // --- Rendering -----------------------------------------------------------------------------
  // Text goes in with .text() and colours with .css(), never as HTML: names and field values are
  // typed by people, and a widget must not let them inject markup into the cabinet.

  // One row of the facts list. content is plain text or ready-made nodes; a string is always set
  // as text, because jQuery's append() would parse one that looks like HTML.
  function fact (label, content, modifier) {
    const $value = $('<dd>', { class: 'cabinet-demo__value' })
    if (modifier) {
      $value.addClass('cabinet-demo__value--' + modifier)
    }
    if (typeof content === 'string') {
      $value.text(content)
    } else {
      $value.append(content)
    }
    return [$('<dt>', { class: 'cabinet-demo__label', text: label }), $value]
  }

  function statusChip (status, t) {
    const $chip = $('<span>', {
      class: 'cabinet-demo__status',
      text: status && status.name ? status.name : t.noStatus,
    })
    if (status && status.color) {
      $chip.css('background-color', status.color)
    } else {
      $chip.addClass('cabinet-demo__status--none')
    }
    return $chip
  }

  function tokenValue (t) {
    const token = session ? session.token : ''
    if (!token) {
      return $('<span>', { class: 'cabinet-demo__muted', text: t.tokenMissing })
    }
    const hint = tokenHint(token)
    return [
      document.createTextNode(t.tokenPresent),
      hint ? $('<code>', { class: 'cabinet-demo__token', text: hint }) : null,
    ]
  }

  function render ($root, state, updatedAt) {
    const { sys, lead, leadFields, authors } = state
    const lang = sys && LABELS[sys.lang] ? sys.lang : 'en'
    const t = LABELS[lang]
    const query = methods.getRouterQuery() || {}

    const $head = $('<div>', { class: 'cabinet-demo__head' }).append(
      $('<span>', { class: 'cabinet-demo__title', text: t.title }),
      statusChip(selectedStatus(lead), t)
    )

    const budget = formatBudget(budgetValue(leadFields), sys, lang)
    const $budget = $('<div>', { class: 'cabinet-demo__budget' }).append(
      $('<span>', { class: 'cabinet-demo__label', text: t.budget }),
      $('<span>', { class: 'cabinet-demo__amount', text: budget })
    )

    const $facts = $('<dl>', { class: 'cabinet-demo__facts' }).append(
      fact(t.manager, managerName(lead, authors) || PLACEHOLDER),
      fact(t.client, clientName(authors) || PLACEHOLDER),
      fact(t.fields, String(valuesOf(leadFields).length)),
      fact(t.lead, query.leadId ? '#' + query.leadId : PLACEHOLDER, 'id'),
      fact(t.account, query.accountId || PLACEHOLDER, 'id'),
      fact(t.token, tokenValue(t))
    )

    // isLeadLoaded is false while the cabinet is still fetching the lead: say so rather than let
    // the empty values look final.
    const $loading = lead && lead.isLeadLoaded === false
      ? $('<p>', { class: 'cabinet-demo__note', text: t.loading })
      : null

    const $foot = $('<div>', {
      class: 'cabinet-demo__foot',
      text: t.updated + ' ' + formatMoment(updatedAt, sys),
    })

    $root.empty().append($head, $budget, $facts, $loading, $foot)
  }

  // --- The stylesheet ------------------------------------------------------------------------
  // style.css sits next to this file. module.uri is the URL requirejs loaded the widget from, be
  // it a folder served by the cabinet or a dev server such as http://localhost:3000, so resolving
  // against it finds the stylesheet in both cases; a path relative to the page would not.

  function stylesheetUrl () {
    try {
      const scriptUrl = new URL(module.uri, document.baseURI)
      const url = new URL('style.css', scriptUrl)
      // Carry a cache-busting query (?v=…) over from the script, so reloading a changed widget
      // also reloads its styles.
      url.search = scriptUrl.search
      return url.href
    } catch (error) {
      return null
    }
  }

  function ensureStylesheet () {
    const href = stylesheetUrl()
    if (!href) {
      return
    }
    // One <link> for the widget, whatever the number of lead switches; a reloaded widget with a
    // new URL replaces the old one instead of stacking up.
    const $links = $('link[data-widget="' + WIDGET_CODE + '"]')
    if ($links.filter((_, link) => link.href === href).length) {
      return
    }
    $links.remove()
    $('<link>', { rel: 'stylesheet', href, 'data-widget': WIDGET_CODE }).appendTo(document.head)
  }

  // --- The callbacks the cabinet calls -------------------------------------------------------

  return {
    initLead (params) {
      session = { token: params && typeof params.token === 'string' ? params.token : '' }

      // Runs when the client leaves this lead, before the next initLead.
      return function cleanup () {
        session = null
      }
    },

    registerWidgetsBarSlot (el) {
      ensureStylesheet()
      const $root = $('<div>', { class: 'cabinet-demo' }).appendTo($(el).empty())

      let updatedAt = new Date()
      let scheduled = false
      let destroyed = false

      // Callbacks only mark the card stale; the render itself reads all four entities with
      // getState. The card then always shows one consistent snapshot, and a burst of callbacks
      // (the four initial ones below, or a lead switch touching every entity) costs one render.
      function invalidate () {
        updatedAt = new Date()
        if (scheduled) {
          return
        }
        scheduled = true
        queueMicrotask(() => {
          scheduled = false
          if (!destroyed) {
            render($root, readState(), updatedAt)
          }
        })
      }

      // withInitialResult calls back at once with the current value, which draws the first card
      // without a separate code path for "now" and "later".
      const unsubscribers = Object.values(ENTITIES).map((entity) =>
        methods.subscribe(entity, invalidate, { withInitialResult: true })
      )

      // Runs when the cabinet destroys the widget's component (on every lead switch, too).
      return function destroy () {
        destroyed = true
        unsubscribers.forEach((unsubscribe) => unsubscribe())
        $root.remove()
      }
    },
  }
})
