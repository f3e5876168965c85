// Two things the TensorFlow Playground does not do: when the loss blows up, training
// pauses and says why in plain words, keeping the last good picture (instead of a
// grey heatmap); and a colour-blind-safe palette, used by the heatmap, the points,
// the pictures in the diagram and the dataset thumbnails alike.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPlayground, stepEpochs, heatmapPixels, countColours, linkMiddle, networkPixels, openOncePerSuite, thumbnailPixels } from './helpers.mjs';

describe('a diverging loss', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened));

  it('pauses training and explains it in plain words, keeping the picture', async () => {
    await page.selectOption('#problem', 'regression');
    await page.selectOption('#activation', 'relu');
    await page.selectOption('#learning-rate', '10');
    await page.waitForFunction(() => window.playground.config.learningRate === 10);
    const before = await heatmapPixels(page);
    await page.click('#play-pause');
    await page.waitForFunction(() =>
      /try a smaller learning rate/.test(document.querySelector('greymatter-playground').shadowRoot.getElementById('message').textContent),
    );
    const message = await page.textContent('#message');
    assert.match(message, /the loss became infinite/);
    // The likely cause, read from the layers' health, and the rate that caused it.
    assert.match(message, /steps were too large|exploding gradients/);
    assert.match(message, /learning rate 10\b/);
    await page.waitForFunction(() => /play/i.test(document.querySelector('greymatter-playground').shadowRoot.getElementById('play-pause').textContent));
    const state = await page.evaluate(() => window.playground.state);
    assert.ok(Number.isFinite(state.trainLoss) && Number.isFinite(state.testLoss), 'the last good network is kept');
    assert.notEqual(await page.textContent('#train-loss'), '–');
    const after = await heatmapPixels(page);
    assert.ok(after.distinct > 10, 'the picture is not a flat grey');
    assert.equal(after.hash, before.hash, 'the picture of the last good network');
    assert.equal(await page.evaluate(() => window.playground.playing), false);
  });

  it('a smaller learning rate clears the message and training goes on', async () => {
    await page.selectOption('#learning-rate', '0.01');
    await page.waitForFunction(() => document.querySelector('greymatter-playground').shadowRoot.getElementById('message').hidden);
    const before = (await page.evaluate(() => window.playground.state)).epoch;
    const state = await stepEpochs(page, 5);
    assert.equal(state.epoch, before + 5);
    assert.equal(state.divergence, '');
    assert.deepEqual(page.problems, []);
  });
});

describe('a relu layer that died', () => {
  let page;
  openOncePerSuite((opened) => ({ page } = opened));

  it('stops training and says which layer and why, until a weight or setting changes', async () => {
    await page.evaluate(() => {
      window.playground.setConfig({ activation: 'relu' });
      for (let neuron = 0; neuron < 4; neuron++) window.playground.setBias(0, neuron, -100);
      window.playground.setView({ epochsPerFrame: 50 });
    });
    await page.click('#play-pause');
    await page.waitForFunction(() =>
      /every neuron of hidden layer 1 is dead/.test(document.querySelector('greymatter-playground').shadowRoot.getElementById('message').textContent),
    );
    await page.waitForFunction(() => !window.playground.playing);
    const state = await page.evaluate(() => window.playground.state);
    assert.equal(state.finished, true);
    assert.match(state.stopReason, /smaller learning rate, or leaky relu or elu/);
    await page.evaluate(() => window.playground.setBias(0, 0, 1));
    assert.equal((await page.evaluate(() => window.playground.state)).finished, false);
  });
});

describe('the colour-blind-safe palette', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened));

  const ORANGE = [245, 147, 34];
  const BLUE = [8, 119, 189];
  const SAFE_ORANGE = [230, 97, 0];
  const PURPLE = [93, 58, 155];

  it('one toggle recolours the heatmap, the points, the diagram and the dataset thumbnails', async () => {
    await stepEpochs(page, 10);
    const [orange, blue] = await countColours(page, [ORANGE, BLUE]);
    assert.ok(orange > 100 && blue > 100, 'the points use the usual colours');
    await page.check('#palette');
    await page.waitForFunction(() => /palette=colorblind/.test(window.location.hash));
    const [oldOrange, oldBlue, safeOrange, purple] = await countColours(page, [ORANGE, BLUE, SAFE_ORANGE, PURPLE]);
    assert.equal(oldOrange + oldBlue, 0, 'no pixel left in the old colours');
    assert.ok(safeOrange > 100 && purple > 100, `points: ${safeOrange} orange, ${purple} purple`);
    const pixels = await thumbnailPixels(page, 0);
    const side = Math.round(Math.sqrt(pixels.length / 4));
    const thumbnail = pixels.slice((side - 1) * 4, side * 4 - 1); // the top right pixel
    assert.ok(
      thumbnail.every((channel, i) => Math.abs(channel - PURPLE[i]) < 10),
      `the x1 picture ends in purple on the right, not ${thumbnail}`,
    );
    const near = (colour, target) => target.every((channel, i) => Math.abs(channel - colour[i]) < 12);
    for (const from of [6, 7]) {
      const [link] = await networkPixels(page, [await linkMiddle(page, from, 8)]);
      assert.ok(near(link, PURPLE) || near(link, SAFE_ORANGE), `link ${from}→8 drawn ${link}`);
    }
    const preview = await page.$eval('#dataset-circle canvas', (canvas) => {
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let purple = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] === 93 && data[i + 1] === 58 && data[i + 2] === 155) purple++;
      return purple;
    });
    assert.ok(preview > 20, 'the dataset thumbnails too');
  });

  it('is remembered in the address and toggles back', async () => {
    const copy = await openPlayground(session, page.url());
    assert.equal(await copy.isChecked('#palette'), true);
    const [purple] = await countColours(copy, [PURPLE]);
    assert.ok(purple > 100);
    await copy.context().close();
    await page.uncheck('#palette');
    await page.waitForFunction(() => /palette=default/.test(window.location.hash));
    const [, purpleAfter] = await countColours(page, [BLUE, PURPLE]);
    assert.equal(purpleAfter, 0);
    assert.deepEqual(page.problems, []);
  });
});
