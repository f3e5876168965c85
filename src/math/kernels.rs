//! The arithmetic hot paths, over contiguous f32 buffers.
//!
//! Batches are stored feature-major: a matrix `[rows][stride]` holds one row per
//! neuron (or input feature) and one column per sample, with `stride` a multiple of
//! [`LANES`] (padding columns are zero on input). Every kernel works on whole chunks of
//! `LANES` columns with `wide`'s portable SIMD vectors (`simd128` on wasm32, SSE
//! natively; multiply and add are separate operations on both, so results agree), so
//! the code the native tests check is the code the browser runs.

use wide::f32x4;

/// Columns per SIMD vector; strides are multiples of it.
pub const LANES: usize = 4;

/// Neurons computed together in the matrix products, for independent accumulators.
const BLOCK: usize = 4;

/// The smallest stride (multiple of [`LANES`]) that holds `columns` columns.
pub fn stride_for(columns: usize) -> usize {
    columns.div_ceil(LANES) * LANES
}

#[inline(always)]
fn load(row: &[f32], at: usize) -> f32x4 {
    let lanes: [f32; LANES] = row[at..at + LANES].try_into().unwrap();
    f32x4::from(lanes)
}

#[inline(always)]
fn store(row: &mut [f32], at: usize, value: f32x4) {
    row[at..at + LANES].copy_from_slice(&value.to_array());
}

/// `out[j][c] = biases[j] + Σ_i weights[j][i] · x[i][c]` for every output row j and
/// every column c: a dense layer's weighted sums, or, given the transposed weights
/// and zero biases, the backward pass's ∂J/∂x.
///
/// # Shapes
/// `weights`: `[outputs][inputs]`, `biases`: `[outputs]`, `x`: `[inputs][stride]`,
/// `out`: `[outputs][stride]`.
pub fn affine_columns(out: &mut [f32], x: &[f32], stride: usize, weights: &[f32], biases: &[f32]) {
    let outputs = biases.len();
    let inputs = weights.len().checked_div(outputs).unwrap_or(0);
    debug_assert!(stride.is_multiple_of(LANES));
    debug_assert_eq!(weights.len(), outputs * inputs);
    debug_assert_eq!(out.len(), outputs * stride);
    debug_assert_eq!(x.len(), inputs * stride);
    let mut start = 0;
    // Two vectors of columns at a time where possible, then one.
    while start + 2 * LANES <= stride {
        affine_chunk::<2>(out, x, stride, weights, biases, inputs, start);
        start += 2 * LANES;
    }
    if start < stride {
        affine_chunk::<1>(out, x, stride, weights, biases, inputs, start);
    }
}

/// [`affine_columns`] for the `VECTORS × LANES` columns from `start`.
#[inline(always)]
fn affine_chunk<const VECTORS: usize>(
    out: &mut [f32],
    x: &[f32],
    stride: usize,
    weights: &[f32],
    biases: &[f32],
    inputs: usize,
    start: usize,
) {
    let outputs = biases.len();
    let mut j = 0;
    while j + BLOCK <= outputs {
        let [w0, w1, w2, w3]: [&[f32]; BLOCK] =
            std::array::from_fn(|k| &weights[(j + k) * inputs..][..inputs]);
        let mut acc: [[f32x4; VECTORS]; BLOCK] =
            std::array::from_fn(|k| [f32x4::splat(biases[j + k]); VECTORS]);
        let rows = x.chunks_exact(stride).zip(w0).zip(w1).zip(w2).zip(w3);
        for ((((row, &a), &b), &c), &d) in rows {
            let chunk = &row[start..start + VECTORS * LANES];
            let xs: [f32x4; VECTORS] = std::array::from_fn(|v| load(chunk, v * LANES));
            for (k, w) in [a, b, c, d].into_iter().enumerate() {
                let w = f32x4::splat(w);
                for v in 0..VECTORS {
                    acc[k][v] = w.mul_add(xs[v], acc[k][v]);
                }
            }
        }
        for (k, acc_k) in acc.iter().enumerate() {
            let row = &mut out[(j + k) * stride + start..][..VECTORS * LANES];
            for (v, &value) in acc_k.iter().enumerate() {
                store(row, v * LANES, value);
            }
        }
        j += BLOCK;
    }
    for j in j..outputs {
        let weights_j = &weights[j * inputs..][..inputs];
        let mut acc = [f32x4::splat(biases[j]); VECTORS];
        for (row, &weight) in x.chunks_exact(stride).zip(weights_j) {
            let row = &row[start..start + VECTORS * LANES];
            let w = f32x4::splat(weight);
            for (v, acc_v) in acc.iter_mut().enumerate() {
                *acc_v = w.mul_add(load(row, v * LANES), *acc_v);
            }
        }
        let row = &mut out[j * stride + start..][..VECTORS * LANES];
        for (v, &value) in acc.iter().enumerate() {
            store(row, v * LANES, value);
        }
    }
}

