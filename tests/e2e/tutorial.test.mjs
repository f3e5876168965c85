// The first lesson (www/tutorial.html) as its reader meets it, and the element's
// integration test: twelve <greymatter-playground> embeds on one page under a CSP
// without inline script, each ready, each training on its own, each set up for its
// step — step 1's sliders set the neuron's β₁, β₂ and b (the element's model and its
// heatmap follow), step 2 has the four activations, step 3 xor with and without a
// hidden layer, step 4 the cost against β₁ going downhill and a learning rate that
// jumps across the valley and diverges with a message, step 5 batch sizes 1, 10 and the
// training set — and what the prose says to watch for holds. Embeds off screen do not
// train; the page reads from 320 px; its own content passes axe.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startSession, openPage, openWatched } from './helpers.mjs';

const EMBEDS = [
  'neuron',
  'act-sigmoid',
  'act-tanh',
  'act-relu',
  'act-swish',
  'xor-one-neuron',
  'xor-hidden',
  'cost-descent',
  'cost-diverge',
  'batch-1',
  'batch-10',
  'batch-all',
];
const ACTIVATIONS = ['act-sigmoid', 'act-tanh', 'act-relu', 'act-swish'];
const BATCHES = ['batch-1', 'batch-10', 'batch-all'];

/** Runs `script(element, arg)` in the page on the embed with id `id`. */
const on = (page, id, script, arg) =>
  page.evaluate(
    ([which, source, value]) => new Function('element', 'arg', `return (${source})(element, arg);`)(document.getElementById(which), value),
    [id, script.toString(), arg],
  );

const stateOf = (page, id) => on(page, id, (element) => element.state);
const configOf = (page, id) => on(page, id, (element) => element.config);
const shadowText = (page, id, selector) =>
  on(
    page,
    id,
    (element, which) => {
      const found = element.shadowRoot.querySelector(which);
      return found && !found.hidden ? found.textContent : '';
    },
    selector,
  );

/** Waits for `count` animation frames of the page (a condition, not a duration). */
const frames = (page, count) =>
  page.evaluate(
    (n) =>
      new Promise((resolve) => {
        let left = n;
        const next = () => (--left <= 0 ? resolve() : requestAnimationFrame(next));
        requestAnimationFrame(next);
      }),
    count,
  );

/** Scrolls the embed (or any element) with id `id` into the middle of the window, and waits for the observers. */
async function scrollTo(page, id) {
  await page.evaluate((which) => document.getElementById(which).scrollIntoView({ block: 'center' }), id);
  await frames(page, 3);
}

/** The embed's #heatmap: a hash of its pixels, and the colour at shares (across, down) of its size. */
const heatmapOf = (page, id, spots = []) =>
  on(
    page,
    id,
    (element, points) => {
      const canvas = element.shadowRoot.getElementById('heatmap');
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let hash = 0;
      for (let i = 0; i < data.length; i++) hash = (hash * 31 + data[i]) >>> 0;
      const colours = points.map(([across, down]) => {
        const at = (Math.floor(down * canvas.height) * canvas.width + Math.floor(across * canvas.width)) * 4;
        return [data[at], data[at + 1], data[at + 2]];
      });
      return { hash, colours };
    },
    spots,
  );

/** The heatmap's shares for a point (x1, x2) of the plane [−6, 6]² (x2 grows upwards). */
const spot = (x1, x2) => [(x1 + 6) / 12, (6 - x2) / 12];
const isOrange = ([r, , b]) => r > b + 60;
const isBlue = ([r, , b]) => b > r + 60;

