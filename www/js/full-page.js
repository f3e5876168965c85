// The full page (index.html): one <greymatter-playground layout="full" sync-url>, whose
// scripting interface is `window.playground` — the page's only global. Set as soon as
// this script runs, before the core has loaded: await `window.playground.ready`.

import './../greymatter.js';

window.playground = document.querySelector('greymatter-playground').api;
