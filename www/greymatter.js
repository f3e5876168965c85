// greymatter: the one script a page includes to get <greymatter-playground> (and
// <greymatter-compare>, two playgrounds raced side by side).
//
//   <script type="module" src="…/greymatter.js"></script>
//   <greymatter-playground dataset="xor" hidden-layers="4" layout="compact"></greymatter-playground>
//
// It finds the wasm core and its styles next to itself (import.meta.url), so it can be
// loaded from any folder, or from another origin that serves these files with CORS.
// The element, its attributes, events and scripting API are in the README ("Embedding").

// element-modules.js (written by make build) imports every module of the element, so
// the browser fetches them in one round instead of one round per level of imports.
import './js/element-modules.js';
import { GreymatterPlayground } from './js/element/playground-element.js';
import { GreymatterCompare } from './js/compare/compare-element.js';

if (!customElements.get('greymatter-playground')) {
  customElements.define('greymatter-playground', GreymatterPlayground);
}
if (!customElements.get('greymatter-compare')) {
  customElements.define('greymatter-compare', GreymatterCompare);
}

export { GreymatterPlayground, GreymatterCompare };
