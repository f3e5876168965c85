// Step-through: one training sample walked through the network — forward layer by
// layer, backward from the output down, then the update applied — with the numbers
// shown checked against the core's own `inspectSample`, the keyboard and the buttons
// moving between the stages, and "Apply" changing the weights by the update shown —
// with SGD, and with momentum and Adam, whose rule is written out with its memories.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openOncePerSuite, stepEpochs } from './helpers.mjs';

/** The stage shown: its kind, layer, and every number by quantity, as [layer, neuron, input] rows. */
const shownStage = (page) =>
  page.$eval('#step-through-panel', (panel) => ({
    kind: panel.dataset.kind,
    layer: panel.dataset.layer === '' ? null : Number(panel.dataset.layer),
    stage: Number(panel.dataset.stage),
    numbers: [...panel.querySelectorAll('#step-numbers output[data-quantity]')].map((out) => ({
      quantity: out.dataset.quantity,
      value: Number(out.dataset.value),
      layer: out.dataset.layer === undefined ? null : Number(out.dataset.layer),
      neuron: out.dataset.neuron === undefined ? null : Number(out.dataset.neuron),
      input: out.dataset.input === undefined ? null : Number(out.dataset.input),
    })),
    highlighted: [...document.querySelector('greymatter-playground').shadowRoot.querySelectorAll('#network-nodes .step-highlight')].map((c) =>
      Number(c.dataset.node),
    ),
  }));

/**
 * The core's own `inspectSample(index, "train")` for the page's current network: a
 * second core handle with the same config (so the same points) and the exported model.
 */
const inspectSample = (page, index) =>
  page.evaluate(async (i) => {
    const glue = await import('/pkg/greymatter.js'); // a core of the test's own
    await glue.default();
    const twin = new glue.Playground(window.playground.config);
    try {
      twin.importModel(window.playground.exportModel());
      return twin.inspectSample(i, 'train');
    } finally {
      twin.free();
    }
  }, index);

/** Checks that the stage shows `quantities` of `layer` equal to the sample's. */
function checkLayer(stage, sample, layer, quantities) {
  for (const quantity of quantities) {
    const shown = stage.numbers.filter((n) => n.quantity === quantity && n.layer === layer);
    const expected = sample.layers[layer][quantity];
    assert.equal(shown.length, expected.length, `${quantity} of layer ${layer}: one per neuron`);
    for (const { neuron, value } of shown) assert.equal(value, expected[neuron], `${quantity} of neuron ${neuron}`);
  }
}

