// What a playground does after its wasm core crashed (a Rust panic: a bug in
// greymatter). The engine has already loaded a fresh instance and put back the last
// good weights at their epoch; this brings the playground in step with it — points,
// view options — and tells the person (and the host page, with an `error` event)
// what happened. Also the test hook that causes a crash.

import { CoreCrash } from '../core/core.js';

/**
 * @param {import('./controller.js').Playground} playground
 * @param {{panicMessage: string, restored: boolean, lost?: boolean, detail?: string}} info
 */
export function recoverAfterCrash(playground, { panicMessage, restored, lost, detail }) {
  const stopped = `greymatter's core stopped: ${panicMessage}`;
  let message;
  let recovered = true;
  try {
    playground.loadPoints();
    if (restored) playground.historyFromChart = true;
    playground.showView();
    playground.network.pin(null);
    playground.afterChange(restored ? 'kept' : 'regenerated');
    message = restored
      ? `${stopped} — restored the last good network`
      : `${stopped} — could not restore the last network (${detail}); started again from the default settings`;
  } catch (error) {
    playground.pause();
    recovered = false;
    message = `${stopped} — and it could not be restarted (${lost ? detail : error.message}); please reload the page`;
  }
  playground.message.show(message);
  playground.emit('error', { message, source: 'crash', recovered, restored: recovered && restored });
}

/** Makes the core of `playground` panic with `text`; resolves once it has recovered. */
export async function panicForTesting(playground, text) {
  await playground.ready;
  try {
    playground.core.panic(text);
  } catch (error) {
    if (!(error instanceof CoreCrash)) throw error;
    await error.restarted;
    return;
  }
  throw new Error('panicForTesting returned without a panic');
}
