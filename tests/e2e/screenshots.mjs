// Takes the pictures in docs/: the page as it opens (docs/screenshot.png), a spiral
// learned by a network of 6 hidden layers (docs/spiral-6-layers.png), and one picture
// per view of the page for the tour in docs/what-you-see.md (docs/what-you-see/*.png),
// and the first lesson (docs/tutorial.png).
// Run it after `make build`: node tests/e2e/screenshots.mjs
// `node tests/e2e/screenshots.mjs tour` takes only the tour's pictures (quicker);
// `node tests/e2e/screenshots.mjs classes` only the multi-class ones, `… divergence` only
// the diverging-loss message, `… tutorial` only the first lesson (docs/tutorial.png),
// `… embeds` only the compact embed and the dark theme (docs/embed-compact.png,
// docs/dark-theme.png), `… drawing` only the drawing mode (docs/what-you-see/drawing.png),
// `… dropout` only dropout's marks and the inspector's mask (docs/what-you-see/dropout.png),
// `… layer-views` only the layer histograms and what a layer sees,
// `… compare` only two runs compared (docs/what-you-see/compare.png),
// `… export` only the "Export as code" panel (docs/what-you-see/export-code.png),
// `… formulas` only the formula inputs and dataset (docs/what-you-see/formulas.png).

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, openPage, openPlayground } from './helpers.mjs';

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs');
const TOUR = path.join(DOCS, 'what-you-see');
const SPIRAL =
  '#dataset=spiral&noise=0&trainRatio=50&batchSize=10&learningRate=0.03&activation=tanh'
  + '&regularization=none&regularizationRate=0&hidden=8,8,8,8,8,8&features=x1,x2,x1Squared,x2Squared,x1x2,sinX1,sinX2'
  + '&problem=classification&loss=squared&seed=1&dataSeed=1&samples=500&showTestData=true';
const WINDOW = { viewport: { width: 1400, height: 900 } };
// Tall enough that nothing scrolls, so element boxes and screenshot clips agree.
const TOUR_WINDOW = { viewport: { width: 1280, height: 1500 } };

