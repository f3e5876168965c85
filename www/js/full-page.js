// The full page (index.html): one <greymatter-playground layout="full" sync-url>, whose
// scripting interface is `window.playground` — the page's only global. Set as soon as
// this script runs, before the core has loaded: await `window.playground.ready`.
// Its "Compare" button races two runs (compare/page-compare.js). The page works
// offline after one visit (offline/register.js).

import './greymatter.js';
import './offline/register.js';
import { bindCompare } from './compare/page-compare.js';

const element = document.querySelector('greymatter-playground');
window.playground = element.api;
// Read before the playground rewrites the address: it keeps only its own part.
bindCompare(element, window.location.hash);
// The footer names the version the core says it is.
element.ready.then(
  () => {
    document.querySelector('#version').textContent = `greymatter ${element.version}`;
  },
  () => {},
);
