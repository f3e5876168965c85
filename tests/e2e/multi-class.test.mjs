// Multi-class classification as a person uses it: the Classes control, the loss select
// that offers only the losses that fit, k output neurons in the diagram, the class map
// with its legend, the confusion matrix, the share link, binary cross-entropy, and a
// malformed classes value in the address.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openOncePerSuite, openPlayground, stepEpochs } from './helpers.mjs';

const ALL_LOSSES = ['squared', 'absolute', 'huber', 'binaryCrossEntropy', 'softmaxCrossEntropy'];
const REGRESSION_LOSSES = ['squared', 'absolute', 'huber'];

const lossOptions = (page) => page.$$eval('#loss option', (options) => options.map((option) => option.value));
const outputNeurons = (page) => page.locator('#network-nodes .thumb.output').count();

/** The confusion matrix as shown: counts[true][predicted], read from the table's cells. */
async function shownMatrix(page) {
  return page.$$eval('#confusion-matrix tbody tr', (rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => Number(cell.textContent))));
}

/** '#rrggbb' → [r, g, b]. */
/** Heatmap pixels within 2 of each of the first 4 class colours of `palette` (the core's classColors). */
async function classPixelCounts(page, palette) {
  const colours = (
    await page.evaluate(async (name) => {
      const glue = await import('./pkg/greymatter.js'); // a core of the test's own
      await glue.default();
      return Array.from(glue.classColors(name));
    }, palette)
  )
    .slice(0, 4)
    .map(rgbOf);
  return page.evaluate((list) => {
    const canvas = document.querySelector('greymatter-playground').shadowRoot.getElementById('heatmap');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const found = list.map(() => 0);
    for (let i = 0; i < data.length; i += 4) {
      list.forEach(([r, g, b], k) => {
        if (Math.abs(data[i] - r) <= 2 && Math.abs(data[i + 1] - g) <= 2 && Math.abs(data[i + 2] - b) <= 2) found[k]++;
      });
    }
    return found;
  }, colours);
}

const rgbOf = (hex) => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));

