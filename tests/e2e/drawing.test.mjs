// Drawing points on the big heatmap ("Draw points", docs/features.md "Drawing your own points"):
// clicks and taps add points where they land, a drag paints a stroke that one undo
// takes back, the eraser removes what it passes over, undo and redo from the buttons
// and the keys, a generated dataset becoming own points, the value of a regression
// point, refusals that change nothing, and the network kept through every edit.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openOncePerSuite, PHONE } from './helpers.mjs';

const EXTENT = 6;

/** Where the data point (x1, x2) is on the page: the heatmap's content box, inside its border. */
async function pageAt(page, x1, x2) {
  const box = await page.locator('#heatmap').boundingBox();
  const border = 1;
  const size = box.width - 2 * border;
  return {
    x: box.x + border + ((x1 + EXTENT) / (2 * EXTENT)) * size,
    y: box.y + border + ((EXTENT - x2) / (2 * EXTENT)) * size,
  };
}

const data = (page) => page.evaluate(() => window.playground.getData());
const model = (page) => page.evaluate(() => JSON.stringify(window.playground.exportModel()));

async function clickAt(page, x1, x2) {
  const { x, y } = await pageAt(page, x1, x2);
  await page.mouse.click(x, y);
}

/** A mouse drag through the data points `path`, `steps` moves between each two. */
async function dragThrough(page, path, steps = 8) {
  const first = await pageAt(page, ...path[0]);
  await page.mouse.move(first.x, first.y);
  await page.mouse.down();
  for (const point of path.slice(1)) {
    const { x, y } = await pageAt(page, ...point);
    await page.mouse.move(x, y, { steps });
  }
  await page.mouse.up();
}

/** Turns the drawing mode on, with no points at all (Clear). */
async function startEmpty(page) {
  if ((await page.getAttribute('#draw-points', 'aria-pressed')) !== 'true') await page.click('#draw-points');
  await page.click('#draw-clear');
  assert.deepEqual(await data(page), { train: [], test: [] });
}

function assertNear(row, [x1, x2], label, what) {
  assert.ok(Math.abs(row[0] - x1) < 0.06 && Math.abs(row[1] - x2) < 0.06, `${what}: (${row[0]}, ${row[1]}) is not near (${x1}, ${x2})`);
  assert.equal(row[2], label, `${what}: label`);
}

const enabled = async (page, id) => !(await page.locator(id).isDisabled());

