// Properties of the address codec (www/js/state/address.js), with fast-check and the
// real core in Node, every input built from the core's schema (schema-arbitraries.mjs):
// every valid config, view and document reads back as written, decode(encode(c)) = c;
// and no text at all — key=value soups, percent-encoding garbage, lone surrogates,
// huge values, repeated keys — makes decodeHash throw: it gives values of the right
// kinds, a valid view and readable lines, and applied as the page applies an address
// they give either the config as written or a line saying what was not taken.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { encodeHash, decodeHash } from '../../www/js/state/address.js';
import { tidyConfig } from '../../www/js/state/config.js';
import { applyEach, applyChanges, datasetAdjustment } from '../../www/js/state/apply-each.js';
import { mergeView } from '../../www/js/state/view.js';
import { LINE_LENGTH } from '../../www/js/state/notices.js';
import { glue, schema, coreOf } from './core.mjs';
import { SEED, asTrained, validConfig, validView, documents, addressSoup, hostileText } from './schema-arbitraries.mjs';

const RUNS = 200;
/** Runs of the properties that build a core each time (a few milliseconds a run). */
const CORE_RUNS = 60;
const options = (numRuns = RUNS) => ({ seed: SEED, numRuns, includeErrorInReport: true });

/** Whether `value` is of the kind config row `row` holds, as decodeHash gives it. */
function ofKind(row, value) {
  switch (row.kind) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'counts':
    case 'rates':
      return Array.isArray(value) && value.every((count) => typeof count === 'number' && Number.isFinite(count));
    case 'names':
    case 'formulas':
      return Array.isArray(value) && value.every((name) => typeof name === 'string');
    default:
      return typeof value === 'string';
  }
}

/** What decodeHash must give for any text: values of the right kinds, a valid view, texts, readable lines. */
function assertReadable(hash) {
  const read = decodeHash(hash, schema);
  assert.deepEqual(Object.keys(read).sort(), ['compare', 'documents', 'errors', 'values', 'view']);
  for (const [key, text] of read.compare) assert.ok(typeof key === 'string' && typeof text === 'string', 'compare entries are texts');
  for (const [key, value] of Object.entries(read.values)) {
    assert.ok(schema.isConfigKey(key), `values hold only settings, got ${key}`);
    assert.ok(ofKind(schema.row(key), value), `${key} = ${JSON.stringify(value)}`);
  }
  assert.deepEqual(mergeView(schema.defaultView(), read.view, schema), read.view, 'the view is one setView takes');
  for (const [key, text] of Object.entries(read.documents)) {
    assert.ok(key === 'points' || key === 'weights', key);
    assert.equal(typeof text, 'string');
  }
  for (const line of read.errors) {
    assert.equal(typeof line, 'string');
    assert.ok(line.length > 0 && line.length <= LINE_LENGTH, `a line of ${line.length} characters: ${line.slice(0, 80)}…`);
  }
  return read;
}

