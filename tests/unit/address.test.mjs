// The address codec (www/js/state/address.js), driven by the core's schema: every
// config key and view option written and read back, the classroom flags, and a
// readable line for each entry that cannot be read.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeHash, decodeHash, decodeValue, sameValue } from '../../www/js/state/address.js';
import { glue, schema } from './core.mjs';

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
  });
});
