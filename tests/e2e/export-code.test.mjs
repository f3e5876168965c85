// "Export as code" on the page: the writers load only when asked for; the button opens
// the panel with the script for the picked target; Copy puts it on the clipboard,
// Download saves it under its target's file name; the downloaded NumPy script, run
// under Python with numpy (target/export-venv, see scripts/setup.sh --browser), predicts
// as the page does, and with mish, sine and dropout trains the next epoch as the page does;
// exportCode(target) gives the same text and refuses an unknown target.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { openOncePerSuite, openPlayground, stepEpochs } from './helpers.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PYTHON = fileURLToPath(new URL('../../target/export-venv/bin/python', import.meta.url));
const GRID = [
  [0, 0],
  [1, -2],
  [-3, 2.5],
  [4, 4],
  [-5, -1],
  [5.5, -5.5],
];
const shadowText = (page, id) => page.evaluate((name) => document.querySelector('greymatter-playground').shadowRoot.getElementById(name).textContent, id);

describe('export as code', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened));

  it('the writers are not loaded at start', async () => {
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/js/export/')).length);
    assert.equal(loaded, 0);
  });

  it('the button shows the script, which Copy and Download hand over', async () => {
    await page.evaluate(() => window.playground.setConfig({ optimizer: 'adam', hidden: [5, 3] }));
    await stepEpochs(page, 5);
    assert.equal(await page.isVisible('#export-code-panel'), false);
    await page.click('#export-code');
    await page.waitForFunction(() => document.querySelector('greymatter-playground').shadowRoot.getElementById('export-code-note').textContent !== '');
    assert.equal(await page.getAttribute('#export-code', 'aria-expanded'), 'true');
    assert.equal(await page.inputValue('#export-code-target'), 'numpy');
    const shown = await shadowText(page, 'export-code-text');
    const api = await page.evaluate(async () => (await window.playground.exportCode('numpy')).code);
    assert.equal(shown, api);
    assert.match(shown, /^# greymatter run exported as code: NumPy\./);
    assert.match(shown, /weights after epoch 5,/);
    assert.match(await shadowText(page, 'export-code-note'), /^greymatter_numpy\.py: \d+ lines\.$/);

    // The NumPy script, downloaded and run, predicts as the page does.
    const [numpyDownload] = await Promise.all([page.waitForEvent('download'), page.click('#download-code')]);
    assert.equal(numpyDownload.suggestedFilename(), 'greymatter_numpy.py');
    const script = await numpyDownload.path();
    assert.equal(await readFile(script, 'utf8'), shown);
    // The download has no .py name: the script is run as a module by exec.
    const harness =
      'import json, sys\n'
      + 'm = {"__name__": "exported"}; exec(compile(open(sys.argv[1]).read(), sys.argv[1], "exec"), m)\n'
      + 'print(json.dumps([float(v) for v in m["predict"](json.loads(sys.argv[2]))]))';
    const fromScript = JSON.parse(execFileSync(PYTHON, ['-c', harness, script, JSON.stringify(GRID)], { encoding: 'utf8' }));
    const fromPage = await page.evaluate((grid) => window.playground.predict(grid), GRID);
    fromScript.forEach((value, index) => assert.ok(Math.abs(value - fromPage[index]) <= 1e-4, `point ${index}: ${value} vs ${fromPage[index]}`));

    // Another target: TensorFlow.js, copied and downloaded.
    await page.selectOption('#export-code-target', 'tfjs');
    await page.waitForFunction(() =>
      document.querySelector('greymatter-playground').shadowRoot.getElementById('export-code-note').textContent.startsWith('greymatter_tfjs.mjs'),
    );
    const tfjs = await shadowText(page, 'export-code-text');
    assert.match(tfjs, /^\/\/ greymatter run exported as code: TensorFlow\.js\./);
    assert.match(tfjs, /import \* as tf from '@tensorflow\/tfjs';/);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.url });
    await page.click('#copy-code');
    await page.waitForFunction(() =>
      document.querySelector('greymatter-playground').shadowRoot.getElementById('export-code-note').textContent.startsWith('Copied'),
    );
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), tfjs);
    const [tfjsDownload] = await Promise.all([page.waitForEvent('download'), page.click('#download-code')]);
    assert.equal(tfjsDownload.suggestedFilename(), 'greymatter_tfjs.mjs');
    assert.equal(await readFile(await tfjsDownload.path(), 'utf8'), tfjs);

    await page.click('#export-code');
    assert.equal(await page.isVisible('#export-code-panel'), false);
    assert.deepEqual(page.problems, []);
  });

  it('with mish, sine and dropout, the exported NumPy script trains the next epoch as the page does', async () => {
    await page.evaluate(() =>
      window.playground.setConfig({
        hidden: [5, 4],
        layerActivations: ['mish', 'sine'],
        dropout: [0.4, 0.2],
        optimizer: 'sgd',
      }),
    );
    await stepEpochs(page, 3);
    const code = await page.evaluate(async () => (await window.playground.exportCode('numpy')).code);
    assert.match(code, /NEXT_MASKS = \[\n {4}unpack_masks\(/);
    await stepEpochs(page, 1);
    const fromPage = await page.evaluate((grid) => window.playground.predict(grid), GRID);
    const harness =
      'import json, sys\n'
      + 'm = {"__name__": "exported"}; exec(compile(sys.stdin.read(), "exported.py", "exec"), m)\n'
      + 'm["train_epoch"](m["NEXT_ORDER"], m["NEXT_MASKS"])\n'
      + 'print(json.dumps([float(v) for v in m["predict"](json.loads(sys.argv[1]))]))';
    const fromScript = JSON.parse(execFileSync(PYTHON, ['-c', harness, JSON.stringify(GRID)], { input: code, encoding: 'utf8' }));
    fromScript.forEach((value, index) => assert.ok(Math.abs(value - fromPage[index]) <= 1e-4, `point ${index}: ${value} vs ${fromPage[index]}`));
    assert.deepEqual(page.problems, []);
  });

  it('exportCode(target) gives each script and names the targets for an unknown one', async () => {
    const answers = await page.evaluate(async () => {
      const pytorch = await window.playground.exportCode('pytorch');
      const refused = await window.playground.exportCode('cobol').then(
        () => null,
        (error) => error.message,
      );
      return { fileName: pytorch.fileName, head: pytorch.code.split('\n')[0], refused };
    });
    assert.deepEqual(answers, {
      fileName: 'greymatter_pytorch.py',
      head: '# greymatter run exported as code: PyTorch.',
      refused: 'exportCode: unknown target "cobol": the targets are "numpy", "pytorch", "tfjs"',
    });
  });

  it('the open panel passes axe-core, and its controls are reached with the keyboard', async () => {
    // The page's CSP allows no inline script; axe is put in by the test.
    const other = await openPlayground(session, session.url, { bypassCSP: true });
    await other.focus('#export-code');
    await other.keyboard.press('Enter');
    await other.waitForFunction(() => document.querySelector('greymatter-playground').shadowRoot.getElementById('export-code-note').textContent !== '');
    await other.addScriptTag({ path: AXE });
    const violations = await other.evaluate(async () =>
      (await window.axe.run(document)).violations.map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(' ')}`,
      ),
    );
    assert.deepEqual(violations, []);
    await other.keyboard.press('Tab');
    const focused = () => other.evaluate(() => document.querySelector('greymatter-playground').shadowRoot.activeElement?.id);
    assert.equal(await focused(), 'export-code-target');
    await other.keyboard.press('Tab');
    assert.equal(await focused(), 'export-code-text', 'the script scrolls with the keyboard');
    await other.keyboard.press('Tab');
    assert.equal(await focused(), 'copy-code');
    await other.context().close();
  });
});
