// The kept session where it is easiest to lose: the plain address after the tab was
// closed, two tabs of the full page (and a duplicated one), a database another tab
// deleted or left without its store, a storage that refuses every write, "Start fresh"
// twice and with Undo, two elements with one `persist` key, and a kept record that is
// no session. In each case nothing a person made is lost without a word (docs/scripting.md, "Your
// session is kept").

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, openPage, stepEpochs, TIMEOUT_MS } from './helpers.mjs';
import { keptRuns, waitForKept, putRecord, deleteDatabase } from './kept-records.mjs';

const SAVE_FAILED = /^Could not save this session in the browser \([^)]+\): save a lesson file to keep it\.$/m;
const NOT_OPENED = /The session saved in this browser could not be opened \(.+\); starting from the settings instead\./;

/** A new tab of `context` at `url`, ready; collects problems as openPage does. */
async function openTab(context, url) {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  await untilReady(page);
  return page;
}

async function untilReady(page) {
  await page.waitForFunction(() => window.playground !== undefined);
  await page.evaluate(() => window.playground.ready);
}

/** A page of greymatter's origin that is not the playground (to reach its storage first). */
async function originPage(context, url) {
  const page = await context.newPage();
  await page.goto(`${url}favicon.svg`);
  return page;
}

async function reload(page) {
  await page.reload();
  await untilReady(page);
}

/** The run as a test compares it. */
const runOf = (page) =>
  page.evaluate(() => {
    const p = window.playground;
    return { dataset: p.config.dataset, hidden: p.config.hidden, epoch: p.state.epoch, model: p.exportModel() };
  });

const messageOf = (page, selector = 'greymatter-playground') =>
  page.evaluate((which) => {
    const message = document.querySelector(which).shadowRoot.getElementById('message');
    return message.hidden ? '' : message.textContent;
  }, selector);

/** Sets `config` up and trains `epochs`; waits until the run is kept; returns it. */
async function train(page, config, epochs) {
  await page.evaluate((patch) => window.playground.setConfig(patch), config);
  await stepEpochs(page, epochs);
  await waitForKept(page, 'page', (run) => run.epoch === epochs && run.dataset === config.dataset, `${config.dataset} at epoch ${epochs}`);
  return runOf(page);
}

