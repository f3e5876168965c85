// Which controls exist (www/js/state/classroom.js): the buttons, one toggle per
// feature and every hideable row of the schema; the element's `controls` attribute in
// kebab-case or as the address writes them.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { controlNames, controls, controlAttributeName, readControlList, hiddenFeatures } from '../../www/js/state/classroom.js';
import { schema } from './core.mjs';

describe('the controls a reader may touch', () => {
  it('are the buttons, the hideable settings and one toggle per feature', () => {
    const names = controlNames(schema);
    for (const name of ['playButton', 'stepButton', 'resetButton', 'newWeights', 'newData', 'modelFile', 'stepThrough', 'layerSees', 'drawPoints']) {
      assert.ok(names.includes(name), name);
    }
    for (const row of schema.hideableRows()) assert.ok(names.includes(row.key), row.key);
    for (const feature of schema.values('features')) assert.ok(names.includes(feature), feature);
    assert.equal(new Set(names).size, names.length, 'each named once');
    assert.ok(
      controls(schema).every(({ what }) => typeof what === 'string' && what.length > 0),
      'each says what it is',
    );
  });

  it('read a controls attribute in kebab-case or camelCase, naming the ones that do not exist', () => {
    assert.equal(controlAttributeName('playButton'), 'play');
    assert.equal(controlAttributeName('learningRate'), 'learning-rate');
    assert.equal(controlAttributeName('x1Squared'), 'x1-squared');
    const { names, errors } = readControlList('learning-rate, activation play  x1Squared,colour', schema);
    assert.deepEqual(names, ['learningRate', 'activation', 'playButton', 'x1Squared']);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /there is no control called "colour"; the controls are play, step, /);
  });

  it('pick the feature toggles out of a list of hidden controls', () => {
    assert.deepEqual(hiddenFeatures(['noise', 'x2', 'sinX1', 'playButton'], schema), ['x2', 'sinX1']);
  });
});
