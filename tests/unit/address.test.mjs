// The address codec (www/js/state/address.js), driven by the core's schema: every
// config key and view option written and read back, the classroom flags, and a
// readable line for each entry that cannot be read.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeHash, decodeHash, decodeValue, sameValue } from '../../www/js/state/address.js';
import { applyEach, applyChanges } from '../../www/js/state/apply-each.js';
import { glue, schema, coreOf } from './core.mjs';

describe('the address codec', () => {
  it('writes every config key in schema order, then the view, then the flags', () => {
    const config = glue.defaultConfig();
    const view = { ...schema.defaultView(), palette: 'colorblind', hidden: ['noise', 'playButton'], hideText: true };
    const hash = encodeHash(config, view, schema);
    const keys = hash.split('&').map((entry) => entry.split('=')[0]);
    assert.deepEqual(keys.slice(0, schema.configKeys.length), schema.configKeys);
    assert.deepEqual(keys.slice(schema.configKeys.length, schema.configKeys.length + schema.viewKeys.length), schema.viewKeys);
    assert.deepEqual(keys.slice(-3), ['playButton_hide', 'noise_hide', 'hideText'], 'flags in control order');
    assert.match(hash, /hidden=4,2&/);
    assert.match(hash, /features=x1,x2&/);
  });

  it('reads back what it writes: decode(encode(c)) = c', () => {
    const config = { ...glue.defaultConfig(), dataset: 'spiral', hidden: [], layerActivations: ['relu'], learningRate: 0.1, features: ['x1', 'sinX2'] };
    const view = { ...schema.defaultView(), epochsPerFrame: 20, showTestData: true, hidden: ['dataset', 'x1'] };
    const { values, view: read, errors } = decodeHash(`#${encodeHash(config, view, schema)}`, schema);
    assert.deepEqual(errors, []);
    assert.deepEqual(values, config);
    assert.deepEqual(read, view);
  });

  it('decodes each kind: numbers, lists of counts and names, choices as text', () => {
    assert.equal(decodeValue('noise', '10', schema), 10);
    assert.deepEqual(decodeValue('hidden', '8, 4', schema), [8, 4]);
    assert.deepEqual(decodeValue('hidden', '', schema), []);
    assert.deepEqual(decodeValue('features', 'x1,x1x2', schema), ['x1', 'x1x2']);
    assert.equal(decodeValue('dataset', 'xor', schema), 'xor');
    assert.throws(() => decodeValue('noise', 'loud', schema), /noise must be a number, got "loud"/);
    assert.throws(() => decodeValue('colour', 'red', schema), /unknown setting "colour"/);
  });

  it('reports each entry it cannot read and keeps the rest', () => {
    const { values, view, errors } = decodeHash('#noise=10&colour=red&palette=pink&epochsPerFrame=0&nothing_hide=true&%E0%A4%A=1&discretize=yes', schema);
    assert.deepEqual(values, { noise: 10 });
    assert.equal(view.palette, 'default');
    assert.deepEqual(errors, [
      'unknown setting "colour"',
      'palette must be one of default, colorblind, got "pink"',
      'epochsPerFrame must be a whole number from 1 to 100, got 0',
      '"nothing_hide": there is no control called "nothing" to hide',
      'cannot read "%E0%A4%A=1"',
      'discretize must be true or false, got "yes"',
    ]);
  });

  it('compares values as the address writes them', () => {
    assert.ok(sameValue([4, 2], [4, 2]));
    assert.ok(!sameValue([4, 2], [4]));
    assert.ok(sameValue(0.1, 0.1));
    assert.ok(!sameValue('4,2', [4, 2]), 'text is no list');
    assert.ok(!sameValue('0', 0), 'text is no number');
  });

  it('takes a setting of -0 as 0, in the core and in the address (found by address-properties.test.mjs)', () => {
    const config = { ...glue.defaultConfig(), rmsDecay: -0, noise: -0 };
    const core = coreOf(config);
    assert.ok(Object.is(core.config().rmsDecay, 0) && Object.is(core.config().noise, 0), 'the core holds 0');
    const hash = encodeHash(core.config(), schema.defaultView(), schema);
    assert.match(hash, /&noise=0&/);
    const { values, errors } = decodeHash('#noise=-0&rmsDecay=-0', schema);
    assert.deepEqual(errors, []);
    const reread = coreOf({ ...glue.defaultConfig(), ...values });
    assert.deepEqual(reread.config(), core.config());
    core.playground.free();
    reread.playground.free();
  });

  it('reads numbers in decimal notation only', () => {
    assert.equal(decodeValue('learningRate', '0.1', schema), 0.1);
    assert.equal(decodeValue('learningRate', '.5', schema), 0.5);
    assert.equal(decodeValue('learningRate', '3e-4', schema), 3e-4);
    assert.equal(decodeValue('noise', '-2', schema), -2);
    assert.deepEqual(decodeValue('hidden', '8, 4', schema), [8, 4], 'a space after a comma is fine');
    for (const text of ['0x10', '0b1', '0o7', ' +10 ', '+10', '1e', 'Infinity', '-Infinity', '1e999', 'NaN', '1_000', '', ' ']) {
      assert.throws(
        () => decodeValue('learningRate', text, schema),
        (error) => error.message.startsWith(`learningRate must be a number, got "${text}"`),
        text,
      );
    }
    assert.throws(() => decodeValue('learningRate', '0x10', schema), /got "0x10" \(write it in decimals, such as 0\.03 or 1e-4\)/);
    assert.throws(() => decodeValue('hidden', '4,0x2', schema), /hidden must be a number, got "0x2"/);
    const { values, errors } = decodeHash('#learningRate=0x10&epochsPerFrame=Infinity', schema);
    assert.deepEqual(values, {});
    assert.equal(errors.length, 2);
    assert.match(errors[1], /^epochsPerFrame must be a number, got "Infinity"/);
  });

  it('reads a key given twice from its first entry and says so', () => {
    const { values, view, errors } = decodeHash('#learningRate=0.1&noise=5&learningRate=0.3&palette=colorblind&palette=default&colour=1&colour=2', schema);
    assert.deepEqual(values, { learningRate: 0.1, noise: 5 });
    assert.equal(view.palette, 'colorblind');
    assert.deepEqual(errors, [
      'learningRate is given twice; only the first (0.1) is read',
      'palette is given twice; only the first (colorblind) is read',
      'unknown setting "colour"',
      'unknown setting "colour"',
    ]);
    const refused = decodeHash('#learningRate=0x10&learningRate=0.1', schema);
    assert.deepEqual(refused.values, {}, 'the later entry does not stand in for a refused first one');
    assert.match(refused.errors[1], /only the first \(0x10\) is read/);
  });

  it('cuts what it quotes: a 1 MB key or value shows 60 characters', () => {
    const huge = 'k'.repeat(1_000_000);
    const { errors } = decodeHash(`#${huge}=1&noise=${huge}&palette=x&palette=${huge}`, schema);
    assert.equal(errors[0], `unknown setting "${'k'.repeat(59)}…"`);
    assert.match(errors[1], /^noise must be a number, got "k{59}…"$/);
    assert.ok(
      errors.every((line) => line.length < 200),
      'no line echoes the input in full',
    );
  });

  it('reads 20,000 bad keys, one line for each', () => {
    const hash = `#${Array.from({ length: 20_000 }, (_, i) => `bad${i}=1&noise=${i}&zz${i}_hide=true`).join('&')}`;
    const { errors } = decodeHash(hash, schema);
    assert.equal(errors.length, 3 * 20_000 - 1);
    assert.equal(errors[0], 'unknown setting "bad0"');
    assert.ok(
      errors.every((line) => line.length <= 300),
      'every line is short',
    );
  });

  it("fills the view options a hash leaves out from a base; the classroom flags are the hash's own", () => {
    const base = { ...schema.defaultView(), epochsPerFrame: 20, palette: 'colorblind', hidden: ['noise'], hideText: true };
    const { view } = decodeHash('#showTestData=true&dataset_hide=true', schema, base);
    assert.deepEqual(view, { ...base, showTestData: true, hidden: ['dataset'], hideText: false });
    assert.deepEqual(decodeHash('#noise=1', schema).view, schema.defaultView(), 'a fresh load starts from the defaults');
  });

  it('an edited setup ends as a fresh load of it does, in the same words', () => {
    for (const hash of [
      '#problem=regression&dataset=circle',
      '#problem=regression',
      '#classes=3&dataset=xor',
      '#problem=regression&loss=crossEntropy&noise=99',
    ]) {
      const { values } = decodeHash(hash, schema);
      const opened = coreOf();
      const fresh = applyEach(opened, values, schema);
      const edited = coreOf();
      const edit = applyChanges(edited, values, schema);
      assert.deepEqual(edit.errors, fresh.errors, hash);
      assert.deepEqual(edited.config(), opened.config(), hash);
    }
    const edited = coreOf();
    assert.deepEqual(applyChanges(edited, { problem: 'regression', dataset: 'circle' }, schema).errors, [
      'dataset circle is a classification dataset, but problem is regression',
    ]);
    assert.equal(edited.config().dataset, 'plane');
  });
});