describe('drawing points with the mouse', () => {
  let page;
  openOncePerSuite((opened) => ({ page } = opened));

  it('entering the mode pauses training, leaving it plays again', async () => {
    await page.evaluate(() => window.playground.play());
    await page.click('#draw-points');
    assert.equal(await page.evaluate(() => window.playground.playing), false);
    assert.equal(await page.getAttribute('#draw-points', 'aria-pressed'), 'true');
    assert.equal(await page.isVisible('#draw-toolbar'), true);
    assert.equal(await page.locator('#heatmap').evaluate((canvas) => getComputedStyle(canvas).touchAction), 'none');
    await page.click('#draw-points');
    assert.equal(await page.evaluate(() => window.playground.playing), true);
    assert.equal(await page.isVisible('#draw-toolbar'), false);
    await page.evaluate(() => window.playground.pause());
  });

  it('clicks add points of the chosen class where they land; the eraser, undo and redo change them', async () => {
    await startEmpty(page);
    assert.equal(await page.textContent('#draw-where'), 'New points go to the training set.');
    assert.equal(await page.locator('#draw-classes input').count(), 2);
    const orange = [
      [-4, 3],
      [-3, 3],
      [-2, 3],
      [-4, -3],
      [-3, -3],
    ];
    const blue = [
      [2, 2],
      [3, 2],
      [4, 2],
      [2, -4],
      [4, -4],
    ];
    for (const [x1, x2] of orange) await clickAt(page, x1, x2);
    await page.click('#draw-classes label:nth-child(2)');
    for (const [x1, x2] of blue) await clickAt(page, x1, x2);
    const drawn = await data(page);
    assert.equal(drawn.train.length, 10);
    assert.equal(drawn.test.length, 0);
    orange.forEach((point, i) => assertNear(drawn.train[i], point, -1, `orange point ${i}`));
    blue.forEach((point, i) => assertNear(drawn.train[5 + i], point, 1, `blue point ${i}`));
    assert.equal((await page.evaluate(() => window.playground.config)).dataset, 'own');

    // One eraser stroke along the top row takes its three points.
    await page.check('#draw-eraser');
    await dragThrough(page, [
      [-4.3, 3],
      [-1.7, 3],
    ]);
    const erased = await data(page);
    assert.equal(erased.train.length, 7);
    assert.ok(
      erased.train.every(([, x2]) => Math.abs(x2 - 3) > 0.1),
      'the top row is gone',
    );

    // Undo with the button brings all three back; the keys redo and undo again.
    assert.equal(await enabled(page, '#draw-undo'), true);
    assert.equal(await enabled(page, '#draw-redo'), false);
    await page.click('#draw-undo');
    assert.deepEqual(await data(page), drawn);
    assert.equal(await enabled(page, '#draw-redo'), true);
    await page.keyboard.press('Control+Shift+Z');
    assert.deepEqual(await data(page), erased);
    await page.keyboard.press('Control+z');
    assert.deepEqual(await data(page), drawn);
    await page.keyboard.press('Control+y');
    assert.deepEqual(await data(page), erased);
    await page.click('#draw-redo').catch(() => {}); // nothing left to redo: disabled
    assert.equal(await enabled(page, '#draw-redo'), false);
    assert.deepEqual(await data(page), erased);
    assert.deepEqual(page.problems, []);
  });

  it('the network is kept through edits and trains on the drawn points', async () => {
    const before = await page.evaluate(async () => {
      await window.playground.step();
      return window.playground.state.epoch;
    });
    const network = await model(page);
    await page.check('#draw-pen');
    await clickAt(page, 0, 5);
    assert.equal(await model(page), network, 'a drawn point keeps the weights');
    await page.keyboard.press('Control+z');
    assert.equal(await model(page), network, 'an undo keeps them too');
    const state = await page.evaluate(async () => {
      for (let i = 0; i < 5; i++) await window.playground.step();
      return window.playground.state;
    });
    assert.equal(state.epoch, before + 5);
    assert.ok(Number.isFinite(state.trainLoss));
    assert.notEqual(await model(page), network, 'training moved the weights');
  });

  it('a drag paints a stroke of points that one undo takes back', async () => {
    await startEmpty(page);
    await page.check('#draw-pen');
    await clickAt(page, -5, -5);
    await dragThrough(
      page,
      [
        [-3, 0],
        [1, 0],
      ],
      20,
    );
    const stroke = (await data(page)).train.slice(1);
    // 4 units at 0.2 apart: the first point, then about 20 more.
    assert.ok(stroke.length >= 18 && stroke.length <= 22, `${stroke.length} points in the stroke`);
    assert.ok(
      stroke.every(([x1, x2]) => x1 >= -3.05 && x1 <= 1.05 && Math.abs(x2) < 0.06),
      'all along the path',
    );
    const gaps = stroke.slice(1).map((row, i) => Math.hypot(row[0] - stroke[i][0], row[1] - stroke[i][1]));
    assert.ok(
      gaps.every((gap) => gap > 0.15 && gap < 0.25),
      `evenly spaced: ${gaps.map((g) => g.toFixed(2))}`,
    );
    await page.click('#draw-undo');
    assert.equal((await data(page)).train.length, 1, 'one undo removes the whole stroke');
  });

  it('points can go to the test set, shown while drawing there, or be split by the ratio', async () => {
    await startEmpty(page);
    await page.selectOption('#draw-target', 'test');
    assert.equal(await page.textContent('#draw-where'), 'New points go to the test set.');
    await clickAt(page, 1, 1);
    assert.equal((await data(page)).test.length, 1);
    assert.equal((await page.evaluate(() => window.playground.view)).showTestData, false, 'the view option stays as it was');
    const dot = await pageAt(page, 1, 1);
    const colourAtDot = () =>
      page.locator('#heatmap').evaluate(
        (canvas, [x, y]) => {
          const box = canvas.getBoundingClientRect();
          const scale = canvas.width / canvas.clientWidth;
          const px = Math.round((x - box.left - canvas.clientLeft) * scale);
          const py = Math.round((y - box.top - canvas.clientTop) * scale);
          return Array.from(canvas.getContext('2d').getImageData(px, py, 1, 1).data.slice(0, 3));
        },
        [dot.x, dot.y],
      );
    const shown = await colourAtDot();
    await page.selectOption('#draw-target', 'train');
    const hidden = await colourAtDot();
    assert.notDeepEqual(shown, hidden, `the test point shows only while drawing into the test set: ${shown} / ${hidden}`);
    await page.selectOption('#draw-target', 'split');
    assert.equal(await page.textContent('#draw-where'), 'New points are split 50 : 50 by the train ratio.');
    await dragThrough(
      page,
      [
        [-5, -2],
        [-1, -2],
      ],
      20,
    );
    const { train, test } = await data(page);
    assert.ok(Math.abs(train.length - (test.length - 1)) <= 1, `about half each: ${train.length} and ${test.length - 1}`);
    await page.selectOption('#draw-target', 'train');
  });

  it('a refused edit is shown and changes nothing', async () => {
    const full = Array.from({ length: 5000 }, (_, i) => [((i % 100) / 100) * 10 - 5, Math.floor(i / 100) / 10 - 2.5, i % 2 ? 1 : -1]);
    await page.evaluate((rows) => window.playground.setData({ train: rows }), full);
    const before = await data(page);
    await clickAt(page, 5.5, 5.5);
    assert.match(await page.textContent('#message'), /at most 5000 points/);
    assert.deepEqual(await data(page), before);
  });

  it('the own tile of the dataset picker shows the own points', async () => {
    await page.evaluate(() => window.playground.setData({ train: [] }));
    await startEmpty(page);
    const tile = async () =>
      page.locator('#dataset-own canvas').evaluate((canvas) => {
        const { data: pixels } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        const first = pixels.slice(0, 3).join();
        let other = 0;
        for (let i = 0; i < pixels.length; i += 4) if (pixels.slice(i, i + 3).join() !== first) other++;
        return other;
      });
    assert.equal(await tile(), 0, 'no points: an empty tile');
    await page.check('#draw-pen');
    await dragThrough(
      page,
      [
        [-4, 0],
        [4, 0],
      ],
      20,
    );
    const drawn = await tile();
    assert.ok(drawn > 20, `the stroke shows in the tile (${drawn} pixels)`);
    await page.evaluate(() => window.playground.setConfig({ dataset: 'xor' }));
    assert.equal(await tile(), drawn, 'kept while another dataset is chosen');
  });
});

