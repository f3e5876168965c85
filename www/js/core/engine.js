// Loads greymatter's wasm core and keeps one instance of it alive for one playground.
//
// The compiled module is shared by every playground on the page: it is downloaded and
// compiled once (`WebAssembly.compileStreaming`), and each playground instantiates it
// with a glue module of its own — the wasm-bindgen glue keeps its instance in module
// state, so each playground needs its own copy of the glue. The glue's text is fetched
// once too and imported from a blob: URL, with one export added (`releaseInstance`)
// that makes the glue forget its instance: a restart releases the crashed instance and
// instantiates again from the same glue module, so nothing keeps the crashed memory
// alive (an imported module stays in the page's module map for good). Where a host
// page's Content-Security-Policy forbids blob: scripts, the glue is imported from its
// own URL with a query that makes it a new module instead (and a crashed instance's
// memory then stays with its glue).
//
// A download or compilation that fails says why (core/download.js: the URL, the HTTP
// status, an HTML page where the core should be, CORS, the page's CSP), and is tried
// again by the next playground rather than remembered.
//
// `Engine.call` turns a refused setting into a plain Error with the core's readable
// message, and a crash of the core (a Rust panic, seen in JS as a
// `WebAssembly.RuntimeError`) into a fresh instance that carries on from the last good
// network: a new Playground is built from the last good config and own points, and
// the last snapshot of its weights is put back. A JavaScript exception that unwinds
// through a wasm call (a stack overflow, a throwing getter or Proxy trap read by the
// core) counts as a crash too: Rust's borrow guards never run, so the handle stays
// borrowed and every later call would fail. A trap can leave an instance's memory in
// any state, so a crashed instance is never used again, and no other playground's
// instance is touched.

import { assetUrl } from './assets.js';
import { download, notWebAssembly, notText, compileFailure, refusedByPolicy } from './download.js';

/** The compiled module and the glue's source, fetched once for the whole page. */
let shared = null;
/** Glue modules imported by URL (when blob: imports are not allowed): each needs a URL of its own. */
let urlImports = 0;
/** Whether the page refused a blob: import once (its CSP): later instances go straight to URLs. */
let blobRefused = false;

/** The core compiled while it downloads; a failure says why (a StartFailure). */
async function compileCore() {
  const { url, what, response } = await download('core');
  try {
    return await WebAssembly.compileStreaming(response);
  } catch (error) {
    if (refusedByPolicy(error)) throw compileFailure(what, url, error);
    // A server that does not send application/wasm, or a file that is not WebAssembly: look at its bytes.
    const bytes = new Uint8Array(await (await download('core')).response.arrayBuffer());
    const refusal = notWebAssembly(what, url, bytes);
    if (refusal) throw refusal;
    return WebAssembly.compile(bytes).catch((compiling) => {
      throw compileFailure(what, url, compiling);
    });
  }
}

/** The text of the core's glue code (a JavaScript module); a failure says why. */
async function glueText() {
  const { url, what, response } = await download('glue');
  const text = await response.text();
  const refusal = notText(what, url, text, 'JavaScript');
  if (refusal) throw refusal;
  return text;
}

function sharedCore() {
  if (!shared) {
    shared = { module: compileCore(), glueSource: glueText() };
    // A failed download is tried again by the next playground, not remembered forever.
    Promise.all([shared.module, shared.glueSource]).catch(() => {
      shared = null;
    });
  }
  return shared;
}

/**
 * The glue's source with `releaseInstance()` added: it forgets the instance the glue
 * holds in module state and its cached views of that memory, so the glue can
 * instantiate the core again. The source unchanged when it does not have the
 * wasm-bindgen state this knows (then each instance gets a glue module of its own).
 */
export function releasableGlue(source) {
  if (!/^let wasmModule, wasmInstance, wasm;$/m.test(source) || !/^let __wbg_init_promise;$/m.test(source)) return source;
  const views = [...source.matchAll(/^let (cached\w+Memory0) = null;$/gm)].map((match) => `${match[1]} = null;`);
  const release = `wasmModule = undefined; wasmInstance = undefined; wasm = undefined; __wbg_init_promise = undefined; ${views.join(' ')}`;
  return `${source}\nexport function releaseInstance() { ${release} }\n`;
}

