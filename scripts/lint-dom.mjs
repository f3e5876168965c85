#!/usr/bin/env node
// The page never turns text into markup or code: no innerHTML, outerHTML,
// insertAdjacentHTML, document.write, eval or new Function in www/ (the wasm glue in
// www/pkg is generated and not ours). The one constant template is allowed by a
// `lint-dom: constant markup` comment on its line. Run by `make test`; exits 1 with
// file:line for each finding.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What turns a string into markup or code. */
const SINKS = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write(ln)?|eval\s*\(|new\s+Function\b|setTimeout\s*\(\s*['"`]|setInterval\s*\(\s*['"`])/;
const ALLOWED = 'lint-dom: constant markup';

/** The findings in one file's text: `[{line, text}]`. */
export function findSinks(text) {
  return text.split('\n').flatMap((line, index) => (SINKS.test(line) && !line.includes(ALLOWED) ? [{ line: index + 1, text: line.trim() }] : []));
}

function scriptsUnder(folder) {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    // pkg/ is the wasm glue, js/dist/ the bundle of the sources linted here: generated, not ours.
    if (statSync(file).isDirectory()) return name === 'pkg' || name === 'dist' ? [] : scriptsUnder(file);
    return /\.(m?js|html)$/.test(name) ? [file] : [];
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const www = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'www');
  const findings = scriptsUnder(www).flatMap((file) =>
    findSinks(readFileSync(file, 'utf8')).map(({ line, text }) => `${path.relative(process.cwd(), file)}:${line}: ${text}`),
  );
  if (findings.length > 0) {
    console.error('greymatter: text turned into markup or code (use textContent and DOM nodes):');
    for (const finding of findings) console.error(`  ${finding}`);
    process.exit(1);
  }
}
