// Types of greymatter's iframe helper (embed-host.js, and embed-host-module.js, its ES
// module form: `import { greymatterFrame } from 'greymatter/embed-host'`).

import type { GreymatterApi, GreymatterEventDetail } from './greymatter.js';

/** The events a frame passes on, with `resize` (its content's height) of its own. */
export type GreymatterFrameEventDetail = GreymatterEventDetail & { resize: { height: number } };

/** One iframe embed's scripting API, as promises (docs/embedding-iframe.md). */
export interface GreymatterFrame {
  /** Calls a member of the frame's scripting API; resolves with its result, rejects with its refusal. */
  call<K extends keyof GreymatterApi>(
    name: K,
    ...args: GreymatterApi[K] extends (...args: infer A) => unknown ? A : []
  ): Promise<GreymatterApi[K] extends (...args: never[]) => infer R ? Awaited<R> : GreymatterApi[K]>;
  /** Calls `callback(detail)` on each `event` of the frame; returns a function that stops it. */
  on<K extends keyof GreymatterFrameEventDetail>(event: K, callback: (detail: GreymatterFrameEventDetail[K]) => void): () => void;
}

/** The scripting API of greymatter's iframe `iframe`; connects it (and resizes it) on first use. */
export declare function greymatterFrame(iframe: HTMLIFrameElement): GreymatterFrame;

declare global {
  interface Window {
    /** Defined by embed-host.js. */
    greymatterFrame: typeof greymatterFrame;
  }
}
