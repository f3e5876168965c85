// The stylesheets of greymatter's elements (css/playground.css, and css/compare.css for
// a comparison, found as core/assets.js says), each fetched and parsed once for the
// whole page and adopted by every element's shadow root.

import { assetUrl } from '../core/assets.js';

/** Until the stylesheet arrives, the playground stays invisible rather than unstyled. */
const waiting = new CSSStyleSheet();
waiting.replaceSync(':host { display: block; min-height: 320px; } .playground { visibility: hidden; }');

const loading = new Map();

/** The stylesheet at `url`, once loaded (shared by every element). */
function sheetAt(url) {
  if (!loading.has(url)) {
    const sheet = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
      return response.text();
    }).then((text) => {
      const parsed = new CSSStyleSheet();
      parsed.replaceSync(text);
      return parsed;
    });
    sheet.catch(() => loading.delete(url));
    loading.set(url, sheet);
  }
  return loading.get(url);
}

/**
 * Styles `shadow`: hidden at once, then the playground's look and the sheets at `more`
 * (names of core/assets.js); resolves when it is styled.
 */
export async function adoptStyles(shadow, more = []) {
  shadow.adoptedStyleSheets = [waiting];
  // Asked for once the script that made the element has run: it may set basePath first.
  await null;
  shadow.adoptedStyleSheets = await Promise.all(['playgroundCss', ...more].map((name) => sheetAt(assetUrl(name))));
}
