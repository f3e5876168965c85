// Writes www/sw-precache.js: the files greymatter's service worker (www/sw.js) keeps for
// offline use, and the build's version, a hash of those files and of sw.js itself, so
// that any change to what the pages load is a new worker. Run by `make build` after the
// wasm package; `node scripts/precache.mjs [folder]` writes it for another copy of www/.
// scripts/site.mjs imports it: the site is these files and the worker.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The pages and what they load outside the folders below; each must exist. */
const FILES = [
  'index.html',
  'tutorial.html',
  'embed.html',
  'greymatter.js',
  'embed-host.js',
  'favicon.svg',
  'manifest.webmanifest',
  'pkg/greymatter.js',
  'pkg/greymatter_bg.wasm',
];
/** Folders kept whole: the page's bundle (not the modules it is made of), styles, icons. */
const FOLDERS = ['js/dist', 'css', 'icons'];
/** Files in those folders the pages never load (source maps, read by developer tools only). */
const UNLOADED = /\.map$/;

/** Every file below `folder` of `www` (relative to www, with / separators). */
export function filesBelow(www, folder) {
  return readdirSync(path.join(www, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path
        .relative(www, path.join(entry.parentPath ?? entry.path, entry.name))
        .split(path.sep)
        .join('/'),
    );
}

/** What the pages of `www` load (relative, with / separators), sorted; throws if one is missing. */
export function precacheFiles(www) {
  const missing = FILES.filter((file) => !existsSync(path.join(www, file)));
  if (missing.length) throw new Error(`${missing.join(', ')} missing in ${www} (make build builds pkg/)`);
  return [...FILES, ...FOLDERS.flatMap((folder) => filesBelow(www, folder)).filter((file) => !UNLOADED.test(file))].sort();
}

/** Writes `www`/sw-precache.js; returns `{ version, files }`. */
export function writePrecache(www) {
  const files = precacheFiles(www);
  const hash = createHash('sha256');
  for (const file of [...files, 'sw.js']) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(www, file)));
    hash.update('\0');
  }
  const version = hash.digest('hex').slice(0, 16);
  writeFileSync(
    path.join(www, 'sw-precache.js'),
    `// Written by scripts/precache.mjs (make build): what www/sw.js keeps for offline use.
self.GREYMATTER_PRECACHE = ${JSON.stringify({ version, files }, null, 2)};
`,
  );
  return { version, files };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const www = path.resolve(process.argv[2] ?? path.join(here, '..', 'www'));
  try {
    const { version, files } = writePrecache(www);
    console.log(`greymatter: ${path.relative(process.cwd(), path.join(www, 'sw-precache.js')) || 'sw-precache.js'}: version ${version}, ${files.length} files`);
  } catch (error) {
    console.error(`greymatter: error: ${error.message}`);
    process.exit(1);
  }
}