describe('address properties', () => {
  it('every valid config the core takes is reported back as set', () => {
    fc.assert(
      fc.property(validConfig, (config) => {
        const playground = new glue.Playground(config);
        assert.deepEqual(playground.config(), config);
        playground.free();
      }),
      options(CORE_RUNS),
    );
  });

  it('decode(encode(c)) = c for every valid config, view and documents', () => {
    fc.assert(
      fc.property(validConfig, validView, documents, (config, view, texts) => {
        const hash = encodeHash(config, view, schema, texts);
        const read = decodeHash(`#${hash}`, schema);
        assert.deepEqual(read.errors, []);
        assert.deepEqual(read.values, config);
        assert.deepEqual(read.view, view);
        assert.deepEqual(read.documents, texts);
        assert.equal(encodeHash(read.values, read.view, schema, read.documents), hash, 'written again as it was');
      }),
      options(),
    );
  });

  it('the short form the page writes reads back as itself and trains as the config', () => {
    fc.assert(
      fc.property(validConfig, (config) => {
        const page = tidyConfig(config, schema);
        assert.deepEqual(asTrained(page), asTrained(config));
        const { values, errors } = decodeHash(encodeHash(page, schema.defaultView(), schema), schema);
        assert.deepEqual(errors, []);
        assert.deepEqual(values, page);
      }),
      options(),
    );
  });

  it('no key=value soup makes decodeHash throw; it gives values of the right kinds and readable lines', () => {
    fc.assert(
      fc.property(addressSoup, (hash) => {
        assertReadable(hash);
      }),
      options(500),
    );
  });

  it('nor does any string at all', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), hostileText, fc.string({ unit: 'grapheme', maxLength: 400 }));
    fc.assert(
      fc.property(text, (hash) => {
        assertReadable(hash);
      }),
      options(1000),
    );
  });

  it('a key given twice is read from its first entry, and the others are each told', () => {
    fc.assert(
      fc.property(validConfig, fc.constantFrom(...schema.configKeys), fc.integer({ min: 1, max: 4 }), (config, key, extra) => {
        const hash = encodeHash(config, schema.defaultView(), schema);
        const entry = hash.split('&').find((part) => part.startsWith(`${key}=`));
        const read = assertReadable(`${hash}${`&${key}=garbage`.repeat(extra)}&${entry}`);
        assert.deepEqual(read.values, config);
        assert.equal(read.errors.length, extra + 1);
        for (const line of read.errors) assert.match(line, / is given twice; only the first/);
      }),
      options(),
    );
  });

  it('applied as the page applies an address, a soup gives the config as written or a line saying what was not', () => {
    fc.assert(
      fc.property(addressSoup, validConfig, (hash, start) => {
        const read = assertReadable(hash);
        const core = coreOf(start);
        const applied = applyEach(core, read.values, schema);
        const config = core.config();
        const lines = [...read.errors, ...applied.errors, ...datasetAdjustment(read.values, config, schema, applied.errors)];
        for (const line of applied.errors) assert.ok(typeof line === 'string' && line.length > 0);
        if (lines.length === 0) {
          for (const [key, value] of Object.entries(read.values)) {
            assert.deepEqual(config[key], value, `${key} is taken as written from ${hash}`);
          }
        }
        core.playground.free();
      }),
      options(CORE_RUNS),
    );
  });

  it('an address of entries from two valid configs, applied over a third, is taken as written or a line says what was not', () => {
    let asWritten = 0;
    // A few keys (most often taken as written) or any number of them.
    const keys = fc.oneof(fc.subarray(schema.configKeys, { minLength: 1, maxLength: 4 }), fc.subarray(schema.configKeys, { minLength: 1 }));
    const part = fc
      .tuple(validConfig, validConfig, keys, fc.subarray(schema.configKeys))
      .map(([one, other, keys, others]) => Object.fromEntries(keys.map((key) => [key, others.includes(key) ? other[key] : one[key]])));
    fc.assert(
      fc.property(part, validConfig, fc.boolean(), (partial, start, edited) => {
        const { values, errors } = decodeHash(encodeHash(partial, schema.defaultView(), schema), schema);
        assert.deepEqual(errors, []);
        assert.deepEqual(values, partial);
        // As the page reads an edited address (applyChanges) or a first one over the defaults (applyEach).
        const core = coreOf(edited ? start : {});
        const applied = (edited ? applyChanges : applyEach)(core, values, schema);
        const config = core.config();
        const lines = [...applied.errors, ...datasetAdjustment(values, config, schema, applied.errors)];
        if (lines.length === 0) {
          asWritten++;
          // A single-precision setting the core already trains as that float is left as it is.
          const trained = asTrained(config);
          for (const [key, value] of Object.entries(asTrained({ ...config, ...values }))) {
            if (key in values) assert.deepEqual(trained[key], value, `${key} is taken as written`);
          }
        }
        core.playground.free();
      }),
      options(CORE_RUNS),
    );
    assert.ok(asWritten > CORE_RUNS / 4, `${asWritten} of ${CORE_RUNS} taken as written`);
  });
});
