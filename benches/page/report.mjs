// What the page benchmarks write beside the table they print: the machine they ran on,
// and the report as JSON in target/bench/<name>.json.

import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The processor, its cores and load, and the browser of `session` (tests/e2e/helpers.mjs). */
export function machineOf(session) {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    load: os.loadavg(),
    browser: `Chromium ${session.browser.version()}`,
    rendering: 'software (headless, --disable-gpu)',
  };
}

/** Writes `report` to target/bench/`name`.json and says where. */
export function writeReport(name, report) {
  const out = path.join(ROOT, 'target', 'bench');
  mkdirSync(out, { recursive: true });
  const file = path.join(out, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(ROOT, file)}`);
}
