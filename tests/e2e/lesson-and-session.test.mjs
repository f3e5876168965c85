// Lesson files and the kept session: "Save lesson" downloads the whole run and it
// opens again — through "Open lesson", by dropping the file, from `src=` on a host
// page — with the same predictions, epoch, own points and loss history; refused files
// change nothing. The full page keeps its session across a reload (mid-training), a
// different link wins over it, "Start fresh" replaces it (and can be undone), and
// `persist="off"` and plain embeds keep nothing.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startSession, openPage, openPlayground, stepEpochs } from './helpers.mjs';
import { keptRuns, keptKeys, waitForKept } from './kept-records.mjs';

const PROBE = [
  [0, 0],
  [3, -1],
  [-2, 4],
  [5.5, 5.5],
  [-1, -1],
];
const predict = (page) => page.evaluate((probe) => window.playground.predict(probe), PROBE);
const OWN = {
  train: [
    [-3, -3, 0],
    [-2.5, -3.5, 0],
    [-3.5, -2, 0],
    [3, 3, 1],
    [2.5, 3.5, 1],
    [3.5, 2, 1],
    [-2, -4, 0],
    [4, 2.5, 1],
  ],
  test: [
    [-3, -2.5, 0],
    [3, 2.5, 1],
  ],
};

/** What a run is, as a test compares it. */
async function runOf(page) {
  return page.evaluate(async (probe) => {
    const p = window.playground;
    const lesson = p.saveLesson();
    return {
      predict: p.predict(probe),
      epoch: p.state.epoch,
      data: p.getData(),
      config: p.config,
      history: lesson.history.length,
      model: p.exportModel(),
      shownEpoch: document.querySelector('greymatter-playground').shadowRoot.getElementById('epoch').textContent,
    };
  }, PROBE);
}

const messageOf = (page) =>
  page.evaluate(() => {
    const message = document.querySelector('greymatter-playground').shadowRoot.getElementById('message');
    return message.hidden ? '' : message.textContent;
  });

/** The keys greymatter's session store keeps something under in this page's origin. */
const savedKeys = keptKeys;

/** The epoch of the latest run kept under `key`, or null when there is none. */
async function savedEpoch(page, key) {
  const runs = await keptRuns(page, key);
  const latest = runs.filter((run) => run.savedAt).sort((a, b) => b.savedAt.localeCompare(a.savedAt))[0];
  return latest ? latest.epoch : null;
}

/** Waits until the session store holds a run under `key` for epoch `epoch` (or any, when undefined). */
const waitForSaved = (page, key, epoch) => waitForKept(page, key, (run) => epoch === undefined || run.epoch === epoch, `epoch ${epoch}`);

/** Reloads the full page and waits until it is ready again. */
async function reloadPlayground(page) {
  await page.reload();
  await page.waitForFunction(() => window.playground !== undefined);
  await page.evaluate(() => window.playground.ready);
}

/** Drops a file with `text` onto the element, as a person dragging it from the desktop. */
const dropText = (page, text, name = 'dropped.greymatter.json') =>
  page.evaluate(
    ([body, fileName]) => {
      const element = document.querySelector('greymatter-playground');
      const transfer = new DataTransfer();
      transfer.items.add(new File([body], fileName, { type: 'application/json' }));
      element.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true, composed: true }));
      element.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true, composed: true }));
    },
    [text, name],
  );

