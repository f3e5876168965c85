// Own points as CSV, as a person uses them (docs/scripting.md, "Your own points"): paste text, load
// a file through "Load CSV", refusals that name the line and the column and change
// nothing, "fit to view", "Export CSV" giving back the same points, and an element's
// `data` attribute pointing at a CSV file.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openOncePerSuite, openPage, TIMEOUT_MS } from './helpers.mjs';

const CATS_AND_DOGS = 'x1,x2,label\n-2,-2,cat\n-2.5,-1.5,cat\n-1.5,-2.5,cat\n-1,-3,cat\n2,2,dog\n2.5,1.5,dog\n1.5,2.5,dog\n3,1,dog\n';

describe('CSV in the page', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened));
  const data = () => page.evaluate(() => window.playground.getData());

  it('pasted text becomes the points trained on, with its class names', async () => {
    await page.click('.paste-csv summary');
    await page.fill('#csv-text', CATS_AND_DOGS);
    await page.click('#use-csv');
    const points = await data();
    assert.equal(points.train.length + points.test.length, 8);
    assert.equal(points.train.length, 4, 'no set column: split by the 50 % train ratio');
    assert.deepEqual(points.classNames, ['cat', 'dog']);
    assert.equal((await page.evaluate(() => window.playground.config)).dataset, 'own');
    assert.match(await page.textContent('#message'), /Loaded 8 points \(4 training, 4 test; 8 split by the train ratio\), 2 classes: cat, dog/);
    assert.equal(await page.inputValue('#csv-text'), '', 'used text is cleared');
  });

  it('a refused file names the line and the column and changes nothing', async () => {
    const before = await data();
    await page.setInputFiles('#load-csv', {
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('x1,x2,label\n1,2,red\n3,4,blue\n5,oops,red\n'),
    });
    await page.waitForFunction(() =>
      /line 4, column x2/.test(document.querySelector('greymatter-playground').shadowRoot.getElementById('message').textContent),
    );
    assert.match(await page.textContent('#message'), /Could not read the CSV: line 4, column x2: 'oops' is not a number/);
    await page.setInputFiles('#load-csv', {
      name: 'far.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('x1,x2,label\n1,2,0\n12,4,1\n'),
    });
    await page.waitForFunction(() =>
      /outside the plotted range/.test(document.querySelector('greymatter-playground').shadowRoot.getElementById('message').textContent),
    );
    assert.deepEqual(await data(), before);
  });

  it('a file too large to read is refused with its size, unread, and changes nothing', async () => {
    const before = await data();
    // A 70 MB file made in the page (no 70 MB buffer crosses to the browser), chosen in Load CSV.
    await page.evaluate(() => {
      const input = document.querySelector('greymatter-playground').shadowRoot.getElementById('load-csv');
      const chosen = new DataTransfer();
      chosen.items.add(new File([new ArrayBuffer(70 * 1024 * 1024)], 'huge.csv', { type: 'text/csv' }));
      input.files = chosen.files;
      input.dispatchEvent(new Event('change'));
    });
    await page.waitForFunction(() => /huge\.csv/.test(document.querySelector('greymatter-playground').shadowRoot.getElementById('message').textContent));
    assert.equal(await page.textContent('#message'), 'the file huge.csv is 70 MB; greymatter reads files of at most 64 MB');
    assert.deepEqual(await data(), before);
  });

  it('"fit to view" scales points in and says by how much', async () => {
    await page.check('#fit-to-view');
    await page.setInputFiles('#load-csv', {
      name: 'far.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('x1,x2,label,set\n1,2,0,train\n12,-4,1,train\n0,0,1,test\n'),
    });
    await page.waitForFunction(() => /scaled by 0\.5/.test(document.querySelector('greymatter-playground').shadowRoot.getElementById('message').textContent));
    const points = await data();
    assert.deepEqual(points.train, [
      [0.5, 1, -1],
      [6, -2, 1],
    ]);
    assert.deepEqual(points.test, [[0, 0, 1]]);
    await page.uncheck('#fit-to-view');
  });

  it('Export CSV gives back the same points, set column included', async () => {
    await page.evaluate((text) => window.playground.importCsv(text), CATS_AND_DOGS);
    const before = await data();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    assert.equal(download.suggestedFilename(), 'greymatter-points.csv');
    const text = await readFile(await download.path(), 'utf8');
    assert.match(text, /^x1,x2,label,set\n/);
    await page.evaluate(() => window.playground.setConfig({ dataset: 'spiral' }));
    await page.setInputFiles('#load-csv', { name: 'back.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page.waitForFunction(() => window.playground.config.dataset === 'own');
    assert.deepEqual(await data(), before, 'the same points in the same sets');
  });

  it('the data attribute loads a CSV file, and a missing one is said in its element', async () => {
    const host = await openPage(session, `${session.hostUrl}own-points.html`);
    await host.waitForFunction(() => document.getElementById('points').config?.dataset === 'own', null, { timeout: TIMEOUT_MS });
    const points = await host.evaluate(() => document.getElementById('points').getData());
    assert.deepEqual(points.classNames, ['cat', 'dog']);
    assert.equal(points.train.length, 6);
    assert.equal(points.test.length, 2);
    await host.waitForFunction(() =>
      /could not download no-such-file\.csv: 404/.test(document.getElementById('missing').shadowRoot.getElementById('message').textContent),
    );
    assert.equal(await host.evaluate(() => document.getElementById('missing').config.dataset), 'circle');
    await host.context().close();
  });
});
