//! The kernels checked against their definitions written as plain loops, and the fast
//! exp, tanh and sigmoid against the exact functions in f64.

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
    assert!(
        (tanh_fast(1e-30) - 1e-30).abs() < 1e-36,
        "small inputs keep their relative accuracy"
    );
}

#[test]
fn sigmoid_fast_is_accurate() {
    let worst = worst_error(sigmoid_fast, |x| 1.0 / (1.0 + (-x).exp()), false);
    assert!(worst < 1e-6, "absolute error {worst}");
}

#[test]
fn outer_product_columns_matches_the_definition() {
    for (inputs, outputs, stride) in [(3, 2, 4), (6, 5, 12), (9, 4, 8)] {
        let x: Vec<f32> = (0..inputs * stride)
            .map(|v| (v as f32 * 0.3).sin())
            .collect();
        let d: Vec<f32> = (0..outputs * stride)
            .map(|v| (v as f32 * 0.7).cos())
            .collect();
        let mut gradient = vec![0.0; outputs * inputs];
        let mut biases = vec![0.0; outputs];
        outer_product_columns(&mut gradient, &mut biases, &d, &x, stride);
        for j in 0..outputs {
            let row = &d[j * stride..][..stride];
            assert!((biases[j] - row.iter().sum::<f32>()).abs() < 1e-5);
            for i in 0..inputs {
                let expected: f32 = (0..stride).map(|c| row[c] * x[i * stride + c]).sum();
                assert!((gradient[j * inputs + i] - expected).abs() < 1e-5);
            }
        }
    }
}

#[test]
fn outer_product_rows_matches_the_definition() {
    for (inputs, outputs, columns) in [(4, 2, 3), (13, 6, 10), (8, 9, 12), (64, 5, 1)] {
        let stride = stride_for(columns);
        let x: Vec<f32> = (0..inputs * stride)
            .map(|v| (v as f32 * 0.3).sin())
            .collect();
        let d: Vec<f32> = (0..outputs * stride)
            .map(|v| {
                if v % stride < columns {
                    (v as f32 * 0.7).cos()
                } else {
                    0.0
                }
            })
            .collect();
        let mut xt = Vec::new();
        transpose_columns(&mut xt, &x, stride, columns);
        let mut gradient = vec![0.0; outputs * inputs];
        let mut biases = vec![0.0; outputs];
        outer_product_rows(&mut gradient, &mut biases, &d, stride, &xt, columns);
        for j in 0..outputs {
            let row = &d[j * stride..][..columns];
            assert!((biases[j] - row.iter().sum::<f32>()).abs() < 1e-5);
            for i in 0..inputs {
                let expected: f32 = (0..columns).map(|c| row[c] * x[i * stride + c]).sum();
                assert!(
                    (gradient[j * inputs + i] - expected).abs() < 1e-5,
                    "{inputs} {outputs} {columns}: {j} {i}"
                );
            }
        }
    }
}

#[test]
fn transposed_product_columns_matches_the_definition() {
    for (inputs, outputs, stride) in [(6, 3, 12), (2, 5, 4), (9, 8, 8)] {
        let d: Vec<f32> = (0..outputs * stride)
            .map(|v| (v as f32 * 0.3).sin())
            .collect();
        let w: Vec<f32> = (0..outputs * inputs)
            .map(|v| (v as f32 * 0.7).cos())
            .collect();
        let mut out = vec![0.0; inputs * stride];
        transposed_product_columns(&mut out, &d, stride, &w);
        for i in 0..inputs {
            for c in 0..stride {
                let expected: f32 = (0..outputs)
                    .map(|j| w[j * inputs + i] * d[j * stride + c])
                    .sum();
                assert!((out[i * stride + c] - expected).abs() < 1e-5);
            }
        }
    }
}

#[test]
fn affine_columns_matches_the_definition() {
    let (inputs, outputs, stride) = (3, 6, 12);
    let x: Vec<f32> = (0..inputs * stride)
        .map(|v| (v as f32 * 0.37).sin())
        .collect();
    let w: Vec<f32> = (0..inputs * outputs)
        .map(|v| (v as f32 * 0.11).cos())
        .collect();
    let mut out = vec![0.0; outputs * stride];
    let biases: Vec<f32> = (0..outputs).map(|j| j as f32).collect();
    affine_columns(&mut out, &x, stride, &w, &biases);
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
