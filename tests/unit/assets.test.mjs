// Where greymatter's files are found (www/js/core/assets.js): next to the bundle by
// default, below a host's base path once set, and the base path fixed once a file was
// asked for (the core and the stylesheets are loaded once for the whole page).

import { test } from 'node:test';
import assert from 'node:assert/strict';

globalThis.document = { baseURI: 'https://host.example/lessons/one.html' };
const { assetUrl, basePath, setBasePath } = await import('../../www/js/core/assets.js');

test('a base path is resolved against the page, ends in /, and places every file below it', () => {
  assert.equal(basePath(), null);
  assert.throws(() => setBasePath(''), /basePath must be the URL of the folder that holds pkg\/ and css\/ \(or null\), got ""/);
  assert.throws(() => setBasePath(7), /got 7/);
  setBasePath('../vendor/greymatter');
  assert.equal(basePath(), 'https://host.example/vendor/greymatter/');
  setBasePath(null);
  assert.equal(basePath(), null);
  setBasePath('https://cdn.example/npm/greymatter@1.2.3/');
  assert.equal(assetUrl('core'), 'https://cdn.example/npm/greymatter@1.2.3/pkg/greymatter_bg.wasm');
  assert.equal(assetUrl('glue'), 'https://cdn.example/npm/greymatter@1.2.3/pkg/greymatter.js');
  assert.equal(assetUrl('playgroundCss'), 'https://cdn.example/npm/greymatter@1.2.3/css/playground.css');
  assert.equal(assetUrl('compareCss'), 'https://cdn.example/npm/greymatter@1.2.3/css/compare.css');
});

test('once a file was asked for, the base path can no longer change', () => {
  assert.throws(
    () => setBasePath('/elsewhere/'),
    /basePath must be set before the first greymatter element starts: https:\/\/cdn\.example\/npm\/greymatter@1\.2\.3\/pkg\/greymatter_bg\.wasm was already asked for/,
  );
  assert.equal(basePath(), 'https://cdn.example/npm/greymatter@1.2.3/');
});
