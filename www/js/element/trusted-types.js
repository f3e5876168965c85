// greymatter's one Trusted Types policy, named "greymatter". greymatter's pages ship a
// Content-Security-Policy with `require-trusted-types-for 'script'`, so the browser
// refuses every string handed to an HTML or script-URL sink unless it went through a
// policy. greymatter has two such sinks, and this policy allows only what they need:
// - the element's markup, a constant in template.js (no data is ever put into it): it
//   must hold no <script>, no inline event handler and no javascript: URL;
// - a script URL (the worker greymatter's own pages register for offline use, never
//   the element): only a URL of greymatter's own folder on its own origin.
// Where the browser has no Trusted Types, the strings are used as they are. A host page
// that enforces Trusted Types with a `trusted-types` list must name `greymatter` in it
// (docs/embedding.md, "A host page's Content-Security-Policy").

/**
 * greymatter's folder: the one place a script URL may point into. (`import.meta.url` is
 * read apart so bundlers do not take the folder for a file to copy.)
 */
const here = import.meta.url;
const HOME = new URL('../../', here);

/** Why the policy could not be made (a host page's `trusted-types` list without "greymatter"), or null. */
let refusal = null;

function checkedMarkup(markup) {
  if (/<script|\son[a-z]+\s*=|javascript:/i.test(markup)) {
    throw new TypeError('greymatter: refused markup with a script, an event handler or a javascript: URL');
  }
  return markup;
}

function checkedScriptUrl(url) {
  const parsed = new URL(url, HOME);
  if (parsed.origin !== HOME.origin || !parsed.pathname.startsWith(HOME.pathname)) {
    throw new TypeError(`greymatter: refused a script URL outside greymatter's folder: ${parsed.href}`);
  }
  return parsed.href;
}

function makePolicy() {
  const factory = globalThis.trustedTypes;
  if (!factory?.createPolicy) return null;
  try {
    return factory.createPolicy('greymatter', { createHTML: checkedMarkup, createScriptURL: checkedScriptUrl });
  } catch (error) {
    refusal =
      `this page's Content-Security-Policy does not allow a Trusted Types policy named "greymatter" `
      + `(add it to the trusted-types directive): ${error.message}`;
    return null;
  }
}

const policy = makePolicy();

/** `markup`, a constant of greymatter's, as the browser's sinks accept it. */
export function trustedMarkup(markup) {
  return policy ? policy.createHTML(markup) : checkedMarkup(markup);
}

/** `url`, a script of greymatter's own folder, as the browser's sinks accept it. */
export function trustedScriptUrl(url) {
  return policy ? policy.createScriptURL(String(url)) : checkedScriptUrl(String(url));
}

/** Why greymatter could not make its policy on this page, or null when it could (or did not need to). */
export function trustedTypesRefusal() {
  return refusal;
}
