// The soak run's actions: what a person or a script does to a playing playground, each
// a function of (page, random) that resolves once done and throws when the page did not
// do what it should. Every call here is a valid one: a refusal is a failure.

export const ALL_FEATURES = ['x1', 'x2', 'x1Squared', 'x2Squared', 'x1x2', 'sinX1', 'sinX2'];
/** The largest network the page allows in that shape: 10 layers of 32, 9,472 weights of the 10,000. */
export const LARGEST = Array(10).fill(32);
const MAX_WEIGHTS = 10_000;
/** Where the run starts and ends its measures: the largest network on the default data, default training. */
export const HOME = {
  dataset: 'circle',
  problem: 'classification',
  classes: 2,
  loss: 'squared',
  hidden: LARGEST,
  layerActivations: [],
  optimizer: 'sgd',
  batchSize: 10,
  learningRate: 0.03,
};

const pick = (random, list) => list[Math.floor(random() * list.length)];
const whole = (random, low, high) => low + Math.floor(random() * (high - low + 1));

/** Weights (not biases) of a network with `features` inputs, `hidden` layers and one output. */
export function weightCount(features, hidden) {
  const sizes = [features, ...hidden, 1];
  return sizes.slice(1).reduce((sum, size, i) => sum + size * sizes[i], 0);
}

/** A random hidden shape within the core's limits (0–10 layers of 1–64 neurons, at most 10,000 weights). */
function randomHidden(random) {
  for (;;) {
    const hidden = Array.from({ length: whole(random, 0, 10) }, () => whole(random, 1, 64));
    if (weightCount(ALL_FEATURES.length, hidden) <= MAX_WEIGHTS) return hidden;
  }
}

/** `count` own points in [−6, 6]², labelled ±1 by which side of a random line they fall. */
function ownPoints(random, count) {
  const angle = random() * Math.PI * 2;
  return Array.from({ length: count }, () => {
    const x1 = Math.round((random() * 12 - 6) * 1000) / 1000;
    const x2 = Math.round((random() * 12 - 6) * 1000) / 1000;
    return [x1, x2, Math.cos(angle) * x1 + Math.sin(angle) * x2 >= 0 ? 1 : -1];
  });
}