/// `out[i][c] = Σ_j weights[j][i] · delta[j][c]`: the backward pass's ∂J/∂x of a dense
/// layer, read straight from its weights (no transposed copy).
///
/// # Shapes
/// `weights`: `[outputs][inputs]`, `delta`: `[outputs][stride]`, `out`: `[inputs][stride]`.
pub fn transposed_product_columns(out: &mut [f32], delta: &[f32], stride: usize, weights: &[f32]) {
    let outputs = delta.len().checked_div(stride).unwrap_or(0);
    let inputs = weights.len().checked_div(outputs).unwrap_or(0);
    debug_assert_eq!(out.len(), inputs * stride);
    let mut start = 0;
    while start + 2 * LANES <= stride {
        transposed_chunk::<2>(out, delta, stride, weights, inputs, start);
        start += 2 * LANES;
    }
    if start < stride {
        transposed_chunk::<1>(out, delta, stride, weights, inputs, start);
    }
}

/// [`transposed_product_columns`] for the `VECTORS × LANES` columns from `start`.
#[inline(always)]
fn transposed_chunk<const VECTORS: usize>(
    out: &mut [f32],
    delta: &[f32],
    stride: usize,
    weights: &[f32],
    inputs: usize,
    start: usize,
) {
    let width = VECTORS * LANES;
    let columns = |row: &[f32]| -> [f32x4; VECTORS] {
        let chunk = &row[start..start + width];
        std::array::from_fn(|v| load(chunk, v * LANES))
    };
    let mut i = 0;
    while i + BLOCK <= inputs {
        let mut acc = [[f32x4::splat(0.0); VECTORS]; BLOCK];
        for (delta_j, weights_j) in delta.chunks_exact(stride).zip(weights.chunks_exact(inputs)) {
            let ds = columns(delta_j);
            let w: &[f32; BLOCK] = weights_j[i..i + BLOCK].try_into().unwrap();
            for k in 0..BLOCK {
                let w = f32x4::splat(w[k]);
                for v in 0..VECTORS {
                    acc[k][v] = w.mul_add(ds[v], acc[k][v]);
                }
            }
        }
        for (k, acc_k) in acc.iter().enumerate() {
            let row = &mut out[(i + k) * stride + start..][..width];
            for (v, &value) in acc_k.iter().enumerate() {
                store(row, v * LANES, value);
            }
        }
        i += BLOCK;
    }
    for i in i..inputs {
        let mut acc = [f32x4::splat(0.0); VECTORS];
        for (delta_j, weights_j) in delta.chunks_exact(stride).zip(weights.chunks_exact(inputs)) {
            let ds = columns(delta_j);
            let w = f32x4::splat(weights_j[i]);
            for v in 0..VECTORS {
                acc[v] = w.mul_add(ds[v], acc[v]);
            }
        }
        let row = &mut out[i * stride + start..][..width];
        for (v, &value) in acc.iter().enumerate() {
            store(row, v * LANES, value);
        }
    }
}

