//! The package's free functions: defaults, the schema of every setting, limits, the
//! losses that fit, colours, seeds, dataset previews and formulas.

use super::crossing::{install_panic_hook, js_error, points_array, to_js};
use crate::config::view::Palette;
use crate::config::{schema, Config};
use crate::data::dataset::{generate_split, split_drawn, Dataset, Problem};
use crate::data::formula_dataset::formula_points;
use crate::learn::objective::Objective;
use crate::math::formula::Formula;
use crate::picture::Colours;
use js_sys::Float32Array;
use wasm_bindgen::prelude::*;

/// greymatter's version ("0.1.0"), as Cargo.toml and the npm package have it.
#[wasm_bindgen]
pub fn version() -> String {
    crate::version::GREYMATTER_VERSION.to_string()
}

/// The default config as a JS object.
#[wasm_bindgen(js_name = defaultConfig)]
pub fn default_config() -> Result<JsValue, JsValue> {
    to_js(&Config::default())
}

/// The limits every config must respect, as a JS object: `maxHiddenLayers`,
/// `maxNeuronsPerLayer`, `maxWeights`, `minSamples`, `maxSamples`, `maxBatchSize`,
/// `maxLearningRate`, `maxRegularizationRate`, `maxNoise`, `minTrainRatio`,
/// `maxTrainRatio`, `maxClasses` (read from the schema's rows).
#[wasm_bindgen]
pub fn limits() -> Result<JsValue, JsValue> {
    to_js(&schema::limits())
}

/// The schema of every setting as a plain object: `settings` (the config keys in
/// address order, each with `key`, `kind` — `choice`, `number`, `counts` or `names` —,
/// `label`, `default`, its range or choices, `effect` — `kept`, `newData`, `reset`,
/// `regenerated` or `resetIfOutputLayerChanges` —, `hideable` and `hides`), `view`
/// (the view options, likewise, with `toggle` among the kinds and no effect) and
/// `limits` (as `limits()`).
#[wasm_bindgen(js_name = configSchema)]
pub fn config_schema() -> Result<JsValue, JsValue> {
    to_js(&schema::schema())
}

/// The names of the losses that fit `problem` ("classification" or "regression") with
/// `classes` classes, in the order the page lists them.
#[wasm_bindgen(js_name = lossesFor)]
pub fn losses_for(problem: &str, classes: usize) -> Result<Vec<String>, JsValue> {
    let problem = match problem {
        "classification" => Problem::Classification,
        "regression" => Problem::Regression,
        other => {
            return Err(js_error(format!(
                "problem must be classification or regression, got {other:?}"
            )))
        }
    };
    Ok(Objective::losses_for(problem, classes)
        .iter()
        .map(|loss| loss.name().to_string())
        .collect())
}

/// The colour of each class (`#rrggbb`, class 0 first) in the palette called `name`
/// ("default" or "colorblind"): classes 0 and 1 are the colours of −1 and +1.
#[wasm_bindgen(js_name = classColors)]
pub fn class_colors(name: &str) -> Result<Vec<String>, JsValue> {
    Ok(class_hex(&Colours::of(palette_named(name)?)))
}

/// The colours of the palette called `name` ("default" or "colorblind"), the same the
/// heatmap is drawn with: `{ negative, neutral, positive }` as `[r, g, b]` (the colours
/// of −1, 0 and +1) and `classes`, one `#rrggbb` per class.
#[wasm_bindgen(js_name = paletteColors)]
pub fn palette_colors(name: &str) -> Result<JsValue, JsValue> {
    #[derive(serde::Serialize)]
    struct PaletteColours {
        negative: [u8; 3],
        neutral: [u8; 3],
        positive: [u8; 3],
        classes: Vec<String>,
    }
    let colours = Colours::of(palette_named(name)?);
    let [negative, neutral, positive] = colours.ends;
    to_js(&PaletteColours {
        negative,
        neutral,
        positive,
        classes: class_hex(&colours),
    })
}

fn class_hex(colours: &Colours) -> Vec<String> {
    colours
        .classes
        .iter()
        .map(|[r, g, b]| format!("#{r:02x}{g:02x}{b:02x}"))
        .collect()
}

