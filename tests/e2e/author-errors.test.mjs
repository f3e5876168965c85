// What a tutorial author meets when greymatter is served or set up wrongly: the core
// missing (404), an HTML page where the core should be, the core on another origin
// without CORS, a host page's Content-Security-Policy that forbids compiling
// WebAssembly or downloading from greymatter's origin, the stylesheet missing or not
// CSS, an attribute written with underscores or in camelCase, an iframe embed whose
// `origins=` does not list the host. Each is said inside the element, in the layout
// asked (a failed compact embed shows its message, not the full layout's controls), and
// sent as an `error` event; after a failed start every scripting call says the same.
// Servers: greymatter's own (session.url) and copies of www/ that answer chosen paths
// badly (server.mjs `answers`, `cors`); host pages in fixtures/author-errors*.html.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, pageKeepingErrorEvents, TIMEOUT_MS } from './helpers.mjs';
import { startServer } from './server.mjs';

const CORE = '/pkg/greymatter_bg.wasm';
const CSS = '/css/playground.css';
const SPA_PAGE = '<!DOCTYPE html>\n<html><head><title>My course</title></head><body><div id="app"></div></body></html>\n';
const BASE_PATH_HINT = 'Set GreymatterPlayground.basePath to the folder that holds pkg/ and css/.';

