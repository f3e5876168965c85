// Where greymatter's files are: the wasm core, its glue and the elements' stylesheets.
// By default next to the bundle (`new URL('…', import.meta.url)`, written out with a
// literal path for each file so bundlers such as Vite and esbuild see the files and
// copy them); a host that moves the files sets a base path once, before the first
// element starts (`GreymatterPlayground.basePath = 'https://…/greymatter/'`, the folder
// that holds greymatter.js, pkg/ and css/ as the package lays them out).

/**
 * Each file by name: where it is below the base path, where it is next to the bundle,
 * and what a message calls it ("greymatter could not start: its core is not at …").
 */
const FILES = {
  core: { path: 'pkg/greymatter_bg.wasm', here: new URL('../../pkg/greymatter_bg.wasm', import.meta.url).href, words: 'its core' },
  glue: { path: 'pkg/greymatter.js', here: new URL('../../pkg/greymatter.js', import.meta.url).href, words: "its core's glue code" },
  playgroundCss: { path: 'css/playground.css', here: new URL('../../css/playground.css', import.meta.url).href, words: 'its stylesheet' },
  compareCss: { path: 'css/compare.css', here: new URL('../../css/compare.css', import.meta.url).href, words: "the comparison's stylesheet" },
};

/** The base path a host set (an absolute URL ending in /), or null: next to the bundle. */
let base = null;
/** The first file asked for, once one was: the base path can no longer change. */
let firstUse = null;

/** The base path in use: the one a host set, or null when the files are found next to the bundle. */
export function basePath() {
  return base;
}

/**
 * Sets the folder the files are found in (relative to the page, or absolute); null goes
 * back to next to the bundle. Refused once a file was asked for: the core and the
 * stylesheets are loaded once for the whole page.
 */
export function setBasePath(path) {
  if (path !== null && (typeof path !== 'string' || path.trim() === '')) {
    throw new TypeError(`basePath must be the URL of the folder that holds pkg/ and css/ (or null), got ${JSON.stringify(path)}`);
  }
  if (firstUse) {
    throw new Error(`basePath must be set before the first greymatter element starts: ${firstUse} was already asked for`);
  }
  if (path === null) {
    base = null;
    return;
  }
  const folder = new URL(path, document.baseURI);
  if (!folder.pathname.endsWith('/')) folder.pathname += '/';
  base = folder.href;
}

/** The URL of file `name` (core, glue, playgroundCss, compareCss); from now on the base path stays. */
export function assetUrl(name) {
  const file = FILES[name];
  const url = base ? new URL(file.path, base).href : file.here;
  firstUse ??= url;
  return url;
}

/** What a message calls file `name` ("its core"). */
export function assetWords(name) {
  return FILES[name].words;
}
