// Writes greymatter's npm package, target/package/greymatter-X.Y.Z.tgz (`make package`):
// a staging folder (target/package/greymatter/) packed by `npm pack`. It holds what an
// author's page loads and nothing else — the element's bundle (js/dist/, bundled anew
// with the element as its only entry and no source maps), the wasm core and its glue
// (pkg/), the elements' stylesheets (css/), greymatter.js, the iframe helper
// (embed-host.js and its module form), the TypeScript declarations, the npm page's
// README (scripts/package/README.md), LICENSE and CHANGELOG.md. Its name, version,
// description, license, repository, homepage and keywords are Cargo.toml's: the one place
// they are written. Run after `make build` (it packs www/'s built core).

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from './bundle.mjs';
import { cargoPackage } from './version.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WWW = path.join(ROOT, 'www');
const OUT = path.join(ROOT, 'target', 'package');
const STAGE = path.join(OUT, 'greymatter');

/** Files copied as they are: where each goes in the package, from where in the repository. */
const COPIED = {
  'greymatter.js': 'www/greymatter.js',
  'greymatter.d.ts': 'www/greymatter.d.ts',
  'embed-host.js': 'www/embed-host.js',
  'embed-host-module.js': 'www/embed-host-module.js',
  'embed-host.d.ts': 'www/embed-host.d.ts',
  'pkg/greymatter.js': 'www/pkg/greymatter.js',
  'pkg/greymatter_bg.wasm': 'www/pkg/greymatter_bg.wasm',
  'css/playground.css': 'www/css/playground.css',
  'css/compare.css': 'www/css/compare.css',
  LICENSE: 'LICENSE',
  'CHANGELOG.md': 'CHANGELOG.md',
};

/** The package's package.json, from Cargo.toml's fields. */
export function packageJson(cargo) {
  return {
    name: cargo.name,
    version: cargo.version,
    description:
      'A neural-network playground for your pages: <greymatter-playground> trains a small network in the browser (a Rust core compiled to WebAssembly) and shows it learn.',
    keywords: cargo.keywords,
    homepage: cargo.homepage,
    repository: { type: 'git', url: `git+${cargo.repository}.git` },
    bugs: { url: `${cargo.repository}/issues` },
    license: cargo.license,
    type: 'module',
    // Types first, as TypeScript reads the conditions in order.
    exports: {
      '.': { types: './greymatter.d.ts', import: './greymatter.js' },
      './embed-host': { types: './embed-host.d.ts', import: './embed-host-module.js' },
      './embed-host.js': './embed-host.js',
      './greymatter_bg.wasm': './pkg/greymatter_bg.wasm',
      './playground.css': './css/playground.css',
      './compare.css': './css/compare.css',
      './package.json': './package.json',
    },
    types: './greymatter.d.ts',
    files: ['greymatter.js', 'greymatter.d.ts', 'embed-host.js', 'embed-host-module.js', 'embed-host.d.ts', 'js/dist/', 'pkg/', 'css/', 'CHANGELOG.md'],
    // Defining the elements (and the iframe helper's resizing) happens on import.
    sideEffects: ['./greymatter.js', './js/dist/*.js', './embed-host.js', './embed-host-module.js'],
  };
}

/** The version the built core says it is (www/pkg), which must be Cargo.toml's. */
async function coreVersion() {
  const glue = await import(path.join(WWW, 'pkg', 'greymatter.js'));
  glue.initSync({ module: readFileSync(path.join(WWW, 'pkg', 'greymatter_bg.wasm')) });
  return glue.version();
}

async function main() {
  const cargo = cargoPackage(readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8'));
  const built = await coreVersion();
  if (built !== cargo.version) {
    throw new Error(`www/pkg holds greymatter ${built}, Cargo.toml says ${cargo.version}: run make build`);
  }
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(STAGE, { recursive: true });
  await bundle({
    www: WWW,
    outdir: path.join(STAGE, 'js', 'dist'),
    entries: ['greymatter.js'],
    sourcemap: false,
    site: new URL('index.html', cargo.homepage).href,
  });
  for (const [to, from] of Object.entries(COPIED)) {
    mkdirSync(path.dirname(path.join(STAGE, to)), { recursive: true });
    copyFileSync(path.join(ROOT, from), path.join(STAGE, to));
  }
  const readme = readFileSync(path.join(ROOT, 'scripts', 'package', 'README.md'), 'utf8')
    .replaceAll('{{version}}', cargo.version)
    .replaceAll('{{homepage}}', cargo.homepage)
    .replaceAll('{{repository}}', cargo.repository);
  writeFileSync(path.join(STAGE, 'README.md'), readme);
  writeFileSync(path.join(STAGE, 'package.json'), `${JSON.stringify(packageJson(cargo), null, 2)}\n`);
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', OUT, STAGE], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
  console.log(`greymatter: target/package/${packed.filename}: ${packed.entryCount} files, ${kb(packed.size)} packed, ${kb(packed.unpackedSize)} unpacked`);
  for (const file of packed.files) console.log(`  ${file.path.padEnd(40)} ${kb(file.size).padStart(10)}`);
  if (readdirSync(OUT).filter((name) => name.endsWith('.tgz')).length !== 1) throw new Error('expected one tarball');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`greymatter: error: ${error.message}`);
    process.exit(1);
  });
}
