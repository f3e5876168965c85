// Properties of config patching (fitPatch in www/js/state/config.js, applyEach and
// applyChanges in www/js/state/apply-each.js), with fast-check and the real core in
// Node, every input built from the core's schema (schema-arbitraries.mjs): a patch
// from a valid config, applied as setConfig applies it, is taken as given and the
// result reads back from its address as itself; a valid config's address applied over
// any other config gives that config; and a patch of any JSON-ish values never throws
// anything but a readable refusal, which leaves the config and the network as they were.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { encodeHash, decodeHash } from '../../www/js/state/address.js';
import { fitPatch, tidyConfig } from '../../www/js/state/config.js';
import { applyEach, applyChanges } from '../../www/js/state/apply-each.js';
import { plainData, SETTINGS } from '../../www/js/state/plain-data.js';
import { schema, coreOf } from './core.mjs';
import { SEED, validConfig, anyPatch } from './schema-arbitraries.mjs';

/** Runs per property: each builds a core or two (a few milliseconds a run). */
const RUNS = 60;
const options = { seed: SEED, numRuns: RUNS, includeErrorInReport: true };
const OUTCOMES = ['kept', 'newData', 'reset', 'regenerated'];

/** A patch applied as the page's setConfig applies it: fitted to the config, copied to plain data. */
function setConfig(core, partial) {
  const patch = fitPatch(partial, core.config(), core.lossesFor, schema);
  return core.setConfig(plainData(patch, 'the settings', SETTINGS));
}

/** The config, or the refusal, of a patch applied to `core`; anything else thrown fails the test. */
function attempt(core, partial) {
  const before = core.config();
  const parameters = Array.from(core.playground.parameters());
  try {
    const outcome = setConfig(core, partial);
    assert.ok(OUTCOMES.includes(outcome), `outcome ${outcome}`);
    return { config: core.config() };
  } catch (error) {
    assert.ok(!(error instanceof WebAssembly.RuntimeError), `the core crashed: ${error.message}`);
    assert.ok(error instanceof Error && !(error instanceof TypeError), `not a refusal: ${error}`);
    assert.ok(typeof error.message === 'string' && error.message.length > 0, 'a refusal says why');
    assert.deepEqual(core.config(), before, 'a refusal changes no setting');
    assert.deepEqual(Array.from(core.playground.parameters()), parameters, 'nor the network');
    return { refused: error.message };
  }
}

/** `config` through the address the page writes for it: as it reads back, and the errors. */
function throughAddress(config) {
  const page = tidyConfig(config, schema);
  const { values, errors } = decodeHash(encodeHash(page, schema.defaultView(), schema), schema);
  return { page, values, errors };
}

describe('patching properties', () => {
  it('a valid config as one patch over any other is taken as given', () => {
    fc.assert(
      fc.property(validConfig, validConfig, (start, target) => {
        const core = coreOf(start);
        const { config, refused } = attempt(core, target);
        assert.equal(refused, undefined);
        assert.deepEqual(config, target);
        core.playground.free();
      }),
      options,
    );
  });

  it('part of a valid config is taken as given or refused; taken, it reads back from its address and rebuilds the same', () => {
    let taken = 0;
    const part = validConfig.chain((config) =>
      fc.subarray(schema.configKeys, { minLength: 1, maxLength: 6 }).map((keys) => Object.fromEntries(keys.map((key) => [key, config[key]]))),
    );
    fc.assert(
      fc.property(validConfig, part, (start, partial) => {
        const core = coreOf(start);
        const { config } = attempt(core, partial);
        if (config) {
          taken++;
          for (const [key, value] of Object.entries(partial)) assert.deepEqual(config[key], value, key);
          const { page, values, errors } = throughAddress(config);
          assert.deepEqual(errors, []);
          assert.deepEqual(values, page);
          const again = coreOf(values);
          assert.deepEqual(tidyConfig(again.config(), schema), page, 'the address builds the same config');
          again.playground.free();
        }
        core.playground.free();
      }),
      options,
    );
    assert.ok(taken > RUNS / 2, `${taken} of ${RUNS} patches taken`);
  });

  it("a valid config's address applied over any other config (an edited address) gives that config", () => {
    fc.assert(
      fc.property(validConfig, validConfig, (start, target) => {
        const { page, values, errors } = throughAddress(target);
        assert.deepEqual(errors, []);
        const core = coreOf(start);
        const applied = applyChanges(core, values, schema);
        assert.deepEqual(applied.errors, []);
        assert.deepEqual(tidyConfig(core.config(), schema), page);
        core.playground.free();
      }),
      options,
    );
  });

  it('a patch of any JSON-ish values is taken or refused with a message, and a refusal changes nothing', () => {
    fc.assert(
      fc.property(validConfig, anyPatch, (start, partial) => {
        const core = coreOf(start);
        assert.doesNotThrow(() => fitPatch(partial, core.config(), core.lossesFor, schema));
        attempt(core, partial);
        core.playground.free();
      }),
      options,
    );
  });

  it('applied key by key, such a patch never throws, and every key not taken has its line', () => {
    fc.assert(
      fc.property(validConfig, anyPatch, (start, partial) => {
        const core = coreOf(start);
        const { errors, outcome } = applyEach(core, plainData(partial, 'the settings', SETTINGS), schema);
        assert.ok(OUTCOMES.includes(outcome));
        for (const line of errors) assert.ok(typeof line === 'string' && line.length > 0);
        const config = core.config();
        const missed = Object.keys(partial).filter((key) => !schema.isConfigKey(key) || JSON.stringify(config[key]) !== JSON.stringify(partial[key]));
        assert.ok(errors.length >= Math.min(1, missed.length), `${missed.join(', ')} not taken, and no line says so`);
        core.playground.free();
      }),
      options,
    );
  });
});
