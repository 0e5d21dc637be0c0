// SPDX-License-Identifier: GPL-3.0-or-later
//
// How the mock cabinet shows a field's value, by field type, with the number
// and date formatting that goes with it. render.js builds the page around
// these; this file only turns one value into DOM.
//
// Loaded before render.js, which takes everything from
// window.CabinetFieldFormat, including the few small helpers both files use
// (lookup, fill, el, isPlainObject, isBlank). Words and number formats come
// from the i18n catalogues through render.js's translator, as `T` (see
// host/i18n.js). As in render.js, values are untrusted and
// only reach the page through textContent, attributes and checked URLs.

'use strict';

(function () {
  // State maps come from JSON that anyone may edit: only own keys count, so
  // an id such as "__proto__" finds nothing instead of Object.prototype.
  function lookup(map, key) {
    if (!map || typeof map !== 'object' || !Object.prototype.hasOwnProperty.call(map, key))
      return undefined;
    return map[key];
  }

  function fill(template, params) {
    return template.replace(/\{(\w+)\}/g, (m, key) => (key in params ? String(params[key]) : m));
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className)
      node.className = className;
    if (text !== undefined && text !== null)
      node.textContent = String(text);
    return node;
  }

  function isPlainObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  }

  function isBlank(value) {
    return value === undefined || value === null || value === '' ||
      (Array.isArray(value) && value.length === 0);
  }

  // ---- Numbers and dates -------------------------------------------------

  function formatNumber(value, T) {
    const n = typeof value === 'number' ? value : Number(value);
    if (typeof value === 'boolean' || value === '' || !Number.isFinite(n))
      return String(value);
    const parts = Math.abs(n).toFixed(2).split('.');
    const int = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, T.t('number.group'));
    const frac = parts[1].replace(/0+$/, '');
    return (n < 0 ? '−' : '') + int + (frac ? T.t('number.decimal') + frac : '');
  }

  function formatMoney(value, currency, T) {
    return T.t('number.money', { amount: formatNumber(value, T), currency: currency || '' }).trim();
  }

  function pad2(n) {
    return n < 10 ? '0' + n : String(n);
  }

  // The few tokens of the `dateformat` masks that SysModel uses
  // (DATE_FORMATS and TIME_FORMATS), with that library's meanings: mm is the
  // month and MM the minutes.
  const MASK_TOKENS = /yyyy|yy|dd|d|mm|m|HH|H|hh|h|MM|M|ss|TT|tt/g;

  function formatDate(date, mask, utc) {
    const y = utc ? date.getUTCFullYear() : date.getFullYear();
    const mo = (utc ? date.getUTCMonth() : date.getMonth()) + 1;
    const d = utc ? date.getUTCDate() : date.getDate();
    const H = utc ? date.getUTCHours() : date.getHours();
    const M = utc ? date.getUTCMinutes() : date.getMinutes();
    const s = utc ? date.getUTCSeconds() : date.getSeconds();
    const h = H % 12 || 12;
    return mask.replace(MASK_TOKENS, (token) => {
      switch (token) {
        case 'yyyy': return String(y);
        case 'yy': return String(y).slice(-2);
        case 'dd': return pad2(d);
        case 'd': return String(d);
        case 'mm': return pad2(mo);
        case 'm': return String(mo);
        case 'HH': return pad2(H);
        case 'H': return String(H);
        case 'hh': return pad2(h);
        case 'h': return String(h);
        case 'MM': return pad2(M);
        case 'M': return String(M);
        case 'ss': return pad2(s);
        case 'TT': return H < 12 ? 'AM' : 'PM';
        case 'tt': return H < 12 ? 'am' : 'pm';
        default: return token;
      }
    });
  }

  function toDate(unixSeconds) {
    const n = typeof unixSeconds === 'number' ? unixSeconds : Number(unixSeconds);
    if (unixSeconds === null || unixSeconds === '' || !Number.isFinite(n))
      return null;
    return new Date(n * 1000);
  }

  // ---- Field values --------------------------------------------------------

  function safeHref(value) {
    try {
      const url = new URL(String(value).trim());
      return ['http:', 'https:', 'mailto:', 'tel:'].includes(url.protocol) ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function optionText(option) {
    if (isPlainObject(option))
      return option.value !== undefined && option.value !== null ? String(option.value) : '';
    return option === undefined || option === null ? '' : String(option);
  }

  function lines(className, items) {
    const block = el('div', className);
    for (const item of items) {
      if (!isBlank(item))
        block.appendChild(el('div', 'cab-value-line', item));
    }
    return block;
  }

  function fallbackText(value) {
    if (typeof value === 'string')
      return value;
    try {
      return JSON.stringify(value);
    } catch (e) {
      return String(value);
    }
  }

  function renderMultitext(value, T) {
    const list = el('ul', 'cab-multitext');
    for (const item of Array.isArray(value) ? value : [value]) {
      if (isBlank(item))
        continue;
      const li = el('li', 'cab-multitext__item');
      li.appendChild(el('span', 'cab-multitext__value', isPlainObject(item) ? item.value : item));
      const code = isPlainObject(item) ? item.enumCode || item.enum_code : null;
      if (code) {
        const key = 'multitext.' + code;
        li.appendChild(el('span', 'cab-multitext__label', T.has(key) ? T.t(key) : String(code).toLowerCase()));
      }
      list.appendChild(li);
    }
    return list;
  }

  // amoCRM's entity_type values, by name or by number, and the catalogue key of each.
  const ENTITY_TYPES = { legal: 'legalEntity.legal', individual: 'legalEntity.individual',
                         1: 'legalEntity.individual', 2: 'legalEntity.legal' };

  function renderLegalEntity(value, T) {
    if (!isPlainObject(value))
      return el('span', null, fallbackText(value));
    const block = el('div', 'cab-value-block');
    if (!isBlank(value.name))
      block.appendChild(el('div', 'cab-value-line cab-value-line--strong', value.name));
    const type = value.entity_type;
    if (!isBlank(type))
      block.appendChild(el('div', 'cab-value-line cab-value-line--muted',
                           lookup(ENTITY_TYPES, String(type)) ? T.t(ENTITY_TYPES[String(type)]) : String(type)));
    const kpp = !isBlank(value.kpp) ? value.kpp : value.tax_registration_reason_code;
    const pairs = [[T.t('legalEntity.vatId'), value.vat_id], [T.t('legalEntity.kpp'), kpp]];
    if (!isBlank(value.kpp) && !isBlank(value.tax_registration_reason_code) &&
        String(value.kpp) !== String(value.tax_registration_reason_code))
      pairs.push([T.t('legalEntity.taxCode'), value.tax_registration_reason_code]);
    for (const [label, v] of pairs) {
      if (isBlank(v))
        continue;
      const line = el('div', 'cab-value-line');
      line.appendChild(el('span', 'cab-value-key', label));
      line.appendChild(document.createTextNode(' ' + v));
      block.appendChild(line);
    }
    if (!isBlank(value.address))
      block.appendChild(el('div', 'cab-value-line', value.address));
    return block;
  }

  function renderSmartAddress(value) {
    if (!isPlainObject(value))
      return el('span', 'cab-value-pre', fallbackText(value));
    const cityLine = [value.zip, value.city].filter((p) => !isBlank(p)).join(' ');
    return lines('cab-value-block', [value.address_line_1, value.address_line_2, cityLine,
                                     value.state, value.country]);
  }

  // One field's value as DOM, by FIELD_TYPES; unknown types still show
  // something readable so a scenario file with a typo is visible, not blank.
  function renderValue(field, sys, T) {
    const value = field.value;
    if (isBlank(value) && field.type !== 'checkbox')
      return el('span', 'cab-value-empty', T.t('value.empty'));

    switch (field.type) {
      case 'checkbox': {
        const on = value === true || value === 1 || value === '1' || value === 'true';
        const box = el('span', 'cab-check' + (on ? ' is-on' : ''));
        box.appendChild(el('span', 'cab-check__mark'));
        box.appendChild(el('span', null, on ? T.t('value.yes') : T.t('value.no')));
        return box;
      }
      case 'numeric':
        return el('span', 'cab-value-number', formatNumber(value, T));
      case 'budget':
        return el('span', 'cab-value-number', formatMoney(value, sys.currencySymbol, T));
      case 'date':
      case 'birthday': {
        // Dates are midnight UTC of the day, so read them in UTC: in any
        // time zone west of Greenwich local time would show the day before.
        const date = toDate(value);
        return el('span', null, date ? formatDate(date, sys.dateFormat, true) : fallbackText(value));
      }
      case 'dateTime': {
        const date = toDate(value);
        return el('span', null, date
          ? formatDate(date, sys.dateFormat, false) + ' ' + formatDate(date, sys.timeFormat, false)
          : fallbackText(value));
      }
      case 'select':
      case 'radiobutton':
        return el('span', null, optionText(value));
      case 'multiselect':
        return el('span', null, (Array.isArray(value) ? value : [value]).map(optionText)
          .filter(Boolean).join(', '));
      case 'url': {
        const href = safeHref(value);
        if (!href)
          return el('span', null, fallbackText(value));
        const link = el('a', 'cab-link', value);
        link.href = href;
        link.title = String(value);
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        return link;
      }
      case 'textarea':
      case 'streetaddress':
        return el('span', 'cab-value-pre', fallbackText(value));
      case 'multitext':
        return renderMultitext(value, T);
      case 'smartAddress':
        return renderSmartAddress(value);
      case 'legalEntity':
        return renderLegalEntity(value, T);
      default:
        return el('span', 'cab-value-pre', fallbackText(value));
    }
  }

  window.CabinetFieldFormat = Object.freeze({
    renderValue,
    formatNumber,
    formatMoney,
    formatDate,
    toDate,
    lookup,
    fill,
    el,
    isPlainObject,
    isBlank,
  });
})();
