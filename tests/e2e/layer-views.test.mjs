// Seeing what the layers do, as a learner does: under the diagram a histogram of each
// hidden layer's weights and of its activations over the training points, moving while
// it trains; and "What a layer sees": two neurons of a layer picked with the selects or
// on the diagram, and the training points drawn where those neurons' outputs put them —
// checked against a forward pass computed here from the exported model, as are the
// numbers a script reads (layerPlane, layerHistograms). Picks that make no plane are
// refused with a message. While playing, the views that cost a pass over the data
// (health, histograms, what a layer sees, confusion matrix) take turns, one per frame.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { stepEpochs, openOncePerSuite, openPlayground } from './helpers.mjs';

const BINS = 20;

/** Every chart under the diagram: per hidden layer, per kind, its numbers. */
const shownHistograms = (page) =>
  page.$$eval('#layer-histograms .histogram-layer', (groups) =>
    groups.map((group) => {
      const charts = {};
      for (const box of group.querySelectorAll('.histogram')) {
        const canvas = box.querySelector('canvas');
        const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
        charts[box.dataset.kind] = {
          from: Number(box.dataset.from),
          to: Number(box.dataset.to),
          nonFinite: Number(box.dataset.nonFinite),
          counts: box.dataset.counts.split(',').map(Number),
          painted,
          label: canvas.getAttribute('aria-label'),
        };
      }
      return { layer: Number(group.dataset.layer), name: group.querySelector('.histogram-name').textContent, ...charts };
    }),
  );

/** The documented bins: 20 from `from` to `to`, the last closed, values outside in the end bins. */
function histogram(values, from, to) {
  const counts = new Array(BINS).fill(0);
  const scale = BINS / (to - from);
  for (const value of values) counts[Math.min(BINS - 1, Math.max(0, Math.floor((value - from) * scale)))]++;
  return counts;
}

/** Every layer's activations a for one point, from the model file (tanh hidden layers). */
function forwardPass(model, point) {
  const layers = [];
  let x = point;
  for (const layer of model.layers) {
    x = layer.weights.map((row, j) => Math.tanh(row.reduce((sum, w, i) => sum + w * x[i], layer.biases[j])));
    layers.push(x);
  }
  return layers;
}

/** The costly views' measures on the page's timeline (frame-marks.js). */
const COSTLY = ['health', 'histograms', 'layer-sees', 'confusion'].map((name) => `greymatter:${name}`);

describe('histograms of each hidden layer under the diagram', () => {
  let page;
  openOncePerSuite((opened) => ({ page } = opened));

  it('shows, per hidden layer, its weights and its activations, with the counts of the model', async () => {
    await stepEpochs(page, 5);
    const shown = await shownHistograms(page);
    const model = await page.evaluate(() => window.playground.exportModel());
    const train = (await page.evaluate(() => window.playground.getData())).train;
    assert.equal(shown.length, 2, 'the default two hidden layers, none for the output');
    shown.forEach((layer, index) => {
      assert.equal(layer.name, `layer ${index + 1} · tanh`);
      const weights = model.layers[index].weights.flat();
      const largest = Math.max(...weights.map(Math.abs));
      assert.deepEqual([layer.weights.from, layer.weights.to], [-largest, largest], 'symmetric, from the largest |β|');
      assert.deepEqual(layer.weights.counts, histogram(weights, -largest, largest));
      const neurons = model.layers[index].weights.length;
      const outputs = train.flatMap(([x1, x2]) => forwardPass(model, [x1, x2])[index]);
      assert.deepEqual([layer.activations.from, layer.activations.to], [-1, 1], 'tanh: −1 to 1');
      assert.equal(
        layer.activations.counts.reduce((a, b) => a + b),
        train.length * neurons,
        'points × neurons',
      );
      // The test's own pass in f64 against the core's in f32: a value on a bin edge may fall either side.
      const mine = histogram(outputs, -1, 1);
      const off = layer.activations.counts.reduce((sum, count, bin) => sum + Math.abs(count - mine[bin]), 0);
      assert.ok(off <= 4, `activations ${layer.activations.counts} vs ${mine}`);
      assert.ok(layer.weights.painted > 0 && layer.activations.painted > 0, 'the bars are drawn');
      assert.match(layer.weights.label, new RegExp(`^weights of hidden layer ${index + 1}: ${weights.length} values from `));
    });
    assert.deepEqual(page.problems, []);
  });

  it('changes while training, in place, and follows a new shape', async () => {
    const before = await page.$$eval('#layer-histograms .histogram', (boxes) =>
      boxes.map((box) => {
        box.seen = true;
        return box.dataset.counts;
      }),
    );
    await page.click('#play-pause');
    await page.waitForFunction((counts) => {
      const boxes = [...document.querySelector('greymatter-playground').shadowRoot.querySelectorAll('#layer-histograms .histogram')];
      return boxes.some((box, i) => box.dataset.counts !== counts[i]);
    }, before);
    await page.click('#play-pause');
    const after = await page.$$eval('#layer-histograms .histogram', (boxes) => boxes.map((box) => box.seen === true));
    assert.equal(after.length, 4);
    assert.ok(after.every(Boolean), 'the same charts, redrawn');
    await page.evaluate(() => window.playground.setConfig({ hidden: [5, 3, 2], activation: 'relu' }));
    const grown = await shownHistograms(page);
    assert.deepEqual(
      grown.map((layer) => layer.name),
      ['layer 1 · relu', 'layer 2 · relu', 'layer 3 · relu'],
    );
    assert.equal(
      grown[1].weights.counts.reduce((a, b) => a + b),
      15,
    );
    assert.ok(grown[0].activations.from >= 0, 'relu: from the data, which is never below 0');
    assert.deepEqual(page.problems, []);
  });
});

