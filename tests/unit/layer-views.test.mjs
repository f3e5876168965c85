// The layer views' DOM-free parts (www/js/inspect/layer-histograms.js, layer-sees.js):
// what each histogram chart says and draws from the core's numbers, and where the
// plane of two neurons is drawn.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { barRects, formatEdge, histogramCharts } from '../../www/js/inspect/layer-histograms.js';
import { PAD, planeBounds, toCanvas } from '../../www/js/inspect/layer-sees.js';

const histogram = (from, to, counts, nonFinite = 0) => ({ from, to, counts, nonFinite });

describe('layer histograms', () => {
  it('name each chart by its layer, kind, count and range', () => {
    const [layer] = histogramCharts([
      {
        activation: 'tanh',
        weights: histogram(-0.8312, 0.8312, [1, 0, 3]),
        activations: histogram(-1, 1, [10, 20, 0], 2),
      },
    ]);
    assert.equal(layer.name, 'layer 1 · tanh');
    assert.deepEqual(
      layer.charts.map((chart) => chart.key),
      ['weights', 'activations'],
    );
    assert.equal(layer.charts[0].range, '−0.83 … 0.83');
    assert.equal(layer.charts[0].label, 'weights of hidden layer 1: 4 values from −0.83 … 0.83');
    assert.equal(layer.charts[1].label, 'activations of hidden layer 1: 30 values from −1 … 1 (and 2 not finite)');
  });

  it('draw the tallest bin the full height and any non-empty bin at least a pixel', () => {
    const bars = barRects([0, 1, 1000, 500], 40, 30);
    assert.deepEqual(
      bars.map((bar) => bar.height),
      [0, 1, 30, 15],
    );
    assert.deepEqual(
      bars.map((bar) => bar.x),
      [0, 10, 20, 30],
    );
    assert.deepEqual(
      bars.map((bar) => bar.y),
      [30, 29, 0, 15],
    );
    assert.deepEqual(
      barRects([0, 0], 10, 10).map((bar) => bar.height),
      [0, 0],
    );
    assert.equal(formatEdge(-0.000123456), '−0.00012');
  });
});

describe('what a layer sees', () => {
  it('draws the box holding every line sample and point, with a margin', () => {
    const plane = { lines: [0, -1, 1, 1, NaN, NaN], points: [0.5, 3] };
    const bounds = planeBounds(plane);
    assert.deepEqual(bounds, { xFrom: -0.05, xTo: 1.05, yFrom: -1.2, yTo: 3.2 });
    assert.deepEqual(planeBounds({ lines: [2, 2], points: [] }), { xFrom: 1.5, xTo: 2.5, yFrom: 1.5, yTo: 2.5 });
  });

  it('puts the ends of the ranges at the padded edges, up the right way', () => {
    const bounds = { xFrom: -1, xTo: 1, yFrom: 0, yTo: 2 };
    assert.deepEqual(toCanvas(-1, 0, bounds, 300, 300), [PAD, 300 - PAD]);
    assert.deepEqual(toCanvas(1, 2, bounds, 300, 300), [300 - PAD, PAD]);
    assert.deepEqual(toCanvas(0, 1, bounds, 300, 300), [150, 150]);
  });
});
