// Making a partial config fit the rest (www/js/state/config.js) and applying a setup
// key by key (www/js/state/apply-each.js), against the real core in Node.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fitPatch, combineOutcomes, tidyNumber, tidyConfig, datasetSwitchNote } from '../../www/js/state/config.js';
import { applyEach, datasetAdjustment } from '../../www/js/state/apply-each.js';
import { glue, schema, coreOf } from './core.mjs';

const lossesFor = (problem, classes) => Array.from(glue.lossesFor(problem, classes));

describe('fitting a patch to the config', () => {
  const current = glue.defaultConfig();

  it('switching the problem brings a dataset of that problem and a loss that fits', () => {
    assert.deepEqual(fitPatch({ problem: 'regression' }, current, lossesFor, schema), { problem: 'regression', dataset: 'plane' });
    const classes = fitPatch({ classes: 3 }, current, lossesFor, schema);
    assert.equal(classes.loss, 'softmaxCrossEntropy', 'three classes need the softmax loss');
  });

  it('more classes than the dataset has: a dataset that has them (xor → spiral)', () => {
    const patch = fitPatch({ classes: 4 }, { ...current, dataset: 'xor' }, lossesFor, schema);
    assert.equal(patch.dataset, 'spiral');
    assert.equal(patch.loss, 'softmaxCrossEntropy');
    assert.equal(
      datasetSwitchNote('xor', { ...current, dataset: 'spiral', classes: 4 }, schema),
      'the dataset Exclusive or has only 2 classes, so it is now Spiral (4 classes)',
    );
  });

  it('never changes a key the patch names itself', () => {
    assert.deepEqual(fitPatch({ classes: 3, loss: 'squared' }, current, lossesFor, schema), { classes: 3, loss: 'squared' });
    assert.deepEqual(fitPatch({ problem: 'regression', dataset: 'xor' }, current, lossesFor, schema), { problem: 'regression', dataset: 'xor' });
  });

  it('a shorter hidden cuts layerActivations to its length, as the − button does', () => {
    const mixed = { ...current, hidden: [4, 2], layerActivations: ['relu', 'sigmoid'], activation: 'tanh' };
    assert.deepEqual(fitPatch({ hidden: [3] }, mixed, lossesFor, schema), { hidden: [3], layerActivations: ['relu'] });
    assert.deepEqual(fitPatch({ hidden: [3, 3, 3] }, mixed, lossesFor, schema), { hidden: [3, 3, 3] }, 'new layers take activation');
    assert.deepEqual(fitPatch({ hidden: [3], layerActivations: ['linear'] }, mixed, lossesFor, schema).layerActivations, ['linear']);
    assert.deepEqual(fitPatch({ hidden: [3] }, current, lossesFor, schema), { hidden: [3] }, 'one activation for all: nothing to fit');
    const core = coreOf({ hidden: [4, 2], layerActivations: ['relu', 'sigmoid'] });
    core.setConfig(fitPatch({ hidden: [3] }, core.config(), lossesFor, schema));
    assert.deepEqual(core.config().layerActivations, ['relu']);
  });

  it('a shorter hidden cuts the dropout rates to its length too', () => {
    const dropping = { ...current, hidden: [4, 2], dropout: [0.5, 0.2] };
    assert.deepEqual(fitPatch({ hidden: [3] }, dropping, lossesFor, schema), { hidden: [3], dropout: [0.5] });
    assert.deepEqual(fitPatch({ hidden: [3, 3, 3] }, dropping, lossesFor, schema), { hidden: [3, 3, 3] }, 'new layers drop nothing');
    assert.deepEqual(fitPatch({ hidden: [3], dropout: [0.1] }, dropping, lossesFor, schema).dropout, [0.1]);
    const core = coreOf({ hidden: [4, 2], dropout: [0.5, 0.2] });
    core.setConfig(fitPatch({ hidden: [] }, core.config(), lossesFor, schema));
    assert.deepEqual(core.config().dropout, []);
  });

  it('sums up outcomes and tidies 32-bit floats', () => {
    assert.equal(combineOutcomes('kept', 'reset'), 'reset');
    assert.equal(combineOutcomes('newData', 'reset'), 'regenerated');
    assert.equal(combineOutcomes('reset', 'kept'), 'reset');
    assert.equal(tidyNumber(Math.fround(0.03)), 0.03);
    assert.equal(tidyNumber(7), 7);
    assert.equal(tidyNumber(0.31586557), 0.31586557, 'a short number stays as written');
    assert.equal(tidyNumber(tidyNumber(0.315865565)), tidyNumber(0.315865565));
    assert.deepEqual(tidyConfig({ momentum: Math.fround(0.9), hidden: [4] }, schema), { momentum: 0.9, hidden: [4] });
    const exact = { noise: 12.3456789012, stopAtLoss: Math.fround(0.1), learningRate: Math.fround(0.1) };
    assert.deepEqual(tidyConfig(exact, schema), exact, 'settings the core uses beyond their 32-bit float stay as they are');
  });
});

describe('applying a setup key by key', () => {
  it('applies what the core takes, says why for the rest, and sums up the outcome', () => {
    const core = coreOf();
    const { errors, outcome } = applyEach(core, { noise: 10, learningRate: -1, hidden: [3], dataset: 'spiral' }, schema);
    assert.equal(outcome, 'regenerated');
    assert.deepEqual(errors, ['learningRate must be greater than 0 and at most 10, got -1']);
    const config = core.config();
    assert.equal(config.noise, 10);
    assert.deepEqual(config.hidden, [3]);
    assert.equal(config.dataset, 'spiral');
    assert.equal(config.learningRate, glue.defaultConfig().learningRate);
    core.playground.free();
  });

  it('keys that depend on each other apply in either order (fewer layers, shorter per-layer list)', () => {
    const core = coreOf({ hidden: [4, 2], layerActivations: ['relu', 'tanh'] });
    const { errors } = applyEach(core, { hidden: [3], layerActivations: ['swish'] }, schema);
    assert.deepEqual(errors, []);
    assert.deepEqual(core.config().layerActivations, ['swish']);
    core.playground.free();
  });

  it("layer activations for more layers than the setup's hidden are refused, not cut (found by address-properties.test.mjs)", () => {
    const core = coreOf();
    const { errors } = applyEach(core, { layerActivations: ['relu'], hidden: [], samples: 10 }, schema);
    assert.deepEqual(errors, ['layerActivations names 1 activation for 0 hidden layers: give at most one per hidden layer']);
    assert.deepEqual(core.config().hidden, []);
    assert.deepEqual(core.config().layerActivations, []);
    core.playground.free();
  });

  it('says when the classes made the dataset change', () => {
    const config = { ...glue.defaultConfig(), dataset: 'spiral', classes: 3 };
    assert.deepEqual(datasetAdjustment({ dataset: 'xor', classes: 3 }, config, schema), [
      'the dataset Exclusive or has only 2 classes, so it is now Spiral (3 classes)',
    ]);
    assert.deepEqual(datasetAdjustment({ classes: 3 }, config, schema), []);
  });

  it('says that own points given with the setup made the dataset Your own points', () => {
    const config = { ...glue.defaultConfig(), dataset: 'own' };
    assert.deepEqual(datasetAdjustment({ dataset: 'circle' }, config, schema), ['the own points given (points=) make the dataset Your own points, not Circle']);
    const regression = { ...config, problem: 'regression' };
    assert.deepEqual(datasetAdjustment({ dataset: 'plane', problem: 'regression' }, regression, schema), [
      'the own points given (points=) make the dataset Your own points, not Plane',
    ]);
  });
});