/** What the panel shows: its picks, its message and the canvas's ranges. */
const panelState = (page) =>
  page.evaluate(() => {
    const root = document.querySelector('greymatter-playground').shadowRoot;
    const canvas = root.getElementById('sees-plane');
    const message = root.getElementById('sees-message');
    return {
      open: !root.getElementById('layer-sees-panel').hidden,
      layer: root.getElementById('sees-layer').value,
      first: root.getElementById('sees-first').value,
      second: root.getElementById('sees-second').value,
      message: message.hidden ? '' : message.textContent,
      drawn: { ...canvas.dataset },
      xLabel: root.getElementById('sees-x-label').textContent,
      yLabel: root.getElementById('sees-y-label').textContent,
    };
  });

/** The colour [r, g, b, alpha] of the plane's canvas at each of `pixels`. */
const planePixels = (page, pixels) =>
  page.evaluate((at) => {
    const canvas = document.querySelector('greymatter-playground').shadowRoot.getElementById('sees-plane');
    const context = canvas.getContext('2d');
    return at.map(([x, y]) => [...context.getImageData(Math.round(x), Math.round(y), 1, 1).data]);
  }, pixels);

describe('what a layer sees', () => {
  let page;
  openOncePerSuite((opened) => ({ page } = opened));

  it('draws the training points where two neurons of a layer put them, in their class colours', async () => {
    await stepEpochs(page, 30);
    await page.click('#layer-sees');
    let state = await panelState(page);
    assert.ok(state.open);
    assert.equal(await page.evaluate(() => document.querySelector('greymatter-playground').shadowRoot.activeElement?.id), 'sees-title');
    assert.deepEqual([state.layer, state.first, state.second], ['1', '0', '1'], 'the last hidden layer, neurons 1 and 2');
    await page.selectOption('#sees-layer', '0');
    await page.selectOption('#sees-first', '2');
    await page.selectOption('#sees-second', '0');
    state = await panelState(page);
    assert.equal(state.message, '');
    assert.equal(state.drawn.layer, '0');
    assert.equal(state.drawn.neurons, '2,0');
    assert.match(state.xLabel, /^→ output of neuron 3 of hidden layer 1 \(/);
    assert.match(state.yLabel, /^↑ output of neuron 1 of hidden layer 1 \(/);
    const model = await page.evaluate(() => window.playground.exportModel());
    const train = (await page.evaluate(() => window.playground.getData())).train;
    const bounds = ['xFrom', 'xTo', 'yFrom', 'yTo', 'pad'].map((key) => Number(state.drawn[key]));
    const [xFrom, xTo, yFrom, yTo, pad] = bounds;
    const size = 300;
    const mapped = train.map(([x1, x2, label]) => {
      const a = forwardPass(model, [x1, x2])[0];
      return { a: a[2], b: a[0], label };
    });
    for (const { a, b } of mapped) {
      assert.ok(a >= xFrom && a <= xTo && b >= yFrom && b <= yTo, `(${a}, ${b}) inside the drawn ranges ${bounds}`);
    }
    const pixels = await planePixels(
      page,
      mapped.map(({ a, b }) => [pad + ((a - xFrom) / (xTo - xFrom)) * (size - 2 * pad), size - pad - ((b - yFrom) / (yTo - yFrom)) * (size - 2 * pad)]),
    );
    // Each point's centre is painted in its class's colour (orange −1, blue +1) unless
    // a later point was drawn over it.
    const right = pixels.filter(([r, , b, alpha], i) => alpha > 200 && (mapped[i].label < 0 ? r > b + 40 : b > r + 40)).length;
    assert.ok(right >= 0.8 * mapped.length, `${right} of ${mapped.length} points in their colour where the model puts them`);
    assert.deepEqual(page.problems, []);
  });

  it('gives a script the numbers it draws: layerPlane and layerHistograms', async () => {
    const { plane, histograms, model, train, shown } = await page.evaluate(() => {
      const root = document.querySelector('greymatter-playground').shadowRoot;
      return {
        plane: window.playground.layerPlane(0, 2, 0),
        histograms: window.playground.layerHistograms(),
        model: window.playground.exportModel(),
        train: window.playground.getData().train,
        shown: [...root.querySelectorAll('#layer-histograms .histogram')].map((box) => box.dataset.counts),
      };
    });
    assert.deepEqual(plane.neurons, [2, 0]);
    assert.equal(plane.points.length, 2 * train.length);
    assert.equal(plane.lines.length, 2 * plane.lineCount * plane.lineSamples);
    train.forEach(([x1, x2, label], i) => {
      const a = forwardPass(model, [x1, x2])[0];
      assert.ok(Math.abs(plane.points[2 * i] - a[2]) < 1e-5 && Math.abs(plane.points[2 * i + 1] - a[0]) < 1e-5, `point ${i}`);
      assert.equal(plane.labels[i], label);
    });
    // The first line is x2 = −6 from x1 = −6 to 6; the last sample of the last line is (6, 6).
    const corner = forwardPass(model, [-6, -6])[0];
    assert.ok(Math.abs(plane.lines[0] - corner[2]) < 1e-5 && Math.abs(plane.lines[1] - corner[0]) < 1e-5);
    assert.deepEqual(
      shown,
      histograms.flatMap((layer) => [layer.weights.counts.join(','), layer.activations.counts.join(',')]),
    );
    const refusal = (args) =>
      page.evaluate((a) => {
        try {
          window.playground.layerPlane(...a);
          return 'no refusal';
        } catch (error) {
          return error.message;
        }
      }, args);
    assert.equal(await refusal([0, 1, 1]), 'pick two different neurons: both are neuron 2 of hidden layer 1');
    assert.equal(await refusal([2, 0, 1]), 'layer must be a whole number from 0 to 1 (the last hidden layer), got 2');
    assert.equal(await refusal([0, 0, 1.5]), 'second must be a whole number from 0 to 3 in hidden layer 0, got 1.5');
  });

  it('redraws the picture while training', async () => {
    const picture = () => page.$eval('#sees-plane', (canvas) => canvas.toDataURL());
    const before = await picture();
    await stepEpochs(page, 20);
    assert.notEqual(await picture(), before);
  });

  it('refuses the same neuron twice and a layer of one neuron, with the reason, keeping the picture', async () => {
    const before = await panelState(page);
    await page.selectOption('#sees-second', '2');
    let state = await panelState(page);
    assert.equal(state.message, 'Pick two different neurons: both are neuron 3 of hidden layer 1.');
    assert.equal(state.drawn.neurons, before.drawn.neurons, 'the last picture stays');
    await page.evaluate(() => window.playground.setConfig({ hidden: [3, 1] }));
    await page.selectOption('#sees-layer', '1');
    state = await panelState(page);
    assert.equal(state.message, 'Hidden layer 2 has one neuron: a plane takes two different neurons, so add a neuron to it.');
    await page.selectOption('#sees-layer', '0');
    state = await panelState(page);
    assert.equal(state.message, '');
    assert.equal(state.drawn.neurons, '0,1');
    assert.deepEqual(page.problems, []);
  });

  it('picks the two neurons by clicking them on the diagram while it is open, and closes with Escape', async () => {
    await page.evaluate(() => window.playground.setConfig({ hidden: [4, 3] }));
    await page.click('.thumb[data-node="7"]'); // neuron 2 of hidden layer 2
    let state = await panelState(page);
    assert.deepEqual([state.layer, state.first], ['1', '1']);
    await page.click('.thumb[data-node="8"]'); // neuron 3 of hidden layer 2
    state = await panelState(page);
    assert.equal(state.drawn.neurons, '1,2');
    assert.ok(await page.$eval('#inspector', (panel) => panel.hidden), 'the inspector stays closed meanwhile');
    await page.focus('#sees-first');
    await page.keyboard.press('Escape');
    state = await panelState(page);
    assert.equal(state.open, false);
    assert.equal(await page.evaluate(() => document.querySelector('greymatter-playground').shadowRoot.activeElement?.id), 'layer-sees');
    await page.click('.thumb[data-node="7"]');
    assert.equal(await page.$eval('#inspector', (panel) => panel.hidden), false, 'closed, a click inspects again');
    assert.deepEqual(page.problems, []);
  });

  it('works with the keyboard alone: Enter opens it, Tab reaches the selects, arrow keys pick', async () => {
    const active = () => page.evaluate(() => document.querySelector('greymatter-playground').shadowRoot.activeElement?.id);
    await page.focus('#layer-sees');
    await page.keyboard.press('Enter');
    assert.equal(await active(), 'sees-title');
    let state = await panelState(page);
    assert.deepEqual([state.layer, state.drawn.neurons], ['1', '0,1'], 'hidden layers of 4 and 3: the last one');
    await page.keyboard.press('Tab');
    assert.equal(await active(), 'sees-close');
    await page.keyboard.press('Tab');
    assert.equal(await active(), 'sees-layer');
    await page.keyboard.press('ArrowUp');
    state = await panelState(page);
    assert.deepEqual([state.layer, state.drawn.layer, state.drawn.neurons], ['0', '0', '0,1']);
    await page.keyboard.press('Tab');
    assert.equal(await active(), 'sees-first');
    await page.keyboard.press('ArrowDown');
    state = await panelState(page);
    assert.equal(state.message, 'Pick two different neurons: both are neuron 2 of hidden layer 1.');
    await page.keyboard.press('ArrowDown');
    state = await panelState(page);
    assert.deepEqual([state.message, state.drawn.neurons], ['', '2,1']);
    assert.deepEqual(page.problems, []);
  });
});

describe('the views that cost a pass over the data, while playing', () => {
  let session;
  openOncePerSuite((opened) => ({ session } = opened));

  it('take turns: each drawn frame refreshes at most one of them, and each still refreshes', async () => {
    const page = await openPlayground(session, `${session.url}#hidden=6,6`);
    await page.evaluate((costly) => {
      window.seen = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.name === 'greymatter:render' || costly.includes(entry.name)) window.seen.push([entry.name, entry.startTime]);
        }
      }).observe({ type: 'measure' });
    }, COSTLY);
    await page.evaluate(() => window.playground.play());
    await page.waitForFunction(() => window.seen.filter(([name]) => name === 'greymatter:render').length >= 40);
    await page.evaluate(() => window.playground.pause());
    const seen = await page.evaluate(() => window.seen);
    // Each drawn frame starts with its render: count the costly views between renders.
    const frames = [];
    for (const [name] of seen) {
      if (name === 'greymatter:render') frames.push([]);
      else if (frames.length) frames.at(-1).push(name);
    }
    const playing = frames.slice(0, -2); // the pause draws every view at once
    assert.ok(
      playing.every((views) => views.length <= 1),
      `frames with several costly views: ${JSON.stringify(playing.filter((v) => v.length > 1).slice(0, 3))}`,
    );
    for (const name of COSTLY)
      assert.ok(
        playing.some((views) => views.includes(name)),
        `${name} never refreshed while playing`,
      );
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('the histograms read an even sample of a large training set while playing, every point once paused', async () => {
    // 3,000 points, half for training: while playing every 3rd of the 1,500 (at most 500).
    const page = await openPlayground(session, `${session.url}#samples=3000&trainRatio=50&hidden=3`);
    const neurons = 3;
    /** Waits until the first layer's activation histogram counts `total` outputs. */
    const countsReach = (total) =>
      page.waitForFunction((wanted) => {
        const box = document.querySelector('greymatter-playground').shadowRoot.querySelector('#layer-histograms .histogram[data-kind="activations"]');
        return (
          box.dataset.counts
            .split(',')
            .map(Number)
            .reduce((sum, count) => sum + count, 0) === wanted
        );
      }, total);
    await countsReach(1500 * neurons); // before playing: every training point
    await page.evaluate(() => window.playground.play());
    await countsReach(500 * neurons);
    await page.evaluate(() => window.playground.pause());
    await countsReach(1500 * neurons);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});