const close = (actual, expected, what, tolerance = 1e-6) => {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual}, expected ${expected}`);
};

/** Trains the embed `epochs` epochs (20 a step), resets it, and says how far it got. */
const trainFor = (page, id, epochs) =>
  on(
    page,
    id,
    async (element, count) => {
      element.setView({ epochsPerFrame: 20 });
      for (let trained = 0; trained < count; trained += 20) await element.step();
      element.setView({ epochsPerFrame: 1 });
      const state = element.state;
      element.reset();
      return state;
    },
    epochs,
  );

/** Every config key but `except`: what embeds of one step must share. */
const without = (config, except) => Object.fromEntries(Object.entries(config).filter(([key]) => key !== except));

describe('the tutorial page', () => {
  let session;
  let page;

  before(async () => {
    session = await startSession();
    page = await openWatched(session, `${session.url}tutorial.html`);
    await page.evaluate(() => Promise.all([...document.querySelectorAll('greymatter-playground')].map((element) => element.ready)));
  });
  after(async () => session?.close());

  it('loads every embed under a CSP without inline script, with no console error', async () => {
    const ids = await page.$$eval('greymatter-playground', (list) => list.map((element) => element.id));
    assert.deepEqual(ids, EMBEDS);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script');
    assert.equal(await page.locator('[onclick], [onload], [oninput]').count(), 0, 'no inline handlers');
    for (const id of EMBEDS) {
      const state = await stateOf(page, id);
      assert.equal(state.epoch, 0, `${id} starts at epoch 0`);
      assert.ok(Number.isFinite(state.trainLoss), `${id} shows a loss`);
      assert.equal(await shadowText(page, id, '#message'), '', `${id} has nothing to complain about`);
    }
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assert.deepEqual(page.problems, []);
  });

  it('off screen an embed does not train: step 2 starts when scrolled to and waits again when scrolled away', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await frames(page, 30);
    for (const id of ACTIVATIONS) {
      assert.equal(await on(page, id, (element) => element.playing), true, `${id} autoplays`);
      assert.equal((await stateOf(page, id)).epoch, 0, `${id} waits below the fold`);
    }
    await scrollTo(page, 'act-tanh');
    await page.waitForFunction((ids) => ids.every((id) => document.getElementById(id).state.epoch >= 5), ACTIVATIONS);
    await page.evaluate(() => window.scrollTo(0, 0));
    await frames(page, 5);
    const hidden = await stateOf(page, 'act-relu');
    await frames(page, 30);
    assert.ok((await stateOf(page, 'act-relu')).epoch <= hidden.epoch + 1, 'no training off screen');
    assert.equal(await on(page, 'act-relu', (element) => element.playing), true, 'still playing: it waits');
    await scrollTo(page, 'act-tanh');
    await page.getByRole('button', { name: 'Pause all four' }).click();
    await page.waitForFunction((ids) => ids.every((id) => !document.getElementById(id).playing), ACTIVATIONS);
  });

  it('every embed trains on its own: three steps through its API move its epoch and its loss, and no other', async () => {
    for (const id of EMBEDS) {
      const others = await Promise.all(EMBEDS.filter((other) => other !== id).map((other) => stateOf(page, other)));
      const before = await stateOf(page, id);
      const state = await on(page, id, async (element) => {
        for (let i = 0; i < 3; i++) await element.step();
        return element.state;
      });
      assert.equal(state.epoch, before.epoch + 3, `${id} trained three epochs`);
      assert.notEqual(state.trainLoss, before.trainLoss, `${id}'s loss changed`);
      const now = await Promise.all(EMBEDS.filter((other) => other !== id).map((other) => stateOf(page, other)));
      assert.deepEqual(
        now.map((s) => s.epoch),
        others.map((s) => s.epoch),
        `stepping ${id} moved no other embed`,
      );
    }
    for (const id of EMBEDS) await on(page, id, (element) => element.reset());
  });

  it('step 1: the sliders set β₁, β₂ and b; the element reports them and the boundary moves', async () => {
    await scrollTo(page, 'neuron');
    const before = await heatmapOf(page, 'neuron');
    await page.getByLabel('β₁, the weight of x₁', { exact: true }).fill('1.5');
    await page.getByLabel('β₂, the weight of x₂', { exact: true }).fill('-0.75');
    await page.getByLabel('b, the bias', { exact: true }).fill('0.5');
    const [layer] = (await on(page, 'neuron', (element) => element.exportModel())).layers;
    close(layer.weights[0][0], 1.5, 'β₁');
    close(layer.weights[0][1], -0.75, 'β₂');
    close(layer.biases[0], 0.5, 'b');
    assert.equal(await page.textContent('#neuron-equation'), 'z = 1.50·x₁ − 0.75·x₂ + 0.50');
    assert.equal(await page.textContent('#neuron-boundary'), 'x₂ = 2.00·x₁ + 0.67');
    assert.equal(await page.textContent('#beta-2-value'), '−0.75');
    // z = 1.5·x₁ − 0.75·x₂ + 0.5: blue at (5, −5), orange at (−5, 5), far from every point.
    const set = await heatmapOf(page, 'neuron', [spot(5, -5), spot(-5, 5)]);
    assert.notEqual(set.hash, before.hash, 'the heatmap changed');
    assert.ok(isBlue(set.colours[0]) && isOrange(set.colours[1]), `colours ${JSON.stringify(set.colours)}`);
    await page.getByLabel('β₁, the weight of x₁', { exact: true }).fill('-1.5');
    // z = −1.5·x₁ − 0.75·x₂ + 0.5: the line turned, the two corners swap colours.
    const turned = await heatmapOf(page, 'neuron', [spot(5, -5), spot(-5, 5)]);
    assert.ok(isOrange(turned.colours[0]) && isBlue(turned.colours[1]), `colours ${JSON.stringify(turned.colours)}`);
    assert.equal(await page.textContent('#neuron-boundary'), 'x₂ = −2.00·x₁ + 0.67');
  });

  it('step 1: playing, gradient descent moves the sliders; touching one pauses it', async () => {
    await on(page, 'neuron', (element) => element.reset());
    await page.locator('#neuron').getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForFunction(() => document.getElementById('neuron').state.epoch >= 20);
    await page.getByLabel('b, the bias', { exact: true }).fill('0.2');
    assert.equal(await on(page, 'neuron', (element) => element.playing), false, 'the slider paused training');
    const [layer] = (await on(page, 'neuron', (element) => element.exportModel())).layers;
    const sliders = await page.$$eval('#beta-1, #beta-2', (inputs) => inputs.map((input) => Number(input.value)));
    close(sliders[0], layer.weights[0][0], 'β₁ slider follows the trained weight', 0.006);
    close(sliders[1], layer.weights[0][1], 'β₂ slider follows the trained weight', 0.006);
    assert.match(await page.textContent('#neuron-fit'), /^epoch \d+ · training loss \d\.\d{3} · accuracy \d+\.\d%$/);
    await on(page, 'neuron', (element) => element.reset());
  });

  it('step 2: four embeds, one activation each, the same network, data and starting weights', async () => {
    const configs = await Promise.all(ACTIVATIONS.map((id) => configOf(page, id)));
    assert.deepEqual(
      configs.map((config) => config.activation),
      ['sigmoid', 'tanh', 'relu', 'swish'],
    );
    for (const config of configs) {
      assert.deepEqual(without(config, 'activation'), without(configs[0], 'activation'));
      assert.deepEqual(config.hidden, [4]);
    }
    const starts = await Promise.all(ACTIVATIONS.map((id) => on(page, id, (element) => element.exportModel().layers.map((l) => l.weights))));
    for (const start of starts) assert.deepEqual(start, starts[0], 'the same starting weights');
    const captions = await page.$$eval('#activations figcaption .caption-title', (list) => list.map((c) => c.textContent));
    assert.deepEqual(captions, ['sigmoid', 'tanh', 'ReLU', 'swish']);
    assert.equal(
      await on(page, 'act-tanh', (element) => element.shadowRoot.querySelector('.network-column').checkVisibility()),
      false,
      'the boundary layout shows no diagram',
    );
    // As the prose says: after the same number of epochs, sigmoid is the furthest behind.
    const losses = {};
    for (const id of ACTIVATIONS) losses[id] = (await trainFor(page, id, 100)).trainLoss;
    for (const id of ACTIVATIONS.slice(1)) assert.ok(losses['act-sigmoid'] > losses[id], `losses after 100 epochs: ${JSON.stringify(losses)}`);
  });

  it('step 3: xor with no hidden layer and with one; only the one with a hidden layer learns it', async () => {
    const [flat, deep] = await Promise.all(['xor-one-neuron', 'xor-hidden'].map((id) => configOf(page, id)));
    assert.equal(flat.dataset, 'xor');
    assert.deepEqual(without(flat, 'hidden'), without(deep, 'hidden'));
    assert.deepEqual(flat.hidden, []);
    assert.deepEqual(deep.hidden, [4]);
    assert.deepEqual(flat.features, ['x1', 'x2']);
    const trained = {};
    for (const id of ['xor-one-neuron', 'xor-hidden']) trained[id] = await trainFor(page, id, 200);
    assert.ok(trained['xor-one-neuron'].trainMetric < 0.8, `one neuron: accuracy ${trained['xor-one-neuron'].trainMetric}`);
    assert.ok(trained['xor-hidden'].trainMetric > 0.95, `a hidden layer: accuracy ${trained['xor-hidden'].trainMetric}`);
  });

  it('step 4: the inspector plots the cost against β₁, and the dot goes downhill while it trains', async () => {
    await scrollTo(page, 'cost-descent');
    const plot = () =>
      on(page, 'cost-descent', (element) => {
        const { dataset } = element.shadowRoot.getElementById('cost-plot');
        return { current: Number(dataset.current), cost: Number(dataset.cost), series: dataset.series.split(',').map(Number) };
      });
    assert.equal(await on(page, 'cost-descent', (element) => element.shadowRoot.getElementById('inspector').checkVisibility()), true);
    assert.equal(await shadowText(page, 'cost-descent', '#inspector-title'), 'The output');
    const start = await plot();
    close(start.current, 2.5, 'β₁ starts high on the slope');
    const config = await configOf(page, 'cost-descent');
    assert.equal(config.problem, 'regression');
    assert.deepEqual(config.hidden, []);
    const lowest = start.series.indexOf(Math.min(...start.series));
    assert.ok(lowest > 0 && lowest < start.series.length - 1, 'the plotted range holds the bottom of the valley');
    await on(page, 'cost-descent', async (element) => {
      for (let i = 0; i < 20; i++) await element.step();
    });
    const later = await plot();
    const weight = (await on(page, 'cost-descent', (element) => element.exportModel())).layers[0].weights[0][0];
    assert.equal(later.current, weight, 'the dot is at the weight');
    assert.ok(later.current < start.current && later.cost < start.cost, `β₁ ${start.current} → ${later.current}, J ${start.cost} → ${later.cost}: downhill`);
    await on(page, 'cost-descent', (element) => element.reset());
    close((await plot()).current, 2.5, 'reset puts β₁ back at the start of the lesson');
  });

  it('step 4: a learning rate too large diverges; the element and the page say why', async () => {
    await scrollTo(page, 'cost-diverge');
    assert.equal((await configOf(page, 'cost-diverge')).learningRate, 0.3);
    // β₁ starts close to the bottom; the first steps jump past it, each landing higher on the other side.
    const jumps = await on(page, 'cost-diverge', async (element) => {
      const canvas = element.shadowRoot.getElementById('cost-plot');
      const seen = [];
      for (let i = 0; i < 3; i++) {
        const { current, cost, from, to, series } = canvas.dataset;
        const values = series.split(',').map(Number);
        const bottom = Number(from) + ((Number(to) - Number(from)) * values.indexOf(Math.min(...values))) / (values.length - 1);
        seen.push({ weight: Number(current), cost: Number(cost), from: Number(from), to: Number(to), bottom });
        await element.step();
      }
      element.reset();
      return seen;
    });
    close(jumps[0].weight, 0.6, 'β₁ starts at 0.6');
    for (let i = 1; i < jumps.length; i++) {
      assert.ok(jumps[i].cost > jumps[i - 1].cost, `step ${i} climbs: J ${jumps[i - 1].cost} → ${jumps[i].cost}`);
      const side = (jump) => Math.sign(jump.weight - jumps[0].bottom);
      assert.ok(side(jumps[i]) !== side(jumps[i - 1]), `step ${i} jumps to the other side of the bottom at ${jumps[0].bottom}`);
      assert.ok(jumps[i].weight > jumps[0].from && jumps[i].weight < jumps[0].to, `step ${i} stays on the plot`);
    }
    await page.locator('#cost-diverge').getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForFunction(() => document.getElementById('cost-diverge').state.divergence !== '');
    assert.equal(await on(page, 'cost-diverge', (element) => element.playing), false, 'it stopped');
    const message = await shadowText(page, 'cost-diverge', '#message');
    assert.match(message, /the loss became infinite at epoch \d+/);
    assert.match(message, /learning rate 0\.3\b/);
    const note = await page.textContent('#diverge-note');
    assert.match(note, /diverge event, keeping the weights of epoch \d+/);
    assert.ok(note.includes(message.trim()), "the page shows the element's message");
    const loss = await shadowText(page, 'cost-diverge', '#train-loss');
    assert.ok(loss.length <= 9, `a huge loss fits its cell: ${loss}`);
    await page.locator('#cost-diverge').getByLabel('Learning rate').selectOption('0.01');
    await on(page, 'cost-diverge', (element) => element.reset());
    const state = await on(page, 'cost-diverge', async (element) => {
      for (let i = 0; i < 5; i++) await element.step();
      return element.state;
    });
    assert.equal(state.divergence, '');
    assert.equal(await shadowText(page, 'cost-diverge', '#message'), '');
  });

  it('step 5: batch sizes 1, 10 and the whole training set, otherwise the same, with their steps per epoch', async () => {
    const configs = await Promise.all(BATCHES.map((id) => configOf(page, id)));
    // The training set's size as the core counts it: the inspector's highest sample index + 1.
    const trainingSet = await on(page, 'batch-all', (element) => {
      element.inspectNeuron(1, 0);
      const size = Number(element.shadowRoot.getElementById('inspector-sample').max) + 1;
      element.inspectNeuron(null);
      return size;
    });
    assert.deepEqual(
      configs.map((config) => config.batchSize),
      [1, 10, trainingSet],
    );
    for (const config of configs) assert.deepEqual(without(config, 'batchSize'), without(configs[0], 'batchSize'));
    const steps = await page.$$eval('[data-steps]', (list) => list.map((element) => element.textContent));
    assert.deepEqual(steps, [`· ${trainingSet} steps per epoch`, `· ${trainingSet / 10} steps per epoch`, `(${trainingSet} points) · 1 step per epoch`]);
    // As the prose says: batch size 1 falls fastest per epoch but its loss jitters; the whole set falls slowest and smoothly.
    const curves = {};
    for (const id of BATCHES) {
      curves[id] = await on(page, id, async (element) => {
        const losses = [];
        for (let i = 0; i < 30; i++) losses.push((await element.step()).trainLoss);
        element.reset();
        return losses;
      });
    }
    const rises = (losses) => losses.slice(1).filter((loss, i) => loss > losses[i]).length;
    assert.ok(
      curves['batch-1'][29] < curves['batch-10'][29] && curves['batch-10'][29] < curves['batch-all'][29],
      `losses after 30 epochs: ${BATCHES.map((id) => curves[id][29]).join(', ')}`,
    );
    assert.ok(rises(curves['batch-1'].slice(10)) > 0, `batch size 1 jitters: ${curves['batch-1'].slice(10)}`);
    assert.equal(rises(curves['batch-all']), 0, `the whole training set goes down smoothly: ${curves['batch-all']}`);
  });

  it("the group buttons play a step's embeds together from epoch 0, and pause them", async () => {
    await scrollTo(page, 'batch-10');
    for (const id of BATCHES) await on(page, id, (element) => element.step());
    await page.getByRole('button', { name: 'Play all three from epoch 0' }).click();
    for (const id of BATCHES) assert.equal(await on(page, id, (element) => element.playing), true, `${id} plays`);
    await page.waitForFunction((ids) => ids.every((id) => document.getElementById(id).state.epoch >= 5), BATCHES);
    await page.getByRole('button', { name: 'Pause all three' }).click();
    for (const id of BATCHES) assert.equal(await on(page, id, (element) => element.playing), false, `${id} paused`);
    const live = await page.textContent('[data-live="batch-1"]');
    assert.match(live, /^epoch \d+ · training loss \d\.\d{3} · accuracy/);
    assert.deepEqual(page.problems, []);
  });

  it("is accessible: one main, headings in order, every slider labelled, no axe violation in the page's own content", async () => {
    assert.equal(await page.locator('main').count(), 1);
    // The page's own headings and controls (document.querySelectorAll stays out of the shadow roots).
    const levels = await page.evaluate(() => [...document.querySelectorAll('h1, h2, h3, h4')].map((heading) => Number(heading.tagName[1])));
    assert.equal(levels[0], 1);
    levels.forEach((level, i) => assert.ok(i === 0 || level <= levels[i - 1] + 1, `heading ${i} jumps to h${level}`));
    const unlabelled = await page.evaluate(
      () =>
        [...document.querySelectorAll('input, button, select')].filter(
          (control) => !(control.labels?.length || control.textContent.trim() || control.getAttribute('aria-label')),
        ).length,
    );
    assert.equal(unlabelled, 0);
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axe);
    const violations = await page.evaluate(async () => {
      const { violations: found } = await window.axe.run(document, { resultTypes: ['violations'] });
      // A target of one selector is in the page; a longer one is inside an embed's shadow root (the element's own markup).
      return found.flatMap((v) =>
        v.nodes.filter((node) => node.target.length === 1 && typeof node.target[0] === 'string').map((node) => `${v.id}: ${node.target[0]}`),
      );
    });
    assert.deepEqual(violations, []);
  });
});