describe('multi-class classification', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened));

  it('4 classes on the spiral: only softmax cross-entropy fits, and the diagram has 4 output neurons', async () => {
    await page.click('#dataset-spiral');
    await page.waitForFunction(() => window.playground.config.dataset === 'spiral');
    assert.equal(await page.isVisible('#classes'), true);
    assert.deepEqual(await lossOptions(page), ALL_LOSSES);
    await page.selectOption('#classes', '4');
    await page.waitForFunction(() => window.playground.config.classes === 4);
    assert.deepEqual(await lossOptions(page), ['softmaxCrossEntropy']);
    assert.equal(await page.inputValue('#loss'), 'softmaxCrossEntropy');
    const config = await page.evaluate(() => window.playground.config);
    assert.equal(config.classes, 4);
    assert.equal(config.loss, 'softmaxCrossEntropy');
    assert.equal(await outputNeurons(page), 4);
    assert.match(new URL(page.url()).hash, /classes=4&loss=softmaxCrossEntropy/);
    // Exclusive or has two classes only: not offered, and its title says why.
    assert.equal(await page.isDisabled('#dataset-xor'), true);
    assert.match(await page.getAttribute('#dataset-xor', 'title'), /only 2 classes/);
    // The legend names the four class colours.
    const legend = await page.$$eval('#class-legend .class-item', (items) => items.map((item) => item.textContent));
    assert.deepEqual(legend, ['class 0', 'class 1', 'class 2', 'class 3']);
    assert.match(await page.textContent('#class-legend'), /shade: confidence of the winning class/);
    assert.equal(await page.isHidden('#value-legend'), true);
  });

  it('training raises the accuracy above chance (25%)', async () => {
    await page.selectOption('#optimizer', 'adam');
    await page.check('#feature-sinX1');
    await page.check('#feature-sinX2');
    await page.selectOption('#epochs-per-frame', '20');
    await page.waitForFunction(
      () => window.playground.config.features.length === 4 && window.playground.config.optimizer === 'adam' && window.playground.view.epochsPerFrame === 20,
    );
    assert.equal(await outputNeurons(page), 4);
    const state = await stepEpochs(page, 12);
    assert.ok(state.epoch >= 200);
    assert.ok(state.trainMetric > 0.45, `training accuracy ${state.trainMetric}`);
    assert.ok(state.testMetric > 0.35, `test accuracy ${state.testMetric}`);
  });

  it('the confusion matrix has 4×4 cells that sum to the test points, its diagonal the test accuracy', async () => {
    assert.equal(await page.isVisible('#confusion-matrix'), true);
    assert.match(await page.textContent('#confusion-matrix caption'), /test points/);
    assert.equal(await page.locator('#confusion-matrix thead th[scope="col"]').count(), 5);
    assert.equal(await page.locator('#confusion-matrix tbody th[scope="row"]').count(), 4);
    const matrix = await shownMatrix(page);
    assert.equal(matrix.length, 4);
    assert.ok(matrix.every((row) => row.length === 4));
    const total = matrix.flat().reduce((sum, count) => sum + count, 0);
    const testPoints = await page.evaluate(() => {
      const { config } = window.playground;
      return config.samples - Math.round((config.samples * config.trainRatio) / 100);
    });
    assert.equal(total, testPoints);
    const diagonal = matrix.reduce((sum, row, k) => sum + row[k], 0);
    assert.equal(await page.textContent('#test-metric'), `${((diagonal / total) * 100).toFixed(1)}%`);
    // The training points, by the toggle.
    await page.selectOption('#confusion-set', 'train');
    await page.waitForFunction(() =>
      /training points/.test(document.querySelector('greymatter-playground').shadowRoot.querySelector('#confusion-matrix caption').textContent),
    );
    const train = await shownMatrix(page);
    const trainTotal = train.flat().reduce((sum, count) => sum + count, 0);
    assert.equal(trainTotal + testPoints, await page.evaluate(() => window.playground.config.samples));
    assert.equal(await page.textContent('#train-metric'), `${((train.reduce((sum, row, k) => sum + row[k], 0) / trainTotal) * 100).toFixed(1)}%`);
    await page.selectOption('#confusion-set', 'test');
  });

  it('scripts read the same confusion matrix, and class probabilities from predict', async () => {
    await page.evaluate(() => window.playground.pause());
    await page.selectOption('#confusion-set', 'test');
    await page.waitForFunction(() =>
      /test points/.test(document.querySelector('greymatter-playground').shadowRoot.querySelector('#confusion-matrix caption').textContent),
    );
    const fromScript = await page.evaluate(() => window.playground.confusionMatrix());
    assert.deepEqual(fromScript, await shownMatrix(page));
    const train = await page.evaluate(() => window.playground.confusionMatrix('train'));
    assert.equal(
      train.flat().reduce((sum, count) => sum + count, 0) + fromScript.flat().reduce((a, b) => a + b, 0),
      await page.evaluate(() => window.playground.config.samples),
    );
    const refused = await page.evaluate(() => {
      try {
        window.playground.confusionMatrix('both');
        return '';
      } catch (error) {
        return error.message;
      }
    });
    assert.match(refused, /'test' or 'train'/);
    const probabilities = await page.evaluate(() =>
      window.playground.predict([
        [0, 0],
        [1, 2],
      ]),
    );
    assert.equal(probabilities.length, 2);
    for (const point of probabilities) {
      assert.equal(point.length, 4);
      assert.ok(Math.abs(point.reduce((a, b) => a + b, 0) - 1) < 1e-5);
    }
  });

  it('the heatmap shows the class map in several class colours, in either palette; hovering an output neuron shows its class', async () => {
    await page.check('#discretize');
    await page.waitForFunction(() => window.playground.view.discretize);
    for (const palette of ['default', 'colorblind']) {
      await page.evaluate((name) => window.playground.setView({ palette: name }), palette);
      await page.waitForFunction((name) => window.playground.view.palette === name, palette);
      const counts = await classPixelCounts(page, palette);
      const total = 400 * 400;
      const present = counts.filter((count) => count > 0.03 * total);
      assert.ok(present.length >= 3, `${palette} class colour pixels: ${counts.join(', ')}`);
      assert.ok(counts.reduce((a, b) => a + b, 0) > 0.7 * total, `${palette} class colour pixels: ${counts.join(', ')}`);
    }
    await page.evaluate(() => window.playground.setView({ palette: 'default' }));
    await page.uncheck('#discretize');
    await page.waitForFunction(() => !window.playground.view.discretize);

    const output = page.locator('#network-nodes .thumb.output').nth(2);
    await output.hover();
    await page.waitForSelector('#heatmap-caption:not([hidden])');
    assert.match(await page.textContent('#heatmap-caption'), /class 2/);
    await page.mouse.move(5, 5);
    await page.waitForSelector('#heatmap-caption', { state: 'hidden' });
  });

  it('the share link with classes=4 restores 4 classes', async () => {
    const link = page.url();
    assert.match(link, /classes=4/);
    const other = await openPlayground(session, link);
    const config = await other.evaluate(() => window.playground.config);
    assert.equal(config.classes, 4);
    assert.equal(config.loss, 'softmaxCrossEntropy');
    assert.equal(config.dataset, 'spiral');
    assert.equal(await other.inputValue('#classes'), '4');
    assert.equal(await outputNeurons(other), 4);
    assert.equal(await other.isHidden('#message'), true);
    assert.deepEqual(other.problems, []);
    await other.context().close();
  });

  it('the inspector and the step-through explain a softmax output: t, −ln p(true class), ∂J/∂z = a − t', async () => {
    const output = page.locator('#network-nodes .thumb.output').nth(3);
    await output.click();
    await page.waitForSelector('#inspector:not([hidden])');
    await page.mouse.move(5, 5);
    const read = (quantity) => page.$eval(`#inspector-summary output[data-quantity="${quantity}"]`, (out) => Number(out.dataset.value));
    const summary = await page.textContent('#inspector-summary');
    assert.match(summary, /a = softmax\(z\)/);
    assert.match(summary, /∂J\/∂z = a − t \(cross-entropy through softmax\)/);
    assert.match(summary, /loss −ln p\(true class\)/);
    const [a, t, dJdz, output3, loss, label] = await Promise.all(['a', 'targetT', 'dJdz', 'output', 'loss', 'target'].map(read));
    assert.ok(t === 0 || t === 1);
    assert.equal(t, label === 3 ? 1 : 0);
    assert.ok(Math.abs(dJdz - (a - t)) < 1e-6, `∂J/∂z ${dJdz}, a − t ${a - t}`);
    assert.equal(output3, a);
    assert.ok(loss > 0);
    assert.equal(await page.textContent('#inspector-title'), 'The output for class 3 (its probability)');
    await page.click('#inspector-close');
    await output.click(); // unpin
    await page.click('#inspector-close');
    // The step-through: the forward stage of the output layer gives every neuron its target t.
    await page.click('#step-through');
    await page.waitForSelector('#step-through-panel:not([hidden])');
    for (let i = 0; i < 2; i++) await page.click('#step-next');
    const targets = await page.$$eval('#step-numbers output[data-quantity="targetT"]', (list) => list.map((out) => Number(out.dataset.value)));
    assert.equal(targets.length, 4);
    assert.equal(
      targets.reduce((sum, value) => sum + value, 0),
      1,
    );
    assert.match(await page.textContent('#step-numbers'), /loss −ln p\(true class\)/);
    await page.click('#step-next');
    assert.match(await page.textContent('#step-numbers'), /∂J\/∂z = a − t \(cross-entropy through softmax\)/);
    await page.click('#step-close');
  });

  it('a classroom link can hide the classes control', async () => {
    const other = await openPlayground(session, `${session.url}#classes_hide=true`);
    assert.equal(await other.isVisible('#classes'), false);
    assert.equal(await other.isVisible('#problem'), true);
    await other.context().close();
  });

  it('back to 2 classes offers all five losses', async () => {
    await page.selectOption('#classes', '2');
    await page.waitForFunction(() => window.playground.config.classes === 2);
    assert.deepEqual(await lossOptions(page), ALL_LOSSES);
    assert.equal(await page.isDisabled('#dataset-xor'), false);
    assert.equal(await page.isHidden('#value-legend'), false);
    assert.equal(await page.locator('#confusion-matrix tbody td').count(), 4);
  });

  it('regression hides the classes and the confusion matrix and offers the three regression losses', async () => {
    await page.selectOption('#problem', 'regression');
    await page.waitForFunction(() => window.playground.config.problem === 'regression');
    assert.equal(await page.isVisible('#classes'), false);
    assert.equal(await page.isVisible('#confusion'), false);
    assert.deepEqual(await lossOptions(page), REGRESSION_LOSSES);
    assert.ok(REGRESSION_LOSSES.includes(await page.evaluate(() => window.playground.config.loss)));
    const refused = await page.evaluate(() => {
      try {
        window.playground.confusionMatrix();
        return '';
      } catch (error) {
        return error.message;
      }
    });
    assert.match(refused, /needs a classification problem/);
    await page.selectOption('#problem', 'classification');
    await page.waitForFunction(() => window.playground.config.problem === 'classification');
    assert.equal(await page.isVisible('#classes'), true);
    assert.equal(await page.isVisible('#confusion'), true);
  });

  it('binary cross-entropy (sigmoid output) trains on 2 classes', async () => {
    await page.click('#dataset-circle');
    await page.selectOption('#loss', 'binaryCrossEntropy');
    await page.waitForFunction(() => window.playground.config.loss === 'binaryCrossEntropy' && window.playground.config.dataset === 'circle');
    assert.equal(await outputNeurons(page), 1);
    assert.match(await page.textContent('#class-legend'), /shade: confidence of the winning class/);
    const before = await page.evaluate(() => window.playground.state);
    const after = await stepEpochs(page, 10);
    assert.ok(after.trainLoss < before.trainLoss, `loss ${before.trainLoss} → ${after.trainLoss}`);
    assert.ok(after.testMetric > 0.8, `test accuracy ${after.testMetric}`);
    const matrix = await shownMatrix(page);
    const diagonal = matrix[0][0] + matrix[1][1];
    const total = matrix.flat().reduce((sum, count) => sum + count, 0);
    assert.equal(await page.textContent('#test-metric'), `${((diagonal / total) * 100).toFixed(1)}%`);
    assert.deepEqual(page.problems, []);
  });

  it('a malformed classes=9 in the address says why, and the page keeps working', async () => {
    const other = await openPlayground(session, `${session.url}#dataset=spiral&classes=9`);
    await other.waitForSelector('#message:not([hidden])');
    assert.match(await other.textContent('#message'), /classes.*2 to 6.*9/);
    const config = await other.evaluate(() => window.playground.config);
    assert.equal(config.classes, 2);
    assert.equal(config.dataset, 'spiral');
    const state = await stepEpochs(other, 2);
    assert.ok(state.epoch >= 2);
    await other.selectOption('#classes', '3');
    await other.waitForFunction(() => window.playground.config.classes === 3);
    assert.equal(await outputNeurons(other), 3);
    assert.deepEqual(other.problems, []);
    await other.context().close();
  });

  it('an address asking for xor with 4 classes gets the spiral, and says so', async () => {
    const other = await openPlayground(session, `${session.url}#dataset=xor&classes=4`);
    const config = await other.evaluate(() => window.playground.config);
    assert.equal(config.classes, 4);
    assert.equal(config.dataset, 'spiral');
    assert.equal(config.loss, 'softmaxCrossEntropy');
    assert.match(await other.textContent('#message'), /In the address: the dataset Exclusive or has only 2 classes, so it is now Spiral \(4 classes\)/);
    const state = await stepEpochs(other, 2);
    assert.ok(state.epoch >= 2, 'the page keeps working');
    // Editing the address of a running page the same way keeps the spiral and says why.
    await other.evaluate(() => {
      window.location.hash = window.location.hash.replace(/dataset=spiral/, 'dataset=xor').replace(/classes=4/, 'classes=3');
    });
    await other.waitForFunction(() => window.playground.config.classes === 3);
    assert.equal((await other.evaluate(() => window.playground.config)).dataset, 'spiral');
    assert.match(await other.textContent('#message'), /In the address: dataset xor has 2 classes, got classes 3/);
    assert.deepEqual(other.problems, []);
    await other.context().close();
  });

  it('choosing 3 classes while on xor switches to the spiral, and says so', async () => {
    const other = await openPlayground(session, `${session.url}#dataset=xor`);
    await other.selectOption('#classes', '3');
    await other.waitForFunction(() => window.playground.config.classes === 3);
    const config = await other.evaluate(() => window.playground.config);
    assert.equal(config.dataset, 'spiral');
    assert.equal(config.loss, 'softmaxCrossEntropy');
    assert.match(await other.textContent('#message'), /The dataset Exclusive or has only 2 classes, so it is now Spiral \(3 classes\)\./);
    assert.deepEqual(other.problems, []);
    await other.context().close();
  });
});
