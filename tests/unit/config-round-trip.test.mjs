// A property of the address against the real core in Node: for many valid configs
// (random values within each schema row's range, from a seeded generator), what the
// core reports (`config()`) is what was set and is accepted again, and the address the
// page writes for it (tidyConfig, then encodeHash) reads back (decodeHash) into a config
// the core accepts and trains the same: every setting as it was, a single-precision one
// (a schema row with `precision: "single"`) as the same 32-bit float. A value in range
// as written but not as the core trains it (0.99999999 is 1 in f32; 1e-320 is 0) must
// be refused, and nothing else.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeHash, decodeHash } from '../../www/js/state/address.js';
import { tidyConfig } from '../../www/js/state/config.js';
import { applyEach } from '../../www/js/state/apply-each.js';
import { glue, schema, coreOf } from './core.mjs';
import { seededRandom } from '../../benches/js/workload.mjs';
import { inRange, trainsInRange, weightCount, asTrained, FORMULAS } from './schema-arbitraries.mjs';

const CONFIGS = 300;

const random = seededRandom(20240611);
const pick = (list) => list[Math.floor(random() * list.length)];
const integer = (low, high) => low + Math.floor(random() * (high - low + 1));

/** A number from `row`'s range as written: anywhere, short, tiny, an f32 widened, or at and next to an end. */
function numberFor(row) {
  const { min, max } = row;
  if (row.whole) return pick([min, max, integer(min, Math.min(max, min + 20)), integer(min, max), Math.max(min, max - integer(0, 3))]);
  for (;;) {
    const uniform = min + random() * (max - min);
    const candidates = [
      uniform,
      Number(uniform.toPrecision(integer(1, 4))),
      Math.fround(uniform),
      min + 10 ** -integer(1, 320),
      max - 10 ** -integer(1, 17),
      max * (1 - 10 ** -integer(1, 17)),
      min + (max - min) * 10 ** (-12 * random()),
      min,
      max,
      ...(row.offered ?? []),
    ];
    const value = pick(candidates);
    if (inRange(row, value)) return value;
  }
}

/** A random config that every rule across settings takes (the ranges are the generator's). */
function randomConfig() {
  const config = {};
  for (const row of schema.settings) {
    if (row.kind === 'number') config[row.key] = numberFor(row);
    else if (row.kind === 'choice') config[row.key] = pick(row.choices).value;
  }
  config.problem = pick(schema.values('problem'));
  const dataset = pick(schema.datasetsOf(config.problem));
  config.dataset = dataset.value;
  if (config.problem === 'classification') config.classes = integer(2, Math.min(dataset.maxClasses, schema.row('classes').max));
  config.loss = pick(Array.from(glue.lossesFor(config.problem, config.classes)));
  const features = schema.values('features').filter(() => random() < 0.5);
  config.features = features.length > 0 ? features.sort(() => random() - 0.5) : [pick(schema.values('features'))];
  // Formulas with commas, spaces and signs: the address must carry them as written.
  config.customFeatures = FORMULAS.filter(() => random() < 0.2).slice(0, schema.row('customFeatures').maxLength);
  config.datasetFormula = pick(FORMULAS);
  const { maxLength, min, max } = schema.row('hidden');
  do {
    config.hidden = Array.from({ length: integer(0, maxLength) }, () => pick([min, max, integer(min, max), integer(min, 8)]));
  } while (weightCount(config) > schema.limits.maxWeights);
  config.layerActivations = Array.from({ length: integer(0, config.hidden.length) }, () => pick(schema.values('layerActivations')));
  config.dropout = Array.from({ length: integer(0, config.hidden.length) }, () => numberFor(schema.row('dropout')));
  return config;
}

/** The first setting the core must refuse: in range as written, out of it as trained. */
function roundedOut(config) {
  return schema.settings.find((row) => row.kind === 'number' && !trainsInRange(row, config[row.key]));
}

/** A fresh core playground with `config`, or the message it refused it with. */
function playgroundOf(config) {
  try {
    return { playground: new glue.Playground(config) };
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) throw error;
    return { refused: error.message };
  }
}

describe('a config through the core and the address', () => {
  it('what the core accepts it reports back as set, accepts again, and the address brings back', () => {
    const view = schema.defaultView();
    let accepted = 0;
    let refused = 0;
    for (let tries = 0; accepted < CONFIGS; tries++) {
      assert.ok(tries < CONFIGS * 10, 'the generator makes valid configs');
      const config = randomConfig();
      const made = playgroundOf(config);
      const out = roundedOut(config);
      if (out) {
        // In range as written, but the core would train another value: refused, saying why.
        const shown = JSON.stringify(config);
        assert.ok(made.refused, `${out.key} = ${config[out.key]} is accepted: ${shown}`);
        assert.ok(made.refused.startsWith(`${out.key} must be`), `${made.refused} (${shown})`);
        assert.match(made.refused, /in single precision, the precision greymatter trains in\)$/);
        refused++;
        continue;
      }
      assert.equal(made.refused, undefined, `refused ${JSON.stringify(config)}`);
      const reported = made.playground.config();
      assert.deepEqual(reported, config, 'config() is what was set');
      made.playground.free();

      const again = playgroundOf(reported);
      assert.equal(again.refused, undefined, `config() refused: ${JSON.stringify(reported)}`);
      assert.deepEqual(again.playground.config(), reported);
      again.playground.free();

      // The page's config and its address.
      const page = tidyConfig(reported, schema);
      assert.deepEqual(asTrained(page), asTrained(reported), 'the short form is the same f32');
      const hash = encodeHash(page, view, schema);
      const { values, errors } = decodeHash(`#${hash}`, schema);
      assert.deepEqual(errors, [], hash);
      assert.deepEqual(values, page, hash);

      // Read back in one setConfig, and key by key as the page applies an address.
      const core = coreOf();
      assert.doesNotThrow(() => core.setConfig(values), hash);
      const read = core.config();
      assert.deepEqual(asTrained(read), asTrained(reported), hash);
      assert.deepEqual(tidyConfig(read, schema), page, hash);
      assert.equal(encodeHash(tidyConfig(read, schema), view, schema), hash, 'the address is written again as it was');
      core.playground.free();
      if (accepted % 4 === 0) {
        const eachCore = coreOf();
        const each = applyEach(eachCore, values, schema);
        assert.deepEqual(each.errors, [], hash);
        assert.deepEqual(eachCore.config(), read, hash);
        eachCore.playground.free();
      }
      if (accepted % 8 === 0) {
        // And trains the same: the same weights after a few epochs.
        const [first, second] = [reported, read].map((setup) => new glue.Playground(setup));
        first.train(3);
        second.train(3);
        assert.deepEqual(second.parameters(), first.parameters(), hash);
        assert.deepEqual(second.lossHistory(), first.lossHistory(), hash);
        first.free();
        second.free();
      }
      accepted++;
    }
    assert.ok(refused > 0, 'some values round out of range in f32 and are refused');
  });
});
