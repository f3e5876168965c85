// What a playground does after its wasm core crashed (a Rust panic: a bug in
// greymatter). The Engine has already loaded a fresh core and put back the last good
// weights; this brings the page in step with it — points, view options, epoch
// counter — and tells the person what happened. Also the test hook that causes a crash.

import { CoreCrash } from './engine.js';

/**
 * @param {import('./playground-page.js').PlaygroundPage} page
 * @param {{panicMessage: string, restored: boolean, lost?: boolean, detail?: string}} info
 */
export function recoverAfterCrash(page, { panicMessage, restored, lost, detail }) {
  const stopped = `greymatter's core stopped: ${panicMessage}`;
  try {
    page.loadPoints();
    if (restored) page.epochOffset = page.engine.lastGood.epoch;
    page.showView();
    page.network.pin(null);
    page.afterChange(restored ? 'kept' : 'regenerated');
    page.message.show(restored
      ? `${stopped} — restored the last good network`
      : `${stopped} — could not restore the last network (${detail}); started again from the default settings`);
  } catch (error) {
    page.pause();
    page.message.show(`${stopped} — and it could not be restarted (${lost ? detail : error.message}); please reload the page`);
  }
}

/** Makes the core of `page` panic with `text`; resolves once the page has recovered. */
export async function panicForTesting(page, text) {
  await page.ready;
  try {
    page.engine.call((_, glue) => glue.panicForTesting(String(text)));
  } catch (error) {
    if (!(error instanceof CoreCrash)) throw error;
    await error.restarted;
    return;
  }
  throw new Error('panicForTesting returned without a panic');
}
