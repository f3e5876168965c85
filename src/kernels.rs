//! The arithmetic hot paths, over contiguous f32 buffers.
//!
//! Batches are stored feature-major: a matrix `[rows][stride]` holds one row per
//! neuron (or input feature) and one column per sample, with `stride` a multiple of
//! [`LANES`] (padding columns are zero on input). Every kernel works on whole chunks of
//! `LANES` columns with fixed-size arrays, which the compiler turns into SIMD
//! instructions (`simd128` on wasm32, SSE/AVX natively), so the code the native tests
//! check is the code the browser runs.

/// Columns processed together; strides are multiples of it.
pub const LANES: usize = 8;

/// Neurons computed together in the matrix products, for independent accumulators.
const BLOCK: usize = 4;

type Chunk = [f32; LANES];

/// The smallest stride (multiple of [`LANES`]) that holds `columns` columns.
pub fn stride_for(columns: usize) -> usize {
    columns.div_ceil(LANES) * LANES
}

#[inline(always)]
fn chunk(row: &[f32], start: usize) -> &Chunk {
    row[start..start + LANES].try_into().unwrap()
}

/// `out[j][c] = bias(j) + Σ_i weight(j, i) · x[i][c]` for every output row j and every
/// column c: a dense layer's weighted sums (with `weight(j, i) = β_ji`), or, with the
/// weights transposed and no bias, the backward pass's ∂J/∂x.
///
/// # Shapes
/// `x`: `[inputs][stride]`, `out`: `[outputs][stride]`.
pub fn affine_columns(
    out: &mut [f32],
    outputs: usize,
    x: &[f32],
    inputs: usize,
    stride: usize,
    weight: impl Fn(usize, usize) -> f32,
    bias: impl Fn(usize) -> f32,
) {
    debug_assert!(stride.is_multiple_of(LANES));
    debug_assert_eq!(out.len(), outputs * stride);
    debug_assert_eq!(x.len(), inputs * stride);
    for start in (0..stride).step_by(LANES) {
        let mut j = 0;
        while j + BLOCK <= outputs {
            let mut acc: [Chunk; BLOCK] = std::array::from_fn(|k| [bias(j + k); LANES]);
            for i in 0..inputs {
                let xi = chunk(&x[i * stride..], start);
                for (k, acc_k) in acc.iter_mut().enumerate() {
                    let w = weight(j + k, i);
                    for lane in 0..LANES {
                        acc_k[lane] += w * xi[lane];
                    }
                }
            }
            for (k, acc_k) in acc.iter().enumerate() {
                out[(j + k) * stride + start..][..LANES].copy_from_slice(acc_k);
            }
            j += BLOCK;
        }
        for j in j..outputs {
            let mut acc = [bias(j); LANES];
            for i in 0..inputs {
                let xi = chunk(&x[i * stride..], start);
                let w = weight(j, i);
                for lane in 0..LANES {
                    acc[lane] += w * xi[lane];
                }
            }
            out[j * stride + start..][..LANES].copy_from_slice(&acc);
        }
    }
}

/// `Σ_c a[c] · b[c]` over two rows of equal length (a multiple of [`LANES`]).
#[inline]
pub fn dot_columns(a: &[f32], b: &[f32]) -> f32 {
    debug_assert_eq!(a.len(), b.len());
    let mut acc: Chunk = [0.0; LANES];
    for (a, b) in a.chunks_exact(LANES).zip(b.chunks_exact(LANES)) {
        for lane in 0..LANES {
            acc[lane] += a[lane] * b[lane];
        }
    }
    acc.iter().sum()
}

/// `Σ_c a[c]` over a row (length a multiple of [`LANES`]).
#[inline]
pub fn sum_columns(a: &[f32]) -> f32 {
    let mut acc: Chunk = [0.0; LANES];
    for a in a.chunks_exact(LANES) {
        for lane in 0..LANES {
            acc[lane] += a[lane];
        }
    }
    acc.iter().sum()
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

/// tanh(x) = (e^2x − 1)/(e^2x + 1) through [`exp_fast`], with its Taylor series
/// x − x³/3 + 2x⁵/15 − 17x⁷/315 near 0 where the quotient would lose digits.
/// Absolute error below 10⁻⁶ everywhere (tested against `f64::tanh`).
#[inline(always)]
pub fn tanh_fast(x: f32) -> f32 {
    let e = exp_fast(2.0 * x.clamp(-9.0, 9.0));
    let quotient = (e - 1.0) / (e + 1.0);
    let x2 = x * x;
    let series = x * (1.0 + x2 * (-1.0 / 3.0 + x2 * (2.0 / 15.0 + x2 * (-17.0 / 315.0))));
    if x.abs() < 0.0625 {
        series
    } else {
        quotient
    }
}

/// 1/(1 + e^−x) through [`exp_fast`]. Absolute error below 10⁻⁶ (tested).
#[inline(always)]
pub fn sigmoid_fast(x: f32) -> f32 {
    1.0 / (1.0 + exp_fast(-x))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn worst_error(f: impl Fn(f32) -> f32, exact: impl Fn(f64) -> f64, relative: bool) -> f64 {
        let mut worst = 0.0f64;
        let mut x = -40.0f32;
        while x <= 40.0 {
            let reference = exact(x as f64);
            let error = (f(x) as f64 - reference).abs();
            worst = worst.max(if relative {
                error / reference.abs()
            } else {
                error
            });
            x += 0.000_731;
        }
        worst
    }

    #[test]
    fn exp_fast_is_accurate() {
        let worst = worst_error(exp_fast, f64::exp, true);
        assert!(worst < 3e-7, "relative error {worst}");
    }

    #[test]
    fn tanh_fast_is_accurate() {
        let worst = worst_error(tanh_fast, f64::tanh, false);
        assert!(worst < 1e-6, "absolute error {worst}");
        assert_eq!(tanh_fast(0.0), 0.0);
        assert_eq!(tanh_fast(1e-30), 1e-30);
    }

    #[test]
    fn sigmoid_fast_is_accurate() {
        let worst = worst_error(sigmoid_fast, |x| 1.0 / (1.0 + (-x).exp()), false);
        assert!(worst < 1e-6, "absolute error {worst}");
    }

    #[test]
    fn affine_columns_matches_the_definition() {
        let (inputs, outputs, stride) = (3, 6, 16);
        let x: Vec<f32> = (0..inputs * stride)
            .map(|v| (v as f32 * 0.37).sin())
            .collect();
        let w: Vec<f32> = (0..inputs * outputs)
            .map(|v| (v as f32 * 0.11).cos())
            .collect();
        let mut out = vec![0.0; outputs * stride];
        affine_columns(
            &mut out,
            outputs,
            &x,
            inputs,
            stride,
            |j, i| w[j * inputs + i],
            |j| j as f32,
        );
        for j in 0..outputs {
            for c in 0..stride {
                let expected: f32 = j as f32
                    + (0..inputs)
                        .map(|i| w[j * inputs + i] * x[i * stride + c])
                        .sum::<f32>();
                assert!((out[j * stride + c] - expected).abs() < 1e-5);
            }
        }
    }
}
