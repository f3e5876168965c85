// The engine that owns a playground's wasm instance (www/js/core/engine.js), on the
// real core in Node: a JavaScript exception that unwinds through a wasm call (a
// throwing getter, a stack overflow) leaves the handle borrowed, so the engine
// restarts it from the last good network, as after a crash; a refusal of the core
// stays a refusal; a restart reuses the playground's glue module. And the glue that
// wasm-bindgen wrote (www/pkg/greymatter.js) is one `releasableGlue` can add
// `releaseInstance` to: it rewrites the glue by patterns, and a wasm-bindgen that
// writes other state variables would otherwise go unnoticed.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Engine, CoreCrash, releasableGlue } from '../../www/js/core/engine.js';

const pkg = new URL('../../www/pkg/', import.meta.url);
const compiled = new WebAssembly.Module(readFileSync(new URL('greymatter_bg.wasm', pkg)));
const glueText = readFileSync(new URL('greymatter.js', pkg), 'utf8');
const source = releasableGlue(glueText);
let glues = 0;

/** Instantiates the core as the page does, from a glue module of the engine's own. */
async function instantiate(previous) {
  let glue = previous;
  if (typeof glue?.releaseInstance === 'function') glue.releaseInstance();
  else glue = await import(`data:text/javascript,${encodeURIComponent(`${source}\n// ${glues++}`)}`);
  const exports = glue.initSync({ module: compiled });
  return { glue, memory: exports.memory };
}

/** An engine with a trained playground whose last good network is remembered. */
async function trainedEngine() {
  const restarts = [];
  const engine = new Engine({ onRestart: (info) => restarts.push(info) }, instantiate);
  await engine.load();
  engine.create({ hidden: [3], seed: 7 });
  engine.call((p) => p.train(5));
  engine.rememberConfig(engine.call((p) => p.config()));
  engine.snapshot(5);
  return { engine, restarts, weights: Array.from(engine.call((p) => p.parameters())) };
}

/** Runs `work` on the engine, expects a CoreCrash and waits for the restart. */
async function expectRestart(engine, work, pattern) {
  let crash;
  try {
    engine.call(work);
  } catch (error) {
    crash = error;
  }
  assert.ok(crash instanceof CoreCrash, `expected a CoreCrash, got ${crash}`);
  assert.match(crash.message, pattern);
  await crash.restarted;
}

describe('the engine after a JavaScript exception inside a core call', () => {
  it('restarts from the last good network after a getter threw inside setConfig', async () => {
    const { engine, restarts, weights } = await trainedEngine();
    const patch = {
      get learningRate() {
        throw new Error('boom');
      },
    };
    await expectRestart(engine, (p) => p.setConfig(patch), /unusable \(boom\)/);
    assert.equal(restarts.length, 1);
    assert.equal(restarts[0].restored, true);
    assert.equal(
      engine.call((p) => p.setConfig({ learningRate: 0.1 })),
      'kept',
    );
    assert.deepEqual(Array.from(engine.call((p) => p.parameters())), weights);
    assert.equal(
      engine.call((p) => p.train(2)),
      2,
    );
    assert.equal(engine.call((p) => p.config()).hidden.join(), '3');
  });

  it('puts the epoch back with the weights, so the rebuilt core counts on from it and stops at the limit', async () => {
    const { engine } = await trainedEngine();
    const { maxEpoch } = engine.glue.configSchema().limits;
    engine.snapshot(maxEpoch - 1);
    await expectRestart(
      engine,
      (p) =>
        p.setConfig({
          get seed() {
            throw new Error('boom');
          },
        }),
      /unusable \(boom\)/,
    );
    assert.equal(
      engine.call((p) => p.epoch),
      maxEpoch - 1,
    );
    assert.equal(
      engine.call((p) => p.train(5)),
      1,
    );
    assert.equal(
      engine.call((p) => p.epoch),
      maxEpoch,
    );
    assert.match(
      engine.call((p) => p.stopReason),
      /the most epochs greymatter counts/,
    );
  });

  it('restarts after a stack overflow inside importModel', async () => {
    const { engine, weights } = await trainedEngine();
    let deep = [1];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const model = { ...engine.call((p) => p.exportModel()) };
    model.layers = [{ weights: deep }];
    await expectRestart(engine, (p) => p.importModel(model), /RangeError|unusable/);
    assert.deepEqual(Array.from(engine.call((p) => p.parameters())), weights);
    assert.ok(engine.call((p) => p.exportModel()).layers.length > 0);
  });

  it('keeps the handle after a plain refusal of the core', async () => {
    const { engine, restarts } = await trainedEngine();
    const { handle } = engine;
    assert.throws(
      () => engine.call((p) => p.setConfig({ learningRate: -1 })),
      (error) => {
        assert.ok(!(error instanceof CoreCrash));
        assert.match(error.message, /learningRate/);
        return true;
      },
    );
    assert.equal(engine.handle, handle);
    assert.equal(engine.restarting, null);
    assert.equal(restarts.length, 0);
    assert.equal(
      engine.call((p) => p.setConfig({ learningRate: 0.1 })),
      'kept',
    );
  });

  it('keeps the handle after an error of the JavaScript around a call, and restarts after a thrown non-Error', async () => {
    const { engine, restarts } = await trainedEngine();
    const { handle } = engine;
    assert.throws(() => engine.call((p) => p.inspectSample(0, 'train').layers[99].z), TypeError);
    assert.equal(engine.handle, handle);
    assert.equal(restarts.length, 0);
    const patch = {
      get seed() {
        throw 5;
      },
    };
    await expectRestart(engine, (p) => p.setConfig(patch), /unusable \(5\)/);
    assert.equal(
      engine.call((p) => p.train(1)),
      1,
    );
  });

  it('reuses the glue module and lets go of the crashed memory', async () => {
    const { engine } = await trainedEngine();
    const { glue, memory } = engine;
    await expectRestart(engine, (_, core) => core.panicForTesting('test'), /test/);
    assert.equal(engine.glue, glue);
    assert.notEqual(engine.memory, memory);
    assert.equal(
      engine.call((p) => p.train(1)),
      1,
    );
  });
});

describe('the engine when the core runs out of memory', () => {
  it('says so (an allocation failure aborts without a panic) and restarts from the last good network', async () => {
    const { engine, restarts, weights } = await trainedEngine();
    // Leave the instance 4 MB short of wasm32's 4 GB: pages not touched cost nothing.
    const pages = engine.memory.buffer.byteLength / 65536;
    engine.memory.grow(65536 - pages - 64);
    await expectRestart(engine, (p) => p.predict(new Float32Array(2 * 2_000_000)), /core stopped: it ran out of memory with 4,09\d MB in use/);
    assert.equal(restarts.length, 1);
    assert.equal(restarts[0].restored, true);
    assert.deepEqual(Array.from(engine.call((p) => p.parameters())), weights);
    assert.ok(engine.memory.buffer.byteLength < 64 * 2 ** 20, 'the fresh instance starts small again');
  });
});

describe('releaseInstance added to the glue wasm-bindgen wrote (www/pkg/greymatter.js)', () => {
  const WHY =
    'releasableGlue (www/js/core/engine.js) rewrites the wasm-bindgen glue by patterns, '
    + 'which a wasm-bindgen update (Cargo.lock) can stop matching: make them match this glue';
  const NO_RELEASE = `${WHY}, or every restart after a crash imports a new glue module and keeps the crashed memory`;

  it('adds releaseInstance, and it forgets the instance so the same glue instantiates again', async () => {
    assert.notEqual(source, glueText, `releasableGlue returned www/pkg/greymatter.js unchanged. ${NO_RELEASE}`);
    assert.match(source, /^export function releaseInstance\(\) \{/m, `no releaseInstance in the rewritten glue. ${NO_RELEASE}`);
    const glue = await import(`data:text/javascript,${encodeURIComponent(`${source}\n// release test`)}`);
    const first = glue.initSync({ module: compiled });
    assert.equal(glue.initSync({ module: compiled }), first, 'without a release the glue keeps its instance');
    glue.releaseInstance();
    const second = glue.initSync({ module: compiled });
    assert.notEqual(second.memory, first.memory, `after releaseInstance the glue still holds the old instance. ${NO_RELEASE}`);
  });

  it('resets every variable the glue sets when it takes an instance (its cached views of memory among them)', () => {
    const body = /^function __wbg_finalize_init\(instance, module\) \{\n([\s\S]*?)^\}/m.exec(glueText)?.[1];
    assert.ok(body, `the glue has no __wbg_finalize_init(instance, module) to read its state from. ${WHY}`);
    const state = [...body.matchAll(/^\s*(\w+) = /gm)].map((match) => match[1]);
    assert.ok(state.includes('wasm'), `__wbg_finalize_init sets no \`wasm\` (it sets ${state.join(', ')}). ${WHY}`);
    const release = /^export function releaseInstance\(\) \{(.*)\}$/m.exec(source)?.[1] ?? '';
    const missed = state.filter((name) => !release.includes(` ${name} = `));
    assert.deepEqual(
      missed,
      [],
      `releaseInstance does not reset ${missed.join(', ')}, which the glue sets for each instance: the released glue would keep a hold on the crashed one. ${WHY}`,
    );
  });
});
