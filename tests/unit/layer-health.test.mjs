// The per-layer health bars (www/js/inspect/layer-health.js): what each bar shows, and
// how often the costly numbers are read while training.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Throttle, healthRows } from '../../www/js/inspect/layer-health.js';

describe('layer health', () => {
  it('reads the numbers at once when asked, else at most every interval', () => {
    let time = 1000;
    const throttle = new Throttle(250, () => time);
    assert.equal(throttle.due(false), true, 'the first time');
    time += 100;
    assert.equal(throttle.due(false), false, 'a frame later, while training');
    assert.equal(throttle.due(true), true, 'a single change');
    time += 249;
    assert.equal(throttle.due(false), false);
    time += 1;
    assert.equal(throttle.due(false), true, 'once the interval has passed');
  });

  it('draws the mean gradient relative to the largest layer, shares as they are', () => {
    const rows = healthRows([
      { meanAbsGradient: 0.02, deadShare: 0.25, saturatedShare: 0 },
      { meanAbsGradient: 0.08, deadShare: 0, saturatedShare: 1.5 },
    ]);
    assert.deepEqual(
      rows.map((row) => row.name),
      ['layer 1', 'output'],
    );
    assert.deepEqual(
      rows[0].bars.map((bar) => bar.width),
      ['25%', '25%', '0%'],
    );
    assert.deepEqual(
      rows[1].bars.map((bar) => bar.width),
      ['100%', '0%', '100%'],
    );
    assert.deepEqual(
      rows[0].bars.map((bar) => bar.title),
      ['mean |∂J/∂w|: 0.02', 'dead: 25%', 'saturated: 0%'],
    );
    assert.equal(rows[1].bars[0].value, 0.08);
  });
});
