// Seeing the lesson's numbers, as a learner does with a mouse: clicking a neuron opens
// the inspector with its inputs, weights, bias, z, a = f(z) and the backward pass for
// one sample, checked here against the exported model and a forward pass computed in
// the test; the cost plotted against one weight, whose dot follows training downhill;
// links coloured by the gradient; and the per-layer health bars.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { stepEpochs, openOncePerSuite } from './helpers.mjs';

/** Every number the inspector shows, by quantity (and input, for the per-weight ones). */
const shownNumbers = (page) =>
  page.$eval('#inspector', (panel) => {
    const numbers = { inputs: {} };
    for (const out of panel.querySelectorAll('output[data-quantity]')) {
      const value = Number(out.dataset.value);
      const { quantity, input } = out.dataset;
      if (input === undefined) numbers[quantity] = value;
      else {
        numbers.inputs[input] ??= {};
        numbers.inputs[input][quantity] = value;
      }
    }
    numbers.activation = panel.querySelector('[data-activation]')?.dataset.activation;
    numbers.title = panel.querySelector('#inspector-title').textContent;
    return numbers;
  });

/** The activations of every layer for one input vector, from the model file (tanh throughout). */
function forwardPass(model, inputs) {
  const layers = [];
  let x = inputs;
  for (const layer of model.layers) {
    const z = layer.weights.map((row, j) => row.reduce((sum, w, i) => sum + w * x[i], layer.biases[j]));
    const a = z.map(Math.tanh);
    layers.push({ z, a, inputs: x });
    x = a;
  }
  return layers;
}

