// The version a release of greymatter carries: Cargo.toml's `[package] version`, the one
// place it is written (scripts/package.mjs reads that table through cargoPackage, kept
// here, where nothing heavy is imported). `node scripts/version.mjs` prints it;
// `--check-tag vX.Y.Z` (what `make check-tag TAG=…` runs, in the release workflow before
// anything is published) fails unless the tag is `v` and that version, and every tarball
// in target/package/ (from `make package`) is that version's.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGES = path.join(ROOT, 'target', 'package');

/** The `[package]` table of Cargo.toml: its string values, and `keywords` as a list. */
export function cargoPackage(text) {
  const table = /^\[package\]\n([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(text)?.[1] ?? '';
  const fields = {};
  for (const [, key, value] of table.matchAll(/^(\w+)\s*=\s*(".*"|\[.*\])\s*$/gm)) fields[key] = JSON.parse(value);
  return fields;
}

/**
 * What is wrong with releasing `version` under `tag` with the tarballs `tarballs` (file
 * names), or null when nothing is.
 */
export function tagProblem(tag, version, tarballs = []) {
  if (tag !== `v${version}`) return `the tag '${tag}' is not v${version}, the version in Cargo.toml`;
  const others = tarballs.filter((name) => !name.endsWith(`-${version}.tgz`));
  if (others.length) return `target/package/ holds ${others.join(', ')}, not version ${version}`;
  return null;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { version } = cargoPackage(readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8'));
  const [option, tag] = process.argv.slice(2);
  if (!version) {
    console.error('greymatter: error: Cargo.toml has no [package] version');
    process.exit(1);
  } else if (option === undefined) {
    console.log(version);
  } else if (option === '--check-tag') {
    const tarballs = existsSync(PACKAGES) ? readdirSync(PACKAGES).filter((name) => name.endsWith('.tgz')) : [];
    const problem = tagProblem(tag ?? '', version, tarballs);
    if (problem) {
      console.error(`greymatter: error: ${problem}`);
      process.exit(1);
    }
    console.log(`greymatter: the tag ${tag} is the version to release (${version})`);
  } else {
    console.error('greymatter: usage: node scripts/version.mjs [--check-tag vX.Y.Z]');
    process.exit(2);
  }
}
