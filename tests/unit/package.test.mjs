// The npm package `make package` writes (scripts/package.mjs): exactly the files an
// author's page loads, and a package.json whose fields are Cargo.toml's, with the
// exports map bundlers and TypeScript read. (How it is used is tests/e2e/package.test.mjs.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cargoPackage } from '../../scripts/version.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PACKAGES = path.join(ROOT, 'target', 'package');
const cargo = cargoPackage(readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8'));
const TARBALL = path.join(PACKAGES, `greymatter-${cargo.version}.tgz`);

/** The files of the tarball, without npm's `package/` folder. */
function packedFiles() {
  assert.ok(existsSync(TARBALL), `${TARBALL} is missing: run make package`);
  return execFileSync('tar', ['-tzf', TARBALL], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((name) => name.replace(/^package\//, ''))
    .sort();
}

test('the tarball holds the element, its chunks, the core, the stylesheets, the types, the iframe helper and the documents: nothing else', () => {
  const files = packedFiles();
  const chunks = files.filter((file) => /^js\/dist\/chunk-[A-Z0-9]+\.js$/.test(file));
  assert.ok(chunks.length > 0, 'the bundle has chunks');
  const expected = [
    'CHANGELOG.md',
    'LICENSE',
    'README.md',
    'package.json',
    'greymatter.js',
    'greymatter.d.ts',
    'embed-host.js',
    'embed-host-module.js',
    'embed-host.d.ts',
    'js/dist/greymatter.js',
    ...chunks,
    'pkg/greymatter.js',
    'pkg/greymatter_bg.wasm',
    'css/playground.css',
    'css/compare.css',
  ].sort();
  assert.deepEqual(files, expected);
  assert.deepEqual(
    readdirSync(PACKAGES).filter((name) => name.endsWith('.tgz')),
    [path.basename(TARBALL)],
    'one tarball, of this version',
  );
});

test("package.json: Cargo.toml's name, version and links; ES module exports with types first; no dependencies", () => {
  const json = JSON.parse(execFileSync('tar', ['-xzOf', TARBALL, 'package/package.json'], { encoding: 'utf8' }));
  assert.equal(json.name, 'greymatter');
  assert.equal(json.version, cargo.version);
  assert.equal(json.license, cargo.license);
  assert.equal(json.homepage, cargo.homepage);
  assert.equal(json.repository.url, `git+${cargo.repository}.git`);
  assert.deepEqual(json.keywords, cargo.keywords);
  assert.equal(json.type, 'module');
  assert.equal(json.types, './greymatter.d.ts');
  assert.deepEqual(Object.keys(json.exports['.']), ['types', 'import']);
  assert.deepEqual(json.exports['./embed-host'], { types: './embed-host.d.ts', import: './embed-host-module.js' });
  assert.equal(json.exports['./greymatter_bg.wasm'], './pkg/greymatter_bg.wasm');
  assert.equal(json.exports['./playground.css'], './css/playground.css');
  assert.ok(json.sideEffects.includes('./greymatter.js'), 'defining the element is a side effect');
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'scripts']) assert.equal(json[field], undefined, field);
  const files = new Set(packedFiles());
  for (const target of Object.values(json.exports).flatMap((entry) => (typeof entry === 'string' ? [entry] : Object.values(entry)))) {
    assert.ok(files.has(target.replace(/^\.\//, '')), `${target} is in the package`);
  }
});

test("the npm page's README names this version in its CDN tag", () => {
  const readme = execFileSync('tar', ['-xzOf', TARBALL, 'package/README.md'], { encoding: 'utf8' });
  assert.ok(readme.includes(`https://cdn.jsdelivr.net/npm/greymatter@${cargo.version}/greymatter.js`));
  assert.doesNotMatch(readme, /\{\{\w+\}\}/, 'every placeholder filled');
});
