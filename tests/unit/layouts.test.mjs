// The element's layouts (www/js/element/layouts.js): what each offers.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LAYOUT_NAMES, layoutControls, layoutNamed } from '../../www/js/element/layouts.js';

describe('layouts', () => {
  it('full offers every control, the others a few', () => {
    assert.deepEqual(LAYOUT_NAMES, ['full', 'compact', 'boundary', 'network', 'compare']);
    assert.equal(layoutControls('full'), null);
    assert.deepEqual(layoutControls('compact'), ['playButton', 'stepButton', 'resetButton']);
    assert.deepEqual(layoutControls('boundary'), ['playButton']);
    assert.deepEqual(layoutControls('network'), []);
  });

  it('refuse a layout that does not exist, naming the ones that do', () => {
    assert.throws(() => layoutNamed('wide'), /layout must be one of full, compact, boundary, network, compare, got "wide"/);
    assert.throws(() => layoutNamed('toString'), /layout must be one of/);
  });
});