/** A glue module of its own for one playground. */
async function importGlue(source) {
  if (!blobRefused) {
    const url = URL.createObjectURL(new Blob([releasableGlue(source)], { type: 'text/javascript' }));
    try {
      return await import(url);
    } catch {
      blobRefused = true; // the page's CSP allows no blob: scripts
    } finally {
      URL.revokeObjectURL(url);
    }
  }
  // The same file under a URL of its own.
  const glueUrl = assetUrl('glue');
  return import(urlImports++ === 0 ? glueUrl : `${glueUrl}?instance=${urlImports}`);
}

/**
 * A new instance of the core: its glue module and its memory. `previous`, the glue of
 * an instance that is given up, is reused when it can release that instance.
 */
async function instantiate(previous) {
  const { module, glueSource } = sharedCore();
  // The core first: when both fail, its reason is the one said.
  const compiled = await module;
  const source = await glueSource;
  let glue = previous;
  if (typeof glue?.releaseInstance === 'function') glue.releaseInstance();
  else glue = await importGlue(source);
  const exports = await glue.default({ module_or_path: compiled });
  return { glue, memory: exports.memory };
}

/** Thrown by `Engine.call` when the core crashed; `restarted` settles once it is back. */
export class CoreCrash extends Error {
  constructor(panicMessage, restarted) {
    super(`greymatter's core stopped: ${panicMessage}`);
    this.name = 'CoreCrash';
    this.panicMessage = panicMessage;
    this.restarted = restarted;
  }
}

/** Thrown by `Engine.call` while the core is being restarted after a crash. */
export class CoreBusy extends Error {
  constructor() {
    super("greymatter's core is restarting after a crash; try again in a moment");
    this.name = 'CoreBusy';
  }
}

export function asError(thrown) {
  if (thrown instanceof Error) return thrown;
  return new Error(typeof thrown === 'string' ? thrown : JSON.stringify(thrown));
}

/**
 * The panic text the core's hook left behind, as one readable line: Rust writes
 * "panicked at src/file.rs:70:5:\n<message>", shown as "<message> (src/file.rs:70:5)".
 * The hook writes it synchronously just before the trap, so the playground whose
 * call trapped is the one that reads it.
 */
function takePanicMessage(trap, memory) {
  const text = globalThis.greymatterPanicMessage;
  delete globalThis.greymatterPanicMessage;
  if (!text && /unreachable/.test(trap.message)) return outOfMemory(memory);
  if (!text) return trap.message || 'unknown error';
  const parts = /^panicked at (.+?):\s*\n([\s\S]*)$/.exec(String(text));
  return parts ? `${parts[2].trim()} (${parts[1]})` : String(text);
}

/**
 * A trap with no panic behind it is Rust's abort when an allocation fails (out of
 * memory does not panic): said as such, with how much memory the instance had.
 */
function outOfMemory(memory) {
  const bytes = memory?.buffer?.byteLength;
  const held = Number.isFinite(bytes) ? ` with ${Math.round(bytes / 2 ** 20).toLocaleString('en-US')} MB in use` : '';
  return `it ran out of memory${held}: the browser gave it no more (try a smaller network or fewer points)`;
}

/** What a thrown value says, without trusting it. */
function thrownText(thrown) {
  try {
    return thrown instanceof Error ? `${thrown.name === 'Error' ? '' : `${thrown.name}: `}${thrown.message}` : String(thrown);
  } catch {
    return 'an exception';
  }
}

/** wasm-bindgen's words for a handle that is borrowed, freed or moved: it cannot be used. */
const HANDLE_UNUSABLE = /recursive use of an object|null pointer passed to rust|attempted to take ownership/;
/** A stack overflow (Chromium's RangeError, Firefox's InternalError). */
const STACK_OVERFLOW = /call stack|too much recursion/i;

/**
 * Whether `thrown` says for sure that the instance cannot be trusted: wasm-bindgen's
 * complaint about the handle, or a stack overflow, which unwinds through the core's
 * frames (its own stack pointer is never put back). Anything else — a refusal of the
 * core (a plain Error made by `js_error` in src/wasm), an error of the JS around the
 * call, a getter's exception — is told apart by `Engine.handleUsable`.
 */
function leftUnusable(thrown) {
  try {
    if (!(thrown instanceof Error)) return false;
    if (HANDLE_UNUSABLE.test(thrown.message)) return true;
    return (thrown.name === 'RangeError' || thrown.name === 'InternalError') && STACK_OVERFLOW.test(thrown.message);
  } catch {
    return true;
  }
}

