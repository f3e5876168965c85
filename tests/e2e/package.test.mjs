// greymatter's npm package used the ways authors use it (docs/embedding.md, "Embedding greymatter
// in your pages"). The packed tarball (`make package`) is installed into a fresh
// project with `npm install ./greymatter-X.Y.Z.tgz` (no registry), and then:
// 1. a plain page loads /node_modules/greymatter/greymatter.js under the strict
//    Content-Security-Policy docs/embedding.md gives hosts: ready, trains, nothing in the console;
//    every place that shows the version agrees;
// 2. a Vite app imports 'greymatter' and 'greymatter/embed-host'; `vite build`, the
//    built dist/ served: the wasm was emitted as an asset and found, the element trains;
// 3. a CDN layout on another origin (/npm/greymatter@X.Y.Z/ with CORS): trains; a CDN
//    that sends no CORS header for the core: the element says so, naming the URL;
// 4. TypeScript: a consumer file checked by `tsc --noEmit` against the installed package;
// 5. the files moved to unrelated folders and GreymatterPlayground.basePath set: trains.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSession, openPage, openWatched, startsAndTrains, trained } from './helpers.mjs';
import { startServer } from './server.mjs';
import { cargoPackage } from '../../scripts/version.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CONSUMERS = path.join(ROOT, 'tests', 'consumers');
const PACKAGES = path.join(ROOT, 'target', 'package');
const VITE = path.join(CONSUMERS, 'vite', 'node_modules', 'vite', 'bin', 'vite.js');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** The tarball `make package` wrote. */
function tarball() {
  const found = existsSync(PACKAGES) ? readdirSync(PACKAGES).filter((name) => /^greymatter-.+\.tgz$/.test(name)) : [];
  if (found.length !== 1) throw new Error(`expected one greymatter-X.Y.Z.tgz in ${PACKAGES}, found ${found.length}: run make package`);
  return path.join(PACKAGES, found[0]);
}