/// `gradient[j][i] = Σ_c delta[j][c] · x[i][c]` and `bias_gradient[j] = Σ_c delta[j][c]`:
/// a dense layer's weight and bias gradients, summed over the batch.
///
/// # Shapes
/// `delta`: `[outputs][stride]`, `x`: `[inputs][stride]`, `gradient`: `[outputs][inputs]`.
pub fn outer_product_columns(
    gradient: &mut [f32],
    bias_gradient: &mut [f32],
    delta: &[f32],
    x: &[f32],
    stride: usize,
) {
    let outputs = bias_gradient.len();
    let inputs = gradient.len().checked_div(outputs).unwrap_or(0);
    let vector = |row: &[f32]| -> f32x4 { load(row, 0) };
    for ((row, bias), delta_j) in gradient
        .chunks_exact_mut(inputs.max(1))
        .zip(bias_gradient.iter_mut())
        .zip(delta.chunks_exact(stride))
    {
        let mut sum = f32x4::splat(0.0);
        for d in delta_j.chunks_exact(LANES) {
            sum += vector(d);
        }
        *bias = sum.reduce_add();
        let mut x_rows = x.chunks_exact(stride);
        let mut slots = row.chunks_exact_mut(BLOCK);
        for slot in &mut slots {
            let [x0, x1, x2, x3]: [&[f32]; BLOCK] =
                std::array::from_fn(|_| x_rows.next().unwrap_or(&[]));
            let mut acc = [f32x4::splat(0.0); BLOCK];
            let columns = delta_j
                .chunks_exact(LANES)
                .zip(x0.chunks_exact(LANES))
                .zip(x1.chunks_exact(LANES))
                .zip(x2.chunks_exact(LANES))
                .zip(x3.chunks_exact(LANES));
            for ((((d, x0), x1), x2), x3) in columns {
                let d = vector(d);
                acc[0] = d.mul_add(vector(x0), acc[0]);
                acc[1] = d.mul_add(vector(x1), acc[1]);
                acc[2] = d.mul_add(vector(x2), acc[2]);
                acc[3] = d.mul_add(vector(x3), acc[3]);
            }
            for (slot, acc) in slot.iter_mut().zip(acc) {
                *slot = acc.reduce_add();
            }
        }
        for (slot, x_i) in slots.into_remainder().iter_mut().zip(x_rows) {
            let mut acc = f32x4::splat(0.0);
            for (d, x) in delta_j.chunks_exact(LANES).zip(x_i.chunks_exact(LANES)) {
                acc = vector(d).mul_add(vector(x), acc);
            }
            *slot = acc.reduce_add();
        }
    }
}

/// `out[c][i] = x[i][c]` for the first `columns` columns of `x` (`[rows][stride]`):
/// the sample-major copy `[columns][rows]` that [`outer_product_rows`] reads.
pub fn transpose_columns(out: &mut Vec<f32>, x: &[f32], stride: usize, columns: usize) {
    let rows = x.len().checked_div(stride).unwrap_or(0);
    out.clear();
    out.resize(rows * columns, 0.0);
    for (i, row) in x.chunks_exact(stride).enumerate() {
        for (c, &value) in row[..columns].iter().enumerate() {
            out[c * rows + i] = value;
        }
    }
}

/// `gradient[j][i] = Σ_c delta[j][c] · xt[c][i]` and `bias_gradient[j] = Σ_c delta[j][c]`
/// over the `columns` samples: [`outer_product_columns`] from the sample-major inputs
/// `xt` (see [`transpose_columns`]), so that every product lands in a lane of its own
/// gradient entry and nothing is summed across lanes. For layers of at least
/// [`LANES`] inputs.
///
/// # Shapes
/// `delta`: `[outputs][stride]` (zero past `columns`), `xt`: `[columns][inputs]`,
/// `gradient`: `[outputs][inputs]`.
pub fn outer_product_rows(
    gradient: &mut [f32],
    bias_gradient: &mut [f32],
    delta: &[f32],
    stride: usize,
    xt: &[f32],
    columns: usize,
) {
    let outputs = bias_gradient.len();
    let inputs = gradient.len().checked_div(outputs).unwrap_or(0);
    debug_assert_eq!(xt.len(), columns * inputs);
    debug_assert_eq!(delta.len(), outputs * stride);
    for (bias, delta_j) in bias_gradient.iter_mut().zip(delta.chunks_exact(stride)) {
        let mut sum = f32x4::splat(0.0);
        for d in delta_j.chunks_exact(LANES) {
            sum += load(d, 0);
        }
        *bias = sum.reduce_add();
    }
    let mut j = 0;
    while j + BLOCK <= outputs {
        outer_rows_block::<BLOCK>(gradient, delta, stride, xt, columns, inputs, j);
        j += BLOCK;
    }
    for j in j..outputs {
        outer_rows_block::<1>(gradient, delta, stride, xt, columns, inputs, j);
    }
}

