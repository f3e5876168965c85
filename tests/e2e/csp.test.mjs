// greymatter's own pages under the Content-Security-Policy they ship (docs/embedding.md, "A host
// page's Content-Security-Policy"): no inline script, no eval, 'wasm-unsafe-eval' for
// the core, object-src and base-uri 'none', and Trusted Types enforced. Each page
// loads, trains and registers its service worker with no policy violation.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openWatched, startSession } from './helpers.mjs';

const PAGES = ['index.html', 'embed.html', 'tutorial.html'];
const REQUIRED = [
  "script-src 'self' blob: 'wasm-unsafe-eval'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types greymatter',
];

describe("greymatter's pages under their own Content-Security-Policy", () => {
  let session;
  before(async () => {
    session = await startSession();
  });
  after(async () => session?.close());

  for (const name of PAGES) {
    it(`${name} ships the strict policy, trains and goes offline with no violation`, async () => {
      const page = await openWatched(session, `${session.url}${name}`);
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      for (const directive of REQUIRED) assert.ok(csp.includes(directive), `${name}: ${directive} in ${csp}`);
      assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
      assert.equal(await page.locator('script:not([src])').count(), 0, `${name}: no inline script`);

      const epochs = await page.evaluate(async () => {
        const late = new Promise((_, reject) => {
          setTimeout(() => reject(new Error('no playground started within 20 s')), 20_000);
        });
        await Promise.race([customElements.whenDefined('greymatter-playground'), late]);
        const element = document.querySelector('greymatter-playground');
        await Promise.race([element.ready, late]);
        const before = element.state.epoch;
        await element.step();
        await element.step();
        return element.state.epoch - before;
      });
      assert.equal(epochs, 2, `${name} trains`);
      // The worker's URL went through greymatter's policy (register() is a Trusted Types sink).
      const worker = await page.evaluate(async () => (await navigator.serviceWorker.ready).active.scriptURL);
      assert.equal(worker, `${session.url}sw.js`);
      assert.equal(await page.evaluate(() => typeof window.trustedTypes?.createPolicy), 'function', 'Chromium enforces Trusted Types');
      assert.deepEqual(await page.evaluate(() => window.violations), []);
      assert.deepEqual(page.problems, []);
      await page.context().close();
    });
  }

  it("refuses markup or a script URL that is not greymatter's own, even through its policy", async () => {
    const page = await openWatched(session, session.url);
    const refusals = await page.evaluate(async () => {
      const { trustedMarkup, trustedScriptUrl } = await import('./js/element/trusted-types.js');
      const refused = (call) => {
        try {
          call();
          return 'accepted';
        } catch (error) {
          return error.message;
        }
      };
      return [
        refused(() => trustedMarkup('<img src=x onerror="alert(1)">')),
        refused(() => trustedMarkup('<script>alert(1)</script>')),
        refused(() => trustedScriptUrl('https://elsewhere.example/sw.js')),
        refused(() => {
          document.createElement('div').innerHTML = '<b>text</b>';
        }),
      ];
    });
    assert.match(refusals[0], /refused markup with a script, an event handler or a javascript: URL/);
    assert.match(refusals[1], /refused markup with a script/);
    assert.match(refusals[2], /refused a script URL outside greymatter's folder: https:\/\/elsewhere\.example\/sw\.js/);
    assert.match(refusals[3], /TrustedHTML/, "a plain string is refused by the page's policy");
    await page.context().close();
  });
});