/** The four sides of the box around all `selectors`, with `pad` pixels to spare. */
async function boxAround(page, selectors, pad = 6) {
  const boxes = [];
  for (const selector of selectors) boxes.push(await page.locator(selector).first().boundingBox());
  const left = Math.max(0, Math.min(...boxes.map((b) => b.x)) - pad);
  const top = Math.max(0, Math.min(...boxes.map((b) => b.y)) - pad);
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + pad;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + pad;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Saves the part of the page around `selectors` as docs/what-you-see/<name>.png. */
async function shoot(page, name, selectors, pad) {
  const clip = await boxAround(page, selectors, pad);
  await page.screenshot({ path: path.join(TOUR, `${name}.png`), clip });
}

/** The tour: xor learned by a 2-4-2-1 tanh network, then each view in turn. */
async function takeTour(session) {
  mkdirSync(TOUR, { recursive: true });
  const page = await openPlayground(session, `${session.url}#dataset=xor&noise=10&hidden=4,2&seed=1&dataSeed=1`, TOUR_WINDOW);
  await page.evaluate(async () => {
    const playground = window.playground;
    playground.setView({ epochsPerFrame: 5 });
    for (let i = 0; i < 40; i++) await playground.step(); // 200 epochs: the loss chart has a curve
  });
  await page.mouse.move(1, 1);

  // 1. The output heatmap with the training points.
  await shoot(page, 'heatmap', ['.heatmap-area']);
  // 2. The network diagram: features, hidden neurons, output, links, biases.
  await shoot(page, 'network', ['.layer-count', '.diagram-area']);
  // 3. Hovering the first hidden neuron: its picture fills the big heatmap.
  await page.hover('.thumb[data-node="2"]');
  await page.waitForSelector('#heatmap-caption:not([hidden])');
  await shoot(page, 'hover-neuron', ['#layer-controls', '.diagram-area', '.heatmap-area']);
  await page.mouse.move(1, 1);
  await page.waitForSelector('#heatmap-caption', { state: 'hidden' });
  // 4. The neuron inspector for the first hidden neuron, sample 0.
  await page.click('.thumb[data-node="2"]');
  await page.waitForSelector('#inspector:not([hidden])');
  await page.mouse.move(1, 1);
  // Show the one of the first 40 training points this neuron gets most wrong, so the
  // backward-pass numbers are not all near zero.
  const sample = await page.evaluate(() => {
    const input = document.querySelector('greymatter-playground').shadowRoot.getElementById('inspector-sample');
    let worst = 0;
    let worstLoss = -1;
    for (let i = 0; i < 40; i++) {
      input.value = String(i);
      input.dispatchEvent(new Event('change'));
      const loss = Number(
        document.querySelector('greymatter-playground').shadowRoot.querySelector('#inspector-summary output[data-quantity="loss"]').dataset.value,
      );
      if (loss > worstLoss) [worst, worstLoss] = [i, loss];
    }
    input.value = String(worst);
    input.dispatchEvent(new Event('change'));
    return worst;
  });
  console.log(`inspector: training sample ${sample}`);
  await page.waitForFunction(() => document.querySelector('greymatter-playground').shadowRoot.querySelector('#cost-plot').dataset.series);
  await shoot(page, 'inspector', ['#inspector'], 2);
  // 5. The cost against one weight, with the dot at its current value.
  await shoot(page, 'cost-plot', ['label:has(#cost-weight)', '#cost-plot']);
  await page.click('#inspector-close');
  await page.evaluate(() => window.playground.showNode(null)); // no neuron stays pinned
  // 6. Links coloured by the gradient ∂J/∂w instead of the weight.
  await page.check('#gradient-links');
  await page.waitForFunction(() => window.playground.view.gradientLinks);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await shoot(page, 'gradient-links', ['#layer-controls', '.diagram-area', 'label:has(#gradient-links)']);
  // 7. The layer-health bars.
  await page.uncheck('#gradient-links');
  await shoot(page, 'layer-health', ['.layer-health-area']);
  // 8. The loss chart, with the readout under the pointer.
  const chart = await page.locator('#loss-chart').boundingBox();
  await page.mouse.move(chart.x + chart.width * 0.25, chart.y + chart.height / 2);
  await page.waitForSelector('#loss-chart-tip:not([hidden])');
  await shoot(page, 'loss-chart', ['.losses', '.chart-area', '#loss-chart-tip']);
  await page.mouse.move(1, 1);
  // 9. Step-through, on the same sample: forward through hidden layer 2, its neurons outlined.
  await page.click('#step-through');
  await page.waitForSelector('#step-through-panel:not([hidden])');
  await page.evaluate((index) => {
    const input = document.querySelector('greymatter-playground').shadowRoot.getElementById('step-sample');
    input.value = String(index);
    input.dispatchEvent(new Event('change'));
  }, sample);
  await page.click('#step-next');
  await page.waitForFunction(() => document.querySelector('greymatter-playground').shadowRoot.getElementById('step-through-panel').dataset.stage === '1');
  await page.mouse.move(1, 1);
  await shoot(page, 'step-through', ['#layer-controls', '.diagram-area', '#step-through-panel']);
  await page.click('#step-close');
  // 10. The speed, schedule and optimizer controls (Adam and a step schedule, so their settings show).
  await page.evaluate(() => {
    window.playground.setConfig({ optimizer: 'adam', schedule: 'step' });
    window.playground.setView({ epochsPerFrame: 10 });
  });
  await shoot(page, 'controls', ['.top-bar'], 2);
  // 11. An activation per hidden layer: relu for layer 1, tanh (as before) for layer 2.
  await page.getByLabel('Activation of hidden layer 1').selectOption('relu');
  await page.waitForFunction(() => window.playground.config.layerActivations[0] === 'relu');
  await shoot(page, 'layer-activations', ['.layer-count', '#layer-controls'], 4);
  if (page.problems.length) throw new Error(page.problems.join('\n'));
}

/** Multi-class: a spiral of 4 classes learned by a softmax output, its class map and confusion matrix. */
async function takeClasses(session) {
  mkdirSync(TOUR, { recursive: true });
  const page = await openPlayground(
    session,
    `${session.url}#dataset=spiral&classes=4&loss=softmaxCrossEntropy`
      + '&hidden=8,6&features=x1,x2,sinX1,sinX2&optimizer=adam&learningRate=0.01&seed=1&dataSeed=1',
    TOUR_WINDOW,
  );
  const state = await page.evaluate(async () => {
    const playground = window.playground;
    playground.setView({ epochsPerFrame: 20 });
    for (let i = 0; i < 40; i++) await playground.step(); // 800 epochs
    return playground.state;
  });
  console.log(`classes: epoch ${state.epoch}, test accuracy ${(state.testMetric * 100).toFixed(1)}%`);
  await page.mouse.move(1, 1);
  // 10. The class map (winning class, shaded by confidence) with the class legend.
  await shoot(page, 'class-map', ['.heatmap-area', '#class-legend']);
  // 11. The confusion matrix of the test points, under the loss table.
  await shoot(page, 'confusion-matrix', ['.losses', '#confusion']);
  if (page.problems.length) throw new Error(page.problems.join('\n'));
}

/** A loss that blows up: relu on the plane at learning rate 10, and the message naming the cause. */
async function takeDivergence(session) {
  mkdirSync(TOUR, { recursive: true });
  const page = await openPlayground(
    session,
    `${session.url}#problem=regression&dataset=plane&activation=relu&learningRate=10&hidden=4,2&seed=1&dataSeed=1`,
    TOUR_WINDOW,
  );
  await page.click('#play-pause');
  await page.waitForFunction(() => window.playground.state.divergence !== '');
  await page.waitForSelector('#message:not([hidden])');
  await page.mouse.move(1, 1);
  // 12. The message: where it stopped, the likely cause, what to try.
  await shoot(page, 'divergence', ['#message'], 4);
  if (page.problems.length) throw new Error(page.problems.join('\n'));
}

/**
 * The first lesson (docs/tutorial.png): the whole page 1280 px wide, drawn at half
 * scale to keep the file small, every embed trained a while, step 4's large learning
 * rate diverged.
 */
async function takeTutorial(session) {
  const page = await openPage(session, `${session.url}tutorial.html`, { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 0.5 });
  await page.evaluate(async () => {
    const embeds = [...document.querySelectorAll('greymatter-playground')];
    await Promise.all(embeds.map((element) => element.ready));
    const train = async (element, epochs, speed = 20) => {
      element.setView({ epochsPerFrame: speed });
      for (let trained = 0; trained < epochs; trained += speed) await element.step();
      element.setView({ epochsPerFrame: 1 });
    };
    for (const element of embeds) {
      if (element.id === 'cost-descent') await train(element, 60, 10);
      else if (element.id !== 'cost-diverge') await train(element, 200);
    }
    const diverging = document.getElementById('cost-diverge');
    diverging.scrollIntoView();
    diverging.play();
    await new Promise((resolve) => diverging.addEventListener('diverge', resolve, { once: true }));
    window.scrollTo(0, 0);
  });
  await page.waitForSelector('#diverge-note.diverged');
  await page.screenshot({ path: path.join(DOCS, 'tutorial.png'), fullPage: true });
  if (page.problems.length) throw new Error(page.problems.join('\n'));
  await page.context().close();
}

/**
 * The compact layout embedded in a tutorial-like page, after learning xor
 * (docs/embed-compact.png), and the full layout in the dark theme after some spiral
 * epochs (docs/dark-theme.png): both from host pages of another origin (fixtures/).
 */
async function takeEmbeds(session) {
  const shots = [
    ['screenshot-compact.html', 'embed-compact.png', { width: 900, height: 800 }, 300],
    ['screenshot-dark.html', 'dark-theme.png', { width: 1400, height: 1000 }, 600],
  ];
  for (const [fixture, file, viewport, epochs] of shots) {
    const page = await openPage(session, `${session.hostUrl}${fixture}`, { viewport });
    await page.evaluate(async (count) => {
      const element = document.getElementById('embed');
      await element.ready;
      element.setView({ epochsPerFrame: 10 });
      for (let trained = 0; trained < count; trained += 10) await element.step();
      element.setView({ epochsPerFrame: 1 });
    }, epochs);
    await page.mouse.move(1, 1);
    await page.screenshot({ path: path.join(DOCS, file), fullPage: true });
    if (page.problems.length) throw new Error(page.problems.join('\n'));
    await page.context().close();
  }
}

/** Drawing points (docs/what-you-see/drawing.png): two classes drawn by mouse, a network fitting them. */
async function takeDrawing(session) {
  mkdirSync(TOUR, { recursive: true });
  const page = await openPlayground(session, `${session.url}#dataset=xor&hidden=6,4&seed=1&dataSeed=1`, TOUR_WINDOW);
  await page.click('#draw-points');
  await page.click('#draw-clear');
  const box = await page.locator('#heatmap').boundingBox();
  const at = (x1, x2) => [box.x + 1 + ((x1 + 6) / 12) * (box.width - 2), box.y + 1 + ((6 - x2) / 12) * (box.height - 2)];
  const stroke = async (points) => {
    await page.mouse.move(...at(...points[0]));
    await page.mouse.down();
    for (const point of points.slice(1)) await page.mouse.move(...at(...point), { steps: 12 });
    await page.mouse.up();
  };
  // Orange: a ring of short strokes; blue: a smile inside it, and two dots for eyes.
  const ring = Array.from({ length: 25 }, (_, i) => [4.3 * Math.cos((i / 24) * 2 * Math.PI), 4.3 * Math.sin((i / 24) * 2 * Math.PI)]);
  await stroke(ring);
  await page.click('#draw-classes label:nth-child(2)');
  await stroke(Array.from({ length: 9 }, (_, i) => [-2 + i * 0.5, -1 - 1.2 * Math.sin((i / 8) * Math.PI)]));
  for (const [x1, x2] of [
    [-1.3, 1.5],
    [1.3, 1.5],
    [-1.5, 1.7],
    [1.5, 1.7],
  ])
    await page.mouse.click(...at(x1, x2));
  await page.evaluate(async () => {
    window.playground.setView({ epochsPerFrame: 10 });
    for (let i = 0; i < 40; i++) await window.playground.step();
    window.playground.setView({ epochsPerFrame: 1 });
  });
  await page.mouse.move(1, 1);
  await shoot(page, 'drawing', ['.heatmap-area', '#point-editor']);
  if (page.problems.length) throw new Error(page.problems.join('\n'));
  await page.context().close();
}

/**
 * Dropout: xor with a 6-4 network, dropout 0.5 in both hidden layers, one batch of all the
 * training points; after some training, with the inspector open, one more step, so the
 * diagram strikes through what the last batch dropped for the inspector's training point
 * and the inspector shows that neuron's mask.
 */
async function takeDropout(session) {
  mkdirSync(TOUR, { recursive: true });
  const page = await openPlayground(
    session,
    `${session.url}#dataset=xor&hidden=6,4&dropout=0.5,0.5&batchSize=250&learningRate=0.1&seed=1&dataSeed=1`,
    TOUR_WINDOW,
  );
  await page.evaluate(async () => {
    const playground = window.playground;
    playground.setView({ epochsPerFrame: 10 });
    for (let i = 0; i < 30; i++) await playground.step();
    playground.setView({ epochsPerFrame: 1 });
  });
  // The inspector on the first neuron: the diagram then marks what training point 0 lost.
  await page.click('.thumb[data-node="2"]');
  await page.waitForSelector('#inspector:not([hidden])');
  await page.evaluate(() => window.playground.step());
  await page.mouse.move(1, 1);
  await shoot(page, 'dropout', ['#layer-controls', '.diagram-area', '#inspector']);
  if (page.problems.length) throw new Error(page.problems.join('\n'));
  await page.context().close();
}

/** The layer views: circle learned by a 2-4-2-1 tanh network, its histograms and what its second layer sees. */
async function takeLayerViews(session) {
  mkdirSync(TOUR, { recursive: true });
  const page = await openPlayground(session, `${session.url}#dataset=circle&noise=5&hidden=4,2&seed=1&dataSeed=1`, TOUR_WINDOW);
  await page.evaluate(async () => {
    window.playground.setView({ epochsPerFrame: 10 });
    for (let i = 0; i < 30; i++) await window.playground.step();
    window.playground.setView({ epochsPerFrame: 1 });
  });
  await page.mouse.move(1, 1);
  await shoot(page, 'layer-histograms', ['.layer-histograms-area']);
  await page.click('#layer-sees');
  await page.waitForSelector('#layer-sees-panel:not([hidden])');
  await page.locator('#layer-sees-panel').scrollIntoViewIfNeeded();
  await page.mouse.move(1, 1);
  await shoot(page, 'layer-sees', ['#layer-sees-panel']);
  if (page.problems.length) throw new Error(page.problems.join('\n'));
  await page.context().close();
}

/**
 * Two runs compared (docs/what-you-see/compare.png): xor trained 30 epochs, then Compare,
 * B's learning rate set to 0.3 through its control, and both raced 60 epochs more.
 */
async function takeCompare(session) {
  const page = await openPlayground(session, `${session.url}#dataset=xor&noise=10&hidden=4,2&seed=1&dataSeed=1`, TOUR_WINDOW);
  await page.evaluate(async () => {
    for (let i = 0; i < 30; i++) await window.playground.step();
  });
  await page.click('#compare');
  await page.waitForFunction(() => document.querySelector('greymatter-compare')?.b.state?.epoch === 30);
  await page.selectOption('greymatter-compare .run-b #learning-rate', '0.3');
  await page.evaluate(async () => {
    const compare = document.querySelector('greymatter-compare');
    for (let i = 0; i < 60; i++) await compare.step();
  });
  await page.mouse.move(1, 1);
  await shoot(page, 'compare', ['greymatter-compare .compare-bar', 'greymatter-compare .runs']);
  if (page.problems.length) throw new Error(page.problems.join('\n'));
  await page.context().close();
}

/**
 * Formulas (docs/what-you-see/formulas.png): the formula dataset x2 − 3·sin(x1), a
 * formula input sin(x1) − x2/3 beside x1 and x2, a 4-2 network fitting the wave.
 */
async function takeFormulas(session) {
  mkdirSync(TOUR, { recursive: true });
  const page = await openPlayground(session, `${session.url}#dataset=xor&hidden=4,2&seed=1&dataSeed=1`, TOUR_WINDOW);
  await page.click('#dataset-formula');
  await page.fill('#formula-dataset-text', 'x2 - 3*sin(x1)');
  await page.click('#use-formula-dataset');
  await page.fill('#formula-input', 'sin(x1)');
  await page.click('#add-formula');
  await page.waitForFunction(() => window.playground.config.customFeatures.length === 1);
  await page.evaluate(async () => {
    window.playground.setView({ epochsPerFrame: 10 });
    for (let i = 0; i < 30; i++) await window.playground.step();
    window.playground.setView({ epochsPerFrame: 1 });
  });
  await page.fill('#formula-input', 'sinn(x2)');
  await page.click('#add-formula');
  await page.mouse.move(1, 1);
  await shoot(page, 'formulas', ['#formula-dataset-form', '.formula-form', '.diagram-area', '.heatmap-area']);
  if (page.problems.length) throw new Error(page.problems.join('\n'));
  await page.context().close();
}

/** "Export as code" (docs/what-you-see/export-code.png): the panel with a NumPy script. */
async function takeExportCode(session) {
  mkdirSync(TOUR, { recursive: true });
  const page = await openPlayground(session, `${session.url}#dataset=xor&hidden=4,2&optimizer=adam&seed=1&dataSeed=1`, TOUR_WINDOW);
  await page.evaluate(async () => {
    window.playground.setView({ epochsPerFrame: 10 });
    for (let i = 0; i < 5; i++) await window.playground.step();
  });
  await page.click('#export-code');
  await page.waitForFunction(() => document.querySelector('greymatter-playground').shadowRoot.getElementById('export-code-note').textContent !== '');
  await page.mouse.move(1, 1);
  await shoot(page, 'export-code', ['[data-control="modelFile"]']);
  if (page.problems.length) throw new Error(page.problems.join('\n'));
  await page.context().close();
}

const mode = process.argv[2];
const session = await startSession();
try {
  if (!mode || mode === 'tour') await takeTour(session);
  if (!mode || mode === 'tour' || mode === 'classes') await takeClasses(session);
  if (!mode || mode === 'tour' || mode === 'divergence') await takeDivergence(session);
  if (!mode || mode === 'tutorial') await takeTutorial(session);
  if (!mode || mode === 'embeds') await takeEmbeds(session);
  if (!mode || mode === 'tour' || mode === 'drawing') await takeDrawing(session);
  if (!mode || mode === 'tour' || mode === 'dropout') await takeDropout(session);
  if (!mode || mode === 'tour' || mode === 'layer-views') await takeLayerViews(session);
  if (!mode || mode === 'tour' || mode === 'compare') await takeCompare(session);
  if (!mode || mode === 'tour' || mode === 'export') await takeExportCode(session);
  if (!mode || mode === 'tour' || mode === 'formulas') await takeFormulas(session);
  if (!mode) {
    const start = await openPlayground(session, session.url, WINDOW);
    await start.screenshot({ path: path.join(DOCS, 'screenshot.png') });

    const spiral = await openPlayground(session, session.url + SPIRAL, WINDOW);
    // Train until the test points are learned well (or give up after 3000 epochs).
    const state = await spiral.evaluate(async () => {
      const playground = window.playground;
      playground.play();
      await new Promise((resolve) => {
        const check = () => {
          const { epoch, testMetric } = playground.state;
          if ((epoch >= 400 && testMetric >= 0.97) || epoch >= 3000) resolve();
          else setTimeout(check, 200);
        };
        check();
      });
      playground.pause();
      await playground.step();
      return playground.state;
    });
    await spiral.screenshot({ path: path.join(DOCS, 'spiral-6-layers.png') });
    console.log(`spiral: epoch ${state.epoch}, test accuracy ${(state.testMetric * 100).toFixed(1)}%`);
  }
} finally {
  await session.close();
}
