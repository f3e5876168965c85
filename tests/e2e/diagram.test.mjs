// The network diagram, as a person uses it with a mouse: feature toggles in the input
// column with a picture each, +/− buttons for layers and neurons past the TensorFlow
// Playground's 6 × 8, a live picture in every neuron, links drawn by weight that move
// while training, hovering a neuron to see it in the big heatmap, hovering a link or
// bias to read it and clicking it to type a new value.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  stepEpochs,
  heatmapPixels,
  heatmapColourAt,
  isOrange,
  isBlue,
  linkMiddle,
  biasSquare,
  networkPixels,
  alongLink,
  openOncePerSuite,
  thumbnailPixels,
} from './helpers.mjs';

const model = (page) => page.evaluate(() => window.playground.exportModel());

/** Distinct colours of a node's thumbnail, as shown. */
const thumbnailColours = async (page, node) => {
  const data = await thumbnailPixels(page, node);
  const colours = new Set();
  for (let i = 0; i < data.length; i += 4) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
  return colours.size;
};

describe('the network diagram', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened));

  it('lists every input feature with its own picture; ticking one adds it to the network', async () => {
    const toggles = await page.$$eval('.input-toggle input', (list) => list.map((box) => box.id));
    assert.deepEqual(toggles, ['feature-x1', 'feature-x2', 'feature-x1Squared', 'feature-x2Squared', 'feature-x1x2', 'feature-sinX1', 'feature-sinX2']);
    assert.equal(await page.locator('.thumb.input').count(), 7);
    assert.equal(await page.locator('.thumb.input.idle').count(), 5, 'unused features are faded');
    await page.click('#feature-x1x2');
    await page.waitForFunction(() => window.playground.config.features.join() === 'x1,x2,x1x2');
    assert.equal(await page.locator('.thumb.input.idle').count(), 4);
    // Input node 2 is x1·x2: a saddle, blue where x1 and x2 have the same sign.
    assert.ok((await thumbnailColours(page, 2)) > 20);
    assert.equal((await model(page)).layers[0].weights[0].length, 3);
    await page.click('#feature-x1x2');
    await page.waitForFunction(() => window.playground.config.features.join() === 'x1,x2');
  });

  it('+/− buttons go as far as the core allows, past 6 layers of 8; past its weight cap the core says why', async () => {
    const limits = await page.evaluate(async () => {
      const glue = await import('/pkg/greymatter.js'); // a core of the test's own
      await glue.default();
      return glue.limits();
    });
    assert.deepEqual([limits.maxHiddenLayers, limits.maxNeuronsPerLayer, limits.maxWeights], [16, 64, 50000]);
    for (let i = 2; i < limits.maxHiddenLayers; i++) await page.click('#add-layer');
    await page.waitForFunction((n) => window.playground.config.hidden.length === n, limits.maxHiddenLayers);
    assert.equal(await page.isDisabled('#add-layer'), true, 'the core stops at 16 hidden layers');
    assert.equal(await page.textContent('#layer-count-label'), '16 hidden layers');
    for (let i = 0; i < 7; i++) await page.click('.add-neuron[data-layer="0"]');
    await page.waitForFunction(() => window.playground.config.hidden[0] === 11);
    const hidden = (await page.evaluate(() => window.playground.config)).hidden;
    assert.deepEqual(hidden, [11, ...Array(15).fill(2)]);
    const neurons = hidden.reduce((sum, n) => sum + n, 0);
    assert.equal(await page.locator('.thumb.hidden').count(), neurons);
    for (let i = 2; i < limits.maxHiddenLayers; i++) await page.click('#remove-layer');
    for (let i = 0; i < 7; i++) await page.click('.remove-neuron[data-layer="0"]');
    await page.waitForFunction(() => window.playground.config.hidden.join() === '4,2');

    // 63 neurons: one more is allowed, then the button stops.
    await page.evaluate(() => window.playground.setConfig({ hidden: [63] }));
    await page.click('.add-neuron[data-layer="0"]');
    await page.waitForFunction(() => window.playground.config.hidden[0] === 64);
    assert.equal(await page.isDisabled('.add-neuron[data-layer="0"]'), true, 'the core stops at 64 neurons');

    // All 7 features, thirteen layers of 64 and one of 6 make 49,990 weights: one more neuron would pass 50,000.
    const all = ['x1', 'x2', 'x1Squared', 'x2Squared', 'x1x2', 'sinX1', 'sinX2'];
    const largest = [...Array(13).fill(64), 6];
    await page.evaluate(([features, hidden]) => window.playground.setConfig({ features, hidden }), [all, largest]);
    assert.equal(await page.isDisabled('.add-neuron[data-layer="13"]'), false);
    await page.click('.add-neuron[data-layer="13"]');
    await page.waitForFunction(() => /50000/.test(document.querySelector('greymatter-playground').shadowRoot.getElementById('message').textContent));
    assert.match(await page.textContent('#message'), /make 50055 weights; the most is 50000/);
    assert.deepEqual((await page.evaluate(() => window.playground.config)).hidden, largest);
    await page.evaluate(() => window.playground.setConfig({ features: ['x1', 'x2'], hidden: [4, 2] }));
    assert.equal(await page.isHidden('#message'), true, 'the next accepted change clears the notice');
  });

  it('every neuron shows a live picture of its own output', async () => {
    const nodes = 2 + 4 + 2 + 1;
    assert.equal(await page.locator('.thumb[data-node]').count(), nodes);
    for (let node = 0; node < nodes; node++) {
      assert.ok((await thumbnailColours(page, node)) > 3, `node ${node} has a flat picture`);
    }
    const before = (await thumbnailPixels(page, 8)).join();
    await stepEpochs(page, 15);
    const after = (await thumbnailPixels(page, 8)).join();
    assert.notEqual(after, before, 'the output picture follows training');
  });

  it('links are coloured and sized by their weight and move only while training', async () => {
    // The two links into the output (nodes 6 and 7 are hidden layer 2): set one thick
    // and negative, the other thin and positive, by typing into the diagram.
    for (const [from, value] of [
      [6, '-3'],
      [7, '0.05'],
    ]) {
      const middle = await linkMiddle(page, from, 8);
      await page.mouse.click(middle.x, middle.y);
      await page.fill('#weight-input', value);
      await page.press('#weight-input', 'Enter');
      await page.press('#weight-input', 'Escape');
    }
    const weights = (await model(page)).layers[2].weights[0];
    assert.deepEqual(weights, [-3, Math.fround(0.05)]);
    /** Colour at the middle of a link and how many pixels tall its stroke is there. */
    const look = async (from) => {
      const middle = await linkMiddle(page, from, 8);
      const column = [];
      for (let dy = -8; dy <= 8; dy++) column.push({ x: middle.x, y: middle.y + dy });
      const pixels = await networkPixels(page, column);
      return { colour: pixels[8], tall: pixels.filter((p) => p[3] > 100).length };
    };
    const thick = await look(6);
    const thin = await look(7);
    assert.ok(isOrange(thick.colour), `negative weight drawn ${thick.colour}`);
    assert.ok(isBlue(thin.colour), `positive weight drawn ${thin.colour}`);
    assert.ok(thick.tall >= 5 && thin.tall <= 2, `strokes ${thick.tall} and ${thin.tall} pixels tall`);

    const gaps = async () => (await networkPixels(page, await alongLink(page, 6, 8, 60))).filter((p) => p[3] < 40).length;
    assert.equal(await gaps(), 0, 'solid links while paused');
    await page.click('#play-pause');
    await page.waitForFunction(() => document.querySelector('greymatter-playground').shadowRoot.getElementById('network').classList.contains('training'));
    const first = await page.$eval('#network', (canvas) => canvas.toDataURL());
    await page.waitForFunction((start) => document.querySelector('greymatter-playground').shadowRoot.getElementById('network').toDataURL() !== start, first);
    assert.ok((await gaps()) > 0, 'dashes while training');
    await page.click('#play-pause');
    assert.equal(await gaps(), 0);
  });

  it('hovering a neuron shows its output in the big heatmap; leaving shows the output again', async () => {
    const output = await heatmapPixels(page);
    await page.hover('.thumb[data-node="0"]'); // x1: orange on the left, blue on the right
    await page.waitForFunction(() => /x₁/.test(document.querySelector('greymatter-playground').shadowRoot.getElementById('heatmap-caption').textContent));
    assert.ok(isOrange(await heatmapColourAt(page, 0.01, 0.01)));
    assert.ok(isBlue(await heatmapColourAt(page, 0.99, 0.01)));
    await page.hover('.thumb[data-node="1"]'); // x2: blue at the top, orange at the bottom
    await page.waitForFunction(() => /x₂/.test(document.querySelector('greymatter-playground').shadowRoot.getElementById('heatmap-caption').textContent));
    assert.ok(isBlue(await heatmapColourAt(page, 0.01, 0.01)));
    assert.ok(isOrange(await heatmapColourAt(page, 0.01, 0.99)));
    await page.hover('.thumb[data-node="3"]');
    await page.waitForFunction(
      () => document.querySelector('greymatter-playground').shadowRoot.getElementById('heatmap-caption').textContent === 'Showing neuron 2 of hidden layer 1',
    );
    await page.mouse.move(5, 5);
    await page.waitForFunction(() => document.querySelector('greymatter-playground').shadowRoot.getElementById('heatmap-caption').hidden);
    assert.equal((await heatmapPixels(page)).hash, output.hash);
  });

  it('hovering a weight shows its value; clicking it lets you type a new one, applied at once', async () => {
    const middle = await linkMiddle(page, 7, 8); // neuron 2 of hidden layer 2 → output
    const weight = (await model(page)).layers[2].weights[0][1];
    await page.mouse.move(middle.x, middle.y);
    await page.waitForSelector('#weight-card:not([hidden])');
    assert.equal(await page.textContent('#weight-card-label'), 'Weight from neuron 2 of hidden layer 2 to the output');
    assert.equal(Number(await page.textContent('#weight-value')), Number(weight.toPrecision(3)));
    assert.equal(await page.isHidden('#weight-input'), true, 'hovering only shows the value');
    await page.mouse.move(middle.x, middle.y - 60);
    await page.waitForSelector('#weight-card', { state: 'hidden' });

    const before = await page.evaluate(() => window.playground.predict([[1, 1]]));
    await page.mouse.click(middle.x, middle.y);
    await page.fill('#weight-input', '2.5');
    await page.press('#weight-input', 'Enter');
    await page.waitForFunction(() => window.playground.exportModel().layers[2].weights[0][1] === 2.5);
    assert.equal(await page.textContent('#weight-value'), '2.5');
    assert.notDeepEqual(await page.evaluate(() => window.playground.predict([[1, 1]])), before);
    await page.press('#weight-input', 'Escape');
    assert.equal(await page.isHidden('#weight-card'), true);
  });

  it('a bias can be read and edited the same way', async () => {
    const hidden = await biasSquare(page, 3);
    await page.mouse.move(hidden.x, hidden.y);
    await page.waitForFunction(
      () => document.querySelector('greymatter-playground').shadowRoot.getElementById('weight-card-label').textContent === 'Bias of neuron 2 of hidden layer 1',
    );
    const output = await biasSquare(page, 8);
    await page.mouse.move(output.x, output.y);
    await page.waitForFunction(
      () => document.querySelector('greymatter-playground').shadowRoot.getElementById('weight-card-label').textContent === 'Bias of the output',
    );
    await page.mouse.click(output.x, output.y);
    await page.fill('#weight-input', '0.75');
    await page.press('#weight-input', 'Enter');
    await page.waitForFunction(() => window.playground.exportModel().layers[2].biases[0] === 0.75);
    await page.click('#heatmap');
    assert.equal(await page.isHidden('#weight-card'), true, 'clicking elsewhere closes the box');
    assert.deepEqual(page.problems, []);
  });
});