pub(super) fn palette_named(name: &str) -> Result<Palette, JsValue> {
    Palette::from_name(name).ok_or_else(|| {
        let expected = schema::view_option("palette").map(|row| row.expectation());
        js_error(format!(
            "palette must be {}, got {name:?}",
            expected.unwrap_or_default()
        ))
    })
}

/// A fresh seed from the browser's crypto.getRandomValues.
#[wasm_bindgen(js_name = randomSeed)]
pub fn random_seed() -> u32 {
    crate::math::rng::fresh_seed()
}

/// Makes the core panic with `message`: lets tests prove the page survives a panic.
#[wasm_bindgen(js_name = panicForTesting)]
pub fn panic_for_testing(message: &str) {
    install_panic_hook();
    panic!("{message}");
}

/// About 200 noise-free points of the dataset called `name` as `[x1, x2, label, …]`,
/// for the dataset picker's thumbnails, with `classes` classes (default 2; at most what
/// the dataset has).
#[wasm_bindgen(js_name = datasetPreview)]
pub fn dataset_preview(name: &str, classes: Option<usize>) -> Result<Float32Array, JsValue> {
    let dataset = Dataset::GENERATED
        .into_iter()
        .find(|dataset| dataset.name() == name)
        .ok_or_else(|| js_error(format!("unknown dataset {name:?}")))?;
    let classes = classes.unwrap_or(2).clamp(2, dataset.max_classes().max(2));
    Ok(points_array(
        &generate_split(dataset, 200, 0.0, 1.0, classes, 1).train,
    ))
}

/// About 200 noise-free points of the formula dataset with formula `text`, for
/// `problem` ("classification" or "regression") and `classes` classes, as
/// [`dataset_preview`] gives them; a formula that is refused throws its refusal.
#[wasm_bindgen(js_name = formulaPreview)]
pub fn formula_preview(text: &str, problem: &str, classes: usize) -> Result<Float32Array, JsValue> {
    let formula = checked_formula(text)?;
    let problem = if problem == Problem::Regression.name() {
        Problem::Regression
    } else {
        Problem::Classification
    };
    let classes = classes.clamp(2, crate::data::dataset::MAX_CLASSES);
    let split = split_drawn(1, 1.0, |rng| {
        formula_points(&formula, problem, 200, 0.0, classes, rng)
    });
    Ok(points_array(&split.train))
}

/// The formula `text` in its canonical form (`sin(3 * x1)`), or its refusal thrown:
/// where and what ("at column 1: unknown function 'sinn' …"), or where on the plane it
/// is not finite.
#[wasm_bindgen(js_name = formulaText)]
pub fn formula_text(text: &str) -> Result<String, JsValue> {
    Ok(checked_formula(text)?.to_string())
}

fn checked_formula(text: &str) -> Result<Formula, JsValue> {
    let formula = Formula::parse(text).map_err(|error| js_error(error.to_string()))?;
    formula.check_finite().map_err(js_error)?;
    Ok(formula)
}

/// Runs `iterations` rounds of a tight f32x4 multiply-add loop (8 independent
/// accumulators: 64 floating-point operations per round) and returns a checksum; the
/// caller times it to measure the machine's f32 SIMD limit.
#[cfg(feature = "bench")]
#[wasm_bindgen(js_name = peakMultiplyAdd)]
pub fn peak_multiply_add(iterations: u32) -> f32 {
    use std::arch::wasm32::*;
    let factor = f32x4_splat(0.999_999);
    let step = f32x4_splat(1e-7);
    let mut acc = [f32x4_splat(1.0); 8];
    for (k, lane) in acc.iter_mut().enumerate() {
        *lane = f32x4_splat(1.0 + k as f32 * 1e-3);
    }
    for _ in 0..iterations {
        for lane in acc.iter_mut() {
            *lane = f32x4_add(f32x4_mul(*lane, factor), step);
        }
    }
    acc.iter()
        .map(|v| f32x4_extract_lane::<0>(*v) + f32x4_extract_lane::<3>(*v))
        .sum()
}