const call = (page, body, argument) => page.evaluate(body, argument);
const check = (ok, what) => {
  if (!ok) throw new Error(what);
};
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** Settings a person changes while it plays (never the features: the network stays the widest). */
function configPatch(random) {
  switch (whole(random, 0, 6)) {
    case 0:
      return { learningRate: pick(random, [0.001, 0.003, 0.01, 0.03, 0.1]) };
    case 1:
      return { activation: pick(random, ['relu', 'tanh', 'sigmoid', 'linear', 'leakyRelu', 'elu', 'swish', 'gelu', 'softplus', 'mish', 'sine']) };
    case 2:
      return { optimizer: pick(random, ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam']) };
    case 3:
      return { batchSize: pick(random, [1, 5, 10, 30, 100, 500]) };
    case 4: {
      const dataset = pick(random, ['circle', 'xor', 'gauss', 'spiral', 'plane', 'multigauss']);
      const regression = dataset === 'plane' || dataset === 'multigauss';
      return { dataset, problem: regression ? 'regression' : 'classification', classes: 2, loss: 'squared' };
    }
    case 5:
      return { noise: whole(random, 0, 50) };
    default:
      return { hidden: randomHidden(random), layerActivations: [] };
  }
}

/** The actions by name. Each resolves to a short note of what it did. */
export const ACTIONS = {
  async setConfig(page, random) {
    const patch = configPatch(random);
    const outcome = await call(page, (p) => window.playground.setConfig(p), patch);
    const after = await call(page, () => window.playground.config);
    for (const [key, value] of Object.entries(patch))
      check(same(after[key], value), `setConfig ${JSON.stringify(patch)}: ${key} is ${JSON.stringify(after[key])}`);
    if (!patch.hidden) return `${Object.keys(patch).join('+')} → ${outcome}`;
    // Another network for a few seconds, playing, then back to the largest.
    await call(page, () => window.playground.play());
    await new Promise((resolve) => setTimeout(resolve, 1000 + random() * 3000));
    const back = await call(page, (hidden) => window.playground.setConfig({ hidden, layerActivations: [] }), LARGEST);
    return `hidden ${patch.hidden.join(',') || 'none'} → ${outcome}, back to the largest → ${back}`;
  },

  async modelRoundTrip(page) {
    const result = await call(page, () => {
      const p = window.playground;
      p.pause();
      const model = p.exportModel();
      p.importModel(JSON.stringify(model));
      return { same: JSON.stringify(p.exportModel()) === JSON.stringify(model), layers: model.layers.length };
    });
    check(result.same, 'importModel(exportModel()) changed the network');
    return `${result.layers} layers`;
  },

  async importCsv(page, random) {
    const rows = ownPoints(random, whole(random, 50, 1000));
    const text = `x1,x2,label\n${rows.map((r) => r.join(',')).join('\n')}\n`;
    await call(page, (t) => window.playground.importCsv(t), text);
    const data = await call(page, () => window.playground.getData());
    check(data.train.length + data.test.length === rows.length, `importCsv of ${rows.length} points kept ${data.train.length + data.test.length}`);
    return `${rows.length} points`;
  },

  async setData(page, random) {
    const rows = ownPoints(random, whole(random, 50, 5000));
    const outcome = await call(page, (r) => window.playground.setData(r), rows);
    return `${rows.length} points → ${outcome}`;
  },

  async lessonRoundTrip(page) {
    const result = await call(page, () => {
      const p = window.playground;
      p.pause();
      const model = JSON.stringify(p.exportModel());
      const lesson = p.saveLesson();
      try {
        p.openLesson(JSON.stringify(lesson));
      } catch (error) {
        // Which numbers JSON could not carry (NaN and ±Infinity become null).
        const odd = [];
        const walk = (value, path) => {
          if (typeof value === 'number' && !Number.isFinite(value)) odd.push(`${path} = ${value}`);
          else if (value && typeof value === 'object') for (const [key, v] of Object.entries(value)) walk(v, `${path}.${key}`);
        };
        walk(lesson, 'lesson');
        throw new Error(`${error.message.split('\n')[0]}; not finite: ${odd.length} (${odd.slice(0, 5).join(', ')})`);
      }
      return { epoch: lesson.epoch, now: p.state.epoch, same: JSON.stringify(p.exportModel()) === model };
    });
    check(result.now === result.epoch, `openLesson(saveLesson()) went from epoch ${result.epoch} to ${result.now}`);
    check(result.same, 'openLesson(saveLesson()) changed the network');
    return `epoch ${result.epoch}`;
  },

  async crash(page) {
    const before = await call(page, () => ({ epoch: window.playground.state.epoch, config: window.playground.config }));
    await call(page, () => window.playground._panicForTesting('soak'));
    const after = await call(page, () => ({ epoch: window.playground.state.epoch, config: window.playground.config }));
    check(same(after.config, before.config), 'the config changed across a crash');
    check(after.epoch >= before.epoch, `the epoch went back from ${before.epoch} to ${after.epoch} across a crash`);
    return `at epoch ${before.epoch}`;
  },

  async reload(page) {
    await call(page, () => window.playground.pause());
    const before = await call(page, () => ({ config: window.playground.config, model: window.playground.exportModel(), epoch: window.playground.state.epoch }));
    await waitForSaved(page, before.epoch);
    await page.reload();
    await page.waitForFunction(() => window.playground !== undefined);
    await call(page, () => window.playground.ready);
    const after = await call(page, () => ({ config: window.playground.config, model: window.playground.exportModel(), epoch: window.playground.state.epoch }));
    check(same(after.config, before.config), 'the config did not come back after a reload');
    check(same(after.model, before.model), 'the network did not come back after a reload');
    check(after.epoch === before.epoch, `the epoch came back as ${after.epoch}, not ${before.epoch}`);
    return `epoch ${before.epoch}`;
  },

  async step(page, random) {
    const count = whole(random, 1, 5);
    const { epochs, state } = await call(
      page,
      async (n) => {
        const start = window.playground.state.epoch;
        for (let i = 0; i < n; i++) await window.playground.step();
        const now = window.playground.state;
        return { epochs: now.epoch - start, state: now };
      },
      count,
    );
    // A run that diverged or met a stop condition trains no more until something changes.
    const stopped = state.divergence || state.stopReason;
    check(epochs >= count || stopped, `${count} steps trained ${epochs} epochs (${JSON.stringify(state)})`);
    return `${count} steps${stopped ? ` (stopped: ${stopped})` : ''}`;
  },

  async showNode(page, random) {
    const nodes = await call(page, () => {
      const c = window.playground.config;
      return c.features.length + c.hidden.reduce((sum, n) => sum + n, 0) + 1;
    });
    const node = random() < 0.2 ? null : whole(random, 0, nodes - 1);
    await call(page, (n) => window.playground.showNode(n), node);
    return `node ${node}`;
  },

  async predict(page, random) {
    const points = Array.from({ length: whole(random, 1000, 5000) }, () => [random() * 12 - 6, random() * 12 - 6]);
    const outputs = await call(page, (list) => window.playground.predict(list), points);
    check(outputs.length === points.length, `predict of ${points.length} points gave ${outputs.length}`);
    check(outputs.flat().every(Number.isFinite), 'predict gave a value that is not finite');
    return `${points.length} points`;
  },
};

/** How often each action comes up, relative to the others. */
export const WEIGHTS = {
  setConfig: 8,
  modelRoundTrip: 2,
  importCsv: 1,
  setData: 1,
  lessonRoundTrip: 2,
  crash: 1,
  reload: 1,
  step: 2,
  showNode: 2,
  predict: 2,
};

/** Picks an action name at random, by WEIGHTS. */
export function pickAction(random) {
  const total = Object.values(WEIGHTS).reduce((sum, w) => sum + w, 0);
  let at = random() * total;
  for (const [name, weight] of Object.entries(WEIGHTS)) {
    at -= weight;
    if (at < 0) return name;
  }
  return 'setConfig';
}

/** Waits until the kept session (IndexedDB `greymatter`, key `page`) is the one of `epoch`. */
async function waitForSaved(page, epoch) {
  const until = Date.now() + 30_000;
  for (;;) {
    const saved = await call(
      page,
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('greymatter', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('sessions');
          open.onerror = () => resolve(null);
          open.onsuccess = () => {
            const request = open.result.transaction('sessions').objectStore('sessions').get('page');
            request.onsuccess = () => {
              open.result.close();
              resolve(request.result ? request.result.lesson.epoch : null);
            };
            request.onerror = () => {
              open.result.close();
              resolve(null);
            };
          };
        }),
    );
    if (saved === epoch) return;
    if (Date.now() > until) throw new Error(`no session saved for epoch ${epoch} within 30 s (saved: ${saved})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
