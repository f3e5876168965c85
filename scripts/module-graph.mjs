// Writes www/js/element-modules.js: an import of every module the element
// (js/element/playground-element.js) imports, directly or not, found by following the
// static `import … from './…'` lines. greymatter.js imports it, so the browser sees the
// whole graph in its second round of requests and fetches it at once, instead of one
// round per level of imports (six levels today). Run by `make build`;
// `node scripts/module-graph.mjs [folder]` writes it for another copy of www/.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const www = path.resolve(process.argv[2] ?? path.join(here, '..', 'www'));
const ROOT = 'js/element/playground-element.js';
const OUT = 'js/element-modules.js';
/** A static import or re-export of a relative module (one or several lines). */
const STATIC_IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:[\w*{}\s,$]+?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/g;

const found = new Set();
const waiting = [ROOT];
while (waiting.length) {
  const module = waiting.pop();
  if (found.has(module)) continue;
  const file = path.join(www, module);
  if (!existsSync(file)) {
    console.error(`greymatter: error: ${module} is imported but missing in ${www}`);
    process.exit(1);
  }
  found.add(module);
  for (const [, specifier] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
    waiting.push(path.posix.normalize(path.posix.join(path.posix.dirname(module), specifier)));
  }
}
const modules = [...found].sort();

const imports = modules.map((module) => `import './${path.posix.relative('js', module)}';`);
writeFileSync(path.join(www, OUT), `// Written by scripts/module-graph.mjs (make build): every module of the element, so
// that greymatter.js's import of this file has the browser fetch them all at once.
${imports.join('\n')}
`);
console.log(`greymatter: ${OUT}: ${modules.length} modules`);
