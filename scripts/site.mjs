// Writes target/site/: the static site to deploy (GitHub Pages), made of the built www/ —
// the three pages, what they load (the list scripts/precache.mjs keeps for offline use:
// the bundle without its source maps, the wasm core and its glue, styles, icons, the
// manifest), the service worker with its file list, and greymatter.d.ts for authors; not
// the unbundled modules of www/js/ nor the .d.ts files of www/pkg/. Every URL in it is
// relative, so it works at a domain's root and under any sub-path (/greymatter/): a
// root-relative one (`href="/…"`) in a page, a stylesheet or the manifest is refused.
// Run by `make site` after `make build`.

import { cpSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesBelow, precacheFiles, writePrecache } from './precache.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const WWW = path.join(here, '..', 'www');
const SITE = path.join(here, '..', 'target', 'site');
/** Beside what the pages load: the worker (its list is written anew below) and the typings. */
const EXTRA = ['sw.js', 'greymatter.d.ts'];

/** The root-relative URLs (`/js/…`; not `//host/…`) in a page, a stylesheet or the manifest. */
function rootRelative(file, text) {
  if (file.endsWith('.html')) return [...text.matchAll(/\b(?:href|src|action)\s*=\s*["']?(\/(?!\/)[^"'\s>]*)/g)].map((match) => match[1]);
  if (file.endsWith('.css')) return [...text.matchAll(/url\(\s*["']?(\/(?!\/)[^"')]*)/g)].map((match) => match[1]);
  if (file.endsWith('.webmanifest')) {
    const { start_url: start, scope, icons = [] } = JSON.parse(text);
    return [start, scope, ...icons.map((icon) => icon.src)].filter((url) => /^\/(?!\/)/.test(url ?? ''));
  }
  return [];
}

function fail(message) {
  console.error(`greymatter: error: ${message}`);
  process.exit(1);
}

let loaded;
try {
  loaded = precacheFiles(WWW);
} catch (error) {
  fail(`${error.message}; run make build first`);
}
rmSync(SITE, { recursive: true, force: true });
for (const file of [...loaded, ...EXTRA]) {
  mkdirSync(path.dirname(path.join(SITE, file)), { recursive: true });
  cpSync(path.join(WWW, file), path.join(SITE, file));
}
const { version, files: precached } = writePrecache(SITE);

const absolute = filesBelow(SITE, '.')
  .filter((file) => /\.(html|css|webmanifest)$/.test(file))
  .flatMap((file) => rootRelative(file, readFileSync(path.join(SITE, file), 'utf8')).map((url) => `${file}: ${url}`));
if (absolute.length) fail(`root-relative URLs break the site under a sub-path:\n  ${absolute.join('\n  ')}`);
const written = filesBelow(SITE, '.').sort();
const expected = [...precached, ...EXTRA, 'sw-precache.js'].sort();
if (written.join('\n') !== expected.join('\n')) fail(`the offline list does not match the site's files: ${written} against ${expected}`);

const bytes = written.reduce((sum, file) => sum + statSync(path.join(SITE, file)).size, 0);
console.log(`greymatter: ${path.relative(process.cwd(), SITE)}: ${written.length} files, ${bytes} bytes (offline version ${version})`);
