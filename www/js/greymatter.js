// greymatter: what the one script a page includes (www/greymatter.js, which loads this
// module's bundle, js/dist/greymatter.js) gives: <greymatter-playground> (and
// <greymatter-compare>, two playgrounds raced side by side).
//
//   <script type="module" src="…/greymatter.js"></script>
//   <greymatter-playground dataset="xor" hidden-layers="4" layout="compact"></greymatter-playground>
//
// It finds the wasm core and its styles next to itself (import.meta.url), so it can be
// loaded from any folder, or from another origin that serves these files with CORS.
// The element, its attributes, events and scripting API are in docs/embedding.md and docs/scripting.md.

import { GreymatterPlayground } from './element/playground-element.js';
import { GreymatterCompare } from './compare/compare-element.js';

if (!customElements.get('greymatter-playground')) {
  customElements.define('greymatter-playground', GreymatterPlayground);
}
if (!customElements.get('greymatter-compare')) {
  customElements.define('greymatter-compare', GreymatterCompare);
}

export { GreymatterPlayground, GreymatterCompare };
