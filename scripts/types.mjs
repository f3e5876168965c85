// Writes what is generated from greymatter's tables: in www/greymatter.d.ts, the
// settings' TypeScript types from the core's schema (configSchema() of the built
// package, www/pkg: the config, the view options, the names of the controls, the
// element's attributes) and the `GreymatterApi` interface from the table of scripting
// members (www/js/element/methods.js); and the API reference docs/api.md from the same
// table. The rest of the .d.ts is written by hand. `node scripts/types.mjs --check`
// fails, saying which file, when one is stale (`make test` runs it); without --check it
// rewrites them.

import { readFileSync, writeFileSync } from 'node:fs';
import * as glue from '../www/pkg/greymatter.js';
import { Schema } from '../www/js/state/schema.js';
import { controls } from '../www/js/state/classroom.js';
import { attributeOf } from '../www/js/state/attributes.js';
import { MEMBERS } from '../www/js/element/methods.js';

const TYPES = new URL('../www/greymatter.d.ts', import.meta.url);
const REFERENCE = new URL('../docs/api.md', import.meta.url);
const SCHEMA_BEGIN = '// GENERATED from configSchema() by scripts/types.mjs — do not edit by hand.\n';
const API_BEGIN = '// GENERATED from the scripting members (www/js/element/methods.js) by scripts/types.mjs — do not edit by hand.\n';
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

/** The settings' types, from the schema. */
function schemaTypes() {
  const lines = [];
  const choiceRows = [...schema.settings, ...schema.view].filter((row) => row.kind === 'choice' && row.key !== 'activation');
  lines.push(`export type Activation = ${union(schema.values('activation'))};\n`);
  lines.push(`export type Feature = ${union(schema.values('features'))};\n`);
  for (const row of choiceRows) lines.push(`export type ${choiceType(row)} = ${union(schema.values(row.key))};\n`);
  lines.push(`/** A control a classroom flag or the \`controls\` attribute names. */\n`);
  lines.push(`export type ControlName = ${union(controls(schema).map((control) => control.name))};\n\n`);
  lines.push('/** Every setting of a playground (docs/scripting.md, "Config"). */\nexport interface GreymatterConfig {\n');
  for (const row of schema.settings) lines.push(doc(row), `  ${row.key}: ${typeOf(row)};\n`);
  lines.push('}\n\n/** How a playground shows its run (docs/scripting.md, "Members": `view`). */\nexport interface GreymatterView {\n');
  for (const row of schema.view) lines.push(doc(row), `  ${row.key}: ${typeOf(row)};\n`);
  lines.push('  /** The controls a classroom hid. */\n  hidden: ControlName[];\n');
  lines.push("  /** Whether the page's own text is hidden. */\n  hideText: boolean;\n}\n\n");
  lines.push('/** The attributes of <greymatter-playground> (docs/embedding.md, "Attributes"): every value is text. */\n');
  lines.push('export interface GreymatterAttributes {\n');
  for (const row of [...schema.settings, ...schema.view]) lines.push(`  ${JSON.stringify(attributeOf(row.key))}?: string;\n`);
  for (const name of ['config', 'link', 'layout', 'controls', 'theme', 'autoplay', 'sync-url', 'src', 'data', 'persist'])
    lines.push(`  ${JSON.stringify(name)}?: string;\n`);
  lines.push('}\n');
  return lines.join('');
}

/** A method's parameters as TypeScript writes them: `['layer: number | null', 'neuron?: number']`. */
const parameters = (member) => member.args.map((arg) => `${arg.name}${arg.optional ? '?' : ''}: ${arg.type}`);

/** The `GreymatterApi` interface, from the table of scripting members. */
function apiInterface() {
  const lines = ["/** The scripting API: the element's methods, `window.playground` on the full page, the iframe's messages. */\n"];
  lines.push('export interface GreymatterApi {\n');
  for (const member of MEMBERS) {
    lines.push(`  /** ${member.doc} */\n`);
    if (member.readOnly) lines.push(`  readonly ${member.name}: ${member.result};\n`);
    else lines.push(`  ${member.name}(${parameters(member).join(', ')}): ${member.result};\n`);
  }
  lines.push('}\n');
  return lines.join('');
}

/** `text` with the part from `begin` to the END marker after it written afresh as `body`. */
function withGenerated(text, begin, body) {
  const start = text.indexOf(begin);
  const end = text.indexOf(END, start);
  if (start < 0 || end < 0) throw new Error(`${TYPES.pathname} has no marker ${JSON.stringify(begin.trim())} with an END after it`);
  return text.slice(0, start) + begin + body + END + text.slice(end + END.length);
}

const cell = (text) => text.replaceAll('|', '\\|');
const code = (text) => `\`${cell(text)}\``;

/** docs/api.md: a few words on where the API is, then one row per member. */
function apiReference() {
  const lines = [
    '# Scripting API reference\n\n',
    '<!-- Written by `node scripts/types.mjs` from the table of scripting members,\n',
    '     www/js/element/methods.js; `make test` checks it is up to date. Do not edit by hand. -->\n\n',
    'Every playground has one scripting API, the same members with the same checks and\n',
    'messages wherever it is used: as the members of a `<greymatter-playground>` element\n',
    '(`await el.step()`), as `window.playground` on the full page, and through the iframe\n',
    'embed\'s messages (`{greymatter: 1, id, call: "step", args: []}`; a read-only member is\n',
    'read with `{call: "state"}`, without args: see [embedding-iframe.md](embedding-iframe.md)).\n',
    'Its TypeScript declarations are `GreymatterApi` in `greymatter.d.ts`, where the types\n',
    'named below are declared.\n\n',
    'A member that waits for a frame returns a Promise that resolves once the page has drawn\n',
    'what it did. A refused argument throws (a Promise rejects with) an `Error` naming it,\n',
    'and changes nothing. Once a playground could not start, `ready` rejects and every other\n',
    'member throws why (`step()` rejects with it).\n\n',
    '| member | arguments | result | waits for a frame | what it does |\n',
    '|---|---|---|---|---|\n',
  ];
  for (const member of MEMBERS) {
    const called = member.readOnly ? member.name : `${member.name}(${member.args.map((arg) => arg.name).join(', ')})`;
    const args = member.readOnly ? 'read-only' : parameters(member).map(code).join(', ') || 'none';
    lines.push(`| ${code(called)} | ${args} | ${code(member.result)} | ${member.frame ? 'yes' : 'no'} | ${cell(member.doc)} |\n`);
  }
  return lines.join('');
}

const declarations = readFileSync(TYPES, 'utf8');
const outputs = [
  {
    file: TYPES,
    text: withGenerated(withGenerated(declarations, SCHEMA_BEGIN, schemaTypes()), API_BEGIN, apiInterface()),
    stale: "www/greymatter.d.ts is out of date with the core's schema or the scripting members (methods.js)",
  },
  { file: REFERENCE, text: apiReference(), stale: 'docs/api.md is out of date with the scripting members (methods.js)' },
];
const current = (file) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};
if (process.argv.includes('--check')) {
  const stale = outputs.filter((output) => current(output.file) !== output.text);
  for (const output of stale) console.error(`greymatter: ${output.stale}: run node scripts/types.mjs`);
  if (stale.length) process.exit(1);
  console.log('greymatter: www/greymatter.d.ts and docs/api.md agree with the schema and the scripting members');
} else {
  for (const output of outputs) writeFileSync(output.file, output.text);
  console.log('greymatter: wrote the generated types in www/greymatter.d.ts, and docs/api.md');
}