const close = (actual, expected, what, tolerance = 1e-5) => {
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${what}: page shows ${actual}, expected ${expected}`);
};

/** Checks the shown numbers of neuron `neuron` of the first hidden layer against the model and the test's own pass. */
async function checkNeuron(page, neuron) {
  const layer = 0;
  const shown = await shownNumbers(page);
  const model = await page.evaluate(() => window.playground.exportModel());
  const inputCount = model.layers[layer].weights[neuron].length;
  const pass = forwardPass(model, [shown.inputs[0].x, shown.inputs[1].x]);
  const mine = pass[layer];
  assert.equal(shown.activation, 'tanh');
  for (let i = 0; i < inputCount; i++) {
    close(shown.inputs[i].x, mine.inputs[i], `x${i + 1}`);
    close(shown.inputs[i].weight, model.layers[layer].weights[neuron][i], `β${i + 1}`, 1e-7);
  }
  close(shown.bias, model.layers[layer].biases[neuron], 'b', 1e-7);
  close(shown.z, mine.z[neuron], 'z');
  close(shown.a, Math.tanh(shown.z), 'a = tanh(z)');
  close(shown.a, mine.a[neuron], 'a');
  // The backward pass: ∂J/∂z = ∂J/∂a · (1 − a²), ∂J/∂β_i = ∂J/∂z · x_i, update −α·∂J/∂β_i.
  close(shown.dJdz, shown.dJda * (1 - shown.a ** 2), '∂J/∂z');
  for (let i = 0; i < inputCount; i++) {
    close(shown.inputs[i].dJdw, shown.dJdz * shown.inputs[i].x, `∂J/∂β${i + 1}`);
    close(shown.inputs[i].update, -shown.learningRate * shown.inputs[i].dJdw, `update of β${i + 1}`);
  }
  close(shown.learningRate, 0.03, 'α');
  const output = pass.at(-1).a[0];
  close(shown.output, output, 'network output');
  return shown;
}

const costPlot = (page) =>
  page.$eval('#cost-plot', (canvas) => ({
    from: Number(canvas.dataset.from),
    to: Number(canvas.dataset.to),
    series: canvas.dataset.series.split(',').map(Number),
    current: Number(canvas.dataset.current),
  }));

const lowestAt = ({ from, to, series }) => from + ((to - from) * series.indexOf(Math.min(...series))) / (series.length - 1);

describe('the neuron inspector', () => {
  let page;
  openOncePerSuite((opened) => ({ page } = opened));

  it('clicking a first-layer neuron shows its inputs, weights, bias, z, tanh(z) and the backward pass', async () => {
    assert.equal(await page.isVisible('#inspector'), false);
    await page.click('.thumb[data-node="3"]'); // neuron 2 of hidden layer 1
    await page.waitForSelector('#inspector:not([hidden])');
    const shown = await shownNumbers(page);
    assert.equal(shown.title, 'Neuron 2 of hidden layer 1');
    assert.equal(await page.inputValue('#inspector-sample'), '0');
    const first = await checkNeuron(page, 1);
    // The network's output for these inputs is what predict says, and its loss is ½(o − t)².
    const [predicted] = await page.evaluate((point) => window.playground.predict([point]), [first.inputs[0].x, first.inputs[1].x]);
    close(first.output, predicted, 'output against predict');
    close(first.loss, 0.5 * (first.output - first.target) ** 2, 'loss');
    assert.match(await page.textContent('#inspector'), /a = tanh\(z\)/);
    assert.deepEqual(page.problems, []);
  });

  it('another sample and a deeper neuron show their own numbers, kept up to date while training', async () => {
    const sampleZero = await shownNumbers(page);
    await page.fill('#inspector-sample', '1');
    await page.dispatchEvent('#inspector-sample', 'change');
    await page.waitForFunction(
      (x) => Number(document.querySelector('greymatter-playground').shadowRoot.querySelector('output[data-quantity="x"]').dataset.value) !== x,
      sampleZero.inputs[0].x,
    );
    const point = await shownNumbers(page);
    await page.click('.thumb[data-node="6"]'); // neuron 1 of hidden layer 2
    await page.waitForFunction(
      () => document.querySelector('greymatter-playground').shadowRoot.querySelector('#inspector-title').textContent === 'Neuron 1 of hidden layer 2',
    );
    // Its inputs are the first layer's outputs for the same sample.
    const deeper = await shownNumbers(page);
    deeper.point = [point.inputs[0].x, point.inputs[1].x];
    await checkDeeper(page, deeper.point);
    await stepEpochs(page, 3);
    await checkDeeper(page, deeper.point);
    assert.deepEqual(page.problems, []);
  });

  it('plots the cost against a weight; training moves the weight towards the lowest point and the dot follows', async () => {
    await page.click('.thumb[data-node="3"]');
    await page.waitForFunction(
      () => document.querySelector('greymatter-playground').shadowRoot.querySelector('#inspector-title').textContent === 'Neuron 2 of hidden layer 1',
    );
    await page.evaluate(() => window.playground.reset());
    await page.selectOption('#cost-weight', '0');
    const weight = async () => (await page.evaluate(() => window.playground.exportModel())).layers[0].weights[1][0];
    const before = await costPlot(page);
    assert.equal(before.series.length, 61);
    assert.equal(before.current, await weight(), 'the dot is at the weight');
    assert.ok(before.from < before.current && before.current < before.to, 'the weight is inside the plotted range');
    close(before.to - before.from, 6, 'the range is the weight ± 3');
    await page.evaluate(() => window.playground.setConfig({ learningRate: 0.3 }));
    await stepEpochs(page, 150);
    const after = await costPlot(page);
    const now = await weight();
    assert.equal(after.current, now, 'the dot follows the weight');
    assert.ok(
      Math.sign(now - before.current) === Math.sign(lowestAt(before) - before.current),
      `the weight moved from ${before.current} to ${now}, towards the lowest cost at ${lowestAt(before)}`,
    );
    const step = (after.to - after.from) / (after.series.length - 1);
    assert.ok(Math.abs(lowestAt(after) - now) <= 2 * step, `after training the weight ${now} sits at the bottom of the curve (lowest at ${lowestAt(after)})`);
    await page.evaluate(() => window.playground.setConfig({ learningRate: 0.03 }));
    await page.click('#inspector-close');
    assert.equal(await page.isVisible('#inspector'), false);
    assert.deepEqual(page.problems, []);
  });
});

/** Neuron 1 of hidden layer 2 for the point `point`: inputs are layer 1's outputs. */
async function checkDeeper(page, point) {
  const shown = await shownNumbers(page);
  const model = await page.evaluate(() => window.playground.exportModel());
  const pass = forwardPass(model, point);
  for (let i = 0; i < 4; i++) {
    close(shown.inputs[i].x, pass[0].a[i], `input ${i + 1} (layer 1's output)`);
    close(shown.inputs[i].weight, model.layers[1].weights[0][i], `β${i + 1}`, 1e-7);
  }
  close(shown.z, pass[1].z[0], 'z');
  close(shown.a, Math.tanh(pass[1].z[0]), 'a');
  close(shown.output, pass.at(-1).a[0], 'output');
}