/** Runs `command` in `cwd`; its output is shown when it fails. */
function run(command, args, cwd) {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${error.stdout}\n${error.stderr}`);
  }
}

describe('the npm package, installed and used as authors do', () => {
  let session;
  let project; // a fresh project with the tarball installed
  let installed; // its node_modules/greymatter
  let version;
  const servers = [];
  const serve = async (root, options) => {
    const server = await startServer(root, options);
    servers.push(server);
    return server;
  };

  before(async () => {
    const packed = tarball();
    project = mkdtempSync(path.join(os.tmpdir(), 'greymatter-consumer-'));
    writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name: 'greymatter-consumer', private: true, type: 'module' })}\n`);
    run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', packed], project);
    installed = path.join(project, 'node_modules', 'greymatter');
    version = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')).version;
    session = await startSession();
  });

  after(async () => {
    await session?.close();
    await Promise.all(servers.map((server) => server.close()));
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('a plain page loads it from node_modules under the strict policy, trains, and says nothing in the console', async () => {
    cpSync(path.join(CONSUMERS, 'plain'), project, { recursive: true });
    const server = await serve(project);
    const page = await openWatched(session, `${server.url}index.html`);
    trained(await startsAndTrains(page), 'it');
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assert.deepEqual(page.problems, []);
    const outside = page.requests.filter((url) => !url.startsWith(server.url) && !/^(blob|data):/.test(url));
    assert.deepEqual(outside, [], 'everything comes from the host');
  });

  it('every place that shows the version agrees: the package, Cargo.toml, the core, the files it writes, the full page', async () => {
    const cargo = cargoPackage(readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8')).version;
    assert.equal(version, cargo);
    assert.equal(path.basename(tarball()), `greymatter-${cargo}.tgz`);
    const server = await serve(project);
    const page = await openWatched(session, `${server.url}index.html`);
    await startsAndTrains(page);
    const shown = await page.evaluate(() => {
      const element = document.querySelector('greymatter-playground');
      return { core: element.version, model: element.exportModel().writer, lesson: element.saveLesson().writer };
    });
    assert.deepEqual(shown, { core: cargo, model: `greymatter ${cargo}`, lesson: `greymatter ${cargo}` });
    const full = await openPage(session, session.url);
    await full.waitForFunction((expected) => document.querySelector('#version')?.textContent === expected, `greymatter ${cargo}`);
  });

  it('a Vite app imports it by name: vite build emits the core as an asset and the built app trains', async () => {
    const app = path.join(project, 'vite-app');
    mkdirSync(app);
    for (const file of ['index.html', 'main.js']) cpSync(path.join(CONSUMERS, 'vite', file), path.join(app, file));
    run(process.execPath, [VITE, 'build', '--logLevel', 'warn'], app);
    const assets = readdirSync(path.join(app, 'dist', 'assets'));
    assert.ok(
      assets.some((name) => name.endsWith('.wasm')),
      `the core is an asset: ${assets.join(', ')}`,
    );
    const server = await serve(path.join(app, 'dist'));
    const page = await openWatched(session, server.url);
    trained(await startsAndTrains(page), 'it');
    assert.equal(await page.evaluate(() => document.body.dataset.frameHelper), 'function', 'greymatter/embed-host gives greymatterFrame');
    assert.ok(
      page.requests.some((url) => /\/assets\/greymatter_bg-[\w-]+\.wasm$/.test(url)),
      'the emitted core was loaded',
    );
    assert.deepEqual(page.problems, []);
  });

  describe('from a CDN layout on another origin', () => {
    let cdnRoot;
    before(() => {
      cdnRoot = mkdtempSync(path.join(os.tmpdir(), 'greymatter-cdn-'));
      mkdirSync(path.join(cdnRoot, 'npm'));
      symlinkSync(installed, path.join(cdnRoot, 'npm', `greymatter@${version}`), 'dir');
    });
    after(() => rmSync(cdnRoot, { recursive: true, force: true }));

    /** The host page, on an origin of its own, loading greymatter from `cdn`. */
    async function hostPage(cdn) {
      const host = await serve(path.join(CONSUMERS, 'cdn'), { substitute: { '{{CDN}}': `${cdn.url}npm/greymatter@${version}/` } });
      return openWatched(session, `${host.url}index.html`);
    }

    it('served with CORS, as jsDelivr and unpkg do: the element trains', async () => {
      const cdn = await serve(cdnRoot);
      const page = await hostPage(cdn);
      trained(await startsAndTrains(page), 'it');
      assert.ok(page.requests.includes(`${cdn.url}npm/greymatter@${version}/pkg/greymatter_bg.wasm`));
      assert.deepEqual(page.problems, []);
    });

    it('a CDN that sends no CORS header for the core: the element says so, naming the URL', async () => {
      const cdn = await serve(cdnRoot, { cors: (pathname) => !pathname.endsWith('.wasm') });
      const page = await hostPage(cdn);
      const core = `${cdn.url}npm/greymatter@${version}/pkg/greymatter_bg.wasm`;
      await page.waitForFunction(() => window.errorEvents.length > 0);
      const [error] = await page.evaluate(() => window.errorEvents);
      assert.equal(error.source, 'start');
      assert.ok(error.message.includes(core), `the error names ${core}: ${error.message}`);
      const shown = await page.evaluate(() => {
        const message = document.querySelector('greymatter-playground').shadowRoot.getElementById('message');
        const box = message.getBoundingClientRect();
        return { text: message.textContent, visible: box.width > 0 && box.height > 0 };
      });
      assert.ok(shown.visible && shown.text.includes(core), `the element shows it: ${JSON.stringify(shown)}`);
    });
  });

  it('TypeScript: a consumer file type-checks against the installed declarations', () => {
    cpSync(path.join(CONSUMERS, 'typescript'), project, { recursive: true });
    run(process.execPath, [TSC, '-p', path.join(project, 'tsconfig.json')], project);
  });

  it('the files moved to unrelated folders and basePath set: the element finds them and trains', async () => {
    const site = mkdtempSync(path.join(os.tmpdir(), 'greymatter-moved-'));
    try {
      const code = path.join(site, 'code', 'greymatter');
      const files = path.join(site, 'static', 'greymatter-files');
      cpSync(path.join(installed, 'greymatter.js'), path.join(code, 'greymatter.js'));
      cpSync(path.join(installed, 'js'), path.join(code, 'js'), { recursive: true });
      for (const folder of ['pkg', 'css']) cpSync(path.join(installed, folder), path.join(files, folder), { recursive: true });
      cpSync(path.join(CONSUMERS, 'base-path'), site, { recursive: true });
      const server = await serve(site);
      const page = await openWatched(session, `${server.url}index.html`);
      trained(await startsAndTrains(page), 'it');
      assert.ok(page.requests.includes(`${server.url}static/greymatter-files/pkg/greymatter_bg.wasm`));
      assert.ok(page.requests.includes(`${server.url}static/greymatter-files/css/playground.css`));
      assert.deepEqual(page.problems, []);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
