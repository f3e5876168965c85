// Writes the settings' TypeScript types into www/greymatter.d.ts from the core's schema
// (configSchema() of the built package, www/pkg): the config, the view options, the
// names of the controls, and the element's attributes. The rest of the file is written
// by hand. `node scripts/types.mjs --check` fails, saying so, when the file is stale
// (`make test` runs it); without --check it rewrites the generated part.

import { readFileSync, writeFileSync } from 'node:fs';
import * as glue from '../www/pkg/greymatter.js';
import { Schema } from '../www/js/state/schema.js';
import { controls } from '../www/js/state/classroom.js';
import { attributeOf } from '../www/js/state/attributes.js';

const FILE = new URL('../www/greymatter.d.ts', import.meta.url);
const BEGIN = '// GENERATED from configSchema() by scripts/types.mjs — do not edit by hand.\n';
const END = '// END GENERATED\n';

glue.initSync({ module: readFileSync(new URL('../www/pkg/greymatter_bg.wasm', import.meta.url)) });
const schema = new Schema(glue.configSchema());

const union = (values) => values.map((value) => JSON.stringify(value)).join(' | ');
const pascal = (key) => key[0].toUpperCase() + key.slice(1);

/** The name of the union type of a row's choices (`Dataset`, `Activation`, …). */
function choiceType(row) {
  return row.key === 'features' ? 'Feature' : row.key === 'layerActivations' ? 'Activation' : pascal(row.key);
}

/** The TypeScript type of a row's value. */
function typeOf(row) {
  switch (row.kind) {
    case 'choice':
      return choiceType(row);
    case 'names':
      return `${choiceType(row)}[]`;
    case 'counts':
    case 'rates':
      return 'number[]';
    case 'toggle':
      return 'boolean';
    case 'formula':
      return 'string';
    case 'formulas':
      return 'string[]';
    default:
      return 'number';
  }
}

/** A doc comment for a row: its label, range or choices, default and what a change does. */
function doc(row) {
  const parts = [row.label];
  if (row.kind === 'number') {
    const low = row.minExclusive ? `greater than ${row.min}` : `at least ${row.min}`;
    const high = row.maxExclusive ? `below ${row.max}` : `at most ${row.max}`;
    parts.push(`${row.whole ? 'a whole number, ' : ''}${low}, ${high}`);
  }
  if (row.kind === 'counts') parts.push(`at most ${row.maxLength} layers of ${row.min} to ${row.max} neurons`);
  if (row.kind === 'rates') parts.push(`one per hidden layer (at most ${row.maxLength}), each from ${row.min} to ${row.max}`);
  if (row.kind === 'formula') parts.push(`a formula over x1 and x2 of at most ${row.maxChars} characters`);
  if (row.kind === 'formulas') parts.push(`at most ${row.maxLength} formulas over x1 and x2, each of at most ${row.maxChars} characters`);
  parts.push(`default ${JSON.stringify(row.default)}`);
  if (row.effect) parts.push(`a change: ${row.effect}`);
  return `  /** ${parts.join('; ')}. */\n`;
}

function generated() {
  const lines = [BEGIN];
  const choiceRows = [...schema.settings, ...schema.view].filter((row) => row.kind === 'choice' && row.key !== 'activation');
  lines.push(`export type Activation = ${union(schema.values('activation'))};\n`);
  lines.push(`export type Feature = ${union(schema.values('features'))};\n`);
  for (const row of choiceRows) lines.push(`export type ${choiceType(row)} = ${union(schema.values(row.key))};\n`);
  lines.push(`/** A control a classroom flag or the \`controls\` attribute names. */\n`);
  lines.push(`export type ControlName = ${union(controls(schema).map((control) => control.name))};\n\n`);
  lines.push('/** Every setting of a playground (README, "Config"). */\nexport interface GreymatterConfig {\n');
  for (const row of schema.settings) lines.push(doc(row), `  ${row.key}: ${typeOf(row)};\n`);
  lines.push('}\n\n/** How a playground shows its run (README, "Members": `view`). */\nexport interface GreymatterView {\n');
  for (const row of schema.view) lines.push(doc(row), `  ${row.key}: ${typeOf(row)};\n`);
  lines.push('  /** The controls a classroom hid. */\n  hidden: ControlName[];\n');
  lines.push("  /** Whether the page's own text is hidden. */\n  hideText: boolean;\n}\n\n");
  lines.push('/** The attributes of <greymatter-playground> (README, "Embedding"): every value is text. */\n');
  lines.push('export interface GreymatterAttributes {\n');
  for (const row of [...schema.settings, ...schema.view]) lines.push(`  ${JSON.stringify(attributeOf(row.key))}?: string;\n`);
  for (const name of ['config', 'link', 'layout', 'controls', 'theme', 'autoplay', 'sync-url', 'src', 'persist'])
    lines.push(`  ${JSON.stringify(name)}?: string;\n`);
  lines.push('}\n', END);
  return lines.join('');
}

const text = readFileSync(FILE, 'utf8');
const start = text.indexOf(BEGIN);
const end = text.indexOf(END);
if (start < 0 || end < start) throw new Error(`${FILE.pathname} has no GENERATED markers`);
const fresh = text.slice(0, start) + generated() + text.slice(end + END.length);
if (process.argv.includes('--check')) {
  if (fresh !== text) {
    console.error("greymatter: www/greymatter.d.ts is out of date with the core's schema: run node scripts/types.mjs");
    process.exit(1);
  }
  console.log('greymatter: www/greymatter.d.ts agrees with the schema');
} else {
  writeFileSync(FILE, fresh);
  console.log('greymatter: wrote the generated types in www/greymatter.d.ts');
}
