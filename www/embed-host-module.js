// greymatter's iframe helper as an ES module, for bundlers and module scripts:
//
//   import { greymatterFrame } from 'greymatter/embed-host';
//
// It runs embed-host.js (the classic script a host page may include with a plain
// <script src>) for what it does — every `iframe[data-greymatter]` resized to its
// playground — and exports the one function that script defines.

import './embed-host.js';

/** The scripting API of greymatter's iframe `iframe`: `{call, on}` (docs/embedding-iframe.md). */
export const { greymatterFrame } = window;