describe('gradients and layer health on the diagram', () => {
  let page;
  openOncePerSuite((opened) => ({ page } = opened));

  it('colours the links by the gradient when asked, and says so in the address', async () => {
    const picture = () => page.$eval('#network', (canvas) => canvas.toDataURL());
    const byWeight = await picture();
    await page.click('#gradient-links');
    await page.waitForFunction(() => /gradientLinks=true/.test(window.location.hash));
    assert.notEqual(await picture(), byWeight);
    assert.equal((await page.evaluate(() => window.playground.view)).gradientLinks, true);
    await page.click('#gradient-links');
    await page.waitForFunction(() => /gradientLinks=false/.test(window.location.hash));
    assert.equal(await picture(), byWeight);
    assert.deepEqual(page.problems, []);
  });

  it('shows small health numbers for tanh, and dead neurons for relu with a large learning rate', async () => {
    const health = () =>
      page.$$eval('#layer-health .health-row', (rows) =>
        rows.map((row) => Object.fromEntries([...row.querySelectorAll('[data-measure]')].map((bar) => [bar.dataset.measure, Number(bar.dataset.value)]))),
      );
    const tanh = await health();
    assert.equal(tanh.length, 3, 'two hidden layers and the output');
    for (const layer of tanh) {
      assert.equal(layer.deadShare, 0);
      assert.ok(layer.saturatedShare <= 0.25, `saturated share ${layer.saturatedShare}`);
      assert.ok(layer.meanAbsGradient < 0.5, `mean |gradient| ${layer.meanAbsGradient}`);
    }
    await page.evaluate(() => window.playground.setConfig({ activation: 'relu', learningRate: 3, hidden: [8, 8] }));
    await stepEpochs(page, 30);
    const relu = await health();
    assert.ok(
      relu.slice(0, -1).some((layer) => layer.deadShare > 0),
      `dead shares ${relu.map((l) => l.deadShare)}`,
    );
  });

  it('updates the health bars in place as training goes on, and builds new ones for a new shape', async () => {
    const bars = '#layer-health [data-measure]';
    await page.evaluate(() => window.playground.setConfig({ activation: 'tanh', learningRate: 0.03, hidden: [4, 4] }));
    await stepEpochs(page, 1);
    const before = await page.$$eval(bars, (all) =>
      all.map((bar) => {
        bar.seen = true;
        return bar.dataset.value;
      }),
    );
    await stepEpochs(page, 10);
    const after = await page.$$eval(bars, (all) => all.map((bar) => ({ seen: bar.seen === true, value: bar.dataset.value })));
    assert.equal(after.length, 9, 'three layers of three bars');
    assert.ok(
      after.every((bar) => bar.seen),
      'the same bars, not new ones',
    );
    assert.notDeepEqual(
      after.map((bar) => bar.value),
      before,
      'showing the new numbers',
    );
    await page.evaluate(() => window.playground.setConfig({ hidden: [4, 4, 4] }));
    await stepEpochs(page, 1);
    const grown = await page.$$eval(bars, (all) => all.map((bar) => bar.seen === true));
    assert.equal(grown.length, 12);
    assert.ok(
      grown.every((seen) => !seen),
      'a bar per layer of the new network',
    );
    assert.deepEqual(page.problems, []);
  });
});