describe('step-through', () => {
  let page;
  openOncePerSuite((opened) => ({ page } = opened));

  it('opens paused on sample 0 and walks forward, backward, then applies the shown update', async () => {
    await page.evaluate(() => window.playground.play());
    await page.click('#step-through');
    await page.waitForSelector('#step-through-panel:not([hidden])');
    assert.equal(await page.evaluate(() => window.playground.playing), false, 'opening pauses training');
    assert.equal(await page.inputValue('#step-sample'), '0');
    const epoch = await page.evaluate(() => window.playground.state.epoch);
    const model = await page.evaluate(() => window.playground.exportModel());
    const sizes = model.layers.map((layer) => layer.biases.length); // [4, 2, 1]
    const count = sizes.length;

    const core = await inspectSample(page, 0);
    let stage = await shownStage(page);
    assert.deepEqual([stage.kind, stage.layer, stage.stage], ['forward', 0, 0]);
    const forward = [];
    for (let layer = 0; layer < count; layer++) {
      stage = await shownStage(page);
      assert.deepEqual([stage.kind, stage.layer], ['forward', layer]);
      assert.equal(stage.highlighted.length, sizes[layer], 'the layer is outlined on the diagram');
      forward.push(stage);
      if (layer < count - 1) await page.click('#step-next');
    }

    for (let layer = 0; layer < count; layer++) checkLayer(forward[layer], core, layer, ['z', 'a']);
    const loss = forward[count - 1].numbers.find((n) => n.quantity === 'loss');
    assert.equal(loss.value, core.loss);

    // Backward with the keyboard, from the output layer down.
    const backward = [];
    for (let layer = count - 1; layer >= 0; layer--) {
      await page.keyboard.press('ArrowRight');
      stage = await shownStage(page);
      assert.deepEqual([stage.kind, stage.layer], ['backward', layer]);
      backward[layer] = stage;
    }
    for (let layer = 0; layer < count; layer++) checkLayer(backward[layer], core, layer, ['dJda', 'dJdz']);
    await page.keyboard.press('ArrowLeft');
    stage = await shownStage(page);
    assert.deepEqual([stage.kind, stage.layer], ['backward', count - 2], 'ArrowLeft goes back one stage');
    await page.click('#step-previous');
    stage = await shownStage(page);
    assert.deepEqual([stage.kind, stage.layer], ['backward', count - 1], 'Previous goes back one stage');
    await page.click('#step-previous');
    stage = await shownStage(page);
    assert.deepEqual([stage.kind, stage.layer], ['forward', count - 1]);

    for (let i = 0; i < count + 1; i++) await page.click('#step-next');
    stage = await shownStage(page);
    assert.equal(stage.kind, 'apply');
    assert.equal(await page.isVisible('#step-apply'), true);
    const updates = stage.numbers.filter((n) => n.quantity === 'update' && n.layer === 0);
    assert.equal(updates.length, model.layers[0].weights.flat().length);
    await page.click('#step-apply');
    const after = await page.evaluate(() => window.playground.exportModel());
    for (const { neuron, input, value } of updates) {
      const moved = after.layers[0].weights[neuron][input] - model.layers[0].weights[neuron][input];
      assert.ok(Math.abs(moved - value) <= 1e-6, `weight ${neuron},${input} moved ${moved}, update shown ${value}`);
    }
    assert.equal(await page.evaluate(() => window.playground.state.epoch), epoch, 'the epoch stays');
  });

  for (const [optimizer, words, rule] of [
    ['adam', /Adam \(α = 0\.03, β₁ = 0\.9, β₂ = 0\.999, ε = 1e-8, t = \d+\)/, /m̂ = m\/\(1−β₁ᵗ\) = .*Δβ = −α·m̂\/\(√û \+ ε\) = /],
    ['momentum', /Momentum \(α = 0\.03, μ = 0\.9\)/, /previous v = .*v = μ·v \+ g = .*Δβ = −α·v = /],
  ]) {
    it(`with ${optimizer}, Apply moves every weight by the update shown`, async () => {
      await page.selectOption('#optimizer', optimizer);
      await page.waitForFunction((name) => window.playground.config.optimizer === name, optimizer);
      await stepEpochs(page, 3); // the optimizer's memory is no longer zero
      await page.click('#step-through');
      await page.waitForSelector('#step-through-panel:not([hidden])');
      while ((await shownStage(page)).kind !== 'apply') await page.click('#step-next');
      assert.match(await page.textContent('#step-title'), words);
      const lines = await page.$$eval('#step-numbers .optimizer-step', (divs) => divs.map((div) => div.textContent));
      assert.match(lines[0], rule);
      const shown = await page.$$eval('#step-numbers output[data-quantity="update"]', (outs) =>
        outs.map((out) => ({
          layer: Number(out.dataset.layer),
          neuron: Number(out.dataset.neuron),
          input: Number(out.dataset.input),
          value: Number(out.dataset.value),
          text: Number(out.textContent),
        })),
      );
      const model = await page.evaluate(() => window.playground.exportModel());
      assert.equal(
        shown.length,
        model.layers.reduce((sum, layer) => sum + layer.weights.flat().length, 0),
        'every weight',
      );
      await page.click('#step-apply');
      const after = await page.evaluate(() => window.playground.exportModel());
      for (const { layer, neuron, input, value, text } of shown) {
        const moved = after.layers[layer].weights[neuron][input] - model.layers[layer].weights[neuron][input];
        const what = `weight ${layer},${neuron},${input} moved ${moved}, update shown ${text} (${value})`;
        assert.ok(Math.abs(moved - value) <= 2.5e-7, what); // moved: the f32 sum, rounded once
        assert.ok(Math.abs(moved - text) <= 5e-4 * Math.abs(moved) + 2.5e-7, what); // to the 4 digits shown
      }
      await page.click('#step-close');
    });
  }
});
