// Downloading greymatter's own files (core/assets.js: the core, its glue, the
// stylesheets) so that one that does not arrive says why, in words an author can act
// on: its URL, the HTTP status, and the likely cause — files moved (404), a server that
// answers with an HTML page where the file should be, another origin that sends no CORS
// header, the host page's Content-Security-Policy. The words come from the pure
// functions below (tests/unit/download.test.mjs); `download` is the one that fetches.

import { assetUrl, assetWords } from './assets.js';

/** What an author does when greymatter's files are not where it looks for them. */
export const BASE_PATH_HINT = 'Set GreymatterPlayground.basePath to the folder that holds pkg/ and css/.';

/** The hint for an HTML page where a file should be. */
const PAGE_HINT = `A server that answers every address with a page (a single-page app's fallback) does this for a file it does not have. ${BASE_PATH_HINT}`;

/**
 * Why a playground could not start: `problem` says what went wrong, `hint` (may be
 * empty) what the author can do; the message is both.
 */
export class StartFailure extends Error {
  constructor(problem, hint = '') {
    super(hint ? `${problem} ${hint}` : problem);
    this.name = 'StartFailure';
    this.problem = problem;
    this.hint = hint;
  }
}

/** The answer of a download of `what` at `url` that had HTTP status `status` (`reason`: its phrase, if any). */
export function statusFailure(what, url, status, reason = '') {
  const answered = `${status} ${reason}`.trim();
  if (status === 404 || status === 410) {
    return new StartFailure(`${what} is not at ${url} (${answered}).`, `Were the files moved? ${BASE_PATH_HINT}`);
  }
  return new StartFailure(`${what} could not be downloaded from ${url}: the server answered ${answered}.`);
}

/** Whether `text` (a file's start) is an HTML or XML page. */
function isPage(text) {
  return /^<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|\?xml)/i.test(text);
}

/** How the first bytes of a file read, for a message: `"<!DOCTYPE html>", an HTML page`, quoted text, or bytes in hex. */
export function fileStart(bytes) {
  if (bytes.length === 0) return 'nothing: the file is empty';
  const text = new TextDecoder()
    .decode(bytes.subarray(0, 64))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (isPage(text)) return `${JSON.stringify(/^<[^>]{0,40}>?/.exec(text)[0])}, an HTML page`;
  const line = text.split(/\r?\n/)[0];
  if (line && /^[\x20-\x7e]+$/.test(line.slice(0, 16))) {
    return JSON.stringify(line.length > 24 ? `${line.slice(0, 23)}…` : line);
  }
  return `the bytes ${Array.from(bytes.subarray(0, 4), (byte) => byte.toString(16).padStart(2, '0')).join(' ')}`;
}

/** Null when `bytes` start as WebAssembly does (`\0asm`); else why `what` at `url` is refused. */
export function notWebAssembly(what, url, bytes) {
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d) return null;
  const start = fileStart(bytes);
  const hint = start.endsWith('an HTML page') ? PAGE_HINT : `Is it the file of greymatter's package, copied whole? ${BASE_PATH_HINT}`;
  return new StartFailure(`${what} at ${url} is not WebAssembly: it starts with ${start}.`, hint);
}

/** Null unless `text`, the file `what` at `url` that should be `language` (CSS, JavaScript), is an HTML page. */
export function notText(what, url, text, language) {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (!isPage(start)) return null;
  return new StartFailure(`${what} at ${url} is not ${language}: it starts with ${fileStart(new TextEncoder().encode(start))}.`, PAGE_HINT);
}

/**
 * A download of `what` at `url` that the browser refused or that failed without an
 * answer, from a page of origin `pageOrigin`: blocked by the page's
 * Content-Security-Policy (`directive`, the one that refused it, when the page said so),
 * by CORS (another origin), or the network.
 */
export function blockedFailure(what, url, pageOrigin, directive = null) {
  const origin = new URL(url).origin;
  if (directive) {
    return new StartFailure(
      `this page's Content-Security-Policy does not allow downloading ${what} from ${url} (${directive}).`,
      `Add ${origin} to its ${directive}.`,
    );
  }
  if (origin !== pageOrigin) {
    return new StartFailure(
      `could not download ${what} from ${url}, another origin: the server sent no Access-Control-Allow-Origin header for this page (or is unreachable).`,
      "Serve greymatter's files with CORS (GitHub Pages and the npm CDNs do), or set GreymatterPlayground.basePath to a copy on this page's origin.",
    );
  }
  return new StartFailure(`could not download ${what} from ${url}: the server is unreachable.`);
}

/** Whether `error`, thrown by WebAssembly.compile, is the page's Content-Security-Policy refusing to compile. */
export function refusedByPolicy(error) {
  return /Content.Security.Policy|unsafe-eval/i.test(String(error?.message));
}

/** Why `what` at `url`, WebAssembly, did not compile (`error`, the compiler's). */
export function compileFailure(what, url, error) {
  if (refusedByPolicy(error)) {
    return new StartFailure(
      "this page's Content-Security-Policy does not allow WebAssembly to compile.",
      "Add 'wasm-unsafe-eval' to its script-src: greymatter's core is WebAssembly.",
    );
  }
  return new StartFailure(
    `${what} at ${url} could not be compiled: ${error?.message ?? error}`,
    `Is it the file of greymatter's package, copied whole? ${BASE_PATH_HINT}`,
  );
}

/**
 * Fetches file `name` (core/assets.js); resolves to `{url, what, response}` once an OK
 * answer starts, or rejects with a StartFailure saying why there is none. While it waits
 * it listens for the page's Content-Security-Policy refusing the URL: a fetch refused so
 * fails just as one refused by CORS does, and only that event tells them apart.
 */
export async function download(name) {
  const url = assetUrl(name);
  const what = assetWords(name);
  const refusals = [];
  const heard = (event) => refusals.push(event);
  document.addEventListener('securitypolicyviolation', heard);
  try {
    let response;
    try {
      response = await fetch(url);
    } catch {
      await new Promise((resolve) => {
        setTimeout(resolve);
      }); // the refusal's event may follow the failure
      const refusal = refusals.find((event) => event.blockedURI === url || event.blockedURI === new URL(url).origin);
      throw blockedFailure(what, url, window.location.origin, refusal?.effectiveDirective ?? null);
    }
    if (!response.ok) throw statusFailure(what, url, response.status, response.statusText);
    return { url, what, response };
  } finally {
    document.removeEventListener('securitypolicyviolation', heard);
  }
}
