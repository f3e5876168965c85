// Formulas: an input written as a formula over x1 and x2 becomes a node of the diagram
// with its picture from the core, lands in the address and survives a reload; a bad
// formula is refused under the box with its column and changes nothing; the formula
// dataset, chosen from the data column, trains.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openOncePerSuite, openPlayground, stepEpochs, thumbnailPixels } from './helpers.mjs';

const config = (page) => page.evaluate(() => window.playground.config);

/** How many distinct colours node `node`'s picture has. */
async function colours(page, node) {
  const pixels = await thumbnailPixels(page, node);
  const seen = new Set();
  for (let i = 0; i < pixels.length; i += 4) seen.add(pixels.slice(i, i + 3).join());
  return seen.size;
}

describe('formulas', () => {
  let page;
  let session;
  openOncePerSuite((opened) => ({ page, session } = opened));

  it('a formula input becomes a node with its picture, in the link', async () => {
    await page.fill('#formula-input', 'sin(3*x1)');
    await page.click('#add-formula');
    await page.waitForFunction(() => window.playground.config.customFeatures.length === 1);
    assert.deepEqual((await config(page)).customFeatures, ['sin(3*x1)']);
    const node = page.locator('.thumb.input[data-node="2"]');
    assert.equal(await node.getAttribute('aria-label'), 'input sin(3*x1)');
    await page.evaluate(() => window.playground.step());
    assert.ok((await colours(page, 2)) > 4, 'the picture of sin(3·x1) has stripes of several colours');
    assert.match(new URL(page.url()).hash, /customFeatures=sin\(3\*x1\)(&|$)/);
    assert.equal(await page.inputValue('#formula-input'), '', 'the box is emptied');
    assert.deepEqual(page.problems, []);
  });

  it('a bad formula is refused under the box with its column, and nothing changes', async () => {
    const hash = new URL(page.url()).hash;
    const before = await page.evaluate(() => window.playground.exportModel());
    await page.fill('#formula-input', 'sinn(x1)');
    await page.click('#add-formula');
    const error = page.locator('#formula-error');
    await error.waitFor({ state: 'visible' });
    assert.match(await error.textContent(), /^at column 1: unknown function 'sinn'/);
    assert.deepEqual((await config(page)).customFeatures, ['sin(3*x1)']);
    assert.equal(new URL(page.url()).hash, hash);
    assert.deepEqual(await page.evaluate(() => window.playground.exportModel()), before);
    assert.equal(await page.inputValue('#formula-input'), 'sinn(x1)', 'the text stays to be corrected');
    await page.fill('#formula-input', 'log(x1)');
    await page.click('#add-formula');
    await page.waitForFunction(() =>
      document.querySelector('greymatter-playground').shadowRoot.getElementById('formula-error').textContent.includes('not a number at (x1, x2) = (-6, 6)'),
    );
    await page.fill('#formula-input', '');
  });

  it('the formula dataset from the data column trains, and a reload keeps it all', async () => {
    await page.click('#dataset-formula');
    await page.waitForFunction(() => window.playground.config.dataset === 'formula');
    await page.fill('#formula-dataset-text', 'x1*x2 + x2');
    await page.click('#use-formula-dataset');
    await page.waitForFunction(() => window.playground.config.datasetFormula === 'x1*x2 + x2');
    const start = await page.evaluate(() => window.playground.state);
    const later = await stepEpochs(page, 40);
    assert.ok(later.trainLoss < start.trainLoss, `${later.trainLoss} ≥ ${start.trainLoss}`);
    assert.match(new URL(page.url()).hash, /datasetFormula=x1\*x2%20%2B%20x2(&|$)/);
    await page.fill('#formula-dataset-text', 'x1 +');
    await page.click('#use-formula-dataset');
    await page.locator('#formula-dataset-error').waitFor({ state: 'visible' });
    assert.match(await page.locator('#formula-dataset-error').textContent(), /^at column 5: expected a number/);
    assert.equal((await config(page)).datasetFormula, 'x1*x2 + x2');

    await page.reload();
    await page.waitForFunction(() => window.playground !== undefined);
    await page.evaluate(() => window.playground.ready);
    const kept = await config(page);
    assert.equal(kept.dataset, 'formula');
    assert.equal(kept.datasetFormula, 'x1*x2 + x2');
    assert.deepEqual(kept.customFeatures, ['sin(3*x1)']);
    assert.equal(await page.locator('.thumb.input[data-node="2"]').getAttribute('aria-label'), 'input sin(3*x1)');
    assert.equal(await page.inputValue('#formula-dataset-text'), 'x1*x2 + x2');
  });

  it('the × of a formula input removes it', async () => {
    await page.click('button[data-remove="formula-0"]');
    await page.waitForFunction(() => window.playground.config.customFeatures.length === 0);
    assert.equal(await page.locator('button[data-remove]').count(), 0);
    assert.match(new URL(page.url()).hash, /customFeatures=(&|$)/);
    assert.deepEqual(page.problems, []);
  });

  it('a classroom link hides both boxes and the ×, and keeps the formula input', async () => {
    const hash = '#customFeatures=x1*x2;min(x1%2C%20x2)&customFeatures_hide=true&datasetFormula_hide=true';
    const classroom = await openPlayground(session, `${session.url}${hash}`);
    assert.deepEqual((await config(classroom)).customFeatures, ['x1*x2', 'min(x1, x2)'], 'the comma stays inside its formula');
    assert.equal(await classroom.locator('.thumb.input[data-node="3"]').getAttribute('aria-label'), 'input min(x1, x2)');
    assert.equal(await classroom.isHidden('#formula-form'), true);
    assert.equal(await classroom.isHidden('#formula-dataset-form'), true);
    assert.equal(await classroom.isHidden('button[data-remove="formula-0"]'), true);
    assert.deepEqual(classroom.problems, []);
    await classroom.context().close();
  });
});