describe('the tutorial page on small screens and under a strict CSP', () => {
  let session;
  before(async () => {
    session = await startSession();
  });
  after(async () => session?.close());

  it('reads from 320 px wide: nothing scrolls sideways, and the embeds of a step stack', async () => {
    const page = await openPage(session, `${session.url}tutorial.html`, { viewport: { width: 320, height: 700 }, hasTouch: true, isMobile: true });
    await page.evaluate(() => Promise.all([...document.querySelectorAll('greymatter-playground')].map((element) => element.ready)));
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 320, 'no sideways scrolling');
    const lefts = await page.$$eval('#activations greymatter-playground', (list) => list.map((element) => element.getBoundingClientRect().left));
    assert.ok(
      lefts.every((left) => left === lefts[0]),
      `stacked: ${lefts}`,
    );
    const widest = await page.$$eval('greymatter-playground', (list) => Math.max(...list.map((element) => element.getBoundingClientRect().right)));
    assert.ok(widest <= 320, `every embed fits: ${widest}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it("under a CSP of script-src 'self' alone (no blob:), every embed still starts", async () => {
    const context = await session.browser.newContext();
    await context.route('**/tutorial.html', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
      await route.fulfill({ response, body, headers: { ...response.headers(), 'content-security-policy': "script-src 'self' 'wasm-unsafe-eval'" } });
    });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${session.url}tutorial.html`);
    const epochs = await page.evaluate(async () => {
      const elements = [...document.querySelectorAll('greymatter-playground')];
      await Promise.all(elements.map((element) => element.ready));
      return Promise.all(elements.map(async (element) => (await element.step()).epoch));
    });
    assert.deepEqual(
      epochs,
      EMBEDS.map(() => 1),
    );
    // greymatter first tries a blob: copy of its glue, which this policy refuses (and reports).
    assert.deepEqual(
      problems.filter((text) => !/Content Security Policy.*blob:|blob:.*Content Security Policy/.test(text)),
      [],
    );
    await context.close();
  });
});
