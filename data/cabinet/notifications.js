// SPDX-License-Identifier: GPL-3.0-or-later
//
// The popups of APP.notifications (SPEC §3), drawn as amoCRM draws them: in the bottom-left
// corner, stacked with the newest at the bottom, each closed by its ×, the newest by Escape,
// all at once by "Close all" when there are many.
//
// n_data comes from widget code and is untrusted: every member is checked, what is wrong is
// told to the caller's `warn` (host/app.js turns that into a warning in the event log) and
// the popup shows what can be shown. Text reaches the page through textContent; the HTML that
// SPEC allows (an error's text) goes through sanitize() first.
'use strict';

(function () {
  // Popups stay open across a change of sys.lang, so their words are put in with
  // CabinetI18n.label() (host/i18n.js) and follow the language in place.
  const I18n = window.CabinetI18n;

  // The APP method behind each type, for messages that name it.
  const METHODS = {
    call: 'add_call', error: 'add_error', message: 'show_message',
    'message-error': 'show_message_error', notification: 'show_notification',
  };

  const ICONS = {
    call: ['M22 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.1 4.2 ' +
      '2 2 0 0 1 4.1 2h3a2 2 0 0 1 2 1.7c.1.9.4 1.8.7 2.7a2 2 0 0 1-.5 2.1L8 9.8a16 16 0 0 0 6 6l1.3-1.3a2 ' +
      '2 0 0 1 2.1-.4c.9.3 1.8.6 2.7.7a2 2 0 0 1 1.7 2z'],
    error: ['M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20z', 'M12 7.5v5', 'M12 16.5h.01'],
    message: ['M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9', 'M13.7 21a2 2 0 0 1-3.4 0'],
  };

  // The files a browser plays in <audio>, by extension (a query string may follow).
  const AUDIO = /\.(mp3|wav|ogg|oga|opus|m4a|aac|flac|webm)$/i;
  // Past this many, the oldest popup goes without being "closed" (nothing is remembered):
  // a widget that fires in a loop must not fill the page with nodes.
  const MAX_SHOWN = 100;
  const CLOSE_ALL_FROM = 4;
  const ENTITY_PATHS = {
    contact: 'contacts', contacts: 'contacts', 1: 'contacts',
    lead: 'leads', leads: 'leads', 2: 'leads',
    company: 'companies', companies: 'companies', 3: 'companies',
  };

  const SVG_NS = 'http://www.w3.org/2000/svg';
  const shown = [];
  let list = null;
  let closeAllButton = null;

  function sys () {
    return (window.CabinetSdk && window.CabinetSdk.getEntity('sys')) || {};
  }

  function el (tag, className, text) {
    const node = document.createElement(tag);
    if (className)
      node.className = className;
    if (text !== undefined && text !== null)
      node.textContent = String(text);
    return node;
  }

  function icon (paths) {
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('class', 'cab-icon');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    for (const d of paths) {
      const path = document.createElementNS(SVG_NS, 'path');
      path.setAttribute('d', d);
      svg.append(path);
    }
    return svg;
  }

  function preview (value) {
    return window.CabinetEvents.preview(value, 80);
  }

  // ---- Checking n_data -------------------------------------------------------------------

  // Reads the members of one object for `method` ("add_call"), telling `warn` what is wrong.
  // `path` names the object in messages ("n_data", "n_data.text").
  function reader (object, method, path, warn) {
    const data = object !== null && typeof object === 'object' ? object : {};
    const get = (member) => {
      try {
        return data[member];
      } catch (error) {
        warn(`${method}: reading ${path}.${member} threw ${preview(error)}`);
        return undefined;
      }
    };

    return {
      // A string (or a number, shown as it is); '' when it is missing or of another type.
      text (member, required) {
        const value = get(member);
        if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))
          return String(value);
        if (value === undefined || value === null) {
          if (required)
            warn(`${method}: ${path}.${member} is missing`);
        } else {
          warn(`${method}: ${path}.${member} should be a string, got ${preview(value)}`);
        }
        return '';
      },

      // A whole number of seconds, or null.
      seconds (member) {
        const value = get(member);
        if (value === undefined || value === null || value === '')
          return null;
        const n = typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
        if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) {
          warn(`${method}: ${path}.${member} should be a number of seconds, got ${preview(value)}`);
          return null;
        }
        return Math.round(n);
      },

      // A Date from Unix seconds; the current time, with a warning, when there is none.
      date (member) {
        const value = get(member);
        const n = typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
        if (value === undefined || value === null) {
          warn(`${method}: ${path}.${member} is missing (Unix time in seconds); the current time is shown`);
        } else if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) {
          warn(`${method}: ${path}.${member} should be a Unix time in seconds, got ${preview(value)}; ` +
            'the current time is shown');
        } else if (n > 1e11) {
          // Date.now() instead of seconds: year 5138 and later.
          warn(`${method}: ${path}.${member} is ${preview(value)}, which looks like milliseconds; amoCRM ` +
            'expects Unix time in seconds (Math.floor(Date.now() / 1000))');
          const date = new Date(n);
          if (!Number.isNaN(date.getTime()))
            return date;
        } else {
          return new Date(n * 1000);
        }
        return new Date();
      },

      // An http(s) URL, or null; what is not one is told and not linked.
      url (member, allowData) {
        const value = get(member);
        if (value === undefined || value === null || value === '')
          return null;
        if (typeof value !== 'string') {
          warn(`${method}: ${path}.${member} should be a URL string, got ${preview(value)}`);
          return null;
        }
        let url = null;
        try {
          url = new URL(value, document.baseURI);
        } catch (error) {
          url = null;
        }
        if (url && (url.protocol === 'http:' || url.protocol === 'https:' ||
            (allowData && url.protocol === 'data:' && /^data:image\//i.test(value))))
          return url;
        warn(`${method}: ${path}.${member} should be an http(s) URL, got ${preview(value)}`);
        return null;
      },

      // { id, type } of a contact, lead or company, or null.
      element (member) {
        const value = get(member);
        if (value === undefined || value === null)
          return null;
        if (typeof value !== 'object') {
          warn(`${method}: ${path}.${member} should be an object { id, type }, got ${preview(value)}`);
          return null;
        }
        const inner = reader(value, method, `${path}.${member}`, warn);
        const id = inner.text('id', true);
        const type = inner.raw('type');
        const kind = Object.prototype.hasOwnProperty.call(ENTITY_PATHS, String(type)) ? ENTITY_PATHS[String(type)] : null;
        if (!kind)
          warn(`${method}: ${path}.${member}.type should be "contact", "lead" or "company", got ${preview(type)}`);
        return id && kind ? { id, kind } : null;
      },

      object (member) {
        const value = get(member);
        if (value !== null && typeof value === 'object')
          return value;
        warn(`${method}: ${path}.${member} should be an object, got ${preview(value)}`);
        return {};
      },

      raw: get,
    };
  }

  // ---- HTML ------------------------------------------------------------------------------

  const DROPPED_ELEMENTS = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed',
    'link', 'meta', 'base', 'form', 'template', 'noscript', 'svg', 'math']);
  const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'cite']);

  function unsafeUrl (value) {
    // Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
    return /^(javascript|vbscript|data):/i.test(String(value).replace(/[\u0000-\u0020]/g, ''));
  }

  // The HTML of a notification's text without what could run code, load frames or restyle
  // the page. DOMParser's document has no browsing context: nothing in it runs or loads
  // while it is being cleaned.
  function sanitize (html) {
    const doc = new DOMParser().parseFromString(String(html), 'text/html');
    for (const node of Array.from(doc.body.querySelectorAll('*'))) {
      if (DROPPED_ELEMENTS.has(node.localName)) {
        node.remove();
        continue;
      }
      for (const attribute of Array.from(node.attributes)) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith('on') || name === 'style' || name === 'srcdoc' ||
            (URL_ATTRIBUTES.has(name) && unsafeUrl(attribute.value)))
          node.removeAttribute(attribute.name);
      }
      if (node.localName === 'a') {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    }
    const fragment = document.createDocumentFragment();
    for (const node of Array.from(doc.body.childNodes))
      fragment.append(document.adoptNode(node));
    return fragment;
  }

  // ---- Building the popups ---------------------------------------------------------------

  function pad2 (n) {
    return n < 10 ? '0' + n : String(n);
  }

  // 65 → "1:05", 3725 → "1:02:05".
  function formatDuration (seconds) {
    const hours = Math.floor(seconds / 3600);
    const minutes = Math.floor((seconds % 3600) / 60);
    const rest = seconds % 60;
    return hours > 0 ? `${hours}:${pad2(minutes)}:${pad2(rest)}` : `${minutes}:${pad2(rest)}`;
  }

  function formatWhen (date) {
    const format = window.CabinetFieldFormat;
    const s = sys();
    const dateFormat = typeof s.dateFormat === 'string' && s.dateFormat ? s.dateFormat : 'dd.mm.yyyy';
    const timeFormat = typeof s.timeFormat === 'string' && s.timeFormat ? s.timeFormat : 'HH:MM';
    return format.formatDate(date, dateFormat, false) + ' ' + format.formatDate(date, timeFormat, false);
  }

  // A link whose words the caller puts in with I18n.label().
  function linkTo (url) {
    const link = el('a', 'cab-link cab-note__link');
    link.href = url;
    link.target = '_blank';
    link.rel = 'noopener';
    return link;
  }

  function plain (text) {
    return text.replace(/\s+/g, ' ').trim();
  }

  // Each builder returns { style, title, titleKey, parts: [Node], date, summary, level }: the
  // title is the caller's header when there is one, else the catalogue's text of titleKey.
  function buildCall (r) {
    const from = r.text('from', true);
    const to = r.text('to', true);
    const duration = r.seconds('duration');
    const link = r.url('link');
    const element = r.element('element');
    const text = r.text('text', true);
    const parts = [];

    const parties = el('div', 'cab-note__parties');
    parties.append(el('span', 'cab-note__party', from || '—'), el('span', 'cab-note__arrow', '→'),
      el('span', 'cab-note__party', to || '—'));
    if (duration !== null) {
      const chip = el('span', 'cab-note__duration', formatDuration(duration));
      I18n.label(chip, 'notification.duration', null, ['title']);
      parties.append(chip);
    }
    parts.push(parties);

    if (link && AUDIO.test(link.pathname)) {
      const audio = el('audio', 'cab-note__audio');
      audio.controls = true;
      audio.preload = 'none';
      audio.src = link.href;
      I18n.label(audio, 'notification.recording', null, ['aria-label']);
      parts.push(audio);
    } else if (link) {
      parts.push(I18n.label(linkTo(link.href), 'notification.link'));
    }
    if (element) {
      const address = window.CabinetApp ? window.CabinetApp.getAccountAddress() : '';
      const node = address ? linkTo(`${address}/${element.kind}/detail/${encodeURIComponent(element.id)}`)
        : el('span', 'cab-note__entity');
      parts.push(I18n.label(node, `notification.${element.kind}`, { id: element.id }));
    }
    if (text)
      parts.push(el('div', 'cab-note__text', text));

    const summary = `${from || '?'} → ${to || '?'}` + (duration !== null ? `, ${formatDuration(duration)}` : '');
    return { style: 'call', titleKey: 'notification.call', parts, date: r.date('date'), summary, level: 'info' };
  }

  function shorten (text) {
    return text.length > 200 ? text.slice(0, 199) + '…' : text;
  }

  // An error, a message or an error message: a header and HTML text.
  // With no header, the popup is titled by the catalogue's @defaultKey, else by its style.
  function buildMessage (r, style, extra, defaultKey) {
    const header = r.text('header', true);
    const html = r.text('text', true);
    const parts = [];
    const content = sanitize(html);
    const summaryText = plain(content.textContent);
    if (content.childNodes.length > 0) {
      const body = el('div', 'cab-note__text cab-note__text--html');
      body.append(content);
      parts.push(body);
    }
    if (extra === 'link') {
      const link = r.url('link');
      if (link)
        parts.push(I18n.label(linkTo(link.href), 'notification.link'));
    }
    const iconUrl = extra === 'icon' ? r.url('icon', true) : null;
    return {
      style,
      title: header,
      titleKey: defaultKey || (style === 'error' ? 'notification.error' : 'notification.message'),
      parts,
      date: extra === 'now' ? new Date() : r.date('date'),
      iconUrl,
      summary: shorten((header || '?') + (summaryText ? `: ${summaryText}` : '')),
      level: style === 'error' ? 'error' : 'info',
    };
  }

  const BUILDERS = {
    call: (r) => buildCall(r),
    error: (r) => buildMessage(r, 'error'),
    message: (r) => buildMessage(r, 'message', 'icon'),
    'message-error': (r) => buildMessage(r, 'error', 'link'),
    notification (r, method, warn) {
      const type = r.raw('type');
      if (type !== 'call' && type !== 'error')
        warn(`${method}: type should be "call" or "error", got ${preview(type)}`);
      const text = reader(r.object('text'), method, 'params.text', warn);
      const style = type === 'error' || type === 'call' ? type : 'message';
      // show_notification has no date: it is shown now.
      return buildMessage(text, style, 'now', `notification.${style}`);
    },
  };

  function ensureList () {
    if (list && list.isConnected)
      return list;
    let container = document.getElementById('cab-notifications');
    if (!container) {
      container = el('div', 'cab-notifications');
      container.id = 'cab-notifications';
      document.body.append(container);
    }
    closeAllButton = el('button', 'cab-notifications__close-all');
    closeAllButton.type = 'button';
    closeAllButton.hidden = true;
    closeAllButton.addEventListener('click', () => {
      for (const popup of shown.slice())
        close(popup, true);
    });
    list = el('div', 'cab-notifications__list');
    container.replaceChildren(closeAllButton, list);
    return list;
  }

  function updateCloseAll () {
    if (!closeAllButton)
      return;
    closeAllButton.hidden = shown.length < CLOSE_ALL_FROM;
    I18n.label(closeAllButton, 'notification.closeAll', { n: shown.length });
  }

  // byUser: the user closed it (×, Escape, "Close all"), which an error remembers.
  function close (popup, byUser) {
    const index = shown.indexOf(popup);
    if (index === -1)
      return;
    shown.splice(index, 1);
    popup.root.remove();
    updateCloseAll();
    if (byUser && popup.onClose) {
      try {
        popup.onClose();
      } catch (error) {
        window.CabinetEvents.rawConsole.error('Cabinet Inspector: closing a notification failed', error);
      }
    }
  }

  function render (type, built) {
    const root = el('div', `cab-note cab-note--${built.style}`);
    root.dataset.type = type;
    root.setAttribute('role', built.style === 'error' ? 'alert' : 'status');

    const badge = el('span', 'cab-note__icon');
    if (built.iconUrl) {
      const image = el('img', 'cab-note__image');
      image.alt = '';
      image.src = built.iconUrl.href;
      image.addEventListener('error', () => image.replaceWith(icon(ICONS.message)), { once: true });
      badge.append(image);
    } else {
      badge.append(icon(ICONS[built.style] || ICONS.message));
    }

    const content = el('div', 'cab-note__content');
    const head = el('div', 'cab-note__head');
    const title = el('span', 'cab-note__title');
    if (built.title)
      title.textContent = built.title;
    else
      I18n.label(title, built.titleKey);
    const time = el('time', 'cab-note__time', formatWhen(built.date));
    if (!Number.isNaN(built.date.getTime()))
      time.dateTime = built.date.toISOString();
    head.append(title, time);
    content.append(head, ...built.parts);

    const closeButton = el('button', 'cab-note__close', '×');
    closeButton.type = 'button';
    I18n.label(closeButton, 'notification.close', null, ['title', 'aria-label']);

    root.append(badge, content, closeButton);
    return { root, closeButton };
  }

  // Shows one popup. options: { who: { widget, widgetLabel }, warn(message), onClose() }.
  function show (type, data, options) {
    const method = METHODS[type];
    const warn = options.warn || (() => {});
    if (data === null || typeof data !== 'object')
      warn(`${method}: ${type === 'notification' ? 'params' : 'n_data'} should be an object, got ${preview(data)}`);
    const r = reader(data, method, type === 'notification' ? 'params' : 'n_data', warn);
    const built = BUILDERS[type](r, method, warn);
    const { root, closeButton } = render(type, built);

    const popup = { root, onClose: options.onClose };
    closeButton.addEventListener('click', () => close(popup, true));
    ensureList().append(root);
    shown.push(popup);
    while (shown.length > MAX_SHOWN)
      close(shown[0], false);
    updateCloseAll();
    list.scrollTop = list.scrollHeight;

    const who = options.who || {};
    const entry = window.CabinetEvents.entry({
      kind: 'notification',
      level: built.level,
      name: type,
      message: built.summary,
      widget: who.widget,
      widgetLabel: who.widgetLabel,
    });
    // After the log entry of the call that showed it, so the app's log reads in order.
    window.CabinetEvents.afterFlush(() => window.CabinetBridge.notify('notification', { entry }));
    return root;
  }

  // Escape closes the newest popup, unless a widget already handled the key.
  window.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented && shown.length > 0) {
      close(shown[shown.length - 1], true);
      event.preventDefault();
    }
  });

  window.CabinetNotifications = Object.freeze({
    show,
    sanitize,
    formatDuration,
    count: () => shown.length,
    closeAll: () => shown.slice().forEach((popup) => close(popup, true)),
  });
})();
