// An author's TypeScript, checked by `tsc --noEmit` against the installed package
// (tests/e2e/package.test.mjs): the element's type comes through HTMLElementTagNameMap.
import 'greymatter';
import type { GreymatterConfig, GreymatterPlayground, GreymatterState } from 'greymatter';
import { greymatterFrame } from 'greymatter/embed-host';

export async function lesson(): Promise<number> {
  await customElements.whenDefined('greymatter-playground');
  const element = document.querySelector('greymatter-playground');
  if (element === null) return 0;
  const typed: GreymatterPlayground = element;
  await typed.ready;
  const change: Partial<GreymatterConfig> = { learningRate: 0.1, activation: 'relu' };
  typed.setConfig(change);
  // @ts-expect-error: not an activation the core has
  typed.setConfig({ activation: 'cosine' });
  element.addEventListener('epoch', (event) => console.log(event.detail.trainLoss.toFixed(3)));
  const state: GreymatterState = await element.step();
  const frame = greymatterFrame(document.querySelector('iframe')!);
  await frame.call('setConfig', { learningRate: 0.3 });
  frame.on('epoch', (detail) => console.log(detail.epoch));
  return state.epoch;
}
