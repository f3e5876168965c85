// The full page (index.html): one <greymatter-playground layout="full" sync-url>, whose
// scripting interface is `window.playground` — the page's only global. Set as soon as
// this script runs, before the core has loaded: await `window.playground.ready`.
// The page works offline after one visit (offline/register.js).

import './../greymatter.js';
import './offline/register.js';

window.playground = document.querySelector('greymatter-playground').api;
