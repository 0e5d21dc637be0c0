// SPDX-License-Identifier: GPL-3.0-or-later
//
// The look of the mock client cabinet: header, lead card and conversation.
//
// CabinetView.render(view) depends only on `view` (and on which sections the
// developer opened, see openSections): every call rebuilds the three
// containers from scratch, so the host can call it after any state change
// without tracking what changed. Everything in `view` comes from the
// state file or the developer's edits and is untrusted, so state strings only
// ever reach the page through textContent, attributes and checked URLs, never
// through innerHTML.
//
// A field's value is drawn by render-fields.js (window.CabinetFieldFormat),
// which the page loads just before this file. The lead's details, contacts
// and company are disclosure sections, closed at first so the widgets below
// them are in view; which ones the developer opened is the only state kept
// between renders. Its words are the catalogues' of host/i18n.js, in the
// language of view.sys.lang, so a change of language is one more render.

'use strict';

(function () {
  const { renderValue, formatMoney, formatDate, toDate, lookup, el, isBlank } =
    window.CabinetFieldFormat;

  // The page's words come from host/i18n.js (window.CabinetI18n), in the language of the
  // `view` being drawn: a translator for view.sys.lang, called `T` below.
  const I18n = window.CabinetI18n;

  // Our logo sits next to this script, wherever the page itself is served
  // from (cabinet:// in the app, file:// in the preview harness).
  const SCRIPT_URL = (document.currentScript && document.currentScript.src) || document.baseURI;
  const DEFAULT_LOGO = new URL('logo.svg', SCRIPT_URL).href;

  // Consecutive messages of one author closer than this are drawn as one group.
  const GROUP_GAP_SECONDS = 10 * 60;

  // Initials tiles take one of these, chosen by a hash of the id, so a person
  // keeps the same colour across renders.
  const TILE_COLORS = ['#4c7bd9', '#2e9d8f', '#d9704c', '#8a63d2', '#c2508a', '#3f8fc4', '#6f8f2e'];

  const SVG_NS = 'http://www.w3.org/2000/svg';

  function icon(className, paths) {
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('class', className);
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    for (const d of paths) {
      const path = document.createElementNS(SVG_NS, 'path');
      path.setAttribute('d', d);
      svg.appendChild(path);
    }
    return svg;
  }

  // ---- People --------------------------------------------------------------

  function initials(name) {
    const words = String(name || '').trim().split(/[\s\-_.]+/).filter(Boolean);
    const letters = words.slice(0, 2).map((w) => Array.from(w)[0]).join('');
    return (letters || '?').toUpperCase();
  }

  function tileColor(key) {
    let hash = 0;
    for (const ch of String(key))
      hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
    return TILE_COLORS[hash % TILE_COLORS.length];
  }

  function initialsTile(name, key, className) {
    const tile = el('span', className + ' cab-avatar--initials', initials(name));
    tile.style.backgroundColor = tileColor(key || name || '');
    tile.setAttribute('aria-hidden', 'true');
    return tile;
  }

  // An avatar image when there is one, else a coloured initials tile; a
  // broken image falls back to the tile too.
  function avatar(person, size) {
    const className = 'cab-avatar cab-avatar--' + size;
    const name = person && person.name;
    const key = person && person.id;
    const src = person && typeof person.avatar === 'string' ? person.avatar.trim() : '';
    if (!src)
      return initialsTile(name, key, className);
    const img = el('img', className);
    img.alt = '';
    img.decoding = 'async';
    img.addEventListener('error', () => img.replaceWith(initialsTile(name, key, className)),
                         { once: true });
    img.src = src;
    return img;
  }

  function findClient(view) {
    for (const author of Object.values(view.authors || {})) {
      if (author && author.isClient)
        return author;
    }
    const lead = view.lead;
    const contactIds = lead && lead.contacts ? Object.keys(lead.contacts) : [];
    const display = contactIds.length ? lookup(view.contacts, contactIds[0]) : null;
    if (display)
      return { id: contactIds[0], name: display.name, avatar: '' };
    return null;
  }

  // ---- Header --------------------------------------------------------------

  function renderHeader(view, sys, T) {
    const frag = document.createDocumentFragment();

    const brand = el('div', 'cab-header__brand');
    const logo = el('img', 'cab-header__logo');
    logo.alt = '';
    const custom = typeof sys.logoUrl === 'string' ? sys.logoUrl.trim() : '';
    if (custom) {
      // A broken custom logo must not leave a hole in the header.
      logo.addEventListener('error', () => { logo.src = DEFAULT_LOGO; }, { once: true });
    }
    logo.src = custom || DEFAULT_LOGO;
    brand.appendChild(logo);
    brand.appendChild(el('span', 'cab-header__title', sys.pageTitle || T.t('page.title')));
    frag.appendChild(brand);

    const client = findClient(view);
    if (client) {
      const user = el('div', 'cab-header__user');
      const text = el('div', 'cab-header__user-text');
      text.appendChild(el('span', 'cab-header__user-name', client.name));
      text.appendChild(el('span', 'cab-header__user-role', T.t('header.client')));
      user.appendChild(text);
      user.appendChild(avatar(client, 'md'));
      frag.appendChild(user);
    }
    return frag;
  }

  // ---- Lead ----------------------------------------------------------------

  function findBudgetField(lead, view) {
    const fields = view.leadFields || {};
    for (const id of lead.fieldIds || []) {
      const field = lookup(fields, id);
      if (field && field.type === 'budget' && field.fieldSource !== 'contacts' &&
          field.fieldSource !== 'company')
        return field;
    }
    return null;
  }

  function renderPipeline(statuses, T) {
    const box = el('div', 'cab-pipeline');
    const list = Array.isArray(statuses) ? statuses.filter(Boolean) : [];
    const current = list.findIndex((s) => s.selected);
    const color = current >= 0 ? String(list[current].color || '') : '';

    const bar = el('div', 'cab-pipeline__bar');
    bar.setAttribute('role', 'list');
    bar.setAttribute('aria-label', T.t('lead.pipeline'));
    list.forEach((status, i) => {
      const segment = el('span', 'cab-pipeline__segment');
      segment.setAttribute('role', 'listitem');
      segment.title = String(status.name || '');
      segment.setAttribute('aria-label', String(status.name || ''));
      // As in amoCRM, every stage up to the current one takes the current
      // stage's colour; the later ones stay neutral.
      if (current >= 0 && i <= current) {
        segment.classList.add(i === current ? 'is-current' : 'is-passed');
        segment.style.backgroundColor = color;
        segment.setAttribute('aria-current', i === current ? 'step' : 'false');
      }
      bar.appendChild(segment);
    });
    box.appendChild(bar);

    const caption = el('div', 'cab-pipeline__caption');
    const name = el('span', 'cab-pipeline__name');
    if (current >= 0) {
      const dot = el('span', 'cab-pipeline__dot');
      dot.style.backgroundColor = color;
      name.appendChild(dot);
      name.appendChild(document.createTextNode(String(list[current].name || '')));
      caption.appendChild(name);
      caption.appendChild(el('span', 'cab-pipeline__step',
                             T.t('lead.stage', { n: current + 1, total: list.length })));
    } else {
      name.textContent = T.t('lead.noStage');
      name.classList.add('is-empty');
      caption.appendChild(name);
    }
    box.appendChild(caption);
    return box;
  }

  // The rows of each field drawn by the last render(), so that one field's edit redraws its
  // rows without searching a sidebar of 5,000 fields.
  let fieldRows = new Map();

  function renderFieldList(fieldIds, view, sys, T, skipId) {
    const list = el('dl', 'cab-fields');
    const fields = view.leadFields || {};
    for (const id of Array.isArray(fieldIds) ? fieldIds : []) {
      const field = lookup(fields, id);
      if (!field || id === skipId)
        continue;
      const row = el('div', 'cab-field');
      row.dataset.type = String(field.type);
      row.dataset.fieldId = String(id);
      if (!fieldRows.has(id))
        fieldRows.set(id, []);
      fieldRows.get(id).push(row);
      row.appendChild(el('dt', 'cab-field__name', field.name));
      const dd = el('dd', 'cab-field__value');
      dd.appendChild(renderValue(field, sys, T));
      row.appendChild(dd);
      list.appendChild(row);
    }
    if (!list.firstChild)
      return el('p', 'cab-fields-empty', T.t('fields.none'));
    return list;
  }

  function fieldCount(list) {
    return list.matches('dl.cab-fields') ? list.childElementCount : 0;
  }

  // Which of the lead's disclosure sections are open, by a key that stays the
  // same from one render to the next: 'fields', 'contact:<id>', 'company'.
  // render() rebuilds the sidebar on every state change, so without this a
  // section would snap shut whenever a widget or the app touched the state.
  // A key never seen is closed.
  const openSections = new Map();
  let sectionSerial = 0;

  // A card whose header row (what `head` shows, a muted count of fields and a
  // chevron) opens and closes `body`, by click, Enter or Space.
  function disclosure(key, head, count, body, T) {
    const open = openSections.get(key) === true;
    const card = el('section', 'cab-card cab-disclosure' + (open ? '' : ' is-collapsed'));
    const heading = el('h2', 'cab-disclosure__heading');
    const toggle = el('span', 'cab-disclosure__toggle');
    toggle.setAttribute('role', 'button');
    toggle.tabIndex = 0;
    toggle.dataset.section = key;
    toggle.appendChild(head);
    toggle.appendChild(el('span', 'cab-disclosure__count', T.plural('fields.count', count)));
    toggle.appendChild(el('span', 'cab-disclosure__chevron'));
    heading.appendChild(toggle);
    card.appendChild(heading);

    const panel = el('div', 'cab-disclosure__body');
    panel.id = 'cab-section-' + (++sectionSerial);
    panel.appendChild(body);
    card.appendChild(panel);
    toggle.setAttribute('aria-controls', panel.id);

    const show = (state) => {
      card.classList.toggle('is-collapsed', !state);
      toggle.setAttribute('aria-expanded', String(state));
      panel.hidden = !state;
    };
    const flip = () => {
      const state = openSections.get(key) !== true;
      openSections.set(key, state);
      show(state);
    };
    toggle.addEventListener('click', flip);
    toggle.addEventListener('keydown', (event) => {
      if (event.target !== toggle || (event.key !== 'Enter' && event.key !== ' '))
        return;
      event.preventDefault();
      if (!event.repeat)
        flip();
    });
    show(open);
    return card;
  }

  // The header row of a disclosure: a tile, a name and, under it, a caption.
  function sectionHead(tile, name, caption) {
    const head = el('span', 'cab-entity__head');
    head.appendChild(tile);
    const text = el('span', 'cab-entity__text');
    const title = el('span', 'cab-entity__name', name);
    title.title = String(name);
    text.appendChild(title);
    if (caption)
      text.appendChild(el('span', 'cab-entity__role', caption));
    head.appendChild(text);
    return head;
  }

  function iconTile(paths) {
    const tile = el('span', 'cab-avatar cab-avatar--sm cab-avatar--icon');
    tile.appendChild(icon('cab-icon', paths));
    return tile;
  }

  function fieldSection(key, head, fieldIds, view, sys, T, skipId) {
    const list = renderFieldList(fieldIds, view, sys, T, skipId);
    return disclosure(key, head, fieldCount(list), list, T);
  }

  function renderLead(view, sys, T) {
    const frag = document.createDocumentFragment();
    const lead = view.lead;

    if (!lead || !lead.isLeadLoaded) {
      const card = el('section', 'cab-card cab-lead cab-lead--placeholder');
      if (lead) {
        card.setAttribute('aria-busy', 'true');
        for (const width of ['40%', '85%', '55%']) {
          const bone = el('div', 'cab-skeleton');
          bone.style.width = width;
          card.appendChild(bone);
        }
      }
      card.appendChild(el('p', 'cab-lead__placeholder-text', lead ? T.t('lead.loading') : T.t('lead.none')));
      frag.appendChild(card);
      return frag;
    }

    const card = el('section', 'cab-card cab-lead');
    const top = el('div', 'cab-lead__top');
    top.appendChild(el('span', 'cab-lead__caption', T.t('lead.caption')));
    top.appendChild(el('span', 'cab-lead__id', T.t('lead.number', { id: lead.id })));
    card.appendChild(top);
    card.appendChild(el('h1', 'cab-lead__name', view.leadName || T.t('lead.number', { id: lead.id })));

    const budget = findBudgetField(lead, view);
    if (budget) {
      const row = el('div', 'cab-lead__budget');
      row.appendChild(el('span', 'cab-lead__budget-value',
                         isBlank(budget.value) ? T.t('value.empty')
                           : formatMoney(budget.value, sys.currencySymbol, T)));
      row.appendChild(el('span', 'cab-lead__budget-label', budget.name));
      card.appendChild(row);
    }

    card.appendChild(renderPipeline(lead.statuses, T));

    const manager = lookup(view.authors, lead.managerId);
    if (manager) {
      const row = el('div', 'cab-lead__manager');
      row.appendChild(avatar(manager, 'sm'));
      const text = el('div', 'cab-lead__manager-text');
      text.appendChild(el('span', 'cab-lead__manager-label', T.t('lead.manager')));
      text.appendChild(el('span', 'cab-lead__manager-name', manager.name));
      row.appendChild(text);
      card.appendChild(row);
    }
    frag.appendChild(card);

    frag.appendChild(fieldSection('fields',
      sectionHead(iconTile(['M9 6h11', 'M9 12h11', 'M9 18h11', 'M4.5 6h.01', 'M4.5 12h.01',
                            'M4.5 18h.01']), T.t('lead.fields')),
      lead.fieldIds, view, sys, T, budget ? budget.id : null));

    const contactIds = lead.contacts ? Object.keys(lead.contacts) : [];
    if (contactIds.length) {
      const contacts = el('div', 'cab-contacts');
      contacts.setAttribute('role', 'group');
      contacts.setAttribute('aria-label', T.t('lead.contacts'));
      contactIds.forEach((id, index) => {
        const contact = lookup(lead.contacts, id) || {};
        const display = lookup(view.contacts, id) || {};
        const name = display.name || T.t('lead.contactFallback', { id });
        const head = sectionHead(avatar({ id, name, avatar: display.avatar }, 'sm'), name,
                                 index === 0 ? T.t('lead.mainContact') : T.t('lead.contact'));
        contacts.appendChild(fieldSection('contact:' + id, head, contact.fieldIds, view, sys, T, null));
      });
      frag.appendChild(contacts);
    }

    if (lead.company) {
      const tile = iconTile(['M4 21V5a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v4h2a2 2 0 0 1 2 2v10',
                             'M3 21h18', 'M8 7h4', 'M8 11h4', 'M8 15h4']);
      const head = lead.company.name ? sectionHead(tile, lead.company.name, T.t('lead.company'))
        : sectionHead(tile, T.t('lead.company'));
      frag.appendChild(fieldSection('company', head, lead.company.fieldIds, view, sys, T, null));
    }
    return frag;
  }

  // ---- Conversation --------------------------------------------------------

  function messageKind(author) {
    if (!author)
      return 'unknown';
    if (author.isClient)
      return 'client';
    return author.isBot ? 'bot' : 'manager';
  }

  function renderMessages(view, sys, T) {
    const list = el('div', 'cab-chat__list');
    const messages = (Array.isArray(view.messages) ? view.messages : [])
      .filter((m) => m && typeof m === 'object')
      .map((m, i) => ({ m, i, t: Number(m.date) || 0 }))
      // Oldest first, as the format promises; the sort only guards against a
      // hand-edited scenario, and keeps the given order for equal dates.
      .sort((a, b) => a.t - b.t || a.i - b.i)
      .map((entry) => entry.m);

    if (!messages.length) {
      const empty = el('div', 'cab-chat__empty');
      empty.appendChild(icon('cab-chat__empty-icon',
                             ['M4 5h16a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H9l-4 3v-3H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z']));
      empty.appendChild(el('span', null, T.t('chat.empty')));
      list.appendChild(empty);
      return list;
    }

    const authors = view.authors || {};
    let lastDay = null;
    let prev = null;
    for (const message of messages) {
      const date = toDate(message.date);
      const day = date ? formatDate(date, sys.dateFormat, false) : '';
      if (day && day !== lastDay) {
        const sep = el('div', 'cab-day');
        sep.setAttribute('role', 'separator');
        sep.appendChild(el('span', 'cab-day__label', day));
        list.appendChild(sep);
        lastDay = day;
        prev = null;
      }

      const author = lookup(authors, message.authorId) || null;
      const kind = messageKind(author);
      const continued = prev && prev.authorId === message.authorId &&
        Math.abs(Number(message.date) - Number(prev.date)) < GROUP_GAP_SECONDS;
      prev = message;

      const row = el('div', 'cab-msg cab-msg--' + kind + (continued ? ' is-continued' : ''));
      if (kind !== 'client') {
        const slot = el('div', 'cab-msg__avatar');
        if (!continued)
          slot.appendChild(avatar(author || { id: message.authorId, name: '?' }, 'md'));
        row.appendChild(slot);
      }

      const body = el('div', 'cab-msg__body');
      if (!continued && kind !== 'client') {
        const head = el('div', 'cab-msg__author');
        head.appendChild(el('span', 'cab-msg__name', author ? author.name : T.t('chat.unknownAuthor')));
        if (kind === 'bot')
          head.appendChild(el('span', 'cab-badge cab-badge--bot', T.t('chat.bot')));
        body.appendChild(head);
      }
      const bubble = el('div', 'cab-msg__bubble');
      bubble.appendChild(el('span', 'cab-msg__text', message.text));
      if (date) {
        const time = el('time', 'cab-msg__time', formatDate(date, sys.timeFormat, false));
        time.dateTime = date.toISOString();
        bubble.appendChild(time);
      }
      body.appendChild(bubble);
      row.appendChild(body);
      list.appendChild(row);
    }
    return list;
  }

  function renderComposer(T) {
    const bar = el('div', 'cab-composer');
    bar.title = T.t('composer.disabled');
    const attach = el('button', 'cab-composer__icon-button');
    attach.type = 'button';
    attach.disabled = true;
    attach.setAttribute('aria-label', T.t('composer.attach'));
    attach.appendChild(icon('cab-icon', ['M21 11.5l-8.6 8.6a5 5 0 0 1-7.1-7.1l8.6-8.6a3.3 3.3 0 0 1 4.7 4.7l-8.6 8.6a1.7 1.7 0 0 1-2.4-2.4l7.9-7.9']));
    bar.appendChild(attach);
    const input = el('textarea', 'cab-composer__input');
    input.rows = 1;
    input.disabled = true;
    input.placeholder = T.t('composer.placeholder');
    input.setAttribute('aria-label', T.t('composer.placeholder'));
    bar.appendChild(input);
    const send = el('button', 'cab-composer__send');
    send.type = 'button';
    send.disabled = true;
    send.setAttribute('aria-label', T.t('composer.send'));
    send.appendChild(icon('cab-icon', ['M4 12l16-8-6 16-2.5-6.5z', 'M11.5 13.5L20 4']));
    bar.appendChild(send);
    return bar;
  }

  function renderConversation(container, view, sys, T) {
    // Keep the reader where they were unless they were following the end of
    // the conversation (or this is the first render): then stay at the end.
    const old = container.querySelector('.cab-chat__scroll');
    const followEnd = !old || old.scrollHeight - old.scrollTop - old.clientHeight < 48;
    const oldTop = old ? old.scrollTop : 0;

    const frag = document.createDocumentFragment();
    const header = el('div', 'cab-chat__header');
    const titles = el('div', 'cab-chat__titles');
    titles.appendChild(el('h2', 'cab-chat__title', T.t('chat.title')));
    if (view.leadName)
      titles.appendChild(el('span', 'cab-chat__subtitle', view.leadName));
    header.appendChild(titles);

    // The faces of everyone who takes part, as a messenger header shows them.
    const people = el('div', 'cab-chat__people');
    const seen = new Set();
    for (const message of Array.isArray(view.messages) ? view.messages : []) {
      const author = message ? lookup(view.authors, message.authorId) : null;
      if (!author || author.isClient || seen.has(author.id) || seen.size >= 4)
        continue;
      seen.add(author.id);
      const face = avatar(author, 'sm');
      face.title = author.name || '';
      people.appendChild(face);
    }
    if (seen.size)
      header.appendChild(people);
    frag.appendChild(header);

    const scroll = el('div', 'cab-chat__scroll');
    scroll.appendChild(renderMessages(view, sys, T));
    frag.appendChild(scroll);
    frag.appendChild(renderComposer(T));

    container.replaceChildren(frag);
    scroll.scrollTop = followEnd ? scroll.scrollHeight : oldTop;
  }

  // ---- Entry point ---------------------------------------------------------

  function render(view) {
    view = view || {};
    const sys = Object.assign({ dateFormat: 'dd.mm.yyyy', timeFormat: 'HH:MM', currencySymbol: '' },
                              view.sys || {});
    if (typeof sys.dateFormat !== 'string' || !sys.dateFormat)
      sys.dateFormat = 'dd.mm.yyyy';
    if (typeof sys.timeFormat !== 'string' || !sys.timeFormat)
      sys.timeFormat = 'HH:MM';
    const T = I18n.translator(sys.lang);

    document.documentElement.lang = T.lang;
    document.title = sys.pageTitle || T.t('page.title');

    const header = document.getElementById('cab-header');
    if (header)
      header.replaceChildren(renderHeader(view, sys, T));
    const lead = document.getElementById('cab-lead');
    if (lead) {
      fieldRows = new Map();
      // A keyboard user toggling sections must not lose their place when a
      // state change rebuilds the sidebar under them.
      const active = document.activeElement;
      const focused = active && lead.contains(active) && active.dataset ? active.dataset.section : undefined;
      lead.replaceChildren(renderLead(view, sys, T));
      if (focused !== undefined) {
        const again = Array.from(lead.querySelectorAll('.cab-disclosure__toggle'))
          .find((toggle) => toggle.dataset.section === focused);
        if (again)
          again.focus({ preventScroll: true });
      }
    }
    const conversation = document.getElementById('cab-conversation');
    if (conversation)
      renderConversation(conversation, view, sys, T);

    const widgetsTitle = document.getElementById('cab-widgets-title');
    if (widgetsTitle)
      widgetsTitle.textContent = T.t('widgets.title');
    const widgetsEmpty = document.getElementById('cab-widgets-empty');
    if (widgetsEmpty)
      widgetsEmpty.textContent = T.t('widgets.empty');
  }

  // Redraws the rows of these fields in place, or returns false when that is not enough (a
  // field joined or left a list, or is the budget the lead card shows) and render() must run.
  function updateFields(ids, view) {
    const lead = document.getElementById('cab-lead');
    const fields = (view && view.leadFields) || {};
    if (!lead)
      return false;
    const sys = Object.assign({ dateFormat: 'dd.mm.yyyy', timeFormat: 'HH:MM', currencySymbol: '' }, view.sys || {});
    const T = I18n.translator(sys.lang);
    const budget = findBudgetField(view.lead || {}, view);
    const rows = [];
    for (const id of ids) {
      const field = lookup(fields, id);
      if (!field || (budget && budget.id === id))
        return false;
      const found = fieldRows.get(id) || [];
      if (found.length === 0)
        return false;
      for (const row of found)
        rows.push([row, field]);
    }
    for (const [row, field] of rows) {
      row.dataset.type = String(field.type);
      row.querySelector('.cab-field__name').textContent = field.name;
      row.querySelector('.cab-field__value').replaceChildren(renderValue(field, sys, T));
    }
    return true;
  }

  window.CabinetView = Object.freeze({ render, updateFields });
})();
