// SPDX-License-Identifier: GPL-3.0-or-later
// A widget's accordion item in the cabinet's sidebar: its header (name, status, remove, fold),
// the problems the host found, and the slot the widget draws in, with the titles in the
// cabinet's language (host/i18n.js). The item lives as long as its widget, so every word in
// it is put there with CabinetI18n.label(): a change of sys.lang relabels it in place, and
// the widget in its slot is neither reloaded nor redrawn. widgets.js runs the lifecycle; this
// file only draws it.
'use strict';

(function () {
  const I18n = window.CabinetI18n;

  // The title of a problem by its code, in the cabinet's language; a code the catalogues do
  // not know (a newer host's) shows as itself.
  function title (code) {
    const key = 'widget.problem.' + code;
    return I18n.has(key) ? I18n.t(key) : String(code);
  }

  // The accordion item of @widget ({ id, label, script }); @onRemove runs on its × button.
  function create (widget, onRemove) {
    const item = document.createElement('div');
    item.className = 'cab-widget';
    item.dataset.widgetId = widget.id;

    const header = document.createElement('div');
    header.className = 'cab-widget__header';
    header.setAttribute('role', 'button');
    header.tabIndex = 0;
    header.setAttribute('aria-expanded', 'true');
    const icon = document.createElement('span');
    icon.className = 'cab-widget__icon';
    icon.textContent = (widget.label.replace(/^\W+/, '')[0] || 'W').toUpperCase();
    const name = document.createElement('span');
    name.className = 'cab-widget__title';
    name.textContent = widget.label;
    name.title = widget.script;
    const status = document.createElement('span');
    status.className = 'cab-widget__status';
    // Which code runs and since when: after a save, the developer sees the new hash appear.
    const version = document.createElement('div');
    version.className = 'cab-widget__version';
    const remove = document.createElement('button');
    remove.className = 'cab-widget__remove';
    remove.type = 'button';
    remove.textContent = '×';
    I18n.label(remove, 'widget.remove', null, ['title', 'aria-label']);
    const chevron = document.createElement('span');
    chevron.className = 'cab-widget__chevron';
    header.append(icon, name, status, remove, chevron);

    const body = document.createElement('div');
    body.className = 'cab-widget__body';
    const problems = document.createElement('div');
    problems.className = 'cab-widget__problems';
    body.append(version, problems);
    item.append(header, body);

    const toggle = () => {
      const collapsed = item.classList.toggle('is-collapsed');
      header.setAttribute('aria-expanded', String(!collapsed));
    };
    header.addEventListener('click', (event) => {
      if (!remove.contains(event.target))
        toggle();
    });
    header.addEventListener('keydown', (event) => {
      if (event.target === header && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        toggle();
      }
    });
    remove.addEventListener('click', onRemove);

    document.getElementById('cab-widgets-list').append(item);
    return { root: item, status, version, body, problems };
  }

  function renderProblems (item, problems) {
    const container = item.problems;
    container.replaceChildren();
    for (const problem of problems) {
      const box = document.createElement('div');
      box.className = 'cab-widget__problem';
      box.dataset.code = problem.code;
      box.dataset.severity = problem.severity;
      const heading = document.createElement('div');
      heading.className = 'cab-widget__problem-title';
      if (I18n.has('widget.problem.' + problem.code))
        I18n.label(heading, 'widget.problem.' + problem.code);
      else
        heading.textContent = problem.title || String(problem.code);
      const message = document.createElement('div');
      message.className = 'cab-widget__problem-message';
      message.textContent = problem.message;
      box.append(heading, message);
      if (problem.file) {
        const location = document.createElement('div');
        location.className = 'cab-widget__problem-location';
        const file = problem.file.split('?')[0].split('/').pop() || problem.file;
        location.textContent = [file, problem.line, problem.column].filter((part) => part).join(':');
        location.title = problem.file;
        box.append(location);
      }
      container.append(box);
    }
  }

  let revealedFirstWidget = false;

  // The widget is what the developer came to see: once per page, the first widget that is up
  // is scrolled into view, unless the developer has already scrolled the sidebar.
  function revealFirstWidget (item) {
    const sidebar = item.root.closest('.cab-sidebar');
    if (revealedFirstWidget || !sidebar || sidebar.scrollTop > 0)
      return;
    revealedFirstWidget = true;
    // After the widget has drawn (most draw at once or in a microtask), so all of it shows.
    requestAnimationFrame(() => {
      if (sidebar.scrollTop === 0)
        item.root.scrollIntoView({ block: 'nearest' });
    });
  }

  function showState (item, state, reloading) {
    item.root.dataset.state = state;
    I18n.label(item.status, 'widget.status.' + (state === 'loading' && reloading ? 'reloading' : state));
    if (state !== 'loading')
      revealFirstWidget(item);
  }

  function twoDigits (number) {
    return String(number).padStart(2, '0');
  }

  // "a1b2c3d · 14:03:12": the code's short hash and the time it was loaded (@date; null keeps
  // the time shown). A reload flashes the item, so a save that changed nothing visible still
  // shows that it landed.
  function showVersion (item, hash, date, loads) {
    if (date) {
      item.loadedAt = `${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}:${twoDigits(date.getSeconds())}`;
      if (loads > 1) {
        item.root.classList.remove('is-reloaded');
        void item.root.offsetWidth; // restart the animation
        item.root.classList.add('is-reloaded');
      }
    }
    const time = item.loadedAt || '';
    item.version.textContent = [hash, time].filter(Boolean).join(' · ');
    I18n.label(item.version, 'widget.version', { hash: hash || '—', time, loads }, ['title']);
    item.root.dataset.contentHash = hash || '';
    item.root.dataset.loads = String(loads);
  }

  // The note the sidebar shows while it has no widget.
  function updateEmptyNote (count) {
    const empty = document.getElementById('cab-widgets-empty');
    if (empty)
      empty.hidden = count > 0;
  }

  window.CabinetWidgetItem = Object.freeze({ title, create, renderProblems, showState, showVersion, updateEmptyNote });
})();
