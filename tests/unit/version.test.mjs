// The version a release carries and the check of its tag (scripts/version.mjs, which
// `make check-tag TAG=…` runs in the release workflow before anything is published).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cargoPackage, tagProblem } from '../../scripts/version.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'version.mjs');
const run = (...args) => spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });

describe('the release version', () => {
  it("is the version of Cargo.toml's [package] table, not of a dependency", () => {
    const version = (toml) => cargoPackage(toml).version;
    assert.equal(version('[package]\nname = "greymatter"\nversion = "1.2.3"\n\n[dependencies]\nserde = { version = "1" }\n'), '1.2.3');
    assert.equal(version('[dependencies]\nversion = "9"\n[package]\nname = "x"\nversion = "0.4.0-beta.1"\n'), '0.4.0-beta.1');
    assert.equal(version('[package]\nname = "x"\n[dependencies]\nversion = "9"\n'), undefined);
    assert.equal(run().stdout.trim(), version(readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8')));
  });

  it("a tag is v and that version, and the tarballs are that version's", () => {
    assert.equal(tagProblem('v1.2.3', '1.2.3'), null);
    assert.equal(tagProblem('v1.2.3', '1.2.3', ['greymatter-1.2.3.tgz']), null);
    assert.match(tagProblem('1.2.3', '1.2.3'), /the tag '1.2.3' is not v1.2.3/);
    assert.match(tagProblem('v1.2.4', '1.2.3'), /not v1.2.3, the version in Cargo.toml/);
    assert.match(tagProblem('', '1.2.3'), /the tag '' is not v1.2.3/);
    assert.match(tagProblem('v1.2.3', '1.2.3', ['greymatter-1.2.3.tgz', 'greymatter-1.2.2.tgz']), /greymatter-1.2.2.tgz, not version 1.2.3/);
  });

  it('--check-tag refuses another tag with a message and exit status 1', () => {
    const refused = run('--check-tag', 'v0.0.0-not-this');
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /^greymatter: error: the tag 'v0\.0\.0-not-this' is not v/);
    assert.equal(run('--what').status, 2);
  });
});

describe('the documents', () => {
  it('pin this version wherever they name one (the CDN tags of the README and docs/), and the CHANGELOG has its section', () => {
    const version = cargoPackage(readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8')).version;
    for (const file of ['README.md', 'docs/embedding.md', 'scripts/package/README.md']) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      const pinned = [...text.matchAll(/greymatter@([^/\s'"`]+)/g)].map((match) => match[1]);
      for (const named of pinned) if (named !== '{{version}}') assert.equal(named, version, `${file} names greymatter@${named}`);
    }
    assert.match(readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## \\[${version.replaceAll('.', '\\.')}\\]`, 'm'));
  });
});
