// Bundles the page's modules (www/js/) with esbuild (scripts/bundle/): one file per
// entry — the element (js/greymatter.js, loaded through www/greymatter.js), the full
// page, the tutorial, the iframe embed and the offline registration — and the chunks
// they share, so a page asks for a handful of files instead of 60 modules, each a
// request the browser waits for. The export writers stay chunks of their own, loaded
// only when used. The chunks sit two folders below the site's root, as every source
// module does, so each `new URL('../../…', import.meta.url)` still names the same file.
// `make build` runs it for www/js/dist/; `node scripts/bundle.mjs [folder]` bundles
// another copy of www/; scripts/package.mjs calls `bundle` for the npm package.

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from './bundle/node_modules/esbuild/lib/main.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The bundle's entries, by the module each starts from (in www/js/). */
export const ENTRIES = ['greymatter.js', 'full-page.js', 'tutorial.js', 'element/embed-frame.js', 'offline/register.js'];

/**
 * Bundles `entries` of `www`/js into `outdir` (absolute); `site`, when given, is the
 * address of greymatter's full page that "Open in greymatter" links to (the npm
 * package's element is not next to one). Returns the files written and their bytes.
 */
export async function bundle({ www, outdir, entries = ENTRIES, sourcemap = 'linked', site = null }) {
  const result = await build({
    absWorkingDir: www,
    entryPoints: entries.map((entry) => `js/${entry}`),
    outdir,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    keepNames: true,
    sourcemap,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    define: site ? { 'globalThis.GREYMATTER_SITE': JSON.stringify(site) } : {},
  });
  const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
  return { files: outputs.length, bytes: outputs.reduce((sum, [, output]) => sum + output.bytes, 0) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const www = path.resolve(process.argv[2] ?? path.join(here, '..', 'www'));
  const { files, bytes } = await bundle({ www, outdir: path.join(www, 'js', 'dist') });
  console.log(`greymatter: www/js/dist: ${files} files, ${bytes} bytes`);
}
