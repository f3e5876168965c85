// Dropout per hidden layer, as a learner sets it: the select beside each hidden layer's
// activation sets that layer's rate (`dropout`), which keeps the network (a training
// setting), lands in the share link and survives a reload; the same comes in through
// the address; while stepping, the diagram strikes through the neurons the last batch
// dropped (as the core's lastDropout() says), and the inspector and the step-through
// show the sample's mask and the 1/(1 − p) scale.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openOncePerSuite, openPlayground, stepEpochs } from './helpers.mjs';

/** The value of each per-layer dropout select, in column order. */
const shownRates = (page) => page.$$eval('#layer-controls select.layer-dropout', (selects) => selects.map((select) => select.value));

const config = (page) => page.evaluate(() => window.playground.config);

/** The hidden neurons struck through on the diagram, as `layer:neuron` (default 2 inputs). */
const markedNeurons = (page) => page.$$eval('.thumb.hidden.dropped', (boxes) => boxes.map((box) => box.dataset.node));

describe('dropout per hidden layer', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened));

  it('a select per hidden layer sets its rate; the network and its epoch stay', async () => {
    assert.deepEqual(await shownRates(page), ['0', '0']);
    const first = page.getByLabel('Dropout rate of hidden layer 1');
    assert.equal(await first.isVisible(), true);
    assert.equal(await page.textContent('select.layer-dropout[data-layer="0"] option:checked'), 'no dropout');
    const before = await stepEpochs(page, 3);
    const weights = await page.evaluate(() => window.playground.exportModel());
    await first.selectOption('0.5');
    await page.waitForFunction(() => window.playground.config.dropout.length === 2);
    assert.deepEqual((await config(page)).dropout, [0.5, 0]);
    assert.deepEqual(await shownRates(page), ['0.5', '0']);
    const after = await page.evaluate(() => window.playground.state);
    assert.equal(after.epoch, before.epoch, 'a training setting keeps the epoch');
    assert.deepEqual(await page.evaluate(() => window.playground.exportModel()), weights);
    assert.match(new URL(page.url()).hash, /[#&]dropout=0\.5,0(&|$)/);
    const later = await stepEpochs(page, 20);
    assert.ok(Number.isFinite(later.trainLoss) && later.epoch === before.epoch + 20);
    assert.deepEqual(page.problems, []);
  });

  it('while stepping, the diagram strikes through the neurons the last batch dropped', async () => {
    await stepEpochs(page, 1);
    const dropout = await page.evaluate(() => window.playground.lastDropout());
    assert.equal(dropout.layers[0].keptScale, 2);
    // Nodes 2–5 are hidden layer 1 (after the inputs x1, x2); layer 2 has no dropout.
    const expected = dropout.layers[0].masks.flatMap((row, neuron) => (row[0] === 0 ? [String(2 + neuron)] : []));
    assert.deepEqual(await markedNeurons(page), expected);
    // Over a few steps some neuron is dropped and some kept (p = 0.5, 4 neurons).
    const seen = new Set();
    for (let i = 0; i < 8; i++) {
      await stepEpochs(page, 1);
      const now = await page.evaluate(() => window.playground.lastDropout());
      const marked = now.layers[0].masks.flatMap((row, neuron) => (row[0] === 0 ? [String(2 + neuron)] : []));
      assert.deepEqual(await markedNeurons(page), marked);
      marked.forEach((node) => seen.add(node));
    }
    assert.ok(seen.size > 0 && seen.size <= 4, [...seen].join());
    const box = page.locator('.thumb.dropped').first();
    assert.match(await box.getAttribute('aria-label'), /dropped for the first sample of the last batch/);
  });

  it("the inspector and the step-through show the sample's mask and the scale", async () => {
    // One batch holds every training point, so the sample in view was in the last batch.
    await page.evaluate(() => window.playground.setConfig({ batchSize: 250 }));
    await stepEpochs(page, 1);
    await page.click('.thumb[data-node="2"]');
    await page.waitForSelector('#inspector:not([hidden])');
    await stepEpochs(page, 1); // a new batch, drawn with the inspector open
    const line = page.locator('#inspector-summary .dropout-line');
    assert.equal(await line.count(), 1);
    const text = await line.textContent();
    assert.match(text, /^dropout mask m in the last batch \(p = 0\.5; (dropped\) = 0|kept, ×1\/\(1 − p\) = 2\) = 2)$/);
    const value = Number(await line.locator('output').getAttribute('data-value'));
    assert.ok(value === 0 || value === 2, String(value));
    assert.equal(await line.getAttribute('data-dropped'), String(value === 0));
    // With the inspector open on that training point, the diagram marks its own mask.
    assert.equal(await page.locator('.thumb[data-node="2"]').evaluate((box) => box.classList.contains('dropped')), value === 0);
    const marks = await page.$$eval('.thumb.hidden', (boxes) => boxes.map((box) => box.classList.contains('dropped')));
    const masks = await page.evaluate(() => {
      const shadow = document.querySelector('greymatter-playground').shadowRoot;
      const index = Number(shadow.getElementById('inspector-sample').value);
      const dropout = window.playground.lastDropout();
      const at = dropout.samples.indexOf(index);
      return dropout.layers.flatMap((layer, l) => (l === 0 ? layer.masks.map((row) => row[at] === 0) : layer.masks.map(() => false)));
    });
    assert.deepEqual(marks, masks);
    await page.click('#inspector-close');
    await page.click('.thumb[data-node="6"]');
    assert.equal(await page.locator('#inspector-summary .dropout-line').count(), 0, 'layer 2 has no dropout');
    await page.click('#inspector-close');
    await page.click('#step-through');
    await page.waitForSelector('#step-through-panel:not([hidden])');
    assert.equal(await page.locator('#step-numbers .dropout-line').count(), 4, 'one per neuron of layer 1');
    assert.match(await page.textContent('#step-numbers'), /neuron 1: dropout mask m in the last batch/);
    await page.click('#step-close');
    assert.deepEqual(page.problems, []);
  });

  it('the share link and a reload keep the rates; removing a layer shortens the list', async () => {
    const copy = await openPlayground(session, page.url());
    assert.deepEqual((await config(copy)).dropout, [0.5, 0]);
    assert.deepEqual(await shownRates(copy), ['0.5', '0']);
    await copy.context().close();
    await page.reload();
    await page.waitForFunction(() => window.playground?.config?.dropout?.length === 2);
    assert.deepEqual(await shownRates(page), ['0.5', '0']);
    await page.click('#remove-layer');
    await page.waitForFunction(() => window.playground.config.hidden.length === 1);
    assert.deepEqual((await config(page)).dropout, [0.5]);
    assert.deepEqual(await shownRates(page), ['0.5']);
  });

  it('a rate in the address is applied, shown and refused when out of range', async () => {
    const other = await openPlayground(session, `${session.url}#hidden=3,3&dropout=0.25,0.75`);
    assert.deepEqual((await config(other)).dropout, [0.25, 0.75]);
    assert.deepEqual(await shownRates(other), ['0.25', '0.75']);
    assert.equal(await other.textContent('select.layer-dropout[data-layer="1"] option:checked'), 'dropout 0.75');
    assert.equal(await other.isHidden('#message'), true);
    await other.context().close();
    const refused = await openPlayground(session, `${session.url}#dropout=0.95&noise=20`);
    assert.match(await refused.textContent('#message'), /dropout of hidden layer 1 must be between 0 and 0\.9, got 0\.95/);
    assert.deepEqual((await config(refused)).dropout, []);
    assert.equal((await config(refused)).noise, 20);
    await refused.context().close();
    const hidden = await openPlayground(session, `${session.url}#dropout=0.5&dropout_hide=true`);
    for (const select of await hidden.locator('select.layer-dropout').all()) assert.equal(await select.isHidden(), true);
    assert.equal(await hidden.isVisible('select.layer-activation[data-layer="0"]'), true);
    await hidden.context().close();
  });
});
