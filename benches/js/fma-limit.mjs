// The machine's f32 multiply-add limit as WebAssembly sees it: a tiny wasm module,
// assembled here byte by byte, that runs independent chains of
// `acc = acc * a + b` on f32x4 vectors (simd128: `f32x4.mul` then `f32x4.add`).
//
// One loop iteration updates every chain once: CHAINS × 4 lanes × 2 flops, so with 12
// chains 96 flops per iteration (greymatter's own `peakMultiplyAdd(iterations)`, built
// with the cargo feature `bench`, counts 64 per iteration; compare.mjs reports both).
// Enough chains run side by side to hide the latency of one mul then one add, so the
// loop is bound by the processor's vector throughput: the ceiling for any simd128 code,
// since plain simd128 has no fused multiply-add instruction. Fewer chains leave the
// units idle (8 reach about three quarters of 12 on a recent x86), more than 14 no
// longer fit the 16 vector registers V8 allocates on x86-64 and spill.
//
// If this Node also accepts relaxed SIMD (`f32x4.relaxed_madd`, a true FMA), the same
// loop with one fused instruction per chain is built as well and reported beside it.

/** Independent accumulator chains (see above). */
export const CHAINS = 12;
/** Flops of one loop iteration: CHAINS × 4 lanes × (1 mul + 1 add). */
export const FLOPS_PER_ITERATION = CHAINS * 4 * 2;

const SIMD = 0xfd;
const OP = {
  end: 0x0b,
  block: 0x02,
  loop: 0x03,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Const: 0x41,
  i32Eqz: 0x45,
  i32Sub: 0x6b,
  f32Const: 0x43,
  void: 0x40,
  i32: 0x7f,
  f32: 0x7d,
  v128: 0x7b,
};
// SIMD opcodes follow the 0xfd prefix as unsigned LEB128.
const F32X4 = { splat: 0x13, extractLane: 0x1f, add: 0xe4, mul: 0xe6, relaxedMadd: 0x105 };

function leb128(value) {
  const bytes = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}

const simd = (op) => [SIMD, ...leb128(op)];
const f32Const = (x) => [OP.f32Const, ...new Uint8Array(new Float32Array([x]).buffer)];
const section = (id, bytes) => [id, ...leb128(bytes.length), ...bytes];
const vector = (items) => [...leb128(items.length), ...items.flat()];

/**
 * The module's bytes: one export `peak(iterations: i32) -> f32` (a checksum, so that
 * nothing can be optimised away). `fused` uses `f32x4.relaxed_madd` instead of mul+add.
 */
export function peakModuleBytes(fused = false, chains = CHAINS) {
  const n = 0; // the parameter: iterations left
  const a = 1;
  const b = 2;
  const acc = (i) => 3 + i;
  const code = [];
  code.push(...f32Const(0.9999), ...simd(F32X4.splat), OP.localSet, a);
  code.push(...f32Const(0.0001), ...simd(F32X4.splat), OP.localSet, b);
  for (let i = 0; i < chains; i++) {
    code.push(...f32Const(1 + i / 16), ...simd(F32X4.splat), OP.localSet, acc(i));
  }
  code.push(OP.block, OP.void, OP.localGet, n, OP.i32Eqz, OP.brIf, 0);
  code.push(OP.loop, OP.void);
  for (let i = 0; i < chains; i++) {
    if (fused) {
      // relaxed_madd(x, y, z) = x * y + z
      code.push(OP.localGet, acc(i), OP.localGet, a, OP.localGet, b);
      code.push(...simd(F32X4.relaxedMadd), OP.localSet, acc(i));
    } else {
      code.push(OP.localGet, acc(i), OP.localGet, a, ...simd(F32X4.mul));
      code.push(OP.localGet, b, ...simd(F32X4.add), OP.localSet, acc(i));
    }
  }
  code.push(OP.localGet, n, OP.i32Const, 1, OP.i32Sub, OP.localTee, n, OP.brIf, 0);
  code.push(OP.end, OP.end);
  code.push(OP.localGet, acc(0));
  for (let i = 1; i < chains; i++) code.push(OP.localGet, acc(i), ...simd(F32X4.add));
  code.push(...simd(F32X4.extractLane), 0, OP.end);

  const locals = vector([[...leb128(chains + 2), OP.v128]]);
  const body = [...locals, ...code];
  const functionType = [0x60, ...vector([[OP.i32]]), ...vector([[OP.f32]])];
  const name = [...new TextEncoder().encode('peak')];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector([functionType])),
    ...section(3, vector([[0]])),
    ...section(7, vector([[...leb128(name.length), ...name, 0x00, 0]])),
    ...section(10, vector([[...leb128(body.length), ...body]])),
  ]);
}

/** `peak(iterations)` of the mul+add module, or of the fused one (null if refused here). */
export function loadPeak(fused = false) {
  const bytes = peakModuleBytes(fused);
  if (!WebAssembly.validate(bytes)) {
    if (fused) return null;
    throw new Error('the f32x4 multiply-add module does not validate: no wasm SIMD here?');
  }
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
  return instance.exports.peak;
}
