// The kept session where it is easiest to lose: the plain address after the tab was
// closed (`/`, `/#`, `/index.html`, `./`). Nothing a person made is lost without a word
// (README, "Your session is kept").
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
const runOf = (page) => page.evaluate(() => {
  const p = window.playground;
  return { dataset: p.config.dataset, hidden: p.config.hidden, epoch: p.state.epoch, model: p.exportModel() };
});

const messageOf = (page, selector = 'greymatter-playground') => page.evaluate((which) => {
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
  before(async () => { session = await startSession(); });
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
});
