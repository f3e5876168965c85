// Values no file could hold, handed to the scripting API: arrays nested 10,000 deep, a
// cycle, a throwing getter, a Proxy. Each is refused with a message naming it, and the
// playground goes on working with the same network. And memory across crashes: a page
// whose core crashed 20 times holds no more wasm memories than after one crash.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openOncePerSuite, openPlayground, stepEpochs, startSession } from './helpers.mjs';

/** Runs the hostile call `name` in the page (the values are built there); the message it threw, or null. */
const refusal = (page, name) =>
  page.evaluate(async (which) => {
    const playground = window.playground;
    const deep = (depth) => {
      let value = [0.5];
      for (let i = 0; i < depth; i++) value = [value];
      return value;
    };
    const calls = {
      deepModel: () => playground.importModel({ ...playground.exportModel(), layers: [{ weights: deep(10_000), biases: [0] }] }),
      cyclicHidden: () => {
        const hidden = [3];
        hidden.push(hidden);
        return playground.setConfig({ hidden });
      },
      throwingGetter: () =>
        playground.setConfig({
          get learningRate() {
            throw new Error('no rate for you');
          },
        }),
      proxy: () =>
        playground.setConfig(
          new Proxy(
            { learningRate: 0.5 },
            {
              ownKeys() {
                throw new TypeError('no keys');
              },
            },
          ),
        ),
      lyingProxy: () => playground.setConfig({ features: new Proxy(['x1'], { get: (target, key) => (key === 'length' ? 1e9 : target[key]) }) }),
      deepLesson: () => playground.openLesson({ ...playground.saveLesson(), history: deep(10_000) }),
      deepLessonInModel: () => {
        const lesson = playground.saveLesson();
        return playground.openLesson({ ...lesson, model: { ...lesson.model, layers: [{ weights: deep(10_000) }] } });
      },
      classNamesProxy: () =>
        playground.setData({
          train: [[1, 1, 1]],
          test: [[-1, -1, -1]],
          classNames: new Proxy([], {
            get() {
              throw new Error('names');
            },
          }),
        }),
    };
    try {
      await calls[which]();
      return null;
    } catch (error) {
      return error.message;
    }
  }, name);

describe('hostile values from a script', () => {
  let page;
  openOncePerSuite((opened) => ({ page } = opened));

  const cases = [
    ['a 10,000-deep importModel object', 'deepModel', /the model file: .*nested too deeply/],
    ['setConfig with a cyclic array', 'cyclicHidden', /hidden\[1\] refers back to hidden \(a cycle\)/],
    ['setConfig with a throwing getter', 'throwingGetter', /reading learningRate threw "no rate for you"/],
    ['setConfig with a Proxy whose trap throws', 'proxy', /listing the keys of .* threw "no keys"/],
    ['setConfig with a Proxy that lies about its length', 'lyingProxy', /more than 10,000 values/],
    ['openLesson with a deep history', 'deepLesson', /nested too deeply/],
    ['openLesson with a deep model', 'deepLessonInModel', /nested too deeply/],
    ['setData with class names behind a Proxy', 'classNamesProxy', /names|classNames/],
  ];

  for (const [title, name, pattern] of cases) {
    it(`refuses ${title}, and everything works after it with the same network`, async () => {
      await stepEpochs(page, 3);
      const before = await page.evaluate(() => ({ model: window.playground.exportModel(), config: window.playground.config }));
      const message = await refusal(page, name);
      assert.match(message ?? 'nothing thrown', pattern);
      assert.match(await page.textContent('#message'), pattern);
      assert.doesNotMatch(await page.textContent('#message'), /core stopped/);
      const after = await page.evaluate(() => ({ model: window.playground.exportModel(), config: window.playground.config }));
      assert.deepEqual(after, before);

      const state = await stepEpochs(page, 2);
      assert.ok(Number.isFinite(state.trainLoss));
      const outcome = await page
        .evaluate(() => {
          const result = window.playground.setConfig({ learningRate: 0.05 });
          window.playground.setConfig({ learningRate: 0.03 });
          return result;
        })
        .catch((error) => error.message);
      assert.equal(outcome, 'kept');
      await page.evaluate(() => window.playground.play());
      const epoch = (await page.evaluate(() => window.playground.state)).epoch;
      await page.waitForFunction((n) => window.playground.state.epoch >= n + 3, epoch);
      await page.evaluate(() => window.playground.pause());
      assert.ok((await page.evaluate(() => window.playground.exportModel())).layers.length > 0);
      assert.deepEqual(page.problems, []);
    });
  }
});

describe('memory across crashes', () => {
  it('keeps at most two wasm memories alive after 20 crashes, and the heap near what it was after one', async () => {
    const session = await startSession();
    try {
      const page = await openPlayground(session);
      const cdp = await page.context().newCDPSession(page);
      const measure = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        const { result: prototype } = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
        const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype.objectId });
        const { result } = await cdp.send('Runtime.callFunctionOn', {
          objectId: objects.objectId,
          functionDeclaration: 'function () { return this.length; }',
          returnByValue: true,
        });
        await cdp.send('Performance.enable');
        const { metrics } = await cdp.send('Performance.getMetrics');
        return { memories: result.value, heap: metrics.find((metric) => metric.name === 'JSHeapUsedSize').value };
      };
      await stepEpochs(page, 3);
      await page.evaluate(() => window.playground._panicForTesting('crash 1'));
      const once = await measure();
      for (let i = 2; i <= 20; i++) await page.evaluate((n) => window.playground._panicForTesting(`crash ${n}`), i);
      const twenty = await measure();
      assert.ok(twenty.memories <= 2, `${twenty.memories} wasm memories alive after 20 crashes (${once.memories} after one)`);
      assert.ok(twenty.heap - once.heap < 4 * 1024 * 1024, `the JS heap grew from ${once.heap} to ${twenty.heap} bytes`);
      const state = await stepEpochs(page, 2);
      assert.ok(Number.isFinite(state.trainLoss));
      assert.deepEqual(page.problems, []);
    } finally {
      await session.close();
    }
  });
});
