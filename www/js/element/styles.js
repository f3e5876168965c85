// The stylesheets of greymatter's elements (css/playground.css, and css/compare.css for
// a comparison, found as core/assets.js says), each fetched and parsed once for the
// whole page and adopted by every element's shadow root. A playground that could not
// start shows only its notice saying why, readable even when its stylesheet is what
// is missing (a constructed sheet of its own, which no Content-Security-Policy refuses).

import { download, notText } from '../core/download.js';

/** Until the stylesheet arrives, the playground stays invisible rather than unstyled. */
const waiting = new CSSStyleSheet();
waiting.replaceSync(':host { display: block; min-height: 320px; } .playground { visibility: hidden; }');

/** After a failed start: the notice alone; its look from playground.css when that arrived, else this one's. */
const failed = new CSSStyleSheet();
failed.replaceSync(`
:host { display: block; }
.playground > :not(.message) { display: none !important; }
.message { display: block; margin: 0; padding: 8px 12px; border-left: 4px solid var(--gm-notice-line, #f59322);
  background: var(--gm-notice, #fff4e5); color: var(--gm-ink, #222); font: var(--gm-font-size, 16px)/1.5 var(--gm-font, system-ui, sans-serif);
  white-space: pre-line; overflow-wrap: anywhere; }
`);

const loading = new Map();

/** The stylesheet `name` of core/assets.js, once loaded (shared by every element); a failure says why. */
function sheetNamed(name) {
  if (!loading.has(name)) {
    const sheet = download(name).then(async ({ url, what, response }) => {
      const text = await response.text();
      const refusal = notText(what, url, text, 'CSS');
      if (refusal) throw refusal;
      const parsed = new CSSStyleSheet();
      parsed.replaceSync(text);
      return parsed;
    });
    sheet.catch(() => loading.delete(name));
    loading.set(name, sheet);
  }
  return loading.get(name);
}

/**
 * Styles `shadow`: hidden at once, then the playground's look and the sheets at `more`
 * (names of core/assets.js); resolves when it is styled.
 */
export async function adoptStyles(shadow, more = []) {
  shadow.adoptedStyleSheets = [waiting];
  // Asked for once the script that made the element has run: it may set basePath first.
  await null;
  shadow.adoptedStyleSheets = await Promise.all(['playgroundCss', ...more].map(sheetNamed));
}

/** Shows only the notice of the playground in `shadow`, which could not start (with the sheets that did arrive). */
export function showStartFailure(shadow) {
  shadow.adoptedStyleSheets = [failed, ...shadow.adoptedStyleSheets.filter((sheet) => sheet !== waiting)];
}
