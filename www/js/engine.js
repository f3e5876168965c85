// The page's one door into greymatter's wasm core. Every call goes through
// `Engine.call`, which turns a refused setting into a plain Error with the core's
// readable message, and a crash of the core (a Rust panic, seen in JS as a
// `WebAssembly.RuntimeError`) into a fresh core that carries on from the last good
// network: the glue is imported again under a new URL, a new Playground is built
// from the last good config and the last snapshot of its weights is put back.

const GLUE_URL = new URL('../pkg/greymatter.js', import.meta.url).href;

// Each reload of the glue needs a URL of its own, or the browser hands back the
// crashed module instance. Shared by every playground on the page.
let glueLoads = 0;

async function loadGlue(fresh) {
  const url = fresh ? `${GLUE_URL}?instance=${++glueLoads}` : GLUE_URL;
  const glue = await import(url);
  const exports = await glue.default();
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

function asError(thrown) {
  if (thrown instanceof Error) return thrown;
  return new Error(typeof thrown === 'string' ? thrown : JSON.stringify(thrown));
}

/**
 * The panic text the core's hook left behind, as one readable line: Rust writes
 * "panicked at src/file.rs:70:5:\n<message>", shown as "<message> (src/file.rs:70:5)".
 */
function takePanicMessage(trap) {
  const text = globalThis.greymatterPanicMessage;
  globalThis.greymatterPanicMessage = undefined;
  if (!text) return trap.message || 'unknown error';
  const parts = /^panicked at (.+?):\s*\n([\s\S]*)$/.exec(String(text));
  return parts ? `${parts[2].trim()} (${parts[1]})` : String(text);
}

/** Owns one wasm Playground handle and keeps what is needed to rebuild it. */
export class Engine {
  /** @param {{onRestart: (info: {panicMessage: string, restored: boolean, detail?: string}) => void}} hooks */
  constructor(hooks) {
    this.hooks = hooks;
    this.glue = null;
    this.memory = null;
    this.handle = null;
    this.restarting = null;
    this.lastGood = { config: null, parameters: null, epoch: 0 };
  }

  /** Loads the core (first time only). */
  async load() {
    Object.assign(this, await loadGlue(false));
  }

  /**
   * Runs `work(handle, glue)` against the core. Errors the core refuses with come
   * back as Error; a crash starts the restart and throws CoreCrash.
   */
  call(work) {
    if (this.restarting) throw new CoreBusy();
    try {
      return work(this.handle, this.glue);
    } catch (thrown) {
      if (thrown instanceof WebAssembly.RuntimeError) {
        const panicMessage = takePanicMessage(thrown);
        this.restarting = this.restart(panicMessage);
        throw new CoreCrash(panicMessage, this.restarting);
      }
      throw asError(thrown);
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
      await this.rebuild(this.lastGood.config, this.lastGood.parameters);
      info = { panicMessage, restored: true };
    } catch (first) {
      // The last good network could not be rebuilt: start afresh from the defaults.
      try {
        await this.rebuild(null, null);
        info = { panicMessage, restored: false, detail: asError(first).message };
      } catch (second) {
        info = { panicMessage, restored: false, lost: true, detail: asError(second).message };
      }
      this.lastGood.epoch = 0;
    }
    this.restarting = null;
    this.hooks.onRestart(info);
  }

  async rebuild(config, parameters) {
    Object.assign(this, await loadGlue(true));
    const handle = new this.glue.Playground(config ?? this.glue.defaultConfig());
    if (parameters) handle.setParameters(parameters);
    this.handle = handle;
  }
}
