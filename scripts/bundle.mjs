// Bundles the page's modules (www/js/) into www/js/dist/ with esbuild (scripts/bundle/):
// one file per entry — the element (js/greymatter.js, loaded through www/greymatter.js),
// the full page, the tutorial, the iframe embed and the offline registration — and the
// chunks they share, so a page asks for a handful of files instead of 60 modules, each
// a request the browser waits for. The export writers stay chunks of their own, loaded
// only when used. The chunks sit two folders below www/, as every source module does,
// so each `new URL('../../…', import.meta.url)` still names the same file.
// Run by `make build`; `node scripts/bundle.mjs [folder]` bundles another copy of www/.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './bundle/node_modules/esbuild/lib/main.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const www = path.resolve(process.argv[2] ?? path.join(here, '..', 'www'));
/** The bundle's entries, by the module each starts from (in www/js/). */
export const ENTRIES = ['greymatter.js', 'full-page.js', 'tutorial.js', 'element/embed-frame.js', 'offline/register.js'];

const result = await build({
  absWorkingDir: www,
  entryPoints: ENTRIES.map((entry) => `js/${entry}`),
  outdir: 'js/dist',
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  keepNames: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});
const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
const bytes = outputs.reduce((sum, [, output]) => sum + output.bytes, 0);
console.log(`greymatter: www/js/dist: ${outputs.length} files, ${bytes} bytes`);
