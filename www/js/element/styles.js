// The playground's stylesheet (css/playground.css, next to greymatter.js), fetched and
// parsed once for the whole page and adopted by every element's shadow root.

const CSS_URL = new URL('../../css/playground.css', import.meta.url).href;

/** Until the stylesheet arrives, the playground stays invisible rather than unstyled. */
const waiting = new CSSStyleSheet();
waiting.replaceSync(':host { display: block; min-height: 320px; } .playground { visibility: hidden; }');

let loading = null;

/** The stylesheet, once loaded (shared by every element). */
function playgroundSheet() {
  loading ??= fetch(CSS_URL).then((response) => {
    if (!response.ok) throw new Error(`${CSS_URL}: ${response.status} ${response.statusText}`);
    return response.text();
  }).then((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    return sheet;
  });
  loading.catch(() => { loading = null; });
  return loading;
}

/** Styles `shadow`: hidden at once, then the playground's look; resolves when it is styled. */
export async function adoptStyles(shadow) {
  shadow.adoptedStyleSheets = [waiting];
  shadow.adoptedStyleSheets = [await playgroundSheet()];
}