/** Owns one wasm Playground handle and keeps what is needed to rebuild it. */
export class Engine {
  /**
   * @param {{onRestart: (info: {panicMessage: string, restored: boolean, detail?: string}) => void}} hooks
   * @param {(previous: object | null) => Promise<{glue: object, memory: WebAssembly.Memory}>} [instantiateCore]
   *   makes an instance (the page's: from the shared module; Node tests pass their own)
   */
  constructor(hooks, instantiateCore = instantiate) {
    this.hooks = hooks;
    this.instantiateCore = instantiateCore;
    this.glue = null;
    this.memory = null;
    this.handle = null;
    this.restarting = null;
    this.lastGood = { config: null, parameters: null, epoch: 0, points: null };
  }

  /** Loads an instance of the core (first time only). */
  async load() {
    Object.assign(this, await this.instantiateCore(null));
  }

  /**
   * Runs `work(handle, glue)` against the core. Errors the core refuses with come
   * back as Error; a crash, or an exception that left the handle unusable, starts the
   * restart and throws CoreCrash.
   */
  call(work) {
    if (this.restarting) throw new CoreBusy();
    try {
      return work(this.handle, this.glue);
    } catch (thrown) {
      let panicMessage;
      if (thrown instanceof WebAssembly.RuntimeError) panicMessage = takePanicMessage(thrown, this.memory);
      else if (!leftUnusable(thrown) && this.handleUsable()) throw asError(thrown);
      else panicMessage = `a JavaScript exception inside a call left it unusable (${thrownText(thrown)})`;
      this.restarting = this.restart(panicMessage);
      throw new CoreCrash(panicMessage, this.restarting);
    }
  }

  /**
   * Whether the handle can still be borrowed mutably after a call threw: an exception
   * that unwound through a method (a getter's, a Proxy trap's) leaves its borrow taken,
   * while a refusal is thrown by the glue after the call has returned. Asks for a
   * palette that does not exist — refused before anything changes — and looks at how
   * it is refused.
   */
  handleUsable() {
    if (!this.handle) return true;
    try {
      this.handle.setPalette('');
      return true;
    } catch (probe) {
      return !leftUnusable(probe) && !(probe instanceof WebAssembly.RuntimeError);
    }
  }

  /** Builds a new Playground for `config`; on refusal the current one stays. */
  create(config) {
    const handle = this.call((_, glue) => new glue.Playground(config));
    this.dropHandle();
    this.handle = handle;
    return handle;
  }

  /** Remembers the config the next restart should rebuild from. */
  rememberConfig(config) {
    this.lastGood.config = config;
  }

  /** Remembers the current weights (a small Float32Array) and the epoch they belong to. */
  snapshot(epoch) {
    this.lastGood.parameters = this.call((p) => p.parameters());
    this.lastGood.epoch = epoch;
  }

  /** Forgets the old handle without calling into a core that may have crashed. */
  dropHandle() {
    const old = this.handle;
    this.handle = null;
    if (!old) return;
    try {
      if (typeof old.__destroy_into_raw === 'function') old.__destroy_into_raw();
    } catch {
      // Nothing to do: the old core is being thrown away.
    }
  }

  async restart(panicMessage) {
    this.dropHandle();
    let info;
    try {
      await this.rebuild(this.lastGood.config, this.lastGood.parameters, this.lastGood.points, this.lastGood.epoch);
      info = { panicMessage, restored: true };
    } catch (first) {
      // The last good network could not be rebuilt: start afresh from the defaults.
      try {
        await this.rebuild(null, null, null);
        info = { panicMessage, restored: false, detail: asError(first).message };
      } catch (second) {
        info = { panicMessage, restored: false, lost: true, detail: asError(second).message };
      }
      this.lastGood.epoch = 0;
    }
    this.restarting = null;
    this.hooks.onRestart(info);
  }

  /**
   * A fresh instance with `config`, own `points` (`{train, test, classNames}`, flat) and
   * `parameters` at `epoch`, so the new core counts epochs on from there.
   */
  async rebuild(config, parameters, points, epoch = 0) {
    this.memory = null;
    Object.assign(this, await this.instantiateCore(this.glue));
    const handle = new this.glue.Playground(config ?? this.glue.defaultConfig());
    if (points) handle.setData(points.train, points.test, new Float32Array(), undefined, points.classNames, true);
    if (parameters) handle.restoreWeights(parameters, epoch);
    this.handle = handle;
  }
}