/** Waits for `condition` to hold, polling; fails after TIMEOUT_MS. */
async function until(condition, what) {
  const deadline = Date.now() + TIMEOUT_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail(`waited ${TIMEOUT_MS} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('what an author meets when something is wrong', () => {
  let session;
  const servers = [];

  before(async () => {
    session = await startSession();
  });
  after(async () => {
    await session?.close();
    await Promise.all(servers.map((server) => server.close()));
  });

  /** A copy of www/ on an origin of its own, answering `answers` (server.mjs) its own way. */
  async function badCopy(options) {
    const server = await startServer(undefined, options);
    servers.push(server);
    return server.url;
  }

  /** Opens the host page `file` of fixtures/, keeping window.errorEvents (helpers.mjs) and the console in `page.console`. */
  async function openHost(file) {
    const page = await pageKeepingErrorEvents(session, { width: 1200, height: 900 });
    page.console = [];
    page.on('console', (message) => page.console.push(`${message.type()}: ${message.text()}`));
    await page.goto(`${session.hostUrl}${file}`);
    return page;
  }

  /**
   * Imports greymatter.js, sets the base path to `base` (unless null) and adds a
   * playground with `attributes`; resolves once its `ready` settled.
   */
  const addPlayground = (page, base, attributes) =>
    page.evaluate(
      async ([script, folder, given]) => {
        const { GreymatterPlayground } = await import(script);
        if (folder !== null && GreymatterPlayground.basePath === null) GreymatterPlayground.basePath = folder;
        const element = document.createElement('greymatter-playground');
        for (const [name, value] of Object.entries(given)) element.setAttribute(name, value);
        document.body.append(element);
        await element.ready.catch(() => {});
      },
      [`${session.url}greymatter.js`, base, attributes],
    );

  /**
   * What the last playground of the page shows: its notice as seen (innerText), whether
   * the notice is visible with a size, and which of its controls and pictures are visible.
   */
  const shown = (page) =>
    page.evaluate(() => {
      const root = [...document.querySelectorAll('greymatter-playground')].at(-1).shadowRoot;
      const message = root.getElementById('message');
      const box = message.getBoundingClientRect();
      const visible = (node) => node.checkVisibility({ visibilityProperty: true, opacityProperty: true });
      return {
        text: message.innerText,
        visible: visible(message) && box.width > 0 && box.height > 0,
        others: [...root.querySelectorAll('button, input, select, textarea, canvas, a, label')]
          .filter(visible)
          .map((node) => node.id || node.dataset.field || node.dataset.control || node.tagName),
      };
    });

  /** Every scripting call a page might make next on its last playground: what each threw or rejected with. */
  const laterCalls = (page) =>
    page.evaluate(async () => {
      const element = [...document.querySelectorAll('greymatter-playground')].at(-1);
      const attempt = async (work) => {
        try {
          await work();
          return 'no error';
        } catch (error) {
          return `${error.name}: ${error.message}`;
        }
      };
      return {
        ready: await attempt(() => element.ready),
        setConfig: await attempt(() => element.setConfig({ learningRate: 0.1 })),
        step: await attempt(() => element.step()),
        play: await attempt(() => element.play()),
        pause: await attempt(() => element.pause()),
        state: await attempt(() => element.state),
        config: await attempt(() => element.config),
        predict: await attempt(() => element.predict([[0, 0]])),
      };
    });

  /**
   * Checks that the last playground of `page` failed to start saying `lines` (patterns,
   * each a line of its notice), showing nothing but the notice, with one `error` event
   * of source `start` and every later call refused with that event's message.
   */
  async function assertFailedStart(page, lines) {
    await page.waitForFunction(() => window.errorEvents.some((detail) => detail.source === 'start'));
    const events = await page.evaluate(() => window.errorEvents);
    assert.equal(events.length, 1, `one error event: ${JSON.stringify(events)}`);
    const [{ message, source }] = events;
    assert.equal(source, 'start');
    const seen = await shown(page);
    assert.equal(seen.visible, true, `the notice is visible: ${JSON.stringify(seen)}`);
    assert.deepEqual(seen.others, [], 'no control or picture is shown beside the notice');
    const said = seen.text.split('\n');
    assert.equal(said.length, lines.length, `the notice's lines: ${seen.text}`);
    lines.forEach((line, index) => assert.match(said[index], line));
    assert.equal(message, said.join(' '), 'the event says what the notice says');
    const calls = await laterCalls(page);
    for (const [call, thrown] of Object.entries(calls)) {
      assert.equal(thrown, `Error: ${message}`, `${call} after the failed start`);
    }
    return message;
  }

  it('the core missing (404): says where it looked and that basePath finds moved files; a later element tries again', async () => {
    const copy = await badCopy({ answers: { [CORE]: { status: 404, type: 'text/html', body: '<!DOCTYPE html><title>Not Found</title>' } } });
    const page = await openHost('author-errors.html');
    const requests = [];
    page.on('request', (request) => {
      if (request.url().endsWith(CORE)) requests.push(request.url());
    });
    await addPlayground(page, copy, { layout: 'compact', dataset: 'xor' });
    await assertFailedStart(page, [
      new RegExp(`^greymatter could not start: its core is not at ${copy}pkg/greymatter_bg\\.wasm \\(404 Not Found\\)\\.$`),
      new RegExp(`^Were the files moved\\? ${BASE_PATH_HINT.replace(/[.?()/]/g, '\\$&')}$`),
    ]);
    // The next element on the page downloads again rather than keeping the failure.
    await page.evaluate(() => {
      window.errorEvents = [];
    });
    await addPlayground(page, copy, { layout: 'boundary' });
    await assertFailedStart(page, [/its core is not at .* \(404 Not Found\)\.$/, /^Were the files moved\?/]);
    assert.ok(requests.length >= 2, `downloaded again: ${requests.join(', ')}`);
    await page.context().close();
  });

  it("an HTML page where the core should be (a single-page app's fallback): says the file is not WebAssembly and what it starts with", async () => {
    const copy = await badCopy({ answers: { [CORE]: { status: 200, type: 'text/html; charset=utf-8', body: SPA_PAGE } } });
    const page = await openHost('author-errors.html');
    await addPlayground(page, copy, { layout: 'compact' });
    await assertFailedStart(page, [
      new RegExp(
        `^greymatter could not start: its core at ${copy}pkg/greymatter_bg\\.wasm is not WebAssembly: it starts with "<!DOCTYPE html>", an HTML page\\.$`,
      ),
      /^A server that answers every address with a page .*basePath/,
    ]);
    await page.context().close();
  });

  it('the core on another origin that sends no CORS header: says so, naming the URL', async () => {
    const copy = await badCopy({ cors: () => false });
    const page = await openHost('author-errors.html');
    await addPlayground(page, copy, { layout: 'compact' });
    await assertFailedStart(page, [
      new RegExp(
        `^greymatter could not start: could not download its core from ${copy}pkg/greymatter_bg\\.wasm, another origin: the server sent no Access-Control-Allow-Origin header for this page \\(or is unreachable\\)\\.$`,
      ),
      /^Serve greymatter's files with CORS .*, or set GreymatterPlayground\.basePath to a copy on this page's origin\.$/,
    ]);
    await page.context().close();
  });

  it("a host page whose Content-Security-Policy has no 'wasm-unsafe-eval': says to add it to script-src", async () => {
    const page = await openHost('author-errors-csp.html');
    await assertFailedStart(page, [
      /^greymatter could not start: this page's Content-Security-Policy does not allow WebAssembly to compile\.$/,
      /^Add 'wasm-unsafe-eval' to its script-src: greymatter's core is WebAssembly\.$/,
    ]);
    await page.context().close();
  });

  it('a host page whose Content-Security-Policy keeps downloads to its own origin: says which directive to change', async () => {
    const page = await openHost('author-errors-connect.html');
    const greymatter = new URL(session.url).origin;
    await assertFailedStart(page, [
      new RegExp(
        `^greymatter could not start: this page's Content-Security-Policy does not allow downloading its core from ${session.url}pkg/greymatter_bg\\.wasm \\(connect-src\\)\\.$`,
      ),
      new RegExp(`^Add ${greymatter} to its connect-src\\.$`),
    ]);
    await page.context().close();
  });

  for (const [what, answer, said] of [
    ['missing (404)', { status: 404, type: 'text/plain', body: 'not found' }, 'its stylesheet is not at {url} \\(404 Not Found\\)\\.'],
    [
      'an HTML page',
      { status: 200, type: 'text/html', body: SPA_PAGE },
      'its stylesheet at {url} is not CSS: it starts with "<!DOCTYPE html>", an HTML page\\.',
    ],
  ]) {
    it(`the stylesheet ${what}: the element says so, readable, instead of staying blank`, async () => {
      const copy = await badCopy({ answers: { [CSS]: answer } });
      const page = await openHost('author-errors.html');
      await addPlayground(page, copy, { layout: 'compact' });
      await assertFailedStart(page, [
        new RegExp(`^greymatter could not start: ${said.replace('{url}', `${copy}css/playground\\.css`)}$`),
        /GreymatterPlayground\.basePath/,
      ]);
      const look = await page.evaluate(() => {
        const message = document.querySelector('greymatter-playground').shadowRoot.getElementById('message');
        const style = getComputedStyle(message);
        const host = document.querySelector('greymatter-playground').getBoundingClientRect();
        return { color: style.color, background: style.backgroundColor, fontSize: parseFloat(style.fontSize), hostHeight: host.height };
      });
      assert.notEqual(look.color, look.background, 'text and background differ');
      assert.ok(look.fontSize >= 14, `readable text: ${look.fontSize}px`);
      assert.ok(look.hostHeight < 400, `the element is the size of its notice, not a blank box: ${look.hostHeight}px`);
      await page.context().close();
    });
  }

  it("attributes with underscores or in camelCase (which HTML lowers) are refused naming the attribute meant, at start and later; the host's own are left alone", async () => {
    const page = await openHost('author-errors.html');
    await addPlayground(page, null, {
      dataset: 'xor',
      learning_rate: '0.1',
      learningRate: '0.3',
      hiddenLayers: '2',
      sync_url: '',
      id: 'lesson',
      class: 'wide',
      title: 'A playground',
      slot: 'none',
      'aria-label': 'A network learning xor',
      'data-note': 'mine',
      'data-set': 'mine too',
      role: 'region',
    });
    const lines = [
      'In the attributes: learning_rate is not an attribute of greymatter-playground; did you mean learning-rate?',
      'In the attributes: learningrate (HTML lowers attribute names) is not an attribute of greymatter-playground; did you mean learning-rate?',
      'In the attributes: hiddenlayers (HTML lowers attribute names) is not an attribute of greymatter-playground; did you mean hidden-layers?',
      'In the attributes: sync_url is not an attribute of greymatter-playground; did you mean sync-url?',
    ];
    const events = await page.evaluate(() => window.errorEvents);
    assert.deepEqual(
      events,
      lines.map((message) => ({ message, source: 'setup' })),
    );
    const seen = await shown(page);
    assert.equal(seen.visible, true);
    assert.deepEqual(seen.text.split('\n'), lines);
    const config = await page.evaluate(() => document.getElementById('lesson').config);
    assert.equal(config.learningRate, 0.03, 'nothing is taken from them');
    assert.deepEqual(config.hidden, [4, 2]);

    await page.evaluate(() => {
      window.errorEvents = [];
      const element = document.getElementById('lesson');
      element.setAttribute('batch_size', '5');
      element.setAttribute('title', 'Another title');
      element.setAttribute('data_seed', '3');
    });
    const later = [
      'In the attributes: batch_size is not an attribute of greymatter-playground; did you mean batch-size?',
      'In the attributes: data_seed is not an attribute of greymatter-playground; did you mean data-seed?',
    ];
    await page.waitForFunction((count) => window.errorEvents.length >= count, later.length);
    assert.deepEqual(
      await page.evaluate(() => window.errorEvents),
      later.map((message) => ({ message, source: 'setup' })),
    );
    assert.deepEqual((await shown(page)).text.split('\n'), later);
    const after = await page.evaluate(() => document.getElementById('lesson').config);
    assert.deepEqual([after.batchSize, after.dataSeed], [10, 1], 'nothing is taken from them');
    await page.context().close();
  });

  // A call the frame ignores never settles: the test's own time limit ends it.
  it('an iframe embed whose origins= does not list the host answers its calls with a refusal, says so in its console once, and embed-host.js rejects', {
    timeout: TIMEOUT_MS,
  }, async () => {
    const page = await openHost('author-errors.html');
    const host = new URL(session.hostUrl).origin;
    const refusal = `this embed takes calls only from https://lessons.example (its origins=); this page is ${host}`;
    const results = await page.evaluate(async (greymatter) => {
      const script = document.createElement('script');
      script.src = `${greymatter}embed-host.js`;
      const loaded = new Promise((resolve) => script.addEventListener('load', resolve));
      document.head.append(script);
      await loaded;
      const iframe = document.createElement('iframe');
      iframe.dataset.greymatter = '';
      iframe.title = 'greymatter';
      iframe.src = `${greymatter}embed.html#dataset=xor&layout=compact&origins=https://lessons.example`;
      document.body.append(iframe);
      const frame = window.greymatterFrame(iframe);
      const outcome = (promise) =>
        promise.then(
          (result) => ({ result }),
          (error) => ({ error: error.message }),
        );
      return { setConfig: await outcome(frame.call('setConfig', { learningRate: 3 })), state: await outcome(frame.call('state')) };
    }, session.url);
    assert.deepEqual(results, { setConfig: { error: refusal }, state: { error: refusal } });
    const frame = page.frames().find((candidate) => candidate.url().includes('/embed.html'));
    // The refusal is answered at once, before the frame's playground has started: its config is read once it has.
    const config = await frame.evaluate(async () => {
      const element = document.querySelector('greymatter-playground');
      await element.ready;
      return element.config;
    });
    assert.equal(config.learningRate, 0.03, 'nothing changed');
    const warnings = () => page.console.filter((line) => line.includes('this embed takes calls only from'));
    await until(() => warnings().length > 0, "the frame's console to say it");
    assert.deepEqual(warnings(), [`warning: greymatter: ${refusal}`], "said once in the frame's console");
    await page.context().close();
  });
});