describe('lesson files', () => {
  let session;
  let page;
  let file;
  let saved;
  before(async () => {
    session = await startSession();
    page = await openPlayground(session, `${session.url}#dataset=own&hidden=3&learningRate=0.1`);
  });
  after(async () => session?.close());

  it('Save lesson downloads the whole run after training on own points', async () => {
    await page.evaluate((data) => window.playground.setData(data), OWN);
    await stepEpochs(page, 12);
    await page.evaluate(() => window.playground.setView({ discretize: true }));
    saved = await runOf(page);
    assert.equal(saved.epoch, 12);
    assert.ok(saved.history >= 2, `history rows: ${saved.history}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-lesson')]);
    assert.equal(download.suggestedFilename(), 'greymatter-lesson.greymatter.json');
    file = await download.path();
    const lesson = JSON.parse(await readFile(file, 'utf8'));
    assert.equal(lesson.format, 'greymatter-lesson');
    assert.equal(lesson.version, 1);
    assert.equal(lesson.epoch, 12);
    assert.equal(lesson.model.format, 'greymatter-model');
    assert.equal(lesson.view.discretize, true);
    assert.deepEqual(lesson.data.train.length, OWN.train.length);
  });

  it('Open lesson in a fresh page brings back the same run', async () => {
    const other = await openPlayground(session);
    await other.setInputFiles('#open-lesson', file);
    await other.waitForFunction(() => window.playground.state.epoch === 12);
    const opened = await runOf(other);
    assert.deepEqual(opened.predict, saved.predict);
    assert.deepEqual(opened.data, saved.data);
    assert.equal(opened.history, saved.history);
    assert.equal(opened.shownEpoch, '12');
    assert.deepEqual(opened.config, saved.config);
    assert.equal((await other.evaluate(() => window.playground.view)).discretize, true);
    assert.match(other.url(), /dataset=own/);
    // Training goes on from there, exactly as in the page that saved it.
    const [here, there] = [await stepEpochs(page, 3), await stepEpochs(other, 3)];
    assert.equal(there.epoch, 15);
    assert.equal(there.trainLoss, here.trainLoss);
    assert.deepEqual(other.problems, []);
    await other.context().close();
  });

  it('a lesson file dropped onto the element opens, and so does a model file', async () => {
    const other = await openPlayground(session);
    await dropText(other, await readFile(file, 'utf8'));
    await other.waitForFunction(() => window.playground.state.epoch === 12);
    const opened = await runOf(other);
    assert.deepEqual(opened.predict, saved.predict);
    assert.deepEqual(opened.data, saved.data);
    assert.equal(opened.history, saved.history);

    await other.evaluate(() => window.playground.setConfig({ dataset: 'xor', hidden: [4, 2] }));
    const model = await other.evaluate(() => JSON.stringify(window.playground.exportModel()));
    const modelPredictions = await predict(other);
    await other.evaluate(() => window.playground.setConfig({ seed: 77 }));
    await dropText(other, model, 'greymatter-model.json');
    await other.waitForFunction(() => window.playground.config.seed !== 77 || window.playground.state.epoch === 0);
    await other.waitForFunction(
      (expected) =>
        JSON.stringify(
          window.playground.predict([
            [0, 0],
            [3, -1],
            [-2, 4],
            [5.5, 5.5],
            [-1, -1],
          ]),
        ) === expected,
      JSON.stringify(modelPredictions),
    );
    assert.deepEqual(other.problems, []);
    await other.context().close();
  });

  it('a run that diverged saves a lesson that opens again, with the optimizer memory from before the divergence', async () => {
    const other = await openPlayground(session);
    const outcome = await other.evaluate(async () => {
      const p = window.playground;
      p.setConfig({ dataset: 'plane', problem: 'regression', hidden: [], optimizer: 'momentum', batchSize: 1, learningRate: 0.01 });
      await p.step();
      p.setConfig({ learningRate: 10 });
      for (let i = 0; i < 5 && !p.state.divergence; i++) await p.step();
      const lesson = JSON.parse(JSON.stringify(p.saveLesson())); // as "Save lesson" writes it
      let refused = '';
      try {
        p.openLesson(lesson);
      } catch (error) {
        refused = error.message;
      }
      return { divergence: p.state.divergence, memory: lesson.resume.first, epoch: lesson.epoch, refused };
    });
    assert.equal(outcome.refused, '');
    assert.equal(outcome.epoch, 1, 'saved at the last epoch before the divergence');
    assert.ok(outcome.memory.length > 0 && outcome.memory.every(Number.isFinite), `memory kept and finite: ${outcome.memory}`);
    assert.deepEqual(other.problems, []);
    await other.context().close();
  });

  it('a refused file shows its message and changes nothing', async () => {
    const other = await openPlayground(session);
    await other.setInputFiles('#open-lesson', file);
    await other.waitForFunction(() => window.playground.state.epoch === 12);
    const before = await runOf(other);
    const lesson = JSON.parse(await readFile(file, 'utf8'));
    let deep = 0;
    for (let i = 0; i < 10; i++) deep = [deep];
    const attempts = [
      ['{"format": "greymatter-lesson", ', /Could not open the lesson: the lesson file is not JSON/],
      [
        JSON.stringify({ ...lesson, format: 'something-else' }),
        /Could not open the lesson: a lesson file's format must be "greymatter-lesson", got "something-else"/,
      ],
      [JSON.stringify({ ...lesson, extra: deep }), /Could not open the lesson: the lesson file is nested too deeply at extra/],
      [JSON.stringify({ ...lesson, version: 9 }), /Could not open the lesson: lesson file version 9 is not supported/],
      [
        JSON.stringify({ ...lesson, version: 2, extras: { note: 'a field version 2 adds' } }),
        /^Could not open the lesson: lesson file version 2 is not supported/,
      ],
      [JSON.stringify({ ...lesson, version: 2, view: { sparkle: true } }), /^Could not open the lesson: lesson file version 2 is not supported/],
      [JSON.stringify({ ...lesson, epoch: 3 }), /Could not open the lesson: .*out of order/],
      [
        JSON.stringify({ ...lesson, epoch: 2 ** 32 - 1 }),
        /^Could not open the lesson: epoch 4294967295 is past 1000000000, the most epochs greymatter counts$/,
      ],
    ];
    for (const [text, expected] of attempts) {
      await other.setInputFiles('#open-lesson', { name: 'bad.greymatter.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      await other.waitForFunction(() => !document.querySelector('greymatter-playground').shadowRoot.getElementById('message').hidden);
      assert.match(await messageOf(other), expected);
      assert.deepEqual(await runOf(other), before);
      await other.evaluate(() => {
        document.querySelector('greymatter-playground').shadowRoot.getElementById('message').hidden = true;
      });
    }
    const thrown = await other.evaluate(() => {
      try {
        window.playground.openLesson({ format: 'greymatter-model' });
        return null;
      } catch (error) {
        return error.message;
      }
    });
    assert.match(thrown, /format must be "greymatter-lesson", got "greymatter-model"/);
    await dropText(other, '{"format": "a-spreadsheet"}');
    await other.waitForFunction(() => !document.querySelector('greymatter-playground').shadowRoot.getElementById('message').hidden);
    assert.match(await messageOf(other), /Could not open the file: it is neither a greymatter lesson file nor a model file/);
    assert.deepEqual(await runOf(other), before);
    await other.context().close();
  });

  it('src= on a host page of another origin opens the lesson; a missing one says so and the default runs', async () => {
    const host = await session.browser.newContext();
    const text = await readFile(file, 'utf8');
    await host.route('**/saved.greymatter.json', (route) => route.fulfill({ contentType: 'application/json', body: text }));
    const other = await host.newPage();
    await other.goto(`${session.hostUrl}lesson-src.html`);
    await other.evaluate(() => Promise.all([...document.querySelectorAll('greymatter-playground')].map((e) => e.ready)));
    const opened = await other.evaluate((probe) => {
      const element = document.getElementById('lesson');
      return { predict: element.predict(probe), epoch: element.state.epoch, data: element.api.getData(), history: element.saveLesson().history.length };
    }, PROBE);
    assert.deepEqual(opened.predict, saved.predict);
    assert.equal(opened.epoch, 12);
    assert.deepEqual(opened.data, saved.data);
    assert.equal(opened.history, saved.history);
    const missing = await other.evaluate(() => {
      const element = document.getElementById('missing');
      return { message: element.shadowRoot.getElementById('message').textContent, epoch: element.state.epoch, dataset: element.config.dataset };
    });
    assert.match(missing.message, /Could not open the lesson no-such-lesson\.greymatter\.json: 404/);
    assert.equal(missing.epoch, 0);
    assert.equal(missing.dataset, 'circle');
    await host.close();
  });
});

describe('the kept session', () => {
  let session;
  before(async () => {
    session = await startSession();
  });
  after(async () => session?.close());

  it('a reload in the middle of training finds the same weights, epoch and loss curve', async () => {
    const page = await openPlayground(session);
    await page.evaluate((data) => window.playground.setData(data), OWN);
    await stepEpochs(page, 5);
    await page.evaluate(() => window.playground.play());
    await page.waitForFunction(() => window.playground.state.epoch > 40);
    await page.evaluate(() => window.playground.pause());
    const before = await runOf(page);
    await waitForSaved(page, 'page', before.epoch);
    await reloadPlayground(page);
    const after = await runOf(page);
    assert.deepEqual(after.model, before.model);
    assert.equal(after.epoch, before.epoch);
    assert.equal(after.shownEpoch, String(before.epoch));
    assert.equal(after.history, before.history);
    assert.deepEqual(after.data, before.data);
    assert.equal(
      await page.evaluate(() => document.querySelector('greymatter-playground').shadowRoot.getElementById('loss-chart').getAttribute('aria-valuemax')),
      String(before.epoch),
    );

    // Reloading while playing: the last seconds' save (or the one on pagehide) keeps it.
    await page.evaluate(() => window.playground.play());
    await page.waitForFunction((epoch) => window.playground.state.epoch > epoch + 30, before.epoch);
    await reloadPlayground(page);
    const resumed = await runOf(page);
    assert.ok(resumed.epoch > before.epoch, `epoch after the second reload: ${resumed.epoch}`);
    assert.deepEqual(resumed.data, before.data);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  it('after a crash of the core the session is saved from the restored network, not an empty one', async () => {
    const page = await openPlayground(session);
    await page.evaluate(() => window.playground.setConfig({ learningRate: 0.1 }));
    await stepEpochs(page, 6);
    await waitForSaved(page, 'page', 6);
    const before = await runOf(page);
    await page.evaluate(async () => {
      await window.playground._panicForTesting('a test crash');
      await window.playground._saveSessionForTesting();
    });
    assert.equal(await savedEpoch(page, 'page'), 6);
    await stepEpochs(page, 2);
    await waitForSaved(page, 'page', 8);
    await reloadPlayground(page);
    const after = await runOf(page);
    assert.equal(after.epoch, 8);
    assert.equal(after.config.learningRate, 0.1);
    assert.equal(after.history, 9, 'the loss history of epochs 0 to 8, the rows before the crash too');
    assert.notDeepEqual(after.model, before.model);
    await page.context().close();
  });

  it('a different link opens as sent, and the saved session stays until something changes', async () => {
    const page = await openPlayground(session);
    await page.evaluate(() => window.playground.setConfig({ learningRate: 0.3 }));
    await stepEpochs(page, 4);
    await waitForSaved(page, 'page', 4);
    const savedHash = new URL(page.url()).hash;
    await page.goto(`${session.url}?other#dataset=xor&hidden=5`);
    await page.waitForFunction(() => window.playground !== undefined);
    await page.evaluate(() => window.playground.ready);
    const state = await page.evaluate(() => ({ config: window.playground.config, epoch: window.playground.state.epoch }));
    assert.equal(state.config.dataset, 'xor');
    assert.deepEqual(state.config.hidden, [5]);
    assert.equal(state.epoch, 0);
    assert.equal(await messageOf(page), '');
    // Not overwritten by merely opening the link.
    await page.evaluate(() => window.playground._saveSessionForTesting());
    await waitForSaved(page, 'page', 4);
    // The saved hash opens the saved session again.
    await page.goto(`${session.url}?again${savedHash}`);
    await page.waitForFunction(() => window.playground !== undefined);
    await page.evaluate(() => window.playground.ready);
    assert.equal(await page.evaluate(() => window.playground.state.epoch), 4);
    await page.context().close();
  });

  it('"Start fresh" goes back to the defaults, which replace the kept run; Undo brings it back', async () => {
    const page = await openPlayground(session);
    await page.evaluate(() => window.playground.setConfig({ dataset: 'spiral', learningRate: 0.1 }));
    await stepEpochs(page, 3);
    await waitForSaved(page, 'page', 3);
    const before = await runOf(page);
    await page.click('#start-fresh');
    await page.waitForFunction(() => window.playground.config.dataset === 'circle' && window.playground.state.epoch === 0);
    await page.waitForFunction(() => document.querySelector('greymatter-playground').shadowRoot.getElementById('undo-fresh'));
    assert.match(await messageOf(page), /Started fresh/);
    await waitForKept(page, 'page', (run) => run.epoch === 0 && run.dataset === 'circle', 'the fresh run');
    await page.click('#undo-fresh');
    await page.waitForFunction(() => window.playground.state.epoch === 3);
    assert.deepEqual((await runOf(page)).model, before.model);
    await waitForSaved(page, 'page', 3);
    await page.click('#start-fresh');
    await page.waitForFunction(() => window.playground.state.epoch === 0);
    await reloadPlayground(page);
    assert.equal(await page.evaluate(() => window.playground.config.dataset), 'circle');
    assert.equal(await page.evaluate(() => window.playground.state.epoch), 0);
    assert.deepEqual(
      (await keptRuns(page, 'page')).map((run) => run.epoch),
      [0],
    );
    await page.context().close();
  });

  it('persist="off" and plain embeds keep nothing; persist="<key>" keeps an embed', async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${session.hostUrl}lesson-src.html`);
    await page.evaluate(() => Promise.all([...document.querySelectorAll('greymatter-playground')].map((e) => e.ready)));
    await page.evaluate(async () => {
      for (const element of document.querySelectorAll('greymatter-playground')) {
        element.setConfig({ learningRate: 0.1 });
        await element.step();
      }
    });
    await waitForSaved(page, 'host-lesson');
    await page.evaluate(async () => {
      for (const element of document.querySelectorAll('greymatter-playground')) await element.api._saveSessionForTesting();
    });
    assert.deepEqual(await savedKeys(page), ['host-lesson']);
    assert.equal(await page.evaluate(() => document.getElementById('missing').shadowRoot.getElementById('start-fresh').hidden), true);
    await page.reload();
    await page.evaluate(() => document.getElementById('kept').ready);
    assert.equal(await page.evaluate(() => document.getElementById('kept').state.epoch), 1);
    assert.equal(await page.evaluate(() => document.getElementById('missing').state.epoch), 0);
    await context.close();

    const full = await openPage(session, session.url);
    await full.evaluate(() => {
      document.querySelector('greymatter-playground').remove();
    });
    await full.evaluate(() => {
      const element = document.createElement('greymatter-playground');
      element.setAttribute('sync-url', '');
      element.setAttribute('persist', 'off');
      document.body.append(element);
      return element.ready.then(async () => {
        element.setConfig({ learningRate: 0.1 });
        await element.step();
      });
    });
    await full.evaluate(() => document.querySelector('greymatter-playground').api._saveSessionForTesting());
    assert.deepEqual(await savedKeys(full), []);
    await full.context().close();
  });
});