describe('drawing on a generated dataset', () => {
  let page;
  openOncePerSuite((opened) => ({ page } = opened));

  it('turns it into own points, keeping and editing the generated ones', async () => {
    const generated = await data(page);
    assert.equal((await page.evaluate(() => window.playground.config)).dataset, 'circle');
    await page.click('#draw-points');
    await clickAt(page, 5.5, -5.5);
    const own = await data(page);
    assert.equal((await page.evaluate(() => window.playground.config)).dataset, 'own');
    assert.equal(own.train.length, generated.train.length + 1);
    assert.equal(own.test.length, generated.test.length);
    generated.train.forEach((row, i) => assertNear(own.train[i], row.slice(0, 2), row[2], `generated point ${i}`));
    assert.equal(await page.getAttribute('#dataset-own', 'aria-checked'), 'true');
    // A generated point is erased like a drawn one.
    const [x1, x2] = generated.train[0];
    await page.check('#draw-eraser');
    await clickAt(page, x1, x2);
    const erased = await data(page);
    assert.ok(erased.train.length < own.train.length);
    assert.ok(!erased.train.some((row) => Math.hypot(row[0] - x1, row[1] - x2) < 0.3), 'nothing left under the eraser');
    // Undo twice: back to the generated points, still as own points.
    await page.click('#draw-undo');
    await page.click('#draw-undo');
    assert.deepEqual((await data(page)).train.length, generated.train.length);
  });

  it('for regression the value slider sets the drawn label', async () => {
    await page.evaluate(() => window.playground.setConfig({ problem: 'regression', dataset: 'plane' }));
    await page.check('#draw-pen');
    assert.equal(await page.isVisible('#draw-value'), true);
    assert.equal(await page.isVisible('#draw-classes'), false);
    await page.locator('#draw-value').fill('-0.5');
    assert.equal(await page.textContent('#draw-value-shown'), '-0.5');
    await page.click('#draw-clear');
    await clickAt(page, 2, 2);
    await page.locator('#draw-value').fill('0.8');
    await clickAt(page, -2, -2);
    const { train } = await data(page);
    assert.equal(train.length, 2);
    assertNear(train[0], [2, 2], train[0][2], 'first');
    assert.ok(Math.abs(train[0][2] + 0.5) < 0.01, `value −0.5, got ${train[0][2]}`);
    assert.ok(Math.abs(train[1][2] - 0.8) < 0.01, `value 0.8, got ${train[1][2]}`);
    assert.deepEqual(page.problems, []);
  });
});