describe('the kept session', () => {
  let session;
  before(async () => {
    session = await startSession();
  });
  after(async () => session?.close());

  it('the plain address brings the kept session back after the tab was closed', async () => {
    const context = await session.browser.newContext();
    const first = await openTab(context, session.url);
    const trained = await train(first, { dataset: 'xor', hidden: [3] }, 6);
    await first.close();
    for (const address of ['', '#', 'index.html', './']) {
      const page = await openTab(context, new URL(address, session.url).href);
      assert.deepEqual(await runOf(page), trained, `opened at "${address}"`);
      assert.equal(await messageOf(page), '');
      assert.deepEqual(page.problems, []);
      await page.close();
    }
    await context.close();
  });

  it('two tabs each keep their own run; a reload brings back its own, a new tab the latest', async () => {
    const context = await session.browser.newContext();
    const a = await openTab(context, session.url);
    const b = await openTab(context, session.url);
    const runA = await train(a, { dataset: 'xor', hidden: [3] }, 15);
    const runB = await train(b, { dataset: 'spiral', hidden: [6, 6] }, 25);
    await reload(a);
    assert.deepEqual(await runOf(a), runA);
    await reload(b);
    assert.deepEqual(await runOf(b), runB);
    const fresh = await openTab(context, session.url);
    assert.deepEqual(await runOf(fresh), runB, 'a new tab opens the latest run');
    // The same settings in both tabs: still each tab's own network.
    await a.evaluate(() => window.playground.setConfig({ dataset: 'circle', hidden: [4] }));
    await b.evaluate(() => window.playground.setConfig({ dataset: 'circle', hidden: [4] }));
    const sameA = await train(a, { dataset: 'circle', hidden: [4] }, 3);
    const sameB = await train(b, { dataset: 'circle', hidden: [4] }, 8);
    await reload(a);
    assert.deepEqual(await runOf(a), sameA);
    await reload(b);
    assert.deepEqual(await runOf(b), sameB);
    assert.deepEqual([...a.problems, ...b.problems, ...fresh.problems], []);
    await context.close();
  });

  it("a duplicated tab, which copies the tab's name, takes a name of its own, also beside a tab untouched since it loaded", async () => {
    const context = await session.browser.newContext();
    const a = await openTab(context, session.url);
    const runA = await train(a, { dataset: 'xor', hidden: [3] }, 5);
    const name = await a.evaluate(() => sessionStorage.getItem('greymatter-tab'));
    assert.ok(name, 'the tab has a name');
    // A reloaded, untouched since: its name is claimed at load, not at its next change.
    await reload(a);
    const b = await context.newPage();
    b.setDefaultTimeout(TIMEOUT_MS);
    // What the browser's "Duplicate" does: the new tab starts with a copy of sessionStorage.
    await b.addInitScript((copied) => {
      if (!sessionStorage.getItem('greymatter-tab')) sessionStorage.setItem('greymatter-tab', copied);
    }, name);
    await b.goto(session.url);
    await untilReady(b);
    assert.deepEqual(await runOf(b), runA, 'the duplicate shows the page it copied');
    const runB = await train(b, { dataset: 'spiral', hidden: [6, 6] }, 7);
    assert.notEqual(await b.evaluate(() => sessionStorage.getItem('greymatter-tab')), name);
    await reload(a);
    assert.deepEqual(await runOf(a), runA);
    await reload(b);
    assert.deepEqual(await runOf(b), runB);
    await context.close();
  });

  it('a database another tab deleted is opened anew: saving goes on and Play never stops', async () => {
    const context = await session.browser.newContext();
    const page = await openTab(context, session.url);
    await train(page, { dataset: 'xor', hidden: [3] }, 2);
    const other = await originPage(context, session.url);
    await deleteDatabase(other);
    assert.deepEqual(await keptRuns(other, 'page'), []);
    await page.evaluate(() => window.playground.play());
    // Saved again while playing (every few seconds), into a database made anew.
    for (;;) {
      const state = await page.evaluate(() => ({ playing: window.playground.playing, epoch: window.playground.state.epoch }));
      assert.ok(state.playing, `still playing at epoch ${state.epoch}: ${await messageOf(page)}`);
      assert.deepEqual(page.problems, []);
      const runs = await keptRuns(other, 'page');
      if (runs.some((run) => run.epoch > 2)) break;
      await page.waitForFunction((epoch) => window.playground.state.epoch > epoch || !window.playground.playing, state.epoch);
    }
    assert.equal(await messageOf(page), '');
    await page.evaluate(() => window.playground.pause());
    const shown = await runOf(page);
    await waitForKept(page, 'page', (run) => run.epoch === shown.epoch);
    await reload(page);
    assert.deepEqual(await runOf(page), shown);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('a database without its store gets the store back, and the session is kept', async () => {
    const context = await session.browser.newContext();
    const setup = await originPage(context, session.url);
    await setup.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('greymatter', 1); // made by something else, with no "sessions"
          open.onsuccess = () => {
            open.result.close();
            resolve();
          };
          open.onerror = () => reject(open.error);
        }),
    );
    const page = await openTab(context, session.url);
    const trained = await train(page, { dataset: 'xor', hidden: [3] }, 4);
    assert.equal(await messageOf(page), '');
    await reload(page);
    assert.deepEqual(await runOf(page), trained);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('a storage that refuses every write says so in one line, and training goes on', async () => {
    const context = await session.browser.newContext();
    await context.addInitScript(() => {
      window.refusedWrites = 0;
      IDBObjectStore.prototype.put = function refuse() {
        window.refusedWrites += 1;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const page = await openTab(context, session.url);
    await page.evaluate(() => window.playground.setConfig({ dataset: 'xor' }));
    await page.evaluate(() => window.playground.play());
    // The save half a second after the change, then the one while training: both refused.
    await page.waitForFunction(() => window.refusedWrites >= 2 || !window.playground.playing);
    assert.equal(await page.evaluate(() => window.playground.playing), true, await messageOf(page));
    const message = await messageOf(page);
    assert.match(message, SAVE_FAILED);
    assert.match(message, /storage is full/);
    assert.doesNotMatch(message, /quota has been exceeded|DOMException|Failed to execute/);
    await page.evaluate(() => window.playground.pause());
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('Start fresh twice, then Undo, brings back the run from before the first', async () => {
    const context = await session.browser.newContext();
    const page = await openTab(context, session.url);
    const before = await train(page, { dataset: 'spiral', hidden: [5] }, 3);
    const undoShown = () => page.waitForFunction(() => document.querySelector('greymatter-playground').shadowRoot.getElementById('undo-fresh'));
    await page.click('#start-fresh');
    await page.waitForFunction(() => window.playground.config.dataset === 'circle' && window.playground.state.epoch === 0);
    await undoShown();
    await page.click('#start-fresh');
    await undoShown();
    await page.click('#undo-fresh');
    await page.waitForFunction(() => window.playground.state.epoch === 3);
    assert.deepEqual(await runOf(page), before);
    await waitForKept(page, 'page', (run) => run.epoch === 3 && run.dataset === 'spiral');
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('a change after Start fresh keeps Undo offered, and Undo still brings the run back', async () => {
    const context = await session.browser.newContext();
    const page = await openTab(context, session.url);
    const before = await train(page, { dataset: 'spiral', hidden: [5] }, 3);
    await page.click('#start-fresh');
    await page.waitForFunction(() => window.playground.state.epoch === 0);
    await page.evaluate(() => window.playground.setConfig({ learningRate: 0.3 }));
    assert.equal(await page.evaluate(() => window.playground.config.learningRate), 0.3);
    await page.click('#undo-fresh');
    await page.waitForFunction(() => window.playground.state.epoch === 3);
    assert.deepEqual(await runOf(page), before);
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  it('a second element with the same persist key says so, naming the key', async () => {
    const page = await openPage(session, session.url);
    await untilReady(page);
    await page.evaluate(async () => {
      const element = document.createElement('greymatter-playground');
      element.id = 'second';
      element.setAttribute('persist', 'page');
      document.body.append(element);
      await element.ready;
    });
    assert.match(await messageOf(page, '#second'), /persist key "page"/);
    await page.context().close();
  });

  it('a kept record that is no session is reported in one line, and the page starts from its address', async () => {
    for (const record of ['a string', [1, 2, 3], { lesson: 'not a lesson', hash: '' }, { hash: '#dataset=xor' }, 42]) {
      const context = await session.browser.newContext();
      const setup = await originPage(context, session.url);
      await putRecord(setup, 'page', record);
      const page = await openTab(context, session.url);
      assert.match(await messageOf(page), NOT_OPENED, `record ${JSON.stringify(record)}`);
      assert.equal(await page.evaluate(() => window.playground.state.epoch), 0);
      assert.deepEqual(page.problems, []);
      await context.close();
    }
  });
});