/// [`outer_product_rows`] for the `ROWS` gradient rows from `j`.
#[inline(always)]
fn outer_rows_block<const ROWS: usize>(
    gradient: &mut [f32],
    delta: &[f32],
    stride: usize,
    xt: &[f32],
    columns: usize,
    inputs: usize,
    j: usize,
) {
    let deltas: [&[f32]; ROWS] = std::array::from_fn(|k| &delta[(j + k) * stride..][..columns]);
    let mut i = 0;
    while i + 2 * LANES <= inputs {
        let mut acc = [[f32x4::splat(0.0); 2]; ROWS];
        for (c, xt_c) in xt.chunks_exact(inputs).enumerate() {
            let xs = [load(xt_c, i), load(xt_c, i + LANES)];
            for k in 0..ROWS {
                let d = f32x4::splat(deltas[k][c]);
                for v in 0..2 {
                    acc[k][v] = d.mul_add(xs[v], acc[k][v]);
                }
            }
        }
        for (k, acc_k) in acc.iter().enumerate() {
            let row = &mut gradient[(j + k) * inputs + i..][..2 * LANES];
            store(row, 0, acc_k[0]);
            store(row, LANES, acc_k[1]);
        }
        i += 2 * LANES;
    }
    while i + LANES <= inputs {
        let mut acc = [f32x4::splat(0.0); ROWS];
        for (c, xt_c) in xt.chunks_exact(inputs).enumerate() {
            let x = load(xt_c, i);
            for k in 0..ROWS {
                acc[k] = f32x4::splat(deltas[k][c]).mul_add(x, acc[k]);
            }
        }
        for (k, &acc_k) in acc.iter().enumerate() {
            store(&mut gradient[(j + k) * inputs + i..][..LANES], 0, acc_k);
        }
        i += LANES;
    }
    for i in i..inputs {
        for (k, delta_k) in deltas.iter().enumerate() {
            let mut sum = 0.0;
            for (&d, xt_c) in delta_k.iter().zip(xt.chunks_exact(inputs)) {
                sum += d * xt_c[i];
            }
            gradient[(j + k) * inputs + i] = sum;
        }
    }
}

/// e^x for f32, fast and branch-free (so it vectorizes): 2^k · e^r with
/// x = k·ln 2 + r, |r| ≤ ½ln 2, and a degree-6 polynomial for e^r (the Cephes expf
/// coefficients). Relative error below 3·10⁻⁷ for x in [−87, 88]; inputs outside are
/// clamped to that range.
#[inline(always)]
pub fn exp_fast(x: f32) -> f32 {
    const LOG2_E: f32 = std::f32::consts::LOG2_E;
    const LN2_HIGH: f32 = 0.693_359_4;
    const LN2_LOW: f32 = -2.121_944_4e-4;
    let x = x.clamp(-87.0, 88.0);
    let k = (x * LOG2_E + 0.5).floor();
    let r = x - k * LN2_HIGH - k * LN2_LOW;
    let mut p = 1.987_569_1e-4;
    p = p * r + 1.398_199_9e-3;
    p = p * r + 8.333_452e-3;
    p = p * r + 4.166_579_6e-2;
    p = p * r + 1.666_666_5e-1;
    p = p * r + 0.5;
    let e_r = p * r * r + r + 1.0;
    let scale = f32::from_bits(((k as i32 + 127) as u32) << 23);
    e_r * scale
}

/// tanh(x) as the odd rational minimax approximation of degrees 13/6 used by Eigen,
/// XLA and ONNX Runtime: x·p(x²)/q(x²) on x clamped to ±7.905 (beyond which tanh
/// rounds to ±1 in f32). Odd, so small inputs keep their relative accuracy. Absolute
/// error below 10⁻⁶ everywhere (tested against `f64::tanh`).
#[inline(always)]
pub fn tanh_fast(x: f32) -> f32 {
    const CLAMP: f32 = 7.905_311;
    let x = x.clamp(-CLAMP, CLAMP);
    let x2 = x * x;
    let mut p = -2.760_768_5e-16;
    p = p * x2 + 2.000_188e-13;
    p = p * x2 - 8.604_672e-11;
    p = p * x2 + 5.122_297e-8;
    p = p * x2 + 1.485_722_4e-5;
    p = p * x2 + 6.372_619_3e-4;
    p = p * x2 + 4.893_524_6e-3;
    let mut q = 1.198_258_4e-6;
    q = q * x2 + 1.185_347e-4;
    q = q * x2 + 2.268_434_6e-3;
    q = q * x2 + 4.893_525e-3;
    x * p / q
}

/// 1/(1 + e^−x) through [`exp_fast`]. Absolute error below 10⁻⁶ (tested).
#[inline(always)]
pub fn sigmoid_fast(x: f32) -> f32 {
    1.0 / (1.0 + exp_fast(-x))
}

#[cfg(test)]
mod tests;
