// Entry point of the greymatter page: builds the playground in #app and exposes it
// to scripts as `window.playground` (await `window.playground.ready` before use).

import { PlaygroundPage } from './playground-page.js';
import { publicApi } from './api.js';

const page = new PlaygroundPage(document.getElementById('app'));
window.playground = publicApi(page);
