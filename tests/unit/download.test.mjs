// What greymatter says when one of its own files does not arrive
// (www/js/core/download.js): the URL, the HTTP status, what the file starts with when it
// is not what it should be, CORS and the page's Content-Security-Policy.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  StartFailure,
  statusFailure,
  fileStart,
  notWebAssembly,
  notText,
  blockedFailure,
  compileFailure,
  refusedByPolicy,
  BASE_PATH_HINT,
} from '../../www/js/core/download.js';

const CORE = 'https://cdn.example/greymatter/pkg/greymatter_bg.wasm';
const bytesOf = (text) => new TextEncoder().encode(text);

describe('a file that does not arrive', () => {
  it('is said with its URL and status, and a 404 with the base path hint', () => {
    const missing = statusFailure('its core', CORE, 404, 'Not Found');
    assert.ok(missing instanceof StartFailure);
    assert.equal(missing.problem, `its core is not at ${CORE} (404 Not Found).`);
    assert.equal(missing.hint, `Were the files moved? ${BASE_PATH_HINT}`);
    assert.equal(missing.message, `${missing.problem} ${missing.hint}`);
    assert.equal(statusFailure('its core', CORE, 410).problem, `its core is not at ${CORE} (410).`, 'no reason phrase (HTTP/2)');
    const refused = statusFailure('its stylesheet', 'https://a.example/css/playground.css', 403, 'Forbidden');
    assert.equal(refused.message, 'its stylesheet could not be downloaded from https://a.example/css/playground.css: the server answered 403 Forbidden.');
  });

  it("tells CORS from the page's Content-Security-Policy and from a network failure", () => {
    const cors = blockedFailure('its core', CORE, 'https://lessons.example');
    assert.equal(
      cors.problem,
      `could not download its core from ${CORE}, another origin: the server sent no Access-Control-Allow-Origin header for this page (or is unreachable).`,
    );
    assert.match(cors.hint, /^Serve greymatter's files with CORS/);
    const policy = blockedFailure('its core', CORE, 'https://lessons.example', 'connect-src');
    assert.equal(policy.problem, `this page's Content-Security-Policy does not allow downloading its core from ${CORE} (connect-src).`);
    assert.equal(policy.hint, 'Add https://cdn.example to its connect-src.');
    assert.equal(blockedFailure('its core', CORE, 'https://cdn.example').message, `could not download its core from ${CORE}: the server is unreachable.`);
  });
});

describe('a file that is not what it should be', () => {
  it('says what it starts with: an HTML page, text, or bytes', () => {
    assert.equal(fileStart(bytesOf('\uFEFF  <!DOCTYPE html>\n<html>')), '"<!DOCTYPE html>", an HTML page');
    assert.equal(fileStart(bytesOf('<html lang="en"><head>')), '"<html lang=\\"en\\">", an HTML page');
    assert.equal(fileStart(bytesOf('{"error": "no such file", "code": 404}')), '"{\\"error\\": \\"no such file…"');
    assert.equal(fileStart(Uint8Array.of(0x1f, 0x8b, 8, 0, 1)), 'the bytes 1f 8b 08 00');
    assert.equal(fileStart(new Uint8Array()), 'nothing: the file is empty');
  });

  it('takes WebAssembly by its first bytes', () => {
    assert.equal(notWebAssembly('its core', CORE, Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0)), null);
    const page = notWebAssembly('its core', CORE, bytesOf('<!DOCTYPE html><title>My course</title>'));
    assert.equal(page.problem, `its core at ${CORE} is not WebAssembly: it starts with "<!DOCTYPE html>", an HTML page.`);
    assert.match(page.hint, /single-page app's fallback.*GreymatterPlayground\.basePath/);
    assert.match(notWebAssembly('its core', CORE, Uint8Array.of(0x1f, 0x8b, 8, 0)).problem, /it starts with the bytes 1f 8b 08 00\.$/);
  });

  it('refuses an HTML page for CSS or JavaScript, and nothing else', () => {
    const url = 'https://a.example/css/playground.css';
    assert.equal(notText('its stylesheet', url, ':host { display: block; }', 'CSS'), null);
    assert.equal(notText('its stylesheet', url, '/* <html> in a comment */', 'CSS'), null);
    assert.equal(
      notText('its stylesheet', url, '\n<!doctype html><html>', 'CSS').problem,
      `its stylesheet at ${url} is not CSS: it starts with "<!doctype html>", an HTML page.`,
    );
  });

  it("says a compilation the page's policy refused with the directive to change", () => {
    const refusal = new WebAssembly.CompileError(
      "WebAssembly.compileStreaming(): Refused to compile or instantiate WebAssembly module because 'unsafe-eval' is not an allowed source of script in the following Content Security Policy directive: \"script-src 'self'\"",
    );
    assert.equal(refusedByPolicy(refusal), true);
    assert.equal(
      compileFailure('its core', CORE, refusal).message,
      "this page's Content-Security-Policy does not allow WebAssembly to compile. Add 'wasm-unsafe-eval' to its script-src: greymatter's core is WebAssembly.",
    );
    const broken = compileFailure('its core', CORE, new WebAssembly.CompileError('section was shorter than expected size'));
    assert.equal(broken.problem, `its core at ${CORE} could not be compiled: section was shorter than expected size`);
  });
});
