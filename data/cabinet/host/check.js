// SPDX-License-Identifier: GPL-3.0-or-later
// What `cabinet-inspector --check` asks of the page between the steps of a scenario: to wait
// until the widgets have settled, to read a widget's slot, and to click in it. The app calls
// these with webkit_web_view_call_async_javascript_function(); they only read the page and
// act as a user would.
'use strict';

(function () {
  const MAX_TEXT = 64 * 1024;

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  // Settled: the lifecycle queue is idle, has stayed idle for `quietMs` (a subscriber's
  // re-render, a Promise the widget started), and the event log has sent what it holds (the
  // bridge keeps the order of messages, so the app has the entries before this returns).
  async function settle (quietMs) {
    for (;;) {
      const idle = window.CabinetWidgets.whenIdle();
      await idle;
      await sleep(quietMs);
      if (window.CabinetWidgets.whenIdle() === idle)
        break;
    }
    window.CabinetEvents.flushNow();
  }

  function cap (text) {
    return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) + '…' : text;
  }

  // The slot as a person sees it (innerText: rendered text, hidden elements left out) and as
  // markup.
  function slot (id) {
    const widget = window.CabinetWidgets.get(id);
    const element = widget && widget.slot;
    return {
      state: widget ? widget.state : 'gone',
      text: element ? cap(element.innerText) : '',
      html: element ? cap(element.innerHTML) : '',
    };
  }

  // Clicks the first element in the widget's slot that `selector` matches; { error } says
  // why it could not.
  function click (id, selector) {
    const widget = window.CabinetWidgets.get(id);
    if (!widget || !widget.slot)
      return { error: `the widget has no slot (it is ${widget ? widget.state : 'gone'})` };
    let target;
    try {
      target = widget.slot.querySelector(selector);
    } catch (error) {
      return { error: `“${selector}” is not a CSS selector (${error.message})` };
    }
    if (!target)
      return { error: `no element in the slot matches “${selector}”` };
    target.click();
    return { clicked: target.tagName.toLowerCase() };
  }

  window.CabinetCheck = Object.freeze({ settle, slot, click });
})();
