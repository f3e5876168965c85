// "Export as code": the script of a run for one target, loaded lazily (dynamic import)
// by the element's exportCode() and the "Export as code" panel. DOM-free: it takes the
// plain data the core's exportRun() gives and the default config.

/** The targets, by name: the module that writes each, and the words a picker shows. */
export const TARGETS = {
  numpy: { label: 'NumPy', load: () => import('./numpy.js') },
  pytorch: { label: 'PyTorch', load: () => import('./pytorch.js') },
  tfjs: { label: 'TensorFlow.js (Node)', load: () => import('./tfjs.js') },
};

/**
 * `{target, fileName, code}` for `target`, from `run` (the core's exportRun()) and the
 * default config; throws an Error naming the known targets, or what the target cannot
 * express.
 */
export async function exportCode(run, defaults, target) {
  if (typeof target !== 'string' || !Object.hasOwn(TARGETS, target)) {
    throw new Error(
      `exportCode: unknown target ${JSON.stringify(target)}: the targets are ${Object.keys(TARGETS)
        .map((name) => `"${name}"`)
        .join(', ')}`,
    );
  }
  const writer = await TARGETS[target].load();
  return { target, fileName: writer.fileName(), code: writer.generate(run, defaults) };
}
