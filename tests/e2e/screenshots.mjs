// Takes the two pictures in docs/: the page as it opens (docs/screenshot.png) and a
// spiral learned by a network of 6 hidden layers (docs/spiral-6-layers.png).
// Run it after `make build`: node tests/e2e/screenshots.mjs

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, openPlayground } from './helpers.mjs';

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs');
const SPIRAL = '#dataset=spiral&noise=0&trainRatio=50&batchSize=10&learningRate=0.03&activation=tanh'
  + '&regularization=none&regularizationRate=0&hidden=8,8,8,8,8,8&features=x1,x2,x1Squared,x2Squared,x1x2,sinX1,sinX2'
  + '&problem=classification&loss=squared&seed=1&dataSeed=1&samples=500&showTestData=true';
const WINDOW = { viewport: { width: 1400, height: 900 } };

const session = await startSession();
try {
  const start = await openPlayground(session, session.url, WINDOW);
  await start.screenshot({ path: path.join(DOCS, 'screenshot.png') });

  const spiral = await openPlayground(session, session.url + SPIRAL, WINDOW);
  // Train until the test points are learned well (or give up after 3000 epochs).
  const state = await spiral.evaluate(async () => {
    const playground = window.playground;
    playground.play();
    await new Promise((resolve) => {
      const check = () => {
        const { epoch, testMetric } = playground.state;
        if ((epoch >= 400 && testMetric >= 0.97) || epoch >= 3000) resolve();
        else setTimeout(check, 200);
      };
      check();
    });
    playground.pause();
    await playground.step();
    return playground.state;
  });
  await spiral.screenshot({ path: path.join(DOCS, 'spiral-6-layers.png') });
  console.log(`spiral: epoch ${state.epoch}, test accuracy ${(state.testMetric * 100).toFixed(1)}%`);
} finally {
  await session.close();
}
