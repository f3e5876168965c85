// The iframe embed (embed.html): one <greymatter-playground> filling the frame, set up
// from the frame's own address and scripted by its parent page through postMessage
// (docs/embedding-iframe.md; the pure parts are in embed-protocol.js).
//
// Who may script the frame: only its parent window, and when the address has
// `origins=…`, only a parent of one of those origins. A parent of another origin gets a
// refusal saying so (and the frame's console says it once); any other window's message
// is ignored without an answer. Replies go to the caller's origin. Events and heights
// go to the parent with targetOrigin `*` when no `origins` are given: they carry nothing secret
// (the setup, the losses, the height: what the page shows anyway), `window.parent` is
// always the page that holds the frame, and a host of any origin can then resize it.
// Any site can frame embed.html and drive its own copy; `origins` is how an author
// keeps other sites from scripting (and listening to) the frames meant for their pages.

import { GreymatterPlayground, describeInitialSetup } from './playground-element.js';
import {
  readEmbedHash,
  isFromHost,
  isGreymatterMessage,
  answerCall,
  originRefusal,
  eventTargets,
  eventMessage,
  resizeMessage,
  EVENT_TYPES,
} from './embed-protocol.js';

if (!customElements.get('greymatter-playground')) {
  customElements.define('greymatter-playground', GreymatterPlayground);
}

/** The parent's origin where the browser tells it (location.ancestorOrigins, else the referrer); null if unknown. */
function knownParentOrigin() {
  const ancestor = window.location.ancestorOrigins?.[0];
  if (ancestor) return ancestor;
  try {
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch {
    return null;
  }
}

/** The playground the address asks for, added to the page. */
function addPlayground({ link, attributes, problems }) {
  const element = document.createElement('greymatter-playground');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (link) element.setAttribute('link', `#${link}`);
  describeInitialSetup(element, 'In the embed address', problems);
  document.body.append(element);
  return element;
}

/** Passes the element's events and the page's height on to the parent, and answers its calls. */
function connectToParent(element, origins) {
  let parentOrigin = knownParentOrigin();
  const send = (message) => {
    for (const target of eventTargets(origins, parentOrigin)) window.parent.postMessage(message, target);
  };
  for (const type of EVENT_TYPES) {
    element.addEventListener(type, (event) => send(eventMessage(type, event.detail)));
  }
  // Heights from the first drawn picture on (or the failure to start): not the unstyled page before it.
  let height = null;
  const sendHeight = () => {
    const now = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (now === height) return;
    height = now;
    send(resizeMessage(height));
  };
  const watchHeight = () => new ResizeObserver(sendHeight).observe(document.documentElement);
  element.ready.then(watchHeight, watchHeight);
  let refused = false;
  window.addEventListener('message', async (event) => {
    if (event.source !== window.parent || !isGreymatterMessage(event.data)) return;
    // An opaque origin (a sandboxed or file: page) cannot be named: the reply goes to that window alone.
    const reply = (answer) => event.source.postMessage(answer, event.origin === 'null' ? '*' : event.origin);
    if (!isFromHost(event, { parent: window.parent, origins })) {
      const refusal = originRefusal(event.data, origins, event.origin);
      if (!refused) console.warn(`greymatter: ${refusal.error}`);
      refused = true;
      reply(refusal);
      return;
    }
    if (origins !== null) parentOrigin = event.origin;
    // A host calls as soon as the frame listens: each call waits until the playground is up (or failed to start).
    await element.ready.catch(() => {});
    reply(await answerCall(element.api, event.data));
  });
}

const embed = readEmbedHash(window.location.hash);
const playground = addPlayground(embed);
// Opened on its own (not in a frame), the page is just the playground.
if (window.parent !== window) connectToParent(playground, embed.origins);
