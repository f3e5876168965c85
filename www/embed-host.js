// greymatter's helper for host pages that show the iframe embed (embed.html) and can run
// a classic script (docs/embedding-iframe.md):
//
//   <script src="https://…/greymatter/embed-host.js"></script>
//   <iframe data-greymatter src="https://…/greymatter/embed.html#dataset=xor&layout=compact"></iframe>
//
// Every `iframe[data-greymatter]` of the page is resized to the height its playground
// reports. `greymatterFrame(iframe)` (the one global it adds) gives a frame's scripting
// API as promises — `.call('setConfig', {learningRate: 0.1})` resolves with the result or
// rejects with the frame's message — and its events — `.on('epoch', (detail) => …)`
// returns a function that stops listening. It takes a message only from that iframe's
// window and from the origin of its `src`, and posts only to that origin.

(function defineGreymatterFrame() {
  // biome-ignore lint/suspicious/noRedundantUseStrict: a classic script (<script src>), not a module
  'use strict';

  if (typeof window.greymatterFrame === 'function') return;

  /** iframe → its connection. */
  const connections = new Map();
  let nextId = 1;

  /** The origin of the iframe's `src`, or null without one. */
  function sourceOrigin(iframe) {
    if (!iframe.src) return null;
    try {
      const origin = new URL(iframe.src, document.baseURI).origin;
      return origin === 'null' ? null : origin;
    } catch {
      return null;
    }
  }

  /** true: loaded; false: not yet (its load event will say); 'ask': another origin's page is there, maybe ready. */
  function frameLoaded(iframe) {
    let inside = null;
    try {
      inside = iframe.contentDocument;
    } catch {
      inside = null;
    }
    if (inside === null) return 'ask';
    return inside.URL !== 'about:blank' && inside.readyState === 'complete';
  }

  function connect(iframe) {
    const listeners = new Map(); // event type → Set of callbacks
    const pending = new Map(); // call id → {resolve, reject}
    const waitingToSend = []; // calls made before the frame could take them
    let listening = false;

    function post(message) {
      const origin = sourceOrigin(iframe);
      if (origin && iframe.contentWindow) iframe.contentWindow.postMessage(message, origin);
    }

    function frameIsListening() {
      if (listening) return;
      listening = true;
      while (waitingToSend.length) post(waitingToSend.shift());
    }

    function send(call, args) {
      return new Promise((resolve, reject) => {
        const id = `greymatter-${nextId++}`;
        pending.set(id, { resolve, reject });
        const message = { greymatter: 1, id, call, args };
        if (listening) post(message);
        else waitingToSend.push(message);
      });
    }

    /** A message that came from this frame. */
    function receive(message) {
      if (message === null || typeof message !== 'object' || message.greymatter !== 1) return;
      frameIsListening();
      if (typeof message.event === 'string') {
        if (message.event === 'resize' && Number.isFinite(message.detail?.height)) {
          iframe.style.height = `${message.detail.height}px`;
        }
        for (const callback of listeners.get(message.event) ?? []) callback(message.detail);
        return;
      }
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      if ('error' in message) waiting.reject(new Error(message.error));
      else waiting.resolve(message.result);
    }

    iframe.addEventListener('load', frameIsListening);
    const loaded = frameLoaded(iframe);
    if (loaded === true) frameIsListening();
    // Loaded before this script ran? Its answer says so; if it is still loading, its load event will.
    else if (loaded === 'ask') post({ greymatter: 1, id: `greymatter-${nextId++}`, call: 'playing' });

    return {
      receive,
      api: Object.freeze({
        /** Calls a member of the frame's scripting API; resolves with its result, rejects with its refusal. */
        call: (name, ...args) => send(name, args),
        /** Calls `callback(detail)` on each `event` of the frame (ready, epoch, configchange, …, resize); returns a function that stops it. */
        on(event, callback) {
          if (!listeners.has(event)) listeners.set(event, new Set());
          listeners.get(event).add(callback);
          return () => listeners.get(event).delete(callback);
        },
      }),
    };
  }

  window.addEventListener('message', (event) => {
    for (const [iframe, connection] of connections) {
      if (event.source !== null && event.source === iframe.contentWindow && event.origin === sourceOrigin(iframe)) {
        connection.receive(event.data);
        return;
      }
    }
  });

  /** The scripting API of greymatter's iframe `iframe` ({call, on}); connects it (and resizes it) on first use. */
  window.greymatterFrame = function greymatterFrame(iframe) {
    if (!(iframe instanceof HTMLIFrameElement)) throw new TypeError('greymatterFrame takes an <iframe> element');
    if (!connections.has(iframe)) connections.set(iframe, connect(iframe));
    return connections.get(iframe).api;
  };

  function connectMarkedFrames() {
    for (const iframe of document.querySelectorAll('iframe[data-greymatter]')) window.greymatterFrame(iframe);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', connectMarkedFrames);
  else connectMarkedFrames();
})();
