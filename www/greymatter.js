// greymatter: the one script a page includes to get <greymatter-playground> (and
// <greymatter-compare>, two playgrounds raced side by side).
//
//   <script type="module" src="…/greymatter.js"></script>
//   <greymatter-playground dataset="xor" hidden-layers="4" layout="compact"></greymatter-playground>
//
// It loads the element's bundle (js/dist/, written by `make build` from the modules of
// js/, whose entry is js/greymatter.js): a handful of files instead of 60 modules. The
// bundle finds the wasm core and the styles next to itself (import.meta.url), so it can
// be loaded from any folder, or from another origin that serves these files with CORS.
// The element, its attributes, events and scripting API are in docs/embedding.md and docs/scripting.md.

export { GreymatterPlayground, GreymatterCompare } from './js/dist/greymatter.js';