describe('drawing points on a phone', () => {
  let session;
  let page;
  openOncePerSuite((opened) => ({ session, page } = opened), PHONE);

  /** A touch drag through the data points `path`, as the screen reports it. */
  async function touchDrag(path, steps = 10) {
    const cdp = await page.context().newCDPSession(page);
    const points = [];
    for (const point of path) points.push(await pageAt(page, ...point));
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [points[0]] });
    for (let i = 1; i < points.length; i++) {
      for (let step = 1; step <= steps; step++) {
        const t = step / steps;
        const x = points[i - 1].x + (points[i].x - points[i - 1].x) * t;
        const y = points[i - 1].y + (points[i].y - points[i - 1].y) * t;
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
      }
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
    // Chromium takes a tap that follows a swipe at once for the swipe's end; a hand is slower.
    await page.waitForTimeout(600);
  }

  async function tapAt(x1, x2) {
    const { x, y } = await pageAt(page, x1, x2);
    await page.touchscreen.tap(x, y);
  }

  it('taps add points, a touch stroke paints and erases, undo and redo take them back', async () => {
    await page.locator('#draw-points').scrollIntoViewIfNeeded();
    await page.tap('#draw-points');
    await page.tap('#draw-clear');
    await page.locator('#heatmap').scrollIntoViewIfNeeded();
    const network = await model(page);
    for (const point of [
      [-3, 3],
      [-2, 3],
      [-1, 3],
    ])
      await tapAt(...point);
    await page.tap('#draw-classes label:nth-child(2)');
    for (const point of [
      [3, -3],
      [2, -3],
    ])
      await tapAt(...point);
    const tapped = await data(page);
    assert.equal(tapped.train.length, 5);
    assertNear(tapped.train[0], [-3, 3], -1, 'first tap');
    assertNear(tapped.train[4], [2, -3], 1, 'last tap');
    const scroll = await page.evaluate(() => window.scrollY);
    await touchDrag([
      [-4, 0],
      [0, 0],
    ]);
    assert.equal(await page.evaluate(() => window.scrollY), scroll, 'the stroke draws, it does not scroll the page');
    const stroked = await data(page);
    const stroke = stroked.train.length - 5;
    assert.ok(stroke >= 15, `a stroke of ${stroke} points`);
    await page.tap('#draw-eraser');
    assert.equal(await page.isChecked('#draw-eraser'), true);
    await touchDrag([
      [-3.3, 3],
      [-0.7, 3],
    ]);
    assert.equal((await data(page)).train.length, stroked.train.length - 3, 'the eraser took the top row');
    await page.tap('#draw-undo');
    assert.deepEqual(await data(page), stroked);
    await page.tap('#draw-undo');
    assert.deepEqual(await data(page), tapped, 'one undo per stroke');
    await page.tap('#draw-redo');
    assert.deepEqual(await data(page), stroked);
    assert.equal(await model(page), network, 'the network is kept');
    const state = await page.evaluate(async () => {
      await window.playground.step();
      return window.playground.state;
    });
    assert.equal(state.epoch, 1);
    assert.deepEqual(page.problems, []);
  });
});
